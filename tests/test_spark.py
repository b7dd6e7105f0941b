"""`articlex.scale.spark` and the Common Crawl example job, in Spark local mode (one session for the module)."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from pyspark.sql import SparkSession

import articlex
from articlex.options import Options
from articlex.scale.batch import failure_of
from articlex.scale.extras import MissingDependencyError
from articlex.scale.rows import COLUMNS, flat_row
from articlex.scale.spark import article_schema, extract_pages, extract_warcs, open_path
from warc_pages import FIXTURE_PAGE, LIBRARY_PAGE, expected_pages, record_id, write_warc

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "spark_commoncrawl.py"


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """A local[2] session with a quiet, small configuration; workers run this test's Python."""
    previous = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("articlex-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    if previous is None:
        os.environ.pop("PYSPARK_PYTHON", None)
    else:
        os.environ["PYSPARK_PYTHON"] = previous


@pytest.fixture(scope="module")
def warc_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_warc(tmp_path_factory.mktemp("warc") / "crawl.warc.gz")


def direct_rows() -> dict[str, dict[str, object]]:
    """The flat rows of `extract` run directly on each HTML page of the test WARC file."""
    rows = {}
    for page in expected_pages():
        article = articlex.extract(page.payload, url=page.url, encoding=page.content_type)
        rows[page.key] = flat_row(page.key, page.url, article)
    return rows


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spark_commoncrawl", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_schema_has_a_column_per_article_field() -> None:
    """Every `Article` field is a column, with key, source_url and the error columns around them."""
    names = [field.name for field in article_schema().fields]
    assert names == ["key", "source_url", *articlex.Article.model_fields, "error_kind", "error_message"]
    assert article_schema()["authors"].dataType.simpleString() == "array<string>"
    assert article_schema()["published"].dataType.simpleString() == "string"


def test_warc_rows_equal_direct_extraction(spark: SparkSession, warc_file: Path) -> None:
    """Each page row of `extract_warcs` equals the flat row of `extract` run on the record directly."""
    rows = {row["key"]: row.asDict() for row in extract_warcs(spark, [str(warc_file)]).collect()}
    for key, expected in direct_rows().items():
        assert rows[key] == expected


def test_a_cut_warc_record_is_an_error_row(spark: SparkSession, warc_file: Path) -> None:
    """The cut record gives a row with error_kind WarcFormatError and no article columns."""
    rows = {row["key"]: row.asDict() for row in extract_warcs(spark, [str(warc_file)]).collect()}
    cut = rows[record_id(8)]
    assert cut["error_kind"] == "WarcFormatError"
    assert cut["headline"] is None


def test_dataframe_pages_give_rows_equal_to_direct_extraction(spark: SparkSession) -> None:
    """`extract_pages` on (url, html) rows, html binary, equals `extract`; a null page is an error row."""
    pages = [
        ("https://a.example/1", FIXTURE_PAGE.read_bytes()),
        ("https://a.example/2", LIBRARY_PAGE.encode()),
        ("https://a.example/3", None),
    ]
    frame = spark.createDataFrame(pages, "url string, html binary")
    rows = {row["key"]: row.asDict() for row in extract_pages(frame).collect()}
    for url, html in pages[:2]:
        assert rows[url] == flat_row(url, url, articlex.extract(html, url=url))
    assert rows["https://a.example/3"]["error_kind"] == "InputTypeError"


def test_a_key_column_and_string_html_are_accepted(spark: SparkSession) -> None:
    """With key_column, rows are keyed by it; html may be a string column."""
    frame = spark.createDataFrame([("k1", "https://a.example/1", LIBRARY_PAGE)], "id string, url string, html string")
    [row] = extract_pages(frame, key_column="id").collect()
    assert row.asDict() == flat_row(
        "k1", "https://a.example/1", articlex.extract(LIBRARY_PAGE, url="https://a.example/1")
    )


def test_the_example_job_writes_parquet_equal_to_direct_extraction(
    spark: SparkSession, warc_file: Path, tmp_path: Path
) -> None:
    """examples/spark_commoncrawl.py reads a paths file, writes Parquet, and its rows equal `extract`'s."""
    example = load_example()
    paths_file = tmp_path / "warc.paths"
    paths_file.write_text(f"# test crawl\n{warc_file.name}\n{tmp_path / 'missing.warc.gz'}\n", encoding="utf-8")
    paths = example.read_paths(paths_file, prefix=str(warc_file.parent))
    counts = example.run(spark, paths, str(tmp_path / "out"), options=Options())
    written = {row["key"]: row.asDict() for row in spark.read.parquet(str(tmp_path / "out")).collect()}
    for key, expected in direct_rows().items():
        assert written[key] == expected
    missing = str(tmp_path / "missing.warc.gz")
    assert written[missing]["error_kind"] == "FileNotFoundError"
    assert counts == {"pages": 5, "failed": 2, "with_body": 3}


def test_rows_carry_decisions_as_json(spark: SparkSession, warc_file: Path) -> None:
    """Decisions, provenance and diagnostics are JSON strings that parse back to the Article's."""
    rows = {row["key"]: row for row in extract_warcs(spark, [str(warc_file)]).collect()}
    page = expected_pages()[0]
    article = articlex.extract(page.payload, url=page.url, encoding=page.content_type)
    assert json.loads(rows[page.key]["decisions"]) == article.model_dump(mode="json")["decisions"]


def test_flat_row_of_a_failure_has_only_the_error_columns() -> None:
    """A failure's flat row has key, source_url and the error columns; every article column is null."""
    row = flat_row("k", "https://a.example/", failure_of("k", ValueError("bad")))
    assert {name for name, value in row.items() if value is not None} == {
        "key",
        "source_url",
        "error_kind",
        "error_message",
    }
    assert list(row) == [column.name for column in COLUMNS]


def test_s3a_paths_are_opened_through_fsspec_as_s3(monkeypatch: pytest.MonkeyPatch) -> None:
    """An s3a:// WARC path is handed to fsspec as s3://, other URLs as they are."""
    opened: list[str] = []
    fake = ModuleType("fsspec")
    fake.open = lambda url, mode: opened.append(url) or io.BytesIO(b"")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fsspec", fake)
    open_path("s3a://commoncrawl/crawl-data/x.warc.gz")
    open_path("https://data.example/x.warc.gz")
    assert opened == ["s3://commoncrawl/crawl-data/x.warc.gz", "https://data.example/x.warc.gz"]


def test_a_url_without_fsspec_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without fsspec, opening a URL raises MissingDependencyError naming fsspec and s3fs."""
    monkeypatch.setitem(sys.modules, "fsspec", None)
    with pytest.raises(MissingDependencyError, match="pip install fsspec s3fs"):
        open_path("s3a://bucket/x.warc.gz")

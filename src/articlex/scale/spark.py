"""Apache Spark: extract articles from a DataFrame of pages or from WARC files, on a cluster.

Needs `pip install "articlex[spark]"` on the driver, and articlex (with `[warc]` for WARC input)
on every executor; docs/scale.md shows how to ship it.

    from articlex.scale.spark import extract_pages, extract_warcs
    articles = extract_pages(pages_df)                       # columns url, html
    articles = extract_warcs(spark, ["s3a://bucket/x.warc.gz", ...])
    articles.write.parquet("articles/")

Both run `articlex.extract` inside `mapPartitions`, so each executor's Python worker imports
articlex once and then extracts page after page, with no per-row UDF call overhead and no
Arrow round trip. The output has one row per page with the columns of `articlex.scale.rows` (the
`Article` fields flattened: strings, arrays of strings, ISO 8601 date strings, JSON strings for
provenance, decisions and diagnostics) plus `key`, `source_url`, `error_kind` and
`error_message`. A page that fails gives a row with the error columns set, never a failed task:
on a crawl of billions of pages some pages always fail. Extraction runs in the Python worker
itself; the soft `Options.time_budget` bounds each page, and a crash of the worker (which
articlex's own code cannot cause, a native parser bug could) is retried by Spark like any task.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any

from articlex.options import DEFAULT_OPTIONS, Options
from articlex.scale.batch import Result, extract_result, failure_of
from articlex.scale.extras import MissingDependencyError, install_extra, require
from articlex.scale.inputs import PageInput
from articlex.scale.rows import COLUMNS, flat_row
from articlex.scale.warc import WarcFormatError, iter_pages

try:
    # Optional dependency: without pyspark, mypy sees these names as Any.
    from pyspark import RDD  # type: ignore[import-not-found, unused-ignore]
    from pyspark.sql import DataFrame, SparkSession  # type: ignore[import-not-found, unused-ignore]
    from pyspark.sql.types import (  # type: ignore[import-not-found, unused-ignore]
        ArrayType,
        StringType,
        StructField,
        StructType,
    )
except ImportError as error:  # pragma: no cover - exercised only where pyspark is missing
    msg = f"articlex.scale.spark needs pyspark, which is not installed: {install_extra('spark')}"
    raise MissingDependencyError(msg) from error

__all__ = ["article_schema", "extract_pages", "extract_warcs"]

Row = tuple[object, ...]


def article_schema() -> StructType:
    """The Spark schema of the output, derived from `Article` through `articlex.scale.rows.COLUMNS`."""
    fields = []
    for column in COLUMNS:
        spark_type = ArrayType(StringType()) if column.kind == "strings" else StringType()
        fields.append(StructField(column.name, spark_type, nullable=True))
    return StructType(fields)


def extract_pages(
    pages: DataFrame,
    *,
    url_column: str = "url",
    html_column: str = "html",
    key_column: str | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> DataFrame:
    """One article row per row of PAGES, whose HTML_COLUMN holds the page (string or binary).

    The key of each row is KEY_COLUMN's value, or the URL when no key column is given.
    """
    key = key_column or url_column
    selected = pages.select(key, url_column, html_column).rdd
    rows = selected.mapPartitions(functools.partial(_page_rows, options))
    return pages.sparkSession.createDataFrame(rows, article_schema())


def extract_warcs(
    spark: SparkSession,
    paths: RDD[str] | Iterable[str],
    *,
    options: Options = DEFAULT_OPTIONS,
) -> DataFrame:
    """One article row per HTML page of the WARC files at PATHS (local paths or fsspec URLs, s3a:// too).

    A list of paths is spread one file per partition; an RDD is used with its own partitioning.
    A WARC file that is cut short or unreadable gives one error row (key: its cut record, or the
    file's path) after the rows of its readable pages.
    """
    if isinstance(paths, RDD):
        path_rdd: RDD[str] = paths
    else:
        listed = list(paths)
        path_rdd = spark.sparkContext.parallelize(listed, max(1, len(listed)))
    rows = path_rdd.mapPartitions(functools.partial(_warc_rows, options))
    return spark.createDataFrame(rows, article_schema())


def _row(key: str, url: str | None, result: Result) -> Row:
    values = flat_row(key, url, result)
    return tuple(values[column.name] for column in COLUMNS)


def _page_rows(options: Options, rows: Iterable[Any]) -> Iterator[Row]:
    """The mapPartitions function of `extract_pages`: (key, url, html) rows in, article rows out."""
    for key, url, html in rows:
        data = bytes(html) if isinstance(html, bytearray) else html
        source = PageInput(key=key, data=data, url=url)
        yield _row(key, url, extract_result(source, options=options))


def _warc_rows(options: Options, paths: Iterable[str]) -> Iterator[Row]:
    """The mapPartitions function of `extract_warcs`: WARC paths in, article rows out."""
    for path in paths:
        yield from _rows_of_warc(path, options)


def _rows_of_warc(path: str, options: Options) -> Iterator[Row]:
    try:
        with open_path(path) as stream:
            for source in iter_pages(stream):
                yield _row(source.key, source.url, extract_result(source, options=options))
    except WarcFormatError as error:
        yield _row(error.key or path, error.url, failure_of(error.key or path, error))
    except OSError as error:
        yield _row(path, None, failure_of(path, error))


def open_path(path: str) -> AbstractContextManager[IO[bytes]]:
    """Open a local path, or a URL through fsspec (`s3a://` read as `s3://`, which needs s3fs)."""
    if "://" not in path or path.startswith("file://"):
        return Path(path.removeprefix("file://")).open("rb")
    fsspec = require("fsspec", f"reading {path}", "pip install fsspec s3fs (s3fs for s3:// and s3a://)")
    url = "s3://" + path.removeprefix("s3a://") if path.startswith("s3a://") else path
    opened: AbstractContextManager[IO[bytes]] = fsspec.open(url, "rb")
    return opened

"""`articlex batch`: folders and WARC files in, one JSON line (or Parquet row) per page out."""

from __future__ import annotations

import gzip
import io
import json
import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from pytest_httpserver import HTTPServer

import articlex
from articlex.cli import main
from articlex.scale.progress import Progress
from warc_pages import CAFE_URL, FIXTURE_PAGE, LIBRARY_PAGE, expected_pages, record_id, write_warc

LEAN = articlex.Options(include_decisions=False)


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_key(path: Path) -> dict[str, dict[str, object]]:
    return {str(line["key"]): line for line in lines(path)}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of pages: nested, every page suffix, a file to ignore, an empty page."""
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    (root / "a.html").write_bytes(FIXTURE_PAGE.read_bytes())
    (root / "sub" / "b.htm").write_text(LIBRARY_PAGE, encoding="utf-8")
    (root / "sub" / "c.html.gz").write_bytes(gzip.compress(FIXTURE_PAGE.read_bytes()))
    (root / "sub" / "d.txt").write_text(
        (FIXTURE_PAGE.parent / "page.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (root / "notes.json").write_text("{}", encoding="utf-8")
    (root / "empty.html").write_bytes(b"")
    return root


def test_a_folder_gives_one_line_per_page_file(folder: Path, tmp_path: Path) -> None:
    """Every .html, .htm, .html.gz and .txt file under the folder gets a line keyed by its path; others are ignored."""
    out = tmp_path / "out.jsonl"
    main(["batch", str(folder), "-o", str(out), "--workers", "2", "--quiet"])
    expected = {str(folder / name) for name in ("a.html", "sub/b.htm", "sub/c.html.gz", "sub/d.txt", "empty.html")}
    assert set(by_key(out)) == expected


def test_a_page_line_holds_the_article_as_extract_gives_it(folder: Path, tmp_path: Path) -> None:
    """The "article" of a line is `extract`'s Article dumped to JSON, lean (no decisions) by default."""
    out = tmp_path / "out.jsonl"
    main(["batch", str(folder / "a.html"), "-o", str(out), "--quiet"])
    [line] = lines(out)
    assert line == {
        "key": str(folder / "a.html"),
        "url": None,
        "article": articlex.extract(FIXTURE_PAGE.read_bytes(), options=LEAN).model_dump(mode="json"),
    }


def test_decisions_adds_the_per_block_decisions(folder: Path, tmp_path: Path) -> None:
    """--decisions gives the Article exactly as `extract` does by default, decisions included."""
    out = tmp_path / "out.jsonl"
    main(["batch", str(folder / "a.html"), "-o", str(out), "--quiet", "--decisions"])
    [line] = lines(out)
    assert line["article"] == articlex.extract(FIXTURE_PAGE.read_bytes()).model_dump(mode="json")
    assert line["article"]["decisions"]  # type: ignore[index]


def test_a_failed_page_gets_an_error_line_and_exit_status_1(folder: Path, tmp_path: Path) -> None:
    """A page that cannot be read gives {"key", "error": {"kind", "message"}} and the run exits with 1."""
    out = tmp_path / "out.jsonl"
    status = main(["batch", str(folder), "-o", str(out), "--quiet"])
    error = by_key(out)[str(folder / "empty.html")]["error"]
    assert status == 1
    assert error["kind"] == "EmptyInputError"  # type: ignore[index]
    assert error["message"]  # type: ignore[index]


def test_a_missing_input_gets_an_error_line(tmp_path: Path) -> None:
    """An input path that does not exist is reported as a failed page, not dropped."""
    out = tmp_path / "out.jsonl"
    main(["batch", str(tmp_path / "nope.html"), "-o", str(out), "--quiet"])
    assert lines(out)[0]["error"]["kind"] == "FileNotFoundError"  # type: ignore[index]


def test_warc_pages_are_keyed_by_record_id_with_the_target_uri(tmp_path: Path) -> None:
    """A WARC input gives a line per HTML page: key = WARC-Record-ID, url = WARC-Target-URI."""
    out = tmp_path / "out.jsonl"
    main(["batch", str(write_warc(tmp_path / "crawl.warc.gz")), "-o", str(out), "--quiet"])
    found = by_key(out)
    for page in expected_pages():
        assert found[page.key]["url"] == page.url
        assert found[page.key]["article"] == articlex.extract(
            page.payload, url=page.url, encoding=page.content_type, options=LEAN
        ).model_dump(mode="json")


def test_a_warc_record_cut_short_gets_an_error_line(tmp_path: Path) -> None:
    """The cut record of the WARC file is reported under its record id, kind WarcFormatError."""
    out = tmp_path / "out.jsonl"
    main(["batch", str(write_warc(tmp_path / "crawl.warc")), "-o", str(out), "--quiet"])
    assert by_key(out)[record_id(8)]["error"]["kind"] == "WarcFormatError"  # type: ignore[index]


def test_the_summary_counts_pages_articles_and_failures(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """At the end, standard error holds pages, articles with a body, failures by kind and the time."""
    main(["batch", str(folder), "-o", str(tmp_path / "out.jsonl")])
    err = capsys.readouterr().err
    assert "pages     5" in err
    assert "articles  4 with a body" in err
    assert "failures  1: EmptyInputError 1" in err
    assert "pages/s)" in err


def test_quiet_prints_nothing(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--quiet leaves standard output and standard error empty."""
    main(["batch", str(folder), "-o", str(tmp_path / "out.jsonl"), "--quiet"])
    assert capsys.readouterr() == ("", "")


def test_no_progress_line_when_stderr_is_not_a_terminal(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Standard error that is not a TTY gets the summary only, no progress line."""
    main(["batch", str(folder), "-o", str(tmp_path / "out.jsonl")])
    assert "\r" not in capsys.readouterr().err


def test_the_progress_line_shows_pages_rate_failures_and_eta() -> None:
    """On a terminal the progress line shows pages done, pages/s, failures and the time left."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(stream, enabled=True, total_bytes=1000)
    progress.update(10, 1, 250, force=True)
    assert progress.render(10, 1, 250, 5.0) == "10 pages | 2.0 pages/s | 1 failed | 25% | ETA 0:00:15"
    assert stream.getvalue().startswith("\r10 pages | ")


def test_resume_skips_done_pages_and_appends(folder: Path, tmp_path: Path) -> None:
    """--resume keeps the existing lines, extracts only the pages not in them, and never duplicates."""
    out = tmp_path / "out.jsonl"
    main(["batch", str(folder / "a.html"), "-o", str(out), "--quiet"])
    first = out.read_text(encoding="utf-8")
    main(["batch", str(folder), "-o", str(out), "--resume", "--quiet"])
    keys = [line["key"] for line in lines(out)]
    assert out.read_text(encoding="utf-8").startswith(first)
    assert len(keys) == len(set(keys)) == 5


def test_resume_drops_a_half_written_last_line(folder: Path, tmp_path: Path) -> None:
    """A last line cut short by a killed run is removed and its page extracted again."""
    out = tmp_path / "out.jsonl"
    main(["batch", str(folder), "-o", str(out), "--quiet"])
    whole = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(whole[:-1]) + whole[-1][:40], encoding="utf-8")
    main(["batch", str(folder), "-o", str(out), "--resume", "--quiet"])
    assert sorted(out.read_text(encoding="utf-8").splitlines(keepends=True)) == sorted(whole)


def test_a_killed_run_goes_on_with_resume(tmp_path: Path) -> None:
    """A run killed midway (SIGKILL) and resumed ends with every page exactly once."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        (folder / f"{number:03}.html").write_text(LIBRARY_PAGE.replace("Monday", f"day {number}"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "articlex", "batch", str(folder), "-o", str(out), "--workers", "1", "--quiet"]
    run = subprocess.Popen(command)  # noqa: S603 - our own interpreter and arguments
    deadline = time.monotonic() + 60
    while (not out.exists() or out.read_bytes().count(b"\n") < 5) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    done_before = out.read_bytes().count(b"\n")
    assert 5 <= done_before < 300
    assert subprocess.run([*command, "--resume"], check=False).returncode == 0  # noqa: S603
    keys = [line["key"] for line in lines(out)]
    assert sorted(keys) == sorted(str(path) for path in folder.iterdir())


def test_parquet_output_has_one_flat_row_per_page(tmp_path: Path) -> None:
    """--format parquet writes the flat rows: key, source_url, article columns, error columns."""
    out = tmp_path / "out.parquet"
    main(["batch", str(write_warc(tmp_path / "crawl.warc.gz")), "-o", str(out), "--format", "parquet", "--quiet"])
    rows = {row["key"]: row for row in pq.read_table(out).to_pylist()}
    assert set(rows) == {*(page.key for page in expected_pages()), record_id(8)}
    cafe = rows[record_id(7)]
    assert (cafe["source_url"], cafe["headline"], cafe["error_kind"]) == (
        CAFE_URL,
        "Café owners fear the new rent rules",
        None,
    )
    assert rows[record_id(8)]["error_kind"] == "WarcFormatError"


def test_parquet_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without pyarrow, --format parquet exits with 2 and tells to pip install "articlex[parquet]"."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    status = main(["batch", str(tmp_path), "-o", str(tmp_path / "o.parquet"), "--format", "parquet"])
    assert status == 2
    assert 'pip install "articlex[parquet] @ git+' in capsys.readouterr().err


def test_resume_with_parquet_is_a_usage_error(tmp_path: Path) -> None:
    """--resume works on JSON Lines only; asking it of Parquet exits with 2."""
    with pytest.raises(SystemExit) as caught:
        main(["batch", str(tmp_path), "-o", str(tmp_path / "o.parquet"), "--format", "parquet", "--resume"])
    assert caught.value.code == 2


def test_in_process_and_worker_runs_write_the_same_lines(folder: Path, tmp_path: Path) -> None:
    """--workers 0 (in this process) and --workers 2 give the same lines, maybe in another order."""
    main(["batch", str(folder), "-o", str(tmp_path / "a.jsonl"), "--workers", "0", "--quiet"])
    main(["batch", str(folder), "-o", str(tmp_path / "b.jsonl"), "--workers", "2", "--quiet"])
    assert by_key(tmp_path / "a.jsonl") == by_key(tmp_path / "b.jsonl")


def test_the_single_page_command_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    """`articlex PATH` still prints the Article as indented JSON."""
    assert main([str(FIXTURE_PAGE)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("{\n  ")
    assert json.loads(printed) == articlex.extract(FIXTURE_PAGE.read_bytes()).model_dump(mode="json")


# ---- output conventions ----------------------------------------------------------------------------


def test_the_output_format_follows_the_extension(folder: Path, tmp_path: Path) -> None:
    """-o x.parquet writes Parquet and -o x.json JSON Lines, without --format."""
    main(["batch", str(folder / "a.html"), "-o", str(tmp_path / "x.parquet"), "--quiet"])
    assert pq.read_table(tmp_path / "x.parquet").num_rows == 1
    main(["batch", str(folder / "a.html"), "-o", str(tmp_path / "x.json"), "--quiet"])
    assert len(lines(tmp_path / "x.json")) == 1


def test_format_overrides_the_extension(folder: Path, tmp_path: Path) -> None:
    main(["batch", str(folder / "a.html"), "-o", str(tmp_path / "x.out"), "--format", "parquet", "--quiet"])
    assert pq.read_table(tmp_path / "x.out").num_rows == 1


def test_dash_writes_json_lines_to_stdout(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(folder), "-o", "-", "--workers", "0"]) == 1  # the empty page fails
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert len(records) == 5
    assert "pages     5" in captured.err


@pytest.mark.parametrize("extra", [["--format", "parquet"], ["--resume"]])
def test_stdout_cannot_be_parquet_or_resumed(tmp_path: Path, extra: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["batch", str(tmp_path), "-o", "-", *extra])
    assert caught.value.code == 2


def test_a_closed_pipe_ends_the_batch_quietly(tmp_path: Path) -> None:
    """`articlex batch ... -o - | head -n 1` exits 0 with no traceback, its workers stopped."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(60):
        (folder / f"{number:03}.html").write_text(LIBRARY_PAGE.replace("Monday", f"day {number}"), encoding="utf-8")
    command = f"{shlex.quote(sys.executable)} -m articlex batch {shlex.quote(str(folder))} -o - --workers 2 --decisions"
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        ["bash", "-c", f"set -o pipefail; {command} | head -n 1"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1


# ---- what a folder walk reads ----------------------------------------------------------------------


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    """Pages under the other names servers and wget give them, and files that are not pages."""
    root = tmp_path / "odd"
    root.mkdir()
    page = FIXTURE_PAGE.read_bytes()
    (root / "a.shtml").write_bytes(page)
    (root / "b.xhtml").write_bytes(page)
    (root / "c.htm.gz").write_bytes(gzip.compress(page))
    (root / "news-1").write_bytes(page)  # extension-less, HTML
    (root / "story").write_bytes(gzip.compress(page))  # extension-less, gzipped HTML
    (root / "blob").write_bytes(bytes(range(256)) * 8)  # extension-less, not HTML
    (root / "data.json").write_text("{}", encoding="utf-8")
    (root / "page.php").write_bytes(page)
    return root


def test_a_folder_reads_every_kind_of_page_and_counts_the_rest(
    odd_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(odd_folder), "-o", str(out), "--workers", "0"]) == 0
    assert sorted(Path(key).name for key in by_key(out)) == ["a.shtml", "b.xhtml", "c.htm.gz", "news-1", "story"]
    err = capsys.readouterr().err
    assert "pages     5" in err
    assert "skipped   3 files in folders that are not pages (--verbose lists them" in err


def test_verbose_lists_the_skipped_files(odd_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["batch", str(odd_folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "0", "--verbose"])
    skipped = [line for line in capsys.readouterr().err.splitlines() if line.startswith("articlex batch: skipped")]
    assert [line.split()[3].rstrip(":") for line in skipped] == [
        str(odd_folder / "blob"),
        str(odd_folder / "data.json"),
        str(odd_folder / "page.php"),
    ]
    assert "does not start like HTML" in skipped[0]


def test_glob_chooses_the_files(odd_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    main(["batch", str(odd_folder), "-o", str(out), "--workers", "0", "--glob", "*.php", "--glob", "*.shtml"])
    assert sorted(Path(key).name for key in by_key(out)) == ["a.shtml", "page.php"]
    assert "skipped   6 files" in capsys.readouterr().err


# ---- URLs --------------------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    """A local HTTP server on 127.0.0.1 (no network)."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


def test_a_file_of_urls_is_fetched_and_extracted(server: HTTPServer, tmp_path: Path) -> None:
    """--urls FILE: one line per URL, keyed by the URL, with the final address; a 404 is an error line."""
    server.expect_request("/a").respond_with_data(FIXTURE_PAGE.read_bytes(), content_type="text/html")
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/library"})
    server.expect_request("/library").respond_with_data(LIBRARY_PAGE, content_type="text/html; charset=utf-8")
    server.expect_request("/gone").respond_with_data("no", status=404)
    listing = tmp_path / "urls.txt"
    listing.write_text(
        f"# my list\n{server.url_for('/a')}\n\n{server.url_for('/b')}\n{server.url_for('/gone')}\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    status = main(["batch", "--urls", str(listing), "-o", str(out), "--quiet", "--workers", "0", "--delay", "0"])
    assert status == 1
    found = by_key(out)
    assert set(found) == {server.url_for("/a"), server.url_for("/b"), server.url_for("/gone")}
    assert found[server.url_for("/b")]["url"] == server.url_for("/library")
    assert found[server.url_for("/a")]["article"]["agency"] == "IANS"  # type: ignore[index]
    assert found[server.url_for("/gone")]["error"]["kind"] == "HTTPStatusError"  # type: ignore[index]


def test_urls_on_the_command_line_are_spaced_per_host(server: HTTPServer, tmp_path: Path) -> None:
    """--delay spaces the requests to one host, however many are fetched at once."""
    server.expect_request("/p").respond_with_data(LIBRARY_PAGE, content_type="text/html")
    urls = [server.url_for(f"/p?n={n}") for n in range(4)]
    started = time.monotonic()
    main(["batch", *urls, "-o", str(tmp_path / "out.jsonl"), "--quiet", "--workers", "0", "--delay", "0.25"])
    assert time.monotonic() - started >= 0.75
    assert len(lines(tmp_path / "out.jsonl")) == 4


def test_respect_robots_turns_a_forbidden_url_into_an_error_line(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    server.expect_request("/private/1").respond_with_data(LIBRARY_PAGE, content_type="text/html")
    server.expect_request("/open/1").respond_with_data(LIBRARY_PAGE, content_type="text/html")
    out = tmp_path / "out.jsonl"
    urls = [server.url_for("/private/1"), server.url_for("/open/1")]
    main(["batch", *urls, "-o", str(out), "--quiet", "--workers", "0", "--delay", "0", "--respect-robots"])
    found = by_key(out)
    assert found[urls[0]]["error"]["kind"] == "RobotsDisallowedError"  # type: ignore[index]
    assert "article" in found[urls[1]]
    assert "/private/1" not in [request.path for request, _ in server.log]


# ---- the same through the installed command -----------------------------------------------------


def run_command(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "articlex", "batch", *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_command_writes_a_folder_to_stdout_and_says_what_it_skipped(odd_folder: Path) -> None:
    result = run_command(str(odd_folder), "-o", "-", "--workers", "1", "--verbose")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert all(record["article"]["decisions"] == [] for record in records)  # lean by default
    assert f"articlex batch: skipped {odd_folder / 'data.json'}: not a page file name" in result.stderr
    assert "skipped   3 files in folders that are not pages" in result.stderr


def test_command_fetches_a_url_list_into_parquet_by_extension(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/a").respond_with_data(FIXTURE_PAGE.read_bytes(), content_type="text/html")
    server.expect_request("/b").respond_with_data(LIBRARY_PAGE, content_type="text/html; charset=utf-8")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{server.url_for('/a')}\n{server.url_for('/b')}\n", encoding="utf-8")
    out = tmp_path / "articles.parquet"
    result = run_command("--urls", str(listing), "-o", str(out), "--workers", "1", "--delay", "0", "--decisions")
    assert result.returncode == 0, result.stderr
    rows = {row["key"]: row for row in pq.read_table(out).to_pylist()}
    assert set(rows) == {server.url_for("/a"), server.url_for("/b")}
    assert rows[server.url_for("/a")]["agency"] == "IANS"
    assert json.loads(rows[server.url_for("/a")]["decisions"])

"""The `articlex` command: outputs, standard input, errors per input, and the installed entry points."""

from __future__ import annotations

import io
import json
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import articlex
from articlex.cli import main

HEADLINE = "Council approves new budget"
FIRST = (
    "The city council approved the new budget on Tuesday evening after a long debate that lasted more than four hours."
)
SECOND = "Supporters said the plan would fund new schools, repair roads and hire more teachers, while critics warned about debt."
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{HEADLINE}</h1><p>{FIRST}</p><p>{SECOND}</p></article>
</body></html>
"""
TEXT_PAGE = f"Home\nNews\n\n{HEADLINE}\n\n{FIRST}\n\n{SECOND}\n"


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(TEXT_PAGE, encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_one_file_prints_the_article_as_indented_json(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One input prints its `Article` as one indented JSON document and exits 0."""
    status, out, err = run([str(page_file)], capsys)
    assert status == 0
    assert err == ""
    assert out.startswith("{\n  ")
    data = json.loads(out)
    assert data["headline"] == HEADLINE
    assert data["paragraphs"] == [FIRST, SECOND]
    assert data["decisions"]


def test_json_output_is_a_valid_article(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The printed JSON validates back into an `Article`."""
    _, out, _ = run([str(page_file)], capsys)
    article = articlex.Article.model_validate_json(out)
    assert article.text == f"{FIRST}\n\n{SECOND}"


def test_several_files_print_one_json_object_per_line(
    page_file: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Several inputs print one JSON object per line, each with its 'source' and 'article'."""
    status, out, _ = run([str(page_file), str(text_file)], capsys)
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [record["source"] for record in records] == [str(page_file), str(text_file)]
    assert all(FIRST in record["article"]["paragraphs"] for record in records)


def test_format_text_has_headline_and_body(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--format text` prints the headline first, then the body paragraphs."""
    status, out, _ = run(["--format", "text", str(page_file)], capsys)
    assert status == 0
    assert out.splitlines()[0] == HEADLINE
    assert f"{FIRST}\n\n{SECOND}" in out


def test_format_markdown_has_headline_and_body(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--format markdown` prints '# headline' and the body paragraphs."""
    status, out, _ = run(["--format", "markdown", str(page_file)], capsys)
    assert status == 0
    assert out.splitlines()[0] == f"# {HEADLINE}"
    assert f"{FIRST}\n\n{SECOND}" in out


def test_dash_reads_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' reads the page from standard input (as bytes)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    status, out, _ = run(["-"], capsys)
    assert status == 0
    assert json.loads(out)["paragraphs"] == [FIRST, SECOND]


def test_url_is_passed_through(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--url` reaches `extract` and appears as the article's `url`."""
    _, out, _ = run(["--url", "https://example.com/news/1", str(page_file)], capsys)
    assert json.loads(out)["url"] == "https://example.com/news/1"


def test_no_decisions_leaves_decisions_out(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--no-decisions` prints the article with an empty list of decisions."""
    _, out, _ = run(["--no-decisions", str(page_file)], capsys)
    assert json.loads(out)["decisions"] == []


def test_kind_text_reads_html_as_text(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--kind text` treats the input as plain text."""
    _, out, _ = run(["--kind", "text", str(page_file)], capsys)
    assert json.loads(out)["diagnostics"]["input_kind"] == "text"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`--version` prints 'articlex <version>' and exits 0."""
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"articlex {articlex.__version__}"


# ---- errors, one input at a time -----------------------------------------------------------------


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "folder"
    folder.mkdir()
    return {"missing": tmp_path / "missing.html", "directory": folder, "binary": junk, "empty": empty}


@pytest.mark.parametrize("case", ["missing", "directory", "binary", "empty"])
def test_bad_input_gives_a_one_line_error_naming_the_path(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file, a directory, binary junk or an empty file: one line on stderr naming the path, status 1."""
    bad = bad_inputs(tmp_path)[case]
    status, out, err = run([str(bad)], capsys)
    assert status == 1
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(f"articlex: {bad}: ")


@pytest.mark.parametrize("case", ["missing", "directory", "binary", "empty"])
def test_bad_input_does_not_stop_the_others(
    case: str, page_file: Path, text_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a bad input between good ones, the good ones are still printed and the status is 1."""
    bad = bad_inputs(tmp_path)[case]
    status, out, err = run([str(page_file), str(bad), str(text_file)], capsys)
    assert status == 1
    records = [json.loads(line) for line in out.splitlines()]
    articles = [record for record in records if "article" in record]
    assert [record["source"] for record in articles] == [str(page_file), str(text_file)]
    assert len(err.splitlines()) == 1
    assert str(bad) in err


def test_bad_input_with_text_format_still_prints_the_others(
    page_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In text format a failing input is reported on stderr only; the good input is printed."""
    missing = tmp_path / "missing.html"
    status, out, err = run(["--format", "text", str(missing), str(page_file)], capsys)
    assert status == 1
    assert FIRST in out
    assert str(missing) not in out
    assert err.strip() == f"articlex: {missing}: no such file"


def test_url_with_several_inputs_is_a_usage_error(
    page_file: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--url` with more than one input exits with the usage status 2."""
    with pytest.raises(SystemExit) as exited:
        main(["--url", "https://example.com/", str(page_file), str(text_file)])
    assert exited.value.code == 2
    assert "--url" in capsys.readouterr().err


# ---- installed entry points ------------------------------------------------------------------------


def console_script() -> Path:
    return Path(sys.executable).with_name("articlex")


@pytest.mark.parametrize("command", ["module", "script"])
def test_installed_commands_print_the_article(command: str, page_file: Path) -> None:
    """`python -m articlex` and the `articlex` console script both print the article as JSON."""
    argv = [sys.executable, "-m", "articlex"] if command == "module" else [str(console_script())]
    result = subprocess.run([*argv, str(page_file)], capture_output=True, text=True, check=False, timeout=60)  # noqa: S603
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["paragraphs"] == [FIRST, SECOND]


def test_installed_command_reads_stdin_and_reports_errors(tmp_path: Path) -> None:
    """The console script reads '-' from stdin and reports a missing file on stderr with status 1."""
    missing = tmp_path / "missing.html"
    result = subprocess.run(  # noqa: S603
        [str(console_script()), "--format", "text", "-", str(missing)],
        input=PAGE.encode(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert FIRST in result.stdout.decode()
    assert result.stderr.decode().strip() == f"articlex: {missing}: no such file"


# ---- URLs and pipes ------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    """A local HTTP server on 127.0.0.1 (no network)."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


def articlex_command(*arguments: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "articlex", *arguments],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_url_is_fetched_and_extracted(server: HTTPServer) -> None:
    """`articlex URL` fetches the page (following redirects) and prints its Article with the final address."""
    server.expect_request("/n/1").respond_with_data("", status=301, headers={"Location": "/news/1"})
    server.expect_request("/news/1").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    result = articlex_command(server.url_for("/n/1"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["headline"] == HEADLINE
    assert data["paragraphs"] == [FIRST, SECOND]
    assert data["url"] == server.url_for("/news/1")


def test_urls_and_files_mix_and_a_failed_fetch_is_one_error(server: HTTPServer, page_file: Path) -> None:
    """A 404 gets a one-line error naming the URL and status 1; the other inputs are still printed."""
    server.expect_request("/gone").respond_with_data("no", status=404)
    server.expect_request("/news/1").respond_with_data(PAGE, content_type="text/html")
    gone = server.url_for("/gone")
    result = articlex_command("--fetch-timeout", "5", gone, str(page_file), server.url_for("/news/1"))
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["source"] for record in records] == [gone, str(page_file), server.url_for("/news/1")]
    assert "HTTP 404" in records[0]["error"]
    assert records[2]["article"]["headline"] == HEADLINE
    assert result.stderr.strip() == f"articlex: {gone}: HTTP 404 NOT FOUND from {gone}"


def test_a_url_that_is_not_a_page_says_so(server: HTTPServer) -> None:
    server.expect_request("/logo.png").respond_with_data(b"\x89PNG", content_type="image/png")
    result = articlex_command(server.url_for("/logo.png"))
    assert result.returncode == 1
    assert "image/png, not a web page" in result.stderr


def test_a_bare_url_on_stdin_says_to_fetch_it() -> None:
    result = articlex_command("-", stdin=b"https://example.com/news/1\n")
    assert result.returncode == 1
    assert "articlex URL" in result.stderr


def test_a_closed_pipe_ends_quietly_with_status_0(tmp_path: Path) -> None:
    """`articlex many files | head -n 1` exits 0 without a traceback when head stops reading."""
    pages = []
    for number in range(40):
        path = tmp_path / f"p{number}.html"
        path.write_text(PAGE.replace("Tuesday", f"day {number}"), encoding="utf-8")
        pages.append(str(path))
    command = " ".join([shlex.quote(sys.executable), "-m", "articlex", *pages])
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

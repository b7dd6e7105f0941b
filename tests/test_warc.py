"""`articlex.scale.warc.iter_pages`: the HTML pages of a WARC file, with FastWARC or warcio."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

import articlex
from articlex.scale.inputs import PageInput
from articlex.scale.warc import WarcFormatError, WarcReaderMissingError, _unchunk, iter_pages
from warc_pages import CAFE_URL, _record, _response, expected_pages, record_id, write_warc

BACKENDS = ["fastwarc", "warcio"]
NAMES = ["crawl.warc", "crawl.warc.gz"]


def read_until_cut(source: Path | object, backend: str = "auto") -> tuple[list[PageInput], WarcFormatError | None]:
    """The pages yielded, and the error that ended the iteration (None when it ended normally)."""
    pages: list[PageInput] = []
    try:
        pages.extend(iter_pages(source, backend=backend))  # type: ignore[arg-type]
    except WarcFormatError as error:
        return pages, error
    return pages, None


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_yields_the_html_responses_in_file_order(tmp_path: Path, backend: str, name: str) -> None:
    """Only HTTP 200 HTML responses are pages: key, url, payload and Content-Type come from the record."""
    pages, _ = read_until_cut(write_warc(tmp_path / name), backend)
    expected = [PageInput(page.key, page.payload, page.url, page.content_type) for page in expected_pages()]
    assert pages == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_a_record_cut_short_ends_the_file_with_an_error_naming_it(tmp_path: Path, backend: str, name: str) -> None:
    """The last record, cut before its declared length, raises WarcFormatError with its id and URL."""
    _, error = read_until_cut(write_warc(tmp_path / name), backend)
    assert error is not None
    assert error.key == record_id(8)
    assert "cut short" in str(error)


def test_the_http_charset_decodes_a_page_that_declares_none(tmp_path: Path) -> None:
    """The windows-1252 page is read right only thanks to the charset in its HTTP header."""
    pages, _ = read_until_cut(write_warc(tmp_path / "crawl.warc.gz"))
    cafe = next(page for page in pages if page.url == CAFE_URL)
    article = articlex.extract(cafe.data, url=cafe.url, encoding=cafe.encoding)
    assert article.headline == "Café owners fear the new rent rules"
    assert "about 400€ a month that many of them “simply cannot pay”" in article.text
    assert article.diagnostics is not None
    assert article.diagnostics.encoding_source == "caller"


def test_an_open_stream_reads_like_its_path(tmp_path: Path) -> None:
    """`iter_pages` takes an open binary stream as well as a path."""
    path = write_warc(tmp_path / "crawl.warc.gz")
    with path.open("rb") as stream:
        assert read_until_cut(stream)[0] == read_until_cut(path)[0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_chunked_payload_is_unchunked(tmp_path: Path, backend: str) -> None:
    """A response sent with chunked transfer coding yields the page without the chunk sizes."""
    body = b"5\r\n<html\r\n8\r\n>hello</\r\n5\r\nhtml>\r\n0\r\n\r\n"
    headers = {"Content-Type": "text/html", "Transfer-Encoding": "chunked"}
    path = tmp_path / "chunked.warc.gz"
    path.write_bytes(gzip.compress(_response(1, "https://a.example/", "200 OK", headers, body)))
    [page] = iter_pages(path, backend=backend)  # type: ignore[arg-type]
    assert page.data == b"<html>hello</html>"


def test_unchunk_keeps_bytes_that_are_not_chunked() -> None:
    """Bytes labelled chunked that do not parse as chunks are kept as they are."""
    assert _unchunk(b"<html>not chunked</html>\r\n") == b"<html>not chunked</html>\r\n"


def test_a_file_of_other_records_yields_nothing(tmp_path: Path) -> None:
    """A WARC without responses (warcinfo only) gives no pages and no error."""
    path = tmp_path / "info.warc"
    path.write_bytes(_record("warcinfo", 1, {"Content-Type": "application/warc-fields"}, b"software: x\r\n"))
    assert list(iter_pages(path)) == []


def test_without_any_reader_the_error_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With neither FastWARC nor warcio importable, an ArticlexError names the packages to install."""
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "warcio", None)
    with pytest.raises(WarcReaderMissingError, match=r'pip install "articlex\[warc\] @ git\+') as caught:
        list(iter_pages(write_warc(tmp_path / "crawl.warc")))
    assert isinstance(caught.value, articlex.ArticlexError)


def test_warcio_is_the_fallback_without_fastwarc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without FastWARC, "auto" reads the file with warcio."""
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    pages, error = read_until_cut(write_warc(tmp_path / "crawl.warc.gz"))
    assert [page.key for page in pages] == [page.key for page in expected_pages()]
    assert error is not None

"""Read the HTML pages of a WARC file (a web crawl's archive) as batch `PageInput` records.

`iter_pages` yields one `PageInput` per HTTP 200 `response` record whose Content-Type is HTML:
key = the record's `WARC-Record-ID`, url = its `WARC-Target-URI`, data = the HTTP payload
bytes, encoding = the HTTP `Content-Type` value, so its charset reaches `extract`'s decoding
(the charset of many pages is only in that header). Redirects, errors, images, requests and
metadata records are skipped. WARC and WARC.gz (gzip per record) are both read, from a path
or from an open binary stream.

Two readers, the first one installed is used:

* **FastWARC** (`pip install "articlex[warc]"`): compiled, several times faster than warcio,
  typed, and what the Common Crawl tools use. At crawl scale reading is a visible share of the
  time per page, so it is the default.
* **warcio**: pure Python, widely installed, the fallback.

A record cut short (the file ends before the record's declared length, as after an interrupted
download) is not a page: after every complete page before it has been yielded, iteration stops
with `WarcFormatError`, which names the record, so a caller can report it and go on with the
next file. Errors of the reader libraries are turned into the same `WarcFormatError`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

from articlex.errors import ArticlexError
from articlex.scale.extras import MissingDependencyError, install_extra
from articlex.scale.inputs import PageInput

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord  # type: ignore[import-not-found, unused-ignore]

Backend = Literal["auto", "fastwarc", "warcio"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
"""Content-Type values (before any `;`) of HTML pages."""

INSTALL_HINT = f"{install_extra('warc')} (FastWARC) or pip install warcio"


class WarcError(ArticlexError):
    """Base class of the WARC reading errors."""


class WarcReaderMissingError(WarcError, MissingDependencyError):
    """Neither FastWARC nor warcio is installed."""


class WarcFormatError(WarcError, ValueError):
    """The WARC file is cut short or malformed; `key` and `url` name the record when known."""

    def __init__(self, message: str, *, key: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.key = key
        self.url = url


def available_backend(backend: Backend = "auto") -> Literal["fastwarc", "warcio"]:
    """The reader to use: BACKEND itself, or for "auto" FastWARC, else warcio; raises when missing."""
    wanted: tuple[Literal["fastwarc", "warcio"], ...] = ("fastwarc", "warcio") if backend == "auto" else (backend,)
    for name in wanted:
        if _installed(name):
            return name
    missing = " nor ".join(wanted)
    msg = f"reading WARC files needs {missing}, which is not installed: {INSTALL_HINT}"
    raise WarcReaderMissingError(msg)


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a module set to None in sys.modules (tests) raises ValueError
        return False


def iter_pages(source: str | Path | IO[bytes], *, backend: Backend = "auto") -> Iterator[PageInput]:
    """Yield the HTML pages of a WARC or WARC.gz file (a path, or a binary stream open on one).

    Only HTTP 200 `response` records with an HTML Content-Type are pages; see the module
    docstring for the fields of each `PageInput`. Raises `WarcReaderMissingError` when no reader is
    installed, `WarcFormatError` at a record cut short or unreadable, `OSError` when the file
    cannot be opened.
    """
    reader = _fastwarc_pages if available_backend(backend) == "fastwarc" else _warcio_pages
    with ExitStack() as stack:
        stream: IO[bytes]
        if isinstance(source, str | Path):
            stream, name = stack.enter_context(Path(source).open("rb")), str(source)
        else:
            stream, name = source, str(getattr(source, "name", "stream"))
        yield from reader(stream, name)


def is_html(content_type: str | None) -> bool:
    """True when a Content-Type value names an HTML document."""
    return content_type is not None and content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def _fastwarc_pages(stream: IO[bytes], name: str) -> Iterator[PageInput]:
    from fastwarc.warc import (  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415 - optional
        ArchiveIterator,
        WarcRecordType,
    )

    records = iter(ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (OSError, ValueError) as error:
            raise _unreadable(name, error) from error
        page = _fastwarc_page(record, name)
        if page is not None:
            yield page


def _fastwarc_page(record: WarcRecord, name: str) -> PageInput | None:
    key = record.record_id or ""
    url = record.headers.get("WARC-Target-URI")
    http = record.http_headers if record.is_http_parsed else None
    if http is None:
        if record.content_length > len(record.reader.read()):
            raise _cut_short(name, key, url)
        return None
    if http.status_code != 200 or not is_html(http.get("Content-Type")):
        return None
    payload = record.reader.read()
    if len(payload) < record.content_length:
        raise _cut_short(name, key, url)
    if (http.get("Transfer-Encoding") or "").strip().lower() == "chunked":
        payload = _unchunk(payload)
    return PageInput(key=key, data=payload, url=url, encoding=http.get("Content-Type"))


def _cut_short(name: str, key: str, url: str | None) -> WarcFormatError:
    return WarcFormatError(f"{name}: record {key} ({url}) is cut short", key=key, url=url)


def _unreadable(name: str, error: Exception) -> WarcFormatError:
    return WarcFormatError(f"{name}: unreadable WARC record: {error}")


def _unchunk(payload: bytes) -> bytes:
    """Undo HTTP chunked transfer coding (warcio does this itself; FastWARC is asked for raw bytes).

    Content codings need nothing here: `extract` inflates gzip bytes itself.
    """
    body = bytearray()
    position = 0
    while True:
        line_end = payload.find(b"\r\n", position)
        if line_end < 0:
            return bytes(body)
        try:
            size = int(payload[position:line_end].split(b";", 1)[0], 16)
        except ValueError:
            return payload  # not chunked after all: keep the bytes as they are
        if size == 0:
            return bytes(body)
        body += payload[line_end + 2 : line_end + 2 + size]
        position = line_end + 2 + size + 2


def _warcio_pages(stream: IO[bytes], name: str) -> Iterator[PageInput]:
    from warcio.archiveiterator import (  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
        ArchiveIterator,
    )

    records = iter(ArchiveIterator(stream))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as error:  # warcio raises bare AttributeError, ArchiveLoadFailed, zlib errors
            raise _unreadable(name, error) from error
        page = _warcio_page(record, name)
        if page is not None:
            yield page


def _warcio_page(record: object, name: str) -> PageInput | None:
    if getattr(record, "rec_type", None) != "response" or getattr(record, "http_headers", None) is None:
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    key = headers.get_header("WARC-Record-ID") or ""
    url = headers.get_header("WARC-Target-URI")
    content_type = http.get_header("Content-Type")
    if http.get_statuscode() != "200" or not is_html(content_type):
        return None
    payload = record.content_stream().read()  # type: ignore[attr-defined]
    if record.raw_stream.limit > 0:  # type: ignore[attr-defined]
        raise _cut_short(name, key, url)
    return PageInput(key=key, data=payload, url=url, encoding=content_type)

"""A small WARC file written by hand for the batch, WARC, CLI and Spark tests.

WARC/1.0 is simple enough to write directly, which lets the file hold records a well-behaved
writer would refuse to produce (a record cut short). `.warc.gz` files gzip every record on its
own and concatenate the members, as crawlers do.

The file holds, in order: a `warcinfo` record, the fixture page (UTF-8), a `request` record, a
second article (UTF-8), a PNG image, a 302 redirect, a windows-1252 article whose charset is only
in the HTTP header, and a last response whose block is cut off before its declared length.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

FIXTURE_PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "smetimes-putin-north-korea" / "page.html"

LIBRARY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Town library reopens after flood repairs</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Town library reopens after flood repairs</h1>
<p class="byline">By Maria Keller</p>
<p>The town library reopened on Monday, eight months after the river flooded its ground floor and
destroyed more than four thousand books, maps and old newspapers kept in the reading room.</p>
<p>Volunteers spent the winter drying, sorting and cataloguing what could be saved, while the council
paid for new shelves, new wiring and a raised floor that should keep the collection dry next time.</p>
<p>The head librarian said the children's corner had been the most missed part of the building, and that
story hours would start again next week with the same readers as before the flood.</p>
</article>
<footer>Copyright Town Gazette. All rights reserved.</footer>
</body></html>
"""

CAFE_PAGE = """<html><head><title>Caf\u00e9 owners fear the new rent rules</title></head>
<body>
<h1>Caf\u00e9 owners fear the new rent rules</h1>
<p>The owners of the small caf\u00e9s around the market square say the new rules would raise their rent
by a fifth, a cost of about 400\u20ac a month that many of them \u201csimply cannot pay\u201d.</p>
<p>\u201cWe are not na\u00efve about the city\u2019s budget,\u201d said one owner, who has run her caf\u00e9
for twenty years, \u201cbut closing the places people meet in is no way to balance it.\u201d</p>
<p>The council will vote on the rules next month, after a public hearing that the owners\u2019 association
has asked to be held in the evening so that people who work during the day can attend.</p>
</body></html>
"""

FIXTURE_URL = "https://www.smetimes.in/news/putin-north-korea"
LIBRARY_URL = "https://gazette.example/news/library-reopens"
CAFE_URL = "https://city.example/2024/cafe-rents"
IMAGE_URL = "https://gazette.example/logo.png"
REDIRECT_URL = "https://gazette.example/old/library"
TRUNCATED_URL = "https://gazette.example/news/cut-off"
HTTP_RESPONSE = "application/http; msgtype=response"


def record_id(number: int) -> str:
    """The WARC-Record-ID of the test file's record NUMBER."""
    return f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"


@dataclass(frozen=True)
class Expected:
    """A page `iter_pages` must yield from the test file."""

    key: str
    url: str
    payload: bytes
    content_type: str


def expected_pages() -> list[Expected]:
    """The three HTML pages of the test file, in file order."""
    return [
        Expected(record_id(2), FIXTURE_URL, FIXTURE_PAGE.read_bytes(), "text/html; charset=utf-8"),
        Expected(record_id(4), LIBRARY_URL, LIBRARY_PAGE.encode(), "text/html"),
        Expected(record_id(7), CAFE_URL, CAFE_PAGE.encode("cp1252"), "text/html; charset=windows-1252"),
    ]


def _record(
    warc_type: str, number: int, headers: dict[str, str], block: bytes, *, declared: int | None = None
) -> bytes:
    lines = [
        "WARC/1.0",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: {record_id(number)}",
        "WARC-Date: 2024-06-18T10:00:00Z",
        *(f"{name}: {value}" for name, value in headers.items()),
        f"Content-Length: {len(block) if declared is None else declared}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def _response(number: int, url: str, status: str, http_headers: dict[str, str], body: bytes) -> bytes:
    head = "\r\n".join([f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in http_headers.items())]) + "\r\n\r\n"
    headers = {"WARC-Target-URI": url, "Content-Type": HTTP_RESPONSE}
    return _record("response", number, headers, head.encode() + body)


def records() -> list[bytes]:
    """Every record of the test file, each a complete WARC record except the last (cut short)."""
    pages = expected_pages()
    truncated_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>This record is cut"
    return [
        _record("warcinfo", 1, {"Content-Type": "application/warc-fields"}, b"software: articlex tests\r\n"),
        _response(2, FIXTURE_URL, "200 OK", {"Content-Type": pages[0].content_type}, pages[0].payload),
        _record("request", 3, {"WARC-Target-URI": LIBRARY_URL}, b"GET /news/library-reopens HTTP/1.1\r\n\r\n"),
        _response(4, LIBRARY_URL, "200 OK", {"Content-Type": pages[1].content_type}, pages[1].payload),
        _response(5, IMAGE_URL, "200 OK", {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(64)),
        _response(
            6, REDIRECT_URL, "302 Found", {"Content-Type": "text/html", "Location": LIBRARY_URL}, b"<a>moved</a>"
        ),
        _response(7, CAFE_URL, "200 OK", {"Content-Type": pages[2].content_type}, pages[2].payload),
        _record(
            "response",
            8,
            {"WARC-Target-URI": TRUNCATED_URL, "Content-Type": HTTP_RESPONSE},
            truncated_head,
            declared=5000,
        )[:-4],
    ]


def write_warc(path: Path) -> Path:
    """Write the test file to PATH: gzip per record when PATH ends with .gz, plain otherwise."""
    parts = records()
    if path.suffix == ".gz":
        parts = [gzip.compress(part, mtime=0) for part in parts]
        parts[-1] = parts[-1][:-12]  # the download stopped inside the last gzip member too
    path.write_bytes(b"".join(parts))
    return path


if __name__ == "__main__":  # `python tests/warc_pages.py crawl.warc.gz`: the test crawl, for trying the docs
    import sys

    sys.stdout.write(f"{write_warc(Path(sys.argv[1] if len(sys.argv) > 1 else 'crawl.warc.gz'))}\n")

"""Fetching pages: `articlex.fetch`, `extract_url` and their errors, against a local HTTP server.

Every test talks to a server on 127.0.0.1 started here (pytest-httpserver, threaded so that a
slow handler does not hold up the next request); nothing goes to the network.
"""

from __future__ import annotations

import gzip
import socket
import sys
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import articlex
from articlex.errors import (
    FetchConnectionError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InputError,
    NotHTMLError,
    ResponseTooLargeError,
    RobotsDisallowedError,
    URLInputError,
)
from articlex.scale.extras import MissingDependencyError
from articlex.scale.fetch import Fetcher, HostPacer, is_url

HEADLINE = "Harbour ferry returns after a winter of repairs"
FIRST = "The harbour ferry carried its first passengers of the year on Monday morning after four months in dry dock."
SECOND = "Crews replaced the engines and the wheelhouse, and the operator said the timetable would follow in a week."
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{HEADLINE}</h1><p>{FIRST}</p><p>{SECOND}</p></article></body></html>"""
CAFE = "Café owners on the quay welcome the ferry’s return"
CAFE_PAGE = f"""<!DOCTYPE html><html><head><title>{CAFE}</title></head><body>
<article><h1>{CAFE}</h1><p>{FIRST} The café expects a busy season, and the bakery next door agrees.</p>
<p>{SECOND}</p></article></body></html>"""
HTML = "text/html; charset=utf-8"


@pytest.fixture(scope="module")
def running_server() -> Iterator[HTTPServer]:
    """One server for the module (stopping one takes half a second); each test clears it."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def server(running_server: HTTPServer) -> Iterator[HTTPServer]:
    running_server.clear()
    yield running_server
    running_server.clear()


def quick(**settings: object) -> dict[str, object]:
    """Settings that keep a failing test short: one try, short waits."""
    return {"retries": 0, "timeout": 5.0, **settings}


# ---- the plain case ----------------------------------------------------------------------------


def test_fetch_returns_the_page_and_what_the_server_said(server: HTTPServer) -> None:
    server.expect_request("/news/1").respond_with_data(PAGE, content_type=HTML, headers={"X-Thing": "yes"})
    fetched = articlex.fetch(server.url_for("/news/1"))
    assert fetched.status == 200
    assert fetched.url == server.url_for("/news/1")
    assert fetched.content == PAGE.encode()
    assert fetched.charset == "utf-8"
    assert fetched.content_type == HTML
    assert fetched.headers["x-thing"] == "yes"


def test_extract_url_gives_the_article(server: HTTPServer) -> None:
    server.expect_request("/news/1").respond_with_data(PAGE, content_type=HTML)
    article = articlex.extract_url(server.url_for("/news/1"))
    assert article.headline == HEADLINE
    assert article.paragraphs == (FIRST, SECOND)
    assert article.url == server.url_for("/news/1")


def test_the_user_agent_names_articlex_or_the_callers(server: HTTPServer) -> None:
    seen: list[str] = []

    def record(request: Request) -> Response:
        seen.append(request.headers.get("User-Agent", ""))
        return Response(PAGE, content_type=HTML)

    server.expect_request("/a").respond_with_handler(record)
    articlex.fetch(server.url_for("/a"))
    articlex.fetch(server.url_for("/a"), user_agent="my-crawler/2.0")
    assert seen[0].startswith(f"articlex/{articlex.__version__}")
    assert seen[1] == "my-crawler/2.0"


def test_redirects_are_followed_and_the_final_address_kept(server: HTTPServer) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/middle"})
    server.expect_request("/middle").respond_with_data("", status=302, headers={"Location": "/news/2"})
    server.expect_request("/news/2").respond_with_data(PAGE, content_type=HTML)
    fetched = articlex.fetch(server.url_for("/old"))
    assert fetched.url == server.url_for("/news/2")
    assert fetched.requested_url == server.url_for("/old")
    assert articlex.extract_url(server.url_for("/old")).url == server.url_for("/news/2")


def test_a_redirect_loop_is_a_fetch_error(server: HTTPServer) -> None:
    server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirects"):
        articlex.fetch(server.url_for("/loop"), **quick())


def test_a_gzipped_response_is_decompressed(server: HTTPServer) -> None:
    server.expect_request("/gz").respond_with_data(
        gzip.compress(PAGE.encode()), content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    assert articlex.fetch(server.url_for("/gz")).content == PAGE.encode()
    assert articlex.extract_url(server.url_for("/gz")).headline == HEADLINE


# ---- charsets ----------------------------------------------------------------------------------


def test_the_charset_of_the_header_is_honoured(server: HTTPServer) -> None:
    """A windows-1252 page that says so only in its HTTP header is read right."""
    server.expect_request("/cp").respond_with_data(
        CAFE_PAGE.encode("cp1252"), content_type="text/html; charset=windows-1252"
    )
    fetched = articlex.fetch(server.url_for("/cp"))
    assert fetched.charset == "windows-1252"
    assert articlex.extract_url(server.url_for("/cp")).headline == CAFE


def test_a_wrong_charset_header_does_not_garble_utf8(server: HTTPServer) -> None:
    """A UTF-8 page served as ISO-8859-1 (a common server default) is still read as UTF-8."""
    server.expect_request("/lie").respond_with_data(CAFE_PAGE.encode(), content_type="text/html; charset=iso-8859-1")
    article = articlex.extract_url(server.url_for("/lie"))
    assert article.headline == CAFE
    assert "café" in article.text


def test_no_content_type_is_accepted_and_sniffed(server: HTTPServer) -> None:
    def bare(_: Request) -> Response:
        response = Response(PAGE.encode())
        del response.headers["Content-Type"]
        return response

    server.expect_request("/bare").respond_with_handler(bare)
    assert articlex.extract_url(server.url_for("/bare")).headline == HEADLINE


# ---- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/json"])
def test_a_response_that_is_not_html_is_refused(server: HTTPServer, content_type: str) -> None:
    server.expect_request("/thing").respond_with_data(b"\x89PNG....", content_type=content_type)
    with pytest.raises(NotHTMLError, match=content_type):
        articlex.fetch(server.url_for("/thing"))


def test_404_is_an_http_status_error_and_not_retried(server: HTTPServer) -> None:
    server.expect_request("/gone").respond_with_data("not here", status=404, content_type=HTML)
    with pytest.raises(HTTPStatusError, match="404") as caught:
        articlex.fetch(server.url_for("/gone"), retries=3, backoff=0.01)
    assert caught.value.status == 404
    assert caught.value.url == server.url_for("/gone")
    assert len(server.log) == 1


def test_500_is_retried_then_reported(server: HTTPServer) -> None:
    server.expect_request("/broken").respond_with_data("oops", status=500)
    with pytest.raises(HTTPStatusError, match="500") as caught:
        articlex.fetch(server.url_for("/broken"), retries=2, backoff=0.01)
    assert caught.value.status == 500
    assert len(server.log) == 3


def test_a_transient_failure_is_retried_with_backoff(server: HTTPServer) -> None:
    server.expect_ordered_request("/flaky").respond_with_data("busy", status=503)
    server.expect_ordered_request("/flaky").respond_with_data("busy", status=503)
    server.expect_ordered_request("/flaky").respond_with_data(PAGE, content_type=HTML)
    started = time.monotonic()
    fetched = articlex.fetch(server.url_for("/flaky"), retries=2, backoff=0.1)
    assert fetched.status == 200
    assert time.monotonic() - started >= 0.1 + 0.2  # backoff, then twice the backoff


def test_a_short_retry_after_is_honoured(server: HTTPServer) -> None:
    server.expect_ordered_request("/soon").respond_with_data("", status=503, headers={"Retry-After": "1"})
    server.expect_ordered_request("/soon").respond_with_data(PAGE, content_type=HTML)
    started = time.monotonic()
    assert articlex.fetch(server.url_for("/soon"), retries=1, backoff=0.01).status == 200
    assert time.monotonic() - started >= 1.0


def test_a_long_retry_after_is_not_waited_for(server: HTTPServer) -> None:
    server.expect_request("/later").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    started = time.monotonic()
    with pytest.raises(HTTPStatusError, match="429"):
        articlex.fetch(server.url_for("/later"), retries=2, backoff=0.01)
    assert time.monotonic() - started < 5


def test_a_declared_body_over_max_bytes_is_refused_unread(server: HTTPServer) -> None:
    big = b"<html><body>" + b"x" * 50_000_000
    server.expect_request("/big").respond_with_data(big, content_type=HTML)
    with pytest.raises(ResponseTooLargeError, match="max_bytes"):
        articlex.fetch(server.url_for("/big"), max_bytes=1_000_000)


def test_a_streamed_50mb_body_is_cut_at_max_bytes(server: HTTPServer) -> None:
    """Without a Content-Length, the body is streamed and the download stops at max_bytes."""
    sent: list[int] = []

    def fifty_megabytes() -> Iterator[bytes]:
        yield b"<html><body>"
        for _ in range(50):
            sent.append(1)
            yield b"y" * 1_000_000

    server.expect_request("/stream").respond_with_handler(lambda _: Response(fifty_megabytes(), content_type=HTML))
    with pytest.raises(ResponseTooLargeError, match="cut off"):
        articlex.fetch(server.url_for("/stream"), **quick(max_bytes=2_000_000))
    assert len(sent) < 50  # the client hung up long before the end


def test_a_gzip_bomb_is_cut_at_max_bytes(server: HTTPServer) -> None:
    """max_bytes counts the decompressed body: 200 MB of zeros sent as 200 KB of gzip is refused, never inflated."""
    bomb = gzip.compress(b"<html><body>" + b"0" * 200_000_000, compresslevel=9)
    server.expect_request("/bomb").respond_with_data(bomb, content_type=HTML, headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError):
            articlex.fetch(server.url_for("/bomb"), **quick(max_bytes=1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000


@pytest.mark.parametrize("wrap", [zlib.compress, lambda data: zlib.compress(data)[2:-4]], ids=["zlib", "raw"])
def test_a_deflated_response_is_inflated(server: HTTPServer, wrap: Callable[[bytes], bytes]) -> None:
    """Content-Encoding: deflate, with zlib's header or as a raw stream (both are sent by servers)."""
    server.expect_request("/d").respond_with_data(
        wrap(PAGE.encode()), content_type=HTML, headers={"Content-Encoding": "deflate"}
    )
    assert articlex.fetch(server.url_for("/d")).content == PAGE.encode()


def test_a_broken_or_unknown_encoding_is_a_fetch_error(server: HTTPServer) -> None:
    server.expect_request("/bad").respond_with_data(
        b"not gzip at all", content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    server.expect_request("/br").respond_with_data(b"\x00\x01", content_type=HTML, headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError, match="cannot be decompressed"):
        articlex.fetch(server.url_for("/bad"), **quick())
    with pytest.raises(FetchError, match="'br'"):
        articlex.fetch(server.url_for("/br"), **quick())


def test_extract_url_uses_max_input_bytes_by_default(server: HTTPServer) -> None:
    server.expect_request("/news/1").respond_with_data(PAGE, content_type=HTML)
    with pytest.raises(ResponseTooLargeError):
        articlex.extract_url(server.url_for("/news/1"), options=articlex.Options(max_input_bytes=100))


# ---- slow servers ------------------------------------------------------------------------------


def test_a_slow_server_times_out(server: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(4)
        return Response(PAGE, content_type=HTML)

    server.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError):
        articlex.fetch(server.url_for("/slow"), **quick(timeout=0.5))
    assert time.monotonic() - started < 3.5  # did not wait for the server's 4 s


def test_an_endless_trickle_is_cut_by_the_timeout(server: HTTPServer) -> None:
    """A server that sends a few bytes every tenth of a second forever cannot hold the fetch past the timeout."""

    def endless() -> Iterator[bytes]:
        yield b"<html><body><p>"
        while True:
            time.sleep(0.1)
            yield b"more "

    server.expect_request("/endless").respond_with_handler(lambda _: Response(endless(), content_type=HTML))
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="cut off"):
        articlex.fetch(server.url_for("/endless"), **quick(timeout=1.0))
    assert time.monotonic() - started < 3


def test_an_endless_flood_is_cut_by_max_bytes(server: HTTPServer) -> None:
    def flood() -> Iterator[bytes]:
        while True:
            yield b"z" * 65536

    server.expect_request("/flood").respond_with_handler(lambda _: Response(flood(), content_type=HTML))
    with pytest.raises(ResponseTooLargeError):
        articlex.fetch(server.url_for("/flood"), **quick(max_bytes=3_000_000))


def test_a_refused_connection_is_a_connection_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/x"
    with pytest.raises(FetchConnectionError) as caught:
        articlex.fetch(url, retries=1, backoff=0.01)
    assert isinstance(caught.value, ConnectionError)
    assert isinstance(caught.value, articlex.ArticlexError)


def test_not_a_web_address_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="not an http"):
        articlex.fetch("ftp://example.com/file")


# ---- robots.txt --------------------------------------------------------------------------------


def test_robots_txt_is_obeyed_when_asked(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    server.expect_request("/private/1").respond_with_data(PAGE, content_type=HTML)
    server.expect_request("/news/1").respond_with_data(PAGE, content_type=HTML)
    with pytest.raises(RobotsDisallowedError, match=r"robots\.txt"):
        articlex.fetch(server.url_for("/private/1"), respect_robots=True)
    assert articlex.fetch(server.url_for("/news/1"), respect_robots=True).status == 200
    assert articlex.fetch(server.url_for("/private/1")).status == 200  # not asked: not checked


def test_a_missing_robots_txt_allows_everything(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/news/1").respond_with_data(PAGE, content_type=HTML)
    assert articlex.fetch(server.url_for("/news/1"), respect_robots=True).status == 200


def test_robots_txt_is_read_once_per_site(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    server.expect_request("/news/1").respond_with_data(PAGE, content_type=HTML)
    with Fetcher(respect_robots=True) as fetcher:
        for _ in range(3):
            fetcher.fetch(server.url_for("/news/1"))
    assert [request.path for request, _ in server.log].count("/robots.txt") == 1


# ---- politeness --------------------------------------------------------------------------------


def test_the_host_pacer_spaces_requests_to_one_host() -> None:
    pacer = HostPacer(0.2)
    started = time.monotonic()
    for _ in range(3):
        pacer.wait("http://a.example/x")
    pacer.wait("http://b.example/x")  # another host: no wait
    assert 0.4 <= time.monotonic() - started < 2.0  # generous: the machine may be busy


# ---- URLs given as pages, and the extra ----------------------------------------------------


@pytest.mark.parametrize(
    "source", ["https://example.com/news/1", "  http://example.com/a?b=c\n", b"https://x.example/1"]
)
def test_extract_of_a_bare_url_says_to_fetch_it(source: str | bytes) -> None:
    with pytest.raises(URLInputError, match="extract_url") as caught:
        articlex.extract(source)
    assert isinstance(caught.value, InputError)
    assert isinstance(caught.value, ValueError)


def test_a_page_that_mentions_a_url_is_still_a_page() -> None:
    article = articlex.extract(f"See https://example.com/news/1 for more.\n\n{FIRST}\n\n{SECOND}")
    assert FIRST in article.paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [("https://example.com", True), ("http://a.b/c?d#e", True), ("example.com", False), ("see https://a.b", False),
     ("file:///etc/passwd", False), ("https://", False)],
)  # fmt: skip
def test_is_url(text: str, expected: bool) -> None:
    assert is_url(text) is expected


def test_without_httpx_fetching_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httpx", None)
    with pytest.raises(MissingDependencyError, match=r"articlex\[fetch\]"):
        articlex.fetch("https://example.com/news/1")

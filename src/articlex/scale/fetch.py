"""Fetching pages over HTTP: `fetch` (the bytes and what the server said) and `extract_url`.

    fetched = articlex.fetch("https://example.com/news/1")     # -> Fetched
    article = articlex.extract_url("https://example.com/news/1")

httpx does the HTTP (`pip install "articlex[fetch]"`); it is imported only when a page is
fetched, so the core library does not need it. What this module adds is the policy a crawler
of article pages wants:

* redirects are followed, and `Fetched.url` is the final address (what the page is cited by);
* the body is streamed and cut at `max_bytes` (`ResponseTooLargeError`), counted after
  decompression, which never inflates past the limit: neither a huge page nor a gzip bomb is
  held in memory;
* `timeout` bounds each wait for the server *and* the whole download, so a server that sends
  one byte a second forever gives `FetchTimeoutError` instead of a hung program;
* only HTML is accepted (`text/html`, `application/xhtml+xml`, or no Content-Type at all);
  an image, a PDF or JSON gives `NotHTMLError` before the body is read;
* an error status gives `HTTPStatusError`; timeouts, dropped connections and the statuses
  that mean "try again" (408, 425, 429, 500, 502, 503, 504) are retried `retries` times with
  exponential backoff (honouring a short `Retry-After`);
* robots.txt is obeyed when `respect_robots=True` (RFC 9309: a missing robots.txt allows
  everything, an unreachable one forbids everything), cached per site by a `Fetcher`;
* a `Fetcher` keeps one connection pool for many pages and can space the requests it sends
  to one host (`delay`), which `articlex batch` uses for lists of URLs.

The bytes are not decoded here: `extract_url` passes them to `extract` with the response's
Content-Type, whose charset is honoured unless the bytes prove it wrong (docs/robustness.md).
"""

from __future__ import annotations

import re
import threading
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from articlex.api import extract
from articlex.errors import (
    FetchConnectionError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    NotHTMLError,
    ResponseTooLargeError,
    RobotsDisallowedError,
)
from articlex.model import Article
from articlex.options import DEFAULT_OPTIONS, Options
from articlex.scale.extras import install_extra, require

DEFAULT_TIMEOUT = 20.0
"""Seconds to wait for the server, and for the whole download, by default."""
DEFAULT_MAX_BYTES = 10_000_000
"""Bodies larger than this (after decompression) are refused by default: news pages are far smaller."""
DEFAULT_RETRIES = 2
"""Further tries after a transient failure."""
DEFAULT_BACKOFF = 0.5
"""Seconds before the first retry; doubled for each next one."""
MAX_REDIRECTS = 10
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Media types accepted as pages. A response without a Content-Type is accepted too (the bytes are sniffed)."""
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
"""Statuses worth another try."""
_MAX_RETRY_AFTER = 30.0
"""A longer Retry-After is not waited for: the failure is reported instead."""
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([-\w.:]{1,40})""", re.IGNORECASE)
_ROBOTS_AGENT = "articlex"


def is_url(text: str) -> bool:
    """True when TEXT is an http(s) address (and nothing else): what the command line fetches."""
    return _URL.fullmatch(text.strip()) is not None


def default_user_agent() -> str:
    """The User-Agent sent unless another is given: 'articlex/VERSION (+repository)'."""
    from articlex import __version__  # noqa: PLC0415 - the package imports this module

    return f"articlex/{__version__} (+https://github.com/articlex/articlex)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: where it ended up, what the server said, and the body's bytes."""

    url: str
    """The final address, after redirects."""
    status: int
    """The HTTP status of the final response (2xx: errors raise `HTTPStatusError`)."""
    headers: Mapping[str, str]
    """The final response's headers, names in lower case (repeated headers joined by ', ')."""
    content: bytes
    """The body, decompressed (gzip, deflate), not decoded."""
    charset: str | None
    """The charset the Content-Type header declares, as written ('iso-8859-1'), or None."""
    requested_url: str = ""
    """The address asked for."""

    @property
    def content_type(self) -> str | None:
        """The Content-Type header, or None: pass it to `extract(encoding=...)`."""
        return self.headers.get("content-type")


def fetch(  # noqa: PLR0913 - keyword-only settings, each with a default
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    user_agent: str | None = None,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    respect_robots: bool = False,
) -> Fetched:
    """Fetch one page over HTTP(S), following redirects; raises a `FetchError` subclass when it cannot.

    `timeout` bounds each wait and the whole download (seconds); `max_bytes` the decompressed
    body; `user_agent` replaces articlex's User-Agent; `retries` more tries are made after a
    timeout, a dropped connection or a 408/425/429/5xx status, `backoff`, 2×`backoff`, …
    seconds apart; `respect_robots` checks the site's robots.txt first. Needs httpx
    (`articlex[fetch]`): without it, raises `MissingDependencyError` saying what to install.
    """
    with Fetcher(
        timeout=timeout,
        max_bytes=max_bytes,
        user_agent=user_agent,
        retries=retries,
        backoff=backoff,
        respect_robots=respect_robots,
    ) as fetcher:
        return fetcher.fetch(url)


def extract_url(  # noqa: PLR0913 - keyword-only settings, each with a default
    url: str,
    *,
    options: Options = DEFAULT_OPTIONS,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int | None = None,
    user_agent: str | None = None,
    retries: int = DEFAULT_RETRIES,
    respect_robots: bool = False,
) -> Article:
    """Fetch the page at URL and extract its article: `fetch`, then `extract` with the final address.

    The response's Content-Type (and its charset) is passed to `extract` as `encoding`.
    `max_bytes` defaults to `options.max_input_bytes`. Raises `FetchError` subclasses for what
    went wrong on the way and the `InputError` subclasses of `extract` for what was fetched.
    """
    fetched = fetch(
        url,
        timeout=timeout,
        max_bytes=options.max_input_bytes if max_bytes is None else max_bytes,
        user_agent=user_agent,
        retries=retries,
        respect_robots=respect_robots,
    )
    return extract(fetched.content, url=fetched.url, encoding=fetched.content_type, options=options)


@dataclass
class HostPacer:
    """Spaces the requests to one host DELAY seconds apart, across threads."""

    delay: float
    _next: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, url: str) -> None:
        """Block until a request to URL's host may start, and book the next slot."""
        if self.delay <= 0:
            return
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, 0.0))
            self._next[host] = start + self.delay
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """Fetches many pages with one connection pool, a robots.txt cache and per-host spacing.

    Thread-safe: `articlex batch` fetches from several threads through one `Fetcher`. Close it
    (or use it as a context manager) to close its connections.
    """

    def __init__(  # noqa: PLR0913 - keyword-only settings, each with a default
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        user_agent: str | None = None,
        retries: int = DEFAULT_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        respect_robots: bool = False,
        delay: float = 0.0,
        connections: int = 10,
    ) -> None:
        """Set the policy (see `fetch`); DELAY spaces requests to one host, CONNECTIONS bounds the pool."""
        self._httpx: Any = require("httpx", "Fetching a URL", install_extra("fetch"))
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = max(0, retries)
        self.backoff = backoff
        self.respect_robots = respect_robots
        self.user_agent = user_agent or default_user_agent()
        self._pacer = HostPacer(delay)
        self._robots: dict[str, RobotFileParser | str] = {}
        self._robots_lock = threading.Lock()
        self._client: Any = self._httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=self._httpx.Timeout(timeout),
            limits=self._httpx.Limits(max_connections=connections),
            headers={
                "User-Agent": self.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "gzip, deflate",  # decoded here, with bounded output (`_Inflater`)
            },
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """Fetch URL under this fetcher's policy; see `articlex.fetch`."""
        if not is_url(url):
            msg = f"{url!r} is not an http:// or https:// address"
            raise FetchError(msg, url=url)
        url = url.strip()
        if self.respect_robots:
            self._check_robots(url)
        attempt = 0
        while True:
            self._pacer.wait(url)
            try:
                return self._attempt(url)
            except (FetchTimeoutError, FetchConnectionError, HTTPStatusError) as error:
                wait = self._retry_wait(error, attempt)
                if wait is None:
                    raise
            attempt += 1
            time.sleep(wait)

    def _retry_wait(self, error: FetchError, attempt: int) -> float | None:
        """Seconds to wait before trying again after ERROR, or None when it is final."""
        if attempt >= self.retries:
            return None
        if isinstance(error, HTTPStatusError) and error.status not in TRANSIENT_STATUSES:
            return None
        wait = self.backoff * 2.0**attempt
        retry_after = error.retry_after if isinstance(error, HTTPStatusError) else None
        if retry_after is not None:
            if retry_after > _MAX_RETRY_AFTER:
                return None
            wait = max(wait, retry_after)
        return wait

    def _attempt(self, url: str) -> Fetched:
        httpx = self._httpx
        try:
            with self._client.stream("GET", url) as response:
                return self._read(url, response)
        except httpx.TimeoutException as error:
            msg = f"no answer within {self.timeout:g}s from {url} ({type(error).__name__})"
            raise FetchTimeoutError(msg, url=url) from error
        except httpx.TooManyRedirects as error:
            msg = f"more than {MAX_REDIRECTS} redirects from {url}"
            raise FetchError(msg, url=url) from error
        except httpx.DecodingError as error:
            msg = f"the response from {url} cannot be decompressed: {error}"
            raise FetchError(msg, url=url) from error
        except httpx.UnsupportedProtocol as error:
            msg = f"cannot fetch {url}: {error}"
            raise FetchError(msg, url=url) from error
        except httpx.TransportError as error:
            msg = f"cannot connect to {urlsplit(url).netloc}: {error or type(error).__name__}"
            raise FetchConnectionError(msg, url=url) from error
        except httpx.InvalidURL as error:
            msg = f"{url!r} is not a valid address: {error}"
            raise FetchError(msg, url=url) from error

    def _read(self, url: str, response: Any) -> Fetched:  # noqa: ANN401 - an httpx.Response
        """Check the status, type and size of RESPONSE, then stream its body under the limits."""
        started = time.monotonic()
        final = str(response.url)
        status = int(response.status_code)
        headers = {name.lower(): ", ".join(response.headers.get_list(name)) for name in response.headers}
        if status >= 400:
            reason = response.reason_phrase or ""
            msg = f"HTTP {status} {reason}".rstrip() + f" from {final}"
            raise HTTPStatusError(msg, url=url, status=status, retry_after=_retry_after(headers.get("retry-after")))
        content_type = headers.get("content-type")
        media = (content_type or "").partition(";")[0].strip().lower()
        if media and media not in HTML_TYPES:
            msg = f"{final} is {media}, not a web page (text/html or application/xhtml+xml)"
            raise NotHTMLError(msg, url=url)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            msg = f"{final} is {int(declared):,} bytes, more than max_bytes={self.max_bytes:,}; raise max_bytes"
            raise ResponseTooLargeError(msg, url=url)
        inflater = _Inflater(headers.get("content-encoding", ""), final, url)
        chunks: list[bytes] = []
        size = 0
        for raw in response.iter_raw():
            chunk = inflater.feed(raw, self.max_bytes - size + 1)
            size += len(chunk)
            if size > self.max_bytes:
                msg = f"{final} sent more than max_bytes={self.max_bytes:,} bytes; cut off (raise max_bytes to read it)"
                raise ResponseTooLargeError(msg, url=url)
            if time.monotonic() - started > self.timeout:
                msg = f"{final} took longer than {self.timeout:g}s to send ({size:,} bytes so far); cut off"
                raise FetchTimeoutError(msg, url=url)
            chunks.append(chunk)
        charset = _CHARSET.search(content_type or "")
        return Fetched(
            url=final,
            status=status,
            headers=headers,
            content=b"".join(chunks),
            charset=charset.group(1) if charset else None,
            requested_url=url,
        )

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._robots_lock:
            rules = self._robots.get(site)
        if rules is None:
            rules = self._load_robots(site)
            with self._robots_lock:
                self._robots[site] = rules
        if isinstance(rules, str):
            msg = f"{url} not fetched: {rules}"
            raise RobotsDisallowedError(msg, url=url)
        if not rules.can_fetch(_ROBOTS_AGENT, url):
            msg = f"{site}/robots.txt forbids fetching {url}"
            raise RobotsDisallowedError(msg, url=url)

    def _load_robots(self, site: str) -> RobotFileParser | str:
        """The site's robots.txt rules, or why everything is forbidden (RFC 9309: unreachable means no)."""
        rules = RobotFileParser(site + "/robots.txt")
        try:
            self._pacer.wait(site)
            response = self._client.get(site + "/robots.txt")
        except self._httpx.HTTPError as error:
            return f"{site}/robots.txt could not be read ({type(error).__name__}), which forbids everything"
        if response.status_code >= 500:
            return f"{site}/robots.txt answered HTTP {response.status_code}, which forbids everything"
        if response.status_code >= 400:
            rules.parse([])  # no robots.txt: everything is allowed
            return rules
        rules.parse(response.content[: self.max_bytes].decode("utf-8", "replace").splitlines())
        return rules


def fetch_all(
    urls: Iterable[str], fetcher: Fetcher, *, concurrency: int = 4
) -> Iterator[tuple[str, Fetched | Exception]]:
    """Fetch URLS in CONCURRENCY threads; yield `(url, Fetched or the error)` for each, in completion order.

    URLS is read lazily, at most 2×CONCURRENCY at a time, so a list of millions of addresses
    streams. The fetcher's `delay` spaces the requests to each host. A URL that cannot be
    fetched gives its exception (a `FetchError` mostly), never stops the others.
    """
    pending: set[Future[tuple[str, Fetched | Exception]]] = set()
    addresses = iter(urls)
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="articlex-fetch")
    try:
        while True:
            for url in addresses:
                pending.add(pool.submit(_fetch_one, fetcher, url))
                if len(pending) >= 2 * max(1, concurrency):
                    break
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _fetch_one(fetcher: Fetcher, url: str) -> tuple[str, Fetched | Exception]:
    try:
        return url, fetcher.fetch(url)
    except Exception as error:  # noqa: BLE001 - one address's failure is its result, like a page's in a batch
        return url, error


class _Inflater:
    """Undoes a Content-Encoding (gzip, deflate), never making more bytes than asked for.

    httpx would inflate each piece as it comes, whatever it grows to (a 64 KB piece of a gzip
    bomb becomes 64 MB at once); here every piece is inflated only up to what `max_bytes` still
    allows, so memory stays bounded by `max_bytes` whatever is sent.
    """

    def __init__(self, encoding: str, final: str, url: str) -> None:
        self._encoding = encoding.strip().lower()
        self._url = url
        self._first = True
        if self._encoding in ("", "identity"):
            self._decoder: Any = None
        elif self._encoding in ("gzip", "x-gzip"):
            self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self._encoding == "deflate":
            self._decoder = zlib.decompressobj()
        else:
            msg = f"{final} is sent with Content-Encoding {encoding!r}, which articlex cannot decode"
            raise FetchError(msg, url=url)

    def feed(self, data: bytes, limit: int) -> bytes:
        """Inflate DATA, giving at most LIMIT bytes (more means the body is too large anyway)."""
        if self._decoder is None:
            return data
        try:
            out: bytes = self._decoder.decompress(data, limit)
        except zlib.error as error:
            if self._encoding == "deflate" and self._first:  # a raw deflate stream, without zlib's header
                self._decoder, self._first = zlib.decompressobj(-zlib.MAX_WBITS), False
                return self.feed(data, limit)
            msg = f"the response from {self._url} cannot be decompressed ({self._encoding}): {error}"
            raise FetchError(msg, url=self._url) from error
        self._first = False
        return out


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header given in seconds (an HTTP date is ignored)."""
    if value is None or not value.strip().isdigit():
        return None
    return float(value.strip())

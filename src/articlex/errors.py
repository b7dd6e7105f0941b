"""The one exception family of articlex: every error that leaves `extract` is an `ArticlexError`.

Input errors also inherit the matching builtin (`TypeError`, `ValueError`, `UnicodeError`)
so callers can catch either. A page that holds no article is not an error: it gives an
`Article` with an empty body whose decisions say why.
"""

from __future__ import annotations


class ArticlexError(Exception):
    """Base class of every error articlex raises."""


class InputError(ArticlexError):
    """The input cannot be read as a page."""


class InputTypeError(InputError, TypeError):
    """The input is neither `str` nor `bytes`."""


class InputTooLargeError(InputError, ValueError):
    """The input is larger than `Options.max_input_bytes`."""


class EmptyInputError(InputError, ValueError):
    """The input holds no text at all."""


class DecodeError(InputError, UnicodeError):
    """The bytes cannot be decoded as text (for example a binary file passed as a page)."""


class OptionsError(ArticlexError, ValueError):
    """An option has a value articlex cannot use."""


class DataFileError(ArticlexError):
    """A data file shipped with articlex is missing or malformed (a broken installation)."""


class TimeBudgetExceededError(ArticlexError, TimeoutError):
    """Extraction ran out of time and `Options.on_timeout` asks for an error."""


class URLInputError(InputError, ValueError):
    """The input is only a web address, not a page: fetch it first (`extract_url`, or `articlex URL`)."""


class FetchError(ArticlexError):
    """A page could not be fetched (`fetch`, `extract_url`, `articlex URL`); `url` is the address asked for."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class FetchTimeoutError(FetchError, TimeoutError):
    """The server did not answer, or did not finish sending the page, within the timeout."""


class FetchConnectionError(FetchError, ConnectionError):
    """No connection could be made or kept (unknown host, refused, reset, a broken TLS handshake)."""


class HTTPStatusError(FetchError):
    """The server answered with an error status (404, 500, …); `status` holds it."""

    def __init__(self, message: str, *, url: str = "", status: int = 0, retry_after: float | None = None) -> None:
        super().__init__(message, url=url)
        self.status = status
        self.retry_after = retry_after
        """Seconds the server asked to wait before trying again (its Retry-After header), if it said."""


class ResponseTooLargeError(FetchError):
    """The response body is larger than `max_bytes`; it was cut off, not read to the end."""


class NotHTMLError(FetchError):
    """The response is not a web page (its Content-Type is an image, a PDF, JSON, …)."""


class RobotsDisallowedError(FetchError):
    """The site's robots.txt forbids fetching the address (only when robots.txt is respected)."""

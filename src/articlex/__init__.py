"""articlex: turn a news or article page (HTML or plain text) into a typed, explained `Article`.

>>> import articlex
>>> article = articlex.extract(html, url="https://example.com/news/1")
>>> article.headline, article.agency, article.published, article.paragraphs[0]
>>> article = articlex.extract_url("https://example.com/news/1")  # needs articlex[fetch]
"""

from __future__ import annotations

from articlex._build_info import compiled as compiled  # True in a mypyc build (hatch_build.py)
from articlex.api import extract
from articlex.errors import (
    ArticlexError,
    DataFileError,
    DecodeError,
    EmptyInputError,
    FetchConnectionError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InputError,
    InputTooLargeError,
    InputTypeError,
    NotHTMLError,
    OptionsError,
    ResponseTooLargeError,
    RobotsDisallowedError,
    TimeBudgetExceededError,
    URLInputError,
)
from articlex.model import Article, BlockDecision, BlockKind, Diagnostics, Label, Provenance, Reason, Source
from articlex.options import InputKind, OnTimeout, Options
from articlex.scale.batch import ExtractionFailure, extract_many
from articlex.scale.fetch import Fetched, extract_url, fetch

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticlexError",
    "BlockDecision",
    "BlockKind",
    "DataFileError",
    "DecodeError",
    "Diagnostics",
    "EmptyInputError",
    "ExtractionFailure",
    "FetchConnectionError",
    "FetchError",
    "FetchTimeoutError",
    "Fetched",
    "HTTPStatusError",
    "InputError",
    "InputKind",
    "InputTooLargeError",
    "InputTypeError",
    "Label",
    "NotHTMLError",
    "OnTimeout",
    "Options",
    "OptionsError",
    "Provenance",
    "Reason",
    "ResponseTooLargeError",
    "RobotsDisallowedError",
    "Source",
    "TimeBudgetExceededError",
    "URLInputError",
    "__version__",
    "extract",
    "extract_many",
    "extract_url",
    "fetch",
]

"""articlex: turn a news or article page (HTML or plain text) into a typed, explained `Article`.

>>> import articlex
>>> article = articlex.extract(html, url="https://example.com/news/1")
>>> article.headline, article.agency, article.published, article.paragraphs[0]
"""

from __future__ import annotations

from articlex.api import extract
from articlex.errors import (
    ArticlexError,
    DataFileError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    InputTypeError,
    OptionsError,
    TimeBudgetExceededError,
)
from articlex.model import Article, BlockDecision, BlockKind, Diagnostics, Label, Provenance, Reason, Source
from articlex.options import InputKind, OnTimeout, Options
from articlex.scale.batch import ExtractionFailure, extract_many

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
    "InputError",
    "InputKind",
    "InputTooLargeError",
    "InputTypeError",
    "Label",
    "OnTimeout",
    "Options",
    "OptionsError",
    "Provenance",
    "Reason",
    "Source",
    "TimeBudgetExceededError",
    "__version__",
    "extract",
    "extract_many",
]

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

"""`Options`: every setting of an extraction, with its default written once, here."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field, ValidationError

from articlex.errors import OptionsError


class InputKind(StrEnum):
    """What the input is: sniffed from its start, or stated by the caller."""

    AUTO = "auto"
    HTML = "html"
    TEXT = "text"


class OnTimeout(StrEnum):
    """What `extract` does when the time budget runs out."""

    PARTIAL = "partial"
    """Return what was found so far; `Article.diagnostics.timed_out` is True."""
    RAISE = "raise"
    """Raise `TimeBudgetExceededError`."""


class Options(BaseModel, frozen=True, extra="forbid"):
    """Settings of one extraction. The defaults suit ordinary news and article pages.

    An unknown name or a value out of range raises `OptionsError` (also a `ValueError`) naming
    the option and the values it takes, whether the options are built by keyword, from a dict
    (`model_validate`) or from JSON (`model_validate_json`).
    """

    if not TYPE_CHECKING:  # type checkers keep pydantic's typed signature

        def __init__(self, **settings: object) -> None:
            try:
                super().__init__(**settings)
            except ValidationError as error:
                raise OptionsError(describe_errors(error)) from None

        @classmethod
        def model_validate(cls, obj: object, **settings: object) -> Options:
            """Options from a dict (configuration); invalid values raise `OptionsError`."""
            try:
                return super().model_validate(obj, **settings)
            except ValidationError as error:
                raise OptionsError(describe_errors(error)) from None

        @classmethod
        def model_validate_json(cls, json_data: str | bytes, **settings: object) -> Options:
            """Options from JSON text; invalid values raise `OptionsError`."""
            try:
                return super().model_validate_json(json_data, **settings)
            except ValidationError as error:
                raise OptionsError(describe_errors(error)) from None

    input_kind: InputKind = Field(
        default=InputKind.AUTO, description="Treat the input as HTML, as plain text, or decide from its start."
    )
    reference_date: dt.date | None = Field(
        default=None,
        description=(
            "The day the page was fetched. Relative dates ('2 hours ago') are resolved against it and "
            "dates after it are rejected. When None, relative dates are ignored and nothing depends on today."
        ),
    )
    max_input_bytes: int = Field(
        default=50_000_000, gt=0, description="Inputs larger than this raise InputTooLargeError."
    )
    max_nodes: int = Field(
        default=2_000_000, gt=0, description="HTML elements and text nodes visited at most; the rest is cut off."
    )
    max_depth: int = Field(
        default=2_000, gt=0, description="Elements nested deeper than this are read as part of their ancestor."
    )
    time_budget: float | None = Field(
        default=10.0, gt=0, description="Seconds one extraction may take; None for no limit."
    )
    on_timeout: OnTimeout = Field(default=OnTimeout.PARTIAL, description="What happens when the budget runs out.")
    include_decisions: bool = Field(
        default=True,
        description=(
            "Attach one BlockDecision per block to the Article (the explanation). When False, "
            "Article.decisions is an empty tuple: smaller results for bulk runs."
        ),
    )
    include_comments: bool = Field(
        default=False,
        description=(
            "Read the readers' comments the page shows into Article.comments (author, date, text). "
            "The body is the same either way; when False, Article.comments is an empty tuple."
        ),
    )


DEFAULT_OPTIONS = Options()


def make_options(**settings: object) -> Options:
    """Build `Options` from keyword settings; an invalid one raises `OptionsError`."""
    return Options(**settings)


def describe_errors(error: ValidationError) -> str:
    """One message for every invalid option: its name, the value given, and what it takes."""
    parts = []
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"]) or "options"
        if problem["type"] == "extra_forbidden":
            known = ", ".join(Options.model_fields)
            parts.append(f"unknown option {name!r}; the options are {known}")
            continue
        parts.append(f"invalid option {name}={problem.get('input')!r}: {_allowed(name, problem['msg'])}")
    return "; ".join(parts)


def _allowed(name: str, message: str) -> str:
    """Pydantic's message, with the choices of an enum option spelled out."""
    info = Options.model_fields.get(name)
    annotation = info.annotation if info is not None else None
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return "allowed values are " + ", ".join(repr(member.value) for member in annotation)
    return message[:1].lower() + message[1:]


def options_table() -> str:
    """The Markdown table of every option, its default and its description (rendered into docs/options.md)."""
    rows = ["| option | default | meaning |", "|---|---|---|"]
    for name, info in Options.model_fields.items():
        default = info.default.value if isinstance(info.default, StrEnum) else info.default
        rows.append(f"| `{name}` | `{default!r}` | {info.description} |")
    return "\n".join(rows)

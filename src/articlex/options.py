"""`Options`: every setting of an extraction, with its default written once, here."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

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
    """Settings of one extraction. The defaults suit ordinary news and article pages."""

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
        default=True, description="Attach one BlockDecision per block to the Article (the explanation)."
    )


DEFAULT_OPTIONS = Options()


def make_options(**settings: object) -> Options:
    """Build `Options` from keyword settings, turning validation failures into `OptionsError`."""
    try:
        return Options.model_validate(settings)
    except ValidationError as error:
        msg = f"invalid options: {error.errors()[0]['loc']}: {error.errors()[0]['msg']}"
        raise OptionsError(msg) from error


def options_table() -> str:
    """The Markdown table of every option, its default and its description (rendered into docs/options.md)."""
    rows = ["| option | default | meaning |", "|---|---|---|"]
    for name, info in Options.model_fields.items():
        default = info.default.value if isinstance(info.default, StrEnum) else info.default
        rows.append(f"| `{name}` | `{default!r}` | {info.description} |")
    return "\n".join(rows)

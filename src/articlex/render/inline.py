"""Walking an element's text with its spans: the pieces of text and the spans opening and closing between them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from articlex.model import Span


class Markup(Protocol):
    """How one output format escapes text and marks spans."""

    def escape(self, text: str, *, line_start: bool) -> str:
        """A piece of text escaped; `line_start` says whether it starts a line."""

    def open(self, span: Span) -> str:
        """The markup that opens a span."""

    def close(self, span: Span) -> str:
        """The markup that closes a span."""

    def verbatim(self, text: str) -> str:
        """A piece of text inside a verbatim span, as written there."""


def render_inline(text: str, spans: Sequence[Span], markup: Markup, *, links: bool = True, verbatim: str = "") -> str:
    """The text with every span's markup around its part, and every piece of text escaped.

    Spans are taken as nested; one that crosses the end of an enclosing span is cut there.
    Without `links`, link spans are left out (their text stays). Inside a span of the kind
    `verbatim` (Markdown's code) the text is not escaped and no other span opens.
    """
    chosen = sorted(
        (span for span in spans if (links or span.kind != "link") and 0 <= span.start < span.end <= len(text)),
        key=lambda span: (span.start, -span.end),
    )
    out: list[str] = []
    stack: list[tuple[Span, int]] = []
    position = 0
    line_start = True

    def emit(end: int) -> None:
        nonlocal position, line_start
        if end > position:
            piece = text[position:end]
            if stack and stack[-1][0].kind == verbatim:
                out.append(markup.verbatim(piece))
            else:
                out.append(escape_lines(piece, markup, line_start=line_start))
            line_start = text[end - 1] == "\n"
            position = end

    def close_one() -> None:
        nonlocal line_start
        emit(stack[-1][1])
        out.append(markup.close(stack.pop()[0]))
        line_start = False

    for span in chosen:
        while stack and stack[-1][1] <= span.start:
            close_one()
        end = min(span.end, stack[-1][1]) if stack else span.end
        if end <= span.start or (stack and stack[-1][0].kind == verbatim):
            continue
        emit(span.start)
        out.append(markup.open(span))
        line_start = False
        stack.append((span, end))
    while stack:
        close_one()
    emit(len(text))
    return "".join(out)


def escape_lines(piece: str, markup: Markup, *, line_start: bool) -> str:
    """Escape a piece line by line: each line after a line break starts a line."""
    if "\n" not in piece:
        return markup.escape(piece, line_start=line_start)
    lines = piece.split("\n")
    return "\n".join(markup.escape(line, line_start=line_start or number > 0) for number, line in enumerate(lines))

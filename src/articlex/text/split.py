"""Stage 2b, split plain text: `Page` → `SplitPage`, one block per non-empty line.

A browser copy of a page puts each paragraph, heading, list item and widget line on a line
of its own, so a line is the natural block. Little is known about structure: a line whose
cells are separated by tabs is a table row (`TABLE_CELL`: browsers copy a `<tr>` that way), a
line set off by a blank line is a `PARAGRAPH` (browsers copy `<p>` that way), any other a
`LINE`, and the classifier judges lines by their shape and their neighbours. A table row keeps
its cells (`Block.cells`) for the typed body. A paragraph wrapped in mid-sentence (a copy of
preformatted or mailed text) is joined back into one block (`_continues`), but never a byline line
under a title ("by Jana Roe": its prefix in lower case opens it, as a wrapped line opens).
"""

from __future__ import annotations

import re
import time

from articlex.model import BlockKind
from articlex.options import Options
from articlex.stages import Block, Page, SplitPage
from articlex.textnorm import collapse
from articlex.vocabulary import byline_prefix_before_a_name

_CLOCK_EVERY_LINES = 4096
WRAP_MIN_CHARS = 40
"""A line this long that ends no sentence may be wrapped: the next line, in lower case, goes on with it.
Text is wrapped at 60 to 80 characters, so a wrapped line is long; a short one (a menu item, a tag) is
a block of its own, whatever case the next line starts in."""
_CLOSES = re.compile(r"[.!?…:;。！？\"'”’»)\]]$")
"""What ends a sentence or a clause, or closes a quote or a bracket: no wrap after it."""
_TAB_BETWEEN_CELLS = re.compile(r"\S\t+\S")
"""Browsers copy a table row as its cells' texts with a tab between each two."""


def split(page: Page, options: Options, deadline: float | None) -> SplitPage:
    """Cut a plain-text page into line blocks: table rows, paragraphs (set off by blank lines) and lines."""
    # Only real line ends split lines: a form feed or a Unicode separator inside a line is a space.
    raw = page.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [collapse(line) for line in raw]
    blocks: list[Block] = []
    timed_out = truncated = False
    for number, text in enumerate(lines, start=1):
        if len(blocks) >= options.max_nodes:
            truncated = True
            break
        if number % _CLOCK_EVERY_LINES == 0 and deadline is not None and time.monotonic() > deadline:
            timed_out = True
            break
        if text and blocks and _continues(raw, lines, number - 1, blocks[-1]):
            last = blocks[-1]
            # The joined lines are set off when a blank line (or the page's edge) is above the first or below the last.
            ends_set_off = number == len(lines) or not lines[number]
            kind = BlockKind.PARAGRAPH if ends_set_off else last.kind
            blocks[-1] = Block(index=last.index, text=f"{last.text} {text}", kind=kind, path=last.path)
        elif text:
            kind = _kind(raw, lines, number - 1)
            cells = _cells(raw[number - 1]) if kind is BlockKind.TABLE_CELL else ()
            blocks.append(Block(index=len(blocks), text=text, kind=kind, path=f"line {number}", cells=cells))
    return SplitPage("text", tuple(blocks), truncated=truncated, timed_out=timed_out)


def _continues(raw: list[str], lines: list[str], index: int, last: Block) -> bool:
    """True when this line goes on with the sentence of the line right above it: a hard-wrapped paragraph.

    A copy of preformatted or mailed text breaks its paragraphs every 70 or so characters, even in
    mid-sentence; a line that starts in lower case under a long line that ends no sentence and no
    clause is that line's next words, not a block of its own.
    """
    above = lines[index - 1] if index else ""
    if not above or last.kind is BlockKind.TABLE_CELL or _TAB_BETWEEN_CELLS.search(raw[index]):
        return False
    line = lines[index]
    if len(above) < WRAP_MIN_CHARS or not _opens_with_a_word(line) or _CLOSES.search(above):
        return False
    # 'by Jana Roe' under a title opens in lower case too: the title's byline, on a line of its own.
    return byline_prefix_before_a_name().match(line) is None


def _opens_with_a_word(line: str) -> bool:
    """True when the line starts with a word in lower case ('and then the rain …', 'council's agenda').

    A domain ('example.com News') or a handle is no word: it names a teaser's source, it goes on with nothing.
    """
    first = line.split(maxsplit=1)[0].rstrip(",")
    return line[:1].islower() and " " in line and first.replace("'", "").replace("’", "").isalpha()


def _kind(raw: list[str], lines: list[str], index: int) -> BlockKind:
    """A table row when tabs separate its cells, else a paragraph when set off, else a line."""
    if _TAB_BETWEEN_CELLS.search(raw[index]):
        return BlockKind.TABLE_CELL
    return BlockKind.PARAGRAPH if _set_off(lines, index) else BlockKind.LINE


def _cells(line: str) -> tuple[str, ...]:
    """The cells of a table row: its text cut at tabs (an empty cell leaves two tabs in a row)."""
    return tuple(collapse(cell) for cell in line.strip(" \r\n\f\v").strip("\t").split("\t"))


def _set_off(lines: list[str], index: int) -> bool:
    """True when a blank line (or the page's edge) is next to this line.

    Browsers copy a `<p>` with a blank line around it and most other elements without one, so
    a line set off by a blank line was most likely a paragraph.
    """
    return index == 0 or index == len(lines) - 1 or not lines[index - 1] or not lines[index + 1]

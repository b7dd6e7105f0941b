"""Stage 2b, split plain text: `Page` → `SplitPage`, one block per non-empty line.

A browser copy of a page puts each paragraph, heading, list item and widget line on a line
of its own, so a line is the natural block. Nothing is known about structure: every block is
a `LINE`, and the classifier judges lines by their shape and their neighbours.
"""

from __future__ import annotations

import time

from articlex.blocks import Block, SplitPage
from articlex.model import BlockKind
from articlex.options import Options
from articlex.reading import Page
from articlex.textnorm import collapse

_CLOCK_EVERY_LINES = 4096


def split(page: Page, options: Options, deadline: float | None) -> SplitPage:
    """Cut a plain-text page into line blocks."""
    blocks: list[Block] = []
    timed_out = truncated = False
    for number, line in enumerate(page.text.splitlines(), start=1):
        if number % _CLOCK_EVERY_LINES == 0:
            if deadline is not None and time.monotonic() > deadline:
                timed_out = True
                break
            if number > options.max_nodes:
                truncated = True
                break
        text = collapse(line)
        if text:
            blocks.append(Block(index=len(blocks), text=text, kind=BlockKind.LINE, path=f"line {number}"))
    return SplitPage("text", tuple(blocks), truncated=truncated, timed_out=timed_out)

"""Stage 3, classify: blocks → one `Decision` per block (content or boilerplate, with a reason).

Two passes, as jusText does it. First every block is measured on its own (`features`). Then
the main content is located and each block is judged by where it sits and what it is
(`rules`). HTML and plain text locate the main content differently, one module each:
`classify.html` (the element whose prose outweighs its clutter) and `classify.text` (the run
of lines with the most prose). A text page, or an HTML page without elements around its
text, is classified by lines.
"""

from __future__ import annotations

from articlex.classify.features import measure
from articlex.classify.html import classify_html
from articlex.classify.text import classify_lines
from articlex.stages import Decision, SplitPage


def classify(page: SplitPage) -> tuple[Decision, ...]:
    """Judge every block of the page; exactly one decision per block, in block order."""
    features = [measure(block) for block in page.blocks]
    if page.kind == "html" and page.containers:
        return classify_html(page.blocks, page.containers, features)
    return classify_lines(page.blocks, features)

"""Stage 3, classify: blocks → one `Decision` per block (content or boilerplate, with a reason).

Two passes, as jusText does it. First every block is measured on its own (`features`). Then
the main content is located and each block is judged by where it sits and what it is
(`rules`). HTML and plain text locate the main content differently, one module each:
`classify.html` (the element whose prose outweighs its clutter) and `classify.text` (the run
of lines with the most prose). A text page, or an HTML page without elements around its
text, is classified by lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from articlex.classify.features import measure
from articlex.classify.html import classify_html
from articlex.classify.text import classify_lines
from articlex.stages import Decision, SplitPage


def classify(page: SplitPage, listed_parts: Sequence[str] = ()) -> tuple[Decision, ...]:
    """Judge every block of the page; exactly one decision per block, in block order.

    `listed_parts` are the texts the page's structured data lists as the article's parts (a
    recipe's ingredients and steps): the main content found is widened to hold them.
    """
    features = [measure(block) for block in page.blocks]
    if page.kind == "html" and page.containers:
        return classify_html(page.blocks, page.containers, features, listed_parts)
    return classify_lines(page.blocks, features)

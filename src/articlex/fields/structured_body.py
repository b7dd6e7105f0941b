"""The body from structured data, when the visible page holds only a part of the article.

A paywalled article, or one whose copy a script writes into the page, shows a teaser and a
"subscribe" box; its JSON-LD often still carries the whole text (`articleBody`), for search
engines. When that text is an article's length and the body read from the visible blocks holds
only a small part of its words, the body is that text, split into its paragraphs; the visible
blocks that were content say that they gave way to it. Anywhere else the visible body stands:
it keeps its structure (headings, lists, links), which structured data does not have.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from articlex.stages import Candidate
from articlex.textnorm import collapse

STRUCTURED_BODY_MIN_WORDS = 100
"""`articleBody` shorter than this is a teaser or a summary, not the article's text."""
VISIBLE_SHARE_MAX = 0.25
"""The visible body gives way only when it holds less than this share of `articleBody`'s words: a
teaser over a paywall holds a sentence or two of a long text; a body that was found is as long."""
_BREAK_TAGS = re.compile(r"<(?:br\s*/?|/(?:p|div|h[1-6]|li|blockquote|tr)\s*)>", re.IGNORECASE)
"""Tags that end a line in an `articleBody` written as HTML (some sites put their markup in it)."""
_ANY_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def structured_paragraphs(article_body: Candidate[str] | None, visible: Sequence[str]) -> list[str] | None:
    """The paragraphs of `articleBody` when they are to be the body instead of `visible`, else None."""
    if article_body is None:
        return None
    paragraphs = _paragraphs(article_body.value)
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    if words < STRUCTURED_BODY_MIN_WORDS:
        return None
    visible_words = sum(len(paragraph.split()) for paragraph in visible)
    return paragraphs if visible_words < VISIBLE_SHARE_MAX * words else None


def _paragraphs(text: str) -> list[str]:
    """The lines of an `articleBody`, character references and markup resolved, blank lines dropped."""
    text = html.unescape(text)  # some sites escape their markup once more ('&lt;p&gt;')
    if "<" in text:
        text = _ANY_TAG.sub(" ", _BREAK_TAGS.sub("\n", text))
    lines = (collapse(line) for line in text.splitlines())
    return [line for line in lines if line]

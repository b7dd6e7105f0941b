"""What an HTML element's tag, class, id, role and itemprop say about it: a set of hint families.

Families are named like `Reason` codes ('navigation', 'comments', 'share', …) plus the positive
'article_body'. The vocabulary is in `data/hints.toml`; this module only tokenises and matches.
"""

from __future__ import annotations

import functools
import re

from articlex.vocabulary import hint_vocabulary

ARTICLE_BODY = "article_body"

TAG_FAMILIES: dict[str, str] = {
    "nav": "navigation",
    "footer": "footer",
    "aside": "sidebar",
    "form": "form",
    "figcaption": "caption",
    "menu": "navigation",
    "dialog": "widget",
    "marquee": "ticker",
}
"""Elements whose tag alone says what they are."""

ROLE_FAMILIES: dict[str, str] = {
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "form",
    "dialog": "widget",
    "alertdialog": "widget",
    "banner": "navigation",
    "main": ARTICLE_BODY,
}
"""ARIA landmark roles and what they mark."""

_TOKEN_SPLIT = re.compile(r"[^0-9a-zA-Z]+|(?<=[a-z])(?=[A-Z])")


LAYOUT_MODIFIERS = frozenset({"with", "has", "no", "without", "hide", "show", "is", "sticky", "layout", "fixed"})
"""A class name holding one of these words describes a layout ('content-with-sidebar'), not what the element is."""


@functools.cache
def families_of(attribute_text: str) -> frozenset[str]:
    """Hint families named by a class/id/itemprop string (tokens and distinctive substrings)."""
    vocabulary = hint_vocabulary()
    found: set[str] = set()
    for name in attribute_text.split():
        pieces = [piece.lower() for piece in _TOKEN_SPLIT.split(name) if piece]
        if LAYOUT_MODIFIERS.intersection(pieces):
            continue
        lowered = name.lower()
        found.update(vocabulary.tokens[token] for token in (*pieces, lowered) if token in vocabulary.tokens)
        found.update(family for needle, family in vocabulary.contains if needle in lowered)
    return frozenset(found)

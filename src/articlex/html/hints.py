"""What an HTML element's tag, class, id, role and itemprop say about it: a set of `HintFamily`s.

Families are named like `Reason` codes ('navigation', 'comments', 'share', …) plus the positive
'article_body'. The vocabulary is in `data/hints.toml`; this module only tokenises and matches.
"""

from __future__ import annotations

import functools
import re

from articlex.hint_families import HintFamily
from articlex.trie import longest_first
from articlex.vocabulary import hint_vocabulary

TAG_FAMILIES: dict[str, HintFamily] = {
    "nav": HintFamily.NAVIGATION,
    "footer": HintFamily.FOOTER,
    "aside": HintFamily.SIDEBAR,
    "form": HintFamily.FORM,
    "figcaption": HintFamily.CAPTION,
    "menu": HintFamily.NAVIGATION,
    "dialog": HintFamily.WIDGET,
    "marquee": HintFamily.TICKER,
}
"""Elements whose tag alone says what they are."""

ROLE_FAMILIES: dict[str, HintFamily] = {
    "navigation": HintFamily.NAVIGATION,
    "menu": HintFamily.NAVIGATION,
    "menubar": HintFamily.NAVIGATION,
    "contentinfo": HintFamily.FOOTER,
    "complementary": HintFamily.SIDEBAR,
    "search": HintFamily.FORM,
    "dialog": HintFamily.WIDGET,
    "alertdialog": HintFamily.WIDGET,
    "banner": HintFamily.NAVIGATION,
    "main": HintFamily.ARTICLE_BODY,
}
"""ARIA landmark roles and what they mark."""

_TOKEN_SPLIT = re.compile(r"[^0-9a-zA-Z]+|(?<=[a-z])(?=[A-Z])")


def name_words(name: str) -> list[str]:
    """The lower-cased words of a class name, id or path label: 'postAuthor-box_2' -> post, author, box, 2."""
    return [piece.lower() for piece in _TOKEN_SPLIT.split(name) if piece]


LAYOUT_MODIFIERS = frozenset({"with", "has", "no", "without", "hide", "show", "is", "sticky", "layout", "fixed"})
"""A class name holding one of these words describes a layout ('content-with-sidebar'), not what the element is."""


def families_of(attribute_text: str) -> frozenset[HintFamily]:
    """Hint families named by a class/id/itemprop string (tokens and distinctive substrings)."""
    names = attribute_text.split()
    if len(names) == 1:
        return _families_of_name(names[0])
    if not _POST_MARKERS.isdisjoint(names):
        names = [name for name in names if not name.startswith(_TAXONOMY_PREFIXES)]
    return frozenset().union(*map(_families_of_name, names))


_POST_MARKERS = frozenset({"hentry", "status-publish", "type-post", "type-page"})
"""Class names a blogging engine gives the element of a post, beside one name per category and tag of the post."""
_TAXONOMY_PREFIXES = ("category-", "tag-")
"""On a post's element, 'category-comments' or 'tag-social-media' names what the post is filed under, not what
the element is."""


@functools.lru_cache(maxsize=65536)
def _families_of_name(name: str) -> frozenset[HintFamily]:
    """The families of one class name or id; cached, since pages repeat their class names a lot."""
    lowered = name.lower()
    if _any_hint().search(lowered) is None:
        return frozenset()  # no hint word anywhere in it (half the names a page brings): one search, no words cut
    pieces = name_words(name)
    if LAYOUT_MODIFIERS.intersection(pieces):
        return frozenset()
    vocabulary = hint_vocabulary()
    found = {vocabulary.tokens[token] for token in (*pieces, lowered) if token in vocabulary.tokens}
    found.update(_substring_families(lowered))
    if HintFamily.HIDDEN in found and _hides_a_part(pieces):
        found.discard(HintFamily.HIDDEN)
    if HintFamily.SHARE in found and _embedded_post(pieces):
        found.discard(HintFamily.SHARE)
    return frozenset(found)


def _embedded_post(pieces: list[str]) -> bool:
    """'social-media-embed' wraps an embedded post: its share words only name the network."""
    vocabulary = hint_vocabulary()
    sharing = {piece for piece in pieces if vocabulary.tokens.get(piece) is HintFamily.SHARE}
    return not vocabulary.share_embeds.isdisjoint(pieces) and sharing <= vocabulary.share_social


def _hides_a_part(pieces: list[str]) -> bool:
    """'label-hidden' hides the element's label: the element itself shows."""
    vocabulary = hint_vocabulary()
    return any(
        vocabulary.tokens.get(piece) is HintFamily.HIDDEN and pieces[position - 1] in vocabulary.hidden_parts
        for position, piece in enumerate(pieces)
        if position
    )


def _substring_families(lowered: str) -> set[HintFamily]:
    """Families of the distinctive substrings in a lower-cased name, found in one regex pass."""
    pattern, family_of = _substring_pattern()
    return {family_of[match] for match in pattern.findall(lowered)}


@functools.cache
def _any_hint() -> re.Pattern[str]:
    """Any hint token or substring inside a lower-cased name."""
    vocabulary = hint_vocabulary()
    return re.compile(longest_first([*vocabulary.tokens, *dict(vocabulary.contains)]))


@functools.cache
def _substring_pattern() -> tuple[re.Pattern[str], dict[str, HintFamily]]:
    # As a trie: a page brings some hundred class names and ids no page before it had, and each is
    # matched against all the substrings once (0.75 us a name instead of 3.9 as a flat alternation).
    family_of = dict(hint_vocabulary().contains)
    return re.compile(longest_first(family_of)), family_of

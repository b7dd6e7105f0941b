"""What an element's class, id, rel and itemprop say about the field it holds: author names or a date.

The HTML splitter finds candidate elements with `mark_selector()` (a cheap substring query),
asks `mark_kind` which field each one holds (whole tokens of `data/bylines.toml` and
`data/dates.toml`), and records the element's text and machine-readable value on its block
as a `Mark`. Elements named like boilerplate ('comment-author', 'photo-credit',
'widget-date') are not marks: their names say they belong to something else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from articlex.hints import ARTICLE_BODY, families_of
from articlex.vocabulary import author_hints, date_hints

MARK_MAX_CHARS = 200
"""A field element holds a name or a date; an element with more text is a container, not a mark."""
NEEDLE_CHARS = 4
"""Class words are found by their first four letters: short enough to share queries, long enough to be rare."""
MERGED_CHARS = 3
MERGE_GROUP = 3
"""Three or more needles with the same first three letters become one ('aut', 'pub'): each part of the
selector costs about 25 µs a page (measured on the scrapinghub pages), a few more candidates far less."""
AUTHOR = "author"
TIME = "time"
"""A `<time>` element no name describes: a date, but not necessarily the article's."""
ROLES = frozenset({"published", "updated"})
DATE_KINDS = frozenset({*ROLES, "date", TIME})
_NEUTRAL_FAMILIES = frozenset({"meta_info", ARTICLE_BODY})
"""Hint families a mark's own name may have: 'entry-meta', 'byline', 'post-date' are meta_info."""
_ITEMPROPS = {
    "author": AUTHOR,
    "creator": AUTHOR,
    "datepublished": "published",
    "datecreated": "published",
    "datemodified": "updated",
}
_MACHINE_ATTRIBUTES = ("datetime", "content", "title")
_TOKEN_SPLIT = re.compile(r"[^0-9a-zA-Z]+|(?<=[a-z])(?=[A-Z])")


def _tokens(value: str) -> set[str]:
    return {piece.lower() for piece in _TOKEN_SPLIT.split(value) if piece}


@functools.cache
def mark_selector() -> str:
    """A CSS selector for every element that might be a mark (filtered by `mark_kind`).

    The parser tests every element against every part of the selector, so the parts are kept
    few: the words are cut to their first `NEEDLE_CHARS` letters, only the shortest needles are
    kept ('date' finds 'updated' and 'pubdate' too), and needles that share their first
    `MERGED_CHARS` letters with others are merged into those ('aute', 'auth', 'auto' → 'aut').
    Ids are tested only for author words: an id with a date word names a script or a widget
    ('pubtime_baidu', 'rki-doubling-time') far more often than the article's date.
    """
    in_class = _needles(set(author_hints()) | set(date_hints()))
    in_id = _needles(set(author_hints()))
    parts = [f'[class*="{needle}" i]' for needle in in_class] + [f'[id*="{needle}" i]' for needle in in_id]
    return ", ".join(["[rel~=author i]", "[itemprop]", "time", *parts])


def _needles(words: set[str]) -> list[str]:
    """Few substrings such that every word holds one: the words' first letters, chosen greedily.

    A word already holding a chosen needle needs none of its own ('lastupdated' holds 'date').
    """
    cut = {word[:NEEDLE_CHARS] for word in words}
    cores: dict[str, int] = {}
    for needle in cut:
        cores[needle[:MERGED_CHARS]] = cores.get(needle[:MERGED_CHARS], 0) + 1
    candidates = cut | {core for core, count in cores.items() if count >= MERGE_GROUP}
    left, chosen = set(words), []
    while left:
        best = max(sorted(candidates), key=lambda needle: sum(needle in word for word in left))
        chosen.append(best)
        left = {word for word in left if best not in word}
    return sorted(chosen)


def mark_kind(tag: str, attributes: Mapping[str, str | None]) -> str | None:
    """'author', 'published', 'updated', 'date' or 'time' when the element says so, else None."""
    declared = [_ITEMPROPS.get(prop.casefold()) for prop in (attributes.get("itemprop") or "").split()]
    if "author" in (attributes.get("rel") or "").casefold().split():
        declared.append(AUTHOR)
    kind = next((kind for kind in declared if kind is not None), None)
    if kind is not None:
        return kind
    names = " ".join(filter(None, (attributes.get("class"), attributes.get("id"))))
    if families_of(names) - _NEUTRAL_FAMILIES:
        return None
    return _kind_of_names(_tokens(names)) or (TIME if tag == "time" else None)


def _kind_of_names(tokens: set[str]) -> str | None:
    """What class and id words say: a published or updated date, an author, or a date."""
    kinds = {date_hints()[token] for token in tokens if token in date_hints()}
    role = next((kind for kind in ("published", "updated") if kind in kinds), None)
    if role is not None:
        return role
    if tokens & author_hints():
        return AUTHOR
    return "date" if kinds else None


def machine_value(attributes: Mapping[str, str | None]) -> str:
    """A machine-readable value the element carries: `datetime`, `content`, `title` or a data-*date attribute."""
    for name in _MACHINE_ATTRIBUTES:
        value = attributes.get(name)
        if value and value.strip():
            return value.strip()
    for name, value in attributes.items():
        if name.startswith("data-") and ("date" in name or "time" in name) and value and value.strip():
            return value.strip()
    return ""

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

    Each substring test costs a pass over the page in the parser, so the words are cut to
    their first `NEEDLE_CHARS` letters and only the shortest needles are kept ('date' finds
    'updated' and 'pubdate' too). Ids are tested only for author and plain date words.
    """
    in_class = _needles(set(author_hints()) | set(date_hints()))
    in_id = _needles(set(author_hints()) | {word for word, kind in date_hints().items() if kind == "date"})
    parts = [f'[class*="{needle}" i]' for needle in in_class] + [f'[id*="{needle}" i]' for needle in in_id]
    return ", ".join(["[rel~=author i]", "[itemprop]", "time", *parts])


def _needles(words: set[str]) -> list[str]:
    cut = {word[:NEEDLE_CHARS] for word in words}
    return sorted(needle for needle in cut if not any(other != needle and other in needle for other in cut))


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

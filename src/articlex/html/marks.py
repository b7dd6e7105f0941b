"""What an element's class, id, rel and itemprop say about the field it holds: author names or a date.

The HTML splitter asks `mark_kind` of every element which field it holds (whole tokens of
`data/bylines.toml` and `data/dates.toml`), and records the element's text and machine-readable
value on its block as a `Mark`. Elements named like boilerplate ('comment-author', 'photo-credit',
'widget-date') are not marks: their names say they belong to something else.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping

from articlex.hint_families import HintFamily
from articlex.html.hints import families_of
from articlex.vocabulary import author_hints, date_hints, picture_hints

MARK_MAX_CHARS = 200
"""A field element holds a name or a date; an element with more text is a container, not a mark."""
AUTHOR = "author"
TIME = "time"
"""A `<time>` element no name describes: a date, but not necessarily the article's."""
ROLES = frozenset({"published", "updated"})
DATE_KINDS = frozenset({*ROLES, "date", TIME})
_NEUTRAL_FAMILIES = frozenset({HintFamily.META_INFO, HintFamily.ARTICLE_BODY})
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


def mark_kind(tag: str, attributes: Mapping[str, str | None]) -> str | None:
    """'author', 'published', 'updated', 'date' or 'time' when the element says so, else None."""
    itemprop = attributes.get("itemprop")
    if itemprop:
        kind = next(filter(None, (_ITEMPROPS.get(prop.casefold()) for prop in itemprop.split())), None)
        if kind is not None:
            return kind
    rel = attributes.get("rel")
    if rel and "author" in rel.casefold().split():
        return AUTHOR
    classes, ident = attributes.get("class"), attributes.get("id")
    kind = _kind_of_names(classes or "", ident or "") if classes or ident else None
    return kind or (TIME if tag == "time" else None)


@functools.lru_cache(maxsize=16_384)
def _kind_of_names(classes: str, ident: str) -> str | None:
    """What class and id words say: a published or updated date, an author, or a date.

    Cached: a page repeats its class names, and every element of the page is asked. Date words
    count in the class only: an id with a date word names a script or a widget ('pubtime_baidu',
    'rki-doubling-time') far more often than the article's date.
    """
    class_tokens = _tokens(classes)
    kinds = {date_hints()[token] for token in class_tokens if token in date_hints()}
    author = not (class_tokens | _tokens(ident)).isdisjoint(author_hints()) and not _names_a_picture_credit(
        f"{classes} {ident}"
    )
    if not (kinds or author) or families_of(f"{classes} {ident}") - _NEUTRAL_FAMILIES:
        return None
    role = next((kind for kind in ("published", "updated") if kind in kinds), None)
    if role is not None:
        return role
    if author:
        return AUTHOR
    return "date" if kinds else None


def _names_a_picture_credit(names: str) -> bool:
    """True when a class or id puts a picture's word right before an author word ('imageByline', 'photo-byline').

    That element credits the picture (its photographer); 'author-photo' is the author's picture.
    """
    for name in names.split():
        pieces = [piece.lower() for piece in _TOKEN_SPLIT.split(name) if piece]
        if any(a in picture_hints() and b in author_hints() for a, b in itertools.pairwise(pieces)):
            return True
    return False


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

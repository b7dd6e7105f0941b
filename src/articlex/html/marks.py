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
from typing import NamedTuple

from articlex.hint_families import HintFamily
from articlex.html.hints import families_of, name_words
from articlex.trie import longest_first
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


class _NameSays(NamedTuple):
    """What one class name or id says about a field."""

    dates: frozenset[str]
    """The date kinds its words name ('published', 'updated', 'date')."""
    author: bool
    """Whether one of its words is an author word."""
    picture_credit: bool
    """Whether a picture's word comes right before an author word ('imageByline', 'photo-byline'): it credits the
    picture (its photographer); 'author-photo' is the author's picture."""


_SAYS_NOTHING = _NameSays(dates=frozenset(), author=False, picture_credit=False)


@functools.lru_cache(maxsize=65_536)
def _what_name_says(name: str) -> _NameSays:
    """Cached by name: pages put the same names together in new ways ('post-header' beside a unique id)."""
    if _field_words().search(name.lower()) is None:
        return _SAYS_NOTHING  # no date or author word anywhere in it, so in none of its words: most names
    pieces = name_words(name)
    dates, authors, pictures = date_hints(), author_hints(), picture_hints()
    return _NameSays(
        frozenset(dates[piece] for piece in pieces if piece in dates),
        not authors.isdisjoint(pieces),
        any(a in pictures and b in authors for a, b in itertools.pairwise(pieces)),
    )


@functools.cache
def _field_words() -> re.Pattern[str]:
    """Any date or author word, as a piece of a lower-cased name (one search instead of cutting it into words)."""
    return re.compile(longest_first([*date_hints(), *author_hints()]))


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


def _kind_of_names(classes: str, ident: str) -> str | None:
    """What class and id words say: a published or updated date, an author, or a date.

    Asked once per new combination of names (`html.split` caches what an element is); what each
    name says is cached. Date words count in the class only: an id with a date word names a script
    or a widget ('pubtime_baidu', 'rki-doubling-time') far more often than the article's date.
    """
    class_names = classes.split()
    kinds: set[str] = set()
    author = picture_credit = False
    for position, name in enumerate((*class_names, *ident.split())):
        says = _what_name_says(name)
        if says is _SAYS_NOTHING:  # most names: nothing to add
            continue
        if position < len(class_names):
            kinds.update(says.dates)
        author = author or says.author
        picture_credit = picture_credit or says.picture_credit
    author = author and not picture_credit
    if not (kinds or author) or families_of(f"{classes} {ident}") - _NEUTRAL_FAMILIES:
        return None
    role = next((kind for kind in ("published", "updated") if kind in kinds), None)
    if role is not None:
        return role
    if author:
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

"""The description, tags and categories a page's head gives: cleaned, each from its most trusted source.

`html.metadata` lists the candidates in order of trust (JSON-LD of the article, then OpenGraph
and `article:*`, then other `<meta>` names). Each field takes the first candidate that still has
a value once cleaned; sources are not merged, so the provenance names the one place the value was
read. Tags and categories are lists: a keyword string is cut at commas and semicolons, entities a
page escaped twice are read, and each tag is kept once (compared case-insensitively, the first
spelling kept). Values longer than anything a person types as a tag, a section or a summary are
dropped: such a value is a text pasted into the wrong field.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from articlex.html.metadata import Metadata
from articlex.stages import Candidate
from articlex.textnorm import collapse

MAX_DESCRIPTION_CHARS = 1_000
"""A summary is a few sentences; a longer `description` is the body pasted in, not a description."""
MAX_TAG_CHARS = 80
"""A tag or a section is a few words; a longer one is a sentence or a list that lost its separators."""
MAX_TAGS = 50
"""More tags than this is a keyword-stuffed head: the first ones are kept."""
TAG_SEPARATORS = re.compile(r"[,;]")
"""Keyword strings separate their terms with commas (`<meta name=keywords>`), some with semicolons."""


def find_description(meta: Metadata) -> Candidate[str] | None:
    """The first description that is a usable summary."""
    for candidate in meta.descriptions:
        text = _clean(candidate.value)
        if text and len(text) <= MAX_DESCRIPTION_CHARS:
            return Candidate(text, candidate.source, candidate.evidence)
    return None


def find_tags(meta: Metadata) -> Candidate[tuple[str, ...]] | None:
    """The tags of the first source that gives any: keyword strings split, each tag once."""
    return _first_list(meta.keywords, split=True)


def find_categories(meta: Metadata) -> Candidate[tuple[str, ...]] | None:
    """The sections of the first source that gives any; a section name is kept whole (commas included)."""
    return _first_list(meta.sections, split=False)


def _first_list(candidates: Sequence[Candidate[tuple[str, ...]]], *, split: bool) -> Candidate[tuple[str, ...]] | None:
    for candidate in candidates:
        terms = _terms(candidate.value, split=split)
        if terms:
            return Candidate(terms, candidate.source, candidate.evidence)
    return None


def _terms(values: Iterable[str], *, split: bool) -> tuple[str, ...]:
    """Clean terms, each once (case-insensitively, first spelling kept), at most `MAX_TAGS`."""
    # Entities are read before cutting: the ';' of an escaped '&amp;' separates nothing.
    texts = (html.unescape(value) for value in values)
    pieces = (piece for text in texts for piece in (TAG_SEPARATORS.split(text) if split else (text,)))
    kept: dict[str, str] = {}
    for piece in pieces:
        term = collapse(piece)
        if term and len(term) <= MAX_TAG_CHARS:
            kept.setdefault(term.casefold(), term)
    return tuple(kept.values())[:MAX_TAGS]


def _clean(value: str) -> str:
    """Entities read (a page that escapes twice shows '&amp;' in its head), whitespace collapsed."""
    return collapse(html.unescape(value))

"""Credit lines and author names: 'By Asha Rao | IANS | 18 June 2024', 'A, B and C', 'IANS | 18 Jun, 2024'.

A credit line is cut into segments at separators ('|', '•', ' - ', ' / '); each segment is a
date, an agency, a label ('Updated'), or names. Names are split at commas and joiners ('and',
'und', '&'), stripped of prefixes ('By', 'Von'), roles ('Staff Writer') and outlets
('for The Times'), and kept only when they look like a person's name.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from articlex.fields.agency import agencies_in, agency_named
from articlex.fields.dates import DayOrTime, find_visible_date
from articlex.textnorm import collapse
from articlex.vocabulary import Agency, byline_vocabulary, date_labels

CREDIT_MAX_WORDS = 30
"""Credit lines are short; a longer block is prose even when it starts with 'By'."""
NAME_MAX_WORDS = 5
"""Person names have at most this many words ('Maria de la Luz Ramírez' has five)."""
NAME_MAX_CHARS = 60
DATE_LINE_MAX_WORDS = 8
"""'Published: Tuesday, June 18, 2024 10:30 am IST' is a date line; longer lines are sentences."""
_ENDS_SENTENCE = re.compile(r"\w[.!?]$")
NAME_PARTICLES = frozenset({"di", "da", "de", "van", "von"})
"""Byline words in some languages ('di' = 'by') that also start surnames ('Di Stefano')."""

_SEGMENT_SPLIT = re.compile(r"\s*(?:\||•|·|\s[-–—/]\s|\n)\s*")
_OUTLET = re.compile(r"\s+(?:for|für|pour|para|per|voor)\s+.*$", re.IGNORECASE)
_CONTACT = re.compile(r"\S+@\S+|https?://\S+|(?<!\w)@\w+")
_NOT_NAME_CHARS = re.compile(r"[\d:!?=<>{}\[\]#%*+\"“”]")
_PERSON_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’.-]*"  # a capitalised word: Asha, O'Brien, Jean-Luc, Иван
    r"|(?:de|da|van|von|der|den|del|la|le|di|du|bin|al|el|ter|dos|das|y)"  # lower-case particles
    r"|[^\W\d_a-zA-Z]+)$"  # a word of a script without case: 王小明
)


@functools.cache
def _name_split() -> re.Pattern[str]:
    """Commas, semicolons and the joiners of many languages ('and', 'und', '&') between names."""
    joiners = sorted(byline_vocabulary().joiners, key=len, reverse=True)
    # One-letter joiners ('e', 'y', 'и') only in lower case: 'E. Jean Carroll' keeps its initial.
    long_words = "|".join(re.escape(j) for j in joiners if j.isalpha() and len(j) > 1)
    letters = "".join(re.escape(j) for j in joiners if j.isalpha() and len(j) == 1)
    return re.compile(rf"\s*(?:[,;&]|(?<!\w)(?i:{long_words})(?!\w)|(?<!\w)[{letters}](?![\w.]))\s*")


@dataclass(frozen=True, slots=True)
class Credit:
    """What a credit line says."""

    text: str
    authors: tuple[str, ...]
    agency: Agency | None
    date: DayOrTime | None
    date_role: str | None
    """'published' or 'updated' when a label says which; None when the line does not say."""


def read_credit(text: str, *, month_first: bool, reference: dt.date | None) -> Credit | None:
    """Parse a block as a credit line; None when it is not one."""
    if len(text.split()) > CREDIT_MAX_WORDS:
        return None
    vocabulary = byline_vocabulary()
    lowered = text.casefold()
    has_prefix = any(lowered.startswith((prefix + " ", prefix + ":")) for prefix in vocabulary.prefixes)
    authors: list[str] = []
    agency: Agency | None = None
    date: DayOrTime | None = None
    role: str | None = None
    understood = 0
    segments = [segment for segment in _SEGMENT_SPLIT.split(text) if segment.strip()]
    for segment in segments:
        seg_date = find_visible_date(segment, month_first=month_first, reference=reference)
        seg_agency = agency_named(segment) or _agency_in_credit(segment)
        if seg_date is not None:
            date = date or seg_date
            role = role or _date_role(segment)
            understood += 1
        elif seg_agency is not None:
            agency = agency or seg_agency
            understood += 1
        else:
            names = split_names(segment)
            if names:
                authors.extend(names)
                understood += 1
    if not segments or understood < len(segments) / 2:
        return None
    structured = len(segments) > 1 and (agency is not None or date is not None)
    short = len(text.split()) <= DATE_LINE_MAX_WORDS
    date_line = date is not None and short and (role is not None or not _ENDS_SENTENCE.search(text))
    if not (has_prefix or structured or date_line or (agency is not None and len(segments) == 1)):
        return None
    return Credit(collapse(text), tuple(dict.fromkeys(authors)), agency, date, role)


def _agency_in_credit(segment: str) -> Agency | None:
    """An agency inside a short credit segment ('Reuters staff', '(AFP)'); None in longer text."""
    if len(segment.split()) > 4:
        return None
    found = agencies_in(segment)
    return found[0] if found else None


def _date_role(segment: str) -> str | None:
    lowered = segment.casefold()
    for label, role in date_labels().items():
        if label in lowered:
            return role
    return None


def split_names(text: str) -> list[str]:
    """The person names in a credit: prefix, roles, outlets, contacts and non-names removed."""
    vocabulary = byline_vocabulary()
    text = _CONTACT.sub(" ", text)
    text = _OUTLET.sub("", collapse(text))
    text = _strip_prefix(text, vocabulary.prefixes)
    names = []
    for piece in _name_split().split(text):
        name = _strip_roles(piece.strip(" .,:;()[]-–—"), vocabulary.roles)
        if looks_like_name(name):
            names.append(name)
    return names


def _strip_prefix(text: str, prefixes: frozenset[str]) -> str:
    lowered = text.casefold()
    for prefix in sorted(prefixes, key=len, reverse=True):
        if not lowered.startswith(prefix) or (len(text) > len(prefix) and text[len(prefix)].isalnum()):
            continue
        rest = text[len(prefix) :].lstrip(" :")
        # 'Di Stefano', 'Von Trier': a capitalised particle before one word is a surname, not 'by'.
        if prefix in NAME_PARTICLES and text[:1].isupper() and len(rest.split()) == 1:
            continue
        return rest
    return text


def _strip_roles(name: str, roles: frozenset[str]) -> str:
    words = name.split()
    while words and " ".join(words[-2:]).casefold() in roles:
        words = words[:-2]
    while words and words[-1].casefold() in roles:
        words = words[:-1]
    while words and words[0].casefold() in roles:
        words = words[1:]
    return " ".join(words)


def looks_like_name(name: str) -> bool:
    """True for 'Asha Rao', 'Jean-Luc Picard', 'Иван Петров', '王小明'; False for labels, orgs, dates."""
    if not name or len(name) > NAME_MAX_CHARS or _NOT_NAME_CHARS.search(name):
        return False
    words = name.split()
    vocabulary = byline_vocabulary()
    if len(words) > NAME_MAX_WORDS or name.casefold() in vocabulary.non_names:
        return False
    if any(word.casefold() in vocabulary.non_names for word in words):
        return False
    if agency_named(name) is not None:
        return False
    if len(words) == 1 and name.isascii():
        return False
    return (all(_PERSON_WORD.match(word) for word in words) and not name.isupper()) or _is_caps_name(words)


def _is_caps_name(words: list[str]) -> bool:
    """Some sites print bylines in capitals ('ASHA RAO'): two or three all-caps words are a name."""
    return 2 <= len(words) <= 3 and all(word.isalpha() and word.isupper() and len(word) > 1 for word in words)

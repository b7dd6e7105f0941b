"""Typed, cached views of the vocabulary files in `articlex/data/`.

Each accessor reads its file once per process through the loaders of `articlex.data`,
checks the shape of every entry and returns plain Python values. A malformed entry raises
`DataFileError` naming the file. docs/data-files.md describes the files.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from articlex.data import available, load_table, load_words, string_list
from articlex.errors import DataFileError
from articlex.hint_families import HintFamily
from articlex.trie import longest_first

if TYPE_CHECKING:
    from collections.abc import Collection

_AGENCIES = "agencies.toml"
_DATES = "dates.toml"
_BYLINES = "bylines.toml"
_HINTS = "hints.toml"
_PHRASES = "phrases.toml"
_COMMENTS = "comments.toml"
_STOPWORDS = "stopwords"

_COUNTRY = re.compile(r"(?:[A-Z]{2})?")
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3_600, "day": 86_400, "week": 604_800}
_HINT_FAMILIES = frozenset(family.value for family in HintFamily)
_PHRASE_FAMILIES = _HINT_FAMILIES | {"print"}


@dataclass(frozen=True, slots=True)
class Agency:
    """A news agency: its canonical name and the forms a credit line prints it in."""

    name: str
    acronyms: tuple[str, ...]
    names: tuple[str, ...]
    country: str


@dataclass(frozen=True, slots=True)
class BylineVocabulary:
    """The words of bylines: what introduces, joins and accompanies author names."""

    prefixes: frozenset[str]
    joiners: frozenset[str]
    roles: frozenset[str]
    non_names: frozenset[str]
    desks: frozenset[str] = frozenset()
    """Words naming a newsroom or organisation credited as a whole ('redaktion', 'staff')."""
    beats: frozenset[str] = frozenset()
    """What a reporter covers, before the role ('court' of 'court reporter')."""
    sign_offs: frozenset[str] = frozenset()
    """Greetings and sign-offs closing a post ('happy holidays', 'cheers')."""
    places: frozenset[str] = frozenset()
    """Capitals and large cities: alone, never an author."""
    outlets: frozenset[str] = frozenset()
    """Words that name a newspaper, a magazine or a broadcaster ('tribune', 'zeitung'): never in a person's name."""
    function_words: frozenset[str] = frozenset()
    """Words of sentences and labels ('this', 'have', 'not') that no person's name holds."""
    weekdays: frozenset[str] = frozenset()
    other_roles: frozenset[str] = frozenset()
    """Roles of people besides the author ('editor', 'photos'): a name after one and a colon is theirs."""
    """Day names, which open a date printed right after a name ('Jana Roe Monday, May 3')."""


@dataclass(frozen=True, slots=True)
class CommentVocabulary:
    """The words of readers' comments: what names the commenter's element, follows the name, or is a button."""

    author_hints: frozenset[str]
    says: tuple[str, ...]
    joins: frozenset[str]
    actions: frozenset[str]


@dataclass(frozen=True, slots=True)
class HintVocabulary:
    """Class/id hints: whole tokens and substrings, each mapped to its family."""

    tokens: dict[str, HintFamily]
    contains: tuple[tuple[str, HintFamily], ...]
    hidden_parts: frozenset[str]
    """Words naming a part of an element: before a hiding word, only that part is hidden."""
    share_embeds: frozenset[str]
    """Words that, with only social words for sharing, name an embedded post ('social-media-embed')."""
    share_social: frozenset[str]
    """The share family's words that name a social network, not the act of sharing."""


def _fail(file: str, problem: str) -> DataFileError:
    return DataFileError(f"data file {file!r}: {problem}; reinstall articlex")


def _words(table: dict[str, Any], key: str, file: str) -> tuple[str, ...]:
    """`table[key]` as a non-empty tuple of non-empty strings."""
    words = string_list(table, key, file)
    if not words or not all(words):
        raise _fail(file, f"{key!r} must be a non-empty list of non-empty strings")
    return words


def _section(table: dict[str, Any], key: str, file: str, names: Collection[str] = ()) -> dict[str, Any]:
    """`table[key]` as a non-empty table whose keys are among `names` (when given)."""
    section = table.get(key)
    if not isinstance(section, dict) or not section:
        raise _fail(file, f"[{key}] must be a non-empty table")
    unknown = set(section) - set(names) if names else set()
    if unknown:
        raise _fail(file, f"[{key}] has unknown entries {sorted(unknown)}")
    return section


def _inverse(groups: dict[str, Any], file: str, key: str = "") -> dict[str, str]:
    """Map each word of each group (or of its `key` list) to the group's name, once."""
    result: dict[str, str] = {}
    for name in groups:
        words = _words(_section(groups, name, file), key, file) if key else _words(groups, name, file)
        for word in words:
            if result.setdefault(word, name) != name:
                raise _fail(file, f"{word!r} is under both {result[word]!r} and {name!r}")
    return result


@functools.cache
def agencies() -> tuple[Agency, ...]:
    """Every agency of agencies.toml, in file order."""
    entries = load_table(_AGENCIES).get("agency")
    if not isinstance(entries, list) or not entries or not all(isinstance(entry, dict) for entry in entries):
        raise _fail(_AGENCIES, "it must hold [[agency]] tables")
    result: list[Agency] = []
    for entry in entries:
        name, country = entry.get("name"), entry.get("country")
        if not isinstance(name, str) or not name or any(agency.name == name for agency in result):
            raise _fail(_AGENCIES, f"agency name {name!r} is missing or not unique")
        if not isinstance(country, str) or not _COUNTRY.fullmatch(country):
            raise _fail(_AGENCIES, f'agency {name!r} needs a two-letter country code or ""')
        acronyms, names = _words(entry, "acronyms", _AGENCIES), _words(entry, "names", _AGENCIES)
        result.append(Agency(name, acronyms, names, country))
    return tuple(result)


@functools.cache
def agency_by_alias() -> dict[str, Agency]:
    """Every acronym as printed and every full name casefolded, mapped to its agency."""
    aliases: dict[str, Agency] = {}
    for agency in agencies():
        for alias in (*agency.acronyms, *(name.casefold() for name in agency.names)):
            if aliases.setdefault(alias, agency) is not agency:
                raise _fail(_AGENCIES, f"{alias!r} names both {aliases[alias].name!r} and {agency.name!r}")
    return aliases


@functools.cache
def stopword_languages() -> tuple[str, ...]:
    """Language codes that have a stop-word list, sorted."""
    return tuple(name.removesuffix(".txt") for name in available(_STOPWORDS) if name.endswith(".txt"))


@functools.cache
def stopwords(language: str) -> frozenset[str]:
    """Stop words of `language` ("en", "de-CH", "pt_BR"); empty when there is no list."""
    base = re.split(r"[-_]", language, maxsplit=1)[0].casefold()
    if base not in stopword_languages():
        return frozenset()
    return load_words(f"{_STOPWORDS}/{base}.txt")


@functools.cache
def month_numbers() -> dict[str, int]:
    """Every month form of every language mapped to its month number, 1 to 12."""
    numbers: dict[str, int] = {}
    for language, months in _section(load_table(_DATES), "months", _DATES).items():
        if not isinstance(months, list) or len(months) != 12:
            raise _fail(_DATES, f"months.{language} must hold 12 lists of forms")
        groups = {f"months.{language}.{number}": forms for number, forms in enumerate(months, start=1)}
        for form, group in _inverse(groups, _DATES).items():
            number = int(group.rsplit(".", 1)[1])
            if numbers.setdefault(form, number) != number:
                raise _fail(_DATES, f"{form!r} is month {numbers[form]} in one language and {number} in {language}")
    return numbers


@functools.cache
def date_labels() -> dict[str, str]:
    """Phrases that label a date, mapped to "published" or "updated"."""
    return _inverse(_section(load_table(_DATES), "labels", _DATES, ("published", "updated")), _DATES)


@functools.cache
def relative_words() -> dict[str, str]:
    """Words of relative dates, mapped to "ago", "today" or "yesterday"."""
    return _inverse(_section(load_table(_DATES), "relative", _DATES, ("ago", "today", "yesterday")), _DATES)


@functools.cache
def time_units() -> dict[str, int]:
    """Forms of time units ("minutes", "std", "часов"), mapped to seconds."""
    units = _inverse(_section(load_table(_DATES), "units", _DATES, _UNIT_SECONDS), _DATES)
    return {form: _UNIT_SECONDS[unit] for form, unit in units.items()}


@functools.cache
def date_hints() -> dict[str, str]:
    """Class/id tokens naming an element that holds a date, mapped to "published", "updated" or "date"."""
    return _inverse(_section(load_table(_DATES), "hints", _DATES, ("published", "updated", "date")), _DATES)


@functools.cache
def author_hints() -> frozenset[str]:
    """Class/id/rel tokens naming an element that holds author names."""
    return frozenset(_words(load_table(_BYLINES), "hints", _BYLINES))


@functools.cache
def picture_hints() -> frozenset[str]:
    """Class/id tokens naming a picture: before an author word, the element holds the picture's credit."""
    return frozenset(_words(load_table(_BYLINES), "picture_hints", _BYLINES))


@functools.cache
def byline_vocabulary() -> BylineVocabulary:
    """The lists of bylines.toml: prefixes, joiners, roles, non-names, desks, beats, sign-offs, places and the rest."""
    table = load_table(_BYLINES)
    # Each field of BylineVocabulary is the list of bylines.toml with the same name.
    return BylineVocabulary(
        **{entry.name: frozenset(_words(table, entry.name, _BYLINES)) for entry in fields(BylineVocabulary)}
    )


@functools.cache
def byline_prefix_before_a_name() -> re.Pattern[str]:
    """A byline prefix of bylines.toml in any case, then a capitalised word: where a credited name starts.

    '… by Noa Levin', '… byRahim', 'von Jana Roe' (not 'by the river', 'Byzantium').
    """
    prefixes = longest_first(byline_vocabulary().prefixes, ignore_case=True)
    return re.compile(r"(?<!\w)(?:" + prefixes + r")\s*(?=(?-i:[^\W\d_a-z]))", re.IGNORECASE)


@functools.cache
def hint_vocabulary() -> HintVocabulary:
    """Class/id tokens and substrings of hints.toml, each mapped to its family."""
    table = load_table(_HINTS)
    families = _section(table, "families", _HINTS, _HINT_FAMILIES)
    if missing := _HINT_FAMILIES - set(families):
        raise _fail(_HINTS, f"families {sorted(missing)} are missing")
    contains = {word: HintFamily(name) for word, name in _inverse(families, _HINTS, "contains").items()}
    qualifiers = _section(table, "hidden_qualifiers", _HINTS, frozenset({"parts"}))
    embeds = _section(table, "share_qualifiers", _HINTS, frozenset({"embeds", "social"}))
    return HintVocabulary(
        tokens={word: HintFamily(name) for word, name in _inverse(families, _HINTS, "tokens").items()},
        contains=tuple(sorted(contains.items(), key=lambda item: (-len(item[0]), item[0]))),
        hidden_parts=frozenset(_words(qualifiers, "parts", _HINTS)),
        share_embeds=frozenset(_words(embeds, "embeds", _HINTS)),
        share_social=frozenset(_words(embeds, "social", _HINTS)),
    )


@functools.cache
def phrase_families() -> dict[str, str]:
    """Boilerplate phrases of phrases.toml, mapped to their family."""
    return _inverse(_section(load_table(_PHRASES), "families", _PHRASES, _PHRASE_FAMILIES), _PHRASES, "phrases")


@functools.cache
def phrase_openings() -> dict[str, str]:
    """The openings of phrases.toml ('if you enjoyed this article', 'this entry was posted'), mapped to their family."""
    return _inverse(_section(load_table(_PHRASES), "openings", _PHRASES, _PHRASE_FAMILIES), _PHRASES, "phrases")


@functools.cache
def comment_vocabulary() -> CommentVocabulary:
    """The author hints, 'says' words, joining words and button words of comments.toml."""
    table = load_table(_COMMENTS)
    return CommentVocabulary(
        author_hints=frozenset(_words(table, "author_hints", _COMMENTS)),
        says=_words(table, "says", _COMMENTS),
        joins=frozenset(_words(table, "joins", _COMMENTS)),
        actions=frozenset(_words(table, "actions", _COMMENTS)),
    )

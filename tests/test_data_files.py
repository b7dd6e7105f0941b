"""The vocabulary data files load through `articlex.vocabulary` and keep their invariants."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from importlib import resources
from typing import Any

import pytest

from articlex import vocabulary
from articlex.data import load_table
from articlex.html.hints import families_of

HINT_FAMILIES = {
    "navigation", "footer", "sidebar", "comments", "share", "related", "newsletter", "advertisement", "caption",
    "author_bio", "meta_info", "ticker", "widget", "consent", "form", "hidden", "article_body",
}  # fmt: skip
PHRASE_FAMILIES = HINT_FAMILIES | {"print"}
REQUIRED_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl",
    "cs", "sk", "ru", "uk", "tr", "ro", "hu", "el", "id", "hr", "sl", "ca",
)  # fmt: skip
REQUIRED_AGENCIES = (
    "IANS", "PTI", "ANI", "UNI", "Reuters", "AP", "AFP", "Bloomberg", "dpa", "EFE", "ANSA", "Kyodo", "Jiji",
    "Yonhap", "Xinhua", "TASS", "RIA Novosti", "Interfax", "Anadolu", "PA Media", "AAP", "CP", "UPI", "KCNA",
    "CNA", "Bernama", "Antara", "PNA", "APP", "BSS", "Belga", "APA", "Keystone-SDA", "ANP", "NTB", "TT",
    "Ritzau", "STT", "PAP", "ČTK", "MTI", "Agerpres", "BTA", "Tanjug", "HINA", "STA", "Lusa", "Agência Brasil",
    "Notimex", "Télam", "Prensa Latina", "MENA", "WAFA", "Petra", "KUNA", "SPA", "WAM", "QNA", "IRNA", "ISNA",
    "Fars", "NNA", "Ukrinform", "UNIAN", "BelTA", "Kazinform",
)  # fmt: skip
TOML_FILES = ("agencies.toml", "dates.toml", "bylines.toml", "hints.toml", "phrases.toml")
GENERIC_CLASS_NAMES = (
    "content", "main", "article", "story", "post", "text", "body", "entry", "header", "article-header",
    "entry-header", "headline", "lead", "commentary", "article-commentary", "opinion-commentary", "shadow-box",
    "thread", "downloads", "main-content", "article-body", "entry-content", "post-content", "story-body",
)  # fmt: skip


def _split_class(value: str) -> list[str]:
    """Split a class/id value the way hints.toml documents: non-alphanumerics and camelCase."""
    return [piece.lower() for piece in re.split(r"[^0-9a-zA-Z]+|(?<=[a-z])(?=[A-Z])", value) if piece]


def _stopword_lines(language: str) -> list[str]:
    """The entries of a stop-word file in file order, comments and blank lines left out."""
    text = resources.files("articlex.data").joinpath(f"stopwords/{language}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _lists(value: Any, where: str) -> list[tuple[str, list[Any]]]:
    """Every list nested anywhere in a parsed TOML value, with a dotted path for messages."""
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _lists(item, f"{where}.{key}")]
    if isinstance(value, list):
        nested = [found for index, item in enumerate(value) for found in _lists(item, f"{where}[{index}]")]
        return [(where, value), *nested]
    return []


def test_every_accessor_loads() -> None:
    """Every accessor of articlex.vocabulary reads its file, and each gives what the extractor looks up in it."""
    assert {"AP", "Reuters", "IANS", "dpa"} <= {agency.name for agency in vocabulary.agencies()}
    aliases = vocabulary.agency_by_alias()
    assert (aliases["associated press"].name, aliases["DPA"].name, aliases["IANS"].name) == ("AP", "dpa", "IANS")
    assert {"the", "and", "of"} <= vocabulary.stopwords("en")
    months = vocabulary.month_numbers()
    assert (months["june"], months["juni"], months["juin"]) == (6, 6, 6)
    assert set(vocabulary.date_labels().values()) == {"published", "updated"}
    assert vocabulary.date_labels()["aktualisiert"] == "updated"
    assert set(vocabulary.relative_words().values()) == {"ago", "today", "yesterday"}
    assert vocabulary.relative_words()["gestern"] == "yesterday"
    assert vocabulary.time_units()["hour"] == 3_600
    assert {"by", "von", "par"} <= vocabulary.byline_vocabulary().prefixes
    assert vocabulary.hint_vocabulary().tokens["navbar"] == "navigation"
    phrases = vocabulary.phrase_families()
    assert (phrases["share this"], phrases["read more"], phrases["anzeige"]) == ("share", "related", "advertisement")


def test_at_least_80_agencies() -> None:
    """The agency list covers at least 80 agencies."""
    assert len(vocabulary.agencies()) >= 80


def test_agency_names_are_unique() -> None:
    """No two agencies share a canonical name."""
    names = [agency.name for agency in vocabulary.agencies()]
    assert len(names) == len(set(names))


def test_no_alias_names_two_agencies() -> None:
    """No acronym, and no full name compared casefolded, belongs to two agencies."""
    owners: dict[str, set[str]] = defaultdict(set)
    for agency in vocabulary.agencies():
        for alias in (*agency.acronyms, *(name.casefold() for name in agency.names)):
            owners[alias].add(agency.name)
    assert {alias: names for alias, names in owners.items() if len(names) > 1} == {}


def test_agency_names_survive_upper_casing() -> None:
    """A full name printed in capitals still resolves after casefolding ('ANADOLU AJANSI')."""
    table = vocabulary.agency_by_alias()
    lost = [name for agency in vocabulary.agencies() for name in agency.names if name.upper().casefold() not in table]
    assert lost == []


def test_country_codes_are_well_formed() -> None:
    """Every country is "" or two upper-case ASCII letters."""
    assert all(re.fullmatch(r"(?:[A-Z]{2})?", agency.country) for agency in vocabulary.agencies())


def test_required_agencies_are_present() -> None:
    """The main agencies of every region are listed under their canonical names."""
    names = {agency.name for agency in vocabulary.agencies()}
    assert [name for name in REQUIRED_AGENCIES if name not in names] == []


def test_required_stopword_languages_are_present() -> None:
    """Every required language has a stop-word list."""
    assert set(REQUIRED_LANGUAGES) <= set(vocabulary.stopword_languages())


@pytest.mark.parametrize("language", vocabulary.stopword_languages())
def test_stopword_file_is_clean(language: str) -> None:
    """A stop-word file is lower case, NFC, sorted, without duplicates, and 120 to 250 words long."""
    words = _stopword_lines(language)
    assert all(word == word.lower() == unicodedata.normalize("NFC", word) for word in words)
    assert words == sorted(set(words))
    assert 120 <= len(words) <= 250


def test_stopwords_accepts_regional_codes() -> None:
    """A regional code reads its base language's list; an unknown code gives an empty set."""
    assert vocabulary.stopwords("de-CH") == vocabulary.stopwords("de")
    assert vocabulary.stopwords("xx") == frozenset()


def test_month_languages_cover_stopword_languages() -> None:
    """Every required language has month names, twelve entries each."""
    months = load_table("dates.toml")["months"]
    assert set(REQUIRED_LANGUAGES) <= set(months)
    assert {language: len(entries) for language, entries in months.items() if len(entries) != 12} == {}


def test_no_month_form_has_two_numbers() -> None:
    """No month form means two different months, within or across languages."""
    numbers: dict[str, set[int]] = defaultdict(set)
    for months in load_table("dates.toml")["months"].values():
        for number, forms in enumerate(months, start=1):
            for form in forms:
                numbers[form].add(number)
    assert {form: found for form, found in numbers.items() if len(found) > 1} == {}
    assert set(vocabulary.month_numbers().values()) == set(range(1, 13))


def test_hint_families_are_exactly_the_allowed_set() -> None:
    """hints.toml has exactly the allowed families."""
    assert set(load_table("hints.toml")["families"]) == HINT_FAMILIES


def test_no_hint_token_is_in_two_families() -> None:
    """A whole token, or a substring, belongs to a single hint family."""
    for kind in ("tokens", "contains"):
        owners: dict[str, set[str]] = defaultdict(set)
        for family, entry in load_table("hints.toml")["families"].items():
            for word in entry[kind]:
                owners[word].add(family)
        assert {word: found for word, found in owners.items() if len(found) > 1} == {}


def test_hint_tokens_and_substrings_are_well_formed() -> None:
    """Tokens are lower-case alphanumerics; substrings are lower case and at least 6 characters."""
    hints = vocabulary.hint_vocabulary()
    assert all(re.fullmatch(r"[a-z0-9]+", token) for token in hints.tokens)
    assert all(needle == needle.lower() and len(needle) >= 6 for needle, _ in hints.contains)


def test_hint_substrings_are_longest_first() -> None:
    """hint_vocabulary().contains lists the longest substrings first."""
    lengths = [len(needle) for needle, _ in vocabulary.hint_vocabulary().contains]
    assert lengths == sorted(lengths, reverse=True)


@pytest.mark.parametrize("class_name", GENERIC_CLASS_NAMES)
def test_generic_class_names_are_not_negative(class_name: str) -> None:
    """Generic container names and article-body names hit no boilerplate family."""
    hints = vocabulary.hint_vocabulary()
    families = {hints.tokens[token] for token in _split_class(class_name) if token in hints.tokens}
    families |= {family for needle, family in hints.contains if needle in class_name.lower()}
    assert families <= {"article_body"}


def test_phrase_families_are_allowed() -> None:
    """phrases.toml uses only hint family names plus 'print'."""
    assert set(load_table("phrases.toml")["families"]) <= PHRASE_FAMILIES
    assert set(vocabulary.phrase_families().values()) <= PHRASE_FAMILIES


@pytest.mark.parametrize("file", TOML_FILES)
def test_no_empty_lists_or_strings(file: str) -> None:
    """No list in a TOML data file is empty, and no listed string is blank."""
    lists = _lists(load_table(file), file)
    assert [where for where, items in lists if not items] == []
    assert [where for where, items in lists if any(isinstance(item, str) and not item.strip() for item in items)] == []


@pytest.mark.parametrize("file", ["dates.toml", "bylines.toml", "hints.toml", "phrases.toml"])
def test_vocabulary_is_lower_case(file: str) -> None:
    """Every word of the non-agency TOML files is lower case."""
    words = [item for _, items in _lists(load_table(file), file) for item in items if isinstance(item, str)]
    assert [word for word in words if word != word.lower()] == []


@pytest.mark.parametrize(
    ("class_name", "families"),
    [
        ("visually-hidden", {"hidden"}),
        ("field field--label-hidden", set()),
        ("hidden-xs", {"hidden"}),
        ("social-share", {"share"}),
        ("social-media-embed", set()),
        ("share-embed-code", {"share"}),
    ],
)
def test_qualified_hint_words(class_name: str, families: set[str]) -> None:
    """A hiding word after a part's name hides the part; 'social' with 'embed' names an embedded post."""
    assert families_of(class_name) == families

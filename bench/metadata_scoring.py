"""Scoring rules of the metadata benchmark (`bench/metadata.py`): headline, authors, date, agency.

Every function here is pure: it takes the predicted value and the true value of one page
and returns a `PageScore`; `summarize` turns the page scores of one field into the corpus
figures. `tests/test_bench_metadata_scoring.py` pins each rule; `bench/README.md` states them.

A field the truth does not assert (null in ``truth.json``) is never scored: the caller skips
the page for that field. `score_authors` may also return ``None`` (nothing left to compare).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

# --------------------------------------------------------------------------- normalising

_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b", "'"),  # single quotes, low and reversed ones
        **dict.fromkeys("\u201c\u201d\u201e\u00ab\u00bb", '"'),  # double quotes and guillemets
        **dict.fromkeys([chr(code) for code in range(0x2010, 0x2016)] + ["\u2212"], "-"),  # dashes, minus
    }
)
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Unicode NFKC, case-fold, unify quotes and dashes, collapse whitespace, strip.

    The quotes U+2018, U+2019, U+201A, U+201B become ``'``; U+201C, U+201D, U+201E and the
    guillemets U+00AB, U+00BB become ``"``; the dashes U+2010-U+2015 and the minus sign
    U+2212 become ``-``. Any run of whitespace (NBSP, line breaks, tabs) is one space.
    """
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    return _SPACE.sub(" ", folded).strip()


def tokens(text: str) -> list[str]:
    """The ``\\w+`` tokens of the normalised text (a CJK run without spaces is one token)."""
    return _TOKEN.findall(normalise(text))


# --------------------------------------------------------------------------- page scores


@dataclass(frozen=True, slots=True)
class PageScore:
    """How one system did on one field of one page.

    ``score`` is the page's contribution to the field's score: 1.0 / 0.0 for headline
    (exact), date and agency; the name-set F1 for authors. ``given`` says the system
    returned a value; ``exact`` that the value is fully right (a given value that is not
    exact counts as "wrong when given"). ``token_f1`` is the headline's token F1, else None.
    """

    score: float
    given: bool
    exact: bool
    token_f1: float | None = None


def token_f1(predicted: str, truth: str) -> float:
    """Multiset F1 of the ``\\w+`` tokens of two normalised texts (1.0 when both have none)."""
    got, want = Counter(tokens(predicted)), Counter(tokens(truth))
    if not got and not want:
        return 1.0
    overlap = sum((got & want).values())
    if overlap == 0:
        return 0.0
    return 2 * overlap / (sum(got.values()) + sum(want.values()))


def score_headline(predicted: str | None, truth: str, alternatives: Sequence[str] = ()) -> PageScore:
    """Exact match of the normalised headline with the truth or any accepted alternative.

    The token F1 is the best over the truth and the alternatives. A missing or blank
    headline is not given and scores 0 on both.
    """
    accepted = [truth, *alternatives]
    if predicted is None or not normalise(predicted):
        return PageScore(0.0, given=False, exact=False, token_f1=0.0)
    exact = normalise(predicted) in {normalise(text) for text in accepted}
    best = max(token_f1(predicted, text) for text in accepted)
    return PageScore(1.0 if exact else 0.0, given=True, exact=exact, token_f1=best)


# --------------------------------------------------------------------------- authors

ROLE_WORDS: frozenset[str] = frozenset(
    {"staff", "writer", "reporter", "correspondent", "editor", "senior", "contributor"}
)
"""Words that describe a role, not a person; removed from every name before comparing."""

NAME_PREFIXES: tuple[str, ...] = ("by", "von", "par", "por")
"""A leading credit word ('By Jane Doe', 'Von Max Muster', 'Par …', 'Por …'), removed once."""

FALLBACK_AGENCIES: frozenset[str] = frozenset(
    {
        *("ap", "associated press", "reuters", "afp", "agence france-presse", "dpa", "deutsche presse-agentur"),
        *("ians", "pti", "ani", "upi", "efe", "ansa", "xinhua", "kyodo", "yonhap", "tass", "kna", "epd", "apa"),
    }
)
"""Agency names used when `articlex.vocabulary.agencies()` cannot be imported (normalised)."""

_PREFIX = re.compile(r"^(?:" + "|".join(NAME_PREFIXES) + r")\b[\s:]*")
_EDGE_JUNK = " \t,;:|/\\()[]{}<>*'\".-\u2013\u2014\u00b7\u2022"


def agency_names() -> tuple[frozenset[str], str]:
    """The agency names to strip from author names, and where they came from.

    They are taken from `articlex.vocabulary.agencies()` when it imports (each agency's
    ``name``, ``names`` and ``acronyms``), so the benchmark and the library agree on what an
    agency is; else `FALLBACK_AGENCIES`. The second value says which: ``"articlex.vocabulary"``
    or ``"fallback"``.
    """
    try:
        from articlex.vocabulary import agencies
    except ImportError:
        return FALLBACK_AGENCIES, "fallback"
    try:
        names = {normalise(alias) for agency in agencies() for alias in _aliases_of(agency)}
    except Exception:  # a vocabulary still being written must not stop the benchmark
        return FALLBACK_AGENCIES, "fallback"
    names.discard("")
    return (frozenset(names), "articlex.vocabulary") if names else (FALLBACK_AGENCIES, "fallback")


def _aliases_of(agency: object) -> Iterable[str]:
    """Every spelling of one agency entry: a plain string, or an object with name/names/acronyms."""
    if isinstance(agency, str):
        yield agency
        return
    for attribute in ("name", "names", "acronyms", "aliases"):
        value = getattr(agency, attribute, None)
        if isinstance(value, str):
            yield value
        elif isinstance(value, Iterable):
            yield from (item for item in value if isinstance(item, str))


_ROLES = re.compile(r"(?<!\w)(?:" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + r")(?!\w)")
_SEGMENT_BREAK = re.compile(r"\s*(?:[/|,;()\[\]]|\s[-\u2013\u2014]\s)\s*")


@functools.lru_cache(maxsize=8)
def _normalised(names: frozenset[str]) -> frozenset[str]:
    """The normalised spellings of a set of names."""
    return frozenset(normalise(name) for name in names) - {""}


def clean_name(name: str, agencies: Collection[str] = FALLBACK_AGENCIES) -> str:
    """Normalise one author name for comparison; '' when nothing of a person is left.

    Normalise; drop one leading 'by' / 'von' / 'par' / 'por'; remove the role words
    (`ROLE_WORDS`) wherever they stand as whole words; cut the name into parts at ``/``,
    ``|``, ``,``, ``;``, brackets and spaced dashes and drop every part that is an agency
    name (``agencies``, normalised); join the rest with spaces, collapse whitespace and
    strip separators and punctuation left at either end.

    Agency names are dropped as whole parts ('Jane Doe/dpa', 'Jane Doe (IANS)', 'Reuters'),
    not as any word: agency acronyms include given names ('Ana', 'Ina', 'Mia', 'Petra').
    """
    text = _ROLES.sub(" ", _PREFIX.sub("", normalise(name)))
    names = _normalised(frozenset(agencies))
    parts = [part.strip(_EDGE_JUNK) for part in _SEGMENT_BREAK.split(text)]
    text = " ".join(part for part in parts if part and part not in names)
    return _SPACE.sub(" ", _PREFIX.sub("", text)).strip(_EDGE_JUNK)


def name_set(names: Iterable[str], agencies: Collection[str] = FALLBACK_AGENCIES) -> frozenset[str]:
    """The cleaned, non-empty names (`clean_name`) as a set."""
    return frozenset(cleaned for cleaned in (clean_name(n, agencies) for n in names) if cleaned)


def set_f1(predicted: Collection[str], truth: Collection[str]) -> float:
    """F1 of two sets: 2 |P ∩ T| / (|P| + |T|); 1.0 when both are empty."""
    if not predicted and not truth:
        return 1.0
    return 2 * len(set(predicted) & set(truth)) / (len(predicted) + len(truth))


def score_authors(
    predicted: Sequence[str], truth: Sequence[str], agencies: Collection[str] = FALLBACK_AGENCIES
) -> PageScore | None:
    """Set F1 of the cleaned predicted names against the cleaned true names.

    ``given`` means the system returned at least one name (before cleaning); ``exact`` that
    the cleaned sets are equal ("byline exact"). Returns None, and the page is skipped, when
    both sets are empty after cleaning (e.g. the truth is only 'Staff' and nothing was found).
    """
    got, want = name_set(predicted, agencies), name_set(truth, agencies)
    if not got and not want:
        return None
    given = any(name.strip() for name in predicted)
    exact = got == want
    return PageScore(set_f1(got, want), given=given, exact=exact)


# --------------------------------------------------------------------------- date and agency


def calendar_day(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    """The day of a `date`, a `datetime` (its own day, in its own time zone) or an ISO string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    for candidate in (text, text[:10]):  # a full ISO timestamp, else its leading YYYY-MM-DD
        try:
            return dt.datetime.fromisoformat(candidate).date()
        except ValueError:
            continue
    return None


def score_date(predicted: dt.date | dt.datetime | str | None, truth: str) -> PageScore:
    """Right when the calendar day of ``predicted`` equals the true ``YYYY-MM-DD``.

    An unreadable string counts as given and wrong.
    """
    given = predicted is not None and not (isinstance(predicted, str) and not predicted.strip())
    right = given and calendar_day(predicted) == dt.date.fromisoformat(truth)
    return PageScore(1.0 if right else 0.0, given=given, exact=right)


def score_agency(predicted: str | None, truth: Sequence[str]) -> PageScore:
    """Right when the normalised predicted agency equals one of the listed agencies."""
    given = predicted is not None and bool(normalise(predicted))
    right = given and normalise(predicted or "") in {normalise(name) for name in truth}
    return PageScore(1.0 if right else 0.0, given=given, exact=right)


# --------------------------------------------------------------------------- summary


@dataclass(frozen=True, slots=True)
class FieldSummary:
    """The corpus figures of one field for one system.

    ``score``: mean page score over the pages where the truth asserts the field.
    ``coverage``: share of those pages where the system returned a value.
    ``wrong_when_given``: share of the pages with a returned value where it is not exact
    (None when no value was returned at all). ``exact``: share of pages with an exact value
    (for authors this is "byline exact"). ``token_f1``: mean headline token F1, else None.
    """

    pages: int
    score: float
    coverage: float
    wrong_when_given: float | None
    exact: float
    token_f1: float | None


def summarize(scores: Iterable[PageScore]) -> FieldSummary:
    """Fold the page scores of one field into the corpus figures (all 0.0 for no pages)."""
    items = list(scores)
    if not items:
        return FieldSummary(0, 0.0, 0.0, None, 0.0, None)
    count = len(items)
    given = [s for s in items if s.given]
    f1s = [s.token_f1 for s in items if s.token_f1 is not None]
    return FieldSummary(
        pages=count,
        score=sum(s.score for s in items) / count,
        coverage=len(given) / count,
        wrong_when_given=sum(1 for s in given if not s.exact) / len(given) if given else None,
        exact=sum(1 for s in items if s.exact) / count,
        token_f1=sum(f1s) / len(f1s) if f1s else None,
    )

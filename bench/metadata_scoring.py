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
from dataclasses import dataclass, field

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
    # The counts behind precision and recall; two scores are equal whatever they count.
    returned: int | None = field(default=None, compare=False)
    """Values returned (authors: names after cleaning); None means 1 when given, else 0."""
    right: int | None = field(default=None, compare=False)
    """Returned values that are right (authors: names in the truth); None means 1 when exact, else 0."""
    expected: int | None = field(default=None, compare=False)
    """Values the truth asserts (authors: names); None means 1."""


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
    return PageScore(
        set_f1(got, want), given=given, exact=exact, returned=len(got), right=len(got & want), expected=len(want)
    )


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
    ``precision``: share of the returned values that are right, over the corpus (authors: of the
    names returned, counted one by one; other fields: of the pages with a value).
    ``recall``: share of the asserted values that were returned right (authors: of the true names).
    ``f1``: their harmonic mean (for authors a micro F1, beside the per-page mean in ``score``).
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
    precision: float | None = None
    recall: float = 0.0
    f1: float = 0.0


def summarize(scores: Iterable[PageScore]) -> FieldSummary:
    """Fold the page scores of one field into the corpus figures (all 0.0 for no pages)."""
    items = list(scores)
    if not items:
        return FieldSummary(0, 0.0, 0.0, None, 0.0, None)
    count = len(items)
    given = [s for s in items if s.given]
    f1s = [s.token_f1 for s in items if s.token_f1 is not None]
    returned = sum((1 if s.given else 0) if s.returned is None else s.returned for s in items)
    right = sum((1 if s.exact else 0) if s.right is None else s.right for s in items)
    expected = sum(1 if s.expected is None else s.expected for s in items)
    precision = right / returned if returned else None
    recall = right / expected if expected else 0.0
    harmonic = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return FieldSummary(
        pages=count,
        score=sum(s.score for s in items) / count,
        coverage=len(given) / count,
        wrong_when_given=sum(1 for s in given if not s.exact) / len(given) if given else None,
        exact=sum(1 for s in items if s.exact) / count,
        token_f1=sum(f1s) / len(f1s) if f1s else None,
        precision=precision,
        recall=recall,
        f1=harmonic,
    )


# --------------------------------------------------------------------------- audit
#
# Checks of a returned author, agency or dateline value that need no truth: each says what a
# value must never be. They are the benchmark's own (word lists written here, the byline words
# of the library's data file), not the library's name check, so the audit can catch that check.

FLAG_LABEL = "label or role word"
FLAG_DIGIT = "digit or e-mail"
NOTE_USER_NAME = "user name (one word, lower case or digits)"
NOTE_DESK = "newsroom credit"
NOTE_SITE_AUTHOR = "site named as author by its own metadata"
NOTE_PERSONAL_SITE = "a person's site, named for them"
NOTES: tuple[str, ...] = (NOTE_USER_NAME, NOTE_DESK, NOTE_SITE_AUTHOR, NOTE_PERSONAL_SITE)
"""What a credit that is no person's name may still rightly be; counted and listed, never gated."""
NEWSROOM_WORDS: frozenset[str] = frozenset(
    {
        *("redaktion", "rédaction", "redaction", "redacción", "redazione", "redação", "redactie", "redaktionen"),
        *("redakcja", "redakce", "редакция", "редакція", "staff", "team", "webteam", "newsroom", "desk"),
        *("foundation", "stiftung", "verein", "verband", "institut", "institute", "association", "pressestelle"),
    }
)
"""Words naming a newsroom or organisation credited as a whole ('Redaktion', 'Harbour Herald Staff')."""
FLAG_SITE = "the site's own name"
FLAG_PLACE = "a place name"
FLAG_GREETING = "greeting or sign-off"
FLAG_MANY_SITES = "author on 3+ sites"
FLAG_AGENCY_UNCREDITED = "agency not in a credit"
FLAG_AGENCY_NAME = "an agency as author"
FLAGS: tuple[str, ...] = (
    FLAG_LABEL,
    FLAG_DIGIT,
    FLAG_SITE,
    FLAG_PLACE,
    FLAG_GREETING,
    FLAG_MANY_SITES,
    FLAG_AGENCY_NAME,
    FLAG_AGENCY_UNCREDITED,
)
MANY_SITES = 3
"""A value returned as the author on this many different sites is no person's name (a label, a placeholder)."""

NAME_PARTICLES: frozenset[str] = frozenset(
    {"von", "vom", "van", "de", "di", "da", "du", "del", "della", "af", "av", "par", "por", "zu", "ter", "den", "der"}
)
"""Byline prefixes that also stand inside names ('Anna von Arden', 'Luca di Serio'): not flagged as labels."""

GREETINGS: frozenset[str] = frozenset(
    {
        *("happy", "holidays", "merry", "christmas", "cheers", "thanks", "regards", "greetings", "everyone"),
        *("xoxo", "hugs", "enjoy", "goodbye", "bye", "welcome", "congratulations", "congrats"),
        *("grüße", "gruß", "grüsse", "gruss", "tschüss", "servus", "frohe", "weihnachten", "danke"),
        *("amitiés", "bises", "bisous", "merci", "cordialement", "saludos", "gracias", "abrazos", "feliz"),
        *("saluti", "grazie", "auguri", "groeten", "bedankt", "hälsningar", "hilsen", "pozdrawiam", "pozdrav"),
    }
)
"""Words of greetings and sign-offs of many languages ('Happy Holidays', 'Cheers', 'Viele Grüße')."""
GREETING_PHRASES: tuple[str, ...] = (
    "stay safe",
    "take care",
    "best wishes",
    "see you",
    "bis bald",
    "à bientôt",
    "a presto",
    "hasta pronto",
    "thank you",
)

PLACES: frozenset[str] = frozenset(
    name.casefold()
    for name in (
        # capitals of the world, as English writes them, and some in their own languages
        *("Abu Dhabi", "Abuja", "Accra", "Addis Ababa", "Algiers", "Amman", "Amsterdam", "Ankara", "Antananarivo"),
        *("Apia", "Ashgabat", "Asmara", "Astana", "Asunción", "Athens", "Baghdad", "Baku", "Bamako", "Bangkok"),
        *("Bangui", "Banjul", "Beijing", "Beirut", "Belgrade", "Belmopan", "Berlin", "Bern", "Bishkek", "Bissau"),
        *("Bogotá", "Bogota", "Brasília", "Brasilia", "Bratislava", "Brazzaville", "Bridgetown", "Brussels"),
        *("Bucharest", "Budapest", "Buenos Aires", "Bujumbura", "Cairo", "Canberra", "Caracas", "Castries"),
        *("Chisinau", "Colombo", "Conakry", "Copenhagen", "Dakar", "Damascus", "Dhaka", "Dili", "Djibouti"),
        *("Dodoma", "Doha", "Dublin", "Dushanbe", "Freetown", "Gaborone", "Georgetown", "Guatemala City"),
        *("Hanoi", "Harare", "Havana", "Helsinki", "Honiara", "Islamabad", "Jakarta", "Jerusalem", "Juba", "Kabul"),
        *("Kampala", "Kathmandu", "Khartoum", "Kigali", "Kingston", "Kinshasa", "Kuala Lumpur", "Kuwait City"),
        *("Kyiv", "Kiev", "La Paz", "Libreville", "Lilongwe", "Lima", "Lisbon", "Ljubljana", "Lomé", "London"),
        *("Luanda", "Lusaka", "Luxembourg", "Madrid", "Majuro", "Malabo", "Male", "Managua", "Manama", "Manila"),
        *("Maputo", "Maseru", "Mbabane", "Mexico City", "Minsk", "Mogadishu", "Monaco", "Monrovia", "Montevideo"),
        *("Moroni", "Moscow", "Muscat", "Nairobi", "Nassau", "Naypyidaw", "N'Djamena", "New Delhi", "Niamey"),
        *("Nicosia", "Nouakchott", "Nuku'alofa", "Oslo", "Ottawa", "Ouagadougou", "Palikir", "Panama City"),
        *("Paramaribo", "Paris", "Phnom Penh", "Podgorica", "Port Louis", "Port Moresby", "Port of Spain"),
        *("Port-au-Prince", "Porto-Novo", "Prague", "Praia", "Pretoria", "Pristina", "Pyongyang", "Quito", "Rabat"),
        *("Reykjavik", "Riga", "Riyadh", "Rome", "Roseau", "San José", "San Marino", "San Salvador", "Sanaa"),
        *("Santiago", "Santo Domingo", "São Tomé", "Sarajevo", "Seoul", "Singapore", "Skopje", "Sofia", "Stockholm"),
        *("Suva", "Taipei", "Tallinn", "Tarawa", "Tashkent", "Tbilisi", "Tegucigalpa", "Tehran", "Thimphu"),
        *("Tirana", "Tokyo", "Tripoli", "Tunis", "Ulaanbaatar", "Vaduz", "Valletta", "Vienna", "Vientiane"),
        *("Vilnius", "Warsaw", "Washington", "Wellington", "Windhoek", "Yaoundé", "Yerevan", "Zagreb"),
        *("Wien", "Praha", "Warszawa", "Roma", "Lisboa", "Moskau", "Moskva", "Москва", "Киев", "Київ", "北京", "東京"),
        *("Bruxelles", "Brüssel", "Genève", "Genf", "København", "Athen", "Αθήνα", "Kairo", "Peking", "Rom"),
        # large cities that open datelines
        *("New York", "Los Angeles", "Chicago", "Houston", "San Francisco", "Toronto", "Montreal", "Sydney"),
        *("Melbourne", "Mumbai", "Kolkata", "Chennai", "Bengaluru", "Bangalore", "Hyderabad", "Karachi"),
        *("Lahore", "Shanghai", "Hong Kong", "Istanbul", "Frankfurt", "Hamburg", "München", "Munich", "Köln"),
        *("Cologne", "Zürich", "Zurich", "Geneva", "Milan", "Milano", "Barcelona", "Marseille", "Lyon", "Dubai"),
        *("Rio de Janeiro", "São Paulo", "Sao Paulo", "Johannesburg", "Lagos", "Osaka", "St. Petersburg"),
    )
)
"""Capitals and large cities, a place never being a person's name on its own."""

_EMAIL_OR_DIGIT = re.compile(r"\d|@")
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class AuditWords:
    """The byline words the audit flags: labels that introduce names, roles, and what is never a name."""

    prefixes: frozenset[str]
    roles: frozenset[str]
    non_names: frozenset[str]
    labels: frozenset[str] = frozenset()
    """Boilerplate labels of the page ('share', 'advertisement'): a value that is one is flagged."""


def audit_words() -> AuditWords:
    """The byline words and page labels of the library's data files (bylines.toml, phrases.toml), lower case."""
    from articlex.vocabulary import byline_vocabulary, phrase_families

    vocabulary = byline_vocabulary()
    labels = frozenset(normalise(phrase) for phrase in phrase_families())
    return AuditWords(vocabulary.prefixes - NAME_PARTICLES, vocabulary.roles, vocabulary.non_names, labels)


def _squash(text: str) -> str:
    return _NOT_ALNUM.sub("", normalise(text))


def site_keys(site_name: str | None, url: str | None) -> frozenset[str]:
    """The squashed spellings of a site: its name ('Harbour Herald'), its domain and the domain's label.

    The domain's label alone is marked with a leading '~': a person's name equal to it is a
    personal site's author ('Jane Doe' on janedoe.example), not the site named as an author.
    """
    keys = set()
    if site_name:
        keys.add(_squash(site_name))
    if url:
        host = re.sub(r"^[a-z]+://", "", url.strip().casefold()).split("/", 1)[0].split(":", 1)[0]
        host = host.removeprefix("www.")
        if host:
            keys.add(_squash(host))
            labels = host.split(".")
            if len(labels) > 1:
                keys.add("~" + _squash(labels[-2] if len(labels[-2]) > 3 or len(labels) < 3 else labels[-3]))
    return frozenset(keys - {"", "~"})


_ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "le", "la", "les", "el", "il", "de", "het"})


OUTLET_WORDS: frozenset[str] = frozenset(
    {
        *("post", "news", "times", "daily", "herald", "gazette", "journal", "magazine", "blog", "online", "media"),
        *("press", "tribune", "today", "weekly", "review", "report", "radio", "tv", "channel", "network", "group"),
        *("zeitung", "tagblatt", "nachrichten", "anzeiger", "kurier", "rundschau", "journal", "presse", "revue"),
        *("mrs", "mr", "mom", "mum", "dad", "kitchen", "life", "world", "club", "shop", "store", "books"),
    }
)
"""Words of outlets' and blogs' names ('Harbour Post', 'A Frugal Cook'), never of a person's."""


def person_shaped(value: str) -> bool:
    """Two to four capitalised words, the first no article, none an outlet's word: 'Jane Doe', 'Ana M. Ruiz'."""
    words = value.split()
    return (
        2 <= len(words) <= 4
        and words[0].casefold() not in _ARTICLES
        and all(w[:1].isupper() for w in words)
        and not any(w.casefold().strip(".,") in OUTLET_WORDS for w in words)
    )


def audit_value(
    value: str, words: AuditWords, sites: Collection[str] = (), places: Collection[str] = (), *, person: bool = True
) -> tuple[list[str], list[str]]:
    """The flags one returned value earns, and its notes (an author when ``person``, else a dateline's place).

    ``sites``: `site_keys` of the page; ``places``: place names beyond `PLACES` (the page's dateline).
    Flags say the value is junk. Notes say what kind of credit it is when it is not a person's
    name and still a credit the page gives: a user name (one word in lower case or with digits,
    'quillfox', 'pixel42') or a newsroom ('Redaktion', 'Harbour Herald Staff').
    """
    flags: list[str] = []
    notes: list[str] = []
    folded = normalise(value)
    tokens_ = [token.strip(".") for token in _WORD.findall(folded)]
    phrases = {" ".join(tokens_[i:j]) for i in range(len(tokens_)) for j in range(i + 1, min(len(tokens_), i + 4) + 1)}
    one_word = len(value.split()) == 1
    user_name = one_word and (value.islower() or any(char.isdigit() for char in value)) and "@" not in value
    desk = bool(set(tokens_) & NEWSROOM_WORDS)
    labels = phrases & (words.non_names | words.roles) if person else phrases & words.non_names
    only_labels = bool(tokens_) and all(
        token in words.non_names | words.roles | words.prefixes | NEWSROOM_WORDS for token in tokens_
    )
    if (
        folded.strip(" .:!") in words.labels
        or phrases & words.prefixes
        or (only_labels and not (one_word and desk))
        or (labels and not desk)
        or (not person and folded in words.roles)
    ):
        flags.append(FLAG_LABEL)
    elif desk:
        notes.append(NOTE_DESK)
    if "@" in value or (not one_word and _EMAIL_OR_DIGIT.search(value)):
        flags.append(FLAG_DIGIT)
    if user_name and FLAG_LABEL not in flags:
        notes.append(NOTE_USER_NAME)
    squashed = _squash(value)
    named_site = squashed in sites or (person and f"~{squashed}" in sites)
    if named_site and person and person_shaped(value):
        notes.append(NOTE_PERSONAL_SITE)  # 'Jane Doe' on janedoe.example, or a site named 'Jane Doe'
    elif named_site and not user_name and not desk:
        flags.append(FLAG_SITE)
    if person and (folded.strip(" .") in PLACES or folded.strip(" .") in {normalise(p) for p in places}):
        flags.append(FLAG_PLACE)
    if set(tokens_) & GREETINGS or any(phrase in folded for phrase in GREETING_PHRASES):
        flags.append(FLAG_GREETING)
    return flags, notes

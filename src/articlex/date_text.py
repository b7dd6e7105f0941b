"""Dates: read machine dates (JSON-LD, meta, `<time>`) and human dates (credit lines) without inventing parts.

This is the one module that calls python-dateutil. A date string is parsed twice with two
different defaults: any component that comes back different was not in the string, so a
day stays a `date` and a time without a zone stays naive. Visible dates are matched with
month names of many languages from `data/dates.toml`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil import parser as dateutil_parser

from articlex.trie import longest_first
from articlex.vocabulary import date_labels, month_numbers, relative_words, time_units

DayOrTime = dt.date | dt.datetime

EARLIEST_YEAR = 1990
"""No web article is older than the web (with a margin for digitised archives)."""
LATEST_YEAR = 2100
"""Without a reference date, years past this are typos or placeholders."""
_MAX_DATE_TEXT = 120
"""Machine date strings are short; longer values are not dates and are not parsed."""
LABEL_REACH = 40
"""A date label ('Updated:', 'Veröffentlicht am') stands at most this many characters before its date."""
_TIME_AFTER_DATE_CHARS = 30
"""A clock time belongs to a date when it follows within this many characters."""

_DEFAULT_A = dt.datetime(2001, 1, 1, 1, 1, 1, 1)
_DEFAULT_B = dt.datetime(2002, 2, 2, 2, 2, 2, 2)
_COMPACT = re.compile(r"^\d{8}$")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](?:19|20)\d{2}\b")
MONTHS_IN_YEAR = 12
_YEAR_LAST = re.compile(r"^\d{1,2}([./-])\d{1,2}\1\d{2,4}(?!\d)")
_CLOCK = re.compile(r"\b([01]?\d|2[0-3])[:.h]([0-5]\d)(?::([0-5]\d))?\s*([ap]\.?\s?m\.?)?(?![\d])", re.IGNORECASE)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?P<time>[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")
"""The ISO 8601 forms nearly every page writes: read by `datetime.fromisoformat`, much faster than dateutil."""
_ISO_DAY = re.compile(r"((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d])")
"""The day that opens a machine value the parser cannot read ('2022-01-10T22:06:08:684Z')."""


def parse_machine_date(text: str, reference: dt.date | None = None) -> DayOrTime | None:
    """A date from a machine-readable string ('2024-06-18T10:30:00+05:30'), or None.

    Only the parts the string holds are kept: a day alone gives a `date`, a time without a
    zone a naive `datetime`. A value that puts the year last is read day first with dots or
    dashes ('06.11.2023'), month first with slashes ('11/01/2023'), as systems write them.
    """
    text = text.strip()
    if not text or len(text) > _MAX_DATE_TEXT or not any(char.isdigit() for char in text):
        return None
    if _COMPACT.match(text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    iso = _ISO.fullmatch(text)
    if iso is not None:
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return plausible(value if iso.group("time") else value.date(), reference)
    try:
        with warnings.catch_warnings():
            # An unknown zone name ('EST') is left out rather than guessed: the time stays naive.
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            year_last = _YEAR_LAST.match(text)
            day_first = year_last is not None and year_last.group(1) != "/"
            first = dateutil_parser.parse(text, default=_DEFAULT_A, dayfirst=day_first)
            second = dateutil_parser.parse(text, default=_DEFAULT_B, dayfirst=day_first)
    except (ValueError, OverflowError, TypeError):
        return _day_only(text, reference)
    if first.year != second.year or first.month != second.month or first.day != second.day:
        return None
    if first.hour != second.hour or first.minute != second.minute:
        return plausible(first.date(), reference)
    value = first if first.tzinfo is not None or first.second == second.second else first.replace(second=0)
    value = value.replace(microsecond=0) if first.microsecond != second.microsecond else value
    return plausible(value, reference)


def _day_only(text: str, reference: dt.date | None) -> dt.date | None:
    """The day of a machine value that opens with an ISO day but is malformed after it."""
    match = _ISO_DAY.match(text)
    if match is None:
        return None
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return day if plausible(day, reference) is not None else None


def plausible(value: DayOrTime, reference: dt.date | None) -> DayOrTime | None:
    """`value` if its year is believable and it is not after the reference day, else None."""
    day = value.date() if isinstance(value, dt.datetime) else value
    latest = reference if reference is not None else dt.date(LATEST_YEAR, 12, 31)
    if day.year < EARLIEST_YEAR or day > latest + dt.timedelta(days=1):
        return None
    return value


@functools.cache
def _visible_patterns() -> tuple[re.Pattern[str], ...]:
    months = longest_first(month_numbers(), ignore_case=True)  # a trie: see `articlex.trie`
    ordinal = r"(?:st|nd|rd|th|er|º|°)?"
    return (
        re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        re.compile(
            rf"\b(?P<d>\d{{1,2}}){ordinal}\.?\s*(?:of\s+|de\s+)?(?P<mon>{months})\.?,?\s*(?:de\s+)?(?P<y>\d{{4}})\b",
            re.IGNORECASE,
        ),
        re.compile(rf"\b(?P<mon>{months})\.?\s+(?P<d>\d{{1,2}}){ordinal},?\s+(?P<y>\d{{4}})\b", re.IGNORECASE),
        # The year first, as Hungarian and Lithuanian write it: '2024. június 3.', '2024 m. birželio 3 d.'
        re.compile(rf"\b(?P<y>\d{{4}})\.?\s+(?:m\.\s+)?(?P<mon>{months})\.?\s+(?P<d>\d{{1,2}})\b", re.IGNORECASE),
        re.compile(r"\b(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?"),
        re.compile(r"\b(?P<y>\d{4})[./]\s?(?P<m>\d{1,2})[./]\s?(?P<d>\d{1,2})\b"),
        re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b"),
    )


@dataclass(frozen=True, slots=True)
class SeenDate:
    """A date written in a visible text, where it stands, and what its label says it is."""

    value: DayOrTime
    start: int
    end: int
    role: str | None
    """'published' or 'updated' when a label just before it says so ('Updated: …'), else None."""


_YEAR = re.compile(r"\d{4}")
_SHORT_YEAR_DATE = re.compile(
    r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<yy>\d{2})(?![\d/]|\.\d)"
)
"""'8.5.12', '30.10.23', '6/13/18': a numeric date with a two-digit year, read only where a date is expected."""
SHORT_YEAR_PIVOT = 90
"""Two-digit years from 90 are 1990s (no web article is older than 1990)…"""
SHORT_YEAR_LATEST = 40
"""…up to 40 they are 2000s, and between the two they are not years ('10.30.45' is a clock time)."""


def numeric_order(texts: Iterable[str]) -> bool | None:
    """Whether the page writes numeric dates month first, judged from dates only one order can read.

    '25/06/2024' can only be day first, '06/25/2024' only month first; None when no date settles it.
    """
    for match in _NUMERIC_DATE.finditer("\n".join(texts)):  # one scan of all texts, in order
        first, second = int(match.group(1)), int(match.group(2))
        if first > MONTHS_IN_YEAR >= second:
            return False
        if second > MONTHS_IN_YEAR >= first:
            return True
    return None


def find_visible_date(text: str, *, month_first: bool, reference: dt.date | None) -> DayOrTime | None:
    """The first date written in a visible text ('18 Jun, 2024', 'June 18, 2024 10:30 am', '18.06.2024').

    `month_first` settles numeric dates like 06/07/2024 that could be read either way.
    A clock time right after the date makes it a naive `datetime`.
    """
    found = visible_dates(text, month_first=month_first, reference=reference)
    return found[0].value if found else _relative(text, reference)


def visible_dates(
    text: str, *, month_first: bool, reference: dt.date | None, short_years: bool = False
) -> list[SeenDate]:
    """Every absolute date written in `text`, in order, each with the role its label gives it.

    With `short_years` (a text where a date is expected: a date element, a credit or date line),
    numeric dates with a two-digit year count too ('30.10.23').
    """
    spans: list[tuple[int, int, dt.date]] = []
    if _YEAR.search(text) is not None:  # every other visible form of a date has a four-digit year
        for pattern in _visible_patterns():
            for match in pattern.finditer(text):
                _add_span(spans, match, _day_of(match, month_first=month_first), reference)
    if short_years:
        for match in _SHORT_YEAR_DATE.finditer(text):
            _add_span(spans, match, _short_year_day(match, month_first=month_first), reference)
    if not spans:
        return []  # most texts end here, cheaply
    spans.sort()
    labels = [(match.end(), date_labels()[match.group(0).casefold()]) for match in _label_pattern().finditer(text)]
    found = []
    previous_end = 0
    for start, end, day in spans:
        role = next((r for at, r in reversed(labels) if previous_end <= at <= start), None)
        found.append(SeenDate(with_clock(day, text[end : end + _TIME_AFTER_DATE_CHARS]), start, end, role))
        previous_end = end
    return found


def _add_span(
    spans: list[tuple[int, int, dt.date]], match: re.Match[str], day: dt.date | None, reference: dt.date | None
) -> None:
    """Record a date found at `match` unless it is implausible or overlaps one found before."""
    if day is None or plausible(day, reference) is None:
        return
    if not any(start < match.end() and match.start() < end for start, end, _ in spans):
        spans.append((match.start(), match.end(), day))


def _short_year_day(match: re.Match[str], *, month_first: bool) -> dt.date | None:
    """The day of '30.10.23' or '6/13/18', read in the order the page writes numeric dates."""
    short = int(match.group("yy"))
    if SHORT_YEAR_LATEST < short < SHORT_YEAR_PIVOT:
        return None
    year = (1900 if short >= SHORT_YEAR_PIVOT else 2000) + short
    month_leads = month_first and match.group("sep") != "."
    return _numeric_day(year, int(match.group("a")), int(match.group("b")), month_first=month_leads)


def _numeric_day(year: int, first: int, second: int, *, month_first: bool) -> dt.date | None:
    """The day of a numeric date: month first when the page writes so, else day first.

    When one number cannot be a month, the only possible reading. Dotted dates ('02.12.19') are
    read day first: the dot is the separator of the day-first world.
    """
    month, day = (first, second) if month_first and first <= MONTHS_IN_YEAR else (second, first)
    if month > MONTHS_IN_YEAR:
        month, day = day, month
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def label_start(text: str, before: int, after: int = 0) -> int | None:
    """Where the label of the date written at `before` starts ('Updated' in 'By Jana Roe Updated June 3'), or None.

    Only a label starting at `after` or later counts.
    """
    label = _label_before(text, before, after)
    return label.start() if label is not None else None


def _label_before(text: str, before: int, after: int = 0) -> re.Match[str] | None:
    """The last date label ending within `LABEL_REACH` characters before `before` (and starting at `after` or later)."""
    last = None
    for match in _label_pattern().finditer(text, max(after, before - LABEL_REACH), before):
        last = match
    return last


def date_role(text: str, before: int | None = None) -> str | None:
    """'published' or 'updated' when `text` holds a date label ('Veröffentlicht', 'Mis à jour'), else None.

    With `before`, only the last label that ends within `LABEL_REACH` characters before that
    position counts: the label of the date written there.
    """
    if before is None:
        match = _label_pattern().search(text)
        return date_labels()[match.group(0).casefold()] if match else None
    label = _label_before(text, before)
    return date_labels()[label.group(0).casefold()] if label is not None else None


def label_after(text: str, end: int) -> str | None:
    """'published' or 'updated' when a date label follows the date that ends at `end`, within `LABEL_REACH`.

    Languages that put the verb last label a date after it: 'am 8. März 2016 um 10:00 Uhr veröffentlicht'.
    """
    match = _label_pattern().search(text, end, end + LABEL_REACH)
    return date_labels()[match.group(0).casefold()] if match else None


def label_role(text: str) -> str | None:
    """'published' or 'updated' when `text` is nothing but a date label ('Mise en ligne', 'Updated:'), else None."""
    return date_labels().get(text.strip().rstrip(":").strip().casefold())


@functools.cache
def _label_pattern() -> re.Pattern[str]:
    labels = longest_first(date_labels(), ignore_case=True)
    return re.compile(r"(?<!\w)(?:" + labels + r")(?!\w)", re.IGNORECASE)


def _day_of(match: re.Match[str], *, month_first: bool) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("mon"):
        form = groups["mon"].casefold()
        month = month_numbers().get(form) or month_numbers().get(form.rstrip("."))
        if month is None:
            return None
        day = int(groups["d"])
    elif groups.get("a"):
        return _numeric_day(year, int(groups["a"]), int(groups["b"]), month_first=month_first and groups["sep"] != ".")
    else:
        month, day = int(groups["m"]), int(groups["d"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def with_clock(day: dt.date, after: str) -> DayOrTime:
    """The day at the clock time written at the start of `after` ('10:30 am', '18:05 IST'), else the day."""
    match = _CLOCK.search(after)
    if match is None or match.start() > _TIME_AFTER_DATE_CHARS // 2:
        return day
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = (match.group(4) or "").lower()
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    return dt.datetime(day.year, day.month, day.day, hour, minute)


_RELATIVE_AMOUNT = re.compile(r"\b(\d{1,3})\s+(\w+)")


@functools.cache
def _relative_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + longest_first(relative_words()) + r")(?!\w)")


def is_relative(text: str) -> bool:
    """True when `text` holds a relative date ('vor 3 Stunden', 'yesterday'), with or without a reference day."""
    return _relative(text, dt.date(LATEST_YEAR, 1, 1)) is not None


def _relative(text: str, reference: dt.date | None) -> dt.date | None:
    """'3 days ago', 'yesterday': only meaningful against the reference day, else None."""
    if reference is None:
        return None
    lowered = text.casefold()
    words = relative_words()
    kinds = {words[found] for found in _relative_pattern().findall(lowered)}
    if "yesterday" in kinds:
        return reference - dt.timedelta(days=1)
    if "today" in kinds:
        return reference
    if "ago" in kinds:
        units = time_units()
        for amount, unit in _RELATIVE_AMOUNT.findall(lowered):
            seconds = units.get(unit)
            if seconds is not None:
                return reference - dt.timedelta(seconds=int(amount) * seconds)
    return None

"""Credit lines: 'By Asha Rao | IANS | 18 June 2024', 'IANS | 18 Jun, 2024', 'Par Camille Roux le 07 Mai 2020'.

A credit line is cut into segments at separators ('|', '•', ' - ', ' / ', ' // ', line
breaks); each segment is a date (with its label: 'Updated'), a clock time for the date
before it, an agency (with names beside it: 'By Asha Rao (IANS)'), a role ('Chefredakteur'),
or names (`articlex.fields.names`). A line is a credit when most of its segments are
understood and it is shaped like one: a prefix ('By'), several fields, or a short date line.
A photo credit ('dpa/Jonas Berger': an agency, a slash, a photographer) is not the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from articlex.classify.features import phrase_family
from articlex.date_text import (
    DayOrTime,
    date_role,
    find_visible_date,
    is_relative,
    label_start,
    visible_dates,
    with_clock,
)
from articlex.fields.agency_names import agencies_in, agency_named
from articlex.fields.names import desk_name, holds_role, is_role_phrase, prefix_end, split_names
from articlex.fields.person_name import looks_like_name
from articlex.textnorm import collapse
from articlex.vocabulary import Agency, byline_prefix_before_a_name, byline_vocabulary

CREDIT_MAX_WORDS = 30
"""Credit lines are short; a longer block is prose even when it starts with 'By'."""
SENTENCE_SEGMENT_MIN_WORDS = 8
"""A part of a line this long that ends like a sentence is article text: no credit line holds one."""
PROSE_SEGMENT_MIN_WORDS = 15
"""A part of a line this long is prose however it ends: the longest credit parts ('Published: Tuesday,
June 18, 2024 10:30 am IST') have half as many words."""
DATE_LINE_MAX_WORDS = 8
"""'Published: Tuesday, June 18, 2024 10:30 am IST' is a date line; longer lines are sentences."""
DESCRIBED_BYLINE_MAX_WORDS = 7
"""'Eine Kolumne von Jannik Weber': a description of the article and a byline, in a short line…"""
DESCRIPTION_MAX_WORDS = 3
"""…whose description is a few words."""
_ENDS_SENTENCE = re.compile(r"\w[.!?]$")
_CLOSING_MARKS = ' "”’»)'
"""Quotes and brackets that may close a sentence after its full stop."""
_CONNECTOR = re.compile(
    r"(?<![\s,])[\s,]++(?!(?:de|da|di|du|del|van|von|der|den|la|dos|das|y|bin|al|ter)\s)[^\W\d_A-Z]{1,3}\.?(?:\s|$)"
)
"""A short lower-case word after a name ('am', 'on', 'le', 'el', 'um'): it joins the name to its date
('Par Camille Roux le 07 Mai 2020', 'Von Lasse am Freitag, 9. Juni'); name particles ('de', 'von') are no such word."""
_CLOCK_ONLY = re.compile(
    r"^\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5})?\s*$", re.IGNORECASE
)
_SEGMENT_SPLIT = re.compile(r"(?<!\s)\s*+(?:[|•·]|(?<=\s)(?:[-–—~]|//?)(?=\s))\s*+|[|•·]\s*+")
"""Separators inside one line of a credit ('|', '•', ' - ', ' / ', ' // '); lines are split first.
Spaces are taken whole from the start of their run only, so a scan stays linear on long runs."""
_PHOTO_CREDIT = re.compile(r"^\s*(?:[^\W\d_]+\s*:\s*)?([^/\s]+)\s*/\s*(\S.*)$")
"""'dpa/Jonas Berger', 'Photo: ČTK/Petr Novák': an agency, a slash, a photographer, maybe after a label."""
_COUNT = re.compile(r"[\d()\[\]]+")
_PICTURE_LABEL = re.compile(r"^\s*([^\W\d_]+(?:\s+[^\W\d_]+)?)\s*:")
PICTURE_LABELS = frozenset(
    {"photo", "photos", "foto", "fotos", "picture", "pictures", "image", "images", "bild", "bilder", "photograph"}
    | {"photo credit", "image credit", "bildquelle", "fotocredit", "crédit photo", "video", "illustration", "grafik"}
)
"""Labels of a picture's credit ('Photo: …'): the names and agency after them are the picture's, not the article's."""
LABEL_MAX_CHARS = 40
"""Labels beside a byline are short ('Kommentare 34'); a longer segment is read for names."""
UNDERSTOOD_MIN_SHARE = 0.5
"""A credit line is one when at least this share of its segments reads as credit parts (names, agency, date, label)."""
AGENCY_SEGMENT_MAX_WORDS = 4
"""An agency is credited in a short segment ('Reuters staff', '(AFP)', 'Harbour Post mit dpa und AFP': the
words beside the agencies and their joiners are few); in longer text it is quoted."""


@dataclass(frozen=True, slots=True)
class Credit:
    """What a credit line says."""

    text: str
    authors: tuple[str, ...]
    agency: Agency | None
    """The first agency the line credits."""
    date: DayOrTime | None
    """The publication date, or a date the line does not label."""
    date_role: str | None
    """'published' when a label says so; None when the line does not say."""
    updated: DayOrTime | None = None
    """A date the line labels as the last update ('Updated 19 Jun, 2024')."""
    author_groups: tuple[tuple[str, ...], ...] = ()
    """The names of each segment of the line that names people ('By A and B | C' has two)."""
    desk: str | None = None
    """A newsroom or organisation the line credits instead of people ('von Redaktion')."""
    agencies: tuple[Agency, ...] = ()
    """Every agency the line credits, in order ('Harbour Post mit dpa und AFP': dpa, AFP)."""
    signed: bool = False
    """A byline prefix names some of its authors ('By Jana Roe'); unsigned names only stand beside its
    other parts ('Jana Roe | 3 May 2024')."""


@dataclass(slots=True)
class _Reading:
    groups: list[list[str]] = field(default_factory=list)
    signed: list[bool] = field(default_factory=list)
    """For each group, whether its segment names it after a byline prefix ('By A' is; 'Sports' of '| Sports' is not)."""
    agencies: list[Agency] = field(default_factory=list)
    dates: list[tuple[DayOrTime, str | None]] = field(default_factory=list)
    understood: int = 0
    relative: bool = False
    role: bool = False
    """A segment is a job title ('Chefredakteur'): the names beside it are a byline."""
    photo: bool = False
    desk: str | None = None

    line: int = 0
    """The line of the credit the segment being read stands on."""
    group_lines: list[int] = field(default_factory=list)

    titled: list[bool] = field(default_factory=list)
    """For each group, whether its segment holds a job title ('Harbour Bee Staff Writer')."""

    def add_group(self, names: list[str], *, signed: bool, titled: bool = False) -> None:
        self.groups.append(names)
        self.signed.append(signed)
        self.group_lines.append(self.line)
        self.titled.append(titled)


def _credited_groups(reading: _Reading) -> list[list[str]]:
    """The groups of names the credit names as authors.

    When a segment names people after a byline prefix, the other segments of its line, and the lines
    above it, name what the byline stands beside: a column ('Watch This || By: Jana Roe'), a category
    ('By Jana Roe | Social Media'), a place or an outlet ('By Jana Roe • Harbour City'). Lines below
    it may go on listing names ('By Jana Roe' over 'Tom Lee'), not with a job title: that line says
    who the author is ('By Jana Roe' over 'Harbour Bee Staff Writer').
    """
    read = list(zip(reading.groups, reading.signed, reading.group_lines, reading.titled, strict=True))
    signed_lines = {line for group, signed, line, _ in read if group and signed}
    if not signed_lines:
        return [group for group in reading.groups if group]
    first = min(signed_lines)
    return [
        group
        for group, signed, line, titled in read
        if group and (signed or (line > first and line not in signed_lines and not titled))
    ]


def read_credit(text: str, *, month_first: bool, reference: dt.date | None, dated: bool = False) -> Credit | None:
    """Parse a block as a credit line; None when it is not one.

    `dated`: the line holds an element named for a date (its text may be unreadable as one,
    '17/11/201917/11/2019' where two dates touch), so it is a dated line like 'Name | date'.
    """
    if len(text.split()) > CREDIT_MAX_WORDS:
        return None
    printed = text
    has_prefix = prefix_end(text) is not None
    if not has_prefix:
        described = _described_byline(text)  # 'Eine Kolumne von Jannik Weber'
        has_prefix = described is not None
        text = described or text
    lines = _other_credits_apart(text).splitlines()
    numbered = [(number, s) for number, line in enumerate(lines) for s in _SEGMENT_SPLIT.split(line) if s.strip()]
    segments = [segment for _, segment in numbered]
    if any(_is_sentence(segment) for segment in segments):
        return None  # 'LYON, June 3 (AFP) — The old bridge …': a dateline opening the body, not a credit
    reading = _Reading()
    for reading.line, segment in numbered:
        _read_segment(segment, reading, month_first=month_first, reference=reference)
    if not segments or reading.photo or reading.understood < len(segments) * UNDERSTOOD_MIN_SHARE:
        return None
    published = next(((d, r) for d, r in reading.dates if r != "updated"), None)
    updated = next((d for d, r in reading.dates if r == "updated"), None)
    agency = reading.agencies[0] if reading.agencies else None
    any_date = bool(reading.dates)
    labelled = any(role is not None for _, role in reading.dates)
    structured = len(segments) > 1 and (agency is not None or any_date or reading.relative or dated)
    short = len(text.split()) <= DATE_LINE_MAX_WORDS
    date_line = any_date and short and (labelled or not _ENDS_SENTENCE.search(text))
    named_with_role = reading.role and any(reading.groups)
    shaped = has_prefix or named_with_role or structured or date_line
    if not (shaped or (agency is not None and len(segments) == 1)):
        return None
    groups = tuple(tuple(dict.fromkeys(group)) for group in _credited_groups(reading))
    return Credit(
        collapse(printed),
        tuple(dict.fromkeys(name for group in groups for name in group)),
        agency,
        published[0] if published else None,
        published[1] if published else None,
        updated,
        groups,
        reading.desk,
        tuple(reading.agencies),
        any(group and signed for group, signed in zip(reading.groups, reading.signed, strict=True)),
    )


def _other_credits_apart(text: str) -> str:
    """The line with credits of other work on lines of their own.

    'Text von Felix Auer Illustration von Moritz Hahn': the illustrator's credit is not the
    author's ('Illustration', 'Fotos', 'Bild' are `non_names`).
    """
    start = prefix_end(text)
    if start is None:
        return text  # only a byline ('Text von …') is followed by other credits
    non_names = byline_vocabulary().non_names
    cuts = []
    for match in byline_prefix_before_a_name().finditer(text, start):
        before = text[start : match.start()].split()
        if len(before) > 1 and before[-1].casefold().strip(":,&") in non_names:
            cuts.append(match.start() - len(before[-1]) - 1)
    for cut in reversed(cuts):
        text = text[:cut] + "\n" + text[cut + 1 :]
    return text


def _described_byline(text: str) -> str | None:
    """The byline ending a short line that says what the article is: 'von Jannik Weber' of 'Eine Kolumne von …'.

    None when the line is longer, or the words before the byline are not a short description.
    """
    words = text.split()
    if len(words) > DESCRIBED_BYLINE_MAX_WORDS or any(char.isdigit() for char in text):
        return None
    match = byline_prefix_before_a_name().search(text)
    if match is None or match.start() == 0:
        return None
    before = text[: match.start()].split()
    non_names = byline_vocabulary().non_names
    if len(before) > DESCRIPTION_MAX_WORDS or any(word.casefold().strip(":,") in non_names for word in before):
        return None  # 'Fotos von Jonas Berger' credits a photographer
    byline = text[match.start() :]
    # A full name after the prefix: 'Verleih von Lastenrädern' is a phrase, not a byline.
    return byline if any(looks_like_name(name) for name in split_names(byline)) else None


def _is_sentence(segment: str) -> bool:
    """A segment that is a sentence of the article: many words, ending like a sentence, no 'By' in front."""
    if len(segment.split()) < SENTENCE_SEGMENT_MIN_WORDS or prefix_end(segment) is not None:
        return False
    if len(segment.split()) >= PROSE_SEGMENT_MIN_WORDS:
        return True  # 'Two riders cross the finish line in Harbour City, June 3, 2024. (Jana Roe': a caption
    return _ENDS_SENTENCE.search(segment.rstrip(_CLOSING_MARKS)) is not None


def _read_segment(segment: str, reading: _Reading, *, month_first: bool, reference: dt.date | None) -> None:
    """One segment of a credit line: dates, a clock time for the date before, an agency, or names."""
    seen = visible_dates(segment, month_first=month_first, reference=reference, short_years=True)
    if seen:
        reading.dates.extend((found.value, found.role) for found in seen)
        names, credited = _names_around_dates(segment, seen[0].start, seen[-1].end)
        reading.add_group(names, signed=True)
        if not names and credited:
            reading.desk = reading.desk or desk_name(credited)
        reading.understood += 1
        return
    if reading.dates and _CLOCK_ONLY.match(segment):
        day, role = reading.dates[-1]
        if not isinstance(day, dt.datetime):
            reading.dates[-1] = (with_clock(day, segment), role)
        reading.understood += 1
        return
    if is_relative(segment):
        # '3 hours ago' is a date only against the reference day; without one it is still a date segment.
        relative = find_visible_date(segment, month_first=month_first, reference=reference)
        if relative is not None:
            reading.dates.append((relative, date_role(segment)))
        reading.relative = True
        reading.understood += 1
        return
    if _is_photo_credit(segment):
        reading.photo = True
        return
    if _is_label(segment):  # 'Kommentare 34', 'Share', 'Print': the tools beside a byline
        reading.understood += 1
        return
    if not _read_agencies(segment, reading):
        _read_names(segment, reading)


def _read_agencies(segment: str, reading: _Reading) -> bool:
    """A segment crediting agencies ('(IANS)', 'Harbour Post mit dpa', 'AFP/dpa'), with names beside them."""
    named = agency_named(segment)
    credited = (named,) if named is not None else _agencies_in_credit(segment)
    if not credited:
        return False
    reading.agencies.extend(agency for agency in credited if agency not in reading.agencies)
    rest = segment
    for agency in credited:
        rest = _without_agency(rest, agency)
    # 'Harbour Bote mit dpa': an outlet joined to its agencies; 'Von Jana Roe mit dpa' names the author.
    outlet = prefix_end(segment) is None and _joined_to_agency(segment, credited)
    reading.add_group([] if outlet else split_names(rest), signed=prefix_end(segment) is not None)
    reading.understood += 1
    return True


def _joined_to_agency(segment: str, credited: tuple[Agency, ...]) -> bool:
    """True when a joiner ('mit', 'with', 'und') stands right before one of the agencies in the segment."""
    joiners = byline_vocabulary().joiners
    words = [word.strip("(),;") for word in segment.split()]
    aliases = {alias.casefold() for agency in credited for alias in (agency.name, *agency.acronyms, *agency.names)}
    return any(words[i - 1].casefold() in joiners and words[i].casefold() in aliases for i in range(1, len(words)))


def _read_names(segment: str, reading: _Reading) -> None:
    """A segment of names ('By A and B'), of a newsroom ('von Redaktion'), or a job title ('Chefredakteur')."""
    names = split_names(segment)
    start = prefix_end(segment)
    desk = desk_name(segment[start:]) if not names and start is not None else None
    if names:
        reading.add_group(names, signed=start is not None, titled=holds_role(segment))
        reading.understood += 1
    elif desk is not None:
        reading.desk = reading.desk or desk
        reading.understood += 1
    elif is_role_phrase(segment):
        reading.role = True
        reading.understood += 1


def _is_label(segment: str) -> bool:
    """A boilerplate label with its count: 'Kommentare 34', '12 Comments', 'Share'."""
    bare = _COUNT.sub(" ", segment).strip()
    return bool(bare) and len(bare) < LABEL_MAX_CHARS and phrase_family(bare) is not None


def _is_photo_credit(segment: str) -> bool:
    """'dpa/Jonas Berger', 'APA/Karl Steiner': an agency, a slash, a name (not 'dpa/lno', a desk code).

    A segment under a picture's label ('Photo: Jonas Berger, AP', 'Foto: …') credits the picture too.
    """
    label = _PICTURE_LABEL.match(segment)
    if label is not None and label.group(1).casefold() in PICTURE_LABELS:
        return True
    match = _PHOTO_CREDIT.match(segment)
    return match is not None and agency_named(match.group(1)) is not None and bool(split_names(match.group(2)))


def _names_around_dates(segment: str, first_start: int, last_end: int) -> tuple[list[str], str]:
    """Names a dated segment gives after a byline prefix, before or after its dates, and the text read.

    'Par Camille Roux le 07 Mai 2020', 'Posted on September 21, 2020 by Noa Levin'. The text is ''
    when the segment has no prefix.
    """
    before = segment[:first_start]
    start = prefix_end(before)
    if start is not None:
        label = label_start(segment, first_start, start)  # 'By Jana Roe Updated June 3': no part of the name
        before = before if label is None else segment[:label]
        connector = _CONNECTOR.search(before, start)
        credited = before[start : connector.start() if connector else None]
        return split_names(credited, after_prefix=True), credited
    match = byline_prefix_before_a_name().search(segment, last_end)
    if match is None:
        return [], ""
    end = prefix_end(segment[match.start() :])
    return split_names(segment[match.start() :]), segment[match.start() + (end or 0) :]


def _without_agency(segment: str, agency: Agency) -> str:
    """The segment with the agency's name and its brackets removed: 'By Asha Rao (IANS)' → 'By Asha Rao'."""
    for alias in sorted((*agency.acronyms, *agency.names), key=len, reverse=True):
        flags = re.IGNORECASE if alias in agency.names else 0
        segment = re.sub(rf"[(\[]?\s*(?<!\w){re.escape(alias)}(?!\w)\s*[)\]]?", " ", segment, flags=flags)
    return segment.replace("/", " ")


def _agencies_in_credit(segment: str) -> tuple[Agency, ...]:
    """The agencies inside a short credit segment ('Reuters staff', '(AFP)', 'Harbour Post mit dpa').

    None in longer text: there an agency is quoted, not credited.
    """
    found = agencies_in(segment)
    rest = segment
    for agency in found:
        rest = _without_agency(rest, agency)
    joiners = byline_vocabulary().joiners
    if len([word for word in rest.split() if word.casefold() not in joiners]) > AGENCY_SEGMENT_MAX_WORDS:
        return ()
    return tuple(found)

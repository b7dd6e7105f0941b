"""The credited news agency: found in credit lines, datelines and closing credits, never mid-body.

An agency the body merely quotes ("…, the KCNA reported") is not the credited one, so only
these places are read: the credit line near the headline, the dateline that opens the first
paragraph ("NEW DELHI, June 18 (IANS) —"), a closing credit ("— AP", "(With inputs from PTI)"),
and structured data naming a wire service as author or publisher.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from articlex.trie import longest_first
from articlex.vocabulary import Agency, agencies, agency_by_alias

DATELINE_MAX_PLACE_CHARS = 40
CLOSING_CREDIT_MAX_WORDS = 12
"""A closing credit is a short line; a long last paragraph that names an agency is body text."""

SOURCE_LABELS = (
    "source", "sources", "quelle", "quellen", "fuente", "fuentes", "fonte", "fontes", "bron", "källa", "kilde",
    "lähde", "zdroj", "źródło", "izvor", "forrás", "sursa", "kaynak", "πηγή", "источник", "джерело",
)  # fmt: skip
"""'Source' in the languages of the listed agencies: a short last line 'Quelle: dpa' credits the agency."""
CREDIT_JOINERS = ("mit", "avec", "con información de", "con agencias", "con agenzie")
"""Words that join an outlet's own story to an agency's ('Mit Material von dpa', 'Con información de EFE'). Bare
'con' and Dutch 'met' are left out: English lines open with them ('Met police told Reuters …')."""

_CLOSING_CREDIT = re.compile(
    r"^\s*(?:[(\[]|[-—–]+\s*|(?:with\s+)?(?:additional\s+)?(?:inputs?|reporting|input|agencies)\b"
    rf"|(?:{'|'.join(SOURCE_LABELS + CREDIT_JOINERS)})\b)",
    re.IGNORECASE,
)

_GLUED_CREDIT = re.compile(
    r"(?<=[.!?\"”’»])\s+(?:[-—–]+\s*)?"  # after the last sentence, maybe a dash
    r"(?:\((?P<bracketed>[^()]{1,40})\)|(?P<bare>[^\s()]{2,12}))\.?\s*$"  # '(IANS)' or 'PTI', maybe a full stop
)
"""An agency's credit set after the last sentence of a paragraph: '… into the country. PTI', '… – AFP', '… (ANSA).'."""


@dataclass(frozen=True, slots=True)
class Dateline:
    """The opening of a wire story: a place, maybe a date, maybe the agency in parentheses."""

    place: str
    agency: Agency | None


ANY_CASE_MIN_CHARS = 3
"""An agency's short form is read in capitals ('REUTERS', 'XINHUA') when it has this many letters…"""
LOWER_CASE_MIN_CHARS = 6
"""…and in lower case ('reuters') when it is printed in capitals ('AFP': 'afp') or is this long: a
short word-like form in lower or title case is a name as often ('Petra', 'hina')."""


@functools.cache
def _any_case_table() -> dict[str, Agency]:
    """Every acronym and name of at least `ANY_CASE_MIN_CHARS` letters in capitals, and the lower-case forms."""
    table: dict[str, Agency] = {}
    for agency in agencies():
        for alias in (*agency.acronyms, *agency.names):
            if len(alias) >= ANY_CASE_MIN_CHARS:
                table.setdefault(alias.upper(), agency)
            printed_in_capitals = alias.isupper() and len(alias) >= ANY_CASE_MIN_CHARS
            if alias in agency.acronyms and (printed_in_capitals or len(alias) >= LOWER_CASE_MIN_CHARS):
                table.setdefault(alias.lower(), agency)
    return table


@functools.cache
def _alias_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    acronyms = {a for agency in agencies() for a in agency.acronyms}
    capitals = {alias for alias in _any_case_table() if alias.isupper()}
    names = {n for agency in agencies() for n in agency.names}
    # Hundreds of aliases: as a trie, the regex compares a few of them at each position, not all.
    by_acronym = re.compile(r"(?<![\w&.-])(" + longest_first(acronyms | capitals) + r")(?![\w&-])")
    by_name = re.compile(r"(?<!\w)(" + longest_first(names, ignore_case=True) + r")(?!\w)", re.IGNORECASE)
    return by_acronym, by_name


def agencies_in(text: str) -> list[Agency]:
    """Every agency named in `text`, in order of appearance, without repeats.

    Short forms are read as printed ('dpa', 'AFP') and in capitals ('REUTERS', 'DPA'), never in
    another case ('Petra' is a given name, 'PETRA' the agency).
    """
    by_acronym, by_name = _alias_patterns()
    table = agency_by_alias()
    capitals = _any_case_table()
    hits = [
        (m.start(), agency)
        for m in by_acronym.finditer(text)
        if (agency := table.get(m.group(1)) or capitals.get(m.group(1))) is not None
    ]
    for match in by_name.finditer(text):
        agency = table.get(match.group(1).casefold())
        if agency is not None:
            hits.append((match.start(), agency))
    hits.sort(key=lambda hit: hit[0])
    first_seen: dict[str, Agency] = {}
    for _, agency in hits:
        first_seen.setdefault(agency.name, agency)
    return list(first_seen.values())


def agency_named(text: str) -> Agency | None:
    """The agency when `text` is nothing but an agency's name or acronym, in any case: 'Reuters', 'dpa', 'REUTERS'.

    A short form in lower or title case that is also a word or a name ('Petra', 'hina') is not read.
    """
    stripped = " ".join(text.strip(" ()[]-—–/:;,.").split())
    table = agency_by_alias()
    found = table.get(stripped) or table.get(stripped.casefold())
    if found is None and (stripped.isupper() or stripped.islower()):
        found = _any_case_table().get(stripped)
    if found is None and " " in stripped:  # 'DOW Jones': a name of several words is no person's in any case
        found = _any_case_table().get(stripped.upper())
    return found


_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,4})"  # one to five words of a place name
    r"(?:\s*\[[^\[\]]{1,30}\])?"  # " [India]"
    r"(?P<when>\s*,\s*[^()\[\]/—–\-:]{1,30}?)?"  # ", June 18" or ", Germany"
    r"\s*(?P<credit>\((?P<agency>[^()]{1,40})\)|/(?P<slashed>[^/\s]{2,20})/)?"  # "(IANS)", "/TASS/"
    r"(?:\s*\.?\s*(?P<dash>[—–:-]{1,2})\s|(?(credit)\.?\s|(?!)))",  # " — ", ").- ", "): ", after a credit nothing
)


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens a paragraph, if any: 'WASHINGTON (Reuters) -', 'NEW DELHI, June 18 (IANS) —'."""
    match = _DATELINE.match(paragraph[:120])
    if match is None:
        return None
    place = match.group("place").strip()
    agency = None
    credit = match.group("agency") or match.group("slashed")
    if credit:
        found = agencies_in(credit)
        agency = found[0] if found else agency_named(credit)
    if match.group("dash") is None and not (place.isupper() or match.group("when")):
        # Without a dash, 'The Harbour Authority (HA) said …' opens a sentence: a dateline's place is printed in
        # capitals or followed by its date ('STOCKHOLM (TT)', 'Islamabad, Jan 14 (IANS)').
        return None
    if agency is None and not (match.group("dash") and place.isupper() and len(place) > 2):
        return None  # a place in capitals opens a dateline before a dash; without one, only with its agency
    if len(place) > DATELINE_MAX_PLACE_CHARS:
        return None
    return Dateline(place.title() if place.isupper() else place, agency)


def closing_credit(paragraph: str) -> Agency | None:
    """The agency of a closing credit line: '— AP', '(With inputs from PTI)', 'dpa/lno'."""
    found = closing_credits(paragraph)
    return found[0] if found else None


def glued_closing_credit(paragraph: str) -> Agency | None:
    """The agency credited at the very end of a paragraph, after its last sentence: '… said on Monday. (IANS)'.

    Only an agency's name or acronym alone counts there: '… according to Reuters.' quotes it, and
    '(AP Photo/Jo Lind)' credits a picture.
    """
    match = _GLUED_CREDIT.search(paragraph[-60:])
    if match is None:
        return None
    return agency_named(match.group("bracketed") or match.group("bare"))


COPYRIGHT_OPENING = r"(?:©|\(c\)|copyright\b)\s*(?:(?:©|\(c\))\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?"
"""What opens a copyright line before its holder: '©', '(c)', 'Copyright ©', a year or two, 'by'."""
_COPYRIGHT_NOTICE = re.compile(rf"^{COPYRIGHT_OPENING}(?P<holder>[^\W\d][^.,;:|]{{1,60}})", re.IGNORECASE)
"""A copyright notice and its holder, up to the first full stop: '© 2008 The Associated Press. All rights …'."""
_LEGAL_FORMS = frozenset({"ltd", "limited", "inc", "llc", "plc", "gmbh", "sa", "s.a"})
"""A company's legal form, printed after its name in a copyright notice ('Press Association Ltd')."""


def copyright_agency(paragraph: str) -> Agency | None:
    """The agency whose copyright notice a paragraph is: '© 2008 The Associated Press. All rights reserved. …'.

    An agency's story carries its notice: the agency is credited for the story, as by a credit line.
    """
    notice = _COPYRIGHT_NOTICE.match(paragraph)
    if notice is None:
        return None
    words = notice.group("holder").split()
    while len(words) > 1 and (words[-1].isdigit() or words[-1].casefold() in _LEGAL_FORMS):
        words.pop()  # '© Thomson Reuters 2019', 'Press Association Ltd': a year or a legal form after the name
    return agency_named(" ".join(words))


def closing_credits(paragraph: str) -> tuple[Agency, ...]:
    """Every agency of a closing credit line, in order: '(With inputs from PTI and IANS)', 'AFP/dpa/lno'."""
    if len(paragraph.split()) > CLOSING_CREDIT_MAX_WORDS:
        return ()
    found = agencies_in(paragraph)
    if not found:
        alone = agency_named(paragraph)  # '(sda)', '(afp)': an agency alone, in a case the search above skips
        return (alone,) if alone is not None else ()
    if _CLOSING_CREDIT.match(paragraph) or agency_named(paragraph.split("/", maxsplit=1)[0]) is not None:
        return tuple(found)
    return ()

"""The publication and update dates: structured data, what the page shows near the headline, the address.

Published: the machine date of the page's metadata (JSON-LD, microdata, `<meta>`), unless the
page shows readers another day near the headline (`fields.shown`): the newsroom maintains
that one. Without a machine date: the shown date, the day in the address, a date opening the
first paragraph. A date the page labels 'Updated' or names 'modified' is the update, never
the publication.

A machine timestamp is an instant, usually in UTC; the page and its address show the local
day. When the address's day is that instant's day in some time zone of the world, it is the
day the article was published on: an evening story in New York is next morning in UTC. No
zone is ever invented: a shown date is returned as shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from articlex.classify.features import opening_family
from articlex.date_text import DayOrTime, label_after, visible_dates
from articlex.fields.byline import Credits
from articlex.fields.credit_line import DATE_LINE_MAX_WORDS
from articlex.fields.page_view import PageView
from articlex.fields.shown_dates import Shown, day_of, machine_value, shown_dates
from articlex.fields.url_date import date_in_url
from articlex.hint_families import HintFamily
from articlex.model import Reason, Source
from articlex.stages import Candidate, Claims

OPENING_SEARCH_BLOCKS = 3
"""The first paragraph of prose is looked for among this many first blocks of the body (a kicker or a
repeated title may come before it)."""
OPENING_DATE_MAX_START = 30
"""A date within this many characters of the first paragraph's start dates the story ('BERLIN, 5. Mai 2020 –')."""
SIGNED_DATE_MAX_START = 40
"""A last paragraph that says when the post was published opens with it ('This entry was posted on …')…"""
CLOSING_LINE_LOOKAHEAD = 8
"""…or a line among this many blocks under the body (after its share buttons and tags): the post's footer line."""
LISTING_DAYS = 3
"""Without a headline, dates of this many different days near the body are a list of stories'."""
EARLIEST_OFFSET = dt.timedelta(hours=-12)
LATEST_OFFSET = dt.timedelta(hours=14)
"""The time zones of the world run from UTC-12 to UTC+14."""
_YEAR_FIRST = re.compile(r"\d{4}\D")
"""A machine date that starts with its year ('2017-11-03') cannot be read in two orders."""


def find_dates(
    page: PageView, credit_lines: Credits
) -> tuple[Candidate[DayOrTime] | None, Candidate[DayOrTime] | None, Claims]:
    """(published, updated, the date lines claimed)."""
    shown, claims = shown_dates(page, credit_lines)
    page = page.claiming(claims)  # a claimed date line is no opening or closing paragraph
    if page.headline_block is None and len({day_of(s.value) for s in shown if s.visible}) >= LISTING_DAYS:
        # Without a headline, dates of several days are those of a list of stories: none of its blocks dates the page.
        return _machine(page.meta.published, page) or _url_day(page), _machine(page.meta.updated, page), claims
    # What readers see comes first: a visible date, labelled 'published' or not labelled, before a
    # machine value an element hides; in page order within each.
    published_shown = next(
        (s for visible in (True, False) for role in ("published", None) for s in shown
         if s.visible is visible and s.role == role),
        None,
    )  # fmt: skip
    updated_shown = next((s for s in shown if s.role == "updated"), None)
    return _published(page, published_shown, credit_lines), _updated(page, updated_shown), claims


def _published(page: PageView, shown: Shown | None, credit_lines: Credits) -> Candidate[DayOrTime] | None:
    """The machine date, unless the page shows readers another day near the headline.

    Metadata is written once by the system; the date beside the headline is the one the
    newsroom maintains. When both give the same day, the machine value is kept: it has the
    time and the zone.
    """
    found = _first_machine(page.meta.published, page)
    if found is None:
        return shown.candidate() if shown is not None else _unshown(page, credit_lines)
    machine, raw = found
    if shown is not None and _overrides(page, shown, credit_lines):
        if day_of(shown.value) == day_of(machine.value):
            return machine
        if _YEAR_FIRST.match(raw) and day_of(shown.value) == _swapped(day_of(machine.value)):
            return machine  # the same day: '11.3.17' read in the other order is the machine's 2017-11-03
        note = "the local day of " if _same_moment_elsewhere(machine.value, shown.value) else "shown instead of "
        return Candidate(shown.value, shown.source, f"{shown.evidence}, {note}{machine.evidence}", shown.block)
    url_day = _url_day(page)
    if url_day is not None and _same_moment_elsewhere(machine.value, url_day.value):
        return Candidate(url_day.value, url_day.source, f"{url_day.evidence}, the local day of {machine.evidence}")
    return machine


def _overrides(page: PageView, shown: Shown, credit_lines: Credits) -> bool:
    """True when a shown date is where the article's own date stands, so it may override the machine's.

    That is a visible date above the body, or a credit line; a date element further down (in a list
    of other stories beside the body's first lines) is no match for the page's metadata.
    """
    if not shown.visible:
        return False
    above_body = page.body_start is None or shown.block <= page.body_start
    return above_body or any(index == shown.block for index, _ in credit_lines.lines)


def _unshown(page: PageView, credit_lines: Credits) -> Candidate[DayOrTime] | None:
    """Without a machine date or one shown near the headline: the address, a closing credit, the first paragraph."""
    return _url_day(page) or _closing_date(credit_lines) or _opening_date(page) or _signed_date(page)


def _closing_date(credit_lines: Credits) -> Candidate[DayOrTime] | None:
    """The publication date of a closing credit ('erstellt von Mirjam — veröffentlicht 14.03.2023')."""
    for index, credit in credit_lines.closing:
        if credit.date is not None:
            return Candidate(credit.date, Source.BLOCK, f"block {index} (closing credit)", index)
    return None


def _signed_date(page: PageView) -> Candidate[DayOrTime] | None:
    """A date that closes the article: its last lines say when it was written or posted.

    A short date line ending the body or right after it ('Jonas / 14. Oktober 2018', a letter's
    signature), or a last paragraph, or a line of the post's footer a few blocks under it, that opens by
    saying when the post was published ('This entry was posted on Tuesday, March 8th, 2016 …', 'Dieser
    Beitrag wurde am 8. März 2016 … veröffentlicht'). A date labelled 'updated' is no publication date.
    """
    content = page.content()
    if not content or page.split.kind != "html":
        return None
    last = content[-1]
    reference = page.options.reference_date
    after = page.blocks[last.index + 1] if last.index + 1 < len(page.blocks) else None
    for block in (last, after):
        if block is None or len(block.text.split()) > DATE_LINE_MAX_WORDS or page.elsewhere(block):
            continue
        seen = visible_dates(block.text, month_first=page.month_first, reference=reference, short_years=True)
        if seen and seen[0].role != "updated":
            return Candidate(seen[0].value, Source.BLOCK, f"block {block.index} (closing date line)", block.index)
    under = page.blocks[last.index + 1 : last.index + 1 + CLOSING_LINE_LOOKAHEAD]
    for block in (last, *under):  # the line under the post ('This entry was posted on …') is no article text
        if page.elsewhere(block):
            continue
        seen = visible_dates(block.text, month_first=page.month_first, reference=reference)
        if not seen or seen[0].role == "updated":
            continue
        first = seen[0]
        if opening_family(block.text) == HintFamily.META_INFO:  # 'This entry was posted in News on …'
            return Candidate(first.value, Source.BLOCK, f"block {block.index} (post footer line)", block.index)
        if first.start <= SIGNED_DATE_MAX_START and (first.role or label_after(block.text, first.end)) == "published":
            return Candidate(first.value, Source.BLOCK, f"block {block.index} (closing 'published' line)", block.index)
    return None


def _swapped(day: dt.date) -> dt.date | None:
    """The day with its day and month numbers exchanged (7 June for 6 July), when that is a date."""
    try:
        return day.replace(month=day.day, day=day.month)
    except ValueError:
        return None


def _opening_date(page: PageView) -> Candidate[DayOrTime] | None:
    """A date the first paragraph of prose opens with.

    '(18.01.2018) Landwirte …', 'Pressemitteilung vom 25. Januar 2022 | …'.
    """
    content = page.content()[:OPENING_SEARCH_BLOCKS]
    first = next((block for block in content if page.decisions[block.index].reason is Reason.MAIN_TEXT), None)
    if first is None:
        return None
    seen = visible_dates(first.text, month_first=page.month_first, reference=page.options.reference_date)
    if not seen or seen[0].start > OPENING_DATE_MAX_START or seen[0].role == "updated":
        return None
    return Candidate(seen[0].value, Source.BLOCK, f"block {first.index} (opening date)", first.index)


def _updated(page: PageView, shown: Shown | None) -> Candidate[DayOrTime] | None:
    machine = _machine(page.meta.updated, page)
    return machine if machine is not None or shown is None else shown.candidate()


def _same_moment_elsewhere(machine: DayOrTime, local: DayOrTime) -> bool:
    """True when a machine timestamp falls on the shown day in some time zone of the world.

    A timestamp without a zone is taken as UTC, as servers write them. A shown day that no
    zone reaches is another date (the address's draft day, an update), not the same moment.
    """
    if not isinstance(machine, dt.datetime):
        return False
    local_day = local.date() if isinstance(local, dt.datetime) else local
    utc = machine.astimezone(dt.UTC).replace(tzinfo=None) if machine.tzinfo else machine
    reachable = (utc + EARLIEST_OFFSET).date() <= local_day <= (utc + LATEST_OFFSET).date()
    return machine.date() != local_day and reachable


def _machine(candidates: Sequence[Candidate[str]], page: PageView) -> Candidate[DayOrTime] | None:
    found = _first_machine(candidates, page)
    return found[0] if found is not None else None


def _first_machine(candidates: Sequence[Candidate[str]], page: PageView) -> tuple[Candidate[DayOrTime], str] | None:
    """The first machine date that reads as a date, and the string it was read from."""
    for candidate in candidates:
        value = machine_value(candidate.value, page)
        if value is not None:
            return Candidate(value, candidate.source, candidate.evidence), candidate.value.strip()
    return None


def _url_day(page: PageView) -> Candidate[DayOrTime] | None:
    day = date_in_url(page.url, page.options.reference_date) if page.url else None
    return Candidate(day, Source.URL, "url path") if day is not None else None

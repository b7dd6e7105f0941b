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
from collections.abc import Sequence

from articlex.candidate import Candidate
from articlex.fields.credits import Credits
from articlex.fields.dates import DayOrTime, visible_dates
from articlex.fields.page import FieldPage
from articlex.fields.shown import Shown, day_of, machine_value, shown_dates
from articlex.fields.url_date import date_in_url
from articlex.model import Source

OPENING_DATE_MAX_START = 30
"""A date within this many characters of the first paragraph's start dates the story ('BERLIN, 5. Mai 2020 –')."""
EARLIEST_OFFSET = dt.timedelta(hours=-12)
LATEST_OFFSET = dt.timedelta(hours=14)
"""The time zones of the world run from UTC-12 to UTC+14."""


def find_dates(
    page: FieldPage, credit_lines: Credits
) -> tuple[Candidate[DayOrTime] | None, Candidate[DayOrTime] | None]:
    """(published, updated)."""
    shown = sorted(shown_dates(page, credit_lines), key=lambda s: not s.visible)  # stable: page order kept
    published_shown = next((s for s in shown if s.role == "published"), None) or next(
        (s for s in shown if s.role is None), None
    )
    updated_shown = next((s for s in shown if s.role == "updated"), None)
    return _published(page, published_shown), _updated(page, updated_shown)


def _published(page: FieldPage, shown: Shown | None) -> Candidate[DayOrTime] | None:
    """The machine date, unless the page shows readers another day near the headline.

    Metadata is written once by the system; the date beside the headline is the one the
    newsroom maintains. When both give the same day, the machine value is kept: it has the
    time and the zone.
    """
    machine = _machine(page.meta.published, page)
    if machine is None:
        return shown.candidate() if shown is not None else _url_day(page) or _opening_date(page)
    if shown is not None and shown.visible:
        if day_of(shown.value) == day_of(machine.value):
            return machine
        note = "the local day of " if _same_moment_elsewhere(machine.value, shown.value) else "shown instead of "
        return Candidate(shown.value, shown.source, f"{shown.evidence}, {note}{machine.evidence}", shown.block)
    url_day = _url_day(page)
    if url_day is not None and _same_moment_elsewhere(machine.value, url_day.value):
        return Candidate(url_day.value, url_day.source, f"{url_day.evidence}, the local day of {machine.evidence}")
    return machine


def _opening_date(page: FieldPage) -> Candidate[DayOrTime] | None:
    """A date the first paragraph opens with: '(18.01.2018) Landwirte …', 'Pressemitteilung vom 25. Januar 2022 | …'."""
    content = page.content()
    if not content:
        return None
    first = content[0]
    seen = visible_dates(first.text, month_first=page.month_first, reference=page.options.reference_date)
    if not seen or seen[0].start > OPENING_DATE_MAX_START or seen[0].role == "updated":
        return None
    return Candidate(seen[0].value, Source.BLOCK, f"block {first.index} (opening date)", first.index)


def _updated(page: FieldPage, shown: Shown | None) -> Candidate[DayOrTime] | None:
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


def _machine(candidates: Sequence[Candidate[str]], page: FieldPage) -> Candidate[DayOrTime] | None:
    for candidate in candidates:
        value = machine_value(candidate.value, page)
        if value is not None:
            return Candidate(value, candidate.source, candidate.evidence)
    return None


def _url_day(page: FieldPage) -> Candidate[DayOrTime] | None:
    day = date_in_url(page.url, page.options.reference_date) if page.url else None
    return Candidate(day, Source.URL, "url path") if day is not None else None

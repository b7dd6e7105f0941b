"""Dates the page shows near the headline, each with what its label or element says it is.

Read from a few blocks above the headline to a few blocks into the body: credit lines, elements
named 'date', 'published', 'updated' (`<time class="entry-date published">`, Blogger's
`<abbr class="published" title=…>`), bare `<time datetime>`s, and short date lines just below
or just above the headline or in an element named for meta information, and a short line whose
label stands alone in the block before it ('Mise en ligne' over '17 juin 2021'). Away from the
headline, only elements named for dates count: a bare `<time>` deep in the body is an embedded post's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from articlex.date_text import DayOrTime, date_role, label_role, parse_machine_date, visible_dates
from articlex.fields.byline import CREDIT_ZONE_AFTER_BODY_START, Credits
from articlex.fields.credit_line import DATE_LINE_MAX_WORDS, Credit
from articlex.fields.page_view import META_INFO, PageView
from articlex.html.marks import DATE_KINDS, ROLES, TIME
from articlex.model import Label, Reason, Source
from articlex.stages import Block, Candidate, Claim, Claims

DATE_MARK_MAX_WORDS = 12
"""An element named 'date' holds a date line ('By A. Writer November 2, 2023 3:53 PM EDT'), not a caption."""
DATE_LINE_ABOVE_HEADLINE = 2
"""A bare date line this close above the headline is the article's ('Stand: …', a kicker date)."""
LABEL_MAX_CHARS = 40
"""A block that is a date label alone is short ('Mise en ligne', 'Veröffentlicht am:')."""
POSITION_PREFIX_CHARS = 20
"""A date's text is found in its block by this many first characters (a date's end may be re-spaced)."""


@dataclass(frozen=True, slots=True)
class Shown:
    """A date shown on the page near the headline."""

    value: DayOrTime
    role: str | None
    block: int
    source: Source
    evidence: str
    visible: bool = True
    """False for a machine value of an element that shows no text (a hidden `datePublished`)."""

    def candidate(self) -> Candidate[DayOrTime]:
        """The date as a field value with its provenance."""
        return Candidate(self.value, self.source, self.evidence, self.block)


def day_of(value: DayOrTime) -> dt.date:
    """The calendar day of a date or datetime (in its own zone)."""
    return value.date() if isinstance(value, dt.datetime) else value


def machine_value(text: str, page: PageView) -> DayOrTime | None:
    """A machine-readable date string read against the page's reference day."""
    return parse_machine_date(text, page.options.reference_date)


def shown_dates(page: PageView, credit_lines: Credits) -> tuple[list[Shown], Claims]:
    """Dates near the headline in page order (credit lines, date elements, `<time>`, date lines).

    Also the short date lines among the body's blocks, claimed as credits: 'Stand: 19.10.2019
    11:05 Uhr' is no paragraph of the article.
    """
    credit_at = dict(credit_lines.lines)
    found: list[Shown] = []
    claims: Claims = {}
    near = page.zone(after=CREDIT_ZONE_AFTER_BODY_START)
    for index in page.zone():
        block = page.blocks[index]
        if page.elsewhere(block, asides=False):
            continue
        credit = credit_at.get(index)
        from_block = _credit_date(credit, block, page) if credit is not None else []
        from_block += _marked_dates(block, page, near=index in near) + _time_elements(block, page, near=index in near)
        if not from_block and index != page.headline_block:
            from_block = _date_line(block, page, near=index in near)
            if from_block and page.decisions[index].label is Label.CONTENT and _short(block):
                claims[index] = Claim(Label.CREDIT, Reason.CREDIT_LINE, f"date {from_block[0].value.isoformat()}")
        found.extend(from_block)
    return found, claims


def _date_line(block: Block, page: PageView, *, near: bool) -> list[Shown]:
    """The dates of a line that holds dates by where it is.

    That is a line in an element named for meta information, or a short line just below the
    headline, or just above it ('Stand: 19.10.2019 11:05 Uhr').

    Above the headline an update date is the site's ('Last updated: …'), not the article's.
    """
    if page.split.kind != "html" or page.anchor is None:
        return []
    meta_named = META_INFO in page.families(block)  # 'entry-meta', 'byline', 'posted-on'
    below = block.index > page.anchor
    above = 0 < page.anchor - block.index <= DATE_LINE_ABOVE_HEADLINE
    short = _short(block)
    label = _label_apart(block, page) if short else None
    if not (meta_named or label is not None or (near and short and (below or above))):
        return []
    seen = visible_dates(
        block.text, month_first=page.month_first, reference=page.options.reference_date, short_years=short
    )
    if label is not None:
        seen = [replace(s, role=s.role or label) for s in seen]
    if above and not meta_named:
        seen = [s for s in seen if s.role != "updated"]
    evidence = f"block {block.index} (date line)"
    return [Shown(s.value, s.role, block.index, Source.BLOCK, evidence) for s in seen]


def _label_apart(block: Block, page: PageView) -> str | None:
    """The role of a date label that is the whole block before this one ('Mise en ligne' over '17 juin 2021').

    Fact boxes and definition lists put a label and its value in elements of their own.
    """
    if block.index == 0:
        return None
    previous = page.blocks[block.index - 1]
    role = label_role(previous.text) if len(previous.text) <= LABEL_MAX_CHARS else None
    return role if role is not None and not page.elsewhere(previous, asides=False) else None


def _credit_date(credit: Credit, block: Block, page: PageView) -> list[Shown]:
    """The dates of a credit line: its `<time datetime>` when it has one, else the printed date."""
    found = []
    evidence = f"block {block.index} (credit line)"
    if credit.date is not None:
        stamps = (machine_value(stamp, page) for stamp in block.datetimes)
        stamp = next((value for value in stamps if value is not None), None)
        if stamp is not None:
            found.append(
                Shown(stamp, credit.date_role, block.index, Source.TIME_ELEMENT, f"block {block.index} time[datetime]")
            )
        else:
            found.append(Shown(credit.date, credit.date_role, block.index, Source.BLOCK, evidence))
    if credit.updated is not None:
        found.append(Shown(credit.updated, "updated", block.index, Source.BLOCK, evidence))
    return found


def _short(block: Block) -> bool:
    return len(block.text.split()) <= DATE_LINE_MAX_WORDS


def _marked_dates(block: Block, page: PageView, *, near: bool) -> list[Shown]:
    """Dates of elements named 'date', 'published', 'updated' ('<abbr class=published title=…>').

    Away from the headline (`near` false), a bare `<time>` is the body's (an embedded post).
    """
    found = []
    for mark in block.marks:
        if mark.kind not in DATE_KINDS or (mark.kind == TIME and not near):
            continue
        role = (
            mark.kind if mark.kind in ROLES else date_role(mark.text) or date_role(block.text, _start(block, mark.text))
        )
        evidence = f"block {block.index} {mark.kind} element"
        value = machine_value(mark.value, page) if mark.value else None
        short = len(mark.text.split()) <= DATE_MARK_MAX_WORDS  # a longer text is a caption or a teaser
        seen = visible_dates(
            mark.text, month_first=page.month_first, reference=page.options.reference_date, short_years=short
        )
        if value is not None and not (seen and short and day_of(seen[0].value) != day_of(value)):
            found.append(Shown(value, role, block.index, Source.TIME_ELEMENT, evidence, visible=bool(mark.text)))
        elif short:  # what the element shows, when its machine value says another day
            found.extend(Shown(s.value, s.role or role, block.index, Source.BLOCK, evidence) for s in seen)
    return found


def _start(block: Block, text: str) -> int:
    """Where `text` stands in the block (its end when it cannot be found)."""
    at = block.text.find(text[:POSITION_PREFIX_CHARS])
    return at if at >= 0 else len(block.text)


def _time_elements(block: Block, page: PageView, *, near: bool) -> list[Shown]:
    """`<time datetime>` values of a block near the headline without date marks.

    They are labelled ('Updated') when the block has one `<time>`, so its label is that one's.
    """
    if not near or any(mark.kind in DATE_KINDS for mark in block.marks):
        return []
    role = date_role(block.text) if len(block.datetimes) == 1 else None
    found = []
    for stamp in block.datetimes:
        value = machine_value(stamp, page)
        if value is not None:
            evidence = f"block {block.index} time[datetime]"
            found.append(Shown(value, role, block.index, Source.TIME_ELEMENT, evidence))
    return found

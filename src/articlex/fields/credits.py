"""Credit lines near the headline ('By Asha Rao | IANS | 18 June 2024'), the byline, and the dateline.

Credit lines are read from a few blocks above the headline to the first lines of the body,
skipping blocks that sit in a caption, a comment or a list of other stories (a photo credit
'dpa/Jan Woitas' is not the article's credit). Each one found is claimed, so the body leaves
it out and its decision says what it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from articlex.candidate import Candidate
from articlex.fields.agency import Dateline, find_dateline
from articlex.fields.byline import Credit, read_credit
from articlex.fields.page import Claim, FieldPage
from articlex.marks import DATE_KINDS
from articlex.model import Label, Reason, Source

CREDIT_ZONE_BEFORE = 5
"""Credit lines are searched from this many blocks above the headline…"""
CREDIT_ZONE_AFTER_BODY_START = 2
"""…down to this many blocks into the body."""


@dataclass(frozen=True, slots=True)
class Credits:
    """The credit lines found near the headline, and the dateline that opens the body."""

    lines: tuple[tuple[int, Credit], ...] = ()
    dateline: tuple[int, Dateline] | None = None


def find_credits(page: FieldPage) -> Credits:
    """Find and claim the credit lines; read the dateline of the first body paragraph."""
    lines = []
    anchor = page.anchor
    for index in page.zone(CREDIT_ZONE_BEFORE, CREDIT_ZONE_AFTER_BODY_START):
        block = page.blocks[index]
        if index == page.headline_block or page.elsewhere(block):
            continue
        dated = any(mark.kind in DATE_KINDS for mark in block.marks)
        credit = read_credit(
            block.text, month_first=page.month_first, reference=page.options.reference_date, dated=dated
        )
        # Above the headline only a byline counts: a bare date there is the site's ('Last updated: …').
        if credit is not None and (anchor is None or index > anchor or credit.authors or credit.agency):
            lines.append((index, credit))
            page.claims[index] = Claim(Label.CREDIT, Reason.CREDIT_LINE, _credit_detail(credit))
    content = page.content()
    dateline = None
    if content:
        found = find_dateline(content[0].text)
        dateline = (content[0].index, found) if found is not None else None
    return Credits(tuple(lines), dateline)


def _credit_detail(credit: Credit) -> str:
    parts = []
    if credit.authors:
        parts.append("authors " + ", ".join(credit.authors))
    if credit.agency:
        parts.append(f"agency {credit.agency.name}")
    if credit.date:
        parts.append(f"date {credit.date.isoformat()}")
    return "; ".join(parts) or "credit line"


def byline(credit_lines: Credits) -> Candidate[str] | None:
    """The first credit line that names someone: as printed."""
    for index, credit in credit_lines.lines:
        if credit.authors or credit.agency:
            return Candidate(credit.text, Source.BLOCK, f"block {index}", index)
    return None


def dateline_place(credit_lines: Credits) -> Candidate[str] | None:
    """The place named in the dateline ('New Delhi')."""
    if credit_lines.dateline is None:
        return None
    index, dateline = credit_lines.dateline
    return Candidate(dateline.place, Source.BLOCK, f"block {index} (dateline)", index)

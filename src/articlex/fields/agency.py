"""Where the credited agency is read, most trusted first: credit line, dateline, structured data, closing credit."""

from __future__ import annotations

from articlex.fields.agency_names import agency_named, closing_credit
from articlex.fields.byline import Credits
from articlex.fields.page_view import PageView
from articlex.model import Source
from articlex.stages import Candidate


def find_agency(page: PageView, credit_lines: Credits) -> Candidate[str] | None:
    """The agency credited for the article, or None (an agency the body quotes is not credited)."""
    return _in_credits(credit_lines) or _in_dateline(credit_lines) or _in_metadata(page) or _in_closing(page)


def _in_credits(credit_lines: Credits) -> Candidate[str] | None:
    for index, credit in credit_lines.lines:
        if credit.agency is not None:
            return Candidate(credit.agency.name, Source.BLOCK, f"block {index} (credit line)", index)
    return None


def _in_dateline(credit_lines: Credits) -> Candidate[str] | None:
    if credit_lines.dateline is None or credit_lines.dateline[1].agency is None:
        return None
    index, dateline = credit_lines.dateline
    agency = dateline.agency
    return Candidate(agency.name, Source.BLOCK, f"block {index} (dateline)", index) if agency else None


def _in_metadata(page: PageView) -> Candidate[str] | None:
    """A wire service named as the author or publisher, in structured data or `<meta>`."""
    for candidate in page.meta.authors:
        for raw in candidate.value:
            named = agency_named(raw)
            if named is not None:
                return Candidate(named.name, candidate.source, candidate.evidence)
    for organisation in page.meta.organisations:
        named = agency_named(organisation.value)
        if named is not None:
            return Candidate(named.name, organisation.source, organisation.evidence)
    return None


def _in_closing(page: PageView) -> Candidate[str] | None:
    """A closing credit on the last body line ('— AP', '(With inputs from PTI)')."""
    content = page.content()
    if not content:
        return None
    last = content[-1]
    named = closing_credit(last.text)
    return Candidate(named.name, Source.BLOCK, f"block {last.index} (closing credit)", last.index) if named else None

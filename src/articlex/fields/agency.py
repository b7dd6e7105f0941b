"""Where the credited agencies are read, most trusted first: credit line, dateline, structured data, closing credit.

A page may credit several agencies ('Harbour Post mit dpa und AFP', 'AFP/dpa', a credit line
naming one and the dateline another): `agencies` lists each once, in the order of these
sources, and `agency` is the first. Structured data is read only when no visible place credits
an agency. An agency the body merely quotes is never read.
"""

from __future__ import annotations

from articlex.fields.agency_names import agency_named, closing_credits, copyright_agency, glued_closing_credit
from articlex.fields.byline import Credits
from articlex.fields.page_view import PageView
from articlex.model import Source
from articlex.stages import Block, Candidate
from articlex.vocabulary import Agency

Credited = tuple[tuple[Agency, ...], Source, str, int | None]
"""Agencies one place credits, with where: source, evidence and block."""


def find_agencies(
    page: PageView, credit_lines: Credits
) -> tuple[Candidate[str] | None, Candidate[tuple[str, ...]] | None]:
    """The first agency credited for the article, and every agency credited (None, None when there is none)."""
    places = [*_in_credits(credit_lines), *_in_dateline(credit_lines), *_in_closing(page)]
    if not places:
        places = _in_metadata(page)
    if not places:
        return None, None
    names: dict[str, None] = {}
    for agencies, _, _, _ in places:
        names.update(dict.fromkeys(agency.name for agency in agencies))
    first_agencies, source, evidence, block = places[0]
    first = Candidate(first_agencies[0].name, source, evidence, block)
    return first, Candidate(tuple(names), source, evidence, block)


def _in_credits(credit_lines: Credits) -> list[Credited]:
    return [
        (credit.agencies or (credit.agency,), Source.BLOCK, f"block {index} (credit line)", index)
        for index, credit in credit_lines.lines
        if credit.agency is not None
    ]


def _in_dateline(credit_lines: Credits) -> list[Credited]:
    if credit_lines.dateline is None or credit_lines.dateline[1].agency is None:
        return []
    index, dateline = credit_lines.dateline
    agency = dateline.agency
    return [((agency,), Source.BLOCK, f"block {index} (dateline)", index)] if agency else []


def _in_metadata(page: PageView) -> list[Credited]:
    """Wire services named as the author or publisher, in structured data or `<meta>`."""
    found: list[Credited] = []
    for candidate in page.meta.authors:
        for raw in candidate.value:
            named = agency_named(raw)
            if named is not None:
                found.append(((named,), candidate.source, candidate.evidence, None))
    for organisation in page.meta.organisations:
        named = agency_named(organisation.value)
        if named is not None:
            found.append(((named,), organisation.source, organisation.evidence, None))
    return found


def _in_closing(page: PageView) -> list[Credited]:
    """A closing credit: the last body line, the end of it, or the line under it, or the agency's copyright notice.

    '— AP', '(With inputs from PTI and IANS)'; '… into the country. PTI'; '© 2008 The Associated Press. All rights
    reserved.'
    """
    content = page.content()
    if not content:
        return []
    last = content[-1]
    glued = glued_closing_credit(last.text)
    for line in _closing_lines(page, last):
        named = closing_credits(line.text)
        if named:
            return [(named, Source.BLOCK, f"block {line.index} (closing credit)", line.index)]
        if line is last and glued is not None:
            return [((glued,), Source.BLOCK, f"block {last.index} (credit ending the body)", last.index)]
        holder = copyright_agency(line.text)
        if holder is not None:
            return [((holder,), Source.BLOCK, f"block {line.index} (the agency's copyright notice)", line.index)]
    return []


def _closing_lines(page: PageView, last: Block) -> list[Block]:
    """The body's last block, and the block right under it.

    A page may set its agency's credit or copyright notice apart from the story ('© Harbour Wire 2024'
    in a copyright element, '(dpa)' in an authors box), and a text copy has no element at all to keep
    a short credit line with the story: such a line costs the run of prose more than it brings, so
    the run ends above it. Only a line that is nothing but a credit counts there.
    """
    if last.index + 1 < len(page.blocks):
        return [last, page.blocks[last.index + 1]]
    return [last]

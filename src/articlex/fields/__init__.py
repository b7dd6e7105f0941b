"""Stage 4, fields: the article's headline, credits, dates and other fields, each with its provenance.

`find_fields` runs the finders in order — site name, headline, credit lines, authors, agency,
dates, language, image, address. Each finder tries its sources from the most trusted down
and keeps the first value found, with where it was found. Visible blocks the finders claim
(the headline, credit lines) are relabelled, so the body leaves them out and the decisions
say what they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urljoin

from articlex.blocks import Block, SplitPage
from articlex.candidate import Candidate
from articlex.classify import Decision
from articlex.fields.agency import Dateline, agency_named, closing_credit, find_dateline
from articlex.fields.byline import Credit, looks_like_name, read_credit, split_names
from articlex.fields.dates import DayOrTime, parse_machine_date
from articlex.fields.headline import find_headline, find_line_headline
from articlex.fields.language import detect_language, month_first_for, normalise_language
from articlex.fields.url_date import date_in_url
from articlex.metadata import Metadata
from articlex.model import Label, Reason, Source
from articlex.options import Options

CREDIT_ZONE_BEFORE = 3
"""Credit lines are searched from this many blocks above the headline…"""
CREDIT_ZONE_AFTER_BODY_START = 2
"""…down to this many blocks into the body…"""
CREDIT_ZONE_MAX_BLOCKS = 25
"""…and never over more blocks than this."""



V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Claim:
    """A block the field finders recognised, and what it is."""

    label: Label
    reason: Reason
    detail: str


@dataclass(frozen=True, slots=True)
class Fields:
    """Every field's winning candidate (or None), and the blocks the finders claimed."""

    headline: Candidate[str] | None = None
    byline: Candidate[str] | None = None
    authors: Candidate[tuple[str, ...]] | None = None
    agency: Candidate[str] | None = None
    dateline: Candidate[str] | None = None
    published: Candidate[DayOrTime] | None = None
    updated: Candidate[DayOrTime] | None = None
    site_name: Candidate[str] | None = None
    language: Candidate[str] | None = None
    image: Candidate[str] | None = None
    url: Candidate[str] | None = None
    claims: dict[int, Claim] = field(default_factory=dict)


@dataclass(slots=True)
class _Page:
    """What every finder may read: the page, its metadata, the classifier's verdicts, the options."""

    split: SplitPage
    meta: Metadata
    decisions: Sequence[Decision]
    url: str | None
    options: Options
    claims: dict[int, Claim] = field(default_factory=dict)
    credit_lines: list[tuple[int, Credit]] = field(default_factory=list)
    dateline: tuple[int, Dateline] | None = None

    def content(self) -> list[Block]:
        """The blocks judged content and not claimed by a finder, in page order."""
        return [d.block for d in self.decisions if d.label is Label.CONTENT and d.block.index not in self.claims]


def find_fields(
    split: SplitPage, meta: Metadata, decisions: Sequence[Decision], url: str | None, options: Options
) -> Fields:
    """Find every field of the article."""
    page = _Page(split, meta, decisions, url, options)
    site_name = _first(meta.site_names)
    headline = _headline(page, site_name)
    if headline is not None and headline.block is not None:
        page.claims[headline.block] = Claim(Label.HEADLINE, Reason.HEADLINE_MATCH, headline.evidence)
    language = _language(page)
    _find_credit_lines(page, headline, month_first=month_first_for(language.value if language else None))
    _find_dateline(page)
    return Fields(
        headline=headline,
        byline=_byline(page),
        authors=_authors(page),
        agency=_first_of(page, (_agency_in_credits, _agency_in_dateline, _agency_in_metadata, _agency_in_closing)),
        dateline=_dateline_place(page),
        published=_first_of(page, (_published_in_metadata, _published_in_credits, _published_in_url)),
        updated=_first_of(page, (_updated_in_metadata, _updated_in_credits)),
        site_name=site_name,
        language=language,
        image=_image(page),
        url=_url(page),
        claims=page.claims,
    )


def _first(candidates: Sequence[Candidate[str]]) -> Candidate[str] | None:
    return next((c for c in candidates if c.value), None)


def _first_of(page: _Page, finders: Sequence[Callable[[_Page], Candidate[V] | None]]) -> Candidate[V] | None:
    """The first value any finder returns, trying them in order of trust."""
    for finder in finders:
        found = finder(page)
        if found is not None:
            return found
    return None


def _headline(page: _Page, site_name: Candidate[str] | None) -> Candidate[str] | None:
    content = page.content()
    if page.split.kind != "html":
        return find_line_headline(page.split.blocks, content[0].index if content else None)
    anchor = max(content, key=lambda block: len(block.text)).index if content else None
    return find_headline(page.split.blocks, page.meta, anchor, site_name.value if site_name else None)


# ---- credit lines, bylines and authors ----------------------------------------------------


def _find_credit_lines(page: _Page, headline: Candidate[str] | None, *, month_first: bool) -> None:
    """Credit lines between the headline and the first lines of the body; claims them."""
    content = page.content()
    anchor = headline.block if headline is not None and headline.block is not None else None
    if anchor is None and not content:
        return
    anchor = anchor if anchor is not None else content[0].index
    body_start = next((b.index for b in content if b.index > anchor), anchor)
    start = max(0, anchor - CREDIT_ZONE_BEFORE)
    end = min(body_start + CREDIT_ZONE_AFTER_BODY_START + 1, start + CREDIT_ZONE_MAX_BLOCKS, len(page.split.blocks))
    for block in page.split.blocks[start:end]:
        if block.index == anchor:
            continue
        credit = read_credit(block.text, month_first=month_first, reference=page.options.reference_date)
        # Above the headline only a byline counts: a bare date there is the site's ('Last updated: …').
        if credit is not None and (block.index > anchor or credit.authors or credit.agency):
            page.credit_lines.append((block.index, credit))
            page.claims[block.index] = Claim(Label.CREDIT, Reason.CREDIT_LINE, _credit_detail(credit))


def _credit_detail(credit: Credit) -> str:
    parts = []
    if credit.authors:
        parts.append("authors " + ", ".join(credit.authors))
    if credit.agency:
        parts.append(f"agency {credit.agency.name}")
    if credit.date:
        parts.append(f"date {credit.date.isoformat()}")
    return "; ".join(parts) or "credit line"


def _byline(page: _Page) -> Candidate[str] | None:
    for index, credit in page.credit_lines:
        if credit.authors or credit.agency:
            return Candidate(credit.text, Source.BLOCK, f"block {index}", index)
    return None


def _authors(page: _Page) -> Candidate[tuple[str, ...]] | None:
    for candidate in page.meta.authors:
        names = tuple(dict.fromkeys(name for raw in candidate.value for name in _person_names(raw)))
        if names:
            return Candidate(names, candidate.source, candidate.evidence, candidate.block)
    for index, credit in page.credit_lines:
        if credit.authors:
            return Candidate(credit.authors, Source.BLOCK, f"block {index}", index)
    return None


def _person_names(raw: str) -> list[str]:
    """Names from a metadata author value; an agency or organisation is not a person."""
    if agency_named(raw) is not None:
        return []
    names = split_names(raw)
    if not names and looks_like_name(raw.strip()):
        names = [raw.strip()]
    return names


# ---- agency and dateline ------------------------------------------------------------------


def _find_dateline(page: _Page) -> None:
    content = page.content()
    if content:
        found = find_dateline(content[0].text)
        if found is not None:
            page.dateline = (content[0].index, found)


def _dateline_place(page: _Page) -> Candidate[str] | None:
    if page.dateline is None:
        return None
    index, dateline = page.dateline
    return Candidate(dateline.place, Source.BLOCK, f"block {index} (dateline)", index)


def _agency_in_credits(page: _Page) -> Candidate[str] | None:
    for index, credit in page.credit_lines:
        if credit.agency is not None:
            return Candidate(credit.agency.name, Source.BLOCK, f"block {index} (credit line)", index)
    return None


def _agency_in_dateline(page: _Page) -> Candidate[str] | None:
    if page.dateline is None or page.dateline[1].agency is None:
        return None
    index, dateline = page.dateline
    agency = dateline.agency
    return Candidate(agency.name, Source.BLOCK, f"block {index} (dateline)", index) if agency else None


def _agency_in_metadata(page: _Page) -> Candidate[str] | None:
    """A wire service named as the author, in structured data or `<meta>`."""
    for candidate in page.meta.authors:
        for raw in candidate.value:
            named = agency_named(raw)
            if named is not None:
                return Candidate(named.name, candidate.source, candidate.evidence)
    for organisation in page.meta.organisations:
        named = agency_named(organisation.value)
        if named is not None and "author" in organisation.evidence:
            return Candidate(named.name, organisation.source, organisation.evidence)
    return None


def _agency_in_closing(page: _Page) -> Candidate[str] | None:
    """A closing credit on the last body line ('— AP', '(With inputs from PTI)')."""
    content = page.content()
    if not content:
        return None
    last = content[-1]
    named = closing_credit(last.text)
    return Candidate(named.name, Source.BLOCK, f"block {last.index} (closing credit)", last.index) if named else None


# ---- dates --------------------------------------------------------------------------------


def _machine_date(candidates: Sequence[Candidate[str]], page: _Page) -> Candidate[DayOrTime] | None:
    for candidate in candidates:
        value = parse_machine_date(candidate.value, page.options.reference_date)
        if value is not None:
            return Candidate(value, candidate.source, candidate.evidence)
    return None


def _published_in_metadata(page: _Page) -> Candidate[DayOrTime] | None:
    return _machine_date(page.meta.published, page)


def _updated_in_metadata(page: _Page) -> Candidate[DayOrTime] | None:
    return _machine_date(page.meta.updated, page)


def _credit_date(page: _Page, *, updated: bool) -> Candidate[DayOrTime] | None:
    """A date on a credit line: its `<time datetime>` when it has one, else the printed date."""
    for index, credit in page.credit_lines:
        if credit.date is None or (credit.date_role == "updated") != updated:
            continue
        for stamp in page.split.blocks[index].datetimes:
            value = parse_machine_date(stamp, page.options.reference_date)
            if value is not None:
                return Candidate(value, Source.TIME_ELEMENT, f"block {index} time[datetime]", index)
        return Candidate(credit.date, Source.BLOCK, f"block {index} (credit line)", index)
    return None


def _published_in_credits(page: _Page) -> Candidate[DayOrTime] | None:
    return _credit_date(page, updated=False)


def _updated_in_credits(page: _Page) -> Candidate[DayOrTime] | None:
    return _credit_date(page, updated=True)


def _published_in_url(page: _Page) -> Candidate[DayOrTime] | None:
    day = date_in_url(page.url, page.options.reference_date) if page.url else None
    return Candidate(day, Source.URL, "url path") if day is not None else None


# ---- language, image, address -------------------------------------------------------------


def _language(page: _Page) -> Candidate[str] | None:
    for candidate in page.meta.languages:
        tag = normalise_language(candidate.value)
        if tag:
            return Candidate(tag, candidate.source, candidate.evidence)
    detected = detect_language(" ".join(block.text for block in page.content()))
    return Candidate(detected, Source.DETECTED, "stop words of the body text") if detected else None


def _image(page: _Page) -> Candidate[str] | None:
    for candidate in page.meta.images:
        if candidate.value and not candidate.value.startswith("data:"):
            address = urljoin(page.url, candidate.value) if page.url else candidate.value
            return Candidate(address, candidate.source, candidate.evidence)
    return None


def _url(page: _Page) -> Candidate[str] | None:
    if page.url:
        return Candidate(page.url, Source.CALLER, "the url argument")
    return next((c for c in page.meta.urls if c.value.startswith(("http://", "https://"))), None)


__all__ = ["Claim", "Fields", "find_fields"]

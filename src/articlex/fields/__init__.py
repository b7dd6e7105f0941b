"""Stage 4, fields: the article's headline, credits, dates and other fields, each with its provenance.

`find_fields` runs the finders in order — site name, headline, credit lines, authors, agency,
dates, language, image, address — each taking the most trusted source that has a value.
Visible blocks it claims (the headline, credit lines) are relabelled so the body leaves
them out and the decisions say what they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin

from articlex.blocks import SplitPage
from articlex.candidate import Candidate
from articlex.classify import Decision
from articlex.fields.agency import agencies_in, agency_named, closing_credit, find_dateline
from articlex.fields.byline import Credit, looks_like_name, read_credit, split_names
from articlex.fields.dates import DayOrTime, find_visible_date, parse_machine_date
from articlex.fields.headline import find_headline, find_line_headline
from articlex.fields.language import detect_language, month_first_for, normalise_language
from articlex.fields.url_date import date_in_url
from articlex.metadata import Metadata
from articlex.model import Label, Reason, Source
from articlex.options import Options
from articlex.textnorm import comparable

CREDIT_ZONE_BEFORE = 3
"""Credit lines are searched from this many blocks above the headline…"""
CREDIT_ZONE_AFTER_BODY_START = 2
"""…down to this many blocks into the body."""
CREDIT_ZONE_MAX_BLOCKS = 25


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
class _Credits:
    """Credit lines found near the headline, in page order."""

    lines: list[tuple[int, Credit]] = field(default_factory=list)


def find_fields(
    page: SplitPage, meta: Metadata, decisions: Sequence[Decision], url: str | None, options: Options
) -> Fields:
    """Find every field of the article."""
    blocks = page.blocks
    content = [d.block for d in decisions if d.label is Label.CONTENT]
    body_start = content[0].index if content else None
    site_name = _first(meta.site_names)
    if page.kind == "html":
        anchor = max(content, key=lambda block: len(block.text)).index if content else None
        headline = find_headline(blocks, meta, anchor, site_name.value if site_name else None)
    else:
        headline = find_line_headline(blocks, body_start)
    claims: dict[int, Claim] = {}
    if headline is not None and headline.block is not None:
        claims[headline.block] = Claim(Label.HEADLINE, Reason.HEADLINE_MATCH, headline.evidence)
    language = _language(meta, decisions)
    month_first = month_first_for(language.value if language else None)
    content_indexes = frozenset(block.index for block in content)
    credits = _credit_lines(page, headline, body_start, content_indexes, month_first, options.reference_date)
    for index, credit in credits:
        claims[index] = Claim(Label.CREDIT, Reason.CREDIT_LINE, _credit_detail(credit))
    first_paragraph = _first_unclaimed(decisions, claims)
    dateline = find_dateline(first_paragraph[1]) if first_paragraph else None
    authors = _authors(meta, credits)
    return Fields(
        headline=headline,
        byline=_byline(credits),
        authors=authors,
        agency=_agency(meta, credits, dateline, first_paragraph, decisions, claims),
        dateline=(
            Candidate(dateline.place, Source.BLOCK, f"block {first_paragraph[0]} (dateline)", first_paragraph[0])
            if dateline and first_paragraph
            else None
        ),
        published=_published(meta, credits, page, url, options.reference_date),
        updated=_updated(meta, credits, options.reference_date),
        site_name=site_name,
        language=language,
        image=_image(meta, url),
        url=_url(meta, url),
        claims=claims,
    )


def _first(candidates: Sequence[Candidate[str]]) -> Candidate[str] | None:
    return next((c for c in candidates if c.value), None)


# ---- credit lines -------------------------------------------------------------------------


def _credit_lines(
    page: SplitPage,
    headline: Candidate[str] | None,
    body_start: int | None,
    content: frozenset[int],
    month_first: bool,
    reference: dt.date | None,
) -> list[tuple[int, Credit]]:
    """Credit lines around the headline and the start of the body."""
    anchor = headline.block if headline is not None and headline.block is not None else body_start
    if anchor is None:
        return []
    body_start = next((i for i in range(anchor + 1, len(page.blocks)) if i in content), body_start)
    start = max(0, anchor - CREDIT_ZONE_BEFORE)
    end = (body_start if body_start is not None and body_start > anchor else anchor) + CREDIT_ZONE_AFTER_BODY_START
    end = min(end + 1, start + CREDIT_ZONE_MAX_BLOCKS, len(page.blocks))
    found = []
    for block in page.blocks[start:end]:
        if headline is not None and block.index == headline.block:
            continue
        credit = read_credit(block.text, month_first=month_first, reference=reference)
        if credit is not None:
            found.append((block.index, credit))
    return found


def _credit_detail(credit: Credit) -> str:
    parts = []
    if credit.authors:
        parts.append("authors " + ", ".join(credit.authors))
    if credit.agency:
        parts.append(f"agency {credit.agency.name}")
    if credit.date:
        parts.append(f"date {credit.date.isoformat()}")
    return "; ".join(parts) or "credit line"


def _byline(credits: _CreditList) -> Candidate[str] | None:
    for index, credit in credits:
        if credit.authors or credit.agency:
            return Candidate(credit.text, Source.BLOCK, f"block {index}", index)
    return None


_CreditList = list[tuple[int, Credit]]


def _authors(meta: Metadata, credits: _CreditList) -> Candidate[tuple[str, ...]] | None:
    for candidate in meta.authors:
        names = tuple(dict.fromkeys(name for raw in candidate.value for name in _clean_names(raw)))
        if names:
            return Candidate(names, candidate.source, candidate.evidence, candidate.block)
    for index, credit in credits:
        if credit.authors:
            return Candidate(credit.authors, Source.BLOCK, f"block {index}", index)
    return None


def _clean_names(raw: str) -> list[str]:
    """Names from a metadata author value; an agency or organisation is not a person."""
    if agency_named(raw) is not None:
        return []
    names = split_names(raw)
    if not names and looks_like_name(raw.strip()):
        names = [raw.strip()]
    return names


# ---- agency -------------------------------------------------------------------------------


def _agency(
    meta: Metadata,
    credits: _CreditList,
    dateline: object,
    first_paragraph: tuple[int, str] | None,
    decisions: Sequence[Decision],
    claims: dict[int, Claim],
) -> Candidate[str] | None:
    for index, credit in credits:
        if credit.agency is not None:
            return Candidate(credit.agency.name, Source.BLOCK, f"block {index} (credit line)", index)
    agency = getattr(dateline, "agency", None)
    if agency is not None and first_paragraph is not None:
        return Candidate(agency.name, Source.BLOCK, f"block {first_paragraph[0]} (dateline)", first_paragraph[0])
    for candidate in meta.authors:
        for raw in candidate.value:
            named = agency_named(raw)
            if named is not None:
                return Candidate(named.name, candidate.source, candidate.evidence)
    for organisation in meta.organisations:
        named = agency_named(organisation.value)
        if named is not None and "author" in organisation.evidence:
            return Candidate(named.name, organisation.source, organisation.evidence)
    last = _last_content(decisions, claims)
    if last is not None:
        named = closing_credit(last[1])
        if named is not None:
            return Candidate(named.name, Source.BLOCK, f"block {last[0]} (closing credit)", last[0])
    for organisation in meta.organisations:
        named = agency_named(organisation.value)
        if named is not None:
            return Candidate(named.name, organisation.source, organisation.evidence)
    return None


def _first_unclaimed(decisions: Sequence[Decision], claims: dict[int, Claim]) -> tuple[int, str] | None:
    for decision in decisions:
        if decision.label is Label.CONTENT and decision.block.index not in claims:
            return decision.block.index, decision.block.text
    return None


def _last_content(decisions: Sequence[Decision], claims: dict[int, Claim]) -> tuple[int, str] | None:
    for decision in reversed(decisions):
        if decision.label is Label.CONTENT and decision.block.index not in claims:
            return decision.block.index, decision.block.text
    return None


# ---- dates --------------------------------------------------------------------------------


def _published(
    meta: Metadata, credits: _CreditList, page: SplitPage, url: str | None, reference: dt.date | None
) -> Candidate[DayOrTime] | None:
    for candidate in meta.published:
        value = parse_machine_date(candidate.value, reference)
        if value is not None:
            return Candidate(value, candidate.source, candidate.evidence)
    for index, credit in credits:
        if credit.date is not None and credit.date_role != "updated":
            return Candidate(credit.date, Source.BLOCK, f"block {index} (credit line)", index)
    for index, credit in credits:
        for stamp in page.blocks[index].datetimes:
            value = parse_machine_date(stamp, reference)
            if value is not None:
                return Candidate(value, Source.TIME_ELEMENT, f"block {index} time[datetime]", index)
    if url:
        day = date_in_url(url, reference)
        if day is not None:
            return Candidate(day, Source.URL, "url path")
    return None


def _updated(meta: Metadata, credits: _CreditList, reference: dt.date | None) -> Candidate[DayOrTime] | None:
    for candidate in meta.updated:
        value = parse_machine_date(candidate.value, reference)
        if value is not None:
            return Candidate(value, candidate.source, candidate.evidence)
    for index, credit in credits:
        if credit.date is not None and credit.date_role == "updated":
            return Candidate(credit.date, Source.BLOCK, f"block {index} (credit line)", index)
    return None


# ---- language, image, address -------------------------------------------------------------


def _language(meta: Metadata, decisions: Sequence[Decision]) -> Candidate[str] | None:
    for candidate in meta.languages:
        tag = normalise_language(candidate.value)
        if tag:
            return Candidate(tag, candidate.source, candidate.evidence)
    body = " ".join(d.block.text for d in decisions if d.label is Label.CONTENT)
    detected = detect_language(body)
    if detected is not None:
        return Candidate(detected, Source.DETECTED, "stop words of the body text")
    return None


def _image(meta: Metadata, url: str | None) -> Candidate[str] | None:
    for candidate in meta.images:
        if candidate.value and not candidate.value.startswith("data:"):
            address = urljoin(url, candidate.value) if url else candidate.value
            return Candidate(address, candidate.source, candidate.evidence)
    return None


def _url(meta: Metadata, url: str | None) -> Candidate[str] | None:
    if url:
        return Candidate(url, Source.CALLER, "the url argument")
    for candidate in meta.urls:
        if candidate.value.startswith(("http://", "https://")):
            return candidate
    return None


def same_text(first: str, second: str) -> bool:
    """True when two texts read the same after folding case, quotes, dashes and spaces."""
    return comparable(first) == comparable(second)


__all__ = ["Claim", "Fields", "agencies_in", "find_fields", "find_visible_date", "same_text"]

"""Stage 4, fields: the article's headline, credits, dates and other fields, each with its provenance.

`find_fields` runs the finders in order — site name, headline, language, credit lines,
authors, agency, dates, image, address. Each finder tries its sources from the most trusted
down and keeps the first value found, with where it was found. Visible blocks the finders
claim (the headline, credit and date lines) are relabelled, so the body leaves them out and
the decisions say what they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin

from articlex.candidate import Candidate
from articlex.classify import Decision
from articlex.date_text import DayOrTime, numeric_order
from articlex.fields.agency import find_agency
from articlex.fields.authors import find_authors
from articlex.fields.byline import byline, dateline_place, find_credits
from articlex.fields.dates import find_dates
from articlex.fields.headline import find_headline, find_line_headline
from articlex.fields.language import detect_language, month_first_for, normalise_language
from articlex.fields.page_view import Claim, FieldPage
from articlex.fields.site_titles import Site
from articlex.html.metadata import Metadata
from articlex.model import BlockKind, Label, Reason, Source
from articlex.options import Options
from articlex.stages import Block, SplitPage

NAVIGATION = "navigation"
NUMERIC_DATE_SAMPLE_CHARS = 200
"""Dates that settle day-first or month-first are read from short blocks (date lines, teasers), not prose."""


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


def find_fields(
    split: SplitPage, meta: Metadata, decisions: Sequence[Decision], url: str | None, options: Options
) -> Fields:
    """Find every field of the article."""
    page = FieldPage(split, meta, decisions, url, options)
    site_name = _first(meta.site_names)
    headline = _headline(page)
    if headline is not None and headline.block is not None:
        page.claims[headline.block] = Claim(Label.HEADLINE, Reason.HEADLINE_MATCH, headline.evidence)
    language = _language(page)
    page.settle(
        headline.block if headline is not None else None,
        month_first=_month_first(page, language),
    )
    credit_lines = find_credits(page)
    published, updated = find_dates(page, credit_lines)
    return Fields(
        headline=headline,
        byline=byline(credit_lines),
        authors=find_authors(page, credit_lines),
        agency=find_agency(page, credit_lines),
        dateline=dateline_place(credit_lines),
        published=published,
        updated=updated,
        site_name=site_name,
        language=language,
        image=_image(page),
        url=_url(page),
        claims=page.claims,
    )


def _month_first(page: FieldPage, language: Candidate[str] | None) -> bool:
    """How the page writes numeric dates: as its other dates show, else as its language does."""
    shown = numeric_order(block.text for block in page.blocks if len(block.text) <= NUMERIC_DATE_SAMPLE_CHARS)
    return shown if shown is not None else month_first_for(language.value if language else None)


def _first(candidates: Sequence[Candidate[str]]) -> Candidate[str] | None:
    return next((c for c in candidates if c.value), None)


def _headline(page: FieldPage) -> Candidate[str] | None:
    content = page.content()
    if page.split.kind != "html":
        return find_line_headline(page.split.blocks, content[0].index if content else None)
    anchor = max(content, key=lambda block: len(block.text)).index if content else None
    navigation = frozenset(container.id for container in page.split.containers if NAVIGATION in container.families)

    def listed(block: Block) -> bool:
        return block.kind is BlockKind.LIST_ITEM and not navigation.isdisjoint(block.ancestors)

    body = frozenset(block.index for block in content)
    return find_headline(page.split.blocks, page.meta, anchor, Site.of(page.meta, page.url), listed, body=body)


# ---- language, image, address -------------------------------------------------------------


def _language(page: FieldPage) -> Candidate[str] | None:
    for candidate in page.meta.languages:
        tag = normalise_language(candidate.value)
        if tag:
            return Candidate(tag, candidate.source, candidate.evidence)
    detected = detect_language(" ".join(block.text for block in page.content()))
    return Candidate(detected, Source.DETECTED, "stop words of the body text") if detected else None


def _image(page: FieldPage) -> Candidate[str] | None:
    for candidate in page.meta.images:
        if candidate.value and not candidate.value.startswith("data:"):
            address = urljoin(page.url, candidate.value) if page.url else candidate.value
            return Candidate(address, candidate.source, candidate.evidence)
    return None


def _url(page: FieldPage) -> Candidate[str] | None:
    if page.url:
        return Candidate(page.url, Source.CALLER, "the url argument")
    return next((c for c in page.meta.urls if c.value.startswith(("http://", "https://"))), None)


__all__ = ["Claim", "Fields", "find_fields"]

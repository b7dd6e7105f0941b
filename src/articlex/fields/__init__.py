"""Stage 4, fields: the article's headline, credits, dates and other fields, each with its provenance.

Each finder is a function from the (immutable) page view to what it finds: a value with its
provenance, and the visible blocks it claims (the headline, credit lines, date lines), which
the body then leaves out and the decisions name. Each finder tries its sources from the most
trusted down and keeps the first value found. `find_fields` calls them and merges what they
claim; the order is written once, there, with the reason wherever one finder reads another's
result.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urljoin

from articlex.date_text import numeric_order
from articlex.fields.agency import find_agencies
from articlex.fields.authors import find_authors
from articlex.fields.byline import byline, dateline_place, find_credits
from articlex.fields.comments import find_comments
from articlex.fields.dates import find_dates
from articlex.fields.head_metadata import find_categories, find_description, find_tags
from articlex.fields.headline import find_headline, find_line_headline
from articlex.fields.language import SAMPLE_CHARS, detect_language, month_first_for, normalise_language
from articlex.fields.lead_image import names_no_photograph
from articlex.fields.page_view import PageView, view_page
from articlex.fields.site_titles import Site, site_name_in_metadata, site_name_in_titles
from articlex.hint_families import HintFamily
from articlex.html.metadata import Metadata
from articlex.model import BlockKind, Label, Reason, Source
from articlex.options import Options
from articlex.stages import Block, Candidate, Claim, Claims, Decision, Fields, SplitPage

NUMERIC_DATE_SAMPLE_CHARS = 200
"""Dates that settle day-first or month-first are read from short blocks (date lines, teasers), not prose."""


def find_fields(
    split: SplitPage, meta: Metadata, decisions: Sequence[Decision], url: str | None, options: Options
) -> Fields:
    """Find every field of the article, and the blocks that are fields rather than body."""
    # 1. The headline first: every later search looks near it, and it is not body text.
    unanchored = PageView(split, meta, decisions, url, options)  # no anchor yet: the headline and language need none
    site = Site.of(meta, url)
    headline = _headline(unanchored, site)
    claims: Claims = {}
    if headline is not None and headline.block is not None:
        claims[headline.block] = Claim(Label.HEADLINE, Reason.HEADLINE_MATCH, headline.evidence)
    # 2. The language reads the body without the headline; it tells how numeric dates read.
    language = _language(unanchored.claiming(claims))
    page = view_page(
        split,
        meta,
        decisions,
        url,
        options,
        headline_block=headline.block if headline is not None else None,
        month_first=_month_first(unanchored, language),
    )
    # 3. Credit lines near the headline and at the body's end; 4. dates, which read the credit
    #    lines' dates and claim date lines of their own; 5. authors and agency, which read the
    #    credit lines and (the agency's closing credit) the body left after 3 and 4.
    credit_lines, credit_claims = find_credits(page, headline.value if headline is not None else None)
    claims.update(credit_claims)
    page = page.claiming(credit_claims)
    published, updated, date_claims = find_dates(page, credit_lines)
    claims.update(date_claims)
    page = page.claiming(date_claims)
    agency, agencies = find_agencies(page, credit_lines)
    authors, author_line = find_authors(page, credit_lines)
    claims.update(author_line)  # a byline of author elements that no credit line claimed
    return Fields(
        headline=headline,
        byline=byline(credit_lines, page.anchor),
        authors=authors,
        agency=agency,
        agencies=agencies,
        dateline=dateline_place(credit_lines),
        published=published,
        updated=updated,
        site_name=site_name_in_metadata(meta) or site_name_in_titles(meta, site),
        language=language,
        image=_image(page),
        url=_url(page),
        description=find_description(meta),
        tags=find_tags(meta),
        categories=find_categories(meta),
        comments=find_comments(page, claims) if options.include_comments else (),
        structured_body=meta.article_body,
        claims=claims,
    )


def _month_first(page: PageView, language: Candidate[str] | None) -> bool:
    """How the page writes numeric dates: as its other dates show, else as its language does."""
    shown = numeric_order(block.text for block in page.blocks if len(block.text) <= NUMERIC_DATE_SAMPLE_CHARS)
    return shown if shown is not None else month_first_for(language.value if language else None)


def _headline(page: PageView, site: Site) -> Candidate[str] | None:
    content = page.content()
    if page.split.kind != "html":
        return find_line_headline(page.split.blocks, content[0].index if content else None)
    anchor = max(content, key=lambda block: len(block.text)).index if content else None
    navigation = frozenset(
        container.id for container in page.split.containers if HintFamily.NAVIGATION in container.families
    )

    def listed(block: Block) -> bool:
        return block.kind is BlockKind.LIST_ITEM and not navigation.isdisjoint(block.ancestors)

    body = frozenset(block.index for block in content)
    return find_headline(page.split.blocks, page.meta, anchor, site, listed, body=body)


# ---- language, image, address -------------------------------------------------------------


def _language(page: PageView) -> Candidate[str] | None:
    """The declared language, else the one the body's script and stop words show.

    'en' is what templates and site builders declare until someone changes it: a page declaring it
    whose body reads clearly in another language ('Die Arbeiten beginnen im Frühjahr …') is in that
    language. Other declared languages are believed (detection confuses Bulgarian with Russian,
    Persian with Arabic).
    """
    declared = _declared_language(page)
    if declared is not None and declared.value.split("-")[0] != "en":
        return declared
    detected = detect_language(_body_sample(page))
    if detected is None or (declared is not None and detected == "en"):
        return declared
    evidence = "stop words of the body text" + (f" (the page declares '{declared.value}')" if declared else "")
    return Candidate(detected, Source.DETECTED, evidence)


def _body_sample(page: PageView) -> str:
    """The body's text as far as the language guess reads it (`SAMPLE_CHARS`), not the whole body joined."""
    texts: list[str] = []
    length = 0
    for block in page.content():
        texts.append(block.text)
        length += len(block.text) + 1
        if length >= SAMPLE_CHARS:
            break
    return " ".join(texts)


def _declared_language(page: PageView) -> Candidate[str] | None:
    for candidate in page.meta.languages:
        tag = normalise_language(candidate.value)
        if tag:
            return Candidate(tag, candidate.source, candidate.evidence)
    return None


def _image(page: PageView) -> Candidate[str] | None:
    """The first image metadata names that is no logo, icon or placeholder (else the body may give one)."""
    for candidate in page.meta.images:
        if candidate.value and not candidate.value.startswith("data:"):
            address = urljoin(page.url, candidate.value) if page.url else candidate.value
            if not names_no_photograph(address):
                return Candidate(address, candidate.source, candidate.evidence)
    return None


def _url(page: PageView) -> Candidate[str] | None:
    if page.url:
        return Candidate(page.url, Source.CALLER, "the url argument")
    return next((c for c in page.meta.urls if c.value.startswith(("http://", "https://"))), None)


__all__ = ["find_fields"]

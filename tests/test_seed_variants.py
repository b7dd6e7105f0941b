"""Metamorphic tests: edits of the seed page that leave its article alone must not change the Article.

Each variant of the seed (see `seed_variants.py`) is extracted both as the plain-text copy and
as HTML. The body must stay the seed's 19 paragraphs and the headline the seed's; the agency,
authors and dates must be those of the variant's credit line.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import example, given, settings

import articlex
from seed_variants import (
    CREDITS,
    HEADLINE,
    HEADLINE_WORDS,
    PARAGRAPHS,
    SEED,
    SEED_HTML,
    SEED_TEXT,
    Commented,
    Credit,
    FooterRow,
    Rate,
    SeedPage,
    footers,
    headlines,
    sidebars,
    story_link,
    tickers,
    top_stories,
    variants,
)

KINDS = ["text", "html"]
VARIANTS = settings(max_examples=min(25, settings.default.max_examples))
"""At most 25 examples per property; the `ci` profile lowers it further."""


def _check_visible_text() -> ModuleType:
    """`fixtures/check_visible_text.py`, which renders HTML to text without articlex."""
    path = Path(__file__).resolve().parent.parent / "fixtures" / "check_visible_text.py"
    spec = importlib.util.spec_from_file_location("check_visible_text", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_visible_text", module)
    spec.loader.exec_module(module)
    return module


VISIBLE = _check_visible_text()


def _kind_of(date: object) -> str:
    return type(date).__name__


def assert_same_article(page: SeedPage, kind: str) -> None:
    """Extract the variant and compare body, headline, agency, authors and dates with what it should give."""
    article = articlex.extract(page.render(kind))
    credit = page.credit
    problems = []
    if article.paragraphs != PARAGRAPHS:
        got = article.paragraphs
        first = next(
            (i for i, (a, b) in enumerate(zip(PARAGRAPHS, got, strict=False)) if a != b), min(len(got), len(PARAGRAPHS))
        )
        problems.append(
            f"body: {len(got)} paragraphs (expected {len(PARAGRAPHS)}); first difference at index {first}:\n"
            f"  expected: {PARAGRAPHS[first] if first < len(PARAGRAPHS) else '<none>'!r}\n"
            f"  got:      {got[first] if first < len(got) else '<none>'!r}"
        )
    if article.headline != HEADLINE:
        problems.append(f"headline: expected {HEADLINE!r}, got {article.headline!r}")
    if article.agency != credit.agency:
        problems.append(f"agency: expected {credit.agency!r}, got {article.agency!r}")
    if article.authors != credit.authors:
        problems.append(f"authors: expected {credit.authors!r}, got {article.authors!r}")
    for name, want in (("published", credit.published), ("updated", credit.updated)):
        got_date = getattr(article, name)
        # A date and a datetime never compare equal, so a day read as midnight is caught here.
        if got_date != want:
            problems.append(f"{name}: expected {want!r} ({_kind_of(want)}), got {got_date!r} ({_kind_of(got_date)})")
    if problems:
        pytest.fail(f"{kind} variant with credit line {credit.text!r}:\n" + "\n".join(problems))


# --------------------------------------------------------------------------- the generator itself


def test_seed_model_renders_the_seed_text_exactly() -> None:
    """The unedited model renders page.txt byte for byte, so a variant differs only by its edit."""
    assert SEED.text() == SEED_TEXT


def test_seed_model_renders_the_seed_html_exactly() -> None:
    """The unedited model renders page.html byte for byte, so a variant differs only by its edit."""
    assert SEED.html() == SEED_HTML


def test_seed_body_is_the_nineteen_paragraphs() -> None:
    """The body every variant must give is the seed's 19 paragraphs, from 'Russian President' to 'Ukraine.'."""
    assert len(PARAGRAPHS) == 19
    assert PARAGRAPHS[0].startswith("Russian President Vladimir Putin was set to make his first visit")
    assert PARAGRAPHS[-1].endswith("while Russia has been facing a labor shortage amid its war with Ukraine.")


@given(headlines)
def test_generated_headlines_are_headline_shaped(title: str) -> None:
    """A generated story title has 6 to 14 words and no list marker."""
    assert HEADLINE_WORDS[0] <= len(title.split()) <= HEADLINE_WORDS[1]
    assert "»" not in title
    assert "•" not in title


@VARIANTS
@given(variants())
def test_html_variant_shows_the_text_variant(page: SeedPage) -> None:
    """The HTML of a variant renders to the lines of its text copy, as page.html does for page.txt."""
    rendered = VISIBLE.normalize_lines(VISIBLE.render(page.html()))
    assert rendered == VISIBLE.normalize_lines(page.text())


def test_credit_markup_wraps_only_the_agency() -> None:
    """In HTML the agency of a credit line sits in its `<span class="agency">`, the rest is plain text."""
    credit = next(c for c in CREDITS if c.text.startswith("By Asha Rao & Vikram Mehta"))
    assert credit.html() == 'By Asha Rao &amp; Vikram Mehta | <span class="agency">AFP</span> | 18 Jun, 2024'


# --------------------------------------------------------------------------- ticker


@pytest.mark.parametrize("kind", KINDS)
@VARIANTS
@given(ticker=tickers)
@example(ticker=())
@example(ticker=tuple(reversed(SEED.ticker)))
@example(ticker=(*SEED.ticker, story_link("RBI keeps repo rate unchanged at 6.5% for eighth time")))
def test_ticker_edits_keep_the_article(kind: str, ticker: tuple) -> None:
    """Adding, removing or shuffling "Just in:" ticker items changes nothing in the Article."""
    assert_same_article(replace(SEED, ticker=ticker), kind)


# --------------------------------------------------------------------------- Top Stories


TEN_OTHER_HEADLINES = (
    "Kaveri Motors to invest Rs 2,300 crore in electric two-wheelers: Report",
    "RBI cuts lending rates for MSME loans amid weak demand",
    "Textile exporters seek lower interest rates on export credit",
    "GST Council unveils new scheme for small exporters this fiscal",
    "Deccan Coal Works eyes 20% growth in renewable energy parks by 2030",
    "Women entrepreneurs raise $120 mn for food processing units",
    "Karnataka government signs pact to boost semiconductor units",
    "Fintech lenders flag rising costs of digital payments: Survey",
    "Nilgiri Infotech warns of slowdown in green hydrogen projects",
    "Commerce Ministry launches credit guarantee for cold storage chains",
)


@pytest.mark.parametrize("kind", KINDS)
@VARIANTS
@given(stories=top_stories)
@example(stories=())
@example(stories=tuple(reversed(SEED.top_stories)))
@example(stories=tuple(story_link(title) for title in TEN_OTHER_HEADLINES))
@example(stories=(*SEED.top_stories, *(story_link(title) for title in TEN_OTHER_HEADLINES[:8])))
@example(stories=(story_link(TEN_OTHER_HEADLINES[0]), *SEED.top_stories, story_link(TEN_OTHER_HEADLINES[1])))
def test_top_stories_edits_keep_the_article(kind: str, stories: tuple) -> None:
    """Adding, removing or shuffling "» " Top Stories items between headline and credit changes nothing."""
    assert_same_article(replace(SEED, top_stories=stories), kind)


# --------------------------------------------------------------------------- footer and sidebar


@pytest.mark.parametrize("kind", KINDS)
@VARIANTS
@given(footer=footers())
@example(footer=())
def test_footer_edits_keep_the_article(kind: str, footer: tuple[FooterRow, ...]) -> None:
    """Adding or removing footer links changes nothing in the Article."""
    assert_same_article(replace(SEED, footer=footer), kind)


@pytest.mark.parametrize("kind", KINDS)
@VARIANTS
@given(sidebar=sidebars())
@example(sidebar=((), ()))
@example(
    sidebar=(
        (*SEED.rates, Rate("Euro", "89.10", "86.05")),
        (*SEED.commented, Commented(story_link(TEN_OTHER_HEADLINES[2]), 3)),
    )
)
def test_sidebar_edits_keep_the_article(kind: str, sidebar: tuple[tuple[Rate, ...], tuple[Commented, ...]]) -> None:
    """Adding or removing exchange-rate rows and "Commented Stories" items changes nothing in the Article."""
    rate_rows, commented = sidebar
    assert_same_article(replace(SEED, rates=rate_rows, commented=commented), kind)


# --------------------------------------------------------------------------- credit line


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("credit", CREDITS, ids=[credit.text for credit in CREDITS])
def test_credit_line_gives_its_fields(kind: str, credit: Credit) -> None:
    """A rewritten credit line gives its own agency, authors and date, and the body stays the same."""
    assert_same_article(replace(SEED, credit=credit), kind)


# --------------------------------------------------------------------------- everything at once


@pytest.mark.parametrize("kind", KINDS)
@VARIANTS
@given(page=variants(credit_lines=(SEED.credit,)))
def test_all_boilerplate_edits_together_keep_the_article(kind: str, page: SeedPage) -> None:
    """Ticker, Top Stories, sidebar and footer edited at once, with the seed's credit line, still give the seed's article."""
    assert_same_article(page, kind)


@pytest.mark.parametrize("kind", KINDS)
@VARIANTS
@given(page=variants())
def test_all_edits_together_keep_the_article(kind: str, page: SeedPage) -> None:
    """Ticker, Top Stories, sidebar, footer and credit line edited at once still give the seed's article."""
    assert_same_article(page, kind)

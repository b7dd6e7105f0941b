"""Golden fixtures: each `fixtures/<case>/page.*` gives the Article pinned in its `expected.json`.

The generic tests run over every case folder and page (see `conftest.py`); the seed tests say,
in the seed's own words, what the issue asks of `smetimes-putin-north-korea`, for both the text
copy and the HTML. `fixtures/regenerate.py` writes `expected.json` for review.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path
from typing import Any

import pytest

import articlex
from articlex import Article
from articlex.model import Label, Provenance, Source

EXPECTED_NAME = "expected.json"
NOT_PINNED = frozenset({"text", "body", "decisions", "diagnostics"})
# `body` is made of the same content blocks as the pinned `paragraphs` (tests/test_body_document.py checks it).
PINNED_FIELDS = tuple(name for name in Article.model_fields if name not in NOT_PINNED)
"""headline, byline, authors, agency, dateline, published, updated, paragraphs, site_name, language, image, url,
provenance."""
VALUE_FIELDS = tuple(name for name in PINNED_FIELDS if name != "provenance")
"""The pinned fields that are values of the article: all but provenance."""
PINNED_PROVENANCE = ("source", "block")
"""What `expected.json` pins of each field's provenance: where the value was read, not the free-text `evidence`,
so a change in its wording fails nothing while no field changes."""


def extract_page(page: Path) -> Article:
    """Extract a fixture page as `fixtures/regenerate.py` does: from the file's bytes, with no URL."""
    return articlex.extract(page.read_bytes())


_ARTICLES: dict[Path, Article] = {}


def article_of(page: Path) -> Article:
    """The Article of a fixture page, extracted once per test session."""
    if page not in _ARTICLES:
        _ARTICLES[page] = extract_page(page)
    return _ARTICLES[page]


def expected_object(case: Path) -> dict[str, dict[str, Any]]:
    """The parsed `expected.json` of a case."""
    path = case / EXPECTED_NAME
    assert path.is_file(), f"{case.name} has no {EXPECTED_NAME}; run fixtures/regenerate.py {case.name} and review it"
    with path.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = json.load(handle)
    return data


def expected_article(page: Path) -> tuple[dict[str, Any], Article]:
    """The expected entry of a page, as written and as an `Article` of its value fields (provenance left out)."""
    entries = expected_object(page.parent)
    assert page.name in entries, f"{page.parent.name}/{EXPECTED_NAME} has no entry for {page.name}"
    entry = entries[page.name]
    return entry, Article.model_validate({name: value for name, value in entry.items() if name != "provenance"})


def pinned_provenance(provenance: dict[str, Provenance]) -> dict[str, dict[str, Any]]:
    """The pinned part of an Article's provenance, as JSON values: each field's source and block."""
    return {
        field: origin.model_dump(mode="json", include=set(PINNED_PROVENANCE)) for field, origin in provenance.items()
    }


def _clip(line: str, width: int = 140) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def paragraphs_message(expected: tuple[str, ...], got: tuple[str, ...]) -> str:
    """Which paragraph differs first, expected against got, and a short unified diff of the lists."""
    first = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), None)
    lines = [f"paragraphs differ: expected {len(expected)}, got {len(got)}"]
    if first is None:
        first = min(len(expected), len(got))
        lines.append(f"the first {first} agree; then only one side goes on")
    lines += [
        f"first difference at index {first}:",
        f"  expected: {expected[first] if first < len(expected) else '<no paragraph>'!r}",
        f"  got:      {got[first] if first < len(got) else '<no paragraph>'!r}",
    ]
    diff = [
        _clip(line) for line in difflib.unified_diff(list(expected), list(got), "expected", "got", lineterm="", n=1)
    ]
    shown = 30
    lines += ["diff (long lines clipped):", *diff[:shown]]
    if len(diff) > shown:
        lines.append(f"... {len(diff) - shown} more diff lines")
    return "\n".join(lines)


def value_message(field: str, expected: object, got: object) -> str:
    """Expected against got, with types, since a `date` and a midnight `datetime` print alike in JSON."""
    return (
        f"{field} differs:\n  expected: {expected!r} ({type(expected).__name__})\n"
        f"  got:      {got!r} ({type(got).__name__})"
    )


# --------------------------------------------------------------------------- expected.json itself


def test_every_page_has_an_expected_entry(case_dir: Path) -> None:
    """expected.json has exactly one entry per page.* file of its case."""
    pages = sorted(page.name for page in case_dir.glob("page.*"))
    assert sorted(expected_object(case_dir)) == pages


def test_expected_entry_pins_exactly_the_value_fields(case_page: Path) -> None:
    """An expected entry holds the Article's value fields and provenance, not text, decisions or diagnostics."""
    entry, _ = expected_article(case_page)
    assert sorted(entry) == sorted(PINNED_FIELDS)


def test_expected_entry_is_a_valid_article(case_page: Path) -> None:
    """An expected entry's values validate as an `Article` and read back to the same JSON."""
    entry, article = expected_article(case_page)
    values = {name: value for name, value in entry.items() if name != "provenance"}
    assert article.model_dump(mode="json", include=set(values)) == values


def test_expected_provenance_pins_source_and_block_of_fields_with_a_value(case_page: Path) -> None:
    """Expected provenance names only fields that have a value, each with a valid source and block and nothing else."""
    entry, article = expected_article(case_page)
    provenance = entry["provenance"]
    assert {field: list(origin) for field, origin in provenance.items()} == {
        field: list(PINNED_PROVENANCE) for field in provenance
    }
    sources = {source.value for source in Source}
    wrong = {
        field: origin
        for field, origin in provenance.items()
        if origin["source"] not in sources or not (origin["block"] is None or isinstance(origin["block"], int))
    }
    assert not wrong, f"provenance with an unknown source or a block that is no index: {wrong}"
    empty = [field for field in provenance if getattr(article, field) in (None, ())]
    assert not empty, f"provenance for fields without a value: {empty}"


# --------------------------------------------------------------------------- extraction against expected.json


@pytest.mark.parametrize("field", [name for name in VALUE_FIELDS if name != "paragraphs"])
def test_field_matches_expected(case_page: Path, field: str) -> None:
    """Each pinned field of the extracted Article equals the reviewed expected value."""
    _, expected = expected_article(case_page)
    want, got = getattr(expected, field), getattr(article_of(case_page), field)
    assert got == want, value_message(field, want, got)


def test_provenance_matches_expected(case_page: Path) -> None:
    """Each field's provenance has the reviewed source and block; the wording of its evidence is not pinned."""
    entry, _ = expected_article(case_page)
    want, got = entry["provenance"], pinned_provenance(article_of(case_page).provenance)
    assert got == want, value_message("provenance", want, got)


def test_paragraphs_match_expected(case_page: Path) -> None:
    """The body paragraphs equal the reviewed expected paragraphs, one by one and in order."""
    _, expected = expected_article(case_page)
    got = article_of(case_page).paragraphs
    assert got == expected.paragraphs, paragraphs_message(expected.paragraphs, got)


# --------------------------------------------------------------------------- decisions, on every page


def test_every_decision_has_a_label_and_a_reason(case_page: Path) -> None:
    """Every block's decision carries a label and a reason code."""
    article = article_of(case_page)
    assert article.decisions
    missing = [d.index for d in article.decisions if not d.label or not d.reason]
    assert not missing, f"decisions without label or reason: blocks {missing}"


def test_decisions_cover_every_block_in_order(case_page: Path) -> None:
    """There is one decision per block, indexed 0..n-1 in page order."""
    article = article_of(case_page)
    assert article.diagnostics is not None
    assert [d.index for d in article.decisions] == list(range(article.diagnostics.blocks))


def test_only_content_decisions_point_to_a_paragraph(case_page: Path) -> None:
    """A content block's decision names its paragraph; no other decision does."""
    article = article_of(case_page)
    wrong = [
        (d.index, d.label.value, d.paragraph)
        for d in article.decisions
        if (d.label is Label.CONTENT) != (d.paragraph is not None)
    ]
    assert not wrong, f"(block, label, paragraph) with a wrong paragraph link: {wrong}"


def test_paragraphs_are_the_content_blocks_in_order(case_page: Path) -> None:
    """The paragraphs are the content blocks' texts in page order: each paragraph starts with its first block."""
    article = article_of(case_page)
    content = [d for d in article.decisions if d.label is Label.CONTENT]
    numbers = [d.paragraph for d in content if d.paragraph is not None]
    assert len(numbers) == len(content), "a content block names no paragraph"
    assert numbers == sorted(numbers), f"content blocks out of paragraph order: {numbers}"
    assert sorted(set(numbers)) == list(range(len(article.paragraphs))), (
        f"content blocks name paragraphs {sorted(set(numbers))}, the article has {len(article.paragraphs)}"
    )
    for paragraph, decision in {d.paragraph: d for d in reversed(content) if d.paragraph is not None}.items():
        assert article.paragraphs[paragraph].startswith(decision.preview), (
            f"paragraph {paragraph} does not start with block {decision.index}'s text {decision.preview!r}"
        )


# --------------------------------------------------------------------------- the seed, in its own words

SEED_CASE = "smetimes-putin-north-korea"
HEADLINE = "Putin set to arrive in North Korea in rare trip amid deepening concerns about military cooperation"
IMAGE_FILE = "Putin.9.Thmb.jpg"
FIRST_PARAGRAPH = (
    "Russian President Vladimir Putin was set to make his first visit to North Korea in 24 years on Tuesday for "
    "talks with leader Kim Jong-un in a highly symbolic trip showing off their ever-tightening relations amid "
    "deepening concerns about military cooperation."
)
LAST_PARAGRAPH = (
    "The issue of North Korea's dispatch of its workers abroad could also be discussed at the upcoming summit, "
    "experts said. The North has a desperate need to earn foreign currency due to international sanctions, while "
    "Russia has been facing a labor shortage amid its war with Ukraine."
)
BOILERPLATE = (
    "SME Times is powered by",
    "Search News",
    "Just in:",
    "Adani Group to invest Rs 57,575 crore in Odisha",
    "'Dollar Distancing' finally happening?",
    "49% Indian startups now from tier 2, 3 cities: Jitendra Singh",
    "India ranks 3rd in global startup ecosystem",
    "LinkedIn lays off entire global events marketing team: Report",
    "Last updated",
    "Top Stories",
    "28 Indian startups raised over $800 mn in funding this week",
    "GST Council waives interest, penalty on notices to taxpayers under Section 73",
    "India's innovation ecosystem poised for exponential growth: Industry",
    "Overseas Indians faith grows in Indian economy with $1 billion deposits in April",
    "Print the Page",
    "Add to Favorite",
    "Share this on :",
    "Please comment on this story:",
    "Subject :",
    "Maximum 1500 characters",
    "Your name:",
    "Customs Exchange Rates",
    "Currency",
    "US Dollar",
    "UK Pound",
    "Japanese Yen",
    "58.85",
    "As on 13 Aug, 2022",
    "Daily Poll",
    "Will the Budget 2024 be MSME friendly",
    "Can't say",
    "Commented Stories",
    "GIC Re's revenue from obligatory cession threatened",
    "About Us",
    "Advertise with Us",
    "Useful Links",
    "Terms and Conditions",
    "Disclaimer",
    "Contact Us",
    "Follow Us",
    "Facebook Twitter",
    "Thank you. Your comment will be published after moderation.",
    "»",
)
"""Lines and phrases of the seed page outside the article; none may be in its text."""


@pytest.fixture(params=["page.txt", "page.html"])
def seed(request: pytest.FixtureRequest, fixtures_dir: Path) -> Article:
    """The Article of the seed page, from the text copy and from the HTML."""
    return article_of(fixtures_dir / SEED_CASE / request.param)


def test_seed_headline(seed: Article) -> None:
    """The headline is the story's title, word for word."""
    assert seed.headline == HEADLINE


def test_seed_headline_has_no_image_file_name(seed: Article) -> None:
    """The thumbnail's file name glued in front of the headline is not part of it."""
    assert seed.headline is not None
    assert IMAGE_FILE not in seed.headline
    assert ".jpg" not in seed.headline.casefold()


def test_seed_agency_is_ians(seed: Article) -> None:
    """The credited agency is IANS, not an agency the body quotes (KCNA, Yonhap, TASS)."""
    assert seed.agency == "IANS"


def test_seed_has_no_authors(seed: Article) -> None:
    """No person is credited: the credit line names only the agency."""
    assert seed.authors == ()


def test_seed_published_is_the_day(seed: Article) -> None:
    """Published is 18 June 2024 as a `date`, not a `datetime`: the page gives only the day."""
    assert type(seed.published) is dt.date, f"{seed.published!r} is not a plain date"
    assert seed.published == dt.date(2024, 6, 18)


def test_seed_updated_is_none(seed: Article) -> None:
    """'Last updated: 18 Jun, 2024' is the site's banner, not the article's update time."""
    assert seed.updated is None


def test_seed_has_nineteen_paragraphs(seed: Article) -> None:
    """The body has exactly the 19 paragraphs of the story."""
    assert len(seed.paragraphs) == 19, [_clip(paragraph, 60) for paragraph in seed.paragraphs]


def test_seed_first_paragraph(seed: Article) -> None:
    """The body starts with 'Russian President Vladimir Putin was set…'."""
    assert seed.paragraphs[:1] == (FIRST_PARAGRAPH,)


def test_seed_last_paragraph(seed: Article) -> None:
    """The body ends with '…amid its war with Ukraine.'."""
    assert seed.paragraphs[-1:] == (LAST_PARAGRAPH,)


def test_seed_text_has_no_boilerplate(seed: Article) -> None:
    """No ticker, Top Stories, tools, comment form, exchange rates, poll or footer line is in the text."""
    leaked = [phrase for phrase in BOILERPLATE if phrase in seed.text]
    assert not leaked, f"boilerplate in the article text: {leaked}"


def test_seed_headline_and_credit_line_are_not_body(seed: Article) -> None:
    """The headline, its image file name and the credit line 'IANS | 18 Jun, 2024' are fields, not body text."""
    leaked = [line for line in (HEADLINE, IMAGE_FILE, "IANS | 18 Jun, 2024") if line in seed.text]
    assert not leaked, f"in the article text: {leaked}"


@pytest.mark.parametrize(
    ("field", "label"), [("headline", Label.HEADLINE), ("agency", Label.CREDIT), ("published", Label.CREDIT)]
)
def test_seed_provenance_points_at_the_right_block(seed: Article, field: str, label: Label) -> None:
    """Headline, agency and published say which block they came from, and that block is the headline or credit."""
    provenance = seed.provenance.get(field)
    assert provenance is not None, f"no provenance for {field}"
    assert provenance.block is not None, f"{field} provenance names no block: {provenance!r}"
    decision = next((d for d in seed.decisions if d.index == provenance.block), None)
    assert decision is not None, f"{field} provenance names block {provenance.block}, which has no decision"
    assert decision.label is label, f"{field} comes from block {decision.index} labelled {decision.label.value}"

"""Properties of the whole pipeline on generated HTML, tag soup, text pages, arbitrary text and arbitrary bytes."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlex import Article, ArticlexError, Options, extract
from strategies import CONTROL_CHARACTERS, GeneratedPage, arbitrary_bytes, html_pages, normalise, tag_soup, text_pages

TABLE_CELL_SEPARATOR = " | "
"""How the body joins neighbouring cells of a table row into one paragraph (`fields/body.py`)."""
WORD = re.compile(r"\w+")
TEXT = Options(input_kind="text")
DEFAULT = Options()


def bounded(examples: int) -> settings:
    """At most `examples` examples, fewer when the active profile (e.g. 'ci') asks for fewer; no deadline."""
    return settings(
        max_examples=min(examples, settings().max_examples),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


def pieces(article: Article) -> list[str]:
    """The paragraphs, with table rows split back into their cells, whitespace-normalised."""
    return [normalise(piece) for paragraph in article.paragraphs for piece in paragraph.split(TABLE_CELL_SEPARATOR)]


def assert_well_formed(article: Article) -> None:
    """What every extracted Article holds: one decision per block, indexed in order, and a body of clean
    paragraphs (none blank or with blanks around it, no NUL, no lone surrogate: the text encodes as UTF-8)."""
    assert article.diagnostics is not None
    assert [decision.index for decision in article.decisions] == list(range(article.diagnostics.blocks))
    assert [paragraph for paragraph in article.paragraphs if not paragraph or paragraph != paragraph.strip()] == []
    assert "\x00" not in article.text
    article.text.encode("utf-8")  # raises on a lone surrogate


def extract_or_error(source: str | bytes, options: Options = DEFAULT) -> Article | None:
    """Extract, turning an `ArticlexError` into None; any other exception fails the test."""
    try:
        return extract(source, options=options)
    except ArticlexError:
        return None


# ---- never anything but an Article or an ArticlexError ---------------------------------------------


@bounded(100)
@given(st.text(st.characters(exclude_categories=()), max_size=2_000))
def test_any_text_gives_an_article_or_an_articlex_error(source: str) -> None:
    """Any string, lone surrogates and control characters included, gives a well-formed `Article` or an
    `ArticlexError`."""
    article = extract_or_error(source)
    if article is not None:
        assert_well_formed(article)


@bounded(100)
@given(arbitrary_bytes)
def test_any_bytes_give_an_article_or_an_articlex_error(source: bytes) -> None:
    """Any bytes give a well-formed `Article` or an `ArticlexError`, never another exception."""
    article = extract_or_error(source)
    if article is not None:
        assert_well_formed(article)


@bounded(60)
@given(tag_soup())
def test_tag_soup_gives_an_article(page: GeneratedPage) -> None:
    """Broken nesting (stray, unclosed, misordered tags) still gives a well-formed `Article`."""
    assert_well_formed(extract(page.html))


# ---- determinism -----------------------------------------------------------------------------------


@bounded(30)
@given(html_pages())
def test_html_extraction_is_deterministic(page: GeneratedPage) -> None:
    """Extracting the same HTML twice gives equal articles."""
    assert extract(page.html) == extract(page.html)


@bounded(40)
@given(text_pages())
def test_text_extraction_is_deterministic(page: str) -> None:
    """Extracting the same text page twice gives equal articles."""
    assert extract_or_error(page) == extract_or_error(page)


@bounded(40)
@given(arbitrary_bytes)
def test_bytes_extraction_is_deterministic(source: bytes) -> None:
    """Extracting the same bytes twice gives equal articles (or fails both times)."""
    assert extract_or_error(source) == extract_or_error(source)


# ---- the body comes from the visible text, in order --------------------------------------------------


@bounded(50)
@given(html_pages())
def test_html_paragraphs_occur_in_the_visible_text(page: GeneratedPage) -> None:
    """Every paragraph (every table cell of it) occurs in the whitespace-normalised visible text of the page."""
    visible = normalise(page.visible)
    for piece in pieces(extract(page.html)):
        assert piece in visible


@bounded(50)
@given(html_pages())
def test_html_paragraphs_keep_source_order(page: GeneratedPage) -> None:
    """The paragraphs appear in the visible text one after the other, in the order of the page."""
    visible = normalise(page.visible)
    position = 0
    for piece in pieces(extract(page.html)):
        found = visible.find(piece, position)
        assert found >= 0, (piece, visible[position:])
        position = found + len(piece)


@bounded(60)
@given(tag_soup())
def test_tag_soup_paragraphs_keep_the_text_of_the_page(page: GeneratedPage) -> None:
    """In broken markup too, each paragraph is a run of the page's text (compared without whitespace), in order."""
    visible = re.sub(r"\s+", "", page.visible)
    position = 0
    for piece in pieces(extract(page.html)):
        squeezed = re.sub(r"\s+", "", CONTROL_CHARACTERS.sub("", piece))
        found = visible.find(squeezed, position)
        assert found >= 0, (squeezed, visible[position:])
        position = found + len(squeezed)


@bounded(50)
@given(html_pages())
def test_html_paragraph_words_are_words_of_the_page(page: GeneratedPage) -> None:
    """No glued words: every word of the body is a word of the visible text (block edges and `<br>` split words)."""
    words = set(WORD.findall(page.visible))
    for paragraph in extract(page.html).paragraphs:
        assert set(WORD.findall(paragraph)) <= words, paragraph


@bounded(80)
@given(text_pages())
def test_text_paragraphs_occur_in_the_input(page: str) -> None:
    """Every paragraph of a text page occurs in the whitespace-normalised input."""
    article = extract_or_error(page, TEXT)
    source = normalise(page)
    for paragraph in article.paragraphs if article else ():
        assert normalise(paragraph) in source


@bounded(80)
@given(text_pages())
def test_text_paragraphs_keep_source_order(page: str) -> None:
    """The paragraphs of a text page are lines of the input in their original order."""
    article = extract_or_error(page, TEXT)
    lines = [normalise(line) for line in page.splitlines()]
    position = 0
    for paragraph in article.paragraphs if article else ():
        position = lines.index(normalise(paragraph), position) + 1


# ---- decisions ---------------------------------------------------------------------------------------


@bounded(30)
@given(html_pages())
def test_html_one_decision_per_block_with_increasing_indexes(page: GeneratedPage) -> None:
    """An HTML page has exactly one decision per block, indexed 0, 1, 2… in order."""
    article = extract(page.html)
    assert article.diagnostics is not None
    assert [decision.index for decision in article.decisions] == list(range(article.diagnostics.blocks))


@bounded(60)
@given(text_pages())
def test_text_one_decision_per_block_with_increasing_indexes(page: str) -> None:
    """A text page has exactly one decision per block, indexed 0, 1, 2… in order."""
    article = extract_or_error(page, TEXT)
    if article is not None:
        assert article.diagnostics is not None
        assert [decision.index for decision in article.decisions] == list(range(article.diagnostics.blocks))


@bounded(30)
@given(html_pages())
def test_paragraph_references_of_decisions_are_valid(page: GeneratedPage) -> None:
    """Content decisions point at existing paragraphs, in non-decreasing order, covering every paragraph."""
    article = extract(page.html)
    referenced = [decision.paragraph for decision in article.decisions if decision.paragraph is not None]
    assert referenced == sorted(referenced)
    assert set(referenced) == set(range(len(article.paragraphs)))

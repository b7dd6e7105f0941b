"""The renderers (`Article.to_markdown`, `to_text`, `to_html`): escaping, options, and round-trip properties."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlex
from articlex import Article, Label
from articlex.model import BodyList, Heading, ListItem, Paragraph, Span, Table, TableCell, TableRow
from body_tree import body_tree, element_blocks, markdown_tree
from strategies import html_pages

PROPERTY = settings(max_examples=min(200, settings().max_examples), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def markdown_of(*body: Any, **fields: Any) -> str:
    return Article(body=body, **fields).to_markdown()


def test_text_that_reads_as_markdown_is_escaped() -> None:
    """Stars, a number and a dash opening a line, a hash, brackets and pipes stay text."""
    text = "*10 minutes* in a [hot] oven_ok _now_ <b>\n1. not a list\n- not one either\n# not a heading"
    tree = markdown_tree(markdown_of(Paragraph(text=text)))
    assert tree["paragraphs"] == [text.replace("\n", " ")]
    assert tree["items"] == tree["headings"] == tree["links"] == []


def test_inline_spans_become_markdown() -> None:
    """Links, strong, em and code spans; a link without links=False keeps only its text."""
    text = "Read the recipe and use `x` twice"
    spans = (
        Span(start=9, end=15, kind="link", href="https://example.com/a b"),
        Span(start=0, end=4, kind="strong"),
        Span(start=16, end=19, kind="em"),
        Span(start=24, end=27, kind="code"),
    )
    markdown = markdown_of(Paragraph(text=text, spans=spans))
    assert markdown == "**Read** the [recipe](https://example.com/a%20b) *and* use `` `x` `` twice\n"
    assert markdown_tree(markdown)["links"] == [("recipe", "https://example.com/a%20b")]
    assert "[" not in Article(body=(Paragraph(text=text, spans=spans),)).to_markdown(links=False)


def test_front_matter_is_optional() -> None:
    """The headline and the credit line open the Markdown unless front_matter=False."""
    article = Article(headline="Rovers win", authors=("Mara Quill",), body=(Paragraph(text="They won."),))
    assert article.to_markdown() == "# Rovers win\n\n*Mara Quill*\n\nThey won.\n"
    assert article.to_markdown(front_matter=False) == "They won.\n"
    assert article.to_text() == "Rovers win\nMara Quill\n\nThey won."
    assert "<h1>Rovers win</h1>" in article.to_html()
    assert "<h1>" not in article.to_html(front_matter=False)


def test_an_article_without_a_typed_body_renders_its_paragraphs() -> None:
    """An `Article` made from paragraphs alone (JSON of an older version) renders them."""
    article = Article(paragraphs=("First *one*.", "Second."))
    assert article.to_markdown(front_matter=False) == "First \\*one\\*.\n\nSecond.\n"
    assert article.to_text() == "First *one*.\n\nSecond."
    assert "<p>Second.</p>" in article.to_html()


def test_two_lists_in_a_row_stay_two() -> None:
    """The second of two neighbouring lists takes the other bullet, or Markdown would join them."""
    first = BodyList(items=(ListItem(text="a"), ListItem(text="b")))
    second = BodyList(items=(ListItem(text="c"),))
    markdown = markdown_of(first, second)
    assert markdown == "- a\n- b\n\n* c\n"
    assert len(articlex.model.Article(body=(first, second)).body) == 2


def test_a_table_without_header_shows_its_first_row_as_header() -> None:
    """GFM needs a header row: a table without one shows its first row there; short rows are padded."""
    table = Table(
        rows=(TableRow(cells=(TableCell(text="a|b"), TableCell(text="c"))), TableRow(cells=(TableCell(text="d"),)))
    )
    markdown = markdown_of(table)
    assert markdown == "| a\\|b | c |\n| --- | --- |\n| d |  |\n"
    assert markdown_tree(markdown)["cells"] == [(True, "a|b"), (True, "c"), (False, "d"), (False, "")]


# ---- properties ----------------------------------------------------------------------------------------------

SPECIALS = "*_`[]()<>#!|-+.=~\\&;:1"
word = st.text(alphabet=st.sampled_from("abcXYZ09" + SPECIALS + "é"), min_size=1, max_size=6)
line = st.lists(word, min_size=1, max_size=5).map(" ".join)
text = st.lists(line, min_size=1, max_size=3).map("\n".join)


@st.composite
def lists(draw: st.DrawFn, depth: int = 0) -> BodyList:
    items = []
    for item_text in draw(st.lists(line, min_size=1, max_size=3)):
        inner = draw(st.lists(lists(depth + 1), max_size=1)) if depth < 2 else []
        items.append(ListItem(text=item_text, lists=tuple(inner)))
    return BodyList(ordered=draw(st.booleans()), items=tuple(items))


cell = line.map(lambda value: TableCell(text=value))
table = st.lists(st.lists(cell, min_size=1, max_size=3).map(lambda cells: TableRow(cells=tuple(cells))),
                 min_size=1, max_size=3).map(lambda rows: Table(rows=tuple(rows)))  # fmt: skip
element = st.one_of(
    text.map(lambda value: Paragraph(text=value)),
    st.tuples(st.integers(1, 6), line).map(lambda pair: Heading(level=pair[0], text=pair[1])),
    lists(),
    table,
)


def normalised(tree: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Texts with whitespace collapsed; cells without the empty ones a short row is padded with."""
    return {
        "headings": [(level, " ".join(value.split())) for level, value in tree["headings"]],
        "items": [(*rest, " ".join(value.split())) for *rest, value in tree["items"]],
        "cells": [" ".join(value.split()) for _, value in tree["cells"] if value.strip()],
    }


@PROPERTY
@given(st.lists(element, max_size=6))
def test_markdown_of_any_body_reads_back_the_same(body: list[Any]) -> None:
    """Any body's Markdown parses back to the same headings (and levels), list items (depth, kind) and cells."""
    article = Article(body=tuple(body))
    assert normalised(markdown_tree(article.to_markdown())) == normalised(body_tree(article))


@PROPERTY
@given(html_pages())
def test_extracted_body_comes_from_content_blocks_and_reads_back(page: Any) -> None:
    """On generated pages: every element's blocks are content (or a figure's caption), and the Markdown reads back."""
    article = articlex.extract(page.html)
    decisions = {decision.index: decision for decision in article.decisions}
    for body_element in article.body:
        for index in element_blocks(body_element):
            assert decisions[index].label is Label.CONTENT or decisions[index].reason.value == "caption"
    tree = markdown_tree(article.to_markdown(front_matter=False))
    assert len(tree["headings"]) == len(body_tree(article)["headings"])
    assert len(tree["items"]) == len(body_tree(article)["items"])
    assert normalised(tree)["cells"] == normalised(body_tree(article))["cells"]

"""Regression tests for what fuzzing and the hostile-input work found (issue 6)."""

from __future__ import annotations

import re

import articlex
from articlex import extract
from articlex.html.guard import guard

CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def test_character_references_to_marker_controls_do_not_crash() -> None:
    """`&#8;`, `&#14;`, `&#3;` decode to the control characters the HTML splitter uses as markers: they stay
    text of no width, and the page is one block holding the words around them."""
    for page, words in (
        ("<!DOCTYPE html><html><body>the&#8;0&#x3;", "the0"),
        ("<!DOCTYPE html><html><body>the&#14;1&#3;", "the1"),
    ):
        article = extract(page)
        assert [CONTROL.sub("", decision.preview) for decision in article.decisions] == [words]


def test_contact_pattern_is_linear_on_a_long_word() -> None:
    """A million-character word in a credit zone once made `\\S+@\\S+` quadratic (minutes)."""
    article = extract("<html><body><h1>Title of the page</h1><p>" + "&amp;" * 200_000 + "</p></body></html>")
    assert article.headline == "Title of the page"
    previews = [decision.preview for decision in article.decisions]
    assert len(previews) == 2
    assert set(previews[1]) == {"&"}  # the long word is one block, read as text


def test_name_connector_pattern_is_linear_on_long_blank_runs() -> None:
    """`[\\s,]+(?!…)x` once backtracked over every start in a run of blanks (341 s on 100,000 spaces)."""
    from articlex.fields.credit_line import _CONNECTOR  # noqa: PLC0415

    assert _CONNECTOR.search(" " * 100_000) is None
    assert _CONNECTOR.search("Par Mathis Vu le 07 Mai 2020") is not None


def test_guard_leaves_ordinary_markup_unchanged() -> None:
    """Unclosed paragraphs, list items and cells are closed by the parser: the guard must not flatten them."""
    options = articlex.Options()
    for markup in ("<p>x" * 5_000, "<ul>" + "<li>x" * 5_000, "<table>" + ("<tr>" + "<td>x" * 10) * 500):
        assert guard(markup, options, None).text is markup


def test_guard_flattens_deep_nesting_and_reports_it() -> None:
    result = guard("<div>" * 5_000 + "x" + "</div>" * 5_000, articlex.Options(max_depth=100), None)
    assert result.truncated
    assert result.text.count("<div>") < 100


def test_guard_caps_a_formatting_flood_on_a_page_with_few_tags() -> None:
    """1,000 open `<b>`s re-created in 1,000 paragraphs: under 3,000 tags, but a million elements unguarded."""
    markup = "<p>" + "".join(f"<b id={i}>" for i in range(1_000)) + "</p>" + "<p>x</p>" * 980
    result = guard(markup, articlex.Options(), None)
    assert result.text.count("<b ") < 100


def test_table_inside_a_cell_is_nested_not_closed() -> None:
    """`<table>` in a `<td>` nests (once mistaken for a sibling, which hid 20,000 nested tables from the guard)."""
    result = guard("<table><tr><td>" * 2_000 + "x", articlex.Options(max_depth=100), None)
    assert result.truncated

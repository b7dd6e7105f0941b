"""The credited agency: credit lines, datelines, closing credits and structured data; never a quoted one."""

from __future__ import annotations

import pytest
from field_pages import PROSE, article_page, json_ld

from articlex import extract
from articlex.fields.agency_names import closing_credit, find_dateline


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("IANS | 18 Jun, 2024", "IANS"),
        ("(Reuters)", "Reuters"),
        ("Agencia EFE | 18.06.2024", "EFE"),
        ("By Asha Rao, PTI | 18 June 2024", "PTI"),
    ],
)
def test_agency_credit_line_under_the_headline(line: str, agency: str) -> None:
    article = extract(article_page(below=f"<p>{line}</p>"))
    assert article.agency == agency
    assert article.authors in {(), ("Asha Rao",)}


@pytest.mark.parametrize(
    ("closing", "agency"),
    [("— AP", "AP"), ("(With inputs from PTI)", "PTI"), ("dpa/lno", "dpa"), ("Source: AFP", "AFP")],
)
def test_closing_credit_on_the_last_body_line(closing: str, agency: str) -> None:
    assert extract(article_page(body=(*PROSE, closing))).agency == agency


def test_dateline_gives_agency_and_place() -> None:
    first = "NEW DELHI, June 18 (IANS) — " + PROSE[0]
    article = extract(article_page(body=(first, *PROSE[1:])))
    assert article.agency == "IANS"
    assert article.dateline == "New Delhi"


def test_short_paragraph_opening_with_a_dateline_stays_in_the_body() -> None:
    first = "LYON, June 3 (AFP) — The old stone bridge over the river reopened to traffic on Tuesday."
    article = extract(article_page(body=(first, *PROSE)))
    assert article.agency == "AFP"
    assert article.dateline == "Lyon"
    assert article.paragraphs[0] == first


def test_byline_that_reads_like_a_sentence_is_still_a_byline() -> None:
    line = "<p>Written by Lena Fischer, who covers the city council for the paper.</p>"
    article = extract(article_page(below=line))
    assert article.authors == ("Lena Fischer",)


def test_dateline_parts() -> None:
    found = find_dateline("WASHINGTON (Reuters) - The Senate voted on Tuesday to pass the bill.")
    assert found is not None
    assert found.place == "Washington"
    assert found.agency is not None
    assert found.agency.name == "Reuters"


def test_structured_author_that_is_a_wire_service() -> None:
    head = json_ld('{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Associated Press"}}')
    article = extract(article_page(head=head))
    assert article.agency == "AP"
    assert article.authors == ()


def test_agency_quoted_in_the_body_is_not_the_agency() -> None:
    body = ("Two ferries collided near the port on Monday, the ANSA reported, citing coast guard officials.", *PROSE)
    assert extract(article_page(body=body)).agency is None


def test_long_last_paragraph_naming_an_agency_is_not_a_closing_credit() -> None:
    assert (
        closing_credit("Officials told Reuters that the talks would resume next week in Geneva, Switzerland.") is None
    )

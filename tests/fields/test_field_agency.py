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


@pytest.mark.parametrize(
    ("ending", "agency"),
    [(" PTI", "PTI"), (" – AFP", "AFP"), (" (ANSA).", "ANSA"), (" (Press Trust of India)", "PTI"), (" dpa", "dpa")],
)
def test_closing_credit_set_after_the_last_sentence(ending: str, agency: str) -> None:
    article = extract(article_page(body=(*PROSE[:-1], PROSE[-1] + ending)))
    assert article.agency == agency
    assert article.provenance["agency"].evidence.endswith("(credit ending the body)")
    assert article.paragraphs[-1] == PROSE[-1] + ending  # the paragraph stays whole in the body


@pytest.mark.parametrize(
    "ending",
    [
        " The figures were first reported by Reuters.",
        " (AP Photo/Jo Lind)",
        " Officials said the AP had asked for comment.",
    ],
)
def test_an_agency_quoted_or_credited_for_a_picture_at_the_end_is_no_credit(ending: str) -> None:
    article = extract(article_page(body=(*PROSE[:-1], PROSE[-1] + ending)))
    assert article.agency is None


@pytest.mark.parametrize(
    ("notice", "agency"),
    [
        ("Copyright 2024 The Associated Press. All rights reserved. This material may not be published.", "AP"),
        ("© Thomson Reuters 2024", "Reuters"),
        ("Copyright © 2024 AFP. All rights reserved.", "AFP"),
        ("Copyright (c) Press Association Ltd. 2024, All Rights Reserved.", "PA Media"),
    ],
)
def test_an_agencys_copyright_notice_closing_the_story_credits_it(notice: str, agency: str) -> None:
    article = extract(article_page(body=(*PROSE, notice)))
    assert article.agency == agency
    assert article.provenance["agency"].evidence.endswith("(the agency's copyright notice)")


def test_a_publishers_own_copyright_notice_credits_no_agency() -> None:
    article = extract(article_page(body=(*PROSE, "© 2024 Harbour Media GmbH. All rights reserved.")))
    assert article.agency is None


def test_a_last_line_that_names_an_agency_as_its_subject_is_no_credit() -> None:
    article = extract(article_page(body=(*PROSE, "Reuters could not verify the report on its own.")))
    assert article.agency is None


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


@pytest.mark.parametrize(
    "stray",
    ["https://news.example/2024/06/18/harbor-ferry-returns", "Ferry returns to the harbor after repairs - Coast News"],
)
def test_dateline_under_the_headline_is_read_when_a_stray_line_stands_above_it(stray: str) -> None:
    """A line the article element holds above its headline (the page's address, its title) is not where it opens."""
    first = "PORT ELLIS, Maine (AP) — " + PROSE[0]
    article = extract(_page_with_a_line_above_the_headline(stray, (first, *PROSE[1:])))
    assert article.agency == "AP"
    assert article.dateline == "Port Ellis"
    assert article.provenance["dateline"].evidence.endswith("(dateline)")
    assert article.paragraphs[0] == first


@pytest.mark.parametrize(
    "before",
    [
        "Travellers must plan ahead this winter: the direct connection is suspended from December to March.",
        "Photo: Lena Fischer, AP",
        "1 / 5",
    ],
)
def test_dateline_after_a_standfirst_or_a_caption_is_read(before: str) -> None:
    """A standfirst, a picture's credit or a gallery's counter may stand between the headline and the story's
    first paragraph; the dateline that credits an agency opens that paragraph."""
    first = "Berlin (dpa) - " + PROSE[0]
    article = extract(article_page(body=(before, first, *PROSE[1:])))
    assert article.agency == "dpa"
    assert article.dateline == "Berlin"


def test_a_place_opening_a_later_paragraph_without_an_agency_is_no_dateline() -> None:
    """Below the story's first paragraph only a dateline crediting an agency counts: a sentence may open with a place."""
    later = "LISBON — " + PROSE[1]
    article = extract(article_page(body=(PROSE[0], later, *PROSE[2:])))
    assert article.dateline is None
    assert article.agency is None


def test_a_line_above_the_headline_that_opens_with_a_place_is_no_dateline() -> None:
    """Only the paragraph that opens the article below the headline can hold its dateline."""
    article = extract(
        _page_with_a_line_above_the_headline("LISBON — Harbor views from the old town, in pictures", PROSE)
    )
    assert article.dateline is None
    assert article.agency is None


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


# ---- agencies in all their forms (issue 14) ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("Harbour Bote mit dpa", ("dpa",)),
        ("hb/dpa", ("dpa",)),
        ("AFP/Harbourbote.de", ("AFP",)),
        ("AFP/HB", ("AFP",)),
        ("Harbour Bote mit dpa und AFP | 18.06.2024", ("dpa", "AFP")),
        ("AFP/dpa | 18.06.2024", ("AFP", "dpa")),
        ("REUTERS | 18 Jun, 2024", ("Reuters",)),
        ("By Nadia Ferris, DPA", ("dpa",)),
    ],
)
def test_credit_lines_joining_outlets_and_agencies(line: str, agencies: tuple[str, ...]) -> None:
    """An outlet with one or more agencies, in any order and letter case: every agency, the first as `agency`."""
    article = extract(article_page(below=f"<p>{line}</p>", lang="de"))
    assert article.agencies == agencies
    assert article.agency == agencies[0]
    assert "Harbour Bote" not in article.authors


def test_agencies_credited_in_the_credit_line_and_the_dateline() -> None:
    body = ("LISBON (AFP) — " + PROSE[0], *PROSE[1:])
    article = extract(article_page(below="<p>By Nadia Ferris | dpa | 18 June 2024</p>", body=body))
    assert article.agency == "dpa"
    assert article.agencies == ("dpa", "AFP")


def test_closing_credit_of_several_agencies() -> None:
    article = extract(article_page(body=(*PROSE, "(With inputs from PTI and IANS)")))
    assert article.agencies == ("PTI", "IANS")


@pytest.mark.parametrize(
    "author", ['{"@type": "Organization", "name": "REUTERS"}', '{"@type": "Person", "name": "dow jones"}']
)
def test_agency_credited_only_in_structured_data_in_any_case(author: str) -> None:
    head = json_ld(f'{{"@type": "NewsArticle", "headline": "x", "author": {author}}}')
    article = extract(article_page(head=head))
    assert article.agency in {"Reuters", "Dow Jones"}
    assert article.authors == ()


def test_agency_credited_only_in_meta_author() -> None:
    article = extract(article_page(head='<meta name="author" content="AFP">'))
    assert article.agency == "AFP"
    assert article.agencies == ("AFP",)
    assert article.authors == ()


def test_agencies_quoted_in_the_body_are_never_credited() -> None:
    body = (
        PROSE[0],
        "The ministry confirmed the figures to AFP and dpa on Tuesday, a day after the first reports appeared.",
        *PROSE[1:],
    )
    article = extract(article_page(body=body))
    assert article.agency is None
    assert article.agencies == ()


def test_a_short_form_that_is_also_a_name_is_not_read_in_another_case() -> None:
    """'Petra' (a given name, and Jordan's agency in its own spelling) is read only as printed in the list."""
    article = extract(article_page(below="<p>By Ana Lind | 18 June 2024</p>"))
    assert article.agency is None
    assert article.authors == ("Ana Lind",)


def test_agencies_as_a_credit_names_no_agency_and_no_author() -> None:
    """'Agencies' credits wires without saying which: no agency is guessed, and it is no author."""
    article = extract(article_page(below="<p>Agencies | 18 June 2024</p>"))
    assert article.agency is None
    assert article.authors == ()


def _page_with_a_line_above_the_headline(line: str, body: tuple[str, ...]) -> str:
    """A page whose article element holds `line` as a paragraph above its `<h1>`, then the body."""
    paragraphs = "".join(f"<p>{text}</p>" for text in body)
    return (
        "<html><head><title>City council approves new budget</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><p>{line}</p><h1>City council approves new budget</h1>{paragraphs}</article>"
        "<footer>About us · Contact</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("opening", "agency", "place"),
    [
        ("STOCKHOLM (TT) ", "TT", "Stockholm"),  # no dash after the agency
        ("Harbourton, June 18 (IANS) ", "IANS", "Harbourton"),  # no dash, but the place's date
        ("Valdemora, 18 jun (EFE).- ", "EFE", "Valdemora"),  # a full stop before the dash
        ("New Harbour [India], June 18 (ANI): ", "ANI", "New Harbour"),  # the country in brackets
        ("MOSCOW, June 18. /TASS/. ", "TASS", "Moscow"),  # the agency between slashes
        ("TORONTO (AP) -", "AP", "Toronto"),  # a dash glued to the first word
    ],
)
def test_datelines_in_the_forms_wires_print_them(opening: str, agency: str, place: str) -> None:
    article = extract(article_page(body=(opening + PROSE[0], *PROSE[1:])))
    assert article.agency == agency
    assert article.dateline == place


def test_an_organisation_and_its_acronym_opening_a_sentence_is_no_dateline() -> None:
    """'The … Authority (PNA) will …': a name and its short form, which some agency shares, open a sentence."""
    first = "The Northern Port Authority (PNA) will not accept any delay to the new quay, a spokesman said on Monday."
    article = extract(article_page(body=(first, *PROSE)))
    assert article.agency is None
    assert article.dateline is None


@pytest.mark.parametrize(
    ("closing", "agency"),
    [
        ("Quelle: dpa", "dpa"),
        ("Fonte: ANSA", "ANSA"),
        ("(sda)", "Keystone-SDA"),
        ("(afp)", "AFP"),
        ("Mit Material von dpa", "dpa"),
        ("Con información de EFE", "EFE"),
    ],
)
def test_closing_credits_in_other_languages_and_letter_cases(closing: str, agency: str) -> None:
    assert extract(article_page(body=(*PROSE, closing))).agency == agency


def test_a_short_last_line_opening_like_a_joiner_in_another_language_is_no_credit() -> None:
    """'Met' is Dutch for 'with', and English lines open with it: it joins no credit."""
    assert extract(article_page(body=(*PROSE, "Met police told Reuters on Monday."))).agency is None


def test_an_agencys_copyright_notice_set_apart_under_the_story_credits_it() -> None:
    """A copyright element right under the story's element: the notice is the agency's credit."""
    article = extract(article_page(after_body='<div class="copyright"><p>© AAP 2024</p></div>'))
    assert article.agency == "AAP"


@pytest.mark.parametrize(("credit", "agency"), [("(dpa)", "dpa"), ("— AP", "AP"), ("Quelle: dpa", "dpa")])
def test_a_credit_line_under_a_text_copys_story_credits_the_agency(credit: str, agency: str) -> None:
    """A text copy keeps no element around the story: its credit line under the last paragraph still counts."""
    text = "\n\n".join(
        ["Home | News | Sport | Contact", "Harbour board approves new cranes", *PROSE, credit, "© 2024 Harbour Herald"]
    )
    assert extract(text).agency == agency

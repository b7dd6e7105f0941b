"""Authors: structured data, visible bylines and author elements; organisations, roles and photo credits out."""

from __future__ import annotations

import pytest
from field_pages import HEADLINE, PROSE, article_page, json_ld, text_copy

from articlex import extract
from articlex.fields.credit_line import read_credit
from articlex.fields.names import split_names

# ---- splitting and cleaning names ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Asha Rao, Vikram Mehta and Lena Fischer", ["Asha Rao", "Vikram Mehta", "Lena Fischer"]),
        ("Asha Rao & Vikram Mehta", ["Asha Rao", "Vikram Mehta"]),
        ("By Asha Rao with Vikram Mehta", ["Asha Rao", "Vikram Mehta"]),
        ("Von Anna Schmidt und Jörg Weber", ["Anna Schmidt", "Jörg Weber"]),
        ("vom Hafenblogger", ["Hafenblogger"]),
        ("Par Jean-Luc Martin et Élodie Durand", ["Jean-Luc Martin", "Élodie Durand"]),
        ("By Asha Rao, Staff Writer", ["Asha Rao"]),
        ("NORDBLICK-Online-Experte Jannis Wehrle", ["Jannis Wehrle"]),
        ("Prof. Dr. Almut Rehberg", ["Almut Rehberg"]),
        ("By Asha Rao asha.rao@example.com @asharao", ["Asha Rao"]),
        ("ByNina Castellanos", ["Nina Castellanos"]),
        ("Post author By Wendelin Ostertag", ["Wendelin Ostertag"]),
        ("Автор: Иван Петров", ["Иван Петров"]),
        ("بقلم سارة الخطيب", ["سارة الخطيب"]),
        ("كتب: عمر حداد", ["عمر حداد"]),
        ("מאת נועה לוי", ["נועה לוי"]),
        ("作者：王小明", ["王小明"]),
        ("记者 王小明", ["王小明"]),
        ("撰文／陈大文", ["陈大文"]),
        ("홍길동 기자", ["홍길동"]),
        ("By 王小明", ["王小明"]),
        ("Posted by pixelmoth", ["pixelmoth"]),
    ],
)
def test_names_are_split_and_cleaned(text: str, names: list[str]) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize(
    "text", ["Published", "Updated 5 min read", "Share this", "By contrast, the city paid", "Reuters"]
)
def test_labels_and_organisations_are_not_names(text: str) -> None:
    assert split_names(text) == []


@pytest.mark.parametrize(
    ("line", "author", "updated"),
    [
        ("By Asha Rao Updated 3:15 PM ET, Mon June 3, 2024", "Asha Rao", "2024-06-03"),
        ("By Asha Rao Updated June 3, 2024", "Asha Rao", "2024-06-03"),
        ("Von Anna Schmidt Aktualisiert am 03.06.2024", "Anna Schmidt", "2024-06-03"),
        ("Par Élodie Durand Mis à jour le 3 juin 2024", "Élodie Durand", "2024-06-03"),
    ],
)
def test_a_date_label_glued_to_the_name_is_no_part_of_it(line: str, author: str, updated: str) -> None:
    """A byline and its date's label copied with no separator: the label ends the name ('… Doe Updated June 3')."""
    credit = read_credit(line, month_first=True, reference=None)
    assert credit is not None
    assert credit.authors == (author,)
    assert credit.updated is not None
    assert credit.updated.isoformat()[:10] == updated


def test_a_label_before_the_byline_prefix_leaves_the_name_whole() -> None:
    credit = read_credit("Posted by Asha Rao on June 3, 2024", month_first=True, reference=None)
    assert credit is not None
    assert credit.authors == ("Asha Rao",)


def test_credit_line_with_names_dates_and_agency() -> None:
    credit = read_credit("By Asha Rao (IANS) | 18 Jun, 2024", month_first=False, reference=None)
    assert credit is not None
    assert credit.authors == ("Asha Rao",)
    assert credit.agency is not None
    assert credit.agency.name == "IANS"


def test_names_beside_the_date_after_a_prefix() -> None:
    for text in ("Par Mathis Vu le 07 Mai 2020", "Posted on May 7, 2020 by Mathis Vu"):
        credit = read_credit(text, month_first=False, reference=None)
        assert credit is not None
        assert credit.authors == ("Mathis Vu",)


def test_photo_credit_is_not_a_credit_line() -> None:
    assert read_credit("dpa/Jana Wendler", month_first=False, reference=None) is None


# ---- on pages ------------------------------------------------------------------------------


def test_json_ld_author_reference_resolves_to_the_person_in_the_graph() -> None:
    graph = json_ld(
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "Article", "headline": "City council approves new budget after long debate",'
        ' "author": {"@id": "https://news.example/#/person/1"}},'
        '{"@type": "Person", "@id": "https://news.example/#/person/1", "name": "Asha Rao"}]}'
    )
    assert extract(article_page(head=graph)).authors == ("Asha Rao",)


def test_microdata_author_creator() -> None:
    line = '<p>By <span itemprop="author creator">Asha Rao</span></p>'
    assert extract(article_page(below=line)).authors == ("Asha Rao",)


def test_rel_author_link_near_the_headline() -> None:
    line = '<div class="post-info"><a rel="author" href="/author/pixelmoth">pixelmoth</a> · 3 comments</div>'
    assert extract(article_page(below=line)).authors == ("pixelmoth",)


def test_byline_element_near_the_headline() -> None:
    line = '<div class="article-byline"><span class="author-name">Greta Hollmann</span></div>'
    assert extract(article_page(below=line, lang="de")).authors == ("Greta Hollmann",)


@pytest.mark.parametrize(
    "byline",
    [
        (
            '<span class="byline-name">By Greta Hollmann</span>\n'
            '<span class="byline-title">Tidewater News, Harbourtown, Northshire</span>'
        ),
        '<p class="author">Greta Hollmann</p>',
    ],
)
def test_a_byline_of_author_elements_inside_the_story_is_no_body_text(byline: str) -> None:
    """Set as elements named 'author' or 'byline' in the story's first lines, the byline is a field, not a paragraph."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<div class='story-body'><h1>{HEADLINE}</h1>{byline}{paragraphs}</div></body></html>"
    )
    article = extract(page)
    assert article.authors == ("Greta Hollmann",)
    assert article.paragraphs == PROSE
    credit = next(d for d in article.decisions if "Greta Hollmann" in d.preview)
    assert credit.label.value == "credit"


def test_a_paragraph_holding_an_author_element_stays_in_the_body() -> None:
    """An author element inside a sentence of prose names the author, and the sentence stays the story's."""
    first = (
        'Reporting from the harbour, <span class="author">Greta Hollmann</span> found the council chamber full '
        "long before the vote began on Tuesday evening, with residents standing along the walls."
    )
    article = extract(article_page(body=(first, *PROSE)))
    assert article.paragraphs[0].startswith("Reporting from the harbour, Greta Hollmann found")


def test_author_field_whose_label_is_hidden_is_an_author_element() -> None:
    # 'field--label-hidden' hides the field's label, not the field: the name shows.
    line = '<h5 class="field field--name-field-author field--label-hidden field--item">Greta Hollmann</h5>'
    assert extract(article_page(above=line, lang="de")).authors == ("Greta Hollmann",)


def test_a_name_alone_without_a_label_is_no_byline() -> None:
    line = '<div class="meta-box"><h4>Themen</h4><p><a href="/profil/lena">Lena Fischer</a>, </p></div>'
    assert extract(article_page(below=line, lang="de")).authors == ()


def test_hidden_author_element_is_not_an_author() -> None:
    line = '<span class="author visually-hidden">Greta Hollmann</span>'
    assert extract(article_page(above=line, lang="de")).authors == ()


def test_author_equal_to_the_site_name_is_dropped() -> None:
    head = '<meta name="author" content="Auental-Kurier"><meta property="og:site_name" content="Auental-Kurier">'
    article = extract(article_page(head=head, below="<p>Von Lisa Pfenninger</p>", lang="de"))
    assert article.authors == ("Lisa Pfenninger",)


def test_author_equal_to_the_domain_is_dropped() -> None:
    head = '<meta name="author" content="Example News">'
    article = extract(article_page(head=head), url="https://www.example-news.com/2024/06/18/story")
    assert article.authors == ()


def test_photo_credit_in_a_caption_is_not_an_author() -> None:
    figure = '<figure><img src="a.jpg"><figcaption>dpa/Jana Wendler The new car park.</figcaption></figure>'
    assert extract(article_page(below=figure, lang="de")).authors == ()


def test_author_of_another_story_on_the_page_is_not_taken() -> None:
    related = (
        '<aside class="related-stories"><h3>More news</h3><ul><li><a href="/x">Other story</a>'
        '<span class="byline">By Oskar Lindahl</span></li></ul></aside>'
    )
    article = extract(article_page(below='<p class="byline">By Leyla Farahani</p>' + related))
    assert article.authors == ("Leyla Farahani",)


def test_visible_byline_naming_more_people_than_structured_data_wins() -> None:
    head = json_ld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Konstantin Ebner"}}')
    article = extract(article_page(head=head, below="<p>von Konstantin Ebner, Simon Haag</p>", lang="de"))
    assert article.authors == ("Konstantin Ebner", "Simon Haag")


def test_names_are_deduplicated() -> None:
    line = '<p class="byline">By <a rel="author" href="/a">Asha Rao</a> and <a href="/a">Asha Rao</a></p>'
    assert extract(article_page(below=line)).authors == ("Asha Rao",)


def test_name_with_a_label_glued_on_is_trimmed_by_its_element() -> None:
    line = '<div class="author"><span class="author-name">Íñigo Barrientos</span> Twitter</div>'
    assert extract(article_page(below=line, lang="es")).authors == ("Íñigo Barrientos",)


def test_agency_in_the_byline_is_the_agency_not_an_author() -> None:
    article = extract(article_page(below="<p>By Reuters | June 18, 2024</p>"))
    assert article.authors == ()
    assert article.agency == "Reuters"


def test_non_latin_names_are_kept() -> None:
    article = extract(article_page(below="<p>Автор: Иван Петров | 18 июня 2024</p>", lang="ru"))
    assert article.authors == ("Иван Петров",)


@pytest.mark.parametrize("as_text", [False, True])
def test_a_signed_byline_under_a_long_standfirst_and_a_caption_is_the_credit(as_text: bool) -> None:
    """Two standfirst paragraphs and a caption between headline and byline: the byline is past the credit zone."""
    standfirst = (
        "The harbour board has approved new cranes for the east quay, ending a year of debate over the cost.",
        "Traders welcomed the decision, though some worry about noise during the two years of building work.",
    )
    lines = (*standfirst, "The east quay at dawn, seen from the old pier.", "By Jana Roe", *PROSE)
    headline = "Harbour board approves new cranes"
    article = extract(text_copy(headline, lines) if as_text else article_page(headline=headline, body=lines))
    assert article.authors == ("Jana Roe",)
    assert "By Jana Roe" not in article.text


# ---- a byline label in an element of its own -------------------------------------------------


@pytest.mark.parametrize(
    ("label", "name"),
    [("By", "Ann Example"), ("Author", "Ann Example"), ("Von", "Greta Lindner"), ("Par", "Élodie Durand")],
)
def test_a_byline_label_set_apart_from_the_name_credits_the_name(label: str, name: str) -> None:
    """Templates print label and name in two elements ('<span>By</span><a>Ann Example</a>'); together they credit."""
    below = f'<div class="meta"><div class="meta-label">{label}</div><div class="meta-value"><a href="/a">{name}</a></div></div>'
    article = extract(article_page(below=below))
    assert article.authors == (name,)
    assert label not in article.text.split("\n\n")


def test_a_byline_label_set_apart_in_a_text_copy_credits_the_next_line() -> None:
    """A browser copies the two elements as two lines: 'By', then the name."""
    article = extract(text_copy(HEADLINE, ("By", "Ann Example", *PROSE)))
    assert article.authors == ("Ann Example",)


@pytest.mark.parametrize(
    "cells",
    [
        "<table><tr><th>Author</th><th>Message</th></tr><tr><td>pixelmoth</td><td>{text}</td></tr></table>",
        '<div class="meta"><div>By</div><div>Ann Example</div><div>and</div><div>Tom Lee</div></div>{text}',
        '<div class="meta"><div>Author</div><div>Guidelines</div></div>{text}',
    ],
)
def test_a_label_apart_names_no_one_from_a_table_head_a_longer_list_or_a_single_word(cells: str) -> None:
    """A forum's table heads its columns 'Author' and 'Message'; a byline over four blocks is read elsewhere
    or not at all, never cut to its first name; one word after the label is a heading, not a person."""
    text = "".join(f"<p>{paragraph}</p>" for paragraph in PROSE)
    article = extract(article_page(below=cells.format(text=text), body=()))
    assert "Message" not in article.authors
    assert "Guidelines" not in article.authors
    assert article.authors != ("Ann Example",)

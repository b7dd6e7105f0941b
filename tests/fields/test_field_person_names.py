"""Authors that are never junk: the person-name check every author source passes (`fields/person_name.py`).

Every page here is invented. Each junk value a source could hand to `authors` (a sign-off, a
quotation's attribution, a label, a place, half a role, a placeholder, a photo credit) must give
no author, and a real name beside it must still come through.
"""

from __future__ import annotations

import pytest
from field_pages import PROSE, article_page, json_ld

from articlex import extract
from articlex.fields.credit_line import read_credit
from articlex.fields.names import prefix_end, split_names
from articlex.fields.person_name import is_credited_name, is_place, is_sign_off, looks_like_name

# ---- what a person's name looks like -------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Asha Rao",
        "Anna von Arden",
        "Luca di Serio",
        "Omar bin Said",
        "E. J. Porter",
        "Jean-Luc O'Neill",
        "Maria de la Luz Ramírez",
        "王小明",
        "Иван Петров",
        "ASHA B. RAO",
        "TARA QUINN-PARKS",
        "La Vonne Ortiz",
        "Marine Le Roux",
        "Dieter Lamm",
        "Ilse Dorn",
        "Der Gartenzwerg",
    ],
)
def test_names_of_many_scripts_and_languages(name: str) -> None:
    assert looks_like_name(name)
    assert is_credited_name(name)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Dr. Asha Rao", ["Asha Rao"]),
        ("Prof. Dr. Almut Rehberg", ["Almut Rehberg"]),
        ("By ASHA B. RAO", ["ASHA B. RAO"]),
        ("Harbour Daily Political Reporter Nadia Ferris", ["Nadia Ferris"]),
        ("By Westbury Court Reporter", []),
        ("Von R. K.", ["R. K"]),
        ("By J.D.", ["J.D"]),
        ("R. K.", []),
        ("By Eastfield City Hall Reporter", []),
    ],
)
def test_titles_and_roles_are_kept_out(text: str, names: list[str]) -> None:
    """'Dr.' is stripped; a role after its beat ('Westbury Court Reporter') leaves no name, not 'Westbury Court'."""
    assert split_names(text) == names


@pytest.mark.parametrize(
    "value",
    [
        "Happy Holidays",
        "Stay safe everyone",
        "Cheers",
        "Viele Grüße",
        "Autoren",
        "Auteurs",
        "Autores",
        "No Author",
        "admin",
        "Unknown",
        "Anonymous",
        "Lisbon",
        "NEW YORK",
        "REUTERS",
        "dow jones",
        "The Harbour Post",
        "Il Corriere del Porto",
        "Het Havenblad",
        "La Gaceta",
        "El Faro",
        "Le Phare",
        "A Frugal Cook",
        "harbourherald.com",
        "Staff Writer",
        "Editorial",
        "jane@harbourherald.example",
        "Nadia Ferris 2",
        "Nadia Ferris Published",
        "Share",
        "Weiterlesen",
    ],
)
def test_junk_is_no_credited_name(value: str) -> None:
    assert not is_credited_name(value)


@pytest.mark.parametrize("value", ["quillfox", "Redaktion", "Harbour Herald Staff", "Jörg Staff", "A Rao"])
def test_user_names_and_newsrooms_are_credited(value: str) -> None:
    """A user name, a newsroom credited as a whole, and a surname that is also a desk word pass."""
    assert is_credited_name(value)


def test_a_credit_signed_with_initials() -> None:
    """Initials after a byline prefix are the name the page gives ('Von R. K. am 07.08.2013 …')."""
    credit = read_credit("Von R. K. am 07.08.2013 um 09:07 Uhr", month_first=False, reference=None)
    assert credit is not None
    assert credit.authors == ("R. K",)


def test_sign_offs_and_places() -> None:
    assert is_sign_off("Happy Holidays!")
    assert is_sign_off("Stay safe everyone")
    assert not is_sign_off("Holly Day")
    assert is_place("New Delhi")
    assert not is_place("Delia Newman")


# ---- junk on whole pages: none becomes an author -------------------------------------------


def test_a_closing_greeting_is_no_signature_and_stays_in_the_body() -> None:
    for closing in ("Happy Holidays", "Stay Safe Everyone"):
        article = extract(article_page(body=(*PROSE, closing)))
        assert article.authors == ()
        assert closing in article.paragraphs


@pytest.mark.parametrize(
    "quote",
    [
        "\u201cA city is made by the people who stay when it rains.\u201d (Marten Olsvik)",
        "You cannot cross the sea by standing and staring at the water (Marten Olsvik)",  # a saying, unquoted
    ],
)
def test_a_quotations_attribution_is_not_the_author(quote: str) -> None:
    """A name in brackets signs the story only after its last sentence; right after a saying, it names its source."""
    article = extract(article_page(body=(*PROSE, quote)))
    assert article.authors == ()
    assert quote in article.paragraphs


def test_a_name_in_brackets_after_a_sentence_still_signs() -> None:
    signed = "The council meets again in March, and we will report on it then. (Henning K. Sowada)"
    assert extract(article_page(body=(*PROSE, signed), lang="de")).authors == ("Henning K. Sowada",)


@pytest.mark.parametrize("label", ["Autoren", "Auteurs", "Autores"])
def test_a_label_in_an_author_element_is_no_author(label: str) -> None:
    page = article_page(below=f'<p class="byline"><span class="author">{label}</span></p>')
    assert extract(page).authors == ()


def test_a_label_as_structured_author_is_no_author() -> None:
    data = '{"@type": "NewsArticle", "headline": "x", "author": {"@type": "Person", "name": "Auteurs"}}'
    assert extract(article_page(head=json_ld(data))).authors == ()


@pytest.mark.parametrize("place", ["Lisbon", "NEW DELHI", "Washington"])
def test_a_city_is_no_author(place: str) -> None:
    page = article_page(below=f'<p class="byline">By Nadia Ferris | <span class="author">{place}</span></p>')
    assert extract(page).authors == ("Nadia Ferris",)
    data = f'{{"@type": "NewsArticle", "headline": "x", "author": {{"@type": "Person", "name": "{place}"}}}}'
    assert extract(article_page(head=json_ld(data))).authors == ()


def test_a_role_cut_in_half_is_no_author() -> None:
    page = article_page(below='<p class="byline">By Westbury Court Reporter</p>')
    assert extract(page).authors == ()


@pytest.mark.parametrize("placeholder", ["No Author", "admin", "Unknown", "Anonymous"])
def test_a_placeholder_is_no_author(placeholder: str) -> None:
    meta = f'<meta name="author" content="{placeholder}">'
    assert extract(article_page(head=meta)).authors == ()
    marked = article_page(below=f'<p>Posted by <span class="author">{placeholder}</span></p>')
    assert extract(marked).authors == ()


def test_a_photo_credit_is_neither_author_nor_agency() -> None:
    page = article_page(below="<p>Photo: Mireille Kastner, AP</p>")
    article = extract(page)
    assert article.authors == ()
    assert article.agency is None


def test_a_site_named_like_an_address_is_no_author() -> None:
    page = article_page(after_body='<p>Posted by <a rel="author" href="/author/x">Harbourherald.com</a></p>')
    assert extract(page).authors == ()


def test_a_newsroom_listed_beside_a_person_is_credited_with_them() -> None:
    data = (
        '{"@type": "NewsArticle", "headline": "x", "author": '
        '[{"@type": "Person", "name": "Lena Fischer"}, {"@type": "Person", "name": "Redaktion"}]}'
    )
    assert extract(article_page(head=json_ld(data), lang="de")).authors == ("Lena Fischer", "Redaktion")


def test_a_copyright_line_closing_the_article_names_its_author() -> None:
    article = extract(article_page(body=(*PROSE, "© 2021 Marten Olsvik"), lang="de"))
    assert article.authors == ("Marten Olsvik",)
    company = extract(article_page(body=(*PROSE, "© 2021 Harbour Media GmbH"), lang="de"))
    assert company.authors == ()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("BY ANA LINDQVIST ON 11/13/19", ["ANA LINDQVIST"]),  # the connector in capitals as the credit is
        ("POSTED BY TOM REEVE AND ANA LINDQVIST ON 10/18/2012", ["TOM REEVE", "ANA LINDQVIST"]),
        ("Tom Reeve ON Air", ["Tom Reeve ON Air"]),  # a word in capitals inside a name written in cases is no connector
        ("vonFred Halvorsen", ["Fred Halvorsen"]),  # 'von' glued in lower case is 'by'
    ],
)
def test_credits_in_capitals_and_glued_particles(text: str, names: list[str]) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize("line", ["DiMarco Family Farms & Roadside Stands", "DeVries wins the final", "VanDyke Hall"])
def test_a_capitalised_particle_glued_to_a_name_is_a_surname_not_a_byline(line: str) -> None:
    assert prefix_end(line) is None

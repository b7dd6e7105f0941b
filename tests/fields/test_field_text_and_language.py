"""Plain-text pages get the same fields from their lines; the language comes from tags or stop words."""

from __future__ import annotations

import datetime as dt

from field_pages import HEADLINE, PROSE, article_page

from articlex import extract

TEXT_PAGE = "\n".join(
    [
        "Example News",
        "Home | News | Sport",
        "",
        HEADLINE,
        "",
        "By Asha Rao and Vikram Mehta | PTI | 18.06.2024",
        "",
        *(line + "\n" for line in PROSE),
        "About us · Contact · Privacy",
    ]
)


def test_text_page_gets_headline_credits_and_date_from_its_lines() -> None:
    article = extract(TEXT_PAGE)
    assert article.headline == HEADLINE
    assert article.authors == ("Asha Rao", "Vikram Mehta")
    assert article.agency == "PTI"
    assert article.published == dt.date(2024, 6, 18)
    assert article.byline == "By Asha Rao and Vikram Mehta | PTI | 18.06.2024"


def test_text_page_dateline_gives_agency_and_place() -> None:
    page = "\n".join([HEADLINE, "", "NEW DELHI, June 18 (IANS) — " + PROSE[0], "", *PROSE[1:]])
    article = extract(page)
    assert article.agency == "IANS"
    assert article.dateline == "New Delhi"


def test_language_from_the_html_tag() -> None:
    assert extract(article_page(lang="de-CH")).language == "de-CH"


def test_language_from_meta_when_the_html_tag_is_missing() -> None:
    page = article_page(head='<meta http-equiv="content-language" content="fr">').replace(' lang="en"', "")
    assert extract(page).language == "fr"


def test_language_detected_from_stop_words() -> None:
    body = (
        "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, nachdem die Debatte bis in die Nacht dauerte.",
        "Die Befürworter sagten, dass der Plan die Straßen und die Schulen verbessern würde, und die Kritiker warnten.",
        "Der Bürgermeister, der sich seit Monaten für die Maßnahme eingesetzt hatte, sprach von einem Wendepunkt.",
    )
    page = article_page(body=body).replace(' lang="en"', "")
    assert extract(page).language == "de"


GERMAN_BODY = (
    "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, nachdem die Debatte bis in die Nacht dauerte.",
    "Die Befürworter sagten, dass der Plan die Straßen und die Schulen verbessern würde, und die Kritiker warnten.",
    "Der Bürgermeister, der sich seit Monaten für die Maßnahme eingesetzt hatte, sprach von einem Wendepunkt.",
)


def test_a_template_s_english_declaration_gives_way_to_the_language_the_body_is_written_in() -> None:
    """'en' is a template's default: a German body under `<html lang="en">` is German, and its dates read day first."""
    article = extract(article_page(body=GERMAN_BODY, below="<p>03.06.2024</p>"))
    assert article.language == "de"
    assert article.provenance["language"].evidence.endswith("(the page declares 'en')")
    assert article.published is not None
    assert article.published.isoformat()[:10] == "2024-06-03"


def test_another_declared_language_is_believed() -> None:
    assert extract(article_page(body=GERMAN_BODY, lang="de-AT")).language == "de-AT"
    assert extract(article_page(lang="fr")).language == "fr"  # an English body under 'fr': the page says so

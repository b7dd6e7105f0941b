"""Credits that close the article (a last 'Von …' paragraph, a signature, a byline box after the body),
newsrooms credited instead of people, and bylines inside a short description."""

from __future__ import annotations

import datetime as dt

import pytest
from field_pages import PROSE, article_page, json_ld

from articlex import extract
from articlex.fields.credit_line import read_credit
from articlex.fields.names import desk_name, split_names

# ---- a byline at the end of the body -------------------------------------------------------


@pytest.mark.parametrize(
    ("closing", "lang", "name"),
    [
        ("Von Henrike Albers", "de", "Henrike Albers"),
        ("Erstellt von Mattia Rensch", "de", "Mattia Rensch"),
        ("Par Lucien Marchetti", "fr", "Lucien Marchetti"),
        ("By Jane Whitfield", "en", "Jane Whitfield"),
    ],
)
def test_a_last_paragraph_with_a_byline_prefix_credits_the_author(closing: str, lang: str, name: str) -> None:
    article = extract(article_page(body=(*PROSE, closing), lang=lang))
    assert article.authors == (name,)
    assert closing not in article.paragraphs


def test_a_signature_after_the_last_sentence_is_the_author() -> None:
    article = extract(article_page(body=(*PROSE, "Jonas Brenneis"), lang="de"))
    assert article.authors == ("Jonas Brenneis",)


def test_a_signature_over_the_signers_position() -> None:
    page = article_page(body=(*PROSE, "Kerim Yılmazer<br>Bundesvorsitzender"), lang="de")
    assert extract(page).authors == ("Kerim Yılmazer",)


def test_a_name_after_a_label_is_a_credit_list_not_a_signature() -> None:
    body = (*PROSE, "Fotografie", "Lukas Peter Brandl")
    assert extract(article_page(body=body, lang="de")).authors == ()


def test_a_byline_near_the_headline_wins_over_a_closing_one() -> None:
    article = extract(article_page(below="<p>By Asha Rao</p>", body=(*PROSE, "By Vikram Mehta")))
    assert article.authors == ("Asha Rao",)


def test_a_byline_box_after_a_list_of_related_stories() -> None:
    related = (
        '<div class="relatedItems"><h4>Weitere Artikel zum Thema:</h4><ul>'
        '<li><h4><a href="/a">Ein anderer Artikel über den Haushalt</a></h4></li>'
        '<li><h4><a href="/b">Noch ein Artikel über den Rat</a></h4></li></ul></div>'
    )
    box = '<div class="documentByLine">erstellt von Severin — veröffentlicht 14.03.2022 07:30</div>'
    article = extract(article_page(after_body=related + box, lang="de"))
    assert article.authors == ("Severin",)
    assert article.published == dt.datetime(2022, 3, 14, 7, 30)  # noqa: DTZ001 - no zone given


def test_a_byline_in_a_list_of_other_stories_after_the_body_is_not_the_articles() -> None:
    listing = (
        '<div class="listing"><h3>Weitere Artikel</h3><div class="item"><h3><a href="/x">Ein Sommer am Deich</a></h3>'
        '<div class="item-author">Von Ole Kranich am 15.09.2022</div></div></div>'
    )
    article = extract(article_page(after_body=listing, lang="de"))
    assert article.authors == ()
    assert article.published is None


# ---- a newsroom or an organisation credited ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "desk"),
    [
        ("Redaktion", "Redaktion"),
        ("La Rédaction", "La Rédaction"),
        ("Lakeside Foundation", "Lakeside Foundation"),
        ("Pressestelle des Landesverbandes Nordheide", "Pressestelle des Landesverbandes Nordheide"),
    ],
)
def test_newsrooms_and_organisations_are_desks(text: str, desk: str) -> None:
    assert desk_name(text) == desk


@pytest.mark.parametrize("text", ["Asha Rao", "Share", "Comments", "Post a Comment", "Politik", "Reuters"])
def test_names_labels_sections_and_agencies_are_not_desks(text: str) -> None:
    assert desk_name(text) is None


@pytest.mark.parametrize(
    ("below", "lang", "desk"),
    [
        ("<p>von Redaktion, 24. Januar 2022</p>", "de", "Redaktion"),
        ("<p>Par la rédaction | 12 mai 2021</p>", "fr", "la rédaction"),
        ('<div class="post-meta">By Lakeside Foundation • 15 January 2020</div>', "en", "Lakeside Foundation"),
        ('<div class="meta"><span class="author">Redaktion</span> 1. November 2023</div>', "de", "Redaktion"),
    ],
)
def test_a_byline_crediting_the_newsroom_gives_it_as_the_author(below: str, lang: str, desk: str) -> None:
    assert extract(article_page(below=below, lang=lang)).authors == (desk,)


def test_a_newsroom_beside_a_person_leaves_the_person() -> None:
    assert extract(article_page(below="<p>von Tobias Rämisch, Redaktion</p>", lang="de")).authors == ("Tobias Rämisch",)


def test_structured_data_naming_a_person_wins_over_a_newsroom_byline() -> None:
    head = json_ld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Lena Fischer"}}')
    assert extract(article_page(head=head, below="<p>von Redaktion</p>", lang="de")).authors == ("Lena Fischer",)


# ---- bylines inside a line, joiners, organisations -----------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Eine Kolumne von Frieda Lohmann", ("Frieda Lohmann",)),
        ("A column by Jane Whitfield", ("Jane Whitfield",)),
        ("Une chronique de Marie Dupont", ()),  # 'de' is no byline prefix: nothing is guessed
    ],
)
def test_a_byline_after_a_short_description(text: str, names: tuple[str, ...]) -> None:
    credit = read_credit(text, month_first=False, reference=None)
    assert (credit.authors if credit is not None else ()) == names


@pytest.mark.parametrize("text", ["Fotos von Jana Wendler", "Leasing von Lieferwagen", "Photo: ČTK/Ondřej Bažant"])
def test_photo_credits_and_phrases_are_not_bylines(text: str) -> None:
    credit = read_credit(text, month_first=False, reference=None)
    assert credit is None or not credit.authors


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Konrad Emil Haberland im Gespräch mit Ines Vogt", ["Konrad Emil Haberland", "Ines Vogt"]),
        ("Jane Whitfield in conversation with Ned Halloway", ["Jane Whitfield", "Ned Halloway"]),
        ("Priya Nandan, NCLF Housing Justice Program", ["Priya Nandan"]),
        ("Anna Weber, Stiftung Wohnraumhilfe", ["Anna Weber"]),
    ],
)
def test_interviews_join_names_and_organisations_are_left_out(text: str, names: list[str]) -> None:
    assert split_names(text) == names


def test_labels_beside_a_byline_are_understood() -> None:
    credit = read_credit("26 Mai, 2008 | dArK_RiVeR | Kommentare 34", month_first=False, reference=None)
    assert credit is not None
    assert credit.date == dt.date(2008, 5, 26)


def test_an_author_box_between_headline_and_body_is_the_byline() -> None:
    box = (
        '<div class="author-box"><span class="author">Redaktion</span>'
        '<time datetime="01-11-2023 10:29">1. November 2023 10:29</time></div>'
    )
    article = extract(article_page(below=box, lang="de"))
    assert article.published == dt.datetime(2023, 11, 1, 10, 29)  # noqa: DTZ001 - no zone given
    assert article.authors == ("Redaktion",)


def test_a_name_in_brackets_ending_the_body_signs_it() -> None:
    last = "Der Streit um das Freibad in Ostwalde geht weiter, sagen die Fraktionen im Rat. (Henning K. Sowada) +++"
    article = extract(article_page(body=(*PROSE, last), lang="de"))
    assert article.authors == ("Henning K. Sowada",)
    assert article.paragraphs[-1] == last  # the paragraph stays in the body


def test_an_agency_in_brackets_ending_the_body_is_no_author() -> None:
    last = "Der Streit um das Freibad in Ostwalde geht weiter, sagen die Fraktionen im Rat. (dpa)"
    assert extract(article_page(body=(*PROSE, last), lang="de")).authors == ()


def test_a_byline_box_after_the_body_names_its_author_element() -> None:
    box = '<div id="meta"><span class="author"><a href="/user/30">Lars</a></span> 0 Kommentare</div>'
    assert extract(article_page(after_body=box, lang="de")).authors == ("Lars",)


def test_a_byline_in_a_caption_box_under_the_headline() -> None:
    box = '<div class="item-caption"><div class="details">von Matthias Köhnen</div></div>'
    assert extract(article_page(below=box, lang="de")).authors == ("Matthias Köhnen",)


def test_a_photo_credit_in_a_caption_box_under_the_headline_is_not_the_byline() -> None:
    box = '<figure><img src="a.jpg"><figcaption>Foto: Matthias Köhnen</figcaption></figure>'
    assert extract(article_page(below=box, lang="de")).authors == ()


def test_a_byline_naming_the_site_is_its_author_on_a_blog() -> None:
    head = '<meta property="og:site_name" content="fadenspielerin">'
    article = extract(
        article_page(head=head, below="<p>von fadenspielerin</p>", lang="de"),
        url="https://fadenspielerin.example.org/2012/08/22/ferien/",
    )
    assert article.authors == ("fadenspielerin",)


def test_a_person_named_in_a_later_credit_line_wins_over_a_user_name() -> None:
    below = "<p>Gespeichert von nordwind am 7. Juli 2019 - 18:45</p><p>Blog Beitrag von Irina Beloglasowa</p>"
    assert extract(article_page(below=below, lang="de")).authors == ("Irina Beloglasowa",)


def test_a_credited_newsroom_comes_before_a_user_name_in_meta() -> None:
    head = '<meta name="twitter:creator" content="alpentickerch">'
    below = '<footer class="article-meta"><p class="article-author">Redaktion Alpenticker Schweiz</p></footer>'
    article = extract(article_page(head=head, below=below, lang="de"))
    assert article.authors == ("Redaktion Alpenticker Schweiz",)


def test_credits_of_other_work_are_not_the_authors() -> None:
    credit = read_credit("Text von Dominik Allgäuer Illustration von Reto Marthaler", month_first=False, reference=None)
    assert credit is not None
    assert credit.authors == ("Dominik Allgäuer",)
    newsroom = read_credit("Metro Desk By Metro Desk", month_first=False, reference=None)
    assert newsroom is None or newsroom.authors != ("Metro",)


def test_a_structured_author_typed_without_capitals_is_kept() -> None:
    head = json_ld('{"@type": "BlogPosting", "author": {"@type": "Person", "name": "Idris karimi"}}')
    assert extract(article_page(head=head)).authors == ("Idris karimi",)


def test_a_newsroom_named_as_the_author_in_structured_data_is_a_last_resort() -> None:
    desk = json_ld('{"@type": "Article", "author": {"@type": "Organization", "name": "Redaktion Blaue Tafel"}}')
    assert extract(article_page(head=desk, lang="de")).authors == ("Redaktion Blaue Tafel",)
    company = json_ld('{"@type": "Article", "author": {"@type": "Organization", "name": "Example Holdings"}}')
    assert extract(article_page(head=company)).authors == ()


@pytest.mark.parametrize(
    ("closing", "name"),
    [
        ("Von Henrike Albers", "Henrike Albers"),
        ("By Jane Whitfield", "Jane Whitfield"),
        ("Posted on June 3, 2024 by Jane Whitfield", "Jane Whitfield"),  # no prefix first: signed and dated
    ],
)
def test_a_byline_under_a_text_copys_story_credits_the_author(closing: str, name: str) -> None:
    """A text copy keeps no element around the story: its byline on the line under the last paragraph still counts."""
    text = "\n\n".join(
        ["Home | News | Sport | Contact", "Harbour board approves new cranes", *PROSE, closing, "© Harbour"]
    )
    assert extract(text).authors == (name,)


@pytest.mark.parametrize("under", ["Related Topics", "More Harbour Stories", "by Taboola"])
def test_a_label_or_a_widgets_credit_under_a_text_copys_story_is_no_author(under: str) -> None:
    text = "\n\n".join(
        ["Home | News | Sport | Contact", "Harbour board approves new cranes", *PROSE, under, "© Harbour"]
    )
    assert extract(text).authors == ()

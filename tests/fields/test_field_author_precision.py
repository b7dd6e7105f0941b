"""Authors that are never junk: what stands beside a byline is not a name (issue 14, the hand check).

Each case is a kind of wrong author found on pages nobody tuned on, written here with invented
names: an outlet, a place, a category or a role's qualifier after the name; a column or a
category in another segment of the credit line; a title or a label shaped like a name; a
`<meta name="author">` the site's template fills; a commenter signing below the article.
"""

from __future__ import annotations

import pytest
from field_pages import PROSE, article_page

from articlex import extract
from articlex.fields.credit_line import read_credit
from articlex.fields.names import split_names
from articlex.fields.person_name import is_credited_name, looks_like_name, names_an_organisation

# ---- what follows a name in one credit -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an outlet or a place after the name, and what follows it
        ("By Mara Quill, Harbour Tribune", ["Mara Quill"]),
        ("by Tobin Ashe, Millbrook, Valley Gazette, March 3, 1999", ["Tobin Ashe"]),
        ("by Ivo Brandt, Fabian, Eastvale Branch", ["Ivo Brandt"]),
        # a role, then what the role is for
        ("Posted by Nell Varga, Regional Sales Director, Northern Europe", ["Nell Varga"]),
        ("Posted by Ravi Okafor, Software Engineer, Flood Mapping Response", ["Ravi Okafor"]),
        ("By Jonah Pell, Harbour Court Reporter", ["Jonah Pell"]),
        ("By Ada Lintz, Eastvale Politics Editor-at-large", ["Ada Lintz"]),
        # a degree after a name, and more names after it
        ("By Lise Moreau, M.D.", ["Lise Moreau"]),
        ("Mark Ode, MA, Carla Rusk, PhD, and Devin Hale, PhD", ["Mark Ode", "Carla Rusk", "Devin Hale"]),
        # a category or a place after a connector; a parallel name after the comma is a name
        ("Posted by Tom Reyes in Good Food, Slow Cooking, News and Reviews", ["Tom Reyes"]),
        ("by Dara Wynn, who believes in long walks", ["Dara Wynn"]),
        ("By Sara Lind in Oslo, Maja Pohl in Bergen and Kevin Ash in Tromsø", ["Sara Lind", "Maja Pohl", "Kevin Ash"]),
        # commas only between names still list names
        ("By Pia Stone, Karl Obi, Greta Lund", ["Pia Stone", "Karl Obi", "Greta Lund"]),
        # a joiner after words that are no name joins no names
        ("HILLTOP ASSOCIATION OF BED AND BREAKFAST INNS", []),
        # a date glued after the name
        ("By Joel Marsh Monday", ["Joel Marsh"]),
        # another role's label and colon: a masthead's or a credit's editor, photographer, designer
        ("Author: Lena Ostrow Editor: Pia Hahn", ["Lena Ostrow"]),
        ("Editor-In-Chief: Pia Hahn", []),
        ("By Lena Ostrow Photos: Tom Brisk", ["Lena Ostrow"]),
    ],
)
def test_what_stands_beside_a_name_is_not_a_name(text: str, names: list[str]) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize(
    "name",
    [
        "Valley Gazette",  # an outlet's word
        "Eastvale Times Herald-Record",
        "Northside Media",
        "Dr. Quill's Blog",  # a blog's name
        "HTV Business",  # an acronym opening a capitalised phrase
        "AP Auto",  # an agency's acronym beside another word
        "Watch This",  # words of a title or a label
        "Not Rated",
        "Get Rid of the Fees",
        "Search Site",
    ],
)
def test_outlets_titles_and_labels_are_no_names(name: str) -> None:
    assert names_an_organisation(name)
    assert not looks_like_name(name)
    assert not is_credited_name(name)


@pytest.mark.parametrize(
    "name",
    ["Mara Quill", "Ana de la Torre", "Robert Hale III", "LISA ORME", "Noah Love", "Minh Do", "Rich Sato", "Ian LYNAM"],
)
def test_names_with_words_like_those_stay_names(name: str) -> None:
    assert not names_an_organisation(name)
    assert looks_like_name(name)


def test_a_newsroom_named_with_its_outlet_is_still_credited() -> None:
    assert is_credited_name("Valley Gazette Staff")


@pytest.mark.parametrize("word", ["Música", "Пример"])
def test_one_word_of_a_script_with_case_is_no_full_name(word: str) -> None:
    assert not looks_like_name(word)
    assert looks_like_name("王小明")


# ---- the segments of a credit line -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Watch This || By: Mara Quill || October 30, 2012 07:00 PM", ("Mara Quill",)),
        ("by Tobin Ashe on 11/06/2012 • No Comments | Slow Food", ("Tobin Ashe",)),
        ("By Dara Wynn • Nov 6, 2012 • Harbour Bay City", ("Dara Wynn",)),
        ("By Ivo Brandt | Northside Advance Group", ("Ivo Brandt",)),
        # names on the lines below a byline go on listing authors; a job title there says who the author is
        ("By Pia Stone\nKarl Obi, November 2004", ("Pia Stone", "Karl Obi")),
        ("By Jonah Pell\nValley Bee Staff Writer\n(Published Nov. 24, 2000)", ("Jonah Pell",)),
        ("By Sam Ode (AP)\nPublished: 2008-01-09 02:55\nLocation: HARBOURTOWN, Eastern Province", ("Sam Ode",)),
    ],
)
def test_a_byline_names_its_authors_not_what_stands_beside_it(line: str, authors: tuple[str, ...]) -> None:
    credit = read_credit(line, month_first=True, reference=None)
    assert credit is not None
    assert credit.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "Presented by Harbour Savings Bank",
        "Translated by Mara Quill",
        "Edited by Mara Quill",
        "Medically reviewed by Dr. Mara Quill, MD",
        "Fact checked by Mara Quill",
        "Übersetzt von Mara Quill",
    ],
)
def test_a_sponsor_a_translator_or_an_editor_is_no_author(line: str) -> None:
    """A credit for other work than the writing ('Edited by', 'Presented by'): its name is not the author's."""
    assert extract(article_page(below=f"<p>{line}</p>")).authors == ()


def test_the_author_before_a_credit_for_other_work_is_kept() -> None:
    assert extract(article_page(below="<p>By Tobin Ashe Reviewed by Mara Quill</p>")).authors == ("Tobin Ashe",)


# ---- <meta name="author"> --------------------------------------------------------------------

SHOWN = "By the newsroom of the paper, with the help of readers."


@pytest.mark.parametrize(
    ("meta_author", "title", "shown"),
    [
        ("Kira Vale", None, ""),  # a template's owner, shown nowhere on the page
        ("HTV", None, "HTV News at six."),  # an acronym: the broadcaster
        ("HarbourTV", "HarbourTV - City council approves new budget", "HarbourTV"),  # a part of the title: the site
        ("QuayNews", None, "Visit QUAYNEWS.EXAMPLE for more."),  # shown only inside an address
    ],
)
def test_a_template_meta_author_is_no_author(meta_author: str, title: str | None, shown: str) -> None:
    page = article_page(
        head=f'<meta name="author" content="{meta_author}">', title=title, body=(*PROSE, shown) if shown else PROSE
    )
    assert extract(page).authors == ()


def test_a_meta_author_the_page_shows_is_kept() -> None:
    page = article_page(
        head='<meta name="author" content="Kira Vale">', body=(*PROSE, "Kira Vale writes about the city.")
    )
    assert extract(page).authors == ("Kira Vale",)


def test_a_person_named_in_the_title_of_a_personal_site_is_kept() -> None:
    page = article_page(
        head='<meta name="author" content="Kira Vale">',
        title="Kira Vale - Notes on the budget",
        body=(*PROSE, "Kira Vale writes about the city."),
    )
    assert extract(page).authors == ("Kira Vale",)


# ---- comments below the article --------------------------------------------------------------


def test_a_commenter_signing_below_the_comments_label_is_no_author() -> None:
    comments = (
        "<div><p>Comments</p></div>"
        '<div><p class="comment-meta">by Rowan on 1/11/2008 6:24:39 PM</p><p>Great story, thanks for it!</p></div>'
    )
    page = article_page(after_body=comments)
    assert extract(page).authors == ()


# ---- where the credit line stands -------------------------------------------------------------


def test_a_byline_under_the_headline_wins_over_a_credit_line_above_it() -> None:
    # A list of top stories above the article: each teaser has its own 'By …' line.
    teasers = (
        '<ul class="top-stories"><li><p class="teaser-title">Ferry service returns to the old harbour</p>'
        '<p class="teaser-author">By Odile Marsh</p></li>'
        '<li><p class="teaser-title">Library opens its doors on Sundays</p>'
        '<p class="teaser-author">By Piet Havel</p></li></ul>'
    )
    page = article_page(above=teasers, below='<p class="byline">By Nora Quist</p>')
    article = extract(page)
    assert article.authors == ("Nora Quist",)
    assert article.byline == "By Nora Quist"


def test_a_credit_line_above_the_headline_still_counts_when_none_is_below() -> None:
    page = article_page(above='<p class="byline">By Nora Quist</p>')
    assert extract(page).authors == ("Nora Quist",)


# ---- words that give a credit away ------------------------------------------------------------


@pytest.mark.parametrize("line", ["POR AGENCIAS", "Von Agenturen", "Par agences"])
def test_unnamed_agencies_in_any_language_are_no_author(line: str) -> None:
    assert split_names(line) == []


def test_an_outlet_after_the_name_in_an_author_element_is_no_author() -> None:
    page = article_page(below='<p class="byline"><span class="author">Ida Brenner, Gadget World</span></p>')
    assert extract(page).authors == ("Ida Brenner",)


def test_names_listed_over_two_lines_before_the_date_are_all_kept() -> None:
    credit = read_credit("Nadia Holm\nTobin Reyes\nTuesday January 8, 2008", month_first=False, reference=None)
    assert credit is not None
    assert credit.authors == ("Nadia Holm", "Tobin Reyes")


def test_the_last_of_a_thread_of_signatures_is_a_commenter() -> None:
    thread = (
        "Posted by: Mia Lund at Nov 23, 2004 3:36:20 PM",
        "Lovely story, I have walked that road myself many times over the years.",
        "Posted by: Tom Berg at Nov 23, 2004 4:00:06 PM",
        "Thanks for writing this, it brought back a lot of memories.",
        "Posted by: Lars Eck at Nov 24, 2004 8:10:10 PM",
    )
    page = article_page(body=(*PROSE, *thread))
    assert "Lars Eck" not in extract(page).authors


def test_a_post_signed_once_at_its_end_keeps_its_author() -> None:
    page = article_page(body=(*PROSE, "Posted by: Mia Lund at Nov 23, 2004 3:36:20 PM"))
    assert extract(page).authors == ("Mia Lund",)


# ---- a picture's credit, and a line that repeats the headline ----------------------------------


@pytest.mark.parametrize("name", ["imageByline", "photo-byline", "img_author", "picture-author"])
def test_an_element_named_for_a_pictures_byline_credits_no_author(name: str) -> None:
    picture = f'<div class="photo"><img src="/a.jpg" alt=""><div class="{name}">Rina Calloway, file</div></div>'
    page = article_page(below=picture)
    assert "Rina Calloway" not in extract(page).authors


def test_an_element_named_for_a_pictures_byline_leaves_the_byline_to_the_article() -> None:
    picture = '<div class="photo"><img src="/a.jpg" alt=""><div class="imageByline">Rina Calloway</div></div>'
    page = article_page(below=f'{picture}<p class="byline">By Otto Lindqvist</p>')
    assert extract(page).authors == ("Otto Lindqvist",)


def test_an_element_named_for_the_authors_picture_still_names_the_author() -> None:
    page = article_page(below='<div class="byline"><span class="author-photo">Otto Lindqvist</span></div>')
    assert extract(page).authors == ("Otto Lindqvist",)


def test_a_line_repeating_the_headline_names_no_author_without_a_prefix() -> None:
    headline = "Three new trailers for the winter season"
    page = article_page(headline=headline, above=f"<p>Ember Quest - {headline} - November 1, 2012</p>")
    article = extract(page)
    assert article.authors == ()
    assert "Ember Quest" not in article.to_text()


def test_an_outlet_printed_between_the_headline_and_the_date_is_no_author() -> None:
    headline = "Harbour bridge to reopen early in June"
    line = f"<p>{headline}<br>Harbour Sun<br>Sunday 30th December, 2007</p>"
    page = article_page(headline="", title=headline, below=line)
    assert "Harbour Sun" not in extract(page).authors


def test_a_line_repeating_the_headline_still_names_the_author_after_a_prefix() -> None:
    headline = "Island test, day two"
    page = article_page(headline=headline, below=f"<p>{headline} 1/9/2008 By Lisa Ormond</p>")
    assert extract(page).authors == ("Lisa Ormond",)

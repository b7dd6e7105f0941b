"""The headline: the visible one, confirmed by structured titles; site and section names never."""

from __future__ import annotations

import pytest
from field_pages import HEADLINE, PROSE, article_page

from articlex import Options, extract
from articlex.fields.site_titles import Site, strip_site_name

SITE = Site(("examplenews",), "examplenews", frozenset({"examplenews"}))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Budget approved | Example News", "Budget approved"),
        ("Budget approved › Example News", "Budget approved"),
        ("Example News › Budget approved", "Budget approved"),
        ("Example News: Budget approved", "Budget approved"),
        ("Budget approved - examplenews.com", "Budget approved"),
        ("Mayor Jane Doe – Budget approved after long debate", "Mayor Jane Doe – Budget approved after long debate"),
        ("Blog » Archive » Budget approved after a long debate", "Budget approved after a long debate"),
        # a post inside its blog, whatever the blog is called: the part before the '«'
        ("Gone fishing « Harbour Walker's Notebook of Small Things", "Gone fishing"),
        ("Budget approved « Harbour Walker – notes, pictures & walks", "Budget approved"),
        # Chinese and Japanese titles join their parts with an underscore
        ("港务局批准东码头新起重机计划_财经频道_海港日报网", "港务局批准东码头新起重机计划"),
    ],
)
def test_site_name_is_cut_from_titles(title: str, expected: str) -> None:
    assert strip_site_name(title, SITE) == expected


@pytest.mark.parametrize(
    ("domain", "text", "named"),
    [
        ("roc", "Revue Ouverte Culturelle", True),
        ("nsv", "Nordischer Segel-Verband e.V.", True),
        ("nsv", "New Sailing Venues", True),
        ("nsv", "New Sailing Venues Opened Here", False),
        ("xyz", "Xavier Yells Zealously Today", False),
    ],
)
def test_initials_of_the_domain_name_the_site(domain: str, text: str, named: bool) -> None:
    assert Site((), domain).is_named_by(text) is named


def test_visible_headline_matching_the_title_wins() -> None:
    head = '<meta property="og:title" content="City council approves new budget after long debate | Example News">'
    head += '<meta property="og:site_name" content="Example News">'
    article = extract(article_page(head=head))
    assert article.headline == HEADLINE
    assert article.provenance["headline"].block is not None


@pytest.mark.parametrize("space", [" ", ""])
def test_kicker_glued_in_the_heading_is_left_out(space: str) -> None:
    """With or without a space: a kicker in its own `<span>` runs into the title's first word ('EXCLUSIVECity …')."""
    head = f'<meta property="og:title" content="{HEADLINE}">'
    article = extract(article_page(head=head, headline=f'<span class="kicker">EXCLUSIVE</span>{space}{HEADLINE}'))
    assert article.headline == HEADLINE


def test_section_name_in_og_title_is_not_the_headline() -> None:
    head = '<meta property="og:title" content="Press releases">'
    article = extract(article_page(head=head, title=f"{HEADLINE} | Example News"))
    assert article.headline == HEADLINE


def test_breadcrumb_repeating_a_title_is_not_the_headline() -> None:
    crumbs = '<nav class="breadcrumb"><ul><li><a href="/">Home</a></li><li>Press releases</li></ul></nav>'
    head = '<meta property="og:title" content="Press releases">'
    article = extract(article_page(head=head, above=crumbs, title=HEADLINE))
    assert article.headline == HEADLINE


def _finance_page(header: str, h1_in_body: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    return (
        "<html><head><title>Car loans compared: credit or leasing, which is better?</title></head><body>"
        f'<header class="site-header">{header}<nav><a href="/">Home</a> <a href="/loans">Loans</a></nav></header>'
        f'<main><div class="content">{h1_in_body}{paragraphs}</div></main></body></html>'
    )


def test_heading_opening_the_body_is_the_headline_whatever_the_title_says() -> None:
    article = extract(_finance_page("", "<h1>Financing your car</h1>"))
    assert article.headline == "Financing your car"


def test_heading_outside_the_body_needs_a_title_to_confirm_it() -> None:
    article = extract(_finance_page('<h1 class="logo">Finance Corner</h1>', ""))
    assert article.headline == "Car loans compared: credit or leasing, which is better?"


def _blog_page(title: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    return (
        f"<html><head><title>{title}</title></head><body>"
        '<header><div class="logo"><a href="/">Harbour Notes</a></div></header>'
        '<div id="content"><div class="post"><h2 class="entry-title"><a href="/post/7">The ferry returns to'
        f' the old pier</a></h2><div class="entry-content">{paragraphs}</div></div></div></body></html>'
    )


def test_post_title_in_an_h2_wins_over_a_title_that_is_only_a_label() -> None:
    article = extract(_blog_page("Blog | Harbour Notes"), url="https://www.harbournotes.org/post/7")
    assert article.headline == "The ferry returns to the old pier"


def test_a_title_that_is_a_sentence_wins_over_an_h2() -> None:
    page = _blog_page("Ferry service resumes after ten years at the old pier")
    article = extract(page, url="https://www.harbournotes.org/post/7")
    assert article.headline == "Ferry service resumes after ten years at the old pier"


@pytest.mark.parametrize(
    ("title", "site", "post", "post_heading"),
    [
        ("Pond pump keeps tripping the breaker - Garden Ponds Forum", "Garden Ponds Forum",
         "Pond pump keeps tripping the breaker", "h2"),  # a forum's topic
        ("Tidewater Tales - The ferry returns to the old pier", "Tidewater Tales",
         "The ferry returns to the old pier", "h2"),  # a classic blog theme
        ("Tidewater Tales - The ferry returns to the old pier", "Tidewater Tales",
         "The ferry returns to the old pier", "h3"),
    ],
)  # fmt: skip
def test_the_site_s_name_in_an_h1_gives_way_to_the_post_s_title(
    title: str, site: str, post: str, post_heading: str
) -> None:
    """Many blog themes and forums set the site's name in the page's `<h1>` and each post's title below it.

    When both match a part of the page's title, the one nearer the post is the headline: the site's name
    stands in the banner, above the menu, far from the text.
    """
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    page = (
        f"<html><head><title>{title}</title></head><body>"
        f"<div class='banner'><h1>{site}</h1><p>Notes from the water</p></div>"
        "<ul class='menu'><li><a href='/'>Home</a></li><li><a href='/about'>About</a></li></ul>"
        f"<div id='main'><{post_heading}>{post}</{post_heading}><p class='when'>May 4, 2024</p>{paragraphs}</div>"
        "</body></html>"
    )
    assert extract(page, url="https://www.example.org/p/881").headline == post


def test_title_naming_only_the_site_falls_back_to_the_heading() -> None:
    article = extract(article_page(title="Example News"), url="https://www.examplenews.com/story")
    assert article.headline == HEADLINE


def test_a_remark_in_brackets_ending_the_title_is_not_the_headline() -> None:
    page = article_page(headline="Die vergessene Dorfmühle", title="Die vergessene Dorfmühle (2021/5)", lang="de")
    assert extract(page).headline == "Die vergessene Dorfmühle"


def test_markup_and_code_lines_of_a_text_copy_are_not_titles() -> None:
    text = "\n".join(
        [
            '<a href="#" id="menu-open" class="menu-link">Menu</a> and some more words here',
            "window.tracker.getAll = function() {",
            *PROSE,
        ]
    )
    headline = extract(text, options=Options(input_kind="text")).headline
    assert headline is None or ("<" not in headline and "{" not in headline)


@pytest.mark.parametrize(
    "under",
    [
        ["November 3, 2021 at 4:02 pm"],
        ["Updated: Sat 8:31 PM, Nov 6, 2021", "By Jane Doe"],
        ["Posted on November 3, 2021 by Admin"],
        ["11/03/21 6:38 AM EST"],
        ["November 3, 2021 By Jane Doe Leave a comment"],
    ],
    ids=["date-and-clock", "updated-and-byline", "posted-by", "short-year", "date-then-byline"],
)
def test_a_date_line_under_the_title_of_a_text_copy_is_not_the_headline(under: list[str]) -> None:
    text = "\n\n".join(["Harbour Gazette", "Ferry service resumes at the old pier", *under, *PROSE])
    assert extract(text, options=Options(input_kind="text")).headline == "Ferry service resumes at the old pier"


def test_a_title_holding_a_date_is_still_a_headline() -> None:
    text = "\n\n".join(["Harbour Gazette", "Harbour notebook: ferries and floods, 6 November 2021", *PROSE])
    headline = extract(text, options=Options(input_kind="text")).headline
    assert headline == "Harbour notebook: ferries and floods, 6 November 2021"


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (
            ["Harbour Outfitters", "Home › Outerwear › Waxed cotton field jacket", "Waxed cotton field jacket"],
            "Waxed cotton field jacket",
        ),
        (
            ["HomeHarbour NewsFerry service resumes at the old pier", "Ferry service resumes at the old pier"],
            "Ferry service resumes at the old pier",
        ),
    ],
    ids=["trail-with-separators", "trail-copied-without-separators"],
)
def test_the_title_a_breadcrumb_trail_ends_with_is_the_headline_of_a_text_copy(lines: list[str], title: str) -> None:
    """A shop, forum or news page: under its title stand other title-shaped lines ('Thread starter …', teasers);
    the trail names the title, even copied without its separators ('HomeHarbour NewsFerry service …')."""
    other_lines = ["Free shipping on every order over one hundred euros", "Readers' pictures of the first crossing"]
    text = "\n\n".join([*lines, *other_lines, *PROSE])
    assert extract(text, options=Options(input_kind="text")).headline == title


def test_the_title_over_its_byline_wins_over_a_longer_line_nearer_the_body() -> None:
    """A teaser of another story or a standfirst-like line stands between the byline and the body of a text copy."""
    text = "\n\n".join(
        [
            "Harbour Gazette",
            "Ferry service resumes at the old pier",
            "By Jane Doe",
            "November 3, 2021",
            "Readers also liked the new lighthouse museum opening on the north shore this winter",
            *PROSE,
        ]
    )
    assert extract(text, options=Options(input_kind="text")).headline == "Ferry service resumes at the old pier"


@pytest.mark.parametrize(
    "between",
    [
        "Our reporting is funded by readers. Learn how we earn money",
        "Pictures of the crossing: www.harbour-gazette.example/ferry-pictures",
        "« Spring tides over the harbour wall and the new pier",
        "Read the whole series on the harbour's ferries →",
        "Travel Notes » Harbour Towns » Northern Coast Ferries and Piers",
        "(Jo Lind / Harbour Press Photo Agency, taken from the north pier)",
    ],
    ids=[
        "disclaimer-of-two-sentences",
        "line-with-an-address",
        "previous-post",
        "arrow-link",
        "trail",
        "credit-in-brackets",
    ],
)
def test_a_line_between_title_and_body_that_is_no_title_is_not_the_headline(between: str) -> None:
    """A disclaimer, a link (an address or an arrow), a trail or a picture's credit is nearer the body than the title."""
    text = "\n\n".join(["Harbour Gazette", "Ferry service resumes at the old pier", between, *PROSE])
    assert extract(text, options=Options(input_kind="text")).headline == "Ferry service resumes at the old pier"


@pytest.mark.parametrize(
    "between",
    [
        "These links lead to other websites and will open in a new window",  # a notice
        "News Sport Weather Travel Culture Science Business Opinion Health Food Music",  # a menu copied as one line
        "Lighthouse museum opens on the north shore after ten years of repairs",  # another story's title
    ],
)
def test_the_title_the_story_s_opening_echoes_wins_over_a_line_nearer_the_body(between: str) -> None:
    """Of the title-shaped lines above a text copy's body, the one naming what the story opens with is its title."""
    text = "\n\n".join(["Harbour Gazette", HEADLINE, "Photo gallery", between, *PROSE])
    assert extract(text, options=Options(input_kind="text")).headline == HEADLINE


@pytest.mark.parametrize("label", ["Share it with friends", "Newsletter sign up today", "Listen to this story"])
def test_a_label_standing_over_the_byline_of_a_text_copy_is_not_its_headline(label: str) -> None:
    """The title, its date in parts, then a share bar's or an audio player's label right over the byline: the label
    stands where a title stands, but the story's opening echoes the title (one of its words), not the label."""
    title = "Council vote ends a year of wrangling over the spending plan"
    text = "\n\n".join(["Harbour Gazette", title, "November 20", "15:23", "2021", label, "By Jane Doe", *PROSE])
    assert extract(text, options=Options(input_kind="text")).headline == title


def test_the_title_over_its_byline_still_wins_when_no_line_is_echoed_by_the_story() -> None:
    """A title made of a pun shares no word with its story; then, as before, standing over the byline decides."""
    text = "\n\n".join(
        ["Harbour Gazette", "Tides of change", "By Jane Doe", "Readers also liked these stories", *PROSE]
    )
    assert extract(text, options=Options(input_kind="text")).headline == "Tides of change"


def test_a_title_the_story_echoes_only_after_its_first_lines_is_still_the_one_it_echoes() -> None:
    """A story opening with short lines of its own (a place, a quote, a question) names its subject a few lines on."""
    opening = [
        "It was late.",
        "Nobody had expected it to take so long, and nobody wanted to be the first to leave the room.",
        '"We will stay until it is done," one member said to the few people still waiting in the hall.',
        "At last the chair called for a vote, and the room fell quiet while the clerk read out the names.",
        "It passed by two votes.",
    ]
    teaser = "Lighthouse museum opens on the north shore after ten years of repairs"
    text = "\n\n".join(["Harbour Gazette", HEADLINE, "Photo gallery", teaser, *opening, *PROSE])
    assert extract(text, options=Options(input_kind="text")).headline == HEADLINE


def test_a_byline_on_the_line_under_the_title_of_a_text_copy_credits_its_author() -> None:
    """A browser copies '<h1>' and the byline under it onto lines next to each other: neither joins the other."""
    title = "Ferry service resumes at the old pier after the winter storms"
    text = "\n\n".join(["Harbour Gazette", f"{title}\nby Jana Roe", *PROSE])
    article = extract(text, options=Options(input_kind="text"))
    assert article.headline == title
    assert article.authors == ("Jana Roe",)


def test_a_long_title_read_as_the_body_s_first_line_is_the_headline_of_a_text_copy() -> None:
    """Above it only menu words; the title is long and has a colon, so it passes for a sentence and opens the body."""
    title = "Harbour chaos: ferries halted and the old pier closed until the spring floods are over"
    text = "\n\n".join(["Home", "News", "Weather", "Sport", title, *PROSE])
    article = extract(text, options=Options(input_kind="text"))
    assert article.headline == title
    assert title not in article.text
    assert PROSE[0] in article.text


@pytest.mark.parametrize(
    ("title", "site_name"),
    [
        ("City council approves new budget after long debate - Example News", "Example News"),
        ("Example News: City council approves new budget after long debate", "Example News"),
        ("City council approves new budget after long debate - examplenews.com", None),  # an address, no name
        ("City council approves new budget after long debate - Valley Gazette", None),  # the address names it not
    ],
)
def test_the_site_name_a_title_prints_beside_the_headline_when_the_address_names_it(
    title: str, site_name: str | None
) -> None:
    article = extract(article_page(title=title), url="https://www.examplenews.com/news/1")
    assert article.site_name == site_name
    assert article.headline == HEADLINE


def test_a_site_name_written_as_an_address_is_its_host() -> None:
    page = article_page(head='<meta property="og:site_name" content="https://www.harbour-herald.example/">')
    article = extract(page)
    assert article.site_name == "harbour-herald.example"
    assert "its host" in article.provenance["site_name"].evidence


def test_a_site_name_that_is_a_broken_address_gives_none_from_metadata() -> None:
    page = article_page(head='<meta property="og:site_name" content="http://[broken">')
    assert extract(page).site_name is None


def _banner_blog_page(title: str, post_heading: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    return (
        f"<html><head><title>{title}</title></head><body>"
        "<div id='banner'><h1>Harbour Notes</h1><h2>A small blog about a small harbour</h2></div>"
        f"<div class='post'><h2>Tuesday, June 4, 2024</h2><h3 class='post-title'>{post_heading}</h3>"
        f"<div class='post-body'>{paragraphs}</div></div>"
        "<div class='sidebar'><h2>Blog Archive</h2><ul><li><a href='/2024/05'>May</a></li></ul></div></body></html>"
    )


def test_a_blog_named_before_a_colon_in_the_title_and_in_the_banner_is_not_the_headline() -> None:
    article = extract(
        _banner_blog_page("Harbour Notes: New cranes arrive at the east quay", "New cranes arrive at the east quay")
    )
    assert article.headline == "New cranes arrive at the east quay"


def test_a_label_before_a_colon_in_the_title_is_never_the_headline() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    page = (
        "<html><head><title>Local News: New cranes arrive at the east quay</title></head><body>"
        "<article><h1>New cranes arrive at the east quay</h1><h2>Local News</h2>"
        f"<div class='text'>{paragraphs}</div></article></body></html>"
    )
    assert extract(page).headline == "New cranes arrive at the east quay"


def test_a_heading_that_makes_most_of_an_oddly_joined_title_is_the_headline() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    page = (
        "<html><head><title>&raquo; New cranes arrive at the east quay :harbournotes</title></head><body>"
        f"<div class='post'><h2>New cranes arrive at the east quay</h2>{paragraphs}</div>"
        "<div id='header'><h1>harbournotes</h1></div></body></html>"
    )
    assert extract(page).headline == "New cranes arrive at the east quay"


def test_a_title_joining_the_headline_and_its_deck_keeps_the_h1() -> None:
    """The deck makes most of the title, as a post's title makes most of '» Post :blog'; the <h1> opens it."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    deck = "Harbour Board Says The Old Cranes Will Be Sold To A Port Abroad"
    page = (
        f"<html><head><title>Cranes arrive at quay, {deck}</title></head><body><article>"
        f"<h1>Cranes arrive at quay</h1><h2>{deck}</h2>{paragraphs}</article></body></html>"
    )
    assert extract(page).headline == "Cranes arrive at quay"

"""Kinds of page the body extraction must handle, each an invented page (no text of any real site).

Each test names a kind of page a crawl is full of, builds a small page of that kind, and
checks that the article's text is kept and the page's furniture is not.
"""

from __future__ import annotations

import json

import pytest

import articlex

PARAGRAPHS = (
    "The river rose a full metre overnight, and by morning the old ferry landing was under water.",
    "Volunteers stacked sandbags along the bakery wall while the owner handed out warm rolls to everyone.",
    "By noon the water had stopped rising, and the town council opened the school gym as a shelter.",
    "Officials said the new flood gates upstream had held, sparing the lower streets from worse damage.",
)
COMMENT = (
    "I grew up two streets from that landing and I have never seen the water this high, not once in forty years "
    "of living there, and I hope the council finally listens to what people have been saying about the gates."
)


def _body(page: str) -> str:
    return articlex.extract(page, url="https://riverside-gazette.example/2024/05/flood").text


def _story(inner: str, *, after: str = "") -> str:
    """A page of one story: its headline and `inner` in the story's element, then `after` beside it."""
    return (
        f"<html><body><div class='story'><h1>Flood waters reach the old landing</h1>{inner}</div>{after}</body></html>"
    )


def test_a_post_filed_under_categories_with_a_long_discussion_keeps_the_post() -> None:
    """Blog engines name the post's element for what it is filed under ('category-…', 'tag-…').

    When the comments below hold more prose than the post, those names must not hide the post.
    """
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    comments = "".join(
        f'<div class="comment"><p class="comment-meta">Reader {n} said:</p><p>{COMMENT}</p></div>' for n in range(8)
    )
    page = (
        "<html><body><div id='content'>"
        "<div class='post-7 post type-post category-local-news tag-weather'>"
        f"<h1>Flood waters reach the old landing</h1>{paragraphs}</div>"
        f"<div id='comments' class='comments-area'>{comments}</div>"
        "</div></body></html>"
    )
    body = _body(page)
    assert all(text in body for text in PARAGRAPHS)
    assert COMMENT not in body


@pytest.mark.parametrize("filed_under", ["category-daily-quote tag-poetry", "category-misc tag-sea-songs"])
def test_a_short_post_filed_under_categories_is_not_meta_information(filed_under: str) -> None:
    """A blog engine marks a post's element as a post ('hentry', 'status-publish') beside its categories and tags.

    Those names say what the post is filed under, not that the element is meta information: a post of two lines
    of verse must not be dropped for the line about its feed below it.
    """
    verse = "The tide comes in and the tide goes out,\nand the harbour keeps what the tide forgot."
    page = (
        "<html><body><div id='content'>"
        f"<div class='post-5 post type-post status-publish format-standard hentry {filed_under}'>"
        "<h2>Verse of the day</h2><div>Written by the harbour master</div>"
        f"<div class='entry'><p>{verse.replace(chr(10), '<br>')}</p></div>"
        "<div class='postmetadata'>Posted in Verse | No replies</div></div>"
        "<p class='small'>You can follow any answers to this entry through its feed. You may leave an answer, "
        "or a link back from your own site.</p></div>"
        "<div id='sidebar'><ul><li><a href='/a'>Archives</a></li><li><a href='/b'>Links</a></li></ul></div>"
        "</body></html>"
    )
    body = _body(page)
    assert "the harbour keeps what the tide forgot" in body


def test_a_post_named_for_its_tags_beside_a_sidebar_keeps_the_post() -> None:
    """An element holding paragraphs of prose is not meta information, whatever its class names say."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:3])
    about = (
        "<p>This little blog is written by a retired ferry captain who likes bread, boats and long walks "
        "by the water, and who has opinions about all three, most of them strong ones.</p>"
    )
    page = (
        "<html><body><div id='main'><div class='entry tag-river tag-harbour'>"
        f"<h1>Flood waters reach the old landing</h1>{paragraphs}</div>"
        f"<div class='author-about'>{about}</div></div>"
        "<div id='sidebar'><p>Archives</p><p>Blogroll</p></div></body></html>"
    )
    body = _body(page)
    assert all(text in body for text in PARAGRAPHS[:3])


def test_an_old_style_post_whose_paragraphs_are_cut_by_line_breaks_keeps_its_lead() -> None:
    """Old sites write several paragraphs in one `<p>`, cut by `<br><br>`: that `<p>` is not the whole article.

    The lead paragraph and the list above it belong to the same post.
    """
    lead = (
        "The harbour festival returns this weekend with boat races, a fish market and music on the pier, "
        "and the organisers expect more visitors than in any year since the new quay was opened."
    )
    items = "".join(
        f"<li>{item}</li>"
        for item in ("Rowing races start at nine on Saturday", "The fish market opens at ten both days",
                     "A brass band plays on the pier at noon", "Lanterns are lit along the quay at dusk")
    )  # fmt: skip
    joined = "<br><br>".join(PARAGRAPHS)
    page = (
        "<html><body><div id='page'><div class='story'>"
        f"<h1>Harbour festival returns</h1><p>{lead}</p><ul>{items}</ul><p>{joined}</p></div>"
        "<div class='links'><a href='/a'>Home</a> <a href='/b'>Events</a> <a href='/c'>Contact</a></div>"
        "</div></body></html>"
    )
    body = _body(page)
    assert lead in body
    assert all(text in body for text in PARAGRAPHS)


def test_a_short_post_beside_a_long_aside_keeps_the_post() -> None:
    """A blog's `<aside>` of widgets may hold more prose than a short post: the tag says it is not the article."""
    widgets = "".join(f"<div class='widget'><h2>Notice {n}</h2><p>{COMMENT}</p></div>" for n in range(4))
    page = (
        "<html><body><div id='columns'><div class='main'><div class='post'>"
        f"<h3 class='post-title'>Flood waters reach the old landing</h3><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        f"</div></div><aside class='column-right'>{widgets}</aside></div></body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[0] in body
    assert PARAGRAPHS[1] in body
    assert COMMENT not in body


def test_a_short_post_with_one_long_paragraph_keeps_its_short_ones() -> None:
    """One long paragraph may outscore everything else; the post is still the element holding it, not the paragraph."""
    long_paragraph = " ".join(PARAGRAPHS)
    short = ("Entries close on Friday at noon.", "The winner gets a year of fresh bread.", "Good luck to everyone!")
    page = (
        "<html><body><div id='wrap'><div class='post'><h1>Win a year of bread</h1>"
        f"<p>{short[0]}</p><p>{long_paragraph}</p><p>{short[1]}</p><p>{short[2]}</p></div>"
        "<ul class='links'><li><a href='/1'>Older posts</a></li><li><a href='/2'>Newer posts</a></li></ul>"
        "</div></body></html>"
    )
    body = _body(page)
    assert long_paragraph in body
    assert all(text in body for text in short)
    assert "Older posts" not in body


def test_a_paragraph_with_links_over_half_its_words_is_still_text() -> None:
    """A post that links its every noun ('…like <a>this game</a> or <a>that one</a>') is written in sentences."""
    linked = (
        "If you liked this week's game, you will probably like <a href='/g/1'>Word Harbour</a>, "
        "<a href='/g/2'>Lantern Quest</a>, <a href='/g/3'>Tidal Cards of the Old Quay</a> and "
        "<a href='/g/4'>the riverside trivia night</a> too."
    )
    page = (
        "<html><body><div class='entry'><h1>Game night at the library</h1>"
        f"<p>{PARAGRAPHS[0]}</p><p>{linked}</p><p>{PARAGRAPHS[1]}</p></div>"
        "<ul class='nav'><li><a href='/'>Home</a></li><li><a href='/games'>Games</a></li></ul></body></html>"
    )
    body = _body(page)
    assert "you will probably like Word Harbour" in body
    assert "Home" not in body


def test_a_recipe_keeps_its_ingredients_and_steps() -> None:
    """A recipe is headings, an ingredient list and numbered steps: data of the page, not clutter around a summary."""
    ingredients = ("1 cup pearl barley", "2 carrots, diced", "1 onion, chopped", "6 cups vegetable stock")
    steps = (
        "Rinse the barley and soak it for ten minutes.",
        "Soften the onion and carrots in a little oil.",
        "Add the stock and barley and simmer for forty minutes.",
    )
    page = (
        "<html><head><title>Lemon Barley Soup | Kitchen Notes</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/recipes'>Recipes</a> <a href='/about'>About</a></nav>"
        "<div class='recipe-card'><h1>Lemon Barley Soup</h1>"
        "<div class='recipe-summary'>A bright, filling soup for cold evenings, ready in under an hour.</div>"
        "<h3>Ingredients</h3><ul>" + "".join(f"<li>{item}</li>" for item in ingredients) + "</ul>"
        "<h3>Instructions</h3><ol>" + "".join(f"<li>{step}</li>" for step in steps) + "</ol></div>"
        "<footer>Copyright Kitchen Notes</footer></body></html>"
    )
    body = _body(page)
    assert all(item in body for item in ingredients)
    assert all(step in body for step in steps)
    assert "Instructions" in body
    assert "Copyright" not in body


def test_a_page_builder_post_of_short_text_widgets_is_read() -> None:
    """A page builder cuts a post into short text widgets; no one of them is a paragraph, together they are the post."""
    sentences = (
        "We open on Saturday at eight.",
        "The ovens arrived in March.",
        "Come early for warm rolls!",
        "Our sourdough needs two days.",
    )
    widgets = "".join(
        f"<div class='builder-widget builder-widget-text'><div class='builder-widget-container'><p>{s}</p></div></div>"
        for s in sentences
    )
    page = (
        "<html><head><title>Our new bakery opens | Crumb and Co</title></head><body>"
        "<header><nav><a href='/'>Home</a><a href='/shop'>Shop</a></nav></header>"
        f"<div class='builder-section'><div class='builder-column'><h1>Our new bakery opens</h1>{widgets}</div>"
        "<div class='builder-column'><ul><li><a href='/a'>Older news</a></li><li><a href='/b'>Contact</a></li></ul>"
        "</div></div><footer>All rights reserved</footer></body></html>"
    )
    body = _body(page)
    assert all(sentence in body for sentence in sentences)
    assert "Older news" not in body


def test_a_page_builder_post_of_long_and_short_paragraphs_keeps_them_all() -> None:
    """Short sentences between a post's paragraphs are part of it, not clutter that outweighs them.

    A page builder sets each paragraph in a module of its own; when only some are long enough to count
    as prose, the short ones between them (unlinked, punctuated) must not count against their column.
    """
    texts = (
        PARAGRAPHS[0],
        "The bakery wall held, and the rolls stayed warm.",
        "Nobody in the lower streets had to leave home.",
        PARAGRAPHS[3],
    )
    modules = "".join(
        f"<div class='pb-module pb-text pb-text-{n}'><div class='pb-text-inner'><p>{text}</p></div></div>"
        for n, text in enumerate(texts)
    )
    sidebar = "".join(
        f"<li><a href='/news/{n}'>Another story about the river and the town, part {n}</a></li>" for n in range(6)
    )
    page = (
        "<html><head><title>Flood waters reach the old landing | Riverside Gazette</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<div id='pb-main'><div class='pb-section'><div class='pb-row'>{modules}</div></div></div>"
        f"<aside class='sidebar'><ul>{sidebar}</ul></aside><footer>All rights reserved</footer></body></html>"
    )
    body = _body(page)
    assert all(text in body for text in texts)
    assert "Another story" not in body


def test_a_page_builder_page_of_one_paragraph_and_short_sentences_keeps_the_sentences() -> None:
    """A site builder sets each sentence of an "about us" page in a block of its own; one is long enough to be a
    paragraph of prose, the others are short sentences. They are the page's text too, not the long one alone."""
    texts = (
        "We started in a garden shed in 2011.",
        "Two wheels, one kiln and a lot of broken bowls.",
        "Today we teach evening classes to forty students a week.",
        "Every piece in the shop is thrown, glazed and fired here on the hill by the two of us.",
    )
    blocks = "".join(
        f"<div class='site-block text-block'><div class='site-block-content'><p>{text}</p></div></div>"
        for text in texts
    )
    page = (
        "<html><head><title>Our story | Hillside Pottery</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/shop'>Shop</a> <a href='/classes'>Classes</a></nav></header>"
        "<main><div class='site-row'><div class='site-col'>"
        f"<div class='site-block text-block'><div class='site-block-content'><h1>Our story</h1></div></div>{blocks}"
        "<div class='site-block button-block'><div class='site-block-content'><a href='/classes'>Book a class</a>"
        "</div></div></div></div></main><footer>Mill Lane, Northdale</footer></body></html>"
    )
    body = _body(page)
    assert all(text in body for text in texts)
    assert "Book a class" not in body
    assert "Mill Lane" not in body


BUILDER_BLOCKS = {
    "module and inner text": "<div class='pb_module pb_text pb_text_{n}'><div class='pb_text_inner'>{inner}</div></div>",
    "content element and wrapper": "<div class='text_column content_element'><div class='inner_wrapper'>{inner}</div></div>",
    "hashed names and ids": "<div id='comp-{n}x7' class='_x9Qa1' data-testid='richText'>{inner}</div>",
    "rich-text module": "<div class='mod mod-rich-text'><div class='mod-content node-content'><div class='rich-text'>{inner}"
    "</div></div></div>",
}


@pytest.mark.parametrize("builder", sorted(BUILDER_BLOCKS))
def test_a_site_builders_page_of_one_paragraph_headings_and_short_sentences_is_read_whole(builder: str) -> None:
    """Site builders wrap every heading and sentence in a block of their own, each named its own way; a page of one
    long paragraph, headings and short sentences is all text, whatever the blocks are called."""
    sections = (
        ("Indoor work", "We paint walls and ceilings in any colour you like."),
        ("Outside walls", "We clean, repair and paint the front of your house."),
        ("Floors", "We also lay wooden and vinyl floors for you."),
    )
    contents = [
        "<h1>What we do</h1>",
        (
            "<p>For thirty years we have painted, papered and decorated flats, houses and offices all over the valley, "
            "working tidily, on time and with paints that last.</p>"
        ),
    ]
    contents += [part for title, text in sections for part in (f"<h2>{title}</h2>", f"<p>{text}</p>")]
    blocks = "".join(BUILDER_BLOCKS[builder].format(n=n, inner=inner) for n, inner in enumerate(contents))
    page = (
        "<html><head><title>What we do | Valley Decorators</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/work'>Our work</a> <a href='/contact'>Contact</a></nav>"
        f"<div class='section'><div class='row'><div class='column'>{blocks}"
        "<div class='button-wrapper'><a class='button' href='/contact'>Ask for a quote</a></div></div></div></div>"
        "<footer>Valley Decorators, High Street 5</footer></body></html>"
    )
    body = _body(page)
    assert all(title in body and text in body for title, text in sections)
    assert "Ask for a quote" not in body


def test_a_page_whose_only_sentence_is_its_copyright_line_has_no_body() -> None:
    """The sieve that reads short sentences needs a few of them: one copyright line is no post."""
    page = (
        "<html><body><table><tr><td><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/about'>About</a></td></tr>"
        "<tr><td>Welcome</td></tr><tr><td>© 2006 Riverside Trust. All rights reserved.</td></tr></table></body></html>"
    )
    assert _body(page) == ""


def test_a_text_copy_that_starts_with_a_script_keeps_the_article() -> None:
    """A browser copy may begin with a script's source; its semicolons and braces are not sentences."""
    script = (
        "if (window.addEventListener) { window.addEventListener(type, fn, false); } else if (obj.attachEvent) "
        "{ obj['e' + type + fn] = fn; obj.attachEvent('on' + type, obj[type + fn]); }"
    )
    menu = [f"Section {n}" for n in range(30)]
    text = "\n\n".join(
        [
            script,
            script.replace("fn", "handler"),
            *menu,
            "Flood waters reach the old landing",
            PARAGRAPHS[0],
            "Contact us",
        ]
    )
    body = articlex.extract(text, options=articlex.Options(input_kind="text")).text
    assert PARAGRAPHS[0] in body
    assert "addEventListener" not in body


def test_a_page_whose_title_is_never_closed_still_has_its_article() -> None:
    """A template that cut its `<title>` short would make the whole page its title; the title ends at the next tag."""
    page = (
        "<html><head><title>Flood waters reach the old landing - Riverside Gaz"
        '<link rel="search" href="/search.xml" /></head><body><nav><a href="/">Home</a></nav>'
        f"<div class='story'><h1>Flood waters reach the old landing</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        "</div></body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[0] in body
    assert PARAGRAPHS[1] in body


@pytest.mark.parametrize("holder", ["noscript", "template"])
def test_a_page_that_keeps_its_article_for_scripts_is_read(holder: str) -> None:
    """A page whose visible copy a script makes keeps the article in `<noscript>` (what a browser without scripts
    shows) or in a `<template>` (which the parser keeps apart from the page): either is the page."""
    page = (
        "<html><head><title>Quiet streets | Town Blog</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<div id='app'></div><{holder}><article><h1>Quiet streets</h1>"
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></article></{holder}></body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[0] in body
    assert PARAGRAPHS[1] in body


def test_a_noscript_notice_stays_out_of_the_article() -> None:
    """The usual `<noscript>` is a line for readers without scripts, never part of the article."""
    page = (
        "<html><body><noscript><p>Please enable JavaScript to see the comments.</p></noscript>"
        f"<div class='story'><h1>Flood waters reach the old landing</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        "</div></body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[0] in body
    assert "enable JavaScript" not in body


def test_a_widget_template_stays_out_of_the_article() -> None:
    """The usual `<template>` is a widget's markup (a dialog, a card), never part of a page that shows its article."""
    card = "Sign up for our letters and get the week's best stories about the river and the town in your inbox."
    page = (
        f"<html><body><template id='card'><div class='card'><p>{card}</p><p>{card}</p></div></template>"
        f"<div class='story'><h1>Flood waters reach the old landing</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        f"<p>{PARAGRAPHS[2]}</p></div></body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[2] in body
    assert "Sign up" not in body


def test_a_list_of_dated_teasers_beside_the_article_stays_out() -> None:
    """A list whose items each carry their own date line lists other stories, even inside the article's wrapper."""
    teasers = "".join(
        "<li><h3>The library opens a new reading room, with lamps and long tables, on the second floor</h3>"
        "<p class='text'>The reading room has forty seats and a shelf of local papers, and it stays open until "
        f"nine on weekdays. <a href='/news/{n}'>Read more</a></p><p class='when'>2024-05-0{n}</p></li>"
        for n in range(1, 7)
    )
    page = (
        "<html><body><div id='block'><div id='primary'><h3>Flood waters reach the old landing</h3>"
        f"<p class='when'>2024-05-06</p><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></div>"
        f"<div id='secondary'><ul>{teasers}</ul></div></div></body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[0] in body
    assert PARAGRAPHS[2] in body
    assert "reading room" not in body


def test_a_lead_paragraph_set_in_the_post_header_is_kept() -> None:
    """Many templates set the first paragraph (a standfirst, an intro box) in the post's header, beside the body."""
    lead = "The council met late into the night and agreed to pay for new flood gates on the upper river."
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><div class='post'>"
        f"<header><h1>Flood waters reach the old landing</h1><p class='intro'>{lead}</p>"
        "<p class='byline'>By Ann Example, May 6, 2024</p></header>"
        f"<div class='entry-content'><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></div>"
        "</div></article><footer><p>Riverside Gazette, 12 Mill Lane</p></footer></body></html>"
    )
    body = _body(page)
    assert body.startswith(lead)
    assert PARAGRAPHS[2] in body
    assert "Mill Lane" not in body


def test_a_standfirst_written_without_its_full_stop_is_kept() -> None:
    """A standfirst in the header is a sentence, and many sites print it without the stop at its end."""
    lead = "The council agreed to pay for new flood gates on the upper river after a night of debate"
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        f"<h1>Flood waters reach the old landing</h1><div class='deck'><p>{lead}</p></div>"
        "<div class='meta'>May 6, 2024, 10:15</div>"
        f"<div class='story-text'><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></div>"
        "</article><footer><p>Riverside Gazette, 12 Mill Lane</p></footer></body></html>"
    )
    body = _body(page)
    assert body.startswith(lead)
    assert PARAGRAPHS[2] in body


def test_a_photo_post_of_one_line_beats_the_site_blurb() -> None:
    """A photo post holds one short line, no paragraph; a site's credit blurb elsewhere must not become the article."""
    blurb = (
        "If you find anything interesting on this blog and decide to share it, please link back to the original "
        "post and credit the photographer, who works for free on weekends."
    )
    page = (
        "<html><body><div id='wrap'><nav><a href='/'>Home</a> <a href='/photos'>Photos</a></nav><div id='content'>"
        "<div class='post'><h3>Morning at the old landing</h3><div class='entry-content'>"
        "<p><img src='/landing.jpg' alt=''>The ferry landing at dawn, after the flood! <a href='/ferry'>More</a></p>"
        f"</div></div></div><div class='credit'><p>{blurb}</p></div></div></body></html>"
    )
    body = _body(page)
    assert "ferry landing at dawn" in body
    assert "photographer" not in body


def test_an_article_cut_by_an_inline_box_keeps_both_pieces() -> None:
    """A template sets the first paragraph in one element, then a box of related links, then the rest in another."""
    first = "The harbour master closed the lower quay on Tuesday after the spring tide left a crack in the wall."
    related = "".join(
        f"<li><a href='/news/{n}'>Older stories about the quay wall and its repairs, part {n}</a></li>"
        for n in range(4)
    )
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='story'>"
        f"<h1>Flood waters reach the old landing</h1><div class='story-text'><p>{first}</p></div>"
        f"<div class='inline-box'><h4>Related</h4><ul>{related}</ul></div>"
        f"<div class='story-text'><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></div>"
        "</div><footer><p>Riverside Gazette, 12 Mill Lane</p></footer></body></html>"
    )
    body = _body(page)
    assert body.startswith(first)
    assert PARAGRAPHS[2] in body
    assert "Older stories" not in body


def test_a_teaser_list_beside_the_article_is_not_a_piece_of_it() -> None:
    """A list of other stories beside the article, each a title and a summary, is not the article's own prose."""
    teasers = "".join(
        f"<div class='teaser'><h3><a href='/news/{n}'>The library opens a new reading room on the second floor</a></h3>"
        "<p>The reading room has forty seats and a shelf of local papers, and it stays open until nine on weekdays.</p>"
        "</div>"
        for n in range(3)
    )
    page = (
        "<html><body><div class='page'>"
        f"<div class='story-text'><h1>Flood waters reach the old landing</h1>"
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p></div>"
        f"<div class='more'>{teasers}</div></div></body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[3] in body
    assert "reading room" not in body


def test_a_glossary_whose_terms_are_named_anchors_is_read() -> None:
    """Old pages mark each term with a named anchor (`<a name>`, no `href`): a place to jump to, not a link away."""
    terms = (
        ("quay", "a stone or metal platform lying alongside or projecting into water, for loading ships"),
        ("sluice", "a sliding gate or other device for controlling the flow of water, used in a lock or dam"),
        ("weir", "a low dam built across a river to raise the level of water upstream or regulate its flow"),
        ("levee", "an embankment built to prevent the overflow of a river, often of earth and planted with grass"),
    )
    sections = "".join(
        f"<h2>- {term[0].upper()} -</h2><dl><dt><a name='{term}'><b>{term}</b></a></dt><dd>{meaning}</dd></dl>"
        for term, meaning in terms
    )
    letters = " ".join(f"<a href='#{term}'>{term[0].upper()}</a>" for term, _ in terms)
    page = (
        "<html><body><table><tr><td><a href='/'>Home</a><br><a href='/tours'>Tours</a></td><td>"
        f"<h1>Words of the river</h1><p>{letters}</p>{sections}</td></tr></table></body></html>"
    )
    body = _body(page)
    assert all(meaning in body for _, meaning in terms)
    assert all(term in body for term, _ in terms)


def test_an_faq_of_accordion_questions_keeps_the_questions() -> None:
    """An accordion sets each question in a button inside a heading (the ARIA pattern); the question is text."""
    answers = {
        "How deep is the pond?": "The pond is two metres deep in the middle and shallow at the edges for children.",
        "Can I bring my dog?": "Dogs are welcome on a lead on the paths, but they may not swim in the summer months.",
        "When is the kiosk open?": "The kiosk opens at ten every day from May to September and closes at six o'clock.",
    }
    items = "".join(
        f"<div class='accordion-item'><h3><button type='button' aria-expanded='false'>{question}</button></h3>"
        f"<div class='accordion-panel'><p>{answer}</p></div></div>"
        for question, answer in answers.items()
    )
    page = (
        "<html><body><header><nav><a href='/'>Home</a> <button type='button'>Menu</button></nav></header>"
        f"<main><h1>Questions about the pond</h1><div class='accordion'>{items}</div>"
        "<form><input name='q'><button type='submit'>Send your question</button></form></main></body></html>"
    )
    body = _body(page)
    assert all(question in body and answer in body for question, answer in answers.items())
    assert "Send your question" not in body
    assert "Menu" not in body


def test_a_short_story_beside_teaser_cards_keeps_only_the_story() -> None:
    """Other stories shown as cards (a linked title over a summary) must not outweigh a short story beside them."""
    summaries = (
        "The library opens a new reading room with forty seats and a shelf of local papers on Monday.",
        "A baker from the next village now sells rye bread with caraway at the Saturday market stall.",
        "The swimming pond opens two weeks early this year, after the warmest spring in a long while.",
        "Volunteers planted sixty young oaks along the river path, and more will follow in the autumn.",
        "The school choir won a prize in the capital and will sing at the town hall next Sunday evening.",
        "Workers found an old well under the market square while laying new pipes for the fountain.",
    )
    cards = "".join(
        f"<div class='card'><h3><a href='/news/{n}'>Another story from the town, number {n}</a></h3><p>{text}</p></div>"
        for n, text in enumerate(summaries)
    )
    page = (
        "<html><head><title>Bridge closed | Riverside Gazette</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><div class='columns'>"
        "<div class='story'><h1>Bridge closed</h1>"
        "<p>The old bridge is closed to cars from Monday while workers repair its railings.</p>"
        "<p>Walkers may still cross on the east side, the council said.</p></div>"
        f"<div class='more'><h2>Also today</h2>{cards}</div></div></body></html>"
    )
    body = _body(page)
    assert "repair its railings" in body
    assert "east side" in body
    assert not any(text in body for text in summaries)


def test_a_roundup_of_products_with_linked_names_keeps_its_items() -> None:
    """A roundup's items (a linked product name over its review) are the article when they sit in its body."""
    reviews = tuple(
        f"Model {n} moves {n + 2} thousand litres an hour at {n * 10 + 20} watts, and it ran for weeks without a sound."
        for n in range(4)
    )
    items = "".join(
        f"<div class='item'><h3><a href='https://shop.example/{n}'>Quiet pump model {n}</a></h3><p>{text}</p></div>"
        for n, text in enumerate(reviews)
    )
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>The best pond pumps</h1><div class='entry-content'>"
        "<p>We tested four pond pumps over a whole summer in ponds of every size, from a barrel to a lake.</p>"
        f"{items}<p>All four pumps are quiet enough for a small garden, but model 2 gave the best value.</p>"
        "</div></article></body></html>"
    )
    body = _body(page)
    assert all(text in body for text in reviews)


CONSENT_NOTICE = (
    "<p>We use cookies on our website. Some of them are essential, while others help us to improve this website "
    "and your experience of it, and to measure how our pages are read.</p>"
    "<p>If you are under sixteen and wish to give consent to optional services, you must ask your legal guardians "
    "for permission. Personal data may be processed, for example for personalised ads and content.</p>"
    "<p>You can find more information about how we use your data in our privacy policy, and you can revoke or "
    "adjust your selection at any time under the settings.</p>"
)


def test_a_short_story_beside_a_long_cookie_notice_keeps_the_story() -> None:
    """A consent dialog's notice is often longer than a short story; it is never the article."""
    page = (
        "<html><head><title>Bridge closed | Riverside Gazette</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><main><div class='story'>"
        "<h1>Bridge closed</h1><p>The old bridge is closed to cars from Monday while workers repair its railings.</p>"
        "<p>Walkers may still cross on the east side, the council said.</p></div></main>"
        f"<div id='cookie-notice-box'><h3>Privacy settings</h3>{CONSENT_NOTICE}<a href='#'>Accept all</a></div>"
        "</body></html>"
    )
    body = _body(page)
    assert "repair its railings" in body
    assert "cookies" not in body


def test_a_closed_dialog_is_no_part_of_the_page() -> None:
    """A dialog the page marks hidden (role=dialog, aria-hidden=true) opens only on a click; closed, it is not read.

    A privacy plugin's settings box, a login or newsletter popup: its text can outweigh a short story, and
    its names ('pp-modal', 'settingsPanel') need not say what it is.
    """
    tabs = "".join(
        f"<h4>Group {n}</h4><p>The helpers of group {n} are small files kept by your browser between visits. "
        "They remember the language you chose, the size of the text and the last page you read, so the site can "
        "open where you left it. Some of them count how often each page is read and how long a visit lasts, "
        "and that count is shared with the firm that hosts the site, which keeps it for a year. You can turn "
        "the group off here at any time, and the site will still work, though it may forget your settings.</p>"
        for n in range(2)
    )
    page = (
        "<html><head><title>Flood waters reach the old landing</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><div class='story'>"
        f"<h1>Flood waters reach the old landing</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        f"<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p></div>"
        f"<div class='pp-modal' id='settingsPanel' role='dialog' aria-hidden='true'><div class='pp-body'>{tabs}</div></div>"
        "</body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[3] in body
    assert "kept by your browser" not in body


@pytest.mark.parametrize("opened", [False, True])
def test_a_dialog_element_is_read_only_when_open(opened: bool) -> None:
    """Browsers render a `<dialog>` only with `open`: closed, its text (a sign-up form's pitch) is not the page's."""
    pitch = (
        "Join our readers' club and get the weekly letter from the river desk, with the tide tables, the ferry "
        "times and a story from the archive that nobody has printed in fifty years, sent every Friday morning."
    )
    page = _story(
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>",
        after=f"<dialog{' open' if opened else ''} class='club'><p>{pitch}</p><p>{pitch}</p></dialog>",
    )
    article = articlex.extract(page, url="https://riverside-gazette.example/2024/05/flood")
    assert PARAGRAPHS[2] in article.text
    assert any(d.preview.startswith("Join our readers") for d in article.decisions) is opened


def test_sections_collapsed_until_found_are_part_of_the_page() -> None:
    """`hidden="until-found"` collapses a section that the browser opens on a search or a link: the article's own."""
    sections = "".join(
        f"<h2>Section {n}</h2><section hidden='until-found'><p>{PARAGRAPHS[2 + n]}</p>"
        f"<p>In the year of the flood, section {n} of the town's story was written down by the ferry keeper.</p>"
        "</section>"
        for n in range(2)
    )
    page = _story(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{sections}")
    body = _body(page)
    assert PARAGRAPHS[3] in body
    assert "section 1 of the town's story" in body


def test_a_page_about_cookies_named_for_them_keeps_its_text() -> None:
    """A cookie policy page names its own element for cookies; with its `<h1>` inside, that element is the page."""
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><div class='cookie-policy'><h1>Our cookie policy</h1>"
        f"{CONSENT_NOTICE}</div><footer><p>Riverside Gazette, 12 Mill Lane</p></footer></body></html>"
    )
    body = _body(page)
    assert "We use cookies on our website." in body
    assert "revoke or adjust your selection" in body


def test_an_accordion_of_linked_titles_inside_the_article_is_no_teaser_list() -> None:
    """An accordion's items are a title and its text, like teaser cards; but the titles open the item, linking nowhere."""
    items = "".join(
        f"<li class='accordion-item'><h3><a href='#item-{n}'>Reason {n}</a></h3><div class='accordion-content'>"
        f"<p>{text}</p></div></li>"
        for n, text in enumerate(PARAGRAPHS)
    )
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><div class='page'><h1>Why the gates held</h1>"
        f"<ul class='accordion'>{items}</ul></div><aside><p>An unrelated note about the bakery and its rolls, "
        "which sell out every Saturday before nine o'clock in the morning.</p></aside></body></html>"
    )
    body = _body(page)
    assert all(text in body for text in PARAGRAPHS)


def test_a_recipe_post_filed_under_cookies_keeps_its_text() -> None:
    """'category-cookies' files a recipe post; only the names of a consent dialog itself are believed outright."""
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><header><h1>Oat biscuits for a rainy day</h1></header>"
        f"<div class='post category-cookies tag-oats'><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></div>"
        "<aside class='about'><p>Recipes from a small kitchen by the river.</p></aside></body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[0] in body
    assert PARAGRAPHS[1] in body


def test_a_guide_whose_title_repeats_one_section_heading_keeps_the_sections_above_it() -> None:
    """A guide of sections, each under a heading of the same rank; the page's title repeats the last section's
    heading, so the headline found stands halfway down the text. What is above it is the guide, not a kicker."""
    sections = [
        ("Pruning roses: the tools", "Use clean, sharp secateurs and a pair of thick gloves for the thorny stems."),
        ("Pruning roses: when to cut", "Cut in late winter, just as the buds begin to swell along the old canes."),
        ("Pruning roses: common questions", "Yes, you can compost the cuttings, but leave out any diseased leaves."),
    ]
    text = "".join(f"<h2>{heading}</h2><p>{paragraph}</p>" for heading, paragraph in sections)
    page = (
        "<html><head><title>Pruning roses: common questions</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/garden'>Garden</a></nav>"
        f"<article>{text}</article><footer><p>The Walled Garden Club</p></footer></body></html>"
    )
    body = _body(page)
    assert sections[0][1] in body
    assert sections[1][1] in body
    assert sections[2][1] in body


def test_a_teaser_above_the_headline_is_still_cut() -> None:
    """A kicker box above the headline holds no heading of the headline's rank: it is cut as before."""
    page = (
        "<html><head><title>Choir on the pier</title></head><body><div id='page'>"
        "<div class='kicker'><p>Also today: the ferry timetable changes on Monday, and the market moves indoors "
        "for the winter months, starting with the first weekend of December.</p></div>"
        f"<h1>Choir on the pier</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></div></body></html>"
    )
    body = _body(page)
    assert body.startswith(PARAGRAPHS[0])
    assert "ferry timetable" not in body


def test_a_column_the_print_version_leaves_out_is_not_the_article() -> None:
    """A site marks what its printed page leaves out ('noprint'): a column of other writing beside the story."""
    column = [
        "It is the week of the winter fair again, which reminds me how many of us first met on the green.",
        "If you have never been, the bandstand opens at six and the soup queue is part of the evening.",
    ]
    page = (
        "<html><body><table><tr><td><h1>Choir on the pier</h1>"
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></td>"
        f"<td><div class='noprint'><h2>Our columnist</h2><p>{column[0]}</p><p>{column[1]}</p></div></td>"
        "</tr></table></body></html>"
    )
    body = _body(page)
    assert PARAGRAPHS[0] in body
    assert "winter fair" not in body


HARBOUR_COMMENTS = (
    "What a lovely picture of the harbour at dawn, it reminds me of the summers we spent there as children.",
    "I walked past that very spot last week and the light was just the same, though the boats had gone.",
    "Thank you for sharing this, it made my morning, and I have sent it on to my sister in the north.",
)


def test_a_picture_post_under_a_thread_of_comments_is_read_from_its_comments() -> None:
    """A post of one picture has no article text; its comments hold the page's only prose. The body is the
    discussion rather than nothing, and the warning and every kept block's decision say so."""
    comments = "".join(f"<li class='comment'><p>{sentence}</p></li>" for sentence in HARBOUR_COMMENTS)
    page = (
        "<html><body><div class='post'><h1>Dawn</h1><img src='/dawn.jpg' alt='The harbour at dawn'></div>"
        f"<div id='comments'><h3>Comments</h3><ol>{comments}</ol></div></body></html>"
    )
    article = articlex.extract(page)
    assert article.paragraphs == HARBOUR_COMMENTS
    assert any("only prose is its discussion" in warning for warning in article.diagnostics.warnings)
    kept = [decision for decision in article.decisions if decision.label == "content"]
    assert kept
    assert all(decision.detail.endswith("the page's only prose is its discussion") for decision in kept)


def test_a_picture_post_under_dated_comments_is_read_from_its_comments() -> None:
    """Comments usually carry their dates, which makes them a list of dated items, counted as no prose when an
    article is sought. Reading the discussion, they count: the dated thread is read like an undated one."""
    comments = "".join(
        f"<li class='comment'><p>{sentence}</p><p class='comment-date'>March {n + 7}, 2025 at 10:1{n} pm</p></li>"
        for n, sentence in enumerate(HARBOUR_COMMENTS)
    )
    page = (
        "<html><body><div class='post'><h1>Dawn</h1><img src='/dawn.jpg' alt='The harbour at dawn'></div>"
        f"<div id='comments'><h3>Comments</h3><ol>{comments}</ol></div></body></html>"
    )
    article = articlex.extract(page)
    assert all(sentence in article.paragraphs for sentence in HARBOUR_COMMENTS)
    assert any("only prose is its discussion" in warning for warning in article.diagnostics.warnings)


def test_a_page_of_dated_teasers_without_comments_is_no_discussion() -> None:
    """A page whose only prose is a list of dated teasers (an archive page) has no article and no discussion: reading
    the discussion counts dated items as prose, but keeps only what stands in comment sections."""
    teasers = "".join(
        f"<li><p class='date'>March {n + 7}, 2025</p><p>{sentence}</p></li>"
        for n, sentence in enumerate(HARBOUR_COMMENTS)
    )
    page = f"<html><body><h1>Archive</h1><ul class='story-list'>{teasers}</ul></body></html>"
    article = articlex.extract(page)
    assert not any("discussion" in warning for warning in article.diagnostics.warnings)
    assert not any(sentence in article.text for sentence in HARBOUR_COMMENTS[1:])


def test_a_forum_thread_whose_posts_are_all_marked_as_comments_is_read() -> None:
    """Some forum software marks every post of a thread, the opening one too, as a comment. The thread is
    the page's text: its opening post is read, as on a forum whose posts are named otherwise."""
    posts = (
        ("opener", "Our apple tree drops most of its fruit in early summer, long before it is ripe. Is that normal?"),
        (
            "gardener",
            "Some of that is the tree thinning itself, which is normal when it set more fruit than it can feed.",
        ),
        ("opener", "Thank you, that explains it: the tree was covered in blossom this spring, far more than before."),
    )
    thread = "".join(
        f"<div class='forum-comment'><div class='comment-info'>{name} 12.04.25 10:1{number}</div>"
        f"<div class='comment-text'>{text}</div><div class='comment-vote'>+{number}</div></div>"
        for number, (name, text) in enumerate(posts)
    )
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/forum'>Forum</a></nav><main>"
        f"<h2>Apple tree drops its fruit early</h2>{thread}</main><footer>© Orchard Forum</footer></body></html>"
    )
    article = articlex.extract(page)
    assert posts[0][1] in article.paragraphs
    assert posts[1][1] in article.paragraphs
    assert "Orchard Forum" not in article.text


LONG_DISCUSSION = tuple(
    f"Reader {n}: I was on the landing that morning too, and I still remember the sound of the water under "
    "the boards and the smell of the warm rolls from the bakery, a day I will not forget."
    for n in range(12)
)


def _discussion(comments: tuple[str, ...]) -> str:
    items = "".join(f"<li class='comment'><p>{text}</p></li>" for text in comments)
    return f"<div id='comments'><h3>Comments</h3><ol>{items}</ol></div>"


def test_an_article_in_json_ld_beats_a_visible_discussion_however_long() -> None:
    """A paywalled page that shows only its readers' comments: the article is the JSON-LD `articleBody`, not the
    discussion, even when the discussion holds more words than a teaser may."""
    data = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": LONG_STORY})
    page = (
        f"<html><head><script type='application/ld+json'>{data}</script></head><body>"
        "<h1>Flood waters reach the old landing</h1><div class='paywall'>Subscribe to keep reading.</div>"
        f"{_discussion(LONG_DISCUSSION)}</body></html>"
    )
    article = articlex.extract(page)
    assert article.paragraphs == PARAGRAPHS * 3
    assert article.provenance["body"].source is articlex.Source.JSON_LD
    assert not any("discussion" in warning for warning in article.diagnostics.warnings)


def test_an_article_a_script_shows_beats_a_visible_discussion() -> None:
    """The article waits in a hidden element; the visible page shows only the comments under it. The hidden article
    is read, not the discussion."""
    story = "".join(f"<p>{text}</p>" for text in STORY)
    page = (
        "<html><body><article><h1>The ledger of the dawn ferry</h1><button class='more'>Read more</button>"
        f"<div class='story-rest' style='display: none'>{story}</div></article>"
        f"{_discussion(LONG_DISCUSSION[:4])}</body></html>"
    )
    article = articlex.extract(page)
    assert all(text in article.text for text in STORY)
    assert "Reader 1" not in article.text
    assert any("a script shows" in warning for warning in article.diagnostics.warnings)


def test_a_comment_forms_line_of_help_is_no_discussion() -> None:
    """A post that is only a file's link has no prose; the comment form under it has one line of help. That
    line is no discussion: the body stays empty and the decisions say where the prose is."""
    page = (
        "<html><body><div class='post'><h2>Giving advice</h2><p><a href='/advice.pdf'>PDF: advice</a></p></div>"
        "<div id='respond' class='comment-respond'><h3>Leave a comment</h3><form>"
        "<p>Enter your details below or click an icon to log in, and your comment will appear after review.</p>"
        "<input name='email'></form></div></body></html>"
    )
    article = articlex.extract(page)
    assert article.text == ""
    assert not any("discussion" in warning for warning in article.diagnostics.warnings)
    assert all(decision.label != "content" for decision in article.decisions)


APPEAL = "If you enjoyed this article, please share it with a friend or join the readers who get our weekly letter."


@pytest.mark.parametrize("as_text", [False, True])
def test_a_closing_appeal_to_readers_is_not_the_article(as_text: bool) -> None:
    """A site closes its articles with an appeal ('If you enjoyed this article, please share it …'): not the article."""
    if as_text:
        page = "\n\n".join(("Choir on the pier", *PARAGRAPHS, APPEAL, "Comments are closed."))
    else:
        paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
        page = f"<html><body><article><h1>Choir on the pier</h1>{paragraphs}<p>{APPEAL}</p></article></body></html>"
    body = articlex.extract(page).text
    assert PARAGRAPHS[-1] in body
    assert "If you enjoyed" not in body


def test_a_paragraph_that_only_starts_like_an_appeal_stays() -> None:
    """'If you enjoyed the concert, …' opens a sentence of the article, not the site's appeal."""
    sentence = (
        "If you enjoyed the concert last year, the choir will be back on the pier with a longer programme in June."
    )
    paragraphs = "".join(f"<p>{text}</p>" for text in (*PARAGRAPHS, sentence))
    body = articlex.extract(f"<html><body><article><h1>Choir on the pier</h1>{paragraphs}</article></body></html>").text
    assert sentence in body


# ---- the article in structured data only ------------------------------------------------------


def _paywalled(article_body: str, *, visible: str = PARAGRAPHS[0], articles: int = 1) -> str:
    """A paywalled page: the headline, one visible paragraph, a subscribe box; the whole text in JSON-LD."""
    objects = [
        {
            "@type": "NewsArticle",
            "headline": f"Flood waters reach the old landing, part {n}",
            "articleBody": article_body,
        }
        for n in range(articles)
    ]
    data = json.dumps({"@context": "https://schema.org", "@graph": objects})
    return (
        f"<html><head><title>Flood waters reach the old landing</title>"
        f"<script type='application/ld+json'>{data}</script></head><body>"
        "<h1>Flood waters reach the old landing</h1>"
        f"<div class='article-teaser'><p>{visible}</p></div>"
        "<div class='paywall'><p>Subscribe to keep reading: your first month is free.</p></div>"
        "</body></html>"
    )


LONG_STORY = "\n\n".join(PARAGRAPHS * 3)  # 12 paragraphs, about 200 words


def test_a_paywalled_article_whose_text_is_in_its_json_ld_is_read_from_there() -> None:
    """A teaser over a paywall, the whole story in `articleBody`: the body is that story, and says so."""
    article = articlex.extract(_paywalled(LONG_STORY))
    assert article.paragraphs == PARAGRAPHS * 3
    assert article.provenance["body"].source is articlex.Source.JSON_LD
    assert "Subscribe" not in article.text
    left_out = [d for d in article.decisions if d.reason is articlex.Reason.STRUCTURED_BODY]
    assert [d.preview[:20] for d in left_out] == [PARAGRAPHS[0][:20], "Subscribe to keep re"]


def test_an_article_body_written_as_markup_becomes_plain_paragraphs() -> None:
    markup = "".join(f"<p>{text} <b>Read&nbsp;on.</b></p>" for text in PARAGRAPHS * 3)
    article = articlex.extract(_paywalled(markup))
    assert article.paragraphs == tuple(f"{text} Read on." for text in PARAGRAPHS * 3)


def test_a_visible_article_stands_when_the_json_ld_repeats_it() -> None:
    """The visible body keeps its structure; structured data replaces only a body that shows a small part."""
    visible = "".join(f"<p>{text}</p>" for text in PARAGRAPHS * 3)
    page = _paywalled(LONG_STORY).replace(f"<p>{PARAGRAPHS[0]}</p>", visible)
    article = articlex.extract(page)
    assert "body" not in article.provenance
    assert all(d.reason is not articlex.Reason.STRUCTURED_BODY for d in article.decisions)
    assert article.paragraphs[:12] == PARAGRAPHS * 3


def test_a_short_article_body_is_a_summary_not_the_article() -> None:
    article = articlex.extract(_paywalled(PARAGRAPHS[1]))
    assert "body" not in article.provenance
    assert PARAGRAPHS[0] in article.text


def test_a_page_listing_several_articles_with_their_texts_keeps_its_visible_body() -> None:
    """Which of several `articleBody`s is this page's own cannot be told: none replaces the visible body."""
    article = articlex.extract(_paywalled(LONG_STORY, articles=2))
    assert "body" not in article.provenance
    assert PARAGRAPHS[0] in article.text


RYE_INGREDIENTS = (("500 g", "rye flour"), ("1 tsp", "caraway seeds"), ("350 ml", "warm water"), ("2 tsp", "salt"))
RYE_STEPS = (
    "Stir the flour, seeds and salt together.",
    "Pour in the water and knead for five minutes.",
    "Bake for fifty minutes until the crust sounds hollow.",
)
RYE_NOTES = (
    "Rye dough is sticky and heavy, so do not expect it to rise the way a wheat loaf does in the warm kitchen.",
    "The loaf keeps for a week wrapped in a cloth, and it tastes better on the second day than on the first.",
    "If you cannot find caraway, a spoon of fennel seeds gives the bread a similar warmth without any bitterness.",
)


def _recipe_in_tabs(head: str, step_attributes: str = "", ingredient_attributes: str = "") -> str:
    """A recipe whose notes, ingredients and steps stand in sibling tabs; the notes hold the most prose.

    Each ingredient's name links to a glossary entry; without `ingredient_attributes` its amount
    stands in an element of its own (`<dt>`), as in the tables of many recipe sites.
    """
    notes = "".join(f"<p>{text}</p>" for text in RYE_NOTES)
    amount_tag = "span" if ingredient_attributes else "dt"
    ingredients = "".join(
        f"<{amount_tag}>{amount}</{amount_tag}> <dd {ingredient_attributes}>"
        f"<a href='/glossary/{name.replace(' ', '-')}'>{name}</a></dd>"
        for amount, name in RYE_INGREDIENTS
    )
    steps = "".join(
        f"<div class='step' {step_attributes}><span>{n}.</span><p>{text}</p></div>"
        for n, text in enumerate(RYE_STEPS, start=1)
    )
    return (
        f"<html><head><title>Caraway Rye Loaf | Baking Tabs</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/bread'>Bread</a> <a href='/cakes'>Cakes</a></nav>"
        "<div class='recipe' itemscope itemtype='https://schema.org/Recipe'><h1>Caraway Rye Loaf</h1>"
        "<div class='recipe-tabs'>"
        f"<div class='tab-pane tab-notes'><h2>Good to know</h2>{notes}</div>"
        f"<div class='tab-pane tab-ingredients'><h2>Ingredients</h2><dl>{ingredients}</dl></div>"
        f"<div class='tab-pane tab-steps'><h2>Method</h2>{steps}</div>"
        "</div></div><footer>Copyright Baking Tabs</footer></body></html>"
    )


def _has_the_recipe(body: str) -> None:
    for amount, name in RYE_INGREDIENTS:
        assert amount in body
        assert name in body
    assert all(step in body for step in RYE_STEPS)
    assert "Copyright" not in body
    assert "Cakes" not in body


def test_a_recipe_in_tabs_keeps_the_ingredients_its_json_ld_lists() -> None:
    """Ingredients, steps and notes in sibling tabs: the notes are the most prose, the JSON-LD names the rest.

    The main content found (the notes) widens to the element that holds every part the page's
    `Recipe` lists, and an ingredient linked to a glossary entry is still an ingredient.
    """
    recipe = {
        "@context": "https://schema.org",
        "@type": "Recipe",
        "name": "Caraway Rye Loaf",
        "recipeIngredient": [f"{amount} {name}" for amount, name in RYE_INGREDIENTS],
        "recipeInstructions": [
            {"@type": "HowToSection", "itemListElement": [{"@type": "HowToStep", "text": t} for t in RYE_STEPS]}
        ],
    }
    page = _recipe_in_tabs(f"<script type='application/ld+json'>{json.dumps(recipe)}</script>")
    _has_the_recipe(_body(page))
    _has_the_recipe(_body(page.replace("Recipe", "HowTo").replace("recipeInstructions", "step")))


def test_a_recipe_in_tabs_keeps_the_ingredients_its_microdata_marks() -> None:
    """The same recipe marked up with microdata (`itemprop=recipeIngredient`, `recipeInstructions`)."""
    page = _recipe_in_tabs(
        "",
        step_attributes="itemprop='recipeInstructions'",
        ingredient_attributes="itemprop='recipeIngredient'",
    )
    _has_the_recipe(_body(page))


def test_parts_listed_only_in_a_menu_do_not_widen_the_article() -> None:
    """A page whose structured data lists parts shown nowhere but in its menu keeps its article as found."""
    recipe = {"@type": "Recipe", "recipeIngredient": ["Bread", "Cakes"], "recipeInstructions": ["Home"]}
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    page = (
        f"<html><head><script type='application/ld+json'>{json.dumps(recipe)}</script></head><body><div id='page'>"
        "<ul class='menu'><li><a href='/'>Home page</a></li><li><a href='/bread'>Bread rolls</a></li>"
        "<li><a href='/cakes'>Cakes</a></li></ul>"
        f"<article><h1>Flood waters reach the old landing</h1>{paragraphs}</article>"
        "<div class='col'><p>Open daily from nine until six.</p></div></div></body></html>"
    )
    body = _body(page)
    assert all(text in body for text in PARAGRAPHS)
    assert "Cakes" not in body
    assert "Open daily" not in body


def test_a_section_label_over_nothing_kept_does_not_dangle() -> None:
    """'Links' over a list of links heads a section the body leaves out; so does a closing 'Comments'."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:3])
    links = "".join(f"<li><a href='/story/{n}'>Another river story number {n}</a></li>" for n in range(4))
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Flood waters reach the old landing</h1>"
        f"<h2>What happened</h2><h3>On the river</h3>{paragraphs}"
        f"<h2>Links</h2><ul>{links}</ul><h2>Comments</h2></article></body></html>"
    )
    article = articlex.extract(page)
    headings = [element.text for element in article.body if element.type == "heading"]
    assert headings == ["What happened", "On the river"]
    assert all(text in article.text for text in PARAGRAPHS[:3])
    reasons = {d.preview: d.reason.value for d in article.decisions}
    assert reasons["Links"] == "empty_section"


def test_paragraphs_set_in_heading_type_are_kept() -> None:
    """Some pages write their paragraphs in `<h4>`: a long heading is text, whatever follows it."""
    sentences = [f"{text} It was written in a heading's type by the page's author." for text in PARAGRAPHS]
    page = "<html><body><div id='main'><h1>Flood waters</h1>" + "".join(f"<h4>{s}</h4>" for s in sentences)
    page += "</div><footer>Contact us</footer></body></html>"
    body = articlex.extract(page).text
    assert all(sentence in body for sentence in sentences)


STORY = tuple(
    f"Part {n} of the story: the ferry crossed at dawn with {n + 2} passengers, and the harbour master wrote "
    "down every name in the old blue ledger that hangs beside the ticket window."
    for n in range(8)
)


def test_an_article_hidden_behind_read_more_is_read_and_the_warning_says_so() -> None:
    """The page shows a teaser and a 'Read more' button; the whole text waits in a hidden element."""
    story = "".join(f"<p>{text}</p>" for text in STORY)
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/harbour'>Harbour</a></nav>"
        "<article><h1>The ledger of the dawn ferry</h1><p class='teaser'>The ferry crossed at dawn…</p>"
        f"<button class='more'>Read more</button><div class='story-rest' style='display: none'>{story}</div>"
        "</article><footer>Contact the harbour office</footer></body></html>"
    )
    article = articlex.extract(page)
    assert all(text in article.text for text in STORY)
    assert "Contact" not in article.text
    assert article.diagnostics is not None
    assert any("a script shows" in warning for warning in article.diagnostics.warnings)


def test_a_page_whose_article_is_all_hidden_is_read() -> None:
    """A page that shows nothing but its title until a script runs (`hidden` attribute)."""
    story = "".join(f"<p>{text}</p>" for text in STORY)
    page = f"<html><body><h1>The ledger of the dawn ferry</h1><main hidden>{story}</main></body></html>"
    assert all(text in articlex.extract(page).text for text in STORY)


def test_a_hidden_gallery_beside_a_visible_article_stays_hidden() -> None:
    """Hidden slides or tabs beside an article the page shows are not the article."""
    story = "".join(f"<p>{text}</p>" for text in STORY[:4])
    slides = "".join(f"<div class='slide'><p>{text}</p></div>" for text in STORY[4:] * 2)
    page = (
        f"<html><body><article><h1>The ledger of the dawn ferry</h1>{story}"
        f"<div class='gallery' style='display:none'>{slides}</div></article></body></html>"
    )
    article = articlex.extract(page)
    assert all(text in article.text for text in STORY[:4])
    assert not any(text in article.text for text in STORY[4:])
    assert article.diagnostics is not None
    assert article.diagnostics.warnings == ()


def test_a_short_post_in_its_titled_article_beats_a_longer_sidebar_blurb() -> None:
    """One paragraph in the `<article>` that holds the `<h1>`, beside a longer unnamed blurb: the tag says which."""
    blurb = (
        "<div class='panel'><div class='content'><h4>Spring issue | The coast from end to end</h4><p>Our spring issue "
        "travels the whole coast, from the salt marshes in the south to the fishing villages of the north, with "
        "portraits of the people who keep the old harbours working, a long interview with the last ferry captain of "
        "the bay, who retired this winter after forty years at the wheel of the same boat, and six new drawings of "
        "the lighthouses. <a href='/issues/spring'>View more</a></p></div></div>"
    )
    post = (
        "<article><div id='story'><header><p class='category'><a href='/photo'>Photo</a></p>"
        "<h1>Dawn ferry photographs</h1><p class='date'>Published 2 hours ago</p>"
        "<h2>The crossing at first light, from the archive</h2>"
        "<div class='share'><a href='#'>Tweet</a> <a href='#'>Share</a></div>"
        "<ul class='credits'><li>Text by <a href='/team'>The photo desk</a></li></ul></header>"
        "<p>We went through the archive for the ferry's anniversary and picked the pictures that show the crossing "
        "at first light, when the water is still and the gulls have not yet woken.<br><br><em>Click</em> "
        "<a href='/archive/ferry'>HERE</a> <em>for every picture of the ferry since its first year</em></p>"
        "<footer id='storynav'><h3><a href='/photo/harbour'>Next: harbour at night</a></h3>"
        "<h3><a href='/photo/nets'>Previous: drying the nets</a></h3></footer></div></article>"
    )
    page = f"<html><body><div id='side'>{blurb}</div><section id='content'>{post}</section></body></html>"
    body = _body(page)
    assert "crossing at first light, when the water is still" in body
    assert "spring issue travels" not in body


def test_a_wiki_pages_section_edit_links_stay_out_of_its_headings() -> None:
    """MediaWiki sets '[edit]' after every section heading: a control, like a button, not the heading's text."""
    edit = "<span class='mw-editsection'><span class='mw-editsection-bracket'>[</span><a href='/w?action=edit'>edit</a>"
    edit += "<span class='mw-editsection-bracket'>]</span></span>"
    sections = "".join(
        f"<h2><span class='mw-headline'>{title}</span>{edit}</h2><p>{text}</p>"
        for title, text in zip(("History", "Service", "Boats"), PARAGRAPHS, strict=False)
    )
    page = f"<html><body><div id='content'><h1>Harbour ferry</h1><div id='bodyContent'>{sections}</div></div></body></html>"
    article = articlex.extract(page)
    assert [element.text for element in article.body if element.type == "heading"] == ["History", "Service", "Boats"]
    assert "edit" not in article.text


def test_a_product_page_keeps_its_description_and_details() -> None:
    """A shop's product page: the description and the list of details are the text; the cart, the price box,
    the reviews and the other products are not."""
    description = (
        "A steel mug coated in glossy enamel, light enough to clip to a pack and tough enough for a camp stove. "
        "The rolled rim stays cool enough to drink from when the coffee is hot."
    )
    page = (
        "<html><head><title>Enamel Camping Mug – Trailhouse</title></head><body>"
        "<header><a href='/'>Trailhouse</a><nav><a href='/camp'>Camping</a><a href='/sale'>Sale</a></nav>"
        "<a href='/cart'>Cart (0)</a></header>"
        "<div class='product-info'><h1 class='product-title'>Enamel Camping Mug</h1><div class='price'>€14.95</div>"
        "<form class='add-to-cart'><button>Add to cart</button></form></div>"
        f"<div class='product-description'><h2>Description</h2><p>{description}</p><h3>Details</h3>"
        "<ul><li>Capacity: 350 ml</li><li>Weight: 160 g</li><li>Not for the microwave</li></ul></div>"
        "<div class='reviews'><h2>Customer reviews</h2><p>Took it on a week of canoeing, not a chip on it.</p></div>"
        "<div class='related-products'><h2>You may also like</h2><ul><li><a href='/p/2'>Enamel plate</a></li>"
        "<li><a href='/p/3'>Folding spork</a></li></ul></div><footer>© Trailhouse</footer></body></html>"
    )
    body = _body(page)
    assert description in body
    assert "Capacity: 350 ml" in body
    assert "Not for the microwave" in body
    assert "Add to cart" not in body
    assert "Folding spork" not in body
    assert "Cart (0)" not in body


def test_a_documentation_page_keeps_its_code_and_table_and_not_its_navigation() -> None:
    """A documentation page: sections, a code block, an options table and numbered steps are the text; the
    sidebar's table of contents, 'On this page', the previous/next links and 'Edit this page' are not."""
    page = (
        "<html><head><title>Configuring the cache — Quillstone docs</title></head><body>"
        "<nav class='sidebar toctree'><p class='caption'>User guide</p><ul><li><a href='/install'>Installation</a>"
        "</li><li><a href='/quick'>Quickstart</a></li><li><a href='/plugins'>Writing plugins</a></li></ul></nav>"
        "<main role='main' class='document'><div class='body'><h1>Configuring the cache</h1>"
        "<p>Quillstone keeps rendered fragments in a cache, so a second request for the same page costs almost "
        "nothing. This page explains where the cache lives and how to clear it.</p>"
        "<p>By default the cache is a folder beside your project file. Set the folder in the settings:</p>"
        '<pre><code>[cache]\ncache_dir = "/var/cache/quill"</code></pre>'
        "<table><thead><tr><th>Option</th><th>Default</th></tr></thead>"
        "<tbody><tr><td>cache_dir</td><td>.quill-cache</td></tr><tr><td>ttl</td><td>3600</td></tr></tbody></table>"
        "<ol><li>Stop the server.</li><li>Run the clear command.</li><li>Start the server again.</li></ol></div>"
        "<div class='footer-nav'><a href='/quick'>« Quickstart</a> <a href='/plugins'>Writing plugins »</a></div>"
        "<p class='edit'><a href='/edit'>Edit this page</a></p></main>"
        "<aside class='toc'><p>On this page</p><ul><li><a href='#a'>Where the cache lives</a></li></ul></aside>"
        "</body></html>"
    )
    article = articlex.extract(page)
    body = article.text
    assert 'cache_dir = "/var/cache/quill"' in body
    assert "Stop the server." in body
    assert "Start the server again." in body
    assert any(element.type == "table" for element in article.body)
    assert "Installation" not in body
    assert "Edit this page" not in body
    assert "On this page" not in body


def test_a_wiki_article_whose_list_outscores_its_navigation_box_keeps_its_paragraphs() -> None:
    """A wiki article's element also holds a box of links to every page of the series and its references.

    Its list of appearances, each item a sentence, outscores the whole element with that clutter in it;
    the list is one part of the article, and the paragraphs around it are the rest.
    """
    intro = (
        "The <a href='/wiki/Clockwork_Heron'>Clockwork Heron</a> was a wind-up flying machine built by the "
        "<a href='/wiki/Guild'>Guild of Tinkers</a> to carry letters across <a href='/wiki/Marsh'>the marsh</a> "
        "in the years before <a href='/wiki/Bridge'>the bridge</a>."
    )
    history = (
        "Its first flight ended in a reed bed, but the second version, with canvas wings and a brass spring, "
        "crossed the marsh in under an hour and made the round trip twice a day for eleven years."
    )
    design = (
        "The heron was wound with a crank under its tail, and a full winding lasted for some forty minutes of flight "
        "in calm air, less against the autumn winds that blow in from the estuary."
    )
    appearances = "".join(
        f"<li>In <a href='/wiki/Chapter_{n}'>Chapter {n}</a> the heron carries a sealed letter to the lighthouse "
        f"keeper, who answers it the same evening with a warning about the tide.</li>"
        for n in range(1, 8)
    )
    navbox = "".join(
        f"<tr><th><a href='/wiki/Group_{g}'>Machines of group {g}</a></th><td>"
        + " · ".join(f"<a href='/wiki/Machine_{g}_{m}'>Machine {g}-{m}</a>" for m in range(25))
        + "</td></tr>"
        for g in range(8)
    )
    references = "".join(
        f"<li><a href='#cite-{n}'>^</a> <a href='/wiki/Source_{n}'>The Tinkers' Almanac, volume {n}</a></li>"
        for n in range(1, 16)
    )
    page = (
        "<html><head><title>Clockwork Heron | Tinker Wiki</title></head><body>"
        "<nav><a href='/'>Main page</a> <a href='/recent'>Recent changes</a></nav>"
        "<div id='content'><h1>Clockwork Heron</h1><div class='parser-output'>"
        f"<p>{intro}</p><h2>History</h2><p>{history}</p><h2>Design</h2><p>{design}</p>"
        f"<h2>Appearances</h2><ul>{appearances}</ul>"
        f"<h2>Notes</h2><div class='refs'><ol>{references}</ol></div>"
        f"<table class='series-box'>{navbox}</table>"
        "</div></div><footer><p>Content is available under a free licence.</p></footer></body></html>"
    )
    body = _body(page)
    assert "wind-up flying machine" in body  # a paragraph a third of whose words are links
    assert "History" in body.splitlines()  # the section headings around the list
    assert "brass spring" in body
    assert "crank under its tail" in body
    assert "warning about the tide" in body
    assert "Machine 3-4" not in body


def test_a_long_run_of_links_inside_the_article_is_no_paragraph() -> None:
    """A post's box of tags, fifty linked words with nothing written between them, is a list of links however long."""
    tags = " ".join(f"<a href='/tag/{n}'>river topic {n}</a>" for n in range(20))
    page = _story(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><div class='box'>{tags}</div><p>{PARAGRAPHS[2]}</p>")
    body = _body(page)
    assert PARAGRAPHS[2] in body
    assert "river topic 7" not in body


def test_a_long_paragraph_with_a_few_links_is_still_a_paragraph() -> None:
    """The run of links is links end to end: a long sentence with links over most of it, but punctuated, stays."""
    linked = (
        "<a href='/a'>The council met the ferry company on Monday</a>, "
        "<a href='/b'>the bakery owners on Tuesday and the school board on Wednesday</a>, "
        "<a href='/c'>and by Thursday every street along the river had a plan for the next flood, with sandbags</a> "
        "<a href='/d'>stored in the old depot and a phone list of volunteers kept at the town hall</a>."
    )
    page = _story(f"<p>{PARAGRAPHS[0]}</p><p>{linked}</p><p>{PARAGRAPHS[1]}</p>")
    assert "phone list of volunteers" in _body(page)

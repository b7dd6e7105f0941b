"""Stage 2a, HTML splitting: blocks, their text, kinds, paths and links; invisible content; limits; metadata."""

from __future__ import annotations

import re

import pytest

from articlex import BlockKind, Options, extract
from articlex.html import split as html_split
from articlex.read.reading import read
from articlex.stages import Block, SplitPage

DEFAULT = Options()


def split(html: str, options: Options = DEFAULT) -> SplitPage:
    return html_split.split(read(html, url=None, encoding=None, options=options), options, None)


def texts(html: str) -> list[str]:
    return [block.text for block in split(html).blocks]


def only_block(html: str) -> Block:
    blocks = split(html).blocks
    assert len(blocks) == 1, [block.text for block in blocks]
    return blocks[0]


# ---- cutting into blocks ------------------------------------------------------------------


def test_each_paragraph_is_its_own_block() -> None:
    """Each `<p>` becomes a separate block, in document order."""
    assert texts("<body><p>First one.</p><p>Second one.</p><p>Third one.</p></body>") == [
        "First one.",
        "Second one.",
        "Third one.",
    ]


def test_words_are_not_glued_across_adjacent_paragraphs() -> None:
    """Text of adjacent block elements without whitespace between stays in separate blocks."""
    assert texts("<body><p>alpha</p><p>beta</p><div>gamma</div><h2>delta</h2></body>") == [
        "alpha",
        "beta",
        "gamma",
        "delta",
    ]


def test_words_are_not_glued_around_a_nested_block() -> None:
    """Text before, inside and after a nested block element ends up in three blocks."""
    assert texts("<body><div>before<div>inside</div>after</div></body>") == ["before", "inside", "after"]


def test_words_are_not_glued_across_list_items_or_cells() -> None:
    """List items and table cells are separate blocks, not one run of text."""
    html = "<body><ul><li>one</li><li>two</li></ul><table><tr><td>three</td><td>four</td></tr></table></body>"
    assert texts(html) == ["one", "two", "three", "four"]


def test_inline_elements_keep_the_spacing_of_the_source() -> None:
    """Inline markup neither adds nor removes spaces: 'New <b>York</b> City' reads 'New York City'."""
    assert only_block("<body><p>New <b>York</b> <a href='/c'>City</a> <em>today</em>.</p></body>").text == (
        "New York City today."
    )


def test_inline_elements_without_spaces_stay_one_word() -> None:
    """Markup inside a word ('un<i>believ</i>able') does not split it."""
    assert only_block("<body><p>un<i>believ</i><span>able</span> news</p></body>").text == "unbelievable news"


def test_spaces_tabs_and_no_break_spaces_are_collapsed() -> None:
    """Runs of spaces, tabs and no-break spaces inside a block become one space, and the ends are trimmed."""
    assert only_block("<body><p>  The   mayor&nbsp;&nbsp;said \t yes.  </p></body>").text == "The mayor said yes."


def test_line_breaks_of_the_source_are_spaces() -> None:
    """A newline in the HTML source (hard-wrapped markup) is whitespace, not a line break of the text."""
    block = only_block("<body><p>The city council approved\n   the new budget\n\non Tuesday.</p></body>")
    assert block.text == "The city council approved the new budget on Tuesday."


def test_entities_are_decoded() -> None:
    """Character references read as the characters they stand for."""
    assert only_block("<body><p>Caf&eacute; &amp; bar &lt;3 &#8364;5 &#x263A;</p></body>").text == "Café & bar <3 €5 ☺"


def test_single_br_keeps_a_line_break_inside_the_block() -> None:
    """One `<br>` breaks the line but not the block."""
    assert only_block("<body><p>New Delhi<br>June 18, 2024</p></body>").text == "New Delhi\nJune 18, 2024"


def test_br_does_not_glue_words() -> None:
    """Words on either side of a `<br>` never run together."""
    block = only_block("<body><p>first<br/>second<br>third</p></body>")
    assert block.text.split() == ["first", "second", "third"]


def test_double_br_splits_blocks() -> None:
    """Two `<br>`s in a row end a paragraph: the text is cut into two blocks."""
    assert texts("<body><div>One paragraph.<br><br>Another paragraph.</div></body>") == [
        "One paragraph.",
        "Another paragraph.",
    ]


def test_double_br_with_whitespace_between_splits_blocks() -> None:
    """Whitespace between two `<br>`s does not stop them from ending a paragraph."""
    assert texts("<body><div>One paragraph.<br>\n   <br>Another paragraph.</div></body>") == [
        "One paragraph.",
        "Another paragraph.",
    ]


def test_loose_text_in_body_is_a_block() -> None:
    """Text directly in `<body>`, between block elements, is a block of its own."""
    assert texts("<body><p>one</p>loose text<p>two</p></body>") == ["one", "loose text", "two"]


# ---- what never appears ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        "<script>var secret = 'SECRET';</script>",
        "<style>.x::after { content: 'SECRET' }</style>",
        "<noscript>SECRET</noscript>",
        "<template><p>SECRET</p></template>",
        "<svg viewBox='0 0 10 10'><text x='0' y='5'>SECRET</text><title>SECRET</title></svg>",
    ],
    ids=["script", "style", "noscript", "template", "svg"],
)
def test_non_text_elements_never_appear(markup: str) -> None:
    """Text of script, style, noscript, template and svg elements is never part of any block."""
    blocks = split(f"<body><p>Visible before.</p>{markup}<p>Visible {markup} inside.</p></body>").blocks
    assert all("SECRET" not in block.text for block in blocks)
    assert [block.text for block in blocks] == ["Visible before.", "Visible inside."]


@pytest.mark.parametrize(
    "hidden",
    [
        "<div hidden><p>SECRET</p></div>",
        "<p hidden>SECRET</p>",
        "<span hidden>SECRET</span>",
        "<div style='display:none'>SECRET</div>",
        "<div style='display: none'>SECRET</div>",
        "<div style='color: red; display:none;'>SECRET</div>",
        "<div style='display:none !important'>SECRET</div>",
        "<div style='visibility: hidden'>SECRET</div>",
        "<div style='DISPLAY: NONE'>SECRET</div>",
    ],
    ids=["div-hidden", "p-hidden", "span-hidden", "none", "none-space", "none-later", "none-important", "visibility",
         "uppercase"],
)  # fmt: skip
def test_hidden_content_never_appears(hidden: str) -> None:
    """Elements with the `hidden` attribute or an inline style that hides them contribute no text."""
    blocks = split(f"<body><p>Shown.</p>{hidden}<p>Also shown.</p></body>").blocks
    assert all("SECRET" not in block.text for block in blocks)


def test_text_of_head_never_appears() -> None:
    """The `<title>` and other head content are metadata, not blocks."""
    assert texts("<html><head><title>Page title</title></head><body><p>Body text.</p></body></html>") == ["Body text."]


def test_comments_never_appear() -> None:
    """HTML comments are not text."""
    assert texts("<body><p>Kept<!-- SECRET --> text.</p></body>") == ["Kept text."]


CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


@pytest.mark.parametrize(
    ("reference", "expected"),
    [("&#2;", "alphabeta"), ("&#3;", "alphabeta"), ("&#4;", "alphabeta"), ("&#5;", "alphabeta"),
     ("&#6;", "alphabeta"), ("&#7;", "alphabeta"), ("&#8;", "alphabeta"), ("&#14;", "alphabeta"),
     ("&#15;", "alphabeta"), ("&#x2;0&#x3;", "alpha0beta"), ("&#2;999&#3;", "alpha999beta"),
     ("&#4;0&#3;", "alpha0beta"), ("&#8;0&#3;", "alpha0beta"), ("&#14;5&#3;", "alpha5beta")],
)  # fmt: skip
def test_character_references_to_control_characters_are_not_markup(reference: str, expected: str) -> None:
    """A numeric reference to a control character is text (of no width), never a break, link, block edge or stop."""
    blocks = split(f"<body><p>alpha{reference}beta</p><p>gamma</p></body>").blocks
    assert [CONTROL.sub("", block.text) for block in blocks] == [expected, "gamma"]
    assert [block.link_chars for block in blocks] == [0, 0]


def test_reference_to_a_control_character_does_not_crash_extract() -> None:
    """A page holding '&#2;999&#3;' gives an `Article`, not an internal error: one block, its words whole."""
    article = extract("<html><body><article><p>Price list &#2;999&#3; as sent.</p></article></body></html>")
    assert [CONTROL.sub("", decision.preview) for decision in article.decisions] == ["Price list 999 as sent."]


# ---- kinds, levels, links, paths, times -------------------------------------------------------


@pytest.mark.parametrize("level", range(1, 7))
def test_headings_have_kind_heading_and_their_level(level: int) -> None:
    """`<h1>`…`<h6>` become heading blocks with levels 1…6."""
    block = only_block(f"<body><h{level}>A heading</h{level}></body>")
    assert block.kind is BlockKind.HEADING
    assert block.level == level


def test_paragraphs_have_level_zero() -> None:
    """Blocks that are not headings have level 0."""
    block = only_block("<body><p>Text.</p></body>")
    assert block.kind is BlockKind.PARAGRAPH
    assert block.level == 0


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        ("<ul><li>An item</li></ul>", BlockKind.LIST_ITEM),
        ("<ol><li>An item</li></ol>", BlockKind.LIST_ITEM),
        ("<table><tr><td>A cell</td></tr></table>", BlockKind.TABLE_CELL),
        ("<table><tr><th>A header cell</th></tr></table>", BlockKind.TABLE_CELL),
        ("<blockquote>A quote</blockquote>", BlockKind.QUOTE),
        ("<figure><img src='a.jpg'><figcaption>A caption</figcaption></figure>", BlockKind.CAPTION),
    ],
    ids=["ul-li", "ol-li", "td", "th", "blockquote", "figcaption"],
)
def test_block_kind_follows_the_element(html: str, kind: BlockKind) -> None:
    """List items, table cells, quotes and captions get their own kinds."""
    assert only_block(f"<body>{html}</body>").kind is kind


def test_text_in_a_list_item_inside_a_paragraph_like_div_is_a_list_item() -> None:
    """The kind comes from the nearest enclosing block element."""
    blocks = split("<body><div>intro<ul><li>item</li></ul>outro</div></body>").blocks
    assert [(block.text, block.kind) for block in blocks] == [
        ("intro", BlockKind.PARAGRAPH),
        ("item", BlockKind.LIST_ITEM),
        ("outro", BlockKind.PARAGRAPH),
    ]


def test_link_chars_count_the_text_inside_links() -> None:
    """`link_chars` is the number of characters of the block's text inside `<a>` elements."""
    block = only_block("<body><p>Read <a href='/a'>this story</a> and <a href='/b'>that</a> now.</p></body>")
    assert block.link_chars == len("this story") + len("that")


def test_link_chars_count_nested_inline_text_in_links() -> None:
    """Text of inline elements inside a link counts as link text."""
    block = only_block("<body><p><a href='/a'>the <b>big</b> one</a></p></body>")
    assert block.link_chars == len("the big one")
    assert block.link_density == 1.0


def test_link_chars_count_link_text_as_displayed() -> None:
    """Whitespace inside a link counts as the one space the block's text shows, not as the source's run."""
    block = only_block(
        "<body><p><a href='/a'>Read            more</a> about the council's budget vote today.</p></body>"
    )
    assert block.text.startswith("Read more about")
    assert block.link_chars == len("Read more")


def test_block_without_links_has_no_link_chars() -> None:
    """A block without links has `link_chars` 0."""
    assert only_block("<body><p>No links here at all.</p></body>").link_chars == 0


def test_path_names_tags_ids_and_first_class() -> None:
    """A block's path lists its block ancestors as tag, '#id' and the first '.class'."""
    block = only_block("<body><div id='main'><article class='story wide'><p>Text.</p></article></div></body>")
    assert block.path == "body>div#main>article.story>p"


def test_path_of_a_simple_paragraph() -> None:
    """A paragraph in a div with an id has the path 'body>div#main>p'."""
    assert only_block("<body><div id='main'><p>Text.</p></div></body>").path == "body>div#main>p"


def test_inline_elements_are_not_in_the_path() -> None:
    """Inline elements (span, a, b) do not appear as path steps."""
    assert only_block("<body><p><span class='x'><b>Text.</b></span></p></body>").path == "body>p"


def test_time_datetime_is_recorded() -> None:
    """The `datetime` attribute of a `<time>` inside a block is recorded on the block."""
    block = only_block("<body><p>Published <time datetime='2024-06-18T10:00:00+05:30'>18 June</time></p></body>")
    assert block.datetimes == ("2024-06-18T10:00:00+05:30",)
    assert block.text == "Published 18 June"


def test_time_without_datetime_records_nothing() -> None:
    """A `<time>` without a `datetime` attribute adds nothing to `datetimes`."""
    assert only_block("<body><p><time>18 June</time></p></body>").datetimes == ()


def test_datetimes_belong_to_their_own_block() -> None:
    """A `<time>` in one paragraph is not recorded on the next paragraph."""
    blocks = split("<body><p><time datetime='2024-06-18'>Tuesday</time></p><p>Later text.</p></body>").blocks
    assert [block.datetimes for block in blocks] == [("2024-06-18",), ()]


def test_block_indexes_count_from_zero() -> None:
    """Blocks are numbered 0, 1, 2… in document order."""
    blocks = split("<body><h1>Head</h1><p>One.</p><ul><li>Two</li></ul></body>").blocks
    assert [block.index for block in blocks] == [0, 1, 2]


def test_ancestors_name_existing_containers() -> None:
    """Each block's ancestors are ids of containers, outermost first, ending with its own element."""
    page = split("<body><div id='main'><p>Text.</p></div></body>")
    (block,) = page.blocks
    assert [page.containers[i].label for i in block.ancestors] == ["body", "div#main", "p"]


# ---- limits -----------------------------------------------------------------------------------


def test_deep_nesting_does_not_raise_recursion_error() -> None:
    """5,000 nested divs are read without recursion, and their text is kept."""
    html = "<html><body>" + "<div>" * 5000 + "<p>Deep text here.</p>" + "</div>" * 5000 + "</body></html>"
    article = extract(html)
    assert article.diagnostics is not None
    assert any(decision.preview == "Deep text here." for decision in article.decisions)


def test_nesting_beyond_max_depth_keeps_the_text() -> None:
    """Elements deeper than `max_depth` are read as part of their ancestor: their words are not lost."""
    html = "<body>" + "<div>" * 50 + "<p>first</p><p>second</p>" + "</div>" * 50 + "</body>"
    page = split(html, Options(max_depth=10))
    assert page.truncated
    assert " ".join(block.text for block in page.blocks).split() == ["first", "second"]


def test_max_nodes_truncation_is_reported() -> None:
    """A page larger than `Options(max_nodes=...)` sets `diagnostics.truncated`."""
    html = "<body>" + "".join(f"<p>Paragraph {i}.</p>" for i in range(3000)) + "</body>"
    article = extract(html, options=Options(max_nodes=500))
    assert article.diagnostics is not None
    assert article.diagnostics.truncated


def test_max_nodes_bounds_the_number_of_blocks() -> None:
    """With `max_nodes=100`, at most 100 nodes are visited, so there cannot be more than 100 blocks."""
    html = "<body>" + "".join(f"<p>Paragraph {i}.</p>" for i in range(3000)) + "</body>"
    page = split(html, Options(max_nodes=100))
    assert page.truncated
    assert len(page.blocks) <= 100


def test_small_page_is_not_truncated() -> None:
    """A page within the limits is not marked truncated."""
    assert not split("<body><p>Short.</p></body>").truncated


# ---- metadata ------------------------------------------------------------------------------------

META_PAGE = """<!DOCTYPE html>
<html lang="de-CH">
<head>
<title>  Neue   Brücke eröffnet | Zeitung </title>
<meta property="og:title" content="Neue Brücke eröffnet">
<meta name="Author" content="Anna Muster">
<meta itemprop="datePublished" content="2024-06-18">
<meta http-equiv="content-language" content="de">
<meta name="empty" content="">
<link rel="canonical" href=" https://example.ch/news/bruecke ">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Neue Brücke"}</script>
<script type="application/LD+JSON">{"@type": "Organization", "name": "Zeitung"}</script>
<script>var notJsonLd = 1;</script>
</head>
<body>
<article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">Neue Brücke eröffnet</h1>
<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Anna Muster</span></span>
<time itemprop="dateModified" datetime="2024-06-19T08:00">19. Juni</time>
<a itemprop="url" href="https://example.ch/news/bruecke">Link</a>
<p>Die Brücke ist offen.</p>
</article>
</body>
</html>
"""


def test_metadata_title_is_collapsed() -> None:
    """The `<title>` text is read with its whitespace collapsed."""
    assert split(META_PAGE).data.title == "Neue Brücke eröffnet | Zeitung"


def test_metadata_language_from_html_lang() -> None:
    """The `lang` attribute of `<html>` is read as given."""
    assert split(META_PAGE).data.language == "de-CH"


def test_metadata_canonical_link() -> None:
    """The canonical link's address is read, trimmed."""
    assert split(META_PAGE).data.canonical == "https://example.ch/news/bruecke"


def test_metadata_meta_tags_by_property_name_itemprop_and_http_equiv() -> None:
    """`<meta>` tags are keyed by property, name, itemprop or http-equiv, lower-cased; empty content is skipped."""
    meta = {(tag.key, tag.content) for tag in split(META_PAGE).data.meta}
    assert meta == {
        ("og:title", "Neue Brücke eröffnet"),
        ("author", "Anna Muster"),
        ("datepublished", "2024-06-18"),
        ("content-language", "de"),
    }


def test_metadata_json_ld_texts() -> None:
    """Every JSON-LD script's text is kept, whatever the case of its type; other scripts are not."""
    json_ld = split(META_PAGE).data.json_ld
    assert len(json_ld) == 2
    assert '"headline": "Neue Brücke"' in json_ld[0]
    assert '"Organization"' in json_ld[1]


def test_metadata_microdata_properties() -> None:
    """Microdata properties are read with their value, item type and the property of their item."""
    properties = {(p.name, p.value, p.item_type, p.parent_property) for p in split(META_PAGE).data.microdata}
    assert ("headline", "Neue Brücke eröffnet", "https://schema.org/NewsArticle", "") in properties
    assert ("name", "Anna Muster", "https://schema.org/Person", "author") in properties
    assert ("dateModified", "2024-06-19T08:00", "https://schema.org/NewsArticle", "") in properties
    assert ("url", "https://example.ch/news/bruecke", "https://schema.org/NewsArticle", "") in properties


def test_metadata_is_read_before_invisible_content_is_removed() -> None:
    """JSON-LD sits in `<script>`, which is removed from the blocks; it is still read as metadata."""
    page = split(META_PAGE)
    assert page.data.json_ld == (
        '{"@type": "NewsArticle", "headline": "Neue Brücke"}',
        '{"@type": "Organization", "name": "Zeitung"}',
    )
    assert all("NewsArticle" not in block.text for block in page.blocks)


def test_page_without_metadata_has_empty_page_data() -> None:
    """A bare fragment has no title, language, meta tags, JSON-LD or microdata."""
    data = split("<p>Just a paragraph.</p>").data
    assert (data.title, data.language, data.canonical, data.meta, data.json_ld, data.microdata) == (
        "",
        "",
        "",
        (),
        (),
        (),
    )

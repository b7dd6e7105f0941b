"""Hypothesis strategies for whole pages: generated HTML trees (with the text a reader sees), text pages, bytes.

`html_pages()` draws well-nested HTML that a browser parses to exactly the generated tree, so the
strategy knows the page's visible text: text of block elements and `<br>`s is set apart by
newlines, text of inline elements runs on as written, and invisible parts (script, style,
template, hidden elements, comments, CDATA) contribute nothing. `tag_soup()` draws broken
markup (stray and unclosed tags) whose visible text is only known up to whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hypothesis import strategies as st

WORDS = (
    "the", "council", "approved", "budget", "on", "Tuesday", "after", "long", "debate", "mayor", "said", "schools",
    "roads", "teachers", "critics", "warned", "about", "debt", "city", "river", "bridge", "opened", "week", "people",
    "café", "naïve", "Straße", "Müller", "Zürich", "São", "Paulo", "Москва", "мэр", "東京", "市長", "2024", "18",
    "5%", "$12", "U.S.", "e-mail", "o'clock", "x",
)  # fmt: skip
"""Words of the generated text; none contains '|', which the body uses to join table cells."""

ENTITIES = (
    ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"), ("&nbsp;", "\u00a0"),
    ("&eacute;", "é"), ("&#233;", "é"), ("&#x20AC;", "€"), ("&mdash;", "—"), ("&copy;", "©"),
)  # fmt: skip

BLOCK_SEPARATOR = "\n"
"""What the visible text holds where a block element or a `<br>` sits."""


@dataclass(frozen=True)
class Fragment:
    """A piece of generated markup and the text a reader sees in it."""

    html: str
    visible: str


@dataclass(frozen=True)
class GeneratedPage:
    """A whole generated page: its HTML and its visible text (block edges as newlines)."""

    html: str
    visible: str


def normalise(text: str) -> str:
    """Collapse every whitespace run (newlines and no-break spaces included) to one space; strip the ends."""
    return re.sub(r"\s+", " ", text).strip()


def join(fragments: list[Fragment]) -> Fragment:
    return Fragment("".join(f.html for f in fragments), "".join(f.visible for f in fragments))


# ---- text ------------------------------------------------------------------------------------------


@st.composite
def plain_words(draw: st.DrawFn, min_size: int = 1, max_size: int = 6) -> Fragment:
    """A few words with the spacing of hand-written markup (sometimes none at the ends)."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=max_size))
    lead = draw(st.sampled_from(["", " ", "\n  "]))
    tail = draw(st.sampled_from(["", " ", ", ", ". ", "\n"]))
    text = lead + " ".join(words) + tail
    return Fragment(text.replace("&", "&amp;").replace("<", "&lt;"), text)


@st.composite
def sentence(draw: st.DrawFn) -> Fragment:
    """A sentence long enough to read as prose (12+ words, a comma, a full stop)."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=14, max_size=30))
    cut = draw(st.integers(min_value=3, max_value=len(words) - 3))
    text = " ".join(words[:cut]) + ", " + " ".join(words[cut:]) + ". "
    text = text[0].upper() + text[1:]
    return Fragment(text.replace("&", "&amp;").replace("<", "&lt;"), text)


entity = st.sampled_from(ENTITIES).map(lambda pair: Fragment(pair[0], pair[1]))


@st.composite
def invisible(draw: st.DrawFn, flow: bool) -> Fragment:
    """Markup a reader never sees: script, style, template, comment, CDATA or a hidden element."""
    words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5)))
    choices = [
        f"<script>var s = '{words}';</script>",
        f"<style>.x::after {{ content: '{words}' }}</style>",
        f"<template><p>{words}</p></template>",
        f"<!-- {words} -->",
        f"<![CDATA[ {words} ]]>",
        f"<span hidden>{words}</span>",
        f"<span style='display:none'>{words}</span>",
        f"<noscript>{words}</noscript>",
    ]
    if flow:
        choices += [f"<div hidden><p>{words}</p></div>", f"<div style='display: none'>{words}</div>"]
    return Fragment(draw(st.sampled_from(choices)), "")


# ---- elements ------------------------------------------------------------------------------------

INLINE_TAGS = ("b", "i", "em", "strong", "span", "small", "code", "time", "abbr")
FLOW_BLOCK_TAGS = ("div", "section", "article", "aside", "nav", "header", "footer", "main", "blockquote")
PHRASING_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4")


ATTRIBUTES = (
    "", "", "", ' class="story"', ' class="teaser x"', ' class="share-bar"', ' class="nav"', ' id="comments"',
    " id=main", ' id="sidebar" class="content"', ' title="a &amp; b"', " lang=de", " data-x='1 < 2'",
    ' style="color: red"',
)  # fmt: skip
"""Harmless attributes (visible elements only), some of them hints the classifier reads."""
attributes = st.sampled_from(ATTRIBUTES)


def phrasing(depth: int) -> st.SearchStrategy[list[Fragment]]:
    """Inline content: text, entities, `<br>`, inline elements, links and invisible bits."""
    leaves: list[st.SearchStrategy[Fragment]] = [
        plain_words(),
        sentence(),
        entity,
        st.just(Fragment("<br>", BLOCK_SEPARATOR)),
        st.just(Fragment("<br/>", BLOCK_SEPARATOR)),
        invisible(flow=False),
    ]
    if depth > 0:
        leaves += [inline_element(depth - 1), link(depth - 1)]
    return st.lists(st.one_of(*leaves), min_size=1, max_size=4)


@st.composite
def inline_element(draw: st.DrawFn, depth: int) -> Fragment:
    tag = draw(st.sampled_from(INLINE_TAGS))
    inner = join(draw(phrasing(depth)))
    return Fragment(f"<{tag}{draw(attributes)}>{inner.html}</{tag}>", inner.visible)


@st.composite
def link(draw: st.DrawFn, depth: int) -> Fragment:
    """A link around inline content without further links (a link in a link is restructured by parsers)."""
    inner = join(draw(st.lists(st.one_of(plain_words(), entity, inline_text_element()), min_size=1, max_size=3)))
    href = draw(st.sampled_from(["/news/1", "https://example.com/a?b=1&amp;c=2", "#top"]))
    return Fragment(f'<a href="{href}"{draw(attributes)}>{inner.html}</a>', inner.visible)


@st.composite
def inline_text_element(draw: st.DrawFn) -> Fragment:
    tag = draw(st.sampled_from(INLINE_TAGS))
    inner = draw(plain_words())
    return Fragment(f"<{tag}>{inner.html}</{tag}>", inner.visible)


def flow(depth: int) -> st.SearchStrategy[list[Fragment]]:
    """Flow content: inline content and block elements."""
    items: list[st.SearchStrategy[Fragment]] = [
        phrasing(depth).map(join),
        phrasing_block(depth),
        invisible(flow=True),
    ]
    if depth > 0:
        items += [flow_block(depth - 1), list_element(depth - 1), table(depth - 1)]
    return st.lists(st.one_of(*items), min_size=1, max_size=4)


def block(fragment_html: str, visible: str) -> Fragment:
    return Fragment(fragment_html, BLOCK_SEPARATOR + visible + BLOCK_SEPARATOR)


@st.composite
def phrasing_block(draw: st.DrawFn, depth: int) -> Fragment:
    """A paragraph or heading: a block of inline content only (a `<p>` cannot hold a `<div>`)."""
    tag = draw(st.sampled_from(PHRASING_BLOCK_TAGS))
    inner = join(draw(phrasing(depth)))
    return block(f"<{tag}{draw(attributes)}>{inner.html}</{tag}>", inner.visible)


@st.composite
def flow_block(draw: st.DrawFn, depth: int) -> Fragment:
    tag = draw(st.sampled_from(FLOW_BLOCK_TAGS))
    inner = join(draw(flow(depth)))
    return block(f"<{tag}{draw(attributes)}>{inner.html}</{tag}>", inner.visible)


@st.composite
def list_element(draw: st.DrawFn, depth: int) -> Fragment:
    tag = draw(st.sampled_from(["ul", "ol"]))
    items = [join(draw(flow(depth))) for _ in range(draw(st.integers(1, 4)))]
    html = "".join(f"<li>{item.html}</li>" for item in items)
    return block(f"<{tag}{draw(attributes)}>{html}</{tag}>", BLOCK_SEPARATOR.join(item.visible for item in items))


@st.composite
def table(draw: st.DrawFn, depth: int) -> Fragment:
    """A table with text only in its cells (text elsewhere in a table is moved out by parsers)."""
    rows: list[str] = []
    visible: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        cells = [join(draw(flow(depth))) for _ in range(draw(st.integers(1, 3)))]
        tag = draw(st.sampled_from(["td", "th"]))
        rows.append("<tr>" + "".join(f"<{tag}>{cell.html}</{tag}>" for cell in cells) + "</tr>")
        visible.extend(cell.visible for cell in cells)
    return block(f"<table{draw(attributes)}>{''.join(rows)}</table>", BLOCK_SEPARATOR.join(visible))


@st.composite
def html_pages(draw: st.DrawFn, max_depth: int = 2) -> GeneratedPage:
    """A whole HTML document with a head (title, meta, JSON-LD sometimes) and a generated body."""
    body = join(draw(flow(max_depth)))
    head = ""
    if draw(st.booleans()):
        title = draw(plain_words())
        head = (
            f"<head><meta charset='utf-8'><title>{title.html}</title>"
            f'<meta property="og:title" content="{title.html.strip()}">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x"}</script></head>'
        )
    doctype = draw(st.sampled_from(["<!DOCTYPE html>\n", "<!doctype html>", ""]))
    return GeneratedPage(f"{doctype}<html lang='en'>{head}<body>{body.html}</body></html>", body.visible)


# ---- broken markup ---------------------------------------------------------------------------------

CONTROL_REFERENCES = (
    ("&#2;", ""), ("&#3;", ""), ("&#7;", ""), ("&#15;", ""), ("&#x5;", ""), ("&#2;0&#3;", "0"),
    ("&#14;1&#3;", "1"), ("&#2;99&#3;", "99"), ("&#8;0&#x3;", "0"),
)  # fmt: skip
"""Numeric references to control characters (parsers keep them as characters); `visible` ignores the controls."""
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")

SOUP_TAGS = ("p", "div", "span", "b", "i", "a", "em", "li", "ul", "h2", "section", "article", "blockquote")


@st.composite
def tag_soup(draw: st.DrawFn) -> GeneratedPage:
    """Broken nesting: start and end tags in any order, unclosed or stray, between runs of text.

    Tables are left out (parsers move text out of them), so the text keeps its order; where the
    parser puts block edges is not predicted, so `visible` is right only up to whitespace. References
    to control characters are mixed in: they are text, never markup.
    """
    tokens = draw(
        st.lists(
            st.one_of(
                plain_words(),
                sentence(),
                entity,
                st.sampled_from(SOUP_TAGS).map(lambda tag: Fragment(f"<{tag}>", " ")),
                st.sampled_from(SOUP_TAGS).map(lambda tag: Fragment(f"</{tag}>", " ")),
                st.just(Fragment("<br>", " ")),
                st.just(Fragment("</br>", " ")),
                st.sampled_from(CONTROL_REFERENCES).map(lambda pair: Fragment(pair[0], pair[1])),
                invisible(flow=True),
            ),
            min_size=1,
            max_size=30,
        )
    )
    soup = join(tokens)
    return GeneratedPage(f"<!DOCTYPE html><html><body>{soup.html}", soup.visible)


# ---- text pages and bytes -----------------------------------------------------------------------------


@st.composite
def text_pages(draw: st.DrawFn) -> str:
    """A plain-text page: menu lines, prose lines, blank lines, stray '<' and odd spacing."""
    line = st.one_of(
        sentence().map(lambda f: f.visible.strip()),
        plain_words(max_size=3).map(lambda f: f.visible.strip()),
        st.sampled_from(["", "   ", "\t", "Read more", "Share | Tweet", "• Home", "a < b and c > d", "© 2024"]),
    )
    lines = draw(st.lists(line, min_size=1, max_size=25))
    separator = draw(st.sampled_from(["\n", "\r\n", "\n\n"]))
    return separator.join(lines)


arbitrary_bytes = st.binary(max_size=2_000)
"""Any bytes at all: noise, truncated UTF-8, magic numbers by chance."""

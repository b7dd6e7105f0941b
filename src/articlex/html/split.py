"""Stage 2a, split HTML: `Page` → `SplitPage`. The only module that imports selectolax.

The page is parsed once with Lexbor. Metadata (title, `<meta>`, JSON-LD, microdata) is read
first; then invisible and non-text subtrees are removed in one query. Then one walk over the
tree, in document order, reads each element's tag and attributes (what it is is looked up once
per kind of element and cached) and collects the text nodes; a block ends where a block element
starts or ends and at a double `<br>`. The walk goes down, along and up the tree without
recursion, so no page is too deep for it. Nodes never leave this module: blocks carry plain
strings and the ids of their containers.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from articlex.hint_families import HintFamily
from articlex.html.guard import guard
from articlex.html.hints import ROLE_FAMILIES, TAG_FAMILIES, families_of
from articlex.html.marks import MARK_MAX_CHARS, machine_value, mark_kind
from articlex.model import BlockKind
from articlex.options import Options
from articlex.stages import (
    Block,
    Container,
    Mark,
    MetaTag,
    MicrodataProperty,
    Page,
    PageData,
    Picture,
    SplitPage,
)
from articlex.textnorm import collapse, tidy_lines

_INVISIBLE = (
    "script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, "
    "select, textarea, button, input, head, .mw-editsection"
)
"""Subtrees a reader never sees as text; removed before the walk (all but a `<button>` in a heading). A wiki's
section-edit control ('[edit]' after every heading of a MediaWiki page) is a control like a button."""
_HIDDEN = (
    "[hidden]:not([hidden='until-found' i]), [style*='display:none' i], [style*='display: none' i], "
    "[style*='visibility:hidden' i], [style*='visibility: hidden' i], [role='dialog'][aria-hidden='true' i], "
    "dialog:not([open])"
)
"""Subtrees hidden until a script shows them (a menu, a dialog, a tab, the rest of an article behind
'Read more'): removed before the walk, unless the caller asks to see those that hold a paragraph. A dialog the
page marks hidden to screen readers is closed: a privacy plugin's settings or a login popup, and on some shops
and reports the text of each item, opened on a click (so it is read again, like the others, when the visible
body is a small part of it). So is a `<dialog>` without `open`, which browsers do not render. Not so a section
`hidden="until-found"`: collapsed, but part of the page, which the browser opens when a reader searches it or
follows a link to it (an encyclopedia's sections on a phone)."""
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
UNSCRIPTED_COPY_MIN_CHARS = 200
"""`<noscript>` and `<template>` elements holding less text than this (a notice, a widget) are never the page."""

_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "marquee",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
"""Elements that start a new block: text never flows across their edges."""

_MARKED_BLOCK_TAGS = _BLOCK_TAGS - {"html", "body"}
"""The page's own elements are the top container, never marked."""
_KINDS = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), BlockKind.HEADING),
    **dict.fromkeys(("li", "dt", "dd"), BlockKind.LIST_ITEM),
    **dict.fromkeys(("td", "th"), BlockKind.TABLE_CELL),
    "blockquote": BlockKind.QUOTE,
    "pre": BlockKind.PREFORMATTED,
    "figcaption": BlockKind.CAPTION,
    "caption": BlockKind.CAPTION,
}
_TEXT_FIELD_CHARS = 500
"""Microdata values longer than this are body text, not field values; they are cut."""
_ITEM_ANCESTOR_STEPS = 40
_TEXT_NODES_READ = 256
"""A field element's text is read from at most this many nodes: a name or a date needs far fewer."""


def split(page: Page, options: Options, deadline: float | None, *, show_hidden: bool = False) -> SplitPage:
    """Cut an HTML page into blocks, after reading its metadata.

    With `show_hidden`, the hidden elements that hold a paragraph's worth of text are read as if
    shown (`api.extract` asks for it when the visible page holds a small part of their text).
    """
    text = page.text
    if "\x01" in text or "\x11" in text:
        text = text.translate(_UNSHOWN_CONTROLS)
    guarded = guard(text, options, deadline)  # bounds what the uninterruptible C parser will build
    tree = LexborHTMLParser(guarded.text)
    data = _page_data(tree)
    _show_unscripted_copy(tree)
    for node in tree.css(_INVISIBLE):
        if node.tag != "button" or not _names_a_section(node):
            node.decompose()
    hidden_words = _remove_hidden(tree, show_hidden)
    splitter = _Splitter(options, deadline)
    top = tree.body or tree.root
    blocks = splitter.split(top) if top is not None else []
    return SplitPage(
        "html",
        tuple(blocks),
        tuple(splitter.containers),
        data,
        pictures=tuple(splitter.pictures),
        truncated=splitter.truncated or guarded.truncated,
        timed_out=splitter.timed_out or guarded.timed_out,
        hidden_words=hidden_words,
    )


def _remove_hidden(tree: LexborHTMLParser, show: bool) -> int:
    """Remove the hidden subtrees (but, when `show`, those holding a paragraph's worth); the words those hold.

    Only the outermost hidden elements are read: one inside another goes with it, and its words are
    already counted in it.
    """
    words = 0
    for node in _outermost(tree.css(_HIDDEN)):
        text = node.text(deep=True)
        if len(text) < UNSCRIPTED_COPY_MIN_CHARS:
            node.decompose()
            continue
        words += len(text.split())
        if not show:
            node.decompose()
    return words


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """The nodes that lie inside none of the others (looked up before any of them is removed)."""
    if len(nodes) < 2:
        return nodes
    found = {node.mem_id for node in nodes}
    outermost = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in found:
            parent = parent.parent
        if parent is None:
            outermost.append(node)
    return outermost


def _names_a_section(button: LexborNode) -> bool:
    """Whether a `<button>` is a heading's text: an accordion's question ('<h3><button>Can I …?</button></h3>').

    Buttons are controls ('Menu', 'Send', 'Share'), dropped with the other form controls, except in a heading,
    where the button that opens a section of the page is that section's title.
    """
    parent = button.parent
    while parent is not None and parent.tag not in _BLOCK_TAGS:
        parent = parent.parent
    return parent is not None and parent.tag in _HEADINGS


def _show_unscripted_copy(tree: LexborHTMLParser) -> None:
    """Show the copy a page keeps for scripts, in `<noscript>` or `<template>`, when it is the page.

    A `<noscript>` usually holds a line for readers without scripts ('Please enable JavaScript'),
    and a `<template>` a widget's markup, both dropped. A page whose visible copy is made by a
    script keeps its article there instead: where those elements hold more text than the rest of
    the page, and a paragraph's worth, they are the page, as a browser without scripts (or the
    script itself) would show it.
    """
    body = tree.body
    if body is None:
        return
    copies = tree.css("noscript, template")
    noscripts = [node for node in copies if node.tag == "noscript"]
    templates = [(node, _template_content(node)) for node in copies if node.tag == "template"]
    if not noscripts and not templates:
        return
    in_noscripts = sum(len(node.text(deep=True)) for node in noscripts)
    in_templates = sum(len(content.text(deep=True)) for _, content in templates if content is not None)
    inside = in_noscripts + in_templates
    if inside < UNSCRIPTED_COPY_MIN_CHARS or inside < len(body.text(deep=True)) - in_noscripts:
        return
    for node in noscripts:
        node.unwrap()
    for node, content in templates:
        if content is not None:
            node.replace_with(content)


_TEMPLATE_START = re.compile(r"<template(?:\s+[^\s=>]+(?:=\"[^\"]*\")?)*\s*>")


def _template_content(node: LexborNode) -> LexborNode | None:
    """A `<template>`'s content as an element of its own (the parser keeps it apart from the tree), or None."""
    markup = node.html or ""
    start = _TEMPLATE_START.match(markup)
    if start is None or not markup.endswith("</template>") or len(markup) < UNSCRIPTED_COPY_MIN_CHARS:
        return None
    return LexborHTMLParser(f"<div>{markup[start.end() : -len('</template>')]}</div>").css_first("body > div")


def _page_data(tree: LexborHTMLParser) -> PageData:
    root = tree.root
    language = ""
    if root is not None:
        language = root.attributes.get("lang") or root.attributes.get("xml:lang") or ""
    title_node = tree.css_first("title")
    canonical = tree.css_first("link[rel=canonical][href]")
    return PageData(
        title=collapse(title_node.text()) if title_node is not None else "",
        language=language.strip(),
        canonical=(canonical.attributes.get("href") or "").strip() if canonical is not None else "",
        meta=tuple(_meta_tags(tree)),
        json_ld=tuple(node.text() for node in tree.css("script[type*='ld+json' i]")),
        microdata=tuple(_microdata(tree)),
    )


def _meta_tags(tree: LexborHTMLParser) -> list[MetaTag]:
    tags = []
    for node in tree.css("meta[content]"):
        attributes = node.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        key = key or attributes.get("http-equiv")
        content = attributes.get("content")
        if key and content:
            tags.append(MetaTag(key.strip().lower(), collapse(content)))
    return tags


def _microdata(tree: LexborHTMLParser) -> list[MicrodataProperty]:
    found: list[MicrodataProperty] = []
    for node in tree.css("[itemprop]"):
        attributes = node.attributes
        if "itemscope" in attributes:
            continue
        value = (
            attributes.get("content")
            or attributes.get("datetime")
            or (attributes.get("href") if node.tag in {"a", "link"} else None)
            or (attributes.get("src") if node.tag == "img" else None)
            or _text_prefix(node, _TEXT_FIELD_CHARS)[0]
        )
        item_type, parent_property = _enclosing_item(node)
        text = collapse(value)[:_TEXT_FIELD_CHARS]
        found.extend(
            MicrodataProperty(name, text, item_type, parent_property)
            for name in (attributes.get("itemprop") or "").split()
        )
    return found


def _text_prefix(node: LexborNode, limit: int) -> tuple[str, bool]:
    """The node's text with spaces collapsed, at most about `limit` characters; and whether that is all of it.

    At most `_TEXT_NODES_READ` nodes and `limit` characters of each text node are read: reading
    every nested field element whole (`node.text()`) would read a deep page once per level.
    """
    pieces: list[str] = []
    size = 0
    for count, inner in enumerate(node.traverse(include_text=True)):
        if count > _TEXT_NODES_READ or size > limit:
            return collapse(" ".join(pieces)), False
        if inner.is_text_node:
            raw = inner.text_content or ""
            piece = collapse(raw[: limit + 1])
            if len(raw) > limit:
                return collapse(" ".join([*pieces, piece])), False
            pieces.append(piece)
            size += len(piece) + 1
    text = collapse(" ".join(pieces))
    return text, len(text) <= limit


def _enclosing_item(node: LexborNode) -> tuple[str, str]:
    """The itemtype and itemprop of the nearest enclosing `itemscope` element."""
    ancestor = node.parent
    for _ in range(_ITEM_ANCESTOR_STEPS):
        if ancestor is None:
            break
        attributes = ancestor.attributes if ancestor.is_element_node else {}
        if "itemscope" in attributes:
            return (attributes.get("itemtype") or "").strip(), (attributes.get("itemprop") or "").strip()
        ancestor = ancestor.parent
    return "", ""


# ---- the split: one walk over the tree, text gathered into blocks as it comes ------------


_STYLES = {"strong": 0, "b": 0, "em": 1, "i": 1, "code": 2, "kbd": 2, "samp": 2, "tt": 2}
"""Inline elements kept as spans, by the number of their style in `_STYLE_KINDS`."""
_STYLE_KINDS = ("strong", "em", "code")
_CODE_STYLE = _STYLES["code"]
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-srcset", "srcset")
"""Where lazy-loading scripts keep an image's address while `src` holds a placeholder."""
_PIXEL_DIGITS_MAX = 5
"""More digits than this in a width or height is no size a page means."""
_LANGUAGE_PREFIXES = ("language-", "lang-")
_UNSHOWN_CONTROLS = str.maketrans(dict.fromkeys((0x01, 0x11)))
"""Control characters no browser shows, removed from the page first."""
_CHECK_CLOCK_EVERY = 512
"""How often a loop looks at the clock: often enough to stop in time, rarely enough to cost nothing."""

_TEXT_NODE = "-text"
"""Lexbor's tag name for a text node."""
_BLOCK_END, _LINK_END = -1, -2
"""What leaving an element does, besides a style's number: a block ends, a link ends."""


@dataclass(slots=True)
class _Splitter:
    """Walks the elements and text nodes of the page once, in document order, and cuts blocks as it goes.

    The walk goes down `child` and along `next`, and climbs `parent` when a subtree ends: that
    is where an element's end takes effect (a block edge, a link or style closing). Text nodes
    are only collected on the way; `_BlockBuilder` turns them into blocks.
    """

    options: Options
    deadline: float | None
    containers: list[Container] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    """The element path of each container, built once as containers are opened."""
    pictures: list[Picture] = field(default_factory=list)
    truncated: bool = False
    timed_out: bool = False

    def split(self, top: LexborNode) -> list[Block]:
        """The blocks under `top`, in document order."""
        self.containers.append(Container(0, top.tag or "body", -1, frozenset(), top.tag or "body"))
        self.paths.append(top.tag or "body")
        builder = _BlockBuilder(self, max_depth=self.options.max_depth)
        if not self._walk(top, builder):
            return []
        return builder.finish()

    def open_container(self, tag: str, families: frozenset[HintFamily], label: str, parent: int) -> int:
        """Register a block element met inside container `parent`; its container id."""
        container = len(self.containers)
        self.containers.append(Container(container, tag, parent, families, label))
        self.paths.append(f"{self.paths[parent]}>{label}")
        return container

    def _late(self) -> bool:
        if self.deadline is not None and time.monotonic() > self.deadline:
            self.timed_out = True
        return self.timed_out

    def _walk(self, top: LexborNode, builder: _BlockBuilder) -> bool:
        """Visit every node under `top`; False when the deadline passed (the page has no blocks then)."""
        ends: list[int | None] = []
        """For each element open on the way down, what its end does (None: nothing)."""
        pending = builder.pending
        max_nodes = self.options.max_nodes
        count = 0
        node = top.child
        while node is not None:
            tag = node.tag
            if tag == _TEXT_NODE:
                pending.append(node.text_content or "")
            elif tag and tag[0] != "-":  # an element; comments are '-comment', other nodes have no tag
                count += 1
                if count % _CHECK_CLOCK_EVERY == 0 and self._late():
                    return False
                if count > max_nodes:
                    # The rest of the page is cut off: the text ends here.
                    self.truncated = True
                    break
                child = node.child
                end = self._enter(node, tag, builder, has_children=child is not None)
                if child is not None:
                    ends.append(end)
                    node = child
                    continue
            # The subtree of `node` is done: go on with the next sibling, or leave the parents that end here.
            while (following := node.next) is None:
                parent = node.parent
                if not ends or parent is None:
                    return True
                end = ends.pop()
                if end is not None:
                    builder.leave(end)
                node = parent
            node = following
        return True

    def _enter(self, node: LexborNode, tag: str, builder: _BlockBuilder, *, has_children: bool) -> int | None:
        """Tell the builder what element `node` starts; what its end will do (None when nothing)."""
        if tag == "br":
            builder.line_break()
            return None
        attributes = node.attributes
        if attributes:
            names = (
                attributes.get("id") or "",
                attributes.get("class") or "",
                attributes.get("role") or "",
                attributes.get("itemprop") or "",
                attributes.get("rel") or "",
            )
            if tag == "time" and (stamp := attributes.get("datetime")) is not None:
                builder.datetime(stamp)
        else:
            names = _NO_NAMES
        mark, families, label = _describe(tag, names)
        if mark is not None:
            self._read_mark(node, mark, attributes, builder)
        if tag not in _MARKED_BLOCK_TAGS:
            if has_children:
                return _enter_inline(node, tag, attributes, builder)
            if tag == "img":
                # An empty link or style element marks no text; an image is all an empty inline element can hold.
                _read_image(attributes, builder)
            return None
        if not has_children:
            # An empty block element holds no text but still separates the text around it.
            builder.separate()
            return None
        builder.start_block(tag, families, label)
        return _BLOCK_END

    @staticmethod
    def _read_mark(node: LexborNode, kind: str, attributes: dict[str, str | None], builder: _BlockBuilder) -> None:
        """The text of an element that names itself an author or a date, when it is short enough to be one."""
        text, whole = _text_prefix(node, MARK_MAX_CHARS)
        if whole and len(text) <= MARK_MAX_CHARS:
            builder.mark(Mark(kind, text, machine_value(attributes)))


def _enter_inline(node: LexborNode, tag: str, attributes: dict[str, str | None], builder: _BlockBuilder) -> int | None:
    """An inline element with children starts: a link or a style opens; what its end will do."""
    if tag == "a" and ("href" in attributes or "name" not in attributes):
        # A named anchor (`<a name>`, no `href`) marks a place to jump to, such as a glossary's term: it links
        # nowhere. An `<a>` with neither is a script's link, as much a link as one with an `href`.
        builder.open_link((attributes.get("href") or "").strip())
        return _LINK_END
    style = _STYLES.get(tag)
    if style is not None:
        parent = node.parent
        if parent is not None and _STYLES.get(parent.tag or "") == style:
            # Inside an element of the same style (`<b><b>`, the parser's reconstructed formatting): nothing new.
            return None
        language = _language(attributes.get("class") or "") if style == _CODE_STYLE else ""
        builder.open_style(style, language)
        return style
    if tag == "img":
        # An <img> with children (a parser's repair of odd markup) is still an image.
        _read_image(attributes, builder)
    return None


def _read_image(attributes: dict[str, str | None], builder: _BlockBuilder) -> None:
    src = (attributes.get("src") or "").strip()
    if not src or src.startswith("data:"):
        src = next((value.strip() for key in _LAZY_SOURCES if (value := attributes.get(key))), "")
        src = src.split()[0] if src else ""
    if src and not src.startswith("data:"):
        width, height = _pixels(attributes.get("width")), _pixels(attributes.get("height"))
        builder.image(src, collapse(attributes.get("alt") or ""), width, height)


def _pixels(value: str | None) -> int | None:
    """An image's `width` or `height` attribute as a number of pixels ('640', '640px'), or None ('100%', 'auto')."""
    if not value:
        return None
    digits = value.strip().removesuffix("px").strip()
    return int(digits) if digits.isdigit() and len(digits) <= _PIXEL_DIGITS_MAX else None


def _language(classes: str) -> str:
    """The language a code element's class names ('language-python', 'lang-js'), or ''."""
    for name in classes.split():
        for prefix in _LANGUAGE_PREFIXES:
            if name.startswith(prefix):
                return name[len(prefix) :]
    return ""


_NO_NAMES = ("", "", "", "", "")


@functools.lru_cache(maxsize=32768)
def _describe(tag: str, names: tuple[str, str, str, str, str]) -> tuple[str | None, frozenset[HintFamily], str]:
    """What an element is: the field it marks (or None), and for a block element its hint families and path label.

    `names` are its id, class, role, itemprop and rel. Cached, as pages repeat their elements:
    one lookup per element of the page.
    """
    ident, classes, role, itemprop, rel = names
    mark = mark_kind(tag, {"id": ident, "class": classes, "itemprop": itemprop, "rel": rel})
    if tag not in _MARKED_BLOCK_TAGS:
        return mark, frozenset(), ""
    ident, classes = ident.strip(), classes.strip()
    families = set(families_of(f"{ident} {classes} {itemprop}"))
    if tag in TAG_FAMILIES:
        families.add(TAG_FAMILIES[tag])
    role = role.strip().lower()
    if role in ROLE_FAMILIES:
        families.add(ROLE_FAMILIES[role])
    label = tag + (f"#{ident}" if ident else "") + (f".{classes.split()[0]}" if classes else "")
    return mark, frozenset(families), label


@dataclass(slots=True)
class _BlockBuilder:
    """Gathers the text met by the walk into blocks: a block ends at a block edge and at a double line break.

    Text nodes wait in `pending` until the next event (an element starting or ending, a line
    break, an image…), then go in as one piece. A stretch between two block edges that is only
    white space (the indentation between `</p>` and `<p>`) adds nothing.
    """

    splitter: _Splitter
    pending: list[str] = field(default_factory=list)
    """Text nodes met since the last event."""
    blocks: list[Block] = field(default_factory=list)
    max_depth: int = 0
    """`Options.max_depth`: block elements deeper than this are not containers of their own."""
    _stack: list[int] = field(default_factory=lambda: [0])
    """Container ids of the block elements open now, the page's own first."""
    _inline_since_edge: bool = False
    """Whether an inline event came since the last block edge: then white space between them counts."""
    _pieces: list[str] = field(default_factory=list)
    _link_pieces: list[str] = field(default_factory=list)
    _links_open: int = 0
    _link_chars: int = 0
    _datetimes: list[str] = field(default_factory=list)
    _marks: list[Mark] = field(default_factory=list)
    _after_break: bool = False
    _size: int = 0
    """Characters gathered in `_pieces` so far: where an inline element opens or closes."""
    _open: list[tuple[str, str, int]] = field(default_factory=list)
    """The inline elements open now: [kind, target, where it opened in the gathered text]."""
    _spans: list[tuple[str, str, int, int]] = field(default_factory=list)
    """The inline elements closed in the gathered text: (kind, target, start, end), raw offsets."""
    _too_deep: int = 0
    """How many elements deeper than `Options.max_depth` are open."""

    # ---- block edges ----
    # Every event first puts in the text met before it and says whether it is a block edge
    # (`_event`), then does its own work.

    # `start_block` and `end_block` run for every block element of the page: they do `_event` and
    # `_cut` in line.

    def start_block(self, tag: str, families: frozenset[HintFamily], label: str) -> None:
        """A block element starts: what was gathered is a block, and the new element is the container."""
        if self.pending:
            self._take_pending()
        self._inline_since_edge = False
        stack = self._stack
        if self._too_deep or len(stack) > self.max_depth:
            self._too_deep += 1
            self._inside_too_deep()
            return
        if self._pieces or self._datetimes or self._marks:
            self._flush()
        else:
            self._after_break = False
        stack.append(self.splitter.open_container(tag, families, label, stack[-1]))

    def end_block(self) -> None:
        """A block element ends: what was gathered is a block; the container is its parent again."""
        if self.pending:
            self._take_pending()
        self._inline_since_edge = False
        if self._too_deep:
            self._too_deep -= 1
            self._inside_too_deep()
            return
        if self._pieces or self._datetimes or self._marks:
            self._flush()
        else:
            self._after_break = False
        if len(self._stack) > 1:
            self._stack.pop()

    def separate(self) -> None:
        """An empty block element: what was gathered is a block."""
        self._event(edge=True)
        self._cut()

    def _cut(self) -> None:
        """At a block edge: what was gathered is a block (a line break before the edge counts no more)."""
        if self._pieces or self._datetimes or self._marks:
            self._flush()
        else:
            self._after_break = False

    def _inside_too_deep(self) -> None:
        """An element deeper than `Options.max_depth` starts or ends: its text joins its ancestor's, words apart."""
        self.splitter.truncated = True
        self._text(" ")

    def finish(self) -> list[Block]:
        """The blocks, once the walk is over."""
        if self.pending:
            self._take_pending()
        self._flush()
        return self.blocks

    # ---- inline events ----

    def leave(self, end: int) -> None:
        """An element whose end matters ends: a block, a link or a style."""
        if end == _BLOCK_END:
            self.end_block()
            return
        self._event(edge=False)
        if end == _LINK_END:
            self._close_link()
        else:
            self._close(_STYLE_KINDS[end])

    def line_break(self) -> None:
        """A `<br>`: a new line, or, after another one, the end of the block."""
        self._event(edge=False)
        if self._after_break:
            self._flush()
        else:
            self._pieces.append("\n")
            self._size += 1
            self._after_break = True

    def open_link(self, target: str) -> None:
        self._event(edge=False)
        self._links_open += 1
        self._open.append(("link", target, self._size))

    def _close_link(self) -> None:
        self._links_open = max(0, self._links_open - 1)
        if not self._links_open:
            self._count_link_text()
        opened = self._open
        if opened and opened[-1][0] == "link" and self._size > opened[-1][2]:
            # The common case, written out: the link is the innermost open element and holds text.
            self._spans.append((*opened.pop(), self._size))
        else:
            self._close("link")

    def open_style(self, style: int, language: str) -> None:
        """A strong, emphasised or code element starts (a code element with its language, or '')."""
        self._event(edge=False)
        self._open.append((_STYLE_KINDS[style], language, self._size))

    def image(self, src: str, alt: str, width: int | None, height: int | None) -> None:
        self._event(edge=False)
        inside = bool(self._pieces) and not self._after_break
        link = next((target for kind, target, _ in reversed(self._open) if kind == "link"), "")
        picture = Picture(len(self.blocks), inside, src, alt, tuple(self._stack), width, height, link)
        self.splitter.pictures.append(picture)

    def datetime(self, stamp: str) -> None:
        self._event(edge=False)
        self._datetimes.append(stamp)

    def mark(self, mark: Mark) -> None:
        self._event(edge=False)
        self._marks.append(mark)

    # ---- text ----

    def _event(self, *, edge: bool) -> None:
        """Before any event: the text met since the last one goes in; then remember whether this one is a block edge."""
        if self.pending:
            self._take_pending()
        self._inline_since_edge = not edge

    def _take_pending(self) -> None:
        """Put the text nodes met since the last event in, as one piece.

        White space alone counts only after an inline event: between two block edges it is the
        markup's indentation.
        """
        pending = self.pending
        text = pending[0] if len(pending) == 1 else "".join(pending)
        pending.clear()
        if text and (self._inline_since_edge or not text.isspace()):
            self._text(text)

    def _text(self, text: str) -> None:
        if text.isspace():
            # Spaces count only between words: at the start of a block they change nothing.
            if self._pieces:
                self._pieces.append(" ")
                self._size += 1
                if self._links_open:
                    self._link_pieces.append(" ")
            return
        if "\n" in text and self.splitter.containers[self._stack[-1]].tag != "pre":
            # A line break in the markup is a space on screen; only <br> and <pre> break lines.
            text = text.replace("\n", " ")
        self._pieces.append(text)
        self._size += len(text)
        if self._links_open:
            self._link_pieces.append(text)
        self._after_break = False

    def _close(self, kind: str) -> None:
        """The innermost open inline element of this kind closes: a span of the gathered text."""
        for position in range(len(self._open) - 1, -1, -1):
            if self._open[position][0] == kind:
                _, target, start = self._open.pop(position)
                span = (kind, target, start, self._size)
                if self._size > start and not (self._spans and self._spans[-1] == span):
                    self._spans.append(span)
                return

    def _count_link_text(self) -> None:
        if self._link_pieces:
            self._link_chars += len(collapse("".join(self._link_pieces)))
            self._link_pieces.clear()

    def _flush(self) -> None:
        """Turn the text gathered since the last block edge into a block."""
        self._after_break = False
        if not self._pieces:
            return
        if self._link_pieces:
            self._count_link_text()
        joined = "".join(self._pieces)
        self._pieces.clear()
        size, self._size = self._size, 0
        raw_spans = self._spans
        if self._open:
            # Still open at a block's edge (a double <br> inside a link): the rest goes on in the next block.
            raw_spans.extend((kind, target, start, size) for kind, target, start in self._open if size > start)
            self._open = [(kind, target, 0) for kind, target, _ in self._open]
        if raw_spans:
            self._spans = []
        text = "" if joined.isspace() else tidy_lines(joined)
        link_chars, self._link_chars = self._link_chars, 0
        datetimes: tuple[str, ...] = ()
        marks: tuple[Mark, ...] = ()
        if self._datetimes or self._marks:
            datetimes, marks = tuple(self._datetimes), tuple(self._marks)
            self._datetimes.clear()
            self._marks.clear()
        if not text:
            return
        containers = self.splitter.containers
        tag = containers[self._stack[-1]].tag
        kind = _KINDS.get(tag, BlockKind.PARAGRAPH)
        ancestors = tuple(self._stack)
        self.blocks.append(
            Block(
                index=len(self.blocks),
                text=text,
                kind=kind,
                path=self.splitter.paths[ancestors[-1]],
                level=int(tag[1]) if kind is BlockKind.HEADING else 0,
                link_chars=min(link_chars, len(text)),
                ancestors=ancestors,
                datetimes=datetimes,
                marks=marks,
                spans=tuple(raw_spans) if raw_spans else (),
                gathered=joined if raw_spans and joined != text else "",
                raw=_preformatted(joined) if tag == "pre" else "",
            )
        )


def _preformatted(joined: str) -> str:
    """A `<pre>` block's text as shown: lines and indentation kept, trailing spaces and blank ends dropped."""
    lines = [line.rstrip() for line in joined.replace("\r", "").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)

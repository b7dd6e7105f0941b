"""Stage 2a, split HTML: `Page` → `SplitPage`. The only module that imports selectolax.

The page is parsed once with Lexbor. Metadata (title, `<meta>`, JSON-LD, microdata) is read
first; then invisible and non-text subtrees are removed in one query. Then, in one walk over the
elements, the edges of block elements, links, `<br>`s, `<time>`s and field marks are marked in
the tree with control characters; the whole visible text is read in one call, and one pass
over that text cuts it into blocks at block edges and at double `<br>`s. Python never visits
the many text nodes one by one, and nothing recurses over the tree. Nodes never leave this module: blocks carry plain
strings and the ids of their containers.
"""

from __future__ import annotations

import functools
import itertools
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
    "select, textarea, button, input, head, [hidden], "
    "[style*='display:none' i], [style*='display: none' i], [style*='visibility:hidden' i], "
    "[style*='visibility: hidden' i]"
)
"""Subtrees a reader never sees as text; removed before the walk."""
NOSCRIPT_PAGE_MIN_CHARS = 200
"""`<noscript>` elements holding less text than this (a notice, a tracking pixel) are never the page."""

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


def split(page: Page, options: Options, deadline: float | None) -> SplitPage:
    """Cut an HTML page into blocks, after reading its metadata."""
    text = page.text
    if any(marker in text for marker in _MARKER_CHARS):
        text = text.translate(_CONTROLS)
    guarded = guard(text, options, deadline)  # bounds what the uninterruptible C parser will build
    tree = LexborHTMLParser(guarded.text)
    data = _page_data(tree)
    _show_noscript_page(tree)
    for node in tree.css(_INVISIBLE):
        node.decompose()
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
    )


def _show_noscript_page(tree: LexborHTMLParser) -> None:
    """Show the `<noscript>` content of a page that keeps its text there, as a browser without scripts does.

    A `<noscript>` usually holds a line for readers without scripts ('Please enable JavaScript'),
    which is dropped. A page whose visible copy is made by a script keeps its article in
    `<noscript>` instead: where the `<noscript>` elements hold more text than the rest of the
    page, and a paragraph's worth, they are the page.
    """
    noscripts = tree.css("noscript")
    if not noscripts or tree.body is None:
        return
    inside = sum(len(node.text(deep=True)) for node in noscripts)
    if inside < NOSCRIPT_PAGE_MIN_CHARS or inside < len(tree.body.text(deep=True)) - inside:
        return
    for node in noscripts:
        node.unwrap()


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


# ---- the split: markers in the tree, one text read, one pass over the text ---------------


_EDGE_MARK = "\x01"
"""Starts every block-edge marker, so one `str.split` finds all edges."""
_INLINE_MARK = "\x11"
"""Starts every inline marker (links, line breaks, times, field marks) inside the text between edges."""
_ID_END = ";"
"""Ends the number in a marker that carries one (a container, a time, a mark)."""
_START, _END, _EDGE, _STOP = "S", "E", "X", "Z"
"""Edge kinds, after `_EDGE_MARK`: a block element starts or ends, an empty one separates, the page stops."""
_LINK_OPEN, _LINK_CLOSE, _BREAK, _TIME, _MARK, _IMAGE = "A", "a", "B", "T", "M", "I"
"""Inline kinds, after `_INLINE_MARK`."""
_STYLE_OPEN, _STYLE_CLOSE = "F", "f"
"""Inline kinds of strong, emphasised and code elements; the number says which."""
_MARKUP_INLINE = frozenset((_STYLE_OPEN, _STYLE_CLOSE, _IMAGE))
_NUMBERED_INLINE = frozenset((_TIME, _MARK, _LINK_OPEN, _IMAGE, _STYLE_OPEN, _STYLE_CLOSE))
"""Inline kinds followed by a number: which `<time>` value, which mark, which link target or image, which style."""
_STYLES = {"strong": 0, "b": 0, "em": 1, "i": 1, "code": 2, "kbd": 2, "samp": 2, "tt": 2}
"""Inline elements kept as spans, by the number of their style in `_STYLE_KINDS`."""
_STYLE_KINDS = ("strong", "em", "code")
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-srcset", "srcset")
"""Where lazy-loading scripts keep an image's address while `src` holds a placeholder."""
_LANGUAGE_PREFIXES = ("language-", "lang-")
_MARKER_CHARS = (_EDGE_MARK, _INLINE_MARK)
_CONTROLS = str.maketrans(dict.fromkeys(map(ord, _MARKER_CHARS)))
"""The control characters starting markers; removed from the page first (a browser shows neither)."""
_CHECK_CLOCK_EVERY = 512
"""How often a loop looks at the clock: often enough to stop in time, rarely enough to cost nothing."""


@dataclass(slots=True)
class _Splitter:
    """Marks the edges of blocks, links, line breaks, times and field marks, then cuts the text there.

    One query lists the elements; Python reads each one's tag and attributes and inserts the
    markers it needs. The whole text is then read in one call: Lexbor walks the text nodes in C,
    Python never visits them one by one.
    """

    options: Options
    deadline: float | None
    elements: list[tuple[str, frozenset[HintFamily], str]] = field(default_factory=list)
    """Each marked block element: tag, hint families and path label. A container once the text reaches it."""
    containers: list[Container] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    """The element path of each container, built once as containers are opened."""
    datetimes: list[str] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    """Link targets and code languages, numbered by their markers."""
    images: list[tuple[str, str]] = field(default_factory=list)
    """(src, alt) of each marked image."""
    pictures: list[Picture] = field(default_factory=list)
    truncated: bool = False
    timed_out: bool = False

    def split(self, top: LexborNode) -> list[Block]:
        """The blocks under `top`, in document order."""
        self.containers.append(Container(0, top.tag or "body", -1, frozenset(), top.tag or "body"))
        self.paths.append(top.tag or "body")
        if not self._mark_elements(top):
            return []
        return _TextCutter(self).cut(top.text(separator=""))

    def open_container(self, element: int, parent: int) -> int:
        """Register marked element `element`, met inside container `parent`; its container id."""
        tag, families, label = self.elements[element]
        container = len(self.containers)
        self.containers.append(Container(container, tag, parent, families, label))
        self.paths.append(f"{self.paths[parent]}>{label}")
        return container

    def _late(self, count: int) -> bool:
        if count % _CHECK_CLOCK_EVERY == 0 and self.deadline is not None and time.monotonic() > self.deadline:
            self.timed_out = True
        return self.timed_out

    def _mark_elements(self, top: LexborNode) -> bool:
        """Insert the markers: block edges, links, line breaks, `<time datetime>` values, field marks."""
        for count, node in enumerate(top.css("*"), start=1):
            if self._late(count):
                return False
            if count > self.options.max_nodes:
                # The rest of the page is cut off: the text ends here.
                self.truncated = True
                node.insert_before(_EDGE_MARK + _STOP)
                break
            tag = node.tag or ""
            if tag == "br":
                node.insert_before(_INLINE_MARK + _BREAK)
                continue
            attributes = node.attributes
            if attributes or tag == "time":
                self._mark_field(node, tag, attributes)
            if tag in _MARKED_BLOCK_TAGS:
                self._mark_block(node, tag, attributes)
            elif tag == "a":
                self._mark_link(node, attributes)
            elif tag in _STYLES:
                self._mark_style(node, tag, attributes)
            elif tag == "img":
                self._mark_image(node, attributes)
        return True

    def _mark_block(self, node: LexborNode, tag: str, attributes: dict[str, str | None]) -> None:
        first = node.child
        if first is None:
            # An empty block element holds no text but still separates the text around it.
            node.insert_before(_EDGE_MARK + _EDGE)
            return
        element = len(self.elements)
        families, label = _describe(
            tag,
            attributes.get("id") or "",
            attributes.get("class") or "",
            attributes.get("role") or "",
            attributes.get("itemprop") or "",
        )
        self.elements.append((tag, families, label))
        first.insert_before(f"{_EDGE_MARK}{_START}{element}{_ID_END}")
        node.insert_child(f"{_EDGE_MARK}{_END}{element}{_ID_END}")

    def _mark_link(self, node: LexborNode, attributes: dict[str, str | None]) -> None:
        first = node.child
        if first is not None:
            self.targets.append((attributes.get("href") or "").strip())
            first.insert_before(f"{_INLINE_MARK}{_LINK_OPEN}{len(self.targets) - 1}{_ID_END}")
            node.insert_child(_INLINE_MARK + _LINK_CLOSE)

    def _mark_style(self, node: LexborNode, tag: str, attributes: dict[str, str | None]) -> None:
        first = node.child
        if first is None:
            return
        style = _STYLES[tag]
        parent = node.parent
        if parent is not None and _STYLES.get(parent.tag or "") == style:
            # Inside an element of the same style (`<b><b>`, the parser's reconstructed formatting): nothing new.
            return
        if style == _STYLES["code"]:
            self.targets.append(_language(attributes.get("class") or ""))
            style += len(_STYLE_KINDS) * len(self.targets)
        first.insert_before(f"{_INLINE_MARK}{_STYLE_OPEN}{style}{_ID_END}")
        node.insert_child(f"{_INLINE_MARK}{_STYLE_CLOSE}{_STYLES[tag]}{_ID_END}")

    def _mark_image(self, node: LexborNode, attributes: dict[str, str | None]) -> None:
        src = (attributes.get("src") or "").strip()
        if not src or src.startswith("data:"):
            src = next((value.strip() for key in _LAZY_SOURCES if (value := attributes.get(key))), "")
            src = src.split()[0] if src else ""
        if src and not src.startswith("data:"):
            self.images.append((src, collapse(attributes.get("alt") or "")))
            node.insert_before(f"{_INLINE_MARK}{_IMAGE}{len(self.images) - 1}{_ID_END}")

    def _mark_field(self, node: LexborNode, tag: str, attributes: dict[str, str | None]) -> None:
        """A `<time datetime>` value, and a mark when the element names itself an author or a date.

        Both markers go before the element, outside it: its text is read here, before any
        marker goes in (the elements inside it come later in the walk).
        """
        stamp = attributes.get("datetime") if tag == "time" else None
        if stamp is not None:
            self.datetimes.append(stamp)
            node.insert_before(f"{_INLINE_MARK}{_TIME}{len(self.datetimes) - 1}{_ID_END}")
        kind = mark_kind(tag, attributes)
        if kind is None:
            return
        text, whole = _text_prefix(node, MARK_MAX_CHARS)
        if whole and len(text) <= MARK_MAX_CHARS:
            self.marks.append(Mark(kind, text, machine_value(attributes)))
            node.insert_before(f"{_INLINE_MARK}{_MARK}{len(self.marks) - 1}{_ID_END}")


def _language(classes: str) -> str:
    """The language a code element's class names ('language-python', 'lang-js'), or ''."""
    for name in classes.split():
        for prefix in _LANGUAGE_PREFIXES:
            if name.startswith(prefix):
                return name[len(prefix) :]
    return ""


@functools.lru_cache(maxsize=16384)
def _describe(tag: str, ident: str, classes: str, role: str, itemprop: str) -> tuple[frozenset[HintFamily], str]:
    """The hint families and the path label of an element; cached, as pages repeat their elements."""
    ident, classes = ident.strip(), classes.strip()
    families = set(families_of(" ".join(filter(None, (ident, classes, itemprop)))))
    if tag in TAG_FAMILIES:
        families.add(TAG_FAMILIES[tag])
    role = role.strip().lower()
    if role in ROLE_FAMILIES:
        families.add(ROLE_FAMILIES[role])
    label = tag + (f"#{ident}" if ident else "") + (f".{classes.split()[0]}" if classes else "")
    return frozenset(families), label


@dataclass(slots=True)
class _TextCutter:
    """One pass over the marked text: blocks end at block edges and at double line breaks.

    The text is first split at block edges only; most pieces between two edges are empty or
    plain text, and become a block (or nothing) at once. Only pieces holding links, line
    breaks, times or marks are read token by token.
    """

    splitter: _Splitter
    blocks: list[Block] = field(default_factory=list)
    _stack: list[int] = field(default_factory=lambda: [0])
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

    def cut(self, text: str) -> list[Block]:
        """The blocks of the marked text."""
        pieces = text.split(_EDGE_MARK)
        self._between_edges(pieces[0])
        # Every other piece starts with its edge: kind, then the element number for starts and ends.
        # This loop runs for every block element of the page: the common steps are written out here.
        stack = self._stack
        max_depth = self.splitter.options.max_depth
        for piece in itertools.islice(pieces, 1, None):
            kind = piece[0]
            if kind == _STOP:
                break
            if kind == _EDGE:
                between = piece[1:]
            else:
                number_end = piece.index(_ID_END)
                between = piece[number_end + 1 :]
                if self._too_deep or (kind == _START and len(stack) > max_depth):
                    self._inside_too_deep(kind)
                    if between and not between.isspace():
                        self._between_edges(between)
                    continue
            # A block edge: what was gathered is a block (most edges gather nothing).
            if self._pieces or self._datetimes or self._marks:
                self._flush()
            else:
                self._after_break = False
            if kind == _START:
                stack.append(self.splitter.open_container(int(piece[1:number_end]), stack[-1]))
            elif kind == _END and len(stack) > 1:
                stack.pop()
            if between and not between.isspace():
                self._between_edges(between)
        self._flush()
        return self.blocks

    def _inside_too_deep(self, kind: str) -> None:
        """An element deeper than `Options.max_depth` starts or ends: its text joins its ancestor's, words apart."""
        self._too_deep += 1 if kind == _START else -1
        self.splitter.truncated = True
        self._text(" ")

    def _between_edges(self, text: str) -> None:
        if _INLINE_MARK not in text:
            self._text(text)
            return
        pieces = text.split(_INLINE_MARK)
        if pieces[0]:
            self._text(pieces[0])
        for piece in itertools.islice(pieces, 1, None):
            kind = piece[0]
            if kind in _NUMBERED_INLINE:
                id_end = piece.index(_ID_END)
                self._inline(kind, int(piece[1:id_end]))
                rest = piece[id_end + 1 :]
            else:
                self._inline(kind, 0)
                rest = piece[1:]
            if rest:
                self._text(rest)

    def _inline(self, kind: str, number: int) -> None:
        if kind == _LINK_OPEN:
            self._links_open += 1
            self._open.append(("link", self.splitter.targets[number], self._size))
        elif kind == _LINK_CLOSE:
            self._links_open = max(0, self._links_open - 1)
            if not self._links_open:
                self._count_link_text()
            opened = self._open
            if opened and opened[-1][0] == "link" and self._size > opened[-1][2]:
                # The common case, written out: the link is the innermost open element and holds text.
                self._spans.append((*opened.pop(), self._size))
            else:
                self._close("link")
        elif kind in _MARKUP_INLINE:
            self._markup(kind, number)
        elif kind == _BREAK:
            if self._after_break:
                self._flush()
            else:
                self._pieces.append("\n")
                self._size += 1
                self._after_break = True
        elif kind == _TIME:
            self._datetimes.append(self.splitter.datetimes[number])
        elif kind == _MARK:
            self._marks.append(self.splitter.marks[number])

    def _markup(self, kind: str, number: int) -> None:
        """A strong, emphasised or code element opens or closes, or an image stands here."""
        if kind == _STYLE_OPEN:
            target, style = divmod(number, len(_STYLE_KINDS))
            self._open.append((_STYLE_KINDS[style], self.splitter.targets[target - 1] if target else "", self._size))
        elif kind == _STYLE_CLOSE:
            self._close(_STYLE_KINDS[number])
        else:
            src, alt = self.splitter.images[number]
            inside = bool(self._pieces) and not self._after_break
            self.splitter.pictures.append(Picture(len(self.blocks), inside, src, alt, tuple(self._stack)))

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

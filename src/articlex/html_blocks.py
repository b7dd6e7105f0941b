"""Stage 2a, split HTML: `Page` → `SplitPage`. The only module that imports selectolax.

The page is parsed once with Lexbor. Metadata (title, `<meta>`, JSON-LD, microdata) is read
first; then invisible and non-text subtrees are removed in one query. Then the edges of block
elements, links, `<br>`s and `<time>`s are marked in the tree with control characters, the
whole visible text is read in one call, and one pass over that text cuts it into blocks at
block edges and at double `<br>`s. Python never visits the many text and inline nodes one by
one, and nothing recurses over the tree. Nodes never leave this module: blocks carry plain
strings and the ids of their containers.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from articlex.blocks import Block, Container, Mark, MetaTag, MicrodataProperty, PageData, SplitPage
from articlex.hints import ROLE_FAMILIES, TAG_FAMILIES, families_of
from articlex.html_guard import guard
from articlex.marks import MARK_MAX_CHARS, machine_value, mark_kind, mark_selector
from articlex.model import BlockKind
from articlex.options import Options
from articlex.reading import Page
from articlex.textnorm import collapse, tidy_lines

_INVISIBLE = (
    "script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, "
    "select, textarea, button, input, head, [hidden], "
    "[style*='display:none' i], [style*='display: none' i], [style*='visibility:hidden' i], "
    "[style*='visibility: hidden' i]"
)
"""Subtrees a reader never sees as text; removed before the walk."""

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "marquee", "menu", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)
"""Elements that start a new block: text never flows across their edges."""

_PAGE_TAGS = frozenset({"html", "body"})
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
    for node in tree.css(_INVISIBLE):
        node.decompose()
    splitter = _Splitter(options, deadline)
    top = tree.body or tree.root
    blocks = splitter.split(top, _marks(tree)) if top is not None else []
    return SplitPage(
        "html",
        tuple(blocks),
        tuple(splitter.containers),
        data,
        truncated=splitter.truncated or guarded.truncated,
        timed_out=splitter.timed_out or guarded.timed_out,
    )


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


def _marks(tree: LexborHTMLParser) -> list[tuple[LexborNode, Mark]]:
    """Elements that name themselves an author or a date (`articlex.marks`), with their mark."""
    found: list[tuple[LexborNode, Mark]] = []
    for node in tree.css(mark_selector()):
        attributes = node.attributes
        kind = mark_kind(node.tag or "", attributes)
        if kind is None:
            continue
        text, whole = _text_prefix(node, MARK_MAX_CHARS)
        if whole and len(text) <= MARK_MAX_CHARS:
            found.append((node, Mark(kind, text, machine_value(attributes))))
    return found


# ---- the split: markers in the tree, one text read, one pass over the text ---------------


_START, _END, _LINK_OPEN, _LINK_CLOSE, _BREAK, _TIME, _MARK, _CLOSE, _STOP, _EDGE = (
    "\x02\x04\x05\x06\x07\x08\x0e\x03\x0f\x10"
)
_MARKER_CHARS = frozenset((_START, _END, _LINK_OPEN, _LINK_CLOSE, _BREAK, _TIME, _MARK, _CLOSE, _STOP, _EDGE))
_CONTROLS = str.maketrans(dict.fromkeys(map(ord, _MARKER_CHARS)))
"""The control characters used as markers; removed from the page first (a browser shows none of them)."""
_TOKENS = re.compile(
    f"([{_START}{_END}{_TIME}{_MARK}][0-9]+{_CLOSE}|[{_LINK_OPEN}{_LINK_CLOSE}{_BREAK}{_STOP}{_EDGE}])"
)
_BLOCK_SELECTOR = ", ".join(sorted(_BLOCK_TAGS - _PAGE_TAGS))
_CHECK_CLOCK_EVERY = 512
"""How often a loop looks at the clock: often enough to stop in time, rarely enough to cost nothing."""


@dataclass(slots=True)
class _Splitter:
    """Marks the edges of blocks, links, line breaks, times and field marks, then cuts the text there.

    The whole text is read in one call after the markers are in. Lexbor does the walk in C:
    Python touches only the elements that matter (block elements, links, `<br>`, `<time>`),
    never the many text and inline nodes between them.
    """

    options: Options
    deadline: float | None
    containers: list[Container] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    """The element path of each container, built once as containers are registered."""
    datetimes: list[str] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    truncated: bool = False
    timed_out: bool = False

    def split(self, top: LexborNode, marked: list[tuple[LexborNode, Mark]]) -> list[Block]:
        """The blocks under `top`, in document order."""
        self.containers.append(Container(0, top.tag or "body", -1, frozenset(), top.tag or "body"))
        self.paths.append(top.tag or "body")
        if not self._mark_blocks(top):
            return []
        self._mark_inline(top, marked)
        return _TextCutter(self).cut(top.text(separator=""))

    def _late(self, count: int) -> bool:
        if count % _CHECK_CLOCK_EVERY == 0 and self.deadline is not None and time.monotonic() > self.deadline:
            self.timed_out = True
        return self.timed_out

    def _mark_blocks(self, top: LexborNode) -> bool:
        """Register every block element as a container and wrap its content in start/end markers."""
        depth = [0]
        known = {top.mem_id: 0}
        for count, node in enumerate(top.css(_BLOCK_SELECTOR), start=1):
            if self._late(count):
                return False
            if count > self.options.max_nodes:
                # The rest of the page is cut off: the text ends here.
                self.truncated = True
                node.insert_before(_STOP)
                break
            first = node.child
            if first is None:
                # An empty block element holds no text but still separates the text around it.
                node.insert_before(_EDGE)
                continue
            parent = _registered_ancestor(node, known)
            if depth[parent] >= self.options.max_depth:
                # Too deep to be a block of its own: its text joins its ancestor's, words kept apart.
                self.truncated = True
                first.insert_before(" ")
                node.insert_child(" ")
                continue
            container = self._container(node, parent)
            known[node.mem_id] = container
            depth.append(depth[parent] + 1)
            first.insert_before(f"{_START}{container}{_CLOSE}")
            node.insert_child(f"{_END}{container}{_CLOSE}")
        return True

    def _container(self, node: LexborNode, parent: int) -> int:
        attributes = node.attributes
        tag = node.tag or ""
        families, label = _describe(
            tag,
            attributes.get("id") or "",
            attributes.get("class") or "",
            attributes.get("role") or "",
            attributes.get("itemprop") or "",
        )
        container = len(self.containers)
        self.containers.append(Container(container, tag, parent, families, label))
        self.paths.append(f"{self.paths[parent]}>{label}")
        return container

    def _mark_inline(self, top: LexborNode, marked: list[tuple[LexborNode, Mark]]) -> None:
        """Markers for link text, line breaks, `<time datetime>` values and field marks."""
        for link in top.css("a"):
            first = link.child
            if first is not None:
                first.insert_before(_LINK_OPEN)
                link.insert_child(_LINK_CLOSE)
        for line_break in top.css("br"):
            line_break.insert_before(_BREAK)
        for stamp in top.css("time[datetime]"):
            self.datetimes.append(stamp.attributes.get("datetime") or "")
            stamp.insert_before(f"{_TIME}{len(self.datetimes) - 1}{_CLOSE}")
        for node, mark in marked:
            self.marks.append(mark)
            node.insert_before(f"{_MARK}{len(self.marks) - 1}{_CLOSE}")


@functools.lru_cache(maxsize=16384)
def _describe(tag: str, ident: str, classes: str, role: str, itemprop: str) -> tuple[frozenset[str], str]:
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


def _registered_ancestor(node: LexborNode, known: dict[int, int]) -> int:
    """The container id of the nearest registered ancestor (the top is always registered)."""
    parent = node.parent
    while parent is not None:
        found = known.get(parent.mem_id)
        if found is not None:
            return found
        parent = parent.parent
    return 0


@dataclass(slots=True)
class _TextCutter:
    """One pass over the marked text: blocks end at block edges and at double line breaks."""

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

    def cut(self, text: str) -> list[Block]:
        """The blocks of the marked text."""
        stack = self._stack
        for token in _TOKENS.split(text):
            if not token:
                continue
            kind = token[0]
            if kind not in _MARKER_CHARS:
                self._text(token)
            elif kind == _START:
                self._edge()
                stack.append(int(token[1:-1]))
            elif kind == _END:
                self._edge()
                if len(stack) > 1:
                    stack.pop()
            elif kind == _EDGE:
                self._edge()
            elif kind == _STOP:
                break
            else:
                self._inline(kind, token)
        self._flush()
        return self.blocks

    def _edge(self) -> None:
        """A block element starts or ends: what was gathered is a block (most edges gather nothing)."""
        if self._pieces or self._datetimes or self._marks:
            self._flush()
        else:
            self._after_break = False

    def _inline(self, kind: str, token: str) -> None:
        if kind == _LINK_OPEN:
            self._links_open += 1
        elif kind == _LINK_CLOSE:
            self._links_open = max(0, self._links_open - 1)
            if not self._links_open:
                self._count_link_text()
        elif kind == _BREAK:
            if self._after_break:
                self._flush()
            else:
                self._pieces.append("\n")
                self._after_break = True
        elif kind == _TIME:
            self._datetimes.append(self.splitter.datetimes[int(token[1:-1])])
        elif kind == _MARK:
            self._marks.append(self.splitter.marks[int(token[1:-1])])

    def _text(self, text: str) -> None:
        if text.isspace():
            # Spaces count only between words: at the start of a block they change nothing.
            if self._pieces:
                self._pieces.append(" ")
                if self._links_open:
                    self._link_pieces.append(" ")
            return
        if "\n" in text and self.splitter.containers[self._stack[-1]].tag != "pre":
            # A line break in the markup is a space on screen; only <br> and <pre> break lines.
            text = text.replace("\n", " ")
        self._pieces.append(text)
        if self._links_open:
            self._link_pieces.append(text)
        self._after_break = False

    def _count_link_text(self) -> None:
        if self._link_pieces:
            self._link_chars += len(collapse("".join(self._link_pieces)))
            self._link_pieces.clear()

    def _flush(self) -> None:
        """Turn the text gathered since the last block edge into a block."""
        self._after_break = False
        if not self._pieces:
            return
        self._count_link_text()
        joined = "".join(self._pieces)
        self._pieces.clear()
        text = "" if joined.isspace() else tidy_lines(joined)
        link_chars, self._link_chars = self._link_chars, 0
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
            )
        )

"""Stage 2a, split HTML: `Page` → `SplitPage`. The only module that imports selectolax.

The page is parsed once with Lexbor. Metadata (title, `<meta>`, JSON-LD, microdata) is read
first; then invisible and non-text subtrees are removed in one query, and one iterative walk
over the tree cuts the visible text into blocks at block-level elements and at double `<br>`s.
Nodes never leave this module: blocks carry plain strings and the ids of their containers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from articlex.blocks import Block, Container, Mark, MetaTag, MicrodataProperty, PageData, SplitPage
from articlex.hints import ROLE_FAMILIES, TAG_FAMILIES, families_of
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
_CLOCK_EVERY_NODES = 2048
"""How often the walk looks at the clock: often enough to stop in time, rarely enough to cost nothing."""


def split(page: Page, options: Options, deadline: float | None) -> SplitPage:
    """Cut an HTML page into blocks, after reading its metadata."""
    tree = LexborHTMLParser(page.text)
    data = _page_data(tree)
    for node in tree.css(_INVISIBLE):
        node.decompose()
    walker = _Walker(options, deadline, _marks(tree))
    top = tree.body or tree.root
    if top is not None:
        walker.walk(top)
    walker.flush()
    return SplitPage(
        "html",
        tuple(walker.blocks),
        tuple(walker.containers),
        data,
        truncated=walker.truncated,
        timed_out=walker.timed_out,
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
            or node.text(separator=" ")
        )
        item_type, parent_property = _enclosing_item(node)
        text = collapse(value)[:_TEXT_FIELD_CHARS]
        found.extend(
            MicrodataProperty(name, text, item_type, parent_property)
            for name in (attributes.get("itemprop") or "").split()
        )
    return found


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


def _marks(tree: LexborHTMLParser) -> dict[int, Mark]:
    """Elements that name themselves an author or a date (`articlex.marks`), by node address."""
    found: dict[int, Mark] = {}
    for node in tree.css(mark_selector()):
        attributes = node.attributes
        kind = mark_kind(node.tag or "", attributes)
        if kind is None:
            continue
        text = collapse(node.text(separator=" "))
        if len(text) <= MARK_MAX_CHARS:
            found[node.mem_id] = Mark(kind, text, machine_value(attributes))
    return found


@dataclass(slots=True)
class _Open:
    """An element the walk is inside of."""

    container: int
    is_block: bool
    is_link: bool


@dataclass(slots=True)
class _Walker:
    """One pass over the tree, in document order, without recursion."""

    options: Options
    deadline: float | None
    marked: dict[int, Mark] = field(default_factory=dict)
    """Field marks by node address (`_marks`), recorded on the block they open in."""
    blocks: list[Block] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)
    truncated: bool = False
    timed_out: bool = False
    _open: list[_Open] = field(default_factory=list)
    _container_ids: list[int] = field(default_factory=list)
    _block_tags: list[str] = field(default_factory=list)
    _pieces: list[str] = field(default_factory=list)
    _link_chars: int = 0
    _link_pieces: list[str] = field(default_factory=list)
    _links_open: int = 0
    _datetimes: list[str] = field(default_factory=list)
    _marks: list[Mark] = field(default_factory=list)
    _after_br: bool = False

    def walk(self, top: LexborNode) -> None:
        """Visit every node under `top` once, entering and leaving elements in order."""
        visited = 0
        top_id = top.mem_id
        node: LexborNode | None = top
        while node is not None:
            visited += 1
            if visited > self.options.max_nodes:
                self.truncated = True
                return
            if visited % _CLOCK_EVERY_NODES == 0 and self._out_of_time():
                return
            if self._enter(node):
                child = node.child
                if child is not None:
                    node = child
                    continue
                self._leave()
            # Nodes are fresh wrapper objects on every access, and their == compares markup:
            # identity is the address of the underlying node.
            while node.mem_id != top_id and node.next is None:
                node = node.parent
                if node is None:
                    return
                self._leave()
            if node.mem_id == top_id:
                return
            node = node.next

    def _out_of_time(self) -> bool:
        if self.deadline is not None and time.monotonic() > self.deadline:
            self.timed_out = True
            return True
        return False

    def _enter(self, node: LexborNode) -> bool:
        """Take in one node; True when it is an element whose children the walk must visit."""
        if node.is_text_node:
            self._text(node.text_content or "")
            return False
        if not node.is_element_node:
            return False
        tag = node.tag or ""
        if tag == "br":
            self._line_break()
            return False
        if len(self._open) >= self.options.max_depth:
            self.truncated = True
            self._text(" " + node.text(separator=" ") + " ")
            return False
        is_block = tag in _BLOCK_TAGS or "-" in tag
        container = -1
        if is_block:
            self.flush()
            container = self._open_container(node, tag)
            self._block_tags.append(tag)
        elif tag == "a":
            self._links_open += 1
        elif tag == "time":
            stamp = node.attributes.get("datetime")
            if stamp:
                self._datetimes.append(stamp)
        mark = self.marked.get(node.mem_id)
        if mark is not None:
            self._marks.append(mark)
        self._open.append(_Open(container, is_block, tag == "a"))
        return True

    def _leave(self) -> None:
        """Close the innermost open element."""
        closed = self._open.pop()
        if closed.is_block:
            self.flush()
            self._block_tags.pop()
            if closed.container >= 0:
                self._container_ids.pop()
        elif closed.is_link:
            self._links_open -= 1
            if not self._links_open:
                self._count_link_text()

    def _open_container(self, node: LexborNode, tag: str) -> int:
        attributes = node.attributes
        ident = (attributes.get("id") or "").strip()
        classes = (attributes.get("class") or "").strip()
        hint_text = " ".join(filter(None, (ident, classes, attributes.get("itemprop"))))
        # <html> and <body> classes describe the whole site ('has-sidebar', 'comments-open'), never a part.
        families = set(families_of(hint_text)) if tag not in _PAGE_TAGS else set()
        if tag in TAG_FAMILIES:
            families.add(TAG_FAMILIES[tag])
        role = (attributes.get("role") or "").strip().lower()
        if role in ROLE_FAMILIES:
            families.add(ROLE_FAMILIES[role])
        label = tag + (f"#{ident}" if ident else "") + (f".{classes.split()[0]}" if classes else "")
        container_id = len(self.containers)
        parent = self._container_ids[-1] if self._container_ids else -1
        self.containers.append(Container(container_id, tag, parent, frozenset(families), label))
        self._container_ids.append(container_id)
        return container_id

    def _text(self, text: str) -> None:
        if not text:
            return
        if "\n" in text and "pre" not in self._block_tags:
            # A line break in the markup is a space on screen; only <br> and <pre> break lines.
            text = text.replace("\n", " ")
        self._pieces.append(text)
        if self._links_open:
            self._link_pieces.append(text)
        if not text.isspace():
            self._after_br = False

    def _count_link_text(self) -> None:
        """Add the link text gathered so far to the block's link characters, as it is displayed."""
        if self._link_pieces:
            self._link_chars += len(collapse("".join(self._link_pieces)))
            self._link_pieces.clear()

    def _line_break(self) -> None:
        """A `<br>` ends a line; two in a row (only spaces between) end a paragraph."""
        if self._after_br:
            self.flush()
            return
        self._pieces.append("\n")
        self._after_br = True

    def flush(self) -> None:
        """Turn the text gathered since the last block edge into a block."""
        self._after_br = False
        if not self._pieces:
            return
        text = tidy_lines("".join(self._pieces))
        self._pieces.clear()
        self._count_link_text()
        link_chars, self._link_chars = self._link_chars, 0
        datetimes = tuple(self._datetimes)
        self._datetimes.clear()
        marks = tuple(self._marks)
        self._marks.clear()
        if not text:
            return
        tag = self._block_tags[-1] if self._block_tags else "body"
        kind = _KINDS.get(tag, BlockKind.PARAGRAPH)
        level = int(tag[1]) if kind is BlockKind.HEADING else 0
        ancestors = tuple(self._container_ids)
        path = ">".join(self.containers[i].label for i in ancestors) or "body"
        block = Block(
            index=len(self.blocks),
            text=text,
            kind=kind,
            path=path,
            level=level,
            link_chars=min(link_chars, len(text)),
            ancestors=ancestors,
            datetimes=datetimes,
            marks=marks,
        )
        self.blocks.append(block)

"""The body: the content blocks, after the field finders took the headline and credit lines out.

Table cells of one row are joined into one paragraph, so a table inside the article reads as
rows. Content above the visible headline (kickers, teasers) and blocks that repeat the
headline are not body.

The same content blocks also make the typed body (`body_elements`): consecutive blocks of one
list, data table, quote or `<pre>` become one element, with the structure the containers show
(list nesting, rows and cells, header rows), the inline spans of the blocks, and the images
that stand between content blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin

from articlex.model import BlockKind, Label, Reason
from articlex.stages import Block, Container, Decision, Fields, Picture, SplitPage
from articlex.textnorm import comparable, longest_folding_to, tidy_lines

TABLE_CELL_SEPARATOR = " | "
EMPTY_SECTION_LABEL_MAX_WORDS = 6
"""A heading this short labels a section; a longer one is text set in a heading's type (some pages write
their paragraphs in `<h4>`), which stays whatever follows it."""


def final_decisions(decisions: Sequence[Decision], fields: Fields) -> tuple[Decision, ...]:
    """The classifier's decisions, with the finders' claims and the headline rules applied."""
    headline_block = fields.headline.block if fields.headline is not None else None
    headline_text = comparable(fields.headline.value) if fields.headline is not None else None
    content_after_headline = headline_block is not None and _cuts_above(decisions, headline_block)
    final = []
    for decision in decisions:
        block = decision.block
        claim = fields.claims.get(block.index)
        if claim is not None:
            final.append(Decision(block, claim.label, claim.reason, claim.detail))
        elif decision.label is Label.CONTENT and headline_text and _repeats(block.text, headline_text):
            final.append(Decision(block, Label.BOILERPLATE, Reason.DUPLICATE_OF_HEADLINE, "repeats the headline"))
        elif (
            decision.label is Label.CONTENT
            and content_after_headline
            and headline_block is not None
            and block.index < headline_block
        ):
            final.append(Decision(block, Label.BOILERPLATE, Reason.BEFORE_HEADLINE, "above the headline"))
        else:
            final.append(decision)
    return _without_empty_sections(final)


def _without_empty_sections(decisions: list[Decision]) -> tuple[Decision, ...]:
    """The decisions, with a heading that heads no kept text made boilerplate.

    A heading whose section was all left out (a "Links" or "Related" heading over a list of links,
    a "Comments" heading over the thread) would stand alone in the body: the next kept block is a
    heading of its rank or higher, or there is none.
    """
    following_level = 0  # the rank of the next kept heading below; 0 when the next kept block is text
    end = True  # no kept block below yet
    for position in range(len(decisions) - 1, -1, -1):
        decision = decisions[position]
        block = decision.block
        if decision.label is not Label.CONTENT:
            continue
        if block.kind is not BlockKind.HEADING or len(block.text.split()) > EMPTY_SECTION_LABEL_MAX_WORDS:
            following_level, end = 0, False
            continue
        if end or 0 < following_level <= block.level:
            detail = "no kept text follows it" if end else "the next kept block is a heading of its rank or higher"
            decisions[position] = Decision(block, Label.BOILERPLATE, Reason.EMPTY_SECTION, detail)
            continue
        following_level, end = block.level, False
    return tuple(decisions)


def _cuts_above(decisions: Sequence[Decision], headline_block: int) -> bool:
    """True when the content above the headline is to be cut: content follows, and the headline heads no section.

    What stands above an article's headline is a kicker or a teaser. But a long page of sections
    (a guide, a report, a page of FAQs) may repeat one section's heading in its title; the content
    above that heading then holds headings of the same rank or higher, and it is the page's text.
    """
    headline = decisions[headline_block].block
    level = headline.level if headline.kind is BlockKind.HEADING else 0
    content_after = False
    for decision in decisions:
        block = decision.block
        if decision.label is not Label.CONTENT or block.index == headline_block:
            continue
        if block.index > headline_block:
            content_after = True
        elif level and block.kind is BlockKind.HEADING and 0 < block.level <= level:
            return False
    return content_after


def _repeats(text: str, headline: str) -> bool:
    """True when the block's text is the headline (folded: `headline` is already comparable)."""
    return len(text) <= longest_folding_to(len(headline)) and comparable(text) == headline


def paragraphs(decisions: Sequence[Decision], containers: Sequence[Container]) -> tuple[list[str], dict[int, int]]:
    """The body paragraphs in order, and for each content block the index of its paragraph.

    Neighbouring content blocks from different cells of one table row become one paragraph.
    """
    texts: list[str] = []
    where: dict[int, int] = {}
    last_cell: tuple[int, int] | None = None
    for decision in decisions:
        if decision.label is not Label.CONTENT:
            last_cell = None
            continue
        block = decision.block
        cell = _table_cell(block, containers)
        if cell is not None and last_cell is not None and cell[0] == last_cell[0] and cell[1] != last_cell[1]:
            texts[-1] += TABLE_CELL_SEPARATOR + block.text
        else:
            texts.append(block.text)
        where[block.index] = len(texts) - 1
        last_cell = cell
    return texts, where


def _table_cell(block: Block, containers: Sequence[Container]) -> tuple[int, int] | None:
    """(row, cell) container ids of a table-cell block, or None."""
    if block.kind is not BlockKind.TABLE_CELL or not containers:
        return None
    cell = block.ancestors[-1]
    for container in reversed(block.ancestors):
        if containers[container].tag == "tr":
            return container, cell
    return None


# ---- the typed body: content blocks grouped into paragraphs, headings, lists, tables, quotes, code, figures ----

_LIST_TAGS = {"ul": False, "ol": True, "menu": False, "dir": False}
"""List elements, and whether each is numbered."""
_CELL_TAGS = frozenset(("td", "th"))
_STRUCTURE_TAGS = frozenset(("table", "thead", "tr", "td", "th", "li", "blockquote", "pre", *_LIST_TAGS))
"""The containers that give a block its place in a list, table, quote or `<pre>`."""
_ABSOLUTE = ("http://", "https://")
_UNTIDY = re.compile("[^\\S ]|  |[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
"""What tidying a block's text changes besides its ends: whitespace other than single spaces, invisible characters."""
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
LAYOUT_ITEM_BLOCKS = 5
"""A list item holding this many blocks of its own is a page's layout (a post in a list of posts), not a list."""
LAYOUT_CELL_CHARS = 400
"""A table with a block this long in it lays out a page: the cells of data tables are short."""
DATA_MIN_ROWS = 2
DATA_MIN_COLUMNS = 2
"""A data table has content in two rows at least, and in two cells of one row: one column lays out a page."""
CAPTION_LOOKAHEAD = 8
"""How many blocks after an image are searched for the caption of its `<figure>`."""

Element = dict[str, object]
"""A body element as the fields of its `articlex.model` type, validated together with the `Article`."""


def body_elements(decisions: Sequence[Decision], split: SplitPage, base: str | None) -> list[Element]:
    """The body as typed elements in reading order, made of the content blocks of `decisions`.

    `base` resolves the addresses of links and images. Every element names the blocks it came from.
    """
    if split.kind == "html":
        return _HtmlBody(decisions, split, base).build()
    return _text_body(decisions)


def resolve_address(base: str | None, href: str) -> str | None:
    """A link's or an image's address made absolute; None for an empty, in-page or script address."""
    href = href.strip()
    if not href or href.startswith("#") or href.lower().startswith(_UNSAFE_SCHEMES):
        return None
    if href.startswith(_ABSOLUTE) and "/." not in href:
        return href
    if base:
        try:
            return urljoin(base, href)
        except ValueError:
            return None
    return href


def block_spans(block: Block) -> list[tuple[str, str, int, int]]:
    """The block's spans as (kind, target, start, end) with offsets into `Block.text`, outer spans first.

    The splitter records offsets into the text as gathered; tidying only removes characters and
    turns whitespace into single spaces and line breaks, so an offset lands where the tidied text
    of everything before it ends. Spans that hold only whitespace are dropped.
    """
    text, gathered = block.text, block.gathered
    lead = -1
    if not gathered:
        lead = 0
    elif _UNTIDY.search(gathered) is None:
        # Only single spaces: tidying strips the ends and nothing else (most blocks).
        lead = len(gathered) - len(gathered.lstrip(" "))
    where: dict[int, int] = {}

    def tidied(offset: int) -> int:
        if lead >= 0:
            return max(0, min(offset - lead, len(text)))
        if offset not in where:
            where[offset] = 0 if offset == 0 else len(tidy_lines(gathered[:offset] + "x")) - 1
        return min(where[offset], len(text))

    spans: dict[tuple[str, str, int, int], None] = {}
    for kind, target, raw_start, raw_end in sorted(block.spans, key=lambda span: (span[2], -span[3])):
        start, end = tidied(raw_start), tidied(raw_end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans[kind, target, start, end] = None  # the same span twice (nested `<b>`s) is one
    return list(spans)


def _spans(block: Block, base: str | None, shift: int = 0) -> list[Element]:
    spans: list[Element] = []
    if not block.spans:
        return spans
    for kind, target, start, end in block_spans(block):
        if kind == "link":
            href = resolve_address(base, target)
            if href is None:
                continue
            spans.append({"start": start + shift, "end": end + shift, "kind": "link", "href": href})
        else:
            spans.append({"start": start + shift, "end": end + shift, "kind": kind})
    return spans


def _joined(blocks: Sequence[Block], base: str | None, separator: str) -> tuple[str, list[Element]]:
    """The texts of blocks joined by `separator`, with their spans moved to match."""
    if len(blocks) == 1:
        return blocks[0].text, _spans(blocks[0], base)
    texts: list[str] = []
    spans: list[Element] = []
    offset = 0
    for block in blocks:
        texts.append(block.text)
        spans += _spans(block, base, offset)
        offset += len(block.text) + len(separator)
    return separator.join(texts), spans


def _in_item(chain: Sequence[int], containers: Sequence[Container]) -> bool:
    """True when the chain below a list element passes through a list item.

    Text straight inside a `<ul>` or `<ol>`, outside its `<li>`s, shows without a bullet: it is
    no item of the list.
    """
    return any(containers[container].tag == "li" for container in chain)


class _ListNode:
    __slots__ = ("items", "ordered")

    def __init__(self, ordered: bool) -> None:
        self.ordered = ordered
        self.items: dict[int, _ItemNode] = {}


class _ItemNode:
    __slots__ = ("blocks", "lists")

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lists: dict[int, _ListNode] = {}


class _HtmlBody:
    """Groups consecutive content blocks by the list, table, quote or `<pre>` that holds them."""

    def __init__(self, decisions: Sequence[Decision], split: SplitPage, base: str | None) -> None:
        self.decisions = decisions
        self.blocks = split.blocks
        self.containers = split.containers
        self.pictures = split.pictures
        self.base = base
        self.out: list[Element] = []
        self.key: tuple[str, int] | None = None
        self.group: list[Block] = []
        self.inline_pictures: list[Picture] = []
        self.sources: set[str] = set()
        self._children: dict[int, list[int]] | None = None
        self._chains: dict[int, tuple[int, ...]] = {}
        content = Label.CONTENT
        self.content = [decision.block for decision in decisions if decision.label is content]
        self.chain_of = {block.index: self._container_chain(block) for block in self.content}
        """Each content block's chain (`_chain`), found once: grouping reads it several times."""
        self.layout = self._layout_structures()

    def _layout_structures(self) -> set[int]:
        """The lists and tables that lay out the page rather than hold a list or data in the text."""
        layout: set[int] = set()
        item_blocks: dict[int, int] = {}
        tables: dict[int, dict[int, set[int]]] = {}
        """Per table: its rows that hold content, and the cells of each."""
        chain_of = self.chain_of
        for block in self.content:
            if chain_of[block.index]:
                item = self._measure(block, layout, tables)
                if item >= 0:
                    item_blocks[item] = item_blocks.get(item, 0) + 1
        containers = self.containers
        layout.update(containers[item].parent for item, count in item_blocks.items() if count >= LAYOUT_ITEM_BLOCKS)
        layout.update(table for table, rows in tables.items() if not self._data_table(rows))
        return layout

    def _chain(self, block: Block) -> tuple[int, ...]:
        """The content block's enclosing lists, items, tables, rows, cells, quotes and `<pre>`s, outermost first."""
        return self.chain_of[block.index]

    def _container_chain(self, block: Block) -> tuple[int, ...]:
        """The block's chain (`_chain`), cached by container: the blocks of one element share it, most an empty one."""
        ancestors, chains, containers = block.ancestors, self._chains, self.containers
        known = len(ancestors) - 1
        while known >= 0 and ancestors[known] not in chains:
            known -= 1
        chain = chains[ancestors[known]] if known >= 0 else ()
        for container in ancestors[known + 1 :]:
            if containers[container].tag in _STRUCTURE_TAGS:
                chain = (*chain, container)
            chains[container] = chain
        return chain

    def _measure(self, block: Block, layout: set[int], tables: dict[int, dict[int, set[int]]]) -> int:
        """Note the lists and tables a content block shows to be layout, and its table rows and cells; its item."""
        containers = self.containers
        item = row = -1
        long_text = len(block.text) > LAYOUT_CELL_CHARS
        heading = block.kind is BlockKind.HEADING
        open_tables: list[int] = []
        for container in self._chain(block):
            tag = containers[container].tag
            if tag in _LIST_TAGS or tag == "table":
                if heading or (long_text and tag == "table"):
                    layout.add(container)
                if tag == "table":
                    open_tables.append(container)
                    tables.setdefault(container, {})
            elif tag == "li":
                item = container
            elif tag == "tr" and open_tables:
                row = container
                tables[open_tables[-1]].setdefault(row, set())
            elif tag in _CELL_TAGS and row >= 0 and open_tables:
                tables[open_tables[-1]][row].add(container)
                row = -1
        # The cells of a data table hold no tables: a table around another lays the page out.
        layout.update(open_tables[:-1])
        return item

    def _data_table(self, rows: dict[int, set[int]]) -> bool:
        """Content in two rows at least, and a row of two cells or more.

        Cells count with content or not: an infobox's values may be links the classifier left out.
        """
        if len(rows) < DATA_MIN_ROWS:
            return False
        if any(len(cells) >= DATA_MIN_COLUMNS for cells in rows.values()):
            return True
        containers = self.containers
        return any(
            sum(containers[child].tag in _CELL_TAGS for child in self._children_of(row)) >= DATA_MIN_COLUMNS
            for row in rows
        )

    def build(self) -> list[Element]:
        standalone: dict[int, list[Picture]] = {}
        inside: dict[int, list[Picture]] = {}
        for picture in self.pictures:
            if picture.inside:
                inside.setdefault(picture.block, []).append(picture)
            elif self._caption_in_main(picture.block):  # most images stand among boilerplate: none of the article's
                standalone.setdefault(picture.block, []).append(picture)
        waiting = sorted(standalone.items(), reverse=True)
        """The images between blocks not placed yet, the next one last."""
        for block in self.content:
            while waiting and waiting[-1][0] <= block.index:
                self._place(waiting.pop()[1])
            key = self._key(block)
            if key != self.key:
                self._close()
                self.key = key
            self.group.append(block)
            if block.index in inside:
                self.inline_pictures += inside[block.index]
        while waiting:
            self._place(waiting.pop()[1])
        self._close()
        return self.out

    def _place(self, pictures: list[Picture]) -> None:
        """Images standing between blocks, each a figure when it stands in the article."""
        for picture in pictures:
            figure = self._standalone_figure(picture)
            if figure is not None:
                self._close()
                self.out.append(figure)

    def _key(self, block: Block) -> tuple[str, int]:
        """What element the block belongs to: the outermost list or data table holding it, else its `<pre>` or quote.

        Lists and tables come before quotes: pages indent a table by putting it in a `<blockquote>`.
        """
        if block.kind is BlockKind.HEADING:
            return "heading", block.index
        chain = self.chain_of[block.index]
        if not chain:
            return "paragraph", block.index
        containers = self.containers
        quote = pre = -1
        for position, container in enumerate(chain):
            tag = containers[container].tag
            if tag in _LIST_TAGS or tag == "table":
                if container not in self.layout and (tag == "table" or _in_item(chain[position + 1 :], containers)):
                    return ("list" if tag != "table" else "table"), container
            elif tag == "blockquote" and quote < 0:
                quote = container
            elif tag == "pre" and pre < 0:
                pre = container
        if pre >= 0:
            return "code", pre
        return ("quote", quote) if quote >= 0 else ("paragraph", block.index)

    def _close(self) -> None:
        group, key = self.group, self.key
        if group and key is not None:
            kind, container = key
            if kind == "list":
                self.out.append(self._list(container, group))
            elif kind == "table":
                self.out.append(self._table(container, group))
            elif kind == "code":
                self.out.append(self._code(container, group))
            else:
                text, spans = _joined(group, self.base, "\n\n")
                element: Element = {"type": kind, "text": text, "blocks": [b.index for b in group]}
                if spans:
                    element["spans"] = spans
                if kind == "heading":
                    element["level"] = group[0].level
                self.out.append(element)
            if kind in ("paragraph", "quote", "heading"):
                for picture in self.inline_pictures:
                    figure = self._figure(picture, [])
                    if figure is not None:
                        self.out.append(figure)
        self.group, self.key, self.inline_pictures = [], None, []

    # ---- lists

    def _list(self, root: int, group: list[Block]) -> Element:
        containers = self.containers
        top = _ListNode(_LIST_TAGS[containers[root].tag])
        for block in group:
            chain = self._chain(block)
            below = chain[chain.index(root) + 1 :]
            node, item = top, None
            # Text straight inside a nested list, outside its items, stays with the item around that list.
            for position, container in enumerate(below):
                tag = containers[container].tag
                if tag == "li":
                    item = node.items.setdefault(container, _ItemNode())
                elif tag in _LIST_TAGS and item is not None and _in_item(below[position + 1 :], containers):
                    node = item.lists.setdefault(container, _ListNode(_LIST_TAGS[tag]))
                    item = None
            if item is None:  # never: `_key` gives a list only the blocks inside one of its items
                item = node.items.setdefault(-1 - block.index, _ItemNode())
            item.blocks.append(block)
        return self._list_element(top)

    def _list_element(self, node: _ListNode) -> Element:
        items: list[Element] = []
        every: list[int] = []
        for item in node.items.values():
            text, spans = _joined(item.blocks, self.base, "\n")
            lists = [self._list_element(inner) for inner in item.lists.values()]
            blocks = [block.index for block in item.blocks]
            out_item: Element = {"text": text, "blocks": blocks}
            if spans:
                out_item["spans"] = spans
            if lists:
                out_item["lists"] = lists
            items.append(out_item)
            every += blocks
            for inner in lists:
                every += inner["blocks"]  # type: ignore[arg-type]
        return {"type": "list", "ordered": node.ordered, "items": items, "blocks": sorted(every)}

    # ---- tables

    def _children_of(self, parent: int) -> list[int]:
        if self._children is None:
            self._children = {}
            for container in self.containers:
                self._children.setdefault(container.parent, []).append(container.id)
        return self._children.get(parent, [])

    def _table(self, table: int, group: list[Block]) -> Element:
        containers = self.containers
        rows: dict[int, dict[int, list[Block]]] = {}
        header_rows: set[int] = set()
        for block in group:
            row, cell, in_head = self._cell_of(block, table)
            if row < 0 or cell < 0:
                continue
            rows.setdefault(row, {}).setdefault(cell, []).append(block)
            if in_head:
                header_rows.add(row)
        out_rows: list[Element] = []
        for row, cells in rows.items():
            out_cells: list[Element] = []
            every_th = True
            for cell in self._children_of(row) or list(cells):
                tag = containers[cell].tag
                if tag not in _CELL_TAGS:
                    continue
                every_th = every_th and tag == "th"
                blocks = cells.get(cell, [])
                text, spans = _joined(blocks, self.base, " ") if blocks else ("", [])
                out_cell: Element = {"text": text, "blocks": [b.index for b in blocks]}
                if spans:
                    out_cell["spans"] = spans
                if tag == "th":
                    out_cell["header"] = True
                out_cells.append(out_cell)
            out_rows.append({"cells": out_cells, "header": row in header_rows or (every_th and bool(out_cells))})
        caption_blocks = self._caption_before(table, group[0].index)
        caption_blocks += [block for block in group if block.kind is BlockKind.CAPTION]
        every = sorted({block.index for block in group + caption_blocks})
        element: Element = {"type": "table", "rows": out_rows, "blocks": every}
        if caption_blocks:
            element["caption"] = " ".join(block.text for block in caption_blocks)
        return element

    def _cell_of(self, block: Block, table: int) -> tuple[int, int, bool]:
        """The row and cell of `table` holding the block (-1 when none), and whether the row is in `<thead>`."""
        chain = self._chain(block)
        row = -1
        in_head = False
        for container in chain[chain.index(table) + 1 :]:
            tag = self.containers[container].tag
            if tag == "thead":
                in_head = True
            elif tag == "tr" and row < 0:
                row = container
            elif tag in _CELL_TAGS and row >= 0:
                return row, container, in_head
        return row, -1, in_head

    def _caption_before(self, table: int, first: int) -> list[Block]:
        """The `<caption>` blocks of a table: just before its first content block, inside it."""
        found: list[Block] = []
        index = first - 1
        while index >= 0 and table in self.blocks[index].ancestors:
            block = self.blocks[index]
            if block.kind is BlockKind.CAPTION and self.decisions[index].reason is Reason.CAPTION:
                found.insert(0, block)
            index -= 1
        return found

    def _caption_in_main(self, index: int) -> bool:
        if index >= len(self.decisions):
            return False
        decision = self.decisions[index]
        return decision.label is Label.CONTENT or decision.reason is Reason.CAPTION

    # ---- code

    def _code(self, pre: int, group: list[Block]) -> Element:
        text = "\n".join(block.raw or block.text for block in group)
        language = next((span[1] for block in group for span in block.spans if span[0] == "code" and span[1]), "")
        if not language:
            label = self.containers[pre].label
            _, _, first_class = label.partition(".")
            language = next((first_class[len(p) :] for p in ("language-", "lang-") if first_class.startswith(p)), "")
        element: Element = {"type": "code", "text": text, "blocks": [block.index for block in group]}
        if language:
            element["language"] = language
        return element

    # ---- figures

    def _standalone_figure(self, picture: Picture) -> Element | None:
        """A figure for an image between blocks, when it stands in the article: content or its captions around it."""
        index = picture.block  # content or a caption of the article: `build` placed no other
        decisions = self.decisions
        if index > 0 and decisions[index - 1].label is Label.BOILERPLATE and not self._caption_in_main(index - 1):
            return None
        containers = self.containers
        if any(containers[container].tag in ("li", "td", "th") for container in picture.ancestors):
            return None
        figure = next((c for c in reversed(picture.ancestors) if containers[c].tag == "figure"), None)
        captions: list[Block] = []
        if figure is not None:
            for block in self.blocks[index : index + CAPTION_LOOKAHEAD]:
                if figure not in block.ancestors:
                    break
                if block.kind is BlockKind.CAPTION and self.decisions[block.index].reason is Reason.CAPTION:
                    captions.append(block)
        return self._figure(picture, captions)

    def _figure(self, picture: Picture, captions: list[Block]) -> Element | None:
        src = resolve_address(self.base, picture.src)
        if src is None or src in self.sources:
            return None
        self.sources.add(src)
        figure: Element = {"type": "figure", "src": src, "alt": picture.alt, "blocks": [b.index for b in captions]}
        if captions:
            figure["caption"] = " ".join(block.text for block in captions)
        return figure


# ---- plain text: what a text copy shows of the structure

_BULLET = re.compile(r"[•·▪◦●○■□►▸‣⁃*–—-]\s+(?=\S)")
_NUMBER = re.compile(r"\d{1,3}[.)]\s+(?=\S)")
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
_NOT_A_HEADING_END = tuple(".,;:!?…)\"'»”")


def _text_body(decisions: Sequence[Decision]) -> list[Element]:
    """Paragraphs, list items of bullet and number lines, table rows cut at tabs, headings of title-shaped lines."""
    content = [decision.block for decision in decisions if decision.label is Label.CONTENT]
    out: list[Element] = []
    for position, block in enumerate(content):
        text = block.text
        if block.kind is BlockKind.TABLE_CELL:
            row: Element = {
                "cells": [{"text": cell, "blocks": [block.index]} for cell in block.cells or (text,)],
            }
            last = out[-1] if out else None
            if last is not None and last["type"] == "table":
                last["rows"].append(row)  # type: ignore[attr-defined]
                last["blocks"].append(block.index)  # type: ignore[attr-defined]
            else:
                out.append({"type": "table", "rows": [row], "blocks": [block.index]})
            continue
        bullet = _BULLET.match(text)
        number = None if bullet else _NUMBER.match(text)
        marker = bullet or number
        if marker is not None:
            ordered = number is not None
            item = {"text": text[marker.end() :], "blocks": [block.index]}
            last = out[-1] if out else None
            if last is not None and last["type"] == "list" and last["ordered"] == ordered:
                last["items"].append(item)  # type: ignore[attr-defined]
                last["blocks"].append(block.index)  # type: ignore[attr-defined]
            else:
                out.append({"type": "list", "ordered": ordered, "items": [item], "blocks": [block.index]})
            continue
        following = content[position + 1] if position + 1 < len(content) else None
        if following is not None and _title_shaped(text) and not _title_shaped(following.text):
            out.append({"type": "heading", "level": 2, "text": text, "blocks": [block.index]})
        else:
            out.append({"type": "paragraph", "text": text, "blocks": [block.index]})
    return out


def _title_shaped(text: str) -> bool:
    """A short line without closing punctuation that starts with a capital or a digit: a heading's shape."""
    return (
        len(text) <= HEADING_MAX_CHARS
        and len(text.split()) <= HEADING_MAX_WORDS
        and not text.endswith(_NOT_A_HEADING_END)
        and (text[0].isupper() or text[0].isdigit())
        and _BULLET.match(text) is None
    )

"""Reading Markdown back with markdown-it-py, and walking an `Article.body`: shared by the body and render tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markdown_it import MarkdownIt

from articlex import Article
from articlex.model import BodyElement, BodyList

PARSER = MarkdownIt("commonmark").enable("table")


def inline_text(children: list[Any]) -> str:
    """The text of an inline token as a reader sees it (images give nothing, breaks a space)."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


_OPENS = {"heading_open": "heading", "list_item_open": "item", "th_open": "cell", "td_open": "cell"}
_CLOSES = frozenset(("heading_close", "list_item_close", "th_close", "td_close"))


class _Reader:
    """Reads markdown-it's token stream into what `markdown_tree` returns."""

    def __init__(self) -> None:
        self.tree: dict[str, list[Any]] = {
            "headings": [], "items": [], "cells": [], "links": [], "paragraphs": [], "code": [],
        }  # fmt: skip
        self.lists: list[bool] = []
        self.context: list[tuple[str, Any]] = []

    def token(self, token: Any) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind in _OPENS:
            self.open(_OPENS[kind], token)
        elif kind == "paragraph_open" and not self.in_item():
            self.context.append(("paragraph", None))
        elif kind in _CLOSES or (kind == "paragraph_close" and self.context and self.context[-1][0] == "paragraph"):
            self.context.pop()
        elif kind in ("fence", "code_block"):
            self.tree["code"].append((token.info, token.content))
        elif kind == "inline":
            self.inline(token.children or [])

    def in_item(self) -> bool:
        return bool(self.context) and self.context[-1][0] == "item"

    def open(self, where: str, token: Any) -> None:
        detail: Any = None
        if where == "heading":
            detail = int(token.tag[1])
        elif where == "item":
            # Counted where it opens: an item holding only a nested list has no text of its own.
            detail = len(self.tree["items"])
            self.tree["items"].append((len(self.lists), self.lists[-1], ""))
        elif where == "cell":
            detail = token.type == "th_open"
        self.context.append((where, detail))

    def inline(self, children: list[Any]) -> None:
        _links(children, self.tree["links"])
        text = inline_text(children)
        where, detail = self.context[-1] if self.context else ("", None)
        if where == "item":
            depth, ordered, before = self.tree["items"][detail]
            self.tree["items"][detail] = (depth, ordered, f"{before} {text}".strip())
        elif where:
            self.tree[{"heading": "headings", "cell": "cells", "paragraph": "paragraphs"}[where]].append(
                text if where == "paragraph" else (detail, text)
            )


def markdown_tree(markdown: str) -> dict[str, list[Any]]:
    """What a Markdown text holds: headings (level, text), list items (depth, ordered, text), table cells
    (header or not, text), links (text, href), paragraphs' texts and code blocks (info, text)."""
    reader = _Reader()
    for token in PARSER.parse(markdown):
        reader.token(token)
    return reader.tree


def _links(children: list[Any], found: list[tuple[str, str]]) -> None:
    href: str | None = None
    text: list[str] = []
    for child in children:
        if child.type == "link_open":
            href, text = str(child.attrs.get("href", "")), []
        elif child.type == "link_close" and href is not None:
            found.append(("".join(text), href))
            href = None
        elif href is not None and child.type in ("text", "code_inline"):
            text.append(child.content)


def list_items(element: BodyList, depth: int = 1) -> Iterator[tuple[int, bool, str]]:
    """(depth, ordered, text) of every item of a list, nested ones after their item."""
    for item in element.items:
        yield depth, element.ordered, item.text
        for inner in item.lists:
            yield from list_items(inner, depth + 1)


def body_tree(article: Article) -> dict[str, list[Any]]:
    """What the typed body holds, in the shape of `markdown_tree` (headings, items, cells)."""
    tree: dict[str, list[Any]] = {"headings": [], "items": [], "cells": []}
    for element in article.body:
        if element.type == "heading":
            tree["headings"].append((element.level, element.text))
        elif element.type == "list":
            tree["items"] += list(list_items(element))
        elif element.type == "table":
            rows = [row for row in element.rows if row.cells]
            for number, row in enumerate(rows):
                tree["cells"] += [(number == 0, cell.text) for cell in row.cells]
    return tree


def element_blocks(element: BodyElement) -> list[int]:
    """Every block index an element names, its items' and cells' included."""
    blocks = list(element.blocks)
    if element.type == "list":
        stack = list(element.items)
        while stack:
            item = stack.pop()
            blocks += item.blocks
            stack += [inner_item for inner in item.lists for inner_item in inner.items]
    elif element.type == "table":
        blocks += [index for row in element.rows for cell in row.cells for index in cell.blocks]
    return blocks

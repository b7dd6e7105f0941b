"""Lists judged as a whole: a linked item of a list that is text is part of that list.

The rules judge each block on its own, so an item that is mostly a link ("Bug 4711 – Fix the
crash on start", a linked question in a checklist) is `link_dense` even where the other items of
its list are sentences: the list is the article's, and a reader sees one list with a hole in it.
The same goes for a list nested in an item of text ("In progress:" over the linked tickets): it
details that item. A list of other stories or a menu inside the article holds no text items, and
stays out. An item that shows a web address as its text (a list of sources) is a reference the
article gives, never a menu's or a teaser's link; and a list whose links all lead into the page
itself (`href="#…"`) is the article's table of contents, not a way to other pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from articlex.model import BlockKind, Label, Reason
from articlex.stages import Block, Container, Decision

LIST_TAGS = frozenset(("ul", "ol"))
TEXT_ITEMS_MIN_SHARE = 0.5
"""A list is text when at least this share of its items judged inside the article are content, not links."""
CONTENTS_MIN_ITEMS = 2
"""A table of contents lists two sections at least: one link into the page alone is a 'back to top'."""
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


@dataclass(slots=True)
class _Lists:
    """What the blocks below the main element show of its lists, per outermost list."""

    linked: dict[int, list[int]] = field(default_factory=dict)
    """The positions (in the decisions) of each list's link-dense items."""
    text_items: dict[int, int] = field(default_factory=dict)
    """How many of each list's items are content."""
    items_with_text: set[int] = field(default_factory=set)
    """The list items (`li`) that hold a content block of their own, outside the lists nested in them."""


def keep_whole_lists(decisions: list[Decision], containers: Sequence[Container], main: int) -> None:
    """Turn into content, in place, the link-dense items below `main` that belong to the article's lists."""
    link_dense, list_item = Reason.LINK_DENSE, BlockKind.LIST_ITEM
    if not any(decision.reason is link_dense and decision.block.kind is list_item for decision in decisions):
        return  # most pages: nothing to reconsider
    lists = _survey(decisions, containers, main)
    for outer, positions in lists.linked.items():
        texts = lists.text_items.get(outer, 0)
        whole = texts > 0 and texts >= TEXT_ITEMS_MIN_SHARE * (texts + len(positions))
        contents = len(positions) >= CONTENTS_MIN_ITEMS and all(_into_page(decisions[p].block) for p in positions)
        for position in positions:
            block = decisions[position].block
            if whole or (texts > 0 and _in_item_with_text(block.ancestors, containers, lists.items_with_text)):
                _keep(decisions, position, "a linked item of a list of text")
            elif _ADDRESS.fullmatch(block.text):
                _keep(decisions, position, "a web address in a list")
            elif contents:
                _keep(decisions, position, "an item of a table of contents")


def _survey(decisions: Sequence[Decision], containers: Sequence[Container], main: int) -> _Lists:
    """The link-dense and the text items of each list below `main`, and the items holding text."""
    lists = _Lists()
    for position, decision in enumerate(decisions):
        ancestors = decision.block.ancestors
        if main not in ancestors:
            continue
        below = ancestors[ancestors.index(main) + 1 :]
        outer = next((container for container in below if containers[container].tag in LIST_TAGS), -1)
        if outer < 0:
            continue
        if decision.label is Label.CONTENT:
            lists.items_with_text.add(_innermost_item(ancestors, containers))
            if decision.block.kind is BlockKind.LIST_ITEM:
                lists.text_items[outer] = lists.text_items.get(outer, 0) + 1
        elif _linked_item(decision):
            lists.linked.setdefault(outer, []).append(position)
    return lists


def _linked_item(decision: Decision) -> bool:
    return decision.reason is Reason.LINK_DENSE and decision.block.kind is BlockKind.LIST_ITEM


def link_targets(block: Block) -> list[str]:
    """Where each link of the block leads (its `href`, '' for a link without one), in order."""
    return [target for kind, target, _, _ in block.spans if kind == "link"]


def _into_page(block: Block) -> bool:
    """True when every link of the block leads to a place in the page itself (`#section`)."""
    targets = link_targets(block)
    return bool(targets) and all(target.startswith("#") and len(target) > 1 for target in targets)


def _keep(decisions: list[Decision], position: int, why: str) -> None:
    block = decisions[position].block
    detail = f"{why} (link density {block.link_density:.2f})"
    decisions[position] = Decision(block, Label.CONTENT, Reason.BODY_LIST, detail)


def _innermost_item(ancestors: tuple[int, ...], containers: Sequence[Container]) -> int:
    """The innermost list item (`li`) holding the block, or -1."""
    return next((container for container in reversed(ancestors) if containers[container].tag == "li"), -1)


def _in_item_with_text(ancestors: tuple[int, ...], containers: Sequence[Container], items_with_text: set[int]) -> bool:
    """True when the block's innermost list is nested in a list item holding text of its own."""
    lists = [position for position, container in enumerate(ancestors) if containers[container].tag in LIST_TAGS]
    if len(lists) < 2:
        return False
    return any(ancestors[position] in items_with_text for position in range(lists[-2] + 1, lists[-1]))

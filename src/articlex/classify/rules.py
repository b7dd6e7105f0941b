"""The rules that judge a block inside the main content. One small function per decision.

Each rule reads a block and its `Features` and returns a verdict `(label, reason, detail)`.
Outside the main content everything is boilerplate; inside it, a block is content unless
one of these rules says what else it is.
"""

from __future__ import annotations

from articlex.classify.features import PROSE_MIN_WORDS, Features
from articlex.model import BlockKind, Label, Reason
from articlex.stages import Block

Verdict = tuple[Label, Reason, str]

MENU_LINE_MIN_PARTS = 4
"""A text line cut by '|' into this many parts or more is a menu copied as one line…"""
MENU_PART_MAX_WORDS = 5
"""…when every part is a link's few words."""
LINK_DENSE = 0.5
"""A block inside the article whose text is more than half links is a link list or a 'related' box."""
LINK_DENSE_MAX_WORDS = 40
"""…unless it is long: a long paragraph with many links is still a paragraph…"""
ROUND_UP_MAX_DENSITY = 0.8
"""…or a list item or paragraph that is a sentence with links over part of it (a round-up's item), not all of it."""

_FAMILY_REASONS = {**{reason.value: reason for reason in Reason}, "print": Reason.SHARE}
_CONTENT_REASONS = {
    BlockKind.HEADING: Reason.BODY_HEADING,
    BlockKind.LIST_ITEM: Reason.BODY_LIST,
    BlockKind.TABLE_CELL: Reason.BODY_TABLE,
    BlockKind.QUOTE: Reason.BODY_QUOTE,
}


SENTENCE_KINDS = frozenset({BlockKind.LIST_ITEM, BlockKind.PARAGRAPH})
"""Blocks that, written as a sentence with links over part of it, are text: a round-up's item, a post's paragraph."""


def family_reason(family: str) -> Reason:
    """The reason code for a hint or phrase family ('share' → SHARE); unknown families are widgets."""
    return _FAMILY_REASONS.get(family, Reason.WIDGET)


def judge_inside(block: Block, features: Features, family: str | None) -> Verdict:
    """Judge an HTML block inside the main container; `family` is a believable hint below that container."""
    if family is not None:
        return Label.BOILERPLATE, family_reason(family), f"inside an element marked '{family}'"
    return _judge_text(block, features)


def judge_line_inside(block: Block, features: Features) -> Verdict:
    """Judge a plain-text line inside the main run of prose."""
    if features.bullet and not features.is_prose:
        return Label.BOILERPLATE, Reason.LIST_OF_LINKS, "a bulleted short line"
    if _menu_line(block.text):
        return Label.BOILERPLATE, Reason.LIST_OF_LINKS, "a menu copied as one line ('A | B | C | D')"
    return _judge_text(block, features)


def _menu_line(text: str) -> bool:
    """A line of `MENU_LINE_MIN_PARTS` short parts or more between '|': a menu's links ('Home | About | Contact').

    A part holding a label and its value ('Prep Time: 2 Hours | Servings: 12') makes it a list of facts instead.
    """
    parts = [part.strip(" []") for part in text.split("|")]
    named = [part for part in parts if part]
    if len(parts) < MENU_LINE_MIN_PARTS or len(named) < MENU_LINE_MIN_PARTS - 1:
        return False
    return all(len(part.split()) <= MENU_PART_MAX_WORDS and ":" not in part for part in named)


def _linked_sentence(block: Block, features: Features) -> bool:
    """A list item or paragraph that is a sentence with links over part of it: a round-up's item, a linking post."""
    sentence = features.punctuated and features.words >= PROSE_MIN_WORDS
    return block.kind in SENTENCE_KINDS and sentence and features.link_density <= ROUND_UP_MAX_DENSITY


def _run_of_links(features: Features) -> bool:
    """A long block that is links from end to end with no clause between them: a wiki's box of links to the series."""
    return features.link_density > ROUND_UP_MAX_DENSITY and not features.punctuated


def _judge_text(block: Block, features: Features) -> Verdict:
    if features.phrase_family is not None:
        reason = family_reason(features.phrase_family)
        return Label.BOILERPLATE, reason, f"reads like a '{features.phrase_family}' label"
    link_dense = features.link_density > LINK_DENSE and (
        features.words < LINK_DENSE_MAX_WORDS or _run_of_links(features)
    )
    if link_dense and not _linked_sentence(block, features):
        return Label.BOILERPLATE, Reason.LINK_DENSE, f"link density {features.link_density:.2f}"
    if block.kind is BlockKind.CAPTION:
        return Label.BOILERPLATE, Reason.CAPTION, "an image or table caption"
    if features.date_only:
        return Label.BOILERPLATE, Reason.DATE_ONLY, "a bare date"
    if features.is_prose:
        return Label.CONTENT, Reason.MAIN_TEXT, f"{features.words} words of prose"
    reason = _CONTENT_REASONS.get(block.kind, Reason.SHORT_IN_MAIN_TEXT)
    return Label.CONTENT, reason, f"{features.words} words within the main text"

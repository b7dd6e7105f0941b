"""The body: the content blocks, after the field finders took the headline and credit lines out.

Table cells of one row are joined into one paragraph, so a table inside the article reads as
rows. Content above the visible headline (kickers, teasers) and blocks that repeat the
headline are not body.
"""

from __future__ import annotations

from collections.abc import Sequence

from articlex.model import BlockKind, Label, Reason
from articlex.stages import Block, Container, Decision, Fields
from articlex.textnorm import comparable, longest_folding_to

TABLE_CELL_SEPARATOR = " | "


def final_decisions(decisions: Sequence[Decision], fields: Fields) -> tuple[Decision, ...]:
    """The classifier's decisions, with the finders' claims and the headline rules applied."""
    headline_block = fields.headline.block if fields.headline is not None else None
    headline_text = comparable(fields.headline.value) if fields.headline is not None else None
    content_after_headline = headline_block is not None and any(
        d.label is Label.CONTENT and d.block.index > headline_block for d in decisions
    )
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
    return tuple(final)


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

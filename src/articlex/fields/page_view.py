"""What every field finder reads: the page, its metadata, the classifier's verdicts, and where the article starts.

The finders look for credits and dates *near the headline*: a few blocks above it down to a
few blocks into the body (`FieldPage.zone`). A block there that sits in an element named
like a comment thread, a list of other stories, a ticker or a sidebar belongs to something
else (`FieldPage.elsewhere`) — unless that element also holds the headline or the body: then
its name describes the whole article ('node-promoted', 'has-comments'), not a part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from articlex.classify import Decision
from articlex.html.metadata import Metadata
from articlex.model import Label, Reason
from articlex.options import Options
from articlex.stages import Block, SplitPage

ZONE_BEFORE = 8
"""Credits and dates are looked for from this many blocks above the headline…"""
ZONE_AFTER_BODY_START = 6
"""…down to this many blocks into the body…"""
ZONE_MAX_BLOCKS = 40
"""…and never over more blocks than this (a long teaser list between headline and body)."""
FOREIGN_FAMILIES = frozenset(
    {"comments", "related", "ticker", "navigation", "widget", "advertisement", "newsletter", "form", "author_bio"}
)
"""Hint families of elements whose names, dates and credits belong to something other than the article."""
FOREIGN_REASONS = frozenset(
    {
        Reason.COMMENTS, Reason.RELATED, Reason.TICKER, Reason.NAVIGATION, Reason.WIDGET, Reason.ADVERTISEMENT,
        Reason.NEWSLETTER, Reason.FORM, Reason.AUTHOR_BIO, Reason.LIST_OF_LINKS,
    }
)  # fmt: skip
"""The classifier's reasons for the same places."""
AUTHOR_BIO = "author_bio"
"""An author box between the headline and the body is the byline ('author-box'); after the body it is a biography."""
ASIDE_FAMILIES = frozenset({"caption", "sidebar"})
ASIDE_REASONS = frozenset({Reason.CAPTION, Reason.SIDEBAR})
"""A caption's or an aside's credit is someone else's (the photographer's, another story's); a date
there, near the headline, is the article's (a fact box beside it)."""
META_INFO = "meta_info"


@dataclass(frozen=True, slots=True)
class Claim:
    """A block the field finders recognised, and what it is."""

    label: Label
    reason: Reason
    detail: str


@dataclass(slots=True)
class FieldPage:
    """The page as the finders see it; finders record the blocks they claim in `claims`."""

    split: SplitPage
    meta: Metadata
    decisions: Sequence[Decision]
    url: str | None
    options: Options
    claims: dict[int, Claim] = field(default_factory=dict)
    headline_block: int | None = None
    anchor: int | None = None
    """Where the article starts: the headline block, else the first block of the body (`settle`)."""
    body_start: int | None = None
    """The first content block after the anchor (`settle`)."""
    month_first: bool = False
    _shared: frozenset[int] = frozenset()
    _disbelieved: frozenset[str] = frozenset()

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block of the page, in page order."""
        return self.split.blocks

    def settle(self, headline_block: int | None, *, month_first: bool) -> None:
        """Record where the headline is (the anchor of every search) and how numeric dates read."""
        self.headline_block = headline_block
        content = self.content()
        self.anchor = headline_block if headline_block is not None else (content[0].index if content else None)
        anchor = self.anchor
        self.body_start = (
            next((d.block.index for d in self.decisions[anchor + 1 :] if d.label is Label.CONTENT), anchor)
            if anchor is not None
            else None
        )
        shared = set(self.blocks[self.anchor].ancestors) if self.anchor is not None else set()
        for block in content:  # elements that wrap the body are the article's, whatever their names say
            shared.update(block.ancestors)
        self._shared = frozenset(shared)
        wrapping = set().union(*(self.split.containers[c].families for c in shared)) if shared else set()
        self._disbelieved = frozenset(wrapping - {META_INFO})
        self.month_first = month_first

    def content(self) -> list[Block]:
        """The blocks judged content and not claimed by a finder, in page order."""
        return [d.block for d in self.decisions if d.label is Label.CONTENT and d.block.index not in self.claims]

    def zone(self, before: int = ZONE_BEFORE, after: int = ZONE_AFTER_BODY_START) -> range:
        """Blocks from `before` above the anchor to `after` into the body; empty without an anchor."""
        if self.anchor is None:
            return range(0)
        start = max(0, self.anchor - before)
        body_start = self.body_start if self.body_start is not None else self.anchor
        end = min(body_start + after + 1, start + ZONE_MAX_BLOCKS, len(self.blocks))
        return range(start, end)

    def families(self, block: Block) -> frozenset[str]:
        """The hint families of the elements around the block that do not also hold the headline or body.

        An element named for meta information and something else ('comments-date', 'byline
        share') is meta information: its other name says what it is about, not what it is. A
        family that also names an element holding the headline or body is a site-wide
        convention ('elementor-widget' on every box) and is not believed anywhere.
        """
        found: set[str] = set()
        for container in block.ancestors:
            if container not in self._shared:
                families = self.split.containers[container].families
                found |= {META_INFO} if META_INFO in families else families
        return frozenset(found - self._disbelieved)

    def in_header(self, block: Block) -> bool:
        """True for a block between the headline and the first block of the body."""
        return (
            self.headline_block is not None
            and self.body_start is not None
            and self.headline_block < block.index < self.body_start
        )

    def elsewhere(self, block: Block, *, asides: bool = True) -> bool:
        """True when the block sits in a comment, a related list, a ticker or the like.

        With `asides`, a caption or a sidebar counts as elsewhere too (for credits, not for dates).
        """
        reason = self.decisions[block.index].reason
        families = self.families(block)
        foreign = reason in FOREIGN_REASONS
        if self.in_header(block):
            families = families - {AUTHOR_BIO}
            foreign = foreign and reason is not Reason.AUTHOR_BIO
        if foreign or families & FOREIGN_FAMILIES:
            return True
        return asides and (reason in ASIDE_REASONS or bool(families & ASIDE_FAMILIES))

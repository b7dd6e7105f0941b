"""What every field finder reads: the page, its metadata, the classifier's verdicts, and where the article starts.

The finders look for credits and dates *near the headline*: a few blocks above it down to a
few blocks into the body (`PageView.zone`). A block there that sits in an element named
like a comment thread, a list of other stories, a ticker or a sidebar belongs to something
else (`PageView.elsewhere`) — unless that element also holds the headline or the body: then
its name describes the whole article ('node-promoted', 'has-comments'), not a part.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from articlex.hint_families import HintFamily
from articlex.html.metadata import Metadata
from articlex.model import Label, Reason
from articlex.options import Options
from articlex.stages import Block, Decision, SplitPage

ZONE_BEFORE = 8
"""Credits and dates are looked for from this many blocks above the headline…"""
ZONE_AFTER_BODY_START = 6
"""…down to this many blocks into the body…"""
ZONE_MAX_BLOCKS = 40
"""…and never over more blocks than this (a long teaser list between headline and body)."""
FOREIGN_FAMILIES = frozenset(
    {
        HintFamily.COMMENTS, HintFamily.RELATED, HintFamily.TICKER, HintFamily.NAVIGATION, HintFamily.WIDGET,
        HintFamily.ADVERTISEMENT, HintFamily.NEWSLETTER, HintFamily.FORM, HintFamily.AUTHOR_BIO, HintFamily.CONSENT,
    }
)  # fmt: skip
"""Hint families of elements whose names, dates and credits belong to something other than the article."""
FOREIGN_REASONS = frozenset(
    {
        Reason.COMMENTS, Reason.RELATED, Reason.TICKER, Reason.NAVIGATION, Reason.WIDGET, Reason.ADVERTISEMENT,
        Reason.NEWSLETTER, Reason.FORM, Reason.AUTHOR_BIO, Reason.LIST_OF_LINKS, Reason.CONSENT,
    }
)  # fmt: skip
"""The classifier's reasons for the same places."""
AUTHOR_BIO = HintFamily.AUTHOR_BIO
"""An author box between the headline and the body is the byline ('author-box'); after the body it is a biography."""
ASIDE_FAMILIES = frozenset({HintFamily.CAPTION, HintFamily.SIDEBAR})
ASIDE_REASONS = frozenset({Reason.CAPTION, Reason.SIDEBAR})
"""A caption's or an aside's credit is someone else's (the photographer's, another story's); a date
there, near the headline, is the article's (a fact box beside it)."""
META_INFO = HintFamily.META_INFO


@dataclass(frozen=True, slots=True)
class PageView:
    """The page as the finders see it: immutable, built once the headline is known (`view_page`).

    `claimed` holds the blocks earlier finders took (the headline, credit and date lines):
    they are not the article's content. A finder that claims blocks returns them; `find_fields`
    hands the next finder a view with them added (`claiming`). The anchor, the body's start and
    the elements shared with the article are fixed when the view is built, from the headline's
    claim alone, and do not move as later finders claim more.
    """

    split: SplitPage
    meta: Metadata
    decisions: Sequence[Decision]
    url: str | None
    options: Options
    claimed: frozenset[int] = frozenset()
    headline_block: int | None = None
    anchor: int | None = None
    """Where the article starts: the headline block, else the first block of the body."""
    body_start: int | None = None
    """The first content block after the anchor."""
    month_first: bool = False
    """How the page writes numeric dates ('3/4/2024' is March 4th)."""
    shared: frozenset[int] = frozenset()
    """Containers that hold the headline or the body: their names describe the whole article."""
    disbelieved: frozenset[HintFamily] = frozenset()
    """Families named by those containers: a site-wide convention, not believed anywhere."""

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block of the page, in page order."""
        return self.split.blocks

    def claiming(self, claims: Iterable[int]) -> PageView:
        """The same view with more blocks claimed (the anchor and the body's start stay where they are)."""
        return replace(self, claimed=self.claimed | frozenset(claims))

    def content(self) -> list[Block]:
        """The blocks judged content and not claimed by a finder, in page order."""
        return [d.block for d in self.decisions if d.label is Label.CONTENT and d.block.index not in self.claimed]

    def zone(self, before: int = ZONE_BEFORE, after: int = ZONE_AFTER_BODY_START) -> range:
        """Blocks from `before` above the anchor to `after` into the body; empty without an anchor."""
        if self.anchor is None:
            return range(0)
        start = max(0, self.anchor - before)
        body_start = self.body_start if self.body_start is not None else self.anchor
        end = min(body_start + after + 1, start + ZONE_MAX_BLOCKS, len(self.blocks))
        return range(start, end)

    def families(self, block: Block) -> frozenset[HintFamily]:
        """The hint families of the elements around the block that do not also hold the headline or body.

        An element named for meta information and something else ('comments-date', 'byline
        share') is meta information: its other name says what it is about, not what it is. A
        family that also names an element holding the headline or body is a site-wide
        convention ('elementor-widget' on every box) and is not believed anywhere.
        """
        found: set[HintFamily] = set()
        for container in block.ancestors:
            if container not in self.shared:
                families = self.split.containers[container].families
                found |= {META_INFO} if META_INFO in families else families
        return frozenset(found - self.disbelieved)

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


def view_page(  # noqa: PLR0913 - the stage values a finder reads, and the two facts found first
    split: SplitPage,
    meta: Metadata,
    decisions: Sequence[Decision],
    url: str | None,
    options: Options,
    *,
    headline_block: int | None = None,
    month_first: bool = False,
) -> PageView:
    """The view the finders read, anchored at the headline (else at the body's first block)."""
    bare = PageView(split, meta, decisions, url, options)
    if headline_block is None:
        content = bare.content()
        anchor = content[0].index if content else None
    else:
        content = bare.claiming((headline_block,)).content()
        anchor = headline_block
    body_start = (
        next((d.block.index for d in decisions[anchor + 1 :] if d.label is Label.CONTENT), anchor)
        if anchor is not None
        else None
    )
    shared = set(split.blocks[anchor].ancestors) if anchor is not None else set()
    for block in content:  # elements that wrap the body are the article's, whatever their names say
        shared.update(block.ancestors)
    wrapping: set[HintFamily] = set().union(*(split.containers[c].families for c in shared)) if shared else set()
    return replace(
        bare,
        claimed=frozenset(() if headline_block is None else (headline_block,)),
        headline_block=headline_block,
        anchor=anchor,
        body_start=body_start,
        month_first=month_first,
        shared=frozenset(shared),
        disbelieved=frozenset(wrapping - {HintFamily.META_INFO}),
    )

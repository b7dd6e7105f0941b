"""Readers' comments under the article, read from the blocks the classifier left out as boilerplate.

The classifier already drops a comment section: its blocks sit in an element whose class, id or
role names comments (`HintFamily.COMMENTS`: `#comments`, `.comment-list`, `.replies`, …). This
module only regroups those blocks into comments; it never reads a content, headline or credit
block, so the body is the same whether comments are asked for or not.

A comment shows when it was posted: its *stamp* (a short block with a `<time datetime>`, a date
element or a written date). The comment is the innermost element around a stamp that also holds
some of the comment's text: the `<li>` or `<article>` of a WordPress comment list, a forum's
post box. Each block of the section belongs to the innermost comment around it, so a reply nested
inside its parent's element is a comment of its own. In a section without stamps, each `<li>` or
`<article>` is a comment. Of a comment's blocks, one named for its author (`.comment-author`,
`.username`, an `itemprop=author` element) gives the author, the stamp the date, the short links
and buttons ("Reply", "Report") are left out, and the rest is the text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from articlex.classify.features import phrase_family
from articlex.date_text import DayOrTime, find_visible_date, numeric_order, parse_machine_date, visible_dates
from articlex.fields.page_view import PageView
from articlex.hint_families import HintFamily
from articlex.html.hints import name_words
from articlex.html.metadata import JsonLdComment
from articlex.model import Comment, Label
from articlex.stages import Block, Container, Decision
from articlex.textnorm import collapse
from articlex.vocabulary import comment_vocabulary

STAMP_MAX_CHARS = 100
"""A comment's date line is short ('Oskar says: 3 May 2024 at 7:14 pm'); a date inside prose is no stamp."""
ACTION_MAX_CHARS = 40
"""A block of links this short is a button row under a comment ('Reply', 'Report · Share'), not its text."""
ACTION_LINK_SHARE = 0.9
"""…when (nearly) all of its text is link text."""
ELSEWHERE_FAMILIES = frozenset({HintFamily.SIDEBAR, HintFamily.WIDGET, HintFamily.NAVIGATION})
"""A comment list inside (or named) one of these is about other pages: 'Recent comments' in a sidebar."""
ITEM_TAGS = frozenset({"li", "article"})
"""The elements that hold one comment each in a section without dates."""
AUTHOR_MAX_CHARS = 60
"""A commenter's name, with a 'says:' after it, is short; a longer block is no name."""
AUTHOR_MAX_WORDS = 5
"""…and at most as many words as a person's name has ('Maria de la Luz Ramírez')."""
_EDGE_PUNCTUATION = " \t|·•-–—:,@#()[]"
_PIECE_SEPARATORS = re.compile(r"[|/·•,]|\s[-–—]\s")
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class _Section:
    """The blocks of a page's comment sections, each read once: which is a stamp, a name, text."""

    blocks: tuple[Block, ...]
    containers: Sequence[Container]
    dates: dict[int, DayOrTime]
    """The stamps' dates, by block index."""
    authors: dict[int, str]
    """The names in blocks that hold a commenter's name, by block index."""
    texts: frozenset[int]
    """The blocks that are what a commenter wrote."""

    @classmethod
    def read(
        cls, blocks: tuple[Block, ...], containers: Sequence[Container], month_first: bool, reference: dt.date | None
    ) -> _Section:
        dates = {
            block.index: date
            for block in blocks
            if (date := _stamp_date(block, month_first=month_first, reference=reference)) is not None
        }
        authors = {
            block.index: name
            for block in blocks
            if (name := _author_of(block, containers, stamp=block.index in dates, month_first=month_first))
        }
        texts = frozenset(
            block.index
            for block in blocks
            if block.index not in dates
            and block.index not in authors
            and not _is_action(block)
            and not _is_label(block)
        )
        return cls(blocks, containers, dates, authors, texts)


def find_comments(page: PageView, claims: Collection[int]) -> tuple[Comment, ...]:
    """The comments the page shows, in page order; else those its JSON-LD lists; () for plain text.

    `claims` are the blocks the field finders took (a credit line is never a comment's).
    """
    shown = _shown_comments(page, claims)
    return shown or tuple(_structured(comment, page.options.reference_date) for comment in page.meta.comments)


def _shown_comments(page: PageView, claims: Collection[int]) -> tuple[Comment, ...]:
    """The comments regrouped from the blocks of the page's comment sections."""
    containers = page.split.containers
    blocks = tuple(block for block in _comment_blocks(page.decisions, containers) if block.index not in claims)
    if not blocks:
        return ()
    # Numeric dates the comments' own dates leave open are read as the rest of the page writes them.
    shown_order = numeric_order(block.text for block in blocks if len(block.text) <= STAMP_MAX_CHARS)
    month_first = page.month_first if shown_order is None else shown_order
    section = _Section.read(blocks, containers, month_first, page.options.reference_date)
    items = _items_around_stamps(section) if section.dates else _tagged_items(section)
    members = _members(section, items)
    found = (_comment(own, section) for own in sorted(members.values(), key=lambda own: own[0].index))
    return tuple(comment for comment in found if comment is not None)


def _structured(comment: JsonLdComment, reference: dt.date | None) -> Comment:
    """A comment of the JSON-LD: no block shows it."""
    return Comment(
        author=comment.author or None,
        published=parse_machine_date(comment.published, reference) if comment.published else None,
        text=comment.text,
    )


def _comment_blocks(decisions: Sequence[Decision], containers: Sequence[Container]) -> tuple[Block, ...]:
    """Boilerplate blocks inside a comment section of the article, outside its reply form.

    A section in a sidebar, a widget or a menu ('Recent comments': names and other posts' titles)
    lists comments on other pages: it is left out.
    """
    if not any(HintFamily.COMMENTS in c.families for c in containers):
        return ()
    forms = {c.id for c in containers if HintFamily.FORM in c.families}

    def in_a_comment_section(block: Block) -> bool:
        for container in block.ancestors:
            families = containers[container].families
            if not ELSEWHERE_FAMILIES.isdisjoint(families):
                return False
            if HintFamily.COMMENTS in families:
                return forms.isdisjoint(block.ancestors)
        return False

    return tuple(
        decision.block
        for decision in decisions
        if decision.label is Label.BOILERPLATE and in_a_comment_section(decision.block)
    )


# ---- which element is a comment ------------------------------------------------------------


def _items_around_stamps(section: _Section) -> set[int]:
    """For each stamp, the innermost element inside the section that also holds some comment text."""
    holding_text = {c for block in section.blocks if block.index in section.texts for c in block.ancestors}
    items = set()
    for stamp in section.blocks:
        if stamp.index in section.dates:
            inside = _inside_section(stamp, section)
            item = next((c for c in reversed(inside) if c in holding_text), None)
            if item is not None:
                items.add(item)
    return items


def _tagged_items(section: _Section) -> set[int]:
    """Without dates: the innermost `<li>` or `<article>` around each block that is itself named a comment.

    An unnamed list inside a comment section is as often a menu ('Spam', 'Obscene') or a list of
    other stories as a thread: without a date to go by, only the element's own name is believed.
    """
    items = set()
    for block in section.blocks:
        inside = _inside_section(block, section)
        item = next((c for c in reversed(inside) if _named_item(section.containers[c])), None)
        if item is not None:
            items.add(item)
    return items


def _named_item(container: Container) -> bool:
    return container.tag in ITEM_TAGS and HintFamily.COMMENTS in container.families


def _inside_section(block: Block, section: _Section) -> tuple[int, ...]:
    """The block's enclosing elements from the outermost comment element in, outermost first."""
    for position, container in enumerate(block.ancestors):
        if HintFamily.COMMENTS in section.containers[container].families:
            return block.ancestors[position:]
    return ()


def _members(section: _Section, items: set[int]) -> dict[int, list[Block]]:
    """Each comment's own blocks: those whose innermost comment element it is."""
    members: dict[int, list[Block]] = {}
    for block in section.blocks:
        item = next((c for c in reversed(block.ancestors) if c in items), None)
        if item is not None:
            members.setdefault(item, []).append(block)
    return members


# ---- one comment ---------------------------------------------------------------------------


def _comment(own: Sequence[Block], section: _Section) -> Comment | None:
    texts = [block for block in own if block.index in section.texts]
    if not texts:
        return None
    stamp = next((block.index for block in own if block.index in section.dates), None)
    author = next((block.index for block in own if block.index in section.authors), None)
    used = {block.index for block in texts} | {index for index in (stamp, author) if index is not None}
    return Comment(
        author=section.authors[author] if author is not None else None,
        published=section.dates[stamp] if stamp is not None else None,
        text="\n\n".join(block.text for block in texts),
        blocks=tuple(sorted(used)),
    )


def _is_action(block: Block) -> bool:
    """A button or a row of links under a comment ('Reply', 'Report · Share'), not its text."""
    short_links = len(block.text) <= ACTION_MAX_CHARS and block.link_density >= ACTION_LINK_SHARE
    words = {word.strip(_EDGE_PUNCTUATION).casefold() for word in block.text.split()} - {""}
    return short_links or (bool(words) and words <= comment_vocabulary().actions)


def _is_label(block: Block) -> bool:
    """A short boilerplate label of the section ('No comments yet', 'Comments (3)'), not a comment."""
    return len(block.text) <= ACTION_MAX_CHARS and phrase_family(block.text) is not None


def _stamp_date(block: Block, *, month_first: bool, reference: dt.date | None) -> DayOrTime | None:
    """The date of a short block that shows one: its `<time datetime>`, a date element's value, or the text."""
    if len(block.text) > STAMP_MAX_CHARS:
        return None
    machine = [*block.datetimes, *(mark.value for mark in block.marks if mark.kind != "author" and mark.value)]
    for value in machine:
        parsed = parse_machine_date(value, reference)
        if parsed is not None:
            return parsed
    return find_visible_date(block.text, month_first=month_first, reference=reference)


def _author_of(block: Block, containers: Sequence[Container], *, stamp: bool, month_first: bool) -> str:
    """The commenter's name in a block that holds it, else ''.

    An author element's text (`itemprop=author`); else, in a block of an element named for the
    author ('comment-author') or a short block where a 'says' word follows the name ('16 Jul 2012
    / Mandy says:'), the last piece before the 'says' (or of the whole text) without digits.
    """
    marked = next((collapse(mark.text) for mark in block.marks if mark.kind == "author" and mark.text), "")
    if marked:
        return marked
    if len(block.text) > STAMP_MAX_CHARS:
        return ""
    named = bool(block.ancestors) and not comment_vocabulary().author_hints.isdisjoint(
        _tokens(containers[block.ancestors[-1]].label)
    )
    said = _says_pattern().search(block.text)
    if said is None and not named:
        return ""
    if said is not None and not (named or stamp or said.group("mark")):
        return ""  # 'what he said.' ends a comment; 'Tim said...' or 'Tim says:' names the commenter
    before = block.text[: said.start()] if said is not None else block.text
    return _name_piece(_without_dates(before, month_first=month_first))


def _without_dates(text: str, *, month_first: bool) -> str:
    """The text with each date written in it replaced by a separator."""
    for seen in reversed(visible_dates(text, month_first=month_first, reference=None, short_years=True)):
        text = f"{text[: seen.start]} | {text[seen.end :]}"
    return text


def _name_piece(text: str) -> str:
    """The last piece of a name line that holds letters, without clock times, numbers and joining words."""
    pieces = [piece for piece in _PIECE_SEPARATORS.split(_CLOCK.sub("|", text)) if _LETTER.search(piece)]
    if not pieces:
        return ""
    joins = comment_vocabulary().joins
    words = [word for word in pieces[-1].split() if _LETTER.search(word)]  # '#1' and '12.' number comments
    while words and words[-1].casefold() in joins:
        words.pop()
    while words and words[0].casefold() in joins:
        words.pop(0)
    name = " ".join(words).strip(_EDGE_PUNCTUATION)
    return name if len(words) <= AUTHOR_MAX_WORDS and len(name) <= AUTHOR_MAX_CHARS else ""


@functools.cache
def _says_pattern() -> re.Pattern[str]:
    """A 'says' word after the commenter's name, with its colon or dots ('Oskar says:', 'Tim said...')."""
    words = "|".join(re.escape(word) for word in comment_vocabulary().says)
    return re.compile(rf"\b(?:{words})\s*(?P<mark>:|\.\.\.|…)?\s*$", re.IGNORECASE)


def _tokens(label: str) -> set[str]:
    """The words of an element's path label ('div#post-12.comment-author' → div, post, 12, comment, author)."""
    return set(name_words(label))

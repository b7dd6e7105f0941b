"""The headline: the visible one when it can be found, reconciled with structured data.

Structured titles (JSON-LD, OpenGraph, `<title>`) often carry the site name or a teaser; the
visible headline is what readers see. So: a visible block that matches a structured title
wins; else the `<h1>` nearest the body; else the best structured title with the site name
cut off. Plain text has only lines: the headline is the title-shaped line nearest above the
body, with an image file name glued to its front removed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence

from articlex.classify.features import phrase_family
from articlex.date_text import label_role, visible_dates
from articlex.fields.names import prefix_end
from articlex.fields.site_titles import Site, raw_titles, structured_titles, title_parts
from articlex.html.metadata import Metadata
from articlex.model import BlockKind, Source
from articlex.stages import Block, Candidate
from articlex.textnorm import PROGRAM_TEXT, collapse, comparable, longest_folding_to, words
from articlex.vocabulary import byline_vocabulary

HEADLINE_MAX_WORDS = 40
HEADLINE_MAX_CHARS = 400
HEADLINE_MIN_WORDS = 2
LINE_HEADLINE_MAX_WORDS = 30
LINE_SEARCH_WINDOW = 15
"""In plain text, the headline is searched this many lines above the body's first line (bulleted lines not counted)…"""
LINE_SEARCH_MAX_LINES = 80
"""…and never further up than this many lines."""
KICKER_MAX_WORDS = 8
"""A kicker or label glued before or after the headline in its heading is short ('Hafenfest')."""
KICKER_HEADING_MAX_LEVEL = 2
OPENING_HEADING_WINDOW = 5
OPENING_HEADING_MAX_LEVEL = 3
"""Where every title is a label, the heading (h1–h3) at most this many blocks above the body's first
paragraph is the headline, unless more headings of its level follow in the body (a list of posts)."""
SECTION_LABEL_MAX_WORDS = 2
"""A title of one or two words ('Pressemitteilungen') names a section when another title is a sentence."""
_IMAGE_FILE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|avif|bmp|svg)\s+", re.IGNORECASE)
_LIST_MARK = re.compile(r"^[»•·▪►▸‣◦●■□▶>*+\-–—]\s|\s[•·|]\s.*\s[•·|]\s")
_TOKEN_OVERLAP_FOR_MATCH = 0.8
_CODE = re.compile(r"</?[a-zA-Z!][^<>]*>|[{}]|;\s*$|" + PROGRAM_TEXT.pattern)
"""Markup and program text in a plain-text copy ('<a href="#">', 'x = {', 'f() {', 'a => b', 'c = lib.Client(',
'open(mode='): never a title."""
LINE_SCORE_MAX_WORDS = 20
"""In text, a title-shaped line scores its word count up to this many (a long line is no better a headline)…"""
LINE_DISTANCE_COST = 0.3
"""…less this much per line between it and the body: of two title-shaped lines, the nearer one wins."""
DATED_TITLE_MIN_WORDS = 3
"""A line holding a date is a title when this many words stand beside the date…"""
DATED_TITLE_WORD_MIN_CHARS = 4
"""…each of at least this many letters ('on', 'at', 'by', 'Mon', 'EST' are a date line's)."""
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", re.IGNORECASE)
"""A clock time with its am/pm and zone ('4:02 pm', '11:04 PM EST', '9h30')."""
TRAIL_MIN_PARTS = 3
"""A line of at least this many parts between '›', '»', '>' or ' / ' is a breadcrumb trail…"""
TRAIL_END_BONUS = LINE_SCORE_MAX_WORDS
"""…and a title-shaped line repeating its last part is the page's title, wherever it stands in the window."""
_TRAIL_SEPARATOR = re.compile(r"(?<!\s)\s++[›»>/]\s++")
"""Spaces are taken whole from the start of their run only, so a split stays linear on long runs."""
TRAIL_ROOTS = ("home", "you are here", "startseite", "accueil", "inicio", "início")
"""The first link of a breadcrumb trail, in the languages of the dev corpora and their neighbours."""
OPENING_TITLE_MAX_WORDS = 20
"""The body's first line is taken for a title read as prose only when it has at most this many words."""
CREDITED_TITLE_BONUS = LINE_SCORE_MAX_WORDS / 2
"""In text, a title-shaped line with a byline or a date line just below it scores this much more…"""
CREDIT_REACH = 3
"""…when that credit is among the next this many lines."""
TOPIC_SHARE_BONUS = CREDITED_TITLE_BONUS
"""In text, a title-shaped line scores up to this much more by the share of its longer words that the story's
opening repeats (a title names what the story is about; a notice, a menu or another story's title does not)…"""
TOPIC_WORD_MIN_CHARS = 5
"""…of at least this many letters (articles, pronouns and the like are shorter)…"""
TOPIC_OPENING_LINES = 12
"""…in the body's first this many lines."""
_TWO_SENTENCES = re.compile(r"[a-z]{3}\.\s+[A-Z]")
"""A full stop after a word, then another sentence ('… by its audience. When you buy …'): no title has one
(an abbreviation's stop, 'U.S. Senate', 'Lt. Col. Vindman', 'vs. Rome', follows fewer lower-case letters)."""
_NAVIGATION_ARROW = re.compile(r"^[«‹←]|[»›→]$")
"""An arrow opening or closing a line: a link to the previous or next post, or on to more."""
_ADDRESS = re.compile(r"https?://|www\.", re.IGNORECASE)
_CREDIT_IN_BRACKETS = re.compile(r"^\(.*\)$|[.!?]\s*\([^()]*\)$")
"""A line all in brackets, or a sentence then a bracket, ends: a picture's credit ('(Jo Lind / Harbour Press)',
'The pier at dawn. (credit: Jo Lind)'), never a title."""
MATCH_MIN_SHARE = 0.75
"""A block shorter than this share of every structured title cannot be the visible headline."""
INSIDE_TITLE_MIN_SHARE = 0.6
"""A heading inside a title makes at least this share of its words (the rest: a site's name, a mark)."""


def clean_line(text: str) -> str:
    """A headline as a reader reads it: no image file name glued in front, spaces collapsed."""
    return collapse(_IMAGE_FILE.sub("", text))


def find_headline(  # noqa: PLR0913 - the page's blocks, metadata and what the classifier found
    blocks: Sequence[Block],
    meta: Metadata,
    body_anchor: int | None,
    site: Site,
    listed: Callable[[Block], bool],
    *,
    body: frozenset[int] = frozenset(),
) -> Candidate[str] | None:
    """The article's headline, from the visible blocks or the page's metadata.

    `body_anchor` is the index of the body's largest block: the headline is looked for above it.
    `listed` tells the items of navigation lists (a breadcrumb repeats the title): never headlines.
    `body` holds the indices of the blocks judged the article's content: an `<h1>` among them
    is the article's own, even when the page's titles say something else.
    """
    titles = structured_titles(meta, site)
    shown = [block for block in blocks if len(block.text) < HEADLINE_MAX_CHARS and not listed(block)]
    parts = title_parts(titles)
    headings = [b for b in shown if b.kind is BlockKind.HEADING]
    found = (
        _visible_match(shown, titles, body_anchor)
        or _heading_holding_title(shown, titles, body_anchor)
        # Parts of a title: one is the site's name, which many themes and forums set in the banner's <h1>
        # above each post's own title; the heading nearest the body is the post's, whatever its level.
        or _visible_match(headings, parts, body_anchor, rank=_placement)
        or _heading_inside_title(headings, titles, body_anchor)
    )
    if found is not None:
        return found
    heading = _nearest_heading(shown, body_anchor)
    if heading is not None and site.is_named_by(heading.text):
        heading = None
    if heading is not None and (not titles or heading.index in body or _overlaps_any(heading.text, titles)):
        return Candidate(clean_line(heading.text), Source.BLOCK, f"block {heading.index} (h1)", heading.index)
    opening = _opening_heading(shown, body) if _all_labels(titles) else None
    if opening is not None:
        evidence = f"block {opening.index} (opens the article)"
        return Candidate(clean_line(opening.text), Source.BLOCK, evidence, opening.index)
    if titles:
        return _fullest(titles)
    if heading is not None:
        return Candidate(clean_line(heading.text), Source.BLOCK, f"block {heading.index} (h1)", heading.index)
    return next(iter(raw_titles(meta)), None)  # only the site's name: better than nothing


def _all_labels(titles: Sequence[Candidate[str]]) -> bool:
    """True when every structured title is a label of one or two words ('Blog', 'Home', 'Geschichte')."""
    return bool(titles) and all(len(words(title.value)) <= SECTION_LABEL_MAX_WORDS for title in titles)


def _opening_heading(blocks: Sequence[Block], body: frozenset[int]) -> Block | None:
    """The heading nearest above the body's first paragraph: a blog post's title in an `<h2>`."""
    paragraphs = [block.index for block in blocks if block.index in body and block.kind is not BlockKind.HEADING]
    if not paragraphs:
        return None
    first = min(paragraphs)
    for block in reversed(blocks):
        if block.index > first:
            continue
        if block.index < first - OPENING_HEADING_WINDOW:
            break
        if block.kind is BlockKind.HEADING and block.level <= OPENING_HEADING_MAX_LEVEL:
            fits = HEADLINE_MIN_WORDS <= len(words(block.text)) <= HEADLINE_MAX_WORDS
            return block if fits and not _more_of_its_level(blocks, block, body) else None
    return None


def _more_of_its_level(blocks: Sequence[Block], heading: Block, body: frozenset[int]) -> bool:
    """True when another heading of the same level stands among the body's blocks: the page lists posts."""
    last = max(body)
    return any(
        heading.index < block.index < last and block.kind is BlockKind.HEADING and block.level == heading.level
        for block in blocks
    )


def _fullest(titles: Sequence[Candidate[str]]) -> Candidate[str]:
    """The most trusted title, unless it is a label ('Pressemitteilungen') and another is a sentence."""
    first = titles[0]
    if len(words(first.value)) <= SECTION_LABEL_MAX_WORDS:
        longer = next((t for t in titles[1:] if len(words(t.value)) > 2 * SECTION_LABEL_MAX_WORDS), None)
        if longer is not None:
            return longer
    return first


def _heading_holding_title(
    blocks: Sequence[Block], titles: Sequence[Candidate[str]], body_anchor: int | None
) -> Candidate[str] | None:
    """A heading that is a structured title with a kicker or a label glued to it ('Hafenfest Anton Weiler-…')."""
    found = []
    for block in blocks:
        if block.kind is not BlockKind.HEADING or block.level > KICKER_HEADING_MAX_LEVEL:
            continue
        text = comparable(clean_line(block.text))
        for title in titles:
            wanted = comparable(title.value)
            if len(words(wanted)) <= HEADLINE_MIN_WORDS or len(text) <= len(wanted):
                continue
            if text.endswith(wanted) or text.startswith(wanted):
                # The kicker's words, counted apart: glued without a space ('EXCLUSIVEHarbour …') it adds no word.
                extra = text[: -len(wanted)] if text.endswith(wanted) else text[len(wanted) :]
                if 0 < len(words(extra)) <= KICKER_MAX_WORDS:
                    found.append((block, title))
                    break
    if not found:
        return None
    block, title = max(found, key=lambda match: _rank(match[0], body_anchor))
    return Candidate(title.value, Source.BLOCK, f"block {block.index} (holds {title.evidence})", block.index)


def _heading_inside_title(
    headings: Sequence[Block], titles: Sequence[Candidate[str]], body_anchor: int | None
) -> Candidate[str] | None:
    """A heading the title holds with a site's name or a mark around it ('» Post title :blogname').

    Titles join a site's name in ways no separator list foresees; a heading of several words that makes
    most of a title, the rest at its ends, is the headline that title names. A title that opens with an
    `<h1>` of several words is that `<h1>` and its deck ('Headline, its deck - Site' over `<h1>` and `<h2>`).
    """
    keyed = [(title, comparable(title.value)) for title in titles]
    found = []
    for block in headings:
        text = comparable(clean_line(block.text))
        if len(words(text)) <= HEADLINE_MIN_WORDS:
            continue
        if block.level == 1 and any(key.startswith(text) for _, key in keyed):
            return None
        if block.level <= OPENING_HEADING_MAX_LEVEL:
            title = _title_holding(text, keyed)
            if title is not None:
                found.append((block, title))
    if not found:
        return None
    block, title = max(found, key=lambda match: _placement(match[0], body_anchor))
    evidence = f"block {block.index} (most of {title.evidence})"
    return Candidate(clean_line(block.text), Source.BLOCK, evidence, block.index)


def _title_holding(text: str, keyed: Sequence[tuple[Candidate[str], str]]) -> Candidate[str] | None:
    """The first title holding `text` (a match key) with little else: most of its words are the text's."""
    for title, key in keyed:
        if text != key and text in key and len(words(text)) >= INSIDE_TITLE_MIN_SHARE * len(words(key)):
            return title
    return None


def _rank(block: Block, body_anchor: int | None) -> tuple[bool, bool, bool, int]:
    """Sort key for headline blocks: an h1, then by `_placement`."""
    return (block.kind is BlockKind.HEADING and block.level == 1, *_placement(block, body_anchor))


def _placement(block: Block, body_anchor: int | None) -> tuple[bool, bool, int]:
    """Sort key for headline blocks whatever their level: a heading, above the body, and nearest to it."""
    above = body_anchor is None or block.index <= body_anchor
    distance = abs(body_anchor - block.index) if body_anchor is not None else block.index
    return (block.kind is BlockKind.HEADING, above, -distance)


def find_line_headline(blocks: Sequence[Block], body_start: int | None) -> Candidate[str] | None:
    """In plain text: the title-shaped line nearest above the body.

    Bulleted lines (a list of other stories between headline and body) are passed over: they
    neither count towards the search window nor push the headline further away.
    """
    if body_start is None:
        return None
    searched = blocks[max(0, body_start - LINE_SEARCH_MAX_LINES) : body_start]
    trail_ends = {comparable(end) for end in map(_trail_end, searched) if end}
    # Lines that open like a breadcrumb trail copied without its separators ('HomeLatest News…'), cleaned once.
    crumbs = [
        line for line in (clean_line(block.text) for block in searched) if line.casefold().startswith(TRAIL_ROOTS)
    ]
    opening = _topic_words(blocks[body_start : body_start + TOPIC_OPENING_LINES])
    candidates = []
    for block, text, distance in _title_shaped_lines(searched):
        own = _topic_words([block])
        candidates.append((block, text, distance, len(own & opening) / len(own) if own else 0.0))
    # Standing over a byline counts for a line the story's opening echoes, when the opening echoes any.
    echoed = any(share for *_, share in candidates)
    best: tuple[float, Block] | None = None
    for block, text, distance, share in candidates:
        score = min(len(words(text)), LINE_SCORE_MAX_WORDS) - LINE_DISTANCE_COST * distance
        score += TOPIC_SHARE_BONUS * share
        score += _placement_bonus(block, text, searched, trail_ends, crumbs, on_topic=bool(share) or not echoed)
        if best is None or score > best[0]:
            best = (score, block)
    if best is None:
        following = blocks[body_start + 1] if body_start + 1 < len(blocks) else None
        return _opening_title(blocks[body_start], following)
    block = best[1]
    return Candidate(clean_line(block.text), Source.BLOCK, f"block {block.index} (title-shaped line)", block.index)


def _title_shaped_lines(searched: Sequence[Block]) -> Iterator[tuple[Block, str, int]]:
    """The title-shaped lines of the window above the body, nearest first: (block, cleaned text, distance in lines)."""
    distance = 0
    for block in reversed(searched):
        text = clean_line(block.text)
        if _LIST_MARK.search(text):
            continue
        distance += 1
        if distance > LINE_SEARCH_WINDOW:
            return
        if HEADLINE_MIN_WORDS < len(words(text)) <= LINE_HEADLINE_MAX_WORDS and _title_shaped(text):
            yield block, text, distance


def _topic_words(blocks: Sequence[Block]) -> set[str]:
    """The longer words of some lines, case aside: what a title and the story's opening share."""
    return {word.casefold() for block in blocks for word in words(block.text) if len(word) >= TOPIC_WORD_MIN_CHARS}


def _placement_bonus(  # noqa: PLR0913 - the line, the lines around it, and whether the story echoes it
    block: Block, text: str, searched: Sequence[Block], trail_ends: set[str], crumbs: Sequence[str], *, on_topic: bool
) -> float:
    """What a title-shaped line gains from where it stands: over its byline, at the end of a breadcrumb trail.

    Standing over a byline or a date line counts only `on_topic`: for a line the story's opening echoes,
    when it echoes any. A share bar's or a newsletter box's label ('Share it with friends', 'Newsletter sign
    up') stands between many a headline and its byline, and shares no word with the story; where no line
    shares one (a headline made of a pun), the byline's place is all there is. A trail's end repeats the
    page's title, which is evidence enough.
    """
    bonus = 0.0
    if on_topic and _credited_below(searched, block):
        bonus += CREDITED_TITLE_BONUS  # the line a byline or a date line follows: where a title stands
    if comparable(text) in trail_ends:
        bonus += TRAIL_END_BONUS  # the page's own title, where its breadcrumb trail ends
    elif any(_crumbs_ending_with(line, text) for line in crumbs):
        bonus += CREDITED_TITLE_BONUS  # where a trail copied without its separators ends: likely the title
    return bonus


def _opening_title(first: Block, following: Block | None) -> Candidate[str] | None:
    """The body's first line when no title stands above it and it is shaped like one: a long title read as prose.

    A headline of a dozen words with a colon ('Harbour chaos: ferries halted and the pier closed until spring')
    passes for a sentence, so the body found starts with it; with only menu words above, it is the title.
    """
    text = clean_line(first.text)
    count = len(words(text))
    if not HEADLINE_MIN_WORDS < count <= OPENING_TITLE_MAX_WORDS or not _title_shaped(text):
        return None
    if following is None or len(words(following.text)) <= count:
        return None  # a title stands over a longer paragraph
    return Candidate(text, Source.BLOCK, f"block {first.index} (title-shaped line opening the body)", first.index)


def _credited_below(searched: Sequence[Block], block: Block) -> bool:
    """Whether a byline or a date line follows the line within `CREDIT_REACH` lines (a title's own credits)."""
    start = block.index - searched[0].index + 1
    return any(
        prefix_end(line.text) is not None or _date_line(line.text) for line in searched[start : start + CREDIT_REACH]
    )


def _crumbs_ending_with(text: str, title: str) -> bool:
    """Whether a longer cleaned line is a breadcrumb trail copied without its separators that ends with `title`.

    'HomeLatest NewsHarbour ferry resumes', 'You are here: Home » Harbour ferry resumes': the trail
    opens with its home link; its last part is the page's title.
    """
    if len(text) <= len(title) or not text.casefold().endswith(title.casefold()):
        return False
    return text[: len(text) - len(title)].lstrip().casefold().startswith(TRAIL_ROOTS)


def _trail_end(block: Block) -> str:
    """The last part of a breadcrumb trail ('Home › Garden › Storing squash'), or '' for any other line."""
    parts = [part.strip() for part in _TRAIL_SEPARATOR.split(block.text)]
    return parts[-1] if len(parts) >= TRAIL_MIN_PARTS and all(parts) else ""


def _title_shaped(text: str) -> bool:
    """Not a list item, not a label, not a sentence that ends a paragraph, not a credit or date line, not code."""
    if _LIST_MARK.search(text) or _CODE.search(text) or phrase_family(text) is not None:
        return False
    if text.rstrip().endswith((".", ":", ";", ",")) or "|" in text:
        return False
    if _TWO_SENTENCES.search(text) or _ADDRESS.search(text) or _CREDIT_IN_BRACKETS.search(text):
        return False  # a disclaimer of two sentences, a link, a picture's credit
    if _NAVIGATION_ARROW.search(text) or len(_TRAIL_SEPARATOR.findall(text)) >= TRAIL_MIN_PARTS - 1:
        return False  # '« Previous post', 'Follow us →', 'Home » Travel » Notes': a link or a trail
    # 'By Jane Doe', 'November 3, 2021 at 4:02 pm', '11/20/19 6:38 AM': the lines under a headline, never it.
    return prefix_end(text) is None and not _date_line(text)


@functools.lru_cache(maxsize=4_096)
def _date_line(text: str) -> bool:
    """A line that is a date with its label, weekday, clock and zone, maybe a byline after it.

    'Updated: Sat 8:31 PM, Feb 17, 2018', 'November 3, 2012 By Jane Doe'. A title may hold a date
    ('Four short links: 6 November 2012'): then `DATED_TITLE_MIN_WORDS` words of four letters or
    more, none of them a weekday or a date's label, stand beside it.
    """
    dates = visible_dates(text, month_first=False, reference=None, short_years=True)
    if not dates:
        return False
    if prefix_end(text[dates[-1].end :].lstrip(" ,;:-–—|")) is not None:
        return True
    rest, start = [], 0
    for date in dates:
        rest.append(text[start : date.start])
        start = date.end
    rest.append(text[start:])
    weekdays = byline_vocabulary().weekdays
    beside = [
        word
        for word in words(_CLOCK.sub(" ", " ".join(rest)))
        if len(word) >= DATED_TITLE_WORD_MIN_CHARS and word.casefold() not in weekdays and label_role(word) is None
    ]
    return len(beside) < DATED_TITLE_MIN_WORDS


def _visible_match(
    blocks: Sequence[Block],
    titles: Sequence[Candidate[str]],
    body_anchor: int | None,
    *,
    rank: Callable[[Block, int | None], tuple[object, ...]] = _rank,
) -> Candidate[str] | None:
    """A block whose text equals a structured title: the visible headline, confirmed."""
    wanted = {comparable(title.value): title for title in titles}
    if not wanted:
        return None
    # Normalising only removes characters (spaces, an image file name), bar a rare ligature or 'ß'
    # that grows: blocks much shorter than every title (menu items, labels) cannot match one.
    # Nor can blocks far longer than every title (paragraphs): see `longest_folding_to`.
    shortest = int(min(len(key) for key in wanted) * MATCH_MIN_SHARE)
    longest = longest_folding_to(max(len(key) for key in wanted))
    matches = [
        (block, wanted[key])
        for block in blocks
        if shortest <= len(block.text)
        and len(cleaned := clean_line(block.text)) <= longest
        and (key := comparable(cleaned)) in wanted
    ]
    if not matches:
        return None
    block, title = max(matches, key=lambda match: rank(match[0], body_anchor))
    evidence = f"block {block.index} (matches {title.evidence})"
    return Candidate(clean_line(block.text), Source.BLOCK, evidence, block.index)


def _nearest_heading(blocks: Sequence[Block], body_anchor: int | None) -> Block | None:
    """The `<h1>` nearest above the body, else the first `<h1>`."""
    headings = [b for b in blocks if b.kind is BlockKind.HEADING and b.level == 1]
    headings = [b for b in headings if HEADLINE_MIN_WORDS <= len(words(b.text)) <= HEADLINE_MAX_WORDS] or headings
    if not headings:
        return None
    return max(headings, key=lambda block: _rank(block, body_anchor))


def _overlaps_any(text: str, titles: Sequence[Candidate[str]]) -> bool:
    """True when most of the heading's words are in one of the structured titles."""
    heading = {word.casefold() for word in words(text)}
    if not heading:
        return False
    for title in titles:
        title_words = {word.casefold() for word in words(title.value)}
        if len(heading & title_words) >= _TOKEN_OVERLAP_FOR_MATCH * len(heading):
            return True
    return False

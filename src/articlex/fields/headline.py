"""The headline: the visible one when it can be found, reconciled with structured data.

Structured titles (JSON-LD, OpenGraph, `<title>`) often carry the site name or a teaser; the
visible headline is what readers see. So: a visible block that matches a structured title
wins; else the `<h1>` nearest the body; else the best structured title with the site name
cut off. Plain text has only lines: the headline is the title-shaped line nearest above the
body, with an image file name glued to its front removed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articlex.blocks import Block
from articlex.candidate import Candidate
from articlex.features import phrase_family
from articlex.metadata import Metadata
from articlex.model import BlockKind, Source
from articlex.textnorm import collapse, comparable, words

HEADLINE_MAX_WORDS = 40
HEADLINE_MAX_CHARS = 400
HEADLINE_MIN_WORDS = 2
LINE_HEADLINE_MAX_WORDS = 30
LINE_SEARCH_WINDOW = 15
"""In plain text, the headline is searched this many lines above the body's first line."""
TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—·•»:~/]|-{1,2}|::)\s+")
"""How `<title>`s join headline and site name: 'Headline | Site', 'Site - Headline'."""
_IMAGE_FILE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|avif|bmp|svg)\s+", re.IGNORECASE)
_LIST_MARK = re.compile(r"^[»•·▪►▸‣◦●■□▶>*+\-–—]\s|\s[•·|]\s.*\s[•·|]\s")
_TOKEN_OVERLAP_FOR_MATCH = 0.8


def clean_line(text: str) -> str:
    """A headline as a reader reads it: no image file name glued in front, spaces collapsed."""
    return collapse(_IMAGE_FILE.sub("", text))


def find_headline(
    blocks: Sequence[Block], meta: Metadata, body_anchor: int | None, site_name: str | None
) -> Candidate[str] | None:
    """The article's headline, from the visible blocks or the page's metadata.

    `body_anchor` is the index of the body's largest block: the headline is looked for above it.
    """
    titles = _structured_titles(meta, site_name)
    matched = _visible_match(blocks, titles, body_anchor)
    if matched is not None:
        return matched
    heading = _nearest_heading(blocks, body_anchor)
    if heading is not None and (not titles or _overlaps_any(heading.text, titles)):
        return Candidate(clean_line(heading.text), Source.BLOCK, f"block {heading.index} (h1)", heading.index)
    if titles:
        return titles[0]
    if heading is not None:
        return Candidate(clean_line(heading.text), Source.BLOCK, f"block {heading.index} (h1)", heading.index)
    return None


def _rank(block: Block, body_anchor: int | None) -> tuple[bool, bool, bool, int]:
    """Sort key for headline blocks: an h1, a heading, above the body, and nearest to it."""
    above = body_anchor is None or block.index <= body_anchor
    distance = abs(body_anchor - block.index) if body_anchor is not None else block.index
    is_heading = block.kind is BlockKind.HEADING
    return (is_heading and block.level == 1, is_heading, above, -distance)


def find_line_headline(blocks: Sequence[Block], body_start: int | None) -> Candidate[str] | None:
    """In plain text: the title-shaped line nearest above the body."""
    if body_start is None:
        return None
    best: tuple[float, Block] | None = None
    for block in blocks[max(0, body_start - LINE_SEARCH_WINDOW) : body_start]:
        text = clean_line(block.text)
        count = len(words(text))
        if not HEADLINE_MIN_WORDS < count <= LINE_HEADLINE_MAX_WORDS or not _title_shaped(text):
            continue
        distance = body_start - block.index
        score = min(count, 20) - 0.3 * distance
        if best is None or score > best[0]:
            best = (score, block)
    if best is None:
        return None
    block = best[1]
    return Candidate(clean_line(block.text), Source.BLOCK, f"block {block.index} (title-shaped line)", block.index)


def _title_shaped(text: str) -> bool:
    """Not a list item, not a label, not a sentence that ends a paragraph, not a credit line."""
    if _LIST_MARK.search(text) or phrase_family(text) is not None:
        return False
    return not text.rstrip().endswith((".", ":", ";", ",")) and "|" not in text


def _structured_titles(meta: Metadata, site_name: str | None) -> list[Candidate[str]]:
    titles = [Candidate(strip_site_name(c.value, site_name), c.source, c.evidence) for c in meta.headlines]
    if meta.title is not None:
        title = meta.title
        titles.append(Candidate(strip_site_name(title.value, site_name), title.source, title.evidence))
    return [title for title in titles if title.value]


def strip_site_name(title: str, site_name: str | None) -> str:
    """'Headline | Site' → 'Headline'; the longest part wins when the site name is unknown."""
    parts = [part for part in TITLE_SEPARATORS.split(title) if part.strip()]
    if len(parts) < 2:
        return collapse(title)
    if site_name:
        site = comparable(site_name)
        kept = [part for part in parts if comparable(part) != site and site not in comparable(part)]
        if kept and len(kept) < len(parts):
            return collapse(" - ".join(kept)) if len(kept) > 1 else collapse(kept[0])
    return collapse(max(parts, key=len))


def _visible_match(
    blocks: Sequence[Block], titles: Sequence[Candidate[str]], body_anchor: int | None
) -> Candidate[str] | None:
    """A block whose text equals a structured title: the visible headline, confirmed."""
    wanted = {comparable(title.value): title for title in titles}
    if not wanted:
        return None
    matches = [
        (block, wanted[key])
        for block in blocks
        if len(block.text) < HEADLINE_MAX_CHARS and (key := comparable(clean_line(block.text))) in wanted
    ]
    if not matches:
        return None
    block, title = max(matches, key=lambda match: _rank(match[0], body_anchor))
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

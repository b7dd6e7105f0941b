"""Per-block measurements the classifier's rules read: length, prose shape, links, phrases.

Every feature is language-neutral except the boilerplate-phrase match, whose vocabulary
(many languages) lives in `data/phrases.toml`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from articlex.date_text import find_visible_date
from articlex.records import record
from articlex.stages import Block
from articlex.textnorm import word_count
from articlex.vocabulary import phrase_families, phrase_openings

_CLAUSE_MARK = re.compile(r"[,;:.!?،؛؟、，。；！？।॥።፣]")
"""Clause and sentence punctuation of Latin, Arabic, CJK, Devanagari and Ethiopic writing."""
_UNSPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"  # Japanese kana, Chinese, Korean
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"  # Thai and Lao, Myanmar, Khmer
)
"""Letters of scripts that do not put spaces between words, where words cannot be counted."""
_SPACE_ENDS_SENTENCES = re.compile("[\u0e00-\u0eff\u1780-\u17ff] [\u0e00-\u0eff\u1780-\u17ff]")
"""Thai, Lao and Khmer mark the end of a sentence or clause with a space, not punctuation."""
_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"^[»•·▪►▸‣◦●■□▶>*+]\s")
_DASH_BULLET = re.compile(r"^[\-–—]\s")
"""A dash opens list items, but also lines of dialogue in many languages ('— Yes, he said.')."""
_BULLET_STARTS = frozenset("»•·▪►▸‣◦●■□▶>*+-–—")
"""What either kind of bullet starts with: a block that starts otherwise (most) needs neither regex."""
_PHRASE_SEPARATOR = re.compile(r"[\s:|»›>•·,.!?()\[\]-]+")
_LABEL_THEN_SEPARATOR = re.compile(r"^\W*(\w[\w\s'’]{0,40}?)\s*[:|»›>•·(\[—–]")

_CODE_MARK = re.compile(r"[{};]|\w\(|=")
CODE_MIN_MARKS = 3
CODE_MARKS_PER_WORD = 0.2
"""Text with at least this many braces, semicolons, calls and assignments, one for every five words, is code."""
PROSE_MIN_WORDS = 12
"""A block of at least this many words, with low link density, reads as a paragraph of prose."""
PROSE_MIN_CJK_CHARS = 40
"""The same for Chinese, Japanese and Korean text, counted in characters."""
PROSE_MAX_LINK_DENSITY = 0.33
"""Paragraphs of prose carry a few links; more than a third of link text is a list of links."""
LINKED_PROSE_MAX_LINK_DENSITY = 0.5
"""Sentences with up to this much link text still carry prose, counted without the links."""
PHRASE_MAX_WORDS = 8
"""Boilerplate labels ('Read more', 'Share this on') are short; longer blocks are never matched as labels…"""
OPENING_BLOCK_MAX_WORDS = 60
"""…but a block up to this long may open like site furniture ('If you enjoyed this article, please …')."""
OPENING_MAX_CHARS = 80
"""Such an opening is read from this many first characters of the block."""
DATE_ONLY_MAX_WORDS = 8
"""A block this short that holds a date is a date line, not a sentence about a day."""
CACHED_TEXT_MAX_CHARS = 160
"""Texts up to this long have their label family remembered (labels are short; paragraphs are not asked twice)."""


@record
class Features:
    """What the rules know about one block."""

    words: int
    cjk_chars: int
    """Letters of scripts written without spaces between words (Chinese, Japanese, Thai, …)."""
    link_density: float
    punctuated: bool
    """The text holds a comma, a full stop or other clause punctuation (of any script)."""
    bullet: bool
    text: str
    """The block's text, for the features read only where the rules need them (below)."""
    prose_min_words: int = PROSE_MIN_WORDS
    """How many words make a paragraph prose: fewer when a page has no paragraph that long (the classifier's sieve)."""

    @property
    def phrase_family(self) -> str | None:
        """The boilerplate family of a short label ('Share this', 'Read more: …') or of a furniture opening, or None."""
        if self.words <= PHRASE_MAX_WORDS:
            return phrase_family(self.text) or opening_family(self.text)
        return opening_family(self.text) if self.words <= OPENING_BLOCK_MAX_WORDS else None

    @property
    def date_only(self) -> bool:
        """A short block that is mostly a date ('November 19, 2019 at 6:34 am')."""
        return self.words <= DATE_ONLY_MAX_WORDS and _DIGIT.search(self.text) is not None and _is_date(self.text)

    @property
    def is_prose(self) -> bool:
        """Long enough, punctuated and not mostly links: a paragraph a person wrote."""
        return self._sentences and self.link_density <= PROSE_MAX_LINK_DENSITY

    @property
    def is_prose_with_links(self) -> bool:
        """Sentences, even with many links in them (a news round-up's items): its unlinked text is prose."""
        return self._sentences and self.link_density <= LINKED_PROSE_MAX_LINK_DENSITY

    @property
    def _sentences(self) -> bool:
        long_enough = self.words >= self.prose_min_words or self.cjk_chars >= PROSE_MIN_CJK_CHARS
        return long_enough and self.punctuated


def _code_like(text: str, words: int) -> bool:
    """A program's text ('obj.add(type, fn); } else {'), a script left in the page: its semicolons are not clauses."""
    if "(" not in text and "=" not in text and ";" not in text and "{" not in text and "}" not in text:
        # Every code mark holds one of these characters; most prose has none, and a scan for each
        # costs a fifth of the regex's count.
        return False
    marks = len(_CODE_MARK.findall(text))
    return marks >= CODE_MIN_MARKS and marks >= CODE_MARKS_PER_WORD * words


def measure(block: Block) -> Features:
    """Measure one block."""
    text = block.text
    words = word_count(text)
    ascii_only = text.isascii()  # most blocks: the searches for other scripts can be skipped
    return Features(
        words=words,
        cjk_chars=0 if ascii_only else len(_UNSPACED.findall(text)),
        link_density=block.link_density,
        punctuated=(
            _CLAUSE_MARK.search(text) is not None or (not ascii_only and _SPACE_ENDS_SENTENCES.search(text) is not None)
        )
        and not _code_like(text, words),
        bullet=text[:1] in _BULLET_STARTS
        and (_BULLET.match(text) is not None or (_DASH_BULLET.match(text) is not None and words < PROSE_MIN_WORDS)),
        text=text,
    )


@functools.lru_cache(maxsize=16_384)
def _is_date(text: str) -> bool:
    return find_visible_date(text, month_first=False, reference=None) is not None


def phrase_family(text: str) -> str | None:
    """The boilerplate family of a short label ('Share this', 'Read more: …'), or None.

    A label matches the whole block, or its start when a separator follows the label:
    'Read more: X' and 'Share | Tweet' are labels, 'Share prices fell' is not. Short texts are
    remembered: pages repeat their labels, and several rules ask about the same block.
    """
    return _cached_phrase_family(text) if len(text) <= CACHED_TEXT_MAX_CHARS else _phrase_family(text)


def _phrase_family(text: str) -> str | None:
    lowered = text.casefold()
    normal = _PHRASE_SEPARATOR.sub(" ", lowered).strip()
    if not normal:
        return None
    families = phrase_families()
    if normal in families:
        return families[normal]
    match = _LABEL_THEN_SEPARATOR.match(lowered)
    if match is None:
        return None
    return families.get(_PHRASE_SEPARATOR.sub(" ", match.group(1)).strip())


_cached_phrase_family = functools.lru_cache(maxsize=16_384)(_phrase_family)


def opening_family(text: str) -> str | None:
    """The family of a block that opens like site furniture written as a sentence, or None.

    A site's closing appeal ('If you enjoyed this article, please share it …') or a blog engine's line
    under a post ('This entry was posted in …'): the block opens with one of the openings of
    phrases.toml (`[openings]`), followed by a word or a separator.
    """
    if text[:1].casefold() not in _opening_index()[1]:
        return None
    # The rules ask about the same block several times: its start is looked up once.
    return _family_of_start(text[:OPENING_MAX_CHARS])


@functools.lru_cache(maxsize=16_384)
def _family_of_start(start: str) -> str | None:
    openings, _, longest = _opening_index()
    words = _PHRASE_SEPARATOR.sub(" ", start.casefold()).split()[:longest]
    return next((openings[opening] for count in range(len(words), 0, -1)
                 if (opening := " ".join(words[:count])) in openings), None)  # fmt: skip


@functools.cache
def _opening_index() -> tuple[dict[str, str], frozenset[str], int]:
    """The openings with their families, the letters they start with, and the most words one has."""
    openings = phrase_openings()
    return openings, frozenset(opening[:1] for opening in openings), max(len(o.split()) for o in openings)


ISOLATED_PROSE_WEIGHT = 0.5
"""Weight of a prose block whose neighbours are not prose, relative to prose among prose."""
NEIGHBOUR_MIN_WORDS = 4
"""Blocks shorter than this (a dateline, an 'Advertisement' label) do not break a run of prose…"""
LINK_SEPARATES = 0.5
"""…unless they are mostly a link: a teaser's short title separates the summaries around it."""


def has_prose_neighbour(is_prose: Sequence[bool], features: Sequence[Features], index: int) -> bool:
    """True when the nearest substantial block before or after this one is prose too.

    A short unlinked label ('Advertisement') does not interrupt a run of prose; a short link
    (a teaser's title) does.
    """
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(is_prose) and slight(features[other]):
            other += step
        if 0 <= other < len(is_prose) and is_prose[other]:
            return True
    return False


def slight(feature: Features) -> bool:
    """A block too short to break a run of prose, unless it is mostly a link (a teaser's title)."""
    return feature.words < NEIGHBOUR_MIN_WORDS and feature.link_density < LINK_SEPARATES

"""Whitespace and Unicode clean-up shared by every stage (tiny, pure functions)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[^\S\n]+")
"""Runs of whitespace other than newlines (includes NBSP and the other Unicode spaces)."""
_SPACES_AROUND_NEWLINES = re.compile(r" ?\n[\s]*")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
"""Zero-width spaces and joiners, word joiner, BOM and soft hyphen: invisible in a browser."""
_SURROGATE = re.compile(r"[\ud800-\udfff]")
"""Lone surrogates: not valid in text that is meant to be encoded again (nor is NUL)."""
FOLDING_SLACK_CHARS = 8
"""Spaces that folding may remove beyond halving a text (see `longest_folding_to`)."""
WORD = re.compile(r"\w+")
PROGRAM_TEXT = re.compile(r"\w\s*=\s*[\"'\[({]|\w\(\)|=>|\w\.\w+\(|\(\w+=")
"""Program text in a line of a plain-text copy: a literal assigned, a call, an arrow ('x = {', 'f()', 'a => b',
'c = lib.Client(', 'open(mode='). A documentation page's code, which prose rarely holds."""

_WORD_MARKS = bytes(
    ord("w") if code < 128 and (chr(code).isalnum() or chr(code) == "_") else ord(" ") for code in range(256)
)
"""A `bytes.translate` table for ASCII text: what `WORD` matches there (letters, digits, '_') becomes 'w'."""
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_DASHES = re.compile("[\u2010-\u2015\u2212]")


def collapse(text: str) -> str:
    """Collapse every whitespace run, newlines included, to one space; strip the ends."""
    if not text.isascii() and _INVISIBLE.search(text):  # isascii() costs nothing; the invisibles are not ASCII
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


def tidy_lines(text: str) -> str:
    """Collapse spaces within lines, keep single line breaks, drop blank lines and the ends."""
    if "\n" not in text:
        return collapse(text)
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return _SPACES_AROUND_NEWLINES.sub("\n", text).strip()


def remove_unsafe(text: str) -> tuple[str, int]:
    """Remove NULs and lone surrogates; return the clean text and how many were removed.

    Checked with fast whole-string operations first: almost every page has neither.
    """
    count = text.count("\x00")
    if count:
        text = text.replace("\x00", "")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text, lone = _SURROGATE.subn("", text)
            count += lone
    return text, count


def longest_folding_to(length: int) -> int:
    """The longest text whose `comparable` form can be `length` characters long.

    Folding composes accents and collapses spaces: it shrinks a text by at most about half,
    plus a few spaces. Longer texts are skipped without folding them.
    """
    return 2 * length + FOLDING_SLACK_CHARS


def comparable(text: str) -> str:
    """Fold a short text for comparisons: NFKC, case-folded, quotes and dashes unified, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():  # the quotes and dashes unified are not ASCII; `translate` reads every character
        text = _DASHES.sub("-", text.translate(_QUOTES))
    return collapse(text)


def word_count(text: str) -> int:
    """How many words (`WORD` matches) a text holds.

    An ASCII text is counted without listing its words: each word starts where a word character
    follows another character or the start, so marking word characters and counting where a
    mark follows a space costs half as much as the regex's list.
    """
    if not text.isascii():
        return len(WORD.findall(text))
    marked = text.encode("ascii").translate(_WORD_MARKS)
    return marked.count(b" w") + (1 if marked.startswith(b"w") else 0)


def is_program_text(text: str) -> bool:
    """Whether a line holds `PROGRAM_TEXT`; most lines hold neither '=' nor '(' and skip the search."""
    return ("=" in text or "(" in text) and PROGRAM_TEXT.search(text) is not None


def words(text: str) -> list[str]:
    """The word tokens of a text (runs of Unicode letters, digits and underscores)."""
    return WORD.findall(text)

"""`articlex.trie.longest_first` matches exactly what the alternation of its words sorted longest first matches."""

from __future__ import annotations

import re

import pytest

from articlex.trie import longest_first

WORDS = (
    "by",
    "by staff",
    "byline",
    "von",
    "vom",
    "posted by",
    "post",
    "Mar",
    "March",
    "mars",
    "mär",
    "März",
    "ıi",
    "İstanbul",
    "istanbul",
    "Istanbul",
    "ſtraße",
    "strasse",
    "σοφία",
    "ΣΟΦΊΑ",
    "ς",
    "a.b",
    "a+b",
    "(c)",
    "x",
    "",
)
TEXTS = (
    "posted by staff on March 3",
    "By Staff, byline: von Jana und vom Amt",
    "MARS mär März märz MÄRZ Marchx",
    "İSTANBUL Istanbul ıstanbul istanbul İstanbul",
    "ſtraße Straße STRASSE strasse ſtrasse",
    "σοφία ΣΟΦΊΑ Σοφία σοφίας ς Σ σ",
    "a.b a+b aab a b (c) (C) c x X",
    "",
    "postal posts poster by-line",
)


def _flat(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("around", [("(", ")"), (r"(?<!\w)(", r")(?!\w)"), (r"\b(", r")\s*[A-Z]")])
def test_matches_like_the_sorted_alternation(flags: int, around: tuple[str, str]) -> None:
    before, after = around
    flat = re.compile(before + _flat(WORDS) + after, flags)
    trie = re.compile(before + longest_first(WORDS, ignore_case=bool(flags)) + after, flags)
    for text in TEXTS:
        expected = [(match.span(), match.groups()) for match in flat.finditer(text)]
        assert [(match.span(), match.groups()) for match in trie.finditer(text)] == expected, text


def test_a_longer_word_wins_over_its_beginning() -> None:
    pattern = re.compile(longest_first(["by", "by staff", "byline"]))
    assert [match.group() for match in pattern.finditer("by staff, byline, by")] == ["by staff", "byline", "by"]


def test_no_words_match_only_the_empty_string() -> None:
    assert longest_first([]) == ""

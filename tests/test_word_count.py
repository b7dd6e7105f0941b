"""`textnorm.word_count` counts what `textnorm.WORD` finds, by its ASCII shortcut and by the regex."""

from __future__ import annotations

import pytest

from articlex.textnorm import WORD, word_count


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "a",
        " a ",
        "snake_case and __dunder__",
        "3.14, 2,000 and x-ray",
        "tabs\tand\nlines\r\n",
        "(parenthesised) [bracketed] {braced}",
        "".join(map(chr, range(128))),
        "café naïve",
        "Straße über Ökonomie",
        "日本語のテキスト and English",
    ],
)
def test_counts_the_words_the_regex_finds(text: str) -> None:
    assert word_count(text) == len(WORD.findall(text))

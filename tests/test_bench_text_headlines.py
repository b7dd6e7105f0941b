"""Pin how `bench/text_headlines.py` compares two headlines (no shared data needed)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.text_headlines import same_words


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Ferry service resumes at the old pier", "Ferry Service Resumes at the Old Pier!", True),
        ("Ferry service resumes at the old pier", "Ferry service resumes", False),
        ("Ferry service resumes", None, False),
        (None, None, False),
        ("", "", False),
    ],
)
def test_headlines_agree_on_their_words_only(first: str | None, second: str | None, same: bool) -> None:
    assert same_words(first, second) is same

"""Pathological pages: each gives an `Article` or an `ArticlexError`, within its budget, never a crash or a hang.

Every case runs in a subprocess (`cases.py`) with a timeout and a memory limit, so a case that
hangs or kills the interpreter fails its own test. Time is bounded through `Options(time_budget=...)`
and read from `diagnostics`, never asserted on the wall clock; the subprocess timeout is only a
generous backstop against a hang (the C parser cannot be interrupted by the budget).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

CASES = Path(__file__).with_name("cases.py")
PARAGRAPH_START = "The council met on Tuesday"
HANG_TIMEOUT = 120
"""Seconds after which a case counts as hung (far beyond any budget used here)."""


def run_case(name: str, budget: float = 10.0) -> dict[str, Any]:
    completed = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [sys.executable, str(CASES), name, str(budget)],
        capture_output=True,
        text=True,
        timeout=HANG_TIMEOUT,
        check=False,
    )
    assert completed.returncode == 0, f"case {name} crashed: {completed.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def has_article(result: dict[str, Any]) -> bool:
    return any(paragraph.startswith(PARAGRAPH_START) for paragraph in result["paragraphs"])


def test_fifty_mb_page_gives_an_article_or_says_it_ran_out_of_time() -> None:
    result = run_case("fifty_mb", budget=8.0)
    assert "error" not in result
    assert has_article(result) or result["timed_out"]
    if result["timed_out"]:
        assert any("time_budget=8.0s ran out" in warning for warning in result["warnings"])


def test_fifty_mb_plus_one_byte_is_too_large() -> None:
    result = run_case("fifty_mb_plus_one")
    assert result["error"] == "InputTooLargeError"
    assert "50,000,001 bytes" in result["message"]
    assert "max_input_bytes" in result["message"]


@pytest.mark.parametrize(
    "name",
    [
        "one_mb_line_html",
        "nested_divs",
        "nested_spans",
        "breaks",
        "colspan",
        "nul_bytes",
        "lone_surrogates",
        "mixed_encodings",
        "entity_expansion",
        "backtracking_html",
        "comment_openers",
        "tag_openers",
        "formatting_reconstruction",
        "select_options",
        "many_attributes",
        "nested_marks",
        "nested_itemprops",
        "control_references",
        "table_cells",
    ],
)
def test_hostile_part_inside_an_article_keeps_the_article(name: str) -> None:
    """The article's own paragraphs survive whatever hostile markup sits between them."""
    result = run_case(name)
    assert "error" not in result, result
    assert not result["timed_out"], result
    assert has_article(result), result


def test_nested_divs_are_flattened_and_say_so() -> None:
    result = run_case("nested_divs")
    assert result["truncated"]
    assert "deep text" in result["paragraphs"]


def test_nested_tables_are_flattened_within_the_budget() -> None:
    result = run_case("nested_tables")
    assert "error" not in result
    assert result["truncated"]
    assert not result["timed_out"]


def test_entities_are_decoded_once() -> None:
    result = run_case("entities")
    assert result["paragraphs"][:1] == [PARAGRAPH_START + result["paragraphs"][0][len(PARAGRAPH_START) :]]
    assert result["blocks"] >= 4


def test_dtd_entities_are_not_expanded() -> None:
    """HTML parsers ignore DTDs: `<!ENTITY>` declarations define nothing, so nothing is expanded."""
    result = run_case("entity_expansion")
    assert "&lol9; &lol9; &lol9;" in result["paragraphs"]


def test_nuls_and_surrogates_are_removed_and_counted() -> None:
    assert run_case("nul_bytes")["removed_characters"] == 3
    surrogates = run_case("lone_surrogates")
    assert surrogates["removed_characters"] == 3
    assert "a b" in surrogates["paragraphs"]


def test_mixed_encodings_keep_the_utf8_text_and_count_the_rest() -> None:
    result = run_case("mixed_encodings")
    assert "cité, à côté du théâtre" in result["paragraphs"][0]
    assert result["replacement_characters"] == 5


def test_control_character_references_do_not_reach_the_text() -> None:
    result = run_case("control_references")
    assert "1 2 0" in result["paragraphs"]


def test_truncated_html_still_gives_an_article() -> None:
    result = run_case("truncated_html")
    assert "error" not in result
    assert result["headline"] == "Budget approved"


def test_one_mb_line_of_text_is_one_paragraph() -> None:
    result = run_case("one_mb_line_text")
    assert len(result["paragraphs"]) == 1
    assert result["paragraphs"][0].startswith(PARAGRAPH_START)


def test_backtracking_text_finishes() -> None:
    result = run_case("backtracking_text")
    assert "error" not in result
    assert not result["timed_out"]


@pytest.mark.parametrize(("name", "what"), [("zip", "ZIP"), ("pdf", "PDF"), ("png", "PNG")])
def test_binary_files_raise_decode_error_naming_the_format(name: str, what: str) -> None:
    result = run_case(name)
    assert result["error"] == "DecodeError"
    assert what in result["message"]


@pytest.mark.parametrize("name", ["empty", "whitespace"])
def test_empty_input_raises_empty_input_error(name: str) -> None:
    assert run_case(name)["error"] == "EmptyInputError"


def test_page_with_only_a_script_is_an_empty_article_not_an_error() -> None:
    result = run_case("only_script")
    assert "error" not in result
    assert result["paragraphs"] == []
    assert result["blocks"] == 0

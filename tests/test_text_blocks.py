"""Stage 2b, plain-text splitting: one block per non-empty line, with its source line number."""

from __future__ import annotations

from articlex import BlockKind, Options
from articlex.read.reading import read
from articlex.stages import SplitPage
from articlex.text import split as text_split

DEFAULT = Options()


def split(text: str, options: Options = DEFAULT) -> SplitPage:
    page = read(text, url=None, encoding=None, options=Options(input_kind="text"))
    return text_split.split(page, options, None)


def test_each_line_is_a_block() -> None:
    """Every non-empty line becomes one block, in order."""
    page = split("Headline here\nFirst paragraph.\nSecond paragraph.\n")
    assert [block.text for block in page.blocks] == ["Headline here", "First paragraph.", "Second paragraph."]


def test_a_line_among_lines_is_of_kind_line() -> None:
    """A line with other lines directly above and below it is a LINE block."""
    page = split("Home\nNews\nSport\n")
    assert page.blocks[1].kind is BlockKind.LINE


def test_text_blocks_have_no_level_links_or_containers() -> None:
    """Plain-text blocks have no heading level, no link text and no enclosing containers."""
    for block in split("Home\nNews\n\nA paragraph of text.\n").blocks:
        assert (block.level, block.link_chars, block.ancestors) == (0, 0, ())


def test_blank_lines_are_dropped() -> None:
    """Empty and whitespace-only lines make no blocks."""
    page = split("One.\n\n   \n\t\nTwo.\n\n")
    assert [block.text for block in page.blocks] == ["One.", "Two."]


def test_whitespace_inside_a_line_is_collapsed() -> None:
    """Runs of spaces, tabs and no-break spaces inside a line become one space; the ends are trimmed."""
    (block,) = split("   The \t mayor\u00a0\u00a0said   yes.   ").blocks
    assert block.text == "The mayor said yes."


def test_block_indexes_count_the_kept_lines() -> None:
    """Block indexes are 0, 1, 2… over the non-empty lines only."""
    page = split("a\n\n\nb\n\nc")
    assert [block.index for block in page.blocks] == [0, 1, 2]


def test_path_is_the_one_based_source_line_number() -> None:
    """A block's path is 'line N' with N the 1-based line of the source, blank lines counted."""
    page = split("first\n\nthird\n\n\nsixth")
    assert [block.path for block in page.blocks] == ["line 1", "line 3", "line 6"]


def test_windows_line_endings_count_as_one_line_break() -> None:
    """CRLF ends one line, not two: the numbering matches the source."""
    page = split("first\r\nsecond\r\n\r\nfourth\r\n")
    assert [(block.path, block.text) for block in page.blocks] == [
        ("line 1", "first"),
        ("line 2", "second"),
        ("line 4", "fourth"),
    ]


def test_form_feed_does_not_shift_line_numbers() -> None:
    """A page-break character (as in RFC text files) does not count as an extra line break."""
    page = split("Page one text.\n\x0c\nPage two text.\n")
    assert [(block.path, block.text) for block in page.blocks] == [
        ("line 1", "Page one text."),
        ("line 3", "Page two text."),
    ]


def test_text_page_has_no_containers_or_metadata() -> None:
    """A text page has no containers and empty page data."""
    page = split("Some line.\nAnother line.")
    assert page.kind == "text"
    assert page.containers == ()
    assert page.data.title == ""


def test_max_nodes_bounds_the_lines_read() -> None:
    """With `max_nodes=100`, at most 100 lines become blocks and the split is marked truncated."""
    page = split("\n".join(f"Line number {i} of the page." for i in range(1000)), Options(max_nodes=100))
    assert page.truncated
    assert len(page.blocks) <= 100

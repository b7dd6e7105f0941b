"""Where pages come from in a batch: the `Source` record and the walk over files and folders.

A `Source` is one page to extract, with everything `extract` needs besides the options: its
bytes or text, its address and the charset its server declared. Batch code passes `Source`
values around instead of loose tuples so that a WARC record and a saved file look the same.

Folders are walked lazily (`os.scandir`, sorted per folder so runs are repeatable), so a folder
of millions of pages never becomes a list in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from articlex.errors import InputTypeError

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".txt")
"""File names a folder walk picks up as single pages (case-insensitive)."""

WARC_SUFFIXES = (".warc", ".warc.gz")
"""File names read as WARC archives of many pages (case-insensitive)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One page to extract: a key that names it in the results, its content, and how to read it.

    `data` is what `extract` takes (`bytes` to decode, or `str`); `url` is the page's address;
    `encoding` a charset name or an HTTP Content-Type value (a WARC record's, for example).
    """

    key: str
    data: bytes | str
    url: str | None = None
    encoding: str | None = None


SourceLike = Source | tuple[str, bytes | str]
"""What `extract_many` accepts per page: a `Source`, or a `(key, data)` pair."""


def as_source(item: object) -> Source:
    """Turn a `Source` or a `(key, data)` pair into a `Source`; anything else raises `InputTypeError`."""
    if isinstance(item, Source):
        return item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        return Source(key=item[0], data=item[1])
    msg = f"a batch source must be a Source or a (key, data) pair, not {type(item).__name__}"
    raise InputTypeError(msg)


def is_page_file(path: Path) -> bool:
    """True when the file name ends like a saved page (`.html`, `.htm`, `.html.gz`, `.txt`)."""
    return path.name.lower().endswith(PAGE_SUFFIXES)


def is_warc_file(path: Path) -> bool:
    """True when the file name ends like a WARC archive (`.warc`, `.warc.gz`)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def walk_inputs(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Every page or WARC file named by INPUTS: files as given, folders walked recursively.

    A file given by name is yielded whatever its suffix (the user asked for it); inside folders
    only page and WARC files are picked up, in sorted order, hidden entries skipped.
    """
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _walk_folder(path)
        else:
            yield path


def _walk_folder(folder: Path) -> Iterator[Path]:
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk_folder(path)
        elif is_page_file(path) or is_warc_file(path):
            yield path

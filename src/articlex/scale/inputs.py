"""Where pages come from in a batch: the `PageInput` record and the walk over files and folders.

A `PageInput` is one page to extract, with everything `extract` needs besides the options: its
bytes or text, its address and the charset its server declared. Batch code passes `PageInput`
values around instead of loose tuples so that a WARC record and a saved file look the same.

Folders are walked lazily (`os.scandir`, sorted per folder so runs are repeatable), so a folder
of millions of pages never becomes a list in memory. Inside a folder, a file is read when its
name ends like a page (`PAGE_SUFFIXES`, optionally gzipped) or a WARC archive, or when it has
no extension at all and starts like HTML (what `wget` saves for `…/news/1`); every other file
is skipped and reported to the caller, which counts and can list them. `--glob` patterns
replace that choice: then exactly the files that match are read.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from articlex.errors import InputTypeError

_PAGE_NAMES = (".html", ".htm", ".shtml", ".shtm", ".xhtml", ".xht", ".txt")
PAGE_SUFFIXES = (*_PAGE_NAMES, *(f"{suffix}.gz" for suffix in _PAGE_NAMES))
"""File names a folder walk picks up as single pages (case-insensitive), plain or gzipped."""

WARC_SUFFIXES = (".warc", ".warc.gz")
"""File names read as WARC archives of many pages (case-insensitive)."""


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to extract: a key that names it in the results, its content, and how to read it.

    `data` is what `extract` takes (`bytes` to decode, or `str`); `url` is the page's address;
    `encoding` a charset name or an HTTP Content-Type value (a WARC record's, for example).
    """

    key: str
    data: bytes | str
    url: str | None = None
    encoding: str | None = None


PageInputLike = PageInput | tuple[str, bytes | str]
"""What `extract_many` accepts per page: a `PageInput`, or a `(key, data)` pair."""


def as_page_input(item: object) -> PageInput:
    """Turn a `PageInput` or a `(key, data)` pair into a `PageInput`; anything else raises `InputTypeError`."""
    if isinstance(item, PageInput):
        return item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        return PageInput(key=item[0], data=item[1])
    msg = f"a batch source must be a PageInput or a (key, data) pair, not {type(item).__name__}"
    raise InputTypeError(msg)


def is_page_file(path: Path) -> bool:
    """True when the file name ends like a saved page (`.html`, `.htm`, `.shtml`, `.xhtml`, `.txt`, or these `.gz`)."""
    return path.name.lower().endswith(PAGE_SUFFIXES)


_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)[\s/>]", re.IGNORECASE)
_SNIFF_BYTES = 2048


def starts_like_html(path: Path) -> bool:
    """True when the file's first bytes (gunzipped if need be) hold an HTML tag: an extension-less saved page."""
    try:
        with path.open("rb") as file:
            start = file.read(_SNIFF_BYTES)
    except OSError:
        return True  # let the read fail and be reported as that page's failure
    if start.startswith(b"\x1f\x8b"):
        try:
            start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(start, _SNIFF_BYTES)
        except zlib.error:
            return False
    return _HTML_START.search(start) is not None


Skipped = Callable[[Path, str], None]
"""Told of each file a folder walk leaves out, with the reason."""


def is_warc_file(path: Path) -> bool:
    """True when the file name ends like a WARC archive (`.warc`, `.warc.gz`)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def walk_inputs(
    inputs: Iterable[str | Path], *, globs: Sequence[str] = (), skipped: Skipped | None = None
) -> Iterator[Path]:
    """Every page or WARC file named by INPUTS: files as given, folders walked recursively.

    A file given by name is yielded whatever its suffix (the user asked for it). Inside folders,
    in sorted order and without hidden entries: with GLOBS, the files whose path below the
    folder matches one of them (`*.php`, `2024/**/*.html`); without, page and WARC files and
    extension-less files that start like HTML. SKIPPED, when given, is told of every other file.
    """
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _walk_folder(path, path, globs, skipped)
        else:
            yield path


def _walk_folder(root: Path, folder: Path, globs: Sequence[str], skipped: Skipped | None) -> Iterator[Path]:
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk_folder(root, path, globs, skipped)
            continue
        reason = _why_not(root, path, globs)
        if reason is None:
            yield path
        elif skipped is not None:
            skipped(path, reason)


def _why_not(root: Path, path: Path, globs: Sequence[str]) -> str | None:
    """None when a file found in a folder is to be read, else why not."""
    if globs:
        relative = PurePath(path.relative_to(root))
        return None if any(relative.match(pattern) for pattern in globs) else "matches no --glob"
    if is_page_file(path) or is_warc_file(path):
        return None
    if "." not in path.name:
        return None if starts_like_html(path) else "no extension, and it does not start like HTML"
    return "not a page file name (.html, .htm, .shtml, .xhtml, .txt, their .gz, .warc)"

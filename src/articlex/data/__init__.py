"""Load the vocabulary files shipped in this folder, once per process, validated.

Words live in data files and numbers live beside the rules that use them: a rule never
spells a vocabulary list inline. Each loader checks the file's shape and raises
`DataFileError` naming the file when it is broken, which means a broken installation.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from articlex.errors import DataFileError

_PACKAGE = "articlex.data"


def _read_text(name: str) -> str:
    try:
        return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as error:
        msg = f"data file {name!r} is missing from the articlex installation; reinstall articlex"
        raise DataFileError(msg) from error


@functools.cache
def load_table(name: str) -> dict[str, Any]:
    """Parse `name` (a TOML file in this folder) and return its top-level table."""
    try:
        return tomllib.loads(_read_text(name))
    except tomllib.TOMLDecodeError as error:
        msg = f"data file {name!r} is not valid TOML: {error}; reinstall articlex"
        raise DataFileError(msg) from error


@functools.cache
def load_words(name: str) -> frozenset[str]:
    """Read a word list: one entry per line, lower case; blank lines and '#' comments ignored."""
    words = set()
    for line in _read_text(name).splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.add(entry.casefold())
    if not words:
        msg = f"data file {name!r} holds no words; reinstall articlex"
        raise DataFileError(msg)
    return frozenset(words)


def available(folder: str) -> tuple[str, ...]:
    """Names of the files in a sub-folder of the data folder, sorted."""
    root = resources.files(_PACKAGE).joinpath(folder)
    return tuple(sorted(entry.name for entry in root.iterdir() if entry.is_file()))


def string_list(table: dict[str, Any], key: str, file: str) -> tuple[str, ...]:
    """`table[key]` as a tuple of strings, or a `DataFileError` naming `file` and `key`."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        msg = f"data file {file!r}: {key!r} must be a list of strings"
        raise DataFileError(msg)
    return tuple(value)

"""Where `articlex batch` writes its results: JSON Lines (resumable) or Parquet.

JSON Lines is the default because it can be appended to and read back line by line: each line
is written and flushed as its page finishes, so a run that is killed leaves every finished page
on disk (at worst a last line cut in half, which `--resume` drops), and `--resume` finds the
keys already done without holding the articles in memory.

Parquet (`articlex[parquet]`, pyarrow) is written in row groups of `ROWS_PER_GROUP` rows, one
flat row per page (`articlex.scale.rows`), into `NAME.partial`, renamed to NAME when the run ends:
a Parquet file is unreadable until its footer is written, so a half-written one never takes the
final name. It cannot be appended to, hence no `--resume` for it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Protocol, TextIO

from articlex.scale.batch import ExtractionFailure, Result
from articlex.scale.extras import install_extra, require
from articlex.scale.rows import arrow_schema, flat_row

ROWS_PER_GROUP = 1000
"""Rows buffered per Parquet row group: bounded memory, groups large enough to compress well."""


class Output(Protocol):
    """A sink for batch results."""

    def write(self, key: str, url: str | None, result: Result) -> None:
        """Record one page's result."""
        ...

    def close(self) -> None:
        """Finish the output (the run completed)."""
        ...

    def abort(self) -> None:
        """Stop writing after an error or an interruption, keeping what is safe to keep."""
        ...


def json_record(key: str, url: str | None, result: Result) -> dict[str, object]:
    """The JSON Lines object of one page: `{"key", "url", "article"}` or `{"key", "url", "error"}`."""
    if isinstance(result, ExtractionFailure):
        return {"key": key, "url": url, "error": {"kind": result.kind, "message": result.message}}
    return {"key": key, "url": url, "article": result.model_dump(mode="json")}


def done_keys(path: Path) -> set[str]:
    """The keys of the complete lines of a JSON Lines output; a last line cut short is removed from the file."""
    if not path.exists():
        return set()
    keys: set[str] = set()
    complete = 0
    with path.open("rb") as file:
        for line in file:
            if not line.endswith(b"\n"):
                break
            complete += len(line)
            try:
                keys.add(json.loads(line)["key"])
            except (ValueError, KeyError, TypeError):
                continue
    if complete < path.stat().st_size:
        with path.open("r+b") as file:
            file.truncate(complete)
    return keys


class JsonlOutput:
    """One JSON object per line, flushed per page; appends when resuming. PATH None is standard output."""

    def __init__(self, path: Path | None, *, append: bool) -> None:
        """Open PATH for writing, or for appending when APPEND; None writes to standard output."""
        self._own = path is not None
        self._file: TextIO = path.open("a" if append else "w", encoding="utf-8") if path is not None else sys.stdout

    def write(self, key: str, url: str | None, result: Result) -> None:
        """Write one line and flush it, so a killed run keeps every finished page."""
        self._file.write(json.dumps(json_record(key, url, result), ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        """Close the file (standard output is flushed, not closed)."""
        if self._own:
            self._file.close()
        else:
            self._file.flush()

    def abort(self) -> None:
        """Close the file: every line written is complete and stays."""
        if self._own:
            self._file.close()


class ParquetOutput:
    """Flat rows in row groups, in a `.partial` file renamed into place at the end."""

    def __init__(self, path: Path) -> None:
        """Start writing PATH (through PATH.partial); raises `MissingDependencyError` without pyarrow."""
        self._pa: Any = require("pyarrow", "Parquet output", install_extra("parquet"))
        parquet: Any = require("pyarrow.parquet", "Parquet output", install_extra("parquet"))
        self._path = path
        self._partial = path.with_name(path.name + ".partial")
        self._schema = arrow_schema()
        self._writer = parquet.ParquetWriter(str(self._partial), self._schema)
        self._rows: list[dict[str, object]] = []

    def write(self, key: str, url: str | None, result: Result) -> None:
        """Buffer one row; write a row group when the buffer is full."""
        self._rows.append(flat_row(key, url, result))
        if len(self._rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        """Write the last rows and the footer, then give the file its final name."""
        self._flush()
        self._writer.close()
        self._partial.replace(self._path)

    def abort(self) -> None:
        """Close and delete the unfinished file."""
        self._writer.close()
        self._partial.unlink(missing_ok=True)

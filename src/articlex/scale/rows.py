"""One flat row per page: the column layout shared by Parquet output and the Spark DataFrame.

Tables want flat, typed columns, while an `Article` nests models. The columns are derived from
`Article.model_fields`, so a field added to the model gets its column without an edit here:

* text fields (`str`, `str | None`) → a string column;
* `tuple[str, ...]` fields (`authors`, `paragraphs`) → an array of strings;
* dates (`published`, `updated`) → an **ISO 8601 string**, `2024-06-18` when only the day is
  known and `2024-06-18T10:30:00+05:30` when the time is. A timestamp column would invent a
  midnight for a bare day and drop the page's UTC offset; the string keeps both, sorts
  correctly within one offset, and Spark reads it back with `to_timestamp`/`to_date`;
* anything else (`provenance`, `decisions`, `diagnostics`) → a JSON string.

Around them: `key` and `source_url` (the page's address as given) first, then `error_kind` and
`error_message`, set only when extraction failed (then every article column is null).
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from articlex.model import Article
from articlex.scale.batch import ExtractionFailure, Result
from articlex.scale.extras import install_extra, require

ColumnKind = Literal["string", "strings", "time", "json"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the flat layout: its name and how its value is stored."""

    name: str
    kind: ColumnKind


def _leaves(annotation: object) -> list[object]:
    """The concrete types inside an annotation, through Optional, unions and Annotated."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _leaves(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [leaf for arg in typing.get_args(annotation) for leaf in _leaves(arg)]
    return [annotation]


def column_kind(annotation: object) -> ColumnKind:
    """How a field with this type annotation is stored in a flat row."""
    leaves = [leaf for leaf in _leaves(annotation) if leaf is not type(None)]
    if leaves and all(leaf is str for leaf in leaves):
        return "string"
    if leaves and all(leaf in (dt.date, dt.datetime) for leaf in leaves):
        return "time"
    if len(leaves) == 1 and typing.get_origin(leaves[0]) is tuple and typing.get_args(leaves[0]) == (str, ...):
        return "strings"
    return "json"


ARTICLE_COLUMNS: tuple[Column, ...] = tuple(
    Column(name, column_kind(info.annotation)) for name, info in Article.model_fields.items()
)
"""One column per `Article` field, in the model's order."""

COLUMNS: tuple[Column, ...] = (
    Column("key", "string"),
    Column("source_url", "string"),
    *ARTICLE_COLUMNS,
    Column("error_kind", "string"),
    Column("error_message", "string"),
)
"""Every column of a flat row, in order."""


def flat_row(key: str, source_url: str | None, result: Result) -> dict[str, object]:
    """The flat row of one page: its article's columns, or its failure's."""
    row: dict[str, object] = dict.fromkeys(column.name for column in COLUMNS)
    row["key"] = key
    row["source_url"] = source_url
    if isinstance(result, ExtractionFailure):
        row["error_kind"] = result.kind
        row["error_message"] = result.message
        return row
    data = result.model_dump(mode="json")
    for column in ARTICLE_COLUMNS:
        value = data[column.name]
        if column.kind == "json" and value is not None:
            value = json.dumps(value, ensure_ascii=False)
        row[column.name] = value
    return row


def arrow_schema() -> Any:  # noqa: ANN401 - a pyarrow.Schema; pyarrow has no type hints
    """The columns as a pyarrow schema (Parquet output, Ray Data); needs pyarrow (`articlex[parquet]`)."""
    pa: Any = require("pyarrow", "an Arrow schema", install_extra("parquet"))
    return pa.schema(
        [(column.name, pa.list_(pa.string()) if column.kind == "strings" else pa.string()) for column in COLUMNS]
    )

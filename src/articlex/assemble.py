"""Stage 5, assemble: fields and decisions → the public, frozen `Article` (with provenance)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

from articlex.fields.body import body_elements, final_decisions, paragraphs
from articlex.model import Article, Diagnostics, FieldName, Provenance
from articlex.options import Options
from articlex.stages import Candidate, Decision, Fields, Page, SplitPage

PREVIEW_CHARS = 80


def assemble(page: Page, split: SplitPage, decisions: Sequence[Decision], fields: Fields, options: Options) -> Article:
    """Build the `Article`: values, provenance of each value, and one decision per block."""
    final = final_decisions(decisions, fields)
    body, paragraph_of = paragraphs(final, split.containers)
    base = fields.url.value if fields.url is not None else page.url
    provenance: dict[FieldName, Provenance] = {}
    values: dict[str, object] = {}
    for name in get_args(FieldName):
        candidate: Candidate[object] | None = getattr(fields, name)
        if candidate is not None and candidate.value not in (None, "", ()):
            values[name] = candidate.value
            provenance[name] = candidate.provenance()
    return Article.model_validate(
        {
            **values,
            "paragraphs": tuple(body),
            "body": body_elements(final, split, base),
            "comments": fields.comments,
            "provenance": provenance,
            "decisions": tuple(_public(d, paragraph_of) for d in final) if options.include_decisions else (),
            "diagnostics": Diagnostics(
                input_kind=page.kind,
                encoding=page.encoding,
                encoding_source=page.encoding_source,
                replacement_characters=page.replacements,
                removed_characters=page.removed,
                blocks=len(split.blocks),
                timed_out=split.timed_out,
                truncated=split.truncated,
            ),
        }
    )


def _public(decision: Decision, paragraph_of: dict[int, int]) -> dict[str, object]:
    # The fields of a `BlockDecision`, validated with the `Article` in one pydantic-core call:
    # a page has hundreds of decisions, and building each model from Python costs twice as much.
    block = decision.block
    return {
        "index": block.index,
        "path": block.path,
        "kind": block.kind,
        "label": decision.label,
        "reason": decision.reason,
        "detail": decision.detail,
        "preview": block.text[:PREVIEW_CHARS],
        "paragraph": paragraph_of.get(block.index),
    }

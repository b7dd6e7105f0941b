"""Stage 5, assemble: fields and decisions → the public, frozen `Article` (with provenance)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

from articlex.fields.body import Element, body_elements, final_decisions, paragraphs
from articlex.fields.lead_image import lead_image
from articlex.fields.structured_body import structured_paragraphs
from articlex.model import Article, Diagnostics, FieldName, Label, Provenance, Reason
from articlex.options import Options
from articlex.stages import Candidate, Decision, Fields, Page, SplitPage

PREVIEW_CHARS = 80
_FOUND_FIELDS = tuple(name for name in get_args(FieldName) if name != "body")
"""The fields a finder of stage 4 gives (`Fields`); the body's provenance is set here."""


def assemble(  # noqa: PLR0913 - the five stages' values, and what classify found the body to be
    page: Page,
    split: SplitPage,
    decisions: Sequence[Decision],
    fields: Fields,
    options: Options,
    *,
    discussion: bool = False,
) -> Article:
    """Build the `Article`: values, provenance of each value, and one decision per block.

    `discussion`: the body kept is the page's discussion, which a JSON-LD `articleBody` replaces whatever its length.
    """
    final = final_decisions(decisions, fields)
    body, paragraph_of = paragraphs(final, split.containers)
    base = fields.url.value if fields.url is not None else page.url
    provenance: dict[FieldName, Provenance] = {}
    values: dict[str, object] = {}
    for name in _FOUND_FIELDS:
        candidate: Candidate[object] | None = getattr(fields, name)
        if candidate is not None and candidate.value not in (None, "", ()):
            values[name] = candidate.value
            provenance[name] = candidate.provenance()
    structured = structured_paragraphs(fields.structured_body, () if discussion else body)
    if structured is not None and fields.structured_body is not None:
        final = _gave_way(final, len(structured))
        body, paragraph_of = structured, {}
        elements: list[Element] = [{"type": "paragraph", "text": text} for text in structured]
        provenance["body"] = fields.structured_body.provenance()
    else:
        elements = body_elements(final, split, base)
        if "image" not in values and (image := lead_image(elements, split.pictures, base)) is not None:
            values["image"] = image.value
            provenance["image"] = image.provenance()
    return Article.model_validate(
        {
            **values,
            "paragraphs": tuple(body),
            "body": tuple(elements),
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


def _gave_way(decisions: Sequence[Decision], paragraphs: int) -> tuple[Decision, ...]:
    """The decisions once the body is the structured data's: the visible content is left out, saying why."""
    why = f"the body is the page's JSON-LD articleBody ({paragraphs} paragraphs); the visible page shows a part of it"
    return tuple(
        Decision(d.block, Label.BOILERPLATE, Reason.STRUCTURED_BODY, why) if d.label is Label.CONTENT else d
        for d in decisions
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

"""The main content holds the parts a page's structured data lists: a recipe's ingredients and steps.

A recipe page often sets its ingredients, its steps and its nutrition table in sibling boxes (tabs,
cards, columns). The element with the most prose is then the box of steps, or a box of notes, and
the ingredients stand outside it. The page's structured data (schema.org `Recipe` or `HowTo`, in
JSON-LD or microdata) lists those parts; when blocks showing them lie outside the main content
found, the main content is widened to the nearest element that holds them all.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from articlex.stages import Block
from articlex.textnorm import words

PART_PROBE_CHARS = 40
"""A part is found where a block holds its first this many characters (of its normalised words), or
where a block starts them and the next block goes on ('300 ml', then the ingredient's name)."""
PREFIX_MIN_CHARS = 4
"""Parts shorter than this ('2', 'Egg') are not looked for: any block could show them."""
MAX_COMPARISONS = 1_000_000
"""Parts times blocks compared at most (a recipe page compares some 20,000): a page of a hundred thousand
blocks with a long list of parts is not looked through, and its main content stays as found."""
MIN_PARTS_OUTSIDE = 2
"""Widen only when at least this many listed parts show outside the main content: one may be a teaser's."""


def blocks_showing(blocks: Sequence[Block], parts: Sequence[str]) -> frozenset[int]:
    """The indices of the blocks showing the listed parts: each part's first block, and the next when it goes on."""
    probes = [probe[:PART_PROBE_CHARS] for probe in map(_normal, parts) if len(probe) >= PREFIX_MIN_CHARS]
    if not probes or len(probes) * len(blocks) > MAX_COMPARISONS:
        return frozenset()
    texts = [_normal(block.text) for block in blocks]
    found: dict[int, tuple[int, ...]] = {}
    for index, text in enumerate(texts):
        if not text:
            continue
        joined = f"{text} {texts[index + 1]}" if index + 1 < len(texts) else text
        for number, probe in enumerate(probes):
            if number in found:
                continue
            if probe in text:
                found[number] = (index,)
            elif probe.startswith(text) and probe in joined:
                found[number] = (index, index + 1)
    return frozenset(blocks[index].index for shown in found.values() for index in shown)


def widen_to_listed_parts(blocks: Sequence[Block], main: int, showing: Collection[int]) -> int:
    """The main content, or the nearest element around it that also holds the blocks `showing` listed parts."""
    outside = [block for block in blocks if block.index in showing and main not in block.ancestors]
    inside = next((block for block in blocks if main in block.ancestors), None)
    if len(outside) < MIN_PARTS_OUTSIDE or inside is None:
        return main
    chain = inside.ancestors[: inside.ancestors.index(main) + 1]  # the page down to the main content
    depth = len(chain) - 1
    for block in outside:
        around = set(block.ancestors)
        while depth >= 0 and chain[depth] not in around:
            depth -= 1
    if depth <= 0:  # only the page itself holds them all: the parts are scattered, not one box of them
        return main
    return chain[depth]


def _normal(text: str) -> str:
    return " ".join(words(text.casefold()))

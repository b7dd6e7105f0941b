"""Stage 3, classify: blocks → one `Decision` per block (content or boilerplate, with a reason).

Two passes, as jusText does it. First every block is measured on its own (`features`). Then
the main content is located — for HTML the element whose prose outweighs its clutter, for
plain text the run of lines with the most prose — and each block is judged by where it sits
and what it is (`rules`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from articlex.blocks import Block, Container, SplitPage
from articlex.features import Features, measure
from articlex.hints import ARTICLE_BODY
from articlex.model import BlockKind, Label, Reason
from articlex.rules import judge_inside, judge_line_inside

CLUTTER_WEIGHT = 0.5
"""How much a character of non-prose text counts against a container, per character of prose."""
ARTICLE_HINT_BONUS = 1.25
"""Prose under an element named like an article body ('entry-content', itemprop=articleBody) counts more."""
OUTWEIGHING_FAMILIES = frozenset({"comments"})
"""Families whose elements may hold more prose than the article and still not be it: a long discussion."""
LINK_CLUTTER_WEIGHT = 2.0
"""Link text weighs this much more than other clutter: menus and lists of other stories are links."""
NO_PROSE = float("-inf")
"""The score of a container without prose: it can never be the main content."""
SPECIFICITY_MARGIN = 0.25
"""An element holding all the page's runs of prose may score this share below its wrapper and still win."""
ISOLATED_PROSE_WEIGHT = 0.5
"""Weight of a prose block whose neighbours are not prose, relative to prose among prose."""
NEIGHBOUR_MIN_WORDS = 4
"""Blocks shorter than this (a dateline, an 'Advertisement' label) do not break a run of prose…"""
LINK_SEPARATES = 0.5
"""…unless they are mostly a link: a teaser's short title separates the summaries around it."""
WRAPPER_SHARE = 0.65
"""A negative hint that would hide more than this share of the page's prose names a layout, not a widget."""
LINE_PENALTY_CAP = 60
"""In plain text, a non-prose line costs its length up to this many characters."""
LINE_BOILERPLATE_COST = 40
"""…and a line that looks like boilerplate (bullet, label phrase, bare date) costs this much more…"""
LINE_SECTION_END_COST = 150
"""…and a label that opens what follows an article (comments, related stories, newsletter, share bar) more still."""
UNSEPARATED_PROSE_WEIGHT = 0.3
"""Prose on a line with no blank line next to it (not copied from a `<p>`) counts this much."""
POSITION_DECAY = 0.85
SECTION_END_FAMILIES = frozenset({"comments", "related", "newsletter", "share"})


@dataclass(frozen=True, slots=True)
class Decision:
    """The classifier's verdict on one block."""

    block: Block
    label: Label
    reason: Reason
    detail: str = ""


def classify(page: SplitPage) -> tuple[Decision, ...]:
    """Judge every block of the page; exactly one decision per block, in block order."""
    features = [measure(block) for block in page.blocks]
    if page.kind == "html" and page.containers:
        return _classify_html(page.blocks, page.containers, features)
    return _classify_lines(page.blocks, features)


# ---- HTML ---------------------------------------------------------------------------------


def _classify_html(
    blocks: Sequence[Block], containers: Sequence[Container], features: Sequence[Features]
) -> tuple[Decision, ...]:
    credible = credible_hints(blocks, containers, features)
    main = main_container(blocks, containers, features, credible)
    if main is None:
        return tuple(Decision(block, Label.BOILERPLATE, Reason.NO_TEXT, "no prose on the page") for block in blocks)
    where = container_path(containers, main)
    decisions = []
    for block, feature in zip(blocks, features, strict=True):
        if main in block.ancestors:
            below = block.ancestors[block.ancestors.index(main) + 1 :]
            family = next((credible[c] for c in reversed(below) if c in credible), None)
            label, reason, detail = judge_inside(block, feature, family)
        else:
            label, reason, detail = Label.BOILERPLATE, Reason.OUTSIDE_MAIN, f"main content is {where}"
        decisions.append(Decision(block, label, reason, detail))
    return tuple(decisions)


def container_path(containers: Sequence[Container], container: int) -> str:
    """The element path of a container, e.g. 'body>div#main>article'."""
    steps = []
    while container >= 0:
        steps.append(containers[container].label)
        container = containers[container].parent
    return ">".join(reversed(steps))


def credible_hints(
    blocks: Sequence[Block], containers: Sequence[Container], features: Sequence[Features]
) -> dict[int, str]:
    """Containers whose negative hint family is believable, mapped to that family.

    A hint is not believed where it would hide most of the page's prose: on an element that
    holds most of it, on an element that encloses one named like the article body, or when one
    family's elements together hold most of it. Such names describe a layout or a site-wide
    convention ('content-with-sidebar', 'category-news' on every post, 'elementor-widget' on
    every box), not a widget.
    """
    prose_under = [0] * len(containers)
    total = 0
    for block, feature in zip(blocks, features, strict=True):
        if feature.is_prose:
            total += len(block.text)
            for container in block.ancestors:
                prose_under[container] += len(block.text)
    encloses_article = _encloses_article(containers)
    candidates: dict[int, str] = {}
    for element in containers:
        negative = sorted(element.families - {ARTICLE_BODY})
        if not negative or encloses_article[element.id] or ARTICLE_BODY in element.families:
            continue
        family = negative[0]
        if total and prose_under[element.id] > WRAPPER_SHARE * total and family not in OUTWEIGHING_FAMILIES:
            continue
        candidates[element.id] = family
    family_prose: dict[str, int] = {}
    for container, family in candidates.items():
        if not _inside_same_family(containers, container, family, candidates):
            family_prose[family] = family_prose.get(family, 0) + prose_under[container]
    limit = WRAPPER_SHARE * total
    return {c: f for c, f in candidates.items() if f in OUTWEIGHING_FAMILIES or family_prose.get(f, 0) <= limit}


def _encloses_article(containers: Sequence[Container]) -> list[bool]:
    encloses = [False] * len(containers)
    for container in containers:
        if ARTICLE_BODY in container.families:
            parent = container.parent
            while parent >= 0 and not encloses[parent]:
                encloses[parent] = True
                parent = containers[parent].parent
    return encloses


def _inside_same_family(containers: Sequence[Container], container: int, family: str, marked: dict[int, str]) -> bool:
    parent = containers[container].parent
    while parent >= 0:
        if marked.get(parent) == family:
            return True
        parent = containers[parent].parent
    return False


def main_container(
    blocks: Sequence[Block],
    containers: Sequence[Container],
    features: Sequence[Features],
    credible: dict[int, str],
) -> int | None:
    """The container whose prose most outweighs its clutter, or None when the page has no prose.

    Prose that stands alone between clutter (a teaser's summary, a comment) counts for less
    than prose among prose (the paragraphs of an article).
    """
    prose = [0.0] * len(containers)
    clustered = [0.0] * len(containers)
    clutter = [0.0] * len(containers)
    is_prose = [
        feature.is_prose_with_links and not any(c in credible for c in block.ancestors)
        for block, feature in zip(blocks, features, strict=True)
    ]
    for index, block in enumerate(blocks):
        prose_chars = float(len(block.text) - block.link_chars) if is_prose[index] else 0.0
        clutter_chars = len(block.text) - prose_chars + (LINK_CLUTTER_WEIGHT - 1) * block.link_chars
        in_run = bool(prose_chars) and _has_prose_neighbour(is_prose, features, index)
        if prose_chars and not in_run:
            prose_chars *= ISOLATED_PROSE_WEIGHT
        for container in block.ancestors:
            prose[container] += prose_chars
            clutter[container] += clutter_chars
            if in_run:
                clustered[container] += prose_chars
    scores = [
        prose[e.id] * (ARTICLE_HINT_BONUS if ARTICLE_BODY in e.families else 1.0) - CLUTTER_WEIGHT * clutter[e.id]
        if prose[e.id] > 0
        else NO_PROSE
        for e in containers
    ]
    best = max(range(len(containers)), key=scores.__getitem__, default=None)
    if best is None or scores[best] == NO_PROSE:
        return None
    return _most_specific(containers, scores, clustered, best)


def _most_specific(
    containers: Sequence[Container], scores: Sequence[float], clustered: Sequence[float], best: int
) -> int:
    """The deepest container inside `best` that holds all its runs of prose and scores nearly as well.

    A page's wrapper can outscore the article by adding the lone summaries of a few teasers;
    when everything it adds is such stray prose, the article's own element is the main content.
    """
    best_score = scores[best]
    if not clustered[best]:
        return best
    threshold = best_score - SPECIFICITY_MARGIN * abs(best_score)
    chosen, chosen_depth = best, 0
    for candidate in range(best + 1, len(containers)):
        score = scores[candidate]
        if score < threshold or clustered[candidate] < clustered[best]:
            continue
        depth = _depth_below(containers, candidate, best)
        if depth > chosen_depth:
            chosen, chosen_depth = candidate, depth
    return chosen


def _depth_below(containers: Sequence[Container], candidate: int, ancestor: int) -> int:
    """How many levels `candidate` lies below `ancestor`, or 0 when it is not inside it."""
    depth, parent = 0, candidate
    while parent > ancestor:
        parent = containers[parent].parent
        depth += 1
    return depth if parent == ancestor else 0


def _has_prose_neighbour(is_prose: Sequence[bool], features: Sequence[Features], index: int) -> bool:
    """True when the nearest substantial block before or after this one is prose too.

    A short unlinked label ('Advertisement') does not interrupt a run of prose; a short link
    (a teaser's title) does.
    """
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(is_prose) and _slight(features[other]):
            other += step
        if 0 <= other < len(is_prose) and is_prose[other]:
            return True
    return False


def _slight(feature: Features) -> bool:
    return feature.words < NEIGHBOUR_MIN_WORDS and feature.link_density < LINK_SEPARATES


# ---- plain text ---------------------------------------------------------------------------


def _classify_lines(blocks: Sequence[Block], features: Sequence[Features]) -> tuple[Decision, ...]:
    is_prose = [feature.is_prose and not feature.bullet for feature in features]
    weights = [_line_weight(block, feature) for block, feature in zip(blocks, features, strict=True)]
    for index, prose in enumerate(is_prose):
        if prose and not _has_prose_neighbour(is_prose, features, index):
            weights[index] *= ISOLATED_PROSE_WEIGHT
        if prose and blocks[index].kind is not BlockKind.PARAGRAPH:
            weights[index] *= UNSEPARATED_PROSE_WEIGHT
    start, end = main_run(weights, is_prose)
    decisions = []
    for block, feature in zip(blocks, features, strict=True):
        if start <= block.index < end:
            label, reason, detail = judge_line_inside(block, feature)
        elif block.index < start:
            label, reason, detail = Label.BOILERPLATE, Reason.OUTSIDE_MAIN, "before the main run of prose"
        else:
            label, reason, detail = Label.BOILERPLATE, Reason.AFTER_BODY_END, "after the main run of prose"
        decisions.append(Decision(block, label, reason, detail))
    return tuple(decisions)


def _line_weight(block: Block, feature: Features) -> float:
    """Prose counts for its length; other lines against it, labels that end an article most of all."""
    if feature.is_prose and not feature.bullet:
        return float(len(block.text))
    cost = float(min(len(block.text), LINE_PENALTY_CAP))
    if feature.phrase_family in SECTION_END_FAMILIES:
        cost += LINE_SECTION_END_COST
    elif feature.bullet or feature.phrase_family is not None or feature.date_only:
        cost += LINE_BOILERPLATE_COST
    return -cost


def main_run(weights: Sequence[float], is_prose: Sequence[bool]) -> tuple[int, int]:
    """The main run of lines: found with a bias towards the top of the page, then grown on both sides.

    Footers and comment threads hold prose too, and they come last; so the run is first sought
    with prose counting less the further down it is, then its edges move out wherever the
    plain weights say the neighbouring lines belong to it.
    """
    count = len(weights)
    biased = [w * (1.0 - POSITION_DECAY * i / count) if is_prose[i] else w for i, w in enumerate(weights)]
    start, end = best_run(biased)
    if start == end:
        return start, end
    return start - _best_prefix(weights[start - 1 :: -1] if start else []), end + _best_prefix(weights[end:])


def _best_prefix(weights: Sequence[float]) -> int:
    """How many leading weights to take for the largest positive sum, stopping at a section end."""
    best_sum, best_length, running = 0.0, 0, 0.0
    for length, weight in enumerate(weights, start=1):
        if weight <= -LINE_SECTION_END_COST:
            break
        running += weight
        if running > best_sum:
            best_sum, best_length = running, length
    return best_length


def best_run(weights: Sequence[float]) -> tuple[int, int]:
    """The half-open range [start, end) with the largest sum of weights (Kadane); (0, 0) if none is positive."""
    best_sum, best = 0.0, (0, 0)
    run_sum, run_start = 0.0, 0
    for index, weight in enumerate(weights):
        if run_sum <= 0:
            run_sum, run_start = 0.0, index
        run_sum += weight
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, index + 1)
    return best

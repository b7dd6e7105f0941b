"""Stage 3 for HTML: find the element holding the article, then judge each block by where it sits.

The main content is the element whose prose outweighs its clutter: prose in runs counts more
than lone teaser summaries, link text counts as clutter twice, and class/id/role hints are
believed only where they are credible (a hint that would hide most of the page's prose names
a layout, not a widget). Blocks inside the main element are judged by the rules
(`classify.rules`); every block outside it is boilerplate, with the main element's path as
the reason's detail.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from articlex.classify.features import (
    ISOLATED_PROSE_WEIGHT,
    LINKED_PROSE_MAX_LINK_DENSITY,
    Features,
    has_prose_neighbour,
)
from articlex.classify.listed_parts import blocks_showing, widen_to_listed_parts
from articlex.classify.lists import LIST_TAGS, keep_whole_lists, link_targets
from articlex.classify.rules import judge_inside
from articlex.hint_families import HintFamily
from articlex.model import BlockKind, Label, Reason
from articlex.stages import Block, Container, Decision

CLUTTER_WEIGHT = 0.5
"""How much a character of non-prose text counts against a container, per character of prose."""
ARTICLE_HINT_BONUS = 1.25
"""Prose under an element named like an article body ('entry-content', itemprop=articleBody) counts more."""
OUTWEIGHING_FAMILIES = frozenset({HintFamily.COMMENTS})
UNTITLED_OUTWEIGHING_FAMILIES = frozenset({HintFamily.CONSENT})
"""Families believed like comment sections unless they hold an `<h1>`: a cookie notice is longer than many
articles, but a page about cookies names its own element so."""
SEMANTIC_ASIDES = frozenset({"aside", "nav", "footer"})
"""Elements whose tag says they are not the article: believed like comment sections, however much prose they hold
(a short post on a blog whose sidebar of widgets outweighs it), unless they hold an `<h1>` (a site that wraps its
post in an `<aside>`). A class name may describe a layout; a tag says what the element is."""
"""Families whose elements may hold more prose than the article and still not be it: a long discussion."""
LINK_CLUTTER_WEIGHT = 2.0
"""Link text weighs this much more than other clutter: menus and lists of other stories are links."""
DISCUSSION_MIN_PARAGRAPHS = 2
"""A page without an article is read from its discussion when that gives this many paragraphs of prose."""
DISCUSSION_NOTE = "the page's only prose is its discussion"
NO_PROSE = float("-inf")
"""The score of a container without prose: it can never be the main content."""
DATA_KINDS = frozenset({BlockKind.TABLE_CELL, BlockKind.LIST_ITEM, BlockKind.HEADING})
"""Blocks that, without links, are the page's data (a table's cells, a list of ingredients or steps), not clutter."""
SIEVE_PROSE_MIN_WORDS = 4
"""A page without one paragraph of prose is read again with sentences of this many words as prose: a page
builder cuts a post into many short text widgets ('We open on Saturday at eight.'), none of them a paragraph."""
SIEVE_MIN_SENTENCES = 2
"""…and the element found so must hold at least this many such sentences."""
SPECIFICITY_MARGIN = 0.25
"""An element holding all the page's runs of prose may score this share below its wrapper and still win."""
TEXT_ELEMENTS = frozenset({"p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address"})
"""Elements that hold one piece of text (which `<br>`s may cut in several blocks), never an article's own element."""
NAMED_BODY_MIN_WORDS = 5
"""A lone blurb gives way to the page's one element named like the article body when that holds this many words."""
SIBLING_LINK_SHARE = 0.25
"""A piece of the article beside the main content has at most this share of its text in links."""
LEAD_LOOKBACK = 3
"""How many blocks before the main content may hold its lead paragraph (after a headline and a byline)."""
DATED_LIST_MIN_ITEMS = 3
"""A list with this many items that carry their own date line is a list of teasers or comments, not the article."""
TEASER_CARD_MIN_CARDS = 3
"""This many cards side by side, each a linked title over a summary, are a list of other stories."""
TEASER_CARD_MAX_BLOCKS = 3
"""A teaser card holds a title, a summary and at most one more line (a date, a 'Read more')."""
WRAPPER_SHARE = 0.65
"""A negative hint that would hide more than this share of the page's prose names a layout, not a widget."""
META_INFO_MAX_PARAGRAPHS = 2
"""An element holding this many paragraphs of prose is not meta information, whatever its name says: blog
engines name a post's element for what it is filed under ('category-local-news', 'tag-weather')."""


def classify_html(
    blocks: Sequence[Block],
    containers: Sequence[Container],
    features: Sequence[Features],
    listed_parts: Sequence[str] = (),
) -> tuple[Decision, ...]:
    """One decision per block: blocks inside the main element by the rules, the rest boilerplate.

    `listed_parts` are texts the page's structured data lists (a recipe's ingredients and steps).
    A page whose only prose is its discussion (a picture or a video over a thread of comments, a
    forum thread whose posts are all marked as comments) is read again with the discussion as its
    text, rather than left without a body.
    """
    credible = credible_hints(blocks, containers, features)
    decisions = _judge_page(blocks, containers, features, listed_parts, credible)
    if _kept_prose(decisions, features):
        return decisions
    comments = [container for container, family in credible.items() if family is HintFamily.COMMENTS]
    if not comments:
        return decisions
    believed: dict[int, HintFamily] = {c: family for c, family in credible.items() if family is not HintFamily.COMMENTS}
    discussion = _judge_page(blocks, containers, features, listed_parts, believed, read_discussion=True)
    if not _reads_the_discussion(decisions, discussion, features, _inside_any(containers, comments)):
        return decisions
    return tuple(
        replace(decision, detail=f"{decision.detail}; {DISCUSSION_NOTE}")
        if decision.label is Label.CONTENT
        else decision
        for decision in discussion
    )


def _reads_the_discussion(
    decisions: Sequence[Decision], discussion: Sequence[Decision], features: Sequence[Features], sections: list[bool]
) -> bool:
    """Whether the reading that believes no comment section found the page's discussion, and nothing else.

    It must keep two paragraphs of prose (a comment form's one line of help is no discussion), all of them
    in the comment sections (not a list of dated teasers, which that reading no longer counts out), and
    everything the first reading kept.
    """
    prose = _kept_prose(discussion, features)
    return (
        len(prose) >= DISCUSSION_MIN_PARAGRAPHS
        and all(sections[discussion[index].block.ancestors[-1]] for index in prose)
        and _kept(decisions) <= _kept(discussion)
    )


def read_from_discussion(details: Iterable[str]) -> bool:
    """Whether these decision details (of the kept blocks) say the body is the page's discussion.

    Such a body is a last resort: an article found elsewhere (hidden until a script shows it, or in
    the page's JSON-LD) replaces it whatever its length.
    """
    return any(detail.endswith(DISCUSSION_NOTE) for detail in details)


def _kept(decisions: Sequence[Decision]) -> set[int]:
    return {decision.block.index for decision in decisions if decision.label is Label.CONTENT}


def _kept_prose(decisions: Sequence[Decision], features: Sequence[Features]) -> list[int]:
    return [
        decision.block.index
        for decision, feature in zip(decisions, features, strict=True)
        if decision.label is Label.CONTENT and feature.is_prose
    ]


def _judge_page(  # noqa: PLR0913 - the page's parts, the hints believed, and which reading this is
    blocks: Sequence[Block],
    containers: Sequence[Container],
    features: Sequence[Features],
    listed_parts: Sequence[str],
    credible: dict[int, HintFamily],
    *,
    read_discussion: bool = False,
) -> tuple[Decision, ...]:
    """Find the main element and judge every block by where it sits, under the `credible` hints.

    `read_discussion`: the page's discussion is being read (its comment sections are not among the hints).
    """
    main = main_container(blocks, containers, features, credible, dated_items_count=read_discussion)
    if main is None and not read_discussion:
        # The sieve: a page of short sentences only (a page builder's text widgets) is read again.
        features = [replace(feature, prose_min_words=SIEVE_PROSE_MIN_WORDS) for feature in features]
        credible = credible_hints(blocks, containers, features)
        main = main_container(blocks, containers, features, credible)
        sentences = sum(1 for b, f in zip(blocks, features, strict=True) if f.is_prose and main in b.ancestors)
        main = main if sentences >= SIEVE_MIN_SENTENCES else None  # one line ('© 2006 …') is no post
    if main is None:
        why = _why_no_text(blocks, features, credible)
        return tuple(Decision(block, Label.BOILERPLATE, Reason.NO_TEXT, why) for block in blocks)
    hinted = _under_a_hint(containers, credible)
    unhinted = [block for block in blocks if not hinted[block.ancestors[-1]]] if listed_parts else []
    showing = blocks_showing(unhinted, listed_parts)
    main = widen_to_listed_parts(blocks, _named_body(blocks, containers, features, main), showing)
    where = container_path(containers, main)
    nearest = _nearest_hint_below(containers, credible, main)
    lead = _lead_before(blocks, containers, features, hinted, main)
    beside = _prose_siblings(blocks, containers, features, hinted, main)
    in_main = _inside_any(containers, (main,))
    decisions = []
    for block, feature in zip(blocks, features, strict=True):
        if in_main[block.ancestors[-1]]:
            label, reason, detail = judge_inside(block, feature, nearest[block.ancestors[-1]])
            if reason is Reason.LINK_DENSE and block.index in showing:  # an ingredient linked to its glossary entry
                label, reason, detail = Label.CONTENT, Reason.BODY_LIST, "a part the page's structured data lists"
        elif beside[block.ancestors[-1]]:
            label, reason, detail = judge_inside(block, feature, None)
            detail = f"prose only, beside {where} in the same parent"
        elif block.index == lead:
            label, reason, detail = judge_inside(block, feature, None)
            detail = f"the lead just before {where}"
        else:
            label, reason, detail = Label.BOILERPLATE, Reason.OUTSIDE_MAIN, f"main content is {where}"
        decisions.append(Decision(block, label, reason, detail))
    keep_whole_lists(decisions, containers, main)
    return tuple(decisions)


def _why_no_text(blocks: Sequence[Block], features: Sequence[Features], credible: dict[int, HintFamily]) -> str:
    """Why a page has no main content: no prose at all, or prose only where no article is.

    A post of one picture under a thread of comments has prose, all of it in the comments; the
    decisions name the hint families that hold the prose, and 'stray sentences' for the rest.
    """
    families = set()
    for block, feature in zip(blocks, features, strict=True):
        if feature.is_prose:
            hinted = next((credible[c] for c in reversed(block.ancestors) if c in credible), None)
            families.add(hinted.value if hinted is not None else "stray sentences")
    if not families:
        return "no prose on the page"
    return "no article on the page: its prose is only in " + ", ".join(sorted(families))


def _named_body(
    blocks: Sequence[Block], containers: Sequence[Container], features: Sequence[Features], main: int
) -> int:
    """The page's one element named like the article body, when the main content found is a lone blurb apart from it.

    A short post (a photo and one line) holds no paragraph of prose, so a site's credit or "about" blurb
    elsewhere on the page outscores it. When the main content found holds one paragraph at most and lies
    apart from the page's only element named like the article body ('entry-content',
    itemprop=articleBody) or tagged as the titled article (an `<article>` holding the `<h1>` and a
    paragraph), and that element holds a few words of unlinked text, that element is the article.
    """
    if sum(1 for b, f in zip(blocks, features, strict=True) if f.is_prose and main in b.ancestors) > 1:
        return main
    named = {c.id for c in containers if HintFamily.ARTICLE_BODY in c.families}
    named |= _titled_articles(blocks, containers, features)
    outermost = [c for c in named if named.isdisjoint(_ancestors(containers, c))]
    if len(outermost) != 1:
        return main
    body = outermost[0]
    if main == body or body in _ancestors(containers, main) or main in _ancestors(containers, body):
        return main
    words = sum(
        len(b.text.split()) * (len(b.text) - b.link_chars) / len(b.text)
        for b in blocks
        if body in b.ancestors and b.text
    )  # unlinked words
    return body if words >= NAMED_BODY_MIN_WORDS else main


def _titled_articles(
    blocks: Sequence[Block], containers: Sequence[Container], features: Sequence[Features]
) -> set[int]:
    """The `<article>` elements that hold an `<h1>` and a paragraph of prose: a post says what it is by its tag."""
    titled = {
        container
        for block in blocks
        if block.kind is BlockKind.HEADING and block.level == 1
        for container in block.ancestors
        if containers[container].tag == "article"
    }
    prose = [block for block, feature in zip(blocks, features, strict=True) if feature.is_prose]
    return {container for container in titled if any(container in block.ancestors for block in prose)}


def _ancestors(containers: Sequence[Container], container: int) -> list[int]:
    """The containers around `container`, innermost first."""
    around = []
    parent = containers[container].parent
    while parent >= 0:
        around.append(parent)
        parent = containers[parent].parent
    return around


def _lead_before(
    blocks: Sequence[Block],
    containers: Sequence[Container],
    features: Sequence[Features],
    hinted: Sequence[bool],
    main: int,
) -> int | None:
    """The index of the article's lead paragraph when it stands just before the main content, outside it.

    Many templates set the first paragraph (a standfirst, an 'intro' or 'excerpt' box) in the post's header,
    beside the element that holds the rest: a paragraph of prose among the few blocks before the main
    content, inside the same parent and under no believed hint, belongs to the article.
    """
    first = next((i for i, block in enumerate(blocks) if main in block.ancestors), None)
    parent = containers[main].parent
    if first is None or parent < 0:
        return None
    for index in range(first - 1, max(-1, first - 1 - LEAD_LOOKBACK), -1):
        block = blocks[index]
        if block.kind is BlockKind.HEADING or parent not in block.ancestors or hinted[block.ancestors[-1]]:
            continue
        feature = features[index]
        if feature.is_prose or (
            block.kind is BlockKind.PARAGRAPH and feature.words >= feature.prose_min_words and not block.link_chars
        ):
            return block.index  # a standfirst is a sentence, often written without its full stop
    return None


def _prose_siblings(
    blocks: Sequence[Block],
    containers: Sequence[Container],
    features: Sequence[Features],
    hinted: Sequence[bool],
    main: int,
) -> list[bool]:
    """For each container, whether it lies in a sibling of the main content that holds prose and nothing else.

    Templates cut an article in pieces side by side: the first paragraph in one element, an inline box of
    links, the rest in a second element of the same parent; or a standfirst set apart beside the body.
    A sibling of the main content whose every block is a paragraph of prose, under no believed hint and
    with few links, is such a piece. A list of teasers beside the article never passes: its titles are
    no prose.
    """
    parent = containers[main].parent
    if parent < 0:
        return [False] * len(containers)
    towards = [-1] * len(containers)  # for each container, the child of `parent` it lies in (-1: none)
    for container in containers:
        if container.parent == parent:
            towards[container.id] = container.id
        elif container.parent >= 0:
            towards[container.id] = towards[container.parent]
    chars: dict[int, int] = {}
    link_chars: dict[int, int] = {}
    only_prose: dict[int, bool] = {}
    for block, feature in zip(blocks, features, strict=True):
        sibling = towards[block.ancestors[-1]]
        if sibling < 0 or sibling == main:
            continue
        chars[sibling] = chars.get(sibling, 0) + len(block.text)
        link_chars[sibling] = link_chars.get(sibling, 0) + block.link_chars
        prose = feature.is_prose and not hinted[block.ancestors[-1]]
        if prose or block.text.strip():
            only_prose[sibling] = only_prose.get(sibling, True) and prose
    pieces = {
        sibling
        for sibling, total in chars.items()
        if only_prose.get(sibling) and not hinted[sibling] and link_chars[sibling] <= SIBLING_LINK_SHARE * total
    }
    return _inside_any(containers, pieces)


def _inside_any(containers: Sequence[Container], marked: Collection[int]) -> list[bool]:
    """For each container, whether it or one of its ancestors is marked (one pass, parents first)."""
    inside = [False] * len(containers)
    for container in containers:
        parent = container.parent
        inside[container.id] = container.id in marked or (parent >= 0 and inside[parent])
    return inside


def _nearest_hint_below(
    containers: Sequence[Container], credible: dict[int, HintFamily], main: int
) -> list[HintFamily | None]:
    """For each container, the credible hint of itself or its nearest ancestor below `main` (None at `main`).

    One pass in document order (a parent's id is smaller than its children's): each container
    inherits its parent's answer, so no block climbs its ancestors.
    """
    nearest: list[HintFamily | None] = [None] * len(containers)
    for container in containers:
        if container.id == main:
            continue
        own = credible.get(container.id)
        nearest[container.id] = own if own is not None else nearest[container.parent] if container.parent >= 0 else None
    return nearest


def container_path(containers: Sequence[Container], container: int) -> str:
    """The element path of a container, e.g. 'body>div#main>article'."""
    steps = []
    while container >= 0:
        steps.append(containers[container].label)
        container = containers[container].parent
    return ">".join(reversed(steps))


def credible_hints(
    blocks: Sequence[Block], containers: Sequence[Container], features: Sequence[Features]
) -> dict[int, HintFamily]:
    """Containers whose negative hint family is believable, mapped to that family.

    A hint is not believed where it would hide most of the page's prose: on an element that
    holds most of it, on an element that encloses one named like the article body, or when one
    family's elements together hold most of it. Such names describe a layout or a site-wide
    convention ('content-with-sidebar', 'category-news' on every post, 'elementor-widget' on
    every box), not a widget. "Most of the prose" leaves out the comment sections: a long
    discussion may hold more prose than the article above it, and must not make the article's
    own wrapper look like a small part of the page.
    """
    prose_under = [0.0] * len(containers)
    paragraphs_under = [0.0] * len(containers)
    titles_under = [0.0] * len(containers)
    total = 0
    for block, feature in zip(blocks, features, strict=True):
        if block.kind is BlockKind.HEADING and block.level == 1:
            titles_under[block.ancestors[-1]] += 1
        if feature.is_prose:
            total += len(block.text)
            prose_under[block.ancestors[-1]] += len(block.text)
            paragraphs_under[block.ancestors[-1]] += 1
    _add_up(containers, prose_under, paragraphs_under, titles_under)
    encloses_article = _encloses_article(containers)
    negative: dict[int, HintFamily] = {}
    for element in containers:
        if not element.families or HintFamily.ARTICLE_BODY in element.families or encloses_article[element.id]:
            continue
        families = element.families
        if paragraphs_under[element.id] >= META_INFO_MAX_PARAGRAPHS:
            families = families - {HintFamily.META_INFO}  # bylines, dates and tags are no paragraphs
        if families:
            negative[element.id] = min(families)
    outweighing = {
        c: f
        for c, f in negative.items()
        if f in OUTWEIGHING_FAMILIES
        or ((f in UNTITLED_OUTWEIGHING_FAMILIES or containers[c].tag in SEMANTIC_ASIDES) and not titles_under[c])
    }
    outermost = [c for c, f in outweighing.items() if not _inside_same_family(containers, c, f, outweighing)]
    discussed = sum(prose_under[c] for c in outermost)
    limit = WRAPPER_SHARE * (total - discussed)
    candidates = {c: f for c, f in negative.items() if c in outweighing or not prose_under[c] > limit}
    family_prose: dict[HintFamily, float] = {}
    for container, family in candidates.items():
        if not _inside_same_family(containers, container, family, candidates):
            family_prose[family] = family_prose.get(family, 0) + prose_under[container]
    return {c: f for c, f in candidates.items() if c in outweighing or family_prose.get(f, 0) <= limit}


def _encloses_article(containers: Sequence[Container]) -> list[bool]:
    encloses = [False] * len(containers)
    for container in containers:
        if HintFamily.ARTICLE_BODY in container.families:
            parent = container.parent
            while parent >= 0 and not encloses[parent]:
                encloses[parent] = True
                parent = containers[parent].parent
    return encloses


def _inside_same_family(
    containers: Sequence[Container], container: int, family: HintFamily, marked: dict[int, HintFamily]
) -> bool:
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
    credible: dict[int, HintFamily],
    *,
    dated_items_count: bool = False,
) -> int | None:
    """The container whose prose most outweighs its clutter, or None when the page has no prose.

    Prose that stands alone between clutter (a teaser's summary, a comment) counts for less
    than prose among prose (the paragraphs of an article). Prose in a list of dated items (teasers,
    comments) counts for nothing, unless `dated_items_count` (the page's discussion is being read).
    """
    prose = [0.0] * len(containers)
    clustered = [0.0] * len(containers)
    clutter = [0.0] * len(containers)
    sentences = [0.0] * len(containers)
    hinted = _under_a_hint(containers, credible)
    cards = _teaser_cards(blocks, containers, features)
    dated = [False] * len(containers) if dated_items_count else _dated_items(blocks, containers, features)
    teasers = [in_dated or in_card for in_dated, in_card in zip(dated, cards, strict=True)]
    is_prose = [
        feature.is_prose_with_links and not hinted[block.ancestors[-1]] and not teasers[block.ancestors[-1]]
        for block, feature in zip(blocks, features, strict=True)
    ]
    for index, block in enumerate(blocks):
        innermost = block.ancestors[-1]
        prose_chars = float(len(block.text) - block.link_chars) if is_prose[index] else 0.0
        clutter_chars = len(block.text) - prose_chars + (LINK_CLUTTER_WEIGHT - 1) * block.link_chars
        short_sentence = not block.link_chars and _short_sentence(features[index])
        if short_sentence or (not block.link_chars and block.kind in DATA_KINDS):
            # A data table's cells, a recipe's ingredients, a short sentence between paragraphs: the page's
            # data and text, not its clutter.
            clutter_chars = 0.0
        if short_sentence and not hinted[innermost] and not teasers[innermost]:
            # …and a short sentence is some evidence of text, as much as prose standing alone: a site builder's
            # page of one paragraph among short sentences is their column, not that paragraph's block.
            sentences[innermost] += ISOLATED_PROSE_WEIGHT * len(block.text)
        in_run = bool(prose_chars) and has_prose_neighbour(is_prose, features, index)
        if prose_chars and not in_run:
            prose_chars *= ISOLATED_PROSE_WEIGHT
        prose[innermost] += prose_chars
        clutter[innermost] += clutter_chars
        if in_run:
            clustered[innermost] += prose_chars
    _add_up(containers, prose, clutter, clustered, sentences)
    scores = [
        (prose[e.id] + sentences[e.id]) * (ARTICLE_HINT_BONUS if HintFamily.ARTICLE_BODY in e.families else 1.0)
        - CLUTTER_WEIGHT * clutter[e.id]
        if prose[e.id] > 0
        else NO_PROSE
        for e in containers
    ]
    best = max(range(len(containers)), key=scores.__getitem__, default=None)
    if best is None or scores[best] == NO_PROSE:
        return None
    while containers[best].tag in TEXT_ELEMENTS and containers[best].parent >= 0:
        best = containers[best].parent  # one paragraph that outscores the rest is still part of something
    return _around_a_list(containers, clustered, _most_specific(containers, scores, clustered, best))


def _around_a_list(containers: Sequence[Container], clustered: Sequence[float], best: int) -> int:
    """The element around `best` when `best` is a list among runs of prose in that element.

    A wiki's list of appearances, each item a sentence, can outscore the article around it when the
    article's element also holds a box of links to the whole series and a long list of references.
    The list is one part of that article; the page's outermost element is no article, so the list
    is never widened to it.
    """
    parent = containers[best].parent
    if containers[best].tag not in LIST_TAGS or parent < 0 or containers[parent].parent < 0:
        return best
    return parent if clustered[parent] > clustered[best] else best


def _short_sentence(feature: Features) -> bool:
    """A sentence too short to be a paragraph of prose ('The rolls stayed warm.'), which is no clutter either.

    Page builders set a post's paragraphs in modules of their own, long and short ones in turn; counted as
    clutter, the short ones outweigh the long ones and the post is cut to its first paragraph.
    """
    return feature.punctuated and feature.words >= SIEVE_PROSE_MIN_WORDS and not feature.is_prose


def _teaser_cards(blocks: Sequence[Block], containers: Sequence[Container], features: Sequence[Features]) -> list[bool]:
    """For each container, whether it lies in a card of a list of teaser cards (a linked title over its summary).

    Other stories are shown as cards: an element holding a title linked to another page, then the story's
    summary (and maybe a date), three or more side by side. Their summaries are sentences, but not the
    article's paragraphs: a short story beside six such cards must not lose to their wrapper. (An
    accordion's items look alike, but their titles link into the page or to a script, to open the item.)
    """
    texts = [index for index, block in enumerate(blocks) if block.text.strip()]
    per_parent: dict[int, int] = {}
    cards = []
    for position in range(len(texts) - 1):
        title, summary = texts[position], texts[position + 1]
        if blocks[summary].link_chars or not features[summary].is_prose:
            continue
        heading = features[title]
        if heading.is_prose or heading.link_density <= LINKED_PROSE_MAX_LINK_DENSITY or not _links_away(blocks[title]):
            continue
        before = blocks[texts[position - 1]].ancestors if position else ()
        shared = [a for a, b in zip(blocks[title].ancestors, blocks[summary].ancestors, strict=False) if a == b]
        for card in reversed(shared):  # the elements around both, innermost first, while the title opens them
            held = 2 + sum(
                1
                for later in texts[position + 2 : position + 2 + TEASER_CARD_MAX_BLOCKS]
                if card in blocks[later].ancestors
            )
            if card in before or held > TEASER_CARD_MAX_BLOCKS:
                break
            cards.append(card)
            per_parent[containers[card].parent] = per_parent.get(containers[card].parent, 0) + 1
    listed = {card for card in cards if per_parent[containers[card].parent] >= TEASER_CARD_MIN_CARDS}
    return _inside_any(containers, listed)


def _links_away(block: Block) -> bool:
    """Whether a block links to another page: an accordion's title links to '#' or to a script, not away."""
    return any(target and not target.startswith(("#", "javascript:")) for target in link_targets(block))


def _dated_items(blocks: Sequence[Block], containers: Sequence[Container], features: Sequence[Features]) -> list[bool]:
    """For each container, whether it lies in an item of a list of dated items (a list of teasers, each with its date).

    A list whose items carry a date line of their own, three items or more, lists other stories (or comments):
    its summaries are not the article's paragraphs, wherever the list stands.
    """
    dated_item = [False] * len(containers)
    for block, feature in zip(blocks, features, strict=True):
        if feature.date_only:
            item = next((c for c in reversed(block.ancestors) if containers[c].tag == "li"), None)
            if item is not None:
                dated_item[item] = True
    per_list: dict[int, int] = {}
    for container in containers:
        if dated_item[container.id]:
            per_list[container.parent] = per_list.get(container.parent, 0) + 1
    listed = {c.id for c in containers if dated_item[c.id] and per_list.get(c.parent, 0) >= DATED_LIST_MIN_ITEMS}
    return _inside_any(containers, listed)


def _under_a_hint(containers: Sequence[Container], credible: dict[int, HintFamily]) -> list[bool]:
    """For each container, whether it or one of its ancestors has a credible hint."""
    return _inside_any(containers, credible.keys())


def _add_up(containers: Sequence[Container], *totals: list[float]) -> None:
    """Add each container's totals into its parent's, so every container holds all that is under it.

    A container's id is larger than its parent's (ids follow the document order), so one pass
    from the last container to the first carries every total all the way up.
    """
    parents = [container.parent for container in containers]
    for total in totals:
        for child in range(len(parents) - 1, -1, -1):
            if parents[child] >= 0:
                total[parents[child]] += total[child]


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
        if score < threshold or clustered[candidate] < clustered[best] or containers[candidate].tag in TEXT_ELEMENTS:
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

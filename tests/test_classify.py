"""Stage 3, classify: blocks and containers built by hand (no HTML), judged jusText-style."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from articlex import BlockKind, Label, Reason
from articlex.classify import classify
from articlex.classify.features import measure
from articlex.classify.html import credible_hints, main_container
from articlex.classify.text import best_run
from articlex.stages import Block, Container, Decision, SplitPage
from samples import ARTICLE

COMMENT = (
    "I have lived in this town for twenty years, and honestly I think the council made a terrible mistake with this "
    "budget, because nobody asked the people who actually pay for it, and the roads are still full of holes."
)


class PageBuilder:
    """Builds the containers and blocks of a page by hand, as the HTML splitter would."""

    def __init__(self) -> None:
        self.containers: list[Container] = []
        self.blocks: list[Block] = []
        self.body = self.container("body", -1)

    def container(self, tag: str, parent: int, families: Iterable[str] = (), label: str | None = None) -> int:
        ident = len(self.containers)
        self.containers.append(Container(ident, tag, parent, frozenset(families), label or tag))
        return ident

    def ancestors(self, container: int) -> tuple[int, ...]:
        chain = []
        while container >= 0:
            chain.append(container)
            container = self.containers[container].parent
        return tuple(reversed(chain))

    def block(self, text: str, container: int, kind: BlockKind = BlockKind.PARAGRAPH, link_chars: int = 0) -> int:
        """Add a block inside its own element (a child of `container`), like a `<p>` in a `<div>`."""
        tag = {BlockKind.HEADING: "h2", BlockKind.LIST_ITEM: "li"}.get(kind, "p")
        own = self.container(tag, container)
        index = len(self.blocks)
        self.blocks.append(
            Block(index, text, kind, f"block {index}", level=2 if kind is BlockKind.HEADING else 0,
                  link_chars=link_chars, ancestors=self.ancestors(own))
        )  # fmt: skip
        return index

    def page(self) -> SplitPage:
        return SplitPage("html", tuple(self.blocks), tuple(self.containers))

    def classify(self) -> tuple[Decision, ...]:
        return classify(self.page())

    def main(self) -> int | None:
        features = [measure(block) for block in self.blocks]
        credible = credible_hints(self.blocks, self.containers, features)
        return main_container(self.blocks, self.containers, features, credible)


def nav(builder: PageBuilder) -> list[int]:
    """A navigation bar of short links at the top of the page."""
    menu = builder.container("nav", builder.body, {"navigation"}, "nav")
    return [builder.block(word, menu, BlockKind.LIST_ITEM, len(word)) for word in ("Home", "News", "Sport", "Weather")]


# ---- choosing the main container --------------------------------------------------------------


LONG_TITLES = [f"Another story from the region, number {number}" for number in range(4)]
SHORT_TITLES = ["Budget fight looms", "Schools reopen Monday", "Mayor under fire", "New bridge opens"]


@pytest.mark.parametrize("titles", [LONG_TITLES, SHORT_TITLES], ids=["long-titles", "short-titles"])
def test_run_of_prose_paragraphs_wins_over_a_list_of_teasers(titles: list[str]) -> None:
    """The container with a run of paragraphs is the main content, not a list of teasers with one summary each."""
    page = PageBuilder()
    nav(page)
    article = page.container("div", page.body, label="div.story")
    page.block("City council approves new budget", article, BlockKind.HEADING)
    paragraphs = [page.block(text, article) for text in ARTICLE]
    teasers = page.container("div", page.body, label="div.more")
    summaries = []
    for number, title in enumerate(titles):
        teaser = page.container("div", teasers, label="div.teaser")
        page.block(title, teaser, BlockKind.HEADING, len(title))
        summary = f"A short summary of story {number} that tells readers what happened in the town, briefly."
        summaries.append(page.block(summary, teaser))
    decisions = page.classify()
    assert page.main() == article
    assert all(decisions[i].label is Label.CONTENT for i in paragraphs)
    assert all(decisions[i].reason is Reason.OUTSIDE_MAIN for i in summaries)


def test_a_data_table_in_the_article_is_not_clutter() -> None:
    """Standings under two paragraphs: the table's cells do not count against the article holding them."""
    page = PageBuilder()
    nav(page)
    article = page.container("div", page.body, label="div.article")
    intro = [page.block(text, article) for text in ARTICLE[:1]]
    table = page.container("table", article, label="table.standings")
    cells = []
    for row in range(40):
        line = page.container("tr", table, label="tr")
        values = (str(row + 1), f"Driver Number{row}", str(5000 - row * 37), str(row % 4))
        cells.extend(page.block(value, line, BlockKind.TABLE_CELL) for value in values)
    decisions = page.classify()
    assert page.main() == article
    assert all(decisions[i].label is Label.CONTENT for i in intro)
    assert all(decisions[i].reason is not Reason.OUTSIDE_MAIN for i in cells)


def test_comments_are_never_the_main_content() -> None:
    """A comments container holding more prose than the article is still not chosen."""
    page = PageBuilder()
    article = page.container("article", page.body)
    paragraphs = [page.block(text, article) for text in ARTICLE[:3]]
    comments = page.container("div", page.body, {"comments"}, "div#comments")
    replies = [page.block(f"{COMMENT} ({number})", page.container("div", comments)) for number in range(8)]
    assert sum(len(page.blocks[i].text) for i in replies) > 3 * sum(len(page.blocks[i].text) for i in paragraphs)
    decisions = page.classify()
    assert page.main() == article
    assert [decisions[i].label for i in paragraphs] == [Label.CONTENT] * 3
    assert all(decisions[i].label is Label.BOILERPLATE for i in replies)


def test_comments_inside_the_article_element_are_boilerplate() -> None:
    """Comments nested in the article's own element are judged 'comments', not body."""
    page = PageBuilder()
    article = page.container("article", page.body)
    paragraphs = [page.block(text, article) for text in ARTICLE]
    comments = page.container("section", article, {"comments"}, "section.comments")
    replies = [page.block(f"{COMMENT} ({number})", page.container("div", comments)) for number in range(2)]
    decisions = page.classify()
    assert all(decisions[i].label is Label.CONTENT for i in paragraphs)
    assert [decisions[i].reason for i in replies] == [Reason.COMMENTS, Reason.COMMENTS]


def test_negative_hint_on_the_article_wrapper_is_disbelieved() -> None:
    """A 'sidebar' hint on the element that wraps most of the prose names a layout: its paragraphs stay content."""
    page = PageBuilder()
    nav(page)
    wrapper = page.container("div", page.body, {"sidebar"}, "div.content-sidebar")
    article = page.container("article", wrapper)
    paragraphs = [page.block(text, article) for text in ARTICLE]
    features = [measure(block) for block in page.blocks]
    assert wrapper not in credible_hints(page.blocks, page.containers, features)
    decisions = page.classify()
    assert [decisions[i].label for i in paragraphs] == [Label.CONTENT] * len(ARTICLE)


def test_negative_hint_on_a_small_box_is_believed() -> None:
    """A 'sidebar' hint on a box with a little prose beside the article is believed."""
    page = PageBuilder()
    article = page.container("article", page.body)
    for text in ARTICLE:
        page.block(text, article)
    box = page.container("div", page.body, {"sidebar"}, "div.sidebar")
    page.block(COMMENT, box)
    features = [measure(block) for block in page.blocks]
    assert credible_hints(page.blocks, page.containers, features).get(box) == "sidebar"


def test_page_without_prose_has_no_main_container() -> None:
    """When no block is prose, there is no main container and every block is boilerplate."""
    page = PageBuilder()
    nav(page)
    assert page.main() is None
    assert {decision.label for decision in page.classify()} == {Label.BOILERPLATE}


# ---- judging blocks ------------------------------------------------------------------------------


def build_article_with_clutter() -> tuple[PageBuilder, dict[str, int]]:
    page = PageBuilder()
    where = {"nav": nav(page)[0]}
    article = page.container("article", page.body)
    where["first"] = page.block(ARTICLE[0], article)
    page.block(ARTICLE[1], article)
    share = page.container("div", article, {"share"}, "div.share-bar")
    where["share"] = page.block("Share on Facebook | Tweet | Email", share, link_chars=24)
    page.block(ARTICLE[2], article)
    where["links"] = page.block("Budget 2024 explained in charts and maps", article, link_chars=40)
    where["read_more"] = page.block("Read more", article)
    page.block(ARTICLE[3], article)
    page.block(ARTICLE[4], article)
    footer = page.container("footer", page.body, {"footer"}, "footer")
    where["footer"] = page.block("Copyright 2024 The Daily Example. All rights reserved.", footer)
    return page, where


def test_blocks_outside_the_main_container_are_boilerplate_outside_main() -> None:
    """Navigation and footer blocks, outside the chosen container, are boilerplate with reason outside_main."""
    page, where = build_article_with_clutter()
    decisions = page.classify()
    for name in ("nav", "footer"):
        assert (decisions[where[name]].label, decisions[where[name]].reason) == (Label.BOILERPLATE, Reason.OUTSIDE_MAIN)


def test_outside_main_detail_names_the_main_container() -> None:
    """The detail of an outside_main decision says where the main content is."""
    page, where = build_article_with_clutter()
    assert page.classify()[where["nav"]].detail == "main content is body>article"


def test_share_bar_inside_the_article_is_share() -> None:
    """A block inside a 'share' element within the main content is boilerplate with reason share."""
    page, where = build_article_with_clutter()
    decision = page.classify()[where["share"]]
    assert (decision.label, decision.reason) == (Label.BOILERPLATE, Reason.SHARE)


def test_link_dense_block_inside_the_article_is_link_dense() -> None:
    """A short block that is all link text is boilerplate with reason link_dense."""
    page, where = build_article_with_clutter()
    decision = page.classify()[where["links"]]
    assert (decision.label, decision.reason) == (Label.BOILERPLATE, Reason.LINK_DENSE)


@pytest.mark.parametrize(
    ("text", "linked", "reason"),
    [
        # A round-up's item: its lead is a link, the rest of the sentence is not.
        ("Former mayor will run again next spring, her campaign said on Monday.", 45, Reason.BODY_LIST),
        ("Read our full review of the new phone and more stories from this week in tech", 78, Reason.LINK_DENSE),
        ("Best phones of the year", 23, Reason.LINK_DENSE),
    ],
)
def test_a_sentence_list_item_with_a_link_in_it_is_a_round_up_item(text: str, linked: int, reason: Reason) -> None:
    """Inside the article, a list item that is a sentence with a link over part of it is text; a linked title is not."""
    page = PageBuilder()
    nav(page)
    article = page.container("article", page.body, label="article")
    for paragraph in ARTICLE:
        page.block(paragraph, article)
    items = page.container("ol", article, label="ol")
    item = page.block(text, items, BlockKind.LIST_ITEM, link_chars=linked)
    decision = page.classify()[item]
    assert decision.reason is reason


def test_read_more_label_is_a_boilerplate_phrase() -> None:
    """A 'Read more' label is boilerplate, with the reason of its phrase family (related)."""
    page, where = build_article_with_clutter()
    decision = page.classify()[where["read_more"]]
    assert (decision.label, decision.reason) == (Label.BOILERPLATE, Reason.RELATED)
    assert "label" in decision.detail


def test_prose_inside_the_main_container_is_main_text() -> None:
    """A paragraph of prose in the main content is content with reason main_text."""
    page, where = build_article_with_clutter()
    decision = page.classify()[where["first"]]
    assert (decision.label, decision.reason) == (Label.CONTENT, Reason.MAIN_TEXT)


def test_one_decision_per_block_in_order() -> None:
    """`classify` returns exactly one decision per block, in block order, each about its own block."""
    page, _ = build_article_with_clutter()
    decisions = page.classify()
    assert [decision.block for decision in decisions] == list(page.blocks)


# ---- plain text --------------------------------------------------------------------------------


def text_page(lines: list[tuple[str, BlockKind]]) -> SplitPage:
    blocks = tuple(Block(index, text, kind, f"line {index + 1}") for index, (text, kind) in enumerate(lines))
    return SplitPage("text", blocks)


MENU = [(word, BlockKind.LINE) for word in ("Home", "World", "Business", "Sport", "Weather", "Video", "Podcasts")]
PROSE = [(text, BlockKind.PARAGRAPH) for text in ARTICLE]


def test_text_main_run_is_the_longest_run_of_prose_lines() -> None:
    """Of two runs of prose lines far apart, the longer one is the body and the shorter one is not."""
    teaser = [(ARTICLE[4], BlockKind.PARAGRAPH)]
    lines = [*MENU[:3], *teaser, *MENU, *MENU, *PROSE, *MENU[:2]]
    decisions = classify(text_page(lines))
    body = [d.block.text for d in decisions if d.label is Label.CONTENT]
    assert body == ARTICLE
    assert decisions[3].label is Label.BOILERPLATE


def test_text_lines_before_the_main_run_are_outside_main() -> None:
    """Menu lines above the body are boilerplate with reason outside_main."""
    decisions = classify(text_page([*MENU, *PROSE]))
    assert {(d.label, d.reason) for d in decisions[: len(MENU)]} == {(Label.BOILERPLATE, Reason.OUTSIDE_MAIN)}


def test_text_lines_after_the_main_run_are_after_body_end() -> None:
    """Lines below the body, past a section-ending label, are boilerplate with reason after_body_end."""
    after = [
        ("Related stories", BlockKind.LINE),
        ("Budget fight looms", BlockKind.LINE),
        ("Schools reopen", BlockKind.LINE),
    ]
    decisions = classify(text_page([*MENU, *PROSE, *after]))
    assert {(d.label, d.reason) for d in decisions[-3:]} == {(Label.BOILERPLATE, Reason.AFTER_BODY_END)}
    assert all(d.label is Label.CONTENT for d in decisions[len(MENU) : len(MENU) + len(PROSE)])


def test_text_without_prose_is_all_boilerplate() -> None:
    """A text page of menu lines only has no content."""
    assert {d.label for d in classify(text_page(MENU))} == {Label.BOILERPLATE}


def test_text_one_decision_per_line_in_order() -> None:
    """Plain-text classification gives exactly one decision per block, in order."""
    page = text_page([*MENU, *PROSE, *MENU])
    assert [decision.block for decision in classify(page)] == list(page.blocks)


def test_empty_page_has_no_decisions() -> None:
    """A page without blocks gives no decisions."""
    assert classify(SplitPage("text", ())) == ()


# ---- best_run (Kadane) ---------------------------------------------------------------------------


@pytest.mark.parametrize("weights", [[], [-1.0], [-3.0, -1.0, -2.0], [0.0, 0.0]], ids=["empty", "one", "many", "zeros"])
def test_best_run_of_no_positive_weight_is_empty(weights: list[float]) -> None:
    """Without a positive weight the best run is the empty range (0, 0)."""
    assert best_run(weights) == (0, 0)


def test_best_run_single_positive() -> None:
    """A single positive weight among negatives is the run by itself."""
    assert best_run([-1.0, -4.0, 5.0, -2.0]) == (2, 3)


def test_best_run_bridges_a_gap_worth_bridging() -> None:
    """A small negative between two large positives is taken in: the run spans both."""
    assert best_run([-5.0, 10.0, -3.0, 10.0, -5.0]) == (1, 4)


def test_best_run_does_not_bridge_a_gap_not_worth_it() -> None:
    """A negative larger than either side splits the runs; the larger side wins alone."""
    assert best_run([10.0, -30.0, 12.0]) == (2, 3)


def test_best_run_is_half_open_and_covers_the_whole_list() -> None:
    """When every weight is positive the run is the whole list, as [0, len)."""
    assert best_run([1.0, 2.0, 3.0]) == (0, 3)

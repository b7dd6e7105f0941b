"""The typed body (`Article.body`): invented pages with each kind of element, read back from Markdown too.

Every page here is invented. The Markdown of each is parsed back with markdown-it-py
(CommonMark with GFM tables) and compared with the body: headings and levels, list items with
their depth, table cells, links.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

import articlex
from articlex import Article, Label
from articlex.cli import main
from body_tree import body_tree, element_blocks, markdown_tree

URL = "https://example.com/kitchen/soup"
PROSE = (
    "This soup takes about forty minutes from the first chopped carrot to the bowl on the table, "
    "and it keeps well in the fridge for two days."
)
MORE = "We tried three kinds of carrots from the market, and the sweet orange ones gave the mildest taste."


def page(body: str, title: str = "Carrot soup for a cold evening") -> str:
    """An invented article page: navigation, the article with a headline and a byline, a footer."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/kitchen">Kitchen</a></nav>
<article><h1>{title}</h1><p>By Mara Quill</p><p>{PROSE}</p>{body}<p>{MORE}</p></article>
<footer><p>Copyright Example Kitchen</p></footer></body></html>"""


RECIPE = page(
    """<h2>Ingredients</h2>
<ul><li>4 carrots</li><li>1 onion<ul><li>red or white</li></ul></li><li>1 litre of <a href="/stock">stock</a></li></ul>
<h2>Steps</h2>
<ol><li>Chop the carrots and the onion into small pieces, then warm a little oil in a large pot.</li>
<li>Simmer everything in the stock for thirty minutes, until the carrots are soft enough to mash.</li></ol>
<h3>Serving</h3><p>Serve it hot with <em>fresh</em> bread and a spoon of <strong>cream</strong> on top of each bowl.</p>"""
)
STANDINGS = page(
    """<h2>The table after six rounds</h2>
<table><caption>Standings</caption><thead><tr><th>Team</th><th>Played</th><th>Points</th></tr></thead>
<tbody><tr><td>Riverside Rovers</td><td>6</td><td>16</td></tr><tr><td>Hill Town</td><td>6</td><td>12</td></tr>
<tr><td>Lakeside United</td><td>6</td><td>7</td></tr></tbody></table>""",
    title="Rovers stay on top of the league",
)
QUOTE = page(
    "<blockquote><p>The best soup I made this winter, and the simplest one too.</p>"
    "<p>I will make it again next week for the whole family.</p></blockquote>"
)
CODE = page(
    '<pre><code class="language-python">def soup(carrots):\n    return carrots * 2\n</code></pre>',
    title="Cooking with a little program",
)
FIGURE = page(
    '<figure><img src="/img/soup.jpg" alt="A bowl of carrot soup"><figcaption>The soup, ready to serve.'
    "</figcaption></figure>"
)
PAGES = {"recipe": RECIPE, "standings": STANDINGS, "quote": QUOTE, "code": CODE, "figure": FIGURE}


@pytest.fixture(scope="module", params=sorted(PAGES))
def article(request: pytest.FixtureRequest) -> Article:
    return articlex.extract(PAGES[request.param], url=URL)


def test_recipe_has_headings_lists_and_nesting() -> None:
    """Headings keep their levels; the ingredient list is one list with a nested one; the steps are numbered."""
    body = articlex.extract(RECIPE, url=URL).body
    assert [element.type for element in body] == [
        "paragraph", "heading", "list", "heading", "list", "heading", "paragraph", "paragraph",
    ]  # fmt: skip
    headings = [(element.level, element.text) for element in body if element.type == "heading"]
    assert headings == [(2, "Ingredients"), (2, "Steps"), (3, "Serving")]
    ingredients, steps = (element for element in body if element.type == "list")
    assert not ingredients.ordered
    assert [item.text for item in ingredients.items] == ["4 carrots", "1 onion", "1 litre of stock"]
    assert [item.text for item in ingredients.items[1].lists[0].items] == ["red or white"]
    assert steps.ordered
    assert len(steps.items) == 2


def test_links_and_emphasis_are_spans_with_resolved_addresses() -> None:
    """A link keeps its address, made absolute against the page's; strong and em are spans over their words."""
    body = articlex.extract(RECIPE, url=URL).body
    stock = next(element for element in body if element.type == "list").items[2]
    link = next(span for span in stock.spans if span.kind == "link")
    assert stock.text[link.start : link.end] == "stock"
    assert link.href == "https://example.com/stock"
    serving = next(element for element in body if element.type == "paragraph" and "fresh" in element.text)
    assert {span.kind: serving.text[span.start : span.end] for span in serving.spans} == {
        "em": "fresh",
        "strong": "cream",
    }


def test_standings_table_has_its_header_row_and_caption() -> None:
    """A `<thead>` row is the header row, its cells `th`; every cell keeps its text; the caption is kept."""
    table = next(element for element in articlex.extract(STANDINGS, url=URL).body if element.type == "table")
    assert table.caption == "Standings"
    assert [row.header for row in table.rows] == [True, False, False, False]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Team", "Played", "Points"],
        ["Riverside Rovers", "6", "16"],
        ["Hill Town", "6", "12"],
        ["Lakeside United", "6", "7"],
    ]
    assert all(cell.header for cell in table.rows[0].cells)


def test_standings_markdown_is_a_gfm_table() -> None:
    """The Markdown table has a separator row, so it parses back as a table: header cells, then body cells."""
    markdown = articlex.extract(STANDINGS, url=URL).to_markdown()
    assert "| --- | --- | --- |" in markdown
    cells = markdown_tree(markdown)["cells"]
    assert cells[:3] == [(True, "Team"), (True, "Played"), (True, "Points")]
    assert cells[3:6] == [(False, "Riverside Rovers"), (False, "6"), (False, "16")]


def test_quote_keeps_its_paragraphs() -> None:
    """A blockquote of two paragraphs is one quote; Markdown marks each line with '>'."""
    article = articlex.extract(QUOTE, url=URL)
    quote = next(element for element in article.body if element.type == "quote")
    assert quote.text == (
        "The best soup I made this winter, and the simplest one too.\n\n"
        "I will make it again next week for the whole family."
    )
    assert "> The best soup I made this winter, and the simplest one too.\n>\n> I will make" in article.to_markdown()


def test_code_keeps_indentation_and_language() -> None:
    """A `<pre><code class="language-…">` is code with its language and indentation; Markdown fences it."""
    article = articlex.extract(CODE, url=URL)
    code = next(element for element in article.body if element.type == "code")
    assert code.text == "def soup(carrots):\n    return carrots * 2"
    assert code.language == "python"
    assert markdown_tree(article.to_markdown())["code"] == [("python", "def soup(carrots):\n    return carrots * 2\n")]


def test_figure_has_resolved_source_alt_and_caption() -> None:
    """An image in a `<figure>` between paragraphs is a figure: address made absolute, alt text, caption."""
    article = articlex.extract(FIGURE, url=URL)
    figure = next(element for element in article.body if element.type == "figure")
    assert figure.src == "https://example.com/img/soup.jpg"
    assert figure.alt == "A bowl of carrot soup"
    assert figure.caption == "The soup, ready to serve."
    assert "![A bowl of carrot soup](https://example.com/img/soup.jpg)" in article.to_markdown()
    assert "![" not in article.to_markdown(images=False)


def test_markdown_reads_back_as_the_body(article: Article) -> None:
    """Headings (with levels), list items (with depth and kind) and table cells survive a Markdown round trip."""
    tree, body = markdown_tree(article.to_markdown(front_matter=False)), body_tree(article)
    assert tree["headings"] == body["headings"]
    assert tree["items"] == body["items"]
    assert tree["cells"] == body["cells"]


def test_every_element_comes_from_content_blocks(article: Article) -> None:
    """Each element names its blocks; they are content (a figure's caption: an image caption of the article)."""
    decisions = {decision.index: decision for decision in article.decisions}
    for element in article.body:
        blocks = element_blocks(element)
        assert blocks or element.type == "figure"
        for index in blocks:
            decision = decisions[index]
            assert decision.label is Label.CONTENT or decision.reason.value == "caption", (element, decision)


def test_paragraph_texts_stay_what_they_were(article: Article) -> None:
    """The body adds structure only: `paragraphs` and `text` are derived as before, from the same blocks."""
    body_blocks = {index for element in article.body for index in element_blocks(element)}
    content = {decision.index for decision in article.decisions if decision.paragraph is not None}
    assert content <= body_blocks
    assert article.text == "\n\n".join(article.paragraphs)


def test_text_renderer_shows_bullets_numbers_and_rows() -> None:
    """`to_text` writes list items with '- ' or their number, nested ones indented, table rows as cells."""
    text = articlex.extract(RECIPE, url=URL).to_text()
    assert "- 4 carrots\n- 1 onion\n  - red or white\n- 1 litre of stock" in text
    assert "\n1. Chop the carrots" in text
    assert "Riverside Rovers | 6 | 16" in articlex.extract(STANDINGS, url=URL).to_text()


def test_html_renderer_is_clean() -> None:
    """`to_html` writes only structural elements, no attribute but href, src and alt, and no script address."""
    hostile = page(
        '<p onclick="steal()">A paragraph with <a href="javascript:alert(1)">a script link</a> and '
        '<a href="/fine" class="x" style="color:red">a fine one</a>, and &lt;script&gt;alert(2)&lt;/script&gt; '
        "written out as text on the page for readers.</p>"
        '<figure><img src="/img/a.jpg" alt="x&quot; onerror=&quot;y" width="10"><figcaption>A cap</figcaption></figure>'
    )
    html = articlex.extract(hostile, url=URL).to_html()
    tree = LexborHTMLParser(html)
    attributes = {name for node in tree.css("*") for name in node.attributes}
    assert attributes <= {"href", "src", "alt"}
    assert not tree.css("script")
    assert "javascript:" not in html
    assert "&lt;script&gt;" in html
    assert [node.attributes.get("href") for node in tree.css("a")] == ["https://example.com/fine"]


def test_text_input_gets_lists_headings_and_rows() -> None:
    """A text copy: bullet and number lines become list items, a title-shaped line a heading, tab rows a table."""
    bullets = [
        "Four sweet carrots from the market, peeled and cut into thin rounds for the pot.",
        "One onion, red or white, chopped small so that it softens quickly in the oil.",
    ]
    text = (
        f"Home\nKitchen\n\nCarrot soup for a cold evening\n\nBy Mara Quill\n\n{PROSE}\n\n{MORE}\n\n"
        "What you need\n\nThe onion should be soft and golden before the carrots go in, which takes ten minutes.\n\n"
        f"• {bullets[0]}\n• {bullets[1]}\n\n"
        "A spoon of cream on each bowl makes it richer, but the soup is just as good without it.\n\n"
        "1. Chop the carrots and the onion into small pieces, then warm a little oil in a pot.\n"
        "2. Simmer everything in the stock for thirty minutes, until the carrots are soft.\n\n"
        "Nutrient\tAmount\nEnergy\t210 kcal\n\n"
        "Serve it hot, with bread, and keep the rest covered in the fridge for the next day.\n\nShare this\nNewsletter\n"
    )
    article = articlex.extract(text, options=articlex.Options(input_kind="text"))
    assert [(element.level, element.text) for element in article.body if element.type == "heading"] == [
        (2, "What you need")
    ]
    lists = [element for element in article.body if element.type == "list"]
    assert [(element.ordered, len(element.items)) for element in lists] == [(False, 2), (True, 2)]
    assert [item.text for item in lists[0].items] == bullets
    tables = [element for element in article.body if element.type == "table"]
    assert [[cell.text for cell in row.cells] for row in tables[0].rows] == [
        ["Nutrient", "Amount"],
        ["Energy", "210 kcal"],
    ]
    tree = markdown_tree(article.to_markdown())
    assert len(tree["items"]) == 4
    assert len(tree["cells"]) == 4


@pytest.mark.parametrize("output", ["markdown", "html", "text"])
def test_cli_formats_use_the_renderers(
    output: str, tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """`articlex --format markdown|html|text` prints `to_markdown()`, `to_html()`, `to_text()`."""
    path = tmp_path / "page.html"  # type: ignore[operator]
    path.write_text(RECIPE, encoding="utf-8")
    assert main(["--format", output, "--url", URL, str(path)]) == 0
    article = articlex.extract(RECIPE, url=URL)
    expected = {"markdown": article.to_markdown(), "html": article.to_html(), "text": article.to_text() + "\n"}
    assert capsys.readouterr().out == expected[output]

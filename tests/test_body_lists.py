"""Lists in the typed body: which items a list keeps, on invented pages, read back from Markdown too.

A list is judged as a whole: an item that is mostly a link stays in a list of text, in a list
nested in an item of text, in a list of web addresses and in a table of contents; a list of
links to other pages stays out. Text written straight inside a list element, outside its items,
is no item.
"""

from __future__ import annotations

import articlex
from articlex import Article, Label
from articlex.model import BodyList
from body_tree import body_tree, markdown_tree

URL = "https://example.com/garden/tomatoes"
PROSE = (
    "Tomatoes want a warm and sunny corner of the garden, a deep pot or a raised bed, and water "
    "every evening once the first fruits have set on the lower trusses."
)
MORE = "By the end of August the plants in our raised bed had given more than twenty kilograms of fruit."


def page(body: str) -> str:
    """An invented blog post: navigation, the post with a headline, a byline and prose around `body`, a footer."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>Growing tomatoes on a balcony</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/garden">Garden</a></li></ul></nav>
<article><h1>Growing tomatoes on a balcony</h1><p>By Ilse Varga</p><p>{PROSE}</p>{body}<p>{MORE}</p></article>
<footer><p>Copyright Example Garden</p></footer></body></html>"""


def lists(article: Article) -> list[BodyList]:
    return [element for element in article.body if isinstance(element, BodyList)]


def items(body_list: BodyList) -> list[str]:
    """The texts of a list's items, nested ones after their item."""
    texts = []
    for item in body_list.items:
        texts.append(item.text)
        for inner in item.lists:
            texts += items(inner)
    return texts


def assert_reads_back(article: Article) -> None:
    """The Markdown parses back to the body's list items (depth, kind and text) and headings.

    A line break inside an item is a hard break in Markdown, which reads back as a space.
    """
    tree, body = markdown_tree(article.to_markdown(front_matter=False)), body_tree(article)
    assert tree["items"] == [(depth, ordered, " ".join(text.split())) for depth, ordered, text in body["items"]]
    assert tree["headings"] == body["headings"]


CHECKLIST = page(
    """<p>Before you buy another plant, ask yourself a few questions.</p>
<ul><li>Is there a sunny spot left on the balcony?</li><li>Will the pot hold enough soil for the roots?</li>
<li><a href="/garden/watering">Who waters it when we are away?</a></li><li>Do we eat that many tomatoes?</li></ul>"""
)


def test_a_linked_item_of_a_list_of_text_stays_in_the_list() -> None:
    """One item that is all link (a question linking to another post) is still an item of the checklist."""
    article = articlex.extract(CHECKLIST, url=URL)
    (checklist,) = lists(article)
    assert items(checklist) == [
        "Is there a sunny spot left on the balcony?",
        "Will the pot hold enough soil for the roots?",
        "Who waters it when we are away?",
        "Do we eat that many tomatoes?",
    ]
    linked = checklist.items[2]
    assert [(span.kind, span.href) for span in linked.spans] == [("link", "https://example.com/garden/watering")]
    assert "Who waters it when we are away?" in article.paragraphs
    assert_reads_back(article)


NESTED = page(
    """<h2>What changed this season</h2>
<ul><li>We moved the pots to the south wall, where they get the afternoon sun.</li>
<li>Still to try:<ul><li><a href="/garden/grafting">Grafting on a strong rootstock</a></li>
<li><a href="/garden/pruning">Pruning to a single stem</a></li><li><a href="/garden/feed">A feed made of nettles</a></li>
</ul></li></ul>"""
)


def test_a_list_nested_in_an_item_of_text_keeps_its_linked_entries() -> None:
    """A list under an item of text ('Still to try:') details that item, though each entry is a link."""
    article = articlex.extract(NESTED, url=URL)
    (changes,) = lists(article)
    assert [item.text for item in changes.items] == [
        "We moved the pots to the south wall, where they get the afternoon sun.",
        "Still to try:",
    ]
    assert items(changes.items[1].lists[0]) == [
        "Grafting on a strong rootstock",
        "Pruning to a single stem",
        "A feed made of nettles",
    ]
    assert_reads_back(article)


SOURCES = page(
    """<p>We read these pages before we started, and they helped us more than any book.</p>
<ul><li><a href="https://seeds.example.org/tomatoes">https://seeds.example.org/tomatoes</a></li>
<li><a href="https://www.example.net/balcony-gardens">www.example.net/balcony-gardens</a></li>
<li><a href="https://allotment.example/pots">https://allotment.example/pots</a></li></ul>"""
)


def test_web_addresses_listed_in_the_article_are_items() -> None:
    """A list of addresses shown as they are is the article's list of sources, not a menu."""
    article = articlex.extract(SOURCES, url=URL)
    (sources,) = lists(article)
    assert items(sources) == [
        "https://seeds.example.org/tomatoes",
        "www.example.net/balcony-gardens",
        "https://allotment.example/pots",
    ]
    assert_reads_back(article)


CONTENTS = page(
    """<ul><li><a href="#soil">Soil and pots</a></li><li><a href="#water">Water and feed</a></li>
<li><a href="#harvest">The harvest</a></li></ul>
<h2 id="soil">Soil and pots</h2><p>Use a pot of at least twenty litres, filled with good compost and a little sand.</p>
<h2 id="water">Water and feed</h2><p>Water in the evening, at the foot of the plant, and feed it once a week.</p>
<h2 id="harvest">The harvest</h2><p>Pick the fruits when they are red all over and give a little when pressed.</p>"""
)


def test_a_table_of_contents_is_a_list() -> None:
    """Links that all lead into the page itself list its sections: the article's table of contents."""
    article = articlex.extract(CONTENTS, url=URL)
    (contents,) = lists(article)
    assert items(contents) == ["Soil and pots", "Water and feed", "The harvest"]
    assert_reads_back(article)


RELATED = page(
    """<ul><li><a href="/garden/peppers">Peppers in a pot</a></li><li><a href="/garden/basil">Basil all summer</a></li>
<li><a href="/garden/strawberries">Strawberries on the railing</a></li></ul>"""
)


def test_a_list_of_links_to_other_pages_stays_out() -> None:
    """Links to other posts, with no text item among them, are a list of other stories: not the article's."""
    article = articlex.extract(RELATED, url=URL)
    assert lists(article) == []
    assert not any("Peppers in a pot" in paragraph for paragraph in article.paragraphs)
    kept = [d for d in article.decisions if d.preview == "Peppers in a pot"]
    assert [d.label for d in kept] == [Label.BOILERPLATE]


STRAY = page(
    """<ul><li>Sow the seeds indoors in March, in small pots on a warm windowsill.</li></ul>
<blockquote><ul><em>You could also buy young plants at the market in May.</em></ul></blockquote>
<ul><li>Keep the seedlings warm<ul>and turn them every day toward the light.</ul></li></ul>"""
)


def test_text_straight_inside_a_list_element_is_no_item() -> None:
    """Text inside a `<ul>` but outside its `<li>`s shows without a bullet: a quote here, and in a nested list
    part of the item around it."""
    article = articlex.extract(STRAY, url=URL)
    assert [element.type for element in article.body][1:4] == ["list", "quote", "list"]
    quote = article.body[2]
    assert quote.type == "quote"
    assert quote.text == "You could also buy young plants at the market in May."
    seedlings = lists(article)[1]
    assert [item.text for item in seedlings.items] == [
        "Keep the seedlings warm\nand turn them every day toward the light."
    ]
    assert seedlings.items[0].lists == ()
    assert_reads_back(article)

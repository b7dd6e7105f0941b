"""Small hand-written news pages for the field-finder tests: a site header, an article, a footer.

`article_page` puts the pieces a test cares about (metadata in `<head>`, lines above and below
the headline) around a body of plain prose paragraphs, so every test page reads like a real
article to the classifier while holding only what the test is about.
"""

from __future__ import annotations

PROSE = (
    "The city council approved the new budget on Tuesday, after a long debate that ran late into the night.",
    "Supporters said the plan would repair roads, schools and parks, while critics warned about the cost.",
    "The mayor, who had pushed for the measure for months, said the vote was a turning point for the city.",
    "Officials expect the first projects to begin next spring, once the contracts have been signed and checked.",
)
"""Four paragraphs of plain prose: enough for any page to have an article body."""

HEADLINE = "City council approves new budget after long debate"


def article_page(  # noqa: PLR0913 - every part of a page a test may set, each a keyword
    *,
    head: str = "",
    above: str = "",
    below: str = "",
    headline: str = HEADLINE,
    body: tuple[str, ...] = PROSE,
    after_body: str = "",
    lang: str = "en",
    title: str | None = None,
) -> str:
    """An HTML news page: `head` inside `<head>`, `above`/`below` around the `<h1>`, then the body."""
    paragraphs = "".join(f"<p>{text}</p>" for text in body)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title if title is not None else headline}</title>{head}</head><body>"
        '<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
        '<li><a href="/sport">Sport</a></li></ul></nav></header>'
        f'<main><article>{above}<h1>{headline}</h1>{below}<div class="entry-content">{paragraphs}</div>'
        f"{after_body}</article></main>"
        '<footer class="site-footer"><p>About us · Contact · Privacy</p></footer></body></html>'
    )


def json_ld(data: str) -> str:
    """A JSON-LD script element holding `data`."""
    return f'<script type="application/ld+json">{data}</script>'


def text_copy(headline: str, lines: tuple[str, ...]) -> str:
    """A page as a browser copies it to text: the headline, then each line, a blank line between."""
    return "\n\n".join((headline, *lines)) + "\n"

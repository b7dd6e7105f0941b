"""Renderers of an `Article`: Markdown (CommonMark with GFM tables), plain text and clean HTML.

Each renders the typed body (`Article.body`), optionally after the front matter (headline and
credit line). They are reached through `Article.to_markdown`, `Article.to_text` and
`Article.to_html`; the command line's `--format markdown|text|html` prints them.
"""

from __future__ import annotations

from articlex.model import Article, BodyElement, Paragraph


def elements(article: Article) -> tuple[BodyElement, ...]:
    """The body's elements; an `Article` made without a typed body (older JSON) renders its paragraphs."""
    if article.body or not article.paragraphs:
        return article.body
    return tuple(Paragraph(text=paragraph) for paragraph in article.paragraphs)


def credit_line(article: Article) -> str:
    """The credit line as printed, or one made of the authors, the agency and the date."""
    if article.byline:
        return article.byline
    parts = [", ".join(article.authors), article.agency or ""]
    if article.published:
        parts.append(article.published.isoformat())
    return " | ".join(part for part in parts if part)

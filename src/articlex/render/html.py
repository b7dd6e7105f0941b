"""An `Article` as a clean, minimal HTML fragment.

Only structural elements are written (`h1`–`h6`, `p`, `ul`, `ol`, `li`, `table`, `thead`,
`tbody`, `tr`, `th`, `td`, `caption`, `blockquote`, `pre`, `code`, `figure`, `img`,
`figcaption`, `a`, `strong`, `em`, `br`), with no attribute but `href`, `src` and `alt`;
every text and attribute value is escaped, and only `http`, `https` and `mailto` addresses
(or relative ones) are written. Nothing from the page's markup is copied.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from articlex.model import (
    Article,
    BodyElement,
    BodyList,
    Code,
    Figure,
    Heading,
    Paragraph,
    Quote,
    Span,
    Table,
    TableCell,
)
from articlex.render import credit_line, elements
from articlex.render.inline import render_inline

_SAFE_SCHEMES = frozenset(("", "http", "https", "mailto"))
_TAGS = {"strong": "strong", "em": "em", "code": "code", "link": "a"}


def _safe(address: str | None) -> str | None:
    if not address:
        return None
    try:
        scheme = urlsplit(address.strip()).scheme.lower()
    except ValueError:
        return None
    return address if scheme in _SAFE_SCHEMES else None


class _Markup:
    """HTML's escaping and span markup."""

    @staticmethod
    def escape(text: str, *, line_start: bool) -> str:  # noqa: ARG004 - HTML has no line-start syntax
        return html.escape(text, quote=True)

    @staticmethod
    def open(span: Span) -> str:
        tag = _TAGS[span.kind]
        if tag != "a":
            return f"<{tag}>"
        href = _safe(span.href)
        return "" if href is None else f'<a href="{html.escape(href, quote=True)}">'

    @staticmethod
    def verbatim(text: str) -> str:
        return html.escape(text, quote=True)

    @staticmethod
    def close(span: Span) -> str:
        tag = _TAGS[span.kind]
        return "" if tag == "a" and _safe(span.href) is None else f"</{tag}>"


_MARKUP = _Markup()


class _Renderer:
    def __init__(self, *, links: bool, images: bool) -> None:
        self.links = links
        self.images = images

    def inline(self, text: str, spans: tuple[Span, ...]) -> str:
        rendered = render_inline(text, spans, _MARKUP, links=self.links)
        return rendered.replace("\n", "<br>\n")

    def paragraphs(self, text: str, spans: tuple[Span, ...]) -> str:
        rendered = render_inline(text, spans, _MARKUP, links=self.links)
        return "".join(f"<p>{part.replace(chr(10), '<br>' + chr(10))}</p>" for part in rendered.split("\n\n"))

    def element(self, element: BodyElement) -> str:
        if isinstance(element, Paragraph):
            return f"<p>{self.inline(element.text, element.spans)}</p>"
        if isinstance(element, Heading):
            return f"<h{element.level}>{self.inline(element.text, element.spans)}</h{element.level}>"
        if isinstance(element, BodyList):
            return self.list(element)
        if isinstance(element, Quote):
            return f"<blockquote>{self.paragraphs(element.text, element.spans)}</blockquote>"
        return self.table(element) if isinstance(element, Table) else self.block(element)

    def block(self, element: Code | Figure) -> str:
        if isinstance(element, Code):
            return f"<pre><code>{html.escape(element.text, quote=True)}</code></pre>"
        return self.figure(element)

    def list(self, element: BodyList) -> str:
        tag = "ol" if element.ordered else "ul"
        items = []
        for item in element.items:
            inner = "".join(self.list(nested) for nested in item.lists)
            items.append(f"<li>{self.inline(item.text, item.spans)}{inner}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>"

    def table(self, table: Table) -> str:
        parts = ["<table>"]
        if table.caption:
            parts.append(f"<caption>{html.escape(table.caption, quote=True)}</caption>")
        head = [row for row in table.rows[:1] if row.header]
        if head:
            parts.append("<thead>" + self.row(head[0].cells, header=True) + "</thead>")
        body = table.rows[len(head) :]
        if body:
            parts.append("<tbody>" + "".join(self.row(row.cells, header=row.header) for row in body) + "</tbody>")
        parts.append("</table>")
        return "".join(parts)

    def row(self, cells: tuple[TableCell, ...], *, header: bool) -> str:
        out = []
        for cell in cells:
            tag = "th" if header or cell.header else "td"
            out.append(f"<{tag}>{self.inline(cell.text, cell.spans)}</{tag}>")
        return f"<tr>{''.join(out)}</tr>"

    def figure(self, figure: Figure) -> str:
        src = _safe(figure.src)
        if not self.images or src is None:
            return ""
        image = f'<img src="{html.escape(src, quote=True)}" alt="{html.escape(figure.alt, quote=True)}">'
        caption = f"<figcaption>{html.escape(figure.caption, quote=True)}</figcaption>" if figure.caption else ""
        return f"<figure>{image}{caption}</figure>"


def render(article: Article, *, links: bool = True, images: bool = True, front_matter: bool = True) -> str:
    """The article as an HTML fragment (an `<article>` element); see the module's description."""
    parts: list[str] = []
    if front_matter:
        if article.headline:
            parts.append(f"<h1>{html.escape(article.headline, quote=True)}</h1>")
        credit = credit_line(article)
        if credit:
            parts.append(f"<p>{html.escape(credit, quote=True)}</p>")
    renderer = _Renderer(links=links, images=images)
    parts += [rendered for rendered in map(renderer.element, elements(article)) if rendered]
    return "<article>\n" + "\n".join(parts) + "\n</article>\n"

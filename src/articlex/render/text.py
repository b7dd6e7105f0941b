"""An `Article` as plain text: the headline and credit line, then the body element by element.

Paragraphs, headings and quotes are their text (a quote's lines start with `> `), list items
start with `- ` or their number and are indented by their nesting, a table row is its cells
joined by ` | `, code is its lines as they are, a figure is its caption. Elements are separated
by a blank line.
"""

from __future__ import annotations

from articlex.model import Article, BodyElement, BodyList, Code, Figure, Heading, Paragraph, Quote, Table
from articlex.render import credit_line, elements

TABLE_CELL_SEPARATOR = " | "


def _list_lines(element: BodyList, indent: str) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(element.items, start=1):
        bullet = f"{number}. " if element.ordered else "- "
        first, *rest = item.text.split("\n") if item.text else [""]
        lines.append(f"{indent}{bullet}{first}".rstrip())
        pad = indent + " " * len(bullet)
        lines += [pad + line for line in rest]
        for inner in item.lists:
            lines += _list_lines(inner, pad)
    return lines


def element_text(element: BodyElement) -> str:
    """One body element as plain text."""
    if isinstance(element, Paragraph | Heading | Code):
        return element.text
    if isinstance(element, BodyList):
        return "\n".join(_list_lines(element, ""))
    if isinstance(element, Table):
        rows = [TABLE_CELL_SEPARATOR.join(cell.text.replace("\n", " ") for cell in row.cells) for row in element.rows]
        return "\n".join(([element.caption] if element.caption else []) + rows)
    if isinstance(element, Quote):
        return "\n".join(f"> {line}".rstrip() for line in element.text.split("\n"))
    if isinstance(element, Figure):
        return element.caption or ""
    return ""


def render(article: Article, *, front_matter: bool = True) -> str:
    """The article as plain text; see the module's description."""
    parts = [text for text in map(element_text, elements(article)) if text]
    body = "\n\n".join(parts)
    if not front_matter:
        return body
    head = [line for line in (article.headline, credit_line(article)) if line]
    return "\n".join([*head, "", body]) if head else body

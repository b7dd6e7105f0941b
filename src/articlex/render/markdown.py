"""An `Article` as Markdown: CommonMark, with GitHub-flavoured tables.

`#` headings by level, `-` and `1.` lists with nesting (two lists in a row alternate their
markers so they stay two), `>` quotes, fenced code, GFM tables with a separator row (a table
without a marked header row shows its first row as the header), `![alt](src)` images with the
caption as a paragraph, `[text](href)` links, `**strong**`, `*em*` and `` `code` ``. Text that
would otherwise read as Markdown is escaped: `*10 minutes*` stays starred, a line inside a
paragraph that starts with `1. ` or `- ` stays a line of the paragraph.
"""

from __future__ import annotations

import re
from typing import ClassVar

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
)
from articlex.render import credit_line, elements
from articlex.render.inline import render_inline

_ALWAYS = re.compile(r"([\\`*\[\]<~])")
"""Characters escaped wherever they stand: emphasis, code, links, HTML, strikethrough."""
_DELIMITER_ROW_CHARS = " :|-"
"""A line of only these, with a pipe, could be a table's delimiter row: its pipes are escaped (a cell's always are)."""
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
"""An underscore next to a non-word character can open or close emphasis; inside a word it cannot."""
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|>|=+\s*$|-(?=[-\s]*$))")
"""What a line may start with that Markdown reads as a block: a heading, a list item, a quote, a rule, an underline."""
_SAFE_URL = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "|": "%7C", "\n": ""})


def escape(text: str, *, line_start: bool = False, heading: bool = False, cell: bool = False) -> str:
    """Text escaped so that Markdown shows it as it is (in a heading, every `#`: a closing run would vanish)."""
    text = _ALWAYS.sub(r"\\\1", text)
    if "|" in text and (cell or not text.strip(_DELIMITER_ROW_CHARS)):
        text = text.replace("|", "\\|")
    if heading:
        text = text.replace("#", "\\#")
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text)
    if line_start:
        match = _LINE_START.match(text)
        if match is not None:
            if match.group(0)[0].isdigit():
                end = match.end()
                text = f"{text[:end]}\\{text[end:]}"
            else:
                text = "\\" + text
    return text


def _url(address: str) -> str:
    return address.translate(_SAFE_URL)


class _Markup:
    """Markdown's escaping and span markup, for the spans of one text."""

    _MARKS: ClassVar[dict[str, str]] = {"strong": "**", "em": "*"}

    def __init__(self, text: str, *, heading: bool = False, cell: bool = False) -> None:
        self.text = text
        self.heading = heading
        self.cell = cell

    def escape(self, text: str, *, line_start: bool) -> str:
        return escape(text, line_start=line_start, heading=self.heading, cell=self.cell)

    def verbatim(self, text: str) -> str:
        # GFM reads a table row's pipes before anything else, even in code: there they are escaped.
        return text.replace("|", "\\|") if self.cell else text

    def _ticks(self, span: Span) -> tuple[str, str]:
        content = self.text[span.start : span.end]
        pad = " " if content.startswith("`") or content.endswith("`") else ""
        return "`" * (_longest_run(content, "`") + 1), pad

    def open(self, span: Span) -> str:
        if span.kind == "code":
            ticks, pad = self._ticks(span)
            return ticks + pad
        return self._MARKS.get(span.kind, "[")

    def close(self, span: Span) -> str:
        if span.kind == "code":
            ticks, pad = self._ticks(span)
            return pad + ticks
        return self._MARKS.get(span.kind) or f"]({_url(span.href or '')})"


class _Renderer:
    def __init__(self, *, links: bool, images: bool) -> None:
        self.links = links
        self.images = images
        self.last_list: tuple[bool, int] | None = None
        """The kind of the list just rendered and the marker it used, so the next list can differ."""

    def inline(self, text: str, spans: tuple[Span, ...], *, heading: bool = False, cell: bool = False) -> str:
        """Inline Markdown; a line break is a hard break, a blank line still separates paragraphs."""
        markup = _Markup(text, heading=heading, cell=cell)
        rendered = render_inline(text, spans, markup, links=self.links, verbatim="code")
        if "\n" not in rendered:
            return rendered
        return rendered.replace("\n\n", "\0").replace("\n", "\\\n").replace("\0", "\n\n")

    def element(self, element: BodyElement) -> str:
        after_list, self.last_list = self.last_list, None
        if isinstance(element, Paragraph):
            return self.inline(element.text, element.spans)
        if isinstance(element, Heading):
            return "#" * element.level + " " + self.inline(element.text.replace("\n", " "), element.spans, heading=True)
        if isinstance(element, BodyList):
            # Two lists in a row would read as one: the second takes the other marker.
            marker = 1 if after_list == (element.ordered, 0) else 0
            self.last_list = (element.ordered, marker)
            return "\n".join(self.list_lines(element, marker, ""))
        if isinstance(element, Quote):
            body = self.inline(element.text, element.spans)
            return "\n".join(f"> {line}".rstrip() for line in body.split("\n"))
        return self.table(element) if isinstance(element, Table) else self.block(element)

    def block(self, element: Code | Figure) -> str:
        if isinstance(element, Code):
            fence = "`" * max(3, _longest_run(element.text, "`") + 1)
            return f"{fence}{element.language or ''}\n{element.text}\n{fence}"
        return self.figure(element)

    def list_lines(self, element: BodyList, marker: int, indent: str) -> list[str]:
        lines: list[str] = []
        for number, item in enumerate(element.items, start=1):
            bullet = (f"{number}{'.)'[marker]}" if element.ordered else "-*"[marker]) + " "
            pad = indent + " " * len(bullet)
            text = self.inline(item.text, item.spans)
            first, *rest = text.split("\n") if text else [""]
            lines.append(f"{indent}{bullet}{first}".rstrip())
            lines += [f"{pad}{line}" for line in rest]
            for inner in item.lists:
                lines += self.list_lines(inner, 0, pad)
        return lines

    def table(self, table: Table) -> str:
        rows = [row for row in table.rows if row.cells]
        if not rows:
            return ""
        width = max(len(row.cells) for row in rows)

        def line(cells: list[str]) -> str:
            cells = cells + [""] * (width - len(cells))
            return "| " + " | ".join(cells) + " |"

        texts = [
            [self.inline(cell.text.replace("\n", " "), cell.spans, cell=True) for cell in row.cells] for row in rows
        ]
        out = [line(texts[0]), line(["---"] * width)] + [line(cells) for cells in texts[1:]]
        if table.caption:
            out.insert(0, escape(table.caption, line_start=True) + "\n")
        return "\n".join(out)

    def figure(self, figure: Figure) -> str:
        if not self.images:
            return ""
        image = f"![{escape(figure.alt)}]({_url(figure.src)})"
        return f"{image}\n\n{escape(figure.caption, line_start=True)}" if figure.caption else image


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(run) for run in runs), default=0)


def render(article: Article, *, links: bool = True, images: bool = True, front_matter: bool = True) -> str:
    """The article as Markdown; see the module's description."""
    parts: list[str] = []
    if front_matter:
        if article.headline:
            parts.append(f"# {escape(article.headline)}")
        credit = credit_line(article)
        if credit:
            parts.append(f"*{escape(credit)}*")
    renderer = _Renderer(links=links, images=images)
    for element in elements(article):
        rendered = renderer.element(element)
        if rendered:
            parts.append(rendered)
    return "\n\n".join(parts) + "\n" if parts else ""

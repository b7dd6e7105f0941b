"""How much of a page's structure the body keeps: headings, list items and table cells against a reference.

    python bench/structure.py --data ../shared/data/web-dev/readability [--split tune|check] [--only articlex]
        [--show 5] [--page ID]

The data folder holds ``html/<id>.html.gz`` (the pages) and ``expected/<id>.html`` (the reviewed
reference output of each page, with its headings, lists and tables). For every page and every
element kind — a heading (``h2``–``h6``), a list item (``li``), a table cell (``td``, ``th``) —
the texts of that kind in the reference are matched one to one against the texts of that kind
in a system's output (text with whitespace collapsed; empty texts are not counted). Precision,
recall and F1 are summed over all pages (micro-averaged).

The reference turns the `<h1>`s inside an article into `<h2>`s, so the outputs' headings count at
every level. Systems: articlex's typed body (`Article.body`: every heading, the items of every
list at every depth, every table cell; the headline is not in the body) and trafilatura's Markdown
(``trafilatura.extract(html, output_format="markdown", include_tables=True)``), parsed with
markdown-it-py (CommonMark with GFM tables), when it is installed. trafilatura writes its tables
without the separator row GFM asks for; one is added after each table's first row before parsing,
so its tables count as tables. A list item's text is its own
text, without the items of the lists nested in it, in the reference and in both outputs.

``--split tune|check`` measures one half of the pages, the halves of ``bench/accuracy.py --split``
(bit 0 of the first byte of the SHA-256 of the page id): look at the tune half while changing a
rule, confirm on the check half.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy import SPLITS, split_of
from bench.common import articlex_version, distribution_version, import_articlex, machine_info

KINDS = ("heading", "list item", "table cell")
HEADING_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
BLOCK_EDGES = "p, div, br, ul, ol, li, dl, dt, dd, table, tr, td, th, h1, h2, h3, h4, h5, h6, blockquote, pre, figure"
Items = Counter[tuple[str, str]]
"""(kind, text) → how many times it occurs on a page."""


def norm(text: str) -> str:
    """Whitespace collapsed, NFC: the texts compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def reference_items(html: str) -> Items:
    """The headings, list items and table cells of a reference page (selectolax)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for edge in tree.css(BLOCK_EDGES):
        # Words of two block elements never run together; inline elements join their text as shown.
        edge.insert_before(" ")
        edge.insert_after(" ")
    items: Items = Counter()
    # Descendants first, so a list item's nested lists are read (and then removed) before the item's own text.
    for node in reversed(tree.css("h2, h3, h4, h5, h6, li, td, th")):
        tag = node.tag or ""
        if tag == "li":
            for nested in node.css("ul, ol"):
                nested.decompose()
            kind = "list item"
        else:
            kind = "heading" if tag in HEADING_TAGS else "table cell"
        text = norm(node.text(separator=""))
        if text:
            items[kind, text] += 1
    return items


def _list_items(element: Any) -> Iterator[str]:
    for item in element.items:
        yield item.text
        for inner in item.lists:
            yield from _list_items(inner)


def articlex_items(article: Any) -> Items:
    """The headings, list items and table cells of an `Article.body` (its headline is not in it)."""
    items: Items = Counter()
    for element in article.body:
        if element.type == "heading":
            items["heading", norm(element.text)] += 1
        elif element.type == "list":
            items.update(("list item", norm(text)) for text in _list_items(element))
        elif element.type == "table":
            items.update(("table cell", norm(cell.text)) for row in element.rows for cell in row.cells)
    return Counter({key: count for key, count in items.items() if key[1]})


def with_separator_rows(markdown: str) -> str:
    """Tables of pipe rows given a GFM separator row after their first row when they have none.

    trafilatura writes a table as rows of `| a | b |` without the `| --- |` row GFM requires, so
    markdown-it would read its tables as paragraphs; with the row added they read as meant.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    for number, line in enumerate(lines):
        out.append(line)
        starts = line.lstrip().startswith("|") and (number == 0 or not lines[number - 1].lstrip().startswith("|"))
        following = lines[number + 1].strip() if number + 1 < len(lines) else ""
        if starts and following.startswith("|") and set(following) - set("|-: "):
            out.append("|" + " --- |" * max(1, line.strip().strip("|").count("|") + 1))
    return "\n".join(out)


def markdown_items(markdown: str) -> Items:
    """The headings, list items and table cells of a Markdown text (markdown-it-py)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    items: Items = Counter()
    stack: list[str] = []
    item_texts: list[list[str]] = []
    for token in tokens:
        if token.type == "heading_open":
            stack.append("heading")
        elif token.type == "list_item_open":
            item_texts.append([])
            stack.append("list item")
        elif token.type in ("th_open", "td_open"):
            stack.append("table cell")
        elif token.type in ("heading_close", "th_close", "td_close"):
            stack.pop()
        elif token.type == "list_item_close":
            stack.pop()
            text = norm(" ".join(item_texts.pop()))
            if text:
                items["list item", text] += 1
        elif token.type == "inline" and stack:
            text = inline_text(token.children or [])
            if stack[-1] == "list item":
                item_texts[-1].append(text)
            elif stack[-1] and norm(text):
                items[stack[-1], norm(text)] += 1
    return items


def inline_text(children: Iterable[Any]) -> str:
    """The text of an inline token's children as a reader sees it (images give nothing)."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def score(reference: Items, found: Items) -> dict[str, tuple[int, int, int]]:
    """Per kind: (matched, in the output, in the reference)."""
    result = {}
    for kind in KINDS:
        ref = Counter({k: n for k, n in reference.items() if k[0] == kind})
        got = Counter({k: n for k, n in found.items() if k[0] == kind})
        result[kind] = (sum((ref & got).values()), sum(got.values()), sum(ref.values()))
    return result


def f1(matched: int, found: int, reference: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 when undefined)."""
    precision = matched / found if found else 0.0
    recall = matched / reference if reference else 0.0
    both = precision + recall
    return precision, recall, (2 * precision * recall / both if both else 0.0)


def systems(only: set[str] | None) -> dict[str, Callable[[str, str | None], Items]]:
    """The systems to measure: articlex, and trafilatura when it imports."""
    articlex = import_articlex()
    chosen: dict[str, Callable[[str, str | None], Items]] = {
        "articlex": lambda html, url: articlex_items(articlex.extract(html, url=url)),
    }
    try:
        import trafilatura

        def run_trafilatura(html: str, url: str | None) -> Items:
            markdown = trafilatura.extract(html, url=url, output_format="markdown", include_tables=True)
            return markdown_items(with_separator_rows(markdown or ""))

        chosen["trafilatura"] = run_trafilatura
    except ImportError:
        pass
    return {name: run for name, run in chosen.items() if only is None or name in only}


def main() -> int:
    """Score every system on the data folder and print the table (Markdown)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with html/<id>.html.gz and expected/<id>.html")
    parser.add_argument("--split", choices=("all", *SPLITS), default="all", help="which half of the pages (all)")
    parser.add_argument("--only", help="comma-separated systems (articlex, trafilatura)")
    parser.add_argument("--show", type=int, default=0, help="print the pages with the most misses per system")
    parser.add_argument("--page", help="print one page's misses per kind and system")
    args = parser.parse_args()
    truth_file = args.data / "ground-truth.json"
    truth = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file.exists() else {}
    ids = sorted(path.name.removesuffix(".html") for path in (args.data / "expected").glob("*.html"))
    if args.page:
        ids = [args.page]
    elif args.split != "all":
        ids = [page_id for page_id in ids if split_of(page_id) == args.split]
    runners = systems(set(args.only.split(",")) if args.only else None)
    totals = {name: {kind: [0, 0, 0] for kind in KINDS} for name in runners}
    misses: dict[str, list[tuple[int, str]]] = {name: [] for name in runners}
    started = time.monotonic()
    for page_id in ids:
        page = args.data / "html" / f"{page_id}.html.gz"
        if not page.exists():
            continue
        html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        reference = reference_items((args.data / "expected" / f"{page_id}.html").read_text(encoding="utf-8"))
        url = (truth.get(page_id) or {}).get("url") or None
        for name, run in runners.items():
            found = run(html, url)
            page_miss = 0
            for kind, counts in score(reference, found).items():
                for position, value in enumerate(counts):
                    totals[name][kind][position] += value
                page_miss += counts[1] + counts[2] - 2 * counts[0]
            misses[name].append((page_miss, page_id))
            if args.page:
                print(f"{name}: missed {sorted(reference - found)}\n{name}: extra {sorted(found - reference)}\n")
    elapsed = time.monotonic() - started
    print(f"{len(ids)} reference pages (split {args.split}), {elapsed:.0f} s; {machine_info()['date']}")
    versions = {"articlex": articlex_version(import_articlex()), "trafilatura": distribution_version("trafilatura")}
    print("; ".join(f"{name} {versions.get(name)}" for name in runners))
    print("markdown-it-py", distribution_version("markdown-it-py"))
    print()
    print("| kind | system | precision | recall | F1 | matched / output / reference |")
    print("|---|---|---:|---:|---:|---:|")
    for kind in KINDS:
        for name in runners:
            matched, found, ref = totals[name][kind]
            precision, recall, f = f1(matched, found, ref)
            print(f"| {kind} | {name} | {precision:.2f} | {recall:.2f} | {f:.2f} | {matched} / {found} / {ref} |")
    for name in runners:
        if args.show:
            worst = sorted(misses[name], reverse=True)[: args.show]
            print(f"\n{name}: most misses", ", ".join(f"{page_id} ({count})" for count, page_id in worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())

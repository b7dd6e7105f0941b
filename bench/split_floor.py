"""The HTML split's parts, and what visiting the tree costs before any block is built.

    python bench/split_floor.py --data DIR [--repeat 3] [--limit N]

Issue 16 asks for a split of at most 2 ms on the median page. This script says how far the
split's duties allow it. Per page (best of ``--repeat`` runs, pages decoded before timing):

- each part of ``articlex.html.split.split`` in turn: the guard, Lexbor's parse, the page data
  read, the copy kept for scripts, the invisible and the hidden subtrees removed, the walk that
  builds the blocks;
- on the same tree, what no walk can go below: visiting every node and reading its tag,
  attributes and text (down ``child``, along ``next``, up ``parent``, as the split walks; and
  with selectolax's own ``traverse()``);
- the split's walk with a builder that builds nothing (each element visited and described:
  its field mark, hint families and path label), and the blocks and containers the walk made,
  made again from their values (what the records alone cost);
- sums per page: every part before the walk; that plus the cheaper visit; that plus the walk
  building nothing and the records (what the split pays for its duties before any text is
  gathered into a block).

Medians and means over pages; figures are printed, never asserted. In the compiled build the
walk takes only its own builder, so the row building nothing says n/a.
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import astuple, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selectolax.lexbor import LexborHTMLParser, LexborNode

from bench.common import build_name, import_articlex, machine_info, no_pages_found
from bench.speed import load_pages

import_articlex()  # from src/ when it is not installed, before the imports below
from articlex.html import split as html_split
from articlex.options import Options
from articlex.stages import Block, Container

PARTS = ("guard", "parse", "page data", "scripts' copy", "invisible", "hidden", "walk")
FLOORS = ("visit (child/next/parent)", "visit (traverse)")
RECORDS = "records (blocks, containers)"
DESCRIBED = "walk, nothing built"


def visit_by_links(top: LexborNode) -> None:
    """Every node under `top`, its tag, attributes and text read, walked as the split walks."""
    node = top.child
    depth = 0
    while node is not None:
        tag = node.tag
        if tag == "-text":
            _ = node.text_content
        elif tag and tag[0] != "-":
            _ = node.attributes
            child = node.child
            if child is not None:
                depth += 1
                node = child
                continue
        while (following := node.next) is None:
            node = node.parent
            depth -= 1
            if depth < 0 or node is None:
                return
        node = following


def visit_by_traverse(top: LexborNode) -> None:
    """Every node under `top`, its tag, attributes and text read, in selectolax's own traversal."""
    for node in top.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            _ = node.text_content
        elif tag and tag[0] != "-":
            _ = node.attributes


class _BuildNothing:
    """The block builder's events, each doing nothing: the walk then only visits and describes the elements."""

    def __init__(self) -> None:
        self.pending: list[str] = []

    def finish(self) -> list[Block]:
        return []

    def _nothing(self, *_: object) -> None:
        return None

    line_break = separate = start_block = end_block = leave = _nothing
    open_link = open_style = image = datetime = mark = _nothing


def _described_time(top: LexborNode) -> float:
    """Seconds the split's walk takes over `top` when no block is built (NaN in the compiled build).

    A compiled walk takes only its own builder class: there the row is not measured.
    """
    walker = html_split._Splitter(Options(), None)  # noqa: SLF001 - the walk without its builder
    start = time.perf_counter()
    try:
        walker._walk(top, _BuildNothing())  # type: ignore[arg-type]  # noqa: SLF001
    except TypeError:
        return math.nan
    return time.perf_counter() - start


def _records_time(blocks: list[Block], containers: list[Container]) -> float:
    """Seconds to make the walk's blocks and containers again from their values: what the records alone cost."""
    block_values = [tuple(getattr(block, field.name) for field in fields(Block)) for block in blocks]
    container_values = [astuple(container) for container in containers]
    start = time.perf_counter()
    _ = [Block(*value) for value in block_values], [Container(*value) for value in container_values]
    return time.perf_counter() - start


def time_page(html: str, repeat: int) -> dict[str, float]:
    """The best of `repeat` runs of each part and floor on one page, in milliseconds."""
    options = Options()
    best = dict.fromkeys((*PARTS, *FLOORS, DESCRIBED, RECORDS), float("inf"))
    steps: list[tuple[str, Callable[[LexborHTMLParser], object]]] = [
        ("page data", html_split._page_data),  # noqa: SLF001 - the split's parts, timed one by one
        ("scripts' copy", html_split._show_unscripted_copy),  # noqa: SLF001
        ("invisible", lambda tree: [node.decompose() for node in tree.css(html_split._INVISIBLE)]),  # noqa: SLF001
        ("hidden", lambda tree: html_split._remove_hidden(tree, show=False)),  # noqa: SLF001
    ]
    for _ in range(repeat):
        start = time.perf_counter()
        guarded = html_split.guard(html, options, None)
        best["guard"] = min(best["guard"], time.perf_counter() - start)
        trees = []
        for _copy in range(4):  # one tree for the split's parts, one for each floor
            start = time.perf_counter()
            trees.append(LexborHTMLParser(guarded.text))
            best["parse"] = min(best["parse"], time.perf_counter() - start)
        for tree in trees:
            for name, step in steps:
                start = time.perf_counter()
                step(tree)
                best[name] = min(best[name], time.perf_counter() - start)
        walked, by_links, by_traverse, described = (tree.body or tree.root for tree in trees)
        splitter = html_split._Splitter(options, None)  # noqa: SLF001
        start = time.perf_counter()
        blocks = splitter.split(walked)
        best["walk"] = min(best["walk"], time.perf_counter() - start)
        for name, visit, top in ((FLOORS[0], visit_by_links, by_links), (FLOORS[1], visit_by_traverse, by_traverse)):
            start = time.perf_counter()
            visit(top)
            best[name] = min(best[name], time.perf_counter() - start)
        best[RECORDS] = min(best[RECORDS], _records_time(blocks, splitter.containers))
        if described is not None:
            seconds = _described_time(described)
            best[DESCRIBED] = seconds if math.isnan(seconds) else min(best[DESCRIBED], seconds)
    return {name: seconds * 1000 for name, seconds in best.items()}


def main() -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of .html/.html.gz pages")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the best counts")
    parser.add_argument("--limit", type=int, help="use only the first N pages")
    args = parser.parse_args()
    pages = load_pages(args.data, args.limit)
    if not pages:
        return no_pages_found(args.data)
    articlex = import_articlex()
    info = machine_info()
    build = build_name(articlex)
    print(f"The split's parts on {len(pages)} pages, {info['date']}; python {info['python']}, {build}")
    gc.disable()  # as `articlex.extract` runs: the collector held off (collection_pause.py)
    timed = [time_page(html, args.repeat) for _, html in pages]
    gc.enable()
    sums: dict[str, Callable[[dict[str, float]], float]] = {
        "split (sum of parts)": lambda page: sum(page[part] for part in PARTS),
        "before the walk": lambda page: sum(page[part] for part in PARTS[:-1]),
        "before + visit": lambda page: sum(page[part] for part in PARTS[:-1]) + min(page[f] for f in FLOORS),
        "before + nothing built + records": lambda page: (
            sum(page[part] for part in PARTS[:-1]) + page[DESCRIBED] + page[RECORDS]
        ),
    }
    print(f"\n{'part':34} {'median ms':>10} {'mean ms':>8}")
    for row in (*PARTS, *FLOORS, DESCRIBED, RECORDS, *sums):
        values = [sums[row](page) if row in sums else page[row] for page in timed]
        if any(math.isnan(value) for value in values):
            print(f"{row:34} {'n/a':>10} {'n/a':>8}")
        else:
            print(f"{row:34} {statistics.median(values):10.3f} {statistics.mean(values):8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

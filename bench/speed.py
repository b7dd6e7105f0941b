"""Speed and memory of articlex against other extractors, in one process, on the same pages.

    python bench/speed.py --data DIR [--compare trafilatura,readability-lxml,resiliparse]
                          [--repeat 3] [--stages] [--memory] [--scaling]

DIR holds pages as ``.html`` or ``.html.gz`` files (searched recursively; the scrapinghub
layout ``DIR/html/<id>.html.gz`` works as is). Every page is decoded to ``str`` before any
timing, so every contestant gets the same text and decoding is not timed. Pages are run by
every contestant in turn, in a rotating order (interleaved, so drift of the machine hits all
alike). The "floor" contestant is what any Python extractor on Lexbor pays at least: parse
the page and read its text (``LexborHTMLParser(html).body.text(separator=" ")``).

Figures: median and 95th percentile milliseconds per page, pages per second (from the mean),
and the per-page time ratio to articlex (the median over pages of contestant / articlex), twice:
for each page's first run (what a crawl sees: every page new) and for the best of ``--repeat``
runs (less noise, but a page run again finds what the first run cached about its text).
``--stages`` splits articlex's time by pipeline stage. ``--memory`` runs articlex alone over the
corpus repeated to 10,000 pages and reports the process's resident memory after 1,000 and
after 10,000 pages, and the peak on a 20 MB page (in a fresh process). ``--scaling`` times
synthetic large and pathological pages and reports their time per MB as a ratio to the
corpus's. Timing figures are printed, never asserted: run this by hand on a quiet machine.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import contextlib

from bench.common import (
    articlex_version,
    build_name,
    distribution_version,
    import_articlex,
    machine_info,
    no_pages_found,
)

Extractor = Callable[[str], object]
PERCENTILE_95 = 0.95


def load_pages(folder: Path, limit: int | None) -> list[tuple[str, str]]:
    """(name, decoded HTML) for every .html / .html.gz file under `folder`, sorted by name."""
    files = sorted(p for p in folder.rglob("*") if p.name.endswith((".html", ".html.gz", ".htm")))
    pages = []
    for path in files[:limit]:
        data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
        pages.append((path.name, data.decode("utf-8", errors="replace")))
    return pages


def contestants(names: list[str]) -> dict[str, Extractor]:
    """The extractors to time: articlex, the floor, and whichever comparison libraries import."""
    articlex = import_articlex()
    from selectolax.lexbor import LexborHTMLParser

    def floor(html: str) -> object:
        body = LexborHTMLParser(html).body
        return body.text(separator=" ") if body is not None else ""

    chosen: dict[str, Extractor] = {"articlex": articlex.extract, "floor": floor}
    for name in names:
        adapter = _adapter(name)
        if adapter is None:
            print(f"skipping {name}: not installed (pip install {name})", file=sys.stderr)
        else:
            chosen[name] = adapter
    return chosen


def _adapter(name: str) -> Extractor | None:
    try:
        if name == "trafilatura":
            import trafilatura

            return lambda html: trafilatura.extract(html, include_comments=False, include_tables=True)
        if name == "readability-lxml":
            from readability import Document

            return lambda html: Document(html).summary(html_partial=True)
        if name == "resiliparse":
            from resiliparse.extract.html2text import extract_plain_text
            from resiliparse.parse.html import HTMLTree

            return lambda html: extract_plain_text(HTMLTree.parse(html), main_content=True)
    except ImportError:
        return None
    print(f"unknown contestant {name!r}", file=sys.stderr)
    return None


def time_interleaved(
    pages: list[tuple[str, str]], extractors: dict[str, Extractor], repeat: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Milliseconds per page for each contestant, interleaved: (first run, best of `repeat` runs).

    The first run is what a crawl sees, every page new; later runs of the same page find what
    the first one cached about its text (class names, lines), which the crawl never does.
    """
    names = list(extractors)
    first: dict[str, list[float]] = {name: [] for name in names}
    best: dict[str, list[float]] = {name: [] for name in names}
    for index, (_, html) in enumerate(pages):
        order = names[index % len(names) :] + names[: index % len(names)]
        runs: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(repeat):
            for name in order:
                start = time.perf_counter()
                with contextlib.suppress(Exception):
                    extractors[name](html)
                runs[name].append((time.perf_counter() - start) * 1000)
        for name in names:
            first[name].append(runs[name][0])
            best[name].append(min(runs[name]))
    return first, best


def print_table(times: dict[str, list[float]]) -> None:
    """Median, p95, pages/s and the median per-page ratio to articlex for each contestant."""
    base = times["articlex"]
    print(f"{'system':18} {'median ms':>10} {'p95 ms':>8} {'pages/s':>8} {'ratio to articlex':>18}")
    print("-" * 66)
    for name, values in times.items():
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(PERCENTILE_95 * len(ordered)))]
        ratio = statistics.median(v / b for v, b in zip(values, base, strict=True) if b > 0)
        version = distribution_version(name) or ""
        label = f"{name} {version}".strip()
        median, per_second = statistics.median(values), 1000 / statistics.mean(values)
        print(f"{label:18} {median:10.2f} {p95:8.2f} {per_second:8.0f} {ratio:17.2f}x")
    print("ratio: median over pages of (system ms / articlex ms); < 1 is faster than articlex.")


def print_stages(pages: list[tuple[str, str]]) -> None:
    """articlex's time per page split by pipeline stage (median and mean milliseconds)."""
    articlex = import_articlex()
    from articlex.assemble import assemble
    from articlex.classify import classify
    from articlex.fields import find_fields
    from articlex.html import split as html_split
    from articlex.html.metadata import read_metadata
    from articlex.read.reading import read

    options = articlex.Options()
    stages: dict[str, list[float]] = {
        name: [] for name in ("read", "split", "metadata", "classify", "fields", "assemble")
    }
    for _, html in pages:
        marks = [time.perf_counter()]
        page = read(html, url=None, encoding=None, options=options)
        marks.append(time.perf_counter())
        split = html_split.split(page, options, None)
        marks.append(time.perf_counter())
        meta = read_metadata(split.data)
        marks.append(time.perf_counter())
        decisions = classify(split)
        marks.append(time.perf_counter())
        fields = find_fields(split, meta, decisions, None, options)
        marks.append(time.perf_counter())
        assemble(page, split, decisions, fields, options)
        marks.append(time.perf_counter())
        for name, start, end in zip(stages, marks, marks[1:], strict=False):
            stages[name].append((end - start) * 1000)
    total = sum(statistics.mean(values) for values in stages.values())
    print(f"\n{'stage':10} {'median ms':>10} {'mean ms':>8} {'share':>6}")
    for name, values in stages.items():
        median, mean = statistics.median(values), statistics.mean(values)
        print(f"{name:10} {median:10.3f} {mean:8.3f} {mean / total:6.0%}")


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 1e6


def print_memory(pages: list[tuple[str, str]]) -> None:
    """RSS after 1,000 and 10,000 pages of the corpus repeated; peak on a 20 MB page in a fresh process."""
    articlex = import_articlex()
    marks: dict[int, float] = {}
    for count in range(1, 10_001):
        articlex.extract(pages[count % len(pages)][1])
        if count in {1_000, 10_000}:
            gc.collect()
            marks[count] = _rss_mb()
    growth = marks[10_000] / marks[1_000] - 1
    print(f"\nRSS after 1,000 pages: {marks[1_000]:.1f} MB; after 10,000: {marks[10_000]:.1f} MB ({growth:+.1%})")
    script = (
        "import resource, sys; sys.path.insert(0, 'src'); import articlex; from bench.speed import synthetic_pages;"
        "page = synthetic_pages()['20 MB article']; articlex.extract(page[:1000]);"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; articlex.extract(page);"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "print(len(page.encode()) / 1e6, (after - before) / 1e3)"
    )
    root = Path(__file__).resolve().parent.parent
    size_mb, peak_mb = map(float, subprocess.check_output([sys.executable, "-c", script], cwd=root, text=True).split())
    print(f"peak RSS growth on a {size_mb:.1f} MB page: {peak_mb:.1f} MB ({peak_mb / size_mb:.1f}x the page)")


def synthetic_pages() -> dict[str, str]:
    """Large and pathological pages, generated: big articles, deep nesting, many links, one huge text node."""
    paragraph = "<p>" + "The council approved the budget after a long debate about schools and roads. " * 6 + "</p>\n"

    def article(megabytes: float) -> str:
        count = int(megabytes * 1e6 / len(paragraph))
        body = f"<nav><a href='/'>Home</a></nav><article><h1>Budget</h1>{paragraph * count}</article>"
        return f"<html><body>{body}</body></html>"

    return {
        "1 MB article": article(1),
        "5 MB article": article(5),
        "20 MB article": article(20),
        "10,000-deep nesting": "<html><body>" + "<div>" * 10_000 + paragraph + "</div>" * 10_000 + "</body></html>",
        "100,000 links": "<html><body><ul>"
        + "<li><a href='/x'>link text</a></li>" * 100_000
        + "</ul>"
        + paragraph * 5
        + "</body></html>",
        "one 5 MB text node": "<html><body><p>" + "word " * 1_000_000 + "</p></body></html>",
    }


def print_scaling(pages: list[tuple[str, str]]) -> None:
    """Time per MB of each synthetic page as a ratio to the corpus's time per MB."""
    articlex = import_articlex()
    corpus_ms = sum(_timed(articlex.extract, html) for _, html in pages)
    corpus_mb = sum(len(html.encode()) for _, html in pages) / 1e6
    normal = corpus_ms / corpus_mb
    print(f"\ncorpus: {normal:.1f} ms per MB")
    print(f"{'page':22} {'MB':>6} {'ms':>9} {'ms per MB':>10} {'ratio':>6}")
    for name, html in synthetic_pages().items():
        size = len(html.encode()) / 1e6
        elapsed = _timed(articlex.extract, html)
        print(f"{name:22} {size:6.1f} {elapsed:9.1f} {elapsed / size:10.1f} {elapsed / size / normal:5.2f}x")


def _timed(function: Extractor, html: str) -> float:
    start = time.perf_counter()
    function(html)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of .html/.html.gz pages")
    parser.add_argument("--compare", default="trafilatura,readability-lxml,resiliparse", help="comma list; '' for none")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page and contestant; the best counts")
    parser.add_argument("--limit", type=int, help="use only the first N pages")
    parser.add_argument("--stages", action="store_true", help="articlex's time by pipeline stage")
    parser.add_argument("--memory", action="store_true", help="RSS over 10,000 pages, and peak on a 20 MB page")
    parser.add_argument("--scaling", action="store_true", help="time per MB on large and pathological pages")
    args = parser.parse_args()
    pages = load_pages(args.data, args.limit)
    if not pages:
        return no_pages_found(args.data)
    info = machine_info()
    print(
        f"Speed on {len(pages)} pages, {info['date']}; python {info['python']}, {info['machine']}, {info['cpus']} cpus"
    )
    extractors = contestants([name for name in args.compare.split(",") if name])
    articlex = import_articlex()
    build = build_name(articlex)
    print(f"build: {build} (articlex {articlex_version(articlex)} from {Path(articlex.__file__).parent})")
    for _, html in pages[:3]:  # warm up imports and caches
        for extractor in extractors.values():
            extractor(html)
    first, best = time_interleaved(pages, extractors, args.repeat)
    print("First sight (each page's first run, as a crawl sees pages):")
    print_table(first)
    if args.repeat > 1:
        print(f"\nBest of {args.repeat} runs of each page (the text caches warm from the earlier runs):")
        print_table(best)
    if args.stages:
        print_stages(pages)
    if args.memory:
        print_memory(pages)
    if args.scaling:
        print_scaling(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())

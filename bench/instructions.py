"""Instructions per page, counted by valgrind: a speed figure that a busy machine does not blur.

    python bench/instructions.py --data DIR [--limit 60]

Timings on a shared machine swing by a third between runs of the same code; the number of
instructions a run executes does not (valgrind's callgrind counts them, at some 50 times the
run's time). Each figure is the difference between two runs of this script under callgrind:
one that only loads the pages, and one that also splits or extracts each of them once (the
first run, as a crawl meets pages) or twice in a row (the second run of a page, which finds
what the first cached about its names and lines). Per page: the difference divided by the pages.
Every run first extracts ``--warm-up`` other pages of DIR (those after the counted ones), uncounted
in the difference: the patterns built on first use are then built, and the caches hold what earlier
pages of a crawl leave in them, so a first run counts what a page costs in a crawl under way.

Pages are the ``.html`` / ``.html.gz`` files under DIR (the first ``--limit`` by name), decoded
as ``bench/speed.py`` does. Figures are printed, never asserted; valgrind must be on PATH.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import import_articlex, machine_info, no_pages_found

_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")
WARM_UP = "<html><body><p>A page to build the vocabularies and patterns before counting.</p></body></html>"
WORKS = ("load", "split", "split twice", "extract", "extract twice")
"""What a counted run does with each page: nothing beyond loading it, or split or extract it once or twice."""


def collected(valgrind_output: str) -> int:
    """The instruction count callgrind reports at the end of a run ('Collected : 123')."""
    found = _COLLECTED.findall(valgrind_output)
    if not found:
        raise ValueError("callgrind reported no instruction count")
    return int(found[-1])


def per_page(work: int, load: int, pages: int) -> float:
    """Millions of instructions per page: a run's count less the loading run's, divided by the pages."""
    return (work - load) / pages / 1e6


def _page_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.name.endswith((".html", ".html.gz", ".htm")))


def _load(folder: Path, start: int, stop: int) -> list[bytes]:
    files = _page_files(folder)[start:stop]
    return [gzip.decompress(p.read_bytes()) if p.name.endswith(".gz") else p.read_bytes() for p in files]


def _work(what: str, folder: Path, limit: int, warm_up: int) -> None:
    """The counted run: load the pages, warm up on other pages, then do `what` to each counted page."""
    articlex = import_articlex()
    from articlex.html import split as html_split
    from articlex.read.reading import read

    options = articlex.Options()
    articlex.extract(WARM_UP)
    for data in _load(folder, limit, limit + warm_up):
        articlex.extract(data)
    datas = _load(folder, 0, limit)
    pages = [read(data, url=None, encoding=None, options=options) for data in datas]
    times = 2 if what.endswith("twice") else 1
    for data, page in zip(datas, pages, strict=True):
        for _ in range(times):
            if what.startswith("split"):
                html_split.split(page, options, None)
            elif what.startswith("extract"):
                articlex.extract(data)


def _count(what: str, folder: Path, limit: int, warm_up: int) -> int:
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
        "--data", str(folder), "--limit", str(limit), "--warm-up", str(warm_up), "--work", what,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return collected(done.stderr)


def main() -> int:
    """Count and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of .html/.html.gz pages")
    parser.add_argument("--limit", type=int, default=60, help="count on the first N pages")
    parser.add_argument("--warm-up", type=int, default=20, help="extract the N pages after those first")
    parser.add_argument("--work", choices=WORKS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.work is not None:
        _work(args.work, args.data, args.limit, args.warm_up)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not on PATH: install it to count instructions", file=sys.stderr)
        return 2
    pages = len(_page_files(args.data)[: args.limit])
    if not pages:
        return no_pages_found(args.data)
    counts = {what: _count(what, args.data, args.limit, args.warm_up) for what in WORKS}
    when = machine_info()["date"]
    print(f"Instructions per page (millions), {pages} pages after {args.warm_up} warm-up pages, {when}")
    print(f"{'stage':10} {'first run':>10} {'second run':>11}")
    for stage in ("split", "extract"):
        first = per_page(counts[stage], counts["load"], pages)
        second = per_page(counts[f"{stage} twice"], counts[stage], pages)
        print(f"{stage:10} {first:10.1f} {second:11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

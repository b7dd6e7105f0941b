"""Body-extraction accuracy benchmark: articlex, and optionally other extractors, on the
scrapinghub article-extraction corpus, scored with the published metric (`scoring.py`).

Usage::

    python bench/accuracy.py --data DIR [--text TEXTDIR]
        [--compare trafilatura,readability-lxml,resiliparse] [--worst 15] [--gate] [--json OUT]

``DIR`` holds ``ground-truth.json`` ({id: {"articleBody", "url"}}) and ``html/<id>.html.gz``.
By default articlex gets each page's raw bytes. With ``--text TEXTDIR`` it gets
``TEXTDIR/<id>.txt`` (a browser's rendering of the page to text, read as UTF-8) instead;
the ground truth still comes from ``DIR``. See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import gzip
import importlib.metadata
import json
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:  # run as `python -m bench.accuracy` from the repository root
    from bench.scoring import DocumentScore, Summary, score_document, summarize
except ModuleNotFoundError:  # run as `python bench/accuracy.py`: bench/ is on sys.path
    from scoring import DocumentScore, Summary, score_document, summarize

REPO_ROOT = Path(__file__).resolve().parent.parent
FLOORS_PATH = Path(__file__).resolve().parent / "floors.json"
ARTICLEX = "articlex"
GATED_FIGURES = ("f1", "precision", "recall", "accuracy")

Source = bytes | str
Extractor = Callable[[Source, str | None], str]
"""Takes the page (bytes of HTML, or text) and its URL; returns the extracted body text."""


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: what the extractor is given and what it should find."""

    id: str
    url: str | None
    truth: str
    source: Source


def load_ground_truth(data_dir: Path) -> dict[str, dict[str, str]]:
    """Read ``ground-truth.json`` of the data folder."""
    with (data_dir / "ground-truth.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def load_html_pages(data_dir: Path) -> list[Page]:
    """Load every page of the ground truth as gunzipped bytes from ``html/<id>.html.gz``."""
    truth = load_ground_truth(data_dir)
    return [
        Page(id=key, url=item.get("url"), truth=item.get("articleBody", ""), source=_gunzip(data_dir, key))
        for key, item in sorted(truth.items())
    ]


def load_text_pages(data_dir: Path, text_dir: Path) -> list[Page]:
    """Load every page of the ground truth as the UTF-8 text of ``TEXTDIR/<id>.txt``.

    A missing text file becomes an empty page (and so an empty prediction): nothing is
    silently dropped from the corpus.
    """
    truth = load_ground_truth(data_dir)
    pages = []
    for key, item in sorted(truth.items()):
        path = text_dir / f"{key}.txt"
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if not path.exists():
            print(f"warning: {path} is missing; scored as an empty page", file=sys.stderr)
        pages.append(Page(id=key, url=item.get("url"), truth=item.get("articleBody", ""), source=text))
    return pages


def _gunzip(data_dir: Path, key: str) -> bytes:
    """Return the saved bytes of page ``key``."""
    with gzip.open(data_dir / "html" / f"{key}.html.gz", "rb") as handle:
        return handle.read()


# --------------------------------------------------------------------------- decoding

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


def decode_page(data: Source) -> str:
    """Decode page bytes the same simple way for every comparison library.

    A byte-order mark wins; else the charset declared in a ``<meta>`` of the first 4 KiB
    (Latin-1/ASCII read as windows-1252, as browsers do; UTF-16 declared in a meta is
    read as UTF-8, as browsers do); else UTF-8. Undecodable bytes become U+FFFD.
    """
    if isinstance(data, str):
        return data
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return data.decode(_declared_charset(data) or "utf-8", errors="replace")


def _declared_charset(data: bytes) -> str | None:
    """Return the Python codec named by the page's ``<meta>`` charset, if it names one."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        name = codecs.lookup(_WHATWG_ALIASES.get(label, label)).name
    except LookupError:
        return None
    return "utf-8" if name.startswith("utf-16") else name


# --------------------------------------------------------------------------- systems


class SystemUnavailableError(RuntimeError):
    """The system could not be loaded (not installed, or missing its entry point)."""


def load_articlex() -> Extractor:
    """Return articlex's extractor: ``articlex.extract(source, url=url).text``.

    The installed package is used when there is one, else the repository's ``src/``.
    """
    try:
        import articlex
    except ModuleNotFoundError:
        sys.path.insert(0, str(REPO_ROOT / "src"))
        try:
            import articlex
        except ModuleNotFoundError as error:
            msg = f"cannot import articlex: {error}"
            raise SystemUnavailableError(msg) from error
    extract = getattr(articlex, "extract", None)
    if extract is None:
        msg = f"articlex ({_module_location(articlex)}) has no extract() yet"
        raise SystemUnavailableError(msg)

    def run(source: Source, url: str | None) -> str:
        return extract(source, url=url).text

    return run


def load_trafilatura() -> Extractor:
    """Return trafilatura's extractor, fed the decoded page (`decode_page`)."""
    import trafilatura

    def run(source: Source, url: str | None) -> str:
        html = decode_page(source)
        return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""

    return run


def load_readability() -> Extractor:
    """Return readability-lxml's extractor: ``Document(html).summary(html_partial=True)`` as text.

    ``html_partial=True`` is what the corpus's own readability runner uses; the default
    full-document summary comes back empty on one page of this corpus. The summary's text
    is taken with lxml's ``text_content()`` after a line break is put after every block
    element, so adjacent paragraphs do not glue into one word.
    """
    import lxml.html
    import readability

    def run(source: Source, url: str | None) -> str:
        summary = readability.Document(decode_page(source), url=url).summary(html_partial=True)
        return html_to_text(lxml.html.fromstring(summary))

    return run


def load_resiliparse() -> Extractor:
    """Return resiliparse's extractor: ``extract_plain_text(..., main_content=True)``."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(source: Source, _url: str | None) -> str:
        return extract_plain_text(HTMLTree.parse(decode_page(source)), main_content=True)

    return run


def load_newspaper4k() -> Extractor:
    """Return newspaper4k's extractor: ``Article.download(input_html=...)``, ``parse()``, ``.text``."""
    import newspaper

    def run(source: Source, url: str | None) -> str:
        article = newspaper.Article(url or "https://example.invalid/")
        article.download(input_html=decode_page(source))
        article.parse()
        return article.text or ""

    return run


def load_goose3() -> Extractor:
    """Return goose3's extractor: ``Goose().extract(raw_html=...).cleaned_text``."""
    from goose3 import Goose

    goose = Goose()

    def run(source: Source, url: str | None) -> str:
        return goose.extract(url=url, raw_html=decode_page(source)).cleaned_text or ""

    return run


_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"),
    }
)


def html_to_text(root: Any) -> str:
    """Return the text of an lxml element, with a line break after each block element."""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


@dataclass(frozen=True, slots=True)
class Contestant:
    """A comparison library: how to load it and how to install it."""

    load: Callable[[], Extractor]
    distribution: str


CONTESTANTS: dict[str, Contestant] = {
    "trafilatura": Contestant(load_trafilatura, "trafilatura"),
    "readability-lxml": Contestant(load_readability, "readability-lxml"),
    "resiliparse": Contestant(load_resiliparse, "resiliparse"),
    "newspaper4k": Contestant(load_newspaper4k, "newspaper4k"),
    "goose3": Contestant(load_goose3, "goose3"),
}


# --------------------------------------------------------------------------- running


@dataclass(slots=True)
class Outcome:
    """What one system did on one page."""

    score: DocumentScore
    ms: float
    error: str | None = None


@dataclass(slots=True)
class SystemRun:
    """One system's outcomes over the corpus, keyed by page id."""

    name: str
    version: str
    extractor: Extractor | None
    unavailable: str | None = None
    outcomes: dict[str, Outcome] = field(default_factory=dict)


def load_system(name: str, load: Callable[[], Extractor], distribution: str) -> SystemRun:
    """Load one system; a failure is recorded on the run rather than raised."""
    try:
        extractor: Extractor | None = load()
        unavailable = None
    except (ImportError, SystemUnavailableError) as error:
        extractor, unavailable = None, f"{type(error).__name__}: {error}"
    return SystemRun(name, _version(distribution), extractor, unavailable)


def run_page(run: SystemRun, page: Page) -> Outcome:
    """Run one system on one page, timing it; an exception counts as an empty prediction."""
    if run.extractor is None:
        return Outcome(score_document(page.truth, ""), 0.0, f"unavailable: {run.unavailable}")
    start = time.perf_counter()
    try:
        predicted, error = run.extractor(page.source, page.url), None
    except Exception as exc:
        predicted, error = "", f"{type(exc).__name__}: {exc}"
    ms = (time.perf_counter() - start) * 1000
    return Outcome(score_document(page.truth, predicted), ms, error)


def run_benchmark(runs: Sequence[SystemRun], pages: Sequence[Page], progress: bool) -> None:
    """Run every system on every page, page by page, rotating which system goes first."""
    for index, page in enumerate(pages):
        shift = index % len(runs)
        for run in [*runs[shift:], *runs[:shift]]:
            run.outcomes[page.id] = run_page(run, page)
        if progress:
            print(f"\r{index + 1}/{len(pages)} pages", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)


# --------------------------------------------------------------------------- reporting


def summary_of(run: SystemRun) -> Summary:
    """Corpus figures of one run."""
    return summarize([outcome.score for outcome in run.outcomes.values()])


def median_ms(run: SystemRun) -> float | None:
    """Median milliseconds per page over the pages the system handled without error."""
    times = [o.ms for o in run.outcomes.values() if o.error is None]
    return statistics.median(times) if times else None


def median_ratio(run: SystemRun, reference: SystemRun) -> float | None:
    """Median over pages (both without error) of this system's time / the reference's time."""
    ratios = [
        outcome.ms / reference.outcomes[key].ms
        for key, outcome in run.outcomes.items()
        if outcome.error is None and reference.outcomes[key].error is None and reference.outcomes[key].ms > 0
    ]
    return statistics.median(ratios) if ratios else None


def _fmt(value: float | None, pattern: str) -> str:
    """Format a number, or 'n/a' for None."""
    return "n/a" if value is None else format(value, pattern)


def format_table(runs: Sequence[SystemRun]) -> str:
    """The results table, one row per system, articlex first."""
    header = f"{'system':<18} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} {'pages':>5} {'errors':>6} "
    header += f"{'ms/page':>8} {'time ratio vs articlex':>22}"
    lines = [header, "-" * len(header)]
    reference = runs[0]
    for run in runs:
        summary = summary_of(run)
        errors = sum(1 for o in run.outcomes.values() if o.error)
        ratio = "" if run is reference else _fmt(median_ratio(run, reference), ".2f")
        lines.append(
            f"{run.name:<18} {summary.f1:>6.3f} {summary.precision:>6.3f} {summary.recall:>6.3f} "
            f"{summary.accuracy:>6.3f} {summary.documents:>5} {errors:>6} "
            f"{_fmt(median_ms(run), '.1f'):>8} {ratio:>22}"
        )
    lines.append("ms/page: median over pages without error; time ratio: median over pages of")
    lines.append("(system ms / articlex ms), pages where both ran without error; > 1 is slower.")
    return "\n".join(lines)


def format_worst(run: SystemRun, pages: Sequence[Page], count: int) -> str:
    """The ``count`` pages where the system scores the lowest F1."""
    urls = {page.id: page.url or "" for page in pages}
    ranked = sorted(run.outcomes.items(), key=lambda item: (item[1].score.f1, item[0]))[:count]
    lines = [f"Worst {len(ranked)} {run.name} pages:", f"{'id':<12}  {'F1':>5} {'P':>5} {'R':>5}  url"]
    for key, outcome in ranked:
        score = outcome.score
        flag = "  [error]" if outcome.error else ""
        lines.append(
            f"{key[:12]:<12}  {score.f1:>5.3f} {score.precision:>5.3f} {score.recall:>5.3f}  {urls[key]}{flag}"
        )
    return "\n".join(lines)


def format_errors(runs: Sequence[SystemRun]) -> str:
    """Every page on which a system raised, grouped by system and message."""
    lines = []
    for run in runs:
        groups: dict[str, list[str]] = {}
        for key, outcome in run.outcomes.items():
            if outcome.error:
                groups.setdefault(outcome.error, []).append(key[:12])
        for message, keys in groups.items():
            every = len(keys) == len(run.outcomes)
            lines.append(f"{run.name}: {'every page' if every else f'{len(keys)} page(s)'}: {message[:300]}")
            if not every:
                lines.append("    " + " ".join(keys))
    return "\n".join(["Errors (scored as empty predictions):", *lines]) if lines else "Errors: none"


def environment(runs: Sequence[SystemRun]) -> dict[str, str]:
    """Date, machine and library versions, for the record."""
    info = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": str(os.cpu_count()),
    }
    info.update({run.name: run.version for run in runs})
    return info


def _version(distribution: str) -> str:
    """Installed version of a distribution, or 'source tree' / 'not installed'."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "source tree" if distribution == ARTICLEX else "not installed"


def _module_location(module: Any) -> str:
    """Where a module was imported from."""
    return str(getattr(module, "__file__", None) or list(getattr(module, "__path__", [])))


# --------------------------------------------------------------------------- gate and JSON


def check_gate(run: SystemRun, mode: str, floors_path: Path) -> list[str]:
    """Return one message per articlex figure below its floor for ``mode`` (empty: gate passes)."""
    floors = json.loads(floors_path.read_text(encoding="utf-8")).get(mode)
    if floors is None:
        return [f"{floors_path} has no floors for mode {mode!r}"]
    if run.unavailable:
        return [f"articlex could not run: {run.unavailable}"]
    if all(outcome.error for outcome in run.outcomes.values()):
        return ["articlex raised on every page"]
    figures = summary_of(run)
    failures = []
    for name, floor in floors.items():
        if name not in GATED_FIGURES:
            failures.append(f"unknown figure {name!r} in {floors_path} (known: {', '.join(GATED_FIGURES)})")
        elif getattr(figures, name) < floor:
            failures.append(f"{mode} {name} {getattr(figures, name):.4f} is below its floor {floor:.4f}")
    return failures


def write_json(path: Path, mode: str, runs: Sequence[SystemRun], pages: Sequence[Page]) -> None:
    """Write per-page scores (and each system's summary) for later diffing."""
    urls = {page.id: page.url for page in pages}
    payload = {
        "mode": mode,
        "environment": environment(runs),
        "systems": {run.name: _run_json(run, urls) for run in runs},
    }
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def _run_json(run: SystemRun, urls: dict[str, str | None]) -> dict[str, Any]:
    """One system's summary and per-page scores as plain JSON data."""
    summary = summary_of(run)
    return {
        "version": run.version,
        "summary": {name: getattr(summary, name) for name in (*GATED_FIGURES, "documents")},
        "median_ms": median_ms(run),
        "pages": {
            key: {
                "url": urls[key],
                "f1": o.score.f1,
                "precision": o.score.precision,
                "recall": o.score.recall,
                "accurate": o.score.accurate,
                "tp": o.score.tp_count,
                "fp": o.score.fp_count,
                "fn": o.score.fn_count,
                "ms": round(o.ms, 3),
                "error": o.error,
            }
            for key, o in sorted(run.outcomes.items())
        },
    }


# --------------------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line; an unknown system name is a usage error (exit 2)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], prog="bench/accuracy.py")
    parser.add_argument("--data", type=Path, required=True, metavar="DIR", help="folder with ground-truth.json, html/")
    parser.add_argument("--text", type=Path, metavar="TEXTDIR", help="feed articlex TEXTDIR/<id>.txt instead of HTML")
    parser.add_argument("--compare", default="", metavar="A,B", help=f"comma list among: {', '.join(CONTESTANTS)}")
    parser.add_argument("--worst", type=int, default=15, metavar="N", help="list the N worst articlex pages (15)")
    parser.add_argument("--gate", action="store_true", help="exit 1 if articlex is below its floors")
    parser.add_argument("--floors", type=Path, default=FLOORS_PATH, metavar="PATH", help="floors file for --gate")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write per-page scores to OUT")
    parser.add_argument("--quiet", action="store_true", help="no progress counter on stderr")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        parser.error(f"{args.data} has no ground-truth.json")
    if args.text and not args.text.is_dir():
        parser.error(f"{args.text} is not a folder")
    args.compare = [name.strip() for name in args.compare.split(",") if name.strip()]
    unknown = [name for name in args.compare if name not in CONTESTANTS]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose among: {', '.join(CONTESTANTS)}")
    return args


def select_contestants(names: Sequence[str], text_mode: bool) -> list[SystemRun]:
    """Load the requested comparison libraries, skipping (with a hint) those not installed."""
    if names and text_mode:
        print("note: --compare does not apply with --text (the other libraries read HTML only); articlex runs alone")
        return []
    runs = []
    for name in names:
        contestant = CONTESTANTS[name]
        run = load_system(name, contestant.load, contestant.distribution)
        if run.extractor is None:
            print(f"skipping {name}: not available ({run.unavailable}); pip install {contestant.distribution}")
            continue
        runs.append(run)
    return runs


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the process exit code."""
    args = parse_args(argv)
    mode = "text" if args.text else "html"
    pages = load_text_pages(args.data, args.text) if args.text else load_html_pages(args.data)
    articlex = load_system(ARTICLEX, load_articlex, ARTICLEX)
    if articlex.unavailable:
        print(f"warning: articlex is not available ({articlex.unavailable}); its row shows every page as an error")
    runs = [articlex, *select_contestants(args.compare, text_mode=bool(args.text))]
    run_benchmark(runs, pages, progress=not args.quiet)

    info = environment(runs)
    print(f"\nAccuracy on {len(pages)} pages ({mode} input), {info.pop('date')}")
    print(", ".join(f"{key} {value}" for key, value in info.items()))
    print()
    print(format_table(runs))
    if args.worst > 0 and not articlex.unavailable:
        print()
        print(format_worst(articlex, pages, args.worst))
    print()
    print(format_errors(runs))
    if args.json:
        write_json(args.json, mode, runs, pages)
        print(f"\nper-page scores written to {args.json}")
    return _gate(articlex, mode, args.floors) if args.gate else 0


def _gate(articlex: SystemRun, mode: str, floors_path: Path) -> int:
    """Print the gate verdict; return 1 when it fails, 0 when it passes."""
    if not floors_path.exists():
        print(f"\nGATE FAILED: no floors file at {floors_path}")
        return 1
    failures = check_gate(articlex, mode, floors_path)
    if failures:
        print("\nGATE FAILED:")
        print("\n".join(f"  {failure}" for failure in failures))
        return 1
    print(f"\ngate passed: articlex meets the {mode} floors of {floors_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

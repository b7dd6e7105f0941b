"""Body-extraction accuracy benchmark: articlex, and optionally other extractors, on one or
more corpora, scored with the published metric of the scrapinghub corpus (`scoring.py`).

Usage::

    python bench/accuracy.py --data DIR [DIR ...] [--text TEXTDIR [TEXTDIR ...]] [--split tune|check|all]
        [--compare trafilatura,readability-lxml,resiliparse] [--worst 15] [--gate] [--json OUT]

Each ``DIR`` is a corpus (it holds ``ground-truth.json`` ({id: {"articleBody", "url"}}) and
``html/<id>.html.gz``), named after its folder, or a folder of corpora: each subfolder ``X``
holding a ``ground-truth.json`` is one corpus, named ``DIR/X`` (e.g. ``web-dev/cleaneval``).
By default articlex gets each page's raw bytes. With ``--text``, the i-th ``TEXTDIR`` goes
with the i-th ``DIR`` and articlex gets a browser's rendering of each page to text, read as
UTF-8: ``TEXTDIR/<id>.txt`` for a corpus given directly, ``TEXTDIR/X/<id>.txt`` for corpus
``X`` of a folder of corpora. The ground truth still comes from ``DIR``. See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import datetime as dt
import gzip
import hashlib
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
    from bench.scoring import DocumentScore, Summary, score_document, summarize, tokenize
except ModuleNotFoundError:  # run as `python bench/accuracy.py`: bench/ is on sys.path
    from scoring import DocumentScore, Summary, score_document, summarize, tokenize

REPO_ROOT = Path(__file__).resolve().parent.parent
FLOORS_PATH = Path(__file__).resolve().parent / "floors.json"
ARTICLEX = "articlex"
GATED_FIGURES = ("f1", "precision", "recall", "accuracy")
MACRO = "macro"
"""The key of the macro floor in each mode of the floors file, and the corpus column of macro rows."""
MACRO_FIGURES = ("f1", "precision", "recall", "accuracy")
LONG_TRUTH_WORDS = 100
"""An empty prediction on a page whose truth has at least this many words is listed apart."""
SPLITS = ("tune", "check")
"""The two halves of every corpus, in the order of `split_of`'s bit."""

Source = bytes | str
Extractor = Callable[[Source, str | None], str]
"""Takes the page (bytes of HTML, or text) and its URL; returns the extracted body text."""


# --------------------------------------------------------------------------- the split


def split_of(page_id: str) -> str:
    """Return the half of its corpus a page belongs to: ``"tune"`` or ``"check"``.

    The half is bit 0 of the first byte of the SHA-256 of the page id (UTF-8):
    ``hashlib.sha256(page_id.encode()).digest()[0] % 2``, 0 for ``tune`` (the pages to look
    at while changing a rule), 1 for ``check`` (the pages to confirm the change on, unseen).
    It depends on the id alone: a page keeps its half whatever else its corpus holds, on
    every machine and Python version (unlike the salted ``hash()``).
    """
    return SPLITS[hashlib.sha256(page_id.encode()).digest()[0] % 2]


# --------------------------------------------------------------------------- data


class CorpusError(ValueError):
    """The folders given do not make a set of corpora (a usage error)."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """One corpus of the run: where its truth and pages are, and where its text renderings are."""

    name: str
    """``scrapinghub`` for a corpus given directly; ``web-dev/cleaneval`` for one found in a folder."""
    path: Path
    """The folder holding ``ground-truth.json`` and ``html/``."""
    text_dir: Path | None = None
    """The folder holding this corpus's ``<id>.txt`` (text mode), else None (HTML mode)."""
    floor_names: tuple[str, ...] = ()
    """The names looked up in the floors file, first found wins."""


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: what the extractor is given and what it should find."""

    id: str
    url: str | None
    truth: str
    source: Source


def find_corpora(data_dirs: Sequence[Path], text_dirs: Sequence[Path] = ()) -> list[Corpus]:
    """Return the corpora of the data folders, in the order given (a folder's corpora sorted by name).

    A folder with ``ground-truth.json`` is one corpus named after the folder; else each of
    its subfolders with one is a corpus named ``folder/subfolder``. With text folders (one per
    data folder, paired by position), a corpus given directly reads ``TEXTDIR/<id>.txt`` and
    corpus ``X`` of a folder of corpora reads ``TEXTDIR/X/<id>.txt``.

    Raises:
        CorpusError: a folder holds no corpus, the text folders do not pair with the data
            folders, or two corpora have the same name.
    """
    if text_dirs and len(text_dirs) != len(data_dirs):
        msg = f"--text takes one TEXTDIR per --data DIR, in order (got {len(data_dirs)} DIR, {len(text_dirs)} TEXTDIR)"
        raise CorpusError(msg)
    corpora: list[Corpus] = []
    for index, data_dir in enumerate(data_dirs):
        text_dir = text_dirs[index] if text_dirs else None
        if text_dir is not None and not text_dir.is_dir():
            msg = f"{text_dir} is not a folder"
            raise CorpusError(msg)
        folder_name = data_dir.resolve().name
        if (data_dir / "ground-truth.json").is_file():
            aliases = (folder_name, f"{data_dir.resolve().parent.name}/{folder_name}")
            corpora.append(Corpus(folder_name, data_dir, text_dir, aliases))
            continue
        found = (
            sorted(sub for sub in data_dir.iterdir() if (sub / "ground-truth.json").is_file())
            if data_dir.is_dir()
            else []
        )
        if not found:
            msg = f"{data_dir} has no ground-truth.json, and no subfolder with one"
            raise CorpusError(msg)
        for sub in found:
            name = f"{folder_name}/{sub.name}"
            corpora.append(Corpus(name, sub, None if text_dir is None else text_dir / sub.name, (name,)))
    names = [corpus.name for corpus in corpora]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        msg = f"corpus name(s) given twice: {', '.join(repeated)}"
        raise CorpusError(msg)
    return corpora


def load_ground_truth(data_dir: Path) -> dict[str, dict[str, str]]:
    """Read ``ground-truth.json`` of the data folder."""
    with (data_dir / "ground-truth.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def load_pages(corpus: Corpus, split: str = "all") -> tuple[list[Page], list[str]]:
    """Load the pages of one corpus in the requested half (``tune``, ``check`` or ``all``), sorted by id.

    In HTML mode each page is the gunzipped bytes of ``html/<id>.html.gz``; in text mode the
    UTF-8 text of ``<id>.txt`` in the corpus's text folder. A missing text file becomes an
    empty page (and so an empty prediction): nothing is silently dropped from the corpus.
    Returns the pages and the ids whose text rendering is missing.
    """
    truth = load_ground_truth(corpus.path)
    pages, missing = [], []
    for key, item in sorted(truth.items()):
        if split != "all" and split_of(key) != split:
            continue
        source: Source
        if corpus.text_dir is None:
            source = _gunzip(corpus.path, key)
        else:
            path = corpus.text_dir / f"{key}.txt"
            source = path.read_text(encoding="utf-8") if path.is_file() else ""
            if not path.is_file():
                missing.append(key)
        pages.append(Page(id=key, url=item.get("url") or None, truth=item.get("articleBody") or "", source=source))
    return pages, missing


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

    @property
    def empty(self) -> bool:
        """Whether the prediction holds no word (an error counts as an empty prediction)."""
        return self.score.tp_count + self.score.fp_count == 0


@dataclass(slots=True)
class SystemRun:
    """One system's outcomes over one corpus, keyed by page id."""

    name: str
    version: str
    extractor: Extractor | None
    unavailable: str | None = None
    outcomes: dict[str, Outcome] = field(default_factory=dict)


@dataclass(slots=True)
class CorpusResult:
    """Every system's run over one corpus, and what the report needs to know of its pages."""

    corpus: Corpus
    runs: list[SystemRun]
    urls: dict[str, str | None] = field(default_factory=dict)
    truth_words: dict[str, int] = field(default_factory=dict)
    missing_text: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        """Number of pages of the corpus in this run."""
        return len(self.urls)

    def run_of(self, name: str) -> SystemRun | None:
        """The run of the named system on this corpus, if it ran."""
        return next((run for run in self.runs if run.name == name), None)


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


def run_benchmark(runs: Sequence[SystemRun], pages: Sequence[Page], progress: bool, label: str = "") -> None:
    """Run every system on every page, page by page, rotating which system goes first."""
    prefix = f"{label}: " if label else ""
    for index, page in enumerate(pages):
        shift = index % len(runs)
        for run in [*runs[shift:], *runs[:shift]]:
            run.outcomes[page.id] = run_page(run, page)
        if progress:
            print(f"\r{prefix}{index + 1}/{len(pages)} pages", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)


def run_corpus(corpus: Corpus, systems: Sequence[SystemRun], split: str, progress: bool) -> CorpusResult:
    """Load one corpus (its pages in ``split``) and run every system on it, page by page."""
    pages, missing = load_pages(corpus, split)
    if missing:
        shown = " ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
        print(
            f"warning: {len(missing)} of {len(pages)} text renderings of {corpus.name} are missing "
            f"from {corpus.text_dir}; scored as empty pages: {shown}",
            file=sys.stderr,
        )
    runs = [dataclasses.replace(system, outcomes={}) for system in systems]
    run_benchmark(runs, pages, progress, label=corpus.name)
    return CorpusResult(
        corpus,
        runs,
        urls={page.id: page.url for page in pages},
        truth_words={page.id: len(tokenize(page.truth)) for page in pages},
        missing_text=missing,
    )


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


def empty_pages(run: SystemRun, truth_words: dict[str, int], min_words: int = 0) -> list[str]:
    """The ids of the pages with an empty prediction whose truth has at least ``min_words`` words."""
    return sorted(key for key, o in run.outcomes.items() if o.empty and truth_words.get(key, 0) >= min_words)


@dataclass(frozen=True, slots=True)
class Macro:
    """One system's macro figures: unweighted means over the corpora of the run with pages."""

    f1: float
    precision: float
    recall: float
    accuracy: float
    corpora: int
    pages: int
    empty: int
    empty_long: int
    median_ms: float | None


def macro_of(results: Sequence[CorpusResult], name: str) -> Macro | None:
    """The macro figures of the named system (None when it ran on no corpus with pages)."""
    pairs = [(result, run) for result in results if result.pages and (run := result.run_of(name)) is not None]
    if not pairs:
        return None
    summaries = [summary_of(run) for _, run in pairs]
    times = [o.ms for _, run in pairs for o in run.outcomes.values() if o.error is None]
    return Macro(
        f1=statistics.fmean(s.f1 for s in summaries),
        precision=statistics.fmean(s.precision for s in summaries),
        recall=statistics.fmean(s.recall for s in summaries),
        accuracy=statistics.fmean(s.accuracy for s in summaries),
        corpora=len(pairs),
        pages=sum(result.pages for result, _ in pairs),
        empty=sum(len(empty_pages(run, result.truth_words)) for result, run in pairs),
        empty_long=sum(len(empty_pages(run, result.truth_words, LONG_TRUTH_WORDS)) for result, run in pairs),
        median_ms=statistics.median(times) if times else None,
    )


def _fmt(value: float | None, pattern: str) -> str:
    """Format a number, or 'n/a' for None."""
    return "n/a" if value is None else format(value, pattern)


def format_table(results: Sequence[CorpusResult]) -> str:
    """The results table: per corpus one row per system (articlex first), then a macro row per system."""
    width = max([len(MACRO) + 5, *(len(result.corpus.name) for result in results)])
    header = (
        f"{'corpus':<{width}} {'system':<16} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} {'pages':>5} "
        f"{'empty':>5} {'empty/long':>10} {'errors':>6} {'ms/page':>8} {'time ratio':>10}"
    )
    lines = [header, "-" * len(header)]
    names: list[str] = []
    for result in results:
        reference = result.runs[0]
        for run in result.runs:
            if run.name not in names:
                names.append(run.name)
            summary = summary_of(run)
            errors = sum(1 for o in run.outcomes.values() if o.error)
            ratio = "" if run is reference else _fmt(median_ratio(run, reference), ".2f")
            empty = len(empty_pages(run, result.truth_words))
            empty_long = len(empty_pages(run, result.truth_words, LONG_TRUTH_WORDS))
            lines.append(
                f"{result.corpus.name:<{width}} {run.name:<16} {summary.f1:>6.3f} {summary.precision:>6.3f} "
                f"{summary.recall:>6.3f} {summary.accuracy:>6.3f} {summary.documents:>5} {empty:>5} "
                f"{empty_long:>10} {errors:>6} {_fmt(median_ms(run), '.1f'):>8} {ratio:>10}"
            )
    lines.append("-" * len(header))
    for name in names:
        macro = macro_of(results, name)
        if macro is None:
            continue
        label = f"{MACRO} ({macro.corpora})"
        lines.append(
            f"{label:<{width}} {name:<16} {macro.f1:>6.3f} {macro.precision:>6.3f} {macro.recall:>6.3f} "
            f"{macro.accuracy:>6.3f} {macro.pages:>5} {macro.empty:>5} {macro.empty_long:>10} {'':>6} "
            f"{_fmt(macro.median_ms, '.1f'):>8}"
        )
    lines += [
        "empty: pages with an empty prediction (no word; a page where the system raised counts);",
        f"empty/long: of those, pages whose truth has >= {LONG_TRUTH_WORDS} words. ms/page: median over pages",
        "without error. time ratio: median over pages of (system ms / articlex ms), pages where both ran",
        "without error; > 1 is slower. macro (N): unweighted mean over the N corpora of F1, precision,",
        "recall and accuracy (each corpus weighs the same); pages and empties summed; ms over all pages.",
    ]
    return "\n".join(lines)


def _short(key: str) -> str:
    """A page id as listed: whole when short, else its first 12 characters."""
    return key if len(key) <= 24 else key[:12]


def format_worst(result: CorpusResult, name: str, count: int) -> str:
    """The ``count`` pages of one corpus where the named system scores the lowest F1."""
    run = result.run_of(name)
    if run is None:
        return ""
    ranked = sorted(run.outcomes.items(), key=lambda item: (item[1].score.f1, item[0]))[:count]
    width = max([12, *(len(_short(key)) for key, _ in ranked)])
    lines = [
        f"Worst {len(ranked)} {run.name} pages of {result.corpus.name}:",
        f"{'id':<{width}}  {'F1':>5} {'P':>5} {'R':>5} {'words':>6}  url",
    ]
    for key, outcome in ranked:
        score = outcome.score
        flag = "  [error]" if outcome.error else ("  [empty]" if outcome.empty else "")
        lines.append(
            f"{_short(key):<{width}}  {score.f1:>5.3f} {score.precision:>5.3f} {score.recall:>5.3f} "
            f"{result.truth_words[key]:>6}  {result.urls[key] or ''}{flag}"
        )
    return "\n".join(lines)


def format_errors(results: Sequence[CorpusResult]) -> str:
    """Every page on which a system raised, grouped by corpus, system and message."""
    lines = []
    for result in results:
        for run in result.runs:
            groups: dict[str, list[str]] = {}
            for key, outcome in run.outcomes.items():
                if outcome.error:
                    groups.setdefault(outcome.error, []).append(_short(key))
            for message, keys in groups.items():
                every = len(keys) == len(run.outcomes)
                count = "every page" if every else f"{len(keys)} page(s)"
                lines.append(f"{result.corpus.name}, {run.name}: {count}: {message[:300]}")
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


@dataclass(slots=True)
class GateReport:
    """The gate's verdict: one line per corpus (and the macro), and the failures among them."""

    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _check_figures(
    label: str, figures: Any, floors: Any, known: Sequence[str], *, report: GateReport, floors_path: Path
) -> None:
    """Compare each floored figure of ``figures`` with its floor; record the verdict under ``label``."""
    if not isinstance(floors, dict):
        report.failures.append(f"{label}: the floors entry in {floors_path} is not an object")
        report.lines.append(f"{label}: FAILED (bad floors entry)")
        return
    shown, failed = [], []
    for name, floor in floors.items():
        if name not in known or not isinstance(floor, int | float):
            failed.append(
                f"{label}: unknown figure {name!r} or floor {floor!r} in {floors_path} (known: {', '.join(known)})"
            )
            continue
        value = getattr(figures, name)
        shown.append(f"{name} {value:.4f} {'<' if value < floor else '>='} {floor:.4f}")
        if value < floor:
            failed.append(f"{label}: {name} {value:.4f} is below its floor {floor:.4f}")
    report.failures += failed
    report.lines.append(f"{label}: {'FAILED' if failed else 'pass'} ({', '.join(shown) or 'no figure floored'})")


def check_gate(results: Sequence[CorpusResult], mode: str, floors_path: Path) -> GateReport:
    """Compare articlex on every corpus of the run (and its macro figures) with the floors for ``mode``.

    The floors file holds, per mode (``html``, ``text``), one entry per corpus name
    (``{"f1": ..., "precision": ..., "recall": ...}``) and a ``macro`` entry that also lists
    the ``corpora`` it was measured on: it applies only to a run over exactly those corpora.
    A corpus (or a macro) without a floor is reported as "no floor" and does not fail.
    """
    report = GateReport()
    if not floors_path.exists():
        report.failures.append(f"no floors file at {floors_path}")
        return report
    floors = json.loads(floors_path.read_text(encoding="utf-8")).get(mode)
    if not isinstance(floors, dict):
        report.failures.append(f"{floors_path} has no floors for mode {mode!r}")
        return report
    for result in results:
        label = f"{mode} {result.corpus.name}"
        run = result.run_of(ARTICLEX)
        if run is None or run.unavailable:
            report.failures.append(f"{label}: articlex could not run: {run.unavailable if run else 'not run'}")
            continue
        if run.outcomes and all(outcome.error for outcome in run.outcomes.values()):
            report.failures.append(f"{label}: articlex raised on every page")
            continue
        key = next((name for name in result.corpus.floor_names if name in floors and name != MACRO), None)
        if key is None:
            report.lines.append(f"{label}: no floor")
            continue
        if key != result.corpus.name:
            label += f" (floors of {key})"
        _check_figures(label, summary_of(run), floors[key], GATED_FIGURES, report=report, floors_path=floors_path)
    macro_floors = floors.get(MACRO)
    names = sorted(result.corpus.name for result in results)
    label = f"{mode} {MACRO}"
    if not isinstance(macro_floors, dict):
        report.lines.append(f"{label}: no floor")
    elif sorted(macro_floors.get("corpora", [])) != names:
        floored = ", ".join(sorted(macro_floors.get("corpora", []))) or "no corpus"
        report.lines.append(f"{label}: no floor for this set of corpora (the macro floor is for: {floored})")
    elif (macro := macro_of(results, ARTICLEX)) is not None:
        figure_floors = {name: floor for name, floor in macro_floors.items() if name != "corpora"}
        _check_figures(label, macro, figure_floors, MACRO_FIGURES, report=report, floors_path=floors_path)
    return report


def write_json(path: Path, mode: str, split: str, results: Sequence[CorpusResult], info: dict[str, str]) -> None:
    """Write every corpus's per-system summaries and per-page scores, and the macro figures, for diffing runs."""
    names = list(dict.fromkeys(run.name for result in results for run in result.runs))
    payload = {
        "mode": mode,
        "split": split,
        "environment": info,
        "macro": {name: dataclasses.asdict(macro) for name in names if (macro := macro_of(results, name)) is not None},
        "corpora": {
            result.corpus.name: {
                "data": str(result.corpus.path),
                "text": None if result.corpus.text_dir is None else str(result.corpus.text_dir),
                "pages": result.pages,
                "missing_text": result.missing_text,
                "systems": {run.name: _run_json(run, result) for run in result.runs},
            }
            for result in results
        },
    }
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def _run_json(run: SystemRun, result: CorpusResult) -> dict[str, Any]:
    """One system's summary and per-page scores on one corpus as plain JSON data."""
    summary = summary_of(run)
    return {
        "version": run.version,
        "summary": {name: getattr(summary, name) for name in (*GATED_FIGURES, "documents")},
        "median_ms": median_ms(run),
        "empty": len(empty_pages(run, result.truth_words)),
        "empty_long_truth": len(empty_pages(run, result.truth_words, LONG_TRUTH_WORDS)),
        "errors": sum(1 for o in run.outcomes.values() if o.error),
        "pages": {
            key: {
                "url": result.urls[key],
                "split": split_of(key),
                "truth_words": result.truth_words[key],
                "f1": o.score.f1,
                "precision": o.score.precision,
                "recall": o.score.recall,
                "accurate": o.score.accurate,
                "empty": o.empty,
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
    """Read the command line; an unknown system name or a bad folder is a usage error (exit 2)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], prog="bench/accuracy.py")
    parser.add_argument(
        "--data",
        type=Path,
        nargs="+",
        required=True,
        metavar="DIR",
        help="corpora: ground-truth.json + html/, or a folder of them",
    )
    parser.add_argument(
        "--text",
        type=Path,
        nargs="+",
        default=[],
        metavar="TEXTDIR",
        help="feed articlex the text renderings (one TEXTDIR per DIR)",
    )
    parser.add_argument("--split", choices=("all", *SPLITS), default="all", help="which half of each corpus (all)")
    parser.add_argument("--compare", default="", metavar="A,B", help=f"comma list among: {', '.join(CONTESTANTS)}")
    parser.add_argument(
        "--worst", type=int, default=15, metavar="N", help="list the N worst articlex pages per corpus (15)"
    )
    parser.add_argument("--gate", action="store_true", help="exit 1 if articlex is below a floor")
    parser.add_argument("--floors", type=Path, default=FLOORS_PATH, metavar="PATH", help="floors file for --gate")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write per-corpus, per-page scores to OUT")
    parser.add_argument("--quiet", action="store_true", help="no progress counter on stderr")
    args = parser.parse_args(argv)
    try:
        args.corpora = find_corpora(args.data, args.text)
    except CorpusError as error:
        parser.error(str(error))
    if args.gate and args.split != "all":
        parser.error("--gate needs --split all: the floors are measured on whole corpora")
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
    articlex = load_system(ARTICLEX, load_articlex, ARTICLEX)
    if articlex.unavailable:
        print(f"warning: articlex is not available ({articlex.unavailable}); its row shows every page as an error")
    systems = [articlex, *select_contestants(args.compare, text_mode=bool(args.text))]
    results = [run_corpus(corpus, systems, args.split, progress=not args.quiet) for corpus in args.corpora]

    info = environment(systems)
    total = sum(result.pages for result in results)
    corpora = f"{len(results)} corpus" if len(results) == 1 else f"{len(results)} corpora"
    print(f"\nAccuracy on {total} pages of {corpora} ({mode} input, split {args.split}), {info['date']}")
    print(", ".join(f"{key} {value}" for key, value in info.items() if key != "date"))
    for result in results:
        text = f"; text from {result.corpus.text_dir}" if result.corpus.text_dir else ""
        print(f"  {result.corpus.name}: {result.pages} pages from {result.corpus.path}{text}")
    print()
    print(format_table(results))
    if args.worst > 0 and not articlex.unavailable:
        for result in results:
            print()
            print(format_worst(result, ARTICLEX, args.worst))
    print()
    print(format_errors(results))
    if args.json:
        write_json(args.json, mode, args.split, results, info)
        print(f"\nper-corpus, per-page scores written to {args.json}")
    return _gate(results, mode, args.floors) if args.gate else 0


def _gate(results: Sequence[CorpusResult], mode: str, floors_path: Path) -> int:
    """Print the gate verdict; return 1 when it fails, 0 when it passes."""
    report = check_gate(results, mode, floors_path)
    if report.lines:
        print(f"\nGate ({mode} floors of {floors_path}):")
        print("\n".join(f"  {line}" for line in report.lines))
    if report.failures:
        print("\nGATE FAILED:")
        print("\n".join(f"  {failure}" for failure in report.failures))
        return 1
    print(f"\ngate passed: articlex meets the {mode} floors of every floored corpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Metadata benchmark: articlex's headline, authors, publication day and agency against truth.json.

Usage::

    python bench/metadata.py --data DIR [--worst 10] [--field headline|authors|date|agency]
        [--json OUT] [--compare trafilatura] [--gate [--floors PATH]] [--quiet]
    python bench/metadata.py --audit DIR... [--gate] [--quiet]

``DIR`` holds ``truth.json`` ({id: {"file", "url", "headline", "headline_alt", "byline",
"date", "agency", ...}}) and the gzipped pages it names (``file``, relative to ``DIR``).
A null truth value means "not asserted": that field is not scored on that page. The scoring
rules are in ``metadata_scoring.py``; see ``bench/README.md``. ``--gate`` exits 1 when one
of articlex's field scores is below its floor in ``floors.json`` (``"metadata"``, per corpus).

``--audit`` needs no truth: it runs articlex over every page of the corpora given (folders with
``truth.json`` or ``ground-truth.json`` and ``html/<id>.html.gz``, or folders of them) and lists
every author, agency and dateline returned that fails one of the checks of
``metadata_scoring.audit_value`` (a label, a digit, the site's name, a place, a greeting, a
value returned as the author on three sites or more, an agency not credited where credits
stand). With ``--gate`` it exits 1 when any value is flagged.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

try:  # run as `python -m bench.metadata` from the repository root
    from bench import metadata_scoring as scoring
    from bench.accuracy import decode_page
    from bench.common import articlex_version, distribution_version, import_articlex, machine_info
except ModuleNotFoundError:  # run as `python bench/metadata.py`: bench/ is on sys.path
    import metadata_scoring as scoring
    from accuracy import decode_page
    from common import articlex_version, distribution_version, import_articlex, machine_info

FIELDS = ("headline", "authors", "date", "agency")
ARTICLEX = "articlex"
PROVENANCE_FIELD = {
    "headline": ("headline",),
    "authors": ("authors", "byline"),
    "date": ("published",),
    "agency": ("agency",),
}
"""The `Article.provenance` keys behind each scored field, first found wins."""
ANCHORS = (
    "Published anchors: headline exact 62-72% (newspaper4k best), author F1 50-65% (trafilatura best),",
    "date 90% (trafilatura / htmldate), agency: no other library extracts it.",
)
SHOWN_CHARS = 100
FLOORS_PATH = Path(__file__).resolve().parent / "floors.json"
FLOORS_KEY = "metadata"
"""The entry of the floors file holding the metadata floors: {corpus name: {field: lowest score}}."""
Day = Any  # a date, a datetime, or an ISO string (from another library)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Record:
    """One page of the corpus: where it is and what is true of it (None: not asserted)."""

    id: str
    file: str
    url: str | None
    headline: str | None
    headline_alt: tuple[str, ...]
    byline: tuple[str, ...] | None
    date: str | None
    agency: tuple[str, ...] | None


def load_truth(data_dir: Path) -> list[Record]:
    """Read ``truth.json`` of the data folder, sorted by id."""
    with (data_dir / "truth.json").open(encoding="utf-8") as handle:
        raw: dict[str, dict[str, Any]] = json.load(handle)
    return [
        Record(
            id=key,
            file=item["file"],
            url=item.get("url"),
            headline=item.get("headline"),
            headline_alt=tuple(item.get("headline_alt") or ()),
            byline=None if item.get("byline") is None else tuple(item["byline"]),
            date=item.get("date"),
            agency=None if item.get("agency") is None else tuple(item["agency"]),
        )
        for key, item in sorted(raw.items())
    ]


def read_page(data_dir: Path, record: Record) -> bytes:
    """The saved bytes of one page (gunzipped)."""
    with gzip.open(data_dir / record.file, "rb") as handle:
        return handle.read()


# --------------------------------------------------------------------------- systems


@dataclass(frozen=True, slots=True)
class Prediction:
    """What one system found on one page, and (articlex only) where each value came from."""

    headline: str | None = None
    authors: tuple[str, ...] = ()
    byline: str | None = None
    published: Day = None
    agency: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)


NOTHING = Prediction()
Predictor = Callable[[bytes, str | None], Prediction]
"""Takes the page's bytes and its URL; returns the metadata found."""


@dataclass(frozen=True, slots=True)
class PageResult:
    """One field of one page: its score and what to show about it."""

    score: scoring.PageScore
    expected: str
    got: str
    provenance: str


@dataclass(slots=True)
class SystemRun:
    """One system over the corpus: per field, the page results; the pages where it raised."""

    name: str
    version: str
    fields: tuple[str, ...]
    predictor: Predictor | None
    unavailable: str | None = None
    results: dict[str, dict[str, PageResult]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    ms: list[float] = field(default_factory=list)


def load_articlex() -> SystemRun:
    """articlex's run: ``articlex.extract(page_bytes, url=url)``; unavailable when it cannot import."""
    try:
        articlex = import_articlex()
        extract = articlex.extract
    except (ImportError, AttributeError) as error:
        return SystemRun(ARTICLEX, articlex_version(None), FIELDS, None, f"{type(error).__name__}: {error}")

    def run(page: bytes, url: str | None) -> Prediction:
        article = extract(page, url=url)
        provenance = {}
        for name, keys in PROVENANCE_FIELD.items():
            key = next((key for key in keys if key in article.provenance), None)
            if key is not None:
                provenance[name] = f"[{key}] {_provenance_text(article.provenance[key])}"
        return Prediction(
            headline=article.headline,
            authors=tuple(article.authors),
            byline=article.byline,
            published=article.published,
            agency=article.agency,
            provenance=provenance,
        )

    return SystemRun(ARTICLEX, articlex_version(articlex), FIELDS, run)


def _provenance_text(origin: object) -> str:
    """'source: evidence (block N)' of an `articlex.Provenance`."""
    source = getattr(origin, "source", "?")
    evidence = str(getattr(origin, "evidence", ""))
    block = getattr(origin, "block", None)
    where = f" (block {block})" if block is not None and str(block) not in evidence else ""
    return f"{getattr(source, 'value', source)}: {evidence}{where}"


_AUTHOR_SEPARATORS = re.compile(r"[;,]")


def load_trafilatura() -> SystemRun:
    """trafilatura's run: ``bare_extraction(html, url=url, with_metadata=True)`` on the decoded page.

    ``title`` is the headline, ``author`` split on ';' and ',' the authors, ``date`` the day;
    trafilatura has no agency field. The page is decoded as in ``accuracy.py`` (`decode_page`).
    """
    version = distribution_version("trafilatura") or "not installed"
    try:
        import trafilatura
    except ImportError as error:
        return SystemRun("trafilatura", version, (), None, f"{error}; pip install trafilatura")

    def run(page: bytes, url: str | None) -> Prediction:
        document = trafilatura.bare_extraction(decode_page(page), url=url, with_metadata=True)
        if document is None:
            return NOTHING

        def get(name: str) -> str | None:
            value = document.get(name) if isinstance(document, dict) else getattr(document, name, None)
            return None if value is None else str(value)

        author = get("author") or ""
        return Prediction(
            headline=get("title"),
            authors=tuple(name.strip() for name in _AUTHOR_SEPARATORS.split(author) if name.strip()),
            byline=author or None,
            published=get("date"),
        )

    return SystemRun("trafilatura", version, ("headline", "authors", "date"), run)


COMPARE: dict[str, Callable[[], SystemRun]] = {"trafilatura": load_trafilatura}


# --------------------------------------------------------------------------- scoring


def score_page(
    record: Record, prediction: Prediction, fields: Sequence[str], agencies: frozenset[str]
) -> dict[str, PageResult]:
    """Score every field the truth asserts (and the system extracts) on one page."""
    results: dict[str, PageResult] = {}
    origin = prediction.provenance
    if "headline" in fields and record.headline is not None:
        expected = record.headline + "".join(f"  | alt: {alt}" for alt in record.headline_alt)
        results["headline"] = PageResult(
            scoring.score_headline(prediction.headline, record.headline, record.headline_alt),
            expected,
            _shown(prediction.headline),
            origin.get("headline", ""),
        )
    if "authors" in fields and record.byline is not None:
        authors = scoring.score_authors(prediction.authors, record.byline, agencies)
        if authors is not None:
            got = "; ".join(prediction.authors) or None
            if prediction.byline and prediction.byline != got:
                got = f"{got or '(no names)'}  [byline: {prediction.byline}]"
            results["authors"] = PageResult(authors, "; ".join(record.byline), _shown(got), origin.get("authors", ""))
    if "date" in fields and record.date is not None:
        day = prediction.published
        results["date"] = PageResult(
            scoring.score_date(day, record.date),
            record.date,
            _shown(None if day is None else _iso(day)),
            origin.get("date", ""),
        )
    if "agency" in fields and record.agency is not None:
        results["agency"] = PageResult(
            scoring.score_agency(prediction.agency, record.agency),
            " / ".join(record.agency),
            _shown(prediction.agency),
            origin.get("agency", ""),
        )
    return results


def _iso(value: Day) -> str:
    """A date or datetime in ISO form; anything else as its text."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _shown(value: str | None) -> str:
    """A value as listed: '(none)' when missing."""
    return "(none)" if value is None or not value.strip() else value


# --------------------------------------------------------------------------- running


def run_benchmark(
    runs: Sequence[SystemRun], records: Sequence[Record], data_dir: Path, agencies: frozenset[str], progress: bool
) -> None:
    """Run every available system on every page; an exception counts as nothing found."""
    for index, record in enumerate(records):
        page = read_page(data_dir, record)
        for run in runs:
            if run.predictor is None:
                continue
            start = time.perf_counter()
            try:
                prediction = run.predictor(page, record.url)
            except Exception as exc:  # every failure is reported, none stops the run
                prediction = NOTHING
                run.errors[record.id] = f"{type(exc).__name__}: {exc}"
            run.ms.append((time.perf_counter() - start) * 1000)
            for name, result in score_page(record, prediction, run.fields, agencies).items():
                run.results.setdefault(name, {})[record.id] = result
        if progress:
            print(f"\r{index + 1}/{len(records)} pages", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)


# --------------------------------------------------------------------------- reporting


def summaries(run: SystemRun) -> dict[str, scoring.FieldSummary]:
    """The corpus figures of each field the system extracts."""
    return {name: scoring.summarize(r.score for r in run.results.get(name, {}).values()) for name in run.fields}


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def format_table(runs: Sequence[SystemRun]) -> str:
    """One row per system and field: pages asserted, score, coverage, wrong when given, extra figure."""
    header = f"{'system':<12} {'field':<9} {'pages':>5} {'score':>7} {'coverage':>8} {'wrong|given':>11}  extra"
    lines = [header, "-" * (len(header) + 20)]
    for run in runs:
        if run.predictor is None:
            continue
        figures = summaries(run)
        for name in FIELDS:
            if name not in run.fields:
                lines.append(f"{run.name:<12} {name:<9} {'':>5} {'n/a':>7}  (not extracted)")
                continue
            summary = figures[name]
            extra = ""
            extra = f"P {_pct(summary.precision)} R {_pct(summary.recall)} F1 {_pct(summary.f1)}"
            if name == "headline":
                extra += f"; token F1 {_pct(summary.token_f1)}"
            elif name == "authors":
                extra += f" (names); byline exact {_pct(summary.exact)}"
            lines.append(
                f"{run.name:<12} {name:<9} {summary.pages:>5} {_pct(summary.score):>7} {_pct(summary.coverage):>8} "
                f"{_pct(summary.wrong_when_given):>11}  {extra}".rstrip()
            )
    lines += [
        "score: headline = exact match (normalised, any accepted spelling); authors = mean name-set F1;",
        "date = same calendar day; agency = one of the listed agencies. coverage = share of pages with a",
        "value; wrong|given = share of the returned values that are not exactly right. P = precision (right",
        "among returned), R = recall (right among asserted), counted per name for authors, per page otherwise.",
        *ANCHORS,
    ]
    return "\n".join(lines)


def _clip(text: str, limit: int = SHOWN_CHARS) -> str:
    """One line of at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def worst_misses(run: SystemRun, name: str, count: int) -> list[tuple[str, PageResult]]:
    """The ``count`` worst pages of one field that are not exactly right.

    Lowest score first, then lowest token F1 (headline); at equal scores a wrong value comes
    before a missing one (it has a provenance to look at); then by id.
    """
    misses = [(key, result) for key, result in run.results.get(name, {}).items() if not result.score.exact]
    misses.sort(key=lambda item: (item[1].score.score, item[1].score.token_f1 or 0.0, not item[1].score.given, item[0]))
    return misses[:count]


def format_worst(run: SystemRun, name: str, count: int, urls: dict[str, str | None]) -> str:
    """The worst misses of one field: id, expected, got, and where articlex took the value from."""
    results = run.results.get(name, {})
    misses = worst_misses(run, name, count)
    total = sum(1 for r in results.values() if not r.score.exact)
    if not total:
        return f"Worst {name} misses of {run.name}: none ({len(results)} pages scored)"
    lines = [f"Worst {name} misses of {run.name} ({len(misses)} of {total} misses on {len(results)} pages):"]
    for key, result in misses:
        score = result.score
        figures = f"score {score.score:.2f}"
        if score.token_f1 is not None:
            figures += f", token F1 {score.token_f1:.2f}"
        flag = "  [raised]" if key in run.errors else ""
        lines.append(f"  {key}  ({figures}){flag}  {_clip(urls.get(key) or '', 80)}")
        lines.append(f"      expected: {_clip(result.expected)}")
        lines.append(f"      got:      {_clip(result.got)}")
        if result.provenance:
            lines.append(f"      from:     {_clip(result.provenance)}")
    return "\n".join(lines)


def format_errors(runs: Sequence[SystemRun]) -> str:
    """Every page on which a system raised, grouped by system and message."""
    lines = []
    for run in runs:
        groups: dict[str, list[str]] = {}
        for key, message in run.errors.items():
            groups.setdefault(message, []).append(key)
        for message, keys in sorted(groups.items(), key=lambda item: -len(item[1])):
            lines.append(f"{run.name}: {len(keys)} page(s): {message[:300]}")
            lines.append("    " + " ".join(keys))
    return "\n".join(["Errors (scored as nothing found):", *lines]) if lines else "Errors: none"


def write_json(path: Path, runs: Sequence[SystemRun], info: dict[str, str]) -> None:
    """Write each system's summary and per-page results, for diffing two runs."""
    payload = {
        "environment": info,
        "systems": {
            run.name: {
                "version": run.version,
                "unavailable": run.unavailable,
                "summary": {name: asdict(summary) for name, summary in summaries(run).items()},
                "pages": {
                    name: {
                        key: {**asdict(r.score), "expected": r.expected, "got": r.got, "provenance": r.provenance}
                        for key, r in sorted(results.items())
                    }
                    for name, results in run.results.items()
                },
                "errors": dict(sorted(run.errors.items())),
            }
            for run in runs
        },
    }
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- audit


@dataclass(frozen=True, slots=True)
class AuditPage:
    """One page of a corpus to audit: its corpus, id, saved file and address."""

    corpus: str
    id: str
    path: Path
    url: str | None
    text_copy: bool = False
    """A page's text rendering: it has no address, and its values count for no site of their own."""


@dataclass(frozen=True, slots=True)
class AuditHit:
    """One value articlex returned on one page, and the flags it earned (none: it passed)."""

    page: AuditPage
    field: str
    value: str
    flags: tuple[str, ...]
    notes: tuple[str, ...] = ()
    site: str = ""


def audit_pages(folders: Sequence[Path]) -> list[AuditPage]:
    """Every page of the corpora given: a folder with ``truth.json`` or ``ground-truth.json``, or a folder of them;
    or a folder of text copies (``<id>.txt``), or a folder of such folders."""
    pages: list[AuditPage] = []
    for folder in folders:
        if not _is_corpus(folder) and _text_copies(folder):
            pages += _text_pages(folder)
            continue
        corpora = [(folder.name, folder)] if _is_corpus(folder) else []
        if not corpora:
            corpora = [(f"{folder.name}/{sub.name}", sub) for sub in sorted(folder.iterdir()) if _is_corpus(sub)]
        for name, corpus in corpora:
            if (corpus / "truth.json").is_file():
                pages += [AuditPage(name, r.id, corpus / r.file, r.url) for r in load_truth(corpus)]
                continue
            with (corpus / "ground-truth.json").open(encoding="utf-8") as handle:
                truth: dict[str, dict[str, Any]] = json.load(handle)
            pages += [
                AuditPage(name, key, corpus / "html" / f"{key}.html.gz", truth[key].get("url") or None)
                for key in sorted(truth)
            ]
    return pages


def _is_corpus(folder: Path) -> bool:
    return (folder / "truth.json").is_file() or (folder / "ground-truth.json").is_file()


def _text_copies(folder: Path) -> list[Path]:
    """The text copies of a folder of them (``<id>.txt``), or of its subfolders; none in a folder of pages."""
    direct = sorted(folder.glob("*.txt"))
    return direct or sorted(path for sub in sorted(folder.iterdir()) if sub.is_dir() for path in sub.glob("*.txt"))


def _text_pages(folder: Path) -> list[AuditPage]:
    """The text copies as pages to audit; an empty copy (a page that rendered no text) is none."""
    pages = []
    for path in _text_copies(folder):
        if not path.read_bytes().strip():
            continue
        corpus = folder.name if path.parent == folder else f"{folder.name}/{path.parent.name}"
        pages.append(AuditPage(corpus, path.stem, path, None, text_copy=True))
    return pages


_META_CONTENT = re.compile(r"<meta\b[^>]*?\bcontent\s*=\s*[\"']([^\"']{1,300})", re.IGNORECASE)
_JSON_LD = re.compile(r"<script[^>]*ld\+json[^>]*>(.{1,20000}?)</script>", re.IGNORECASE | re.DOTALL)
CREDITED_OPENING_CHARS = 160
"""A dateline's agency stands in the first paragraph's first characters ('LYON, June 3 (AFP) —')…"""
CREDITED_OPENING_PARAGRAPHS = 3
"""…of the story, which a standfirst, a picture's credit or a gallery's counter may come before: in the second and
third paragraphs, in a dateline's length of their first characters only ('GAZA CITY, Gaza Strip, (AP) -')."""
LATER_DATELINE_CHARS = 60
CLOSING_CREDIT_MAX_WORDS = 15
"""A closing credit ('(With inputs from PTI)') is a short last paragraph…"""
CLOSING_TAIL_MAX_WORDS = 4
"""…or a few words after the last paragraph's last sentence ('… into the country. PTI', '… – AFP')."""
_SENTENCE_ENDS = re.compile(r"[.!?\"”’»]\s+")
_COPYRIGHT_OPENING = re.compile(r"\s*(?:©|\(c\)|copyright)", re.IGNORECASE)
COPYRIGHT_HOLDER_CHARS = 60
"""A copyright notice closing the story names its holder first ('© 2008 The Associated Press. All rights …')."""


def _credit_texts(article: Any, html: str) -> list[str]:
    """The places an agency is credited: byline, credit lines, the body's opening, its short last line, the words
    after its last sentence or the holder of a copyright notice ending it, the short line under it, metadata."""
    texts = [article.byline or ""]
    texts += [d.preview for d in article.decisions if str(getattr(d.label, "value", d.label)) == "credit"]
    paragraphs = article.paragraphs
    if paragraphs:
        texts.append(paragraphs[0][:CREDITED_OPENING_CHARS])
        texts += [paragraph[:LATER_DATELINE_CHARS] for paragraph in paragraphs[1:CREDITED_OPENING_PARAGRAPHS]]
        if len(paragraphs[-1].split()) <= CLOSING_CREDIT_MAX_WORDS:
            texts.append(paragraphs[-1])
        if _COPYRIGHT_OPENING.match(paragraphs[-1]):
            texts.append(paragraphs[-1][:COPYRIGHT_HOLDER_CHARS])
        ends = list(_SENTENCE_ENDS.finditer(paragraphs[-1]))
        tail = paragraphs[-1][ends[-1].end() :] if ends else ""
        if tail and len(tail.split()) <= CLOSING_TAIL_MAX_WORDS:
            texts.append(tail)
    texts += _line_under_the_body(article)
    texts += _META_CONTENT.findall(html) + _JSON_LD.findall(html)
    return texts


def _line_under_the_body(article: Any) -> list[str]:
    """The block right after the body's last one, when it is as short as a closing credit or opens a copyright notice:
    a credit a page sets apart from the story ('© Harbour Wire 2024', a text copy's '(dpa)')."""
    decisions = list(article.decisions)
    kept = [i for i, d in enumerate(decisions) if getattr(d, "paragraph", None) is not None]
    if not kept or kept[-1] + 1 >= len(decisions):
        return []
    line = decisions[kept[-1] + 1].preview
    if len(line.split()) <= CLOSING_CREDIT_MAX_WORDS:
        return [line]
    return [line[:COPYRIGHT_HOLDER_CHARS]] if _COPYRIGHT_OPENING.match(line) else []


@functools.cache
def _agency_patterns() -> dict[str, re.Pattern[str]]:
    """Each agency's name, acronyms and full names as one case-insensitive whole-word pattern."""
    from articlex.vocabulary import agencies

    return {
        agency.name: re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(a) for a in {agency.name, *agency.acronyms, *agency.names}) + r")(?!\w)",
            re.IGNORECASE,
        )
        for agency in agencies()
    }


def audit_page(page: AuditPage, extract: Callable[..., Any], words: scoring.AuditWords) -> list[AuditHit]:
    """Every author, agency and dateline articlex returns on one page, each with its flags."""
    raw = page.path.read_bytes()
    raw = raw if page.path.suffix == ".txt" else gzip.decompress(raw)
    article = extract(raw, url=page.url)
    sites = scoring.site_keys(article.site_name, page.url or article.url)
    places = (article.dateline,) if article.dateline else ()
    site = _site_of(page, article)
    html = decode_page(raw)
    hits = []
    for author in article.authors:
        flags, notes = scoring.audit_value(author, words, sites, places)
        if any(pattern.fullmatch(author.strip()) for pattern in _agency_patterns().values()):
            flags.append(scoring.FLAG_AGENCY_NAME)
        if scoring.FLAG_SITE in flags and _named_author_in_metadata(author, html):
            flags.remove(scoring.FLAG_SITE)
            notes.append(scoring.NOTE_SITE_AUTHOR)
        hits.append(AuditHit(page, "author", author, tuple(flags), tuple(notes), site))
    agencies = tuple(getattr(article, "agencies", ()) or ()) or ((article.agency,) if article.agency else ())
    if agencies:
        credit_text = "\n".join(_credit_texts(article, html))
        for agency in agencies:
            pattern = _agency_patterns().get(agency)
            credited = pattern is not None and pattern.search(credit_text) is not None
            flags = () if credited else (scoring.FLAG_AGENCY_UNCREDITED,)
            hits.append(AuditHit(page, "agency", agency, flags, site=site))
    if article.dateline:
        flags, notes = scoring.audit_value(article.dateline, words, sites, person=False)
        hits.append(AuditHit(page, "dateline", article.dateline, tuple(flags), tuple(notes), site))
    return hits


_AUTHOR_IN_METADATA = re.compile(
    r"<meta\b[^>]*?(?:name|property)\s*=\s*[\"'][^\"']*author[^>]*>|\"(?:author|creator)\"\s*:\s*[\[{]?[^\]}]{0,400}",
    re.IGNORECASE,
)


def _named_author_in_metadata(value: str, html: str) -> bool:
    """True when the page's own `<meta>` author, or JSON-LD author or creator, holds the value (a blog by its site)."""
    wanted = scoring.normalise(value)
    return any(wanted in scoring.normalise(match.group(0)) for match in _AUTHOR_IN_METADATA.finditer(html))


def _site_of(page: AuditPage, article: Any) -> str:
    """The site a page belongs to: the host of its address (given, else the page's own canonical
    address) without 'www.'; else its site name; else the page itself."""
    for url in (page.url, article.url):
        if url:
            host = re.sub(r"^[a-z]+://", "", url.strip().casefold()).split("/", 1)[0]
            if host:
                return host.removeprefix("www.")
    return article.site_name or UNKNOWN_SITE


UNKNOWN_SITE = "(site unknown)"
"""The one site of every page without an address or a site name: such pages are often of one blog."""


def flag_many_sites(hits: Sequence[AuditHit]) -> list[AuditHit]:
    """The hits with `FLAG_MANY_SITES` added to every author value returned on three sites or more.

    The sites are counted on pages with an address or a site name; a text copy (no address) is a copy of a page
    of some site, not a site of its own, and only gets the flag its value earns elsewhere.
    """
    sites: dict[str, set[str]] = {}
    for hit in hits:
        if hit.field == "author" and not hit.page.text_copy:
            sites.setdefault(scoring.normalise(hit.value), set()).add(hit.site)
    many = {value for value, found in sites.items() if len(found) >= scoring.MANY_SITES}
    return [
        AuditHit(hit.page, hit.field, hit.value, (*hit.flags, scoring.FLAG_MANY_SITES), hit.notes, hit.site)
        if hit.field == "author" and scoring.normalise(hit.value) in many and scoring.NOTE_DESK not in hit.notes
        else hit
        for hit in hits
    ]


def run_audit(folders: Sequence[Path], progress: bool) -> tuple[list[AuditPage], list[AuditHit], dict[str, str]]:
    """Audit every page of the corpora: (pages, every value returned with its flags, pages that raised)."""
    articlex = import_articlex()
    words = scoring.audit_words()
    pages = audit_pages(folders)
    hits: list[AuditHit] = []
    errors: dict[str, str] = {}
    for index, page in enumerate(pages):
        try:
            hits += audit_page(page, articlex.extract, words)
        except Exception as exc:  # every failure is reported, none stops the run
            errors[f"{page.corpus}/{page.id}"] = f"{type(exc).__name__}: {exc}"
        if progress:
            print(f"\r{index + 1}/{len(pages)} pages", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    return pages, flag_many_sites(hits), errors


def format_audit(pages: Sequence[AuditPage], hits: Sequence[AuditHit], errors: dict[str, str]) -> str:
    """Counts of values returned and flagged, per flag, and every flagged value."""
    corpora = sorted({page.corpus for page in pages})
    flagged = [hit for hit in hits if hit.flags]
    returned = {name: sum(1 for hit in hits if hit.field == name) for name in ("author", "agency", "dateline")}
    lines = [
        f"Audit of {len(pages)} pages ({', '.join(corpora)}): "
        + ", ".join(f"{count} {name} value(s)" for name, count in returned.items())
        + f" returned; {len(flagged)} flagged; {len(errors)} page(s) raised",
    ]
    lines += [f"  {flag:<42} {sum(1 for hit in flagged if flag in hit.flags):>5}" for flag in scoring.FLAGS]
    noted = [hit for hit in hits if hit.notes and not hit.flags]
    lines.append(f"Not flagged, credits that are no person's name ({len(noted)}):")
    lines += [f"  {note:<42} {sum(1 for hit in noted if note in hit.notes):>5}" for note in scoring.NOTES]
    if flagged:
        lines.append("Flagged values:")
        order = sorted(flagged, key=lambda h: (h.field, h.flags, scoring.normalise(h.value), h.page.id))
        lines += [
            f"  {h.field:<8} {_clip(h.value, 50)!r:<40} [{'; '.join(h.flags)}]  {h.page.corpus}/{h.page.id[:16]}"
            for h in order
        ]
    if noted:
        lines.append("Noted values (not flagged):")
        lines += [
            f"  {h.field:<8} {_clip(h.value, 50)!r:<40} [{'; '.join(h.notes)}]  {h.page.corpus}/{h.page.id[:16]}"
            for h in sorted(noted, key=lambda h: (h.notes, scoring.normalise(h.value), h.page.id))
        ]
    lines += [f"raised: {key}: {message[:200]}" for key, message in sorted(errors.items())]
    return "\n".join(lines)


# --------------------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line; usage errors exit with status 2."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0], prog="bench/metadata.py")
    parser.add_argument("--data", type=Path, metavar="DIR", help="folder with truth.json and the pages")
    parser.add_argument(
        "--audit", type=Path, nargs="+", metavar="DIR", help="audit every author, agency and dateline on these corpora"
    )
    parser.add_argument("--worst", type=int, default=10, metavar="N", help="list articlex's N worst misses per field")
    parser.add_argument("--field", choices=FIELDS, help="list the worst misses of this field only")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write summaries and per-page results to OUT")
    parser.add_argument("--compare", default="", metavar="A,B", help=f"also run: {', '.join(COMPARE)}")
    parser.add_argument("--gate", action="store_true", help="exit 1 if an articlex field score is below its floor")
    parser.add_argument("--floors", type=Path, default=FLOORS_PATH, metavar="PATH", help="floors file for --gate")
    parser.add_argument("--quiet", action="store_true", help="no progress counter on stderr")
    args = parser.parse_args(argv)
    if args.audit:
        missing = [str(folder) for folder in args.audit if not folder.is_dir()]
        if missing:
            parser.error(f"not a folder: {', '.join(missing)}")
        if args.data or args.compare:
            parser.error("--audit takes its own folders; it runs articlex alone")
        args.compare = []
        return args
    if args.data is None:
        parser.error("--data DIR (or --audit DIR...) is required")
    if not (args.data / "truth.json").is_file():
        parser.error(f"{args.data} has no truth.json")
    args.compare = [name.strip() for name in args.compare.split(",") if name.strip()]
    unknown = [name for name in args.compare if name not in COMPARE]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose among: {', '.join(COMPARE)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the process exit code."""
    args = parse_args(argv)
    if args.audit:
        pages, hits, errors = run_audit(args.audit, progress=not args.quiet)
        print(format_audit(pages, hits, errors))
        flagged = sum(1 for hit in hits if hit.flags)
        if args.gate:
            print(
                f"\naudit gate: {'FAILED' if flagged or errors else 'passed'} ({flagged} flagged, {len(errors)} raised)"
            )
            return 1 if flagged or errors else 0
        return 0
    records = load_truth(args.data)
    articlex = load_articlex()
    if articlex.unavailable:
        print(f"warning: articlex is not available ({articlex.unavailable}); it is not scored")
    runs = [articlex]
    for name in args.compare:
        run = COMPARE[name]()
        if run.unavailable:
            print(f"skipping {name}: {run.unavailable}")
        runs.append(run)
    agencies, agencies_from = scoring.agency_names()
    run_benchmark(runs, records, args.data, agencies, progress=not args.quiet)

    info = machine_info()
    print(f"\nMetadata on {len(records)} pages of {args.data.name}, {info['date']}")
    print(f"python {info['python']}, {info['machine']}, {info['cpus']} CPUs")
    print(f"agency names removed from author names: {agencies_from} ({len(agencies)} names)")
    for run in runs:
        if run.predictor is None:
            continue
        median = f"{statistics.median(run.ms):.1f}" if run.ms else "n/a"
        print(f"{run.name} {run.version}: {len(run.errors)} page(s) raised, median {median} ms/page")
    print()
    print(format_table(runs))
    if args.worst > 0 and articlex.predictor is not None:
        urls = {record.id: record.url for record in records}
        for name in [args.field] if args.field else FIELDS:
            print()
            print(format_worst(articlex, name, args.worst, urls))
    print()
    print(format_errors(runs))
    if args.json:
        write_json(args.json, runs, {**info, "agency_names": agencies_from, **{r.name: r.version for r in runs}})
        print(f"\nper-page results written to {args.json}")
    return _gate(articlex, args.data.resolve().name, args.floors) if args.gate else 0


def check_gate(run: SystemRun, corpus: str, floors_path: Path) -> tuple[list[str], list[str]]:
    """Compare articlex's field scores on ``corpus`` with their floors; return (report lines, failures).

    The floors are ``floors_path``'s ``"metadata"`` entry: {corpus name: {field: lowest score}},
    scores as fractions (0.876 for 87.6%). A corpus without an entry is reported as "no floor"
    and does not fail; a missing ``"metadata"`` entry, an unknown field or articlex not running does.
    """
    if not floors_path.exists():
        return [], [f"no floors file at {floors_path}"]
    floors = json.loads(floors_path.read_text(encoding="utf-8")).get(FLOORS_KEY)
    if not isinstance(floors, dict):
        return [], [f"{floors_path} has no {FLOORS_KEY!r} floors"]
    if run.predictor is None:
        return [], [f"articlex could not run: {run.unavailable}"]
    if run.errors and len(run.errors) == len(run.ms):
        return [], ["articlex raised on every page"]
    if corpus not in floors:
        return [f"{corpus}: no floor"], []
    figures = summaries(run)
    shown, failures = [], []
    for name, floor in floors[corpus].items():
        if name not in FIELDS or not isinstance(floor, int | float):
            failures.append(f"{corpus}: unknown field {name!r} or floor {floor!r} (known: {', '.join(FIELDS)})")
            continue
        score = figures[name].score
        shown.append(f"{name} {score:.4f} {'<' if score < floor else '>='} {floor:.4f}")
        if score < floor:
            failures.append(f"{corpus}: {name} {score:.4f} is below its floor {floor:.4f}")
    return [f"{corpus}: {'FAILED' if failures else 'pass'} ({', '.join(shown) or 'no field floored'})"], failures


def _gate(run: SystemRun, corpus: str, floors_path: Path) -> int:
    """Print the gate verdict; return 1 when it fails, 0 when it passes."""
    lines, failures = check_gate(run, corpus, floors_path)
    if lines:
        print(f"\nGate (metadata floors of {floors_path}):")
        print("\n".join(f"  {line}" for line in lines))
    if failures:
        print("\nGATE FAILED:")
        print("\n".join(f"  {failure}" for failure in failures))
        return 1
    print("\ngate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Switch off one rule of the body extraction at a time and see what it does on every corpus.

A rule earns its place when it raises the figures on pages of many sites and lowers no corpus;
one that moves a page or two is a patch, and one whose absence raises a corpus is fitted to a
convention. This benchmark measures that for each named rule of the pipeline: it runs articlex on
every page with the rule switched off (the rest unchanged) and prints, beside the full pipeline,
the corpus F1 change, the macro change on each half, and how many pages and sites the rule moves.

    python bench/ablation.py --data ../shared/data/scrapinghub ../shared/data/web-dev
    python bench/ablation.py --data ... --text ../shared/data/scrapinghub-text ../shared/data/web-dev-text
    python bench/ablation.py --data ... --only lead,sieve --jobs 2 --json ablation.json
    python bench/ablation.py --data ... --unscored ../shared/data/meta-dev   # also count moves where no body truth is

Pages without body truth (meta-dev's, listed in its ``truth.json``) cannot score a rule, but they
show whether it acts on pages of many sites or on a handful: with ``--unscored`` the table gets the
pages and sites of those whose body text the rule changes.

A rule is switched off by replacing one function or constant of the package for the length of
one run, in a process of its own (forked from the one that loaded the pages, so nothing leaks
from one run into the next). The table of rules below names what each replacement does.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib
import json
import multiprocessing
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

try:  # run as `python -m bench.ablation` from the repository root (and imported so by the tests)
    from bench.accuracy import Corpus, Page, find_corpora, load_pages, split_of
    from bench.common import import_articlex, machine_info
    from bench.scoring import DocumentScore, score_document, summarize
except ModuleNotFoundError:  # run as `python bench/ablation.py`: bench/ is on sys.path
    from accuracy import Corpus, Page, find_corpora, load_pages, split_of
    from common import import_articlex, machine_info
    from scoring import DocumentScore, score_document, summarize

articlex = import_articlex()


def _none(*_: object) -> None:
    return None


def _empty_list(*_: object) -> list[int]:
    return []


def _no_containers(_blocks: object, containers: Sequence[object], *_: object) -> list[bool]:
    return [False] * len(containers)


def _no_features(features: Sequence[object], *_: object) -> list[bool]:
    return [False] * len(features)


@dataclass(frozen=True)
class Rule:
    """A rule of the pipeline and how to switch it off: (module, attribute, replacement) triples."""

    name: str
    mode: str
    """'html', 'text' or 'both': the inputs the rule acts on."""
    what: str
    patches: tuple[tuple[str, str, Any], ...]


RULES: tuple[Rule, ...] = (
    Rule(
        "lead",
        "html",
        "the lead paragraph just before the main element, outside it, is kept",
        (("articlex.classify.html", "_lead_before", _none),),
    ),
    Rule(
        "prose_siblings",
        "html",
        "siblings of the main element that hold only prose are kept",
        (("articlex.classify.html", "_prose_siblings", _no_containers),),
    ),
    Rule(
        "named_body",
        "html",
        "a lone blurb found as the main element gives way to the element named like the article body",
        (("articlex.classify.html", "_named_body", lambda _b, _c, _f, main: main),),
    ),
    Rule(
        "listed_parts",
        "html",
        "the main element widens to hold the parts the page's structured data lists (a recipe's steps)",
        (("articlex.classify.html", "widen_to_listed_parts", lambda _b, main, _s: main),),
    ),
    Rule(
        "whole_lists",
        "html",
        "a list in the main element is kept or dropped whole",
        (("articlex.classify.html", "keep_whole_lists", _none),),
    ),
    Rule(
        "sieve",
        "html",
        "a page without one paragraph of prose is read again with short sentences counted as prose",
        (("articlex.classify.html", "SIEVE_MIN_SENTENCES", 10**9),),
    ),
    Rule(
        "most_specific",
        "html",
        "the deepest element inside the best one that holds all its runs of prose is the main element",
        (("articlex.classify.html", "_most_specific", lambda _c, _s, _cl, best: best),),
    ),
    Rule(
        "teaser_cards",
        "html",
        "cards of a linked title over a summary, three or more, count as no prose",
        (("articlex.classify.html", "_teaser_cards", _no_containers),),
    ),
    Rule(
        "dated_lists",
        "html",
        "list items each with a date line, three or more, count as no prose",
        (("articlex.classify.html", "_dated_items", _no_containers),),
    ),
    Rule(
        "short_sentences",
        "html",
        "short sentences are no clutter, and count a little for their element",
        (("articlex.classify.html", "_short_sentence", lambda _f: False),),
    ),
    Rule(
        "isolated_prose",
        "both",
        "prose standing alone between non-prose counts half",
        (
            ("articlex.classify.html", "ISOLATED_PROSE_WEIGHT", 1.0),
            ("articlex.classify.text", "ISOLATED_PROSE_WEIGHT", 1.0),
        ),
    ),
    Rule(
        "article_hint_bonus",
        "html",
        "an element named like the article body scores a quarter more",
        (("articlex.classify.html", "ARTICLE_HINT_BONUS", 1.0),),
    ),
    Rule(
        "hidden_copy",
        "html",
        "a page whose article stands in hidden elements is read again with them shown",
        (("articlex.api", "_hidden_copy_may_be_the_article", lambda *_: False),),
    ),
    Rule(
        "unscripted_copy",
        "html",
        "the copy kept in <noscript> or <template> is read when it is the page",
        (("articlex.html.split", "_show_unscripted_copy", _none),),
    ),
    Rule(
        "structured_body",
        "both",
        "the JSON-LD articleBody replaces a visible body that shows little of it",
        (("articlex.assemble", "structured_paragraphs", lambda *_: None),),
    ),
    Rule(
        "openings",
        "both",
        "blocks opening like site furniture ('If you enjoyed this article…') are boilerplate",
        (("articlex.classify.features", "opening_family", lambda _t: None),),
    ),
    Rule(
        "empty_sections",
        "both",
        "a section label left over nothing kept is dropped",
        (("articlex.fields.body", "_without_empty_sections", tuple),),
    ),
    Rule(
        "glued_teasers",
        "text",
        "a title glued to its summary is a teaser",
        (("articlex.classify.text", "_glued_teaser", lambda _b, _f: False),),
    ),
    Rule(
        "list_lines",
        "text",
        "table rows, numbered items and quantities count a little for the main run",
        (
            ("articlex.classify.text", "_table_rows", _empty_list),
            ("articlex.classify.text", "_numbered_items", _empty_list),
            ("articlex.classify.text", "_quantity_items", _empty_list),
        ),
    ),
    Rule(
        "notes",
        "text",
        "runs of short sentence-like lines between paragraphs count a little",
        (("articlex.classify.text", "_notes", _empty_list),),
    ),
    Rule(
        "bulleted_sentences",
        "text",
        "bulleted sentences under no label count a little",
        (("articlex.classify.text", "_bulleted_sentences", _empty_list),),
    ),
    Rule(
        "dated_items_text",
        "text",
        "lines of items each with a date stamp count as no prose",
        (("articlex.classify.text", "_dated_items", _no_features),),
    ),
    Rule(
        "repeated_prose",
        "text",
        "prose repeated on the page counts less",
        (("articlex.classify.text", "_copies", lambda *_: set()),),
    ),
)
BASELINE = "(none)"


@dataclass
class Run:
    """One run: the rule switched off (or none), each page's score by corpus, and the unscored pages' text digests."""

    rule: str
    scores: dict[str, dict[str, DocumentScore]]
    digests: dict[str, str]


def _patched(rule: Rule | None) -> list[tuple[Any, str, Any]]:
    """Apply a rule's replacements; the (module, attribute, original) triples to restore."""
    saved: list[tuple[Any, str, Any]] = []
    for module_name, attribute, replacement in rule.patches if rule is not None else ():
        module = importlib.import_module(module_name)
        if not hasattr(module, attribute):
            msg = f"{module_name} has no {attribute} (renamed?): fix the rule's entry in RULES"
            raise AttributeError(msg)
        saved.append((module, attribute, getattr(module, attribute)))
        setattr(module, attribute, replacement)
    return saved


_PAGES: list[tuple[Corpus, list[Page]]] = []
"""The pages of every corpus, loaded once before the runs fork."""
_UNSCORED: list[Page] = []
"""Pages without body truth (their id prefixed with their folder's name), loaded the same way."""


def run_rule(name: str) -> Run:
    """Run articlex on every page with one rule switched off (`BASELINE`: none)."""
    rule = next((rule for rule in RULES if rule.name == name), None)
    saved = _patched(rule)
    try:
        scores: dict[str, dict[str, DocumentScore]] = {}
        for corpus, pages in _PAGES:
            scores[corpus.name] = {page.id: _score(page) for page in pages}
        digests = {page.id: hashlib.sha256(_text(page).encode()).hexdigest() for page in _UNSCORED}
        return Run(name, scores, digests)
    finally:
        for module, attribute, original in saved:
            setattr(module, attribute, original)


def _score(page: Page) -> DocumentScore:
    return score_document(page.truth, _text(page))


def _text(page: Page) -> str:
    try:
        text: str = articlex.extract(page.source, url=page.url).text
    except articlex.ArticlexError:
        text = ""
    return text


def load_unscored(folder: Path) -> list[Page]:
    """The pages a ``truth.json`` of meta-dev's layout lists (``file``, ``url``), with no body truth."""
    listed = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return [
        Page(f"{folder.name}/{key}", item.get("url") or None, "", gzip.decompress((folder / item["file"]).read_bytes()))
        for key, item in sorted(listed.items())
    ]


def _site(page: Page) -> str:
    """The page's host when it has an address, else the page itself (its own site, as far as is known)."""
    return (urlsplit(page.url).hostname or page.id) if page.url else page.id


@dataclass
class Row:
    rule: str
    deltas: dict[str, float]
    """Corpus F1 change against the full pipeline, by corpus name."""
    macro: dict[str, float]
    """Macro F1 change on 'all', 'tune' and 'check'."""
    pages: int
    better: int
    """Pages whose F1 is higher without the rule."""
    sites: int
    unscored_pages: int = 0
    unscored_sites: int = 0


def compare(base: Run, other: Run) -> Row:
    """What switching the rule off changes against the full pipeline."""
    deltas, moved, better, sites = {}, 0, 0, set()
    halves: dict[str, list[float]] = {"all": [], "tune": [], "check": []}
    for corpus, pages in _PAGES:
        before, after = base.scores[corpus.name], other.scores[corpus.name]
        deltas[corpus.name] = _f1(after.values()) - _f1(before.values())
        halves["all"].append(deltas[corpus.name])
        for half in ("tune", "check"):
            ids = [page.id for page in pages if split_of(page.id) == half]
            halves[half].append(_f1(after[i] for i in ids) - _f1(before[i] for i in ids))
        for page in pages:
            change = after[page.id].f1 - before[page.id].f1
            if abs(change) > 1e-9:
                moved += 1
                better += change > 0
                sites.add(_site(page))
    macro = {half: sum(values) / len(values) for half, values in halves.items() if values}
    changed = [page for page in _UNSCORED if base.digests[page.id] != other.digests[page.id]]
    return Row(other.rule, deltas, macro, moved, better, len(sites), len(changed), len({_site(p) for p in changed}))


def _f1(scores: Any) -> float:
    return summarize(list(scores)).f1


def format_rows(rows: Sequence[Row], corpora: Sequence[str]) -> str:
    """The table: one line per rule switched off; changes in thousandths of F1 (negative: the rule helps)."""
    short = [name.split("/")[-1][:9] for name in corpora]
    head = f"{'rule switched off':20} {'pages':>5} {'better':>6} {'sites':>5} " + " ".join(f"{s:>9}" for s in short)
    head += f" {'macro':>7} {'tune':>7} {'check':>7}"
    if _UNSCORED:
        head += f" {'unscored pages/sites':>20}"
    lines = [head, "-" * len(head)]
    for row in rows:
        cells = " ".join(f"{1000 * row.deltas[c]:>+9.2f}" for c in corpora)
        macro = " ".join(f"{1000 * row.macro.get(h, 0.0):>+7.2f}" for h in ("all", "tune", "check"))
        line = f"{row.rule:20} {row.pages:>5} {row.better:>6} {row.sites:>5} {cells} {macro}"
        if _UNSCORED:
            line += f" {f'{row.unscored_pages}/{row.unscored_sites}':>20}"
        lines.append(line)
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", nargs="+", type=Path, required=True, help="corpus folders, as for accuracy.py")
    parser.add_argument("--text", nargs="+", type=Path, default=[], help="text renderings, one per --data folder")
    parser.add_argument("--unscored", nargs="+", type=Path, default=[], help="folders of pages without body truth")
    parser.add_argument("--only", default="", help="comma-separated rule names (default: every rule of the mode)")
    parser.add_argument("--jobs", type=int, default=1, help="runs side by side (processes)")
    parser.add_argument("--json", type=Path, help="write per-rule figures here")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    mode = "text" if args.text else "html"
    wanted = {name for name in args.only.split(",") if name}
    unknown = wanted - {rule.name for rule in RULES}
    if unknown:
        print(f"unknown rule(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    rules = [r.name for r in RULES if r.mode in (mode, "both") and (not wanted or r.name in wanted)]
    corpora = find_corpora(args.data, args.text)
    _PAGES.extend((corpus, load_pages(corpus)[0]) for corpus in corpora)
    if mode == "html":  # the unscored pages are HTML
        _UNSCORED.extend(page for folder in args.unscored for page in load_unscored(folder))
    names = [BASELINE, *rules]
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs, maxtasksperchild=1) as pool:
            runs = pool.map(run_rule, names, chunksize=1)
    else:
        runs = [run_rule(name) for name in names]
    base = runs[0]
    rows = [compare(base, run) for run in runs[1:]]
    info = machine_info()
    print(f"Rules switched off one at a time, {mode} input, {sum(len(p) for _, p in _PAGES)} pages, {info['date']}")
    print(format_rows(rows, [c.name for c in corpora]))
    print("Changes in thousandths of F1 against the full pipeline; negative: the rule helps. 'better': pages")
    print("that score higher without the rule; 'sites': hosts (or pages without an address) it moves.")
    for rule in RULES:
        if rule.name in rules:
            print(f"  {rule.name}: {rule.what}")
    if args.json:
        args.json.write_text(json.dumps([row.__dict__ for row in rows], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

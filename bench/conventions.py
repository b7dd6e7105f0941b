"""How much of a corpus's score is its annotation convention: each system scored twice, against
the corpus's truth as it is and against the truth with one convention's part taken out.

Usage::

    python bench/conventions.py --data WEB-DEV-DIR [--compare trafilatura,readability-lxml]

Two conventions of the web-dev corpora disagree with the others (``bench/README.md``, "Where the
gap to readability-lxml lies"):

- **dragnet**: on some pages the truth is the article, a marker line (``!@#$%^&*()  COMMENTS``)
  and then the readers' comments. The second score cuts the truth at the marker.
- **cleanportaleval**: the truth opens with the headline. The second score drops the truth's
  first line when it is the headline articlex finds (same words, case and punctuation aside).

Every system is run once per page; the table gives macro F1 as ``bench/accuracy.py`` computes
it (mean of the per-page precision and recall, then their harmonic mean), with the number of
pages whose truth the cut changed. Nothing is gated: this explains figures, it does not hold them.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from pathlib import Path

try:  # run as `python -m bench.conventions` from the repository root
    from bench import accuracy, scoring
except ModuleNotFoundError:  # run as `python bench/conventions.py`: bench/ is on sys.path
    import accuracy
    import scoring

COMMENTS_MARKER = "!@#$%^&*()"
"""Where dragnet's merged truth stops being the article and starts being the readers' comments."""
LOADERS: dict[str, Callable[[], accuracy.Extractor]] = {
    "trafilatura": accuracy.load_trafilatura,
    "readability-lxml": accuracy.load_readability,
}

Scores = list[scoring.DocumentScore]
Cut = Callable[[accuracy.Page, str], str]
"""Takes the page and its truth; returns the truth without the convention's part."""


def without_comments(_page: accuracy.Page, truth: str) -> str:
    """Dragnet's truth up to its comments marker."""
    return truth.split(COMMENTS_MARKER, 1)[0]


def without_headline(page: accuracy.Page, truth: str) -> str:
    """The truth without its first line when that line is the page's headline (as articlex reads it)."""
    import articlex

    first, _, rest = truth.partition("\n")
    headline = articlex.extract(page.source, url=page.url).headline or ""
    return rest if _words(first) and _words(first) == _words(headline) else truth


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


CUTS: dict[str, tuple[str, Cut]] = {
    "dragnet": ("truth without the readers' comments", without_comments),
    "cleanportaleval": ("truth without the headline", without_headline),
}


def measure(
    pages: Sequence[accuracy.Page], systems: dict[str, accuracy.Extractor], cut: Cut
) -> tuple[int, dict[str, tuple[float, float]]]:
    """Pages whose truth the cut changed, and per system the F1 against the truth and against the cut truth."""
    changed = 0
    scores: dict[str, tuple[Scores, Scores]] = {name: ([], []) for name in systems}
    for page in pages:
        cut_truth = cut(page, page.truth)
        changed += cut_truth != page.truth
        for name, run in systems.items():
            try:
                predicted = run(page.source, page.url)
            except Exception:  # a system that raises scores as an empty prediction
                predicted = ""
            scores[name][0].append(scoring.score_document(page.truth, predicted))
            scores[name][1].append(scoring.score_document(cut_truth, predicted))
    return changed, {name: (scoring.summarize(a).f1, scoring.summarize(b).f1) for name, (a, b) in scores.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the web-dev folder of corpora")
    parser.add_argument("--compare", default="trafilatura,readability-lxml")
    args = parser.parse_args(argv)
    systems = {accuracy.ARTICLEX: accuracy.load_articlex()}
    for name in filter(None, args.compare.split(",")):
        systems[name] = LOADERS[name]()
    print(f"{'corpus':18} {'system':18} {'F1 truth':>9} {'F1 cut':>9}  cut")
    for corpus in accuracy.find_corpora([args.data]):
        short = corpus.name.rsplit("/", 1)[-1]
        if short not in CUTS:
            continue
        label, cut = CUTS[short]
        pages, _missing = accuracy.load_pages(corpus)
        changed, figures = measure(pages, systems, cut)
        for name, (whole, cut_f1) in figures.items():
            print(f"{short:18} {name:18} {whole:9.4f} {cut_f1:9.4f}  {label} ({changed} of {len(pages)} pages cut)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Re-derive the plain-text classifier's weights on the *tune* half of every corpus, never on the check half.

The weights of `articlex.classify.text` (what a prose line, a menu line, a repeated line, a
table row … count for or against the main run) were first chosen on one corpus. This script
chooses them again the way the project accepts a constant: on the tune half of every corpus
(`bench/accuracy.py`'s `split_of`), by the macro F1 over the corpora, one weight at a time
(coordinate search over a few multiples of its current value, a change kept only when it
gains more than `MIN_GAIN`). It prints each step; the chosen values are then written into
`classify/text.py` by hand and checked on the check half with `bench/accuracy.py --split check`.

    python bench/tune_text_weights.py --data ../shared/data/scrapinghub ../shared/data/web-dev \\
        --text ../shared/data/scrapinghub-text ../shared/data/web-dev-text
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from accuracy import find_corpora, load_pages
from common import import_articlex
from scoring import score_document, summarize

WEIGHTS = (
    "LINE_PENALTY_CAP",
    "LINE_BOILERPLATE_COST",
    "LINE_SECTION_END_COST",
    "UNSEPARATED_LINE_MIN_COST",
    "UNSEPARATED_PROSE_WEIGHT",
    "ISOLATED_PROSE_WEIGHT",
    "POSITION_DECAY",
    "REPEATED_PROSE_WEIGHT",
    "SHORT_SENTENCE_WEIGHT",
    "TABLE_ROW_WEIGHT",
)
"""The module constants of `articlex.classify.text` searched (its own names: patching them moves nothing else)."""
FACTORS = (0.5, 0.75, 1.33, 2.0)
CANDIDATES = {"POSITION_DECAY": (0.7, 0.8, 0.9, 0.95), "REPEATED_PROSE_WEIGHT": (-1.0, -0.25, 0.0, 0.5)}
"""Weights whose multiples make no sense (a decay above 1, a sign flip) get values of their own."""
MIN_GAIN = 0.001
"""A new value is kept only when the macro F1 of the tune half rises by more than this."""


def macro_f1(corpora: list[list[tuple[str, str]]], extract: object) -> float:
    """The macro F1 over the corpora of articlex's text on each (page text, truth) pair."""
    figures = []
    for pages in corpora:
        scores = []
        for text, truth in pages:
            try:
                predicted = extract(text).text  # type: ignore[operator]
            except Exception:  # an empty rendering raises EmptyInputError: scored as an empty prediction
                predicted = ""
            scores.append(score_document(truth, predicted))
        figures.append(summarize(scores).f1)
    return statistics.fmean(figures)


def main() -> int:
    """Search the weights on the tune half and print every step."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", nargs="+", type=Path, required=True)
    parser.add_argument("--text", nargs="+", type=Path, required=True)
    arguments = parser.parse_args()
    articlex = import_articlex()
    text_module = sys.modules["articlex.classify.text"]
    options = articlex.Options(input_kind="text")

    def extract(text: str) -> object:
        return articlex.extract(text, options=options)

    corpora = []
    for corpus in find_corpora(arguments.data, arguments.text):
        pages, _ = load_pages(corpus, "tune")
        corpora.append([(str(page.source), page.truth) for page in pages])
    best = macro_f1(corpora, extract)
    print(f"start: macro F1 {best:.4f} on the tune half ({sum(map(len, corpora))} pages)")
    for name in WEIGHTS:
        start = getattr(text_module, name)
        chosen = start
        for value in CANDIDATES.get(name, tuple(type(start)(start * factor) for factor in FACTORS)):
            setattr(text_module, name, value)
            figure = macro_f1(corpora, extract)
            print(f"  {name} = {value!r}: {figure:.4f}")
            if figure > best + MIN_GAIN:
                best, chosen = figure, value
        setattr(text_module, name, chosen)
        print(f"{name}: {start!r} -> {chosen!r} (macro F1 {best:.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The published body-extraction metric of the scrapinghub article-extraction benchmark.

The metric compares a predicted article body with the true one through their word
shingles:

* **Tokens** are the matches of the regular expression ``\\w+`` (Python ``re``, Unicode) in
  a text, in order and case kept. Punctuation, markup leftovers and whitespace therefore
  never matter; words do.
* **Shingles** are the consecutive 4-token tuples of a document, counted as a multiset
  (a shingle that occurs three times counts three times). A text with fewer than 4 tokens
  (but at least one) has a single shingle: its whole token tuple, so a very short text is
  still scored. A text without tokens has no shingles.
* Per document, **TP** is the size of the multiset intersection of true and predicted
  shingles, **FP** the predicted-only count and **FN** the true-only count. The three are
  then divided by their sum (TP + FP + FN), so a long article weighs no more than a short
  one; a document whose sum is 0 is left as it is.
* Per document, **precision** is TP / (TP + FP) and **recall** TP / (TP + FN); a document
  with FP = FN = 0 scores 1 for both.
* Over a corpus, **precision** is the mean of the per-document precisions over the
  documents with TP + FP > 0 (an empty prediction does not take part), **recall** the mean
  of the per-document recalls over the documents with TP + FN > 0, and **F1** is
  2PR / (P + R) of those two means — not the mean of per-document F1s, and not pooled
  counts.
* **Accuracy** is the share of documents whose predicted token list equals the true token
  list exactly.

This follows ``evaluate.py`` of https://github.com/scrapinghub/article-extraction-benchmark
(MIT), so figures are comparable with those published for that corpus.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHINGLE_SIZE = 4
"""Number of consecutive tokens in a shingle."""

_TOKEN_RE = re.compile(r"\w+")

Shingle = tuple[str, ...]


def tokenize(text: str | None) -> list[str]:
    """Return the tokens of ``text``: its ``\\w+`` matches, in order, case kept."""
    return _TOKEN_RE.findall(text or "")


def shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """Return the multiset of ``size``-token shingles of ``tokens``.

    Fewer than ``size`` tokens (but at least one) make one shingle of all of them;
    no tokens make no shingle.
    """
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """How one predicted body compares with the true one.

    ``tp``, ``fp`` and ``fn`` are normalised by their sum (all 0 when the sum is 0);
    ``tp_count``, ``fp_count`` and ``fn_count`` are the raw shingle counts.
    """

    tp: float
    fp: float
    fn: float
    tp_count: int
    fp_count: int
    fn_count: int
    accurate: bool
    """True when the predicted token list equals the true token list."""

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1 when FP = FN = 0; 0 when nothing was predicted."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1 when FP = FN = 0; 0 when the truth has no shingle."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of this document's precision and recall (0 when both are 0)."""
        return harmonic_mean(self.precision, self.recall)

    @property
    def counts_for_precision(self) -> bool:
        """Whether the document takes part in the corpus precision (TP + FP > 0)."""
        return self.tp + self.fp > 0

    @property
    def counts_for_recall(self) -> bool:
        """Whether the document takes part in the corpus recall (TP + FN > 0)."""
        return self.tp + self.fn > 0


@dataclass(frozen=True, slots=True)
class Summary:
    """The corpus figures: means over documents, F1 of the means, and accuracy."""

    f1: float
    precision: float
    recall: float
    accuracy: float
    documents: int


def harmonic_mean(precision: float, recall: float) -> float:
    """Return 2PR / (P + R), or 0 when P + R is 0."""
    total = precision + recall
    return 2 * precision * recall / total if total > 0 else 0.0


def score_document(true: str | None, predicted: str | None) -> DocumentScore:
    """Score one predicted body against the true body (see the module docstring)."""
    true_tokens = tokenize(true)
    predicted_tokens = tokenize(predicted)
    true_shingles = shingles(true_tokens)
    predicted_shingles = shingles(predicted_tokens)
    tp = sum((true_shingles & predicted_shingles).values())
    fp = sum((predicted_shingles - true_shingles).values())
    fn = sum((true_shingles - predicted_shingles).values())
    total = tp + fp + fn
    scale = 1 / total if total > 0 else 0.0
    return DocumentScore(
        tp=tp * scale,
        fp=fp * scale,
        fn=fn * scale,
        tp_count=tp,
        fp_count=fp,
        fn_count=fn,
        accurate=predicted_tokens == true_tokens,
    )


def _mean(values: Iterable[float]) -> float:
    """Return the mean of ``values``, or 0 when there are none."""
    collected = list(values)
    return statistics.fmean(collected) if collected else 0.0


def summarize(scores: Sequence[DocumentScore]) -> Summary:
    """Aggregate per-document scores into the corpus figures.

    Precision is averaged over documents with TP + FP > 0, recall over documents with
    TP + FN > 0 (a mean over no document is 0); F1 is the harmonic mean of the two means;
    accuracy is the share of accurate documents (0 for no document).
    """
    precision = _mean(s.precision for s in scores if s.counts_for_precision)
    recall = _mean(s.recall for s in scores if s.counts_for_recall)
    accuracy = _mean(1.0 if s.accurate else 0.0 for s in scores)
    return Summary(
        f1=harmonic_mean(precision, recall),
        precision=precision,
        recall=recall,
        accuracy=accuracy,
        documents=len(scores),
    )

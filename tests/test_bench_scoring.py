"""Pin the published body-extraction metric implemented in `bench/scoring.py`."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scoring import score_document, shingles, summarize, tokenize

TRUTH = "The council approved the new budget on Monday after a long debate."


def test_identical_texts_score_one_and_are_accurate() -> None:
    """A prediction equal to the truth has P = R = F1 = 1 and is accurate."""
    score = score_document(TRUTH, TRUTH)
    summary = summarize([score])
    assert (summary.precision, summary.recall, summary.f1) == (1.0, 1.0, 1.0)
    assert summary.accuracy == 1.0


def test_disjoint_texts_score_zero() -> None:
    """A prediction sharing no shingle with the truth scores 0 everywhere."""
    summary = summarize([score_document(TRUTH, "Subscribe to our newsletter for daily updates today.")])
    assert (summary.precision, summary.recall, summary.f1, summary.accuracy) == (0.0, 0.0, 0.0, 0.0)


def test_extra_junk_keeps_recall_and_lowers_precision() -> None:
    """Truth plus trailing junk has recall 1 and precision TP / (TP + FP)."""
    # Truth "one two three four five": 5 tokens -> 2 shingles (one..four, two..five).
    # Prediction adds "six seven": 7 tokens -> 4 shingles; the 2 true ones are shared.
    # TP = 2, FP = 2, FN = 0 -> precision = 2 / 4 = 0.5, recall = 1, F1 = 2 * 0.5 / 1.5 = 2/3.
    summary = summarize([score_document("one two three four five", "one two three four five six seven")])
    assert summary.recall == 1.0
    assert summary.precision == pytest.approx(0.5)
    assert summary.f1 == pytest.approx(2 / 3)
    assert summary.accuracy == 0.0


def test_repeated_shingles_count_with_multiplicity() -> None:
    """A shingle repeated in the truth must be predicted as often to be fully recalled."""
    # Truth "a b c d" x 3: 12 tokens -> 9 shingles (abcd x3, bcda x2, cdab x2, dabc x2).
    # Prediction "a b c d": 1 shingle (abcd), shared once. TP = 1, FP = 0, FN = 8.
    # As sets the recall would be 1/4; as multisets it is 1/9.
    score = score_document("a b c d a b c d a b c d", "a b c d")
    assert (score.tp_count, score.fp_count, score.fn_count) == (1, 0, 8)
    assert score.recall == pytest.approx(1 / 9)
    assert score.precision == 1.0


def test_counts_are_normalised_by_their_sum() -> None:
    """TP, FP and FN are divided by TP + FP + FN."""
    score = score_document("one two three four five", "one two three four five six seven")
    assert (score.tp, score.fp, score.fn) == pytest.approx((0.5, 0.5, 0.0))


def test_punctuation_and_whitespace_do_not_matter() -> None:
    """Only `\\w+` tokens are compared: punctuation, line breaks and spacing are ignored."""
    reformatted = "The council approved -- the new budget\n\n on Monday (after a long debate)"
    score = score_document(TRUTH, reformatted)
    assert score.accurate
    assert score.f1 == 1.0


def test_case_matters() -> None:
    """Tokens keep their case, so a re-cased word is a different token."""
    assert not score_document(TRUTH, TRUTH.upper()).accurate


def test_unicode_letters_are_word_characters() -> None:
    """Non-ASCII letters belong to tokens, as Python's Unicode `\\w` says."""
    assert tokenize("Der Bürgermeister—naïve café, 2024!") == ["Der", "Bürgermeister", "naïve", "café", "2024"]


def test_short_text_is_one_whole_shingle() -> None:
    """A text under 4 tokens is one shingle of all its tokens, so it is still scored."""
    assert shingles(["Breaking", "news"]) == {("Breaking", "news"): 1}
    assert score_document("Breaking news", "Breaking news").f1 == 1.0
    assert score_document("Breaking news", "Breaking views").f1 == 0.0


def test_empty_prediction_has_zero_recall_and_skips_precision() -> None:
    """An empty prediction for a non-empty truth has recall 0 and is left out of the precision mean."""
    empty = score_document(TRUTH, "")
    assert empty.recall == 0.0
    assert not empty.counts_for_precision
    # Mean precision over the one perfect document only; recall (1 + 0) / 2; F1 = 2 * 1 * 0.5 / 1.5.
    summary = summarize([score_document(TRUTH, TRUTH), empty])
    assert summary.precision == 1.0
    assert summary.recall == 0.5
    assert summary.f1 == pytest.approx(2 / 3)


def test_corpus_figures_are_means_over_documents_not_pooled() -> None:
    """Corpus precision is the mean of per-document precisions, not pooled TP / (TP + FP)."""
    long_truth = " ".join(f"w{i}" for i in range(103))  # 103 tokens -> 100 shingles
    perfect = score_document(long_truth, long_truth)  # TP = 100, FP = 0: precision 1
    # "one two three four five" + "six seven": TP = 2, FP = 2: precision 0.5 (see above).
    padded = score_document("one two three four five", "one two three four five six seven")
    # Mean over documents: (1 + 0.5) / 2 = 0.75. Pooled counts would give 102 / 104 ~ 0.981.
    assert summarize([perfect, padded]).precision == pytest.approx(0.75)


def test_both_empty_document_is_accurate_but_not_averaged() -> None:
    """A document with no tokens in truth or prediction is accurate and in neither mean."""
    both_empty = score_document("", "  ...  ")
    assert both_empty.accurate
    assert (both_empty.precision, both_empty.recall) == (1.0, 1.0)
    assert not both_empty.counts_for_precision
    assert not both_empty.counts_for_recall

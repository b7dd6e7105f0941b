"""Pin the two truth cuts of `bench/conventions.py` on invented pages (no shared data needed)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy import Page
from bench.conventions import COMMENTS_MARKER, measure, without_comments, without_headline

ARTICLE = "<html><head><title>Lanterns return to the old harbour</title></head><body><h1>Lanterns return to the old harbour</h1>"
ARTICLE += "<p>" + "The festival committee counted more boats than in any year before. " * 6 + "</p>"
ARTICLE += "<p>" + "Volunteers spent the week mending paper lanterns by hand. " * 6 + "</p></body></html>"


def page(truth: str) -> Page:
    return Page(id="p1", url=None, truth=truth, source=ARTICLE)


def test_dragnet_truth_is_cut_at_the_comments_marker() -> None:
    truth = f"The article's text.\n{COMMENTS_MARKER}  COMMENTS\nA reader said something."
    assert without_comments(page(truth), truth) == "The article's text.\n"


def test_a_truth_without_the_marker_is_left_whole() -> None:
    assert without_comments(page("Only the article."), "Only the article.") == "Only the article."


def test_the_first_line_goes_only_when_it_is_the_headline() -> None:
    truth = "Lanterns Return to the Old Harbour!\nThe festival committee counted more boats."
    assert without_headline(page(truth), truth) == "The festival committee counted more boats."
    other = "A different first line\nThe festival committee counted more boats."
    assert without_headline(page(other), other) == other


def test_measure_scores_each_system_against_both_truths() -> None:
    truth = f"the boats came home\n{COMMENTS_MARKER}\nwhat a lovely night it was for all"
    changed, figures = measure([page(truth)], {"echo": lambda _source, _url: "the boats came home"}, without_comments)
    assert changed == 1
    whole, cut = figures["echo"]
    assert cut == 1.0
    assert whole < cut

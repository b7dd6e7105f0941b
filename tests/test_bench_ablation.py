"""Pin `bench/ablation.py`: every rule it switches off names something that exists, and its table adds up.

The benchmark replaces functions and constants of the package by name: a rename would make it
switch off nothing and report the rule as idle. These tests fail instead. The corpora are
invented in ``tmp_path``; no shared data is needed.
"""

import gzip
import importlib
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import ablation
from bench.accuracy import find_corpora, load_pages

PARAGRAPHS = (
    "The night bus between the two valley towns runs again from Friday, after a winter without it.",
    "Drivers were hard to find, the operator said, and the route now leaves every hour until two.",
    "Tickets cost the same as by day, and bicycles may be taken on the rear rack.",
)
ARTICLE = (
    "<html><head><title>Night buses return to the valley</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Night buses return to the valley</h1>"
    + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    + "</article>"
    "<footer>© Valley Transit Weekly</footer></body></html>"
)

TRUTH = "\n".join(PARAGRAPHS)


@pytest.mark.parametrize("rule", ablation.RULES, ids=lambda rule: rule.name)
def test_every_rule_switches_off_something_that_exists(rule: ablation.Rule) -> None:
    for module_name, attribute, _ in rule.patches:
        module = importlib.import_module(module_name)
        assert hasattr(module, attribute), f"{rule.name}: {module_name}.{attribute} is gone"
    assert rule.mode in {"html", "text", "both"}


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in ablation.RULES]
    assert len(names) == len(set(names))


def test_a_rule_is_switched_back_on_after_its_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    ablation._PAGES[:] = [(corpus, load_pages(corpus)[0])]
    module = importlib.import_module("articlex.classify.html")
    before = module._lead_before
    run = ablation.run_rule("lead")
    assert module._lead_before is before
    assert set(run.scores[corpus.name]) == {"bus"}


def test_switching_a_rule_off_changes_what_the_rule_decides(tmp_path: Path) -> None:
    appeal = "If you enjoyed this article, please tell a friend who rides the bus at night."
    corpus = _corpus(tmp_path, ARTICLE.replace("</article>", f"<p>{appeal}</p></article>"))
    ablation._PAGES[:] = [(corpus, load_pages(corpus)[0])]
    base, off = ablation.run_rule(ablation.BASELINE), ablation.run_rule("openings")
    row = ablation.compare(base, off)
    assert off.scores[corpus.name]["bus"].f1 < base.scores[corpus.name]["bus"].f1  # the appeal is read as text
    assert (row.pages, row.better) == (1, 0)


def test_a_run_of_the_full_pipeline_compared_with_itself_moves_nothing(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    ablation._PAGES[:] = [(corpus, load_pages(corpus)[0])]
    base = ablation.run_rule(ablation.BASELINE)
    assert base.scores[corpus.name]["bus"].f1 > 0.9
    row = ablation.compare(base, ablation.run_rule(ablation.BASELINE))
    assert (row.pages, row.better, row.sites) == (0, 0, 0)
    assert row.deltas == {corpus.name: 0.0}


def test_a_rule_that_loses_the_article_shows_as_a_loss(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    ablation._PAGES[:] = [(corpus, load_pages(corpus)[0])]
    base = ablation.run_rule(ablation.BASELINE)
    lost = ablation.Run("lost", {corpus.name: {"bus": ablation.score_document(TRUTH, "")}}, {})
    row = ablation.compare(base, lost)
    assert (row.pages, row.better, row.sites) == (1, 0, 1)
    assert row.deltas[corpus.name] < -0.9
    assert "lost" in ablation.format_rows([row], [corpus.name])


def test_unknown_rule_names_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path)
    assert ablation.main(["--data", str(tmp_path / "valley"), "--only", "no_such_rule"]) == 2
    assert "no_such_rule" in capsys.readouterr().err


def _corpus(tmp_path: Path, page: str = ARTICLE) -> ablation.Corpus:
    folder = tmp_path / "valley"
    (folder / "html").mkdir(parents=True)
    truth = {"bus": {"articleBody": TRUTH, "url": "https://example.invalid/bus"}}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (folder / "html" / "bus.html.gz").write_bytes(gzip.compress(page.encode()))
    return find_corpora([folder])[0]

"""Pin the corpus split, the multi-corpus layout and the per-corpus gate of `bench/accuracy.py`.

Every corpus here is invented and built in ``tmp_path``; articlex itself is replaced by small
stub extractors, so these tests need neither the shared data nor a working extraction.
"""

import gzip
import hashlib
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import accuracy, metadata
from bench.accuracy import (
    Corpus,
    CorpusError,
    SystemRun,
    check_gate,
    find_corpora,
    load_pages,
    macro_of,
    run_corpus,
    split_of,
)

LONG = " ".join(f"word{i}" for i in range(120))
"""A true body of 120 words: 'long' for the empty-with-long-truth count."""
SHORT = "The library opens at nine on weekdays."


def make_corpus(folder: Path, bodies: dict[str, str], *, text: Path | None = None) -> Path:
    """Write an invented corpus: ground-truth.json, html/<id>.html.gz and, optionally, text/<id>.txt."""
    (folder / "html").mkdir(parents=True)
    truth = {key: {"articleBody": body, "url": f"https://example.invalid/{key}"} for key, body in bodies.items()}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    for key, body in bodies.items():
        page = f"<html><body><nav>Home | News</nav><article><p>{body}</p></article></body></html>"
        (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(page.encode()))
        if text is not None:
            text.mkdir(parents=True, exist_ok=True)
            (text / f"{key}.txt").write_text(f"Home | News\n\n{body}\n", encoding="utf-8")
    return folder


def stub(answers: dict[str, str]) -> accuracy.Extractor:
    """An extractor answering by URL (the page id is its last part); unknown pages get ''."""

    def run(_source: accuracy.Source, url: str | None) -> str:
        return answers.get((url or "").rsplit("/", 1)[-1], "")

    return run


# --------------------------------------------------------------------------- the split


def test_split_is_the_first_byte_of_the_sha256_of_the_id_modulo_two() -> None:
    """0 is tune, 1 is check; the half depends on the id alone, pinned on a few ids."""
    for key in ("a", "page-1", "page-2", "dev-1", "102", "ünïcode-id"):
        expected = "tune" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "check"
        assert split_of(key) == expected
    # sha256: "a" ca..., "page-1" 0e..., "page-2" 0f..., "dev-1" 03..., "102" 37...
    assert [split_of(key) for key in ("a", "page-1", "page-2", "dev-1", "102")] == [
        "tune",
        "tune",
        "check",
        "check",
        "check",
    ]


def test_split_cuts_a_corpus_in_two_near_halves() -> None:
    """Over many ids both halves are about as large."""
    halves = [split_of(f"page-{i}") for i in range(2000)]
    assert 900 < halves.count("tune") < 1100
    assert halves.count("tune") + halves.count("check") == 2000


def test_load_pages_keeps_only_the_requested_half(tmp_path: Path) -> None:
    """tune and check are disjoint and together make all; pages stay sorted by id."""
    bodies = {f"p{i}": SHORT for i in range(40)}
    corpus = Corpus("tiny", make_corpus(tmp_path / "tiny", bodies))
    every = [page.id for page in load_pages(corpus)[0]]
    tune = [page.id for page in load_pages(corpus, "tune")[0]]
    check = [page.id for page in load_pages(corpus, "check")[0]]
    assert every == sorted(bodies)
    assert not set(tune) & set(check)
    assert sorted(tune + check) == every
    assert all(split_of(key) == "tune" for key in tune)
    assert tune
    assert check


# --------------------------------------------------------------------------- corpora and their texts


def test_a_folder_with_ground_truth_is_one_corpus_named_after_it(tmp_path: Path) -> None:
    """A corpus given directly keeps its folder name; text files sit directly in its TEXTDIR."""
    make_corpus(tmp_path / "news", {"n1": SHORT}, text=tmp_path / "news-text")
    (corpus,) = find_corpora([tmp_path / "news"], [tmp_path / "news-text"])
    assert corpus.name == "news"
    assert corpus.text_dir == tmp_path / "news-text"
    assert corpus.floor_names == ("news", f"{tmp_path.name}/news")
    (page,), missing = load_pages(corpus)
    assert page.source == f"Home | News\n\n{SHORT}\n"
    assert not missing


def test_a_folder_of_corpora_gives_each_subfolder_with_ground_truth(tmp_path: Path) -> None:
    """Subfolders with ground-truth.json are corpora named folder/sub, sorted; text comes from TEXTDIR/sub/."""
    make_corpus(tmp_path / "dev" / "zeta", {"z1": SHORT}, text=tmp_path / "dev-text" / "zeta")
    make_corpus(tmp_path / "dev" / "alpha", {"a1": SHORT}, text=tmp_path / "dev-text" / "alpha")
    (tmp_path / "dev" / "notes").mkdir()
    (tmp_path / "dev" / "README.md").write_text("not a corpus", encoding="utf-8")
    make_corpus(tmp_path / "single", {"s1": SHORT}, text=tmp_path / "single-text")
    corpora = find_corpora([tmp_path / "single", tmp_path / "dev"], [tmp_path / "single-text", tmp_path / "dev-text"])
    assert [c.name for c in corpora] == ["single", "dev/alpha", "dev/zeta"]
    assert [c.text_dir for c in corpora] == [
        tmp_path / "single-text",
        tmp_path / "dev-text" / "alpha",
        tmp_path / "dev-text" / "zeta",
    ]
    assert [c.text_dir for c in find_corpora([tmp_path / "dev"])] == [None, None]


def test_a_missing_text_rendering_is_an_empty_page_and_reported(tmp_path: Path) -> None:
    """Nothing is dropped: the page stays, with an empty source, and its id is listed."""
    make_corpus(tmp_path / "news", {"n1": SHORT, "n2": SHORT}, text=tmp_path / "text")
    (tmp_path / "text" / "n2.txt").unlink()
    (corpus,) = find_corpora([tmp_path / "news"], [tmp_path / "text"])
    pages, missing = load_pages(corpus)
    assert [(page.id, page.source == "") for page in pages] == [("n1", False), ("n2", True)]
    assert missing == ["n2"]


def test_bad_folders_are_usage_errors(tmp_path: Path) -> None:
    """No corpus, unpaired text folders, a text folder that is not one, a name given twice."""
    make_corpus(tmp_path / "news", {"n1": SHORT})
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match=r"no ground-truth\.json"):
        find_corpora([tmp_path / "empty"])
    with pytest.raises(CorpusError, match="one TEXTDIR per --data DIR"):
        find_corpora([tmp_path / "news"], [tmp_path, tmp_path])
    with pytest.raises(CorpusError, match="not a folder"):
        find_corpora([tmp_path / "news"], [tmp_path / "nowhere"])
    with pytest.raises(CorpusError, match="given twice"):
        find_corpora([tmp_path / "news", tmp_path / "news"])


# --------------------------------------------------------------------------- figures and the gate


def two_corpora(tmp_path: Path) -> list[Corpus]:
    """Two invented corpora under one folder: 'set/good' (answered right) and 'set/poor'."""
    make_corpus(tmp_path / "set" / "good", {"g1": SHORT, "g2": LONG})
    make_corpus(tmp_path / "set" / "poor", {"p1": SHORT, "p2": LONG, "p3": SHORT})
    return find_corpora([tmp_path / "set"])


def articlex_stub() -> SystemRun:
    """articlex as a stub: right on 'good', empty on p2 (a long truth), junk on p3."""
    answers = {"g1": SHORT, "g2": LONG, "p1": SHORT, "p3": "Subscribe to our newsletter for daily updates today."}
    return SystemRun(accuracy.ARTICLEX, "test", stub(answers))


def test_per_corpus_figures_count_empty_predictions_and_long_truths(tmp_path: Path) -> None:
    """Empty predictions are counted per corpus, and apart when the truth has >= 100 words."""
    good, poor = (run_corpus(corpus, [articlex_stub()], "all", progress=False) for corpus in two_corpora(tmp_path))
    (good_run,), (poor_run,) = good.runs, poor.runs
    assert accuracy.summary_of(good_run).f1 == 1.0
    assert accuracy.empty_pages(poor_run, poor.truth_words) == ["p2"]
    assert accuracy.empty_pages(poor_run, poor.truth_words, accuracy.LONG_TRUTH_WORDS) == ["p2"]
    assert poor.truth_words == {"p1": 7, "p2": 120, "p3": 7}
    macro = macro_of([good, poor], accuracy.ARTICLEX)
    assert macro is not None
    poor_summary = accuracy.summary_of(poor_run)
    assert macro.f1 == pytest.approx((1.0 + poor_summary.f1) / 2)
    assert macro.precision == pytest.approx((1.0 + poor_summary.precision) / 2)
    assert (macro.corpora, macro.pages, macro.empty, macro.empty_long) == (2, 5, 1, 1)


def write_floors(path: Path, floors: dict[str, object]) -> Path:
    path.write_text(json.dumps({"html": floors}), encoding="utf-8")
    return path


def test_gate_fails_naming_the_corpus_and_figure_and_ignores_corpora_without_floors(tmp_path: Path) -> None:
    """A corpus below its floor fails; one without an entry is 'no floor'; the macro needs the same corpora."""
    results = [run_corpus(corpus, [articlex_stub()], "all", progress=False) for corpus in two_corpora(tmp_path)]
    floors = write_floors(
        tmp_path / "floors.json",
        {"set/poor": {"f1": 0.99, "recall": 0.1}, "macro": {"corpora": ["set/good", "other"], "f1": 0.99}},
    )
    report = check_gate(results, "html", floors)
    assert len(report.failures) == 1
    assert report.failures[0].startswith("html set/poor: f1 ")
    assert "below its floor 0.9900" in report.failures[0]
    assert "html set/good: no floor" in report.lines
    assert any(line.startswith("html macro: no floor for this set of corpora") for line in report.lines)

    passing = write_floors(
        tmp_path / "passing.json",
        {"set/good": {"f1": 1.0}, "macro": {"corpora": ["set/poor", "set/good"], "f1": 0.5, "precision": 0.5}},
    )
    report = check_gate(results, "html", passing)
    assert not report.failures
    assert report.lines[-1].startswith("html macro: pass (f1 ")

    failing_macro = write_floors(tmp_path / "macro.json", {"macro": {"corpora": ["set/good", "set/poor"], "f1": 0.99}})
    assert check_gate(results, "html", failing_macro).failures[0].startswith("html macro: f1 ")
    assert check_gate(results, "text", passing).failures == [f"{passing} has no floors for mode 'text'"]


def test_main_runs_every_corpus_and_gates_it(tmp_path: Path, monkeypatch, capsys) -> None:
    """The command line: several DIRs in one run, one table, per-corpus JSON, exit 1 on a floor missed."""
    two_corpora(tmp_path)
    make_corpus(tmp_path / "solo", {"s1": SHORT})
    monkeypatch.setattr(accuracy, "load_articlex", lambda: articlex_stub().extractor)
    floors = write_floors(tmp_path / "floors.json", {"solo": {"f1": 0.0}, "set/poor": {"precision": 0.99}})
    out = tmp_path / "run.json"
    argv = ["--data", str(tmp_path / "solo"), str(tmp_path / "set"), "--quiet", "--json", str(out), "--gate"]
    assert accuracy.main([*argv, "--floors", str(floors)]) == 1
    printed = capsys.readouterr().out
    assert "Accuracy on 6 pages of 3 corpora (html input, split all)" in printed
    assert "macro (3)" in printed
    assert "html set/poor: precision " in printed.split("GATE FAILED:")[1]
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(payload["corpora"]) == ["set/good", "set/poor", "solo"]
    page = payload["corpora"]["set/poor"]["systems"]["articlex"]["pages"]["p2"]
    assert (page["empty"], page["truth_words"], page["split"]) == (True, 120, split_of("p2"))
    assert payload["corpora"]["set/poor"]["systems"]["articlex"]["empty_long_truth"] == 1
    assert payload["macro"]["articlex"]["corpora"] == 3

    lenient = write_floors(tmp_path / "lenient.json", {"set/poor": {"precision": 0.1}})
    assert accuracy.main([*argv, "--floors", str(lenient)]) == 0
    assert "gate passed" in capsys.readouterr().out

    assert accuracy.main(["--data", str(tmp_path / "set"), "--split", "tune", "--quiet", "--worst", "0"]) == 0
    assert f"Accuracy on {sum(split_of(k) == 'tune' for k in ('g1', 'g2', 'p1', 'p2', 'p3'))} pages" in (
        capsys.readouterr().out
    )
    with pytest.raises(SystemExit):
        accuracy.main(["--data", str(tmp_path / "set"), "--split", "tune", "--gate"])


def test_metadata_gate_compares_field_scores_with_their_floors(tmp_path: Path) -> None:
    """The metadata gate: a field below its floor fails, a corpus without floors passes as 'no floor'."""
    run = metadata.SystemRun(metadata.ARTICLEX, "test", metadata.FIELDS, lambda _page, _url: metadata.NOTHING)
    record = metadata.Record("m1", "m1.html.gz", None, "A headline", (), None, "2024-01-02", None)
    (tmp_path / "m1.html.gz").write_bytes(gzip.compress(b"<html></html>"))
    metadata.run_benchmark([run], [record], tmp_path, frozenset(), progress=False)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"metadata": {"tiny": {"headline": 0.5, "date": 0.0}}}), encoding="utf-8")
    lines, failures = metadata.check_gate(run, "tiny", floors)
    assert failures == ["tiny: headline 0.0000 is below its floor 0.5000"]
    assert lines == ["tiny: FAILED (headline 0.0000 < 0.5000, date 0.0000 >= 0.0000)"]
    assert metadata.check_gate(run, "other", floors) == (["other: no floor"], [])

"""`bench/instructions.py`: reading callgrind's count, and the per-page arithmetic; one counted run when valgrind is there."""

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.instructions import collected, per_page

VALGRIND_TAIL = """==4711== Events    : Ir
==4711== Collected : 5191778132
==4711==
==4711== I   refs:      5,191,778,132
"""


def test_the_count_is_read_from_callgrinds_summary() -> None:
    assert collected(VALGRIND_TAIL) == 5_191_778_132


def test_a_run_without_a_count_is_an_error() -> None:
    with pytest.raises(ValueError, match="no instruction count"):
        collected("==4711== valgrind: failed to start tool 'callgrind'\n")


def test_per_page_is_the_difference_over_the_pages_in_millions() -> None:
    assert per_page(work=3_500_000_000, load=500_000_000, pages=60) == pytest.approx(50.0)


def test_the_worker_runs_every_kind_of_work_on_a_page(tmp_path: Path) -> None:
    """The counted run itself (without valgrind): each work loads, warms up and processes the pages."""
    page = (
        "<html><body><h1>Harbour lights</h1><p>"
        + "The ferry left the harbour at dawn, as it does. " * 8
        + "</p></body></html>"
    )
    (tmp_path / "one.html.gz").write_bytes(gzip.compress(page.encode()))
    script = Path(__file__).resolve().parent.parent / "bench" / "instructions.py"
    for work in ("load", "split", "split twice", "extract", "extract twice"):
        done = subprocess.run(  # noqa: S603 - this repository's own script
            [sys.executable, str(script), "--data", str(tmp_path), "--work", work],
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr


def test_without_valgrind_the_script_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("valgrind") is not None:
        monkeypatch.setenv("PATH", str(tmp_path))  # an empty PATH: no valgrind there
    (tmp_path / "one.html").write_text("<html><body><p>A line.</p></body></html>")
    script = Path(__file__).resolve().parent.parent / "bench" / "instructions.py"
    done = subprocess.run(  # noqa: S603 - this repository's own script
        [sys.executable, str(script), "--data", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "valgrind is not on PATH" in done.stderr

"""`bench/split_floor.py`: every part and floor is timed on a page that sends the walk each kind of event."""

import math
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.split_floor import DESCRIBED, FLOORS, PARTS, RECORDS, time_page

PAGE = (
    "<html><head><title>Harbour lights</title><meta name='author' content='Ann Example'></head><body>"
    "<div class='byline'>By <span class='author'>Ann Example</span> <time datetime='2024-03-01'>1 March</time></div>"
    "<p>The ferry left the <a href='/harbour'>harbour</a> at <b>dawn</b>, as it does.<br><br>"
    "It came back at dusk <img src='/boat.jpg' alt='A boat'> with <code class='language-py'>x</code>.</p>"
    "<ul><li>One</li><li>Two</li></ul><hr><pre>  kept\n  lines</pre>"
    "<div hidden><p>A closed panel.</p></div><script>var x = 1;</script>"
    "</body></html>"
)


def test_every_part_and_floor_is_timed() -> None:
    timed = time_page(PAGE, repeat=2)
    assert set(timed) == {*PARTS, *FLOORS, DESCRIBED, RECORDS}
    assert all(math.isfinite(value) and value >= 0 for value in timed.values()), timed


def test_the_script_prints_every_row(tmp_path: Path) -> None:
    (tmp_path / "one.html").write_text(PAGE)
    script = Path(__file__).resolve().parent.parent / "bench" / "split_floor.py"
    done = subprocess.run(  # noqa: S603 - this repository's own script
        [sys.executable, str(script), "--data", str(tmp_path), "--repeat", "1"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for row in (*PARTS, *FLOORS, DESCRIBED, RECORDS, "split (sum of parts)", "before + nothing built + records"):
        assert row in done.stdout


def test_a_folder_without_pages_is_a_usage_error(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parent.parent / "bench" / "split_floor.py"
    done = subprocess.run(  # noqa: S603 - this repository's own script
        [sys.executable, str(script), "--data", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "no .html" in done.stderr

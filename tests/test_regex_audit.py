"""Every compiled regex of articlex finishes quickly on adversarial 100,000-character inputs.

The audit (`regex_audit_child.py`) collects the module-level `re.Pattern`s of every module and
the patterns the cached builders make (`features`, `dates`, `fields.agency`,
`fields.byline`, …), and runs each on repetitions of the characters it contains, digits, spaces,
words, `<!--`, commas, `1.1.` and more. It runs in a subprocess with a timeout: a pattern that
backtracks catastrophically makes the child hang, and the test names it from the child's last
line. No timing is asserted here; the child reports searches slower than a second as 'slow'.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("regex_audit_child.py")
TIMEOUT = 240
"""Seconds the whole audit may take before it counts as hung (it takes about a minute here)."""


def test_no_regex_backtracks_catastrophically() -> None:
    try:
        completed = subprocess.run(  # noqa: S603 - our own script
            [sys.executable, str(CHILD)], capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
        output = completed.stdout
    except subprocess.TimeoutExpired as expired:
        raw = expired.stdout or b""
        output = raw.decode() if isinstance(raw, bytes) else raw
        last = [json.loads(line) for line in output.splitlines() if line.startswith("{")][-1:]
        msg = f"the regex audit hung; last search started: {last}"
        raise AssertionError(msg) from None
    assert completed.returncode == 0, completed.stderr[-2000:]
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert lines
    assert lines[-1] == {"finished": True}
    slow = [line for line in lines if "slow" in line]
    assert not slow, f"patterns too slow on adversarial input: {slow}"
    audited = [line["done"] for line in lines if "done" in line]
    assert len(audited) >= 40, audited  # the collection found the patterns (module-level and built)

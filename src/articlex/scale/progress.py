"""A one-line progress display on standard error for long batch runs.

Written here rather than taken from tqdm or rich: it is one line of text, and owning it keeps
the command free of a dependency and makes the two rules easy to keep exactly: it draws only
when the stream is a terminal (never into a log file or a pipe), and at most a few times a
second (redrawing for each of thousands of pages per second would cost more than it shows).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TextIO

_REDRAW_EVERY = 0.2
"""Seconds between redraws: often enough to look live, rare enough to cost nothing."""


class Progress:
    """Pages done, pages per second, failures and an estimated time left, redrawn in place."""

    def __init__(self, stream: TextIO, *, enabled: bool, total_bytes: int | None = None) -> None:
        """Draw on STREAM when ENABLED and it is a terminal; TOTAL_BYTES of input make the ETA."""
        self._stream = stream
        self._enabled = enabled and stream.isatty()
        self._total = total_bytes
        self._start = time.monotonic()
        self._drawn = 0.0
        self._width = 0

    @property
    def enabled(self) -> bool:
        """True when the display is drawn at all."""
        return self._enabled

    def update(self, done: int, failed: int, consumed_bytes: int, *, force: bool = False) -> None:
        """Redraw with DONE pages, FAILED of them failures, CONSUMED_BYTES of the input read."""
        now = time.monotonic()
        if not self._enabled or (not force and now - self._drawn < _REDRAW_EVERY):
            return
        self._drawn = now
        line = self.render(done, failed, consumed_bytes, now - self._start)
        self._stream.write("\r" + line.ljust(self._width))
        self._stream.flush()
        self._width = len(line)

    def render(self, done: int, failed: int, consumed_bytes: int, elapsed: float) -> str:
        """The text of the progress line."""
        rate = done / elapsed if elapsed > 0 else 0.0
        parts = [f"{done:,} pages", f"{rate:,.1f} pages/s", f"{failed:,} failed"]
        if self._total and consumed_bytes > 0:
            share = min(consumed_bytes / self._total, 1.0)
            left = elapsed * (1 - share) / share
            parts += [f"{share:.0%}", f"ETA {dt.timedelta(seconds=round(left))}"]
        return " | ".join(parts)

    def close(self) -> None:
        """Clear the line so what follows starts on a clean one."""
        if self._enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()

"""Python's cyclic garbage collector held off while a page is extracted.

An extraction makes some ten thousand small containers (blocks, their tuples, features, decisions)
that all live until the `Article` is built, and none of which form reference cycles: they are freed
by reference counting as soon as the extraction ends. Left on, the collector walks them over and over
while they are being made (a young-generation pass every 700 allocations) and promotes them to the
older generations, whose passes then walk them again; that is work without a result, about a tenth
of the extraction's time on a news page (bench/README.md, "Speed").

Automatic collection is paused only when it was on when the first of any concurrent extractions
began, and switched back on when the last of them ends, so a program that turned the collector off
keeps it off, and threads extracting side by side never switch it on under one another. Explicit
`gc.collect()` calls still work. A process forked while another thread extracts starts with no
extraction under way, and with the collector on again if the pause had turned it off.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0
"""Extractions under way in this process."""
_paused = False
"""Whether the first of them found the collector on and turned it off."""


@contextmanager
def collection_paused() -> Iterator[None]:
    """Hold off automatic garbage collection for the duration of the block (see the module's note)."""
    global _running, _paused  # noqa: PLW0603 - one process-wide switch, guarded by the lock
    with _lock:
        if _running == 0:
            _paused = gc.isenabled()
            if _paused:
                gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _paused:
                _paused = False
                gc.enable()


def _start_afresh_in_child() -> None:
    """After a fork: only the forking thread lives on, and it was not extracting (extraction never forks)."""
    global _lock, _running, _paused  # noqa: PLW0603 - the parent's switch, reset in the child
    _lock = threading.Lock()  # another thread of the parent may have held it at the fork
    if _paused:
        gc.enable()
    _running, _paused = 0, False


if hasattr(os, "register_at_fork"):  # POSIX; Windows starts its worker processes afresh
    os.register_at_fork(after_in_child=_start_afresh_in_child)

"""Python's cyclic garbage collector held off while a page is extracted.

An extraction makes some ten thousand small containers (blocks, their tuples, features, decisions)
that all live until the `Article` is built, and none of which form reference cycles: they are freed
by reference counting as soon as the extraction ends. Left on, the collector walks them over and over
while they are being made (a young-generation pass every 700 allocations) and promotes them to the
older generations, whose passes then walk them again; that is work without a result (bench/README.md,
"The garbage collector held off").

The extraction that finds the collector on switches it off and back on when it ends; one that finds it
off (turned off by the program, or by another thread's extraction) leaves it alone. So a program that
turned the collector off keeps it off, and a pause never outlasts the extraction that began it: threads
extracting page after page cannot keep the collector off for good while the rest of the program makes
garbage, and every pause's end lets the collections it held back run. Explicit `gc.collect()` calls
still work. A process forked while another thread extracts starts with the collector on.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_owner: object | None = None
"""The token of the extraction that switched the collector off, while it runs."""


@contextmanager
def collection_paused() -> Iterator[None]:
    """Hold off automatic garbage collection for the duration of the block (see the module's note)."""
    global _owner  # noqa: PLW0603 - one process-wide switch, guarded by the lock
    token = object()
    with _lock:
        if gc.isenabled():
            gc.disable()
            _owner = token
    try:
        yield
    finally:
        with _lock:
            if _owner is token:
                _owner = None
                gc.enable()


def _start_afresh_in_child() -> None:
    """After a fork: only the forking thread lives on, and it was not extracting (extraction never forks)."""
    global _lock, _owner  # noqa: PLW0603 - the parent's switch, reset in the child
    _lock = threading.Lock()  # another thread of the parent may have held it at the fork
    if _owner is not None:
        _owner = None
        gc.enable()


if hasattr(os, "register_at_fork"):  # POSIX; Windows starts its worker processes afresh
    os.register_at_fork(after_in_child=_start_afresh_in_child)

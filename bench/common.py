"""Helpers shared by the benchmarks: loading articlex, library versions, the machine.

articlex is imported from the installed package when there is one, else from the
repository's ``src/``, so a benchmark runs from a plain clone without ``PYTHONPATH=src``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.metadata
import os
import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parent.parent


def import_articlex() -> ModuleType:
    """Return the ``articlex`` module: the installed package, else the repository's ``src/``.

    Raises:
        ImportError: neither imports (the message says why, e.g. a module still missing).
    """
    try:
        return importlib.import_module("articlex")
    except ModuleNotFoundError:
        source = str(REPO_ROOT / "src")
        if source not in sys.path:
            sys.path.insert(0, source)
        return importlib.import_module("articlex")


def distribution_version(distribution: str) -> str | None:
    """The installed version of a distribution, or None when it is not installed."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def articlex_version(articlex: ModuleType | None) -> str:
    """articlex's installed version, else its ``__version__`` marked 'source tree'."""
    installed = distribution_version("articlex")
    if installed:
        return installed
    if articlex is None:
        return "not importable"
    return f"{getattr(articlex, '__version__', '?')} (source tree)"


def build_name(articlex: ModuleType) -> str:
    """Which build of articlex runs: 'compiled' (mypyc, `ARTICLEX_COMPILE=1`) or 'pure Python'."""
    return "compiled" if getattr(articlex, "compiled", False) else "pure Python"


def no_pages_found(folder: Path) -> int:
    """Say that `folder` holds no pages to time; the exit status of that usage error."""
    print(f"no .html or .html.gz pages under {folder}", file=sys.stderr)
    return 2


def machine_info() -> dict[str, str]:
    """Date (UTC), Python version, machine and CPU count, for the record of a run."""
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": str(os.cpu_count()),
    }

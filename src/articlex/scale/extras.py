"""Optional dependencies: one error that says which extra to install.

articlex's core needs four small packages. Fetching URLs, WARC reading, Parquet output and Spark
each need another one, large or compiled, so they are extras (`articlex[fetch]`, `articlex[warc]`,
`articlex[parquet]`, `articlex[spark]`) imported only when used; a missing one raises `MissingDependencyError`
with the exact `pip install` command instead of a bare `ModuleNotFoundError`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from articlex.errors import ArticlexError


class MissingDependencyError(ArticlexError, ImportError):
    """A feature needs an optional dependency that is not installed; the message says what to install."""


REPOSITORY = "git+https://github.com/articlex/articlex.git"
"""Where articlex is installed from (it is not on a package index)."""


def install_extra(extra: str) -> str:
    """The command that installs articlex's optional EXTRA (from a clone: `pip install ".[EXTRA]"`)."""
    return f'pip install "articlex[{extra}] @ {REPOSITORY}"'


def require(module: str, feature: str, install: str) -> ModuleType:
    """Import MODULE, or raise `MissingDependencyError` saying FEATURE needs it and how to INSTALL it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        msg = f"{feature} needs {module.partition('.')[0]}, which is not installed: {install}"
        raise MissingDependencyError(msg) from error

"""Which build of articlex is running: `compiled` (the hot modules compiled by mypyc) or pure Python.

A compiled wheel (``ARTICLEX_COMPILE=1``, see ``hatch_build.py``) holds an extension module beside
the source of each compiled module, and Python imports the extension. So the flag is read from what
was imported, not written at build time: a compiled wheel whose extensions do not load, or a source
tree on ``sys.path`` ahead of it, reports pure Python, as it runs.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES

from articlex.classify import features

compiled: bool = (features.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))
"""True when the compiled modules are the ones imported (a mypyc build), False for pure Python."""

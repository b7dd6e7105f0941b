"""MkDocs hooks of the documentation site (named in mkdocs.yml).

* Links from a page of docs/ to a file of the repository outside docs/ (`../bench/README.md`)
  are rewritten to the file on the repository's site; a link to a file that does not exist
  stops the build, as a broken link between pages does under `--strict`.
* Every public class and function of articlex (`articlex.__all__`) must have its
  `::: articlex.NAME` entry in docs/api.md and a docstring, so a new public name without
  documentation fails the build. Plain values (`__version__`) are described in the page's prose.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

REPOSITORY = "https://github.com/articlex/articlex/blob/main/"
_OUTSIDE_LINK = re.compile(r"\]\((\.\./[^)\s#]+)(#[^)\s]*)?\)")


def on_pre_build(config: Any) -> None:  # noqa: ANN401 - MkDocs' config object
    """Check that docs/api.md documents every public name, each with a docstring."""
    import articlex  # noqa: PLC0415 - from mkdocstrings' paths, at build time

    api = Path(config["docs_dir"]) / "api.md"
    listed = set(re.findall(r"^::: articlex\.(\w+)\s*$", api.read_text(encoding="utf-8"), re.MULTILINE))
    public = {name for name in articlex.__all__ if _documented_by_docstring(getattr(articlex, name))}
    missing = sorted(public - listed)
    if missing:
        msg = f"docs/api.md has no '::: articlex.NAME' entry for {', '.join(missing)}"
        raise PluginError(msg)
    unknown = sorted(listed - public)
    if unknown:
        msg = f"docs/api.md documents names that are not public: {', '.join(unknown)}"
        raise PluginError(msg)
    bare = sorted(name for name in public if not (getattr(articlex, name).__doc__ or "").strip())
    if bare:
        msg = f"public names without a docstring: {', '.join(bare)}"
        raise PluginError(msg)


def _documented_by_docstring(value: object) -> bool:
    """Classes and functions carry their docstrings; plain values (`__version__`) are described in prose."""
    return inspect.isclass(value) or inspect.isroutine(value)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:  # noqa: ANN401, ARG001
    """Point links that leave docs/ at the repository; refuse links to files that do not exist."""
    docs = Path(config["docs_dir"]).resolve()
    root = docs.parent
    here = (docs / page.file.src_uri).parent

    def rewrite(match: re.Match[str]) -> str:
        target = (here / match.group(1)).resolve()
        if target.is_relative_to(docs):
            return match.group(0)
        if not target.is_relative_to(root) or not target.exists():
            msg = f"{page.file.src_uri}: the link {match.group(1)} points at no file of the repository"
            raise PluginError(msg)
        return f"]({REPOSITORY}{target.relative_to(root).as_posix()}{match.group(2) or ''})"

    return _OUTSIDE_LINK.sub(rewrite, markdown)

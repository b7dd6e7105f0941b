"""What a new user installs and reads first: licence, changelog, version, install line, extras."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import articlex

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
GIT_INSTALL = 'pip install "articlex @ git+https://github.com/articlex/articlex.git"'


def test_the_licence_is_mit_with_its_copyright_line() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 articlex developers" in text
    assert PYPROJECT["project"]["license"] == "MIT"


def test_the_changelog_has_an_unreleased_section_and_the_first_release() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Keep a Changelog" in text
    assert "Semantic Versioning" in text
    assert "## [Unreleased]" in text
    assert re.search(rf"^## \[{re.escape(articlex.__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", text, re.MULTILINE)
    assert "`articlex.spark` is now `articlex.scale.spark`" in text


def test_the_version_is_written_once_and_installed() -> None:
    """The version lives in src/articlex/__init__.py (hatch reads it) and is what pip installed."""
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/articlex/__init__.py"
    assert importlib.metadata.version("articlex") == articlex.__version__


def test_the_readme_install_line_and_extras() -> None:
    """The README installs from the git URL and names every extra a user may want."""
    assert GIT_INSTALL in README
    extras = PYPROJECT["project"]["optional-dependencies"]
    for extra in ("fetch", "warc", "parquet", "spark"):
        assert extra in extras
        assert f"`{extra}`" in README


def test_the_readme_newcomer_commands_name_files_that_exist() -> None:
    for path in re.findall(r"fixtures/[\w./-]+\.(?:html|txt)", README):
        assert (ROOT / path).is_file(), path


def test_the_readme_quickstart_fetches_a_url() -> None:
    assert "articlex https://" in README
    assert "articlex.extract_url(" in README


def test_the_test_extra_brings_the_local_http_server_and_httpx() -> None:
    test = " ".join(PYPROJECT["project"]["optional-dependencies"]["test"])
    assert "pytest-httpserver" in test
    assert "fetch" in test
    assert any(dep.startswith("httpx") for dep in PYPROJECT["project"]["optional-dependencies"]["fetch"])
    docs = " ".join(PYPROJECT["project"]["optional-dependencies"]["docs"])
    assert all(name in docs for name in ("mkdocs", "mkdocs-material", "mkdocstrings[python]"))


def test_ci_builds_the_docs_strictly_at_the_end() -> None:
    last = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert last == 'pip install -e ".[docs]" && mkdocs build --strict --site-dir "$(mktemp -d)"'

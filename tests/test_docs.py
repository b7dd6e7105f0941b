"""The documentation matches the code it describes."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import articlex
from articlex import Article, Label, Reason
from articlex.options import options_table

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_options_doc_holds_the_rendered_table() -> None:
    """docs/options.md contains the options table exactly as rendered from `Options`."""
    assert options_table() in (DOCS / "options.md").read_text(encoding="utf-8")


def test_every_reason_code_is_documented() -> None:
    """Each `Reason` value appears as a code in docs/decisions.md."""
    text = (DOCS / "decisions.md").read_text(encoding="utf-8")
    missing = [reason.value for reason in Reason if f"`{reason.value}`" not in text]
    assert missing == []


def test_every_label_is_documented() -> None:
    """Each `Label` value appears as a code in docs/decisions.md."""
    text = (DOCS / "decisions.md").read_text(encoding="utf-8")
    assert [label.value for label in Label if f"`{label.value}`" not in text] == []


def test_every_article_field_is_documented() -> None:
    """Each field of `Article` appears as a code in docs/article.md."""
    text = (DOCS / "article.md").read_text(encoding="utf-8")
    assert [name for name in Article.model_fields if f"`{name}`" not in text] == []


def test_every_public_name_has_an_api_reference_entry() -> None:
    """docs/api.md holds a `::: articlex.NAME` entry for each public class and function (mkdocs_hooks.py checks it too)."""
    listed = set(re.findall(r"^::: articlex\.(\w+)\s*$", (DOCS / "api.md").read_text(encoding="utf-8"), re.MULTILINE))
    values = {name: getattr(articlex, name) for name in articlex.__all__}
    public = {name for name, value in values.items() if inspect.isclass(value) or inspect.isroutine(value)}
    assert listed == public  # plain values such as __version__ are described in the page's prose
    assert [name for name in listed if not (getattr(articlex, name).__doc__ or "").strip()] == []


def test_every_page_is_in_the_site_navigation() -> None:
    """Each page of docs/ appears in mkdocs.yml's nav, so the site shows all of them."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert [page.name for page in sorted(DOCS.glob("*.md")) if f": {page.name}" not in nav] == []


MACHINE_PATH = re.compile(r"/work/|/home/\w+|/Users/\w+|/tmp/\w+|[A-Z]:\\\\")


def test_no_machine_paths_in_the_docs() -> None:
    """The docs and fixtures/README.md name no folder of one machine (commands run from a clone's root)."""
    pages = list(DOCS.glob("*.md"))
    pages += [ROOT / "fixtures" / "README.md", ROOT / "README.md"]
    found = {
        str(page.relative_to(ROOT)): MACHINE_PATH.findall(page.read_text(encoding="utf-8"))
        for page in pages
        if MACHINE_PATH.search(page.read_text(encoding="utf-8"))
    }
    assert found == {}


def test_install_commands_work_for_a_git_install() -> None:
    """articlex is on no package index: every `pip install "articlex..."` names the git URL."""
    pages = [*DOCS.glob("*.md"), ROOT / "README.md"]
    wrong = [
        (page.name, command)
        for page in pages
        for command in re.findall(r"pip install \"articlex[^\"]*\"", page.read_text(encoding="utf-8"))
        if "@ git+https://github.com/articlex/articlex.git" not in command
    ]
    assert wrong == []

"""The documentation matches the code it describes."""

from __future__ import annotations

from pathlib import Path

from articlex import Article, Label, Reason
from articlex.options import options_table

DOCS = Path(__file__).resolve().parent.parent / "docs"


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

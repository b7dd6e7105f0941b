"""Marks: elements whose class, id, rel or itemprop name them an author or a date."""

from __future__ import annotations

import pytest

from articlex.html.marks import DATE_KINDS, machine_value, mark_kind
from articlex.vocabulary import author_hints, date_hints


@pytest.mark.parametrize(
    ("tag", "attributes", "kind"),
    [
        ("time", {"class": "entry-date published", "datetime": "2024-06-18"}, "published"),
        ("time", {"class": "updated"}, "updated"),
        ("time", {}, "time"),
        ("abbr", {"class": "published", "title": "2016-12-23T05:11:00-05:00"}, "published"),
        ("span", {"class": "postDate"}, "date"),
        ("span", {"class": "lastModified"}, "updated"),
        ("a", {"rel": "author", "href": "/author/asha"}, "author"),
        ("span", {"itemprop": "author creator"}, "author"),
        ("div", {"class": "article-byline"}, "author"),
        ("span", {"class": "comment-author"}, None),
        ("div", {"class": "author-bio"}, None),
        ("span", {"class": "photo-credit"}, None),
        ("div", {"class": "widget-date"}, None),
        ("div", {"class": "content"}, None),
    ],
)
def test_mark_kind(tag: str, attributes: dict[str, str | None], kind: str | None) -> None:
    assert mark_kind(tag, attributes) == kind


def test_machine_value_prefers_datetime_then_content_then_title() -> None:
    assert machine_value({"datetime": "2024-06-18", "title": "x"}) == "2024-06-18"
    assert machine_value({"title": "2016-12-23T05:11:00-05:00"}) == "2016-12-23T05:11:00-05:00"
    assert machine_value({"data-date-time": "2023-11-02 20:06:13"}) == "2023-11-02 20:06:13"
    assert machine_value({"class": "date"}) == ""


def test_every_hint_word_in_a_class_makes_a_mark() -> None:
    for word in author_hints():
        assert mark_kind("span", {"class": f"post-{word}"}) == "author", word
    for word in date_hints():
        assert mark_kind("span", {"class": f"post-{word}"}) in DATE_KINDS, word


def test_ids_count_for_author_words_only() -> None:
    assert mark_kind("span", {"id": "article-author"}) == "author"
    assert mark_kind("span", {"id": "pubdate"}) is None
    assert mark_kind("span", {"id": "pubdate", "class": "date"}) == "date"
    assert mark_kind("time", {"id": "pubtime_widget"}) == "time"

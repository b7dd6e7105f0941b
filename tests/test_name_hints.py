"""What class names and ids say: the one-search shortcut for names without a hint word never changes an answer.

`html.hints` and `html.marks` first look for any vocabulary word inside a lower-cased name and
answer 'nothing' at once when there is none. These tests build names from the vocabularies' own
words (glued, camel-cased, with digits and separators) and compare with the same functions
running without the shortcut.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlex.hint_families import HintFamily
from articlex.html import hints, marks
from articlex.vocabulary import author_hints, date_hints, hint_vocabulary, picture_hints

_MATCHES_EVERYWHERE = re.compile("")


def _words() -> list[str]:
    vocabulary = hint_vocabulary()
    found = {*vocabulary.tokens, *dict(vocabulary.contains), *date_hints(), *author_hints(), *picture_hints()}
    return sorted(found)


_piece = st.one_of(
    st.sampled_from(_words()),
    st.sampled_from(_words()).map(str.capitalize),
    st.from_regex(r"[a-z]{1,6}|[0-9]{1,5}|[A-Z][a-z]{1,5}", fullmatch=True),
)
_name = st.builds(
    lambda pieces, separators: "".join(piece + sep for piece, sep in zip(pieces, separators, strict=False)),
    st.lists(_piece, min_size=1, max_size=4),
    st.lists(st.sampled_from(["", "-", "_", "--", "__"]), min_size=4, max_size=4),
).filter(bool)


def _answers(names: list[str]) -> list[tuple[frozenset[HintFamily], object]]:
    hints._families_of_name.cache_clear()
    marks._what_name_says.cache_clear()
    return [(hints._families_of_name(name), marks._what_name_says(name)) for name in names]


@given(st.lists(_name, min_size=1, max_size=20))
def test_the_shortcut_gives_what_cutting_into_words_gives(names: list[str]) -> None:
    with_shortcut = _answers(names)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hints, "_any_hint", lambda: _MATCHES_EVERYWHERE)
        patch.setattr(marks, "_field_words", lambda: _MATCHES_EVERYWHERE)
        without = _answers(names)
    assert with_shortcut == without
    hints._families_of_name.cache_clear()
    marks._what_name_says.cache_clear()


@pytest.mark.parametrize(
    ("name", "family"),
    [("site-navigation", HintFamily.NAVIGATION), ("commentList", HintFamily.COMMENTS), ("post-12345", None)],
)
def test_a_name_gives_its_family(name: str, family: HintFamily | None) -> None:
    found = hints.families_of(name)
    assert (family in found) if family is not None else not found


@pytest.mark.parametrize(
    ("classes", "ident", "kind"),
    [
        ("entry-date published", "", "published"),
        ("postAuthor", "", "author"),
        ("photo-byline", "", None),  # credits the picture, not the article
        ("box", "author-block-7", "author"),
        ("box", "pubdate-widget", None),  # date words count in the class only
        ("css-1x2y3z", "post-8812", None),
    ],
)
def test_class_and_id_words_name_a_field(classes: str, ident: str, kind: str | None) -> None:
    assert marks.mark_kind("div", {"class": classes, "id": ident}) == kind


@pytest.mark.parametrize(
    ("classes", "family", "named"),
    [
        ("post-7 post type-post status-publish hentry category-comments tag-share", HintFamily.COMMENTS, False),
        ("post-7 post type-post status-publish hentry category-comments tag-share", HintFamily.META_INFO, False),
        ("post-7 hentry widget-area category-news", HintFamily.WIDGET, True),  # its own names still count
        ("box category-list", HintFamily.META_INFO, True),  # not a post: a list of categories
        ("tag-cloud sidebar-box", HintFamily.META_INFO, True),
    ],
)
def test_a_posts_categories_and_tags_do_not_name_its_element(classes: str, family: HintFamily, named: bool) -> None:
    """On a post's element ('hentry', 'status-publish'), 'category-…' and 'tag-…' say what the post is filed under."""
    assert (family in hints.families_of(classes)) is named

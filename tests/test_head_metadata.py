"""Head metadata: `Article.description`, `tags` and `categories`, their sources, order, cleaning and provenance.

Every page here is invented.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import articlex
from articlex import Options, Source
from articlex.fields.head_metadata import MAX_TAG_CHARS, MAX_TAGS, find_categories, find_description, find_tags
from articlex.html.metadata import read_metadata
from articlex.stages import MetaTag, PageData

BODY = (
    "<article><h1>Ferry timetable changes for the winter</h1>"
    "<p>The island ferry will sail four times a day instead of six from the first of November, the harbour"
    " office said on Monday, as fewer visitors travel in the cold months.</p>"
    "<p>The first boat leaves at seven in the morning and the last at six in the evening; the night crossing"
    " on Fridays stays as it is until the spring timetable starts.</p></article>"
)


def page(head: str) -> str:
    """An invented news page with `head` inside its `<head>`."""
    return f"<!doctype html><html lang='en'><head><title>Ferry timetable</title>{head}</head><body>{BODY}</body></html>"


def json_ld(**fields: object) -> str:
    """A JSON-LD script of a NewsArticle with `fields`."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry timetable", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta(key: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{key}" content="{content}">'


# ---- sources --------------------------------------------------------------------------------


def test_json_ld_keywords_as_a_string_are_split_at_commas() -> None:
    article = articlex.extract(page(json_ld(keywords="ferries, Winter timetable ,islands")))
    assert article.tags == ("ferries", "Winter timetable", "islands")
    assert article.provenance["tags"].source is Source.JSON_LD
    assert article.provenance["tags"].evidence == "json-ld article keywords"


def test_json_ld_keywords_as_a_list_keep_their_order() -> None:
    article = articlex.extract(page(json_ld(keywords=["Islands", "Ferries; Boats", "Harbour"])))
    assert article.tags == ("Islands", "Ferries", "Boats", "Harbour")


def test_json_ld_description_and_section() -> None:
    head = json_ld(description="Fewer sailings from November.", articleSection=["Travel", "Local"])
    article = articlex.extract(page(head))
    assert article.description == "Fewer sailings from November."
    assert article.categories == ("Travel", "Local")
    assert article.provenance["description"].source is Source.JSON_LD
    assert article.provenance["categories"].evidence == "json-ld article articleSection"


def test_every_article_tag_and_the_section_from_open_graph() -> None:
    head = (
        meta("article:tag", "Ferries", "property")
        + meta("article:tag", "Harbour office", "property")
        + meta("article:section", "Travel", "property")
        + meta("og:description", "Four sailings a day.", "property")
    )
    article = articlex.extract(page(head))
    assert article.tags == ("Ferries", "Harbour office")
    assert article.categories == ("Travel",)
    assert article.description == "Four sailings a day."
    assert {name: article.provenance[name].source for name in ("tags", "categories", "description")} == {
        "tags": Source.OPEN_GRAPH,
        "categories": Source.OPEN_GRAPH,
        "description": Source.OPEN_GRAPH,
    }
    assert article.provenance["tags"].evidence == "meta[article:tag]"


def test_meta_keywords_and_description() -> None:
    article = articlex.extract(page(meta("keywords", "ferry, winter,  , timetable") + meta("description", "Short.")))
    assert article.tags == ("ferry", "winter", "timetable")
    assert article.description == "Short."
    assert article.provenance["tags"].source is Source.META
    assert article.provenance["tags"].evidence == "meta[keywords]"


def test_news_keywords_when_there_is_no_other_list() -> None:
    article = articlex.extract(page(meta("news_keywords", "ferry;harbour")))
    assert article.tags == ("ferry", "harbour")
    assert article.provenance["tags"].evidence == "meta[news_keywords]"


# ---- precedence -----------------------------------------------------------------------------


def test_json_ld_comes_before_open_graph_which_comes_before_meta() -> None:
    head = (
        meta("keywords", "meta one, meta two")
        + meta("article:tag", "graph tag", "property")
        + json_ld(keywords="structured tag", description="Structured summary.")
        + meta("og:description", "Graph summary.", "property")
        + meta("description", "Meta summary.")
    )
    article = articlex.extract(page(head))
    assert article.tags == ("structured tag",)  # sources are not merged
    assert article.description == "Structured summary."


def test_open_graph_comes_before_meta() -> None:
    head = meta("description", "Meta summary.") + meta("og:description", "Graph summary.", "property")
    head += meta("keywords", "meta tag") + meta("article:tag", "graph tag", "property")
    article = articlex.extract(page(head))
    assert article.description == "Graph summary."
    assert article.tags == ("graph tag",)


def test_a_source_left_empty_by_cleaning_gives_way_to_the_next() -> None:
    too_long = "word " * 300
    head = json_ld(keywords=" , ;", description=too_long) + meta("keywords", "ferry") + meta("description", "Short.")
    article = articlex.extract(page(head))
    assert article.tags == ("ferry",)
    assert article.description == "Short."
    assert article.provenance["description"].source is Source.META


# ---- cleaning -------------------------------------------------------------------------------


def test_tags_are_kept_once_case_insensitively_with_the_first_spelling() -> None:
    article = articlex.extract(page(meta("keywords", "Ferry, ferry, FERRY, Harbour, harbour ")))
    assert article.tags == ("Ferry", "Harbour")


def test_entities_escaped_twice_are_read() -> None:
    head = meta("keywords", "Fish &amp;amp; Chips, Caf&amp;eacute;") + meta("description", "Tea &amp;amp; toast")
    article = articlex.extract(page(head))
    assert article.tags == ("Fish & Chips", "Café")
    assert article.description == "Tea & toast"


def test_overlong_tags_are_dropped_and_whitespace_collapsed() -> None:
    long_tag = "x" * (MAX_TAG_CHARS + 1)
    article = articlex.extract(page(meta("keywords", f"winter   sailings, {long_tag}, harbour")))
    assert article.tags == ("winter sailings", "harbour")


def test_a_section_name_is_not_cut_at_its_comma() -> None:
    article = articlex.extract(page(json_ld(articleSection="Food, Drink")))
    assert article.categories == ("Food, Drink",)


def test_no_head_metadata_leaves_the_fields_empty() -> None:
    article = articlex.extract(page(""))
    assert (article.description, article.tags, article.categories) == (None, (), ())
    assert {"description", "tags", "categories"}.isdisjoint(article.provenance)


def test_text_input_has_no_head_metadata() -> None:
    text = "Ferry timetable changes\n\ndescription: ferries, keywords: winter\n\n" + "The ferry sails less. " * 10
    article = articlex.extract(text, options=Options(input_kind="text"))
    assert (article.description, article.tags, article.categories) == (None, (), ())


def test_find_description_skips_an_empty_candidate() -> None:
    data = PageData(meta=(MetaTag("og:description", "&nbsp;"), MetaTag("description", "Fallback.")))
    found = find_description(read_metadata(data))
    assert found is not None
    assert (found.value, found.evidence) == ("Fallback.", "meta[description]")


def test_find_categories_reads_the_meta_section() -> None:
    found = find_categories(read_metadata(PageData(meta=(MetaTag("section", "Sport"),))))
    assert found is not None
    assert (found.value, found.source) == (("Sport",), Source.META)


# ---- properties -----------------------------------------------------------------------------

keyword_text = st.text(alphabet=st.sampled_from("abcABC ,;&#x9"), max_size=200)


@settings(max_examples=200, deadline=None)
@given(st.lists(keyword_text, min_size=1, max_size=5))
def test_tags_are_clean_and_unique_whatever_the_keywords(values: list[str]) -> None:
    found = find_tags(read_metadata(PageData(meta=tuple(MetaTag("article:tag", value) for value in values))))
    if found is None:
        return
    tags = found.value
    assert tags
    assert len(tags) <= MAX_TAGS
    assert len({tag.casefold() for tag in tags}) == len(tags)
    assert all(tag and tag == tag.strip() and "  " not in tag and len(tag) <= MAX_TAG_CHARS for tag in tags)
    assert not any("," in tag or ";" in tag for tag in tags)

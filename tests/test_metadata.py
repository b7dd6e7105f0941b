"""Metadata candidates: JSON-LD (with `@graph` references), microdata and `<meta>`, in order of trust."""

from __future__ import annotations

from articlex.html.metadata import read_metadata
from articlex.model import Source
from articlex.stages import MetaTag, MicrodataProperty, PageData


def test_json_ld_author_reference_is_resolved_in_the_graph() -> None:
    script = (
        '{"@graph": [{"@type": "NewsArticle", "author": [{"@id": "#p1"}, {"@id": "#p2"}],'
        ' "publisher": {"@id": "#org"}, "datePublished": "2024-06-18"},'
        ' {"@type": "Person", "@id": "#p1", "name": "Asha Rao"},'
        ' {"@type": "Person", "@id": "#p2", "name": "Vikram Mehta"},'
        ' {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Example News"}]}'
    )
    meta = read_metadata(PageData(json_ld=(script,)))
    assert meta.authors[0].value == ("Asha Rao", "Vikram Mehta")
    assert meta.authors[0].source is Source.JSON_LD
    assert [c.value for c in meta.organisations] == ["Example News"]
    assert meta.published[0].value == "2024-06-18"


def test_json_ld_image_and_page_references_are_resolved_in_the_graph() -> None:
    """Site plugins point the article at its image and page by id ('…/#primaryimage'): the address is the node's."""
    script = (
        '{"@graph": [{"@type": "Article", "headline": "Ferry returns",'
        ' "image": {"@id": "https://bay.example/ferry/#primaryimage"},'
        ' "mainEntityOfPage": {"@id": "https://bay.example/ferry/#webpage"}},'
        ' {"@type": "WebPage", "@id": "https://bay.example/ferry/#webpage", "url": "https://bay.example/ferry/"},'
        ' {"@type": "ImageObject", "@id": "https://bay.example/ferry/#primaryimage",'
        ' "url": "https://bay.example/media/ferry.jpg"}]}'
    )
    meta = read_metadata(PageData(json_ld=(script,)))
    assert [c.value for c in meta.images] == ["https://bay.example/media/ferry.jpg"]
    assert [c.value for c in meta.urls] == ["https://bay.example/ferry/"]


def test_organisation_author_is_an_organisation_not_a_person() -> None:
    script = '{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Reuters"}}'
    meta = read_metadata(PageData(json_ld=(script,)))
    assert meta.authors == ()
    assert [c.value for c in meta.organisations] == ["Reuters"]


def test_character_references_written_into_json_ld_are_decoded() -> None:
    """Blog engines write HTML's character references into their JSON; no HTML parser decodes them there."""
    script = (
        '{"@graph": [{"@type": "WebPage", "name": "Eggs &amp; milk &bull; Harbour Kitchen",'
        ' "description": "Three&nbsp;ways with eggs", "datePublished": "2024-06-18T09:00:00&#43;02:00",'
        ' "author": "Ana&iuml;s Brook"}, {"@type": "Organization", "name": "Brook &amp; Daughters"}]}'
    )
    meta = read_metadata(PageData(json_ld=(script,)))
    assert meta.headlines[0].value == "Eggs & milk • Harbour Kitchen"
    assert meta.descriptions[0].value == "Three ways with eggs"
    assert meta.published[0].value == "2024-06-18T09:00:00+02:00"
    assert meta.authors[0].value == ("Anaïs Brook",)
    assert [c.value for c in meta.site_names] == ["Brook & Daughters"]


def test_microdata_author_name_and_dates() -> None:
    props = (
        MicrodataProperty("name", "Asha Rao", "https://schema.org/Person", "author"),
        MicrodataProperty("datePublished", "2024-06-18", "https://schema.org/NewsArticle", ""),
    )
    meta = read_metadata(PageData(microdata=props))
    assert meta.authors[0].value == ("Asha Rao",)
    assert meta.published[0].source is Source.MICRODATA


def test_meta_author_urls_are_not_names() -> None:
    tags = (MetaTag("author", "https://www.example.com/author/asha"), MetaTag("article:author", "Asha Rao"))
    meta = read_metadata(PageData(meta=tags))
    assert [c.value for c in meta.authors] == [("Asha Rao",)]


def test_broken_json_ld_is_skipped() -> None:
    meta = read_metadata(
        PageData(json_ld=('{"@type": "NewsArticle", "headline": ', '<!-- {"@type": "Article", "headline": "Fine"} -->'))
    )
    assert [c.value for c in meta.headlines] == ["Fine"]


def test_json_ld_with_comments_trailing_commas_and_a_brace_too_many_is_repaired() -> None:
    commented = (
        '{"@type": "NewsArticle",\n\t//"interactionCount": "",\n "headline": "Kommentare",\n'
        ' "datePublished": "2020-10-04T15:05:21+08:00", // 發布時間\n "author": "王小明",}'
    )
    scripts = (
        commented,
        '{"@type": "Article", "dateModified": "2020-10-26T18:13:30+01:00"}\n    }',
        '{"@type": "WebSite", "name": "Example"}, {"@type": "Organization", "name": "Example News"};',
    )
    meta = read_metadata(PageData(json_ld=scripts))
    assert [c.value for c in meta.published] == ["2020-10-04T15:05:21+08:00"]
    assert meta.authors[0].value == ("王小明",)
    assert "Example News" in [c.value for c in meta.site_names]


def test_a_string_holding_two_slashes_is_no_comment() -> None:
    script = '{"@type": "NewsArticle", "url": "https://news.example/a", "headline": "Fine",}'
    meta = read_metadata(PageData(json_ld=(script,)))
    assert [c.value for c in meta.urls] == ["https://news.example/a"]


def test_a_recipes_ingredients_and_nested_steps_are_listed_parts() -> None:
    script = (
        '{"@type": "Recipe", "name": "Plum Crumble", "recipeIngredient": ["6 plums", "100 g oats"],'
        ' "recipeInstructions": [{"@type": "HowToSection", "name": "Fruit", "itemListElement":'
        ' [{"@type": "HowToStep", "text": "Halve the plums &amp; stone them."}]},'
        ' "Scatter the oats over the fruit."]}'
    )
    meta = read_metadata(PageData(json_ld=(script,)))
    assert meta.listed_parts == (
        "6 plums",
        "100 g oats",
        "Halve the plums & stone them.",
        "Scatter the oats over the fruit.",
    )


def test_a_page_of_several_recipes_lists_no_parts() -> None:
    one = '{"@type": "Recipe", "recipeIngredient": ["6 plums"]}'
    two = '{"@type": "Recipe", "recipeIngredient": ["2 pears"]}'
    assert read_metadata(PageData(json_ld=(one, two))).listed_parts == ()
    assert read_metadata(PageData(json_ld=(one,))).listed_parts == ("6 plums",)


def test_microdata_ingredients_and_step_texts_are_listed_parts() -> None:
    props = (
        MicrodataProperty("recipeIngredient", "6 plums", "https://schema.org/Recipe", ""),
        MicrodataProperty("text", "Halve the plums.", "https://schema.org/HowToStep", "recipeInstructions"),
        MicrodataProperty("name", "Plum Crumble", "https://schema.org/Recipe", ""),
    )
    assert read_metadata(PageData(microdata=props)).listed_parts == ("6 plums", "Halve the plums.")

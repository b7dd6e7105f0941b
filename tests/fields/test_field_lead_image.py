"""The lead image when no metadata names one: the body's first figure, when it looks like a photograph."""

from __future__ import annotations

import pytest

import articlex
from articlex.model import Source

PROSE = (
    "The ferry returned to the north pier on Saturday after a winter spent in the dry dock across the bay.",
    "Its new engines are quieter and burn less fuel, the operator said, and the crossing now takes twelve minutes.",
    "Regular passengers welcomed the boat back with a small crowd on the pier and coffee from the kiosk.",
    "The timetable for the summer months will be posted at the ticket office and on the harbour notice board.",
)
URL = "https://bay-weekly.example/news/ferry-returns"


def _page(picture: str, *, position: int = 0, head: str = "") -> str:
    paragraphs = [f"<p>{text}</p>" for text in PROSE]
    paragraphs.insert(position, picture)
    return (
        f"<html><head><title>Ferry returns | Bay Weekly</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Ferry returns</h1>{''.join(paragraphs)}</article></body></html>"
    )


def test_the_first_photograph_of_the_body_is_the_lead_image_with_its_provenance() -> None:
    picture = "<figure><img src='/media/ferry-at-pier.jpg' width='960' height='640' alt='The ferry'></figure>"
    article = articlex.extract(_page(picture), url=URL)
    assert article.image == "https://bay-weekly.example/media/ferry-at-pier.jpg"
    provenance = article.provenance["image"]
    assert provenance.source is Source.HTML_ATTRIBUTE
    assert "960x640" in provenance.evidence


def test_a_picture_after_a_paragraph_of_the_lead_still_counts() -> None:
    picture = "<figure><img src='/media/ferry-engines.jpg' alt='The engines'></figure>"
    assert (
        articlex.extract(_page(picture, position=1), url=URL).image
        == "https://bay-weekly.example/media/ferry-engines.jpg"
    )


def test_a_picture_deep_in_the_body_illustrates_a_later_part_not_the_article() -> None:
    picture = "<figure><img src='/media/timetable-board.jpg' alt='The board'></figure>"
    assert articlex.extract(_page(picture, position=3), url=URL).image is None


def test_metadata_names_the_lead_image_before_the_body_does() -> None:
    picture = "<figure><img src='/media/ferry-at-pier.jpg' alt='The ferry'></figure>"
    head = "<meta property='og:image' content='https://bay-weekly.example/media/ferry-wide.jpg'>"
    article = articlex.extract(_page(picture, head=head), url=URL)
    assert article.image == "https://bay-weekly.example/media/ferry-wide.jpg"
    assert article.provenance["image"].source is Source.OPEN_GRAPH


@pytest.mark.parametrize(
    "picture",
    [
        "<p><img src='/media/ferry-at-pier.jpg' width='16' height='16' alt=''></p>",  # an icon's size
        "<p><img src='/media/ferry.jpg?w=90' alt=''></p>",  # a thumbnail asked of an image service
        "<p><img src='/media/1x1-white.jpg' alt=''></p>",  # a size written in the file name
        "<p><img src='/media/ferry-120x80.jpg' alt=''></p>",
        "<p><img src='/theme/icons/print.png' alt='Print'></p>",  # a folder of icons
        "<p><img src='/theme/sitelogo2.png' alt=''></p>",  # a logo, its name glued to others
        "<p><img src='/media/chart.svg' alt='Chart'></p>",  # a drawing
        "<p><img src='/media/wave.gif' alt=''></p>",  # an animation
        "<p><img src='https://ads.example/adview.php?zone=3' alt=''></p>",  # an ad server's view
        "<p><a href='https://social.example/sharer.php?u=1'><img src='/media/f.png' alt='Share'></a></p>",
        "<p><a href='https://pins.example/pin/create/button/?url=1'><img src='/media/p.png' alt='Pin it'></a></p>",
    ],
)
def test_a_first_picture_that_is_no_photograph_gives_no_lead_image(picture: str) -> None:
    assert articlex.extract(_page(picture), url=URL).image is None


def test_after_a_button_the_next_picture_of_its_row_is_not_taken() -> None:
    """A row of buttons ('Previous', 'Contents', 'Next') opens some pages: only the first figure may lead."""
    buttons = "<p><img src='/nav/previous.jpg' alt='Previous'></p><p><img src='/nav/contents.jpg' alt='Contents'></p>"
    assert articlex.extract(_page(buttons), url=URL).image is None


def test_a_text_copy_has_no_lead_image() -> None:
    assert articlex.extract("Ferry returns\n\n" + "\n\n".join(PROSE)).image is None


@pytest.mark.parametrize(
    "template_image",
    [
        "https://bay-weekly.example/themes/bay/images/logo.png",
        "https://bay-weekly.example/img/bay-weekly-logo-1200x630.jpg",
        "https://cdn.example/i/blank.jpg",
        "https://bay-weekly.example/img/og-default.png",
        "https://bay-weekly.example/img/badges/weekly75.gif",
        "https://bay-weekly.example/icons/share-card.png",
    ],
)
def test_a_metadata_image_naming_the_sites_logo_or_a_stand_in_gives_way_to_the_bodys_photograph(
    template_image: str,
) -> None:
    picture = "<figure><img src='/media/ferry-at-pier.jpg' alt='The ferry'></figure>"
    head = f"<meta property='og:image' content='{template_image}'>"
    article = articlex.extract(_page(picture, head=head), url=URL)
    assert article.image == "https://bay-weekly.example/media/ferry-at-pier.jpg"
    assert article.provenance["image"].source is Source.HTML_ATTRIBUTE


def test_a_metadata_logo_with_no_photograph_in_the_body_gives_no_image() -> None:
    head = "<meta property='og:image' content='https://bay-weekly.example/themes/bay/images/logo.png'>"
    assert articlex.extract(_page("", head=head), url=URL).image is None


@pytest.mark.parametrize(
    "article_image",
    [
        "https://bay-weekly.example/sites/default/files/2024-05/ferry.jpg",  # a CMS's folder named 'default'
        "https://bay-weekly.example/storage/4/1200_default_a1b2c3.jpg",  # an image style inside the name
        "https://bay-weekly.example/media/ferry-share.jpg",  # furniture words say nothing in metadata
    ],
)
def test_a_metadata_image_of_the_article_is_kept(article_image: str) -> None:
    head = f"<meta property='og:image' content='{article_image}'>"
    article = articlex.extract(_page("", head=head), url=URL)
    assert article.image == article_image
    assert article.provenance["image"].source is Source.OPEN_GRAPH


def test_an_aspect_ratio_in_a_file_name_is_no_size() -> None:
    picture = "<figure><img src='/media/ferry_16x9.jpg' alt='The ferry'></figure>"
    assert articlex.extract(_page(picture), url=URL).image == "https://bay-weekly.example/media/ferry_16x9.jpg"

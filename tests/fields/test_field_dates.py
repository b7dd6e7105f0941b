"""Publication and update dates: machine dates, dates shown near the headline, the address; never invented."""

from __future__ import annotations

import datetime as dt

import pytest
from field_pages import article_page, json_ld

from articlex import Options, extract
from articlex.fields.dates import find_visible_date, numeric_order, parse_machine_date, visible_dates

UTC = dt.UTC


# ---- machine dates: only the parts given ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-06-18", dt.date(2024, 6, 18)),
        ("2024-06-18T10:30:00+05:30", dt.datetime(2024, 6, 18, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=5.5)))),
        ("2024-06-18T10:30:00Z", dt.datetime(2024, 6, 18, 10, 30, tzinfo=UTC)),
        ("2023-11-05 14:09", dt.datetime(2023, 11, 5, 14, 9)),  # noqa: DTZ001 - no zone given, none invented
        ("20240618", dt.date(2024, 6, 18)),
        ("06.11.2023", dt.date(2023, 11, 6)),  # dots: day first
        ("11/01/2023 12:43:42", dt.datetime(2023, 11, 1, 12, 43, 42)),  # noqa: DTZ001 - slashes: month first
        ("06-08-2009T14:12:32+0200", dt.datetime(2009, 8, 6, 14, 12, 32, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
    ],
)
def test_machine_dates_keep_only_what_is_given(text: str, expected: dt.date) -> None:
    assert parse_machine_date(text) == expected


@pytest.mark.parametrize("text", ["", "permanent link", "1970-01-01", "2999-01-01", "June"])
def test_machine_dates_that_are_not_plausible_are_none(text: str) -> None:
    assert parse_machine_date(text) is None


def test_a_date_after_the_reference_day_is_not_plausible() -> None:
    assert parse_machine_date("2024-07-01", dt.date(2024, 6, 18)) is None


# ---- visible dates: formats, languages, labels ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 Jun, 2024", dt.date(2024, 6, 18)),
        ("June 18, 2024 10:30 am", dt.datetime(2024, 6, 18, 10, 30)),  # noqa: DTZ001
        ("18.06.2024", dt.date(2024, 6, 18)),
        ("Dienstag, 18. Juni 2024, 14:09 Uhr", dt.datetime(2024, 6, 18, 14, 9)),  # noqa: DTZ001
        ("mardi 18 juin 2024", dt.date(2024, 6, 18)),
        ("martes 17 de marzo de 2020", dt.date(2020, 3, 17)),
        ("18 июня 2024", dt.date(2024, 6, 18)),
        ("2024年6月18日", dt.date(2024, 6, 18)),
    ],
)
def test_visible_dates_in_many_formats_and_languages(text: str, expected: dt.date) -> None:
    assert find_visible_date(text, month_first=False, reference=None) == expected


def test_labels_say_which_date_is_which() -> None:
    seen = visible_dates("Veröffentlicht am 10.02.2019 | Aktualisiert am 12.02.2019", month_first=False, reference=None)
    assert [(s.value, s.role) for s in seen] == [
        (dt.date(2019, 2, 10), "published"),
        (dt.date(2019, 2, 12), "updated"),
    ]


def test_numeric_order_comes_from_dates_only_one_order_can_read() -> None:
    assert numeric_order(["posted 25/06/2024"]) is False
    assert numeric_order(["posted 06/25/2024"]) is True
    assert numeric_order(["posted 06/07/2024"]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2 hours ago", dt.date(2024, 6, 18)), ("vor 3 Tagen", dt.date(2024, 6, 15)), ("yesterday", dt.date(2024, 6, 17))],
)
def test_relative_dates_count_back_from_the_reference_day(text: str, expected: dt.date) -> None:
    reference = dt.date(2024, 6, 18)
    found = find_visible_date(text, month_first=False, reference=reference)
    assert found is not None
    day = found.date() if isinstance(found, dt.datetime) else found
    assert day == expected


def test_relative_dates_without_a_reference_day_are_none() -> None:
    assert find_visible_date("2 hours ago", month_first=False, reference=None) is None


# ---- on pages ------------------------------------------------------------------------------


def test_wordpress_time_element_gives_the_published_time() -> None:
    meta = (
        '<div class="entry-meta">Posted on <time class="entry-date published" datetime="2023-11-05 14:09">'
        "November 5, 2023</time></div>"
    )
    article = extract(article_page(below=meta))
    assert article.published == dt.datetime(2023, 11, 5, 14, 9)  # noqa: DTZ001


def test_blogger_abbr_published_title_gives_the_published_time() -> None:
    meta = '<div class="post-footer">Posted at <abbr class="published" title="2016-12-23T05:11:00-05:00">5:11 AM</abbr></div>'
    article = extract(article_page(below=meta))
    assert article.published == dt.datetime(2016, 12, 23, 5, 11, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def test_german_date_under_the_headline_is_the_published_day() -> None:
    article = extract(article_page(below='<div class="meta">18.06.2024</div>', lang="de"))
    assert article.published == dt.date(2024, 6, 18)


def test_date_with_month_name_in_french() -> None:
    article = extract(article_page(below="<p>Publié le 18 juin 2024 à 10h30</p>", lang="fr"))
    assert article.published == dt.datetime(2024, 6, 18, 10, 30)  # noqa: DTZ001


def test_published_and_updated_are_kept_apart() -> None:
    line = "<p>Veröffentlicht am 10.02.2019 | Aktualisiert am 12.02.2019</p>"
    article = extract(article_page(below=line, lang="de"))
    assert article.published == dt.date(2019, 2, 10)
    assert article.updated == dt.date(2019, 2, 12)


def test_an_update_date_alone_is_not_the_publication_date() -> None:
    article = extract(article_page(below="<p>Mis à jour le 18 juin 2024</p>", lang="fr"))
    assert article.published is None
    assert article.updated == dt.date(2024, 6, 18)


def test_machine_update_date_is_the_update() -> None:
    head = '<meta property="article:published_time" content="2024-06-18T08:00:00Z">'
    head += '<meta property="article:modified_time" content="2024-06-19T09:00:00Z">'
    article = extract(article_page(head=head))
    assert article.published == dt.datetime(2024, 6, 18, 8, 0, tzinfo=UTC)
    assert article.updated == dt.datetime(2024, 6, 19, 9, 0, tzinfo=UTC)


def test_numeric_date_reads_month_first_on_a_us_english_page() -> None:
    article = extract(article_page(below='<div class="date">06/07/2024</div>', lang="en-US"))
    assert article.published == dt.date(2024, 6, 7)


def test_numeric_date_reads_day_first_on_a_german_page() -> None:
    article = extract(article_page(below='<div class="date">06/07/2024</div>', lang="de"))
    assert article.published == dt.date(2024, 7, 6)


def test_other_dates_on_the_page_settle_the_numeric_order() -> None:
    teaser = '<aside class="related"><p>Older story 25/05/2024</p></aside>'
    article = extract(article_page(below='<div class="date">06/07/2024</div>', after_body=teaser, lang="en-US"))
    assert article.published == dt.date(2024, 7, 6)


def test_relative_date_needs_the_reference_day() -> None:
    page = article_page(below='<div class="byline">By Asha Rao | 2 hours ago</div>')
    assert extract(page).published is None
    dated = extract(page, options=Options(reference_date=dt.date(2024, 6, 18)))
    assert dated.published is not None


def test_utc_timestamp_past_midnight_gives_the_local_day_of_the_address() -> None:
    head = json_ld('{"@type": "NewsArticle", "datePublished": "2023-11-09T01:09:55+00:00"}')
    article = extract(article_page(head=head), url="https://news.example/2023/11/08/budget-vote/")
    assert article.published == dt.date(2023, 11, 8)


def test_utc_timestamp_past_midnight_gives_the_local_day_shown() -> None:
    head = json_ld('{"@type": "NewsArticle", "datePublished": "2023-11-09T04:15:00+00:00"}')
    line = '<div class="byline">By Asha Rao | November 8, 2023, 11:15 PM</div>'
    article = extract(article_page(head=head, below=line))
    assert article.published == dt.datetime(2023, 11, 8, 23, 15)  # noqa: DTZ001


def test_a_timestamp_no_zone_can_move_keeps_its_day() -> None:
    head = json_ld('{"@type": "NewsArticle", "datePublished": "2020-02-19T18:37:32+01:00"}')
    article = extract(article_page(head=head), url="https://news.example/2020/02/18/draft-day/")
    assert article.published == dt.datetime(2020, 2, 19, 18, 37, 32, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def test_the_address_dates_a_page_without_other_dates() -> None:
    article = extract(article_page(), url="https://news.example/2024/06/18/budget/")
    assert article.published == dt.date(2024, 6, 18)


def test_dates_in_comments_and_related_lists_are_not_the_article_date() -> None:
    comments = '<section id="comments"><div class="comment-meta">June 20, 2024 at 9:15 am</div><p>Nice.</p></section>'
    related = '<aside class="related-posts"><ul><li><a href="/a">Older story</a> June 1, 2024</li></ul></aside>'
    article = extract(article_page(below=related, after_body=comments))
    assert article.published is None


def test_site_banner_update_date_above_the_headline_is_not_the_article_date() -> None:
    article = extract(article_page(above="<p>Last updated: 18 Jun, 2024</p>"))
    assert article.published is None
    assert article.updated is None


def test_date_opening_the_first_paragraph() -> None:
    body = ("(18.01.2018) " + "Farmers fear the spread of the disease, officials said on Thursday, as tests continue.",)
    article = extract(article_page(body=(*body, "More text follows here, with details, figures and quotes.")))
    assert article.published == dt.date(2018, 1, 18)

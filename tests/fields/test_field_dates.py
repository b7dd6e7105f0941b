"""Publication and update dates: machine dates, dates shown near the headline, the address; never invented."""

from __future__ import annotations

import datetime as dt

import pytest
from field_pages import PROSE, article_page, json_ld

from articlex import Options, extract
from articlex.date_text import find_visible_date, numeric_order, parse_machine_date, visible_dates

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
        ("2024. június 18.", dt.date(2024, 6, 18)),  # the year first, Hungarian
        ("2024 m. birželio 18 d.", dt.date(2024, 6, 18)),  # the year first, Lithuanian
        ("18 يونيو 2024", dt.date(2024, 6, 18)),
        ("18 تشرين الأول 2024", dt.date(2024, 10, 18)),  # the Levantine month names, of two words
        ("18 ביוני 2024", dt.date(2024, 6, 18)),
        ("18 юни 2024", dt.date(2024, 6, 18)),
        ("18. juuni 2024", dt.date(2024, 6, 18)),
        ("18 जून 2024", dt.date(2024, 6, 18)),
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


def test_labels_in_a_right_to_left_script_say_which_date_is_which() -> None:
    seen = visible_dates("آخر تحديث: 5 يونيو 2024 | تاريخ النشر: 3 يونيو 2024", month_first=False, reference=None)
    assert [(s.value, s.role) for s in seen] == [(dt.date(2024, 6, 5), "updated"), (dt.date(2024, 6, 3), "published")]


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


def test_a_date_right_above_the_headline_dates_the_article() -> None:
    """A blog's date header over its post's title, a news page's date over its headline."""
    assert extract(article_page(above="<p>Monday, 3 May 2021</p>")).published == dt.date(2021, 5, 3)
    text = "\n\n".join(["Harbour Gazette", "Monday, 3 May 2021", "Ferry service resumes at the old pier", *PROSE])
    assert extract(text, options=Options(input_kind="text")).published == dt.date(2021, 5, 3)


def test_a_date_further_above_the_headline_is_the_site_s() -> None:
    """The day the site shows in its header, a line of links away from the headline, dates no article."""
    lines = ["Monday, 3 May 2021", "Home News Sport Weather", "Ferry service resumes at the old pier", *PROSE]
    assert extract("\n\n".join(["Harbour Gazette", *lines]), options=Options(input_kind="text")).published is None


def test_date_opening_the_first_paragraph() -> None:
    body = ("(18.01.2018) " + "Farmers fear the spread of the disease, officials said on Thursday, as tests continue.",)
    article = extract(article_page(body=(*body, "More text follows here, with details, figures and quotes.")))
    assert article.published == dt.date(2018, 1, 18)


# ---- machine dates that need care ------------------------------------------------------------


def test_a_malformed_machine_date_keeps_its_day() -> None:
    assert parse_machine_date("2022-01-10T22:06:08:684Z") == dt.date(2022, 1, 10)


def test_iso_machine_dates_are_read_with_their_zone() -> None:
    assert parse_machine_date("2024-06-18T10:30+05:30") == dt.datetime(
        2024, 6, 18, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=5.5))
    )
    assert parse_machine_date("2024-02-30T10:30:00Z") is None


# ---- two-digit years, where a date is expected ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("Party, 30.10.23", False, dt.date(2023, 10, 30)),
        ("Hans-Dieter Wallmeier, 8.5.12", False, dt.date(2012, 5, 8)),
        ("02.12.19", True, dt.date(2019, 12, 2)),  # dots are day first, even on an English page
        ("6/13/18", True, dt.date(2018, 6, 13)),
        ("13/6/98", False, dt.date(1998, 6, 13)),
    ],
)
def test_short_years_are_read_where_a_date_is_expected(text: str, month_first: bool, expected: dt.date) -> None:
    seen = visible_dates(text, month_first=month_first, reference=None, short_years=True)
    assert [s.value for s in seen] == [expected]


@pytest.mark.parametrize("text", ["10.30.45", "Version 1.2.12.4", "3.14.159"])
def test_clock_times_and_version_numbers_are_not_short_dates(text: str) -> None:
    assert visible_dates(text, month_first=False, reference=None, short_years=True) == []


def test_short_years_are_not_read_in_running_text() -> None:
    assert visible_dates("Party, 30.10.23", month_first=False, reference=None) == []


def test_a_date_element_with_a_short_year() -> None:
    article = extract(article_page(above='<div class="date">Kultur, 2.11.22</div>', lang="de"))
    assert article.published == dt.date(2022, 11, 2)


def test_a_shown_date_in_the_other_order_is_the_machine_date() -> None:
    head = json_ld('{"@type": "NewsArticle", "datePublished": "2017-11-03T03:01:00"}')
    article = extract(article_page(head=head, below='<div class="date">11.3.17</div>'))
    assert article.published == dt.datetime(2017, 11, 3, 3, 1)  # noqa: DTZ001 - no zone given


# ---- which shown date --------------------------------------------------------------------------


def test_the_date_readers_see_wins_over_a_hidden_machine_value() -> None:
    head = '<meta property="article:published_time" content="2022-12-04T15:00:00+01:00">'
    below = (
        '<p class="credit">04. Dezember 2022</p>'
        '<div itemprop="articleBody"><meta itemprop="datePublished" content="2022-12-06T14:42:13+01:00"></div>'
    )
    article = extract(article_page(head=head, below=below, lang="de"))
    assert article.published == dt.date(2022, 12, 4)  # as shown, not the hidden 6 December


def test_date_opening_the_first_paragraph_of_prose_after_a_repeated_title() -> None:
    body = (
        "Nebenkosten: Pflichten im Überblick",
        "(21. November 2022) Mieter erhalten eine Nachforderung, sagen die Fachleute, und sie fragen, was jetzt gilt.",
        "Mehr Text folgt hier, mit Einzelheiten, Zahlen und Zitaten aus der Branche.",
    )
    article = extract(article_page(headline="Mieten", body=body, lang="de"))
    assert article.published == dt.date(2022, 11, 21)


def test_a_day_first_date_in_the_address() -> None:
    article = extract(article_page(), url="https://verein.example/meldungen/29-10-2021")
    assert article.published == dt.date(2021, 10, 29)


def test_an_ambiguous_day_and_month_in_the_address_is_not_read() -> None:
    assert extract(article_page(), url="https://verein.example/meldungen/05-10-2021").published is None


def test_a_date_element_of_another_story_beside_the_body_does_not_override_the_metadata() -> None:
    head = json_ld('{"@type": "NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00"}')
    teaser = (
        '<div class="teaser"><a href="/other">Zwei neue Fälle in der Region</a>'
        '<div class="article-date-time">09.08.2020 u 10:52</div></div>'
    )
    body = (PROSE[0], teaser, *PROSE[1:])
    article = extract(article_page(head=head, body=body, lang="bs"))
    assert article.published == dt.datetime(2020, 10, 26, 18, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))


# ---- a label in a block of its own, dates that close the article, lists of stories -------------


@pytest.mark.parametrize(
    ("label", "date", "lang", "expected"),
    [
        ("Mise en ligne", "17 juin 2021", "fr", dt.date(2021, 6, 17)),
        ("Veröffentlicht am:", "02.04.2021", "de", dt.date(2021, 4, 2)),
        ("Published", "June 5, 2020", "en", dt.date(2020, 6, 5)),
    ],
)
def test_a_date_under_its_label_in_a_fact_box(label: str, date: str, lang: str, expected: dt.date) -> None:
    box = f'<aside class="sidebar"><dl><dt>{label}</dt><dd>{date}</dd><dt>Voix</dt><dd>A. Martin</dd></dl></aside>'
    article = extract(article_page(after_body=box, lang=lang))
    assert article.published == expected


def test_an_update_date_under_its_label_is_the_update() -> None:
    box = '<aside class="sidebar"><dl><dt>Aktualisiert</dt><dd>06.09.2020</dd></dl></aside>'
    article = extract(article_page(after_body=box, lang="de"))
    assert article.published is None
    assert article.updated == dt.date(2020, 9, 6)


@pytest.mark.parametrize(
    ("signature", "lang", "expected"),
    [
        ("Jonas<br>14. Oktober 2018", "de", dt.date(2018, 10, 14)),
        ("Jane Doe, March 3, 2021", "en", dt.date(2021, 3, 3)),
        ("Lyon, le 4 février 2016", "fr", dt.date(2016, 2, 4)),
    ],
)
def test_a_signature_with_its_date_closes_the_article(signature: str, lang: str, expected: dt.date) -> None:
    article = extract(article_page(after_body=f'<p class="signature">{signature}</p>', lang=lang))
    assert article.published == expected


def test_an_update_date_closing_the_article_is_not_the_publication_date() -> None:
    article = extract(article_page(after_body="<p>Aktualisiert: 11.05.2015</p>", lang="de"))
    assert article.published is None


@pytest.mark.parametrize(
    ("closing", "lang", "expected"),
    [
        (
            (
                "This entry was posted on Tuesday, March 8th, 2016 at 10:00 am and is filed under News. "
                "You can follow any responses to this entry through the RSS 2.0 feed."
            ),
            "en",
            dt.datetime(2016, 3, 8, 10, 0),  # noqa: DTZ001 - no zone given
        ),
        (
            (
                "Dieser Beitrag wurde am Dienstag, 8. März 2016 um 10:00 Uhr veröffentlicht und unter News "
                "abgelegt. Kommentare und Pings sind geschlossen."
            ),
            "de",
            dt.datetime(2016, 3, 8, 10, 0),  # noqa: DTZ001 - no zone given
        ),
    ],
)
def test_a_last_paragraph_that_says_when_the_post_was_published(closing: str, lang: str, expected: dt.date) -> None:
    article = extract(article_page(body=(*PROSE, closing), lang=lang))
    assert article.published == expected


def test_the_post_footer_line_dates_the_post_and_stays_out_of_its_text() -> None:
    """A blog engine's line under the post, after its share buttons, says when it was posted: not article text."""
    footer = (
        '<div class="share"><a href="/s">Share</a> <a href="/t">Tweet</a></div>'
        "<p>This entry was posted in Garden, Weather and tagged rain on May 3, 2012 by Ada Quill. "
        "Bookmark the permalink.</p>"
    )
    article = extract(article_page(after_body=footer))
    assert article.published == dt.date(2012, 5, 3)
    assert "This entry was posted" not in article.text
    assert PROSE[-1] in article.text


def test_a_date_inside_the_last_paragraph_of_prose_does_not_date_the_article() -> None:
    closing = "The contracts, which the council and the unions signed on 8 March 2016, remain valid, officials said."
    assert extract(article_page(body=(*PROSE, closing))).published is None


@pytest.mark.parametrize(
    ("line", "lang", "author", "expected"),
    [
        ("Gespeichert von mkoller am 12. März 2019 - 09:40", "de", "mkoller", dt.datetime(2019, 3, 12, 9, 40)),  # noqa: DTZ001
        ("Submitted by Jane Doe on 5 October 2020", "en", "Jane Doe", dt.date(2020, 10, 5)),
    ],
)
def test_a_signed_and_dated_line_after_the_body(line: str, lang: str, author: str, expected: dt.date) -> None:
    after = f'<div class="links"><a href="/tags/x">Tags</a></div><div class="node-footer">{line}</div>'
    article = extract(article_page(after_body=after, lang=lang))
    assert article.published == expected
    assert article.authors == (author,)


def test_a_list_of_dated_stories_without_a_headline_dates_nothing() -> None:
    posts = "".join(
        f'<div class="post"><h2><a href="/p{n}">Story number {n}</a></h2><div class="date">{day}</div>'
        f'<p>{PROSE[n % len(PROSE)]}</p><div class="author">Writer {n}</div></div>'
        for n, day in enumerate(("May 21, 2019", "May 9, 2019", "April 30, 2019", "April 2, 2019"))
    )
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Blog</title></head><body>'
        f"<main>{posts}</main></body></html>"
    )
    article = extract(page)
    assert article.headline != "Story number 0"
    assert article.published is None

"""Readers' comments (`Options(include_comments=True)` → `Article.comments`), and the body they never change.

Every page here is invented.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlex
from articlex import Article, Label, Options
from articlex.cli import main
from articlex.model import Comment

WITH_COMMENTS = Options(include_comments=True)

POST = """<!doctype html><html lang="en"><head><title>Planting garlic in autumn - Quiet Acre</title></head><body>
<header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
<main><article class="post">
<h1 class="entry-title">Planting garlic in autumn</h1>
<div class="entry-meta">Posted on <time class="entry-date published" datetime="2023-10-02T08:00:00+00:00">October 2,
2023</time> by <span class="author vcard"><a class="url fn n" href="/author/wren">Wren Ashdown</a></span></div>
<div class="entry-content">
<p>Garlic wants a cold spell to split into cloves, so the cloves go into the ground in autumn, some four to six weeks
before the soil freezes hard.</p>
<p>Pick the largest bulbs from last year's harvest, break them apart the day before planting and keep the papery skin
on each clove.</p>
<p>Set the cloves pointed end up, two fingers deep and a hand apart, in rows a little wider than a spade. Cover them
with a thin mulch of straw.</p>
<p>In spring the green shoots come up early; water them only in a dry spell and pull the weeds by hand, since the roots
sit shallow.</p>
</div></article>
{comments}
</main><footer class="site-footer"><p>© 2023 Quiet Acre</p></footer></body></html>"""

WORDPRESS_COMMENTS = """<div id="comments" class="comments-area">
<h2 class="comments-title">3 thoughts on “Planting garlic in autumn”</h2>
<ol class="comment-list">
<li id="comment-41" class="comment even thread-even depth-1 parent">
<article id="div-comment-41" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="/a.png"><b class="fn">Oskar
Pennywhistle</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-41"><time datetime="2023-10-03T19:14:00+00:00">October 3, 2023 at
7:14 pm</time></a></div></footer>
<div class="comment-content"><p>I planted mine far too late last year and the bulbs stayed tiny. Going to try the straw
this time.</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#">Reply</a></div>
</article>
<ol class="children">
<li id="comment-42" class="comment byuser bypostauthor odd alt depth-2">
<article id="div-comment-42" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn"><a href="/" class="url">Wren
Ashdown</a></b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-42"><time datetime="2023-10-04">October 4, 2023</time></a></div>
</footer>
<div class="comment-content"><p>Late planting is the usual culprit. The straw keeps the frost from lifting the
cloves.</p><p>Good luck with it!</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#">Reply</a></div>
</article></li></ol></li>
<li id="comment-43" class="comment even thread-odd depth-1">
<article id="div-comment-43" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Marigold</b> <span
class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-43">5 October 2023</a></div></footer>
<div class="comment-content"><p>Does softneck garlic need the same cold spell as hardneck?</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#">Reply</a></div>
</article></li>
</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form class="comment-form"><p class="comment-notes">Your email address will not be published.</p>
<textarea></textarea></form></div>
</div>"""

FORUM = """<!doctype html><html lang="en"><head><title>Starter too runny after feeding? - Crumb Forum</title></head>
<body><nav><a href="/">Forum</a> <a href="/baking">Baking</a></nav>
<div class="thread">
<article class="post first-post">
<h1>Starter too runny after feeding?</h1>
<div class="post-header"><span class="username" itemprop="author">doughnovice</span> ·
<span class="post-date">11 March 2024</span></div>
<div class="post-body"><p>My rye starter turns into soup about six hours after each feeding. I feed it equal weights
of flour and water twice a day and keep it on the kitchen shelf.</p>
<p>It smells fine and it bubbles, but the bread comes out flat. Should I use less water, or is the flour the problem
here?</p></div>
</article>
<section class="replies" id="replies">
<h2>2 replies</h2>
<div class="post" id="post-2">
<div class="post-header"><span class="username" itemprop="author">crumbhunter</span> ·
<span class="post-date">12 March 2024</span></div>
<div class="post-body"><p>Rye takes up more water than wheat, but a runny starter usually means it has peaked and
collapsed. Try feeding it with a little less water.</p></div>
<div class="post-actions"><a href="#">Quote</a> <a href="#">Report</a></div>
</div>
<div class="post" id="post-3">
<div class="post-header"><span class="username" itemprop="author">ovenmitt</span> ·
<span class="post-date">13 March 2024</span></div>
<div class="post-body"><p>Agree with the above. Also a cooler shelf slows it down, so it does not collapse before
you bake.</p></div>
<div class="post-actions">Quote · Report</div>
</div>
</section>
</div>
<footer><p>Crumb Forum · Rules · Privacy</p></footer>
</body></html>"""

UNDATED_COMMENTS = """<section class="comments"><h2>Comments</h2><ul>
<li class="comment"><p class="commenter">Juniper</p><p>Lovely write-up, thank you for the tip about the straw.</p></li>
<li class="comment"><p>Mine came up in January already, is that a problem for the harvest?</p></li>
</ul><ul class="report-menu"><li>Spam</li><li>Off topic</li></ul></section>"""


def without_comments(article: Article) -> dict[str, object]:
    return article.model_dump(exclude={"comments"})


# ---- a blog's comment list ------------------------------------------------------------------


def test_wordpress_comments_give_author_date_and_text_each() -> None:
    article = articlex.extract(POST.format(comments=WORDPRESS_COMMENTS), options=WITH_COMMENTS)
    assert [(c.author, c.published, c.text) for c in article.comments] == [
        (
            "Oskar Pennywhistle",
            dt.datetime(2023, 10, 3, 19, 14, tzinfo=dt.UTC),
            "I planted mine far too late last year and the bulbs stayed tiny. Going to try the straw this time.",
        ),
        (
            "Wren Ashdown",
            dt.date(2023, 10, 4),
            "Late planting is the usual culprit. The straw keeps the frost from lifting the cloves.\n\nGood luck with it!",
        ),
        ("Marigold", dt.date(2023, 10, 5), "Does softneck garlic need the same cold spell as hardneck?"),
    ]


def test_comment_blocks_are_boilerplate_decisions_of_its_own_text() -> None:
    article = articlex.extract(POST.format(comments=WORDPRESS_COMMENTS), options=WITH_COMMENTS)
    decisions = {decision.index: decision for decision in article.decisions}
    for comment in article.comments:
        assert comment.blocks == tuple(sorted(comment.blocks))
        assert all(decisions[index].label is Label.BOILERPLATE for index in comment.blocks)
        previews = [decisions[index].preview for index in comment.blocks]
        assert any(comment.text.startswith(preview) for preview in previews)
        assert "Reply" not in previews


def test_the_section_heading_and_the_reply_form_are_no_comment() -> None:
    article = articlex.extract(POST.format(comments=WORDPRESS_COMMENTS), options=WITH_COMMENTS)
    texts = " ".join(comment.text for comment in article.comments)
    assert "thoughts on" not in texts
    assert "Leave a Reply" not in texts
    assert "email address" not in texts


def test_the_body_is_the_same_with_and_without_comments() -> None:
    html = POST.format(comments=WORDPRESS_COMMENTS)
    plain, commented = articlex.extract(html), articlex.extract(html, options=WITH_COMMENTS)
    assert plain.comments == ()
    assert len(commented.comments) == 3
    assert without_comments(plain) == without_comments(commented)
    assert not any("softneck" in paragraph for paragraph in commented.paragraphs)


def test_comments_are_off_by_default() -> None:
    assert articlex.extract(POST.format(comments=WORDPRESS_COMMENTS)).comments == ()
    assert Options().include_comments is False


def test_comments_survive_a_json_round_trip() -> None:
    article = articlex.extract(POST.format(comments=WORDPRESS_COMMENTS), options=WITH_COMMENTS)
    again = Article.model_validate_json(article.model_dump_json())
    assert again.comments == article.comments
    assert isinstance(again.comments[1].published, dt.date)
    assert not isinstance(again.comments[1].published, dt.datetime)


# ---- a forum thread and other shapes --------------------------------------------------------


def test_forum_replies_are_comments_and_the_opening_post_is_the_body() -> None:
    article = articlex.extract(FORUM, options=WITH_COMMENTS)
    assert article.paragraphs[0].startswith("My rye starter")
    assert [(c.author, c.published) for c in article.comments] == [
        ("crumbhunter", dt.date(2024, 3, 12)),
        ("ovenmitt", dt.date(2024, 3, 13)),
    ]
    assert article.comments[1].text.startswith("Agree with the above.")
    assert "Quote" not in article.comments[1].text  # a row of buttons, links or not, is no text


def test_a_section_without_dates_gives_one_comment_per_item() -> None:
    article = articlex.extract(POST.format(comments=UNDATED_COMMENTS), options=WITH_COMMENTS)
    assert [(c.author, c.published) for c in article.comments] == [("Juniper", None), (None, None)]
    assert article.comments[1].text.startswith("Mine came up in January")


def test_an_undated_list_not_named_for_comments_is_no_comment() -> None:
    unnamed = UNDATED_COMMENTS.replace(' class="comment"', "")
    assert articlex.extract(POST.format(comments=unnamed), options=WITH_COMMENTS).comments == ()


def test_the_name_on_a_date_line_is_read_when_a_says_word_follows_it() -> None:
    thread = """<div id="comments"><ol class="commentlist"><li class="comment">
<div class="comment-head">16 Oct 2023 at 9:05 pm / #4 Ilse Marrow says:</div>
<div class="comment-entry"><p>We grow the purple kind, it keeps until March in a cool shed.</p></div></li>
<li class="comment"><div class="comment-head">17 Oct 2023 / Quentin</div>
<div class="comment-entry"><p>Straw it is, then. Thanks for the write-up.</p></div></li></ol></div>"""
    article = articlex.extract(POST.format(comments=thread), options=WITH_COMMENTS)
    assert [(c.author, c.published) for c in article.comments] == [
        ("Ilse Marrow", dt.datetime(2023, 10, 16, 21, 5)),  # noqa: DTZ001 - the page gives no zone
        (None, dt.date(2023, 10, 17)),  # a name without 'says' or an author element is not believed
    ]


def test_a_comment_ending_with_said_keeps_its_sentence() -> None:
    thread = """<div id="comments"><ol class="commentlist"><li class="comment">
<div class="comment-author">Pim says:</div><div class="comment-date">18 Oct 2023</div>
<div class="comment-entry"><p>Plant them deep, my gran said.</p></div></li></ol></div>"""
    article = articlex.extract(POST.format(comments=thread), options=WITH_COMMENTS)
    assert [(c.author, c.text) for c in article.comments] == [("Pim", "Plant them deep, my gran said.")]


def test_a_recent_comments_widget_is_no_comment_of_the_article() -> None:
    entries = """<h3>Recent comments</h3><ul>
<li class="recentcomments"><div>4 May 2023</div><p>Pim on Onions from sets: worth it for a small bed</p></li>
<li class="recentcomments"><div>2 May 2023</div><p>Ilse on Leeks in trenches: mine rotted in the wet</p></li></ul>"""
    in_the_sidebar = f'<aside class="sidebar"><div class="widget">{entries}</div></aside>'
    assert articlex.extract(POST.format(comments=in_the_sidebar), options=WITH_COMMENTS).comments == ()
    below_the_post = f'<div class="comments">{entries}</div>'
    assert len(articlex.extract(POST.format(comments=below_the_post), options=WITH_COMMENTS).comments) == 2


def test_a_page_without_comments_has_none() -> None:
    closed = '<p class="comments-closed">Comments are closed.</p>'
    for html in (POST.format(comments=""), POST.format(comments=closed)):
        article = articlex.extract(html, options=WITH_COMMENTS)
        assert article.comments == ()
        assert len(article.paragraphs) == 4


def test_text_input_has_no_comments() -> None:
    text = "Planting garlic\n\nGarlic wants a cold spell. " * 3 + "\n\nComments\n\nOskar\n\nGreat post, thanks!"
    assert articlex.extract(text, options=Options(input_kind="text", include_comments=True)).comments == ()


def test_the_command_line_reads_comments_with_its_flag_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page_file = tmp_path / "thread.html"
    page_file.write_text(FORUM, encoding="utf-8")
    assert main(["--comments", str(page_file)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [comment["author"] for comment in printed["comments"]] == ["crumbhunter", "ovenmitt"]
    assert main([str(page_file)]) == 0
    assert json.loads(capsys.readouterr().out)["comments"] == []


# ---- JSON-LD comments -----------------------------------------------------------------------

JSON_LD_THREAD = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
{"@type": "BlogPosting", "headline": "Planting garlic in autumn", "comment": [
  {"@type": "Comment", "author": {"@type": "Person", "name": "Tamsin Reed"}, "dateCreated": "2023-10-06T09:30:00+02:00",
   "text": "We mulch with leaves instead of straw and it works just as well."},
  {"@id": "#c2"},
  {"@type": "Comment", "author": "nobody", "text": ""}]},
{"@type": "Comment", "@id": "#c2", "author": {"@id": "#p9"}, "datePublished": "2023-10-07",
 "text": "Thanks, trying this weekend."},
{"@type": "Person", "@id": "#p9", "name": "Bram Oosting"}]}</script>"""


def with_json_ld(html: str) -> str:
    return html.replace("</head>", JSON_LD_THREAD + "</head>")


def test_json_ld_comments_are_read_when_the_page_shows_none() -> None:
    article = articlex.extract(with_json_ld(POST.format(comments="")), options=WITH_COMMENTS)
    assert article.comments == (
        Comment(
            author="Tamsin Reed",
            published=dt.datetime(2023, 10, 6, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            text="We mulch with leaves instead of straw and it works just as well.",
        ),
        Comment(author="Bram Oosting", published=dt.date(2023, 10, 7), text="Thanks, trying this weekend."),
    )
    assert all(comment.blocks == () for comment in article.comments)


def test_the_comments_the_page_shows_come_before_its_json_ld() -> None:
    article = articlex.extract(with_json_ld(POST.format(comments=WORDPRESS_COMMENTS)), options=WITH_COMMENTS)
    assert [comment.author for comment in article.comments] == ["Oskar Pennywhistle", "Wren Ashdown", "Marigold"]
    assert articlex.extract(with_json_ld(POST.format(comments=""))).comments == ()


# ---- property -------------------------------------------------------------------------------

NAMES = ("Ada Quill", "brambleowl", "Teodor Vass", "Mina", "oakleaf_42")
WORDS = ("straw", "cloves", "frost", "garden", "harvest", "spring", "soil", "rows", "water", "bulbs", "weeds")


@st.composite
def comment_threads(draw: st.DrawFn) -> list[tuple[str, dt.date, str]]:
    """Up to six comments: an invented name, a day, a sentence of garden words."""
    count = draw(st.integers(min_value=0, max_value=6))
    thread = []
    for _ in range(count):
        name = draw(st.sampled_from(NAMES))
        day = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2024, 12, 31)))
        words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=25))
        thread.append((name, day, " ".join(words).capitalize() + "."))
    return thread


def wordpress_list(thread: list[tuple[str, dt.date, str]]) -> str:
    items = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">{name}</b> <span class="says">says:</span></div>'
        f'<div class="comment-metadata"><time datetime="{day.isoformat()}">{day:%d %B %Y}</time></div></footer>'
        f'<div class="comment-content"><p>{text}</p></div>'
        f'<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article></li>'
        for name, day, text in thread
    )
    return f'<div id="comments" class="comments-area"><ol class="comment-list">{items}</ol></div>'


@settings(max_examples=40, deadline=None)
@given(comment_threads())
def test_every_listed_comment_is_read_and_the_body_stays(thread: list[tuple[str, dt.date, str]]) -> None:
    html = POST.format(comments=wordpress_list(thread))
    commented = articlex.extract(html, options=WITH_COMMENTS)
    assert commented.comments == tuple(
        Comment(author=name, published=day, text=text, blocks=comment.blocks)
        for (name, day, text), comment in zip(thread, commented.comments, strict=True)
    )
    assert without_comments(commented) == without_comments(articlex.extract(html))

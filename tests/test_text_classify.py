"""Stage 3 on plain text: small pages written as a browser copies them, one behaviour per test."""

from __future__ import annotations

import pytest

from articlex import BlockKind, Label, Options
from articlex.classify import classify
from articlex.read.reading import read
from articlex.stages import Decision
from articlex.text import split as text_split
from samples import ARTICLE

TEXT = Options(input_kind="text")

MENU = "Home\nWorld\nBusiness\nSport\nWeather\nVideo\nPodcasts"
COMMENTS = [
    "I have lived in this town for twenty years, and honestly I think the council made a terrible mistake with this budget.",
    "Nobody asked the people who actually pay for it, and the roads near the station are still full of holes every spring.",
    "The schools needed the money years ago, so I am glad that somebody finally did something about it, whatever it costs.",
    "Does anyone know whether the new buses mentioned at the meeting will also stop in the northern part of the old town?",
]
TEASERS = [
    (
        "Bridge closes for repairs",
        "The old river bridge will be closed to traffic for three weeks while crews replace its deck.",
    ),
    (
        "Library hours extended",
        "The central library will stay open until ten in the evening, the city announced on its website.",
    ),
    (
        "New park opens in the north",
        "Families gathered on Saturday for the opening of the park, which has a lake and a playground.",
    ),
    (
        "Teachers ask for more staff",
        "The union said classes are too large and asked the council to hire fifty more teachers soon.",
    ),
]

THREAD = [
    f"Reader {n} on September {n + 10}, 2018 at 4:47 pm said:\n\n{first}\n\n{second}"
    for n, (first, (_, second)) in enumerate(zip(COMMENTS, TEASERS, strict=True))
]


def decide(text: str) -> tuple[Decision, ...]:
    return classify(text_split.split(read(text, url=None, encoding=None, options=TEXT), TEXT, None))


def body(text: str) -> list[str]:
    return [decision.block.text for decision in decide(text) if decision.label is Label.CONTENT]


def paragraphs(texts: list[str]) -> str:
    return "\n\n".join(texts)


def test_comment_thread_below_a_short_article_is_left_out() -> None:
    """Prose under a chain of dated comment headers ('X on <date> said:') is not the body, even when it outweighs it."""
    page = "\n\n".join([MENU, "Budget passes\n\nSeptember 10, 2018 | by Jane Doe", ARTICLE[0], "Comments", *THREAD])
    assert body(page) == [ARTICLE[0]]


@pytest.mark.parametrize("label", ["Your comments", "Add your comment", "Post your comment", "Share your thoughts"])
def test_a_comment_label_ends_the_article_before_two_undated_comments(label: str) -> None:
    """Readers' comments without dates follow the label that opens them: the label is a wall the run stops at."""
    page = "\n\n".join([MENU, "Budget passes", paragraphs(ARTICLE), label, "Maria", COMMENTS[0], "Tom", COMMENTS[1]])
    assert body(page) == ARTICLE


@pytest.mark.parametrize("stamp", ["{} hours ago", "vor {} Stunden", "il y a {} heures", "{} часа назад"])
def test_dated_teasers_below_the_article_are_left_out(stamp: str) -> None:
    """A list of teasers, each a title, a summary and a relative time (in any language), is not part of the body."""
    teasers = [f"{title}\n\n{summary}\n\n{stamp.format(n + 2)}" for n, (title, summary) in enumerate(TEASERS)]
    page = "\n\n".join([MENU, paragraphs(ARTICLE), *teasers])
    assert body(page) == ARTICLE


def test_article_date_line_above_a_thread_is_not_a_comment_stamp() -> None:
    """The article's own date line, further from the thread than its comments are from each other, is no item."""
    page = "\n\n".join(["September 10, 2018 | by Jane Doe", paragraphs(ARTICLE[:3]), "Photo: Jane Doe", *THREAD])
    assert body(page)[:3] == ARTICLE[:3]


def test_embedded_post_attributions_are_not_stamps() -> None:
    """Dash-led attribution lines with dates ('— Name (@name) November 18, 2019') do not make a thread."""
    texts = [*ARTICLE, *COMMENTS]
    chunks = [
        f"{text}\n\n— Council Watch (@council) November {n + 10}, 2019" if n in {1, 3, 5} else text
        for n, text in enumerate(texts)
    ]
    page = "\n\n".join([MENU, *chunks, MENU])
    assert [text for text in body(page) if not text.startswith("—")] == texts


def test_prose_printed_twice_on_the_page_counts_against_the_run() -> None:
    """A ticker line repeated at the top and the bottom of the page is not taken into the body."""
    ticker = "Breaking news: " + " ".join(summary for _, summary in TEASERS)
    page = "\n\n".join([MENU, ticker, "Budget passes", "By Jane Doe", paragraphs(ARTICLE), MENU, ticker])
    assert body(page) == ARTICLE


def test_teaser_cards_with_titles_glued_to_summaries_are_not_the_article() -> None:
    """A copied teaser card runs its title into its summary ('…Repairs Start MondayThe old…')."""
    glued = [f"{title.title()} Starting Today{summary}" for title, summary in TEASERS]
    page = "\n\n".join([MENU, *glued, MENU, "Budget passes", paragraphs(ARTICLE), MENU])
    assert body(page) == ARTICLE


def test_names_written_in_camel_case_do_not_make_a_teaser() -> None:
    """'McAllister' and 'MacBook' run a lower-case letter into a capital inside one word: prose all the same."""
    article = [
        "In October, Rep. Ann McAllister visited the harbour and argued that the new pier would bring visitors.",
        *ARTICLE,
    ]
    page = "\n\n".join([MENU, "Budget passes", paragraphs(article), MENU])
    assert body(page) == article


def test_paragraph_repeated_in_a_teaser_stays_in_the_body() -> None:
    """Of a paragraph printed twice, the print among other paragraphs is the article's and is kept."""
    page = "\n\n".join([MENU, ARTICLE[0], MENU, "Budget passes", paragraphs(ARTICLE), MENU])
    assert body(page) == ARTICLE


def test_schedule_after_the_article_stays_in_the_body() -> None:
    """Rows holding a number and a cell break ('May 4 – Springfield @ City Hall') extend the run like text."""
    rows = [f"May {day} – {city} @ City Hall" for day, city in ((4, "Springfield"), (6, "Riverside"), (9, "Fairview"))]
    rows += ["May 12 – Greenville @ Music Hall", "May 15 – Lakewood @ Town Square"]
    page = "\n\n".join([MENU, paragraphs(ARTICLE), "Tour dates", "\n".join(rows), MENU])
    assert body(page)[-len(rows) :] == rows


def test_tab_separated_cells_make_a_table_row() -> None:
    """A line whose cells a browser separated with tabs is split as a table row."""
    page = text_split.split(
        read("Pos\tRunner\tTime\n1\tAnn Smith\t2:31:05\n", url=None, encoding=None, options=TEXT), TEXT, None
    )
    assert {block.kind for block in page.blocks} == {BlockKind.TABLE_CELL}


def test_table_rows_after_the_article_stay_in_the_body() -> None:
    """A run of tab-separated rows below the article is part of it."""
    rows = ["Pos\tRunner\tTime", "1\tAnn Smith\t2:31:05", "2\tBea Jones\t2:32:40", "3\tCarla Diaz\t2:35:12"]
    page = "\n\n".join([MENU, paragraphs(ARTICLE), "\n".join(rows), MENU])
    assert body(page)[-len(rows) :] == [row.replace("\t", " ") for row in rows]


def test_short_sentences_set_off_like_paragraphs_stay_in_the_run() -> None:
    """Short one-line paragraphs that end like sentences, between and after paragraphs, are kept."""
    short = ["The vote was close.", "Two members abstained from it.", "Will the plan work as promised?"]
    page = "\n\n".join([MENU, paragraphs(ARTICLE[:3]), *short[:2], ARTICLE[3], short[2], MENU])
    assert body(page) == [*ARTICLE[:3], *short[:2], ARTICLE[3], short[2]]


def test_long_menu_of_short_lines_is_not_bridged() -> None:
    """A long menu of very short lines between the article and two footer paragraphs keeps the footer out."""
    menu = "\n".join(f"S{n}" for n in range(30))
    page = "\n\n".join([paragraphs(ARTICLE), menu, paragraphs(COMMENTS[2:])])
    assert body(page) == ARTICLE


def test_article_date_block_and_closing_byline_are_not_a_thread() -> None:
    """Two stamps on neighbouring lines over the article (its date and time) and a dated byline under it are no list."""
    top = "Posted at 09:15 AM, 05/14/2019\nMay 14, 2019 11:15 AM EDT\nCouncil passes the budget\nBy Jane Doe"
    bottom = "By Jane Doe | 09:15 AM, 05/14/2019\nShare\nTweet\nEmail"
    page = "\n\n".join([MENU, top, paragraphs(ARTICLE), bottom, MENU])
    assert body(page)[-len(ARTICLE) :] == ARTICLE


def _hard_wrapped(text: str, width: int = 45) -> str:
    """The text broken after `width` characters, but only before a word in lower case and after no punctuation."""
    lines: list[str] = []
    line: list[str] = []
    for word in text.split():
        previous = line[-1] if line else ""
        if len(" ".join(line)) >= width and word[0].islower() and previous[-1].isalpha():
            lines.append(" ".join(line))
            line = []
        line.append(word)
    return "\n".join([*lines, " ".join(line)])


def test_hard_wrapped_paragraphs_are_joined_into_the_body() -> None:
    """A copy that breaks its paragraphs in mid-sentence (preformatted or mailed text) gives whole paragraphs."""
    page = "\n\n".join([MENU, *(_hard_wrapped(text) for text in ARTICLE), MENU])
    assert all("\n" in _hard_wrapped(text) for text in ARTICLE)
    assert body(page) == ARTICLE


def test_a_domain_under_a_title_is_no_wrapped_line() -> None:
    """A teaser's title over its source's domain ('example.com News') stays two lines."""
    title = "Engineers test a quieter engine for the new fleet of electric city buses"
    page = "\n\n".join([MENU, paragraphs(ARTICLE), f"{title}\nexample.com Science", MENU])
    texts = [decision.block.text for decision in decide(page)]
    assert title in texts
    assert "example.com Science" in texts


def test_a_byline_under_a_title_is_no_wrapped_line() -> None:
    """'by Jana Roe' in lower case under a long title is the title's byline, not the title's next words; a line
    going on with 'by the river …' still is a wrapped paragraph's next words."""
    title = "Engineers test a quieter engine for the new fleet of electric city buses"
    wrapped = "The new buses will run along the harbour road and stop\nby the river on their way to the station."
    page = "\n\n".join([MENU, f"{title}\nby Jana Roe", paragraphs(ARTICLE), wrapped, MENU])
    texts = [decision.block.text for decision in decide(page)]
    assert title in texts
    assert "by Jana Roe" in texts
    assert wrapped.replace("\n", " ") in texts


def test_copyright_notice_ends_the_article() -> None:
    """A copyright line with its year closes the article: the partner's promotion printed under it is not the body."""
    promotion = (
        "Save on your next trip with our partner, who offers cheap flights and hotels in more than fifty cities."
    )
    page = "\n\n".join(
        [MENU, paragraphs(ARTICLE), "© 2019 The Riverside Gazette", "From our partners", promotion, MENU]
    )
    assert body(page) == ARTICLE


LISTS_OF_THE_TEXT = {
    # A post's tips: bulleted full sentences.
    "bulleted-sentences": [
        "* Water the young trees twice a week in the first summer, and more often when the weather is hot and dry.",
        "* Put a ring of mulch around each trunk, but keep it a hand's width away from the bark to stop it rotting.",
        "* Check the ties after every storm, since a loose tie rubs the bark and a tight one cuts into the growing wood.",
        "* Ask the council before you plant near a pavement, because roots can lift the stones within a few years.",
    ],
    # A recipe's steps: short numbered lines counting up.
    "numbered-steps": [
        "1. Sift the flour",
        "2. Rub in the butter",
        "3. Add the milk slowly",
        "4. Knead for one minute",
        "5. Cut out the rounds",
        "6. Bake until golden",
    ],
    # A recipe's ingredients: short lines led by a quantity, in lower case.
    "quantities": [
        "2 cups rolled oats",
        "1/2 cup chopped walnuts",
        "3 tablespoons maple syrup",
        "½ teaspoon ground cinnamon",
        "1 pinch of salt",
    ],
    # Release notes: lines written like sentences, without a full stop.
    "notes": [
        "Fixed a crash when the settings window was closed twice",
        "The search box now remembers the last five queries you typed",
        "Dark mode no longer turns the printed pages grey",
        "Large folders open about twice as fast as in the last version",
    ],
}


@pytest.mark.parametrize("items", list(LISTS_OF_THE_TEXT.values()), ids=list(LISTS_OF_THE_TEXT))
def test_a_list_between_paragraphs_stays_in_the_run(items: list[str]) -> None:
    """A list that is the article's own (tips, steps, notes) does not end it: the paragraph after it is kept."""
    page = "\n\n".join([MENU, paragraphs(ARTICLE[:2]), "\n".join(items), ARTICLE[2], MENU])
    assert body(page) == [*ARTICLE[:2], *items, ARTICLE[2]]


def test_numbers_that_do_not_count_up_are_no_list() -> None:
    """Lines opened by numbers out of order (a menu of years, scores) get no weight from the numbered-list rule."""
    lines = ["12) Archive", "3. Sports", "7) Weather", "1. Contact us"]
    page = "\n\n".join([MENU, paragraphs(ARTICLE[:2]), "\n".join(lines), MENU])
    assert body(page) == ARTICLE[:2]


def test_a_ranking_of_stories_is_no_list_of_quantities() -> None:
    """Lines led by numbers counting up ('1 Mayor resigns', '2 …') rank other stories: no list of the text."""
    ranking = ["1 Ferry service resumes after storm", "2 Harbour wall repairs begin", "3 Bakery wins regional prize"]
    page = "\n\n".join([MENU, paragraphs(ARTICLE[:2]), "\n".join(ranking), MENU])
    assert body(page) == ARTICLE[:2]


def test_a_list_of_titles_between_paragraphs_is_no_list_of_notes() -> None:
    """Lines in title case ('Mayor Opens the New Riverside Market Hall') are stories' titles, not notes."""
    titles = [
        "Mayor Opens the New Riverside Market Hall on Friday",
        "Local Team Wins the Regional Cup After Twenty Years",
        "Five Walks to Try Along the Old Canal This Spring",
        "City Council Approves a New Plan for the Harbour",
    ]
    page = "\n\n".join([MENU, paragraphs(ARTICLE[:2]), "\n".join(titles), ARTICLE[2], MENU])
    assert body(page) == ARTICLE[:2]


def test_long_bulleted_titles_under_a_label_above_the_article_stay_out() -> None:
    """Other stories' titles, long and punctuated ('» …, officials say'), listed under 'Top Stories' above the
    article: a label opens the list, so its lines are not the article's list of points."""
    titles = [
        "» Harbour board to spend 2,400,000 on new cranes for the east quay, officials say",
        "» Ferry operators warn of delays as winter timetable begins on Monday: Report",
        "» Fish market moves indoors for the winter months, traders welcome the change",
        "» Council approves budget for coastal path repairs after storm damage, minutes show",
    ]
    page = "\n\n".join([MENU, "Top Stories", "\n".join(titles), paragraphs(ARTICLE), MENU])
    assert body(page) == ARTICLE


def test_a_forum_thread_copied_as_text_keeps_its_opening_post() -> None:
    """A thread is a list of dated posts with no article above them: the first post is the page's text."""
    opening = [COMMENTS[0], COMMENTS[3]]
    posts = [
        f"{name}\nMember\nSeptember {day}, 2018\n#{n + 1}\n{paragraphs(texts)}"
        for n, (name, day, texts) in enumerate(
            [("riverwalker", 11, opening), ("oldtown", 11, [COMMENTS[1]]), ("ferryfan", 12, [COMMENTS[2]])]
        )
    ]
    page = "\n\n".join([MENU, "Council budget: what do you think?", *posts, "You must log in to reply here.", MENU])
    assert body(page) == opening


def test_an_article_above_a_thread_is_still_the_text() -> None:
    """The opening post is read only when no prose stands outside the thread."""
    page = "\n\n".join([MENU, paragraphs(ARTICLE), *THREAD, MENU])
    assert body(page) == ARTICLE


def test_a_documentation_page_copied_as_text_keeps_the_prose_around_its_code() -> None:
    """A code line between two short paragraphs of a manual is neither prose nor clutter: the run goes on."""
    toc = "Introduction\nInstallation\nQuickstart\nConfiguration\nTimeouts\nRetries\nLogging\nAPI reference"
    first = "A request that fails with a network error is tried again up to three times by default."
    code = "client = harbour.Client(retries=5, backoff=0.5)"
    rest = [
        "Each new try waits twice as long as the one before, so a busy server gets time to recover.",
        "Retries never apply to requests that changed data on the server, such as an upload.",
    ]
    page = "\n\n".join([toc, "Configuring retries", first, code, "Backoff", *rest, "« Timeouts Logging »"])
    kept = body(page)
    assert kept[0] == first
    assert code in kept
    assert kept[-1] == rest[-1]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (MENU, "no prose on the page"),
        ("Loading…\n\n1 Secs", "no prose on the page"),
    ],
)
def test_a_copy_without_a_run_of_prose_says_so_on_every_line(text: str, why: str) -> None:
    """With no main run, no line is 'before' or 'after' it: each says the page holds no article."""
    decisions = decide(text)
    assert decisions
    assert all(d.label is Label.BOILERPLATE and d.reason.value == "no_text" and d.detail == why for d in decisions)


@pytest.mark.parametrize("entry", ["{month} 2012 ({count})", "► {month} 2012 ({count})", "{month} 2012"])
def test_a_blog_archive_of_months_is_not_a_table_after_the_article(entry: str) -> None:
    """'September 2012 (13)' lines link to a month's posts: counted like rows of figures, they took a whole
    archive widget into the article."""
    months = ["December", "November", "October", "September", "August", "July", "June", "May", "April", "March"]
    archive = [entry.format(month=month, count=10 + n) for n, month in enumerate(months)]
    text = paragraphs([ARTICLE[0], ARTICLE[1], ARTICLE[2], "Blog Archive", *archive, "Powered by a blog engine"])
    kept = body(text)
    assert ARTICLE[2] in kept
    assert not any(line in kept for line in archive)


def test_a_menu_copied_as_one_line_inside_the_text_is_left_out() -> None:
    """'Home | About us | Contact | Privacy' between paragraphs is a menu's links, whatever stands around it."""
    menu = "[ Reply | Private reply | To 12 | View replies ]"
    text = paragraphs([ARTICLE[0], ARTICLE[1], menu, ARTICLE[2], ARTICLE[3]])
    kept = body(text)
    assert ARTICLE[2] in kept
    assert menu not in kept


def test_a_line_of_facts_between_bars_stays_in_the_text() -> None:
    """'Prep time: 10 minutes | Cook time: 40 minutes | …' lists a recipe's facts: labels with their values."""
    facts = "Prep time: 10 minutes | Cook time: 40 minutes | Serves: 8 | Difficulty: easy"
    text = paragraphs([ARTICLE[0], ARTICLE[1], facts, ARTICLE[2], ARTICLE[3]])
    assert facts in body(text)

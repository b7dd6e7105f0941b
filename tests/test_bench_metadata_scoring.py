"""Pin the scoring rules of the metadata benchmark (`bench/metadata_scoring.py`) and what its audit reads as a credit."""

import datetime as dt
import sys
import types
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import metadata
from bench import metadata_scoring as ms
from bench.metadata_scoring import PageScore

# --------------------------------------------------------------------------- normalise


def test_normalise_applies_nfkc() -> None:
    """Compatibility forms fold: the 'fi' ligature and full-width letters become plain letters."""
    assert ms.normalise("\ufb01le \uff21") == "file a"


def test_normalise_case_folds() -> None:
    """Case folding is full: 'Straße' and 'STRASSE' are the same."""
    assert ms.normalise("Straße") == ms.normalise("STRASSE") == "strasse"


def test_normalise_unifies_single_quotes() -> None:
    """The single quotes U+2018, U+2019, U+201A and U+201B all become an ASCII apostrophe."""
    assert ms.normalise("\u2018a\u2019 \u201ab\u201b") == "'a' 'b'"


def test_normalise_unifies_double_quotes_and_guillemets() -> None:
    """The double quotes U+201C, U+201D, U+201E and the guillemets all become an ASCII double quote."""
    assert ms.normalise("\u201ca\u201d \u201eb\u201c \u00abc\u00bb") == '"a" "b" "c"'


def test_normalise_unifies_dashes_and_minus() -> None:
    """U+2010 to U+2015 and the minus sign U+2212 all become a hyphen-minus."""
    dashes = "".join(chr(code) for code in range(0x2010, 0x2016)) + "\u2212"
    assert ms.normalise(dashes) == "-" * 7


def test_normalise_collapses_and_strips_whitespace() -> None:
    """NBSP, tabs and line breaks collapse to one space; the ends are stripped."""
    assert ms.normalise("  a\u00a0\u00a0b\n\tc  ") == "a b c"


# --------------------------------------------------------------------------- headline


def test_headline_exact_after_normalising() -> None:
    """Case, quote style and spacing differences still count as an exact headline."""
    score = ms.score_headline("  \u201cPaper Lanterns\u201d  LYRICS", '"Paper Lanterns" Lyrics')
    assert score == PageScore(1.0, given=True, exact=True, token_f1=1.0)


def test_headline_alternative_counts_as_exact() -> None:
    """A headline equal to one of the accepted alternatives is exact."""
    score = ms.score_headline(
        "Council delays harbour vote",
        "Council delays harbour vote - ExampleNews.com",
        ["Council delays harbour vote"],
    )
    assert score.exact
    assert score.score == 1.0


def test_headline_with_site_name_is_not_exact_but_has_token_f1() -> None:
    """'Budget approved - City News' against 'Budget approved': not exact, token F1 2*2/(4+2)."""
    score = ms.score_headline("Budget approved - City News", "Budget approved")
    assert (score.score, score.given, score.exact) == (0.0, True, False)
    assert score.token_f1 == pytest.approx(2 / 3)


def test_headline_token_f1_counts_repeated_tokens_as_a_multiset() -> None:
    """'news news' against 'news' shares one token: F1 = 2*1/(2+1)."""
    assert ms.token_f1("news news", "news") == pytest.approx(2 / 3)


def test_headline_token_f1_is_the_best_over_truth_and_alternatives() -> None:
    """The token F1 is taken against whichever accepted spelling matches best."""
    score = ms.score_headline("Flood in Ostwalde today", "Hochwasser in Ostwalde", ["Flood in Ostwalde"])
    assert score.token_f1 == pytest.approx(2 * 3 / (4 + 3))


def test_missing_headline_is_not_given_and_scores_zero() -> None:
    """No headline: not given, score 0, token F1 0."""
    assert ms.score_headline(None, "Budget approved") == PageScore(0.0, given=False, exact=False, token_f1=0.0)


def test_blank_headline_counts_as_missing() -> None:
    """A headline of only whitespace is not a given value."""
    assert not ms.score_headline(" \n ", "Budget approved").given


# --------------------------------------------------------------------------- authors


@pytest.mark.parametrize("prefix", ["By", "von", "Par", "Por", "BY:"])
def test_leading_credit_word_is_removed(prefix: str) -> None:
    """A leading 'by' / 'von' / 'par' / 'por' is not part of the name."""
    assert ms.clean_name(f"{prefix} Jane Doe") == "jane doe"


def test_role_words_are_removed() -> None:
    """Role words ('Senior Staff Writer') go, the person stays."""
    assert ms.clean_name("Jane Doe, Senior Staff Writer") == "jane doe"


def test_agency_names_are_removed_from_a_name() -> None:
    """An agency credited with the person ('Jane Doe/dpa') leaves only the person."""
    assert ms.clean_name("Jane Doe/dpa") == "jane doe"


def test_a_name_that_is_only_an_agency_drops_out() -> None:
    """'Reuters' as an author is no person: the sets {Reuters, Jane Doe} and {Jane Doe} are equal."""
    score = ms.score_authors(["Reuters", "Jane Doe"], ["Jane Doe"])
    assert score == PageScore(1.0, given=True, exact=True)


def test_agency_list_given_by_the_caller_is_used() -> None:
    """The agency names passed in replace the fallback list."""
    assert ms.clean_name("Jane Doe (XYZ News)", agencies={"XYZ News"}) == "jane doe"
    assert ms.clean_name("Jane Doe dpa", agencies={"XYZ News"}) == "jane doe dpa"


def test_agency_after_a_spaced_dash_is_removed() -> None:
    """'Jane Doe \u2013 AP' credits the agency after a spaced dash: only the person is left."""
    assert ms.clean_name("Jane Doe \u2013 AP") == "jane doe"


def test_agency_and_role_together_drop_out() -> None:
    """'Reuters Staff' names no person: nothing is left."""
    assert ms.clean_name("Reuters Staff") == ""


def test_agency_alias_that_is_a_given_name_is_kept_inside_a_name() -> None:
    """Agencies are dropped as whole parts only: 'Petra' stays in 'Petra M\u00fcller' though it is an agency."""
    assert ms.clean_name("Petra M\u00fcller", agencies={"Petra"}) == "petra m\u00fcller"


def test_hyphenated_name_is_not_cut() -> None:
    """A hyphen without spaces is part of the name: 'Li-Wen Tsai' stays whole."""
    assert ms.clean_name("Li-Wen Tsai") == "li-wen tsai"


def test_agency_inside_a_word_is_kept() -> None:
    """Agency names are removed as whole words only: 'Apfelbaum' keeps its 'ap'."""
    assert ms.clean_name("Nora Apfelbaum") == "nora apfelbaum"


def test_decomposed_accents_match_composed_ones() -> None:
    """'José' written with a combining accent equals 'JOSÉ' with a precomposed one."""
    assert ms.score_authors(["Jose\u0301 Pe\u0301rez"], ["JOS\u00c9 P\u00c9REZ"]) == PageScore(
        1.0, given=True, exact=True
    )


def test_author_score_is_set_f1() -> None:
    """Predicted {A, B} against true {A}: F1 = 2*1/(2+1), not exact."""
    score = ms.score_authors(["Ann Lee", "Bob Ray"], ["Ann Lee"])
    assert score is not None
    assert score.score == pytest.approx(2 / 3)
    assert (score.given, score.exact) == (True, False)


def test_author_order_and_repeats_do_not_matter() -> None:
    """Names are compared as sets: order and duplicates are ignored."""
    score = ms.score_authors(["Bob Ray", "Ann Lee", "Ann Lee"], ["Ann Lee", "Bob Ray"])
    assert score == PageScore(1.0, given=True, exact=True)


def test_both_empty_after_cleaning_skips_the_page() -> None:
    """Truth 'Staff Writer' and nothing found: nothing to compare, the page is skipped."""
    assert ms.score_authors([], ["Staff Writer"]) is None


def test_no_names_found_scores_zero_and_is_not_given() -> None:
    """Nothing found against a true name: F1 0, not given."""
    assert ms.score_authors([], ["Ann Lee"]) == PageScore(0.0, given=False, exact=False)


def test_only_role_words_found_is_given_and_wrong() -> None:
    """A returned 'Staff Reporter' is a value (given) that names nobody: F1 0, wrong."""
    assert ms.score_authors(["Staff Reporter"], ["Ann Lee"]) == PageScore(0.0, given=True, exact=False)


# --------------------------------------------------------------------------- date


def test_date_same_day_is_right() -> None:
    """A `date` equal to the true day is right."""
    assert ms.score_date(dt.date(2024, 6, 18), "2024-06-18") == PageScore(1.0, given=True, exact=True)


def test_datetime_counts_by_its_calendar_day() -> None:
    """A `datetime` is right when its day matches; the time is ignored."""
    assert ms.score_date(dt.datetime(2024, 6, 18, 9, 30, tzinfo=dt.UTC), "2024-06-18").exact


def test_datetime_day_is_taken_in_its_own_time_zone() -> None:
    """23:30 at UTC-5 on June 18 is June 18 (no conversion to UTC)."""
    late = dt.datetime(2024, 6, 18, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert ms.score_date(late, "2024-06-18").exact


def test_iso_string_with_time_is_read() -> None:
    """An ISO timestamp string (as read from JSON) is scored by its day."""
    assert ms.score_date("2024-06-18T09:30:00+02:00", "2024-06-18").exact


def test_wrong_day_is_given_and_wrong() -> None:
    """A different day is a given, wrong value."""
    assert ms.score_date(dt.date(2024, 6, 17), "2024-06-18") == PageScore(0.0, given=True, exact=False)


def test_missing_date_is_not_given() -> None:
    """No date: not given, score 0."""
    assert ms.score_date(None, "2024-06-18") == PageScore(0.0, given=False, exact=False)


def test_unreadable_date_string_is_given_and_wrong() -> None:
    """A string that is no ISO date counts as a wrong value, not a missing one."""
    assert ms.score_date("yesterday", "2024-06-18") == PageScore(0.0, given=True, exact=False)


# --------------------------------------------------------------------------- agency


def test_agency_matches_after_normalising() -> None:
    """'DPA' equals the listed 'dpa'."""
    assert ms.score_agency("DPA", ["dpa"]) == PageScore(1.0, given=True, exact=True)


def test_agency_matches_any_listed_agency() -> None:
    """Any one of several credited agencies is right."""
    assert ms.score_agency("AFP", ["dpa", "AFP"]).exact


def test_agency_not_listed_is_wrong() -> None:
    """An agency not in the list is a given, wrong value."""
    assert ms.score_agency("Reuters", ["dpa"]) == PageScore(0.0, given=True, exact=False)


def test_missing_agency_is_not_given() -> None:
    """No agency: not given, score 0."""
    assert ms.score_agency(None, ["dpa"]) == PageScore(0.0, given=False, exact=False)


# --------------------------------------------------------------------------- agency names


def test_agency_names_fall_back_when_the_vocabulary_cannot_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without `articlex.vocabulary` the fallback list is used, and said so."""
    monkeypatch.setitem(sys.modules, "articlex.vocabulary", None)
    assert ms.agency_names() == (ms.FALLBACK_AGENCIES, "fallback")


def test_agency_names_come_from_the_vocabulary_when_it_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each agency's name, names and acronyms are taken, normalised."""
    vocabulary = types.ModuleType("articlex.vocabulary")
    entry = types.SimpleNamespace(name="IANS", names=("Indo-Asian News Service",), acronyms=("IANS",))
    vocabulary.agencies = lambda: (entry,)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "articlex", types.ModuleType("articlex"))
    monkeypatch.setitem(sys.modules, "articlex.vocabulary", vocabulary)
    assert ms.agency_names() == (frozenset({"ians", "indo-asian news service"}), "articlex.vocabulary")


def test_agency_names_fall_back_when_the_vocabulary_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    """A vocabulary whose `agencies()` fails does not stop the benchmark: the fallback is used."""
    vocabulary = types.ModuleType("articlex.vocabulary")

    def broken() -> tuple[str, ...]:
        raise ValueError("data file not written yet")

    vocabulary.agencies = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "articlex", types.ModuleType("articlex"))
    monkeypatch.setitem(sys.modules, "articlex.vocabulary", vocabulary)
    assert ms.agency_names() == (ms.FALLBACK_AGENCIES, "fallback")


# --------------------------------------------------------------------------- summary


def test_summary_score_is_the_mean_over_asserted_pages() -> None:
    """Score = mean page score over every page scored, given or not."""
    summary = ms.summarize([PageScore(1.0, True, True), PageScore(0.5, True, False), PageScore(0.0, False, False)])
    assert summary.pages == 3
    assert summary.score == pytest.approx(0.5)


def test_summary_coverage_is_the_share_of_pages_with_a_value() -> None:
    """Coverage = pages with a value / pages scored."""
    summary = ms.summarize([PageScore(1.0, True, True), PageScore(0.0, False, False)])
    assert summary.coverage == pytest.approx(0.5)


def test_summary_wrong_when_given_counts_only_returned_values() -> None:
    """Wrong when given = returned values not exact / returned values; missing ones do not count."""
    scores = [PageScore(1.0, True, True), PageScore(0.5, True, False), PageScore(0.0, False, False)]
    assert ms.summarize(scores).wrong_when_given == pytest.approx(0.5)


def test_summary_wrong_when_given_is_none_without_values() -> None:
    """With no returned value at all, wrong-when-given is undefined (None)."""
    assert ms.summarize([PageScore(0.0, False, False)]).wrong_when_given is None


def test_summary_exact_share_and_token_f1_mean() -> None:
    """Exact = share of exact pages; token F1 = mean over the pages that carry one."""
    summary = ms.summarize([PageScore(1.0, True, True, 1.0), PageScore(0.0, True, False, 0.5)])
    assert summary.exact == pytest.approx(0.5)
    assert summary.token_f1 == pytest.approx(0.75)


def test_summary_of_no_pages_is_empty() -> None:
    """No pages: zero pages, zero figures, nothing undefined raises."""
    summary = ms.summarize([])
    assert (summary.pages, summary.score, summary.coverage, summary.wrong_when_given) == (0, 0.0, 0.0, None)


# --------------------------------------------------------------------------- precision and recall


def test_author_precision_and_recall_count_names() -> None:
    """Authors: precision = right names / returned names, recall = right names / true names, over the corpus."""
    first = ms.score_authors(["Ada Brook", "Share"], ["Ada Brook"])
    second = ms.score_authors([], ["Noor Vale", "Ines Walcott"])
    assert first is not None
    assert second is not None
    summary = ms.summarize([first, second])
    assert summary.precision == pytest.approx(1 / 2)
    assert summary.recall == pytest.approx(1 / 3)
    assert summary.f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))


def test_page_field_precision_is_right_among_given() -> None:
    """Headline, date, agency: precision = exact / given pages; recall = exact / asserted pages."""
    summary = ms.summarize([PageScore(1.0, True, True), PageScore(0.0, True, False), PageScore(0.0, False, False)])
    assert summary.precision == pytest.approx(0.5)
    assert summary.recall == pytest.approx(1 / 3)


def test_precision_is_none_without_values() -> None:
    """Nothing returned: precision is undefined, recall and F1 are zero."""
    summary = ms.summarize([PageScore(0.0, False, False)])
    assert (summary.precision, summary.recall, summary.f1) == (None, 0.0, 0.0)


# --------------------------------------------------------------------------- audit

WORDS = ms.AuditWords(
    prefixes=frozenset({"by", "autoren", "auteurs"}),
    roles=frozenset({"reporter", "staff writer", "writer", "editor"}),
    non_names=frozenset({"staff", "unknown", "admin", "no author", "published", "news"}),
)
SITE = ms.site_keys("Harbour Herald", "https://www.harbourherald.example/news/1")


@pytest.mark.parametrize(
    ("value", "flag"),
    [
        ("Happy Holidays", ms.FLAG_GREETING),
        ("Stay safe everyone", ms.FLAG_GREETING),
        ("Cheers", ms.FLAG_GREETING),
        ("Autoren", ms.FLAG_LABEL),
        ("By Ada Brook", ms.FLAG_LABEL),
        ("Ada Brook Published", ms.FLAG_LABEL),
        ("Staff Writer", ms.FLAG_LABEL),
        ("No Author", ms.FLAG_LABEL),
        ("Unknown", ms.FLAG_LABEL),
        ("admin", ms.FLAG_LABEL),
        ("ada@harbourherald.example", ms.FLAG_DIGIT),
        ("Ada Brook 2", ms.FLAG_DIGIT),
        ("Harbour Herald", ms.FLAG_SITE),
        ("Lisbon", ms.FLAG_PLACE),
        ("NEW YORK", ms.FLAG_PLACE),
    ],
)
def test_audit_flags_what_is_no_author(value: str, flag: str) -> None:
    """Each check flags its kind of junk."""
    flags, _ = ms.audit_value(value, WORDS, SITE)
    assert flag in flags


@pytest.mark.parametrize("value", ["Ada Brook", "Anna von Arden", "Jean-Luc O'Neill", "王小明", "Иван Петров"])
def test_audit_passes_person_names(value: str) -> None:
    """A person's name in any script earns no flag and no note."""
    assert ms.audit_value(value, WORDS, SITE) == ([], [])


@pytest.mark.parametrize(
    ("value", "note"),
    [
        ("quillfox", ms.NOTE_USER_NAME),
        ("pixel42", ms.NOTE_USER_NAME),
        ("Redaktion", ms.NOTE_DESK),
        ("Harbour Herald Staff", ms.NOTE_DESK),
    ],
)
def test_audit_notes_credits_that_are_no_person(value: str, note: str) -> None:
    """User names and newsroom credits are noted, not flagged: pages credit them as their authors."""
    words = ms.AuditWords(WORDS.prefixes, WORDS.roles, WORDS.non_names | {"redaktion"})
    flags, notes = ms.audit_value(value, words, SITE)
    assert flags == []
    assert note in notes


def test_audit_personal_site_is_noted() -> None:
    """A person's name that is the site's ('Ada Brook' on adabrook.example) is a personal site's author."""
    flags, notes = ms.audit_value("Ada Brook", WORDS, ms.site_keys(None, "https://adabrook.example/post"))
    assert flags == []
    assert ms.NOTE_PERSONAL_SITE in notes


def test_audit_dateline_is_not_checked_as_a_person() -> None:
    """A dateline may be a place, and may be named like the site's domain ('Harbour' on harbour.example)."""
    flags, _ = ms.audit_value("Lisbon", WORDS, SITE, person=False)
    assert flags == []
    flags, _ = ms.audit_value("News", WORDS, SITE, person=False)
    assert flags == [ms.FLAG_LABEL]


def test_audit_flags_a_page_label() -> None:
    """A value that is one of the page's boilerplate labels ('Share', 'Weiterlesen') is flagged."""
    words = ms.AuditWords(WORDS.prefixes, WORDS.roles, WORDS.non_names, frozenset({"share", "weiterlesen"}))
    flags, _ = ms.audit_value("Weiterlesen", words, SITE)
    assert ms.FLAG_LABEL in flags


def _article_with_paragraphs(*paragraphs: str) -> types.SimpleNamespace:
    return types.SimpleNamespace(byline=None, decisions=(), paragraphs=paragraphs)


def test_audit_reads_a_credit_set_after_the_last_sentence() -> None:
    body = "The first paragraph of the story, long enough to be one."
    last = "The council met again on Friday and will vote next week on the rest of the plan. – AFP"
    texts = metadata._credit_texts(_article_with_paragraphs(body, last), "")
    assert "– AFP" in texts  # the words after the last sentence, not the whole paragraph


def test_audit_does_not_take_a_long_last_sentence_for_a_credit() -> None:
    body = "The first paragraph of the story, long enough to be one."
    last = "The council met on Friday. The figures on the vote were first reported by the agency Reuters."
    texts = metadata._credit_texts(_article_with_paragraphs(body, last), "")
    assert not any("Reuters" in text for text in texts)


def test_audit_reads_the_holder_of_a_copyright_notice_ending_the_body() -> None:
    body = "The first paragraph of the story, long enough to be one."
    notice = (
        "© 2024 The Harbour Wire. All rights reserved. This material may not be published, broadcast, "
        "rewritten or redistributed in any form."
    )
    texts = metadata._credit_texts(_article_with_paragraphs(body, notice), "")
    assert any(text.startswith("© 2024 The Harbour Wire") and len(text) <= 60 for text in texts)


def test_audit_reads_a_dateline_opening_the_story_after_a_standfirst() -> None:
    standfirst = "Travellers must plan ahead this winter: the direct connection is suspended until March."
    first = "Berlin (dpa) - The railway will suspend its night train to the south for the winter, a spokesman said."
    texts = metadata._credit_texts(_article_with_paragraphs(standfirst, first, "The last paragraph of it."), "")
    assert any("(dpa)" in text for text in texts)


def test_audit_reads_the_short_line_under_the_body_but_not_a_paragraph_there() -> None:
    """A credit a page sets apart under the story ('© Harbour Wire 2024') is a credit; a paragraph there is not."""
    story = "The first paragraph of the story, long enough to be one."
    for under, read in [
        ("© AAP 2024", True),
        ("Reuters reported on Monday that the harbour board would meet again next week to vote on it.", False),
    ]:
        decisions = (
            types.SimpleNamespace(preview=story, paragraph=0, label="content"),
            types.SimpleNamespace(preview=under, paragraph=None, label="boilerplate"),
        )
        article = types.SimpleNamespace(byline=None, decisions=decisions, paragraphs=(story,))
        assert any(under in text for text in metadata._credit_texts(article, "")) is read


# --------------------------------------------------------------------------- the audit's pages


def test_the_audit_reads_folders_of_text_copies_and_skips_empty_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "copies" / "blogs"
    corpus.mkdir(parents=True)
    (corpus / "a1.txt").write_text("Harbour notes\n\nThe cranes arrived on Monday.\n", encoding="utf-8")
    (corpus / "a2.txt").write_text("  \n", encoding="utf-8")  # a page that rendered no text
    pages = metadata.audit_pages([tmp_path / "copies"])
    assert [(page.corpus, page.id, page.text_copy) for page in pages] == [("copies/blogs", "a1", True)]


def _author_hit(page_id: str, site: str, *, text_copy: bool = False) -> metadata.AuditHit:
    page = metadata.AuditPage("c", page_id, Path(f"{page_id}.txt"), None, text_copy=text_copy)
    return metadata.AuditHit(page, "author", "Ana Lindqvist", (), site=site)


def test_text_copies_count_for_no_site_of_their_own_in_the_many_sites_flag() -> None:
    hits = [_author_hit("p1", "a.example"), _author_hit("p2", "b.example")]
    copies = [_author_hit("p1", "(site unknown)", text_copy=True), _author_hit("p3", "Ana's blog", text_copy=True)]
    assert not any(hit.flags for hit in metadata.flag_many_sites(hits + copies))
    third = _author_hit("p4", "c.example")
    assert all(hit.flags for hit in metadata.flag_many_sites([*hits, third, *copies]))

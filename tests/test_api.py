"""The public surface: exports, version, `extract`'s signature, errors, the `Article` model, `Options`, time budget."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import inspect
from importlib import resources

import pytest
from pydantic import ValidationError

import articlex
from articlex import (
    Article,
    ArticlexError,
    Label,
    OnTimeout,
    Options,
    OptionsError,
    TimeBudgetExceededError,
    extract,
)
from articlex.options import make_options

DOCUMENTED_NAMES = {
    "Article", "ArticlexError", "BlockDecision", "BlockKind", "DataFileError", "DecodeError", "Diagnostics",
    "EmptyInputError", "InputError", "InputKind", "InputTooLargeError", "InputTypeError", "Label", "OnTimeout",
    "Options", "OptionsError", "Provenance", "Reason", "Source", "TimeBudgetExceededError", "__version__", "extract",
    "extract_many", "ExtractionFailure", "extract_url", "fetch", "Fetched", "FetchError", "FetchTimeoutError",
    "FetchConnectionError", "HTTPStatusError", "NotHTMLError", "ResponseTooLargeError", "RobotsDisallowedError",
    "URLInputError",
}  # fmt: skip
ERROR_NAMES = [
    "DataFileError", "DecodeError", "EmptyInputError", "InputError", "InputTooLargeError", "InputTypeError",
    "OptionsError", "TimeBudgetExceededError", "URLInputError", "FetchError", "FetchTimeoutError",
    "FetchConnectionError", "HTTPStatusError", "NotHTMLError", "ResponseTooLargeError", "RobotsDisallowedError",
]  # fmt: skip

ARTICLE_HTML = """<!DOCTYPE html><html lang="en"><head><title>Council approves budget</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves budget</h1>
<p>The city council approved the new budget on Tuesday evening after a long debate that lasted more than four hours.</p>
<p>Supporters said the plan would fund new schools, repair roads and hire more teachers, while critics warned about debt.</p>
</article></body></html>"""


def large_page(paragraphs: int = 6_000) -> str:
    body = "".join(
        f"<div><p>Paragraph {i}: the council met again, and members argued about the budget for hours.</p></div>"
        for i in range(paragraphs)
    )
    return f"<html><body><article>{body}</article></body></html>"


# ---- exports and version ---------------------------------------------------------------------


def test_all_lists_exactly_the_documented_names() -> None:
    """`articlex.__all__` is the documented public surface, no more and no less."""
    assert set(articlex.__all__) == DOCUMENTED_NAMES
    assert len(articlex.__all__) == len(DOCUMENTED_NAMES)


@pytest.mark.parametrize("name", sorted(DOCUMENTED_NAMES - {"__version__"}))
def test_every_exported_name_is_articlexs_own_under_its_own_name(name: str) -> None:
    """Every name in `__all__` (but `__version__`) is a class or function of articlex, exported under its own name."""
    exported = vars(articlex)[name]
    assert (exported.__name__, exported.__module__.partition(".")[0]) == (name, "articlex")


def test_version_matches_the_installed_distribution() -> None:
    """`articlex.__version__` equals the version pip installed."""
    assert articlex.__version__ == importlib.metadata.version("articlex")


def test_py_typed_ships_in_the_package() -> None:
    """The `py.typed` marker is part of the installed package, so type checkers use its annotations."""
    assert resources.files("articlex").joinpath("py.typed").is_file()


# ---- extract's signature and errors ---------------------------------------------------------------


def test_extract_takes_the_source_positionally_and_the_rest_by_keyword() -> None:
    """`extract(source, *, url, encoding, options)`: only the page is positional."""
    parameters = inspect.signature(extract).parameters
    assert list(parameters) == ["source", "url", "encoding", "options"]
    assert parameters["source"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    for name in ("url", "encoding", "options"):
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY


def test_extract_refuses_the_url_positionally() -> None:
    """Passing the url as a second positional argument is a `TypeError`."""
    with pytest.raises(TypeError):
        extract(ARTICLE_HTML, "https://example.com/a")  # type: ignore[call-arg]


def test_extract_defaults() -> None:
    """`url` and `encoding` default to None and `options` to the default `Options()`."""
    parameters = inspect.signature(extract).parameters
    assert parameters["url"].default is None
    assert parameters["encoding"].default is None
    assert parameters["options"].default == Options()


@pytest.mark.parametrize("name", ERROR_NAMES)
def test_every_exception_class_is_an_articlex_error(name: str) -> None:
    """Every public exception derives from `ArticlexError`."""
    error = getattr(articlex, name)
    assert issubclass(error, ArticlexError)
    assert issubclass(error, Exception)


def test_url_is_kept_on_the_article() -> None:
    """The caller's url appears as `Article.url`."""
    assert extract(ARTICLE_HTML, url="https://example.com/news/1").url == "https://example.com/news/1"


# ---- the Article model ---------------------------------------------------------------------------


def test_article_is_frozen() -> None:
    """Assigning to a field of an `Article` raises."""
    article = extract(ARTICLE_HTML)
    with pytest.raises(ValidationError):
        article.headline = "Changed"  # type: ignore[misc]


def test_article_forbids_extra_fields() -> None:
    """An unknown field is rejected."""
    with pytest.raises(ValidationError, match="extra"):
        Article(headline="x", subtitle="y")  # type: ignore[call-arg]


def test_article_json_schema_lists_the_fields() -> None:
    """`Article.model_json_schema()` works and describes every field."""
    schema = Article.model_json_schema()
    expected = {
        "headline", "byline", "authors", "agency", "dateline", "published", "updated", "paragraphs", "text", "body",
        "agencies", "site_name", "language", "image", "url", "description", "tags", "categories", "comments",
        "provenance", "decisions", "diagnostics",
    }  # fmt: skip
    assert set(schema["properties"]) == expected
    assert schema["additionalProperties"] is False


def test_text_is_the_paragraphs_joined_by_a_blank_line() -> None:
    """`text` is derived from `paragraphs`, joined by '\\n\\n'."""
    assert Article(paragraphs=("One.", "Two.", "Three.")).text == "One.\n\nTwo.\n\nThree."


def test_extracted_text_matches_the_paragraphs() -> None:
    """An extracted article's `text` is its paragraphs joined by a blank line."""
    article = extract(ARTICLE_HTML)
    assert article.paragraphs
    assert article.text == "\n\n".join(article.paragraphs)


def test_mismatching_text_is_rejected() -> None:
    """An `Article` whose `text` disagrees with its paragraphs cannot be built."""
    with pytest.raises(ValidationError, match="joined by a blank line"):
        Article(paragraphs=("One.", "Two."), text="One. Two.")


def test_text_without_paragraphs_is_rejected() -> None:
    """A non-empty `text` given without paragraphs disagrees with the (empty) paragraphs and is rejected."""
    with pytest.raises(ValidationError):
        Article(text="A body nobody split into paragraphs.")


def test_article_round_trips_through_json() -> None:
    """An extracted `Article` dumped to JSON and validated again is equal to the original."""
    article = extract(ARTICLE_HTML, url="https://example.com/news/1")
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_published_day_stays_a_date_on_a_json_round_trip() -> None:
    """A `published` given as '2024-06-18' is a `date`, and still a `date` after JSON and back."""
    article = Article(published="2024-06-18")
    again = Article.model_validate_json(article.model_dump_json())
    assert type(article.published) is dt.date
    assert type(again.published) is dt.date
    assert again.published == dt.date(2024, 6, 18)


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2024, 6, 18, 10, 30),  # noqa: DTZ001 - a page without a zone gives a naive time
        dt.datetime(2024, 6, 18, 0, 0),  # noqa: DTZ001
        dt.datetime(2024, 6, 18, 10, 30, tzinfo=dt.UTC),
    ],
    ids=["naive", "midnight", "utc"],
)
def test_published_datetime_stays_a_datetime_on_a_json_round_trip(moment: dt.datetime) -> None:
    """A `published` datetime (even at midnight) is still a `datetime`, equal to the original, after JSON and back."""
    again = Article.model_validate_json(Article(published=moment).model_dump_json())
    assert type(again.published) is dt.datetime
    assert again.published == moment


def test_decisions_and_diagnostics_describe_the_page() -> None:
    """An extracted article carries one decision per block (navigation, headline, two paragraphs) and diagnostics."""
    article = extract(ARTICLE_HTML)
    assert [(decision.index, decision.label, decision.paragraph) for decision in article.decisions] == [
        (0, Label.BOILERPLATE, None),
        (1, Label.HEADLINE, None),
        (2, Label.CONTENT, 0),
        (3, Label.CONTENT, 1),
    ]
    assert article.diagnostics is not None
    diagnostics = article.diagnostics
    assert (diagnostics.input_kind, diagnostics.blocks, diagnostics.timed_out, diagnostics.truncated) == (
        "html",
        4,
        False,
        False,
    )


def test_include_decisions_false_leaves_them_out() -> None:
    """`Options(include_decisions=False)` gives an article without decisions but with the same body."""
    with_decisions = extract(ARTICLE_HTML)
    without = extract(ARTICLE_HTML, options=Options(include_decisions=False))
    assert without.decisions == ()
    assert without.paragraphs == with_decisions.paragraphs


# ---- Options -------------------------------------------------------------------------------------


def test_options_are_frozen() -> None:
    """Assigning to an option raises."""
    options = Options()
    with pytest.raises(ValidationError):
        options.max_nodes = 10  # type: ignore[misc]


@pytest.mark.parametrize(
    "settings",
    [{"max_input_bytes": -1}, {"max_input_bytes": 0}, {"max_nodes": 0}, {"max_depth": -5}, {"time_budget": 0},
     {"on_timeout": "explode"}, {"input_kind": "pdf"}, {"unknown_option": True}],
    ids=["negative-bytes", "zero-bytes", "zero-nodes", "negative-depth", "zero-budget", "bad-on-timeout",
         "bad-input-kind", "unknown"],
)  # fmt: skip
def test_options_validate(settings: dict[str, object]) -> None:
    """Out-of-range, unknown-choice and unknown options raise `OptionsError` (a `ValueError`) naming the option."""
    with pytest.raises(OptionsError, match=next(iter(settings))) as caught:
        Options(**settings)
    assert isinstance(caught.value, ValueError)
    assert not isinstance(caught.value, ValidationError)


def test_options_error_lists_the_allowed_values() -> None:
    """An enum option's error lists its values; an unknown option's lists the options."""
    with pytest.raises(OptionsError, match=r"on_timeout='explode'.*'partial', 'raise'"):
        Options(on_timeout="explode")
    with pytest.raises(OptionsError, match=r"unknown option 'max_size'.*max_input_bytes"):
        Options(max_size=3)  # type: ignore[call-arg]
    with pytest.raises(OptionsError, match=r"max_nodes=0: input should be greater than 0"):
        Options(max_nodes=0)


def test_options_from_a_dict_or_json_raise_options_error() -> None:
    """Options read from configuration (a dict, JSON) are validated the same way."""
    with pytest.raises(OptionsError, match="input_kind='pdf'"):
        Options.model_validate({"input_kind": "pdf"})
    with pytest.raises(OptionsError, match="max_depth=0"):
        Options.model_validate_json('{"max_depth": 0}')
    assert Options.model_validate({"input_kind": "text"}).input_kind == "text"


def test_make_options_raises_options_error() -> None:
    """`make_options` turns a validation failure into an `OptionsError` naming the option."""
    with pytest.raises(OptionsError, match="max_input_bytes"):
        make_options(max_input_bytes=-1)


def test_options_accept_their_choices_as_strings() -> None:
    """Enum options can be given by value."""
    options = Options(input_kind="text", on_timeout="raise")
    assert options.on_timeout is OnTimeout.RAISE


# ---- time budget ---------------------------------------------------------------------------------


def test_tiny_time_budget_gives_a_partial_result() -> None:
    """With a time budget of a nanosecond, extraction stops early and says so in the diagnostics."""
    article = extract(large_page(), options=Options(time_budget=1e-9))
    assert article.diagnostics is not None
    assert article.diagnostics.timed_out
    assert article.diagnostics.blocks < 6_000


def test_tiny_time_budget_with_raise_raises() -> None:
    """With `on_timeout='raise'` a blown time budget raises `TimeBudgetExceededError` (also a `TimeoutError`)."""
    with pytest.raises(TimeBudgetExceededError, match="time_budget") as caught:
        extract(large_page(), options=Options(time_budget=1e-9, on_timeout="raise"))
    assert isinstance(caught.value, TimeoutError)


def test_tiny_time_budget_on_a_text_page_gives_a_partial_result() -> None:
    """The time budget also stops a long plain-text page early."""
    text = "\n\n".join(f"Line {i}: the council met again, and members argued about the budget." for i in range(10_000))
    article = extract(text, options=Options(time_budget=1e-9))
    assert article.diagnostics is not None
    assert article.diagnostics.timed_out


def test_no_time_budget_never_times_out() -> None:
    """`time_budget=None` reads the whole page."""
    article = extract(large_page(3_000), options=Options(time_budget=None))
    assert article.diagnostics is not None
    assert not article.diagnostics.timed_out
    assert article.diagnostics.blocks == 3_000


# ---- a page without an article -------------------------------------------------------------------


def test_page_with_only_navigation_gives_an_empty_article() -> None:
    """A page of navigation links gives an `Article` with no paragraphs, not an exception."""
    links = "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(12))
    article = extract(f"<html><body><nav><ul>{links}</ul></nav></body></html>")
    assert article.paragraphs == ()
    assert article.text == ""


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>ERROR</title></head><body>\n</body></html>",
        "<html><body><img src='/harbour.jpg' alt=''><script>var shown = 1;</script><form><input></form></body></html>",
    ],
    ids=["empty-body", "images-scripts-forms"],
)
def test_a_page_that_shows_no_text_says_so(page: str) -> None:
    """With no block there is no decision to explain the empty body: a warning says why."""
    article = extract(page)
    assert article.decisions == ()
    assert article.text == ""
    assert article.diagnostics is not None
    assert any(warning.startswith("the page shows no text") for warning in article.diagnostics.warnings)


def test_a_page_with_text_has_no_such_warning() -> None:
    article = extract("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert article.diagnostics is not None
    assert article.decisions
    assert not any(warning.startswith("the page shows no text") for warning in article.diagnostics.warnings)


def test_empty_article_decisions_explain_why() -> None:
    """Every block of an article-less page has a boilerplate decision with a reason and a preview."""
    links = "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(12))
    article = extract(f"<html><body><nav><ul>{links}</ul></nav></body></html>")
    assert len(article.decisions) == 12
    assert {decision.label for decision in article.decisions} == {Label.BOILERPLATE}
    assert [decision.preview for decision in article.decisions] == [f"Section {i}" for i in range(12)]

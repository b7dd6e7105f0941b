"""`extract`: the whole pipeline, one line per stage."""

from __future__ import annotations

import re
import time
from typing import NamedTuple

from articlex.assemble import assemble
from articlex.classify import classify
from articlex.classify.html import read_from_discussion
from articlex.collection_pause import collection_paused
from articlex.errors import TimeBudgetExceededError, URLInputError
from articlex.fields import find_fields
from articlex.fields.structured_body import STRUCTURED_BODY_MIN_WORDS, VISIBLE_SHARE_MAX
from articlex.html import split as html_split
from articlex.html.metadata import Metadata, read_metadata
from articlex.model import Article, Label
from articlex.options import DEFAULT_OPTIONS, OnTimeout, Options
from articlex.read.reading import read
from articlex.stages import Page, SplitPage
from articlex.text import split as text_split

SPLIT_SHARE = 0.5
"""Share of `Options.time_budget` the split (stage 2) may use. The later stages are linear in the
blocks it makes and cannot stop half-way, so they get the rest: on a 100,000-cell table the split
took 2.0 s and classify, fields and assemble 2.6 s together (docs/robustness.md)."""

HIDDEN_GAIN = 1 / VISIBLE_SHARE_MAX
"""The body read with the hidden elements shown replaces the visible one when it holds this many times its words
(and an article's length): a hidden gallery or menu beside a visible article adds little body, if any."""
_NO_TEXT_WARNING = (
    "the page shows no text: no block of text was found (its body is empty, or holds only scripts, forms or images)"
)
"""Why an `Article` has no body and no decisions at all: there was nothing to decide about."""
_DISCUSSION_WARNING = (
    "the page has no article: its only prose is its discussion (comments or a forum's posts), "
    "which was read as the body"
)

_ONLY_A_URL = re.compile(rb"\s*https?://[^\s<>]+\s*", re.IGNORECASE)


def extract(
    source: str | bytes,
    *,
    url: str | None = None,
    encoding: str | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> Article:
    """Extract the article from a page given as HTML or plain text (`str`, or `bytes` to decode).

    `url` is the page's address (it resolves relative links and can date the page);
    `encoding` is a charset name or an HTTP Content-Type value for bytes whose page does not
    declare one correctly. Raises only `ArticlexError` subclasses, for input that cannot be
    read (`URLInputError` for an input that is only a web address: fetch it with
    `extract_url`); a page without an article gives an `Article` with an empty body.

    Python's automatic garbage collection is held off while the page is extracted, and switched
    back on afterwards if it was on (`articlex.collection_pause`).
    """
    with collection_paused():  # the pipeline's records hold no cycles: collecting them is wasted work
        return _extract(source, url, encoding, options)


def _extract(source: str | bytes, url: str | None, encoding: str | None, options: Options) -> Article:
    started = time.monotonic()
    budget = options.time_budget
    _refuse_a_bare_url(source)
    page = read(source, url=url, encoding=encoding, options=options)
    split_page = html_split.split if page.kind == "html" else text_split.split
    deadline = None if budget is None else started + SPLIT_SHARE * budget
    split = split_page(page, options, deadline)
    if split.timed_out:
        _over_budget(options, started, "while splitting the page into blocks")
    meta = read_metadata(split.data)  # read before any element is removed: the same for a second reading
    reading = _read(page, split, meta, url, options)
    warnings = []
    if _hidden_copy_may_be_the_article(split, reading, deadline):
        shown = html_split.split(page, options, deadline, show_hidden=True)
        second = _read(page, shown, meta, url, options)
        if not shown.timed_out and second.words >= max(STRUCTURED_BODY_MIN_WORDS, reading.words * HIDDEN_GAIN):
            split, reading = shown, second
            warnings.append(f"the article ({second.words} words) stands in elements a script shows; they were read")
    if not split.blocks and not split.timed_out:
        warnings.append(_NO_TEXT_WARNING)
    if reading.from_discussion:
        warnings.append(_DISCUSSION_WARNING)
    article = reading.article
    late = budget is not None and time.monotonic() - started > budget
    if late:
        _over_budget(options, started, "in the stages after the split, which run to the end")
    if split.timed_out or late:
        spent = time.monotonic() - started
        outcome = f"the page was cut after block {len(split.blocks)}" if split.timed_out else "the result is complete"
        warnings.append(f"time_budget={budget}s ran out ({spent:.1f}s spent): {outcome}")
    if not warnings or article.diagnostics is None:
        return article
    diagnostics = article.diagnostics.model_copy(update={"warnings": (*article.diagnostics.warnings, *warnings)})
    return article.model_copy(update={"diagnostics": diagnostics})


class _Reading(NamedTuple):
    """One reading of the page: its `Article`, and what `extract` weighs it by."""

    article: Article
    words: int
    """The words of the article's body: none when the body is the page's discussion, which is no article."""
    from_discussion: bool


def _read(page: Page, split: SplitPage, meta: Metadata, url: str | None, options: Options) -> _Reading:
    """Stages 3 to 5: classify the blocks, find the fields, assemble the `Article`."""
    decisions = classify(split, meta.listed_parts)
    fields = find_fields(split, meta, decisions, url, options)
    discussion = read_from_discussion(decision.detail for decision in decisions if decision.label is Label.CONTENT)
    article = assemble(page, split, decisions, fields, options, discussion=discussion)
    from_discussion = discussion and "body" not in article.provenance  # a JSON-LD body may have replaced it
    words = 0 if from_discussion else sum(len(paragraph.split()) for paragraph in article.paragraphs)
    return _Reading(article, words, from_discussion)


def _hidden_copy_may_be_the_article(split: SplitPage, reading: _Reading, deadline: float | None) -> bool:
    """Whether the page's hidden elements may hold its article (then the page is read again, showing them).

    They do when they hold an article's length of text and the body read from the visible page holds
    a small part of it: a teaser over 'Read more', a title only, or only the page's discussion. The
    thresholds are those by which a JSON-LD `articleBody` replaces a teaser (`fields.structured_body`).
    A second reading needs time left of the split's share of the budget.
    """
    if split.timed_out or (deadline is not None and time.monotonic() > deadline):
        return False
    hidden = split.hidden_words
    return hidden >= STRUCTURED_BODY_MIN_WORDS and reading.words < VISIBLE_SHARE_MAX * hidden


def _refuse_a_bare_url(source: object) -> None:
    """An input that is only a web address is a mistake: say how to fetch it rather than extract the address."""
    data = source.encode("utf-8", "replace") if isinstance(source, str) and len(source) < 8192 else source
    if isinstance(data, bytes) and len(data) < 8192 and _ONLY_A_URL.fullmatch(data):
        address = data.strip().decode("utf-8", "replace")
        msg = (
            f"the input is only a web address ({address}), not a page: fetch it first with "
            "articlex.extract_url(url) (or `articlex URL` on the command line), or pass the page's HTML"
        )
        raise URLInputError(msg)


def _over_budget(options: Options, started: float, where: str) -> None:
    """Raise `TimeBudgetExceededError` when the options ask for it; else the caller returns what it has."""
    if options.on_timeout is OnTimeout.RAISE:
        msg = (
            f"extraction took longer than time_budget={options.time_budget}s "
            f"({time.monotonic() - started:.1f}s, {where}); raise the budget or use on_timeout='partial'"
        )
        raise TimeBudgetExceededError(msg)

"""`extract`: the whole pipeline, one line per stage."""

from __future__ import annotations

import time

from articlex import html_blocks, text_blocks
from articlex.assemble import assemble
from articlex.classify import classify
from articlex.errors import TimeBudgetExceededError
from articlex.fields import find_fields
from articlex.metadata import read_metadata
from articlex.model import Article
from articlex.options import DEFAULT_OPTIONS, OnTimeout, Options
from articlex.reading import read


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
    read; a page without an article gives an `Article` with an empty body.
    """
    deadline = time.monotonic() + options.time_budget if options.time_budget is not None else None
    page = read(source, url=url, encoding=encoding, options=options)
    splitter = html_blocks if page.kind == "html" else text_blocks
    split = splitter.split(page, options, deadline)
    if split.timed_out and options.on_timeout is OnTimeout.RAISE:
        msg = (
            f"extraction took longer than time_budget={options.time_budget}s; "
            "raise the budget or use on_timeout='partial'"
        )
        raise TimeBudgetExceededError(msg)
    meta = read_metadata(split.data)
    decisions = classify(split)
    fields = find_fields(split, meta, decisions, url, options)
    return assemble(page, split, decisions, fields, options)

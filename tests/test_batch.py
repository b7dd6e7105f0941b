"""`extract_many`: every page gets a result, in worker processes that may crash or hang."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import time
from collections.abc import Iterator

import pytest

import articlex
from articlex.options import Options
from articlex.scale.batch import ExtractionFailure, PageInput, extract_many, extract_result
from warc_pages import CAFE_PAGE, FIXTURE_PAGE, LIBRARY_PAGE

PAGE = FIXTURE_PAGE.read_bytes()


def hooked_extract(source: str | bytes, *, url: str | None, encoding: str | None, options: Options) -> articlex.Article:
    """`articlex.extract`, except for pages that ask the worker to crash, hang or raise."""
    if source == b"CRASH":
        os.kill(os.getpid(), signal.SIGSEGV)
    if source == b"HANG":
        time.sleep(60)
    if source == b"BUG":
        raise ZeroDivisionError("a bug")
    return articlex.extract(source, url=url, encoding=encoding, options=options)


def run(sources: list[tuple[str, bytes]], **settings: object) -> dict[str, articlex.Article | ExtractionFailure]:
    results = dict(extract_many(sources, extractor=hooked_extract, **settings))  # type: ignore[arg-type]
    assert len(results) == len(sources)
    return results


def test_every_source_gets_an_article_under_its_key() -> None:
    """Good pages give Articles, each under its own key."""
    results = run([("a", PAGE), ("b", LIBRARY_PAGE.encode()), ("c", PAGE)], workers=2)
    assert results["a"] == articlex.extract(PAGE)
    assert isinstance(results["b"], articlex.Article)
    assert results["b"].headline == "Town library reopens after flood repairs"


def test_a_segfaulting_worker_fails_only_its_page() -> None:
    """A worker killed by SIGSEGV gives a crash failure for its page; the pages after it are extracted."""
    results = run([("before", PAGE), ("boom", b"CRASH"), ("after1", PAGE), ("after2", PAGE)], workers=2)
    assert results["boom"] == ExtractionFailure(key="boom", kind="crash", message="worker crashed: signal 11 (SIGSEGV)")
    expected = articlex.extract(PAGE)
    assert [results[key] for key in ("before", "after1", "after2")] == [expected, expected, expected]


def test_a_hanging_page_times_out_and_the_batch_goes_on() -> None:
    """A page that runs past the timeout fails with kind 'timeout'; its replacement worker does the rest."""
    started = time.monotonic()
    results = run([("stuck", b"HANG"), ("next", PAGE), ("last", PAGE)], workers=1, timeout=1.0)
    assert results["stuck"].kind == "timeout"  # type: ignore[union-attr]
    assert results["next"] == results["last"] == articlex.extract(PAGE)
    assert time.monotonic() - started < 30


def test_an_articlex_error_is_reported_with_its_class_and_message() -> None:
    """An input `extract` rejects gives a failure named after the error class, with its message."""
    failure = run([("empty", b"   ")], workers=1)["empty"]
    assert isinstance(failure, ExtractionFailure)
    assert failure.kind == "EmptyInputError"
    assert "empty" in failure.message


def test_an_unexpected_exception_fails_only_its_page() -> None:
    """A bug raising any exception fails its page only, under the exception's class name."""
    results = run([("bug", b"BUG"), ("fine", PAGE)], workers=1)
    assert results["bug"] == ExtractionFailure(key="bug", kind="ZeroDivisionError", message="a bug")
    assert results["fine"] == articlex.extract(PAGE)


def test_url_and_encoding_of_a_source_reach_extract() -> None:
    """A `PageInput`'s url and encoding are passed to the extraction."""
    source = PageInput(
        key="cafe", data=CAFE_PAGE.encode("cp1252"), url="https://city.example/c", encoding="windows-1252"
    )
    [(key, article)] = list(extract_many([source], workers=1))
    assert key == "cafe"
    assert article == articlex.extract(source.data, url=source.url, encoding=source.encoding)


def test_options_reach_the_workers() -> None:
    """The batch's options are used by every worker."""
    [(_, article)] = list(extract_many([("a", PAGE)], workers=1, options=Options(include_decisions=False)))
    assert isinstance(article, articlex.Article)
    assert article.decisions == ()


def test_workers_zero_runs_in_process_in_order() -> None:
    """`workers=0` extracts in this process, results in input order."""
    sources = [("1", PAGE), ("2", b""), ("3", LIBRARY_PAGE.encode())]
    results = list(extract_many(sources, workers=0))
    assert [key for key, _ in results] == ["1", "2", "3"]
    assert results[0][1] == articlex.extract(PAGE)
    failure = results[1][1]
    assert isinstance(failure, ExtractionFailure)
    assert (failure.key, failure.kind) == ("2", "EmptyInputError")


def test_sources_are_pulled_lazily_with_a_bounded_number_in_flight() -> None:
    """An endless generator streams: never more than `workers` pages are taken beyond those returned."""
    pulled = 0

    def endless() -> Iterator[tuple[str, bytes]]:
        nonlocal pulled
        for number in itertools.count():
            pulled += 1
            yield str(number), LIBRARY_PAGE.encode()

    results = extract_many(endless(), workers=2)
    for returned, _ in enumerate(itertools.islice(results, 12), start=1):
        assert pulled <= returned + 2
    results.close()  # type: ignore[attr-defined]


def test_closing_the_results_stops_every_worker() -> None:
    """Abandoning the results early leaves no worker process behind."""
    results = extract_many(((str(n), PAGE) for n in range(50)), workers=2)
    next(results)
    results.close()  # type: ignore[attr-defined]
    assert multiprocessing.active_children() == []


def test_an_error_of_the_sources_comes_after_the_pages_in_flight() -> None:
    """When the source iterable raises, the pages already taken are still yielded, then the error."""

    def cut_short() -> Iterator[tuple[str, bytes]]:
        yield "a", PAGE
        yield "b", PAGE
        raise OSError("the file ends here")

    results = extract_many(cut_short(), workers=2)
    keys = []
    with pytest.raises(OSError, match="the file ends here"):
        keys.extend(key for key, _ in results)
    assert sorted(keys) == ["a", "b"]


def test_a_negative_worker_count_is_an_options_error() -> None:
    """`workers=-1` raises OptionsError before anything starts."""
    with pytest.raises(articlex.OptionsError):
        extract_many([("a", PAGE)], workers=-1)


def test_a_malformed_source_raises_input_type_error() -> None:
    """An item that is neither a PageInput nor a (key, data) pair is a programming error."""
    with pytest.raises(articlex.InputTypeError):
        list(extract_many([42], workers=1))  # type: ignore[list-item]


def test_extract_result_turns_any_exception_into_a_failure() -> None:
    """`extract_result` never raises: a bug gives a failure named after the exception."""
    result = extract_result(PageInput(key="k", data=b"BUG"), extractor=hooked_extract)
    assert result == ExtractionFailure(key="k", kind="ZeroDivisionError", message="a bug")


def test_a_failure_serialises_like_an_article() -> None:
    """`ExtractionFailure` is a frozen pydantic model that round-trips through JSON."""
    failure = ExtractionFailure(key="k", kind="timeout", message="no result within 30s")
    assert ExtractionFailure.model_validate_json(failure.model_dump_json()) == failure
    with pytest.raises(ValueError, match="frozen"):
        failure.kind = "crash"  # type: ignore[misc]

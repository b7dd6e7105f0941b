"""The garbage collector is held off during an extraction, and left as the caller had it."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

import articlex
from articlex.collection_pause import collection_paused

PAGE = "<html><body><article><p>A short report on the harbour's new ferry, which runs twice a day.</p></article></body></html>"


@pytest.fixture
def collector_on() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_paused_inside_and_back_on_after() -> None:
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_back_on_after_an_error() -> None:
    with pytest.raises(ValueError, match="boom"), collection_paused():
        raise ValueError("boom")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_extract_pauses_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    original: Callable[..., object] = articlex.api.classify  # type: ignore[attr-defined]

    def spying_classify(*args: object) -> object:
        seen.append(gc.isenabled())
        return original(*args)

    monkeypatch.setattr(articlex.api, "classify", spying_classify)
    article = articlex.extract(PAGE)
    assert seen == [False]
    assert gc.isenabled()
    assert "ferry" in article.text


def test_a_caller_who_turned_it_off_keeps_it_off() -> None:
    was_on = gc.isenabled()
    gc.disable()
    try:
        articlex.extract(PAGE)
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was_on:
            gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_a_pause_ends_with_the_extraction_that_began_it() -> None:
    """Overlapping threads cannot keep the collector off for good: the second one does not prolong the first's pause."""
    first_inside, second_inside, first_done = threading.Event(), threading.Event(), threading.Event()
    observed: dict[str, bool] = {}

    def first() -> None:
        with collection_paused():
            first_inside.set()
            second_inside.wait(5)
            observed["while both run"] = gc.isenabled()
        first_done.set()

    def second() -> None:
        first_inside.wait(5)
        with collection_paused():
            second_inside.set()
            first_done.wait(5)
            observed["after the first left"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert observed == {"while both run": False, "after the first left": True}
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_threads_extracting_at_once_get_the_same_articles_and_leave_it_on() -> None:
    pages = [PAGE.replace("twice a day", f"{n} times a week") for n in range(2, 14)]
    alone = [articlex.extract(page).model_dump_json() for page in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda page: articlex.extract(page).model_dump_json(), pages))
    assert together == alone
    assert gc.isenabled()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork exists on POSIX systems only")
# Python 3.12 and later warn that forking a process with threads may deadlock: this test forks on purpose.
@pytest.mark.filterwarnings("ignore:This process.*multi-threaded:DeprecationWarning")
@pytest.mark.usefixtures("collector_on")
def test_a_process_forked_during_an_extraction_has_the_collector_on() -> None:
    inside, forked = threading.Event(), threading.Event()

    def extracting() -> None:
        with collection_paused():
            inside.set()
            forked.wait(5)

    thread = threading.Thread(target=extracting)
    thread.start()
    inside.wait(5)
    child = os.fork()
    if child == 0:  # the child: report through the exit status, and leave without pytest's teardown
        on_after_fork = gc.isenabled()
        with collection_paused():
            paused_inside = not gc.isenabled()
        os._exit(0 if on_after_fork and paused_inside and gc.isenabled() else 1)
    forked.set()
    thread.join(5)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert gc.isenabled()

"""`extract_many`: extract many pages in worker processes, with a timeout and crash isolation.

Why our own supervisor instead of `concurrent.futures.ProcessPoolExecutor` or `multiprocessing.Pool`:

* A worker that dies (a segfault in a parser, the kernel's OOM killer) breaks a
  `ProcessPoolExecutor` for good (`BrokenProcessPool` for every pending future), and makes a
  `multiprocessing.Pool` hang on the lost task. Neither can stop one page that hangs: a pool
  has no way to kill the worker running it.
* Here each worker is a plain `multiprocessing` process with its own duplex pipe, running one
  page at a time. The parent waits on every busy worker's pipe *and* process sentinel with
  `multiprocessing.connection.wait`, so it sees at once a result, a death (the sentinel fires;
  the exit status gives the signal) or a deadline passing (it kills that worker). The lost
  page is reported as an `ExtractionFailure`, a fresh worker takes the dead one's place, and
  the batch goes on. That is about a hundred lines we can test, instead of a pool's
  internals we cannot reach.

Workers start through the `forkserver` method (`spawn` where there is none): a fresh,
single-threaded server process with articlex already imported forks each worker, so starting
or replacing one is cheap and never forks a parent that runs threads (a Spark driver, a web
server). Like any `multiprocessing` code, a script calling `extract_many` must guard its entry
point with `if __name__ == "__main__":`, and a custom `extractor` must be a module-level
function (it is pickled to the workers).

Memory stays bounded whatever the number of pages: the sources are pulled from the iterable
one at a time, only when a worker is free, so at most `workers` pages are in flight, and
results are yielded as they come.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Protocol

from pydantic import BaseModel, Field

from articlex.api import extract
from articlex.errors import OptionsError
from articlex.model import Article
from articlex.options import DEFAULT_OPTIONS, Options
from articlex.scale.inputs import PageInput, PageInputLike, as_page_input

__all__ = ["DEFAULT_TIMEOUT", "ExtractionFailure", "Extractor", "PageInput", "Result", "extract_many", "extract_result"]

DEFAULT_TIMEOUT = 30.0
"""Seconds a worker may spend on one page before it is killed: three times the default soft
`Options.time_budget`, so it only catches extractions that ignore their budget (a stuck parser)."""

KIND_TIMEOUT = "timeout"
KIND_CRASH = "crash"

_STOP_GRACE = 1.0
"""Seconds workers get to exit on their own at the end before they are killed."""


class ExtractionFailure(BaseModel, frozen=True, extra="forbid"):
    """A page of a batch that gave no `Article`, and why. Serialises like an `Article` does."""

    key: str = Field(description="The key of the page's source.")
    kind: str = Field(
        description=(
            "The error's class name (e.g. 'DecodeError'), 'timeout' when the page took longer than the "
            "batch timeout, or 'crash' when the worker process died on it."
        )
    )
    message: str = Field(description="What went wrong, e.g. 'worker crashed: signal 11 (SIGSEGV)'.")


Result = Article | ExtractionFailure
"""What a batch gives for one page."""


class Extractor(Protocol):
    """The signature of `articlex.extract`; a replacement must be a picklable module-level function."""

    def __call__(self, source: str | bytes, *, url: str | None, encoding: str | None, options: Options) -> Article:
        """Extract one page."""
        ...


def extract_many(
    sources: Iterable[PageInputLike],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    options: Options = DEFAULT_OPTIONS,
    extractor: Extractor = extract,
) -> Iterator[tuple[str, Result]]:
    """Extract every page of SOURCES; yield `(key, Article | ExtractionFailure)` for each, none dropped.

    SOURCES is any iterable (a generator is read lazily) of `PageInput` records or `(key, data)`
    pairs. Results come **in completion order**, not input order: each carries its source's
    key. A page whose extraction raises, runs past `timeout` seconds, or kills its worker gives
    an `ExtractionFailure` and the batch goes on with a fresh worker.

    `workers`: number of worker processes, by default one per core this process may use. `workers=0`
    runs in this process, in order, for debugging: no crash isolation and no `timeout` (the soft
    `options.time_budget` still applies). `extractor` replaces `articlex.extract` (for tests and
    wrappers). A malformed item in SOURCES raises `InputTypeError`.
    """
    count = _usable_cores() if workers is None else workers
    if count < 0:
        msg = f"workers must be 0 or more, not {count}"
        raise OptionsError(msg)
    if count == 0:
        return _in_process(sources, options, extractor)
    return _Supervisor(count, timeout, options, extractor).run(sources)


def _usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _in_process(
    sources: Iterable[PageInputLike], options: Options, extractor: Extractor
) -> Iterator[tuple[str, Result]]:
    for item in sources:
        source = as_page_input(item)
        yield source.key, extract_result(source, options=options, extractor=extractor)


def extract_result(source: PageInput, *, options: Options = DEFAULT_OPTIONS, extractor: Extractor = extract) -> Result:
    """Extract one source without raising: its `Article`, or an `ExtractionFailure` saying why not.

    Any exception becomes a failure (named after its class), not only `ArticlexError`s: in a
    batch of millions of pages, one page's bug must not stop the others. Spark and Ray jobs use
    this per page.
    """
    try:
        return extractor(source.data, url=source.url, encoding=source.encoding, options=options)
    except Exception as error:  # noqa: BLE001 - see the docstring
        return failure_of(source.key, error)


def _worker_main(conn: Connection, options: Options, extractor: Extractor) -> None:
    """A worker's loop: receive a `PageInput`, send back its `Result`, until told to stop (None) or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            source = conn.recv()
        except (EOFError, OSError):
            return
        if source is None:
            return
        result = extract_result(source, options=options, extractor=extractor)
        try:
            conn.send(result)
        except OSError:
            return
        except Exception as error:  # noqa: BLE001 - a result that cannot be pickled is this page's failure
            conn.send(failure_of(source.key, error))


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    source: PageInput | None = None
    deadline: float = field(default=float("inf"))


class _Supervisor:
    """Keeps `count` workers busy, one page each, and replaces any that dies or overruns."""

    def __init__(self, count: int, timeout: float | None, options: Options, extractor: Extractor) -> None:
        self._count = count
        self._timeout = timeout
        self._options = options
        self._extractor = extractor
        self._context = _context()
        self._workers: list[_Worker] = []
        self._exhausted = False
        self._source_error: Exception | None = None

    def run(self, sources: Iterable[PageInputLike]) -> Iterator[tuple[str, Result]]:
        """Feed the workers from SOURCES and yield results as they arrive; stop every worker at the end.

        When SOURCES itself raises (a WARC file cut short), the pages already in flight are
        finished and yielded first, then the error is raised.
        """
        pending = iter(sources)
        try:
            self._workers = [self._start() for _ in range(self._count)]
            while True:
                if not self._exhausted:
                    self._dispatch(pending)
                busy = [worker for worker in self._workers if worker.source is not None]
                if not busy:
                    break
                yield from self._collect(busy)
        finally:
            self._stop_all()
        if self._source_error is not None:
            raise self._source_error

    def _start(self) -> _Worker:
        parent_end, child_end = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main, args=(child_end, self._options, self._extractor), daemon=True
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def _dispatch(self, pending: Iterator[PageInputLike]) -> None:
        """Give a page to every idle worker, until SOURCES runs out or raises."""
        for worker in self._workers:
            if worker.source is not None:
                continue
            try:
                item = next(pending)
            except StopIteration:
                self._exhausted = True
                return
            except Exception as error:  # noqa: BLE001 - re-raised by `run` once the pages in flight are done
                self._exhausted, self._source_error = True, error
                return
            self._send(worker, as_page_input(item))

    def _send(self, worker: _Worker, source: PageInput) -> None:
        worker.source = source
        worker.deadline = time.monotonic() + self._timeout if self._timeout is not None else float("inf")
        with contextlib.suppress(OSError):  # a worker dead while idle: its sentinel reports the crash
            worker.conn.send(source)

    def _collect(self, busy: list[_Worker]) -> Iterator[tuple[str, Result]]:
        """Wait until something happens to a busy worker, then yield what it gave."""
        nearest = min(worker.deadline for worker in busy)
        wait_for = None if nearest == float("inf") else max(0.0, nearest - time.monotonic())
        ready = set(wait([obj for worker in busy for obj in (worker.conn, worker.process.sentinel)], wait_for))
        now = time.monotonic()
        for worker in busy:
            source = worker.source
            if source is None:
                continue
            if worker.conn in ready or worker.process.sentinel in ready:
                yield source.key, self._receive(worker, source)
            elif now >= worker.deadline:
                self._replace(worker)
                message = f"no result within {self._timeout:g}s; the worker was stopped"
                yield source.key, ExtractionFailure(key=source.key, kind=KIND_TIMEOUT, message=message)

    def _receive(self, worker: _Worker, source: PageInput) -> Result:
        """The result a worker sent, or a crash failure when it died instead."""
        try:
            if worker.conn.poll():
                result: Result = worker.conn.recv()
                worker.source = None
                return result
        except (EOFError, OSError):
            pass
        worker.process.join(_STOP_GRACE)
        message = _death_message(worker.process.exitcode)
        self._replace(worker)
        return ExtractionFailure(key=source.key, kind=KIND_CRASH, message=message)

    def _replace(self, worker: _Worker) -> None:
        _kill(worker)
        self._workers[self._workers.index(worker)] = self._start()

    def _stop_all(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        deadline = time.monotonic() + _STOP_GRACE
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            _kill(worker)
        self._workers = []


def _kill(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join()
    worker.conn.close()


def _death_message(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = "unknown"
        return f"worker crashed: signal {-exitcode} ({name})"
    return f"worker exited with status {exitcode}"


def _context() -> ForkServerContext | SpawnContext:
    """The `forkserver` context with articlex preloaded, or `spawn` where forkserver is missing."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["articlex.api"])
        return context
    return multiprocessing.get_context("spawn")


def failure_of(key: str, error: BaseException) -> ExtractionFailure:
    """An `ExtractionFailure` for KEY from an exception raised while reading or extracting it."""
    return ExtractionFailure(key=key, kind=type(error).__name__, message=str(error) or repr(error))

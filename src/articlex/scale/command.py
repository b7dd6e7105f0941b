"""`articlex batch`: extract every page of files, folders, WARC archives and URLs into one output.

    articlex batch pages/ crawl.warc.gz -o out.jsonl        # all cores, progress on a terminal
    articlex batch pages/ -o out.jsonl --resume             # go on after an interrupted run
    articlex batch pages/ -o out.parquet                    # Parquet (the extension says so); articlex[parquet]
    articlex batch --urls urls.txt -o - | head              # fetch a list of URLs; JSON Lines on stdout

The command only wires pieces together: `inputs.walk_inputs` finds the files, `warc.iter_pages`
reads archives, `fetch.fetch_all` fetches URLs (a few at a time, spaced per host),
`batch.extract_many` extracts in worker processes, `outputs` writes, `progress` draws. Inputs
are read lazily in this process as workers become free, so memory does not grow with the
number of pages. A file or WARC record that cannot be read is a failure line like a
page that cannot be extracted: every input gets a line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from articlex.errors import ArticlexError
from articlex.options import InputKind, Options
from articlex.scale.batch import DEFAULT_TIMEOUT, ExtractionFailure, Result, extract_many, failure_of
from articlex.scale.fetch import DEFAULT_MAX_BYTES, Fetcher, fetch_all, is_url
from articlex.scale.fetch import DEFAULT_TIMEOUT as DEFAULT_FETCH_TIMEOUT
from articlex.scale.inputs import PageInput, is_warc_file, walk_inputs
from articlex.scale.outputs import JsonlOutput, Output, ParquetOutput, done_keys
from articlex.scale.progress import Progress
from articlex.scale.warc import WarcFormatError, iter_pages

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_batch_parser() -> argparse.ArgumentParser:
    """The `articlex batch` interface."""
    parser = argparse.ArgumentParser(
        prog="articlex batch",
        description=(
            "Extract the articles of many pages: page files, folders (recursively: .html, .htm, .shtml, .xhtml, "
            ".txt, the same gzipped, and extension-less files that start like HTML), WARC archives (.warc, "
            ".warc.gz) and http(s) URLs. Writes one result per page."
        ),
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="page files, folders, WARC files, URLs")
    parser.add_argument(
        "-o", "--output", required=True, help="output file: .jsonl/.json (JSON Lines), .parquet; '-' for stdout"
    )
    parser.add_argument(
        "--format", choices=("jsonl", "parquet"), help="output format (default: from -o's extension, else jsonl)"
    )
    parser.add_argument("--workers", type=int, help="worker processes (default: all cores; 0: in this process)")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per page before its worker is killed (0: none)"
    )
    parser.add_argument("--resume", action="store_true", help="skip pages already in the output and append (jsonl)")
    parser.add_argument("--quiet", action="store_true", help="no progress line and no summary")
    parser.add_argument("--verbose", action="store_true", help="list the files of folders that are skipped")
    parser.add_argument(
        "--glob",
        action="append",
        default=[],
        metavar="PATTERN",
        help="in folders, read exactly the files matching PATTERN (e.g. '*.php'; repeatable)",
    )
    parser.add_argument("--kind", choices=[kind.value for kind in InputKind], default="auto", help="input kind")
    parser.add_argument("--reference-date", type=dt.date.fromisoformat, help="the day the pages were fetched")
    parser.add_argument("--decisions", action="store_true", help="include the per-block decisions (off: lean rows)")
    parser.add_argument("--no-decisions", action="store_true", help=argparse.SUPPRESS)  # the default now
    fetching = parser.add_argument_group("URLs")
    fetching.add_argument(
        "--urls", action="append", default=[], metavar="FILE", help="a file of URLs, one a line ('-': stdin)"
    )
    fetching.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one host (1)")
    fetching.add_argument("--concurrency", type=int, default=4, help="pages fetched at once, all hosts together (4)")
    fetching.add_argument(
        "--fetch-timeout", type=float, default=DEFAULT_FETCH_TIMEOUT, help="seconds to fetch one page"
    )
    fetching.add_argument("--user-agent", help="the User-Agent header (default: articlex/VERSION)")
    fetching.add_argument("--respect-robots", action="store_true", help="skip what robots.txt forbids")
    return parser


OUTPUT_FORMATS = {".parquet": "parquet", ".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl"}
"""The output format an output file's extension selects."""


def output_format(output: str, chosen: str | None) -> str:
    """The format of the output: as chosen with --format, else from the file's extension, else JSON Lines."""
    if chosen:
        return chosen
    return OUTPUT_FORMATS.get(Path(output).suffix.lower(), "jsonl") if output != "-" else "jsonl"


@dataclass
class Tally:
    """What the run did, for the summary."""

    pages: int = 0
    articles: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    ignored: int = 0
    """Files in folders that were not read (not pages, or not matching --glob)."""

    def add(self, result: Result) -> None:
        """Count one page's result."""
        self.pages += 1
        if isinstance(result, ExtractionFailure):
            self.failures[result.kind] += 1
        elif result.paragraphs:
            self.articles += 1

    def report(self, seconds: float) -> str:
        """The summary printed at the end."""
        failed = sum(self.failures.values())
        reasons = ", ".join(f"{kind} {count}" for kind, count in self.failures.most_common())
        rate = self.pages / seconds if seconds > 0 else 0.0
        lines = [
            f"pages     {self.pages:,}" + (f" (and {self.skipped:,} already done, skipped)" if self.skipped else ""),
            f"articles  {self.articles:,} with a body, {self.pages - self.articles - failed:,} without",
            f"failures  {failed:,}" + (f": {reasons}" if reasons else ""),
            f"time      {seconds:,.1f} s ({rate:,.1f} pages/s)",
        ]
        if self.ignored:
            lines.insert(
                3,
                f"skipped   {self.ignored:,} files in folders that are not pages "
                "(--verbose lists them; --glob chooses the files to read)",
            )
        return "\n".join(lines)


class Inputs:
    """The pages of the command line's inputs, read lazily; unreadable ones become failures."""

    def __init__(  # noqa: PLR0913 - keyword-only settings, each with a default
        self,
        paths: Sequence[str],
        done: set[str],
        *,
        urls: Iterable[str] = (),
        fetcher: Fetcher | None = None,
        concurrency: int = 4,
        globs: Sequence[str] = (),
        verbose: bool = False,
    ) -> None:
        """Read the pages of PATHS, then fetch URLS with FETCHER, skipping those whose key is in DONE."""
        self._paths = paths
        self._done = done
        self._addresses = urls
        self._fetcher = fetcher
        self._concurrency = concurrency
        self._globs = globs
        self._verbose = verbose
        self.ignored = 0
        """Files in folders left out."""
        self.urls: dict[str, str | None] = {}
        """The address of each page in flight, by key (results carry only the key)."""
        self.consumed = 0
        """Bytes of input read so far, for the ETA."""
        self.skipped = 0
        self._failures: list[tuple[ExtractionFailure, str | None]] = []

    def total_bytes(self) -> int:
        """The size of every input file (one extra walk; only done when a progress line is shown)."""
        return sum(path.stat().st_size for path in walk_inputs(self._paths, globs=self._globs) if path.is_file())

    def take_failures(self) -> list[tuple[ExtractionFailure, str | None]]:
        """The read failures found since the last call, with their addresses."""
        failures, self._failures = self._failures, []
        return failures

    def sources(self) -> Iterator[PageInput]:
        """Every page to extract, in input order."""
        for path in walk_inputs(self._paths, globs=self._globs, skipped=self._ignore):
            yield from self._archive(path) if is_warc_file(path) else self._page(path)
        if self._fetcher is not None:
            yield from self._fetched(self._fetcher)

    def _ignore(self, path: Path, reason: str) -> None:
        self.ignored += 1
        if self._verbose:
            _say(f"articlex batch: skipped {path}: {reason}")

    def _fetched(self, fetcher: Fetcher) -> Iterator[PageInput]:
        """The pages at the URLs, fetched a few at a time; a URL that cannot be fetched is a failure."""
        wanted = (url for url in self._addresses if self._wanted(url))
        for url, outcome in fetch_all(wanted, fetcher, concurrency=self._concurrency):
            if isinstance(outcome, Exception):
                self._failures.append((failure_of(url, outcome), url))
                continue
            self.consumed += len(outcome.content)
            self.urls[url] = outcome.url
            yield PageInput(key=url, data=outcome.content, url=outcome.url, encoding=outcome.content_type)

    def _wanted(self, key: str) -> bool:
        if key in self._done:
            self.skipped += 1
            return False
        return True

    def _fail(self, key: str, url: str | None, error: Exception) -> None:
        if self._wanted(key):
            self._failures.append((failure_of(key, error), url))

    def _page(self, path: Path) -> Iterator[PageInput]:
        key = str(path)
        if not self._wanted(key):
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            self._failures.append((failure_of(key, error), None))
            return
        self.consumed += len(data)
        self.urls[key] = None
        yield PageInput(key=key, data=data)

    def _archive(self, path: Path) -> Iterator[PageInput]:
        start = self.consumed
        try:
            with path.open("rb") as stream:
                for source in iter_pages(stream):
                    self.consumed = start + stream.tell()
                    if self._wanted(source.key):
                        self.urls[source.key] = source.url
                        yield source
        except WarcFormatError as error:
            self._fail(error.key or str(path), error.url, error)
        except OSError as error:
            self._fail(str(path), None, error)


def run_batch(argv: Sequence[str]) -> int:
    """Run `articlex batch` with ARGV (the arguments after `batch`); returns the exit status."""
    parser = build_batch_parser()
    args = parser.parse_args(argv)
    chosen = output_format(args.output, args.format)
    if not args.inputs and not args.urls:
        parser.error("give at least one INPUT (a file, folder, WARC file or URL) or --urls FILE")
    if args.resume and (chosen != "jsonl" or args.output == "-"):
        parser.error("--resume needs a JSON Lines output file (a Parquet file or stdout cannot be appended to)")
    if chosen == "parquet" and args.output == "-":
        parser.error("Parquet cannot be written to stdout; give -o FILE.parquet")
    options = Options(
        input_kind=InputKind(args.kind), reference_date=args.reference_date, include_decisions=args.decisions
    )
    paths = [item for item in args.inputs if not is_url(item)]
    try:
        addresses = _addresses([item for item in args.inputs if is_url(item)], args.urls)
        fetcher = _fetcher(args) if addresses else None
        done = done_keys(Path(args.output)) if args.resume else set()
        output = _open_output(args.output, chosen, append=args.resume)
    except (ArticlexError, OSError) as error:
        _say(f"articlex batch: {error}")
        return EXIT_USAGE
    inputs = Inputs(
        paths,
        done,
        urls=addresses,
        fetcher=fetcher,
        concurrency=args.concurrency,
        globs=args.glob,
        verbose=args.verbose,
    )
    showing = not args.quiet and sys.stderr.isatty()
    progress = Progress(sys.stderr, enabled=showing, total_bytes=inputs.total_bytes() if showing else None)
    results = extract_many(inputs.sources(), workers=args.workers, timeout=args.timeout or None, options=options)
    try:
        return _drive(results, inputs, output, progress, quiet=args.quiet)
    finally:
        if fetcher is not None:
            fetcher.close()


def _addresses(given: list[str], files: list[str]) -> list[str]:
    """The URLs given on the command line, then those of the --urls files (blank lines and '#' comments skipped)."""
    found = list(given)
    for name in files:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        for line in text.splitlines():
            address = line.strip()
            if not address or address.startswith("#"):
                continue
            if not is_url(address):
                msg = f"{name}: {address!r} is not an http(s) URL"
                raise ArticlexError(msg)
            found.append(address)
    return found


def _fetcher(args: argparse.Namespace) -> Fetcher:
    return Fetcher(
        timeout=args.fetch_timeout,
        max_bytes=DEFAULT_MAX_BYTES,
        user_agent=args.user_agent,
        respect_robots=args.respect_robots,
        delay=args.delay,
        connections=max(1, args.concurrency),
    )


def _drive(
    results: Iterable[tuple[str, Result]], inputs: Inputs, output: Output, progress: Progress, *, quiet: bool
) -> int:
    """Write every result as it comes, keep the progress line and the tally, print the summary."""
    tally = Tally()
    start = time.monotonic()
    try:
        for key, result in results:
            _write(output, tally, key, inputs.urls.pop(key, None), result)
            _write_failures(output, tally, inputs)
            progress.update(tally.pages, sum(tally.failures.values()), inputs.consumed)
        _write_failures(output, tally, inputs)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, like any Unix filter.
        _close(results)
        progress.close()
        quiet_stdout()
        return EXIT_OK
    except (KeyboardInterrupt, ArticlexError) as error:
        _close(results)
        output.abort()
        progress.close()
        reason = "interrupted" if isinstance(error, KeyboardInterrupt) else str(error)
        _say(f"articlex batch: {reason}; stopped after {tally.pages:,} pages")
        return EXIT_INTERRUPTED if isinstance(error, KeyboardInterrupt) else EXIT_USAGE
    output.close()
    progress.close()
    tally.skipped = inputs.skipped
    tally.ignored = inputs.ignored
    if not quiet:
        _say(tally.report(time.monotonic() - start))
    return EXIT_SOME_FAILED if tally.failures else EXIT_OK


def _open_output(name: str, chosen: str, *, append: bool) -> Output:
    if name == "-":
        return JsonlOutput(None, append=False)
    return ParquetOutput(Path(name)) if chosen == "parquet" else JsonlOutput(Path(name), append=append)


def _close(results: Iterable[object]) -> None:
    """Stop the workers behind RESULTS now (a generator's cleanup runs on close)."""
    close = getattr(results, "close", None)
    if close is not None:
        close()


def quiet_stdout() -> None:
    """After a broken pipe: point standard output at /dev/null so the flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def _say(text: str) -> None:
    """A message for the person running the command, on standard error."""
    sys.stderr.write(text + "\n")


def _write(output: Output, tally: Tally, key: str, url: str | None, result: Result) -> None:
    output.write(key, url, result)
    tally.add(result)


def _write_failures(output: Output, tally: Tally, inputs: Inputs) -> None:
    for failure, url in inputs.take_failures():
        _write(output, tally, failure.key, url, failure)

"""`articlex batch`: extract every page of files, folders and WARC archives into one output file.

    articlex batch pages/ crawl.warc.gz -o out.jsonl        # all cores, progress on a terminal
    articlex batch pages/ -o out.jsonl --resume             # go on after an interrupted run
    articlex batch pages/ -o out.parquet --format parquet   # needs articlex[parquet]

The command only wires pieces together: `sources.walk_inputs` finds the files, `warc.iter_pages`
reads archives, `batch.extract_many` extracts in worker processes, `outputs` writes, `progress`
draws. Inputs are read lazily in this process as workers become free, so memory does not grow
with the number of pages. A file or WARC record that cannot be read is a failure line like a
page that cannot be extracted: every input gets a line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from articlex.errors import ArticlexError
from articlex.options import InputKind, Options
from articlex.scale.batch import DEFAULT_TIMEOUT, ExtractionFailure, Result, extract_many, failure_of
from articlex.scale.inputs import Source, is_warc_file, walk_inputs
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
            "Extract the articles of many pages: page files, folders (recursively: .html, .htm, .html.gz, "
            ".txt) and WARC archives (.warc, .warc.gz). Writes one result per page."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="page files, folders, WARC files")
    parser.add_argument("-o", "--output", required=True, type=Path, help="output file (.jsonl or .parquet)")
    parser.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="output format")
    parser.add_argument("--workers", type=int, help="worker processes (default: all cores; 0: in this process)")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per page before its worker is killed (0: none)"
    )
    parser.add_argument("--resume", action="store_true", help="skip pages already in the output and append (jsonl)")
    parser.add_argument("--quiet", action="store_true", help="no progress line and no summary")
    parser.add_argument("--kind", choices=[kind.value for kind in InputKind], default="auto", help="input kind")
    parser.add_argument("--reference-date", type=dt.date.fromisoformat, help="the day the pages were fetched")
    parser.add_argument("--no-decisions", action="store_true", help="leave the per-block decisions out")
    return parser


@dataclass
class Tally:
    """What the run did, for the summary."""

    pages: int = 0
    articles: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    skipped: int = 0

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
        return "\n".join(lines)


class Inputs:
    """The pages of the command line's inputs, read lazily; unreadable ones become failures."""

    def __init__(self, paths: Sequence[str], done: set[str]) -> None:
        """Read the pages of PATHS, skipping those whose key is in DONE."""
        self._paths = paths
        self._done = done
        self.urls: dict[str, str | None] = {}
        """The address of each page in flight, by key (results carry only the key)."""
        self.consumed = 0
        """Bytes of input read so far, for the ETA."""
        self.skipped = 0
        self._failures: list[tuple[ExtractionFailure, str | None]] = []

    def total_bytes(self) -> int:
        """The size of every input file (one extra walk; only done when a progress line is shown)."""
        return sum(path.stat().st_size for path in walk_inputs(self._paths) if path.is_file())

    def take_failures(self) -> list[tuple[ExtractionFailure, str | None]]:
        """The read failures found since the last call, with their addresses."""
        failures, self._failures = self._failures, []
        return failures

    def sources(self) -> Iterator[Source]:
        """Every page to extract, in input order."""
        for path in walk_inputs(self._paths):
            yield from self._archive(path) if is_warc_file(path) else self._page(path)

    def _wanted(self, key: str) -> bool:
        if key in self._done:
            self.skipped += 1
            return False
        return True

    def _fail(self, key: str, url: str | None, error: Exception) -> None:
        if self._wanted(key):
            self._failures.append((failure_of(key, error), url))

    def _page(self, path: Path) -> Iterator[Source]:
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
        yield Source(key=key, data=data)

    def _archive(self, path: Path) -> Iterator[Source]:
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
    if args.resume and args.format != "jsonl":
        parser.error("--resume needs --format jsonl (a Parquet file cannot be appended to)")
    options = Options(
        input_kind=InputKind(args.kind), reference_date=args.reference_date, include_decisions=not args.no_decisions
    )
    done = done_keys(args.output) if args.resume else set()
    try:
        output = _open_output(args.output, args.format, append=args.resume)
    except (ArticlexError, OSError) as error:
        _say(f"articlex batch: {error}")
        return EXIT_USAGE
    inputs = Inputs(args.inputs, done)
    showing = not args.quiet and sys.stderr.isatty()
    progress = Progress(sys.stderr, enabled=showing, total_bytes=inputs.total_bytes() if showing else None)
    results = extract_many(inputs.sources(), workers=args.workers, timeout=args.timeout or None, options=options)
    return _drive(results, inputs, output, progress, quiet=args.quiet)


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
    except (KeyboardInterrupt, ArticlexError) as error:
        output.abort()
        progress.close()
        reason = "interrupted" if isinstance(error, KeyboardInterrupt) else str(error)
        _say(f"articlex batch: {reason}; stopped after {tally.pages:,} pages")
        return EXIT_INTERRUPTED if isinstance(error, KeyboardInterrupt) else EXIT_USAGE
    output.close()
    progress.close()
    tally.skipped = inputs.skipped
    if not quiet:
        _say(tally.report(time.monotonic() - start))
    return EXIT_SOME_FAILED if tally.failures else EXIT_OK


def _open_output(path: Path, output_format: str, *, append: bool) -> Output:
    return ParquetOutput(path) if output_format == "parquet" else JsonlOutput(path, append=append)


def _say(text: str) -> None:
    """A message for the person running the command, on standard error."""
    sys.stderr.write(text + "\n")


def _write(output: Output, tally: Tally, key: str, url: str | None, result: Result) -> None:
    output.write(key, url, result)
    tally.add(result)


def _write_failures(output: Output, tally: Tally, inputs: Inputs) -> None:
    for failure, url in inputs.take_failures():
        _write(output, tally, failure.key, url, failure)

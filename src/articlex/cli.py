"""The `articlex` command: extract articles from files or standard input and print them.

    articlex page.html                    # the Article as indented JSON
    articlex https://example.com/news/1   # fetch the page first (needs articlex[fetch])
    articlex a.html b.txt                 # one JSON object per line: {"source": ..., "article": ...}
    articlex --format text page.html      # headline, credits and body as plain text
    articlex --format markdown page.html  # the same as Markdown (or --format html: a clean HTML fragment)
    curl -s URL | articlex --url URL -    # read standard input
    articlex batch DIR x.warc.gz -o out.jsonl   # many pages in worker processes (`scale/command.py`)

No extraction logic lives here: the command reads or fetches inputs, calls `extract`, and
prints. The word `batch` as the first argument selects the batch command; a page file named
`batch` is `./batch`. A reader that goes away (`articlex … | head`) ends the command quietly
with status 0, as for any Unix filter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from articlex import __version__
from articlex.api import extract
from articlex.errors import ArticlexError
from articlex.model import Article
from articlex.options import InputKind, Options
from articlex.scale.fetch import DEFAULT_TIMEOUT, Fetcher, is_url

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="articlex",
        description="Extract the article (headline, credits, dates, body) from news pages given as HTML or text.",
        epilog="For folders, WARC files and many pages in parallel: articlex batch --help",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="page files (.html, .html.gz, .txt), http(s) URLs; '-' for stdin"
    )
    parser.add_argument("--format", choices=("json", "text", "markdown", "html"), default="json", help="output format")
    parser.add_argument("--url", help="the page's address (with one input)")
    parser.add_argument("--encoding", help="charset or Content-Type of the input bytes, when the page lies about it")
    parser.add_argument("--kind", choices=[kind.value for kind in InputKind], default="auto", help="input kind")
    parser.add_argument("--reference-date", type=dt.date.fromisoformat, help="the day the page was fetched")
    parser.add_argument("--no-decisions", action="store_true", help="leave the per-block decisions out of JSON")
    parser.add_argument("--comments", action="store_true", help="read the readers' comments into the JSON's comments")
    parser.add_argument("--version", action="version", version=f"articlex {__version__}")
    fetching = parser.add_argument_group("URLs (needs articlex[fetch])")
    fetching.add_argument("--fetch-timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds to fetch one page")
    fetching.add_argument("--user-agent", help="the User-Agent header (default: articlex/VERSION)")
    fetching.add_argument("--respect-robots", action="store_true", help="refuse what the site's robots.txt forbids")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 all good, 1 some inputs failed, 2 usage)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["batch"]:
        from articlex.scale.command import run_batch  # noqa: PLC0415 - loaded only for the batch command

        return run_batch(arguments[1:])
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.url and len(args.paths) > 1:
        parser.error("--url applies to one input; give one PATH with it")
    options = Options(
        input_kind=InputKind(args.kind),
        reference_date=args.reference_date,
        include_decisions=not args.no_decisions,
        include_comments=args.comments,
    )
    try:
        return _extract_all(args, options)
    except BrokenPipeError:
        from articlex.scale.command import quiet_stdout  # noqa: PLC0415 - only after a closed pipe

        quiet_stdout()
        return EXIT_OK


def _extract_all(args: argparse.Namespace, options: Options) -> int:
    several = len(args.paths) > 1
    failures = 0
    fetcher: Fetcher | None = None
    try:
        for path in args.paths:
            try:
                if is_url(path):
                    fetcher = fetcher or Fetcher(
                        timeout=args.fetch_timeout, user_agent=args.user_agent, respect_robots=args.respect_robots
                    )
                    article = _extract_url(fetcher, path, args, options)
                else:
                    article = extract(_read(path), url=args.url, encoding=args.encoding, options=options)
            except (OSError, ArticlexError) as error:
                failures += 1
                print(f"articlex: {path}: {_describe(error)}", file=sys.stderr)
                if several and args.format == "json":
                    _print_json({"source": path, "error": _describe(error)}, sys.stdout)
                continue
            _print_article(article, path, args.format, several=several)
            sys.stdout.flush()
    finally:
        if fetcher is not None:
            fetcher.close()
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _extract_url(fetcher: Fetcher, address: str, args: argparse.Namespace, options: Options) -> Article:
    """Fetch ADDRESS, then extract it; --url and --encoding override what the server said."""
    fetched = fetcher.fetch(address)
    encoding = args.encoding or fetched.content_type
    return extract(fetched.content, url=args.url or fetched.url, encoding=encoding, options=options)


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if file.is_dir():
        msg = "is a directory; give page files (use 'articlex batch' for folders)"
        raise IsADirectoryError(msg)
    return file.read_bytes()


def _describe(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file" + (" (a web address starts with http:// or https://)" if "://" in str(error) else "")
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return str(error.args[0]) if error.args else "is a directory"
    return str(error)


def _print_article(article: Article, path: str, output: str, *, several: bool) -> None:
    if output == "json":
        data = article.model_dump(mode="json")
        if several:
            _print_json({"source": path, "article": data}, sys.stdout)
        else:
            print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if several:
        print(f"==> {path} <==")
    if output == "markdown":
        print(article.to_markdown(), end="")
    elif output == "html":
        print(article.to_html(), end="")
    else:
        print(article.to_text())


def _print_json(record: dict[str, object], stream: TextIO) -> None:
    print(json.dumps(record, ensure_ascii=False), file=stream)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

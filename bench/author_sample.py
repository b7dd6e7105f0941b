"""Draw author values at random from pages without author truth, for a hand check of precision.

Usage::

    PYTHONPATH=src python bench/author_sample.py [--data DIR] [--n 100] [--seed 20261203]
        [--context 80] [--json OUT]

Runs ``articlex.extract(page_bytes, url=url)`` on every page ``DIR/<corpus>/html/<id>.html.gz``
(``DIR`` defaults to ``../shared/data/web-dev``; ``<corpus>/ground-truth.json`` gives each
page's URL), pools every (page, author) pair of the pages where ``Article.authors`` is not
empty, and draws ``--n`` pairs from the pool with ``random.Random(seed).sample``: one author
value per draw, without replacement, each pair equally likely (a page with two authors is
twice as likely to be drawn as a page with one). Prints one row per draw: number, corpus,
page id, the author value, the byline as printed, the provenance of ``authors`` (source and
evidence) and an excerpt of the page's visible text around the first place the value
appears (``-`` when it does not appear as such). The rows are for judging by hand; see
bench/README.md ("Authors on pages without truth: a hand check").

The pages are third-party content: do not copy the printed names into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

try:
    from bench.accuracy import decode_page
except ImportError:  # run as a script from bench/
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from accuracy import decode_page

_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def visible_text(page: str) -> str:
    """The page's text with scripts, styles, comments and tags removed, whitespace collapsed."""
    text = _TAG.sub(" ", _DROP.sub(" ", page))
    return _SPACE.sub(" ", html_lib.unescape(text)).strip()


def excerpt(text: str, value: str, width: int) -> str:
    """``width`` characters either side of the first case-insensitive match of ``value``."""
    index = text.lower().find(value.lower())
    if index < 0:
        return "-"
    start, end = max(0, index - width), min(len(text), index + len(value) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def pool(data: Path, articlex: Any) -> tuple[list[dict[str, Any]], int, int]:
    """Every (page, author) pair of the corpora under ``data``; also the page and error counts."""
    pairs: list[dict[str, Any]] = []
    pages = errors = 0
    for corpus in sorted(sub for sub in data.iterdir() if (sub / "ground-truth.json").is_file()):
        truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
        for page_id in sorted(truth, key=lambda key: (len(key), key)):
            path = corpus / "html" / f"{page_id}.html.gz"
            if not path.is_file():
                continue
            pages += 1
            raw = gzip.decompress(path.read_bytes())
            url = truth[page_id].get("url") or None
            try:
                article = articlex.extract(raw, url=url)
            except Exception:  # a page that raises has no author to check
                errors += 1
                continue
            if not article.authors:
                continue
            prov = article.provenance.get("authors")
            source = f"{prov.source}: {prov.evidence}" if prov is not None else "-"
            pairs.extend(
                {
                    "corpus": corpus.name,
                    "id": page_id,
                    "url": url or "",
                    "author": author,
                    "byline": article.byline or "",
                    "provenance": source,
                    "path": str(path),
                }
                for author in article.authors
            )
    return pairs, pages, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/web-dev")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--context", type=int, default=80, help="characters of page text either side")
    parser.add_argument("--json", type=Path, help="also write the drawn rows as JSON")
    args = parser.parse_args(argv)

    import articlex

    pairs, pages, errors = pool(args.data, articlex)
    page_count = len({(pair["corpus"], pair["id"]) for pair in pairs})
    print(f"{pages} pages, {errors} raised, {page_count} with authors, {len(pairs)} (page, author) pairs")
    drawn = random.Random(args.seed).sample(pairs, min(args.n, len(pairs)))
    print("| # | corpus | id | author | byline | provenance | where it appears |")
    print("|---|---|---|---|---|---|---|")
    for number, row in enumerate(drawn, 1):
        raw = gzip.decompress(Path(row["path"]).read_bytes())
        row["excerpt"] = excerpt(visible_text(decode_page(raw)), row["author"], args.context)
        cells = [str(number), row["corpus"], row["id"], row["author"], row["byline"], row["provenance"], row["excerpt"]]
        print("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |")
    if args.json:
        args.json.write_text(json.dumps(drawn, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

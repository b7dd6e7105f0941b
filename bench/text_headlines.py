"""How often articlex finds the same headline in a page's text rendering as in its HTML.

Usage::

    python bench/text_headlines.py --data SCRAPINGHUB-DIR WEB-DEV-DIR --text SCRAPINGHUB-TEXT WEB-DEV-TEXT

The text corpora have no headline truth; the headline articlex reads from the page's HTML (87.7%
exact on meta-dev, `bench/metadata.py`) stands in for it. For every page with a rendering, the two
headlines are compared as words (case and punctuation aside); the table gives, per corpus and per
half of the split (`bench/accuracy.py`, "The split"), the pages where they agree, where the text
gives none (an empty rendering among them), and where the HTML gives none (those count as
disagreeing). Nothing is gated.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

try:  # run as `python -m bench.text_headlines` from the repository root
    from bench import accuracy
except ModuleNotFoundError:  # run as `python bench/text_headlines.py`: bench/ is on sys.path
    import accuracy


def same_words(first: str | None, second: str | None) -> bool:
    """Whether two headlines have the same words, case and punctuation aside (None never agrees)."""
    if not first or not second:
        return False
    return _words(first) == _words(second)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, nargs="+", required=True)
    parser.add_argument("--text", type=Path, nargs="+", required=True)
    args = parser.parse_args(argv)
    import articlex

    html_corpora = accuracy.find_corpora(args.data)
    text_corpora = accuracy.find_corpora(args.data, args.text)
    print(f"{'corpus':26} {'half':6} {'pages':>6} {'agree':>6} {'share':>7} {'no text headline':>17}")
    totals: Counter[str] = Counter()
    for html_corpus, text_corpus in zip(html_corpora, text_corpora, strict=True):
        html_pages, _ = accuracy.load_pages(html_corpus)
        text_pages, missing = accuracy.load_pages(text_corpus)
        counts: Counter[str] = Counter()
        for html_page, text_page in zip(html_pages, text_pages, strict=True):
            if text_page.id in missing:
                continue
            half = accuracy.split_of(html_page.id)
            from_html = articlex.extract(html_page.source, url=html_page.url).headline
            try:
                from_text = articlex.extract(text_page.source).headline
            except articlex.EmptyInputError:  # an empty rendering (the browser showed nothing)
                from_text = None
            counts[f"{half} pages"] += 1
            counts[f"{half} agree"] += same_words(from_html, from_text)
            counts[f"{half} none"] += from_text is None
        for half in accuracy.SPLITS:
            pages, agree = counts[f"{half} pages"], counts[f"{half} agree"]
            share = agree / pages if pages else 0.0
            print(f"{html_corpus.name:26} {half:6} {pages:6d} {agree:6d} {share:7.3f} {counts[f'{half} none']:17d}")
        totals.update(counts)
    for half in accuracy.SPLITS:
        pages, agree = totals[f"{half} pages"], totals[f"{half} agree"]
        share = agree / pages if pages else 0.0
        print(f"{'all':26} {half:6} {pages:6d} {agree:6d} {share:7.3f} {totals[f'{half} none']:17d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Record articlex's whole output on every page of the data folders, or compare two records.

A refactor that claims "no change in behaviour", or a compiled build that claims "the same
output as pure Python", proves it here: ``record`` writes one line per page (the corpus, the
page id, the input kind and a SHA-256 of the page's ``Article`` as JSON) and ``compare`` lists
every page whose output differs between two records.

    python bench/snapshot.py record ../shared/data -o before.tsv
    python bench/snapshot.py record ../shared/data -o after.tsv
    python bench/snapshot.py compare before.tsv after.tsv

``record`` finds every corpus under the folder it is given: ``*/ground-truth.json`` with
``html/<id>.html.gz`` (scrapinghub's layout), ``*-text/**/<id>.txt`` renderings, and meta-dev's
``truth.json`` with its ``file`` entries.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from common import import_articlex


def pages(root: Path) -> Iterator[tuple[str, str, str, bytes | str, str | None]]:
    """Every page under ``root`` as (corpus, page id, kind, input, url), in a stable order."""
    for truth_file in sorted(root.rglob("ground-truth.json")):
        corpus = truth_file.parent
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        for page_id in sorted(truth):
            html = corpus / "html" / f"{page_id}.html.gz"
            if html.exists():
                yield (
                    str(corpus.relative_to(root)),
                    page_id,
                    "html",
                    gzip.decompress(html.read_bytes()),
                    truth[page_id].get("url") or None,
                )
    for text_file in sorted(root.rglob("*.txt")):
        if "-text" in str(text_file.relative_to(root)).split("/")[0]:
            yield (
                str(text_file.parent.relative_to(root)),
                text_file.stem,
                "text",
                text_file.read_text(encoding="utf-8"),
                None,
            )
    for truth_file in sorted(root.rglob("truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        for page_id in sorted(truth):
            page = truth_file.parent / truth[page_id]["file"]
            yield (
                str(truth_file.parent.relative_to(root)),
                page_id,
                "html",
                gzip.decompress(page.read_bytes()),
                truth[page_id].get("url") or None,
            )


def record(root: Path, out: Path) -> int:
    """Write one line per page: corpus, id, kind, digest of the Article's JSON (or the error)."""
    articlex = import_articlex()
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for corpus, page_id, kind, data, url in pages(root):
            try:
                output = articlex.extract(data, url=url).model_dump_json()
            except articlex.ArticlexError as error:
                output = f"error: {type(error).__name__}: {error}"
            digest = hashlib.sha256(output.encode("utf-8")).hexdigest()
            sink.write(f"{corpus}\t{page_id}\t{kind}\t{digest}\n")
            count += 1
    print(f"{count} pages recorded in {out}")
    return 0


def compare(before: Path, after: Path) -> int:
    """List the pages whose output differs; exit 1 when any does or a page is missing."""

    def load(path: Path) -> dict[tuple[str, str, str], str]:
        rows = (line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines())
        return {(corpus, page_id, kind): digest for corpus, page_id, kind, digest in rows}

    old, new = load(before), load(after)
    changed = sorted(key for key in old.keys() & new.keys() if old[key] != new[key])
    missing = sorted(old.keys() ^ new.keys())
    for corpus, page_id, kind in changed:
        print(f"changed  {corpus}/{page_id} ({kind})")
    for corpus, page_id, kind in missing:
        print(f"only in {'before' if (corpus, page_id, kind) in old else 'after'}  {corpus}/{page_id} ({kind})")
    print(f"{len(old.keys() & new.keys())} pages compared: {len(changed)} changed, {len(missing)} in one record only")
    return 1 if changed or missing else 0


def main() -> int:
    """Command line: ``record DATA -o OUT`` or ``compare BEFORE AFTER``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    record_command = commands.add_parser("record", help="record the output on every page under DATA")
    record_command.add_argument("data", type=Path)
    record_command.add_argument("-o", "--out", type=Path, required=True)
    compare_command = commands.add_parser("compare", help="list the pages whose output differs")
    compare_command.add_argument("before", type=Path)
    compare_command.add_argument("after", type=Path)
    arguments = parser.parse_args()
    if arguments.command == "record":
        return record(arguments.data, arguments.out)
    return compare(arguments.before, arguments.after)


if __name__ == "__main__":
    sys.exit(main())

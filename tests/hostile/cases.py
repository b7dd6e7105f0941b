"""Pathological pages, generated on the fly (nothing big is committed), and a runner for one of them.

`python tests/hostile/cases.py NAME` builds the page NAME, extracts it under a memory limit and
prints one JSON line: the outcome (an `Article` summary or the `ArticlexError` raised), the time
spent, and the peak memory. The tests run each case this way, in a subprocess with a timeout,
so a case that hangs or crashes the interpreter fails its test instead of the whole suite.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import zipfile
from collections.abc import Callable
from io import BytesIO

MB = 1_000_000
MEMORY_LIMIT = 6 * 2**30
"""A case that needs more memory than this fails with MemoryError instead of taking the machine down."""
PARAGRAPH = (
    "The council met on Tuesday and approved the new budget for the city, after a debate that lasted "
    "more than four hours and ended with a narrow vote."
)
ARTICLE = "<!DOCTYPE html><html><head><title>Budget approved</title></head><body><article><h1>Budget approved</h1>"
ENDING = "</article></body></html>"


def _fifty_mb() -> bytes:
    """An ordinary article page padded to exactly 50,000,000 bytes with more paragraphs."""
    head = (ARTICLE + f"<p>{PARAGRAPH}</p>" * 3).encode()
    tail = ENDING.encode()
    filler = f"<p>{PARAGRAPH}</p>".encode()
    body = filler * ((50 * MB - len(head) - len(tail)) // len(filler) + 1)
    page = head + body[: 50 * MB - len(head) - len(tail)] + tail
    assert len(page) == 50 * MB
    return page


def _zip_file() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", ARTICLE + f"<p>{PARAGRAPH}</p>" + ENDING)
    return buffer.getvalue()


def _article(middle: str) -> str:
    """An article with three real paragraphs around a hostile part."""
    return ARTICLE + f"<p>{PARAGRAPH}</p>" + middle + f"<p>{PARAGRAPH}</p>" * 2 + ENDING


CASES: dict[str, Callable[[], str | bytes]] = {
    "fifty_mb": _fifty_mb,
    "fifty_mb_plus_one": lambda: _fifty_mb() + b" ",
    "one_mb_line_text": lambda: (PARAGRAPH + " ") * (MB // len(PARAGRAPH)),
    "one_mb_line_html": lambda: _article("<p>" + (PARAGRAPH + " ") * (MB // len(PARAGRAPH)) + "</p>"),
    "nested_divs": lambda: _article("<div>" * 100_000 + "deep text" + "</div>" * 100_000),
    "nested_spans": lambda: _article("<span>" * 100_000 + "deep text" + "</span>" * 100_000),
    "nested_tables": lambda: _article("<table><tr><td>" * 20_000 + "cell"),
    "breaks": lambda: _article("<p>" + "<br>" * 100_000 + "</p>"),
    "entities": lambda: _article("<p>" + "&amp;" * 1_000_000 + "</p>"),
    "table_cells": lambda: _article("<table>" + ("<tr>" + "<td>cell</td>" * 100 + "</tr>") * 1_000 + "</table>"),
    "colspan": lambda: _article(
        '<table><tr><td colspan="9007199254740991" rowspan="9007199254740991">wide</td></tr></table>'
    ),
    "truncated_html": lambda: _article("")[: len(ARTICLE) + 60],
    "nul_bytes": lambda: _article("").encode().replace(b"budget", b"bud\x00get"),
    "lone_surrogates": lambda: _article("<p>\ud800 a \udfff b \udc00</p>"),
    "mixed_encodings": lambda: (
        ARTICLE.encode()
        + ("<p>" + PARAGRAPH.replace("city", "cité, à côté du théâtre,") + "</p>").encode("utf-8") * 3
        + "<p>Ein Satz mit Umlauten: Größe, Übermaß, Bürger.</p>".encode("cp1252")
        + ENDING.encode()
    ),
    "entity_expansion": lambda: (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
        + "]>"
        + _article("<p>&lol9; &lol9; &lol9;</p>")
    ),
    "backtracking_text": lambda: "\n".join(
        ["By " + "A, " * 30_000, "1.1." * 25_000, "<!--" * 25_000, " " * 100_000 + "x", "," * 100_000]
    ),
    "backtracking_html": lambda: _article(
        '<p class="byline">By ' + "Asha Rao, " * 20_000 + "</p><p>" + "1.1." * 25_000 + "</p>"
    ),
    "comment_openers": lambda: _article("<!--" * 250_000),
    "tag_openers": lambda: _article("<a " * 250_000),
    "formatting_reconstruction": lambda: _article(
        "<p>" + "".join(f"<b id={i}>" for i in range(100)) + "</p>" + "<p>x</p>" * 40_000
    ),
    "select_options": lambda: _article("<select>" + "<option>x</option>" * 40_000 + "</select>"),
    "many_attributes": lambda: _article("<div " + " ".join(f"a{i}=1" for i in range(20_000)) + ">x</div>"),
    "nested_marks": lambda: _article('<div class="date">' * 1_500 + "word " * 200_000),
    "nested_itemprops": lambda: _article('<div itemprop="name">' * 1_500 + "word " * 200_000),
    "control_references": lambda: _article("<p>&#2;1&#3; &#4;2&#3; &#14;0&#3; &#8;</p>"),
    "zip": _zip_file,
    "pdf": lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 40,
    "png": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
    "empty": lambda: b"",
    "whitespace": lambda: " \n\t\r\n " * 1000,
    "only_script": lambda: "<html><head><script>var article = 'not visible';</script></head><body></body></html>",
}


def run(name: str, budget: float) -> dict[str, object]:
    """Extract case `name` with `Options(time_budget=budget)`; the outcome as a JSON-able dict."""
    import articlex  # noqa: PLC0415 - imported after the memory limit is set

    source = CASES[name]()
    started = time.monotonic()
    try:
        article = articlex.extract(source, options=articlex.Options(time_budget=budget))
    except articlex.ArticlexError as error:
        outcome: dict[str, object] = {"error": type(error).__name__, "message": str(error)}
    else:
        diagnostics = article.diagnostics
        assert diagnostics is not None
        outcome = {
            "paragraphs": list(article.paragraphs),
            "headline": article.headline,
            "blocks": diagnostics.blocks,
            "timed_out": diagnostics.timed_out,
            "truncated": diagnostics.truncated,
            "replacement_characters": diagnostics.replacement_characters,
            "removed_characters": diagnostics.removed_characters,
            "warnings": list(diagnostics.warnings),
        }
    outcome["seconds"] = round(time.monotonic() - started, 2)
    outcome["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return outcome


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    case, budget_text = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "10"
    result = run(case, float(budget_text))
    # Paragraphs can be megabytes long: report their count and the first characters of each.
    result["paragraphs"] = [text[:200] for text in result.get("paragraphs", [])]  # type: ignore[attr-defined]
    print(json.dumps({"case": case, **result}, ensure_ascii=True))  # noqa: T201 - the result for the parent

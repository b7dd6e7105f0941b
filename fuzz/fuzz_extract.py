"""Fuzz `articlex.extract` with atheris: only `ArticlexError` may escape, for bytes and for str.

    pip install -e ".[fuzz]"
    python fuzz/fuzz_extract.py CORPUS_DIR -runs=2000        # libFuzzer options
    bash fuzz/run.sh 20000                                    # corpus seeded from fixtures/

Each input is extracted twice: as bytes (decoding included) and, decoded as UTF-8 with
surrogate escapes, as str (lone surrogates included). A small time budget keeps every run
short; a crash, a hang (libFuzzer's -timeout) or any other exception is a finding, to be
turned into a regression test in tests/hostile/test_fuzz_findings.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import articlex

OPTIONS = articlex.Options(time_budget=2.0, max_input_bytes=1_000_000)


def test_one_input(data: bytes) -> None:
    for source in (data, data.decode("utf-8", "surrogateescape")):
        try:
            article = articlex.extract(source, options=OPTIONS)
        except articlex.ArticlexError:
            continue
        assert isinstance(article, articlex.Article)
        article.model_dump_json()  # the result serialises: no lone surrogates, no invalid values


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

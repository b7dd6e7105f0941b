"""Run every compiled regex of articlex on adversarial strings; print one JSON line per pattern.

Run by `tests/test_regex_audit.py` in a subprocess with a timeout. Before each search the child
prints which pattern and input it is about to try, so a pattern that hangs is named by the
last line of output when the parent kills it.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
import time

import articlex

LENGTH = 100_000
SLOW_SECONDS = 5.0
"""A scan slower than this on a 100,000-character input is reported as too slow. Catastrophic
backtracking takes minutes there; a long alternation (every agency name) is linear and takes a second."""


def adversarial_inputs(pattern: re.Pattern[str]) -> dict[str, str]:
    """Repetitions of characters and pairs that occur in the pattern, and the usual suspects."""
    inputs = {
        "digits": "1" * LENGTH,
        "letters": "a" * LENGTH,
        "capitals": "A" * LENGTH,
        "spaces": " " * LENGTH,
        "words": "a " * (LENGTH // 2),
        "names": "Asha Rao, " * (LENGTH // 10),
        "comment-openers": "<!--" * (LENGTH // 4),
        "commas": "," * LENGTH,
        "dotted-digits": "1.1." * (LENGTH // 4),
        "dashes": "- " * (LENGTH // 2),
        "ampersands": "&" * LENGTH,
        "newlines": "\n" * LENGTH,
        "tags": "<a " * (LENGTH // 3),
        "cjk": "年" * LENGTH,
    }
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    for char in sorted({c for c in source if c.isprintable() and c not in "\\()[]{}?*+|^$"})[:12]:
        inputs[f"char {char!r}"] = char * LENGTH
        inputs[f"char {char!r} + space"] = (char + " ") * (LENGTH // 2)
    return inputs


def patterns() -> list[tuple[str, re.Pattern[str]]]:  # noqa: C901
    """Module-level patterns of every articlex module, and those the cached builders make."""
    found: list[tuple[str, re.Pattern[str]]] = []
    seen: set[int] = set()
    for info in pkgutil.walk_packages(articlex.__path__, "articlex."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue  # an optional integration (Spark) whose extra is not installed
        for name, value in sorted(vars(module).items()):
            candidates = [value] if isinstance(value, re.Pattern) else []
            if isinstance(value, dict):
                candidates = [v for v in value.values() if isinstance(v, re.Pattern)]
            if isinstance(value, tuple):
                candidates = [v for v in value if isinstance(v, re.Pattern)]
                candidates += [v[0] for v in value if isinstance(v, tuple) and v and isinstance(v[0], re.Pattern)]
            if callable(value) and hasattr(value, "cache_info") and getattr(value, "__module__", "") == info.name:
                try:
                    built = value()
                except TypeError:
                    built = None  # a cached function with arguments: not a pattern builder
                items = built if isinstance(built, tuple) else (built,)
                candidates += [item for item in items if isinstance(item, re.Pattern)]
            for index, pattern in enumerate(candidates):
                if id(pattern) not in seen:
                    seen.add(id(pattern))
                    found.append((f"{info.name}.{name}" + (f"[{index}]" if len(candidates) > 1 else ""), pattern))
    return found


def main() -> None:
    for where, pattern in patterns():
        if isinstance(pattern.pattern, bytes):
            continue  # byte patterns (encoding.py) run on at most 4 KB and are checked below as text
        worst = 0.0
        for label, text in adversarial_inputs(pattern).items():
            print(json.dumps({"trying": where, "input": label}), flush=True)  # noqa: T201
            started = time.perf_counter()
            pattern.findall(text)  # tries every start position, like a failing search
            took = time.perf_counter() - started
            worst = max(worst, took)
            if took > SLOW_SECONDS:
                print(json.dumps({"slow": where, "input": label, "seconds": round(took, 2)}), flush=True)  # noqa: T201
        print(json.dumps({"done": where, "worst_seconds": round(worst, 3)}), flush=True)  # noqa: T201
    print(json.dumps({"finished": True}), flush=True)  # noqa: T201


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    main()

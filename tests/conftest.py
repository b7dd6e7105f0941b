"""Shared test setup: where the fixture pages are, and the Hypothesis profiles.

Hypothesis profiles:

- ``dev`` (the default): Hypothesis' usual number of examples, with a generous deadline because
  the machine running the tests is often shared.
- ``ci`` (selected when the environment variable ``CI`` is set, or with
  ``HYPOTHESIS_PROFILE=ci``): few examples, no deadline, derandomized, no example database, so a
  CI run is fast and repeatable.

A test module that wants fewer examples than the profile gives caps the number with
``settings(max_examples=min(n, settings.default.max_examples))``, so ``ci`` can still lower it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"
"""The fixture cases: one folder each, holding `page.html` and/or `page.txt` and `expected.json`."""

settings.register_profile("dev", deadline=2000)
settings.register_profile(
    "ci",
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


def case_dirs() -> list[Path]:
    """Every fixture case folder: a folder of `fixtures/` with at least one `page.*` file."""
    return sorted(path for path in FIXTURES_DIR.iterdir() if path.is_dir() and any(path.glob("page.*")))


def case_pages() -> list[Path]:
    """Every fixture page: each `page.*` file of each case folder."""
    return [page for case in case_dirs() for page in sorted(case.glob("page.*"))]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise the arguments `case_dir` (one per case folder) and `case_page` (one per page)."""
    if "case_dir" in metafunc.fixturenames:
        cases = case_dirs()
        metafunc.parametrize("case_dir", cases, ids=[case.name for case in cases])
    if "case_page" in metafunc.fixturenames:
        pages = case_pages()
        metafunc.parametrize("case_page", pages, ids=[f"{page.parent.name}/{page.name}" for page in pages])


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The `fixtures/` folder."""
    return FIXTURES_DIR


@pytest.fixture(scope="session")
def all_case_dirs() -> list[Path]:
    """The case folders, sorted by name."""
    return case_dirs()

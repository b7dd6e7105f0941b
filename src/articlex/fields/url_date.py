"""A publication day written in the page's address: '/2024/06/18/', '/2024-06-18-', '_20240618', '/18-06-2024'."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from articlex.date_text import MONTHS_IN_YEAR, plausible

_PATTERNS = (
    re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[-_.])"),
    re.compile(r"(?<![\d])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d])"),
    re.compile(r"(?<![\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d])"),
)
_DAY_FIRST = re.compile(r"/(0?[1-9]|[12]\d|3[01])-(0?[1-9]|1[0-2])-((?:19|20)\d{2})(?:/|$|[-_.])")
"""A path segment that opens with a day, a month and a year ('/29-10-2021'): the order of most of the world.
A month-first address ('/10-29-2021') is left alone: the two orders cannot be told apart in general."""


def date_in_url(url: str, reference: dt.date | None) -> dt.date | None:
    """The day in the address's path, if it holds one that is a real, plausible date."""
    path = urlsplit(url).path
    for pattern in _PATTERNS:
        match = pattern.search(path)
        if match is None:
            continue
        try:
            day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
        checked = plausible(day, reference)
        if isinstance(checked, dt.date):
            return day
    match = _DAY_FIRST.search(path)
    if match is not None:
        first, second = int(match.group(1)), int(match.group(2))
        if first > MONTHS_IN_YEAR or first == second:  # only a day-first reading makes it a date
            found = _valid(int(match.group(3)), second, first)
            return found if found is not None and plausible(found, reference) is not None else None
    return None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

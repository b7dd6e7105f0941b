"""A publication day written in the page's address: '/2024/06/18/', '/2024-06-18-', '_20240618'."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from articlex.fields.dates import plausible

_PATTERNS = (
    re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[-_.])"),
    re.compile(r"(?<![\d])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d])"),
    re.compile(r"(?<![\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d])"),
)


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
    return None

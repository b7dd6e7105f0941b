"""The lead image when no metadata names one: the first picture near the body's top that looks like a photograph.

Pages name their lead image in `og:image`, `twitter:image` or JSON-LD; `find_fields` takes it from
there. A page without one often still opens its article with a picture. Near the top, among the
article's own figures, the pictures that are not photographs give themselves away by what the page
says about them: a side written smaller than an icon's, a file named for a button, a badge or a
feed, a drawing format, an address on an ad or tracking server, a link to a share service.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from articlex.fields.body import Element, resolve_address
from articlex.model import Source
from articlex.stages import Candidate, Picture

LEAD_TEXT_ELEMENTS = 3
"""A picture after the body's third text element (paragraph, heading, list…) illustrates a later part."""
MIN_SIDE_PIXELS = 150
"""A width or height written smaller than this is an icon, a badge, a button or a tracking pixel."""
NOT_PHOTO_EXTENSIONS = (".svg", ".gif", ".ico")
"""Drawings, animations and icons: what pages store in these formats is rarely the lead picture."""
NOT_PHOTO_NAME_WORDS = frozenset(
    {
        "icon", "icons", "favicon", "logo", "logos", "badge", "badges", "avatar", "avatars", "gravatar", "sprite",
        "sprites", "pixel", "spacer", "blank", "transparent", "placeholder", "loader", "loading", "spinner",
        "button", "buttons", "btn", "share", "sharing", "feed", "rss", "subscribe", "newsletter", "emoji", "smiley",
        "smilies", "arrow", "bullet", "rating", "stars", "signature", "banner", "border", "ad", "ads", "advert",
        "adview", "comment", "comments", "previous", "prev", "next", "svg", "math",
    }
)  # fmt: skip
"""Words of an image's address path (split at every character that is not a letter or digit: folders and file
name) that name no photograph: '/icons/mail.png', 'share-button.jpg', '/ads/view.php', '/render/svg/…'."""
NOT_PHOTO_NAME_PARTS = ("logo", "avatar", "sprite", "spacer", "badge", "button")
"""The same words glued to others in a file name ('sitelogo2.jpg'): none is part of a common word."""
NOT_PHOTO_HOSTS = (
    "doubleclick.net", "googlesyndication.com", "googleadservices.com", "google-analytics.com",
    "scorecardresearch.com", "quantserve.com", "facebook.com", "facebook.net", "twitter.com", "x.com",
    "linkedin.com", "pinterest.com", "feedburner.com", "feeds.feedburner.com", "addthis.com", "sharethis.com",
    "gravatar.com", "amazon-adsystem.com", "adnxs.com", "criteo.com", "outbrain.com", "taboola.com",
)  # fmt: skip
"""Ad, tracking, share and feed services: a picture served from one, or linking to one, is theirs."""


def lead_image(elements: Sequence[Element], pictures: Sequence[Picture], base: str | None) -> Candidate[str] | None:
    """The body's first figure, when it comes before the body's third text element and looks like a photograph."""
    by_address: dict[str, Picture] = {}
    for picture in pictures:
        resolved = resolve_address(base, picture.src)
        if resolved is not None:
            by_address.setdefault(resolved, picture)
    text_elements = 0
    for element in elements:
        if element["type"] != "figure":
            text_elements += 1
            if text_elements >= LEAD_TEXT_ELEMENTS:
                return None
            continue
        # Only the first figure: when it is a button or an icon, the pictures after it are the rest of its row.
        address = str(element["src"])
        found = by_address.get(address)
        if found is None or not _sized_like_a_photograph(found) or not _addressed_like_a_photograph(found, address):
            return None
        return Candidate(address, Source.HTML_ATTRIBUTE, _evidence(found), found.block)
    return None


def _sized_like_a_photograph(picture: Picture) -> bool:
    """No side the page writes is smaller than a photograph's."""
    return all(side >= MIN_SIDE_PIXELS for side in (picture.width, picture.height) if side is not None)


def _addressed_like_a_photograph(picture: Picture, address: str) -> bool:
    """Nothing in the address or the link around the picture names an icon, a drawing, an ad or a service."""
    try:
        parts = urlsplit(address)
    except ValueError:  # an address no browser could load ('http://[bad')
        return False
    path = parts.path.lower()
    name = path.rsplit("/", 1)[-1]
    return not (
        path.endswith(NOT_PHOTO_EXTENSIONS)
        or not NOT_PHOTO_NAME_WORDS.isdisjoint(_words(path))
        or any(part in name for part in NOT_PHOTO_NAME_PARTS)
        or any(side < MIN_SIDE_PIXELS for side in _query_sides(parts.query))
        or any(int(side) < MIN_SIDE_PIXELS for size in _NAMED_SIZE.findall(name) for side in size)
        or _on_service(parts.hostname)
        or _on_service(_host(picture.link))
    )


def _host(address: str) -> str | None:
    try:
        return urlsplit(address).hostname if address else None
    except ValueError:
        return None


def _query_sides(query: str) -> list[int]:
    """The sizes an image service is asked for in the address ('?w=120', '&height=90')."""
    sides = []
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key.lower() in _SIZE_KEYS and value.isdigit() and len(value) <= _SIDE_DIGITS_MAX:
            sides.append(int(value))
    return sides


_NAMED_SIZE = re.compile(r"(?<![0-9])([0-9]{1,4})x([0-9]{1,4})(?![0-9])")
"""A size written in a file name ('photo-300x200.jpg', '1x1-white.gif'): the size the page shows it at."""
_SIZE_KEYS = frozenset({"w", "h", "width", "height"})
_SIDE_DIGITS_MAX = 5


def _words(path: str) -> list[str]:
    """The runs of letters of an address path: 'border1c.jpg' gives 'border', 'c', 'jpg'."""
    return "".join(char if char.isalpha() else " " for char in path).split()


def _on_service(host: str | None) -> bool:
    if not host:
        return False
    host = host.lower()
    return any(host == service or host.endswith("." + service) for service in NOT_PHOTO_HOSTS)


def _evidence(picture: Picture) -> str:
    size = f" ({picture.width}x{picture.height})" if picture.width and picture.height else ""
    return f"the body's first photograph, img src{size}"

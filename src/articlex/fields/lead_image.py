"""The lead image: metadata's, unless it names a logo or an icon; else the body's first photograph.

Pages name their lead image in `og:image`, `twitter:image` or JSON-LD, and many templates fill
those with the site's logo, a blank placeholder or a blog's badge whatever the article. Such an
address says what it is ('…/themes/site/images/logo.png', 'blank.jpg', 'avatar?s=200'): it is
not taken. A page without a usable one often still opens its article with a picture. Near the
top, among the article's own figures, the pictures that are not photographs give themselves away
by what the page says about them: a side written smaller than an icon's, a file named for a
button, an ad or a feed, a drawing format, an address on an ad or tracking server, a share
button's link around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import SplitResult, urlsplit

from articlex.fields.body import Element, resolve_address
from articlex.fields.site_titles import bare_host
from articlex.model import Source
from articlex.stages import Candidate, Picture

LEAD_TEXT_ELEMENTS = 3
"""A picture after the body's third text element (paragraph, heading, list…) illustrates a later part."""
MIN_SIDE_PIXELS = 150
"""A width or height written smaller than this is an icon, a badge, a button or a tracking pixel."""
NOT_PHOTO_EXTENSIONS = (".svg", ".gif", ".ico")
"""Drawings, animations and icons: what pages store in these formats is rarely the lead picture."""
NON_PHOTO_WORDS = frozenset(
    {
        "icon", "icons", "favicon", "logo", "logos", "badge", "badges", "avatar", "avatars", "blavatar",
        "gravatar", "sprite", "sprites", "spacer", "blank", "transparent", "placeholder", "spinner",
        "button", "buttons", "btn", "emoji", "smiley", "smilies", "svg", "math",
    }
)  # fmt: skip
"""Words of an image's address path (its runs of letters: folders and file name) that name no photograph of an
article anywhere: '/icons/mail.png', 'site-logo.png', 'blank.jpg', '/render/svg/…'."""
FALLBACK_WORD = "default"
"""A file name that starts or ends with it is a template's stand-in ('default.jpg', 'og-default.png'); in a
folder ('/sites/default/files/') or inside a name ('…_default_1b2c.jpg', an image style) it says nothing."""
FURNITURE_WORDS = frozenset(
    {
        "share", "sharing", "feed", "rss", "subscribe", "newsletter", "arrow", "bullet", "rating", "stars",
        "signature", "banner", "ad", "ads", "advert", "adview", "comment", "comments", "previous", "prev", "next",
    }
)  # fmt: skip
"""Words that name a page's furniture in the address of a picture in the body ('share-button.jpg', '/ads/…',
'previous.jpg'); a metadata image named so is mostly the article's own ('…/t_share/fire.jpg', 'ad-free.jpg')."""
NON_PHOTO_NAME_PARTS = ("logo", "avatar", "sprite", "spacer", "badge", "button")
"""The same words glued to others in a file name ('sitelogo2.jpg'): none is part of a common word."""
NOT_PHOTO_HOSTS = (
    "doubleclick.net", "googlesyndication.com", "googleadservices.com", "google-analytics.com",
    "scorecardresearch.com", "quantserve.com", "feedburner.com", "addthis.com", "sharethis.com",
    "gravatar.com", "amazon-adsystem.com", "adnxs.com", "criteo.com", "outbrain.com", "taboola.com",
)  # fmt: skip
"""Ad, tracking, share-button and feed services: a picture served from one, or linking to one, is theirs."""
SHARE_LINK_WORDS = frozenset({"share", "sharer", "sharing", "intent", "bookmark", "submit", "button"})
"""Words of a link's path and query that make it a share button's ('/sharer.php?u=…', '/pin/create/button/'),
whatever network it goes to."""
_NAMED_SIZE = re.compile(r"(?<![0-9a-z])([0-9]{1,4})x([0-9]{1,4})(?![0-9a-z])")
"""A size written in a file name ('photo-300x200.jpg', '1x1-white.gif'), not glued to letters ('0x0a3c')."""
ASPECT_RATIO_MAX_SIDE = 20
"""Both sides of a named size under this are an aspect ratio ('_16x9', '_3x2'), not pixels; but for 1x1."""
_SIZE_KEYS = frozenset({"w", "h", "width", "height"})
_SIDE_DIGITS_MAX = 5


def names_no_photograph(address: str) -> bool:
    """Whether a lead image's address names a logo, an icon, a placeholder or a drawing rather than a picture."""
    parts = _split(address)
    return parts is None or _names_no_photograph(parts)


def lead_image(elements: Sequence[Element], pictures: Sequence[Picture], base: str | None) -> Candidate[str] | None:
    """The body's first figure, when it comes before the body's third text element and looks like a photograph.

    Only the first figure is judged: when it is a button or an icon, the pictures after it are the rest of its row.
    """
    # Every element before the first figure is a text element: the figure's position counts them.
    position, figure = next(((i, e) for i, e in enumerate(elements) if e["type"] == "figure"), (0, None))
    if figure is None or position >= LEAD_TEXT_ELEMENTS:
        return None
    address = str(figure["src"])
    found = next((picture for picture in pictures if resolve_address(base, picture.src) == address), None)
    if found is None or not _sized_like_a_photograph(found) or not _addressed_like_a_photograph(found, address):
        return None
    return Candidate(address, Source.HTML_ATTRIBUTE, _evidence(found), found.block)


def _sized_like_a_photograph(picture: Picture) -> bool:
    """No side the page writes is smaller than a photograph's."""
    return all(side >= MIN_SIDE_PIXELS for side in (picture.width, picture.height) if side is not None)


def _addressed_like_a_photograph(picture: Picture, address: str) -> bool:
    """Nothing in the address or the link around the picture names an icon, furniture, an ad or a service."""
    parts = _split(address)
    if parts is None or _names_no_photograph(parts):
        return False
    name = parts.path.lower().rsplit("/", 1)[-1]
    return not (
        not FURNITURE_WORDS.isdisjoint(_words(parts.path.lower()))
        or any(side < MIN_SIDE_PIXELS for side in _query_sides(parts.query))
        or any(side < MIN_SIDE_PIXELS for side in _named_sides(name))
        or _on_service(bare_host(picture.link))
        or _shares(picture.link)
    )


def _names_no_photograph(parts: SplitResult) -> bool:
    path = parts.path.lower()
    name = path.rsplit("/", 1)[-1]
    return (
        path.endswith(NOT_PHOTO_EXTENSIONS)
        or not NON_PHOTO_WORDS.isdisjoint(_words(path))
        or any(part in name for part in NON_PHOTO_NAME_PARTS)
        or _names_a_stand_in(name)
        or _on_service(parts.hostname)
    )


def _names_a_stand_in(name: str) -> bool:
    tokens = "".join(char if char.isalnum() else " " for char in name.rsplit(".", 1)[0]).split()
    return bool(tokens) and FALLBACK_WORD in (tokens[0], tokens[-1])


def _split(address: str) -> SplitResult | None:
    try:
        return urlsplit(address)
    except ValueError:  # an address no browser could load ('http://[bad')
        return None


def _shares(link: str) -> bool:
    """Whether the link around a picture is a share button's, by the words of its path and query."""
    parts = _split(link) if link else None
    return parts is not None and not SHARE_LINK_WORDS.isdisjoint(_words(f"{parts.path} {parts.query}".lower()))


def _query_sides(query: str) -> list[int]:
    """The sizes an image service is asked for in the address ('?w=120', '&height=90')."""
    sides = []
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key.lower() in _SIZE_KEYS and value.isdigit() and len(value) <= _SIDE_DIGITS_MAX:
            sides.append(int(value))
    return sides


def _named_sides(name: str) -> list[int]:
    """The sides of the sizes a file name writes: none of an aspect ratio, none left open ('960x0')."""
    sides: list[int] = []
    for width, height in _NAMED_SIZE.findall(name):
        pair = (int(width), int(height))
        if max(pair) < ASPECT_RATIO_MAX_SIDE and pair != (1, 1):
            continue
        sides.extend(side for side in pair if side > 0)
    return sides


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

"""Structured titles (JSON-LD, OpenGraph, `<title>`) without the site's name.

Pages join the headline and the site's name in their titles: 'Headline | Site', 'Site:
Headline', 'Headline - site.com'. A part is cut off only when it is recognisably the site:
its name (`og:site_name`, the publisher), its domain ('Le Riverain.fr' on leriverain.fr), or the
domain's initials ('Analyse Politique Critique' on apc.example). A part that is not recognised
stays: 'Ilse Brandt – Der Stadtrat stimmt über die Brücke ab' is one headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from articlex.html.metadata import Metadata
from articlex.stages import Candidate
from articlex.textnorm import collapse, comparable, words

STRONG_SEPARATORS = re.compile(
    r"(?<!\s)\s++(?:[|»›·•~]|::)\s++|(?<=[\u3040-\u30ff\u4e00-\u9fff])_(?=[\u3040-\u30ff\u4e00-\u9fff])"
)
"""Separators that join a title's parts and rarely stand inside a headline: 'Headline | Section | Site',
and the underscore Chinese and Japanese sites join parts with ('标题_频道_网站')."""
_INSIDE = re.compile(r"(?<!\s)\s++«\s++")
"""'Headline « Blog': what stands before the first '«' is inside what follows (a post of a blog)."""
WEAK_SEPARATORS = re.compile(r"(?<!\s)\s++(?:[–—:]|-{1,2})\s++")
"""Separators of titles that also stand inside headlines: 'Headline - Site', 'Jane Doe – Case Closed'."""
_SITE_LABEL = re.compile(r"^([^:]{2,40}):\s+")
"""'RVBZ: Headline': a site's name before a colon."""
MIN_SITE_CHARS = 3
"""Site names and domains are compared when at least this long ('KTV' is)."""
MAX_SITE_ADDITION_CHARS = 8
"""'Le Riverain.fr' is 'Le Riverain' plus an address suffix; a longer addition makes another name."""
DISTINCT_SITE_CHARS = 8
"""A site name this long is recognised anywhere in a part ('FC Blau-Weiß Uferstadt')…"""
MAX_SITE_CONTEXT_CHARS = 16
"""…with at most this much around it."""
BREADCRUMB_PARTS = 3
"""A title with this many parts left after the site's is a trail ('Blog » Archiv » Headline'):
its longest part is the headline."""
_NOT_ALNUM = re.compile(r"[\W_]+")
REMARK_TAIL_CHARS = 40
LEGAL_FORM_MAX_WORDS = 2
LEGAL_FORM_MAX_CHARS = 4
"""A site named by the initials of its domain may end in a legal form of at most two short words ('e.V.', 'Inc')."""
_END_REMARK = re.compile(r"(?<!\s)\s+[(\[][^()\[\]]{1,30}[)\]]$")
"""'(2021/5)', '(Video)', '[Update]' ending a title: a remark, not part of the headline."""
_TLD = re.compile(r"\.[a-z]{2,6}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Site:
    """What the page says its site is called, and where it is."""

    names: tuple[str, ...]
    domain: str
    """The registered name of the host without its suffix: 'leriverain' for www.leriverain.fr."""
    bare: frozenset[str] = frozenset()
    """The names without an address suffix ('Le Riverain.fr' → 'leriverain'), and the domain."""

    @classmethod
    def of(cls, meta: Metadata, url: str | None) -> Site:
        """The site as the page's metadata and address name it."""
        labels = bare_host(url).split(".") if url else [""]
        domain = labels[-2] if len(labels) > 1 else labels[0]
        headlines = [_squash(c.value) for c in meta.headlines]
        # A "site name" that holds the page's headline is the page's title, not the site's name.
        names = tuple(
            dict.fromkeys(
                name
                for c in meta.site_names
                if (name := _squash(c.value)) and not any(h and h in name for h in headlines)
            )
        )
        bare = {_squash(_TLD.sub("", c.value)) for c in meta.site_names} | {_squash(domain)}
        return cls(names, _squash(domain), frozenset(name for name in bare if name))

    def is_exactly(self, text: str) -> bool:
        """True when `text` is the site's name or domain, give or take an address suffix ('Le Riverain.fr')."""
        return _squash(_TLD.sub("", text)) in self.bare

    def is_named_by(self, text: str) -> bool:
        """True when `text` is the site's name, its address, or the initials of its address."""
        squashed = _squash(text)
        if len(squashed) < MIN_SITE_CHARS:
            return False
        if any(_same_name(squashed, name) for name in (*self.names, self.domain) if name):
            return True
        return _initials_name(words(text), self.domain)


def _initials_name(text_words: list[str], domain: str) -> bool:
    """'Analyse Politique Critique' on apc.example, 'Nordischer Segel-Verband e.V.' on nsv.example.

    After the words whose initials spell the domain, only a legal form's short words may follow
    ('e.V.', 'AG', 'Inc'): 'New Sailing Venues Opened Today' is no name of nsv.example.
    """
    initials = "".join(word[0] for word in text_words).casefold()
    if len(initials) < 2 or not initials.startswith(domain):
        return False
    rest = text_words[len(domain) :]
    return len(rest) <= LEGAL_FORM_MAX_WORDS and all(len(word) <= LEGAL_FORM_MAX_CHARS for word in rest)


def _same_name(one: str, other: str) -> bool:
    """'leriverainfr' and 'leriverain', 'hillnewscom' and 'hillnews': one is the other with a short addition."""
    short, long = sorted((one, other), key=len)
    if len(short) < MIN_SITE_CHARS:
        return False
    if len(short) >= DISTINCT_SITE_CHARS and short in long:
        return len(long) - len(short) <= MAX_SITE_CONTEXT_CHARS
    return len(long) - len(short) <= MAX_SITE_ADDITION_CHARS and (long.startswith(short) or long.endswith(short))


def structured_titles(meta: Metadata, site: Site) -> list[Candidate[str]]:
    """The page's titles, most trusted first, each without the parts that name the site.

    A title that is nothing but the site's name is left out.
    """
    raw = [c for c in (*meta.headlines, *([meta.title] if meta.title is not None else [])) if c.value.strip()]
    titles = []
    for candidate in raw:
        title = strip_site_name(candidate.value, site)
        if title and not site.is_named_by(title):
            titles.append(Candidate(title, candidate.source, candidate.evidence))
    return titles


def bare_host(address: str) -> str:
    """The host of an address without 'www.': 'https://www.harbourherald.example/x' → 'harbourherald.example'.

    '' for an address that names none or cannot be read ('http://[bad').
    """
    try:
        return (urlsplit(address.strip()).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def site_name_in_metadata(meta: Metadata) -> Candidate[str] | None:
    """The first site name the metadata gives; one written as an address ('https://www.example.com/') as its host."""
    for candidate in meta.site_names:
        value = candidate.value
        if value and _ADDRESS.fullmatch(value.strip()):
            host = bare_host(value)
            if host:
                return Candidate(host, candidate.source, f"{candidate.evidence}, an address: its host")
        elif value:
            return candidate
    return None


_ADDRESS = re.compile(r"https?://\S+", re.IGNORECASE)


SITE_NAME_MAX_WORDS = 6
"""A part of a title read as the site's name is a name's few words, not a headline."""


def site_name_in_titles(meta: Metadata, site: Site) -> Candidate[str] | None:
    """The site's name as a title prints it beside the headline, when the page's address names it.

    'Cranes for the quay - Harbour Herald' on harbourherald.example gives 'Harbour Herald'. Only a
    part at either end of a title counts, and only one written as a name (not 'harbourherald.com').
    """
    if not site.domain:
        return None
    for title in raw_titles(meta):
        label = _SITE_LABEL.match(title.value)  # 'Harbour Herald: Cranes for the quay'
        pieces = STRONG_SEPARATORS.split(label.group(1)) if label is not None else []
        for weak_piece in WEAK_SEPARATORS.split(title.value):
            pieces += STRONG_SEPARATORS.split(weak_piece)
        parts = [piece.strip() for piece in pieces if piece.strip()]
        if len(parts) < 2:
            continue
        for part in dict.fromkeys((parts[-1], parts[0])):
            named = site.is_named_by(part) and not _TLD.search(part) and len(words(part)) <= SITE_NAME_MAX_WORDS
            if named and any(char.isupper() for char in part):
                return Candidate(part, title.source, f"part of {title.evidence} that the address names")
    return None


def raw_titles(meta: Metadata) -> list[Candidate[str]]:
    """The page's titles as written, most trusted first (when nothing better is left)."""
    raw = [*meta.headlines, *([meta.title] if meta.title is not None else [])]
    return [Candidate(collapse(c.value), c.source, c.evidence) for c in raw if c.value.strip()]


def title_parts(titles: list[Candidate[str]]) -> list[Candidate[str]]:
    """Each part of each title ('A – B' gives 'A' and 'B', 'A: B' gives 'B'): a visible headline may show one of them.

    A short remark in brackets that ends a title ('Die Brücke am Fluss (2022/3)', '… (Video)')
    is a part of its own too: the title without it.
    """
    parts: list[Candidate[str]] = []
    for title in titles:
        pieces = [p.strip() for p in WEAK_SEPARATORS.split(title.value) if p.strip()]
        tail = title.value[-REMARK_TAIL_CHARS:]  # a bounded search, however long the title
        remark = _END_REMARK.search(tail)
        start = len(title.value) - len(tail) + remark.start() if remark is not None else 0
        if start > 0:
            pieces.append(title.value[:start].strip())
        label = _SITE_LABEL.match(title.value)  # 'Blog Name: Post title': the label names a blog or a section
        if label is not None:
            pieces.append(title.value[label.end() :].strip())
        if len(pieces) > 1:
            parts.extend(Candidate(piece, title.source, f"part of {title.evidence}") for piece in pieces)
    return parts


def strip_site_name(title: str, site: Site) -> str:
    """'Headline | Site' → 'Headline': the parts at either end that name the site are cut off.

    Of a trail of parts ('Blog » Archiv » Headline'), the longest part is kept; of 'Headline « Blog',
    the part before the '«'.
    """
    title = collapse(title)
    inside = _INSIDE.search(title)
    if inside is not None and inside.start() > 0:
        title = title[: inside.start()]
    label = _SITE_LABEL.match(title)
    if label is not None and _squash(label.group(1)) in {*site.names, site.domain}:
        title = title[label.end() :]
    title = _strip_parts(title, STRONG_SEPARATORS, site, longest=2)
    return _strip_parts(title, WEAK_SEPARATORS, site, longest=BREADCRUMB_PARTS)


def _strip_parts(title: str, separators: re.Pattern[str], site: Site, *, longest: int) -> str:
    parts = [part.strip() for part in separators.split(title) if part.strip()]
    if len(parts) < 2:
        return title
    while len(parts) > 1 and site.is_named_by(parts[-1]):
        parts.pop()
    while len(parts) > 1 and site.is_named_by(parts[0]):
        parts.pop(0)
    if len(parts) >= longest:
        return max(parts, key=lambda part: len(words(part)))
    start, end = title.find(parts[0]), title.rfind(parts[-1])
    return title[start : end + len(parts[-1])] if 0 <= start <= end else " ".join(parts)


def _squash(text: str) -> str:
    return _NOT_ALNUM.sub("", comparable(text))

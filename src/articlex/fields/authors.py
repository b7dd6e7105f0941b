"""The people credited with the article.

Sources, most trusted first: the article's author in JSON-LD (references to Person nodes
resolved by `metadata`); the visible byline near the headline (a credit line, or elements
named 'author' / 'byline' / `rel=author`); microdata; `<meta name=author>`. When the visible
byline names everyone structured data names and more, it wins: it lists them all.

An organisation is not an author: a name equal to the site's name, its publisher or its
domain is dropped, and so is a news agency (that is the `agency` field). Only when structured
data names nobody else is such a name kept: on a personal blog the site is its author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from articlex.fields.agency_names import agency_named
from articlex.fields.byline import Credits
from articlex.fields.credit_line import Credit
from articlex.fields.names import (
    desk_name,
    looks_like_handle,
    looks_like_written_name,
    names_in_mark,
    prefix_end,
    split_names,
)
from articlex.fields.page_view import PageView
from articlex.fields.person_name import is_credited_name, looks_like_name
from articlex.fields.site_titles import Site
from articlex.html.marks import AUTHOR
from articlex.model import Label, Reason, Source
from articlex.stages import Candidate, Claim, Claims
from articlex.textnorm import comparable

STRUCTURED = frozenset({Source.JSON_LD})
"""Author sources trusted over the visible byline."""
SITE_NAMED_SOURCES = frozenset({Source.JSON_LD, Source.MICRODATA})
"""Sources whose author named like the site is a person often enough (a personal blog) to be a last resort."""
_NOT_ALNUM = re.compile(r"[\W_]+")
_TITLE_SEPARATORS = re.compile(r"(?<!\s)\s++(?:[|»·•~>–—:]|::|-{1,2})\s++")
"""Between the parts of a `<title>`; spaces are taken whole from the start of their run only (linear)."""

AUTHOR_LINE_MAX_WORDS = 16
"""A byline made of author elements is short: a name, a desk, a place…"""
AUTHOR_LINE_MARKED_SHARE = 0.5
"""…and at least this share of its text is an author element's."""

Names = Candidate[tuple[str, ...]]
NO_SITE = Site((), "")


@dataclass(frozen=True, slots=True)
class _Visible:
    """The names of the visible byline, and how they were grouped on the page."""

    names: Names
    groups: tuple[tuple[str, ...], ...]


def find_authors(page: PageView, credit_lines: Credits) -> tuple[Names | None, Claims]:
    """The authors' names, in order, without repeats (None when none is named); the byline line the body leaves out.

    That line is one made of author elements that no credit line claimed (`_author_line_claims`).
    """
    site = Site.of(page.meta, page.url or _canonical(page))
    marked = _marked(page, site)
    visible = (
        _credited(page, credit_lines.headline_first(page.anchor), site)
        or marked
        or _credited(page, credit_lines.closing, site, "closing credit")
    )
    return _authors(page, credit_lines, site, visible), _author_line_claims(page, marked)


def _authors(page: PageView, credit_lines: Credits, site: Site, visible: _Visible | None) -> Names | None:
    """The authors, structured data's or the visible byline's (`visible`), else the last resorts."""
    later: list[Names] = []
    site_named: list[Names] = []
    for candidate in page.meta.authors:
        names = _people(candidate.value, site)
        if candidate.source not in SITE_NAMED_SOURCES:
            names = _shown_in_article(names, page)
        if not names:
            # A blog's structured data names its author as the site; a last resort, never `<meta>`'s.
            named = _people(candidate.value, NO_SITE) if candidate.source in SITE_NAMED_SOURCES else ()
            if named:
                site_named.append(Candidate(named, candidate.source, candidate.evidence))
            continue
        found = Candidate(names, candidate.source, candidate.evidence, candidate.block)
        if candidate.source not in STRUCTURED or not any(looks_like_name(name) for name in names):
            # `<meta>` names, and user names ('edilson.la.rosa'), come after a visible byline.
            later.append(found)
            continue
        fuller = _fuller_group(names, visible)
        return fuller if fuller is not None else found
    if visible is not None:
        return visible.names
    persons = [c for c in later if any(looks_like_name(name) for name in c.value)]
    handles = [c for c in later if c not in persons]  # 'polizeitickerch' of twitter:creator
    return (
        next(iter(persons), None)
        or _desk(page, credit_lines)
        or next(iter(handles + site_named), None)
        or _site_byline(page, credit_lines)
    )


def _shown_in_article(names: tuple[str, ...], page: PageView) -> tuple[str, ...]:
    """The names of a `<meta>` author that the page shows as someone's, not as the site's.

    A site's template fills `<meta name="author">` with whatever its builder chose: the site's own
    name (a part of its `<title>`, 'HarbourTV - News'), the web design firm, the owner's name on
    every page, an acronym ('HTV'). A name the page never shows credits nobody for this article;
    one word that is a part of the title names the site, and one in capitals is an acronym (a
    person's full name in the title is a personal site's: 'Jane Doe - My trip').
    """
    if not names:
        return names
    shown = comparable(" ".join(block.text for block in page.blocks))
    title_parts = _title_parts(page)
    return tuple(
        name
        for name in names
        if _shows(shown, comparable(name))
        and not (len(name.split()) == 1 and (name.isupper() or _squash(name) in title_parts))
    )


def _shows(text: str, name: str) -> bool:
    """True when `text` holds `name` as whole words, not as an address ('harbourtv.example').

    A name of a script without case may touch other words.
    """
    if not any(char.isupper() or char.islower() for char in name):
        return name in text
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w|\.\w)", text) is not None  # not inside an address


def _title_parts(page: PageView) -> set[str]:
    """The parts of the page's `<title>` ('Headline - Site | Section'), squashed for comparing."""
    title = page.meta.title.value if page.meta.title is not None else ""
    return {_squash(part) for part in _TITLE_SEPARATORS.split(title)} - {""}


def _canonical(page: PageView) -> str | None:
    """The page's own address (canonical link, og:url), for the site's domain when the caller gave none."""
    return next((c.value for c in page.meta.urls if c.value.startswith(("http://", "https://"))), None)


def _site_byline(page: PageView, credit_lines: Credits) -> Names | None:
    """A visible byline naming the site ('von kuchenfee' on kuchenfee's blog): its author."""
    visible = _credited(page, credit_lines.lines, NO_SITE) or _credited(page, credit_lines.closing, NO_SITE)
    return visible.names if visible is not None else None


def _fuller_group(names: tuple[str, ...], visible: _Visible | None) -> Names | None:
    """The visible byline group that names everyone structured data names, and more ('By A and B')."""
    if visible is None:
        return None
    wanted = _keys(names)
    for group in visible.groups:
        if wanted < _keys(group):
            return Candidate(group, visible.names.source, visible.names.evidence, visible.names.block)
    return None


def _credited(page: PageView, lines: tuple[tuple[int, Credit], ...], site: Site, what: str = "") -> _Visible | None:
    """The names of the first credit line naming people.

    A line naming only user names ('Gespeichert von human') gives way to a later one with a
    person's name ('Blog Beitrag von Irina Volkova').
    """
    found = list(_credited_lines(page, lines, site, what))
    return next((v for v in found if any(looks_like_name(name) for name in v.names.value)), None) or next(
        iter(found), None
    )


def _credited_lines(page: PageView, lines: tuple[tuple[int, Credit], ...], site: Site, what: str) -> Iterator[_Visible]:
    for index, credit in lines:
        marked = [name for mark in page.blocks[index].marks if mark.kind == AUTHOR for name in names_in_mark(mark.text)]
        groups = tuple(
            group
            for group in (_without((_trimmed(name, marked) for name in g), site) for g in credit.author_groups)
            if group
        )
        names = _without((name for group in groups for name in group), site)
        if names:
            evidence = f"block {index} ({what})" if what else f"block {index}"
            yield _Visible(Candidate(names, Source.BLOCK, evidence, index), groups)


def _trimmed(name: str, marked: list[str]) -> str:
    """A name with text glued after it cut off, where the author element shows where it ends."""
    return next((short for short in marked if name.startswith(short) and len(name) > len(short)), name)


def _marked(page: PageView, site: Site) -> _Visible | None:
    """Names in the first block near the headline holding elements named 'author' or 'byline'."""
    for index in page.zone():
        block = page.blocks[index]
        marks = [mark for mark in block.marks if mark.kind == AUTHOR]
        if not marks or index == page.headline_block or page.elsewhere(block):
            continue
        groups = tuple(group for group in (_without(names_in_mark(m.text), site) for m in marks) if group)
        names = _without((name for group in groups for name in group), site)
        if names:
            return _Visible(Candidate(names, Source.BLOCK, f"block {index} (author element)", index), groups)
    return None


def _author_line_claims(page: PageView, visible: _Visible | None) -> Claims:
    """The byline a page sets as elements named 'author' or 'byline' rather than as a credit line: a field.

    'By <name>' over '<desk>, <place>', each an element of its own: the first block near the headline whose
    author elements name someone (`visible`, from `_marked`) is claimed when it is body text made of those
    elements (their text is most of the block's, and the block is short, no paragraph of prose).
    """
    if visible is None or visible.names.block is None:
        return {}
    block = page.blocks[visible.names.block]
    if page.decisions[block.index].label is not Label.CONTENT or block.index in page.claimed:
        return {}
    marked = max((len(mark.text) for mark in block.marks if mark.kind == AUTHOR), default=0)
    if len(block.text.split()) > AUTHOR_LINE_MAX_WORDS or marked < AUTHOR_LINE_MARKED_SHARE * len(block.text):
        return {}
    detail = "authors " + ", ".join(visible.names.value) + " (author element)"
    return {block.index: Claim(Label.CREDIT, Reason.CREDIT_LINE, detail)}


def _desk(page: PageView, credit_lines: Credits) -> Names | None:
    """The newsroom or organisation a byline credits when it names no person ('von Redaktion').

    A last resort: a credit line near the headline, an element named 'author', a closing credit,
    an organisation structured data names as the author ('Redaktion Grüne Seiten').
    """
    for index, credit in credit_lines.lines:
        if credit.desk:
            return Candidate((credit.desk,), Source.BLOCK, f"block {index} (credits a newsroom)", index)
    marked = _desk_element(page)
    if marked is not None:
        return marked
    for index, credit in credit_lines.closing:
        if credit.desk:
            return Candidate((credit.desk,), Source.BLOCK, f"block {index} (closing credit of a newsroom)", index)
    for organisation in page.meta.organisations:  # an organisation named as the author, not the publisher
        desk = desk_name(organisation.value) if organisation.evidence.endswith("author") else None
        if desk is not None:
            return Candidate((desk,), organisation.source, organisation.evidence)
    return None


def _desk_element(page: PageView) -> Names | None:
    """A newsroom named in an element named 'author' near the headline ('<span class=author>Redaktion')."""
    for index in page.zone():
        block = page.blocks[index]
        marks = [mark for mark in block.marks if mark.kind == AUTHOR]
        if not marks or index == page.headline_block or page.elsewhere(block):
            continue
        for mark in marks:
            desk = desk_name(mark.text[prefix_end(mark.text) or 0 :])
            if desk is not None:
                return Candidate((desk,), Source.BLOCK, f"block {index} (author element credits a newsroom)", index)
    return None


def _people(raw_names: Iterable[str], site: Site) -> tuple[str, ...]:
    """Person names from metadata author values; agencies, organisations and non-names dropped.

    A newsroom listed beside a person ('author': ['Lena Fischer', 'Redaktion']) is credited with
    them; alone it is a last resort (`_desk`).
    """
    names = []
    desks = []
    for raw in raw_names:
        if agency_named(raw) is not None:
            continue
        found = split_names(raw)
        written = raw.strip()
        if not found and (looks_like_name(written) or looks_like_handle(written) or looks_like_written_name(written)):
            found = [written]  # a field that holds only the author: one word is a user name, case may be loose
        desk = desk_name(written) if not found else None
        if desk is not None:
            desks.append(desk)
        names.extend(found)
    return _without([*names, *desks] if names else (), site)


def _without(names: Iterable[str], site: Site) -> tuple[str, ...]:
    """The names once each (case-insensitively), without those naming the site or holding another name.

    Every author source passes here, so none can hand `Article.authors` a label, a place, a
    greeting or an agency (`person_name.is_credited_name`). 'Lucía Ferrer Twitter' next to
    'Lucía Ferrer' is the name with a link label glued on.
    """
    kept: dict[str, str] = {}
    for name in names:
        key = _squash(name)
        if key and not site.is_exactly(name) and is_credited_name(name):
            kept.setdefault(key, name)
    spaced = {key: f" {comparable(name)} " for key, name in kept.items()}
    return tuple(
        name
        for key, name in kept.items()
        if not any(other != key and len(kept[other].split()) > 1 and spaced[other] in spaced[key] for other in kept)
    )


def _keys(names: Iterable[str]) -> set[str]:
    return {_squash(name) for name in names}


def _squash(text: str) -> str:
    return _NOT_ALNUM.sub("", comparable(text))

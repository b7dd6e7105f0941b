"""The internal stage types between splitting and classifying. No parser types leave stage 2.

HTML and plain text meet here: both front ends produce `Block`s. HTML pages also describe
the element containers that enclose the blocks (`Container`) and the raw metadata found in
the page (`PageData`), so later stages can reason about structure without the parser.
"""

from __future__ import annotations

from dataclasses import field

from articlex.model import BlockKind
from articlex.records import record


@record
class Mark:
    """An element whose class, id, rel or itemprop says it holds a field ('author', 'published', …)."""

    kind: str
    """'author', 'published', 'updated', 'date' (a date that does not say which), or 'time' (a bare `<time>`)."""
    text: str
    value: str = ""
    """A machine-readable value of the element (`datetime`, `content`, `title`), or ''."""


@record
class Block:
    """A run of visible text that a reader sees as one unit: a paragraph, a heading, a line."""

    index: int
    text: str
    kind: BlockKind
    path: str
    """Where the block is: 'body>div#main>article>p' for HTML, 'line 14' for text."""
    level: int = 0
    """Heading level 1–6 for headings, else 0."""
    link_chars: int = 0
    """How many characters of `text` are inside links."""
    ancestors: tuple[int, ...] = ()
    """Ids of the enclosing `Container`s, outermost first (HTML only)."""
    datetimes: tuple[str, ...] = ()
    """`datetime` attributes of `<time>` elements inside the block."""
    marks: tuple[Mark, ...] = ()
    """Elements inside the block that name themselves an author or a date (HTML only)."""

    @property
    def link_density(self) -> float:
        """Share of the text that is link text."""
        return self.link_chars / len(self.text) if self.text else 0.0


@record
class Container:
    """An HTML element that encloses blocks, with the hint families its class, id and role name."""

    id: int
    tag: str
    parent: int
    """Id of the enclosing container, -1 at the top."""
    families: frozenset[str]
    label: str
    """The element as a path step, e.g. 'div#comments.comment-list'."""


@record
class MetaTag:
    """One `<meta>` element: its key (`name`, `property`, `itemprop` or `http-equiv`) and content."""

    key: str
    content: str


@record
class MicrodataProperty:
    """One `itemprop` element: property name, value, and the itemtype of its item."""

    name: str
    value: str
    item_type: str
    parent_property: str
    """The `itemprop` of the enclosing item, e.g. 'author' for an author's 'name'."""


@record
class PageData:
    """Machine-readable metadata read from an HTML page, uninterpreted."""

    title: str = ""
    language: str = ""
    canonical: str = ""
    meta: tuple[MetaTag, ...] = ()
    json_ld: tuple[str, ...] = ()
    microdata: tuple[MicrodataProperty, ...] = ()


@record
class SplitPage:
    """What stage 2 hands on: the blocks, their containers, and the page's metadata."""

    kind: str
    blocks: tuple[Block, ...]
    containers: tuple[Container, ...] = ()
    data: PageData = field(default_factory=PageData)
    truncated: bool = False
    timed_out: bool = False

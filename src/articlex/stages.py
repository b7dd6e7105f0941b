"""The values that pass between the stages of `api.extract`, all in one place.

    read      str | bytes            → Page
    split     Page                   → SplitPage (Blocks, Containers, PageData)
    classify  SplitPage              → tuple[Decision, ...]
    fields    SplitPage, decisions   → Fields (a Candidate per field, and the blocks claimed)
    assemble  everything above       → model.Article (the public, frozen pydantic model)

HTML and plain text meet at `Block`: both splitters produce them. HTML pages also describe
the element containers that enclose the blocks (`Container`) and the raw metadata found in
the page (`PageData`), so later stages reason about structure without the parser: no parser
type leaves stage 2. Every value here is immutable (`records.record`, or a frozen dataclass).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from articlex.date_text import DayOrTime
from articlex.hint_families import HintFamily
from articlex.model import BlockKind, Comment, Label, Provenance, Reason, Source
from articlex.records import record

T = TypeVar("T")
RawSpan = tuple[str, str, int, int]
"""An inline element of a block: (kind, target, start, end); see `Block.spans`."""


@dataclass(frozen=True, slots=True)
class Page:
    """Stage 1's value: the input, decoded and sniffed."""

    kind: Literal["html", "text"]
    text: str
    url: str | None
    encoding: str
    encoding_source: str
    replacements: int
    removed: int


@record
class Mark:
    """An element whose class, id, rel or itemprop says it holds a field ('author', 'published', …)."""

    kind: str
    """'author', 'published', 'updated', 'date' (a date that does not say which), or 'time' (a bare `<time>`)."""
    text: str
    value: str = ""
    """A machine-readable value of the element (`datetime`, `content`, `title`), or ''."""


@record
class Picture:
    """An `<img>` of the page: where it stands among the blocks, its address and its text alternative."""

    block: int
    """The index of the block it sits in (`inside`), else of the first block after it."""
    inside: bool
    src: str
    """The address as written in the page (unresolved): `src`, or a lazy loader's `data-src`."""
    alt: str
    ancestors: tuple[int, ...]
    """Ids of the enclosing `Container`s, outermost first."""
    width: int | None = None
    height: int | None = None
    """The `width` and `height` attributes in pixels, when the page writes them as numbers."""
    link: str = ""
    """The target of the link the image sits in (as written), or ''."""


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
    spans: tuple[RawSpan, ...] = ()
    """Links, strong and emphasised text and code inside the block (HTML only), as (kind, target, start, end):
    'link', 'strong', 'em' or 'code'; a link's `href` as written or a code element's language, else '';
    offsets into `gathered` when it is set, else into `text`."""
    gathered: str = ""
    """The block's text as gathered, before tidying its whitespace, when it differs from `text` and the
    block has spans: tidying is undone for the few blocks whose spans are read (`fields.body.block_spans`)."""
    raw: str = ""
    """A `<pre>` block's text with its indentation and blank lines kept (else ''): `text` tidies them."""
    cells: tuple[str, ...] = ()
    """The cells of a plain-text table row (cut at tabs); else ()."""

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
    families: frozenset[HintFamily]
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
    pictures: tuple[Picture, ...] = ()
    """The page's images, in reading order (HTML only)."""
    truncated: bool = False
    timed_out: bool = False
    hidden_words: int = 0
    """Words in the page's hidden elements that hold a paragraph's worth each (HTML only): text a script shows."""


@record
class Decision:
    """Stage 3's value, one per block: the classifier's verdict on it."""

    block: Block
    label: Label
    reason: Reason
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Candidate(Generic[T]):
    """One possible value of a field, and its provenance."""

    value: T
    source: Source
    evidence: str
    block: int | None = None

    def provenance(self) -> Provenance:
        """The public record of where this value came from."""
        return Provenance(source=self.source, evidence=self.evidence, block=self.block)


@dataclass(frozen=True, slots=True)
class Claim:
    """A block a field finder recognised (a headline, a credit line, a date line), and what it is."""

    label: Label
    reason: Reason
    detail: str


Claims = dict[int, Claim]
"""The blocks a finder claims, by block index. A finder builds its own and returns it; `find_fields` merges them."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Stage 4's value: every field's winning candidate (or None), and the blocks the finders claimed."""

    headline: Candidate[str] | None = None
    byline: Candidate[str] | None = None
    authors: Candidate[tuple[str, ...]] | None = None
    agency: Candidate[str] | None = None
    agencies: Candidate[tuple[str, ...]] | None = None
    dateline: Candidate[str] | None = None
    published: Candidate[DayOrTime] | None = None
    updated: Candidate[DayOrTime] | None = None
    site_name: Candidate[str] | None = None
    language: Candidate[str] | None = None
    image: Candidate[str] | None = None
    url: Candidate[str] | None = None
    description: Candidate[str] | None = None
    tags: Candidate[tuple[str, ...]] | None = None
    categories: Candidate[tuple[str, ...]] | None = None
    comments: tuple[Comment, ...] = ()
    """The readers' comments, read only with `Options.include_comments`."""
    structured_body: Candidate[str] | None = None
    """The article's text from structured data (JSON-LD `articleBody`), weighed against the visible body."""
    claims: Claims = field(default_factory=dict)

"""The public output types: an `Article` with its values and the reasons behind them.

Everything here is a frozen pydantic model or a string enum, so an `Article` can be
validated, compared, hashed by value where its parts allow, dumped to JSON, and described
by `Article.model_json_schema()`. Internal stages use plain frozen dataclasses; pydantic
is kept to this boundary.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field, model_validator

PARAGRAPH_SEPARATOR = "\n\n"
"""How `Article.text` joins the body paragraphs."""


def _day_stays_a_day(value: object) -> object:
    """Read 'YYYY-MM-DD' as a `date`, so a day never turns into midnight on a round trip."""
    if isinstance(value, str) and len(value) == len("2024-06-18"):
        return dt.date.fromisoformat(value)
    return value


DayOrTime = Annotated[dt.datetime | dt.date, BeforeValidator(_day_stays_a_day)]
"""A `date` when only the day is known, a `datetime` when the time is given too."""


class Label(StrEnum):
    """What a block of the page was judged to be."""

    CONTENT = "content"
    """Part of the article body: its text is in `Article.paragraphs`."""
    HEADLINE = "headline"
    """The visible headline of the article."""
    CREDIT = "credit"
    """A credit or date line of the article (byline, agency, dateline, publication date)."""
    BOILERPLATE = "boilerplate"
    """Anything else on the page: navigation, widgets, lists of other stories, footers."""


class Reason(StrEnum):
    """Why a block got its label. `docs/decisions.md` describes each code."""

    # content
    MAIN_TEXT = "main_text"
    SHORT_IN_MAIN_TEXT = "short_in_main_text"
    BODY_HEADING = "body_heading"
    BODY_LIST = "body_list"
    BODY_TABLE = "body_table"
    BODY_QUOTE = "body_quote"
    # fields
    HEADLINE_MATCH = "headline_match"
    CREDIT_LINE = "credit_line"
    # boilerplate: where the block sits
    OUTSIDE_MAIN = "outside_main"
    BEFORE_HEADLINE = "before_headline"
    AFTER_BODY_END = "after_body_end"
    EMPTY_SECTION = "empty_section"
    # boilerplate: what the block or its container is
    NAVIGATION = "navigation"
    FOOTER = "footer"
    SIDEBAR = "sidebar"
    COMMENTS = "comments"
    SHARE = "share"
    RELATED = "related"
    NEWSLETTER = "newsletter"
    ADVERTISEMENT = "advertisement"
    CAPTION = "caption"
    AUTHOR_BIO = "author_bio"
    META_INFO = "meta_info"
    TICKER = "ticker"
    WIDGET = "widget"
    CONSENT = "consent"
    FORM = "form"
    HIDDEN = "hidden"
    # boilerplate: what the block's text looks like
    LINK_DENSE = "link_dense"
    LIST_OF_LINKS = "list_of_links"
    NO_TEXT = "no_text"
    DATE_ONLY = "date_only"
    DUPLICATE_OF_HEADLINE = "duplicate_of_headline"
    # boilerplate: the body came from elsewhere
    STRUCTURED_BODY = "structured_body"


class BlockKind(StrEnum):
    """The structural kind of a block, from its HTML element or its text shape."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    QUOTE = "quote"
    PREFORMATTED = "preformatted"
    CAPTION = "caption"
    LINE = "line"
    """A line of a plain-text page (no markup tells what it is)."""


class Source(StrEnum):
    """Where a field value was found."""

    CALLER = "caller"
    JSON_LD = "json_ld"
    MICRODATA = "microdata"
    OPEN_GRAPH = "open_graph"
    META = "meta"
    TITLE = "title"
    TIME_ELEMENT = "time_element"
    HTML_ATTRIBUTE = "html_attribute"
    BLOCK = "block"
    URL = "url"
    DETECTED = "detected"


FieldName = Literal[
    "headline",
    "byline",
    "authors",
    "agency",
    "agencies",
    "dateline",
    "published",
    "updated",
    "site_name",
    "language",
    "image",
    "url",
    "description",
    "tags",
    "categories",
    "body",
]


class Provenance(BaseModel, frozen=True, extra="forbid"):
    """Where one field's value came from."""

    source: Source
    evidence: str = Field(description="What was read, e.g. 'meta[property=og:title]' or 'block 12'.")
    block: int | None = Field(default=None, description="Index of the visible block, when the source is a block.")


class BlockDecision(BaseModel, frozen=True, extra="forbid"):
    """The verdict on one block of the page."""

    index: int = Field(description="Position of the block in the page, from 0.")
    path: str = Field(description="Where the block is: a CSS-like element path for HTML, 'line N' for text.")
    kind: BlockKind
    label: Label
    reason: Reason
    detail: str = Field(default="", description="A short human-readable explanation, e.g. 'link density 0.82'.")
    preview: str = Field(description="The start of the block's text.")
    paragraph: int | None = Field(
        default=None, description="Index into `Article.paragraphs` when the block is body content."
    )


class Diagnostics(BaseModel, frozen=True, extra="forbid"):
    """How the input was read and whether anything went wrong along the way."""

    input_kind: Literal["html", "text"]
    encoding: str = Field(description="The character encoding used to decode bytes ('str' for text input).")
    encoding_source: str = Field(description="Why that encoding: 'bom', 'caller', 'meta', 'utf-8', 'detected', ….")
    replacement_characters: int = Field(
        default=0, description="U+FFFD characters produced by decoding: bytes that could not be read."
    )
    removed_characters: int = Field(default=0, description="NULs and lone surrogates removed from the input.")
    blocks: int = Field(default=0, description="Number of blocks the page was split into.")
    timed_out: bool = Field(
        default=False, description="True when the time budget ran out and extraction stopped early."
    )
    truncated: bool = Field(default=False, description="True when a node or depth limit cut the page short.")
    warnings: tuple[str, ...] = ()


class Span(BaseModel, frozen=True, extra="forbid"):
    """Inline markup over part of an element's text: a link, strong or emphasised text, or code."""

    start: int = Field(description="Offset of the first character in the element's `text`.")
    end: int = Field(description="Offset just after the last character.")
    kind: Literal["link", "strong", "em", "code"]
    href: str | None = Field(default=None, description="A link's address, resolved against the page's address.")


class Paragraph(BaseModel, frozen=True, extra="forbid"):
    """A paragraph of the body."""

    type: Literal["paragraph"] = "paragraph"
    text: str
    spans: tuple[Span, ...] = ()
    blocks: tuple[int, ...] = Field(default=(), description="Indices of the blocks (decisions) it came from.")


class Heading(BaseModel, frozen=True, extra="forbid"):
    """A section heading inside the body."""

    type: Literal["heading"] = "heading"
    level: int = Field(default=2, ge=1, le=6, description="1–6, as `<h1>`–`<h6>`.")
    text: str
    spans: tuple[Span, ...] = ()
    blocks: tuple[int, ...] = ()


class ListItem(BaseModel, frozen=True, extra="forbid"):
    """One item of a list: its text (several paragraphs of it joined by a line break) and its nested lists."""

    text: str = ""
    spans: tuple[Span, ...] = ()
    lists: tuple[BodyList, ...] = Field(default=(), description="Lists nested in this item, after its text.")
    blocks: tuple[int, ...] = ()


class BodyList(BaseModel, frozen=True, extra="forbid"):
    """A bulleted (`ordered=False`) or numbered list."""

    type: Literal["list"] = "list"
    ordered: bool = False
    items: tuple[ListItem, ...] = ()
    blocks: tuple[int, ...] = Field(default=(), description="The blocks of all its items, nested ones included.")


class TableCell(BaseModel, frozen=True, extra="forbid"):
    """One cell of a table; `header` for a `<th>`."""

    text: str = ""
    spans: tuple[Span, ...] = ()
    header: bool = False
    blocks: tuple[int, ...] = ()


class TableRow(BaseModel, frozen=True, extra="forbid"):
    """One row of a table; `header` when the page marks it as the header row (`<thead>`, or only `<th>` cells)."""

    cells: tuple[TableCell, ...] = ()
    header: bool = False


class Table(BaseModel, frozen=True, extra="forbid"):
    """A data table: rows of cells, and its caption."""

    type: Literal["table"] = "table"
    rows: tuple[TableRow, ...] = ()
    caption: str | None = None
    blocks: tuple[int, ...] = Field(default=(), description="The blocks of its cells and caption.")


class Quote(BaseModel, frozen=True, extra="forbid"):
    """A block quotation; its paragraphs are separated by a blank line in `text`."""

    type: Literal["quote"] = "quote"
    text: str
    spans: tuple[Span, ...] = ()
    blocks: tuple[int, ...] = ()


class Code(BaseModel, frozen=True, extra="forbid"):
    """Preformatted text or program code, lines and indentation kept."""

    type: Literal["code"] = "code"
    text: str
    language: str | None = Field(default=None, description="The language, when the page names it ('python').")
    blocks: tuple[int, ...] = ()


class Figure(BaseModel, frozen=True, extra="forbid"):
    """An image of the body, with its text alternative and caption."""

    type: Literal["figure"] = "figure"
    src: str = Field(description="The image's address, resolved against the page's address.")
    alt: str = ""
    caption: str | None = None
    blocks: tuple[int, ...] = Field(default=(), description="The blocks of its caption, if any.")


ListItem.model_rebuild()


class Comment(BaseModel, frozen=True, extra="forbid"):
    """One reader's comment under the article, as the page shows it (`Options(include_comments=True)`)."""

    author: str | None = Field(default=None, description="The commenter's name as shown.")
    published: DayOrTime | None = Field(default=None, description="When the comment was posted, when shown.")
    text: str = Field(description="The comment's paragraphs, joined by a blank line.")
    blocks: tuple[int, ...] = Field(default=(), description="Indices of the blocks (decisions) it came from.")


BodyElement = Annotated[
    Paragraph | Heading | BodyList | Table | Quote | Code | Figure,
    Field(discriminator="type"),
]
"""One element of `Article.body`, told apart by its `type`."""


class Article(BaseModel, frozen=True, extra="forbid"):
    """An article extracted from a web page: its fields, its body, and why."""

    headline: str | None = None
    byline: str | None = Field(default=None, description="The credit line as printed, e.g. 'By Asha Rao | IANS'.")
    authors: tuple[str, ...] = Field(default=(), description="Names of the people credited, in order.")
    agency: str | None = Field(default=None, description="Canonical name of the credited news agency, e.g. 'IANS'.")
    agencies: tuple[str, ...] = Field(
        default=(), description="Every news agency credited, in order, the first being `agency`: ('dpa', 'AFP')."
    )
    dateline: str | None = Field(default=None, description="The place named in a dateline, e.g. 'New Delhi'.")
    published: DayOrTime | None = Field(
        default=None, description="Publication time; a date when the page gives only the day. Never invented."
    )
    updated: DayOrTime | None = Field(default=None, description="Last modification, when given apart.")
    paragraphs: tuple[str, ...] = Field(default=(), description="The body, one element per paragraph, in order.")
    text: str = Field(default="", description="The paragraphs joined by a blank line.")
    body: tuple[BodyElement, ...] = Field(
        default=(), description="The body as typed elements (paragraphs, headings, lists, tables, …), in order."
    )
    site_name: str | None = None
    language: str | None = Field(default=None, description="BCP 47 language tag, e.g. 'en' or 'de-CH'.")
    image: str | None = Field(default=None, description="Address of the lead image.")
    url: str | None = None
    description: str | None = Field(default=None, description="The page's summary of the article (its head's).")
    tags: tuple[str, ...] = Field(default=(), description="The article's tags or keywords, each once, in order.")
    categories: tuple[str, ...] = Field(default=(), description="The sections the page files the article under.")
    comments: tuple[Comment, ...] = Field(
        default=(), description="Readers' comments, when `Options.include_comments` is set and the page shows them."
    )
    provenance: dict[FieldName, Provenance] = Field(
        default_factory=dict, description="For each field that has a value: where it came from."
    )
    decisions: tuple[BlockDecision, ...] = Field(default=(), description="One verdict per block of the page.")
    diagnostics: Diagnostics | None = None

    @model_validator(mode="before")
    @classmethod
    def _fill_text(cls, data: object) -> object:
        """Derive `text` from `paragraphs` so the two can never disagree."""
        if isinstance(data, dict) and ("paragraphs" in data or "text" in data):
            joined = PARAGRAPH_SEPARATOR.join(data.get("paragraphs") or ())
            if data.get("text", joined) != joined:
                msg = "text must be the paragraphs joined by a blank line"
                raise ValueError(msg)
            data = {**data, "text": joined}
        return data

    def to_markdown(self, *, links: bool = True, images: bool = True, front_matter: bool = True) -> str:
        """The article as CommonMark/GFM: headings, lists, tables, quotes, code, images and links.

        `links=False` keeps link texts without their addresses, `images=False` leaves images out,
        `front_matter=False` leaves out the headline and the credit line (byline or authors, date).
        """
        from articlex.render import markdown  # noqa: PLC0415 - the renderers import this module

        return markdown.render(self, links=links, images=images, front_matter=front_matter)

    def to_text(self, *, front_matter: bool = True) -> str:
        """The article as plain text: headings, list items (bulleted or numbered), table rows, paragraphs."""
        from articlex.render import text  # noqa: PLC0415 - the renderers import this module

        return text.render(self, front_matter=front_matter)

    def to_html(self, *, links: bool = True, images: bool = True, front_matter: bool = True) -> str:
        """The article as a clean HTML fragment: no scripts, no attributes but href, src and alt, all text escaped."""
        from articlex.render import html  # noqa: PLC0415 - the renderers import this module

        return html.render(self, links=links, images=images, front_matter=front_matter)

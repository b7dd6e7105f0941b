"""Interpret an HTML page's machine-readable metadata: JSON-LD, microdata, OpenGraph, `<meta>`.

Each finder returns candidates in order of trust (JSON-LD first, then microdata, OpenGraph and
article meta, then generic `<meta>` names), each labelled with where it was read. Nothing here
decides a field: `fields` weighs these against the visible blocks.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from articlex.model import Source
from articlex.stages import Candidate, MicrodataProperty, PageData
from articlex.textnorm import collapse

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "livebloggosting",
        "liveblogposting",
        "techarticle",
        "scholarlyarticle",
        "report",
        "socialmediaposting",
        "discussionforumposting",
        "posting",
        "medicalscholarlyarticle",
        "satiricalarticle",
        "advertisercontentarticle",
        "review",
        "recipe",
        "howto",
    }
)
"""schema.org types whose `headline`, `author` and dates describe the article itself."""
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "aboutpage", "faqpage", "qapage", "profilepage"})
PERSON_TYPES = frozenset({"person"})

HEADLINE_META = ("og:title", "twitter:title", "title", "dc.title", "dcterms.title", "sailthru.title", "parsely-title")
AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
    "citation_author",
    "twitter:creator",
)
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "article.published",
    "published_time",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
)
UPDATED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "article:modified",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "article.updated",
    "modified_time",
)
SITE_META = ("og:site_name", "application-name", "al:android:app_name", "al:ios:app_name")
LANGUAGE_META = ("content-language", "og:locale", "language", "dc.language", "inlanguage")
IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image")
URL_META = ("og:url", "twitter:url")
DESCRIPTION_META = ("og:description", "twitter:description", "description", "dc.description", "dcterms.description")
KEYWORD_META = ("article:tag", "keywords", "news_keywords", "parsely-tags")
"""Tags of the article: OpenGraph's `article:tag` (one element per tag), then the keyword lists."""
SECTION_META = ("article:section", "section", "category", "parsely-section")

LISTING_TYPES = frozenset({"recipe", "howto"})
"""schema.org types whose article is also a list of parts: ingredients and steps."""
LISTED_PART_KEYS = ("recipeIngredient", "ingredients", "recipeInstructions", "step")
LISTED_PART_MICRODATA = frozenset({"recipeIngredient", "ingredients", "recipeInstructions"})
"""Microdata properties holding a part's text, or (`recipeInstructions`) holding steps whose `text` does."""
MAX_STEP_NESTING = 6
"""Sections of steps of sections… read this deep at most."""
MAX_LISTED_PARTS = 200
"""Parts kept at most: `classify` looks for each in every block (a real recipe lists a few dozen)."""
COMMENT_TYPES = frozenset({"comment", "answer"})
"""schema.org types of a reader's reply in an article's `comment` list."""
MAX_JSON_LD_COMMENTS = 500
"""Comments read from one article's JSON-LD at most: a page may embed a whole forum thread."""
_JSON_COMMENT_WRAPPER = re.compile(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$")
_MAX_JSON_LD_OBJECTS = 500
_LINE_COMMENT = re.compile(r"(?:^|(?<=,))[ \t]*//[^\n]*", re.MULTILINE)
"""A `//` comment on a line of its own or after a value's comma (never inside a string, where a comma
and spaces before `//` do not occur in addresses)."""
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


@dataclass(frozen=True, slots=True)
class JsonLdComment:
    """A comment of the article's JSON-LD (`"comment": [{"@type": "Comment", …}]`), its values as written."""

    author: str
    published: str
    text: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """Candidate field values from an HTML page's metadata, most trusted first in each list."""

    headlines: tuple[Candidate[str], ...] = ()
    title: Candidate[str] | None = None
    authors: tuple[Candidate[tuple[str, ...]], ...] = ()
    organisations: tuple[Candidate[str], ...] = ()
    """Organisations named as author or publisher (a wire service among them is the agency)."""
    published: tuple[Candidate[str], ...] = ()
    updated: tuple[Candidate[str], ...] = ()
    site_names: tuple[Candidate[str], ...] = ()
    languages: tuple[Candidate[str], ...] = ()
    images: tuple[Candidate[str], ...] = ()
    urls: tuple[Candidate[str], ...] = ()
    descriptions: tuple[Candidate[str], ...] = ()
    keywords: tuple[Candidate[tuple[str, ...]], ...] = ()
    """Each source's tags or keywords as written (a keyword string is split by `fields.head_metadata`)."""
    sections: tuple[Candidate[tuple[str, ...]], ...] = ()
    comments: tuple[JsonLdComment, ...] = ()
    """The readers' comments the article's JSON-LD lists, in order."""
    article_body: Candidate[str] | None = None
    """The article's whole text as its JSON-LD gives it (`articleBody`), line breaks kept; only when
    one article of the page's structured data has one (`fields.structured_body` decides its use)."""
    is_article: bool = False
    """True when structured data declares the page an article."""
    listed_parts: tuple[str, ...] = ()
    """Texts the structured data lists as parts of the article (a recipe's ingredients and steps, a how-to's
    steps), as written: `classify` makes sure the main content holds the blocks that show them."""


@dataclass(slots=True)
class _Collector:
    headlines: list[Candidate[str]] = field(default_factory=list)
    authors: list[Candidate[tuple[str, ...]]] = field(default_factory=list)
    organisations: list[Candidate[str]] = field(default_factory=list)
    published: list[Candidate[str]] = field(default_factory=list)
    updated: list[Candidate[str]] = field(default_factory=list)
    site_names: list[Candidate[str]] = field(default_factory=list)
    languages: list[Candidate[str]] = field(default_factory=list)
    images: list[Candidate[str]] = field(default_factory=list)
    urls: list[Candidate[str]] = field(default_factory=list)
    descriptions: list[Candidate[str]] = field(default_factory=list)
    keywords: list[Candidate[tuple[str, ...]]] = field(default_factory=list)
    sections: list[Candidate[tuple[str, ...]]] = field(default_factory=list)
    comments: list[JsonLdComment] = field(default_factory=list)
    article_body: Candidate[str] | None = None
    is_article: bool = False
    listed_parts: list[str] = field(default_factory=list)


def read_metadata(data: PageData) -> Metadata:
    """Gather candidates from JSON-LD, microdata, OpenGraph and `<meta>`, in that order of trust."""
    found = _Collector()
    _from_json_ld(data.json_ld, found)
    _from_microdata(data, found)
    _from_meta(data, found)
    if data.language:
        found.languages.insert(0, Candidate(data.language, Source.HTML_ATTRIBUTE, "html[lang]"))
    if data.canonical:
        found.urls.insert(0, Candidate(data.canonical, Source.META, "link[rel=canonical]"))
    title = Candidate(data.title, Source.TITLE, "title") if data.title else None
    return Metadata(
        headlines=tuple(found.headlines),
        title=title,
        authors=tuple(found.authors),
        organisations=tuple(found.organisations),
        published=tuple(found.published),
        updated=tuple(found.updated),
        site_names=tuple(found.site_names),
        languages=tuple(found.languages),
        images=tuple(found.images),
        urls=tuple(found.urls),
        descriptions=tuple(found.descriptions),
        keywords=tuple(found.keywords),
        sections=tuple(found.sections),
        comments=tuple(found.comments),
        article_body=found.article_body,
        is_article=found.is_article,
        listed_parts=tuple(found.listed_parts[:MAX_LISTED_PARTS]),
    )


# ---- JSON-LD ------------------------------------------------------------------------------


def _from_json_ld(scripts: tuple[str, ...], found: _Collector) -> None:
    objects = [obj for script in scripts for obj in _json_objects(script)]
    articles = [obj for obj in objects if _types(obj) & ARTICLE_TYPES]
    pages = [obj for obj in objects if _types(obj) & PAGE_TYPES]
    found.is_article = bool(articles)
    nodes = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    for obj in articles[:1] or pages[:1]:
        kind = "article" if articles else "page"
        _json_ld_fields(obj, f"json-ld {kind}", found, nodes)
    bodies = [body for body in (_article_body(obj) for obj in articles) if body]
    if len(bodies) == 1:  # a page listing several articles with their texts is no one article's page
        found.article_body = Candidate(bodies[0], Source.JSON_LD, "json-ld article articleBody")
    listing = [obj for obj in articles if _types(obj) & LISTING_TYPES]
    if len(listing) == 1:  # a page of several recipes is an index, not one recipe's page
        found.listed_parts.extend(_listed_parts(listing[0]))
    for obj in objects:
        if _types(obj) & {"organization", "newsmediaorganization", "corporation"} and obj.get("name"):
            found.site_names.append(Candidate(_json_string(str(obj["name"])), Source.JSON_LD, "json-ld organization"))
        if _types(obj) & {"website"} and isinstance(obj.get("name"), str):
            found.site_names.append(Candidate(_json_string(obj["name"]), Source.JSON_LD, "json-ld website"))


def _json_ld_fields(obj: dict[str, Any], where: str, found: _Collector, nodes: dict[str, dict[str, Any]]) -> None:
    headline = next((key for key in ("headline", "name", "alternativeHeadline") if _text(obj.get(key))), None)
    if headline is not None:
        _add(found.headlines, _text(obj.get(headline)), f"{where} {headline}")
    _json_ld_agents(obj, where, found, nodes)
    _add(found.published, _text(obj.get("datePublished")) or _text(obj.get("dateCreated")), f"{where} datePublished")
    _add(found.updated, _text(obj.get("dateModified")), f"{where} dateModified")
    _add(found.languages, _text(obj.get("inLanguage")), f"{where} inLanguage")
    image = _url_of(obj.get("image"), nodes) or _url_of(obj.get("thumbnailUrl"), nodes)
    _add(found.images, image, f"{where} image")
    _add(found.urls, _url_of(obj.get("mainEntityOfPage"), nodes) or _text(obj.get("url")), f"{where} url")
    _add(found.descriptions, _text(obj.get("description")), f"{where} description")
    _add_all(found.keywords, _strings(obj.get("keywords")), f"{where} keywords")
    _add_all(found.sections, _strings(obj.get("articleSection")), f"{where} articleSection")
    found.comments.extend(_json_ld_comments(obj.get("comment"), nodes))


def _article_body(obj: dict[str, Any]) -> str:
    """An article's `articleBody` as written (its lines kept), or '' when it has none."""
    value = obj.get("articleBody")
    if isinstance(value, list):
        value = "\n".join(item for item in value if isinstance(item, str))
    return value.strip() if isinstance(value, str) else ""


def _listed_parts(obj: dict[str, Any]) -> list[str]:
    """A recipe's ingredients and steps, or a how-to's steps: every text its part lists hold, in order."""
    return [text for key in LISTED_PART_KEYS for text in _step_texts(obj.get(key), 0) if text]


def _step_texts(value: object, depth: int) -> list[str]:
    """The texts of a list of steps: strings, `HowToStep`s' `text`, `HowToSection`s' `itemListElement`."""
    if depth > MAX_STEP_NESTING:
        return []
    if isinstance(value, str):
        return [_json_string(value)]
    if isinstance(value, list):
        return [text for item in value for text in _step_texts(item, depth + 1)]
    if isinstance(value, dict):
        inner = value.get("itemListElement") or value.get("text") or value.get("name")
        return _step_texts(inner, depth + 1)
    return []


def _json_ld_agents(obj: dict[str, Any], where: str, found: _Collector, nodes: dict[str, dict[str, Any]]) -> None:
    """Authors (people, or organisations such as a wire service) and the publisher."""
    people, organisations = _agents(obj.get("author"), nodes)
    if not people and "creator" in obj:
        people, organisations = _agents(obj.get("creator"), nodes)
    if people:
        found.authors.append(Candidate(people, Source.JSON_LD, f"{where} author"))
    for name in organisations:
        _add(found.organisations, name, f"{where} author")
    publisher_people, publisher_organisations = _agents(obj.get("publisher"), nodes)
    for name in publisher_organisations:
        _add(found.organisations, name, f"{where} publisher")
    for name in publisher_organisations + publisher_people:
        _add(found.site_names, name, f"{where} publisher")


def _json_ld_comments(value: object, nodes: dict[str, dict[str, Any]]) -> list[JsonLdComment]:
    """The article's `comment` list: each comment (or answer) that has a text, with its author and date."""
    found = []
    for listed in _as_list(value)[:MAX_JSON_LD_COMMENTS]:
        item = _dereferenced(listed, nodes, "text")
        if not isinstance(item, dict) or (_types(item) and not _types(item) & COMMENT_TYPES):
            continue
        text = _text(item.get("text"))
        if text:
            people, organisations = _agents(item.get("author"), nodes)
            author = next(iter(people + organisations), "")
            published = _text(item.get("dateCreated")) or _text(item.get("datePublished"))
            found.append(JsonLdComment(author, published, text))
    return found


def _add(target: list[Candidate[str]], value: str, evidence: str) -> None:
    """Append a JSON-LD candidate when there is a value."""
    if value:
        target.append(Candidate(value, Source.JSON_LD, evidence))


def _add_all(target: list[Candidate[tuple[str, ...]]], values: tuple[str, ...], evidence: str) -> None:
    """Append a JSON-LD candidate of several values when there is one."""
    if values:
        target.append(Candidate(values, Source.JSON_LD, evidence))


def _json_objects(script: str) -> list[dict[str, Any]]:
    """Every JSON object in a JSON-LD script: arrays and `@graph`s flattened, bad JSON skipped."""
    parsed = _parse_json(_JSON_COMMENT_WRAPPER.sub("", script.strip()))
    if parsed is None:
        return []
    found: list[dict[str, Any]] = []
    pending: list[Any] = [parsed]
    while pending and len(found) < _MAX_JSON_LD_OBJECTS:
        item = pending.pop(0)
        if isinstance(item, list):
            pending[:0] = item
        elif isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending[:0] = graph
    return found


def _parse_json(text: str) -> object:
    """The JSON value of a script, repaired the way browsers' JSON-LD readers forgive; None when unreadable.

    Pages leave `//` comment lines, trailing commas, a closing `;`, a brace too many after the
    object, or several objects separated by commas. The repairs run only when the text does not
    parse as it is.
    """
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", _LINE_COMMENT.sub("", text)).strip().rstrip(";")
    for candidate in (repaired, f"[{repaired}]"):
        try:
            return json.loads(candidate, strict=False)
        except (ValueError, RecursionError):
            continue
    try:
        return json.JSONDecoder(strict=False).raw_decode(repaired)[0]  # the first value, whatever follows
    except (ValueError, RecursionError):
        return None


def _types(obj: dict[str, Any]) -> frozenset[str]:
    kind = obj.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return frozenset(str(name).rsplit("/", 1)[-1].casefold() for name in names if isinstance(name, str))


def _text(value: object) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return _json_string(value) if isinstance(value, str) else ""


def _json_string(value: str) -> str:
    """A JSON-LD string as a reader sees it, its character references decoded.

    Blog engines write HTML's character references into their JSON ('Eggs &amp; milk', 'Title &bull; Site'),
    where no HTML parser decodes them.
    """
    return collapse(html.unescape(value))


def _strings(value: object) -> tuple[str, ...]:
    """Every text of a value that may be one string or a list of them (`keywords`, `articleSection`)."""
    return tuple(text for text in (_text(item) for item in _as_list(value)) if text)


def _url_of(value: object, nodes: dict[str, dict[str, Any]]) -> str:
    """The address a JSON-LD value gives: a string, or an object's `url` or `contentUrl`.

    A reference (`{"@id": ".../#primaryimage"}`, as site plugins write their graphs) is replaced by the
    node with that id; an object with no address but its id gives the id (a page's `mainEntityOfPage`).
    """
    if isinstance(value, list) and value:
        value = value[0]
    value = _dereferenced(value, nodes, "url", "contentUrl")
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return value.strip() if isinstance(value, str) else ""


def _dereferenced(value: object, nodes: dict[str, dict[str, Any]], *content: str) -> object:
    """A reference (`{"@id": …}` holding none of the `content` keys) replaced by the graph's node with that id."""
    if isinstance(value, dict) and not any(value.get(key) for key in content) and isinstance(value.get("@id"), str):
        return nodes.get(value["@id"], value)
    return value


def _agents(value: object, nodes: dict[str, dict[str, Any]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a JSON-LD author/publisher value into (people's names, organisations' names).

    A reference (`{"@id": …}`) is replaced by the node of the page's JSON-LD with that id.
    """
    people: list[str] = []
    organisations: list[str] = []
    for listed in _as_list(value):
        item = _dereferenced(listed, nodes, "name")
        if isinstance(item, str):
            people.append(_json_string(item))
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if not name:
                continue
            if _types(item) & PERSON_TYPES or not _types(item):
                people.append(name)
            else:
                organisations.append(name)
    return tuple(name for name in people if name), tuple(organisations)


def _as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else [value]


# ---- microdata and meta -------------------------------------------------------------------


def _from_microdata(data: PageData, found: _Collector) -> None:
    authors: list[str] = []
    parts: list[str] = []
    for prop in data.microdata:
        evidence = f"itemprop={prop.name}"
        if prop.name == "headline" and not prop.parent_property:
            found.headlines.append(Candidate(prop.value, Source.MICRODATA, evidence))
        elif _names_an_author(prop):
            authors.append(prop.value)
        elif prop.name == "datePublished":
            found.published.append(Candidate(prop.value, Source.MICRODATA, evidence))
        elif prop.name == "dateModified":
            found.updated.append(Candidate(prop.value, Source.MICRODATA, evidence))
        elif prop.name in LISTED_PART_MICRODATA or prop.parent_property in LISTED_PART_MICRODATA:
            parts.append(prop.value)
    names = tuple(dict.fromkeys(name for name in authors if name))
    if names:
        found.authors.append(Candidate(names, Source.MICRODATA, "itemprop=author"))
    if not found.listed_parts:
        found.listed_parts.extend(part for part in parts if part)


def _names_an_author(prop: MicrodataProperty) -> bool:
    """`itemprop=author` holding a name, or the `name` inside an `itemprop=author` item."""
    if prop.name == "name":
        return prop.parent_property in {"author", "creator"}
    return prop.name in {"author", "creator"} and not prop.parent_property


def _from_meta(data: PageData, found: _Collector) -> None:
    values: dict[str, list[str]] = {}
    for tag in data.meta:
        values.setdefault(tag.key, []).append(tag.content)

    def add(keys: tuple[str, ...], target: list[Candidate[str]]) -> None:
        for key in keys:
            for value in values.get(key, ()):
                source = Source.OPEN_GRAPH if key.startswith(("og:", "article:")) else Source.META
                target.append(Candidate(value, source, f"meta[{key}]"))

    add(HEADLINE_META, found.headlines)
    add(PUBLISHED_META, found.published)
    add(UPDATED_META, found.updated)
    add(SITE_META, found.site_names)
    add(LANGUAGE_META, found.languages)
    add(IMAGE_META, found.images)
    add(URL_META, found.urls)
    add(DESCRIPTION_META, found.descriptions)
    for key in (*KEYWORD_META, *SECTION_META):
        if values.get(key):
            source = Source.OPEN_GRAPH if key.startswith("article:") else Source.META
            target = found.keywords if key in KEYWORD_META else found.sections
            target.append(Candidate(tuple(values[key]), source, f"meta[{key}]"))
    for key in AUTHOR_META:
        for value in values.get(key, ()):
            if not value.startswith(("http://", "https://", "@", "/")):
                source = Source.OPEN_GRAPH if key.startswith("article:") else Source.META
                found.authors.append(Candidate((value,), source, f"meta[{key}]"))

"""Bound what the HTML parser will build, before it runs: nesting depth, node count and parser work.

Lexbor does not recurse, but on hostile markup its tree builder does work that grows with the
depth of the stack of open elements, for many tokens: a `<div>` looks down the stack for an
open `<p>`, an end tag looks for its element, each new formatting element is compared with the
open ones, and formatting elements closed by a paragraph's end are re-created for every later
run of text (`<p><b id=1>…<b id=100></p>` then `<p>x</p>` ten thousand times makes a million
elements out of 300 KB). All of that runs in C, where the time budget cannot interrupt it:
100,000 nested `<div>`s take Lexbor 12 s and more; the rest of a page's parse is linear.

So before parsing, one linear pass over the markup models the tree builder cheaply (a stack of
open element names, the usual implied end tags, scope boundaries, the list of active formatting
elements) and rewrites what would be too costly, in the spirit of browsers (Blink and WebKit
flatten the tree past 512 levels):

- an element that would open deeper than `Options.max_depth` is flattened into its ancestor:
  its start and end tags are replaced by a space (block-level elements) or nothing (inline);
- a formatting element (`b`, `i`, `font`, …; never `a`) past `FORMATTING_CAP` open at once is
  dropped: it only styles text;
- `<option>`s past `OPTION_CAP` in one `<select>` are dropped (a `<select>` is never read);
- attributes past `ATTRIBUTE_CAP` on one tag are dropped;
- the markup is cut where the model's node count passes `Options.max_nodes`, or where the
  predicted parser work (the stack depth each costly token scans) passes
  `max_nodes * WORK_PER_NODE`, or when the time budget runs out.

Ordinary pages are never changed: their depth, node count and work are far below the limits,
and the pass returns the very same string. The model is an approximation of the HTML standard's
tree construction; where it errs, the walker's own depth and node limits still hold.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass

from articlex.options import Options

FORMATTING_CAP = 8
"""Formatting elements open at once (after the last table cell) beyond this are dropped."""
OPTION_CAP = 1_000
"""`<option>`/`<optgroup>` elements per `<select>` beyond this are dropped (Lexbor is quadratic in them)."""
ATTRIBUTE_CAP = 256
"""Attributes per tag beyond this are dropped (Lexbor checks each new attribute against the earlier ones)."""
WORK_PER_NODE = 64
"""The parser may scan, on average, this many open elements per allowed node before the page is cut."""
_LONG_TAG = 2_048
"""Only tags longer than this many characters are checked for too many attributes."""
_CLOCK_EVERY_TOKENS = 4_096

_TOKEN = re.compile(r"<(?:(/?)([a-zA-Z][^\s/>]*)|(!--)|[!?/])")
_COMMENT_END = re.compile(r"--!?>")
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")

_VOID = frozenset(
    [
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*(?:[1-8]|11|1[4-9]|2[0-9]|3[01]|127)(?![0-9])|[xX]0*(?:[1-8bBeEfF]|1[0-9a-fA-F]|7[fF])(?![0-9a-fA-F]));?"
)
"""References to control characters a browser shows nothing for (U+0001–U+0008, U+000B, U+000E–U+001F,
U+007F), such as `&#8;`. They are removed before parsing, so they never reach a block's text."""
GUARD_MIN_TAGS = 3_000
"""Pages with fewer tags than this are parsed as they are (but see `FORMATTING_FLOOD`): with so few
tags the parser's deep-nesting cases stay small (3,000 nested elements parse in milliseconds),
and the guard's own pass would cost more than it saves. Nine pages in ten have fewer."""
FLOOD_CHECK_MIN_TAGS = 1_000
FORMATTING_FLOOD = 200
"""A page with fewer than `GUARD_MIN_TAGS` tags is still guarded when it has `FLOOD_CHECK_MIN_TAGS` tags or more and
this many formatting start tags: left open, each is re-created for every later paragraph (1,000 `<b id=…>`
then 1,000 `<p>x</p>`, 30 KB of markup, make a million elements and 400 MB in the parser)."""
_FORMATTING_START = re.compile(
    r"<(?:[bB](?:[iI][gG])?|[cC][oO][dD][eE]|[eE][mM]|[fF][oO][nN][tT]|[iI]|[nN][oO][bB][rR]"
    r"|[sS](?:[mM][aA][lL][lL]|[tT][rR][iI][kK][eE]|[tT][rR][oO][nN][gG])?|[tT][tT]|[uU])[\s>/]"
)
"""The start tags of formatting elements, any letter case, written out: a third faster than `re.IGNORECASE`
over a whole page (the engine then searches for the literal `<` instead of testing every character)."""
_RAW_TEXT = frozenset(["script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"])
_FORMATTING = frozenset(
    ["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"]
)
_TITLE_START = re.compile(r"<title(?:\s[^<>]{0,300})?>", re.IGNORECASE)
_TITLE_END = re.compile(r"</title\s*>", re.IGNORECASE)
_MARKERS = frozenset(["applet", "caption", "marquee", "object", "td", "th", "template"])
_SCOPE = frozenset(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]) | frozenset(
    ["mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc"]
)
_BUTTON_SCOPE = _SCOPE | {"button"}
_LIST_SCOPE = _SCOPE | {"ol", "ul"}
_TABLE_SCOPE = frozenset({"html", "table", "template"})
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_SPECIAL = (
    frozenset(
        [
            "address",
            "applet",
            "area",
            "article",
            "aside",
            "base",
            "basefont",
            "bgsound",
            "blockquote",
            "body",
            "br",
            "button",
            "caption",
            "center",
            "col",
            "colgroup",
            "dd",
            "details",
            "dir",
            "div",
            "dl",
            "dt",
            "embed",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "frame",
            "frameset",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "head",
            "header",
            "hgroup",
            "hr",
            "html",
            "iframe",
            "img",
            "input",
            "keygen",
            "li",
            "link",
            "listing",
            "main",
            "marquee",
            "menu",
            "meta",
            "nav",
            "noembed",
            "noframes",
            "noscript",
            "object",
            "ol",
            "p",
            "param",
            "plaintext",
            "pre",
            "script",
            "search",
            "section",
            "select",
            "source",
            "style",
            "summary",
            "table",
            "tbody",
            "td",
            "template",
            "textarea",
            "tfoot",
            "th",
            "thead",
            "title",
            "tr",
            "track",
            "ul",
            "wbr",
            "xmp",
        ]
    )
    | _SCOPE
)
_SPECIAL_BUT_ADP = _SPECIAL - {"address", "div", "p"}
"""Where the search for an open `<li>`, `<dd>` or `<dt>` to close stops."""
_CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "search",
        "section",
        "summary",
        "table",
        "ul",
        "li",
        "dd",
        "dt",
        "plaintext",
        "xmp",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ]
)
"""Start tags that close an open `<p>` (and so look down the stack for one)."""
_BLOCK = _CLOSES_P | frozenset(
    ["body", "br", "caption", "html", "li", "option", "td", "th", "tr", "tbody", "thead", "tfoot", "select"]
)
"""Elements that separate words: a flattened one leaves a space."""
_NO_RECONSTRUCT = _CLOSES_P | frozenset(
    [
        "caption",
        "col",
        "colgroup",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "option",
        "optgroup",
        "select",
        "html",
        "head",
        "body",
        "frameset",
    ]
)
_SECTIONS = frozenset({"tbody", "thead", "tfoot"})
_FOREIGN = frozenset({"svg", "math"})
_INTEGRATION = frozenset(["foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"])
_BREAKOUT = frozenset(
    [
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
    ]
)
_IGNORED_START = frozenset({"html", "body", "head", "frameset", "frame"})
_CATEGORIES = (_SCOPE, _BUTTON_SCOPE, _LIST_SCOPE, _TABLE_SCOPE, _SPECIAL, _SPECIAL_BUT_ADP, _FOREIGN, _INTEGRATION)
"""The kinds of open element the model keeps the positions of (scope boundaries, special elements, …)."""
_NO_CATEGORY: tuple[int, ...] = ()


@functools.cache
def _categories_of(name: str) -> tuple[int, ...]:
    """Which of `_CATEGORIES` an element name belongs to."""
    if not any(name in category for category in _CATEGORIES):
        return _NO_CATEGORY
    return tuple(kind for kind, category in enumerate(_CATEGORIES) if name in category)


@dataclass(frozen=True, slots=True)
class Guarded:
    """The markup to parse, and whether the pass changed it."""

    text: str
    truncated: bool = False
    """Elements were flattened or dropped, or the markup was cut at the node or work limit."""
    timed_out: bool = False
    """The time budget ran out during the pass; the markup was cut there."""


class _Entry:
    """An element on the list of active formatting elements."""

    __slots__ = ("name", "on_stack")

    def __init__(self, name: str) -> None:
        self.name = name
        self.on_stack = True


class _Model:
    """A cheap model of the HTML tree builder's stack of open elements."""

    def __init__(self, options: Options) -> None:
        self.max_depth = max(1, options.max_depth - 1)  # the walker counts <body> too
        self.max_nodes = options.max_nodes
        self.max_work = options.max_nodes * WORK_PER_NODE
        self.stack: list[str] = []
        self.entries: list[_Entry | None] = []
        self.positions: dict[str, list[int]] = {}
        self.marks: tuple[list[int], ...] = tuple([-1] for _ in _CATEGORIES)
        (
            self.scope,
            self.button,
            self.list_scope,
            self.table,
            self.special,
            self.special_but_adp,
            self.foreign,
            self.integration,
        ) = self.marks
        self.active: list[_Entry | None] = []
        self.dropped: dict[str, int] = {}
        self.dropped_formatting: dict[str, int] = {}
        self.options_in_select = 0
        self.nodes = 0
        self.work = 0

    # ---- the stack ----------------------------------------------------------------------

    def last(self, name: str) -> int:
        """Index of the innermost open element called `name`, or -1."""
        found = self.positions.get(name)
        return found[-1] if found else -1

    def push(self, name: str, entry: _Entry | None = None) -> None:
        index = len(self.stack)
        self.stack.append(name)
        self.entries.append(entry)
        self.positions.setdefault(name, []).append(index)
        for kind in _categories_of(name):
            self.marks[kind].append(index)
        if name in _MARKERS:
            self.active.append(None)
        if name == "select":
            self.options_in_select = 0
        self.nodes += 1

    def pop_to(self, index: int) -> None:
        """Close the element at `index` and everything opened after it."""
        if index < 0 or index >= len(self.stack):
            return
        self.dropped.clear()  # every flattened element was inside the one closing now
        while len(self.stack) > index:
            name = self.stack.pop()
            entry = self.entries.pop()
            self.positions[name].pop()
            for kind in _categories_of(name):
                self.marks[kind].pop()
            if entry is not None:
                entry.on_stack = False
            if name in _MARKERS:
                self._clear_to_marker()

    def _clear_to_marker(self) -> None:
        while self.active:
            if self.active.pop() is None:
                return

    def _formatting_since_marker(self) -> list[_Entry]:
        found: list[_Entry] = []
        for entry in reversed(self.active):
            if entry is None:
                break
            found.append(entry)
        return found

    def reconstruct(self) -> None:
        """Re-open formatting elements a block's end closed (what the parser does before text)."""
        if not self.active or self.active[-1] is None or self.active[-1].on_stack:
            return
        start = len(self.active) - 1
        while start > 0:
            previous = self.active[start - 1]
            if previous is None or previous.on_stack:
                break
            start -= 1
        for entry in self.active[start:]:
            if entry is not None:
                entry.on_stack = True
                self.push(entry.name, entry)
                self.work += 1

    # ---- tokens -------------------------------------------------------------------------

    def in_foreign(self) -> bool:
        """Inside `<svg>` or `<math>`, and not in an HTML integration point such as `<foreignObject>`."""
        return self.foreign[-1] > self.integration[-1]

    def text(self) -> None:
        self.reconstruct()
        self.nodes += 1

    def start(self, name: str, *, self_closing: bool) -> str | None:
        """Take a start tag; returns its replacement when it must not reach the parser, else None."""
        if name in _IGNORED_START:
            return None
        work = self.work
        replacement = self._start(name, self_closing=self_closing)
        if replacement is not None:
            self.work = work  # the parser never sees a dropped tag
        return replacement

    def _start(self, name: str, *, self_closing: bool) -> str | None:  # noqa: C901, PLR0911 - one branch per rule
        if self.in_foreign() and name in _BREAKOUT:
            self.pop_to(self.foreign[-1])
        if self.in_foreign() or name in _FOREIGN:
            if self_closing:
                self.nodes += 1
                return None
            return self._open(name)
        if name in _VOID:
            if name not in _NO_RECONSTRUCT:
                self.reconstruct()
            self.nodes += 1
            return None
        self._implied_ends(name)
        if name not in _NO_RECONSTRUCT:
            self.reconstruct()
        if name in _FORMATTING:
            return self._formatting(name)
        if name in {"option", "optgroup"} and self.last("select") >= 0:
            self.options_in_select += 1
            self.work += min(self.options_in_select, OPTION_CAP)
            if self.options_in_select > OPTION_CAP:
                return ""
        if name == "form" and self.last("form") >= 0:
            return None  # a form inside a form is ignored by the parser
        return self._open(name)

    def _open(self, name: str) -> str | None:
        if len(self.stack) >= self.max_depth:
            self.dropped[name] = self.dropped.get(name, 0) + 1
            return " " if name in _BLOCK else ""
        self.push(name)
        return None

    def _formatting(self, name: str) -> str | None:
        since_marker = self._formatting_since_marker()
        self.work += len(since_marker)
        if name == "a":
            old = next((entry for entry in since_marker if entry.name == "a"), None)
            if old is not None:
                self._adopt(old)
        elif sum(1 for entry in since_marker if entry.name != "a") >= FORMATTING_CAP:
            self.dropped_formatting[name] = self.dropped_formatting.get(name, 0) + 1
            return ""
        if len(self.stack) >= self.max_depth:
            self.dropped[name] = self.dropped.get(name, 0) + 1
            return ""
        entry = _Entry(name)
        self.active.append(entry)
        self.push(name, entry)
        return None

    def _adopt(self, entry: _Entry) -> None:
        """Close a formatting element (the adoption agency, simplified)."""
        if entry.on_stack:
            index = next(i for i in range(len(self.stack) - 1, -1, -1) if self.entries[i] is entry)
            self.work += len(self.stack) - index
            self.pop_to(index)
        for at in range(len(self.active) - 1, -1, -1):
            if self.active[at] is entry:
                del self.active[at]
                break

    @staticmethod
    def _in_scope(found: int, boundaries: list[int]) -> bool:
        """True when the element at `found` is open and no scope boundary was opened inside it."""
        return found >= 0 and boundaries[-1] <= found

    def _implied_ends(self, name: str) -> None:  # noqa: C901, PLR0912 - one branch per rule of the standard
        """The end tags a start tag implies: an open `<p>`, `<li>`, table cell, `<option>`, …."""
        if name in _CLOSES_P:
            if name in {"li", "dd", "dt"}:
                item = self.last("li") if name == "li" else max(self.last("dd"), self.last("dt"))
                self.work += len(self.stack) - max(item, self.special_but_adp[-1], 0)
                if self._in_scope(item, self.special_but_adp):
                    self.pop_to(item)
            paragraph = self.last("p")
            self.work += len(self.stack) - max(paragraph, self.button[-1], 0)
            if self._in_scope(paragraph, self.button):
                self.pop_to(paragraph)
            if name in _HEADINGS and self.stack and self.stack[-1] in _HEADINGS:
                self.pop_to(len(self.stack) - 1)
            if name == "table" and self.last("table") > max(self.last("td"), self.last("th"), self.last("caption")):
                self._close_in_table("table")  # a table directly in a table (not in a cell) closes it
        elif name in {"option", "optgroup"}:
            if self.stack and self.stack[-1] == "option":
                self.pop_to(len(self.stack) - 1)
            if name == "optgroup" and self.stack and self.stack[-1] == "optgroup":
                self.pop_to(len(self.stack) - 1)
        elif name in {"td", "th"}:
            self._close_in_table("td", "th")
            if self.last("table") >= 0 and not self._in_scope(self.last("tr"), self.table):
                if not any(self._in_scope(self.last(section), self.table) for section in _SECTIONS):
                    self._implied("tbody")
                self._implied("tr")
        elif name == "tr":
            self._close_in_table("tr")
            if self.last("table") >= 0 and not any(self._in_scope(self.last(s), self.table) for s in _SECTIONS):
                self._implied("tbody")
        elif name in _SECTIONS:
            self._close_in_table(*_SECTIONS)
        elif name in {"nobr", "button"}:
            found = self.last(name)
            if self._in_scope(found, self.scope):
                self.pop_to(found)

    def _close_in_table(self, *names: str) -> None:
        """Close the innermost of `names` when it is open in table scope."""
        found = max(self.last(name) for name in names)
        if self._in_scope(found, self.table):
            self.pop_to(found)

    def _implied(self, name: str) -> None:
        if len(self.stack) < self.max_depth:
            self.push(name)

    def end(self, name: str) -> str | None:  # noqa: C901 - one branch per rule of the standard
        """Take an end tag; returns its replacement when its start tag was dropped, else None."""
        if self.dropped.get(name):
            self.dropped[name] -= 1
            return " " if name in _BLOCK else ""
        if self.dropped_formatting.get(name):
            self.dropped_formatting[name] -= 1
            return ""
        if name in _FORMATTING:
            entry = next((e for e in self._formatting_since_marker() if e.name == name), None)
            if entry is not None:
                self._adopt(entry)
                return None
        if name in {"html", "body", "br"}:
            self.nodes += name == "br"  # </br> is a <br>
            return None
        found = max(self.last(kind) for kind in _HEADINGS) if name in _HEADINGS else self.last(name)
        if name == "p":
            boundaries = self.button
        elif name == "li":
            boundaries = self.list_scope
        elif name in _SECTIONS or name in {"table", "tr", "td", "th", "caption"}:
            boundaries = self.table
        elif name in _SPECIAL:
            boundaries = self.scope
        else:
            boundaries = self.special  # any other end tag: the search stops at a special element
        self.work += len(self.stack) - max(found, boundaries[-1], 0)
        if self._in_scope(found, boundaries):
            self.pop_to(found)
        elif name == "p":
            self.nodes += 1  # a stray </p> makes an empty paragraph
        return None


def _formatting_flood(text: str) -> bool:
    """True when the page has enough formatting start tags to flood the parser if they are left open."""
    return len(_FORMATTING_START.findall(text)) >= FORMATTING_FLOOD


def _title_closed(text: str) -> str:
    """The page with an unclosed `<title>` ended at the next tag.

    A `<title>` without its `</title>` makes the parser read the rest of the page as the title's
    text, so the page has no body. Pages saved that way (a template that cut its title short)
    were read by their readers' tools (libxml2) with the title ending at the next tag.
    """
    start = _TITLE_START.search(text)
    if start is None or _TITLE_END.search(text, start.end()) is not None:
        return text
    next_tag = text.find("<", start.end())
    return text if next_tag < 0 else f"{text[:next_tag]}</title>{text[next_tag:]}"


def guard(text: str, options: Options, deadline: float | None) -> Guarded:  # noqa: C901, PLR0912, PLR0915 - one tokenizer loop
    """Rewrite `text` so Lexbor's work, depth and node count stay bounded; usually returns it unchanged."""
    if "&#" in text:
        text = _CONTROL_REFERENCE.sub("", text)
    text = _title_closed(text)
    tags = text.count("<")
    if tags < GUARD_MIN_TAGS and not (tags >= FLOOD_CHECK_MIN_TAGS and _formatting_flood(text)):
        return Guarded(text)
    model = _Model(options)
    edits: list[tuple[int, int, str]] = []
    position = 0
    tokens = 0
    cut: int | None = None
    timed_out = False
    while True:
        match = _TOKEN.search(text, position)
        if match is None:
            if position < len(text):
                model.text()
            break
        at = match.start()
        tokens += 1
        if tokens % _CLOCK_EVERY_TOKENS == 0 and deadline is not None and time.monotonic() > deadline:
            cut, timed_out = at, True
            break
        if model.nodes > model.max_nodes or model.work > model.max_work:
            cut = at
            break
        if at > position:
            model.text()
        if match.group(3) is not None:  # <!--
            position = _after_comment(text, match.end())
            model.nodes += 1
            continue
        close = text.find(">", match.end())
        if close < 0:
            break  # the rest is an unfinished tag: the parser drops it
        position = close + 1
        name = match.group(2)
        if name is None:
            model.nodes += 1  # <!doctype>, <?…>, </…> without a name: a bogus comment or nothing
            continue
        name = name.lower()
        if match.group(1):
            replacement = model.end(name)
            if replacement is not None:
                edits.append((at, position, replacement))
            continue
        if close - at > _LONG_TAG:
            edit, work = _fewer_attributes(text, match.end(), close)
            model.work += work
            if edit is not None:
                edits.append(edit)
        if name in _RAW_TEXT and not model.in_foreign():
            model.nodes += 2  # the element and its text, never flattened: its text is not markup
            position = _after_raw_text(text, name, position)
            continue
        replacement = model.start(name, self_closing=text[close - 1] == "/")
        if replacement is not None:
            edits.append((at, position, replacement))
        if name == "plaintext":
            break  # the rest of the page is text
    if cut is None and not edits:
        return Guarded(text)
    return Guarded(_apply(text, edits, cut), truncated=bool(edits) or not timed_out, timed_out=timed_out)


def _after_comment(text: str, start: int) -> int:
    """Where a comment that opened just before `start` ends (after `-->`), or the end of text."""
    if text.startswith(">", start):
        return start + 1
    if text.startswith("->", start):
        return start + 2
    end = _COMMENT_END.search(text, start)
    return end.end() if end is not None else len(text)


_RAW_END: dict[str, re.Pattern[str]] = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW_TEXT}


def _after_raw_text(text: str, name: str, start: int) -> int:
    """Where a `<script>`, `<style>`, `<textarea>`, … that opened before `start` ends (after its end tag)."""
    end = _RAW_END[name].search(text, start)
    if end is None:
        return len(text)
    close = text.find(">", end.end() - 1)
    return close + 1 if close >= 0 else len(text)


def _fewer_attributes(text: str, start: int, close: int) -> tuple[tuple[int, int, str] | None, int]:
    """Drop attributes past `ATTRIBUTE_CAP` from one long tag; returns the edit and the parser's work."""
    count = 0
    for attribute in _ATTRIBUTE.finditer(text, start, close):
        count += 1
        if count == ATTRIBUTE_CAP:
            keep_to = attribute.end()
            if _ATTRIBUTE.search(text, keep_to, close) is None:
                return None, count * count // 2
            return (keep_to, close, ""), count * count // 2
    return None, count * count // 2


def _apply(text: str, edits: list[tuple[int, int, str]], cut: int | None) -> str:
    end = len(text) if cut is None else cut
    pieces: list[str] = []
    position = 0
    for start, stop, replacement in sorted(set(edits)):
        if start >= end:
            break
        if start < position:
            continue
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = stop
    pieces.append(text[position:end])
    return "".join(pieces)

"""Stage 1, read: `str | bytes` → `Page` (decoded text, and whether it is HTML or plain text)."""

from __future__ import annotations

import re
import zlib
from typing import Literal

from articlex.errors import DecodeError, EmptyInputError, InputTooLargeError, InputTypeError
from articlex.options import InputKind, Options
from articlex.read.encoding import decode
from articlex.stages import Page
from articlex.textnorm import remove_unsafe

_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_CHARS = 4096
_HTML_ELEMENTS = (
    "a|abbr|address|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|caption|center|cite|code|"
    "col|colgroup|data|datalist|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|"
    "form|frameset|h[1-6]|head|header|hgroup|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|"
    "menu|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|picture|pre|progress|q|s|samp|script|search|"
    "section|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|"
    "thead|time|title|tr|u|ul|video"
)
_HTML_START = re.compile(
    rf"\A\s*(?:<\?xml\s[^<>]{{0,300}}\?>\s*)?"  # XHTML pages may open with an XML declaration
    rf"(?:<!--(?:[^-]|-(?!->)){{0,4096}}-->\s*){{0,16}}<(?:!doctype\s+html|!--|(?:{_HTML_ELEMENTS})(?=[\s/>]))",
    re.IGNORECASE,
)
"""A page that starts (after blanks, an XML declaration and a few comments) with a doctype, a comment or an
HTML element is HTML."""
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|table|td|li|ul|h[1-6]|article|section|img|b|i|em|strong"
    r"|html|head|body|title|meta|link|script|style)\b[^<>]{0,300}>",
    re.IGNORECASE,
)
"""Common tags of a page's text and of its head: a page whose start is broken (an XML declaration
that never closes) still shows its `<meta>`, `<link>` and `<script>` lines."""
_ANY_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,300}>")
_DOCUMENT_START = re.compile(r"<(?:!|\?|html|head|body|meta|link|title|style|script|base)", re.IGNORECASE)
_PLAIN_LINES_AFTER_A_STRAY_TAG = 20
"""Lines of plain text after a first line of markup that make a page text rather than HTML."""
_MIN_TAGS_FOR_HTML = 3
"""A text that does not start like HTML still is HTML when its start holds a few common tags."""


def read(source: str | bytes, *, url: str | None, encoding: str | None, options: Options) -> Page:
    """Decode `source` if needed, clean it, and tell HTML from plain text."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), options, "bytes")
        if data.startswith(_GZIP_MAGIC):
            data = _gunzip(data, options.max_input_bytes)
        decoded = decode(data, encoding, url=url)
        text, name, why, replacements = decoded.text, decoded.encoding, decoded.source, decoded.replacements
    elif isinstance(source, str):
        _check_size(len(source), options, "characters")
        text, name, why, replacements = source, "str", "caller", 0
    else:
        msg = f"extract() takes the page as str or bytes, not {type(source).__name__}; read the file first"
        raise InputTypeError(msg)
    text, removed = remove_unsafe(text)
    if not text.strip():
        msg = "the input is empty (or only whitespace); there is no page to read"
        raise EmptyInputError(msg)
    return Page(_kind(text, options), text, url, name, why, replacements, removed)


def _check_size(size: int, options: Options, unit: str) -> None:
    if size > options.max_input_bytes:
        msg = (
            f"the input has {size:,} {unit}, more than max_input_bytes={options.max_input_bytes:,}; "
            "raise Options.max_input_bytes to read it anyway"
        )
        raise InputTooLargeError(msg)


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a gzipped page (a saved `.html.gz`), refusing to inflate past `limit` bytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        page = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        msg = f"the input starts like gzip data but does not decompress ({error}); pass the page itself"
        raise DecodeError(msg) from error
    if len(page) > limit:
        msg = f"the gzipped input inflates past max_input_bytes={limit:,}; raise the limit to read it"
        raise InputTooLargeError(msg)
    return page


def _kind(text: str, options: Options) -> Literal["html", "text"]:
    if options.input_kind is InputKind.HTML:
        return "html"
    if options.input_kind is InputKind.TEXT:
        return "text"
    start = text[:_SNIFF_CHARS]
    if _HTML_START.match(start):
        return "text" if _markup_only_on_first_line(start) else "html"
    return "html" if len(_HTML_TAG.findall(start)) >= _MIN_TAGS_FOR_HTML else "text"


def _markup_only_on_first_line(start: str) -> bool:
    """A browser copy can begin with a stray tag (an image's markup); then many lines of plain text follow."""
    first, _, rest = start.lstrip().partition("\n")
    if first.count("<") != 1 or _DOCUMENT_START.match(first):
        return False  # a document's own start ('<!DOCTYPE html><html>…', '<style>') is HTML
    return _ANY_TAG.search(rest) is None and rest.count("\n") >= _PLAIN_LINES_AFTER_A_STRAY_TAG

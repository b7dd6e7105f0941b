"""Turn page bytes into text honestly: BOM, declared charset, UTF-8, detection, a safe fallback.

The order follows how browsers decide, with one correction for a frequent lie: pages that
declare a single-byte charset (latin-1, windows-1252) but are valid UTF-8 are read as UTF-8.
Whatever happens, the result is a `str`; bytes that could not be read become U+FFFD and are
counted, never silently dropped.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from articlex.errors import DecodeError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG's encoding standard maps these labels to a superset; Python's codecs are stricter.
_SUPERSETS = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}
_SINGLE_BYTE_LATIN = frozenset({"cp1252", "cp1250", "cp1254", "iso8859-15", "iso8859-2"})

_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([-\w.:]{1,40})""", re.IGNORECASE)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([-\w.:]{1,40})""", re.IGNORECASE)
_PRESCAN_BYTES = 4096
"""The HTML standard prescans 1,024 bytes; real pages often declare a little later."""
_DETECTION_BYTES = 200_000
"""Detection reads at most this much: enough evidence, bounded cost on huge pages."""

_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (b"\x7fELF", "an executable"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
_GOOD_PER_BROKEN_UTF8 = 4
"""UTF-8 with a stray broken byte is still UTF-8 when good multi-byte characters outnumber it 4 to 1."""
_MAX_CONTROL_SHARE = 0.05
"""Text with more than this share of control characters is binary data, not a page."""
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, and how."""

    text: str
    encoding: str
    source: str
    """Why this encoding: 'bom', 'caller', 'meta', 'utf-8', 'utf-16-pattern', 'detected', 'fallback'."""
    replacements: int


def charset_from_declaration(declaration: str) -> str | None:
    """The Python codec for a charset name or an HTTP Content-Type value, or None if unknown."""
    match = _CONTENT_TYPE_CHARSET.search(declaration)
    label = match.group(1) if match else declaration.strip()
    return _codec_name(label)


def _codec_name(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode page bytes; `declared` is the caller's charset or Content-Type header, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom) :], name, "bom")
    _refuse_binary(data)
    if declared is not None:
        codec = charset_from_declaration(declared)
        if codec is not None:
            return _trust_but_verify(data, codec, "caller")
    codec = _meta_charset(data)
    if codec is not None:
        return _trust_but_verify(data, codec, "meta")
    utf16 = _utf16_by_pattern(data)
    if utf16 is not None:
        return _decode_with(data, utf16, "utf-16-pattern")
    return _guess(data)


def _refuse_binary(data: bytes) -> None:
    for magic, what in _MAGIC_NUMBERS:
        if data.startswith(magic):
            msg = f"the input looks like {what}, not a web page; pass the HTML or text of a page"
            raise DecodeError(msg)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if match is None:
        return None
    codec = _codec_name(match.group(1).decode("ascii", "replace"))
    # A page that could be read to find this declaration is not UTF-16 (HTML standard).
    if codec is not None and codec.startswith("utf-16"):
        return "utf-8"
    return codec


def _utf16_by_pattern(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text leaves a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 16:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.6 * half and even_nuls < 0.1 * half:
        return "utf-16-le"
    if even_nuls > 0.6 * half and odd_nuls < 0.1 * half:
        return "utf-16-be"
    return None


def _trust_but_verify(data: bytes, codec: str, source: str) -> Decoded:
    """Use a declared charset unless the bytes prove it wrong."""
    if codec != "utf-8" and (codec in _SINGLE_BYTE_LATIN or codec.startswith("iso8859")):
        strict_utf8 = _strict(data, "utf-8")
        if strict_utf8 is not None and not strict_utf8.isascii():
            return Decoded(strict_utf8, "utf-8", f"utf-8 (declared {codec} in {source}, bytes are UTF-8)", 0)
    text = _strict(data, codec)
    if text is not None:
        return Decoded(text, codec, source, 0)
    as_utf8 = _mostly_utf8(data)
    if as_utf8 is not None:
        label = source if codec == "utf-8" else f"utf-8 (declared {codec} in {source} does not fit)"
        return Decoded(as_utf8.text, "utf-8", label, as_utf8.replacements)
    detected = _detect(data)
    if detected is not None and detected != codec:
        decoded = _decode_with(data, detected, f"detected (declared {codec} in {source} does not fit)")
        if decoded.replacements == 0:
            return decoded
    return _decode_with(data, codec, source)


def _guess(data: bytes) -> Decoded:
    as_utf8 = _mostly_utf8(data)
    if as_utf8 is not None:
        return _checked(as_utf8)
    detected = _detect(data)
    if detected is not None:
        return _checked(_decode_with(data, detected, "detected"))
    return _checked(_decode_with(data, "cp1252", "fallback"))


def _checked(decoded: Decoded) -> Decoded:
    """Refuse text that is mostly control characters: binary data that happened to decode."""
    sample = decoded.text[:_DETECTION_BYTES]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        msg = "the input looks like binary data, not a web page; pass the HTML or text of a page"
        raise DecodeError(msg)
    return decoded


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8, allowing a few broken bytes among many good multi-byte characters (a common sight)."""
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8", 0)
    decoded = _decode_with(data, "utf-8", "utf-8")
    non_ascii = sum(1 for char in decoded.text if ord(char) > 0x7F)
    good = non_ascii - decoded.replacements
    if good > _GOOD_PER_BROKEN_UTF8 * decoded.replacements:
        return decoded
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_with(data: bytes, codec: str, source: str) -> Decoded:
    text = data.decode(codec, errors="replace")
    return Decoded(text, codec, source, text.count("\ufffd"))


def _detect(data: bytes) -> str | None:
    """Statistical detection by charset-normalizer, on a bounded sample."""
    from charset_normalizer import from_bytes  # noqa: PLC0415 - costly import, rarely needed

    best = from_bytes(data[:_DETECTION_BYTES]).best()
    if best is None:
        return None
    return _codec_name(best.encoding)

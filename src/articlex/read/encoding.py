"""Turn page bytes into text honestly: BOM, declared charset, UTF-8, detection, a safe fallback.

The order follows how browsers decide, with one correction for a frequent lie: pages that
declare a single-byte charset (latin-1, windows-1252, windows-1251, …) but are valid UTF-8 are
read as UTF-8.
Whatever happens, the result is a `str`; bytes that could not be read become U+FFFD and are
counted, never silently dropped.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

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
_SINGLE_BYTE = frozenset(
    {*(f"cp{number}" for number in range(1250, 1259)), "koi8-r", "koi8-u", "cp866", "cp874", "mac-roman"}
)
"""Single-byte encodings (besides the iso8859 family) in which a page's letters never make valid UTF-8 by chance:
a page declared in one of them whose bytes are strict UTF-8 with non-ASCII characters is UTF-8."""

_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([-\w.:]{1,40})""", re.IGNORECASE)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([-\w.:]{1,40})""", re.IGNORECASE)
_PRESCAN_BYTES = 4096
"""The HTML standard prescans 1,024 bytes; real pages often declare a little later."""
_DETECTION_BYTES = 200_000
"""Detection reads at most this much: enough evidence, bounded cost on huge pages."""
_MESS_SAMPLE_CHARS = 20_000
"""A declared encoding is checked for garbage on this many decoded characters."""

_WEB_LEGACY = (
    "cp1252", "cp1251", "cp932", "gb18030", "cp949", "cp1250", "big5hkscs", "euc_jp", "cp1256", "cp1254",
    "cp1253", "cp1255", "cp1257", "cp1258", "cp874", "koi8_r", "koi8_u", "iso8859_2", "iso8859_5", "iso8859_7",
    "iso8859_8", "iso8859_15",
)  # fmt: skip
"""Legacy encodings pages are written in (the WHATWG Encoding Standard's, most used first). Detection
chooses among these only: DOS and Mac code pages fit short texts as well but no web page uses them."""
_CENTRAL = ("cp1250", "iso8859_2")
_CYRILLIC = ("cp1251", "koi8_r", "koi8_u", "iso8859_5")
_WESTERN = ("cp1252", "iso8859_15")
_LANGUAGE_ENCODINGS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("pl", "cs", "sk", "hu", "sl", "hr", "bs", "ro", "sq"), _CENTRAL),
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg", "mn"), _CYRILLIC),
    **dict.fromkeys(("ar", "fa", "ur"), ("cp1256",)),
    **dict.fromkeys(("lt", "lv", "et"), ("cp1257",)),
    **dict.fromkeys(
        ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "nn", "fi", "is", "ca", "ga", "id", "ms"),
        _WESTERN,
    ),
    "el": ("cp1253", "iso8859_7"),
    "tr": ("cp1254",),
    "he": ("cp1255", "iso8859_8"),
    "vi": ("cp1258",),
    "th": ("cp874",),
    "ja": ("cp932", "euc_jp"),
    "ko": ("cp949",),
    "zh": ("gb18030", "big5hkscs"),
    "zh-tw": ("big5hkscs",),
    "zh-hk": ("big5hkscs",),
    "zh-hant": ("big5hkscs",),
}
"""The legacy encodings a language's pages are written in: a declared `lang` (or the address's country)
settles what detection alone cannot on short pages (Polish in ISO-8859-2 and in windows-1252 differ in a
few letters; Russian in KOI8-R is valid Shift_JIS)."""
_COUNTRY_LANGUAGES = {
    "pl": "pl", "cz": "cs", "sk": "sk", "hu": "hu", "si": "sl", "hr": "hr", "ba": "bs", "ro": "ro", "al": "sq",
    "ru": "ru", "ua": "uk", "by": "be", "bg": "bg", "mk": "mk", "rs": "sr", "kz": "kk", "kg": "ky", "mn": "mn",
    "gr": "el", "tr": "tr", "il": "he", "ae": "ar", "sa": "ar", "eg": "ar", "ir": "fa", "pk": "ur", "lt": "lt",
    "lv": "lv", "ee": "et", "vn": "vi", "th": "th", "jp": "ja", "kr": "ko", "cn": "zh", "tw": "zh-tw",
    "hk": "zh-hk", "de": "de", "at": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt", "br": "pt",
    "nl": "nl", "se": "sv", "dk": "da", "no": "no", "fi": "fi", "is": "is",
}  # fmt: skip
"""The main language of a country-code domain, for pages that do not declare one."""
_HTML_LANG = re.compile(
    rb"""<html\b[^>]{0,512}?\blang\s*=\s*["']?\s*([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)""", re.IGNORECASE
)
_MAX_HINTED_CHAOS = 0.1
"""An encoding the page's language suggests is taken when its decoding is at least this clean."""
_MAX_DECLARED_MESS = 0.3
"""A declared encoding whose strict decoding is messier than this (by charset-normalizer's measure) is
re-detected: the declaration lies, for example EUC-KR bytes declared Shift_JIS."""
_ISO_2022_JP_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(I")

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
_GOOD_PER_BROKEN_UTF8 = 1
"""UTF-8 with broken bytes (a pasted windows-1252 snippet) is still UTF-8 when its good multi-byte characters outnumber
the broken bytes: a page in a single-byte encoding has almost no valid UTF-8 sequences, they are mojibake patterns."""
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


def decode(data: bytes, declared: str | None = None, *, url: str | None = None) -> Decoded:
    """Decode page bytes; `declared` is the caller's charset or Content-Type header, if any.

    `url` (the page's address) helps detection: its country-code domain suggests the page's
    language when the page does not declare one.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom) :], name, "bom")
    _refuse_binary(data)
    preferred = preferred_encodings(data, url)
    if declared is not None:
        codec = charset_from_declaration(declared)
        if codec is not None:
            return _trust_but_verify(data, codec, "caller", preferred)
    codec = _meta_charset(data)
    if codec is not None:
        return _trust_but_verify(data, codec, "meta", preferred)
    utf16 = _utf16_by_pattern(data)
    if utf16 is not None:
        return _decode_with(data, utf16, "utf-16-pattern")
    return _guess(data, preferred)


def preferred_encodings(data: bytes, url: str | None) -> tuple[str, ...]:
    """The legacy encodings the page's declared language, else its address's country, suggests."""
    match = _HTML_LANG.search(data[:_PRESCAN_BYTES])
    language = match.group(1).decode("ascii").lower().replace("_", "-") if match else None
    if language is None and url:
        host = urlsplit(url.strip()).hostname or ""
        language = _COUNTRY_LANGUAGES.get(host.rsplit(".", 1)[-1])
    if language is None:
        return ()
    return _LANGUAGE_ENCODINGS.get(language) or _LANGUAGE_ENCODINGS.get(language.split("-")[0], ())


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


def _trust_but_verify(data: bytes, codec: str, source: str, preferred: tuple[str, ...]) -> Decoded:  # noqa: PLR0911
    """Use a declared charset unless the bytes prove it wrong."""
    if codec in _SINGLE_BYTE or codec.startswith("iso8859"):
        strict_utf8 = _strict(data, "utf-8")
        if strict_utf8 is not None and not strict_utf8.isascii():
            return Decoded(strict_utf8, "utf-8", f"utf-8 (declared {codec} in {source}, bytes are UTF-8)", 0)
    text = _strict(data, codec)
    if text is not None and not _messy(text):
        return Decoded(text, codec, source, 0)
    as_utf8 = _mostly_utf8(data)
    if as_utf8 is not None:
        label = source if codec == "utf-8" else f"utf-8 (declared {codec} in {source} does not fit)"
        return Decoded(as_utf8.text, "utf-8", label, as_utf8.replacements)
    detected = _detect(data, preferred)
    if text is not None:
        if detected is not None and detected != codec:
            decoded = _decode_with(data, detected, f"detected (declared {codec} in {source} reads as garbage)")
            if decoded.replacements == 0 and not _messy(decoded.text):
                return decoded
        return Decoded(text, codec, source, 0)
    if detected is not None and detected != codec:
        decoded = _decode_with(data, detected, f"detected (declared {codec} in {source} does not fit)")
        if decoded.replacements == 0:
            return decoded
    return _decode_with(data, codec, source)


def _guess(data: bytes, preferred: tuple[str, ...]) -> Decoded:
    sample = data[:_DETECTION_BYTES]
    if any(escape in sample for escape in _ISO_2022_JP_ESCAPES):
        text = _strict(data, "iso2022_jp")
        if text is not None:
            return _checked(Decoded(text, "iso2022_jp", "iso-2022-jp escapes", 0))
    as_utf8 = _mostly_utf8(data)
    if as_utf8 is not None:
        return _checked(as_utf8)
    detected = _detect(data, preferred)
    if detected is not None:
        return _checked(_decode_with(data, detected, "detected"))
    hinted = _most_letters(data[:_DETECTION_BYTES], preferred)
    if hinted is not None:
        return _checked(_decode_with(data, hinted, "language hint"))
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


def _detect(data: bytes, preferred: tuple[str, ...] = ()) -> str | None:
    """Statistical detection by charset-normalizer, on a bounded sample, among the web's encodings.

    The encodings the page's language suggests are tried first; then every legacy web encoding,
    the cleanest decoding winning (charset-normalizer's chaos), then the most coherent one (its
    letter frequencies), then the most used on the web.
    """
    from charset_normalizer import from_bytes  # noqa: PLC0415 - costly import, rarely needed

    sample = data[:_DETECTION_BYTES]
    for candidates in (preferred, _WEB_LEGACY):
        if not candidates:
            continue
        order = {codec: rank for rank, codec in enumerate(candidates)}
        matches = [
            (round(match.chaos, 2), -round(match.coherence, 2), order.get(_lookup(match.encoding), 99), match.encoding)
            for match in from_bytes(sample, cp_isolation=list(candidates))
        ]
        if not matches:
            continue
        chaos, _, _, best = min(matches)
        if candidates is preferred and chaos > _MAX_HINTED_CHAOS:
            continue
        return _codec_name(best)
    return None


def _most_letters(sample: bytes, candidates: tuple[str, ...]) -> str | None:
    """Among the encodings the page's language suggests, the one that reads the most non-ASCII letters."""
    best, most = None, -1
    for codec in candidates:
        text = _strict(sample, codec)
        if text is not None:
            letters = sum(1 for char in text if ord(char) > 0x7F and char.isalpha())
            if letters > most:
                best, most = codec, letters
    return _codec_name(best) if best is not None else None


def _lookup(label: str) -> str:
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return label


def _messy(text: str) -> bool:
    """True when decoded text reads as garbage (charset-normalizer's mess measure on a sample)."""
    if text.isascii():
        return False
    from charset_normalizer.md import mess_ratio  # noqa: PLC0415 - costly import, rarely needed

    return mess_ratio(text[:_MESS_SAMPLE_CHARS], _MAX_DECLARED_MESS) >= _MAX_DECLARED_MESS

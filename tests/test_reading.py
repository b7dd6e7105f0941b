"""Stage 1, reading: input types and limits, gzip, clean-up, HTML-vs-text sniffing and honest decoding."""

from __future__ import annotations

import codecs
import gzip
import random

import pytest

from articlex import (
    ArticlexError,
    DecodeError,
    EmptyInputError,
    InputKind,
    InputTooLargeError,
    InputTypeError,
    Options,
    extract,
)
from articlex.read.reading import Page, read

DEFAULT = Options()

BUDGET_PARAGRAPH = (
    "The city council approved the new budget on Tuesday evening, after a debate that lasted more than four hours."
)


def read_page(source: str | bytes, *, encoding: str | None = None, options: Options = DEFAULT) -> Page:
    return read(source, url=None, encoding=encoding, options=options)


def html_page(paragraphs: list[str], *, lang: str, headline: str, charset: str | None = None) -> str:
    """A short, realistic news page; with `<meta charset>` when `charset` is given."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>{meta}<title>{headline}</title></head>\n'
        f'<body>\n<nav><a href="/">Home</a></nav>\n<article>\n<h1>{headline}</h1>\n{body}\n</article>\n</body>\n</html>\n'
    )


# ---- input types, emptiness and size -------------------------------------------------------


def test_str_input_is_read_as_given() -> None:
    """A `str` is taken as already decoded text."""
    page = read_page("<p>Grüße aus Köln</p>")
    assert page.text == "<p>Grüße aus Köln</p>"
    assert page.encoding == "str"


def test_bytes_input_is_decoded() -> None:
    """`bytes` are decoded to text (here UTF-8)."""
    page = read_page("<p>Grüße aus Köln, und noch ein paar Wörter dazu.</p>".encode())
    assert "Grüße aus Köln" in page.text
    assert page.encoding == "utf-8"


def test_bytearray_input_is_accepted() -> None:
    """A `bytearray` is read like `bytes`."""
    page = read_page(bytearray(b"<p>Hello there, reader.</p>"))  # type: ignore[arg-type]
    assert "Hello there, reader." in page.text


@pytest.mark.parametrize("source", [None, 42, ["<p>x</p>"], {"html": "<p>x</p>"}])
def test_wrong_type_raises_input_type_error(source: object) -> None:
    """Anything but `str` or `bytes` raises `InputTypeError`."""
    with pytest.raises(InputTypeError, match="str or bytes"):
        extract(source)  # type: ignore[arg-type]


def test_input_type_error_is_also_a_type_error() -> None:
    """`InputTypeError` can be caught as the builtin `TypeError`."""
    with pytest.raises(TypeError):
        extract(3.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("source", ["", "   \n\t  \r\n", b"", b"  \n  ", "\x00\x00"])
def test_empty_or_whitespace_input_raises_empty_input_error(source: str | bytes) -> None:
    """Input without any text raises `EmptyInputError`."""
    with pytest.raises(EmptyInputError):
        extract(source)


def test_bytes_over_the_limit_raise_input_too_large_error_naming_the_limit() -> None:
    """Bytes longer than `max_input_bytes` are refused with a message that names the limit."""
    with pytest.raises(InputTooLargeError, match="max_input_bytes=1,000"):
        extract(b"<p>" + b"x" * 1_000 + b"</p>", options=Options(max_input_bytes=1_000))


def test_str_over_the_limit_raises_input_too_large_error() -> None:
    """A `str` longer than `max_input_bytes` is refused too."""
    with pytest.raises(InputTooLargeError, match="max_input_bytes=50"):
        extract("word " * 20, options=Options(max_input_bytes=50))


def test_input_at_the_limit_is_read() -> None:
    """Input exactly as long as `max_input_bytes` is accepted."""
    source = b"Exactly forty bytes of plain text here.."
    assert len(source) == 40
    page = read_page(source, options=Options(max_input_bytes=40))
    assert page.text == source.decode()


# ---- gzip -----------------------------------------------------------------------------------


def test_gzip_input_is_inflated() -> None:
    """A gzipped page (a saved `.html.gz`) is decompressed before decoding."""
    html = html_page([BUDGET_PARAGRAPH], lang="en", headline="Council approves budget")
    page = read_page(gzip.compress(html.encode()))
    assert page.kind == "html"
    assert BUDGET_PARAGRAPH in page.text


def test_gzip_bomb_past_the_limit_is_refused() -> None:
    """A small gzip that would inflate past `max_input_bytes` raises `InputTooLargeError`."""
    bomb = gzip.compress(b" " * 5_000_000)
    assert len(bomb) < 100_000
    with pytest.raises(InputTooLargeError, match="max_input_bytes=100,000"):
        extract(bomb, options=Options(max_input_bytes=100_000))


def test_corrupt_gzip_raises_decode_error() -> None:
    """Bytes that start like gzip but do not decompress raise `DecodeError`."""
    with pytest.raises(DecodeError, match="gzip"):
        extract(b"\x1f\x8b" + b"this is not deflate data at all")


# ---- clean-up --------------------------------------------------------------------------------


def test_nuls_are_removed_and_counted() -> None:
    """NUL characters are dropped from the text and counted."""
    page = read_page("Breaking\x00 news:\x00 the bridge is open again.")
    assert page.text == "Breaking news: the bridge is open again."
    assert page.removed == 2


def test_lone_surrogates_are_removed_and_counted() -> None:
    """Lone surrogates (unencodable) are dropped from the text and counted."""
    page = read_page("The mayor\ud800 said yes\udfff today.")
    assert page.text == "The mayor said yes today."
    assert page.removed == 2


def test_removed_characters_reach_the_diagnostics() -> None:
    """The count of removed characters is reported in `Article.diagnostics`."""
    article = extract("A line of text\x00 that has a NUL in it, and nothing else.")
    assert article.diagnostics is not None
    assert article.diagnostics.removed_characters == 1


def test_nul_in_a_long_byte_page_is_removed() -> None:
    """A stray NUL in otherwise ordinary page bytes is removed, not taken as a sign of binary data."""
    html = html_page([BUDGET_PARAGRAPH] * 5, lang="en", headline="Council approves budget").encode()
    page = read_page(html.replace(b"<article>", b"<article>\x00"))
    assert "\x00" not in page.text
    assert page.removed == 1
    assert BUDGET_PARAGRAPH in page.text


# ---- HTML or text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "<!DOCTYPE html><html><body><p>Hello.</p></body></html>",
        "<!doctype HTML>\n<title>x</title>",
        "\n\n   <html lang='en'><body>Hi</body></html>",
        "<!-- saved from url=(0042)https://example.com/ -->\n<html><body>x</body></html>",
        "<div class='story'>The story.</div>",
        "<p>The first paragraph.</p>",
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html\n PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"\n'
        ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">\n'
        "<head>\n<!--\n" + "\tA long comment from the site's content system.\n" * 100 + "-->\n<title>x</title>",
    ],
    ids=[
        "doctype",
        "lowercase-doctype",
        "leading-space",
        "leading-comment",
        "div-start",
        "p-start",
        "xhtml-xml-prolog",
    ],
)
def test_html_start_is_sniffed_as_html(source: str) -> None:
    """Input that starts like an HTML document is read as HTML."""
    assert read_page(source).kind == "html"


def test_fragment_with_a_few_tags_is_html() -> None:
    """Text that does not start with a tag but holds several common tags is HTML."""
    source = "Breaking: <b>the bridge</b> is open, <a href='/more'>says the mayor</a>.<br>More later."
    assert read_page(source).kind == "html"


def test_page_with_a_broken_xml_declaration_is_html() -> None:
    """An XML declaration that never closes (a content system wrote its keywords into it) hides the document's
    start; the `<meta>`, `<link>` and `<script>` lines after it still make the page HTML."""
    keywords = ", ".join(f"keyword{n}" for n in range(60))
    source = (
        f'<?xml version="1.0" encoding="{keywords}" />\n<meta name="generator" content="A CMS" />\n'
        '<meta name="robots" content="index, follow" />\n<link rel="stylesheet" href="/site.css" />\n'
        '<script src="/menu.js"></script>\n' + "<p>The council approved the budget on Monday evening.</p>\n"
    )
    assert read_page(source).kind == "html"


def test_a_blog_copy_naming_the_tags_its_comments_allow_is_text() -> None:
    """A browser copy of a blog may print its comment form's note on allowed tags: still plain text."""
    source = (
        "A walk along the estuary\n\nWe went out at low tide and counted the birds on the mud.\n\n"
        "Leave a comment. You can use these tags: <strong> <em> <u>\n"
    )
    assert read_page(source).kind == "text"


@pytest.mark.parametrize(
    "source",
    [
        "Council approves budget\n\nThe council approved it.\n",
        "Prices rose 5% <compared with last year> on Monday.\nMore text follows.",
        "if a < b then the loop stops; 3 < 4 and 5 > 2.\n",
        "Use the <p> element for paragraphs.\nThat is all.",
    ],
    ids=["plain", "stray-angle-bracket", "a-less-than-b", "one-tag-mentioned"],
)
def test_plain_text_is_sniffed_as_text(source: str) -> None:
    """Plain text, even with a stray '<' or one tag name in it, is read as text."""
    assert read_page(source).kind == "text"


def test_input_kind_text_forces_text() -> None:
    """`Options(input_kind='text')` reads even an HTML document as text."""
    page = read_page("<!DOCTYPE html><p>Hello.</p>", options=Options(input_kind=InputKind.TEXT))
    assert page.kind == "text"


def test_input_kind_html_forces_html() -> None:
    """`Options(input_kind='html')` reads even plain text as HTML."""
    page = read_page("Just a sentence.", options=Options(input_kind="html"))
    assert page.kind == "html"


# ---- encodings --------------------------------------------------------------------------------

GERMAN = (
    ["Die Bürgermeisterin eröffnete gestern die neue Brücke über den Fluss, und viele Bürger kamen zur Feier."],
    "de",
    "Neue Brücke eröffnet",
)
FRENCH = (
    [
        "Le maire a inauguré hier le nouveau pont sur la rivière, et des centaines d’habitants sont venus à la fête.",
        "« C’est un très beau jour pour notre ville », a déclaré l’élue ; le chantier a coûté 12 € par habitant.",
    ],
    "fr",
    "Le nouveau pont est ouvert",
)
POLISH = (
    [
        "Prezydent miasta otworzył wczoraj nowy most na rzece, a na uroczystość przyszły tysiące mieszkańców.",
        "Budowa, rozpoczęta dwa lata temu, zakończyła się trzy miesiące przed terminem, powiedział rzecznik urzędu.",
    ],
    "pl",
    "Nowy most otwarty",
)
RUSSIAN = (
    [
        "Мэр города вчера открыл новый мост через реку, и на праздник пришли тысячи жителей.",
        "Строительство, начатое два года назад, завершилось на три месяца раньше срока, сообщили в мэрии.",
    ],
    "ru",
    "Новый мост открыт",
)
JAPANESE = (
    [
        "東京都知事は昨日、新しい橋の開通式に出席し、多くの市民が祝賀会に集まりました。工事は予定より三か月早く終わりました。"
    ],
    "ja",
    "新しい橋が開通",
)
KOREAN = (
    [
        "서울시장은 어제 새로운 다리 개통식에 참석했으며, 많은 시민들이 축하 행사에 모였습니다. 공사는 예정보다 석 달 일찍 끝났습니다."
    ],
    "ko",
    "새 다리 개통",
)
CHINESE = (
    ["北京市长昨天出席了新桥的开通仪式，许多市民聚集在一起参加庆祝活动。工程比计划提前三个月完成。"],
    "zh-CN",
    "新桥正式开通",
)
TRADITIONAL_CHINESE = (
    ["臺北市長昨天出席了新橋的開通儀式，許多市民聚集在一起參加慶祝活動。工程比計畫提前三個月完成。"],
    "zh-TW",
    "新橋正式開通",
)

ENCODED_PAGES = [
    ("utf-8", "utf-8", FRENCH),
    ("windows-1252", "cp1252", FRENCH),
    ("windows-1252", "cp1252", GERMAN),
    ("iso-8859-2", "iso8859-2", POLISH),
    ("koi8-r", "koi8-r", RUSSIAN),
    ("windows-1251", "cp1251", RUSSIAN),
    ("shift_jis", "shift_jis", JAPANESE),
    ("euc-kr", "euc-kr", KOREAN),
    ("gb18030", "gb18030", CHINESE),
    ("big5", "big5", TRADITIONAL_CHINESE),
]


@pytest.mark.parametrize("declared", [True, False], ids=["meta", "no-meta"])
@pytest.mark.parametrize(
    ("label", "codec", "content"), ENCODED_PAGES, ids=[f"{label}-{c[1]}" for label, _, c in ENCODED_PAGES]
)
def test_page_in_encoding_decodes_to_the_original_words(
    label: str, codec: str, content: tuple[list[str], str, str], declared: bool
) -> None:
    """A short page in a legacy or Unicode encoding, with or without `<meta charset>`, decodes to its words."""
    paragraphs, lang, headline = content
    html = html_page(paragraphs, lang=lang, headline=headline, charset=label if declared else None)
    page = read_page(html.encode(codec))
    for paragraph in paragraphs:
        assert paragraph in page.text
    assert headline in page.text
    assert page.replacements == 0


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_page_with_bom_decodes_by_the_bom(bom: bytes, codec: str) -> None:
    """A byte-order mark decides the encoding, and is not part of the text."""
    paragraphs, lang, headline = RUSSIAN
    html = html_page(paragraphs, lang=lang, headline=headline)
    page = read_page(bom + html.encode(codec))
    assert page.encoding_source == "bom"
    assert page.text.startswith("<!DOCTYPE html>")
    assert paragraphs[0] in page.text


def test_bom_wins_over_a_lying_meta_charset() -> None:
    """A UTF-8 BOM outranks a `<meta charset>` that says otherwise."""
    paragraphs, lang, headline = FRENCH
    html = html_page(paragraphs, lang=lang, headline=headline, charset="windows-1252")
    page = read_page(codecs.BOM_UTF8 + html.encode())
    assert paragraphs[1] in page.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_decodes(codec: str) -> None:
    """UTF-16 without a byte-order mark is recognised from its pattern of NUL bytes."""
    paragraphs, lang, headline = GERMAN
    page = read_page(html_page(paragraphs, lang=lang, headline=headline).encode(codec))
    assert paragraphs[0] in page.text
    assert page.kind == "html"


@pytest.mark.parametrize(
    ("charset", "content"),
    [
        ("iso-8859-1", FRENCH),
        ("windows-1251", RUSSIAN),
        ("windows-1256", FRENCH),
        ("koi8-r", RUSSIAN),
        ("windows-1253", GERMAN),
    ],
    ids=["latin1-french", "cyrillic-russian", "arabic-french", "koi8-russian", "greek-german"],
)
def test_meta_declaring_a_single_byte_charset_on_utf8_bytes_decodes_as_utf8(
    charset: str, content: tuple[list[str], str, str]
) -> None:
    """A page that declares a single-byte charset of any script but whose bytes are UTF-8 is read as UTF-8 (no mojibake)."""
    paragraphs, lang, headline = content
    html = html_page([f"{paragraphs[0]} – «{headline}»"], lang=lang, headline=headline, charset=charset)
    page = read_page(html.encode("utf-8"))
    assert page.encoding == "utf-8"
    assert f"{paragraphs[0]} – «{headline}»" in page.text


@pytest.mark.parametrize(("codec", "content"), [("cp1252", FRENCH), ("cp1252", GERMAN)], ids=["french", "german"])
def test_meta_declaring_utf8_on_windows_1252_bytes_still_decodes(
    codec: str, content: tuple[list[str], str, str]
) -> None:
    """A page that declares UTF-8 but is windows-1252 is decoded right, without replacement characters."""
    paragraphs, lang, headline = content
    html = html_page(paragraphs, lang=lang, headline=headline, charset="utf-8")
    page = read_page(html.encode(codec))
    for paragraph in paragraphs:
        assert paragraph in page.text
    assert page.replacements == 0


def test_callers_encoding_is_honoured_over_the_meta_tag() -> None:
    """The caller's `encoding=` outranks a `<meta charset>` that names another charset."""
    paragraphs, lang, headline = RUSSIAN
    html = html_page(paragraphs, lang=lang, headline=headline, charset="windows-1251")
    page = read_page(html.encode("koi8-r"), encoding="koi8-r")
    assert page.encoding_source == "caller"
    assert paragraphs[0] in page.text


def test_http_content_type_is_honoured_over_the_meta_tag() -> None:
    """A Content-Type header value given as `encoding=` is parsed for its charset and outranks the meta tag."""
    paragraphs, lang, headline = RUSSIAN
    html = html_page(paragraphs, lang=lang, headline=headline, charset="windows-1251")
    page = read_page(html.encode("koi8-r"), encoding='text/html; charset="KOI8-R"')
    assert page.encoding == "koi8-r"
    assert paragraphs[1] in page.text


def test_extract_passes_the_encoding_through() -> None:
    """`extract(..., encoding=...)` reaches the decoder and shows in the diagnostics."""
    paragraphs, lang, headline = RUSSIAN
    html = html_page(paragraphs, lang=lang, headline=headline, charset="windows-1251")
    article = extract(html.encode("koi8-r"), encoding="text/html; charset=koi8-r")
    assert article.diagnostics is not None
    assert article.diagnostics.encoding == "koi8-r"
    assert article.diagnostics.encoding_source == "caller"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml", "ZIP"),
    ],
    ids=["pdf", "png", "zip"],
)
def test_binary_file_raises_decode_error_naming_the_file_type(data: bytes, what: str) -> None:
    """A PDF, PNG or ZIP passed as a page raises `DecodeError` that says what the file is."""
    with pytest.raises(DecodeError, match=what):
        extract(data)


@pytest.mark.parametrize("seed", range(5))
def test_random_binary_noise_raises_decode_error(seed: int) -> None:
    """Random bytes are refused with `DecodeError`, never another exception."""
    noise = random.Random(seed).randbytes(4096)  # noqa: S311 - reproducible noise, not secrets
    with pytest.raises(DecodeError):
        extract(noise)


def test_decode_error_is_a_unicode_error_and_an_articlex_error() -> None:
    """`DecodeError` can be caught as `UnicodeError` or as `ArticlexError`."""
    assert issubclass(DecodeError, UnicodeError)
    assert issubclass(DecodeError, ArticlexError)


def test_replacement_characters_are_counted() -> None:
    """Broken bytes in otherwise valid UTF-8 become U+FFFD and are counted in the diagnostics."""
    good = "Die Bürgermeisterin eröffnete gestern die Brücke über den Fluss, und die Bürger feierten.\n".encode()
    article = extract(good * 4 + b"Ein kaputtes Byte: \xff und noch eins: \xfe.\n")
    assert article.diagnostics is not None
    assert article.diagnostics.replacement_characters == 2


def test_clean_utf8_has_no_replacement_characters() -> None:
    """Well-formed UTF-8 reports zero replacement characters."""
    paragraphs, lang, headline = FRENCH
    article = extract(html_page(paragraphs, lang=lang, headline=headline).encode())
    assert article.diagnostics is not None
    assert article.diagnostics.replacement_characters == 0


def test_a_text_copy_that_starts_with_a_stray_tag_is_text() -> None:
    """A browser copy whose first line is an image's markup, followed by plain lines, is read as text."""
    lines = "\n".join(f"Menu item {number}" for number in range(30))
    page = read(
        f'<img height="1" width="1" src="http://example.com/pixel">\n{lines}\n',
        url=None,
        encoding=None,
        options=Options(),
    )
    assert page.kind == "text"


def test_a_fragment_of_markup_is_html() -> None:
    """A short fragment of markup is HTML even with few tags."""
    assert read("<p>Hello there.</p>", url=None, encoding=None, options=Options()).kind == "html"


def test_a_page_whose_first_line_holds_its_whole_head_is_html() -> None:
    """A page that starts with its doctype, html and head on one line, then lines of CSS, is HTML."""
    css = "\n".join(f"  .rule-{number} {{ color: red; }}" for number in range(40))
    page = read(f"<!DOCTYPE html><html><head><style>\n{css}\n", url=None, encoding=None, options=Options())
    assert page.kind == "html"

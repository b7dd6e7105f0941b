"""Decoding beyond tests/test_reading.py: lying declarations, short pages, hints, ISO-2022-JP, always-valid text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from articlex import ArticlexError, extract
from articlex.read.encoding import decode

JAPANESE = "東京都知事は昨日、新しい橋の開通式に出席した。"
KOREAN = "서울시장은 어제 새로운 다리 개통식에 참석했으며, 많은 시민들이 모였습니다."
POLISH = "Prezydent otworzył most; uroczystość przyciągnęła tysiące mieszkańców."
RUSSIAN = "Мэр города вчера открыл новый мост через реку."


def test_short_shift_jis_without_declaration_is_not_mojibake() -> None:
    decoded = decode(JAPANESE.encode("shift_jis"))
    assert decoded.text == JAPANESE


def test_iso_2022_jp_is_recognised_by_its_escapes() -> None:
    decoded = decode(JAPANESE.encode("iso2022_jp"))
    assert decoded.text == JAPANESE
    assert decoded.encoding == "iso2022_jp"


def test_euc_kr_declared_as_shift_jis_is_redetected() -> None:
    html = f'<html><head><meta charset="shift_jis"></head><body><p>{KOREAN}</p></body></html>'
    decoded = decode(html.encode("euc_kr"))
    assert KOREAN in decoded.text


def test_polish_page_is_read_by_its_lang() -> None:
    html = f'<html lang="pl"><body>{f"<p>{POLISH}</p>" * 4}</body></html>'
    assert POLISH in decode(html.encode("iso8859_2")).text


def test_polish_text_is_read_by_the_address_country() -> None:
    decoded = decode((POLISH + "\n").encode("iso8859_2") * 4, url="https://example.pl/news/1")
    assert POLISH in decoded.text


def test_a_single_short_legacy_line_without_hints_is_still_valid_text() -> None:
    """Detection cannot tell ISO-8859-2 from windows-1252 on one short line (docs/robustness.md): the
    text may be wrong in a few letters, but it is valid text and says how it was decoded."""
    decoded = decode(POLISH.encode("iso8859_2"))
    assert decoded.text.startswith("Prezydent otworzy")
    assert decoded.source in {"detected", "fallback"}


def test_short_koi8_r_text_is_not_read_as_japanese() -> None:
    assert decode(RUSSIAN.encode("koi8_r"), url="https://example.ru/").text == RUSSIAN


def test_declared_encoding_from_http_header_wins_over_detection() -> None:
    decoded = decode(RUSSIAN.encode("koi8_r"), "text/html; charset=KOI8-R")
    assert decoded.text == RUSSIAN
    assert decoded.source == "caller"


def test_utf16_without_bom_cjk_page() -> None:
    html = f'<!DOCTYPE html><html lang="ja"><head><title>x</title></head><body><div class="story"><p>{JAPANESE}</p></div></body></html>'
    assert JAPANESE in decode(html.encode("utf-16-le")).text


@settings(max_examples=200)
@given(st.binary(min_size=1, max_size=2_000))
def test_any_bytes_give_valid_text_or_an_articlex_error(data: bytes) -> None:
    """Whatever the bytes, the result is an Article whose text encodes as UTF-8, or an ArticlexError."""
    try:
        article = extract(data)
    except ArticlexError:
        return
    article.model_dump_json().encode("utf-8")
    assert "\x00" not in article.text


@settings(max_examples=200)
@given(st.text(min_size=1, max_size=2_000))
def test_any_str_gives_valid_text_or_an_articlex_error(text: str) -> None:
    """Whatever the string, the result is an Article whose text encodes as UTF-8 and holds no NUL, or an ArticlexError."""
    try:
        article = extract(text)
    except ArticlexError:
        return
    article.model_dump_json().encode("utf-8")
    assert "\x00" not in article.text

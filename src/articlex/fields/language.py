"""The page's language: declared tags normalised, else a cheap guess from script and stop words."""

from __future__ import annotations

import functools
import re

from articlex.textnorm import words
from articlex.vocabulary import stopword_languages, stopwords

_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?(?:[-_].*)?$")
_SCRIPTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0900-\u097f]"), "hi"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
)
"""Scripts used by one main language, checked in this order (Japanese mixes in Chinese characters)."""
SCRIPT_SHARE = 0.3
"""A script names the language when this share of the sampled characters is in it."""
SAMPLE_CHARS = 3000
SAMPLE_WORDS = 400
MIN_STOPWORD_HITS = 5
MIN_STOPWORD_SHARE = 0.15
"""Running text in a language has at least this share of that language's function words."""
MONTH_FIRST_LANGUAGES = frozenset({"en", "en-us", "en-ph", "en-ca"})
"""Where 06/07/2024 means June 7; elsewhere numeric dates are read day first."""


def normalise_language(value: str) -> str | None:
    """A BCP 47-style tag ('en-US', 'de', 'zh-Hant-TW') from a declared value, or None when it is not one."""
    match = _TAG.match(value.strip())
    if match is None:
        return None
    primary, script, region = match.groups()
    tag = primary.lower()
    if script:
        tag += "-" + script.title()
    if region:
        tag += "-" + region.upper()
    return tag


def detect_language(text: str) -> str | None:
    """Guess the language of running text from its script, then from its share of stop words."""
    sample = text[:SAMPLE_CHARS]
    script = _script_language(sample)
    if script is not None:
        return script or None
    tokens = [token.casefold() for token in words(sample)][:SAMPLE_WORDS]
    if not tokens:
        return None
    scores = dict.fromkeys(stopword_languages(), 0)
    languages_of = _languages_of_stopwords()
    for token in tokens:
        for code in languages_of.get(token, ()):
            scores[code] += 1
    best = max(scores, key=lambda code: scores[code])
    if scores[best] >= MIN_STOPWORD_HITS and scores[best] >= MIN_STOPWORD_SHARE * len(tokens):
        return best
    return None


def _script_language(sample: str) -> str | None:
    """The language a script names ('ja', 'ar', …); '' when the sample holds no letter; None to read stop words.

    Latin text (most pages, and all-ASCII samples) holds none of these scripts: the letters are counted
    only when one is present, a scan of every character that costs more than the rest of the guess.
    """
    hits = [] if sample.isascii() else [(len(p.findall(sample)), language) for p, language in _SCRIPTS]
    if not any(count for count, _ in hits):
        return None if any(char.isalpha() for char in sample) else ""
    letters = sum(1 for char in sample if char.isalpha())
    if letters == 0:
        return ""
    return next((language for count, language in hits if count > SCRIPT_SHARE * letters), None)


@functools.cache
def _languages_of_stopwords() -> dict[str, tuple[str, ...]]:
    """Each stop word and the languages it is a stop word of: one lookup per word of the sample."""
    found: dict[str, list[str]] = {}
    for code in stopword_languages():
        for word in stopwords(code):
            found.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in found.items()}


def month_first_for(language: str | None) -> bool:
    """Whether numeric dates in this language put the month first (US English) or the day."""
    if language is None:
        return False
    return language.casefold() in MONTH_FIRST_LANGUAGES

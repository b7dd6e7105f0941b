"""What a person's name looks like, in any script: the one check every author value passes.

`looks_like_name` says whether a text is shaped like a person's name: capitalised words
('Asha Rao'), particles ('Anna von Arden', 'Luca di Serio', 'Omar bin Said'), initials ('E. J.
Porter'), hyphens and apostrophes ('Jean-Luc O'Neill'), names of scripts without case (王小明)
and Cyrillic ('Иван Петров'), or a byline printed in capitals ('ASHA B. RAO'). Titles ('Dr.',
'Prof.') are roles: `names` strips them before asking.

`is_credited_name` is the gate between the author sources and `Article.authors`: whatever a
source found (a credit line, an author element, a closing signature, structured data,
`<meta>`), a value that is a label or a placeholder ('Autoren', 'Unknown', 'No Author'), a
greeting or sign-off ('Happy Holidays', 'Stay safe everyone'), a place ('Lisbon'), an agency in
any letter case ('REUTERS'), an outlet ('The Harbour Post'), or holds an e-mail address, is not
one. A user name (one word, 'quillfox') passes: some pages credit nobody else.
"""

from __future__ import annotations

import functools
import re

from articlex.classify.features import phrase_family
from articlex.fields.agency_names import agencies_in, agency_named
from articlex.vocabulary import byline_vocabulary

NAME_MAX_WORDS = 5
"""Person names have at most this many words ('Maria de la Luz Ramírez' has five)."""
NAME_MAX_CHARS = 60
CAPS_NAME_MAX_WORDS = 4
"""A byline in capitals ('ASHA B. RAO') has two to four words, initials among them."""
NAME_PARTICLES = frozenset({"von", "vom", "van", "de", "di", "da", "du", "del", "af", "av", "par", "por", "zu"})
"""Byline prefixes that also stand inside names ('Anna von Arden'): never a label there."""
OUTLET_ARTICLES = frozenset({"the", "het", "il", "gli", "les", "los", "las"})
"""A name opening with a definite article names an outlet ('The Harbour Post', 'Il Corriere'), never a person
(German articles are left out: a blogger's pen name may open with one, 'Der Gartenzwerg')…"""
TWO_WORD_OUTLET_ARTICLES = frozenset({"le", "la", "el"})
"""…and so does an article with one word after it ('La Gaceta', 'El Faro'); a longer name may be a person's
('La Shawn Barber')…"""
INDEFINITE_ARTICLES = frozenset({"a", "an"})
"""…and so does one opening with 'A' before two words or more ('A Frugal Cook'; 'A Rao' and 'A J Rao' are names)."""

_NOT_NAME_CHARS = re.compile(r"[\d:!?=<>{}\[\]#%*+\"“”/|]")
_PERSON_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’.-]*"  # a capitalised word: Asha, O'Brien, Jean-Luc, Иван
    r"|(?:de|da|van|von|der|den|del|la|le|di|du|bin|al|el|ter|dos|das|y)"  # lower-case particles
    r"|[^\W\d_a-zA-Z]+)$"  # a word of a script without case: 王小明
)
_CAPS_WORD = re.compile(r"^[^\W\d_a-zà-ÿ]{2,}(?:[-'’][^\W\d_a-zà-ÿ]+)*$|^[^\W\d_a-zà-ÿ]\.$")
"""A word of a byline in capitals ('RAO', 'PARKER-POPE', "O'NEILL") or an initial ('B.')."""
_CONTACT = re.compile(r"@|https?://|www\.", re.IGNORECASE)
_DOMAIN = re.compile(
    r"\w\.(?:com|net|org|info|biz|de|at|ch|it|fr|es|nl|be|eu|uk|co|io|ru|us|ca|au|in|pl|cz|se|no|dk|fi|pt|br|jp"
    r"|cn|tv|me|news|blog|online)$",
    re.IGNORECASE,
)
"""A name ending in an address suffix ('Harbourherald.com'): a site, never a person."""
_WORDS = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
ACRONYM_MIN_CHARS = 3
"""An organisation's acronym opening a credit has at least this many capitals ('CNN Business'; 'JD Smith' is a name)."""
ROMAN_NUMERALS = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})
"""Capitals that end a person's name ('Robert Hale III'), not an organisation's acronym."""


def looks_like_name(name: str) -> bool:
    """True for 'Asha Rao', 'Jean-Luc Picard', 'Иван Петров', '王小明'; False for labels, orgs, dates."""
    if not name or len(name) > NAME_MAX_CHARS or _NOT_NAME_CHARS.search(name):
        return False
    words = name.split()
    vocabulary = byline_vocabulary()
    if len(words) > NAME_MAX_WORDS or name.casefold() in vocabulary.non_names:
        return False
    if any(word.casefold() in vocabulary.non_names for word in words):
        return False
    if agency_named(name) is not None or names_an_organisation(name):
        return False
    if len(words) == 1 and _has_case(name):
        return False  # one word is a full name only in a script without case (王小明); 'Música' is a word
    return (all(_PERSON_WORD.match(word) for word in words) and not name.isupper()) or _is_caps_name(words)


def _has_case(text: str) -> bool:
    return any(char.isupper() or char.islower() for char in text)


def names_an_organisation(name: str) -> bool:
    """True for a credit shaped like an outlet, a company or a title, never a person.

    A word naming a newspaper or broadcaster ('Idaho Tribune', 'Times Herald-Record'), a word of a
    sentence or a label ('Watch This', 'Not Rated'), an acronym opening a capitalised phrase ('CNN
    Business', 'TED Quotes'), or an agency's acronym beside other words ('AP Auto').
    """
    words = name.split()
    vocabulary = byline_vocabulary()
    parts = [part for word in words for part in re.split(r"[-–]", word.casefold().strip(".,;:()")) if part]
    if any(part in vocabulary.outlets or part in vocabulary.function_words for part in parts):
        return True
    if len(words) < 2 or name.isupper():
        return False
    first = words[0]
    opens_with_acronym = (
        first.isalpha() and first.isupper() and len(first) >= ACRONYM_MIN_CHARS and first not in ROMAN_NUMERALS
    )
    if opens_with_acronym and any(word[:1].isupper() and word[1:].islower() for word in words[1:]):
        return True
    return bool(agencies_in(name))


def _is_caps_name(words: list[str]) -> bool:
    """Some sites print bylines in capitals ('ASHA RAO', 'ASHA B. RAO'): two to four words, one full word at least."""
    return (
        2 <= len(words) <= CAPS_NAME_MAX_WORDS
        and all(_CAPS_WORD.match(word) for word in words)
        and sum(1 for word in words if not word.endswith(".")) >= 2
    )


def is_credited_name(value: str) -> bool:
    """True when `value` may stand in `Article.authors`: a person's name, a user name, or a newsroom credit.

    False for a label or placeholder, a greeting or sign-off, a place, an agency, an outlet named
    with an article, a role with no name, an e-mail address or link, or digits beside words.
    """
    text = " ".join(value.split()).strip(" .,;:-–—|()[]")
    if _junk_shape(text):
        return False
    tokens = [token.strip(".") for token in _WORDS.findall(text.casefold())]
    vocabulary = byline_vocabulary()
    phrases = {" ".join(tokens[i:j]) for i in range(len(tokens)) for j in range(i + 1, min(len(tokens), i + 3) + 1)}
    labels = _labels()
    found = phrases & labels
    if not found:
        return True
    # A newsroom credited as a whole ('Redaktion', 'Harbour Herald Staff'), not a role alone ('Staff Writer').
    desks = vocabulary.desks
    if not any(token in desks for token in tokens) or found & (vocabulary.prefixes - NAME_PARTICLES):
        return False
    return len(tokens) == 1 or not all(token in labels or token in desks for token in tokens)


@functools.cache
def _labels() -> frozenset[str]:
    """What labels a credit or names a role, never a person: non-names, roles, byline prefixes but the particles.

    One set, built once: the union of the vocabularies is larger than any credit checked against it.
    """
    vocabulary = byline_vocabulary()
    return vocabulary.non_names | vocabulary.roles | (vocabulary.prefixes - NAME_PARTICLES)


def _junk_shape(text: str) -> bool:
    """Junk by its shape: an address, digits beside words, an outlet, a label, an agency, a sign-off, a place."""
    if not text or len(text) > NAME_MAX_CHARS or _CONTACT.search(text) or not _WORDS.search(text):
        return True
    words = text.split()
    first = words[0].casefold()
    outlet = (
        (first in OUTLET_ARTICLES and len(words) > 1)
        or (first in TWO_WORD_OUTLET_ARTICLES and len(words) == 2 and not _credits_a_desk(text))
        or (first in INDEFINITE_ARTICLES and len(words) > 2 and len(words[1]) > 1)
    )
    if outlet or _DOMAIN.search(text) or (len(words) > 1 and any(char.isdigit() for char in text)):
        return True
    if names_an_organisation(text) and not _credits_a_desk(text):
        return True
    return phrase_family(text) is not None or agency_named(text) is not None or is_sign_off(text) or is_place(text)


def _credits_a_desk(text: str) -> bool:
    """A newsroom credited as a whole ('Harbour Herald Staff'): an outlet's word there is right."""
    desks = byline_vocabulary().desks
    return any(word in desks for word in _WORDS.findall(text.casefold()))


def is_sign_off(text: str) -> bool:
    """A greeting or sign-off closing a post: 'Happy Holidays!', 'Stay safe everyone', 'Cheers, Mo'."""
    words = _WORDS.findall(text.casefold())
    sign_offs = _sign_offs()
    # The text is a sign-off, or starts with one and a space: its first words, some or all, are one.
    return " ".join(words) in sign_offs or any(" ".join(words[:count]) in sign_offs for count in range(1, len(words)))


@functools.cache
def _sign_offs() -> frozenset[str]:
    """The sign-offs casefolded as the texts are ('grüße' → 'grüsse')."""
    return frozenset(phrase.casefold() for phrase in byline_vocabulary().sign_offs)


def is_place(text: str) -> bool:
    """A capital or large city named alone ('Lisbon', 'NEW YORK'): a dateline's place, never an author."""
    return " ".join(text.casefold().split()).strip(" .,:;-–—") in _places()


@functools.cache
def _places() -> frozenset[str]:
    return frozenset(place.casefold() for place in byline_vocabulary().places)

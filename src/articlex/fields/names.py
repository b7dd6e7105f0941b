"""Person names in a byline: 'A, B and C' split; 'By' / 'Von' / 'Par', roles and outlets stripped.

Names are split at commas and joiners ('and', 'und', '&'), stripped of prefixes ('By',
'Von'), roles ('Staff Writer', 'Online-Redakteurin') and outlets ('for The Valley Courier'), and kept
only when they look like a person's name. Names of scripts without case (王小明, Иван Петров)
are kept as written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from articlex.classify.features import phrase_family
from articlex.fields.agency_names import agency_named
from articlex.fields.person_name import NAME_MAX_CHARS, NAME_MAX_WORDS, is_credited_name, looks_like_name
from articlex.textnorm import collapse
from articlex.trie import longest_first
from articlex.vocabulary import byline_vocabulary, month_numbers

PREFIX_KEY_CHARS = 2
"""Byline prefixes are found by their first two letters (no prefix is shorter: 'by', 'af')."""
DESK_MAX_WORDS = 5
"""A newsroom or organisation credited as a byline is short ('Pressestelle des Landesverbands der Musikschulen')."""
NAME_PARTICLES = frozenset({"di", "da", "de", "van", "von"})
"""Byline words in some languages ('di' = 'by') that also start surnames ('Di Stefano')."""

CREDENTIAL_MAX_CHARS = 7
"""Degrees after a name are short ('PhD', 'DACBOH'); a word written so is no name."""
NAME_CONNECTORS = frozenset({"in", "at", "on", "from", "who", "aus", "im", "à", "dans", "em"})
"""Lower-case words that end a name in a credit ('by Tom Roe in Sports', 'von Ana Lind aus Kiel'): what follows
is where or what, not who. Name particles ('van', 'de', 'bin') are no such words."""
PLACE_CONNECTORS = frozenset({"in", "aus", "im", "à", "dans", "em"})
PLACE_MAX_WORDS = 3
"""'Ana Lind in Harbour City': a name, then where the reporter is (a few capitalised words)."""

_OUTLET = re.compile(r"(?<!\s)\s+(?:for|für|pour|para|per|voor)\s+.*$", re.IGNORECASE)
_CONTACT = re.compile(r"(?<!\S)[^\s@]+@\S+|https?://\S+|(?<!\w)@\w+")  # starts only at a word: linear
_WRITTEN_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
_INITIALS = re.compile(r"^(?:[^\W\d_a-z]\.\s?){1,2}[^\W\d_a-z]\.?$")
"""A name signed with initials only ('R. K.', 'J.D.'): a name after a byline prefix ('Von R. K. am …')."""
_HANDLE = re.compile(r"^[\w.'’-]{2,40}$")
_NOT_NAME_CHARS = re.compile(r"[\d:!?=<>{}\[\]#%*+\"“”/|]")


@functools.cache
def _name_split() -> re.Pattern[str]:
    """Commas, semicolons and the joiners of many languages ('and', 'und', '&') between names."""
    joiners = sorted(byline_vocabulary().joiners, key=len, reverse=True)
    # One-letter joiners ('e', 'y', 'и') only in lower case: 'E. Jane Porter' keeps its initial.
    long_words = longest_first((j for j in joiners if j.replace(" ", "").isalpha() and len(j) > 1), ignore_case=True)
    letters = "".join(re.escape(j) for j in joiners if j.isalpha() and len(j) == 1)
    separator = rf"(?:[,;&]|(?<!\w)(?i:{long_words})(?!\w)|(?<!\w)[{letters}](?![\w.]))"
    # Spaces are taken whole from the start of their run only: a scan stays linear on long runs.
    return re.compile(rf"(?<!\s)\s*+{separator}\s*+|{separator}\s*+")


def opens_with_name_separator(text: str) -> bool:
    """Whether a text opens with what stands between names (',', 'and', '& Tom Lee'): a byline running on."""
    return _name_split().match(text.lstrip()) is not None


def split_names(text: str, *, after_prefix: bool = False, marked: bool = False) -> list[str]:
    """The person names in a credit: prefix, roles, outlets, contacts and non-names removed.

    After an explicit prefix (in `text`, or before it with `after_prefix`), one word alone is
    a name too ('Posted by quillfox', 'Von Timo'). After a prefix, or in an element named for
    the author (`marked`), a name ends at a connector ('by Tom Roe in Sports', 'Tom Roe on May 2').
    """
    vocabulary = byline_vocabulary()
    text = _before_other_role(_CONTACT.sub(" ", text))
    text = _OUTLET.sub("", collapse(text))
    stripped = _strip_prefix(text)
    prefixed = after_prefix or stripped != text
    handle = stripped.strip(" .,:;()[]-–—|")
    if prefixed and looks_like_handle(handle) and not looks_like_name(handle):
        return [handle]
    names: list[str] = []
    describing = after_name = False
    for joined, piece in _pieces(stripped):
        written = piece.strip(" .,:;()[]-–—")
        if not written:
            continue  # between a comma and a joiner (', and')
        name, rest = _before_connector(written, anywhere=prefixed or marked)
        if describing and not rest and not (joined and after_name):
            # 'Bill Hall, Lewiston, Harbour Tribune': after a name's place or role, what it describes;
            # 'Bed and Breakfast Inns': a joiner after words that are no name joins no names.
            continue
        if names and _is_credential(written, vocabulary.roles):
            continue  # 'Ana Lind, PhD, Tom Roe': a degree after a name, more names may follow
        name = _strip_roles(name, vocabulary.roles)
        # After a name and a comma, words before a role are the role's ('Asha Rao, Harbour Court Reporter').
        qualifies_role = bool(names) and not joined and not rest and name != written and written.startswith(name)
        is_name = not qualifies_role and (
            looks_like_name(name) or (prefixed and not names and _INITIALS.match(name) is not None)
        )
        if is_name:
            names.append(name)
        describing = bool(rest or not is_name)
        after_name = is_name
    return names


def _is_credential(piece: str, roles: frozenset[str]) -> bool:
    """A degree or title printed after a name: 'PhD', 'MA', 'M.D.', 'Esq' (one short word, not a name's shape)."""
    if len(piece.split()) != 1:
        return False
    bare = piece.replace(".", "")
    return piece.casefold() in roles or (
        bare.isalpha() and len(bare) <= CREDENTIAL_MAX_CHARS and not bare[1:].islower()
    )


def _before_other_role(text: str) -> str:
    """The credit before another role's label: 'Jana Roe Editor: Tom Lee' → 'Jana Roe'; 'Editor: Tom Lee' → ''.

    A masthead or a credit names the editor, the photographer, the designer after their role and
    a colon: they are not the author.
    """
    match = _other_role_label().search(text)
    return text if match is None else text[: match.start()]


@functools.cache
def _other_role_label() -> re.Pattern[str]:
    roles = longest_first(byline_vocabulary().other_roles, ignore_case=True)
    return re.compile(r"(?<!\w)(?:" + roles + r")\s?:", re.IGNORECASE)


def _pieces(text: str) -> list[tuple[bool, str]]:
    """The parts of a credit between commas and joiners; True for a part a joiner ('and', 'und') opens.

    A joiner starts a new name; a comma may go on describing the name before it.
    """
    pieces = []
    joined = False
    start = 0
    for separator in _name_split().finditer(text):
        pieces.append((joined, text[start : separator.start()]))
        joined = separator.group().strip(" ,;") != ""
        start = separator.end()
    pieces.append((joined, text[start:]))
    return pieces


def _before_connector(piece: str, *, anywhere: bool) -> tuple[str, str]:
    """A name and what follows a word that ends it: 'Tom Roe in Sports' → ('Tom Roe', 'Sports').

    After a byline prefix any connector ends a name ('Posted by Tom Roe in <categories>', 'by Ana
    Lind, who …'); elsewhere only a place after 'in' ('Ana Lind in Harbour City' over a date line).
    A piece without a connector comes back whole, with nothing after it.
    """
    words = piece.split()
    shouted = piece.isupper()  # 'BY ANA LIND ON 11/13/19': the connector in capitals too
    for position, written in enumerate(words[1:], 1):
        name, rest = " ".join(words[:position]), words[position + 1 :]
        word = written.casefold() if shouted else written
        if anywhere and word in NAME_CONNECTORS:
            return name, " ".join(rest)
        if word in PLACE_CONNECTORS and 0 < len(rest) <= PLACE_MAX_WORDS and all(w[:1].isupper() for w in rest):
            return name, " ".join(rest)
    return piece, ""


_AFTER_PREFIX = frozenset({"", ":", "：", "/", "／"})
"""What may follow a byline prefix before the names: a colon (full-width in Chinese and Japanese), a slash."""


def prefix_end(text: str) -> int | None:
    """Where the names begin after a byline prefix that opens `text` ('By ', 'Von:', 'ByAlex'); None without one.

    A prefix glued to a capitalised name ('ByAlex Marlowe') counts, but for a capitalised name
    particle glued so ('DiCaprio'; 'vonFred' is 'von Fred'); a capitalised particle before a
    single word ('Di Stefano', 'Von Trier') is a surname, not 'by'.
    """
    start = len(text) - len(text.lstrip())
    prefixes = _prefixes_by_start()
    head = text[start : start + prefixes.longest].casefold()
    for prefix in prefixes.by_start.get(head[:PREFIX_KEY_CHARS], ()):
        end = start + len(prefix)
        if not head.startswith(prefix):
            continue
        following = text[end : end + 1]
        printed = text[start:end]
        glued = following.isupper() and printed != printed.upper()
        if glued and prefix in NAME_PARTICLES and printed[:1].isupper():
            continue  # 'DiCaprio', 'DeMarco', 'VanDyke': a surname, not 'by' glued to a name
        if not (glued or following in _AFTER_PREFIX or following.isspace()):
            continue
        rest = text[end:].lstrip("".join(_AFTER_PREFIX) + " ")
        if prefix in NAME_PARTICLES and printed[:1].isupper() and len(rest.split()) == 1:
            continue
        return len(text) - len(rest)
    return None


@dataclass(frozen=True, slots=True)
class _PrefixIndex:
    """Byline prefixes by their first letters, longest first, and the length of the longest."""

    by_start: dict[str, tuple[str, ...]]
    longest: int


@functools.cache
def _prefixes_by_start() -> _PrefixIndex:
    """Most texts start with no prefix: looking up their first letters rules out all prefixes at once."""
    by_start: dict[str, tuple[str, ...]] = {}
    prefixes = sorted(byline_vocabulary().prefixes, key=len, reverse=True)
    for prefix in prefixes:
        by_start[prefix[:PREFIX_KEY_CHARS]] = (*by_start.get(prefix[:PREFIX_KEY_CHARS], ()), prefix)
    return _PrefixIndex(by_start, max(map(len, prefixes), default=0))


def _strip_prefix(text: str) -> str:
    """The text after its byline prefixes ('Post author By Jane Doe' → 'Jane Doe')."""
    end = prefix_end(text)
    while end is not None and end < len(text):
        text = text[end:]
        end = prefix_end(text)
    return text


def _strip_roles(name: str, roles: frozenset[str]) -> str:
    """The name without the roles around it: 'Asha Rao Staff Writer', 'Harbour Daily Reporter Asha Rao' → 'Asha Rao'.

    A role after its beat ('Harbour Court Reporter': the court of Harbour) leaves no name at all:
    the words before a beat are where the reporter works, not who.
    """
    words = name.split()
    weekdays = byline_vocabulary().weekdays
    while len(words) > 1 and words[-1].casefold().strip(",") in weekdays:
        words = words[:-1]  # 'Jana Roe Monday': a date glued after the name
    trailing = False
    while words and " ".join(words[-2:]).casefold() in roles:
        words, trailing = words[:-2], True
    while words and _is_role(words[-1], roles):
        words, trailing = words[:-1], True
    if trailing and words and _is_beat(words):
        return ""
    while words and _is_role(words[0], roles):
        words = words[1:]
    inner = [i for i, word in enumerate(words) if i and _is_role(word, roles)]
    if inner and looks_like_name(" ".join(words[inner[-1] + 1 :])):
        return " ".join(words[inner[-1] + 1 :])  # 'Outlet Political Reporter Asha Rao'
    return " ".join(words)


def _is_beat(words: list[str]) -> bool:
    """The name ends with what a reporter covers ('… Court', '… City Hall'): it was a role, cut off."""
    beats = byline_vocabulary().beats
    return words[-1].casefold() in beats or " ".join(words[-2:]).casefold() in beats


def _is_role(word: str, roles: frozenset[str]) -> bool:
    """A role word, also as the last part of a compound ('Online-Redakteurin', 'Site-Experte')."""
    lowered = word.casefold().strip(",:")
    return lowered in roles or ("-" in lowered and lowered.rsplit("-", 1)[1] in roles)


def is_role_phrase(text: str) -> bool:
    """True when every word of `text` is a job title ('Chefredakteur', 'Staff Writer')."""
    roles = byline_vocabulary().roles
    words = collapse(text).strip(" ,.:;()").split()
    return bool(words) and (" ".join(words).casefold() in roles or all(_is_role(word, roles) for word in words))


def holds_role(text: str) -> bool:
    """True when a word or two of `text` are a job title ('Harbour Bee Staff Writer', 'Jana Roe, Reporter')."""
    roles = byline_vocabulary().roles
    words = collapse(text).split()
    pairs = (" ".join(words[i : i + 2]).casefold() for i in range(len(words) - 1))
    return any(_is_role(word, roles) for word in words) or any(pair in roles for pair in pairs)


def names_in_mark(text: str) -> list[str]:
    """Names in an element the page names 'author': a byline, or one handle ('quillfox', 'Redaktion')."""
    names = split_names(text, marked=True)
    if names:
        return names
    handle = _strip_prefix(_CONTACT.sub(" ", collapse(text))).strip(" .,:;()[]-–—|")
    return [handle] if looks_like_handle(handle) else []


def desk_name(text: str) -> str | None:
    """A newsroom or organisation credited where a byline names people ('Redaktion', 'Open Archive Foundation').

    `text` is what follows a byline prefix, or an author element's text. It is a desk when a word of
    it names one (`desks` of bylines.toml: 'Redaktion', 'Staff', 'Foundation', 'Pressestelle');
    labels ('Share', 'Comments'), roles alone ('Staff Writer') and agencies (that is `agency`) are not.
    """
    text = collapse(_CONTACT.sub(" ", text)).strip(" .,:;()[]-–—|")
    words = text.split()
    if not 0 < len(words) <= DESK_MAX_WORDS or not text[:1].isalpha() or _NOT_NAME_CHARS.search(text):
        return None
    vocabulary = byline_vocabulary()
    parts = {part for word in words for part in re.split(r"[-.]", word.casefold().strip(",")) if part}
    if text.casefold() not in vocabulary.desks and not parts & vocabulary.desks:
        return None
    if not is_credited_name(text):
        return None  # a role with no name ('Staff Writer'), a label ('Editorial Staff Reports')
    if agency_named(text) is not None or looks_like_name(text):
        return None
    if any(phrase_family(" ".join(words[start:])) is not None for start in range(len(words))):
        return None  # a label ('Share', 'Post a Comment'), or a label glued after a name
    return text


def looks_like_written_name(text: str) -> bool:
    """A name as typed into an author field, maybe not capitalised: 'rahim chowdhury', 'john smith'.

    Two to five words of letters, none a label, role, month or agency word; only for a field that
    holds nothing but the author (structured data), never for visible text.
    """
    words = text.split()
    if not 1 < len(words) <= NAME_MAX_WORDS or len(text) > NAME_MAX_CHARS or _NOT_NAME_CHARS.search(text):
        return False
    taken = _credit_words()
    lowered = [word.casefold().strip(".,") for word in words]
    return (
        all(_WRITTEN_WORD.match(word) for word in words)
        and not any(word in taken or word in month_numbers() for word in lowered)
        and agency_named(text) is None
    )


@functools.cache
def _credit_words() -> frozenset[str]:
    """The words of a credit that are no name: labels, roles, byline prefixes and joiners, in one set built once."""
    vocabulary = byline_vocabulary()
    return vocabulary.non_names | vocabulary.roles | vocabulary.prefixes | vocabulary.joiners


def looks_like_handle(text: str) -> bool:
    """One word that can be a user name: letters first, no label, role, month or agency.

    A lower-case login ('robert.stitz', 'site_admin') is an account, not how the author signs.
    """
    if not _HANDLE.match(text) or not text[:1].isalpha():
        return False
    if text.islower() and any(mark in text for mark in "._"):
        return False
    taken = _credit_words()
    parts = re.split(r"[-.]", text.casefold())
    return (
        not any(part in taken for part in parts)
        and text.casefold() not in month_numbers()
        and (agency_named(text) is None)
    )

"""`longest_first`: a regex alternation of many literal words, written as a trie.

Python's `re` tries the branches of `a|b|c|…` one after another at every position of the
text: an alternation of hundreds of names costs hundreds of comparisons per character read.
Written as a trie ('ab(?:c|d)' for 'abc|abd'), the words share their beginnings, and at each
position only the branches that agree with the text so far are tried.

The pattern matches what the words sorted longest first match, with the same preference: all
the words that match at one position lie on one path of the trie (they are beginnings of one
another, as the text reads), and the path is tried from its longest word down, each shorter
word only when what follows a longer one fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""
"""The key that marks the end of a word in a trie node (a real key is one character)."""


_Node = dict[str, "_Node"]
"""A trie node: the next character of each word through it (`_END` when a word ends here)."""


def longest_first(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A pattern matching what `'|'.join(sorted(words, key=len, reverse=True))` matches, as a trie.

    With `ignore_case` the pattern is for `re.IGNORECASE`: characters that the flag makes equal
    share one branch (`_case_keys`), so two branches of a node never both match.
    """
    words = set(words)
    keys = _case_keys({char for word in words for char in word}) if ignore_case else {}
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            key = keys.get(char, char)
            child = node.get(key)
            if child is None:
                child = node[key] = {}
            node = child
        node[_END] = {}
    return _pattern(root)


def _pattern(node: _Node) -> str:
    branches = [_branch(char, child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Where a word ends and longer ones go on, the longer ones are tried first (a greedy '?').
    return f"(?:{body})?" if _END in node else body


def _branch(char: str, child: _Node) -> str:
    """One branch of a node: its characters up to the next fork or word end, written at once, then the rest."""
    chars = [char]
    while len(child) == 1 and _END not in child:
        char, child = next(iter(child.items()))
        chars.append(char)
    return re.escape("".join(chars)) + _pattern(child)


def _case_keys(chars: set[str]) -> dict[str, str]:
    """The branch of each character in a case-blind trie: its lower case, one for all the flag makes equal."""
    lowered = {char: char.lower() if len(char.lower()) == 1 else char for char in chars}
    keys = set(lowered.values())
    shared = {key: key for key in keys}
    for odd in sorted(key for key in keys if not _plain_case(key)):
        same = re.compile(re.escape(odd), re.IGNORECASE)
        equal = [key for key in keys if same.fullmatch(key)]
        for key in equal:
            shared[key] = min(equal)
    return {char: shared[key] for char, key in lowered.items()}


def _plain_case(char: str) -> bool:
    """A lower-case or uncased character whose upper case lowers back to it.

    Two different such characters never match each other under `re.IGNORECASE`: the characters
    the flag makes equal beyond plain case ('i' and 'ı', 's' and 'ſ', 'σ' and 'ς') all have one
    that is not plain ('ı' upper-cases to 'I', which lowers to 'i'), and those are compared.
    """
    upper = char.upper()
    return char.lower() == char and len(upper) == 1 and upper.lower() == char

"""Stage 3 for plain text: the run of lines with the most prose is the article.

A browser copy of a page has no elements to go by, only lines. Each line gets a weight: prose
counts for its length (less when no blank line sets it off), other lines cost theirs up to a
cap, boilerplate-shaped lines and section openers ('Comments', 'Related', a copyright line)
cost more, repeated prose and copied teaser cards count against the run, short sentences,
bulleted sentences, table rows and lists of
notes count a little for it, and prose inside a list of dated items
(a comment thread, a teaser list) counts nothing. The best-scoring run is the main content; its
lines are judged by the rules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from articlex.classify.features import (
    DATE_ONLY_MAX_WORDS,
    ISOLATED_PROSE_WEIGHT,
    Features,
    has_prose_neighbour,
    slight,
)
from articlex.classify.rules import judge_line_inside
from articlex.date_text import is_relative, visible_dates
from articlex.hint_families import HintFamily
from articlex.model import BlockKind, Label, Reason
from articlex.stages import Block, Decision
from articlex.textnorm import is_program_text
from articlex.vocabulary import month_numbers

LINE_PENALTY_CAP = 60
"""In plain text, a non-prose line costs its length up to this many characters."""
LINE_BOILERPLATE_COST = 40
"""…and a line that looks like boilerplate (bullet, label phrase, bare date) costs this much more…"""
LINE_SECTION_END_COST = 150
"""…and a label that opens what follows an article (comments, related stories, newsletter, share bar) more still."""
UNSEPARATED_PROSE_WEIGHT = 0.3
"""Prose on a line with no blank line next to it (not copied from a `<p>`) counts this much."""
POSITION_DECAY = 0.85
"""While the run is sought, prose at the bottom of the page counts this share less than at the top."""
SECTION_END_FAMILIES = frozenset({HintFamily.COMMENTS, HintFamily.RELATED, HintFamily.NEWSLETTER, HintFamily.SHARE})
"""Label families that open what follows an article; the run's edges never move across one."""
UNSEPARATED_LINE_MIN_COST = 10
"""A short line not set off by a blank line (a menu item) costs at least this much, however short:
a menu of forty one-word items is a wall between two runs of prose, not a gap to bridge (text
corpus: 10 and 20 best of 0–45; lines of one to three words not set off are article text 2% of
the time)."""
REPEATED_PROSE_WEIGHT = -0.5
"""A second print of a prose line (a ticker, a teaser in two widgets, a gallery caption) counts
against the run at this share of its length: an article says each of its paragraphs once (text
corpus: −0.5 best of 1, 0.5, 0.3, −0.5)."""
TEASER_WEIGHT = REPEATED_PROSE_WEIGHT
"""A story's title glued to its summary (a copied teaser card) counts against the run like a repeated line."""
TEASER_TITLE_MAX_CHARS = 200
TEASER_TITLE_MIN_WORDS = 4
TEASER_SUMMARY_MIN_WORDS = 8
TEASER_GLUED_WORD_MIN_CHARS = 4
TEASER_CAPITALISED_SHARE = 0.8
"""A glued teaser's title: 4+ words, 80% of them capitalised (or numbers), its last word 4+ letters."""
SHORT_SENTENCE_WEIGHT = 0.25
"""A short line set off like a paragraph and ending like a sentence counts for this share of its
length. Such lines are article text about as often as not (a one-line paragraph, a list item, a
question: 57% of them on the text corpus), so they should not push the run's edge back as a
menu line does (0.25 best of −0.5 to 0.5)."""
SHORT_SENTENCE_MIN_WORDS = 4
"""…when it has at least this many words…"""
SHORT_SENTENCE_MIN_UNSPACED = 10
"""…or this many letters of a script written without spaces (Chinese, Japanese, Thai)."""
BULLETED_PROSE_WEIGHT = SHORT_SENTENCE_WEIGHT
"""A bulleted line as long and punctuated as prose (a post's list of tips or points) counts for
this share of its length, like a short sentence, instead of costing like a menu's bullet: such a
list is the article's text, and a menu's bulleted items are short (text corpus: a quarter keeps
a post's list of tips; half the length took teaser lists under stories on two corpora)."""
TABLE_ROW_WEIGHT = 0.25
"""A row of a table or schedule counts for this share of its length, like a short sentence…"""
TABLE_MIN_ROWS = 4
"""…in a run of at least this many rows: tour dates, results, prices. A menu's items hold no numbers
(text corpus: 80% of the lines of such runs are article text; 3, 4 and 6 rows score alike)."""
TABLE_ROW_MIN_WORDS = 3
"""A line without tabs needs this many words, a number and a cell break (',', '–', '@') to be a row."""
LIST_LABEL_REACH = 2
"""A bulleted list with a label ('Top Stories') among this many lines above it is another list, not the text's."""
NUMBERED_LIST_MIN_ITEMS = 3
"""Lines numbered one after another ('1. …', '2. …', '3. …') this many times make a numbered list…"""
NUMBERED_ITEM_MAX_GAP = 10
"""…when each item stands at most this many lines after the one before (a step's text may follow its title)."""
_NUMBERED = re.compile(r"^\(?(\d{1,2})[.)]\s+\S")
"""A line opened by an item's number: '1. ', '2) ', '(3) '."""
QUANTITY_LIST_MIN_ITEMS = 3
"""Lines led by a quantity ('1 cup flour', '2 eggs', '½ tsp salt') this many in a row are a list of the article's…"""
QUANTITY_ITEM_MAX_WORDS = 12
"""…each line at most this many words: an ingredient, a part, an amount."""
_QUANTITY = re.compile(r"^(\d+(?:[.,/]\d+)?|[½¼¾⅓⅔⅛])(?:\s*(?:-|–|to)\s*\d+(?:[./]\d+)?)?\s+\S")
"""A line opened by an amount: '2 ', '1/3 ', '1.5 ', '½ ', '8-9 '."""
STAMP_MAX_WORDS = 12
"""A line holding a date or a relative time ('2 days ago') is a stamp when it has at most this many words."""
DATED_ITEMS_MIN = 3
"""This many stamps a few lines apart make a list of dated items: a comment thread, a list of teasers."""
DATED_ITEM_MAX_LINES = 15
"""Stamps further apart than this many lines belong to different lists (a long comment still fits)."""
DATED_ITEM_WIDE_GAP = 2.0
"""A list of teasers ends at a gap this many times its usual item length (an article between two lists)…"""
DATED_ITEM_STRAY_HEAD = 1.5
"""…and a first stamp this many item lengths before the next is the article's own date line, not an item."""
DATED_ITEM_PROSE_WEIGHT = 0.0
"""Prose inside a list of dated items counts this much: a comment or a teaser's summary is not the article
(text corpus: 0 and −0.5 score alike)."""
NOTE_MIN_WORDS = 6
NOTE_MAX_WORDS = 11
"""A line of this many words, most of them after the first in lower case, is written
like a note ('Fixed the crash when the window is resized'), not like a menu item or a title…"""
NOTE_RUN_MIN = 3
"""…and at least this many such lines in a row…"""
NOTE_PROSE_REACH = 2
"""…with a paragraph among this many lines before and after them are a list of notes inside the article
(release notes, a list of points), weighed like short sentences (`SHORT_SENTENCE_WEIGHT`). A list of
stories' titles is written in title case, or has no paragraph on one of its sides (text corpus: lists of
such lines of any case take lists of titles under stories into the article)."""
_SENTENCE_END = re.compile(r"[.!?…。！？؟।॥።][\"'”’»)\]」』]*$")
"""Sentence-final punctuation of Latin, CJK, Arabic, Devanagari and Ethiopic writing, then closing quotes."""
_CELL_BREAK = re.compile(r"\w\s*[,;:|/@(–—،、，：；]\s*\w|\s-\s")
"""Punctuation between two parts of a line, as between the cells of a row."""
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
"""A lower-case letter running into a capitalised word: where two texts were copied without a space."""
_DIGIT = re.compile(r"\d")
_ARCHIVE_ENTRY = re.compile(r"^[►▼▶▸»›+\-\s]*([^\W\d_]+\.?)\s+(?:19|20)\d\d\s*(?:\(\d+\))?$")
"""A word, a year and maybe a count in brackets ('► September 2012 (13)'); the word must be a month's name."""
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b).*\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\b.*(?:©|\(c\)|\bcopyright\b)", re.IGNORECASE
)
"""A copyright notice with its year ('© 2008 The Daily Example', 'Copyright (c) 2021 …'): where an article ends."""
_DASHES = ("-", "–", "—")


def classify_lines(blocks: Sequence[Block], features: Sequence[Features]) -> tuple[Decision, ...]:
    """One decision per line: the lines of the main run by the rules, the rest boilerplate."""
    teasers = {block.index for block, feature in zip(blocks, features, strict=True) if _glued_teaser(block, feature)}
    is_prose = [f.is_prose and not f.bullet and index not in teasers for index, f in enumerate(features)]
    weights = _line_weights(blocks, features, is_prose)
    for index in teasers:
        weights[index] = TEASER_WEIGHT * len(blocks[index].text)
    start, end = main_run(weights, is_prose)
    if start == end:
        why = "no run of prose on the page" if any(is_prose) else "no prose on the page"
        return tuple(Decision(block, Label.BOILERPLATE, Reason.NO_TEXT, why) for block in blocks)
    decisions = []
    for block, feature in zip(blocks, features, strict=True):
        if start <= block.index < end:
            label, reason, detail = judge_line_inside(block, feature)
        elif block.index < start:
            label, reason, detail = Label.BOILERPLATE, Reason.OUTSIDE_MAIN, "before the main run of prose"
        else:
            label, reason, detail = Label.BOILERPLATE, Reason.AFTER_BODY_END, "after the main run of prose"
        decisions.append(Decision(block, label, reason, detail))
    return tuple(decisions)


def _glued_teaser(block: Block, feature: Features) -> bool:
    """A story's title glued to its summary, as a copy of a teaser card reads.

    'Mayor Unveils Plan For The Riverside BridgeThe city will spend two years on …': a title
    of capitalised words whose last word runs into the summary's first without a space. The last
    title word is a word of its own ('Bridge', not the 'Mc' of 'McAllister' or 'Mac' of 'MacBook').
    """
    if not feature.is_prose:
        return False
    glue = _GLUE.search(block.text, 0, TEASER_TITLE_MAX_CHARS)
    if glue is None:
        return False
    title, summary = block.text[: glue.start()].split(), block.text[glue.start() :].split()
    if len(title) < TEASER_TITLE_MIN_WORDS or len(summary) < TEASER_SUMMARY_MIN_WORDS:
        return False
    if len(title[-1]) < TEASER_GLUED_WORD_MIN_CHARS or not title[-1][1:].isalpha() or not title[-1][1:].islower():
        return False
    capitalised = sum(1 for word in title if word[:1].isupper() or word[:1].isdigit())
    return capitalised >= TEASER_CAPITALISED_SHARE * len(title)


def _line_weights(blocks: Sequence[Block], features: Sequence[Features], is_prose: Sequence[bool]) -> list[float]:
    """Every line's weight for the main run: prose for it, other lines against it, in context."""
    weights = [_line_weight(block, feature) for block, feature in zip(blocks, features, strict=True)]
    stamps = [_stamp(block, feature) for block, feature in zip(blocks, features, strict=True)]
    _weigh_lists(weights, blocks, features, is_prose, stamps)
    in_items = _opening_post_apart(_dated_items(features, is_prose, stamps), is_prose, stamps)
    copies = _copies(blocks, is_prose)
    for index in (index for index, prose in enumerate(is_prose) if prose):
        if not has_prose_neighbour(is_prose, features, index):
            weights[index] *= ISOLATED_PROSE_WEIGHT
        if blocks[index].kind is not BlockKind.PARAGRAPH:
            weights[index] *= UNSEPARATED_PROSE_WEIGHT
        if index in copies:
            weights[index] *= REPEATED_PROSE_WEIGHT
        if in_items[index]:
            weights[index] *= DATED_ITEM_PROSE_WEIGHT
    return weights


def _weigh_lists(
    weights: list[float],
    blocks: Sequence[Block],
    features: Sequence[Features],
    is_prose: Sequence[bool],
    stamps: Sequence[bool],
) -> None:
    """The lines of the article's own lists count a little: table rows, numbered items, quantities, notes, tips."""
    rows = _table_rows(blocks, features, stamps) + _numbered_items(blocks, features) + _quantity_items(features, stamps)
    for index in rows:
        weights[index] = TABLE_ROW_WEIGHT * len(blocks[index].text)
    for index in _notes(features, is_prose):
        weights[index] = SHORT_SENTENCE_WEIGHT * len(blocks[index].text)
    for index in _bulleted_sentences(features):
        weights[index] = BULLETED_PROSE_WEIGHT * len(blocks[index].text)


def _note_line(feature: Features) -> bool:
    """A line of `NOTE_MIN_WORDS` to `NOTE_MAX_WORDS` words written like a sentence: most later words in lower case."""
    if feature.is_prose or feature.bullet or not NOTE_MIN_WORDS <= feature.words <= NOTE_MAX_WORDS:
        return False
    later = feature.text.split()[1:]
    lower = sum(1 for word in later if word[:1].islower())
    return 2 * lower > len(later) and feature.phrase_family is None


def _bulleted_sentences(features: Sequence[Features]) -> list[int]:
    """The prose-length sentences of bulleted lists that no label opens (`_under_a_label`).

    A post's list of points is its text; a list of other stories' long titles under a label
    ('Top Stories', then '» Ministry launches …: Report') keeps costing like a menu.
    """
    return [
        index
        for start, end in _runs([feature.bullet for feature in features])
        if not _under_a_label(features, start)
        for index in range(start, end)
        if features[index].is_prose
    ]


def _under_a_label(features: Sequence[Features], start: int) -> bool:
    """True when a label ('Top Stories', 'Related') stands among the `LIST_LABEL_REACH` lines before `start`."""
    return any(feature.phrase_family is not None for feature in features[max(start - LIST_LABEL_REACH, 0) : start])


def _notes(features: Sequence[Features], is_prose: Sequence[bool]) -> list[int]:
    """The lines of runs of at least `NOTE_RUN_MIN` note lines with a paragraph near both ends."""
    return [
        index
        for start, end in _runs([_note_line(feature) for feature in features])
        if end - start >= NOTE_RUN_MIN
        and any(is_prose[max(start - NOTE_PROSE_REACH, 0) : start])
        and any(is_prose[end : end + NOTE_PROSE_REACH])
        for index in range(start, end)
    ]


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """The maximal runs of true flags, as half-open [start, end) ranges."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, flag in enumerate((*flags, False)):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _numbered_items(blocks: Sequence[Block], features: Sequence[Features]) -> list[int]:
    """The short lines of numbered lists ('1. Salt', '2. Flour', '3) Eggs') of at least `NUMBERED_LIST_MIN_ITEMS`.

    A list whose items count up one by one is the article's (steps, a ranking, ingredients): menus
    and footers do not number their links. Items may stand a few lines apart (a step's text under it).
    """
    chains: list[list[tuple[int, int]]] = []
    for index, block in enumerate(blocks):
        match = _NUMBERED.match(block.text)
        if match is None:
            continue
        number = int(match.group(1))
        last = chains[-1][-1] if chains else None
        if last is not None and number == last[1] + 1 and index - last[0] <= NUMBERED_ITEM_MAX_GAP:
            chains[-1].append((index, number))
        else:
            chains.append([(index, number)])
    return [
        index
        for chain in chains
        if len(chain) >= NUMBERED_LIST_MIN_ITEMS
        for index, _ in chain
        if not features[index].is_prose
    ]


def _quantity_items(features: Sequence[Features], stamps: Sequence[bool]) -> list[int]:
    """The lines of runs of at least `QUANTITY_LIST_MIN_ITEMS` items led by a quantity ('1 cup flour', '½ tsp salt').

    A recipe's ingredients, a kit's parts, a list of materials: each line a number and a few
    words in lower case, no sentence. Lists of other stories are ranked ('1 Mayor resigns', '2 …':
    numbers counting up) or dated, and their titles are capitalised.
    """
    amounts = [None if stamp else _leading_amount(feature) for feature, stamp in zip(features, stamps, strict=True)]
    return [
        index
        for start, end in _runs([amount is not None for amount in amounts])
        if end - start >= QUANTITY_LIST_MIN_ITEMS and not _ranked(amounts[start:end])
        for index in range(start, end)
    ]


def _leading_amount(feature: Features) -> str | None:
    """The amount opening a short line, most of its later words in lower case and no sentence; else None."""
    if feature.is_prose or feature.bullet or not 2 <= feature.words <= QUANTITY_ITEM_MAX_WORDS:
        return None
    text = feature.text
    match = _QUANTITY.match(text)
    if match is None or _SENTENCE_END.search(text) is not None:
        return None
    later = text.split()[1:]
    return match.group(1) if 2 * sum(1 for word in later if word[:1].islower()) > len(later) else None


def _ranked(amounts: Sequence[str | None]) -> bool:
    """True when the lines' leading numbers count up one by one: a ranking ('1 …', '2 …', '3 …')."""
    return all(
        a is not None and b is not None and a.isdigit() and b.isdigit() and int(b) == int(a) + 1
        for a, b in pairwise(amounts)
    )


def _copies(blocks: Sequence[Block], is_prose: Sequence[bool]) -> set[int]:
    """Prose lines printed more than once on the page, but for each text's first print next to other prose.

    That print is the article's paragraph; the others are a ticker, a teaser, a gallery caption.
    """
    prints = Counter(block.text for block in blocks)
    originals: set[str] = set()
    copies = set()
    for index in (index for index, prose in enumerate(is_prose) if prose and prints[blocks[index].text] > 1):
        next_to_prose = (index > 0 and is_prose[index - 1]) or (index + 1 < len(blocks) and is_prose[index + 1])
        if blocks[index].text not in originals and next_to_prose:
            originals.add(blocks[index].text)
        else:
            copies.add(index)
    return copies


def _line_weight(block: Block, feature: Features) -> float:
    """Prose counts for its length; other lines against it, labels that end an article most of all."""
    if feature.is_prose and not feature.bullet:
        return float(len(block.text))
    if _short_sentence(block, feature):
        return SHORT_SENTENCE_WEIGHT * len(block.text)
    if is_program_text(block.text):
        return 0.0  # a documentation page's code between its paragraphs: neither prose nor clutter
    cost = float(min(len(block.text), LINE_PENALTY_CAP))
    if block.kind is not BlockKind.PARAGRAPH:
        cost = max(cost, UNSEPARATED_LINE_MIN_COST)
    if feature.phrase_family in SECTION_END_FAMILIES or _COPYRIGHT.search(block.text):
        cost += LINE_SECTION_END_COST
    elif feature.bullet or feature.phrase_family is not None or feature.date_only:
        cost += LINE_BOILERPLATE_COST
    return -cost


def _short_sentence(block: Block, feature: Features) -> bool:
    """A short line set off like a paragraph that ends like a sentence ('He said no.')."""
    long_enough = feature.words >= SHORT_SENTENCE_MIN_WORDS or feature.cjk_chars >= SHORT_SENTENCE_MIN_UNSPACED
    plain = feature.phrase_family is None and not feature.bullet
    return block.kind is BlockKind.PARAGRAPH and long_enough and plain and _SENTENCE_END.search(block.text) is not None


def _table_rows(blocks: Sequence[Block], features: Sequence[Features], stamps: Sequence[bool]) -> list[int]:
    """The lines of runs of at least `TABLE_MIN_ROWS` table rows, prose rows left out."""
    rows: list[int] = []
    run: list[int] = []
    for index, (block, feature) in enumerate(zip(blocks, features, strict=True)):
        if _table_row(block, feature, stamps[index]):
            run.append(index)
            continue
        rows.extend(run if len(run) >= TABLE_MIN_ROWS else [])
        run = []
    rows.extend(run if len(run) >= TABLE_MIN_ROWS else [])
    return [index for index in rows if not features[index].is_prose]


def _table_row(block: Block, feature: Features, stamp: bool) -> bool:
    """A row of cells: copied with tabs between them, or a line with a number and a cell break.

    'May 4 – Springfield @ City Hall', '3) Board game for 4 players, 29.90': schedules, results and
    price lists print such rows; a menu item holds neither a number nor a break, and a dated
    line is a teaser's or a comment's stamp.
    """
    if block.kind is BlockKind.TABLE_CELL:
        return True
    if feature.is_prose or feature.words < TABLE_ROW_MIN_WORDS or feature.phrase_family is not None:
        return False
    text = block.text
    if _archive_entry(text):
        return False  # 'September 2012 (13)': a blog archive's link to a month's posts, not a row of figures
    return not stamp and _DIGIT.search(text) is not None and _CELL_BREAK.search(text) is not None


def _archive_entry(text: str) -> bool:
    """A month and a year, maybe with the count of posts after them: an entry of a blog's archive widget."""
    match = _ARCHIVE_ENTRY.match(text)
    return match is not None and match.group(1).casefold().rstrip(".") in month_numbers()


def _stamp(block: Block, feature: Features) -> bool:
    """A short line holding a date or a relative time: the stamp of a comment or a teaser.

    A line that starts with a dash attributes a quote or an embedded post ('— Name (@name)
    May 3, 2021'), which belongs to the article.
    """
    text = block.text
    if feature.is_prose or feature.words > STAMP_MAX_WORDS or text.startswith(_DASHES) or not _DIGIT.search(text):
        return False
    if feature.date_only:
        return True
    # A shorter line was already searched for a date by `measure`: it holds none.
    dated = feature.words > DATE_ONLY_MAX_WORDS and bool(visible_dates(text, month_first=False, reference=None))
    return dated or is_relative(text)


def _dated_items(features: Sequence[Features], is_prose: Sequence[bool], stamps: Sequence[bool]) -> list[bool]:
    """Which lines belong to a list of dated items: a comment thread, a list of teasers.

    Every item of such a list carries a stamp, so the stamps follow each other a few lines
    apart; the lines of their items are marked.
    """
    inside = [False] * len(features)
    for chain in _stamp_chains([index for index, stamp in enumerate(stamps) if stamp], features):
        for first, last in _item_lists(chain, features, is_prose):
            for index in range(max(first, 0), min(last + 1, len(features))):
                inside[index] = True
    return inside


def _opening_post_apart(in_items: list[bool], is_prose: Sequence[bool], stamps: Sequence[bool]) -> list[bool]:
    """The dated items, but for the first one when all the page's prose is in them: a forum thread's opening post.

    A thread copied as text is a list of posts, each under its author and date, with no article
    above them: the first post is what the page is about (as the HTML classifier finds it).
    """
    prose = [index for index, flag in enumerate(is_prose) if flag]
    if not prose or not all(in_items[index] for index in prose):
        return in_items
    opening = prose[0]
    end = next((index for index in range(opening, len(stamps)) if stamps[index]), len(stamps))
    return [flag and not opening <= index < end for index, flag in enumerate(in_items)]


def _stamp_chains(stamps: Sequence[int], features: Sequence[Features]) -> list[list[int]]:
    """Stamps grouped into chains of at least `DATED_ITEMS_MIN`, each near the last, no section label between.

    A chain's first stamp counts for nothing when the next stands on the line after it.
    """
    chains: list[list[int]] = []
    for stamp in stamps:
        near = bool(chains) and stamp - chains[-1][-1] <= DATED_ITEM_MAX_LINES
        if near and not _section_end_between(features, chains[-1][-1], stamp):
            chains[-1].append(stamp)
        else:
            chains.append([stamp])
    # A chain that opens with two stamps on neighbouring lines opens with the article's own date
    # block ('Posted at 9:15 am, 05/03/2021' over 'May 3, 2021 11:15 am EDT'): one stamp, no item.
    chains = [chain[1:] if chain[1] == chain[0] + 1 else chain for chain in chains if len(chain) > 1]
    return [chain for chain in chains if len(chain) >= DATED_ITEMS_MIN]


def _section_end_between(features: Sequence[Features], first: int, last: int) -> bool:
    return any(features[index].phrase_family in SECTION_END_FAMILIES for index in range(first + 1, last))


def _item_lists(chain: Sequence[int], features: Sequence[Features], is_prose: Sequence[bool]) -> list[tuple[int, int]]:
    """The first and last lines of the lists of items a chain of stamps marks.

    Where most stamps are followed by prose, a stamp heads its item (a comment: name, date,
    text); otherwise it closes it (a teaser: title, summary, date). An item is as long as the
    usual distance between two stamps. A list of teasers ends at a much wider gap (an article
    between two lists), and a first stamp far before the others is the article's own date line.
    """
    gaps = sorted(later - earlier for earlier, later in pairwise(chain))
    usual = gaps[len(gaps) // 2]
    heads = 2 * sum(_prose_follows(is_prose, features, stamp) for stamp in chain) >= len(chain)
    spans = []
    for part in [list(chain)] if heads else _split_at_wide_gaps(chain, usual):
        first = 0
        while len(part) - first >= DATED_ITEMS_MIN and part[first + 1] - part[first] > DATED_ITEM_STRAY_HEAD * usual:
            first += 1
        if len(part) - first >= DATED_ITEMS_MIN:
            spans.append((part[first], part[-1] + usual - 1) if heads else (part[first] - usual + 1, part[-1]))
    return spans


def _split_at_wide_gaps(chain: Sequence[int], usual: int) -> list[list[int]]:
    parts = [[chain[0]]]
    for earlier, later in pairwise(chain):
        if later - earlier > DATED_ITEM_WIDE_GAP * usual:
            parts.append([])
        parts[-1].append(later)
    return parts


def _prose_follows(is_prose: Sequence[bool], features: Sequence[Features], index: int) -> bool:
    """True when the next substantial line after this one is prose."""
    following = index + 1
    while following < len(is_prose) and slight(features[following]):
        following += 1
    return following < len(is_prose) and is_prose[following]


def main_run(weights: Sequence[float], is_prose: Sequence[bool]) -> tuple[int, int]:
    """The main run of lines: found with a bias towards the top of the page, then grown on both sides.

    Footers and comment threads hold prose too, and they come last; so the run is first sought
    with prose counting less the further down it is, then its edges move out wherever the
    plain weights say the neighbouring lines belong to it.
    """
    count = len(weights)
    biased = [w * (1.0 - POSITION_DECAY * i / count) if is_prose[i] else w for i, w in enumerate(weights)]
    start, end = best_run(biased)
    if start == end:
        return start, end
    return start - _best_prefix(weights[start - 1 :: -1] if start else []), end + _best_prefix(weights[end:])


def _best_prefix(weights: Sequence[float]) -> int:
    """How many leading weights to take for the largest positive sum, stopping at a section end."""
    best_sum, best_length, running = 0.0, 0, 0.0
    for length, weight in enumerate(weights, start=1):
        if weight <= -LINE_SECTION_END_COST:
            break
        running += weight
        if running > best_sum:
            best_sum, best_length = running, length
    return best_length


def best_run(weights: Sequence[float]) -> tuple[int, int]:
    """The half-open range [start, end) with the largest sum of weights (Kadane); (0, 0) if none is positive."""
    best_sum, best = 0.0, (0, 0)
    run_sum, run_start = 0.0, 0
    for index, weight in enumerate(weights):
        if run_sum <= 0:
            run_sum, run_start = 0.0, index
        run_sum += weight
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, index + 1)
    return best

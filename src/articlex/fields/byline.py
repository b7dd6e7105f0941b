"""Credit lines near the headline ('By Asha Rao | IANS | 18 June 2024'), the byline, and the dateline.

Credit lines are read from a few blocks above the headline to the first lines of the body,
skipping blocks that sit in a caption, a comment or a list of other stories (a photo credit
'dpa/Jonas Berger' is not the article's credit). Each one found is claimed, so the body leaves
it out and its decision says what it was.

Some pages sign the article at its end instead: a last paragraph 'Von Greta Lindner' or
'Erstellt von Urs Baumann', a signature alone ('Lukas Brenner'), or a byline element after
the body ('erstellt von Mirjam — veröffentlicht 14.03.2023'). These *closing credits* are
read too, and used only when the page names no one near the headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from articlex.classify.features import phrase_family
from articlex.fields.agency_names import COPYRIGHT_OPENING, Dateline, find_dateline
from articlex.fields.credit_line import CREDIT_MAX_WORDS, Credit, read_credit
from articlex.fields.names import names_in_mark, opens_with_name_separator, prefix_end, split_names
from articlex.fields.page_view import META_INFO, PageView
from articlex.fields.person_name import is_credited_name
from articlex.fields.site_titles import Site
from articlex.hint_families import HintFamily
from articlex.html.marks import AUTHOR, DATE_KINDS
from articlex.model import BlockKind, Label, Reason, Source
from articlex.stages import Block, Candidate, Claim, Claims
from articlex.textnorm import collapse, comparable
from articlex.vocabulary import byline_vocabulary

FIELD_KINDS = DATE_KINDS | {AUTHOR}
BODY_LINE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LINE})
"""Kinds of block a closing byline is written as (not a list item, a heading or a table cell)."""

CREDIT_ZONE_BEFORE = 5
"""Credit lines are searched from this many blocks above the headline…"""
CREDIT_ZONE_AFTER_BODY_START = 2
"""…down to this many blocks into the body."""
SIGNED_LINE_EXTRA_BLOCKS = 4
"""A line that is only a signed byline is looked for this many blocks below the credit zone too…"""
SIGNED_LINE_MAX_WORDS = 8
"""…when it is this short ('Posted by Jana Roe and Tom Lee')."""
LABELLED_NAME_MIN_WORDS = 2
"""A name in the block after a byline label of its own ('Author' | 'Ann Example') has at least this many words."""
DATELINE_BLOCKS = 3
"""How many content blocks below the headline may hold the dateline: the story's first paragraph, after a
standfirst and a picture's caption or counter at most."""
CLOSING_CONTENT_BLOCKS = 2
"""A closing byline is one of the last this many paragraphs of the body ('Von Greta Lindner')…"""
CLOSING_AFTER_BODY = 25
"""…or an element named for a byline within this many blocks after it (a list of related stories
may stand between the body and its byline box)."""
ARTICLE_LABELS = frozenset({META_INFO, HintFamily.SHARE, "print"})
"""Families of labels that head parts of the article itself ('Tags', 'Share'), not a section of their own."""
HEADLINE_MIN_WORDS = 3
"""A credit line repeats the headline when it holds one of at least this many words (not a label's one or two)."""
SIGNED_END_CHARS = 80
"""A name in brackets that ends the body is looked for in this many last characters of it."""
_SIGNED_END = re.compile(r"\(([^()\d]{3,60})\)[\s.+*•|–—-]*$")
_COPYRIGHT = re.compile(rf"^{COPYRIGHT_OPENING}([^\d©|]{{3,60}})$", re.IGNORECASE)
"""'© 2021 Lena Fischer', 'Copyright © 2019-2021 by Lena Fischer': a copyright line, its holder last."""
_QUOTE_CLOSES = ('"', "”", "“", "»", "«", "'", "’", "‘", "„")
"""A quotation ends with one of these: a name in brackets right after it says who is quoted."""
SIGNATURES_BEFORE = 60
"""A closing credit is compared with the blocks this far above it…"""
OTHER_SIGNERS_MIN = 2
"""…and is a commenter's when the same element signs this many other people there."""
SIGNATURE_MIN_WORDS = 2
SIGNATURE_MAX_WORDS = 4
"""A signature ('Lukas Brenner') is a last paragraph that is nothing but a full name: two to four words…"""
SIGNATURE_MAX_LINES = 2
"""…maybe over a second line with the signer's position."""
SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "“", "»", "«", ")")
"""What the paragraph before a signature ends with: a sentence, not a label ('Foto')."""
_STORY_ENDS = (".", "!", "?", "…")
"""What the story's last sentence ends with, before a name in brackets that signs it."""


@dataclass(frozen=True, slots=True)
class Credits:
    """The credit lines found near the headline, and the dateline that opens the body."""

    lines: tuple[tuple[int, Credit], ...] = ()
    dateline: tuple[int, Dateline] | None = None
    closing: tuple[tuple[int, Credit], ...] = ()
    """Credits at the end of the article, in page order: a closing byline, a signature, a byline box."""

    def headline_first(self, anchor: int | None) -> tuple[tuple[int, Credit], ...]:
        """The credit lines below the headline, then those above it, each part in page order.

        A byline printed above the headline is rare; a credit line there is more often another
        story's ('By Jon Vale' under a teaser in a list of top stories) or a section's title. The
        article's own byline under its headline comes first.
        """
        below = tuple(line for line in self.lines if anchor is None or line[0] > anchor)
        return below + tuple(line for line in self.lines if anchor is not None and line[0] <= anchor)


def find_credits(page: PageView, headline: str | None = None) -> tuple[Credits, Claims]:
    """The credit lines near the headline and at the body's end, the dateline, and the lines claimed.

    `headline`: the article's headline, whatever its source; a line that repeats it names no author
    without a byline prefix (`_without_title_names`).
    """
    lines = []
    claims: Claims = {}
    anchor = page.anchor
    zone = page.zone(CREDIT_ZONE_BEFORE, CREDIT_ZONE_AFTER_BODY_START)
    for index in zone:
        block = page.blocks[index]
        if index in claims or index == page.headline_block:
            continue  # a name already read with the byline label above it
        if page.elsewhere(block) and not _headline_caption_byline(page, block):
            continue
        dated = any(mark.kind in DATE_KINDS for mark in block.marks)
        credit = read_credit(
            block.text, month_first=page.month_first, reference=page.options.reference_date, dated=dated
        )
        at = index  # the block the credit is read from: the name's, when the label stands in a block of its own
        if credit is None and (labelled := _label_apart(page, index)) is not None:
            claims[index] = _claim(labelled[1])  # the label goes with the name it heads
            at, credit = labelled
        if credit is not None and _credits_the_article(credit, at, anchor):
            credit = _without_title_names(credit, headline)  # still claimed: a repeated title is no body
            lines.append((at, credit))
            claims[at] = _claim(credit)
    if not any(credit.authors for _, credit in lines):
        for index, credit in _signed_line_below(page, zone):
            lines.append((index, credit))
            claims[index] = _claim(credit)
    page = page.claiming(claims)  # the body below is what the credit lines above leave
    content = page.content()
    dateline = _dateline(page, content)
    closing, closing_claims = _closing(page, content)
    return Credits(tuple(lines), dateline, closing), {**claims, **closing_claims}


def _credits_the_article(credit: Credit, at: int, anchor: int | None) -> bool:
    """Whether a credit line read at block `at` is the article's: a byline anywhere in the zone, other credits below.

    Above the headline (the anchor) a bare date is the site's ('Last updated: …' in its banner), but for a date
    right above the headline that no label calls an update: it dates the post under it (a blog's date header,
    a news page's date over its title).
    """
    if credit.authors or credit.agency or credit.desk or anchor is None or at > anchor:
        return True
    return at == anchor - 1 and credit.date is not None


def _label_apart(page: PageView, index: int) -> tuple[int, Credit] | None:
    """The credit of a byline label set in a block of its own ('Author', 'Von') and the name in the next one.

    Templates print their credits as label and value in two elements ('<h4>Author</h4><p>Ann Example</p>'):
    read together, the two say what each alone does not. Returns the name's block and the credit.
    """
    block = page.blocks[index]
    label = block.text.strip()
    if prefix_end(label) != len(label) or block.kind is BlockKind.TABLE_CELL or index + 2 >= len(page.blocks):
        return None  # a forum's table heads its columns 'Author' and 'Message'
    value, after = page.blocks[index + 1], page.blocks[index + 2].text
    if page.elsewhere(value) or len(value.text.split()) > SIGNED_LINE_MAX_WORDS or opens_with_name_separator(after):
        return None
    credit = read_credit(f"{label} {value.text}", month_first=page.month_first, reference=page.options.reference_date)
    if credit is None or not credit.signed or not credit.authors:
        return None
    # A name set apart has a given name and a surname, each capitalised: a lone word there is a heading or a UI label.
    if not all(len(name.split()) >= LABELLED_NAME_MIN_WORDS and name[:1].isupper() for name in credit.authors):
        return None
    return index + 1, credit


def _signed_line_below(page: PageView, zone: range) -> list[tuple[int, Credit]]:
    """The line below the credit zone that is a signed byline and nothing else ('By Jana Roe', 'Posted by Tom Lee').

    A standfirst of two paragraphs, a picture and its caption may stand between the headline and the byline
    (text copies print them all as lines): such a line, a few blocks into what was taken for the body, is the
    article's credit, not its text. Only a short line after a byline prefix counts, the first one found, with
    more of the body below it, and only when the credit zone (`zone`) named no author.
    """
    content = page.content()
    if not zone or not content:
        return []
    # Inside the article only, with more of it below: after the body's last block come comments and teasers.
    end = min(zone.stop + SIGNED_LINE_EXTRA_BLOCKS, content[-1].index)
    for index in range(zone.stop, end):
        block = page.blocks[index]
        if len(block.text.split()) > SIGNED_LINE_MAX_WORDS or prefix_end(block.text) is None or page.elsewhere(block):
            continue
        credit = read_credit(block.text, month_first=page.month_first, reference=page.options.reference_date)
        if credit is not None and credit.authors and credit.signed and not credit.agency:
            return [(index, credit)]
    return []


def _dateline(page: PageView, content: Sequence[Block]) -> tuple[int, Dateline] | None:
    """The dateline of the article's opening paragraph: the first content block below the headline.

    A line kept above the headline (the page's address, its title, a kicker) is not where the article
    opens, even when it starts with a place; without a headline, or with no content below it, the
    first content block is read. A standfirst, a picture's counter or caption may stand between the
    headline and the story's first paragraph: the next blocks (`DATELINE_BLOCKS` in all) are read too,
    for a dateline that credits an agency ('Berlin (dpa) -'), which no sentence of a standfirst opens with.
    """
    headline = page.headline_block
    below = [block for block in content if headline is not None and block.index > headline][:DATELINE_BLOCKS]
    openings = below or content[:DATELINE_BLOCKS]
    for position, opening in enumerate(openings):
        found = find_dateline(opening.text)
        if found is None or (position and found.agency is None):
            continue
        if _not_a_place(found.place, page):
            # 'File Photo (AP) —': the agency stands, the 'place' is a label, no dateline.
            found = Dateline("", found.agency) if found.agency is not None else None
        return (opening.index, found) if found is not None else None
    return None


def _without_title_names(credit: Credit, headline: str | None) -> Credit:
    """The credit without its names when the line repeats the headline and no byline prefix names them.

    'Ember Quest - Two new trailers - May 3, 2024', a page's title over its headline 'Two new
    trailers', or 'Bridge reopens in June / Harbour Sun / Sunday 3rd May, 2024': the name-shaped
    words beside a repeated headline are the rest of the title or the outlet's name, not a person's.
    'Bridge reopens in June by Jana Roe' still names its author after the prefix.
    """
    if not credit.authors or credit.signed or headline is None:
        return credit
    title = comparable(headline)
    if len(title.split()) < HEADLINE_MIN_WORDS or title not in comparable(credit.text):
        return credit
    return replace(credit, authors=(), author_groups=())


def _not_a_place(place: str, page: PageView) -> bool:
    """A dateline's 'place' that is a label ('File Photo', 'News') or the site's own name ('HARBOURTV —')."""
    vocabulary = byline_vocabulary()
    folded = place.casefold()
    if folded in vocabulary.non_names or phrase_family(place) is not None:
        return True
    return Site.of(page.meta, page.url).is_exactly(place)


def _headline_caption_byline(page: PageView, block: Block) -> bool:
    """A byline ('von Tobias Kessler') in a caption box between the headline and the body: the article's.

    Other lines of captions there credit the photographer ('Foto: …', 'dpa/…') or describe the picture.
    """
    return (
        page.in_header(block)
        and not page.elsewhere(block, asides=False)
        and prefix_end(block.text) is not None
        and bool(split_names(block.text))
    )


def _closing(page: PageView, content: list[Block]) -> tuple[tuple[tuple[int, Credit], ...], Claims]:
    """Credits that close the article, in its last paragraphs or in a byline element after it; the lines claimed."""
    if not content:
        return (), {}
    found = []
    last = content[-1].index
    for block in content[-CLOSING_CONTENT_BLOCKS:]:
        if block.index in page.claimed or (page.anchor is not None and block.index <= page.anchor):
            continue
        credit = _closing_line(block, page, last=block.index == last)
        if credit is not None:
            found.append((block.index, credit))
    found += _line_under_a_text_copy(page, last)
    found += _byline_box(page, last)
    found = [(index, credit) for index, credit in found if not _one_of_many_signatures(page, index, credit)]
    claims = {
        index: _claim(credit)
        for index, credit in found
        if credit.text == collapse(page.blocks[index].text)  # a paragraph signed at its end stays body
    }
    signed = _signed_end(content[-1]) if not found and content[-1].kind in BODY_LINE_KINDS else None
    return (tuple(found) if signed is None else ((last, signed),)), claims


def _line_under_a_text_copy(page: PageView, last: int) -> list[tuple[int, Credit]]:
    """In a text copy, a byline on the line right under the body: 'Von Greta Lindner', 'Posted on … by Greta Lindner'.

    The line opens with a byline prefix, or it is signed and dated. A text copy has no element to
    keep that line with the story: short, it costs the run of prose more than it brings, so the run
    ends above it. A name-shaped line alone under the body does not count: it is as often the next
    section's label ('Related Topics').
    """
    if page.split.kind != "text" or last + 1 >= len(page.blocks) or last + 1 in page.claimed:
        return []
    block = page.blocks[last + 1]
    if block.kind not in BODY_LINE_KINDS:
        return []
    if prefix_end(block.text) is not None:
        credit = _closing_line(block, page, last=True)
    else:  # signed and dated, as an unnamed line of a byline box is: 'Posted on June 3, 2024 by Jana Roe'
        credit = read_credit(block.text, month_first=page.month_first, reference=page.options.reference_date)
        credit = credit if credit is not None and _signed_and_dated(credit) else None
    return [(block.index, credit)] if credit is not None else []


def _one_of_many_signatures(page: PageView, index: int, credit: Credit) -> bool:
    """True when the element of a signed line repeats above it signed by other people: a thread of comments.

    'Posted by: Lars at 3:10 PM' under the body's last paragraph, after the same element signed
    'Posted by: Mia …' and 'Posted by: Tom …' further up: the comments were taken for the body,
    and the last signature is a commenter's.
    """
    path = page.blocks[index].path
    names = set(credit.authors)
    others: set[str] = set()
    for block in page.blocks[max(0, index - SIGNATURES_BEFORE) : index]:
        if block.path != path or not names:
            continue
        signed = read_credit(block.text, month_first=page.month_first, reference=page.options.reference_date)
        if signed is not None and signed.authors and not names & set(signed.authors):
            others.update(signed.authors)
    return len(others) >= OTHER_SIGNERS_MIN


def _byline_box(page: PageView, last: int) -> list[tuple[int, Credit]]:
    """Credit lines after the body, up to the next section: in elements named for a byline or a date, or signed, dated.

    'Gespeichert von tkrause am 12. März 2019 - 09:40' under the body names its author and its day.
    """
    found = []
    for index in range(last + 1, min(last + 1 + CLOSING_AFTER_BODY, len(page.blocks))):
        block = page.blocks[index]
        if phrase_family(block.text) == HintFamily.COMMENTS:
            break  # the comments begin ('Comments', 'Leave a Reply'): the lines signed below are the commenters'
        if page.elsewhere(block):
            continue
        marked = any(mark.kind in FIELD_KINDS for mark in block.marks)
        if block.kind is BlockKind.HEADING and not marked and phrase_family(block.text) not in ARTICLE_LABELS:
            break  # a section of its own begins ('More news', 'Neu im Programm'); a label ('Tags') does not
        named = marked or META_INFO in page.families(block)
        if not (named or prefix_end(block.text) is not None) or index in page.claimed:
            continue
        credit = read_credit(
            block.text,
            month_first=page.month_first,
            reference=page.options.reference_date,
            dated=any(mark.kind in DATE_KINDS for mark in block.marks),
        ) or _author_element(block)
        if credit is None:
            continue
        # An element named for a byline says what it holds; an unnamed line is one when it is signed and dated.
        if (credit.authors or credit.desk or credit.date is not None) if named else _signed_and_dated(credit):
            found.append((index, credit))
    return found


def _signed_and_dated(credit: Credit) -> bool:
    """A line that names someone and a day: a byline even with no element named for one."""
    return bool(credit.authors) and credit.date is not None


def _author_element(block: Block) -> Credit | None:
    """The names in elements named 'author' of a byline box, when its text is no credit line ('Lars')."""
    names = tuple(
        dict.fromkeys(name for mark in block.marks if mark.kind == AUTHOR for name in names_in_mark(mark.text))
    )
    return Credit(collapse(block.text), names, None, None, None, author_groups=(names,)) if names else None


def _signed_end(block: Block) -> Credit | None:
    """The author's name in brackets that ends the body: '… wir berichten weiter. (Martin K. Sollner) +++'.

    The credit is that part; the paragraph stays in the body.
    """
    tail = block.text[-SIGNED_END_CHARS:]
    signed = _SIGNED_END.search(tail)
    if signed is None:
        return None
    bracket = len(block.text) - len(tail) + signed.start()
    if _quoted(block.text, bracket):
        return None  # '„… wenn es regnet.“ (Marten Olsvik)': who is quoted, not who wrote
    if not block.text[:bracket].rstrip().endswith(_STORY_ENDS):
        return None  # '… the thinking that created it (Ada Lovelace)': a saying's source, not the story's author
    name = collapse(signed.group(1))
    if split_names(name) != [name] or len(name.split()) < SIGNATURE_MIN_WORDS or not is_credited_name(name):
        return None
    return Credit(signed.group(0).strip(), (name,), None, None, None, author_groups=((name,),))


def _copyright_line(text: str) -> Credit | None:
    """The author of a copyright line closing the article: '© 2021 Lena Fischer', 'Copyright by Lena Fischer'.

    Only a person's name: a company's copyright ('© 2021 Harbour Media GmbH') is the publisher's.
    """
    match = _COPYRIGHT.match(collapse(text))
    if match is None:
        return None
    name = match.group(1).strip(" .,;")
    if split_names(name) != [name] or len(name.split()) < SIGNATURE_MIN_WORDS or not is_credited_name(name):
        return None
    return Credit(collapse(text), (name,), None, None, None, author_groups=((name,),))


def _quoted(text: str, bracket: int) -> bool:
    """True when the text before a bracket ends a quotation, or the whole paragraph is one."""
    before = text[:bracket].rstrip(" \t\n-–—,")
    return before.endswith(_QUOTE_CLOSES) or text.lstrip().startswith(_QUOTE_CLOSES)


def _after_prose(block: Block, page: PageView) -> bool:
    """True when the block right before this one is the body's, and ends a sentence (not a label: 'Foto')."""
    if block.index == 0 or page.decisions[block.index - 1].label is not Label.CONTENT:
        return False
    return page.blocks[block.index - 1].text.rstrip().endswith(SENTENCE_ENDS)


def _closing_line(block: Block, page: PageView, *, last: bool) -> Credit | None:
    """A paragraph of the body that is its byline: 'Von Greta Lindner', or a signature alone as the last one."""
    if block.kind not in BODY_LINE_KINDS or len(block.text.split()) > CREDIT_MAX_WORDS:
        return None
    if prefix_end(block.text) is not None:
        credit = read_credit(block.text, month_first=page.month_first, reference=page.options.reference_date)
        return credit if credit is not None and credit.authors else None
    return _copyright_line(block.text) or (_signature(block) if last and _after_prose(block, page) else None)


def _signature(block: Block) -> Credit | None:
    """A last paragraph that is nothing but its author's name, maybe over the signer's position."""
    lines = block.text.splitlines()
    if len(lines) > SIGNATURE_MAX_LINES:
        return None
    # 'Emre Yıldız' alone, or over a line with the signer's position ('Vereinsvorsitzender').
    text = collapse(lines[0]).strip(" .,;")
    if len(text.split()) > SIGNATURE_MAX_WORDS or any(char.isdigit() for char in block.text):
        return None
    names = split_names(text)
    if names != [text] or len(text.split()) < SIGNATURE_MIN_WORDS or not is_credited_name(text):
        return None  # 'Happy Holidays', 'Stay safe everyone': a sign-off, the body's last line
    return Credit(text, (text,), None, None, None, author_groups=((text,),))


def _claim(credit: Credit) -> Claim:
    """A credit line's claim, its detail listing what the line credits."""
    return Claim(Label.CREDIT, Reason.CREDIT_LINE, _credit_detail(credit))


def _credit_detail(credit: Credit) -> str:
    parts = []
    if credit.authors:
        parts.append("authors " + ", ".join(credit.authors))
    if credit.desk:
        parts.append(f"credits {credit.desk}")
    if credit.agency:
        parts.append(f"agency {credit.agency.name}")
    if credit.date:
        parts.append(f"date {credit.date.isoformat()}")
    return "; ".join(parts) or "credit line"


def byline(credit_lines: Credits, anchor: int | None = None) -> Candidate[str] | None:
    """The first credit line that names someone, below the headline before above it: as printed."""
    for index, credit in credit_lines.headline_first(anchor):
        if credit.authors or credit.agency or credit.desk:
            return Candidate(credit.text, Source.BLOCK, f"block {index}", index)
    return None


def dateline_place(credit_lines: Credits) -> Candidate[str] | None:
    """The place named in the dateline ('New Delhi')."""
    if credit_lines.dateline is None:
        return None
    index, dateline = credit_lines.dateline
    return Candidate(dateline.place, Source.BLOCK, f"block {index} (dateline)", index) if dateline.place else None

"""Metamorphic variants of the seed page (fixtures/smetimes-putin-north-korea), as text and as HTML.

The seed is read into a small model of the parts of the page a site changes from day to day
while the article stays the same: the "Just in:" ticker, the "Top Stories" box, the credit
line, the exchange-rate rows and "Commented Stories" of the right column, and the footer link
rows. A variant is that model with some parts edited, rendered back into the seed page: the
text page line by line, the HTML page by replacing the exact markup of each part (the
`<marquee>` links, the `<tr>` rows of a box, the `<a>` links of a footer row, the
`<span class="agency">` credit). Everything else, and above all the 19 body paragraphs, stays
byte for byte the seed's. `SEED.text()` and `SEED.html()` reproduce the seed files exactly, so a
variant differs from the real page only by its edit.

The Hypothesis strategies at the end draw edits: items removed, shuffled, and new ones added.
New story titles are plausible headlines of other business stories, 6 to 14 words long.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import strategies as st

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "smetimes-putin-north-korea"
SEED_TEXT = (SEED_DIR / "page.txt").read_text(encoding="utf-8")
SEED_HTML = (SEED_DIR / "page.html").read_text(encoding="utf-8")

HEADLINE = "Putin set to arrive in North Korea in rare trip amid deepening concerns about military cooperation"
SEED_CREDIT_TEXT = "IANS | 18 Jun, 2024"
NBSP = "\xa0"


# --------------------------------------------------------------------------- the page model


@dataclass(frozen=True)
class Link:
    """A link to another story or page: its visible title and its `href` as written in the HTML."""

    title: str
    href: str

    def a(self) -> str:
        """The `<a>` element."""
        return f'<a href="{self.href}">{html.escape(self.title, quote=False)}</a>'


@dataclass(frozen=True)
class Credit:
    """A credit line and the fields it should give."""

    text: str
    """The line as printed."""
    agency_token: str | None
    """The agency as printed in the line; in HTML it is wrapped in `<span class="agency">`."""
    authors: tuple[str, ...]
    agency: str | None
    published: dt.date | dt.datetime
    updated: dt.date | dt.datetime | None = None

    def html(self) -> str:
        """The inside of the credit cell."""
        if self.agency_token is None:
            return html.escape(self.text, quote=False)
        before, token, after = self.text.partition(self.agency_token)
        span = f'<span class="agency">{html.escape(token, quote=False)}</span>'
        return html.escape(before, quote=False) + span + html.escape(after, quote=False)


@dataclass(frozen=True)
class Rate:
    """A row of the "Customs Exchange Rates" box; import and export may be empty."""

    currency: str
    import_rate: str = ""
    export_rate: str = ""


@dataclass(frozen=True)
class Commented:
    """An item of the "Commented Stories" box: a story and its number of comments."""

    link: Link
    comments: int


@dataclass(frozen=True)
class FooterRow:
    """A row of footer links; `lead` is the `&nbsp; ` some rows start with."""

    links: tuple[Link, ...]
    lead: bool = False


@dataclass(frozen=True)
class SeedPage:
    """The parts of the seed page a variant may change."""

    ticker: tuple[Link, ...]
    top_stories: tuple[Link, ...]
    credit: Credit
    rates: tuple[Rate, ...]
    commented: tuple[Commented, ...]
    footer: tuple[FooterRow, ...]

    def text(self) -> str:
        """The page as the browser's plain-text copy."""
        return _render_text(self)

    def html(self) -> str:
        """The page as HTML."""
        return _render_html(self)

    def render(self, kind: str) -> str:
        """The page as 'text' or 'html'."""
        return self.text() if kind == "text" else self.html()


# --------------------------------------------------------------------------- the plain-text page

_LINES = SEED_TEXT.split("\n")


def _line_index(predicate: str, *, start: int = 0) -> int:
    """The index of the first line from `start` that starts with `predicate` (after NBSPs)."""
    for index in range(start, len(_LINES)):
        if _LINES[index].lstrip(NBSP + " ").startswith(predicate):
            return index
    msg = f"seed text has no line starting with {predicate!r}"
    raise LookupError(msg)


_T_TICKER = _line_index("Just in:")
_T_TOP = _line_index("Top Stories")
_T_CREDIT = _LINES.index(SEED_CREDIT_TEXT)
_T_RATES = _line_index("Currency Import Export")
_T_AS_ON = _line_index("As on 13 Aug, 2022")
_T_COMMENTED = _line_index("Commented Stories")
_T_FOOTER = _line_index("About Us", start=_T_COMMENTED)
_T_FOLLOW = _line_index("Follow Us", start=_T_FOOTER)

FOOTER_SEPARATOR_TEXT = f" {NBSP}| {NBSP} "


def _ticker_line(ticker: tuple[Link, ...]) -> str:
    items = f"{NBSP} ".join(f"•{NBSP}{link.title}" for link in ticker)
    return f"Just in:{NBSP}{NBSP} {items}{NBSP}"


def _rate_line(rate: Rate) -> str:
    return " ".join(part for part in (rate.currency, rate.import_rate, rate.export_rate) if part)


def _footer_line(row: FooterRow) -> str:
    lead = f"{NBSP} " if row.lead else ""
    return lead + FOOTER_SEPARATOR_TEXT.join(link.title for link in row.links) + f" {NBSP}"


def _render_text(page: SeedPage) -> str:
    lines = [
        *_LINES[:_T_TICKER],
        _ticker_line(page.ticker),
        *_LINES[_T_TICKER + 1 : _T_TOP + 1],
        *(f"» {link.title}" for link in page.top_stories),
        page.credit.text,
        *_LINES[_T_CREDIT + 1 : _T_RATES + 1],
        *(_rate_line(rate) for rate in page.rates),
        *_LINES[_T_AS_ON : _T_COMMENTED + 1],
        *(f"» {item.link.title}({item.comments})" for item in page.commented),
        *(_footer_line(row) for row in page.footer if row.links),
        *_LINES[_T_FOLLOW:],
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- the HTML page


def _one(pattern: str) -> re.Match[str]:
    """The single match of `pattern` in the seed HTML."""
    matches = list(re.finditer(pattern, SEED_HTML, flags=re.DOTALL))
    if len(matches) != 1:
        msg = f"expected one match of {pattern!r} in the seed HTML, found {len(matches)}"
        raise LookupError(msg)
    return matches[0]


_H_TICKER = _one(r"<marquee[^>]*>(.*?)</marquee>")
_H_TOP = _one(r"> Top Stories</td>\n        </tr>\n((?:        <tr><td class=\"boxtext\">[^\n]*</td></tr>\n)*)")
_H_CREDIT = _one(r'<td class="dateline">(.*?)</td>')
_H_RATES = _one(r"<b>Export</b></td></tr>\n((?:        <tr><td class=\"ratetxt\">[^\n]*</tr>\n)*)")
_H_COMMENTED = _one(r"> Commented Stories</td></tr>\n((?:        <tr><td class=\"boxtext\">[^\n]*</td></tr>\n)*)")
_H_FOOTER = _one(r'class="footer">\n((?:  <tr>\n    <td align="center">(?:&nbsp; )?<a [^\n]*</td>\n  </tr>\n)*)')

_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>')
FOOTER_SEPARATOR_HTML = " &nbsp;| &nbsp; "


def _links(markup: str) -> tuple[Link, ...]:
    return tuple(Link(html.unescape(title), href) for href, title in _LINK.findall(markup))


def _ticker_html(ticker: tuple[Link, ...]) -> str:
    return "".join(f" &bull;&nbsp; {link.a()}&nbsp;" for link in ticker)


def _top_html(top: tuple[Link, ...]) -> str:
    return "".join(f'        <tr><td class="boxtext">&raquo; {link.a()}</td></tr>\n' for link in top)


def _rates_html(rates: tuple[Rate, ...]) -> str:
    return "".join(
        f'        <tr><td class="ratetxt">{html.escape(rate.currency, quote=False)}</td>'
        f'<td class="ratetxt">{rate.import_rate}</td><td class="ratetxt">{rate.export_rate}</td></tr>\n'
        for rate in rates
    )


def _commented_html(commented: tuple[Commented, ...]) -> str:
    return "".join(
        f'        <tr><td class="boxtext">&raquo; {item.link.a()}({item.comments})</td></tr>\n' for item in commented
    )


def _footer_html(footer: tuple[FooterRow, ...]) -> str:
    return "".join(
        '  <tr>\n    <td align="center">'
        + ("&nbsp; " if row.lead else "")
        + FOOTER_SEPARATOR_HTML.join(link.a() for link in row.links)
        + " &nbsp;</td>\n  </tr>\n"
        for row in footer
        if row.links
    )


def _render_html(page: SeedPage) -> str:
    parts = sorted(
        [
            (_H_TICKER, _ticker_html(page.ticker)),
            (_H_TOP, _top_html(page.top_stories)),
            (_H_CREDIT, page.credit.html()),
            (_H_RATES, _rates_html(page.rates)),
            (_H_COMMENTED, _commented_html(page.commented)),
            (_H_FOOTER, _footer_html(page.footer)),
        ],
        key=lambda part: part[0].start(1),
    )
    out: list[str] = []
    position = 0
    for match, markup in parts:
        out += [SEED_HTML[position : match.start(1)], markup]
        position = match.end(1)
    out.append(SEED_HTML[position:])
    return "".join(out)


# --------------------------------------------------------------------------- the seed as a model


def _seed() -> SeedPage:
    rates = []
    for row in re.findall(r"<tr>(.*?)</tr>", _H_RATES.group(1)):
        currency, import_rate, export_rate = re.findall(r'<td class="ratetxt">(.*?)</td>', row)
        rates.append(Rate(html.unescape(currency), import_rate, export_rate))
    commented = tuple(
        Commented(Link(html.unescape(title), href), int(count))
        for href, title, count in re.findall(r'<a href="([^"]*)">(.*?)</a>\((\d+)\)', _H_COMMENTED.group(1))
    )
    footer = tuple(
        FooterRow(_links(row), lead=row.startswith("&nbsp; "))
        for row in re.findall(r'<td align="center">(.*?)</td>', _H_FOOTER.group(1))
    )
    return SeedPage(
        ticker=_links(_H_TICKER.group(1)),
        top_stories=_links(_H_TOP.group(1)),
        credit=Credit(SEED_CREDIT_TEXT, "IANS", (), "IANS", dt.date(2024, 6, 18)),
        rates=tuple(rates),
        commented=commented,
        footer=footer,
    )


SEED = _seed()


def _seed_paragraphs() -> tuple[str, ...]:
    """The body as the seed text prints it: the non-blank lines between the credit line and the tools."""
    end = _LINES.index("Print the Page")
    return tuple(line for line in _LINES[_T_CREDIT + 1 : end] if line.strip())


PARAGRAPHS = _seed_paragraphs()
"""The 19 body paragraphs of the seed, which every variant must give unchanged."""


# --------------------------------------------------------------------------- credit lines

ASHA = "Asha Rao"
VIKRAM = "Vikram Mehta"
JUNE_18 = dt.date(2024, 6, 18)

CREDITS: tuple[Credit, ...] = (
    SEED.credit,
    Credit("PTI | 2 Mar, 2023", "PTI", (), "PTI", dt.date(2023, 3, 2)),
    Credit("By Asha Rao | IANS | 18 June 2024", "IANS", (ASHA,), "IANS", JUNE_18),
    Credit("Reuters | June 18, 2024", "Reuters", (), "Reuters", JUNE_18),
    Credit("By Asha Rao and Vikram Mehta | PTI | 18.06.2024", "PTI", (ASHA, VIKRAM), "PTI", JUNE_18),
    Credit("IANS | 18 Jun, 2024 10:30 IST", "IANS", (), "IANS", dt.datetime(2024, 6, 18, 10, 30)),  # noqa: DTZ001
    Credit("AFP | 2024-06-18", "AFP", (), "AFP", JUNE_18),
    Credit("AP | Jun 18, 2024", "AP", (), "AP", JUNE_18),
    Credit("IANS | Tuesday, 18 June 2024", "IANS", (), "IANS", JUNE_18),
    Credit("Asha Rao | IANS | 18 Jun, 2024", "IANS", (ASHA,), "IANS", JUNE_18),
    Credit("By Asha Rao, Vikram Mehta | Reuters | 18 Jun, 2024", "Reuters", (ASHA, VIKRAM), "Reuters", JUNE_18),
    Credit("By Asha Rao & Vikram Mehta | AFP | 18 Jun, 2024", "AFP", (ASHA, VIKRAM), "AFP", JUNE_18),
    Credit("By Asha Rao | 18 Jun, 2024", None, (ASHA,), None, JUNE_18),
    Credit("Bloomberg | 18 Jun, 2024 4:15 PM", "Bloomberg", (), "Bloomberg", dt.datetime(2024, 6, 18, 16, 15)),  # noqa: DTZ001
    Credit("PTI | 2 Mar, 2023 | 18:05 IST", "PTI", (), "PTI", dt.datetime(2023, 3, 2, 18, 5)),  # noqa: DTZ001
    Credit("By Asha Rao (IANS) | 18 Jun, 2024", "IANS", (ASHA,), "IANS", JUNE_18),
    Credit("IANS | 18 Jun, 2024 | Updated 19 Jun, 2024", "IANS", (), "IANS", JUNE_18, updated=dt.date(2024, 6, 19)),
)
"""Credit lines in the shapes news sites print, with the fields each should give."""


# --------------------------------------------------------------------------- strategies

_SUBJECTS = (
    "Indian startups",
    "RBI",
    "SEBI",
    "MSME ministry",
    "Kaveri Motors",
    "Nilgiri Infotech",
    "Textile exporters",
    "GST Council",
    "Finance Ministry",
    "Small businesses in Punjab",
    "Auto component makers",
    "Karnataka government",
    "Indian pharma companies",
    "Fintech lenders",
    "Deccan Coal Works",
    "Tiruppur garment exporters",
    "Commerce Ministry",
    "Women entrepreneurs",
)
_ACTIONS = (
    "to invest Rs 2,300 crore in",
    "raise $120 mn for",
    "seek lower interest rates on",
    "plan big expansion in",
    "report record growth in",
    "unveils new scheme for",
    "flag rising costs of",
    "cuts lending rates for",
    "launches credit guarantee for",
    "signs pact to boost",
    "eyes 20% growth in",
    "warns of slowdown in",
)
_OBJECTS = (
    "rural manufacturing",
    "green hydrogen projects",
    "export credit",
    "semiconductor units",
    "the handloom sector",
    "small exporters",
    "digital payments",
    "electric two-wheelers",
    "food processing units",
    "renewable energy parks",
    "cold storage chains",
    "MSME loans",
)
_TAILS = ("", ": Report", ": Official", " this fiscal", " amid weak demand", ": Survey", " in FY25", ", says minister")

HEADLINE_WORDS = (6, 14)


def _headline(parts: tuple[str, str, str, str]) -> str:
    subject, action, obj, tail = parts
    return f"{subject} {action} {obj}{tail}"


headlines = (
    st.tuples(st.sampled_from(_SUBJECTS), st.sampled_from(_ACTIONS), st.sampled_from(_OBJECTS), st.sampled_from(_TAILS))
    .map(_headline)
    .filter(lambda text: HEADLINE_WORDS[0] <= len(text.split()) <= HEADLINE_WORDS[1])
)
"""Plausible headlines of other stories, 6 to 14 words."""


def story_link(title: str) -> Link:
    """A link to another story on the site, with an `href` made from its title."""
    news_id = 150_000 + zlib.crc32(title.encode()) % 10_000
    return Link(title, f"/news/top-stories/newsdetails.aspx?newsid={news_id}&amp;catid=1")


story_links = headlines.map(story_link)


@st.composite
def edited(draw: st.DrawFn, items: tuple[object, ...], new: st.SearchStrategy[object], max_new: int) -> tuple:
    """`items` with some removed, maybe shuffled, and up to `max_new` distinct new ones inserted anywhere."""
    order = draw(st.permutations(range(len(items)))) if draw(st.booleans()) else list(range(len(items)))
    keep = draw(st.lists(st.booleans(), min_size=len(items), max_size=len(items)))
    result = [items[index] for index, kept in zip(order, keep, strict=True) if kept]
    for item in draw(st.lists(new, max_size=max_new, unique=True)):
        result.insert(draw(st.integers(0, len(result))), item)
    return tuple(result)


_CURRENCIES = ("Euro", "Swiss Franc", "Australian Dollar", "Canadian Dollar", "Singapore Dollar", "UAE Dirham")
_rate_value = st.integers(1_000, 12_000).map(lambda cents: f"{cents / 100:.2f}")
rates = st.builds(Rate, st.sampled_from(_CURRENCIES), _rate_value, _rate_value)

commented_items = st.builds(Commented, story_links, st.integers(1, 40))

_FOOTER_PAGES = (
    "Privacy Policy",
    "Careers",
    "Sitemap",
    "RSS Feeds",
    "Archives",
    "Feedback",
    "Subscribe",
    "Editorial Policy",
)
footer_links = st.sampled_from(_FOOTER_PAGES).map(
    lambda title: Link(title, "/" + title.lower().replace(" ", "") + ".aspx")
)


@st.composite
def footers(draw: st.DrawFn) -> tuple[FooterRow, ...]:
    """The footer links edited, then laid out again in rows of 2 to 4 links."""
    links = list(draw(edited(tuple(link for row in SEED.footer for link in row.links), footer_links, 4)))
    rows = []
    while links:
        size = draw(st.integers(2, 4))
        rows.append(FooterRow(tuple(links[:size])))
        links = links[size:]
    return tuple(rows)


tickers = edited(SEED.ticker, story_links, 5)
top_stories = edited(SEED.top_stories, story_links, 8)


@st.composite
def sidebars(draw: st.DrawFn) -> tuple[tuple[Rate, ...], tuple[Commented, ...]]:
    """The right column's exchange rates and commented stories, edited."""
    return draw(edited(SEED.rates, rates, 4)), draw(edited(SEED.commented, commented_items, 5))


@st.composite
def variants(draw: st.DrawFn, credit_lines: tuple[Credit, ...] = CREDITS) -> SeedPage:
    """The seed with every changeable part edited at once, and one of `credit_lines` as its credit line."""
    rate_rows, commented = draw(sidebars())
    return replace(
        SEED,
        ticker=draw(tickers),
        top_stories=draw(top_stories),
        credit=draw(st.sampled_from(credit_lines)),
        rates=rate_rows,
        commented=commented,
        footer=draw(footers()),
    )

"""`HintFamily`: what an HTML element's tag, class, id or role names it as ('navigation', 'comments', …).

Every family but `ARTICLE_BODY` names a kind of boilerplate; the boilerplate families share
their names with the `Reason` codes a block in such an element is dropped for. The words that
name each family are data (`data/hints.toml`); the families themselves are this one enum, used
by the splitter, the classifier and the field finders alike.
"""

from __future__ import annotations

from enum import StrEnum


class HintFamily(StrEnum):
    """A family of class/id/role names; the value is the family's name in `data/hints.toml`."""

    NAVIGATION = "navigation"
    FOOTER = "footer"
    SIDEBAR = "sidebar"
    COMMENTS = "comments"
    SHARE = "share"
    RELATED = "related"
    NEWSLETTER = "newsletter"
    ADVERTISEMENT = "advertisement"
    CAPTION = "caption"
    AUTHOR_BIO = "author_bio"
    META_INFO = "meta_info"
    """Bylines, dates and tags around an article ('entry-meta', 'byline', 'posted-on')."""
    TICKER = "ticker"
    WIDGET = "widget"
    CONSENT = "consent"
    """Cookie and privacy consent dialogs ('cookie-notice', 'gdpr-consent'): never the article, however long."""
    FORM = "form"
    HIDDEN = "hidden"
    ARTICLE_BODY = "article_body"
    """The one positive family: the element holds the article's text ('articleBody', 'entry-content')."""

"""HTML articles: main text, title, author, date and site with trafilatura, after page chrome is cut away."""

from __future__ import annotations

import re

from quizgen.errors import InputError
from quizgen.model import Article
from quizgen.readers.text import is_furniture

# Containers whose class, id or role names them as page chrome. trafilatura keeps some of these (an "ad" div inside
# <article>), so they are removed before it runs.
_CHROME_CLASS = re.compile(r"\b(?:nav|menu|footer|header|sidebar|advert|ads?|promo|share|social|cookie|related|"
                           r"newsletter|subscribe|comments?)\b", re.I)
_CHROME_TAGS = {"div", "section", "aside", "ul", "ol", "span", "p"}


def parse_html(text: str, path: str) -> Article:
    # Imported here: trafilatura and lxml take half a second to import and only HTML needs them.
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as err:
        raise InputError(f"{path}: not readable as HTML ({err})") from None
    for element in tree.xpath("//*[@class or @id or @role]"):
        names = " ".join(element.get(a, "") for a in ("class", "id", "role"))
        if element.tag in _CHROME_TAGS and _CHROME_CLASS.search(names):
            element.drop_tree()
    document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=False,
                                           include_images=False, include_links=False, deduplicate=False)
    title = _clean(document.title if document else "")
    lines = [_clean(line) for line in (document.text or "").splitlines()] if document else []
    # Short fragments (menu leftovers, captions) and the title repeated as a heading are not paragraphs.
    paragraphs = [line for line in lines
                  if line and line != title and not is_furniture(line)
                  and (len(line.split()) >= 6 or line.endswith((".", "!", "?", "”", '"')))]
    while paragraphs and is_furniture(paragraphs[-1]):
        paragraphs.pop()
    return Article(
        title=title,
        paragraphs=tuple(paragraphs),
        byline=_clean(document.author) or None if document else None,
        date=(document.date or "")[:10] or None if document else None,
        source=_clean(document.sitename) or None if document else None,
        path=path,
    )


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()

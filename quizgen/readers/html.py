"""HTML articles: main text, title, author, date and site with trafilatura, after page chrome is cut away.

Chrome is recognised by whole class, id and role *tokens* (`sidebar`, `related-posts`), never by a part of one:
`l-sidebar-fixed` and `no-header-overlap` are layout names that often sit on the element holding the article.
When the cleaned page yields too little, trafilatura is run again on the page as it came (a page whose article is
inside a chrome-named container still reads), and then the page's JSON-LD `articleBody` is taken (a page that draws
its article with JavaScript). Pages past MAX_ELEMENTS are refused before trafilatura runs, so the work per page is
bounded.
"""

from __future__ import annotations

import re
from typing import Any

from quizgen.errors import InputError
from quizgen.model import Article
from quizgen.readers.furniture import comments_heading_at, count_sentences, is_furniture

# Whole class/id/role tokens that name a container as page chrome. trafilatura keeps some of these (an "ad" div
# inside <article>), so they are removed before it runs.
_CHROME_TOKENS = frozenset("""
nav navbar navigation menu footer site-footer header site-header masthead sidebar advert advertisement ad ads
ad-container ad-slot promo share sharing share-bar share-buttons social social-share cookie cookies cookie-banner
consent related related-posts related-articles related-stories newsletter newsletter-signup subscribe comments
comment-list breadcrumb breadcrumbs banner complementary contentinfo
""".split())
_CHROME_TAGS = frozenset({"div", "section", "aside", "ul", "ol", "span", "p", "nav", "footer"})
# Elements that are never article text: invisible (<template>), pictures and their captions, controls. (Not
# <form>: some sites wrap the whole page in one.)
_NEVER_TEXT = ("template", "figcaption", "figure", "button", "dialog", "select", "svg", "noscript", "style",
               "script[not(@type='application/ld+json')]")
# A line of extracted text is a paragraph when it is a sentence or long enough to be one.
_MIN_WORDS = 6
_ENDS_SENTENCE = (".", "!", "?", "”", '"', "’", "…", ":")
# Fewer sentences than this from the cleaned page: try the page as it came.
_ENOUGH_SENTENCES = 5
# Elements (after scripts and styles are gone) in the largest page quizgen reads. The bench's pages have at most
# 1,600; a long live blog a few thousand. Past this trafilatura takes seconds per page, and more.
MAX_ELEMENTS = 30_000


def chrome_tokens(element: Any) -> set[str]:
    """The element's class, id and role values as lower-case tokens."""
    return {token.lower() for name in ("class", "id", "role") for token in (element.get(name) or "").split()}


def remove_chrome(tree: Any) -> None:
    """Drop, in place, containers whose whole class, id or role tokens name page chrome ('sidebar', 'related-posts')."""
    for element in tree.xpath("//*[@class or @id or @role]"):
        if element.tag in _CHROME_TAGS and chrome_tokens(element) & _CHROME_TOKENS:
            element.drop_tree()


def remove_never_text(tree: Any) -> None:
    """Drop, in place, elements that are never article text: figures, captions, buttons, scripts (not JSON-LD)."""
    for element in tree.xpath("|".join(f"//{tag}" for tag in _NEVER_TEXT)):
        if element.getparent() is not None:
            element.drop_tree()


def _extract(tree: Any) -> Any:
    import trafilatura

    # fast: no justext/readability fallback. justext's paragraph revision is quadratic in a run of short blocks (a
    # 700 KB page of menu items took a minute), and the bench scores higher without it (F1 0.964 against 0.961).
    return trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=False,
                                       include_images=False, include_links=False, deduplicate=False, fast=True)


def check_size(tree: Any, path: str) -> None:
    """Refuse a page with more elements than any article page has: trafilatura's work grows faster than the
    element count, and such a page is a listing or a generated dump, not an article."""
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise InputError(f"{path}: the page has {elements:,} HTML elements, far more than an article page (limit "
                         f"{MAX_ELEMENTS:,}); save the article's text as a .txt file")


def _paragraphs(document: Any, title: str) -> list[str]:
    lines = [_clean(line) for line in (document.text or "").splitlines()] if document else []
    # Short fragments (menu leftovers, labels) and the title repeated as a heading are not paragraphs; a readers'
    # comments heading ("Have your say") stays, for furniture.tidy to cut the comments under it.
    return [line for line in lines if line and line != title and not is_furniture(line)
            and (len(line.split()) >= _MIN_WORDS or line.endswith(_ENDS_SENTENCE) or comments_heading_at(line) == 0)]


def _parse_tree(text: str, path: str) -> Any:
    """The page as trafilatura itself loads it (comments dropped with their text kept, broken markup repaired)."""
    import lxml.etree
    import lxml.html
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is not None:
        return tree
    try:
        return lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as err:
        raise InputError(f"{path}: not readable as HTML ({err})") from None


def _first_heading(tree: Any) -> str:
    for heading in tree.xpath("//h1|//h2"):
        if words := _clean(heading.text_content()):
            return words
    return ""


def _json_ld_body(tree: Any) -> list[str]:
    """The `articleBody` of the page's JSON-LD, as paragraphs: what a page that draws its text with JavaScript
    still carries for search engines."""
    import json

    best = ""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "null")
        except (ValueError, RecursionError):  # not JSON, or nested past Python's recursion limit
            continue
        stack = [data]
        while stack:  # every dict and list in the document, without recursion (a hostile page may nest deeply)
            node = stack.pop()
            if isinstance(node, dict):
                body = node.get("articleBody")
                if isinstance(body, str) and len(body) > len(best):
                    best = body
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return [line for line in (_clean(part) for part in re.split(r"\n+", best)) if line]


def _read(tree: Any) -> tuple[Any, str, list[str]]:
    """trafilatura's document for a tree, its title and its paragraphs."""
    document = _extract(tree)
    title = _clean(document.title if document else "")
    return document, title, _paragraphs(document, title)


def _sentences(paragraphs: list[str]) -> int:
    return sum(count_sentences(p) for p in paragraphs)


def parse_html(text: str, path: str) -> Article:
    """A saved web page as an Article: trafilatura's text, title, author, date and site once chrome is cut away; the
    page as it came, or its JSON-LD body, when the cleaned page yields too little."""
    # lxml and trafilatura are imported on use: they take half a second to import and only HTML needs them.
    import copy

    tree = _parse_tree(text, path)
    remove_never_text(tree)
    check_size(tree, path)
    heading = _first_heading(tree)  # before trafilatura, which prunes the tree it reads
    embedded = _json_ld_body(tree)
    untouched = copy.deepcopy(tree)
    remove_chrome(tree)
    document, title, paragraphs = _read(tree)
    if _sentences(paragraphs) < _ENOUGH_SENTENCES:
        fallback = _read(untouched)
        if len(" ".join(fallback[2])) > len(" ".join(paragraphs)):
            document, title, paragraphs = fallback
    # A page that draws its article with JavaScript: the JSON-LD body, with its paragraph breaks (trafilatura's own
    # last resort reads the same body as one paragraph).
    if (_sentences(paragraphs) < _ENOUGH_SENTENCES and _sentences(embedded) > _sentences(paragraphs)) or (
            embedded and " ".join(embedded) == " ".join(paragraphs)):
        paragraphs = [p for p in embedded if not is_furniture(p)]
    return Article(
        title=title or heading,
        paragraphs=tuple(paragraphs),
        byline=_clean(document.author) or None if document else None,
        date=(document.date or "")[:10] or None if document else None,
        source=_clean(document.sitename) or None if document else None,
        path=path,
    )


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()

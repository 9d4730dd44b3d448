"""HTML articles: title, author, date and site from meta tags; text from paragraphs outside page chrome."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quizgen.model import Article
from quizgen.readers.text import is_furniture

# Elements whose content is never article text.
_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "iframe",
         "button", "figure", "select"}
_BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "section", "article", "main", "br", "td"}
_CHROME_CLASS = re.compile(r"\b(?:nav|menu|footer|header|sidebar|advert|ads?|promo|share|social|cookie|related|"
                           r"newsletter|subscribe|comments?)\b", re.I)
_VOID = {"br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source", "track", "wbr"}


class _ArticleHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self.blocks: list[str] = []
        self._buffer: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self._in_title = False
        self._in_h1 = False
        self._has_article = False

    @property
    def _skipping(self) -> bool:
        return any(skip for _, skip in self._stack)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buffer)).strip()
        if text:
            self.blocks.append(text)
        self._buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key and attr.get("content"):
                self.meta.setdefault(key, attr["content"].strip())
            return
        if tag in _VOID:
            if tag == "br":
                self._flush()
            return
        chrome = bool(_CHROME_CLASS.search(f"{attr.get('class', '')} {attr.get('id', '')} {attr.get('role', '')}"))
        skip = tag in _SKIP or (chrome and tag in {"div", "section", "ul", "aside", "span"})
        if tag in _BLOCK:
            self._flush()
        self._stack.append((tag, skip))
        self._in_title = self._in_title or tag == "title"
        if tag == "h1" and not self._skipping:
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in _BLOCK and not self._in_h1:
            self._flush()
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.h1 = self.h1 or re.sub(r"\s+", " ", "".join(self._buffer)).strip()
            self._buffer = []

    def handle_data(self, data: str) -> None:
        if self._in_title and not self.title:
            self.title = data.strip()
            return
        if self._skipping or self._in_title:
            return
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(text: str, path: str) -> Article:
    parser = _ArticleHTML()
    parser.feed(text)
    parser.close()
    meta = parser.meta
    title = meta.get("og:title") or parser.h1 or parser.title
    # Short fragments (menu leftovers, captions) are not paragraphs.
    paragraphs = [b for b in parser.blocks if len(b.split()) >= 6 and not is_furniture(b) and b != title]
    while paragraphs and is_furniture(paragraphs[-1]):
        paragraphs.pop()
    return Article(
        title=title.strip(),
        paragraphs=tuple(paragraphs),
        byline=meta.get("author") or meta.get("article:author") or None,
        date=(meta.get("article:published_time") or meta.get("date") or "")[:10] or None,
        source=meta.get("og:site_name") or None,
        path=path,
    )

"""Page furniture, for every reader: what a news page puts around an article never reaches the sentences.

Captions, image credits, share lines, "Slideshow (15 images)", "Read more", bylines and related-story links are
dropped; datelines ("LONDON (Reuters) - ") are cut from the paragraph they open; cookie, subscription, sponsor and
newsletter notices are dropped and counted apart (a page that is only notices is not an article); titles lose the
site name and the date. The patterns are English data (quizgen/lang/en/data/page_furniture.yaml), not code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from quizgen.lang.en import table
from quizgen.model import Article

# Furniture is short: a paragraph longer than this is article text whatever it starts with.
_MAX_FURNITURE_CHARACTERS = 400
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*(?:\s+|$)")


@dataclass(frozen=True)
class _Rules:
    furniture: tuple[re.Pattern[str], ...]
    bylines: tuple[re.Pattern[str], ...]
    notice_topics: tuple[re.Pattern[str], ...]
    notice_voice: re.Pattern[str]
    notice_max_words: int
    datelines: tuple[re.Pattern[str], ...]
    title_separators: tuple[str, ...]
    title_dates: tuple[re.Pattern[str], ...]
    title_site_words: int
    comment_headings: tuple[re.Pattern[str], ...]
    comment_signature: re.Pattern[str]
    reader_voice: re.Pattern[str]
    reader_voice_min_article: int


@functools.cache
def _rules() -> _Rules:
    data = table("page_furniture")

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(pattern) for pattern in data[key])

    names = {"{name}": data["byline_name"], "{capitals}": data["byline_capitals"]}
    bylines = []
    for pattern in data["bylines"]:
        for placeholder, value in names.items():
            pattern = pattern.replace(placeholder, f"(?:{value})")
        bylines.append(re.compile(pattern))
    return _Rules(
        furniture=compiled("furniture"), bylines=tuple(bylines), notice_topics=compiled("notice_topics"),
        notice_voice=re.compile(data["notice_voice"]), notice_max_words=int(data["notice_max_words"]),
        datelines=compiled("datelines"), title_separators=tuple(data["title_separators"]),
        title_dates=compiled("title_dates"), title_site_words=int(data["title_site_words"]),
        comment_headings=compiled("comment_headings"), comment_signature=re.compile(data["comment_signature"]),
        reader_voice=re.compile(data["reader_voice"]), reader_voice_min_article=int(data["reader_voice_min_article"]),
    )


def is_furniture(paragraph: str) -> bool:
    """A caption, credit, share line, byline, related link or other page part that is not article text."""
    text = " ".join(paragraph.split())
    if len(text) > _MAX_FURNITURE_CHARACTERS:
        return False
    rules = _rules()
    return any(p.fullmatch(text) for p in rules.furniture) or any(p.fullmatch(text) for p in rules.bylines)


def is_notice(paragraph: str) -> bool:
    """A cookie, consent, subscription, sponsor or newsletter notice: names the topic, speaks to the reader, short."""
    rules = _rules()
    if len(paragraph.split()) > rules.notice_max_words:
        return False
    return any(p.search(paragraph) for p in rules.notice_topics) and bool(rules.notice_voice.search(paragraph))


def strip_dateline(paragraph: str) -> str:
    """The paragraph without an opening dateline ("LONDON (Reuters) - The ..." -> "The ...")."""
    for pattern in _rules().datelines:
        if (m := pattern.match(paragraph)) and len(paragraph) > m.end():
            return paragraph[m.end():]
    return paragraph


def _sentence_starts(paragraph: str) -> list[int]:
    """Where each sentence of a paragraph starts (0 first)."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(paragraph) if m.end() < len(paragraph))]


def comments_heading_at(paragraph: str) -> int | None:
    """Where a readers' comments heading ("Here is a selection of your comments:") starts in the paragraph: the
    whole paragraph, or its last sentences; None when there is none."""
    text = paragraph.rstrip()
    if len(text) > _MAX_FURNITURE_CHARACTERS * 2:
        return None
    for start in _sentence_starts(text):
        if len(text) - start <= _MAX_FURNITURE_CHARACTERS and any(
                p.fullmatch(text[start:]) for p in _rules().comment_headings):
            return start
    return None


def _signed(paragraph: str) -> bool:
    """A reader's comment or its signature: the paragraph is "Name, Town, Country", or ends with it after its
    last sentence ("I will miss him. Anna Lee, Leeds, UK")."""
    text = paragraph.rstrip()
    if len(text) > _MAX_FURNITURE_CHARACTERS * 3:
        return False
    tail = text[_sentence_starts(text)[-1]:]
    return bool(_rules().comment_signature.fullmatch(tail))


def _signature_alone(paragraph: str) -> bool:
    return bool(_rules().comment_signature.fullmatch(paragraph.strip()))


def before_comments(paragraphs: tuple[str, ...] | list[str]) -> list[str]:
    """The paragraphs before a readers' comments heading (and the heading's paragraph up to it). The first
    paragraph is the article's whatever it says."""
    for index, paragraph in enumerate(paragraphs[1:], start=1):
        if (at := comments_heading_at(paragraph)) is not None:
            return [*paragraphs[:index], *([paragraph[:at].rstrip()] if at else [])]
    return list(paragraphs)


def without_signed_comments(paragraphs: list[str]) -> list[str]:
    """The article without a closing run of signed readers' comments (a comment and its "Name, Town" line)."""
    end = len(paragraphs)
    while end > 1 and _signed(paragraphs[end - 1]):
        # A signature alone signs the paragraph before it; a signature ending a paragraph signs that paragraph.
        end -= 2 if _signature_alone(paragraphs[end - 1]) and end > 2 and not _signed(paragraphs[end - 2]) else 1
    return paragraphs[:end]


# A quotation: curly marks, straight ones or two apostrophes; one left open runs to the paragraph's end (it
# continues below).
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|''.*?(?:''|$)")
_QUOTE_MARK = re.compile(r"[“”\"]|''")


def _in_reader_voice(paragraph: str) -> bool:
    """'I will miss him!': a first-person word, or an exclamation, outside quotation marks."""
    return bool(_rules().reader_voice.search(_QUOTED.sub(" ", paragraph)))


def _a_reader_speaking(paragraph: str) -> bool:
    """A reader's comment: in a reader's voice and holding no quotation mark at all (a quotation continued over
    paragraphs, '"… France. "I think …', is a speaker's words however its marks pair up)."""
    return not _QUOTE_MARK.search(paragraph) and _in_reader_voice(paragraph)


def without_reader_voice(paragraphs: list[str]) -> list[str]:
    """The article without a closing run of paragraphs in a reader's voice, when all before them is in the third
    person (readers' comments printed with no heading and no signature)."""
    start = len(paragraphs)
    while start > 0 and _a_reader_speaking(paragraphs[start - 1]):
        start -= 1
    before = paragraphs[:start]
    if start == len(paragraphs) or len(before) < _rules().reader_voice_min_article or any(
            _in_reader_voice(p) for p in before):
        return paragraphs
    return before


def count_sentences(paragraph: str) -> int:
    """Sentence ends in a paragraph, at least 1; 0 for a line of fewer than four words (a label, not a sentence)."""
    ends = len(_SENTENCE_END.findall(paragraph.rstrip() + " "))
    return max(1, ends) if len(paragraph.split()) >= 4 else 0


def notice_free_sentences(paragraphs: tuple[str, ...] | list[str]) -> int:
    """How many sentences the paragraphs hold outside notices (a page with fewer is not an article)."""
    return sum(count_sentences(p) for p in paragraphs if not is_notice(p))


def _title_parts(title: str) -> list[str]:
    parts = [title]
    for separator in _rules().title_separators:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [part.strip() for part in parts if part.strip()]


def _is_title_date(part: str) -> bool:
    return any(p.fullmatch(part) for p in _rules().title_dates)


def _is_site(part: str, site: str | None) -> bool:
    squeezed = (site or "").replace(" ", "").lower()
    return bool(squeezed) and part.replace(" ", "").lower() == squeezed


def _is_label(part: str, most_words: int | None = None) -> bool:
    """A section or site name: "World", "The Guardian", "Tech News" (short, every word capitalised)."""
    words = part.split()
    return len(words) <= (most_words or _rules().title_site_words) and all(
        w[:1].isupper() or not w[:1].isalpha() for w in words)


def clean_title(title: str, site: str | None = None, labels: bool = True) -> str:
    """A page title without the site name, section names and dates: "Floods return | World | DW | 19.01.2020"
    -> "Floods return". With `labels` False (a title a person typed) only dates and the site name go."""
    parts = _title_parts(title)
    if len(parts) <= 1:
        return title.strip()
    kept = [part for part in parts if not _is_title_date(part) and not _is_site(part, site)] or parts[:1]
    while labels and len(kept) > 1 and _is_label(kept[-1]):
        kept.pop()
    # A one- or two-word label before the headline: "Opinion | …", "LinkNaija | …".
    while labels and len(kept) > 1 and _is_label(kept[0], most_words=2):
        kept.pop(0)
    # The headline as written, from its first kept part to its last (keeping the separators between them).
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else " - ".join(kept)


def title_from_name(source: str) -> str:
    """A title for a page that has none: its file or web address name, words only ("storm-warning.html" ->
    "Storm warning")."""
    path = urlsplit(source).path if "://" in source else source
    stem = PurePosixPath(unquote(path).rstrip("/")).stem or urlsplit(source).netloc
    words = re.sub(r"[\W_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled article"


def tidy(article: Article, source: str, page: bool = False) -> Article:
    """The article without furniture, notices and readers' comments, datelines cut, and a title (cleaned, never
    empty). A `page`'s title also loses section and site labels ("… | World | The Courier")."""
    paragraphs: list[str] = []
    for index, paragraph in enumerate(before_comments(article.paragraphs)):
        if is_furniture(paragraph) or is_notice(paragraph):
            continue
        if index < 3:
            paragraph = strip_dateline(paragraph)
        paragraphs.append(paragraph)
    paragraphs = without_reader_voice(without_signed_comments(paragraphs))
    title = clean_title(" ".join(article.title.split()), article.source, labels=page)
    if is_furniture(title) or is_notice(title):
        title = ""  # pasted text that starts with "Share this article" or a cookie notice
    if not title and paragraphs and _looks_like_heading(paragraphs[0]):
        title = paragraphs.pop(0)
    return replace(article, title=title or title_from_name(source), paragraphs=tuple(paragraphs))


def _looks_like_heading(paragraph: str) -> bool:
    return len(paragraph.split()) <= 20 and not paragraph.rstrip().endswith((".", "!", "?", "…", '"', "”", ":"))

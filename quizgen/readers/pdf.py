"""PDF articles, with pdfminer.six's layout analysis: text boxes in reading order (one or two columns), running
headers, footers and page numbers dropped, words hyphenated at a line end joined again.

A PDF with pages but no text layer is a scan (pictures of pages): refused with a message saying so, since quizgen
does no OCR.
"""

from __future__ import annotations

import contextvars
import io
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from quizgen.errors import InputError
from quizgen.model import Article

# More pages than this is a report or a book, not an article (pdfminer reads about a dense page a second).
MAX_PAGES = 30
# Lines in the top and bottom margin (this share of the page height) may be running headers and footers.
_MARGIN = 0.08
_MARGIN_LABEL_WORDS = 8
_TITLE_WORDS = 25
_ENDS = (".", "!", "?", "…", '"', "”", "’", ":", ")")
_PAGE_NUMBER = re.compile(r"(?i)(?:page )?\d{1,4}(?: of \d{1,4}| ?/ ?\d{1,4})?|[-–] ?\d{1,4} ?[-–]")
# "exam-\nple" is one word; "well-\nknown" loses its hyphen too (the usual choice of text extractors).
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[a-z])")


# Decompressed bytes one PDF may unpack to: a 20 MB file of zeros compressed 1000:1 is a "zip bomb".
MAX_UNPACKED = 256 * 1024 * 1024
_budget: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("pdf_unpack_budget", default=None)


class _UnpackedTooLargeError(Exception):
    """Raised inside pdfminer when a document's streams unpack past MAX_UNPACKED."""


def _room() -> int:
    """Bytes the document being read may still unpack, plus one (0: no document is being read, no limit)."""
    budget = _budget.get()
    return 0 if budget is None else budget[0] + 1


def _charge(size: int, left_over: bytes) -> None:
    budget = _budget.get()
    if budget is None:
        return
    budget[0] -= size
    if budget[0] < 0 or left_over:
        raise _UnpackedTooLargeError


class _BoundedDecompressor:
    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self.inner.decompress(data, _room())
        _charge(len(out), self.inner.unconsumed_tail)
        return out

    def flush(self, *args: int) -> bytes:
        return self.inner.flush(*args)


class _BoundedZlib:
    """pdfminer's view of zlib: the same calls, with each document's unpacked bytes counted against MAX_UNPACKED
    (pdfminer itself inflates a stream whole, however large)."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        inflate = zlib.decompressobj(wbits)
        out = inflate.decompress(data, _room())
        _charge(len(out), inflate.unconsumed_tail)
        out += inflate.flush()
        if not inflate.eof:
            raise zlib.error("incomplete or truncated stream")  # what zlib.decompress says; pdfminer relies on it
        return out

    def decompressobj(self, *args: int) -> _BoundedDecompressor:
        return _BoundedDecompressor(zlib.decompressobj(*args))


@dataclass(frozen=True)
class _Box:
    """One text box of a page, in PDF points (origin at the bottom left)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    lines: tuple[str, ...]
    size: float  # mean character height: the title is set larger


def _boxes(data: bytes, source: str) -> tuple[list[_Box], list[tuple[float, float]]]:
    """Every text box with its page, and each page's (width, height)."""
    from pdfminer import pdftypes
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    from quizgen.readers import MAX_CHARACTERS  # every reader's limit, checked here page by page

    pdftypes.zlib = _BOUNDED_ZLIB  # type: ignore[attr-defined]
    boxes: list[_Box] = []
    sizes: list[tuple[float, float]] = []
    token = _budget.set([MAX_UNPACKED])
    characters = 0
    try:
        for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams(boxes_flow=None))):
            if number >= MAX_PAGES:
                raise InputError(f"{source}: more than {MAX_PAGES} pages is a report or a book, not an article")
            sizes.append((page.width, page.height))
            page_boxes = _page_boxes(page, number)
            boxes += page_boxes
            characters += sum(len(line) for box in page_boxes for line in box.lines)
            if characters > MAX_CHARACTERS:  # stop reading: the rest of a book is not needed to refuse it
                raise InputError(f"{source}: more than {MAX_CHARACTERS:,} characters by page {number + 1}, far "
                                 f"longer than a news article; split it into articles")
    except InputError:
        raise
    except _UnpackedTooLargeError:
        raise InputError(f"{source}: the PDF unpacks to more than {MAX_UNPACKED // (1024 * 1024)} MB, far more than "
                         f"an article") from None
    except Exception as err:  # pdfminer raises many types on a damaged or encrypted file; none is quizgen's bug
        name = type(err).__name__
        if "Password" in name or "Encrypt" in name:
            raise InputError(f"{source}: the PDF is password-protected; save an unprotected copy") from None
        raise InputError(f"{source}: not a readable PDF ({name})") from None
    finally:
        _budget.reset(token)
    return boxes, sizes


_BOUNDED_ZLIB = _BoundedZlib()


def _page_boxes(page: Any, number: int) -> list[_Box]:
    """The text boxes of one pdfminer page (LTPage)."""
    from pdfminer.layout import LTChar, LTTextBox, LTTextLine

    boxes = []
    for element in page:
        if not isinstance(element, LTTextBox):
            continue
        lines = [line for line in element if isinstance(line, LTTextLine)]
        texts = tuple(t for t in (" ".join(line.get_text().split()) for line in lines) if t)
        heights = [char.size for line in lines for char in line if isinstance(char, LTChar)]
        if texts:
            boxes.append(_Box(number, element.x0, element.y0, element.x1, element.y1, texts,
                              sum(heights) / len(heights) if heights else 0.0))
    return boxes


def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _running_lines(boxes: list[_Box], sizes: list[tuple[float, float]]) -> set[str]:
    """Margin lines that repeat on at least two pages (digits aside): running headers and footers."""
    seen: Counter[str] = Counter()
    for box in boxes:
        height = sizes[box.page][1]
        if box.y0 > height * (1 - _MARGIN) or box.y1 < height * _MARGIN:
            seen.update({_margin_key(line) for line in box.lines})
    return {key for key, pages in seen.items() if pages >= 2}


def _is_page_furniture(box: _Box, sizes: list[tuple[float, float]], running: set[str]) -> bool:
    height = sizes[box.page][1]
    in_margin = box.y0 > height * (1 - _MARGIN) or box.y1 < height * _MARGIN
    if not in_margin:
        return False
    if all(_margin_key(line) in running or _PAGE_NUMBER.fullmatch(line) for line in box.lines):
        return True
    # One short line in the margin that is not a sentence: a header or footer even on a one-page PDF.
    return len(box.lines) == 1 and len(box.lines[0].split()) <= _MARGIN_LABEL_WORDS and not box.lines[0].endswith(
        (".", "!", "?", "”", '"'))


def _reading_order(boxes: list[_Box], width: float) -> list[_Box]:
    """One page's boxes as a reader reads them: top to bottom; between two full-width boxes, the left column
    before the right one."""
    middle = width / 2
    ordered: list[_Box] = []
    left: list[_Box] = []
    right: list[_Box] = []

    def flush() -> None:
        ordered.extend(sorted(left, key=lambda b: -b.y1) + sorted(right, key=lambda b: -b.y1))
        left.clear()
        right.clear()

    for box in sorted(boxes, key=lambda b: -b.y1):
        if box.x1 <= middle + width * 0.02:
            left.append(box)
        elif box.x0 >= middle - width * 0.02:
            right.append(box)
        else:  # spans both columns: a heading or a one-column page
            flush()
            ordered.append(box)
    flush()
    return ordered


def _paragraph(box: _Box) -> str:
    return " ".join(_HYPHENATED.sub("", "\n".join(box.lines)).split())


def read_pdf(data: bytes, source: str) -> Article:
    """A PDF with a text layer as an Article: boxes in reading order, running headers, footers and page numbers dropped,
    the first page's box in the largest type, if short, as title. InputError for a PDF with no pages or no text."""
    boxes, sizes = _boxes(data, source)
    if not sizes:
        raise InputError(f"{source}: the PDF has no pages")
    if not boxes:
        raise InputError(f"{source}: the PDF has no text layer (a scan or pictures of pages); quizgen does not read "
                         f"text from images: export the article as text or a PDF with selectable text")
    running = _running_lines(boxes, sizes)
    body = [box for box in boxes if not _is_page_furniture(box, sizes, running)]
    ordered = [box for page in range(len(sizes))
               for box in _reading_order([b for b in body if b.page == page], sizes[page][0])]
    title_box = _title_box(ordered)
    if title_box is not None:
        ordered.remove(title_box)
    title = _paragraph(title_box) if title_box is not None else ""
    return Article(title=title, paragraphs=tuple(_join_broken(ordered)), path=source)


def _join_broken(ordered: list[_Box]) -> list[str]:
    """Paragraphs, with one that a column or page end breaks in two joined again: a box that stops mid-sentence
    runs on into the next box of the same type size."""
    paragraphs: list[str] = []
    previous: _Box | None = None
    for box in ordered:
        text = _paragraph(box)
        if not text:
            continue
        if previous is not None and abs(previous.size - box.size) < 0.5 and not paragraphs[-1].endswith(_ENDS):
            joined = paragraphs[-1] + "\n" + text
            paragraphs[-1] = " ".join(_HYPHENATED.sub("", joined).split())
        else:
            paragraphs.append(text)
        previous = box
    return paragraphs


def _title_box(ordered: list[_Box]) -> _Box | None:
    """The first page's box in the largest type, when it is larger than the rest and short enough for a title."""
    first_page = [box for box in ordered if box.page == ordered[0].page] if ordered else []
    if not first_page:
        return None
    largest = max(first_page, key=lambda b: b.size)
    if largest.size > min(b.size for b in first_page) and len(_paragraph(largest).split()) <= _TITLE_WORDS:
        return largest
    return None

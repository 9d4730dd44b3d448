"""Word (.docx) articles with python-docx: the title from the document's first heading (what the teacher sees),
else its title property, else a short first line; then the body paragraphs as the document reads now: tracked
insertions kept, tracked deletions and comments left out (comments live outside the body text; deleted text is
`w:delText`, never `w:t`)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from quizgen.errors import InputError
from quizgen.model import Article

# A .docx is a zip: refuse one that would unpack to more than this (a "zip bomb") before python-docx opens it.
MAX_UNPACKED = 100 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Text that is not in the document as it reads now: deleted or moved away (tracked changes).
_GONE = (f"{_W}del", f"{_W}moveFrom")


def _check_package(data: bytes, source: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{source}: not a readable Word document (a damaged .docx)") from None
    if "word/document.xml" not in names:
        raise InputError(f"{source}: a zip archive, not a Word document (.docx)")
    if unpacked > MAX_UNPACKED:
        raise InputError(f"{source}: the Word document unpacks to {unpacked // (1024 * 1024)} MB, far more than an "
                         f"article")


def _paragraph_text(paragraph: Any) -> str:
    pieces: list[str] = []
    for node in paragraph._p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if any(ancestor.tag in _GONE for ancestor in node.iterancestors()):
            continue
        pieces.append(node.text or "" if node.tag == f"{_W}t" else " ")
    return " ".join("".join(pieces).split())


def _is_heading(paragraph: Any) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return style.lower().startswith(("heading", "title"))


def read_docx(data: bytes, source: str) -> Article:
    """A Word document as an Article: title from its first heading, else its title property, else a short first line;
    the other paragraphs as the document reads now. InputError for a damaged or oversized file."""
    _check_package(data, source)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        parts = [(_paragraph_text(p), _is_heading(p)) for p in document.paragraphs]
        title_property = (document.core_properties.title or "").strip()
    except InputError:
        raise
    except Exception as err:  # python-docx and lxml raise many types on a damaged file; none is quizgen's bug
        raise InputError(f"{source}: not a readable Word document ({type(err).__name__})") from None
    parts = [(text, heading) for text, heading in parts if text]
    title = next((text for text, heading in parts if heading), "") or title_property
    # Headings are not sentences: the first is the title, the rest are section labels.
    paragraphs = [text for text, heading in parts if not heading]
    if not title and paragraphs and _looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)  # a document typed without styles: its first short line
    # The file's author property names whoever saved the file (a teacher), not the article's writer: not a byline.
    return Article(title=title, paragraphs=tuple(paragraphs), path=source)


def _looks_like_title(text: str) -> bool:
    return len(text.split()) <= 20 and not text.rstrip().endswith((".", "!", "?", "…", '"', "”"))

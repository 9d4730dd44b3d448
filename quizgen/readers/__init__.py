"""Readers turn an article file into an `Article`, keyed by file suffix (as Pelican's readers are)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quizgen.errors import InputError
from quizgen.model import Article
from quizgen.readers.decode import read_text
from quizgen.readers.html import parse_html
from quizgen.readers.markdown import parse_markdown
from quizgen.readers.text import parse_text

Parser = Callable[[str, str], Article]

READERS: dict[str, Parser] = {
    ".txt": parse_text,
    ".text": parse_text,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
}

MAX_BYTES = 20 * 1024 * 1024


def supported_suffixes() -> tuple[str, ...]:
    return tuple(READERS)


def read_article(path: str | Path) -> Article:
    """Read one article file; raise InputError with a one-line reason when it cannot be used."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article file")
    parser = READERS.get(path.suffix.lower())
    if parser is None:
        kinds = ", ".join(sorted({".txt", ".md", ".html", ".yaml"}))
        raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; use one of {kinds}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size // (1024 * 1024)} MB is too large for an article (limit 20 MB)")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    text = read_text(data, path)
    article = parser(text, str(path))
    if not article.paragraphs:
        raise InputError(f"{path}: no article text found (only a title or page furniture)")
    return article

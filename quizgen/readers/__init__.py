"""Readers turn an article file into an `Article`, keyed by file suffix (as Pelican's readers are)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quizgen.errors import InputError
from quizgen.model import Article
from quizgen.readers.decode import read_regular_file, read_text
from quizgen.readers.html import parse_html
from quizgen.readers.language import looks_english
from quizgen.readers.markdown import parse_markdown
from quizgen.readers.normalize import bound_article
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
# About 50,000 words: ten times the longest feature. Beyond it a file is a book or a dump, and parsing it would
# take minutes.
MAX_CHARACTERS = 300_000


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
    data = read_regular_file(path, MAX_BYTES, what="article")  # a FIFO or /dev/zero is refused, not read forever
    text = read_text(data, path)
    if len(text) > MAX_CHARACTERS:
        raise InputError(f"{path}: {len(text):,} characters is far longer than a news article (limit "
                         f"{MAX_CHARACTERS:,}); split it into articles")
    article = bound_article(parser(text, str(path)))  # no control characters, no unbounded runs, words or lines
    if not article.paragraphs:
        raise InputError(f"{path}: no article text found (only a title or page furniture)")
    if not looks_english(" ".join(article.paragraphs)):
        raise InputError(f"{path}: the article does not look like English; only English articles are supported")
    return article

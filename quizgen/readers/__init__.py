"""Readers turn an article (a file, a web address, standard input) into an `Article`.

One registry, `REGISTRY`: each reader names the suffixes, content types and leading bytes it takes, and the
function that parses them. A reader is chosen by the file suffix, else by the content type a web server sent, else
by sniffing the first bytes (standard input has neither). Adding a reader is one module and one line here. As in
Pelican, a reader whose optional library is missing is `enabled = False` and says how to install it
(`disabled_message`) instead of crashing.

Every reader's article then goes through the same checks (furniture.tidy, the size limit on the text, "not an
article", English), so a PDF, a Word file and a saved page are refused or kept on the same rules.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from quizgen.errors import InputError
from quizgen.model import Article
from quizgen.readers.decode import read_regular_file, read_text
from quizgen.readers.furniture import is_notice, notice_free_sentences, tidy
from quizgen.readers.language import looks_english
from quizgen.readers.normalize import bound_article

# Bytes read from a file or a web page before quizgen gives up (a 382 KB saved page is ordinary; 20 MB is not).
MAX_BYTES = 20 * 1024 * 1024
# About 50,000 words of *article text* (after page chrome is gone): ten times the longest feature. Beyond it a file
# is a book or a dump, and parsing it would take minutes.
MAX_CHARACTERS = 300_000
# A web page with fewer sentences than this outside cookie, subscription and sponsor notices is not an article.
MIN_PAGE_SENTENCES = 5
STDIN = "-"


@dataclass(frozen=True)
class Reader:
    """One input kind: where it is recognised and the function "module:name" that parses it.

    The function takes decoded text when `decoded` (quizgen decodes the bytes first: UTF-8, UTF-16, cp1252) or raw
    bytes otherwise, and the source name; it returns an `Article`.
    """

    name: str
    function: str
    suffixes: tuple[str, ...] = ()
    content_types: tuple[str, ...] = ()
    magic: tuple[bytes, ...] = ()  # leading bytes, compared lower-cased after leading white space
    decoded: bool = True
    requires: tuple[str, ...] = ()  # importable modules it needs
    install: str = ""  # what to install when they are missing
    is_page: bool = False  # a web page: refused when its text is only notices

    @property
    def enabled(self) -> bool:
        """True when every module the reader `requires` is installed."""
        return all(importlib.util.find_spec(module) is not None for module in self.requires)

    def disabled_message(self) -> str:
        """What to install to read this kind of file ("reading PDF files needs pdfminer.six: pip install …")."""
        return f"reading {self.name.upper()} files needs {self.install}: pip install '{self.install}'"

    def parse(self, content: str | bytes, source: str) -> Article:
        """Run the reader's function on decoded text (`decoded`) or raw bytes."""
        if not self.enabled:
            raise InputError(f"{source}: {self.disabled_message()}")
        module_name, function_name = self.function.split(":")
        parser: Callable[[str | bytes, str], Article] = getattr(importlib.import_module(module_name), function_name)
        return parser(content, source)


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REGISTRY: tuple[Reader, ...] = (
    Reader("text", "quizgen.readers.text:parse_text", (".txt", ".text"), ("text/plain",)),
    Reader("markdown", "quizgen.readers.markdown:parse_markdown", (".md", ".markdown"), ("text/markdown",)),
    Reader("html", "quizgen.readers.html:parse_html", (".html", ".htm", ".xhtml"),
           ("text/html", "application/xhtml+xml"), (b"<!doctype html", b"<html", b"<?xml"), is_page=True),
    Reader("pdf", "quizgen.readers.pdf:read_pdf", (".pdf",), ("application/pdf",), (b"%pdf-",), decoded=False,
           requires=("pdfminer",), install="pdfminer.six"),
    Reader("docx", "quizgen.readers.docx:read_docx", (".docx",), (DOCX_TYPE,), (b"pk\x03\x04",), decoded=False,
           requires=("docx",), install="python-docx"),
)
# Suffix -> reader, for the folder listing and the CLI's help.
READERS: dict[str, Reader] = {suffix: reader for reader in REGISTRY for suffix in reader.suffixes}
_TEXT, _HTML = REGISTRY[0], REGISTRY[2]
# Documents teachers have that a reader above can take once converted.
_CONVERT = {suffix: f" (save it as .docx or PDF from {program})" for suffixes, program in (
    ((".doc", ".rtf"), "Word"), ((".odt",), "LibreOffice"), ((".pages",), "Pages"))
    for suffix in suffixes} | {".mhtml": " (save the page as HTML only)", ".mht": " (save the page as HTML only)"}


def reader_for(source: str, suffix: str = "", content_type: str = "", head: bytes = b"") -> Reader:
    """The reader for an input: by suffix, else content type, else the first bytes; plain text when none says."""
    if suffix:
        reader = READERS.get(suffix.lower())
        if reader is _TEXT and _sniff(head) is _HTML:
            return _HTML  # a web page saved or pasted into a .txt file
        if reader is not None:
            return reader
        kinds = ", ".join(sorted(READERS))
        hint = _CONVERT.get(suffix.lower(), "")
        raise InputError(f"{source}: unsupported file type {suffix!r}{hint}; use one of {kinds}, .yaml")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type:
        for reader in REGISTRY:
            if media_type in reader.content_types:
                return reader
        raise InputError(f"{source}: the server sent {media_type}, not a web page, PDF or Word document")
    return _sniff(head) or _TEXT


def _sniff(head: bytes) -> Reader | None:
    """The reader whose leading bytes the data starts with, if any."""
    start = head.lstrip()[:32].lower()
    return next((r for r in REGISTRY if any(start.startswith(magic) for magic in r.magic)), None)


def read_bytes(data: bytes, source: str, suffix: str = "", content_type: str = "") -> Article:
    """Parse an article held in memory, then apply the checks every reader shares."""
    reader = reader_for(source, suffix, content_type, data[:1024])
    content: str | bytes = data
    if reader.decoded:
        # read_text only names its input in messages: the source as given ("https://…", not a Path's "https:/…").
        content = read_text(data, source)  # type: ignore[arg-type]
        # A page's size is its article text, known only after parsing; plain text is refused before it is parsed.
        if not reader.is_page:
            _check_length(len(content), source)
    parsed = bound_article(reader.parse(content, source))  # no control characters, no unbounded runs or lines
    article = tidy(parsed, source, page=reader.is_page)
    _check_length(len(article.text), source)
    if reader.is_page:
        _check_is_article(parsed, article, source)
    if not article.paragraphs:
        raise InputError(f"{source}: no article text found (only a title or page furniture)")
    if not looks_english(" ".join(article.paragraphs)):
        raise InputError(f"{source}: the article does not look like English; only English articles are supported")
    return article


def _check_is_article(parsed: Article, article: Article, source: str) -> None:
    """A page with fewer than MIN_PAGE_SENTENCES sentences outside notices is refused as not an article."""
    sentences = notice_free_sentences(article.paragraphs)
    if sentences >= MIN_PAGE_SENTENCES:
        return
    noticed = any(is_notice(p) for p in parsed.paragraphs)
    why = " (a paywall or consent page?)" if noticed else ""
    raise InputError(f"{source}: no article text found: only {sentences} sentence{'s' * (sentences != 1)} outside "
                     f"cookie, subscription, sponsor and newsletter notices, so the page is not an article{why}")


def _check_length(characters: int, source: str) -> None:
    if characters > MAX_CHARACTERS:
        raise InputError(f"{source}: {characters:,} characters is far longer than a news article (limit "
                         f"{MAX_CHARACTERS:,}); split it into articles")


_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,15}://")


def is_web_address(name: str | Path) -> bool:
    """An address to fetch ("https://…"; other schemes are refused by the URL reader), not a file name."""
    return isinstance(name, str) and _ADDRESS.match(name) is not None


def is_remote(name: str | Path) -> bool:
    """Standard input or a web address: an input with no file behind it."""
    return str(name) == STDIN or is_web_address(name)


def read_article(path: str | Path) -> Article:
    """Read one article (a file, `-` for standard input, or an http(s) address); raise InputError with a one-line
    reason when it cannot be used."""
    if str(path) == STDIN:
        return read_bytes(read_stream(sys.stdin.buffer, "standard input"), STDIN)
    if is_web_address(path):
        from quizgen.readers.url import fetch

        page = fetch(str(path))
        if page.content_type:
            return read_bytes(page.data, page.url, content_type=page.content_type)
        # A server that sent only "a file": the address's suffix when a reader knows it, else the first bytes.
        suffix = PurePosixPath(urlsplit(page.url).path).suffix.lower()
        return read_bytes(page.data, page.url, suffix=suffix if suffix in READERS else "")
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article file")
    if path.exists():  # an unsupported suffix is refused before anything is read
        reader_for(str(path), path.suffix or "(none)")
    data = read_regular_file(path, MAX_BYTES, what="article")  # missing, a FIFO, /dev/zero: one line, never a hang
    return read_bytes(data, str(path), suffix=path.suffix or "(none)")


def read_stream(stream: BinaryIO, source: str) -> bytes:
    """At most MAX_BYTES from a stream; more is refused (the read stops there, whatever the stream holds)."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{source}: more than {MAX_BYTES // (1024 * 1024)} MB is too large for an article "
                         f"(limit 20 MB)")
    return data


__all__ = ["MAX_BYTES", "MAX_CHARACTERS", "READERS", "REGISTRY", "STDIN", "Reader",
           "is_remote", "is_web_address", "read_article", "read_bytes", "reader_for"]

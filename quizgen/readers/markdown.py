"""Markdown articles: YAML front matter (title, author, date, source, url) and Markdown stripped to text."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from quizgen.errors import InputError, YamlFileError
from quizgen.model import Article
from quizgen.readers.normalize import bound_text, cut_title
from quizgen.readers.text import parse_text
from quizgen.yamlio import load_yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)

# Markdown to text, one substitution at a time. Each pattern runs on untrusted text, so none can rescan the same
# characters from many starting points: a bracket or emphasis span may not hold its own opening mark (so a run of
# "[" or " *x" is linear, not quadratic), blocks are matched within a line ([ \t], not \s, which crosses lines),
# and an unclosed comment or code fence runs to the end of the text, as CommonMark reads it.
_MARKUP: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"```.*?(?:```|\Z)", re.S), ""),  # code
    (re.compile(r"<!--.*?(?:-->|\Z)", re.S), ""),  # comments
    (re.compile(r"!\[[^\]\[]*\]\([^()]*\)"), ""),  # images
    (re.compile(r"\[([^\]\[]+)\]\([^()]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.M), ""),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", re.M), ""),  # list items
    (re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),  # rules
    (re.compile(r"\*\*([^*\n]+?)\*\*|__([^_\n]+?)__"), lambda m: m.group(1) or m.group(2)),  # strong
    (re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])"),
     lambda m: m.group(1) or m.group(2)),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
)

# Front-matter fields read as text; anything else in the front matter is ignored.
_TEXT_FIELDS = ("title", "author", "byline", "source", "site", "url")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def strip_markdown(text: str) -> str:
    """Markdown as plain text: code, comments and images dropped, links as their text, heading and list marks gone."""
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text


def read_front_matter(block: str, path: str) -> dict[str, object]:
    """The front matter as a mapping, read like facts.yaml (anchors and aliases refused before anything is built, so
    no "billion laughs"), with its field types checked. Line numbers count from the file's first line."""
    fields = {key: value for key, value in _load_fields(block, path).items() if value is not None}
    for key in _TEXT_FIELDS:
        if key in fields:
            fields[key] = _text(fields[key], key, block, path)
    if "title" in fields:
        fields["title"] = cut_title(str(fields["title"]))
    if "date" in fields:
        fields["date"] = _date(fields["date"], block, path)
    return fields


def _load_fields(block: str, path: str) -> dict[str, object]:
    # "\n" first: the block starts on the file's second line, after the opening "---".
    source = "\n" + block
    try:
        loaded = load_yaml(source, path)
    except YamlFileError as err:
        raise InputError(str(err).replace("not valid YAML", "front matter is not valid YAML", 1)) from None
    except ValueError as err:  # a YAML timestamp that is no real date: "date: 2024-02-30"
        line, key = _bad_date(block)
        raise InputError(f"{path}:{line}: front matter: {key} is not a real date ({err})") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise InputError(f"{path}:2: front matter should be fields (title: …, date: …), not a "
                         f"{type(loaded).__name__}")
    return {str(key): value for key, value in loaded.items()}


_DATE_FIELD = re.compile(r"^([\w-]+):[ \t]*['\"]?(\d{4}-\d{2}-\d{2})", re.M)


def _bad_date(block: str) -> tuple[int, str]:
    """The file line and key of the first field holding an impossible date (line 2, "date" when none is found)."""
    for match in _DATE_FIELD.finditer(block):
        try:
            datetime.date.fromisoformat(match.group(2))
        except ValueError:
            return block.count("\n", 0, match.start()) + 2, match.group(1)
    return 2, "date"


def _line_of(block: str, key: str) -> int:
    """The file line of `key:` in the front matter (the line after "---" when it is not found)."""
    for number, line in enumerate(block.split("\n"), start=2):
        if line.startswith(f"{key}:"):
            return number
    return 2


def _text(value: object, key: str, block: str, path: str) -> str:
    # A number or a date is read as written ("title: 1984"); a list or a mapping is not a title, but a list of
    # authors is a byline ("author: [Sam Lee, Jo Bloggs]").
    if key in {"author", "byline"} and isinstance(value, list) and value:
        return ", ".join(_text(name, key, block, path) for name in value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float, datetime.date)):
        raise InputError(f"{path}:{_line_of(block, key)}: front matter: {key} should be text, not "
                         f"{'a list' if isinstance(value, list) else type(value).__name__}")
    return " ".join(str(value).split())


def _date(value: object, block: str, path: str) -> str:
    line = _line_of(block, "date")
    if isinstance(value, datetime.date):  # a datetime is a date too
        return value.isoformat()[:10]
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{path}:{line}: front matter: date should be a date like 2026-01-31, not "
                         f"{type(value).__name__}")
    text = " ".join(value.split())
    if _ISO_DATE.match(text):
        try:
            datetime.date.fromisoformat(text[:10])
        except ValueError as err:
            raise InputError(f"{path}:{line}: front matter: date is not a real date ({err})") from None
    return text


def parse_markdown(text: str, path: str) -> Article:
    """A Markdown article: title, author (or byline) and date from the front matter, else from the text's first lines;
    source (or site) from the front matter only; the body as plain text."""
    meta: dict[str, object] = {}
    if m := _FRONT_MATTER.match(text):
        meta = read_front_matter(m.group(1), path)
        text = text[m.end():]
    body = strip_markdown(bound_text(text))
    title = str(meta.get("title") or "").strip()
    if title:
        body = f"{title}\n\n{body}"
        # A heading that repeats the front-matter title is not a paragraph.
        body = re.sub(rf"\n\n{re.escape(title)}[ \t]*\n", "\n\n", body, count=1)
    article = parse_text(body, path)
    author = meta.get("author") or meta.get("byline")
    return Article(
        title=article.title,
        paragraphs=article.paragraphs,
        byline=str(author) if author else article.byline,
        date=str(meta["date"]) if meta.get("date") else article.date,
        source=str(meta.get("source") or meta.get("site") or "") or None,
        path=path,
    )

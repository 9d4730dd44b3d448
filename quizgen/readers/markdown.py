"""Markdown articles: YAML front matter (title, author, date, source, url) and Markdown stripped to text."""

from __future__ import annotations

import re

import yaml

from quizgen.errors import InputError
from quizgen.model import Article
from quizgen.readers.text import parse_text

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.S)


def strip_markdown(text: str) -> str:
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their text
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", text, flags=re.M)
    text = re.sub(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return text


def parse_markdown(text: str, path: str) -> Article:
    meta: dict[str, object] = {}
    if m := _FRONT_MATTER.match(text):
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as err:
            raise InputError(f"{path}: front matter is not valid YAML ({str(err).splitlines()[0]})") from None
        if isinstance(loaded, dict):
            meta = loaded
        text = text[m.end():]
    body = strip_markdown(text)
    title = str(meta.get("title") or "").strip()
    if title:
        body = f"{title}\n\n{body}"
        # A heading that repeats the front-matter title is not a paragraph.
        body = re.sub(rf"\n\n{re.escape(title)}\s*\n", "\n\n", body, count=1)
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

"""FactSheet ↔ facts.yaml: a versioned schema a teacher can read and edit, with an exact round trip."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from quizgen.errors import FactsFileError
from quizgen.model import Entity, FactSheet, Gloss, KeySentence, NumberFact, Quote, Sentence, WhQuestion
from quizgen.textutil import slugify
from quizgen.yamlio import dump_yaml, load_yaml, node_line, with_checksum

SCHEMA_VERSION = 1
HEADER = """\
# quizgen facts file (schema 1). Edit it, then build from it: quizgen make facts.yaml
# - fix a speaker, a name or a description in place;
# - set `enabled: false` on a fact to keep it out of every quiz, or delete the fact;
# - add a fact by copying one and giving it a new id and the index of the sentence it rests on.
"""

# section name -> (record class, required fields)
_SECTIONS: dict[str, tuple[type, tuple[str, ...]]] = {
    "entities": (Entity, ("id", "name", "type", "sentence")),
    "quotes": (Quote, ("id", "text", "speaker", "sentence")),
    "numbers": (NumberFact, ("id", "text", "kind", "sentence")),
    "glosses": (Gloss, ("id", "term", "meaning", "sentence")),
    "key_sentences": (KeySentence, ("id", "sentence", "score")),
    "questions": (WhQuestion, ("id", "sentence", "wh", "question", "answer")),
}
_ARTICLE_KEYS = ("title", "slug", "byline", "date", "source", "path")
_TOP_KEYS = ("schema", "article", "sentences", *_SECTIONS)


def _record(obj: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, tuple):
            value = list(value)
        data[f.name] = value
    return data


def dump_facts(facts: FactSheet) -> str:
    doc: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "article": {
            "title": facts.title,
            "slug": facts.slug,
            "byline": facts.byline,
            "date": facts.date,
            "source": facts.source,
            "path": facts.article_path,
        },
        "sentences": [{"index": s.index, "paragraph": s.paragraph, "text": s.text} for s in facts.sentences],
    }
    for name in _SECTIONS:
        doc[name] = [_record(r) for r in getattr(facts, name)]
    return with_checksum(HEADER + dump_yaml(doc))


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path

    def fail(self, keys: tuple[str | int, ...], message: str) -> FactsFileError:
        line = node_line(self.text, keys)
        where = ".".join(str(k) if isinstance(k, str) else f"[{k}]" for k in keys).replace(".[", "[")
        return FactsFileError(f"{self.path}:{line or 1}: {where}: {message}")

    def typed(self, keys: tuple[str | int, ...], value: Any, kind: type | tuple[type, ...], name: str) -> Any:
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.fail(keys, f"should be {name}, not {type(value).__name__}")
        return value


_FIELD_TYPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "str": (str, "text"),
    "str | None": ((str, type(None)), "text or empty"),
    "int": (int, "a whole number"),
    "int | None": ((int, type(None)), "a whole number or empty"),
    "float": ((float, int), "a number"),
    "float | None": ((float, int, type(None)), "a number or empty"),
    "bool": (bool, "true or false"),
    "tuple[str, ...]": (list, "a list"),
}


def _build(reader: _Reader, section: str, index: int, raw: Any, sentence_count: int) -> Any:
    cls, required = _SECTIONS[section]
    keys: tuple[str | int, ...] = (section, index)
    if not isinstance(raw, dict):
        raise reader.fail(keys, "should be a mapping of field: value")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in raw:
        if key not in fields:
            known = ", ".join(fields)
            raise reader.fail((*keys, key), f"unknown field {key!r} (known: {known})")
    for key in required:
        if raw.get(key) is None:
            raise reader.fail(keys, f"missing required field {key!r}")
    values: dict[str, Any] = {}
    for name, value in raw.items():
        kind, label = _FIELD_TYPES[str(fields[name].type)]
        value = reader.typed((*keys, name), value, kind, label)
        if str(fields[name].type) == "tuple[str, ...]":
            if not all(isinstance(v, str) for v in value):
                raise reader.fail((*keys, name), "should be a list of text")
            value = tuple(value)
        if str(fields[name].type).startswith("float") and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        values[name] = value
    for name in ("sentence", "description_sentence"):
        position = values.get(name)
        if isinstance(position, int) and not 0 <= position < sentence_count:
            raise reader.fail((*keys, name), f"sentence {position} does not exist (the article has {sentence_count})")
    return cls(**values)


def parse_facts(text: str, path: str) -> FactSheet:
    reader = _Reader(text, path)
    data = load_yaml(text, path)
    if not isinstance(data, dict):
        raise FactsFileError(f"{path}:1: a facts file is a mapping with `schema`, `article` and `sentences`")
    for key in data:
        if key not in _TOP_KEYS:
            raise reader.fail((key,), f"unknown section {key!r} (known: {', '.join(_TOP_KEYS)})")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise reader.fail(("schema",), "missing or not a whole number")
    if schema > SCHEMA_VERSION:
        raise reader.fail(("schema",), f"schema {schema} is newer than this quizgen understands "
                                       f"({SCHEMA_VERSION}); upgrade quizgen")
    article = data.get("article")
    if not isinstance(article, dict) or not isinstance(article.get("title"), str) or not article["title"].strip():
        raise reader.fail(("article",), "needs a `title`")
    for key in article:
        if key not in _ARTICLE_KEYS:
            raise reader.fail(("article", key), f"unknown field {key!r}")
    raw_sentences = data.get("sentences")
    if not isinstance(raw_sentences, list) or not raw_sentences:
        raise reader.fail(("sentences",), "needs at least one sentence")
    sentences: list[Sentence] = []
    for i, raw in enumerate(raw_sentences):
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise reader.fail(("sentences", i), "each sentence needs `text`")
        paragraph = raw.get("paragraph", 0)
        if not isinstance(paragraph, int) or isinstance(paragraph, bool):
            raise reader.fail(("sentences", i, "paragraph"), "should be a whole number")
        if raw.get("index", i) != i:
            raise reader.fail(("sentences", i, "index"), f"should be {i}: sentences are numbered in order")
        sentences.append(Sentence(index=i, paragraph=paragraph, text=raw["text"]))
    sections: dict[str, tuple[Any, ...]] = {}
    for name in _SECTIONS:
        items = data.get(name) or []
        if not isinstance(items, list):
            raise reader.fail((name,), "should be a list")
        built = tuple(_build(reader, name, i, raw, len(sentences)) for i, raw in enumerate(items))
        ids = [r.id for r in built]
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise reader.fail((name,), f"id {dup!r} is used twice")
        sections[name] = built

    def text_or_none(key: str) -> str | None:
        value = article.get(key)
        return str(value) if value is not None else None

    return FactSheet(
        title=article["title"],
        slug=slugify(str(article.get("slug") or article["title"])),
        sentences=tuple(sentences),
        byline=text_or_none("byline"),
        date=text_or_none("date"),
        source=text_or_none("source"),
        article_path=text_or_none("path"),
        **sections,
    )


def read_facts(path: str | Path) -> FactSheet:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FactsFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise FactsFileError(f"{path}: cannot read ({err})") from None
    if not text.strip():
        raise FactsFileError(f"{path}: the file is empty")
    return parse_facts(text, str(path))

"""FactSheet ↔ facts.yaml: a versioned schema a teacher can read and edit, with an exact round trip."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from quizgen.errors import FactsFileError
from quizgen.model import Entity, FactSheet, Gloss, KeySentence, NumberFact, Quote, Sentence, WhQuestion
from quizgen.textutil import slugify
from quizgen.yamlio import (
    InvalidValueError,
    SchemaReader,
    dump_yaml,
    load_yaml,
    read_yaml_text,
    scalar_text,
    slug_field,
    with_checksum,
)

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
    """facts.yaml text for `facts`: header, article, sentences and each fact section, with a checksum line."""
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


def _title(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError("needs a `title` (text)")
    return value


_ARTICLE_KINDS: dict[str, Any] = {"title": _title, "slug": slug_field, "byline": scalar_text, "date": scalar_text,
                                  "source": scalar_text, "path": scalar_text}
_SENTENCE_KINDS: dict[str, Any] = {"index": "int", "paragraph": "int", "text": "str"}


def _schema(reader: SchemaReader, data: Any) -> None:
    if not isinstance(data, dict):
        raise reader.fail((), "a facts file is a mapping with `schema`, `article` and `sentences`")
    for key in data:
        if key not in _TOP_KEYS:
            raise reader.fail((str(key),), f"unknown section {key!r} (known: {', '.join(_TOP_KEYS)})")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise reader.fail(("schema",), "missing or not a whole number")
    if schema > SCHEMA_VERSION:
        raise reader.fail(("schema",), f"schema {schema} is newer than this quizgen understands "
                                       f"({SCHEMA_VERSION}); upgrade quizgen")


def _sentences(reader: SchemaReader, raw_sentences: Any) -> tuple[Sentence, ...]:
    if not isinstance(raw_sentences, list) or not raw_sentences:
        raise reader.fail(("sentences",), "needs at least one sentence")
    sentences: list[Sentence] = []
    for i, raw in enumerate(raw_sentences):
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise reader.fail(("sentences", i), "each sentence needs `text`")
        values = reader.mapping(("sentences", i), raw, _SENTENCE_KINDS)
        if values.get("index", i) != i:
            raise reader.fail(("sentences", i, "index"), f"should be {i}: sentences are numbered in order")
        sentences.append(Sentence(index=i, paragraph=values.get("paragraph", 0), text=values["text"]))
    return tuple(sentences)


def _build(reader: SchemaReader, section: str, index: int, raw: Any, sentence_count: int) -> Any:
    cls, required = _SECTIONS[section]
    keys: tuple[str | int, ...] = (section, index)
    kinds: dict[str, Any] = {f.name: str(f.type) for f in dataclasses.fields(cls)}
    values = reader.mapping(keys, raw, kinds, required)
    for name in ("sentence", "description_sentence"):
        position = values.get(name)
        if isinstance(position, int) and not 0 <= position < sentence_count:
            raise reader.fail((*keys, name), f"sentence {position} does not exist (the article has {sentence_count})")
    return cls(**values)


def _section(reader: SchemaReader, name: str, items: Any, sentence_count: int) -> tuple[Any, ...]:
    if not isinstance(items, list):
        raise reader.fail((name,), "should be a list")
    built = tuple(_build(reader, name, i, raw, sentence_count) for i, raw in enumerate(items))
    ids = [r.id for r in built]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise reader.fail((name,), f"id {dup!r} is used twice")
    return built


def parse_facts(text: str, path: str) -> FactSheet:
    """facts.yaml text -> FactSheet; FactsFileError naming file, line and field for anything the schema refuses."""
    reader = SchemaReader(text, path, FactsFileError)
    data = load_yaml(text, path, FactsFileError)
    _schema(reader, data)
    if not isinstance(data.get("article"), dict) or "title" not in data["article"]:
        raise reader.fail(("article",), "needs a `title`")
    article = reader.mapping(("article",), data["article"], _ARTICLE_KINDS)
    sentences = _sentences(reader, data.get("sentences"))
    sections = {name: _section(reader, name, data.get(name) or [], len(sentences)) for name in _SECTIONS}
    return FactSheet(
        title=article["title"],
        slug=article.get("slug") or slugify(article["title"]),
        sentences=sentences,
        byline=article.get("byline"),
        date=article.get("date"),
        source=article.get("source"),
        article_path=article.get("path"),
        **sections,
    )


def read_facts(path: str | Path) -> FactSheet:
    """Read and check a facts.yaml (UTF-8, a regular file of sane size)."""
    path = Path(path)
    return parse_facts(read_yaml_text(path, FactsFileError), str(path))

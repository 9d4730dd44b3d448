"""Gold files (hand-made answers to score extraction against) read through a schema: every key they may hold is
listed here with its type, and a bad file is one error naming the file, line and field (GoldFileError, exit 1).

The format is the one of ../shared/gold/*.yaml, tests/fixtures/gold/*.yaml and the PolNeAR benchmark's gold files
(../shared/bench/README.md). Every section is optional; a section that is absent is `None`, so a quotes-only gold
file (PolNeAR) is not scored as if it listed no entities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen.errors import GoldFileError
from quizgen.yamlio import load_yaml, node_line, read_yaml_text

SOURCE_KINDS = ("name", "description", "pronoun", "relative")
RESOLVED_BY = ("corenlp-coref", "nearest-named-source", "preceding-phrase")


@dataclass(frozen=True)
class GoldQuote:
    """A quotation a careful reader finds, with who said it."""

    text: str  # the quoted words as the article writes them (PolNeAR: the longest run, at most 12 words)
    speaker: str  # the source as the article writes it, or for a pronoun the name it refers to
    speaker_ok: tuple[str, ...] = ()  # other accepted forms of the speaker
    speaker_description: str | None = None  # who the speaker is, as the article describes them
    source_kind: str | None = None  # name, description, pronoun or relative (who / which / that)
    source_as_written: str | None = None  # a pronoun or relative source as written ("He")
    resolved_by: str | None = None  # how a pronoun's name was found (see RESOLVED_BY)
    partial: bool = False  # a quoted fragment inside reported speech


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: tuple[str, ...]  # accepted entity types, a list even when there is one
    aliases: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class GoldNumber:
    value: float | None = None
    text: str | None = None  # the amount as written; matched on words when there is no value ("nearly a third")
    about: str | None = None


@dataclass(frozen=True)
class GoldGloss:
    term: str
    meaning: str


@dataclass(frozen=True)
class Gold:
    """One gold file. A section the file does not have is None (not scored), an empty one is ()."""

    path: str
    article: str | None = None  # the article's file name
    title: str | None = None
    byline: str | None = None
    boilerplate: tuple[str, ...] = ()  # page furniture lines the reader must drop
    quotes: tuple[GoldQuote, ...] | None = None
    other_quotes: tuple[str, ...] = ()  # real quotations not scored: finding one is not an error
    not_quotes: tuple[str, ...] = ()  # quoted titles, glosses and scare quotes: finding one as speech is an error
    entities: tuple[GoldEntity, ...] | None = None
    numbers: tuple[GoldNumber, ...] | None = None
    glosses: tuple[GoldGloss, ...] | None = None
    key_facts: tuple[str, ...] | None = None


Keys = tuple[str | int, ...]


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path

    def fail(self, keys: Keys, message: str) -> GoldFileError:
        where = ".".join(str(k) if isinstance(k, str) else f"[{k}]" for k in keys).replace(".[", "[")
        return GoldFileError(f"{self.path}:{node_line(self.text, keys) or 1}: {where}: {message}")


# A field's reader checks the raw YAML value and returns the typed one, or raises through the reader.
FieldReader = Callable[[_Reader, Keys, Any], Any]


def _text(reader: _Reader, keys: Keys, value: Any) -> str:
    # YAML reads `speaker: 1984` or `text: yes` as a number or a bool; they are still words on the page.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise reader.fail(keys, f"should be text, not {_kind(value)}")


def _optional_text(reader: _Reader, keys: Keys, value: Any) -> str | None:
    return None if value is None else _text(reader, keys, value)


def _text_list(reader: _Reader, keys: Keys, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise reader.fail(keys, f"should be a list of text, not {_kind(value)} (write [{value}])")
    return tuple(_text(reader, (*keys, i), v) for i, v in enumerate(value))


def _bool(reader: _Reader, keys: Keys, value: Any) -> bool:
    if not isinstance(value, bool):
        raise reader.fail(keys, f"should be true or false, not {_kind(value)}")
    return value


def _number(reader: _Reader, keys: Keys, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise reader.fail(keys, f"should be a number, not {_kind(value)}")
    return float(value)


def _one_of(choices: tuple[str, ...]) -> FieldReader:
    def read(reader: _Reader, keys: Keys, value: Any) -> str | None:
        if value is not None and value not in choices:
            raise reader.fail(keys, f"should be one of {', '.join(choices)}, not {value!r}")
        return value

    return read


def _kind(value: Any) -> str:
    return {str: "text", list: "a list", dict: "a mapping", bool: "true/false", type(None): "empty"}.get(
        type(value), type(value).__name__)


# record class -> {field: (reader, required)}: the whole schema of a gold file's records.
_RECORDS: dict[type, dict[str, tuple[FieldReader, bool]]] = {
    GoldQuote: {
        "text": (_text, True), "speaker": (_text, True), "speaker_ok": (_text_list, False),
        "speaker_description": (_optional_text, False), "source_kind": (_one_of(SOURCE_KINDS), False),
        "source_as_written": (_optional_text, False), "resolved_by": (_one_of(RESOLVED_BY), False),
        "partial": (_bool, False),
    },
    GoldEntity: {
        "name": (_text, True), "type": (_text_list, True), "aliases": (_text_list, False),
        "description": (_optional_text, False),
    },
    GoldNumber: {"value": (_number, False), "text": (_optional_text, False), "about": (_optional_text, False)},
    GoldGloss: {"term": (_text, True), "meaning": (_text, True)},
}


def _record(reader: _Reader, cls: type, keys: Keys, raw: Any) -> Any:
    fields = _RECORDS[cls]
    if not isinstance(raw, dict):
        raise reader.fail(keys, f"should be a mapping of field: value, not {_kind(raw)}")
    for name in raw:
        if name not in fields:
            raise reader.fail((*keys, name), f"unknown field {name!r} (known: {', '.join(fields)})")
    for name, (_, required) in fields.items():
        if required and raw.get(name) is None:
            raise reader.fail(keys, f"missing required field {name!r}")
    return cls(**{name: fields[name][0](reader, (*keys, name), value) for name, value in raw.items()})


def _records(cls: type) -> FieldReader:
    def read(reader: _Reader, keys: Keys, value: Any) -> tuple[Any, ...] | None:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise reader.fail(keys, f"should be a list, not {_kind(value)}")
        return tuple(_record(reader, cls, (*keys, i), raw) for i, raw in enumerate(value))

    return read


def _number_record(reader: _Reader, keys: Keys, value: Any) -> tuple[GoldNumber, ...]:
    numbers = _records(GoldNumber)(reader, keys, value)
    for i, number in enumerate(numbers):
        if number.value is None and number.text is None:
            raise reader.fail((*keys, i), "needs a `value` or a `text`")
    return numbers


# top-level key -> reader of its value
_TOP: dict[str, FieldReader] = {
    "article": _optional_text, "title": _optional_text, "byline": _optional_text, "boilerplate": _text_list,
    "quotes": _records(GoldQuote), "other_quotes": _text_list, "not_quotes": _text_list,
    "entities": _records(GoldEntity), "numbers": _number_record, "glosses": _records(GoldGloss),
    "key_facts": _text_list,
}


def parse_gold(text: str, path: str) -> Gold:
    """A gold file's text → Gold, or GoldFileError naming the file, line and field."""
    reader = _Reader(text, path)
    data = load_yaml(text, path, GoldFileError)
    if data is None:
        raise GoldFileError(f"{path}:1: the gold file is empty")
    if not isinstance(data, dict):
        raise GoldFileError(f"{path}:1: a gold file is a mapping with quotes, entities, numbers, glosses, key_facts")
    for name in data:
        if name not in _TOP:
            raise reader.fail((str(name),), f"unknown key {name!r} (known: {', '.join(_TOP)})")
    return Gold(path=path, **{name: _TOP[name](reader, (name,), value) for name, value in data.items()})


def read_gold(path: str | Path) -> Gold:
    """The gold file at `path`; a missing, unreadable, non-UTF-8 or malformed one is a GoldFileError."""
    path = Path(path)
    if path.is_dir():
        raise GoldFileError(f"{path}: is a folder, not a gold file")
    if not path.exists():
        raise GoldFileError(f"{path}: no such gold file")
    return parse_gold(read_yaml_text(path, GoldFileError), str(path))

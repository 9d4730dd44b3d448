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
from quizgen.yamlio import InvalidValueError, Keys, SchemaReader, load_yaml, read_yaml_text

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


# The checks below raise InvalidValueError; yamlio.SchemaReader (the reader of facts.yaml and quiz.yaml) turns it
# into a GoldFileError naming the file, the line and the field.


def _words(value: Any) -> str:
    """Text as the article writes it; YAML reads `speaker: 1984` or `text: yes` as a number or a bool."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    raise InvalidValueError("should be text")


def _word_list(value: Any) -> tuple[str, ...]:
    """A list of text; a lone value is refused rather than read letter by letter ('type: PERSON')."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InvalidValueError(f"should be a list of text, not a single value (write [{value}])")
    for index, member in enumerate(value):
        if isinstance(member, list | dict) or member is None:
            raise InvalidValueError("should be text", at=(index,))
    return tuple(_words(member) for member in value)


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value is not None and value not in choices:
            raise InvalidValueError(f"should be one of {', '.join(choices)}, not {value!r}")
        return value

    return check


def _optional_words(value: Any) -> str | None:
    return None if value is None else _words(value)


Kind = str | Callable[[Any], Any]
# record class -> ({field: kind}, required fields): the whole schema of a gold file's records (kinds by
# yamlio.KINDS name, or a check of their own).
_RECORDS: dict[type, tuple[dict[str, Kind], tuple[str, ...]]] = {
    GoldQuote: ({"text": _words, "speaker": _words, "speaker_ok": _word_list, "speaker_description": _optional_words,
                 "source_kind": _one_of(SOURCE_KINDS), "source_as_written": _optional_words,
                 "resolved_by": _one_of(RESOLVED_BY), "partial": "bool"}, ("text", "speaker")),
    GoldEntity: ({"name": _words, "type": _word_list, "aliases": _word_list, "description": _optional_words},
                 ("name", "type")),
    GoldNumber: ({"value": "float | None", "text": _optional_words, "about": _optional_words}, ()),
    GoldGloss: ({"term": _words, "meaning": _words}, ("term", "meaning")),
}


def _records(reader: SchemaReader, keys: Keys, value: Any, cls: type) -> tuple[Any, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise reader.fail(keys, "should be a list")
    kinds, required = _RECORDS[cls]
    return tuple(cls(**reader.mapping((*keys, i), raw, kinds, required)) for i, raw in enumerate(value))


def _numbers(reader: SchemaReader, keys: Keys, value: Any) -> tuple[GoldNumber, ...]:
    numbers = _records(reader, keys, value, GoldNumber)
    for i, number in enumerate(numbers):
        if number.value is None and number.text is None:
            raise reader.fail((*keys, i), "needs a `value` or a `text`")
    return numbers


# top-level key -> how its value is read
_TOP: dict[str, Callable[[SchemaReader, Keys, Any], Any]] = {
    **{name: lambda r, k, v: r.check(k, v, _optional_words) for name in ("article", "title", "byline")},
    **{name: lambda r, k, v: r.check(k, v, _word_list)
       for name in ("boilerplate", "other_quotes", "not_quotes", "key_facts")},
    "quotes": lambda r, k, v: _records(r, k, v, GoldQuote),
    "entities": lambda r, k, v: _records(r, k, v, GoldEntity),
    "glosses": lambda r, k, v: _records(r, k, v, GoldGloss),
    "numbers": _numbers,
}


def parse_gold(text: str, path: str) -> Gold:
    """A gold file's text → Gold, or GoldFileError naming the file, line and field."""
    reader = SchemaReader(text, path, GoldFileError)
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

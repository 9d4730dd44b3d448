"""quiz.yaml <-> Quiz: every item with its id, type, question, options, answer and source sentence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from quizgen.errors import QuizFileError
from quizgen.model import ITEM_TYPES, OPTION_LETTERS, ClozeBlank, Item, Quiz, cloze_parts
from quizgen.textutil import slugify
from quizgen.versions import numbered
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

QUIZ_SCHEMA = 1
HEADER = "# quizgen quiz (schema 1): every item, with the article sentence it rests on.\n"


def _item_record(item: Item) -> dict[str, Any]:
    record: dict[str, Any] = {"id": item.id, "type": item.type, "question": item.question}
    if item.options:
        record["options"] = list(item.options)
    if item.fixed_order:
        record["fixed_order"] = True
    record["answer"] = item.answer
    if item.accepted:
        record["accepted"] = list(item.accepted)
    if item.blanks:
        record["blanks"] = list(item.blanks)
        record["cloze"] = item.cloze
    if item.pairs:
        record["pairs"] = [{"left": left, "right": right} for left, right in item.pairs]
    record["source"] = item.source
    record["paragraph"] = item.paragraph
    if item.explanation:
        record["explanation"] = item.explanation
    record.update({"template": item.template, "fact": item.fact, "difficulty": item.difficulty,
                   "tags": list(item.tags), "entity_types": list(item.entity_types)})
    return record


def dump_quiz(quiz: Quiz, versions: Sequence[Quiz] = ()) -> str:
    """quiz.yaml text for `quiz`: its metadata, counts by type and every item, then each printed version's order and
    answers, with a checksum line."""
    doc: dict[str, Any] = {
        "schema": QUIZ_SCHEMA,
        "title": quiz.title,
        "slug": quiz.slug,
        "byline": quiz.byline,
        "date": quiz.date,
        "source": quiz.source,
        "seed": quiz.seed,
        "requested": quiz.requested,
        "reading_grade": quiz.reading_grade,
        "bank_extras": list(quiz.bank_extras),
        "counts": quiz.count_by_type(),
    }
    if quiz.shortfall:
        doc["shortfall"] = quiz.shortfall
    doc["items"] = [_item_record(i) for i in quiz.items]
    if versions:
        # Each printed version: its items in worksheet order, with the answer as the key prints it.
        doc["versions"] = {v.version: [{"number": n, "id": item.id, "answer": _printed_answer(item)}
                                       for n, item in numbered(v)] for v in versions}
    return with_checksum(HEADER + dump_yaml(doc))


def _printed_answer(item: Item) -> str:
    if item.type == "mcq":
        return f"{item.answer_letter}. {item.answer}"
    if item.type == "true_false":
        return "T" if item.answer == "True" else "F"
    return item.answer


# Counts every writer handles: an option or a matching pair needs a letter (model.OPTION_LETTERS, A-J).
OPTIONS_RANGE = (2, len(OPTION_LETTERS))
PAIRS_RANGE = (2, len(OPTION_LETTERS))
BLANKS_RANGE = (1, 10)
_ITEM_REQUIRED = ("id", "type", "question", "answer", "source", "template", "fact")
_TOP_REQUIRED = ("schema", "title", "items")


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not all(
            isinstance(p, dict) and set(p) == {"left", "right"} and all(isinstance(v, str) and v.strip()
                                                                         for v in p.values()) for p in value):
        raise InvalidValueError("should be a list of {left: text, right: text}")
    return tuple((p["left"], p["right"]) for p in value)


def _non_empty(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError("should be text, not empty" if isinstance(value, str) or value is None else
                                f"should be text, not {type(value).__name__}")
    return value


def _item_kind(value: Any) -> str:
    if value not in ITEM_TYPES:
        raise InvalidValueError(f"should be one of {', '.join(ITEM_TYPES)}")
    return str(value)


def _between(low: int, high: int) -> Any:
    def check(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise InvalidValueError(f"should be a whole number from {low} to {high}")
        return value
    return check


def _schema_version(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidValueError("should be a whole number: the schema version quizgen wrote")
    if value > QUIZ_SCHEMA:
        raise InvalidValueError(f"schema {value} is newer than this quizgen understands ({QUIZ_SCHEMA}); "
                                f"upgrade quizgen")
    return value


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidValueError("should be a mapping")
    return value


_ITEM_KINDS: dict[str, Any] = {
    "id": _non_empty, "type": _item_kind, "question": _non_empty, "options": "tuple[str, ...]",
    "fixed_order": "bool", "answer": _non_empty, "accepted": "tuple[str, ...]", "blanks": "tuple[str, ...]",
    "cloze": "str | None", "pairs": _pairs, "source": _non_empty, "paragraph": "int",
    "explanation": "str | None", "template": "str", "fact": "str", "difficulty": _between(1, 3),
    "tags": "tuple[str, ...]", "entity_types": "tuple[str, ...]",
}
_TOP_KINDS: dict[str, Any] = {
    "schema": _schema_version, "title": _non_empty, "slug": slug_field, "byline": scalar_text,
    "date": scalar_text, "source": scalar_text, "seed": "int", "requested": "int",
    "reading_grade": "float | None", "bank_extras": "tuple[str, ...]", "counts": _mapping, "shortfall": "str | None",
    "items": lambda v: v, "versions": _mapping,
}


def _count(reader: SchemaReader, keys: tuple[str | int, ...], values: tuple[Any, ...], bounds: tuple[int, int],
           what: str) -> None:
    low, high = bounds
    if not low <= len(values) <= high:
        raise reader.fail(keys, f"has {len(values)} {what}; an item has {low} to {high}")


def _distinct(reader: SchemaReader, keys: tuple[str | int, ...], values: tuple[str, ...], what: str,
              inner: tuple[str, ...] = ()) -> None:
    """Each value once; the error points at the second of two equal values (keys + its index + inner keys)."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise reader.fail((*keys, index, *inner), f"{what} {value!r} is there twice")
        seen.add(value)


def _check_mcq(reader: SchemaReader, keys: tuple[str | int, ...], item: dict[str, Any]) -> None:
    options = item.get("options", ())
    _count(reader, (*keys, "options"), options, OPTIONS_RANGE, "options")
    _distinct(reader, (*keys, "options"), options, "option")
    if item["answer"] not in options:
        raise reader.fail((*keys, "answer"), f"{item['answer']!r} is not one of the options")


def _check_true_false(reader: SchemaReader, keys: tuple[str | int, ...], item: dict[str, Any]) -> None:
    if item.get("options", ("True", "False")) != ("True", "False"):
        raise reader.fail((*keys, "options"), "a true/false item's options are 'True' and 'False', in that order")
    if item["answer"] not in ("True", "False"):
        raise reader.fail((*keys, "answer"), "should be 'True' or 'False'")


def _check_cloze(reader: SchemaReader, keys: tuple[str | int, ...], item: dict[str, Any]) -> None:
    blanks = item.get("blanks", ())
    _count(reader, (*keys, "blanks"), blanks, BLANKS_RANGE, "blanks")
    if not all(b.strip() for b in blanks):
        raise reader.fail((*keys, "blanks"), "a blank cannot be empty")
    if not item.get("cloze"):
        raise reader.fail(keys, "a cloze item needs `cloze`: the sentence with each blank marked {{c1::...}}")
    marked = tuple(part for part in cloze_parts(item["cloze"]) if isinstance(part, ClozeBlank))
    if tuple(b.number for b in marked) != tuple(range(1, len(marked) + 1)):
        raise reader.fail((*keys, "cloze"), "blanks should be numbered c1, c2, ... in order")
    if tuple(b.answer for b in marked) != blanks:
        raise reader.fail((*keys, "cloze"), f"its blanks {[b.answer for b in marked]} do not match `blanks` "
                                            f"{list(blanks)}")
    filled = "".join(part if isinstance(part, str) else part.answer for part in cloze_parts(item["cloze"]))
    if _unbroken(filled) != _unbroken(item["source"]) or not _in_order(blanks, item["source"]):
        raise reader.fail((*keys, "cloze"), "with its blanks filled in, it should read as the item's `source`")


def _in_order(blanks: tuple[str, ...], source: str) -> bool:
    """Each blank found in the source after the one before (the answer key prints the source, blanks marked)."""
    position = 0
    for blank in blanks:
        found = source.find(blank, position)
        if found < 0:
            return False
        position = found + len(blank)
    return True


def _unbroken(text: str) -> str:
    """Text without its spaces: build_cloze breaks "{{", "}}" and "::" in article text with a space (so it cannot
    open a deletion), and the filled cloze then differs from the source in those spaces only."""
    return "".join(text.split())


def _check_matching(reader: SchemaReader, keys: tuple[str | int, ...], item: dict[str, Any]) -> None:
    pairs = item.get("pairs", ())
    _count(reader, (*keys, "pairs"), pairs, PAIRS_RANGE, "pairs")


def _check_short_answer(reader: SchemaReader, keys: tuple[str | int, ...], item: dict[str, Any]) -> None:
    if not all(a.strip() for a in item.get("accepted", ())):
        raise reader.fail((*keys, "accepted"), "an accepted answer cannot be empty")


# What each item type's writers rely on, checked when the file is read.
_TYPE_RULES: dict[str, Callable[[SchemaReader, tuple[str | int, ...], dict[str, Any]], None]] = {
    "mcq": _check_mcq, "true_false": _check_true_false, "cloze": _check_cloze, "matching": _check_matching,
    "short_answer": _check_short_answer,
}


def _item(reader: SchemaReader, index: int, raw: Any) -> Item:
    keys: tuple[str | int, ...] = ("items", index)
    values = {"paragraph": 1, **reader.mapping(keys, raw, _ITEM_KINDS, _ITEM_REQUIRED)}
    _TYPE_RULES[values["type"]](reader, keys, values)
    return Item(**values)


def parse_quiz(text: str, path: str) -> Quiz:
    """quiz.yaml text -> Quiz; QuizFileError naming file, line and field for anything a writer could not print."""
    reader = SchemaReader(text, path, QuizFileError)
    data = load_yaml(text, path, QuizFileError)
    if not isinstance(data, dict):
        raise reader.fail((), "a quiz file is a mapping with `schema`, `title` and `items`")
    top = reader.mapping((), data, _TOP_KINDS, _TOP_REQUIRED)
    if not isinstance(top["items"], list):  # may be empty: `make` then says no item could be made
        raise reader.fail(("items",), "should be a list of items")
    items = tuple(_item(reader, index, raw) for index, raw in enumerate(top["items"]))
    _distinct(reader, ("items",), tuple(item.id for item in items), "id", ("id",))
    slug = top.get("slug") or slugify(top["title"])
    return Quiz(title=top["title"], slug=slug, seed=top.get("seed", 0), requested=top.get("requested", len(items)),
                items=items, byline=top.get("byline"), date=top.get("date"), source=top.get("source"),
                article_id=slug, reading_grade=top.get("reading_grade"), bank_extras=top.get("bank_extras", ()),
                shortfall=top.get("shortfall"))


def read_quiz(path: str | Path) -> Quiz:
    """Read and check a quiz.yaml (UTF-8, a regular file of sane size)."""
    path = Path(path)
    return parse_quiz(read_yaml_text(path, QuizFileError), str(path))

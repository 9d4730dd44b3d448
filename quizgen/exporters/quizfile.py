"""quiz.yaml: every item with its id, type, question, options, answer and source sentence."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quizgen.errors import FactsFileError
from quizgen.model import ITEM_TYPES, Item, Quiz
from quizgen.versions import numbered
from quizgen.yamlio import dump_yaml, load_yaml, with_checksum

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


def parse_quiz(text: str, path: str) -> Quiz:
    data = load_yaml(text, path)
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise FactsFileError(f"{path}:1: a quiz file is a mapping with `items`")
    if not isinstance(data.get("schema"), int) or data["schema"] > QUIZ_SCHEMA:
        raise FactsFileError(f"{path}: schema {data.get('schema')!r} is not one this quizgen understands")
    items = []
    for index, raw in enumerate(data["items"]):
        if not isinstance(raw, dict) or raw.get("type") not in ITEM_TYPES:
            raise FactsFileError(f"{path}: items[{index}]: needs a `type` from {', '.join(ITEM_TYPES)}")
        try:
            items.append(Item(
                id=str(raw["id"]), type=raw["type"], question=str(raw["question"]), answer=str(raw["answer"]),
                source=str(raw["source"]), paragraph=int(raw.get("paragraph", 1)), template=str(raw["template"]),
                fact=str(raw["fact"]), options=tuple(raw.get("options") or ()),
                fixed_order=bool(raw.get("fixed_order", False)),
                accepted=tuple(raw.get("accepted") or ()), cloze=raw.get("cloze"),
                blanks=tuple(raw.get("blanks") or ()),
                pairs=tuple((p["left"], p["right"]) for p in raw.get("pairs") or ()),
                explanation=raw.get("explanation"), tags=tuple(raw.get("tags") or ()),
                entity_types=tuple(raw.get("entity_types") or ()), difficulty=int(raw.get("difficulty", 2)),
            ))
        except (KeyError, TypeError, ValueError) as err:
            raise FactsFileError(f"{path}: items[{index}]: missing or malformed field ({err})") from None
    return Quiz(title=str(data.get("title", "")), slug=str(data.get("slug", "")), seed=int(data.get("seed", 0)),
                requested=int(data.get("requested", len(items))), items=tuple(items), byline=data.get("byline"),
                date=data.get("date"), source=data.get("source"), article_id=str(data.get("slug", "")),
                reading_grade=data.get("reading_grade"), bank_extras=tuple(data.get("bank_extras") or ()))


def read_quiz(path: str | Path) -> Quiz:
    path = Path(path)
    return parse_quiz(path.read_text(encoding="utf-8"), str(path))

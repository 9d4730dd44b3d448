"""JSON (`.quiz.json`): the whole quiz with every field of every item, described by the JSON Schema shipped as
`quizgen/data/quiz.schema.json`."""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
from typing import Any

from quizgen.model import Quiz
from quizgen.versions import numbered

JSON_SCHEMA_VERSION = 1


def schema() -> dict[str, Any]:
    return json.loads((importlib.resources.files("quizgen") / "data" / "quiz.schema.json").read_text("utf-8"))


def quiz_document(quiz: Quiz) -> dict[str, Any]:
    items = []
    for number, item in numbered(quiz):
        record = {"number": number, **dataclasses.asdict(item)}
        record["pairs"] = [{"left": left, "right": right} for left, right in item.pairs]
        record["answer_letter"] = item.answer_letter or None
        items.append(record)
    return {"schema": JSON_SCHEMA_VERSION, "title": quiz.title, "slug": quiz.slug, "byline": quiz.byline,
            "date": quiz.date, "source": quiz.source, "seed": quiz.seed, "reading_grade": quiz.reading_grade,
            "bank_extras": list(quiz.bank_extras), "items": items}


def dump_json(quiz: Quiz) -> str:
    return json.dumps(quiz_document(quiz), ensure_ascii=False, indent=2) + "\n"

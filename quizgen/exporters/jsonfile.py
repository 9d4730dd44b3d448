"""JSON (`.quiz.json`): the whole quiz with every field of every item, described by the JSON Schema shipped as
`quizgen/data/quiz.schema.json`."""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
from pathlib import Path
from typing import Any

from quizgen.exporters.common import ExportSettings, clean_quiz, output_path
from quizgen.model import Quiz
from quizgen.outputs import write_atomic
from quizgen.versions import numbered

SUFFIX = ".quiz.json"

JSON_SCHEMA_VERSION = 1


def schema() -> dict[str, Any]:
    """The JSON Schema the document follows."""
    return json.loads((importlib.resources.files("quizgen") / "data" / "quiz.schema.json").read_text("utf-8"))


def quiz_document(quiz: Quiz) -> dict[str, Any]:
    """The quiz as plain data: every item field, numbered in worksheet order."""
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
    """The JSON text (UTF-8, indented, a final newline)."""
    return json.dumps(quiz_document(clean_quiz(quiz)), ensure_ascii=False, indent=2) + "\n"


def write(quiz: Quiz, folder: Path, settings: ExportSettings) -> list[str]:
    """Write `<slug>.quiz.json`; it holds everything, so there is nothing to report."""
    write_atomic(output_path(folder, quiz, SUFFIX), dump_json(quiz))
    return []

"""Kahoot (`.kahoot.xlsx`), laid out as Kahoot's quiz spreadsheet template: from row 9, column B the question,
C–F the answers, G the time limit and H the number of the correct answer.

Kahoot takes multiple choice and true/false only, questions of at most 120 characters and answers of at most 75;
anything else is skipped and reported. Every cell is written as a string cell, so text starting with "=" stays
text (openpyxl would store it as a live formula).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from quizgen.exporters.archive import with_fixed_times
from quizgen.exporters.common import ExportSettings, clean_quiz, output_path, skipped_summary
from quizgen.model import Item, Quiz
from quizgen.outputs import write_atomic
from quizgen.versions import numbered

SUFFIX = ".kahoot.xlsx"

MAX_QUESTION, MAX_ANSWER = 120, 75
TIME_LIMIT = 30
FIRST_ROW = 9


def kahoot_rows(quiz: Quiz) -> tuple[list[tuple[str, list[str], int]], list[str]]:
    """(question, answers, correct answer number) for what fits, and a reason for each item that does not."""
    rows, skipped = [], []
    for number, item in numbered(quiz):
        reason = _unfit(item)
        if reason:
            skipped.append(f"Q{number}: {reason}")
            continue
        options = list(item.options)
        rows.append((item.question, options, options.index(item.answer) + 1))
    return rows, skipped


def _unfit(item: Item) -> str | None:
    if item.type not in {"mcq", "true_false"}:
        return f"{item.type.replace('_', ' ')}: not a Kahoot type"
    if len(item.question) > MAX_QUESTION:
        return f"question over {MAX_QUESTION} characters"
    long = [o for o in item.options if len(o) > MAX_ANSWER]
    if long:
        return f"an answer over {MAX_ANSWER} characters"
    if len(item.options) > 4:
        return "more than four answers"
    if item.answer not in item.options:
        return "the answer is not among the options"
    return None


def _put(sheet: Any, row: int, column: int, value: str | int) -> None:
    """A number as a number; text always as a string cell, never a formula."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"


def dump_kahoot_xlsx(quiz: Quiz) -> tuple[bytes, list[str]]:
    """The workbook bytes, and 'Qn: reason' for each item Kahoot cannot hold."""
    from openpyxl import Workbook  # only when this format is asked for
    from openpyxl.writer.excel import ExcelWriter

    quiz = clean_quiz(quiz)
    rows, skipped = kahoot_rows(quiz)
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    _put(sheet, 2, 2, f"Quiz: {quiz.title}")
    _put(sheet, 4, 2, "Made by quizgen from the article; import it in Kahoot with Create > Import spreadsheet.")
    headers = ["Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
               "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
               "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one"]
    for column, header in enumerate(headers, start=2):
        _put(sheet, FIRST_ROW - 1, column, header)
    for offset, (question, answers, correct) in enumerate(rows):
        row = FIRST_ROW + offset
        _put(sheet, row, 1, offset + 1)
        _put(sheet, row, 2, question)
        for k, answer in enumerate(answers):
            _put(sheet, row, 3 + k, answer)
        _put(sheet, row, 7, TIME_LIMIT)
        _put(sheet, row, 8, correct)
    fixed = datetime(2020, 1, 1)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = "quizgen"
    raw = io.BytesIO()
    # ExcelWriter rather than book.save(), which stamps `modified` with the current time.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return with_fixed_times(raw.getvalue()), skipped


def write(quiz: Quiz, folder: Path, settings: ExportSettings) -> list[str]:
    """Write `<slug>.kahoot.xlsx`; returns one notice naming the items Kahoot cannot hold, if any."""
    path = output_path(folder, quiz, SUFFIX)
    data, skipped = dump_kahoot_xlsx(quiz)
    write_atomic(path, data)
    return [f"{path.name}: {skipped_summary(skipped, len(quiz.items))}"] if skipped else []

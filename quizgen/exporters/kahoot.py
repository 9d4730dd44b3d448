"""Kahoot (`.kahoot.xlsx`), laid out as Kahoot's quiz spreadsheet template: from row 9, column B the question,
C–F the answers, G the time limit and H the number of the correct answer.

Kahoot takes multiple choice and true/false only, questions of at most 120 characters and answers of at most 75;
anything else is skipped and reported.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from quizgen.exporters.archive import with_fixed_times
from quizgen.model import Item, Quiz
from quizgen.versions import numbered

MAX_QUESTION, MAX_ANSWER = 120, 75
TIME_LIMIT = 30
FIRST_ROW = 9


def skipped_summary(skipped: list[str], total: int) -> str:
    """One line: 'kept 5 of 20; skipped Q1, Q3 (question over 120 characters); Q9, Q10 (cloze …)'."""
    by_reason: dict[str, list[str]] = {}
    for entry in skipped:
        number, reason = entry.split(": ", 1)
        by_reason.setdefault(reason, []).append(number)
    parts = [f"{', '.join(numbers)} ({reason})" for reason, numbers in by_reason.items()]
    return f"kept {total - len(skipped)} of {total} items; skipped " + "; ".join(parts)


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
    return None


def dump_kahoot_xlsx(quiz: Quiz) -> tuple[bytes, list[str]]:
    from openpyxl import Workbook  # only when this format is asked for
    from openpyxl.writer.excel import ExcelWriter

    rows, skipped = kahoot_rows(quiz)
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet["B2"] = f"Quiz: {quiz.title}"
    sheet["B4"] = "Made by quizgen from the article; import it in Kahoot with Create > Import spreadsheet."
    headers = ["Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
               "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
               "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one"]
    for column, header in enumerate(headers, start=2):
        sheet.cell(row=FIRST_ROW - 1, column=column, value=header)
    for offset, (question, answers, correct) in enumerate(rows):
        row = FIRST_ROW + offset
        sheet.cell(row=row, column=1, value=offset + 1)
        sheet.cell(row=row, column=2, value=question)
        for k, answer in enumerate(answers):
            sheet.cell(row=row, column=3 + k, value=answer)
        sheet.cell(row=row, column=7, value=TIME_LIMIT)
        sheet.cell(row=row, column=8, value=correct)
    fixed = datetime(2020, 1, 1)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = "quizgen"
    raw = io.BytesIO()
    # ExcelWriter rather than book.save(), which stamps `modified` with the current time.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return with_fixed_times(raw.getvalue()), skipped

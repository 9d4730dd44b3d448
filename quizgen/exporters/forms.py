"""Google Forms (`.forms.gs`): an Apps Script file a teacher pastes into script.google.com and runs (createQuiz)
to make the quiz as a Google Form, with Google's documented FormApp service:
https://developers.google.com/apps-script/reference/forms

Multiple choice and true/false become multiple-choice items with the right choice marked and a point each; a
short answer becomes a text item worth a point, with the accepted answers as its feedback (FormApp cannot set an
answer key for text items: they are graded by hand). Cloze and matching items have no FormApp quiz equivalent and
are skipped and reported. The quiz is one JSON literal in the script, so no article text is ever script code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizgen.exporters.common import ExportSettings, clean_quiz, output_path, skipped_summary, source_line
from quizgen.model import Item, Quiz
from quizgen.outputs import write_atomic
from quizgen.versions import numbered

SUFFIX = ".forms.gs"

SCRIPT = """\
// quizgen: a Google Forms quiz. Open script.google.com, make a new project, paste this file over the code there,
// then choose createQuiz and Run. The new form's edit link is written to the execution log.

const QUIZ = {data};

function createQuiz() {{
  const form = FormApp.create(QUIZ.title);
  form.setIsQuiz(true);
  form.setDescription(QUIZ.description);
  QUIZ.items.forEach(function (question) {{
    const feedback = FormApp.createFeedback().setText(question.feedback).build();
    if (question.kind === "choice") {{
      const item = form.addMultipleChoiceItem();
      item.setTitle(question.title)
        .setPoints(question.points)
        .setChoices(question.options.map(function (option, index) {{
          return item.createChoice(option, index === question.correct);
        }}));
      item.setFeedbackForCorrect(feedback);
      item.setFeedbackForIncorrect(feedback);
    }} else {{
      const item = form.addTextItem();
      item.setTitle(question.title).setPoints(question.points);
      item.setGeneralFeedback(feedback);
    }}
  }});
  Logger.log("Edit the quiz: " + form.getEditUrl());
}}
"""


def _choice(number: int, item: Item) -> dict[str, Any]:
    title = item.question if item.type == "mcq" else f"True or false? {item.question}"
    return {"kind": "choice", "title": f"{number}. {title}", "options": list(item.options),
            "correct": item.options.index(item.answer), "points": 1, "feedback": source_line(item)}


def _text(number: int, item: Item) -> dict[str, Any]:
    accepted = ", ".join(dict.fromkeys((item.answer, *item.accepted)))
    return {"kind": "text", "title": f"{number}. {item.question}", "points": 1,
            "feedback": f"Accepted answers: {accepted}. {source_line(item)}"}


# One function per item type that Google Forms can hold; the others are skipped with a reason.
QUESTIONS: dict[str, Callable[[int, Item], dict[str, Any]]] = {"mcq": _choice, "true_false": _choice,
                                                                "short_answer": _text}


def forms_questions(quiz: Quiz) -> tuple[list[dict[str, Any]], list[str]]:
    """The questions the script creates, and 'Qn: reason' for each item it cannot."""
    questions, skipped = [], []
    for number, item in numbered(quiz):
        if item.type not in QUESTIONS:
            skipped.append(f"Q{number}: {item.type.replace('_', ' ')}: not a Google Forms quiz type")
        elif item.type != "short_answer" and item.answer not in item.options:
            skipped.append(f"Q{number}: the answer is not among the options")
        else:
            questions.append(QUESTIONS[item.type](number, item))
    return questions, skipped


def dump_forms_script(quiz: Quiz) -> tuple[str, list[str]]:
    """The Apps Script text, and the skipped items."""
    quiz = clean_quiz(quiz)
    questions, skipped = forms_questions(quiz)
    data = {"title": quiz.title, "description": f"Made by quizgen from “{quiz.title}”.", "items": questions}
    # JSON is a JavaScript expression; the two line separators JSON allows in strings are escaped for older parsers.
    literal = json.dumps(data, ensure_ascii=False, indent=2).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return SCRIPT.format(data=literal), skipped


def write(quiz: Quiz, folder: Path, settings: ExportSettings) -> list[str]:
    """Write `<slug>.forms.gs`; returns one notice naming the items Google Forms cannot hold, if any."""
    path = output_path(folder, quiz, SUFFIX)
    script, skipped = dump_forms_script(quiz)
    write_atomic(path, script)
    return [f"{path.name}: {skipped_summary(skipped, len(quiz.items))}"] if skipped else []

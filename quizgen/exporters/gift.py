"""Moodle GIFT (`.gift.txt`): https://docs.moodle.org/en/GIFT_format

One question per block, `::title::` first, then `[html]`: Moodle would otherwise read the text in its auto-format,
where article text such as `<b>` or `<script>` becomes live markup. So question text, options and feedback are
HTML-escaped, then GIFT's special characters `~ = # { } :` (and the backslash) are backslashed. Short answers stay
plain text (students' typing is compared with them), with `*` escaped so it is not a wildcard.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen.exporters.common import (
    ExportSettings,
    blank_choices,
    blank_pieces,
    clean_quiz,
    escape_gift,
    escape_gift_html,
    escape_gift_short_answer,
    output_path,
    source_line,
    word_bank,
)
from quizgen.model import ClozeBlank, Item, Quiz
from quizgen.outputs import write_atomic
from quizgen.versions import numbered

SUFFIX = ".gift.txt"
# After a blank that ends the sentence: text must follow the closing brace, or Moodle reads the braces as the
# answers of an ordinary question and the gap is lost. A no-break space is invisible and survives PHP's trim().
_END_OF_SENTENCE = "&nbsp;"


def _feedback(item: Item) -> str:
    return f"####{escape_gift_html(source_line(item))}"


def _title(number: int | str, item: Item) -> str:
    return f"::Q{number} {escape_gift(item.template)}::[html]"


def _mcq(number: int, item: Item, bank: list[str]) -> list[str | Skipped]:
    answers = " ".join(("=" if o == item.answer else "~") + escape_gift_html(o) for o in item.options)
    return [f"{_title(number, item)}{escape_gift_html(item.question)} {{{answers} {_feedback(item)}}}"]


def _true_false(number: int, item: Item, bank: list[str]) -> list[str | Skipped]:
    truth = "TRUE" if item.answer == "True" else "FALSE"
    return [f"{_title(number, item)}{escape_gift_html(item.question)} {{{truth} {_feedback(item)}}}"]


@dataclass(frozen=True)
class Skipped:
    """A question GIFT cannot hold: its label ("Q3", "Q4b") and why."""

    label: str
    reason: str


# A short answer is plain text that cannot be escaped, so two readings of Moodle's GIFT reader cannot be avoided:
# any answer text holding "->" (and no "~") makes a matching question, and a leading "%50%" is a partial-credit
# weight. Such a typed answer cannot travel in GIFT.
_PAIR_ARROW = "->"
_WEIGHT = re.compile(r"^\s*%-*[0-9]{1,2}\.?[0-9]*%")  # Moodle's own answer-weight pattern
_TYPED_REASON = "a typed answer holding '->' or starting '%n%', which Moodle's GIFT reader would misread"


def _typeable(answer: str) -> bool:
    return _PAIR_ARROW not in answer and not _WEIGHT.match(answer)


def _short_answer(number: int, item: Item, bank: list[str]) -> list[str | Skipped]:
    every = list(dict.fromkeys((item.answer, *item.accepted)))
    forms = [a for a in every if _typeable(a)]
    if not forms:
        return [Skipped(f"Q{number}", _TYPED_REASON)]
    answers = " ".join("=" + escape_gift_short_answer(a) for a in forms)
    # The question travels with its other answers; each answer it cannot carry is still reported.
    dropped: list[str | Skipped] = [Skipped(f"Q{number}", f"its accepted answer {a!r}: {_TYPED_REASON}")
                                    for a in every if a not in forms]
    return [f"{_title(number, item)}{escape_gift_html(item.question)} {{{answers} {_feedback(item)}}}", *dropped]


def _matching(number: int, item: Item, bank: list[str]) -> list[str | Skipped]:
    # The left side is HTML (its `->` becomes `-&gt;`); Moodle splits each pair at the first `->`.
    pairs = " ".join(f"={escape_gift_html(left)} -> {escape_gift(right)}" for left, right in item.pairs)
    return [f"{_title(number, item)}{escape_gift_html(item.question)} {{{pairs} {_feedback(item)}}}"]


def _filled(parts: tuple[str | ClozeBlank, ...]) -> str:
    """Cloze pieces with their blanks filled in, escaped for a GIFT [html] question."""
    return escape_gift_html("".join(p.answer if isinstance(p, ClozeBlank) else p for p in parts))


def _cloze(number: int, item: Item, bank: list[str]) -> list[str | Skipped]:
    """GIFT's missing-word format holds one blank, so each blank is its own question with the other blanks
    filled in; the wrong choices are bank words of the blank's own kind."""
    pieces = blank_pieces(item)
    blanks = [k for k, part in enumerate(pieces) if isinstance(part, ClozeBlank)]
    questions: list[str | Skipped] = []
    for order, at in enumerate(blanks):
        blank = pieces[at]
        assert isinstance(blank, ClozeBlank)
        before, after = _filled(pieces[:at]), _filled(pieces[at + 1:])
        wrong = blank_choices(item, blank.answer, bank)
        suffix = "abcdefghij"[order] if len(blanks) > 1 else ""
        if not wrong and not _typeable(blank.answer):
            questions.append(Skipped(f"Q{number}{suffix}", _TYPED_REASON))
            continue
        # With no wrong choices Moodle makes it a short answer, whose answer is plain text compared with typing.
        right = escape_gift_html(blank.answer) if wrong else escape_gift_short_answer(blank.answer)
        choices = " ".join(["=" + right, *("~" + escape_gift_html(w) for w in wrong)])
        questions.append(f"{_title(f'{number}{suffix}', item)}{before}{{{choices} {_feedback(item)}}}"
                         f"{after or _END_OF_SENTENCE}")
    return questions


# One function per item type: its GIFT questions (a cloze item has one per blank).
WRITERS: dict[str, Callable[[int, Item, list[str]], Sequence[str | Skipped]]] = {
    "mcq": _mcq, "true_false": _true_false, "short_answer": _short_answer, "matching": _matching, "cloze": _cloze}


def gift_blocks(quiz: Quiz) -> tuple[list[str], list[Skipped]]:
    """The GIFT blocks of a quiz (a category named after the article, then each question), and what was left out."""
    quiz = clean_quiz(quiz)
    bank = word_bank(quiz)
    category = " ".join(quiz.title.split()).replace("/", "-")  # "/" would start a sub-category
    blocks = [f"// quizgen: {category}", f"$CATEGORY: $course$/quizgen/{category}"]
    skipped: list[Skipped] = []
    for number, item in numbered(quiz):
        for question in WRITERS[item.type](number, item, bank):
            if isinstance(question, Skipped):
                skipped.append(question)
            else:
                blocks.append(question)
    return blocks, skipped


def dump_gift(quiz: Quiz) -> str:
    """The GIFT text of a quiz."""
    return "\n\n".join(gift_blocks(quiz)[0]) + "\n"


def write(quiz: Quiz, folder: Path, settings: ExportSettings) -> list[str]:
    """Write `<slug>.gift.txt`; returns one notice naming any question GIFT cannot hold."""
    path = output_path(folder, quiz, SUFFIX)
    blocks, skipped = gift_blocks(quiz)
    write_atomic(path, "\n\n".join(blocks) + "\n")
    return [f"{path.name}: left out " + "; ".join(f"{s.label} ({s.reason})" for s in skipped)] if skipped else []

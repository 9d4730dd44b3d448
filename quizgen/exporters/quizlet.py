"""Quizlet (`.quizlet.txt`): one card per line, term and definition separated by a tab, which is what Quizlet's
"Import" box expects by default ("Between term and definition: Tab", "Between cards: New line")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quizgen.exporters.common import ExportSettings, answer_text, clean_quiz, cloze_stem, one_line, output_path
from quizgen.model import Item, Quiz
from quizgen.outputs import write_atomic
from quizgen.versions import numbered

SUFFIX = ".quizlet.txt"

# One function per item type: the (term, definition) cards it becomes.
CARDS: dict[str, Callable[[Item], list[tuple[str, str]]]] = {
    "mcq": lambda item: [(item.question, item.answer)],
    "true_false": lambda item: [(f"True or false? {item.question}", item.answer)],
    "short_answer": lambda item: [(item.question, item.answer)],
    "cloze": lambda item: [(cloze_stem(item), answer_text(item))],
    "matching": lambda item: list(item.pairs),
}


def quizlet_cards(quiz: Quiz) -> list[tuple[str, str]]:
    """Every card of the quiz, in worksheet order; a tab or line break inside a card would split it."""
    cards = [card for _, item in numbered(clean_quiz(quiz)) for card in CARDS[item.type](item)]
    return [(one_line(term), one_line(definition)) for term, definition in cards]


def dump_quizlet(quiz: Quiz) -> str:
    """The import text: 'term<TAB>definition' lines."""
    return "".join(f"{term}\t{definition}\n" for term, definition in quizlet_cards(quiz))


def write(quiz: Quiz, folder: Path, settings: ExportSettings) -> list[str]:
    """Write `<slug>.quizlet.txt`; every item becomes cards, so there is nothing to report."""
    write_atomic(output_path(folder, quiz, SUFFIX), dump_quizlet(quiz))
    return []

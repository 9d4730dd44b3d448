"""Quizlet (`.quizlet.txt`): one card per line, term and definition separated by a tab, which is what Quizlet's
"Import" box expects by default ("Between term and definition: Tab", "Between cards: New line")."""

from __future__ import annotations

from quizgen.model import Quiz
from quizgen.versions import numbered


def _clean(text: str) -> str:
    # A tab or a line break inside a card would split it.
    return " ".join(text.split())


def quizlet_cards(quiz: Quiz) -> list[tuple[str, str]]:
    cards: list[tuple[str, str]] = []
    for _, item in numbered(quiz):
        if item.type == "matching":
            cards.extend(item.pairs)
        elif item.type == "cloze":
            cards.append((item.question, "; ".join(f"({n}) {b}" for n, b in enumerate(item.blanks, start=1))))
        elif item.type == "true_false":
            cards.append((f"True or false? {item.question}", item.answer))
        else:
            cards.append((item.question, item.answer))
    return [(_clean(term), _clean(definition)) for term, definition in cards]


def dump_quizlet(quiz: Quiz) -> str:
    return "".join(f"{term}\t{definition}\n" for term, definition in quizlet_cards(quiz))

"""Generation: templates × facts → candidate items → quality gate → a balanced quiz."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from quizgen.generate import builder
from quizgen.model import FactSheet, Quiz
from quizgen.readability import flesch_kincaid_grade

if TYPE_CHECKING:
    from quizgen.templates import Template

__all__ = ["generate_quiz"]


def generate_quiz(facts: FactSheet, templates: list[Template], count: int = 20, seed: int = 0) -> Quiz:
    """Every template over every fact it applies to, then the best `count` items, with the article's reading
    grade."""
    quiz = builder.generate_quiz(facts, templates, count=count, seed=seed)
    return replace(quiz, reading_grade=flesch_kincaid_grade(" ".join(s.text for s in facts.sentences)))

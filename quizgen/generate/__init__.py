"""Generation: templates × facts → candidate items → quality gate → a balanced quiz."""

from __future__ import annotations

from quizgen.generate.builder import generate_quiz

__all__ = ["generate_quiz"]

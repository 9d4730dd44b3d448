"""Exporters: one module per output format, each escaping article text for its own renderer."""

from __future__ import annotations

from quizgen.exporters.quizfile import dump_quiz, parse_quiz, read_quiz

__all__ = ["dump_quiz", "parse_quiz", "read_quiz"]

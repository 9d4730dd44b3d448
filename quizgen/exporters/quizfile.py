"""Moved to quizgen.quizfile (quiz.yaml is read back, so it is not an exporter); this name stays for old imports."""

from quizgen.quizfile import dump_quiz, parse_quiz, read_quiz

__all__ = ["dump_quiz", "parse_quiz", "read_quiz"]

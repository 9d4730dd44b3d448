"""Extraction: spaCy plus rules turn an Article into a FactSheet. spaCy objects never leave this package."""

from __future__ import annotations

from quizgen.extract.pipeline import extract_facts

__all__ = ["extract_facts"]

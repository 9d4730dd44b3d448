"""Language data, one package per language (as spaCy's ``spacy/lang/<code>/``).

A language package holds word lists and tables as YAML data under ``data/`` and the few helpers that need more than
a lookup. Every stage takes its English from ``quizgen.lang.en`` and nowhere else; a second language is a sibling
package providing the same names (see README, "Adding a language").
"""

from __future__ import annotations

import functools
import importlib.resources
from typing import Any

import yaml


@functools.cache
def load_table(language: str, name: str) -> Any:
    """Read ``quizgen/lang/<language>/data/<name>.yaml`` once per process."""
    path = importlib.resources.files("quizgen") / "lang" / language / "data" / f"{name}.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)

"""English: word lists and tables (``data/*.yaml``) and the helpers built on them."""

from __future__ import annotations

from typing import Any

from quizgen.lang import load_table

LANGUAGE = "en"


def table(name: str) -> Any:
    """One English data table by name (the file ``data/<name>.yaml``)."""
    return load_table(LANGUAGE, name)

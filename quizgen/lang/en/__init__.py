"""English: word lists and tables (``data/*.yaml``) and the helpers built on them."""

from __future__ import annotations

import functools
from typing import Any

from quizgen.lang import load_table

LANGUAGE = "en"


def table(name: str) -> Any:
    """One English data table by name (the file ``data/<name>.yaml``)."""
    return load_table(LANGUAGE, name)


@functools.lru_cache(maxsize=256)
def word_set(name: str, key: str) -> frozenset[str]:
    """One word list of a table (``data/<name>.yaml``, list ``key``), lower case, as a set: what most rules test
    a word against."""
    return frozenset(str(w).lower() for w in table(name)[key])

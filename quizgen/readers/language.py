"""Is this article in English? quizgen's extraction rules and templates are English only.

A light check rather than a language model: running English prose is about a third function words ("the", "of",
"and", "to"…); other languages, in Latin script or not, have almost none of them.
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset("""
the of and to a in is that for it was on with as he she his her at by be this are from or have an they which
not but had has were their said its been who will would more after also than when there about into over up can
one all new we our you i him them could out if so what no year years other some only just
""".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_share(text: str) -> tuple[float, int]:
    """(share of words that are common English function words, words counted)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words), len(words)


def looks_english(text: str) -> bool:
    """True unless a text of 25 words or more has under 12% common English function words (shorter ones pass)."""
    share, words = english_share(text)
    # Too short to tell: let it through (the quality gate decides what it can ask).
    return words < 25 or share >= 0.12

"""Flesch-Kincaid grade level of an article, computed offline.

textstat, the usual library, counts English syllables with NLTK's CMU dictionary, which it downloads from the
internet on first use; quizgen runs offline, so the same formula is computed here with a rule-based syllable count
(vowel groups, silent final e, -le and -ed endings), which is within about half a grade of dictionary counts on
news prose.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?:\s|$)")
_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Syllables in an English word by rule: 'passengers' 3, 'cable' 2, 'crossed' 1, 'the' 1."""
    word = word.lower().split("'")[0].split("’")[0]
    if len(word) <= 3:
        return 1
    count = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ie", "ye")) and count > 1:
        count -= 1  # silent e: "made", "tide"
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1  # "crossed", "sailed"
    if word.endswith("es") and not word.endswith(("ses", "zes", "ches", "shes", "ges", "ces", "xes", "ies")) and (
            count > 1):
        count -= 1  # "tides", "makes"
    return max(1, count)


def flesch_kincaid_grade(text: str) -> float | None:
    """0.39 × words per sentence + 11.8 × syllables per word − 15.59; None for text too short to judge."""
    words = _WORD.findall(text)
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    if len(words) < 30:
        return None
    total = sum(syllables(w) for w in words)
    grade = 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59
    return round(max(0.0, grade), 1)

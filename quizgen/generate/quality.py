"""The quality gate: item-writing rules a candidate must pass (GUIDE.md §4). Returns the reason it fails."""

from __future__ import annotations

import re

from quizgen.generate.distractors import mentioned_in, overlaps
from quizgen.model import FactSheet, Item
from quizgen.textutil import normalize, word_count

_BANNED_OPTIONS = {"all of the above", "none of the above"}
_NEGATIVE_STEM = re.compile(r"\b(?:not|except|never)\b", re.I)


def _answer_names(item: Item, facts: FactSheet) -> list[str]:
    names = [item.answer]
    answer = normalize(item.answer).lower()
    for entity in facts.entities:
        if any(normalize(n).lower() == answer for n in entity.names):
            names.extend(entity.names)
    return names


def check_item(item: Item, facts: FactSheet) -> str | None:
    if not item.question.strip() or not item.answer.strip():
        return "empty question or answer"
    if word_count(item.question) > 70:
        return "question longer than 70 words"
    if item.type == "mcq":
        keys = [normalize(o).lower() for o in item.options]
        if len(set(keys)) != len(keys):
            return "duplicate options"
        if item.answer not in item.options:
            return "answer is not among the options"
        if any(k in _BANNED_OPTIONS for k in keys):
            return "'all/none of the above' option"
        others = [o for o in item.options if o != item.answer and not any(c.isdigit() for c in o)]
        answer_names = _answer_names(item, facts) if others else []
        if any(overlaps(o, n) for o in others for n in answer_names):
            return "a distractor is another name for the answer"
        if _NEGATIVE_STEM.search(item.question.split("“")[0]):
            return "negative stem"
    if item.type in {"mcq", "short_answer"}:
        # The stem must not give the answer away (quoted words are the article's, so check outside them).
        stem = re.sub(r"“[^”]*”", "", item.question)
        if any(mentioned_in(name, stem) for name in _answer_names(item, facts) if len(name) > 2):
            return "the question contains its own answer"
    if item.type == "cloze" and any(mentioned_in(b, item.question) for b in item.blanks):
        return "a blanked answer still appears in the sentence"
    if item.type == "cloze" and not all(b in item.source for b in item.blanks):
        return "a blanked answer does not appear in its source sentence"
    if item.type in {"mcq", "short_answer"}:
        # "thank you (in Russian)": the parenthetical is our gloss; the words before it must be the article's.
        names = [re.sub(r"\s*\([^)]*\)$", "", n) for n in _answer_names(item, facts)]
        if not any(mentioned_in(name, item.source) for name in names if name):
            return "the answer does not appear in its source sentence"
    return None

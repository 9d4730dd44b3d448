"""The quality gate: the item-writing rules every candidate must pass (one right answer, grounded in its source
sentence, not given away by its own stem, distinct options that are never another name for the answer, no
"all/none of the above", no negative stems; see README, "Question templates"). Returns the reason it fails.

The rules that need the whole article (blanks worth filling, sentences that stand alone, descriptions that single
out one person) live in blanks.py, standalone.py and builder.py; the rules between items in selection.py."""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgen.generate.distractors import mentioned_in, overlaps
from quizgen.generate.rules import first_reason
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


def _empty(item: Item, facts: FactSheet) -> str | None:
    return "empty question or answer" if not item.question.strip() or not item.answer.strip() else None


def _too_long(item: Item, facts: FactSheet) -> str | None:
    return "question longer than 70 words" if word_count(item.question) > 70 else None


def _options_sound(item: Item, facts: FactSheet) -> str | None:
    """Multiple choice: distinct options, the answer among them, no 'all/none of the above'."""
    if item.type != "mcq":
        return None
    keys = [normalize(o).lower() for o in item.options]
    if len(set(keys)) != len(keys):
        return "duplicate options"
    if item.answer not in item.options:
        return "answer is not among the options"
    if any(k in _BANNED_OPTIONS for k in keys):
        return "'all/none of the above' option"
    return None


def _distractor_is_alias(item: Item, facts: FactSheet) -> str | None:
    if item.type != "mcq":
        return None
    others = [o for o in item.options if o != item.answer and not any(c.isdigit() for c in o)]
    answer_names = _answer_names(item, facts) if others else []
    if any(overlaps(o, n) for o in others for n in answer_names):
        return "a distractor is another name for the answer"
    return None


def _negative_stem(item: Item, facts: FactSheet) -> str | None:
    if item.type == "mcq" and _NEGATIVE_STEM.search(item.question.split("“")[0]):
        return "negative stem"
    return None


def _stem_gives_answer(item: Item, facts: FactSheet) -> str | None:
    """The stem must not give the answer away (quoted words are the article's, so check outside them)."""
    if item.type not in {"mcq", "short_answer"}:
        return None
    stem = re.sub(r"“[^”]*”", "", item.question)
    if any(mentioned_in(name, stem) for name in _answer_names(item, facts) if len(name) > 2):
        return "the question contains its own answer"
    return None


def _blank_still_shown(item: Item, facts: FactSheet) -> str | None:
    if item.type != "cloze":
        return None
    if any(mentioned_in(b, item.question) for b in item.blanks):
        return "a blanked answer still appears in the sentence"
    if not all(b in item.source for b in item.blanks):
        return "a blanked answer does not appear in its source sentence"
    return None


def _ungrounded(item: Item, facts: FactSheet) -> str | None:
    """"thank you (in Russian)": the parenthetical is our gloss; the words before it must be the article's."""
    if item.type not in {"mcq", "short_answer"}:
        return None
    names = [re.sub(r"\s*\([^)]*\)$", "", n) for n in _answer_names(item, facts)]
    if not any(mentioned_in(name, item.source) for name in names if name):
        return "the answer does not appear in its source sentence"
    return None


ITEM_RULES: tuple[Callable[[Item, FactSheet], str | None], ...] = (
    _empty, _too_long, _options_sound, _distractor_is_alias, _negative_stem, _stem_gives_answer, _blank_still_shown,
    _ungrounded)


def check_item(item: Item, facts: FactSheet) -> str | None:
    """The first item-writing rule the item breaks, or None."""
    return first_reason(ITEM_RULES, item, facts)

"""Distractors of the answer's own kind, never a second correct answer."""

from __future__ import annotations

import difflib
import functools
import random
import re
from collections.abc import Iterable

from quizgen.lang import en as lang_en
from quizgen.model import Entity, FactSheet, NumberFact
from quizgen.textutil import compiled, normalize

PLACE_TYPES = {"GPE", "LOC"}
_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_FRACTION_LADDER = [("a quarter", 0.25), ("a third", 1 / 3), ("half", 0.5), ("two thirds", 2 / 3),
                    ("three quarters", 0.75)]
_MULTIPLE_LADDER = [("halved", 0.5), ("doubled", 2.0), ("tripled", 3.0), ("quadrupled", 4.0)]


@functools.lru_cache(maxsize=1)
def curated_lists() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in lang_en.table("fallback_distractors").items()}


def _key(text: str) -> str:
    return normalize(text).lower()


def overlaps(a: str, b: str) -> bool:
    """Same name or one inside the other ('Kim' / 'Kim Jong Un'): never both in one question's options."""
    ka, kb = _key(a), _key(b)
    return (ka == kb or compiled(rf"\b{re.escape(ka)}\b").search(kb) is not None
            or compiled(rf"\b{re.escape(kb)}\b").search(ka) is not None)


def mentioned_in(name: str, text: str) -> bool:
    return compiled(rf"(?<!\w){re.escape(_key(name))}(?!\w)").search(_key(text)) is not None


_CONTINENTS = {"europe", "africa", "asia", "north america", "south america", "latin america", "antarctica",
               "oceania", "australasia", "the middle east", "middle east", "scandinavia", "the balkans", "balkans"}


def _same_spelling(a: str, b: str) -> bool:
    """'Yuganskneftegas' and 'Yuganskneftgas': one name spelt two ways in the article, not two things."""
    matcher = difflib.SequenceMatcher(None, _key(a), _key(b))
    # The two quick ratios are upper bounds of ratio(): most pairs are told apart without the full comparison.
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def entity_distractors(answer: Entity, facts: FactSheet, stem: str, count: int, rng: random.Random,
                       prefer: Iterable[str] = ()) -> list[str]:
    """Other entities of the answer's type (places with places), then curated names of that kind."""
    pool = [e for e in facts.entities if e.enabled and e.type == answer.type and e.id != answer.id]
    if answer.type in PLACE_TYPES:
        # Other kinds of place only to make up numbers, and never a continent for a town.
        pool += [e for e in facts.entities if e.enabled and e.type in PLACE_TYPES and e.type != answer.type
                 and e.name.lower() not in _CONTINENTS]
    # A country answer takes countries; a city or region never takes a country, which may hold it ("Where did they
    # meet? Pyongyang / North Korea" would have two right answers).
    countries = {c.lower() for c in curated_lists()["countries"]} | {"u.s.", "u.k.", "us", "uk", "soviet union",
                                                                   "britain", "great britain", "england", "scotland",
                                                                   "wales", "northern ireland", "america"}
    if answer.type in PLACE_TYPES:
        is_country = answer.name.lower() in countries
        pool = [e for e in pool if (e.name.lower() in countries) == is_country]
    # Salient names first: the ones a student who read the article will have seen.
    preferred = {p.lower() for p in prefer}
    ranked = sorted(pool, key=lambda e: (not any(n.lower() in preferred for n in e.names), -e.mentions))
    names = [e.name for e in ranked]
    extra: Iterable[str] = ()
    if answer.type in PLACE_TYPES:
        extra = curated_lists()["countries" if answer.name.lower() in countries else "cities"]
    elif answer.type == "ORG":
        extra = curated_lists()["organisations"]
    shuffled_extra = list(extra)
    rng.shuffle(shuffled_extra)
    chosen: list[str] = []
    for name in [*names, *shuffled_extra]:
        if len(chosen) >= count:
            break
        if any(overlaps(name, n) or _same_spelling(name, n) for n in (*answer.names, *chosen)) or mentioned_in(
                name, stem):
            continue
        chosen.append(name)
    return chosen


# --- numbers -----------------------------------------------------------------------------------------------

_NUMERIC = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALES = {word: float(value) for word, value in lang_en.table("numbers")["scales"].items()}
_SCALE_AFTER = re.compile(r"\s*(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b", re.I)
_RANGE = re.compile(r"\d\s*(?:-|–|to)\s*\d")


def _granularity(value: float) -> float:
    """15,000 → 1,000; 4,700 → 100; 35 → 1."""
    if value <= 0 or value != int(value):
        return 1.0 if value >= 1 else 0.1
    step = 1.0
    integer = int(value)
    while integer % 10 == 0 and integer >= 10:
        integer //= 10
        step *= 10
    return step


def _format_like(template: str, value: float) -> str:
    """Put `value` where the answer's digits are, in the answer's style (commas, decimals)."""
    match = _NUMERIC.search(template)
    if match is None:
        return template
    digits = match.group(0)
    # "$1.13bn", "£38 million": the digits are in the scale's units.
    scale = _SCALE_AFTER.match(template[match.end():])
    if scale is not None:
        value /= _SCALES[scale.group(1).lower()]
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    if decimals:
        rendered = f"{value:,.{decimals}f}" if "," in digits else f"{value:.{decimals}f}"
    else:
        rendered = f"{round(value):,}" if ("," in digits or value >= 10000) else str(round(value))
    return template[:match.start()] + rendered + template[match.end():]


def _word_number(text: str) -> tuple[int, int, int] | None:
    """(start, end, value) of a number written as a word: 'five'."""
    for value, word in enumerate(_NUMBER_WORDS):
        m = compiled(rf"\b{word}\b", re.I).search(text)
        if m:
            return m.start(), m.end(), value
    return None


def _with_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def number_distractors(answer: NumberFact, facts: FactSheet, count: int) -> list[str]:
    """Plausible neighbours in the answer's own style; none rounds to the answer or repeats another fact's value."""
    value = answer.value
    text = answer.text
    if value is None or _RANGE.search(text):
        return []  # "200,000-300,000": a range has no single neighbour in its own style
    forbidden = {round(n.value, 6) for n in facts.numbers
                 if n.value is not None and n.counts and n.counts == answer.counts and n.id != answer.id}
    candidates: list[tuple[float, str]] = []
    if answer.kind == "fraction":
        hedge = (answer.hedge + " ") if answer.hedge else ""
        for words, v in _FRACTION_LADDER:
            candidates.append((v, _with_case(hedge + words, text)))
    elif answer.kind == "multiple":
        for words, v in _MULTIPLE_LADDER:
            candidates.append((v, _with_case(words, text)))
    elif answer.kind == "year":
        for delta in (-10, -5, -3, -2, 2, 3, 5):
            candidates.append((value + delta, _format_like(text, value + delta)))
    elif answer.kind == "percent":
        for delta in (-30, -20, -10, 10, 20, 30):
            v = value + delta
            if 0 < v < 100:
                candidates.append((v, _format_like(text, v)))
    elif (word := _word_number(text)) is not None and not _NUMERIC.search(text):
        start, end, n = word
        for v in (n - 2, n - 1, n + 1, n + 2, n + 3, n + 5):
            if 1 < v <= 20:
                candidates.append((float(v), text[:start] + _with_case(_NUMBER_WORDS[v], text[start:end]) + text[end:]))
    elif _NUMERIC.search(text):
        step = _granularity(value)
        multipliers = (1 / 3, 5 / 3, 10 / 3, 0.5, 2.0, 3.0) if value >= 10 else (0.5, 2.0, 3.0, 1.5)
        for mult in multipliers:
            v = max(step, round(value * mult / step) * step)
            candidates.append((v, _format_like(text, v)))
    chosen: list[tuple[float, str]] = []
    for v, label in candidates:
        if len(chosen) >= count:
            break
        too_close = abs(v - value) <= 0.15 * abs(value) if answer.kind not in {"year", "fraction", "multiple"} else (
            v == value)
        if too_close or round(v, 6) in forbidden or label == text or any(label == c[1] or v == c[0] for c in chosen):
            continue
        chosen.append((v, label))
    return [label for _, label in chosen]


def number_sort_key(answer: NumberFact, option: str) -> float:
    """Numbers are listed in ascending order."""
    for words, v in _FRACTION_LADDER + _MULTIPLE_LADDER:
        if option.lower().endswith(words):
            return v
    if (m := _NUMERIC.search(option)) is not None:
        return float(m.group(0).replace(",", ""))
    if (word := _word_number(option)) is not None:
        return float(word[2])
    return answer.value or 0.0

"""Printed versions A, B, C…: the same items, in a different order within each section, options reshuffled.

Version A is the quiz as generated; each later version is derived from the quiz and its letter alone, so the
same seed always prints the same versions.
"""

from __future__ import annotations

import random
import string
from dataclasses import replace

from quizgen.model import TYPE_ORDER, Item, Quiz


def numbered(quiz: Quiz) -> list[tuple[int, Item]]:
    """Items in worksheet order (sections by type), numbered continuously from 1."""
    ordered = [item for kind in TYPE_ORDER for item in quiz.items if item.type == kind]
    return list(enumerate(ordered, start=1))


def balance_answer_positions(items: list[Item], rng: random.Random, shuffle_others: bool = False) -> list[Item]:
    """Spread the correct option evenly over A, B, C, D: each run of four multiple-choice items uses each letter
    once, in a seeded order. Options with a natural order (numbers ascending) keep it."""
    pending: dict[int, list[int]] = {}
    balanced: list[Item] = []
    for item in items:
        if item.type != "mcq" or item.fixed_order:
            balanced.append(item)
            continue
        size = len(item.options)
        if not pending.get(size):
            pending[size] = rng.sample(range(size), size)
        target = pending[size].pop()
        others = [o for o in item.options if o != item.answer]
        if shuffle_others:
            rng.shuffle(others)
        balanced.append(replace(item, options=(*others[:target], item.answer, *others[target:])))
    return balanced


def make_versions(quiz: Quiz, count: int) -> list[Quiz]:
    """The quiz as printed versions A, B, C… (`count` of them); one version is the quiz itself, unlettered."""
    if count <= 1:
        return [quiz]
    return [_version(quiz, letter) for letter in string.ascii_uppercase[:count]]


def _version(quiz: Quiz, letter: str) -> Quiz:
    if letter == "A":
        return replace(quiz, version="A")
    rng = random.Random(f"{quiz.seed}:version:{letter}")
    items: list[Item] = []
    for kind in TYPE_ORDER:
        section = [item for item in quiz.items if item.type == kind]
        rng.shuffle(section)
        items.extend(section)
    # Each run of four multiple-choice items puts the answer once at A, B, C and D, as in version A.
    shuffled = balance_answer_positions(items, rng, shuffle_others=True)
    return replace(quiz, items=tuple(shuffled), version=letter)

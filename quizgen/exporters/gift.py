"""Moodle GIFT (`.gift.txt`): https://docs.moodle.org/en/GIFT_format

One question per block, `::title::` first, feedback carrying the source sentence after `####`. GIFT's special
characters `~ = # { } :` (and the backslash itself) are escaped with a backslash wherever article text appears.
"""

from __future__ import annotations

import re

from quizgen.model import Item, Quiz
from quizgen.versions import numbered

_SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    # A newline would end the question; article text is one line anyway.
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _feedback(item: Item) -> str:
    return f"####Source (paragraph {item.paragraph}): {escape(item.source)}"


def _question(number: int, item: Item, bank: list[str]) -> list[str]:
    title = f"::Q{number} {escape(item.template)}::"
    if item.type == "mcq":
        answers = " ".join(("=" if o == item.answer else "~") + escape(o) for o in item.options)
        return [f"{title}{escape(item.question)} {{{answers} {_feedback(item)}}}"]
    if item.type == "true_false":
        return [f"{title}{escape(item.question)} {{{'TRUE' if item.answer == 'True' else 'FALSE'} {_feedback(item)}}}"]
    if item.type == "short_answer":
        answers = " ".join("=" + escape(a) for a in dict.fromkeys((item.answer, *item.accepted)))
        return [f"{title}{escape(item.question)} {{{answers} {_feedback(item)}}}"]
    if item.type == "matching":
        pairs = " ".join(f"={escape(left)} -> {escape(right)}" for left, right in item.pairs)
        return [f"{title}{escape(item.question)} {{{pairs} {_feedback(item)}}}"]
    # Cloze: GIFT's missing-word format holds one blank, so each blank is its own question, the other blanks
    # filled in; the wrong choices come from the word bank.
    lines = []
    for k, blank in enumerate(item.blanks):
        text = item.source
        before, after = text.split(blank, 1)
        wrong = [w for w in bank if w not in item.blanks][:3]
        answers = " ".join(["=" + escape(blank), *("~" + escape(w) for w in wrong)])
        suffix = "abcdefgh"[k] if len(item.blanks) > 1 else ""
        lines.append(f"::Q{number}{suffix} {escape(item.template)}::{escape(before).rstrip()} "
                     f"{{{answers} {_feedback(item)}}} {escape(after).lstrip()}".rstrip())
    return lines


def dump_gift(quiz: Quiz) -> str:
    bank = sorted({b for i in quiz.items for b in i.blanks} | set(quiz.bank_extras), key=str.lower)
    category = " ".join(quiz.title.split()).replace("/", "-")  # "/" would start a sub-category
    blocks = [f"// quizgen: {category}", f"$CATEGORY: $course$/quizgen/{category}"]
    for number, item in numbered(quiz):
        blocks.extend(_question(number, item, bank))
    return "\n\n".join(blocks) + "\n"

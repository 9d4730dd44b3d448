"""Plain-text articles: title on the first line, optional byline and date, page furniture dropped."""

from __future__ import annotations

import re

from quizgen.model import Article
from quizgen.readers import furniture
from quizgen.readers.normalize import bound_text

# Every pattern here runs on whole paragraphs of untrusted text, so each is written so that a string can match it in
# one way only (no two quantifiers can take the same characters): the time is linear in the line, never exponential
# ("By Ann and and and … ,", 40 words, hung the old byline pattern). tests/unit/test_redos.py checks each.
# With re.I, [A-Z] takes any letter, so the particles "and", "de", "van" are name words like any other.
_BYLINE = re.compile(r"^\s*by\s+([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)*)\s*$", re.I)
# The name is whole words; the address splits at its first "@" only.
_WRITE_TO = re.compile(r"^\s*write to\s+(\S+(?:\s+\S+)*?)\s+at\s+[^\s@]+@\S+\s*$", re.I)
# Starts only where a run of address characters starts, so "x.x.x.x…" is not rescanned from each of its dots.
_DATE_LINE = re.compile(
    r"^[\s:]*(?:(?:published|updated|posted)[\s:]*)?"
    r"(\d{4}-\d{2}-\d{2}|\w+\.? \d{1,2},? \d{4}|\d{1,2} \w+ \d{4})(?:[ ,].{0,20})?\s*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?…\"”’)\]]\s*$")


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def split_paragraphs(lines_blocks: list[list[str]]) -> list[str]:
    """One paragraph per line when lines end like sentences; otherwise hard-wrapped lines are joined."""
    paragraphs: list[str] = []
    for whole in lines_blocks:
        # Furniture lines ("Write to … at …", "topics") stand alone even when no blank line separates them.
        tail: list[str] = []
        block = list(whole)
        while block and is_furniture(block[-1]):
            tail.insert(0, block.pop())
        if not block:
            paragraphs.extend(tail)
            continue
        ends = sum(1 for line in block if _SENTENCE_END.search(line))
        if len(block) > 1 and ends >= 0.8 * len(block):
            paragraphs.extend(block)
        else:
            paragraphs.append(" ".join(block))
        paragraphs.extend(tail)
    return [re.sub(r"[ \t]+", " ", p).strip() for p in paragraphs if p.strip()]


def is_furniture(line: str) -> bool:
    """Page furniture, not article text: 'Share this article', 'Copyright …', 'Write to … at …', an email address
    (the page-furniture table every reader uses, quizgen/lang/en/data/page_furniture.yaml)."""
    return furniture.is_furniture(line)


def parse_text(text: str, path: str) -> Article:
    """A plain-text article: title on the first non-empty line; a byline and a date near the top taken out (and a
    'Write to … at …' line anywhere); furniture trimmed from the end."""
    lines = bound_text(text).split("\n")
    # The title is the first non-empty line.
    title = ""
    while lines and not title:
        title = lines.pop(0).strip()
    byline: str | None = None
    date: str | None = None
    paragraphs = split_paragraphs(_blocks("\n".join(lines)))
    kept: list[str] = []
    for index, para in enumerate(paragraphs):
        near_top = index < 3
        if near_top and byline is None and (m := _BYLINE.match(para)):
            byline = m.group(1)
            continue
        if near_top and date is None and (m := _DATE_LINE.match(para)):
            date = m.group(1)
            continue
        if m := _WRITE_TO.match(para):
            byline = byline or m.group(1).strip()
            continue
        kept.append(para)
    # Furniture is trimmed from the end only, so an article sentence that happens to say "Share" survives.
    while kept and (is_furniture(kept[-1]) or len(kept[-1]) < 3):
        kept.pop()
    return Article(title=title, paragraphs=tuple(kept), byline=byline, date=date, path=path)

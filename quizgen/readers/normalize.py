"""Bound the work an article can cause before anything parses it.

spaCy's tokenizer strips punctuation off a word one character at a time, so a word of 60,000 quote marks costs time
and memory with the square of its length (554 s, 1.2 GB); markdown and rule patterns behave the same on long runs.
One pass over the text, with compiled patterns, caps what any later stage can be handed:

- a run of more than MAX_RUN copies of one punctuation mark or symbol becomes three of them;
- a word (a run of non-space characters) longer than MAX_WORD is cut;
- a line longer than MAX_LINE is split into paragraphs at sentence ends (or spaces);
- a run of spaces or tabs longer than MAX_SPACES becomes one space;
- an article of more than MAX_TOKENS words and marks is refused (spaCy's cost is per token).

Each change to the wording is reported once per article as an InputWarning; the CLI shows it.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from quizgen.errors import InputError, InputWarning
from quizgen.model import Article

T = TypeVar("T")

MAX_RUN = 24  # "-----" rules and "!!!" stay; a wall of quote marks does not
MAX_WORD = 300  # longer than any word or ordinary web address
MAX_LINE = 3_000  # two long paragraphs; a longer line is a dump without paragraph breaks
# spaCy's time and memory grow with its tokens (words and marks), and a line of marks holds one per character where
# prose holds one per five: prose at the character limit (quizgen.readers.MAX_CHARACTERS) is about 60,000.
MAX_TOKENS = 70_000
MAX_SPACES = 16
MAX_RULE = 120  # a line of one repeated mark up to a page's width is a rule, shortened silently
MAX_TITLE = 300

# Each pattern starts only where its run starts (a lookbehind or ^), so a near miss is not rescanned from every
# character of it: one linear pass each.
_RUN = re.compile(rf"([^\w\s]|_)\1{{{MAX_RUN},}}")
_SPACES = re.compile(rf"(?<![^\S\n])[^\S\n]{{{MAX_SPACES + 1},}}")
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD + 1},}}")
_LONG_LINE = re.compile(rf"^[^\n]{{{MAX_LINE + 1},}}", re.M)
_TOKEN = re.compile(r"\w+|[^\w\s]")  # about what spaCy counts as a token (a little more: "2.4" is three)
# Where a long line may be split: after a sentence end, else at any space.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]{0,3}\s")


@dataclass
class _Changes:
    """What bounding changed in one text, for the warnings."""

    runs: list[int] = field(default_factory=list)
    run_chars: list[str] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def messages(self) -> list[str]:
        notes = []
        if self.runs:
            longest = max(range(len(self.runs)), key=self.runs.__getitem__)
            notes.append(f"shortened {_count(len(self.runs), 'run')} of one repeated character (the longest: "
                         f"{self.runs[longest]:,} × {self.run_chars[longest]!r})")
        if self.words:
            notes.append(f"cut {_count(len(self.words), 'over-long word')} to {MAX_WORD} characters (the longest "
                         f"had {max(self.words):,})")
        if self.lines:
            notes.append(f"split {_count(len(self.lines), 'line')} longer than {MAX_LINE:,} characters into "
                         f"paragraphs (the longest had {max(self.lines):,})")
        return notes


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _shorten_run(changes: _Changes) -> Callable[[re.Match[str]], str]:
    def shorten(match: re.Match[str]) -> str:
        text, char = match.group(), match.group(1)
        # A rule across the page ("=====" under a heading) holds no words: shortened without a warning.
        if len(text) > MAX_RULE or not _is_whole_line(match):
            changes.runs.append(len(text))
            changes.run_chars.append(char)
        return char * 3

    return shorten


def _is_whole_line(match: re.Match[str]) -> bool:
    # Only a few characters either side are looked at, so many runs on one long line cost no more than one.
    source, start, end = match.string, match.start(), match.end()
    before = source[max(0, start - 4):start].rpartition("\n")
    after = source[end:end + 4].partition("\n")
    return (bool(before[1]) or start <= 4) and not before[2].strip() and (
        bool(after[1]) or end + 4 >= len(source)) and not after[0].strip()


def _cut_word(changes: _Changes) -> Callable[[re.Match[str]], str]:
    def cut(match: re.Match[str]) -> str:
        changes.words.append(len(match.group()))
        return match.group()[:MAX_WORD - 1] + "…"  # MAX_WORD in all, so a second pass leaves it alone

    return cut


def _split_line(changes: _Changes) -> Callable[[re.Match[str]], str]:
    def split(match: re.Match[str]) -> str:
        changes.lines.append(len(match.group()))
        return "\n\n".join(_pieces(match.group()))

    return split


def _pieces(line: str) -> list[str]:
    """A long line in pieces of at most MAX_LINE characters, each ending at a sentence end where there is one."""
    pieces = []
    while len(line) > MAX_LINE:
        window = line[:MAX_LINE]
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(window, MAX_LINE // 2)]
        cut = ends[-1] if ends else window.rfind(" ", MAX_LINE // 2) + 1 or MAX_LINE
        pieces.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    pieces.append(line)
    return pieces


def _bound(text: str, changes: _Changes) -> str:
    text = _RUN.sub(_shorten_run(changes), text)
    text = _SPACES.sub(" ", text)
    text = _LONG_WORD.sub(_cut_word(changes), text)
    return _LONG_LINE.sub(_split_line(changes), text)


def _warn(changes: _Changes) -> None:
    for message in changes.messages():
        warnings.warn(message, InputWarning, stacklevel=3)


def bound_text(text: str) -> str:
    """`text` with repeated characters, over-long words and lines capped (see the module docstring); one
    InputWarning for each kind of change."""
    changes = _Changes()
    text = _bound(text, changes)
    _warn(changes)
    return text


def cut_title(title: str) -> str:
    """A title of at most MAX_TITLE characters, cut at a space (with a warning) when it was longer."""
    if len(title) <= MAX_TITLE:
        return title
    space = title.rfind(" ", MAX_TITLE // 2, MAX_TITLE)
    warnings.warn(f"cut the title ({len(title):,} characters) to {MAX_TITLE}", InputWarning, stacklevel=2)
    return title[:space if space > 0 else MAX_TITLE - 1].rstrip() + "…"


def bound_article(article: Article) -> Article:
    """The article with every field bounded as bound_text does and without control characters, whatever reader
    made it (in HTML, `&#27;` becomes a control character only when parsed); an over-long title is cut at a word.
    A paragraph longer than MAX_LINE becomes several."""
    from quizgen.readers.decode import drop_controls

    changes = _Changes()

    def clean(value: str | None) -> str | None:
        return None if value is None else _bound(drop_controls(value), changes)

    paragraphs = tuple(part.strip() for p in article.paragraphs for part in (clean(p) or "").split("\n\n")
                       if part.strip())
    title = cut_title(" ".join((clean(article.title) or "").split()))
    bounded = replace(article, title=title, paragraphs=paragraphs, byline=clean(article.byline),
                      date=clean(article.date), source=clean(article.source))
    _warn(changes)
    tokens = sum(len(_TOKEN.findall(p)) for p in paragraphs)
    if tokens > MAX_TOKENS:
        raise InputError(f"{article.path}: {tokens:,} words and marks is far more than a news article holds (limit "
                         f"{MAX_TOKENS:,}); split it into articles")
    return bounded


def with_input_warnings(call: Callable[[], T]) -> tuple[T, tuple[str, ...]]:
    """`call()`'s result and the InputWarning messages it issued (each kind once), for a caller that shows them
    beside the file they are about; other warnings go on as usual."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        result = call()
    notes: list[str] = []
    for warning in caught:
        if issubclass(warning.category, InputWarning):
            notes.append(str(warning.message))
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return result, tuple(dict.fromkeys(notes))

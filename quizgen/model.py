"""The frozen dataclasses every stage shares. spaCy objects never appear here."""

from __future__ import annotations

import re
from dataclasses import dataclass

ITEM_TYPES = ("mcq", "cloze", "true_false", "matching", "short_answer")
TYPE_ORDER = ("mcq", "cloze", "true_false", "short_answer", "matching")  # worksheet sections, in order
OPTION_LETTERS = "ABCDEFGHIJ"  # an item has at most ten options or matching pairs


# Anki's cloze syntax is the one record of where each blank sits: "{{c1::Pyongyang}} has sent ...". Exporters take
# blank positions from it (never by searching the source for the answer text), and text outside the markers can never
# hold a marker of its own (see build_cloze).
_CLOZE_MARK = re.compile(r"\{\{c(\d+)::(.*?)\}\}(?!\})", re.S)  # an answer may end in "}"


@dataclass(frozen=True)
class ClozeBlank:
    """One blank of a cloze text: its number (c1 = 1) and the words that fill it."""

    number: int
    answer: str


def build_cloze(text: str, spans: list[tuple[int, int]]) -> str:
    """Anki cloze text for `text` with the character spans blanked in order (c1, c2, ...). Braces pairs in the
    article's own text are broken ("{ {") so that article text can never open a cloze deletion of its own."""

    def plain(part: str) -> str:
        return part.replace("{{", "{ {").replace("}}", "} }")

    pieces: list[str] = []
    position = 0
    for number, (start, end) in enumerate(sorted(spans), start=1):
        if start < position or end <= start or end > len(text):
            raise ValueError(f"cloze spans overlap or fall outside the text: {spans}")
        answer = plain(text[start:end]).replace("::", ": :")
        pieces.append(plain(text[position:start]) + f"{{{{c{number}::{answer}}}}}")
        position = end
    pieces.append(plain(text[position:]))
    return "".join(pieces)


def cloze_parts(cloze: str) -> tuple[str | ClozeBlank, ...]:
    """The cloze text split into plain text and blanks, in reading order ("", blank, " has sent ...")."""
    parts: list[str | ClozeBlank] = []
    position = 0
    for mark in _CLOZE_MARK.finditer(cloze):
        parts.append(cloze[position:mark.start()])
        parts.append(ClozeBlank(int(mark.group(1)), mark.group(2)))
        position = mark.end()
    parts.append(cloze[position:])
    return tuple(parts)


@dataclass(frozen=True)
class Article:
    """An article as read from disk: metadata and paragraphs of plain text (original wording kept)."""

    title: str
    paragraphs: tuple[str, ...]
    byline: str | None = None
    date: str | None = None
    source: str | None = None  # site or publication name
    path: str | None = None  # the file it was read from

    @property
    def text(self) -> str:
        """The paragraphs as one text, a blank line between each two."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article; `index` counts from 0 across the whole article."""

    index: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place, event or work, with every name the article uses for it."""

    id: str
    name: str
    type: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, EVENT, WORK_OF_ART, FAC, ...
    sentence: int  # first mention
    aliases: tuple[str, ...] = ()
    description: str | None = None
    description_sentence: int | None = None
    mentions: int = 1
    enabled: bool = True
    gender: str | None = None  # people only: "male" or "female" where the article shows it (honorific, pronouns)

    @property
    def names(self) -> tuple[str, ...]:
        """The entity's name, then its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Quote:
    """Direct speech (or a quoted fragment of reported speech) with who said it."""

    id: str
    text: str
    speaker: str  # a name ("Chris Monday") or a description ("the correspondent")
    sentence: int
    speaker_id: str | None = None  # the Entity id when the speaker is a named entity
    cue: str | None = None  # the verb that introduces it: said, shouts, sing
    partial: bool = False
    enabled: bool = True


@dataclass(frozen=True)
class NumberFact:
    """An amount the article states, with what it counts and how it is hedged."""

    id: str
    text: str  # as written: "about 15,000", "nearly a third", "quadrupled"
    kind: str  # count, money, percent, fraction, multiple, year, ordinal, duration
    sentence: int
    value: float | None = None
    counts: str | None = None  # what is counted: "soldiers"
    hedge: str | None = None  # about, nearly, more than ...
    question: str | None = None  # a wh-question whose answer is `text`, when the parse supports one
    enabled: bool = True


@dataclass(frozen=True)
class Gloss:
    """A term the article translates or explains: “Vesti Nedeli,” or “News of the Week”."""

    id: str
    term: str
    meaning: str
    sentence: int
    enabled: bool = True


@dataclass(frozen=True)
class KeySentence:
    """A sentence worth remembering, with the spans in it worth testing."""

    id: str
    sentence: int
    score: float
    answers: tuple[str, ...] = ()  # test-worthy spans in the sentence: names, numbers, key terms
    enabled: bool = True
    # The sentence with its main claim negated ("… did not approve …"): a false statement when no name or number
    # can be swapped. None when negating it would not be plainly false (extract/negation.py says why).
    negated: str | None = None


@dataclass(frozen=True)
class WhQuestion:
    """A question made from an article sentence by moving one phrase: 'Where did Putin and Kim strike a pact?'"""

    id: str
    sentence: int
    wh: str  # who, which, where, when
    question: str
    answer: str  # the moved phrase's name or number, as written in the sentence
    answer_id: str | None = None  # the entity or number the answer is
    enabled: bool = True


@dataclass(frozen=True)
class FactSheet:
    """Everything extraction found; written to and read back from facts.yaml."""

    title: str
    slug: str
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numbers: tuple[NumberFact, ...] = ()
    glosses: tuple[Gloss, ...] = ()
    key_sentences: tuple[KeySentence, ...] = ()
    questions: tuple[WhQuestion, ...] = ()
    byline: str | None = None
    date: str | None = None
    source: str | None = None
    article_path: str | None = None

    def sentence(self, index: int) -> Sentence:
        """The sentence with global index `index`."""
        return self.sentences[index]

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with id `entity_id`; None when there is none."""
        return next((e for e in self.entities if e.id == entity_id), None)


@dataclass(frozen=True)
class Item:
    """One quiz item, ready for any exporter. Text is plain (exporters escape for their format)."""

    id: str  # stable: derived from article, template and fact, never from wording
    type: str  # one of ITEM_TYPES
    question: str
    answer: str
    source: str  # the article sentence the answer rests on
    paragraph: int  # 1-based paragraph of the source sentence
    template: str
    fact: str  # id of the fact the item tests
    options: tuple[str, ...] = ()  # mcq and true_false
    fixed_order: bool = False  # options in their natural order (numbers ascending): never shuffled
    accepted: tuple[str, ...] = ()  # short answer: every accepted form
    cloze: str | None = None  # cloze in Anki syntax: "{{c1::Pyongyang}} has sent ..."
    blanks: tuple[str, ...] = ()  # cloze: the answers, in order
    pairs: tuple[tuple[str, str], ...] = ()  # matching: (left, right), right in answer order
    explanation: str | None = None
    tags: tuple[str, ...] = ()
    entity_types: tuple[str, ...] = ()
    difficulty: int = 2  # 1 easy .. 3 hard
    score: float = 0.0

    @property
    def answer_letter(self) -> str:
        """'B' when the answer is the second option (A to J: up to ten options); '' for items without options or
        whose answer is not among them."""
        if self.answer not in self.options:
            return ""
        index = self.options.index(self.answer)
        return OPTION_LETTERS[index] if index < len(OPTION_LETTERS) else ""


@dataclass(frozen=True)
class Dropped:
    """A candidate item that was not used, and why."""

    template: str
    fact: str
    reason: str


@dataclass(frozen=True)
class Quiz:
    """The items chosen for one article, plus what was left out and why."""

    title: str
    slug: str
    seed: int
    requested: int
    items: tuple[Item, ...]
    dropped: tuple[Dropped, ...] = ()
    shortfall: str | None = None  # why fewer items than requested, if so
    byline: str | None = None
    date: str | None = None
    source: str | None = None
    article_id: str = ""  # identity for stable Anki GUIDs
    reading_grade: float | None = None  # Flesch-Kincaid grade of the article
    bank_extras: tuple[str, ...] = ()  # words for the cloze word bank that fill no blank
    version: str | None = None  # "A", "B", …: a shuffled version of the worksheet, when there are several

    def count_by_type(self) -> dict[str, int]:
        """How many items of each type the quiz holds ({'mcq': 4, 'cloze': 2}), types in order of first appearance."""
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.type] = counts.get(item.type, 0) + 1
        return counts

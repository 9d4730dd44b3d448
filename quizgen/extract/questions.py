"""Wh-questions from declarative sentences: move one phrase, add do-support, keep the tense.

"Nair and Ellis signed the deal in Harwick." → "Where did Nair and Ellis sign the deal?"; "The council closed the
library in 2022 to save money." → "In what year did the council close the library to save money?"; "Harwick Council
has opened a library." → "Which organisation has opened a library?". Only the plainest parses are used: a main verb
with a subject that opens the sentence, no quotation, one clause; anything else yields no question rather than a
wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from quizgen.extract.entities import clean_name
from quizgen.extract.parsed import ParsedArticle, doc_text, quote_spans
from quizgen.lang.en.inversion import Clause, question_body
from quizgen.model import Entity, NumberFact, WhQuestion
from quizgen.textutil import stable_id

_PRONOUNS = {"he", "she", "it", "they", "this", "that", "these", "those", "i", "we", "you", "there"}
_YEAR = re.compile(r"(?:19|20)\d\d")
_WHICH = {"PERSON": "Who", "ORG": "Which organisation", "GPE": "Which place", "LOC": "Which place"}


def _text(tokens: list[Token]) -> str:
    """Tokens back to text with their own spacing; gaps left by moved words closed up."""
    text = "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i)).strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r",\s*(?=[,.;:]|$)", "", text)
    return text.strip(" ,;:")


def _opens_with_subject(sent: Span, subject: Token) -> bool:
    """The subject is a noun (not a pronoun) and opens the sentence, or follows its opening "The"."""
    if subject.i > subject.head.i or subject.lower_ in _PRONOUNS or subject.pos_ == "PRON":
        return False
    return subject.left_edge.i == sent.start or (subject.left_edge.i == sent.start + 1 and sent[0].lower_ == "the")


def _one_clause(verb: Token) -> bool:
    """No negation, and no second verb with its own subject joined to the main one."""
    return not any(child.dep_ == "neg" or (child.dep_ in {"conj", "ccomp", "parataxis"} and any(
        g.dep_ in {"nsubj", "nsubjpass"} for g in child.children)) for child in verb.children)


def _clause(sent: Span) -> tuple[Token, Token] | None:
    """(main verb, subject) when the sentence is one plain clause that opens with its subject."""
    verb = sent.root
    if verb.pos_ not in {"VERB", "AUX"} or not sent.text.rstrip().endswith("."):
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or not _opens_with_subject(sent, subject) or not _one_clause(verb):
        return None
    if not 6 <= len([t for t in sent if not t.pos_ == "PUNCT"]) <= 32:
        return None
    return verb, subject


def _inverted(verb: Token, subject: Token, moved: set[int], sent: Span) -> str | None:
    """The clause as a question body: 'did the council close the library to save money'."""
    if any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in verb.children):
        return None  # "opened in 2003 and has since tested …": one auxiliary cannot front both verbs
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    subject_tokens = list(subject.subtree)
    between = [t for t in sent if subject_tokens[-1].i < t.i < verb.i and t not in auxes]
    if any(t.dep_ not in {"advmod"} for t in between):
        return None  # something other than an adverb between subject and verb: not a plain parse
    after = [t for t in sent if t.i > verb.i and t.i not in moved and not (t.pos_ == "PUNCT" and t.i == sent.end - 1)]
    return question_body(Clause(subject=_text(subject_tokens), verb=verb.text, verb_lemma=verb.lemma_,
                                verb_tag=verb.tag_, auxiliaries=tuple(t.text for t in auxes), adverbs=_text(between),
                                rest=_text(after)))


def _finish(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,")
    return text[0].upper() + text[1:] + "?"


@dataclass(frozen=True)
class _Known:
    """What the article's other extractors found, as the question rules look it up."""

    by_id: dict[str, Entity]
    lookup: dict[str, str]  # lowercased name -> entity id
    numbers: list[NumberFact]

    def entity(self, text: str) -> Entity | None:
        entity_id = self.lookup.get(clean_name(text).lower())
        return self.by_id.get(entity_id) if entity_id else None


def _question(sentence: int, wh: str, question: str, answer: str, answer_id: str | None) -> WhQuestion:
    return WhQuestion(id=f"w-{stable_id(sentence, wh, answer, length=8)}", sentence=sentence, wh=wh,
                      question=question, answer=answer, answer_id=answer_id)


def _who_which(sentence: int, sent: Span, subject: Token, known: _Known) -> WhQuestion | None:
    """Who / which: the subject is exactly one named person, organisation or place."""
    subject_tokens = list(subject.subtree)
    entity = known.entity(_text(subject_tokens))
    if entity is None or entity.type not in _WHICH or any(t.dep_ == "cc" for t in subject_tokens):
        return None
    rest = [t for t in sent if t.i > subject_tokens[-1].i and not (t.pos_ == "PUNCT" and t.i == sent.end - 1)]
    return _question(sentence, "who" if entity.type == "PERSON" else "which",
                     _finish(f"{_WHICH[entity.type]} {_text(rest)}"), entity.name, entity.id)


def _when(sentence: int, year: str, body: str | None, known: _Known) -> WhQuestion | None:
    """In what year: the year is one of the article's number facts in this sentence."""
    number = next((n for n in known.numbers if n.sentence == sentence and n.value == float(year)), None)
    if body is None or number is None:
        return None
    return _question(sentence, "when", _finish(f"in what year {body}"), year, number.id)


def _where(sentence: int, place_text: str, body: str | None, known: _Known) -> WhQuestion | None:
    """Where: the phrase names one of the article's places, as the article names it."""
    place = known.entity(place_text)
    if place is None or place.type not in {"GPE", "LOC", "FAC"} or clean_name(place_text) not in place.names:
        return None
    return _question(sentence, "where", _finish(f"where {body}"), place.name, place.id) if body else None


def _where_when(sentence: int, sent: Span, verb: Token, subject: Token, known: _Known) -> Iterator[WhQuestion]:
    """A place or a year in a phrase that modifies the main verb ("in Harwick", "in 2022")."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if len(objects) != 1 or prep.i < verb.i:
            continue
        obj_text = _text(list(objects[0].subtree))
        body = _inverted(verb, subject, {t.i for t in prep.subtree}, sent)
        found = (_when if _YEAR.fullmatch(obj_text) else _where)(sentence, obj_text, body, known)
        if found is not None:
            yield found


def _quoted(sent: Span) -> bool:
    """The sentence holds or touches a quotation: someone's words, not the article's statement."""
    return any(sent.start_char <= s < sent.end_char or sent.start_char < e <= sent.end_char
               for s, e, _ in quote_spans(doc_text(sent.doc)))


def extract_questions(parsed: ParsedArticle, entities: list[Entity], lookup: dict[str, str],
                      numbers: list[NumberFact]) -> list[WhQuestion]:
    """Who / which, where and in-what-year questions from the article's plainest sentences, with their answers."""
    known = _Known({e.id: e for e in entities}, lookup, numbers)
    found: list[WhQuestion] = []
    for info, sent in zip(parsed.sentences, parsed.spans, strict=True):
        clause = None if _quoted(sent) else _clause(sent)
        if clause is None:
            continue
        verb, subject = clause
        who = _who_which(info.index, sent, subject, known)
        found.extend([who] if who else [])
        found.extend(_where_when(info.index, sent, verb, subject, known))
    return found

"""Wh-questions from declarative sentences: move one phrase, add do-support, keep the tense.

"Nair and Ellis signed the deal in Harwick." → "Where did Nair and Ellis sign the deal?"; "The council closed the
library in 2022 to save money." → "In what year did the council close the library to save money?"; "Harwick Council
has opened a library." → "Which organisation has opened a library?". Only the plainest parses are used: a main verb
with a subject that opens the sentence, no quotation, one clause; anything else yields no question rather than a
wrong one.
"""

from __future__ import annotations

import re

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


def _clause(sent: Span) -> tuple[Token, Token] | None:
    """(main verb, subject) when the sentence is one plain clause that opens with its subject."""
    verb = sent.root
    if verb.pos_ not in {"VERB", "AUX"} or not sent.text.rstrip().endswith("."):
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i > verb.i or subject.lower_ in _PRONOUNS or subject.pos_ == "PRON":
        return None
    if subject.left_edge.i != sent.start and not (subject.left_edge.i == sent.start + 1
                                                 and sent[0].lower_ == "the"):
        return None
    if subject.left_edge.i != sent.start and sent[0].lower_ != "the":
        return None
    # One clause: no second verb with its own subject joined to the main one, no negation.
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ in {"conj", "ccomp", "parataxis"} and any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in child.children)):
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


def extract_questions(parsed: ParsedArticle, entities: list[Entity], lookup: dict[str, str],
                      numbers: list[NumberFact]) -> list[WhQuestion]:
    by_id = {e.id: e for e in entities}
    found: list[WhQuestion] = []

    def add(sentence: int, wh: str, question: str, answer: str, answer_id: str | None) -> None:
        found.append(WhQuestion(id=f"w-{stable_id(sentence, wh, answer, length=8)}", sentence=sentence, wh=wh,
                                question=question, answer=answer, answer_id=answer_id))

    for info, sent in zip(parsed.sentences, parsed.spans, strict=True):
        doc = sent.doc
        if any(sent.start_char <= s < sent.end_char or sent.start_char < e <= sent.end_char
               for s, e, _ in quote_spans(doc_text(doc))):
            continue  # someone's words, not the article's statement
        clause = _clause(sent)
        if clause is None:
            continue
        verb, subject = clause
        # Who / which: the subject is exactly one named person, organisation or place.
        subject_tokens = list(subject.subtree)
        subject_name = clean_name(_text(subject_tokens))
        entity_id = lookup.get(subject_name.lower())
        entity = by_id.get(entity_id) if entity_id else None
        if entity is not None and entity.type in _WHICH and not any(t.dep_ == "cc" for t in subject_tokens):
            rest = [t for t in sent if t.i > subject_tokens[-1].i and not (t.pos_ == "PUNCT" and t.i == sent.end - 1)]
            add(info.index, "who" if entity.type == "PERSON" else "which",
                _finish(f"{_WHICH[entity.type]} {_text(rest)}"), entity.name, entity.id)
        # Where / when: a place or a year in a phrase that modifies the main verb ("in Harwick", "in 2022").
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if len(objects) != 1 or prep.i < verb.i:
                continue
            obj = objects[0]
            phrase = {t.i for t in prep.subtree}
            obj_text = _text(list(obj.subtree))
            if _YEAR.fullmatch(obj_text):
                number = next((n for n in numbers if n.sentence == info.index and n.value == float(obj_text)), None)
                body = _inverted(verb, subject, phrase, sent)
                if body is not None and number is not None:
                    add(info.index, "when", _finish(f"in what year {body}"), obj_text, number.id)
                continue
            place_id = lookup.get(clean_name(obj_text).lower())
            place = by_id.get(place_id) if place_id else None
            if place is not None and place.type in {"GPE", "LOC", "FAC"} and clean_name(obj_text) in place.names:
                body = _inverted(verb, subject, phrase, sent)
                if body is not None:
                    add(info.index, "where", _finish(f"where {body}"), place.name, place.id)
    return found

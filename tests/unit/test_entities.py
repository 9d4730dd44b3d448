"""Entities on parses built by hand (no model): a person's gender where the article shows it (and what generation
does with it), and a first name that is also a role word."""

from __future__ import annotations

import random
from dataclasses import replace

from spacy.lang.en import English
from spacy.tokens import Doc

from quizgen.extract.entities import Mention, _gender
from quizgen.generate.distractors import entity_distractors, gender_fits
from quizgen.model import Entity
from tests.unit.factories import sample_facts

VOCAB = English().vocab


def _mention(rows: list[tuple[str, int, str]], start: int, end: int) -> Mention:
    """rows: (word, head, dep); the person is tokens start..end."""
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              sent_starts=[True] + [False] * (len(words) - 1),
              ents=["B-PERSON" if i == start else "I-PERSON" if start < i < end else "O" for i in range(len(words))])
    span = doc[start:end]
    return Mention(span.text, "PERSON", 0, span.start_char, span.end_char, 0, span)


def test_an_honorific_shows_gender():
    rows = [("Mrs", 1, "compound"), ("Okafor", 2, "nsubj"), ("spoke", 2, "ROOT"), (".", 2, "punct")]
    assert _gender([_mention(rows, 0, 2)]) == "female"


def test_the_subjects_pronoun_shows_gender_but_a_possessive_names_pronoun_does_not():
    subject = [("Lee", 1, "nsubj"), ("said", 1, "ROOT"), ("he", 3, "nsubj"), ("won", 1, "ccomp"), (".", 1, "punct")]
    assert _gender([_mention(subject, 0, 1)]) == "male"
    owner = [("Ana", 2, "poss"), ("'s", 0, "case"), ("song", 3, "nsubj"), ("moved", 3, "ROOT"), ("his", 5, "poss"),
             ("fans", 3, "dobj"), (".", 3, "punct")]
    assert _gender([_mention(owner, 0, 1)]) is None


def test_no_evidence_or_contradiction_gives_no_gender():
    plain = [("Lee", 1, "nsubj"), ("spoke", 1, "ROOT"), (".", 1, "punct")]
    assert _gender([_mention(plain, 0, 1)]) is None
    him = [("Mr", 1, "compound"), ("Lee", 2, "nsubj"), ("left", 2, "ROOT"), (".", 2, "punct")]
    her = [("Mrs", 1, "compound"), ("Lee", 2, "nsubj"), ("left", 2, "ROOT"), (".", 2, "punct")]
    assert _gender([_mention(him, 0, 2), _mention(her, 0, 2)]) is None


def test_his_in_the_stem_keeps_women_out_of_the_options():
    facts = sample_facts()
    people = {e.id: e for e in facts.entities}
    nair = replace(people["e-nair"], gender="female")
    ellis = replace(people["e-ellis"], gender="male")
    whitlock = replace(people["e-whitlock"], gender="male")
    extra = Entity("e-ross", "Sam Ross", "PERSON", 2, mentions=2)  # gender not shown
    facts = replace(facts, entities=(nair, ellis, whitlock, extra, *facts.entities[3:]))
    stem = "Who said his plan would cut the cost of the barrier?"
    found = entity_distractors(ellis, facts, stem, 3, random.Random(0))
    assert found == ["Dana Whitlock"]  # never Priya Nair, nor Sam Ross whose gender the article does not show
    assert gender_fits(extra, ellis, "Who opened the barrier?")


def _doc(words: list[str], pos: list[str], ents: list[str]) -> Doc:
    return Doc(VOCAB, words=words, pos=pos, lemmas=[w.lower() for w in words], ents=ents,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_a_first_name_that_is_also_a_role_stays_part_of_the_name():
    from quizgen.extract.entities import _repaired_ents

    inventor = _doc(["Inventor", "Dean", "Kamen", "spoke", "."], ["NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
                    ["O", "B-PERSON", "I-PERSON", "O", "O"])
    assert [e.text for e in _repaired_ents(inventor)] == ["Dean Kamen"]
    councillor = _doc(["Councillor", "Rhodri", "Evans", "spoke", "."], ["PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
                      ["B-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert [(e.text, e.label_) for e in _repaired_ents(councillor)] == [("Rhodri Evans", "PERSON")]


def test_a_year_before_a_role_stays_with_it():
    from quizgen.extract.entities import _title_before

    words = ["the", "2004", "Labour", "leader", "Jon", "Kerrigan", "spoke", "."]
    doc = Doc(VOCAB, words=words, pos=["DET", "NUM", "PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
              lemmas=[w.lower() for w in words], ents=["O", "B-DATE", "O", "O", "B-PERSON", "I-PERSON", "O", "O"],
              sent_starts=[True] + [False] * (len(words) - 1))
    assert _title_before(doc[4:6]) == "2004 Labour leader"

"""Extraction pipeline: entity repair is a component of the spaCy pipeline, so every doc carries repaired entities."""

from __future__ import annotations

import pytest

from quizgen.extract.entities import repair_ents
from quizgen.extract.nlp import installed_model_name, load_nlp
from quizgen.extract.pipeline import add_entity_repair

pytestmark = pytest.mark.skipif(installed_model_name() is None, reason="no English spaCy model installed")

SENTENCES = ["Councillor Rhodri Evans opened the new library in Llanfair on Monday.",
             "“We will reopen,” County Librarian Gwen Pryce said."]


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text", SENTENCES)
def test_docs_from_the_pipeline_carry_the_repaired_entities(text):
    nlp = add_entity_repair(load_nlp())
    assert nlp.pipe_names[-1] == "quizgen_entity_repair" and nlp.pipe_names.count("quizgen_entity_repair") == 1
    with nlp.select_pipes(disable=["quizgen_entity_repair"]):
        by_hand = nlp(text)
    repair_ents(by_hand)
    assert _ents(nlp(text)) == _ents(by_hand)


def test_a_title_before_a_name_gives_a_person_not_an_organisation():
    nlp = add_entity_repair(load_nlp())
    assert ("Rhodri Evans", "PERSON") in _ents(nlp(SENTENCES[0]))
    assert add_entity_repair(nlp) is nlp and nlp.pipe_names.count("quizgen_entity_repair") == 1

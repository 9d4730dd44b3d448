"""The English package: question inversion on plain strings, and its tables."""

from __future__ import annotations

import pytest

from quizgen.lang.en import table
from quizgen.lang.en.inversion import Clause, question_body


@pytest.mark.parametrize(("clause", "body"), [
    # No auxiliary: "do" in the verb's tense, the verb in its base form.
    (Clause("The council", "closed", "close", "VBD", rest="the library"), "did the council close the library"),
    (Clause("Harwick", "runs", "run", "VBZ", rest="a ferry"), "does Harwick run a ferry"),
    (Clause("The farmers", "grow", "grow", "VBP", rest="oats"), "do the farmers grow oats"),
    # An auxiliary goes in front; the others stay with the verb, adverbs between subject and verb stay there.
    (Clause("Pyongyang", "sent", "send", "VBN", auxiliaries=("has",), adverbs="recently", rest="troops"),
     "has Pyongyang recently sent troops"),
    (Clause("The bridge", "built", "build", "VBN", auxiliaries=("will", "be")), "will the bridge be built"),
    (Clause("A ferry", "sail", "sail", "VB", auxiliaries=("did",), negation="not"), "did a ferry not sail"),
    # "be" as the main verb goes in front itself.
    (Clause("The ferry", "was", "be", "VBD", rest="late"), "was the ferry late"),
])
def test_question_body_inverts_subject_and_auxiliary(clause, body):
    assert question_body(clause) == body


@pytest.mark.parametrize("clause", [
    Clause("The army", "sent", "send", "VBN", auxiliaries=("’s",)),  # a contraction cannot open a question
    Clause("The army", "send", "send", "VB", auxiliaries=("ought",)),
    Clause("The army", "sending", "send", "VBG"),  # no tense for do-support
])
def test_question_body_refuses_what_it_cannot_invert(clause):
    assert question_body(clause) is None


def test_a_name_keeps_its_capital_and_an_article_loses_it():
    assert question_body(Clause("An inspector", "came", "come", "VBD")) == "did an inspector come"
    assert question_body(Clause("A-level students", "sat", "sit", "VBD")) == "did A-level students sit"


def test_number_table_scales_and_abbreviations_agree():
    scales = table("numbers")["scales"]
    for word, short in (("thousand", "k"), ("million", "m"), ("billion", "bn"), ("trillion", "tn")):
        assert scales[word] == scales[short]


def test_word_set_is_a_table_list_in_lower_case():
    from quizgen.lang import en as lang_en

    titles = lang_en.word_set("roles", "name_titles")
    assert isinstance(titles, frozenset) and titles == {str(w).lower() for w in lang_en.table("roles")["name_titles"]}
    assert all(w == w.lower() for w in titles)

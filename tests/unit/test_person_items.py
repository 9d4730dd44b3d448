"""Name-the-person items: only a central actor, with a role that says which organisation, written as it reads
mid-sentence. Each rule on hand-built facts."""

from __future__ import annotations

import pytest

from quizgen.generate.blanks import profile
from quizgen.generate.builder import DESCRIPTION_RULES, description_problem
from quizgen.generate.facts import entity_context, role_as_written
from quizgen.model import Entity, FactSheet, Quote, Sentence

_TEXTS = (
    "Dana Whitlock resigned as leader of the Harbour Party on Monday after a row over the ferry budget.",
    "She said the party had lost its way and that she would sit as an independent.",
    "Party leader Tom Ellis said he was sorry to see her go.",
    "“It is a sad day for the party,” Tom Ellis told reporters.",
    "The radio station will cover the election, and its station manager, Ada Kell, hired two reporters.",
    "Station manager Ada Kell said the programme would return in May.",
)


def _sheet(*entities: Entity, quotes: tuple[Quote, ...] = (), texts: tuple[str, ...] = _TEXTS) -> FactSheet:
    return FactSheet(title="Whitlock quits the Harbour Party", slug="t",
                     sentences=tuple(Sentence(i, i, t) for i, t in enumerate(texts)), entities=entities,
                     quotes=quotes)


def _problem(entity: Entity, facts: FactSheet) -> str | None:
    return description_problem(entity, facts, profile(facts))


_ELLIS = Entity("e-ellis", "Tom Ellis", "PERSON", 2, aliases=("Ellis",), description="Party leader",
                description_sentence=2, mentions=2)
_QUOTE = Quote("q", "It is a sad day for the party", "Tom Ellis", 3, speaker_id="e-ellis")


def test_a_person_who_only_reacts_is_not_asked_for():
    """Named twice, both times to give his words: a voice reacting to the resignation, not an actor."""
    assert _problem(_ELLIS, _sheet(_ELLIS, quotes=(_QUOTE,))) == "only reacts: every sentence naming them gives " \
                                                                 "their words"


def test_a_person_who_also_acts_or_leads_the_story_is_asked_for():
    acting = (*_TEXTS[:3], "Tom Ellis called an emergency meeting of the party's board for Friday.")
    assert _problem(_ELLIS, _sheet(_ELLIS, texts=acting)) is None
    in_lede = ("Tom Ellis said he would lead the Harbour Party into the May election.", *_TEXTS[1:])
    assert _problem(_ELLIS, _sheet(_ELLIS, quotes=(_QUOTE,), texts=in_lede)) is None


@pytest.mark.parametrize(("description", "problem"), [
    ("the station manager", "the role does not say which station"),
    ("the club's chairman", "the role does not say which club"),
    ("Station manager", "the role does not say which station"),  # lifted from a sentence's start
    ("Harbour Radio's station manager", None),
    ("the chief executive of Harbour Radio", None),
])
def test_a_role_must_say_which_organisation(description, problem):
    kell = Entity("e-kell", "Ada Kell", "PERSON", 4, description=description, description_sentence=4, mentions=3)
    texts = (*_TEXTS[:4], "Ada Kell, who runs the station, hired two reporters and a producer for the election.",
             "Ada Kell moved the programme to Mondays.")
    assert _problem(kell, _sheet(kell, texts=texts)) == problem


def test_a_role_from_a_sentence_start_is_written_as_it_reads_mid_sentence():
    facts = _sheet()
    assert role_as_written("Station manager", facts) == "station manager"
    # "Party" and "Harbour" are capitalised inside a sentence ("the Harbour Party"): a name, kept.
    assert role_as_written("Party leader", facts) == "Party leader"
    assert role_as_written("Harbour Party leader", facts) == "Harbour Party leader"
    kell = Entity("e-kell", "Ada Kell", "PERSON", 5, description="Station manager", description_sentence=5)
    assert entity_context(kell, _sheet(kell))["entity"]["description"] == "station manager"


def test_every_description_rule_is_listed():
    names = {rule.__name__ for rule in DESCRIPTION_RULES}
    assert {"_only_reacts", "_role_of_an_unnamed_body", "_commentator", "_incidental"} <= names

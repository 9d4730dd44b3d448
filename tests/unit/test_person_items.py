"""Name-the-person items: only a central actor, with a role that says which organisation, written as it reads
mid-sentence. Each rule on hand-built facts."""

from __future__ import annotations

import pytest

from quizgen.generate.blanks import profile
from quizgen.generate.builder import DESCRIPTION_RULES, description_problem, general_knowledge_role, matching_problem
from quizgen.generate.facts import entity_context, role_as_written
from quizgen.model import Entity, FactSheet, Quote, Sentence
from quizgen.templates import with_the

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


def test_a_post_nominal_between_name_and_verb_still_gives_their_words():
    """'Ellis MP criticised …': the letters after a name do not hide that the sentence gives his words."""
    texts = (*_TEXTS[:2], "Former party leader Tom Ellis MP criticised the row on a radio phone-in.", *_TEXTS[3:])
    assert _problem(_ELLIS, _sheet(_ELLIS, quotes=(_QUOTE,), texts=texts)) == "only reacts: every sentence naming " \
                                                                             "them gives their words"


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
    assert {"_only_reacts", "_role_of_an_unnamed_body", "_commentator", "_incidental", "_general_knowledge",
            "_reacting_commentator", "_vox_pop", "_role_needs_context"} <= names


def _person(description: str, sentence: int = 4, mentions: int = 3) -> Entity:
    return Entity("e-kell", "Ada Kell", "PERSON", sentence, description=description, description_sentence=sentence,
                  mentions=mentions)


_ACTING = (*_TEXTS[:4], "Ada Kell hired two reporters and a producer for the election.",
           "Ada Kell moved the programme to Mondays.")


@pytest.mark.parametrize("description", [
    "the US President", "U.S. President", "President of the United States", "the then Russian President",
    "British Prime Minister", "UN Secretary-General", "Microsoft co-founder", "the founder of Facebook",
    "Apple's co-founder and chief executive",
])
def test_a_role_any_student_can_name_is_not_asked_for(description):
    """General knowledge, not the article's: dropped from both person items, however central the person."""
    kell = _person(description)
    facts = _sheet(kell, texts=_ACTING)
    assert "any student can name" in _problem(kell, facts)
    assert "any student can name" in matching_problem(kell, facts, profile(facts))


@pytest.mark.parametrize("description", ["the former US President", "the Bolivian President",
                                         "Harbour Party leader", "the chief executive of Harbour Radio"])
def test_a_role_the_article_teaches_is_not_general_knowledge(description):
    assert not general_knowledge_role(description)


def test_a_commentator_is_not_asked_for_however_often_quoted():
    """'a spokesman for the Harbour Party', quoted twice: a voice on the story, not an actor in it (the old rule
    read the role's last word, 'Party', and let the leading voice of two quotations through)."""
    kell = _person("a spokesman for the Harbour Party")
    texts = (*_TEXTS[:4], "Ada Kell, a spokesman for the Harbour Party, said the vote was fair.",
             "Ada Kell said the party would choose a new leader in June.")
    quotes = (Quote("q1", "The vote was fair and open", "Ada Kell", 4, speaker_id="e-kell"),
              Quote("q2", "We will choose a new leader", "Ada Kell", 5, speaker_id="e-kell"))
    assert _problem(kell, _sheet(kell, quotes=quotes, texts=texts)) == "a spokesman who only comments on the story"
    in_lede = ("Ada Kell, a spokesman for the Harbour Party, said Dana Whitlock had resigned.", *texts[1:])
    lede_kell = _person("a spokesman for the Harbour Party", sentence=0)
    assert _problem(lede_kell, _sheet(lede_kell, quotes=quotes, texts=in_lede)) is None


def test_a_member_of_the_public_is_neither_asked_for_nor_matched():
    kell = _person("a fan from Porthmor who queued all night")
    facts = _sheet(kell, texts=_ACTING)
    assert _problem(kell, facts) == "a fan: a member of the public asked along the way, not an actor"
    assert matching_problem(kell, facts, profile(facts)) == _problem(kell, facts)


@pytest.mark.parametrize("description", ["that season's runner-up", "his deputy at Harbour Radio", "all stripes"])
def test_a_role_that_points_back_is_not_asked_for(description):
    kell = _person(description)
    assert "points to something it does not say" in _problem(kell, _sheet(kell, texts=_ACTING))


@pytest.mark.parametrize(("role", "written"), [
    ("chief executive of Harbour Radio", "the chief executive of Harbour Radio"),
    ("a judge", "a judge"),
    ("Mr. Reyes's former campaign manager", "Mr. Reyes's former campaign manager"),
    ("Harbour Radio’s station manager", "Harbour Radio’s station manager"),
    ("Harbour Party leader", "the Harbour Party leader"),
])
def test_the_is_not_put_before_a_name_in_the_possessive(role, written):
    assert with_the(role) == written


def test_a_person_who_only_tweets_and_congratulates_only_reacts():
    """'tweeted', 'congratulated': a famous voice reacting to the story from outside it, not an actor in it."""
    kell = _person("Harbour Radio's owner", sentence=4, mentions=2)
    texts = (*_TEXTS[:4], "Ada Kell, who owns Harbour Radio, tweeted that the party would miss its leader.",
             "Ada Kell also congratulated Dana Whitlock on ten years as leader.")
    assert _problem(kell, _sheet(kell, texts=texts)) == "only reacts: every sentence naming them gives their words"


def test_the_reason_reads_an_expert_not_a_expert():
    kell = _person("an expert on tides at Porthmor University")
    assert _problem(kell, _sheet(kell, texts=_ACTING)) == "an expert who only comments on the story"


def test_a_dropped_commentator_s_reason_reads_as_english():
    """The -v reason takes 'an' before a vowel sound: 'an editor who only comments', not 'a editor'."""
    from quizgen.generate.builder import _commentator_role
    editor = Entity("e-kell", "Ada Kell", "PERSON", 4, description="the magazine's editor")
    assert _commentator_role(editor) == "an editor who only comments on the story"


def test_a_person_named_once_is_not_asked_for_even_acting_in_their_sentence():
    """'Mayor Ada Kell opened the harbour fair.', named once outside the lede: the sentence opens with her, so the
    old rule let her through; whatever the role, one mention is incidental."""
    texts = (*_TEXTS[:4], "Harbour mayor Ada Kell opened the ferry fair on Sunday.")
    kell = Entity("e-kell", "Ada Kell", "PERSON", 4, description="Harbour mayor", description_sentence=4, mentions=1)
    assert "not a central actor" in _problem(kell, _sheet(kell, texts=texts))
    again = (*texts, "Ada Kell also cut the ribbon on the new quay.")
    assert _problem(Entity("e-kell", "Ada Kell", "PERSON", 4, description="Harbour mayor", description_sentence=4,
                           mentions=2), _sheet(kell, texts=again)) is None


def test_a_spokesperson_for_a_body_outside_the_story_is_not_asked_for():
    """Named twice, speaking for the coastguard the headline and the lede never name: no actor of the story."""
    texts = (*_TEXTS[:4], "Ada Kell, a spokeswoman for the county coastguard, said the quay was closed.",
             "Ada Kell added that the ferry would run again on Tuesday.")
    kell = Entity("e-kell", "Ada Kell", "PERSON", 4, description="a spokeswoman for the county coastguard",
                  description_sentence=4, mentions=2)
    assert _problem(kell, _sheet(kell, texts=texts)) == "a spokeswoman who only comments on the story"

"""True/false swaps (generate/builder.py `false_version`, SWAP_RULES): which spans a false statement may change,
and for what. Hand-written sentences only."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from quizgen.generate.builder import _Builder, _Swap, place_level, swap_problem
from quizgen.model import Entity, KeySentence, NumberFact, Sentence
from tests.unit.factories import sample_facts


def _builder_for(text: str, answers: tuple[str, ...], entities: tuple[Entity, ...] = (),
                 numbers: tuple[NumberFact, ...] = ()) -> tuple[_Builder, KeySentence]:
    """The sample facts with one more key sentence (index 6) and the given extra entities and figures."""
    facts = sample_facts()
    key = KeySentence("k-6", 6, 3.0, answers)
    facts = replace(facts, sentences=(*facts.sentences, Sentence(6, 6, text)),
                    entities=(*facts.entities, *entities), numbers=(*facts.numbers, *numbers),
                    key_sentences=(*facts.key_sentences, key))
    return _Builder(facts, 0, "harwick"), key


def _false(text: str, answers: tuple[str, ...], entities: tuple[Entity, ...] = (),
           numbers: tuple[NumberFact, ...] = ()) -> tuple[str | None, list[str]]:
    builder, key = _builder_for(text, answers, entities, numbers)
    return builder.false_version(key, builder.printable(6), random.Random(0))


_LISBON = Entity("e-lisbon", "Lisbon", "GPE", 6, mentions=2)
_MADRID = Entity("e-madrid", "Madrid", "GPE", 6, mentions=1)
_OHIO = Entity("e-ohio", "Ohio", "GPE", 6, mentions=1)
_KELSO = Entity("e-kelso", "Kelso", "GPE", 6, mentions=3)  # a town on no list: its level is unknown


def test_a_city_is_swapped_for_another_city_the_article_names():
    statement, _ = _false("The flood engineers met their Dutch partners in Lisbon last spring.", ("Lisbon",),
                          (_LISBON, _MADRID, _OHIO))
    assert statement == "The flood engineers met their Dutch partners in Madrid last spring."


def test_a_city_is_never_swapped_for_a_state_nor_a_town_of_unknown_level():
    statement, reasons = _false("The flood engineers met their Dutch partners in Lisbon last spring.", ("Lisbon",),
                                (_LISBON, _OHIO, _KELSO))
    assert statement is None and reasons == ["'Lisbon': no alternative of its kind"]
    statement, _ = _false("The flood engineers met their Dutch partners in Kelso last spring.", ("Kelso",),
                          (_LISBON, _MADRID, _KELSO))
    assert statement is None


def test_place_levels_come_from_the_table():
    assert place_level(_OHIO) == "us_states" and place_level(_MADRID) == "cities"
    assert place_level(_KELSO) is None
    assert place_level(Entity("e-x", "Madrid", "PERSON", 0)) is None  # a person named like a city is no place


def test_a_surname_is_widened_to_the_full_name_the_sentence_prints():
    # 'Nair' alone would leave "Priya Tom Ellis's plan"
    deputy = Entity("e-hale", "Sam Hale", "PERSON", 6, description="the deputy mayor of Harwick", mentions=2)
    statement, _ = _false("Priya Nair's plan was approved by the council in March.", ("Nair",), (deputy,))
    assert statement == "Sam Hale's plan was approved by the council in March."


@pytest.mark.parametrize("after", ["'s campaign announced new support.", "'s monthly press conference was moved."])
def test_a_persons_possession_may_go_to_another_person(after):
    assert swap_problem(_Swap("Ana Lima", "", after, True, False)) is None


@pytest.mark.parametrize("after", ["'s wife opened the show.", "'s own plan failed.", "'s knee injury healed.",
                                   "'s.", "’s, they said."])
def test_a_possession_bound_to_its_person_stays(after):
    assert "bound" in swap_problem(_Swap("Ana Lima", "", after, True, False))


@pytest.mark.parametrize(("span", "before", "after", "kind", "reason"), [
    ("Evansville", "The exhibit, located in ", ", opens in May.", "PLACE", "stands there"),
    ("Leeds", "The firm is based in ", ".", "PLACE", "stands there"),
    ("Salem", "She is a resident of ", ", N.H., and a nurse.", "PLACE", "pinned"),
    ("Arkansas", "Her lead held even in ", ", where she once served as first lady.", "PLACE", "pinned"),
    ("Moscow", "On Thursday ", "’s top envoy to Seoul spoke.", "PLACE", "possessive"),
    ("Vermont", "It helps Bernard Kale, the senator from ", ", most.", "PLACE", "who they are"),
    ("Telegraph", "The book by the Sunday ", " journalist Robert Peel said so.", "OUTLET", "describes the name"),
])
def test_places_and_names_fixed_by_their_words_are_not_swapped(span, before, after, kind, reason):
    assert reason in swap_problem(_Swap(span, before, after, False, False, kind))


@pytest.mark.parametrize(("span", "before", "after"), [
    ("Madrid", "The leaders signed the pact in ", " last summer."),
    ("Madrid", "Talks moved from Lisbon to ", " and then Rome."),  # 'and' links two places, describes nothing
])
def test_a_place_in_plain_words_can_be_swapped(span, before, after):
    assert swap_problem(_Swap(span, before, after, False, False, "PLACE")) is None


def test_one_figure_of_a_list_is_not_swapped():
    before, after = "Fares rose by ", ", 12% and 15% in three years."
    assert "list" in swap_problem(_Swap("10%", before, after, False, True))
    assert "list" in swap_problem(_Swap("12%", "Fares rose by 10%, ", " and 15% in three years.", False, True))
    # a date before a figure is no list
    assert swap_problem(_Swap("some 250", "On Jan. 9, ", " volunteers came to Denver.", False, True)) is None
    assert swap_problem(_Swap("£120 million", "The barrier will cost ", ".", False, True)) is None


def test_every_span_tried_gives_its_reason():
    statement, reasons = _false("Harwick council met the Environment Agency on Monday.", ("Harwick",))
    assert statement is None and len(reasons) == 1 and reasons[0].startswith("'Harwick': ")
    assert _false("The council met on Monday.", ())[1] == ["no test-worthy span"]


@pytest.mark.parametrize(("span", "before", "after"), [
    ("Ana Lima", "The letter was signed by Tom Reed, not ", "."),
    ("York", "The final moved to Leeds rather than ", " last year."),
    ("£4 million", "The refit cost £2 million, not ", "."),
])
def test_a_denied_span_is_not_swapped_for_another_keeps_it_true(span, before, after):
    assert "denies" in swap_problem(_Swap(span, before, after, span == "Ana Lima", span.startswith("£")))


def test_a_list_read_as_one_name_is_not_swapped():
    assert "list" in swap_problem(_Swap("Boots and Tesco", "Shoppers went to ", " for it.", False, False, "ORG"))
    assert swap_problem(_Swap("Marks & Spencer", "Shoppers went to ", " for it.", False, False, "ORG")) is None


_LEAD = Entity("e-dunne", "Frank Dunne", "PERSON", 0, mentions=3)  # named in the lede (sentence 0 of the facts)


def _with_lede_actors(text: str, *people: Entity) -> tuple[str | None, list[str]]:
    """The sample facts with a lede naming each person, and one more key sentence (index 6)."""
    builder, key = _builder_for(text, (people[0].name,), people)
    lede = replace(builder.facts.sentences[0], text=" and ".join(p.name for p in people) + " met on Monday.")
    builder = _Builder(replace(builder.facts, sentences=(lede, *builder.facts.sentences[1:])), 0, "harwick")
    return builder.false_version(key, builder.printable(6), random.Random(0))


def test_two_leading_actors_the_article_ties_to_nothing_do_not_swap():
    # no side, no role, no title: nothing shows that one could stand where the other does ('Pope Francis was
    # invited to speak' for a senator)
    rival = Entity("e-moss", "Carl Moss", "PERSON", 0, mentions=3)
    statement, _ = _with_lede_actors("Frank Dunne signed the barrier contract at dawn.", _LEAD, rival)
    assert statement is None


def test_a_person_tied_to_a_role_does_not_swap_with_an_untied_one():
    engineer = Entity("e-moss", "Carl Moss", "PERSON", 0, mentions=3, description="the chief engineer")
    statement, _ = _with_lede_actors("Frank Dunne signed the barrier contract at dawn.", _LEAD, engineer)
    assert statement is None


def test_a_person_the_sentence_names_by_role_is_no_alternative():
    # Carl Moss is 'the treasurer': put in Dunne's place he would brief himself
    treasurer = Entity("e-moss", "Carl Moss", "PERSON", 0, mentions=3, description="the treasurer")
    dunne = replace(_LEAD, description="the deputy treasurer")
    statement, _ = _with_lede_actors("Frank Dunne briefed the treasurer on the barrier contract.", dunne, treasurer)
    assert statement is None
    statement, _ = _with_lede_actors("Frank Dunne signed the barrier contract at dawn.", dunne, treasurer)
    assert statement == "Carl Moss signed the barrier contract at dawn."


def test_a_titled_person_swaps_only_for_one_the_article_gives_the_same_title():
    judge = Entity("e-okoro", "Ada Okoro", "PERSON", 6, mentions=2)
    clerk = Entity("e-pike", "Ben Pike", "PERSON", 6, mentions=2)
    builder, key = _builder_for("Judge Ada Okoro adjourned the barrier inquiry until June.", ("Ada Okoro",),
                                (judge, clerk))
    other = Sentence(7, 6, "Judge Ben Pike had heard the first appeal.")
    builder = _Builder(replace(builder.facts, sentences=(*builder.facts.sentences, other)), 0, "harwick")
    statement, _ = builder.false_version(key, builder.printable(6), random.Random(0))
    assert statement == "Judge Ben Pike adjourned the barrier inquiry until June."
    builder, key = _builder_for("Judge Ada Okoro adjourned the barrier inquiry until June.", ("Ada Okoro",),
                                (judge, clerk))  # Ben Pike is never called a judge
    assert builder.false_version(key, builder.printable(6), random.Random(0))[0] is None


@pytest.mark.parametrize(("before", "title"), [
    ("On Monday, President ", "President"), ("Vice President ", "Vice President"), ("A report by Sen. ", "Sen."),
    ("To Russian President ", ""), ("The plan of ", ""), ("Labour MP ", ""),
])
def test_the_title_before_a_name(before, title):
    from quizgen.generate.builder import _title_before

    assert _title_before(before) == title


def test_a_titled_person_described_after_the_name_is_not_swapped():
    after = " of the Seventh Circuit wrote it."
    assert "bound" in swap_problem(_Swap("Ada Okoro", "Judge ", after, True, False, "PERSON", titled=True))
    assert swap_problem(_Swap("Ada Okoro", "Judge ", " wrote it.", True, False, "PERSON", titled=True)) is None


@pytest.mark.parametrize(("span", "before", "after"), [
    ("9/11", "He was a senator during the ", " attacks."),
    ("9", "He was a senator during the ", "/11 attacks."),
    ("2", "Harwick won the final 3-", " on Sunday."),
])
def test_a_figure_joined_to_another_is_not_swapped(span, before, after):
    assert "slash or a dash" in swap_problem(_Swap(span, before, after, False, True))


def test_one_body_written_two_ways_is_no_alternative():
    from quizgen.generate.builder import _same_name_words

    assert _same_name_words("Justice Department", "Department of Justice")
    assert _same_name_words("Harwick’s Council", "Council of Harwick")
    assert not _same_name_words("State Department", "Department of Justice")


_AGENCY = Entity("e-agency2", "Flood Agency", "ORG", 6, mentions=2)
_DEPT = Entity("e-dept", "Harbour Bureau", "ORG", 6, mentions=2)
_BANK = Entity("e-bank", "Castle Bank", "ORG", 6, mentions=2)


def _bodies_after_the(text: str, span: str, *bodies: Entity) -> str | None:
    """A key sentence naming `span` after 'the', in sample facts where each body is written after 'the' too."""
    builder, key = _builder_for(text, (span,), bodies)
    extra = tuple(Sentence(7 + i, 6, f"Officials at the {b.name} met on Friday.") for i, b in enumerate(bodies))
    builder = _Builder(replace(builder.facts, sentences=(*builder.facts.sentences, *extra)), 0, "harwick")
    return builder.false_version(key, builder.printable(6), random.Random(0))[0]


def test_a_body_after_the_swaps_for_another_of_its_kind_written_so():
    statement = _bodies_after_the("Priya Nair sent her report to the Flood Agency in July.", "Flood Agency", _AGENCY,
                                  _DEPT, _BANK)
    assert statement == "Priya Nair sent her report to the Harbour Bureau in July."


def test_a_body_after_the_never_swaps_for_another_kind_nor_as_a_modifier():
    assert _bodies_after_the("Priya Nair sent her report to the Flood Agency in July.", "Flood Agency", _AGENCY,
                             _BANK) is None
    assert _bodies_after_the("The Flood Agency director resigned in July.", "Flood Agency", _AGENCY, _DEPT) is None


def test_a_new_name_holding_a_name_the_sentence_prints_is_no_swap():
    harwick_dept = Entity("e-hdept", "Harwick Department of Roads", "ORG", 6, mentions=2)
    statement = _bodies_after_the("The Flood Agency will sue Harwick over the barrier.", "Flood Agency", _AGENCY,
                                  harwick_dept)
    assert statement is None


def test_a_place_pinned_by_a_place_named_before_it_is_not_swapped():
    kent = Entity("e-kent", "Kent", "GPE", 6, mentions=2)
    statement, _ = _false("Tom Reed chairs the Harwick flood board in Lisbon.", ("Lisbon",),
                          (_LISBON, _MADRID, kent))
    assert statement is None  # Harwick, named in the same clause, pins where the board is
    statement, _ = _false("Tom Reed chairs the flood board, and met in Lisbon.", ("Lisbon",), (_LISBON, _MADRID))
    assert statement == "Tom Reed chairs the flood board, and met in Madrid."


def test_a_title_shared_through_a_surname_proves_nothing():
    from quizgen.generate.builder import _written_with_title

    facts = sample_facts()
    laura = Entity("e-laura", "Laura Bush", "PERSON", 0, aliases=("Bush",), mentions=2)
    george = Entity("e-george", "George Bush", "PERSON", 0, aliases=("Bush",), mentions=2)
    facts = replace(facts, entities=(*facts.entities, laura, george),
                    sentences=(*facts.sentences, Sentence(6, 6, "President Bush spoke first.")))
    assert not _written_with_title(laura, "President", facts)
    facts = replace(facts, sentences=(*facts.sentences, Sentence(7, 6, "President George Bush spoke.")))
    assert _written_with_title(george, "President", facts) and not _written_with_title(laura, "President", facts)


def test_aliases_of_one_body_that_share_no_words_are_no_alternative():
    from quizgen.generate.builder import _same_name_words

    assert _same_name_words("GOP", "Republican Party") and _same_name_words("Associated Press", "AP")
    assert not _same_name_words("GOP", "Democratic Party")


def test_a_home_after_a_no_break_space_is_still_a_persons_detail():
    before = "Ann Reed,\u00a0the independent senator from "
    assert "who they are" in swap_problem(_Swap("Vermont", before, ", spoke.", False, False, "PLACE"))


@pytest.mark.parametrize("after", [" where she works for the state.", ", where she works."])
def test_a_place_the_words_after_describe_is_not_swapped(after):
    assert "pinned" in swap_problem(_Swap("Chicago", "She lives in her hometown of ", after, False, False, "PLACE"))


def _titled(sentences: tuple[str, ...], *people: Entity) -> str | None:
    builder, key = _builder_for(sentences[0], (people[0].name,), people)
    extra = tuple(Sentence(7 + i, 6, t) for i, t in enumerate(sentences[1:]))
    builder = _Builder(replace(builder.facts, sentences=(*builder.facts.sentences, *extra)), 0, "harwick")
    return builder.false_version(key, builder.printable(6), random.Random(0))[0]


def test_a_title_never_joins_two_sides():
    # Both are 'President', but the article ties them to two countries
    obama = Entity("e-obama", "Barack Obama", "PERSON", 6, mentions=2, description="the US president")
    hollande = Entity("e-hol", "Francois Hollande", "PERSON", 6, mentions=2, description="the French president")
    france = Entity("e-fr", "France", "GPE", 6, mentions=2)
    us = Entity("e-us", "United States", "GPE", 6, aliases=("US",), mentions=2)
    sentences = ("Last May, President Barack Obama signed the flood treaty.", "President Francois Hollande spoke.")
    assert _titled(sentences, obama, hollande, france, us) is None


def test_a_role_of_any_body_ties_two_people_only_through_that_body():
    from quizgen.generate.sides import same_side

    facts = sample_facts()
    council = Entity("e-eks", "Bilal Eks", "PERSON", 0, mentions=2, description="president of the Harwick Council")
    country = Entity("e-pres", "Ana Ruiz", "PERSON", 0, mentions=2, description="the president")
    deputy = Entity("e-dep", "Ana Ruiz", "PERSON", 0, mentions=2, description="the deputy mayor")
    mayor = next(e for e in facts.entities if e.name == "Priya Nair")  # the mayor of Harwick
    assert not same_side(country, council, facts)  # 'president' of a council and of a country
    assert same_side(deputy, mayor, facts)  # two mayors


@pytest.mark.parametrize(("span", "before", "after"), [
    ("Paris", "After Sharm, after Beirut, after ", ", after Yola, the mood turned."),
    ("Marco Rubio", "He backed Rick Santorum, Senator ", ", and Senator Ted Cruz first."),
    ("Ted Cruz", "He backed Rick Santorum, Senator Marco Rubio, and Senator ", "."),
])
def test_one_name_of_a_series_is_not_swapped(span, before, after):
    person = span in {"Marco Rubio", "Ted Cruz"}  # after a title the article gives another too
    kind = "PERSON" if person else "PLACE"
    assert "series" in swap_problem(_Swap(span, before, after, person, False, kind, titled=person))


def test_a_name_between_clauses_is_no_series():
    after = ", as firms such as Tesco said, trade grew."
    assert swap_problem(_Swap("Leeds", "In 2005, ", after, False, False, "PLACE")) is None


def test_the_main_subject_swaps_only_for_another_main_subject():
    # Priya Nair is the main subject (named four times); Sam Hale, of her side, is named twice: no rival
    deputy = Entity("e-hale", "Sam Hale", "PERSON", 6, description="the deputy mayor of Harwick", mentions=2)
    builder, key = _builder_for("Priya Nair signed the barrier contract at dawn.", ("Priya Nair",), (deputy,))
    facts = replace(builder.facts, entities=tuple(replace(e, mentions=4) if e.name == "Priya Nair" else e
                                                  for e in builder.facts.entities))
    builder = _Builder(facts, 0, "harwick")
    assert builder.false_version(key, builder.printable(6), random.Random(0))[0] is None
    rival = replace(deputy, mentions=4)
    facts = replace(facts, entities=tuple(rival if e.id == "e-hale" else e for e in facts.entities))
    builder = _Builder(facts, 0, "harwick")
    assert builder.false_version(key, builder.printable(6), random.Random(0))[0] == (
        "Sam Hale signed the barrier contract at dawn.")


def test_two_names_joined_by_and_are_no_series():
    before = "In Iowa, Tom Reed and "
    assert swap_problem(_Swap("Ana Lima", before, " spent the year courting voters.", True, False)) is None


@pytest.mark.parametrize("after", [" intern, met him.", " agents searched it.", " leadership backed it."])
def test_a_body_naming_a_persons_post_is_not_swapped(after):
    assert "post" in swap_problem(_Swap("White House", "A 22-year-old ", after, False, False, "ORG"))


def test_a_body_before_a_verb_is_no_post():
    assert swap_problem(_Swap("Flood Agency", "On Monday ", " met the council.", False, False, "ORG")) is None


def test_a_hedged_count_of_a_few_is_not_swapped():
    before, after = "A source said he was one of ", " people who sent it."
    assert "few" in swap_problem(_Swap("about three", before, after, False, True))
    assert swap_problem(_Swap("about 300", before, after, False, True)) is None


def test_a_hedged_share_of_a_few_in_ten_may_be_swapped():
    assert swap_problem(_Swap("About one", "", " in five voters are unsure.", False, True)) is None


def test_a_place_before_a_body_and_a_post_is_not_swapped():
    after = " RNC member Ada Fisher believes it."
    assert "post" in swap_problem(_Swap("North Carolina", "", after, False, False, "PLACE"))


def test_an_agency_never_swaps_for_a_department_that_may_hold_it():
    from quizgen.generate.builder import body_kind

    fbi, doj = Entity("e-fbi", "FBI", "ORG", 0), Entity("e-doj", "Department of Justice", "ORG", 0)
    assert body_kind(fbi) == "agency" and body_kind(doj) == "department"


@pytest.mark.parametrize(("span", "before", "after", "kind", "reason"), [
    # round 8: the located slot in a relative clause, after filler words, or as the region after its town
    ("Kelso", "Visitors came to the new archive, which is located in the town of ", ".", "PLACE", "stands there"),
    ("Ohio", "The plant is located in Kelso, ", ".", "PLACE", "stands there"),
    ("Kelso", "The prints are housed in the heart of ", ".", "PLACE", "stands there"),
    # the place written after a name pins the name
    ("Castle Bank", "Savers wrote to ", ", which is based in Leeds.", "ORG", "pins"),
    ("Harwick Museum", "Crowds queued at ", " exhibit, located in Kelso, all week.", "ORG", "pins"),
])
def test_a_place_and_what_stands_there_pin_each_other(span, before, after, kind, reason):
    assert reason in swap_problem(_Swap(span, before, after, False, False, kind))


def test_a_place_after_a_located_clause_of_another_thing_may_be_swapped():
    before = "The firm, based in Leeds, said it would expand to "
    assert swap_problem(_Swap("Paris", before, " next year.", False, False, "PLACE")) is None


@pytest.mark.parametrize(("span", "before", "after", "reason"), [
    ("Harbour Union", "A complaint came from ", " of Boat Owners and Fishers (HUBOF) on Monday.", "acronym"),
    ("Harbour Trust", "She wrote to Friends of ", " on Monday.", "longer capitalised"),
    ("Harwick", "She studied at ", " College for two years.", "longer capitalised"),
])
def test_a_span_inside_a_longer_name_is_not_swapped(span, before, after, reason):
    assert reason in swap_problem(_Swap(span, before, after, False, False, "ORG"))


@pytest.mark.parametrize(("span", "before", "after"), [
    ("Leeds", "Fans travelled to ", " for Saturday's final."),  # 'for' after a name starts no longer name
    ("Castle Bank", "Savers moved to ", " on Monday."),
])
def test_a_name_standing_alone_may_be_swapped(span, before, after):
    assert swap_problem(_Swap(span, before, after, False, False, "ORG")) is None


@pytest.mark.parametrize("after", [" said he had warned his former boss about the costs.",
                                   " told the court that her deputy had signed the cheques."])
def test_a_person_beside_another_named_by_their_tie_is_not_swapped(after):
    # 'his former boss' may be the very person a swap would put in
    assert "tie" in swap_problem(_Swap("Sam Hale", "", after, True, False, "PERSON"))
    assert swap_problem(_Swap("Sam Hale", "", " said he had warned the board about the costs.", True, False,
                              "PERSON")) is None


def _after_a_sentence(sentence_five: str, text: str) -> str | None:
    """The treasurer example, with sentence 5 (the one before the key sentence) replaced."""
    treasurer = Entity("e-moss", "Carl Moss", "PERSON", 0, mentions=3, description="the treasurer")
    dunne = replace(_LEAD, description="the deputy treasurer")
    builder, key = _builder_for(text, (dunne.name,), (dunne, treasurer))
    sentences = list(builder.facts.sentences)
    sentences[0] = replace(sentences[0], text="Frank Dunne and Carl Moss met on Monday.")
    sentences[5] = replace(sentences[5], text=sentence_five)
    builder = _Builder(replace(builder.facts, sentences=tuple(sentences)), 0, "harwick")
    return builder.false_version(key, builder.printable(6), random.Random(0))[0]


def test_a_person_the_sentence_before_pairs_by_a_tie_is_no_alternative():
    text = "Frank Dunne signed the barrier contract at dawn."
    assert _after_a_sentence("Carl Moss, who hired Frank Dunne as his deputy, retired in May.", text) is None
    assert _after_a_sentence("The case of Carl Moss v Frank Dunne opens in May.", text) is None
    # named together with no tie between them: the swap stands
    assert _after_a_sentence("Carl Moss and Frank Dunne toured the barrier site in May.", text) == (
        "Carl Moss signed the barrier contract at dawn.")


@pytest.mark.parametrize("after", [", perhaps the best-known pupil of the school.",
                                   ", his former boss, last week."])
def test_a_name_described_after_a_hedge_or_by_a_tie_is_not_swapped(after):
    assert "describe" in swap_problem(_Swap("Kit Moore", "The letter was signed by ", after, True, False, "PERSON"))


def test_a_person_whose_name_goes_on_into_a_longer_one_is_not_swapped():
    assert "longer" in swap_problem(_Swap("Ana Lima", "He gave money to ", " Foundation in May.", True, False,
                                          "PERSON"))
    # a weekday after the name starts no longer name
    assert swap_problem(_Swap("Ana Lima", "The plan was signed by ", " Monday.", True, False, "PERSON")) is None

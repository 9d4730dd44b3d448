"""Who-said items: which sentence the key prints, which people stand as options, and which quotations or speakers
make no fair question. Hand-written articles, no model."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.generate import generate_quiz
from quizgen.generate.builder import QUOTE_RULES, _Builder
from quizgen.generate.rules import first_reason
from quizgen.model import Entity, FactSheet, Quote, Sentence
from quizgen.templates import load_templates


def _who_said() -> list:
    return [t for t in load_templates() if t.id == "quote-speaker"]


def _sheet(paragraphs: list[list[str]], entities: tuple[Entity, ...], quotes: tuple[Quote, ...] = (),
           title: str = "Harbour wall to be rebuilt") -> FactSheet:
    sentences, index = [], 0
    for p, texts in enumerate(paragraphs):
        for text in texts:
            sentences.append(Sentence(index, p, text))
            index += 1
    return FactSheet(title=title, slug="t", sentences=tuple(sentences), entities=entities, quotes=quotes)


LIMA = Entity("e-lima", "Ana Lima", "PERSON", 0, aliases=("Lima",), gender="female", mentions=3,
              description="the harbour engineer", description_sentence=0)
CHEN = Entity("e-chen", "Bo Chen", "PERSON", 0, aliases=("Chen",), gender="male", mentions=3,
              description="the council leader", description_sentence=0)
ROSS = Entity("e-ross", "Sara Ross", "PERSON", 0, aliases=("Ross",), gender="female", mentions=2,
              description="a fisherman's union official", description_sentence=0)


# --- the key prints the sentence that names a speaker the quotation's own sentence calls "he" or "she" ----------

def test_a_he_or_she_quotation_rests_on_the_sentence_before_that_names_the_speaker():
    paragraphs = [["Ana Lima spent a decade on the harbour wall."],  # the paragraph before
                  ["“The stone will outlast the concrete,” she said."]]
    facts = _sheet(paragraphs, (LIMA, CHEN))
    quote = Quote("q", "The stone will outlast the concrete", "Ana Lima", 1, speaker_id="e-lima", cue="said")
    source = _Builder(facts, 0, "t")._attributed_source(quote, "Ana Lima")
    assert source == f"{paragraphs[0][0]} {paragraphs[1][0]}"


def test_a_sentence_between_that_goes_on_with_the_same_pronoun_is_printed_too():
    paragraphs = [["Ana Lima spent a decade on the wall.", "At sixty, she still climbs it every morning.",
                   "“The stone will outlast the concrete,” she said."]]
    facts = _sheet(paragraphs, (LIMA, CHEN))
    quote = Quote("q", "The stone will outlast the concrete", "Ana Lima", 2, speaker_id="e-lima", cue="said")
    assert _Builder(facts, 0, "t")._attributed_source(quote, "Ana Lima") == " ".join(paragraphs[0])


def test_the_sentence_before_is_not_trusted_when_it_names_another_person_the_pronoun_could_mean():
    # Sara Ross is a woman too: "she" could be either of them.
    paragraphs = [["Ana Lima met Sara Ross at the quay."], ["“The stone will outlast the concrete,” she said."]]
    facts = _sheet(paragraphs, (LIMA, ROSS))
    quote = Quote("q", "The stone will outlast the concrete", "Ana Lima", 1, speaker_id="e-lima", cue="said")
    assert _Builder(facts, 0, "t")._attributed_source(quote, "Ana Lima") == paragraphs[1][0]


def test_a_man_named_beside_her_or_only_in_a_possessive_leaves_the_speaker_certain():
    paragraphs = [["Ana Lima, who criticised Bo Chen's budget, met Sara Ross's team."],
                  ["“The stone will outlast the concrete,” she said."]]
    facts = _sheet(paragraphs, (LIMA, CHEN, ROSS))
    quote = Quote("q", "The stone will outlast the concrete", "Ana Lima", 1, speaker_id="e-lima", cue="said")
    assert _Builder(facts, 0, "t")._attributed_source(quote, "Ana Lima").startswith("Ana Lima, who")


@pytest.mark.parametrize(("before", "pronoun"), [
    ("Ana Lima spent a decade on the wall.", "he"),  # the pronoun does not fit her
    ("The wall was finished in May.", "she"),  # a sentence that names no one and does not go on with 'she'
])
def test_no_earlier_sentence_when_pronoun_or_chain_does_not_hold(before, pronoun):
    paragraphs = [["Ana Lima arrived in spring."], [before], [f"“The stone will last,” {pronoun} said."]]
    facts = _sheet(paragraphs, (LIMA,))
    quote = Quote("q", "The stone will last", "Ana Lima", 2, speaker_id="e-lima", cue="said")
    assert _Builder(facts, 0, "t")._attributed_source(quote, "Ana Lima") == paragraphs[2][0]


def test_a_who_said_item_on_an_earlier_named_speaker_reaches_the_quiz_with_its_naming_sentence():
    paragraphs = [["Ana Lima, the harbour engineer, spent a decade on the harbour wall."],
                  ["“The granite blocks will outlast any concrete pier,” she said."],
                  ["Bo Chen, the council leader, said: “The harbour budget covers the granite.”"],
                  ["Sara Ross, a fisherman's union official, said: “Boats need the quay open in winter.”"]]
    quotes = (Quote("q-lima", "The granite blocks will outlast any concrete pier", "Ana Lima", 1,
                    speaker_id="e-lima", cue="said"),
              Quote("q-chen", "The harbour budget covers the granite", "Bo Chen", 2, speaker_id="e-chen", cue="said"),
              Quote("q-ross", "Boats need the quay open in winter", "Sara Ross", 3, speaker_id="e-ross", cue="said"))
    facts = _sheet(paragraphs, (LIMA, CHEN, ROSS), quotes)
    quiz = generate_quiz(facts, _who_said(), count=5, seed=0)
    item = next(i for i in quiz.items if i.fact == "q-lima")
    assert item.answer == "Ana Lima" and item.source.startswith("Ana Lima, the harbour engineer")
    assert "Ana Lima" not in item.question and "Lima" not in item.question


# --- options where only one person speaks in quotation marks ------------------------------------------------------

def test_without_another_speaker_the_options_are_people_reported_speaking():
    paragraphs = [["Ana Lima, the harbour engineer, said: “The granite blocks will outlast any concrete pier.”"],
                  ["Bo Chen, the council leader, said the budget covered the granite."],
                  ["Sara Ross, a fisherman's union official, told reporters the boats needed the quay."],
                  ["Tom Hale, a diver, found the old wall in 1990.", "Tom Hale, a diver, retired last year."]]
    hale = Entity("e-hale", "Tom Hale", "PERSON", 3, aliases=("Hale",), gender="male", mentions=2,
                  description="a diver", description_sentence=3)
    quotes = (Quote("q-lima", "The granite blocks will outlast any concrete pier", "Ana Lima", 0,
                    speaker_id="e-lima", cue="said"),)
    facts = _sheet(paragraphs, (LIMA, CHEN, ROSS, hale), quotes)
    item = generate_quiz(facts, _who_said(), count=3, seed=0).items[0]
    # Tom Hale is established (described, named twice) but never speaks: no option; Ross is a woman, Chen a man.
    assert set(item.options) == {"Ana Lima", "Bo Chen", "Sara Ross"}
    lone = _sheet([paragraphs[0], paragraphs[3]], (LIMA, CHEN, ROSS, hale), quotes)
    quiz = generate_quiz(lone, _who_said(), count=3, seed=0)
    assert not quiz.items and any("no one else in the article is reported speaking" in d.reason
                                  for d in quiz.dropped)


def test_a_pronoun_inside_the_quotation_does_not_restrict_the_options_to_the_speakers_gender():
    paragraphs = [["Ana Lima, the harbour engineer, said: “He built the best wall on this coast.”"],
                  ["Bo Chen, the council leader, said: “The harbour budget covers the granite.”"],
                  ["Sara Ross, a fisherman's union official, said: “Boats need the quay open in winter.”"]]
    quotes = (Quote("q-lima", "He built the best wall on this coast", "Ana Lima", 0, speaker_id="e-lima"),
              Quote("q-chen", "The harbour budget covers the granite", "Bo Chen", 1, speaker_id="e-chen"),
              Quote("q-ross", "Boats need the quay open in winter", "Sara Ross", 2, speaker_id="e-ross"))
    facts = _sheet(paragraphs, (LIMA, CHEN, ROSS), quotes)
    item = next(i for i in generate_quiz(facts, _who_said(), count=3, seed=0).items if i.fact == "q-lima")
    assert "Bo Chen" in item.options  # a man may stand beside her though the words say "he"


# --- quotations and speakers that make no fair question -------------------------------------------------------

@pytest.mark.parametrize("text", ["It is a great feeling", "That would be good.", "They have got to be able to win.",
                                  "We were all so proud of him."])
def test_a_bland_quotation_tests_nothing(text):
    reason = first_reason(QUOTE_RULES, Quote("q", text, "Ana Lima", 0), LIMA, _sheet([["x"]], (LIMA,)))
    assert reason is not None and "bland" in reason


@pytest.mark.parametrize("text", ["The granite will outlast the concrete", "I'm 76, and I won't do it again",
                                  "It is a great feeling to finish the harbour wall"])
def test_a_quotation_with_a_word_of_substance_is_not_bland(text):
    assert first_reason(QUOTE_RULES, Quote("q", text, "Ana Lima", 0), LIMA, _sheet([["x"]], (LIMA,))) is None


def test_a_court_case_read_as_a_name_is_no_speaker():
    case = Entity("e-case", "Lima v. Chen", "PERSON", 0)
    reason = first_reason(QUOTE_RULES, Quote("q", "The granite will outlast the concrete", "Lima v. Chen", 0),
                          case, _sheet([["x"]], (case,)))
    assert "court case" in reason


def test_the_speaker_the_headline_names_is_guessed_without_reading():
    paragraphs = [["Ana Lima, the harbour engineer, said: “The granite blocks will outlast any concrete pier.”"],
                  ["Bo Chen, the council leader, said: “The harbour budget covers the granite.”"],
                  ["Sara Ross, a fisherman's union official, said: “Boats need the quay open in winter.”"]]
    quotes = (Quote("q-lima", "The granite blocks will outlast any concrete pier", "Ana Lima", 0,
                    speaker_id="e-lima"),
              Quote("q-chen", "The harbour budget covers the granite", "Bo Chen", 1, speaker_id="e-chen"),
              Quote("q-ross", "Boats need the quay open in winter", "Sara Ross", 2, speaker_id="e-ross"))
    facts = _sheet(paragraphs, (LIMA, CHEN, ROSS), quotes, title="Lima defends granite harbour wall")
    quiz = generate_quiz(facts, _who_said(), count=3, seed=0)
    assert "q-lima" not in {i.fact for i in quiz.items}
    assert any(d.fact == "q-lima" and "headline" in d.reason for d in quiz.dropped)
    # Two people in the headline: it no longer points to one of them.
    both = replace(facts, title="Lima and Chen clash over harbour wall")
    assert "q-lima" in {i.fact for i in generate_quiz(both, _who_said(), count=3, seed=0).items}


def test_words_a_woman_of_the_speakers_surname_said_are_not_his():
    bill = Entity("e-bill", "Bill Marsh", "PERSON", 0, aliases=("Marsh",), gender="male", mentions=4)
    text = "“Jobs, jobs, jobs,” Mrs. Marsh said when asked what her husband would do."
    facts = _sheet([[text]], (bill,))
    quote = Quote("q", "Jobs, jobs, jobs", "Bill Marsh", 0, speaker_id="e-bill", cue="said")
    assert "Mrs. Marsh" in first_reason(QUOTE_RULES, quote, bill, facts)
    his = _sheet([[text.replace("Mrs.", "Mr.")]], (bill,))
    assert first_reason(QUOTE_RULES, quote, bill, his) is None


def test_a_name_after_the_quotation_counts_only_when_its_cue_gives_it_the_words():
    text = ("On the topic of Ana Lima, Bo Chen was asked why he had called it “a harbour for the ages” given that "
            "Ana Lima opposed it.")
    facts = _sheet([[text]], (LIMA, CHEN))
    builder = _Builder(facts, 0, "t")
    quote = Quote("q", "a harbour for the ages", "Ana Lima", 0, speaker_id="e-lima", partial=True, cue="called")
    assert "Bo Chen is named nearer" in builder._uncertain_speaker(quote, LIMA)
    cued = _sheet([["Bo Chen spoke first. “A harbour for the ages,” said the engineer, Ana Lima."]], (LIMA, CHEN))
    whole = Quote("q", "A harbour for the ages", "Ana Lima", 0, speaker_id="e-lima", cue="said")
    assert _Builder(cued, 0, "t")._uncertain_speaker(whole, LIMA) is None


def test_a_name_garbled_by_a_misread_encoding_is_neither_answer_nor_option():
    from quizgen.generate.distractors import speaker_option_problem

    garbled = Entity("e-g", "FranÃÂ§ois Lima", "PERSON", 0, mentions=3, description="the mayor")
    quote = Quote("q", "The granite will outlast the concrete", garbled.name, 0, speaker_id="e-g")
    facts = _sheet([["x"]], (garbled, CHEN))
    assert "garbled" in first_reason(QUOTE_RULES, quote, garbled, facts)
    other = replace(quote, speaker="Bo Chen", speaker_id="e-chen")
    assert "garbled" in speaker_option_problem(garbled, other, facts)
    assert speaker_option_problem(Entity("e-f", "François Lima", "PERSON", 0), other, facts) is None


def test_a_title_and_surname_beside_the_full_name_is_one_person_not_two_options():
    from quizgen.generate.distractors import speaker_option_problem

    full = Entity("e-b", "Morris J. Brooks Jr.", "PERSON", 0, mentions=2)
    titled = Entity("e-r", "Representative Brooks", "PERSON", 0, mentions=2)
    gary, phil = Entity("e-g", "Gary Neville", "PERSON", 0), Entity("e-p", "Phil Neville", "PERSON", 0)
    facts = _sheet([["x"]], (LIMA, full, titled, gary, phil))
    quote = Quote("q", "The granite will outlast the concrete", "Ana Lima", 0, speaker_id="e-lima")
    assert "Morris J. Brooks Jr." in speaker_option_problem(titled, quote, facts)
    assert "Representative Brooks" in speaker_option_problem(full, quote, facts)
    assert speaker_option_problem(gary, quote, facts) is None


def test_the_person_a_quotation_calls_she_in_the_paragraph_before_is_no_option():
    from quizgen.generate.distractors import speaker_option_problem

    paragraphs = [["Bo Chen questioned Ana Lima's judgment on the harbour."],
                  ["He asks, “Can she be trusted with the granite when she ignored the survey?”"]]
    facts = _sheet(paragraphs, (LIMA, CHEN, ROSS))
    quote = Quote("q", "Can she be trusted with the granite when she ignored the survey?", "Bo Chen", 1,
                  speaker_id="e-chen", cue="asks")
    assert "he' or 'she'" in speaker_option_problem(LIMA, quote, facts)
    assert speaker_option_problem(ROSS, quote, facts) is None


def test_a_surname_inside_another_persons_full_name_and_a_man_by_first_name_do_not_block_she_or_he():
    don = Entity("e-don", "Donald Marsh", "PERSON", 0, mentions=4)  # gender not shown: male by his first name
    eric = Entity("e-eric", "Eric Marsh", "PERSON", 0, aliases=("Marsh",), mentions=4)
    paragraphs = [["Donald Marsh also criticised Ana Lima at a rally in Hartford."],
                  ["“Ana Lima is a joke,” he said."]]
    facts = _sheet(paragraphs, (don, eric, LIMA))
    quote = Quote("q", "Ana Lima is a joke", "Donald Marsh", 1, speaker_id="e-don", cue="said")
    # 'Marsh' (Eric's alias) sits inside 'Donald Marsh'; Ana Lima is a woman: 'he' can only be Donald Marsh.
    assert _Builder(facts, 0, "t")._attributed_source(quote, "Donald Marsh").startswith("Donald Marsh also")


# --- no who-said item on an incidental voice: a commentator who only reacts, a visitor on nothing of the story -----

_REACTING = [["The council voted to rebuild the harbour wall on Monday.", "Work starts in May."],
             ["“Nobody should expect the repairs to come in on budget,” said Ivo Marsh, an analyst at Tern Capital."]]


def _voice(description: str, mentions: int = 1) -> Entity:
    return Entity("e-marsh", "Ivo Marsh", "PERSON", 2, aliases=("Marsh",), gender="male", mentions=mentions,
                  description=description, description_sentence=2)


@pytest.mark.parametrize("description", ["an analyst at Tern Capital", "an expert on sea defences at Porthmor College",
                                         "a Democratic strategist", "a professor of engineering"])
def test_a_commentator_quoted_once_who_only_reacts_makes_no_who_said_item(description):
    """The old rule read the role's last word ('Capital', 'College'): the analyst's remark slipped through."""
    from quizgen.generate.builder import speaker_problem

    marsh = _voice(description)
    facts = _sheet(_REACTING, (LIMA, CHEN, marsh))
    quote = Quote("q", "Nobody should expect the repairs to come in on budget", "Ivo Marsh", 2, speaker_id="e-marsh")
    assert "who only comments on the story" in speaker_problem(marsh, facts, quote)


def test_a_commentator_who_acts_in_the_story_may_be_asked_about():
    """'Ivo Marsh, the law professor who is challenging the council in court', named again: he acts."""
    from quizgen.generate.builder import speaker_problem

    paragraphs = [*_REACTING, ["Ivo Marsh, a professor of law, has taken the council to court over the wall."]]
    marsh = _voice("a professor of law", mentions=2)
    facts = _sheet(paragraphs, (LIMA, CHEN, marsh))
    quote = Quote("q", "Nobody should expect the repairs to come in on budget", "Ivo Marsh", 2, speaker_id="e-marsh")
    assert speaker_problem(marsh, facts, quote) is None


def test_a_visitor_is_asked_about_only_when_the_words_carry_the_story():
    from quizgen.generate.builder import speaker_problem

    marsh = _voice("a visitor from Leeds")
    facts = _sheet(_REACTING, (LIMA, CHEN, marsh))
    balloons = Quote("q", "The balloons were lovely and the children loved them", "Ivo Marsh", 2,
                     speaker_id="e-marsh")
    assert "incidental voice" in speaker_problem(marsh, facts, balloons)
    on_the_wall = Quote("q", "A new harbour wall is long overdue", "Ivo Marsh", 2, speaker_id="e-marsh")
    assert speaker_problem(marsh, facts, on_the_wall) is None


def test_the_reacting_analyst_is_dropped_from_a_generated_quiz():
    paragraphs = [["Ana Lima said the council would rebuild the harbour wall.", "Bo Chen agreed to pay for it."],
                  ["“The stone will outlast the concrete by a century,” Ana Lima said."],
                  ["“Harwick will fund every metre of the new wall,” Bo Chen said."],
                  ["“Nobody should expect the repairs to come in on budget,” said Ivo Marsh, an analyst at Tern "
                   "Capital."]]
    marsh = Entity("e-marsh", "Ivo Marsh", "PERSON", 4, aliases=("Marsh",), gender="male", mentions=1,
                   description="an analyst at Tern Capital", description_sentence=4)
    quotes = (Quote("q1", "The stone will outlast the concrete by a century", "Ana Lima", 2, speaker_id="e-lima"),
              Quote("q2", "Harwick will fund every metre of the new wall", "Bo Chen", 3, speaker_id="e-chen"),
              Quote("q3", "Nobody should expect the repairs to come in on budget", "Ivo Marsh", 4,
                    speaker_id="e-marsh"))
    facts = _sheet(paragraphs, (LIMA, CHEN, marsh), quotes)
    answers = [i.answer for i in generate_quiz(facts, _who_said(), count=10, seed=0).items]
    assert "Ivo Marsh" not in answers


def test_a_commentator_quoted_twice_answers_one_who_said_item_at_most():
    """Quoted twice, the analyst is a leading voice, but one name answers one item: no pair of items on his words."""
    paragraphs = [["Ana Lima said the council would rebuild the harbour wall.", "Bo Chen agreed to pay for it."],
                  ["“The stone will outlast the concrete by a century,” Ana Lima said."],
                  ["“Harwick will fund every metre of the new wall,” Bo Chen said."],
                  ["“Nobody should expect the repairs to come in on budget,” said Ivo Marsh, an analyst at Tern "
                   "Capital."],
                  ["“Sea walls of this kind usually need a second contract within a decade,” Ivo Marsh said."]]
    marsh = Entity("e-marsh", "Ivo Marsh", "PERSON", 4, aliases=("Marsh",), gender="male", mentions=2,
                   description="an analyst at Tern Capital", description_sentence=4)
    quotes = (Quote("q1", "The stone will outlast the concrete by a century", "Ana Lima", 2, speaker_id="e-lima"),
              Quote("q2", "Harwick will fund every metre of the new wall", "Bo Chen", 3, speaker_id="e-chen"),
              Quote("q3", "Nobody should expect the repairs to come in on budget", "Ivo Marsh", 4,
                    speaker_id="e-marsh"),
              Quote("q4", "Sea walls of this kind usually need a second contract within a decade", "Ivo Marsh", 5,
                    speaker_id="e-marsh"))
    facts = _sheet(paragraphs, (LIMA, CHEN, marsh), quotes)
    answers = [i.answer for i in generate_quiz(facts, _who_said(), count=10, seed=0).items]
    assert answers and answers.count("Ivo Marsh") <= 1

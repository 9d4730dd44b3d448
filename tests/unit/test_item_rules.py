"""The rules that judge candidates, one by one, on hand-built text and facts (no model)."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest

from quizgen.generate import blanks, standalone
from quizgen.generate.blanks import Blank, blank_problem, profile
from quizgen.generate.builder import description_problem
from quizgen.generate.distractors import entity_distractors, fine_kind, number_distractors, same_referent
from quizgen.model import Entity, FactSheet, NumberFact, Sentence
from tests.unit.factories import sample_facts

# --- sentences that stand alone -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ("He added that the bid was too low.", "begins with 'he'"),
    ("Yet these constituted just a tenth of the backlog.", "begins with 'yet'"),
    ("But it is serious, the minister said.", "begins with 'it'"),
    ("All these sessions are steps on the way back.", "begins with 'all these'"),
    ("Nearly a third of them, or about 900, were hurt.", "begins with 'of them'"),
    ("Ana Lima says so herself, looking back on the crash.", "points back"),
    ("Harbour: Lind, Okafor, Brennan, Mistry (Cole 70), Fenwick, Adeyemi.", "list of names"),
    ("and then the council voted.", "mid-thought"),
    ("The mayor said “we will build it.", "quotation mark without its pair"),
    ("The firm said “no.” Its lawyers agreed with the ruling.", "two sentences"),
    ("The council voted on the plan", "does not end like a sentence"),
    ("You cannot know until you sit at that desk,'' the mayor said. ''", "quotation mark without its pair"),
])
def test_sentence_rules_name_what_is_wrong(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "The U.S. Senate voted on the bill on Monday.",
    "Mr. Okafor moved to St. Ives in 1998.",
    "But the council changed its mind after the flood.",
    "The mayor said: “We will build it.”",
])
def test_sentences_that_stand_alone_pass(text):
    assert standalone.sentence_problem(text) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("At that time the ferry ran twice a week.", "'At that time' places it after"),
    ("Seven minutes later the visitors drew level.", "'Seven minutes later' places it"),
    ("On 75 minutes the keeper saved a penalty from Orla Breen.", "'On 75 minutes' places it"),
    ("In Devon the figure is higher, at 14%.", "'the figure' stands for"),
    ("The cards are due to be issued in the spring.", "'The cards' stands for"),
    ("The issue was raised at a meeting in Leeds.", "'The issue' stands for"),
    ("Farmers say these narrow channels flood every winter.", "'these' points back"),
    ("The mayor told local radio this was a mistake.", "'this' points back"),
    ("The Mallorcan won the final set easily.", "'the Mallorcan' stands for a person"),
    ("After the break the 31-year-old scored twice.", "'the 31-year-old' stands for a person"),
    ("The veteran said the club had let him down.", "'the veteran' stands for a person"),
    ("Only 11% regarded themselves as regular readers.", "a percentage with no 'of whom'"),
    ("Most backed the plan, while 20% said they were unsure.", "a percentage with no 'of whom'"),
    ("Fares will fall by half next year, she predicted.", "', she …' reports a speaker"),
])
def test_context_rules_skip_sentences_that_point_back(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "At the time of the vote the council had nine members.",
    "The ferry runs twice a week this year, the harbour board said.",
    "Fares are half price for those who live on the islands.",
    "The mayor said: “This is a good day for the town.”",
    "The council put the figure of 14% in its report.",
    "The Vatican said the visit would go ahead in May.",
    "Only 11% of the islanders regarded themselves as regular readers.",
    "The total cost of the line was £40m.",
    "The Spanish coach Rafa Ortiz picked a young side.",
    "“Fares will fall by half next year,” she predicted.",
])
def test_context_rules_keep_sentences_that_say_what_they_mean(text):
    assert standalone.sentence_problem(text) is None


def test_tidy_drops_a_linking_opener_and_mends_spacing():
    assert standalone.tidy("But the score was 9 - 8 , in the end.") == "The score was 9-8, in the end."
    assert standalone.tidy("HARWICK (AP) — The barrier opened on Monday.") == "The barrier opened on Monday."
    assert standalone.tidy("The UK — and Wales — voted.") == "The UK — and Wales — voted."


# --- blanks worth filling -------------------------------------------------------------------------------------

def _facts(*entities: Entity, title: str = "Ferry line opens to the islands", source: str | None = None,
           numbers: tuple[NumberFact, ...] = ()) -> FactSheet:
    return FactSheet(title=title, slug="t", sentences=(Sentence(0, 0, "A sentence."),), entities=entities,
                     numbers=numbers, source=source)


def _blank(span: str, sentence: str, facts: FactSheet, entity: Entity | None = None,
           number: NumberFact | None = None) -> Blank:
    return Blank(span, sentence, sentence.index(span), entity, number, profile(facts))


def test_headline_words_are_not_blanks():
    orkney = Entity("e-o", "Orkney Ferries", "ORG", 0)
    facts = _facts(orkney, title="Orkney Ferries adds a night crossing")
    assert "headline" in blank_problem(_blank("Orkney Ferries", "Orkney Ferries said it would sail.", facts, orkney))


def test_main_subject_is_not_a_blank():
    main = Entity("e-m", "Dana Okafor", "PERSON", 0, mentions=8)
    other = Entity("e-x", "Lee Park", "PERSON", 0, mentions=2)
    facts = _facts(main, other)
    assert "main subject" in blank_problem(_blank("Dana Okafor", "Later, Dana Okafor left.", facts, main))
    assert blank_problem(_blank("Lee Park", "Later, Lee Park left the firm.", facts, other)) is None


def test_setting_is_not_a_blank():
    uk = Entity("e-uk", "UK", "GPE", 0, mentions=4)
    leeds = Entity("e-l", "Leeds", "GPE", 0, mentions=1)
    facts = _facts(uk, leeds)
    assert "setting" in blank_problem(_blank("UK", "Fares rose across the UK last year.", facts, uk))


def test_name_spelt_out_beside_the_blank():
    agency = Entity("e-a", "Marine Safety Agency", "ORG", 0, aliases=("MSA",))
    facts = _facts(agency)
    text = "The Marine Safety Agency (MSA) approved the hull."
    assert "brackets" in blank_problem(_blank("Marine Safety Agency", text, facts, agency))
    assert "another name" in blank_problem(_blank("MSA", "The MSA, or Marine Safety Agency, agreed.", facts, agency))


def test_nationality_in_the_sentence_names_the_place():
    us = Entity("e-us", "US", "GPE", 0)
    facts = _facts(us, Entity("e-z", "Zanzibar", "GPE", 0, mentions=3))
    assert "american" in blank_problem(_blank("US", "The American expert counted the boats in US ports.", facts, us))


def test_publisher_is_not_a_blank():
    outlet = Entity("e-n", "Harbour News", "ORG", 0)
    facts = _facts(outlet)
    assert "outlet" in blank_problem(_blank("Harbour News", "The figures were given to Harbour News on Friday.",
                                            facts, outlet))


def test_count_written_twice_is_not_a_blank():
    seven = NumberFact("n", "seven", "count", 0, value=7.0)
    facts = _facts(numbers=(seven,))
    assert "elsewhere" in blank_problem(_blank("seven", "The seven members of the G7 met in Rome.", facts,
                                               number=seven))


def test_name_from_a_list_is_not_a_blank():
    keys = Entity("e-k", "Ana Lima", "PERSON", 0)
    chen = Entity("e-c", "Bo Chen", "PERSON", 0)
    facts = _facts(keys, chen)
    text = "She wrote songs for singers such as Ana Lima and Bo Chen."
    assert "list" in blank_problem(_blank("Ana Lima", text, facts, keys))
    assert "list" in blank_problem(_blank("Bo Chen", "The tussle between Ana Lima and Bo Chen goes on.", facts, chen))
    text = "The race is between Welshwoman Ana Lima and Bo Chen of Spain."
    assert "list" in blank_problem(_blank("Bo Chen", text, facts, chen))


def test_blank_inside_a_longer_name_is_refused_but_a_title_before_a_name_is_not():
    ny = Entity("e-ny", "New York", "GPE", 0)
    judge = Entity("e-j", "Letty Clarke", "PERSON", 0)
    facts = _facts(ny, judge)
    assert "longer name" in blank_problem(_blank("New York", "Its spin-off, Harbour: New York, ran for years.",
                                                 facts, ny))
    assert blank_problem(_blank("Letty Clarke", "Judge Letty Clarke adjourned the case.", facts, judge)) is None


def test_figure_given_again_in_brackets_or_computable_is_not_a_blank():
    profit = NumberFact("n-p", "$186m", "money", 0, value=186e6)
    share = NumberFact("n-s", "25%", "percent", 0, value=25.0)
    vague = NumberFact("n-v", "Nearly a third", "fraction", 0, value=1 / 3)
    facts = _facts(numbers=(profit, share, vague))
    assert "brackets" in blank_problem(_blank("$186m", "Profit was $186m (£98m) in May.", facts, number=profit))
    assert "another way" in blank_problem(_blank("$186m", "Profit was $186m, or £98m, in May.", facts, number=profit))
    counts = (NumberFact("n-a", "400", "count", 0, value=400.0), NumberFact("n-b", "100", "count", 0, value=100.0))
    text = "Of 400 boats, 100 or 25% sank."
    assert "compute" in blank_problem(Blank("25%", text, text.index("25%"), None, share, profile(facts), counts))
    assert "of 'them'" in blank_problem(_blank("Nearly a third", "Nearly a third of them were lost at sea.", facts,
                                               number=vague))


def test_every_blank_rule_is_listed():
    assert len(blanks.BLANK_RULES) >= 10


# --- descriptions ---------------------------------------------------------------------------------------------

def test_description_must_single_out_a_central_actor():
    facts = sample_facts()
    whitlock = facts.entity("e-whitlock")
    # "Opposition leader Dana Whitlock said the council had ignored …" and nothing more: she only reacts.
    assert "only reacts" in description_problem(whitlock, facts, profile(facts))
    acts = Sentence(len(facts.sentences), facts.sentences[-1].paragraph, "Dana Whitlock tabled a motion to halt "
                    "the barrier.")
    facts = replace(facts, sentences=(*facts.sentences, acts))
    article = profile(facts)
    whitlock = replace(whitlock, mentions=2)  # named again, in the sentence where she acts
    assert description_problem(whitlock, facts, article) is None
    assert "one-word" in description_problem(replace(whitlock, description="judge"), facts, article)
    assert "only comments" in description_problem(replace(whitlock, description="the transport analyst"), facts,
                                                  article)
    twin = Entity("e-twin", "Jo Marsh", "PERSON", 4, description="the former opposition leader")
    shared = replace(facts, entities=(*facts.entities, twin))
    assert "too" in description_problem(whitlock, shared, profile(shared))
    other = Entity("e-other", "Jo Marsh", "PERSON", 4, description="the council leader")
    distinct = replace(facts, entities=(*facts.entities, other))
    assert description_problem(whitlock, distinct, profile(distinct)) is None


# --- kinds and aliases ----------------------------------------------------------------------------------------

def test_aliases_of_one_country_are_one_referent():
    assert same_referent("U.S.", "United States") and same_referent("UK", "Britain")
    assert not same_referent("US", "UK")


def test_outlets_are_not_offered_among_firms():
    firm = Entity("e-b", "Brightwater Marine", "ORG", 0, mentions=3)
    rival = Entity("e-r", "Calder Boats", "ORG", 0, mentions=2)
    outlet = Entity("e-o", "Harbour News", "ORG", 0, mentions=2)
    facts = _facts(firm, rival, outlet)
    assert fine_kind(outlet) == "OUTLET" and fine_kind(firm) == "ORG"
    found = entity_distractors(firm, facts, "Which firm built the ferry?", 3, random.Random(0))
    assert found == ["Calder Boats"]  # never the outlet, and no invented international body for a firm


# --- numbers with sense ---------------------------------------------------------------------------------------

def test_number_distractors_stay_on_the_answers_side_of_the_sentences_other_figures():
    whole = NumberFact("n-w", "40", "count", 0, value=40.0, counts="principals")
    part = NumberFact("n-p", "16", "count", 0, value=16.0, counts="principals")
    facts = _facts(numbers=(whole, part))
    # "16 of the ___ principals": every option for the whole is larger than the part.
    options = number_distractors(whole, facts, 3)
    assert len(options) == 3 and all(float(o) > 16 for o in options)


def test_percent_distractors_are_scaled_and_not_all_round():
    answer = NumberFact("n", "29%", "percent", 0, value=29.0)
    options = number_distractors(answer, _facts(numbers=(answer,)), 3)
    values = [float(o.rstrip("%")) for o in options]
    assert len(values) == 3 and not all(v % 5 == 0 for v in values)
    assert not any(abs(v - 29) == 10 for v in values)  # no "+10 neighbours"


# --- the quiz as a whole --------------------------------------------------------------------------------------

def _candidate(item_id: str, question: str, answer: str, item_type: str, sentence: int, facts: FactSheet,
               record: object = None, blanks_: tuple[str, ...] = ()):
    from quizgen.generate.facts import Fact
    from quizgen.generate.selection import Candidate
    from quizgen.model import Item

    item = Item(id=item_id, type=item_type, question=question, answer=answer, source=facts.sentences[sentence].text,
                paragraph=sentence + 1, template=f"t-{item_type}", fact=item_id, blanks=blanks_, score=1.0)
    return Candidate.of(item, Fact(item_id, sentence, 1.0, {}, record), facts)


def test_conflict_rules_one_by_one():
    from quizgen.generate import selection

    facts = sample_facts()
    nair = facts.entity("e-nair")
    cloze = _candidate("c", "The city council of _____ voted on Monday.", "Harwick", "cloze", 0, facts,
                       blanks_=("Harwick",))
    true_false = _candidate("t", facts.sentences[0].text, "True", "true_false", 0, facts)
    assert selection.same_sentence(cloze, true_false) == "tests the same sentence"
    short = _candidate("s", "Name the person the article describes as the mayor of Harwick.", "Priya Nair",
                       "short_answer", 1, facts, record=nair)
    mcq = _candidate("m", "Which person does the article describe as the mayor of Harwick?", "Priya Nair", "mcq", 1,
                     facts, record=nair)
    assert selection.same_fact(short, mcq) == "tests the same fact"
    printed = _candidate("p", "Priya Nair said the barrier was overdue.", "True", "true_false", 3, facts)
    assert "prints the other's answer" in selection.answer_shown(short, printed)
    role = _candidate("r", "The mayor of Harwick, Priya Nair, opened it.", "True", "true_false", 4, facts)
    assert "name and role" in selection.link_shown(mcq, role)
    unrelated = _candidate("u", "The barrier will open in 2031.", "True", "true_false", 5, facts)
    assert selection.conflict(mcq, unrelated) is None


@pytest.mark.parametrize(("short", "long", "same"), [
    ("Bat", "British American Tobacco", True),
    ("BAFTA", "British Academy of Film and Television Arts", True),
    ("D.o.H.", "Department of Health", True),
    ("UN", "United Nations", True),
    ("Al", "Anna Lind", False),
    ("Holt", "British American Tobacco", False),
])
def test_an_acronym_and_its_long_form_are_one_referent(short, long, same):
    assert same_referent(short, long) is same
    assert same_referent(long, short) is same


def test_an_acronym_is_never_offered_beside_its_long_form():
    answer = Entity("e1", "British American Tobacco", "ORG", 0, mentions=3)
    alias = Entity("e2", "Bat", "ORG", 1, mentions=4)
    others = [Entity(f"e{i}", name, "ORG", i, mentions=2) for i, name in
              enumerate(("Imperial Leaf", "Gallaher Group", "Altria"), start=3)]
    facts = _facts(answer, alias, *others)
    options = entity_distractors(answer, facts, "The deal was struck by ___.", 3, random.Random(1))
    assert "Bat" not in options and len(options) == 3


def test_person_options_are_people_not_teams_or_score_fragments():
    answer = Entity("p1", "Tomas Berdal", "PERSON", 0, mentions=3)
    fragment = Entity("p2", "Kell 6-2 7-6", "PERSON", 1, mentions=5)
    team = Entity("p3", "Harwick United", "PERSON", 2, mentions=5)
    people = [Entity(f"p{i}", name, "PERSON", i, mentions=2) for i, name in
              enumerate(("Ivo Marsh", "Leon Ashby", "Pavel Rusk"), start=4)]
    assert (fine_kind(fragment), fine_kind(team), fine_kind(answer)) == ("FRAGMENT", "TEAM", "PERSON")
    assert fine_kind(Entity("o1", "Harwick United", "ORG", 0)) == "TEAM"
    facts = _facts(answer, fragment, team, *people)
    options = entity_distractors(answer, facts, "Who won the second set?", 3, random.Random(2))
    assert sorted(options) == ["Ivo Marsh", "Leon Ashby", "Pavel Rusk"]


def test_who_said_and_name_items_only_for_central_actors():
    from quizgen.generate.builder import central_actor, speaker_problem
    from quizgen.model import Quote

    facts = sample_facts()
    nair, ellis = facts.entity("e-nair"), facts.entity("e-ellis")
    assert central_actor(nair, facts) and speaker_problem(nair, facts) is None  # named in the lede
    assert speaker_problem(ellis, facts) is None  # given a role in the story, and named twice
    # Named once, with no role, outside the headline and lede, quoted once: who said it tests nothing.
    once = replace(ellis, description=None, description_sentence=None, mentions=1)
    assert not central_actor(once, facts) and "not a central actor" in speaker_problem(once, facts)
    twice = replace(facts, quotes=(*facts.quotes, Quote("q-e2", "It will hold", "Tom Ellis", 4, speaker_id="e-ellis")))
    assert speaker_problem(once, twice) is None
    spokesman = replace(ellis, description="a council spokesman")
    assert "only comments" in speaker_problem(spokesman, facts)
    assert speaker_problem(spokesman, twice) is None  # a journalist quoted throughout tells the story
    # Named once, in passing, not acting in the sentence that describes them.
    passing = Entity("e-lee", "Lee Park", "PERSON", 3, description="a local musician", description_sentence=3)
    assert "not a central actor" in description_problem(passing, facts, profile(facts))


def test_a_true_statement_of_the_lede_is_never_kept():
    from quizgen.generate import selection

    facts = sample_facts()
    lede = facts.sentences[0].text
    true_lede = _candidate("t", lede, "True", "true_false", 0, facts)
    false_lede = _candidate("f", lede.replace("Monday", "Friday"), "False", "true_false", 0, facts)
    cloze = _candidate("c", "The city council of _____ voted on Monday.", "Harwick", "cloze", 0, facts,
                       blanks_=("Harwick",))
    later = _candidate("l", facts.sentences[4].text, "True", "true_false", 4, facts)
    assert selection.restates_the_lede(true_lede, facts) and not selection.restates_the_lede(false_lede, facts)
    assert not selection.restates_the_lede(later, facts)
    headline = replace(facts, title="Opposition leader says council ignored cheaper options")
    assert selection.restates_the_lede(later, headline)
    dropped: list = []
    kept = selection._without_trivial_lede([true_lede, cloze, later], facts, dropped)
    assert kept == [cloze, later] and "restating the headline" in dropped[0].reason
    # Even when nothing else tests the first sentence, its true statement is answered from the title alone.
    assert selection._without_trivial_lede([true_lede, later], facts, []) == [later]


@pytest.mark.parametrize(("text", "figure", "kind", "cap"), [
    ("Aged 18 years and 300 days, she became the youngest winner.", "300 days", "duration", 366),
    ("He was 18 years and 7 months old when he signed.", "7", "count", 12),
    ("The race took 2 hours, 41 minutes to finish.", "41 minutes", "duration", 60),
])
def test_a_figure_after_a_larger_unit_keeps_its_options_below_that_unit(text, figure, kind, cap):
    from quizgen.generate.distractors import compound_cap

    number = NumberFact("n-1", figure, kind, 0, value=float(figure.split()[0]))
    facts = FactSheet(title="Youngest winner", slug="t", sentences=(Sentence(0, 0, text),), numbers=(number,))
    assert compound_cap(number, facts) == cap
    options = number_distractors(number, facts, 3)
    assert options and all(0 <= float(o.split()[0]) < cap for o in options)


def test_a_figure_not_after_a_unit_has_no_cap():
    from quizgen.generate.distractors import compound_cap

    number = NumberFact("n-1", "300 days", "duration", 0, value=300.0)
    facts = FactSheet(title="t", slug="t", sentences=(Sentence(0, 0, "The strike lasted 300 days."),),
                      numbers=(number,))
    assert compound_cap(number, facts) is None


def test_no_option_the_stem_already_places_elsewhere_by_another_of_its_names():
    answer = Entity("p1", "Tomas Berdal", "PERSON", 0, mentions=3)
    coached = Entity("p2", "Ivo Marsh", "PERSON", 1, aliases=("Marsh",), mentions=5)
    people = [Entity(f"p{i}", name, "PERSON", i, mentions=2) for i, name in
              enumerate(("Leon Ashby", "Pavel Rusk", "Emil Sand"), start=3)]
    facts = _facts(answer, coached, *people)
    options = entity_distractors(answer, facts, "___, who coaches Marsh, praised the serve.", 3, random.Random(3))
    assert "Ivo Marsh" not in options and len(options) == 3


def test_one_swap_makes_at_most_one_false_statement():
    from quizgen.generate import selection
    from quizgen.generate.facts import Fact
    from quizgen.model import Item

    facts = sample_facts()

    def statement(item_id: str, source: str, stem: str, answer: str = "False") -> selection.Candidate:
        item = Item(id=item_id, type="true_false", question=stem, answer=answer, source=source,
                    paragraph=1, template="t-tf", fact=item_id, score=1.0)
        return selection.Candidate.of(item, Fact(item_id, 0, 1.0, {}, None), facts)

    first = statement("a", "Lena Holt opened the bridge in May.", "Omar Reyes opened the bridge in May.")
    again = statement("b", "Lena Holt chaired the inquiry.", "Omar Reyes chaired the inquiry.")
    other = statement("c", "The bridge cost £40m.", "The bridge cost £60m.")
    true = statement("d", "Lena Holt chaired the inquiry.", "Lena Holt chaired the inquiry.", answer="True")
    assert first.swap == frozenset({"lena holt", "omar reyes"})
    assert selection.same_swap(first, again) == "makes a false statement with the same swap"
    assert selection.same_swap(first, other) is None
    assert true.swap == frozenset() and selection.same_swap(true, true) is None


def test_a_quiz_never_tests_one_fact_twice_and_says_why_it_is_short():
    from quizgen.generate import generate_quiz
    from quizgen.templates import load_templates

    facts = sample_facts()
    quiz = generate_quiz(facts, load_templates(), count=20, seed=0)
    assert len(quiz.items) < 20 and "made" in quiz.shortfall
    sources = [i.source for i in quiz.items if i.type != "matching"]
    assert len(sources) == len(set(sources))
    short_answers = [i for i in quiz.items if i.type == "short_answer"]
    for item in short_answers:
        others = [o for o in quiz.items if o is not item]
        assert not any(item.answer in o.question for o in others)
    assert any(d.reason.startswith("not selected: tests the same") for d in quiz.dropped)


def test_number_distractors_keep_the_answers_ratio_band_to_the_other_figure():
    bid = NumberFact("n-b", "$8bn", "money", 0, value=8e9)
    worth = NumberFact("n-w", "$20bn", "money", 0, value=20e9)
    # "the bid was $8bn - less than half of the ___ it is worth": every option is more than twice $8bn.
    options = number_distractors(worth, _facts(numbers=(bid, worth)), 3)
    assert options and all(float(o.strip("$bn")) > 16 for o in options)


def test_blank_inside_brackets_and_title_article_are_refused():
    song = Entity("e-s", "Harbour Lights", "WORK_OF_ART", 0)
    album = Entity("e-a", "Salt Road", "WORK_OF_ART", 0)
    facts = _facts(song, album)
    assert "brackets" in blank_problem(_blank("Harbour Lights", "She sang for Ana ('04 Harbour Lights) twice.",
                                              facts, song))
    assert "longer name" in blank_problem(_blank("Salt Road", "The Salt Road sold well in May.", facts, album))


def test_share_is_computable_only_beside_two_counts():
    share = NumberFact("n-s", "84%", "percent", 0, value=84.0)
    year = NumberFact("n-y", "2004", "year", 0, value=2004.0)
    text = "Earnings in 2004 dropped by 84% after the 717 was stopped."
    blank = Blank("84%", text, text.index("84%"), None, share, profile(_facts()), (year,))
    assert blank_problem(blank) is None


def test_parallel_shares_are_not_bounds_and_options_are_not_near_twins():
    first = NumberFact("n-a", "29%", "percent", 0, value=29.0)
    second = NumberFact("n-b", "19%", "percent", 0, value=19.0)
    options = [float(o.rstrip("%")) for o in number_distractors(second, _facts(numbers=(first, second)), 3)]
    assert len(options) == 3 and 29.0 not in options
    ordered = sorted(options)
    assert all(b - a > 0.1 * b for a, b in itertools.pairwise(ordered))


def test_who_said_needs_another_speaker_among_the_options():
    from quizgen.generate import generate_quiz
    from quizgen.templates import load_templates

    facts = sample_facts()
    quote_template = [t for t in load_templates() if t.id == "quote-speaker"]
    alone = replace(facts, quotes=facts.quotes[:1])  # Priya Nair is the only speaker
    quiz = generate_quiz(alone, quote_template, count=5, seed=0)
    # Only Dana Whitlock is reported speaking ("said the council had ignored …"): one option is not enough.
    assert not quiz.items and any("only 1 distractor" in d.reason for d in quiz.dropped)
    assert generate_quiz(facts, quote_template, count=5, seed=0).items


def test_matching_keeps_the_people_no_other_item_tests():
    from quizgen.generate import generate_quiz
    from quizgen.templates import builtin_dir, load_templates

    facts = sample_facts()
    extra = (Entity("e-okafor", "Ada Okafor", "PERSON", 5, description="the chief engineer of the barrier",
                    description_sentence=5, mentions=2),)
    facts = replace(facts, entities=(*facts.entities, *extra))
    templates = [t for t in load_templates([builtin_dir() / "optional"])
                 if t.id in {"people-roles-matching", "entity-described-as"}]
    quiz = generate_quiz(facts, templates, count=10, seed=0)
    matching = next(i for i in quiz.items if i.type == "matching")
    asked = {i.answer for i in quiz.items if i.type == "mcq"}
    assert asked and not asked & {left for left, _ in matching.pairs}
    assert len(matching.pairs) >= 3


def test_word_bank_has_a_decoy_of_each_blanks_kind_and_none_shares_a_name():
    from quizgen.generate.builder import _word_bank_extras
    from quizgen.model import Item

    facts = sample_facts()
    facts = replace(facts, entities=(*facts.entities, Entity("e-ellis2", "Ellis Marine", "ORG", 3),
                                     Entity("e-park", "Jo Park", "PERSON", 4)),
                    numbers=(*facts.numbers, NumberFact("n-1998", "1998", "year", 4, value=1998.0)))
    cloze = Item(id="c", type="cloze", question="q", answer="Tom Ellis; 2031", source=facts.sentences[5].text,
                 paragraph=6, template="t", fact="f", blanks=("Tom Ellis", "2031"))
    extras = _word_bank_extras([cloze], facts)
    assert "1998" in extras  # the only other year: a year blank is never the bank's only year
    people = [e for e in extras if e in {"Priya Nair", "Dana Whitlock", "Jo Park"}]
    assert 1 <= len(people) <= 2
    assert "Ellis Marine" not in extras  # shares a name with the blank "Tom Ellis"


def test_a_country_named_as_often_as_any_place_is_the_setting():
    uk = Entity("e-uk", "UK", "GPE", 0, mentions=2)
    vegas = Entity("e-lv", "Las Vegas", "GPE", 0, mentions=2)
    facts = _facts(uk, vegas)
    assert "setting" in blank_problem(_blank("UK", "Fast networks could soon be in use in the UK.", facts, uk))
    assert blank_problem(_blank("Las Vegas", "The show in Las Vegas aired the chips.", facts, vegas)) is None


def test_two_rivals_the_story_keeps_naming_are_both_main_subjects():
    blair = Entity("e-b", "Tony Blair", "PERSON", 0, mentions=8)
    brown = Entity("e-g", "Gordon Brown", "PERSON", 0, mentions=6)
    field = Entity("e-f", "Frank Field", "PERSON", 0, mentions=2)
    facts = _facts(blair, brown, field, title="A promise over the leadership")
    assert "main subject" in blank_problem(_blank("Gordon Brown", "He told Gordon Brown first.", facts, brown))
    assert blank_problem(_blank("Frank Field", "He told Frank Field first.", facts, field)) is None


def test_shared_context_ignores_names():
    from quizgen.generate.selection import _content_words

    assert _content_words("The report, Harbour Matters, said Isla Hendry felt it.") == {"report", "felt"}


def test_a_sentence_about_an_unnamed_company_is_not_printed_alone():
    assert "the firm" in standalone.vague_subject("The Russian oil firm has filed for protection.", "Court to rule")
    assert standalone.vague_subject("The technology works over ten metres.", "New radio technology arrives") is None
    assert standalone.vague_subject("The council voted on Monday.", "Court to rule") is None


@pytest.mark.parametrize(("before", "after"), [
    ("To Russian President ", ", revealing the truth matters."),
    ("Head of the division, ", ", spoke about it."),
    ("", ", the council leader, spoke."),
    ("Former welfare minister ", " said so."),
    ("The plan is ", "'s own."),
])
def test_a_person_bound_to_a_role_is_not_swapped(before, after):
    from quizgen.generate.builder import _Swap, swap_problem

    assert "bound" in swap_problem(_Swap("Ana Lima", before, after, True, False))


def test_a_person_in_plain_words_can_be_swapped():
    from quizgen.generate.builder import _Swap, swap_problem

    assert swap_problem(_Swap("Ana Lima", "The bill was backed by ", " on Monday.", True, False)) is None


def test_a_figure_question_is_not_answered_by_another_stem():
    from quizgen.generate import selection

    facts = sample_facts()
    homes = next(n for n in facts.numbers if n.id == "n-homes")
    figure = _candidate("n", "Which figure completes: “_____ homes lie below the line”?", "About 40,000", "mcq", 2,
                        facts, record=homes)
    other = _candidate("o", "The 40,000 homes below the line will be safe by 2031.", "True", "true_false", 5, facts)
    assert "prints the other's answer" in selection.answer_shown(figure, other)


def test_a_range_is_changed_as_a_whole():
    answer = NumberFact("n", "roughly 200,000-300,000", "count", 0, value=250000.0)
    options = number_distractors(answer, _facts(numbers=(answer,)), 3)
    assert options == ["roughly 100,000-150,000", "roughly 400,000-600,000", "roughly 600,000-900,000"]


def test_form_cues_in_a_word_bank():
    lima = Entity("e-l", "Jo Harris", "PERSON", 0)
    share = NumberFact("n", "Only 11%", "percent", 0, value=11.0)
    facts = _facts(lima, numbers=(share,))
    text = "It was Jo Harris' best year."
    assert "apostrophe" in blank_problem(_blank("Jo Harris", text, facts, lima))
    start = "Only 11% of the boats were new."
    in_bank = Blank("Only 11%", start, 0, None, share, profile(facts), (), True)
    assert "capitalised" in blank_problem(in_bank)
    assert blank_problem(replace(in_bank, in_word_bank=False)) is None  # its own options share its form


def test_who_said_offers_only_speakers_and_established_people():
    from quizgen.generate import generate_quiz
    from quizgen.templates import load_templates

    facts = sample_facts()
    fragment = Entity("e-stelle", "Stelle", "PERSON", 2, mentions=1)  # a name cut from something longer
    passing = Entity("e-passing", "Lee Grant", "PERSON", 2, mentions=1)  # named once, never described
    facts = replace(facts, entities=(*facts.entities, fragment, passing))
    quote_template = [t for t in load_templates() if t.id == "quote-speaker"]
    quiz = generate_quiz(facts, quote_template, count=5, seed=0)
    options = {o for i in quiz.items for o in i.options}
    assert options and not {"Stelle", "Lee Grant"} & options


def test_matching_leaves_out_one_word_roles():
    from quizgen.generate import generate_quiz
    from quizgen.templates import load_templates

    facts = sample_facts()
    extra = (Entity("e-a", "Ada Okafor", "PERSON", 5, description="the president", description_sentence=5,
                    mentions=2),
             Entity("e-b", "Ben Cole", "PERSON", 5, description="the chief engineer of the barrier",
                    description_sentence=5, mentions=2))  # named twice: central actors
    facts = replace(facts, entities=(*facts.entities, *extra))
    matching = [t for t in load_templates() if t.id == "people-roles-matching"]
    item = generate_quiz(facts, matching, count=3, seed=0).items[0]
    assert "Ada Okafor" not in {left for left, _ in item.pairs} and "Ben Cole" in {left for left, _ in item.pairs}


def test_who_said_rests_on_the_sentence_that_names_the_speaker():
    from quizgen.generate.builder import _Builder
    from quizgen.model import Quote

    texts = ("The ferry sailed at dawn.", "“We built it to last,” said Ana Lima, the engineer.",
             "“It will outlive us all.”", "Bo Chen, the captain, spoke next.", "“The sea is kind,” he said.",
             "“It was calm,” she said.")
    facts = FactSheet(title="t", slug="t", sentences=tuple(Sentence(i, 1, t) for i, t in enumerate(texts)),
                      entities=(Entity("e-l", "Ana Lima", "PERSON", 1), Entity("e-c", "Bo Chen", "PERSON", 3)))
    builder = _Builder(facts, 0, "t")
    continued = builder._attributed_source(Quote("q1", "It will outlive us all", "Ana Lima", 2), "Ana Lima")
    assert continued == f"{texts[1]} {texts[2]}"
    pronoun = builder._attributed_source(Quote("q2", "The sea is kind", "Bo Chen", 4), "Bo Chen")
    assert pronoun == f"{texts[3]} {texts[4]}"
    uncertain = builder._attributed_source(Quote("q3", "It was calm", "Ana Lima", 5), "Ana Lima")
    assert uncertain == texts[5]  # the quality gate then drops it: the speaker is not in its source


def test_list_neighbour_at_the_end_of_the_sentence():
    keys = Entity("e-k", "Ana Lima", "PERSON", 0)
    chen = Entity("e-c", "Bo Chen", "PERSON", 0)
    facts = _facts(keys, chen)
    assert "list" in blank_problem(_blank("Ana Lima", "She wrote songs for Ana Lima and the Bo Chen.", facts, keys))


def test_which_name_completes_offers_names_of_its_kind_that_the_sentence_does_not_print():
    from quizgen.generate import generate_quiz
    from quizgen.model import KeySentence

    facts = sample_facts()
    text = "The barrier was backed by Tom Ellis on Monday and opposed by Priya Nair."
    extra = (Entity("e-ross", "Sam Ross", "PERSON", 4, mentions=2), Entity("e-once", "Lee Grant", "PERSON", 4))
    facts = replace(facts, sentences=(*facts.sentences, Sentence(6, 6, text)), entities=(*facts.entities, *extra),
                    key_sentences=(KeySentence("k-6", 6, 3.0, ("Tom Ellis",)),))
    complete = _retired("key-sentence-complete")
    item = generate_quiz(facts, complete, count=3, seed=0).items[0]
    assert item.answer == "Tom Ellis" and item.question.count("_____") == 1 and "Tom Ellis" not in item.question
    # Never Priya Nair, whom the sentence prints, nor Lee Grant, named once and never described.
    assert set(item.options) == {"Tom Ellis", "Dana Whitlock", "Sam Ross"}


def test_which_name_completes_refuses_a_blank_its_role_gives_away():
    from quizgen.generate import generate_quiz
    from quizgen.model import KeySentence

    facts = replace(sample_facts(), key_sentences=(KeySentence("k-4", 4, 3.0, ("Dana Whitlock",)),))
    complete = _retired("key-sentence-complete")
    quiz = generate_quiz(facts, complete, count=3, seed=0)
    assert not quiz.items and any("singles out the answer" in d.reason for d in quiz.dropped)


def test_a_magazine_by_description_is_an_outlet():
    magazine = Entity("e-f", "Flight Weekly International", "ORG", 0, description="the industry magazine")
    assert fine_kind(magazine) == "OUTLET"
    assert fine_kind(Entity("e-a", "Airbus", "ORG", 0)) == "ORG"


@pytest.mark.parametrize(("before", "after"), [
    ("The blurring raises questions, watchdog ", " has said."),
    ("By contrast a preliminary ", " report found it easy."),
    ("", " man James Kerr is confident."),
])
def test_a_name_bound_to_the_words_beside_it_is_not_swapped(before, after):
    from quizgen.generate.builder import _Swap, swap_problem

    assert "bound" in swap_problem(_Swap("Ofcom", before, after, False, False))
    assert swap_problem(_Swap("Ofcom", "Speeches made by ", " hinted at it.", False, False)) is None


def test_no_decoy_whose_other_name_is_in_a_cloze_sentence():
    from quizgen.generate.builder import _word_bank_extras
    from quizgen.model import Item

    facts = sample_facts()  # Priya Nair is also "Nair"
    text = "Nair said the works would cost £120 million."
    facts = replace(facts, sentences=(*facts.sentences, Sentence(6, 6, text)))
    cloze = Item(id="c", type="cloze", question="q", answer="Tom Ellis", source=text, paragraph=7, template="t",
                 fact="f", blanks=("Tom Ellis",))
    assert "Priya Nair" not in _word_bank_extras([cloze], facts)


def test_which_name_completes_refuses_a_blank_its_appositive_describes():
    from quizgen.generate import generate_quiz
    from quizgen.model import KeySentence

    places = (Entity("e-k", "Kerrow", "GPE", 6, mentions=2), Entity("e-m", "Mallin", "GPE", 6, mentions=2),
              Entity("e-t", "Tarbet", "GPE", 6, mentions=2))
    text = "The storm cut off Kerrow, a village on the north coast, for three days last winter."
    facts = replace(sample_facts(), sentences=(*sample_facts().sentences, Sentence(6, 6, text)),
                    entities=(*sample_facts().entities, *places),
                    key_sentences=(KeySentence("k-6", 6, 3.0, ("Kerrow",)),))
    complete = _retired("key-sentence-complete")
    quiz = generate_quiz(facts, complete, count=3, seed=0)
    assert not quiz.items and any("singles out the answer" in d.reason for d in quiz.dropped)


def test_a_description_the_sentence_goes_on_qualifying_is_not_asked():
    text = "In his speech, a tribute to Jon Kerrigan, the Labour nominee that year, he spoke of hope."
    kerrigan = Entity("e-k", "Jon Kerrigan", "PERSON", 0, description="the Labour nominee", description_sentence=0)
    facts = FactSheet(title="t", slug="t", sentences=(Sentence(0, 0, text),), entities=(kerrigan,))
    assert "cut short" in description_problem(kerrigan, facts, profile(facts))
    whole = replace(facts, sentences=(Sentence(0, 0, "Jon Kerrigan, the Labour nominee, spoke of hope."),))
    assert description_problem(kerrigan, whole, profile(whole)) is None


def test_a_kind_of_thing_the_opening_sentences_introduce_reads_alone():
    known = "Fast radios arrive. The regulator is studying the technology behind such networks."
    assert standalone.vague_subject("The technology works over ten metres.", known) is None
    assert "the firm" in standalone.vague_subject("The firm works over ten metres.", known)


def test_a_quotation_goes_on_only_from_the_last_person_named():
    from quizgen.generate.builder import _Builder
    from quizgen.model import Quote

    texts = ("Ana Lima said it should wait \"until next year.\" Bo Chen accused the council of \"delay\".",
             "\"It is vital that we act now,\" he said.")
    facts = FactSheet(title="t", slug="t", sentences=tuple(Sentence(i, 1, t) for i, t in enumerate(texts)),
                      entities=(Entity("e-l", "Ana Lima", "PERSON", 0), Entity("e-c", "Bo Chen", "PERSON", 0)))
    builder = _Builder(facts, 0, "t")
    assert builder._attributed_source(Quote("q", "It is vital that we act now", "Ana Lima", 1), "Ana Lima") == texts[1]
    assert builder._attributed_source(Quote("q", "It is vital that we act now", "Bo Chen", 1), "Bo Chen") == (
        f"{texts[0]} {texts[1]}")


def test_who_said_leaves_out_words_nearer_another_person_or_only_thought():
    from quizgen.generate.builder import _Builder
    from quizgen.model import Quote

    text = "Ana Lima said it should wait. Bo Chen accused the council of \"dragging its feet\" on the barrier."
    lima, chen = Entity("e-l", "Ana Lima", "PERSON", 0), Entity("e-c", "Bo Chen", "PERSON", 0)
    facts = FactSheet(title="t", slug="t", sentences=(Sentence(0, 0, text),), entities=(lima, chen))
    builder = _Builder(facts, 0, "t")
    wrong = Quote("q1", "dragging its feet", "Ana Lima", 0, partial=True, cue="said")
    assert "nearer" in builder._uncertain_speaker(wrong, lima)
    assert builder._uncertain_speaker(replace(wrong, speaker="Bo Chen"), chen) is None
    thought = Quote("q2", "dragging its feet", "Bo Chen", 0, partial=True, cue="thinks")
    assert "perhaps not the speaker's own" in builder._uncertain_speaker(thought, chen)


def _retired(template_id: str) -> list:
    """A template retired to question_templates/optional/ (off by default, still loadable with --templates)."""
    from quizgen.templates import builtin_dir, load_templates

    return [t for t in load_templates([builtin_dir() / "optional"]) if t.id == template_id]


def test_a_sentence_restates_its_headline_in_other_forms_of_its_words():
    from quizgen.generate.selection import restates_headline

    title = "Mayor acknowledges that she misspoke about ferry testimony"
    assert restates_headline("The mayor acknowledged that she had misspoken about the ferry chief's testimony.",
                             title)
    assert not restates_headline("The ferry chief said the boats would sail on Monday as planned.", title)


@pytest.mark.parametrize(("span", "before", "after", "kind", "problem"), [
    # a name in a newspaper's slot that the article does not show as a newspaper ('quoted in Bat')
    ("Harbour Ferries", "The figures were quoted in ", " on Monday.", "ORG", "newspaper"),
    ("Harbour Ferries", "“We will sail,” the captain told ", ".", "ORG", "newspaper"),
    ("Harbour Ferries", "", " reported that the boats were late.", "ORG", "newspaper"),
    ("Daily Courier", "The figures were quoted in ", " on Monday.", "OUTLET", None),  # an outlet for an outlet
    ("Harbour Ferries", "The figures were given by ", " on Monday.", "ORG", None),
    ("Harbour Ferries", "Ana Lima is editor in chief of ", ".", "ORG", "newspaper"),
    # a nationality or place beside a person's name is who they are, not the fact
    ("Spain", "The race is between Ivo Marr and Ana Lima of ", " in the final.", "COUNTRY", "who they are"),
    ("Russian", "", " Ivo Marr won the race last week.", "NORP", "who they are"),
    ("Spain", "Ivo Marr will race in ", " next week.", "COUNTRY", None),
    ("Spain", "Ivo Marr heads to ", " again on Sunday.", "COUNTRY", None),
    # a hyphenated role word binds the name after it
    ("Ofcom", "Lord Hale, chairman of super-regulator ", ", spoke.", "ORG", "bound"),
])
def test_swaps_in_a_slot_that_fixes_their_kind(span, before, after, kind, problem):
    from quizgen.generate.builder import _Swap, swap_problem

    reason = swap_problem(_Swap(span, before, after, False, False, kind))
    assert (reason is None) if problem is None else (reason is not None and problem in reason)


def test_a_body_in_the_possessive_before_its_people_is_not_swapped():
    from quizgen.generate.builder import _Swap, swap_problem

    assert "bound" in swap_problem(_Swap("Harbour Board", "", "'s lawyers will report to a judge.", False, False,
                                         "ORG"))
    assert swap_problem(_Swap("Harbour Board", "", "'s plan was approved on Monday.", False, False, "ORG")) is None


@pytest.mark.parametrize(("span", "before", "after", "kind", "is_number", "problem"), [
    # a detail of a relative clause or a closed aside
    ("2003", "Airbus, which overtook Boeing in ", ", is building larger planes.", "", True, "aside"),
    ("10", "Ivo Marr - who has ", " boats - sold the yard.", "", True, "aside"),
    ("1994", "The ban (passed in ", " by the council) expired.", "", True, "aside"),
    # a dash that runs to the end carries the sentence's own figure
    ("$25,550", "Most graduates left with debt — ", " per graduate.", "", True, None),
    ("2003", "Airbus overtook Boeing in ", ", the report said.", "", True, None),
    # a year the words after it describe
    ("2008", "He hosted 25 parties in ", ", his last year in office.", "", True, "describe"),
    ("2008", "He hosted 25 parties in ", ", and more in 2009.", "", True, None),
    # a person described after the name by a body's role in the possessive
    ("Ana Lima", "The claims spread widely, said ", ", Politifact's editor.", "PERSON", False, "describe"),
    # who says it, not what is said
    ("three", "Cruz has won the primary, according to ", " television networks.", "", True, "aside"),
    # a second name of what the sentence has just named
    ("FBA", "Ferries for All, or ", ", was founded in May.", "ORG", False, "second name"),
    # a nationality before role words and a name
    ("US", "", " hip-hop star Ivo Marr rose to fame.", "COUNTRY", False, "who they are"),
])
def test_swaps_of_incidental_details(span, before, after, kind, is_number, problem):
    from quizgen.generate.builder import _Swap, swap_problem

    reason = swap_problem(_Swap(span, before, after, False, is_number, kind))
    assert (reason is None) if problem is None else (reason is not None and problem in reason)


@pytest.mark.parametrize(("span", "before", "after", "kind", "is_person", "problem"), [
    ("Islam", 'He avoided the term "radical ', '," which some want him to use.', "NORP", False, "quotation"),
    ("Islam", "He avoided the term “radical ", ",” which some want him to use.", "NORP", False, "quotation"),
    ("Harbour Watch", "The group called for President ", " to resign.", "ORG", False, "title"),
    ("Harbour Watch", "The group said on Monday that ", " would appeal.", "ORG", False, None),
])
def test_swaps_inside_quotations_or_after_a_title(span, before, after, kind, is_person, problem):
    from quizgen.generate.builder import _Swap, swap_problem

    reason = swap_problem(_Swap(span, before, after, is_person, False, kind))
    assert (reason is None) if problem is None else (reason is not None and problem in reason)

"""False statements that turn one word of a key fact into its opposite: each rule on hand-built sentences, then the
template end to end on hand-built facts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.generate import generate_quiz
from quizgen.generate.contrasts import contrast_problem, contrasted, contrasts_in
from quizgen.generate.quality import check_item
from quizgen.model import KeySentence, NumberFact, Sentence
from quizgen.templates import builtin_dir, load_templates
from tests.unit.factories import sample_facts

TITLE = "Harwick votes for a tidal barrier"


def only(text: str, title: str = TITLE, figures: tuple[str, ...] = ()):
    found = contrasts_in(text, title, figures)
    assert len(found) == 1, found
    return found[0]


def test_timing_is_turned_round_with_its_case_kept():
    statement, reasons = contrasted("The mayor promised to resign before the next election.", TITLE)
    assert statement == "The mayor promised to resign after the next election." and reasons == []
    assert contrasted("Before the vote, the mayor resigned.", TITLE)[0] == "After the vote, the mayor resigned."


def test_a_word_the_headline_prints_is_not_turned():
    # "after" is the headline's own word: the title answers the statement.
    c = only("The mayor will resign after the vote.", title="Mayor to resign after the vote")
    assert "headline" in contrast_problem(c)


def test_a_negated_sentence_is_not_turned():
    for text in ("The mayor did not resign before the vote.", "The mayor didn’t resign before the vote.",
                 "The council is no longer optimistic about the plan."):
        assert "negation" in contrast_problem(contrasts_in(text, TITLE)[0]), text


def test_a_sentence_holding_both_words_is_not_turned():
    c = contrasts_in("The plan almost ended before it began after a court ruling.", TITLE)[0]
    assert "already says" in contrast_problem(c)


def test_words_inside_a_quotation_are_not_turned():
    c = only("“We must finish before the storms,” the mayor said.")
    assert "quotation" in contrast_problem(c)
    assert contrast_problem(only("The mayor said the work must finish before the storms.")) is None


def test_fixed_phrases_are_not_turned():
    assert "fixed phrase" in contrast_problem(only("The bridge was named after a local engineer."))
    assert "fixed phrase" in contrast_problem(only("The town is as busy as ever before the holidays."))
    assert "fixed phrase" in contrast_problem(only("The barrier, after all, is the council's plan."))


def test_a_span_of_time_is_not_an_order_of_events():
    assert "span of time" in contrast_problem(only("She left the school after only one year."))
    assert "span of time" in contrast_problem(only("He retired after 12 seasons at the club."))
    assert "span of time" in contrast_problem(only("The plan was dropped after a year of talks."))


def test_a_rise_or_fall_needs_a_figure_after_it():
    assert "no figure" in contrast_problem(only("The rapper rose to prominence in Chicago."))
    assert contrasts_in("The troops have been there since last fall.", TITLE) == []  # a season: not in the table
    c = only("Flood claims rose by 12% in the year.", figures=("12%",))
    assert contrast_problem(c) is None and c.statement == "Flood claims fell by 12% in the year."


def test_more_than_needs_a_figure_after_it():
    assert "no figure" in contrast_problem(only("The work has taken more than a year."))
    c = only("The barrier will protect more than 40,000 homes.", figures=("40,000",))
    assert c.statement == "The barrier will protect fewer than 40,000 homes."


def test_two_figures_settle_a_comparison_by_arithmetic():
    c = only("The bid was $8bn, less than half of the $20bn the firm is worth.", figures=("$8bn", "$20bn"))
    assert "arithmetic" in contrast_problem(c)


def test_the_first_acceptable_word_is_turned_and_the_others_give_reasons():
    statement, reasons = contrasted("The rapper rose to fame, then moved to a smaller label.", TITLE)
    assert statement == "The rapper rose to fame, then moved to a larger label."
    assert len(reasons) == 1 and "'rose'" in reasons[0]
    assert contrasted("The council met on Monday.", TITLE) == (None, [])


@pytest.fixture(scope="module")
def contrast_template():
    return [t for t in load_templates([builtin_dir() / "optional"]) if t.id == "key-fact-contrast"]


def _facts_with(text: str, numbers: tuple[NumberFact, ...] = ()):
    facts = sample_facts()
    return replace(facts, sentences=(*facts.sentences, Sentence(6, 6, text)), numbers=(*facts.numbers, *numbers),
                   key_sentences=(*facts.key_sentences, KeySentence("k-6", 6, 3.0, ())))


def test_the_template_makes_a_false_statement_of_a_key_sentence(contrast_template):
    facts = _facts_with("Priya Nair promised the barrier would be finished before the next flood season.")
    quiz = generate_quiz(facts, contrast_template, count=5, seed=3)
    [item] = [i for i in quiz.items if i.fact == "k-6"]
    assert item.type == "true_false" and item.answer == "False" and item.options == ("True", "False")
    assert item.question == "Priya Nair promised the barrier would be finished after the next flood season."
    assert item.source == facts.sentences[6].text and item.explanation == f"The article says: {item.source}"
    assert check_item(item, facts) is None


def test_the_template_drops_a_sentence_with_no_word_to_turn_and_says_why(contrast_template):
    facts = _facts_with("Priya Nair did not promise to finish the barrier before the flood season.")
    quiz = generate_quiz(facts, contrast_template, count=5, seed=3)
    assert not any(i.fact == "k-6" for i in quiz.items)
    assert any(d.fact == "k-6" and "negation" in d.reason for d in quiz.dropped)


def test_a_statement_the_article_makes_elsewhere_is_no_false_statement(contrast_template):
    facts = _facts_with("The barrier will be finished before the flood season.")
    facts = replace(facts, sentences=(*facts.sentences, Sentence(7, 7, "Critics fear the barrier will be finished "
                                                                       "after the flood season.")))
    quiz = generate_quiz(facts, contrast_template, count=5, seed=3)
    assert not any(i.fact == "k-6" for i in quiz.items)
    assert any(d.fact == "k-6" and "article makes" in d.reason for d in quiz.dropped)


def test_a_full_quiz_tests_the_contrast_once_and_stays_deterministic():
    facts = _facts_with("The council promised the barrier would be finished before the next flood season.")
    templates = load_templates([builtin_dir() / "optional"])  # the contrast is off by default
    turned = "The council promised the barrier would be finished after the next flood season."
    answers = set()
    for seed in range(6):
        quiz = generate_quiz(facts, templates, count=12, seed=seed)
        assert quiz == generate_quiz(facts, templates, count=12, seed=seed)
        [item] = [i for i in quiz.items if i.source == facts.sentences[6].text]
        # Only the turned statement can make this sentence false (it names nothing to swap), so it is the one
        # chosen; balancing the quiz's truth may state it as written instead.
        assert item.template == "key-fact-contrast"
        assert (item.question, item.answer) in {(turned, "False"), (item.source, "True")}
        answers.add(item.answer)
    assert "False" in answers


def test_decisions_reactions_and_outcomes_turn_round():
    assert contrasted("MPs approved the plan on Monday.", TITLE)[0] == "MPs rejected the plan on Monday."
    assert contrasted("Dana Whitlock welcomed the ruling.", TITLE)[0] == "Dana Whitlock criticised the ruling."
    assert contrasted("Harwick won the regional flood award.", TITLE)[0] == "Harwick lost the regional flood award."


def test_a_phrasal_verb_is_not_turned():
    assert "phrasal verb" in contrast_problem(only("The council backed down over the costs."))


def test_a_contest_needs_the_after_won_or_lost():
    assert "'the' does not follow" in contrast_problem(only("The club won 6-2 at home."))
    assert "'the' does not follow" in contrast_problem(only("The plan won approval for a second bridge."))


def test_a_or_an_before_the_word_must_still_fit():
    assert "'a'/'an'" in contrast_problem(only("The council chose an approved design."))
    assert contrast_problem(only("The council chose a higher wall.")) is None


def test_an_event_that_presupposes_the_other_is_not_turned():
    c = only("The walker retired in August before returning to racing under a new coach.")
    assert "contradicts itself" in contrast_problem(c)


def test_a_comparison_inside_a_fixed_phrase_is_not_turned():
    assert "fixed phrase" in contrast_problem(only("The bill passed the lower house on Monday."))
    assert "fixed phrase" in contrast_problem(only("Fees for higher education will rise."))
    assert "fixed phrase" in contrast_problem(only("The mayor, better known as Priya, spoke."))


def test_balances_and_results_turn_round():
    assert contrasted("Sales were better than expected in March.", TITLE)[0] == (
        "Sales were worse than expected in March.")
    assert contrasted("A majority of residents backed the barrier.", TITLE)[0] == (
        "A minority of residents backed the barrier.")
    assert contrasted("The council chose the cheaper design.", TITLE)[0] == (
        "The council chose the more expensive design.")


def test_a_comparison_tied_to_its_consequence_is_not_turned():
    c = only("Lighter walls mean that the barrier can be built in a year.")
    assert "cause or consequence" in contrast_problem(c)
    assert contrast_problem(only("The new walls are lighter than the old ones.")) is None


def test_a_profit_or_a_surplus_needs_its_figure():
    assert "no figure" in contrast_problem(only("The new orders should help underpin the council's profits."))
    assert "no figure" in contrast_problem(only("Migrant workers could fill the town's labour deficit."))
    c = only("The port made a profit of £3m last year.", figures=("£3m",))
    assert c.statement == "The port made a loss of £3m last year."


def test_better_or_worse_needs_than():
    assert "no 'than'" in contrast_problem(only("Experts called for better funding of flood research."))
    assert contrast_problem(only("Flood defences worked far better than expected.")) is None


def test_a_welcome_to_a_place_is_hosting_and_is_not_turned():
    c = only("The mayor said he welcomed the former minister to the new harbour club on Friday.")
    assert "hosting" in contrast_problem(c)
    assert contrasted("The mayor welcomed the decision on the barrier.", TITLE)[0] == (
        "The mayor criticised the decision on the barrier.")


def test_a_headline_saying_which_way_it_went_in_another_form_blocks_the_turn():
    c = only("The mayor has won the vote on the barrier.", title="Mayor wins barrier vote")
    assert "headline" in contrast_problem(c)


def test_before_a_court_or_a_committee_is_a_place_not_a_time():
    c = only("The council wrote an assessment of the cases before the Supreme Court.")
    assert "in front of" in contrast_problem(c)
    assert contrasted("The council met before the storm.", TITLE)[0] == "The council met after the storm."


def test_a_count_of_things_turns_to_fewer_and_x_after_x_is_a_fixed_phrase():
    assert contrasted("The council has funded more than 200 trips abroad.", TITLE)[0] == (
        "The council has funded fewer than 200 trips abroad.")
    assert contrasted("The council named more than 100 black clergy members.", TITLE)[0] == (
        "The council named fewer than 100 black clergy members.")
    assert contrasted("The council spent more than 20% of its budget.", TITLE)[0] == (
        "The council spent less than 20% of its budget.")
    c = only("The mayor made mistake after mistake in the campaign.")
    assert "fixed phrase" in contrast_problem(c)
    c = only("The mayor appeared before thousands of delegates on Monday.")
    assert "in front of" in contrast_problem(c)


def test_a_majority_is_turned_only_as_a_share_of_something():
    assert contrasted("A majority of the council backed the barrier plan.", TITLE)[0].startswith("A minority of")
    for text in ("Ferry towns with large minority populations voted yes.", "The vote may hand the majority to Labour.",
                 "The court failed to reach a majority decision."):
        assert "share" in contrast_problem(only(text))


def test_a_reaction_the_sentence_quotes_is_not_turned():
    c = only('The mayor praised the crews, calling the rescue "an incredible feat".')
    assert "quotes the reaction" in contrast_problem(c)

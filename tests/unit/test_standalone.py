"""Sentences printed on their own: each rule of quizgen.generate.standalone on hand-written text (no model)."""

from __future__ import annotations

import pytest

from quizgen.generate import standalone

# --- 1. openers that need the sentence before --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ("Neither does the ferry company, which runs the night boats.", "begins with 'neither'"),
    ("Nor did the harbour board say when the pier would reopen.", "begins with 'nor'"),
    ("Likewise the northern towns spent almost nothing.", "begins with 'likewise'"),
    ("Both sides agreed to meet in Tolbridge in the spring and signed a truce.", "begins with 'both'"),
    ("It also plans to open a second depot in Carlow.", "begins with 'it'"),
    ("So did the rowing club, which lost its boathouse.", "begins with 'did'"),
    ("That same day the mayor of Tolbridge resigned.", "begins with 'that'"),
    ("On the same day the mayor of Tolbridge resigned.", "'the same day' places it"),
    ("Two days earlier the mayor of Tolbridge had resigned.", "'Two days earlier' places it"),
])
def test_an_opener_that_leans_on_the_sentence_before_is_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize(("text", "shown"), [
    ("As a result, the council closed two libraries in March.", "The council closed two libraries in March."),
    ("Instead, the Tolbridge council chose a smaller bridge.", "The Tolbridge council chose a smaller bridge."),
    ("By contrast, the northern towns spent almost nothing.", "The northern towns spent almost nothing."),
    ("Even so, the museum drew 40,000 visitors last year.", "The museum drew 40,000 visitors last year."),
    ("In turn, the mill owners raised their prices by 8%.", "The mill owners raised their prices by 8%."),
    ("In return, the Tolbridge mill received two new boilers.", "The Tolbridge mill received two new boilers."),
    ("As a result the council closed two libraries in March.", "The council closed two libraries in March."),
    ("By contrast a survey by Tolbridge council found no damage.", "A survey by Tolbridge council found no damage."),
])
def test_a_linking_opener_with_its_comma_is_dropped_and_the_rest_stands_alone(text, shown):
    assert standalone.sentence_problem(text) is None
    assert standalone.tidy(text) == shown


@pytest.mark.parametrize("text", [
    "As a result of the strike, 300 flights from Leeds were cancelled.",
    "Neither of the two ferry firms would comment on the fares.",
    "By contrast with 2004, the harbour board made a profit.",
    "Instead of a bridge, the council of Tolbridge built a ferry pier.",
    "Neither the mayor nor the harbour board answered requests for comment.",
    "This year’s regatta in Tolbridge drew 4,000 visitors.",
    "These days the Tolbridge ferry runs twice a week.",
    "Both Quinn and Lind voted to close the pier in 2004.",
    "Had the vote passed, the Tolbridge pier would have closed in May.",
    "In return for the loan, the Tolbridge mill gave the town its old boilers.",
])
def test_an_opener_followed_by_what_it_links_to_stands_alone(text):
    assert standalone.sentence_problem(text) is None
    assert standalone.tidy(text) == text


# --- 2. a thing or person named before ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "known"), [
    ("The report said half of the ferries were older than 30 years.", "Ferry fares to rise"),
    ("In a statement, the company said it would appeal against the fine.", "Ferry fares to rise"),
    ("Shares fell sharply after the deal was announced on a Friday evening.", "Ferry fares to rise"),
    ("The decision means the pier will close for two years.", "Ferry fares to rise"),
    ("The scene is part of a wave of posters put up by the council.", "Ferry fares to rise"),
])
def test_a_vague_thing_the_sentence_never_names_is_skipped(text, known):
    assert "without naming it" in (standalone.vague_subject(text, known) or "")


@pytest.mark.parametrize(("text", "known"), [
    ("The report said half of the ferries were older than 30 years.", "Report finds ferries too old"),
    ("Harbour Lines said the company would appeal against the fine.", "Ferry fares to rise"),
    ("The council voted on Monday to close the pier.", "Ferry fares to rise"),
    ("Quinn, who said the project was vetted by lawyers, denied any wrongdoing.", "Ferry fares to rise"),
    ("The meeting with Quinn delayed the vote by several hours.", "Ferry fares to rise"),
    ("The Harbour Lines campaign did not respond to requests for comment.", "Ferry fares to rise"),
])
def test_a_thing_named_in_the_sentence_or_the_headline_reads_alone(text, known):
    assert standalone.vague_subject(text, known) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("Firefox replaced it as the most used browser in 2009.", "'replaced it' stands for"),
    ("The harbour board sold it to a developer for £2m.", "'sold it' stands for"),
    ("The rowing club did it again in the spring regatta.", "'did it' stands for"),
    ("Critics described it as a waste of public money.", "'described it' stands for"),
])
def test_it_as_an_object_standing_for_something_named_before_is_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "The Tolbridge council made it clear that fares would rise.",
    "Harbour Lines said it would appeal against the fine.",
    "Harbour Lines bought the old pier and later rebuilt it with public money.",
    "The mayor said: “We did it for the town.”",
    "Only then did it emerge that the pier had been sold in 1998.",
])
def test_a_dummy_or_subject_it_or_one_with_its_antecedent_stays(text):
    assert standalone.sentence_problem(text) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("The 23-year-old Spaniard served for the match at 5-4.", "'the Spaniard' stands for a person"),
    ("The Mallorcan left-hander broke serve twice in the final set.", "'the left-hander' stands for a person"),
    ("Dara Quinn beat the Scot in straight sets on Sunday.", "'the Scot' stands for a person"),
    ("Victory gave the Mallorcan a 2-0 lead over Carlow.", "'the Mallorcan' stands for a person"),
    ("Sunday was a fine afternoon for the Brazilian.", "'the Brazilian' stands for a person"),
])
def test_an_epithet_for_a_person_named_before_is_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize(("text", "reason"), [
    ("The new Tolbridge chip is five million times faster.", "'five million times faster' compares"),
    ("Ferry tickets from Carlow are now 20% cheaper.", "'20% cheaper' compares"),
    ("The Tolbridge pier is twice as long.", "'twice as long' compares"),
])
def test_a_comparison_without_its_base_is_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "The new Tolbridge chip is five million times faster than the old one.",
    "The Tolbridge pier is twice as long as the Carlow one.",
    "Ferry fares in Carlow rose by 20% in 2004.",
])
def test_a_comparison_with_its_base_stays(text):
    assert standalone.sentence_problem(text) is None


@pytest.mark.parametrize("text", [
    "The Spanish coach Rafa Ortiz picked a young side.",
    "The American market grew by 4% in the spring.",
    "Boats crossed the Mediterranean in calm weather.",
    "The 23-year-old Rafa Ortiz served for the match at 5-4.",
    "The harbour was shelled in a counterattack by the Chinese.",
    "Dara Quinn stood outside The Venetian as she talked about fares.",
    "Quinn said: “The actress from that film would notice him.”",
])
def test_a_demonym_as_an_adjective_or_beside_a_name_stays(text):
    assert standalone.sentence_problem(text) is None


# --- 3. the source's own slips -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ("The rovers could have a had a third goal before the break.", "'a had'"),
    ("The mill won approval for to build a second chimney.", "'for to'"),
    ("The ferry left the the harbour at dawn on Monday.", "repeats a word ('the the')"),
    ('The mayor called the pier "old," [Quinn] and the board agreed.', "a quotation cut short"),
    ("The pier (built in 1902 was closed on Monday.", "a bracket without its pair"),
    ("Quinn ran the mile in four minutes 3.51seconds at Tolbridge.", "runs a figure into a word"),
    ("” … the pier is not safe,” the mayor said in Tolbridge.", "the closing mark of an earlier quotation"),
    ('" The pier is not safe," the mayor of Tolbridge said.', "the closing mark of an earlier quotation"),
])
def test_a_slip_copied_from_the_source_is_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "By the time the ferry docked, the crew had had enough of the storm.",
    "The will of the town was clear after the vote in May.",
    "The council said that that decision was final for Tolbridge.",
    "The 3km course in the 1990s cost 10mph drivers £2m on the 21st day.",
    "The mayor said: “The the mistake was mine” in Tolbridge.",
    "Dara Quinn pledged to “bring the ferries home” to the people of Tolbridge.",
])
def test_doubled_words_that_english_allows_stay(text):
    assert standalone.sentence_problem(text) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("Within three days he was back in Tolbridge by air ambulance.", "'he' stands for someone"),
    ("In 2004 they moved the ferry service to Carlow.", "'they' stands for someone"),
    ("Driving home from a late shift in Los Angeles, she was hit by a van.", "'she' stands for someone"),
    ("At a meeting in Tolbridge, the council weighed the options.", "'the options' stands for"),
])
def test_a_pronoun_before_any_name_is_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "When Dara Quinn reached Tolbridge, she was greeted by the mayor.",
    "Quinn now claims she is in her best shape since the 1998 season.",
    "Speaking in Tolbridge, Dara Quinn said the pier would reopen.",
    "Despite claims that she is too cautious, Ms. Quinn has reopened the pier.",
    "According to Quinn, she was never told about the closure of the pier.",
    "Assuming that Quinn wins in May, she might close the pier for good.",
    "In several cases, harbour officials say, they were told to keep the pier open.",
    "As Professor Lind put it, the pier is the town's front door.",
    "Ferry Lines sold 3,000 tickets in May, up 31% from a year earlier.",
    "The Tolbridge win followed a defeat in Carlow less than a week earlier.",
    "Despite claims that they are too slow, the Tolbridge ferries carried 3,000 people.",
])
def test_a_pronoun_after_the_name_it_stands_for_stays(text):
    assert standalone.sentence_problem(text) is None


def test_an_appositive_name_after_a_vague_noun_names_it():
    assert standalone.vague_subject("The news agency Tolpress published a video of the pier.", "Pier opens") is None


def test_mixed_quotation_marks_count_as_one_pair_and_are_shown_curled():
    text = "Towns that were “liberated\" by the army will be renamed, the envoy said."
    assert standalone.sentence_problem(text) is None
    assert standalone.tidy(text) == "Towns that were “liberated” by the army will be renamed, the envoy said."


def test_tidy_mends_spacing_the_source_got_wrong():
    assert standalone.tidy("The pier  reopened ( after repairs ) on Monday .") == \
        "The pier reopened (after repairs) on Monday."


# --- 4. sentence boundaries around quotations (needs the spaCy model) --------------------------------------------


def test_a_statement_after_a_quotation_closed_by_a_full_stop_is_its_own_sentence():
    from quizgen import api
    from quizgen.model import Article

    article = Article(title="Pier to reopen", paragraphs=(
        'The mayor said: "We will have the pier open by the summer." McAllister Marine won the contract to '
        "rebuild it for £2m.",
        '"Will it be ready?" asked one councillor at the meeting in Tolbridge.',
        '"It is the oldest pier in the county," the mayor said.'))
    texts = [s.text for s in api.extract_facts(article).sentences]
    assert 'The mayor said: "We will have the pier open by the summer."' in texts
    assert "McAllister Marine won the contract to rebuild it for £2m." in texts
    assert '"Will it be ready?" asked one councillor at the meeting in Tolbridge.' in texts
    assert '"It is the oldest pier in the county," the mayor said.' in texts


def test_every_word_in_the_standalone_table_is_text():
    """YAML reads a bare `no` or `on` as a boolean: every entry must stay a string."""
    from quizgen.lang import en as lang_en

    for key, words in lang_en.table("standalone").items():
        assert all(isinstance(w, str) for w in words), key


# --- a role that does not say of what ----------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "bare"), [
    ("managing director", True),
    ("the committee chairman", True),
    ("its former chief executive", True),
    ("managing director of Harbour Lines", False),
    ("portal director at Tolnet", False),
    ("Tolnet chairman", False),
    ("former welfare minister", False),
    ("Labour MP", False),
])
def test_a_role_in_an_organisation_must_name_it(role, bare):
    assert (standalone.role_problem(role) is not None) is bare


def test_people_to_roles_matching_leaves_out_a_role_that_does_not_say_of_what():
    from quizgen.generate.builder import _matchable_roles

    people = [{"name": "Ada Quinn", "description": "managing director"},
              {"name": "Ben Okafor", "description": "managing director of Harbour Lines"},
              {"name": "Cara Lind", "description": "former welfare minister"}]
    assert [name for name, _ in _matchable_roles(people)] == ["Ben Okafor", "Cara Lind"]


def test_a_key_sentence_with_a_name_the_article_spells_otherwise_is_left_out():
    from quizgen import api
    from quizgen.model import Article

    article = Article(title="Ferry aid for Tolbridge", paragraphs=(
        "The United Nations sent 40 tonnes of food to Tolbridge on Monday, officials in Carlow said.",
        "The Untied Nations also flew 12 doctors to the harbour town of Tolbridge from Carlow.",
        "A United Nations spokeswoman, Ada Quinn, said 3,000 people had lost their homes in the storm."))
    facts = api.extract_facts(article)
    kept = {facts.sentences[k.sentence].text for k in facts.key_sentences}
    assert not any("Untied" in text for text in kept)
    assert any(text.startswith("The United Nations sent 40 tonnes") for text in kept)


# --- cost --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["“", "‘", '"', "(", "a ", "A ", "a, ", "Within the, ", "the company ", "did it ",
                                  "the the ", "1a", "Driving, ", "The Scot ", ", last week", "It is ",
                                  "the Texas senator ", "whether that will "])
def test_judging_a_sentence_costs_linear_time_on_adversarial_text(unit):
    """A 4× longer hostile sentence costs about 4× (quadratic would be 16×; the bar is 10× for a busy machine); run
    in a child with a time limit."""
    import time

    from tests.unit.bounded import run_bounded

    def cost(n: int) -> float:
        text = "In " + unit * n + "."
        best = float("inf")
        for _ in range(3):  # the fastest of three: a busy machine slows single runs, not the best one
            started = time.perf_counter()
            standalone.sentence_problem(text), standalone.vague_subject(text, "x"), standalone.tidy(text)
            best = min(best, time.perf_counter() - started)
        return best

    def growth() -> float:
        small, big = cost(1_500), cost(6_000)
        return 1.0 if big < 0.008 else big / max(small, 1e-6)

    # Measured again when high: a burst of load on a shared machine is not quadratic growth, twice in a row.
    def measured() -> float:
        first = growth()
        return first if first < 10.0 else min(first, growth())

    worst = run_bounded(measured, 60).value
    assert worst < 10.0, f"{worst:.1f}× for a 4× longer sentence"  # linear ≈ 4, quadratic ≈ 16


# --- round 6: definite subjects, leaning openers, copied slips (hand-written text) ----------------------------------


@pytest.mark.parametrize("text", [
    "The broadcasts began on Monday near the Carlow border.",
    "The decision was announced in Tolbridge on Friday.",
    "The report comes a week after the vote on the pier.",
    "That expansion will cost the Tolbridge mill £4m.",
    "The three men also sold the old boathouse to Harbour Lines.",
])
def test_a_definite_subject_the_sentence_never_says_which_is_skipped(text):
    assert "without naming it" in (standalone.vague_subject(text, "Ferry fares to rise") or "")


@pytest.mark.parametrize(("text", "known"), [
    ("The European Union said it would fund the Tolbridge pier.", "Ferry fares to rise"),
    ("The 25-year-old striker Ivo Brandt scored twice for Carlow.", "Ferry fares to rise"),
    ("The report of Harbour Lines was published on Monday.", "Ferry fares to rise"),
    ("The rules of the harbour board were published on Monday.", "Ferry fares to rise"),
    ("The broadcasts began on Monday near the Carlow border.", "Radio broadcast angers Carlow"),
    ("The barrier works will raise the sea wall by 40%.", "Tolbridge votes for a tidal barrier"),
    ("The government said fares would rise by 5%.", "Ferry fares to rise"),
    ("The number of ferries fell to six.", "Ferry fares to rise"),
    ("The national average cost for tickets is £9.", "Ferry fares to rise"),
])
def test_a_definite_subject_that_is_named_or_known_stays(text, known):
    assert standalone.vague_subject(text, known) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("Quinn was among the front-runners for the job.", "'for the job'"),
    ("To get a certificate, couples must pay a fee of £135.", "'To get a certificate'"),
    ("Earlier the Tolbridge council had voted to shut the pier.", "begins with 'earlier'"),
    ("Later the Tolbridge council voted to shut the pier.", "begins with 'later'"),
    ("Also donating to the fund that day was Harbour Lines.", "'that day'"),
    ("Earlier in the week the Tolbridge council voted to shut the pier.", "begins with 'earlier'"),
    ("Still the Tolbridge council voted to shut the pier.", "begins with 'still'"),
])
def test_a_sentence_leaning_on_what_came_before_is_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize(("text", "shown"), [
    ("Earlier, Dara Quinn had won the Tolbridge regatta.", "Dara Quinn had won the Tolbridge regatta."),
    ("Meanwhile the Tolbridge council voted to shut the pier.", "The Tolbridge council voted to shut the pier."),
    ("Yet, the Tolbridge council voted to shut the pier.", "The Tolbridge council voted to shut the pier."),
    ("Harbour Lines also said it would cut 300 jobs.", "Harbour Lines said it would cut 300 jobs."),
    ("Also on Monday, the Tolbridge council voted to shut the pier.",
     "On Monday, the Tolbridge council voted to shut the pier."),
    ("The council also voted to shut the Tolbridge pier.", "The council voted to shut the Tolbridge pier."),
])
def test_a_leaning_word_is_dropped_where_the_rest_stands_alone(text, shown):
    assert standalone.sentence_problem(text) is None
    assert standalone.tidy(text) == shown


@pytest.mark.parametrize("text", [
    "Earlier this year the Tolbridge council voted to shut the pier.",
    "Ivo Brandt, also known as the Carlow Flyer, won the regatta in 2004.",
    "Ivo Brandt also known as the Carlow Flyer won the regatta in 2004.",
    "Figures show that expansion will cost the Tolbridge port £4m.",
    "Earlier on Sunday the Tolbridge council voted to shut the pier.",
    "Dara Quinn told the Post that fares would rise in May.",
    "Dara Quinn said he would do the job for nothing.",
])
def test_a_dated_earlier_an_also_known_and_a_that_clause_stand_alone(text):
    assert standalone.sentence_problem(text) is None
    assert standalone.tidy(text) == text


@pytest.mark.parametrize(("text", "reason"), [
    ("Quinn called the vote an significant change for Tolbridge.", "'an si"),
    ("Quinn called the vote a important change for Tolbridge.", "'a im"),
    ("Ferry fares in Tolbridge rose by 5% Last Year.", "'Last Year'"),
    ("In Tolbridge, The council voted to shut the pier.", "'The'"),
    ("In January 25 people were hurt on the Tolbridge pier.", "'January 25 people'"),
])
def test_a_cheap_to_see_slip_copied_from_the_source_is_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "Quinn was an honest MP and a European champion for Tolbridge.",
    "Quinn won a one-off race and a unique prize after an hour in Leeds.",
    "On January 25 the Tolbridge council voted to shut the pier.",
    "In January, 25 people were hurt on the Tolbridge pier.",
    "Quinn opened an historic hotel in Tolbridge in 2004.",
])
def test_sound_articles_dates_and_names_stay(text):
    assert standalone.sentence_problem(text) is None


# Round 7: 'it'/'them' objects, bare plural subjects, times counted from the day of writing.
@pytest.mark.parametrize("text", [
    "The council is tying it into some kind of aid package.",
    "The city replaced them with new lamps in 2019.",
    "The farmer has been selling them at the market."])
def test_object_it_or_them_with_nothing_to_stand_for_is_skipped(text: str) -> None:
    assert standalone.sentence_problem(text) is not None


@pytest.mark.parametrize("text", [
    "The council is making it clear that the road will close.",
    "The firm bought two old mills and closed them in 2010.",
    "Volunteers collected the bottles and sorted them by colour."])
def test_it_or_them_with_its_thing_in_the_sentence_is_kept(text: str) -> None:
    assert standalone.sentence_problem(text) is None


def test_bare_plural_request_subject_is_skipped_unless_it_says_for_what() -> None:
    known = "Towns want a bridge"
    assert standalone.vague_subject("Requests have come from three valley towns.", known) is not None
    assert standalone.vague_subject("Requests for a new bridge have come from three towns.", known) is None
    assert standalone.vague_subject("Businesses have closed across the valley.", known) is None


@pytest.mark.parametrize(("text", "shown"), [
    ("Thousands of cyclists rode through Harrowgate this weekend.", "Thousands of cyclists rode through Harrowgate."),
    ("The bakery on Mill Lane opened yesterday.", "The bakery on Mill Lane opened."),
    ("The lighthouse in Port Sela reopened last night after repairs.",
     "The lighthouse in Port Sela reopened after repairs.")])
def test_time_counted_from_the_day_of_writing_is_not_printed(text: str, shown: str) -> None:
    """Round 7 skipped these sentences; since round 8 the time, which only dates the clause it ends, is left out
    and the rest is printed (a time that cannot be left out still skips the sentence: see the test below)."""
    assert standalone.sentence_problem(text) is None
    assert standalone.tidy(text) == shown


@pytest.mark.parametrize("text", [
    "The lighthouse in Port Sela reopened this week, on 3 May 2021, after repairs.",
    "Thousands of cyclists rode through Harrowgate in June 2019.",
    "The guide said: “we open today at nine.”"])
def test_a_dated_time_or_one_inside_a_quotation_is_kept(text: str) -> None:
    assert standalone.sentence_problem(text) is None


@pytest.mark.parametrize("text", [
    "The Corsican now has 15 days to recover from the injury.",
    "The Corsican then spent 3 weeks resting at home.",
    "The win was the Corsican’s 3rd title in 4 years."])
def test_an_epithet_before_an_adverb_or_a_curly_possessive_is_skipped(text: str) -> None:
    assert "the Corsican" in (standalone.sentence_problem(text) or "")


def test_a_regional_adjective_before_a_noun_is_no_epithet() -> None:
    assert standalone.sentence_problem("The Corsican government spent 3 million euros on roads in 2019.") is None


@pytest.mark.parametrize("quote", ["are doing a very good job", "…being treated unfairly by the league", "is."])
def test_a_quotation_that_begins_at_its_verb_has_no_subject(quote: str) -> None:
    assert standalone.quote_without_subject(quote) is not None


@pytest.mark.parametrize("quote", ["we are doing a very good job", "Nothing is settled yet", "nothing is settled",
                                   "a very good job"])
def test_a_quotation_with_its_subject_or_no_clause_is_kept(quote: str) -> None:
    assert standalone.quote_without_subject(quote) is None


def test_who_said_drops_a_quotation_that_begins_at_its_verb() -> None:
    from dataclasses import replace

    from quizgen.generate import generate_quiz
    from quizgen.templates import load_templates
    from tests.unit.factories import sample_facts

    facts = sample_facts()
    quote_template = [t for t in load_templates() if t.id == "quote-speaker"]
    assert generate_quiz(facts, quote_template, count=5, seed=0).items
    cut = replace(facts, quotes=tuple(replace(q, text="are doing a very good job") for q in facts.quotes))
    quiz = generate_quiz(cut, quote_template, count=5, seed=0)
    assert not quiz.items and any("begins at its verb" in d.reason for d in quiz.dropped)


# --- round 8: an opener that stands for nothing, and a word inside that stands for something left out -----------


@pytest.mark.parametrize("text", [
    "It takes 40 votes to pass a motion on the Tolbridge council.",
    "It is highly unusual for a harbour master to speak out on fares.",
    "It’s likely that the Tolbridge pier will stay closed until May.",
    "It was not clear whether the ferry would sail on Sunday.",
    "It’s unlikely Dana Quinn’s plan for the pier will pass.",
    "It seems that the mill owners have raised their prices by 8%.",
    "It has been two years since the Tolbridge ferry last sailed.",
    "There are about 400 fewer boats in Tolbridge harbour than a decade ago.",
    "There was no vote on the pier at the Tolbridge council in May.",
    "For example, the Tolbridge council closed two libraries in March.",
])
def test_a_dummy_it_or_an_existential_there_stands_alone(text):
    assert standalone.sentence_problem(text) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("It is expected to open in May.", "begins with 'it'"),  # the pier, the bridge: 'it' stands for a thing
    ("It was so popular that it sold out in a week.", "begins with 'it'"),
    ("It is one of the oldest ferry lines in Tolbridge.", "begins with 'it'"),
    ("There, the mayor of Tolbridge opened the pier.", "begins with 'there'"),
    ("It's not clear that they can finish the pier by May.", "'they' stands for someone"),
    ("There are two other lawsuits over his harbour plan.", "'his' stands for someone"),
    ("More than 13,000 people voted for him in the Tolbridge primary.", "'him' stands for someone"),
    ("The pier is safe, but that could change in the spring.", "', but that could' points back"),
    ("The board asked the mayor whether that would happen before May.", "'whether that would' points back"),
    ("The Tolbridge council built a ferry pier instead.", "'instead' of something left out"),
    ("Only a quarter of Tolbridgeans agree with him.", "'him' stands for someone"),  # a people is not 'him'
    ("One in five say that won't be true in Tolbridge.", "'say that won't' points back"),
    ("Everyone else combined for 39 percent of the Tolbridge vote.", "begins with 'everyone else'"),
    ("Projections suggest it would raise £9m for Tolbridge over a decade.", "'it' in what they say"),
    ("Officials expect it to open in Tolbridge in May.", "'expect it' stands for"),
    ("If that happens, the Tolbridge council will pass a different bill.", "'If that happens' points back"),
    ("After the vote, the retired surgeon said the pier was safe.", "'the surgeon' stands for a person"),
    ("Fares rose in Tolbridge with support for the New Carlow businessman.", "'the businessman' stands for"),
    ("The Carlow senator told the Tolbridge Post that fares would fall.", "'the senator' stands for"),
    ("Beyond the vote, we now know that the Tolbridge board lost £3m.", "'we' speaks in a voice"),
    ("Dana Quinn is one of our party's most effective leaders in Tolbridge.", "'our' speaks in a voice"),
    ("On a purely political level, it means admitting that Quinn speaks for Tolbridge.", "'it means' speaks"),
    ("The harbour book by Dana Quinn said the pair had fallen out over the pier.", "'the pair' stands for"),
])
def test_a_word_standing_for_something_the_sentence_never_names_is_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "The prime minister of Tolbridge changed his mind in June.",  # a role the pronoun stands for
    "Some residents say they fear the pier will close.",
    "Dana Quinn said: “We will keep our pier open.”",  # the first person inside a quotation is the speaker's
    "The US Navy moored two ships at Tolbridge in May.",
    "Dana Quinn said she would vote against the pier.",
    "In her speech, Dana Quinn said the pier would close.",  # the name comes right after the clause
    "The council spent no money on the pier, instead building a ferry slip.",  # instead of the pier
    "Dana Quinn left the pier with Lee Lind and the two walked to the town hall.",  # the sentence names both
    "About 300 boats used the two new berths at Tolbridge in May.",  # a figure, not a pair named before
    "This spring, the Tolbridge council closed two libraries.",  # anchored to the date, comma and all
    "Those mourning the old pier at a Tolbridge vigil never named the council.",  # the participle says who
    "The state that Quinn won in 2004 and that made her mayor voted no.",  # two relative clauses
])
def test_a_pronoun_or_pair_the_sentence_itself_explains_stays(text):
    assert standalone.sentence_problem(text) is None


@pytest.mark.parametrize(("text", "shown"), [
    ("For example, the Tolbridge council closed two libraries in March.",
     "The Tolbridge council closed two libraries in March."),
    ("For instance, the mill owners raised their prices by 8%.", "The mill owners raised their prices by 8%."),
])
def test_for_example_is_dropped_from_the_front(text, shown):
    assert standalone.tidy(text) == shown


@pytest.mark.parametrize("text", [
    "Only 9% for everything else.",
    "Quinn 1, Lind 2, Okafor 3 and Moran last.",
    "A rise of 5% on the year before.",
    "Total cost of the new Tolbridge pier: £3m.",
])
def test_a_fragment_with_no_main_verb_is_skipped(text):
    assert "no main verb" in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "Tolbridge council offically “rolled-out” the new ferry at 10am.",
    "The mill rose 5% on the year before.",  # an irregular past
    "The Tolbridge ferry costs £3m a year to run.",  # a verb in -s
    "According to the harbour board, “the pier will close in May.”",  # the verb inside the quotation
])
def test_a_sentence_with_a_verb_is_no_fragment(text):
    assert "no main verb" not in (standalone.sentence_problem(text) or "")


def test_a_political_epithet_after_a_place_is_skipped_unless_beside_its_name():
    problem = standalone.sentence_problem
    assert "'the senator' stands for a person" in problem("The Carlow senator won the vote on May 4.")
    assert "'the billionaire'" in problem("The New Tolbridge billionaire has spent £5m on the pier.")
    assert standalone.sentence_problem("Dana Quinn, the Carlow senator, won the vote on May 4.") is None
    assert standalone.sentence_problem("Quinn lost in Carlow, where the senator won 20% in May.") is None
    assert standalone.sentence_problem("The Tolbridge Museum said it would open on May 4.") is None


@pytest.mark.parametrize("text", [
    "Dana Quinn: the Tolbridge pier has gone ‘crazy’ https://t.co/abc123<tweet/>.",
    "The harbour board posted the vote at www.tolbridge.example on Monday.",
    "Mass sailings are becoming an everyday thing in Tolbridge.</tweet>.",
])
def test_a_web_address_or_page_markup_is_not_printed(text):
    assert "web address or page markup" in (standalone.sentence_problem(text) or "")


def test_a_comparison_sign_is_no_markup():
    assert standalone.sentence_problem("Fares rose where 3 < 4 and 5 > 2 in the Tolbridge table.") is None


@pytest.mark.parametrize(("text", "shown"), [
    ("Dana Quinn endorsed the pier plan last week and has spoken for it since.",
     "Dana Quinn endorsed the pier plan and has spoken for it since."),
    ("Quinn ended her bid after a loss to Lee Lind last week in her home town.",
     "Quinn ended her bid after a loss to Lee Lind in her home town."),
    ("Last week, the Tolbridge council closed two libraries.", "The Tolbridge council closed two libraries."),
    ("Just last week, the Tolbridge council closed two libraries.", "The Tolbridge council closed two libraries."),
    ("As the Tolbridge Post reported just today, the inspector issued two subpoenas.",
     "As the Tolbridge Post reported, the inspector issued two subpoenas."),
])
def test_a_time_counted_from_the_day_of_writing_that_ends_its_clause_is_left_out(text, shown):
    assert standalone.sentence_problem(text) is None
    assert standalone.tidy(text) == shown


@pytest.mark.parametrize("text", [
    "The Tolbridge council has not met since last week.",  # after a preposition: the time is the point
    "This week's vote in Tolbridge closed two libraries.",  # a possessive
    "Students in Tolbridge last week painted the old pier.",  # between the subject and its verb
    "The Tolbridge prize won't be awarded next week as many expected.",  # the time may be what is denied
    "Dana Quinn has spoken for the pier throughout this week as the vote nears.",  # after a preposition
])
def test_a_time_counted_from_the_day_of_writing_that_cannot_be_left_out_is_skipped(text):
    assert "counts from a day" in (standalone.sentence_problem(text) or "")


def test_the_today_show_is_a_name_not_a_time():
    assert standalone.sentence_problem("Billy Bush is joining the Today show as an anchor, NBC said.") is None


def test_with_to_is_a_slip_copied_from_the_source():
    assert "cannot stand side by side ('with to')" in standalone.sentence_problem(
        "Dana Quinn sat down with to discuss the Tolbridge pier.")


# --- round 9: the article's own slips are not copied into items -------------------------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ("Heavy smokers who consumer more than 20 cigarettes a day were asked.", "a noun where a verb belongs"),
    ("The ferry, which operater runs twice a day, was late.", "a noun where a verb belongs"),
    ("A fare rise that is still needs the council's approval was shelved.", "two verbs in a row"),
    ("The harbour plan was needs a second vote in Tolbridge.", "two verbs in a row"),
    ("The pier tax has changed by the Tolbridge council in 2012.", "a passive without its 'been'"),
    ("The ferry timetable had altered, in 2019, by Harbour Lines.", "a passive without its 'been'"),
])
def test_an_agreement_slip_of_the_source_is_skipped(text: str, reason: str) -> None:
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "Islanders who never use the ferry pay the same fare in Tolbridge.",
    "Sailors who prefer the old pier signed a petition in Tolbridge.",
    "The ferry firm, which owner Dara Quinn founded in 1990, was sold in Tolbridge.",
    "Fares in Tolbridge had risen by the same amount in 2019.",
    "Harbour Lines had finished the repairs by Monday at the Tolbridge pier.",
    "The Tolbridge pier had been damaged by the storm in 2019.",
    "The mayor of Tolbridge said the fare is still too high for islanders.",
    "Harbour Lines has responded by cutting fares in Tolbridge.",
])
def test_english_the_agreement_patterns_resemble_stays(text: str) -> None:
    assert standalone.sentence_problem(text) is None


_GALLERY = (
    "The Tolbridge gallery shows 150 prints chosen by curator Anna Maurer.",
    "The prints, Maurer said, had never left the archive before.",
    "Critics praised Mauer for hanging the prints in 12 small rooms.",
    "While the gallery is small, the White Room drew 900 visitors in 2019.",
    "It opened in June with a talk by Lena Junge.",
    "Junge and Maurer spoke to the press.",
    "Michelle Obama visited the gallery, and Michele Harte wrote about it.",
    "Michelle Obama praised the prints.",
)


def test_the_rarer_of_two_spellings_of_one_name_is_found() -> None:
    assert standalone.spelling_slips(_GALLERY) == {"Mauer": "Maurer"}


def test_a_sentence_with_the_rarer_spelling_is_skipped_and_the_others_stay() -> None:
    slips = standalone.spelling_slips(_GALLERY)
    assert "spells 'Maurer' as 'Mauer'" in (standalone.misspelt_name(_GALLERY[2], slips) or "")
    assert [standalone.misspelt_name(s, slips) for s in (_GALLERY[0], _GALLERY[1], _GALLERY[5])] == [None] * 3


@pytest.mark.parametrize(("longer", "shorter", "slip"), [
    ("Maurer", "Mauer", True), ("Kiedis", "Keidis", True), ("Emanuel", "Emanual", True),
    ("Iraq", "Iran", False), ("Obama", "Osama", False), ("Americans", "Americas", False), ("Korean", "Korea", False),
    ("Walker", "Walter", False), ("Hanson", "Janson", False),
])
def test_one_slip_apart_means_a_typing_slip_not_another_name(longer: str, shorter: str, slip: bool) -> None:
    assert standalone._one_slip_apart(longer, shorter) is slip


def test_every_word_in_the_source_slips_table_is_text() -> None:
    from quizgen.lang import en as lang_en

    for key, words in lang_en.table("source_slips").items():
        assert words and all(isinstance(w, str) for w in words), key


@pytest.mark.parametrize("quote", ["means so much to me", "…really means a lot to the crew", "seems unfair to us",
                                   "just went too far"])
def test_a_quotation_that_begins_at_a_verb_in_s_or_after_an_adverb_has_no_subject(quote: str) -> None:
    assert standalone.quote_without_subject(quote) is not None


@pytest.mark.parametrize("quote", ["plans for the new pier", "really good work by the crew", "it means a lot"])
def test_a_quotation_that_begins_at_a_noun_or_its_subject_is_kept(quote: str) -> None:
    assert standalone.quote_without_subject(quote) is None


def test_a_quiz_prints_no_sentence_with_the_rarer_spelling_of_a_name() -> None:
    from dataclasses import replace

    from quizgen.generate import generate_quiz
    from quizgen.model import Sentence
    from quizgen.templates import load_templates
    from tests.unit.factories import sample_facts

    facts = sample_facts()
    templates = load_templates()
    homes = facts.sentences[2].text
    assert any(i.source == homes for i in generate_quiz(facts, templates, count=20, seed=0).items)
    slipped = homes.replace("line,", "line in Hawrick,")  # "Harwick" twice elsewhere, "Hawrick" once: a slip
    sentences = tuple(Sentence(s.index, s.paragraph, slipped if s.index == 2 else s.text) for s in facts.sentences)
    quiz = generate_quiz(replace(facts, sentences=sentences), templates, count=20, seed=0)
    assert quiz.items and not any("Hawrick" in i.source or "Hawrick" in i.question for i in quiz.items)
    assert any("as 'Hawrick'" in d.reason for d in quiz.dropped)


# --- round 9: a definite noun the article named earlier; openers and fragments --------------------------------------

_EARLIER = [
    "Harbour Rovers beat Tolbridge Town 2-1 in the Coast Cup match between the two oldest clubs in Carlow.",
    "The Tolbridge Ferry Pass Program gives islanders two free crossings a week.",
    "A second exhibit at the Carlow Mill Gallery shows the painter's sketches.",
    "The Carlow island government pays for the Coast Cup.",
    "Jo Reed became the Rovers captain in May.",
    "The council's decision to close the pier angered fishermen.",
]


@pytest.mark.parametrize(("text", "noun"), [
    ("The match ended with a penalty in the last minute.", "the match"),
    ("The program takes a year to reach every island.", "the program"),
    ("Some of the sketches were lent to the exhibit in May.", "the exhibit"),
    ("The club said the captain had signed a new deal.", "the captain"),
    ("Fishermen protested against the decision on Monday.", "the decision"),
])
def test_a_definite_noun_an_earlier_sentence_named_is_skipped(text, noun):
    reason = standalone.earlier_referent(text, "Islanders cheer their team", _EARLIER)
    assert reason is not None and noun in reason


@pytest.mark.parametrize(("text", "headline"), [
    # the sentence names it itself: with a capitalised word before it, a link and a name after, or an apposition
    ("The Coast Cup match ended with a penalty.", "Islanders cheer their team"),
    ("The match between Rovers and Town ended with a penalty.", "Islanders cheer their team"),
    ("The program, run by Tolbridge council, takes a year.", "Islanders cheer their team"),
    # the headline names it, or the sentence repeats the name the earlier sentence gave it
    ("The match ended with a penalty.", "Rovers win cup match"),
    ("Coast Cup organisers said the match ended with a penalty.", "Islanders cheer their team"),
    # a noun no earlier sentence set apart, and one there is one of in any story's world
    ("The crowd left at noon.", "Islanders cheer their team"),
    ("The government said the crossings were popular.", "Islanders cheer their team"),
    # a person's role beside the person's name: "Ann Cole's club said the captain …"
    ("Ann Cole's club said the captain had signed.", "Islanders cheer their team"),
    # what was decided, said again, says which decision
    ("The decision to close the pier was reversed.", "Islanders cheer their team"),
    ("Fishermen said the decision would close their pier.", "Islanders cheer their team"),
])
def test_a_definite_noun_the_sentence_or_headline_names_or_no_earlier_sentence_named_stays(text, headline):
    assert standalone.earlier_referent(text, headline, _EARLIER) is None


def test_the_earlier_referent_rule_needs_an_earlier_sentence():
    assert standalone.earlier_referent("The match ended with a penalty.", "Islanders cheer", []) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("Nevertheless the band sold out every hall on the tour.", "begins with 'nevertheless'"),
    ("Not least, said Ann Cole, because the mill paid its workers late.", "begins with 'not least'"),
    ("In the second case the court fined the ferry company £4,000.", "begins with 'in the second case'"),
    ("Officials will watch its progress closely over the winter.", "'its' stands for something named before"),
    ("Police in Carlow say such attacks are rare in winter.", "'such attacks'"),
    ("The 21-year-old Rovers prop has signed a new two-year deal.", "'The 21-year-old Rovers prop'"),
])
def test_round9_openers_and_fragments_are_skipped(text, reason):
    assert reason in (standalone.sentence_problem(text) or "")


@pytest.mark.parametrize("text", [
    "Nevertheless, the band sold out every hall on the tour.",  # the comma form is dropped, not skipped
    "In the case of the ferry, the court fined its owners £4,000.",
    "The council said its budget for the ferry was cut.",
    "Carlow Airways is keeping its options open.",
    "Police saw such large crowds that two roads were closed.",
    "Ports such as Carlow and Tolbridge grew quickly.",
    "Jon Pike, the 21-year-old Rovers winger, has signed a new deal.",
    "The 21-year-old Rovers winger Jon Pike has signed a new deal.",
])
def test_round9_rules_leave_sentences_that_say_what_they_mean(text):
    assert standalone.sentence_problem(text) is None


@pytest.mark.parametrize("unit", ["the match ", "The Cup match ", "the match, Cup ", "Match Abc match Xy "])
def test_the_earlier_referent_rule_costs_linear_time_on_adversarial_text(unit):
    """The sentence and an earlier one both hostile and 4× longer: about 4× the cost (quadratic would be 16×)."""
    import time

    from tests.unit.bounded import run_bounded

    def cost(n: int) -> float:
        text = "In " + unit * n + "."
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            standalone.earlier_referent(text, "x", [text])
            best = min(best, time.perf_counter() - started)
        return best

    def growth() -> float:
        small, big = cost(1_500), cost(6_000)
        return 1.0 if big < 0.008 else big / max(small, 1e-6)

    worst = run_bounded(lambda: min(growth(), growth()), 60).value
    assert worst < 10.0, f"{worst:.1f}× for a 4× longer sentence"


@pytest.mark.parametrize("text", [
    "On its current path, the council will miss its target.",  # the name comes after the clause with 'its'
    "And now it takes its rightful place in the harbour.",  # 'it' before: judged by the 'it' rules
    "Firms doubt whether such rules of trade still apply.",  # "such … of" says which
    "Next to the 49-year-old Carlow mill is a new warehouse.",  # a thing's age, not an epithet
])
def test_round9_fragment_rules_leave_clauses_that_name_what_they_mean(text):
    assert standalone.sentence_problem(text) is None


def test_the_head_noun_is_not_the_verb_after_it():
    """'the merger won with 51%': the head is 'merger', not 'won'."""
    assert standalone._definite_heads("Then the merger won with 51 percent.") == ["merger"]


def test_a_figure_before_the_noun_says_which_and_a_such_after_its_own_example_stays():
    earlier = ["Voters rejected the Carlow campaign for a new bridge."]
    assert standalone.earlier_referent("Ads shaped the 2016 campaign in Carlow.", "x", earlier) is None
    assert standalone.earlier_referent("Ads shaped the campaign in May.", "x", earlier) is not None
    assert standalone.sentence_problem("Acme's deal with Bolt drew critics who say such deals cost jobs.") is None


# --- round 10: a role for a person never named, an achievement or a time named before ------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ("The MEP said he would form a party of his own.", "'The MEP' stands for a person named before"),
    ("The Harbour City wing has won 48 caps for his country.",
     "'The Harbour City wing' stands for a person named before"),
    ("The Harbour Party MEP also voted against the plan.", "'The Harbour Party MEP' stands for a person named before"),
    ("The chief executive will step down in May.", "'The chief executive' stands for a person named before"),
    ("The Harbour Rovers wing will miss the final.", "'The Harbour Rovers wing' stands for a person named before"),
    ("The suspect was arrested at the ferry terminal.", "'The suspect' stands for a person named before"),
    ("Bo Chen reached the landmark in Tolbridge on Saturday.", "'the landmark' stands for something named before"),
    ("Police subsequently arrested the pier manager at the airport.",
     "'subsequently' places it after something left out"),
    ("Isle Ferries, its main rival, cut fares by 10% in June.",
     "'its' in the apposition stands for something named before"),
])
def test_a_person_called_by_a_role_or_a_thing_named_before_is_skipped(text, reason):
    assert standalone.sentence_problem(text) == reason


@pytest.mark.parametrize("text", [
    "The Tolbridge council spokesman said the pier would reopen in May.",  # unnamed by custom, its body says whose
    "The Harbour Lines chief executive will step down in May.",  # the one holder of that role in a named body
    "The MEP Ana Lima said she would form a party of her own.",  # the name stands right after the role
    "The mayor said the pier would reopen in May.",  # a bare common role: vague_subject's headline check decides
    "The court heard a landmark ruling on the pier in May.",  # 'landmark' as an adjective
    "Bo Chen reached the milestone of 50 caps in Tolbridge.",  # the milestone says what it was
    "Harbour Lines said Isle Ferries, its main rival, cut fares by 10%.",  # 'its' is Harbour Lines
])
def test_a_role_with_its_name_or_a_feat_that_says_what_it_was_stands(text):
    assert standalone.sentence_problem(text) is None


@pytest.mark.parametrize(("text", "shown"), [
    ("Harbour Lines has also threatened to sue the council.", "Harbour Lines has threatened to sue the council."),
    ("The council will also vote on the fares.", "The council will vote on the fares."),
])
def test_also_after_an_auxiliary_is_dropped(text, shown):
    assert standalone.tidy(text) == shown


# --- round 11: a thing brought in with "a/an", a kind the article names one or more of --------------------------------

_INTRODUCED = [
    "A report by the Carlow ferry board found crossings were often late.",
    "Islanders welcomed a new law passed by the island parliament in May.",
    "The painter Ann Cole moved from Tolbridge to Glasgow in 1998.",
    "Her sketches hang in the Mill Gallery and the Quay Gallery.",
]


@pytest.mark.parametrize(("text", "noun"), [
    ("The report said two boats were too old.", "the report"),
    ("The new law requires a second ferry.", "the law"),
    ("She taught painting for ten years in the city.", "the city"),
    ("Ann Cole is the gallery's director.", "the gallery"),
])
def test_round11_a_noun_brought_in_with_a_or_a_kind_named_earlier_is_skipped(text, noun):
    reason = standalone.earlier_referent(text, "Islanders cheer their ferry", _INTRODUCED)
    assert reason is not None and noun in reason


@pytest.mark.parametrize(("text", "headline"), [
    # the headline or the sentence says which
    ("The report said two boats were too old.", "Ferry report finds old boats"),
    ("She taught painting for ten years in the city of Glasgow.", "Painter honoured"),
    ("The Quay Gallery is the gallery's sister.", "Painter honoured"),
    # a noun one of which is in any story's world, and a kind no earlier sentence names
    ("The government said two boats were too old.", "Painter honoured"),
    ("The museum opened in 1901.", "Painter honoured"),
])
def test_round11_a_noun_the_sentence_or_headline_names_or_no_earlier_sentence_brought_in_stays(text, headline):
    assert standalone.earlier_referent(text, headline, _INTRODUCED) is None


def test_round11_the_city_needs_an_earlier_city_and_the_company_stays_self_evident():
    earlier = ["Ann Cole moved from one island to another in 1998.", "She joined a company that builds boats."]
    assert standalone.earlier_referent("She taught painting in the city.", "Painter honoured", earlier) is None
    assert standalone.earlier_referent("The company builds twelve boats a year.", "Painter honoured", earlier) is None


def test_round11_an_owner_before_the_noun_or_a_place_in_the_sentence_says_which():
    earlier = ["Voters in Glasgow backed a plan for cheaper electricity."]
    assert standalone.earlier_referent("Wind gives 10% of the world's electricity now.", "x", earlier) is None
    assert standalone.earlier_referent("While in Asmara, he works at a desk in the city.", "x", earlier) is None
    assert standalone.earlier_referent("He works at a desk in the city.", "x", earlier) is not None


def test_round11_the_team_after_clubs_named_by_name_alone():
    earlier = ["Harbour Rovers beat Tolbridge Town 2-1 on Saturday."]
    reason = standalone.earlier_referent("The team was deducted a point for fielding a banned player.", "x", earlier)
    assert reason is not None and "the team" in reason
    assert standalone.earlier_referent("The Rovers team was deducted a point.", "x", earlier) is None
    assert standalone.earlier_referent("The team was deducted a point.", "x", ["Fans sang all night."]) is None

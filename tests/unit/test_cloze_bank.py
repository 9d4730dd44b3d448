"""Cloze items and their shared word bank, rule by rule, on hand-built facts (no model).

Each blank needs two other bank entries of exactly its kind and form; a cloze blanks only what the article is
about (never a name in passing, an official, a list member, a person its role picks out); the bank prints no
other item's answer; and no other item prints a cloze answer.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.generate import selection
from quizgen.generate.blanks import Blank, blank_problem, profile
from quizgen.generate.builder import _bank_kind, _decoy_pool, _with_a_fair_word_bank, _word_bank_extras
from quizgen.generate.facts import Fact
from quizgen.model import Entity, FactSheet, Item, KeySentence, NumberFact, Quote, Sentence
from quizgen.templates import builtin_dir, load_templates
from tests.unit.factories import sample_facts

# --- kinds and forms of bank entries ------------------------------------------------------------------------------


def _sheet(*numbers: NumberFact, entities: tuple[Entity, ...] = ()) -> FactSheet:
    return FactSheet(title="Port of Kelby reopens", slug="kelby", sentences=(Sentence(0, 0, "A sentence."),),
                     entities=entities, numbers=numbers)


@pytest.mark.parametrize(("number", "kind"), [
    (NumberFact("n", "2019", "year", 0, value=2019.0), "year"),
    (NumberFact("n", "12%", "percent", 0, value=12.0), "percent"),
    (NumberFact("n", "$4.2bn", "money", 0, value=4.2e9), "money:$"),
    (NumberFact("n", "£90m", "money", 0, value=9e7), "money:£"),
    (NumberFact("n", "30 million euros", "money", 0, value=3e7), "money:euro"),
    (NumberFact("n", "1,200", "count", 0, value=1200.0, counts="dockworkers"), "count:people"),
    (NumberFact("n", "about 300", "count", 0, value=300.0, counts="voters"), "count:people"),
    (NumberFact("n", "40", "count", 0, value=40.0, counts="ships"), "count:things"),
    (NumberFact("n", "12", "count", 0, value=12.0, counts="islanders"), "count:people"),
    (NumberFact("n", "five", "count", 0, value=5.0, counts="ships"), "count:things:words"),
    (NumberFact("n", "tripled", "multiple", 0, value=3.0), "multiple:words"),
])
def test_a_figure_in_the_bank_has_its_kind_and_form(number, kind):
    assert _bank_kind(number.text, _sheet(number)) == kind


def test_a_person_in_the_bank_has_the_form_of_their_name():
    mara = Entity("e-m", "Mara Olsen", "PERSON", 0, aliases=("Olsen",), mentions=3)
    facts = _sheet(entities=(mara,))
    assert _bank_kind("Mara Olsen", facts) == "PERSON:full"
    assert _bank_kind("Olsen", facts) == "PERSON:short"  # a surname alone among full names is told by its form
    assert _bank_kind("Ms Olsen", facts) == "PERSON:titled"


# --- the bank holds two more entries of each blank's exact kind, or the cloze goes --------------------------------

def _cloze(text: str, blank: str, sentence: int) -> Item:
    return Item(id=f"c{sentence}", type="cloze", question=text.replace(blank, "_____ (1)"), answer=blank,
                source=text, paragraph=sentence + 1, template="key-sentence-cloze", fact=f"k-{sentence}",
                blanks=(blank,))


def _figures_article() -> FactSheet:
    """One count of people among sums and shares: the shape raters rejected ('jobs for ___ people')."""
    texts = ("The new terminal will create jobs for 2,400 people by the end of next year.",
             "It will cost $310m, and the state will pay $95m of that.",
             "Shipping firms expect traffic to grow by 18%, or by 25% if the canal is widened.",
             "Dock fees rose by 6% last winter.")
    numbers = (NumberFact("n-jobs", "2,400", "count", 0, value=2400.0, counts="people"),
               NumberFact("n-cost", "$310m", "money", 1, value=3.1e8),
               NumberFact("n-state", "$95m", "money", 1, value=9.5e7),
               NumberFact("n-grow", "18%", "percent", 2, value=18.0),
               NumberFact("n-wide", "25%", "percent", 2, value=25.0),
               NumberFact("n-fees", "6%", "percent", 3, value=6.0))
    return FactSheet(title="Kelby terminal approved", slug="kelby", numbers=numbers,
                     sentences=tuple(Sentence(i, i, t) for i, t in enumerate(texts)))


def test_the_only_count_among_sums_and_shares_leaves_the_quiz():
    facts = _figures_article()
    jobs = _cloze(facts.sentences[0].text, "2,400", 0)
    kept, dropped = _with_a_fair_word_bank([jobs], facts)
    assert kept == [] and "too few entries of its blank's kind" in dropped[0].reason
    # The old bank counted any figure as a peer of any other: three figures of other kinds made it look fair.
    assert len([e for e in _word_bank_extras([jobs], facts) if e[0].isdigit() or e[0] == "$"]) < 2


def test_a_share_among_two_other_shares_keeps_its_cloze():
    facts = _figures_article()
    fees = _cloze(facts.sentences[3].text, "6%", 3)
    kept, dropped = _with_a_fair_word_bank([fees], facts)
    assert kept == [fees] and not dropped
    assert set(_word_bank_extras([fees], facts)) == {"18%", "25%"}


def test_a_surname_blank_among_full_names_leaves_the_quiz():
    people = tuple(Entity(f"e-{i}", name, "PERSON", 0, mentions=2) for i, name in
                   enumerate(("Mara Olsen", "Ivo Brandt", "Lena Marsh", "Tom Ruiz")))
    facts = replace(_sheet(entities=people), sentences=(Sentence(0, 0, "Later that week Olsen signed the lease."),),
                    entities=(replace(people[0], aliases=("Olsen",)), *people[1:]))
    cloze = _cloze(facts.sentences[0].text, "Olsen", 0)
    kept, _ = _with_a_fair_word_bank([cloze], facts)
    assert kept == []


# --- decoys give no other item away ---------------------------------------------------------------------------------

def test_no_decoy_from_a_true_false_sentence_or_an_answer():
    facts = _figures_article()
    fees = _cloze(facts.sentences[3].text, "6%", 3)
    # A false statement changed 18% to 28%: a bank printing 18% answers it.
    changed = Item(id="t", type="true_false", question=facts.sentences[2].text.replace("18%", "28%"), answer="False",
                   source=facts.sentences[2].text, paragraph=3, template="key-sentence-true-false", fact="k-2",
                   options=("True", "False"))
    figure = Item(id="m", type="mcq", question="Which figure completes …", answer="25%", source="", paragraph=1,
                  template="number-complete", fact="n-wide", options=("25%", "35%", "15%"))
    pool = _decoy_pool([fees, changed, figure], ["6%"], facts)
    assert "18%" not in pool and "25%" not in pool
    assert _with_a_fair_word_bank([fees, changed, figure], facts)[0] == [changed, figure]


def test_a_one_off_name_is_no_decoy_among_people():
    """'Valencia' tagged as a person once would be the bank's odd one out: decoys are people the article
    establishes (named in full, twice or with a role)."""
    facts = replace(sample_facts(), entities=(*sample_facts().entities, Entity("e-v", "Valencia", "PERSON", 3),
                                              Entity("e-g", "Lee Grant", "PERSON", 3)))
    pool = _decoy_pool([], ["Tom Ellis"], facts)
    assert "Valencia" not in pool and "Lee Grant" not in pool
    assert "Priya Nair" in pool  # named three times, in full


# --- blanks on what the article is about ----------------------------------------------------------------------------

def _people_article(*extra: Entity, sentences: tuple[str, ...] = (), quotes: tuple[Quote, ...] = ()) -> FactSheet:
    lede = ("Kelby council approved the new terminal on Tuesday after a long dispute.",
            "Council leader Mara Olsen said the vote ended two years of delay.")
    mara = Entity("e-m", "Mara Olsen", "PERSON", 1, mentions=4)
    texts = lede + sentences
    return FactSheet(title="Kelby terminal approved", slug="kelby", entities=(mara, *extra), quotes=quotes,
                     sentences=tuple(Sentence(i, i, t) for i, t in enumerate(texts)))


def _bank_blank(span: str, text: str, facts: FactSheet) -> Blank:
    entity = next(e for e in facts.entities if span in e.names)
    return Blank(span, text, text.index(span), entity, None, profile(facts), (), True)


def test_a_person_named_once_in_passing_is_no_cloze():
    text = "The ribbon was cut by Ada Brook, who had lent her barge for the day."
    ada = Entity("e-a", "Ada Brook", "PERSON", 2, mentions=1)
    facts = _people_article(ada, sentences=(text,))
    assert "in passing" in blank_problem(_bank_blank("Ada Brook", text, facts))
    # Named again later, she acts in the story.
    again = _people_article(replace(ada, mentions=2), sentences=(text,))
    assert blank_problem(_bank_blank("Ada Brook", text, again)) is None
    # A blank with its own options (not in a word bank) is judged by other rules.
    assert blank_problem(replace(_bank_blank("Ada Brook", text, facts), in_word_bank=False)) is None


def test_a_person_quoted_twice_is_not_in_passing():
    text = "The ribbon was cut by Ada Brook, who had lent her barge for the day."
    ada = Entity("e-a", "Ada Brook", "PERSON", 2, mentions=1)
    quotes = tuple(Quote(f"q{i}", "We waited long enough", "Ada Brook", 2, speaker_id="e-a") for i in range(2))
    facts = _people_article(ada, sentences=(text,), quotes=quotes)
    assert blank_problem(_bank_blank("Ada Brook", text, facts)) is None


@pytest.mark.parametrize("text", [
    "The final was stopped twice by referee Ada Brook for crowd trouble.",
    "Ada Brook, the linesman, flagged the second goal offside.",
    "Kelby made one change at half-time, when Joe Park came on for Ada Brook in midfield.",
])
def test_an_official_or_a_substitute_is_no_cloze(text):
    ada = Entity("e-a", "Ada Brook", "PERSON", 2, mentions=2)
    facts = _people_article(ada, Entity("e-p", "Joe Park", "PERSON", 2, mentions=2), sentences=(text,))
    assert "a name in passing" in blank_problem(_bank_blank("Ada Brook", text, facts))


def test_a_member_of_a_list_is_no_cloze_even_beside_unknown_names():
    text = "Chances fell to Joe Park, Ivo Brandt and Ada Brook before the break."
    ada = Entity("e-a", "Ada Brook", "PERSON", 2, mentions=2)
    facts = _people_article(ada, sentences=(text,))  # "Ivo Brandt" is no entity of the facts
    assert "one name of a list" in blank_problem(_bank_blank("Ada Brook", text, facts))


@pytest.mark.parametrize("text", [
    "The deal was signed in Kelby by harbour director Ada Brook and two bankers.",
    "The deal was signed in Kelby by Mayor Ada Brook and two bankers.",
    "Head of the port authority, Ada Brook, signed the deal in Kelby.",
])
def test_a_role_beside_the_blank_that_picks_out_the_person_is_no_cloze(text):
    ada = Entity("e-a", "Ada Brook", "PERSON", 2, mentions=2)
    facts = _people_article(ada, sentences=(text,))
    assert "role printed beside the blank" in blank_problem(_bank_blank("Ada Brook", text, facts))
    plain = "The deal was signed in Kelby by Ada Brook and two bankers."
    assert blank_problem(_bank_blank("Ada Brook", plain, _people_article(ada, sentences=(plain,)))) is None


def test_a_figure_beside_another_of_its_kind_is_no_word_bank_blank():
    text = "Profit was $40m in the spring, compared with $65m a year earlier."
    now = NumberFact("n-now", "$40m", "money", 0, value=4e7)
    then = NumberFact("n-then", "$65m", "money", 0, value=6.5e7)
    facts = _sheet(now, then)
    in_bank = Blank("$65m", text, text.index("$65m"), None, then, profile(facts), (now,), True)
    assert "arithmetic" in blank_problem(in_bank)
    year = NumberFact("n-y", "2019", "year", 0, value=2019.0)
    assert blank_problem(replace(in_bank, neighbours=(year,))) is None


# --- no other item prints a cloze answer ------------------------------------------------------------------------

def test_a_cloze_answer_printed_by_any_stem_is_a_conflict():
    facts = sample_facts()
    cloze = Item(id="c", type="cloze", question="_____ (1), a hydrologist, called the plan overdue.",
                 answer="Tom Ellis", source=facts.sentences[3].text, paragraph=4, template="t-cloze", fact="c",
                 blanks=("Tom Ellis",), score=1.0)
    # A stem about something else entirely: no shared context, yet the student reads the name beside the bank.
    other = Item(id="m", type="mcq", question="Who said Tom Ellis was wrong?", answer="Dana Whitlock",
                 source=facts.sentences[4].text, paragraph=5, template="t-mcq", fact="m", score=1.0,
                 options=("Dana Whitlock", "Priya Nair", "Tom Ellis"))
    a = selection.Candidate.of(cloze, Fact("c", 3, 1.0, {}, None), facts)
    b = selection.Candidate.of(other, Fact("m", 4, 1.0, {}, None), facts)
    assert selection.answer_shown(a, b) == "one item prints the other's blank"


# --- key-sentence-complete is retired -------------------------------------------------------------------------------

def test_key_sentence_complete_is_off_by_default_and_loadable_from_optional():
    assert "key-sentence-complete" not in {t.id for t in load_templates()}
    assert "key-sentence-complete" in {t.id for t in load_templates([builtin_dir() / "optional"])}


def test_a_figure_ten_times_larger_or_smaller_is_no_peer():
    from quizgen.generate.builder import _bank_peer

    counts = [NumberFact(f"n-{t}", t, "count", 0, value=float(t.replace(",", "")), counts="countries")
              for t in ("11", "14", "90", "2,500")]
    facts = _sheet(*counts)
    assert _bank_peer("11", "14", facts) and _bank_peer("11", "90", facts)
    assert not _bank_peer("11", "2,500", facts)  # "from 2,500 countries" is ruled out without reading


def test_a_count_with_its_unit_is_no_peer_of_a_bare_count():
    litres = NumberFact("n-l", "600,000", "count", 0, value=6e5, counts="litres")
    energy = NumberFact("n-e", "about 900,000 kilowatt hours", "count", 0, value=9e5, counts="kilowatt hours")
    facts = _sheet(litres, energy)
    assert _bank_kind("600,000", facts) == "count:things"
    assert _bank_kind("about 900,000 kilowatt hours", facts) == "count:things:unit"
    assert _bank_kind("2 million", _sheet(NumberFact("n", "2 million", "count", 0, value=2e6,
                                                     counts="tonnes"))) == "count:things"


def test_a_true_statements_figure_may_be_a_decoy():
    facts = _figures_article()
    fees = _cloze(facts.sentences[3].text, "6%", 3)
    true = Item(id="t", type="true_false", question=facts.sentences[2].text, answer="True",
                source=facts.sentences[2].text, paragraph=3, template="key-sentence-true-false", fact="k-2",
                options=("True", "False"))
    assert {"18%", "25%"} <= set(_decoy_pool([fees, true], ["6%"], facts))


def test_a_person_of_the_other_gender_is_no_peer():
    from quizgen.generate.builder import _bank_peer

    ivo = Entity("e-i", "Ivo Brandt", "PERSON", 0, mentions=2, gender="male")
    lena = Entity("e-l", "Lena Marsh", "PERSON", 0, mentions=2, gender="female")
    tom = Entity("e-t", "Tom Ruiz", "PERSON", 0, mentions=2, gender="male")
    kim = Entity("e-k", "Kim Sato", "PERSON", 0, mentions=2)
    facts = _sheet(entities=(ivo, lena, tom, kim))
    assert _bank_peer("Ivo Brandt", "Tom Ruiz", facts) and not _bank_peer("Ivo Brandt", "Lena Marsh", facts)
    assert _bank_peer("Ivo Brandt", "Kim Sato", facts, "Ivo Brandt said the port would open.")
    # "his" rules out a person whose gender the article does not show.
    assert not _bank_peer("Ivo Brandt", "Kim Sato", facts, "Ivo Brandt said his port would open.")


def test_a_cloze_no_bank_could_make_fair_leaves_before_planning():
    from quizgen.generate import generate_quiz

    facts = _figures_article()  # one count of people, and nothing else that counts people
    facts = replace(facts, key_sentences=(KeySentence("k-0", 0, 3.0, ("2,400",)),))
    cloze = [t for t in load_templates([builtin_dir() / "optional"]) if t.id == "key-sentence-cloze"]
    quiz = generate_quiz(facts, cloze, count=5, seed=0)
    assert not quiz.items
    assert any(d.fact == "k-0" and "too few names or figures of its blank's kind" in d.reason for d in quiz.dropped)

"""The plan covers the article's key facts first: the lede's paragraph and the five after it take precedence over
incidental detail later in the article, and a template or type cap never leaves one of their sentences untested
in a quiz shorter than asked. Facts are written for these tests (no spaCy model, no corpus text)."""

from __future__ import annotations

from dataclasses import replace

from quizgen.generate import selection
from quizgen.generate.facts import Fact
from quizgen.generate.selection import Candidate, plan_quiz
from quizgen.model import Entity, FactSheet, Item, KeySentence, NumberFact, Sentence

# (paragraph, sentence): the lede's paragraph holds three sentences, every later paragraph one.
ARTICLE = (
    (0, "The town of Wexcombe will close its last public library in June, the borough council decided on Tuesday."),
    (0, "Councillors voted to shut the Mill Street branch and sell the building."),
    (0, "The council said the savings would pay for two mobile libraries."),
    (1, "Library users gathered outside the town hall before the vote to protest against the closure."),
    (2, "Head librarian Ruth Okafor said the branch lent more than 30,000 books a year."),
    (3, "The council leader, Pete Sandler, said the building needed repairs the borough could not afford."),
    (4, "Campaigners plan to ask the High Court to review the decision."),
    (5, "A similar library in the nearby village of Ashby was saved by volunteers."),
    (6, "The Mill Street branch first opened with money from a local brewer."),  # incidental from here on
    (7, "Its reading room once hosted a chess club that met every Thursday."),
    (8, "The building's stained glass windows were restored by a firm from Leeds."),
)
KEY = range(0, 8)
INCIDENTAL = range(8, 11)


def _facts() -> FactSheet:
    sentences = tuple(Sentence(i, paragraph, text) for i, (paragraph, text) in enumerate(ARTICLE))
    return FactSheet(title="Wexcombe to close its last library", slug="wexcombe-library", sentences=sentences,
                     key_sentences=tuple(KeySentence(f"k-{i}", i, 1.0) for i in range(len(ARTICLE))))


def _statement(sentence: int, facts: FactSheet, answer: str = "False", score: float = 1.0,
               alone: bool = True) -> Candidate:
    """A statement of one sentence (false ones with a swap of their own); `alone`: testing no event another tells."""
    source = facts.sentences[sentence].text
    stem = source if answer == "True" else f"{source[:-1]} twice."
    item = Item(id=f"s{sentence}", type="true_false", question=stem, answer=answer, source=source,
                paragraph=facts.sentences[sentence].paragraph + 1, template="key-sentence-true-false",
                fact=f"s{sentence}", score=score, options=("True", "False"))
    candidate = Candidate.of(item, Fact(item.id, sentence, 1.0, {}, facts.key_sentences[sentence]), facts)
    if not alone:
        return candidate
    return replace(candidate, actors=frozenset(), event=frozenset(),
                   swap=frozenset({f"x{sentence}", f"y{sentence}"}) if answer == "False" else frozenset())


def _figure(facts: FactSheet) -> Candidate:
    item = Item(id="n", type="mcq", question="Which year completes this sentence? “The branch first opened in "
                "_____.”", answer="1908", source="The branch first opened in 1908.", paragraph=12,
                template="number-complete", fact="n", score=2.5, options=("1898", "1908", "1918"))
    figure = NumberFact("n", "1908", "year", 99, value=1908.0)
    return replace(Candidate.of(item, Fact("n", 8, 1.0, {}, figure), facts), sentences=frozenset({99}),
                   on_key_paragraph=False, actors=frozenset(), event=frozenset())


def test_the_lede_and_the_five_paragraphs_after_it_are_key():
    facts = _facts()
    on_key = [_statement(i, facts).on_key_paragraph for i in range(len(ARTICLE))]
    assert on_key == [i in KEY for i in range(len(ARTICLE))]
    # Their place is worth something down to the sixth paragraph; the seventh is incidental detail.
    bonuses = [selection._key_fact_bonus(i, facts) for i in (5, 6, 7, 8)]
    assert bonuses[0] > bonuses[1] > bonuses[2] > 0 and bonuses[3] == 0


def test_no_cap_leaves_a_key_sentence_untested_in_a_short_quiz():
    facts = _facts()
    statements = [_statement(i, facts) for i in range(1, len(ARTICLE))]  # the first sentence is tested by nothing
    items, dropped = plan_quiz([*statements, _figure(facts)], facts, count=20)
    chosen = {i.id for i in items}
    # Ten statements and a figure for twenty asked: every key sentence has its item, two of them in one paragraph.
    assert {f"s{i}" for i in KEY if i} <= chosen and "n" in chosen
    # The caps still hold incidental detail back: a quiz of key facts does not fill up with true/false from the
    # article's last paragraphs, however many paragraphs they open.
    assert not {f"s{i}" for i in INCIDENTAL} & chosen
    assert {d.fact for d in dropped if "share of this template or type" in d.reason} == {f"s{i}" for i in INCIDENTAL}


def test_true_statements_on_key_paragraphs_take_the_true_places_before_incidental_ones():
    facts = _facts()
    false = _statement(1, facts, score=3.0)  # one false statement: room for three true ones
    key = [_statement(i, facts, answer="True") for i in (5, 7)]
    later = [_statement(i, facts, answer="True", score=1.3) for i in INCIDENTAL]  # better items, later detail
    items, dropped = plan_quiz([false, *key, *later], facts, count=20)
    assert sorted(i.id for i in items) == ["s1", "s5", "s7"]
    assert {d.fact for d in dropped} == {f"s{i}" for i in INCIDENTAL}


def _ruling_facts() -> FactSheet:
    text = ("Judge Anna Vale ruled that the Harbour Trust must publish its accounts.",
            "Anna Vale said the Harbour Trust must publish new plans for the quay by May.",
            "The Harbour Trust must publish its accounts within a month, Anna Vale ruled.")
    return FactSheet(title="Harbour Trust loses its case", slug="harbour-trust",
                     sentences=tuple(Sentence(i, i, t) for i, t in enumerate(text)),
                     entities=(Entity("e-vale", "Anna Vale", "PERSON", 0, mentions=3),
                               Entity("e-trust", "Harbour Trust", "ORG", 0, mentions=3)),
                     key_sentences=tuple(KeySentence(f"k-{i}", i, 1.0) for i in range(len(text))))


def test_two_sentences_on_the_same_people_tell_one_event_only_when_they_share_what_happens():
    facts = _ruling_facts()
    accounts, plans, again = (_statement(i, facts, answer="True", alone=False) for i in range(3))
    assert accounts.actors == plans.actors == {"e-vale", "e-trust"}
    # 'must' and 'publish' alone: the accounts and the plans for the quay are two facts, both worth an item.
    assert selection.same_event(accounts, plans) is None
    # 'ruled', 'must', 'publish', 'accounts': one ruling told twice.
    assert selection.same_event(accounts, again) == "tests the same event as told in another sentence"


def test_a_word_in_quotation_marks_is_a_word_of_what_happens():
    assert "unlaw" in selection._stems("She called the silence ''unlawful''.")
    assert "unlaw" in selection._stems("She called the silence ‘unlawful’.")
    assert "unlaw" in selection._stems("She called the silence 'unlawful'.")
    assert not {"t", "s", "ll"} & selection._stems("It don't matter, it's what we'll see.")  # no piece of a word

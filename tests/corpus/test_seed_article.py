"""The article the project was first asked for, scored against the hand-made gold (read from ../shared at run
time; never copied into the project). Skipped where ../shared is not beside the project."""

from __future__ import annotations

import pytest

from quizgen import api, scoring
from quizgen.textutil import normalize
from tests.conftest import SHARED

ARTICLE = SHARED / "corpus" / "wsj-russia-north-korea-propaganda.txt"
GOLD = SHARED / "gold" / "wsj-russia-north-korea-propaganda.yaml"
pytestmark = pytest.mark.skipif(not ARTICLE.exists() or not GOLD.exists(), reason="../shared/corpus not present")


@pytest.fixture(scope="module")
def facts():
    return api.extract_facts(api.read_article(ARTICLE))


@pytest.fixture(scope="module")
def gold():
    return scoring.load_gold(GOLD)


def _n(text: str) -> str:
    return normalize(text).lower().strip(" .,!?")


def test_reader_takes_title_byline_and_drops_furniture(facts, gold):
    assert facts.title == gold.title and facts.byline == gold.byline
    text = " ".join(s.text for s in facts.sentences)
    assert "dasl.yoon@wsj.com" not in text and not text.endswith("topics")


def test_every_gold_quote_found_with_its_speaker(facts, gold):
    for expected in gold.quotes:
        speakers = {_n(expected.speaker), *(_n(s) for s in expected.speaker_ok)}
        match = [q for q in facts.quotes if _n(expected.text) in _n(q.text)]
        assert match, expected.text
        assert _n(match[0].speaker) in speakers, (expected.text, match[0].speaker)


def test_no_title_gloss_or_scare_quote_is_taken_as_speech(facts, gold):
    for phrase in gold.not_quotes:
        assert not any(_n(q.text) == _n(phrase) for q in facts.quotes), phrase


def test_entities_types_glosses_and_numbers(facts, gold):
    found = 0
    for expected in gold.entities:
        names = {_n(expected.name), *(_n(a) for a in expected.aliases)}
        if any(_n(e.name) in names and e.type in expected.type for e in facts.entities):
            found += 1
    assert found >= 20, found
    glosses = {(_n(g.term), _n(g.meaning).split(" (")[0]) for g in facts.glosses}
    for expected in gold.glosses:
        assert (_n(expected.term), _n(expected.meaning).split(" (")[0]) in glosses
    numbers = 0
    for expected in gold.numbers:
        if expected.value is not None:
            numbers += any(n.value == expected.value for n in facts.numbers)
        else:
            numbers += any(_n(expected.text or "") in _n(n.text) for n in facts.numbers)
    assert numbers >= 6, numbers


def test_quiz_has_at_least_ten_items_of_three_types_all_grounded(facts):
    quiz = api.generate_quiz(facts, count=20, seed=0)
    # Eight at least: the quiz tests each fact once, lists no commentator in a people-to-roles match, and holds no
    # more true statements than false ones plus one (it made 13 before those rules, two of them rated weak). Eight
    # since gloss-meaning was retired (raters accepted none of its items): its item here was one of the ten. Round 8
    # also no longer asks "Name the person the article describes as the Russian President" (general knowledge:
    # lang/en famous_roles).
    assert len(quiz.items) >= 8
    assert not any(i.answer == "Vladimir Putin" and i.template == "person-short-answer" for i in quiz.items)
    # Two types: that Putin item was the quiz's only short answer; the article's other people are a professor
    # asked for a view and "the Chinese leader" (general knowledge too).
    assert len(quiz.count_by_type()) >= 2
    # No cloze here: none of the article's figures or people has two other word-bank entries of its exact kind and
    # form that no other item prints (its one figure in words, "quadrupled", was filled by kind alone).
    assert "mcq" in quiz.count_by_type()
    templates = {i.template for i in quiz.items}
    assert "quote-speaker" in templates and ({"number-how-many", "number-complete"} & templates)
    sentences = {s.text for s in facts.sentences}
    for item in quiz.items:
        if item.type != "matching":
            assert item.source in sentences
        if item.type == "mcq" and item.template == "quote-speaker":
            quote = next(q for q in facts.quotes if q.id == item.fact)
            assert item.answer == quote.speaker


def test_a_quiz_of_three_types_tests_most_gold_key_facts(facts, gold):
    quiz = api.generate_quiz(facts, count=20, seed=0)
    # Each fact once, so the quiz stops where the article's good items do; the mix follows the article (a matching
    # item gives way when its people are tested elsewhere); no sentence is tested twice. Three types: the article's
    # people-to-roles match would list a commentator and a leader named once in passing, so it is not made.
    # Eight at least, two types: gloss-meaning is retired and "the Russian President" (Putin), the only short
    # answer, is general knowledge (round 8).
    assert 8 <= len(quiz.items) <= 20 and len(quiz.count_by_type()) >= 2
    assert "matching" not in quiz.count_by_type()
    single = [i.source for i in quiz.items if i.type != "matching"]
    assert len(single) == len(set(single))
    card = scoring.score(facts, gold)
    assert all(card.checks.values()), card.checks
    sources = [scoring.key(i.source) for i in quiz.items]
    words = scoring.words  # the scorer's own fuzzy rule for paraphrased gold sentences
    tested = [fact for fact in gold.key_facts
              if any(len(words(scoring.key(fact)) & words(s)) >= 0.75 * len(words(scoring.key(fact))) for s in sources)]
    # One of the seven gold facts opens "Nearly a third of them", which no item prints alone (whom?); one name is
    # the answer of one item, and true statements may not outnumber false ones by more than one. With
    # key-sentence-complete retired (raters accepted 1 of its 11 items) the Victory Day fact is no longer tested:
    # its sentence's true/false item gives way to the balance of true and false statements. The 15,000 soldiers
    # stand only in a sentence that opens "The scene is part of …" (which scene?), which no item prints alone.
    assert len(tested) >= 2, tested

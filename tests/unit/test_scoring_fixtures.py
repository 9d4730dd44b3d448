"""Extraction scored against hand-made gold files for the project's own articles (tests/fixtures/gold/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen import api, scoring

ROOT = Path(__file__).resolve().parents[2]
CASES = {
    "harbour-ferry": ROOT / "examples" / "harbour-ferry.txt",
    "clinic-boat": ROOT / "tests" / "fixtures" / "articles" / "clinic-boat.txt",
    "valley-library": ROOT / "tests" / "fixtures" / "articles" / "valley-library.md",
    "harbour-bakery": ROOT / "tests" / "fixtures" / "articles" / "harbour-bakery.txt",
}


@pytest.fixture(scope="module", params=sorted(CASES))
def card(request) -> scoring.Scorecard:
    facts = api.extract_facts(api.read_article(CASES[request.param]))
    return scoring.score(facts, scoring.load_gold(ROOT / "tests" / "fixtures" / "gold" / f"{request.param}.yaml"))


def test_reader_checks_pass(card):
    assert all(card.checks.values()), card.checks


def test_every_quote_found_with_its_speaker(card):
    quotes = card.category("quotes with speaker")
    assert quotes.recall == 1.0 and quotes.precision == 1.0, (quotes.missed, quotes.unsupported)


def test_entities_numbers_and_glosses_mostly_found(card):
    entities, numbers, glosses = (card.category(n) for n in ("entities with type", "numbers", "glosses"))
    assert entities.recall >= 0.85 and entities.precision >= 0.75, (entities.missed, entities.unsupported)
    assert numbers.recall >= 0.9 and numbers.precision >= 0.8, (numbers.missed, numbers.unsupported)
    if glosses.gold:
        assert glosses.recall == 1.0 and glosses.precision == 1.0, (glosses.missed, glosses.unsupported)
    else:
        assert glosses.found == 0, glosses.unsupported  # nothing is taken for a gloss where there is none


def test_gold_key_facts_are_among_the_key_sentences(card):
    key_facts = card.category("key facts")
    assert key_facts.recall >= 0.75, key_facts.missed


def test_scorer_counts_a_wrong_speaker_as_a_miss():
    facts = api.extract_facts(api.read_article(CASES["clinic-boat"]))
    wrong = facts.quotes[0].__class__(**{**facts.quotes[0].__dict__, "speaker": "Carlos Mendes"})
    edited = facts.__class__(**{**facts.__dict__, "quotes": (wrong, *facts.quotes[1:])})
    gold = scoring.load_gold(ROOT / "tests" / "fixtures" / "gold" / "clinic-boat.yaml")
    quotes = scoring.score(edited, gold).category("quotes with speaker")
    assert quotes.gold_found == quotes.gold - 1 and quotes.found_correct == quotes.found - 1
    assert any("People used to travel" in m for m in quotes.missed)

"""Extraction scored against hand-made gold files for the project's own articles (tests/fixtures/gold/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen import api, scoring
from quizgen.goldfile import GoldQuote, parse_gold
from quizgen.model import FactSheet, Quote, Sentence

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
    wrong = facts.quotes[0].__class__(**{**facts.quotes[0].__dict__, "speaker": "Pedro Alves"})
    edited = facts.__class__(**{**facts.__dict__, "quotes": (wrong, *facts.quotes[1:])})
    gold = scoring.load_gold(ROOT / "tests" / "fixtures" / "gold" / "clinic-boat.yaml")
    quotes = scoring.score(edited, gold).category("quotes with speaker")
    # The first quote is Souza's whole quotation, interrupted by its cue: both of her gold quotes are missed.
    held = [g for g in gold.quotes if g.speaker == "Helena Souza" and scoring.quote_found(wrong.text, g.text)]
    assert len(held) == 2 and quotes.gold_found == quotes.gold - 2 and quotes.found_correct == quotes.found - 1
    assert any("People used to travel" in m for m in quotes.missed)


# --- the benchmark's matching rule (../shared/bench/README.md), on hand-built facts -----------------------------

def _facts(*quotes: tuple[str, str]) -> FactSheet:
    return FactSheet(title="t", slug="t", sentences=(Sentence(0, 0, "s"),),
                     quotes=tuple(Quote(id=f"q{i}", text=t, speaker=s, sentence=0) for i, (t, s) in enumerate(quotes)))


def test_found_means_half_of_the_gold_words():
    assert scoring.quote_found("we will build the bridge next year", "build the bridge")
    assert scoring.quote_found("the bridge", "build the bridge now")  # 2 of 4 words
    assert not scoring.quote_found("the", "build the bridge now")
    assert not scoring.quote_found("anything at all", "")


@pytest.mark.parametrize(("found", "gold", "ok", "right"), [
    ("Barack Obama", "Mr. Obama", (), True),
    ("Elijah Cummings", "Rep. Elijah E. Cummings (D-Md.)", (), True),
    ("Donald Trump", "Donald Trump Jr.", (), True),
    ("Trump", "Trump’s", (), True),
    ("Dong Xiaolin", "Dong", (), True),
    ("Peter Morgan", "Mr. Morgan of the Sierra Club", (), True),
    ("Michael Flynn", "Flynn, a top Trump surrogate,", (), True),
    ("John F. Kerry", "Secretary of State John F. Kerry", (), True),
    ("Larry King", "Mr. King, 82,", (), True),
    ("Obama", "the president", ("Obama",), True),
    ("Hillary Clinton", "Donald Trump", (), False),
    ("Bill Clinton", "Fowler", (), False),
    ("President", "Obama", (), False),
])
def test_speaker_right_by_surname_after_titles(found, gold, ok, right):
    assert scoring.speaker_right(found, GoldQuote(text="x y", speaker=gold, speaker_ok=ok)) is right


def test_a_description_without_alternatives_matches_on_its_head_noun():
    gold = GoldQuote(text="x y", speaker="a spokesman for the campaign", source_kind="description")
    assert scoring.speaker_right("the campaign spokesman", gold)
    assert not scoring.speaker_right("the campaign manager", gold)


def test_precision_recall_and_source_kinds_follow_the_rule():
    gold = parse_gold("""
quotes:
  - {text: we will build the bridge, speaker: Ana Souza, source_kind: name}
  - {text: the river is rising fast, speaker: Ana Souza, source_kind: pronoun, source_as_written: she}
  - {text: nobody asked the farmers at all, speaker: the mayor, source_kind: description}
other_quotes: [deplorables]
""", "g.yaml")
    facts = _facts(("We will build the bridge", "Souza"),  # right
                   ("The river is rising fast", "Carlos Mendes"),  # found, wrong speaker
                   ("a basket of deplorables", "Souza"),  # real but not scored: neither right nor wrong
                   ("Something nobody listed", "Souza"))  # matches nothing: wrong
    card = scoring.score(facts, gold)
    quotes = card.category("quotes with speaker")
    assert (quotes.found, quotes.found_correct, quotes.gold, quotes.gold_found) == (3, 1, 3, 1)
    kinds = card.quote_kinds
    assert kinds["name"] == scoring.KindTally(1, 1, 1)
    assert kinds["pronoun"] == scoring.KindTally(1, 1, 0)
    assert kinds["description"] == scoring.KindTally(1, 0, 0)
    assert [c.name for c in card.categories] == ["quotes with speaker"]  # a quotes-only gold scores quotes only


def test_folder_scoring_totals_every_article(tmp_path):
    articles, golds = tmp_path / "text", tmp_path / "gold"
    articles.mkdir()
    golds.mkdir()
    for name, speaker in (("a", "Ana Souza"), ("b", "Rui Costa")):
        (articles / f"{name}.txt").write_text("title\n\nbody\n", encoding="utf-8")
        (golds / f"{name}.yaml").write_text(f"article: {name}.txt\nquotes:\n  - text: we will build the bridge\n"
                                            f"    speaker: {speaker}\n", encoding="utf-8")
    result = scoring.score_paths(articles, golds, lambda path: _facts(("we will build the bridge", "Souza")))
    total = next(c for c in result.totals() if c.name == "quotes with speaker")
    assert (total.found, total.found_correct, total.gold, total.gold_found) == (2, 1, 2, 1)
    assert result.quote_kinds()["name"] == scoring.KindTally(2, 2, 1)
    report = scoring.format_folder(result)
    assert report.startswith("2 articles") and "name" in report and "50.0%" in report

"""Generation on hand-built facts: templates, distractor rules, the quality gate, selection and determinism."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from quizgen.generate import generate_quiz
from quizgen.generate.distractors import entity_distractors, number_distractors, overlaps
from quizgen.generate.quality import check_item
from quizgen.model import Gloss, Item, KeySentence, NumberFact, Sentence
from quizgen.templates import builtin_dir, load_templates
from tests.unit.factories import sample_facts


@pytest.fixture(scope="module")
def templates():
    return load_templates()


@pytest.fixture(scope="module")
def optional_templates():
    """The retired templates, off by default, still loadable with --templates."""
    return load_templates([builtin_dir() / "optional"])


def test_every_builtin_template_loads(templates):
    ids = {t.id for t in templates}
    assert {"quote-speaker", "number-complete", "key-sentence-true-false", "people-roles-matching"} <= ids
    # Weak templates (raters accepted 0%, 23%, 30%, 44%, 0%, 0% and 56% of their items) are off by default.
    assert not {"number-how-many", "sentence-wh-question", "entity-described-as", "key-sentence-cloze",
                "key-fact-contrast", "gloss-meaning", "person-short-answer"} & ids


def test_retired_templates_still_load_from_the_optional_folder(optional_templates):
    assert {"number-how-many", "sentence-wh-question", "entity-described-as", "key-sentence-cloze",
            "key-fact-contrast", "gloss-meaning", "person-short-answer"} <= {t.id for t in optional_templates}


def test_every_builtin_template_makes_a_checked_candidate(templates):
    """Each built-in template, alone, turns the sample facts into at least one item that passes the gate."""
    facts = sample_facts()
    # Terms-to-meanings matching needs three glosses; the sample has one.
    facts = replace(facts, glosses=(*facts.glosses, Gloss("g-ea", "EA", "Environment Agency", 2),
                                    Gloss("g-hwl", "high-water line", "the highest point of the tide", 2)),
                    sentences=(*facts.sentences, Sentence(6, 6, "The tidal barrier was backed on Monday by Tom Ellis, "
                                                                  "who has studied the local tides for a decade."),
                               Sentence(7, 7, "Work on the barrier will start before the winter storms arrive.")),
                    key_sentences=(*facts.key_sentences, KeySentence("k-6", 6, 3.0, ("Tom Ellis",)),
                                   KeySentence("k-7", 7, 2.0, ())))
    for template in templates:
        quiz = generate_quiz(facts, [template], count=5, seed=0)
        assert quiz.items, (template.id, quiz.dropped)
        for item in quiz.items:
            assert item.template == template.id and check_item(item, facts) is None


def test_wh_questions_take_options_of_the_answers_kind(optional_templates):
    wh = [t for t in optional_templates if t.id == "sentence-wh-question"]
    items = {i.fact: i for i in generate_quiz(sample_facts(), wh, count=5, seed=0).items}
    when, who = items["w-when"], items["w-who"]
    assert when.options == tuple(sorted(when.options)) and "2031" in when.options and when.fixed_order
    assert all(len(o) == 4 and o.isdigit() for o in when.options)
    # People are never invented: the other options are the article's other people.
    assert who.answer == "Dana Whitlock" and set(who.options) == {"Dana Whitlock", "Priya Nair", "Tom Ellis"}


def test_quiz_mixes_types_and_every_item_is_grounded(templates, optional_templates):
    facts = sample_facts()
    # The sample's one short answer is its gloss, whose template is retired: turned back on here.
    glosses = [t for t in optional_templates if t.id == "gloss-meaning"]
    quiz = generate_quiz(facts, [*templates, *glosses], count=12, seed=1)
    types = quiz.count_by_type()
    assert len(types) >= 3 and "mcq" in types
    for item in quiz.items:
        assert check_item(item, facts) is None
        if item.type == "mcq":
            assert item.answer in item.options and len(set(item.options)) == len(item.options) >= 3
    # Planned as a whole: no two items rest on one sentence, so none tests a fact another tests.
    sources = [i.source for i in quiz.items if i.type != "matching"]
    assert len(sources) == len(set(sources))


def test_quote_speaker_offers_people_only(templates):
    quiz = generate_quiz(sample_facts(), templates, count=30, seed=0)
    item = next(i for i in quiz.items if i.template == "quote-speaker" and i.fact == "q-nair")
    assert item.question == "Who said: “We cannot wait for the next flood”?"
    assert item.answer == "Priya Nair"
    people = {"Priya Nair", "Tom Ellis", "Dana Whitlock"}
    assert set(item.options) <= people and "Nair" not in item.options


def test_how_many_question_and_number_options_ascend(optional_templates):
    quiz = generate_quiz(sample_facts(), optional_templates, count=30, seed=0)
    item = next(i for i in quiz.items if i.template == "number-how-many")
    assert item.question == "About how many homes lie below the high-water line?"
    values = [float(o.split()[-1].replace(",", "")) for o in item.options]
    assert values == sorted(values) and all(o.startswith("About ") for o in item.options)


def test_entity_distractors_never_alias_or_in_stem():
    facts = sample_facts()
    nair = facts.entity("e-nair")
    stem = "Which person does the article describe as the rival of Tom Ellis?"
    found = entity_distractors(nair, facts, stem, 3, random.Random(0))
    assert "Tom Ellis" not in found and not any(overlaps(f, "Priya Nair") for f in found)
    assert "Dana Whitlock" in found


@pytest.mark.parametrize(("text", "value", "kind"), [("about 15,000", 15000.0, "count"),
                                                     ("five", 5.0, "count"),
                                                     ("42 percent", 42.0, "percent"),
                                                     ("2031", 2031.0, "year"),
                                                     ("nearly a third", 1 / 3, "fraction")])
def test_number_distractors_never_round_to_the_answer(text, value, kind):
    answer = NumberFact("n", text, kind, 0, value=value, counts="things")
    options = number_distractors(answer, sample_facts(), 3)
    assert len(options) == 3 and text not in options
    for option in options:
        digits = "".join(ch for ch in option if ch.isdigit())
        if digits and kind in {"count", "percent"}:
            assert abs(float(digits) - value) > 0.15 * value
    if text == "about 15,000":
        # Within about 3x of the answer: 50,000 (10/3 of it) would read as arithmetic on it.
        values = [float(o.removeprefix("about ").replace(",", "")) for o in options]
        assert all(o.startswith("about ") for o in options) and all(4000 <= v <= 45000 for v in values)


def test_number_distractors_skip_a_value_the_article_gives_for_the_same_thing():
    facts = sample_facts()
    other = NumberFact("n-other", "about 5,000", "count", 2, value=5000.0, counts="homes")
    facts = replace(facts, numbers=(*facts.numbers, other))
    answer = NumberFact("n-a", "about 15,000", "count", 2, value=15000.0, counts="homes")
    assert "about 5,000" not in number_distractors(answer, facts, 3)


def test_quality_gate_rejects_answer_in_stem_and_alias_options():
    facts = sample_facts()
    base = Item(id="x", type="mcq", question="Which person is Priya Nair?", answer="Priya Nair",
                source=facts.sentences[1].text, paragraph=2, template="t", fact="f",
                options=("Priya Nair", "Tom Ellis", "Dana Whitlock"))
    assert check_item(base, facts) == "the question contains its own answer"
    alias = replace(base, question="Who is the mayor?", options=("Priya Nair", "Nair", "Tom Ellis"))
    assert check_item(alias, facts) == "a distractor is another name for the answer"
    duplicate = replace(base, question="Who is the mayor?", options=("Priya Nair", "Tom Ellis", "Tom  Ellis"))
    assert check_item(duplicate, facts) == "duplicate options"


def _with_more_figures(facts):
    """Two more figures (in sentences no cloze uses), so a figure blank has a fair word bank."""
    return replace(facts, numbers=(*facts.numbers, NumberFact("n-a", "£80 million", "money", 4, value=80e6),
                                   NumberFact("n-b", "£200 million", "money", 4, value=200e6)))


def test_cloze_blanks_names_and_numbers_with_anki_syntax(templates):
    cloze_template = [t for t in load_templates([builtin_dir() / "optional"]) if t.id == "key-sentence-cloze"]
    quiz = generate_quiz(_with_more_figures(sample_facts()), cloze_template, count=30, seed=0)
    cloze = next(i for i in quiz.items if i.type == "cloze" and i.fact == "k-0")
    # One blank: "Harwick" is the headline's own word, so the figure is the blank.
    assert cloze.blanks == ("£120 million",)
    assert cloze.cloze == ("The city council of Harwick voted on Monday to build a tidal barrier costing "
                           "{{c1::£120 million}}.")
    assert "£120 million" not in cloze.question and "_____ (1)" in cloze.question
    # The word bank holds two more figures, so the blank is not filled by elimination.
    figures = [e for e in quiz.bank_extras if any(ch.isdigit() for ch in e)]
    assert len(figures) == 2 and "£120 million" not in figures


def test_a_cloze_whose_word_bank_would_give_it_away_is_dropped(templates):
    cloze_template = [t for t in load_templates([builtin_dir() / "optional"]) if t.id == "key-sentence-cloze"]
    quiz = generate_quiz(sample_facts(), cloze_template, count=30, seed=0)
    assert not any(i.fact == "k-0" for i in quiz.items)
    assert any(d.fact == "k-0" and "word bank" in d.reason for d in quiz.dropped)


def test_two_blanks_when_a_template_asks_and_they_are_apart(templates):
    cloze = next(t for t in load_templates([builtin_dir() / "optional"]) if t.id == "key-sentence-cloze")
    cloze_template = replace(cloze, blanks=2)
    facts = _with_more_figures(sample_facts())
    text = "Tom Ellis, who has studied the local tides for a decade, put the cost of the works at £90 million."
    facts = replace(facts, sentences=(*facts.sentences, Sentence(6, 6, text)),
                    numbers=(*facts.numbers, NumberFact("n-90", "£90 million", "money", 6, value=90e6)),
                    key_sentences=(KeySentence("k-6", 6, 3.0, ("Tom Ellis", "£90 million")),))
    quiz = generate_quiz(facts, [cloze_template], count=5, seed=0)
    cloze = next(i for i in quiz.items if i.fact == "k-6")
    assert cloze.blanks == ("Tom Ellis", "£90 million")
    assert cloze.cloze == ("{{c1::Tom Ellis}}, who has studied the local tides for a decade, put the cost of the works "
                           "at {{c2::£90 million}}.")


def test_false_statements_swap_one_fact_of_the_same_kind(templates):
    facts = sample_facts()
    true_false = [t for t in templates if t.kind == "true_false"]
    false_items = [i for seed in range(8) for i in generate_quiz(facts, true_false, count=30, seed=seed).items
                   if i.type == "true_false" and i.answer == "False"]
    assert false_items, "eight seeds should make at least one false statement"
    for item in false_items:
        source, statement = item.source, item.question
        start = next(k for k, (a, b) in enumerate(zip(source, statement, strict=False)) if a != b)
        end = 0
        while source[-1 - end] == statement[-1 - end]:
            end += 1
        # Widen the change to whole words: '£120' → '£200' differs only in '12' → '20', which '£120' contains.
        while start > 0 and not source[start - 1].isspace():
            start -= 1
        while end > 0 and not source[-end].isspace():
            end -= 1
        removed, inserted = source[start:len(source) - end], statement[start:len(statement) - end]
        key = next(k for k in facts.key_sentences if facts.sentences[k.sentence].text == source)
        assert any(removed in answer for answer in key.answers), (removed, key.answers)  # one fact swapped
        assert inserted not in source


def test_too_few_facts_make_fewer_items_and_say_why(templates):
    facts = sample_facts()
    few = replace(facts, quotes=(), numbers=(), glosses=(), key_sentences=(), entities=facts.entities[:1])
    quiz = generate_quiz(few, templates, count=10, seed=0)
    assert len(quiz.items) < 10 and quiz.shortfall and "made" in quiz.shortfall
    assert any("distractor" in d.reason or "pair" in d.reason for d in quiz.dropped)


def test_same_seed_same_quiz_and_ids_do_not_depend_on_wording(templates):
    facts = sample_facts()
    first = generate_quiz(facts, templates, count=12, seed=3)
    assert first == generate_quiz(facts, templates, count=12, seed=3)
    reworded = replace(facts, title="Harwick votes for a tidal barrier (updated)")
    assert {i.id for i in generate_quiz(reworded, templates, count=12, seed=3).items} == {i.id for i in first.items}


def test_answer_letters_are_spread_evenly_and_numbers_keep_their_order():
    import random
    from collections import Counter

    from quizgen.versions import balance_answer_positions

    def mcq(k: int, fixed: bool = False) -> Item:
        return Item(id=f"i{k}", type="mcq", question=f"Q{k}?", answer="right", source="s", paragraph=1,
                    template="t", fact=f"f{k}", options=("right", "wrong one", "wrong two", "wrong three"),
                    fixed_order=fixed)

    items = [mcq(k) for k in range(12)] + [mcq(99, fixed=True)]
    balanced = balance_answer_positions(items, random.Random(3))
    letters = Counter(i.answer_letter for i in balanced[:12])
    assert letters == {"A": 3, "B": 3, "C": 3, "D": 3}
    for block in (balanced[0:4], balanced[4:8], balanced[8:12]):  # each run of four uses every letter once
        assert {i.answer_letter for i in block} == {"A", "B", "C", "D"}
    assert balanced[12].options == items[12].options  # natural order kept
    assert balance_answer_positions(items, random.Random(3)) == balanced

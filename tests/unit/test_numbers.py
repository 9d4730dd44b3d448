"""Numbers: parse_value on hand-written phrases, and extract_numbers on parses built by hand (no model)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from quizgen.extract.numbers import extract_numbers, parse_value
from quizgen.extract.parsed import ParsedArticle
from quizgen.generate.distractors import number_distractors
from quizgen.model import Article, NumberFact, Sentence
from tests.unit.factories import sample_facts

VOCAB = English().vocab  # lexical attributes (like_num, lower case) without a trained pipeline


@pytest.mark.parametrize(("text", "value"), [
    ("about 15,000", 15000.0),
    ("£3.5bn", 3.5e9),
    ("$186m", 186e6),
    ("£1.5tn", 1.5e12),  # was read as 1.0: "tn" was missing from the extractor's own copy of the scales
    ("2.4 trillion", 2.4e12),
    ("40k", 40e3),
    ("five", 5.0),
    ("a dozen", 12.0),
    ("two dozen", 24.0),  # 'dozen' multiplies, as 'hundred' does (was read as 14)
    ("two hundred and fifty thousand", 250_000.0),
    ("nearly a third", 1 / 3),
    ("more than half", 0.5),
    ("three-quarters", 0.75),
    ("one in five", 0.2),
    ("just over 900", 900.0),
])
def test_parse_value_reads_digits_scales_words_and_fractions(text, value):
    assert parse_value(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["dozens", "thousands", "a few", ""])
def test_parse_value_gives_none_for_vague_amounts(text):
    assert parse_value(text) is None


def test_a_trillion_answer_gets_distractors_in_trillions():
    """'£1.5tn' once became value 1.0 and the distractor '£0.0tn'; extractor and distractors now share a table."""
    text = "£1.5tn"
    answer = NumberFact("n-debt", text, "money", 0, value=parse_value(text))
    facts = replace(sample_facts(), numbers=(answer,))
    options = number_distractors(answer, facts, 3)
    assert len(options) == 3
    for option in options:
        assert option.startswith("£") and option.endswith("tn"), option
        assert 0 < parse_value(option) != answer.value, option


def _parsed(rows: list[tuple[str, int, str, str, str, str]], spaces: list[bool],
            ents: tuple[tuple[int, int, str], ...] = ()) -> ParsedArticle:
    """rows: (word, head, dep, pos, tag, lemma); ents: (start, end, label) over tokens."""
    labels = ["O"] * len(rows)
    for start, end, label in ents:
        labels[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    doc = Doc(VOCAB, words=[r[0] for r in rows], spaces=spaces, heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows], tags=[r[4] for r in rows],
              lemmas=[r[5] for r in rows], sent_starts=[True] + [False] * (len(rows) - 1), ents=labels)
    article = Article(title="t", paragraphs=(doc.text,))
    return ParsedArticle(article=article, docs=[doc], sentences=[Sentence(0, 0, doc.text)], spans=[doc[:]])


_CLINIC = [("The", 1, "det", "DET", "DT", "the"), ("clinic", 2, "nsubj", "NOUN", "NN", "clinic"),
           ("hired", 2, "ROOT", "VERB", "VBD", "hire"), ("40", 4, "nummod", "NUM", "CD", "40"),
           ("nurses", 2, "dobj", "NOUN", "NNS", "nurse"), (".", 2, "punct", "PUNCT", ".", ".")]


def test_an_untagged_count_is_found_with_what_it_counts_and_a_how_many_question():
    parsed = _parsed(_CLINIC, [True, True, True, True, False, False])
    (fact,) = extract_numbers(parsed)
    assert (fact.text, fact.kind, fact.value, fact.counts) == ("40", "count", 40.0, "nurses")
    assert fact.question == "How many nurses did the clinic hire?"


def test_a_count_inside_a_quotation_is_someone_s_words_not_a_fact():
    rows = [("“", 3, "punct", "PUNCT", "``", "“"), *[(w, h + 1, d, p, t, lem) for w, h, d, p, t, lem in _CLINIC[:5]],
            ("”", 3, "punct", "PUNCT", "''", "”"), (".", 3, "punct", "PUNCT", ".", ".")]
    parsed = _parsed(rows, [False, True, True, True, True, False, False, False])
    assert parsed.docs[0].text == "“The clinic hired 40 nurses”."
    assert extract_numbers(parsed) == []


def test_a_fraction_the_tagger_called_a_cardinal_is_read_once_as_a_fraction_of_something():
    """Two scanners read "Nearly a third": the fraction scanner's reading (with what it is a third of) wins."""
    rows = [("Nearly", 2, "advmod", "ADV", "RB", "nearly"), ("a", 2, "det", "DET", "DT", "a"),
            ("third", 6, "nsubj", "NOUN", "NN", "third"), ("of", 2, "prep", "ADP", "IN", "of"),
            ("the", 5, "det", "DET", "DT", "the"), ("staff", 3, "pobj", "NOUN", "NN", "staff"),
            ("left", 6, "ROOT", "VERB", "VBD", "leave"), (",", 6, "punct", "PUNCT", ",", ","),
            ("and", 6, "cc", "CCONJ", "CC", "and"), ("fares", 10, "nsubj", "NOUN", "NNS", "fare"),
            ("doubled", 6, "conj", "VERB", "VBD", "double"), (".", 6, "punct", "PUNCT", ".", ".")]
    spaces = [True, True, True, True, True, True, False, True, True, True, False, False]
    facts = extract_numbers(_parsed(rows, spaces, ents=((0, 3, "CARDINAL"),)))
    assert [(f.text, f.kind) for f in facts] == [("Nearly a third", "fraction"), ("doubled", "multiple")]
    third, doubled = facts
    assert third.value == pytest.approx(1 / 3) and third.hedge == "nearly"
    assert third.counts is not None and third.counts.startswith("the staff")  # the entity reading had none
    assert doubled.value == 2.0 and doubled.counts == "fares"


def test_small_bare_counts_and_labels_are_not_facts():
    """'two countries' (a small bare count) and 'the 777' (a number that counts nothing) are skipped."""
    rows = [("Two", 1, "nummod", "NUM", "CD", "two"), ("countries", 2, "nsubj", "NOUN", "NNS", "country"),
            ("ordered", 2, "ROOT", "VERB", "VBD", "order"), ("the", 4, "det", "DET", "DT", "the"),
            ("777", 2, "dobj", "NUM", "CD", "777"), (".", 2, "punct", "PUNCT", ".", ".")]
    parsed = _parsed(rows, [True, True, True, True, False, False], ents=((0, 1, "CARDINAL"), (4, 5, "CARDINAL")))
    assert extract_numbers(parsed) == []


def _sentence(rows: list[tuple[str, int, str, str, str]], ents: tuple[tuple[int, int, str], ...]) -> ParsedArticle:
    """rows: (word, head, dep, pos, tag), each word followed by a space except before '%' and the final stop."""
    spaces = [not (i + 1 < len(rows) and rows[i + 1][0] in {"%", "."}) for i in range(len(rows))]
    spaces[-1] = False
    return _parsed([(w, h, d, p, t, w.lower()) for w, h, d, p, t in rows], spaces, ents=ents)


def test_a_figure_hanging_on_the_proper_noun_before_it_is_a_name_not_a_fact():
    """'The Apollo 11 crew landed 400 samples.': Apollo 11 is a name; 400 samples a fact."""
    rows = [("The", 3, "det", "DET", "DT"), ("Apollo", 3, "compound", "PROPN", "NNP"),
            ("11", 3, "nummod", "NUM", "CD"), ("crew", 4, "nsubj", "NOUN", "NN"), ("landed", 4, "ROOT", "VERB", "VBD"),
            ("400", 6, "nummod", "NUM", "CD"), ("samples", 4, "dobj", "NOUN", "NNS"), (".", 4, "punct", "PUNCT", ".")]
    facts = extract_numbers(_sentence(rows, ents=((2, 3, "CARDINAL"), (5, 6, "CARDINAL"))))
    assert [f.text for f in facts] == ["400"]


def test_a_percentage_that_opens_a_show_s_title_is_a_name_not_a_fact():
    """'The 100% Homegrown show won 30% of listeners.': 100% names the show; 30% is a fact."""
    rows = [("The", 4, "det", "DET", "DT"), ("100", 2, "nummod", "NUM", "CD"), ("%", 4, "compound", "NOUN", "NN"),
            ("Homegrown", 4, "compound", "PROPN", "NNP"), ("show", 5, "nsubj", "NOUN", "NN"),
            ("won", 5, "ROOT", "VERB", "VBD"), ("30", 7, "nummod", "NUM", "CD"), ("%", 5, "dobj", "NOUN", "NN"),
            ("of", 7, "prep", "ADP", "IN"), ("listeners", 8, "pobj", "NOUN", "NNS"), (".", 5, "punct", "PUNCT", ".")]
    facts = extract_numbers(_sentence(rows, ents=((1, 3, "PERCENT"), (6, 8, "PERCENT"))))
    assert [f.text for f in facts] == ["30%"]


def test_a_capitalised_number_word_inside_a_sentence_is_a_name():
    """'Five drivers raced in Formula One.': One is part of a name; the sentence's first word is not."""
    from quizgen.extract.numbers import part_of_a_name

    rows = [("Five", 1, "nummod", "NUM", "CD"), ("drivers", 2, "nsubj", "NOUN", "NNS"),
            ("raced", 2, "ROOT", "VERB", "VBD"), ("in", 2, "prep", "ADP", "IN"),
            ("Formula", 5, "compound", "PROPN", "NNP"), ("One", 3, "pobj", "NUM", "CD"),
            (".", 2, "punct", "PUNCT", ".")]
    doc = _sentence(rows, ents=((0, 1, "CARDINAL"), (5, 6, "CARDINAL"))).docs[0]
    assert [(e.text, part_of_a_name(e)) for e in doc.ents] == [("Five", False), ("One", True)]


@pytest.mark.parametrize(("rows", "ents", "kept"), [
    # 'Voters gave Kerry 48%.': the figure hangs on its unit, not on the name before it.
    ([("Voters", 1, "nsubj", "NOUN", "NNS"), ("gave", 1, "ROOT", "VERB", "VBD"), ("Kerry", 1, "dative", "PROPN", "NNP"),
      ("48", 4, "nummod", "NUM", "CD"), ("%", 1, "dobj", "NOUN", "NN"), (".", 1, "punct", "PUNCT", ".")],
     ((3, 5, "PERCENT"),), "48%"),
    # 'It hired 5 Labour MPs.': the capitalised word after the figure modifies what it counts.
    ([("It", 1, "nsubj", "PRON", "PRP"), ("hired", 1, "ROOT", "VERB", "VBD"), ("5", 4, "nummod", "NUM", "CD"),
      ("Labour", 4, "compound", "PROPN", "NNP"), ("MPs", 1, "dobj", "NOUN", "NNS"), (".", 1, "punct", "PUNCT", ".")],
     ((2, 3, "CARDINAL"),), "5"),
])
def test_figures_beside_names_that_are_still_facts(rows, ents, kept):
    assert [f.text for f in extract_numbers(_sentence(rows, ents=ents))] == [kept]


def test_a_year_before_a_capitalised_word_is_still_a_date():
    """'The film is about the 1994 Rwandan genocide.': the year dates the event; it is not part of a name."""
    rows = [("The", 1, "det", "DET", "DT"), ("film", 2, "nsubj", "NOUN", "NN"), ("is", 2, "ROOT", "AUX", "VBZ"),
            ("about", 2, "prep", "ADP", "IN"), ("the", 7, "det", "DET", "DT"), ("1994", 7, "nummod", "NUM", "CD"),
            ("Rwandan", 7, "amod", "ADJ", "JJ"), ("genocide", 3, "pobj", "NOUN", "NN"), (".", 2, "punct", "PUNCT", ".")]
    facts = extract_numbers(_sentence(rows, ents=((5, 6, "DATE"), (6, 7, "NORP"))))
    assert [(f.text, f.kind) for f in facts] == [("1994", "year")]


def _words(text: str, rows: list[tuple[int, str, str, str]]) -> ParsedArticle:
    """One hand-parsed sentence: rows of (head, dep, pos, tag) for the words of `text`, split on spaces; the final
    stop is glued to the last word."""
    words = [*text.rstrip(".").split(), "."]
    full = [(w, h, d, p, t, w.lower()) for w, (h, d, p, t) in zip(words, rows, strict=True)]
    spaces = [True] * (len(words) - 2) + [False, False]
    return _parsed(full, spaces)


@pytest.mark.parametrize(("text", "rows", "found"), [
    # 'Fares doubled.': a figure
    ("Fares doubled.", [(1, "nsubj", "NOUN", "NNS"), (1, "ROOT", "VERB", "VBD"), (1, "punct", "PUNCT", ".")], True),
    # 'Kane doubled the lead.': a second goal, not a figure ('tripled' would be impossible)
    ("Kane doubled the lead.", [(1, "nsubj", "PROPN", "NNP"), (1, "ROOT", "VERB", "VBD"), (3, "det", "DET", "DT"),
                                (1, "dobj", "NOUN", "NN"), (1, "punct", "PUNCT", ".")], False),
    # 'The hall doubled as a clinic.': another sense of the verb
    ("The hall doubled as a clinic.", [(1, "det", "DET", "DT"), (2, "nsubj", "NOUN", "NN"),
                                       (2, "ROOT", "VERB", "VBD"), (2, "prep", "ADP", "IN"), (5, "det", "DET", "DT"),
                                       (3, "pobj", "NOUN", "NN"), (2, "punct", "PUNCT", ".")], False),
    # 'A doubled dose helped.': an adjective, nothing reported as multiplied
    ("A doubled dose helped.", [(2, "det", "DET", "DT"), (2, "amod", "ADJ", "JJ"), (3, "nsubj", "NOUN", "NN"),
                                (3, "ROOT", "VERB", "VBD"), (3, "punct", "PUNCT", ".")], False),
])
def test_a_multiple_verb_is_a_figure_only_where_it_multiplies_something(text, rows, found):
    facts = [f for f in extract_numbers(_words(text, rows)) if f.kind == "multiple"]
    assert bool(facts) == found, facts

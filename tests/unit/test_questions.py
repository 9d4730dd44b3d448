"""Wh-question transformations on parses built by hand (a spaCy Doc from words, heads and labels: no model)."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from quizgen.extract.parsed import ParsedArticle
from quizgen.extract.questions import extract_questions
from quizgen.model import Article, Entity, NumberFact, Sentence

VOCAB = English().vocab  # lexical attributes (lower case, punctuation) without a trained pipeline


def _parsed(rows: list[tuple[str, int, str, str, str, str]], ents: list[tuple[int, int, str]]) -> ParsedArticle:
    """rows: (word, head, dep, pos, tag, lemma); ents: (start, end, label) over tokens."""
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, spaces=[i + 1 < len(words) and words[i + 1] not in {".", ","}
                                          for i in range(len(words))],
              heads=[r[1] for r in rows], deps=[r[2] for r in rows], pos=[r[3] for r in rows],
              tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
              sent_starts=[True] + [False] * (len(words) - 1),
              ents=[f"B-{label}" if i == s else f"I-{label}" if s < i < e else "O"
                    for i in range(len(words)) for (s, e, label) in [next(
                        ((s, e, lab) for s, e, lab in ents if s <= i < e), (-1, -1, ""))]])
    article = Article(title="t", paragraphs=(doc.text,))
    return ParsedArticle(article=article, docs=[doc], sentences=[Sentence(0, 0, doc.text)], spans=[doc[:]])


def _entities(*specs: tuple[str, str]) -> tuple[list[Entity], dict[str, str]]:
    entities = [Entity(f"e-{name.lower()}", name, kind, 0) for name, kind in specs]
    return entities, {e.name.lower(): e.id for e in entities}


def test_where_question_with_do_support_in_the_past():
    rows = [("Nair", 3, "nsubj", "PROPN", "NNP", "Nair"), ("and", 0, "cc", "CCONJ", "CC", "and"),
            ("Ellis", 0, "conj", "PROPN", "NNP", "Ellis"), ("signed", 3, "ROOT", "VERB", "VBD", "sign"),
            ("a", 5, "det", "DET", "DT", "a"), ("deal", 3, "dobj", "NOUN", "NN", "deal"),
            ("in", 3, "prep", "ADP", "IN", "in"), ("Harwick", 6, "pobj", "PROPN", "NNP", "Harwick"),
            (".", 3, "punct", "PUNCT", ".", ".")]
    entities, lookup = _entities(("Nair", "PERSON"), ("Ellis", "PERSON"), ("Harwick", "GPE"))
    parsed = _parsed(rows, [(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 8, "GPE")])
    questions = extract_questions(parsed, entities, lookup, [])
    # A conjoined subject is two answers, so no "who" question; the place moves to the front.
    assert [(q.wh, q.question, q.answer) for q in questions] == [
        ("where", "Where did Nair and Ellis sign a deal?", "Harwick")]


def test_when_question_keeps_the_rest_of_the_sentence_and_needs_the_year_as_a_number():
    rows = [("The", 1, "det", "DET", "DT", "the"), ("council", 2, "nsubj", "NOUN", "NN", "council"),
            ("closed", 2, "ROOT", "VERB", "VBD", "close"), ("the", 4, "det", "DET", "DT", "the"),
            ("library", 2, "dobj", "NOUN", "NN", "library"), ("in", 2, "prep", "ADP", "IN", "in"),
            ("2022", 5, "pobj", "NUM", "CD", "2022"), ("to", 8, "aux", "PART", "TO", "to"),
            ("save", 2, "advcl", "VERB", "VB", "save"), ("money", 8, "dobj", "NOUN", "NN", "money"),
            (".", 2, "punct", "PUNCT", ".", ".")]
    parsed = _parsed(rows, [(6, 7, "DATE")])
    year = NumberFact("n-2022", "2022", "year", 0, value=2022.0)
    questions = extract_questions(parsed, [], {}, [year])
    assert [(q.wh, q.question, q.answer, q.answer_id) for q in questions] == [
        ("when", "In what year did the council close the library to save money?", "2022", "n-2022")]
    assert extract_questions(parsed, [], {}, []) == []  # no number fact for the year: no question


def test_subject_and_place_questions_front_the_auxiliary():
    rows = [("Boeing", 2, "nsubj", "PROPN", "NNP", "Boeing"), ("has", 2, "aux", "AUX", "VBZ", "have"),
            ("unveiled", 2, "ROOT", "VERB", "VBN", "unveil"), ("a", 5, "det", "DET", "DT", "a"),
            ("new", 5, "amod", "ADJ", "JJ", "new"), ("plane", 2, "dobj", "NOUN", "NN", "plane"),
            ("in", 2, "prep", "ADP", "IN", "in"), ("Seattle", 6, "pobj", "PROPN", "NNP", "Seattle"),
            (".", 2, "punct", "PUNCT", ".", ".")]
    entities, lookup = _entities(("Boeing", "ORG"), ("Seattle", "GPE"))
    parsed = _parsed(rows, [(0, 1, "ORG"), (7, 8, "GPE")])
    found = {q.wh: (q.question, q.answer) for q in extract_questions(parsed, entities, lookup, [])}
    assert found == {"which": ("Which organisation has unveiled a new plane in Seattle?", "Boeing"),
                     "where": ("Where has Boeing unveiled a new plane?", "Seattle")}


def test_present_tense_takes_does_and_the_passive_fronts_its_auxiliary():
    present = [("Scotland", 1, "nsubj", "PROPN", "NNP", "Scotland"), ("runs", 1, "ROOT", "VERB", "VBZ", "run"),
               ("ferries", 1, "dobj", "NOUN", "NNS", "ferry"), ("in", 1, "prep", "ADP", "IN", "in"),
               ("Orkney", 3, "pobj", "PROPN", "NNP", "Orkney"), ("every", 6, "det", "DET", "DT", "every"),
               ("day", 1, "npadvmod", "NOUN", "NN", "day"), (".", 1, "punct", "PUNCT", ".", ".")]
    entities, lookup = _entities(("Scotland", "GPE"), ("Orkney", "GPE"))
    found = {q.wh: q.question for q in extract_questions(_parsed(present, [(0, 1, "GPE"), (4, 5, "GPE")]),
                                                         entities, lookup, [])}
    assert found["where"] == "Where does Scotland run ferries every day?"
    passive = [("The", 1, "det", "DET", "DT", "the"), ("ferry", 3, "nsubjpass", "NOUN", "NN", "ferry"),
               ("is", 3, "auxpass", "AUX", "VBZ", "be"), ("based", 3, "ROOT", "VERB", "VBN", "base"),
               ("in", 3, "prep", "ADP", "IN", "in"), ("Kirkwall", 4, "pobj", "PROPN", "NNP", "Kirkwall"),
               ("all", 7, "det", "DET", "DT", "all"), ("year", 3, "npadvmod", "NOUN", "NN", "year"),
               (".", 3, "punct", "PUNCT", ".", ".")]
    entities, lookup = _entities(("Kirkwall", "GPE"))
    questions = extract_questions(_parsed(passive, [(5, 6, "GPE")]), entities, lookup, [])
    assert [q.question for q in questions] == ["Where is the ferry based all year?"]


def test_no_question_when_the_parse_is_not_plain():
    # A pronoun subject needs the sentence before it; two verbs sharing one auxiliary cannot both be fronted.
    pronoun = [("He", 1, "nsubj", "PRON", "PRP", "he"), ("visited", 1, "ROOT", "VERB", "VBD", "visit"),
               ("a", 3, "det", "DET", "DT", "a"), ("factory", 1, "dobj", "NOUN", "NN", "factory"),
               ("in", 1, "prep", "ADP", "IN", "in"), ("Harwick", 4, "pobj", "PROPN", "NNP", "Harwick"),
               ("last", 7, "amod", "ADJ", "JJ", "last"), ("week", 1, "npadvmod", "NOUN", "NN", "week"),
               (".", 1, "punct", "PUNCT", ".", ".")]
    entities, lookup = _entities(("Harwick", "GPE"))
    assert extract_questions(_parsed(pronoun, [(5, 6, "GPE")]), entities, lookup, []) == []
    two_verbs = [("EMEC", 1, "nsubj", "PROPN", "NNP", "EMEC"), ("opened", 1, "ROOT", "VERB", "VBD", "open"),
                 ("in", 1, "prep", "ADP", "IN", "in"), ("Stromness", 2, "pobj", "PROPN", "NNP", "Stromness"),
                 ("and", 1, "cc", "CCONJ", "CC", "and"), ("tested", 1, "conj", "VERB", "VBD", "test"),
                 ("many", 7, "amod", "ADJ", "JJ", "many"), ("devices", 5, "dobj", "NOUN", "NNS", "device"),
                 (".", 1, "punct", "PUNCT", ".", ".")]
    entities, lookup = _entities(("EMEC", "ORG"), ("Stromness", "GPE"))
    found = extract_questions(_parsed(two_verbs, [(0, 1, "ORG"), (3, 4, "GPE")]), entities, lookup, [])
    assert [q.wh for q in found] == ["which"]  # the subject question needs no inversion
    assert found[0].question == "Which organisation opened in Stromness and tested many devices?"

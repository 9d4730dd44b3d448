"""The entity repair rules, short-name merging, role titles and key-sentence rules, each on a parse built by hand
(no model), so a rule can be changed and checked on its own."""

from __future__ import annotations

from collections import Counter

from spacy.lang.en import English
from spacy.tokens import Doc

from quizgen.extract.entities import (
    Mention,
    _Group,
    _join_name_particles,
    _join_paired_plurals,
    _keep_peerage_title,
    _merge_short_names,
    _person_after_title,
    _repaired_ents,
    _title_before,
    _untagged_speakers,
    _vote_by_context,
    _vote_by_form,
)
from quizgen.extract.keysentences import _named_answers, _score
from quizgen.model import Entity

VOCAB = English().vocab


def _doc(rows: list[tuple[str, str, str]], *, heads: list[int] | None = None, deps: list[str] | None = None,
         spaces: list[bool] | None = None, lemmas: dict[str, str] | None = None) -> Doc:
    """rows: (word, POS, IOB entity tag); a word's lemma is `lemmas[word]`, else the word in lower case."""
    words = [r[0] for r in rows]
    lemma_of = lemmas or {}
    return Doc(VOCAB, words=words, pos=[r[1] for r in rows], lemmas=[lemma_of.get(w, w.lower()) for w in words],
               ents=[r[2] for r in rows], heads=heads, deps=deps, spaces=spaces,
               sent_starts=[True] + [False] * (len(words) - 1))


def _bounds(doc: Doc) -> tuple[int, int, str]:
    ent = doc.ents[0]
    return ent.start, ent.end, ent.label_


def test_a_lower_case_particle_joins_two_names():
    doc = _doc([("Saúde", "PROPN", "B-ORG"), ("das", "ADP", "O"), ("Águas", "PROPN", "O"), ("won", "VERB", "O")])
    assert _join_name_particles(doc, _bounds(doc)) == (0, 3, "ORG")
    doc = _doc([("Ana", "PROPN", "B-PERSON"), ("da", "ADP", "O"), ("2020", "NUM", "B-DATE"), ("won", "VERB", "O")])
    assert _join_name_particles(doc, _bounds(doc)) == (0, 1, "PERSON")  # a number after 'da' is no name


def test_an_organisation_of_paired_plurals_runs_past_and():
    doc = _doc([("Academy", "PROPN", "B-ORG"), ("of", "ADP", "I-ORG"), ("Arts", "PROPN", "I-ORG"),
                ("and", "CCONJ", "O"), ("Crafts", "PROPN", "O"), ("met", "VERB", "O")])
    assert _join_paired_plurals(doc, _bounds(doc)) == (0, 5, "ORG")
    doc = _doc([("Bank", "PROPN", "B-ORG"), ("of", "ADP", "I-ORG"), ("Wales", "PROPN", "I-ORG"),
                ("and", "CCONJ", "O"), ("Tesco", "PROPN", "B-ORG"), ("met", "VERB", "O")])
    assert _join_paired_plurals(doc, _bounds(doc)) == (0, 3, "ORG")  # two organisations listed, not one name


def test_a_title_before_a_name_is_dropped_and_makes_a_person():
    doc = _doc([("Mayor", "PROPN", "B-ORG"), ("Ines", "PROPN", "I-ORG"), ("Varga", "PROPN", "I-ORG"),
                ("spoke", "VERB", "O")])
    assert _person_after_title(doc, _bounds(doc)) == (1, 3, "PERSON")
    doc = _doc([("Mayor", "PROPN", "B-DATE"), ("Ines", "PROPN", "I-DATE"), ("spoke", "VERB", "O")])
    assert _person_after_title(doc, _bounds(doc)) == (0, 2, "DATE")  # only names are repaired


def test_a_peerage_title_stays_with_a_one_word_person():
    doc = _doc([("Lord", "PROPN", "O"), ("Hallam", "PROPN", "B-PERSON"), ("spoke", "VERB", "O")])
    assert _keep_peerage_title(doc, _bounds(doc)) == (0, 2, "PERSON")
    doc = _doc([("Mr", "PROPN", "O"), ("Hallam", "PROPN", "B-PERSON"), ("spoke", "VERB", "O")])
    assert _keep_peerage_title(doc, _bounds(doc)) == (1, 2, "PERSON")


def test_an_untagged_subject_of_a_speech_verb_is_a_person():
    rows = [("County", "PROPN", "O"), ("Librarian", "PROPN", "O"), ("Gwen", "PROPN", "O"), ("Pryce", "PROPN", "O"),
            ("said", "VERB", "O"), (".", "PUNCT", "O")]
    heads, deps = [3, 3, 3, 4, 4, 4], ["compound", "compound", "compound", "nsubj", "ROOT", "punct"]
    doc = _doc(rows, heads=heads, deps=deps, lemmas={"said": "say"})
    taken: set[int] = set()
    assert [(s.text, s.label_) for s in _untagged_speakers(doc, taken)] == [("Gwen Pryce", "PERSON")]
    assert taken == {2, 3}
    assert [(s.text, s.label_) for s in _repaired_ents(doc)] == [("Gwen Pryce", "PERSON")]
    assert _untagged_speakers(doc, {3}) == []  # already part of an entity: left alone


def test_a_single_untagged_name_is_not_a_speaker():
    doc = _doc([("Pryce", "PROPN", "O"), ("said", "VERB", "O")], heads=[1, 1], deps=["nsubj", "ROOT"],
               lemmas={"said": "say"})
    assert _untagged_speakers(doc, set()) == []


def _votes_for_second_word(words: list[str], head_pos: str) -> Counter[str]:
    """The votes on the one-word PERSON name at index 1 of 'the <Name> <noun> …', the name modifying the noun."""
    rows = [("the", "DET", "O"), (words[0], "PROPN", "B-PERSON"), (words[1], head_pos, "O"), ("hoped", "VERB", "O")]
    doc = _doc(rows, heads=[2, 2, 3, 3], deps=["det", "compound", "nsubj", "ROOT"],
               lemmas={words[1]: words[1].rstrip("s")})
    span = doc.ents[0]
    mention = Mention(span.text, "PERSON", 0, span.start_char, span.end_char, 0, span, Counter({"PERSON": 1}))
    _vote_by_context(mention, span, list(doc.ents))
    _vote_by_form(mention, span, "PERSON")
    return mention.votes


def test_a_person_whose_campaign_or_aides_are_meant_stays_a_person():
    # 'the Okafor campaign', 'the Okafor aides': what a person has, not an organisation called Okafor.
    for noun in ("campaign", "aides", "camp"):
        votes = _votes_for_second_word(["Okafor", noun], "NOUN")
        assert votes.most_common(1)[0][0] == "PERSON", (noun, votes)
    # Any other common noun still makes the name an organisation's or a place's: 'the Orkney island', 'the Zeta shop'.
    assert _votes_for_second_word(["Zeta", "shop"], "NOUN").most_common(1)[0][0] == "ORG"
    assert _votes_for_second_word(["Orkney", "island"], "NOUN").most_common(1)[0][0] == "GPE"


def _group(name: str, kind: str) -> _Group:
    doc = Doc(VOCAB, words=name.split())
    mention = Mention(name, kind, 0, 0, len(name), 0, doc[:], Counter({kind: 1}))
    return _Group(name, kind, [mention])


def test_a_short_name_merges_into_the_full_name_it_is_part_of():
    groups = {n: _group(n, k) for n, k in [("Mr Okafor", "PERSON"), ("Chidi Okafor", "PERSON"),
                                           ("Okafor", "ORG"), ("Commission", "ORG"),
                                           ("Harbour Commission", "ORG"), ("Harbour", "GPE")]}
    _merge_short_names(groups)
    assert set(groups) == {"Chidi Okafor", "Harbour Commission", "Harbour"}
    assert groups["Chidi Okafor"].aliases == {"Mr Okafor", "Okafor"}  # a person takes a short name of any type
    assert len(groups["Chidi Okafor"].mentions) == 3
    assert groups["Harbour Commission"].aliases == {"Commission"}  # "Harbour" is a place, and not how it ends


def test_a_surname_two_people_share_goes_to_the_one_named_more_often():
    groups = {n: _group(n, "PERSON") for n in ("Alan Okafor", "Zara Okafor", "Okafor")}
    groups["Zara Okafor"].mentions.extend(groups["Zara Okafor"].mentions * 2)  # Zara named three times, Alan once
    _merge_short_names(groups)
    assert groups["Zara Okafor"].aliases == {"Okafor"} and not groups["Alan Okafor"].aliases
    # Named as often: the alphabetical first, so the result never depends on the order names were seen.
    even = {n: _group(n, "PERSON") for n in ("Zara Okafor", "Alan Okafor", "Okafor")}
    _merge_short_names(even)
    assert even["Alan Okafor"].aliases == {"Okafor"}


def test_role_words_before_a_name_read_from_the_surface():
    rows = [("Green", "PROPN", "O"), ("Party", "PROPN", "O"), ("peer", "NOUN", "O"), ("Lord", "PROPN", "O"),
            ("Hallam", "PROPN", "B-PERSON"), ("spoke", "VERB", "O")]
    assert _title_before(_doc(rows)[4:5]) == "Green Party peer"  # past the honorific
    rows = [("the", "DET", "O"), ("firm", "NOUN", "O"), ("'s", "PART", "O"), ("co", "NOUN", "O"), ("-", "PUNCT", "O"),
            ("founder", "NOUN", "O"), ("Ann", "PROPN", "B-PERSON"), ("Lee", "PROPN", "I-PERSON")]
    doc = _doc(rows, spaces=[True, False, True, False, False, True, True, False])
    assert _title_before(doc[6:8]) == "co-founder"  # joined across the hyphen, stopped at the owner
    rows = [("artists", "NOUN", "O"), ("Ann", "PROPN", "B-PERSON"), ("Lee", "PROPN", "I-PERSON")]
    doc = Doc(VOCAB, words=[r[0] for r in rows], pos=[r[1] for r in rows], tags=["NNS", "NNP", "NNP"],
              lemmas=["artist", "ann", "lee"], ents=[r[2] for r in rows])
    assert _title_before(doc[1:3]) is None  # a plural introduces a list
    rows = [("Ann", "PROPN", "B-PERSON"), ("Lee", "PROPN", "I-PERSON"), ("spoke", "VERB", "O")]
    assert _title_before(_doc(rows)[0:2]) is None


def test_a_key_sentence_blanks_each_entity_once_and_whole():
    text = "The Office of the Deputy Mayor and the Office of the Deputy Mayor agreed."
    doc = Doc(VOCAB, words=[*text[:-1].split(), "."], spaces=[True] * 13 + [False, False],
              ents=["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O",
                    "O", "O"])
    office = Entity("e-office", "Office of the Deputy Mayor", "ORG", 0)
    lookup = {"office of the deputy": "e-office", "office of the deputy mayor": "e-office"}
    assert doc.text == text
    assert _named_answers(text, doc[:], lookup, {"e-office": office}) == {"e-office": "Office of the Deputy Mayor"}


def test_a_key_sentence_scores_names_numbers_and_position():
    plain = "Ines Varga opened the harbour wall in Porthmor on Friday morning."
    assert _score(plain, 0.0, 2, 1) == 2 + 1.5 + 1.5
    assert _score(plain, 1.0, 5, 4) == 3 + 3.0  # capped at three names and two numbers; last sentence
    assert _score("She opened " + plain, 0.0, 2, 1) == 5.0 - 1.5  # needs the sentence before it
    assert _score(plain + " We watched.", 0.0, 2, 1) == 5.0 - 1.0  # first person

"""Entities round 8: a person's surname used alone becomes one referent with the full name, and context words fix a
name's kind. Each rule on parses built by hand (no model)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.lang.en import English
from spacy.tokens import Doc

from quizgen.extract.entities import (
    Mention,
    _add_untagged_surnames,
    _Group,
    _lived_in_place,
    _opens_with_first_name,
    _person_noun_before,
    _quoted_before_work_noun,
    _retype_by_surname,
    _said_he_or_she,
    _surname,
    _trim_glued_words,
    _vote_by_context,
)

VOCAB = English().vocab


def _doc(rows: list[tuple[str, str, str]], deps: list[str] | None = None, heads: list[int] | None = None,
         tags: list[str] | None = None, lemmas: dict[str, str] | None = None, spaces: list[bool] | None = None) -> Doc:
    """rows: (word, POS, IOB entity tag); a word's lemma is `lemmas[word]`, else the word in lower case."""
    words = [r[0] for r in rows]
    lemma_of = lemmas or {}
    return Doc(VOCAB, words=words, pos=[r[1] for r in rows], ents=[r[2] for r in rows], deps=deps, heads=heads,
               tags=tags, lemmas=[lemma_of.get(w, w.lower()) for w in words], spaces=spaces,
               sent_starts=[True] + [False] * (len(words) - 1))


@dataclass
class _Parsed:
    """The two things `_add_untagged_surnames` reads of a ParsedArticle: its docs and their sentence numbers."""

    docs: list[Doc]

    def sentence_of(self, paragraph: int, char: int) -> int:
        return paragraph


def _person_group(doc: Doc, kind: str = "PERSON") -> _Group:
    span = doc.ents[0]
    return _Group(span.text, kind, [Mention(span.text, kind, 0, span.start_char, span.end_char, 0, span,
                                            Counter({kind: 1}))])


INTRO = [("Press", "PROPN", "O"), ("secretary", "NOUN", "O"), ("Josh", "PROPN", "B-PERSON"),
         ("Earnest", "PROPN", "I-PERSON"), ("spoke", "VERB", "O"), (".", "PUNCT", "O")]
LATER = [("“", "PUNCT", "O"), ("No", "INTJ", "O"), (",", "PUNCT", "O"), ("”", "PUNCT", "O"),
         ("Earnest", "PROPN", "O"), ("said", "VERB", "O"), (".", "PUNCT", "O")]


def test_a_surname_the_tagger_missed_is_the_persons_alias_and_mention():
    intro, later = _doc(INTRO), _doc(LATER)
    groups = {"Josh Earnest": _person_group(intro)}
    _add_untagged_surnames(groups, _Parsed([intro, later]))
    earnest = groups["Josh Earnest"]
    assert earnest.aliases == {"Earnest"}
    assert [(m.paragraph, m.span.text) for m in earnest.mentions] == [(0, "Josh Earnest"), (1, "Earnest")]


def test_a_surname_read_as_a_nationality_counts_only_as_a_subject():
    intro = _doc([("Mark", "PROPN", "B-PERSON"), ("Cuban", "PROPN", "I-PERSON"), ("spoke", "VERB", "O")])
    said = _doc([("Cuban", "PROPN", "B-NORP"), ("said", "VERB", "O")], deps=["nsubj", "ROOT"])
    exiles = _doc([("Cuban", "PROPN", "B-NORP"), ("exiles", "NOUN", "O")], deps=["amod", "ROOT"])
    groups = {"Mark Cuban": _person_group(intro)}
    _add_untagged_surnames(groups, _Parsed([intro, exiles, said]))
    assert [m.paragraph for m in groups["Mark Cuban"].mentions] == [0, 2]


def test_a_surname_another_name_holds_stays_unattributed():
    intro, later = _doc(INTRO), _doc(LATER)
    other = _doc([("Ada", "PROPN", "B-PERSON"), ("Earnest", "PROPN", "I-PERSON"), ("left", "VERB", "O")])
    groups = {"Josh Earnest": _person_group(intro), "Ada Earnest": _person_group(other)}
    _add_untagged_surnames(groups, _Parsed([intro, other, later]))
    assert not groups["Josh Earnest"].aliases and not groups["Ada Earnest"].aliases
    trust = _doc([("Earnest", "PROPN", "B-ORG"), ("Trust", "PROPN", "I-ORG"), ("paid", "VERB", "O")])
    groups = {"Josh Earnest": _person_group(intro), "Earnest Trust": _person_group(trust, "ORG")}
    _add_untagged_surnames(groups, _Parsed([intro, trust, later]))
    assert not groups["Josh Earnest"].aliases


def test_a_surname_is_the_last_word_before_a_suffix():
    assert _surname("Brent Bozell III") == "Bozell"
    assert _surname("Mr Josh Earnest") == "Earnest"
    assert _surname("Earnest") is None and _surname("Kim Jong 2") is None


def _context_votes(doc: Doc) -> Counter[str]:
    span = doc.ents[0]
    mention = Mention(span.text, span.label_, 0, span.start_char, span.end_char, 0, span, Counter({span.label_: 1}))
    _vote_by_context(mention, span, list(doc.ents))
    return mention.votes


def test_a_name_right_after_a_singular_role_noun_is_a_person():
    rows = [("founder", "NOUN", "O"), ("Brent", "PROPN", "B-ORG"), ("Okafor", "PROPN", "I-ORG"), ("spoke", "VERB", "O")]
    doc = _doc(rows, tags=["NN", "NNP", "NNP", "VBD"])
    assert _person_noun_before(doc.ents[0]) == "PERSON"
    assert _context_votes(doc).most_common(1)[0][0] == "PERSON"
    plural = _doc([("founders", "NOUN", "O"), *rows[1:]], tags=["NNS", "NNP", "NNP", "VBD"],
                  lemmas={"founders": "founder"})
    assert _person_noun_before(plural.ents[0]) is None  # "founders X and Y": a list
    office = _doc([("chair", "NOUN", "O"), ("Harbour", "PROPN", "B-ORG"), ("'s", "PART", "I-ORG"),
                   ("Board", "PROPN", "I-ORG")], tags=["NN", "NNP", "POS", "NNP"])
    assert _person_noun_before(office.ents[0]) is None  # not a run of name words


def test_the_subject_of_said_he_is_a_person_and_of_said_it_an_organisation():
    words = [("Eswar", "PROPN", "B-ORG"), ("Prasad", "PROPN", "I-ORG"), ("said", "VERB", "O"), ("he", "PRON", "O"),
             ("agreed", "VERB", "O"), (".", "PUNCT", "O")]
    heads, deps = [1, 2, 2, 4, 2, 2], ["compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct"]
    doc = _doc(words, deps=deps, heads=heads, lemmas={"said": "say", "agreed": "agree"})
    assert _said_he_or_she(doc.ents[0]) == "PERSON"
    it = _doc([*words[:3], ("it", "PRON", "O"), *words[4:]], deps=deps, heads=heads,
              lemmas={"said": "say", "agreed": "agree"})
    assert _said_he_or_she(it.ents[0]) is None


def test_a_first_name_makes_a_two_word_name_a_person_unless_it_ends_like_a_firm():
    def span(words: list[str]):
        return _doc([(w, "PROPN", "B-ORG" if i == 0 else "I-ORG") for i, w in enumerate(words)]).ents[0]
    assert _opens_with_first_name(span(["Carly", "Okafor"]))
    assert not _opens_with_first_name(span(["Carly", "Okafor", "Group"]))
    assert not _opens_with_first_name(span(["Harbour", "Okafor"]))
    assert not _opens_with_first_name(span(["Carly"]))


def test_a_full_name_typed_an_organisation_follows_its_surname_typed_a_person():
    def group(name: str, kind: str, mentions: int) -> _Group:
        doc = Doc(VOCAB, words=name.split())
        return _Group(name, kind, [Mention(name, kind, 0, 0, len(name), 0, doc[:])] * mentions)
    groups = {"Gene Okafor": group("Gene Okafor", "ORG", 1), "Okafor": group("Okafor", "PERSON", 3),
              "Harbour Council": group("Harbour Council", "ORG", 1), "Council": group("Council", "PERSON", 2),
              "Zeta Okafor": group("Zeta Okafor", "ORG", 4)}
    _retype_by_surname(groups)
    assert groups["Gene Okafor"].type == "PERSON"
    assert groups["Harbour Council"].type == "ORG"  # ends like an organisation
    assert groups["Zeta Okafor"].type == "ORG"  # named more often than the surname alone


def test_a_word_glued_to_a_name_is_dropped_when_the_article_names_it_without():
    later = _doc([("Okafor", "PROPN", "B-PERSON"), ("spoke", "VERB", "O"), ("without", "ADP", "O")])
    opening = _doc([("Without", "PROPN", "B-PERSON"), ("Okafor", "PROPN", "I-PERSON"), ("in", "ADP", "O"),
                    ("the", "DET", "O"), ("mix", "NOUN", "O"), (",", "PUNCT", "O"), ("Lee", "PROPN", "B-PERSON"),
                    ("won", "VERB", "O")])
    first_name = _doc([("Chris", "PROPN", "B-PERSON"), ("Okafor", "PROPN", "I-PERSON"), ("won", "VERB", "O"),
                       ("in", "ADP", "O"), ("the", "DET", "O"), ("end", "NOUN", "O")])
    weekday = _doc([("Okafor", "PROPN", "B-PERSON"), ("Wednesday", "PROPN", "I-PERSON"), ("left", "VERB", "O"),
                    ("at", "ADP", "O"), ("the", "DET", "O"), ("end", "NOUN", "O")])

    def mention(doc: Doc) -> Mention:
        span = doc.ents[0]
        return Mention(span.text, "PERSON", 0, span.start_char, span.end_char, 0, span)
    mentions = [mention(d) for d in (later, opening, first_name, weekday)]
    _trim_glued_words(mentions, _Parsed([later, opening, first_name, weekday]))
    assert [m.text for m in mentions] == ["Okafor", "Okafor", "Chris Okafor", "Okafor"]


def test_a_quoted_name_before_a_kind_of_work_is_that_work():
    rows = [("the", "DET", "O"), ("“", "PUNCT", "O"), ("Harbour", "PROPN", "B-PERSON"), ("Nights", "PROPN", "I-PERSON"),
            ("”", "PUNCT", "O"), ("podcast", "NOUN", "O")]
    doc = _doc(rows)
    assert _quoted_before_work_noun(doc.ents[0]) == "WORK_OF_ART"
    assert _context_votes(doc).most_common(1)[0][0] == "WORK_OF_ART"
    unquoted = _doc([rows[0], *rows[2:4], rows[5]])
    assert _quoted_before_work_noun(unquoted.ents[0]) is None  # "the Harbour Nights podcast": the compound rule's
    speaker = _doc([*rows[1:5], ("said", "VERB", "O")])
    assert _quoted_before_work_noun(speaker.ents[0]) is None


def test_a_one_word_person_after_in_on_a_verb_is_a_place_but_not_after_believe():
    def votes(verb: str, lemma: str) -> Counter[str]:
        doc = _doc([("They", "PRON", "O"), (verb, "VERB", "O"), ("in", "ADP", "O"), ("Nashby", "PROPN", "B-PERSON")],
                   heads=[1, 1, 1, 2], deps=["nsubj", "ROOT", "prep", "pobj"], lemmas={verb: lemma})
        assert _lived_in_place(doc.ents[0]) == ("GPE" if lemma == "rally" else None)
        return _context_votes(doc)
    assert votes("rallied", "rally").most_common(1)[0][0] == "GPE"
    assert votes("believe", "believe").most_common(1)[0][0] == "PERSON"


def test_an_owner_glued_before_a_known_name_is_dropped():
    intro = _doc([("Brent", "PROPN", "B-PERSON"), ("Okafor", "PROPN", "I-PERSON"), ("spoke", "VERB", "O")])
    owned = _doc([("Harbour", "PROPN", "B-ORG"), ("Trust", "PROPN", "I-ORG"), ("’s", "PART", "I-ORG"),
                  ("Okafor", "PROPN", "I-ORG"), ("agrees", "VERB", "O")], spaces=[True, False, True, True, False])
    hospital = _doc([("Harbour", "PROPN", "B-ORG"), ("’s", "PART", "I-ORG"), ("Hospital", "PROPN", "I-ORG"),
                     ("opened", "VERB", "O")], spaces=[False, True, True, False])
    mentions = [Mention(d.ents[0].text, d.ents[0].label_, 0, 0, 1, 0, d.ents[0]) for d in (intro, owned, hospital)]
    _trim_glued_words(mentions, _Parsed([intro, owned, hospital]))
    assert [m.text for m in mentions] == ["Brent Okafor", "Okafor", "Harbour’s Hospital"]


def test_a_word_glued_to_a_place_name_stays():
    # 'Beyond Washington, …' tagged a person: trimming would make a person of the place, so it stays as tagged.
    place = _doc([("Harbourtown", "PROPN", "B-GPE"), ("grew", "VERB", "O")])
    opening = _doc([("Beyond", "PROPN", "B-PERSON"), ("Harbourtown", "PROPN", "I-PERSON"), (",", "PUNCT", "O"),
                    ("few", "ADJ", "O"), ("cared", "VERB", "O")])
    mentions = [Mention(d.ents[0].text, d.ents[0].label_, 0, 0, 1, 0, d.ents[0]) for d in (place, opening)]
    _trim_glued_words(mentions, _Parsed([place, opening]))
    assert [m.text for m in mentions] == ["Harbourtown", "Beyond Harbourtown"]


def test_a_possessive_name_tagged_a_person_makes_no_surname_known():
    # "People’s Party" tagged a person: 'Party' is no surname, so "Swiss People’s Party" stays whole.
    wrong = _doc([("People", "PROPN", "B-PERSON"), ("’s", "PART", "I-PERSON"), ("Party", "PROPN", "I-PERSON"),
                  ("won", "VERB", "O")], spaces=[False, True, True, False])
    party = _doc([("Swiss", "PROPN", "B-ORG"), ("People", "PROPN", "I-ORG"), ("’s", "PART", "I-ORG"),
                  ("Party", "PROPN", "I-ORG"), ("won", "VERB", "O")], spaces=[True, False, True, True, False])
    mentions = [Mention(d.ents[0].text, d.ents[0].label_, 0, 0, 1, 0, d.ents[0]) for d in (wrong, party)]
    _trim_glued_words(mentions, _Parsed([wrong, party]))
    assert [m.text for m in mentions] == ["People’s Party", "Swiss People’s Party"]
    assert _surname("Ed O'Keefe") == "O'Keefe" and _surname("Mitch McConnell") == "McConnell"
    assert _surname("Swiss People’s") is None


def test_a_name_opening_with_a_common_word_gets_no_surname_alias():
    young = _doc([("Young", "PROPN", "B-PERSON"), ("Okafors", "PROPN", "I-PERSON"), ("voted", "VERB", "O"),
                  ("young", "ADJ", "O")])
    later = _doc([("Okafors", "PROPN", "O"), ("won", "VERB", "O")])
    groups = {"Young Okafors": _person_group(young)}
    _add_untagged_surnames(groups, _Parsed([young, later]))
    assert not groups["Young Okafors"].aliases
    mark = _doc([("Mark", "PROPN", "B-PERSON"), ("Okafor", "PROPN", "I-PERSON"), ("left", "VERB", "O"),
                 ("a", "DET", "O"), ("mark", "NOUN", "O")])
    said = _doc([("Okafor", "PROPN", "O"), ("said", "VERB", "O")])
    groups = {"Mark Okafor": _person_group(mark)}
    _add_untagged_surnames(groups, _Parsed([mark, said]))
    assert groups["Mark Okafor"].aliases == {"Okafor"}  # a first name, though also a common word

"""Entities round 8: a person's surname used alone becomes one referent with the full name, and context words fix a
name's kind. Each rule on parses built by hand (no model)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.lang.en import English
from spacy.tokens import Doc

from quizgen.extract.entities import Mention, _add_untagged_surnames, _Group, _surname

VOCAB = English().vocab


def _doc(rows: list[tuple[str, str, str]], deps: list[str] | None = None) -> Doc:
    """rows: (word, POS, IOB entity tag)."""
    words = [r[0] for r in rows]
    return Doc(VOCAB, words=words, pos=[r[1] for r in rows], ents=[r[2] for r in rows], deps=deps,
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

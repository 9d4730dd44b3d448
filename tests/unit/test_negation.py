"""False statements by negating a key sentence's main claim (extract/negation.py), carried in facts.yaml and used by
the true/false builder when no name or number can be swapped. Hand-written sentences only."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from spacy.tokens import Doc, Span

from quizgen.extract.negation import negated_sentence
from quizgen.extract.parsed import add_quote_guard
from quizgen.extract.pipeline import load_nlp
from quizgen.factsfile import dump_facts, parse_facts
from quizgen.generate.builder import _Builder, _negation_as_printed
from quizgen.model import Entity, KeySentence, Sentence
from tests.unit.factories import sample_facts


@pytest.fixture(scope="module")
def negate():
    nlp = load_nlp()
    add_quote_guard(nlp)

    def run(text: str) -> str | None:
        sentence = next(nlp(text).sents)
        return negated_sentence(sentence, sentence.text.strip())
    return run


@pytest.mark.parametrize(("sentence", "negated"), [
    # a simple past, present (third person and plural) verb: do-support and the lemma
    ("The council approved the new sea wall on Tuesday.", "The council did not approve the new sea wall on Tuesday."),
    ("The dairy employs 300 workers in Kerrow.", "The dairy does not employ 300 workers in Kerrow."),
    ("Local farmers grow barley on the hills above Kerrow.",
     "Local farmers do not grow barley on the hills above Kerrow."),
    # an auxiliary, a modal, a copula, a passive with its agent: "not" after the first one
    ("The ferry has carried 40,000 passengers this year.", "The ferry has not carried 40,000 passengers this year."),
    ("The new sea wall will cost the town £4 million.", "The new sea wall will not cost the town £4 million."),
    ("The lighthouse museum is run by the Kerrow Trust.", "The lighthouse museum is not run by the Kerrow Trust."),
    ("The new library can hold 50,000 books.", "The new library cannot hold 50,000 books."),
    # under a reporting verb, the reported claim
    ("The mayor said the sea wall would open in March.", "The mayor said the sea wall would not open in March."),
    ("The sea wall will open in March, the mayor said.", "The sea wall will not open in March, the mayor said."),
    ("The harbour master told reporters that the ferry was safe.",
     "The harbour master told reporters that the ferry was not safe."),
    # a verb of finding or showing passes the negation to what it reports
    ("Reports have revealed that the skipper was arrested in Harwick.",
     "Reports have revealed that the skipper was not arrested in Harwick."),
    ("The survey showed that the river was full of salt.", "The survey showed that the river was not full of salt."),
    # a name after the verb with no second finite verb, a plain object, an ordinary subject of "be": still negated
    ("The council hired Ada Quill in May to design the new sea wall.",
     "The council did not hire Ada Quill in May to design the new sea wall."),
    ("The mayor offered the traders a new lease on the quay.",
     "The mayor did not offer the traders a new lease on the quay."),
    ("The plan is reflected in the budget for next year.", "The plan is not reflected in the budget for next year."),
    # a negative-prefix adjective in the subject, and words that only look negative, leave the claim plain
    ("The unknown gunman was arrested in Harwick.", "The unknown gunman was not arrested in Harwick."),
    ("The mayor is an international expert on tides.", "The mayor is not an international expert on tides."),
])
def test_the_main_claim_is_negated_and_the_rest_kept(negate, sentence, negated):
    assert negate(sentence) == negated


@pytest.mark.parametrize("sentence", [
    "The council did not approve the plan for the sea wall.",  # already negative
    "The mayor never visited the new ferry terminal in Kerrow.",
    "Nobody from the ferry company attended the meeting on Monday.",
    "The council's plan has no support from the harbour traders.",
    "The council approved the wall and hired a builder from Kerrow.",  # coordinated verbs
    "“The sea wall will open in March,” the mayor said on Monday.",  # the verb inside a quotation
    "All members of the council voted for the sea wall plan.",  # a quantifier in the subject …
    "Only the mayor spoke against the plan at the meeting.",
    "The builders repaired some houses on the harbour front.",  # … or in the object
    "Three fishermen were rescued off the coast of Kerrow.",  # a number before the verb
    "If the vote passes, the sea wall will open in March next year.",  # a condition
    "Will the sea wall open in March, as the council promised?",  # a question
    "The storm could damage houses on the harbour front this winter.",  # a possibility
    "The repairs might cost the town more money than the wall itself.",
    "Repair costs were higher this year than in any year before.",  # a comparative
    "The mayor resigned after the vote on the sea wall plan.",  # a time or reason the negation would take
    "The skipper challenged the mayor when she ran for a second term.",
    "Many fishermen believe the sea wall is a waste of money.",  # a quantifier in the reporting verb's subject
    "The mayor said the wall was safe, the harbour was closed and the ferry would run.",  # two reported clauses
    "The mayor denied that the sea wall was late.",  # a verb that is a negation already
    "The mayor also announced a new school for the town.",  # an adverb that would sit oddly by 'not'
    "The mayor is also a keen sailor who races at the regatta.",  # 'not' would bind to a focus adverb
    "The new tax appears to have already hit the fishing fleet hardest.",
    "The harbour master said there was little point in dredging the channel.",  # a negative word: 'not little'
    "The lifeboat crew is unlikely to return before dawn on Sunday.",
    "The mayor was once asked which of her rivals she was most proud to beat.",  # a reported question
    "The harbour master explained how the new sea wall would work in a storm.",
    "Ferry fares rise as the price of diesel climbs in Kerrow.",  # a subordinate verb taken for the main one
    "The crew won a decisive race on Tuesday, embarrassing the visiting team from Kerrow.",  # a consequence after
    # a clause after the verb tells what came of the event the negation would deny
    "The band tested the market with two singles, which reached the top ten.",
    "The mayor contacted the former skippers, who helped her win the vote.",
    # a universal anywhere: the negation argues with 'all' instead of denying the claim
    "The lanterns, like all festival lights in Kerrow, are lit by hand.",
    "The festival draws visitors from every town on the coast.",
    # the verb's tag disagrees with its subject's number ('do not' would print the error)
    "The argument of the harbour traders echo the complaint made by the fishermen last year.",
    # a verb of finding with no reported clause: denying the finding tests nothing
    "The survey found high levels of salt in the river.",
    # an evaluative word in the object: an absurd promise or an opinion
    "The mayor will offer voters an honest choice on the sea wall.",
    # a time tacked on after a comma, and an opinion whose subject is an idea
    "The harbour trust opened the museum in Kerrow, nearly a decade ago.",
    "The original approach of the band is reflected in the name.",
    "The mayor began the repairs -- closing the ferry berth for a month.",  # a consequence after a dash
    "The trust asked the council for money so that it can repair the lighthouse.",  # a purpose the negation takes
    # two complements joined: 'not A and B' may mean neither or not both
    "Ada Quill was the founder of the trust and a former member of the council.",
    "The harbour master has been a donor to the lifeboat fund and to the museum.",
    "Weekly training sessions have been a vital part of the crew's preparation.",  # an evaluative word
    "The lifeboat reached the trawler in time thanks to the new harbour lights.",  # a reason given as a phrase
    # 'be' + to-infinitive: 'are not to travel' reads as a prohibition
    "The visiting pupils are to travel to Harwick by ferry.",
    "The pupils are to visit the lighthouse in May, the school said.",
    # a negative-prefix adjective in the predicate: 'not' makes a double negative
    "The new harbour rules are inconsistent with the old law.",
    "The skipper was unharmed in the crash off Kerrow.",
    "The harbour light on the quay remains undimmed.",
    # a clause beside the claim, joined by a semicolon, that presupposes it
    "The trust reached out to the school; the skipper was invited to the opening.",
    # a prepositional object joined to another: 'not from A and from B'
    "Officials said the new funds have come from the council in Kerrow and from the harbour trust.",
    "The funds for the sea wall have come from taxes paid by the town and from the harbour trust.",
    # a rough count, 'almost', 'much of', a means phrase: 'not' denies something other than the claim
    "The ferry company has about 40 boats on the coast, its owner said.",
    "The new lighthouse museum is almost complete, the trust revealed.",
    "The mayor said much of the meeting was about the sea wall.",
    "The skipper is protesting the new harbour fees by selling his catch in Harwick.",
    # a time limit: 'did not return within a week' may mean it came later
    "Within three days the skipper was flying back to Kerrow by air ambulance.",
    "The skipper returned to Kerrow within a week.",
])
def test_a_claim_whose_negation_is_not_plainly_false_gets_none(negate, sentence):
    assert negate(sentence) is None


def _misparsed(words: list[str], tags: list[str], pos: list[str], deps: list[str], heads: list[int],
              lemmas: list[str] | None = None) -> Span:
    """A sentence with the parse given by hand: the statistical parser's misreadings are not reproducible on
    demand, so the rule is tested on the parse it guards against."""
    nlp = load_nlp()
    doc = Doc(nlp.vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads,
              lemmas=lemmas or [w.lower() for w in words], spaces=[True] * (len(words) - 2) + [False, False])
    return doc[:]


def test_a_noun_read_as_the_verb_is_not_negated():
    # "Kerrow and Munster lock Tom Ellis has ruled out a move." with 'lock' read as the verb and 'Tom Ellis' its object
    words = ["Kerrow", "and", "Munster", "lock", "Tom", "Ellis", "has", "ruled", "out", "a", "move", "."]
    tags = ["NNP", "CC", "NNP", "VBP", "NNP", "NNP", "VBZ", "VBN", "RP", "DT", "NN", "."]
    pos = ["PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    deps = ["nsubj", "cc", "conj", "ROOT", "compound", "dobj", "aux", "ccomp", "prt", "det", "dobj", "punct"]
    heads = [3, 0, 0, 3, 5, 3, 7, 3, 7, 10, 7, 3]
    span = _misparsed(words, tags, pos, deps, heads)
    assert negated_sentence(span, span.text) is None
    # "Munster lock Tom Ellis …" with no subject for 'lock': the name before it is its modifier, not its subject
    words = ["Munster", "lock", "Tom", "Ellis", "stayed", "."]
    tags = ["NNP", "VBP", "NNP", "NNP", "VBD", "."]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "VERB", "PUNCT"]
    span = _misparsed(words, tags, pos, ["compound", "ROOT", "compound", "dobj", "dep", "punct"], [1, 1, 3, 1, 1, 1])
    assert negated_sentence(span, span.text) is None
    # the same words read correctly ('lock' a noun, 'stayed' the verb) are negated
    tags[1], pos[1] = "NN", "NOUN"
    span = _misparsed(words, tags, pos, ["compound", "compound", "compound", "nsubj", "ROOT", "punct"],
                      [3, 3, 3, 4, 4, 4], lemmas=["munster", "lock", "tom", "ellis", "stay", "."])
    assert negated_sentence(span, span.text) == "Munster lock Tom Ellis did not stay."


def _builder_with(text: str, negated: str | None, answers: tuple[str, ...] = (),
                  entities: tuple[Entity, ...] = ()) -> tuple[_Builder, KeySentence]:
    facts = sample_facts()
    key = KeySentence("k-6", 6, 3.0, answers, negated=negated)
    facts = replace(facts, sentences=(*facts.sentences, Sentence(6, 6, text)),
                    entities=(*facts.entities, *entities), key_sentences=(*facts.key_sentences, key))
    return _Builder(facts, 0, "harwick"), key


def test_a_sentence_with_no_swap_is_made_false_by_its_negation():
    text = "The harbour trust repaired the old lighthouse over the winter."
    negated = "The harbour trust did not repair the old lighthouse over the winter."
    builder, key = _builder_with(text, negated)
    assert builder.false_version(key, text, random.Random(0))[0] is None  # no name or number to swap
    assert builder._falsify(key, text, random.Random(0)) == negated
    # without a negated version the sentence can only be true, as before
    builder, key = _builder_with(text, None)
    assert builder._falsify(key, text, random.Random(0)) is None


def test_a_swap_comes_before_the_negation():
    text = "The flood engineers met their Dutch partners in Lisbon last spring."
    cities = (Entity("e-lisbon", "Lisbon", "GPE", 6, mentions=2), Entity("e-madrid", "Madrid", "GPE", 6, mentions=1))
    builder, key = _builder_with(text, "The flood engineers did not meet their Dutch partners in Lisbon last spring.",
                                 ("Lisbon",), cities)
    assert builder._falsify(key, text, random.Random(0)) == (
        "The flood engineers met their Dutch partners in Madrid last spring.")


def test_a_sentence_restating_the_headline_is_not_negated():
    text = "Harwick votes for a tidal barrier to protect the town."
    builder, key = _builder_with(text, "Harwick does not vote for a tidal barrier to protect the town.")
    assert builder._falsify(key, text, random.Random(0)) is None  # the title answers it


def test_a_negation_the_article_itself_states_is_not_false():
    text = "The harbour trust repaired the old lighthouse over the winter."
    negated = "The harbour trust did not repair the old lighthouse over the winter."
    builder, key = _builder_with(text, negated)
    later = Sentence(7, 7, "In the end, the harbour trust did not repair the old lighthouse over the winter.")
    builder.facts = replace(builder.facts, sentences=(*builder.facts.sentences, later))
    assert builder._falsify(key, text, random.Random(0)) is None


def test_the_negation_is_replayed_on_the_sentence_as_printed():
    sentence = "He said the barrier would open in 2031, on time."
    negated = "He said the barrier would not open in 2031, on time."
    assert _negation_as_printed("Tom Ellis said the barrier would open in 2031, on time.", sentence, negated) == (
        "Tom Ellis said the barrier would not open in 2031, on time.")
    assert _negation_as_printed("He moved the barrier would open.", sentence, negated) is None  # no longer there
    assert _negation_as_printed(sentence, sentence, "A teacher's own false version.") == (
        "A teacher's own false version.")


def test_facts_yaml_round_trips_the_negated_version_and_older_files_still_load():
    facts = sample_facts()
    key = replace(facts.key_sentences[0], negated="The city council of Harwick did not vote on Monday to build it.")
    facts = replace(facts, key_sentences=(key, *facts.key_sentences[1:]))
    text = dump_facts(facts)
    assert "negated: The city council of Harwick did not vote" in text
    assert parse_facts(text, "facts.yaml") == facts
    assert dump_facts(parse_facts(text, "facts.yaml")) == text
    older = "\n".join(line for line in text.splitlines() if "negated:" not in line) + "\n"
    loaded = parse_facts(older, "facts.yaml")
    assert all(k.negated is None for k in loaded.key_sentences)
    assert loaded.key_sentences[1] == facts.key_sentences[1]


def test_extraction_writes_each_key_sentence_s_negated_version(tmp_path):
    from quizgen import api

    path = tmp_path / "kerrow-sea-wall.txt"
    path.write_text("Kerrow approves a sea wall\n\n"
                    "The council's engineer, Ada Quill, said the wall would not be ready before 2031.\n\n"
                    "Ada Quill said the sea wall would protect 400 homes on the harbour front of Kerrow.\n",
                    encoding="utf-8")
    facts = api.extract_facts(api.read_article(path))
    negated = {k.sentence: k.negated for k in facts.key_sentences}
    assert negated == {
        0: None,  # already negative: never negated again
        1: "Ada Quill said the sea wall would not protect 400 homes on the harbour front of Kerrow.",
    }


def test_negated_claims_are_a_template_s_choice_off_in_the_built_in_one(tmp_path):
    """The built-in true/false template makes no negated statement (raters accepted about half of them); a copy
    with `negated_claims: true` does, and a bad value is a clear template error."""
    from quizgen.errors import TemplateError
    from quizgen.generate.facts import facts_for
    from quizgen.templates import load_templates, parse_template

    builtin = next(t for t in load_templates() if t.id == "key-sentence-true-false")
    assert builtin.negated_claims is False
    text = "Harwick's harbour trust repaired the old lighthouse over the winter."
    negated = "Harwick's harbour trust did not repair the old lighthouse over the winter."
    builder, key = _builder_with(text, negated)
    assert builder._falsify(key, text, random.Random(0), negate=False) is None
    on = replace(builtin, negated_claims=True)
    fact = next(f for f in facts_for("key_sentence", builder.facts) if f.sentence == 6)
    assert builder.true_false(on, fact, want_false=True).question == negated
    assert builder.true_false(builtin, fact, want_false=True).answer == "True"  # no false version: stays true
    with pytest.raises(TemplateError, match="negated_claims: should be true or false"):
        parse_template("id: t\nkind: true_false\napplies_to: key_sentence\nquestion: q\nnegated_claims: yes please\n",
                       "t.yaml")

"""Facts built by hand, so generation and export are tested without a spaCy model."""

from __future__ import annotations

from quizgen.model import Entity, FactSheet, Gloss, Item, KeySentence, NumberFact, Quiz, Quote, Sentence, WhQuestion

SENTENCES = (
    "The city council of Harwick voted on Monday to build a tidal barrier costing £120 million.",
    "“We cannot wait for the next flood,” said Priya Nair, the mayor of Harwick.",
    "About 40,000 homes lie below the high-water line, the Environment Agency says.",
    "Tom Ellis, a hydrologist at Castleford University, called the plan “overdue but welcome.”",
    "Opposition leader Dana Whitlock said the council had ignored cheaper options.",
    "The barrier, known locally as “the Gate,” or “An Geata” in Irish, will open in 2031.",
)


def sample_facts(title: str = "Harwick votes for a tidal barrier") -> FactSheet:
    sentences = tuple(Sentence(i, i, text) for i, text in enumerate(SENTENCES))
    people = (
        Entity("e-nair", "Priya Nair", "PERSON", 1, aliases=("Nair",), description="the mayor of Harwick",
               description_sentence=1, mentions=3),
        Entity("e-ellis", "Tom Ellis", "PERSON", 3, description="a hydrologist at Castleford University",
               description_sentence=3, mentions=2),
        Entity("e-whitlock", "Dana Whitlock", "PERSON", 4, description="Opposition leader",
               description_sentence=4, mentions=1),
    )
    others = (
        Entity("e-harwick", "Harwick", "GPE", 0, mentions=4),
        Entity("e-agency", "Environment Agency", "ORG", 2, description="the flood regulator", description_sentence=2),
        Entity("e-castleford", "Castleford University", "ORG", 3),
        Entity("e-council", "Harwick City Council", "ORG", 0),
    )
    return FactSheet(
        title=title, slug="harwick-votes-for-a-tidal-barrier", sentences=sentences, entities=people + others,
        quotes=(Quote("q-nair", "We cannot wait for the next flood", "Priya Nair", 1, speaker_id="e-nair", cue="said"),
                Quote("q-ellis", "overdue but welcome", "Tom Ellis", 3, speaker_id="e-ellis", cue="called",
                      partial=True)),
        numbers=(NumberFact("n-cost", "£120 million", "money", 0, value=120e6, counts=None),
                 NumberFact("n-homes", "About 40,000", "count", 2, value=40000.0, counts="homes", hedge="about",
                            question="About how many homes lie below the high-water line?"),
                 NumberFact("n-year", "2031", "year", 5, value=2031.0)),
        glosses=(Gloss("g-gate", "An Geata", "the Gate (in Irish)", 5),),
        key_sentences=(KeySentence("k-0", 0, 5.0, ("Harwick", "£120 million")),
                       KeySentence("k-2", 2, 4.0, ("About 40,000", "Environment Agency"))),
        questions=(WhQuestion("w-when", 5, "when", "In what year will the barrier open?", "2031", "n-year"),
                   WhQuestion("w-who", 4, "who", "Who said the council had ignored cheaper options?",
                              "Dana Whitlock", "e-whitlock")),
        byline="A. Writer",
    )


def sample_quiz() -> Quiz:
    """A quiz built by hand from the sample facts, one item of each type, so tests of quiz.yaml do not depend on
    which items the generator chooses."""
    facts = sample_facts()
    text = [s.text for s in facts.sentences]
    slug = facts.slug
    items = (
        Item(id=f"{slug[:24]}-a466b0ecbf", type="cloze",
             question="The city council of _____ (1) voted on Monday to build a tidal barrier costing _____ (2).",
             answer="Harwick; £120 million", source=text[0], paragraph=1, template="key-sentence-cloze", fact="k-0",
             cloze="The city council of {{c1::Harwick}} voted on Monday to build a tidal barrier costing "
                   "{{c2::£120 million}}.", blanks=("Harwick", "£120 million"), tags=("key-facts",),
             entity_types=("GPE",)),
        Item(id=f"{slug[:24]}-0068567176", type="mcq", question="Who said: “We cannot wait for the next flood”?",
             answer="Priya Nair", source=text[1], paragraph=2, template="quote-speaker", fact="q-nair",
             options=("Tom Ellis", "Priya Nair", "Dana Whitlock", "Sam Ross"), tags=("quotes",),
             entity_types=("PERSON",)),
        Item(id=f"{slug[:24]}-truefalse1", type="true_false", question=text[2].replace("About 40,000", "About 4,000"),
             answer="False", source=text[2], paragraph=3, template="key-sentence-true-false", fact="k-2",
             options=("True", "False"), explanation=f"The article says: {text[2]}", tags=("key-facts",)),
        Item(id=f"{slug[:24]}-short00001", type="short_answer",
             question="Name the person the article describes as the mayor of Harwick.", answer="Priya Nair",
             source=text[1], paragraph=2, template="person-short-answer", fact="e-nair",
             accepted=("Priya Nair", "Nair"), tags=("entities", "roles"), entity_types=("PERSON",), difficulty=3),
        Item(id=f"{slug[:24]}-matching01", type="matching", question="Match each person to their role in the article.",
             answer="Priya Nair — the mayor of Harwick; Tom Ellis — a hydrologist at Castleford University; "
                    "Dana Whitlock — Opposition leader", source=f"{text[1]} {text[3]} {text[4]}", paragraph=2,
             template="people-roles-matching", fact="article-people_roles",
             pairs=(("Priya Nair", "the mayor of Harwick"), ("Tom Ellis", "a hydrologist at Castleford University"),
                    ("Dana Whitlock", "Opposition leader")), tags=("entities", "roles"), entity_types=("PERSON",)),
    )
    return Quiz(title=facts.title, slug=slug, seed=0, requested=5, items=items, byline=facts.byline,
                article_id=slug, reading_grade=8.3, bank_extras=("Castleford",))

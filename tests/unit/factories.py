"""Facts built by hand, so generation and export are tested without a spaCy model."""

from __future__ import annotations

from quizgen.model import Entity, FactSheet, Gloss, KeySentence, NumberFact, Quote, Sentence, WhQuestion

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

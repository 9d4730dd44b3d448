"""The facts a template can apply to, each with its template variables: one small builder per `applies_to`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from quizgen.generate.contrasts import has_contrast_word
from quizgen.generate.standalone import tidy
from quizgen.model import Entity, FactSheet

BLANK = "_____"
KIND_WORD = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "EVENT": "event",
             "WORK_OF_ART": "work", "FAC": "place", "LAW": "law", "PRODUCT": "product"}
# Kinds of figure a student should remember more than a small count in passing ("three generals").
_STORY_FIGURES = {"fraction", "percent", "multiple", "money"}


@dataclass
class Fact:
    """One fact with the variables its templates see, and where in the article it rests."""

    id: str
    sentence: int
    weight: float
    context: dict[str, Any]
    record: Any


def with_article(facts: FactSheet, sentence: int) -> dict[str, Any]:
    """The variables every fact shares: the article's title, byline and date, and sentence `sentence` as `source`."""
    return {
        "article": {"title": facts.title, "byline": facts.byline or "", "date": facts.date or ""},
        "source": facts.sentences[sentence].text,
    }


def role_as_written(description: str, facts: FactSheet) -> str:
    """A role lifted from a sentence's start, set mid-sentence: "Station manager" -> "station manager" when the
    article writes the word in lower case and never capitalises it inside a sentence ("Labour leader" keeps it)."""
    words = description.split(" ", 1)
    first = words[0]
    if not (first[:1].isupper() and first[1:].islower() and first.isalpha()):
        return description
    texts = [s.text for s in facts.sentences]
    lower = re.compile(rf"(?<![\w-]){re.escape(first.lower())}(?![\w-])")
    inside = re.compile(rf"[\w,;:’'”\"] {re.escape(first)}(?![\w-])")
    if any(lower.search(t) for t in texts) and not any(inside.search(t) for t in texts):
        return " ".join([first.lower(), *words[1:]])
    return description


def entity_context(e: Entity, facts: FactSheet) -> dict[str, Any]:
    """An entity's template variables (name, kind word, aliases, description, mentions), resting on the sentence
    that describes it, else its first mention."""
    sentence = e.description_sentence if e.description_sentence is not None else e.sentence
    return {**with_article(facts, sentence), "entity": {
        "name": e.name, "type": e.type, "kind_word": KIND_WORD.get(e.type, "thing"), "aliases": list(e.aliases),
        "description": role_as_written(e.description or "", facts), "mentions": e.mentions,
        "sentence": facts.sentences[sentence].text}}


def _entity_facts(facts: FactSheet) -> list[Fact]:
    found = []
    for e in facts.entities:
        if e.enabled:
            sentence = e.description_sentence if e.description_sentence is not None else e.sentence
            weight = min(e.mentions, 5) / 5 + (0.8 if e.description else 0)
            found.append(Fact(e.id, sentence, weight, entity_context(e, facts), e))
    return found


def _quote_facts(facts: FactSheet) -> list[Fact]:
    found = []
    for q in facts.quotes:
        if not q.enabled:
            continue
        speaker = facts.entity(q.speaker_id)
        found.append(Fact(q.id, q.sentence, 1.0 + (0.4 if not q.partial else 0), {
            **with_article(facts, q.sentence),
            "quote": {"text": q.text.rstrip(".,"), "speaker": q.speaker, "partial": q.partial, "cue": q.cue or "",
                      "speaker_is_named": speaker is not None and speaker.type in {"PERSON", "ORG"},
                      "speaker_type": speaker.type if speaker else "",
                      "speaker_description": (speaker.description or "") if speaker else "",
                      "sentence": facts.sentences[q.sentence].text}}, q))
    return found


def _number_facts(facts: FactSheet) -> list[Fact]:
    found = []
    seen: set[tuple[float | None, str | None]] = set()
    key_sentences = {k.sentence for k in facts.key_sentences if k.enabled}
    for n in facts.numbers:
        sentence = facts.sentences[n.sentence].text
        if not n.enabled or (n.value, n.counts) in seen or n.text not in sentence:
            continue
        seen.add((n.value, n.counts))
        shown = tidy(sentence)
        blanked = shown.replace(n.text, BLANK, 1) if n.text in shown else sentence.replace(n.text, BLANK, 1)
        # What a student should remember: shares, sums and changes in the story's key sentences.
        weight = 1.4 + (0.4 if n.question else 0) + (0.2 if n.counts else 0)
        weight += 0.3 if n.sentence in key_sentences else 0
        weight += 0.2 if n.kind in _STORY_FIGURES else 0
        weight -= 0.2 if n.kind == "count" and (n.value or 0) < 10 and not n.hedge else 0
        found.append(Fact(n.id, n.sentence, weight, {
            **with_article(facts, n.sentence),
            "number": {"text": n.text, "kind": n.kind, "counts": n.counts or "", "hedge": n.hedge or "",
                       "question": n.question or "", "blanked": blanked, "sentence": sentence}}, n))
    return found


def _gloss_facts(facts: FactSheet) -> list[Fact]:
    glosses = [{"term": x.term, "meaning": x.meaning} for x in facts.glosses if x.enabled]
    return [Fact(g.id, g.sentence, 1.0, {
        **with_article(facts, g.sentence),
        "gloss": {"term": g.term, "meaning": g.meaning, "sentence": facts.sentences[g.sentence].text,
                  # "What does AAAS mean?" is answered by the sentence that spells it out: worth less than a word
                  # the article translates.
                  "is_acronym": g.term.replace(".", "").isupper()},
        "glosses": glosses}, g) for g in facts.glosses if g.enabled]


def _key_sentence_facts(facts: FactSheet) -> list[Fact]:
    return [Fact(k.id, k.sentence, 0.6 + k.score / 4, {
        **with_article(facts, k.sentence),
        "sentence": {"text": facts.sentences[k.sentence].text, "answers": list(k.answers), "score": k.score}}, k)
        for k in facts.key_sentences if k.enabled]


def _contrast_facts(facts: FactSheet) -> list[Fact]:
    """Key sentences holding a word a false statement could turn into its opposite (before/after, rose/fell)."""
    return [f for f in _key_sentence_facts(facts) if has_contrast_word(facts.sentences[f.sentence].text)]


def _question_facts(facts: FactSheet) -> list[Fact]:
    return [Fact(w.id, w.sentence, 1.3, {
        **with_article(facts, w.sentence),
        "question": {"text": w.question, "answer": w.answer, "wh": w.wh,
                     "sentence": facts.sentences[w.sentence].text}}, w)
        for w in facts.questions if w.enabled]


def _article_facts(facts: FactSheet) -> list[Fact]:
    people = [e for e in facts.entities if e.enabled and e.type == "PERSON" and e.description]
    # The whole-article fact rests on the first described person's sentence (matching sets its own source).
    anchor = (people[0].description_sentence or 0) if people else 0
    return [Fact("article", anchor, 1.2, {
        **with_article(facts, anchor),
        "people": [{"name": e.name, "description": e.description} for e in people],
        "glosses": [{"term": g.term, "meaning": g.meaning} for g in facts.glosses if g.enabled]}, None)]


FACT_BUILDERS: dict[str, Callable[[FactSheet], list[Fact]]] = {
    "entity": _entity_facts, "quote": _quote_facts, "number": _number_facts, "gloss": _gloss_facts,
    "key_sentence": _key_sentence_facts, "contrast": _contrast_facts, "question": _question_facts,
    "article": _article_facts,
}


def facts_for(applies_to: str, facts: FactSheet) -> list[Fact]:
    """Every enabled fact a template with this `applies_to` can use."""
    return FACT_BUILDERS[applies_to](facts)

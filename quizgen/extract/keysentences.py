"""Key sentences: what a student should remember, ranked, with the spans in each worth blanking."""

from __future__ import annotations

import re

from quizgen.extract.entities import clean_name
from quizgen.extract.parsed import ParsedArticle, doc_text, quote_spans
from quizgen.model import Entity, KeySentence, NumberFact
from quizgen.textutil import stable_id, word_count

_WEAK_START = re.compile(r"^(?:He|She|They|It|This|That|These|Those|Then|But|And|So|Now)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|my|us)\b")


def extract_key_sentences(parsed: ParsedArticle, entities: list[Entity], lookup: dict[str, str],
                          numbers: list[NumberFact], limit: int = 24) -> list[KeySentence]:
    by_id = {e.id: e for e in entities}
    numbers_in: dict[int, list[NumberFact]] = {}
    for n in numbers:
        numbers_in.setdefault(n.sentence, []).append(n)
    ranked: list[KeySentence] = []
    total = max(1, len(parsed.sentences))
    for sent, span in zip(parsed.sentences, parsed.spans, strict=True):
        words = word_count(sent.text)
        if not 8 <= words <= 45 or sent.text.endswith("?"):
            continue
        quoted = sum(e - s for s, e, _ in quote_spans(doc_text(span.doc)) if span.start_char <= s < span.end_char)
        if quoted > 0.3 * len(sent.text):
            continue  # opinion in someone's words, not a fact to remember
        answers: list[str] = []
        ids: set[str] = set()
        for ent in span.ents:
            name = clean_name(ent.text)
            entity_id = lookup.get(name.lower())
            if entity_id and entity_id not in ids and name in sent.text and by_id[entity_id].type != "NORP":
                ids.add(entity_id)
                # "Office of the Deputy" was tagged short of "Office of the Deputy Prime Minister": blank it whole.
                full = by_id[entity_id].name
                answers.append(full if full in sent.text and name in full else name)
        for n in numbers_in.get(sent.index, []):
            if n.text in sent.text:
                answers.append(n.text)
        if not answers:
            continue
        score = min(len(ids), 3) * 1.0 + min(len(numbers_in.get(sent.index, [])), 2) * 1.5
        score += 1.5 * (1 - sent.index / total)  # earlier sentences carry the story
        if _WEAK_START.match(sent.text):
            score -= 1.5  # needs the sentence before it to make sense
        if _FIRST_PERSON.search(sent.text):
            score -= 1.0
        ranked.append(KeySentence(id=f"k-{stable_id(sent.text, length=8)}", sentence=sent.index,
                                  score=round(score, 3), answers=tuple(answers)))
    ranked.sort(key=lambda k: (-k.score, k.sentence))
    chosen = sorted(ranked[:limit], key=lambda k: k.sentence)
    return chosen

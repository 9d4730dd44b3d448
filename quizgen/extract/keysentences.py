"""Key sentences: what a student should remember, ranked, with the spans in each worth blanking."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span

from quizgen.extract.entities import clean_name
from quizgen.extract.parsed import ParsedArticle, doc_text, quote_spans
from quizgen.model import Entity, KeySentence, NumberFact
from quizgen.textutil import stable_id, word_count

_WEAK_START = re.compile(r"^(?:He|She|They|It|This|That|These|Those|Then|But|And|So|Now)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|my|us)\b")
# "He then emerged as an artist …": no name to blank, but the generator may print the name "he" stands for (and swap
# it in a false statement), so the sentence is kept with no spans.
_PERSON_OPENING = re.compile(r"^(?:(?:But|And|So)\s+)?(?:He|She)\s+[a-z]")


def extract_key_sentences(parsed: ParsedArticle, entities: list[Entity], lookup: dict[str, str],
                          numbers: list[NumberFact], limit: int = 24) -> list[KeySentence]:
    """The `limit` best sentences to blank, in article order, each with the names and numbers worth blanking.

    A sentence qualifies when it is a statement of 8-45 words, mostly not quotation, and names something the
    extractor kept or opens with "he"/"she" (which the generator may replace by a name); it is ranked by how many
    entities and numbers it holds and how early it comes.
    """
    by_id = {e.id: e for e in entities}
    misspelt = _misspelt_names(parsed)
    numbers_in: dict[int, list[NumberFact]] = {}
    for n in numbers:
        numbers_in.setdefault(n.sentence, []).append(n)
    ranked: list[KeySentence] = []
    total = max(1, len(parsed.sentences))
    for sent, span in zip(parsed.sentences, parsed.spans, strict=True):
        if not _is_statement(sent.text, span) or any(t.text in misspelt for t in span):
            continue
        sentence_numbers = numbers_in.get(sent.index, [])
        names = _named_answers(sent.text, span, lookup, by_id)
        answers = list(names.values()) + [n.text for n in sentence_numbers if n.text in sent.text]
        if not answers and not _PERSON_OPENING.match(sent.text):
            continue
        score = _score(sent.text, sent.index / total, len(names), len(sentence_numbers))
        ranked.append(KeySentence(id=f"k-{stable_id(sent.text, length=8)}", sentence=sent.index,
                                  score=round(score, 3), answers=tuple(answers)))
    ranked.sort(key=lambda k: (-k.score, k.sentence))
    return sorted(ranked[:limit], key=lambda k: k.sentence)


def _misspelt_names(parsed: ParsedArticle) -> frozenset[str]:
    """Capitalised words the article writes more often with two neighbouring letters the other way round ('Untied
    Nations' beside 'United Nations'): the source's typo, which an item would copy. Never corrected, only avoided."""
    counts = Counter(t.text for doc in parsed.docs for t in doc if len(t.text) >= 4 and t.is_alpha
                     and t.text[0].isupper())
    misspelt = set()
    for word, count in counts.items():
        swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)} - {word}
        if any(counts.get(other, 0) > count for other in swaps):
            misspelt.add(word)
    return frozenset(misspelt)


def _is_statement(text: str, span: Span) -> bool:
    """8-45 words, not a question, and at most 30% quotation."""
    if not 8 <= word_count(text) <= 45 or text.endswith("?"):
        return False
    quoted = sum(e - s for s, e, _ in quote_spans(doc_text(span.doc)) if span.start_char <= s < span.end_char)
    return quoted <= 0.3 * len(text)  # more is opinion in someone's words, not a fact to remember


def _named_answers(text: str, span: Span, lookup: dict[str, str], by_id: dict[str, Entity]) -> dict[str, str]:
    """Entity id -> the words to blank for it, once per entity, in the order the sentence names them."""
    answers: dict[str, str] = {}
    for ent in span.ents:
        name = clean_name(ent.text)
        entity_id = lookup.get(name.lower())
        if entity_id and entity_id not in answers and name in text and by_id[entity_id].type != "NORP":
            # "Office of the Deputy" was tagged short of "Office of the Deputy Prime Minister": blank it whole.
            full = by_id[entity_id].name
            answers[entity_id] = full if full in text and name in full else name
    return answers


def _score(text: str, position: float, entity_count: int, number_count: int) -> float:
    """More names and numbers score higher; `position` is the sentence's place in the article, 0 (first) to 1."""
    score = min(entity_count, 3) * 1.0 + min(number_count, 2) * 1.5
    score += 1.5 * (1 - position)  # earlier sentences carry the story
    if _WEAK_START.match(text):
        score -= 1.5  # needs the sentence before it to make sense
    if _FIRST_PERSON.search(text):
        score -= 1.0
    return score

"""Build candidate items from templates and facts, check them, and pick a balanced quiz."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import Any

from quizgen.generate.distractors import (
    entity_distractors,
    mentioned_in,
    number_distractors,
    number_sort_key,
    overlaps,
)
from quizgen.generate.quality import check_item
from quizgen.model import (
    TYPE_ORDER,
    Dropped,
    Entity,
    FactSheet,
    Item,
    KeySentence,
    NumberFact,
    Quiz,
    WhQuestion,
)
from quizgen.templates import Template, evaluate, render
from quizgen.textutil import compiled, stable_id, strip_honorific, with_honorific
from quizgen.versions import balance_answer_positions

BLANK = "_____"
_KIND_WORD = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "EVENT": "event",
              "WORK_OF_ART": "work", "FAC": "place", "LAW": "law", "PRODUCT": "product"}


class _DropError(Exception):
    """Raised while building a candidate that cannot become a good item."""


@dataclass
class _Fact:
    id: str
    sentence: int
    weight: float
    context: dict[str, Any]
    record: Any


def _with_article(facts: FactSheet, sentence: int) -> dict[str, Any]:
    return {
        "article": {"title": facts.title, "byline": facts.byline or "", "date": facts.date or ""},
        "source": facts.sentences[sentence].text,
    }


def _entity_context(e: Entity, facts: FactSheet) -> dict[str, Any]:
    sentence = e.description_sentence if e.description_sentence is not None else e.sentence
    return {**_with_article(facts, sentence), "entity": {
        "name": e.name, "type": e.type, "kind_word": _KIND_WORD.get(e.type, "thing"), "aliases": list(e.aliases),
        "description": e.description or "", "mentions": e.mentions, "sentence": facts.sentences[sentence].text}}


def _facts_for(applies_to: str, facts: FactSheet) -> list[_Fact]:
    found: list[_Fact] = []
    if applies_to == "entity":
        for e in facts.entities:
            if e.enabled:
                sentence = e.description_sentence if e.description_sentence is not None else e.sentence
                weight = min(e.mentions, 5) / 5 + (0.8 if e.description else 0)
                found.append(_Fact(e.id, sentence, weight, _entity_context(e, facts), e))
    elif applies_to == "quote":
        for q in facts.quotes:
            if not q.enabled:
                continue
            speaker = facts.entity(q.speaker_id)
            found.append(_Fact(q.id, q.sentence, 1.0 + (0.4 if not q.partial else 0), {
                **_with_article(facts, q.sentence),
                "quote": {"text": q.text.rstrip(".,"), "speaker": q.speaker, "partial": q.partial, "cue": q.cue or "",
                          "speaker_is_named": speaker is not None and speaker.type in {"PERSON", "ORG"},
                          "speaker_type": speaker.type if speaker else "",
                          "speaker_description": (speaker.description or "") if speaker else "",
                          "sentence": facts.sentences[q.sentence].text}}, q))
    elif applies_to == "number":
        seen: set[tuple[float | None, str | None]] = set()
        key_sentences = {k.sentence for k in facts.key_sentences if k.enabled}
        for n in facts.numbers:
            sentence = facts.sentences[n.sentence].text
            if not n.enabled or (n.value, n.counts) in seen or n.text not in sentence:
                continue
            seen.add((n.value, n.counts))
            blanked = sentence.replace(n.text, BLANK, 1)
            # What a student should remember: shares, sums and changes in the story's key sentences, more than
            # a small count in passing ("three generals").
            weight = 1.4 + (0.4 if n.question else 0) + (0.2 if n.counts else 0)
            weight += 0.3 if n.sentence in key_sentences else 0
            weight += 0.2 if n.kind in {"fraction", "percent", "multiple", "money"} else 0
            weight -= 0.2 if n.kind == "count" and (n.value or 0) < 10 and not n.hedge else 0
            found.append(_Fact(n.id, n.sentence, weight, {
                **_with_article(facts, n.sentence),
                "number": {"text": n.text, "kind": n.kind, "counts": n.counts or "", "hedge": n.hedge or "",
                           "question": n.question or "", "blanked": blanked, "sentence": sentence}}, n))
    elif applies_to == "gloss":
        for g in facts.glosses:
            if g.enabled:
                found.append(_Fact(g.id, g.sentence, 1.0, {
                    **_with_article(facts, g.sentence),
                    "gloss": {"term": g.term, "meaning": g.meaning, "sentence": facts.sentences[g.sentence].text},
                    "glosses": [{"term": x.term, "meaning": x.meaning} for x in facts.glosses if x.enabled]}, g))
    elif applies_to == "key_sentence":
        for k in facts.key_sentences:
            if k.enabled:
                found.append(_Fact(k.id, k.sentence, 0.6 + k.score / 4, {
                    **_with_article(facts, k.sentence),
                    "sentence": {"text": facts.sentences[k.sentence].text, "answers": list(k.answers),
                                 "score": k.score}}, k))
    elif applies_to == "question":
        for w in facts.questions:
            if w.enabled:
                found.append(_Fact(w.id, w.sentence, 1.3, {
                    **_with_article(facts, w.sentence),
                    "question": {"text": w.question, "answer": w.answer, "wh": w.wh,
                                 "sentence": facts.sentences[w.sentence].text}}, w))
    elif applies_to == "article":
        people = [e for e in facts.entities if e.enabled and e.type == "PERSON" and e.description]
        # The whole-article fact rests on the first described person's sentence (matching sets its own source).
        anchor = (people[0].description_sentence or 0) if people else 0
        found.append(_Fact("article", anchor, 1.2, {
            **_with_article(facts, anchor),
            "people": [{"name": e.name, "description": e.description} for e in people],
            "glosses": [{"term": g.term, "meaning": g.meaning} for g in facts.glosses if g.enabled]}, None))
    return found


def _is_person(facts: FactSheet, name: str) -> bool:
    entity = _entity_named(facts, name)
    return entity is not None and entity.type == "PERSON"


def _entity_named(facts: FactSheet, name: str) -> Entity | None:
    key = strip_honorific(name).lower()
    return next((e for e in facts.entities if key in (n.lower() for n in e.names)), None)


class _Builder:
    def __init__(self, facts: FactSheet, seed: int, article_id: str) -> None:
        self.facts = facts
        self.seed = seed
        self.article_id = article_id

    def rng(self, *parts: object) -> random.Random:
        return random.Random(f"{self.seed}:{':'.join(str(p) for p in parts)}")

    def base(self, template: Template, fact: _Fact, question: str, answer: str, item_type: str) -> Item:
        sentence = self.facts.sentences[fact.sentence]
        explanation = ""
        if template.explanation:
            explanation = render(template, "explanation", template.explanation, fact.context)
        return Item(
            id=f"{self.article_id[:24]}-{stable_id(self.article_id, template.id, fact.id, length=10)}",
            type=item_type, question=question, answer=answer, source=sentence.text, paragraph=sentence.paragraph + 1,
            template=template.id, fact=fact.id, explanation=explanation or None,
            tags=template.tags, difficulty=template.difficulty,
            score=round(template.priority + fact.weight, 4),
        )

    # --- kinds ---------------------------------------------------------------------------------------------

    def mcq(self, template: Template, fact: _Fact) -> Item:
        question = render(template, "question", template.question, fact.context)
        answer = render(template, "answer", template.answer, fact.context)
        count = int(template.distractors.get("count", 3))
        source = template.distractors.get("from", "same_type")
        rng = self.rng(template.id, fact.id)
        number = fact.record if isinstance(fact.record, NumberFact) else None
        if isinstance(fact.record, WhQuestion):
            # "In what year …?": the answer is one of the article's numbers, so its neighbours are the options.
            number = next((n for n in self.facts.numbers if n.id == fact.record.answer_id), None)
        numeric = number is not None
        entity_types: tuple[str, ...] = ()
        if number is not None:
            distractors = number_distractors(number, self.facts, count)
        elif source == "meanings":
            meanings = [g.meaning for g in self.facts.glosses if g.enabled and g.meaning != answer]
            rng.shuffle(meanings)
            distractors = meanings[:count]
        else:
            target = _entity_named(self.facts, answer)
            if target is None:
                raise _DropError("the answer is not a known entity, so no distractors of its kind")
            entity_types = (target.type,)
            # Who-said questions offer other speakers first: they are the likeliest confusions.
            speakers = [q.speaker for q in self.facts.quotes] if template.applies_to == "quote" else []
            distractors = entity_distractors(target, self.facts, question, count, rng, prefer=speakers)
        if len(distractors) < 2:
            raise _DropError(f"only {len(distractors)} distractor(s) of the answer's kind; a fair question needs 2+")
        options = [answer, *distractors]
        if numeric:
            options.sort(key=lambda o: number_sort_key(number, o))
        else:
            rng.shuffle(options)
        item = self.base(template, fact, question, answer, "mcq")
        return replace(item, options=tuple(options), entity_types=entity_types, fixed_order=numeric)

    def short_answer(self, template: Template, fact: _Fact) -> Item:
        question = render(template, "question", template.question, fact.context)
        answer = render(template, "answer", template.answer, fact.context)
        accepted = [answer]
        if template.accepted:
            accepted += [a.strip() for a in render(template, "accepted", template.accepted, fact.context).split("|")]
        entity = _entity_named(self.facts, answer)
        if entity is not None:
            accepted += list(entity.names)
        # "What does EMEC mean?": the term itself is another name for the answer, but never an accepted answer.
        unique = list(dict.fromkeys(a for a in accepted if a and (a == answer or not mentioned_in(a, question))))
        item = self.base(template, fact, question, answer, "short_answer")
        return replace(item, accepted=tuple(unique), entity_types=(entity.type,) if entity else ())

    def _test_worthy(self, key: KeySentence) -> list[str]:
        """Spans to blank, best first: numbers, then people and organisations, then places and other names."""
        numbers = {n.text for n in self.facts.numbers if n.sentence == key.sentence}

        def rank(span: str) -> tuple[int, int]:
            if span in numbers:
                return (0, 0)
            entity = _entity_named(self.facts, span)
            order = {"PERSON": 1, "ORG": 2, "EVENT": 3, "WORK_OF_ART": 3}.get(entity.type if entity else "", 4)
            return (order, -len(span))

        text = self.facts.sentences[key.sentence].text
        # "Mr Blair": blank the honorific with the name, never leave "Mr _____".
        spans = [with_honorific(span, text) for span in key.answers]
        return sorted(dict.fromkeys(spans), key=rank)

    def cloze(self, template: Template, fact: _Fact) -> Item:
        key: KeySentence = fact.record
        text = self.facts.sentences[key.sentence].text
        chosen: list[str] = []
        for span in self._test_worthy(key):
            if len(chosen) >= max(1, template.blanks):
                break
            if text.count(span) != 1 or any(overlaps(span, c) for c in chosen) or not compiled(
                    rf"(?<!\w){re.escape(span)}(?!\w)").search(text):
                continue  # "50K Walk": a blank starts and ends on a word boundary
            chosen.append(span)
        if not chosen:
            raise _DropError("no name or number in the sentence can be blanked once and unambiguously")
        chosen.sort(key=text.index)
        remaining = text
        cloze = text
        for n, span in enumerate(chosen, start=1):
            remaining = remaining.replace(span, f"{BLANK} ({n})", 1)
            cloze = cloze.replace(span, f"{{{{c{n}::{span}}}}}", 1)
        if len(re.findall(r"[A-Za-z]{3,}", remaining)) < 6:
            raise _DropError("too little context left around the blanks")
        question = render(template, "question", template.question, {**fact.context, "blanked": remaining})
        item = self.base(template, fact, question, "; ".join(chosen), "cloze")
        types = tuple(sorted({e.type for s in chosen if (e := _entity_named(self.facts, s))}))
        return replace(item, cloze=cloze, blanks=tuple(chosen), entity_types=types)

    def true_false(self, template: Template, fact: _Fact, want_false: bool | None = None) -> Item:
        key: KeySentence = fact.record
        text = self.facts.sentences[key.sentence].text
        rng = self.rng(template.id, fact.id)
        make_false = rng.random() < 0.5 if want_false is None else want_false
        statement = text
        if make_false:
            statement = self._falsify(key, text, rng)
            if statement is None:
                make_false = False
                statement = text
        context = {**fact.context, "statement": statement}
        question = render(template, "question", template.question, context)
        answer = "False" if make_false else "True"
        item = self.base(template, fact, question, answer, "true_false")
        explanation = item.explanation or (f"The article says: {text}" if make_false else None)
        return replace(item, options=("True", "False"), explanation=explanation)

    def _falsify(self, key: KeySentence, text: str, rng: random.Random) -> str | None:
        """Swap one fact for another of the same kind that the article does not also support."""
        for span in self._test_worthy(key):
            if text.count(span) != 1:
                continue
            before, after = text.split(span, 1)
            if after.startswith((" (", ")")) or (before.endswith(("the ", "The ")) and _is_person(self.facts, span)):
                continue  # "Ofcom (ISPA)" or "Ultra Wideband (Ofcom)" no longer spell out; nor "the Alicia Keys"
            number = next((n for n in self.facts.numbers if n.sentence == key.sentence and n.text == span), None)
            if number is not None:
                alternatives = number_distractors(number, self.facts, 3)
            else:
                entity = _entity_named(self.facts, span)
                if entity is None:
                    continue
                alternatives = entity_distractors(entity, self.facts, text, 3, rng)
            for alternative in alternatives:
                changed = text.replace(span, alternative, 1)
                supported = any(changed.lower() in s.text.lower() for s in self.facts.sentences)
                other = _entity_named(self.facts, alternative)
                names = other.names if other else (alternative,)
                if not supported and not any(mentioned_in(n, text) for n in names):
                    return changed
        return None

    def matching(self, template: Template, fact: _Fact) -> Item:
        source = template.pairs or "people_roles"
        if source == "glosses":
            pairs = [(g["term"], g["meaning"]) for g in fact.context["glosses"]]
        else:
            pairs = [(p["name"], p["description"]) for p in fact.context["people"]]
        pairs = pairs[:6]
        if len(pairs) < 3:
            raise _DropError(f"only {len(pairs)} pair(s) to match; matching needs 3 or more")
        question = render(template, "question", template.question, fact.context)
        answer = "; ".join(f"{left} — {right}" for left, right in pairs)
        first = next((e for e in self.facts.entities if e.name == pairs[0][0]), None)
        sentence = first.description_sentence if first and first.description_sentence is not None else fact.sentence
        fact = _Fact(f"{fact.id}-{source}", sentence, fact.weight, fact.context, None)
        item = self.base(template, fact, question, answer, "matching")
        sources = []
        for left, _ in pairs:
            e = next((x for x in self.facts.entities if x.name == left), None)
            if e is not None and e.description_sentence is not None:
                sources.append(self.facts.sentences[e.description_sentence].text)
        return replace(item, pairs=tuple(pairs), source=" ".join(dict.fromkeys(sources)) or item.source,
                       entity_types=("PERSON",) if source != "glosses" else ())


# The share of a quiz each item type aims for: multiple choice carries most of it; matching is one item.
TYPE_SHARE = {"mcq": 0.4, "cloze": 0.2, "true_false": 0.2, "short_answer": 0.15, "matching": 0.05}


def _select(candidates: list[Item], count: int) -> list[Item]:
    """Best items first, each pick going to the type furthest below its share; a fact is never tested twice the
    same way, nor a sentence more than twice.

    A first pass caps each template's share so one generator cannot fill the quiz; a second pass lifts the cap
    only if the quiz would otherwise come out short.
    """
    chosen: list[Item] = []
    used: dict[str, int] = {}
    used_kind: set[tuple[str, str]] = set()
    per_sentence: dict[str, int] = {}
    per_template: dict[str, int] = {}
    per_type: dict[str, int] = {}

    def fits(item: Item, cap: int) -> bool:
        return not ((item.fact, item.type) in used_kind or used.get(item.fact, 0) >= 2
                    or per_sentence.get(item.source, 0) >= 2 or per_template.get(item.template, 0) >= cap)

    first_cap = max(2, -(-count // 5))
    for cap in (first_cap, 2 * first_cap):
        queues: dict[str, list[Item]] = {}
        for item in sorted(candidates, key=lambda i: (-i.score, i.id)):
            if item not in chosen:
                queues.setdefault(item.type, []).append(item)
        while len(chosen) < count and queues:
            kind = max(queues, key=lambda k: (TYPE_SHARE.get(k, 0.1) * count - per_type.get(k, 0),
                                              queues[k][0].score if queues[k] else -99, k))
            item = next((i for i in queues[kind] if fits(i, cap)), None)
            if item is None:
                del queues[kind]
                continue
            queues[kind].remove(item)
            chosen.append(item)
            used[item.fact] = used.get(item.fact, 0) + 1
            used_kind.add((item.fact, item.type))
            per_sentence[item.source] = per_sentence.get(item.source, 0) + 1
            per_template[item.template] = per_template.get(item.template, 0) + 1
            per_type[item.type] = per_type.get(item.type, 0) + 1
    return chosen


def _word_bank_extras(items: list[Item], facts: FactSheet, seed: int) -> tuple[str, ...]:
    """A few names and figures for the word bank that fill no blank, of the kinds the blanks are, so the last
    blank cannot be filled by elimination. None appears in any cloze sentence, so none fits a blank."""
    cloze = [i for i in items if i.type == "cloze"]
    blanks = {b for i in cloze for b in i.blanks}
    if not blanks:
        return ()
    texts = " ".join(i.source for i in cloze)
    kinds = {e.type for b in blanks if (e := _entity_named(facts, b))}
    names = [e.name for e in facts.entities if e.enabled and e.type in kinds]
    figures = [n.text for n in facts.numbers if n.enabled] if any(
        any(ch.isdigit() for ch in b) or b.lower().split()[-1] in {"half", "third", "quarter"} for b in blanks) else []
    pool = sorted({c for c in names + figures if c not in blanks and not mentioned_in(c, texts)})
    random.Random(f"{seed}:word-bank").shuffle(pool)
    return tuple(sorted(pool[:max(2, len(blanks) // 3)], key=str.lower))


def _balance_truth(items: list[Item], builder: _Builder, templates: dict[str, Template],
                   facts_by_kind: dict[str, list[_Fact]], seed: int) -> list[Item]:
    """About half the true/false items are false, in a seeded order, so that guessing 'True' scores no better than
    chance; an item is rebuilt the other way round when its sentence allows it."""
    indexes = [i for i, item in enumerate(items) if item.type == "true_false"]
    wanted = [k % 2 == 0 for k in range(len(indexes))]
    random.Random(f"truth:{seed}").shuffle(wanted)
    balanced = list(items)
    for index, want_false in zip(indexes, wanted, strict=True):
        item = items[index]
        if (item.answer == "False") == want_false:
            continue
        template = templates[item.template]
        fact = next(f for f in facts_by_kind[template.applies_to] if f.id == item.fact)
        rebuilt = builder.true_false(template, fact, want_false)
        if (rebuilt.answer == "False") == want_false and check_item(rebuilt, builder.facts) is None:
            balanced[index] = rebuilt
    return balanced


def generate_quiz(facts: FactSheet, templates: list[Template], count: int = 20, seed: int = 0) -> Quiz:
    """Every template over every fact it applies to, then the best `count` items, mixed and balanced."""
    article_id = facts.slug
    builder = _Builder(facts, seed, article_id)
    candidates: list[Item] = []
    dropped: list[Dropped] = []
    cache: dict[str, list[_Fact]] = {}
    for template in templates:
        facts_for = cache.setdefault(template.applies_to, _facts_for(template.applies_to, facts))
        for fact in facts_for:
            if not evaluate(template, fact.context):
                continue
            try:
                item = getattr(builder, template.kind)(template, fact)
            except _DropError as reason:
                dropped.append(Dropped(template.id, fact.id, str(reason)))
                continue
            problem = check_item(item, facts)
            if problem:
                dropped.append(Dropped(template.id, fact.id, problem))
                continue
            candidates.append(item)
    chosen = _select(candidates, count)
    chosen_ids = {i.id for i in chosen}
    for item in candidates:
        if item.id not in chosen_ids:
            dropped.append(Dropped(item.template, item.fact, "not selected: lower score, or its fact or sentence "
                                                             "was already tested"))
    chosen = _balance_truth(chosen, builder, {t.id: t for t in templates}, cache, seed)
    # Worksheet order: by type, then by where the fact is in the article.
    order = {t: i for i, t in enumerate(TYPE_ORDER)}
    sentence_of = {s.text: s.index for s in facts.sentences}
    chosen.sort(key=lambda i: (order[i.type], sentence_of.get(i.source, 10_000), i.id))
    chosen = balance_answer_positions(chosen, random.Random(f"positions:{seed}"))
    bank_extras = _word_bank_extras(chosen, facts, seed)
    shortfall = None
    if len(chosen) < count:
        shortfall = (f"made {len(chosen)} of {count} requested items: the article supports no more good ones "
                     f"({len(candidates)} passed the checks; run with -v to see every dropped candidate and why)")
    return Quiz(title=facts.title, slug=facts.slug, seed=seed, requested=count, items=tuple(chosen),
                dropped=tuple(dropped), shortfall=shortfall, byline=facts.byline, date=facts.date,
                source=facts.source, article_id=article_id, bank_extras=bank_extras)

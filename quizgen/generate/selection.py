"""Plan a quiz as a whole: each fact tested once, no item giving away another, key facts and paragraphs first.

Candidates are picked greedily by value. Once an item is chosen, every candidate that conflicts with it is passed
over with the name of the rule it broke (shown by `-v`). The conflict rules are small named functions
`(Candidate, Candidate) -> reason | None`, tested one by one.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from quizgen.generate.facts import Fact
from quizgen.model import Dropped, Entity, FactSheet, Item, KeySentence, NumberFact
from quizgen.textutil import compiled, normalize, strip_honorific

# Extra value for an item resting on the opening sentences (the lede carries the story).
_LEDE_BONUS = (0.9, 0.6, 0.4, 0.2)
_NEW_PARAGRAPH_BONUS = 0.5  # spread the quiz over the article
_SAME_TEMPLATE_COST = 0.45  # each item of a template already chosen makes the next one of it less welcome
_SAME_TYPE_COST = 0.2
_TEMPLATE_SHARE = 0.25  # no template above this share of the quiz (at least 2 items)
_LIFTED_SHARE = 0.35  # … lifted to this only when the quiz would otherwise come out short
_CLOZE_CAP = 4  # cloze items share one word bank: a few, so each blank has its own kind of entries
_TRUE_ONLY_COST = 0.5  # a statement no safe swap can make false is worth a little less
_TRUE_MARGIN = 2  # true statements may outnumber false ones by this many
_TITLE_WORD = re.compile(r"[A-Za-z][a-z'’-]{3,}|\d+")


@dataclass(frozen=True)
class Candidate:
    """An item that passed the checks, with what it tests and what it shows."""

    item: Item
    sentences: frozenset[int]  # the article sentences it rests on
    keys: frozenset[str]  # the facts it tests besides its sentences: "e:<entity>", "n:<number>", "q:<quote>"
    hidden: tuple[str, ...]  # short answers, written unaided: no other item may print them
    blanked: tuple[str, ...]  # cloze answers (the word bank prints them): no other item may print them in context
    words: frozenset[str]  # the content words it shows, to tell "prints the answer in context" from a passing name
    shown: str  # what a student reads: stem, pairs, and the word bank's entries for a cloze (normalised, lower)
    links: tuple[tuple[str, str], ...]  # (name, cue) pairs the item asks to connect: "Frank Field" / "welfare minister"
    value: float
    swap: frozenset[str] = frozenset()  # a false statement's swapped pair ("blair", "brown"), lower case

    @staticmethod
    def of(item: Item, fact: Fact, facts: FactSheet) -> Candidate:
        """`item` as a candidate: the sentences and facts it tests, the answers it hides or blanks, what it shows,
        and its value (lede and headline bonus; less for a statement that can only be true)."""
        record = fact.record
        keys, sentences, links = _keys_of(item, record, facts, fact.sentence)
        keys |= _answer_keys(item, facts)
        hidden = [n for a in (item.answer,) for n in _names_of(a, facts)] if item.type == "short_answer" else []
        if isinstance(record, NumberFact) and item.type == "mcq":
            hidden += _figure_forms(item.answer)  # "Which figure completes …" is answered by a stem printing it
        blanked = [n for a in item.blanks for n in _names_of(a, facts)]
        if isinstance(record, KeySentence) and item.type == "mcq":
            blanked += _names_of(item.answer, facts)  # "which name completes …": a blank with options
        # A false statement may be turned back to true when the quiz balances its answers: it shows its source.
        true_text = item.source if item.type == "true_false" else ""
        shown = " ".join([item.question, true_text, *item.blanks, *(f"{a} {b}" for a, b in item.pairs)])
        value = item.score + (_key_fact_bonus(min(sentences), facts) if sentences else 0.0)
        if item.type == "true_false" and item.answer == "True":
            value -= _TRUE_ONLY_COST  # no safe swap: a quiz of statements that are all true is guessable
        return Candidate(item, frozenset(sentences), frozenset(keys), tuple(dict.fromkeys(hidden)),
                         tuple(dict.fromkeys(blanked)), _content_words(shown), _key(shown), tuple(links),
                         value, swapped_pair(item))


def swapped_pair(item: Item) -> frozenset[str]:
    """What a false statement swapped: the words of its source it replaced and the words that replaced them
    ('Blair' → 'Brown' gives {'blair', 'brown'}); empty for anything else."""
    if item.type != "true_false" or item.answer != "False":
        return frozenset()
    source, stem = item.source.split(), item.question.split()
    pair = set()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, source, stem, autojunk=False).get_opcodes():
        if op == "replace":
            pair |= {" ".join(source[i1:i2]).strip(".,;:!?'’\"“”").lower(),
                     " ".join(stem[j1:j2]).strip(".,;:!?'’\"“”").lower()}
    return frozenset(pair) if len(pair) == 2 else frozenset()


def _key(text: str) -> str:
    return normalize(text).lower()


def _answer_keys(item: Item, facts: FactSheet) -> set[str]:
    """'a:<entity>' for each name the item asks for: one name is the answer of one item only."""
    answers = item.blanks if item.type == "cloze" else (item.answer,) if item.type in {"mcq", "short_answer"} else ()
    keys = set()
    for answer in answers:
        bare = strip_honorific(answer).lower()
        entity = next((e for e in facts.entities if bare in (n.lower() for n in e.names)), None)
        if entity is not None:
            keys.add(f"a:{entity.id}")
    return keys


def _figure_forms(answer: str) -> list[str]:
    """'about 15,000' → ['about 15,000', '15,000']: the figure as another stem may print it."""
    digits = re.search(r"\d[\d,.]*\d|\d", answer)
    return [answer, digits.group(0)] if digits and len(digits.group(0)) >= 2 else [answer]


def _names_of(answer: str, facts: FactSheet) -> list[str]:
    bare = strip_honorific(answer).lower()
    for entity in facts.entities:
        if bare in (n.lower() for n in entity.names) or answer.lower() in (n.lower() for n in entity.names):
            return [answer, *entity.names, *(strip_honorific(n) for n in entity.names if " " in n)]
    return [answer]


def _keys_of(item: Item, record: object, facts: FactSheet, sentence: int
             ) -> tuple[set[str], set[int], list[tuple[str, str]]]:
    keys: set[str] = set()
    sentences = {sentence}
    links: list[tuple[str, str]] = []
    if isinstance(record, Entity):
        keys.add(f"e:{record.id}")
        if record.description:
            links.append((record.name, record.description))
    elif isinstance(record, NumberFact):
        keys.add(f"n:{record.id}")
    elif record is not None and hasattr(record, "id"):
        keys.add(f"{type(record).__name__}:{record.id}")
    for left, right in item.pairs:
        entity = next((e for e in facts.entities if e.name == left), None)
        if entity is not None:
            keys.add(f"e:{entity.id}")
        links.append((left, right))
    if item.pairs:
        # A matching item tests its people's roles (their keys and links), not the sentences they stand in.
        sentences = set()
    return keys, sentences, links


def _key_fact_bonus(sentence: int, facts: FactSheet) -> float:
    bonus = _LEDE_BONUS[sentence] if sentence < len(_LEDE_BONUS) else 0.0
    title_words = {w.lower() for w in _TITLE_WORD.findall(facts.title)}
    shared = title_words & {w.lower() for w in _TITLE_WORD.findall(facts.sentences[sentence].text)}
    return bonus + (0.3 if len(shared) >= 2 else 0.0)


_CONTENT_WORD = re.compile(r"(?<![A-Za-z'’-])[a-z][a-z'’-]{3,}")
_COMMON = frozenset("that this with from have been were will would could should their there they said says which "
                    "about after also into more most other over some than them then these those when where while "
                    "what year years article".split())


def _content_words(text: str) -> frozenset[str]:
    """The ordinary words of a text (names left out: a name shared by two stems is not a shared context)."""
    return frozenset(w for w in _CONTENT_WORD.findall(normalize(text)) if w not in _COMMON)


def _mentioned(name: str, text: str) -> bool:
    key = _key(name)
    return len(key) > 1 and compiled(rf"(?<!\w){re.escape(key)}(?!\w)").search(text) is not None


# --- conflict rules: why `b` cannot join a quiz that holds `a` ------------------------------------------------

def same_sentence(a: Candidate, b: Candidate) -> str | None:
    """Two items resting on one article sentence test it twice."""
    return "tests the same sentence" if a.sentences & b.sentences else None


def same_fact(a: Candidate, b: Candidate) -> str | None:
    """Two items sharing a key (a fact they test, a name they ask for) test one fact twice."""
    return "tests the same fact" if a.keys & b.keys else None


def answer_shown(a: Candidate, b: Candidate) -> str | None:
    """A short answer, or a cloze answer (any form of its name), printed anywhere else in the quiz."""
    for first, second in ((a, b), (b, a)):
        if any(_mentioned(n, second.shown) for n in first.hidden):
            return "one item prints the other's answer"
        if any(_mentioned(n, second.shown) for n in first.blanked):
            # A student reads the whole sheet: a blanked name printed by any other stem, statement, pair or
            # sentence (whatever it says about it) points to the bank entry that fills the blank.
            return "one item prints the other's blank"
    return None


def same_swap(a: Candidate, b: Candidate) -> str | None:
    """Two false statements made by one swap ('Blair' for 'Brown' twice) test one fact twice."""
    return "makes a false statement with the same swap" if a.swap and a.swap == b.swap else None


def link_shown(a: Candidate, b: Candidate) -> str | None:
    """One item prints both a name and the role another asks to connect to it ('Frank Field' and 'welfare minister')."""
    for first, second in ((a, b), (b, a)):
        if any(_mentioned(strip_honorific(name), second.shown) and _mentioned(cue, second.shown)
               for name, cue in first.links):
            return "one item prints the name and role the other asks for"
    return None


CONFLICT_RULES: tuple[Callable[[Candidate, Candidate], str | None], ...] = (
    same_sentence, same_fact, answer_shown, link_shown, same_swap)


def conflict(a: Candidate, b: Candidate) -> str | None:
    """Why two items cannot both be in one quiz, or None when they can."""
    for rule in CONFLICT_RULES:
        if (reason := rule(a, b)) is not None:
            return reason
    return None


def _pair_candidate(matching: Candidate, left: str, right: str, facts: FactSheet) -> Candidate:
    """One pair of a matching item, as if it were an item of its own."""
    item = replace(matching.item, pairs=((left, right),), question="")
    keys, _, links = _keys_of(item, None, facts, 0)
    return replace(matching, item=item, keys=frozenset(keys), links=tuple(links),
                   shown=_key(f"{left} {right}"), words=_content_words(f"{left} {right}"))


def _trim_matching(matching: Candidate, chosen: Candidate, facts: FactSheet) -> Candidate | None:
    """A matching item keeps the pairs the chosen item does not test (three at least), or gives way."""
    kept = tuple((left, right) for left, right in matching.item.pairs
                 if conflict(chosen, _pair_candidate(matching, left, right, facts)) is None)
    if len(kept) < 3:
        return None
    sources = []
    for left, _ in kept:
        entity = next((e for e in facts.entities if e.name == left), None)
        if entity is not None and entity.description_sentence is not None:
            sources.append(facts.sentences[entity.description_sentence].text)
    item = replace(matching.item, pairs=kept, answer="; ".join(f"{a} — {b}" for a, b in kept),
                   source=" ".join(dict.fromkeys(sources)) or matching.item.source)
    keys, _, links = _keys_of(item, None, facts, 0)
    return replace(matching, item=item, keys=frozenset(keys), links=tuple(links),
                   shown=_key(" ".join([item.question, *(f"{a} {b}" for a, b in kept)])))


def _lopsided_truth(candidate: Candidate, chosen: list[Candidate]) -> bool:
    """A statement that can only be true joins only while true ones outnumber false ones by less than two: a
    true/false section of true statements is answered by guessing."""
    if candidate.item.type != "true_false" or candidate.item.answer != "True":
        return False
    answers = [c.item.answer for c in chosen if c.item.type == "true_false"]
    return answers.count("True") >= answers.count("False") + _TRUE_MARGIN


def _after_choosing(best: Candidate, others: list[Candidate], facts: FactSheet,
                    passed_over: list[Dropped]) -> list[Candidate]:
    """The candidates that can still join a quiz holding `best`; the rest passed over with the rule they broke."""
    kept = []
    for other in others:
        reason = conflict(best, other)
        if reason is None:
            kept.append(other)
        elif other.item.type == "matching" and (trimmed := _trim_matching(other, best, facts)) is not None:
            kept.append(trimmed)  # the pairs the chosen item tests leave the matching item
        else:
            passed_over.append(Dropped(other.item.template, other.item.fact,
                                       f"not selected: {reason} as item {best.item.template}/{best.item.fact}"))
    return kept


_HEADLINE_SHARE = 0.75  # a sentence holding this share of the headline's words restates it


def restates_the_lede(candidate: Candidate, facts: FactSheet) -> bool:
    """A true statement of the article's first sentence, or of its headline, is answered by reading the title."""
    item = candidate.item
    if item.type != "true_false" or item.answer != "True" or len(candidate.sentences) != 1:
        return False
    sentence = min(candidate.sentences)
    title = {w.lower() for w in _TITLE_WORD.findall(facts.title)}
    said = {w.lower() for w in _TITLE_WORD.findall(facts.sentences[sentence].text)}
    return sentence == 0 or (len(title) >= 3 and len(title & said) >= _HEADLINE_SHARE * len(title))


def _without_trivial_lede(candidates: list[Candidate], facts: FactSheet,
                          passed_over: list[Dropped]) -> list[Candidate]:
    """Drop a true statement restating the lede or headline when another item can test that sentence."""
    kept = []
    for c in candidates:
        covered = any(o is not c and o.sentences & c.sentences for o in candidates)
        if covered and restates_the_lede(c, facts):
            passed_over.append(Dropped(c.item.template, c.item.fact, "a true statement restating the headline or "
                                                                     "first sentence, which another item tests"))
            continue
        kept.append(c)
    return kept


def plan_quiz(candidates: list[Candidate], facts: FactSheet, count: int) -> tuple[list[Item], list[Dropped]]:
    """At most `count` items that test distinct facts, best value first; fewer when the article gives fewer.

    A template's share is capped; the cap is lifted once (to `_LIFTED_SHARE`) only if the quiz would otherwise
    come out short.
    """
    passed_over: list[Dropped] = []
    remaining = sorted(_without_trivial_lede(candidates, facts, passed_over), key=lambda c: (-c.value, c.item.id))
    chosen: list[Candidate] = []
    per_template: Counter[str] = Counter()
    per_type: Counter[str] = Counter()
    paragraphs: set[int] = set()

    def value(c: Candidate) -> float:
        fresh = _NEW_PARAGRAPH_BONUS if c.item.paragraph not in paragraphs else 0.0
        return (c.value + fresh - _SAME_TEMPLATE_COST * per_template[c.item.template]
                - _SAME_TYPE_COST * per_type[c.item.type])

    deferred: list[Candidate] = []
    for share in (_TEMPLATE_SHARE, _LIFTED_SHARE):
        cap = max(2, round(count * share))
        remaining, deferred = remaining + deferred, []
        while remaining and len(chosen) < count:
            best = max(enumerate(remaining), key=lambda pair: (value(pair[1]), -pair[0]))[1]
            remaining.remove(best)
            if per_template[best.item.template] >= (min(cap, _CLOZE_CAP) if best.item.type == "cloze" else cap):
                deferred.append(best)
                continue
            if _lopsided_truth(best, chosen):
                passed_over.append(Dropped(best.item.template, best.item.fact, "not selected: the true/false items "
                                                                               "would be mostly true"))
                continue
            chosen.append(best)
            per_template[best.item.template] += 1
            per_type[best.item.type] += 1
            paragraphs.add(best.item.paragraph)
            remaining = _after_choosing(best, remaining, facts, passed_over)
            deferred = _after_choosing(best, deferred, facts, passed_over)
    for other in deferred:
        passed_over.append(Dropped(other.item.template, other.item.fact,
                                   "not selected: the quiz already has its share of this template"))
    for other in remaining:
        passed_over.append(Dropped(other.item.template, other.item.fact, "not selected: the quiz was full"))
    return [c.item for c in chosen], passed_over

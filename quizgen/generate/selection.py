"""Plan a quiz as a whole: each fact tested once, no item giving away another, key facts and paragraphs first.

Candidates are picked greedily by value. Once an item is chosen, every candidate that conflicts with it is passed
over with the name of the rule it broke (shown by `-v`). The conflict rules are small named functions
`(Candidate, Candidate) -> reason | None`, tested one by one.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from math import ceil
from typing import Any

from quizgen.generate.distractors import computable_from_sentence
from quizgen.generate.facts import Fact
from quizgen.generate.rules import first_reason
from quizgen.lang import en as lang_en
from quizgen.model import Dropped, Entity, FactSheet, Item, KeySentence, NumberFact
from quizgen.textutil import compiled, normalize, strip_honorific

# Extra value for an item resting on the opening sentences (the lede carries the story).
_LEDE_BONUS = (0.9, 0.6, 0.4, 0.2)
# … and on the key paragraphs by their place (the lede's and the five after it: what was decided, what it means,
# the reasons, who reacted, the figures the story is about), so they come before incidental detail however many
# sentences each holds. One per paragraph of `_KEY_PARAGRAPHS`; later paragraphs get none.
_PARAGRAPH_BONUS = (0.9, 0.8, 0.7, 0.6, 0.5, 0.4)
_NEW_PARAGRAPH_BONUS = 0.5  # spread the quiz over the key paragraphs
_SAME_TEMPLATE_COST = 0.45  # each item of a template already chosen makes the next one of it less welcome
_SAME_TYPE_COST = 0.2
_TEMPLATE_SHARE = 0.25  # no template above this share of the quiz (at least 2 items)
_LIFTED_SHARE = 0.35  # … lifted to this only when the quiz would otherwise come out short
_TEMPLATE_FLOOR = 3  # a template may always take this many items of a quiz shorter than asked
_TYPE_SHARE = 0.5  # no type above half the quiz …
_TYPE_FLOOR = 4  # … or four items, whichever is more
_REPLANS = 1  # plans once more for a quiz shorter than asked, so the caps fit its real size
# Items of one quiz that may offer one name as a wrong answer (an option, a false statement's swap) when no item has
# it for its answer: more makes it the quiz's stock distractor, which students learn to pass over. Once cost a
# who-said item on most articles (their speakers are few), so twice.
_FILLER_USES = 2
_CLOZE_CAP = 4  # cloze items share one word bank: a few, so each blank has its own kind of entries
_TRUE_ONLY_COST = 0.5  # a statement no safe swap can make false is worth a little less
# A true/false section a teacher would hand out: true statements at most about two thirds of it (one more than twice
# the false ones: 1 of 1, 3 of 4, 5 of 7), so a section of three or more holds a false one. Raters accept true and
# false statements alike (rounds 6-7: 79% and 76%); what a teacher rejects is a section answered by always saying
# "true". Stricter (true never above false + 1) left most key sentences untested: false ones are scarce. Negated main
# claims (extract/negation.py) would supply false ones, but raters accepted 40 of 77 of them (rounds 9-11), so the
# built-in template leaves them off (`negated_claims`) and this balance stays.
_TRUE_PER_FALSE = 2
_TRUE_ALONE = 1  # true statements a section may hold with no false one, while a false one may still join
_ALL_TRUE = 3  # … and once none can (the article gives none, or each tests a fact another item tests): a short section
_KEY_PARAGRAPHS = len(_PARAGRAPH_BONUS)  # the lede's paragraph and the five after it tell the story
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
    actors: frozenset[str] = frozenset()  # the entities its source sentences name (ids): who the event is about
    event: frozenset[str] = frozenset()  # the stems of its sources' ordinary words (names left out): what happens
    quotes: tuple[str, ...] = ()  # the quotations it prints (normalised, lower): one may settle another item
    fillers: frozenset[str] = frozenset()  # the names it offers as wrong: options, a false statement's swap (lower)
    on_key_paragraph: bool = False  # it rests on the lede's paragraph or one of the five after it (a key fact)
    swapped_out: str = ""  # the name or figure a false statement took out of its source ('Twitter', '2007')
    swap_context: frozenset[str] = frozenset()  # the actors its source names besides the one swapped out (ids)
    outcomes: frozenset[str] = frozenset()  # the kinds of outcome its source tells ('win', 'deny'): `same_outcome`
    swapped_out_rare: bool = False  # the name it swapped out is seldom in the article: printed anywhere, it stands out
    lead_actor: str = ""  # the entity its source names first (id): most often who acts ('Ebbers denied …')
    rare_years: frozenset[str] = frozenset()  # years its source prints that one other sentence at most prints
    denial: Denial | None = None  # a negated false statement's subject, verb and objects: `negation_settled`

    @staticmethod
    def of(item: Item, fact: Fact, facts: FactSheet) -> Candidate:
        """`item` as a candidate: the sentences and facts it tests, the answers it hides or blanks, what it shows,
        and its value (lede and headline bonus; less for a statement that can only be true)."""
        record = fact.record
        keys, sentences, links = _keys_of(item, record, facts, fact.sentence)
        if sentences:
            sentences |= _sentences_in(item.source, fact.sentence, facts)  # a quotation running over two
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
        actors, event = _actors_and_event(item.source, facts) if sentences else (frozenset(), frozenset())
        on_key_paragraph = bool(sentences) and _paragraph_place(min(sentences), facts) < _KEY_PARAGRAPHS
        return Candidate(item, frozenset(sentences), frozenset(keys), tuple(dict.fromkeys(hidden)),
                         tuple(dict.fromkeys(blanked)), _content_words(shown), _key(shown), tuple(links),
                         value, swapped_pair(item), actors, event, _quotations(item.source, shown),
                         frozenset(_one_name(n, facts) for n in _fillers(item)), on_key_paragraph,
                         **_what_may_settle_it(item, actors, facts, bool(sentences)))


def _what_may_settle_it(item: Item, actors: frozenset[str], facts: FactSheet, on_sentences: bool) -> dict[str, Any]:
    """The fields another item may give away: what a false statement swapped out and the context it stood in, the
    kinds of outcome its source tells and who it names first, and the rare years dating it."""
    swapped_out = swapped_out_name_or_figure(item)
    return {"swapped_out": swapped_out,
            "swap_context": (_actors_and_event(item.source.replace(swapped_out, " "), facts)[0] if swapped_out
                             else frozenset()),
            "swapped_out_rare": bool(swapped_out) and _seldom_named(swapped_out, facts),
            "outcomes": _outcomes(item.source) if on_sentences else frozenset(),
            "lead_actor": _named_first(item.source, actors, facts),
            "rare_years": _rare_years(item.source, facts),
            "denial": _denial(item, facts.entities)}


@dataclass(frozen=True)
class Denial:
    """What a negated false statement ('The South did not retaliate') denies: who (the names of the entity it names
    first, or the word before its auxiliary), the stem of its verb, and the stems of the words after it."""

    subject: tuple[str, ...]
    verb: str
    objects: frozenset[str]


# 'did not retaliate', 'has not been sold', 'cannot hold': the auxiliary, and the verb after the negation
_NEGATED = re.compile(r"(?<![\w'’])(\S+)\s+not\s+|(?<![\w'’])(?:cannot)\s+", re.IGNORECASE)
_NEGATION_WORD = re.compile(r"(?<![\w'’])(?:not|cannot)(?![\w'’])", re.IGNORECASE)
_PASSIVE_OR_PERFECT = frozenset({"be", "been", "being", "have", "had"})
_OBJECT_WORDS = 4  # words after the verb read as its object ('answer questions sent by e-mail')


def _denied_subject(before: str, entities: tuple[Entity, ...]) -> tuple[str, ...]:
    """The names of the entity named last before the negated auxiliary ('Officials said Ivo Brandt will not …'),
    else the word just before it when it is no pronoun or function word ('The South did not …')."""
    lowered = _key(before)
    places = [(max(lowered.rfind(_key(n)) for n in e.names), e) for e in entities if e.enabled and any(
        len(n) > 2 and _mentioned(n, lowered) for n in e.names)]
    if places:
        return tuple(max(places, key=lambda place: place[0])[1].names)
    words = _CONTENT_WORD.findall(normalize(before).lower())  # 'The South': a capital is no name of the article's
    last = words[-1] if words else ""
    return (last,) if len(last) > 2 and last not in _COMMON and last not in _NO_EVENT else ()


def _denial(item: Item, entities: tuple[Entity, ...]) -> Denial | None:
    """A true/false item whose stem holds a 'not'/'cannot' its source lacks: what it denies, else None."""
    if item.type != "true_false" or item.answer != "False":
        return None
    if len(_NEGATION_WORD.findall(item.question)) <= len(_NEGATION_WORD.findall(item.source)):
        return None
    found = _NEGATED.search(item.question)
    if found is None:
        return None
    after = [w for w in item.question[found.end():].split() if w.lower() not in _PASSIVE_OR_PERFECT]
    subject = _denied_subject(item.question[:found.start()], entities)
    if not subject:
        return None
    verb = next(iter(_stems(after[0])), "") if after else ""
    return Denial(subject, verb, _stems(" ".join(after[1:1 + _OBJECT_WORDS])))


_NAME_OPTION = re.compile(r"^[A-Z][^\d]*$")  # a name ("Wayne Rooney", "the BBC" is left out), never a figure


def _fillers(item: Item) -> frozenset[str]:
    """The names an item offers as wrong answers: the options other than the answer, and the name a false
    statement swapped in. One name used as filler in several items is the quiz's stock distractor."""
    wrong = [o for o in item.options if o != item.answer and _NAME_OPTION.match(o)] if item.type == "mcq" else []
    if item.type == "true_false" and item.answer == "False":
        wrong += _swapped_in(item)
    return frozenset(strip_honorific(w).lower() for w in wrong)


def _one_name(name: str, facts: FactSheet) -> str:
    """One form for every name of one referent ('Rooney', 'Wayne Rooney' → 'wayne rooney'), lower case."""
    bare = strip_honorific(name).lower()
    entity = next((e for e in facts.entities if bare in (strip_honorific(n).lower() for n in e.names)), None)
    if entity is None and " " not in bare:  # a surname alone: the one person of the article who bears it
        people = [e for e in facts.entities if e.type == "PERSON" and e.name.lower().split()[-1] == bare]
        entity = people[0] if len(people) == 1 else None
    return entity.name.lower() if entity is not None else bare


def _swapped_in(item: Item) -> list[str]:
    """The name a false statement put in place of the article's ('Brown' in place of 'Blair'), if it swapped one."""
    source, stem = item.source.split(), item.question.split()
    changes = [op for op in difflib.SequenceMatcher(None, source, stem, autojunk=False).get_opcodes()
               if op[0] != "equal"]
    if len(changes) != 1 or changes[0][0] != "replace":
        return []
    new = " ".join(stem[changes[0][3]:changes[0][4]]).strip(".,;:!?'’\"“”")
    return [new] if _NAME_OPTION.match(new) else []


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


_NAME_OR_FIGURE = re.compile(r"[A-Z\d]")  # a swapped-out word a student could spot printed elsewhere


def swapped_out_name_or_figure(item: Item) -> str:
    """The name or figure of its source a false statement replaced ('Twitter' in '… trended on Google'; '2007' in
    'Since 2009 …'), when it made one replacement of a name or figure; '' otherwise."""
    if item.type != "true_false" or item.answer != "False":
        return ""
    source, stem = item.source.split(), item.question.split()
    changes = [op for op in difflib.SequenceMatcher(None, source, stem, autojunk=False).get_opcodes()
               if op[0] != "equal"]
    if len(changes) != 1 or changes[0][0] != "replace":
        return ""
    start, end = changes[0][1:3]
    if re.fullmatch(r"\d{1,2}", source[start]) and end == start + 1 and end < len(source):
        end += 1  # '10 percent', not '10': a short bare figure stands for many things ('10 Canadian dollars')
    old = re.sub(r"['’]s$", "", " ".join(source[start:end]).strip(".,;:!?'’\"“”"))
    return old if _NAME_OR_FIGURE.match(old) else ""


_SELDOM = 2  # mentions of a name in the article, at most, for it to stand out wherever another item prints it


def _seldom_named(name: str, facts: FactSheet) -> bool:
    """A name the article mentions once or twice ('Twitter' beside a story about a student): another item printing
    it tells a student which name a false statement took out."""
    bare = _key(name)
    entity = next((e for e in facts.entities if any(_key(n) == bare for n in e.names)), None)
    return entity is not None and entity.mentions <= _SELDOM


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


_BARE_FIGURE = 3  # characters a bare figure needs to be read as this one ('15,000', '2027'; not '10' of '10 metres')


def _figure_forms(answer: str) -> list[str]:
    """'about 15,000' → ['about 15,000', '15,000']: the figure as another stem may print it. A short bare number
    ('10' of '10 metres') stands for many things ('10 customers'), so only the figure as written counts."""
    digits = re.search(r"\d[\d,.]*\d|\d", answer)
    return [answer, digits.group(0)] if digits and len(digits.group(0)) >= _BARE_FIGURE else [answer]


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


_HEADLINE_BONUS = 1.2  # times the share of the headline's words a sentence holds: the fact the story exists for


def _paragraph_place(sentence: int, facts: FactSheet) -> int:
    """Which paragraph of the article (0 for the first that holds a sentence) the sentence stands in."""
    paragraphs = sorted({s.paragraph for s in facts.sentences})
    return paragraphs.index(facts.sentences[sentence].paragraph)


def _key_fact_bonus(sentence: int, facts: FactSheet) -> float:
    """Extra value for the lede's sentences, for the first paragraphs after it, and for the sentences telling the
    headline's fact (two of its words at least, more for more)."""
    place = _paragraph_place(sentence, facts)
    bonus = max(_LEDE_BONUS[sentence] if sentence < len(_LEDE_BONUS) else 0.0,
                _PARAGRAPH_BONUS[place] if place < len(_PARAGRAPH_BONUS) else 0.0)
    title_words = {w.lower() for w in _TITLE_WORD.findall(facts.title)}
    shared = title_words & {w.lower() for w in _TITLE_WORD.findall(facts.sentences[sentence].text)}
    return bonus + (_HEADLINE_BONUS * len(shared) / len(title_words) if len(shared) >= 2 else 0.0)


_CONTENT_WORD = re.compile(r"(?<![A-Za-z'’-])[a-z][a-z'’-]{3,}")
_COMMON = frozenset("that this with from have been were will would could should their there they said says which "
                    "about after also into more most other over some than them then these those when where while "
                    "what year years article".split())
# Words that tell nothing about what happens: two sentences sharing them share no event.
_NO_EVENT = frozenset("told added according just only very much many such being made make like well last first "
                      "second time week month today yesterday people including because however already also still "
                      "even the and for but was has had are not its his her who new one two out off all any can may "
                      "did does got own how why now yet per via our you she him they".split())
_STEM = 5
_SHARED_CONTEXT = 2  # content words two stems share before a name in one is read as the other's answer in context


def _content_words(text: str) -> frozenset[str]:
    """The ordinary words of a text (names left out: a name shared by two stems is not a shared context)."""
    return frozenset(w for w in _CONTENT_WORD.findall(normalize(text)) if w not in _COMMON)


def _sentences_in(source: str, sentence: int, facts: FactSheet) -> set[int]:
    """The article sentences next to `sentence` that an item's source line also prints (a quotation's attribution
    in the sentence after it)."""
    near = range(max(0, sentence - 1), min(len(facts.sentences), sentence + 2))
    return {i for i in near if facts.sentences[i].text in source}


# 'won', 'cut', 'led' tell what happened; a word in quotation marks (''racist'') too, never a piece of one ("'ll").
_EVENT_WORD = re.compile(r"(?<![A-Za-z-])(?<![A-Za-z]['’])[a-z][a-z'’-]{2,}")


def _stems(text: str) -> frozenset[str]:
    """The ordinary words of a text cut to five letters ('rescued', 'rescue' → 'rescu'), names left out."""
    words = (w.rstrip("'’") for w in _EVENT_WORD.findall(normalize(text)))
    return frozenset(w[:_STEM] for w in words if w not in _COMMON and w not in _NO_EVENT)


def _actors_and_event(source: str, facts: FactSheet) -> tuple[frozenset[str], frozenset[str]]:
    """Who a source line is about (the ids of the entities it names) and what happens in it (the stems of its
    ordinary words, the names' own words left out)."""
    actors: set[str] = set()
    name_words: set[str] = set()
    lowered = _key(source)
    for entity in facts.entities:
        # A plain substring test first: most names are not in the line, and the word-boundary check is dearer.
        named = entity.enabled and any(len(n) > 2 and _key(n) in lowered and _mentioned(n, lowered)
                                       for n in entity.names)
        if named:
            actors.add(entity.id)
            name_words |= {w.lower()[:_STEM] for n in entity.names for w in n.split()}
    return frozenset(actors), _stems(source) - name_words


def _named_first(source: str, actors: frozenset[str], facts: FactSheet) -> str:
    """Of the entities a source line names, the one it names first (id), '' for none."""
    lowered = _key(source)
    at = {e.id: min((m.start() for n in e.names if len(n) > 2
                     for m in [compiled(rf"(?<!\w){re.escape(_key(n))}(?!\w)").search(lowered)] if m), default=-1)
          for e in facts.entities if e.id in actors}
    found = sorted((place, ident) for ident, place in at.items() if place >= 0)
    return found[0][1] if found else ""


_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])(?:1[5-9]\d\d|20\d\d)(?!\d|[,.]\d)")  # never part of '2,011,500'
_RARE_YEAR = 2  # sentences of the article, at most, printing a year for it to date one thing ('since 2007')


def _rare_years(source: str, facts: FactSheet) -> frozenset[str]:
    """The years a source line prints that at most one other sentence of the article prints: a year a story prints
    everywhere ('the 2016 campaign') dates nothing in particular."""
    years = set(_YEAR_IN_TEXT.findall(source))
    return frozenset(y for y in years
                     if sum(1 for s in facts.sentences if y in _YEAR_IN_TEXT.findall(s.text)) <= _RARE_YEAR)


_QUOTATION = re.compile(r'"([^"]+)"')
_QUOTE_WORDS = 3  # a quotation this long, printed by one item, may settle what another asks


def _quotations(source: str, shown: str) -> tuple[str, ...]:
    """The article's quotations (of `_QUOTE_WORDS` words or more) that an item prints."""
    printed = _key(shown)
    quotations = (q.strip(" ,.;:!?") for q in _QUOTATION.findall(_key(source)))
    return tuple(q for q in quotations if len(q.split()) >= _QUOTE_WORDS and q in printed)


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
    """A short answer printed anywhere else; a cloze answer (the word bank lists it) printed by any other item; the
    name a 'which name completes' item asks for printed as another item's source ('according to X') or in a stem
    about the same thing."""
    for first, second in ((a, b), (b, a)):
        if any(_mentioned(n, second.shown) for n in first.hidden):
            return "one item prints the other's answer"
        printed = [n for n in first.blanked if _mentioned(n, second.shown)]
        if printed and (_word_bank_answer(first) or second.item.type in {"cloze", "matching"}
                        or len(first.words & second.words) >= _SHARED_CONTEXT
                        or any(_attributed(n, second.shown) for n in printed)):
            # A cloze answer printed anywhere ties it to the story beside a word bank that lists it; a name with
            # options is given away in context, or as the source another item quotes.
            return "one item prints the other's blank"
    return None


def _word_bank_answer(candidate: Candidate) -> bool:
    return candidate.item.type == "cloze"


@functools.lru_cache(maxsize=1)
def _attribution() -> tuple[str, str]:
    table = lang_en.table("attribution")
    return tuple("|".join(re.escape(w.lower()) for w in table[side]) for side in ("before_name", "after_name"))


def _attributed(name: str, shown: str) -> bool:
    """'according to X', 'X said', 'said X': the stem prints the name as the source of what it says."""
    before, after = _attribution()
    key = re.escape(_key(name))
    pattern = rf"(?<!\w)(?:{before}) (?:the )?{key}(?!\w)|(?<!\w){key},? (?:{after})(?!\w)"
    return compiled(pattern).search(shown) is not None


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


# Words of what happens two sentences share, besides two actors, to tell one event. Two ('must', 'publish') left
# out sentences on the same people telling other facts (the accounts; the plans for the quay); three tell one.
_EVENT_STEMS = 3
_EVENT_STEMS_ONE_ACTOR = 4  # … or besides one actor


def same_event(a: Candidate, b: Candidate) -> str | None:
    """Two sentences telling one event (the same actors, the same happening: 'Moya beat Roddick' in the lede and
    again in the report of the match) test one fact twice."""
    actors, event = a.actors & b.actors, a.event & b.event
    if (len(actors) >= 2 and len(event) >= _EVENT_STEMS) or (actors and len(event) >= _EVENT_STEMS_ONE_ACTOR):
        return "tests the same event as told in another sentence"
    return None


@functools.lru_cache(maxsize=1)
def _outcome_words() -> dict[str, frozenset[str]]:
    """Each kind of outcome and its words, whole ('won', 'beat'; 'denied', 'denies'): cut to five letters,
    'conference' would read as 'confessed' and 'election' as 'elected'."""
    return {kind: frozenset(w.lower() for w in words) for kind, words in lang_en.table("outcome_words").items()}


def _outcomes(text: str) -> frozenset[str]:
    words = set(_EVENT_WORD.findall(text.lower()))
    return frozenset(kind for kind, group in _outcome_words().items() if words & group)


def _outcome_stems(kinds: frozenset[str]) -> frozenset[str]:
    return frozenset(w[:_STEM] for kind in kinds for w in _outcome_words()[kind])


def same_outcome(a: Candidate, b: Candidate) -> str | None:
    """Two sentences telling how one thing turned out for one actor ('Ebbers denied the charges' and 'Ebbers, who
    denies all charges'; 'the film won the award' and 'the film beat its rivals to the award'): both name that actor
    first (who acts, most often: 'Kasich won …' and 'For Trump, … a win' are two wins), a word of one kind of outcome
    each, and one more word of what happened in common. `same_event` wants more shared words, which a
    story told twice in other words does not share."""
    kinds = a.outcomes & b.outcomes
    if not kinds or not a.lead_actor or a.lead_actor != b.lead_actor:
        return None
    if (a.event & b.event) - _outcome_stems(kinds):
        return "tells the same outcome for the same actor as another sentence"
    return None


def swap_undone(a: Candidate, b: Candidate) -> str | None:
    """A false statement made by swapping a name or figure out ('… trended on Google' for Twitter) is settled by
    another item printing the swapped-out one in the same context (the same actor besides it, or a word of what
    happened), or anywhere when the article names it once or twice ('the Twitter attention …')."""
    for first, second in ((a, b), (b, a)):
        # A statement's own words as true: a false one's swapped-in figure ('in 1956' for 1959) asserts nothing.
        printed = _key(second.item.source) if second.item.type == "true_false" else second.shown
        if not first.swapped_out or not _mentioned(first.swapped_out, printed):
            continue
        if first.swapped_out_rare or first.swap_context & second.actors or first.event & second.event:
            return "prints the name or figure the other's false statement swapped out"
    return None


def date_shown(a: Candidate, b: Candidate) -> str | None:
    """A true statement dating something ('Since 2011, the program has reached 4,000 pupils') is settled by another
    item printing that year of the same thing ('In 2011, … began a program'): a year the article prints in two
    sentences at most, and a word of what happened in common."""
    for first, second in ((a, b), (b, a)):
        if not _is_true_statement(first) or not first.rare_years:
            continue
        if any(_mentioned(y, second.shown) for y in first.rare_years) and first.event & second.event:
            return "prints the year the other's statement dates its fact by"
    return None


def year_given_by_figures(a: Candidate, b: Candidate) -> str | None:
    """'Which figure completes … died in ___?' is answered by another item printing 'In 2011, 20 years after her
    death': a year and a span of years whose difference is the answer."""
    for first, second in ((a, b), (b, a)):
        answer = first.item.answer
        if first.item.type != "mcq" or not _YEAR_ANSWER.fullmatch(answer) or not any(
                k.startswith("n:") for k in first.keys):
            continue
        year = NumberFact("", answer, "year", 0, value=float(answer))
        if computable_from_sentence(year, second.shown):
            return "prints the figures that give the other's year"
    return None


_YEAR_ANSWER = re.compile(r"1[5-9]\d\d|20\d\d")


def _asked_people(candidate: Candidate) -> set[str]:
    return {k[2:] for k in candidate.keys if k.startswith("a:")}


def _matched_people(candidate: Candidate) -> set[str]:
    return {k[2:] for k in candidate.keys if k.startswith("e:")} if candidate.item.type == "matching" else set()


def asks_for_a_matched_person(a: Candidate, b: Candidate) -> str | None:
    """A who-said (or any item asking for a name) and a matching item listing that person test them twice: the
    matching item prints the name beside the role the other item's answer turns on."""
    for first, second in ((a, b), (b, a)):
        if first.item.type != "matching" and _asked_people(first) & _matched_people(second):
            return "asks for a person the matching item lists"
    return None


def _is_who_said(candidate: Candidate) -> bool:
    return candidate.item.type == "mcq" and any(k.startswith("Quote:") for k in candidate.keys)


def speaker_shown(a: Candidate, b: Candidate) -> str | None:
    """'Who said “…”?' is answered by another item that prints the speaker beside the quotation's own words."""
    for first, second in ((a, b), (b, a)):
        if not _is_who_said(first) or second.item.type == "matching":
            continue
        words = frozenset().union(*(_stems(q) for q in first.quotes))
        printed = frozenset(w[:_STEM] for w in second.words)
        if any(_mentioned(n, second.shown) for n in _names_in_keys(first)) and len(words & printed) >= 2:
            return "one item prints who said the other's quotation"
    return None


def _names_in_keys(candidate: Candidate) -> tuple[str, ...]:
    return (candidate.item.answer, *candidate.blanked)


def quote_settles_statement(a: Candidate, b: Candidate) -> str | None:
    """A quotation one item prints ('The fund stands ready to help') settles a true/false statement another item
    makes of the same thing."""
    for first, second in ((a, b), (b, a)):
        if second.item.type != "true_false" or not first.quotes:
            continue
        source = _key(second.item.source)
        for quote in first.quotes:
            shared = _stems(quote) & second.event
            if quote in source or len(shared) >= 3 or (first.actors & second.actors and len(shared) >= 2):
                return "one item prints a quotation that settles the other's statement"
    return None


def negation_settled(a: Candidate, b: Candidate) -> str | None:
    """A negated false statement ('Blair will not answer questions') is settled by another item printing its
    subject with its verb or an object ('Blair will take questions sent by e-mail'; 'both Koreas exchanged fire'
    beside 'the South did not retaliate' shares the subject and the fire)."""
    for first, second in ((a, b), (b, a)):
        denial = first.denial
        if denial is None or not any(_mentioned(n, second.shown) for n in denial.subject):
            continue
        printed = _stems(second.shown)
        if (denial.verb and denial.verb in printed) or denial.objects & printed:
            return "prints the fact the other's negated statement denies"
    return None


CONFLICT_RULES: tuple[Callable[[Candidate, Candidate], str | None], ...] = (
    same_sentence, same_fact, answer_shown, link_shown, same_swap, same_event, same_outcome, swap_undone,
    year_given_by_figures, date_shown, asks_for_a_matched_person, speaker_shown, quote_settles_statement,
    negation_settled)


def conflict(a: Candidate, b: Candidate) -> str | None:
    """Why two items cannot both be in one quiz, or None when they can."""
    return first_reason(CONFLICT_RULES, a, b)


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


def _is_true_statement(candidate: Candidate) -> bool:
    return candidate.item.type == "true_false" and candidate.item.answer == "True"


def _is_false_statement(candidate: Candidate) -> bool:
    return candidate.item.type == "true_false" and candidate.item.answer == "False"


def too_many_true(candidate: Candidate, chosen: list[Candidate], false_ones_exist: bool = True) -> bool:
    """A true statement joins while true ones stay at most about two thirds of the true/false section (one more
    than twice the false ones); otherwise it waits for a false one to join. When no false statement can join
    any more, there is nothing to wait for: the section may be all true, but short (`_ALL_TRUE`)."""
    if not _is_true_statement(candidate):
        return False
    answers = [c.item.answer for c in chosen if c.item.type == "true_false"]
    allowed = _TRUE_PER_FALSE * answers.count("False") + (_TRUE_ALONE if false_ones_exist else _ALL_TRUE)
    return answers.count("True") + 1 > allowed


def _gives_way(matching: Candidate, other: Candidate, facts: FactSheet) -> bool:
    """A matching item gives way to an item testing one of its people on their own (a who-said, a role question):
    it can drop the pairs that item tests and keep three."""
    if matching.item.type != "matching" or other.item.type == "matching":
        return False
    trimmed = _trim_matching(matching, other, facts)
    return trimmed is not None and conflict(trimmed, other) is None


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
        elif _gives_way(best, other, facts):
            kept.append(other)  # the chosen matching item will drop the pairs this one tests, if it joins
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
    return sentence == 0 or (sentence < len(facts.sentences)
                             and restates_headline(facts.sentences[sentence].text, facts.title))


_STEM_LETTERS = 5  # 'acknowledges' and 'acknowledged', 'misspoke' and 'misspoken' share their first five letters


def _word_stems(text: str) -> set[str]:
    return {re.sub(r"['’]s$", "", w.lower())[:_STEM_LETTERS] for w in _TITLE_WORD.findall(text)}


def restates_headline(text: str, title: str) -> bool:
    """The sentence holds most of the headline's words (three at least), in any of their forms ('acknowledges',
    'acknowledged')."""
    headline, said = _word_stems(title), _word_stems(text)
    return len(headline) >= 3 and len(headline & said) >= _HEADLINE_SHARE * len(headline)


def _without_trivial_lede(candidates: list[Candidate], facts: FactSheet,
                          passed_over: list[Dropped]) -> list[Candidate]:
    """Drop every true statement restating the lede or headline: answered from the title alone, it tests nothing
    (TRIVIAL), even when no other item tests that sentence. Such a sentence is tested false or not at all."""
    kept = []
    for c in candidates:
        if restates_the_lede(c, facts):
            passed_over.append(Dropped(c.item.template, c.item.fact, "a true statement restating the headline or "
                                                                     "first sentence, answered from the title alone"))
            continue
        kept.append(c)
    return kept


_BLOCKING_COST = 0.3  # less value for each other sentence whose items print a name this one blanks
_MAX_BLOCKING_COST = 1.5


def _priced_by_what_they_block(candidates: list[Candidate]) -> list[Candidate]:
    """A cloze blank on a name the article prints in many sentences shuts out every item printing it ('one item
    prints the other's blank'): such a candidate is worth less, by the sentences it would shut out."""
    priced = []
    for c in candidates:
        if not _word_bank_answer(c):
            priced.append(c)
            continue
        blocked = {min(o.sentences) for o in candidates if o.sentences and not o.sentences & c.sentences
                   and any(_mentioned(n, o.shown) for n in c.blanked)}
        priced.append(replace(c, value=c.value - min(_MAX_BLOCKING_COST, _BLOCKING_COST * len(blocked))))
    return priced


_WHO_IS_WHO_TAGS = frozenset({"quotes", "roles"})


def _who_is_who(c: Candidate) -> bool:
    """Who said it, who holds which role: items of these templates test one topic (the people), so together they
    take no more of a quiz than one type may."""
    return bool(_WHO_IS_WHO_TAGS & set(c.item.tags))


@dataclass
class _Plan:
    """A quiz being planned: what is chosen, what waits, and the caps on one template and one type."""

    facts: FactSheet
    count: int
    template_cap: int
    type_cap: int
    chosen: list[Candidate] = field(default_factory=list)
    per_template: Counter[str] = field(default_factory=Counter)
    per_type: Counter[str] = field(default_factory=Counter)
    paragraphs: set[int] = field(default_factory=set)
    passed_over: list[Dropped] = field(default_factory=list)
    waiting_truth: list[Candidate] = field(default_factory=list)  # true statements waiting for a false one
    false_ones_exist: bool = True  # a false statement may still join, so a true one waits for it
    key_over_caps: bool = False  # the last pass: an item on a key paragraph joins over the caps
    fillers: Counter[str] = field(default_factory=Counter)  # names offered as wrong answers, and in how many items
    answers: set[str] = field(default_factory=set)  # the chosen items' answers, one form per referent

    def stock_filler(self, c: Candidate) -> str | None:
        """A name `c` offers as a wrong answer that the quiz's items already offer `_FILLER_USES` times, and that no
        chosen item has for its answer: a speaker of one who-said item is fairly an option of the others, a name
        that is only ever wrong is a stock distractor."""
        return next((name for name in sorted(c.fillers - self.answers) if self.fillers[name] >= _FILLER_USES), None)

    def value(self, c: Candidate) -> float:
        fresh = _NEW_PARAGRAPH_BONUS if c.on_key_paragraph and c.item.paragraph not in self.paragraphs else 0.0
        return (c.value + fresh - _SAME_TEMPLATE_COST * self.per_template[c.item.template]
                - _SAME_TYPE_COST * self.per_type[c.item.type])

    def full_for(self, c: Candidate) -> bool:
        """The quiz already holds its share of this template, this type, or of who-is-who items."""
        cap = min(self.template_cap, _CLOZE_CAP) if c.item.type == "cloze" else self.template_cap
        who = _who_is_who(c) and sum(map(_who_is_who, self.chosen)) >= self.type_cap
        return self.per_template[c.item.template] >= cap or self.per_type[c.item.type] >= self.type_cap or who

    def opens_a_paragraph(self, c: Candidate) -> bool:
        """An item from a paragraph the quiz does not test yet: coverage comes before the mix."""
        return bool(c.sentences) and c.item.paragraph not in self.paragraphs

    def held_back(self, c: Candidate) -> bool:
        """Kept out by a cap: the quiz holds its share of the item's template or type, and the item is incidental
        detail (after the key paragraphs), or rests on a key paragraph the quiz already tests while the capped
        passes are not over. A key sentence left untested costs a quiz more than a second item of one kind; the
        raters' "mostly true/false" and "number-heavy" come from incidental items, which the caps still hold back
        however many paragraphs they would open."""
        if not self.full_for(c):
            return False
        return not (c.on_key_paragraph and (self.key_over_caps or self.opens_a_paragraph(c)))

    def make_way(self, best: Candidate) -> None:
        """A chosen matching item drops the pairs `best` tests, or leaves the quiz when fewer than three remain."""
        for c in [c for c in self.chosen if c.item.type == "matching" and conflict(c, best) is not None]:
            trimmed = _trim_matching(c, best, self.facts)
            if trimmed is not None and conflict(trimmed, best) is None:
                self.chosen[self.chosen.index(c)] = trimmed
                continue
            self.chosen.remove(c)
            self.per_template[c.item.template] -= 1
            self.per_type[c.item.type] -= 1
            self.passed_over.append(Dropped(c.item.template, c.item.fact, "not selected: gave way to items testing "
                                            f"its people on their own, as item {best.item.template}/{best.item.fact}"))

    def take(self, best: Candidate, remaining: list[Candidate], deferred: list[Candidate]
             ) -> tuple[list[Candidate], list[Candidate]]:
        self.make_way(best)
        self.chosen.append(best)
        self.per_template[best.item.template] += 1
        self.per_type[best.item.type] += 1
        self.paragraphs.add(best.item.paragraph)
        self.fillers.update(best.fillers)
        self.answers.add(_one_name(best.item.answer, self.facts))
        if best.item.type == "true_false" and best.item.answer == "False":
            # A false statement makes room for a true one that had to wait.
            remaining, self.waiting_truth = remaining + self.waiting_truth, []
        return (_after_choosing(best, remaining, self.facts, self.passed_over),
                _after_choosing(best, deferred, self.facts, self.passed_over))

    def fill(self, remaining: list[Candidate]) -> list[Candidate]:
        """Choose greedily by value until the quiz is full; returns the candidates deferred by a cap."""
        deferred: list[Candidate] = []
        while remaining and len(self.chosen) < self.count:
            best = max(enumerate(remaining), key=lambda pair: (self.value(pair[1]), -pair[0]))[1]
            remaining.remove(best)
            if (name := self.stock_filler(best)) is not None:
                self.passed_over.append(Dropped(best.item.template, best.item.fact, f"not selected: offers "
                                                f"'{name}' as a wrong answer, as {_FILLER_USES} items already do"))
            elif self.held_back(best):
                deferred.append(best)
            elif too_many_true(best, self.chosen, self.false_ones_exist):
                self.waiting_truth.append(best)
            else:
                remaining, deferred = self.take(best, remaining, deferred)
        return deferred + remaining

    def close(self, left: list[Candidate]) -> list[Dropped]:
        reasons = [(self.waiting_truth, "not selected: the true/false items would be mostly true")]
        full = len(self.chosen) >= self.count
        reasons.append((left, "not selected: the quiz was full" if full else
                        "not selected: the quiz already has its share of this template or type"))
        for group, reason in reasons:
            self.passed_over.extend(Dropped(c.item.template, c.item.fact, reason) for c in group)
        return self.passed_over


def _plan_once(candidates: list[Candidate], facts: FactSheet, count: int, size: int
               ) -> tuple[list[Candidate], list[Dropped]]:
    """One greedy plan with caps for a quiz of `size` items: a template's share is capped, lifted once (to
    `_LIFTED_SHARE`) if the quiz would otherwise come out short; one type never above `_TYPE_SHARE`. If it is still
    short, a last pass lets items on key paragraphs join over the caps (incidental ones stay out)."""
    floor = 2 if size >= count else _TEMPLATE_FLOOR  # a short quiz still takes a few of its best template
    plan = _Plan(facts, count, max(floor, round(size * _TEMPLATE_SHARE)), max(_TYPE_FLOOR, ceil(size * _TYPE_SHARE)))
    left = plan.fill(list(candidates))
    plan.template_cap = max(floor, round(size * _LIFTED_SHARE))
    left = plan.fill(left)
    plan.key_over_caps = True
    left = plan.fill(left)
    if not any(map(_is_false_statement, plan.chosen)):
        # No false statement joined, so none will: the true ones stop waiting (a short section of them).
        plan.false_ones_exist = False
        waiting, plan.waiting_truth = plan.waiting_truth, []
        left = plan.fill(waiting + left)
    return plan.chosen, plan.close(left)


def plan_quiz(candidates: list[Candidate], facts: FactSheet, count: int) -> tuple[list[Item], list[Dropped]]:
    """At most `count` items that test distinct facts, best value first; fewer when the article gives fewer.

    The caps on one template's and one type's share are set for the quiz's real size: when the article gives
    fewer items than asked, the quiz is planned again with caps for the size it came to, so that a short quiz is
    not all true/false or all who-said.
    """
    lede_dropped: list[Dropped] = []
    pool = _priced_by_what_they_block(_without_trivial_lede(candidates, facts, lede_dropped))
    pool.sort(key=lambda c: (-c.value, c.item.id))
    size = count
    chosen, passed_over = _plan_once(pool, facts, count, size)
    for _ in range(_REPLANS):
        if len(chosen) >= size:
            break
        size = len(chosen)
        chosen, passed_over = _plan_once(pool, facts, count, size)
    return [c.item for c in chosen], lede_dropped + passed_over

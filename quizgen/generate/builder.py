"""Build candidate items from templates and facts, check them, and plan a quiz from them."""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from quizgen.generate.antecedents import resolve_opening
from quizgen.generate.blanks import ArticleProfile, Blank, blank_problem, profile
from quizgen.generate.contrasts import contrasted
from quizgen.generate.distractors import (
    cut_short,
    entity_distractors,
    figure_importance,
    fine_kind,
    garbled_name,
    gender_fits,
    incidental_figure,
    likely_gender,
    mentioned_in,
    no_options_reason,
    number_distractors,
    number_sort_key,
    overlaps,
    same_referent,
    shown_dead,
    speaker_kind,
    speaker_option_problem,
)
from quizgen.generate.facts import Fact, facts_for, role_as_written
from quizgen.generate.quality import check_item
from quizgen.generate.rules import first_reason
from quizgen.generate.selection import Candidate, plan_quiz, restates_headline, swapped_pair
from quizgen.generate.sides import role_head, same_side, sides
from quizgen.generate.standalone import (
    drop_linking_opener,
    earlier_referent,
    misspelt_name,
    quote_without_subject,
    role_problem,
    sentence_problem,
    spelling_slips,
    tidy,
    vague_subject,
)
from quizgen.lang import en as lang_en
from quizgen.model import (
    TYPE_ORDER,
    Dropped,
    Entity,
    FactSheet,
    Gloss,
    Item,
    KeySentence,
    NumberFact,
    Quiz,
    Quote,
    WhQuestion,
    build_cloze,
)
from quizgen.templates import Template, a_an, evaluate, render
from quizgen.textutil import compiled, normalize, stable_id, strip_honorific, with_honorific
from quizgen.versions import balance_answer_positions

BLANK = "_____"
# Verbs that introduce words a person did not necessarily say ("thinks the answer lies between 'A' and 'B'").
_NOT_SPEECH_CUES = {"be", "is", "are", "was", "were", "think", "thinks", "thought", "believe", "believes", "feel",
                    "feels", "hope", "hopes"}
_COMPLETABLE = {"PERSON", "ORG", "GPE", "LOC", "EVENT"}
_PERSON_ORDER = {"PERSON": 1, "ORG": 2, "EVENT": 3, "WORK_OF_ART": 3, "LAW": 3, "PRODUCT": 3}


class _DropError(Exception):
    """Raised while building a candidate that cannot become a good item."""


_NAME_INDEX: dict[int, tuple[FactSheet, dict[str, Entity]]] = {}


def _entity_named(facts: FactSheet, name: str) -> Entity | None:
    """The entity one of whose names is `name` (honorific aside); looked up in an index built once per sheet."""
    cached = _NAME_INDEX.get(id(facts))
    if cached is None or cached[0] is not facts:
        index: dict[str, Entity] = {}
        for entity in facts.entities:
            for n in entity.names:
                index.setdefault(n.lower(), entity)
        if len(_NAME_INDEX) > 8:
            _NAME_INDEX.clear()
        cached = _NAME_INDEX[id(facts)] = (facts, index)
    return cached[1].get(strip_honorific(name).lower())


def _commentator_nouns() -> frozenset[str]:
    return lang_en.word_set("roles", "commentator_nouns")


# --- descriptions ("Name the person the article describes as …") -----------------------------------------------

def _main_subject_described(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    if entity.id in article.main_subjects:
        return "the article's main subject: the question answers itself"
    return None


def _one_word_role(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    words = (entity.description or "").lower().replace("the ", "").split()
    return "a one-word role fits many people" if len(words) < 2 else None


def _role_core(description: str) -> tuple[str, ...]:
    """The last two words of a role: 'the former prime minister' → ('prime', 'minister'); 'a judge' → ('judge',)."""
    words = [w for w in description.lower().replace(",", " ").split() if w not in {"the", "a", "an", "former"}]
    return tuple(words[-2:])


def _shared_role(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """Two people the article calls 'prime minister': the role does not single out one (a welfare minister and a
    transport minister are told apart)."""
    core = _role_core(entity.description or "")
    others = [e for e in facts.entities if e.enabled and e.id != entity.id and e.description
              and _role_core(e.description) == core]
    return f"the article gives the role '{' '.join(core)}' to {others[0].name} too" if others and core else None


def _commentator(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    return _commentator_role(entity)


def _commentator_role(entity: Entity) -> str | None:
    head = (entity.description or "").lower().strip(" ,.").split()[-1:]
    if entity.type == "PERSON" and head and head[0] in _commentator_nouns():
        return f"{a_an(head[0])} who only comments on the story"
    return None


def _cut_short(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """'John Kerry, the Democratic nominee that year,': a description the sentence goes on qualifying (here, with
    the year) was cut short, and may name someone else's role."""
    if entity.description is None or entity.description_sentence is None:
        return None
    text = facts.sentences[entity.description_sentence].text
    at = text.lower().find(entity.description.lower())
    if at < 0:
        return None
    rest = text[at + len(entity.description):]
    if re.match(r"^\s*(?:$|[,.;:)—–-]|\s(?:who|whose|which|said|says)\b)", rest) or any(
            rest.lstrip().startswith(n) for n in entity.names) or re.match(r"^\s*(?:Mr|Mrs|Ms|Dr)\b", rest):
        return None
    return "the sentence goes on qualifying the role, so the description was cut short"


_LEDE_SENTENCES = 2  # the opening sentences that, with the headline, name the story's actors
_CENTRAL_MENTIONS = 2  # a person named again later acts in the story, wherever they first appear


def _in_headline_or_lede(entity: Entity, facts: FactSheet) -> bool:
    lede = " ".join([facts.title, *(s.text for s in facts.sentences[:_LEDE_SENTENCES])])
    return any(mentioned_in(n, lede) for n in entity.names if len(n) > 2)


def _leading_voice(entity: Entity, facts: FactSheet) -> bool:
    """Named in the headline or the lede, or quoted more than once: the story is told through them."""
    if _in_headline_or_lede(entity, facts):
        return True
    return sum(q.speaker_id == entity.id for q in facts.quotes if q.enabled) >= 2


def central_actor(entity: Entity, facts: FactSheet) -> bool:
    """A person the story is about: named in the headline or the lede, quoted more than once, or named again."""
    return _leading_voice(entity, facts) or entity.mentions >= _CENTRAL_MENTIONS


def _acts_in_its_sentence(entity: Entity, facts: FactSheet) -> bool:
    """'Opposition leader Dana Whitlock said …', 'Tom Ellis, a hydrologist, called …': the sentence describing
    the person opens with them, so they act in it (not 'a song by Lee Park, a musician')."""
    if entity.description is None or entity.description_sentence is None:
        return False
    text = drop_linking_opener(facts.sentences[entity.description_sentence].text)
    if text.lower().startswith(entity.description.lower()):
        text = text[len(entity.description):].lstrip(" ,")
    return any(text.startswith(n) for n in entity.names if len(n) > 2)


def _incidental(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """'Name the person described as a musician' for someone named once in passing tests nothing."""
    if entity.type == "PERSON" and not central_actor(entity, facts):
        # Whatever the role, and even acting in its one sentence ('the city mayor opened the fair'): named once.
        return "not a central actor (outside the headline and lede, quoted once at most, named once)"
    return None


def _unnamed_body_nouns() -> frozenset[str]:
    return lang_en.word_set("roles", "unnamed_body_nouns")


def _role_of_an_unnamed_body(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """'the station manager', "the club's chairman": the role's organisation is a bare noun, so it does not say
    which station or club (a role with a name in it, 'Virgin Radio's station manager', does)."""
    words = role_as_written(entity.description or "", facts).replace("’", "'").split()
    if any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper() and words[0].lower() != "the"):
        return None
    nouns = _unnamed_body_nouns()
    body = next((w for w in words[:-1] if w.lower().removesuffix("'s").strip(",") in nouns), None)
    return f"the role does not say which {body.removesuffix(chr(39) + 's')}" if body else None


@functools.lru_cache(maxsize=1)
def _speech_forms() -> str:
    return "|".join(sorted(lang_en.table("roles")["speech_forms"], key=len, reverse=True))


def _gives_their_words(entity: Entity, sentence: int, facts: FactSheet) -> bool:
    """The sentence names the person to give their words: a quotation of theirs, or 'Lee said', 'Lee, the club's
    chairman, told …', 'said Lee'."""
    if any(q.speaker_id == entity.id and q.sentence == sentence for q in facts.quotes):
        return True
    names = "(?:" + "|".join(re.escape(n) for n in entity.names if len(n) > 2) + ")"
    verbs = _speech_forms()
    text = facts.sentences[sentence].text
    # 'Frank Field MP criticised …': a post-nominal (MP, QC) may stand between the name and the verb.
    if compiled(rf"(?<!\w){names}(?: [A-Z]{{2,4}})?(?:,[^,.;]{{1,80}},)? (?:also |later |then )?(?:{verbs})\b"
                ).search(text):
        return True
    # 'said the club's chairman, Tom Ellis': only a role (capitalised words and post words) between verb and name.
    after_verb = compiled(rf"\b(?:{verbs}),? ((?:[\w'’-]+,? ){{0,6}}){names}(?!\w)")
    return any(all(w[:1].isupper() or w.lower().removesuffix("'s").removesuffix("’s") in _role_filler()
                   for w in m.group(1).replace(",", " ").split()) for m in after_verb.finditer(text))


@functools.lru_cache(maxsize=1)
def _role_filler() -> frozenset[str]:
    """Words of a role written between a speech verb and a name: posts, ranks, titles and articles."""
    roles, matching = lang_en.table("roles"), lang_en.table("matching_roles")
    words = (*roles["commentator_nouns"], *roles["name_titles"], *matching["rank_words"], *roles["unnamed_body_nouns"],
             *lang_en.table("affiliation")["post_words"], "its", "his", "her", "their", "of", "for", "at")
    return frozenset(w.lower() for w in words)


def _only_reacts(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """'UKIP leader Roger Knapman said …' on someone else's resignation: outside the headline and the lede, and
    every sentence naming them gives their words. A voice reacting to the story, not an actor in it."""
    return "only reacts: every sentence naming them gives their words" if _reacts_only(entity, facts) else None


def _reacts_only(entity: Entity, facts: FactSheet) -> bool:
    if entity.type != "PERSON" or not any(len(n) > 2 for n in entity.names) or _in_headline_or_lede(entity, facts):
        return False
    naming = [s.index for s in facts.sentences if any(mentioned_in(n, s.text) for n in entity.names if len(n) > 2)]
    return bool(naming) and all(_gives_their_words(entity, i, facts) for i in naming)


@functools.lru_cache(maxsize=1)
def _famous_roles() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Roles whose holder every student knows (leaders of the great powers, the Pope), the famous firms, the words
    that make a role their founder's, and the time words a role may open with ("the then US President")."""
    table = lang_en.table("famous_roles")
    offices = {o.lower() for o in table["offices"]}
    for forms in table["nations"]:
        for post in table["leader_posts"]:
            for form in forms:
                offices |= {f"{form} {post}", f"{post} of {form}", f"{post} of the {form}"}
    return (frozenset(offices), frozenset(f.lower() for f in table["famous_firms"]),
            frozenset(w.lower() for w in table["founder_words"]), frozenset(w.lower() for w in table["time_words"]))


def general_knowledge_role(role: str) -> bool:
    """'the US President', 'President of Russia', 'Microsoft co-founder': a role any student can put a name to
    without the article (a former holder, 'the former US President', is not: there are several)."""
    offices, firms, founder_words, time_words = _famous_roles()
    words = role.lower().replace(".", "").replace("’", "'").replace("'s ", " ").replace(",", " ").split()
    while words and words[0] in {"a", "an", "the", *time_words}:
        words = words[1:]
    if " ".join(words) in offices:
        return True
    text = " " + " ".join(words) + " "
    return any(w in founder_words for w in words) and any(f" {firm} " in text for firm in firms)


def _general_knowledge(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """'Name the person described as the Russian President': general knowledge, not the article's."""
    if entity.description and general_knowledge_role(entity.description):
        return f"'{entity.description}' is a role any student can name without the article"
    return None


def _role_head(description: str) -> list[str]:
    """The words of a role before its first 'of/at/for …' phrase: 'a spokesman for Mrs Clinton' → ['a',
    'spokesman']; 'an expert on energy at MIT' → ['an', 'expert']."""
    _, of_what = _role_words()
    words = []
    for word in description.lower().split():
        if word in of_what:
            break
        words.append(word.strip(",.()'’"))
    return words


def _reacting_commentator(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """'a spokesman for Mrs Clinton', 'an expert on energy economics at MIT', 'a Republican strategist': asked to
    comment (the role's head is a commentator's post, wherever the role goes on), however often quoted, unless the
    headline or the lede names them (the professor whose study the story is about)."""
    if entity.type != "PERSON" or _in_headline_or_lede(entity, facts):
        return None
    post = next((w for w in _role_head(entity.description or "") if w in _comment_posts()), None)
    return f"{a_an(post)} who only comments on the story" if post else None


def _bystander_nouns() -> frozenset[str]:
    return lang_en.word_set("matching_roles", "bystander_nouns")


# Words after which a role goes on qualifying its head noun: "a fan from Leeds who queued all night".
_QUALIFIER_OPENERS = frozenset({"from", "who", "whose", "which", "that", "since", "and"})


def _head_noun(description: str) -> str:
    """The noun a role is about: 'a fan from Leeds who queued' → 'fan'; 'a local musician' → 'musician'."""
    words = []
    for word in _role_head(description):
        if word in _QUALIFIER_OPENERS:
            break
        words.append(word)
    return words[-1] if words else ""


def _vox_pop(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """'a fan from Leeds', 'a concertgoer', 'a local resident': a member of the public asked along the way."""
    noun = _head_noun(entity.description or "")
    if noun in _bystander_nouns():
        return f"{a_an(noun)}: a member of the public asked along the way, not an actor"
    return None


# Openers that point back to something the role leaves out: "that cycle's runner-up", "his deputy".
_CONTEXT_OPENERS = frozenset({"that", "this", "these", "those", "his", "her", "its", "their", "our", "all", "some"})


def _role_needs_context(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """"that cycle's runner-up", "his deputy", "all stripes": the role points back to something it does not
    say, or is not a role at all."""
    words = (entity.description or "").lower().split()
    if words and words[0] in _CONTEXT_OPENERS:
        return f"the role opens with '{words[0]}', which points to something it does not say"
    return None


DESCRIPTION_RULES = (_main_subject_described, _one_word_role, _role_needs_context, _general_knowledge,
                     _shared_role, _commentator, _reacting_commentator, _vox_pop, _only_reacts,
                     _role_of_an_unnamed_body, _incidental, _cut_short)


@functools.lru_cache(maxsize=1)
def _role_words() -> tuple[frozenset[str], frozenset[str]]:
    table = lang_en.table("matching_roles")
    return frozenset(w.lower() for w in table["rank_words"]), frozenset(w.lower() for w in table["of_what_words"])


def says_of_what(role: str) -> bool:
    """'former welfare minister', 'Labour MP', 'director of the museum' say of what; 'managing director', 'chief
    executive' and a nickname ('aka Benny') do not."""
    rank, of_what = _role_words()
    words = [w.strip(",.()'’").lower() for w in role.split()]
    if " ".join(words).startswith(_nickname_openers()):
        return False
    return any(w in of_what for w in words[1:]) or any(w and w not in rank for w in words)


@functools.lru_cache(maxsize=1)
def _nickname_openers() -> tuple[str, ...]:
    return tuple(w.lower() for w in lang_en.table("matching_roles")["nickname_openers"])


@functools.lru_cache(maxsize=1)
def _comment_posts() -> frozenset[str]:
    return _commentator_nouns() | frozenset(w.lower() for w in lang_en.table("matching_roles")["comment_posts"])


def _comments_only(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """'an associate professor at … University', 'BBC political correspondent': asked to comment, not acting."""
    post = next((w for w in _role_head(entity.description or "") if w in _comment_posts()), None)
    return f"{a_an(post)} who only comments on the story" if post else None


def _role_of_nothing(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    if entity.description and not says_of_what(entity.description):
        return f"the role '{entity.description}' does not say of what"
    return None


def _bystander(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """Named once in passing: neither a central actor, nor acting in the sentence that gives the role, nor quoted
    (a person who speaks with a role speaks for a part of the story)."""
    quoted = any(q.speaker_id == entity.id for q in facts.quotes if q.enabled)
    if not (central_actor(entity, facts) or quoted or _acts_in_its_sentence(entity, facts)):
        return "named in passing (not central, not acting in the sentence giving the role, not quoted)"
    return None


def _firm_name_words() -> frozenset[str]:
    return lang_en.word_set("matching_roles", "firm_name_words")


def _firm_as_person(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """'Munich Re', tagged as a person: a firm's name is not a person's."""
    words = {w.strip(".,").lower() for w in entity.name.split()[1:]}
    return "a firm's name read as a person's" if words & _firm_name_words() else None


# Who a people-to-roles match may list: central actors (no commentator reacting to the story, no member of the
# public asked along the way, no firm read as a person), with a role that says of what, written in full and not
# one any student could name without the article.
MATCHING_RULES = (_firm_as_person, _role_needs_context, _general_knowledge, _comments_only, _bystander, _vox_pop,
                  _role_of_nothing, _cut_short)


def matching_problem(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """Why a person does not belong in a people-to-roles match, or None."""
    return first_reason(MATCHING_RULES, entity, facts, article)


def _commentator_kind(speaker: Entity) -> str | None:
    """The noun of a commentator's or bystander's role: 'an expert on energy at MIT' → 'expert', 'a D.C.-based
    strategist' → 'strategist', 'a visitor from Leeds' → 'visitor'; None for an actor's role ('the mayor')."""
    if speaker.type != "PERSON":
        return None
    noun = _head_noun(speaker.description or "")
    return noun if noun in _comment_posts() | _bystander_nouns() else None


def _word_in(word: str, text: str) -> bool:
    """'regulation' is in 'regulator rules': the same word stem (its first five letters) starts a word of text."""
    return re.search(rf"\b{re.escape(word[:5])}", text) is not None


def _carries_substance(quote: Quote, facts: FactSheet) -> bool:
    """The quotation speaks of the story's subject: it shares a headline word ('the carbon tax' under 'Carbon tax
    works'), so its words are worth attributing."""
    plain = _substance_words()[0]
    words = {w for w in re.findall(r"[a-z][a-z'’-]+", facts.title.lower()) if len(w) > 3 and w not in plain}
    return any(_word_in(w, quote.text.lower()) for w in words)


def speaker_problem(speaker: Entity, facts: FactSheet, quote: Quote | None = None) -> str | None:
    """Why 'Who said …?' about this speaker tests nothing: a commentator, analyst or visitor quoted once, who only
    reacts; a bystander quoted once on nothing of the story's subject; or a person the story is not about. (The
    journalist whose book the story is about, quoted throughout, is not.)"""
    if _leading_voice(speaker, facts):
        return None
    kind = _commentator_kind(speaker)
    # 'Tim Canova, the law professor who is challenging …' acts in the story: named again, not only quoted.
    if kind in _comment_posts() and (not central_actor(speaker, facts) or _reacts_only(speaker, facts)):
        return f"{a_an(kind)} who only comments on the story"
    if kind in _bystander_nouns() and (quote is None or not _carries_substance(quote, facts)):
        return f"{a_an(kind)} quoted once, on nothing of the story's subject: an incidental voice"
    # A speaker the article gives a role ("the chief executive of …") speaks for a part of the story.
    if speaker.type == "PERSON" and speaker.description is None and not central_actor(speaker, facts):
        return "the speaker is not a central actor (outside the headline and lede, quoted once, named once, no role)"
    return None


def description_problem(entity: Entity, facts: FactSheet, article: ArticleProfile) -> str | None:
    """Why "the person described as …" does not single out a central actor, or None."""
    return first_reason(DESCRIPTION_RULES, entity, facts, article)


class _Builder:
    def __init__(self, facts: FactSheet, seed: int, article_id: str) -> None:
        self.facts = facts
        self.seed = seed
        self.article_id = article_id
        self.article = profile(facts)
        self._worthy: dict[tuple[str, str], list[str]] = {}
        self._printable: dict[int, tuple[str, str | None]] = {}
        self._put_in: dict[int, Entity] = {}  # sentence -> the entity whose name replaced its opening pronoun
        self._spelling_slips = spelling_slips(tuple(s.text for s in facts.sentences))  # "Mauer" beside "Maurer"

    def rng(self, *parts: object) -> random.Random:
        """Randomness for building candidates, fixed per template and fact and not seeded: which items a quiz holds
        never depends on the seed (it orders the options and picks which statements stay false)."""
        return random.Random(":".join(str(p) for p in parts))

    def base(self, template: Template, fact: Fact, question: str, answer: str, item_type: str) -> Item:
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

    def printable(self, sentence: int) -> str:
        """The sentence as a student will read it, or a drop when it cannot stand alone (judged once per
        sentence)."""
        if sentence not in self._printable:
            resolved = resolve_opening(self.facts, sentence)  # "He added …" → "Tony Blair added …" when certain
            text = resolved.text
            if resolved.entity is not None:
                self._put_in[sentence] = resolved.entity
            # A kind of thing the headline or the opening sentences introduce ("the technology") reads alone.
            known = " ".join([self.facts.title, *(s.text for s in self.facts.sentences[:3])])
            reason = sentence_problem(text) or vague_subject(text, known) or misspelt_name(text, self._spelling_slips) \
                or earlier_referent(text, self.facts.title, [s.text for s in self.facts.sentences[:sentence]])
            self._printable[sentence] = (tidy(text), reason)
        text, reason = self._printable[sentence]
        if reason is not None:
            raise _DropError(f"the sentence {reason}")
        return text

    def blank_of(self, span: str, text: str, in_word_bank: bool = False) -> Blank:
        number = next((n for n in self.facts.numbers if n.text == span and n.text in text), None)
        neighbours = tuple(n for n in self.facts.numbers if n is not number and n.text != span and n.text in text)
        return Blank(span, text, text.find(span), _entity_named(self.facts, span) if number is None else None,
                     number, self.article, neighbours, in_word_bank)

    # --- kinds ---------------------------------------------------------------------------------------------

    def _number_options(self, number: NumberFact, fact: Fact, count: int) -> list[str]:
        if isinstance(fact.record, NumberFact):
            # "Which figure completes …": the student reads the sentence, so it must stand alone and the figure
            # must be worth a blank.
            text = self.printable(number.sentence)
            if number.text not in text:
                raise _DropError("the figure is not in the sentence as printed")
            if (reason := blank_problem(self.blank_of(number.text, text))) is not None:
                raise _DropError(reason)
        if (reason := no_options_reason(number, self.facts)) is not None:
            raise _DropError(f"'{number.text}': {reason}")  # said, rather than "only 0 distractor(s)"
        if isinstance(fact.record, NumberFact) and (reason := incidental_figure(number, self.facts)) is not None:
            raise _DropError(f"'{number.text}': {reason}")
        return number_distractors(number, self.facts, count)

    def _question(self, template: Template, fact: Fact) -> str:
        context = fact.context
        if isinstance(fact.record, NumberFact) and "number" in context:
            # The sentence as printed: its opening pronoun resolved, its spacing tidied.
            text = self.printable(fact.record.sentence)
            context = {**context, "number": {**context["number"], "blanked": text.replace(fact.record.text, BLANK, 1)}}
        return render(template, "question", template.question, context)

    def _entity_options(self, template: Template, fact: Fact, question: str, answer: str,
                        count: int, rng: random.Random) -> tuple[list[str], Entity]:
        target = _entity_named(self.facts, answer)
        if target is None:
            raise _DropError("the answer is not a known entity, so no distractors of its kind")
        if template.applies_to == "entity" and (reason := description_problem(target, self.facts, self.article)):
            raise _DropError(reason)
        if template.applies_to == "quote":
            return self._speaker_options(fact.record, target, question, count, rng), target
        return entity_distractors(target, self.facts, question, count, rng), target

    def _speaker_options(self, quote: Quote, target: Entity, question: str, count: int,
                         rng: random.Random) -> list[str]:
        """Options for 'Who said …?': other speakers first, the likeliest confusions; besides them, only people (or
        organisations) the article establishes, never a one-off name that may be a fragment. Where no one else
        speaks in quotation marks, people the article reports as speaking; never none of those."""
        if (reason := first_reason(QUOTE_RULES, quote, target, self.facts) or self._uncertain_speaker(quote, target)
                or speaker_problem(target, self.facts, quote) or _unfit_speaker(target, self.facts, count)):
            raise _DropError(reason)
        speakers = [q.speaker for q in self.facts.quotes]
        established = _could_have_said(quote, set(speakers), self.facts)
        # A pronoun in a quotation is someone the speaker speaks of: options of either gender.
        options = entity_distractors(target, self.facts, question, count, rng, prefer=speakers, eligible=established,
                                     any_gender=True, spread=True)
        if not set(options) & set(speakers):
            voices = _reported_voices(quote, self.facts)
            options = entity_distractors(target, self.facts, question, count, rng,
                                         eligible=lambda e: established(e) and e.id in voices, any_gender=True)
            if not options:
                raise _DropError("no other speaker among the options: no one else in the article is reported "
                                 "speaking, so any reader knows who")
        if (reason := _headline_gives_speaker(target, options, self.facts)) is not None:
            raise _DropError(reason)
        return options

    def mcq(self, template: Template, fact: Fact) -> Item:
        if isinstance(fact.record, KeySentence):
            return self._sentence_completion(template, fact)
        question = self._question(template, fact)
        answer = render(template, "answer", template.answer, fact.context)
        count = int(template.distractors.get("count", 3))
        rng = self.rng(template.id, fact.id)
        number = fact.record if isinstance(fact.record, NumberFact) else None
        if isinstance(fact.record, WhQuestion):
            # "In what year …?": the answer is one of the article's numbers, so its neighbours are the options.
            number = next((n for n in self.facts.numbers if n.id == fact.record.answer_id), None)
        entity_types: tuple[str, ...] = ()
        if number is not None:
            distractors = self._number_options(number, fact, count)
        elif template.distractors.get("from", "same_type") == "meanings":
            distractors = [g.meaning for g in self.facts.glosses if g.enabled and g.meaning != answer]
            rng.shuffle(distractors)
            distractors = distractors[:count]
        else:
            distractors, target = self._entity_options(template, fact, question, answer, count, rng)
            entity_types = (target.type,)
        if len(distractors) < 2:
            raise _DropError(f"only {len(distractors)} distractor(s) of the answer's kind; a fair question needs 2+")
        if number is not None and len(distractors) < count:
            # Every figure question offers the same number of options: one with three among those with four reads
            # as a shortcut (and the missing one is often the figure the sentence rules out).
            raise _DropError(f"only {len(distractors)} figures of the answer's kind fit the sentence; every figure "
                             f"question offers {count + 1} options")
        options = [answer, *distractors]
        if number is not None:
            options.sort(key=lambda o: number_sort_key(number, o))
        else:
            rng.shuffle(options)
        item = self.base(template, fact, question, answer, "mcq")
        if isinstance(fact.record, Quote):
            item = replace(item, source=self._attributed_source(fact.record, answer))
        if number is not None and isinstance(fact.record, NumberFact):
            # The figures the story is about before incidental ones (selection ranks by score).
            item = replace(item, score=round(item.score + figure_importance(number, self.facts), 4))
        return replace(item, options=tuple(options), entity_types=entity_types, fixed_order=number is not None)

    def _sentence_completion(self, template: Template, fact: Fact) -> Item:
        """'Which name completes this sentence?': one name of a key sentence blanked, the options other names of its
        fine kind (and gender, where the sentence says "his" or "her") that the sentence does not print."""
        key: KeySentence = fact.record
        text = self.printable(key.sentence)
        reasons: list[str] = []
        for span in self._test_worthy(key, text):
            entity = _entity_named(self.facts, span)
            if entity is None or entity.type not in _COMPLETABLE or not _fit_decoy(entity, self.facts):
                continue  # names the article establishes (a one-off name may be mistagged: "Slow Jamz" as a
                # person); the options too are the article's own, never made-up fillers
            if span != entity.name or text.count(span) != 1 or not compiled(
                    rf"(?<!\w){re.escape(span)}(?!\w)").search(text):
                continue  # names only, written in full (options are full names), once, on word boundaries
            if (reason := blank_problem(self.blank_of(span, text))) is not None:
                reasons.append(reason)
                continue
            before, after = text.split(span, 1)
            if re.search(r"\b[Tt]he $", before):
                reasons.append(f"'{span}': after 'the', only names that take 'the' would fit")
                continue
            word_before = re.search(r"\b([a-z]+) $", before)
            modifier = (word_before is not None and word_before.group(1) not in _LINK_WORDS
                        and re.match(r"^ [a-z]+ [A-Z]", after) is not None)  # "former _____ sergeant Lester"
            appositive = re.match(r"^, (?:a|an|the)\s", after) is not None  # "_____, a region in southern Russia"
            if _swap_bound_to_its_person(_Swap(span, before, after, entity.type == "PERSON", False)) or modifier or (
                    appositive):
                reasons.append(f"'{span}': the role beside the blank ('Judge _____', 'former _____ sergeant') "
                               "singles out the answer")
                continue
            blanked = text.replace(span, BLANK, 1)
            options = entity_distractors(entity, self.facts, blanked, 3, self.rng(template.id, fact.id, span),
                                         eligible=lambda e: _fit_decoy(e, self.facts))
            if len(options) < 2:
                reasons.append(f"'{span}': fewer than two other names of its kind")
                continue
            context = {**fact.context, "blanked": blanked, "answer": span}
            question = render(template, "question", template.question, context)
            options = [span, *options]
            self.rng(template.id, fact.id).shuffle(options)
            item = self.base(template, fact, question, span, "mcq")
            return replace(item, options=tuple(options), entity_types=(entity.type,))
        raise _DropError("no name in the sentence is worth asking for: " + "; ".join(reasons[:3]) if reasons else
                         "no name in the sentence is written in full, once")

    def _uncertain_speaker(self, quote: Quote, speaker: Entity) -> str | None:
        """Words that are not the speaker's own ("the cries of 'impossible to regulate'", as a person *thinks*), or a
        quotation another person is named nearer to."""
        if quote.partial and (quote.cue or "").lower() in _NOT_SPEECH_CUES:
            return f"quoted words the speaker only '{quote.cue}': perhaps not the speaker's own"
        text = self.facts.sentences[quote.sentence].text
        at = text.find(quote.text)
        if at < 0:
            return None
        last = _last_person_named(text[:at], self.facts)
        if last is not None and last.id != speaker.id and not _cue_names(speaker, text[at + len(quote.text):]):
            return f"{last.name} is named nearer the quotation than {speaker.name}"
        return None

    def _attributed_source(self, quote: Quote, speaker: str) -> str:
        """The sentence naming the speaker: the quotation's own; with the next one when the quotation runs over
        into it (“A. B,” said X.); with the one before when it goes on a speaker's quotation there (“A,” said X.
        “B.”); from the sentence that names the speaker when its own calls them "he" or "she" (see
        `_named_before`). Any other attribution is too uncertain: the quality gate drops the item (answer not in
        source)."""
        sentences = self.facts.sentences
        here = sentences[quote.sentence]
        entity = _entity_named(self.facts, speaker)
        names = entity.names if entity else (speaker,)
        if any(mentioned_in(n, here.text) for n in names):
            return here.text
        after = sentences[quote.sentence + 1] if quote.sentence + 1 < len(sentences) else None
        runs_over = after is not None and after.paragraph == here.paragraph and (
            normalize(quote.text) not in normalize(here.text))
        if runs_over and any(mentioned_in(n, after.text) for n in names):
            return f"{here.text} {after.text}"  # the quotation runs over into the next sentence, which names them
        start = self._naming_sentence(quote, names, entity)
        last = quote.sentence + 1 if runs_over else quote.sentence
        return " ".join(s.text for s in sentences[quote.sentence if start is None else start:last + 1])

    def _naming_sentence(self, quote: Quote, names: tuple[str, ...], entity: Entity | None) -> int | None:
        """The sentence before the quotation's own that names its speaker with certainty, or None."""
        here = self.facts.sentences[quote.sentence]
        before = self.facts.sentences[quote.sentence - 1] if quote.sentence > 0 else None
        if before is not None and before.paragraph == here.paragraph and self._goes_on_from(before.text, here.text,
                                                                                           names):
            return before.index
        return self._named_before(quote, entity) if entity is not None else None

    def _goes_on_from(self, before: str, here: str, names: tuple[str, ...]) -> bool:
        """'“A,” said X. “B.”' goes on X's quotation; so does '“B,” he said' after a sentence naming one person.
        X must be the last person the sentence before names: another named after X may be the one who goes on."""
        last = _last_person_named(before, self.facts)
        if last is None or not any(n in last.names for n in names):
            return False
        if here[:1] in "“\"" and re.search(r"[”\"]", before):
            return True
        pronoun = re.search(r"\b(?:he|she) (?:said|says|added|adds|explained|told)\b", here) is not None
        named = [e for e in self.facts.entities if e.type == "PERSON" and any(
            mentioned_in(n, before) for n in e.names if len(n) > 2)]
        return pronoun and len(named) == 1

    def _named_before(self, quote: Quote, speaker: Entity) -> int | None:
        """'Lee spoke of the cost. “It is too much,” he said.': the sentence that names the speaker of a quotation
        whose own sentence has only a pronoun, when the two agree: the pronoun fits the speaker's gender, and going
        back (at most `_REACH_BACK` sentences, into the paragraph before at most) the first sentence naming a person
        the pronoun could mean names the speaker and no one else it could mean (but for a possessive: "Lee's plan");
        a sentence between them names no such person and goes on with the same pronoun ("But he paused.")."""
        sentences = self.facts.sentences
        here = sentences[quote.sentence]
        pronoun = _cue_pronoun(here.text, quote.text)
        if pronoun is None or not _pronoun_fits(pronoun, speaker):
            return None
        for index in range(quote.sentence - 1, max(quote.sentence - 1 - _REACH_BACK, -1), -1):
            text = sentences[index].text
            if sentences[index].paragraph < here.paragraph - 1:
                return None
            named = _people_named(_outside_quotations(text), self.facts)
            others = [e for e in named if e.id != speaker.id and _pronoun_fits(pronoun, e)
                      and not _only_possessive(e, text)]
            if speaker in named or others:
                return index if speaker in named and not others else None
            if _cue_pronoun(text, "") != pronoun:
                return None  # a sentence between them goes on with the same pronoun ("But he paused.")
        return None

    def short_answer(self, template: Template, fact: Fact) -> Item:
        question = render(template, "question", template.question, fact.context)
        answer = render(template, "answer", template.answer, fact.context)
        accepted = [answer]
        if template.accepted:
            accepted += [a.strip() for a in render(template, "accepted", template.accepted, fact.context).split("|")]
        entity = _entity_named(self.facts, answer)
        if entity is not None:
            if template.applies_to == "entity" and (reason := description_problem(entity, self.facts, self.article)):
                raise _DropError(reason)
            accepted += list(entity.names)
        # "What does EMEC mean?": the term itself is another name for the answer, but never an accepted answer.
        unique = list(dict.fromkeys(a for a in accepted if a and (a == answer or not mentioned_in(a, question))))
        item = self.base(template, fact, question, answer, "short_answer")
        return replace(item, accepted=tuple(unique), entity_types=(entity.type,) if entity else ())

    def _test_worthy(self, key: KeySentence, text: str) -> list[str]:
        """Spans to blank, best first: numbers, then people and organisations, then places and other names."""
        cache_key = (key.id, text)
        if cache_key not in self._worthy:
            self._worthy[cache_key] = self._rank_spans(key, text)
        return self._worthy[cache_key]

    def _rank_spans(self, key: KeySentence, text: str) -> list[str]:
        numbers = {n.text for n in self.facts.numbers if n.sentence == key.sentence}

        def rank(span: str) -> tuple[int, int]:
            if span in numbers:
                return (0, 0)
            entity = _entity_named(self.facts, span)
            return (_PERSON_ORDER.get(entity.type if entity else "", 4), -len(span))

        # "Mr Blair": blank the honorific with the name, never leave "Mr _____".
        spans = [with_honorific(span, text) for span in key.answers]
        return sorted(dict.fromkeys(spans), key=rank)

    def _blankable(self, key: KeySentence, text: str, limit: int) -> tuple[list[str], list[str]]:
        """Spans to blank (at most `limit`, never two side by side) and the reasons others were turned down."""
        chosen: list[str] = []
        reasons: list[str] = []
        numbers = {n.text for n in self.facts.numbers if n.sentence == key.sentence}
        for span in self._test_worthy(key, text):
            if len(chosen) >= limit:
                break
            entity = _entity_named(self.facts, span)
            if span not in numbers and (entity is None or entity.type != "PERSON"):
                # A place or an organisation in a shared word bank is often not the only one that fits ("Powys"
                # and "Wales", a court's short and full name): figures and people only.
                reasons.append(f"'{span}': only figures and people are blanked beside a shared word bank")
                continue
            if text.count(span) != 1 or any(overlaps(span, c) for c in chosen) or not compiled(
                    rf"(?<!\w){re.escape(span)}(?!\w)").search(text):
                reasons.append(f"'{span}': not once, on word boundaries, in the sentence")
                continue  # "50K Walk": a blank starts and ends on a word boundary
            if (reason := blank_problem(self.blank_of(span, text, in_word_bank=True))) is not None:
                reasons.append(reason)
                continue
            if any(len(_between(text, span, c).split()) < 3 for c in chosen):
                reasons.append(f"'{span}': would sit beside another blank")
                continue
            chosen.append(span)
        return chosen, reasons

    def cloze(self, template: Template, fact: Fact) -> Item:
        key: KeySentence = fact.record
        text = self.printable(key.sentence)
        if "{{" in text or "}}" in text:
            # build_cloze would break the braces ("{ {") so they cannot open a deletion: the card would no longer
            # print the article's own characters.
            raise _DropError("the sentence holds double braces of its own, which read as cloze markup")
        chosen, reasons = self._blankable(key, text, max(1, template.blanks))
        if not chosen:
            raise _DropError("no name or number is worth a blank: " + "; ".join(reasons[:3]) if reasons else
                             "no name or number in the sentence can be blanked once and unambiguously")
        spans = sorted((text.index(s), text.index(s) + len(s)) for s in chosen)
        chosen = [text[a:b] for a, b in spans]
        remaining = text
        for n, span in enumerate(chosen, start=1):
            remaining = remaining.replace(span, f"{BLANK} ({n})", 1)
        if len(re.findall(r"[A-Za-z]{3,}", remaining)) < 6:
            raise _DropError("too little context left around the blanks")
        question = render(template, "question", template.question, {**fact.context, "blanked": remaining})
        item = self.base(template, fact, question, "; ".join(chosen), "cloze")
        types = tuple(sorted({e.type for s in chosen if (e := _entity_named(self.facts, s))}))
        return replace(item, cloze=build_cloze(text, spans), blanks=tuple(chosen), entity_types=types)

    def true_false(self, template: Template, fact: Fact, want_false: bool | None = None) -> Item:
        key: KeySentence = fact.record
        text = self.printable(key.sentence)
        rng = self.rng(template.id, fact.id)
        # Candidates are false whenever a safe swap exists; the quiz then turns about half back to true.
        make_false = True if want_false is None else want_false
        statement = text
        if make_false:
            statement = self._falsify(key, text, rng, template.negated_claims)
            if statement is None:
                make_false = False
                statement = text
        context = {**fact.context, "statement": statement}
        question = render(template, "question", template.question, context)
        answer = "False" if make_false else "True"
        item = self.base(template, fact, question, answer, "true_false")
        explanation = item.explanation or (f"The article says: {item.source}" if make_false else None)
        return replace(item, options=("True", "False"), explanation=explanation)

    def contrast_true_false(self, template: Template, fact: Fact) -> Item:
        """A key sentence with one word turned into its opposite ('before the election' → 'after'): always false,
        or no item."""
        key: KeySentence = fact.record
        text = self.printable(key.sentence)
        figures = tuple(n.text for n in self.facts.numbers if n.sentence == key.sentence and n.text in text)
        statement, reasons = contrasted(text, self.facts.title, figures)
        if statement is None:
            raise _DropError("no word to turn into its opposite: " + "; ".join(reasons[:3]) if reasons else
                             "no word to turn into its opposite")
        if any(statement.lower() in s.text.lower() for s in self.facts.sentences):
            raise _DropError("the turned statement is one the article makes")
        question = render(template, "question", template.question, {**fact.context, "statement": statement})
        item = self.base(template, fact, question, "False", "true_false")
        return replace(item, options=("True", "False"), explanation=item.explanation or f"The article says: {text}")

    def _swap_alternatives(self, slot: _Slot, key: KeySentence, rng: random.Random) -> list[str]:
        number = next((n for n in self.facts.numbers if n.sentence == key.sentence and n.text == slot.span), None)
        if number is not None:
            return number_distractors(number, self.facts, 3)
        entity = slot.entity
        if entity is None or not _safe_to_swap(entity) or speaker_kind(entity, self.facts) == "WORK":
            return []
        # A swap only with a name of the same fine kind that the article itself names more than once (a type the
        # tagger is surer of): a magazine for a plane maker, or a misread name, is false without reading.
        by_name = {e.name: e for e in self.facts.entities}
        return [a for a in entity_distractors(entity, self.facts, slot.text, 3, rng)
                if (other := by_name.get(a)) is not None
                and all(fits(other, slot, self.facts) for fits in ALTERNATIVE_RULES)]

    def _falsify(self, key: KeySentence, text: str, rng: random.Random, negate: bool = True) -> str | None:
        """Swap one fact for another of the same kind that the article does not also support; failing that (and
        when the template asks for it: `negated_claims`), the sentence with its main claim negated (extraction's
        `negated`), when it fits the sentence as printed."""
        swapped = self.false_version(key, text, rng)[0]
        sentence = self.facts.sentence(key.sentence).text
        if swapped is not None or not negate or key.negated is None or restates_headline(sentence, self.facts.title):
            return swapped  # the headline answers a negated restatement of itself
        negated = _negation_as_printed(text, sentence, key.negated)
        if negated is None or any(negated.lower() in s.text.lower() for s in self.facts.sentences):
            return None  # the article itself says it (a later sentence denying the first): not false
        return negated

    def false_version(self, key: KeySentence, text: str, rng: random.Random) -> tuple[str | None, list[str]]:
        """The false statement (or None) and, span by span, why each span tried before it gave none."""
        spans = self._test_worthy(key, text)
        if (put_in := self._put_in.get(key.sentence)) is not None and put_in.name in text:
            # "Tony Blair added …" for "He added …": who acted may be swapped too (never blanked: the source line
            # prints "He").
            spans = [*spans, put_in.name]
        reasons: list[str] = []
        for span in dict.fromkeys(self._full_name_of(span, text) for span in spans):
            statement, reason = self._swapped(span, key, text, rng)
            if statement is not None:
                return statement, reasons
            reasons.append(f"'{span}': {reason}")
        return None, reasons or ["no test-worthy span"]

    def _swap_profile(self) -> ArticleProfile:
        """What makes a swap false without reading. A person who is the article's main subject is no giveaway:
        "Clinton's appeal was greatest among the young" for Sanders's tests who did what (the side rules pick who
        may stand there). A main subject of another kind stays one (a technology tagged as a firm would swap for a
        regulator), and so does any name in the headline (the headline would contradict the swap)."""
        return replace(self.article, main_subjects=frozenset(
            e.id for e in self.facts.entities if e.id in self.article.main_subjects and e.type != "PERSON"))

    def _slot_of(self, span: str, text: str, sentence: int = -1) -> _Slot:
        before, after = text.split(span, 1)
        entity = _entity_named(self.facts, span)
        is_person = entity is not None and entity.type == "PERSON"
        # 'President Bill Clinton' → 'President George W. Bush' when the article titles him so too
        title = _title_before(before) if is_person else ""
        # 'the FBI said' → 'the State Department said': a body of a known kind after 'the', for another of its
        # kind the article writes so
        after_the = (entity is not None and body_kind(entity) is not None and before.endswith(("the ", "The "))
                     and _closes_its_phrase(after))
        swap = _Swap(span, before, after, is_person, any(n.text == span for n in self.facts.numbers),
                     fine_kind(entity) if entity else "", titled=bool(title), after_the=after_the)
        main = entity is not None and entity.id in self.article.main_subjects
        return _Slot(swap, text, entity, title, main, sentence)

    def _swapped(self, span: str, key: KeySentence, text: str, rng: random.Random) -> tuple[str | None, str]:
        """The sentence with `span` swapped for a safe alternative, or None and why not."""
        if text.count(span) != 1:
            return None, "not once in the sentence"
        slot = self._slot_of(span, text, key.sentence)
        reason = swap_problem(slot.swap) or blank_problem(replace(self.blank_of(span, text),
                                                                  profile=self._swap_profile()))
        if reason is None and slot.swap.is_number and _figure_in_headline(span, self.facts):
            reason = "the headline prints the figure"  # 'Half of …' in the title answers 'more than two thirds'
        if reason is not None:
            return None, reason
        alternatives = self._swap_alternatives(slot, key, rng)
        for alternative in alternatives:
            if self._unsupported_swap(text, span, alternative):
                return text.replace(span, alternative, 1), ""
        return None, ("every alternative is in the sentence or stated by the article" if alternatives
                      else "no alternative of its kind")

    def _full_name_of(self, span: str, text: str) -> str:
        """'Sanders' where the sentence as printed reads 'Bernie Sanders': the whole name is what a swap replaces (a
        surname alone would leave 'Bernie Hillary Clinton')."""
        entity = _entity_named(self.facts, span)
        if entity is None or span == entity.name or not mentioned_in(span, entity.name):
            return span
        return entity.name if text.count(entity.name) == 1 and text.count(span) == 1 else span

    def _unsupported_swap(self, text: str, span: str, alternative: str) -> bool:
        """The changed sentence is stated nowhere in the article, and the new name is not already in it."""
        changed = text.replace(span, alternative, 1).lower()
        if any(changed in s.text.lower() for s in self.facts.sentences):
            return False
        other = _entity_named(self.facts, alternative)
        names = other.names if other else (alternative,)
        # 'the German state next to Germany': the new place's own nationality word is in the sentence
        demonyms = [d for d, places in _demonym_places().items() if set(names) & places]
        if any(mentioned_in(n, text) for n in (*names, *demonyms)):
            return False
        # 'the North Carolina Department of Public Safety would sue North Carolina': the new name holds a name the
        # sentence prints elsewhere
        return not any(len(n) > 3 and mentioned_in(n, alternative) and mentioned_in(n, text.replace(span, " ", 1))
                       for e in self.facts.entities for n in e.names)

    def matching(self, template: Template, fact: Fact) -> Item:
        source = template.pairs or "people_roles"
        if source == "glosses":
            pairs = [(g["term"], g["meaning"]) for g in fact.context["glosses"]][:6]
        else:
            whole = [p for p in fact.context["people"] if (e := _entity_named(self.facts, p["name"])) is not None
                     and matching_problem(e, self.facts, self.article) is None]
            pairs = _matchable_roles(whole)[:6]
        if len(pairs) < 3:
            raise _DropError(f"only {len(pairs)} pair(s) to match; matching needs 3 or more")
        question = render(template, "question", template.question, fact.context)
        answer = "; ".join(f"{left} — {right}" for left, right in pairs)
        first = next((e for e in self.facts.entities if e.name == pairs[0][0]), None)
        sentence = first.description_sentence if first and first.description_sentence is not None else fact.sentence
        fact = Fact(f"{fact.id}-{source}", sentence, fact.weight, fact.context, None)
        item = self.base(template, fact, question, answer, "matching")
        sources = []
        for left, _ in pairs:
            e = next((x for x in self.facts.entities if x.name == left), None)
            if e is not None and e.description_sentence is not None:
                sources.append(self.facts.sentences[e.description_sentence].text)
        return replace(item, pairs=tuple(pairs), source=" ".join(dict.fromkeys(sources)) or item.source,
                       entity_types=("PERSON",) if source != "glosses" else ())


@dataclass(frozen=True)
class _Swap:
    """A span a false statement would replace, with the words around it."""

    span: str
    before: str
    after: str
    is_person: bool
    is_number: bool
    kind: str = ""  # the span's fine kind ("PERSON", "ORG", "PROGRAMME", "PLACE" …), "" for a figure or unknown
    titled: bool = False  # a person after a title every alternative is also given ('President X', 'Sen. X')
    after_the: bool = False  # a body after 'the', for one the article also writes after 'the' ('the FBI said')


@dataclass(frozen=True)
class _Slot:
    """A span of a key sentence a false statement may change, and what the sentence says around it."""

    swap: _Swap
    text: str  # the sentence as printed
    entity: Entity | None
    title: str = ""  # 'President', 'Sen.': the title before a person's name
    main_subject: bool = False  # the article's main subject (see blanks.profile)
    sentence: int = -1  # the key sentence's index in the article (-1: unknown)

    @property
    def span(self) -> str:
        return self.swap.span


def _alternative_of_its_kind(other: Entity, slot: _Slot, facts: FactSheet) -> bool:
    """Of the span's speaker kind, safe to name, a state for a state and a city for a city."""
    entity = slot.entity
    return (entity is not None and speaker_kind(other, facts) == speaker_kind(entity, facts) and _safe_to_swap(other)
            and _same_level(other, entity))


def _alternative_reads_right(other: Entity, slot: _Slot, facts: FactSheet) -> bool:
    """Fits the words around the span: the gender of its pronouns, 'the' before it or not, no misread name, no
    person the sentence already names by role, not another name of the span's own referent."""
    return (slot.entity is not None and gender_fits(other, slot.entity, slot.text) and not _misread_name(other.name)
            and _like_for_like(other, slot.entity, slot.span, slot.text, facts)
            and _always_after_the(other.name, facts) == slot.swap.after_the and not _named_by_role(other, slot.text)
            and not _same_name_words(other.name, slot.span))


def _alternative_takes_the_title(other: Entity, slot: _Slot, facts: FactSheet) -> bool:
    """The article gives the alternative the span's title ('Judge X'), and a body after 'the' is of the span's kind."""
    if slot.title and not _written_with_title(other, slot.title, facts):
        return False
    return not slot.swap.after_the or (slot.entity is not None and body_kind(other) == body_kind(slot.entity))


def _alternative_on_the_same_side(other: Entity, slot: _Slot, facts: FactSheet) -> bool:
    """A person for one of the same side or role, or one the article gives the same title (never one tied to
    another side: 'President Hollande' for 'President Obama'). The article's main subject only for another main
    subject of the same side, or one of the same title: never a campaign aide in a candidate's place."""
    entity = slot.entity
    if entity is None or entity.type != "PERSON":
        return True
    ours, theirs = sides(entity, facts), sides(other, facts)
    if ours and theirs and not ours & theirs:
        return False
    if slot.title:
        return True
    if slot.main_subject:  # only a rival the story keeps naming too ('Blair' and 'Brown'), on the same side
        return bool(ours & theirs) and other.id in profile(facts).main_subjects
    return same_side(other, entity, facts)


def _alternative_in_a_place_named_before(other: Entity, slot: _Slot, facts: FactSheet) -> bool:
    """'the Broward County GOP committee in Florida': a place the clause before names pins the span's place, so
    another one is false without reading."""
    if slot.entity is None or slot.entity.type not in {"GPE", "LOC"}:
        return True
    clause = re.split(r"[,;:.!?—–]", slot.swap.before)[-1]
    return not any(mentioned_in(n, clause) for e in facts.entities if e.type in {"GPE", "LOC"}
                   and e.id != slot.entity.id for n in e.names if len(n) > 2)


@functools.lru_cache(maxsize=1)
def _tie_words() -> re.Pattern[str]:
    """A relation noun ('boss', 'deputy', 'plaintiff') or a word pairing two sides ('v', 'against')."""
    table = lang_en.table("swap_slots")
    words = sorted({*table["relation_nouns"], *table["pair_words"]}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)


def _alternative_not_paired_with_it(other: Entity, slot: _Slot, facts: FactSheet) -> bool:
    """'Ebbers, Sullivan's former boss, …' then 'Sullivan told the jury …': a person the sentence before pairs with
    the span's person by a tie or as the other side ('Lee v Hart') never stands in their place: the boss put in for
    his deputy, the defendant for the plaintiff, reads as nonsense."""
    entity = slot.entity
    if entity is None or entity.type != "PERSON" or slot.sentence < 1:
        return True
    before = facts.sentences[slot.sentence - 1].text
    def named(person: Entity) -> bool:
        return any(mentioned_in(n, before) for n in person.names if len(n) > 2)
    return not (named(entity) and named(other) and _tie_words().search(before))


ALTERNATIVE_RULES = (_alternative_of_its_kind, _alternative_reads_right, _alternative_takes_the_title,
                     _alternative_on_the_same_side, _alternative_in_a_place_named_before,
                     _alternative_not_paired_with_it)


def _name_titles() -> frozenset[str]:
    return lang_en.word_set("roles", "name_titles")


def _swap_breaks_brackets(swap: _Swap) -> str | None:
    if swap.after.startswith((" (", ")")):
        return "a name spelt out in brackets would no longer match"  # "Ofcom (ISPA)"
    return None


def _swap_after_the(swap: _Swap) -> str | None:
    if swap.before.endswith(("the ", "The ")) and not swap.is_number and not swap.after_the:
        return "a name after 'the' ('the Soviet Union', 'the Houston court') reads wrongly swapped"
    return None


@functools.lru_cache(maxsize=1)
def _phrase_closers() -> frozenset[str]:
    """Words after a name that show the name ends its phrase: linking words, auxiliaries, speech and action verbs."""
    table = lang_en.table("option_rules")
    return frozenset({*_LINK_WORDS, *table["actor_auxiliaries"], *table["actor_verbs"], "are", "were", "been"})


@functools.lru_cache(maxsize=1)
def _body_kind_words() -> dict[str, str]:
    return {word: kind for kind, words in lang_en.table("body_kinds").items() for word in words}


def body_kind(entity: Entity) -> str | None:
    """'State Department' → 'government', 'Supreme Court' → 'court', 'FBI' → 'government'; None for a body of no
    listed kind (or anything not tagged a body)."""
    if entity.type not in {"ORG", "FAC"}:
        return None
    name = normalize(entity.name).lower()
    if name in _body_kind_words():
        return _body_kind_words()[name]
    return next((_body_kind_words()[w] for w in reversed(name.split()) if w in _body_kind_words()), None)


def _closes_its_phrase(after: str) -> bool:
    """'the FBI said', 'the FBI, which …', 'by the FBI.', "the FBI's inquiry": nothing after the name makes it a
    modifier ('the FBI director', 'the Clinton campaign')."""
    if re.match(r"^(?:['’]s\s|\s*[,.;:!?)“”\"]|$)", after):
        return True
    word = re.match(r"^\s+([a-z]+)\b", after)
    return word is not None and word.group(1) in _phrase_closers()


def _swap_name_as_modifier(swap: _Swap) -> str | None:
    """'watchdog Ofcom', 'a preliminary Ofcom report', 'Northern Ireland man': a name bound to the words around it."""
    if swap.is_number or swap.is_person:
        return None
    following = re.match(r"^(?:['’]s)? ([a-z]+)\b", swap.after)  # "Ofcom officials", "State's lawyers"
    modified = {w.lower() for w in (*lang_en.table("standalone")["modified_nouns"],
                                    *lang_en.table("option_rules")["swap_modified_nouns"])}
    role_before = _after_role_word(swap.before) and not swap.after_the  # 'the' is no role
    if role_before or (following is not None and following.group(1) in modified):
        return "a name bound to the role or noun beside it"
    return None


def _swap_bound_to_its_person(swap: _Swap) -> str | None:
    """'former South African president X', 'Russian President X', 'X's plan', 'Head of the division, X,', 'X, the
    council leader,': another person would not fit the role the sentence gives."""
    if not swap.is_person:
        return None
    last = swap.before.split()[-1].strip(",").lower() if swap.before.split() else ""
    appositive = (swap.before.endswith(", ") and swap.after.startswith(",")) or re.match(
        r"^, (?:a|an|the)\s", swap.after)
    # 'Judge X of the Seventh Circuit': the title fits another judge, the court after the name may not
    titled = (last in _name_titles() and not swap.titled) or (
        swap.titled and re.match(r"^,? (?:of|from|at) (?:the )?[A-Z]", swap.after) is not None)
    if _possession_bound(swap.after) or _after_role_word(swap.before) or titled or appositive:
        return "a role or possession bound to this person"
    return None


def _bound_possessions() -> frozenset[str]:
    return lang_en.word_set("swap_slots", "bound_possessions")


def _possession_bound(after: str) -> bool:
    """"X's wife", "X's own", "X's back": what follows the possessive belongs to this one person, so another name
    there reads as nonsense. "Clinton's campaign", "Blair's monthly media conference" go with anyone of the same
    side (the side rule picks who)."""
    possessive = re.match(r"^['’]s?\b\s*(.*)", after)
    if possessive is None:
        return False
    following = re.findall(r"[A-Za-z’'-]+", possessive.group(1))[:3]
    return not following or possessive.group(1)[:1] in ",.;:!?\"”" or any(
        w.lower() in _bound_possessions() for w in following)


def _swap_described_after(swap: _Swap) -> str | None:
    """'Frank Vale, a billionaire head of …', 'Ana Lima, 31, a photographer', 'Jo Reed, executive director of …',
    'Kit Moore, perhaps the best-known pupil of the school', 'Sam Hale, his former boss,': the words after the name
    describe it (an age, a role, a tie), and another name would not fit them."""
    if swap.is_number:
        # 'in 2008, his last year in office', 'in 1998, the year of the flood': the words after pin the year down
        described = re.match(r"^, (?:his|her|its|their|the|a|an)\s+(?:\w+\s+){0,2}(?:year|season|term)\b", swap.after)
        return "a figure the words after it describe" if described else None
    # ", a …", ", 31, a …", ", 31,", ", executive director of …", ", adviser to …", ", perhaps the best known …",
    # ", his former boss,"; ", Politifact's editor": a body's role, in the possessive
    if re.match(r"^, (?:\d{1,3}, (?:a|an|the)\s|\d{1,3}\b|(?:(?:perhaps|probably|arguably|possibly|now|then|once|"
                r"also)\s+)?(?:a|an|the|his|her|their)\s|(?:[a-z][\w’'-]* ){1,3}(?:of|for|at|to)\b"
                r"|[A-Z][\w.&’'-]*['’]s\s+[a-z])", swap.after):
        return "a name the words after it describe"
    return None


@functools.lru_cache(maxsize=1)
def _actor_slot() -> tuple[re.Pattern[str], frozenset[str]]:
    table = lang_en.table("option_rules")
    auxiliaries = "|".join(re.escape(a) for a in sorted(table["actor_auxiliaries"], key=len, reverse=True))
    verbs = "|".join(re.escape(v) for v in table["actor_verbs"])
    return (re.compile(rf"^,?\s+(?:(?:{auxiliaries})\s+)*(?:{verbs})\b", re.I),
            frozenset(table["actor_kinds"]))


def _swap_into_actors_slot(swap: _Swap) -> str | None:
    """'Social Security will debate …', 'Kursk said …': a programme, a law or a town in the slot of one who speaks
    or decides. Such a sentence speaks loosely ('Moscow said'); a swap of like for like there reads as nonsense."""
    pattern, actors = _actor_slot()
    if swap.is_number or not swap.kind or swap.kind in actors or pattern.match(swap.after) is None:
        return None
    return f"{a_an(swap.kind.lower())} in the slot of one who speaks or decides"


@functools.lru_cache(maxsize=1)
def _outlet_slots() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = lang_en.table("swap_slots")
    before = "|".join(re.escape(w) for w in sorted(table["outlet_before"], key=len, reverse=True))
    after = "|".join(re.escape(w) for w in sorted(table["outlet_after"], key=len, reverse=True))
    return (re.compile(rf"\b(?:{before})\s+(?:the\s+)?$", re.I), re.compile(rf"^(?:['’]s)?\s+(?:{after})\b", re.I))


def _swap_in_an_outlets_slot(swap: _Swap) -> str | None:
    """'quoted in X', 'told X', 'X reported': only a newspaper or broadcaster fits; a name the article does not
    show as one ('quoted in Bat', a company) is no swap, for its like would be a company too."""
    before, after = _outlet_slots()
    if swap.is_number or swap.kind == "OUTLET" or swap.is_person:
        return None
    if before.search(swap.before) or after.match(swap.after):
        return "a name in the slot of a newspaper or broadcaster that is not shown as one"
    return None


# 'Russian Dmitriy Bogdanov', 'US hip-hop star Kanye West': a place or nationality, up to three role words, a name
_NAME_AFTER = re.compile(r"^\s+(?:[a-z][\w’'-]*\s+){0,3}[A-Z][\w’'-]+\s+[A-Z]")
# 'Antonio Reina of Spain', 'Elizabeth Warren, the senator from Massachusetts'
_NAME_OF_BEFORE = re.compile(r"[A-Z][\w’'-]+\s+(?:of|from)\s+$"
                             r"|[A-Z][\w’'-]+,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:of|from)\s+$")


def _swap_a_persons_origin(swap: _Swap) -> str | None:
    """'Russian Dmitriy Bogdanov', 'Antonio Reina of Spain', 'Elizabeth Warren, the senator from Massachusetts': a
    nationality or place beside a person's name is a detail of who they are, not the sentence's fact; changing it
    tests nothing worth knowing."""
    if swap.is_number or swap.kind not in lang_en.table("swap_slots")["place_kinds"]:
        return None
    if _NAME_AFTER.match(swap.after) or _NAME_OF_BEFORE.search(swap.before):
        return "a nationality or place beside a person's name, a detail of who they are"
    return None


_ASIDE_OPENERS = re.compile(r"(?:^|,)\s*(?:which|who|whose|whom|where)\s[^,]*$", re.I)  # ', which overtook … '
_ATTRIBUTION = re.compile(r"\baccording to\b[^,.;:]*$", re.I)
_DASH = re.compile(r"\s[-–—―]\s|—|―")


def _swap_in_quotation(swap: _Swap) -> str | None:
    """'"radical Islam," which some want …': words inside quotation marks are someone's words, not a fact to change."""
    straight = swap.before.count('"') % 2 == 1
    curly = swap.before.count("“") > swap.before.count("”")
    return "inside a quotation: the speaker's words" if straight or curly else None


def _swap_after_a_title(swap: _Swap) -> str | None:
    """'President Obama', 'Senator X': a person's title fixes the slot for a person (an organisation misread as
    one would read 'President Judicial Watch')."""
    last = swap.before.split()[-1].strip(",").lower() if swap.before.split() else ""
    if not swap.is_number and not swap.is_person and last in _name_titles():
        return "after a person's title"
    return None


def _swap_an_alias(swap: _Swap) -> str | None:
    """'Democracy for America, or DFA', 'also known as X': a second name of what the sentence has just named; any
    other name there is nonsense, not a false fact."""
    if not swap.is_number and re.search(r"(?:,\s+or|also known as|known as|dubbed|nicknamed)\s+(?:the\s+)?$",
                                        swap.before, re.I):
        return "a second name for what the sentence has just named"
    return None


def _swap_in_an_aside(swap: _Swap) -> str | None:
    """'Airbus, which overtook Boeing in 2003, is focusing on …', 'West - who has 10 nominations - rose …',
    '(… in 1994)': a detail of a relative clause or an aside is not what the sentence says; changing it tests an
    incidental fact."""
    # An aside opens before the span and closes after it: a single dash that runs to the end ('student debt —
    # $25,550 per graduate') carries the sentence's own figure.
    inside_dashes = len(_DASH.findall(swap.before)) % 2 == 1 and _DASH.search(swap.after) is not None
    inside_brackets = swap.before.count("(") > swap.before.count(")") and ")" in swap.after
    relative = _ASIDE_OPENERS.search(swap.before) is not None and "," in swap.after
    sourced = _ATTRIBUTION.search(swap.before) is not None  # 'according to three networks': who says it, not what
    if inside_dashes or inside_brackets or relative or sourced:
        return "a detail in a relative clause or an aside, not the sentence's fact"
    return None


@functools.lru_cache(maxsize=1)
def _located_words() -> str:
    return "|".join(re.escape(w) for w in sorted(lang_en.table("place_levels")["located_before"], key=len,
                                                  reverse=True))


@functools.lru_cache(maxsize=1)
def _located_slot() -> re.Pattern[str]:
    """'located in ', ', which is located in the town of ', 'located in Chapel Hill, ' (the region after its town):
    the words tying a place to what stands there, and up to four filler or capitalised words after them."""
    fillers = "|".join(re.escape(w) for w in lang_en.table("place_levels")["located_fillers"])
    return re.compile(rf"\b(?i:{_located_words()})\s+(?:(?:(?i:{fillers})|[A-Z][\w’'.-]*),?\s+){{0,4}}$")


@functools.lru_cache(maxsize=1)
def _located_after() -> re.Pattern[str]:
    """'X exhibit, located in …', 'X, which is based in …': the place where the named thing stands, written after it."""
    return re.compile(rf"^(?:['’]s)?(?:\s+[\w’'-]+){{0,3}},?\s+(?:(?:which|that|who)\s+(?:is|was|are|were)\s+)?"
                      rf"(?i:{_located_words()})\s")


def _swap_where_something_stands(swap: _Swap) -> str | None:
    """'the exhibit located in Chapel Hill', 'a firm based in Leeds', ', which is located in the town of X': what
    stands there fixes the place, so another place is false without reading (a university's exhibit in another
    state's town)."""
    if swap.is_number or swap.is_person or _located_slot().search(swap.before) is None:
        return None
    return "a place fixed by what stands there"


def _swap_a_name_pinned_by_its_place(swap: _Swap) -> str | None:
    """'the Harwick College exhibit, located in Harwick', 'Tidewater, which is based in Leeds': the place written
    after the name pins it; another name there clashes with the place and is false without reading."""
    if swap.is_number or _located_after().match(swap.after) is None:
        return None
    return "a name the place written after it pins down"


def _swap_a_place_pinned_by_its_region(swap: _Swap) -> str | None:
    """'Salem, N.H.', 'Springfield, Illinois': the region after the town pins it; another town there reads as
    nonsense ('Chicago, N.H.'). 'Arkansas, where she once served as first lady': the words after describe the place,
    and another one is false without reading."""
    if swap.is_number or swap.kind not in {"PLACE", "GPE", "LOC", "COUNTRY"}:
        return None
    if re.match(r"^(?:,\s+[A-Z]|,?\s+(?:where|which)\b)", swap.after):
        return "a place pinned by the words written after it"
    return None


def _swap_a_place_for_its_government(swap: _Swap) -> str | None:
    """"Moscow's top envoy to North Korea", "Washington's allies": a capital in the possessive stands for its
    government; another city there is nonsense ('Pyongyang's envoy to North Korea')."""
    if swap.is_number or swap.kind not in {"PLACE", "GPE", "LOC"} or not re.match(r"^['’]s?\b", swap.after):
        return None
    return "a place in the possessive, standing for its government"


_FIGURE = r"(?:[$£€]?\d[\d,.]*%?|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)"
# '10, 12 and 15', '$8, $9, or $10', '3 million, 4 million and 6 million': three figures or more, joined by
# commas and a last 'and' or 'or'
_FIGURE_LIST = re.compile(rf"{_FIGURE}(?:\s+[a-z]+)?(?:,\s+{_FIGURE}(?:\s+[a-z]+)?)+,?\s+(?:and|or)\s+{_FIGURE}")


def _swap_a_figure_of_a_list(swap: _Swap) -> str | None:
    """'10, 12 and 15 years', '$8, $9 or $10': one figure of a list is an incidental detail; changing it tests
    nothing a student should remember."""
    if not swap.is_number:
        return None
    start, end = len(swap.before), len(swap.before) + len(swap.span)
    sentence = swap.before + swap.span + swap.after
    inside = any(m.start() <= start and end <= m.end() for m in _FIGURE_LIST.finditer(sentence))
    return "one figure of a list" if inside else None


@functools.lru_cache(maxsize=1)
def _denial_slot() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(lang_en.table("swap_slots")["denial_before"], key=len,
                                                   reverse=True))
    return re.compile(rf"\b(?:{words})\s+(?:the\s+|a\s+|an\s+)?$", re.I)


def _swap_in_a_denial(swap: _Swap) -> str | None:
    """'signed by Donna Brazile, not Ann Reed', 'in Leeds rather than York': the sentence denies the span, so any
    other name there leaves it true ('not Bernie Sanders' is true as well)."""
    return "a span the sentence denies: another one keeps it true" if _denial_slot().search(swap.before) else None


def _swap_a_figure_inside_a_token(swap: _Swap) -> str | None:
    """'the 9/11 attacks', '24/7', '3-2': a figure joined to another by a slash or a dash is part of one token (a date,
    a score, a range); changing one half makes nonsense ('the 4/11 attacks')."""
    joined = re.match(r"^[/–-]\d", swap.after) or re.search(r"\d[/–-]$", swap.before) or "/" in swap.span
    if swap.is_number and joined:
        return "a figure joined to another by a slash or a dash"
    return None


# ', after ' before and ', after Yola' after; ', Senator ' before and ', and Senator Ted Cruz' after
_SERIES_BEFORE = re.compile(r",\s+(?:[A-Za-z.]+\s+)?$")
_SERIES_AFTER = re.compile(r"^,\s+(?:and\s+|or\s+)?(?:[A-Za-z.]+\s+)?[A-Z]")
_SERIES_LAST = re.compile(r",[^,]{1,40},[^,]{0,40}\b(?:and|or)\s+(?:[A-Za-z.]+\s+)?$")  # 'A, B, and Senator '


def _swap_one_of_a_series(swap: _Swap) -> str | None:
    """'after Beirut, after Paris, after Yola', 'Rick Santorum, Senator Marco Rubio, and Senator Ted Cruz': one name
    of a series is an incidental detail, and another in its place may not fit the series at all."""
    inside = _SERIES_BEFORE.search(swap.before) and _SERIES_AFTER.match(swap.after)
    if swap.is_number or not (inside or _SERIES_LAST.search(swap.before)):
        return None
    return "one name of a series"


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """'intern', 'official', 'spokesman', 'director': words naming a person or their post."""
    people = (*lang_en.table("speaker_nouns")["people"], *lang_en.table("swap_slots")["post_nouns"])
    return frozenset(w.lower() for w in (*people, *_name_titles()))


def _swap_a_body_naming_a_persons_post(swap: _Swap) -> str | None:
    """'a White House intern', 'an FBI official', 'North Carolina RNC member X': the body or place says where the
    person works, a detail of who they are; another there is false without reading ('a Westchester intern')."""
    if swap.is_number or swap.is_person:
        return None
    following = re.match(r"^\s+(?:[A-Z]{2,}\s+)?([a-z]+)\b", swap.after)  # 'Florida RNC member'
    return "a body naming a person's post" if following and following.group(1) in _person_nouns() else None


_HEDGED_FEW = re.compile(r"^(?:about|around|some|roughly|nearly|almost|approximately)\s+(?:[1-4]|one|two|three|four)$",
                         re.I)


def _swap_a_hedged_small_count(swap: _Swap) -> str | None:
    """'one of about three individuals': a hedge on a count of a few reads oddly on any other few ('one of about
    two'), and a count that small is seldom the sentence's fact."""
    ratio = re.match(r"^\s+(?:in|out of)\s", swap.after)  # 'about one in five' is a share, not a count
    few = swap.is_number and _HEDGED_FEW.match(swap.span.strip()) and not ratio
    return "a hedged count of a few" if few else None


def _swap_a_list_read_as_one_name(swap: _Swap) -> str | None:
    """'McDonald’s and Walmart' tagged as one firm: a list, and one name in its place drops the others."""
    return "a list read as one name" if not swap.is_number and re.search(r"\s(?:and|or)\s", swap.span) else None


# 'Union of Rationalist …', 'Bank of England', 'Harwick College': a capitalised name going on after the span, or
# one the span ends ('University of Leeds', 'Campaign for …')
_LONGER_NAME_AFTER = re.compile(r"^\s+(?:of|de|du|des|del|della|di|da|von|van|der)\s+(?:the\s+)?[A-Z]")
_NEXT_WORD = re.compile(r"^\s+([A-Z][a-z]+)\b")
_LONGER_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]+\s+(?:of|for|de|du|des|del|della|di|da|von|van|der)\s+(?:the\s+)?$")
# 'Union of Rationalist Atheists and Agnostics (UAAR)': capitalised words and joiners, then a bracketed acronym
_ACRONYM_AFTER = re.compile(r"^(?:\s+(?:of|for|and|the|de|[A-Z][\w’'-]*))*\s+\([A-Z][A-Za-z&.]*[A-Z]\)")


def _swap_inside_a_longer_name(swap: _Swap) -> str | None:
    """'Union of Rationalist Atheists (UAAR)', 'University of Leeds', 'Harwick College', 'Ana Lima Foundation': a
    span that is part of a longer capitalised name, or of one spelt out before its acronym. Another name there
    garbles the name and may change two facts at once (the name and what its acronym stands for); a false
    statement changes one span."""
    if swap.is_number:
        return None
    if _ACRONYM_AFTER.match(swap.after):
        return "part of a longer name spelt out before its acronym"
    # 'Ana Lima Foundation': a capitalised word after even a person's name goes on the name ('Clinton Tuesday' aside)
    following = _NEXT_WORD.match(swap.after)
    if following is not None and following.group(1).lower() not in _weekdays_months():
        return "part of a longer capitalised name"
    if not swap.is_person and (_LONGER_NAME_AFTER.match(swap.after) or _LONGER_NAME_BEFORE.search(swap.before)):
        return "part of a longer capitalised name"
    return None


def _weekdays_months() -> frozenset[str]:
    return lang_en.word_set("entity_words", "weekdays_months")


@functools.lru_cache(maxsize=1)
def _relation_phrase() -> re.Pattern[str]:
    """'his former boss', 'her deputy', 'their lawyers': a person named by their tie to another."""
    table = lang_en.table("swap_slots")
    owners, modifiers, nouns = ("|".join(re.escape(w) for w in sorted(table[key], key=len, reverse=True))
                                for key in ("relation_owners", "relation_modifiers", "relation_nouns"))
    return re.compile(rf"\b(?:{owners})\s+(?:(?:{modifiers})\s*)?(?:{nouns})\b", re.I)


def _swap_a_person_beside_a_relation(swap: _Swap) -> str | None:
    """'Sullivan said he had told his former boss': the sentence refers to a person by their tie to another, and the
    person a swap puts in may be that very one ('Ebbers said he had told his former boss', Ebbers being the boss)."""
    if not swap.is_person or _relation_phrase().search(swap.before + swap.span + swap.after) is None:
        return None
    return "a person in a sentence that names another by their tie ('his former boss'), who may be the one put in"


def _swap_a_name_that_describes_the_next(swap: _Swap) -> str | None:
    """'Celltick firm Adamind', 'Labour leader Ed Miliband': a name followed by a kind word and another name is a
    description of that name; another name in its place no longer describes anything."""
    described = re.match(r"^(?:['’]s)?\s+([a-z][\w-]*)\s+[A-Z]", swap.after)
    if swap.is_number or swap.is_person or described is None or described.group(1) in _LINK_WORDS:
        return None
    return "a name that describes the name after it"


SWAP_RULES = (_swap_in_a_denial, _swap_breaks_brackets, _swap_after_the, _swap_bound_to_its_person,
              _swap_name_as_modifier, _swap_described_after, _swap_into_actors_slot, _swap_in_an_outlets_slot,
              _swap_a_persons_origin, _swap_in_an_aside, _swap_an_alias, _swap_in_quotation, _swap_after_a_title,
              _swap_where_something_stands, _swap_a_place_pinned_by_its_region, _swap_a_place_for_its_government,
              _swap_a_figure_of_a_list, _swap_a_figure_inside_a_token, _swap_a_hedged_small_count,
              _swap_one_of_a_series, _swap_a_list_read_as_one_name, _swap_a_body_naming_a_persons_post,
              _swap_a_name_that_describes_the_next, _swap_a_name_pinned_by_its_place, _swap_inside_a_longer_name,
              _swap_a_person_beside_a_relation)


def swap_problem(swap: _Swap) -> str | None:
    """Why a span cannot be swapped to make a false statement, or None."""
    return first_reason(SWAP_RULES, swap)


_LINK_WORDS = {"by", "and", "with", "to", "from", "said", "says", "of", "for", "that", "as", "between", "told", "at",
               "on", "in", "when", "while", "after", "before", "but", "or", "than", "like"}


def _after_role_word(before: str) -> bool:
    """'… South African president ' ends with a role word that describes the next name."""
    words = before.split()
    # 'super-regulator Ofcom': a hyphenated role word too
    return bool(words) and words[-1].replace("-", "").isalpha() and words[-1].islower() and (
        words[-1] not in _LINK_WORDS)


def _established_speaker(speakers: set[str]) -> Callable[[Entity], bool]:
    """Who may stand beside an answer as an option: another speaker, or a name the article describes or names
    twice, a person's in full (never 'Stelle' cut from a party's name, nor a one-off mistagged phrase)."""
    def eligible(entity: Entity) -> bool:
        if entity.name in speakers:
            return True
        full = entity.type != "PERSON" or len(entity.name.split()) >= 2
        return full and (entity.mentions >= 2 or entity.description is not None)
    return eligible


def _could_have_said(quote: Quote, speakers: set[str], facts: FactSheet) -> Callable[[Entity], bool]:
    """An option for who said `quote`: established (see `_established_speaker`) and able to have said it, by the
    speaker option rules (not spoken of in it, not dead, not a thing)."""
    established = _established_speaker(speakers)

    def eligible(entity: Entity) -> bool:
        return established(entity) and speaker_option_problem(entity, quote, facts) is None
    return eligible


def _cue_names(speaker: Entity, after: str) -> bool:
    """'“…,” said Lee', '“…,” Lee, the mayor, said': the words right after a quotation give it to the speaker (not
    '“a great honor” to earn Mr. Putin's praise')."""
    names = "|".join(re.escape(n) for n in speaker.names if len(n) > 2)
    if not names:
        return False
    titles = r"(?:[A-Z][\w.’'-]*\s+){0,3}"  # 'Mr.', 'Senator', a first name
    return compiled(rf"^[\W_]*(?:(?:{_speech_forms()})\b[^.;:]{{0,60}}?)?{titles}(?<!\w)(?:{names})(?!\w)").search(
        after) is not None


@functools.lru_cache(maxsize=1)
def _gender_honorifics() -> dict[str, str]:
    table = lang_en.table("gender")["honorifics"]
    return {word: gender for gender, words in table.items() for word in words}


def _titled_as_the_other_gender(quote: Quote, speaker: Entity, facts: FactSheet) -> str | None:
    """'“Jobs, jobs, jobs,” Mrs. Clinton said' given to Bill Clinton: the sentence's honorific names a woman, the
    speaker is a man (or the reverse), so the words are another person's of the same surname."""
    if speaker.gender is None or quote.sentence >= len(facts.sentences):
        return None
    text = facts.sentences[quote.sentence].text.replace(quote.text, " ")
    for name in (n for n in speaker.names if len(n) > 2):
        for m in compiled(rf"\b([A-Z][a-z]+)\.? {re.escape(name)}(?!\w)").finditer(text):
            gender = _gender_honorifics().get(m.group(1).lower())
            if gender is not None and gender != speaker.gender:
                return f"the sentence's '{m.group(0)}' is not {speaker.name}"
    return None


def _names_its_speaker(quote: Quote, speaker: Entity, facts: FactSheet) -> str | None:
    if any(mentioned_in(n, quote.text) for n in speaker.names if len(n) > 2):
        return "the quotation names its own speaker"
    return None


def _quotation_within(quote: Quote, speaker: Entity, facts: FactSheet) -> str | None:
    if re.search(r"(?:^|\s)['‘]\w|[\w.,!?][’']\s*$|[“”\"]", quote.text):
        return "a quotation inside the quotation: who said which words is ambiguous"
    return None


def _subjectless(quote: Quote, speaker: Entity, facts: FactSheet) -> str | None:
    return quote_without_subject(quote.text)


@functools.lru_cache(maxsize=1)
def _substance_words() -> tuple[frozenset[str], frozenset[str]]:
    table = lang_en.table("quotation_substance")
    return frozenset(table["plain_words"]) | frozenset(table["reaction_words"]), frozenset(table["case_name_links"])


def _bland(quote: Quote, speaker: Entity, facts: FactSheet) -> str | None:
    """'It is a great feeling', 'That would be good': every word a plain or a reaction word, so anyone in the story
    could have said it and the question tests nothing."""
    words = re.findall(r"[a-z0-9][a-z0-9']*", quote.text.lower().replace("’", "'"))  # a figure is substance
    if words and all(w in _substance_words()[0] or w.removesuffix("'s") in _substance_words()[0] for w in words):
        return f"a bland quotation ('{quote.text}'): anyone could have said it, so it tests nothing"
    return None


def _garbled_speaker(quote: Quote, speaker: Entity, facts: FactSheet) -> str | None:
    return f"the speaker's name '{speaker.name}' is garbled by a misread encoding" if garbled_name(
        speaker.name) else None


def _case_name(quote: Quote, speaker: Entity, facts: FactSheet) -> str | None:
    """'Trump v. Trump': a court case read as a name is no speaker."""
    if any(w in _substance_words()[1] for w in speaker.name.split()[1:-1]):  # "V." is an initial
        return f"'{speaker.name}' is a court case, not a speaker"
    return None


# Why a quotation makes no fair who-said item, whoever the options: (quote, speaker entity, facts) -> reason.
QUOTE_RULES = (_names_its_speaker, _quotation_within, _subjectless, _garbled_speaker, _case_name,
               _titled_as_the_other_gender, _bland)


def _headline_gives_speaker(speaker: Entity, options: list[str], facts: FactSheet) -> str | None:
    """'Corbett attacks dumbed-down TV': the speaker is the person the headline names, and no other option is named
    there, so a student guesses the answer without reading."""
    def in_headline(entity: Entity | None) -> bool:
        return entity is not None and any(mentioned_in(n, facts.title) for n in entity.names if len(n) > 2)
    if in_headline(speaker) and not any(in_headline(_entity_named(facts, o)) for o in options):
        return "the speaker is the one the headline names: a student guesses the answer without reading"
    return None


def _reported_voices(quote: Quote, facts: FactSheet) -> set[str]:
    """The people the article reports as speaking ('Lee said the plan would fail', 'said Lee'), outside the
    quotation's own sentence: the ones who could plausibly have said its words."""
    return {e.id for e in facts.entities if e.type == "PERSON" and e.id != quote.speaker_id and any(
        _gives_their_words(e, s.index, facts) for s in facts.sentences
        if s.index != quote.sentence and any(mentioned_in(n, s.text) for n in e.names if len(n) > 2))}


def _unfit_speaker(speaker: Entity, facts: FactSheet, count: int) -> str | None:
    """Why a who-said item about this speaker would be unfair by its options: its name is cut from a longer one
    ('Ada' from 'Ada 3000'), or it is no person (a firm, a band) and fewer than `count` others of its kind spoke,
    so people would stand beside it and the odd one out is the answer."""
    if cut_short(speaker, facts):
        return "the speaker's name is cut short from a longer one"
    kind = speaker_kind(speaker, facts)
    if kind == "PERSON":
        return None
    others = {q.speaker_id for q in facts.quotes if q.enabled and q.speaker_id not in (None, speaker.id)}
    peers = sum(1 for e in facts.entities if e.id in others and speaker_kind(e, facts) == kind)
    return None if peers >= count else f"{a_an(kind.lower())} speaks, and fewer than {count} others of its kind do"


_REACH_BACK = 2  # sentences before a quotation's own in which a speaker it calls "he" or "she" may be named
_PRONOUN_GENDER = {"he": "male", "she": "female"}
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"|''.*?''")


def _cue_pronoun(text: str, quotation: str) -> str | None:
    """'he' or 'she', the pronoun outside the quotation that stands for its speaker ('“…,” she said')."""
    outside = _outside_quotations(text.replace(quotation, " ") if quotation else text)
    found = re.search(r"(?<![\w’'])(he|she)(?![\w’'])", outside, re.I)
    return found.group(1).lower() if found else None


def _pronoun_fits(pronoun: str, person: Entity) -> bool:
    """'she' may mean Ana Lima or a person whose gender the article does not show, never 'Donald Trump'."""
    return person.type == "PERSON" and likely_gender(person) in (None, _PRONOUN_GENDER[pronoun])


def _only_possessive(person: Entity, text: str) -> bool:
    """Every mention of `person` in `text` is possessive ("Mr. Trump's comments"): not the one who speaks next."""
    names = "|".join(re.escape(n) for n in person.names if len(n) > 2)
    mentions = list(compiled(rf"(?<!\w)(?:{names})(['’]s?)?(?!\w)").finditer(text)) if names else []
    return bool(mentions) and all(m.group(1) for m in mentions)


def _outside_quotations(text: str) -> str:
    return _QUOTATION.sub(" … ", text)


def _people_named(text: str, facts: FactSheet) -> list[Entity]:
    """The people `text` names, in the order it first names them; not one whose every mention lies inside another
    person's longer name ('Trump', Eric Trump's surname, in 'Donald Trump')."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for entity in facts.entities:
        if entity.type == "PERSON":
            spans[entity.id] = [m.span() for n in entity.names if len(n) > 2
                                for m in compiled(rf"(?<!\w){re.escape(n)}(?!\w)").finditer(text)]
    every = [(span, who) for who, found in spans.items() for span in found]

    def inside_another(span: tuple[int, int], who: str) -> bool:
        return any(o != who and a <= span[0] and span[1] <= b and b - a > span[1] - span[0] for (a, b), o in every)
    first = {who: min(s for s, _ in kept) for who, found in spans.items()
             if (kept := [span for span in found if not inside_another(span, who)])}
    return sorted((e for e in facts.entities if e.id in first), key=lambda e: first[e.id])


def _last_person_named(text: str, facts: FactSheet) -> Entity | None:
    """The person whose name comes last in `text`."""
    found: list[tuple[int, Entity]] = []
    for entity in facts.entities:
        if entity.type != "PERSON":
            continue
        ends = [m.end() for n in entity.names if len(n) > 2
                for m in compiled(rf"(?<!\w){re.escape(n)}(?!\w)").finditer(text)]
        if ends:
            found.append((max(ends), entity))
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _like_for_like(other: Entity, entity: Entity, span: str, text: str, facts: FactSheet) -> bool:
    """`other` may stand where `entity` (written `span`) is: never a dead person for a living one, never a person
    whose surname the sentence already prints ("X rebuked Mr X"), never another name of the same thing."""
    if other.type == "PERSON" and shown_dead(other, facts) and not shown_dead(entity, facts):
        return False
    if other.type == "PERSON" and mentioned_in(other.name.split()[-1], text):
        return False
    return not any(same_referent(x, y) for x in other.names for y in (span, *entity.names))


@functools.lru_cache(maxsize=1)
def _person_titles() -> tuple[frozenset[str], frozenset[str]]:
    """Titles ('president', 'sen') and the words that open a longer one ('vice'), lower case, without a full stop."""
    table = lang_en.table("swap_slots")
    titles = frozenset(w.rstrip(".") for w in (*_name_titles(), *table["title_abbreviations"]))
    return titles, frozenset(table["title_openers"])


def _title_before(before: str) -> str:
    """'President ', 'Vice President ', 'Sen. ': the title right before a person's name, or ''. Not when a name
    or nationality modifies it ('Russian President X'): another person would need another country."""
    titles, openers = _person_titles()
    words = before.split()
    if not words or not words[-1][:1].isupper() or words[-1].lower().rstrip(".") not in titles:
        return ""
    run = [words.pop()]
    while words and words[-1][:1].isupper() and words[-1].lower().rstrip(".") in titles | openers:
        run.insert(0, words.pop())
    if words and words[-1][:1].isupper() and not words[-1].endswith((",", ":", ";", ".")):
        return ""
    return " ".join(run)


def _written_with_title(other: Entity, title: str, facts: FactSheet) -> bool:
    """The article itself writes `other`'s full name after `title` ('President George W. Bush'): the title fits
    them."""
    # a full name: a surname alone may be a relative's ('President Bush' for Laura Bush)
    shared = {n for e in facts.entities if e.id != other.id and e.type == "PERSON" for n in e.names}
    names = [n for n in other.names if " " in n.strip() and n not in shared]
    pattern = "|".join(re.escape(n) for n in names)
    return bool(pattern) and any(compiled(rf"(?<!\w){re.escape(title)}\s+(?:{pattern})(?!\w)").search(s.text)
                                 for s in facts.sentences)


@functools.lru_cache(maxsize=1)
def _body_aliases() -> dict[str, int]:
    """'gop' → 3, 'republican party' → 3: names of one body, by group."""
    return {normalize(n).lower(): i for i, group in enumerate(lang_en.table("body_aliases")) for n in group}


def _same_name_words(a: str, b: str) -> bool:
    """'Justice Department' and 'Department of Justice', 'GOP' and 'Republican Party': one body written two ways, so
    no false statement."""
    aliases = _body_aliases()
    if aliases.get(normalize(a).lower(), -1) == aliases.get(normalize(b).lower(), -2):
        return True
    def words(name: str) -> frozenset[str]:
        bare = (re.sub(r"['’]s$", "", w) for w in normalize(name).lower().split())
        return frozenset(w for w in bare if w not in {"of", "the", "for", "and"})
    return words(a) == words(b)


def _named_by_role(other: Entity, text: str) -> bool:
    """'Mr Blair told the chancellor …' where the article calls Gordon Brown the chancellor: Brown put in Blair's
    place would tell himself."""
    role = role_head(other) if other.type == "PERSON" else ""
    return bool(role) and compiled(rf"\b(?:the|this|that|his|her|their)\s+{re.escape(role)}\b", re.I).search(
        text) is not None


def _always_after_the(name: str, facts: FactSheet) -> bool:
    """'the Senate', 'the Treasury': a name the article always writes after 'the' reads wrongly put where a bare
    name stood ('lectured at Senate'). Swaps never replace a name after 'the' (`_swap_after_the`)."""
    # A mention before another capitalised word names something else ('Senate Republican leaders'): no evidence.
    pattern = compiled(rf"(?<!\w)(\w+\s+)?{re.escape(name)}(?!\w)(?!\s+[A-Z])")
    found = [m.group(1) for s in facts.sentences for m in pattern.finditer(s.text)]
    # After another capitalised word ('Democratic Senate'), a name is modified: no evidence either way.
    found = [w for w in found if w is None or w.strip().lower() == "the" or not w[:1].isupper()]
    return bool(found) and all(w is not None and w.strip().lower() == "the" for w in found)


@functools.lru_cache(maxsize=1)
def _demonym_places() -> dict[str, frozenset[str]]:
    """'German' → {'Germany'}: a nationality word (capitalised as written) and the names of its place."""
    return {d.capitalize(): frozenset(places) for d, places in lang_en.table("demonyms").items()}


def _figure_in_headline(span: str, facts: FactSheet) -> bool:
    """The headline prints the figure (its hedge aside, in any case): 'Half of …' answers a statement of 'more than
    half' changed to 'two thirds'."""
    number = next((n for n in facts.numbers if n.text == span), None)
    core = span[len(number.hedge):].strip() if number is not None and number.hedge and span.lower().startswith(
        number.hedge.lower()) else span
    return bool(core) and compiled(rf"(?<![\w.,]){re.escape(core)}(?![\w])", re.I).search(facts.title) is not None


def _misread_name(name: str) -> bool:
    """'Among Supreme Court': a name read with the word before it, which no swap may print."""
    return name.split()[0] in lang_en.table("swap_slots")["not_name_openers"]


def _safe_to_swap(entity: Entity) -> bool:
    """People the article describes or names twice, countries, states and large cities, and organisations it names
    twice: kinds the tagger rarely gets wrong."""
    if entity.type == "PERSON":
        return entity.mentions >= 2 or entity.description is not None  # "Slow Jamz" tagged as a person once
    return (fine_kind(entity) == "COUNTRY" or (entity.type == "ORG" and entity.mentions >= 2)
            or place_level(entity) is not None)


@functools.lru_cache(maxsize=1)
def _place_levels() -> dict[str, str]:
    """'nevada' → 'us_states', 'moscow' → 'cities'."""
    table = lang_en.table("place_levels")
    return {normalize(name).lower(): level for level in ("us_states", "cities") for name in table[level]}


def place_level(entity: Entity) -> str | None:
    """The level of a place below a country ('us_states', 'cities'), or None: not a place, or of unknown level."""
    if entity.type not in {"GPE", "LOC"}:
        return None
    return _place_levels().get(normalize(entity.name).lower())


def _same_level(other: Entity, entity: Entity) -> bool:
    """A state stands for a state, a city for a city; anything but a place below a country is unaffected."""
    return place_level(other) == place_level(entity)


def _matchable_roles(people: list[dict[str, str]]) -> list[tuple[str, str]]:
    """People and roles a student can match one way only: a role of two words or more ("the president" alone fits
    anyone) that no one else in the list holds (two "chief executives" could be matched either way)."""
    cores = [_role_core(p["description"]) for p in people]
    return [(p["name"], p["description"]) for p, core in zip(people, cores, strict=True)
            if len(re.sub(r"^(?:the|a|an)\s+", "", p["description"], flags=re.I).split()) >= 2
            and cores.count(core) == 1 and role_problem(p["description"]) is None]


def _between(text: str, a: str, b: str) -> str:
    """The words between two spans of `text`."""
    (_, first_end), (second_start, _) = sorted(((text.index(a), text.index(a) + len(a)),
                                                (text.index(b), text.index(b) + len(b))))
    return text[first_end:second_start]


def _is_person(facts: FactSheet, name: str) -> bool:
    entity = _entity_named(facts, name)
    return entity is not None and entity.type == "PERSON"


_SIGNIFICANT_WORD = re.compile(r"[A-Z][a-z'’-]{3,}")


def _bank_kind(text: str, facts: FactSheet) -> str:
    """What kind and form of entry a word-bank word is, fine enough that no blank is filled by kind alone: a year,
    a percentage, a sum in one currency, a count of people (or of one thing), a person's full name (or a surname,
    or a titled name), a team, a place, an organisation."""
    number = next((n for n in facts.numbers if n.text == text), None)
    if number is not None:
        return _figure_kind(number)
    if any(ch.isdigit() for ch in text):
        return "figure"
    entity = _entity_named(facts, text)
    if entity is None:
        return "other"
    kind = fine_kind(entity)
    if kind == "PERSON":
        return f"PERSON:{_name_form(text)}"
    return kind


@functools.lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in (*lang_en.table("speaker_nouns")["people"],
                                         *lang_en.table("cloze_blanks")["people_counted"]))


def _counted(noun: str | None) -> str:
    """What a count counts, as a word-bank form: 'people' for any people noun ('voters', 'dockworkers',
    'islanders'), else 'things' (ships, countries, homes): '___ people' takes no count of ships."""
    word = (noun or "").lower().split()[-1:] or [""]
    singular = re.sub(r"(?<=[a-z]{3})s$", "", re.sub(r"ies$", "y", re.sub(r"(ch|sh|ss|x)es$", r"\1", word[0])))
    # A people noun may close a compound ("dockworkers" are workers).
    if word[0] in _people_nouns() or any(singular.endswith(p) for p in _people_nouns() if len(p) > 3):
        return "people"
    return "things"


def _figure_kind(number: NumberFact) -> str:
    """A year, a percentage, money in its currency ('$1.13bn' is not '£98m'), a count of what it counts; a figure
    written in words ('five', 'quadrupled') is a form of its own beside digits."""
    kind = number.kind
    if kind == "money":
        currency = re.search(r"[$£€¥]|\b(?:euros?|dollars?|pounds?|yen|yuan|rupees?)\b", number.text.lower())
        kind = f"money:{currency.group(0).rstrip('s') if currency else ''}"
    elif kind == "count":
        # "about 1,200 kilowatt hours" carries its unit: it cannot fill "burned _____ litres".
        unit = re.search(r"\d\s+(?!(?:million|billion|thousand|trillion)\b)[a-z]", number.text) is not None
        kind = f"count:{_counted(number.counts)}{':unit' if unit else ''}"
    return kind if any(ch.isdigit() for ch in number.text) else f"{kind}:words"


def _name_form(name: str) -> str:
    """'Tony Blair' full, 'Mr Blair' titled, 'Blair' short: a surname alone among full names is told by its form."""
    if strip_honorific(name) != name:
        return "titled"
    return "full" if len(name.split()) >= 2 else "short"


@functools.lru_cache(maxsize=16384)
def _shares_a_name(a: str, b: str) -> bool:
    """'Hereford County Hospital' and 'Hereford Hospital Trust': one may be read as the other."""
    return overlaps(a, b) or same_referent(a, b) or bool(set(_SIGNIFICANT_WORD.findall(a))
                                                          & set(_SIGNIFICANT_WORD.findall(b)))


def _decoy_pool(items: list[Item], blanks: list[str], facts: FactSheet) -> list[str]:
    """Names and figures that give no item away, the most mentioned first: none appears in a cloze sentence or a
    matching pair, none is what a false statement changed (a bank printing the real figure answers it), and none
    shares a name with a blank or an answer. Not seeded: whether a cloze keeps a fair word bank (and so which items
    the quiz holds) never depends on the seed, which only orders and shuffles."""
    shown = " ".join([*(i.source for i in items if i.type == "cloze"),
                      *(f"{a} {b}" for i in items for a, b in i.pairs)])
    changed = [(i.source, i.question) for i in items if i.type == "true_false" and i.answer == "False"]
    answers = [i.answer for i in items if i.type in {"mcq", "short_answer"}] + blanks
    names = {e.name: e.names for e in facts.entities if e.enabled}  # "Tony Blair" is in a sentence saying "Mr Blair"
    fair = {c for c in _decoy_candidates(facts) if not _gives_away(c, names.get(c, (c,)), shown, changed)
            and not any(_shares_a_name(c, a) for a in answers)}
    mentions = {e.name: e.mentions for e in facts.entities if e.enabled}
    return sorted(fair, key=lambda c: (-mentions.get(c, 1), c))


def _decoy_candidates(facts: FactSheet) -> list[str]:
    """The article's established names, and its figures but those opening a sentence ("Nearly a third" would be
    the bank's only capitalised figure)."""
    return ([e.name for e in facts.entities if e.enabled and _fit_decoy(e, facts)]
            + [n.text for n in facts.numbers if n.enabled and not n.text[:1].isupper()])


def _gives_away(entry: str, forms: tuple[str, ...], shown: str, changed: list[tuple[str, str]]) -> bool:
    """`entry` (any of its `forms`) is printed by a cloze sentence or a pair, or is what a false statement changed:
    in its source sentence, not in the statement."""
    def printed(text: str) -> bool:
        return any(mentioned_in(n, text) for n in forms)

    return printed(shown) or any(printed(source) and not printed(statement) for source, statement in changed)


def _fit_decoy(entity: Entity, facts: FactSheet) -> bool:
    """A name the article establishes: a person's in full, named twice or described (a one-off 'person' may be a
    mistagged team or town, and a reader would spot it among people), and not cut from a longer name."""
    return _established_speaker(set())(entity) and not cut_short(entity, facts)


_BANK_PEERS = 3  # entries of a blank's kind the word bank must hold (its own included), or the blank is a giveaway


def _word_bank_extras(items: list[Item], facts: FactSheet) -> tuple[str, ...]:
    """Decoys until each blank has two other bank entries of its kind, form and scale (years for a year, people's
    full names for a person), so no blank is filled because its entry is the only one that fits. A decoy gives no
    item away (see `_decoy_pool`) and is no other form of another entry."""
    blanks = [b for i in items if i.type == "cloze" for b in i.blanks]
    if not blanks:
        return ()
    pool = _decoy_pool(items, blanks, facts)
    sentence = {b: i.source for i in items if i.type == "cloze" for b in i.blanks}
    chosen: list[str] = []
    for blank in sorted(blanks, key=str.lower):
        while sum(_bank_peer(blank, e, facts, sentence[blank]) for e in [*blanks, *chosen]) < _BANK_PEERS:
            decoy = next((c for c in pool if c not in chosen and _bank_peer(blank, c, facts, sentence[blank])
                          and not any(_shares_a_name(c, x) for x in chosen)), None)
            if decoy is None:
                break
            chosen.append(decoy)
    return tuple(sorted(chosen, key=str.lower))


_SCALE = 10  # a figure more than ten times larger or smaller than a blank's is no peer ("2,500 countries")


def _bank_peer(blank: str, entry: str, facts: FactSheet, sentence: str = "") -> bool:
    """`entry` could fill `blank` (of `sentence`) as far as its kind, form, scale and gender go: a woman is no
    peer of a man's blank, nor anyone of unknown gender where the sentence says "his" or "her"."""
    if _bank_kind(entry, facts) != _bank_kind(blank, facts):
        return False
    people = (_entity_named(facts, blank), _entity_named(facts, entry))
    if people[0] is not None and people[1] is not None and not gender_fits(people[1], people[0], sentence):
        return False
    values = [next((n.value for n in facts.numbers if n.text == t), None) for t in (blank, entry)]
    if None in values or not all(values):
        return True
    ratio = values[0] / values[1]
    return 1 / _SCALE <= ratio <= _SCALE


def _plan_with_a_fair_word_bank(candidates: list[Candidate], facts: FactSheet,
                                count: int) -> tuple[list[Item], list[Dropped]]:
    """Plan the quiz; a cloze whose word bank would give it away leaves the candidates and the quiz is planned
    again, so another item can take its sentence. A cloze no bank could make fair leaves before planning."""
    candidates, left_out = _without_hopeless_clozes(candidates, facts)
    for _ in range(6):
        chosen, passed_over = plan_quiz(candidates, facts, count)
        kept, thin = _with_a_fair_word_bank(chosen, facts)
        if not thin:
            return chosen, left_out + passed_over
        left_out.extend(thin)
        gone = {(d.template, d.fact) for d in thin}
        candidates = [c for c in candidates if (c.item.template, c.item.fact) not in gone]
    return kept, left_out + passed_over


def _without_hopeless_clozes(candidates: list[Candidate], facts: FactSheet) -> tuple[list[Candidate], list[Dropped]]:
    """Cloze candidates whose blank has fewer than two possible peers in the whole article (its names and figures
    that could be decoys, and the other cloze candidates' blanks): no quiz could give them a fair word bank."""
    entries = set(_decoy_candidates(facts)) | {b for c in candidates if c.item.type == "cloze" for b in c.item.blanks}
    kept: list[Candidate] = []
    dropped: list[Dropped] = []
    for candidate in candidates:
        item = candidate.item
        if item.type == "cloze" and any(
                sum(e != b and _bank_peer(b, e, facts, item.source) and not _shares_a_name(b, e) for e in entries)
                < _BANK_PEERS - 1 for b in item.blanks):
            dropped.append(Dropped(item.template, item.fact, "the article has too few names or figures of its "
                                                             "blank's kind for a fair word bank"))
            continue
        kept.append(candidate)
    return kept, dropped


def _with_a_fair_word_bank(items: list[Item], facts: FactSheet) -> tuple[list[Item], list[Dropped]]:
    """Cloze items whose blank has fewer than `_BANK_PEERS` word-bank entries of its kind, form and scale (its own
    included) leave the quiz: the bank would fill them by elimination."""
    dropped: list[Dropped] = []
    while True:
        bank = [b for i in items if i.type == "cloze" for b in i.blanks] + list(_word_bank_extras(items, facts))
        thin = next((i for i in items if i.type == "cloze" and any(
            sum(_bank_peer(b, e, facts, i.source) for e in bank) < _BANK_PEERS for b in i.blanks)), None)
        if thin is None:
            return items, dropped
        items = [i for i in items if i is not thin]
        dropped.append(Dropped(thin.template, thin.fact, "not selected: the word bank would hold too few entries "
                                                         "of its blank's kind, so elimination would fill it"))


def _states_the_lede(item: Item, facts: FactSheet) -> bool:
    """The item rests on the first sentence or on one restating the headline."""
    index = next((s.index for s in facts.sentences if s.text == item.source), None)
    if index is None:
        return False
    return index == 0 or restates_headline(facts.sentences[index].text, facts.title)


def _balance_truth(items: list[Item], builder: _Builder, templates: dict[str, Template],
                   facts_by_kind: dict[str, list[Fact]], seed: int) -> list[Item]:
    """At most about half the true/false items are false, so that guessing either way scores no better than chance.
    Candidates are false whenever a safe swap exists (the rest can only be true), so only false ones beyond half
    are turned back to true, chosen in a seeded order."""
    false_ones = [i for i, item in enumerate(items) if item.type == "true_false" and item.answer == "False"]
    total = sum(item.type == "true_false" for item in items)
    excess = len(false_ones) - (total + 1) // 2
    # A statement of the headline or the first sentence stays false: said as written, it is answered by reading
    # the title (TRIVIAL), so it never makes up the number of true ones.
    false_ones = [i for i in false_ones if not _states_the_lede(items[i], builder.facts)]
    if excess <= 0 or not false_ones:
        return items
    random.Random(f"truth:{seed}").shuffle(false_ones)
    balanced = list(items)
    for index in false_ones[:excess]:
        item = items[index]
        template = templates[item.template]
        fact = next(f for f in facts_by_kind[template.applies_to] if f.id == item.fact)
        rebuilt = builder.true_false(template, fact, want_false=False)
        if check_item(rebuilt, builder.facts) is None:
            balanced[index] = rebuilt
    return balanced


def _shared_length(a: str, b: str) -> int:
    """How many characters `a` and `b` share from their start."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


_EDIT_CONTEXT = 12  # characters either side of a negation's edit that must read the same in the printed sentence


def _negation_as_printed(printed: str, sentence: str, negated: str) -> str | None:
    """`negated` (the article's `sentence` with its main claim negated) made on the sentence as printed, which may
    differ ('He said …' → 'Tony Blair said …', a dateline cut): the one edit replayed where the characters around it
    read the same. A teacher's own wording in facts.yaml is used as written when the sentence prints unchanged."""
    if printed == sentence:
        return negated
    head = _shared_length(sentence, negated)
    tail = _shared_length(sentence[head:][::-1], negated[head:][::-1])
    old, new = sentence[head:len(sentence) - tail], negated[head:len(negated) - tail]
    right = sentence[len(sentence) - tail:][:_EDIT_CONTEXT]
    for left in (sentence[:head][-_EDIT_CONTEXT:], ""):
        if len(left) + len(right) >= _EDIT_CONTEXT and printed.count(left + old + right) == 1:
            return printed.replace(left + old + right, left + new + right, 1)
    return None


def _gloss_of_a_person(fact: Fact, facts: FactSheet) -> str | None:
    """'Gerulaitis (tennis)': a person's name has no meaning to ask for; the brackets say who they are."""
    gloss = fact.record
    if isinstance(gloss, Gloss) and (entity := _entity_named(facts, gloss.term)) is not None and (
            entity.type == "PERSON"):
        return "the term is a person's name, which has no meaning to ask for"
    return None


FACT_RULES = (_gloss_of_a_person,)


def fact_problem(fact: Fact, facts: FactSheet) -> str | None:
    """Why no item should be built on this fact at all, or None."""
    return first_reason(FACT_RULES, fact, facts)


def bank_without_answers(extras: tuple[str, ...], items: list[Item]) -> tuple[str, ...]:
    """The word bank's decoys, leaving out any that another item asks for or that a false statement swapped out
    (a bank printing '12 months' settles 'The target is 6 months')."""
    answers = {normalize(i.answer).lower() for i in items if i.type in {"mcq", "short_answer"}}
    swapped = set().union(*(swapped_pair(i) for i in items))
    return tuple(e for e in extras if normalize(e).lower() not in answers | swapped)


# The builder method for a kind of item over a kind of fact, where it is not the method named after the kind.
_BUILD_METHOD = {("true_false", "contrast"): "contrast_true_false"}


def _candidates(facts: FactSheet, templates: list[Template], builder: _Builder,
                cache: dict[str, list[Fact]]) -> tuple[list[Candidate], list[Dropped]]:
    """Every template over every fact it applies to; each candidate checked, each failure with its reason."""
    candidates: list[Candidate] = []
    dropped: list[Dropped] = []
    for template in templates:
        for fact in cache.setdefault(template.applies_to, facts_for(template.applies_to, facts)):
            if not evaluate(template, fact.context):
                continue
            if (reason := fact_problem(fact, facts)) is not None:
                dropped.append(Dropped(template.id, fact.id, reason))
                continue
            try:
                item = getattr(builder, _BUILD_METHOD.get((template.kind, template.applies_to), template.kind))(
                    template, fact)
            except _DropError as reason:
                dropped.append(Dropped(template.id, fact.id, str(reason)))
                continue
            if problem := check_item(item, facts):
                dropped.append(Dropped(template.id, fact.id, problem))
                continue
            candidates.append(Candidate.of(item, fact, facts))
    return candidates, dropped


def generate_quiz(facts: FactSheet, templates: list[Template], count: int = 20, seed: int = 0) -> Quiz:
    """Every template over every fact it applies to, then a quiz planned as a whole from the candidates."""
    article_id = facts.slug
    builder = _Builder(facts, seed, article_id)
    cache: dict[str, list[Fact]] = {}
    candidates, dropped = _candidates(facts, templates, builder, cache)
    chosen, passed_over = _plan_with_a_fair_word_bank(candidates, facts, count)
    dropped.extend(passed_over)
    chosen = _balance_truth(chosen, builder, {t.id: t for t in templates}, cache, seed)
    # Worksheet order: by type, then by where the fact is in the article.
    order = {t: i for i, t in enumerate(TYPE_ORDER)}
    sentence_of = {s.text: s.index for s in facts.sentences}
    chosen.sort(key=lambda i: (order[i.type], sentence_of.get(i.source, 10_000), i.id))
    chosen = balance_answer_positions(chosen, random.Random(f"positions:{seed}"))
    bank_extras = bank_without_answers(_word_bank_extras(chosen, facts), chosen)
    shortfall = None
    if len(chosen) < count:
        shortfall = (f"made {len(chosen)} of {count} requested items: the article supports no more good ones "
                     f"({len(candidates)} passed the checks, and a quiz tests each fact once; run with -v to see "
                     f"every dropped candidate and why)")
    return Quiz(title=facts.title, slug=facts.slug, seed=seed, requested=count, items=tuple(chosen),
                dropped=tuple(dropped), shortfall=shortfall, byline=facts.byline, date=facts.date,
                source=facts.source, article_id=article_id, bank_extras=bank_extras)

"""Blanks worth filling: the rules that turn down a name or a figure as the answer to a blank.

A blank is not worth filling when the sentence (or the page) already answers it: the headline's own words, the
article's main subject or setting, a name spelt out beside it in brackets, a nationality that names the place, the
publisher, a count written again as digits, or an incidental name from a list. Each rule is a small named function
`(Blank) -> reason | None`, tested one by one; `blank_problem` returns the first reason.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from quizgen.generate.distractors import country_names, mentioned_in
from quizgen.generate.rules import first_reason
from quizgen.lang import en as lang_en
from quizgen.model import Entity, FactSheet, NumberFact
from quizgen.textutil import normalize, strip_honorific

_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen twenty").split()


@dataclass(frozen=True)
class ArticleProfile:
    """What the whole article makes obvious: its main subjects, its setting, its title and publisher."""

    title: str
    main_subjects: frozenset[str]  # entity ids
    settings: frozenset[str]  # entity ids of the places the story happens in
    publisher: str
    names: frozenset[str] = frozenset()  # every entity name, lower case
    in_passing: frozenset[str] = frozenset()  # entity ids of people the article names once, in passing


def _is_main_subject(entity: Entity, ranked: list[Entity], title: str) -> bool:
    """In the headline, or named about as often as the most-named thing (at least four times): any reader knows it.
    Two rivals the story keeps naming ("Blair" and "Brown") are both main subjects."""
    if any(mentioned_in(n, title) for n in entity.names if len(n) > 2):
        return True
    most = ranked[0].mentions if ranked else 0
    return entity.mentions >= 4 and entity.mentions >= 0.6 * most


def _settings(places: list[Entity], title: str) -> set[str]:
    """Places in the headline, the place the article keeps coming back to, and countries it names three times (or
    twice, when no place is named more often)."""
    settings = {e.id for e in places if any(mentioned_in(n, title) for n in e.names if len(n) > 1)}
    if places and places[0].mentions >= 2 and (len(places) == 1 or places[0].mentions > places[1].mentions):
        settings.add(places[0].id)
    countries = [e for e in places if normalize(e.name).lower() in country_names()]
    most = max((e.mentions for e in places), default=0)
    settings.update(e.id for e in countries if e.mentions >= 3 or (e.mentions >= 2 and e.mentions == most))
    return settings


_LEDE_SENTENCES = 2  # the opening sentences that, with the headline, name the story's actors


def _named_in_passing(person: Entity, facts: FactSheet) -> bool:
    """A person named once, outside the headline and the lede, and quoted once at most: a referee, a player
    substituted, a celebrity given as an example. The article is not about them."""
    if person.type != "PERSON" or person.mentions >= 2:
        return False
    lede = " ".join([facts.title, *(s.text for s in facts.sentences[:_LEDE_SENTENCES])])
    if any(mentioned_in(n, lede) for n in person.names if len(n) > 2):
        return False
    return sum(q.speaker_id == person.id for q in facts.quotes if q.enabled) < 2


def profile(facts: FactSheet) -> ArticleProfile:
    """What the article makes obvious: its title and publisher, and of its enabled entities the main subjects, the
    settings and every name."""
    enabled = [e for e in facts.entities if e.enabled]
    ranked = sorted(enabled, key=lambda e: (-e.mentions, e.id))
    places = [e for e in ranked if e.type in _PLACE_TYPES]
    main = {e.id for e in enabled if e.type not in _PLACE_TYPES and _is_main_subject(e, ranked, facts.title)}
    names = frozenset(normalize(n).lower() for e in enabled for n in e.names)
    passing = frozenset(e.id for e in enabled if _named_in_passing(e, facts))
    return ArticleProfile(facts.title, frozenset(main), frozenset(_settings(places, facts.title)),
                          facts.source or "", names, passing)


@dataclass(frozen=True)
class Blank:
    """One span a cloze or a figure question would blank, with what is known about it."""

    span: str
    sentence: str
    start: int  # character offset of the span in `sentence`
    entity: Entity | None
    number: NumberFact | None
    profile: ArticleProfile
    neighbours: tuple[NumberFact, ...] = ()  # the sentence's other figures
    in_word_bank: bool = False  # a cloze blank, answered from the shared word bank (not from its own options)

    @property
    def before(self) -> str:
        """The sentence before the blanked span."""
        return self.sentence[:self.start]

    @property
    def after(self) -> str:
        """The sentence after the blanked span."""
        return self.sentence[self.start + len(self.span):]


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, tuple[str, ...]]:
    return {k.lower(): tuple(v) for k, v in lang_en.table("demonyms").items()}


def _outlet_words() -> frozenset[str]:
    return lang_en.word_set("standalone", "outlet_words")


def _in_headline(blank: Blank) -> str | None:
    names = blank.entity.names if blank.entity else (blank.span,)
    if any(mentioned_in(strip_honorific(n), blank.profile.title) for n in names if len(n) > 2):
        return "the headline gives it"
    return None


def _main_subject(blank: Blank) -> str | None:
    if blank.entity is not None and blank.entity.id in blank.profile.main_subjects:
        return "the article's main subject: any reader fills it"
    return None


def _setting(blank: Blank) -> str | None:
    if blank.entity is not None and blank.entity.id in blank.profile.settings:
        return "the setting of the story"
    return None


def _spelled_out_beside(blank: Blank) -> str | None:
    if blank.after.startswith((" (", "(")) or blank.before.rstrip().endswith("("):
        return "the sentence spells it out in brackets beside the blank"
    if blank.entity is not None and any(
            mentioned_in(n, blank.before + " " + blank.after) for n in blank.entity.names if len(n) > 1):
        return "another name for it is in the same sentence"
    return None


def _nationality_cue(blank: Blank) -> str | None:
    if blank.entity is None or blank.entity.type not in _PLACE_TYPES:
        return None
    names = {normalize(n).lower() for n in blank.entity.names}
    rest = (blank.before + " " + blank.after).lower()
    for demonym, places in _demonyms().items():
        if names & {p.lower() for p in places} and re.search(rf"\b{re.escape(demonym)}\b", rest):
            return f"'{demonym}' in the sentence names the place"
    return None


def _publisher(blank: Blank) -> str | None:
    words = normalize(blank.span).lower().split()
    if blank.profile.publisher and normalize(blank.profile.publisher).lower() == " ".join(words):
        return "the page's own publisher"
    if words and words[-1] in _outlet_words() and (blank.entity is None or blank.entity.type != "PERSON"):
        return "a news outlet's name (page furniture, not a fact)"
    return None


def _count_elsewhere(blank: Blank) -> str | None:
    number = blank.number
    if number is None or number.value is None or number.value != int(number.value):
        return None
    value = int(number.value)
    rest = blank.before + " " + blank.after
    written = [str(value)] + ([_NUMBER_WORDS[value]] if value < len(_NUMBER_WORDS) else [])
    if any(re.search(rf"(?<![\d,.]){re.escape(w)}(?![\d,]|\.\d)", rest, re.I) for w in written):
        return "the same figure is written elsewhere in the sentence"
    return None


_LIST_CUE = re.compile(r"(?:such as|including|like|among them)\s*$", re.I)
_NEXT_IN_LIST = re.compile(r"^(?:,|\s+and|\s+or|\s+&)\s+(?:the\s+)?([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)")
_BEFORE_IN_LIST = re.compile(r"([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)(?:,|\s+and|\s+or|\s+&)\s+(?:the\s+)?$")


def _listed_with_others(blank: Blank) -> str | None:
    """'artists such as Ludacris and _____', 'between Boeing and _____': a guess among the names beside it."""
    if blank.entity is None:
        return None
    neighbours = [m.group(1) for m in (_NEXT_IN_LIST.match(blank.after), _BEFORE_IN_LIST.search(blank.before)) if m]
    # "Dutchman Arnoud Okken and _____": the neighbour is a known name once the words before it are dropped.
    tails = {" ".join(words[k:]) for n in neighbours for words in [normalize(n).lower().strip(" .,;:").split()]
             for k in range(len(words))}
    # Beside a shared word bank any name joined to it by a comma or "and" is a list ("Ana Ruiz, Lee Park and
    # _____"), known to the facts or not: the blank is one member of many, not the sentence's key figure.
    if _LIST_CUE.search(blank.before) or tails & blank.profile.names or (blank.in_word_bank and neighbours):
        return "one name of a list: the others beside it make it a guess, not a fact"
    return None


def _named_once_in_passing(blank: Blank) -> str | None:
    """A cloze on a person the article names once, outside the headline and lede, tests an incidental name."""
    if blank.in_word_bank and blank.entity is not None and blank.entity.id in blank.profile.in_passing:
        return "a person named once, in passing: not what the article is about"
    return None


def _incidental_roles() -> frozenset[str]:
    return lang_en.word_set("cloze_blanks", "incidental_roles")


@functools.lru_cache(maxsize=1)
def _substitution_cue() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in lang_en.table("cloze_blanks")["substitution"])
    return re.compile(rf"\b(?:{cues})\s+$", re.I)


def _incidental_role(blank: Blank) -> str | None:
    """'referee _____', '_____, the linesman,', 'came on for _____': an official, a substitute or a reporter in a
    cloze is a name in passing, not the sentence's key figure."""
    if not blank.in_word_bank or blank.entity is None or blank.entity.type != "PERSON":
        return None
    before = blank.before.rstrip(" ,").split()
    role_before = bool(before) and before[-1].lower().strip("'’s") in _incidental_roles()
    appositive = re.match(r"^,\s+(?:the|a|an)\s+(?:\w+\s+)?(\w+)", blank.after)
    role_after = appositive is not None and appositive.group(1).lower() in _incidental_roles()
    if role_before or role_after or _substitution_cue().search(blank.before):
        return "an official, a substitute or a reporter: a name in passing"
    return None


def _figure_in_brackets(blank: Blank) -> str | None:
    if blank.number is not None and re.match(r"\s*(?:\([^)]*\d|(?:of \w+)?,? or (?:about |some |nearly )?[$£€]?\d)",
                                             blank.after):
        return "the words after it give the same figure another way"
    return None


def _vague_whole(blank: Blank) -> str | None:
    """'Nearly a third of them': the figure is meaningless without the sentence before."""
    if blank.number is not None and re.match(r"\s*of (?:them|these|those|it|this|that)\b", blank.after):
        return "a share of 'them': the sentence before says of what"
    return None


def _computable(blank: Blank) -> str | None:
    """'Of 400 boats, 100 or 25% sank': two counts (or two sums) of one kind beside a share give it away."""
    number = blank.number
    if number is None or number.kind not in {"percent", "fraction", "multiple"}:
        return None
    kinds = [n.kind for n in blank.neighbours if n.kind in {"count", "money"}]
    if any(kinds.count(kind) >= 2 for kind in set(kinds)):
        return "a share the other figures in the sentence let a student compute"
    return None


_ROLE_SUFFIX = re.compile(r"[a-z]{2,}(?:ist|or|er|ian|ant|ent|man|woman)$")


@functools.lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    """Words naming what a person is: titles, people nouns, the incidental roles."""
    people = lang_en.table("speaker_nouns")["people"]
    return frozenset(w.lower() for w in (*people, *_name_titles(), *_incidental_roles()))


def _not_roles() -> frozenset[str]:
    return lang_en.word_set("cloze_blanks", "not_roles")


def _role_beside(blank: Blank) -> str | None:
    """'Russian President _____', 'Sunday Telegraph journalist _____', 'Head of the division, _____,': beside a
    shared word bank the role printed next to the blank picks its person out of the bank without the article."""
    if not blank.in_word_bank or blank.entity is None or blank.entity.type != "PERSON":
        return None
    words = re.findall(r"[A-Za-z'’-]+", blank.before[-40:])
    last = words[-1].lower() if words else ""
    role = last in _role_nouns() or (_ROLE_SUFFIX.match(last) is not None and last not in _not_roles())
    appositive = blank.before.endswith(", ") and blank.after.startswith(",")
    if (role and not blank.before.endswith((". ", ", "))) or appositive:
        return "the role printed beside the blank picks the person out of the word bank"
    return None


def _figure_beside_its_kind(blank: Blank) -> str | None:
    """'Profit was $186m, compared with _____': beside a shared word bank, another figure of the blank's kind in
    the sentence (larger, smaller, from, to) rules bank entries in or out by arithmetic, not by reading."""
    if not blank.in_word_bank or blank.number is None:
        return None
    # Counts compare only when they count one thing ("40 devices from _____ countries" sorts nothing out).
    if any(n.kind == blank.number.kind and (n.kind != "count" or n.counts == blank.number.counts)
           for n in blank.neighbours):
        return "another figure of its kind in the sentence lets the word bank be sorted by arithmetic"
    return None


def _inside_brackets(blank: Blank) -> str | None:
    if blank.before.count("(") > blank.before.count(")"):
        return "an aside in brackets, not the sentence's fact"
    return None


_CAPITAL_BEFORE = re.compile(r"(?:^|\s)(?!(?:The|A|An|In|On|At|By|For|As|But|And|Of|To)\s$)([A-Z][\w'’&.-]*):?\s$")
_CAPITAL_AFTER = re.compile(r"^\s[A-Z][a-z]")


def _name_titles() -> frozenset[str]:
    return lang_en.word_set("roles", "name_titles")


def _part_of_longer_name(blank: Blank) -> str | None:
    """'CSI: _____', 'Sunday _____ journalist', 'The _____' of an album title: the blank cuts a name in two."""
    if blank.number is not None:
        return None  # "four English regions": a figure before a name is not part of it
    before = _CAPITAL_BEFORE.search(blank.before) if blank.start > 0 else None
    if before is not None and before.group(1).lower().rstrip(".") in _name_titles():
        before = None  # "Judge _____": the title is not part of the name
    if before is not None or _CAPITAL_AFTER.match(blank.after):
        return "it is part of a longer name"
    if blank.entity is not None and blank.entity.type == "WORK_OF_ART" and re.search(r"(?:^|\s)The\s$", blank.before):
        return "it is part of a longer name"  # "The _____" of "The College Dropout"
    return None


def _form_cue(blank: Blank) -> str | None:
    """'_____' hanging a bare possessive apostrophe ("_____' head") cues a name ending in s; a figure opening the
    sentence is the only capitalised one in the bank ("Only 11%")."""
    if re.match(r"^['’](?!s\b)", blank.after):
        return "a bare possessive apostrophe after the blank cues a name ending in s"
    if blank.in_word_bank and blank.number is not None and blank.start == 0:
        return "a figure opening the sentence is the only capitalised one in the word bank"
    return None


BLANK_RULES: tuple[Callable[[Blank], str | None], ...] = (
    _in_headline, _main_subject, _setting, _part_of_longer_name, _spelled_out_beside, _nationality_cue, _publisher,
    _count_elsewhere, _listed_with_others, _named_once_in_passing, _incidental_role, _role_beside,
    _figure_in_brackets, _vague_whole, _computable, _figure_beside_its_kind, _inside_brackets, _form_cue)


def blank_problem(blank: Blank) -> str | None:
    """Why a span is not worth blanking, or None when it is."""
    reason = first_reason(BLANK_RULES, blank)
    return None if reason is None else f"'{blank.span}': {reason}"

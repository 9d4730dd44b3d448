"""An opening pronoun replaced by the name it stands for, when that name is certain: 'He added that …' → 'Tony Blair
added that …', 'Its profits rose …' → 'Boeing's profits rose …', 'The company said …' → 'Boeing said …'.

Certain means: the sentence before names exactly one person who may be meant, whom the article shows to be of the
pronoun's gender (or one organisation, for 'it', 'its' and 'the company'), outside quotation marks and as its
subject or speaker (not 'a spokesman for Tony Blair'); or it names none and itself opens with the same pronoun,
which is resolved the same way. 'The company' may also stand for the one organisation the whole story is about.
Anything less and the sentence is left as written, for the context rules to skip.
The English words are in quizgen/lang/en/data/antecedents.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from quizgen.generate.distractors import fine_kind, mentioned_in
from quizgen.generate.standalone import drop_linking_opener, names_a_person, role_subject
from quizgen.lang import en as lang_en
from quizgen.model import Entity, FactSheet

_ORGANISATION = "organisation"
_CHAIN = 3  # "He … . He … . He …": how far back a run of the same pronoun is followed to its name
_QUOTED = re.compile(r"“[^”“]*”|\"[^\"]*\"|‘[^’‘]*’")


@dataclass(frozen=True)
class Opening:
    """What a sentence opens with that stands for a name: the words, the kind of referent, possessive or not."""

    words: str
    kind: str  # "male", "female" or "organisation"
    possessive: bool


@dataclass(frozen=True)
class Resolved:
    """A sentence with its opening pronoun replaced, and the entity put in (None: the sentence as written)."""

    text: str
    entity: Entity | None = None


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    return lang_en.table("antecedents")


def _word_after(text: str, words: str) -> str:
    following = text[len(words):].split(None, 2)
    return following[0] if following else ""


def _acts(text: str, words: str, pronoun: str) -> bool:
    """'It also said …', 'It is banking on …', 'They announced …': a verb of acting or saying follows, so 'it' is
    not the dummy subject of 'It took ten hours' or 'It is unclear'."""
    table = _table()
    following = [w.strip(",;:") for w in text[len(words):].split()[:4]]
    while following and following[0] in table["verb_adverbs"] and following[0] not in table["organisation_verbs"]:
        following.pop(0)
    if not following or following[0] not in table["organisation_verbs"]:
        return False
    nxt = following[1] if len(following) > 1 else ""
    if following[0] in table["organisation_auxiliaries"] and not re.fullmatch(r"[a-z]+(?:ing|ed|en)", nxt):
        return False
    # "It will cut 300 jobs", not the dummy "It will start becoming clear …", "It would be wrong to …".
    if following[0] in table["organisation_modals"] and nxt not in table["organisation_modal_verbs"]:
        return False
    # "They says" is not English, and "Boeing are" reads badly: a plural pronoun only before a past or a modal.
    return pronoun != "they" or following[0].endswith("ed") or following[0] in {
        "said", "told", "had", "made", "sold", "bought", "ran", "cut", "will", "would"}


def opening(text: str) -> Opening | None:
    """The pronoun or organisation noun `text` opens with, followed by the rest of a sentence in lower case."""
    table = _table()
    first = text.split(None, 1)[0] if text.split() else ""
    lowered = first.lower()
    if first in {"He", "She", "It", "They"} and _word_after(text, first)[:1].islower():
        if lowered in {"it", "they"} and not _acts(text, first, lowered):
            return None
        return Opening(first, table["subject_pronouns"][lowered], False)
    # "Her 72-year-old mother …": a possessive may come before a figure.
    if first in {"His", "Her", "Its"} and (_word_after(text, first)[:1].islower()
                                           or _word_after(text, first)[:1].isdigit()):
        return Opening(first, table["possessive_pronouns"][lowered], True)
    for noun in table["organisation_nouns"]:
        m = re.match(rf"{re.escape(noun)}(?=['’]s\s|\s+[a-z])", text, re.I)
        if m is not None and text[:1].isupper():
            return Opening(m.group(0), _ORGANISATION, False)
    return None


@functools.lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    table = lang_en.table("gender")
    return {**{n: "male" for n in table["male_names"]}, **{n: "female" for n in table["female_names"]}}


def _gender(entity: Entity) -> str | None:
    """The gender the article shows, checked against a common first name ('David Theriault' is a man); None when
    the two disagree (a 'Hillary Clinton' merged with 'Mr Clinton') or neither says."""
    by_name = _first_names().get(entity.name.split()[0]) if " " in entity.name else None
    if entity.gender and by_name and entity.gender != by_name:
        return None
    return entity.gender or by_name


@functools.lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    return frozenset(lang_en.table("standalone")["calendar_words"])


def _fits(entity: Entity, kind: str) -> bool:
    # "Cruz Wednesday": a name the tagger ran into a date is never printed as a person's name.
    if not entity.enabled or set(entity.name.split()) & _calendar_words():
        return False
    if kind == _ORGANISATION:
        return entity.type == "ORG"
    return entity.type == "PERSON" and _gender(entity) in (None, kind)


def _names(entity: Entity, facts: FactSheet | None) -> tuple[str, ...]:
    """The entity's names, and for a person the surname alone when no one else of the article has it ('Espinoza'
    for Maria Espinoza, who the extractor gave no alias)."""
    names = tuple(n for n in entity.names if len(n) > 2)
    if facts is not None and entity.type == "PERSON" and len(entity.name.split()) > 1:
        surname = entity.name.split()[-1]
        if surname not in names and len(surname) > 2 and _person_by_surname(facts, surname) is entity:
            names += (surname,)
    return names


def _named(entity: Entity, text: str, facts: FactSheet | None = None) -> bool:
    # A name is matched as written, capital and all: "battery" is no mention of a person called Simple Battery.
    return any(mentioned_in(n, text) and re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)
               for n in _names(entity, facts))


def _as_subject(entity: Entity, text: str, facts: FactSheet | None = None) -> bool:
    """The name comes first, after at most a role ('Former minister Frank Field criticised …'), and is not a
    possessor ('Blair's spokesman said …'); or it opens the main clause after a scene-setting one and its verb
    follows it ('In a letter filed on Monday, FBI counsel James Baker said …')."""
    names = sorted(_names(entity, facts), key=len, reverse=True)
    m = next((m for n in names if (m := re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text))), None)
    if m is None or re.match(r"['’]s\b", text[m.end():]):
        return False
    before = text[:m.start()]
    if _main_clause_subject(before, text[m.end():]) or _complement_subject(before, text[m.end():]) \
            or _passive_agent(before, text[m.end():]):
        return True
    if re.search(r"(?:^|,\s*)(?:said|says|added|adds|explained|according to)\s+(?:[\w'’-]+\s+){0,4}$", before):
        # "…, said David Theriault, standards liaison at Ubisense": the speaker; not "according to a POLITICO
        # analysis", where the name only qualifies the source.
        return re.match(r"\s*(?:[,.;:!?(]|$)", text[m.end():]) is not None
    # "If he fails there, Sanders said …", "After the vote, Bo Chen said …": a clause that names no one, then the name.
    if re.fullmatch(r"[A-Z][a-z]+\b[^,A-Z]*,\s*", before):
        return True
    words = re.findall(r"[\w'’-]+", before.lower())
    return "," not in before and len(words) <= 6 and not set(words) & set(_table()["not_before_subject"])


def _complement_subject(before: str, after: str) -> bool:
    """'What that means is that Sanders needs …', 'The report found that Bo Chen had …': the subject of a
    that-clause, its verb right after the name, when the words before it name no person ('the mayor said that …'
    leaves the mayor as the one 'he' may mean)."""
    if re.search(r"\bthat\s+$", before) is None or names_a_person(before):
        return False
    # "The harbour master said that Bo Chen had won": whoever said it may be the one 'he' means.
    if re.search(rf"\b(?:{'|'.join(_table()['reporting_verbs'])})\b", before, re.I):
        return False
    verbs = "|".join(_table()["main_clause_verbs"])
    return re.match(rf"\s+(?:{verbs}|[a-z]{{3,}}ed)\b", after) is not None


# "… was set up as a trap a year ago by Gawker.com writer Ashley Feinberg.": the one who did it, at the end of a
# passive clause, after at most a role.
_PASSIVE_AGENT = re.compile(r"\b(?:was|were|been|being)\s+[a-z]+\b[^,;:]{0,80}?\sby\s+(?:[\w.'’-]+\s+){0,3}$")


def _passive_agent(before: str, after: str) -> bool:
    return _PASSIVE_AGENT.search(before) is not None and re.fullmatch(r"\s*[.!?]?\s*", after) is not None


def _main_clause_subject(before: str, after: str) -> bool:
    """'…, FBI general counsel James Baker said …', '…, Rhonda Hughes, 43, is …': after the last comma only a role
    (no word that makes the name an object or a possessor's), and right after the name, perhaps past an age, a verb
    of its own. A name in a clause that opens after the comma with 'when', 'that', 'and' … is no subject of the
    sentence; the clause before the comma is closed, whatever it holds."""
    head, comma, role = before.rpartition(",")
    if not comma or not head.strip() or len(role.split()) > 4:
        return False
    table = _table()
    if set(re.findall(r"[\w'’-]+", role.lower())) & {*table["not_before_subject"], *table["subordinators"]}:
        return False
    verbs = "|".join(table["main_clause_verbs"])
    return re.match(rf"(?:,\s*\d{{1,3}},)?\s+(?:(?:{'|'.join(table['verb_adverbs'])})\s+)?(?:{verbs}|[a-z]{{3,}}ed)\b",
                    after) is not None


def _antecedent(facts: FactSheet, index: int, kind: str, chain: int = _CHAIN) -> Entity | None:
    """The one entity of `kind` that sentence `index - 1` is about, or None when that is not certain."""
    if index == 0:
        return None
    before = _QUOTED.sub(" … ", drop_linking_opener(facts.sentences[index - 1].text))
    named = [e for e in facts.entities if _fits(e, kind) and _named(e, before, facts)]
    # A person whose gender the article never shows may be the one meant, but is never put in: not certain.
    if len(named) == 1 and (kind == _ORGANISATION or _gender(named[0]) == kind):
        people = [e for e in facts.entities if e.enabled and e.type == "PERSON" and _named(e, before, facts)]
        # "Boeing chief Alan Mulally said …": the sentence is about the person, not the firm.
        if _as_subject(named[0], before, facts) and (kind != _ORGANISATION or not people):
            return named[0]
        return None
    if not named and chain > 0 and _same_pronoun_as_subject(before, kind):
        return _antecedent(facts, index - 1, kind, chain - 1)
    return None


def _same_pronoun_as_subject(text: str, kind: str) -> bool:
    """'He said …', 'He's …', '“…,” he said.': the sentence before is about the one the pronoun stands for too."""
    pronoun = {"male": "he", "female": "she"}.get(kind)
    found = opening(text)
    if found is not None:
        return found.kind == kind and not found.possessive
    return pronoun is not None and re.match(rf"^\W*(?:{pronoun}['’]s\b|[“\"…\s]*[,.]?\s*{pronoun} "
                                            r"(?:said|says|added|adds)\b)", text, re.I) is not None


def _dominant_organisation(facts: FactSheet, index: int) -> Entity | None:
    """The business the story is about, for 'The company added …': named in the headline or the lede, at least
    three times, more than twice as often as any other (or more often than any other and in the sentence before),
    and no other organisation in the sentence before."""
    orgs = sorted((e for e in facts.entities if _fits(e, _ORGANISATION)), key=lambda e: -e.mentions)
    if not orgs or orgs[0].mentions < 3 or (len(orgs) > 1 and orgs[1].mentions == orgs[0].mentions):
        return None
    top = orgs[0]
    if fine_kind(top) != "ORG" or set(top.name.lower().split()) & set(_table()["not_a_company_words"]):
        return None  # "The company …" in a story about the Labour Party is some other body
    opening_text = " ".join([facts.title, *(s.text for s in facts.sentences[:2])])
    before = _QUOTED.sub(" … ", facts.sentences[index - 1].text) if index else ""
    if not _named(top, opening_text) or any(_named(e, before) for e in orgs[1:]):
        return None
    # Named more than twice as often as any other; or, ahead of the rest, the one organisation the sentence before
    # names ("… the fifth variation of Boeing's 777." → "The company rolled it out …" in a story where Airbus
    # comes second).
    if len(orgs) > 1 and orgs[1].mentions * 2 >= top.mentions and not _named(top, before):
        return None
    return top


def _written_name(entity: Entity, facts: FactSheet) -> str:
    """'The Electoral Commission' when the article writes it with 'the'; 'Boeing', 'Tony Blair' otherwise."""
    with_the = re.compile(rf"\b[Tt]he {re.escape(entity.name)}\b")
    if entity.type == "ORG" and any(with_the.search(s.text) for s in facts.sentences):
        return f"The {entity.name}"
    return entity.name


def _resolve_start(facts: FactSheet, index: int, text: str) -> Resolved:
    """'He added …' → 'Tony Blair added …'; the text unchanged (entity None) when not certain."""
    found = opening(text)
    if found is None:
        return Resolved(text)
    entity = _antecedent(facts, index, found.kind)
    if entity is None and found.words.lower() in _table()["story_company_nouns"]:
        entity = _dominant_organisation(facts, index)
    # "He said Blair was wrong": the pronoun is not Blair, whoever the sentence before named. ("His career ended
    # before it began, when a crash left West …": a possessive may look forward to the name.)
    if entity is None or (not found.possessive and _named(entity, _QUOTED.sub(" … ", text))):
        return Resolved(text)
    name = _written_name(entity, facts)
    if found.possessive:
        name += "’s" if "’" in text else "'s"
    return Resolved(name + text[len(found.words):], entity)


_ATTRIBUTION = re.compile(r",\s*(he|she)\s+(?=(?:[a-z]+ed|said|says|added|adds|told|thinks|thought|believes|argues|"
                          r"warns|predicts|claims)\b)")


def _resolve_attribution(facts: FactSheet, index: int, text: str) -> Resolved:
    """'Fares will fall next year, he predicted.' → '…, Ana Lima predicted.' when the sentence names no one who could
    be 'he' and the sentence before names one, certainly (the same rule as an opening pronoun)."""
    plain = _QUOTED.sub(lambda m: "…" * len(m.group(0)), text)  # same length: positions still match `text`
    m = _ATTRIBUTION.search(plain)
    if m is None:
        return Resolved(text)
    kind = _table()["subject_pronouns"][m.group(1)]
    if any(_fits(e, kind) and _named(e, plain) for e in facts.entities):
        return Resolved(text)
    entity = _antecedent(facts, index, kind)
    if entity is None:
        return Resolved(text)
    return Resolved(f"{text[:m.start(1)]}{entity.name} {text[m.end():]}", entity)


def _holds_role(entity: Entity, role: str, text: str) -> bool:
    """'UKIP MEP Robert Kilroy-Silk …', 'Ryan Giggs, the Manchester United wing, …': the role written beside the
    name (before it, or in an apposition after it)."""
    for name in _names(entity, None):
        n, r = re.escape(name), re.escape(role)
        if re.search(rf"\b{r}\s+(?:[A-Z][\w'’.-]*\s+){{0,2}}?{n}(?![\w-])", text, re.I if role.islower() else 0) \
                or re.search(rf"(?<![\w-]){n},\s+(?:the\s+|an?\s+)?[^,.]{{0,40}}?\b{r}\b", text):
            return True
    return False


def _resolve_role(facts: FactSheet, index: int, text: str) -> Resolved:
    """'The MEP said …' → 'Robert Kilroy-Silk said …' when the sentence before names exactly one person, as its
    subject, and the article wrote that role beside that person's name before this sentence."""
    found = role_subject(text)
    if found is None or index == 0:
        return Resolved(text)
    words, role = found
    before = _QUOTED.sub(" … ", drop_linking_opener(facts.sentences[index - 1].text))
    # Any one person, of whatever gender ('the MEP' says none).
    people = [e for e in facts.entities if e.type == "PERSON" and _fits(e, _gender(e) or "any")
              and _named(e, before, facts)]
    if len(people) != 1 or not _as_subject(people[0], before, facts):
        return Resolved(text)
    person = people[0]
    earlier = " ".join([facts.title, *(s.text for s in facts.sentences[:index])])
    if _named(person, _QUOTED.sub(" … ", text), facts) or not _holds_role(person, role, earlier):
        return Resolved(text)
    return Resolved(person.name + text[len(words):], person)


def resolve_opening(facts: FactSheet, index: int) -> Resolved:
    """Sentence `index` with its opening pronoun (after a dropped linking word), or the pronoun of its ', he said',
    replaced by the name it stands for; as written when there is none or the name is not certain."""
    written = facts.sentences[index].text
    text = drop_linking_opener(written)
    resolved = _resolve_start(facts, index, text)
    if resolved.entity is None:
        resolved = _resolve_attribution(facts, index, text)
    if resolved.entity is None:
        resolved = _resolve_role(facts, index, text)
    resolved = resolved if resolved.entity is not None else Resolved(written)
    return Resolved(full_surnames(facts, resolved.text), resolved.entity)


# A capitalised word not joined to the next by a hyphen, an apostrophe or a space before another capitalised word:
# perhaps a surname standing alone ("Lee was making …"); `_after_name` rules out the end of a longer name.
# "Brown's Britain" is a title, not a person: a possessive before another capitalised word is left alone.
_LONE_WORD = re.compile(r"(?<![\w.-])([A-Z][a-z][\w-]*)(?![\w-]|['’][a-rt-z]| [A-Z]|['’]s [A-Z])")


def _person_by_surname(facts: FactSheet, word: str) -> Entity | None:
    """The one person of the article whose full name (two words or more) ends with `word`; None when no person or
    more than one does, or when `word` is also the whole name of something else (a place, a firm)."""
    return _surname_index(facts).get(word)


_SURNAMES: list[tuple[FactSheet, dict[str, Entity]]] = []  # the last article's index (asked once per name)


def _surname_index(facts: FactSheet) -> dict[str, Entity]:
    """Surname -> the one person who has it, built once per article: asked for every entity of every sentence, a
    scan of all entities each time would cost the square of their number."""
    if _SURNAMES and _SURNAMES[0][0] is facts:
        return _SURNAMES[0][1]
    owners: dict[str, list[Entity]] = {}
    for e in facts.entities:
        if e.type == "PERSON" and len(e.name.split()) > 1:
            owners.setdefault(e.name.split()[-1], []).append(e)
    other_names = {n for e in facts.entities if e.type != "PERSON" for n in e.names}
    index = {word: people[0] for word, people in owners.items() if len(people) == 1 and word not in other_names}
    _SURNAMES[:] = [(facts, index)]
    return index


def _after_name(text: str, at: int) -> bool:
    """'Bruce Lee', 'Mr Lee', 'Dr. Lee': a capitalised word right before (no comma between) already says who;
    'Even Lee', 'But Lee': a sentence's first word that only opens it says nothing."""
    before = text[:at].split()
    if not before or not before[-1][:1].isupper() or before[-1][-1:] in ",;:":
        return False
    return not (len(before) == 1 and before[0].lower() in _openers_only())


@functools.lru_cache(maxsize=1)
def _openers_only() -> frozenset[str]:
    data = lang_en.table("standalone")
    return frozenset(w.lower() for w in (*data["function_starters"], *data["scene_openers"], "even"))


def full_surnames(facts: FactSheet, text: str) -> str:
    """'Lee was making a film …' → 'Bruce Lee was making a film …': the first surname standing alone for a person
    whose full name the article gives elsewhere (and this sentence does not), written out. Names inside quotation
    marks stay as spoken."""
    plain = _QUOTED.sub(lambda m: "…" * len(m.group(0)), text)  # same length: positions still match `text`
    spans: list[tuple[int, int, str]] = []
    for m in _LONE_WORD.finditer(plain):
        person = _person_by_surname(facts, m.group(1))
        if person is None or person.name in text or any(name == person.name for *_, name in spans):
            continue  # written in full already, or its first lone mention is being written out
        if not _after_name(plain, m.start()):
            spans.append((m.start(), m.end(), person.name))
    for start, end, name in reversed(spans):  # from the end, so earlier positions stay valid
        text = text[:start] + name + text[end:]
    return text

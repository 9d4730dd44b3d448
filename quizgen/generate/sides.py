"""Which side a person is on, as the article ties them: the team, country, party or organisation named beside them
(a demonym, "Spain's X", "X of Spain", the body in their role) and their role's head noun. A false statement swaps a
person only for one of the same side or role, or it would be false without reading ("England captain Kane" put
in a Korean player's place)."""

from __future__ import annotations

import functools
import re

from quizgen.lang import en as lang_en
from quizgen.model import Entity, FactSheet
from quizgen.textutil import compiled

_BODY_TYPES = frozenset({"ORG", "GPE", "NORP", "LOC"})
_CAPITALISED = re.compile(r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&’'-]*)*")


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    return lang_en.table("person_sides")


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """'spanish' → 'spain': a nationality word and the place it names."""
    return {k.lower(): v[0].lower() for k, v in lang_en.table("demonyms").items()}


def _canonical(word: str, facts: FactSheet) -> str:
    """One tag for one side: a demonym as its place, a name as its entity's main name ('Spanish', 'Spain' → spain)."""
    bare = re.sub(r"['’]s$", "", word.strip(" ,.")).lower()
    bare = _demonyms().get(bare, bare)
    for entity in facts.entities:
        if entity.type in _BODY_TYPES and bare in (n.lower() for n in entity.names):
            return _demonyms().get(entity.name.lower(), entity.name.lower())
    return bare


def _bodies_in(text: str, facts: FactSheet) -> set[str]:
    """The teams, countries, parties and organisations a piece of text names (entities or demonyms)."""
    found = set()
    for entity in facts.entities:
        if entity.type in _BODY_TYPES and any(compiled(rf"(?<!\w){re.escape(n)}(?!\w)").search(text)
                                              for n in entity.names if len(n) > 1):
            found.add(_canonical(entity.name, facts))
    found |= {_demonyms()[w.lower()] for w in re.findall(r"[A-Z][a-z]+", text) if w.lower() in _demonyms()}
    return found


def _body_before(before: str, facts: FactSheet) -> set[str]:
    """'Russian X', "Spain's X", "Spain's star X", 'England captain X': the word before the name, or before one or
    two role words, names a body. Any other capitalised word near the name ties nothing ('the Yukos case, Judge X')."""
    words = before.split()[-3:]
    while words and words[-1].islower() and len(words) > 1:
        words.pop()  # role words: 'captain', 'star'
    if not words or not words[-1][:1].isupper() or words[-1].endswith(","):
        return set()
    return _bodies_in(re.sub(r"['’]s$", "", words[-1]), facts)


def _beside_each_mention(entity: Entity, facts: FactSheet) -> set[str]:
    """Bodies written right beside the person's name: 'Russian X', "Spain's X", 'X of Spain', 'X (Labour)'."""
    after = "|".join(re.escape(w) for w in _table()["after_name"])
    found: set[str] = set()
    for name in (n for n in entity.names if len(n) > 2):
        pattern = compiled(rf"(?<!\w){re.escape(name)}(?!\w)")
        for sentence in facts.sentences:
            for m in pattern.finditer(sentence.text):
                found |= _body_before(sentence.text[:m.start()], facts)
                tail = re.match(rf",?\s+(?:{after})\s+(?:the\s+)?({_CAPITALISED.pattern})|\s+\(([^)]+)\)",
                                sentence.text[m.end():])
                if tail is not None:
                    found |= _bodies_in(tail.group(1) or tail.group(2), facts)
    return found


def sides(entity: Entity, facts: FactSheet) -> frozenset[str]:
    """The bodies the article ties a person to: those named in their role and those written beside their name."""
    described = _bodies_in(entity.description, facts) if entity.description else set()
    return frozenset(described | _beside_each_mention(entity, facts))


def role_head(entity: Entity) -> str:
    """The head noun of a person's role: 'the head coach of the club' → 'coach'; '' without a role."""
    if not entity.description:
        return ""
    ends = "|".join(re.escape(w) for w in _table()["role_head_ends"])
    head = re.split(rf",|\s(?:{ends})\s", entity.description, maxsplit=1)[0]
    words = [w for w in head.lower().split() if w not in _table()["role_fillers"]]
    return re.sub(r"['’]s$", "", words[-1]) if words else ""


def same_side(other: Entity, entity: Entity, facts: FactSheet) -> bool:
    """`other` may stand in `entity`'s place in a false statement: the article ties both, to the same body or by
    the same role (a role of one kind of body: 'mayor', not 'president'), and never to two different bodies each."""
    ours, theirs = sides(entity, facts), sides(other, facts)
    if ours and theirs and not ours & theirs:
        return False  # each tied to another team, country or party
    role = role_head(entity)
    # 'president' of a council and of a country: a role of any body ties two people only with that body
    specific = role not in _table()["roles_of_any_body"]
    return bool(ours & theirs) or (bool(role) and specific and role == role_head(other))

"""Distractors of the answer's own kind, never a second correct answer."""

from __future__ import annotations

import difflib
import functools
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from quizgen.generate.rules import first_reason
from quizgen.lang import en as lang_en
from quizgen.model import Entity, FactSheet, NumberFact, Quote
from quizgen.textutil import compiled, normalize, stable_id

PLACE_TYPES = {"GPE", "LOC"}
_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_FRACTION_LADDER = [("a quarter", 0.25), ("a third", 1 / 3), ("half", 0.5), ("two thirds", 2 / 3),
                    ("three quarters", 0.75)]
_MULTIPLE_LADDER = [("halved", 0.5), ("doubled", 2.0), ("tripled", 3.0), ("quadrupled", 4.0), ("quintupled", 5.0)]


@functools.lru_cache(maxsize=1)
def curated_lists() -> dict[str, tuple[str, ...]]:
    """The curated fallback distractors by kind ("countries", "cities", "organisations"), for an article that
    names too few things of the answer's kind."""
    return {k: tuple(v) for k, v in lang_en.table("fallback_distractors").items()}


def _key(text: str) -> str:
    return normalize(text).lower()


def overlaps(a: str, b: str) -> bool:
    """Same name or one inside the other ('Kim' / 'Kim Jong Un'): never both in one question's options."""
    ka, kb = _key(a), _key(b)
    return (ka == kb or compiled(rf"\b{re.escape(ka)}\b").search(kb) is not None
            or compiled(rf"\b{re.escape(kb)}\b").search(ka) is not None)


def mentioned_in(name: str, text: str) -> bool:
    """`name` in `text` as whole words, case and quote marks ignored: 'Kim' in 'Kim's visit', not in 'Kimberley'."""
    return compiled(rf"(?<!\w){re.escape(_key(name))}(?!\w)").search(_key(text)) is not None


_CONTINENTS = {"europe", "africa", "asia", "north america", "south america", "latin america", "antarctica",
               "oceania", "australasia", "the middle east", "middle east", "scandinavia", "the balkans", "balkans"}


def _same_spelling(a: str, b: str) -> bool:
    """'Yuganskneftegas' and 'Yuganskneftgas': one name spelt two ways in the article, not two things."""
    matcher = difflib.SequenceMatcher(None, _key(a), _key(b))
    # The two quick ratios are upper bounds of ratio(): most pairs are told apart without the full comparison.
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def _outlet_words() -> frozenset[str]:
    return lang_en.word_set("standalone", "outlet_words")


@functools.lru_cache(maxsize=1)
def _alias_groups() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(_key(n) for n in group) for group in lang_en.table("countries")["aliases"])


def same_referent(a: str, b: str) -> bool:
    """'U.S.' and 'United States', 'EU' and 'European Union', 'Bat' and 'British American Tobacco': two names of
    one thing, never a swap or a distractor."""
    ka, kb = _key(a), _key(b)
    return (ka == kb or any(ka in group and kb in group for group in _alias_groups())
            or _acronym_of(a, b) or _acronym_of(b, a))


_MINOR_WORDS = frozenset({"of", "and", "the", "for", "&", "de", "du", "la", "on", "in"})


def _acronym_of(short: str, long: str) -> bool:
    """'BAT' (or 'Bat', 'B.A.T.') stands for 'British American Tobacco': its letters are the long name's initials,
    with or without the small words ('Department of Health': 'DH' or 'DOH')."""
    letters = re.sub(r"[.\s]", "", short).lower()
    words = re.findall(r"[\w&]+", long)
    # Two letters only when written in capitals ("UN"), so that a first name such as "Al" is no acronym.
    shortest = 2 if short.replace(".", "").isupper() else 3
    if not shortest <= len(letters) <= 8 or not letters.isalpha() or len(words) < 2:
        return False
    every = "".join(w[0] for w in words).lower()
    major = "".join(w[0] for w in words if w.lower() not in _MINOR_WORDS).lower()
    return letters in {every, major}


def _outlet_nouns() -> frozenset[str]:
    return lang_en.word_set("standalone", "outlet_nouns")


@functools.lru_cache(maxsize=1)
def option_rules() -> dict:
    """The option rules' word lists and patterns (lang/en/data/option_rules.yaml)."""
    return lang_en.table("option_rules")


@functools.lru_cache(maxsize=1)
def _programme_words() -> frozenset[str]:
    return frozenset(w.lower() for w in option_rules()["programme_words"])


@functools.lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    return frozenset(w.lower() for w in option_rules()["body_words"])


@functools.lru_cache(maxsize=1)
def _org_suffixes() -> frozenset[str]:
    return frozenset(w.lower() for w in option_rules()["org_suffixes"])


def _team_words() -> frozenset[str]:
    return lang_en.word_set("kinds", "team_words")


@functools.lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    table = lang_en.table("gender")
    return frozenset(n.lower() for n in (*table["male_names"], *table["female_names"]))


@functools.lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    return frozenset(w.lower() for w in option_rules()["site_words"])


def _names_a_programme(words: list[str]) -> bool:
    """'Social Security', 'Hunting Bill' (not 'Department of Homeland Security', nor 'Bill' as a first name)."""
    return (len(words) >= 2 and words[-1] in _programme_words() and not set(words) & _body_words()
            and words[0] not in _first_names())


def _names_a_site(words: list[str]) -> bool:
    """'Downing Street', 'Harwick Bridge': a street, a bridge or an island, unless a first name opens it ('Anna
    Street' is a person)."""
    return len(words) >= 2 and words[-1] in _site_words() and words[0] not in _first_names()


def _run_into_other_words(entity: Entity, words: list[str]) -> str | None:
    """'Roddick 6-2 7-6', 'Weak - Rubio': a name run into a score or other words is no name to offer."""
    numeric = entity.type in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"}
    return "FRAGMENT" if not numeric and re.search(r"\d|\s[-–—]\s", entity.name) else None


def _a_team(entity: Entity, words: list[str]) -> str | None:
    """'Manchester United' among players, or among firms, is another kind of thing."""
    return "TEAM" if entity.type in {"PERSON", "ORG"} and len(words) >= 2 and words[-1] in _team_words() else None


def _a_programme(entity: Entity, words: list[str]) -> str | None:
    """'Social Security', 'the Patriot Act': a scheme or a law, not a body that acts."""
    return "PROGRAMME" if entity.type in {"ORG", "LAW", "PERSON"} and _names_a_programme(words) else None


def _a_site(entity: Entity, words: list[str]) -> str | None:
    """'Downing Street', 'Harwick Bridge' tagged as a person or a body."""
    return "PLACE" if entity.type in {"PERSON", "ORG"} and _names_a_site(words) else None


def _an_outlet(entity: Entity, words: list[str]) -> str | None:
    """A news outlet, by its name's last word or a description such as 'the industry magazine'; 'Fox News' tagged
    as a person too."""
    described = set(re.findall(r"[a-z]+", (entity.description or "").lower()))
    if entity.type == "ORG" and ((words and words[-1] in _outlet_words()) or described & _outlet_nouns()):
        return "OUTLET"
    person_tagged = entity.type == "PERSON" and len(words) >= 2 and words[0] not in _first_names()
    return "OUTLET" if person_tagged and words[-1] in _outlet_words() else None


def _a_person_tagged_as_a_body(entity: Entity, words: list[str]) -> str | None:
    """'Mark Holden' tagged as a body: never offered among bodies, nor they beside him ('Hillary PAC' stays a
    body)."""
    named = entity.type == "ORG" and 2 <= len(words) <= 3 and words[0] in _first_names()
    return "PERSON" if named and not set(words) & (_body_words() | _org_suffixes()) else None


_KIND_RULES = (_run_into_other_words, _a_team, _a_programme, _a_site, _an_outlet, _a_person_tagged_as_a_body)


def fine_kind(entity: Entity) -> str:
    """A kind fine enough for options, by the first of `_KIND_RULES` that applies: a news outlet is not offered among
    companies, a team among players, a programme among bodies; else a country apart from other places, else the
    tagger's type."""
    words = _key(entity.name).split()
    for rule in _KIND_RULES:
        if (kind := rule(entity, words)) is not None:
            return kind
    if entity.type in PLACE_TYPES:
        return "COUNTRY" if _key(entity.name) in country_names() else "PLACE"
    return entity.type


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every name a country goes by, lower case: the curated countries and the other names ('uk', 'holland')."""
    table = lang_en.table("countries")
    return frozenset(c.lower() for c in (*curated_lists()["countries"], *table["extra_names"]))


def _same_kind_pool(answer: Entity, facts: FactSheet) -> list[Entity]:
    """The article's other names of the answer's kind. A country answer takes countries; a city or region never
    takes a country, which may hold it ("Where did they meet? Pyongyang / North Korea" would have two right
    answers); other kinds of place make up numbers, but never a continent for a town."""
    kind = fine_kind(answer)
    if answer.type not in PLACE_TYPES:
        return [e for e in facts.entities if e.enabled and e.type == answer.type and e.id != answer.id
                and fine_kind(e) == kind]
    places = [e for e in facts.entities if e.enabled and e.id != answer.id and e.type in PLACE_TYPES
              and (e.type == answer.type or e.name.lower() not in _CONTINENTS)]
    places.sort(key=lambda e: e.type != answer.type)  # the answer's own type first
    is_country = answer.name.lower() in country_names()
    return [e for e in places if (e.name.lower() in country_names()) == is_country]


def _curated_extras(answer: Entity) -> list[str]:
    """Fallback names of the answer's kind: places, and international bodies among their own kind (never for a
    firm, and never a person)."""
    if answer.type in PLACE_TYPES:
        return list(curated_lists()["countries" if answer.name.lower() in country_names() else "cities"])
    if fine_kind(answer) == "ORG" and any(_key(answer.name) == _key(o) for o in curated_lists()["organisations"]):
        return list(curated_lists()["organisations"])
    return []


@functools.lru_cache(maxsize=1)
def _gendered_words() -> dict[str, str]:
    return {w: g for g, words in lang_en.table("gender")["pronouns"].items() for w in words}


def stem_gender(text: str) -> set[str]:
    """The genders the pronouns of a text point to: 'his' → {'male'}."""
    words = _gendered_words()
    return {words[w] for w in re.findall(r"[a-z]+", text.lower()) if w in words}


def gender_fits(candidate: Entity, answer: Entity, text: str) -> bool:
    """A person whose known gender differs from the answer's never stands where the text says "his" or "her";
    nor, when the text has such a pronoun, one whose gender the article does not show."""
    if candidate.type != "PERSON" or answer.type != "PERSON":
        return True
    if candidate.gender and answer.gender and candidate.gender != answer.gender:
        return False
    return not stem_gender(text) or candidate.gender == answer.gender


def _last_word(name: str) -> str:
    words = re.findall(r"[\w'’-]+", _key(name))
    return words[-1] if words else ""


def name_twin(a: str, b: str) -> bool:
    """'Water' beside 'Kathryn Waters', 'Kathryn Water' beside 'Kathryn Waters': a typo or a surname-only twin of
    another option, read as the same person. (Two full names that share a surname exactly, 'Gary Neville' and
    'Phil Neville', are two people.)"""
    last_a, last_b = _last_word(a), _last_word(b)
    if min(len(last_a), len(last_b)) < 4:
        return False
    near = last_a == last_b or difflib.SequenceMatcher(None, last_a, last_b).ratio() >= 0.8
    if not near:
        return False
    single = len(_key(a).split()) == 1 or len(_key(b).split()) == 1
    return single or last_a != last_b


_ROLE_FILLER = frozenset({"the", "a", "an", "of", "and", "for", "in", "at", "former", "its", "his", "her", "their"})


def _role_words(entity: Entity) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", (entity.description or "").lower())) - _ROLE_FILLER


def _rank(candidate: Entity, answer: Entity, preferred: set[str]) -> tuple[bool, bool, int]:
    """Other speakers first, then people in a role like the answer's, then the most mentioned."""
    return (not any(n.lower() in preferred for n in candidate.names),
            not (_role_words(candidate) & _role_words(answer)), -candidate.mentions)


def _ranked(pool: list[Entity], answer: Entity, prefer: Iterable[str], rng: random.Random | None) -> list[Entity]:
    """Salient names first, the ones a student who read the article will have seen (see `_rank`); with `rng`, a
    random order among the equally fit, the most mentioned no longer first."""
    preferred = {p.lower() for p in prefer}
    draw = {e.id: rng.random() for e in pool} if rng is not None else {}

    def key(e: Entity) -> tuple[bool, bool, float, int]:
        speaker, role, mentions = _rank(e, answer, preferred)
        return speaker, role, draw.get(e.id, 0.0), mentions
    return sorted(pool, key=key)


def entity_distractors(answer: Entity, facts: FactSheet, stem: str, count: int, rng: random.Random,
                       prefer: Iterable[str] = (), eligible: Callable[[Entity], bool] | None = None,
                       any_gender: bool = False, spread: bool = False) -> list[str]:
    """Other entities of the answer's kind (places with places, outlets with outlets, a person of the answer's
    gender where the stem says "his" or "her"), then curated names of that kind; never another name of the answer,
    a spelling of one, a typo or surname-only twin of another option, or a name the stem prints. `any_gender`:
    the stem's pronouns are not about the answer (a quotation's "she" is someone the speaker speaks of). `spread`:
    a random pick among the equally fit (the other speakers), so the items of one quiz do not all offer the same."""
    pool = [e for e in _same_kind_pool(answer, facts)
            if (any_gender or gender_fits(e, answer, stem)) and (eligible is None or eligible(e))]
    ranked = _ranked(pool, answer, prefer, rng if spread else None)
    extra = _curated_extras(answer) if eligible is None else []
    rng.shuffle(extra)
    # Every name of a candidate: "Andy Roddick" is no option where the stem already places "Roddick" elsewhere.
    names_of = {e.name: e.names for e in ranked}
    chosen: list[str] = []
    for name in [*(e.name for e in ranked), *extra]:
        if len(chosen) >= count:
            break
        if any(overlaps(name, n) or _same_spelling(name, n) or same_referent(name, n) or name_twin(name, n)
               for n in (*answer.names, *chosen)) or any(
                mentioned_in(n, stem) for n in names_of.get(name, (name,)) if len(n) > 2):
            continue
        chosen.append(name)
    return chosen


# --- who said it: options that could have said the words --------------------------------------------------

def _named_in(entity: Entity, text: str) -> bool:
    return any(mentioned_in(n, text) for n in entity.names if len(n) > 2)


def _spoken_of_by_name(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """'“Giggs will lead us,”': the quotation names the candidate, so it speaks of them, not as them."""
    return "the quotation speaks of them by name" if _named_in(candidate, quote.text) else None


@functools.lru_cache(maxsize=1)
def _gender_of_first_name() -> dict[str, str]:
    table = lang_en.table("gender")
    return {**{n.lower(): "female" for n in table["female_names"]}, **{n.lower(): "male" for n in table["male_names"]}}


def likely_gender(entity: Entity) -> str | None:
    """The gender the article shows, else the one a common first name suggests ('Donald Trump'): enough to tell
    that a quotation's 'her' is not about him."""
    words = _key(entity.name).split()
    return entity.gender or (_gender_of_first_name().get(words[0]) if len(words) >= 2 else None)


def _spoken_of_as_he_or_she(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """'“His life was his work”' said of a person named beside the quotation (or just before it, in its paragraph),
    or of the story's subject (named in the headline): the quotation speaks of them in the third person."""
    genders = stem_gender(quote.text)  # "his", "she": the pronouns of gender.yaml
    gender = likely_gender(candidate)
    if not genders or (gender is not None and gender not in genders):
        return None
    sentence = facts.sentences[quote.sentence].text if quote.sentence < len(facts.sentences) else ""
    around = sentence.replace(quote.text, " ")
    before = facts.sentences[quote.sentence - 1] if 0 < quote.sentence < len(facts.sentences) else None
    # "Marr took every picture. “He never stopped,” Lima said."; or the paragraph before, when the quotation's own
    # sentence does not name its speaker and so goes on from it: "Lee questioned Ada's judgment." ¶ "He asks: “Is she
    # fit to lead?”"
    paragraph = facts.sentences[quote.sentence].paragraph
    speaker = facts.entity(quote.speaker_id)
    named_here = any(mentioned_in(n, around) for n in (speaker.names if speaker else (quote.speaker,)) if len(n) > 2)
    if before is not None and (before.paragraph == paragraph or (before.paragraph == paragraph - 1 and not named_here)):
        around += " " + before.text
    if _named_in(candidate, around) or _named_in(candidate, facts.title):
        return "the quotation speaks of them as 'he' or 'she'"
    return None


@functools.lru_cache(maxsize=1)
def _dead_patterns() -> tuple[tuple[str, ...], tuple[str, ...]]:
    table = option_rules()
    return tuple(table["dead_patterns"]), tuple(table["dead_patterns_unquoted"])


@functools.lru_cache(maxsize=1)
def _death_hint() -> re.Pattern[str]:
    """Words without which no dead pattern can match: a cheap first look at each sentence."""
    hints = "|".join(re.escape(w) for w in option_rules()["dead_hints"])
    return re.compile(rf"\b(?:{hints})|\(\s*(?:c\.\s*)?\d{{3,4}}\s*[-–]", re.I)


_SHEET_CACHE: dict[int, tuple[FactSheet, dict[tuple[str, str], bool]]] = {}


def _judged_once(rule: Callable[[Entity, FactSheet], bool], entity: Entity, facts: FactSheet) -> bool:
    """`rule(entity, facts)`, judged once per person and sheet (a person stands in many who-said questions)."""
    cached = _SHEET_CACHE.get(id(facts))
    if cached is None or cached[0] is not facts:
        if len(_SHEET_CACHE) > 8:
            _SHEET_CACHE.clear()
        cached = _SHEET_CACHE[id(facts)] = (facts, {})
    key = (rule.__name__, entity.id)
    if key not in cached[1]:
        cached[1][key] = rule(entity, facts)
    return cached[1][key]


def shown_dead(entity: Entity, facts: FactSheet) -> bool:
    """The article shows the person is dead: 'the late X', 'X died', 'X's death', 'a memorial to X', 'X (1928-87)'."""
    return _judged_once(_dead_by_patterns, entity, facts)


def _dead_by_patterns(entity: Entity, facts: FactSheet) -> bool:
    names = [re.escape(n) for n in entity.names if len(n) > 2]
    hinted = [t for t in (facts.title, *(s.text for s in facts.sentences))
              if _death_hint().search(t) and _named_in(entity, t)]
    if not names or not hinted:
        return False
    strong, weak = _dead_patterns()
    quoted = any(q.speaker_id == entity.id or q.speaker in entity.names for q in facts.quotes)
    name = "(?:" + "|".join(names) + ")"
    patterns = [compiled(p.replace("NAME", name), re.I) for p in (*strong, *(() if quoted else weak))]
    return any(p.search(text) for text in hinted for p in patterns)


def _dead(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    return "the article shows they are dead" if candidate.type == "PERSON" and shown_dead(candidate, facts) else None


@functools.lru_cache(maxsize=1)
def _product_context() -> tuple[frozenset[str], tuple[str, ...]]:
    table = option_rules()
    return frozenset(table["product_nouns"]), tuple(table["product_openers"])


_THING_TYPES = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT", "GPE", "LOC"})


def _named_thing(candidate: Entity, facts: FactSheet) -> bool:
    """'the IE browser', 'a version of IE', 'IE6', or another name of a product, a work or a place (and, for a
    person, of a body): the name of a thing."""
    return _judged_once(_named_as_thing, candidate, facts)


def _named_as_thing(candidate: Entity, facts: FactSheet) -> bool:
    nouns, openers = _product_context()
    # A firm's name also modifies what it makes ("Nokia phones"): for a body, only a version number or an alias.
    by_context = candidate.type == "PERSON"
    for sentence in facts.sentences:
        for name in (n for n in candidate.names if len(n) > 1 and n in sentence.text):
            if compiled(rf"(?<!\w){re.escape(name)}\d").search(sentence.text):
                return True  # "IE6": a version number glued to the name
            for m in compiled(rf"(?<!\w){re.escape(name)}(?!\w)").finditer(sentence.text) if by_context else ():
                following = re.match(r"\s+([a-z]+)", sentence.text[m.end():])
                if (following and following.group(1) in nouns) or sentence.text[:m.start()].lower().rstrip().endswith(
                        openers):
                    return True
    kinds = _THING_TYPES | ({"ORG"} if candidate.type == "PERSON" else set())
    return any(e.type in kinds and e.id != candidate.id and same_referent(n, m)
               for e in facts.entities for n in candidate.names for m in e.names)


@functools.lru_cache(maxsize=1)
def _kind_nouns() -> tuple[frozenset[str], frozenset[str], str]:
    """The description nouns of a body and of a band, and the work nouns as an alternation."""
    table = option_rules()
    return (frozenset(table["body_description_nouns"]), frozenset(table["band_description_nouns"]),
            "|".join(sorted(table["work_nouns"], key=len, reverse=True)))


# Words right before a work noun that make it a noun ('the single', 'their new album', 'hit single'), not a verb
# ('images show', 'the reports show').
_OWNER = r"\b(?:the|a|an|their|his|her|its|new|hit|debut|latest)"


def _titled_as_a_work(entity: Entity, facts: FactSheet) -> bool:
    """'“Harbour Lights”', 'Harbour Lights! was …', 'the single Harbour Lights': the article writes the name as a
    song's, an album's or a film's title (a '!' mid-sentence, not one closing a chant: '“Let us love Ada Kell!”')."""
    works = _kind_nouns()[2]
    for name in (n for n in entity.names if len(n) > 1):
        n = re.escape(name)
        title = compiled(rf"[\"“‘'](?:{n})[!?]?[\"”’']"  # in quotation marks
                         rf"|(?<!\w){n}!(?=[\s,]+(?-i:[a-z]))"  # 'Harbour Lights! was …'
                         # 'their hit Harbour Lights' (not 'the book, Ada Kell's Harbour')
                         rf"|{_OWNER} (?:{works}) [\"“‘']?{n}(?![\w'’]| (?-i:[A-Z]))", re.I)
        if any(title.search(s.text) for s in facts.sentences if name in s.text):
            return True
    return False


def _called_a_band(entity: Entity, facts: FactSheet) -> bool:
    """'hip-hop duo Harbour Lights', 'the band Harbour Lights': a band noun right before the name."""
    bands = "|".join(sorted(_kind_nouns()[1], key=len, reverse=True))
    return any(compiled(rf"\b(?:{bands}) {re.escape(n)}(?!\w)").search(s.text)
               for n in entity.names if len(n) > 1 for s in facts.sentences if n in s.text)


def _body_of_someone_s_role(entity: Entity, facts: FactSheet) -> bool:
    """'Christian Help' tagged as a person, where another person is 'Christian Help's head of policy': a body."""
    return any(_ties(other, entity, f"{other.name}, {other.description}") for other in facts.entities
               if other.type == "PERSON" and other.id != entity.id and other.description)


def _description_head(entity: Entity) -> str:
    """The last word of a description's first phrase: 'the world's biggest reinsurer' → 'reinsurer'; 'UK rock band
    of the year' → 'band'; 'aka Benny from the 29A group' → 'benny' (not 'group': that is what he belongs to)."""
    first = re.split(r",|\s(?:of|at|from|in|for|with|by|on|who|which|that)\s", (entity.description or "").lower())[0]
    words = re.findall(r"[a-z][\w-]*", first)
    return words[-1] if words else ""


def _plainly_a_person(entity: Entity) -> bool:
    """A person the article gives a gender ('he', 'Mrs'), or a full name opening with a first name ('Sean Smith',
    whose mother is 'the mother of Sean Smith'): no description or title turns them into a firm or a song."""
    words = _key(entity.name).split()
    return entity.type == "PERSON" and (entity.gender is not None or (len(words) >= 2 and words[0] in _first_names()))


def speaker_kind(entity: Entity, facts: FactSheet) -> str:
    """`fine_kind`, corrected by what the article says of the name: a band by its description ('UK rock band'), a
    song, album or film written as a title, a firm tagged as a person ('X, the world's biggest reinsurer', or the
    body in another person's role). Who-said options and true/false swaps keep to the answer's speaker kind."""
    kind = fine_kind(entity)
    if entity.type not in {"PERSON", "ORG"} or kind not in {"PERSON", "ORG"} or _plainly_a_person(entity):
        return kind
    bodies, bands, _ = _kind_nouns()
    head = _description_head(entity)
    if head in bands or _judged_once(_called_a_band, entity, facts):
        return "BAND"
    if _judged_once(_titled_as_a_work, entity, facts):
        return "WORK"
    if kind == "PERSON" and (head in bodies or _judged_once(_body_of_someone_s_role, entity, facts)):
        return "ORG"
    return kind


def _a_thing(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """A browser, a product, a team or a body tagged as a person is no option among people; a product tagged as a
    body ('IE' beside 'Microsoft') none among bodies."""
    if candidate.type == "PERSON" and (speaker_kind(candidate, facts) != "PERSON" or _named_thing(candidate, facts)):
        return "not a person: the article names a thing, a team or a body by it"
    if candidate.type == "ORG" and (speaker_kind(candidate, facts) == "WORK" or _named_thing(candidate, facts)):
        return "not a body that speaks: the article names a product or a place by it"
    return None


def _first_name_only(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """'Bob', 'Jane': a first name alone is a misread speaker, not a person to offer beside full names."""
    words = _key(candidate.name).split()
    if candidate.type == "PERSON" and len(words) == 1 and words[0] in _first_names():
        return "a first name alone"
    return None


def _publisher(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """The article's own site or paper ('Politico'), whatever the tagger called it, speaks for no one here."""
    own = {_key(n) for n in (facts.source, facts.byline) if n}
    return "the article's own publisher" if own & {_key(n) for n in candidate.names} else None


def _person_among_bodies(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """'Mark Holden' tagged as a body, beside an organisation that spoke: a person among organisations."""
    speaker = next((e for e in facts.entities if e.id == quote.speaker_id), None)
    words = _key(candidate.name).split()
    if speaker is not None and speaker.type != "PERSON" and 2 <= len(words) <= 3 and words[0] in _first_names():
        return "a person among organisations"
    return None


@functools.lru_cache(maxsize=1)
def _affiliation_words() -> tuple[frozenset[str], str, str]:
    """The post words, and the joining and voice words as regular-expression alternations."""
    table = lang_en.table("affiliation")
    posts = frozenset(w.lower() for w in (*table["post_words"], *lang_en.table("matching_roles")["rank_words"],
                                          *lang_en.table("speaker_nouns")["people"]))
    return posts - frozenset(table["not_posts"]), "|".join(table["joining_words"]), "|".join(table["voice_nouns"])


def _names_pattern(entity: Entity) -> str:
    return "(?:" + "|".join(re.escape(n) for n in sorted(entity.names, key=len, reverse=True) if len(n) > 1) + ")"


def _holds_a_post(words: str) -> bool:
    posts = _affiliation_words()[0]
    return any(w.strip(",").lower() in posts for w in words.split())


def _ties(person: Entity, body: Entity, text: str) -> bool:
    """The text ties the person to the body: 'Trust spokesman Anna Lee', 'a spokesman for the Trust, Anna Lee',
    'Anna Lee, head of policy at the Trust', 'Anna Lee of the Trust', 'Anna Lee, the Trust's director'."""
    p, b = _names_pattern(person), _names_pattern(body)
    _, joins, _ = _affiliation_words()
    post = r"((?:[a-z][\w-]*,? (?:(?:[a-z][\w-]*|[A-Z][a-z]+),? ){0,4})?)"  # 'head of Trade Policy, '
    # Each shape, and what the words between must be: a post ("post"), a post or none ("post or none": 'Anna Lee of
    # the Trust'), or any word (after a possessive: 'Anna Lee, the Trust's archivist').
    shapes = ((rf"{b}(?:['’]s)? {post}{p}", "post"),  # Trust spokesman Anna Lee
              (rf"(?<!\w){post}(?:{joins}) (?:the )?{b},? {p}", "post"),  # a spokesman for the Trust, Anna Lee
              (rf"{p},? (?:the |a |an )?{post}(?:{joins}) (?:the )?{b}", "post or none"),  # Anna Lee, head of … at …
              (rf"{p}, (?:the )?{b}['’]s ([a-z][\w-]*)", "any"))  # Anna Lee, the Trust's archivist
    for shape, between in shapes:
        for m in compiled(shape).finditer(text):
            words = m.group(1)
            if between == "any" or _holds_a_post(words) or (between == "post or none" and not words.strip()):
                return True
    return False


def _voice_of(body: Entity, sentence: str) -> bool:
    """'… said in a statement from the Trust', "the Trust's spokesman said": the sentence gives the body's words."""
    b, voice = _names_pattern(body), _affiliation_words()[2]
    return bool(compiled(rf"(?:{voice}) (?:from|for|by|of|on) (?:the )?{b}|{b}(?:['’]s)? (?:{voice})\b", re.I)
                .search(sentence))


def _body_named_last(text: str, facts: FactSheet) -> Entity | None:
    """The organisation whose name comes last in `text`."""
    found = [(m.start(), e) for e in facts.entities if e.type in {"ORG", "PERSON"}
             for n in e.names if len(n) > 1 for m in compiled(rf"(?<!\w){re.escape(n)}(?!\w)").finditer(text)]
    return max(found, key=lambda f: f[0])[1] if found else None


def _its_post(person: Entity, body: Entity, facts: FactSheet) -> bool:
    """'The Harbour Trust sold the pier. … said Ada Kell, its head of collections': 'its' is the organisation
    named last before the person (in the sentence, or else the one before)."""
    shape = compiled(rf"{_names_pattern(person)},? (?:its|their) ([a-z][\w-]*)")
    for i, sentence in enumerate(facts.sentences):
        for m in shape.finditer(sentence.text):
            if not _holds_a_post(m.group(1)):
                continue
            before = sentence.text[:m.start()]
            last = _body_named_last(before, facts) or (
                _body_named_last(facts.sentences[i - 1].text, facts) if i > 0 else None)
            if last is not None and last.id == body.id:
                return True
    return False


_AFFILIATION_CACHE: dict[tuple[int, str, str], tuple[FactSheet, bool]] = {}


def affiliated(person: Entity, body: Entity, facts: FactSheet) -> bool:
    """The article ties the person to the organisation (in their description or in a sentence naming both)."""
    key = (id(facts), person.id, body.id)
    cached = _AFFILIATION_CACHE.get(key)
    if cached is None or cached[0] is not facts:  # an id is reused once its sheet is gone
        if len(_AFFILIATION_CACHE) > 4096:
            _AFFILIATION_CACHE.clear()
        texts = [s.text for s in facts.sentences if _named_in(person, s.text) and _named_in(body, s.text)]
        tied = any(mentioned_in(n, person.description or "") for n in body.names if len(n) > 1) or any(
            _ties(person, body, text) for text in texts) or _its_post(person, body, facts)
        cached = _AFFILIATION_CACHE[key] = (facts, tied)
    return cached[1]


def _speakers_own_side(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """'Christian Aid' beside its spokesman John Pendleton, or the reverse: the organisation and the person who
    speaks for it could both have said the words."""
    speaker = facts.entity(quote.speaker_id)
    if speaker is None or speaker.id == candidate.id:
        return None
    pair = {speaker_kind(speaker, facts): speaker, speaker_kind(candidate, facts): candidate}
    person, body = pair.get("PERSON"), pair.get("ORG")
    if person is None or body is None:
        return None
    sentence = facts.sentences[quote.sentence].text if quote.sentence < len(facts.sentences) else ""
    if affiliated(person, body, facts) or (body is candidate and _voice_of(body, sentence.replace(quote.text, " "))):
        return "the speaker's own organisation, or the person speaking for it: both could have said the words"
    return None


def _surname_only(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """'Stephens' beside 'Rob Da Bank': a surname alone among full names is a misread name and stands out."""
    speaker = facts.entity(quote.speaker_id)
    if (candidate.type == "PERSON" and len(candidate.name.split()) == 1 and speaker is not None
            and speaker.type == "PERSON" and len(speaker.name.split()) >= 2):
        return "a surname alone beside full names"
    return None


def _another_kind(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """A firm, a band or a song among people, or a person among firms: every option of the speaker's kind."""
    speaker = facts.entity(quote.speaker_id)
    if speaker is None or speaker.id == candidate.id:
        return None
    theirs, ours = speaker_kind(candidate, facts), speaker_kind(speaker, facts)
    return f"of another kind ({theirs.lower()}) than the speaker ({ours.lower()})" if theirs != ours else None


# A number run on from a name: one ending the phrase ('Ada 3000, the singer', 'Ada 3000 and Big Kell'), or one of
# three digits or more that is no year ('Ada 3000 thanked fans'); not one counting the next word ('Ada Kell 12 years
# after'), nor a score.
_NUMBER_RUN_ON = re.compile(r" (?!(?:1[89]|20)\d\d(?!\d))"  # no year
                            r"(?:\d+(?![\w.,:/–-]*\d)(?=\s*(?:$|[,;.)]|(?:and|or|who|were|was|is|are)\b|[A-Z]))"
                            r"|\d{3,}(?![\w.,:/–-]))")


@functools.lru_cache(maxsize=1)
def _title_initialisms() -> frozenset[str]:
    return frozenset(option_rules()["title_initialisms"])


# Capitals opening the name, after a lowercase word, punctuation or nothing ('of JB Kell Partners'; not 'Navy SEAL X').
_INITIALISM_BEFORE = re.compile(r"(?:^|[^\w\s]\s*|\b[a-z]+ )([A-Z]{2,4}) $")


def _cut_from_longer_name(entity: Entity, facts: FactSheet) -> bool:
    """'Ada' from 'Ada 3000', 'Kell Partners' from 'JB Kell Partners': every time the article writes the name, a
    number or an initialism runs on from it, so the tagger cut the name short. A number counting the next word
    ('Ada Kell 12 years after'), a score, or an initialism that is another entity's name ('HTA Ada Kell') is no
    part of the name."""
    initialisms = {n for e in facts.entities if e.id != entity.id for n in e.names}
    seen = False
    for name in (n for n in entity.names if len(n) > 1):
        whole = compiled(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        for sentence in facts.sentences:
            for m in whole.finditer(sentence.text):
                before = _INITIALISM_BEFORE.search(sentence.text[:m.start()])
                run_on = _NUMBER_RUN_ON.match(sentence.text[m.end():]) is not None
                if not run_on and (before is None or before.group(1) in initialisms | _title_initialisms()):
                    return False
                seen = True
    return seen


def cut_short(entity: Entity, facts: FactSheet) -> bool:
    """The entity's name is a piece of a longer one (see `_cut_from_longer_name`): never an option, answer or bank
    entry."""
    return _judged_once(_cut_from_longer_name, entity, facts)


def _a_cut_name(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    return "a name cut short from a longer one" if cut_short(candidate, facts) else None


@functools.lru_cache(maxsize=1)
def _title_words() -> tuple[frozenset[str], frozenset[str]]:
    table = lang_en.table("titles")
    titles = frozenset(w.lower() for w in (*table["honorifics"], *table["offices"]))
    return titles, frozenset(w.lower() for w in table["suffixes"])


def _titled_surname(name: str) -> tuple[bool, str]:
    """('Representative Brooks') → (True, 'brooks'); ('Morris J. Brooks Jr.') → (False, 'brooks')."""
    titles, suffixes = _title_words()
    words = [w.strip(".,").lower() for w in name.split()]
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return bool(words) and words[0] in titles and len(words) > 1, words[-1] if words else ""


def _titled_form_of_another(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """'Representative Brooks' beside 'Morris J. Brooks Jr.': one person under two names, a title and a surname
    for one of them (two people who only share a surname, 'Gary Neville' and 'Phil Neville', stay two)."""
    titled, surname = _titled_surname(candidate.name)
    for other in facts.entities:
        if other.id == candidate.id or other.type != "PERSON" or candidate.type != "PERSON":
            continue
        other_titled, other_surname = _titled_surname(other.name)
        if surname and surname == other_surname and (titled or other_titled):
            return f"another form of {other.name}'s name"
    return None


# UTF-8 read as Latin-1 ('FranÃ§ois', 'FranÃÂ§ois'): a name printed so is garbled.
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u00c2\u00c3]")


def garbled_name(name: str) -> bool:
    """'FranÃÂ§ois Hollande': the article's encoding was misread, so the name would print garbled."""
    return _MOJIBAKE.search(name) is not None


def _a_garbled_name(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    return "a name garbled by a misread encoding" if garbled_name(candidate.name) else None


SPEAKER_OPTION_RULES = (_spoken_of_by_name, _spoken_of_as_he_or_she, _dead, _a_thing, _first_name_only,
                        _publisher, _person_among_bodies, _speakers_own_side, _surname_only, _another_kind,
                        _a_cut_name, _a_garbled_name, _titled_form_of_another)


def speaker_option_problem(candidate: Entity, quote: Quote, facts: FactSheet) -> str | None:
    """Why `candidate` cannot stand among the options of 'Who said …?' for `quote`, or None."""
    return first_reason(SPEAKER_OPTION_RULES, candidate, quote, facts)


# --- numbers -----------------------------------------------------------------------------------------------

_NUMERIC = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALES = {word: float(value) for word, value in lang_en.table("numbers")["scales"].items()}
_SCALE_AFTER = re.compile(r"\s*(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b", re.I)
_RANGE = re.compile(r"\d\s*(?:-|–|to|and)\s*\d")


def _granularity(value: float) -> float:
    """15,000 → 1,000; 4,700 → 100; 35 → 1."""
    if value <= 0 or value != int(value):
        return 1.0 if value >= 1 else 0.1
    step = 1.0
    integer = int(value)
    while integer % 10 == 0 and integer >= 10:
        integer //= 10
        step *= 10
    return step


def _format_like(template: str, value: float) -> str:
    """Put `value` where the answer's digits are, in the answer's style (commas, decimals)."""
    match = _NUMERIC.search(template)
    if match is None:
        return template
    digits = match.group(0)
    # "$1.13bn", "£38 million": the digits are in the scale's units.
    scale = _SCALE_AFTER.match(template[match.end():])
    if scale is not None:
        value /= _SCALES[scale.group(1).lower()]
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    if decimals:
        rendered = f"{value:,.{decimals}f}" if "," in digits or value >= 1000 else f"{value:.{decimals}f}"
    else:
        # "840" → "1,400": an answer too small to show its style takes the usual thousands comma.
        comma = "," in digits or value >= 10000 or (len(digits) <= 3 and value >= 1000)
        rendered = f"{round(value):,}" if comma else str(round(value))
    return template[:match.start()] + rendered + template[match.end():]


def _word_number(text: str) -> tuple[int, int, int] | None:
    """(start, end, value) of a number written as a word: 'five'."""
    for value, word in enumerate(_NUMBER_WORDS):
        m = compiled(rf"\b{word}\b", re.I).search(text)
        if m:
            return m.start(), m.end(), value
    return None


def _with_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _decimals(text: str) -> int:
    match = _NUMERIC.search(text)
    return len(match.group(0).split(".")[1]) if match and "." in match.group(0) else 0


def _percent_candidates(answer: NumberFact, value: float) -> list[tuple[float, str]]:
    """Shares scaled, not shifted by ten ("3%" → 13%, 23% reads as filler), to the answer's decimals (4.8% → 2.4%,
    7.2%, never 2.0%)."""
    decimals = _decimals(answer.text)
    # A round share ('40%') takes round options ('20%', '30%'): '28%' beside it would make it the odd one out.
    step = next((s for s in (10, 5) if not decimals and value % s == 0), 1)
    found = []
    # 2.5x and 3x last: '32.1 percent' beside a peak jobless rate of 12.8 percent reads as filler
    for mult in (0.5, 1.5, 2.0, 0.7, 1.3, 0.3, *_FINER_STEPS, 1.9, 2.5, 3.0):
        v = round(value * mult, decimals) if decimals else float(max(step, round(value * mult / step) * step))
        if 0 < v <= _share_ceiling(value):
            found.append((v, _format_like(answer.text, v)))
    return found


# Second-choice multipliers, tried after the usual ones: closer to the answer, for a figure the sentence's other
# figures hem in ("raised $11.9m, burned $17.5m") and to put the answer anywhere among the options.
_FINER_STEPS = (0.8, 1.25, 0.6, 1.6, 0.4, 1.75)


def _share_ceiling(value: float) -> float:
    """The largest share an option may give: '96%' beside a poll share of 48% reads as filler; a high answer
    ('93 percent') keeps room above it."""
    return 99.0 if value >= 60 else min(95.0, max(85.0, value * 1.8))


def _in_cents(answer: NumberFact) -> bool:
    """'$7.25': a sum written to the cent, a price."""
    return answer.kind == "money" and _decimals(answer.text) == 2 and (answer.value or 0) < 1000


def _plain_candidates(answer: NumberFact, value: float) -> list[tuple[float, str]]:
    step = _granularity(value)
    if step == value >= 10:
        step = value / 2  # '10', '100 days': halves give 5 and 15, where whole steps leave only 20 and 30 in band
    if _in_cents(answer):
        step = 0.25  # '$7.25' an hour: prices in quarters ('$3.50', '$14.50'), never '$14.01'
    multipliers = (1 / 3, 5 / 3, 10 / 3, 0.5, 2.0, 3.0, 0.7, 1.4, 4.0, 5.0, *_FINER_STEPS) if value >= 10 else (
        0.5, 2.0, 3.0, 1.5, 4.0, *((0.7, 1.3, 2.5, *_FINER_STEPS) if _in_cents(answer) else ()))
    found = [(v, _format_like(answer.text, v)) for mult in multipliers
             if (v := max(step, round(value * mult / step) * step))]
    if value < 10 and value == int(value):
        # Small counts also take their neighbours, for a sentence that bounds them ("5 out of 8").
        found += [(float(v), _format_like(answer.text, v))
                  for v in (value - 2, value + 2, value - 1, value + 1, value - 3, value + 3) if v > 0]
    return found


_RANGE_PARTS = re.compile(r"(\d[\d,]*(?:\.\d+)?)(\s*(?:-|–|to|and)\s*)(\d[\d,]*(?:\.\d+)?)")


def _range_candidates(answer: NumberFact) -> list[tuple[float, str]]:
    """'roughly 200,000-300,000' → 'roughly 100,000-150,000', 'roughly 400,000-600,000': a range is changed as a
    whole, both ends scaled together in their own style."""
    m = _RANGE_PARTS.search(answer.text)
    if m is None:
        return []
    low, high = (float(g.replace(",", "")) for g in (m.group(1), m.group(3)))
    if low >= high:
        return []  # '73 percent to 25 percent', '58 to 40': a score or a result, not a range
    step = 10.0 ** (len(str(int(low))) - 2) if low >= 100 else 1.0  # two significant figures
    found = []
    for mult in (0.5, 2.0, 3.0, 1 / 3, 1.5, 4.0):
        lo, hi = (max(step, round(v * mult / step) * step) for v in (low, high))
        if lo >= hi:
            continue  # "3-5 years" halved is no range
        label = (answer.text[:m.start()] + _format_like(m.group(1), lo) + m.group(2) + _format_like(m.group(3), hi)
                 + answer.text[m.end():])
        found.append((lo, label))
    return found


def _fraction_candidates(answer: NumberFact) -> list[tuple[float, str]]:
    """The ladder of fractions in the answer's hedge and case; none for a fraction inside a compound ('half-empty'
    would read 'a quarter-empty'), and 'some' takes a counted fraction only ('some two-thirds', never 'some a
    quarter' or 'some half')."""
    text = answer.text
    if re.search(r"[a-z]-[a-z]", text.split()[-1]) and not text.lower().endswith(("-third", "-thirds", "-quarter",
                                                                                  "-quarters")):
        return []
    hedge = (answer.hedge + " ") if answer.hedge else ""
    counted_only = (answer.hedge or "").lower() == "some"
    return [(v, _with_case(hedge + words, text)) for words, v in _FRACTION_LADDER
            if not (counted_only and words.startswith(("a ", "half")))]


def _word_candidates(answer: NumberFact) -> list[tuple[float, str]]:
    """'five' → 'three', 'four', 'six' …; none for a number word in a compound ('one-third', 'two-year')."""
    word = _word_number(answer.text)
    if word is None:
        return []
    start, end, n = word
    text = answer.text
    if text[end:end + 1] == "-" or not n:
        return []
    # 'two dozen', 'five million': the word counts units of the scale after it, and so does each option.
    scaled = re.match(r"\s+(?:dozen|hundred|" + "|".join(_SCALES) + r")\b", text[end:], re.I)
    unit = (answer.value or n) / n if scaled else 1.0
    return [(v * unit, text[:start] + _with_case(_NUMBER_WORDS[v], text[start:end]) + text[end:])
            for v in (n - 2, n - 1, n + 1, n + 2, n + 3, n + 5, n - 3, n - 4) if 1 < v <= 20]


def _candidates(answer: NumberFact, value: float) -> list[tuple[float, str]]:
    text = answer.text
    if _RANGE.search(text):
        return _range_candidates(answer)
    if answer.kind == "fraction":
        return _fraction_candidates(answer)
    if answer.kind == "multiple":
        # An increase among increases, a cut among cuts: "halved" beside "tripled" is silly.
        return [(v, _with_case(words, text)) for words, v in _MULTIPLE_LADDER if (v > 1) == (value > 1)]
    if answer.kind == "year":
        return [(value + d, _format_like(text, value + d)) for d in _year_table()["offsets"]]
    if _word_number(text) is not None and not _NUMERIC.search(text):
        return _word_candidates(answer)  # 'eight percent', 'two dozen', 'five'
    if answer.kind == "percent":
        return _percent_candidates(answer, value)
    if _NUMERIC.search(text):
        return _plain_candidates(answer, value)
    return []


def _currency(text: str) -> str:
    m = re.search(r"[$£€¥]", text)
    return m.group(0) if m else ""


def sentence_bounds(answer: NumberFact, facts: FactSheet) -> list[float]:
    """The other figures of the answer's kind in its sentence ("16 of the ___ principals", "down from 311,764",
    "from 18 months to ___"): a distractor must sit on the same side of each as the answer does."""
    if answer.kind not in {"count", "money", "duration"}:
        return []  # "29% of …, and 19% of …": shares side by side are parallel, not a part and its whole
    base = ratio_base(answer, facts)  # "eight in 10": any count below the base will do, the text limit keeps it
    return [n.value for n in facts.numbers
            if n.sentence == answer.sentence and n.id != answer.id and n.value is not None
            and n.kind == answer.kind and _currency(n.text) == _currency(answer.text) and n.value != answer.value
            and n.value != base]


def ratio_base(answer: NumberFact, facts: FactSheet) -> float | None:
    """10 for 'nearly eight in 10 voters', 5 for 'three out of five': the base of a ratio whose count the answer
    is, or None."""
    sentence = _sentence_of(answer, facts)
    at = sentence.find(answer.text)
    m = re.match(r"\s+(?:in|out\s+of)\s+(\d+|[a-z]+)\b", sentence[at + len(answer.text):]) if at >= 0 else None
    if m is None or answer.kind != "count":
        return None
    words = lang_en.table("numbers")["words"]
    return float(m.group(1)) if m.group(1).isdigit() else (float(words[m.group(1)]) if m.group(1) in words else None)


_RATIO_BANDS = (0.5, 1.0, 2.0)  # "less than half of", "more than", "twice": the answer's band against each bound


def _band(v: float, bound: float) -> int:
    ratio = v / bound if bound else 0.0
    return sum(ratio > edge for edge in _RATIO_BANDS)


def _feasible(v: float, value: float, bounds: list[float]) -> bool:
    return all(_band(v, bound) == _band(value, bound) and v != bound for bound in bounds if bound > 0)


def _too_close(v: float, answer: NumberFact) -> bool:
    """Would round to the answer (counts, sums, shares within 15%), or is the answer itself (years, ladders)."""
    value = answer.value or 0.0
    if answer.kind in {"year", "fraction", "multiple"}:
        return v == value
    return abs(v - value) <= 0.15 * abs(value)


def _near_twin(v: float, answer: NumberFact, chosen: list[tuple[float, str]]) -> bool:
    return answer.kind not in {"year", "fraction", "multiple"} and any(
        abs(v - c[0]) <= 0.1 * max(abs(v), abs(c[0])) for c in chosen)


def _compared_value(answer: NumberFact) -> float | None:
    """The answer's value; a range is compared by its lower end."""
    m = _RANGE_PARTS.search(answer.text) if _RANGE.search(answer.text) else None
    return float(m.group(1).replace(",", "")) if m else answer.value


def _values_given_elsewhere(answer: NumberFact, facts: FactSheet) -> set[float]:
    """Values the article gives for the same thing: offering one would be a second right answer."""
    return {round(n.value, 6) for n in facts.numbers
            if n.value is not None and n.counts and n.counts == answer.counts and n.id != answer.id}


def _unit(word: str) -> str:
    return word.lower().removesuffix("s")


def compound_cap(answer: NumberFact, facts: FactSheet) -> float | None:
    """'Aged 18 years and ___ months': the figure after a larger unit is below that unit's size (12 months), so a
    distractor of 20 months or 617 days is impossible."""
    text = facts.sentences[answer.sentence].text if answer.sentence < len(facts.sentences) else ""
    at = text.find(answer.text)
    inner = re.match(r"\s*([A-Za-z]+)", text[at + len(answer.text):] if at >= 0 else "")
    outer = re.search(r"\b([A-Za-z]+)\s*(?:,|and)\s*$", text[:at] if at >= 0 else "")
    unit = re.search(r"([A-Za-z]+)\s*$", answer.text)  # '300 days' carries its unit
    inner_unit = _unit(unit.group(1)) if unit else _unit(inner.group(1)) if inner else ""
    caps = lang_en.table("compound_units")
    return caps.get(_unit(outer.group(1)), {}).get(inner_unit) if outer else None


# --- number rules: options in the answer's form, feasible under its sentence ---------------------------------

def _sentence_of(answer: NumberFact, facts: FactSheet) -> str:
    return facts.sentences[answer.sentence].text if answer.sentence < len(facts.sentences) else ""


_ROUND_UP_TO = 100  # '100%', '100 days': the largest whole number read as a rounding; '5,790' reads as a figure


def _looks_round(label: str) -> bool:
    """'4.0%', '45%', '100%': a figure a writer rounds (a decimal ending in 0; a whole number up to 100 that is a
    multiple of 5). Larger whole numbers are left alone: '5,790' beside '1,737' reads as a figure, not a rounding."""
    match = _NUMERIC.search(label)
    if match is None:
        return False
    digits = match.group(0).replace(",", "")
    return digits.endswith("0") if "." in digits else int(digits) <= _ROUND_UP_TO and int(digits) % 5 == 0


def lone_round_answer(answer: NumberFact, options: list[str]) -> bool:
    """A round answer in tens ('100%', '40 years') among options none of which is round ('29%', '49%', '69%'): the
    one figure a writer would round is the answer, found without reading. ('85' beside 28, 43, 170 is no such cue.)"""
    match = _NUMERIC.search(answer.text)
    tens = match is not None and "." not in match.group(0) and int(match.group(0).replace(",", "")) % 10 == 0
    return (answer.kind in {"count", "money", "percent", "duration"} and tens and _looks_round(answer.text)
            and bool(options) and not any(_looks_round(o) for o in options))


def _display_unit(answer: NumberFact) -> float:
    """The value of one in the last digit the answer shows: '4.8%' → 0.1, '$1.13bn' → 10,000,000, '29' → 1."""
    match = _NUMERIC.search(answer.text)
    scale = _SCALE_AFTER.match(answer.text[match.end():]) if match else None
    return 10.0 ** -_decimals(answer.text) * (_SCALES[scale.group(1).lower()] if scale else 1.0)


def _as_precise(candidates: list[tuple[float, str]], answer: NumberFact) -> list[tuple[float, str]]:
    """When the answer is not a round figure, no option is one either (by one unit of its last digit): '4.8%' among
    '2.0%', '7.0%' or '29' among 15, 45, 60 would be the only real figure."""
    if answer.kind not in {"count", "money", "percent", "duration"} or _looks_round(answer.text) or not (
            _NUMERIC.search(answer.text)) or _RANGE.search(answer.text):
        return candidates
    if (not _decimals(answer.text) and answer.kind != "percent") or _in_cents(answer):
        return candidates  # whole counts and sums come from the answer's own granularity; prices in quarters
    unit = _display_unit(answer)
    found = []
    for v, label in candidates:
        if _looks_round(label):
            v = v + unit if v > (answer.value or 0) or v - unit <= 0 else v - unit
            if abs(abs(v - (answer.value or 0)) - 10) < 1e-9:
                v += 2 * unit if v > (answer.value or 0) else -2 * unit  # never ten off: '19%' beside '29%'
            label = _format_like(answer.text, v)
        found.append((v, label))
    return found


@functools.lru_cache(maxsize=1)
def _fixed_phrases() -> tuple[str, ...]:
    return tuple(p.lower() for p in option_rules()["fixed_number_phrases"])


def in_fixed_phrase(answer: NumberFact, sentence: str) -> bool:
    """'the second half', 'for the first time', 'one day': words of a phrase, not a figure to change."""
    lowered = sentence.lower()
    at = lowered.find(answer.text.lower())
    if at < 0:
        return False
    phrases = (*_fixed_phrases(), *lang_en.table("count_grammar")["idioms"])
    return any(m.start() <= at < m.end() or at <= m.start() < at + len(answer.text)
               for phrase in phrases for m in compiled(rf"\b{re.escape(phrase)}\b").finditer(lowered))


@functools.lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    hedges = "|".join(re.escape(h) for h in sorted(lang_en.table("numbers")["hedges"], key=len, reverse=True))
    return re.compile(rf"\b(?:{hedges})\s+(?:{hedges})\b", re.I)


def repeated_hedge(text: str) -> bool:
    """'around roughly 500': two hedges in a row, which every option would repeat."""
    return _hedge_pattern().search(text) is not None


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_YEARS_SPAN = re.compile(r"\b(\d{1,3}|[a-z]+)[- ](years?|decades?)\b", re.I)
_DECADE = 10


def _spans_in_years(sentence: str) -> set[int]:
    """'20 years', 'twenty-year', 'two decades' → {20}: the spans of years a sentence states."""
    words = lang_en.table("numbers")["words"]
    spans = set()
    for m in _YEARS_SPAN.finditer(sentence):
        token, unit = m.group(1).lower(), m.group(2).lower()
        if token.isdigit() or token in words:
            span = int(token) if token.isdigit() else int(words[token])
            spans.add(span * _DECADE if unit.startswith("decade") else span)
    return spans


def computable_from_sentence(answer: NumberFact, sentence: str) -> bool:
    """'In 2007, 20 years after 1987': a year or a span of years the sentence's other figures give by arithmetic,
    so any other option is false without reading."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    spans = _spans_in_years(sentence)
    if answer.kind == "year" and answer.value is not None:
        return any(abs(answer.value - y) in spans for y in years if y != answer.value)
    if answer.kind == "percent" and answer.value is not None:
        return _share_of_two_counts(answer.value, sentence.replace(answer.text, " ")) or _shares_make_a_whole(
            answer.value, sentence)
    if answer.kind == "count" and answer.value:
        return _count_given_by_a_share(answer, sentence) or _margin_of_two_figures(answer, sentence)
    own_span = _spans_in_years(answer.text)
    return bool(own_span) and any(abs(a - b) in own_span for a in years for b in years if a != b)


def _margin_of_two_figures(answer: NumberFact, sentence: str) -> bool:
    """'led by just six points (46 percent to 40 percent)': a margin in points is the difference of two figures the
    sentence prints."""
    at = sentence.find(answer.text)
    if at < 0 or not re.match(r"\s*(?:percentage\s+)?points?\b", sentence[at + len(answer.text):], re.I):
        return False
    rest = sentence[:at] + " " + sentence[at + len(answer.text):]
    figures = [float(v.replace(",", "")) for v in re.findall(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)(?![\d,])", rest)
               if not _YEAR.fullmatch(v)]
    return any(abs(a - b - (answer.value or 0.0)) < 0.05 for a in figures for b in figures)


def _count_given_by_a_share(answer: NumberFact, sentence: str) -> bool:
    """'nearly four in 10 voters -- 39 percent', '12 of the 40 schools, or 30%': a count that a share beside it
    and another count give by arithmetic."""
    at = sentence.find(answer.text)
    if at < 0:
        return False
    rest = sentence[:at] + " " + sentence[at + len(answer.text):]
    shares = [float(v) for v in _SHARE.findall(rest)]
    others = [v for m in compiled(rf"(?<![\w.,$£€]){_figure()}", re.I).finditer(_SHARE.sub(" ", rest))
              if not _YEAR.fullmatch(m.group(0).strip()) and (v := _figure_value(m.group(0)))]
    value = answer.value or 0.0
    return any(abs(100 * a / b - share) <= 2 for share in shares for other in others
               for a, b in ((value, other), (other, value)) if a < b)


_SHARE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.I)


def _shares_make_a_whole(share: float, sentence: str) -> bool:
    """'44 percent to 37 percent, with 13 percent for others and 6 percent undecided', 'won 54 percent to her 46
    percent': two or more shares that add up to 100, so changing one breaks the sum."""
    shares = [float(v) for v in _SHARE.findall(sentence)]
    return len(shares) >= 2 and share in shares and abs(sum(shares) - 100) <= 1


def _share_of_two_counts(share: float, rest: str) -> bool:
    """'12 of the 40 schools, or 30%': the share is the ratio of two counts beside it."""
    counts = [float(c.replace(",", "")) for c in re.findall(r"(?<![\d.,])\d[\d,]*(?![\d.,%]|\d)", rest)
              if not _YEAR.fullmatch(c)]
    return any(b and abs(100 * a / b - share) < 0.5 for a in counts for b in counts if a < b)


@functools.lru_cache(maxsize=1)
def _figure() -> str:
    """A figure as a sentence writes it: digits (with a currency sign and a scale word) or a number word, and the
    unit after it ('18 months'), from numbers.yaml and option_rules.yaml."""
    numbers = lang_en.table("numbers")
    words = "|".join(re.escape(w) for w in sorted(numbers["words"], key=len, reverse=True))
    scales = "|".join(re.escape(w) for w in sorted(numbers["scales"], key=len, reverse=True))
    units = "|".join(re.escape(w) for w in sorted(option_rules()["figure_units"], key=len, reverse=True))
    return (rf"(?:[$£€]?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s*(?:{scales})\b)?|(?:a )?(?:{words})\b)"
            rf"(?:\s+(?:{units})\b)?")


def _figure_value(text: str) -> float | None:
    """'8', '1,200', '$3.5 million', 'eight', '18 months': the value of a figure the sentence relates the answer
    to."""
    words = lang_en.table("numbers")["words"]
    lowered = text.lower().removeprefix("a ").lstrip("$£€")
    match = _NUMERIC.match(lowered)
    if match is None:
        first = lowered.split()[0] if lowered.split() else ""
        return float(words[first]) if first in words else None
    value = float(match.group(0).replace(",", ""))
    scale = _SCALE_AFTER.match(lowered[match.end():])
    return value * _SCALES[scale.group(1).lower()] if scale else value


@functools.lru_cache(maxsize=1)
def _relation_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each relation with both figures as named groups, compiled once; with the words of a fall or a rise each
    "from A to B" that the sentence must also hold."""
    table = option_rules()
    patterns = [(p, "") for p in table["at_most_patterns"]]
    patterns += [("from Y (?:down )?to X\\b", "fall_words"), ("from X (?:up )?to Y\\b", "rise_words"),
                 # "had risen to 4.8% this year, from 3.1%": the new figure first
                 ("\\bto X\\b[^.;]{0,30}?\\bfrom Y\\b", "fall_words"),
                 ("\\bto Y\\b[^.;]{0,30}?\\bfrom X\\b", "rise_words")]
    figure = f"(?<![\\w.,]){_figure()}"
    # Inside a lookahead, so that matches may overlap: each figure of the sentence gets its own chance.
    return tuple((re.compile("(?=" + p.replace("X", f"(?P<x>{figure})").replace("Y", f"(?P<y>{figure})") + ")"),
                  needs) for p, needs in patterns)


def _relations(answer_text: str, sentence: str) -> list[tuple[str, float]]:
    """('<=', 8.0) for '___ out of 8', ('>=', 5.0) for '5 of the ___': how the answer stands to the sentence's
    other figures by the words between them ("out of", "down from", "from 18 months to", with a fall)."""
    lowered = sentence.lower()
    start = lowered.find(answer_text.lower())
    if start < 0:
        return []
    end = start + len(answer_text)
    words = set(re.findall(r"[a-z]+", lowered))
    found = []
    for pattern, needs in _relation_patterns():
        if needs and not words & set(option_rules()[needs]):
            continue
        for m in pattern.finditer(lowered):
            for mine, other, side in (("x", "y", "<="), ("y", "x", ">=")):
                share = _SHARE.match(lowered, m.start(other)) is not None
                inside = start <= m.start(other) and m.end(other) <= end  # "200,000-300,000": the answer's own ends
                if start <= m.start(mine) and m.end(mine) <= end and not _YEAR.fullmatch(m.group(other).strip()) and (
                        share == answer_text.rstrip().endswith(("%", "percent", "per cent"))) and not inside:
                    value = _figure_value(m.group(other))
                    if value is not None:
                        found.append((side, value))
    return found


def text_limits(answer: NumberFact, facts: FactSheet) -> list[tuple[str, float]]:
    """The limits the sentence's words set the answer ("12 out of 8" is impossible), those the answer itself keeps
    (a misread relation sets no limit)."""
    if answer.kind not in {"count", "money", "duration", "percent"} or answer.value is None:
        return []
    value = answer.value
    sentence = _sentence_of(answer, facts)
    emphatic = _emphatic_bounds(sentence)
    limits = []
    for side, bound in _relations(answer.text, sentence):
        if not (value <= bound if side == "<=" else value >= bound):
            continue
        # "far above 5 percent": 5.2 percent is no fair option; nor, for "well below its peak of ___", a peak of 7.7
        # beside a rate of 7.4 (the answer is the figure the emphatic words point at)
        wide = bound * emphatic[bound] if bound in emphatic else bound / emphatic.get(value, 1.0)
        limits.append((side, wide if (value <= wide if side == "<=" else value >= wide) else bound))
    return limits


def _emphatic_bounds(sentence: str) -> dict[float, float]:
    """{5.0: 1.25} for 'far above the national average of 5 percent', {12.8: 0.8} for 'well below its peak of 12.8
    percent': a figure the sentence puts far from another keeps its options a quarter away from it too."""
    table = option_rules()
    words = "|".join(re.escape(w) for w in table["emphatic_words"])
    found = {}
    pattern = compiled(rf"\b(?:{words})\s+(above|below|higher than|lower than|more than|less than)\s+"
                       rf"(?:its |the |their |a )?(?:[a-z]+ ){{0,3}}?(?:of |at )?({_figure()})", re.I)
    for m in pattern.finditer(sentence):
        value = _figure_value(m.group(2))
        if value:
            found[value] = 1.25 if m.group(1).lower() in {"above", "higher than", "more than"} else 0.8
    return found


@functools.lru_cache(maxsize=1)
def _bound_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    table = option_rules()
    return tuple(table["lower_bound_words"]), tuple(table["upper_bound_words"])


def bound_side(answer: NumberFact, sentence: str) -> str | None:
    """'>' for a figure the sentence gives as a floor ('above 50 percent', 'more than 10 points'): any lower figure
    would be true as well, so options lie above it; '<' for a ceiling ('under 10', 'fewer than 300')."""
    own = answer.text.lower()
    at = sentence.lower().find(own)
    before = sentence.lower()[:at].rstrip() if at >= 0 else ""
    lower, upper = _bound_words()

    def bound_by(words: tuple[str, ...]) -> bool:
        return any(own.startswith(w + " ") or compiled(rf"\b{re.escape(w)}$").search(before) for w in words)
    if bound_by(lower):
        return ">"
    return "<" if bound_by(upper) else None


def _shown_below_one(label: str) -> bool:
    match = _NUMERIC.search(label)
    return match is not None and float(match.group(0).replace(",", "")) < 1


def _on_the_false_side(v: float, value: float, side: str | None) -> bool:
    return side is None or (v > value if side == ">" else v < value)


def _within(v: float, limits: list[tuple[str, float]]) -> bool:
    return all((v < bound if side == "<=" else v > bound) for side, bound in limits)


def _fixed_phrase(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    return "part of a fixed phrase, not a figure" if in_fixed_phrase(answer, sentence) else None


def _doubled_hedge(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    return "two hedges in a row, which every option would repeat" if repeated_hedge(answer.text) else None


def _computable(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    if computable_from_sentence(answer, sentence):
        return "computable from the sentence's other figures"
    return None


def _in_a_compound_word(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    if compiled(rf"(?<!\w){re.escape(answer.text)}-[a-z]").search(sentence):
        return "part of a compound word ('half-empty', 'two-year'): another figure would break it"
    return None


def _singular_count(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    if _one_of_a_singular(answer, sentence):
        return "one of a singular noun ('one factor'): another count would need a plural"
    return None


def _names_follow(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    if _counts_the_names_after_it(answer, sentence, facts):
        return "counts the people the sentence goes on to name: any other count is false on its face"
    return None


def _pair_fraction(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    return "a fraction of two or three named people: the count forces it" if fraction_of_a_pair(answer,
                                                                                                 sentence) else None


def _ratio_denominator(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    """'four in ___ voters': the base of a ratio is nearly always 10 (or 100), a convention, not a fact."""
    at = sentence.find(answer.text)
    words = "|".join(lang_en.table("numbers")["words"])
    if at > 0 and compiled(rf"(?:\d|\b(?:{words}))\s+(?:in|out\s+of)\s+$", re.I).search(sentence[:at]):
        return "the base of a ratio ('four in ___'): a convention, not a fact"
    return None


def _and_a_half(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    """'a decade and a half', 'an hour and a half': one measure, and 'a decade and two thirds' is no English."""
    at = sentence.find(answer.text)
    if answer.kind == "fraction" and at > 0 and compiled(r"\b[a-z]+\s+and\s+$", re.I).search(sentence[:at]):
        return "the half of 'a decade and a half': one measure, not a fraction"
    return None


def _share_beside_a_population(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    """'4 billion people, ___ of the world's population': with a total of people printed beside a share, what a
    student knows of the world's (or a country's) population rules options out."""
    if answer.kind not in {"percent", "fraction"}:
        return None
    rest = sentence.replace(answer.text, " ").lower()
    table = option_rules()
    scales = "|".join(re.escape(w) for w in table["population_scales"])
    people = "|".join(re.escape(w) for w in table["population_words"])
    wholes = "|".join(re.escape(w) for w in table["population_wholes"])
    total = compiled(rf"\d[\d.,]*\s*(?:{scales})\b(?:\s+[a-z]+)?\s+(?:{people})\b").search(rest) or (
        compiled(rf"\d[\d.,]*\s*(?:{scales})\b").search(rest) and compiled(rf"\b(?:{wholes})\b").search(rest))
    return "a share beside a total of people: general knowledge of populations bounds it" if total else None


def _unit_words_of(answer: NumberFact) -> list[str]:
    """'12 months' → the words of the unit it equals ('year', 'annual'); none for other figures."""
    unit = re.search(r"([a-z]+)\s*$", answer.text.lower())
    table = option_rules()["unit_equivalents"]
    if answer.kind != "duration" or unit is None or answer.value is None:
        return []
    return list(table.get(unit.group(1), {}).get(int(answer.value), []))


def _one_unit_named(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    """'twelve months' under the headline 'Blog picked as word of the year': a span equal to one larger unit the
    headline or the sentence names is given away by that word."""
    words = _unit_words_of(answer)
    cue = f"{facts.title} {sentence.replace(answer.text, ' ')}".lower()
    if words and compiled(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b").search(cue):
        return "a span of one larger unit that the headline or the sentence names ('year' for twelve months)"
    return None


def _a_score(answer: NumberFact, sentence: str, facts: FactSheet) -> str | None:
    """'73 percent to 25 percent', '58 to 40': a result of two figures, the larger first, is no range to scale."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\D{0,12}?\bto\s+(\d[\d,]*(?:\.\d+)?)", answer.text)
    if m and float(m.group(1).replace(",", "")) >= float(m.group(2).replace(",", "")):
        return "a score of two figures ('73 percent to 25 percent'), not one figure"
    return None


# Why a figure takes no options at all, tried in order: each names one reason.
NO_OPTION_RULES = (_fixed_phrase, _doubled_hedge, _computable, _in_a_compound_word, _singular_count, _names_follow,
                   _pair_fraction, _ratio_denominator, _and_a_half, _a_score, _share_beside_a_population,
                   _one_unit_named)


def no_options_reason(answer: NumberFact, facts: FactSheet) -> str | None:
    """Why a figure takes no options at all: words of a fixed phrase, a doubled hedge, computable, or cued."""
    return first_reason(NO_OPTION_RULES, answer, _sentence_of(answer, facts), facts)


def _counts_the_names_after_it(answer: NumberFact, sentence: str, facts: FactSheet) -> bool:
    """'The three scholars -- Tribe, Epstein and Amar -- agreed': a count of the people named after it."""
    at = sentence.find(answer.text)
    if answer.kind != "count" or answer.value is None or not 2 <= answer.value <= 12 or at < 0:
        return False
    rest = sentence[at + len(answer.text):]
    named = [e for e in facts.entities if e.type == "PERSON" and any(mentioned_in(n, rest) for n in e.names)]
    return len(named) == answer.value


def _one_of_a_singular(answer: NumberFact, sentence: str) -> bool:
    """'only one factor among many': any other count breaks the noun's agreement."""
    if answer.value != 1 or answer.kind != "count":
        return False
    at = sentence.find(answer.text)
    following = re.match(r"\s+([a-z]+)", sentence[at + len(answer.text):] if at >= 0 else "")
    return following is not None and not following.group(1).endswith("s") and (
        following.group(1) not in option_rules()["after_one_not_nouns"])


def _other_years(answer: NumberFact, facts: FactSheet) -> list[int]:
    """The sentence's other years, for a year answer: 'founded in 1990 and closed in ___' keeps the order of
    events (an option of 1985 would close it before it opened)."""
    if answer.kind != "year":
        return []
    return [int(y) for y in _YEAR.findall(_sentence_of(answer, facts).replace(answer.text, " "))]


@functools.lru_cache(maxsize=1)
def _year_table() -> dict:
    return lang_en.table("year_options")


def article_years(facts: FactSheet) -> list[int]:
    """Every year the article states, its headline and date included."""
    texts = [facts.title, facts.date or "", *(s.text for s in facts.sentences)]
    return [int(y) for text in texts for y in _YEAR.findall(text)]


def article_year(facts: FactSheet) -> int | None:
    """The year the article was written: its date's, else the latest year it states as past or present (a target
    'by 2050' or 'will open in 2008' is ahead of the writing), else the latest year it states."""
    dated = _YEAR.search(facts.date or "")
    if dated is not None:
        return int(dated.group(0))
    texts = [facts.title, *(s.text for s in facts.sentences)]
    told = [int(y) for text in texts for y in _YEAR.findall(text)
            if not future_year(NumberFact("", y, "year", 0, value=float(y)), text)]
    years = told or article_years(facts)
    return max(years) if years else None


def future_year(answer: NumberFact, sentence: str) -> bool:
    """'will', 'could see', 'by 2012': the sentence puts its year ahead of the article's date."""
    table = _year_table()
    words = "|".join(re.escape(w) for w in sorted(table["future_cues"], key=len, reverse=True))
    if compiled(rf"(?<![\w'’])(?:{words})(?!\w)", re.I).search(sentence):
        return True
    deadline = "|".join(re.escape(w) for w in table["deadline_words"])
    return compiled(rf"\b(?:{deadline})\s+(?:the\s+end\s+of\s+)?{re.escape(answer.text)}\b", re.I).search(
        sentence) is not None


def four_yearly(answer: NumberFact, sentence: str) -> bool:
    """'his 2012 presidential campaign', 'the 1980 Democratic convention': a year of an event held every four
    years, which only another year of the cycle can stand in for."""
    at = sentence.find(answer.text)
    if at < 0:
        return False
    table = _year_table()
    following = re.findall(r"[a-z]+", sentence[at + len(answer.text):].lower())[:table["four_yearly_within"]]
    words = " ".join(following)
    events = "|".join(re.escape(e) for e in table["four_yearly"])
    if compiled(rf"\b(?:{events})\b").search(words) is not None:
        return True
    # 'his own run for the White House in 2016', 'his presidential campaign in 2007': the event named before it
    preceding = " ".join(re.findall(r"[a-z]+", sentence[:at].lower())[-table["four_yearly_before_within"]:])
    runs = "|".join(re.escape(e) for e in table["four_yearly_before"])
    return compiled(rf"\b(?:{runs})\b").search(preceding) is not None


def year_window(answer: NumberFact, facts: FactSheet) -> tuple[float, float]:
    """The years an option of a year answer may take: within the span of years the article states, and on the
    answer's side of the article's date as the sentence's tense says (a future 'by 2012' takes no year before the
    article's; a past year none after it). Outside: false without reading ('Bush's 1996 budget')."""
    value = answer.value or 0.0
    years = set(article_years(facts))
    # An article of one year sets no span: its options stay within a few years of the answer (the offsets).
    low, high = (min(years), max(years)) if len(years) >= 2 else (float("-inf"), float("inf"))
    if value == low:
        low -= 5  # the story's first year: the years before it are ruled out by nothing the article says
    now = article_year(facts)
    if now is not None:
        if future_year(answer, _sentence_of(answer, facts)):
            low = max(low, now) if value >= now else low
        elif value <= now:
            high = min(high, now)
    return float(low), float(high)


def _sentence_allows(answer: NumberFact, value: float, facts: FactSheet) -> Callable[[float, str], bool]:
    """Whether an option (value, label) fits the answer's sentence: on the answer's side of its other figures (and,
    for a year, of its other years) and of the words that relate them, on the false side of a floor or a ceiling,
    below a larger unit's size, and not shown below one where the answer is not."""
    bounds = sentence_bounds(answer, facts) if answer.kind != "year" else []
    years = _other_years(answer, facts)
    limits = text_limits(answer, facts)
    side = None if answer.kind in {"year", "multiple"} else bound_side(answer, _sentence_of(answer, facts))
    cap = compound_cap(answer, facts)
    below_one = _shown_below_one(answer.text)
    first, last = year_window(answer, facts) if answer.kind == "year" else (float("-inf"), float("inf"))
    cycle = 4 if answer.kind == "year" and four_yearly(answer, _sentence_of(answer, facts)) else 1
    counted = _counted_before(answer, facts)
    floor = 3.0 if _three_or_more(answer, facts) else float("-inf")
    floor = max(floor, _listed_after(answer, facts) + 1)

    def allows(v: float, label: str) -> bool:
        return (_feasible(v, value, bounds) and _within(v, limits) and _on_the_false_side(v, value, side)
                and all((v > y) == (value > y) and v != y for y in years) and first <= v <= last
                and (below_one or not _shown_below_one(label)) and (cap is None or 0 <= v < cap)
                and not (counted and re.match(r"(?:a|an|one)\s", label, re.I)) and v >= floor
                and (cycle == 1 or (v - value) % cycle == 0))
    return allows


def _three_or_more(answer: NumberFact, facts: FactSheet) -> bool:
    """'none of the four states': a count English writes only from three up ('neither' of two)."""
    if answer.kind != "count":
        return False
    sentence = _sentence_of(answer, facts)
    at = sentence.find(answer.text)
    words = "|".join(re.escape(w) for w in lang_en.table("count_grammar")["three_or_more_after"])
    return at > 0 and compiled(rf"\b(?:{words})\s+$", re.I).search(sentence[:at]) is not None


_INCLUDING = re.compile(r"^\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+,?\s+including\s+([^.;:—–()]+)")


def _listed_after(answer: NumberFact, facts: FactSheet) -> float:
    """'a delegation to five countries, including Spain, Peru, Chad and Fiji': the count is at least the names it
    lists, so three or four would be false or defensible (-inf when the sentence lists no names after it)."""
    sentence = _sentence_of(answer, facts)
    at = sentence.find(answer.text)
    m = _INCLUDING.match(sentence[at + len(answer.text):]) if answer.kind == "count" and at >= 0 else None
    if m is None:
        return float("-inf")
    names = [n.strip() for n in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group(1).strip())]
    if len(names) < 2 or not all(n[:1].isupper() for n in names) or len(names) > (answer.value or 0):
        return float("-inf")  # not a list of names, or one the count does not exceed (read it as no list)
    return float(len(names))


def _counted_before(answer: NumberFact, facts: FactSheet) -> bool:
    """'one half', 'a half': the sentence writes a count right before the answer, so an option that brings its own
    ('a quarter') would read 'one a quarter'."""
    sentence = _sentence_of(answer, facts)
    at = sentence.find(answer.text)
    return at > 0 and compiled(r"\b(?:a|an|one)\s+$", re.I).search(sentence[:at]) is not None


# --- number rules: no option that looks made by arithmetic on the answer or that the article's words make true ---

def _digits(label: str) -> str:
    match = _NUMERIC.search(label)
    return match.group(0).replace(",", "").replace(".", "").lstrip("0") if match else ""


def _tenfold(a: float, b: float, a_label: str, b_label: str) -> bool:
    """'283' beside '28', '150' beside '15': one figure is the other shifted by a digit."""
    low, high = sorted((abs(a), abs(b)))
    if low and 8.0 <= high / low <= 12.5:
        return True
    short, long = sorted((_digits(a_label), _digits(b_label)), key=len)
    return len(short) >= 2 and len(long) == len(short) + 1 and long.startswith(short)


def _reversed_digits(label: str, answer_label: str) -> bool:
    """'28' for '82': the answer's digits backwards."""
    mine, theirs = _digits(label), _digits(answer_label)
    return len(theirs) >= 2 and mine != theirs and mine == theirs[::-1]


def _outside_band(v: float, answer: NumberFact) -> bool:
    """A count, a sum or a duration more than ~3x from the answer ('283 years' beside '85 years', '$283,000' beside
    '$85,000')."""
    value = answer.value or 0.0
    if answer.kind not in {"count", "duration", "money"} or value <= 0 or v <= 0:
        return False
    band = float(option_rules()["count_band"])
    return max(v / value, value / v) > band + 0.25  # 85 → 28 (a third, rounded) stays in


_SIMPLE_RATIOS = (1 / 3, 0.5, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)


def _exact_multiple(v: float, answer: NumberFact) -> bool:
    """'3,474' and '5,211' beside '1,737', '3.7%' beside '7.4%': exact halves and multiples of a figure that is not
    round single it out as the one the others were made from."""
    value = answer.value or 0.0
    small_count = value < 10 and not _decimals(answer.text)  # '4 of 8': small whole numbers are multiples anyway
    if small_count or _looks_round(answer.text) or not _NUMERIC.search(answer.text) or _RANGE.search(answer.text):
        return False
    digits = _digits(answer.text).rstrip("0")
    return len(digits) >= 2 and any(abs(v - value * r) <= 1e-9 * value for r in _SIMPLE_RATIOS)


def looks_made_by_arithmetic(v: float, label: str, answer: NumberFact, chosen: list[tuple[float, str]]) -> bool:
    """An option a student spots as built from the answer: its digits reversed, shifted by a place (against the
    answer or another option), an exact multiple of a figure that is not round, or far outside a sane band of it."""
    if answer.kind in {"year", "fraction", "multiple"} or not _NUMERIC.search(label):
        return False
    value = answer.value or 0.0
    return (_reversed_digits(label, answer.text) or _outside_band(v, answer) or _exact_multiple(v, answer)
            or any(_tenfold(v, other, label, other_label) for other, other_label in [(value, answer.text), *chosen]))


def _relative_years(facts: FactSheet) -> set[int]:
    """'last year' in an article of 2005 is 2004: the years the article gives by a phrase relative to its date. An
    undated article may be of its latest stated year or the one after, so both readings count."""
    now = article_year(facts)
    if now is None:
        return set()
    nows = (now,) if _YEAR.search(facts.date or "") else (now, now + 1)
    texts = " ".join([facts.title, *(s.text for s in facts.sentences)]).lower()
    return {year + int(shift) for phrase, shift in _year_table()["relative_years"].items()
            # 'the last year of his presidency' is a final year, not the one before the article's
            if compiled(rf"(?<!\bthe )\b{re.escape(phrase)}\b").search(texts) for year in nows}


@functools.lru_cache(maxsize=1)
def _year_range() -> re.Pattern[str]:
    table = _year_table()
    openers = "|".join(re.escape(w) for w in table["year_range_openers"])
    links = "|".join(re.escape(w) for w in table["year_range_links"])
    year = r"(1[5-9]\d\d|20\d\d)"
    return re.compile(rf"\b(?:{openers})\s+{year}\s+(?:{links})\s+{year}\b|\b{year}\s*[-–]\s*(\d\d\d\d|\d\d)\b",
                      re.I)


def _year_ranges_elsewhere(answer: NumberFact, facts: FactSheet) -> list[tuple[int, int]]:
    """Spans of years other sentences state ('from 2004 to 2009') that hold the answer's year."""
    spans = []
    for sentence in facts.sentences:
        if sentence.index == answer.sentence:
            continue
        for m in _year_range().finditer(sentence.text):
            first, last = (g for g in m.groups() if g)
            low = int(first)
            high = int(last) if len(last) == 4 else low // 100 * 100 + int(last)
            if low < high and low <= (answer.value or 0) <= high:
                spans.append((low, high))
    return spans


def year_given_by_the_article(answer: NumberFact, facts: FactSheet) -> Callable[[float], bool]:
    """Whether a year option is one the article's own words make defensible: 'last year' resolved against its
    date, or a year inside a span it states elsewhere that holds the answer."""
    if answer.kind != "year":
        return lambda v: False
    relative = _relative_years(facts) - {int(answer.value or 0)}
    spans = _year_ranges_elsewhere(answer, facts)
    return lambda v: int(v) in relative or any(low <= v <= high for low, high in spans)


def fraction_of_a_pair(answer: NumberFact, sentence: str) -> bool:
    """'one ___ of Bethan and Huw': a fraction of two (or a few) named people is forced by the count."""
    at = sentence.find(answer.text)
    if answer.kind != "fraction" or at < 0:
        return False
    name = r"[A-Z][\w'’-]+"
    return re.match(rf"\s+of\s+(?:the\s+)?{name}(?:\s*,\s*{name}){{0,2}},?\s+(?:and|&)\s+{name}\b",
                    sentence[at + len(answer.text):]) is not None


def number_distractors(answer: NumberFact, facts: FactSheet, count: int) -> list[str]:
    """Plausible neighbours in the answer's own style and precision; none rounds to the answer, repeats another
    fact's value, is a near-twin of another option, or is ruled out by the other figures or words of its sentence
    (a part above its whole, a fall that rises). A figure in a fixed phrase, with a doubled hedge, or computable
    from its sentence takes none."""
    value = _compared_value(answer)
    if value is None or no_options_reason(answer, facts) is not None:
        return []
    forbidden = _values_given_elsewhere(answer, facts)
    allows = _sentence_allows(answer, value, facts)
    given = year_given_by_the_article(answer, facts)
    compared = replace(answer, value=value)
    ratio = ratio_base(answer, facts) is not None  # 'seven in 10' against 'eight in 10' is a real difference
    fair = [(v, label) for v, label in _as_precise(_candidates(answer, value), answer)
            if label != answer.text and round(v, 6) not in forbidden and not given(v)
            and not (_too_close(v, compared) and not (ratio and v != value)) and allows(v, label)]
    below = [c for c in fair if c[0] < value]
    above = [c for c in fair if c[0] > value]
    # The answer's place among the sorted options, picked by its own id: with the usual multipliers it would always
    # come second ('24%, 48%, 72%, 96%'), which a test-wise student learns.
    # Floors ("more than 9,000") put their answer first whatever is wanted, so a free answer comes first half as
    # often as at each other place: over a quiz the answer is first about as often as anywhere else.
    places = [*range(count + 1), *range(1, count + 1)]
    wanted = places[int(stable_id(answer.id, length=4), 16) % len(places)]  # options below the answer
    chosen: list[tuple[float, str]] = []
    _take(below, wanted, answer, chosen)
    _take(above, count, answer, chosen)
    _take(fair, count, answer, chosen)  # a side with too few fair options: the other side makes up the count
    labels = [label for _, label in chosen]
    return [] if lone_round_answer(answer, labels) else labels  # no item rather than a giveaway


def _take(candidates: list[tuple[float, str]], until: int, answer: NumberFact,
          chosen: list[tuple[float, str]]) -> None:
    """Add candidates in their order of preference to `chosen` until it holds `until`, leaving out a repeat, a
    near-twin of an option already chosen, and one that looks made by arithmetic on the others."""
    for v, label in candidates:
        if len(chosen) >= until:
            return
        if any(label == c[1] or v == c[0] for c in chosen) or looks_made_by_arithmetic(v, label, answer, chosen):
            continue
        if not _near_twin(v, answer, chosen):
            chosen.append((v, label))


def _headline_words(facts: FactSheet) -> frozenset[str]:
    return frozenset(w.removesuffix("s") for w in re.findall(r"[a-z]{4,}", facts.title.lower()))


def _counts_the_story_s_thing(number: NumberFact, facts: FactSheet) -> float:
    """'Millions to lose textile jobs': a figure counting what the headline is about is what a student should keep."""
    counted = {w.removesuffix("s") for w in re.findall(r"[a-z]{4,}", (number.counts or "").lower())}
    return 0.3 if counted & _headline_words(facts) else 0.0


def _incidental_year(number: NumberFact, facts: FactSheet) -> float:
    """A year outside the article's first two paragraphs dates a detail ('an earlier nomination in 2001'), seldom
    the story."""
    paragraph = facts.sentences[number.sentence].paragraph if number.sentence < len(facts.sentences) else 0
    return -0.3 if number.kind == "year" and paragraph >= 2 else 0.0


def _a_year_dating_a_thing(number: NumberFact, facts: FactSheet) -> str | None:
    """'a 1996 FEC advisory opinion', "Jay-Z's own 2001 album", 'that 2012 remark': a year written as a label of a
    thing, past the first two paragraphs, dates a detail a teacher would not ask about."""
    sentence = _sentence_of(number, facts)
    paragraph = facts.sentences[number.sentence].paragraph if number.sentence < len(facts.sentences) else 0
    at = sentence.find(number.text)
    if number.kind != "year" or paragraph < 2 or at < 0:
        return None
    labels = "|".join(re.escape(w) for w in option_rules()["year_label_openers"])
    before, after = sentence[:at], sentence[at + len(number.text):]
    if compiled(rf"(?:\b(?:{labels})|['’]s)\s+$", re.I).search(before) and re.match(r"\s+[A-Za-z]", after):
        return "a year labelling a thing ('a 1996 advisory opinion'), an incidental detail"
    return None


def _a_poll_s_sample(number: NumberFact, facts: FactSheet) -> str | None:
    """'among the 514 likely voters surveyed, the margin of error is …': how many a poll asked is its method, not
    the news."""
    sentence = _sentence_of(number, facts).lower()
    words = "|".join(re.escape(w) for w in option_rules()["poll_method_words"])
    if number.kind == "count" and compiled(rf"\b(?:{words})\b").search(sentence):
        return "the size of a poll's sample, its method rather than the news"
    return None


def _a_span_counted_from_before(number: NumberFact, facts: FactSheet) -> str | None:
    """'Over five years, however, Obama has turned …', 'Two weeks later, …': a span opening its sentence counts from
    something an earlier sentence tells, so the figure means nothing on its own ('the past five years' counts from
    now and stands)."""
    if number.kind != "duration":
        return None
    sentence = _sentence_of(number, facts)
    openers = "|".join(re.escape(w) for w in option_rules()["span_openers"])
    figure = re.escape(number.text)
    if compiled(rf"^(?:(?:{openers})\s+)?{figure}(?:\s*,|\s+(?:later|earlier|on)\b)", re.I).match(sentence):
        return "a span opening the sentence that counts from something an earlier sentence tells"
    return None


# Figures not worth a question of their own, or that cannot stand in one, each rule naming why.
INCIDENTAL_RULES = (_a_year_dating_a_thing, _a_poll_s_sample, _a_span_counted_from_before)


def incidental_figure(number: NumberFact, facts: FactSheet) -> str | None:
    """Why a figure is not worth a question of its own, or None."""
    return first_reason(INCIDENTAL_RULES, number, facts)


# How much a figure matters to the story, each rule a step up or down from nothing.
IMPORTANCE_RULES = (_counts_the_story_s_thing, _incidental_year)


def figure_importance(number: NumberFact, facts: FactSheet) -> float:
    """A hint added to a number item's score: up for the figures the story is about, down for incidental ones."""
    return round(sum(rule(number, facts) for rule in IMPORTANCE_RULES), 4)


def number_sort_key(answer: NumberFact, option: str) -> float:
    """Numbers are listed in ascending order."""
    for words, v in _FRACTION_LADDER + _MULTIPLE_LADDER:
        if option.lower().endswith(words):
            return v
    if (m := _NUMERIC.search(option)) is not None:
        return float(m.group(0).replace(",", ""))
    if (word := _word_number(option)) is not None:
        return float(word[2])
    return answer.value or 0.0

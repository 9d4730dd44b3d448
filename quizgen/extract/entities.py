"""Entities: spaCy's mentions, cleaned, typed by vote and context, merged into one record per referent."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from quizgen.extract.parsed import SPEECH_VERBS, ParsedArticle, doc_text, quote_spans
from quizgen.lang import en as lang_en
from quizgen.model import Entity
from quizgen.textutil import HONORIFICS, stable_id, strip_honorific


def _words(key: str) -> frozenset[str]:
    """One list of lang/en/data/entity_words.yaml."""
    return lang_en.word_set("entity_words", key)


KEPT_TYPES = {"PERSON", "ORG", "GPE", "LOC", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PRODUCT"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")

# Head nouns that say what kind of thing a name is ("media outlet Rossiyskaya Gazeta", "Kursk, a region ...").
_ORG_NOUNS = _words("org_nouns")
_PLACE_NOUNS = _words("place_nouns")
_WORK_NOUNS = _words("work_nouns")
PERSON_NOUNS = _words("person_nouns")
_ORG_SUFFIXES = _words("org_suffixes")
_EVENT_SUFFIXES = _words("event_suffixes")
_WEEKDAYS_MONTHS = _words("weekdays_months")
# What a person has in public life ("the Clinton campaign"): see the table's note.
_PERSON_FOLLOWINGS = frozenset(lang_en.table("person_followings")["nouns"])
_TITLE_NOUNS = PERSON_NOUNS | _ORG_NOUNS | _PLACE_NOUNS | _WORK_NOUNS
# Role nouns whose "for X" names a constituency ("the Labour MP for Birkenhead"); other roles name an employer.
_CONSTITUENCY_ROLES = _words("constituency_roles")
_COMPANY_PARTS = _words("company_parts")
_FEATURE_NOUNS = _words("feature_nouns")
_TECH_NOUNS = _words("tech_nouns")
_RESIDENT_NOUNS = _words("resident_nouns")
# "Russian Dmitriy Bogdanov": a nationality glued to the front of a name by the tagger.
_DEMONYM_PREFIX = re.compile(
    r"^(?:American|Argentine|Australian|Austrian|Belgian|Brazilian|British|Canadian|Chinese|Danish|Dutch|"
    r"Egyptian|English|Finnish|French|German|Greek|Indian|Irish|Israeli|Italian|Japanese|Kenyan|Korean|Mexican|"
    r"Nigerian|Norwegian|Pakistani|Polish|Portuguese|Russian|Scottish|Spanish|Swedish|Swiss|Turkish|Ukrainian|"
    r"Welsh)\s+(?=[A-Z])")
# "programmes such as EastEnders and Top Gear", "the singles Takeover and Izzo": names listed after a kind noun.
# "and"/"or" only after a space: inside "AandAand…" or "A-and A-and…" they could end a name or be part of it, and
# trying both ways for each hung on a short line (exponential backtracking).
_LISTED_AFTER = re.compile(r"\b(\w+)\s+(?:(?:such as|like|including|called|named)\s+)?(?:[A-Z][\w'’&-]*"
                           r"(?:\s+[A-Z][\w'’&-]*)*(?:\s*\([^)]*\))?(?:\s*,|\s+(?:and|or))\s*)*$")
_NAMING_CUES = _words("naming_cues")
# Verbs whose "in X" names a person ("believe in Obama"): see `_lived_in_place`.
_IN_PERSON_VERBS = _words("in_person_verbs")
# A name of capitalised words only ("Gene Sperling"), no possessive or punctuation inside.
# "Okafor", "McConnell", "O'Keefe", "Abu-Laban"; not "People’s", "U.S." or "GOP".
_NAME_WORD = r"[A-Z](?:[a-z]+(?:[A-Z][a-z]+)*)?(?:[’'][A-Z][a-z]+(?:[A-Z][a-z]+)*|-[A-Za-z][a-z]+)*"
_PLAIN_NAME = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD})*")
# Last words of a sports team's name ("Leeds Rhinos"): never a person's, whatever the first word.
_TEAM_WORDS = frozenset(w.lower() for w in lang_en.table("kinds")["team_words"])


def clean_name(text: str) -> str:
    """'the Soviet Union' → 'Soviet Union', 'Kim Jong Un’s' → 'Kim Jong Un', 'Mr Brown' stays (handled by aliasing)."""
    text = re.sub(r"\s+", " ", text).strip(" \t,;:!?“”\"'‘’()[]—–-")
    if text.endswith(".") and text.count(".") == 1:
        text = text[:-1]  # a sentence's full stop, not "U.S."
    if "(" in text and ")" not in text:
        text = text.split("(")[0]  # "World Health Organization (WHO": the acronym is a gloss, not the name
    text = _POSSESSIVE.sub("", text.strip())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return text.strip(" \t,;:“”\"'‘’—–-")


def _bare(name: str) -> str:
    """A name without honorifics: 'Mr Blair' → 'Blair'."""
    return strip_honorific(name)


@dataclass
class Mention:
    text: str
    label: str
    paragraph: int
    start_char: int
    end_char: int
    sentence: int
    span: Span
    votes: Counter[str] = field(default_factory=Counter)


def _in_quotes_named(span: Span) -> str | None:
    """A name standing alone in quotation marks after a naming word ('a song called “Katyusha"') is a work."""
    doc = span.doc
    for start, end, _ in quote_spans(doc_text(doc)):
        inner = doc_text(doc)[start:end].strip(" ,.!?")
        if start <= span.start_char and span.end_char <= end and clean_name(inner) == clean_name(span.text):
            before = doc_text(doc)[max(0, start - 30):start - 1].lower().split()
            if before and before[-1].strip(",") in _NAMING_CUES:
                return "WORK_OF_ART"
    return None


def _head_noun_type(span: Span) -> str | None:
    """Type implied by a noun beside the name: 'news agency TASS', 'Kursk, a region in …'."""
    nouns: list[Token] = []
    root = span.root
    # The noun just before the name: "state-run media outlet Rossiyskaya Gazeta".
    if span.start > 0 and span.doc[span.start - 1].pos_ == "NOUN":
        nouns.append(span.doc[span.start - 1])
    # An appositive after it: "Kursk, a region …"; or the name as an appositive: "outlet X".
    nouns.extend(child for child in root.children if child.dep_ == "appos" and child.pos_ == "NOUN")
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma in _ORG_NOUNS:
            return "ORG"
        if lemma in _PLACE_NOUNS:
            return "GPE"
        if lemma in _WORK_NOUNS:
            return "WORK_OF_ART"
    return None


def _role_of_preposition(span: Span) -> str | None:
    """'the Labour MP for Birkenhead' → a place; 'a lawyer for Yukos' → an organisation; 'the island of Westray',
    'a tributary of the Amazon' → places."""
    root = span.root
    if not (root.dep_ == "pobj" and root.head.lower_ in {"for", "of", "at", "from"}
            and root.head.head.pos_ in {"NOUN", "PROPN"}):
        return None
    role = root.head.head.lemma_.lower()
    if root.head.lower_ == "of" and role in _PLACE_NOUNS:
        return "GPE"
    if root.head.lower_ == "of" and role in _FEATURE_NOUNS:
        return "LOC"
    if role in _CONSTITUENCY_ROLES or role in _RESIDENT_NOUNS:
        return "GPE"
    return "ORG" if role in PERSON_NOUNS else None


def _kind_noun_it_modifies(span: Span) -> str | None:
    """'the CSI TV shows' → a work; 'UWB chips' → a product: follow the compound chain to its noun."""
    root = span.root
    head = root
    while head.dep_ == "compound" and head.head.pos_ in {"NOUN", "PROPN"} and head.head.i > head.i:
        head = head.head
    if head is root:
        return None
    lemma = head.lemma_.lower()
    return "WORK_OF_ART" if lemma in _WORK_NOUNS else "PRODUCT" if lemma in _TECH_NOUNS else None


def _technology_called(span: Span) -> str | None:
    """'the technology behind such networks called Ultra Wideband' → a product."""
    before_words = [t.lower_ for t in span.doc[max(0, span.start - 4):span.start]]
    if len(before_words) >= 2 and (before_words[-1] in {"called", "named"} or before_words[-2:] == ["known", "as"]):
        noun = span.doc[span.start - (3 if before_words[-1] == "as" else 2)]
        if noun.lemma_.lower() in _TECH_NOUNS:
            return "PRODUCT"
    return None


def _modifies_a_place_noun(span: Span) -> str | None:
    """'the Waterford man', 'the Orkney island of Westray' → places."""
    root = span.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in (
            _RESIDENT_NOUNS | _PLACE_NOUNS):
        return "GPE"
    return None


def _company_part_after(span: Span) -> str | None:
    """'Yukos's shareholders', 'Yukos chief executive Steven Theede', 'Yukos advisers' → an organisation."""
    after = [t for t in span.doc[span.end:span.end + 3] if t.tag_ != "POS"]
    if after and after[0].lemma_.lower() in _COMPANY_PARTS and after[0].pos_ == "NOUN":
        return "ORG"
    return None


def _said_it_would(span: Span) -> str | None:
    """'Yukos said it would appeal': a person is not "it" (but "added: “If it …" is not the name's own clause)."""
    root = span.root
    if span.label_ == "PERSON" and root.dep_ == "nsubj" and any(
            c.dep_ == "ccomp" and c.left_edge.i == root.head.i + 1
            and any(g.dep_ == "nsubj" and g.lower_ == "it" for g in c.children)
            for c in root.head.children):
        return "ORG"
    return None


def _persons_following(span: Span) -> str | None:
    """'the Clinton campaign', 'Trump aides': a name tagged as a person that modifies what a person has in public
    life (its people, its campaign) is that person, not an organisation's name; it outvotes 'the' before it."""
    root = span.root
    if span.label_ == "PERSON" and root.dep_ == "compound" and root.head.lemma_.lower() in _PERSON_FOLLOWINGS:
        return "PERSON"
    return None


def _the_before_a_person(span: Span) -> str | None:
    """'the Mater in Dublin' → a building; 'the Madd Rapper' stays open unless a name follows."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if span.label_ == "PERSON" and before is not None and before.lower_ == "the" and (
            span.end >= len(span.doc) or span.doc[span.end].pos_ != "PROPN"):
        return "FAC" if span.end < len(span.doc) and span.doc[span.end].lower_ in {"in", "at"} else "ORG"
    return None


def _ends_like_an_organisation(span: Span) -> bool:
    """'… Post', '… Group', '… United': a last word that ends organisations' and teams' names."""
    return span[-1].lower_ in _ORG_SUFFIXES | _TEAM_WORDS


def _person_noun_before(span: Span) -> str | None:
    """'founder Brent Bozell', 'economist Eswar Prasad': a name of one to three name words right after a singular
    role noun is that person, whatever the tagger called it ('artists Mase and …' introduces a list)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if (before is not None and before.pos_ == "NOUN" and before.tag_ not in {"NNS", "NNPS"}
            and before.lemma_.lower() in PERSON_NOUNS and len(span) <= 3 and all(_is_name_word(t) for t in span)
            and not _ends_like_an_organisation(span)):
        return "PERSON"
    return None


def _said_he_or_she(span: Span) -> str | None:
    """'Eswar Prasad said he expected …': the subject of a speech verb that the clause after it calls he or she is
    a person (the way 'Yukos said it would appeal' makes an organisation)."""
    root = span.root
    _, pronouns = _gender_words()
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in SPEECH_VERBS or _ends_like_an_organisation(span):
        return None
    if any(c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lower_ in pronouns and g.lower_ not in {"his", "her"}
                                     for g in c.children)
           for c in root.head.children):
        return "PERSON"
    return None


_OWNER_BEFORE = re.compile(r"['’]s\s+(?=[A-Z])")
_QUOTE_MARKS = {"“", "”", '"', "‘", "’", "'"}


def _quoted_before_work_noun(span: Span) -> str | None:
    """'CNBC’s “Squawk Box” program', 'the “Broad City” podcast': a name in quotation marks right before a kind of
    work is that work, whatever the tagger called it."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text not in _QUOTE_MARKS:
        return None
    after = span.end
    while after < len(doc) and (doc[after].text in _QUOTE_MARKS or doc[after].text == ","):
        after += 1
    if after > span.end and after < len(doc) and doc[after].lemma_.lower() in _WORK_NOUNS:
        return "WORK_OF_ART"
    return None


def _lived_in_place(span: Span) -> str | None:
    """'the rally in Nashua', 'grew up in Macon': a one-word name tagged a person after 'in' or 'near' whose phrase
    hangs on a verb is a place ('believe in Obama' and the other verbs of entity_words' in_person_verbs aside)."""
    root = span.root
    prep = root.head
    if (span.label_ == "PERSON" and len(span) == 1 and root.dep_ == "pobj" and prep.lower_ in {"in", "near"}
            and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() not in _IN_PERSON_VERBS):
        return "GPE"
    return None


# Context rules, first match wins: the words around a name that say what kind of thing it is.
ROLE_CONTEXT_RULES = (_persons_following, _person_noun_before, _said_he_or_she, _quoted_before_work_noun,
                      _lived_in_place, _role_of_preposition, _kind_noun_it_modifies, _technology_called,
                      _modifies_a_place_noun, _company_part_after, _said_it_would, _the_before_a_person)


def _role_context_type(span: Span) -> str | None:
    """The type the name's context implies (see ROLE_CONTEXT_RULES), or None."""
    for rule in ROLE_CONTEXT_RULES:
        if (label := rule(span)) is not None:
            return label
    return None


def _coordinated_label(span: Span, ents: list[Span]) -> str | None:
    """For a place or organisation, the label of a name it is listed with ("Erfurt and Stuttgart") when spaCy gave
    that name a different label (place, organisation or person); None otherwise."""
    root = span.root
    partners = [root.head] if root.dep_ == "conj" else [c for c in root.children if c.dep_ == "conj"]
    for partner in partners:
        ent = next((e for e in ents if e.start <= partner.i < e.end and e.start != span.start), None)
        if (ent is not None and ent.label_ in {"GPE", "LOC", "ORG", "PERSON"} and span.label_ in {"GPE", "LOC", "ORG"}
                and ent.label_ != span.label_):
            return ent.label_
    return None


def _listed_work(span: Span) -> str | None:
    """A name in a list after a kind of work: 'programmes such as EastEnders and Top Gear'."""
    sentence = span.sent
    # The last 300 characters hold any real list; the pattern is tried from each word, so a whole long sentence
    # would cost its length squared.
    before = doc_text(span.doc)[max(sentence.start_char, span.start_char - 300):span.start_char]
    m = _LISTED_AFTER.search(before)
    if m and m.group(1).lower().rstrip("s") in {w.rstrip("s") for w in _WORK_NOUNS} | {"programme", "episode"}:
        return "WORK_OF_ART"
    return None


def _suffix_type(name: str) -> str | None:
    """ORG or EVENT when a name of two or more words ends in a word that says so ("… University", "… Festival")."""
    last = name.split()[-1].lower().strip(".") if name.split() else ""
    if len(name.split()) >= 2 and last in _ORG_SUFFIXES:
        return "ORG"
    if len(name.split()) >= 2 and last in _EVENT_SUFFIXES and name.split()[0][0].isupper():
        return "EVENT"
    return None


def _is_demonym(span: Span) -> bool:
    """'Ukrainian forces': a single -an/-ese/-ish word modifying a noun is a nationality, not a place."""
    return (len(span) == 1 and re.search(r"(?:an|ese|ish|ic|i)$", span.text) is not None
            and span.root.dep_ in {"amod", "compound"} and span.root.head.pos_ == "NOUN")


_NAME_PARTICLES = _words("name_particles")


def _is_name_word(token: Token) -> bool:
    """A capitalised proper noun made of letters only."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.text.isalpha()


def repair_ents(doc: Doc) -> None:
    """Replace the doc's entities with the repaired ones, so quotes and numbers see the same names."""
    try:
        doc.ents = _repaired_ents(doc)
    except ValueError:  # overlapping spans: keep spaCy's own
        pass


def _role_is_first_name(span: Span, title_end: int, label: str) -> bool:
    """'Dean Kamen', 'Judge Dredd': a capitalised role word before a single name may be the first name."""
    return span[0].text[:1].isupper() and label == "PERSON" and span.end - title_end < 2


_Bounds = tuple[int, int, str]  # start, end and label of an entity being repaired


def _join_name_particles(doc: Doc, bounds: _Bounds) -> _Bounds:
    """'Saúde das Águas' is one name, not 'Saúde': a lower-case particle between capitalised names joins them."""
    start, end, label = bounds
    while (end + 1 < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end].is_lower
           and _is_name_word(doc[end + 1]) and doc[end + 1].ent_type_ not in {"DATE", "CARDINAL"}):
        end += 2
        while end < len(doc) and _is_name_word(doc[end]) and not doc[end].ent_type_:
            end += 1
    return start, end, label


def _join_paired_plurals(doc: Doc, bounds: _Bounds) -> _Bounds:
    """'University of the Highlands and Islands', 'Academy of Arts and Sciences': spaCy stops at 'and'."""
    start, end, label = bounds
    if (label == "ORG" and " of " in doc[start:end].text and end + 1 < len(doc) and doc[end].lower_ == "and"
            and _is_name_word(doc[end + 1]) and doc[end - 1].text.endswith("s")
            and doc[end + 1].text.endswith("s")):
        end += 2
    return start, end, label


def _person_after_title(doc: Doc, bounds: _Bounds) -> _Bounds:
    """'Councillor Rhodri Evans' is a person after a title, not an organisation: drop the title, relabel PERSON."""
    start, end, label = bounds
    if label not in {"PERSON", "ORG", "GPE"}:
        return bounds
    title_end = start
    while title_end < end - 1 and doc[title_end].lemma_.lower() in PERSON_NOUNS | {"county", "deputy"}:
        title_end += 1
    if title_end > start and doc[title_end - 1].lemma_.lower() in PERSON_NOUNS and all(
            _is_name_word(t) for t in doc[title_end:end]) and not _role_is_first_name(doc[start:end], title_end, label):
        return title_end, end, "PERSON"
    return bounds


def _keep_peerage_title(doc: Doc, bounds: _Bounds) -> _Bounds:
    """'Lord Greaves', 'Lord Currie': the title is how the article names them, so it joins a one-word person."""
    start, end, label = bounds
    if (label == "PERSON" and end - start == 1 and start > 0
            and doc[start - 1].text in {"Lord", "Lady", "Sir", "Dame", "Baroness", "Baron"}):
        return start - 1, end, label
    return bounds


# Applied in this order to every spaCy entity: the title rule must see the name the joins made.
_ENTITY_REPAIRS = (_join_name_particles, _join_paired_plurals, _person_after_title, _keep_peerage_title)


def _repaired_ents(doc: Doc) -> list[Span]:
    """spaCy's entities after the repairs in `_ENTITY_REPAIRS`, plus the untagged speakers `_untagged_speakers` finds
    ('County Librarian Gwen Pryce said'), sorted by start."""
    repaired: list[Span] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue  # swallowed by the name before it
        bounds: _Bounds = (ent.start, ent.end, ent.label_)
        for repair in _ENTITY_REPAIRS:
            bounds = repair(doc, bounds)
        start, end, label = bounds
        repaired.append(Span(doc, start, end, label=label))
        taken.update(range(min(start, ent.start), end))
    repaired.extend(_untagged_speakers(doc, taken))
    repaired.sort(key=lambda s: s.start)
    return repaired


def _untagged_speakers(doc: Doc, taken: set[int]) -> list[Span]:
    """An untagged run of two or more capitalised names that is the subject of a speech verb names a person.

    Adds the tokens of each person found to `taken`.
    """
    speakers: list[Span] = []
    for token in doc:
        if token.i in taken or token.dep_ != "nsubj" or token.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        names = [t for t in token.subtree
                 if t.i <= token.i and _is_name_word(t) and t.lemma_.lower() not in PERSON_NOUNS | {"county"}]
        if _is_name_run(names, token) and not any(t.i in taken for t in names):
            speakers.append(Span(doc, names[0].i, token.i + 1, label="PERSON"))
            taken.update(t.i for t in names)
    return speakers


def _is_name_run(names: list[Token], last: Token) -> bool:
    """Two or more consecutive tokens ending at `last`."""
    return len(names) >= 2 and names[-1].i == last.i and all(t.i == names[0].i + k for k, t in enumerate(names))


def _with_weekday_surname(ent: Span, ents: list[Span], e_index: int) -> Span:
    """'Chris Monday': a lone first name followed straight away by a capitalised weekday tagged DATE."""
    if ent.label_ == "PERSON" and len(ent) == 1 and e_index + 1 < len(ents):
        nxt = ents[e_index + 1]
        if (nxt.start == ent.end and nxt.label_ == "DATE" and len(nxt) == 1
                and nxt.text.lower() in _WEEKDAYS_MONTHS and nxt.text[0].isupper()):
            return ent.doc[ent.start:nxt.end]
    return ent


def _is_merged_weekday(ent: Span, ents: list[Span], e_index: int) -> bool:
    """The "Monday" of "Chris Monday", which `_with_weekday_surname` has joined to the person before it."""
    previous = ents[e_index - 1] if e_index > 0 else None
    return (ent.label_ == "DATE" and previous is not None and previous.end == ent.start
            and previous.label_ == "PERSON" and len(previous) == 1 and ent.text.lower() in _WEEKDAYS_MONTHS)


def _named_day(ent: Span) -> tuple[Span, str] | None:
    """A named day inside a date: "Friday’s Victory Day" holds the event "Victory Day"."""
    m = re.search(r"((?:[A-Z][a-z]+ )+Day)\b", ent.text)
    if not m:
        return None
    start = ent.start_char + m.start(1)
    sub = ent.doc.char_span(start, start + len(m.group(1)), alignment_mode="expand")
    return (sub, m.group(1)) if sub is not None else None


def _candidate_span(ent: Span, ents: list[Span], e_index: int) -> tuple[Span, str, str] | None:
    """The span, text and label a spaCy entity stands for, or None when it names nothing quizgen keeps."""
    if _is_merged_weekday(ent, ents, e_index):
        return None  # merged into the person before it
    span, label = _with_weekday_surname(ent, ents, e_index), ent.label_
    text = span.text
    if label == "DATE":
        named = _named_day(ent)
        if named is None:
            return None
        (span, text), label = named, "EVENT"
    if label not in KEPT_TYPES and label != "NORP":
        return None
    if label == "PERSON" and (demonym := _DEMONYM_PREFIX.match(text)) and len(span) >= 3:
        span = span.doc.char_span(span.start_char + demonym.end(), span.end_char, alignment_mode="expand") or span
        text = span.text
    return span, text, label


def _mention_name(text: str) -> str | None:
    """The cleaned name a mention is known by, or None when the text is no name."""
    name = clean_name(text)
    if len(name.split()) >= 3 and strip_honorific(name) != name:
        name = strip_honorific(name)  # "Mrs Delyth Rowe" is Delyth Rowe; "Lord Greaves" keeps his title
    if re.fullmatch(r"[A-Z]{2,}s", name):
        return None  # "MPs", "MEPs": a plural of people, not a name
    if not name or not name[0].isupper() or len(name) < 2:
        return None  # "pro-Kremlin" tagged PERSON, stray lower-case fragments
    return name


def _vote_by_context(mention: Mention, span: Span, ents: list[Span]) -> None:
    """Add the vote of the strongest clue around the name: a kind noun or quotation (3), a role in context (2), or
    a differently labelled name it is listed with (1)."""
    if context := (_in_quotes_named(span) or _head_noun_type(span) or _listed_work(span)):
        mention.votes[context] += 3
    elif role_context := _role_context_type(span):
        mention.votes[role_context] += 2
    elif partner := _coordinated_label(span, ents):
        mention.votes[partner] += 1  # "races in Erfurt and Stuttgart": listed together, the same kind


@functools.lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Common first names (lang/en/data/gender.yaml)."""
    data = lang_en.table("gender")
    return frozenset(data["male_names"]) | frozenset(data["female_names"])


def _opens_with_first_name(span: Span) -> bool:
    """'Carly Fiorina': two or three name words, the first a common first name and the last no word that ends an
    organisation's name ('Jackson Five' no, 'Paul Hastings Group' no)."""
    return (2 <= len(span) <= 3 and span[0].text in _first_names() and all(_is_name_word(t) for t in span)
            and not _ends_like_an_organisation(span) and span[-1].lower_ not in _EVENT_SUFFIXES)


def _vote_by_form(mention: Mention, span: Span, label: str) -> None:
    """Add the votes the name's own words give: its last word, an honorific, a nationality form."""
    # A name's last word ("… University") outvotes a label that cannot be right for it.
    if (suffix := _suffix_type(mention.text)) and (label not in {"GPE", "LOC", "ORG"} or (
            suffix == "EVENT" and label == "ORG")):
        mention.votes[suffix] += 2
    if span[0].text.rstrip(".") in HONORIFICS and len(span) >= 2:
        mention.votes["PERSON"] += 3  # "Mrs Delyth Rowe": an honorific names a person
    elif _opens_with_first_name(span):
        mention.votes["PERSON"] += 2  # "Bradley Cooper", "Carly Fiorina" tagged as organisations
    if len(span) == 1 and _DEMONYM_PREFIX.match(span.text + " X"):
        mention.votes["NORP"] += 5  # "“Read” in Welsh" names a language; "the Welsh parliament"
    elif _is_demonym(span):
        mention.votes["NORP"] += 2  # "Ukrainian forces"
    # "the Orkney island of Westray": a lone name modifying a common noun is not a person.
    if label == "PERSON" and len(span) == 1 and span.root.dep_ == "compound" and (
            span.root.head.pos_ == "NOUN" and span.root.head.is_lower
            and span.root.head.lemma_.lower() not in _PERSON_FOLLOWINGS):
        mention.votes["GPE" if span.root.head.lemma_ in _PLACE_NOUNS else "ORG"] += 2


def _mentions(parsed: ParsedArticle) -> list[Mention]:
    """Every name spaCy (repaired) tags, cleaned, with its votes on what kind of thing it is."""
    found: list[Mention] = []
    for p_index, doc in enumerate(parsed.docs):
        ents = list(doc.ents)
        for e_index, ent in enumerate(ents):
            candidate = _candidate_span(ent, ents, e_index)
            name = _mention_name(candidate[1]) if candidate else None
            if candidate is None or name is None:
                continue
            span, _, label = candidate
            mention = Mention(name, label, p_index, span.start_char, span.end_char,
                              parsed.sentence_of(p_index, span.start_char), span)
            mention.votes[label] += 1
            _vote_by_context(mention, span, ents)
            _vote_by_form(mention, span, label)
            found.append(mention)
    return found


def _settle_type(votes: Counter[str]) -> str:
    """The label with the most votes; a tie goes to the alphabetically first label, so the result never depends on
    the order the mentions were seen. (A NORP winner is dropped by the caller: a nationality is not a name.)"""
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0]


def _appositive(span: Span) -> tuple[str, int] | None:
    """", an associate professor at South Korea’s Dongseo University," → that description."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and child.pos_ in {"NOUN", "PROPN"}:
            # Keep the contiguous run from the appositive's start; stop before a relative clause.
            relcl = [t for t in child.subtree if t.dep_ == "relcl"]
            stop = min((t.left_edge.i for t in relcl), default=child.right_edge.i + 1)
            tokens = [t for t in child.subtree if t.i < stop]
            text = span.doc[tokens[0].i:tokens[-1].i + 1].text.strip(" ,;—–-") if tokens else ""
            if child.pos_ == "PROPN" and not any(t.pos_ == "NOUN" for t in tokens):
                continue  # "Moscow, Russia" is not a description
            if 1 <= len(text.split()) <= 20:
                return text, span.start_char
    return None


def _role_of_appositive(span: Span) -> tuple[str, int] | None:
    """'The boat’s captain, Joaquim Batista, …' → 'the boat’s captain': the name is the role's appositive."""
    root = span.root
    head = root.head
    if root.dep_ != "appos" or head.pos_ != "NOUN" or head.lemma_.lower() not in PERSON_NOUNS or head.i > span.start:
        return None
    tokens = [t for t in head.subtree if t.i <= head.i]
    text = span.doc[tokens[0].i:head.i + 1].text.strip(" ,")
    if not 1 <= len(text.split()) <= 10:
        return None
    return (text[0].lower() + text[1:] if text.split()[0] in {"The", "A", "An"} else text), span.start_char


def _role_word(token: Token) -> bool:
    """A word that can be part of a role before a name: an adjective or noun that is not itself a name or date."""
    return token.pos_ in {"ADJ", "NOUN", "PROPN"} and token.ent_type_ not in {"PERSON", "DATE", "CARDINAL"}


def _role_year(token: Token, words: list[Token]) -> bool:
    """'the 2004 Democratic nominee': a year before a role qualifies it and stays with it."""
    return bool(words) and re.fullmatch(r"(?:19|20)\d\d", token.text) is not None


def _title_before(span: Span) -> str | None:
    """'Russian President Vladimir Putin' → 'Russian President'; 'The Russian news agency TASS' → 'Russian news agency'.

    Read from the surface, not the parse: the small model often attaches these words wrongly.
    """
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text.rstrip(".") in HONORIFICS:
        i -= 1  # "Liberal Democrat peer Lord Greaves": the honorific belongs to the name
    if i < 0 or doc[i].lemma_.lower() not in _TITLE_NOUNS | {"peer"}:
        return None
    words = _role_words_ending_at(doc, i)
    if words and words[-1].tag_ in {"NNS", "NNPS"}:
        return None  # "artists Mase and the Madd Rapper": a plural noun introduces a list, not one role
    text = doc[words[0].i:words[-1].i + 1].text if words else ""
    return text if 1 <= len(text.split()) <= 6 else None


def _role_words_ending_at(doc: Doc, last: int) -> list[Token]:
    """The run of role words that ends at token `last`, read leftwards up to a possessive or a non-role word."""
    words: list[Token] = []
    i = last
    while i >= 0 and _continues_role(doc, i, words):
        if doc[i].tag_ == "POS" or doc[i].text in {"’s", "'s"}:
            break  # "the agency's chief executive": the role starts after the owner
        words.insert(0, doc[i])
        i -= 1
    return words


def _continues_role(doc: Doc, i: int, words: list[Token]) -> bool:
    """Whether token i belongs to the role whose words (already read, to its right) are `words`."""
    token = doc[i]
    hyphen_join = token.text == "-" and not token.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    joined_to_hyphen = bool(words) and words[0].text == "-" and not token.whitespace_
    return _role_word(token) or hyphen_join or _role_year(token, words) or joined_to_hyphen


def _tidy_description(description: str | None, kind: str) -> str | None:
    """'Former welfare minister' → 'former welfare minister'; a person's role is never an organisation's."""
    if not description:
        return None
    words = description.split()
    if len(words) == 1 and words[0].isupper():
        return None  # "(EMEC)": an acronym, not a description
    last = words[-1].lower().strip(",.")
    if kind != "PERSON" and last in PERSON_NOUNS:
        return None
    if words[0].lower() in {"its", "his", "her", "their", "our", "my", "your", "whose"}:
        return None  # "its former chief executive": whose? The description needs the sentence before it.
    if last.endswith("s") and last[:-1] in PERSON_NOUNS:
        return None  # "artists": a plural introduces a list of people, not one person's role
    if len(words) == 1 and last in PERSON_NOUNS:
        return description.lower()  # "Judge Letitia Clark" → "judge"
    if words[0][:1].isupper() and words[0].lower() in {"former", "the", "a", "an", "new", "deputy", "acting", "chief",
                                                       "senior", "veteran", "opposition", "junior", "local"}:
        description = description[0].lower() + description[1:]
    return description


@functools.lru_cache(maxsize=1)
def _gender_words() -> tuple[dict[str, str], dict[str, str]]:
    """(honorific → gender, pronoun → gender) from the language data."""
    data = lang_en.table("gender")
    honorifics = {w: g for g, words in data["honorifics"].items() for w in words}
    pronouns = {w: g for g, words in data["pronouns"].items() for w in words}
    return honorifics, pronouns


def _gender_votes(mention: Mention) -> Counter[str]:
    """An honorific before the name (strong), and, when the name is its sentence's subject, the first he/she pronoun
    after it before any other person is named."""
    honorifics, pronouns = _gender_words()
    votes: Counter[str] = Counter()
    span = mention.span
    first = span[0].text.rstrip(".").lower()
    before = span.doc[span.start - 1].text.rstrip(".").lower() if span.start > 0 else ""
    for word in (first, before):
        if word in honorifics:
            votes[honorifics[word]] += 3
    if span.root.dep_ not in {"nsubj", "nsubjpass"}:
        return votes  # "sampled Chaka Khan's hit … his album": a pronoun after a name that is not the subject
    for token in span.doc[span.end:span.sent.end]:
        if token.ent_type_ == "PERSON":
            break
        if token.lower_ in pronouns:
            votes[pronouns[token.lower_]] += 1
            break
    return votes


def _gender(mentions: list[Mention]) -> str | None:
    """The gender the article shows for a person, or None when it shows none or contradicts itself."""
    votes: Counter[str] = Counter()
    for mention in mentions:
        votes.update(_gender_votes(mention))
    if not votes:
        return None
    (best, top), *rest = votes.most_common()
    return best if not rest or top >= 2 * rest[0][1] else None


@dataclass
class _Group:
    name: str
    type: str
    mentions: list[Mention]
    aliases: set[str] = field(default_factory=set)


def extract_entities(parsed: ParsedArticle, exclude: set[str] | None = None) -> tuple[list[Entity], dict[str, str]]:
    """The article's entities, in order of first mention, and a map from every surface name (lower-case, with and
    without honorific) to the entity id. Names in `exclude` (any case) are left out."""
    exclude = {e.lower() for e in (exclude or set())}
    mentions = [m for m in _mentions(parsed) if m.text.lower() not in exclude]
    _trim_glued_words(mentions, parsed)
    groups = _groups_by_form(mentions)
    _retype_by_surname(groups)
    _merge_short_names(groups)
    _add_untagged_surnames(groups, parsed)
    entities = [_entity(group) for group in groups.values()]
    lookup: dict[str, str] = {}
    for entity in entities:
        for name in entity.names:
            lookup[name.lower()] = entity.id
            lookup[_bare(name).lower()] = entity.id
    entities.sort(key=lambda e: (e.sentence, e.name))
    return entities, lookup


def _in_title_case(span: Span) -> bool:
    """Whether the span's sentence is written in title case ('Bleak Outlook Without Bloomberg'), where the tagger
    glues capitalised common words to names."""
    words = [t for t in span.sent if t.is_alpha]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.75 * len(words)


def _glued_core(mention: Mention, known: set[str], named: set[str], common: set[str]) -> str | None:
    """The name inside a mention that carries words too many, when the article names it without them elsewhere:
    'Cruz Wednesday' (a day after it), 'BuzzFeed’s Smith' (its owner before it), 'Telling Jeb Bush', 'Ted Cruz
    Apologizes' (a title-case line's words), 'Without Bloomberg in the mix, …' (a common word opening the
    sentence). Never a first name. `known`: people's names; `named`: full names and their surnames only."""
    words = mention.text.split()
    if len(words) < 2:
        return None
    if (words[-1].lower() in _WEEKDAYS_MONTHS and " ".join(words[:-1]) in known
            and " ".join(words[:-1]) not in _first_names()):
        return " ".join(words[:-1])  # not "Chris Monday", a first name with its surname
    owned = _OWNER_BEFORE.split(mention.text, maxsplit=1)
    if len(owned) == 2 and owned[1] in named:
        return owned[1]  # "Media Research Center’s Bozell" after "Brent Bozell": the owner is not the name
    if mention.label != "PERSON":
        return None
    title_case = _in_title_case(mention.span) and mention.text not in known
    opens_sentence = mention.span.start == mention.span.sent.start and words[0].lower() in common
    cores = [" ".join(words[1:])] if (title_case or opens_sentence) and words[0] not in _first_names() else []
    if title_case:
        cores.append(" ".join(words[:-1]))
    return next((core for core in cores if core in known), None)


def _trim_glued_words(mentions: list[Mention], parsed: ParsedArticle) -> None:
    """Give each mention with a glued word (see `_glued_core`) the name it has elsewhere, in place: 'known' names
    are those of people tagged outside title-case lines ('Beyond Washington' stays whole: Washington is a place),
    'common' words those the article also writes in lower case or that are stop words."""
    common = {t.text for doc in parsed.docs for t in doc if t.is_lower} | STOP_WORDS
    plain = [m for m in mentions if not _in_title_case(m.span) and m.label == "PERSON"]
    # Full names, and a person's surname once the full name is known ("Stated Stone:" after "Roger Stone"): a plain
    # name of two or more words opening with no common word ('People’s Party' tagged a person is none).
    full = [m.text for m in plain if len(m.text.split()) >= 2 and _PLAIN_NAME.fullmatch(m.text)
            and m.text.split()[0].lower() not in common]
    named = set(full) | {text.split()[-1] for text in full}
    known = named | {m.text for m in plain}
    for mention in mentions:
        if core := _glued_core(mention, known, named, common):
            mention.text = core


def _groups_by_form(mentions: list[Mention]) -> dict[str, _Group]:
    """One group per surface form, typed by the votes of all its mentions; nationalities (NORP) are dropped."""
    by_text: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        by_text[m.text].update(m.votes)
    groups: dict[str, _Group] = {}
    for text, votes in by_text.items():
        kind = _settle_type(votes)
        if kind != "NORP":
            groups[text] = _Group(text, kind, [m for m in mentions if m.text == text])
    return groups


def _retype_by_surname(groups: dict[str, _Group]) -> None:
    """'Gene Sperling' typed an organisation, then 'Sperling said' typed a person at least as often: the full name is
    that person's, so the surname can merge into it. Only a name of two or three capitalised words whose last word
    ends no organisation's name or team's ('Harbour Council', 'Leeds United' stay)."""
    for name, group in groups.items():
        words = name.split()
        short = groups.get(words[-1]) if 2 <= len(words) <= 3 else None
        if (short is not None and group.type != "PERSON" and short.type == "PERSON"
                and len(short.mentions) >= len(group.mentions) and _PLAIN_NAME.fullmatch(name)
                and words[-1].lower() not in _ORG_SUFFIXES | _TEAM_WORDS):
            group.type = "PERSON"


def _merge_short_names(groups: dict[str, _Group]) -> None:
    """Merge short names into the full name they are part of, in place: "Putin" → "Vladimir Putin",
    "Mr Blair" → "Tony Blair". Shortest names go first; each merges into the first full name that takes it, by most
    words, then by most mentions ("Clinton" in an article about Hillary Clinton that names Bill Clinton once is
    hers), then alphabetically."""
    names = sorted(groups, key=lambda n: (-len(n.split()), -len(groups[n].mentions), n))
    for short in sorted(groups, key=lambda n: len(n.split())):
        if short not in groups:
            continue
        bare = _bare(short)
        for full in names:
            if full == short or full not in groups or len(full.split()) <= len(bare.split()):
                continue
            g_short, g_full = groups[short], groups[full]
            if not _is_short_form(g_short, g_full, bare):
                continue
            g_full.mentions.extend(g_short.mentions)
            g_full.aliases.add(short)
            if not full.startswith(bare) and bare != short:
                g_full.aliases.add(bare)
            del groups[short]
            break


def _surname(name: str) -> str | None:
    """'Josh Earnest' → 'Earnest', 'Brent Bozell III' → 'Bozell': the last word of a person's name of two or more
    words, before any generational suffix; None for a one-word name or a last word that is no capitalised word."""
    suffixes = {s.lower() for s in lang_en.table("titles")["suffixes"]}
    words = [w for w in _bare(name).replace(",", " ").split() if w.rstrip(".").lower() not in suffixes]
    if len(words) < 2 or not re.fullmatch(_NAME_WORD, words[-1]):
        return None
    return words[-1]


def _lone_surname_tokens(doc: Doc, surname: str, full_words: set[str]) -> list[Token]:
    """The tokens of one paragraph that name a person by surname alone although the tagger left them out or read
    them as a nationality ('“…,” Earnest said.', 'Cuban said'): a proper noun spelt as the surname, not inside a
    name spaCy tagged otherwise, not right after another word of the person's full name."""
    found: list[Token] = []
    for token in doc:
        if token.text != surname or token.pos_ != "PROPN":
            continue
        if token.ent_type_ and not (token.ent_type_ == "NORP" and token.dep_ in {"nsubj", "nsubjpass", "poss"}):
            continue  # a tagged name holds it ("Clinton Foundation"); a nationality only as a subject or owner
        if token.i > 0 and doc[token.i - 1].text in full_words:
            continue  # "Josh Earnest" itself, tagged or not
        found.append(token)
    return found


def _add_untagged_surnames(groups: dict[str, _Group], parsed: ParsedArticle) -> None:
    """'Josh Earnest …' then '“…,” Earnest said.' with 'Earnest' untagged: the surname becomes the person's alias and
    each such word one of their mentions, so items on those sentences find their answer in them. Only for a surname
    no other name of the article holds (two Okafors, or an 'Okafor Trust', keep every lone 'Okafor' unattributed),
    and for a name whose first word is a first name or no common word ('Young Latinos' tagged a person is none;
    'Mark Cuban' is one)."""
    words_of = {name: set(_bare(name).split()) for name in groups}
    common = {t.text for doc in parsed.docs for t in doc if t.is_lower} | STOP_WORDS
    for name, group in groups.items():
        surname = _surname(name) if group.type == "PERSON" else None
        first = _bare(name).split()[0]
        if surname is None or (first.lower() in common and first not in _first_names()) or any(
                surname in words for other, words in words_of.items() if other != name):
            continue
        for p_index, doc in enumerate(parsed.docs):
            for token in _lone_surname_tokens(doc, surname, words_of[name] - {surname}):
                span = doc[token.i:token.i + 1]
                group.mentions.append(Mention(surname, "PERSON", p_index, span.start_char, span.end_char,
                                              parsed.sentence_of(p_index, span.start_char), span))
                group.aliases.add(surname)


def _is_short_form(short: _Group, full: _Group, bare: str) -> bool:
    """Whether `short` (whose name without honorific is `bare`) names the same thing as the longer `full`:
    a person by any one word of their name ("Blair"), anything else by the words its full name ends with
    ("Commission" of "European Commission") when both have the same type."""
    if full.type == "PERSON":
        return len(bare.split()) == 1 and bare in full.name.split()  # a person absorbs a short name of any type
    return full.name.endswith(" " + bare) and short.type == full.type


def _description(group: _Group) -> tuple[str | None, int | None]:
    """The first appositive or role clause of any mention ('Gwen Pryce, the county librarian,'), else the first
    title before a mention ('county librarian Gwen Pryce'); with the sentence it was found in."""
    description: str | None = None
    description_sentence: int | None = None
    for m in group.mentions:
        found = _appositive(m.span) or _role_of_appositive(m.span)
        if found:
            return _tidy_description(found[0], group.type), m.sentence
        title = _title_before(m.span)
        if title and description is None:
            description, description_sentence = title, m.sentence
    return _tidy_description(description, group.type), description_sentence


def _entity(group: _Group) -> Entity:
    """The entity a group stands for. It keeps the type its full name settled on; merged short names only add
    mentions and aliases."""
    group.mentions.sort(key=lambda m: (m.sentence, m.start_char))
    description, description_sentence = _description(group)
    return Entity(
        id=f"e-{stable_id(group.type, group.name, length=8)}",
        name=group.name,
        type=group.type,
        sentence=group.mentions[0].sentence,
        aliases=tuple(sorted(group.aliases)),
        description=description,
        description_sentence=description_sentence,
        mentions=len(group.mentions),
        gender=_gender(group.mentions) if group.type == "PERSON" else None,
    )

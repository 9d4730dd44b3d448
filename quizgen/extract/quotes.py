"""Quotes: direct speech and quoted fragments of reported speech, each with its speaker and cue verb.

Each quotation found by `quote_spans` (and each transcript turn, `WALLACE: …`) goes through a table of small named
rules (`_RULES`), in order; the first that names a speaker wins. A quotation no rule attributes is dropped: a wrong
speaker teaches a falsehood, a missing quote only costs an item.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quizgen.extract.entities import PERSON_NOUNS, clean_name
from quizgen.extract.parsed import SPEECH_VERBS, ParsedArticle, doc_text, quote_spans
from quizgen.lang.en import table
from quizgen.model import Entity, Gloss, Quote
from quizgen.textutil import normalize, stable_id, strip_honorific, word_count

_WORDS = table("quotation_words")
_NAMING_WORDS = frozenset(_WORDS["naming"])
_SMALL_WORDS = frozenset(_WORDS["small_words"])
_BACK_REFERENCE = frozenset(_WORDS["back_reference"])
# Nouns that can head a speaker's description: people (English data, with entities' person nouns), and the
# bodies and documents news English lets speak ("the statement said").
HUMAN_NOUNS = PERSON_NOUNS | frozenset(table("speaker_nouns")["people"])
_SOURCE_NOUNS = frozenset(table("speaker_nouns")["sources"])
_MUTE_NOUNS = frozenset(table("speaker_nouns")["mute"])
_MUTE_ENTITY_TYPES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC"}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_RELATIVES = {"who", "which", "that", "whom"}
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|my|me|we|our|us)\b")
_TITLE_WORDS = {w.lower() for w in (*table("titles")["honorifics"], *table("titles")["offices"])} | HUMAN_NOUNS
_GENDER = table("gender")
_GENDER_OF_FIRST_NAME = {**{n: "m" for n in _GENDER["male_names"]}, **{n: "f" for n in _GENDER["female_names"]}}
_MALE_NOUNS = frozenset(_GENDER["male_nouns"])
_FEMALE_NOUNS = frozenset(_GENDER["female_nouns"])
# How many sentences back a he/she may refer to a person whose gender is unknown.
_UNKNOWN_GENDER_REACH = 4
# Verbs that put a label on something, the label being the speaker's words ('admires him as a “strong leader”').
_CHARACTERISING = frozenset(table("reporting_verbs")["characterising"])
# Verbs that give something a name ('what he called “…”', 'dubbed it “…”'): a label right under one is its
# subject's words even under a reporting verb further up.
_NAMING_VERBS = frozenset(table("reporting_verbs")["naming"])
# Nouns for what someone said: 'his claim that people would “learn nothing”' is his.
_SPEECH_NOUNS = frozenset(table("reporting_verbs")["speech_nouns"])
# Who can speak: people and organisations ("the Pentagon said"); a place, a work or a date cannot.
_SPEAKER_TYPES = {"PERSON", "ORG", "NORP"}
# A dateline opens a news paragraph: "WASHINGTON (AP) —", "NEW YORK --". Its words are never a speaker.
_DATELINE = re.compile(r"^[A-Z][A-Z.,' ]+(?:\s*\([A-Za-z. ]+\))?\s*(?:—|–|--|-)\s*")
# A transcript turn: "WALLACE: …", "SEN. KAINE: …".
_TURN = re.compile(r"^[“\"']*((?:[A-Z][A-Z.'’-]+ ){0,2}[A-Z][A-Z'’-]{2,}):\s+(?=\S)")
# Page furniture that can end up inside a quotation left open: "Follow Pam Key on Twitter @pamkey".
_FURNITURE = re.compile(r"^Follow\b.{0,40}\bon (?:Twitter|Facebook|Instagram)|(?:^|\s)@\w{3,}\.?$")
# A sentence opening with its reporting verb before the quotation: "Said Ellis: “…”" (the few past forms news
# English inverts this way).
_INVERTED_CUE = re.compile(r"(?:^|[.!?”\"]\s+)(Said|Added|Asked|Wrote|Explained|Noted|Continued)\s+"
                           r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w'’-]+)\s*[:,]\s*$")
# A panel's answer: "Maria Lopez, The Valley Herald: I think …".
_PANEL = re.compile(r"^((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+), [^:“\"]{2,60}:\s+(?=\S)")
# A credit after a quotation, closing the paragraph or followed by the next quotation: “…” ― Carla Sanchez.
_CREDIT = re.compile(r"^[\s”\"']*[―—–]\s*((?:[A-Z][\w.'’-]*\s?){1,4}?)\.?\s*(?:$|(?=[“\"]))")


@dataclass
class _Raw:
    paragraph: int
    start: int
    end: int
    text: str
    closed: bool
    first: _Raw | None = None  # a quote continued over paragraphs: its opening part, where the cue often is
    turn: str | None = None  # a transcript turn's speaker as written ("WALLACE"), or a panel member's name
    panel: bool = False  # 'Name, Outlet: …' rather than 'NAME: …'


@dataclass(frozen=True)
class _Said:
    """Who said a quotation, with the cue that says so and the part of the text the sentence is taken from."""

    speaker: tuple[str, str | None] | None  # (name or description, entity id); None: a speaker no one can name
    cue: str | None
    at: _Raw
    partial: bool = False
    goes_on: bool = False  # no cue of its own: the reported speech just before goes on


def _is_title_case(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and len(words) <= 8


def _clean_quote(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(",;:").rstrip() if not text.endswith("...") else text


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _inside_any(token: Token, spans: Sequence[tuple[int, int, bool]]) -> bool:
    return any(s - 1 <= token.idx < e + 1 for s, e, _ in spans)


def _text_before(doc: Doc, raw: _Raw) -> str:
    """The paragraph before the quotation's opening mark (one character, or two apostrophes)."""
    return re.sub(r"(?:[“\"]|'')$", "", doc_text(doc)[:raw.start])


def _is_cue(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_VERBS


def _according_to(token: Token) -> Token | None:
    """'… according to X': the cue is the phrase and the speaker its object."""
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return next((c for c in token.nbor().children if c.dep_ == "pobj"), None)
    return None


# A cue: the cue token and, when it is not the verb's subject, the speaker token ("according to X").
_Cue = tuple[Token, Token | None]


def _cue_after(doc: Doc, raw: _Raw, spans: Sequence[tuple[int, int, bool]]) -> _Cue | None:
    """', said X' / ' X said' / '! a commander shouts' / ', according to X' — a few words on, same sentence. A
    quotation that ends with a full stop ended its sentence: a cue after it belongs to the next one."""
    after = doc_text(doc)[raw.end + 1:] if raw.closed else ""
    if not raw.closed or raw.text.rstrip().endswith(".") or not re.match(
            r"^[\s”\"']*(?:[a-z]|(?:[A-Z][\w.’'-]*\s){1,4}(?:[a-z]))", after):
        return None
    window = [t for t in doc if raw.end < t.idx <= raw.end + 60 and not _inside_any(t, spans)]
    for token in window[:9]:
        if token.text in {".", "?", "!"}:
            break
        if _is_cue(token):
            return token, None
        source = _according_to(token)
        if source is not None:
            return token, source
    return None


def _cue_before(doc: Doc, raw: _Raw, spans: Sequence[tuple[int, int, bool]]) -> _Cue | None:
    """'X said: “' / 'X said, “' / 'X told reporters “' — the last few words before the opening mark."""
    tail = _text_before(doc, raw)[-80:]
    preceding = tail.split()[-1].lower().strip(",:'") if tail.split() else ""
    if not re.search(r"[\w)]\s*[:,]?\s*'?$", tail) or preceding in _NAMING_WORDS:
        return None
    window = [t for t in doc if raw.start - 80 <= t.idx < raw.start - 1 and not _inside_any(t, spans)]
    for token in reversed(window[-4:]):
        if token.text in {".", "?", "!"}:
            break
        if _is_cue(token):
            return token, None
    return None


def _cue_before_colon(doc: Doc, raw: _Raw, spans: Sequence[tuple[int, int, bool]]) -> _Cue | None:
    """'Mr. Mahaney, an analyst at a bank who follows the company, agreed: “…' — a colon hands the quotation to the
    cue verb of its sentence, however far before."""
    before = _text_before(doc, raw).rstrip()
    if not before.endswith(":"):
        return None
    colon = next((t for t in doc if t.idx == len(before) - 1), None)
    if colon is None:
        return None
    cues = [t for t in colon.sent if t.i < colon.i and _is_cue(t) and not _inside_any(t, spans)]
    return (cues[-1], None) if cues else None


def _cue_near(doc: Doc, raw: _Raw, spans: Sequence[tuple[int, int, bool]]) -> _Cue | None:
    return _cue_after(doc, raw, spans) or _cue_before(doc, raw, spans) or _cue_before_colon(doc, raw, spans)


def _may_be_subject(token: Token, spans: Sequence[tuple[int, int, bool]]) -> bool:
    """A subject outside the quotations that is a word: the parser may take a dash written as a horizontal bar
    ('… made public ― Trump boasted') for a noun and make it the verb's subject."""
    return (token.dep_ in {"nsubj", "nsubjpass"} and not _inside_any(token, spans)
            and any(ch.isalnum() for ch in token.text))


def _subject(verb: Token, spans: Sequence[tuple[int, int, bool]] = (), cue: bool = False) -> Token | None:
    """The verb's subject, outside the quotations `spans` ('“…, nothing you can do,” Trump said': the parser may
    make a word of the quotation a second subject), climbing from a verb with none to the verb it hangs on; from a
    quotation's own cue also through a preposition ('Ruiz said before adding: “…”', 'she went on by saying')."""
    seen = 0
    while verb is not None and seen < 6:
        subj = next((c for c in verb.children if _may_be_subject(c, spans)), None)
        if subj is not None:
            return subj
        if cue and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
            verb = verb.head.head  # 'before adding', 'by saying': the verb the preposition belongs to
        elif verb.dep_ in {"conj", "xcomp", "advcl", "ccomp"} and verb.head != verb:
            verb = verb.head
        else:
            return None
        seen += 1
    return None


def _governing_verbs(root: Token) -> list[Token]:
    """Verbs above a quoted fragment, nearest first, that have a subject other than a relative pronoun."""
    verbs: list[Token] = []
    token = root
    for _ in range(10):
        subj = _subject(token) if token.pos_ in {"VERB", "AUX"} else None
        if subj is not None and subj.lower_ not in _RELATIVES:
            verbs.append(token)
        if token.head == token:
            break
        token = token.head
    return verbs


def _phrase_tokens(subj: Token, spans: Sequence[tuple[int, int, bool]]) -> list[Token]:
    """The subject's words without appositives, relative clauses or quoted material."""
    drop: set[int] = set()
    for child in subj.children:
        if child.dep_ in {"appos", "relcl", "acl", "punct"} and child.i > subj.i:
            drop.update(t.i for t in child.subtree)
    return [t for t in subj.subtree if t.i not in drop and not _inside_any(t, spans)]


def _phrase(subj: Token, spans: Sequence[tuple[int, int, bool]]) -> str:
    tokens = _phrase_tokens(subj, spans)
    if not tokens:
        return subj.text
    text = subj.doc[tokens[0].i:tokens[-1].i + 1].text
    # Stop at the first comma: "the Russian soldier, who …" → "the Russian soldier".
    text = text.split(",")[0].strip()
    if text[:1].isupper() and text.split()[0].lower() in {"the", "a", "an"}:
        text = text[0].lower() + text[1:]
    return text


def _noun_gender(lemma: str) -> str | None:
    return "m" if lemma in _MALE_NOUNS else "f" if lemma in _FEMALE_NOUNS else None


def _gender_before_name(entity: Entity, text: str) -> str | None:
    """The gender a noun right before the person's name gives, where the article writes one: '9/11 widow Terry
    Strada', 'congresswoman Ana Ruiz'. The article's own word outweighs a first name's usual gender."""
    for alias in sorted(entity.names, key=len, reverse=True):
        for match in re.finditer(rf"\b([A-Za-z]+)\s+{re.escape(alias)}\b", text):
            gender = _noun_gender(match.group(1).lower())
            if gender is not None:
                return gender
    return None


def _entity_gender(entity: Entity, text: str = "") -> str | None:
    """Known when the article says so ('Mr Evans', 'Mrs Rendall', 'widow Terry Strada', 'a spokeswoman') or the
    first name does."""
    said = _gender_before_name(entity, text) if text else None
    if said is not None:
        return said
    for alias in entity.names:
        first = alias.split()[0].rstrip(".").lower()
        if first in {"mr", "sir", "lord"}:
            return "m"
        if first in {"mrs", "ms", "miss", "dame", "lady"}:
            return "f"
    named = next((g for alias in entity.names if (g := _GENDER_OF_FIRST_NAME.get(alias.split()[0]))), None)
    if named is not None:
        return named
    words = set(re.findall(r"[a-z]+", (entity.description or "").lower()))
    return next((g for w in words if (g := _noun_gender(w))), None)


def _may_speak(subj: Token) -> bool:
    """Can a noun no list names as a speaker still say something ('wrote one commenter', 'the note says')? Not a
    time, place or amount, nor one of the nouns that never speak (English data)."""
    return subj.ent_type_ not in _MUTE_ENTITY_TYPES and subj.lemma_.lower() not in _MUTE_NOUNS


def _described_as_person(entity: Entity) -> bool:
    """Does the article describe this name as a person ('a professor of law at …', 'the party's chairwoman')? The
    head of the description: its last word before 'of', 'at', 'for', 'in' or a comma."""
    head = re.split(r"\s(?:of|at|for|in|from|with|who)\s|,", entity.description or "")[0].split()
    return entity.type in {"ORG", "NORP"} and bool(head) and head[-1].lower() in HUMAN_NOUNS


def _capitalised_word(token: Token) -> bool:
    """A capitalised word the tagger did not take for a name ('Swers' as a noun), nor a pronoun or title word."""
    return (token.text[:1].isupper() and token.text[1:].islower() and token.pos_ in {"NOUN", "ADJ", "ADV", "VERB"}
            and token.text.lower() not in _TITLE_WORDS)


def _is_title(entity: Entity) -> bool:
    """An 'entity' that is only a title ('Councillor'), which the tagger sometimes takes for a person."""
    return all(w.lower().rstrip(".") in _TITLE_WORDS for w in entity.name.split())


def _in_dateline(token: Token) -> bool:
    dateline = _DATELINE.match(doc_text(token.doc))
    return dateline is not None and token.idx < dateline.end()


def _about_the_same(subj: Token, wanted: str) -> bool:
    """Does the sentence go on about the same he/she? Its first subject is that pronoun, as the main clause's
    subject or opening the sentence ('He added …'); not in a clause before the main one ('While he spoke, Ham
    noted …' is about Ham)."""
    if subj.lower_ not in _PRONOUNS or _wanted_gender(subj.lower_) != wanted:
        return False
    return subj.head.dep_ == "ROOT" or subj.i == subj.sent.start


def _wanted_gender(pronoun: str) -> str:
    return "m" if pronoun in {"he", "him", "his"} else "f"


class _SpeakerResolver:
    def __init__(self, parsed: ParsedArticle, entities: list[Entity], lookup: dict[str, str]) -> None:
        self.parsed = parsed
        self.lookup = lookup
        self.by_id = {e.id: e for e in entities}
        # People: the PERSON entities, and those the tagger typed otherwise that the article describes as a person
        # ('Dana Ruiz, a professor of law at …' typed ORG).
        self.people = {e.id for e in entities if e.type == "PERSON" or _described_as_person(e)}
        self._text = "\n".join(parsed.article.paragraphs)
        self._genders: dict[str, str | None] = {}

    def gender(self, entity: Entity) -> str | None:
        if entity.id not in self._genders:
            self._genders[entity.id] = _entity_gender(entity, self._text)
        return self._genders[entity.id]

    def entity_in(self, doc: Doc, tokens: list[Token]) -> Entity | None:
        if not tokens:
            return None
        lo, hi = tokens[0].i, tokens[-1].i + 1
        candidates = [clean_name(doc[lo:hi].text)]
        for ent in doc.ents:
            if ent.start >= lo and ent.end <= hi:
                candidates.append(clean_name(ent.text))
                if ent.end < len(doc):  # "Chris" + "Monday" was merged in entities
                    candidates.append(clean_name(doc[ent.start:min(hi, ent.end + 1)].text))
        for name in sorted(candidates, key=len, reverse=True):
            entity_id = self.lookup.get(name.lower()) or self.lookup.get(strip_honorific(name).lower())
            if entity_id and self.by_id[entity_id].type in _SPEAKER_TYPES and not _is_title(self.by_id[entity_id]):
                return self.by_id[entity_id]
        return None

    def _named_head(self, subj: Token, spans: Sequence[tuple[int, int, bool]]) -> Entity | None:
        """The entity a proper-noun subject names, from the words that make its name (compounds and flat
        parts), not from its modifiers: in 'Clinton communication director Jennifer Palmieri' the speaker is
        Palmieri, not Clinton."""
        tokens = [t for t in _phrase_tokens(subj, spans) if t.pos_ == "PROPN" and t.i <= subj.i]
        name: list[Token] = []
        for token in reversed(tokens):  # the run of proper nouns ending at the head
            if name and token.i != name[0].i - 1:
                break
            name.insert(0, token)
        return self.entity_in(subj.doc, name) or self.by_surname(subj.text)

    def by_surname(self, word: str) -> Entity | None:
        """'Lopez said' when the tagger missed 'Lopez': the one person of the article with that surname; failing
        that, the one speaker of two or more words with that last word that the tagger typed otherwise ('Sean
        Hannity' as an organisation, then 'Hannity said')."""
        people = [self.by_id[i] for i in sorted(self.people) if self.by_id[i].name.split()[-1] == word]
        if people:
            return people[0] if len(people) == 1 else None
        others = [e for e in self.by_id.values() if e.type in _SPEAKER_TYPES and len(e.name.split()) >= 2
                  and e.name.split()[-1] == word and not _is_title(e)]
        return others[0] if len(others) == 1 else None

    def is_person(self, name: str) -> bool:
        entity = self.named(name)
        return entity is not None and entity.type == "PERSON"

    def named(self, name: str) -> Entity | None:
        entity_id = self.lookup.get(clean_name(name).lower()) or self.lookup.get(strip_honorific(name).lower())
        return self.by_id[entity_id] if entity_id and not _is_title(self.by_id[entity_id]) else None

    def named_in_paragraph_before(self, paragraph: int, char: int) -> tuple[str, str | None] | None:
        """The person named last in this paragraph before `char`: 'Mrs Rowe told the paper … "I had …"'."""
        doc = self.parsed.docs[paragraph]
        for ent in reversed([e for e in doc.ents if e.end_char <= char and e.root.dep_ in {"nsubj", "nsubjpass"}]):
            entity_id = self.lookup.get(clean_name(ent.text).lower())
            if entity_id in self.people:
                return self.by_id[entity_id].name, entity_id
        return None

    def _subjects_before(self, paragraph: int, char: int) -> Iterator[list[Token]]:
        """Each sentence's subjects outside quotations, sentence by sentence back from `char` (at most three
        paragraphs), in reading order: in news English the first subject outside quotations is the sentence's
        topic ('He added a note of caution, should Clinton attempt …' is about 'he', whatever the parse's root),
        and a name opening the sentence counts even when the parser missed it ('Scott bristles at …')."""
        for p_index in range(paragraph, max(-1, paragraph - 4), -1):
            doc = self.parsed.docs[p_index]
            spans = quote_spans(doc_text(doc))
            for sent in reversed(list(doc.sents)):
                if p_index == paragraph and sent.start_char >= char:
                    continue
                subjects = [t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and not _inside_any(t, spans)
                            and (p_index < paragraph or t.idx < char)]
                opening = sent[0]
                # Not a word of a subject's own phrase: 'Clinton communication director Jennifer Palmieri said'.
                if (opening.pos_ == "PROPN" and opening.dep_ == "compound" and not _inside_any(opening, spans)
                        and not any(a in subjects for a in opening.ancestors)):
                    subjects.insert(0, opening)
                yield subjects

    def antecedent(self, paragraph: int, char: int, pronoun: str) -> tuple[str, str | None] | None:
        """Who 'he' or 'she' is, by sentence roles rather than recency: the subject of the nearest sentence before
        (the previous speaker is the subject of its 'said') that is a person whose gender agrees. A sentence whose
        main subject is the same pronoun goes on about the same person: look further back. A name only mentioned
        (an object, a name inside a quotation) is taken only in the pronoun's own sentence, when no subject there
        agrees and its gender is known to agree ('Dunn described Ferris as a “spoiler” after she …')."""
        wanted = _wanted_gender(pronoun)
        reach = 0  # sentences about someone else: a run of sentences going on about the same "she" is one step
        for distance, subjects in enumerate(self._subjects_before(paragraph, char)):
            if subjects and _about_the_same(subjects[0], wanted):
                continue
            reach += 1
            if distance == 0 and subjects and all(self._person(s, {None, wanted}) is None for s in subjects):
                named = self._named_before(paragraph, char, wanted)
                if named is not None:
                    return named
            # A person of unknown gender is taken only from the nearest sentences; further back, only one whose
            # gender the article (or the first name) gives and agrees.
            genders = {None, wanted} if reach <= _UNKNOWN_GENDER_REACH else {wanted}
            for subj in subjects:
                if subj.lower_ in _RELATIVES and subj.head.dep_ == "relcl":
                    subj = subj.head.head  # '… included Margaret Rendall, 91, who has made …': the relative's noun
                if subj.pos_ == "PRON":
                    continue
                candidate = self._person(subj, genders)
                if candidate is not None:
                    return candidate
        return None

    def _named_before(self, paragraph: int, char: int, wanted: str) -> tuple[str, str | None] | None:
        """The nearest person named before `char` in its sentence, outside quotations, known to be of `wanted`
        gender."""
        doc = self.parsed.docs[paragraph]
        spans = quote_spans(doc_text(doc))
        sentence = next((s for s in doc.sents if s.start_char <= char < s.end_char), None)
        for ent in reversed([e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= char]):
            if sentence is None or ent.start < sentence.start or _inside_any(ent[0], spans):
                continue
            entity = self.entity_in(doc, list(ent))
            if entity is not None and entity.type == "PERSON" and self.gender(entity) == wanted:
                return entity.name, entity.id
        return None

    def _person(self, subj: Token, genders: set[str | None]) -> tuple[str, str | None] | None:
        spans = quote_spans(doc_text(subj.doc))
        entity = self._subject_entity(subj, spans)
        if entity is None and subj.dep_ == "compound":
            entity = self.named(subj.text)
        if entity is not None and entity.id in self.people:
            return (entity.name, entity.id) if self.gender(entity) in genders else None
        lemma = subj.lemma_.lower()
        # A described person ('the official') stands for he/she only when the noun is a person noun of the
        # entities stage or says the gender ('a spokeswoman'): the wider list of speaker nouns is too loose here.
        if (entity is None and subj.pos_ == "NOUN" and subj.tag_ == "NN" and _noun_gender(lemma) in genders
                and (lemma in PERSON_NOUNS or _noun_gender(lemma) is not None)):
            return _phrase(subj, spans), None
        return None

    def resolve(self, p_index: int, subj: Token, spans: Sequence[tuple[int, int, bool]],
                speaking: bool = False) -> tuple[str, str | None] | None:
        """Who `subj` is: a named entity, the person a he/she stands for, or a description ('the official').
        `speaking`: `subj` is the subject of a quotation's own cue, where any described source speaks."""
        if _in_dateline(subj):
            return self._past_dateline(subj)
        if _inside_any(subj, spans):
            return None  # a name inside the quotation is not who speaks
        if subj.lower_ in _PRONOUNS:
            return self.antecedent(p_index, subj.idx, subj.lower_)
        if subj.lower_ == "who" and subj.head.dep_ == "relcl" and subj.head.head != subj:
            return self.resolve(p_index, subj.head.head, spans)  # 'Stevie Wonder, who said …': the noun it follows
        if subj.pos_ == "PRON":
            return None  # "they", "it", "I": not resolved with confidence
        entity = self._subject_entity(subj, spans)
        if entity is not None:
            return entity.name, entity.id
        if speaking and subj.pos_ == "PROPN" and _may_speak(subj) and subj.lower_ not in _TITLE_WORDS:
            # '“…,” Bozell notes.' with no entity of that name (the tagger missed it): the name as written.
            return clean_name(_phrase(subj, spans)), None
        return self._description(p_index, subj, spans, speaking)

    def _past_dateline(self, subj: Token) -> tuple[str, str | None] | None:
        """'WASHINGTON -- President Obama, dedicating …, said': the parser may take the dateline's city for the
        subject; the speaker is the first person or organisation named after the dateline, in the subject."""
        dateline = _DATELINE.match(doc_text(subj.doc))
        subtree = {t.i for t in subj.subtree}
        for ent in subj.doc.ents:
            if dateline is not None and ent.start_char >= dateline.end() and ent.root.i in subtree:
                entity = self.entity_in(subj.doc, list(ent))
                return (entity.name, entity.id) if entity is not None else None
        return None

    def _titled_person(self, subj: Token, spans: Sequence[tuple[int, int, bool]]) -> Entity | None:
        """'Only Fools and Horses star David Jason criticised …': a person named right after a person noun inside
        the subject is who speaks, whatever the parser made the head (here the programme's 'Fools')."""
        doc = subj.doc
        words = {t.i for t in _phrase_tokens(subj, spans)}
        for ent in doc.ents:
            if (ent.label_ == "PERSON" and ent.start in words and ent.start > 0
                    and doc[ent.start - 1].lemma_.lower() in HUMAN_NOUNS):
                entity = self.entity_in(doc, list(ent))
                if entity is not None and entity.type == "PERSON":
                    return entity
        return None

    def _subject_entity(self, subj: Token, spans: Sequence[tuple[int, int, bool]]) -> Entity | None:
        # The subject's head decides: "Flight International's Mr Learmount" is Learmount, and "the Labour MP for
        # Birkenhead" is an MP, not Birkenhead.
        doc = subj.doc
        entity = self._titled_person(subj, spans)
        if entity is not None:
            return entity
        head_span = next(([t for t in e] for e in doc.ents if e.start <= subj.i < e.end), [subj])
        entity = self.entity_in(doc, head_span)
        if entity is None:
            appositives = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            entity = next((found for c in appositives
                           if (found := self.entity_in(doc, [t for t in c.subtree if t.i <= c.i]))), None)
        if entity is None and subj.pos_ == "PROPN" and subj.lower_ not in PERSON_NOUNS:
            entity = self._named_head(subj, spans)
        if entity is None and _capitalised_word(subj):
            entity = self.by_surname(subj.text)  # 'Swers said …' with 'Swers' tagged a common noun
        return entity

    def _description(self, p_index: int, subj: Token, spans: Sequence[tuple[int, int, bool]],
                     speaking: bool = False) -> tuple[str, str | None] | None:
        """'the correspondent said', 'a spokeswoman for the council told': a person described, not named. A
        subject that names no one ('the ad', a title, a word the tagger took for a name) is no speaker. The subject
        of a quotation's own cue may be any described source ('wrote one commenter', 'the note says'), but not a
        time, a place or an amount."""
        lemma = subj.lemma_.lower()
        known = lemma in HUMAN_NOUNS | _SOURCE_NOUNS
        if subj.pos_ != "NOUN" or not (known or (speaking and _may_speak(subj))):
            return None
        phrase = _phrase(subj, spans)
        if phrase.split()[0].lower() in {"my", "our", "your"}:
            return None  # 'my mother said': the writer's family, no one a reader can name
        if phrase.startswith("the ") and lemma in _BACK_REFERENCE:
            # "says the Waterford man": a feature's way of naming its subject again, not a new speaker.
            person = self.antecedent(p_index, subj.idx, "she" if _noun_gender(lemma) == "f" else "he")
            if person is not None and person[1] is not None:
                return person
        return phrase, None

    def turn_speaker(self, tag: str) -> tuple[str, str | None] | None:
        """A transcript's 'WALLACE' is the person of that name in the article, or the name as written."""
        words = tag.replace("’", "'").split()
        entity = self.named(" ".join(words).title()) or self.named(words[-1].title())
        if entity is not None and entity.type == "PERSON":
            return entity.name, entity.id
        surname = words[-1].title()
        text = " ".join(self.parsed.article.paragraphs)
        return (surname, None) if re.search(rf"\b{re.escape(surname)}\b", text) else None


def _turn(text: str, p_index: int) -> _Raw | None:
    """A transcript paragraph, 'WALLACE: Let's start …' (quoted or not), or a panel's 'Name, Outlet: …': the
    turn as one quotation, without its quotation marks."""
    match = _TURN.match(text)
    panel = match is None
    match = match or _PANEL.match(text)
    if match is None:
        return None
    start = match.end() + len(text[match.end():]) - len(text[match.end():].lstrip("“\"'"))
    end = len(text.rstrip().rstrip("”\"'"))
    if end - start < 2:
        return None
    return _Raw(p_index, start, end, text[start:end], True, turn=match.group(1), panel=panel)


def _raw_quotes(parsed: ParsedArticle, is_person: Callable[[str], bool] = lambda name: False) -> list[_Raw]:
    """Every quotation of the article in order, quotes continued over paragraphs joined; a paragraph that is a
    transcript turn, or a panel answer under the name of a person the article names (`is_person`), is one."""
    raws: list[_Raw] = []
    carry: _Raw | None = None  # a quote left open at the end of a paragraph
    paragraphs = parsed.article.paragraphs
    for p_index, text in enumerate(paragraphs):
        turn = _turn(text, p_index)
        if turn is not None and (not turn.panel or is_person(turn.turn or "")):
            raws.append(turn)
            carry = None
            continue
        for start, end, closed in quote_spans(text):
            raw = _Raw(p_index, start, end, text[start:end], closed)
            if raws and raws[-1].paragraph == p_index and not raws[-1].closed and start - raws[-1].end <= 3:
                # '… you never know. "In my back …': one quotation whose paragraph break was lost.
                joined = raws.pop()
                raw = _Raw(p_index, joined.start, end, joined.text.rstrip() + " " + raw.text.lstrip(), closed,
                           joined.first)
            if carry is not None and start <= 2:
                raw = _carried_on(carry, raw, parsed.docs[p_index], parsed.docs[carry.paragraph], raws)
                carry = None
            if (not closed and end == len(text) and p_index + 1 < len(paragraphs)
                    and paragraphs[p_index + 1].lstrip()[:1] in {"“", '"', "'"}):
                carry = raw
                continue
            carry = None
            raws.append(raw)
    return raws


def _carried_on(carry: _Raw, raw: _Raw, doc: Doc, carry_doc: Doc, raws: list[_Raw]) -> _Raw:
    """The opening mark repeated at a new paragraph continues the open quotation `carry`, unless the new paragraph
    names who speaks in it ('“… The money is there.¶“Nobody believes that,” replied Paul Grant.') and the open
    quotation's paragraph (`carry_doc`) does not: then it stays apart (added to `raws`) rather than run into
    another speaker's. '“…,” Sanders said. “…¶“…,” Sanders continued.' goes on."""
    if _names_another_subject(doc, carry_doc):
        raws.append(carry)
        return raw
    return _Raw(raw.paragraph, raw.start, raw.end, carry.text.rstrip() + " " + raw.text.lstrip(), raw.closed,
                carry.first or carry)


def _names_another_subject(doc: Doc, carry_doc: Doc) -> bool:
    """Does the paragraph, outside its quotations, have a subject that is a name or a noun ('Paul Grant said',
    'the coach replied'), not a pronoun, that the paragraph before does not have outside its quotations?"""
    spans, carry_spans = quote_spans(doc_text(doc)), quote_spans(doc_text(carry_doc))
    known = {t.lower_ for t in carry_doc if not _inside_any(t, carry_spans)}
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"PROPN", "NOUN"} and not _inside_any(t, spans)
               and t.lower_ not in known for t in doc)


@dataclass
class _Context:
    """What the rules share: the article, the resolver, and the reported speech just before."""

    parsed: ParsedArticle
    resolver: _SpeakerResolver
    last: _Said | None = None
    last_paragraph: int = -2
    last_end: int = 0

    def doc(self, raw: _Raw) -> Doc:
        return self.parsed.docs[raw.paragraph]

    def spans(self, raw: _Raw) -> tuple[tuple[int, int, bool], ...]:
        return quote_spans(doc_text(self.doc(raw)))

    def before(self, raw: _Raw) -> str:
        return _text_before(self.doc(raw), raw)


Rule = Callable[[_Raw, _Context], "_Said | None"]


def _by_turn(raw: _Raw, ctx: _Context) -> _Said | None:
    """'PENCE: Gennifer Flowers will not …': a transcript gives each turn to its speaker."""
    if raw.turn is None:
        return None
    if raw.panel:  # 'Maria Lopez, The Valley Herald: …' — only a person the article names, never a guess
        entity = ctx.resolver.named(raw.turn)
        speaker = (entity.name, entity.id) if entity is not None and entity.type == "PERSON" else None
        return _Said(speaker, None, raw) if speaker is not None else None
    speaker = ctx.resolver.turn_speaker(raw.turn)
    return _Said(speaker, None, raw) if speaker is not None else None


def _by_cue(raw: _Raw, ctx: _Context) -> _Said | None:
    """A reporting verb next to the quotation (or before the opening part of a quote over paragraphs): its
    subject speaks ('“…,” said Ms. Souza'; 'He vowed: “…”'; '“…,” according to the report')."""
    for at in (raw, raw.first):
        if at is None:
            continue
        doc, spans = ctx.doc(at), ctx.spans(at)
        cue = _cue_near(doc, at, spans)
        if cue is None:
            continue
        verb, source = cue
        subj = source if source is not None else _subject(verb, spans, cue=True)
        # Any described subject of the cue verb speaks; an 'according to' source only from the lists of speakers
        # ('according to intercepted communications' names no one).
        speaking = source is None
        speaker = ctx.resolver.resolve(at.paragraph, subj, spans, speaking) if subj is not None else None
        if speaker is None and subj is not None and subj.lower_ in _PRONOUNS:
            speaker = _previous_speaker(ctx, at, _wanted_gender(subj.lower_))
        if speaker is None and source is None and verb.idx > at.end:
            speaker = _named_right_after(ctx, verb)
        if speaker is None and source is not None:
            return None  # 'according to intercepted communications': a source, but no one who speaks
        # A verb whose subject cannot be named ('they said') still decides: no later rule may guess.
        return _Said(speaker, verb.text, at)
    return None


def _named_right_after(ctx: _Context, verb: Token) -> tuple[str, str | None] | None:
    """'“…,” said retired surgeon Ben Carson, asked about …': after the quotation, a person named right after the
    verb, before any punctuation, is who speaks, whatever the parser made the name's head."""
    doc = verb.doc
    # Only words that describe the name may come between: 'said retired surgeon Ben Carson', not 'saying that Ben …'.
    window = list(itertools.takewhile(lambda t: not t.is_punct, doc[verb.i + 1:verb.i + 7]))
    for ent in doc.ents:
        if (ent.label_ == "PERSON" and window and window[0].i <= ent.start and ent.end - 1 <= window[-1].i
                and all(t.dep_ in {"amod", "compound", "nmod"} for t in doc[verb.i + 1:ent.start])):
            entity = ctx.resolver.entity_in(doc, list(ent))
            if entity is not None and entity.type == "PERSON":
                return entity.name, entity.id
    return None


def _previous_speaker(ctx: _Context, raw: _Raw, wanted: str) -> tuple[str, str | None] | None:
    """'“…,” Reed said. ¶ “…,” he added.' when no sentence before names who 'he' is by its roles: the person whose
    reported speech comes just before, in this paragraph or the one before, if their gender may agree."""
    last = ctx.last
    if last is None or last.speaker is None or raw.paragraph - ctx.last_paragraph > 1:
        return None
    entity = ctx.resolver.by_id.get(last.speaker[1] or "")
    if entity is None or entity.id not in ctx.resolver.people or ctx.resolver.gender(entity) not in {None, wanted}:
        return None
    return last.speaker


def _by_inverted_cue(raw: _Raw, ctx: _Context) -> _Said | None:
    """'Said Ellis: “…”', 'Added Mr. Ruiz, “…”': a sentence that opens with the verb, which the tagger often
    misses (a capitalised 'Said' reads as a name). Only a person the article names."""
    match = _INVERTED_CUE.search(ctx.before(raw))
    if match is None:
        return None
    # The tagger may have made 'Said Quintero' a person of its own: the speaker is the one person of that surname
    # whose name does not begin with the verb.
    verb, surname = match.group(1), strip_honorific(match.group(2)).split()[-1]
    people = {e.id: e for e in ctx.resolver.by_id.values() if e.type == "PERSON" and not _is_title(e)
              and e.name.split()[-1] == surname and e.name.split()[0] != verb}
    if len(people) != 1:
        return None
    entity = next(iter(people.values()))
    return _Said((entity.name, entity.id), verb, raw)


def _by_credit(raw: _Raw, ctx: _Context) -> _Said | None:
    """'“The most unqualified child …” ― Francisco Herrero': a name after a dash closes the paragraph."""
    if not raw.closed:
        return None
    match = _CREDIT.match(doc_text(ctx.doc(raw))[raw.end:])
    if match is None:
        return None
    name = match.group(1).strip()
    entity = ctx.resolver.named(name)
    return _Said((entity.name, entity.id) if entity else (name, None), None, raw)


def _goes_on(raw: _Raw, ctx: _Context) -> _Said | None:
    """'“…,” said X. “And more.”': a quotation with no cue of its own, right after X's, in the same paragraph."""
    last = ctx.last
    # The quotation opens a sentence, or follows only a linking word there ('… he said. But “…”').
    if (last is None or raw.paragraph != ctx.last_paragraph
            or not re.search(r"[.!?][”\"']?(?:\s+(?:And|But|Still|Yet|So|Then|Now|Also),?)?$",
                             ctx.before(raw).rstrip())):
        return None
    if raw.start - ctx.last_end > 160 and not _next_sentence(ctx.doc(raw), ctx.last_end, raw.start):
        return None
    if _someone_else_between(ctx, raw.paragraph, ctx.last_end, raw.start, last.speaker):
        return None
    return _Said(last.speaker, last.cue, raw, goes_on=True)


def _someone_else_between(ctx: _Context, paragraph: int, end: int, start: int,
                          speaker: tuple[str, str | None] | None) -> bool:
    """'“A,” said the striker. Coach Holt told him to rest. “B.”': a sentence after the one the earlier quotation
    ends in, before the later one, whose subject is another person (or who says something: 'Marsh said …') may
    have handed the words to them. The later quotation is then no longer surely the earlier speaker's."""
    doc = ctx.parsed.docs[paragraph]
    spans = quote_spans(doc_text(doc))
    cue_sentence = next((s for s in doc.sents if s.start_char <= end < s.end_char), None)
    after = cue_sentence.end_char if cue_sentence is not None else end
    subjects = (t for t in doc if after <= t.idx < start and t.dep_ in {"nsubj", "nsubjpass"}
                and not _inside_any(t, spans))
    return (any(_other_person(ctx, paragraph, subj, spans, speaker) for subj in subjects)
            or _other_person_named(ctx, doc, after, start, spans, speaker))


def _other_person_named(ctx: _Context, doc: Doc, after: int, start: int, spans: Sequence[tuple[int, int, bool]],
                        speaker: tuple[str, str | None] | None) -> bool:
    """'“A,” Reed said. The plan was attacked by Paul Grant. He also said “B.”': another person named in any role
    between the two parts (an agent, an owner: 'Grant's reply') leaves the later one's 'he' in doubt."""
    for ent in doc.ents:
        if not after <= ent.start_char < start or _inside_any(ent.root, spans):
            continue
        entity = ctx.resolver.entity_in(doc, list(ent))
        if entity is not None and entity.id in ctx.resolver.people and (speaker is None or entity.id != speaker[1]):
            return True
    return False


def _other_person(ctx: _Context, paragraph: int, subj: Token, spans: Sequence[tuple[int, int, bool]],
                  speaker: tuple[str, str | None] | None) -> bool:
    """Is `subj` a person (or a speaking body) other than `speaker`? A subject that says something counts even
    when no one can name it ('a spokesman said'): the words after may be the spokesman's."""
    found = ctx.resolver.resolve(paragraph, subj, spans)
    if found is not None:
        return found != speaker and not (speaker is not None and found[1] is not None and found[1] == speaker[1])
    return _is_cue(subj.head) and subj.pos_ in {"PROPN", "NOUN"}


def _next_sentence(doc: Doc, end: int, start: int) -> bool:
    """Does the quotation at `start` open the sentence right after the one the quotation ending at `end` is in?
    '“A,” said X, a long description of X. “B.”': however long the cue's sentence, no other sentence between."""
    sentence = next((s for s in doc.sents if s.start_char <= end < s.end_char), None)
    return sentence is not None and doc_text(doc)[sentence.end_char:start].strip(" “\"'") == ""


def _next_paragraph(raw: _Raw, ctx: _Context) -> _Said | None:
    """A paragraph that is one quotation and nothing else, right after a quoted speaker's: they go on."""
    text = doc_text(ctx.doc(raw))
    standalone = raw.start <= 2 and text[raw.end:].strip(" ”\"'.") == ""
    if ctx.last is None or not standalone or raw.paragraph != ctx.last_paragraph + 1:
        return None
    return _Said(ctx.last.speaker, None, raw)


def _is_named(before: str) -> bool:
    """'a film called “…”', 'phrases such as “…”': what follows is a name or an example, not speech."""
    words = before.rstrip().split()
    return bool(words) and (words[-1].lower().strip(",:") in _NAMING_WORDS or words[-2:] == ["such", "as"])


def _named_by_someone(raw: _Raw, ctx: _Context) -> bool:
    """'the country that the former nominee, Ana Ruiz, called “our top rival”': a naming verb right before the
    quotation with a subject of its own is someone labelling, their words; 'a film called “…”' has no subject."""
    doc = ctx.doc(raw)
    verb = next((t for t in reversed(doc) if t.idx < raw.start and not t.is_punct), None)
    return (verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in _NAMING_VERBS
            and any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVES for c in verb.children))


def _is_job_title(raw: _Raw, ctx: _Context) -> bool:
    """'its “national enterprise reporter” Stephanie McCrummen': a short quoted phrase right before a name is the
    name's title, not speech."""
    after = doc_text(ctx.doc(raw))[raw.end:]
    return word_count(raw.text) <= 4 and re.match(r"^(?:”|\"|'')\s+[A-Z][\w'’-]+ [A-Z]", after) is not None


def _fragment_verbs(doc: Doc, raw: _Raw, spans: Sequence[tuple[int, int, bool]], words: int) -> list[Token]:
    """The verbs whose subject may have said a fragment, nearest first, among those above it outside the
    quotation: the reporting verbs when there are any ('She says it shows that Trump is “unfit”': the one who
    says, not the subject of the nearest verb), else a verb right above that characterises ('condemned what he
    called a “brazen breach”'), else (three words or more) any. Two words need a reporting or characterising verb."""
    span = _span(doc, raw.start, raw.end)
    verbs = [v for v in (_governing_verbs(span.root) if span is not None else []) if not _inside_any(v, spans)]
    cues = [v for v in verbs if _is_cue(v)]
    # Only the verb right above: in 'described Clinton as a “disgrace” after she blamed it on “implicit bias”',
    # the second label is hers.
    labels = verbs[:1] if verbs and verbs[0].lemma_.lower() in _CHARACTERISING else []
    if labels and labels[0].lemma_.lower() in _NAMING_VERBS:
        # 'under what Mr. Hedge called “the old model,” the club charged …': the label is the caller's, whatever
        # reporting verb stands further up; the reporting verbs only when the caller names no one.
        return labels + [v for v in cues if v != labels[0]]
    return cues or labels or (verbs if words >= 3 else [])


def _describes_speaker(subj: Token, verb: Token) -> bool:
    """A described subject may own a fragment: a person ('the official'), or a body or document under a reporting
    or characterising verb ('The statement called for “further significant measures”')."""
    lemma = subj.lemma_.lower()
    says = _is_cue(verb) or verb.lemma_.lower() in _CHARACTERISING
    return lemma in HUMAN_NOUNS or (lemma in _SOURCE_NOUNS and says)


def _may_own_fragment(found: tuple[str, str | None], words: int, subj: Token, verb: Token,
                      said_by_name: bool) -> bool:
    """Whether the resolved subject `found` of `verb` owns a fragment of `words` words: a named entity always; a
    name as written or a description from three words; a described person ('the mayor said, adding that it would
    take “more hours”') also from two words under a reporting verb, where the words are theirs, not a label."""
    if found[1]:
        return True
    if words >= 3:
        return said_by_name or _describes_speaker(subj, verb)
    return _is_cue(verb) and subj.pos_ == "NOUN" and subj.lemma_.lower() in HUMAN_NOUNS


def _fragment(raw: _Raw, ctx: _Context) -> _Said | None:
    """'Mr. Obama called it “a historic day”': a quoted fragment inside reported speech belongs to the nearest
    subject above it that names someone. Two-word fragments need a reporting verb above them."""
    words = word_count(raw.text)
    if (words < 2 or _is_title_case(raw.text) or _is_job_title(raw, ctx)
            or (_is_named(ctx.before(raw)) and not _named_by_someone(raw, ctx))):
        return None
    spans = ctx.spans(raw)
    for governing in _fragment_verbs(ctx.doc(raw), raw, spans, words):
        subj = _subject(governing)
        if subj is None:
            continue
        # Under a reporting verb a name no entity holds counts as written ('Berkman said there are more “…”').
        said_by_name = _is_cue(governing) and subj.pos_ == "PROPN"
        found = ctx.resolver.resolve(raw.paragraph, subj, spans, speaking=said_by_name)
        if found and _may_own_fragment(found, words, subj, governing, said_by_name):
            return _Said(found, governing.text, raw, partial=True)
    return _claim_owner(raw, ctx, spans)


def _claim_owner(raw: _Raw, ctx: _Context, spans: Sequence[tuple[int, int, bool]]) -> _Said | None:
    """'Contrary to his claim that people would “learn nothing”': a fragment inside a speech noun ('claim',
    'promise') belongs to the noun's owner, when the owner names someone."""
    span = _span(ctx.doc(raw), raw.start, raw.end)
    token = span.root if span is not None else None
    for _ in range(8):
        if token is None or token.head == token:
            return None
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in _SPEECH_NOUNS:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            found = ctx.resolver.resolve(raw.paragraph, owner, spans) if owner is not None else None
            return _Said(found, None, raw, partial=True) if found and found[1] else None
    return None


def _first_person(raw: _Raw, ctx: _Context) -> _Said | None:
    """A feature goes on in its subject's words without a cue: '… in Athens. "For the first nine hours, I had no
    pain killers …"' — first-person speech that opens a sentence, close after the last speaker's."""
    last = ctx.last
    opens_sentence = re.search(r"(?:^|[.!?][”\"']?)\s*[“\"']*$", doc_text(ctx.doc(raw))[:raw.start])
    if (last is None or not opens_sentence or word_count(raw.text) < 5 or not _FIRST_PERSON.search(raw.text)
            or raw.paragraph - ctx.last_paragraph > 2):
        return None
    named = ctx.resolver.named_in_paragraph_before(raw.paragraph, raw.start)
    if named is not None and named != last.speaker:  # someone named since
        return _Said(named, None, raw)
    return _Said(last.speaker, last.cue, raw)


def _after_named_subject(raw: _Raw, ctx: _Context) -> _Said | None:
    """'Sen. Ruiz, who lost the primary, named young voters as the reason. “They are tired of waiting.”': a
    quotation of whole sentences that closes the paragraph, with no cue, right after a sentence whose subject is a
    person the article names, is that person's."""
    doc = ctx.doc(raw)
    text = doc_text(doc)
    before = _text_before(doc, raw).rstrip()
    if (not raw.closed or text[raw.end:].strip(" ”\"'.") != "" or word_count(raw.text) < 4 or not before
            or not re.search(r"[.!?][”\"']?$", before)):
        return None
    sentence = next((s for s in doc.sents if s.start_char <= len(before) - 1 < s.end_char), None)
    spans = ctx.spans(raw)
    subjects = [t for t in sentence or () if t.dep_ in {"nsubj", "nsubjpass"} and not _inside_any(t, spans)]
    if not subjects or subjects[0].pos_ != "PROPN":
        return None
    found = ctx.resolver.resolve(raw.paragraph, subjects[0], spans)
    return _Said(found, None, raw) if found and found[1] in ctx.resolver.people else None


def _by_colon(raw: _Raw, ctx: _Context) -> _Said | None:
    """'Pollster Dana Ruiz: “…”', 'According to the council: “…”', 'Ruiz has since apologized: “…”' — a colon with
    no reporting verb before it hands the quotation to the person named right before it, to the source 'according
    to' names, or to the named person who is the subject of its sentence."""
    doc = ctx.doc(raw)
    before = _text_before(doc, raw).rstrip()
    colon = next((t for t in doc if t.idx == len(before) - 1), None) if before.endswith(":") else None
    if colon is None or colon.i == 0:
        return None
    spans = ctx.spans(raw)
    for finder in (_named_before_colon, _according_to_before_colon, _named_subject_before_colon):
        found = finder(ctx, raw.paragraph, colon, spans)
        if found is not None:
            return _Said(found, None, raw) if found[0] else None
    return None


# Each colon finder answers with a speaker, ("", None) for a source that names no one (the rule then gives up), or
# None when its pattern is not there.
def _named_before_colon(ctx: _Context, paragraph: int, colon: Token,
                        spans: Sequence[tuple[int, int, bool]]) -> tuple[str, str | None] | None:
    """'… county pollster Dana Ruiz: “…”': a person named right before the colon."""
    named = next((e for e in colon.doc.ents if e.end == colon.i and e.label_ == "PERSON"), None)
    if named is None:
        return None
    entity = ctx.resolver.entity_in(colon.doc, list(named))
    return (entity.name, entity.id) if entity is not None else ("", None)


def _according_to_before_colon(ctx: _Context, paragraph: int, colon: Token,
                               spans: Sequence[tuple[int, int, bool]]) -> tuple[str, str | None] | None:
    """'According to the council: “…”': the source the phrase names."""
    source = next((s for t in colon.sent if t.i < colon.i and (s := _according_to(t)) is not None), None)
    if source is None:
        return None
    return ctx.resolver.resolve(paragraph, source, spans) or ("", None)


def _named_subject_before_colon(ctx: _Context, paragraph: int, colon: Token,
                                spans: Sequence[tuple[int, int, bool]]) -> tuple[str, str | None] | None:
    """'Mayor Tom Brek has since apologised: “…”': the sentence's first subject before the colon (its root may be the
    quotation's own verb), when it names a person."""
    subj = next((t for t in colon.sent if t.i < colon.i and t.dep_ == "nsubj" and not _inside_any(t, spans)), None)
    found = ctx.resolver.resolve(paragraph, subj, spans) if subj is not None and subj.pos_ == "PROPN" else None
    return found if found is not None and found[1] in ctx.resolver.people else None


# Tried in order; the first rule that names a speaker attributes the quotation.
_RULES: tuple[Rule, ...] = (_by_turn, _by_inverted_cue, _by_cue, _by_credit, _goes_on, _next_paragraph, _fragment,
                            _by_colon, _first_person, _after_named_subject)


def _not_speech(text: str, gloss_words: set[str]) -> bool:
    """A gloss, one quoted word ("allies": a scare quote or a label) or a title ("Meet the Press") is no speech."""
    if not text or normalize(text).strip(" ,.").lower() in gloss_words:
        return True
    if word_count(text) < 2 and not text.rstrip().endswith(("!", "?")):
        return True
    if _FURNITURE.search(text):
        return True
    # A title keeps the sentence's full stop when it ends one: 'Mr. Pence told “Face the Region.”'.
    return _is_title_case(text) and not text.rstrip().endswith(("!", "?"))


@dataclass(frozen=True)
class _Part:
    """One attributed quotation before parts of the same quotation are joined."""

    raw: _Raw
    said: _Said
    text: str


def _continues(ctx: _Context, before: _Part, part: _Part) -> bool:
    """'“A,” he said, “B.”' and '“A,” he said. “B.”': a quotation interrupted by its cue, or going on with no
    new speaker, in the same paragraph, is one quotation. Transcript turns and full quotes beside fragments stay
    apart, unless the later one goes on with no cue of its own. Two parts with another person as a subject
    between them stay apart too: joined, one speaker's words would run into another's."""
    return (part.raw.paragraph == before.raw.paragraph and part.raw.start > before.raw.end
            and part.said.speaker == before.said.speaker
            and (part.said.partial == before.said.partial or part.said.goes_on)
            and part.raw.turn is None and before.raw.turn is None
            and not _someone_else_between(ctx, part.raw.paragraph, before.raw.end, part.raw.start,
                                          before.said.speaker))


def _named_between(parsed: ParsedArticle, before: _Part, part: _Part, entities: list[Entity]) -> bool:
    """'“A,” said Holt. Reyes disagreed. “B.”': a person other than the speaker named between two quotations may
    have said the second: it is not joined to the first, which would give both to one speaker in a quiz. A name in
    the cue's own sentence ('said Costa, who has worked beside Lang') hands nothing on: the words after are Costa's."""
    doc = parsed.docs[part.raw.paragraph]
    cue_sentence = next((s for s in doc.sents if s.start_char <= before.raw.end < s.end_char), None)
    after = max(before.raw.end, cue_sentence.end_char if cue_sentence is not None else 0)
    between = parsed.article.paragraphs[part.raw.paragraph][after:part.raw.start]
    speaker_id = before.said.speaker[1] if before.said.speaker else None
    return any(e.type == "PERSON" and e.id != speaker_id
               and any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", between) for n in e.names)
               for e in entities)


def _joined(parsed: ParsedArticle, parts: list[_Part]) -> _Part:
    """The parts as one quotation, as the article reads: 'A … B' where words come between, 'A B' where only
    quotation marks do."""
    paragraph = parsed.article.paragraphs[parts[0].raw.paragraph]
    text = parts[0].text
    for before, part in itertools.pairwise(parts):
        between = paragraph[before.raw.end:part.raw.start]
        text += (" " if re.fullmatch(r"[\s”“\"']*", between) else " … ") + part.text
    first = parts[0]
    cue = next((p.said.cue for p in parts if p.said.cue), None)
    partial = any(p.said.partial for p in parts)  # 'has the important virtue … It doesn't …' is no whole quote
    return _Part(first.raw, _Said(first.said.speaker, cue, first.said.at, partial), text)


def _attributed(parsed: ParsedArticle, ctx: _Context, glosses: list[Gloss]) -> Iterator[_Part]:
    gloss_words = {normalize(g.term).lower() for g in glosses} | {normalize(g.meaning).lower() for g in glosses}
    for raw in _raw_quotes(parsed, ctx.resolver.is_person):
        text = _clean_quote(raw.text)
        if _not_speech(text, gloss_words):
            continue
        said = next((found for rule in _RULES if (found := rule(raw, ctx)) is not None), None)
        if said is None:
            continue
        # A cue whose speaker no one can name still ends the run of the speaker before: what follows is not theirs.
        ctx.last, ctx.last_paragraph, ctx.last_end = said, raw.paragraph, raw.end
        if said.speaker is not None:
            yield _Part(raw, said, text)


def extract_quotes(parsed: ParsedArticle, entities: list[Entity], lookup: dict[str, str],
                   glosses: list[Gloss]) -> list[Quote]:
    """Each quotation a rule gives a named speaker, with its cue; one quotation's parts joined ('“A,” he said, “B.”').
    Glosses, scare quotes and titles are not speech; a part another person named in between may have said is dropped."""
    ctx = _Context(parsed, _SpeakerResolver(parsed, entities, lookup))
    groups: list[list[_Part]] = []
    for part in _attributed(parsed, ctx, glosses):
        if groups and _continues(ctx, groups[-1][-1], part):
            if _named_between(parsed, groups[-1][-1], part, entities):
                continue  # whose words these are cannot be told: neither joined nor given to the speaker before
            groups[-1].append(part)
        else:
            groups.append([part])
    quotes: list[Quote] = []
    for group in groups:
        part = _joined(parsed, group)
        speaker = part.said.speaker or ("", None)
        quotes.append(Quote(
            id=f"q-{stable_id(normalize(part.text), length=8)}",
            text=part.text,
            speaker=speaker[0],
            speaker_id=speaker[1],
            sentence=parsed.sentence_of(part.said.at.paragraph, part.said.at.start),
            cue=part.said.cue,
            partial=part.said.partial,
        ))
    return quotes

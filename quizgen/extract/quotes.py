"""Quotes: direct speech and quoted fragments of reported speech, each with its speaker and cue verb."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quizgen.extract.entities import PERSON_NOUNS, clean_name
from quizgen.extract.parsed import SPEECH_VERBS, ParsedArticle, doc_text, quote_spans
from quizgen.model import Entity, Gloss, Quote
from quizgen.textutil import normalize, stable_id, strip_honorific, word_count

_NAMING_WORDS = {"called", "named", "titled", "entitled", "dubbed", "nicknamed", "word", "words", "term", "phrase",
                 "slogan", "motto", "headline", "banner", "label", "labelled", "labeled", "branded"}
HUMAN_NOUNS = PERSON_NOUNS | {
    "soldier", "official", "people", "man", "woman", "expert", "critic", "resident", "worker", "officer", "police",
    "parent", "child", "student", "voter", "fan", "supporter", "source", "witness", "protester", "leader", "aide",
    "diplomat", "doctor", "nurse", "farmer", "pupil", "viewer", "listener", "reader", "customer", "user", "owner",
}
_PRONOUNS = {"he", "she", "him", "her"}
_BACK_REFERENCE = {"man", "woman", "boy", "girl", "teenager", "youngster", "year-old"}
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|my|me|we|our|us)\b")
_MALE_NOUNS = {"man", "spokesman", "chairman", "king", "prince", "father", "son", "boy", "husband", "brother",
               "congressman", "lord", "sir", "businessman", "sportsman", "policeman", "fisherman"}
_FEMALE_NOUNS = {"woman", "spokeswoman", "chairwoman", "queen", "princess", "mother", "daughter", "girl", "wife",
                 "sister", "actress", "lady", "dame", "congresswoman", "businesswoman", "sportswoman", "policewoman"}
_SMALL_WORDS = {"of", "the", "a", "an", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from"}


@dataclass
class _Raw:
    paragraph: int
    start: int
    end: int
    text: str
    closed: bool
    first: _Raw | None = None  # a quote continued over paragraphs: its opening part, where the cue often is


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


def _speech_verb_near(doc: Doc, raw: _Raw, spans: Sequence[tuple[int, int, bool]]) -> Token | None:
    """The cue verb right after the closing mark or right before the opening one."""
    after = doc_text(doc)[raw.end + 1:] if raw.closed else ""
    before = doc_text(doc)[:max(0, raw.start - 1)]
    # After: ', said X' / ' X said' / '! a commander shouts' — within a few words, on the same sentence.
    # A quotation that ends with a full stop ended its sentence: a cue after it belongs to the next one.
    if raw.closed and not raw.text.rstrip().endswith(".") and re.match(
            r"^[\s”\"]*(?:[a-z]|(?:[A-Z][\w.’'-]*\s){1,4}(?:[a-z]))", after):
        window = [t for t in doc if raw.end < t.idx <= raw.end + 60 and not _inside_any(t, spans)]
        for token in window[:9]:
            if token.text in {".", "?", "!"}:
                break
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_VERBS:
                return token
    # Before: 'X said: “' / 'X said, “' / 'X told reporters “'.
    tail = before[-80:]
    preceding = tail.split()[-1].lower().strip(",:") if tail.split() else ""
    if re.search(r"[\w)]\s*[:,]?\s*$", tail) and preceding not in _NAMING_WORDS:
        window = [t for t in doc if raw.start - 80 <= t.idx < raw.start - 1 and not _inside_any(t, spans)]
        for token in reversed(window[-4:]):
            if token.text in {".", "?", "!"}:
                break
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_VERBS:
                return token
    return None


def _subject(verb: Token) -> Token | None:
    seen = 0
    while verb is not None and seen < 6:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj
        if verb.dep_ in {"conj", "xcomp", "advcl", "ccomp"} and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _governing_verbs(root: Token) -> list[Token]:
    """Verbs above a quoted fragment, nearest first, that have a subject other than a relative pronoun."""
    verbs: list[Token] = []
    token = root
    for _ in range(10):
        subj = _subject(token) if token.pos_ in {"VERB", "AUX"} else None
        if subj is not None and subj.lower_ not in {"who", "which", "that", "whom"}:
            verbs.append(token)
        if token.head is token:
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
    return text.split(",")[0].strip()


def _noun_gender(lemma: str) -> str | None:
    return "m" if lemma in _MALE_NOUNS else "f" if lemma in _FEMALE_NOUNS else None


def _entity_gender(entity: Entity) -> str | None:
    """Known only when the article says so: 'Mr Evans', 'Mrs Rendall', 'a spokeswoman'."""
    for alias in entity.names:
        first = alias.split()[0].rstrip(".").lower()
        if first in {"mr", "sir", "lord"}:
            return "m"
        if first in {"mrs", "ms", "miss", "dame", "lady"}:
            return "f"
    words = set(re.findall(r"[a-z]+", (entity.description or "").lower()))
    return next((g for w in words if (g := _noun_gender(w))), None)


class _SpeakerResolver:
    def __init__(self, parsed: ParsedArticle, entities: list[Entity], lookup: dict[str, str]) -> None:
        self.parsed = parsed
        self.lookup = lookup
        self.by_id = {e.id: e for e in entities}
        self.people = {e.id for e in entities if e.type == "PERSON"}

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
            if entity_id and self.by_id[entity_id].type in {"PERSON", "ORG"}:
                return self.by_id[entity_id]
        return None

    def named_in_paragraph_before(self, paragraph: int, char: int) -> tuple[str, str | None] | None:
        """The person named last in this paragraph before `char`: 'Mrs Rowe told the paper … "I had …"'."""
        doc = self.parsed.docs[paragraph]
        for ent in reversed([e for e in doc.ents if e.end_char <= char and e.root.dep_ in {"nsubj", "nsubjpass"}]):
            entity_id = self.lookup.get(clean_name(ent.text).lower())
            if entity_id in self.people:
                return self.by_id[entity_id].name, entity_id
        return None

    def last_person_before(self, paragraph: int, char: int, pronoun: str) -> tuple[str, str | None] | None:
        """Who 'he' or 'she' is: the person most recently named, or a person described as the subject of a
        sentence ('A spokeswoman for the council said …'), whose gender does not contradict the pronoun."""
        wanted = "m" if pronoun in {"he", "him"} else "f"
        for p_index in range(paragraph, max(-1, paragraph - 4), -1):
            doc = self.parsed.docs[p_index]
            spans = quote_spans(doc_text(doc))
            candidates: list[tuple[int, tuple[str, str | None], str | None]] = []
            for ent in doc.ents:
                if p_index == paragraph and ent.end_char > char:
                    continue
                entity_id = self.lookup.get(clean_name(ent.text).lower())
                if entity_id in self.people:
                    entity = self.by_id[entity_id]
                    candidates.append((ent.start_char, (entity.name, entity.id), _entity_gender(entity)))
            for token in doc:
                if (token.dep_ in {"nsubj", "nsubjpass"} and token.pos_ == "NOUN"
                        and token.lemma_.lower() in HUMAN_NOUNS and token.tag_ == "NN" and not _inside_any(token, spans)
                        and (p_index < paragraph or token.idx < char) and not token.ent_type_):
                    phrase = _phrase(token, spans)
                    if phrase.split()[0] in {"The", "A", "An"}:
                        phrase = phrase[0].lower() + phrase[1:]
                    candidates.append((token.idx, (phrase, None), _noun_gender(token.lemma_.lower())))
            for _, speaker, gender in sorted(candidates, key=lambda c: c[0], reverse=True):
                if gender in {None, wanted}:
                    return speaker
        return None

    def resolve(self, p_index: int, subj: Token,
                spans: Sequence[tuple[int, int, bool]]) -> tuple[str, str | None] | None:
        doc = subj.doc
        if subj.lower_ in _PRONOUNS:
            return self.last_person_before(p_index, subj.idx, subj.lower_)
        if subj.pos_ == "PRON":
            return None  # "they", "it", "I": not resolved with confidence
        tokens = _phrase_tokens(subj, spans)
        # The subject's head decides: "Flight International's Mr Learmount" is Learmount, and "the Labour MP for
        # Birkenhead" is an MP, not Birkenhead.
        head_span = next(([t for t in e] for e in doc.ents if e.start <= subj.i < e.end), [subj])
        entity = self.entity_in(doc, head_span)
        if entity is None:
            appositives = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            entity = next((found for c in appositives if (found := self.entity_in(doc, [t for t in c.subtree
                                                                                      if t.i <= c.i]))), None)
        if entity is None and subj.pos_ == "PROPN" and subj.lower_ not in PERSON_NOUNS:
            entity = self.entity_in(doc, tokens)
        if entity is not None:
            return entity.name, entity.id
        phrase = _phrase(subj, spans)
        if phrase[:1].isupper() and phrase.split()[0].lower() in {"the", "a", "an"}:
            phrase = phrase[0].lower() + phrase[1:]
        if phrase.startswith("the ") and subj.lemma_.lower() in _BACK_REFERENCE:
            # "says the Waterford man": a feature's way of naming its subject again, not a new speaker.
            person = self.last_person_before(p_index, subj.idx, "she" if _noun_gender(subj.lemma_) == "f" else "he")
            if person is not None and person[1] is not None:
                return person
        return phrase, None


def _raw_quotes(parsed: ParsedArticle) -> list[_Raw]:
    raws: list[_Raw] = []
    carry: _Raw | None = None  # a quote left open at the end of a paragraph
    for p_index, text in enumerate(parsed.article.paragraphs):
        spans = quote_spans(text)
        for start, end, closed in spans:
            raw = _Raw(p_index, start, end, text[start:end], closed)
            if raws and raws[-1].paragraph == p_index and not raws[-1].closed and start - raws[-1].end <= 3:
                # '… you never know. "In my back …': one quotation whose paragraph break was lost.
                joined = raws.pop()
                raw = _Raw(p_index, joined.start, end, joined.text.rstrip() + " " + raw.text.lstrip(), closed,
                           joined.first)
            if carry is not None and start <= 1:
                # The opening mark repeated at a new paragraph continues the open quotation.
                raw = _Raw(p_index, start, end, carry.text.rstrip() + " " + raw.text.lstrip(), closed,
                           carry.first or carry)
                carry = None
            paragraphs = parsed.article.paragraphs
            if (not closed and end == len(text) and p_index + 1 < len(paragraphs)
                    and paragraphs[p_index + 1].lstrip()[:1] in {"“", '"'}):
                carry = raw
                continue
            carry = None
            raws.append(raw)
    return raws


def extract_quotes(parsed: ParsedArticle, entities: list[Entity], lookup: dict[str, str],
                   glosses: list[Gloss]) -> list[Quote]:
    resolver = _SpeakerResolver(parsed, entities, lookup)
    gloss_words = {normalize(g.term).lower() for g in glosses} | {normalize(g.meaning).lower() for g in glosses}
    quotes: list[Quote] = []
    last_speaker: tuple[str, str | None] | None = None
    last_paragraph = -2
    last_end = 0
    last_cue: str | None = None
    for raw in _raw_quotes(parsed):
        doc = parsed.docs[raw.paragraph]
        spans = quote_spans(doc_text(doc))
        text = _clean_quote(raw.text)
        if not text or normalize(text).strip(" ,.").lower() in gloss_words:
            continue
        words = word_count(text)
        if words < 2 and not text.rstrip().endswith(("!", "?")):
            continue  # one quoted word ("allies") is a scare quote or a label, not speech
        verb = _speech_verb_near(doc, raw, spans)
        cue_raw = raw
        if verb is None and raw.first is not None:
            # 'X said: “… (new paragraph) “… ”': the cue is before the opening part.
            cue_raw = raw.first
            doc = parsed.docs[cue_raw.paragraph]
            spans = quote_spans(doc_text(doc))
            verb = _speech_verb_near(doc, cue_raw, spans)
        partial = False
        cue: str | None = None
        speaker: tuple[str, str | None] | None = None
        if verb is not None:
            subj = _subject(verb)
            speaker = resolver.resolve(cue_raw.paragraph, subj, spans) if subj is not None else None
        elif (last_speaker and raw.paragraph == last_paragraph and raw.start - last_end <= 160
              and re.search(r"[.!?][”\"]?$", doc_text(doc)[:max(0, raw.start - 1)].rstrip())):
            speaker, cue = last_speaker, last_cue  # '“…,” said X. “And more.”': the same speaker goes on
        else:
            before = doc_text(doc)[:max(0, raw.start - 1)].rstrip().split()
            preceding = before[-1].lower().strip(",:") if before else ""
            standalone = raw.start <= 1 and doc_text(doc)[raw.end:].strip(" ”\".") == ""
            if standalone and last_speaker and raw.paragraph == last_paragraph + 1:
                speaker = last_speaker  # a quoted paragraph continuing the previous speaker
            elif words >= 3 and not _is_title_case(text) and preceding not in _NAMING_WORDS:
                span = _span(doc, raw.start, raw.end)
                # The speaker is the nearest subject above the fragment that names someone.
                for governing in _governing_verbs(span.root) if span is not None else []:
                    subj = _subject(governing)
                    if subj is None or _inside_any(governing, spans):
                        continue
                    found = resolver.resolve(raw.paragraph, subj, spans)
                    if found and (found[1] or subj.lemma_.lower() in HUMAN_NOUNS):
                        speaker, verb, partial = found, governing, True
                        break
            opens_sentence = re.search(r"(?:^|[.!?][”\"]?)\s*[“\"]?$", doc_text(doc)[:raw.start])
            if (speaker is None and opens_sentence and words >= 5 and _FIRST_PERSON.search(text)
                    and last_speaker and raw.paragraph - last_paragraph <= 2):
                # A feature goes on in its subject's words without a cue: '… in Athens. "For the first nine
                # hours, I had no pain killers …"' — first-person speech, close after the last speaker's.
                named = resolver.named_in_paragraph_before(raw.paragraph, raw.start)
                speaker, cue = (named, None) if named not in {None, last_speaker} else (last_speaker, last_cue)
        if speaker is None:
            continue
        sentence = parsed.sentence_of(cue_raw.paragraph, cue_raw.start)
        quotes.append(Quote(
            id=f"q-{stable_id(normalize(text), length=8)}",
            text=text,
            speaker=speaker[0],
            speaker_id=speaker[1],
            sentence=sentence,
            cue=verb.text if verb is not None else cue,
            partial=partial,
        ))
        last_speaker, last_paragraph, last_end = speaker, raw.paragraph, raw.end
        last_cue = verb.text if verb is not None else cue
    return quotes

"""Numbers: counts, money, percentages, fractions, multiples and years, with what they count and their hedge."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quizgen.extract.parsed import ParsedArticle, doc_text, quote_spans
from quizgen.lang import en as lang_en
from quizgen.lang.en.inversion import Clause, question_body
from quizgen.model import NumberFact
from quizgen.textutil import stable_id

_NUMBERS = lang_en.table("numbers")
HEDGES: tuple[str, ...] = tuple(_NUMBERS["hedges"])
_WORDS: dict[str, int] = _NUMBERS["words"]
_SCALES: dict[str, float] = {word: float(value) for word, value in _NUMBERS["scales"].items()}
_ABBREVIATED_SCALES = {word for word in _SCALES if len(word) <= 2}  # "£3bn", "$186m": written against the digits
_FRACTIONS: dict[str, float] = {phrase: top / bottom for phrase, (top, bottom) in _NUMBERS["fractions"].items()}
_MULTIPLES: dict[str, float] = {word: float(value) for word, value in _NUMBERS["multiples"].items()}
_NOT_NAME_OPENERS = frozenset(_NUMBERS["not_name_openers"])
_MULTIPLYING_WORDS = frozenset({"hundred", "dozen"})
_FRACTION_RE = re.compile(
    r"\b((?:(?:" + "|".join(h.replace(" ", r"\s") for h in HEDGES) + r")\s+)?(?:"
    + "|".join(sorted((re.escape(f) for f in _FRACTIONS), key=len, reverse=True)) + r"))\b(?=\s+(?:of|the)\b)",
    re.I,
)
_MULTIPLE_RE = re.compile(r"\b(" + "|".join(_MULTIPLES) + r")\b", re.I)
_DIGITS_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")?\b")


def parse_value(text: str) -> float | None:
    """'about 15,000' → 15000.0; '£3.5bn' → 3.5e9; 'five' → 5.0; 'nearly a third' → 0.333…; None for no number."""
    lowered = text.lower().replace(",", "")
    for hedge in HEDGES:
        lowered = re.sub(rf"^{hedge}\s+", "", lowered)
    for phrase, value in _FRACTIONS.items():
        if lowered.startswith(phrase):
            return value
    m = _DIGITS_RE.search(lowered)
    if m:
        return float(m.group(1)) * _SCALES.get(m.group(2) or "", 1.0)
    return _words_value(re.findall(r"[a-z]+", lowered))


def _words_value(words: list[str]) -> float | None:
    """A number in words: 'two hundred and fifty thousand' → 250000; None when it starts with no number word."""
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word in _WORDS:
            seen = True
            value = _WORDS[word]
            # "hundred" and "dozen" multiply what comes before them: "two dozen" is 24, not 14.
            current = max(current, 1) * value if word in _MULTIPLYING_WORDS else current + value
        elif word in _SCALES and seen:
            total += max(current, 1) * _SCALES[word]
            current = 0
        elif word in {"and", "a"}:
            continue
        elif seen:
            break
    return total + current if seen else None


def _hedge(text: str) -> str | None:
    """'about 15,000' → 'about'."""
    lowered = text.lower()
    return next((h for h in HEDGES if lowered.startswith(h + " ")), None)


def _counted(token: Token) -> str | None:
    """'about 15,000 soldiers' → 'soldiers'; 'the five North Korean soldiers' → 'North Korean soldiers'."""
    head = token.head
    if token.dep_ in {"nummod", "quantmod", "compound"} and head.pos_ == "NOUN" and head.i > token.i:
        between = token.doc[token.i + 1:head.i + 1]
        if all(t.pos_ in {"ADJ", "NOUN", "PROPN"} or t.text == "-" for t in between) and len(between) <= 4:
            return between.text
        return head.text
    return None


def _kind(label: str, text: str) -> str:
    """What a tagged number is: fraction, percent, money, year, ordinal or count."""
    lowered = text.lower()
    if label == "CARDINAL" and any(re.search(rf"\b{f}\b", lowered) for f in _FRACTIONS):
        return "fraction"  # "fallen by nearly a third": spaCy's cardinal, a fraction to the reader
    if label == "PERCENT" or "%" in text or "per cent" in lowered or "percent" in lowered:
        return "percent"
    if label == "MONEY":
        return "money"
    if label == "DATE":
        return "year"
    if label == "ORDINAL":
        return "ordinal"
    return "count"


def _how_many_clause(number: Token) -> tuple[Token, Token, Token] | None:
    """(counted noun, verb, subject) when the number counts the direct object of a verb with a named or noun
    subject before it, and no quotation in the clause: the only shape asked about."""
    noun = number.head
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or subj.i > verb.i:
        return None
    if any(t.text in {"“", "”", '"'} for t in verb.subtree):
        return None
    return noun, verb, subj


def _after_verb(verb: Token, noun: Token) -> str:
    """What follows the verb, without the counted noun phrase (the question asks about it)."""
    noun_span = {t.i for t in noun.subtree}
    tail_tokens: list[Token] = []
    for child in verb.rights:
        if child.i not in noun_span and child.dep_ not in {"punct", "cc", "conj"}:
            tail_tokens.extend(child.subtree)
    tail = " ".join(t.text_with_ws.strip() for t in sorted(tail_tokens, key=lambda t: t.i))
    return re.sub(r"\s+([,.’'])", r"\1", tail).replace("’ s", "’s").replace(" ’s", "’s").replace(" 's", "'s")


def how_many_question(number: Token, counted: str | None, hedge: str | None) -> str | None:
    """'The council has bought about 4,000 books for the …' → 'About how many books has the council bought for the …?'

    Only for the plainest shape: the number counts the direct object of a verb that has a named or noun subject.
    """
    shape = _how_many_clause(number) if counted is not None else None
    if shape is None:
        return None
    noun, verb, subj = shape
    subj_tokens = list(subj.subtree)
    # Words between subject and verb that are adverbs ("recently") stay with the verb.
    adverbs = [t.text for t in verb.lefts if t.dep_ == "advmod" and t.i > subj_tokens[-1].i]
    clause = Clause(subject=number.doc[subj_tokens[0].i:subj_tokens[-1].i + 1].text, verb=verb.text,
                    verb_lemma=verb.lemma_, verb_tag=verb.tag_,
                    auxiliaries=tuple(c.text for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i),
                    adverbs=" ".join(adverbs), negation=" ".join(c.text for c in verb.children if c.dep_ == "neg"),
                    rest=_after_verb(verb, noun))
    body = question_body(clause)
    if body is None:
        return None
    question = f"how many {counted} {body}".strip(" ,")
    question = ("about " + question) if hedge in {"about", "around", "roughly", "approximately", "some"} else question
    return question[0].upper() + question[1:] + "?"


def _fact(text: str, kind: str, sentence: int, value: float | None, counts: str | None = None,
          question: str | None = None) -> NumberFact:
    return NumberFact(id=f"n-{stable_id(sentence, text, length=8)}", text=text, kind=kind, sentence=sentence,
                      value=value, counts=counts, hedge=_hedge(text), question=question)


@dataclass(frozen=True)
class _Paragraph:
    """One parsed paragraph with what every scanner needs: its text and its quotations."""

    index: int
    doc: Doc
    text: str
    quoted: tuple[tuple[int, int, bool], ...]

    def in_quote(self, char: int) -> bool:
        """Numbers inside quotations are someone's words, not the article's facts."""
        return any(s <= char < e for s, e, _ in self.quoted)


# --- scanner 1: the tagger's number entities ---------------------------------------------------------------------

_NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE"}


def _date_fact(text: str, sentence: int) -> NumberFact | None:
    """A year ("in 2003"), or a duration ("six years", "the past 22 years") with its unit as what it counts."""
    m = re.fullmatch(r"(?:in |early |late |mid-)?((?:19|20)\d\d)", text)
    if m:
        return _fact(text, "year", sentence, float(m.group(1)))
    m = re.fullmatch(r"(?:(?:the |a |its )?(?:last|past|next|first) )?(.+?)\s+(years|months|weeks|days)", text, re.I)
    value = parse_value(m.group(1)) if m else None
    if m and value is not None and value >= 2 and not re.search(r"\b(?:or|to)\b|-", m.group(1)):
        return _fact(f"{m.group(1)} {m.group(2)}", "duration", sentence, value, m.group(2).lower())
    return None


def _small_bare_count(text: str, value: float, token: Token, counted: str | None) -> bool:
    """'one video', 'the two countries': small bare counts are wording, not facts worth testing."""
    return value < 3 and _hedge(text) is None and value == int(value)


def _names_an_event(text: str, value: float, token: Token, counted: str | None) -> bool:
    """'the 800 metres favourites', 'a 400m runner': the number names an event."""
    unit = token.head if token.head.i > token.i else None
    return unit is not None and unit.dep_ in {"compound", "amod", "nmod"} and (
        unit.head.pos_ == "NOUN" and unit.head.i > unit.i)


def _race_name(text: str, value: float, token: Token, counted: str | None) -> bool:
    """'400m', '1000m': race names more often than distances."""
    return re.fullmatch(r"\d+(?:m|km)", text) is not None


def _bare_label(text: str, value: float, token: Token, counted: str | None) -> bool:
    """'the new 777', "Boeing's 777 line", '2200 GMT': a bare number counting nothing is a label."""
    return _hedge(text) is None and (counted is None or (
        value != 1 and token.head.tag_ not in {"NNS", "NNPS"} and not text[-1:].isalpha()))


# Counts that are not facts, tried in order: each names one reason.
_NOT_A_COUNT = (_small_bare_count, _names_an_event, _race_name, _bare_label)


def _entity_fact(ent: Span, text: str, sentence: int) -> NumberFact | None:
    """A count, amount, percentage or fraction the tagger found; None for a vague or label-like number."""
    value = parse_value(text)
    if value is None:
        return None  # "dozens", "thousands": too vague to ask about
    kind = _kind(ent.label_, text)
    token = _number_token(ent)
    counted = _counted(token) if kind in {"count", "percent"} else None
    if kind != "count":
        return _fact(text, kind, sentence, value, counted)
    if any(rule(text, value, token, counted) for rule in _NOT_A_COUNT):
        return None
    return _fact(text, kind, sentence, value, counted, how_many_question(token, counted, _hedge(text)))


def _capitalised(token: Token) -> bool:
    """A capitalised word inside its sentence (a sentence's first word is capitalised whatever it is)."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_sent_start


def _named_before(ent: Span) -> bool:
    """'Channel 4', 'Apollo 11 crew', 'Windows 95': the figure hangs on the proper noun before it (not 'gave Kerry
    48%', where it hangs on its own unit, nor 'beat Arsenal 2-1', a score)."""
    if ent.start == 0 or ent.text[:1] in "$£€¥" or "-" in ent.text or "–" in ent.text:
        return False
    before = ent.doc[ent.start - 1]
    if not (_capitalised(before) and before.pos_ == "PROPN" and before.lower_ not in _NOT_NAME_OPENERS):
        return False
    head = _number_token(ent).head
    return head == before or (head.i >= ent.end and head.tag_ == "NN")


def _named_after(ent: Span) -> bool:
    """'the 100% Homegrown show', 'Radio 5 Live': a capitalised word that is no plural noun follows the figure, and
    the figure counts nothing plural ('5 Labour MPs' counts MPs) and is no date."""
    if ent.end >= len(ent.doc) or ent.label_ == "DATE":
        return False  # a date before a name dates it: "the 1994 Rwandan genocide", "the 2005 Budget"
    after = ent.doc[ent.end]
    token = _number_token(ent)
    counts = token.head.head if token.head.text == "%" else token.head
    return (_capitalised(after) and after.tag_ not in {"NNS", "NNPS"} and after.lower_ not in _NOT_NAME_OPENERS
            and counts.tag_ not in {"NNS", "NNPS"})


def _capitalised_number_word(ent: Span) -> bool:
    """'Formula One', 'Channel Five': a number word capitalised inside its sentence is part of a name."""
    return _capitalised(ent[0]) and ent[0].lower_ in _WORDS


def part_of_a_name(ent: Span) -> bool:
    """The figure belongs to a name or a title ('Channel 4', 'Apollo 11', '100% Homegrown', 'Formula One'): not a
    number fact."""
    return _capitalised_number_word(ent) or _named_before(ent) or _named_after(ent)


def _entity_numbers(paragraphs: list[_Paragraph], parsed: ParsedArticle) -> Iterator[NumberFact]:
    """Number entities outside quotations: years and durations from dates, the rest by kind."""
    for paragraph in paragraphs:
        for ent in paragraph.doc.ents:
            if ent.label_ not in _NUMBER_LABELS or paragraph.in_quote(ent.start_char):
                continue
            ent = _with_currency(ent)
            if part_of_a_name(ent):
                continue
            text = ent.text.strip()
            sentence = parsed.sentence_of(paragraph.index, ent.start_char)
            fact = _date_fact(text, sentence) if ent.label_ == "DATE" else _entity_fact(ent, text, sentence)
            if fact is not None:
                yield fact


# --- scanner 2: plain counts the tagger left untagged ------------------------------------------------------------

def _untagged_counts(paragraphs: list[_Paragraph], parsed: ParsedArticle) -> Iterator[NumberFact]:
    """'a village with about 900 residents': digits counting a plural noun, with the hedge before them."""
    for paragraph in paragraphs:
        doc = paragraph.doc
        for token in doc:
            if (token.ent_type_ or not token.like_num or not any(c.isdigit() for c in token.text)
                    or token.dep_ != "nummod" or token.head.tag_ not in {"NNS", "NNPS"}
                    or paragraph.in_quote(token.idx)):
                continue
            start = token.i
            while start > 0 and doc[start - 1].dep_ in {"advmod", "quantmod"} and doc[start - 1].head == token:
                start -= 1
            phrase = doc[start:token.i + 1].text
            value = parse_value(phrase)
            if value is not None and value >= 3:
                yield _fact(phrase, "count", parsed.sentence_of(paragraph.index, token.idx), value, _counted(token),
                            how_many_question(token, _counted(token), _hedge(phrase)))


# --- scanner 3: fractions in words -------------------------------------------------------------------------------

_OF_WHAT = re.compile(r"\s+of\s+((?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)(?=[,.;]|\s+(?:are|is|were|was|"
                      r"have|has|had|who|that|which|in|at|on|for)\b)")


def _fraction_phrases(paragraphs: list[_Paragraph], parsed: ParsedArticle) -> Iterator[NumberFact]:
    """'nearly a third of the staff': the fraction and what it is a fraction of."""
    for paragraph in paragraphs:
        for m in _FRACTION_RE.finditer(paragraph.text):
            if paragraph.in_quote(m.start()):
                continue
            phrase = m.group(1)
            of_what = _OF_WHAT.match(paragraph.text[m.end():m.end() + 60])
            yield _fact(phrase, "fraction", parsed.sentence_of(paragraph.index, m.start()), parse_value(phrase),
                        of_what.group(1) if of_what else None)


# --- scanner 4: multiples ----------------------------------------------------------------------------------------

def _not_a_verb(verb: Token) -> bool:
    """'a doubled dose', 'the halved budget': a multiple as an adjective changes nothing the sentence reports."""
    return verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "amod"


def _a_phrasal_sense(verb: Token) -> bool:
    """'doubled as a clinic', 'doubled down', 'doubled back': another sense of the verb, not a multiple."""
    particles = _NUMBERS["multiple_not_figure_particles"]
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return following is not None and following.lower_ in particles and following.head == verb


def _multiplies_a_score(verb: Token) -> bool:
    """'Kane doubled the lead': a second goal in a match, which 'tripled' or 'quadrupled' could not be."""
    objects = _NUMBERS["multiple_not_figure_objects"]
    return any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in verb.children)


# Uses of a multiple verb that are no figure, tried in order: each names one reason.
_NOT_A_MULTIPLE = (_not_a_verb, _a_phrasal_sense, _multiplies_a_score)


def _multiple_verbs(paragraphs: list[_Paragraph], parsed: ParsedArticle) -> Iterator[NumberFact]:
    """'Fares have doubled': the multiple, with the subject as what it multiplies."""
    for paragraph in paragraphs:
        for m in _MULTIPLE_RE.finditer(paragraph.text):
            if paragraph.in_quote(m.start()):
                continue
            span = paragraph.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and any(rule(span.root) for rule in _NOT_A_MULTIPLE):
                continue
            subject = _subject_text(span) if span is not None else None
            yield _fact(m.group(1), "multiple", parsed.sentence_of(paragraph.index, m.start()),
                        _MULTIPLES[m.group(1).lower()], subject)


# Every scanner, in order of precedence, and whether its reading replaces an earlier one of the same words in the
# same sentence. spaCy often tags "a third" as a plain cardinal: the fraction scanner's reading (a fraction, of
# what) is the right one, so it wins; otherwise the first reading stands.
_SCANNERS: tuple[tuple[Callable[[list[_Paragraph], ParsedArticle], Iterator[NumberFact]], bool], ...] = (
    (_entity_numbers, False),
    (_untagged_counts, False),
    (_fraction_phrases, True),
    (_multiple_verbs, False),
)


def extract_numbers(parsed: ParsedArticle) -> list[NumberFact]:
    """Every number fact of the article outside quotations, one per sentence and wording, in sentence order."""
    paragraphs = [_Paragraph(index, doc, doc_text(doc), quote_spans(doc_text(doc)))
                  for index, doc in enumerate(parsed.docs)]
    chosen: dict[tuple[int, str], NumberFact] = {}
    for scanner, replaces in _SCANNERS:
        for fact in scanner(paragraphs, parsed):
            key = (fact.sentence, fact.text.lower())
            if replaces or key not in chosen:
                chosen[key] = fact
    return sorted(chosen.values(), key=lambda n: (n.sentence, n.text))


def _with_currency(ent: Span) -> Span:
    """'$186m' is tagged as '186': take in the currency sign before it and the scale after it."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].text in {"$", "£", "€", "¥"} and not doc[start - 1].whitespace_:
        start -= 1
    if end < len(doc) and doc[end].lower_ in _ABBREVIATED_SCALES and not doc[end - 1].whitespace_:
        end += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label="MONEY" if doc[start].text in {"$", "£", "€", "¥"} else ent.label_)


def _number_token(ent: Span) -> Token:
    digits = [t for t in ent if t.like_num]
    return digits[-1] if digits else ent.root


def _subject_text(span: Span) -> str | None:
    verb = span.root
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    tokens = list(subj.subtree)
    return span.doc[tokens[0].i:tokens[-1].i + 1].text

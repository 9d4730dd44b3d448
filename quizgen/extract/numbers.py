"""Numbers: counts, money, percentages, fractions, multiples and years, with what they count and their hedge."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from quizgen.extract.parsed import ParsedArticle, doc_text, quote_spans
from quizgen.model import NumberFact
from quizgen.textutil import stable_id

HEDGES = ("more than", "less than", "fewer than", "at least", "up to", "just over", "just under", "almost",
          "nearly", "about", "around", "roughly", "approximately", "some", "over", "under", "only")
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "bn": 1e9, "billion": 1e9, "trillion": 1e12, "k": 1e3}
_FRACTIONS = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
              "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75,
              "three-quarters": 0.75, "a fifth": 0.2, "one in five": 0.2, "one in three": 1 / 3, "one in four": 0.25,
              "a tenth": 0.1}
_MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_FRACTION_RE = re.compile(
    r"\b((?:(?:" + "|".join(h.replace(" ", r"\s") for h in HEDGES) + r")\s+)?(?:"
    + "|".join(sorted((re.escape(f) for f in _FRACTIONS), key=len, reverse=True)) + r"))\b(?=\s+(?:of|the)\b)",
    re.I,
)
_MULTIPLE_RE = re.compile(r"\b(" + "|".join(_MULTIPLES) + r")\b", re.I)


def parse_value(text: str) -> float | None:
    """'about 15,000' → 15000.0; '£3.5bn' → 3.5e9; 'five' → 5.0; 'nearly a third' → 0.333…"""
    lowered = text.lower().replace(",", "")
    for hedge in HEDGES:
        lowered = re.sub(rf"^{hedge}\s+", "", lowered)
    for phrase, value in _FRACTIONS.items():
        if lowered.startswith(phrase):
            return value
    m = re.search(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|m|k)?\b", lowered)
    if m:
        return float(m.group(1)) * _SCALES.get(m.group(2) or "", 1.0)
    words = re.findall(r"[a-z]+", lowered)
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word in _WORDS:
            seen = True
            value = _WORDS[word]
            if value == 100:
                current = max(current, 1) * 100
            else:
                current += value
        elif word in _SCALES and seen:
            total += max(current, 1) * _SCALES[word]
            current = 0
        elif word in {"and", "a"}:
            continue
        elif seen:
            break
    return total + current if seen else None


def _hedge(text: str) -> str | None:
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


_HOW_MANY_AUX = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def how_many_question(number: Token, counted: str | None, hedge: str | None) -> str | None:
    """'Pyongyang has sent about 15,000 soldiers to …' → 'About how many soldiers has Pyongyang sent to …?'

    Only for the plainest shape: the number counts the direct object of a verb that has a named or noun subject.
    """
    if counted is None:
        return None
    noun = number.head
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or subj.i > verb.i:
        return None
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    negs = [c for c in verb.children if c.dep_ == "neg"]
    subj_tokens = list(subj.subtree)
    if any(t.text in {"“", "”", '"'} for t in verb.subtree):
        return None
    if auxes:
        front = auxes[0].text.lower()
        middle = [t.text for t in auxes[1:]] + [t.text for t in negs]
        verb_form = verb.text
    else:
        front = _HOW_MANY_AUX.get(verb.tag_)
        if front is None:
            return None
        middle = [t.text for t in negs]
        verb_form = verb.lemma_
    # Words between subject and verb that are adverbs ("recently") stay with the verb.
    adverbs = [t.text for t in verb.lefts if t.dep_ == "advmod" and t.i > subj_tokens[-1].i]
    noun_span = set(t.i for t in noun.subtree)
    rest = [t for t in verb.rights if t.i not in noun_span and t.dep_ not in {"punct", "cc", "conj"}]
    tail_tokens: list[Token] = []
    for child in rest:
        tail_tokens.extend(child.subtree)
    tail = " ".join(t.text_with_ws.strip() for t in sorted(tail_tokens, key=lambda t: t.i)) if tail_tokens else ""
    tail = re.sub(r"\s+([,.’'])", r"\1", tail).replace("’ s", "’s").replace(" ’s", "’s").replace(" 's", "'s")
    subject_text = number.doc[subj_tokens[0].i:subj_tokens[-1].i + 1].text
    if subject_text.split()[0] in {"The", "A", "An"}:
        subject_text = subject_text[0].lower() + subject_text[1:]
    words = ["how many", counted, front, subject_text, *adverbs, *middle, verb_form, tail]
    question = " ".join(w for w in words if w).strip(" ,")
    question = ("about " + question) if hedge in {"about", "around", "roughly", "approximately", "some"} else question
    return question[0].upper() + question[1:] + "?"


def extract_numbers(parsed: ParsedArticle) -> list[NumberFact]:
    found: list[NumberFact] = []
    seen: set[tuple[int, str]] = set()

    def add(text: str, kind: str, sentence: int, value: float | None, counts: str | None = None,
            question: str | None = None) -> None:
        key = (sentence, text.lower())
        if key in seen:
            return
        seen.add(key)
        found.append(NumberFact(id=f"n-{stable_id(sentence, text, length=8)}", text=text, kind=kind,
                                sentence=sentence, value=value, counts=counts, hedge=_hedge(text),
                                question=question))

    for p_index, doc in enumerate(parsed.docs):
        quoted = quote_spans(doc_text(doc))
        for ent in doc.ents:
            if ent.label_ not in {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE"}:
                continue
            if any(s <= ent.start_char < e for s, e, _ in quoted):
                continue  # numbers inside quotations are someone's words, not the article's facts
            ent = _with_currency(ent)
            text = ent.text.strip()
            sentence = parsed.sentence_of(p_index, ent.start_char)
            if ent.label_ == "DATE":
                m = re.fullmatch(r"(?:in |early |late |mid-)?((?:19|20)\d\d)", text)
                if m:
                    add(text, "year", sentence, float(m.group(1)))
                    continue
                # "six years", "more than 22 years": a duration, with the unit as what it counts.
                m = re.fullmatch(r"(?:(?:the |a |its )?(?:last|past|next|first) )?(.+?)\s+(years|months|weeks|days)",
                                 text, re.I)
                value = parse_value(m.group(1)) if m else None
                if m and value is not None and value >= 2 and not re.search(r"\b(?:or|to)\b|-", m.group(1)):
                    add(f"{m.group(1)} {m.group(2)}", "duration", sentence, value, m.group(2).lower())
                continue
            value = parse_value(text)
            if value is None:
                continue  # "dozens", "thousands": too vague to ask about
            kind = _kind(ent.label_, text)
            number_token = _number_token(ent)
            counted = _counted(number_token) if kind in {"count", "percent"} else None
            # "one video", "the two countries": small bare counts are wording, not facts worth testing.
            if kind == "count" and value < 3 and _hedge(text) is None and value == int(value):
                continue
            unit = number_token.head if number_token.head.i > number_token.i else None
            if kind == "count" and unit is not None and unit.dep_ in {"compound", "amod", "nmod"} and (
                    unit.head.pos_ == "NOUN" and unit.head.i > unit.i):
                continue  # "the 800 metres favourites", "a 400m runner": the number names an event
            if kind == "count" and re.fullmatch(r"\d+(?:m|km)", text):
                continue  # "400m", "1000m": race names more often than distances
            if kind == "count" and _hedge(text) is None and (counted is None or (
                    value != 1 and number_token.head.tag_ not in {"NNS", "NNPS"} and not text[-1:].isalpha())):
                continue  # "the new 777", "Boeing's 777 line", "2200 GMT": a bare number counting nothing is a label
            question = how_many_question(number_token, counted, _hedge(text)) if kind == "count" else None
            add(text, kind, sentence, value, counted, question)
        for token in doc:
            # A plain count the tagger left untagged: "a village with about 900 residents".
            if (token.ent_type_ or not token.like_num or not any(c.isdigit() for c in token.text)
                    or token.dep_ != "nummod" or token.head.tag_ not in {"NNS", "NNPS"}
                    or any(s <= token.idx < e for s, e, _ in quoted)):
                continue
            start = token.i
            while start > 0 and doc[start - 1].dep_ in {"advmod", "quantmod"} and doc[start - 1].head == token:
                start -= 1
            phrase = doc[start:token.i + 1].text
            value = parse_value(phrase)
            if value is not None and value >= 3:
                add(phrase, "count", parsed.sentence_of(p_index, token.idx), value, _counted(token),
                    how_many_question(token, _counted(token), _hedge(phrase)))
        text = doc_text(doc)
        for m in _FRACTION_RE.finditer(text):
            if any(s <= m.start() < e for s, e, _ in quoted):
                continue
            phrase = m.group(1)
            sentence = parsed.sentence_of(p_index, m.start())
            # Drop a CARDINAL entity that spaCy made of the same words.
            found[:] = [n for n in found if not (n.sentence == sentence and n.text.lower() == phrase.lower())]
            seen.discard((sentence, phrase.lower()))
            after = text[m.end():m.end() + 60]
            of_what = re.match(r"\s+of\s+((?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)(?=[,.;]|\s+(?:are|is|were|was|"
                               r"have|has|had|who|that|which|in|at|on|for)\b)", after)
            add(phrase, "fraction", sentence, parse_value(phrase), of_what.group(1) if of_what else None)
        for m in _MULTIPLE_RE.finditer(text):
            if any(s <= m.start() < e for s, e, _ in quoted):
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            subject = _subject_text(span) if span is not None else None
            sentence = parsed.sentence_of(p_index, m.start())
            add(m.group(1), "multiple", sentence, _MULTIPLES[m.group(1).lower()], subject)
    found.sort(key=lambda n: (n.sentence, n.text))
    return found


def _with_currency(ent: Span) -> Span:
    """'$186m' is tagged as '186': take in the currency sign before it and the scale after it."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].text in {"$", "£", "€", "¥"} and not doc[start - 1].whitespace_:
        start -= 1
    if end < len(doc) and doc[end].lower_ in {"m", "bn", "k", "tn"} and not doc[end - 1].whitespace_:
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

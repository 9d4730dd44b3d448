"""Glosses: terms the article translates or spells out."""

from __future__ import annotations

import re

from quizgen.extract.parsed import ParsedArticle
from quizgen.model import Gloss
from quizgen.textutil import stable_id

_Q_OPEN = "[“\"]"
_Q_CLOSE = "[”\"]"
# “Vesti Nedeli,” or “News of the Week”
_QUOTED_OR_QUOTED = re.compile(
    rf"{_Q_OPEN}([^“”\"]{{1,60}}?)[,.]?{_Q_CLOSE},? or {_Q_OPEN}([^“”\"]{{1,60}}?)[,.]?{_Q_CLOSE}"
)
# “spasibo,” or thank you in Russian
_QUOTED_OR_IN_LANGUAGE = re.compile(
    rf"{_Q_OPEN}([^“”\"]{{1,40}}?)[,.]?{_Q_CLOSE},? or ([^,.;“”\"]{{1,40}}?) in ([A-Z][a-z]+)\b"
)
# Term, meaning X  /  term, which means X
_MEANING = re.compile(r"([“\"]?[\w’'-]+(?: [\w’'-]+){0,3},?[”\"]?),? (?:meaning|which means|which translates as) "
                      r"[“\"]?([^,.;”\"]{1,50})")
# bed nets, known locally as mosquiteiros  /  the festival, known in Welsh as the Eisteddfod
_KNOWN_AS = re.compile(r"\b((?:the |a |an )?[a-z][\w’'-]*(?: [a-z][\w’'-]*){0,3}), (?:known|called)"
                       r"(?: locally| here| in [A-Z][a-z]+)? as [“\"]?([\w’'-]+(?: [\w’'-]+){0,2}?)[,.”\"]")
# the Senedd (the Welsh parliament)  /  “Darllen” (“Read”): a name or quoted word, then what it means in brackets
_TERM_PAREN = re.compile(r"(?:[“\"]([^“”\"]{1,40}?)[,.]?[”\"]|\b((?:[A-Z][\w’'-]+)(?: [A-Z][\w’'-]+){0,3}))"
                         r" \([“\"]?([A-Za-z][A-Za-z’' -]{1,50}?)[”\"]?\)")
_NOT_MEANINGS = {"pictured", "left", "right", "above", "below", "centre", "center", "file photo", "top", "bottom",
                 "retired", "deceased", "front", "back"}
# Long Name (ACRONYM) or ACRONYM (Long Name)
_PAREN = re.compile(r"((?:[A-Z][\w’'&-]*\s+)(?:(?:of|the|for|and|on|in|&)\s+|[A-Z][\w’'&-]*\s+){0,8}[A-Z][\w’'&-]*)"
                    r" \(([A-Z][A-Za-z&.]{1,9})\)")


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w’'-]*", phrase) if w[0].isupper())


def extract_glosses(parsed: ParsedArticle) -> list[Gloss]:
    """Terms the article translates or spells out, each term once: '“spasibo,” or thank you in Russian',
    'bed nets, known locally as mosquiteiros', 'World Health Organization (WHO)'."""
    found: list[Gloss] = []
    seen: set[str] = set()

    def add(term: str, meaning: str, paragraph: int, char: int) -> None:
        term, meaning = term.strip(" ,.“”\""), meaning.strip(" ,.“”\"")
        if not term or not meaning or term.lower() == meaning.lower() or term.lower() in seen:
            return
        seen.add(term.lower())
        sentence = parsed.sentence_of(paragraph, char)
        found.append(Gloss(id=f"g-{stable_id(term, meaning, length=8)}", term=term, meaning=meaning,
                           sentence=sentence))

    for p_index, text in enumerate(parsed.article.paragraphs):
        for m in _QUOTED_OR_QUOTED.finditer(text):
            add(m.group(1), m.group(2), p_index, m.start())
        for m in _QUOTED_OR_IN_LANGUAGE.finditer(text):
            add(m.group(1), f"{m.group(2)} (in {m.group(3)})", p_index, m.start())
        for m in _MEANING.finditer(text):
            add(m.group(1), m.group(2), p_index, m.start())
        for m in _KNOWN_AS.finditer(text):
            # The meaning is the noun phrase before ", known as": "hand out bed nets" → "bed nets".
            chunk = next((c for c in parsed.docs[p_index].noun_chunks if c.end_char == m.end(1)), None)
            if chunk is not None:
                meaning = re.sub(r"^(?:the|a|an) ", "", chunk.text, flags=re.I)
                add(m.group(2), meaning, p_index, chunk.start_char)
        for m in _TERM_PAREN.finditer(text):
            meaning = m.group(3).strip()
            # A meaning reads as words ("the Welsh parliament"), not a name or an acronym ("WHO", "Labour").
            if (meaning.lower() not in _NOT_MEANINGS and len(meaning.split()) <= 6
                    and any(w[0].islower() for w in meaning.split())):
                add(m.group(1) or m.group(2), re.sub(r"^(?:the|a|an) ", "", meaning), p_index, m.start())
        for m in _PAREN.finditer(text):
            long_form, short = m.group(1), m.group(2)
            if _initials(long_form).endswith(short.replace(".", "")):
                # Keep only the words the acronym spells: "the head of the World Health Organization (WHO)".
                words = long_form.split()
                while words and _initials(" ".join(words[1:])).endswith(short.replace(".", "")) and len(
                        _initials(" ".join(words[1:]))) >= len(short.replace(".", "")):
                    words = words[1:]
                add(short, " ".join(words), p_index, m.start())
    return found

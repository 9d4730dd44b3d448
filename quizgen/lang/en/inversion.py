"""English subject-auxiliary inversion: a statement's clause as the body of a question.

    "The council closed the library"  -> "did the council close the library"
    "The council has bought books"    -> "has the council bought books"
    "The ferry was late"              -> "was the ferry late"

Plain strings in, a string out (no spaCy here): extract/numbers.py and extract/questions.py take the words from
their parses and both ask this one helper, so both invert the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.lang.en import table

_ARTICLES = {"the", "a", "an"}


@dataclass(frozen=True)
class Clause:
    """The parts of a statement a question reorders, as the article writes them."""

    subject: str  # "The council"
    verb: str  # "closed"
    verb_lemma: str  # "close"
    verb_tag: str  # Penn tag of the verb: "VBD"
    auxiliaries: tuple[str, ...] = ()  # before the verb, in order: ("has", "been")
    adverbs: str = ""  # between subject and verb: "recently"
    negation: str = ""  # "not"
    rest: str = ""  # what follows the verb, without the phrase the question asks about


def _subject(text: str) -> str:
    """'The council' -> 'the council' (it no longer opens the sentence); names keep their capital."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first.lower() in _ARTICLES else text


def question_body(clause: Clause) -> str | None:
    """The clause with its first auxiliary (or do-support, or the verb "be") before the subject; None when the
    first auxiliary cannot be fronted."""
    inversion = table("question_inversion")
    if clause.auxiliaries:
        front = clause.auxiliaries[0].lower()
        if front not in inversion["frontable_auxiliaries"]:
            return None
        middle, verb_form = " ".join((*clause.auxiliaries[1:], clause.negation)), clause.verb
    elif clause.verb_lemma == "be":
        front, middle, verb_form = clause.verb.lower(), clause.negation, ""
    else:
        front = inversion["do_support"].get(clause.verb_tag)
        if front is None:
            return None
        middle, verb_form = clause.negation, clause.verb_lemma
    words = (front, _subject(clause.subject), clause.adverbs, middle, verb_form, clause.rest)
    return " ".join(w.strip() for w in words if w.strip())

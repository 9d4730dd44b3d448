"""What every exporter shares: export settings, blank positions, the source line, the word bank, the printed
answer, per-blank distractors, and text escaping for each target.

Blank positions come only from the cloze text (`Item.cloze`, Anki syntax) through `cloze_parts`: never from
searching the source sentence for the answer, which finds "Brown" inside "Brownlow".
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from quizgen.model import OPTION_LETTERS, ClozeBlank, Item, Quiz, cloze_parts


@dataclass(frozen=True)
class ExportSettings:
    """What some formats need besides the quiz: Anki note time and parent deck, paper size, printed versions."""

    note_time: float = 0.0
    deck: str | None = None
    paper: str = "letter"
    versions: int = 1


def output_path(folder: Path, quiz: Quiz, suffix: str) -> Path:
    """OUT/<slug>/<slug><suffix>: the one place a format's file name is made (checked to land in the folder)."""
    from quizgen.outputs import output_file

    return output_file(folder, f"{quiz.slug}{suffix}")


def skipped_summary(skipped: list[str], total: int) -> str:
    """One line: 'kept 5 of 20 items; skipped Q1, Q3 (question over 120 characters); Q9, Q10 (cloze …)'."""
    by_reason: dict[str, list[str]] = {}
    for entry in skipped:
        number, reason = entry.split(": ", 1)
        by_reason.setdefault(reason, []).append(number)
    parts = [f"{', '.join(numbers)} ({reason})" for reason, numbers in by_reason.items()]
    return f"kept {total - len(skipped)} of {total} items; skipped " + "; ".join(parts)


# --- Text every target can hold --------------------------------------------------------------------------------

# C0 and C1 controls (tab and line breaks kept, folded later by each writer), the XML non-characters, lone
# surrogates, and the bidirectional overrides that can make a deck name or a field read backwards (U+202E).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """Text with the characters no export may carry removed: a control byte makes XML ill-formed and
    spreadsheets refuse it; a direction override disguises what a student reads."""
    return _UNSAFE.sub("", text)


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, tuple):
        return tuple(_clean_value(v) for v in value)
    return value


def _joined(parts: tuple[str | ClozeBlank, ...]) -> str:
    return "".join(f"{{{{c{p.number}::{p.answer}}}}}" if isinstance(p, ClozeBlank) else p for p in parts)


def _clean_cloze(cloze: str | None) -> str | None:
    """The cloze text cleaned piece by piece, never joined into a marker of its own or a blank cut short:
    "{\x0b{c7::x}}" must not become a deletion, nor a blank "}\x1f}0" read as empty. Where dropping the controls
    would change what the blanks are, they become spaces instead."""
    if cloze is None:
        return None
    cleaned = tuple(ClozeBlank(p.number, safe_text(p.answer)) if isinstance(p, ClozeBlank) else safe_text(p)
                    for p in cloze_parts(cloze))
    joined = _joined(cleaned)
    return joined if cloze_parts(joined) == cleaned else _UNSAFE.sub(" ", cloze)


def _clean_item(item: Item) -> Item:
    cleaned = {f.name: _clean_value(getattr(item, f.name)) for f in fields(item) if f.name != "cloze"}
    return replace(item, **cleaned, cloze=_clean_cloze(item.cloze))


def clean_quiz(quiz: Quiz) -> Quiz:
    """The quiz with every text field passed through `safe_text` (items included)."""
    items = tuple(_clean_item(item) for item in quiz.items)
    texts = {f.name: _clean_value(getattr(quiz, f.name)) for f in fields(quiz) if f.name not in {"items", "dropped"}}
    return replace(quiz, **texts, items=items)


def one_line(text: str) -> str:
    """Whitespace runs, line breaks and tabs folded to single spaces, none at either end."""
    return " ".join(text.split())


def fold_spaces(text: str) -> str:
    """Whitespace runs folded to single spaces, a space at either end kept (text around a blank needs it)."""
    return re.sub(r"\s+", " ", text)


# --- Item content -----------------------------------------------------------------------------------------------

def blank_pieces(item: Item) -> tuple[str | ClozeBlank, ...]:
    """A cloze item's text as plain pieces and blanks in reading order; a cloze item without cloze text has none."""
    return cloze_parts(item.cloze or "")


def blank_answers(item: Item) -> list[str]:
    """The answers of a cloze item's blanks, in reading order, as the cloze text records them."""
    return [part.answer for part in blank_pieces(item) if isinstance(part, ClozeBlank)]


def filled_text(item: Item) -> str:
    """The cloze sentence with every blank filled in."""
    return "".join(p.answer if isinstance(p, ClozeBlank) else p for p in blank_pieces(item))


BLANK = "_____"


def blanked_text(item: Item) -> str:
    """The cloze sentence as a student sees it: each blank '_____ (n)', numbered in reading order."""
    pieces, number = [], 0
    for part in blank_pieces(item):
        if isinstance(part, ClozeBlank):
            number += 1
            pieces.append(f"{BLANK} ({number})")
        else:
            pieces.append(part)
    return "".join(pieces)


def cloze_stem(item: Item) -> str:
    """What a worksheet or card asks for a cloze item: its question when that shows the cloze text's blanks (a
    template may add words around them), else the cloze text blanked, so a cloze reworded in quiz.yaml prints as
    worded and matches its key."""
    blanked = blanked_text(item)
    return item.question if not item.cloze or blanked in item.question else blanked


def source_line(item: Item) -> str:
    """'Source (paragraph 3): <the sentence>', the feedback every format gives."""
    return f"Source (paragraph {item.paragraph}): {item.source}"


def letter(index: int) -> str:
    """A, B, … J for options and matching descriptions (the schema allows at most ten)."""
    return OPTION_LETTERS[index]


def natural_key(word: str) -> tuple[Any, ...]:
    """Alphabetical, with numbers in numeric order: 14, 86, 400, about 1,200, Kirkwall. Only ASCII digits count
    as numbers ('²' is a letter here: float('²') fails)."""
    return tuple((0, float(part.replace(",", ""))) if part[0] in "0123456789" else (1, part)
                 for part in re.findall(r"[0-9][0-9,]*(?:\.[0-9]+)?|[^0-9]+", word.lower()))


def word_bank(quiz: Quiz, items: list[Item] | None = None) -> list[str]:
    """Every blank's answer (of `items`, default all cloze items) and the extras that fill no blank, sorted."""
    chosen = [i for i in quiz.items if i.type == "cloze"] if items is None else items
    return sorted({b for item in chosen for b in blank_answers(item)} | set(quiz.bank_extras), key=natural_key)


def answer_text(item: Item) -> str:
    """The answer as a teacher reads it in a key: 'B. Kirkwall', 'True', '(1) 14; (2) Westray', 'Ann → mayor'."""
    if item.type == "mcq":
        return f"{item.answer_letter}. {item.answer}" if item.answer_letter else item.answer
    if item.type == "cloze":
        return "; ".join(f"({n}) {b}" for n, b in enumerate(blank_answers(item), start=1))
    if item.type == "matching":
        return "; ".join(f"{left} → {right}" for left, right in item.pairs)
    return item.answer


_FRACTION_WORDS = {"half", "halves", "third", "thirds", "quarter", "quarters"}


def kind_of(text: str) -> str:
    """'figure' (digits: a count, sum or year), 'fraction' ("about half"), 'name' (capitalised) or 'term': what a
    blank's wrong choices must share with it."""
    words = text.lower().split()
    if any(ch in "0123456789" for ch in text):
        return "figure"
    if words and words[-1] in _FRACTION_WORDS:
        return "fraction"
    return "name" if text[:1].isupper() else "term"


def _magnitude(text: str) -> float:
    digits = re.search(r"[0-9][0-9,]*(?:\.[0-9]+)?", text)
    return math.log10(float(digits.group(0).replace(",", "")) + 1) if digits else 0.0


def blank_choices(item: Item, answer: str, bank: list[str], count: int = 3) -> list[str]:
    """Up to `count` wrong choices for one blank: bank words of the same kind that fill no blank of this item;
    figures nearest in size first, names and terms in bank order. Never a name among numbers."""
    own = set(blank_answers(item))
    kind = kind_of(answer)
    same = [w for w in bank if w not in own and kind_of(w) == kind]
    if kind == "figure":
        size = _magnitude(answer)
        same.sort(key=lambda w: (abs(_magnitude(w) - size), natural_key(w)))
    return sorted(same[:count], key=natural_key)


# --- Escaping, one function per target ------------------------------------------------------------------------

def escape_html(text: str | None) -> str:
    """Text shown as HTML (Anki fields, Moodle and Canvas question text): markup prints as typed."""
    return html.escape(text or "", quote=True)


_GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")


def escape_gift(text: str) -> str:
    """GIFT's own special characters `~ = # { } :` and the backslash, backslashed; one line."""
    return _GIFT_SPECIAL.sub(r"\\\1", fold_spaces(text))


def escape_gift_html(text: str) -> str:
    """Text in a GIFT question marked `[html]`: HTML-escaped for Moodle, then GIFT-escaped. A leading `%` is
    written `&#37;` so that `%50%` is never read as a partial-credit weight."""
    escaped = html.escape(fold_spaces(text), quote=False)
    if escaped.startswith("%"):
        escaped = "&#37;" + escaped[1:]
    return escape_gift(escaped)


def escape_gift_short_answer(text: str) -> str:
    """A short-answer answer (plain text in Moodle, matched against what students type): GIFT-escaped, and `*`
    backslashed, which Moodle's short-answer matching otherwise reads as a wildcard."""
    return escape_gift(text).replace("*", "\\*")


# In an embedded answer `{1:MULTICHOICE:=right~wrong#feedback}` these characters have meanings; Moodle decodes
# numeric character references in question text, and its answer pattern does not end an answer at "&#".
_EMBEDDED_SPECIAL = re.compile(r'[\\}#~/"{=%]')


def escape_moodle_embedded(text: str) -> str:
    """An answer inside Moodle's embedded-answers (cloze) syntax: HTML-escaped, then every character with a
    meaning there written as a numeric character reference (no visible backslashes)."""
    return _EMBEDDED_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", html.escape(one_line(text), quote=False))


def escape_reportlab(text: str | None) -> str:
    """Text → reportlab paragraph markup: <img>, <font>, <a> and entities print as typed."""
    return xml_escape(text or "", {'"': "&quot;"})


def escape_anki_cloze(text: str) -> str:
    """Text inside or around an Anki cloze deletion: HTML-escaped, with braces and colons as character references
    (Anki fields are HTML, so they show as typed), so the text can never open, close or hint a deletion of its own,
    and a blank ending in "}" does not end its deletion early."""
    return escape_html(text).replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")

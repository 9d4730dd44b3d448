"""Anki deck (.apkg) with genanki: fixed note types, stable GUIDs, every field HTML-escaped, cloze deletions
taken from the item's cloze text with what is inside and around them escaped, and the notes' time rules."""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import genanki

from quizgen.errors import OverwriteRefusedError
from quizgen.exporters.archive import fixed_time_zip
from quizgen.exporters.common import (
    ExportSettings,
    blank_pieces,
    clean_quiz,
    escape_anki_cloze,
    escape_html,
    output_path,
    safe_text,
)
from quizgen.model import ClozeBlank, Item, Quiz
from quizgen.outputs import write_atomic

if TYPE_CHECKING:
    from quizgen.templates import Template

SUFFIX = ".apkg"

# Note type ids are fixed forever: changing one makes every student's deck duplicate on re-import.
MCQ_MODEL_ID = 1607392319
CLOZE_MODEL_ID = 1607392320
BASIC_MODEL_ID = 1607392321

CSS = """\
.card { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 20px;
  line-height: 1.45; color: #1d1d1f; background: #fff; text-align: left; max-width: 40em; margin: 0 auto;
  padding: 0 0.6em; }
.question { font-weight: 600; margin-bottom: 0.8em; }
ol.options { list-style: upper-alpha; padding-left: 1.6em; }
ol.options li { margin: 0.35em 0; padding: 0.15em 0.3em; border-radius: 4px; }
ol.options li.correct { background: #d9f2dc; font-weight: 600; }
.answer { font-weight: 600; margin: 0.6em 0; }
.explanation { margin: 0.6em 0; }
.source { font-size: 0.8em; color: #555; border-left: 3px solid #bbb; padding-left: 0.6em; margin-top: 1em; }
.cloze { font-weight: 700; color: #0a58ca; }
.nightMode .card, .night_mode .card, .card.nightMode { color: #e8e8e8; background: #1e1e1e; }
.nightMode ol.options li.correct, .night_mode ol.options li.correct { background: #1f4d2a; }
.nightMode .source, .night_mode .source { color: #aaa; border-color: #666; }
.nightMode .cloze, .night_mode .cloze { color: #7fb4ff; }
"""

_SOURCE = '<div class="source">{{Source}}{{#Article}}<br><i>{{Article}}</i>{{/Article}}</div>'

MCQ_MODEL = genanki.Model(
    MCQ_MODEL_ID,
    "quizgen Multiple Choice",
    fields=[{"name": n} for n in ("Question", "Options", "OptionsMarked", "Answer", "Explanation", "Source",
                                   "Article")],
    templates=[{
        "name": "Question",
        "qfmt": '<div class="question">{{Question}}</div>{{Options}}',
        "afmt": '<div class="question">{{Question}}</div>{{OptionsMarked}}<hr id="answer">'
                '<div class="answer">{{Answer}}</div>'
                '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}' + _SOURCE,
    }],
    css=CSS,
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "quizgen Cloze",
    fields=[{"name": n} for n in ("Text", "Extra", "Source", "Article")],
    templates=[{
        "name": "Cloze",
        "qfmt": "{{cloze:Text}}",
        "afmt": "{{cloze:Text}}{{#Extra}}<div class=\"explanation\">{{Extra}}</div>{{/Extra}}" + _SOURCE,
    }],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "quizgen Basic",
    fields=[{"name": n} for n in ("Front", "Back", "Source", "Article", "Reverse")],
    templates=[
        {"name": "Forward", "qfmt": '<div class="question">{{Front}}</div>',
         "afmt": '<div class="question">{{Front}}</div><hr id="answer"><div class="answer">{{Back}}</div>' + _SOURCE},
        {"name": "Reverse", "qfmt": '{{#Reverse}}<div class="question">{{Back}}</div>{{/Reverse}}',
         "afmt": '<div class="question">{{Back}}</div><hr id="answer"><div class="answer">{{Front}}</div>' + _SOURCE},
    ],
    css=CSS,
)


def deck_id(name: str) -> int:
    """A fixed id from the full deck name, so re-imports land in the same deck."""
    return (1 << 30) + int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) % (1 << 30)


def deck_name(title: str, parent: str | None = None) -> str:
    """'Parent::Title'. A title's own "::" would make nested decks of the attacker's choosing: it becomes ":"."""
    own = re.sub(r":{2,}", ":", " ".join(safe_text(title).split())) or "quizgen"
    if parent:  # --deck may nest on purpose ("Course::Unit"), but no part may carry a control or an override
        parts = [" ".join(safe_text(part).split()) for part in parent.split("::")]
        parent = "::".join(part for part in parts if part)
    return f"{parent}::{own}" if parent else own


def _tag(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_:" else "_" for ch in text.lower()).strip("_") or "x"


def _options_html(item: Item, mark: bool) -> str:
    rows = []
    for option in item.options:
        css = ' class="correct"' if mark and option == item.answer else ""
        rows.append(f"<li{css}>{escape_html(option)}</li>")
    return f'<ol class="options">{"".join(rows)}</ol>'


def cloze_field(item: Item) -> str:
    """The Text field of a cloze note: Anki's {{cN::…}} markers where the item's cloze text has them, and every
    piece of article text, inside a deletion or around it, escaped so it can make no card or markup of its own."""
    return "".join(f"{{{{c{part.number}::{escape_anki_cloze(part.answer)}}}}}" if isinstance(part, ClozeBlank)
                   else escape_anki_cloze(part) for part in blank_pieces(item))


def _choice_notes(item: Item, quiz: Quiz, tags: list[str]) -> list[genanki.Note]:
    question = item.question if item.type == "mcq" else f"True or false? {item.question}"
    letter = item.answer_letter
    fields = [escape_html(question), _options_html(item, False), _options_html(item, True),
              escape_html(f"{letter}. {item.answer}" if letter else item.answer), escape_html(item.explanation),
              escape_html(item.source), escape_html(quiz.title)]
    return [genanki.Note(model=MCQ_MODEL, fields=fields, tags=tags, guid=_guid(quiz, item))]


def _cloze_notes(item: Item, quiz: Quiz, tags: list[str]) -> list[genanki.Note]:
    fields = [cloze_field(item), "", escape_html(f"Paragraph {item.paragraph}"), escape_html(quiz.title)]
    return [genanki.Note(model=CLOZE_MODEL, fields=fields, tags=tags, guid=_guid(quiz, item))]


def _short_answer_notes(item: Item, quiz: Quiz, tags: list[str]) -> list[genanki.Note]:
    accepted = [a for a in item.accepted if a != item.answer]
    back = escape_html(item.answer) + (
        f"<br><small>Also accepted: {escape_html(', '.join(accepted))}</small>" if accepted else "")
    fields = [escape_html(item.question), back, escape_html(item.source), escape_html(quiz.title), ""]
    return [genanki.Note(model=BASIC_MODEL, fields=fields, tags=tags, guid=_guid(quiz, item))]


def _matching_notes(item: Item, quiz: Quiz, tags: list[str]) -> list[genanki.Note]:
    """A person ↔ role note per pair, each making a card each way."""
    return [genanki.Note(model=BASIC_MODEL, tags=tags, guid=_guid(quiz, item, left),
                         fields=[escape_html(left), escape_html(right), escape_html(item.source),
                                 escape_html(quiz.title), "y"])
            for left, right in item.pairs]


def _guid(quiz: Quiz, item: Item, *more: str) -> str:
    # From the article, template and fact, never the wording: an edited item updates its note in Anki.
    return genanki.guid_for(quiz.article_id, item.template, item.fact, *more)


# One function per item type: the notes it becomes.
NOTES: dict[str, Callable[[Item, Quiz, list[str]], list[genanki.Note]]] = {
    "mcq": _choice_notes, "true_false": _choice_notes, "cloze": _cloze_notes,
    "short_answer": _short_answer_notes, "matching": _matching_notes}


def notes_for(item: Item, quiz: Quiz) -> list[genanki.Note]:
    """The notes one item becomes: matching items become a person ↔ role note per pair."""
    tags = ["quizgen", _tag(quiz.slug), _tag(item.type), *(_tag(t) for t in item.entity_types)]
    return NOTES[item.type](item, quiz, tags)


def build_deck(quiz: Quiz, parent: str | None = None) -> genanki.Deck:
    """One deck for one quiz, under `parent` when given."""
    quiz = clean_quiz(quiz)
    name = deck_name(quiz.title, parent)
    deck = genanki.Deck(deck_id(name), name)
    for item in quiz.items:
        for note in notes_for(item, quiz):
            deck.add_note(note)
    return deck


def write_package(decks: list[genanki.Deck], path: Path, timestamp: float) -> None:
    """Write the .apkg byte-for-byte reproducibly (fixed zip times, fixed note times), atomically."""
    package = genanki.Package(decks)
    fd, db_path = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        conn = sqlite3.connect(db_path)
        try:
            # A scratch database zipped straight after: no journal file and no fsync per statement (27 ms -> 5 ms).
            # The package is made durable once, by write_atomic.
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA journal_mode=MEMORY")
            package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        write_atomic(path, fixed_time_zip((("collection.anki2", Path(db_path).read_bytes()), ("media", b"{}"))))
    finally:
        Path(db_path).unlink(missing_ok=True)


def export_anki(quizzes: list[Quiz], path: Path, timestamp: float, parent: str | None = None) -> int:
    """One subdeck per article in one package; returns the number of notes written."""
    decks = [build_deck(q, parent) for q in quizzes]
    write_package(decks, path, timestamp)
    return sum(len(d.notes) for d in decks)


def write(quiz: Quiz, folder: Path, settings: ExportSettings) -> list[str]:
    """Write `<slug>.apkg`; every item type has a note type, so there is nothing to report."""
    export_anki([quiz], output_path(folder, quiz, SUFFIX), settings.note_time, settings.deck)
    return []


# --- A package of several articles (--anki-package) -------------------------------------------------------------

_MODEL_IDS = {MCQ_MODEL_ID, CLOZE_MODEL_ID, BASIC_MODEL_ID}
_MAX_COLLECTION = 256 * 1024 * 1024  # read no more of a stranger's file than this to recognise it


def is_quizgen_package(path: Path) -> bool:
    """Is `path` an .apkg quizgen wrote (a zip whose collection uses quizgen's note types)? Never raises, and never
    opens anything but a regular file (a FIFO would block, /dev/zero never ends)."""
    try:
        if not path.is_file():
            return False
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("collection.anki2")
            if info.file_size > _MAX_COLLECTION:
                return False
            data = archive.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    fd, db_path = tempfile.mkstemp(suffix=".anki2")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        finally:
            conn.close()
        return bool({int(k) for k in models} & _MODEL_IDS)
    except (sqlite3.Error, TypeError, ValueError, OSError):
        return False
    finally:
        Path(db_path).unlink(missing_ok=True)


def write_anki_package(quizzes: Sequence[Quiz], path: Path, timestamp: float, parent: str | None = None,
                       force: bool = False) -> int:
    """Every article's deck in one .apkg at `path`; returns the number of notes. An existing file that is not a
    package quizgen wrote (an article, an edited facts.yaml, someone's own deck) is refused unless `force`."""
    if path.is_dir():
        raise OverwriteRefusedError(f"{path} is a folder; give a file name for the Anki package")
    if path.exists() and not force and not is_quizgen_package(path):
        raise OverwriteRefusedError(f"{path} exists and is not an Anki package quizgen wrote; choose another name "
                                    f"or pass --force to overwrite it")
    return export_anki(list(quizzes), path, timestamp, parent)


# --- Note times ---------------------------------------------------------------------------------------------------

FIXED_EPOCH = 946684800.0  # 2000-01-01 UTC: notes from an input with no file time and no date


def _file_time(path: Path | None) -> float | None:
    try:
        return float(int(path.stat().st_mtime)) if path is not None and path.is_file() else None
    except OSError:
        return None


def _date_time(date: str | None) -> float | None:
    try:
        day = datetime.date.fromisoformat((date or "").strip()[:10])
    except ValueError:
        return None
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp()


def note_timestamp(source: Path | None, templates: Sequence[Template] = (), date: str | None = None) -> float:
    """Note times for Anki: SOURCE_DATE_EPOCH when set; else the newest modification time of the input file and of
    the question templates used; for an input with no file time (a web address, standard input), the article's
    date, else a fixed epoch.

    Fixed for the same input and templates (byte-identical output), and newer after an edit to either, so Anki's
    'update if newer' import takes the new wording and keeps each card's review history.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return float(os.environ["SOURCE_DATE_EPOCH"])
    source_time = _file_time(source)
    if source_time is None:
        return _date_time(date) or FIXED_EPOCH
    template_times = (_file_time(Path(t.path)) for t in templates if t.path)
    return max([source_time, *(t for t in template_times if t is not None)])

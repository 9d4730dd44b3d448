"""The registry of output formats: each is one module under quizgen/exporters with one writer,
`write(quiz, folder, settings) -> list[str]` (the notices: what the format could not hold).

This module imports no exporter, so the CLI can check --formats and print its help without loading reportlab or
openpyxl; `export_formats` imports each writer only when its format is asked for. README's formats table and
`--formats` help are made from `REGISTRY` (a test checks README against it).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.exporters.common import ExportSettings
    from quizgen.model import Quiz


@dataclass(frozen=True)
class Format:
    """One output format: its name on the command line, the files it writes and what travels in it."""

    name: str
    module: str  # quizgen.exporters.<module> holds its `write`
    files: tuple[str, ...]  # suffixes after the slug; "{v}" is "-A", "-B"… when several versions are printed
    title: str  # what it is and where it goes
    carries: str  # which item types travel
    leaves_out: str  # what is skipped (and reported) or changed

    def file_names(self, slug: str, versions: int = 1) -> list[str]:
        """The names of the files this format writes for one quiz."""
        if not any("{v}" in suffix for suffix in self.files):
            return [slug + suffix for suffix in self.files]
        letters = [f"-{chr(ord('A') + k)}" for k in range(versions)] if versions > 1 else [""]
        return [slug + suffix.format(v=v) for v in letters for suffix in self.files]


REGISTRY: tuple[Format, ...] = (
    Format("anki", "anki", (".apkg",), "Anki deck (import in Anki: File > Import)",
           "all five: multiple choice and true/false, cloze (a card per blank), short answer, matching "
           "(a card each way per pair)", "nothing"),
    Format("pdf", "pdf", ("-worksheet{v}.pdf", "-answer-key{v}.pdf"), "printable worksheet and answer key (PDF)",
           "all five, in sections by type; cloze with a word bank", "nothing"),
    Format("gift", "gift", (".gift.txt",), "Moodle GIFT (Question bank > Import > GIFT)",
           "all five; a cloze item becomes one missing-word question per blank",
           "a typed answer holding `->` or starting `%50%` (Moodle would read a matching pair or a weight; "
           "reported)"),
    Format("moodle", "moodle", (".moodle.xml",), "Moodle XML (Question bank > Import > Moodle XML)",
           "all five; cloze as embedded answers", "nothing"),
    Format("qti", "qti", (".qti.zip",), "Canvas QTI 1.2 package (Settings > Import course content > QTI .zip)",
           "all five; cloze as fill in multiple blanks", "nothing"),
    Format("kahoot", "kahoot", (".kahoot.xlsx",), "Kahoot quiz spreadsheet (Create > Import spreadsheet)",
           "multiple choice and true/false",
           "cloze, short answer and matching; questions over 120 characters, answers over 75, more than 4 answers "
           "(each skipped item is reported)"),
    Format("quizlet", "quizlet", (".quizlet.txt",), "Quizlet set (Create > Import: tab between term and "
           "definition, new line between cards)", "all five as term/definition cards; matching as a card per pair",
           "the wrong options of multiple-choice items"),
    Format("json", "jsonfile", (".quiz.json",), "JSON, every field (schema: quizgen/data/quiz.schema.json)",
           "all five", "nothing"),
    Format("forms", "forms", (".forms.gs",), "Google Forms quiz, made by pasting the Apps Script into "
           "script.google.com and running createQuiz", "multiple choice, true/false, short answer (points; the "
           "accepted answers shown as feedback, to grade by hand: Apps Script cannot set a text answer key)",
           "cloze and matching (each skipped item is reported)"),
)

_BY_NAME = {f.name: f for f in REGISTRY}
FORMATS = tuple(_BY_NAME)
DEFAULT_FORMATS = ("anki", "pdf")


def get(name: str) -> Format:
    """The registered format called `name` (KeyError for an unknown one: the CLI checks names first)."""
    return _BY_NAME[name]


Writer = Callable[["Quiz", Path, "ExportSettings"], list[str]]


def writer(name: str) -> Writer:
    """The `write` function of a format's module, imported now."""
    return importlib.import_module(f"quizgen.exporters.{get(name).module}").write


def export_formats(quiz: Quiz, folder: Path, names: Sequence[str],
                   settings: ExportSettings | None = None) -> tuple[list[Path], list[str]]:
    """Write every format in `names` for one quiz into `folder`; returns the files written and the notices.

    The quiz is cleaned once here (control bytes and direction overrides removed), so no writer sees them."""
    from quizgen.exporters.common import ExportSettings, clean_quiz

    settings = settings or ExportSettings()
    quiz = clean_quiz(quiz)
    files: list[Path] = []
    notices: list[str] = []
    for name in names:
        notices += writer(name)(quiz, folder, settings)
        files += [folder / file_name for file_name in get(name).file_names(quiz.slug, settings.versions)]
    return files, notices


def formats_help() -> str:
    """The --formats help line, from the registry."""
    return (f"comma-separated outputs: {', '.join(FORMATS)}, or all (default: {','.join(DEFAULT_FORMATS)}; "
            f"facts.yaml and quiz.yaml are always written)")


def readme_table() -> str:
    """README's formats table, from the registry (tests/unit/test_lms_formats.py checks README holds it)."""
    rows = ["| `--formats` | file | what it is | item types that travel | skipped or changed |",
            "|---|---|---|---|---|"]
    for fmt in REGISTRY:
        files = ", ".join(f"`<slug>{suffix.format(v='')}`" for suffix in fmt.files)
        rows.append(f"| `{fmt.name}` | {files} | {fmt.title} | {fmt.carries} | {fmt.leaves_out} |")
    return "\n".join(rows)

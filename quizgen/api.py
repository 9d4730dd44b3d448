"""The library API: each stage as a function, and `make` that runs them all for one article."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import InputError, UserError
from quizgen.formats import DEFAULT_FORMATS, LMS_FORMATS, LMS_WRITERS
from quizgen.model import Article, FactSheet, Quiz
from quizgen.outputs import guard_edited, output_folder, write_atomic
from quizgen.readers import READERS, is_remote
from quizgen.readers import read_article as _read_article

if TYPE_CHECKING:
    from quizgen.templates import Template

FACTS_SUFFIXES = (".yaml", ".yml")
# Files that sit beside articles in a folder and are not articles.
_NOT_ARTICLES = ("README", "SOURCES", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "INDEX")
# Anki note time for an input with no file time and no date (a URL or standard input without SOURCE_DATE_EPOCH):
# fixed, so the output is byte-identical from run to run. 2001-09-09, a round 10^9 seconds.
FIXED_NOTE_TIME = 1_000_000_000.0
Input = Path | str  # a file or folder; or, as given, "-" (standard input) or an http(s) address


def input_name(source: Input) -> str:
    """How an input is named in progress lines and the batch table: a file's name, or the address as given."""
    return str(source) if is_remote(source) else Path(source).name


def read_article(path: str | Path) -> Article:
    return _read_article(path)


def extract_facts(article: Article) -> FactSheet:
    from quizgen.extract import extract_facts as _extract  # spaCy loads only when extraction runs

    return _extract(article)


def is_quiz_file(path: Path) -> bool:
    """A quiz.yaml (items to print) rather than a facts.yaml (facts to build from)? Its first lines say."""
    if path.suffix.lower() not in FACTS_SUFFIXES or not path.is_file():
        return False
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if text.startswith("# quizgen quiz"):
        return True
    return re.search(r"^items:", text, re.M) is not None and re.search(r"^sentences:", text, re.M) is None


def load_facts(path: str | Path) -> FactSheet:
    """An article file is read and extracted; a facts.yaml is read as the teacher left it."""
    if is_remote(path):
        return extract_facts(read_article(path))
    path = Path(path)
    if path.suffix.lower() in FACTS_SUFFIXES:
        from quizgen.factsfile import read_facts

        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a facts file")
        return read_facts(path)
    return extract_facts(read_article(path))


def generate_quiz(facts: FactSheet, count: int = 20, seed: int = 0,
                  template_dirs: Sequence[str | Path] = (), templates: Sequence[Template] | None = None) -> Quiz:
    from quizgen.generate import generate_quiz as _generate
    from quizgen.readability import flesch_kincaid_grade
    from quizgen.templates import load_templates

    if templates is None:
        templates = load_templates(list(template_dirs))
    quiz = _generate(facts, list(templates), count=count, seed=seed)
    return replace(quiz, reading_grade=flesch_kincaid_grade(" ".join(s.text for s in facts.sentences)))


def expand_inputs(paths: Sequence[str | Path]) -> list[Input]:
    """Files as given; folders become their article and facts files, sorted; a file named twice counts once.
    Standard input ("-") and web addresses stay as the strings given (a Path would fold "https://" to "https:/")."""
    found: list[Input] = []
    for raw in paths:
        if is_remote(raw):
            found.append(str(raw))
            continue
        path = Path(raw)
        if path.is_dir():
            # Hidden files and Word's lock files ("~$story.docx") are not articles.
            members = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith((".", "~$")) and (
                p.suffix.lower() in READERS or p.suffix.lower() in FACTS_SUFFIXES)
                and not p.stem.upper().startswith(_NOT_ARTICLES))
            if not members:
                raise InputError(f"{path}: the folder holds no .txt, .md, .html, .pdf, .docx or facts.yaml files")
            found.extend(members)
        else:
            found.append(path)
    seen: set[Path | str] = set()
    unique = []
    for path in found:
        key = path if isinstance(path, str) else path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def planned_slug(path: Input) -> str | None:
    """The output folder name `make` will choose for an input, or None when the input cannot be read (`make`
    then says why) or can be read only once (standard input, a web address fetched by `make` itself)."""
    from quizgen.textutil import slugify

    if is_remote(path):
        return None
    path = Path(path)
    try:
        if is_quiz_file(path):
            from quizgen.exporters.quizfile import read_quiz

            return read_quiz(path).slug
        if path.suffix.lower() in FACTS_SUFFIXES:
            from quizgen.factsfile import read_facts

            return read_facts(path).slug
        return slugify(read_article(path).title)
    except UserError:
        return None


def distinct_slugs(paths: Sequence[Path]) -> list[tuple[str, Path] | None]:
    """For a batch: for each input whose title an earlier input already has, a folder name of its own
    ("storm-warning-2") and the input that keeps the title; None for the rest. So no article's output overwrites
    another's."""
    planned = [planned_slug(path) for path in paths]
    taken = {slug for slug in planned if slug}
    first: dict[str, Path] = {}
    renamed: list[tuple[str, Path] | None] = []
    for path, slug in zip(paths, planned, strict=True):
        if slug is None or slug not in first:
            renamed.append(None)
            if slug:
                first[slug] = path
            continue
        number = 2
        while f"{slug}-{number}" in taken:
            number += 1
        taken.add(f"{slug}-{number}")
        renamed.append((f"{slug}-{number}", first[slug]))
    return renamed


@dataclass(frozen=True)
class MadeArticle:
    """What `make` wrote for one article."""

    quiz: Quiz
    folder: Path
    files: tuple[Path, ...]
    note_time: float  # the Anki notes' modification time (see note_timestamp)
    notices: tuple[str, ...] = ()  # what a format could not hold ("skipped Q12: …")


def note_timestamp(source: Path, templates: Sequence[Template] = ()) -> float:
    """Note times for Anki: SOURCE_DATE_EPOCH when set, else the newest modification time of the input and of
    the question templates used.

    Fixed for the same input and templates (byte-identical output), and newer after an edit to either, so Anki's
    'update if newer' import takes the new wording and keeps each card's review history.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return float(os.environ["SOURCE_DATE_EPOCH"])
    times = [0.0]
    for path in (source, *(t.path for t in templates)):
        try:
            times.append(float(int(Path(path).stat().st_mtime)))
        except OSError:
            continue
    return max(times)


def remote_note_time(date: str | None) -> float:
    """Note times for an input with no file time (a URL, standard input): SOURCE_DATE_EPOCH when set, else midnight
    UTC of the article's date, else FIXED_NOTE_TIME; the same on every run, so the outputs are byte-identical."""
    import datetime

    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return float(os.environ["SOURCE_DATE_EPOCH"])
    try:
        day = datetime.date.fromisoformat((date or "")[:10])
    except ValueError:
        return FIXED_NOTE_TIME
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp()


def make(path: str | Path, out_dir: str | Path = "out", count: int = 20, seed: int = 0, force: bool = False,
         template_dirs: Sequence[str | Path] = (), deck: str | None = None, paper: str = "letter",
         versions: int = 1, formats: Sequence[str] = DEFAULT_FORMATS, slug: str | None = None) -> MadeArticle:
    """Article (or facts.yaml) → facts.yaml, quiz.yaml, an Anki deck, a worksheet and its answer key (one pair
    per printed version when `versions` > 1).

    `slug` names the output folder instead of the title's slug (a batch gives it to a second article with the
    same title); it is recorded in facts.yaml and quiz.yaml, so building again from them writes to that folder.
    """
    from quizgen.templates import load_templates

    remote = is_remote(path)
    source = Path(path)
    facts: FactSheet | None = None
    if not remote and is_quiz_file(source):
        # A quiz.yaml a teacher edited: its items are printed and exported as they stand, nothing regenerated.
        from quizgen.exporters.quizfile import read_quiz

        quiz = read_quiz(source)
        if slug:
            quiz = replace(quiz, slug=slug)
        note_time = note_timestamp(source)
    else:
        facts = load_facts(path if remote else source)
        if slug:
            facts = replace(facts, slug=slug)
        templates = load_templates(list(template_dirs))
        quiz = generate_quiz(facts, count=count, seed=seed, templates=templates)
        note_time = remote_note_time(facts.date) if remote else note_timestamp(source, templates)
    if not quiz.items:
        raise InputError(f"{path}: no good question could be made: the article names no people, places or "
                         f"organisations and gives no figures a student could be asked about")
    return write_outputs(source, quiz, facts, note_time, out_dir=out_dir, force=force, deck=deck, paper=paper,
                         versions=versions, formats=formats)


def write_outputs(source: Path, quiz: Quiz, facts: FactSheet | None, note_time: float, out_dir: str | Path = "out",
                  force: bool = False, deck: str | None = None, paper: str = "letter", versions: int = 1,
                  formats: Sequence[str] = DEFAULT_FORMATS) -> MadeArticle:
    """The export stage of `make`: every file for one quiz, each written atomically into OUT/<slug>/. `facts` is
    None when the quiz came from a quiz.yaml; a facts.yaml or quiz.yaml that is `source` itself is left as it is."""
    from quizgen.exporters.anki import export_anki
    from quizgen.exporters.pdf import export_pdfs
    from quizgen.exporters.quizfile import dump_quiz
    from quizgen.factsfile import dump_facts
    from quizgen.versions import make_versions

    folder = output_folder(Path(out_dir), quiz.slug)
    facts_path = folder / "facts.yaml"
    quiz_path = folder / "quiz.yaml"
    writes_facts = facts is not None and not (facts_path.exists() and facts_path.resolve() == source.resolve())
    writes_quiz = not (quiz_path.exists() and quiz_path.resolve() == source.resolve())
    if writes_facts:
        guard_edited(facts_path, force, f"build from it with `quizgen make {facts_path}`")
    if writes_quiz:
        guard_edited(quiz_path, force, f"print and export it as it stands with `quizgen make {quiz_path}`")
    slug = quiz.slug
    apkg = folder / f"{slug}.apkg"
    printed = make_versions(quiz, versions)
    for stale in folder.glob(".*.part") if folder.is_dir() else ():
        stale.unlink(missing_ok=True)  # left by a run that was killed while writing
    written = []
    if writes_facts and facts is not None:
        write_atomic(facts_path, dump_facts(facts))
        written.append(facts_path)
    if writes_quiz:
        write_atomic(quiz_path, dump_quiz(quiz, printed if versions > 1 else ()))
        written.append(quiz_path)
    if "anki" in formats:
        export_anki([quiz], apkg, note_time, parent=deck)
        written.append(apkg)
    notices: list[str] = []
    for name in formats:
        if name in LMS_FORMATS:
            path_out = folder / f"{slug}{LMS_FORMATS[name]}"
            notices += _export_lms(name, quiz, path_out)
            written.append(path_out)
    for version in printed if "pdf" in formats else ():
        suffix = f"-{version.version}" if versions > 1 else ""
        worksheet = folder / f"{slug}-worksheet{suffix}.pdf"
        key = folder / f"{slug}-answer-key{suffix}.pdf"
        export_pdfs(version, worksheet, key, paper=paper)
        written += [worksheet, key]
    return MadeArticle(quiz=quiz, folder=folder, files=tuple(written), note_time=note_time,
                       notices=tuple(notices))


def _export_lms(name: str, quiz: Quiz, path: Path) -> list[str]:
    """Write one learning-platform format; returns notices (what the format could not hold)."""
    import importlib

    module_name, function_name = LMS_WRITERS[name].split(":")
    output = getattr(importlib.import_module(module_name), function_name)(quiz)
    if name != "kahoot":
        write_atomic(path, output)
        return []
    from quizgen.exporters.kahoot import skipped_summary

    data, skipped = output
    write_atomic(path, data)
    return [f"{path.name}: {skipped_summary(skipped, len(quiz.items))}"] if skipped else []

"""The library API: each stage as a function, and `make` that runs them all for one article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import InputError
from quizgen.formats import DEFAULT_FORMATS
from quizgen.inputs import input_kind
from quizgen.model import Article, FactSheet, Quiz
from quizgen.outputs import guard_edited, output_file, output_folder, remove_stale_temporaries, write_atomic
from quizgen.readers import is_remote
from quizgen.readers import read_article as _read_article

if TYPE_CHECKING:
    from quizgen.templates import Template

def read_article(path: str | Path) -> Article:
    """Read one article (.txt, .md, .html, .pdf, .docx, "-" for standard input, or an http(s) address) into an
    Article; a bad one raises InputError."""
    return _read_article(path)


def extract_facts(article: Article) -> FactSheet:
    """Find the article's people, places, organisations, quotes, numbers, glosses and key sentences."""
    from quizgen.extract import extract_facts as _extract  # spaCy loads only when extraction runs

    return _extract(article)


def load_facts(path: str | Path) -> FactSheet:
    """An article file is read and extracted; a facts.yaml is read as the teacher left it."""
    if is_remote(path):  # standard input or a web address: an article, whatever its name ends with
        return extract_facts(read_article(path))
    path = Path(path)
    if input_kind(path) != "article":
        from quizgen.factsfile import read_facts

        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a facts file")
        return read_facts(path)
    return extract_facts(read_article(path))


def generate_quiz(facts: FactSheet, count: int = 20, seed: int = 0,
                  template_dirs: Sequence[str | Path] = (), templates: Sequence[Template] | None = None) -> Quiz:
    """The best `count` items the templates make from these facts (the built-in templates, after any in
    `template_dirs`, unless `templates` is given); the same facts and seed give the same quiz."""
    from quizgen.generate import generate_quiz as _generate
    from quizgen.templates import load_templates, template_budget

    if templates is None:
        templates = load_templates(list(template_dirs))
    with template_budget():  # each template's CPU time on this article is bounded (a warning names one past it)
        return _generate(facts, list(templates), count=count, seed=seed)


@dataclass(frozen=True)
class MadeArticle:
    """What `make` wrote for one article."""

    quiz: Quiz
    folder: Path
    files: tuple[Path, ...]
    note_time: float  # the Anki notes' modification time (see quizgen.exporters.anki.note_timestamp)
    notices: tuple[str, ...] = ()  # what a format could not hold ("skipped Q12: …")


def make(path: str | Path, out_dir: str | Path = "out", count: int = 20, seed: int = 0, force: bool = False,
         template_dirs: Sequence[str | Path] = (), deck: str | None = None, paper: str = "letter",
         versions: int = 1, formats: Sequence[str] = DEFAULT_FORMATS, slug: str | None = None) -> MadeArticle:
    """Article (or facts.yaml) → facts.yaml, quiz.yaml, an Anki deck, a worksheet and its answer key (one pair
    per printed version when `versions` > 1).

    `slug` names the output folder instead of the title's slug (a batch gives it to a second article with the
    same title); it is recorded in facts.yaml and quiz.yaml, so building again from them writes to that folder.
    """
    from quizgen.exporters.anki import note_timestamp
    from quizgen.templates import load_templates

    remote = is_remote(path)  # standard input or a web address: no file, no file time
    source = Path(path)
    facts: FactSheet | None = None
    if not remote and input_kind(source) == "quiz":
        # A quiz.yaml a teacher edited: its items are printed and exported as they stand, nothing regenerated.
        from quizgen.quizfile import read_quiz

        quiz = read_quiz(source)
        if slug:
            quiz = replace(quiz, slug=slug)
        note_time = note_timestamp(source, date=quiz.date)
    else:
        facts = load_facts(path if remote else source)
        if slug:
            facts = replace(facts, slug=slug)
        templates = load_templates(list(template_dirs))
        quiz = generate_quiz(facts, count=count, seed=seed, templates=templates)
        note_time = note_timestamp(None if remote else source, templates, date=facts.date)
    if not quiz.items:
        raise InputError(f"{path}: no good question could be made: the article names no people, places or "
                         f"organisations and gives no figures a student could be asked about")
    return write_outputs(source, quiz, facts, note_time, out_dir=out_dir, force=force, deck=deck, paper=paper,
                         versions=versions, formats=formats)


def write_outputs(source: Path, quiz: Quiz, facts: FactSheet | None, note_time: float, out_dir: str | Path = "out",
                  force: bool = False, deck: str | None = None, paper: str = "letter", versions: int = 1,
                  formats: Sequence[str] = DEFAULT_FORMATS) -> MadeArticle:
    """The export stage of `make`: facts.yaml, quiz.yaml and every format asked for, each written atomically into
    OUT/<slug>/. `facts` is None when the quiz came from a quiz.yaml; a facts.yaml or quiz.yaml that is `source`
    itself is left as it is. The formats are written by the registry (quizgen.formats)."""
    from quizgen.exporters.common import ExportSettings
    from quizgen.factsfile import dump_facts
    from quizgen.formats import export_formats
    from quizgen.quizfile import dump_quiz
    from quizgen.versions import make_versions

    folder = output_folder(Path(out_dir), quiz.slug)
    facts_path = output_file(folder, "facts.yaml")
    quiz_path = output_file(folder, "quiz.yaml")
    writes_facts = facts is not None and not (facts_path.exists() and facts_path.resolve() == source.resolve())
    writes_quiz = not (quiz_path.exists() and quiz_path.resolve() == source.resolve())
    if writes_facts:
        guard_edited(facts_path, force, f"build from it with `quizgen make {facts_path}`")
    if writes_quiz:
        guard_edited(quiz_path, force, f"print and export it as it stands with `quizgen make {quiz_path}`")
    remove_stale_temporaries(folder)  # left by runs killed while writing (never another live run's)
    written = []
    if writes_facts and facts is not None:
        write_atomic(facts_path, dump_facts(facts))
        written.append(facts_path)
    if writes_quiz:
        printed = make_versions(quiz, versions) if versions > 1 else []
        write_atomic(quiz_path, dump_quiz(quiz, printed))
        written.append(quiz_path)
    settings = ExportSettings(note_time=note_time, deck=deck, paper=paper, versions=versions)
    files, notices = export_formats(quiz, folder, formats, settings)
    return MadeArticle(quiz=quiz, folder=folder, files=tuple(written + files), note_time=note_time,
                       notices=tuple(notices))

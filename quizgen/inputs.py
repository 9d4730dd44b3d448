"""What the inputs of a run are: folders expanded into files, each file's kind, and each article's output folder.

`input_kind` is the one place that decides whether a file is a quiz.yaml, a facts.yaml or an article; `make`,
the batch's folder planning and `score` all ask it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from quizgen.errors import InputError, UserError
from quizgen.readers import READERS, is_remote

InputKind = Literal["quiz", "facts", "article"]
FACTS_SUFFIXES = (".yaml", ".yml")
# Files that sit beside articles in a folder and are not articles.
_NOT_ARTICLES = ("README", "SOURCES", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "INDEX")
Input = Path | str  # a file or folder; or, as given, "-" (standard input) or an http(s) address


def input_name(source: Input) -> str:
    """How an input is named in progress lines and the batch table: a file's name, or the address as given."""
    return str(source) if is_remote(source) else Path(source).name


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


def input_kind(path: Path) -> InputKind:
    """'quiz' for a quiz.yaml (printed as it stands), 'facts' for any other YAML file (built from), else 'article'."""
    if is_quiz_file(path):
        return "quiz"
    return "facts" if path.suffix.lower() in FACTS_SUFFIXES else "article"


def _is_member(path: Path) -> bool:
    """A file of a folder that `make FOLDER` builds: an article or a facts file, not a README, a dotfile or a Word
    lock file ("~$story.docx")."""
    suffix = path.suffix.lower()
    return (path.is_file() and not path.name.startswith((".", "~$")) and (suffix in READERS or suffix in FACTS_SUFFIXES)
            and not path.stem.upper().startswith(_NOT_ARTICLES))


def expand_inputs(paths: Sequence[str | Path]) -> list[Input]:
    """Files as given; folders become their article and facts files, sorted; a file named twice counts once.
    Standard input ("-") and web addresses stay as the strings given (a Path would fold "https://" to "https:/")."""
    found: list[Input] = []
    for raw in paths:
        if is_remote(raw):
            found.append(str(raw))
            continue
        path = Path(raw)
        if not path.is_dir():
            found.append(path)
            continue
        members = sorted(p for p in path.iterdir() if _is_member(p))
        if not members:
            raise InputError(f"{path}: the folder holds no .txt, .md, .html, .pdf, .docx or facts.yaml files")
        found.extend(members)
    seen: set[Path | str] = set()
    unique = []
    for path in found:
        key = path if isinstance(path, str) else path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _quiz_slug(path: Path) -> str:
    from quizgen.quizfile import read_quiz

    return read_quiz(path).slug


def _facts_slug(path: Path) -> str:
    from quizgen.factsfile import read_facts

    return read_facts(path).slug


def _article_slug(path: Path) -> str:
    from quizgen.readers import read_article
    from quizgen.textutil import slugify

    return slugify(read_article(path).title)


# The folder name each kind of input records or implies (an article's comes from its title: no extraction needed).
_SLUG_OF: dict[InputKind, Callable[[Path], str]] = {"quiz": _quiz_slug, "facts": _facts_slug,
                                                    "article": _article_slug}


def planned_slug(path: Input) -> str | None:
    """The output folder name `make` will choose for an input, or None when the input cannot be read (`make`
    then says why) or can be read only once (standard input; a web address, fetched by `make` itself)."""
    if is_remote(path):
        return None
    path = Path(path)
    try:
        return _SLUG_OF[input_kind(path)](path)
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

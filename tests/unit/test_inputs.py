"""Input discovery and planning (quizgen/inputs.py): one decision of what a file is, used by make, batch and score."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen import api
from quizgen.errors import InputError
from quizgen.inputs import distinct_slugs, expand_inputs, input_kind, planned_slug

ARTICLE = "Storm warning for the coast\n\nThe harbour closed on Monday as the storm came in.\n"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_input_kind_tells_quiz_files_facts_files_and_articles_apart(tmp_path):
    assert input_kind(_write(tmp_path / "quiz.yaml", "# quizgen quiz (schema 1)\nitems: []\n")) == "quiz"
    assert input_kind(_write(tmp_path / "edited.yml", "title: t\nitems:\n  - id: q1\n")) == "quiz"
    assert input_kind(_write(tmp_path / "facts.yaml", "title: t\nsentences: []\nitems: []\n")) == "facts"
    assert input_kind(_write(tmp_path / "a.txt", ARTICLE)) == "article"
    assert input_kind(tmp_path / "missing.yaml") == "facts"  # reading it says "no such file"


def test_a_folder_gives_its_articles_and_facts_sorted_without_readmes_or_dotfiles(tmp_path):
    for name in ("b.md", "a.txt", "c.facts.yaml", "README.md", "SOURCES.txt", ".hidden.txt", "notes.odt"):
        _write(tmp_path / name, ARTICLE)
    named_twice = tmp_path / "a.txt"
    assert [p.name for p in expand_inputs([tmp_path, named_twice])] == ["a.txt", "b.md", "c.facts.yaml"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"holds no \.txt"):
        expand_inputs([empty])


def test_same_titles_get_numbered_folders_and_unreadable_inputs_none(tmp_path):
    first, second = _write(tmp_path / "a.txt", ARTICLE), _write(tmp_path / "b.txt", ARTICLE)
    broken = _write(tmp_path / "c.txt", "")
    assert planned_slug(first) == "storm-warning-for-the-coast" and planned_slug(broken) is None
    assert distinct_slugs([first, second, broken]) == [None, ("storm-warning-for-the-coast-2", first), None]


def test_load_facts_reads_a_yaml_file_as_facts_not_as_an_article(tmp_path):
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder, not a facts file"):
        api.load_facts(folder)

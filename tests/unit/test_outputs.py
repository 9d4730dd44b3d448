"""outputs.py: every output file lands inside OUT, and a run cleans only its own (or dead runs') temporaries."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from quizgen import api
from quizgen.errors import UserError
from quizgen.outputs import output_file, output_folder, remove_stale_temporaries, write_atomic
from quizgen.quizfile import dump_quiz
from tests.unit.factories import sample_facts


@pytest.mark.parametrize("slug", ["../../c/out/y", "..", "a/b", "x\x1b[31mred", "Upper", "", "x" * 200])
def test_a_slug_that_is_not_a_folder_name_is_refused(tmp_path, slug):
    with pytest.raises(UserError) as err:
        output_folder(tmp_path / "a" / "b" / "c" / "out", slug)
    assert "\x1b" not in str(err.value)
    assert not (tmp_path / "a").exists()


@pytest.mark.parametrize("name", ["../x.pdf", "sub/x.pdf", "..", ""])
def test_an_output_file_name_that_leaves_its_folder_is_refused(tmp_path, name):
    with pytest.raises(UserError, match="refusing to write outside"):
        output_file(tmp_path, name)


def test_make_with_a_path_for_a_slug_writes_nothing_outside_out(tmp_path):
    out = tmp_path / "a" / "b" / "c" / "out"
    with pytest.raises(UserError, match="refusing to write outside"):
        api.make(_quiz_file(tmp_path), out_dir=out, slug="../../c/out/y", formats=("json",))
    assert not (tmp_path / "a" / "b" / "c" / "c").exists() and not out.exists()


def _quiz_file(tmp_path):
    path = tmp_path / "quiz.yaml"
    path.write_text(dump_quiz(api.generate_quiz(sample_facts(), count=6)), encoding="utf-8")
    return path


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_run_removes_dead_runs_temporaries_but_not_a_live_runs(tmp_path):
    out = tmp_path / "out"
    folder = out / "harwick-votes-for-a-tidal-barrier"
    folder.mkdir(parents=True)
    live = folder / f".quiz.yaml.{os.getppid()}.abc123.part"  # another run, still writing (our parent is alive)
    dead = folder / f".quiz.yaml.{_dead_pid()}.abc123.part"  # a run that was killed
    unnamed = folder / ".quiz.yaml.abc123.part"  # the old naming, from before pids were recorded
    for path in (live, dead, unnamed):
        path.write_bytes(b"half")
    api.make(_quiz_file(tmp_path), out_dir=out, formats=("json",))
    assert live.exists() and not dead.exists() and not unnamed.exists()


def test_temporaries_carry_the_writers_pid(tmp_path, monkeypatch):
    seen = []

    def spy(src, dst):
        seen.append(os.path.basename(src))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", spy)
    with pytest.raises(UserError):
        write_atomic(tmp_path / "deck.apkg", b"x")
    assert seen and seen[0].startswith(f".deck.apkg.{os.getpid()}.") and seen[0].endswith(".part")
    remove_stale_temporaries(tmp_path)  # nothing left, nothing to do
    assert list(tmp_path.iterdir()) == []

"""Shared fixtures: the CLI in this process or in a new one, the example built once per session, Anki import helpers."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-ferry.txt"
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    """contextlib.chdir, which Python 3.10 lacks."""
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def run_cli(*args: str | Path, cwd: Path | None = None) -> Run:
    """Run quizgen's command line in this process (`quizgen.cli.main(argv)`): its exit code and both streams.

    The same code path as the `quizgen` command after Python starts, without starting Python and loading the spaCy
    model again for every call: the model is loaded once per test session. `run_process` starts a real process,
    for the few tests about the process itself (start-up, signals, a terminal).
    """
    from quizgen.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with _working_directory(cwd or ROOT), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as done:  # argparse's own exits: --help, --version, bad usage
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return Run(code, stdout.getvalue(), stderr.getvalue())


def run_process(*args: str | Path, cwd: Path | None = None) -> Run:
    """Run quizgen as a user does: a new process, its exit code and both streams."""
    done = subprocess.run([sys.executable, "-m", "quizgen", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=600)
    return Run(done.returncode, done.stdout, done.stderr)


def only_folder(out: Path) -> Path:
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert len(folders) == 1, folders
    return folders[0]


@dataclass(frozen=True)
class ExampleRuns:
    """The example built three times: twice with seed 7 (determinism), once with seed 8. The first build is a real
    `quizgen` process, the others run in this process: their outputs must be the same bytes."""

    a: Path
    b: Path
    other_seed: Path
    a_stdout: str


@pytest.fixture(scope="session")
def example_runs(tmp_path_factory: pytest.TempPathFactory) -> ExampleRuns:
    folders: dict[str, Path] = {}
    stdout = ""
    for name, seed in (("a", "7"), ("b", "7"), ("other_seed", "8")):
        out = tmp_path_factory.mktemp(f"out-{name}")
        run = run_process if name == "a" else run_cli
        result = run("make", EXAMPLE, "-o", out, "--seed", seed)
        assert result.code == 0, result.stderr
        folders[name] = only_folder(out)
        stdout = stdout or result.stdout
    return ExampleRuns(a=folders["a"], b=folders["b"], other_seed=folders["other_seed"], a_stdout=stdout)


def import_apkg(collection_path: Path, apkg: Path, update_always: bool = False):  # -> anki Collection
    """Import a package into a (new or existing) Anki collection with Anki's own library."""
    from anki.collection import Collection
    from anki.import_export_pb2 import (
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
        ImportAnkiPackageUpdateCondition,
    )

    col = Collection(str(collection_path))
    condition = (ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS if update_always
                 else ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER)
    request = ImportAnkiPackageRequest(
        package_path=str(apkg),
        options=ImportAnkiPackageOptions(merge_notetypes=True, update_notes=condition, update_notetypes=condition,
                                         with_scheduling=False, with_deck_configs=False),
    )
    col.import_anki_package(request)
    return col


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def squash(text: str) -> str:
    """Whitespace removed and quotes straightened: PDF text extraction breaks lines anywhere."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    return "".join(text.translate(table).split())

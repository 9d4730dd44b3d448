"""Broken and hostile input through the CLI: one clear line and exit 1, or a useful result; nothing lost."""

from __future__ import annotations

import os
import re
import signal
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from quizgen import api
from quizgen.errors import InputError
from tests.conftest import EXAMPLE, ROOT, only_folder, pdf_text, run_cli

INPUTS = ROOT / "tests" / "fixtures" / "inputs"
CASES = yaml.safe_load((INPUTS / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_each_input_gives_its_exit_code_and_message(tmp_path, case):
    out = tmp_path / "out"
    started = time.monotonic()
    result = run_cli("make", INPUTS / case["file"], "-o", out)
    assert result.code == case["code"], result.stderr
    assert "Traceback" not in result.stderr and time.monotonic() - started < 60
    if case["code"] == 0:
        assert all(w in result.stdout for w in case["words"]), result.stdout
        assert ("warning:" in result.stderr) == case.get("warning", False)
        assert (only_folder(out) / "quiz.yaml").exists()
    else:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert all(w in lines[0] for w in case["words"]), lines[0]
        assert not out.exists() or not any(out.rglob("*"))  # nothing half-written


def test_every_input_file_has_a_case():
    listed = {c["file"] for c in CASES}
    assert {p.name for p in INPUTS.iterdir()} - {"cases.yaml"} == listed


@pytest.mark.parametrize(("make_input", "words"), [
    (lambda tmp: tmp / "missing.txt", "no such file"),
    (lambda tmp: tmp, "holds no .txt"),
    (lambda tmp: _big(tmp / "big.txt"), "far longer than a news article"),
])
def test_missing_folder_and_huge_inputs(tmp_path, make_input, words):
    started = time.monotonic()
    result = run_cli("make", make_input(tmp_path), "-o", tmp_path / "out")
    assert result.code == 1 and words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert time.monotonic() - started < 30  # a 5 MB file is refused, not parsed


def _big(path: Path) -> Path:
    paragraph = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text("A very long article\n\n" + paragraph * (5_000_000 // len(paragraph) + 1), encoding="utf-8")
    assert path.stat().st_size >= 5_000_000
    return path


def test_an_unreadable_file_is_one_clear_error(tmp_path, monkeypatch):
    # Run in-process: the tests may run as root, who can read any file whatever its mode.
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nText of the article.\n", encoding="utf-8")

    real_open = os.open

    def refuse(name, *args, **kwargs):  # the article only: anything else pytest opens meanwhile still opens
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError, match="permission denied"):
        api.read_article(path)


def test_an_output_folder_that_cannot_be_written_is_one_clear_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    result = run_cli("make", EXAMPLE, "-o", blocker)
    assert result.code == 1 and "cannot write" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_titles_that_look_like_paths_stay_inside_out(tmp_path):
    for title in ("../../etc/passwd", "Вести недели: новости", "." * 200, "x" * 400):
        article = tmp_path / "a.txt"
        body = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
        article.write_text(f"{title}\n{body}", encoding="utf-8")
        out = tmp_path / "out"
        assert run_cli("make", article, "-o", out, "-n", "5", "--force").code == 0
        for written in out.rglob("*"):
            assert out.resolve() in written.resolve().parents
            assert len(written.name) <= 100 and written.name.isascii()
    assert not (tmp_path / "etc").exists()


def test_bad_articles_in_a_batch_are_reported_and_counted_and_the_others_complete(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-good.txt").write_bytes(EXAMPLE.read_bytes())
    (batch / "b-empty.txt").write_bytes(b"")
    (batch / "c-good.txt").write_bytes((ROOT / "tests" / "fixtures" / "articles" / "clinic-boat.txt").read_bytes())
    (batch / "d-binary.txt").write_bytes(bytes(range(256)) * 4)
    result = run_cli("make", batch, "-o", tmp_path / "out", "-n", "5")
    assert result.code == 2  # the exit code is the number of articles that failed
    assert "b-empty.txt: the file is empty" in result.stderr and "2 of 4 articles failed" in result.stderr
    assert "d-binary.txt: " in result.stderr
    assert len([p for p in (tmp_path / "out").iterdir() if p.is_dir()]) == 2
    assert len(re.findall(r": \d+ items \(", result.stdout)) == 2
    assert "failed: " in result.stdout  # the summary table names the failure too


def _make_blocked_before_replacing(argv: list[str], file_suffix: str, marker: str) -> None:
    """A `quizgen make` (in a forked child) that stops for good when it is about to put a file ending in
    `file_suffix` in place: the new bytes are written and synced beside it, the old file is still there."""
    from quizgen.cli import main

    real_replace = os.replace

    def replace_or_block(source, target):
        if str(target).endswith(file_suffix):
            Path(marker).write_text(str(target), encoding="utf-8")
            time.sleep(600)  # killed here
        real_replace(source, target)

    os.replace = replace_or_block  # in this forked child only
    sys.exit(main(argv))


@pytest.mark.parametrize("file_suffix", ["quiz.yaml", ".apkg", "-worksheet.pdf"])
def test_a_run_killed_while_writing_leaves_whole_files(tmp_path, file_suffix):
    """Kill `make` while it writes a file: that file keeps its previous content, every file left opens, and a
    rerun cleans up the half-written copy."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the blocked writer runs in a forked child")
    out = tmp_path / "out"
    assert run_cli("make", EXAMPLE, "-o", out).code == 0  # the previous, complete outputs
    folder = only_folder(out)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    marker = tmp_path / "blocked"
    argv = ["make", str(EXAMPLE), "-o", str(out), "--force", "--seed", "9", "--deck", "Killed"]
    child = multiprocessing.get_context("fork").Process(target=_make_blocked_before_replacing,
                                                        args=(argv, file_suffix, str(marker)))
    child.start()
    deadline = time.monotonic() + 120
    while not marker.exists() and child.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the writer never reached the file"  # so the kill lands during its write
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    target = Path(marker.read_text(encoding="utf-8"))
    assert target.read_bytes() == before[target.name]  # the old file, whole
    assert list(folder.glob(f".{target.name}.*.part"))  # the new one, never put in place
    for pdf in folder.glob("*.pdf"):
        assert len(PdfReader(str(pdf)).pages) >= 1, pdf
    for apkg in folder.glob("*.apkg"):
        with zipfile.ZipFile(apkg) as archive:
            assert archive.testzip() is None and "collection.anki2" in archive.namelist()
    yaml.safe_load((folder / "quiz.yaml").read_text(encoding="utf-8"))
    assert run_cli("make", EXAMPLE, "-o", out, "--force").code == 0
    assert not list(folder.glob(".*.part"))


def test_an_edited_quiz_yaml_is_kept_unless_forced(tmp_path):
    out = tmp_path / "out"
    assert run_cli("make", EXAMPLE, "-o", out, "-n", "5").code == 0
    quiz = only_folder(out) / "quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("question:", "question: (checked)", 1), encoding="utf-8")
    edited = quiz.read_bytes()
    refused = run_cli("make", EXAMPLE, "-o", out, "-n", "5")
    assert refused.code == 1 and "quiz.yaml was edited" in refused.stderr and "--force" in refused.stderr
    assert quiz.read_bytes() == edited
    # The way on that the message gives: print and export the edited quiz as it stands.
    assert f"quizgen make {quiz}" in refused.stderr
    rebuilt = run_cli("make", quiz, "-o", out, "--formats", "pdf,gift")
    assert rebuilt.code == 0, rebuilt.stderr
    assert quiz.read_bytes() == edited
    folder = only_folder(out)
    assert "(checked)" in pdf_text(folder / f"{folder.name}-worksheet.pdf")
    assert "(checked)" in (folder / f"{folder.name}.gift.txt").read_text(encoding="utf-8")
    assert run_cli("make", EXAMPLE, "-o", out, "-n", "5", "--force").code == 0 and quiz.read_bytes() != edited

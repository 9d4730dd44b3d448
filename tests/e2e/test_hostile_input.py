"""Hostile article files through the CLI (issue 15): bounded, warned about, and never a control byte on the
terminal or in an export."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest

from quizgen.errors import printable
from tests.conftest import EXAMPLE, ROOT, only_folder, run_cli


def test_controls_and_runs_are_cleaned_before_every_export(tmp_path):
    # Before: \x0b and \x1b reached Moodle XML and QTI (not well-formed) and crashed the Kahoot export with exit 70,
    # the byte echoed to the terminal.
    story = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)
    path = tmp_path / "hostile.txt"
    path.write_text(f"{story[0]}\x1b[31m\n\nBy Ann " + "and " * 40 + ",\n" + story[1].replace(
        ". ", ".\x0b ", 3).replace(",", ",\x07", 2) + "\n\nThen " + "“" * 30_000 + " it rained.\n", encoding="utf-8")
    result = run_cli("make", path, "-o", tmp_path / "out", "--formats", "all")
    assert result.code == 0, result.stderr
    assert "\x1b" not in result.stdout + result.stderr
    assert f"quizgen: warning: {path}: shortened 1 run of one repeated character (the longest: 30,000 × '“')" in (
        result.stderr)
    folder = only_folder(tmp_path / "out")
    for name in os.listdir(folder):
        data = (folder / name).read_bytes()
        if name.endswith((".xml", ".txt", ".yaml", ".json")):
            assert not any(byte < 32 and byte not in b"\n\t\r" for byte in data), name
    ET.fromstring((folder / f"{folder.name}.moodle.xml").read_bytes())
    with zipfile.ZipFile(folder / f"{folder.name}.qti.zip") as package:
        for member in package.namelist():
            if member.endswith(".xml"):
                ET.fromstring(package.read(member))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_article_is_one_line_and_exit_1_at_once(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    done = subprocess.run([sys.executable, "-m", "quizgen", "make", str(path), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == f"quizgen: {path}: is a named pipe (FIFO), not a regular file"


def test_printable_escapes_what_a_terminal_would_act_on():
    assert printable("a\x1b[2Jb\nc\x9bd") == "a\\x1b[2Jb\\nc\\x9bd"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_where_facts_yaml_goes_is_not_read(tmp_path):
    # The edited-file guard read it to check its checksum, and waited for a writer for ever.
    first = run_cli("make", EXAMPLE, "-o", tmp_path / "out", "--formats", "anki")
    folder = only_folder(tmp_path / "out")
    (folder / "facts.yaml").unlink()
    os.mkfifo(folder / "facts.yaml")
    command = [sys.executable, "-m", "quizgen", "make", str(EXAMPLE), "-o", str(tmp_path / "out"), "--formats", "anki"]
    refused = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert first.code == 0 and refused.returncode == 1 and "was edited since quizgen wrote it" in refused.stderr
    forced = subprocess.run([*command, "--force"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert forced.returncode == 0 and (folder / "facts.yaml").is_file()


def test_a_file_name_with_an_escape_character_is_shown_escaped(tmp_path):
    path = tmp_path / "ferry\x1b[2J.txt"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("make", path, "-o", tmp_path / "out", "--formats", "anki")
    assert result.code == 0, result.stderr
    assert "\x1b" not in result.stdout + result.stderr and "ferry\\x1b[2J.txt: " in result.stdout


def test_extract_shows_what_reading_changed(tmp_path):
    path = tmp_path / "runs.txt"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n\nThen " + "!" * 5_000 + " it rained.\n",
                    encoding="utf-8")
    result = run_cli("extract", path, "-o", tmp_path / "facts.yaml")
    assert result.code == 0, result.stderr
    assert result.stderr == (f"quizgen: warning: {path}: shortened 1 run of one repeated character (the longest: "
                             f"5,000 × '!')\n")


def test_cloze_markers_written_in_an_article_make_no_blank_or_card(tmp_path):
    """Issue 15, finding 11: "{{c7::secret}}" in the article text must not become a deletion in any export."""
    import sqlite3

    story = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "marked.txt"
    path.write_text(story.replace("Its batteries were charged overnight", "Its batteries {{c7::secret}} were "
                                  "charged overnight").replace("linking the Orkney", "{{c2::hidden}} linking the "
                                                               "Orkney"), encoding="utf-8")
    result = run_cli("make", path, "-o", tmp_path / "out", "--formats", "anki,gift,moodle,qti,quizlet,json")
    assert result.code == 0, result.stderr
    folder = only_folder(tmp_path / "out")
    for name in os.listdir(folder):
        if name.endswith((".txt", ".xml", ".json", ".yaml")):
            text = (folder / name).read_text(encoding="utf-8")
            assert "{=secret" not in text and ":=secret}" not in text and "{=hidden" not in text, name
    with zipfile.ZipFile(folder / f"{folder.name}.apkg") as package:
        (tmp_path / "c.db").write_bytes(package.read("collection.anki2"))
    cards = sqlite3.connect(tmp_path / "c.db").execute("select ord from cards").fetchall()
    assert max(ord_ for (ord_,) in cards) <= 4  # no card numbered c7 (ord 6), however many blanks quizgen made
    assert run_cli("make", folder / "quiz.yaml", "-o", tmp_path / "again").code == 0

"""Each way in, end to end as a teacher runs it: a web address, standard input, a PDF, a Word file and untitled
saved pages each become a worksheet, an answer key and an Anki deck; each failure is one line and exit 1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests import documents
from tests.conftest import ROOT, import_apkg, only_folder, pdf_text, run_cli, squash
from tests.webserver import ARTICLE_PARAGRAPHS, ARTICLE_TITLE, article_html, serve


def _built(folder: Path, title: str) -> dict[str, bytes]:
    """Check a made folder holds a readable worksheet, key and deck; return every file's bytes."""
    worksheet = next(folder.glob("*-worksheet.pdf"))
    assert squash(title) in squash(pdf_text(worksheet))
    assert next(folder.glob("*-answer-key.pdf")).stat().st_size > 0
    col = import_apkg(folder / "check.anki2", next(folder.glob("*.apkg")))
    try:
        assert col.note_count() > 0
    finally:
        col.close()
    (folder / "check.anki2").unlink()
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and "check" not in p.name}


def _run_stdin(data: bytes, out: Path, *more: str) -> subprocess.CompletedProcess[bytes]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run([sys.executable, "-m", "quizgen", "make", "-", *more, "-o", str(out), "--seed", "3"],
                          input=data, capture_output=True, cwd=ROOT, timeout=600, env=env)


def test_a_web_address_builds_byte_identical_outputs_and_keeps_the_address(tmp_path):
    with serve() as base:
        runs = []
        for name in ("a", "b"):
            result = run_cli("make", f"{base}/article", "-o", tmp_path / name, "--seed", "3")
            assert result.code == 0, result.stderr
            assert f"{base}/article: " in result.stdout
            runs.append(only_folder(tmp_path / name))
    assert _built(runs[0], ARTICLE_TITLE) == _built(runs[1], ARTICLE_TITLE)  # no file time, same bytes
    facts = yaml.safe_load((runs[0] / "facts.yaml").read_text(encoding="utf-8"))
    assert facts["article"]["path"] == f"{base}/article" and facts["article"]["title"] == ARTICLE_TITLE


def test_standard_input_builds_byte_identical_outputs(tmp_path):
    pasted = (f"{ARTICLE_TITLE}\n\nShare this article\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS)
              + "\n\nAdvertisement\n").encode("utf-8")
    first = _run_stdin(pasted, tmp_path / "a")
    # With another article and two jobs, standard input is still read (by this process, not a worker).
    second = _run_stdin(pasted, tmp_path / "b", str(ROOT / "examples" / "harbour-ferry.txt"), "-j", "2")
    assert first.returncode == 0 and second.returncode == 0, (first.stderr, second.stderr)
    a = only_folder(tmp_path / "a")
    b = next(p for p in (tmp_path / "b").iterdir() if p.name == a.name)
    assert _built(a, ARTICLE_TITLE) == _built(b, ARTICLE_TITLE)
    facts = (a / "facts.yaml").read_text(encoding="utf-8")
    assert "Advertisement" not in facts and "Share this" not in facts


def test_a_two_column_pdf_and_a_word_file_build(tmp_path):
    pdf = documents.build_two_column_pdf(tmp_path / "library.pdf", pages=1)
    word = documents.build_docx(tmp_path / "library.docx")
    result = run_cli("make", pdf, word, "-o", tmp_path / "out", "-j", "1")
    assert result.code == 0, result.stderr
    folders = sorted(p for p in (tmp_path / "out").iterdir() if p.is_dir())
    assert len(folders) == 2  # same title, folders of their own
    for folder in folders:
        _built(folder, documents.TITLE)
        facts = (folder / "facts.yaml").read_text(encoding="utf-8")
        assert documents.HEADER not in facts and documents.DELETED not in facts and documents.COMMENT not in facts


def test_untitled_pages_get_titles_and_folders_of_their_own_and_their_facts_read_back(tmp_path):
    page = article_html(head_title=None, title="")
    for name in ("island-library.html", "harbour-boat.html"):
        (tmp_path / name).write_bytes(page)
    out = tmp_path / "out"
    result = run_cli("make", tmp_path / "island-library.html", tmp_path / "harbour-boat.html", "-o", out, "-j", "1")
    assert result.code == 0, result.stderr
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == ["harbour-boat", "island-library"]
    facts = out / "island-library" / "facts.yaml"
    assert yaml.safe_load(facts.read_text(encoding="utf-8"))["article"]["title"] == "Island library"
    again = run_cli("make", facts, "-o", out)
    assert again.code == 0, again.stderr


@pytest.mark.parametrize(("route", "words"), [
    ("/nowhere", "no such page (HTTP 404"),
    ("/paywall", "not an article"),
    ("/cookies", "not an article"),
    ("/members", "behind a login or paywall"),
    ("/loop", "too many redirects"),
    ("/picture", "not a web page, PDF or Word document"),
])
def test_web_failures_exit_1_with_one_line(tmp_path, route, words):
    with serve() as base:
        result = run_cli("make", f"{base}{route}", "-o", tmp_path / "out")
    assert result.code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))


@pytest.mark.parametrize(("make_input", "words"), [
    (lambda tmp: "http://quizgen-test.invalid/story", "cannot find the server quizgen-test.invalid"),
    (lambda tmp: documents.build_scanned_pdf(tmp / "scan.pdf"), "no text layer"),
    (lambda tmp: _write(tmp / "bad.docx", b"PK\x03\x04 not really a zip"), "not a readable Word document"),
    (lambda tmp: "ftp://example.org/story", "only http:// and https://"),
    (lambda tmp: f"http://127.0.0.1:{_closed_port()}/story", "refused the connection"),
])
def test_document_and_address_failures_exit_1_with_one_line(tmp_path, make_input, words):
    result = run_cli("make", make_input(tmp_path), "-o", tmp_path / "out")
    assert result.code == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _closed_port() -> int:
    """A port on 127.0.0.1 that nobody listens on (bound for a moment, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]

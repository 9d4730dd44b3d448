"""Batches: --jobs spreads articles over processes with the same outputs; --help imports nothing heavy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE, ROOT, run_cli

ARTICLES = [EXAMPLE, *sorted((ROOT / "tests" / "fixtures" / "articles").iterdir())]


def _tree(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_jobs_make_the_same_files_as_one_and_a_summary_in_input_order(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    first = run_cli("make", *ARTICLES, "-o", one, "-n", "8", "--jobs", "1")
    second = run_cli("make", *ARTICLES, "-o", two, "-n", "8", "--jobs", "2")
    assert first.code == second.code == 0, second.stderr
    assert _tree(one) == _tree(two)  # byte-identical, whichever process built which article
    table = second.stdout.split("\n\n", 1)[1].splitlines()
    assert table[0].split()[:4] == ["article", "items", "by", "type"]
    assert [row.split()[0] for row in table[1:]] == [p.name for p in ARTICLES]
    # Without a terminal there is no progress bar: stderr holds only the warnings.
    assert all(line.startswith("quizgen: warning:") for line in second.stderr.splitlines())


def test_help_and_version_import_no_heavy_library():
    code = ("import sys\nfrom quizgen.cli import main\n"
            "for argv in (['--help'], ['--version'], ['make', '--help']):\n"
            "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
            "names = ('spacy', 'reportlab', 'genanki', 'jinja2', 'trafilatura', 'tqdm')\n"
            "heavy = [m for m in names if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr


def test_articles_with_the_same_title_get_folders_of_their_own(tmp_path):
    """Two different articles called "Local news": neither overwrites the other, with one job or two, and each
    facts.yaml records its folder, so building again from it writes there."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("harbour-bakery.txt", "clinic-boat.txt"):
        source = (ROOT / "tests" / "fixtures" / "articles" / name).read_text(encoding="utf-8")
        (articles / name).write_text("Local news\n" + source.split("\n", 1)[1], encoding="utf-8")
    bakery, clinic = articles / "harbour-bakery.txt", articles / "clinic-boat.txt"
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        # The bakery is named twice: it is built once.
        done = run_cli("make", bakery, clinic, bakery, "-o", out, "-n", "6", "--jobs", jobs)
        assert done.code == 0, done.stderr
        assert sorted(p.name for p in out.iterdir()) == ["local-news", "local-news-2"]
        assert "Porthcarrow" in (out / "local-news" / "facts.yaml").read_text(encoding="utf-8")
        facts = (out / "local-news-2" / "facts.yaml").read_text(encoding="utf-8")
        assert "Tapajós" in facts and "slug: local-news-2" in facts
        assert (out / "local-news-2" / "local-news-2-worksheet.pdf").is_file()
        assert "clinic-boat.txt: has the same title as harbour-bakery.txt: written to local-news-2/" in done.stderr
        assert done.stdout.count("-> ") == 2
        outs[jobs] = _tree(out)
    assert outs["1"] == outs["2"]
    again = run_cli("make", tmp_path / "out-1" / "local-news-2" / "facts.yaml", "-o", tmp_path / "out-1", "-n", "6")
    assert again.code == 0, again.stderr
    assert "local-news-2/" in again.stdout and sorted(p.name for p in (tmp_path / "out-1").iterdir()) == [
        "local-news", "local-news-2"]


@pytest.mark.parametrize("rows_columns", [(30, 100), (0, 0)])  # a terminal, and one that reports no size
def test_on_a_terminal_a_progress_bar_shows_done_current_article_and_time_left(tmp_path, rows_columns):
    """stderr on a pseudo-terminal: tqdm draws there, while stdout (a pipe) still gets one line per article."""
    import fcntl
    import os
    import re
    import struct
    import termios

    articles = [ROOT / "tests" / "fixtures" / "articles" / name for name in ("harbour-bakery.txt", "clinic-boat.txt")]
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", *rows_columns, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "quizgen", "make", *map(str, articles), "-o", str(tmp_path),
                                "-n", "5", "--jobs", "1"], stdin=terminal, stdout=subprocess.PIPE, stderr=terminal,
                               cwd=ROOT)
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the process closed its end
            break
        if not chunk:
            break
        drawn += chunk
    stdout = process.communicate(timeout=600)[0].decode("utf-8")
    os.close(controller)
    bar = drawn.decode("utf-8", errors="replace")
    assert process.returncode == 0, bar
    assert re.search(r"1/2 \[\d\d:\d\d<\d\d:\d\d", bar), bar  # done of total, time spent < time left
    assert "article/s" in bar or "s/article" in bar
    assert "harbour-bakery.txt" in bar and "clinic-boat.txt" in bar  # the article in hand
    assert len(re.findall(r": \d+ items \(", stdout)) == 2


def test_each_worker_loads_the_model_once_however_many_articles_it_builds(tmp_path, monkeypatch):
    """spacy.load is wrapped to note the process that calls it; forked workers inherit the wrapper."""
    import multiprocessing
    import os

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("workers inherit the wrapper only when forked")

    import spacy

    from quizgen.batch import run_batch
    from quizgen.extract.nlp import load_nlp

    loads = tmp_path / "loads.txt"
    real_load = spacy.load

    def noting_load(*args, **kwargs):
        with open(loads, "a", encoding="utf-8") as record:
            record.write(f"{os.getpid()}\n")
        return real_load(*args, **kwargs)

    monkeypatch.setattr(spacy, "load", noting_load)
    load_nlp.cache_clear()  # workers forked from here must load for themselves
    try:
        outcomes = run_batch(ARTICLES, {"out_dir": tmp_path / "out", "count": 5}, jobs=2)
    finally:
        load_nlp.cache_clear()
    assert [o.error for o in outcomes] == [None] * len(ARTICLES) and len(ARTICLES) == 4
    pids = loads.read_text(encoding="utf-8").split()
    assert len(pids) == len(set(pids)) == 2  # two workers, one load each, for four articles
    assert str(os.getpid()) not in pids

"""Batches: --jobs spreads articles over processes with the same outputs; --help imports nothing heavy."""

from __future__ import annotations

import subprocess
import sys

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

"""Readers: .txt, .md and .html become an Article; page furniture and page chrome never reach the text."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from quizgen.errors import InputError, TemplateError
from quizgen.readers import read_article
from quizgen.readers.decode import read_regular_file
from quizgen.readers.markdown import strip_markdown
from quizgen.readers.normalize import MAX_LINE, MAX_TITLE, MAX_WORD, with_input_warnings
from tests.unit.bounded import run_bounded


def test_text_title_byline_and_furniture(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nBy Jo Bloggs\n\nFirst paragraph of the story.\n\nSecond one here.\n"
                    "Write to Jo Bloggs at jo@example.org\ntopics\n", encoding="utf-8")
    article = read_article(path)
    assert article.title == "A headline" and article.byline == "Jo Bloggs"
    assert article.paragraphs == ("First paragraph of the story.", "Second one here.")


def test_text_in_cp1252_keeps_pound_and_curly_quotes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Prices\n\nIt cost £5, said “Ann”.\n".encode("cp1252"))
    assert read_article(path).paragraphs == ("It cost £5, said “Ann”.",)


def test_markdown_front_matter_and_markup(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Tide power\nauthor: Sam Lee\ndate: 2026-01-02\nsource: The Courier\n---\n"
                    "# Tide power\n\nThe **ferry** sailed to [Kirkwall](http://x) on *Tuesday*.\n\n"
                    "- It carried 86 people.\n", encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.byline, article.date, article.source) == (
        "Tide power", "Sam Lee", "2026-01-02", "The Courier")
    assert article.paragraphs == ("The ferry sailed to Kirkwall on Tuesday.", "It carried 86 people.")


def test_html_main_text_without_scripts_or_navigation(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>Site | Story</title><meta property='og:title' content='Ferry sails on the tide'>"
        "<meta name='author' content='Sam Lee'><meta property='article:published_time' content='2026-03-02T10:00'>"
        "<meta property='og:site_name' content='The Courier'>"
        "<script>var x = 'do not read me please at all';</script></head>"
        "<body><nav><p>Home News Sport Weather and many more links here</p></nav>"
        "<article><h1>Ferry sails on the tide</h1><p>The ferry made its first crossing on Tuesday morning.</p>"
        "<div class='ad'>Subscribe now for only one pound a week, the best deal in town</div>"
        "<p>It carried 86 passengers &amp; 14 cars to Kirkwall.</p><p>The crossing took two hours.</p>"
        "<p>The captain said the sea was calm.</p><p>A second ferry will join it in May.</p></article>"
        "<footer><p>Copyright 2026 The Courier, all rights reserved worldwide.</p></footer></body></html>",
        encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.byline, article.date, article.source) == (
        "Ferry sails on the tide", "Sam Lee", "2026-03-02", "The Courier")
    assert article.paragraphs == ("The ferry made its first crossing on Tuesday morning.",
                                  "It carried 86 passengers & 14 cars to Kirkwall.", "The crossing took two hours.",
                                  "The captain said the sea was calm.", "A second ferry will join it in May.")


def test_html_of_only_scripts_and_navigation_is_refused(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Menu</title><script>alert('a long script text that goes on');</script>"
                    "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                    "<div class='menu'><ul><li>Sport and more sport pages here</li></ul></div></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_article(path)


def test_folder_and_unsupported_suffix_are_refused(tmp_path):
    with pytest.raises(InputError, match="folder"):
        read_article(tmp_path)
    (tmp_path / "a.odt").write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match="unsupported"):
        read_article(tmp_path / "a.odt")


# --- Hostile input: hangs, memory bombs, control characters (issue 15) ---------------------------------------------

def _read(path):
    """read_article and the InputWarnings it issued."""
    return with_input_warnings(lambda: read_article(path))


def test_a_byline_of_repeated_and_reads_at_once(tmp_path):
    # The old byline pattern could take each "and" two ways: 40 of them never finished.
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nBy Ann " + "and " * 40 + ",\n\nThe ferry sailed on Tuesday.\n", encoding="utf-8")
    article = run_bounded(lambda: read_article(path), 20).value
    assert article.byline is None and article.paragraphs[0].startswith("By Ann and and")


def test_byline_names_with_particles_still_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nBY Jo Bloggs and Sam de la Rey\n\nThe ferry sailed on Tuesday.\n", encoding="utf-8")
    assert read_article(path).byline == "Jo Bloggs and Sam de la Rey"


def test_write_to_line_with_a_long_gap_is_read_at_once(tmp_path):
    # Cubic before: "write to" + 3,000 spaces and tabs took minutes.
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nThe ferry sailed on Tuesday.\n\nwrite to" + " \t" * 3000 + "x\n\n"
                    "Write to Jo Bloggs at jo@example.org\n", encoding="utf-8")
    article = run_bounded(lambda: read_article(path), 20).value
    assert article.byline == "Jo Bloggs" and article.paragraphs == ("The ferry sailed on Tuesday.", "write to x")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    error = run_bounded(lambda: read_article(path), 20).value
    assert isinstance(error, InputError) and "named pipe (FIFO), not a regular file" in str(error)


def test_dev_zero_is_refused_not_read_until_memory_runs_out(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    path = tmp_path / "zero.txt"
    path.symlink_to("/dev/zero")
    finished = run_bounded(lambda: read_article(path), 20)
    assert isinstance(finished.value, InputError) and "is a device, not a regular file" in str(finished.value)


def test_read_regular_file_reads_at_most_the_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2049)
    assert read_regular_file(path, 4096) == b"x" * 2049
    with pytest.raises(InputError, match="more than 2 kB is too large for an article"):
        read_regular_file(path, 2048, what="article")
    with pytest.raises(TemplateError, match="no such file"):
        read_regular_file(tmp_path / "missing.yaml", 2048, error=TemplateError)


@pytest.mark.parametrize("raw", ["\x0b", "\x0c", "\x1b[31m", "\x07", "\x1b]0;title\x07", "\x9b", "\x7f", "\x1c"])
def test_control_characters_never_reach_the_article(tmp_path, raw):
    path = tmp_path / "a.txt"
    path.write_text(f"Ferry{raw} news\n\nThe ferry{raw}sailed to Kirkwall on Tuesday.\n", encoding="utf-8")
    article = read_article(path)
    text = article.title + article.text
    assert not [ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t"], repr(text)
    assert "[31m" not in text and "title" not in text  # escape sequences go whole
    # \v and \f end a line, so the words either side stay apart.
    assert "ferry sailed" in article.text or "ferrysailed" in article.text
    assert raw not in "\x0b\x0c" or "ferry sailed" in article.text


def test_control_characters_in_html_are_dropped(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("<html><head><title>Ferry\x1b[2J news</title></head><body><article><h1>Ferry\x1b[2J news</h1>"
                    "<p>The ferry made its first crossing\x0b on Tuesday morning with 86 people aboard.</p>"
                    "<p>It carried 86 passengers \x07and 14 cars to Kirkwall, the council said on Wednesday.</p>"
                    "<p>The crossing took two hours.</p><p>The sea was calm.</p><p>A second ferry sails in May.</p>"
                    "</article></body></html>", encoding="utf-8")  # five sentences: a page needs them (issue 19)
    article = read_article(path)
    assert article.title == "Ferry news"
    assert article.paragraphs[1] == "It carried 86 passengers and 14 cars to Kirkwall, the council said on Wednesday."


@pytest.mark.parametrize("mark", ['"', "[", "(", ",", "!", "“", "—", "_", "*"])
def test_a_run_of_one_mark_is_shortened_with_a_warning(tmp_path, mark):
    path = tmp_path / "a.txt"
    path.write_text(f"Runs\n\nThe ferry sailed on Tuesday.\n\nThen {mark * 60_000} it rained.\n", encoding="utf-8")
    article, notes = run_bounded(lambda: _read(path), 20).value
    assert article.paragraphs[1] == f"Then {mark * 3} it rained."
    assert notes == (f"shortened 1 run of one repeated character (the longest: 60,000 × {mark!r})",)


def test_rules_and_ordinary_punctuation_are_left_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Rules\n" + "=" * 60 + "\n\nWait... what?! The ferry -- late again -- sailed.\n", encoding="utf-8")
    article, notes = _read(path)
    assert article.paragraphs == ("===", "Wait... what?! The ferry -- late again -- sailed.") and notes == ()


def test_an_over_long_word_is_cut_and_a_long_line_split_at_sentence_ends(tmp_path):
    sentence = "The ferry sailed to Kirkwall on a calm and bright Tuesday morning. "
    path = tmp_path / "a.txt"
    path.write_text("Long\n\n" + "([" * 5_000 + "\n\n" + sentence * 400 + "\n", encoding="utf-8")
    article, notes = _read(path)
    assert len(article.paragraphs[0]) == MAX_WORD and article.paragraphs[0].endswith("…")
    assert all(len(p) <= MAX_LINE and p.endswith("morning.") for p in article.paragraphs[1:])
    assert " ".join(article.paragraphs[1:]) == (sentence * 400).strip()
    assert notes == (f"cut 1 over-long word to {MAX_WORD} characters (the longest had 10,000)",
                     f"split 1 line longer than {MAX_LINE:,} characters into paragraphs (the longest had 26,800)")


def test_an_over_long_title_is_cut_at_a_word(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: " + "Tide power " * 20_000 + "\n---\nThe ferry sailed on Tuesday.\n",
                    encoding="utf-8")
    article, notes = _read(path)
    assert len(article.title) <= MAX_TITLE and article.title.endswith("power…")
    assert notes == ("cut the title (219,999 characters) to 300",)
    assert article.paragraphs == ("The ferry sailed on Tuesday.",)


# --- Markdown front matter: the facts.yaml reader's guard, and field types ----------------------------------------

def _markdown(tmp_path, front: str) -> Path:
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}\n---\nThe ferry sailed to Kirkwall on Tuesday.\n", encoding="utf-8")
    return path


def test_front_matter_aliases_are_refused_before_expansion(tmp_path):
    laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    laughs += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
               f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(9)]
    path = _markdown(tmp_path, "\n".join(laughs) + "\ntitle: *j")
    finished = run_bounded(lambda: read_article(path), 30)
    assert isinstance(finished.value, InputError), finished.value
    assert str(finished.value) == f"{path}:2: YAML anchors and aliases are not allowed"
    assert finished.peak_mb < 1024


@pytest.mark.parametrize(("front", "message"), [
    ("title: Tide\ndate: 2024-02-30", ":3: front matter: date is not a real date (day is out of range for month)"),
    ("title: Tide\nupdated: 2024-13-01", ":3: front matter: updated is not a real date (month must be in 1..12)"),
    ("date: '2024-02-30'", ":2: front matter: date is not a real date"),
    ("date: [1, 2]", ":2: front matter: date should be a date like 2026-01-31, not list"),
    ("title: [Tide, power]", ":2: front matter: title should be text, not a list"),
    ("title: {a: b}", ":2: front matter: title should be text, not dict"),
    ("- title\n- date", ":2: front matter should be fields (title: …, date: …), not a list"),
    ("title: [unclosed", ":3: front matter is not valid YAML"),
])
def test_bad_front_matter_is_one_clear_error(tmp_path, front, message):
    path = _markdown(tmp_path, front)
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert str(caught.value).startswith(f"{path}{message}")


def test_front_matter_types_are_read_as_text(tmp_path):
    article = read_article(_markdown(tmp_path, "title: 1984\ndate: 2026-01-02 10:30:00\nauthor: Sam Lee"))
    assert (article.title, article.date, article.byline) == ("1984", "2026-01-02", "Sam Lee")
    article = read_article(_markdown(tmp_path, "title: Tide\ndate: March 3, 2026\nsource: null\n"
                                                "author: [Sam Lee, Jo Bloggs]"))
    assert (article.title, article.date, article.source, article.byline) == (
        "Tide", "March 3, 2026", None, "Sam Lee, Jo Bloggs")


def test_unclosed_comment_and_fence_run_to_the_end_as_in_commonmark(tmp_path):
    assert strip_markdown("Kept.\n\n<!-- gone\n\nand gone") == "Kept.\n\n"
    assert strip_markdown("Kept `code` and *stress* and __strong__.") == "Kept code and stress and strong."
    assert strip_markdown("See [the map](http://x/a) and ![a pic](p.png) here.") == "See the map and  here."

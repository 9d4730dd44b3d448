"""Readers: .txt, .md and .html become an Article; page furniture and page chrome never reach the text."""

from __future__ import annotations

import pytest

from quizgen.errors import InputError
from quizgen.readers import read_article


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

"""Hostile article text reaches no renderer: Anki fields are HTML-escaped, PDF markup is escaped."""

from __future__ import annotations

from dataclasses import replace

from quizgen.exporters.anki import export_anki
from quizgen.exporters.pdf import export_pdfs
from quizgen.generate import generate_quiz
from quizgen.model import Sentence
from quizgen.templates import load_templates
from tests.conftest import import_apkg, pdf_text, squash
from tests.unit.factories import sample_facts

HOSTILE = ('<img src="/etc/passwd"/> <script>alert(1)</script> <font color=red>{{ 7*7 }}</font> '
           '<img src=x onerror=alert(2)> <a href="javascript:alert(3)">link</a>')


def _hostile_quiz():
    facts = sample_facts()
    sentences = list(facts.sentences)
    sentences[0] = Sentence(0, 0, sentences[0].text.replace("on Monday", f"on Monday {HOSTILE}"))
    facts = replace(facts, sentences=tuple(sentences), title=f"Barrier {HOSTILE}")
    return generate_quiz(facts, load_templates(), count=12, seed=0)


def test_pdf_prints_markup_literally(tmp_path):
    quiz = _hostile_quiz()
    export_pdfs(quiz, tmp_path / "w.pdf", tmp_path / "k.pdf")
    for name in ("w.pdf", "k.pdf"):
        text = squash(pdf_text(tmp_path / name))
        assert squash(HOSTILE) in text


def test_anki_shows_markup_as_text(tmp_path):
    quiz = _hostile_quiz()
    export_anki([quiz], tmp_path / "d.apkg", timestamp=1_700_000_000)
    col = import_apkg(tmp_path / "c.anki2", tmp_path / "d.apkg")
    try:
        rendered = "".join(col.get_card(c).question() + col.get_card(c).answer() for c in col.find_cards(""))
        assert "<script>" not in rendered and "<img src" not in rendered and "<a href" not in rendered
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
        assert "&lt;img src=x onerror=alert(2)&gt;" in rendered
        assert "{{ 7*7 }}" in rendered and "49" not in rendered
    finally:
        col.close()


def test_quiz_yaml_round_trips_every_item():
    from quizgen.quizfile import dump_quiz, parse_quiz

    quiz = generate_quiz(sample_facts(), load_templates(), count=12, seed=0)
    back = parse_quiz(dump_quiz(quiz), "quiz.yaml")
    assert back.items == tuple(replace(i, score=0.0) for i in quiz.items)  # the ranking score is not saved
    assert dump_quiz(replace(back, seed=quiz.seed, requested=quiz.requested, shortfall=quiz.shortfall)) == dump_quiz(
        quiz)

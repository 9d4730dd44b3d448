"""Hostile article text reaches no renderer: Anki fields are HTML-escaped, PDF markup is escaped, GIFT is marked
HTML and escaped, control characters never make an export ill-formed (issue 15, the exporters' findings)."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace

import openpyxl
import pytest

from quizgen.errors import OverwriteRefusedError
from quizgen.exporters.anki import export_anki
from quizgen.exporters.gift import dump_gift
from quizgen.exporters.pdf import export_pdfs
from quizgen.generate import generate_quiz
from quizgen.model import Item, Quiz, Sentence, build_cloze, cloze_parts
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


# --- Issue 15, the exporters' findings: each with a minimal input -----------------------------------------------

def _item(kind: str = "mcq", **fields) -> Item:
    base = {"id": f"i-{kind}", "type": kind, "question": "Which?", "answer": "Ann", "source": "Ann spoke.",
            "paragraph": 1, "template": "t", "fact": f"f-{kind}"}
    if kind in {"mcq", "true_false"}:
        base["options"] = ("Ann", "Bo") if kind == "mcq" else ("True", "False")
        base["answer"] = "Ann" if kind == "mcq" else "True"
    base.update(fields)
    return Item(**base)


def _quiz(*items: Item, title: str = "Ferry", extras: tuple[str, ...] = ()) -> Quiz:
    return Quiz(title=title, slug="ferry", seed=0, requested=len(items), items=items, article_id="ferry",
                bank_extras=extras)


CONTROLS = "bell\x07 vt\x0b esc\x1b[31m nul\x00 c1\x85\x9b del\x7f"


def test_control_characters_leave_every_export_well_formed(tmp_path):
    """Finding 7: \\x0b and \\x1b made Moodle XML and QTI ill-formed and crashed the Kahoot export."""
    from quizgen.exporters.common import ExportSettings
    from quizgen.formats import FORMATS, export_formats

    items = (_item("mcq", question=f"Who? {CONTROLS}", options=(f"Ann{CONTROLS}", "Bo"), answer=f"Ann{CONTROLS}"),
             _item("cloze", cloze=f"{{{{c1::Ann\x0b}}}} said {CONTROLS}.", blanks=("Ann\x0b",),
                   source=f"Ann said {CONTROLS}."),
             _item("short_answer", question="Name\x1b?", accepted=("Ann\x0b",)),
             _item("matching", pairs=(("A\x0b", "b\x1b"), ("C", "d")), answer="…"))
    files, _ = export_formats(_quiz(*items, title=f"Ferry {CONTROLS}"), tmp_path, FORMATS,
                              ExportSettings(note_time=1_700_000_000))
    texts = []  # every text file and every text member of a zip (PDFs and the Anki database are binary)
    for path in files:
        if path.suffix in {".zip", ".xlsx"}:
            with zipfile.ZipFile(path) as archive:
                texts += [(f"{path.name}:{n}", archive.read(n)) for n in archive.namelist()]
        elif path.suffix not in {".pdf", ".apkg"}:
            texts.append((path.name, path.read_bytes()))
    assert {name.split(":")[0] for name, _ in texts} >= {"ferry.moodle.xml", "ferry.qti.zip", "ferry.gift.txt"}
    for name, data in texts:
        if data.startswith(b"<?xml"):
            ET.fromstring(data)  # well-formed
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]", data), name
    assert openpyxl.load_workbook(tmp_path / "ferry.kahoot.xlsx").active["B9"].value.startswith("Who? bell vt")


def test_gift_escapes_article_html(tmp_path):
    """Finding 10: <img>, <script> and <a href="file:///…"> reached the .gift.txt and Moodle rendered them."""
    hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> <a href="file:///etc/passwd">x</a>'
    items = (_item("mcq", question=f"Who? {hostile}", options=(hostile, "Bo"), answer=hostile, source=hostile),
             _item("cloze", cloze=f"{{{{c1::Ann}}}} wrote {hostile}", blanks=("Ann",), source=f"Ann wrote {hostile}"),
             _item("matching", pairs=((hostile, "role"), ("Bo", "other")), answer="…"))
    text = dump_gift(_quiz(*items))
    assert "<img" not in text and "<script" not in text and "<a " not in text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in text
    assert all(line.startswith("::Q") and "::[html]" in line for line in text.splitlines() if line.startswith("::"))


def test_cloze_markers_in_article_text_make_no_anki_cards_of_their_own(tmp_path):
    """Finding 11: `{{c7::…}}` in the article (inside or around a blank) must not make card 7."""
    from quizgen.exporters.anki import cloze_field

    cloze = "The {{c1::ferry {{c7::x}} boat}} sailed; see {{c9::hidden}} and {{c3::::hint}} in text."
    item = _item("cloze", cloze=build_cloze("The ferry {{c7::x}} boat sailed to {{c9::Westray}}.", [(4, 26)]),
                 blanks=("ferry {{c7::x}} boat",), source="x")
    field = cloze_field(item)
    assert re.findall(r"\{\{c(\d+)::", field) == ["1"]
    hostile = _item("cloze", cloze=cloze, blanks=("",), source="x", id="i-2", fact="f2")
    record = [p.number for p in cloze_parts(cloze) if not isinstance(p, str)]
    assert [int(n) for n in re.findall(r"\{\{c(\d+)::", cloze_field(hostile))] == record  # no marker of its own
    joined = _item("cloze", cloze="{{c1::Ann}} sailed {\x0b{c7::away}}.", blanks=("Ann",), source="x", id="i-3")
    export_anki([_quiz(item, joined)], tmp_path / "d.apkg", timestamp=1_700_000_000)
    col = import_apkg(tmp_path / "c.anki2", tmp_path / "d.apkg")
    try:
        cards = [col.get_card(c) for c in col.find_cards("")]
        assert len(cards) == 2 and {c.ord for c in cards} == {0}  # one card per note: no card 7 from either
        answers = "".join(c.answer() for c in cards)
        assert "{{c7::x}}" not in answers and "Westray" in answers and "away" in answers
    finally:
        col.close()


def test_anki_package_refuses_to_overwrite_a_file_quizgen_did_not_write(tmp_path):
    """Finding 16: --anki-package overwrote any file, the article or an edited facts.yaml included."""
    from quizgen.exporters.anki import is_quizgen_package, write_anki_package

    quiz = _quiz(_item("mcq"))
    article = tmp_path / "article.txt"
    article.write_text("My article.\n", "utf-8")
    with pytest.raises(OverwriteRefusedError, match="--force"):
        write_anki_package([quiz], article, 1_700_000_000)
    assert article.read_text("utf-8") == "My article.\n"
    package = tmp_path / "class.apkg"
    assert write_anki_package([quiz], package, 1_700_000_000) == 1
    assert write_anki_package([quiz, quiz], package, 1_700_000_001) == 2  # its own package: replaced
    assert write_anki_package([quiz], article, 1_700_000_000, force=True) == 1 and is_quizgen_package(article)
    fifo = tmp_path / "pipe.apkg"
    os.mkfifo(fifo)  # never opened: reading it would wait for a writer forever
    with pytest.raises(OverwriteRefusedError):
        write_anki_package([quiz], fifo, 1_700_000_000)


def test_cli_anki_package_refuses_an_existing_article_without_force(tmp_path):
    """The CLI's --anki-package goes through the same check (in process, from a quiz.yaml: no model needed)."""
    from quizgen.cli import main
    from quizgen.exporters.anki import is_quizgen_package
    from quizgen.quizfile import dump_quiz

    source = tmp_path / "quiz.yaml"
    source.write_text(dump_quiz(_quiz(_item("mcq"))), "utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Keep me.\n", "utf-8")
    args = ["make", str(source), "-o", str(tmp_path / "out"), "-j", "1", "--anki-package", str(article)]
    assert main(args) == 1
    assert article.read_text("utf-8") == "Keep me.\n"
    assert main([*args, "--force"]) == 0 and is_quizgen_package(article)


def test_a_superscript_digit_sorts_in_the_word_bank(tmp_path):
    """Finding 17: '²'.isdigit() is true but float('²') fails: the word-bank sort crashed."""
    from quizgen.exporters.common import word_bank

    item = _item("cloze", cloze="The island covers {{c1::47 km²}}.", blanks=("47 km²",), source="x")
    quiz = _quiz(item, extras=("m²", "12", "x³y"))
    assert word_bank(quiz) == ["12", "47 km²", "m²", "x³y"]
    export_pdfs(quiz, tmp_path / "w.pdf", tmp_path / "k.pdf")
    assert "47 km²" in pdf_text(tmp_path / "w.pdf")


def test_titles_make_no_nested_decks_and_direction_overrides_are_dropped(tmp_path):
    """Finding 18: `::` in a title made nested Anki decks; U+202E passed into deck names and fields."""
    quiz = _quiz(_item("mcq", question="Who\u202e?"), title="Ferry::Hacked::Deck \u202egnp.exe")
    export_anki([quiz], tmp_path / "d.apkg", timestamp=1_700_000_000, parent="Class::Year 9")
    col = import_apkg(tmp_path / "c.anki2", tmp_path / "d.apkg")
    try:
        names = {d.name for d in col.decks.all_names_and_ids()}
        assert "Class::Year 9::Ferry:Hacked:Deck gnp.exe" in names
        assert not any("Hacked::" in n for n in names)
        fields = "".join("".join(col.get_note(n).fields) for n in col.find_notes(""))
        assert "\u202e" not in fields and "Who?" in fields
    finally:
        col.close()


def test_a_sentence_longer_than_a_page_and_an_unbroken_word_print(tmp_path):
    """Finding 8: ~1,500 words in one sentence crashed the PDF writer ('_Paragraph' … 'blPara'); so did a
    200,000-character title (now cut to a heading's length, which also keeps it fast)."""
    sentence = " ".join(["the ferry sailed"] * 500) + "."
    word = "x" * 3000
    items = (_item("mcq", question=sentence, source=sentence),
             _item("short_answer", question=f"Spell {word}?", answer=word, accepted=(word,), source=word))
    export_pdfs(_quiz(*items, title="Ferry " * 30000 + "x" * 100_000), tmp_path / "w.pdf", tmp_path / "k.pdf")
    assert squash("the ferry sailed the ferry sailed") in squash(pdf_text(tmp_path / "w.pdf"))
    assert squash("Ferry Ferry") in squash(pdf_text(tmp_path / "w.pdf"))  # the title, cut to a heading's length
    assert squash(pdf_text(tmp_path / "k.pdf")).count("x" * 50) >= 1


def test_dropping_a_control_never_empties_a_blank():
    """A blank '}\\x1f}0': without the control its braces would close the marker early and leave an empty blank."""
    from quizgen.exporters.common import _clean_cloze
    from quizgen.model import ClozeBlank, cloze_parts

    blanks = [p for p in cloze_parts(_clean_cloze("Before {{c1::}\x1f}0}} after.")) if isinstance(p, ClozeBlank)]
    assert len(blanks) == 1 and blanks[0].answer.replace(" ", "") == "}}0"

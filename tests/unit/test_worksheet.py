"""The printed worksheet and key, read back from the PDF: layout, versions, fonts and glyphs (no model)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pypdf import PdfReader

from quizgen.exporters.pdf import export_pdfs
from quizgen.model import Item, Quiz
from quizgen.quizfile import dump_quiz
from quizgen.readability import flesch_kincaid_grade, syllables
from quizgen.versions import make_versions, numbered
from quizgen.yamlio import load_yaml
from tests.conftest import squash


def _mcq(k: int, text: str = "Which harbour did ferry {k} sail from on its first crossing of the season?") -> Item:
    options = tuple(f"Option {k}-{c} harbour" for c in "abcd")
    return Item(id=f"i{k:02}", type="mcq", question=text.format(k=k), answer=options[k % 4], options=options,
                source=f"Ferry {k} sailed from {options[k % 4]}.", paragraph=k, template="t", fact=f"f{k}")


def _long_quiz() -> Quiz:
    """60 items of every type, some long enough to wrap over several lines."""
    items: list[Item] = [_mcq(k) for k in range(1, 31)]
    items += [Item(id=f"c{k:02}", type="cloze", question=f"The ferry carried _____ (1) cars on trip {k}.",
                   answer=str(k + 10), blanks=(str(k + 10),),
                   cloze=f"The ferry carried {{{{c1::{k + 10}}}}} cars on trip {k}.",
                   source=f"The ferry carried {k + 10} cars on trip {k}.", paragraph=1, template="c", fact=f"c{k}")
              for k in range(1, 11)]
    items += [Item(id=f"t{k:02}", type="true_false", question=f"Statement {k}: the crossing took {k} hours.",
                   answer="True" if k % 2 else "False", options=("True", "False"),
                   source=f"The crossing took {k} hours.", paragraph=2, template="tf", fact=f"t{k}")
              for k in range(1, 11)]
    items += [Item(id=f"s{k:02}", type="short_answer", question=f"Name the captain of ferry {k}.",
                   answer=f"Captain {k}", accepted=(f"Captain {k}",), source=f"Captain {k} sailed.", paragraph=3,
                   template="sa", fact=f"s{k}") for k in range(1, 10)]
    items.append(Item(id="m01", type="matching", question="Match each person to their role.", answer="…",
                      pairs=(("Isla Hendry", "chief executive"), ("Tomas Aaberg", "marine engineer"),
                             ("Erlend Drever", "captain")), source="x", paragraph=4, template="m", fact="people"))
    return Quiz(title="A long quiz on the harbour ferry", slug="long", seed=3, requested=60, items=tuple(items),
                reading_grade=8.4, bank_extras=("99", "Kirkwall"))


def _stem(number: int, item: Item) -> str:
    return f"{number}. ☐ T ☐ F {item.question}" if item.type == "true_false" else f"{number}. {item.question}"


def _pages(path) -> list[str]:
    return [squash(page.extract_text() or "") for page in PdfReader(str(path)).pages]


def test_sixty_items_lay_out_with_no_item_split_over_a_page(tmp_path):
    quiz = _long_quiz()
    export_pdfs(quiz, tmp_path / "w.pdf", tmp_path / "k.pdf")
    pages = _pages(tmp_path / "w.pdf")
    assert len(pages) >= 3 and all(f"Page{n}of{len(pages)}" in p for n, p in enumerate(pages, start=1))
    for number, item in numbered(quiz):
        holding = [p for p in pages if squash(_stem(number, item)) in p]
        assert len(holding) == 1, (number, item.question)  # the whole stem on one page
        for option in item.options if item.type == "mcq" else ():
            assert squash(option) in holding[0], (number, option)  # no orphaned option
    # The key numbers the same items the same way, with every answer.
    key = "".join(_pages(tmp_path / "k.pdf"))
    for number, item in numbered(quiz):
        if item.type == "mcq":
            assert squash(f"{number}. {item.answer_letter}. {item.answer}") in key


def test_header_has_reading_level_name_lines_and_word_bank_in_order(tmp_path):
    quiz = _long_quiz()
    export_pdfs(quiz, tmp_path / "w.pdf", tmp_path / "k.pdf")
    first = _pages(tmp_path / "w.pdf")[0]
    assert "Readinglevel:grade8.4(Flesch–Kincaid)" in first
    assert "Name:" in first and "Class:" in first and "Date:" in first
    text = "".join(_pages(tmp_path / "w.pdf"))
    bank = [w for w in ("11", "12", "20", "99", "Kirkwall")]
    positions = [text.index("•" + squash(w)) for w in bank]
    assert positions == sorted(positions)  # numbers in numeric order, then words


def test_versions_shuffle_items_and_options_and_keys_follow(tmp_path):
    quiz = _long_quiz()
    versions = make_versions(quiz, 3)
    assert [v.version for v in versions] == ["A", "B", "C"]
    assert versions[0].items == quiz.items
    assert [i.id for i in versions[1].items] != [i.id for i in quiz.items]
    assert sorted(i.id for i in versions[1].items) == sorted(i.id for i in quiz.items)
    assert make_versions(quiz, 3) == versions  # seeded: the same every time
    recorded = load_yaml(dump_quiz(quiz, versions), "quiz.yaml")["versions"]
    for version in versions:
        export_pdfs(version, tmp_path / f"w{version.version}.pdf", tmp_path / f"k{version.version}.pdf")
        pages = _pages(tmp_path / f"w{version.version}.pdf")
        assert all(f"Version{version.version}·Page" in p for p in pages)
        key = "".join(_pages(tmp_path / f"k{version.version}.pdf"))
        for row in recorded[version.version]:
            item = next(i for i in version.items if i.id == row["id"])
            assert squash(_stem(row["number"], item)) in "".join(pages)
            if item.type == "mcq":
                assert squash(f"{row['number']}. {row['answer']}") in key
    letters = {v.version: [i.answer_letter for i in v.items if i.type == "mcq"] for v in versions}
    assert letters["A"] != letters["B"]
    for run in range(0, 28, 4):  # each run of four multiple-choice items uses A, B, C and D once
        assert sorted(letters["B"][run:run + 4]) == ["A", "B", "C", "D"]


def test_cyrillic_and_accents_print_with_an_embedded_font(tmp_path):
    words = "Ткачёв сказал «спасибо» — Zoë Ñúñez, São Paulo, Łódź, naïve café"
    quiz = replace(_long_quiz(), title=f"Вести недели: {words}",
                   items=(replace(_mcq(1), question=f"Кто сказал «{words}»?"),))
    export_pdfs(quiz, tmp_path / "w.pdf", tmp_path / "k.pdf")
    text = squash("".join(_pages(tmp_path / "w.pdf")))
    assert squash(words) in text and squash("Кто сказал") in text
    reader = PdfReader(str(tmp_path / "w.pdf"))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = set()
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = (font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"])
        assert "/FontFile2" in descriptor.get_object()  # the TrueType program is in the file
        names.add(str(font["/BaseFont"]))
    assert any("SourceSans" in n for n in names), names


@pytest.mark.parametrize("paper, width", [("letter", 612), ("a4", 595)])
def test_paper_sizes(tmp_path, paper, width):
    export_pdfs(_long_quiz(), tmp_path / "w.pdf", tmp_path / "k.pdf", paper=paper)
    assert round(float(PdfReader(str(tmp_path / "w.pdf")).pages[0].mediabox.width)) == width


def test_same_quiz_gives_byte_identical_pdfs(tmp_path):
    quiz = make_versions(_long_quiz(), 2)[1]
    export_pdfs(quiz, tmp_path / "w1.pdf", tmp_path / "k1.pdf")
    export_pdfs(quiz, tmp_path / "w2.pdf", tmp_path / "k2.pdf")
    assert (tmp_path / "w1.pdf").read_bytes() == (tmp_path / "w2.pdf").read_bytes()
    assert (tmp_path / "k1.pdf").read_bytes() == (tmp_path / "k2.pdf").read_bytes()


def test_flesch_kincaid_grade():
    assert [syllables(w) for w in ("the", "ferry", "passengers", "crossed", "cable", "tides")] == [1, 2, 3, 1, 2, 1]
    easy = "The cat sat on the mat. The dog ran to the cat. " * 5
    hard = ("Parliamentary representatives deliberated extensively regarding institutional accountability "
            "mechanisms, constitutional implications and administrative responsibilities. ") * 3
    assert flesch_kincaid_grade(easy) < 2 < 12 < flesch_kincaid_grade(hard)
    assert flesch_kincaid_grade("Too short.") is None


_TEXTS = [
    "Which harbour did the ferry sail from?",
    "The tidal ferry, which the council bought for £4.2m after a vote of nine to two, will carry up to 120 "
    "passengers and 14 cars between Kirkwall and the island of Westray six times a day from May.",
    "“We welcome clean boats, but islanders cannot be left with the bill when the batteries wear out,” said the "
    "councillor, who has represented the ward since 2009 and chairs the harbour board's finance committee.",
    "See https://example.org/a-very-long-address/that/cannot/break/anywhere/because/it/has/no/spaces/at/all/x"
    "yz0123456789abcdefghijklmnopqrstuvwxyz for the timetable.",
    "A tab\tand a thin\u2009space go to the paragraph.",
    "Вести недели says the crossing — all 14 miles of it — takes “about 45 minutes” in calm weather, and an "
    "hour or more when the wind is from the west.",
]


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("style_name", ["question", "small", "option"])
def test_plain_text_breaks_lines_where_a_paragraph_would(text, style_name):
    """Worksheet text is drawn without a Paragraph, but must take the same lines and the same height."""
    from reportlab.platypus import Paragraph

    from quizgen.exporters.common import escape_reportlab
    from quizgen.exporters.pdf import FONT, FONT_BOLD, NBSP, _PlainText, _register_fonts, _styles

    _register_fonts()
    style = _styles()[style_name]
    for width in (300.0, 451.3):
        plain = _PlainText([(FONT_BOLD, "12."), (FONT, f"{NBSP * 2}{text}")], style)
        paragraph = Paragraph(f"<b>12.</b>&nbsp;&nbsp;{escape_reportlab(text)}", style)
        assert plain.wrap(width, 1000) == paragraph.wrap(width, 1000)
        single = _PlainText([(FONT, text)], style)
        reference = Paragraph(escape_reportlab(text), style)
        assert single.wrap(width, 1000) == reference.wrap(width, 1000)
        # Tabs, thin spaces and words wider than the line are left to the Paragraph; the rest quizgen draws.
        assert (single._drawn_as is None) == ("\t" not in text and "https" not in text)
        if single._drawn_as is None:  # the same words on each line
            assert [[w[1][0][1] for w in line.words] for line in single._lines] == [
                list(words) for _, words in reference.blPara.lines]
            assert all(line.used <= line.limit * 1.02 for line in single._lines)


def test_seven_options_print_with_letters_a_to_g_and_the_key_names_the_seventh(tmp_path):
    """Issue 15, finding 9 (the writers' side): seven options printed only A–F and dropped the correct one."""
    options = tuple(f"Harbour {k}" for k in range(1, 8))
    item = Item(id="i7", type="mcq", question="Which harbour?", answer="Harbour 7", options=options,
                source="The ferry left Harbour 7.", paragraph=1, template="t", fact="f")
    quiz = Quiz(title="Seven", slug="seven", seed=0, requested=1, items=(item,))
    export_pdfs(quiz, tmp_path / "w.pdf", tmp_path / "k.pdf")
    worksheet, key = squash("".join(_pages(tmp_path / "w.pdf"))), squash("".join(_pages(tmp_path / "k.pdf")))
    assert all(squash(f"{letter}. Harbour {k}") in worksheet for k, letter in enumerate("ABCDEFG", start=1))
    assert squash("1. G. Harbour 7") in key

"""quiz.yaml: an exact round trip, and every edit a writer could not print refused with file, line and field."""

from __future__ import annotations

import functools
from dataclasses import replace

import pytest

from quizgen import api
from quizgen.cli import main
from quizgen.errors import QuizFileError
from quizgen.quizfile import dump_quiz, parse_quiz, read_quiz
from tests.unit.factories import sample_facts


@functools.cache
def _quiz_text() -> str:
    return dump_quiz(api.generate_quiz(sample_facts(), count=12, seed=0))


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def _edit_item(kind: str, old: str, new: str) -> str:
    """The quiz text with `old` replaced by `new` in the first item of type `kind` that holds it."""
    text = _quiz_text()
    blocks = text.split("\n- id: ")
    for number, block in enumerate(blocks):
        if f"\n  type: {kind}\n" in block and old in block:
            blocks[number] = block.replace(old, new, 1)
            return "\n- id: ".join(blocks)
    raise AssertionError(f"no {kind} item holds {old!r}")


def test_round_trip_keeps_every_item():
    quiz = api.generate_quiz(sample_facts(), count=12, seed=0)
    again = parse_quiz(dump_quiz(quiz), "quiz.yaml")
    assert again.items == tuple(replace(item, score=0.0) for item in quiz.items)  # the score is not written
    assert again.title == quiz.title and again.seed == quiz.seed
    assert dump_quiz(again) == dump_quiz(quiz)


def _nine_options() -> str:
    options = "".join(f"  - Option {n}\n" for n in range(8))
    return _edit_item("mcq", "  options:\n", f"  options:\n{options}")


def _twelve_pairs() -> str:
    pairs = "".join(f"  - left: Person {n}\n    right: Role {n}\n" for n in range(10))
    return _edit_item("matching", "  pairs:\n", f"  pairs:\n{pairs}")


# (edited text, the field the error must name, words it must contain, a line of the text the error must point at)
CASES = {
    "seed is not a number": (lambda: _quiz_text().replace("seed: 0", "seed: abc"), "seed", "whole number",
                             "seed: abc"),
    "reading grade is text": (lambda: _quiz_text().replace("reading_grade: 8.3", 'reading_grade: "x"'),
                              "reading_grade", "should be a number", "reading_grade:"),
    "integer options": (lambda: _edit_item("mcq", "  - Tom Ellis\n", "  - 42\n"), "options[0]",
                        "should be text, not a whole number", "  - 42"),
    "answer not an option": (lambda: _edit_item("mcq", "  answer: Priya Nair", "  answer: Someone Else"), "answer",
                             "is not one of the options", "answer: Someone Else"),
    "blank not in the cloze": (lambda: _edit_item("cloze", "  - Harwick\n", "  - Castleford\n"), "cloze",
                               "do not match `blanks`", "  cloze: The city council of {{c1::"),
    "cloze and source disagree": (lambda: _edit_item("cloze", "  source: The city council of Harwick",
                                                      "  source: The town council of Harwick"), "cloze",
                                  "should read as the item's `source`", "  cloze: The city council of {{c1::"),
    "blank spaced unlike the source": (lambda: _edit_item("cloze", "{{c1::Harwick}}", "{{c1::Har wick}}").replace(
        "  - Harwick\n", "  - Har wick\n"), "cloze", "should read as the item's `source`",
        "  cloze: The city council of {{c1::"),
    "empty blanks": (lambda: _edit_item("cloze", "  blanks:\n  - Harwick\n  - £120 million\n", "  blanks: []\n"),
                     "blanks", "has 0 blanks", "  blanks: []"),
    "nine options": (_nine_options, "options", "has 12 options; an item has 2 to 10", "  - Option 0"),
    "twelve pairs": (_twelve_pairs, "pairs", "has 13 pairs; an item has 2 to 10", "  - left: Person 0"),
    "slug leaves the folder": (lambda: _quiz_text().replace("slug: harwick-votes-for-a-tidal-barrier",
                                                            "slug: ../../c/out/y"), "slug",
                               "lowercase letters, digits and hyphens", "slug: ../"),
    "slug with an escape": (lambda: _quiz_text().replace("slug: harwick-votes-for-a-tidal-barrier",
                                                         'slug: "x\\e[31mred"'), "slug", "for example", "slug: "),
    "unknown type": (lambda: _edit_item("short_answer", "type: short_answer", "type: essay"), "type",
                     "should be one of", "type: essay"),
    "missing source": (lambda: _edit_item("short_answer", "  source: ", "  origin: "), "origin",
                       "unknown field 'origin'", "  origin: "),
    "true/false answer": (lambda: _edit_item("true_false", "  answer: 'False'", "  answer: maybe"), "answer",
                          "'True' or 'False'", "answer: maybe"),
    "schema from the future": (lambda: _quiz_text().replace("schema: 1", "schema: 7"), "schema", "upgrade quizgen",
                               "schema: 7"),
    "duplicate ids": (lambda: _quiz_text().replace("id: harwick-votes-for-a-tida-0068567176",
                                                   "id: harwick-votes-for-a-tida-a466b0ecbf  # copied"),
                      "items[1].id", "is there twice", "# copied"),
    "difficulty out of range": (lambda: _edit_item("mcq", "  difficulty: 2", "  difficulty: 9"), "difficulty",
                                "from 1 to 3", "difficulty: 9"),
}


@pytest.mark.parametrize("case", CASES)
def test_an_edit_no_writer_could_print_is_one_error_with_line_and_field(case):
    make_text, field, words, line_text = CASES[case]
    text = make_text()
    with pytest.raises(QuizFileError) as err:
        parse_quiz(text, "quiz.yaml")
    message = str(err.value)
    assert message.startswith(f"quiz.yaml:{_line_of(text, line_text)}: "), message
    assert f"{field}:" in message and words in message, message
    assert "\n" not in message and "\x1b" not in message


def test_a_long_slug_is_cut_to_a_folder_name():
    quiz = parse_quiz(_quiz_text().replace("slug: harwick-votes-for-a-tidal-barrier", "slug: " + "ab-" * 100),
                      "quiz.yaml")
    assert 0 < len(quiz.slug) <= 60 and set(quiz.slug) <= set("ab-")


def test_a_quiz_saved_as_windows_1252_is_refused_naming_the_line(tmp_path):
    text = _quiz_text().replace("byline: A. Writer", "byline: Ren\u00e9e Writer")
    path = tmp_path / "quiz.yaml"
    path.write_bytes(text.encode("cp1252", errors="replace"))
    with pytest.raises(QuizFileError) as err:
        read_quiz(path)
    assert str(err.value).startswith(f"{path}:{_line_of(text, 'byline:')}: not UTF-8"), err.value


@pytest.mark.parametrize("case", ["seed is not a number", "answer not an option", "nine options", "empty blanks",
                                  "slug leaves the folder"])
def test_the_cli_says_it_in_one_line_and_exits_1(case, tmp_path, capsys):
    path = tmp_path / "quiz.yaml"
    path.write_text(CASES[case][0](), encoding="utf-8")
    assert main(["make", str(path), "-o", str(tmp_path / "out"), "--formats", "all"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"quizgen: {path}:") and err.count("\n") == 1 and CASES[case][1] in err
    assert not (tmp_path / "out").exists()


def test_an_edited_quiz_with_a_changed_answer_prints_and_exports(tmp_path, capsys):
    text = _edit_item("mcq", "  answer: Priya Nair", "  answer: Tom Ellis")
    path = tmp_path / "quiz.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["make", str(path), "-o", str(tmp_path / "out"), "--formats", "all"]) == 0, capsys.readouterr().err
    quiz = read_quiz(path)
    assert any(item.answer == "Tom Ellis" and item.answer_letter == "A" for item in quiz.items)


def test_an_item_without_a_paragraph_is_taken_as_paragraph_1():
    text = _edit_item("short_answer", "  paragraph: 2\n", "")
    item = next(i for i in parse_quiz(text, "quiz.yaml").items if i.type == "short_answer")
    assert item.paragraph == 1


def test_control_characters_an_editor_let_in_are_dropped_when_read(tmp_path, capsys):
    # \b crashed the Kahoot writer (exit 70) and broke the Moodle XML; \e would reach the terminal. Line-like
    # ones (\v) become a space.
    text = _quiz_text().replace("title: Harwick votes for a tidal barrier",
                                'title: "Harwick\\vvotes for a tidal barrier\\b"')
    text = text.replace("  - Tom Ellis\n", '  - "Tom\\e[31m\\bEllis"\n', 1)
    quiz = parse_quiz(text, "quiz.yaml")
    assert quiz.title == "Harwick votes for a tidal barrier"
    assert "Tom[31mEllis" in quiz.items[1].options
    path = tmp_path / "quiz.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["make", str(path), "-o", str(tmp_path / "out"), "--formats", "kahoot,moodle,qti"]) == 0, \
        capsys.readouterr().err

"""Moodle XML (`.moodle.xml`): https://docs.moodle.org/en/Moodle_XML_format

Multiple choice, true/false, short answer and matching map to Moodle's own types; a cloze item becomes a `cloze`
question with embedded answers (`{1:MULTICHOICE:=right~wrong}`). All in a category named after the article.
Question text is HTML in Moodle, so article text is HTML-escaped first; ElementTree then escapes it as XML.
Inside embedded answers, Moodle's special characters are numeric character references (no visible backslashes).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from quizgen.exporters.common import (
    ExportSettings,
    blank_choices,
    blank_pieces,
    clean_quiz,
    escape_moodle_embedded,
    output_path,
    source_line,
    word_bank,
)
from quizgen.model import ClozeBlank, Item, Quiz
from quizgen.outputs import write_atomic
from quizgen.versions import numbered

SUFFIX = ".moodle.xml"
_KINDS = {"mcq": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer", "matching": "matching",
          "cloze": "cloze"}


def _text(parent: ET.Element, tag: str, value: str, html_format: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"} if html_format else {})
    ET.SubElement(element, "text").text = value
    return element


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def _embedded_answer(item: Item, blank: ClozeBlank, bank: list[str]) -> str:
    wrong = blank_choices(item, blank.answer, bank)
    if not wrong:  # nothing of the blank's kind to choose from: the student types it
        return f"{{1:SHORTANSWER:={escape_moodle_embedded(blank.answer)}}}"
    choices = "~".join(["=" + escape_moodle_embedded(blank.answer), *(escape_moodle_embedded(w) for w in wrong)])
    return f"{{1:MULTICHOICE:{choices}}}"


def _around_blanks(text: str) -> str:
    """Text between embedded answers: HTML, with braces as character references, so article text such as
    "{1:SHORTANSWER:=x}" can never be read as an embedded answer of its own."""
    return _html(text).replace("{", "&#123;").replace("}", "&#125;")


def _cloze(question: ET.Element, item: Item, bank: list[str]) -> None:
    text = "".join(_embedded_answer(item, p, bank) if isinstance(p, ClozeBlank) else _around_blanks(p)
                   for p in blank_pieces(item))
    _text(question, "questiontext", text)


def _mcq(question: ET.Element, item: Item, bank: list[str]) -> None:
    ET.SubElement(question, "single").text = "true"
    ET.SubElement(question, "shuffleanswers").text = "false" if item.fixed_order else "true"
    ET.SubElement(question, "answernumbering").text = "ABCD"
    for option in item.options:
        answer = _text(question, "answer", _html(option))
        answer.set("fraction", "100" if option == item.answer else "0")


def _true_false(question: ET.Element, item: Item, bank: list[str]) -> None:
    for value in ("true", "false"):
        answer = ET.SubElement(question, "answer", {"fraction": "100" if value == item.answer.lower() else "0"})
        ET.SubElement(answer, "text").text = value


def _short_answer(question: ET.Element, item: Item, bank: list[str]) -> None:
    ET.SubElement(question, "usecase").text = "0"
    for accepted in dict.fromkeys((item.answer, *item.accepted)):
        answer = ET.SubElement(question, "answer", {"fraction": "100", "format": "plain_text"})
        # Plain text compared with what students type; "*" would be a wildcard.
        ET.SubElement(answer, "text").text = accepted.replace("*", "\\*")


def _matching(question: ET.Element, item: Item, bank: list[str]) -> None:
    ET.SubElement(question, "shuffleanswers").text = "true"
    for left, right in item.pairs:
        sub = _text(question, "subquestion", _html(left))
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right


# Each item type: what goes after the common fields (the cloze's text replaces the question text).
ANSWERS: dict[str, Callable[[ET.Element, Item, list[str]], None]] = {
    "mcq": _mcq, "true_false": _true_false, "short_answer": _short_answer, "matching": _matching,
    "cloze": lambda question, item, bank: None}


def _question(quiz_element: ET.Element, number: int, item: Item, bank: list[str]) -> None:
    question = ET.SubElement(quiz_element, "question", {"type": _KINDS[item.type]})
    _text(question, "name", f"Q{number} {item.template}", html_format=False)
    if item.type == "cloze":
        _cloze(question, item, bank)
    else:
        _text(question, "questiontext", _html(item.question))
    _text(question, "generalfeedback", _html(source_line(item)))
    points = len(item.pairs) or len([p for p in blank_pieces(item) if isinstance(p, ClozeBlank)]) or 1
    ET.SubElement(question, "defaultgrade").text = str(points)
    ET.SubElement(question, "penalty").text = "0.3333333"
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = item.id
    ANSWERS[item.type](question, item, bank)


def dump_moodle_xml(quiz: Quiz) -> bytes:
    """The Moodle XML document of a quiz (well-formed whatever control characters the text held)."""
    quiz = clean_quiz(quiz)
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", {"type": "category"})
    name = " ".join(quiz.title.split()).replace("/", "-")
    ET.SubElement(ET.SubElement(category, "category"), "text").text = f"$course$/top/quizgen/{name}"
    bank = word_bank(quiz)
    for number, item in numbered(quiz):
        _question(root, number, item, bank)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write(quiz: Quiz, folder: Path, settings: ExportSettings) -> list[str]:
    """Write `<slug>.moodle.xml`; Moodle holds every item type, so there is nothing to report."""
    write_atomic(output_path(folder, quiz, SUFFIX), dump_moodle_xml(quiz))
    return []

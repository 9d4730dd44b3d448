"""Moodle XML (`.moodle.xml`): https://docs.moodle.org/en/Moodle_XML_format

Multiple choice, true/false, short answer and matching map to Moodle's own types; a cloze item becomes a `cloze`
question with embedded answers (`{1:MULTICHOICE:=right~wrong}`). All in a category named after the article.
Question text is HTML in Moodle, so article text is HTML-escaped first; ElementTree then escapes it as XML.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from quizgen.model import Item, Quiz
from quizgen.versions import numbered

_EMBEDDED_SPECIAL = re.compile(r'([\\}#~/"{])')


def _text(parent: ET.Element, tag: str, value: str, html_format: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"} if html_format else {})
    ET.SubElement(element, "text").text = value
    return element


def _h(text: str) -> str:
    return html.escape(text, quote=False)


def embedded(text: str) -> str:
    """An answer inside `{1:MULTICHOICE:…}`: HTML-escaped, then Moodle's special characters backslashed."""
    return _EMBEDDED_SPECIAL.sub(r"\\\1", _h(text))


def _question(quiz_element: ET.Element, number: int, item: Item, bank: list[str]) -> None:
    kind = {"mcq": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer", "matching": "matching",
            "cloze": "cloze"}[item.type]
    question = ET.SubElement(quiz_element, "question", {"type": kind})
    _text(question, "name", f"Q{number} {item.template}", html_format=False)
    if item.type == "cloze":
        # Blanks are in sentence order; each is cut out of what is left, so markup is never searched again.
        pieces, rest = [], item.source
        wrong = [w for w in bank if w not in item.blanks][:3]
        for blank in item.blanks:
            before, rest = rest.split(blank, 1)
            choices = "~".join(["=" + embedded(blank), *(embedded(w) for w in wrong)])
            pieces += [_h(before), f"{{1:MULTICHOICE:{choices}}}"]
        _text(question, "questiontext", "".join([*pieces, _h(rest)]))
    else:
        _text(question, "questiontext", _h(item.question))
    _text(question, "generalfeedback", f"Source (paragraph {item.paragraph}): {_h(item.source)}")
    ET.SubElement(question, "defaultgrade").text = str(len(item.pairs) or len(item.blanks) or 1)
    ET.SubElement(question, "penalty").text = "0.3333333"
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = item.id
    if item.type == "mcq":
        ET.SubElement(question, "single").text = "true"
        ET.SubElement(question, "shuffleanswers").text = "false" if item.fixed_order else "true"
        ET.SubElement(question, "answernumbering").text = "ABCD"
        for option in item.options:
            answer = _text(question, "answer", _h(option))
            answer.set("fraction", "100" if option == item.answer else "0")
    elif item.type == "true_false":
        for value in ("true", "false"):
            answer = ET.SubElement(question, "answer", {"fraction": "100" if value == item.answer.lower() else "0"})
            ET.SubElement(answer, "text").text = value
    elif item.type == "short_answer":
        ET.SubElement(question, "usecase").text = "0"
        for accepted in dict.fromkeys((item.answer, *item.accepted)):
            answer = ET.SubElement(question, "answer", {"fraction": "100", "format": "plain_text"})
            ET.SubElement(answer, "text").text = accepted
    elif item.type == "matching":
        ET.SubElement(question, "shuffleanswers").text = "true"
        for left, right in item.pairs:
            sub = _text(question, "subquestion", _h(left))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right


def dump_moodle_xml(quiz: Quiz) -> bytes:
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", {"type": "category"})
    name = " ".join(quiz.title.split()).replace("/", "-")
    ET.SubElement(ET.SubElement(category, "category"), "text").text = f"$course$/top/quizgen/{name}"
    bank = sorted({b for i in quiz.items for b in i.blanks} | set(quiz.bank_extras), key=str.lower)
    for number, item in numbered(quiz):
        _question(root, number, item, bank)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

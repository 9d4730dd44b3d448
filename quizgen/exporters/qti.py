"""Canvas / QTI 1.2 (`.qti.zip`): an IMS content package Canvas imports as a quiz.

`imsmanifest.xml` names the assessment (type `imsqti_xmlv1p2`) and, as its dependency, `assessment_meta.xml`,
where Canvas reads the quiz title, shuffling and points. Each item carries Canvas's `question_type`
(multiple_choice_question, true_false_question, short_answer_question, matching_question,
fill_in_multiple_blanks_question) with response processing that scores the right answer 100. Only elements and
attributes of the QTI 1.2 DTD are written. Response-label ids are numbers, unique in the package: Canvas takes the
first run of digits in an id as the id, so ids like "3fa9-r1" would all collide.
"""

from __future__ import annotations

import html
import itertools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

from quizgen.exporters.archive import fixed_time_zip
from quizgen.exporters.common import (
    ExportSettings,
    blank_pieces,
    clean_quiz,
    output_path,
    source_line,
)
from quizgen.model import ClozeBlank, Item, Quiz
from quizgen.outputs import write_atomic
from quizgen.textutil import stable_id
from quizgen.versions import numbered

SUFFIX = ".qti.zip"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
_TYPES = {"mcq": "multiple_choice_question", "true_false": "true_false_question",
          "short_answer": "short_answer_question", "matching": "matching_question",
          "cloze": "fill_in_multiple_blanks_question"}


def _meta(parent: ET.Element, pairs: dict[str, str]) -> None:
    metadata = ET.SubElement(parent, "qtimetadata")
    for label, entry in pairs.items():
        field = ET.SubElement(metadata, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _material(parent: ET.Element, text: str, as_html: bool = False) -> None:
    mattext = ET.SubElement(ET.SubElement(parent, "material"), "mattext",
                            {"texttype": "text/html" if as_html else "text/plain"})
    mattext.text = f"<div><p>{html.escape(text, quote=False)}</p></div>" if as_html else text


def _score(processing: ET.Element, response: str, right: str, points: str = "100", exact: bool = True) -> None:
    condition = ET.SubElement(processing, "respcondition", {"continue": "No" if exact else "Yes"})
    ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal", {"respident": response}).text = right
    ET.SubElement(condition, "setvar", {"action": "Set" if exact else "Add", "varname": "SCORE"}).text = points


class _Parts:
    """The presentation and response processing of one item, and the package's numeric id counter."""

    def __init__(self, presentation: ET.Element, processing: ET.Element, ids: Iterator[int]) -> None:
        self.presentation, self.processing, self._ids = presentation, processing, ids

    def new_id(self) -> str:
        """The next number, as Canvas's own exports number response labels."""
        return str(next(self._ids))


def _choice(item: Item, parts: _Parts) -> None:
    _material(parts.presentation, item.question, as_html=True)
    render = ET.SubElement(ET.SubElement(parts.presentation, "response_lid", {"ident": "response1",
                                                                              "rcardinality": "Single"}),
                           "render_choice")
    right = ""
    for option in item.options:
        ident = parts.new_id()
        right = ident if option == item.answer else right
        _material(ET.SubElement(render, "response_label", {"ident": ident}), option)
    _score(parts.processing, "response1", right)


def _short_answer(item: Item, parts: _Parts) -> None:
    _material(parts.presentation, item.question, as_html=True)
    ET.SubElement(ET.SubElement(parts.presentation, "response_str", {"ident": "response1",
                                                                     "rcardinality": "Single"}),
                  "render_fib", {"fibtype": "String", "prompt": "Box"})
    condition = ET.SubElement(parts.processing, "respcondition", {"continue": "No"})
    conditionvar = ET.SubElement(condition, "conditionvar")
    for accepted in dict.fromkeys((item.answer, *item.accepted)):
        ET.SubElement(conditionvar, "varequal", {"respident": "response1"}).text = accepted
    ET.SubElement(condition, "setvar", {"action": "Set", "varname": "SCORE"}).text = "100"


def _matching(item: Item, parts: _Parts) -> None:
    _material(parts.presentation, item.question, as_html=True)
    rights = sorted({r for _, r in item.pairs})
    right_ids = {r: parts.new_id() for r in rights}
    share = f"{100 / len(item.pairs):.2f}"
    for left, right in item.pairs:
        response = f"response_{parts.new_id()}"
        lid = ET.SubElement(parts.presentation, "response_lid", {"ident": response})
        _material(lid, left)
        render = ET.SubElement(lid, "render_choice")
        for r in rights:
            _material(ET.SubElement(render, "response_label", {"ident": right_ids[r]}), r)
        _score(parts.processing, response, right_ids[right], share, exact=False)


def _cloze(item: Item, parts: _Parts) -> None:
    """Canvas names each blank in the text, [blank1], and takes a response per blank."""
    pieces = blank_pieces(item)
    blanks = [p for p in pieces if isinstance(p, ClozeBlank)]
    text, number = [], 0
    for piece in pieces:
        if isinstance(piece, ClozeBlank):
            number += 1
            text.append(f"[blank{number}]")
        else:
            # Article brackets as references: a literal "[blank2]" in the text must not become a blank.
            text.append(html.escape(piece, quote=False).replace("[", "&#91;").replace("]", "&#93;"))
    mattext = ET.SubElement(ET.SubElement(parts.presentation, "material"), "mattext", {"texttype": "text/html"})
    mattext.text = f"<div><p>{''.join(text)}</p></div>"
    share = f"{100 / max(1, len(blanks)):.2f}"
    for k, blank in enumerate(blanks, start=1):
        response = ET.SubElement(parts.presentation, "response_lid", {"ident": f"response_blank{k}"})
        _material(response, f"blank{k}")
        ident = parts.new_id()
        _material(ET.SubElement(ET.SubElement(response, "render_choice"), "response_label", {"ident": ident}),
                  blank.answer)
        _score(parts.processing, f"response_blank{k}", ident, share, exact=False)


# One function per item type: the question's presentation and scoring.
BUILDERS: dict[str, Callable[[Item, _Parts], None]] = {
    "mcq": _choice, "true_false": _choice, "short_answer": _short_answer, "matching": _matching, "cloze": _cloze}


def _item(section: ET.Element, number: int, item: Item, ids: Iterator[int]) -> None:
    element = ET.SubElement(section, "item", {"ident": item.id, "title": f"Q{number}"})
    _meta(ET.SubElement(element, "itemmetadata"), {"question_type": _TYPES[item.type], "points_possible": "1.0",
                                                   "assessment_question_identifierref": f"aq-{item.id}"})
    presentation = ET.SubElement(element, "presentation")
    processing = ET.SubElement(element, "resprocessing")
    decvar = {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"}
    ET.SubElement(ET.SubElement(processing, "outcomes"), "decvar", decvar)
    BUILDERS[item.type](item, _Parts(presentation, processing, ids))
    feedback = ET.SubElement(element, "itemfeedback", {"ident": "general_fb"})
    _material(ET.SubElement(feedback, "flow_mat"), source_line(item))


def assessment_xml(quiz: Quiz, ident: str) -> bytes:
    """The QTI assessment: one section, the items in worksheet order."""
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = ET.SubElement(root, "assessment", {"ident": ident, "title": quiz.title})
    _meta(assessment, {"cc_maxattempts": "1"})
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    ids = itertools.count(1001)
    for number, item in numbered(quiz):
        _item(section, number, item, ids)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def assessment_meta_xml(quiz: Quiz, ident: str) -> bytes:
    """Canvas's quiz settings: title, description, no shuffling (numbers keep their order), points, one attempt."""
    points = f"{float(len(quiz.items)):.1f}"
    root = ET.Element("quiz", {"identifier": ident, "xmlns": CANVAS_NS})
    settings = {"title": quiz.title, "description": f"Made by quizgen from “{quiz.title}”.",
                "shuffle_answers": "false", "scoring_policy": "keep_highest", "quiz_type": "assignment",
                "points_possible": points, "allowed_attempts": "1", "show_correct_answers": "true",
                "one_question_at_a_time": "false", "cant_go_back": "false", "available": "false"}
    for tag, value in settings.items():
        ET.SubElement(root, tag).text = value
    assignment = ET.SubElement(root, "assignment", {"identifier": f"{ident}-assignment"})
    for tag, value in {"title": quiz.title, "workflow_state": "unpublished", "quiz_identifierref": ident,
                       "points_possible": points, "grading_type": "points",
                       "submission_types": "online_quiz"}.items():
        ET.SubElement(assignment, tag).text = value
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def manifest_xml(ident: str, href: str, meta_href: str) -> bytes:
    """The package manifest: the assessment resource, depending on the resource holding its Canvas settings."""
    root = ET.Element("manifest", {"identifier": f"manifest-{ident}", "xmlns": CP_NS})
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(resources, "resource", {"identifier": ident, "type": "imsqti_xmlv1p2"})
    ET.SubElement(resource, "file", {"href": href})
    ET.SubElement(resource, "dependency", {"identifierref": f"{ident}-meta"})
    meta = ET.SubElement(resources, "resource", {
        "identifier": f"{ident}-meta", "type": "associatedcontent/imscc_xmlv1p1/learning-application-resource",
        "href": meta_href})
    ET.SubElement(meta, "file", {"href": meta_href})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def dump_qti_zip(quiz: Quiz) -> bytes:
    """The QTI package as zip bytes (fixed member times: the same bytes every run)."""
    quiz = clean_quiz(quiz)
    ident = f"quizgen-{stable_id(quiz.article_id or quiz.slug, quiz.title, length=12)}"
    href, meta_href = f"{ident}/{ident}.xml", f"{ident}/assessment_meta.xml"
    return fixed_time_zip((("imsmanifest.xml", manifest_xml(ident, href, meta_href)),
                           (meta_href, assessment_meta_xml(quiz, ident)),
                           (href, assessment_xml(quiz, ident))))


def write(quiz: Quiz, folder: Path, settings: ExportSettings) -> list[str]:
    """Write `<slug>.qti.zip`; Canvas holds every item type, so there is nothing to report."""
    write_atomic(output_path(folder, quiz, SUFFIX), dump_qti_zip(quiz))
    return []

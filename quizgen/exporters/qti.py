"""Canvas / QTI 1.2 (`.qti.zip`): an IMS content package Canvas imports as a quiz.

`imsmanifest.xml` names one resource of type `imsqti_xmlv1p2`, whose file is the assessment. Each item carries
Canvas's `question_type` (multiple_choice_question, true_false_question, short_answer_question, matching_question,
fill_in_multiple_blanks_question) with response processing that scores the right answer 100.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from quizgen.exporters.archive import fixed_time_zip
from quizgen.model import Item, Quiz
from quizgen.textutil import stable_id
from quizgen.versions import numbered

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
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


def _choice(parent: ET.Element, response: str, options: list[tuple[str, str]]) -> None:
    render = ET.SubElement(ET.SubElement(parent, "response_lid", {"ident": response, "rcardinality": "Single"}),
                           "render_choice")
    for ident, text in options:
        _material(ET.SubElement(render, "response_label", {"ident": ident}), text)


def _score(processing: ET.Element, response: str, right: str, points: str = "100", exact: bool = True) -> None:
    condition = ET.SubElement(processing, "respcondition", {"continue": "No" if exact else "Yes"})
    ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal", {"respident": response}).text = right
    ET.SubElement(condition, "setvar", {"action": "Set" if exact else "Add", "varname": "SCORE"}).text = points


def _item(section: ET.Element, number: int, item: Item) -> None:
    element = ET.SubElement(section, "item", {"ident": item.id, "title": f"Q{number}"})
    ids = [f"{item.id}-{k}" for k in range(max(len(item.options), len(item.pairs), 1))]
    _meta(ET.SubElement(element, "itemmetadata"), {"question_type": _TYPES[item.type], "points_possible": "1.0",
                                                   "assessment_question_identifierref": f"aq-{item.id}"})
    presentation = ET.SubElement(element, "presentation")
    processing = ET.SubElement(element, "resprocessing")
    decvar = {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"}
    ET.SubElement(ET.SubElement(processing, "outcomes"), "decvar", decvar)
    if item.type == "cloze":
        # Canvas names each blank in the text, [blank1], and takes a response per blank.
        text, rest = [], item.source
        for k, blank in enumerate(item.blanks, start=1):
            before, rest = rest.split(blank, 1)
            text += [before, f"[blank{k}]"]
        _material(presentation, "".join([*text, rest]), as_html=True)
        share = f"{100 / len(item.blanks):.2f}"
        for k, blank in enumerate(item.blanks, start=1):
            response = ET.SubElement(presentation, "response_lid", {"ident": f"response_blank{k}"})
            _material(response, f"blank{k}")
            render = ET.SubElement(response, "render_choice")
            _material(ET.SubElement(render, "response_label", {"ident": f"{item.id}-b{k}", "scoring_algorithm":
                                                                "TextInChoices"}), blank)
            _score(processing, f"response_blank{k}", f"{item.id}-b{k}", share, exact=False)
    elif item.type == "matching":
        _material(presentation, item.question, as_html=True)
        rights = sorted({r for _, r in item.pairs})
        right_ids = {r: f"{item.id}-r{k}" for k, r in enumerate(rights)}
        share = f"{100 / len(item.pairs):.2f}"
        for k, (left, right) in enumerate(item.pairs):
            response = ET.SubElement(presentation, "response_lid", {"ident": f"response_{item.id}-l{k}"})
            _material(response, left)
            render = ET.SubElement(response, "render_choice")
            for r in rights:
                _material(ET.SubElement(render, "response_label", {"ident": right_ids[r]}), r)
            _score(processing, f"response_{item.id}-l{k}", right_ids[right], share, exact=False)
    elif item.type == "short_answer":
        _material(presentation, item.question, as_html=True)
        ET.SubElement(ET.SubElement(presentation, "response_str", {"ident": "response1", "rcardinality": "Single"}),
                      "render_fib", {"fibtype": "String", "prompt": "Box"})
        condition = ET.SubElement(processing, "respcondition", {"continue": "No"})
        conditionvar = ET.SubElement(condition, "conditionvar")
        for accepted in dict.fromkeys((item.answer, *item.accepted)):
            ET.SubElement(conditionvar, "varequal", {"respident": "response1"}).text = accepted
        ET.SubElement(condition, "setvar", {"action": "Set", "varname": "SCORE"}).text = "100"
    else:
        _material(presentation, item.question, as_html=True)
        options = list(item.options)
        _choice(presentation, "response1", list(zip(ids, options, strict=False)))
        _score(processing, "response1", ids[options.index(item.answer)])
    feedback = ET.SubElement(element, "itemfeedback", {"ident": "general_fb"})
    _material(ET.SubElement(feedback, "flow_mat"), f"Source (paragraph {item.paragraph}): {item.source}")


def assessment_xml(quiz: Quiz, ident: str) -> bytes:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = ET.SubElement(root, "assessment", {"ident": ident, "title": quiz.title})
    _meta(assessment, {"cc_maxattempts": "1"})
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    for number, item in numbered(quiz):
        _item(section, number, item)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def manifest_xml(ident: str, href: str) -> bytes:
    root = ET.Element("manifest", {"identifier": f"manifest-{ident}", "xmlns": CP_NS})
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(resources, "resource", {"identifier": ident, "type": "imsqti_xmlv1p2", "href": href})
    ET.SubElement(resource, "file", {"href": href})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def dump_qti_zip(quiz: Quiz) -> bytes:
    ident = f"quizgen-{stable_id(quiz.article_id or quiz.slug, quiz.title, length=12)}"
    href = f"{ident}/{ident}.xml"
    return fixed_time_zip((("imsmanifest.xml", manifest_xml(ident, href)), (href, assessment_xml(quiz, ident))))

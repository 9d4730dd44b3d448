"""Each learning-platform format read back by an independent reader and compared item by item with the quiz.

The GIFT reader below is written from Moodle's published description of the format
(https://docs.moodle.org/en/GIFT_format), not from quizgen's writer.
"""

from __future__ import annotations

import html
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import jsonschema
import openpyxl
import pytest

from quizgen.exporters.gift import dump_gift
from quizgen.exporters.jsonfile import dump_json, schema
from quizgen.exporters.kahoot import dump_kahoot_xlsx
from quizgen.exporters.moodle import dump_moodle_xml
from quizgen.exporters.qti import dump_qti_zip
from quizgen.exporters.quizlet import dump_quizlet
from quizgen.model import Item, Quiz
from quizgen.quizfile import dump_quiz, parse_quiz
from quizgen.versions import numbered

SPECIAL = 'Zoë {braces} ~tilde =equals #hash :colon & <b>bold</b> "quoted" \'single\' \\back'


def _special_quiz() -> Quiz:
    def src(text: str) -> str:
        return f"{text} — said the article."

    items = (
        Item(id="q1", type="mcq", question=f"Who said {SPECIAL}?", answer="Priya {Nair}",
             options=("Tom ~Ellis", "Priya {Nair}", "Dana = Whitlock", "Ann #Lee: Jr"), source=src(SPECIAL),
             paragraph=1, template="quote-speaker", fact="f1"),
        Item(id="q2", type="true_false", question=f"The bridge over the River Tam cost £120 million {{really}} "
                                                  f"#1: {SPECIAL}",
             answer="False", options=("True", "False"), source=src("The bridge cost £120 million."), paragraph=2,
             template="tf", fact="f2"),
        Item(id="q3", type="short_answer", question="Name the mayor of Harwick: {who}?", answer="Priya Nair",
             accepted=("Priya Nair", "Nair", "Ms ~Nair"), source=src("The mayor, Priya Nair, spoke."), paragraph=3,
             template="sa", fact="f3"),
        Item(id="q4", type="matching", question="Match each person = role.", answer="…",
             pairs=(("Priya {Nair}", "mayor of Harwick: #1"), ("Tom ~Ellis", "hydrologist & <engineer>"),
                    ("Dana Whitlock", "opposition leader \"DW\"")), source=src("Roles."), paragraph=4,
             template="m", fact="f4"),
        Item(id="q5", type="cloze", question="_____ (1) costs _____ (2) = {a lot}.", answer="The Gate; £120 million",
             blanks=("The Gate", "£120 million"), cloze="{{c1::The Gate}} costs {{c2::£120 million}} = {a lot}.",
             source="The Gate costs £120 million = {a lot}.", paragraph=5, template="cloze", fact="f5"),
    )
    return Quiz(title="Harwick: {barrier} ~ #1 & more", slug="harwick-barrier", seed=0, requested=5, items=items,
                article_id="harwick-barrier", bank_extras=("Kirkwall ~x", "£40 million"))


QUIZ = _special_quiz()


# --- GIFT, read as the format is published -------------------------------------------------------------------

def _split_unescaped(text: str, separators: str) -> list[tuple[str, str]]:
    """(separator, text) pieces, splitting on unescaped characters of `separators`."""
    pieces, current, mark, i = [], "", "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current += text[i:i + 2]
            i += 2
            continue
        if ch in separators:
            pieces.append((mark, current))
            mark, current = ch, ""
        else:
            current += ch
        i += 1
    pieces.append((mark, current))
    return pieces


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def parse_gift(text: str) -> list[dict]:
    questions = []
    for block in re.split(r"\n\s*\n", text.strip()):
        if block.startswith("//") or block.startswith("$CATEGORY"):
            continue
        title_match = re.match(r"::((?:[^:\\]|\\.)*)::", block)
        assert title_match, block
        body = block[title_match.end():]
        opening = next(i for i, _ in enumerate(body) if body[i] == "{" and (i == 0 or body[i - 1] != "\\"))
        closing = next(i for i in range(len(body) - 1, -1, -1) if body[i] == "}" and body[i - 1] != "\\")
        stem, answers, tail = body[:opening], body[opening + 1:closing], body[closing + 1:]
        answers, _, feedback = answers.partition("####")
        parsed = {"title": _unescape(title_match.group(1)), "stem": _unescape(stem), "tail": _unescape(tail),
                  "feedback": _unescape(feedback), "right": [], "wrong": [], "pairs": [], "truth": None}
        if answers.strip() in {"TRUE", "FALSE", "T", "F"}:
            parsed["truth"] = answers.strip() in {"TRUE", "T"}
        else:
            for mark, piece in _split_unescaped(answers, "=~"):
                if not piece.strip():
                    continue
                if mark == "=" and "->" in piece:
                    left, right = piece.split("->", 1)
                    parsed["pairs"].append((_unescape(left), _unescape(right)))
                elif mark == "=":
                    parsed["right"].append(_unescape(piece))
                elif mark == "~":
                    parsed["wrong"].append(_unescape(piece))
        questions.append(parsed)
    return questions


def test_gift_round_trips_every_item_with_its_special_characters():
    parsed = parse_gift(dump_gift(QUIZ))
    by_number = {q["title"].split()[0]: q for q in parsed}
    for number, item in numbered(QUIZ):
        if item.type == "cloze":
            for k, blank in enumerate(item.blanks):
                q = by_number[f"Q{number}{'ab'[k]}"]
                assert q["right"] == [blank] and blank not in q["wrong"]
                other = item.blanks[1 - k]
                assert f"{q['stem']} {blank} {q['tail']}".replace("  ", " ").strip() == item.source
                assert other in q["stem"] + q["tail"]
            continue
        q = by_number[f"Q{number}"]
        assert q["stem"] == item.question and item.source in q["feedback"]
        if item.type == "mcq":
            assert q["right"] == [item.answer] and sorted(q["wrong"] + q["right"]) == sorted(item.options)
        elif item.type == "true_false":
            assert q["truth"] is (item.answer == "True")
        elif item.type == "short_answer":
            assert set(q["right"]) == {item.answer, *item.accepted}
        elif item.type == "matching":
            assert q["pairs"] == list(item.pairs)


# --- Moodle XML ------------------------------------------------------------------------------------------------

def _unembed(text: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def test_moodle_xml_is_well_formed_and_holds_each_item():
    root = ET.fromstring(dump_moodle_xml(QUIZ))
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == "$course$/top/quizgen/" + QUIZ.title
    kinds = {"mcq": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer", "matching": "matching",
             "cloze": "cloze"}
    for (_, item), question in zip(numbered(QUIZ), questions[1:], strict=True):
        assert question.get("type") == kinds[item.type] and question.findtext("idnumber") == item.id
        text = question.findtext("questiontext/text")
        assert html.unescape(question.findtext("generalfeedback/text")).endswith(item.source)
        if item.type == "cloze":
            embedded = re.findall(r"\{1:MULTICHOICE:((?:[^}\\]|\\.)*)\}", text)
            rights = [_unembed(re.match(r"=((?:[^~\\]|\\.)*)", e).group(1)) for e in embedded]
            assert rights == list(item.blanks)
            assert html.unescape(re.sub(r"\{1:MULTICHOICE:(?:[^}\\]|\\.)*\}", "{}", text)).replace(
                "{}", item.blanks[0], 1).replace("{}", item.blanks[1], 1) == item.source
            continue
        assert html.unescape(text) == item.question
        answers = question.findall("answer")
        if item.type == "mcq":
            assert [html.unescape(a.findtext("text")) for a in answers] == list(item.options)
            assert [html.unescape(a.findtext("text")) for a in answers if a.get("fraction") == "100"] == [item.answer]
        elif item.type == "true_false":
            assert [a.findtext("text") for a in answers if a.get("fraction") == "100"] == [item.answer.lower()]
        elif item.type == "short_answer":
            assert {a.findtext("text") for a in answers} == {item.answer, *item.accepted}
        elif item.type == "matching":
            pairs = [(html.unescape(s.findtext("text")), s.findtext("answer/text")) for s in question.findall(
                "subquestion")]
            assert pairs == list(item.pairs)


# --- Canvas QTI --------------------------------------------------------------------------------------------------

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


def test_qti_package_manifest_resolves_and_items_score_the_right_answers():
    archive = zipfile.ZipFile(io.BytesIO(dump_qti_zip(QUIZ)))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    resource = manifest.find(f"{CP}resources/{CP}resource")
    assert resource.get("type") == "imsqti_xmlv1p2"
    href = resource.find(f"{CP}file").get("href")
    assert href in archive.namelist()
    assessment = ET.fromstring(archive.read(href)).find(f"{QTI}assessment")
    assert assessment.get("title") == QUIZ.title
    items = assessment.findall(f"{QTI}section/{QTI}item")
    types = {"mcq": "multiple_choice_question", "true_false": "true_false_question",
             "short_answer": "short_answer_question", "matching": "matching_question",
             "cloze": "fill_in_multiple_blanks_question"}
    for (_, item), element in zip(numbered(QUIZ), items, strict=True):
        fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                  for f in element.iter(f"{QTI}qtimetadatafield")}
        assert fields["question_type"] == types[item.type] and element.get("ident") == item.id
        labels = {lab.get("ident"): lab.findtext(f"{QTI}material/{QTI}mattext") for lab in element.iter(
            f"{QTI}response_label")}
        right = [v.text for v in element.iter(f"{QTI}varequal")]
        question_html = element.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        if item.type in {"mcq", "true_false"}:
            assert html.unescape(re.sub(r"<[^>]+>", "", question_html)) == item.question
            assert sorted(labels.values()) == sorted(item.options) and [labels[r] for r in right] == [item.answer]
        elif item.type == "short_answer":
            assert set(right) == {item.answer, *item.accepted}
        elif item.type == "matching":
            lefts = [r.findtext(f"{QTI}material/{QTI}mattext") for r in element.iter(f"{QTI}response_lid")]
            assert list(zip(lefts, [labels[r] for r in right], strict=True)) == list(item.pairs)
        else:
            assert [labels[r] for r in right] == list(item.blanks)
            text = html.unescape(re.sub(r"<[^>]+>", "", question_html))
            assert text.replace("[blank1]", item.blanks[0]).replace("[blank2]", item.blanks[1]) == item.source


# --- Kahoot, Quizlet, JSON ---------------------------------------------------------------------------------------

def test_kahoot_sheet_has_the_questions_that_fit_and_reports_the_rest():
    data, skipped = dump_kahoot_xlsx(QUIZ)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=9, max_col=8) if row[1].value]
    fits = [i for i in QUIZ.items if i.type in {"mcq", "true_false"} and len(i.question) <= 120]
    assert [r[1] for r in rows] == [i.question for i in fits]
    for row, item in zip(rows, fits, strict=True):
        answers = [a for a in row[2:6] if a is not None]
        assert answers == list(item.options) and answers[row[7] - 1] == item.answer and row[6] == 30
    assert len(skipped) == len(QUIZ.items) - len(fits)
    long_one = next(n for n, i in numbered(QUIZ) if i.type == "true_false")
    assert f"Q{long_one}: question over 120 characters" in skipped
    assert dump_kahoot_xlsx(QUIZ)[0] == data  # fixed zip times: the same bytes every run
    # ... and on another day: no member holds the time of writing (openpyxl's save() stamps `modified` with it).
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core) == ["2020-01-01T00:00:00Z"] * 2


def test_quizlet_cards_are_tab_separated_term_and_definition():
    lines = dump_quizlet(QUIZ).splitlines()
    cards = [line.split("\t") for line in lines]
    assert all(len(card) == 2 for card in cards)
    assert ["Who said " + SPECIAL + "?", "Priya {Nair}"] in cards
    assert all(list(pair) in cards for pair in QUIZ.items[3].pairs)


def test_json_validates_against_the_shipped_schema_and_keeps_every_field():
    document = json.loads(dump_json(QUIZ))
    jsonschema.validate(document, schema())
    for (number, item), record in zip(numbered(QUIZ), document["items"], strict=True):
        assert record["number"] == number and record["question"] == item.question and record["answer"] == item.answer
        assert record["options"] == list(item.options) and record["source"] == item.source
        assert [(p["left"], p["right"]) for p in record["pairs"]] == list(item.pairs)
    broken = {**document, "items": [{**document["items"][0], "type": "essay"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema())


def test_quiz_yaml_and_formats_agree_on_the_items():
    back = parse_quiz(dump_quiz(QUIZ), "quiz.yaml")
    assert [i.id for i in back.items] == [i.id for i in QUIZ.items]
    assert len(parse_gift(dump_gift(back))) == len(parse_gift(dump_gift(QUIZ)))

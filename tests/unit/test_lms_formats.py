"""Each learning-platform format read back by an independent reader and compared item by item with the quiz.

The GIFT reader below is written from Moodle's published description of the format
(https://docs.moodle.org/en/GIFT_format), not from quizgen's writer.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace

import jsonschema
import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

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


def _unescaped_positions(text: str, characters: str) -> list[int]:
    """Where `characters` occur not escaped: a backslash escapes the next character, itself included (as Moodle's
    reader replaces `\\\\` first)."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in characters:
            found.append(i)
        i += 1
    return found


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def _unescape_html(text: str) -> str:
    """Text of a question marked [html]: GIFT escapes first, then the HTML Moodle renders (entities decoded)."""
    return html.unescape(_unescape(text).replace("\xa0", " ")).strip()


def parse_gift(text: str) -> list[dict]:
    questions = []
    for block in re.split(r"\n\s*\n", text.strip()):
        if block.startswith("//") or block.startswith("$CATEGORY"):
            continue
        title_match = re.match(r"::((?:[^:\\]|\\.)*)::", block)
        assert title_match, block
        body = block[title_match.end():]
        # Moodle reads text with no [format] marker in its auto-format, where markup is live.
        assert body.startswith("[html]"), block
        body = body[len("[html]"):]
        braces = _unescaped_positions(body, "{}")
        opening = next(i for i in braces if body[i] == "{")
        closing = max(i for i in braces if body[i] == "}")
        stem, answers, tail = body[:opening], body[opening + 1:closing], body[closing + 1:]
        answers, _, feedback = answers.partition("####")
        parsed = {"title": _unescape(title_match.group(1)), "stem": _unescape_html(stem),
                  "tail": _unescape_html(tail), "feedback": _unescape_html(feedback), "right": [], "wrong": [],
                  "pairs": [], "truth": None, "plain_right": [],
                  # Cloze: the text around the blank exactly, spaces kept (a trailing no-break space is the gap
                  # keeper after a blank that ends the sentence).
                  "before": html.unescape(re.sub(r"\\(.)", r"\1", stem)),
                  "after": html.unescape(re.sub(r"\\(.)", r"\1", tail)).removesuffix("\xa0")}
        if answers.strip() in {"TRUE", "FALSE", "T", "F"}:
            parsed["truth"] = answers.strip() in {"TRUE", "T"}
        else:
            for mark, piece in _split_unescaped(answers, "=~"):
                if not piece.strip():
                    continue
                if mark == "=" and "->" in piece:
                    # Moodle splits a pair at its first "->"; the left side is question text, the right plain.
                    left, right = piece.split("->", 1)
                    parsed["pairs"].append((_unescape_html(left), _unescape(right)))
                elif mark == "=":
                    parsed["right"].append(_unescape_html(piece))  # multiple choice: HTML like the question
                    parsed["plain_right"].append(_unescape(piece))  # short answer: plain text
                elif mark == "~":
                    parsed["wrong"].append(_unescape_html(piece))
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
                assert q["before"] + blank + q["after"] == item.source
                assert other in q["stem"] + q["tail"]
            continue
        q = by_number[f"Q{number}"]
        assert q["stem"] == item.question and item.source in q["feedback"]
        if item.type == "mcq":
            assert q["right"] == [item.answer] and sorted(q["wrong"] + q["right"]) == sorted(item.options)
        elif item.type == "true_false":
            assert q["truth"] is (item.answer == "True")
        elif item.type == "short_answer":
            assert set(q["plain_right"]) == {item.answer, *item.accepted}
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


# --- Issue 16: the defects the real importers showed, each with a minimal input -----------------------------------

def _cloze_item(cloze: str, source: str | None = None, item_id: str = "c1", **more) -> Item:
    from quizgen.model import ClozeBlank, cloze_parts

    blanks = tuple(p.answer for p in cloze_parts(cloze) if isinstance(p, ClozeBlank))
    filled = "".join(p.answer if isinstance(p, ClozeBlank) else p for p in cloze_parts(cloze))
    return Item(id=item_id, type="cloze", question="(fill in)", answer="; ".join(blanks), blanks=blanks, cloze=cloze,
                source=source or filled, paragraph=1, template="cloze", fact=f"f-{item_id}", **more)


def _quiz_of(*items: Item, extras: tuple[str, ...] = ()) -> Quiz:
    return Quiz(title="T", slug="t", seed=0, requested=len(items), items=items, article_id="t", bank_extras=extras)


def _qti_assessment(quiz: Quiz) -> ET.Element:
    archive = zipfile.ZipFile(io.BytesIO(dump_qti_zip(quiz)))
    href = ET.fromstring(archive.read("imsmanifest.xml")).find(f"{CP}resources/{CP}resource/{CP}file").get("href")
    return ET.fromstring(archive.read(href))


def test_qti_response_ids_are_numbers_unique_in_the_package_so_canvas_pairs_matching_right():
    """Defect 1: Canvas takes the first run of digits of a response id as the id."""
    pairs = (("Ann", "mayor"), ("Bo", "engineer"), ("Cy", "captain"))
    items = (Item(id="9f3a", type="matching", question="Match.", answer="…", pairs=pairs, source="s", paragraph=1,
                  template="m", fact="f1"),
             Item(id="9f3b", type="mcq", question="Who?", answer="Ann", options=("Ann", "Bo", "Cy"), source="s",
                  paragraph=1, template="q", fact="f2"))
    root = _qti_assessment(_quiz_of(*items))
    labels = [lab.get("ident") for lab in root.iter(f"{QTI}response_label")]
    responses = [lid.get("ident") for lid in root.iter(f"{QTI}response_lid")]
    canvas_ids = [re.search(r"\d+", ident).group(0) for ident in labels]
    assert all(ident.isdigit() for ident in labels)
    assert len(set(labels)) == len(set(pairs)) + 3  # each distinct right side once, each option once
    assert canvas_ids == labels
    matching_responses = [r for r in responses if r != "response1"]
    assert len({re.search(r"\d+", r).group(0) for r in matching_responses}) == len(pairs)
    matching = root.find(f".//{QTI}item[@ident='9f3a']")
    text_of = {lab.get("ident"): lab.findtext(f"{QTI}material/{QTI}mattext")
               for lab in matching.iter(f"{QTI}response_label")}
    right = [text_of[v.text] for v in matching.iter(f"{QTI}varequal")]
    assert right == [r for _, r in pairs]


def test_blank_positions_come_from_the_cloze_text_never_from_searching_the_source():
    """Defect 2: 'Mr Brownlow met {{c1::Brown}}' must not blank the 'Brown' of 'Brownlow'."""
    quiz = _quiz_of(_cloze_item("Mr Brownlow met {{c1::Brown}} at noon."))
    gift = parse_gift(dump_gift(quiz))[0]
    assert gift["before"] == "Mr Brownlow met " and gift["after"] == " at noon."
    moodle = ET.fromstring(dump_moodle_xml(quiz)).find("question[@type='cloze']").findtext("questiontext/text")
    assert moodle.startswith("Mr Brownlow met {1:") and moodle.endswith("} at noon.")
    qti = _qti_assessment(quiz).find(f".//{QTI}presentation/{QTI}material/{QTI}mattext").text
    assert "Mr Brownlow met [blank1] at noon." in qti


def test_a_reworded_cloze_exports_to_every_format_as_worded(tmp_path):
    """Defect 3: the teacher rewrote the cloze in quiz.yaml; its text no longer matches `source` or `blanks`."""
    from quizgen.formats import FORMATS, export_formats

    item = _cloze_item("In the end {{c1::Westray}} got the ferry, not {{c2::Kirkwall}}.",
                       source="The ferry will sail to Westray.")
    item = replace(item, blanks=("Westray",))  # stale, as a hand edit leaves it
    files, _ = export_formats(_quiz_of(item, extras=("Stromness",)), tmp_path, FORMATS)
    assert all(f.is_file() and f.stat().st_size > 0 for f in files)
    gift = parse_gift((tmp_path / "t.gift.txt").read_text("utf-8"))
    assert [q["right"] for q in gift] == [["Westray"], ["Kirkwall"]]
    assert gift[1]["before"] == "In the end Westray got the ferry, not "
    assert "[blank2]" in _qti_assessment(_quiz_of(item)).find(f".//{QTI}mattext").text
    # The worksheet, its key and the Quizlet card show the cloze as reworded, not the stale question.
    assert "In the end _____ (1) got the ferry, not _____ (2)." in dump_quizlet(_quiz_of(item))
    from pypdf import PdfReader

    worksheet = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "t-worksheet.pdf")).pages)
    key = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "t-answer-key.pdf")).pages)
    assert "got the ferry, not _____ (2)" in " ".join(worksheet.split())
    assert "(1) Westray; (2) Kirkwall" in " ".join(key.split())


def test_gift_cloze_keeps_the_sentence_spacing_and_the_gap_of_a_final_blank():
    """Defect 4: no space forced before the next character; a blank at the end still reads as a gap."""
    quiz = _quiz_of(_cloze_item("It was sent to {{c1::Kirkwall}}.", item_id="a"),
                    _cloze_item("This is {{c1::Ann}}'s boat.", item_id="b"),
                    _cloze_item("The boat belongs to {{c1::Ann}}", item_id="c"))
    lines = [line for line in dump_gift(quiz).splitlines() if line.startswith("::")]
    assert "sent to {" in lines[0] and lines[0].endswith("}.")
    assert "}'s boat." in lines[1]
    assert not lines[2].endswith("}"), "Moodle would read the braces as the answers of an ordinary question"
    assert [q["before"] + q["right"][0] + q["after"] for q in parse_gift(dump_gift(quiz))] == [
        "It was sent to Kirkwall.", "This is Ann's boat.", "The boat belongs to Ann"]


def test_gift_marks_html_and_neutralises_weights_pair_arrows_and_wildcards():
    """Defect 5: HTML-like text, a `%50%` distractor, `->` in a pair and `*` in a short answer."""
    items = (Item(id="m", type="mcq", question="R&D <x> or <b>bold</b>?", answer="yes", paragraph=1,
                  options=("yes", "%50% off", "no"), source="s", template="q", fact="f1"),
             Item(id="p", type="matching", question="Match.", answer="…", pairs=(("a -> b", "c -> d"), ("e", "f")),
                  source="s", paragraph=1, template="m", fact="f2"),
             Item(id="s", type="short_answer", question="Which grade?", answer="A*", accepted=("A*",), source="s",
                  paragraph=1, template="sa", fact="f3"))
    text = dump_gift(_quiz_of(*items))
    assert "<b>" not in text and "<x>" not in text
    mcq, short, matching = parse_gift(text)  # worksheet order: sections by type
    assert mcq["stem"] == "R&D <x> or <b>bold</b>?"
    assert mcq["wrong"] == ["%50% off", "no"]
    assert not any(re.match(r"~\s*%-?\d+(\.\d*)?%", a) for a in re.findall(r"~[^~=}]*", text))
    assert matching["pairs"] == [("a -> b", "c -> d"), ("e", "f")]
    assert "A\\*" in text and short["plain_right"] == ["A*"]


def test_a_gift_blank_with_no_choices_of_its_kind_is_a_plain_short_answer():
    """Moodle reads `{=answer}` with no `~` as a short answer: its answer is compared with what students type, so it
    is plain text (not HTML-escaped), with `*` escaped."""
    quiz = _quiz_of(_cloze_item("The lab is called {{c1::r&d <lab> *}} by staff."), extras=("Kirkwall",))
    line = next(line for line in dump_gift(quiz).splitlines() if line.startswith("::"))
    assert "{=r&d <lab> \\* ####" in line and "~" not in line


def test_a_gift_short_answer_moodle_would_misread_is_left_out_and_reported(tmp_path):
    """Moodle reads any answer text with '->' (and no '~') as a matching question, and a leading '%50%' as a weight;
    a typed (plain-text) answer cannot escape either."""
    from quizgen.exporters.common import ExportSettings
    from quizgen.exporters.gift import write

    arrow = Item(id="s", type="short_answer", question="Which way?", answer="A->B", accepted=("A->B", "A to B"),
                 source="s", paragraph=1, template="sa", fact="f1")
    only_arrow = replace(arrow, id="t", accepted=("A->B",), fact="f2")
    weight = replace(arrow, id="w", answer="%50% off", accepted=("%50% off", "half off"), fact="f3")
    notices = write(_quiz_of(arrow, only_arrow, weight), tmp_path, ExportSettings())
    text = (tmp_path / "t.gift.txt").read_text("utf-8")
    questions = parse_gift(text)
    assert [q["plain_right"] for q in questions] == [["A to B"], ["half off"]] and not questions[0]["pairs"]
    assert "%50%" not in text
    assert len(notices) == 1 and "Q2 (a typed answer holding '->'" in notices[0]


def test_moodle_embedded_answers_write_special_characters_as_character_references():
    """Defect 6: `~ / " \\ {` inside {1:MULTICHOICE:…} came out with visible backslashes."""
    answer = 'a~b/c"d\\e{f}g#h'
    item = _cloze_item(f"The code was {{{{c1::{answer}}}}} today.")
    text = ET.fromstring(dump_moodle_xml(_quiz_of(item))).find("question[@type='cloze']").findtext(
        "questiontext/text")
    embedded = re.search(r"\{1:(?:SHORTANSWER|MULTICHOICE):=(.*?)\}", text).group(1)
    # Moodle's answer pattern does not end an answer at the "#" of "&#"; no other special character is left.
    assert "\\" not in embedded and not set("~/\"{}#") & set(re.sub(r"&#\d+;", "", embedded))
    assert html.unescape(embedded) == answer


def test_moodle_cloze_text_cannot_hold_an_embedded_answer_of_its_own():
    """Moodle reads any {n:TYPE:…} in a cloze question's text as a subquestion; the article's braces are references."""
    item = _cloze_item("The code {1:SHORTANSWER:=x} was set by {{c1::Ann}}.")
    text = ET.fromstring(dump_moodle_xml(_quiz_of(item))).find("question[@type='cloze']").findtext(
        "questiontext/text")
    assert len(re.findall(r"\{\d*:(?:SHORTANSWER|MULTICHOICE|NUMERICAL|SA|MC|NM)", text)) == 1
    filled = html.unescape(re.sub(r"\{1:SHORTANSWER:=Ann\}", "Ann", text))
    assert filled == "The code {1:SHORTANSWER:=x} was set by Ann."


def test_canvas_blank_names_in_article_text_are_not_blanks():
    item = _cloze_item("See [blank2] and [x] by {{c1::Ann}}.")
    text = _qti_assessment(_quiz_of(item)).find(f".//{QTI}presentation/{QTI}material/{QTI}mattext").text
    assert re.findall(r"\[(\w+)\]", text) == ["blank1"]
    assert html.unescape(re.sub(r"<[^>]+>", "", text)) == "See [blank2] and [x] by [blank1]."


def test_kahoot_writes_text_cells_never_formulas():
    """Defect 7 (and issue 15 finding 5): a question beginning with '=' stays text."""
    formula = '=HYPERLINK("http://example.org/?"&B9, "Click")'
    item = Item(id="k", type="mcq", question=formula, answer="=1+1", options=("=1+1", "-5%", "+x"), source="s",
                paragraph=1, template="q", fact="f")
    data, _ = dump_kahoot_xlsx(_quiz_of(item))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet["B9"].value == formula and sheet["B9"].data_type == "s"
    assert [sheet.cell(row=9, column=c).value for c in (3, 4, 5)] == ["=1+1", "-5%", "+x"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_cloze_choices_are_chosen_per_blank_and_of_the_blank_s_kind():
    """Defect 8: not the first three bank words for every blank (a name among numbers)."""
    item = _cloze_item("The ferry carried {{c1::14}} cars to {{c2::Westray}} in {{c3::2031}}.")
    quiz = _quiz_of(item, extras=("Aberdeen", "Kirkwall", "99", "Stromness", "1998", "a few", "Nearly a third"))
    questions = parse_gift(dump_gift(quiz))
    assert [q["right"] for q in questions] == [["14"], ["Westray"], ["2031"]]
    figures, names = {"14", "99", "1998", "2031"}, {"Aberdeen", "Kirkwall", "Stromness", "Westray"}
    assert questions[0]["wrong"] and set(questions[0]["wrong"]) <= figures
    assert set(questions[1]["wrong"]) == {"Aberdeen", "Kirkwall", "Stromness"}
    assert questions[2]["wrong"] and set(questions[2]["wrong"]) <= figures
    moodle = ET.fromstring(dump_moodle_xml(quiz)).find("question[@type='cloze']").findtext("questiontext/text")
    for embedded in re.findall(r"\{1:MULTICHOICE:(.*?)\}", moodle):
        choices = [html.unescape(c.lstrip("=")) for c in embedded.split("~")]
        assert set(choices) <= figures or set(choices) <= names


def test_qti_package_has_assessment_meta_and_only_qti_1_2_attributes():
    """Defect 9: Canvas reads the title, shuffling and points from assessment_meta.xml; `scoring_algorithm` is
    not in the QTI 1.2 DTD."""
    archive = zipfile.ZipFile(io.BytesIO(dump_qti_zip(QUIZ)))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    assessment = next(r for r in resources.values() if r.get("type") == "imsqti_xmlv1p2")
    meta_resource = resources[assessment.find(f"{CP}dependency").get("identifierref")]
    meta_href = meta_resource.find(f"{CP}file").get("href")
    assert meta_href.endswith("/assessment_meta.xml") and meta_href in archive.namelist()
    canvas = "{http://canvas.instructure.com/xsd/cccv1p0}"
    meta = ET.fromstring(archive.read(meta_href))
    assert meta.findtext(f"{canvas}title") == QUIZ.title
    assert meta.findtext(f"{canvas}shuffle_answers") == "false"
    assert float(meta.findtext(f"{canvas}points_possible")) == len(QUIZ.items)
    for name in archive.namelist():
        assert b"scoring_algorithm" not in archive.read(name)
    # Every element and attribute of the assessment is one the QTI 1.2 DTD (ims_qtiasiv1p2.dtd, in the schemas folder
    # of Instructure's QTIMigrationTool) declares for it: the attributes of the elements quizgen writes, as declared.
    declared = {
        "questestinterop": set(), "assessment": {"ident", "title"}, "section": {"ident", "title"},
        "qtimetadata": set(), "qtimetadatafield": set(), "fieldlabel": set(), "fieldentry": set(),
        "item": {"ident", "title", "label", "maxattempts"}, "itemmetadata": set(), "presentation": set(),
        "material": {"label"}, "mattext": {"texttype", "label", "charset", "uri", "width", "height"},
        "response_lid": {"ident", "rcardinality", "rtiming"}, "response_str": {"ident", "rcardinality", "rtiming"},
        "render_choice": {"shuffle", "minnumber", "maxnumber"},
        "render_fib": {"fibtype", "prompt", "rows", "columns", "maxchars", "encoding", "charset"},
        "response_label": {"ident", "rshuffle", "rarea", "rrange", "labelrefid", "match_group", "match_max"},
        "resprocessing": {"scoremodel"}, "outcomes": set(),
        "decvar": {"varname", "vartype", "defaultval", "minvalue", "maxvalue", "members", "cutvalue"},
        "respcondition": {"continue", "title"}, "conditionvar": set(), "varequal": {"respident", "case", "index"},
        "setvar": {"varname", "action"}, "itemfeedback": {"ident", "title", "view"}, "flow_mat": {"class"}}
    assessment = ET.fromstring(archive.read(assessment.find(f"{CP}file").get("href")))
    for element in assessment.iter():
        tag = element.tag.removeprefix(QTI)
        assert tag in declared and set(element.attrib) <= declared[tag], (tag, element.attrib)


# --- Any count the schema allows ---------------------------------------------------------------------------------

def test_every_writer_handles_ten_options_ten_pairs_and_ten_blanks(tmp_path):
    from quizgen.formats import FORMATS, export_formats

    options = tuple(f"Option {k}" for k in range(10))
    cloze = " and ".join(f"{{{{c{k}::word{k}}}}}" for k in range(1, 11)) + "."
    items = (Item(id="m", type="mcq", question="Which?", answer="Option 9", options=options, source="s",
                  paragraph=1, template="q", fact="f1"),
             Item(id="p", type="matching", question="Match.", answer="…", source="s", paragraph=1, template="m",
                  fact="f2", pairs=tuple((f"L{k}", f"R{k}") for k in range(10))),
             _cloze_item(cloze))
    quiz = _quiz_of(*items)
    assert items[0].answer_letter == "J"
    files, notices = export_formats(quiz, tmp_path, FORMATS)
    assert all(f.is_file() for f in files)
    assert any("Q1" in n and "more than four answers" in n for n in notices)  # Kahoot's limit, reported
    gift = parse_gift((tmp_path / "t.gift.txt").read_text("utf-8"))
    assert len(gift) == 1 + 10 + 1 and gift[0]["right"] == ["Option 9"] and len(gift[-1]["pairs"]) == 10
    assert [q["right"] for q in gift[1:11]] == [[f"word{k}"] for k in range(1, 11)]
    document = json.loads((tmp_path / "t.quiz.json").read_text("utf-8"))
    jsonschema.validate(document, schema())  # answer letter J is in the schema
    assert document["items"][0]["answer_letter"] == "J"


# --- The registry --------------------------------------------------------------------------------------------------

def test_each_registered_format_writes_exactly_the_files_it_declares(tmp_path):
    from quizgen.exporters.common import ExportSettings
    from quizgen.formats import REGISTRY, export_formats

    for fmt in REGISTRY:
        folder = tmp_path / fmt.name
        files, _ = export_formats(QUIZ, folder, [fmt.name], ExportSettings(note_time=1_700_000_000, versions=2))
        assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in files), fmt.name
        assert files, fmt.name


def test_readme_formats_table_and_cli_help_come_from_the_registry():
    from pathlib import Path

    from quizgen.cli import build_parser
    from quizgen.formats import FORMATS, readme_table

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    assert readme_table() in readme, "README's formats table is stale: paste quizgen.formats.readme_table()"
    make_help = next(a for a in build_parser()._subparsers._group_actions[0].choices["make"]._actions
                     if a.dest == "formats").help
    assert all(name in make_help for name in FORMATS)


# --- Google Forms ----------------------------------------------------------------------------------------------------

NODE = shutil.which("node")

# A stand-in for Google's FormApp that records every call, so the script's own logic is checked by a JavaScript
# engine: which items it creates, with which choices marked correct and how many points.
_FORMAPP_STUB = """
const made = {items: []};
function chain(target) { return new Proxy(target, {get: (t, k) => k in t ? t[k] : () => chain(t)}); }
const FormApp = {
  create: (title) => { made.title = title; return chain({
    setIsQuiz: (v) => { made.quiz = v; },
    setDescription: (d) => { made.description = d; },
    getEditUrl: () => "https://example.org/edit",
    addMultipleChoiceItem: () => { const it = {kind: "choice"}; made.items.push(it); const api = chain({
      setTitle: (t) => { it.title = t; return api; }, setPoints: (p) => { it.points = p; return api; },
      createChoice: (value, correct) => ({value, correct}),
      setChoices: (c) => { it.choices = c; return api; },
      setFeedbackForCorrect: (f) => { it.feedback = f; return api; }}); return api; },
    addTextItem: () => { const it = {kind: "text"}; made.items.push(it); const api = chain({
      setTitle: (t) => { it.title = t; return api; }, setPoints: (p) => { it.points = p; return api; },
      setGeneralFeedback: (f) => { it.feedback = f; return api; }}); return api; },
  }); },
  createFeedback: () => { const f = {}; const b = {setText: (t) => { f.text = t; return b; }, build: () => f};
                          return b; },
};
const Logger = {log: () => {}};
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed: the Apps Script cannot be checked")
def test_google_forms_script_is_valid_javascript_and_creates_the_quiz(tmp_path):
    import subprocess

    from quizgen.exporters.forms import dump_forms_script

    script, skipped = dump_forms_script(QUIZ)
    path = tmp_path / "quiz.js"  # the .gs file, under the name node expects
    path.write_text(script, "utf-8")
    checked = subprocess.run([NODE, "--check", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    runner = tmp_path / "run.js"
    runner.write_text(_FORMAPP_STUB + script + "\ncreateQuiz();\nconsole.log(JSON.stringify(made));\n", "utf-8")
    ran = subprocess.run([NODE, str(runner)], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    made = json.loads(ran.stdout)
    assert made["title"] == QUIZ.title and made["quiz"] is True
    kept = [(n, i) for n, i in numbered(QUIZ) if i.type in {"mcq", "true_false", "short_answer"}]
    assert len(made["items"]) == len(kept)
    for (number, item), created in zip(kept, made["items"], strict=True):
        assert created["title"].startswith(f"{number}. ") and item.question in created["title"]
        assert created["points"] == 1 and item.source in created["feedback"]["text"]
        if item.type == "short_answer":
            assert created["kind"] == "text" and item.answer in created["feedback"]["text"]
        else:
            assert [c["value"] for c in created["choices"]] == list(item.options)
            assert [c["value"] for c in created["choices"] if c["correct"]] == [item.answer]
    assert sorted(s.split(":")[0] for s in skipped) == sorted(
        f"Q{n}" for n, i in numbered(QUIZ) if i.type in {"cloze", "matching"})


# --- Any text at all -------------------------------------------------------------------------------------------------

_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    [*"~=#{}:<>&%*\\\"'-[]/\n\t\x0b\x1b\x00\x85\u202e“”’é", "->", "{{c7::", "}}", "::", "&#35;", "%50%"])
_TEXT = st.lists(_ALPHABET, min_size=1, max_size=25).map("".join).filter(lambda t: t.strip())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=_TEXT, option=_TEXT, left=_TEXT, right=_TEXT, blank=_TEXT)
def test_any_text_round_trips_through_gift_moodle_and_qti(question, option, left, right, blank):
    """Whatever the text, each format stays well-formed and a reader gets the words back (controls and direction
    overrides dropped, whitespace folded)."""
    from quizgen.exporters.common import blank_answers, clean_quiz, one_line, safe_text
    from quizgen.exporters.gift import gift_blocks
    from quizgen.model import build_cloze

    # Empty text is refused when quiz.yaml is read; a second option equal to the first is a duplicate.
    assume(all(one_line(safe_text(t)) for t in (question, option, left, right, blank)))
    assume(one_line(safe_text(option)) != "Bo")
    # build_cloze breaks "{{" apart inside a blank too, so a blank opening with a brace is not returned as written.
    assume(not blank.startswith("{"))
    cloze_source = f"Before {blank} after."
    items = (Item(id="m", type="mcq", question=question, answer=option, options=(option, "Bo"), source=question,
                  paragraph=1, template="t", fact="f1"),
             Item(id="p", type="matching", question="Match.", answer="…", pairs=((left, right), ("x", "y")),
                  source="s", paragraph=1, template="t", fact="f2"),
             Item(id="c", type="cloze", question="q", answer=blank, blanks=(blank,), source=cloze_source, paragraph=1,
                  template="t", fact="f3", cloze=build_cloze(cloze_source, [(7, 7 + len(blank))])))
    quiz = _quiz_of(*items)
    clean = clean_quiz(quiz)
    mcq, cloze, matching = clean.items[0], clean.items[2], clean.items[1]
    gift = parse_gift(dump_gift(quiz))
    assert gift[0]["stem"] == one_line(mcq.question)
    assert gift[0]["right"] == [one_line(mcq.answer)]
    # The cloze text is the record: build_cloze broke the article's own "{{" apart. A blank that would be a plain
    # short answer holding "->" or starting "%50%" cannot travel (Moodle would misread it) and is reported instead.
    answer = blank_answers(cloze)[0]
    if [s.label for s in gift_blocks(quiz)[1]]:  # only a typed blank Moodle would misread is left out
        assert [s.label for s in gift_blocks(quiz)[1]] == ["Q2"] and len(gift) == 2
        assert "->" in answer or re.match(r"\s*%-*[0-9]{1,2}\.?[0-9]*%", answer)
    else:  # with wrong choices it is multiple choice (HTML); with none, a short answer (plain text)
        assert gift[1]["right" if gift[1]["wrong"] else "plain_right"] == [one_line(blank_answers(cloze)[0])]
    assert gift[-1]["pairs"][0] == (one_line(matching.pairs[0][0]), one_line(matching.pairs[0][1]))
    moodle = ET.fromstring(dump_moodle_xml(quiz)).findall("question")
    # XML reads a carriage return as a line feed; HTML folds whitespace anyway.
    assert one_line(html.unescape(moodle[1].findtext("questiontext/text"))) == one_line(mcq.question)
    embedded = re.search(r"\{1:(?:SHORTANSWER|MULTICHOICE):=(.*?)[~}]", moodle[2].findtext("questiontext/text"))
    assert html.unescape(embedded.group(1)) == one_line(blank_answers(cloze)[0])
    root = _qti_assessment(quiz)
    labels = root.find(f"{QTI}assessment/{QTI}section/{QTI}item").iter(f"{QTI}response_label")
    assert [one_line(lab.findtext(f"{QTI}material/{QTI}mattext")) for lab in labels] == [one_line(mcq.options[0]), "Bo"]


_WORD = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda w: w.strip() and "->" not in w)


@st.composite
def _schema_items(draw) -> tuple[Item, ...]:
    """One item of each type with any count the quiz.yaml schema allows: 2-10 options and pairs, 1-10 blanks."""
    from quizgen.model import build_cloze

    options = draw(st.lists(_WORD, min_size=2, max_size=10, unique_by=str.strip))
    pairs = draw(st.lists(st.tuples(_WORD, _WORD), min_size=2, max_size=10, unique_by=lambda p: p[0].strip()))
    words = draw(st.lists(_WORD, min_size=1, max_size=10))
    text, spans = "", []
    for word in words:
        text += "and "
        spans.append((len(text), len(text) + len(word)))
        text += word + " "
    cloze = build_cloze(text, spans)
    base = {"source": draw(_WORD), "paragraph": 1, "template": "t"}
    return (Item(id="m", type="mcq", question=draw(_WORD), answer=draw(st.sampled_from(options)),
                 options=tuple(options), fact="f1", **base),
            Item(id="t", type="true_false", question=draw(_WORD), answer="False", options=("True", "False"), fact="f2",
                 **base),
            Item(id="s", type="short_answer", question=draw(_WORD), answer=options[0], accepted=tuple(options[:3]),
                 fact="f3", **base),
            Item(id="p", type="matching", question="Match.", answer="…", pairs=tuple(pairs), fact="f4", **base),
            Item(id="c", type="cloze", question="q", answer="…", blanks=tuple(words), cloze=cloze, fact="f5", **base))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=_schema_items(), extras=st.lists(_WORD, max_size=4))
def test_every_format_writes_any_count_the_schema_allows(items, extras, tmp_path_factory):
    from quizgen.exporters.common import ExportSettings
    from quizgen.formats import FORMATS, export_formats

    folder = tmp_path_factory.mktemp("out")
    files, notices = export_formats(_quiz_of(*items, extras=tuple(extras)), folder, FORMATS,
                                    ExportSettings(note_time=1_700_000_000))
    assert all(f.is_file() and f.stat().st_size for f in files)
    ET.fromstring((folder / "t.moodle.xml").read_bytes())
    assert len(parse_gift((folder / "t.gift.txt").read_text("utf-8"))) >= 4
    assert all("\n" not in notice for notice in notices)

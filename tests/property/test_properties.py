"""Property-based tests (hypothesis): whatever the text, the pipeline makes a valid quiz or raises the project's
user error, and markup in an article comes out as the literal characters in every output.

The CI run is bounded (QUIZGEN_HYPOTHESIS=ci, the default: a few dozen examples each); set
QUIZGEN_HYPOTHESIS=long for hundreds.
"""

from __future__ import annotations

import html
import os
import tempfile
import zipfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from quizgen import api
from quizgen.errors import UserError
from quizgen.exporters.anki import export_anki
from quizgen.exporters.pdf import export_pdfs
from quizgen.factsfile import dump_facts, parse_facts
from quizgen.quizfile import dump_quiz, parse_quiz
from tests.conftest import import_apkg, squash

settings.register_profile("ci", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("QUIZGEN_HYPOTHESIS", "ci"))

HOSTILE = ['<img src="/etc/passwd"/>', "<font color=red>", '<a href="http://example.com/x">', "<b>bold</b>",
           "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% for x in y %}", "&amp;",
           "]]>", "{{c1::answer}}", "&nbsp;"]
SENTENCES = [
    "The mayor of Harwick, Priya Nair, opened the £12 million bridge over the River Tam on Monday{}.",
    "About 4,000 people crossed it in the first week, according to Harwick Council{}.",
    "Tom Ellis, an engineer at Castleford University, said the design{} had taken three years.",
    "“We built it to last a century{},” said Dana Whitlock, the council leader.",
]


def _write(text: str, suffix: str = ".txt") -> Path:
    folder = Path(tempfile.mkdtemp(prefix="quizgen-prop-"))
    path = folder / f"article{suffix}"
    path.write_text(text, encoding="utf-8")
    return path


def _pipeline(path: Path):
    """Every stage and every exporter; returns the quiz and where the outputs went, or raises UserError."""
    facts = api.load_facts(path)
    assert parse_facts(dump_facts(facts), "facts.yaml") == facts  # facts.yaml round trips exactly
    quiz = api.generate_quiz(facts, count=12, seed=0)
    out = path.parent
    export_pdfs(quiz, out / "w.pdf", out / "k.pdf")
    export_anki([quiz], out / "d.apkg", timestamp=1_700_000_000)
    (out / "quiz.yaml").write_text(dump_quiz(quiz), encoding="utf-8")
    return facts, quiz, out


# Any text but control characters: reading drops those (issue 15, finding 7), so a facts.yaml or quiz.yaml
# holding one no longer round-trips exactly; test_quiz_edits.py and the readers' tests cover them.
_TEXT = st.characters(blacklist_categories=("Cs", "Cc"))


@given(title=st.text(_TEXT, max_size=80), body=st.lists(st.text(_TEXT, min_size=1, max_size=300), max_size=6))
def test_any_unicode_text_gives_a_valid_quiz_or_a_user_error(title, body):
    path = _write(title + "\n\n" + "\n\n".join(body))
    try:
        _facts, quiz, out = _pipeline(path)
    except UserError:
        return
    assert len(quiz.items) <= 12
    assert len(PdfReader(str(out / "w.pdf")).pages) >= 1 and len(PdfReader(str(out / "k.pdf")).pages) >= 1
    with zipfile.ZipFile(out / "d.apkg") as archive:
        assert archive.testzip() is None
    assert parse_quiz((out / "quiz.yaml").read_text(encoding="utf-8"), "quiz.yaml").items == tuple(
        i.__class__(**{**i.__dict__, "score": 0.0}) for i in quiz.items)


@settings(max_examples=int(os.environ.get("QUIZGEN_HOSTILE_EXAMPLES", "12")))
@given(fragments=st.lists(st.sampled_from(HOSTILE) | st.text(alphabet="<>&\"'{}%#/=;:[]", min_size=1, max_size=12),
                          min_size=len(SENTENCES), max_size=len(SENTENCES)),
       title_fragment=st.sampled_from(HOSTILE))
def test_markup_in_the_article_is_printed_literally_everywhere(fragments, title_fragment):
    sentences = [s.format(" " + f) for s, f in zip(SENTENCES, fragments, strict=True)]
    path = _write(f"Bridge opens {title_fragment}\n\n" + "\n\n".join(sentences))
    try:
        _facts, quiz, out = _pipeline(path)
    except UserError:
        return
    key = squash("".join(p.extract_text() or "" for p in PdfReader(str(out / "k.pdf")).pages))
    worksheet = squash("".join(p.extract_text() or "" for p in PdfReader(str(out / "w.pdf")).pages))
    assert squash(f"Bridge opens {title_fragment}") in worksheet  # the title, as typed
    written = yaml.safe_load((out / "quiz.yaml").read_text(encoding="utf-8"))
    col = import_apkg(out / "c.anki2", out / "d.apkg")
    try:
        cards = "".join(col.get_card(c).question() + col.get_card(c).answer() for c in col.find_cards(""))
    finally:
        col.close()
    assert "<script" not in cards and "<img" not in cards and "<font" not in cards and "49" not in cards
    for item, record in zip(quiz.items, written["items"], strict=True):
        assert record["source"] == item.source  # quiz.yaml keeps the characters
        for fragment in fragments:
            if fragment in item.source and item.type != "matching":
                assert squash(fragment) in key, fragment  # the key prints each item's source sentence
                assert html.escape(fragment, quote=False) in cards or html.escape(fragment) in cards, fragment


_scalars = st.none() | st.booleans() | st.integers(-5, 10**6) | st.text(max_size=30)
_yaml_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.sampled_from(["schema", "article", "sentences", "entities", "quotes", "numbers", "items", "id", "text",
                     "type", "sentence", "name", "title", "slug", "index", "paragraph", "question", "answer",
                     # quiz.yaml's own keys
                     "seed", "requested", "reading_grade", "bank_extras", "options", "blanks", "cloze", "pairs",
                     "left", "right", "accepted", "source", "template", "fact", "difficulty", "fixed_order",
                     "versions"])
    | st.text(max_size=8), inner, max_size=5), max_leaves=25)


@given(document=_yaml_values)
def test_any_yaml_document_is_a_facts_or_quiz_file_or_a_clear_error(document):
    """Random documents, named with both files' keys; see test_quiz_edits.py for edits of a real quiz.yaml."""
    text = yaml.safe_dump(document, allow_unicode=True)
    for parse in (parse_facts, parse_quiz):
        try:
            parse(text, "random.yaml")
        except UserError as err:
            assert str(err).startswith("random.yaml") and "\n" not in str(err)


@given(text=st.text(max_size=300))
def test_any_text_as_yaml_is_a_facts_or_quiz_file_or_a_clear_error(text):
    for parse in (parse_facts, parse_quiz):
        try:
            parse(text, "random.yaml")
        except UserError as err:
            assert str(err).startswith("random.yaml") and "\n" not in str(err)

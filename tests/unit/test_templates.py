"""Template files: validation names the file and field; the sandbox refuses escapes."""

from __future__ import annotations

import pytest

from quizgen.errors import TemplateError
from quizgen.generate import generate_quiz
from quizgen.templates import load_folder, load_templates, parse_template, render
from tests.unit.factories import sample_facts

GOOD = """\
id: my-quote
kind: mcq
applies_to: quote
question: "Who said “{{ quote.text }}”?"
answer: "{{ quote.speaker }}"
distractors: {from: same_type, count: 3}
"""


def test_a_valid_template_loads():
    template = parse_template(GOOD, "t.yaml")
    assert template.id == "my-quote" and template.kind == "mcq"


@pytest.mark.parametrize(("text", "words"), [
    ("id: x\nkind: essay\napplies_to: quote\nquestion: q\n", "kind"),
    ("id: x\nkind: mcq\napplies_to: weather\nquestion: q\nanswer: a\n", "applies_to"),
    ("id: x\nkind: mcq\napplies_to: quote\nquestion: q\nanswer: a\ncolour: red\n", "unknown field 'colour'"),
    ("id: x\nkind: mcq\napplies_to: quote\nanswer: a\n", "missing required field 'question'"),
    ("id: x\nkind: mcq\napplies_to: quote\nquestion: '{{ quote.text '\nanswer: a\n", "Jinja syntax error"),
    ("a: &a [1]\nb: *a\n", "anchors and aliases"),
    ("id: x\nkind: cloze\napplies_to: key_sentence\nquestion: q\nblanks: 9\n", "blanks"),
    ("id: x\nkind: mcq\napplies_to: quote\nquestion: q\nanswer: a\ndistractors: {from: speakers}\n", "distractors"),
])
def test_invalid_templates_name_file_and_field(text, words):
    with pytest.raises(TemplateError) as err:
        parse_template(text, "bad.yaml")
    assert "bad.yaml" in str(err.value) and words in str(err.value)


ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ quote.__class__.__subclasses__() }}",
    "{{ lipsum['__globals__']['os'].popen('id').read() }}",
    "{{ (quote|attr('__class__')) }}",
    "{% for c in ''.__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
]


@pytest.mark.parametrize("expression", ESCAPES)
def test_sandbox_escapes_are_refused_when_the_template_is_loaded(expression, tmp_path):
    with pytest.raises(TemplateError) as err:
        parse_template(GOOD.replace("Who said", expression), "evil.yaml")
    assert "evil.yaml" in str(err.value) and "not allowed" in str(err.value)


@pytest.mark.parametrize("expression", ESCAPES[:3])
def test_the_sandbox_refuses_them_at_render_time_too(expression):
    # Built past the load-time check, as a template edited in memory could be: the sandbox still refuses.
    template = parse_template(GOOD, "evil.yaml")
    with pytest.raises(TemplateError) as err:
        render(template, "question", expression, {"quote": {"text": "x", "speaker": "y"}})
    assert "evil.yaml" in str(err.value)


def test_undefined_variable_is_an_error_naming_the_template(tmp_path):
    (tmp_path / "typo.yaml").write_text(GOOD.replace("quote.speaker", "quote.speakr"), encoding="utf-8")
    templates = load_folder(tmp_path)
    with pytest.raises(TemplateError) as err:
        generate_quiz(sample_facts(), templates, count=5)
    assert "typo.yaml" in str(err.value) and "speakr" in str(err.value)


def test_user_folder_comes_before_builtins(tmp_path):
    (tmp_path / "q.yaml").write_text(GOOD.replace("id: my-quote", "id: quote-speaker"), encoding="utf-8")
    chosen = {t.id: t for t in load_templates([tmp_path])}
    assert chosen["quote-speaker"].path == str(tmp_path / "q.yaml")


@pytest.mark.parametrize(("phrase", "expected"), [
    ("hour", "an hour"), ("university", "a university"), ("MP for Birkenhead", "an MP for Birkenhead"),
    ("European agency", "a European agency"), ("engineer", "an engineer"), ("news agency", "a news agency"),
    ("8-year-old", "an 8-year-old"), ("one-off", "a one-off"),
])
def test_a_an_by_sound(phrase, expected):
    from quizgen.templates import a_an

    assert a_an(phrase) == expected

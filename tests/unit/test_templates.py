"""Template files: validation names the file and field; the sandbox refuses escapes."""

from __future__ import annotations

import pytest

from quizgen.errors import TemplateError
from quizgen.generate import generate_quiz
from quizgen.templates import evaluate, load_folder, load_templates, parse_template, render
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


# Finding 6: a template is untrusted code. Each of these hung, filled memory or exited 70; each is now one
# TemplateError naming the file and the field, within a few seconds.
RUNAWAY = {
    "nested huge ranges": ("{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
                           "range of 100,000 items"),
    "loops too long": ("{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
                       "{% endfor %}{% endfor %}{% endfor %}", "took longer than"),
    "loops over text too long": ("{% set s = quote.text * 2000 %}{% for a in s %}{% for b in s %}{% endfor %}"
                                 "{% endfor %}", "took longer than"),
    "power tower": ("{{ 9 ** (9 ** 10) }}", "too large"),
    "power of a fact": ("{{ 9 ** (quote.text|length * 10000) }}", "too large"),
    "repeated text": ("{{ 'x' * 3000000000 }}", "repeats a value"),
    "repeated fact": ("{{ quote.text * 3000000000 }}", "repeats a value"),
    "percent width": ("{{ '%0999999999d' % 1 }}", "format width"),
    "format filter width": ("{{ '%0999999999d'|format(1) }}", "format width"),
    "str.format width": ("{{ '{:0999999999}'.format(1) }}", "format width"),
    "str.format nested width": ("{{ '{:{}}'.format(1, 999999999) }}", "format width"),
    "padding method": ("{{ quote.text.center(999999999) }}", "pads to more than"),
    "padding filter": ("{{ quote.text|center(999999999) }}", "center filter"),
    "indent filter": ("{{ quote.text|indent(999999999) }}", "indent filter"),
    "doubling in a namespace": ("{% set ns = namespace(s=quote.text) %}{% for i in range(100) %}"
                                "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}", "characters or items"),
    "output too long": ("{% for i in range(1000) %}{{ quote.text }}{% endfor %}", "renders more than"),
    "lipsum too long": ("{{ lipsum(100000) }}", "lipsum()"),
    "lipsum with text": ("{{ lipsum(n='x') }}", "lipsum()"),
    "lipsum with a bad keyword": ("{{ lipsum(colour=1) }}", "TypeError"),
    "division by zero": ("{{ 1 // (quote.text|length - quote.text|length) }}", "ZeroDivisionError"),
}


@pytest.mark.parametrize("case", RUNAWAY)
def test_a_runaway_template_is_stopped_with_one_line_naming_file_and_field(case):
    import time

    source, words = RUNAWAY[case]
    template = parse_template(GOOD, "runaway.yaml")  # rendered directly: some are refused at load time too
    started = time.process_time()
    with pytest.raises(TemplateError) as err:
        render(template, "question", source, {"quote": {"text": "We cannot wait", "speaker": "Priya Nair"}})
    assert time.process_time() - started < 5  # CPU seconds (a loaded machine adds wall time, not these)
    assert str(err.value).startswith("runaway.yaml: my-quote.question: ") and words in str(err.value), err.value
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(("source", "words"), [
    ("{% include 'other.yaml' %}", "`include` is not allowed"),
    ("{% import 'macros.j2' as m %}", "`import` is not allowed"),
    ("{% from 'macros.j2' import m %}", "`import` is not allowed"),
    ("{% extends 'base.j2' %}", "`extends` is not allowed"),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "macro 'f' calls itself"),
    ("{{ 9 ** (9 ** 10) }}", "too large"),
    ("{{ 'x' * 3000000000 }}", "repeats a value"),
    ("{{ '%0999999999d' % 1 }}", "format width"),
    ("{% for i in range(100000) %}{% endfor %}", "range of 100,000 items"),
])
def test_templates_check_reports_what_would_load_files_recurse_or_explode(source, words, tmp_path):
    import time

    from quizgen.cli import main

    (tmp_path / "evil.yaml").write_text(GOOD.replace("Who said", source.replace('"', "'")), encoding="utf-8")
    started = time.process_time()
    with pytest.raises(TemplateError) as err:
        load_folder(tmp_path)
    assert time.process_time() - started < 5
    assert "evil.yaml: my-quote.question: " in str(err.value) and words in str(err.value), err.value
    assert main(["templates", "check", str(tmp_path)]) == 1


@pytest.mark.parametrize("source", [
    "{% include 'other.yaml' %}", "{% extends 'base.j2' %}", "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
])
def test_loading_or_recursion_met_at_render_time_is_a_template_error_too(source):
    template = parse_template(GOOD, "evil.yaml")
    with pytest.raises(TemplateError, match=r"evil\.yaml: my-quote\.question: "):
        render(template, "question", source, {"quote": {"text": "x", "speaker": "y"}})


@pytest.mark.parametrize(("source", "expected"), [
    ("{{ '%03d'|format(7) }}", "007"),
    ("[{{ '%5.1f' % 2.25 }}]", "[  2.2]"),
    ("[{{ '{:>4}'.format('ab') }}]", "[  ab]"),
    ("{{ range(3)|list|join(',') }}", "0,1,2"),
    ("{{ 2 ** 10 }} {{ 'ab' * 3 }} {{ [1] * 3 }}", "1024 ababab [1, 1, 1]"),
    ("{% set ns = namespace(n=0) %}{% for i in range(4) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}", "6"),
    ("{{ quote.text|center(20)|length }} {{ quote.speaker|a_an }}", "20 a Priya Nair"),
    ("{{ lipsum(1, false, 5, 6)|wordcount in [5, 6] }}", "True"),
])
def test_ordinary_templates_render_as_before(source, expected):
    template = parse_template(GOOD, "fine.yaml")
    assert render(template, "question", source, {"quote": {"text": "We cannot wait", "speaker": "Priya Nair"}}) \
        == expected


def test_a_runaway_when_test_is_stopped_too():
    template = parse_template(GOOD + 'when: "9 ** (quote.text|length * 10000) > 1"\n', "when.yaml")
    with pytest.raises(TemplateError, match=r"when.yaml: my-quote.when: .*too large"):
        evaluate(template, {"quote": {"text": "x", "speaker": "y"}})


_GROW = {"quote": {"text": "We cannot wait", "speaker": "Priya Nair"}}
_DOUBLED_LIST = "{% set a = [quote.text] %}" + "{% set a = [a, a] %}" * 40


@pytest.mark.parametrize("source", [
    # each `set` doubles the text with `~`, which Jinja joins without a hook of its own
    "{% set a = quote.text * 5000 %}" + "{% set a = a ~ a %}" * 40 + "{{ a|length }}",
    # a list holding a list twice, nested 40 deep, prints as terabytes: it is sized before it becomes text
    _DOUBLED_LIST + "{{ a }}",
    _DOUBLED_LIST + "{{ a|string|length }}",
    _DOUBLED_LIST + "{{ 'x' ~ a }}",
    _DOUBLED_LIST + "{{ '%s' % (a,) }}",
    _DOUBLED_LIST + "{{ a|tojson|length }}",
])
def test_text_built_up_step_by_step_is_stopped_before_it_is_made(source):
    template = parse_template(GOOD, "grow.yaml")
    with pytest.raises(TemplateError) as err:
        render(template, "question", source, _GROW)
    assert str(err.value).startswith("grow.yaml: my-quote.question: ") and "characters or items" in str(err.value)


def test_a_fifo_in_a_template_folder_is_refused_not_read(tmp_path):
    """Issue 15, finding 15: a named pipe called *.yaml in ./question_templates used to hang `templates check`."""
    import os
    import subprocess
    import sys

    os.mkfifo(tmp_path / "pipe.yaml")
    run = subprocess.run([sys.executable, "-m", "quizgen", "templates", "check", str(tmp_path)], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "pipe.yaml" in run.stderr and "not a regular file" in run.stderr

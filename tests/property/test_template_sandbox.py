"""Question templates are untrusted code: whatever a template computes, rendering ends within the sandbox's time
limit with at most 10,000 characters, or with one TemplateError naming the file and field; never another
exception, a hang or a memory bomb.

Templates are drawn from a small grammar of the operations that grow values (power, repetition, formatting,
padding, joining, nested loops) over facts and large constants. CI runs a bounded number;
QUIZGEN_HYPOTHESIS=long runs hundreds.
"""

from __future__ import annotations

import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.errors import TemplateError
from quizgen.templates import parse_template, render
from quizgen.templates.sandbox import MAX_FIELD, MAX_SECONDS

LONG = os.environ.get("QUIZGEN_HYPOTHESIS") == "long"
TEMPLATE = parse_template("id: t\nkind: short_answer\napplies_to: quote\nquestion: q\nanswer: a\n", "t.yaml")
CONTEXT = {"quote": {"text": "We cannot wait for the next flood", "speaker": "Priya Nair", "words": ["a", "b"]}}

_numbers = st.sampled_from(["0", "1", "2", "9", "99", "1000", "100000", "3000000000", "(9 ** 10)", "1.5",
                            "quote.text|length"])
_texts = st.sampled_from(["'x'", "quote.text", "'%0999d'", "'%s'", "'{:>9999}'", "'{}'", "quote.words",
                          "[quote.text, quote.text]", "range(5)|list"])


def _expression(depth: int) -> st.SearchStrategy[str]:
    if depth == 0:
        return _numbers | _texts
    inner = _expression(depth - 1)
    binary = st.tuples(inner, st.sampled_from(["**", "*", "%", "+", "~", "//"]), inner).map(
        lambda t: f"({t[0]} {t[1]} {t[2]})")
    filtered = st.tuples(inner, st.sampled_from(["center(%s)", "indent(%s)", "format(%s)", "join", "list",
                                                 "string", "length", "wordcount", "a_an", "truncate(%s)"]),
                         _numbers).map(lambda t: f"({t[0]})|{t[1] % t[2] if '%s' in t[1] else t[1]}")
    called = st.tuples(inner, st.sampled_from(["center", "ljust", "zfill", "format", "split"]), _numbers).map(
        lambda t: f"({t[0]}).{t[1]}({t[2] if t[1] != 'split' else ''})")
    ranged = _numbers.map(lambda n: f"range({n})|list")
    return inner | binary | filtered | called | ranged


def _body(depth: int) -> st.SearchStrategy[str]:
    output = _expression(3).map(lambda e: "{{ " + e + " }}")
    if depth == 0:
        return output
    loop = st.tuples(_expression(1), _body(depth - 1)).map(lambda t: f"{{% for v in {t[0]} %}}{t[1]}{{% endfor %}}")
    grow = st.tuples(_expression(2), _body(depth - 1)).map(
        lambda t: f"{{% set ns = namespace(s={t[0]}) %}}{{% for i in range(60) %}}{{% set ns.s = ns.s ~ ns.s %}}"
                  f"{{% endfor %}}{t[1]}")
    return output | loop | grow


@settings(max_examples=400 if LONG else 20, deadline=None, derandomize=not LONG,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(source=_body(3))
def test_any_template_renders_within_the_limits_or_is_one_template_error(source):
    started = time.process_time()
    try:
        text = render(TEMPLATE, "question", source, CONTEXT)
    except TemplateError as err:
        assert str(err).startswith("t.yaml: t.question: ") and "\n" not in str(err)
    else:
        assert len(text) <= MAX_FIELD
    assert time.process_time() - started < MAX_SECONDS + 1  # CPU time: a busy machine does not count

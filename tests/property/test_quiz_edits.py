"""A teacher edits quiz.yaml (or facts.yaml) by hand: whatever the edit (types, counts, missing keys, encodings),
`quizgen make` on the file prints and exports it (exit 0) or says what is wrong in one line (exit 1), never exit 70.

The mutations start from a real quiz.yaml with every item type. CI runs a bounded number of examples; set
QUIZGEN_HYPOTHESIS=long for a few thousand (about ten minutes).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen import api
from quizgen.cli import main
from quizgen.factsfile import dump_facts
from quizgen.quizfile import HEADER, dump_quiz
from tests.unit.factories import sample_facts

LONG = os.environ.get("QUIZGEN_HYPOTHESIS") == "long"
EXAMPLES = int(os.environ.get("QUIZGEN_QUIZ_EDIT_EXAMPLES", "3000" if LONG else "30"))


@functools.cache
def _document() -> dict[str, Any]:
    quiz = api.generate_quiz(sample_facts(), count=12, seed=0)
    assert {item.type for item in quiz.items} == {"mcq", "cloze", "true_false", "short_answer", "matching"}
    return yaml.safe_load(dump_quiz(quiz))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the document a teacher could edit: each key and each list member, at any depth."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


KEYS = ["schema", "title", "slug", "seed", "requested", "reading_grade", "bank_extras", "items", "id", "type",
        "question", "options", "answer", "accepted", "blanks", "cloze", "pairs", "left", "right", "source",
        "paragraph", "difficulty", "fixed_order", "tags", "entity_types", "versions", "shortfall"]
TEXTS = ["", " ", "True", "False", "Priya Nair", "{{c1::Harwick}}", "{{c2::x}} and {{c1::y}}", "../../etc/x",
         "x\x1b[31mred", "a\x0bb", "=HYPERLINK(\"http://x\")", "<script>alert(1)</script>", "é" * 300,
         "word " * 400, "::", "\u202e", "²", "{{ 7*7 }}"]
_scalars = (st.none() | st.booleans() | st.integers(-3, 12) | st.sampled_from([10**30, -(10**20), 2**63])
            | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(TEXTS) | st.text(max_size=40))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=12) | st.dictionaries(
    st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=4), max_leaves=16)


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    node = document
    for key in path[:-1]:
        node = node[key]
    return node


def _edit(document: Any, path: tuple[Any, ...], operation: str, value: Any, count: int) -> None:
    """One edit at `path`; an edit whose place an earlier edit removed does nothing."""
    try:
        parent = _parent(document, path)
        key = path[-1]
        current = parent[key]
    except (KeyError, IndexError, TypeError):
        return
    if operation == "replace":
        parent[key] = value
    elif operation == "delete":
        del parent[key]
    elif operation == "resize" and isinstance(current, list) and current:
        parent[key] = [copy.deepcopy(current[i % len(current)]) for i in range(count)]
    elif operation == "rename" and isinstance(parent, dict):
        parent[value if isinstance(value, str) else KEYS[count % len(KEYS)]] = parent.pop(key)
    elif operation == "retext" and isinstance(current, str):  # an edit that keeps the file's shape
        parent[key] = value if isinstance(value, str) else TEXTS[count % len(TEXTS)]
    elif operation == "spread" and isinstance(current, list) and all(isinstance(v, str) for v in current):
        # `count` different members, the present ones first (so an answer stays among the options)
        parent[key] = [*current, *(f"{TEXTS[i % len(TEXTS)]} {i}" for i in range(count))][:count]


OPERATIONS = ["replace", "delete", "resize", "rename", "retext", "retext", "spread", "spread"]
_edits = st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(OPERATIONS), _values, st.integers(0, 13)),
                  min_size=1, max_size=4)


def _make(text: str, encoding: str, name: str) -> tuple[int, str]:
    """`quizgen make` on the text saved as `name` in `encoding`, every format: exit code and stderr."""
    folder = Path(tempfile.mkdtemp(prefix="quizgen-edit-"))
    path = folder / name
    path.write_bytes(text.encode(encoding, errors="replace"))
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        code = main(["make", str(path), "-o", str(folder / "out"), "--formats", "all", "--versions", "2"])
    return code, stderr.getvalue()


def _assert_printed_or_refused(code: int, stderr: str) -> None:
    assert code in (0, 1), stderr
    if code == 1:
        lines = stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("quizgen: ") and "\x1b" not in lines[0], lines


def _edited(document: Any, edits: list[tuple[int, str, Any, int]]) -> Any:
    document = copy.deepcopy(document)
    paths = _paths(document)
    for place, operation, value, count in edits:
        _edit(document, paths[place % len(paths)], operation, value, count)
    return document


_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_SETTINGS
@given(edits=_edits, encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]), header=st.booleans())
def test_an_edited_quiz_yaml_is_printed_or_refused_in_one_line_never_a_crash(edits, encoding, header):
    document = _edited(_document(), edits)
    text = (HEADER if header else "") + yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    _assert_printed_or_refused(*_make(text, encoding, "quiz.yaml"))


@functools.cache
def _facts_document() -> dict[str, Any]:
    return yaml.safe_load(dump_facts(sample_facts()))


@settings(_SETTINGS, max_examples=max(EXAMPLES // 2, 1))
@given(edits=_edits)
def test_an_edited_facts_yaml_is_built_or_refused_in_one_line_never_a_crash(edits):
    document = _edited(_facts_document(), edits)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    _assert_printed_or_refused(*_make(text, "utf-8", "facts.yaml"))

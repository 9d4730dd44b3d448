"""No module of quizgen defines one top-level function, class or rule table twice: a later copy silently replaces the
first (ruff's F811 misses it when the first copy was used in between, as in a rule table built from it)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import quizgen

PACKAGE = Path(quizgen.__file__).parent


def _top_level_names(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            names.append(node.targets[0].id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return names


def test_no_module_defines_a_top_level_name_twice():
    twice = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        counts = Counter(_top_level_names(ast.parse(path.read_text(encoding="utf-8"))))
        repeated = sorted(name for name, n in counts.items() if n > 1)
        if repeated:
            twice[str(path.relative_to(PACKAGE))] = repeated
    assert not twice, twice


def test_a_second_copy_of_a_function_is_found():
    tree = ast.parse("def f():\n    pass\n\n\nRULES = (f,)\n\n\ndef f():\n    pass\n")
    assert Counter(_top_level_names(tree))["f"] == 2

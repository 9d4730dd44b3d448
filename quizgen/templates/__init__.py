"""Question templates: YAML files validated on load, rendered in Jinja2's sandbox with StrictUndefined."""

from __future__ import annotations

import contextlib
import functools
import importlib.resources
import re
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SecurityError

from quizgen.errors import TemplateBudgetWarning, TemplateError
from quizgen.model import ITEM_TYPES
from quizgen.templates.sandbox import (
    MAX_FIELD,
    BoundedSandbox,
    LimitExceededError,
    add_filters,
    check_constants,
    time_limit,
)
from quizgen.textutil import word_count
from quizgen.yamlio import load_yaml, read_yaml_text

APPLIES_TO = ("entity", "quote", "number", "gloss", "key_sentence", "contrast", "question", "article")
DISTRACTOR_SOURCES = ("same_type", "numbers", "meanings", "none")
_KEYS = {"id", "kind", "applies_to", "when", "question", "answer", "accepted", "distractors", "explanation", "tags",
         "difficulty", "priority", "description", "pairs", "blanks", "negated_claims"}
_REQUIRED = ("id", "kind", "applies_to", "question")


@dataclass(frozen=True)
class Template:
    """One generator: which facts it applies to, and the Jinja2 text of its question and answer."""

    id: str
    kind: str
    applies_to: str
    question: str
    path: str
    answer: str = ""
    when: str = ""
    accepted: str = ""
    explanation: str = ""
    distractors: dict[str, Any] = field(default_factory=dict)
    pairs: str = ""  # matching: which pairs (people_roles, glosses)
    blanks: int = 2  # cloze: at most this many blanks
    # true/false: a key sentence with its main claim negated ("did not approve") is a false version where no name or
    # figure can be swapped. Off in the built-in template: blind raters accepted 40 of 77 such statements (rounds 9-11).
    negated_claims: bool = False
    tags: tuple[str, ...] = ()
    difficulty: int = 2
    priority: float = 1.0
    description: str = ""


_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")  # initials read letter by letter: "an FBI agent", "an MP"
_CONSONANT_SOUND = ("uni", "use", "usu", "uti", "eu", "ewe", "one", "once", "ur")
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")


def a_an(phrase: str) -> str:
    """'a' or 'an' before a phrase, by sound: 'an hour', 'a university', 'an MP', 'a European'."""
    word = phrase.split()[0] if phrase.split() else ""
    if not word:
        return phrase
    lowered = word.lower()
    if word.isupper() and len(word) > 1:
        vowel = word[0] in _VOWEL_SOUND_LETTERS
    elif lowered[0].isdigit():
        vowel = lowered.startswith(("8", "11", "18"))
    else:
        vowel = (lowered[0] in "aeiou" and not lowered.startswith(_CONSONANT_SOUND)) or lowered.startswith(
            _SILENT_H)
    return f"{'an' if vowel else 'a'} {phrase}"


# A role that opens with a name in the possessive ("Mr. Trump's campaign manager", "Harbour Radio's editor") is
# definite already: "the Harbour Radio's editor" is wrong.
_NAMED_OWNER = re.compile(r"^(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:'s|’s|'|’)\s")


def with_the(role: str) -> str:
    """'chief executive' → 'the chief executive'; 'a judge', 'the mayor' and "Acme's chief executive" unchanged."""
    if not role.split() or role.split()[0].lower() in {"a", "an", "the"} or _NAMED_OWNER.match(role):
        return role
    return f"the {role}"


def _environment() -> BoundedSandbox:
    env = BoundedSandbox(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
    add_filters(env, {
        "wordcount": word_count,
        "a_an": a_an,
        "capfirst": lambda s: s[:1].upper() + s[1:] if s else s,
        "lowerfirst": lambda s: s[:1].lower() + s[1:] if s and not s[:2].isupper() else s,
        "the": with_the,
    })
    return env


_ENV: BoundedSandbox | None = None


def environment() -> BoundedSandbox:
    """The one template sandbox, with quizgen's filters (wordcount, a_an, capfirst, …), built on first use."""
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV


@functools.lru_cache(maxsize=1024)
def _compiled(source: str) -> jinja2.Template:
    # Compiling is most of the cost of rendering: each field is compiled once per process, not once per fact.
    return environment().from_string(source)


@functools.lru_cache(maxsize=256)
def _compiled_expression(source: str) -> Any:
    return environment().compile_expression(source, undefined_to_none=False)


def _failure(template: Template, field_name: str, err: Exception) -> TemplateError:
    """One line naming the template file and field, whatever went wrong inside the template."""
    if isinstance(err, SecurityError):
        why = f"refused by the sandbox ({err})"
    elif isinstance(err, jinja2.UndefinedError):
        why = err.message or str(err)
    elif isinstance(err, LimitExceededError | jinja2.TemplateError):
        why = str(err)
    elif isinstance(err, RecursionError):
        why = "calls itself too deeply (a macro or loop that never stops?)"
    else:  # a template is code: its TypeError or ZeroDivisionError is the template's fault, not quizgen's
        why = f"{type(err).__name__}: {err}"
    first = why.strip().splitlines()[0] if why.strip() else type(err).__name__
    return TemplateError(f"{template.path}: {template.id}.{field_name}: {first[:300]}")


# CPU seconds one template may spend on one article, all its fields and `when` tests together: the sandbox's 1 s
# is per field per fact, and a slow template over a hundred entities would otherwise take minutes.
TEMPLATE_BUDGET = 3.0


class _Budget(threading.local):
    """The CPU time each template has spent on the article being generated (None: no budget is running)."""

    spent: dict[tuple[str, str], float] | None = None
    warned: set[tuple[str, str]] | None = None
    seconds: float = TEMPLATE_BUDGET


_BUDGET = _Budget()


@contextlib.contextmanager
def template_budget(seconds: float | None = None) -> Iterator[None]:
    """Give each template `seconds` (TEMPLATE_BUDGET by default) of CPU time for what runs inside (one article):
    past it the template's `when` is false for every further fact, and a TemplateBudgetWarning names it."""
    saved = (_BUDGET.spent, _BUDGET.warned, _BUDGET.seconds)
    _BUDGET.spent, _BUDGET.warned = {}, set()
    _BUDGET.seconds = TEMPLATE_BUDGET if seconds is None else seconds
    try:
        yield
    finally:
        _BUDGET.spent, _BUDGET.warned, _BUDGET.seconds = saved


@contextlib.contextmanager
def _charged(template: Template) -> Iterator[None]:
    """Count the CPU time of what runs inside against the template's budget (when one is running)."""
    start = time.process_time()
    try:
        yield
    finally:
        if _BUDGET.spent is not None:
            key = (template.path, template.id)
            _BUDGET.spent[key] = _BUDGET.spent.get(key, 0.0) + time.process_time() - start


def _over_budget(template: Template) -> bool:
    key = (template.path, template.id)
    if _BUDGET.spent is None or _BUDGET.warned is None or _BUDGET.spent.get(key, 0.0) <= _BUDGET.seconds:
        return False
    if key not in _BUDGET.warned:
        _BUDGET.warned.add(key)
        warnings.warn(f"template {template.id} ({template.path}) used its {_BUDGET.seconds:g} s of CPU time on "
                      f"this article and made no more questions from it", TemplateBudgetWarning, stacklevel=3)
    return True


def render(template: Template, field_name: str, source: str, context: dict[str, Any]) -> str:
    """Render one field within the sandbox's limits; any failure becomes a TemplateError naming the template file
    and field."""
    try:
        with _charged(template), time_limit():
            chunks, size = [], 0
            for chunk in _compiled(source).generate(**context):  # streamed, so a huge output stops early
                size += len(chunk)
                if size > MAX_FIELD:
                    raise LimitExceededError(f"renders more than {MAX_FIELD:,} characters")
                chunks.append(chunk)
        return "".join(chunks).strip()
    except Exception as err:
        raise _failure(template, field_name, err) from err


def evaluate(template: Template, context: dict[str, Any]) -> bool:
    """The template's `when` test for one fact, within the sandbox's limits; false for every fact once the template
    has used its time budget for the article (see template_budget)."""
    if _over_budget(template):
        return False
    if not template.when.strip():
        return True
    try:
        with _charged(template), time_limit():
            return bool(_compiled_expression(template.when)(**context))
    except Exception as err:
        raise _failure(template, "when", err) from err


_OTHER_FILES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


def _check_structure(path: str, template_id: str, name: str, tree: nodes.Template) -> None:
    """A field is one self-contained piece of text: it loads no other template, and no macro calls itself."""
    try:
        check_constants(environment(), tree)
    except LimitExceededError as err:
        raise TemplateError(f"{path}: {template_id}.{name}: {err}") from None
    for node in tree.find_all(_OTHER_FILES):
        keyword = {nodes.FromImport: "import"}.get(type(node), type(node).__name__.lower())
        raise TemplateError(f"{path}: {template_id}.{name}: `{keyword}` is not allowed in a template field "
                            f"(a field cannot load other templates)")
    for macro in tree.find_all(nodes.Macro):
        calls = (c.node.name for c in macro.find_all(nodes.Call) if isinstance(c.node, nodes.Name))
        if macro.name in calls:
            raise TemplateError(f"{path}: {template_id}.{name}: macro {macro.name!r} calls itself, which is not "
                                f"allowed in a template")


def _check_syntax(path: str, template_id: str, name: str, source: str, expression: bool = False) -> None:
    try:
        if expression:
            environment().compile_expression(source)
        tree = environment().parse("{{ " + source + " }}" if expression else source)
    except jinja2.TemplateSyntaxError as err:
        raise TemplateError(f"{path}: {template_id}.{name}: Jinja syntax error: {err.message}") from None
    _check_structure(path, template_id, name, tree)
    # Refused when the file is loaded (so `templates check` reports it), not only when the sandbox meets it:
    # a template reads the facts it is given and nothing behind them.
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        if isinstance(node, nodes.Getattr):
            hidden = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            hidden = str(node.arg.value)
        elif isinstance(node, nodes.Filter) and node.name == "attr":
            hidden = "attr"
        else:
            continue
        if hidden.startswith("_") or hidden == "attr":
            raise TemplateError(f"{path}: {template_id}.{name}: access to {hidden!r} is not allowed in a template "
                                f"(templates may read fact fields only)")


# Each rule looks at a template's raw mapping and returns (field, what is wrong) or None; `field` is "" for the
# template as a whole. Checked in order: the first problem is reported.
Problem = tuple[str, str] | None


def _unknown_field(data: dict[str, Any]) -> Problem:
    unknown = next((key for key in data if key not in _KEYS), None)
    return None if unknown is None else ("", f"unknown field {unknown!r} (known: {', '.join(sorted(_KEYS))})")


def _missing_field(data: dict[str, Any]) -> Problem:
    missing = next((key for key in _REQUIRED if not isinstance(data.get(key), str) or not data[key].strip()), None)
    return None if missing is None else ("", f"missing required field {missing!r}")


def _kind(data: dict[str, Any]) -> Problem:
    if data["kind"] not in ITEM_TYPES:
        return "kind", f"{data['kind']!r} is not one of {', '.join(ITEM_TYPES)}"
    if data["applies_to"] not in APPLIES_TO:
        return "applies_to", f"{data['applies_to']!r} is not one of {', '.join(APPLIES_TO)}"
    return None


def _distractors(data: dict[str, Any]) -> Problem:
    distractors = data.get("distractors") or {}
    if not isinstance(distractors, dict) or distractors.get("from", "none") not in DISTRACTOR_SOURCES:
        return "distractors", f"needs `from:` one of {', '.join(DISTRACTOR_SOURCES)}"
    count = distractors.get("count", 3)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 5:
        return "distractors.count", "a whole number from 1 to 5"
    if data["kind"] == "mcq" and not data.get("answer"):
        return "", "a multiple-choice template needs `answer`"
    return None


def _whole_in(field_name: str, default: int, low: int, high: int, message: str) -> Callable[[dict[str, Any]], Problem]:
    def rule(data: dict[str, Any]) -> Problem:
        value = data.get(field_name, default)
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        return None if ok else (field_name, message)
    return rule


def _tags(data: dict[str, Any]) -> Problem:
    tags = data.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) and " " not in t for t in tags):
        return "tags", "a list of words without spaces"
    return None


def _text_fields(data: dict[str, Any]) -> Problem:
    for name in ("question", "answer", "accepted", "explanation"):
        if data.get(name) is not None and not isinstance(data[name], str):
            return name, "should be text"
    if data.get("when") is not None and not isinstance(data["when"], str):
        return "when", "should be a Jinja expression in quotes"
    return None


def _priority(data: dict[str, Any]) -> Problem:
    priority = data.get("priority", 1.0)
    if not isinstance(priority, int | float) or isinstance(priority, bool) or priority != priority:
        return "priority", "should be a number"
    return None


def _negated_claims(data: dict[str, Any]) -> Problem:
    if not isinstance(data.get("negated_claims", False), bool):
        return "negated_claims", "should be true or false"
    if data.get("negated_claims") and data.get("kind") != "true_false":
        return "negated_claims", "applies to a true_false template only"
    return None


_RULES: tuple[Callable[[dict[str, Any]], Problem], ...] = (
    _unknown_field, _missing_field, _kind, _distractors, _whole_in("difficulty", 2, 1, 3, "1, 2 or 3"), _tags,
    _text_fields, _whole_in("blanks", 2, 1, 4, "a whole number from 1 to 4"), _priority, _negated_claims,
)


@functools.lru_cache(maxsize=256)  # a batch builds every article from the same few files: check each once
def parse_template(text: str, path: str) -> Template:
    """A template file's text -> Template; TemplateError naming the file, the template and the field."""
    data = load_yaml(text, path, TemplateError)
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: a template is a mapping with {', '.join(_REQUIRED)}")
    template_id = str(data.get("id", "?"))
    for rule in _RULES:
        problem = rule(data)
        if problem is not None:
            field_name, message = problem
            raise TemplateError(f"{path}: {template_id}{'.' if field_name else ''}{field_name}: {message}")
    for name in ("question", "answer", "accepted", "explanation"):
        _check_syntax(path, template_id, name, data.get(name) or "")
    if data.get("when") is not None:
        _check_syntax(path, template_id, "when", data["when"], expression=True)
    return Template(
        id=data["id"], kind=data["kind"], applies_to=data["applies_to"], question=data["question"], path=path,
        answer=data.get("answer") or "", when=data.get("when") or "", accepted=data.get("accepted") or "",
        explanation=data.get("explanation") or "", distractors=dict(data.get("distractors") or {}),
        pairs=str(data.get("pairs") or ""), blanks=data.get("blanks", 2), tags=tuple(data.get("tags") or ()),
        difficulty=data.get("difficulty", 2), priority=float(data.get("priority", 1.0)),
        description=str(data.get("description") or ""), negated_claims=data.get("negated_claims") is True,
    )


def builtin_dir() -> Path:
    """The built-in templates: inside the installed wheel, or the checkout's question_templates/."""
    packaged = Path(str(importlib.resources.files("quizgen"))) / "question_templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "question_templates"


def search_path(extra: list[str | Path] | None = None, cwd: Path | None = None) -> list[Path]:
    """--templates DIRs first, then ./question_templates, then the built-ins (first id found wins)."""
    folders = [Path(p) for p in (extra or [])]
    local = (cwd or Path.cwd()) / "question_templates"
    builtin = builtin_dir()
    if local.is_dir() and local.resolve() != builtin.resolve():
        folders.append(local)
    folders.append(builtin)
    return folders


def load_folder(folder: Path) -> list[Template]:
    """Every template in `folder` (*.yaml, then *.yml), checked; TemplateError for a missing folder or bad template."""
    if not folder.is_dir():
        raise TemplateError(f"{folder}: no such template folder")
    templates = []
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        # A regular file, size-capped, UTF-8: a FIFO or device named *.yaml is refused instead of read forever.
        templates.append(parse_template(read_yaml_text(path, TemplateError), str(path)))
    return templates


def load_templates(extra: list[str | Path] | None = None, cwd: Path | None = None) -> list[Template]:
    """The templates of every folder on the search path, sorted by id; of two with one id, the earlier folder's wins."""
    chosen: dict[str, Template] = {}
    for folder in search_path(extra, cwd):
        for template in load_folder(folder):
            chosen.setdefault(template.id, template)
    return sorted(chosen.values(), key=lambda t: t.id)

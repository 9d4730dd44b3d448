"""The sandbox question templates run in: Jinja's SandboxedEnvironment, bounded in power, repetition, size and time.

A template from ./question_templates/ is untrusted code. Jinja's sandbox already keeps it away from Python's
internals; this module also keeps it from exhausting the machine. Every operator that can make a value much bigger
than its operands (`**`, `*`, `%`, `+`) goes through `call_binop`, every function call through `call`, ranges
through a bounded `range`, and each field renders within `MAX_SECONDS` of CPU time (checked by those hooks, and by
a timer signal for loops that call nothing, when rendering runs in the main thread).
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
import signal
import string
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace, generate_lorem_ipsum

MAX_RANGE = 1000  # items in a range()
MAX_FIELD = 10_000  # characters one rendered field may have
MAX_VALUE = 100_000  # characters (or items) of any text or list a template computes on the way
MAX_INT_BITS = 4096  # about 1,200 digits
MAX_WIDTH = 1000  # a width or precision in a format string, a padding or an indent
MAX_SECONDS = 1.0  # to render one field or test one `when`


class LimitExceededError(Exception):
    """Raised inside rendering when a template goes past one of the sandbox's limits; the message says which."""


class _Clock:
    """The deadline of the field being rendered (a thread's own, so threads rendering at once do not share it)."""

    local = threading.local()

    @classmethod
    def tick(cls) -> None:
        if time.process_time() > getattr(cls.local, "deadline", math.inf):
            raise LimitExceededError(f"took longer than {MAX_SECONDS:g} s (a loop or recursion too long?)")


def _on_alarm(signum: int, frame: Any) -> None:
    raise LimitExceededError(f"took longer than {MAX_SECONDS:g} s (a loop too long?)")


@contextlib.contextmanager
def time_limit() -> Iterator[None]:
    """Bound the time of what runs inside: the hooks check the deadline; in the main thread an alarm also fires
    (unless a timer of someone else's is already running), for loops that call nothing. Both count CPU time, not
    wall time, so a busy machine or a suspended run (Ctrl-Z) never fails a template that is not itself slow."""
    _Clock.local.deadline = time.process_time() + MAX_SECONDS
    alarm = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
             and signal.getitimer(signal.ITIMER_VIRTUAL)[0] == 0)
    previous = signal.signal(signal.SIGVTALRM, _on_alarm) if alarm else None
    if alarm:
        signal.setitimer(signal.ITIMER_VIRTUAL, MAX_SECONDS + 0.1)  # the hooks' own check usually trips first
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, previous)
        _Clock.local.deadline = math.inf


def weight(value: Any, limit: int = MAX_VALUE) -> int:
    """Characters and items in `value`, nested lists and mappings counted in full (a list holding one list twice
    prints it twice); raises LimitExceededError as soon as the count passes `limit`, so a structure that would
    print as terabytes is refused before anything turns it into text."""
    seen: dict[int, int] = {}

    def visit(item: Any) -> int:
        if isinstance(item, str | bytes):
            return len(item)
        if not isinstance(item, list | tuple | set | frozenset | dict):
            return 1
        if id(item) in seen:
            return seen[id(item)]
        seen[id(item)] = 0  # a list that holds itself prints as [...]
        members = [*item.keys(), *item.values()] if isinstance(item, dict) else item
        total = len(members)
        for member in members:
            total += visit(member)
            if total > limit:
                raise LimitExceededError(f"makes a value of more than {limit:,} characters or items")
        seen[id(item)] = total
        return total

    total = visit(value)
    if total > limit:
        raise LimitExceededError(f"makes a value of {total:,} characters or items (at most {limit:,})")
    return total


def check_size(value: Any, limit: int = MAX_VALUE) -> Any:
    """`value` itself, once its size is checked: LimitExceededError past `limit` characters or items (see `weight`)."""
    weight(value, limit)
    return value


def _check_int(value: Any) -> None:
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise LimitExceededError(f"makes a number of more than {MAX_INT_BITS} bits")


def _check_power(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        if right * math.log2(abs(left)) > MAX_INT_BITS:
            raise LimitExceededError(f"{left} ** {right} is too large (more than {MAX_INT_BITS} bits)")


def _check_repeat(left: Any, right: Any) -> None:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(times, int):
            size = weight(sequence) * times
            if size > MAX_VALUE:
                raise LimitExceededError(f"repeats a value to {size:,} characters or items (at most {MAX_VALUE:,})")
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise LimitExceededError(f"makes a number of more than {MAX_INT_BITS} bits")


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def check_percent_format(text: str) -> None:
    """'%0999999999d' would fill gigabytes: widths and precisions above MAX_WIDTH (or `*`) are refused."""
    for width, precision in _PERCENT_SPEC.findall(text):
        for number in (width, precision):
            if number == "*" or (number and int(number) > MAX_WIDTH):
                raise LimitExceededError(f"a format width or precision above {MAX_WIDTH} in {text[:40]!r}")


def check_brace_format(text: str) -> None:
    """'{:0999999999}' likewise, for str.format."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError as err:
        raise LimitExceededError(f"a malformed format string ({err})") from None
    for _literal, _name, spec, _conversion in fields:
        if spec and ("{" in spec or any(int(n) > MAX_WIDTH for n in re.findall(r"\d+", spec))):
            raise LimitExceededError(f"a format width or precision above {MAX_WIDTH} in {text[:40]!r}")


def _check_modulo(left: Any, right: Any) -> None:
    if isinstance(left, str):
        check_percent_format(left)
    size = weight(right)  # '%s' % a nested list would print all of it
    if isinstance(left, str) and isinstance(right, dict):  # '%(a)s%(a)s…' prints the mapping's value each time
        _refuse_formatted(left, len(_PERCENT_SPEC.findall(left)) * size)


def _refuse_formatted(text: str, size: int) -> None:
    if len(text) + size > MAX_VALUE:
        raise LimitExceededError(f"formatting {text[:40]!r} would make up to {len(text) + size:,} characters "
                                 f"(at most {MAX_VALUE:,})")


def _check_join(left: Any, right: Any) -> None:
    weight((left, right))


# Checks run before an operator, by operator: those that can make a value far larger than their operands.
_BINOP_CHECKS: dict[str, Callable[[Any, Any], None]] = {
    "**": _check_power, "*": _check_repeat, "%": _check_modulo, "+": _check_join,
}
# str methods whose whole-number arguments set the size of what they return.
_PADDING_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}


def _check_arguments(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if getattr(obj, "__name__", "") in _PADDING_METHODS and isinstance(getattr(obj, "__self__", None), str | bytes):
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and value > MAX_WIDTH:
                raise LimitExceededError(f"{obj.__name__}({value}) pads to more than {MAX_WIDTH}")
    weight((args, kwargs))


# --- Sizes known before a call: the result of `replace`, `join`, `indent`… is refused before it is made --------------


def _text_length(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes) else 0


def _replace_size(text: Any, old: Any, new: Any, count: Any = -1) -> int:
    """'a' * 40000 with each 'a' made 40,000 'b's is 1.6 billion characters: hits x growth, counted first."""
    if not all(isinstance(v, str | bytes) for v in (text, old, new)):
        return 0
    hits = len(text) + 1 if not old else text.count(old)
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * max(0, len(new) - len(old))


def _join_size(items: Any, separator: Any = "", attribute: Any = None) -> int:
    """Every item once, and the separator between each two (|join's `attribute` picks a part of each item)."""
    if not isinstance(items, list | tuple):
        return 0
    return weight(items) + _text_length(separator) * max(0, len(items) - 1)


def _depth(value: Any, limit: int = 2000) -> int:
    """How deeply lists and mappings nest in `value` (a JSON dump indents each level once more)."""
    level, frontier, seen = 0, [value], set()
    while frontier and level < limit:
        nested = [v for v in frontier if isinstance(v, list | tuple | dict) and id(v) not in seen]
        seen.update(id(v) for v in nested)
        frontier = [m for v in nested for m in ([*v.keys(), *v.values()] if isinstance(v, dict) else v)]
        level += 1 if nested else 0
    return level


def _dump_size(value: Any, indent: Any = None) -> int:
    """JSON or pprint text: each item on its own line, indented once per level it is nested in."""
    step = len(indent) if isinstance(indent, str) else indent if isinstance(indent, int) else 0
    return weight(value) * (3 + max(0, step) * _depth(value))


def _lines_size(text: Any, width: Any = 4, *_: Any) -> int:
    """The indent filter: every line gets the indent (an int of spaces, or a text)."""
    if not isinstance(text, str):
        return 0
    pad = width if isinstance(width, int) else _text_length(width)
    return len(text) + (text.count("\n") + 1) * max(0, pad)


def _wrap_size(text: Any, width: Any = 79, _long: Any = True, wrapstring: Any = None, *_: Any) -> int:
    """wordwrap: two neighbouring lines always hold more than `width`, so at most 2 * len / width + 1 breaks."""
    if not isinstance(text, str) or not isinstance(width, int):
        return 0
    return len(text) + (2 * len(text) // max(1, width) + 1) * max(1, _text_length(wrapstring))


def _tabs_size(text: Any, tabsize: Any = 8) -> int:
    if not isinstance(text, str | bytes) or not isinstance(tabsize, int):
        return 0
    return len(text) + text.count("\t" if isinstance(text, str) else b"\t") * max(0, tabsize)


def _translate_size(text: Any, table: Any = None, *_: Any) -> int:
    """str.translate with a mapping to long texts multiplies each character."""
    if not isinstance(text, str) or not isinstance(table, dict):
        return 0
    return len(text) * max([1, *(_text_length(v) for v in table.values())])


def _urlize_size(text: Any, _trim: Any = None, _nofollow: Any = False, target: Any = None, rel: Any = None,
                 *_: Any) -> int:
    """urlize writes `target` and `rel` into every link it makes."""
    if not isinstance(text, str):
        return 0
    return len(text) + (len(text.split()) + 1) * (100 + _text_length(target) + _text_length(rel))


def _to_bytes_size(number: Any, length: Any = 1, *_: Any, **__: Any) -> int:
    """int.to_bytes(length) makes `length` bytes."""
    return length if isinstance(length, int) else 0


def _percent_size(text: Any, *args: Any, **kwargs: Any) -> int:
    """|format: '%(a)s%(a)s…' with a=… prints the value once per field (the `%` operator is checked likewise)."""
    if not isinstance(text, str):
        return 0
    fields = len(_PERCENT_SPEC.findall(text)) if kwargs else 1
    return len(text) + fields * weight((args, kwargs))


def _refuse_large(what: str, size: int) -> None:
    if size > MAX_VALUE:
        raise LimitExceededError(f"{what} would make {size:,} characters (at most {MAX_VALUE:,})")


# By filter name: the size of its result from its arguments (the value first), before it runs.
_FILTER_SIZES: dict[str, Callable[..., int]] = {
    "replace": _replace_size, "join": _join_size, "indent": _lines_size, "wordwrap": _wrap_size,
    "tojson": _dump_size, "pprint": _dump_size, "urlize": _urlize_size, "format": _percent_size,
}
# By str (or bytes) method name: the same, the text the method belongs to first.
_METHOD_SIZES: dict[str, Callable[..., int]] = {
    "replace": _replace_size, "expandtabs": _tabs_size, "translate": _translate_size,
    "join": lambda separator, items=(): _join_size(items, separator),
}


_INT_METHOD_SIZES: dict[str, Callable[..., int]] = {"to_bytes": _to_bytes_size}


def _check_method_size(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    sizes = _METHOD_SIZES if isinstance(owner, str | bytes) else _INT_METHOD_SIZES if isinstance(owner, int) else {}
    if name in sizes:
        with contextlib.suppress(TypeError):
            _refuse_large(f"{name}()", sizes[name](owner, *args, **kwargs))


def _materialised(obj: Any, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """str.join's items as a list (a generator's length is unknown until it has run), so its size can be checked."""
    is_join = getattr(obj, "__name__", "") == "join" and isinstance(getattr(obj, "__self__", None), str | bytes)
    if is_join and args and not isinstance(args[0], list | tuple | str | bytes):
        return (check_size(list(args[0])), *args[1:])
    return args


class BoundedRange(Sequence[int]):
    """range() for templates: at most MAX_RANGE items, and each step counts against the time limit."""

    def __init__(self, *args: int) -> None:
        self.range = range(*args)
        if len(self.range) > MAX_RANGE:
            raise LimitExceededError(f"range of {len(self.range):,} items (at most {MAX_RANGE:,})")

    def __len__(self) -> int:
        return len(self.range)

    def __getitem__(self, index: Any) -> Any:
        return self.range[index]

    def __iter__(self) -> Iterator[int]:
        for value in self.range:
            _Clock.tick()
            yield value


class BoundedNamespace(Namespace):
    """namespace() for templates: a value stored in it is size-checked, so a loop cannot double a text forever."""

    def __setitem__(self, name: str, value: Any) -> None:
        _Clock.tick()
        check_size(value)
        super().__setitem__(name, value)


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """lipsum() with at most 10 paragraphs of at most 100 words (Jinja's own takes any size)."""
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, min, max)) or not isinstance(html, bool):
        raise LimitExceededError("lipsum() takes whole numbers n, min and max, and true or false for html")
    if not (0 <= n <= 10 and 1 <= min < max <= 100):
        raise LimitExceededError("lipsum() makes at most 10 paragraphs, of min to max words (1 <= min < max <= 100)")
    return str(generate_lorem_ipsum(n=n, html=html, min=min, max=max))


# Filters whose whole-number arguments set the size of what they return.
_SIZED_FILTERS = {"center", "indent", "wordwrap", "truncate", "batch", "slice", "filesizeformat", "round"}


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _Clock.tick()
        weight((args, kwargs))  # |string, |join, |tojson of a huge nested list would print all of it
        args = _filter_size_checked(name, function, args, kwargs)
        if name in _SIZED_FILTERS and any(isinstance(v, int) and abs(v) > MAX_WIDTH
                                          for v in (*args[1:], *kwargs.values())):
            raise LimitExceededError(f"the {name} filter with a size above {MAX_WIDTH}")
        if name == "format" and args and isinstance(args[0], str):
            check_percent_format(args[0])
        return check_size(function(*args, **kwargs))

    return bounded


def _filter_size_checked(name: str, function: Callable[..., Any], args: tuple[Any, ...],
                         kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """The filter's arguments (a generator given to |join made a list), refused when the result's size, known
    before the filter runs, is past MAX_VALUE."""
    if name not in _FILTER_SIZES:
        return args
    skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0  # the context Jinja passes first
    context, values = args[:skip], list(args[skip:])
    if name == "join" and values and not isinstance(values[0], list | tuple | str):
        values[0] = check_size(list(values[0]))
    with contextlib.suppress(TypeError):  # arguments the filter itself will refuse
        _refuse_large(f"the {name} filter", _FILTER_SIZES[name](*values, **kwargs))
    return (*context, *values)


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's compiler, with `a ~ b` checked: its parts are sized before they are joined into one text."""

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802 (Jinja's visitor name)
        # As Jinja's own, with the parts passed through environment.checked_parts on their way to the join.
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"{join}(environment.checked_parts((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write(")))")


class BoundedSandbox(SandboxedEnvironment):
    """SandboxedEnvironment with limits on power, repetition, ranges, value sizes and time (see module doc)."""

    intercepted_binops = frozenset(_BINOP_CHECKS)
    code_generator_class = _BoundedCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=check_size, **options)  # each {{ value }} is sized before it is printed
        self.globals.update(range=BoundedRange, namespace=BoundedNamespace, lipsum=bounded_lipsum)
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    @staticmethod
    def checked_parts(parts: tuple[Any, ...]) -> tuple[Any, ...]:
        """The parts of `a ~ b ~ ...`, refused when joined they would pass the size limit."""
        _Clock.tick()
        return check_size(parts)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """A template's `**`, `*`, `%` or `+`, within the deadline; refused when operands or result are too large."""
        _Clock.tick()
        _BINOP_CHECKS[operator](left, right)
        result = super().call_binop(context, operator, left, right)
        _check_int(result)
        return check_size(result)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """A template's function or method call, within the deadline; refused when its sizes or result are too large."""
        _Clock.tick()
        args = _materialised(__obj, args)
        _check_arguments(__obj, args, kwargs)
        _check_method_size(__obj, args, kwargs)
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """str.format / format_map, as Jinja's sandbox wraps them, refused for a width or precision too large."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__
        check_brace_format(text)
        fields = sum(1 for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None)

        def sized(*args: Any, **kwargs: Any) -> str:
            # '{0}{0}{0}…'.format(a long text) prints it once per field: refused before it is made.
            _refuse_formatted(text, fields * weight((args, kwargs)))
            return wrapped(*args, **kwargs)

        return sized


class _NotConstantError(Exception):
    """Raised by constant_value for an expression that depends on the facts."""


def constant_value(env: BoundedSandbox, node: nodes.Node) -> Any:
    """The value of a constant expression ("9 ** (9 ** 10)", "'x' * 3000000000"), computed through the same limits
    as rendering, so that `templates check` reports it instead of hanging or filling memory."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.BinExpr) and node.operator in _BINOP_CHECKS:
        left, right = constant_value(env, node.left), constant_value(env, node.right)
        _BINOP_CHECKS[node.operator](left, right)
        result = env.binop_table[node.operator](left, right)
        _check_int(result)
        return check_size(result)
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range":
        return BoundedRange(*(constant_value(env, arg) for arg in node.args))
    raise _NotConstantError


def check_constants(env: BoundedSandbox, tree: nodes.Node) -> None:
    """Raise LimitExceededError for the first constant expression in `tree` that breaks a limit."""
    for node in tree.find_all((nodes.BinExpr, nodes.Call)):
        with contextlib.suppress(_NotConstantError, TypeError, ValueError, ArithmeticError):
            with time_limit():
                constant_value(env, node)


def add_filters(env: jinja2.Environment, filters: dict[str, Callable[..., Any]]) -> None:
    """quizgen's own filters, bounded like Jinja's."""
    env.filters.update({name: _bounded_filter(name, f) for name, f in filters.items()})

"""Safe YAML in and out: no aliases (so no "billion laughs"), a schema reader whose every error names file, line
and field (facts.yaml and quiz.yaml both go through it), and checksummed output."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from quizgen.errors import UserError, YamlFileError
from quizgen.textutil import checked_slug, without_controls

# Biggest YAML file quizgen reads (a facts.yaml of a long article is about 200 kB): a FIFO or /dev/zero given as a
# file is refused instead of read until memory runs out.
MAX_YAML_BYTES = 20_000_000

CHECKSUM_PREFIX = "# quizgen-checksum: "


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


# libyaml's parser when PyYAML was built with it (several times faster); the pure-Python one otherwise.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: str, error: type[UserError] = YamlFileError) -> Any:
    """safe_load, refusing anchors and aliases before anything is built from them; failures raise `error`."""
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise error(f"{path}:{line}: YAML anchors and aliases are not allowed")
        return yaml.load(text, Loader=_LOADER)  # safe_load with the safe loader in C when there is one
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or _first_line(err)
        raise error(f"{path}{line}: not valid YAML ({problem})") from None
    except (RecursionError, MemoryError):  # thousands of nested brackets: deeper than the parser goes
        raise error(f"{path}: nested too deeply to read") from None


def read_yaml_text(path: Path, error: type[UserError] = YamlFileError) -> str:
    """The text of a YAML file quizgen reads: a regular file, at most MAX_YAML_BYTES, UTF-8 (with or without a
    byte-order mark). A file saved in another encoding is refused with the line of its first foreign byte."""
    try:
        if not path.is_file():
            raise error(f"{path}: no such file" if not path.exists() else f"{path}: not a regular file")
        with path.open("rb") as handle:
            data = handle.read(MAX_YAML_BYTES + 1)
    except OSError as err:
        raise error(f"{path}: cannot read ({err.strerror or err})") from None
    if len(data) > MAX_YAML_BYTES:
        raise error(f"{path}: larger than {MAX_YAML_BYTES // 1_000_000} MB; not a file quizgen wrote")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise error(f"{path}:{line}: not UTF-8 (saved as Latin-1 or Windows-1252?); re-save it as UTF-8") from None
    if not text.strip():
        raise error(f"{path}: the file is empty")
    return text


def node_line(text: str, keys: tuple[str | int, ...]) -> int | None:
    """1-based line of the value at `keys` (mapping keys and sequence indexes), for error messages."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == key), None)
            if match is None:
                return line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return line
        line = node.start_mark.line + 1
    return line


Keys = tuple[str | int, ...]


def field_name(keys: Keys) -> str:
    """('items', 3, 'options', 1) -> 'items[3].options[1]'."""
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys).lstrip(".")


class InvalidValueError(ValueError):
    """Raised by a kind's check when a value is not of that kind; the message says what it should be, and `at`
    where inside the value the fault is (the index of a bad list member)."""

    def __init__(self, message: str, at: Keys = ()) -> None:
        super().__init__(message)
        self.at = at


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(f"should be text, not {_kind_of(value)}")
    return value


def _whole(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidValueError(f"should be a whole number, not {_kind_of(value)}")
    return value


# The largest number quizgen computes with: distractors multiply and round a value, and 1e308 times ten is inf.
MAX_NUMBER = 1e30
# Characters in one text field of facts.yaml or quiz.yaml: as long as a template may make one (the sandbox's
# MAX_FIELD), far longer than any sentence an article gives (a line is at most 3,000 characters).
MAX_TEXT = 10_000


def _number(value: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise InvalidValueError(f"should be a number, not {_kind_of(value)}")
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise InvalidValueError(f"should be a finite number no larger than {MAX_NUMBER:g}, not {value!r}")
    return float(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidValueError(f"should be true or false, not {_kind_of(value)}")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InvalidValueError(f"should be a list of text, not {_kind_of(value)}")
    for index, member in enumerate(value):
        if not isinstance(member, str):
            raise InvalidValueError(f"should be text, not {_kind_of(member)}", at=(index,))
    return tuple(value)


def _optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else check(value)


def _kind_of(value: Any) -> str:
    return {bool: "true/false", int: "a whole number", float: "a number", str: "text", list: "a list",
            dict: "a mapping", type(None): "empty"}.get(type(value), type(value).__name__)


def slug_field(value: Any) -> str | None:
    """An article's `slug`: empty (then made from the title), or a folder name as checked_slug allows."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidValueError(f"should be text, not {_kind_of(value)}")
    try:
        return checked_slug(value)
    except ValueError as err:
        raise InvalidValueError(str(err)) from None


def scalar_text(value: Any) -> str | None:
    """byline, date, source, path: any scalar, kept as text (YAML reads `date: 2024-03-01` as a date)."""
    if isinstance(value, list | dict):
        raise InvalidValueError("should be text")
    return None if value is None else str(value)


# Field kinds by the type annotation of the dataclass field they fill (model.py's annotations are the schema).
KINDS: dict[str, Callable[[Any], Any]] = {
    "str": _text,
    "str | None": _optional(_text),
    "int": _whole,
    "int | None": _optional(_whole),
    "float": _number,
    "float | None": _optional(_number),
    "bool": _flag,
    "tuple[str, ...]": _texts,
}


class SchemaReader:
    """Checks a loaded YAML document field by field; every error it raises names the file, the line and the field
    ("quiz.yaml:41: items[3].options: should be a list of text, not a whole number")."""

    def __init__(self, text: str, path: str, error: type[YamlFileError]) -> None:
        self.text = text
        self.path = path
        self.error = error

    def fail(self, keys: Keys, message: str) -> YamlFileError:
        """The error for `keys`, its message led by file, line and field ('quiz.yaml:41: items[3].options: …')."""
        line = node_line(self.text, keys) or 1
        where = f" {field_name(keys)}:" if keys else ""
        return self.error(f"{self.path}:{line}:{where} {message}")

    def check(self, keys: Keys, value: Any, kind: str | Callable[[Any], Any]) -> Any:
        """`value` checked (and converted: ints to floats, lists to tuples) as `kind`, a KINDS name or a check."""
        check = KINDS[kind] if isinstance(kind, str) else kind
        try:
            return check(value)
        except InvalidValueError as err:
            raise self.fail((*keys, *err.at), str(err)) from None

    def mapping(self, keys: Keys, raw: Any, kinds: dict[str, str | Callable[[Any], Any]],
                required: tuple[str, ...] = ()) -> dict[str, Any]:
        """A mapping with only the fields of `kinds`, the `required` ones present and not empty, each checked."""
        if not isinstance(raw, dict):
            raise self.fail(keys, f"should be a mapping of field: value, not {_kind_of(raw)}")
        for key in raw:
            if key not in kinds:
                raise self.fail((*keys, str(key)), f"unknown field {key!r} (known: {', '.join(kinds)})")
        for key in required:
            if raw.get(key) is None:
                raise self.fail(keys, f"missing required field {key!r}")
        for name, value in raw.items():
            self.check_lengths((*keys, str(name)), value)
        return {name: self.check((*keys, name), _printable(value), kinds[name]) for name, value in raw.items()}

    def check_lengths(self, keys: Keys, value: Any) -> None:
        """Every text in `value` (lists and mappings searched) at most MAX_TEXT characters: the files are edited by
        hand, and an option or pair side of pages of text has no place on a worksheet or a card."""
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise self.fail(keys, f"{len(value):,} characters is too long for one field (at most {MAX_TEXT:,})")
        members = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, member in members:
            self.check_lengths((*keys, key if isinstance(key, int) else str(key)), member)


def _printable(value: Any) -> Any:
    """Text read from a file, with control characters a teacher's editor let in made harmless (see
    textutil.without_controls), before it is checked; lists and mappings of text (options, pairs) likewise."""
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, list):
        return [_printable(v) for v in value]
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    return value


# libyaml's emitter writes the same text as PyYAML's, four times faster; PyYAML's is the fallback.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(data: Any) -> str:
    """`data` as block-style YAML: keys in their given order, Unicode as written, lines wrapped at 110."""
    return yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)


def checksum(body: str) -> str:
    """The first 16 hex digits of the SHA-256 of `body`: the file's checksum line."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def with_checksum(body: str) -> str:
    """Append a checksum line so a later run can tell whether a teacher edited the file."""
    return f"{body}{CHECKSUM_PREFIX}{checksum(body)}\n"


def was_edited(path: Path) -> bool:
    """True when the file is not exactly as quizgen wrote it (or carries no checksum, or is no regular file: a FIFO
    there would block the read for ever)."""
    from quizgen.errors import UserError
    from quizgen.readers.decode import read_regular_file

    try:
        text = read_regular_file(path, 64 * 1024 * 1024).decode("utf-8")
    except (UserError, UnicodeDecodeError):
        return True
    body, sep, tail = text.rpartition(CHECKSUM_PREFIX)
    return not sep or tail.strip() != checksum(body)

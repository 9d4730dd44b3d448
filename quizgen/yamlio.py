"""Safe YAML in and out: no aliases (so no "billion laughs"), errors with file and line, checksummed output."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from quizgen.errors import FactsFileError

CHECKSUM_PREFIX = "# quizgen-checksum: "


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


# libyaml's parser when PyYAML was built with it (several times faster); the pure-Python one otherwise.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: str) -> Any:
    """safe_load, refusing anchors and aliases before anything is built from them."""
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise FactsFileError(f"{path}:{line}: YAML anchors and aliases are not allowed")
        return yaml.load(text, Loader=_LOADER)  # safe_load with the safe loader in C when there is one
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or _first_line(err)
        raise FactsFileError(f"{path}{line}: not valid YAML ({problem})") from None


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


# libyaml's emitter writes the same text as PyYAML's, four times faster; PyYAML's is the fallback.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)


def checksum(body: str) -> str:
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

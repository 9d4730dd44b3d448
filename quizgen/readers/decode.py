"""Files to text: only regular files, read with a size cap; UTF-8 (with or without BOM), UTF-16 with a BOM, then
cp1252; anything else is refused. Control characters never get past here."""

from __future__ import annotations

import bisect
import os
import re
import stat
import warnings
from pathlib import Path

from quizgen.errors import InputError, InputWarning, UserError

# Bytes that never occur in a text article; their presence means an image, archive or other binary.
_BINARY_MARKERS = (b"\x00", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF")

# What a non-regular file is, for the message (a FIFO blocks forever on open, /dev/zero never ends).
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular_file(path: Path, limit: int, error: type[UserError] = InputError, what: str = "file") -> bytes:
    """The bytes of `path`, which must be a regular file (symlinks to one are fine) of at most `limit` bytes.

    A FIFO, a device such as /dev/zero, or a socket is refused before it is opened, and the file is read with a cap
    rather than trusting st_size (which is 0 for /proc files and can change while reading). `error` is the
    exception class raised (InputError for articles; TemplateError or FactsFileError for those readers), `what`
    names the file in the size message ("article", "template").
    """
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise error(f"{path}: is {_kind(mode)}, not a regular file")
        # O_NONBLOCK: should a FIFO be swapped in after the check, opening it returns at once instead of waiting.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise error(f"{path}: is {_kind(mode)}, not a regular file")
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except PermissionError:
        raise error(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a {what}") from None
    except OSError as err:
        raise error(f"{path}: cannot read ({err.strerror or err})") from None
    if len(data) > limit:
        raise error(f"{path}: more than {_size(limit)} is too large for {'an' if what[0] in 'aeiou' else 'a'} "
                    f"{what} (limit {_size(limit)})")
    return data


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count // 1024} kB"


def read_text(data: bytes, path: Path) -> str:
    """A text file's bytes as text: UTF-16 with a BOM, UTF-8 (BOM dropped), else cp1252; line breaks made \\n,
    control characters dropped. InputError for an empty, binary or undecodable file."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:  # UTF-16 with a byte-order mark: what Windows Notepad calls "Unicode"
            return drop_controls(_normalise_newlines(data.decode("utf-16")))
        except UnicodeDecodeError:
            raise InputError(f"{path}: broken UTF-16 text; re-save it as UTF-8") from None
    head = data[:1024]
    if any(head.startswith(m) for m in _BINARY_MARKERS[1:]) or b"\x00" in head:
        raise InputError(f"{path}: looks like a binary file, not a text article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = _normalise_newlines(_decode(data, path))
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t")
    if control > max(8, len(text) // 100):
        raise InputError(f"{path}: looks like a binary file, not a text article")
    return drop_controls(text)


def _decode(data: bytes, path: Path) -> str:
    """UTF-8; UTF-8 with a few stray bytes (each read as Windows-1252, with a warning naming its line); else cp1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 or Windows-1252 text; re-save it as UTF-8") from None


def _stray_byte(char: str) -> str:
    """A byte that is not UTF-8 (held as a lone surrogate by surrogateescape), read as Windows-1252 where it can be."""
    try:
        return bytes([ord(char) - 0xDC00]).decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"


def _mostly_utf8(data: bytes) -> str | None:
    """The text when `data` is UTF-8 but for a few stray bytes, None when it reads better as Windows-1252.

    A real cp1252 file almost never holds a valid multi-byte UTF-8 sequence ("é" then a letter is not one), so at
    least as many such sequences as stray bytes means one stray byte spoiled a UTF-8 file ("£" kept, not "Â£")."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = [k for k, ch in enumerate(text) if "\udc80" <= ch <= "\udcff"]
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - len(stray)
    if valid == 0 or len(stray) > valid:
        return None
    breaks = [k for k, ch in enumerate(text) if ch == "\n"]
    lines = sorted({bisect.bisect(breaks, k) + 1 for k in stray})  # one pass, however many stray bytes
    shown = ", ".join(map(str, lines[:5])) + (" …" if len(lines) > 5 else "")
    # No file name: the CLI shows the warning beside the article's own line (as normalize's warnings).
    warnings.warn(f"{len(stray)} byte{'s' if len(stray) > 1 else ''} that {'are' if len(stray) > 1 else 'is'}"
                  f" not UTF-8 on line{'s' if len(lines) > 1 else ''} {shown}, read as Windows-1252; the rest is "
                  f"UTF-8", InputWarning, stacklevel=4)
    return re.sub("[\udc80-\udcff]", lambda m: _stray_byte(m.group()), text)


def _normalise_newlines(text: str) -> str:
    # NEL and the Unicode line and paragraph separators are line breaks too (YAML reads them so, and would not
    # give them back in facts.yaml).
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x85", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


# A terminal escape sequence (colour, cursor movement, window title): dropped whole, so no "[31m" is left behind.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]{0,32}[ -/]{0,8}[@-~]|\][^\x07\x1b]{0,256}(?:\x07|\x1b\\)|[@-_])?")
# Vertical tab and form feed end a line (as in a printed page); every other C0 and C1 control but \n and \t, and
# DEL, is dropped. Such bytes make Moodle XML and QTI ill-formed and would drive a terminal if printed.
_LINE_CONTROLS = re.compile(r"[\x0b\x0c]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def drop_controls(text: str) -> str:
    """Text without C0/C1 control characters: \\n and \\t kept, \\v and \\f made line breaks, the rest dropped."""
    if _CONTROLS.search(text) is None and _LINE_CONTROLS.search(text) is None:
        return text  # the usual case: one scan, no copy
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROLS.sub("", _LINE_CONTROLS.sub("\n", text))

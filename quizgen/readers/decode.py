"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, then cp1252; anything else is refused."""

from __future__ import annotations

from pathlib import Path

from quizgen.errors import InputError

# Bytes that never occur in a text article; their presence means an image, archive or other binary.
_BINARY_MARKERS = (b"\x00", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF")


def read_text(data: bytes, path: Path) -> str:
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:  # UTF-16 with a byte-order mark: what Windows Notepad calls "Unicode"
            return _normalise_newlines(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError(f"{path}: broken UTF-16 text; re-save it as UTF-8") from None
    head = data[:1024]
    if any(head.startswith(m) for m in _BINARY_MARKERS[1:]) or b"\x00" in head:
        raise InputError(f"{path}: looks like a binary file, not a text article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 or Windows-1252 text; re-save it as UTF-8") from None
    text = _normalise_newlines(text)
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t")
    if control > max(8, len(text) // 100):
        raise InputError(f"{path}: looks like a binary file, not a text article")
    return text


def _normalise_newlines(text: str) -> str:
    # NEL and the Unicode line and paragraph separators are line breaks too (YAML reads them so, and would not
    # give them back in facts.yaml).
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x85", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")

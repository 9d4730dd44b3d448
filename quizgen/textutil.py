"""Small text helpers shared by several stages."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from quizgen.lang.en import table

_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "\u00a0": " "})
_SLUG_MAX = 60
HONORIFICS = tuple(table("titles")["honorifics"])  # "Mr", "Dr", … (English data, lang/en/data/titles.yaml)
_HONORIFIC = "|".join(HONORIFICS)
_SPACES = re.compile(r"\s+")
_LEADING_HONORIFIC = re.compile(rf"^(?:{_HONORIFIC})\.?\s+(?=\S)", re.I)


# C0 and C1 control characters (and DEL), which no output format can hold (XML 1.0 refuses them, spreadsheets
# too) and which must never reach a terminal: the line-like ones become a space, the rest are dropped. Tab and
# newline stay.
_CONTROLS = {code: None for code in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(code) not in "\t\n"}
_CONTROLS.update({ord(ch): " " for ch in "\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"})


def without_controls(text: str) -> str:
    """`text` with control characters replaced by a space (line-like ones) or dropped."""
    return text.translate(_CONTROLS)


def strip_honorific(name: str) -> str:
    """'Mr Blair' → 'Blair'; a lone 'Mr' stays as it is."""
    return _LEADING_HONORIFIC.sub("", name)


# re.compile with a cache of its own: patterns built from names overflow re's 512-entry cache, and generation
# looks for the same few names in many sentences.
compiled = functools.lru_cache(maxsize=4096)(re.compile)


def with_honorific(name: str, text: str) -> str:
    """The name as `text` writes it, honorific included: 'Blair' in '… Mr Blair …' → 'Mr Blair'."""
    m = compiled(rf"\b((?:{_HONORIFIC})\.? {re.escape(name)})\b").search(text)
    return m.group(1) if m else name


@functools.lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """Straight quotes, folded whitespace: for comparing text, never for display (cached: the quality gate
    compares the same names many times)."""
    return _SPACES.sub(" ", text.translate(_QUOTE_MAP)).strip()


def slugify(text: str, fallback: str = "article") -> str:
    """A file-system-safe ASCII slug: never empty, never a path, at most 60 characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rsplit("-", 1)[0] or slug[:_SLUG_MAX]
    # A title with no Latin letters ("Вести недели") still gets its own folder, not a shared "article".
    return slug or (f"{fallback}-{stable_id(text, length=8)}" if text.strip() else fallback)


_SLUG_CHARACTERS = re.compile(r"[a-z0-9-]*[a-z0-9][a-z0-9-]*")
_FOLDER_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")  # no hyphen first (an option) or last


def checked_slug(text: str) -> str:
    """A slug written in a file (facts.yaml, quiz.yaml) or given by a caller, as a folder name: lowercase ASCII
    letters, digits and hyphens only (so never a path, a dot-folder or a terminal escape), cut to the usual length.
    Raises ValueError, saying what would do instead, for anything else."""
    if not _SLUG_CHARACTERS.fullmatch(text):
        raise ValueError(f"should be lowercase letters, digits and hyphens only (for example {slugify(text)!r})")
    return text if is_slug(text) else slugify(text)  # kept as written: a batch's "-2" may pass 60 characters


def is_slug(text: str) -> bool:
    """A folder name quizgen may write into: a slug (a batch may add "-2" to a full-length one), never a path."""
    return len(text) <= _SLUG_MAX + 10 and _FOLDER_SLUG.fullmatch(text) is not None


def stable_id(*parts: object, length: int = 10) -> str:
    """A short content id that is the same on every machine and run."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


def word_count(text: str) -> int:
    """Words in `text`, a contraction or hyphenated word counting once ("don't", "well-known")."""
    return len(re.findall(r"\w+(?:[’'-]\w+)*", text))

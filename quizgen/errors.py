"""One exception hierarchy for quizgen; the CLI maps it to exit codes in one place (cli.py)."""

from __future__ import annotations


class QuizgenError(Exception):
    """Raised for any failure quizgen itself detects (never for a bug).

    The message is always one line: line breaks and other control characters from a file's content (a YAML key,
    a title) are shown escaped, so the CLI's "one line on stderr" holds whatever the input.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(printable(str(message)))


def printable(text: str) -> str:
    """`text` as one line with nothing a terminal would act on: line breaks, escape and other control characters
    (and other unprintable ones) shown escaped, "\\x1b" instead of the byte."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


class UserError(QuizgenError):
    """Raised when the user can fix the problem: bad input, a bad file, an unwritable folder."""


class InputError(UserError, ValueError):
    """Raised when an article cannot be read: missing, empty, unsupported or undecodable."""


class YamlFileError(UserError, ValueError):
    """Raised when a YAML file quizgen reads is malformed: not YAML, aliases, or a field of the wrong kind; the
    message names the file, line and field. The files with a schema of their own raise a subclass."""


class FactsFileError(YamlFileError):
    """Raised when a facts.yaml breaks its schema; the message names the file, line and field."""


class QuizFileError(YamlFileError):
    """Raised when a quiz.yaml breaks its schema (a field of the wrong kind, an answer that is not among the
    options, a cloze whose blanks disagree with `blanks`...); the message names the file, line and field."""


class GoldFileError(YamlFileError):
    """Raised when a gold file (hand-made answers for `quizgen score`) is malformed; the message names the file,
    line and field."""


class TemplateError(UserError, ValueError):
    """Raised when a question template is invalid, fails to render, exceeds the sandbox's limits (time, size,
    repetition) or tries to leave the sandbox; the message names the file and field."""


class ModelNotFoundError(UserError):
    """Raised when no English spaCy pipeline is installed."""


class ExportError(UserError, OSError):
    """Raised when an output cannot be written."""


class OverwriteRefusedError(UserError):
    """Raised when writing would replace a file a teacher edited, and --force was not given."""


class InputWarning(UserWarning):
    """Issued (with `warnings.warn`) when an article had to be changed to be read safely: a run of one character
    shortened, an over-long word cut. The CLI shows each as `quizgen: warning: <file>: <what>`."""


class TemplateBudgetWarning(InputWarning):
    """Issued when a question template used up its CPU time for one article and made no more candidates from it
    (shown beside the article like an InputWarning)."""

"""One exception hierarchy for quizgen; the CLI maps it to exit codes in one place (cli.py)."""

from __future__ import annotations


class QuizgenError(Exception):
    """Raised for any failure quizgen itself detects (never for a bug).

    The message is always one line: line breaks and other control characters from a file's content (a YAML key,
    a title) are shown escaped, so the CLI's "one line on stderr" holds whatever the input.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__("".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in str(message)))


class UserError(QuizgenError):
    """Raised when the user can fix the problem: bad input, a bad file, an unwritable folder."""


class InputError(UserError, ValueError):
    """Raised when an article cannot be read: missing, empty, unsupported or undecodable."""


class FactsFileError(UserError, ValueError):
    """Raised when a facts.yaml or quiz.yaml is malformed; the message names the file, line and field."""


class GoldFileError(UserError, ValueError):
    """Raised when a gold file (hand-made answers for `quizgen score`) is malformed; the message names the file,
    line and field."""


class TemplateError(UserError, ValueError):
    """Raised when a question template is invalid, fails to render or tries to leave the sandbox."""


class ModelNotFoundError(UserError):
    """Raised when no English spaCy pipeline is installed."""


class ExportError(UserError, OSError):
    """Raised when an output cannot be written."""


class OverwriteRefusedError(UserError):
    """Raised when writing would replace a file a teacher edited, and --force was not given."""

"""One exception hierarchy for quizgen; the CLI maps it to exit codes in one place (cli.py)."""

from __future__ import annotations


class QuizgenError(Exception):
    """Raised for any failure quizgen itself detects (never for a bug)."""


class UserError(QuizgenError):
    """Raised when the user can fix the problem: bad input, a bad file, an unwritable folder."""


class InputError(UserError, ValueError):
    """Raised when an article cannot be read: missing, empty, unsupported or undecodable."""


class FactsFileError(UserError, ValueError):
    """Raised when a facts.yaml or quiz.yaml is malformed; the message names the file, line and field."""


class TemplateError(UserError, ValueError):
    """Raised when a question template is invalid, fails to render or tries to leave the sandbox."""


class ModelNotFoundError(UserError):
    """Raised when no English spaCy pipeline is installed."""


class ExportError(UserError, OSError):
    """Raised when an output cannot be written."""


class OverwriteRefusedError(UserError):
    """Raised when writing would replace a file a teacher edited, and --force was not given."""

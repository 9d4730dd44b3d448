"""Output formats: the deck, the printed worksheets, and files for learning platforms (name → file suffix).

A module of its own, importing nothing, so the CLI can check --formats without loading an exporter.
"""

from __future__ import annotations

LMS_FORMATS = {"gift": ".gift.txt", "moodle": ".moodle.xml", "qti": ".qti.zip", "kahoot": ".kahoot.xlsx",
               "quizlet": ".quizlet.txt", "json": ".quiz.json"}
FORMATS = ("anki", "pdf", *LMS_FORMATS)
DEFAULT_FORMATS = ("anki", "pdf")

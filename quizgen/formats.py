"""Output formats: the deck, the printed worksheets, and files for learning platforms (name → file suffix).

A module of its own, importing nothing, so the CLI can check --formats without loading an exporter.
"""

from __future__ import annotations

LMS_FORMATS = {"gift": ".gift.txt", "moodle": ".moodle.xml", "qti": ".qti.zip", "kahoot": ".kahoot.xlsx",
               "quizlet": ".quizlet.txt", "json": ".quiz.json"}
# The function that writes each, imported only when its format is asked for.
LMS_WRITERS = {"gift": "quizgen.exporters.gift:dump_gift", "moodle": "quizgen.exporters.moodle:dump_moodle_xml",
               "qti": "quizgen.exporters.qti:dump_qti_zip", "kahoot": "quizgen.exporters.kahoot:dump_kahoot_xlsx",
               "quizlet": "quizgen.exporters.quizlet:dump_quizlet", "json": "quizgen.exporters.jsonfile:dump_json"}
FORMATS = ("anki", "pdf", *LMS_FORMATS)
DEFAULT_FORMATS = ("anki", "pdf")

"""Work per article is bounded whatever its content (issue 15): an article padded with hostile lines costs at most a
few times a plain article of the same length, and stays far below 30 s and 1 GB.

Hostile lines are those that were quadratic or exponential before reading bounded them: long runs of each
punctuation mark (60,000 quote marks took 554 s and 1.2 GB in spaCy's tokenizer), nested and alternating brackets,
"and" chains in a byline, name lists, markdown emphasis and bracket runs. The comparison is a ratio against a plain
article measured on the same machine at the same moment: a check of complexity, not a speed target.
"""

from __future__ import annotations

import warnings

import pytest

from quizgen import api
from quizgen.errors import InputError, InputWarning
from tests.unit.bounded import Finished, run_bounded

# Original text (not from any corpus): two paragraphs a plain article repeats.
PLAIN = ("The island ferry left Kirkwall harbour at dawn on Tuesday, carrying 86 passengers and 14 cars. "
         "Captain Morag Linklater said the new tidal engine had cut fuel costs by a third since March. "
         "“We listen to the sea now instead of fighting it,” she said, as gulls circled the stern.\n\n"
         "The Orkney Islands Council paid £2.4 million for the refit, which took eleven months at a yard in "
         "Leith. Engineers from the University of Strathclyde will measure the engine for two more years.\n\n")

MARKS = '"[(,!“—.*_-<{)]’\''
HOSTILE_UNITS = (*MARKS, "([{", "(“[", "[(", "and ", "Aand", "A-and ", "Ann, ", "A ", "1,", "![", " _x", " *x",
                 "[a](", "**a", "\t ", "( ", "[ ", "“ ", "“a ", "A ( ", "Day Aa ", "1 ")
LINE = 1_500  # characters of each hostile line: ten times what the old code needed to show its growth
FACTOR = 4.0  # generous: bounded hostile text is cheaper per character than prose, or about as dear


def _hostile_text() -> str:
    lines = ["By Ann " + "and " * 40 + ",", "We watched programmes such as " + "Aand" * 26 + "§ in Kirkwall.",
             "(" * LINE + "nested" + ")" * LINE]
    lines += [unit * (LINE // len(unit)) for unit in HOSTILE_UNITS]
    return "\n\n".join(lines)


def _extract(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return len(api.extract_facts(api.read_article(path)).sentences)


@pytest.fixture(scope="module")
def loaded_model():
    from quizgen.extract.nlp import load_nlp

    load_nlp()  # before the forks, so that neither child pays for it


@pytest.mark.parametrize("suffix", [".md"])  # Markdown: its own patterns, then the .txt reader's
def test_hostile_lines_cost_no_more_than_plain_text_of_the_same_length(tmp_path, loaded_model, suffix):
    hostile = PLAIN * 3 + _hostile_text() + "\n\n" + PLAIN * 3
    plain = (PLAIN * (len(hostile) // len(PLAIN) + 1))[:len(hostile)]
    (tmp_path / f"hostile{suffix}").write_text("Hostile lines\n\n" + hostile, encoding="utf-8")
    (tmp_path / f"plain{suffix}").write_text("Hostile lines\n\n" + plain, encoding="utf-8")
    plain_run: Finished = run_bounded(lambda: _extract(tmp_path / f"plain{suffix}"), 600)
    # Three times the allowance before giving up: a hang fails in minutes, not never.
    hostile_run: Finished = run_bounded(lambda: _extract(tmp_path / f"hostile{suffix}"),
                                        3 * (FACTOR * plain_run.seconds + 0.5) + 10)
    assert isinstance(hostile_run.value, int) and hostile_run.value > 10, hostile_run.value
    print(f"hostile {hostile_run.seconds:.2f} s, {hostile_run.peak_mb:.0f} MB; plain {plain_run.seconds:.2f} s "
          f"for {len(hostile):,} characters")
    assert hostile_run.seconds <= FACTOR * plain_run.seconds + 0.5, (hostile_run.seconds, plain_run.seconds)
    assert hostile_run.peak_mb < 1024


@pytest.mark.parametrize("unit", ['"', "([", "“ ", "( [ ", "—"])
def test_an_article_of_marks_at_the_size_limit_is_bounded_or_refused_at_once(tmp_path, loaded_model, unit):
    # A run collapses, a word is cut; marks apart are a token each (five times prose): refused before parsing.
    from quizgen.readers import MAX_CHARACTERS

    path = tmp_path / "a.txt"
    path.write_text("Hostile\n\nThe ferry sailed to Kirkwall on Tuesday.\n\n"
                    + unit * ((MAX_CHARACTERS - 100) // len(unit)), encoding="utf-8")
    finished = run_bounded(lambda: _extract(path), 60)
    assert finished.peak_mb < 1024
    if " " in unit:
        assert isinstance(finished.value, InputError) and "words and marks is far more than a news article" in str(
            finished.value)
        assert finished.seconds < 5
    else:
        assert finished.value == 2

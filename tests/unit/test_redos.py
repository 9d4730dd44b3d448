"""Every regular expression that reads raw article text runs in linear time, whatever the line (issue 15).

Each pattern is timed on adversarial lines (runs of each punctuation mark, nested brackets, "and" chains, markdown
emphasis and bracket runs, name lists, whitespace) at two lengths, four times apart: linear work grows about 4×,
quadratic 16×, exponential never finishes (each pattern runs in a forked child with a time limit). The ratio is a
check of complexity, not of speed, so a loaded machine does not fail it.
"""

from __future__ import annotations

import re
import time

import pytest

from quizgen.extract import entities
from quizgen.readers import decode, markdown, normalize, text
from tests.unit.bounded import run_bounded

UNITS = (" ", "\t", "\n", "\n\n", "a", "A", "a ", "A ", "and ", "Ann and ", "Aand", "A-and ", "Ann, ", "A (", "(", ")",
         "[", "]", "![", "](", "{", "<", ".", ",", "!", "?", '"', "“", "”", "’", "'", "—", "-", "*", "**", "_", " _x",
         " *x", "`", "#", "> ", "1", "1.", "1 ", "@", "a@", "x.", "é", "\x1b", "\x1b[", "write to ", "at ", "by ",
         "published ", ": ", "---\n", "<!--", "```")
PREFIXES = ("", "By Ann ", "write to ", "Published: ")
SHORT, LONG = 1_000, 4_000
LINEAR = 8.0  # the most a 4× longer line may cost, as a multiple (linear: about 4; quadratic: about 16)


def _patterns() -> dict[str, re.Pattern[str]]:
    found = {f"{module.__name__}.{name}": value for module in (text, markdown, normalize, decode)
             for name, value in vars(module).items() if isinstance(value, re.Pattern)}
    found.update({f"markdown._MARKUP[{i}]": pattern for i, (pattern, _) in enumerate(markdown._MARKUP)})
    return found


def _seconds(pattern: re.Pattern[str], line: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _match in pattern.finditer(line):
            pass
        pattern.match(line)
        best = min(best, time.perf_counter() - started)
    return best


def _worst_growth(pattern: re.Pattern[str]) -> tuple[float, str]:
    worst = (0.0, "")
    for prefix in PREFIXES:
        for unit in UNITS:
            for suffix in ("", "§"):  # a last character that no pattern accepts forces every way to be tried
                short = prefix + unit * (SHORT // len(unit)) + suffix
                long = prefix + unit * (LONG // len(unit)) + suffix
                small, big = _seconds(pattern, short), _seconds(pattern, long)
                if big > 0.005 and big / max(small, 1e-6) > worst[0]:  # below 5 ms it is noise, not growth
                    worst = (big / max(small, 1e-6), f"{prefix!r} + {unit!r} × n + {suffix!r}")
    return worst


@pytest.mark.parametrize("name", sorted(_patterns()))
def test_pattern_is_linear_on_adversarial_lines(name):
    pattern = _patterns()[name]
    growth, line = run_bounded(lambda: _worst_growth(pattern), 120).value
    assert growth < LINEAR, f"{name} grew {growth:.1f}× for a 4× longer line on {line}"


@pytest.mark.parametrize("unit", ["Aand", "A-and ", "Ann and ", "A, ", "A (b) or "])
def test_listed_names_pattern_is_not_exponential(unit):
    # It sees the 300 characters before an entity; "AandAand…" could split at each "and" two ways and 26 of them
    # took minutes.
    line = "programmes such as " + unit * (280 // len(unit)) + "§"
    assert run_bounded(lambda: entities._LISTED_AFTER.search(line), 20).value is None


@pytest.mark.parametrize(("before", "kind"), [("programmes such as EastEnders and ", "programmes"),
                                              ("the singles Takeover and ", "singles"),
                                              ("shows like Top Gear, ", "shows"),
                                              ("series such as EastEnders (BBC) or ", "series")])
def test_listed_names_pattern_still_finds_lists(before, kind):
    assert entities._LISTED_AFTER.search(before).group(1) == kind


@pytest.mark.parametrize("unit", ["[", "![", " _x", " *x", "[a](", "**a", "<!--", "```", "`"])
def test_strip_markdown_is_linear(unit):
    def growth() -> float:
        small = min(_timed(markdown.strip_markdown, unit * (2_000 // len(unit))) for _ in range(3))
        big = min(_timed(markdown.strip_markdown, unit * (8_000 // len(unit))) for _ in range(3))
        return big / max(small, 1e-6) if big > 0.005 else 0.0

    assert run_bounded(growth, 60).value < LINEAR


def _timed(call, argument) -> float:
    started = time.perf_counter()
    call(argument)
    return time.perf_counter() - started

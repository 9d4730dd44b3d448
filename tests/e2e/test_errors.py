"""Bad usage: exit 2 with argparse's message; --help and --version. (Bad input: test_inputs.py.)"""

from __future__ import annotations

from tests.conftest import run_cli


def test_bad_usage_exits_2():
    assert run_cli("make").code == 2
    assert run_cli("make", "x.txt", "-n", "zero").code == 2


def test_help_and_version():
    assert run_cli("--help").code == 0
    version = run_cli("--version")
    assert version.code == 0 and version.stdout.startswith("quizgen ")

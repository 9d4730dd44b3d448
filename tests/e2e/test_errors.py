"""Bad usage: exit 64 with argparse's message; --help and --version. (Bad input: test_inputs.py.)"""

from __future__ import annotations

from tests.conftest import run_cli, run_process


def test_bad_usage_exits_64_with_the_usage_line():
    for args in (("make",), ("make", "x.txt", "-n", "zero"), ("templates", "check"), ("--no-such-option",)):
        result = run_cli(*args)
        assert result.code == 64, args
        assert result.stderr.startswith("usage: quizgen") and "error: " in result.stderr, args


def test_help_and_version():
    assert run_cli("--help").code == 0
    version = run_process("--version")  # and once as a real process: `python -m quizgen` starts and exits 0
    assert version.code == 0 and version.stdout.startswith("quizgen ")


def test_bad_usage_from_a_real_process_exits_64():
    result = run_process("make", "x.txt", "-n", "zero")
    assert result.code == 64 and result.stderr.startswith("usage: quizgen") and "not a whole number" in result.stderr

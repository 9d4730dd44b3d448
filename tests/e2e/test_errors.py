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


def test_a_reader_that_stops_early_is_no_internal_error(tmp_path):
    """`quizgen templates list | head -1` (or `score … | head`): the closed pipe is no bug, no traceback, exit 141."""
    import subprocess
    import sys

    run = subprocess.run(f"'{sys.executable}' -m quizgen templates list | true; "
                         "echo \"${PIPESTATUS[0]}\" >&2", shell=True, executable="/bin/bash", capture_output=True,
                         text=True, timeout=120, cwd=tmp_path)
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.strip().splitlines()[-1] == "141"

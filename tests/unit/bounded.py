"""Run a call in a forked child with a hard time limit, and read its peak memory: a test of a hang or a memory bomb
must fail, not hang the suite (a regular expression holds the GIL, so a thread cannot be given up on)."""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

if not hasattr(os, "fork"):
    pytest.skip("needs os.fork", allow_module_level=True)


@dataclass(frozen=True)
class Finished:
    value: Any  # what the call returned, or the exception it raised
    seconds: float  # measured inside the child
    peak_mb: float  # the child's peak resident memory


def run_bounded(call: Callable[[], Any], seconds: float) -> Finished:
    """Fork, run `call` in the child, and fail the test if it has not finished within `seconds`."""
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as handle:
        result_path = handle.name
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 0
        try:
            started = time.perf_counter()
            try:
                value: Any = call()
            except Exception as err:  # the caller asserts on it
                value = err
            elapsed = time.perf_counter() - started
            with open(result_path, "wb") as out:
                pickle.dump((value, elapsed), out)
        except BaseException:
            status = 1
        os._exit(status)
    deadline = time.monotonic() + seconds
    try:
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.wait4(pid, 0)
                pytest.fail(f"did not finish within {seconds} s")
            time.sleep(0.02)
        assert os.waitstatus_to_exitcode(status) == 0, "the child failed to report"
        with open(result_path, "rb") as handle:
            value, elapsed = pickle.load(handle)
    finally:
        os.unlink(result_path)
    return Finished(value, elapsed, usage.ru_maxrss / 1024)

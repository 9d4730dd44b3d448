"""How every rule table of the generate stage is applied: rules are small named functions, each returning why a
thing fails it, or None; the first reason found is the one reported (`-v` shows it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def first_reason(rules: Iterable[Callable[..., str | None]], *args: Any) -> str | None:
    """The reason of the first rule in `rules` that objects to `args`, or None when none does."""
    return next((reason for rule in rules if (reason := rule(*args)) is not None), None)

"""Many articles at once: each worker process loads the spaCy model once, then builds article after article.

Results come back in input order whatever order the workers finish in, so a batch's outputs and its summary are the
same on every run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizgen.errors import UserError


@dataclass(frozen=True)
class Outcome:
    """What happened to one article of a batch."""

    path: Path
    made: Any = None  # api.MadeArticle when it worked
    error: str | None = None  # one line, when it did not
    internal: bool = False  # the error is a bug, not the input's fault
    warnings: tuple[str, ...] = field(default_factory=tuple)


def default_jobs(articles: int) -> int:
    return max(1, min(os.cpu_count() or 1, articles))


def _warm() -> None:
    """Worker start-up: load the model once per process, before the first article arrives."""
    from quizgen.extract.nlp import installed_model_name, load_nlp

    if installed_model_name() is not None:
        load_nlp()


def build_one(path: Path, options: dict[str, Any]) -> Outcome:
    from quizgen import api

    try:
        made = api.make(path, **options)
    except UserError as err:
        return Outcome(path, error=str(err))
    except Exception as err:  # a bug: reported with the article, the batch goes on
        return Outcome(path, error=f"internal error: {type(err).__name__}: {err} (please report this)",
                       internal=True)
    warnings = (made.quiz.shortfall,) if made.quiz.shortfall else ()
    return Outcome(path, made=made, warnings=warnings)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def run_batch(paths: Sequence[Path], options: dict[str, Any], jobs: int,
              on_done: Callable[[Outcome], None] = lambda outcome: None,
              on_start: Callable[[Path], None] = lambda path: None) -> list[Outcome]:
    """Build every article; `on_done` is called as each finishes. Returns outcomes in input order."""
    if jobs <= 1 or len(paths) <= 1:
        outcomes = []
        for path in paths:
            on_start(path)
            outcome = build_one(path, options)
            on_done(outcome)
            outcomes.append(outcome)
        return outcomes
    results: dict[int, Outcome] = {}
    # Longest first, so no worker is left with a long article while the others sit idle at the end.
    order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm) as pool:
        futures = {pool.submit(build_one, paths[index], options): index for index in order}
        try:
            for future in as_completed(futures):
                outcome = future.result()
                results[futures[future]] = outcome
                on_done(outcome)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [results[i] for i in range(len(paths))]

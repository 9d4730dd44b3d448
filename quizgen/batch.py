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

from quizgen.errors import UserError, printable


@dataclass(frozen=True)
class Outcome:
    """What happened to one article of a batch."""

    path: Path
    made: Any = None  # api.MadeArticle when it worked
    error: str | None = None  # one line, when it did not
    internal: bool = False  # the error is a bug, not the input's fault
    warnings: tuple[str, ...] = field(default_factory=tuple)
    same_title_as: Path | None = None  # an earlier input of the batch with the same title (own folder, "-2")
    input_notes: tuple[str, ...] = ()  # what reading changed to bound the work (also in warnings)


def default_jobs(articles: int) -> int:
    """One job per core, and never more jobs than articles."""
    return max(1, min(os.cpu_count() or 1, articles))


def _warm() -> None:
    """Worker start-up: load the model once per process, before the first article arrives."""
    from quizgen.extract.nlp import installed_model_name, load_nlp

    if installed_model_name() is not None:
        load_nlp()


def build_one(path: Path, options: dict[str, Any], same_title_as: Path | None = None) -> Outcome:
    """`api.make` on one article with `options`; its error, if any, as one line (a bug marked as internal)."""
    from quizgen import api
    from quizgen.readers.normalize import with_input_warnings

    try:
        made, read_notes = with_input_warnings(lambda: api.make(path, **options))
    except UserError as err:
        return Outcome(path, error=str(err))
    except Exception as err:  # a bug: reported with the article, the batch goes on
        return Outcome(path, error=printable(f"internal error: {type(err).__name__}: {err} (please report this)"),
                       internal=True)
    moved = (f"has the same title as {same_title_as.name}: written to {made.folder.name}/ instead"
             if same_title_as else None)
    warnings = tuple(w for w in (*read_notes, moved, made.quiz.shortfall) if w)
    return Outcome(path, made=made, warnings=warnings, same_title_as=same_title_as, input_notes=read_notes)


def _calls(paths: Sequence[Path], options: dict[str, Any]) -> list[tuple[Path, dict[str, Any], Path | None]]:
    """build_one's arguments for each article: a folder of its own for a title already taken."""
    if len(paths) <= 1:
        return [(path, options, None) for path in paths]
    from quizgen.inputs import distinct_slugs

    calls: list[tuple[Path, dict[str, Any], Path | None]] = []
    for path, renamed in zip(paths, distinct_slugs(paths), strict=True):
        if renamed is None:
            calls.append((path, options, None))
        else:
            slug, first = renamed
            calls.append((path, {**options, "slug": slug}, first))
    return calls


def _size(path: Path | str) -> int:
    if isinstance(path, str):  # standard input or a web address (inputs.expand_inputs): no size before reading
        return 0
    try:
        return path.stat().st_size
    except OSError:
        return 0


def run_batch(paths: Sequence[Path], options: dict[str, Any], jobs: int,
              on_done: Callable[[Outcome], None] = lambda outcome: None,
              on_start: Callable[[Path], None] = lambda path: None) -> list[Outcome]:
    """Build every article; `on_done` is called as each finishes. Returns outcomes in input order.

    Articles with the same title get folders of their own ("-2", "-3" in input order): otherwise the later one
    would overwrite the earlier one's files, or with several jobs both would write to one folder at once.
    """
    calls = _calls(paths, options)
    if jobs <= 1 or len(paths) <= 1:
        outcomes = []
        for path, call in zip(paths, calls, strict=True):
            on_start(path)
            outcome = build_one(*call)
            on_done(outcome)
            outcomes.append(outcome)
        return outcomes
    results: dict[int, Outcome] = {}
    # Longest first, so no worker is left with a long article while the others sit idle at the end.
    order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm) as pool:
        futures = {pool.submit(build_one, *calls[index]): index for index in order}
        try:
            for future in as_completed(futures):
                outcome = future.result()
                results[futures[future]] = outcome
                on_done(outcome)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [results[i] for i in range(len(paths))]

"""Output snapshots: build every article we have into a folder, and list what changed between two such folders.

    .venv/bin/python bench/snapshot.py build SNAPSHOT [--jobs N]
    .venv/bin/python bench/snapshot.py compare BEFORE AFTER

`build` runs `make` (seed 7, 20 items, every format, SOURCE_DATE_EPOCH fixed) on the shared corpus
(../shared/corpus/*.txt and dev/), the test fixture articles and inputs, and examples/, one output folder per
group, and writes MANIFEST.txt: one line per input with its item counts, warnings and notices, or its error.

`compare` prints, for each file that differs: a unified diff for text files (facts.yaml, quiz.yaml, the LMS text
formats, MANIFEST.txt) and "binary differs" for the rest (decks, PDFs, zips), then a count. Exit status 0 when the
two snapshots are identical, 1 when any file differs. So a merger can run `build` on main and on a branch and see
which outputs the branch altered, and why (the YAML diff).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The shared corpus sits beside the project; QUIZGEN_SHARED points elsewhere (a snapshot built from a copy).
SHARED = Path(os.environ.get("QUIZGEN_SHARED", ROOT.parent / "shared"))
SEED, COUNT, EPOCH = 7, 20, "1700000000"
TEXT_SUFFIXES = (".yaml", ".txt", ".json", ".xml")
GROUPS = {
    "corpus": SHARED / "corpus",
    "dev": SHARED / "corpus" / "dev",
    "fixtures": ROOT / "tests" / "fixtures" / "articles",
    "inputs": ROOT / "tests" / "fixtures" / "inputs",
    "examples": ROOT / "examples",
}


def _expand(folder: Path) -> list[Path]:
    """The inputs `quizgen make FOLDER` would build (the same discovery, wherever this checkout keeps it)."""
    try:
        from quizgen.inputs import expand_inputs
    except ImportError:  # a checkout from before quizgen/inputs.py
        from quizgen.api import expand_inputs
    return expand_inputs([folder])


def _line(group: str, outcome) -> str:
    name = f"{group}/{outcome.path.name}"
    if outcome.error:
        return f"{name}: error: {outcome.error}"
    quiz = outcome.made.quiz
    kinds = " ".join(f"{k}:{n}" for k, n in quiz.count_by_type().items())
    extra = "".join(f" | {w}" for w in (*outcome.warnings, *outcome.made.notices))
    return f"{name}: {len(quiz.items)} items ({kinds}) -> {outcome.made.folder.name}/{extra}"


def build(snapshot: Path, jobs: int) -> None:
    from quizgen.batch import run_batch
    from quizgen.formats import FORMATS

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    snapshot = snapshot.resolve()  # each group is built from inside its own folder
    snapshot.mkdir(parents=True, exist_ok=False)
    lines = []
    for group, folder in GROUPS.items():
        if not folder.is_dir():
            print(f"{folder}: absent, skipped", file=sys.stderr)
            continue
        options = {"out_dir": snapshot / group, "count": COUNT, "seed": SEED, "formats": FORMATS}
        # Inputs named relative to their folder: facts.yaml records the article's path as given, and the same
        # article must give the same bytes from any checkout.
        os.chdir(folder)
        outcomes = run_batch(_expand(Path(".")), options, jobs)
        lines += [_line(group, outcome) for outcome in outcomes]
        print(f"{group}: {len(outcomes)} inputs, {sum(o.error is None for o in outcomes)} built", file=sys.stderr)
    (snapshot / "MANIFEST.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _files(snapshot: Path) -> dict[str, Path]:
    return {p.relative_to(snapshot).as_posix(): p for p in sorted(snapshot.rglob("*")) if p.is_file()}


def compare(before: Path, after: Path) -> int:
    old, new = _files(before), _files(after)
    changed = 0
    for name in sorted(old.keys() | new.keys()):
        if name not in new or name not in old:
            print(f"{'only in ' + str(before) if name in old else 'only in ' + str(after)}: {name}")
            changed += 1
            continue
        a, b = old[name].read_bytes(), new[name].read_bytes()
        if a == b:
            continue
        changed += 1
        if name.endswith(TEXT_SUFFIXES):
            diff = difflib.unified_diff(a.decode("utf-8", "replace").splitlines(),
                                        b.decode("utf-8", "replace").splitlines(), f"before/{name}",
                                        f"after/{name}", lineterm="", n=1)
            print("\n".join(diff))
        else:
            print(f"binary differs: {name} ({hashlib.sha256(a).hexdigest()[:12]} -> "
                  f"{hashlib.sha256(b).hexdigest()[:12]})")
    print(f"{changed} of {len(old.keys() | new.keys())} files differ")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build", help="build every article into a new folder")
    building.add_argument("snapshot", type=Path)
    building.add_argument("--jobs", type=int, default=1, help="articles built in parallel (default 1)")
    comparing = commands.add_parser("compare", help="list the files that differ between two snapshots")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "build":
        build(args.snapshot, args.jobs)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())

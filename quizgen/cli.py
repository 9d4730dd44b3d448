"""The command line: parses arguments, calls the library, and is the one place errors become exit codes.

Exit codes: 0 success; 1 to 63 the number of articles that could not be made (1 for any user error, one line on
stderr; 63 means 63 or more); 64 bad usage; 70 an internal error (a bug: please report it); 130 interrupted.
64 and 70 are sysexits.h's EX_USAGE and EX_SOFTWARE, so they never read as a count.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from quizgen import __version__
from quizgen.errors import InputWarning, QuizgenError, printable
from quizgen.formats import DEFAULT_FORMATS, FORMATS, formats_help

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 64, 70, 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a reader that stopped early (`quizgen score … | head`)
MAX_FAILED = 63  # failure counts stop below EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    """argparse with quizgen's exit code for bad usage (argparse's own, 2, would read as "2 articles failed")."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _whole_number(low: int, high: int, why: str = "") -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}{why}")
        return value

    return parse


_positive = _whole_number(1, 500)
_versions = _whole_number(1, 26, " (one letter per version)")


def _formats(text: str) -> str:
    """An argparse type: "gift,pdf" or "all" (anywhere in the list), checked against the known formats, duplicates
    dropped."""
    names = tuple(n.strip().lower() for n in text.split(",") if n.strip())
    if "all" in names:  # "pdf,all" means every format, as "all" alone does
        names = FORMATS
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or '(none)'}; choose from "
                                         f"{', '.join(FORMATS)} or all")
    return ",".join(dict.fromkeys(names))


def _seed(text: str) -> int:
    """An argparse type: any whole number, negative included."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def build_parser() -> argparse.ArgumentParser:
    """Every command and option; parsing imports nothing heavy, so `--help` stays fast."""
    parser = _Parser(
        prog="quizgen",
        description="Turn a news article into an Anki deck, a printable worksheet and its answer key.",
    )
    parser.add_argument("--version", action="version", version=f"quizgen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    make = commands.add_parser("make", help="build the deck, worksheet, answer key, facts.yaml and quiz.yaml",
                               description="Build a quiz for each article (.txt, .md, .html, .pdf, .docx, a web "
                                           "address, or - for standard input) or facts.yaml.")
    make.add_argument("inputs", nargs="+", metavar="ARTICLE",
                      help="article files, facts.yaml files, folders, http(s) addresses, or - to read standard input")
    make.add_argument("-o", "--out", default="out", help="output folder (default: out/)")
    make.add_argument("-n", "--count", type=_positive, default=20, help="items per quiz (default: 20)")
    make.add_argument("--seed", type=_seed, default=0, help="seed for option order and choices (default: 0)")
    make.add_argument("--force", action="store_true",
                      help="overwrite a facts.yaml or quiz.yaml you edited, or an --anki-package file quizgen did "
                           "not write")
    make.add_argument("--templates", action="append", default=[], metavar="DIR",
                      help="extra question template folder, searched first (repeatable)")
    make.add_argument("--deck", help='parent Anki deck, e.g. "Current Events" (decks become Parent::Title)')
    make.add_argument("--anki-package", metavar="FILE", help="also write one .apkg holding every article's deck")
    make.add_argument("--paper", choices=("letter", "a4"), default="letter", help="worksheet paper size")
    make.add_argument("--formats", type=_formats, default=",".join(DEFAULT_FORMATS), metavar="LIST",
                      help=formats_help())
    make.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                      help="articles built in parallel, one process each (default: the number of cores)")
    make.add_argument("--versions", type=_versions, default=1, metavar="N",
                      help="print N shuffled versions A, B, C… of the worksheet, each with its key (1-26)")
    make.add_argument("-v", "--verbose", action="store_true", help="list every dropped candidate and why")

    extract = commands.add_parser("extract", help="extract facts only, for a teacher to review",
                                  description="Write the facts and quotes of one article to a YAML file.")
    extract.add_argument("article")
    extract.add_argument("-o", "--out", default="facts.yaml", help="where to write (default: facts.yaml)")
    extract.add_argument("--force", action="store_true", help="overwrite a facts file you edited")

    scoring = commands.add_parser("score", help="score extraction against hand-made gold facts",
                                  description="Compare the facts extracted from ARTICLE (or a facts.yaml) with a gold "
                                              "file, or each article of a folder with its gold file in GOLD, and "
                                              "print precision and recall per category (quotes also by source "
                                              "kind).")
    scoring.add_argument("article", help="article file or facts.yaml, or a folder of articles")
    scoring.add_argument("gold", help="gold facts file (format of shared/gold/*.yaml), or a folder of them")
    scoring.add_argument("-v", "--verbose", action="store_true", help="list what was missed and what the gold lacks")

    templates = commands.add_parser("templates", help="list or check question templates")
    actions = templates.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="each template id and the file it comes from")
    listing.add_argument("--templates", action="append", default=[], metavar="DIR")
    check = actions.add_parser("check", help="validate every template in a folder")
    check.add_argument("folder")
    return parser


def _make(args: argparse.Namespace) -> int:
    """`quizgen make`: build every input, report each as it finishes; exit code = articles that failed."""
    from quizgen.batch import default_jobs, run_batch
    from quizgen.inputs import expand_inputs

    paths = expand_inputs(args.inputs)
    options = {"out_dir": args.out, "count": args.count, "seed": args.seed, "force": args.force,
               "template_dirs": args.templates, "deck": args.deck, "paper": args.paper, "versions": args.versions,
               "formats": tuple(args.formats.split(","))}
    jobs = args.jobs or default_jobs(len(paths))
    if "-" in paths:
        jobs = 1  # standard input belongs to this process: a worker process would find it closed
    report = _Report(len(paths), verbose=args.verbose)
    try:
        outcomes = run_batch(paths, options, jobs, on_done=report.done, on_start=report.start)
    finally:
        report.close()
    made = [o.made for o in outcomes if o.made is not None]
    if len(paths) > 1:
        _summary(outcomes)
    if args.anki_package and made:
        from quizgen.exporters.anki import write_anki_package

        notes = write_anki_package([m.quiz for m in made], Path(args.anki_package),
                                   max(m.note_time for m in made), args.deck, force=args.force)
        print(f"{args.anki_package}: {len(made)} decks, {notes} notes")
    failed = [o for o in outcomes if o.error]
    if failed and len(paths) > 1:
        print(f"quizgen: {len(failed)} of {len(paths)} articles failed", file=sys.stderr)
    if any(o.internal for o in failed):
        return EXIT_INTERNAL
    return min(len(failed), MAX_FAILED)  # 0 when every article was made


class _Report:
    """One line per article as it finishes; on a terminal, a progress bar with the article in hand and the time
    left (tqdm), drawn on stderr so that stdout stays one line per article."""

    def __init__(self, total: int, verbose: bool) -> None:
        self.verbose = verbose
        self.bar = None
        if total > 1 and sys.stderr.isatty():
            from tqdm import tqdm

            # A terminal that reports no size (some consoles, a bare pseudo-terminal) is taken as 80 x 24: given
            # 0 rows, tqdm draws nothing at all.
            try:
                size = os.get_terminal_size(sys.stderr.fileno())
                sized = size.columns > 0 and size.lines > 0
            except OSError:
                sized = False
            self.bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=sized,
                            ncols=None if sized else 80, nrows=None if sized else 24, leave=False)

    def _print(self, text: str, stream: Any) -> None:
        text = printable(text)  # a file name with an escape character in it is shown, not obeyed by the terminal
        if self.bar is not None:
            self.bar.write(text, file=stream)
        else:
            print(text, file=stream)

    def start(self, path: Path | str) -> None:
        from quizgen.inputs import input_name

        if self.bar is not None:
            self.bar.set_postfix_str(input_name(path)[:40])

    def done(self, outcome: Any) -> None:
        if outcome.error:
            self._print(f"quizgen: {outcome.error}", sys.stderr)
        else:
            quiz = outcome.made.quiz
            counts = ", ".join(f"{kind} {n}" for kind, n in quiz.count_by_type().items())
            self._print(f"{outcome.path}: {len(quiz.items)} items ({counts or 'none'}) -> {outcome.made.folder}/",
                        sys.stdout)
            for warning in outcome.warnings:
                self._print(f"quizgen: warning: {outcome.path}: {warning}", sys.stderr)
            for notice in outcome.made.notices:
                self._print(f"quizgen: note: {notice}", sys.stderr)
            if self.verbose:
                for dropped in quiz.dropped:
                    self._print(f"  dropped {dropped.template} on {dropped.fact}: {dropped.reason}", sys.stdout)
        if self.bar is not None:
            self.bar.update(1)
            self.start(outcome.path)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _summary(outcomes: list[Any]) -> None:
    """A table of the batch, in input order: article, items by type, warnings, output."""
    from quizgen.inputs import input_name

    rows = [("article", "items", "by type", "warnings", "output")]
    for o in outcomes:
        if o.made is None:
            rows.append((input_name(o.path), "-", "-", "failed: " + (o.error or "")[:60], "-"))
            continue
        quiz = o.made.quiz
        kinds = " ".join(f"{k}:{n}" for k, n in quiz.count_by_type().items())
        notes = ["fewer items" if quiz.shortfall else "", f"same title as {o.same_title_as.name}" if o.same_title_as
                 else "", "text shortened" if o.input_notes else ""]
        rows.append((input_name(o.path), str(len(quiz.items)), kinds, "; ".join(n for n in notes if n),
                     f"{o.made.folder}/"))
    widths = [min(48 if i == 0 else 64, max(len(r[i]) for r in rows)) for i in range(4)]
    print()
    for row in rows:
        print(printable("  ".join(cell[:w].ljust(w) for cell, w in zip(row[:4], widths, strict=True)) + "  "
                        + row[4]))


def _extract(args: argparse.Namespace) -> int:
    """`quizgen extract`: one article's facts to a facts.yaml a teacher can edit (an edited one is kept)."""
    from quizgen import api
    from quizgen.factsfile import dump_facts
    from quizgen.outputs import guard_edited, write_atomic

    out = Path(args.out)
    guard_edited(out, args.force, f"build from it with `quizgen make {out}`")
    facts = api.extract_facts(_read_article(args.article))
    write_atomic(out, dump_facts(facts))
    print(f"{args.article}: {len(facts.entities)} entities, {len(facts.quotes)} quotes, {len(facts.numbers)} numbers, "
          f"{len(facts.glosses)} glosses, {len(facts.key_sentences)} key sentences -> {out}")
    return EXIT_OK


def _read_article(path: str | Path) -> Any:
    """api.read_article, showing what reading had to change (a run of one character shortened...) on stderr."""
    from quizgen import api
    from quizgen.readers.normalize import with_input_warnings

    article, notes = with_input_warnings(lambda: api.read_article(path))
    for note in notes:
        print(printable(f"quizgen: warning: {path}: {note}"), file=sys.stderr)
    return article


def _score(args: argparse.Namespace) -> int:
    """`quizgen score`: extraction (from an article or an edited facts.yaml) against a gold file."""
    from quizgen import api, scoring

    result = scoring.score_paths(Path(args.article), Path(args.gold), api.load_facts)
    print(scoring.format_folder(result, verbose=args.verbose))
    return EXIT_OK


def _templates(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`quizgen templates list | check`."""
    from quizgen import templates

    if args.action == "list":
        for template in templates.load_templates(args.templates):
            print(f"{template.id:28} {template.kind:13} {template.path}")
        return EXIT_OK
    if args.action == "check":
        found = templates.load_folder(Path(args.folder))
        print(f"{args.folder}: {len(found)} templates OK")
        return EXIT_OK
    parser.parse_args(["templates", "--help"])
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (argparse itself exits 64 on bad usage, 0 after --help)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # What reading had to change is shown beside the article's line (batch.build_one, _read_article); a look-ahead
    # read (a batch choosing folder names) stays quiet.
    warnings.filterwarnings("ignore", category=InputWarning)
    try:
        if args.command == "make":
            return _make(args)
        if args.command == "extract":
            return _extract(args)
        if args.command == "score":
            return _score(args)
        if args.command == "templates":
            return _templates(args, parser)
        parser.print_help()
        return EXIT_USAGE
    except QuizgenError as err:
        print(f"quizgen: {err}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("quizgen: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _stdout_closed()
    except Exception as err:  # a bug: one line, not a traceback, and a way to report it
        print(printable(f"quizgen: internal error: {type(err).__name__}: {err} (please report this)"),
              file=sys.stderr)
        return EXIT_INTERNAL


def _stdout_closed() -> int:
    """The reader of our output went away: say nothing more (Python would complain while flushing at exit)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


def run() -> None:
    """The `quizgen` console script."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _stdout_closed()
    sys.exit(code)

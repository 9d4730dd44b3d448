"""Why key sentences get no false version: for every key sentence of ../shared/corpus/*.txt and a seeded sample of
../shared/bench/polnear/train/text (never corpus/dev), whether the true/false builder finds a safe swap, and if not,
why each span it tried gave none (the swap rule, no alternative of its kind, every alternative unsupported).

    .venv/bin/python bench/falsify_reasons.py [--sample 40] [--seed 5] [--show REASON] [ARTICLE ...]

Prints the share of key sentences with a false version, the reasons per span (quoted words stripped), the reasons
per sentence (the first span's), and the kinds of span that had no alternative. --show prints each span whose
reason contains REASON with its sentence; --statements prints every false statement with the sentence it changed.
Asserts nothing. One process, the spaCy model loaded once.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def default_articles(sample: int, seed: int) -> list[Path]:
    corpus = sorted((SHARED / "corpus").glob("*.txt"))
    train = sorted((SHARED / "bench" / "polnear" / "train" / "text").glob("*.txt"))
    return corpus + random.Random(seed).sample(train, min(sample, len(train)))


def reason_class(reason: str) -> str:
    """"'Spain': a name after 'the' (…)" -> "a name after 'the'"."""
    text = re.sub(r"^(?:'[^']*': )+", "", reason)
    return re.sub(r"'[^']*'", "'…'", re.split(r" \(|: ", text)[0]).strip()


def span_kind(builder, span: str) -> str:
    from quizgen.generate.builder import _entity_named
    from quizgen.generate.distractors import fine_kind

    if any(n.text == span for n in builder.facts.numbers):
        return "number"
    entity = _entity_named(builder.facts, span)
    return fine_kind(entity) if entity is not None else "no entity"


def measure(path: Path, tally: dict[str, collections.Counter], show: str | None, statements: bool) -> None:
    from quizgen.api import extract_facts, read_article
    from quizgen.generate.builder import _Builder, _DropError
    from quizgen.generate.facts import facts_for

    facts = extract_facts(read_article(path))
    builder = _Builder(facts, 0, path.stem)
    for fact in facts_for("key_sentence", facts):
        key = fact.record
        tally["sentences"]["key sentences"] += 1
        try:
            text = builder.printable(key.sentence)
        except _DropError:
            tally["sentences"]["(cannot stand alone)"] += 1
            continue
        statement, reasons = builder.false_version(key, text, builder.rng("key-sentence-true-false", fact.id))
        tally["sentences"]["printable"] += 1
        if statement is not None:
            tally["sentences"]["with a false version"] += 1
            if statements:
                print(f"{path.stem[:40]}: {statement}\n    was: {text}")
        else:
            tally["first"][reason_class(reasons[0])] += 1
        for reason in reasons:
            cls = reason_class(reason)
            tally["spans"][cls] += 1
            span = re.match(r"^'([^']*)'", reason)
            if span and cls.startswith(("no alternative", "every alternative")):
                tally["kinds"][f"{cls[:14]} | {span_kind(builder, span.group(1))}"] += 1
            if show and show in reason:
                print(f"{path.stem[:40]}: {reason}\n    {text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--show", help="print every span whose reason contains this text")
    parser.add_argument("--statements", action="store_true", help="print every false statement and its sentence")
    args = parser.parse_args()
    if not args.articles and not (SHARED / "corpus").is_dir():
        print("../shared/corpus not present: nothing to measure")
        return 0
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for path in args.articles or default_articles(args.sample, args.seed):
        measure(path, tally, args.show, args.statements)
    s = tally["sentences"]
    share = s["with a false version"] / max(1, s["printable"])
    print(f"key sentences {s['key sentences']}, printable {s['printable']}, with a false version "
          f"{s['with a false version']} ({share:.0%})")
    for title in ("first", "spans", "kinds"):
        print(f"-- {title}")
        for reason, number in tally[title].most_common():
            print(f"{number:5d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

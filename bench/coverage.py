"""Why key sentences get no item: for the lede and paragraphs 2-6 of each article, which sentences no item of the
quiz tests, and the named reasons the candidates resting on them were dropped.

    .venv/bin/python bench/coverage.py [--sample 60] [--count 20] [ARTICLE ...]

Without ARTICLE it reads ../shared/corpus/*.txt and a fixed seeded sample of ../shared/bench/polnear/train/text
(never corpus/dev). It prints the items per quiz, then, per reason (quoted words and details stripped), how many
uncovered key sentences it kept out (one reason per sentence: see `primary`), and how many carry no
fact at all. One process, the spaCy model loaded once.
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
KEY_PARAGRAPHS = range(0, 6)  # 0-based: the lede and paragraphs 2-6


def default_articles(sample: int) -> list[Path]:
    corpus = sorted((SHARED / "corpus").glob("*.txt"))
    train = sorted((SHARED / "bench" / "polnear" / "train" / "text").glob("*.txt"))
    return corpus + random.Random(17).sample(train, min(sample, len(train)))


def reason_class(reason: str) -> str:
    """'no name or number is worth a blank: 'X': the headline gives it' -> 'no name or number is worth a blank'."""
    text = re.sub(r"'[^']*'", "'…'", reason)
    if text.startswith("not selected: "):
        text = "not selected: " + re.split(r" as item | \(|:", text[len("not selected: "):])[0]
        return text.strip()
    return re.split(r": ", text)[0].strip()


def primary(found: dict[str, str]) -> str:
    """The reason that kept the sentence out: a candidate that passed every check but was not selected first (the
    plan's reason), then the true/false statement's (the template that fits most sentences), then any."""
    chosen = next((r for r in found.values() if r.startswith("not selected")), None)
    for template in ("key-sentence-true-false", "key-sentence-cloze", "key-fact-contrast"):
        chosen = chosen or found.get(template)
    return chosen or sorted(found.items())[0][1] if chosen is None else chosen


def fact_sentences(facts) -> dict[str, int]:
    where: dict[str, int] = {}
    for entity in facts.entities:
        where[entity.id] = entity.description_sentence if entity.description_sentence is not None else entity.sentence
    for group in (facts.quotes, facts.numbers, facts.glosses, facts.key_sentences, facts.questions):
        for fact in group:
            where[fact.id] = fact.sentence
    return where


def measure(path: Path, count: int, tally: collections.Counter, sizes: list[int], detail: bool) -> None:
    from quizgen.api import extract_facts, generate_quiz, read_article

    facts = extract_facts(read_article(path))
    quiz = generate_quiz(facts, count=count)
    sizes.append(len(quiz.items))
    where = fact_sentences(facts)
    tested = {where.get(item.fact) for item in quiz.items}
    reasons: dict[int, dict[str, str]] = collections.defaultdict(dict)
    for dropped in quiz.dropped:
        if dropped.fact in where:
            reasons[where[dropped.fact]].setdefault(dropped.template, reason_class(dropped.reason))
    for sentence in facts.sentences:
        if sentence.paragraph not in KEY_PARAGRAPHS:
            continue
        tally["key sentences"] += 1
        if sentence.index in tested:
            tally["key sentences with an item"] += 1
            continue
        found = reasons.get(sentence.index) or {"-": "(no fact rests on the sentence)"}
        tally[primary(found)] += 1
        if detail:
            print(f"{path.name}#{sentence.index}: {sentence.text[:110]}\n    {found}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path)
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--detail", action="store_true", help="print every uncovered key sentence")
    args = parser.parse_args()
    articles = args.articles or default_articles(args.sample)
    tally: collections.Counter = collections.Counter()
    sizes: list[int] = []
    for path in articles:
        measure(path, args.count, tally, sizes, args.detail)
    print(f"articles {len(sizes)}, items {sum(sizes)}, per quiz (sorted): {sorted(sizes)}")
    print(f"key sentences {tally.pop('key sentences')}, with an item {tally.pop('key sentences with an item')}")
    for reason, number in tally.most_common():
        print(f"{number:5d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

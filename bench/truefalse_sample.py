"""The true/false statements of a fixed development sample, to read against ../shared/rubric.md: the development
corpus (never corpus/dev) and a seeded random 30 of the polnear training articles, each quiz made as `quizgen make
ARTICLE -n 20 --seed 0` makes it. A false statement is printed with the sentence it changed.

    python bench/truefalse_sample.py > /tmp/tf.txt          # then read, or diff against another branch's output

Prints figures and statements, asserts nothing. Skips when ../shared is not beside the project.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from quizgen import api  # noqa: E402  (the project folder first on the path, as the other benches do)


def sample(polnear: int = 30, seed: int = 5) -> list[Path]:
    corpus = sorted((SHARED / "corpus").glob("*.txt"))
    train = sorted((SHARED / "bench" / "polnear" / "train" / "text").glob("*.txt"))
    return corpus + random.Random(seed).sample(train, min(polnear, len(train)))


def main() -> int:
    if not (SHARED / "corpus").is_dir():
        print("../shared/corpus not present: nothing to read")
        return 0
    totals = {"True": 0, "False": 0, "items": 0}
    for path in sample():
        quiz = api.generate_quiz(api.extract_facts(api.read_article(path)), count=20, seed=0)
        print(f"=== {path.stem} | {quiz.title}")
        for item in quiz.items:
            totals["items"] += 1
            if item.type != "true_false":
                continue
            totals[item.answer] += 1
            print(f"[{item.answer}] {item.template}: {item.question}")
            if item.answer == "False":
                print(f"      was: {item.source}")
    print(f"items {totals['items']}, true/false {totals['True'] + totals['False']} "
          f"({totals['True']} true, {totals['False']} false)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

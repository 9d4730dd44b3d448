"""Blind rating rounds on the measuring corpus (../shared/corpus/dev): prepare the sheets raters read, then total
their verdicts.

    python bench/rating.py prepare --seed 2 --count 20 --out /tmp/round2      # quizzes + one sheet per article
    python bench/rating.py summarise /tmp/round2                               # tables from the raters' CSV files

`prepare` picks a seeded random sample of the dev articles, runs `quizgen make ARTICLE -n 20 --seed 0` on each and
writes `<article>.sheet.txt`: the worksheet and answer key as a teacher reads them (pdftotext -layout), and a map
from each item's number to its id, type and template. Raters (who did not write the code) read the article and the
sheet with ../shared/rubric.md and write `<article>.items.csv` (`article,number,id,type,template,verdict,code,note`)
and `<article>.quiz.csv` (`article,items,duplicates,coverage,mix_ok,comment`). `summarise` prints acceptance per
article, per fault code, per type and per template, and the per-quiz answers.
"""

from __future__ import annotations

import argparse
import collections
import csv
import random
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
TYPE_ORDER = ("mcq", "cloze", "true_false", "short_answer", "matching")
CODES = ("WRONG", "UNGROUNDED", "AMBIG", "GIVEAWAY", "DISTRACTOR", "GRAMMAR", "TRIVIAL", "CONTEXT")


def pick(seed: int, count: int) -> list[Path]:
    articles = sorted(p for p in DEV.glob("*.txt"))
    return sorted(random.Random(seed).sample(articles, count))


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def prepare(seed: int, count: int, out: Path, quizgen: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    chosen = pick(seed, count)
    (out / "articles.txt").write_text("".join(f"{p}\n" for p in chosen), encoding="utf-8")
    for article in chosen:
        build = out / "build" / article.stem
        run = subprocess.run([quizgen, "make", str(article), "-n", "20", "--seed", "0", "-o", str(build),
                              "--force"], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{article.name}: exit {run.returncode}: {run.stderr.strip()}", file=sys.stderr)
            continue
        folder = next(p for p in build.iterdir() if p.is_dir())
        quiz = yaml.safe_load((folder / "quiz.yaml").read_text(encoding="utf-8"))
        items = sorted(quiz["items"], key=lambda i: TYPE_ORDER.index(i["type"]))
        worksheet = next(folder.glob("*-worksheet*.pdf"))
        key = next(folder.glob("*-answer-key*.pdf"))
        lines = [f"ARTICLE FILE: {article}", f"ITEMS: {len(items)}", ""]
        if quiz.get("shortfall"):
            lines += [f"(quizgen's note on why fewer items than asked: {quiz['shortfall']})", ""]
        lines += ["=" * 30 + " WORKSHEET (student copy) " + "=" * 30, pdf_text(worksheet),
                  "=" * 30 + " ANSWER KEY (teacher copy) " + "=" * 30, pdf_text(key),
                  "=" * 30 + " ITEM MAP (number in the worksheet -> id, type, template) " + "=" * 30]
        lines += [f"{n},{i['id']},{i['type']},{i['template']}" for n, i in enumerate(items, start=1)]
        (out / f"{article.stem}.sheet.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{article.name}: {len(items)} items")


def summarise(folder: Path) -> None:
    rows = [r for f in sorted(folder.glob("*.items.csv")) for r in csv.DictReader(f.open(encoding="utf-8"))]
    quizzes = [r for f in sorted(folder.glob("*.quiz.csv")) for r in csv.DictReader(f.open(encoding="utf-8"))]
    total = len(rows)
    accepted = sum(r["verdict"].strip().upper() == "ACCEPT" for r in rows)
    print(f"items {total}, accepted {accepted} ({accepted / max(total, 1):.0%})\n")

    def table(title: str, key: str) -> None:
        groups: dict[str, list[dict]] = collections.defaultdict(list)
        for r in rows:
            groups[r[key]].append(r)
        print(f"| {title} | accepted / items | faults |\n|---|---|---|")
        for name, members in sorted(groups.items()):
            ok = sum(m["verdict"].strip().upper() == "ACCEPT" for m in members)
            faults = collections.Counter(m["code"].strip().upper() for m in members
                                         if m["verdict"].strip().upper() != "ACCEPT")
            print(f"| {name} | {ok}/{len(members)} ({ok / len(members):.0%}) | "
                  f"{', '.join(f'{c} {n}' for c, n in faults.most_common())} |")
        print()

    table("article", "article")
    table("template", "template")
    table("type", "type")
    codes = collections.Counter(r["code"].strip().upper() for r in rows if r["verdict"].strip().upper() != "ACCEPT")
    print("| fault | items | share of items |\n|---|---|---|")
    for code in CODES:
        print(f"| {code} | {codes.get(code, 0)} | {codes.get(code, 0) / max(total, 1):.1%} |")
    print()
    if quizzes:
        dups = sum(int(q["duplicates"] or 0) for q in quizzes)
        items = sum(int(q["items"] or 0) for q in quizzes)
        high = sum(q["coverage"].strip().lower() == "high" for q in quizzes)
        mix = sum(q["mix_ok"].strip().lower() == "yes" for q in quizzes)
        print(f"quizzes {len(quizzes)}: items sharing a fact {dups}/{items} ({dups / max(items, 1):.1%}), "
              f"coverage high {high}/{len(quizzes)}, mix ok {mix}/{len(quizzes)}")
        for q in quizzes:
            print(f"- {q['article']}: {q['items']} items, dup {q['duplicates']}, coverage {q['coverage']}, "
                  f"mix {q['mix_ok']}: {q['comment']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--count", type=int, default=20)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--quizgen", default=str(Path(sys.executable).parent / "quizgen"))
    s = sub.add_parser("summarise")
    s.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.seed, args.count, args.out, args.quizgen)
    else:
        summarise(args.folder)


if __name__ == "__main__":
    main()

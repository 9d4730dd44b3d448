"""HTML reader benchmark: body precision/recall/F1 of the text quizgen reads from a saved page, and of trafilatura
alone, on the English pages of ../shared/bench/html/ (Zyte's Article Extraction Benchmark), scored in one run by
the benchmark's own scorer (its evaluate.py). Prints figures, asserts nothing. Run from the project folder:

    .venv/bin/python bench/html_bench.py [--bench ../shared/bench/html] [--show-refused] [--worst N]

Pages whose hand-checked body is not English are left out of both systems' scores (quizgen refuses them on
purpose). A page quizgen refuses counts as an empty body for quizgen, and is listed.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# A hand-checked body is English when at least this share of its words are English function words. English prose
# is 0.25-0.45; the bench's other-language bodies are below 0.16 (Portuguese "a" counts as English).
_ENGLISH_SHARE = 0.2


def _scorer(bench: Path):
    spec = importlib.util.spec_from_file_location("zyte_evaluate", bench / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _quizgen_body(page: bytes, name: str) -> tuple[str, str | None, str]:
    """(body text, refusal message or None, title)."""
    from quizgen.errors import InputError
    from quizgen.readers import read_bytes

    try:
        article = read_bytes(page, name)
    except InputError as err:
        return "", str(err), ""
    return article.text, None, article.title


def _trafilatura_body(page: bytes) -> str:
    import trafilatura

    return trafilatura.extract(page.decode("utf-8", "replace")) or ""


def _page_scores(scorer, gold: str, body: str) -> dict[str, float]:
    tp, fp, fn = scorer.string_shingle_matching(true=gold, pred=body)
    precision, recall = scorer.precision_score(tp, fp, fn), scorer.recall_score(tp, fp, fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench" / "html")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages where quizgen trails trafilatura most")
    parser.add_argument("--titles", action="store_true", help="print each page's title as quizgen reads it")
    args = parser.parse_args()
    from quizgen.readers.language import english_share

    scorer = _scorer(args.bench)
    truth = json.loads((args.bench / "ground-truth.json").read_text(encoding="utf-8"))
    english = {key: value for key, value in truth.items()
               if english_share(value.get("articleBody", ""))[0] >= _ENGLISH_SHARE}
    ours: dict[str, dict[str, str]] = {}
    theirs: dict[str, dict[str, str]] = {}
    refused: list[tuple[str, str]] = []
    titles: list[tuple[str, str]] = []
    for key in sorted(english):
        page = gzip.decompress((args.bench / "html" / f"{key}.html.gz").read_bytes())
        body, refusal, title = _quizgen_body(page, f"{key[:12]}.html")
        if refusal:
            refused.append((key, refusal))
        titles.append((key, title))
        ours[key] = {"articleBody": body}
        theirs[key] = {"articleBody": _trafilatura_body(page)}
    print(f"{len(english)} English pages of {len(truth)} ({len(truth) - len(english)} in other languages left out)")
    print(f"{'system':<14} {'F1':>6} {'precision':>10} {'recall':>7}")
    for name, prediction in (("quizgen", ours), ("trafilatura", theirs)):
        metrics = scorer.evaluate(english, prediction, n_bootstrap=2)  # its error bars are not printed here
        print(f"{name:<14} {metrics['f1']:>6.3f} {metrics['precision']:>10.3f} {metrics['recall']:>7.3f}")
    print(f"quizgen refused {len(refused)} page(s)")
    for key, message in refused:
        print(f"  {key[:12]}: {message}")
    if args.worst:
        rows = []
        for key in english:
            gold = english[key]["articleBody"]
            mine = _page_scores(scorer, gold, ours[key]["articleBody"])
            other = _page_scores(scorer, gold, theirs[key]["articleBody"])
            rows.append((mine["f1"] - other["f1"], key, mine, other))
        for delta, key, mine, other in sorted(rows)[:args.worst]:
            print(f"  {key[:12]} {delta:+.3f}  quizgen P {mine['precision']:.2f} R {mine['recall']:.2f}  "
                  f"trafilatura P {other['precision']:.2f} R {other['recall']:.2f}  {english[key]['url'][:60]}")
    if args.titles:
        for key, title in titles:
            print(f"  {key[:12]} {title[:90]!r}  {english[key]['url'][:50]}")


if __name__ == "__main__":
    main()

"""Who said what: quizgen's quotes beside textacy's `direct_quotations`, on the same articles and spaCy model, in
one run. Prints figures, asserts nothing. Run from the project folder:

    .venv/bin/pip install textacy        # the peer, for this benchmark only (never a quizgen dependency)
    .venv/bin/python bench/quotes_bench.py [ARTICLES GOLD] [--errors] [--no-peer]

ARTICLES and GOLD default to PolNeAR's dev split (../shared/bench/polnear/dev/text and gold). Scoring is
`quizgen.scoring`'s, the benchmark's rule (../shared/bench/README.md): a gold quote is found when a quote holds half
of its words; the speaker is right when the surnames agree after titles are dropped. textacy runs per paragraph
(its rule gives up on a text with an odd number of quotation marks, and articles continue quotes over
paragraphs), on the plain model without quizgen's quote guard. Times are per article with the model loaded:
quizgen's whole extraction (every fact, not only quotes; its quote stage alone on the next line) against textacy's
parse plus its quote rule.
`--errors` lists quizgen's wrong speakers, quotes that match no gold quote, and missed gold quotes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizgen import api, scoring  # noqa: E402
from quizgen.model import FactSheet, Quote  # noqa: E402

DEV = ROOT.parent / "shared" / "bench" / "polnear" / "dev"


def _textacy_quotes(nlp, paragraphs: tuple[str, ...]) -> list[Quote]:
    from textacy.extract.triples import direct_quotations

    quotes: list[Quote] = []
    for doc in nlp.pipe(paragraphs):
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # an odd number of quotation marks: textacy declines the paragraph
            continue
        for speaker, _cue, content in triples:
            text = content.text.strip("“”\"' ")
            quotes.append(Quote(id=f"t{len(quotes)}", text=text, speaker=" ".join(t.text for t in speaker),
                                sentence=0))
    return quotes


def _run(pairs: list[tuple[Path, Path]], extract) -> scoring.FolderScore:
    cards: list[scoring.Scorecard] = []
    seconds = 0.0
    for article_path, gold_path in pairs:
        gold = scoring.load_gold(gold_path)
        article = api.read_article(article_path)
        started = time.perf_counter()
        facts = extract(article)
        seconds += time.perf_counter() - started
        cards.append(scoring.score(facts, gold))
    return scoring.FolderScore(tuple(cards), seconds)


def _peer(pairs: list[tuple[Path, Path]]) -> scoring.FolderScore | None:
    try:
        import spacy
        import textacy  # noqa: F401
    except ImportError:
        print("textacy is not installed: `.venv/bin/pip install textacy` to compare with it", file=sys.stderr)
        return None
    from quizgen.extract.nlp import installed_model_name

    nlp = spacy.load(installed_model_name())

    def extract(article) -> FactSheet:
        return FactSheet(title=article.title, slug="peer", sentences=(),
                         quotes=tuple(_textacy_quotes(nlp, article.paragraphs)))

    return _run(pairs, extract)


class _QuoteStageClock:
    """Times quizgen's quote stage alone (extract_quotes inside the pipeline), to show its share of the time."""

    def __init__(self) -> None:
        from quizgen.extract import pipeline

        self.pipeline, self.seconds = pipeline, 0.0
        self.inner = pipeline.extract_quotes

    def __enter__(self) -> _QuoteStageClock:
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return self.inner(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        self.pipeline.extract_quotes = timed
        return self

    def __exit__(self, *exc) -> None:
        self.pipeline.extract_quotes = self.inner


def _figures(result: scoring.FolderScore) -> dict[str, str]:
    kinds = result.quote_kinds()
    total = sum(kinds.values(), scoring.KindTally())
    quotes = next(c for c in result.totals() if c.name == "quotes with speaker")

    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:.1f}% ({part}/{whole})" if whole else "-"

    rows = {"quotations found (recall)": pct(total.found, total.gold),
            "found quotations with the right speaker": pct(total.right, total.found)}
    for kind, tally in kinds.items():
        rows[f"  speaker: {kind}"] = pct(tally.right, tally.found)
    rows["quote with right speaker: precision"] = pct(quotes.found_correct, quotes.found)
    rows["quote with right speaker: recall"] = pct(quotes.gold_found, quotes.gold)
    parts = sum(c.quote_parts for c in result.cards)
    rows["  precision, other parts of a right quotation apart"] = pct(quotes.found_correct, quotes.found - parts)
    rows["non-quotes taken as speech (gold not_quotes)"] = str(sum(len(c.non_quotes_taken) for c in result.cards))
    rows["time per article, model loaded"] = f"{result.per_article:.3f} s"
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", default=str(DEV / "text"))
    parser.add_argument("gold", nargs="?", default=str(DEV / "gold"))
    parser.add_argument("--errors", action="store_true", help="list quizgen's wrong and missed quotes")
    parser.add_argument("--no-peer", action="store_true", help="skip textacy")
    args = parser.parse_args()
    pairs = scoring.gold_pairs(Path(args.articles), Path(args.gold))
    api.extract_facts(api.read_article(pairs[0][0]))  # load the model before timing
    with _QuoteStageClock() as clock:
        ours = _run(pairs, api.extract_facts)
    peer = None if args.no_peer else _peer(pairs)
    mine, theirs = _figures(ours), _figures(peer) if peer else {}
    mine["  of which quizgen's quote stage"] = f"{clock.seconds / len(pairs):.4f} s"
    print(f"{len(pairs)} articles from {args.articles}")
    print(f"{'measure':46} {'quizgen':>22} {'textacy (per paragraph)':>24}")
    for name, value in mine.items():
        print(f"{name:46} {value:>22} {theirs.get(name, '-'):>24}")
    if args.errors:
        for card in ours.cards:
            quotes = card.category("quotes with speaker")
            for line in quotes.unsupported:
                print(f"WRONG  {card.article}: {line}")
            for line in quotes.missed:
                print(f"MISSED {card.article}: {line}")


if __name__ == "__main__":
    main()

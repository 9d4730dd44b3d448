"""Score extraction against hand-made gold files (the format of ../shared/gold/*.yaml, read by quizgen.goldfile).

Matching rules:
- quotes (the rule of ../shared/bench/README.md): a gold quote is *found* when a quizgen quote contains at least
  half of the words of its `text`; a found quote's speaker is *right* when, after dropping titles, honorifics,
  parentheses, possessives and "Jr."/"Sr.", the last word of quizgen's speaker equals the last word of `speaker` or
  of a `speaker_ok` entry, or one name's words contain the other's; a description with no `speaker_ok` is also
  right when quizgen's speaker shares its head noun. Precision counts quizgen quotes that match neither `quotes` nor
  `other_quotes` as wrong (and those matching only `other_quotes` not at all); recall is over `quotes`. Figures are
  also kept per `source_kind`;
- entities: a match on the name or an alias, with a type in the gold `type` list;
- numbers: a match on `value`, or on the words of `text` for amounts that are not numbers ("nearly a third");
- glosses: term and meaning (a parenthetical note in the gold meaning is ignored);
- key facts: a gold sentence among the extracted key sentences.
Precision counts what extraction found that the gold supports; gold files list what a teacher would pull out,
not every name, so entity and number precision is a lower bound.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizgen.errors import GoldFileError
from quizgen.goldfile import Gold, GoldQuote, read_gold
from quizgen.lang.en import table
from quizgen.model import FactSheet, Quote
from quizgen.textutil import normalize


@dataclass(frozen=True)
class CategoryScore:
    name: str
    found: int  # what extraction produced
    gold: int  # what the gold file lists
    found_correct: int  # found items the gold supports
    gold_found: int  # gold items extraction found
    missed: tuple[str, ...] = ()
    unsupported: tuple[str, ...] = ()

    @property
    def precision(self) -> float | None:
        """Share of what extraction found that the gold supports; None when it found nothing."""
        return self.found_correct / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        """Share of the gold items extraction found; None when the gold lists none."""
        return self.gold_found / self.gold if self.gold else None


@dataclass(frozen=True)
class KindTally:
    """Gold quotes of one source kind: how many, how many found, and found with the right speaker."""

    gold: int = 0
    found: int = 0
    right: int = 0

    def __add__(self, other: KindTally) -> KindTally:
        return KindTally(self.gold + other.gold, self.found + other.found, self.right + other.right)


@dataclass(frozen=True)
class Scorecard:
    article: str
    categories: tuple[CategoryScore, ...]
    checks: dict[str, bool] = field(default_factory=dict)  # title, byline, furniture dropped, no non-quote taken
    quote_kinds: dict[str, KindTally] = field(default_factory=dict)  # by gold source_kind ("name", "pronoun", …)
    non_quotes_taken: tuple[str, ...] = ()  # found quotes that are one of the gold's not_quotes
    # Found quotes that match no gold quote but share a paragraph and a speaker with one scored right: PolNeAR's
    # gold keeps one run of words per attribution ('“A,” he said. “B.”' lists only the longer of A and B), so these
    # are likely the attribution's other part. Counted wrong by the rule; reported apart so a reader can tell.
    quote_parts: int = 0

    def category(self, name: str) -> CategoryScore:
        """The card's score for the category `name` ("quotes with speaker", "key facts")."""
        return next(c for c in self.categories if c.name == name)


def key(text: str) -> str:
    """Compare text as a reader would: curly and straight quotes alike, case and edge punctuation ignored."""
    text = normalize(text).lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip(" .,!?;:'\"")


def load_gold(path: str | Path) -> Gold:
    """The gold file at `path` (GoldFileError, naming file, line and field, when it is malformed)."""
    return read_gold(path)


def score(facts: FactSheet, gold: Gold) -> Scorecard:
    """Extraction against `gold`: a score for each section the gold file has, the title, byline, furniture and
    non-quote checks, and quotes by source kind."""
    sentences = " ".join(s.text for s in facts.sentences)
    taken = tuple(q.text for q in facts.quotes if q.enabled and any(key(q.text) == key(p) for p in gold.not_quotes))
    checks = {
        "title": gold.title is None or key(facts.title) == key(gold.title),
        "byline": gold.title is None or key(facts.byline or "") == key(gold.byline or ""),
        "furniture dropped": not any(key(line) and key(line) in key(sentences)
                                     for line in gold.boilerplate if len(line.split()) > 1),
        "no non-quote taken as speech": not taken,
    }
    scorers = ((gold.quotes, _quotes), (gold.entities, _entities), (gold.numbers, _numbers),
               (gold.glosses, _glosses), (gold.key_facts, _key_facts))
    return Scorecard(
        article=gold.article or facts.title,
        categories=tuple(scorer(facts, gold) for section, scorer in scorers if section is not None),
        checks=checks,
        quote_kinds=_quote_kinds(facts, gold) if gold.quotes is not None else {},
        non_quotes_taken=taken,
        quote_parts=_quote_parts(facts, gold) if gold.quotes is not None else 0,
    )


# --- quotes: the benchmark's matching rule ---------------------------------------------------------------------

_TITLES = table("titles")
_DROPPED_TITLES = {w.lower() for w in (*_TITLES["honorifics"], *_TITLES["offices"])}
_SUFFIXES = {w.lower() for w in _TITLES["suffixes"]}
_ARTICLES = {"the", "a", "an"}
_HEAD_ENDS = {"of", "for", "at", "in", "with", "from", "on", "to", "who", "that", "which", "and", "or", "close"}


def _quote_words(text: str) -> list[str]:
    return re.findall(r"\w+(?:'\w+)*", key(text))


def quote_found(found_text: str, gold_text: str) -> bool:
    """The quote contains at least half of the gold text's words (counted with repeats)."""
    wanted = Counter(_quote_words(gold_text))
    have = Counter(_quote_words(found_text))
    return bool(wanted) and 2 * sum((wanted & have).values()) >= sum(wanted.values())


def name_words(speaker: str) -> list[str]:
    """A speaker's words for comparing: no parentheses, possessives, Jr./Sr., nor titles before a name; a name
    stops before its appositive ("Mr. McGinley, the law professor", "Mr. Morgan of the Sierra Club")."""
    text = re.sub(r"\([^)]*\)?", " ", normalize(speaker).replace("’", "'"))
    name = re.match(r"^((?:[A-Z][\w.'-]*\s*)+?)\s*(,|\bof\b|\bfrom\b|\bat\b|$)", text.strip())
    only_titles = name is not None and all(w.lower().rstrip(".") in _DROPPED_TITLES for w in name.group(1).split())
    if name and (name.group(2) == "," or not only_titles):
        # A capitalised name before its description ("Mr. King, 82,"); descriptions stay whole, and "Secretary
        # of State John Kerry" is not cut ("Secretary" is a title, not a name).
        text = name.group(1)
    text = re.sub(r"'s?\b", "", text)
    words = [w for w in re.findall(r"[\w-]+", text) if w.lower() not in _SUFFIXES]
    # "Sen. Tim Kaine", "the President Obama": a title before a name is not the name ("the director" stays).
    while len(words) > 1 and (words[0].lower() in _ARTICLES
                              or (words[0].lower() in _DROPPED_TITLES and words[0][0].isupper()
                              and words[1][0].isupper())):
        words = words[1:]
    return [w.lower() for w in words]


def _head_noun(description: str) -> str | None:
    """'a spokesman for the campaign' → 'spokesman'; 'The New York businessman' → 'businessman'."""
    words: list[str] = []
    for word in re.findall(r"[\w'-]+|,", normalize(description).lower()):
        if word == "," or word in _HEAD_ENDS:
            break
        words.append(word)
    return words[-1] if words else None


def speaker_right(found: str, expected: GoldQuote) -> bool:
    """quizgen's speaker `found` names the gold speaker (or a `speaker_ok`): same last word or one name inside the
    other; for a description with no `speaker_ok`, the same head noun will do."""
    mine = name_words(found)
    if not mine:
        return False
    for name in (expected.speaker, *expected.speaker_ok):
        theirs = name_words(name)
        if theirs and (mine[-1] == theirs[-1] or set(mine) <= set(theirs) or set(theirs) <= set(mine)):
            return True
    if expected.source_kind == "description" and not expected.speaker_ok:
        return _head_noun(expected.speaker) in set(re.findall(r"[\w'-]+", found.lower()))
    return False


@dataclass(frozen=True)
class _QuoteMatch:
    """Which gold quotes a found quote matches (found rule), and whether any of them has the same speaker."""

    matches: tuple[GoldQuote, ...]
    right: bool
    other: bool  # it matches one of other_quotes (real, not scored)


def _match(quote: Quote, gold: Gold) -> _QuoteMatch:
    matches = tuple(g for g in gold.quotes or () if quote_found(quote.text, g.text))
    return _QuoteMatch(matches, any(speaker_right(quote.speaker, g) for g in matches),
                       any(quote_found(quote.text, o) for o in gold.other_quotes))


def _quotes(facts: FactSheet, gold: Gold) -> CategoryScore:
    expected = gold.quotes or ()
    found = [q for q in facts.quotes if q.enabled]
    matched = [(q, _match(q, gold)) for q in found]
    scored = [(q, m) for q, m in matched if m.matches or not m.other]
    unsupported = tuple(f"{q.text} ({q.speaker})" + _gold_note(m.matches) for q, m in scored if not m.right)
    got = [w for w in expected if any(quote_found(q.text, w.text) and speaker_right(q.speaker, w) for q in found)]
    missed = tuple(f"{w.text} ({w.speaker}{_kind_note(w)})"
                   + ("" if any(quote_found(q.text, w.text) for q in found) else " [not found]")
                   for w in expected if w not in got)
    return CategoryScore("quotes with speaker", len(scored), len(expected), len(scored) - len(unsupported),
                         len(got), missed, unsupported)


def _quote_parts(facts: FactSheet, gold: Gold) -> int:
    paragraph = {s.index: s.paragraph for s in facts.sentences}
    matched = [(q, _match(q, gold)) for q in facts.quotes if q.enabled]
    right = {(paragraph.get(q.sentence), q.speaker) for q, m in matched if m.right}
    return sum(1 for q, m in matched
               if not m.matches and not m.other and (paragraph.get(q.sentence), q.speaker) in right)


def _kind_note(want: GoldQuote) -> str:
    if want.source_kind in {None, "name"}:
        return ""
    written = f" {want.source_as_written!r}" if want.source_as_written else ""
    return f"; {want.source_kind}{written}"


def _gold_note(matches: tuple[GoldQuote, ...]) -> str:
    """Why a found quote is wrong: the gold speaker it should have had, or no gold quote at all."""
    if not matches:
        return " [no such gold quote]"
    return f" [gold: {matches[0].speaker}{_kind_note(matches[0])}]"


def _quote_kinds(facts: FactSheet, gold: Gold) -> dict[str, KindTally]:
    found = [q for q in facts.quotes if q.enabled]
    kinds: dict[str, KindTally] = {}
    for want in gold.quotes or ():
        holders = [q for q in found if quote_found(q.text, want.text)]
        tally = KindTally(1, int(bool(holders)), int(any(speaker_right(q.speaker, want) for q in holders)))
        kind = want.source_kind or "name"
        kinds[kind] = kinds.get(kind, KindTally()) + tally
    return kinds


def _entities(facts: FactSheet, gold: Gold) -> CategoryScore:
    expected = gold.entities or ()
    found = [e for e in facts.entities if e.enabled]

    def right(entity, want) -> bool:
        names = {key(want.name), *(key(a) for a in want.aliases)}
        mine = {key(entity.name), *(key(a) for a in entity.aliases)}
        return bool(names & mine) and entity.type in want.type

    missed = tuple(f"{w.name} ({'/'.join(w.type)})" for w in expected if not any(right(e, w) for e in found))
    unsupported = tuple(f"{e.name} ({e.type})" for e in found if not any(right(e, w) for w in expected))
    return CategoryScore("entities with type", len(found), len(expected), len(found) - len(unsupported),
                         len(expected) - len(missed), missed, unsupported)


def _numbers(facts: FactSheet, gold: Gold) -> CategoryScore:
    expected = gold.numbers or ()
    found = [n for n in facts.numbers if n.enabled]

    def right(number, want) -> bool:
        if want.value is not None:
            return number.value is not None and abs(number.value - want.value) < 1e-9
        return key(want.text or "") in key(number.text)

    missed = tuple(str(w.text if w.text is not None else w.value) for w in expected
                   if not any(right(n, w) for n in found))
    unsupported = tuple(n.text for n in found if not any(right(n, w) for w in expected))
    return CategoryScore("numbers", len(found), len(expected), len(found) - len(unsupported),
                         len(expected) - len(missed), missed, unsupported)


def _glosses(facts: FactSheet, gold: Gold) -> CategoryScore:
    expected = gold.glosses or ()
    found = [g for g in facts.glosses if g.enabled]

    def right(gloss, want) -> bool:
        meaning = key(want.meaning.split(" (")[0])
        return key(gloss.term) == key(want.term) and key(gloss.meaning.split(" (")[0]) == meaning

    missed = tuple(f"{w.term} = {w.meaning}" for w in expected if not any(right(g, w) for g in found))
    unsupported = tuple(f"{g.term} = {g.meaning}" for g in found if not any(right(g, w) for w in expected))
    return CategoryScore("glosses", len(found), len(expected), len(found) - len(unsupported),
                         len(expected) - len(missed), missed, unsupported)


def _key_facts(facts: FactSheet, gold: Gold) -> CategoryScore:
    """Recall over every key sentence; precision over the top ones, as many as the gold lists."""
    expected = [key(text) for text in gold.key_facts or ()]
    text_of = {s.index: key(s.text) for s in facts.sentences}
    ranked = [text_of[k.sentence] for k in sorted((k for k in facts.key_sentences if k.enabled),
                                                  key=lambda k: -k.score)]

    def same(sentence: str, want: str) -> bool:
        # Gold key facts are often trimmed or lightly paraphrased: most of their words must be in the sentence.
        wanted = words(want)
        return want in sentence or len(wanted & words(sentence)) >= 0.75 * len(wanted)

    missed = tuple(w for w in expected if not any(same(s, w) for s in ranked))
    top = ranked[:len(expected)]
    unsupported = tuple(s for s in top if not any(same(s, w) for w in expected))
    return CategoryScore("key facts", len(top), len(expected), len(top) - len(unsupported),
                         len(expected) - len(missed), missed, unsupported)


def words(text: str) -> set[str]:
    """The words that matter in a sentence (for paraphrased gold key facts): longer than two letters, or digits."""
    return {w for w in re.findall(r"[\w'-]+", text) if len(w) > 2 or w.isdigit()}


def _table(categories: Sequence[CategoryScore]) -> str:
    def pct(value: float | None) -> str:
        return "     -" if value is None else f"{value * 100:5.1f}%"

    lines = [f"  {'category':20} {'found':>5} {'gold':>5} {'precision':>9} {'recall':>7}"]
    for c in categories:
        lines.append(f"  {c.name:20} {c.found:5} {c.gold:5} {pct(c.precision):>9} {pct(c.recall):>7}"
                     f"   ({c.found_correct}/{c.found} right, {c.gold_found}/{c.gold} found)")
    return "\n".join(lines)


def format_scorecard(card: Scorecard, verbose: bool = False) -> str:
    """The scorecard as text: the article, a table of categories, the checks; with `verbose`, each missed and
    unsupported item too."""
    lines = [card.article, _table(card.categories)]
    lines.append("  checks: " + ", ".join(f"{name} {'yes' if ok else 'NO'}" for name, ok in card.checks.items()))
    if verbose:
        for c in card.categories:
            lines.extend(f"  missed {c.name}: {m}" for m in c.missed)
            lines.extend(f"  not in gold {c.name}: {u}" for u in c.unsupported)
    return "\n".join(lines)


# --- a folder of articles against a folder of gold files ---------------------------------------------------------

@dataclass(frozen=True)
class FolderScore:
    """Scorecards of many articles, their totals, and the extraction time (model loaded) per article."""

    cards: tuple[Scorecard, ...]
    seconds: float

    @property
    def per_article(self) -> float:
        """Seconds of extraction per article (0.0 with no articles)."""
        return self.seconds / len(self.cards) if self.cards else 0.0

    def totals(self) -> tuple[CategoryScore, ...]:
        """Each category's counts summed over every article, categories in order of first appearance."""
        names = list(dict.fromkeys(c.name for card in self.cards for c in card.categories))
        return tuple(_sum(name, [c for card in self.cards for c in card.categories if c.name == name])
                     for name in names)

    def quote_kinds(self) -> dict[str, KindTally]:
        """Gold quotes by source kind, summed over all articles: name, description, pronoun, relative, then the rest."""
        kinds: dict[str, KindTally] = {}
        for card in self.cards:
            for kind, tally in card.quote_kinds.items():
                kinds[kind] = kinds.get(kind, KindTally()) + tally
        return dict(sorted(kinds.items(), key=lambda item: _KIND_ORDER.get(item[0], 9)))


_KIND_ORDER = {"name": 0, "description": 1, "pronoun": 2, "relative": 3}


def _sum(name: str, scores: list[CategoryScore]) -> CategoryScore:
    return CategoryScore(name, *(sum(getattr(s, f) for s in scores)
                                 for f in ("found", "gold", "found_correct", "gold_found")))


def gold_pairs(articles: Path, golds: Path) -> list[tuple[Path, Path]]:
    """(article, gold file) pairs: one pair for two files; for two folders, each gold file with the article its
    `article` key names (or that has its name), all checked before anything is extracted."""
    if not golds.is_dir():
        if articles.is_dir():
            raise GoldFileError(f"{articles}: is a folder; give a folder of gold files beside it")
        return [(articles, golds)]
    if not articles.is_dir():
        raise GoldFileError(f"{golds}: is a folder of gold files; give the folder of their articles first")
    pairs: list[tuple[Path, Path]] = []
    for gold_path in sorted(p for p in golds.iterdir() if p.suffix.lower() in {".yaml", ".yml"}):
        named = read_gold(gold_path).article
        candidates = [articles / named] if named else []
        candidates += sorted(p for p in articles.iterdir() if p.stem == gold_path.stem)
        article = next((p for p in candidates if p.is_file()), None)
        if article is None:
            raise GoldFileError(f"{gold_path}: no article {named or gold_path.stem!r} in {articles}")
        pairs.append((article, gold_path))
    if not pairs:
        raise GoldFileError(f"{golds}: no gold files (*.yaml) in this folder")
    return pairs


def score_paths(articles: Path, golds: Path, facts_for: Callable[[Path], FactSheet]) -> FolderScore:
    """Score one article (or facts file) against one gold file, or a folder against a folder.

    `facts_for` turns an article path into facts (api.load_facts); only its time is counted per article.
    """
    cards: list[Scorecard] = []
    seconds = 0.0
    for article, gold_path in gold_pairs(articles, golds):
        gold = read_gold(gold_path)
        started = time.perf_counter()
        facts = facts_for(article)
        seconds += time.perf_counter() - started
        cards.append(score(facts, gold))
    return FolderScore(tuple(cards), seconds)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "     -"


def format_kinds(kinds: dict[str, KindTally]) -> list[str]:
    """Gold quotes per source kind: found (recall), and right speaker among the found."""
    lines = [f"  {'source kind':12} {'gold':>5} {'found':>6} {'recall':>7} {'right':>6} {'right/found':>11}"]
    total = KindTally()
    for kind, tally in kinds.items():
        total += tally
        lines.append(f"  {kind:12} {tally.gold:5} {tally.found:6} {_pct(tally.found, tally.gold):>7} "
                     f"{tally.right:6} {_pct(tally.right, tally.found):>11}")
    lines.append(f"  {'all':12} {total.gold:5} {total.found:6} {_pct(total.found, total.gold):>7} "
                 f"{total.right:6} {_pct(total.right, total.found):>11}")
    return lines


def format_folder(result: FolderScore, verbose: bool = False) -> str:
    """One article: its scorecard. Several: totals per category, quotes by source kind, and failed checks."""
    if len(result.cards) == 1:
        card = result.cards[0]
        kinds = format_kinds(card.quote_kinds) if card.quote_kinds else []
        return "\n".join([format_scorecard(card, verbose), *kinds])
    lines = [f"{len(result.cards)} articles, {result.per_article:.3f} s extraction per article (model loaded)"]
    lines.append(_table(result.totals()))
    kinds = result.quote_kinds()
    if kinds:
        lines.extend(format_kinds(kinds))
    for name in result.cards[0].checks:
        failed = [c.article for c in result.cards if not c.checks.get(name, True)]
        lines.append(f"  check {name}: {len(result.cards) - len(failed)}/{len(result.cards)}"
                     + (f" (not in {', '.join(failed[:5])}{' …' if len(failed) > 5 else ''})" if failed else ""))
    if verbose:
        lines.extend(format_scorecard(card, verbose=True) for card in result.cards)
    return "\n".join(lines)

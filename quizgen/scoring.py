"""Score extraction against a hand-made gold file (the format of ../shared/gold/*.yaml).

Matching rules, as the gold files state them:
- quotes: a found quote matches when it contains the gold `text` (quote marks and whitespace normalised) and its
  speaker is the gold `speaker` or one of `speaker_ok`;
- entities: a match on the name or an alias, with a type in the gold `type` list;
- numbers: a match on `value`, or on the words of `text` for amounts that are not numbers ("nearly a third");
- glosses: term and meaning (a parenthetical note in the gold meaning is ignored);
- key facts: a gold sentence among the extracted key sentences.
Precision counts what extraction found that the gold supports; gold files list what a teacher would pull out,
not every name, so entity and number precision is a lower bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizgen.errors import FactsFileError
from quizgen.model import FactSheet
from quizgen.textutil import normalize
from quizgen.yamlio import load_yaml


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
        return self.found_correct / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.gold_found / self.gold if self.gold else None


@dataclass(frozen=True)
class Scorecard:
    article: str
    categories: tuple[CategoryScore, ...]
    checks: dict[str, bool] = field(default_factory=dict)  # title, byline, furniture dropped, no non-quote taken

    def category(self, name: str) -> CategoryScore:
        return next(c for c in self.categories if c.name == name)


def key(text: str) -> str:
    """Compare text as a reader would: curly and straight quotes alike, case and edge punctuation ignored."""
    text = normalize(text).lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip(" .,!?;:'\"")


def load_gold(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), str(path))
    except OSError as err:
        raise FactsFileError(f"{path}: cannot read gold file ({err.strerror or err})") from None
    if not isinstance(data, dict):
        raise FactsFileError(f"{path}: a gold file is a mapping with quotes, entities, numbers, glosses, key_facts")
    for name in ("quotes", "entities", "numbers", "glosses", "key_facts", "not_quotes"):
        if not isinstance(data.get(name, []), list):
            raise FactsFileError(f"{path}: {name} must be a list")
    return data


def score(facts: FactSheet, gold: dict[str, Any]) -> Scorecard:
    sentences = " ".join(s.text for s in facts.sentences)
    checks = {
        "title": key(facts.title) == key(gold.get("title", facts.title)),
        "byline": key(facts.byline or "") == key(gold.get("byline") or ""),
        "furniture dropped": not any(key(line) and key(line) in key(sentences)
                                     for line in gold.get("boilerplate", []) if len(line.split()) > 1),
        "no non-quote taken as speech": not any(key(q.text) == key(phrase)
                                                for q in facts.quotes for phrase in gold.get("not_quotes", [])),
    }
    return Scorecard(
        article=gold.get("article", facts.title),
        categories=(_quotes(facts, gold), _entities(facts, gold), _numbers(facts, gold), _glosses(facts, gold),
                    _key_facts(facts, gold)),
        checks=checks,
    )


def _speakers(expected: dict[str, Any]) -> set[str]:
    return {key(expected["speaker"]), *(key(s) for s in expected.get("speaker_ok", []))}


def _quotes(facts: FactSheet, gold: dict[str, Any]) -> CategoryScore:
    expected = gold.get("quotes", [])
    found = [q for q in facts.quotes if q.enabled]

    def right(quote, want) -> bool:
        return key(want["text"]) in key(quote.text) and key(quote.speaker) in _speakers(want)

    missed = tuple(f"{w['text']} ({w['speaker']})" for w in expected if not any(right(q, w) for q in found))
    unsupported = tuple(f"{q.text} ({q.speaker})" for q in found if not any(right(q, w) for w in expected))
    return CategoryScore("quotes with speaker", len(found), len(expected), len(found) - len(unsupported),
                         len(expected) - len(missed), missed, unsupported)


def _entities(facts: FactSheet, gold: dict[str, Any]) -> CategoryScore:
    expected = gold.get("entities", [])
    found = [e for e in facts.entities if e.enabled]

    def right(entity, want) -> bool:
        names = {key(want["name"]), *(key(a) for a in want.get("aliases", []))}
        mine = {key(entity.name), *(key(a) for a in entity.aliases)}
        types = want["type"] if isinstance(want["type"], list) else [want["type"]]
        return bool(names & mine) and entity.type in types

    missed = tuple(f"{w['name']} ({'/'.join(w['type'])})" for w in expected if not any(right(e, w) for e in found))
    unsupported = tuple(f"{e.name} ({e.type})" for e in found if not any(right(e, w) for w in expected))
    return CategoryScore("entities with type", len(found), len(expected), len(found) - len(unsupported),
                         len(expected) - len(missed), missed, unsupported)


def _numbers(facts: FactSheet, gold: dict[str, Any]) -> CategoryScore:
    expected = gold.get("numbers", [])
    found = [n for n in facts.numbers if n.enabled]

    def right(number, want) -> bool:
        if want.get("value") is not None:
            return number.value is not None and abs(number.value - float(want["value"])) < 1e-9
        return key(want["text"]) in key(number.text)

    missed = tuple(str(w.get("text", w.get("value"))) for w in expected if not any(right(n, w) for n in found))
    unsupported = tuple(n.text for n in found if not any(right(n, w) for w in expected))
    return CategoryScore("numbers", len(found), len(expected), len(found) - len(unsupported),
                         len(expected) - len(missed), missed, unsupported)


def _glosses(facts: FactSheet, gold: dict[str, Any]) -> CategoryScore:
    expected = gold.get("glosses", [])
    found = [g for g in facts.glosses if g.enabled]

    def right(gloss, want) -> bool:
        meaning = key(want["meaning"].split(" (")[0])
        return key(gloss.term) == key(want["term"]) and key(gloss.meaning.split(" (")[0]) == meaning

    missed = tuple(f"{w['term']} = {w['meaning']}" for w in expected if not any(right(g, w) for g in found))
    unsupported = tuple(f"{g.term} = {g.meaning}" for g in found if not any(right(g, w) for w in expected))
    return CategoryScore("glosses", len(found), len(expected), len(found) - len(unsupported),
                         len(expected) - len(missed), missed, unsupported)


def _key_facts(facts: FactSheet, gold: dict[str, Any]) -> CategoryScore:
    """Recall over every key sentence; precision over the top ones, as many as the gold lists."""
    expected = [key(text) for text in gold.get("key_facts", [])]
    text_of = {s.index: key(s.text) for s in facts.sentences}
    ranked = [text_of[k.sentence] for k in sorted((k for k in facts.key_sentences if k.enabled),
                                                  key=lambda k: -k.score)]

    def same(sentence: str, want: str) -> bool:
        # Gold key facts are often trimmed or lightly paraphrased: most of their words must be in the sentence.
        words = _words(want)
        return want in sentence or len(words & _words(sentence)) >= 0.75 * len(words)

    missed = tuple(w for w in expected if not any(same(s, w) for s in ranked))
    top = ranked[:len(expected)]
    unsupported = tuple(s for s in top if not any(same(s, w) for w in expected))
    return CategoryScore("key facts", len(top), len(expected), len(top) - len(unsupported),
                         len(expected) - len(missed), missed, unsupported)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'-]+", text) if len(w) > 2 or w.isdigit()}


def format_scorecard(card: Scorecard, verbose: bool = False) -> str:
    def pct(value: float | None) -> str:
        return "   -" if value is None else f"{value * 100:3.0f}%"

    lines = [card.article, f"  {'category':20} {'found':>5} {'gold':>5} {'precision':>9} {'recall':>7}"]
    for c in card.categories:
        lines.append(f"  {c.name:20} {c.found:5} {c.gold:5} {pct(c.precision):>9} {pct(c.recall):>7}"
                     f"   ({c.found_correct}/{c.found} right, {c.gold_found}/{c.gold} found)")
    lines.append("  checks: " + ", ".join(f"{name} {'yes' if ok else 'NO'}" for name, ok in card.checks.items()))
    if verbose:
        for c in card.categories:
            lines.extend(f"  missed {c.name}: {m}" for m in c.missed)
            lines.extend(f"  not in gold {c.name}: {u}" for u in c.unsupported)
    return "\n".join(lines)

"""False statements that turn one word of a key fact into its opposite: "stand down before the election" → "after
the election", "far lower than" → "far higher than", "welcomed the ruling" → "criticised the ruling".

A story's main point is often its timing, its direction or a reaction rather than a name, and a lede's names are
usually the headline's own, so no safe name swap exists for it. Each rule below turns down one way such a change
goes wrong (true after all, nonsense, answered by the headline); the word lists are in lang/en/data/contrasts.yaml.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from quizgen.generate.rules import first_reason
from quizgen.lang import en as lang_en
from quizgen.templates import a_an

_FIGURE = re.compile(r"\d")
_CATEGORIES = ("timing", "comparison", "movement", "judgement", "reaction", "decision", "outcome")
_THAN_WITHIN = 3  # words after a judgement word in which "than" must come


@dataclass(frozen=True)
class Contrast:
    """One word of a sentence that could be turned into its opposite, with what the rules need to judge it."""

    word: str  # as written in the sentence
    opposite: str  # what replaces it, the first letter's case kept
    category: str  # one of _CATEGORIES
    start: int  # where the word starts in `text`
    text: str  # the sentence
    title: str  # the article's headline
    figures: tuple[str, ...] = ()  # the article's figures in this sentence, as written

    @property
    def before(self) -> str:
        return self.text[:self.start]

    @property
    def after(self) -> str:
        return self.text[self.start + len(self.word):]

    @property
    def statement(self) -> str:
        return self.before + self.opposite + self.after


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    return lang_en.table("contrasts")


@functools.lru_cache(maxsize=1)
def _opposites() -> dict[str, tuple[str, str]]:
    """Every contrast word (lower case) → (its opposite, its category)."""
    table = _table()
    return {word: (opposite, category) for category in _CATEGORIES
            for word, opposite in table[category].items()}


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = sorted(_opposites(), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w'’-])", re.IGNORECASE)


def _with_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def contrasts_in(text: str, title: str, figures: tuple[str, ...] = ()) -> list[Contrast]:
    """Every contrast word of the sentence, in reading order."""
    found = []
    for m in _pattern().finditer(text):
        opposite, category = _opposites()[m.group(1).lower()]
        if opposite == "less than" and _counted_after(text[m.end():]):
            opposite = "fewer than"  # 'more than 200 organisations' → 'fewer than', never 'less than 200 …'
        found.append(Contrast(m.group(1), _with_case(opposite, m.group(1)), category, m.start(), text, title,
                              figures))
    return found


def _counted_after(after: str) -> bool:
    """' 200 organisations', ' 1,000 people': a whole number of things, which English counts with 'fewer'."""
    m = re.match(r"\s+(?:about\s+|some\s+)?\d[\d,]*((?:\s+[a-z]+){1,3})", after)
    return m is not None and any(w.endswith("s") or w in _table()["plural_nouns"] for w in m.group(1).split())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+n['’]t|[a-z]+|\d[\d,.]*", text.lower())


# --- rules: each says why this word may not be turned round, or None --------------------------------------------


def _in_headline(c: Contrast) -> str | None:
    """The headline prints the word (or its opposite): the title answers the statement."""
    title = set(_words(c.title))
    forms = _table()["word_forms"]
    said = {*_words(c.word), *_words(c.opposite)}
    said |= {f for w in list(said) for f in forms.get(w, ())}
    if set(_words(c.word)) <= title or set(_words(c.opposite)) <= title or said & title:
        return f"'{c.word}': the headline says which way it went"
    return None


def _under_negation(c: Contrast) -> str | None:
    """'no longer', 'did not rise': turned round under a negation, the sentence may be true or nonsense."""
    negations = set(_table()["negations"])
    if any(w in negations or w.endswith(("n't", "n’t")) for w in _words(c.text)):
        return f"'{c.word}': the sentence holds a negation, so the turned statement may still be true"
    return None


def _both_sides(c: Contrast) -> str | None:
    """'ended before it began after a crash': the opposite is already in the sentence; turned round, it reads as
    a muddle, not a clear falsehood."""
    if re.search(rf"(?<![\w'’-]){re.escape(c.opposite)}(?![\w'’-])", c.text, re.IGNORECASE):
        return f"'{c.word}': the sentence already says '{c.opposite}'"
    return None


def _in_quotation(c: Contrast) -> str | None:
    """Changing a speaker's quoted words puts words in their mouth."""
    if (c.before.count('"') + c.before.count("“") - c.before.count("”")) % 2 == 1 or (
            c.before.count("“") > c.before.count("”")):
        return f"'{c.word}': inside a quotation"
    return None


def _fixed_phrase(c: Contrast) -> str | None:
    """'named after', 'ever before', 'after all', 'higher education', 'the lower house': the word is part of a
    phrase with no opposite."""
    previous = _words(c.before)[-1:]
    following = _words(c.after)[:1]
    table = _table()
    if c.category == "timing" and (set(previous) & set(table["fixed_before"]) or
                                   set(following) & set(table["fixed_after"])):
        return f"'{c.word}': part of a fixed phrase"
    if c.category in {"comparison", "judgement"} and set(following) & set(table["comparison_fixed_after"]):
        return f"'{c.word}': part of a fixed phrase"
    if c.word.lower() in table["of_only"] and following != ["of"]:
        return f"'{c.word}': not a share of something ('of' does not follow)"
    if previous and previous == following:
        return f"'{c.word}': part of a fixed phrase ('mistake {c.word.lower()} mistake')"
    return None


def _span_of_time(c: Contrast) -> str | None:
    """'after only one year', 'after two seasons': a length of time, not an order of events; 'before two
    seasons' is nonsense."""
    following = _words(c.after)[:2]
    if c.category == "timing" and any(_FIGURE.match(w) or w in _table()["not_an_event"] for w in following):
        return f"'{c.word}': a span of time follows, not an event"
    return None


def _presupposed(c: Contrast) -> str | None:
    """'retired before returning to the sport' → 'after returning': the second event presupposes the first, so
    the turned statement contradicts itself."""
    if c.category == "timing" and set(_words(c.after)[:1]) & set(_table()["presupposing"]):
        return f"'{c.word}': the event after it presupposes the one before, so turned round it contradicts itself"
    return None


def _cause_and_consequence(c: Contrast) -> str | None:
    """'Better fuel efficiency ... mean that the plane can connect any two cities': with its cause turned round,
    the sentence contradicts its own consequence, false without reading."""
    if c.category in {"comparison", "movement", "judgement"} and set(_words(c.text)) & set(_table()["causal"]):
        return f"'{c.word}': the sentence ties it to a cause or consequence, which turned round it contradicts"
    return None


def _figure_follows(c: Contrast) -> bool:
    return bool(_FIGURE.search(c.after)) or any(f in c.after for f in c.figures)


def _movement_without_figure(c: Contrast) -> str | None:
    """'rose to prominence', 'underpin the company's profits': a rise or fall, a profit or a surplus is a fact to
    test only when the figure follows it."""
    if c.category == "movement" and not _figure_follows(c):
        return f"'{c.word}': no figure follows, so it is an idiom or a season, not a change"
    return None


def _judgement_without_than(c: Contrast) -> str | None:
    """'better than expected' turns round; 'an urgent need for better funding' turned into 'worse funding' is
    nonsense, false without reading."""
    if c.category == "judgement" and "than" not in _words(c.after)[:_THAN_WITHIN]:
        return f"'{c.word}': no 'than' follows, so turned round it reads as nonsense"
    return None


def _than_without_figure(c: Contrast) -> str | None:
    """'more than a year' is a fact only when a figure follows ('more than 500')."""
    if c.word.lower().endswith(" than") and not _figure_follows(c):
        return f"'{c.word}': no figure follows"
    return None


def _computable(c: Contrast) -> str | None:
    """'$8bn - less than half of the $20bn': with two figures in the sentence, arithmetic settles a changed
    comparison or direction without the article."""
    if c.category in {"comparison", "movement", "judgement"} and len(set(c.figures)) >= 2:
        return f"'{c.word}': two figures in the sentence settle it by arithmetic"
    return None


def _phrasal_verb(c: Contrast) -> str | None:
    """'backed down', 'backed off': a phrasal verb, whose opposite is not 'opposed down'."""
    if c.category == "reaction" and set(_words(c.after)[:1]) & set(_table()["phrasal_after"]):
        return f"'{c.word}': part of a phrasal verb"
    return None


def _reaction_quoted(c: Contrast) -> str | None:
    """'X praised Sanders, calling it "an incredible feat"': the reaction's own words are in the sentence, so the
    turned statement ('criticised …, calling it "an incredible feat"') is false on its face."""
    if c.category == "reaction" and re.search(r"[\"“”]", c.after):
        return f"'{c.word}': the sentence quotes the reaction, which settles it"
    return None


_HOSTING_WITHIN = 5  # words after 'welcomed' in which 'to'/'into' shows a welcome to a place


def _welcome_as_host(c: Contrast) -> str | None:
    """'welcomed the former president to his new club' is hosting: 'criticised the president to his club' is
    nonsense. 'welcomed the decision' turns round."""
    if c.word.lower() in _table()["hosting_words"] and set(_words(c.after)[:_HOSTING_WITHIN]) & set(
            _table()["hosting_after"]):
        return f"'{c.word}': a welcome to a place (hosting), which has no opposite"
    return None


_BODY_WITHIN = 4  # words after 'before' in which a court, a committee or an audience shows 'in front of'


def _before_a_body(c: Contrast) -> str | None:
    """'cases before the Supreme Court', 'testified before a committee': in front of, not earlier than."""
    following = _words(c.after)[:_BODY_WITHIN]
    if c.word.lower() == "before" and set(following) & set(_table()["before_a_body"]):
        return f"'{c.word}': in front of a court or a body, not a time"
    return None


def _outcome_without_the(c: Contrast) -> str | None:
    """'won the election' turns round; 'won 6-2', 'won approval for' or 'lost his way' do not."""
    if c.category == "outcome" and _words(c.after)[:1] != ["the"]:
        return f"'{c.word}': not a contest won or lost ('the' does not follow)"
    return None


def _article_disagrees(c: Contrast) -> str | None:
    """'an approved plan' → 'an rejected plan': the article before the word would no longer fit."""
    previous = _words(c.before)[-1:]
    if previous in (["a"], ["an"]) and a_an(c.opposite).split()[0] != previous[0]:
        return f"'{c.word}': 'a'/'an' before it would not fit '{c.opposite}'"
    return None


CONTRAST_RULES: tuple[Callable[[Contrast], str | None], ...] = (
    _in_headline, _under_negation, _both_sides, _in_quotation, _fixed_phrase, _span_of_time, _presupposed,
    _movement_without_figure, _judgement_without_than, _than_without_figure, _computable, _cause_and_consequence,
    _phrasal_verb, _welcome_as_host, _reaction_quoted, _before_a_body, _outcome_without_the, _article_disagrees)


def contrast_problem(c: Contrast) -> str | None:
    """Why this word may not be turned into its opposite, or None."""
    return first_reason(CONTRAST_RULES, c)


def contrasted(text: str, title: str, figures: tuple[str, ...] = ()) -> tuple[str | None, list[str]]:
    """The sentence with its first acceptable contrast word turned round (None when there is none), and the
    reasons the others were turned down."""
    reasons = []
    for c in contrasts_in(text, title, figures):
        if (reason := contrast_problem(c)) is None:
            return c.statement, reasons
        reasons.append(reason)
    return None, reasons


def has_contrast_word(text: str) -> bool:
    """A cheap first look: does the sentence hold any contrast word at all?"""
    return _pattern().search(text) is not None

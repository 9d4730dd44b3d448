"""Key sentences: what a student should remember, ranked, with the spans in each worth blanking."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from quizgen.extract.entities import clean_name
from quizgen.extract.negation import negated_sentence
from quizgen.extract.parsed import SPEECH_VERBS, ParsedArticle, doc_text, quote_spans
from quizgen.lang.en import table
from quizgen.model import Entity, KeySentence, NumberFact
from quizgen.textutil import stable_id, word_count

_WEAK_START = re.compile(r"^(?:He|She|They|It|This|That|These|Those|Then|But|And|So|Now)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|my|us)\b")
# "He then emerged as an artist …": no name to blank, but the generator may print the name "he" stands for (and swap
# it in a false statement), so the sentence is kept with no spans.
_PERSON_OPENING = re.compile(r"^(?:(?:But|And|So)\s+)?(?:He|She)\s+[a-z]")


# What SCORE_RULES add to a key sentence on average (measured on the development sample): taken off again, so the
# rules rank key sentences among themselves without making them weigh more against figures and quotations.
_TYPICAL_LIFT = 0.6
_STORY_PARAGRAPHS = 6  # the lede and the paragraphs after it: the story's key facts, kept before any later one


def extract_key_sentences(parsed: ParsedArticle, entities: list[Entity], lookup: dict[str, str],
                          numbers: list[NumberFact], limit: int = 24) -> list[KeySentence]:
    """The `limit` best sentences to blank, in article order, each with the names and numbers worth blanking.

    A sentence qualifies when it is a statement of 8-45 words, mostly not quotation, names something the extractor
    kept or opens with "he"/"she" (which the generator may replace by a name), and is neither a list of names met
    in passing nor the words of a commentator named once (NOT_KEY_RULES). It is ranked by how many entities and
    numbers it holds and how early it comes, then by the SCORE_RULES (headline words, the opening paragraph, the
    story's actors, a decision or reason; a sentence naming only people met once in passing ranks lower).
    Sentences of the first six paragraphs are kept before any later one, so a long article's lede is never crowded
    out.
    """
    by_id = {e.id: e for e in entities}
    misspelt = _misspelt_names(parsed)
    story = _story_of(parsed, entities)
    numbers_in: dict[int, list[NumberFact]] = {}
    for n in numbers:
        numbers_in.setdefault(n.sentence, []).append(n)
    ranked: list[tuple[bool, KeySentence]] = []
    total = max(1, len(parsed.sentences))
    for sent, span in zip(parsed.sentences, parsed.spans, strict=True):
        if not _is_statement(sent.text, span) or any(t.text in misspelt for t in span):
            continue
        sentence_numbers = numbers_in.get(sent.index, [])
        names = _named_answers(sent.text, span, lookup, by_id)
        answers = list(names.values()) + [n.text for n in sentence_numbers if n.text in sent.text]
        if not answers and not _PERSON_OPENING.match(sent.text):
            continue
        view = _Candidate(sent.text, span, sent.paragraph, tuple(by_id[i] for i in names), len(sentence_numbers),
                          story)
        if any(rule(view) for rule in NOT_KEY_RULES):
            continue
        score = _score(sent.text, sent.index / total, len(names), len(sentence_numbers))
        score += sum(rule(view) for rule in SCORE_RULES) - _TYPICAL_LIFT
        ranked.append((sent.paragraph >= _STORY_PARAGRAPHS,
                       KeySentence(id=f"k-{stable_id(sent.text, length=8)}", sentence=sent.index,
                                   score=round(score, 3), answers=tuple(answers),
                                   negated=negated_sentence(span, sent.text))))
    ranked.sort(key=lambda r: (r[0], -r[1].score, r[1].sentence))
    return sorted((k for _, k in ranked[:limit]), key=lambda k: k.sentence)


# --- what carries the story: rules over one candidate sentence ---------------------------------------------------

@dataclass(frozen=True)
class _Story:
    """What the whole article says the story is: the headline's words and the people and things it is about."""

    headline_stems: frozenset[str]
    actors: frozenset[str]  # entity ids named in the headline or the opening paragraph, or named three times


@dataclass(frozen=True)
class _Candidate:
    """One sentence as the key-sentence rules see it."""

    text: str
    span: Span
    paragraph: int
    named: tuple[Entity, ...]  # the entities whose names it would blank
    number_count: int
    story: _Story


_ACTOR_MENTIONS = 3  # named this often, a person or body is one the story is about, wherever first named


def _story_of(parsed: ParsedArticle, entities: list[Entity]) -> _Story:
    title = parsed.article.title or ""
    opening = " ".join([title, *(s.text for s in parsed.sentences if s.paragraph == 0)])
    actors = frozenset(e.id for e in entities if e.mentions >= _ACTOR_MENTIONS
                       or any(_names_in(n, opening) for n in e.names if len(n) > 2))
    return _Story(frozenset(_stem(w) for w in _content_words(title)), actors)


def _names_in(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if len(w) > 2 and w not in STOP_WORDS]


def _stem(word: str) -> str:
    """A crude stem, enough to meet 'cuts' in 'cut' and 'emotional' in 'emotion': a plural or tense ending off,
    then six letters."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[:-len(ending)]
            break
    return word[:6]


@functools.lru_cache(maxsize=1)
def _story_cues() -> re.Pattern[str]:
    cues = sorted(table("key_sentences")["story_cues"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w-])")


@functools.lru_cache(maxsize=1)
def _list_joiners() -> frozenset[str]:
    return frozenset(table("key_sentences")["list_joiners"])


_LIST_LENGTH = 3  # names in a row joined by commas and "and": a list, not a fact about one of them
# Kinds of name a list of incidental names is made of (a list of countries is often the story: who signed, who
# loses jobs).
_LISTED_KINDS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC"})


def _list_of_names(c: _Candidate) -> bool:
    """'… beat Ana Ruiz, The Lanterns and Kit Moore to the prize': three or more names in a row joined only by
    commas, 'and' or 'or' (quotation marks and a 'the' between them aside), two or more of them met only in passing
    (a list of the story's own actors is kept). In a sentence of nominees or rivals ('were also nominated', 'beat',
    'other nominees') one name met in passing is enough: the losers of an awards story are often named twice. A
    true/false statement on it swaps one name of a list a student need not remember."""
    rivals = _list_cues().search(c.text) is not None
    if sum(_passing(e, c.story) for e in c.named) < (1 if rivals else 2):
        return False
    run = 1
    for before, after in itertools.pairwise(_name_chunks(c.span, with_places=rivals)):
        run = run + 1 if _list_joint(c.span.doc[before[1]:after[0]].text) else 1
        if run >= _LIST_LENGTH:
            return True
    return False


@functools.lru_cache(maxsize=1)
def _list_cues() -> re.Pattern[str]:
    cues = sorted(table("key_sentences")["list_cues"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w-])", re.I)


def _list_joint(between: str) -> bool:
    """'", "', ', and the ', ' and ': what stands between two names of a list, quotation marks and a 'the' aside."""
    bare = re.sub(r"[\"“”‘’']", " ", between)
    bare = re.sub(r"\b[Tt]he\s*$", "", bare.strip()).strip()
    return re.sub(r"\s+", " ", bare) in _list_joiners()


def _name_chunks(span: Span, with_places: bool = False) -> list[tuple[int, int]]:
    """(start, end) token offsets of the names in a sentence: the tagger's names of the listed kinds (a name it read
    across a comma or 'and', 'Usher, Beyonce', split there), names of another kind that are all proper nouns
    ('Green Day' read as a date), and runs of proper nouns it left untagged ('Ana Ruiz' between two tagged
    names, 'Maroon 5'); never a group ('Republicans'). A place it tagged only `with_places` (rivals beaten, where
    a band may be read as a place): elsewhere a list of places is often the story."""
    chunks = [piece for e in span.ents if _a_listed_name(e, with_places) for piece in _split_at_joiners(e)]
    return sorted([*chunks, *_untagged_runs(span)])


def _a_listed_name(ent: Span, with_places: bool) -> bool:
    """A tagged name that may stand in a list: of a listed kind, or all proper nouns (not a group, a place only
    `with_places`)."""
    if ent.label_ in _LISTED_KINDS:
        return True
    return all(t.pos_ in {"PROPN", "DET"} for t in ent) and ent.label_ not in _NOT_NAMES and (
        with_places or ent.label_ not in _PLACE_KINDS)


def _untagged_runs(span: Span) -> list[tuple[int, int]]:
    """Runs of proper nouns (a number may end one: 'Maroon 5') the tagger left out of every name."""
    covered = {i for e in span.ents for i in range(e.start, e.end)}
    runs, start = [], None
    for token in [*span, None]:
        proper = token is not None and token.i not in covered and (
            token.pos_ == "PROPN" or (start is not None and token.like_num))
        if proper and start is None:
            start = token.i
        elif not proper and start is not None:
            runs.append((start, token.i if token is not None else span.end))
            start = None
    return runs


_PLACE_KINDS = frozenset({"GPE", "LOC"})
# Groups ('Republicans, Reid Ribble and Glenn Grothman' names two people, not three names): never a list's name.
_NOT_NAMES = frozenset({"NORP"})


def _split_at_joiners(ent: Span) -> list[tuple[int, int]]:
    """'Usher, Beyonce and' read as one name: the names between its commas and 'and's. A name with an ampersand is
    one firm's or fund's ('Bill, Hillary & Chelsea Clinton Foundation', 'Marks & Spencer') and stays whole."""
    if any(t.text == "&" for t in ent):
        return [(ent.start, ent.end)]
    pieces, start = [], ent.start
    for token in ent:
        if token.text in _list_joiners():
            if start < token.i:
                pieces.append((start, token.i))
            start = token.i + 1
    if start < ent.end:
        pieces.append((start, ent.end))
    return pieces


def _passing(entity: Entity, story: _Story) -> bool:
    """Met once in passing: named once, outside the headline and the opening paragraph."""
    return entity.mentions < 2 and entity.id not in story.actors


@functools.lru_cache(maxsize=1)
def _onlooker_nouns() -> frozenset[str]:
    """Posts of people asked to comment on a story, and members of the public asked along the way."""
    roles, matching = table("roles"), table("matching_roles")
    return frozenset(w.lower() for w in (*roles["commentator_nouns"], *matching["comment_posts"],
                                         *matching["bystander_nouns"]))


def _onlooker(entity: Entity) -> bool:
    """A person with no role, or a commentator's or bystander's ('an analyst at …', 'a fan'); not one who speaks
    for a party to the story ('the guild's chair')."""
    if entity.type != "PERSON":
        return False
    if entity.description is None:
        return True
    # The role's head noun: its last word before 'of/at/for …', 'from …' or 'who …' ('a local musician' → musician).
    head = re.split(r"[,;]|\s(?:of|at|for|on|with|in|to|from|who|whose|which|that)\s", entity.description.lower())[0]
    words = head.split()
    return bool(words) and words[-1].strip(".'’") in _onlooker_nouns()


def _passing_voice(c: _Candidate) -> bool:
    """'Analyst Jo Marsh said the result was no surprise': the words of a commentator (or a person with no role)
    named once in passing, in a sentence with no figure and no other name of the story. A verbatim reaction of a
    peripheral voice is not a fact to remember."""
    return any(_onlooker(e) for e in c.named) and not c.number_count and all(
        _passing(e, c.story) for e in c.named) and any(
        t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in c.span)


# A sentence for which any rule says True is not a key sentence.
NOT_KEY_RULES: tuple[Callable[[_Candidate], bool], ...] = (_list_of_names, _passing_voice)


def _headline_words(c: _Candidate) -> float:
    """Shares words with the headline: it tells what the headline announces (+0.5 a word, at most +1.5). Common
    words only ('cuts', 'alliance'): the names the headline shares are the story's actors, counted apart, and a
    story about two countries names them in nearly every sentence."""
    common = " ".join(t.text for t in c.span if t.text[:1].islower())
    stems = {_stem(w) for w in _content_words(common)}
    return 0.5 * min(3, len(stems & c.story.headline_stems))


def _opening_paragraph(c: _Candidate) -> float:
    """The lede paragraph states the story."""
    return 1.0 if c.paragraph == 0 else 0.0


def _names_an_actor(c: _Candidate) -> float:
    """Names a person or body the story is about (in the headline or lede, or named three times)."""
    return 0.5 if any(e.id in c.story.actors for e in c.named) else 0.0


def _decision_or_reason(c: _Candidate) -> float:
    """Tells what someone decided or did, or why ('because', 'as a result')."""
    return 0.5 if _story_cues().search(c.text.lower()) else 0.0


def _only_passing_names(c: _Candidate) -> float:
    """Every name in it is met once in passing, none the story's (an exhibit's owner, a commentator asked once):
    a peripheral detail, ranked lower."""
    if c.named and all(_passing(e, c.story) for e in c.named):
        return -1.5
    return 0.0


# Each adds to (or takes from) a sentence's score.
SCORE_RULES: tuple[Callable[[_Candidate], float], ...] = (_headline_words, _opening_paragraph, _names_an_actor,
                                                          _decision_or_reason, _only_passing_names)


def _misspelt_names(parsed: ParsedArticle) -> frozenset[str]:
    """Capitalised words the article writes more often with two neighbouring letters the other way round ('Untied
    Nations' beside 'United Nations'): the source's typo, which an item would copy. Never corrected, only avoided."""
    counts = Counter(t.text for doc in parsed.docs for t in doc if len(t.text) >= 4 and t.is_alpha
                     and t.text[0].isupper())
    misspelt = set()
    for word, count in counts.items():
        swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)} - {word}
        if any(counts.get(other, 0) > count for other in swaps):
            misspelt.add(word)
    return frozenset(misspelt)


def _is_statement(text: str, span: Span) -> bool:
    """8-45 words, not a question, and at most 30% quotation."""
    if not 8 <= word_count(text) <= 45 or text.endswith("?"):
        return False
    quoted = sum(e - s for s, e, _ in quote_spans(doc_text(span.doc)) if span.start_char <= s < span.end_char)
    return quoted <= 0.3 * len(text)  # more is opinion in someone's words, not a fact to remember


def _named_answers(text: str, span: Span, lookup: dict[str, str], by_id: dict[str, Entity]) -> dict[str, str]:
    """Entity id -> the words to blank for it, once per entity, in the order the sentence names them."""
    answers: dict[str, str] = {}
    for ent in span.ents:
        name = clean_name(ent.text)
        entity_id = lookup.get(name.lower())
        if entity_id and entity_id not in answers and name in text and by_id[entity_id].type != "NORP":
            # "Office of the Deputy" was tagged short of "Office of the Deputy Prime Minister": blank it whole.
            full = by_id[entity_id].name
            answers[entity_id] = full if full in text and name in full else name
    return answers


def _score(text: str, position: float, entity_count: int, number_count: int) -> float:
    """More names and numbers score higher; `position` is the sentence's place in the article, 0 (first) to 1."""
    score = min(entity_count, 3) * 1.0 + min(number_count, 2) * 1.5
    score += 1.5 * (1 - position)  # earlier sentences carry the story
    if _WEAK_START.match(text):
        score -= 1.5  # needs the sentence before it to make sense
    if _FIRST_PERSON.search(text):
        score -= 1.0
    return score

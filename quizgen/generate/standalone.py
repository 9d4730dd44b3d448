"""Sentences a student sees on their own: what makes one unreadable out of context, and a tidy display form.

Each rule is a small named function `(text) -> reason | None`; `sentence_problem` returns the first reason found.
SENTENCE_RULES judge the sentence as a sentence (an opener that leans on the one before, a quotation cut in two, a
slip copied from the source); CONTEXT_RULES find words that stand for something named before (a time, a noun, an
epithet, 'it', a pronoun); `vague_subject` needs the headline too; `role_problem` judges a role alone. The English
words are in quizgen/lang/en/data/standalone.yaml. A sentence is skipped, never mended by guessing a word; `tidy`
only drops a linking word and mends spacing and quotation marks.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable

from quizgen.generate.rules import first_reason
from quizgen.lang import en as lang_en


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = lang_en.table("standalone")
    # Longest first, so "the latter" is tried before "the".
    openers = tuple(sorted((w.lower() for w in data["context_openers"]), key=len, reverse=True))
    droppable = tuple(sorted((w.lower() for w in data["droppable_openers"]), key=len, reverse=True))
    return openers, droppable


def _opener_complements() -> frozenset[str]:
    return lang_en.word_set("standalone", "opener_complements")


@functools.lru_cache(maxsize=1)
def _anchored() -> frozenset[str]:
    return frozenset(w.lower() for w in (*lang_en.table("standalone")["anchored_after_demonstrative"], "days"))


def _opens_with(text: str, phrases: tuple[str, ...]) -> str | None:
    lowered = text.lower()
    for phrase in phrases:
        if lowered.startswith(phrase) and (len(lowered) == len(phrase) or not lowered[len(phrase)].isalnum()):
            return phrase
    return None


def _linking_opener(text: str) -> str | None:
    """The skip-list phrase `text` opens with, unless a complement follows that says what it links to ('As a
    result of the strike …', 'Neither of the firms …')."""
    openers, _ = _tables()
    phrase = _opens_with(text, openers)
    return None if phrase is None or _complement_follows(text, phrase) else phrase


def _complement_follows(text: str, phrase: str) -> bool:
    """'As a result of …', 'Neither the mayor nor the council …', 'This year's …': the opener says what it links
    or means, here."""
    if phrase in _SELF_CONTAINED and _SELF_CONTAINED[phrase](text):
        return True
    following = text[len(phrase):].split(None, 1)
    if following and following[0].lower() in _opener_complements():
        return True
    if phrase in {"this", "these"} and following and re.sub(r"['’]s$", "", following[0].lower().rstrip(",;:")) \
            in _anchored():
        return True  # "This year's celebrations", "These days", "This spring,": anchored to the date
    if phrase == "those" and following and re.fullmatch(r"[a-z]+ing", following[0]):
        return True  # "Those mourning Ali's death …": the participle says who, like "those who"
    if phrase in {"earlier", "later"} and _dated(text[len(phrase):]):
        return True  # "Earlier this year …", "Later in 2004 …", "Earlier on Sunday": dated, not after the one before
    pair = lang_en.table("standalone")["paired_openers"].get(phrase)
    near = " ".join(text[len(phrase):].split()[:8])  # "Both Quinn and Lind", not "Both sides … and …" much later
    return pair is not None and re.search(rf"\b{pair}\b", near, re.I) is not None


@functools.lru_cache(maxsize=1)
def _dummy_it_patterns() -> tuple[re.Pattern[str], ...]:
    """'It is unclear whether …', 'It is unusual for a judge to …', 'It takes 2,383 delegates to win …', 'It
    seems that …', 'It has been two months since …': an 'it' that stands for nothing before it."""
    data = lang_en.table("standalone")
    be = r"It(?:['’]s| is| was| has been| had been| will be| would be| remains| remained)"
    adverbs = "|".join(data["dummy_it_adverbs"])
    adjectives = "|".join(sorted(data["dummy_it_adjectives"], key=len, reverse=True))
    units = "|".join(data["time_units"])
    return (
        # Not after "so"/"too"/"such" ("It was so popular that it sold out": that 'it' is the show).
        re.compile(rf"^{be}\s+(?:(?:{adverbs})\s+)*(?:{adjectives})\s*,?\s+(?:that|whether|if|how|why|who|what"
                   r"|when|where|for\s+(?:[\w'’.-]+\s+){1,5}?to)\b"),
        # "It's unlikely Abid Qureshi's nomination will …": a clause with its own named subject.
        re.compile(rf"^{be}\s+(?:(?:{adverbs})\s+)*(?:un)?likely\s+[A-Z][a-z]"),
        re.compile(r"^It\s+(?:seems|seemed|appears|appeared|emerged|emerges|turns out|turned out)\s*"
                   r"(?:,[^,]{1,40},\s*)?(?:that|as if|as though)\b"),
        re.compile(r"^It\s+(?:takes|took|will take|would take|could take)\s+[^.]{1,60}?\s(?:to|before|until)"
                   r"\s+[A-Za-z]"),
        re.compile(rf"^It(?:['’]s| has| had) been\s+(?:\w+\s+){{1,3}}?(?:{units})\s+since\b"),
    )


def _dummy_it(text: str) -> bool:
    """An opening 'It' that stands for nothing (see _dummy_it_patterns): the sentence reads alone."""
    return any(p.match(text) for p in _dummy_it_patterns())


def _existential_there(text: str) -> bool:
    """'There are about four million fewer players …', 'There was speculation …': 'there' points at no place
    named before."""
    return re.match(r"^There(?:['’]s|['’]re| is| are| was| were| has been| have been| had been| will be| would be"
                    r"| may be| might be| could be| must be| remains| remain)\b", text) is not None


_SELF_CONTAINED: dict[str, Callable[[str], bool]] = {"it": _dummy_it, "there": _existential_there}


def _dated(text: str) -> bool:
    """'this year …', 'in 2004 …', 'on Sunday …', 'Sunday …': words after 'Earlier'/'Later' that give the date."""
    days = "|".join(lang_en.table("standalone")["calendar_words"][:7])
    return re.match(rf"\s*(?:this\s|in\s+\d{{4}}\b|(?:on\s+)?(?:{days})\b)", text, re.I) is not None


def drop_linking_opener(text: str) -> str:
    """'But the prime minister changed his mind …' → 'The prime minister changed his mind …'."""
    _, droppable = _tables()
    phrase = _opens_with(text, droppable)
    if phrase is None or _complement_follows(text, phrase):
        return text
    rest = text[len(phrase):].lstrip(" ,")
    return rest[:1].upper() + rest[1:] if rest else text


_SHARE_OF_THEM = re.compile(r"^\W*(?:[\w,'’-]+\s+){0,6}?(?:of|among)\s+(them|these|those|their)\b", re.I)


def _needs_previous_sentence(text: str) -> str | None:
    """'Neither did the council', 'As a result the firm …', 'He added …', and after a dropped 'So', 'Did the …'."""
    text = drop_linking_opener(text)
    phrase = _linking_opener(text)
    if phrase is None and (m := _SHARE_OF_THEM.match(text)):
        phrase = f"of {m.group(1)}"  # "Nearly a third of them, …": of whom?
    return f"begins with '{phrase}', which needs the sentence before it" if phrase else None


_POINTS_BACK = re.compile(r"\b(?:says|said|did|does|do|thinks|thought|believes) so\b|\bthe latter\b"
                          r"|\bthe former\b(?! [a-z])", re.I)


def _points_back(text: str) -> str | None:
    """'Costin says so himself': 'so' stands for what the sentence before said."""
    m = _POINTS_BACK.search(text)
    return f"'{m.group(0)}' points back to the sentence before" if m else None


_NAME_SEGMENT = re.compile(r"^\s*(?:and\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*$")


def _roll_call(text: str) -> str | None:
    """'Cech; Ferreira, Terry, Carvalho, Gallas; …': a line-up or list of names is not a fact to remember."""
    segments = re.split(r"[,;]", re.sub(r"\([^()]*\)", "", text).rstrip(".!? "))
    if sum(bool(_NAME_SEGMENT.match(seg)) for seg in segments) >= 5:
        return "is a list of names (a line-up), not a fact to remember"
    return None


def _starts_mid_thought(text: str) -> str | None:
    first = text.lstrip("“”\"'‘’ ")[:1]
    if first and first.islower():
        return "begins mid-thought (lower case)"
    if text[:1] in {"-", "–", "—", ",", ";", ":", ")", "…"}:
        return "begins with stray punctuation"
    if text[:1] in {"”", "’"} or re.match(r"^[\"']\s", text):
        return "begins with the closing mark of an earlier quotation"
    return None


def _unbalanced_quotes(text: str) -> str | None:
    """'The mayor said “we will build it.': a quotation mark without its pair. Feeds mix curly and straight marks
    (“Katyusha"), so every double mark counts the same."""
    plain = text.replace("``", '"').replace("''", '"')  # ''typewriter'' quotation marks count as double ones
    plain = plain.replace("“", '"').replace("”", '"')
    if plain.count('"') % 2 or re.search(r"\s['’‘\"“]+$", plain):
        return "a quotation mark without its pair (sentence split inside a quotation)"
    return None


def _dangling_end(text: str) -> str | None:
    if not text.rstrip("”\"' ").endswith((".", "!", "?")) and not text.rstrip().endswith(("”", '"')):
        return "does not end like a sentence"
    return None


# A full stop (or ?/!), maybe a closing quote, a space, then a capitalised word: a second sentence inside this one.
# Initials and abbreviations ("U.S. President", "Mr. Smith", "St. Louis") end with a capital letter or a short word.
_INNER_BOUNDARY = re.compile(r"(?:(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bMrs)(?<!\bSt)(?<!\bNo)[a-z0-9%)]|[”\"’'])"
                             r"[.!?][”\"’']?\s+[“\"‘']?[A-Z]")


def _two_sentences(text: str) -> str | None:
    if _INNER_BOUNDARY.search(text.rstrip()):
        return "holds two sentences (split wrongly around a quotation)"
    return None


@functools.lru_cache(maxsize=1)
def _garble_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """A word doubled ('the the'), or two words that cannot stand side by side ('for to build', 'a had a')."""
    data = lang_en.table("standalone")
    pairs = "|".join(re.escape(p) for p in sorted(data["impossible_pairs"], key=len, reverse=True))
    after_article = "|".join(re.escape(w) for w in data["never_after_article"])
    impossible = re.compile(rf"\b(?:{pairs}|(?i:a|an|the) (?:{after_article}))(?![\w'’-])")
    doubled = re.compile(r"\b([A-Za-z]+)\s+\1\b(?![\w'’-])", re.I)
    return impossible, doubled, frozenset(w.lower() for w in data["doubled_words_allowed"])


def _garbled_words(text: str) -> str | None:
    """'could have a had a third', 'won approval for to build', 'the the': the source's own slip, copied. The
    sentence is skipped rather than mended: guessing the intended word could change what it states."""
    plain = _QUOTED.sub(" … ", text)  # "to “bring …” to" must not read as "to to"
    impossible, doubled, allowed = _garble_patterns()
    if (m := impossible.search(plain)) is not None:
        return f"has words that cannot stand side by side ('{m.group(0)}'), a slip in the source"
    for m in doubled.finditer(plain):
        if m.group(1).lower() not in allowed:
            return f"repeats a word ('{m.group(0)}'), a slip in the source"
    return None


_BRACKET_AFTER_QUOTE = re.compile(r"[,.!?][”\"]\s*\[")


def _stray_marks(text: str) -> str | None:
    """'… said," [Warhol] …' (a bracket left where a quotation was cut), '(as it' with no ')': marks that show the
    sentence was cut out of something longer."""
    if _BRACKET_AFTER_QUOTE.search(text):
        return "a bracket right after a quotation's closing mark (a quotation cut short)"
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return "a bracket without its pair"
    return None


# A figure run into a word of four letters or more ('46.68seconds'); units ('3km', '10mph') and ordinals are shorter.
_GLUED_FIGURE = re.compile(r"\d[a-z]{4,}\b")


def _glued_figure(text: str) -> str | None:
    """'a time of one minute 46.68seconds': a missing space the source left. Not mended, so that the figure stays
    the text its number fact names."""
    m = _GLUED_FIGURE.search(text)
    return f"runs a figure into a word ('{m.group(0)}'), a slip in the source" if m else None


@functools.lru_cache(maxsize=1)
def _article_slip() -> re.Pattern[str]:
    """'an significant', 'a important': the article does not fit the sound of the word after it."""
    data = lang_en.table("standalone")
    a_ok = "|".join(re.escape(w) for w in data["a_before_vowel_letter"])
    an_ok = "|".join(re.escape(w) for w in data["an_before_consonant_letter"])
    return re.compile(rf"\b(?:[Aa] (?!(?i:{a_ok}))[aeiouAEIOU][a-z]|[Aa]n (?!(?i:{an_ok}))[b-df-hj-np-tv-z][a-z])")


def _article_mismatch(text: str) -> str | None:
    """'an significant change': the source's slip, copied. Skipped, not mended (the word meant is a guess)."""
    m = _article_slip().search(_QUOTED.sub(" … ", text))
    return f"has an article that does not fit the next word ('{m.group(0)}…'), a slip in the source" if m else None


@functools.lru_cache(maxsize=1)
def _stray_capital_pattern() -> re.Pattern[str]:
    phrases = "|".join(re.escape(p) for p in lang_en.table("standalone")["stray_capitals"])
    # "…, The council said": a capital "The" after a comma and before a lower-case word begins no name.
    return re.compile(rf"(?<=\S )(?:{phrases})\b|, The (?=[a-z])")


def _stray_capital(text: str) -> str | None:
    """'rose by 5% Last Year': a common word capitalised mid-sentence, copied from the source."""
    m = _stray_capital_pattern().search(_QUOTED.sub(" … ", text))
    return f"capitalises a common word mid-sentence ('{m.group(0).strip(', ')}'), a slip in the source" if m else None


@functools.lru_cache(maxsize=1)
def _month_count_pattern() -> re.Pattern[str]:
    data = lang_en.table("standalone")
    months = "|".join(data["calendar_words"][7:])
    nouns = "|".join(re.escape(w) for w in data["count_nouns"])
    return re.compile(rf"\b(?:{months}) \d{{1,2}} (?:{nouns})\b")


def _month_then_count(text: str) -> str | None:
    """'In January 25 people were hurt': the count reads as a date (January 25) without the comma."""
    m = _month_count_pattern().search(text)
    return f"puts a count right after a month ('{m.group(0)}'), which reads as a date" if m else None


@functools.lru_cache(maxsize=1)
def _possible_verbs() -> frozenset[str]:
    """Every word the tables know as a verb: auxiliaries, reporting and acting verbs, irregular forms."""
    data, antecedents = lang_en.table("standalone"), lang_en.table("antecedents")
    return frozenset(w.lower() for w in (*data["fragment_verbs"], *data["subject_verbs"], *data["object_it_verbs"],
                                         *data["percentage_verbs"], *antecedents["organisation_verbs"],
                                         *antecedents["main_clause_verbs"]))


def _no_main_verb(text: str) -> str | None:
    """'Only 9% for everything else.', 'Ted Cruz 1, John Kasich 2 and Donald Trump last.': a fragment copied from a
    list or a caption, with no word that could be its verb (none of the verb tables, none in -ed or -s, no "'s",
    "'re", "n't"). Quoted words count: "According to the paper, “the firm sold …”" has its verb inside the marks."""
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", text)  # "rolled-out" is read as "rolled" and "out"
    if len(words) < 3:
        return None
    verbs, markers = _possible_verbs(), set(lang_en.table("standalone")["noun_markers"])
    lowered = [w.lower() for w in words]
    for before, word in zip(["", *lowered[:-1]], lowered, strict=True):
        # "a rise of 5%", "total cost": after an article or a possessive the word is a noun.
        if (word in verbs and before not in markers) or (len(word) > 3 and word.endswith(("ed", "s"))) \
                or re.search(r"['’](?:s|re|ve|ll|d|m|t)$", word):
            return None
    return "has no main verb (a fragment of a list or a caption)"


# A web address or a tag of the page's markup ("https://t.co/…", "<tweet/>", "pic.twitter.com/…"): furniture of an
# embedded post, not prose a student can read.
_MARKUP_OR_LINK = re.compile(r"https?://|\bwww\.|pic\.twitter\.com/|</?[a-z][\w-]*(?:\s[^<>]*)?/?>", re.I)


def _markup_or_link(text: str) -> str | None:
    m = _MARKUP_OR_LINK.search(text)
    return f"holds a web address or page markup ('{m.group(0)[:20]}')" if m else None


def _any_of(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _agreement_slip_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Three slips a cheap pattern on common words shows with next to no false alarm (counted on the development
    corpus and the polnear train texts: 0 false alarms in 851 articles): a noun in -er where the verb after 'who'
    belongs, two finite verbs in a row, a passive that lost its 'been'."""
    data = lang_en.table("source_slips")
    noun_after_relative = re.compile(
        rf"(?:\b[Ww]ho|, which) (?!(?:{_any_of(data['er_words_after_relative'])})\b)[a-z]{{2,}}er\b(?! [A-Z])")
    be = r"\b(?:is|are|was|were|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)"
    two_finite = re.compile(rf"{be}(?: (?:{_any_of(data['adverbs_between_verbs'])}))? "
                            rf"(?:{_any_of(data['finite_after_be'])})\b")
    calendar = _any_of(lang_en.table("standalone")["calendar_words"])
    not_agent = _any_of(data["not_an_agent_after_by"])
    lost_been = re.compile(r"\b(?:has|have|had) (?!been\b)[a-z]+ed(?: [a-z]+ly)?"
                           r"(?:,? (?:in|since|on|last) (?:\d{4}|[A-Z][a-z]+|year|month|week)(?: \d{4})?,?)?"
                           rf" by (?:the (?!(?:{not_agent})\b)[a-z]"
                           rf"|(?:the )?(?!(?:{calendar}|{not_agent})\b)[A-Z][a-z])")
    return noun_after_relative, two_finite, lost_been


def _noun_for_verb(text: str) -> str | None:
    """'smokers who consumer more cigarettes': a noun typed where the verb after 'who' belongs, copied. ('the firm,
    which owner Tom Hale founded' is the noun of a subject: a name follows it.)"""
    m = _agreement_slip_patterns()[0].search(text)
    return f"has a noun where a verb belongs ('{m.group(0).lstrip(', ')}'), a slip in the source" if m else None


def _two_finite_verbs(text: str) -> str | None:
    """'a deal that is still needs to be settled': two finite verbs in a row, copied."""
    m = _agreement_slip_patterns()[1].search(text)
    return f"has two verbs in a row ('{m.group(0)}'), a slip in the source" if m else None


def _passive_without_been(text: str) -> str | None:
    """'the tax has changed by the Dorset council': a passive with its 'been' lost, so it states what was done to
    the tax as if the tax did it. ('had risen by the same amount', 'had finished by May' measure or date.)"""
    m = _agreement_slip_patterns()[2].search(text)
    return f"has a passive without its 'been' ('{m.group(0)}…'), a slip in the source" if m else None


SENTENCE_RULES: tuple[Callable[[str], str | None], ...] = (
    _starts_mid_thought, _needs_previous_sentence, _unbalanced_quotes, _dangling_end, _two_sentences, _points_back,
    _roll_call, _garbled_words, _stray_marks, _glued_figure, _article_mismatch, _stray_capital, _month_then_count,
    _no_main_verb, _markup_or_link, _noun_for_verb, _two_finite_verbs, _passive_without_been)


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i)")  # "Russian", "Japanese", "British", "Iraqi": a kind, not a name
_VAGUE_OPENING = re.compile(r"^(?:The|This|That|Such an?)\s+")
# A capitalised word after the first: the sentence names someone or something ("Yukos said the company …").
_A_NAME = re.compile(r"(?<=\s)[A-Z][\w'’.-]*[a-z]")


def _names_something(text: str) -> bool:
    """A capitalised word that is not a date ('Monday'); the first word counts when a comma, a possessive or another
    capitalised word follows it and it is not one that only opens a sentence ('Podesta, who said the project …' names
    Podesta; 'Shares fell after the deal …' names nothing)."""
    data = lang_en.table("standalone")
    calendar = set(data["calendar_words"])
    first = re.match(r"\W*([A-Z][\w.-]*)(?=,|['’]s\b|\s+[A-Z])", text)
    if first and first.group(1).lower() not in {*data["scene_openers"], *data["function_starters"]} \
            and first.group(1) not in calendar:
        return True
    return any(m.group(0) not in calendar for m in _A_NAME.finditer(text))


def _vague_nouns() -> frozenset[str]:
    return lang_en.word_set("standalone", "vague_subjects")


@functools.lru_cache(maxsize=1)
def _vague_subject_later() -> re.Pattern[str]:
    """'In a statement, the company said …', '… after the report found …': a vague noun as the subject of a later
    clause (a verb follows it)."""
    nouns = "|".join(sorted(_vague_nouns(), key=len, reverse=True))
    return re.compile(rf"(?:[,;]\s+|\b(?:said|says|after|before|when|because|as|and|but|while|that|since)\s+)"
                      rf"the ({nouns})\s+(?:said|says|has|have|had|is|was|were|are|will|would|could|can|found"
                      r"|wants|plans|[a-z]+ed)\b", re.I)


def _vague_noun(text: str) -> str | None:
    """The vague noun the sentence is about: within the first three words after 'The'/'This', or the subject of a
    later clause when the sentence names nothing at all."""
    if (m := _VAGUE_OPENING.match(text)) is not None:
        words = re.findall(r"[\w'’-]+", text[m.end():])[:5]
        word = next((w for w in words[:3] if w in _vague_nouns()), None)
        if word is not None:
            # "The Sanders campaign …", "The news agency TASS …": a capitalised word beside the noun names it.
            at = words.index(word)
            # … or a name after "of"/"with"/"by": "The meeting with Eggleston", "The report by Ofcom".
            near = words[:at + 3] if at + 1 < len(words) and words[at + 1] in {"of", "with", "by"} else words[:at + 2]
            named = any(w[:1].isupper() and not _DEMONYM.fullmatch(w) for w in near if w != word)
            return None if named else word
    if (m := _vague_subject_later().search(text)) is not None and not _names_something(text):
        return m.group(1).lower()
    return _bare_plural_subject(text)


def _bare_plural_subject(text: str) -> str | None:
    """'Requests have come from three towns', 'Plans were drawn up': a plural vague noun opening the sentence with
    no 'the', then its verb: requests for what, plans of whom? ('Requests for a new bridge have …' says.)"""
    data = lang_en.table("standalone")
    verbs = "|".join(sorted(data["subject_verbs"], key=len, reverse=True))
    m = re.match(rf"^([A-Z][a-z]+?)e?s\s+(?:{verbs}|[a-z]{{3,}}ed)\b", text)
    if m is None:
        return None
    pointers = set(data["bare_plural_pointers"])
    return next((w for w in (m.group(1).lower(), m.group(1).lower() + "e") if w in pointers), None)


@functools.lru_cache(maxsize=1)
def _definite_subject_pattern() -> re.Pattern[str]:
    """'The broadcasts began …', 'That expansion will cost …': the/this/that, up to two lower-case words, the head
    noun, then (after an adverb or two) its verb: nothing between the noun and the verb says which."""
    data = lang_en.table("standalone")
    verbs = "|".join(sorted(data["subject_verbs"], key=len, reverse=True))
    adverbs = "|".join(data["subject_adverbs"])
    return re.compile(rf"^(?:The|This|That|These|Those)\s+((?:[a-z][a-z-]*\s+){{0,2}}?)([a-z][a-z-]*)\s+"
                      rf"(?:(?:{adverbs})\s+[a-z]+|(?:{verbs}|[a-z]{{3,}}ed)\b)")


def _self_evident() -> frozenset[str]:
    return lang_en.word_set("standalone", "self_evident_subjects")


def _unnamed_definite_subject(text: str, known: str) -> str | None:
    """The head noun of a definite subject the sentence never says which of (see _definite_subject_pattern), unless
    `known` names it or a word before it ('The barrier works …' in a story headlined '… tidal barrier')."""
    m = _definite_subject_pattern().match(text)
    if m is None or m.group(2) in _self_evident() or m.group(2) in _function_words():
        return None
    modifiers = [w for w in m.group(1).split() if len(w) > 3 and w not in _function_words()]
    return None if any(_noun_known(w, known) for w in modifiers) else m.group(2)


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    data = lang_en.table("standalone")
    return frozenset(w.lower() for w in (*data["function_starters"], *data["subject_adverbs"], "same", "only"))


def _noun_known(word: str, known: str) -> bool:
    """'report' is known from 'Report finds …'; 'broadcasts' from 'broadcast' (the stem without a plural -s)."""
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
    return re.search(rf"\b{re.escape(stem)}", known.lower()) is not None


def vague_subject(text: str, known: str) -> str | None:
    """'The company added …', 'The Russian oil firm has …', 'In a statement, the report said …', 'The broadcasts
    began …': a sentence about a thing it does not name, unless `known` (the headline and the opening sentences)
    names that kind of thing."""
    text = drop_linking_opener(text)
    word = _vague_noun(text) or _unnamed_definite_subject(text, known)
    if word is None or _noun_known(word, known):
        return None
    return f"opens with 'the {word}' without naming it"


@functools.lru_cache(maxsize=1)
def _referent_tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = lang_en.table("standalone")
    return (frozenset((*data["referent_boundaries"], *data["subject_verbs"])), frozenset(data["naming_links"]),
            frozenset(w.lower() for w in (*data["referent_self_evident"], *data["time_units"])))


_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+")
_NP_WORD = re.compile(r"([A-Za-z][\w'’-]*)([^\w'’-]*)")


def _definite_heads(text: str, judged: frozenset[str] = frozenset()) -> list[str]:
    """The head nouns of 'the/this + up to two lower-case words + noun' where the phrase ends at a verb, a
    preposition or a mark ('The match ended', 'the exhibit in', 'the program.'). A phrase with a link after a
    word ('the substance of …', 'the match between …') or two words before its head ('the student newspaper
    article') says which, and is left alone. Self-evident heads are left out unless `judged` holds them."""
    _, _, evident = _referent_tables()
    heads = []
    for m in _DEFINITE.finditer(text):
        head, gap = _phrase_head(_contiguous_words(text[m.end():m.end() + 80]))
        if head is not None and len(head) > 2 and (head not in evident or head.lower() in judged) \
                and not gap.startswith(("(", "“", '"')) \
                and not _named_after(text[m.end():m.end() + 120], head):
            heads.append(head)
    return heads


def _phrase_head(words: list[tuple[str, str]]) -> tuple[str | None, str]:
    """The word that ends the noun phrase (a mark after it, or a verb, preposition or conjunction next), with the
    marks after it; None when a word that is no modifier comes first (a name, a link, a function word)."""
    boundaries, links, _ = _referent_tables()

    def ends_phrase(word: str) -> bool:
        return word in boundaries or (len(word) > 4 and word.endswith("ed"))

    for i, (word, gap) in enumerate(words[:2]):
        if not word.islower() or word in boundaries or word in links or word in _function_words() \
                or (i > 0 and word.endswith("ed")):
            return None, ""
        following = words[i + 1][0].lower() if i + 1 < len(words) and not gap.strip() else ""
        if gap.strip() or ends_phrase(following):
            return word, gap.strip()
    return None, ""


def _contiguous_words(window: str) -> list[tuple[str, str]]:
    """The first three words of `window` with the marks after each, stopping at anything else ('the 2016
    campaign' stops at '2016': a figure before the noun says which)."""
    words, at = [], 0
    for w in _NP_WORD.finditer(window):
        if w.start() != at or len(words) == 3:
            break
        words.append((w.group(1), w.group(2)))
        at = w.end()
    return words


def _named_after(rest: str, head: str) -> bool:
    """'the book, Brown's Britain, said …', 'the debate, organised by the ISPA': a name within the next few words
    after a comma or a link says which."""
    _, links, _ = _referent_tables()
    m = re.search(rf"\b{re.escape(head)}\b\s*(,|\w+)", rest)
    if m is None or (m.group(1) != "," and m.group(1).lower() not in links):
        return False
    calendar = set(lang_en.table("standalone")["calendar_words"])
    return any(w[:1].isupper() and w.strip(",.;:") not in calendar for w in rest[m.end():].split()[:4])


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


# A capitalised word of four letters or more standing alone: a name ("Maurer", "Glasgow"), not "Mr" or "BBC's".
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])([A-Z][a-z]{3,})(?![\w-])")


def _naming_words(sentence: str, stem: str) -> set[str]:
    """The capitalised words that set the noun apart in `sentence`: a capitalised word before it in mid-sentence
    ('the Sweden match', 'Warhol's exhibit', 'the Legacy Program') or a link and a name after it ('a match between
    Sweden and …', 'an exhibit at the Tate', 'a program called …'); empty when it is not set apart."""
    _, links, _ = _referent_tables()
    acts = frozenset(lang_en.table("standalone")["act_nouns"])
    names: set[str] = set()
    leading = len(sentence) - len(sentence.lstrip(" \"“‘'"))
    for m in re.finditer(rf"(?i:\b{re.escape(stem)}(?:s|es)?)\b", sentence):
        before = sentence[max(0, m.start() - 60):m.start()].split()
        # Not the first word ("Match reports say …"); the name's own words just before ("Legacy Program").
        if before and m.start() > leading and (m.group(0)[:1].isupper() or before[-1][:1].isupper()):
            names.update(_CAPITALISED_WORD.findall(" ".join(w for w in before[-2:] if w[:1].isupper())))
        after = sentence[m.end():m.end() + 80].split()[:4]
        if len(after) >= 2 and after[0].lower() in links:
            names.update(_CAPITALISED_WORD.findall(" ".join(after[1:])))
        if len(after) >= 2 and stem in acts and after[0].lower() in {"to", "on", "over", "against"}:
            # "the decision to close the pier": what was decided sets it apart, as a name would
            names.update(w for w in re.findall(r"\b[a-z][\w-]{3,}", " ".join(after[1:3])) if w not in _function_words())
    calendar = set(lang_en.table("standalone")["calendar_words"])
    return {n.lower() for n in names - calendar - {"The", "An"}} - {stem, f"{stem}s", f"{stem}es"}


def _introduced_indefinitely(stem: str, earlier: list[str]) -> bool:
    """'a report by the state news agency', 'a new law', 'an exhibit': an earlier sentence brought the thing in
    with 'a/an' (up to two lower-case words before the noun), so a later bare 'the report' is that one."""
    pattern = re.compile(rf"\b[Aa]n?\s+(?:[a-z][\w-]*\s+){{0,2}}?{re.escape(stem)}(?:s|es)?\b(?!['’]s)")
    return any(pattern.search(_QUOTED.sub(" … ", s)) for s in earlier)


@functools.lru_cache(maxsize=1)
def _kind_tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The kinds an article may name several of ('the city', 'the team'), the place kinds among them, and the
    city names that make an earlier sentence name a city ('Glasgow')."""
    data = lang_en.table("standalone")
    cities = lang_en.table("place_levels")["cities"]
    return (frozenset(data["referent_kinds"]), frozenset(data["referent_place_kinds"]),
            frozenset(c.lower() for c in cities))


def _earlier_names(stem: str, earlier: list[str]) -> set[str]:
    """The names earlier sentences set the noun apart with ('the Legacy Program'); for a place kind ('the city')
    the known city names they mention too ('… moved to Glasgow')."""
    names = set().union(*(_naming_words(s, stem) for s in earlier)) if earlier else set()
    _, places, cities = _kind_tables()
    if stem in places:
        words = {w.lower() for s in earlier for w in _CAPITALISED_WORD.findall(s)}
        names |= words & cities
    if stem in _team_kinds():
        names |= {m.group(1).lower() for s in earlier for m in _team_name_pattern().finditer(s)}
    return names


def _team_kinds() -> frozenset[str]:
    return lang_en.word_set("standalone", "referent_team_kinds")


@functools.lru_cache(maxsize=1)
def _team_name_pattern() -> re.Pattern[str]:
    """'Harbour Rovers', 'Tolbridge Town': a name and a word that ends a club's name; the name is group 1."""
    ends = "|".join(re.escape(w) for w in lang_en.table("standalone")["team_name_ends"])
    return re.compile(rf"\b([A-Z][a-z]{{2,}}) (?:{ends})\b")


def _unclear_head(head: str, plain: str, text: str, headline: str, earlier: list[str]) -> bool:
    """Whether 'the <head>' stands for one an earlier sentence named or brought in with 'a/an' while neither
    this sentence nor the headline says which."""
    stem = _stem(head)
    kinds, _, _ = _kind_tables()
    if _naming_words(plain, stem) or re.search(rf"\b{re.escape(stem)}", headline, re.I):
        return False
    if names_a_person(f"the {head}") and _names_anyone(plain):
        return False  # "Huckabee's campaign said the candidate has …": the person the sentence names
    own = {w.lower() for w in re.findall(r"[A-Za-z][\w-]{2,}", f"{text} {headline}")}
    if stem in _kind_tables()[1] and _PLACE_NAMED.search(plain):
        return False  # "While in Asmara, … in the city": the sentence names a place of its own
    names = _earlier_names(stem, earlier)
    if names and not names & own:
        return True
    # "a new law … The law requires …": only for nouns not self-evident in any story and not a kind
    _, _, evident = _referent_tables()
    owned = re.search(rf"\b[Tt]he [a-z]+['’]s {re.escape(head)}\b", plain)  # "the world's electricity"
    return head.isalpha() and head.lower() not in evident and stem not in kinds and not owned \
        and _introduced_indefinitely(stem, earlier)


_PLACE_NAMED = re.compile(r"\b(?:in|at|to|from|of|near)\s+[A-Z][a-z]")
_KIND_OWNER = re.compile(r"\b[Tt]he ([a-z]+)['’]s\b")


def earlier_referent(text: str, headline: str, earlier: list[str]) -> str | None:
    """'The match ended 1-0', 'The program takes a year', 'the exhibit': a definite noun the article set apart by a
    name in an earlier sentence ('the Sweden-Korea match', 'the Legacy Program', 'an exhibit at the Tate') or
    brought in with 'a/an' ('a report by …' → 'The report said …'), and a kind the article names one or more of
    ('Glasgow' → 'the city'), while neither this sentence nor the headline gives that name or the noun: alone, the
    student cannot tell which."""
    if not earlier:
        return None
    plain = _QUOTED.sub(" … ", drop_linking_opener(text))
    kinds, _, _ = _kind_tables()
    heads = _definite_heads(plain)
    # the kinds come last, so a sentence's own noun is reported first ("The club said the captain …")
    heads += [h for h in _definite_heads(plain, kinds) if h.lower() in kinds and h not in heads]
    # "the gallery's director": the kind as the owner of a role
    heads += [m.group(1) for m in _KIND_OWNER.finditer(plain) if m.group(1) in kinds and m.group(1) not in heads]
    for head in heads:
        if _unclear_head(head, plain, text, headline, earlier):
            return f"'the {head}' stands for one an earlier sentence named"
    return None


@functools.lru_cache(maxsize=1)
def _context_patterns() -> dict[str, re.Pattern[str]]:
    """The pointing-back rules' patterns, built once from the standalone table."""
    data = lang_en.table("standalone")

    def words(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(data[key], key=len, reverse=True))

    units, verbs, anchored = words("time_units"), words("percentage_verbs"), words("anchored_after_demonstrative")
    # A verb or a clause break after "the <epithet>": the epithet is the subject, a person ("the Mallorcan won").
    demonym = _DEMONYM.pattern
    # An adverb may sit between the epithet and its verb ("the Mallorcan now has", "the Scot then spent").
    adverbs = words("subject_adverbs")
    person_verb = (rf"(?:['’]s\b|\s*[,;:]|(?:\s+(?:{adverbs}))?\s+(?:[a-z]+ed|said|says|was|is|has|had|will|would"
                   r"|could|can|won|lost|beat|took|made|hit|went|broke|scored|served|struck|led|got|saw|spent|needs|told"
                   r"|faces|plays|takes|wins|hopes|wants)\b)")
    return {
        # "Two days earlier …" points back; "up 31% from a year earlier" is a comparison that says with what.
        "time": re.compile(rf"\b(?:{words('time_pointers')})\b(?! of\b)"
                           rf"|(?<!\bfrom )(?<!\bthan )\b(?:\w+|\d+) (?:{units}) (?:later|earlier)\b"
                           rf"|^(?:On|After) (?:the )?\d+(?:st|nd|rd|th)? (?:{units})\b", re.I),
        # Followed by its verb ("the figure is"), not by words saying which ("the figure of 5%", "the total cost").
        "noun": re.compile(rf"\b(?:{words('pointing_nouns')})(?=\s*[,.;:]|\s+(?:is|are|was|were|has|have|had|will"
                           r"|would|could|may|might|can|should|must|rose|fell|stands|stood|shows|showed|[a-z]+ed)\b)",
                           re.I),
        # "those seeking the presidency", "those traveling west": a participle says who (like "those who").
        "demonstrative": re.compile(rf"\b(?:[Tt]his|[Tt]hese|[Tt]hose(?!\s+[a-z]+ing\b))\b(?!\s+(?:{anchored}"
                                    r"|days|who|whom|whose|which|that|with|in|at|of|aged|under|over|living|working)\b)"),
        # "the 23-year-old Spaniard", "the Mallorcan left-hander": a demonym or an age may come before the head.
        # A capital "The" inside the sentence begins a name ("outside The Venetian"), not an epithet.
        # A place may come before a role too: "the Texas senator", "the New York billionaire".
        "epithet": re.compile(rf"(?:^\W*The|\bthe) (?:[a-z]{{3,}} )?(?:\d+-year-old |[A-Z][a-z]+ ){{0,2}}?"
                              rf"({demonym}|(?i:{words('epithet_nouns')})|\d+-year-old)"
                              rf"(?:{person_verb}|(?P<place>(?=\s*[.!?”\"]*$)|\s+(?:in|at|to|for|with|from|by|who"
                              r"|after|against|as|again|twice|before|a|an|his|her)\b))"),
        "percentage": re.compile(rf"(?:^|[,;]\s*(?:while|and|but|whereas)\s+)(?:[A-Za-z]+\s+){{0,2}}?\d+(?:\.\d+)?"
                                 rf"(?:%|\s*per\s?cent)\s+(?:{verbs})\b", re.I),
    }


# An opening mark stops the run too, so a line of unclosed marks costs linear time, not quadratic.
_QUOTED = re.compile(r"“[^”“]*”|\"[^\"]*\"|‘[^’‘]*’")


def _time_points_back(text: str) -> str | None:
    """'Seven minutes later …', 'At that time …', 'On 75 minutes …': after what?"""
    m = _context_patterns()["time"].search(drop_linking_opener(text))
    return f"'{m.group(0)}' places it after something left out" if m else None


def _pointing_noun(text: str) -> str | None:
    """'In Wales the figure is 5%', 'The cards are due to be issued': which figure, which cards?"""
    m = _context_patterns()["noun"].search(text)
    return f"'{m.group(0)}' stands for something named before" if m else None


def _demonstrative(text: str) -> str | None:
    """'these relatively narrow channels', 'told the BBC this was …' outside a quotation: this what? ('this year'
    and 'those who …' say what they mean.)"""
    m = _context_patterns()["demonstrative"].search(_QUOTED.sub("", text))
    return f"'{m.group(0)}' points back to something left out" if m else None


def _epithet_exceptions() -> frozenset[str]:
    return lang_en.word_set("standalone", "epithet_exceptions")


def _role_epithets() -> frozenset[str]:
    return lang_en.word_set("standalone", "role_epithets")


def _epithet(text: str) -> str | None:
    """'the Mallorcan won', 'the 24-year-old said': an epithet for a person named earlier."""
    plain = _QUOTED.sub(" … ", text)
    for m in _context_patterns()["epithet"].finditer(plain):
        # "by the Chinese.", "the British in India": a nation as a whole, unless a verb makes it one person.
        nation = m.group(1).endswith(("ese", "ish")) and m.group("place") is not None
        # "Ted Cruz, the Texas senator, won": an apposition beside the name it describes.
        beside_name = re.search(r"[A-Z][\w.'’-]*,\s*$", plain[max(0, m.start() - 40):m.start()]) is not None
        # "Rubio lost in Florida, where the senator …": an office named after a name in the same sentence.
        # Only as a subject, with its verb after it: "… rise in support for the New York businessman." may follow a
        # place ("Florida"), not the person.
        role_after_name = (m.group(1).lower() in _role_epithets() and m.group("place") is None
                           and _names_anyone(plain[:m.start()]))
        if m.group(1).lower() not in _epithet_exceptions() and not (nation or beside_name or role_after_name):
            return f"'the {m.group(1)}' stands for a person named before"
    return None


def _percentage_of_whom(text: str) -> str | None:
    """'Only 11% regarded themselves as …': 11% of whom?"""
    m = _context_patterns()["percentage"].search(drop_linking_opener(text))
    return "a percentage with no 'of whom'" if m else None


_PRONOUN_ATTRIBUTION = re.compile(r",\s*(he|she|they)\s+(?:[a-z]+ed|said|says|added|told|thinks|thought|believes|"
                                  r"argues|warns|predicts|claims)\b")


def _pronoun_speaker(text: str) -> str | None:
    """'Huge changes are afoot, he predicted.': who predicted? (A quotation's own '“…,” he said' is judged by the
    who-said rules; the words inside quotation marks are left out here.)"""
    m = _PRONOUN_ATTRIBUTION.search(_QUOTED.sub("", text))
    return f"', {m.group(1)} …' reports a speaker named before" if m else None


@functools.lru_cache(maxsize=1)
def _it_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'Microsoft replaced it in 2009' (its subject is all the sentence names before 'it'), 'the firm did it
    again': 'it' as the object of a verb, standing for a thing the sentence before named. Not the dummy 'it' of
    'made it clear', nor the subject 'it' of 'said it would' (the sentence's own subject)."""
    data = lang_en.table("standalone")
    dummy = "|".join(re.escape(w) for w in sorted(data["dummy_it_followers"], key=len, reverse=True))
    verbs = "|".join(re.escape(w) for w in sorted(data["object_it_verbs"], key=len, reverse=True))
    not_object = (rf"(?!\s+(?:{dummy})\b|\s+(?:is|was|were|are|would|will|could|can|should|may|might|must|has|had"
                  r"|have|does|did|[a-z]+ed)\b)")
    after_subject = re.compile(rf"^\W*(?:[\w'’.-]+\s+){{1,4}}?(?:[a-z]+ed|{verbs})\s+it\b{not_object}")
    # Not "to do it": the infinitive's "it" is mostly what the same sentence just said ("… than let anyone else do it").
    # Not an inversion either: "Only then did it emerge that …" ("it" looks forward).
    anywhere = re.compile(r"(?<!\bthen )(?<!\bonly )(?<!\bnor )(?<!\bso )\b(?:did|does|done) it\b"
                          r"(?!\s+(?:not|n['’]t)\b)")
    return after_subject, anywhere


def _it_points_back(text: str) -> str | None:
    """'Microsoft replaced it with a newer browser': replaced what?"""
    plain = _QUOTED.sub("", drop_linking_opener(text))
    after_subject, anywhere = _it_patterns()
    m = after_subject.search(plain) or anywhere.search(plain) or _it_after_progressive(plain)
    return f"'{m.group(0).split()[-2]} it' stands for something named before" if m else None


# "The council is tying it into an aid package": a verb in -ing right after the subject and its 'is/are/was', with
# 'it' as its object. The dummy 'it' ("making it clear") is left alone as in _it_patterns.
_PROGRESSIVE_IT = re.compile(r"^\W*(?:[\w'’.-]+\s+){1,4}?(?:is|are|was|were|been|be)\s+[a-z]+ing\s+it\b")


def _it_after_progressive(plain: str) -> re.Match[str] | None:
    m = _PROGRESSIVE_IT.search(plain)
    if m is None:
        return None
    dummy = tuple(lang_en.table("standalone")["dummy_it_followers"])
    after = plain[m.end():].lstrip().lower()
    return None if after.startswith(dummy) and not after.startswith(("into the", "to the")) else m


# "The city replaced them with new lamps": 'them' as the object of a verb, with no plural noun before it that
# 'them' could be ("The firm bought two mills and closed them" names what it closes).
_OBJECT_THEM = re.compile(r"\b([a-z]+ed|[a-z]+ing|sold|bought|took|kept|gave|left|built|held|shut|cut|sent|saw"
                          r"|brought|caught|chose|threw|wrote|broke|hit)\s+them\b")
_PLURAL_WORD = re.compile(r"\b(?!(?:has|was|is|does|this|its|his|hers|as|us|yes|thus|less|plus)\b)[A-Za-z]{2,}s\b")


def _them_points_back(text: str) -> str | None:
    """'The city replaced them with new lamps': replaced what? Skipped unless a plural before 'them' names them."""
    plain = _QUOTED.sub("", drop_linking_opener(text))
    m = _OBJECT_THEM.search(plain)
    if m is None or _PLURAL_WORD.search(plain[:m.start()]) or re.search(r"\band\b", plain[:m.start()]):
        return None
    return f"'{m.group(0)}' stands for things named before"


@functools.lru_cache(maxsize=1)
def _deictic_time_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(lang_en.table("standalone")["deictic_times"], key=len,
                                                  reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.I)


# A year, or a month with its day: the statement dates itself ("on Monday 3 May", "in 2004").
_OWN_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|\b[A-Z][a-z]+\s+\d{1,2}\b")


@functools.lru_cache(maxsize=1)
def _droppable_time_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """A time counted from the day of writing that ends its clause ('endorsed Trump last week.', 'reported just
    today, …', 'the nominee earlier this week.') or opens the sentence before a comma ('Last week, …')."""
    data = lang_en.table("standalone")
    words = "|".join(re.escape(w) for w in sorted(data["deictic_times"], key=len, reverse=True))
    ends = "|".join(data["clause_openers_after_time"])
    inside = re.compile(rf" (?:(?:just|earlier|later) )?(?:{words})(?![\w'’-])(?=\s*[,.;:!?]|\s*$|\s+(?:{ends})\b)",
                        re.I)
    opening = re.compile(rf"^(?:(?:Just|Earlier|Later) )?(?:{words}),\s+(?=[A-Za-z])", re.I)
    return inside, opening, frozenset(data["not_before_dropped_time"])


def drop_deictic_time(text: str) -> str:
    """'Chris Christie endorsed Trump last week.' → 'Chris Christie endorsed Trump.': a time counted from the day of
    writing, where it only dates the clause it ends, left out (the statement stays true). Not after a preposition or
    an article ('since last week', 'the next week'), not a possessive ('last week's'), not a capitalised name in
    mid-sentence (the "Today" show), never inside a quotation."""
    inside, opening, not_before = _droppable_time_patterns()
    if (m := opening.match(text)) is not None:  # "Just last week, …" first, so that "last week" goes with "Just"
        rest = text[m.end():]
        text = rest[:1].upper() + rest[1:]
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    starts = [a for a, _ in quoted]
    kept, at = [], 0
    for m in inside.finditer(text):
        # Only the words just before count, so a long hostile line costs linear time.
        window = text[max(0, m.start() - 200):m.start()]
        previous = window.split()[-1:] or [""]
        q = bisect.bisect_right(starts, m.start()) - 1
        if previous[0].lower().strip(",") in not_before or m.group(0).strip()[:1].isupper() \
                or (q >= 0 and m.start() < quoted[q][1]) or _negated_clause(window):
            continue
        kept.append(text[at:m.start()])
        at = m.end()
    return "".join(kept) + text[at:]


def _negated_clause(before: str) -> bool:
    """'… won't be doled out next week as expected': under a negation the time may be what is denied (it will be
    doled out, later), so it stays."""
    clause = re.split(r"[,;:]", before)[-1]
    return re.search(r"\b(?:not|never|no|nor)\b|n['’]t\b", clause, re.I) is not None


def _deictic_time(text: str) -> str | None:
    """'Fans gathered in Leeds this weekend', 'The bakery opened yesterday': a time counted from the day the article
    was written; alone, in a deck or a quiz, the student cannot place it. Words inside a quotation are left out;
    one that `drop_deictic_time` leaves out of the printed sentence is no reason to skip it."""
    plain = _QUOTED.sub(" … ", drop_deictic_time(text))
    # A capitalised "Today" inside the sentence names something (the "Today" show).
    m = next((m for m in _deictic_time_pattern().finditer(plain) if m.start() == 0 or m.group(0)[:1].islower()), None)
    if m is None or _OWN_DATE.search(plain):
        return None
    return f"'{m.group(0)}' counts from a day the statement does not give"


# A scene-setting first word ("Within", "In", "Instead"), then only lower-case words (no name) up to a subject
# pronoun: "Within three days he was …", "In 2004 they moved …".
# At most one comma: "In several cases, tech executives say, they …" has its subject before the pronoun.
_EARLY_PRONOUN = re.compile(r"^\W*([A-Z][a-z]*)(?:\s+[a-z0-9][\w'’-]*){0,6}?(?:,(?:\s+[a-z0-9][\w'’-]*){0,6}?)?"
                            r"\s+(he|she|they)\b")


def _scene_openers() -> frozenset[str]:
    return lang_en.word_set("standalone", "scene_openers")


# "Despite complaints that he is …, Mr. Sanders has …", "… that they distort it, the Democratic delegates …": the
# name comes after the clause that holds the pronoun.
_CATAPHORA = re.compile(r"[^,]*,\s+(?:the\s+)?(?:[A-Z][a-z]*\.?\s+)*[A-Z]")
# "Driving home from Los Angeles, he …": the pronoun is the participle's own subject, whatever the phrase names.
_PARTICIPLE_PRONOUN = re.compile(r"^\W*([A-Z][a-z]+ing)\b[^,]*,\s+(he|she|they)\b")


def _early_pronoun(text: str) -> str | None:
    """'Within three days he was back in Ireland', 'Driving home, he crashed': who? (A name before the pronoun says
    who: 'McIlroy now claims he …', so the first word must be one that sets the scene, not a name.)"""
    plain = _QUOTED.sub("", drop_linking_opener(text))
    m = _PARTICIPLE_PRONOUN.match(plain)
    if m is not None and m.group(1).lower() not in lang_en.table("standalone")["prepositional_participles"]:
        return f"'{m.group(2)}' stands for someone named before"
    m = _EARLY_PRONOUN.match(plain)
    if m is None or m.group(1).lower() not in _scene_openers() or _CATAPHORA.match(plain[m.end():]):
        return None
    return f"'{m.group(2)}' stands for someone named before"


@functools.lru_cache(maxsize=1)
def _comparison_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(lang_en.table("standalone")["comparatives"], key=len, reverse=True))
    figure = (r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|hundreds?|thousands?))"
              r"(?:\s+(?:hundred|thousand|million|billion))?")
    # "20% cheaper", "five million times faster"; "twice as long", "three times as big"
    return re.compile(rf"{figure}\s*(?:%|per\s?cent|times)\s+(?:{words})\b"
                      rf"|(?:{figure}\s+times|\btwice|\bhalf)\s+as\s+[a-z]+\b", re.I)


def _comparison_without_base(text: str) -> str | None:
    """'The new chip is five million times faster', '20% cheaper': than what? (A 'than' or a second 'as' after the
    comparison says.)"""
    plain = _QUOTED.sub(" … ", text)
    m = _comparison_pattern().search(plain)
    if m is None or re.search(r"\b(?:than|as)\b", plain[m.end():], re.I):
        return None
    return f"'{m.group(0)}' compares with something left out"


# "To get a certificate, couples must …": the purpose names a kind of thing ('a certificate') the sentence before
# explained; alone, which certificate is a guess.
_PURPOSE_OBJECT = re.compile(r"^To (?:get|obtain|receive|earn|win|secure|qualify for) an? ((?:[a-z-]+ ){0,2}[a-z-]+),")


def _purpose_without_its_object(text: str) -> str | None:
    m = _PURPOSE_OBJECT.match(text)
    return f"opens 'To get a {m.group(1)}' without saying which" if m else None


_PERSONAL_PRONOUN = re.compile(r"\b(he|she|him|his|her|they|them|their)\b")


def _pronoun_without_antecedent(text: str) -> str | None:
    """'It's not clear that they can pull it off', 'There are two suits over his university': a pronoun with
    nothing before it in the sentence to stand for (no name for 'he', no plural or pair for 'they'), nor a name
    right after its clause ('In his speech, Bo Chen said …')."""
    plain = _QUOTED.sub(" … ", drop_linking_opener(text))
    m = _PERSONAL_PRONOUN.search(plain)
    if m is None or _CATAPHORA.match(plain[m.end():]):
        return None
    before = plain[:m.start()]
    singular = m.group(1) not in {"they", "them", "their"}
    # "“Fares will fall,” she predicted.": a quotation's own speaker is judged by the who-said rules.
    if _names_anyone(before, singular) or names_a_person(before) or before.rstrip(" ,.;:!?'\"”’-–—").endswith("…"):
        return None
    if m.group(1) in {"they", "them", "their"} and _plural_before(before):
        return None
    return f"'{m.group(1)}' stands for someone named before"


# "In September it was named album of the year", "Julie Hahn said they apply to …", "… questions to put to him":
# a third-person pronoun anywhere outside quotation marks, with nothing before it in the same sentence that it could
# stand for. Cased: an opening "His"/"It" counts too.
_ANY_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers|they|them|their|it|its)\b", re.I)
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def _only_one_person_named(before: str) -> bool:
    """'Julie Hahn said …': the capitalised words before are one run that opens with a first name, a person, so no
    group 'they' could be ('Franz Ferdinand' counts as a person too: the rule errs towards skipping)."""
    data = lang_en.table("standalone")
    openers = {*data["scene_openers"], *data["function_starters"]}
    runs = [m.group(0) for m in _NAME_RUN.finditer(before)
            if m.group(0).lower() not in openers and m.group(0) not in data["calendar_words"]]
    gender = lang_en.table("gender")
    first_names = {*gender["male_names"], *gender["female_names"]}
    return len(runs) == 1 and " " in runs[0] and runs[0].split()[0] in first_names


def _has_antecedent(kind: str, before: str, after: str) -> bool:
    """Whether `before` holds something a pronoun of `kind` (person, plural, thing) can stand for."""
    if kind == "person":
        return _names_anyone(before, True) or names_a_person(before)
    if kind == "plural":
        data = lang_en.table("standalone")
        # "people", "men": plurals not in -s; "someone who has shown they …": a singular 'they'.
        people = [*data["count_nouns"], *data["singular_they_antecedents"]]
        return _plural_before(before) or (_names_anyone(before) and not _only_one_person_named(before)) \
            or any(re.search(rf"\b{re.escape(w)}\b", before, re.I) for w in people)
    if _dummy_it_here(before, after):
        return True
    return (_names_anyone(before) or _SINGULAR_BEFORE.search(before) is not None
            or _PLURAL_WORD.search(before) is not None or _ITS_CATAPHORA.match(after) is not None
            # "One thing is different, and it's …", "If there is any solution, it is …"
            # (not the idiom "in any case", "at any rate")
            or re.search(r"(?<![Ii]n )(?<![Aa]t )\b(?:[Oo]ne|[Aa]ny|[Aa]nother|[Ss]ome)\s+[a-z]", before) is not None)


@functools.lru_cache(maxsize=1)
def _dummy_it_after_pattern() -> re.Pattern[str]:
    data = lang_en.table("standalone")
    verbs = "|".join(re.escape(w) for w in sorted(data["dummy_it_after"], key=len, reverse=True))
    adjectives = "|".join(sorted(data["dummy_it_adjectives"], key=len, reverse=True))
    # "it wasn't any more dangerous to be …", "it became resoundingly clear that …"; a cleft: "it is usually the
    # Republicans who …", "it is Donald Trump … that" (in one clause: no comma between).
    return re.compile(rf"\s*(?:(?:is|was|became|becomes|has become|had become|['’]s)(?:n['’]t|\s+not)?\s+"
                      rf"(?:[a-z]+\s+){{0,2}}?(?:{adjectives})\s*,?\s+(?:that|whether|how|why|to|for)\b"
                      rf"|(?:is|was|['’]s)\s+[^,;:]{{1,80}}?\s(?:who|that)\s|\s+(?:{verbs})\b)")


def _dummy_it_here(before: str, after: str) -> bool:
    """'made it clear that …', 'It is likely that …', 'As it turns out, …': an 'it' that stands for nothing."""
    words = before.split()
    if words and words[-1].lower() in lang_en.table("standalone")["dummy_it_before"]:
        return True
    return _dummy_it("It" + after) or _dummy_it_after_pattern().match(after) is not None


def _inside_quotation(before: str) -> bool:
    """An opening mark still open before the pronoun, even a slipped one ('“It's unusual,“ said …', "''It's …''")."""
    return (before.count("“") > before.count("”") or before.count('"') % 2 == 1
            or before.count("''") % 2 == 1)


def _pronoun_points_outside(text: str) -> str | None:
    """'In September it was named album of the year': named what? Every he/she/they/it (not only the first, not
    only at the start) needs, earlier in the same sentence, something of its kind to stand for: a person's name or
    role for 'he'/'his', a plural, two names or an organisation for 'they', a noun or a name for 'it'."""
    plain = drop_linking_opener(text)
    kinds = lang_en.table("standalone")["pronoun_kinds"]
    # Pronouns inside quotation marks are the speaker's; what the student reads before a pronoun, quoted or not, may
    # name its antecedent ('"Airbus is where Boeing was" with its product range').
    seen: set[str] = set()
    for m in _ANY_PRONOUN.finditer(_QUOTED.sub(lambda q: " " * len(q.group(0)), plain)):
        before, after = plain[:m.start()], plain[m.end():]
        kind = kinds[m.group(0).lower()]
        # '“…,” he said, noting that he had …': a pronoun of the same kind before was judged already.
        if kind in seen:
            continue
        seen.add(kind)
        # "“Fares will fall,” she said" is judged by the who-said rules; "In his speech, Bo Chen said …" names after.
        if _inside_quotation(before) or before.rstrip(" ,.;:!?-–—").endswith(("”", '"', "''", "’")) \
                or _CATAPHORA.match(after):
            continue
        if not _has_antecedent(kind, before, after):
            return f"'{m.group(0)}' stands for something named before"
    return None


@functools.lru_cache(maxsize=1)
def _person_noun_pattern() -> re.Pattern[str]:
    """'the prime minister', 'The 28-year-old runner', 'the presidential candidate': a person the pronoun can
    stand for, named by a role (a word of the roles or epithets tables, or one ending like a doer's noun)."""
    data = lang_en.table("standalone")
    nouns = "|".join(re.escape(w) for w in sorted({*data["roles_of_an_organisation"], *data["epithet_nouns"],
                                                   *data["person_nouns"]}, key=len, reverse=True))
    return re.compile(rf"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+(?:[\w'’-]+\s+){{0,3}}?"
                      rf"(?:{nouns}|[a-z]+(?:man|woman|person|ist|ian))\b")


def names_a_person(text: str) -> bool:
    """'the prime minister', 'a Texas senator': words that name a person by a role, not by name."""
    return _person_noun_pattern().search(text) is not None


def _plural_before(before: str) -> bool:
    """'Some say they …', 'The crowd … but they …', 'Voters and officials … their': a plural or a group 'they' may
    stand for."""
    groups = lang_en.table("standalone")["plural_subjects"]
    return (_PLURAL_WORD.search(before) is not None or re.search(r"\band\b", before) is not None
            or any(re.search(rf"\b{re.escape(w)}\b", before, re.I) for w in groups))


def _names_anyone(words: str, one_person: bool = False) -> bool:
    """A capitalised word that is not a date, nor a first word that only opens a sentence ('Quinn now claims' names
    Quinn; 'It is not clear that' names no one); for one person ('him'), not a people either ('Americans')."""
    data = lang_en.table("standalone")
    openers = {*data["scene_openers"], *data["function_starters"], "there", "it's", "it’s"}
    leading = len(words) - len(words.lstrip(" \"“‘'"))
    for m in re.finditer(r"[A-Z][\w'’.-]*", words):
        at_start = m.start() <= leading
        people = one_person and re.fullmatch(r"[A-Z][a-z]+(?:ans|ese|ats|ists)", m.group(0)) is not None
        if m.group(0) not in data["calendar_words"] and not (at_start and m.group(0).lower() in openers) \
                and not people:
            return True
    return False


# "… whether that will be enough", "… because that would …": 'that' as a subject after a conjunction is the
# demonstrative, standing for what the sentence before said.
# Not "and that": "the state that she won and that made her husband …" joins two relative clauses.
# After a verb of saying, "that" right before an auxiliary is no conjunction either ("One in five say that won't …").
_THAT_AS_SUBJECT = re.compile(r"(?:\b(?:whether|if|because|since|although|though|unless|while|say|says|said|think"
                              r"|thinks|believe|believes)|,\s*but)\s+that\s+"
                              r"(?:will|would|could|can|may|might|is|was|has|had|does|did|means|meant|makes|made"
                              r"|won['’]t|wouldn['’]t|isn['’]t|wasn['’]t|happens|happened|changes|changed|works"
                              r"|worked|fails|failed)\b", re.I)


def _that_points_back(text: str) -> str | None:
    m = _THAT_AS_SUBJECT.search(_QUOTED.sub(" … ", text))
    return f"'{m.group(0)}' points back to the sentence before" if m else None


# "Projections suggest it would generate $91bn", "Officials say it will open in May": the 'it' of what they say is not
# the plural speakers, so it stands for a thing named before.
_IT_AFTER_PLURAL_SPEAKERS = re.compile(r"^[A-Z][a-z]+s\s+(?:say|said|suggest|suggested|think|thought|believe|believed"
                                       r"|expect|expected|estimate|estimated|fear|feared|hope|hoped|warn|warned"
                                       r"|predict|predicted)\s+(?:that\s+)?it\s+(?:would|will|could|can|might|may"
                                       r"|is|was|has|had)\b")


def _it_of_plural_speakers(text: str) -> str | None:
    m = _IT_AFTER_PLURAL_SPEAKERS.match(_QUOTED.sub(" … ", drop_linking_opener(text)))
    return "'it' in what they say stands for something named before" if m else None


# "In addition, we now know that …", "Bernie is one of our party's leaders", "I was being prosecuted": the writer's
# (or an unmarked speaker's) own voice; printed alone, 'we', 'our' and 'I' stand for someone the statement never
# names. "On a purely political level, it means …": 'it' is what the sentence before described.
_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|us|my|me|myself|ourselves)\b|\bI\s+[a-z]"
                           r"|(?:^|,\s*)it\s+(?:also\s+)?(?:means|meant|would mean|will mean)\b")


def _writers_voice(text: str) -> str | None:
    m = _FIRST_PERSON.search(_QUOTED.sub(" … ", drop_linking_opener(text)))
    return f"'{m.group(0).strip(', ')}' speaks in a voice the statement never names" if m else None


# "The council built the reserve instead": instead of what? ("Instead of a bridge, …" says.)
_INSTEAD = re.compile(r"\binstead\b(?!\s+of\b)", re.I)


def _instead_of_what(text: str) -> str | None:
    """'Sanders instead delivered his usual speech': instead of what? Not after a 'no', 'not' or 'but' in the
    same sentence ('carries no official powers, instead calling on …')."""
    plain = _QUOTED.sub(" … ", drop_linking_opener(text))
    m = _INSTEAD.search(plain)
    if m is None or re.search(r"\b(?:no|not|never|nor|but|rather)\b|n['’]t\b", plain[:m.start()], re.I):
        return None
    return "'instead' of something left out"


@functools.lru_cache(maxsize=1)
def _pair_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lang_en.table("standalone")["pair_nouns"])
    # Followed by a verb, a preposition or a clause break ("the pair had", "between the pair on GMTV"), not by more
    # of a noun phrase ("the two million members", "the two-hour debate", "the two lengthy reports").
    return re.compile(rf"\b(?:{words})(?![\w-])(?=\s*[,.;:!?]|\s*$|\s+(?:[a-z]+ed|[a-z]+ing|have|had|has|were|are"
                      r"|was|is|will|would|could|can|may|might|did|do|also|now|still|then|both|and|on|in|at|to"
                      r"|over|for|who|whom)\b)", re.I)


def _pair_without_members(text: str) -> str | None:
    """'Peston said the pair had …': which two? ('Warren got out with Jon Donenberg and the two walked …' says.)"""
    plain = _QUOTED.sub(" … ", text)
    m = _pair_pattern().search(plain)
    if m is None or re.search(r"\b(?:and|with)\s+(?:[a-z-]+\s+){0,3}[A-Z]", plain[:m.start()]):
        return None
    return f"'{m.group(0)}' stands for people named before"


# "its progress", "its rivals": 'its' inside the sentence (an opening 'Its' is an opener) after words that hold no
# thing it could stand for: no name, no "the/a …" noun, no first word that is not a mere opener.
_ITS = re.compile(r"(?<=\s)its\b")
# "On its current path, the province will …": the name comes after the clause that holds 'its'.
_ITS_CATAPHORA = re.compile(r"[^,]{0,80},\s+(?:[a-z]+\s+){0,3}?(?:the|a|an|[A-Z])")
_SINGULAR_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ee]ach|[Ee]very)\s+[a-z]")


def _its_without_antecedent(text: str) -> str | None:
    """'Officials will monitor its progress': whose? Skipped unless a name or a noun with 'the/a' comes before."""
    plain = drop_linking_opener(text)
    m = _ITS.search(_QUOTED.sub(lambda q: " " * len(q.group(0)), plain))  # not an 'its' inside a quotation
    if m is None:
        return None
    first = re.match(r"\W*([A-Za-z]+)", plain)
    if _names_anyone(" " + plain[first.end() if first else 0:m.start()]) or _SINGULAR_BEFORE.search(plain[:m.start()]) \
            or re.search(r"\bit\b", plain[:m.start()], re.I) or _ITS_CATAPHORA.match(plain[m.end():]):
        return None
    # "Construction will double its pace", "Airbus is keeping its options": a first word that is not a mere opener
    # may be what 'its' stands for, unless it is a plural of people ("Officials", "Analysts", "Critics").
    if first and first.group(1).lower() not in {*_scene_openers(), *_function_words()} \
            and not re.fullmatch(r"[A-Z][a-z]+(?:ials|ists|ers|ics|ans|ents)", first.group(1)):
        return None
    return f"'{m.group(0)}' stands for something named before"


# "Firefox, its main rival, has gained …": an apposition whose 'its' is some other thing than the name it describes.
_ITS_APPOSITION = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,\s+its\s+"
                             r"(?:[a-z-]+\s+){0,3}?[a-z-]+\s*,")


def _its_in_apposition(text: str) -> str | None:
    """'Firefox, its main rival, gained 10%': whose rival? Not when a name or a 'the …' noun comes before the one
    described ('Microsoft said Firefox, its main rival, …')."""
    plain = _QUOTED.sub(" … ", drop_linking_opener(text))
    m = _ITS_APPOSITION.search(plain)
    if m is None or _names_anyone(plain[:m.start()]) or _SINGULAR_BEFORE.search(plain[:m.start()]):
        return None
    return "'its' in the apposition stands for something named before"


# "such attacks", "such high-profile cases": things like those the article described before, unless "such … as"
# or "such … that" says what they are like. (An opening "Such …" is an opener.)
_SUCH_PLURAL = re.compile(r"(?<=\s)such\s+(?!as\b|that\b)(?:[a-z-]+\s+)??([a-z]{3,}s)\b"
                          r"(?!\s+(?:as|that|called|named|like|including|of)\b)")


def _such_points_back(text: str) -> str | None:
    """'Police say such attacks are rare': like which? (Not when the sentence named one before: "Pfizer's deal with
    Allergan … such deals".)"""
    plain = _QUOTED.sub(" … ", text)
    m = _SUCH_PLURAL.search(plain)
    if m is None or re.search(rf"\b{re.escape(_stem(m.group(1)))}", plain[:m.start()], re.I):
        return None
    return f"'{m.group(0)}' stands for things described before"


# "The 21-year-old Blues prop has …", "The 30-year-old Lions hooker said …": opening the sentence, an age, maybe a
# team, then a noun: a person the statement never names, unless a name stands right after it. Only as the opening
# subject: "next to the 49-year-old Carrier plant" is a thing's age.
_AGED_EPITHET = re.compile(r"^\W*The \d+-year-old (?:[A-Z][\w'’-]* ){0,2}([a-z][a-z-]+)\b(?! [A-Z])")


def _aged_epithet(text: str) -> str | None:
    plain = _QUOTED.sub(" … ", drop_linking_opener(text))
    m = _AGED_EPITHET.search(plain)
    verbs = lang_en.table("standalone")["subject_verbs"]
    # "The 23-year-old Rafa Ortiz served …": the capitalised words were the name and the word after them its verb.
    if m is None or _names_anyone(plain[:m.start()]) or m.group(1).endswith("ed") or m.group(1) in verbs:
        return None
    return f"'{m.group(0).strip()}' stands for a person named before"


@functools.lru_cache(maxsize=1)
def _feat_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lang_en.table("standalone")["feat_nouns"])
    # As a noun ("reached the landmark in Cardiff", "the milestone."), not as an adjective ("the landmark ruling")
    # nor with what it was ("the milestone of 50 caps").
    return re.compile(rf"\bthe (?:{words})(?=\s*[,.;:!?]|\s*$|\s+(?:in|at|on|for|with|when|after|before|against"
                      r"|was|is|has|had|and|but|by|as|during|last|this|next)\b)", re.I)


def _feat_without_what(text: str) -> str | None:
    """'He reached the landmark in Cardiff': which landmark? The 50th cap was in the sentence before."""
    m = _feat_pattern().search(_QUOTED.sub(" … ", text))
    return f"'{m.group(0)}' stands for something named before" if m else None


@functools.lru_cache(maxsize=1)
def _role_subject_pattern() -> re.Pattern[str]:
    """'The MEP said …', 'The Manchester United wing has …', 'The veteran striker will …': "The", up to three words
    (a team, a party, an adjective), a singular role noun, then its verb. The roles are the person nouns of
    entity_words.yaml and speaker_nouns.yaml with the extra ones of standalone.yaml (role_subjects)."""
    data = lang_en.table("standalone")
    roles = {*lang_en.table("entity_words")["person_nouns"], *lang_en.table("speaker_nouns")["people"],
             *data["role_subjects"]} - set(data["role_subject_exceptions"])
    # Written in lower case ("wing") or, for an abbreviation, in capitals ("MEP"): not "The Prime Minister".
    heads = "|".join(sorted({re.escape(r) for r in roles} | {re.escape(r.upper()) for r in roles if len(r) <= 3},
                            key=len, reverse=True))
    verbs = "|".join(data["subject_verbs"])
    adverbs = "|".join(data["subject_adverbs"])
    return re.compile(rf"^\W*The ((?:[a-z][\w'’-]* |[A-Z][\w'’.-]* ){{0,3}}?)({heads})"
                      rf"(?:\s+(?:{adverbs}))?\s+(?:{verbs}|[a-z]+ed)\b")


def role_subject(text: str) -> tuple[str, str] | None:
    """The opening 'The … <role>' subject of `text` (the words as written, the role noun), or None."""
    m = _role_subject_pattern().match(_QUOTED.sub(" … ", text))
    if m is None:
        return None
    # A bare common role ("The mayor said …") is left to vague_subject, which lets it stand when the headline or
    # the opening names that role; a team or party before it ("The Manchester United wing"), an abbreviation
    # ("The MEP") or a role of role_subjects ("The striker") is some one person of many the student cannot tell.
    role, owned = m.group(2), re.search(r"[A-Z]", m.group(1)) is not None
    if role.islower() and not owned and role not in lang_en.table("standalone")["role_subjects"]:
        return None
    # "The Flood Agency director resigned": the one holder of that role in the body named (as role_problem allows).
    if owned and role.lower() in _roles_of_an_organisation():
        return None
    return text[:m.end(2)], role


def _role_subject(text: str) -> str | None:
    """'The MEP said he would stand': a person the statement calls only by a role (antecedents.py puts the name in
    when the sentence before names that one person, certainly)."""
    found = role_subject(drop_linking_opener(text))
    return f"'{found[0].strip()}' stands for a person named before" if found else None


CONTEXT_RULES: tuple[Callable[[str], str | None], ...] = (
    _time_points_back, _pointing_noun, _demonstrative, _epithet, _percentage_of_whom, _pronoun_speaker,
    _it_points_back, _them_points_back, _early_pronoun, _comparison_without_base, _purpose_without_its_object,
    _deictic_time, _that_points_back, _instead_of_what, _pair_without_members, _pronoun_without_antecedent,
    _it_of_plural_speakers, _writers_voice, _its_without_antecedent, _such_points_back, _aged_epithet, _role_subject,
    _feat_without_what, _its_in_apposition, _pronoun_points_outside)


def sentence_problem(text: str) -> str | None:
    """Why a sentence cannot be printed on its own in an item, or None when it can."""
    return first_reason((*SENTENCE_RULES, *CONTEXT_RULES), text)


# --- one name spelt two ways in one article ("Maurer" three times, "Mauer" once) ---------------------------------

_VOWELS = frozenset("aeiouy")


def _one_slip_apart(longer: str, shorter: str) -> bool:
    """One letter dropped, two neighbours swapped, or one vowel for another, never at the first letter nor where an
    ending differs ('Maurer'/'Mauer', 'Kiedis'/'Keidis', 'Emanuel'/'Emanual'; not 'Iran'/'Iraq', 'Obama'/'Osama',
    'Americans'/'Americas', 'Korea'/'Korean')."""
    if len(longer) < 5 or len(longer) - len(shorter) not in (0, 1):
        return False
    if len(longer) > len(shorter):
        return any(longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer) - 2))
    diff = [i for i, (a, b) in enumerate(zip(longer, shorter, strict=True)) if a != b]
    if len(diff) == 1:
        return 0 < diff[0] < len(longer) - 1 and {longer[diff[0]], shorter[diff[0]]} <= _VOWELS
    return (len(diff) == 2 and diff[1] == diff[0] + 1 and 0 < diff[0] and diff[1] < len(longer) - 1
            and longer[diff[0]] == shorter[diff[1]] and longer[diff[1]] == shorter[diff[0]])


def _names_mid_sentence(sentences: tuple[str, ...]) -> tuple[dict[str, int], dict[str, set[str]]]:
    """How often each capitalised word stands inside a sentence (not first, so a name, not a capitalised opener), and
    the capitalised words beside it ('Donna' beside 'Brazile'); a sentence's first word is no neighbour."""
    counts: dict[str, int] = {}
    beside: dict[str, set[str]] = {}
    for sentence in sentences:
        words = list(_CAPITALISED_WORD.finditer(sentence))
        for m in words:
            if m.start() == 0 or not re.search(r"[A-Za-z,;]\s+$", sentence[:m.start()]):
                continue
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
            before = re.search(r"(?<=\s)([A-Z][\w'’.-]*)\s+$", sentence[:m.start()])
            after = re.match(r"\s+([A-Z][\w'’-]*)", sentence[m.end():])
            beside.setdefault(m.group(1), set()).update(x.group(1) for x in (before, after) if x is not None)
    return counts, beside


def spelling_slips(sentences: tuple[str, ...]) -> dict[str, str]:
    """Names the article spells two ways one slip apart, rarer spelling -> commoner one ('Mauer' -> 'Maurer').
    Both must stand inside sentences, the commoner at least twice and more often; neither is an English word the
    article also writes in lower case ('While'/'White') nor a calendar word ('June'/'Junge'); and the rarer stands
    beside no name the commoner never stands beside ('Michele Bachmann' is not 'Michelle Obama'). On the
    development corpus and the polnear train texts (851 articles) every pair found was a real misspelling (6)."""
    counts, beside = _names_mid_sentence(sentences)
    lower = set(re.findall(r"\b[a-z]+\b", " ".join(sentences)))
    calendar = set(lang_en.table("standalone")["calendar_words"])
    names = sorted(w for w in counts if w.lower() not in lower and w not in calendar)
    slips: dict[str, str] = {}
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            longer, shorter = (first, second) if len(first) >= len(second) else (second, first)
            if not _one_slip_apart(longer, shorter):
                continue
            common, rare = (first, second) if counts[first] > counts[second] else (second, first)
            if counts[common] > counts[rare] and counts[common] >= 2 and beside[rare] <= beside[common] | {common}:
                slips[rare] = common
    return slips


def misspelt_name(text: str, slips: dict[str, str]) -> str | None:
    """A sentence with the rarer of two spellings of one name: skipped (the item would spell it unlike the others)."""
    for rare, common in slips.items():
        if re.search(rf"(?<![\w'’-]){re.escape(rare)}(?![\w-])", text):
            return f"spells '{common}' as '{rare}', a slip in the source"
    return None


def quote_without_subject(quote: str) -> str | None:
    """'“are doing a very good job”', '“being treated unfairly”': quoted words that begin at a verb, lower case, their
    subject left outside the marks. As a who-said quote the student cannot tell who is doing what. ('“we are doing
    well”' and '“a very good job”' are not caught: the first has its subject, the second is no clause to complete.)"""
    first = re.match(r"[\W_]*([a-z][a-z'’]*)\b(?:\s+([a-z][a-z'’]*)\b)?", quote)
    if first is None:
        return None
    data = lang_en.table("standalone")
    word = first.group(1)
    if word in data["subjectless_quote_adverbs"] and first.group(2):
        word = first.group(2)  # "“really means a lot”": the verb after the adverb
    if word in data["subjectless_quote_starts"] or (word.endswith("ing") and word not in data["ing_pronouns"]):
        return f"the quotation begins at its verb ('{word}') with its subject left out"
    return None


_DIGIT_DASH = re.compile(r"(?<=\d) ?([-–]) ?(?=\d)")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_SPACE_INSIDE_BRACKETS = re.compile(r"([(\[])\s+|\s+([)\]])")


_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,}(?:\s*\([A-Za-z .]+\))?\s*[—–-]{1,2}\s+(?=[A-Z])")


def tidy(text: str) -> str:
    """Display form: no dateline ('WASHINGTON (AP) — '), '9 - 8' → '9-8', no space before a comma or inside
    brackets, straight quotation marks among curly ones curled, single spaces, no linking word in front, no time
    counted from the day of writing at the end of a clause."""
    text = _DATELINE.sub("", text)
    text = _DIGIT_DASH.sub(r"\1", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_INSIDE_BRACKETS.sub(lambda m: m.group(1) or m.group(2), text)
    if "“" in text or "”" in text:  # a straight mark among curly ones ('“liberated" by'): curl it the way it faces
        text = re.sub(r'(?<=\S)"', "”", re.sub(r'"(?=\w)', "“", text))
    return _drop_also(drop_linking_opener(drop_deictic_time(re.sub(r"[ \t]{2,}", " ", text).strip())))


# "Boeing also said …", "The council also voted …", "Yukos has also threatened …": 'also' right after the subject
# (or its auxiliary) adds to a sentence the student never reads; the rest stands alone without it.
_ALSO_AFTER_SUBJECT = re.compile(r"^((?:The [a-z]+|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})"
                                 r"(?: (?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should))?)"
                                 r" also (?!known\b)(?=[a-z])")


def _drop_also(text: str) -> str:
    return _ALSO_AFTER_SUBJECT.sub(r"\1 ", text, count=1)


@functools.lru_cache(maxsize=1)
def _roles_of_an_organisation() -> tuple[str, ...]:
    return tuple(sorted((w.lower() for w in lang_en.table("standalone")["roles_of_an_organisation"]), key=len,
                        reverse=True))


def role_problem(role: str) -> str | None:
    """'managing director', 'the committee chairman': a role in an organisation the words never name (no capitalised
    name, no 'of/at/for …'), so it does not say whose. 'managing director of Harbour Lines', 'Tiscali boss' and
    'Labour MP' say it."""
    words = role.strip(" ,.").lower()
    head = next((r for r in _roles_of_an_organisation() if words == r or words.endswith(" " + r)), None)
    if head is None or _A_NAME.search(" " + role) or re.search(r"\b(?:of|at|for|to|with)\s", role):
        return None
    return f"'{role}' does not say of what"

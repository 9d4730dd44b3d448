"""A false statement by negating a key sentence's main claim: "The council approved the plan" -> "The council did
not approve the plan". Used when no name or number of the sentence can be swapped safely.

The main claim is the root verb, or under a reporting verb ("X said (that) Y") the verb of Y. An auxiliary, modal
or copula takes "not" after it ("will" -> "will not", "has" -> "has not"); a simple past or present verb becomes
"did not"/"does not"/"do not" + its lemma. Everything else in the sentence stays byte-identical. Any rule of
REFUSALS that fires means no negated version: a sentence left true is safe, a muddled false one is not.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from quizgen.extract.parsed import SPEECH_VERBS, doc_text, quote_spans
from quizgen.lang.en import table

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_OBJECTS = frozenset({"dobj", "attr", "dative", "oprd"})
_SIMPLE_FORMS = {"VBD": "did not", "VBZ": "does not", "VBP": "do not"}


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in table("negation").items()}


@dataclass(frozen=True)
class _Claim:
    """The sentence as the refusal rules see it: its span and the verb whose claim would be negated."""

    span: Span
    verb: Token
    reporting: Token | None  # the reporting verb above it ("said"), if any


def negated_sentence(span: Span, text: str) -> str | None:
    """`text` (the stripped text of `span`) with its main claim negated, or None when any rule refuses."""
    verb, reporting = _main_verb(span)
    if verb is None:
        return None
    claim = _Claim(span, verb, reporting)
    if any(refuse(claim) for refuse in REFUSALS):
        return None
    offset = span.start_char + (len(span.text) - len(span.text.lstrip()))
    edit = _edit(verb)
    if edit is None:
        return None
    start, end, words = edit
    start, end = start - offset, end - offset
    if not 0 <= start <= end <= len(text):
        return None
    return text[:start] + words + text[end:]


def _main_verb(span: Span) -> tuple[Token | None, Token | None]:
    """The verb whose claim the sentence makes, and the reporting verb above it, if any."""
    root = span.root
    said = [c for c in root.children if c.dep_ == "ccomp"]
    reporting = root.lemma_.lower() in SPEECH_VERBS or root.lemma_.lower() in _words()["finding_verbs"]
    if reporting and said:
        # "X said (that) Y": Y's verb; two reported clauses (often one misparsed) leave no one claim to negate
        if len(said) == 1 and said[0].pos_ in {"VERB", "AUX"}:
            return said[0], root
        return None, None
    return (root, None) if root.pos_ in {"VERB", "AUX"} else (None, None)


def _auxiliary(verb: Token) -> Token | None:
    """The first auxiliary of `verb` ("has" in "has been sold"), or the verb itself when it is a copula."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i and c.tag_ != "TO"]
    if auxes:
        return auxes[0]
    return verb if verb.lemma_.lower() == "be" else None


def _edit(verb: Token) -> tuple[int, int, str] | None:
    """(start, end, words): the characters of the doc to replace, and what with."""
    aux = _auxiliary(verb)
    if aux is not None:
        if aux.lower_ not in _words()["aux_forms"]:
            return None  # "'s", "'ll", "ought": a form "not" cannot simply follow
        if aux.lower_ == "can":
            return aux.idx, aux.idx + len(aux.text), aux.text + "not"
        end = aux.idx + len(aux.text)
        return end, end, " not"
    form = _SIMPLE_FORMS.get(verb.tag_)
    if form is None or verb.i == verb.sent.start:
        return None  # a bare participle or infinitive heads no statement
    return verb.idx, verb.idx + len(verb.text), f"{form} {verb.lemma_.lower()}"


# --- refusals: each True means "not sure this negation is plainly false" ------------------------------------------

def _already_negative(c: _Claim) -> bool:
    """'not', 'never', 'no', "n't", 'nobody' … anywhere: a second negation reads as a riddle."""
    return any(t.lower_ in _words()["negative_words"] or t.dep_ == "neg" for t in c.span)


def _negative_verb(c: _Claim) -> bool:
    """'denied that …', 'failed to …': the verb is a negation already."""
    return any(t.lemma_.lower() in _words()["negative_verbs"] for t in (c.verb, c.reporting) if t is not None)


def _in_quotation(c: _Claim) -> bool:
    """The verb is inside quotation marks: someone's words, which a statement must not change."""
    doc = c.span.doc
    return any(start <= c.verb.idx < end for start, end, _ in quote_spans(doc_text(doc)))


# A clause about a noun ("the bridge that workers built and painted") holds its own verbs; any other clause does
# not shield a joined verb ("… over which approach is best and say …" is often the main claim misparsed).
_CLAUSE_EDGES = frozenset({"relcl", "acl"})


def _coordinated(c: _Claim) -> bool:
    """'resigned and left the party', 'are divided and say …': negating one verb of two says neither or only one.
    A verb joined to the main verb, or to a word of its clause ('divided' of 'are divided'), counts; one inside a
    clause about a noun ('the man who came and went') does not."""
    heads = {c.verb.i} | ({c.reporting.i} if c.reporting is not None else set())
    for token in c.span:
        if token.dep_ != "conj" or token.pos_ not in {"VERB", "AUX"}:
            continue
        head = token.head
        while head.i not in heads and head.dep_ not in _CLAUSE_EDGES and head.head.i != head.i:
            head = head.head
        if head.i in heads:
            return True
    return False


def _quantified(c: _Claim) -> bool:
    """'All members voted', 'only the chair spoke', 'Three people were hurt': 'not' no longer says the opposite."""
    quantifiers = _words()["quantifiers"]
    if any(t.lower_ == "only" for t in c.span):
        return True
    # the reported claim's subject and object, and the subject of the verb reporting it ("Many commentators believe")
    parts = [*c.verb.children, *(t for t in c.reporting.children if t.dep_ in _SUBJECTS)] if c.reporting else list(
        c.verb.children)
    for child in parts:
        if child.dep_ in _SUBJECTS | _OBJECTS:
            words = list(child.subtree)
            if any(t.lower_ in quantifiers for t in words):
                return True
            if child.dep_ in _SUBJECTS and any(t.like_num or t.pos_ == "NUM" for t in words):
                return True
    return False


def _condition_or_question(c: _Claim) -> bool:
    """'If the vote passes …', 'whether …', a question: no plain claim."""
    return c.span.text.rstrip().endswith("?") or any(t.lower_ in _words()["conditions"] for t in c.span)


def _possibility(c: _Claim) -> bool:
    """'could', 'might', 'may', 'should': negating a possibility or advice is not false."""
    return any(t.lower_ in _words()["possibility_modals"] for t in c.verb.children if t.dep_ == "aux")


def _comparative(c: _Claim) -> bool:
    """'more than 100', 'bigger', 'less': 'not more than' is a different claim, not the opposite."""
    return any(t.tag_ in {"JJR", "RBR"} for t in c.span)


def _scoped_reason_or_time(c: _Claim) -> bool:
    """'resigned after the vote', 'because of …', 'challenged her when she ran': 'did not resign after the vote' may
    mean he resigned before."""
    scope = _words()["scope_words"]
    return any(t.lower_ in scope for child in c.verb.children if child.dep_ in {"advcl", "prep", "mark"}
               for t in (child, *(g for g in child.children if g.dep_ in {"mark", "advmod"})))


def _focus_adverb(c: _Claim) -> bool:
    """'is also a validator', 'is usually for new workers', 'has already hit': 'not' would bind to the adverb, and
    'not usually' is no opposite of 'usually'."""
    return any(t.lower_ in _words()["focus_adverbs"] for t in c.span)


def _embedded_question(c: _Claim) -> bool:
    """'was asked which of her enemies she was most proud …': the reported clause is a question, not a claim."""
    if c.reporting is None:
        return False
    between = c.span.doc[min(c.reporting.i, c.verb.left_edge.i):c.verb.i]  # "asked which …", "wondered how …"
    return any(t.tag_ in {"WDT", "WP", "WP$", "WRB"} for t in between)


def _subordinate(c: _Claim) -> bool:
    """'… fair game as treatment of women enters campaign': a verb under 'as', 'because' … is no main claim (the
    sentence's own main clause has no verb the parser found)."""
    return any(t.dep_ == "mark" and t.lower_ not in {"that", "to"} for t in c.verb.children)


def _trailing_participle(c: _Claim) -> bool:
    """'scored a victory, embarrassing Clinton': what the trailing clause says follows from the claim, so the
    negated statement contradicts itself."""
    return any(t.dep_ in {"advcl", "xcomp"} and t.tag_ == "VBG" and t.i > c.verb.i
               and c.span.doc[t.left_edge.i - 1].text == "," for t in c.verb.children)


def _adverb_before_verb(c: _Claim) -> bool:
    """'He also announced', 'has already said': an adverb between subject and verb would sit oddly by 'not'."""
    subject_end = max((t.i for t in c.verb.children if t.dep_ in _SUBJECTS), default=c.span.start - 1)
    return any(t.dep_ in {"advmod", "npadvmod"} and subject_end < t.i < c.verb.i for t in c.verb.children)


def _finding_without_claim(c: _Claim) -> bool:
    """'The study found high levels of salt', 'reports have revealed it': a verb of finding or showing with no
    reported clause to pass the negation to; denying the finding tests nothing."""
    return c.reporting is None and c.verb.lemma_.lower() in _words()["finding_verbs"]


_CLAUSE_BREAKS = frozenset({",", "-", "--", "–", "—", ";"})


def _result_follows(c: _Claim) -> bool:
    """'tested the market with two singles, which reached the top ten', 'contacted the skippers, who helped her',
    'restored the lighthouse, drawing visitors': a clause after the verb tells what came of the event, so the
    negated statement contradicts itself."""
    after = c.span.doc[c.verb.i + 1:c.span.end]
    return any(t.dep_ == "relcl" or (t.tag_ == "VBG" and c.span.doc[t.i - 1].text in _CLAUSE_BREAKS) for t in after)


def _universal(c: _Claim) -> bool:
    """'As with all harbour festivals …', 'visitors from every town', 'not all': the negation argues with the
    universal instead of denying the claim."""
    return any(t.lower_ in _words()["universal_words"] for t in c.span)


# The verb's own tag against its subject's: a plural verb tag on a singular noun ("The argument … echo") or the
# reverse means the tagger misread one of them, and do/does would print the error.
_SINGULAR_NOUNS, _PLURAL_NOUNS = frozenset({"NN", "NNP"}), frozenset({"NNS", "NNPS"})


def _disagreeing_subject(c: _Claim) -> bool:
    """'The argument of the traders echo …' (tagged VBP): does/do from the verb's tag would not agree. A singular
    noun joined to another ('Kerrow and Harwick grow') is a plural subject."""
    subjects = [t for t in c.verb.children if t.dep_ == "nsubj"]
    if c.verb.tag_ == "VBP":
        return any(t.tag_ in _SINGULAR_NOUNS and not any(g.dep_ == "conj" for g in t.children) for t in subjects)
    if c.verb.tag_ == "VBZ":
        return any(t.tag_ in _PLURAL_NOUNS for t in subjects)
    return False


def _noun_read_as_verb(c: _Claim) -> bool:
    """'Kerrow and Munster lock Tom Ellis has dismissed …': a noun taken for the verb. Shows as a name right after
    the verb with another finite verb later, or a name right before a verb that has no subject of its own."""
    doc, verb = c.span.doc, c.verb
    after = doc[verb.i + 1] if verb.i + 1 < c.span.end else None
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
        later = doc[verb.i + 2:c.span.end]
        if any(t.tag_ in _SIMPLE_FORMS or t.tag_ == "MD" for t in later):
            return True
    before = doc[verb.i - 1] if verb.i > c.span.start else None
    has_subject = any(t.dep_ in {"nsubj", "nsubjpass"} for t in verb.children)
    return before is not None and before.pos_ == "PROPN" and not has_subject


def _evaluative_object(c: _Claim) -> bool:
    """'will offer voters an honest choice', 'is a fair deal': negated, an opinion or an absurd promise."""
    evaluative = _words()["evaluative_adjectives"]
    objects = [t for t in c.verb.children if t.dep_ in _OBJECTS | {"dobj", "acomp"}]
    return any(t.lower_ in evaluative for child in objects for t in child.subtree)


def _opinion_or_trailing_time(c: _Claim) -> bool:
    """'The original approach is reflected in the name' (an opinion: its subject is an idea, its verb 'be'), and
    '…, nearly a decade ago' (a time tacked on after a comma that 'not' reads clumsily with)."""
    doc = c.span.doc
    if any(t.lower_ == "ago" and doc[t.left_edge.i - 1].text == "," for t in c.span if t.i > c.verb.i):
        return True
    copula = c.verb.lemma_.lower() == "be" or any(
        t.dep_ in {"aux", "auxpass"} and t.lemma_.lower() == "be" for t in c.verb.children)
    return copula and any(t.dep_ in _SUBJECTS and t.lemma_.lower() in _words()["opinion_nouns"]
                          for t in c.verb.children)


def _conjoined_complement(c: _Claim) -> bool:
    """'was the founder of the trust and a member of the council', 'a donor to the fund and to the museum': 'not A
    and B' may mean neither or not both, so the statement is not plainly false."""
    objects = [t for t in c.verb.children if t.dep_ in _OBJECTS | {"dobj", "acomp"}]
    preps = [t for head in (c.verb, *objects) for t in head.children if t.dep_ == "prep"]
    heads = [*objects, *preps, *(t for p in preps for t in p.children if t.dep_ == "pobj")]
    return any(t.dep_ == "conj" and t.pos_ not in {"VERB", "AUX"} for h in heads for t in h.children)


def _reason_phrase(c: _Claim) -> bool:
    """'Fewer boats sink thanks to the new wall': the negation would take the reason, not the event."""
    words = f" {' '.join(t.lower_ for t in c.span)} "
    return any(f" {phrase} " in words for phrase in _words()["reason_phrases"])


def _be_to_infinitive(c: _Claim) -> bool:
    """'The pupils are to travel by ferry': 'are not to travel' reads as a prohibition, not as the opposite."""
    return c.verb.lemma_.lower() == "be" and any(
        t.dep_ == "xcomp" and any(g.tag_ == "TO" for g in t.children) for t in c.verb.children)


def _negative_prefix(word: Token) -> bool:
    """'undimmed', 'unclear', 'inconsistent' (not 'important', 'unique'): an adjective negative by its prefix."""
    lower = word.lower_
    if word.pos_ != "ADJ" and not (word.tag_ == "VBN" and lower.startswith("un")):
        return False
    return any(lower.startswith(p) and len(lower) - len(p) >= 4 for p in _words()["negative_prefixes"]) and not any(
        lower.startswith(e) for e in _words()["negative_prefix_exceptions"])


def _double_negative(c: _Claim) -> bool:
    """'remains undimmed', 'is unclear' in the predicate (not the subject): 'does not remain undimmed' is a double
    negative that reads as a riddle. ('without' is one of the negative words `_already_negative` refuses.)"""
    predicate = [t for child in c.verb.children if child.dep_ not in _SUBJECTS for t in child.subtree]
    return any(_negative_prefix(t) for t in predicate)


def _beside_another_clause(c: _Claim) -> bool:
    """'The trust reached out and the skipper was invited', '…; the skipper was invited': the clause beside it often
    presupposes the claim, so the negated statement contradicts itself. Refused whatever clause the verb is in."""
    if c.verb.dep_ == "conj" and c.verb.head.pos_ in {"VERB", "AUX"}:
        return True
    if any(t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"} for t in c.verb.children):
        return True
    doc = c.span.doc
    return any(t.dep_ == "parataxis" or (t.dep_ == "ccomp" and t.i < c.verb.i and doc[t.right_edge.i + 1].text in
                                          _CLAUSE_BREAKS) for t in c.verb.children)


def _coordinated_prepositional_object(c: _Claim) -> bool:
    """'have come from the council in Kerrow and from the trust', 'sailed to Kerrow and Harwick': 'not from A and
    from B' may mean neither or not both, and reads awkwardly without 'neither … nor'."""
    phrases = [t for t in c.verb.children if t.dep_ in {"prep", "agent", "dative"}]
    return any(t.dep_ == "conj" and (t.pos_ == "ADP" or t.head.dep_ == "pobj")
               for phrase in phrases for t in phrase.subtree)


def _approximate_figure(c: _Claim) -> bool:
    """'has about 40 customers': 'does not have about 40 customers' denies a rough count, not the claim."""
    doc = c.span.doc
    return any(t.lower_ in _words()["approximators"] and t.i + 1 < c.span.end and doc[t.i + 1].like_num
               for t in c.span)


def _means_phrase(c: _Claim) -> bool:
    """'is protesting … by giving away a shotgun': 'not … by giving' may mean he protests some other way."""
    return any(t.dep_ == "prep" and t.lower_ == "by" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in t.children)
               for t in c.verb.children)


# A sentence for which any rule says True gets no negated version.
REFUSALS: tuple[Callable[[_Claim], bool], ...] = (
    _already_negative, _negative_verb, _in_quotation, _coordinated, _quantified, _condition_or_question,
    _possibility, _comparative, _scoped_reason_or_time, _adverb_before_verb, _focus_adverb, _embedded_question,
    _subordinate, _trailing_participle, _finding_without_claim, _result_follows, _universal, _disagreeing_subject,
    _noun_read_as_verb, _evaluative_object, _opinion_or_trailing_time, _conjoined_complement,
    _reason_phrase, _be_to_infinitive, _double_negative, _beside_another_clause, _coordinated_prepositional_object,
    _approximate_figure, _means_phrase,
)

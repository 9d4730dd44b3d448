"""The parsed article: spaCy docs per paragraph with global sentence numbering (internal to extract)."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quizgen.lang.en import table
from quizgen.model import Article, Sentence

_OPEN = "“"
_CLOSE = "”"
_STRAIGHT = '"'

# Verbs that introduce speech, by lemma ("said", "told", "vowed", "tweets"): English data, see the file.
_REPORTING = table("reporting_verbs")
SPEECH_VERBS = frozenset(_REPORTING["speech"]) | frozenset(_REPORTING["attitude"])


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: spaCy's `Doc.text` joins every token again on each access."""
    text = doc.user_data.get("quizgen_text")
    if text is None:
        text = doc.user_data["quizgen_text"] = doc.text
    return text


# A quotation mark: curly, straight, or two apostrophes standing for a straight one ('' as some feeds write it).
_MARK = re.compile(r"[“”\"]|''")


def _faces(text: str, i: int, width: int, open_now: bool) -> str:
    """Which way a straight mark at `i` faces: after a space and before a word it opens, after a word and before a
    space it closes; otherwise it toggles."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    opens = (before.isspace() or before in "([—–-") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)—–-")
    if opens != closes:
        return _OPEN if opens else _CLOSE
    return _CLOSE if open_now else _OPEN


@functools.lru_cache(maxsize=512)  # asked for the same paragraph by every extractor
def quote_spans(text: str) -> tuple[tuple[int, int, bool], ...]:
    """(start, end, closed) of double-quoted stretches; start/end exclude the marks.

    Curly marks say which way they face; a straight one (or two apostrophes, '') faces the way its neighbours say
    (articles mix them: “Katyusha"). An opening mark while a quote is open starts a new one: the paragraph break of
    a quote continued over paragraphs was lost ('… you never know. "In my back …'). An opening mark with no closing
    one runs to the end of the paragraph (a quote continued below).
    """
    spans: list[tuple[int, int, bool]] = []
    start: int | None = None
    for mark in _MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch not in {_OPEN, _CLOSE}:
            ch = _faces(text, i, len(mark.group()), start is not None)
        if ch == _OPEN:
            if start is not None and text[start:i].rstrip()[-1:] in {".", "!", "?"}:
                spans.append((start, i - 1 if text[i - 1] == " " else i, False))
                start = None
            if start is None:
                start = mark.end()
        elif start is not None:
            spans.append((start, i, True))
            start = None
    if start is not None:
        spans.append((start, len(text), False))
    return tuple(spans)


def _protect_quotes(doc: Doc) -> Doc:
    """Keep a quotation and the attribution right after it in one sentence: “Until the end!" a commander shouts.

    Tokens are found by offset (bisect), not by a walk over the whole paragraph for each quotation."""
    text = doc_text(doc)
    offsets = [token.idx for token in doc]
    for start, end, closed in quote_spans(text):
        i = bisect.bisect_right(offsets, start)  # the first token after the opening mark
        while i < len(offsets) and offsets[i] < end:
            doc[i].is_sent_start = False
            i += 1
        after = bisect.bisect_right(offsets, end)  # the first token after the closing mark's offset
        if closed and after < len(offsets):
            # The closing mark itself and a lower-case word after it continue the sentence; a capitalised word
            # after a quotation closed by a full stop starts a new one ('… announced." The government …': an
            # attribution follows a comma, '!' or '?', not a full stop).
            token = doc[after]
            gap = text[end:token.idx]
            if text[:end].rstrip(" '’")[-1:] == "." and token.text[:1].isupper() and gap.strip() in {_CLOSE, _STRAIGHT}:
                token.is_sent_start = True
            elif gap.strip(" '" + _CLOSE + _STRAIGHT) == "" or (token.is_lower and len(gap) <= 3):
                token.is_sent_start = False
    return doc


def add_quote_guard(nlp: Language) -> None:
    """Put quizgen's quote guard in `nlp` before the parser, once: a quotation and its attribution stay one sentence."""
    if "quizgen_quote_guard" not in nlp.pipe_names:
        if not Language.has_factory("quizgen_quote_guard"):
            Language.component("quizgen_quote_guard", func=_protect_quotes)
        nlp.add_pipe("quizgen_quote_guard", before="parser")


@dataclass
class ParsedArticle:
    article: Article
    docs: list[Doc]
    sentences: list[Sentence]
    spans: list[Span]  # spaCy sentence span for each Sentence

    def sentence_of(self, paragraph: int, char: int) -> int:
        """Global sentence index holding character `char` of paragraph `paragraph`."""
        best = 0
        for index, (sent, span) in enumerate(zip(self.sentences, self.spans, strict=True)):
            if sent.paragraph == paragraph:
                if span.start_char <= char:
                    best = index
                else:
                    break
            elif sent.paragraph > paragraph:
                break
        return best

    def token_sentence(self, paragraph: int, token: Token) -> int:
        """Global sentence index holding `token` of paragraph `paragraph`."""
        return self.sentence_of(paragraph, token.idx)


def parse(nlp: Language, article: Article) -> ParsedArticle:
    """The article parsed by `nlp` (quote guard added), one doc per paragraph, its non-blank sentences numbered
    across the whole article."""
    add_quote_guard(nlp)
    # A few paragraphs at a time: spaCy's memory grows with the tokens of a batch (16 kB each), and its default of
    # 1,000 paragraphs put a whole article of punctuation in one batch (40,000 tokens, 800 MB). Same results.
    docs = list(nlp.pipe(article.paragraphs, batch_size=16))
    sentences: list[Sentence] = []
    spans: list[Span] = []
    for p_index, doc in enumerate(docs):
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            sentences.append(Sentence(index=len(sentences), paragraph=p_index, text=text))
            spans.append(sent)
    return ParsedArticle(article=article, docs=docs, sentences=sentences, spans=spans)

"""The parsed article: spaCy docs per paragraph with global sentence numbering (internal to extract)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quizgen.model import Article, Sentence

_OPEN = "“"
_CLOSE = "”"
_STRAIGHT = '"'

# Verbs that introduce speech: "said", "told", "shouts", "sing".
SPEECH_VERBS = {
    "say", "tell", "add", "shout", "sing", "ask", "declare", "explain", "insist", "warn", "claim", "state", "note",
    "reply", "answer", "continue", "cry", "scream", "chant", "announce", "recall", "argue", "joke", "whisper",
    "yell", "write", "admit", "suggest", "comment", "remark", "conclude", "confirm", "promise", "predict", "boast",
    "complain", "acknowledge", "observe", "stress", "urge", "agree", "exclaim", "respond", "tweet", "post",
}


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: spaCy's `Doc.text` joins every token again on each access."""
    text = doc.user_data.get("quizgen_text")
    if text is None:
        text = doc.user_data["quizgen_text"] = doc.text
    return text


@functools.lru_cache(maxsize=512)  # asked for the same paragraph by every extractor
def quote_spans(text: str) -> tuple[tuple[int, int, bool], ...]:
    """(start, end, closed) of double-quoted stretches; start/end exclude the marks.

    Curly marks say which way they face. A straight mark faces the way its neighbours say: after a space and
    before a word it opens, after a word and before a space it closes; otherwise it toggles (articles mix the
    two: “Katyusha"). An opening mark while a quote is open starts a new one: the paragraph break of a quote
    continued over paragraphs was lost ('… you never know. "In my back …'). An opening mark with no closing one
    runs to the end of the paragraph (a quote continued below).
    """
    spans: list[tuple[int, int, bool]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if ch not in {_OPEN, _CLOSE, _STRAIGHT}:
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == _STRAIGHT:
            opens = (before.isspace() or before in "([—–-") and not after.isspace()
            closes = not before.isspace() and (after.isspace() or after in ".,;:!?)—–-")
            ch = _OPEN if opens and not closes else _CLOSE if closes and not opens else (
                _OPEN if start is None else _CLOSE)
        if ch == _OPEN:
            if start is not None and text[start:i].rstrip()[-1:] in {".", "!", "?"}:
                spans.append((start, i - 1 if text[i - 1] == " " else i, False))
                start = None
            if start is None:
                start = i + 1
        elif start is not None:
            spans.append((start, i, True))
            start = None
    if start is not None:
        spans.append((start, len(text), False))
    return tuple(spans)


def _protect_quotes(doc: Doc) -> Doc:
    """Keep a quotation and the attribution right after it in one sentence: “Until the end!" a commander shouts."""
    text = doc_text(doc)
    for start, end, closed in quote_spans(text):
        for token in doc:
            if start < token.idx < end:
                token.is_sent_start = False
            elif closed and token.idx > end:
                # The closing mark itself and a lower-case word after it continue the sentence.
                gap = text[end:token.idx]
                if gap.strip(" " + _CLOSE + _STRAIGHT) == "" or (token.is_lower and len(gap) <= 3):
                    token.is_sent_start = False
                break
    return doc


def add_quote_guard(nlp: Language) -> None:
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
        return self.sentence_of(paragraph, token.idx)


def parse(nlp: Language, article: Article) -> ParsedArticle:
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

"""Property: whatever bytes an article file holds, reading it gives an Article within the bounds or one InputError,
never another exception, a control character, an over-long word or line (issue 15)."""

from __future__ import annotations

import tempfile
import unicodedata
import warnings
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizgen.errors import InputError, InputWarning
from quizgen.readers import read_article
from quizgen.readers.normalize import MAX_LINE, MAX_TITLE, MAX_WORD

# Pieces that were hostile before: marks that repeat, brackets, markdown, controls, escapes, front matter, "and".
PIECES = st.sampled_from(['"', "[", "(", ")", "]", "!", "“", "—", "*", "_", " _x", " *x", "![", "](", "<!--", "```",
                          "\x0b", "\x1b[31m", "\x07", "\x85", "\u2028", "\t", "\n", "\n\n", " ", "and ", "By Ann ",
                          "write to ", " at ", "@", "---\n", "title: ", "date: 2024-02-30\n", "&a ", "*a ",
                          "The ferry sailed to Kirkwall on Tuesday. ", "Ann Smith said. "])
RUNS = st.tuples(PIECES, st.integers(1, 2_000)).map(lambda pair: pair[0] * pair[1])
TEXTS = st.lists(st.one_of(RUNS, PIECES, st.text(max_size=40)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=TEXTS, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_reads_within_bounds_or_is_one_input_error(text, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a{suffix}"
        path.write_text("Title line\n\n" + text, encoding="utf-8", errors="surrogatepass")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", InputWarning)
                article = read_article(path)
        except InputError as err:
            assert "\n" not in str(err) and "\x1b" not in str(err)
            event(f"refused: {str(err).split(': ', 1)[1][:30]}")
            return
    event("read")
    fields = [article.title, article.byline or "", article.date or "", article.source or "", *article.paragraphs]
    for field in fields:
        assert not [ch for ch in field if unicodedata.category(ch) == "Cc" and ch not in "\n\t"], repr(field)
        assert all(len(word) <= MAX_WORD for word in field.split()), repr(field)
    assert len(article.title) <= MAX_TITLE
    assert all(len(p) <= MAX_LINE for p in article.paragraphs)

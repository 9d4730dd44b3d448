"""Readers' comments printed under a news article are not the article's claims: every reader cuts them."""

from __future__ import annotations

import pytest

from quizgen.readers import read_article
from quizgen.readers.furniture import (
    before_comments,
    comments_heading_at,
    without_reader_voice,
    without_signed_comments,
)

_STORY = [
    "The harbour board voted on Monday to close the old ferry pier at Dunmore by the end of March.",
    "Repairs would have cost £4m, the board said, more than twice its yearly budget for the whole port.",
    "\u201cWe looked at every option,\u201d said the board's chair, Iris Quayle.",
    "Fishing boats will move to the new slipway a mile to the north, which opened in 2019.",
    "The pier was built in 1894 and carried the island's mail boat until the 1970s.",
    "Campaigners said they would ask the council to list the pier as a historic structure.",
]
_COMMENTS = [
    "I have used that pier every week for thirty years and this is a disgrace.",
    "Rory Blane, Dunmore, Scotland",
    "Good riddance, the new slipway is far safer for everyone. Meg Ashdown, Portree",
]


def _as_text(paragraphs: list[str]) -> str:
    return "Ferry pier to close\n\n" + "\n\n".join(paragraphs) + "\n"


def _as_markdown(paragraphs: list[str]) -> str:
    return "# Ferry pier to close\n\n" + "\n\n".join(paragraphs) + "\n"


def _as_html(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>Ferry pier to close</title></head><body><article><h1>Ferry pier to close</h1>"
            f"{body}</article></body></html>")


@pytest.mark.parametrize("heading", ["Here is a selection of your comments:", "Your comments:",
                                     "Have your say", "Send us your comments using the form below.",
                                     "Here are some of your comments so far."])
@pytest.mark.parametrize(("suffix", "render"), [(".txt", _as_text), (".md", _as_markdown),
                                                 (".html", _as_html)])
def test_every_reader_cuts_the_comments_after_a_heading(tmp_path, heading, suffix, render):
    path = tmp_path / f"pier{suffix}"
    path.write_text(render([*_STORY, heading, *_COMMENTS, "I could not care less about the pier."]),
                    encoding="utf-8")
    assert read_article(path).paragraphs == tuple(_STORY)


def test_a_heading_ending_a_paragraph_cuts_from_its_sentence():
    kept = before_comments([_STORY[0], _STORY[1] + " Have your say.", *_COMMENTS])
    assert kept == [_STORY[0], _STORY[1]]
    assert comments_heading_at(_STORY[1]) is None


def test_signed_comments_closing_the_article_are_cut_without_a_heading(tmp_path):
    path = tmp_path / "pier.txt"
    path.write_text(_as_text([*_STORY, *_COMMENTS]), encoding="utf-8")
    assert read_article(path).paragraphs == tuple(_STORY)


def test_a_signature_alone_takes_the_comment_before_it_and_no_more():
    assert without_signed_comments([*_STORY, _COMMENTS[0], _COMMENTS[1]]) == _STORY
    assert without_signed_comments(list(_STORY)) == _STORY


@pytest.mark.parametrize("paragraph", [
    "The board will meet again in Oban, Argyll and Bute, next month.",  # a place list inside a sentence
    "\u201cWhat do you think would happen if we did nothing?\u201d asked Quayle.",  # a question in a quotation
    "Readers of the Dunmore Gazette had sent more than 300 letters about the pier.",
    "Work Starts Tomorrow, But For Today, Congratulations.",  # a headline in title case, not a signature
])
def test_article_sentences_that_look_like_comment_furniture_stay(paragraph):
    assert before_comments([_STORY[0], paragraph]) == [_STORY[0], paragraph]
    assert without_signed_comments([_STORY[0], paragraph]) == [_STORY[0], paragraph]


def test_closing_paragraphs_in_a_reader_s_voice_are_cut_after_a_third_person_article(tmp_path):
    """No heading, no signature: the closing paragraphs say "I" and exclaim, the article before never does."""
    voices = ["I grew up by that pier and I think the board has let the town down.",
              "What a waste of a lovely old structure! Bring back the mail boat."]
    path = tmp_path / "pier.txt"
    path.write_text(_as_text([*_STORY, *voices]), encoding="utf-8")
    assert read_article(path).paragraphs == tuple(_STORY)


@pytest.mark.parametrize("closing", [
    "\u201cI grew up by that pier and I will miss it,\u201d said Rory Blane, a fisherman.",  # "I" inside a quotation
    "He told Yahoo! News that the R.I. senator would visit the pier as we know it.",  # no reader's voice
])
def test_quotations_and_news_english_are_no_reader_s_voice(closing):
    assert without_reader_voice([*_STORY, closing]) == [*_STORY, closing]


def test_a_column_written_as_i_all_through_is_kept_whole():
    column = ["I have walked the pier every morning for a decade.", *_STORY, "I will miss it more than I can say."]
    assert without_reader_voice(column) == column


def test_a_quotation_continued_over_paragraphs_is_no_reader_s_voice():
    """'"… in Holland. "I think …' reopens a quotation: a speaker's words, however the marks pair up."""
    closing = ('The clerk said the rules were fair. "It is stricter than before, but not as strict as in Holland. '
               '"I think it is a fair answer to a real problem," the clerk said.')
    assert without_reader_voice([*_STORY, closing]) == [*_STORY, closing]

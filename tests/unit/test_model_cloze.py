"""Cloze text: blanks kept by position, article braces never read as a cloze marker."""

import pytest

from quizgen.model import ClozeBlank, build_cloze, cloze_parts


def test_blank_kept_at_its_position_not_the_first_match():
    text = "Mr Brownlow met Brown in Leeds."
    cloze = build_cloze(text, [(text.rindex("Brown"), text.rindex("Brown") + 5)])
    assert cloze == "Mr Brownlow met {{c1::Brown}} in Leeds."
    assert cloze_parts(cloze) == ("Mr Brownlow met ", ClozeBlank(1, "Brown"), " in Leeds.")


def test_article_text_cannot_open_a_deletion():
    text = "A sign read {{c7::free}} at the door of Leeds."
    cloze = build_cloze(text, [(text.index("Leeds"), text.index("Leeds") + 5)])
    assert [p for p in cloze_parts(cloze) if isinstance(p, ClozeBlank)] == [ClozeBlank(1, "Leeds")]


def test_blanks_numbered_in_reading_order_and_overlaps_refused():
    text = "Ann met Bo in Rome."
    assert build_cloze(text, [(14, 18), (0, 3)]) == "{{c1::Ann}} met Bo in {{c2::Rome}}."
    with pytest.raises(ValueError):
        build_cloze(text, [(0, 5), (4, 8)])


def test_a_blank_may_end_in_a_brace():
    text = "Type x} here."
    assert cloze_parts(build_cloze(text, [(5, 7)]))[1] == ClozeBlank(1, "x}")
    assert cloze_parts("{{c1::}}}")[1] == ClozeBlank(1, "}")

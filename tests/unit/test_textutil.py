"""Text helpers shared by extraction and generation."""

from __future__ import annotations

import pytest

from quizgen.textutil import slugify, stable_id, strip_honorific, with_honorific


@pytest.mark.parametrize(("name", "bare"), [("Mr Blair", "Blair"), ("Dr. Tomas Aaberg", "Tomas Aaberg"),
                                            ("Mr", "Mr"), ("Mrs Thatcher", "Thatcher"), ("Misty Day", "Misty Day")])
def test_strip_honorific(name, bare):
    assert strip_honorific(name) == bare


def test_with_honorific_takes_the_title_the_text_uses():
    text = "The allies of Mr Blair and Gordon Brown met."
    assert with_honorific("Blair", text) == "Mr Blair"
    assert with_honorific("Gordon Brown", text) == "Gordon Brown"


@pytest.mark.parametrize(("title", "slug"), [("../../etc/passwd", "etc-passwd"), ("", "article"),
                                             ("Привет мир", "article-" + stable_id("Привет мир", length=8)),
                                             ("Café déjà vu", "cafe-deja-vu"),
                                             ("…", "article-" + stable_id("…", length=8))])
def test_slug_stays_a_plain_name(title, slug):
    assert slugify(title) == slug
    assert len(slugify("word " * 50)) <= 60

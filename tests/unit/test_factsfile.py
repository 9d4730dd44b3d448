"""facts.yaml: exact round trip, and errors that name file, line and field."""

from __future__ import annotations

import pytest

from quizgen.errors import FactsFileError
from quizgen.factsfile import dump_facts, parse_facts, read_facts
from quizgen.yamlio import was_edited
from tests.unit.factories import sample_facts


def test_round_trip_is_exact(tmp_path):
    text = dump_facts(sample_facts())
    facts = parse_facts(text, "facts.yaml")
    assert facts == sample_facts()
    assert dump_facts(facts) == text
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    assert not was_edited(path)
    path.write_text(text.replace("Priya Nair", "Priya Naire"), encoding="utf-8")
    assert was_edited(path)


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_wrong_type_names_line_and_field():
    text = dump_facts(sample_facts()).replace("mentions: 3", "mentions: lots")
    with pytest.raises(FactsFileError) as err:
        parse_facts(text, "facts.yaml")
    assert f"facts.yaml:{_line_of(text, 'mentions: lots')}:" in str(err.value)
    assert "entities[0].mentions" in str(err.value)


@pytest.mark.parametrize(("change", "words"), [
    (("schema: 1", "schema: 99"), "newer than this quizgen"),
    (("  speaker: Priya Nair\n", "  speaker: Priya Nair\n  mood: happy\n"), "unknown field 'mood'"),
    (("- id: q-nair\n  text: We cannot wait for the next flood\n", "- id: q-nair\n"), "missing required field 'text'"),
    (("  sentence: 5\n  enabled: true\nkey_sentences", "  sentence: 50\n  enabled: true\nkey_sentences"),
     "sentence 50 does not exist"),
])
def test_malformed_files_are_refused(change, words):
    text = dump_facts(sample_facts())
    assert change[0] in text
    with pytest.raises(FactsFileError) as err:
        parse_facts(text.replace(change[0], change[1], 1), "facts.yaml")
    assert words in str(err.value) and str(err.value).startswith("facts.yaml:")


def test_billion_laughs_is_refused_without_expanding():
    bomb = 'schema: 1\na: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    with pytest.raises(FactsFileError) as err:
        parse_facts(bomb, "bomb.yaml")
    assert "aliases are not allowed" in str(err.value)


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    import os

    from quizgen.errors import ExportError
    from quizgen.outputs import write_atomic

    target = tmp_path / "deck.apkg"
    write_atomic(target, b"old and complete")

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(ExportError, match="No space left on device"):
        write_atomic(target, b"new" * 1000)
    assert target.read_bytes() == b"old and complete"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1.0e+308"])
def test_a_number_value_quizgen_cannot_compute_with_is_refused(value):
    text = dump_facts(sample_facts()).replace("value: 40000.0", f"value: {value}")
    with pytest.raises(FactsFileError) as err:
        parse_facts(text, "facts.yaml")
    assert str(err.value).startswith(f"facts.yaml:{_line_of(text, f'value: {value}')}: numbers[1].value: ")
    assert "finite number" in str(err.value)


def test_a_large_but_finite_value_still_builds():
    text = dump_facts(sample_facts()).replace("value: 40000.0", "value: 4.0e+20")
    from quizgen import api

    quiz = api.generate_quiz(parse_facts(text, "facts.yaml"), count=12)
    assert quiz.items


@pytest.mark.parametrize(("slug", "words"), [
    ("../../c/out/y", "lowercase letters, digits and hyphens only (for example 'c-out-y')"),
    ('"x\\e[31mred"', "for example 'x-31mred'"),
    ("Harwick", "for example 'harwick'"),
])
def test_a_slug_that_is_not_a_folder_name_is_refused(slug, words):
    text = dump_facts(sample_facts()).replace("slug: harwick-votes-for-a-tidal-barrier", f"slug: {slug}")
    with pytest.raises(FactsFileError) as err:
        parse_facts(text, "facts.yaml")
    assert str(err.value).startswith(f"facts.yaml:{_line_of(text, 'slug:')}: article.slug: "), err.value
    assert words in str(err.value) and "\x1b" not in str(err.value)


def test_a_300_character_slug_is_cut():
    text = dump_facts(sample_facts()).replace("slug: harwick-votes-for-a-tidal-barrier", "slug: " + "x" * 300)
    assert parse_facts(text, "facts.yaml").slug == "x" * 60


def test_a_facts_file_saved_as_latin_1_names_the_line(tmp_path):
    text = dump_facts(sample_facts()).replace("byline: A. Writer", "byline: Ren\u00e9e Writer")
    path = tmp_path / "facts.yaml"
    path.write_bytes(text.encode("latin-1", errors="replace"))
    with pytest.raises(FactsFileError, match=rf"facts.yaml:{_line_of(text, 'byline:')}: not UTF-8"):
        read_facts(path)


def test_a_batch_slug_with_its_number_past_60_characters_is_kept():
    # A batch gives the second article with a title already taken "<slug>-2"; building again from its facts.yaml
    # must write to that folder, not cut the "-2" off and overwrite the first article's outputs.
    slug = "a" * 30 + "-" + "b" * 29 + "-2"
    from dataclasses import replace

    assert parse_facts(dump_facts(replace(sample_facts(), slug=slug)), "facts.yaml").slug == slug


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_given_as_a_facts_file_is_refused_without_reading(tmp_path):
    import os

    pipe = tmp_path / "facts.yaml"
    os.mkfifo(pipe)  # reading it would block until a writer came
    with pytest.raises(FactsFileError, match="not a regular file"):
        read_facts(pipe)


def test_a_quotation_printed_twice_gives_a_facts_file_that_reads_back() -> None:
    """Ids hash what a fact says: the same words quoted twice once gave two quotes with one id, and the facts.yaml
    quizgen wrote could not be read back ("id used twice")."""
    from quizgen import api
    from quizgen.factsfile import dump_facts, parse_facts
    from quizgen.model import Article

    words = '"We will not leave the island cut off after dark,"'
    article = Article(title="Harbour council votes to keep the night ferry", paragraphs=(
        "The harbour council voted on Tuesday to keep the night ferry running for another three years.",
        f"{words} said council leader Maria Okafor.",
        f"Ferry users had collected 4,000 signatures in two weeks. {words} Okafor told a crowd outside the hall.",
    ))
    facts = api.extract_facts(article)
    assert [q.text.count("island cut off") for q in facts.quotes] == [1]
    again = parse_facts(dump_facts(facts), "facts.yaml")
    assert [q.id for q in again.quotes] == [q.id for q in facts.quotes]

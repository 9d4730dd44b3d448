"""Gold files are read through a schema: a bad one is one line naming file, line and field, exit 1 (never 70)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.cli import main
from quizgen.errors import GoldFileError
from quizgen.goldfile import parse_gold, read_gold

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "clinic-boat.txt"


def _score(tmp_path: Path, capsys, text: str) -> tuple[int, str]:
    gold = tmp_path / "bad.yaml"
    gold.write_text(text, encoding="utf-8")
    code = main(["score", str(ARTICLE), str(gold)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(("text", "line", "field"), [
    ("title: T\nquotes:\n  - speaker: Ana\n    partial: true\n", 3, "quotes[0]: missing required field 'text'"),
    ("entities:\n  - name: Ana\n    type: PERSON\n", 3, "entities[0].type: should be a list of text"),
    ("quotes:\n  - text: hello there\n    speaker: Ana\n    speakr_ok: [A]\n", 4, "unknown field 'speakr_ok'"),
    ("quotes:\n  - text: hello there\n    speaker: Ana\n    source_kind: guess\n", 4,
     "quotes[0].source_kind: should be one of name, description, pronoun, relative"),
    ("numbers:\n  - {value: 1200, text: about 1,200, about: x}\n", 2, "unknown field 200"),
    ("glosses: {term: a}\n", 1, "glosses: should be a list"),
    ("quotes:\n  - text: [a, b\n", 3, "not valid YAML"),
])
def test_a_malformed_gold_file_is_one_line_with_file_line_and_field(tmp_path, capsys, text, line, field):
    code, err = _score(tmp_path, capsys, text)
    assert code == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"bad.yaml:{line}" in err and field in err, err


def test_a_missing_gold_file_or_folder_mismatch_is_a_clean_error(tmp_path, capsys):
    assert main(["score", str(ARTICLE), str(tmp_path / "nowhere.yaml")]) == 1
    assert "no such gold file" in capsys.readouterr().err
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.yaml").write_text("article: missing.txt\nquotes: []\n", encoding="utf-8")
    assert main(["score", str(ARTICLE.parent), str(tmp_path / "gold")]) == 1
    assert "no article 'missing.txt'" in capsys.readouterr().err


def test_every_key_the_shared_and_fixture_gold_files_use_is_accepted():
    text = """article: a.txt
title: T
byline: B
boilerplate: [furniture line]
quotes:
  - text: two words
    speaker: Mr. Obama
    speaker_ok: [Obama, Barack Obama]
    speaker_description: the president
    source_kind: pronoun
    source_as_written: he
    resolved_by: corenlp-coref
    partial: true
other_quotes: [deplorables]
not_quotes: [Katyusha]
entities:
  - {name: Kim Jong Un, aliases: [Kim], type: [PERSON], description: leader}
numbers:
  - {value: 15000, text: "about 15,000", about: soldiers}
  - {text: Nearly a third}
glosses:
  - {term: spasibo, meaning: thank you}
key_facts: [A sentence.]
"""
    gold = parse_gold(text, "g.yaml")
    quote = gold.quotes[0]
    assert (quote.speaker_ok, quote.source_kind, quote.resolved_by, quote.partial) == (
        ("Obama", "Barack Obama"), "pronoun", "corenlp-coref", True)
    assert gold.entities[0].type == ("PERSON",) and gold.numbers[0].value == 15000.0
    assert gold.other_quotes == ("deplorables",) and gold.key_facts == ("A sentence.",)


def test_a_quotes_only_gold_file_scores_quotes_only():
    gold = parse_gold("quotes:\n  - {text: two words, speaker: Ana}\n", "g.yaml")
    assert gold.entities is None and gold.numbers is None and gold.quotes[0].text == "two words"


def test_the_project_gold_files_all_parse():
    for path in sorted((ROOT / "tests" / "fixtures" / "gold").glob("*.yaml")):
        gold = read_gold(path)
        assert gold.quotes and gold.entities and gold.numbers, path


def test_error_class_is_named_for_gold_files():
    with pytest.raises(GoldFileError):
        parse_gold("- a list\n", "g.yaml")


def test_score_a_folder_of_articles_against_a_folder_of_gold_files(tmp_path, capsys):
    golds = tmp_path / "gold"
    golds.mkdir()
    for name in ("clinic-boat", "harbour-bakery"):
        (golds / f"{name}.yaml").write_text((ROOT / "tests" / "fixtures" / "gold" / f"{name}.yaml").read_text(
            encoding="utf-8"), encoding="utf-8")
    assert main(["score", str(ARTICLE.parent), str(golds)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 articles, ")
    assert "quotes with speaker      9    10    100.0%  100.0%" in out  # Souza's quotation is one quote, 2 gold
    assert "check no non-quote taken as speech: 2/2" in out and "name            10     10  100.0%" in out

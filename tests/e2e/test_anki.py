"""The Anki deck through Anki's own library: note types, cards, decks, tags, updates and merged packages."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import yaml

from quizgen.templates import builtin_dir
from tests.conftest import EXAMPLE, ROOT, import_apkg, only_folder, run_cli

OTHER = ROOT / "tests" / "fixtures" / "articles" / "clinic-boat.txt"


def _quiz(folder: Path) -> dict:
    return yaml.safe_load((folder / "quiz.yaml").read_text(encoding="utf-8"))


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&amp;", "&").replace("&quot;", '"')


def _every_type_templates(folder: Path) -> Path:
    """Built-in templates tuned so that the example gives an item of most types (cloze is off by default and the
    example has no blank with a fair word bank; test_cloze_outputs.py renders cloze cards); one who-said item
    chosen first, then the people-to-roles match (which keeps the other people: a person one item asks for leaves
    the match); the short answer from the gloss (its template retired, turned on here), not from a person the
    match lists."""
    folder.mkdir()
    builtin = builtin_dir()

    def tuned(name: str, *changes: tuple[str, str]) -> None:
        path = builtin / f"{name}.yaml"
        text = (path if path.exists() else builtin / "optional" / f"{name}.yaml").read_text(encoding="utf-8")
        for pattern, replacement in changes:
            text = re.sub(pattern, replacement, text)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")

    tuned("quote-speaker", (r"(?m)^priority: .*", "priority: 3"),
          (r'(?m)^when: "', """when: "'diesel' in quote.text and """))
    tuned("people-roles-matching", (r"(?m)^priority: .*", "priority: 2.5"))
    tuned("gloss-meaning", (r"(?m)^priority: .*", "priority: 3"))
    return folder


def test_decks_tags_and_one_card_of_each_type_rendered(tmp_path):
    out = tmp_path / "out"
    templates = _every_type_templates(tmp_path / "templates")
    assert run_cli("make", EXAMPLE, "-o", out, "--deck", "Current Events", "--templates", templates).code == 0
    folder = only_folder(out)
    quiz = _quiz(folder)
    col = import_apkg(tmp_path / "c.anki2", folder / f"{folder.name}.apkg")
    try:
        assert f"Current Events::{quiz['title']}" in {d.name for d in col.decks.all_names_and_ids()}
        # Notes and cards per note type: cloze notes make a card per blank, matching pairs a card each way.
        expected_notes = {"quizgen Multiple Choice": sum(i["type"] in {"mcq", "true_false"} for i in quiz["items"]),
                          "quizgen Cloze": sum(i["type"] == "cloze" for i in quiz["items"]),
                          "quizgen Basic": sum(i["type"] == "short_answer" for i in quiz["items"])
                          + sum(len(i["pairs"]) for i in quiz["items"] if i["type"] == "matching")}
        expected_cards = {"quizgen Multiple Choice": expected_notes["quizgen Multiple Choice"],
                          "quizgen Cloze": sum(len(i["blanks"]) for i in quiz["items"] if i["type"] == "cloze"),
                          "quizgen Basic": expected_notes["quizgen Basic"]
                          + sum(len(i["pairs"]) for i in quiz["items"] if i["type"] == "matching")}
        for model, count in expected_notes.items():
            assert len(col.find_notes(f'"note:{model}"')) == count, model
            assert len(col.find_cards(f'"note:{model}"')) == expected_cards[model], model
        # Tags: quizgen, the article slug, the item type and the entity types, none with a space.
        for note_id in col.find_notes(""):
            tags = col.get_note(note_id).tags
            assert "quizgen" in tags and quiz["slug"] in tags and all(" " not in t for t in tags)
            assert len(set(tags) & {"mcq", "true_false", "cloze", "short_answer", "matching"}) == 1
        by_id = {i["id"]: i for i in quiz["items"]}
        person_mcq = next(i for i in quiz["items"] if i["template"] == "quote-speaker")
        card = next(col.get_card(c) for c in col.find_cards('"note:quizgen Multiple Choice" tag:person')
                    if person_mcq["question"] in _plain(col.get_card(c).question()))
        front, back = _plain(card.question()), _plain(card.answer())
        assert person_mcq["question"] in front and all(o in front for o in person_mcq["options"])
        assert f"{by_id[person_mcq['id']]['answer']}" in back and 'class="correct"' in card.answer()
        assert person_mcq["source"] in back and quiz["title"] in back
        # Basic: a short answer shows its accepted answers; a matching pair is asked both ways.
        short = next(i for i in quiz["items"] if i["type"] == "short_answer")
        card = next(col.get_card(c) for c in col.find_cards('"note:quizgen Basic"')
                    if short["question"] in _plain(col.get_card(c).question()))
        assert short["answer"] in _plain(card.answer()) and short["source"] in _plain(card.answer())
        left, right = next(i for i in quiz["items"] if i["type"] == "matching")["pairs"][0].values()
        pair = col.get_note(col.find_notes(f'"note:quizgen Basic" "Front:{left}"')[0]).cards()
        assert len(pair) == 2 and left in _plain(pair[0].question()) and right in _plain(pair[1].question())
        # Nothing needs JavaScript, so the cards work in AnkiDroid and AnkiMobile.
        for model in col.models.all():
            if model["name"].startswith("quizgen"):
                assert "<script" not in str(model["tmpls"]) and ".nightMode" in model["css"]
    finally:
        col.close()


def test_reimport_after_a_wording_change_updates_notes_in_place(tmp_path):
    article = tmp_path / "harbour-ferry.txt"
    shutil.copy(EXAMPLE, article)
    out = tmp_path / "out"
    assert run_cli("make", article, "-o", out).code == 0
    folder = only_folder(out)
    apkg = folder / f"{folder.name}.apkg"
    col = import_apkg(tmp_path / "c.anki2", apkg)
    before = len(col.find_notes(""))
    col.close()
    # A teacher rewords the who-said template; the rebuilt deck must update the same notes.
    templates = tmp_path / "question_templates"
    templates.mkdir()
    source = (ROOT / "question_templates" / "quote-speaker.yaml").read_text(encoding="utf-8")
    (templates / "quote-speaker.yaml").write_text(source.replace("Who said: “", "Which person said the words “"),
                                                   encoding="utf-8")
    stamp = os.stat(article).st_mtime + 120
    os.utime(templates / "quote-speaker.yaml", (stamp, stamp))
    assert run_cli("make", article, "-o", out, "--templates", templates).code == 0
    col = import_apkg(tmp_path / "c.anki2", apkg)
    try:
        assert len(col.find_notes("")) == before
        fronts = [col.get_note(n)["Question"] for n in col.find_notes('"note:quizgen Multiple Choice"')]
        assert any("Which person said the words" in f for f in fronts)
        assert not any(f.startswith("Who said:") for f in fronts)
    finally:
        col.close()


def test_two_articles_into_one_package_make_two_subdecks(tmp_path):
    package = tmp_path / "class.apkg"
    made = run_cli("make", EXAMPLE, OTHER, "-o", tmp_path / "out", "--deck", "Current Events",
                   "--anki-package", package)
    assert made.code == 0, made.stderr
    titles = [_quiz(f)["title"] for f in sorted((tmp_path / "out").iterdir())]
    col = import_apkg(tmp_path / "c.anki2", package)
    try:
        names = {d.name for d in col.decks.all_names_and_ids()}
        assert {f"Current Events::{t}" for t in titles} <= names
        guids = [col.get_note(n).guid for n in col.find_notes("")]
        assert len(guids) == len(set(guids))
        for title in titles:
            assert col.find_cards(f'"deck:Current Events::{title}"')
    finally:
        col.close()
    single = 0
    for k, folder in enumerate(sorted((tmp_path / "out").iterdir())):
        one = import_apkg(tmp_path / f"{k}.anki2", folder / f"{folder.name}.apkg")
        single += len(one.find_notes(""))
        one.close()
    assert len(guids) == single  # the package holds exactly the notes of the two decks


# --- Note times (quizgen.exporters.anki.note_timestamp) ---------------------------------------------------------

def test_note_time_of_a_file_is_its_modification_time_and_follows_template_edits(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from quizgen.exporters.anki import note_timestamp

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    article, template = tmp_path / "a.txt", tmp_path / "t.yaml"
    article.write_text("x", "utf-8")
    template.write_text("x", "utf-8")
    os.utime(article, (1_600_000_000, 1_600_000_000))
    os.utime(template, (1_650_000_000, 1_650_000_000))
    assert note_timestamp(article, date="2024-02-13") == 1_600_000_000
    assert note_timestamp(article, [SimpleNamespace(path=str(template))]) == 1_650_000_000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert note_timestamp(article) == 1_700_000_000


def test_note_time_of_an_input_with_no_file_time_is_the_epoch_the_date_or_a_fixed_time(tmp_path, monkeypatch):
    """A web address or standard input has no modification time: the same input must still give the same deck."""
    from quizgen.exporters.anki import FIXED_EPOCH, note_timestamp

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert note_timestamp(None, date="2024-02-13") == 1_700_000_000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert note_timestamp(None, date="2024-02-13") == 1_707_782_400  # 2024-02-13 00:00 UTC
    assert note_timestamp(Path("https://example.org/story"), date="2024-02-13T09:30:00") == 1_707_782_400
    assert note_timestamp(tmp_path / "no-such-file", date="13 February") == FIXED_EPOCH
    assert note_timestamp(None) == FIXED_EPOCH

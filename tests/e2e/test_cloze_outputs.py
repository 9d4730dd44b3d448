"""A quiz whose cloze items keep a fair shared word bank, built from a hand-made facts.yaml with `quizgen make`:
the worksheet prints one bank holding every blank's answer and the decoys, the answer key fills each blank, and
the Anki card hides the blank on the front and fills it on the back (read back with pypdf and Anki's own library).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from quizgen.exporters.common import natural_key
from quizgen.factsfile import dump_facts
from quizgen.model import FactSheet, KeySentence, NumberFact, Sentence
from quizgen.templates import builtin_dir
from tests.conftest import import_apkg, only_folder, pdf_text, run_cli, squash
from tests.unit.factories import sample_facts

# Seven shares in seven sentences of their own: enough percentages that each blank keeps two others in the bank.
_SHARES = (("Insurers expect flood cover for the low town to cost 18% less once the barrier opens.", "18%"),
           ("Last winter, water reached 7% of the homes on the harbour front.", "7%"),
           ("In a council survey, 64% of residents said they backed the plan.", "64%"),
           ("The barrier works will also raise the sea wall by 40% along the promenade.", "40%"),
           ("Shops on the quay lost 25% of their trade in the storm month.", "25%"),
           ("Bus services to the estate were cut by 30% while the roads were closed.", "30%"),
           ("The council says 12% of the cost will come from local taxes.", "12%"))


def _facts_with_shares() -> FactSheet:
    facts = sample_facts()
    first = len(facts.sentences)
    sentences = tuple(Sentence(first + i, first + i, text) for i, (text, _) in enumerate(_SHARES))
    numbers = tuple(NumberFact(f"n-p{i}", share, "percent", first + i, value=float(share[:-1]))
                    for i, (_, share) in enumerate(_SHARES))
    keys = tuple(KeySentence(f"k-{first + i}", first + i, 3.0 - i * 0.2, (share,))
                 for i, (_, share) in enumerate(_SHARES))
    return replace(facts, sentences=facts.sentences + sentences, numbers=facts.numbers + numbers,
                   key_sentences=facts.key_sentences + keys)


def _make(tmp_path: Path) -> tuple[Path, dict]:
    source = tmp_path / "in" / "facts.yaml"
    source.parent.mkdir()
    source.write_text(dump_facts(_facts_with_shares()), encoding="utf-8")
    out = tmp_path / "out"
    # Cloze is off by default (blind raters accepted too few): turned on from the optional folder, as README says.
    run = run_cli("make", source, "-o", out, "-n", "10", "--templates", builtin_dir() / "optional")
    assert run.code == 0, run.stderr
    folder = only_folder(out)
    return folder, yaml.safe_load((folder / "quiz.yaml").read_text(encoding="utf-8"))


def test_worksheet_key_and_anki_agree_on_the_shared_word_bank(tmp_path):
    folder, quiz = _make(tmp_path)
    clozes = [i for i in quiz["items"] if i["type"] == "cloze"]
    assert len(clozes) >= 2
    answers = [b for i in clozes for b in i["blanks"]]
    bank = answers + list(quiz["bank_extras"])
    # Every blank has two other entries of its kind (a share) in the one bank.
    assert all(entry.endswith("%") for entry in bank) and len(set(bank)) >= 3
    worksheet = squash(pdf_text(folder / f"{folder.name}-worksheet.pdf"))
    key = squash(pdf_text(folder / f"{folder.name}-answer-key.pdf"))
    # One boxed bank, its entries in order and bulleted: the blanks' answers and the decoys, nothing else.
    assert "".join(f"•{squash(e)}" for e in sorted(set(bank), key=natural_key)) in worksheet
    for item in clozes:
        assert squash(item["question"]) in worksheet  # the blanked sentence, not the answer
        assert squash(f"(1) {item['blanks'][0]}") in key
    col = import_apkg(tmp_path / "c.anki2", folder / f"{folder.name}.apkg")
    try:
        for item in clozes:
            sentence = next(i for i in quiz["items"] if i["id"] == item["id"])["source"]
            notes = [n for n in col.find_notes('"note:quizgen Cloze"')
                     if sentence.split(item["blanks"][0])[0] in col.get_note(n).fields[0]]
            assert len(notes) == 1
            cards = col.get_note(notes[0]).cards()
            assert len(cards) == len(item["blanks"])  # a card per deletion
            card = cards[0]
            assert "[...]" in card.question() and item["blanks"][0] not in card.question()
            assert item["blanks"][0] in card.answer() and quiz["title"] in card.answer()
    finally:
        col.close()

"""Golden files: one fixed quiz written in every registered format and compared, as text, with a checked-in copy.

Zip and xlsx members are unpacked; the Anki package is read back as its decks, notes and cards; the PDFs as their
text page by page. After an intended change, regenerate with:

    python -m pytest tests/golden --update-golden

and review the diff of tests/golden/expected/ before committing it.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen.exporters.common import ExportSettings
from quizgen.formats import REGISTRY, export_formats
from quizgen.model import Item, Quiz, build_cloze

EXPECTED = Path(__file__).parent / "expected"
NOTE_TIME = 1_700_000_000
SPECIALS = "~ = # { } : < > & % * -> \\ \" '"


def _cloze(text: str, *answers: str) -> tuple[str, tuple[str, ...]]:
    """Cloze text blanking each answer at the position given by `[[…]]` in `text` (never searched for)."""
    spans, plain = [], ""
    for piece in text.split("[["):
        if "]]" in piece:
            blank, rest = piece.split("]]", 1)
            spans.append((len(plain), len(plain) + len(blank)))
            plain += blank + rest
        else:
            plain += piece
    assert [plain[a:b] for a, b in spans] == list(answers)
    return build_cloze(plain, spans), answers


def golden_quiz() -> Quiz:
    """Every item type; every GIFT/HTML special character, curly quotes and non-ASCII; blanks at the start, middle
    and end of a sentence; an answer ("Brown") that also occurs inside another word ("Brownlow")."""
    start, start_answers = _cloze("[[Zoë Brown]] met Mr Brownlow at the “Old Quay” café.", "Zoë Brown")
    middle, middle_answers = _cloze("Mr Brownlow met [[Brown]] and paid [[£4.2m]] for 50% {of} the <b>boat</b>.",
                                    "Brown", "£4.2m")
    end, end_answers = _cloze("The ferry's new home port is [[Kirkwall]]", "Kirkwall")
    items = (
        Item(id="g-mcq", type="mcq", question=f"Which harbour — “{SPECIALS}” — did the ferry use?", answer="Kirkwall",
             options=("%50% Stromness", "Kirkwall", "Westray -> Papa", "Brownlow & Sons <Ltd>"),
             source=f"The ferry used Kirkwall, said the report ({SPECIALS}).", paragraph=1, template="mcq-tpl",
             fact="f-mcq"),
        Item(id="g-tf", type="true_false", question="The crossing takes “about 45 minutes” {usually}.",
             answer="False", options=("True", "False"), source="The crossing takes about 50 minutes.", paragraph=2,
             template="tf-tpl", fact="f-tf"),
        Item(id="g-sa", type="short_answer", question="Which grade did the ferry get: A* or B?", answer="A*",
             accepted=("A*", "A-star", "grade \"A*\""), source="Inspectors gave the ferry an A* grade.",
             paragraph=3, template="sa-tpl", fact="f-sa"),
        Item(id="g-match", type="matching", question="Match each person = role.", answer="…",
             pairs=(("Zoë Brown", "captain: #1 {senior}"), ("Mr Brownlow", "owner -> buyer"),
                    ("Ann O’Neil", "engineer <chief> & \"lead\"")),
             source="The crew was named in the report.", paragraph=4, template="match-tpl", fact="f-match"),
        Item(id="g-c1", type="cloze", question="_____ (1) met Mr Brownlow at the “Old Quay” café.",
             answer="; ".join(start_answers), blanks=start_answers, cloze=start, source="s1", paragraph=5,
             template="cloze-tpl", fact="f-c1"),
        Item(id="g-c2", type="cloze", question="Mr Brownlow met _____ (1) and paid _____ (2) for 50% {of} the "
             "<b>boat</b>.", answer="; ".join(middle_answers), blanks=middle_answers, cloze=middle, source="s2",
             paragraph=6, template="cloze-tpl", fact="f-c2"),
        Item(id="g-c3", type="cloze", question="The ferry's new home port is _____ (1)", answer="Kirkwall",
             blanks=end_answers, cloze=end, source="The ferry's new home port is Kirkwall", paragraph=7,
             template="cloze-tpl", fact="f-c3"),
    )
    return Quiz(title="Golden: the “Old Quay” ferry {1} & <more> ~ #1", slug="golden", seed=5, requested=len(items),
                items=items, byline="Zoë Writer", date="2024-02-13", source="The Orcadian", article_id="golden",
                reading_grade=7.5, bank_extras=("Stromness", "£9m", "Westray"))


# Members that only name the library version that wrote them ("Openpyxl 3.1.5"): a dependency upgrade is not a change.
_VERSION_STAMPS = {"docProps/app.xml"}


def _zip_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(f"=== {name} ===\n{archive.read(name).decode('utf-8')}\n" for name in archive.namelist()
                       if name not in _VERSION_STAMPS)


def _anki_text(path: Path, tmp_path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
        media = archive.read("media").decode("utf-8")
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
        lines = [f"media: {media}", *sorted(f"deck: {d['name']}" for d in decks.values())]
        for guid, mid, mod, tags, flds in conn.execute("SELECT guid, mid, mod, tags, flds FROM notes ORDER BY id"):
            lines.append(f"note {guid} [{models[str(mid)]['name']}] mod={mod} tags={tags.strip()}")
            lines += [f"  {field}" for field in flds.split("\x1f")]
        lines += [f"card ord={o} of {g}" for g, o in conn.execute(
            "SELECT n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.id")]
    finally:
        conn.close()
    return "\n".join(lines) + "\n"


def _pdf_text(path: Path) -> str:
    pages = PdfReader(str(path)).pages
    return "".join(f"=== page {n} of {len(pages)} ===\n{page.extract_text()}\n" for n, page in enumerate(pages, 1))


def as_text(path: Path, tmp_path: Path) -> str:
    """A written file as comparable text."""
    if path.suffix in {".zip", ".xlsx"}:
        return _zip_text(path.read_bytes())
    if path.suffix == ".apkg":
        return _anki_text(path, tmp_path)
    if path.suffix == ".pdf":
        return _pdf_text(path)
    return path.read_text("utf-8")


@pytest.mark.parametrize("fmt", REGISTRY, ids=lambda f: f.name)
def test_each_format_matches_its_golden_file(fmt, tmp_path, update_golden):
    settings = ExportSettings(note_time=NOTE_TIME)
    files, notices = export_formats(golden_quiz(), tmp_path / "out", [fmt.name], settings)
    text = "".join(f"##### {p.name}\n{as_text(p, tmp_path)}" for p in files)
    text += "".join(f"##### notice: {n}\n" for n in notices)
    expected = EXPECTED / f"{fmt.name}.txt"
    if update_golden:
        expected.write_text(text, "utf-8")
        pytest.skip(f"rewrote {expected.name}")
    assert expected.is_file(), "no golden file: run `python -m pytest tests/golden --update-golden`"
    assert text == expected.read_text("utf-8"), (
        f"{fmt.name} output changed; if intended, run `python -m pytest tests/golden --update-golden` and review "
        f"the diff")
    # And byte-stable: a second run writes the same bytes.
    again, _ = export_formats(golden_quiz(), tmp_path / "again", [fmt.name], settings)
    assert [p.read_bytes() for p in files] == [p.read_bytes() for p in again]

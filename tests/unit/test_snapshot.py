"""bench/snapshot.py compare: names every file that changed, diffs the text ones, and exits 1 only on a change."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("snapshot", ROOT / "bench" / "snapshot.py")
snapshot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snapshot)


def _tree(root, files):
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def test_identical_snapshots_compare_equal(tmp_path, capsys):
    files = {"MANIFEST.txt": b"a.txt: 3 items\n", "a/quiz.yaml": b"items: []\n", "a/a.apkg": b"\x00\x01"}
    assert snapshot.compare(_tree(tmp_path / "x", files), _tree(tmp_path / "y", files)) == 0
    assert "0 of 3 files differ" in capsys.readouterr().out


def test_changed_added_and_binary_files_are_each_named(tmp_path, capsys):
    before = _tree(tmp_path / "x", {"a/facts.yaml": b"value: 1.0\nkind: money\n", "a/a.apkg": b"\x00\x01",
                                    "a/gone.pdf": b"%PDF"})
    after = _tree(tmp_path / "y", {"a/facts.yaml": b"value: 1500000000000.0\nkind: money\n", "a/a.apkg": b"\x00\x02",
                                   "a/new.gift.txt": b"::Q1::"})
    assert snapshot.compare(before, after) == 1
    out = capsys.readouterr().out
    assert "-value: 1.0" in out and "+value: 1500000000000.0" in out
    assert "binary differs: a/a.apkg" in out
    assert "only in" in out and "a/gone.pdf" in out and "a/new.gift.txt" in out
    assert "4 of 4 files differ" in out

"""Bad input: exit 1 and one clear line on stderr, never a traceback; bad usage: exit 2."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("article.docx", b"Title\n\nSome text here.", "unsupported file type"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("title-only.txt", b"Just a title\n", "no article text"),
        ("broken.yaml", b"schema: 1\narticle: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_input_gives_one_line_and_exit_1(tmp_path, name, content, words):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run_cli("make", path, "-o", tmp_path / "out")
    assert result.code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0] and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_bad_usage_exits_2():
    assert run_cli("make").code == 2
    assert run_cli("make", "x.txt", "-n", "zero").code == 2


def test_help_and_version():
    assert run_cli("--help").code == 0
    version = run_cli("--version")
    assert version.code == 0 and version.stdout.startswith("quizgen ")

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_five_german_sentences_without_headings(capsys, sample_path: Path) -> None:
    code, out, _ = run(
        capsys, "summarize", str(sample_path), "--sentences", "5", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["language"] == "de"
    assert len(data["sentences"]) == 5
    text = sample_path.read_text(encoding="utf-8")
    for s in data["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
        assert "Wende nach Moskau" not in s["text"]
    assert set(data["timing"]) >= {"read", "segment", "rank"}


def test_markdown_to_file_refuses_to_overwrite_without_force(
    capsys, sample_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "brief.md"
    out.write_text("my draft", encoding="utf-8")
    code, _, err = run(
        capsys, "summarize", str(sample_path), "--format", "markdown", "-o", str(out)
    )
    assert code == 1
    assert "already exists" in err
    assert out.read_text(encoding="utf-8") == "my draft"
    code, _, _ = run(
        capsys, "summarize", str(sample_path), "--format", "markdown", "-o", str(out), "--force"
    )
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_missing_file_is_one_clear_line(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "summarize", str(tmp_path / "nope.txt"))
    assert code == 1
    assert out == ""
    assert err.strip().count("\n") == 0
    assert "no such file" in err

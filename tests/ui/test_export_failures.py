"""Exports that fail lose nothing: a full disk mid-write, a read-only folder, a vanished folder
give one clear message, and the file on disk and the summary on screen stay as they were; an
export over an existing file replaces it whole, never half-written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.exporting import disk_fills_half_way, export_to, read_only


@pytest.mark.parametrize("failure", ["disk full mid-write", "read-only folder", "folder vanished"])
def test_failed_export_loses_nothing(
    window, article, tmp_path, monkeypatch, dialogs, failure
) -> None:
    window.open_path(article)
    folder = tmp_path / "drafts"
    folder.mkdir()
    target = folder / "brief.md"
    target.write_text("the editor's draft\n", encoding="utf-8")
    export_to(monkeypatch, target if failure != "folder vanished" else tmp_path / "gone" / "b.md")
    if failure == "disk full mid-write":
        disk_fills_half_way(monkeypatch)
    elif failure == "read-only folder":
        read_only(monkeypatch, folder)
    summary = window.summary.toPlainText()
    selection = window.session.selection

    window.act_export.trigger()

    assert dialogs.kinds() == ["warning"], dialogs.shown
    _, title, text = dialogs.shown[0]
    assert title == "Export Failed"
    reason = {
        "disk full mid-write": "No space left on device",
        "read-only folder": "Permission denied",
        "folder vanished": "no such folder",
    }[failure]
    assert reason in text
    assert "Nothing on disk was changed" in text
    assert target.read_text(encoding="utf-8") == "the editor's draft\n"
    assert sorted(p.name for p in folder.iterdir()) == ["brief.md"], "a temporary file was left"
    assert window.summary.toPlainText() == summary
    assert window.session.selection is selection
    assert window.act_export.isEnabled()


def test_export_over_an_existing_file_replaces_it_whole(window, article, tmp_path, monkeypatch):
    """The file dialog asked before replacing; the new file appears at once, complete."""
    window.open_path(article)
    target = tmp_path / "brief.md"
    target.write_text("old\n", encoding="utf-8")
    export_to(monkeypatch, target)
    seen_during_write: list[str] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        seen_during_write.append(Path(dst).read_text(encoding="utf-8"))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    window.act_export.trigger()
    assert seen_during_write == ["old\n"], "the old file was touched before the new one was whole"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Harbour Town Votes")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".brief")) == []

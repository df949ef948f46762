"""Export Markdown (Ctrl+E) and Copy summary (Ctrl+Shift+C) from the window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.engine import MarkdownOptions, Metadata, Style, to_markdown
from desktop.ui.export_dialog import ExportDialog


def _choose(monkeypatch, style: Style, metadata: Metadata, target: Path, seen: dict) -> None:
    def exec_dialog(dialog: ExportDialog) -> int:
        seen["preview"] = dialog.preview.toPlainText()
        (dialog.paragraph if style is Style.PARAGRAPH else dialog.bullets).setChecked(True)
        dialog.metadata.setCurrentIndex(dialog.metadata.findData(metadata.value))
        seen["preview_after"] = dialog.preview.toPlainText()
        return QDialog.DialogCode.Accepted

    def get_save(parent, caption, suggested, filters):
        seen["suggested"] = suggested
        seen["filters"] = filters
        return str(target), filters

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))


def test_export_with_ctrl_e_and_read_back(window, article, tmp_path, qtbot, monkeypatch) -> None:
    window.open_path(article)
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    seen: dict = {}
    _choose(monkeypatch, Style.PARAGRAPH, Metadata.NONE, target, seen)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    selection = window.session.selection
    written = target.read_text(encoding="utf-8")
    assert written == to_markdown(selection, MarkdownOptions(Style.PARAGRAPH, Metadata.NONE))
    assert seen["preview_after"] == written  # the preview showed exactly what was saved
    for index in selection.indices:
        assert " ".join(selection.ranking.document.sentence_text(index).split()) in written
    assert not written.lstrip("# \n").startswith("-")  # a paragraph, not bullets
    # The default name comes from the title (or the file's name when there is none).
    expected = "sea-wall-summary.md" if not selection.ranking.document.title else None
    name = Path(seen["suggested"]).name
    assert name.endswith("-summary.md")
    assert expected is None or name == expected
    assert Path(seen["suggested"]).parent == article.parent
    assert "*.md" in seen["filters"]
    # The choices are remembered for next time.
    assert window.prefs.export_style is Style.PARAGRAPH
    assert window.prefs.export_metadata is Metadata.NONE
    assert "brief.md" in window.statusBar().currentMessage()


def test_failed_export_keeps_summary_and_file(
    window, article, tmp_path, monkeypatch, dialogs
) -> None:
    window.open_path(article)
    target = tmp_path / "existing.md"
    target.write_text("the editor's earlier version\n", encoding="utf-8")
    _choose(monkeypatch, Style.BULLETS, Metadata.LINE, target, {})

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    summary_before = window.summary.toPlainText()
    window.act_export.trigger()

    assert dialogs.kinds() == ["warning"]
    assert "No space left on device" in dialogs.shown[0][2]
    assert target.read_text(encoding="utf-8") == "the editor's earlier version\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".existing")) == []
    assert window.summary.toPlainText() == summary_before
    assert window.session.selection is not None


def test_cancelled_export_writes_nothing(window, article, tmp_path, monkeypatch) -> None:
    window.open_path(article)
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    window.act_export.trigger()  # the file dialog is never asked (the fixture would fail)
    assert list(tmp_path.glob("*.md")) == []


def test_copy_summary_as_markdown_and_rich_text(window, article, qtbot) -> None:
    window.open_path(article)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_C, modifiers)
    mime = QGuiApplication.clipboard().mimeData()
    selection = window.session.selection
    assert mime.text() == to_markdown(selection, MarkdownOptions(Style.BULLETS, Metadata.LINE))
    assert mime.hasHtml()
    html = mime.html()
    assert html.count("<li>") == len(selection.indices)
    first = selection.ranking.document.sentence_text(selection.indices[0])
    assert first.split()[0] in html


def test_export_needs_a_summary(window) -> None:
    assert not window.act_export.isEnabled()
    assert not window.act_copy.isEnabled()


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_exported_file_gets_the_users_usual_permissions(
    window, article, tmp_path, qtbot, monkeypatch
) -> None:
    window.open_path(article)
    target = tmp_path / "brief.md"
    _choose(monkeypatch, Style.BULLETS, Metadata.LINE, target, {})
    old = os.umask(0o022)
    try:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)  # readable by others, as any file

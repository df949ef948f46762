"""The exported Markdown speaks the UI's language: a German user's file says "Quelle", not
"Source"; front-matter keys stay English for the programs that read them."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.engine import Metadata
from desktop.ui.export_dialog import ExportDialog


def _export(window, monkeypatch, metadata: Metadata, target) -> str:
    seen = {}

    def exec_dialog(dialog: ExportDialog) -> int:
        dialog.metadata.setCurrentIndex(dialog.metadata.findData(metadata.value))
        seen["preview"] = dialog.preview.toPlainText()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    window.act_export.trigger()
    written = target.read_text(encoding="utf-8")
    assert seen["preview"] == written
    return written


def test_german_export_labels(german, make_window, article, tmp_path, monkeypatch) -> None:
    window = make_window()
    window.open_path(article)
    count, words = len(window.session.selection.indices), window.session.selection.words

    line = _export(window, monkeypatch, Metadata.LINE, tmp_path / "zeile.md").splitlines()[2]
    assert line.startswith("Quelle: sea-wall.txt · Erstellt: ")
    assert " · Sprache: English · Methode: precis · " in line
    assert f"Länge: {count} Sätze, {words} Wörter · Kürzung: " in line
    for english in ("Source:", "Language:", "Method:", "Length:", "sentences"):
        assert english not in line
    window.act_copy.trigger()  # the clipboard gets the same words
    assert "\nQuelle: sea-wall.txt · " in QGuiApplication.clipboard().text()

    front = _export(window, monkeypatch, Metadata.FRONT_MATTER, tmp_path / "vorspann.md")
    assert '\nsource: "sea-wall.txt"\n' in front
    assert '\nlanguage: "English"\n' in front


def test_english_export_labels_are_unchanged(window, article, tmp_path, monkeypatch) -> None:
    window.open_path(article)
    line = _export(window, monkeypatch, Metadata.LINE, tmp_path / "line.md").splitlines()[2]
    assert line.startswith("Source: sea-wall.txt · Created: ")
    assert " · Language: English · Method: precis · Length: 5 sentences, " in line

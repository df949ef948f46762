"""Translations: generated from the source, rebuilt exactly, complete, and used by the window."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog
from support.paths import ROOT

from desktop.ui.app import translations_dir
from desktop.ui.export_dialog import ExportDialog

TS = translations_dir() / "precis_de.ts"
QM = translations_dir() / "precis_de.qm"
PLACEHOLDER = re.compile(r"\{\w*\}")


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed")
        return found
    return str(path)


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_lrelease_reproduces_the_committed_qm(tmp_path) -> None:
    out = tmp_path / "precis_de.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == QM.read_bytes()


def test_ts_is_up_to_date_with_the_source(tmp_path) -> None:
    """Regenerating the .ts from desktop/ui finds no new or vanished strings."""
    copy = tmp_path / "precis_de.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").glob("*.py"))
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources,
            "-ts",
            str(copy),
            "-no-obsolete",
            "-locations",
            "none",
        ],
        check=True,
        capture_output=True,
    )
    assert set(_messages(copy)) == set(_messages(TS))


def test_every_string_translated_with_the_same_placeholders() -> None:
    for (context, source), translation in _messages(TS).items():
        assert translation.get("type") != "unfinished", (context, source)
        text = translation.text or ""
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), source


def test_german_window(german, make_window, article, dialogs, monkeypatch) -> None:
    window = make_window()
    window.open_path(article)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Zusammenfassung", "&Ansicht", "&Hilfe"]
    assert window.act_open.text() == "Ö&ffnen …"
    assert window.controls.unit.itemText(0) == "Sätze"
    assert window.controls.language.itemText(0) == "Automatisch (English)"
    assert "Wörter →" in window.stats.text()
    assert window.summary_header.text().startswith("ZUSAMMENFASSUNG")
    assert window.source.sentence_tooltip(window.session.selection.indices[0]).startswith("Rang ")
    assert QCoreApplication.translate(
        "Methods", "Lead: the first sentences, as a news editor would cut."
    ) != ("Lead: the first sentences, as a news editor would cut.")
    # Every dialog, in German.
    window.act_about.trigger()
    assert dialogs.shown[-1][1] == "Über Precis"
    seen = {}

    def exec_dialog(dialog: ExportDialog) -> int:
        seen["title"] = dialog.windowTitle()
        seen["labels"] = (dialog.bullets.text(), dialog.paragraph.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    window.act_export.trigger()
    assert seen == {
        "title": "Zusammenfassung als Markdown exportieren",
        "labels": ("&Aufzählung", "&Fließtext"),
    }
    window.act_shortcuts.trigger()
    assert dialogs.shown[-1][1] == "Tastenkürzel"
    window.open_path(article.parent / "missing.txt")
    assert dialogs.shown[-1][1] == "missing.txt konnte nicht geöffnet werden"

"""The Help menu's dialogs: About, and the keyboard shortcuts read from the window's actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_ID, APP_NAME, __version__


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("Help", "About {name}").format(name=APP_NAME),
        QCoreApplication.translate(
            "Help",
            "<h3>{name} {version}</h3>"
            "<p>An offline summariser: extractive summaries beside the source article, "
            "with the chosen sentences highlighted in place.</p>"
            "<p>Nothing leaves this computer.</p><p><small>{app_id}</small></p>",
        ).format(name=APP_NAME, version=__version__, app_id=APP_ID),
    )


def show_shortcuts(parent: QWidget) -> None:
    rows = "".join(
        f"<tr><td>{action.text().replace('&', '')}</td><td>&nbsp;&nbsp;</td>"
        f"<td><b>{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b>"
        "</td></tr>"
        for action in parent.actions()
        if not action.shortcut().isEmpty()
    )
    QMessageBox.information(
        parent, QCoreApplication.translate("Help", "Keyboard Shortcuts"), f"<table>{rows}</table>"
    )

"""Export options: bullet list or paragraph, which metadata, with a live Markdown preview.

``ExportDialog.get_options`` builds, runs and reads the dialog, so tests patch ``exec`` only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine import MarkdownOptions, Metadata, Style, to_markdown
from desktop.ui.formatting import export_labels

if TYPE_CHECKING:
    from desktop.engine import Selection


class ExportDialog(QDialog):
    def __init__(
        self, selection: Selection, options: MarkdownOptions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Summary as Markdown"))
        self._selection = selection

        self.bullets = QRadioButton(self.tr("&Bullet list"))
        self.paragraph = QRadioButton(self.tr("&Paragraph"))
        group = QButtonGroup(self)
        group.addButton(self.bullets)
        group.addButton(self.paragraph)
        (self.paragraph if options.style is Style.PARAGRAPH else self.bullets).setChecked(True)
        style_row = QHBoxLayout()
        style_row.addWidget(self.bullets)
        style_row.addWidget(self.paragraph)
        style_row.addStretch(1)

        self.metadata = QComboBox()
        self.metadata.addItem(self.tr("One line under the title"), Metadata.LINE.value)
        self.metadata.addItem(self.tr("YAML front matter"), Metadata.FRONT_MATTER.value)
        self.metadata.addItem(self.tr("None"), Metadata.NONE.value)
        self.metadata.setCurrentIndex(max(0, self.metadata.findData(options.metadata.value)))
        self.metadata.setAccessibleName(self.tr("Metadata"))

        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setMinimumSize(560, 280)

        form = QFormLayout()
        form.addRow(self.tr("Style:"), style_row)
        form.addRow(self.tr("&Metadata:"), self.metadata)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save As…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)

        self.bullets.toggled.connect(self._update_preview)
        self.metadata.currentIndexChanged.connect(self._update_preview)
        self._update_preview()

    def options(self) -> MarkdownOptions:
        style = Style.PARAGRAPH if self.paragraph.isChecked() else Style.BULLETS
        return MarkdownOptions(style, Metadata(self.metadata.currentData()))

    def _update_preview(self) -> None:
        self.preview.setPlainText(to_markdown(self._selection, self.options(), export_labels()))

    @classmethod
    def get_options(
        cls, parent: QWidget | None, selection: Selection, options: MarkdownOptions
    ) -> MarkdownOptions | None:
        """Run the dialog: the chosen options, or None when the user cancelled."""
        dialog = cls(selection, options, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.options()
        dialog.deleteLater()
        return chosen if accepted else None

"""The toolbar's summary controls: method, language, length (slider, spin box, unit) and order.

They only report what the user chose; the window passes it on to the ``Session``. The length
is remembered per unit, so switching from sentences to percent and back restores both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.engine import DEFAULT_METHOD, LANGUAGES, METHODS, Length, Order, Unit
from desktop.ui.formatting import method_description, method_label

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex

    from desktop.engine import Document
    from desktop.ui.settings import Preferences

WORD_STEP = 10


class SummaryControls(QWidget):
    methodChosen = Signal(str)
    languageChosen = Signal(str)  # "" detects the language
    lengthChosen = Signal(object)  # Length
    orderChosen = Signal(object)  # Order

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values = {unit: prefs.lengths.of(unit) for unit in Unit}
        self._limits = {Unit.SENTENCES: 50, Unit.PERCENT: 100, Unit.WORDS: 1000}

        self.method = QComboBox(objectName="method")
        for name in sorted(METHODS, key=lambda m: m != DEFAULT_METHOD):
            self.method.addItem(method_label(name), name)
            self.method.setItemData(
                self.method.count() - 1, method_description(name), Qt.ItemDataRole.ToolTipRole
            )
        self.method.setAccessibleName(self.tr("Summarisation method"))
        # The closed box names the method; its list says what each one does, in full.
        self.method.setItemDelegate(_DescribedMethods(self.method))
        self.method.view().setMinimumWidth(self.method.view().sizeHintForColumn(0) + 24)

        self.language = QComboBox(objectName="language")
        self.language.addItem(self.tr("Auto"), "")
        for code, lang in LANGUAGES.items():
            self.language.addItem(f"{lang.native} ({code})", code)
        self.language.setAccessibleName(self.tr("Article language"))
        # "Auto (…)" names the detected language: the box grows to show it whole, and a narrow
        # window never squeezes it ("Automatisch (Deu…").
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.currentTextChanged.connect(self._keep_language_whole)
        self.language.setToolTip(
            self.tr("The article's language: detected automatically, or chosen")
        )

        self.slider = _LengthSlider(Qt.Orientation.Horizontal, objectName="length_slider")
        self.slider.setAccessibleName(self.tr("Summary length"))
        self.slider.setToolTip(self.tr("Summary length"))
        self.spin = QSpinBox(objectName="length_spin")
        self.spin.setAccessibleName(self.tr("Summary length value"))
        self.spin.setKeyboardTracking(False)
        self.unit = QComboBox(objectName="length_unit")
        self.unit.addItem(self.tr("sentences"), Unit.SENTENCES.value)
        self.unit.addItem(self.tr("% of words"), Unit.PERCENT.value)
        self.unit.addItem(self.tr("words"), Unit.WORDS.value)
        self.unit.setAccessibleName(self.tr("Length unit"))

        self.order = QComboBox(objectName="order")
        self.order.addItem(self.tr("Article order"), Order.DOCUMENT.value)
        self.order.addItem(self.tr("Best first"), Order.RANK.value)
        self.order.setAccessibleName(self.tr("Sentence order"))
        self.order.setToolTip(self.tr("Summary sentences in article order, or best first"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        for text, widget in (
            (self.tr("&Method"), self.method),
            (self.tr("&Language"), self.language),
            (self.tr("Le&ngth"), self.slider),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            if layout.count():
                layout.addSpacing(10)
            layout.addWidget(label)
            layout.addWidget(widget)
        layout.addWidget(self.spin)
        layout.addWidget(self.unit)
        layout.addSpacing(10)
        order_label = QLabel(self.tr("&Order"))
        order_label.setBuddy(self.order)
        layout.addWidget(order_label)
        layout.addWidget(self.order)

        options = prefs.summary
        self._select(self.method, options.method)
        self._select(self.unit, options.length.unit.value)
        self._select(self.order, options.order.value)
        self._update_method_tip()
        self._apply_limits()

        self.method.currentIndexChanged.connect(self._on_method)
        self.language.currentIndexChanged.connect(self._on_language)
        self.slider.valueChanged.connect(self._on_slider)
        self.spin.valueChanged.connect(self._on_spin)
        self.unit.currentIndexChanged.connect(self._on_unit)
        self.order.currentIndexChanged.connect(
            lambda: self.orderChosen.emit(Order(self.order.currentData()))
        )

    # -- reading and setting -------------------------------------------------------------------

    def length(self) -> Length:
        unit = Unit(self.unit.currentData())
        return Length(float(self._values[unit]), unit)

    def set_document(self, document: Document | None, language: str | None = None) -> None:
        """Ranges follow the article; "Auto" shows the language that was detected, and the box
        shows ``language``, the one chosen for this article (None: detected). Emits nothing."""
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(language or "")))
        self.language.blockSignals(False)
        if document is None:
            self.language.setItemText(0, self.tr("Auto"))
            return
        detected = LANGUAGES.get(document.detected_language)
        self.language.setItemText(
            0,
            self.tr("Auto ({language})").format(language=detected.native)
            if detected
            else self.tr("Auto"),
        )
        self._keep_language_whole()
        self._limits[Unit.SENTENCES] = max(1, len(document.candidates))
        self._limits[Unit.WORDS] = max(WORD_STEP, document.body_words)
        self._apply_limits()

    def step(self, steps: int) -> None:
        """Longer (positive) or shorter (negative) by slider steps."""
        self.slider.setValue(self.slider.value() + steps * self.slider.singleStep())

    # -- internals -----------------------------------------------------------------------------

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _apply_limits(self) -> None:
        """Ranges and displayed value for the current unit; emits nothing."""
        unit = Unit(self.unit.currentData())
        low = WORD_STEP if unit is Unit.WORDS else 1
        high = self._limits[unit]
        step = WORD_STEP if unit is Unit.WORDS else 1
        value = round(min(max(self._values[unit], low), high))
        for widget in (self.slider, self.spin):
            widget.blockSignals(True)
            widget.setRange(low, high)
            widget.setSingleStep(step)
            widget.setValue(value)
            widget.blockSignals(False)
        self.slider.setPageStep(step * 5)
        self.spin.setSuffix("%" if unit is Unit.PERCENT else "")

    def _keep_language_whole(self) -> None:
        # A minimum, not a size policy: a toolbar short of room squeezes its widgets below their
        # preferred sizes, but never below a minimum.
        self.language.setMinimumWidth(self.language.sizeHint().width())

    def _update_method_tip(self) -> None:
        name = self.method.currentData()
        self.method.setToolTip(method_description(name) if name in METHODS else "")

    def _on_method(self) -> None:
        self._update_method_tip()
        self.methodChosen.emit(self.method.currentData())

    def _on_language(self) -> None:
        self.languageChosen.emit(self.language.currentData())

    def _on_slider(self, value: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        self._changed(value)

    def _on_spin(self, value: int) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(value)
        self.slider.blockSignals(False)
        self._changed(value)

    def _changed(self, value: int) -> None:
        unit = Unit(self.unit.currentData())
        self._values[unit] = float(value)
        self.lengthChosen.emit(Length(float(value), unit))

    def _on_unit(self) -> None:
        self._apply_limits()
        self.lengthChosen.emit(self.length())


class _LengthSlider(QSlider):
    """150 px when there is room; in a narrow window it is the first to give way (to 60 px),
    so the boxes beside it keep their texts whole."""

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(150, 0))

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(60, 0))


class _DescribedMethods(QStyledItemDelegate):
    """A row of the method list: the method's description, which starts with its name."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = method_description(index.data(Qt.ItemDataRole.UserRole))

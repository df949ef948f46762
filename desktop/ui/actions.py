"""Every command of the window, declared once: its text, keys, tip and what it does; and the menus.

A new command is one row in ``ACTIONS`` (it becomes ``window.act_<key>``, with its shortcut
working even when the menu bar is hidden) and its key in a menu of ``MENUS`` (and in
``TOOLBAR`` if it deserves a button). What it does is a
function of the window, so the table needs no window to be read. Whether an action is enabled is
decided in one place, ``MainWindow._update_actions``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

from desktop.ui.help import show_about, show_shortcuts

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu, QMenuBar

    from desktop.ui.main_window import MainWindow

Key = QKeySequence.StandardKey | str
RECENT = "@recent"  # the place of the Open Recent submenu in a menu
SEPARATOR = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class ActionSpec:
    key: str  # the window attribute is act_<key>
    name: str  # the object name (tests and accessibility tools find the action by it)
    text: str
    run: Callable[..., object]  # run(window), or run(window, checked) when checkable
    keys: tuple[Key, ...] = ()
    tip: str = ""
    checkable: bool = False
    short: str = ""  # the toolbar button's text, where the menu's is too long for it


ACTIONS = (
    # File
    ActionSpec(
        "open", "open", QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
        lambda w: w.choose_file(), (QKeySequence.StandardKey.Open,),
        QT_TRANSLATE_NOOP("MainWindow", "Open an article from a file"),
    ),
    ActionSpec(
        "paste", "paste", QT_TRANSLATE_NOOP("MainWindow", "&Paste Article"),
        lambda w: w.paste_article(), (QKeySequence.StandardKey.Paste, "Ctrl+Shift+V"),
        QT_TRANSLATE_NOOP("MainWindow", "Summarise the text on the clipboard"),
    ),
    ActionSpec(
        "back", "previous_article", QT_TRANSLATE_NOOP("MainWindow", "&Back to Previous Article"),
        lambda w: w.session.open_previous(), (QKeySequence.StandardKey.Back,),
        QT_TRANSLATE_NOOP("MainWindow", "Open again the article this one replaced"),
    ),
    ActionSpec(
        "close", "close", QT_TRANSLATE_NOOP("MainWindow", "&Close Article"),
        lambda w: w.session.close_document(), ("Ctrl+W",),
    ),
    ActionSpec(
        "export", "export", QT_TRANSLATE_NOOP("MainWindow", "&Export Markdown…"),
        lambda w: w.exporter.export_markdown(), ("Ctrl+E",),
        QT_TRANSLATE_NOOP("MainWindow", "Save the summary as a Markdown file"),
        short=QT_TRANSLATE_NOOP("MainWindow", "Export…"),
    ),
    ActionSpec(
        "copy", "copy_summary", QT_TRANSLATE_NOOP("MainWindow", "Copy &Summary"),
        lambda w: w.exporter.copy_summary(), ("Ctrl+Shift+C",),
        QT_TRANSLATE_NOOP("MainWindow", "Copy the summary as Markdown and as rich text"),
    ),
    ActionSpec(
        "brief", "brief", QT_TRANSLATE_NOOP("MainWindow", "New &Brief…"),
        lambda w: w.open_brief(), ("Ctrl+B",),
        QT_TRANSLATE_NOOP("MainWindow", "One cited brief from several articles on a story"),
    ),
    ActionSpec("quit", "quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), lambda w: w.close(),
               ("Ctrl+Q",)),
    ActionSpec(
        "clear_recent", "clear_recent", QT_TRANSLATE_NOOP("MainWindow", "C&lear Recent Files"),
        lambda w: w.recent_menu.forget_all(), ("Ctrl+Shift+Delete",),
    ),
    # Edit: pins act on the sentence at the caret
    ActionSpec(
        "pin", "pin", QT_TRANSLATE_NOOP("MainWindow", "&Pin Sentence"),
        lambda w: w.pins.pin(), ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP("MainWindow", "Always keep the sentence at the cursor in the summary"),
    ),
    ActionSpec(
        "exclude", "exclude", QT_TRANSLATE_NOOP("MainWindow", "E&xclude Sentence"),
        lambda w: w.pins.exclude(), ("Ctrl+Shift+X",),
        QT_TRANSLATE_NOOP("MainWindow", "Never put the sentence at the cursor in the summary"),
    ),
    ActionSpec(
        "release", "release", QT_TRANSLATE_NOOP("MainWindow", "&Unpin or Include Again"),
        lambda w: w.pins.release(), ("Ctrl+Shift+U",),
        QT_TRANSLATE_NOOP(
            "MainWindow", "Let the ranking decide about the sentence at the cursor again"
        ),
    ),
    ActionSpec(
        "clear_marks", "clear_marks",
        QT_TRANSLATE_NOOP("MainWindow", "C&lear All Pins and Exclusions"),
        lambda w: w.session.clear_marks(), ("Ctrl+Shift+Backspace",),
    ),
    # Summary
    ActionSpec("longer", "longer", QT_TRANSLATE_NOOP("MainWindow", "&Longer"),
               lambda w: w.controls.step(1), ("Ctrl+]",)),
    ActionSpec("shorter", "shorter", QT_TRANSLATE_NOOP("MainWindow", "&Shorter"),
               lambda w: w.controls.step(-1), ("Ctrl+[",)),
    ActionSpec(
        "next", "next_sentence", QT_TRANSLATE_NOOP("MainWindow", "&Next Summary Sentence"),
        lambda w: w.jump_to_summary_sentence(1), ("F8",),
    ),
    ActionSpec(
        "previous", "previous_sentence",
        QT_TRANSLATE_NOOP("MainWindow", "P&revious Summary Sentence"),
        lambda w: w.jump_to_summary_sentence(-1), ("Shift+F8",),
    ),
    ActionSpec(
        "keep_context", "keep_context", QT_TRANSLATE_NOOP("MainWindow", "&Keep Context"),
        lambda w, on: w.set_keep_context(on), ("Ctrl+Shift+K",),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Bring in the sentence before one that leans on it (“He”, “However”), where the "
            "length allows",
        ),
        checkable=True,
    ),
    ActionSpec("rerank", "rerank", QT_TRANSLATE_NOOP("MainWindow", "Summarise &Again"),
               lambda w: w.session.rerank(), ("F5",)),
    ActionSpec(
        "cancel", "cancel", QT_TRANSLATE_NOOP("MainWindow", "&Cancel"),
        lambda w: w.session.cancel(), ("Esc",),
        QT_TRANSLATE_NOOP("MainWindow", "Stop reading or ranking; the current article stays"),
    ),
    # View
    ActionSpec(
        "heat", "heat_map", QT_TRANSLATE_NOOP("MainWindow", "&Heat Map"),
        lambda w, on: w.set_heat_map(on), ("Ctrl+H",),
        QT_TRANSLATE_NOOP("MainWindow", "Shade every sentence by its score"), checkable=True,
    ),
    ActionSpec(
        "vertical", "vertical", QT_TRANSLATE_NOOP("MainWindow", "S&tack Panes Vertically"),
        lambda w, on: w.set_vertical(on), ("Ctrl+Shift+L",), checkable=True,
    ),
    ActionSpec(
        "zoom_in", "zoom_in", QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"),
        lambda w: w.zoom(1), (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
    ),
    ActionSpec("zoom_out", "zoom_out", QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"),
               lambda w: w.zoom(-1), (QKeySequence.StandardKey.ZoomOut,)),
    ActionSpec("zoom_reset", "zoom_reset", QT_TRANSLATE_NOOP("MainWindow", "&Actual Size"),
               lambda w: w.zoom(0), ("Ctrl+0",)),
    ActionSpec("focus_source", "focus_article", QT_TRANSLATE_NOOP("MainWindow", "Go to A&rticle"),
               lambda w: w.source.setFocus(), ("Ctrl+1",)),
    ActionSpec(
        "focus_summary", "focus_summary", QT_TRANSLATE_NOOP("MainWindow", "Go to Su&mmary"),
        lambda w: w.summary.setFocus(), ("Ctrl+2",),
    ),
    # Help
    ActionSpec(
        "shortcuts", "shortcuts", QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"),
        show_shortcuts, (QKeySequence.StandardKey.HelpContents,),
    ),
    ActionSpec("about", "about", QT_TRANSLATE_NOOP("MainWindow", "&About Precis"),
               show_about, ("Ctrl+Shift+F1",)),
)  # fmt: skip

MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("MainWindow", "&File"),
        (
            *("open", "paste", RECENT, "back", "close", SEPARATOR, "brief", SEPARATOR),
            *("export", "copy", SEPARATOR, "quit"),
        ),
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "&Edit"), ("pin", "exclude", "release", "clear_marks")),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&Summary"),
        (
            *("longer", "shorter", SEPARATOR, "next", "previous", SEPARATOR, "keep_context"),
            *(SEPARATOR, "rerank", "cancel"),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&View"),
        (
            *("heat", "vertical", SEPARATOR, "zoom_in", "zoom_out", "zoom_reset", SEPARATOR),
            *("focus_source", "focus_summary"),
        ),
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), ("shortcuts", "about")),
)

# First in both panes' context menus: they act on the sentence at the source's caret.
SENTENCE_ACTIONS = ("pin", "exclude", "release", SEPARATOR, "clear_marks")
CONTROLS, SPACER = "@controls", "@spacer"  # the summary controls; the room that is left
TOOLBAR = ("open", "export", SEPARATOR, CONTROLS, SPACER, "heat")


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """Create every action of ``ACTIONS`` on ``window``, as ``window.act_<key>``."""
    actions = {}
    for spec in ACTIONS:
        action = QAction(_tr(spec.text), window)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        if spec.tip:
            action.setStatusTip(_tr(spec.tip))
            action.setToolTip(_tr(spec.tip))
        if spec.short:
            action.setIconText(_tr(spec.short))
        action.setCheckable(spec.checkable)
        if spec.checkable:
            action.toggled.connect(lambda on, run=spec.run: run(window, on))
        else:
            action.triggered.connect(lambda _=False, run=spec.run: run(window))
        window.addAction(action)  # shortcuts work even when the menu bar is hidden
        setattr(window, f"act_{spec.key}", action)
        actions[spec.key] = action
    return actions


def build_menus(bar: QMenuBar, actions: dict[str, QAction], recent: QMenu) -> None:
    for title, keys in MENUS:
        menu = bar.addMenu(_tr(title))
        for key in keys:
            if key is SEPARATOR:
                menu.addSeparator()
            elif key == RECENT:
                menu.addMenu(recent)
            else:
                menu.addAction(actions[key])


def build_toolbar(actions: dict[str, QAction], controls: QWidget) -> QToolBar:
    toolbar = QToolBar(_tr(QT_TRANSLATE_NOOP("MainWindow", "Summary Controls")))
    toolbar.setObjectName("controls_toolbar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setIconSize(QSize(18, 18))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for key in TOOLBAR:
        if key is SEPARATOR:
            toolbar.addSeparator()
        elif key == CONTROLS:
            toolbar.addWidget(controls)
        elif key == SPACER:
            spacer = QWidget()
            spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            toolbar.addWidget(spacer)
        else:
            toolbar.addAction(actions[key])
    return toolbar


def sentence_actions(actions: dict[str, QAction]) -> list[QAction | None]:
    return [None if key is SEPARATOR else actions[key] for key in SENTENCE_ACTIONS]

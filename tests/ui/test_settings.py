"""Settings persist across runs, and corrupt values fall back to the defaults."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from desktop.engine import DEFAULT_METHOD, Length, Metadata, Order, Style, SummaryOptions, Unit
from desktop.ui.settings import Lengths, Preferences, SettingsStore


def test_choices_survive_a_restart(make_window, store, article, qtbot) -> None:
    window = make_window()
    window.open_path(article)
    c = window.controls
    c.method.setCurrentIndex(c.method.findData("lead"))
    c.language.setCurrentIndex(c.language.findData("de"))
    c.unit.setCurrentIndex(c.unit.findData(Unit.PERCENT.value))
    c.spin.setValue(35)
    c.order.setCurrentIndex(c.order.findData(Order.RANK.value))
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    window.act_vertical.trigger()
    window.resize(760, 560)  # inside the offscreen screen (800 × 600): nothing is clamped
    window.splitter.setSizes([300, 700])
    sizes = window.splitter.sizes()
    window.close()

    again = make_window()
    prefs = again.prefs
    assert prefs.summary.method == "lead"
    assert prefs.summary.language is None  # chosen for that article only
    assert prefs.summary.length.unit is Unit.PERCENT
    assert prefs.lengths.percent == 35
    assert prefs.summary.order is Order.RANK
    assert prefs.zoom == 2
    assert prefs.vertical
    assert prefs.recent_files == (str(article.resolve()),)
    assert again.controls.method.currentData() == "lead"
    assert again.controls.spin.value() == 35
    assert again.controls.spin.suffix() == "%"
    assert again.splitter.orientation() is Qt.Orientation.Vertical
    assert again.splitter.sizes() == sizes
    assert again.size().width() == 760
    font = again.source.document().defaultFont()
    assert font.pointSizeF() == 14.0  # 12 pt plus two zoom steps
    again.open_path(article)
    assert again.session.ranking.method == "lead"
    # A language chosen by hand was for that article: the next run detects again.
    assert again.controls.language.currentData() == ""
    assert again.session.document.language == "en"


def test_corrupt_settings_fall_back_to_defaults(settings_file) -> None:
    settings_file.write_text(
        "[summary]\nmethod=no-such-method\nunit=parsecs\nsentences=-4\npercent=250\n"
        "words=lots\norder=7\nlanguage=xx\n[view]\nzoom=1e9\nheat_map=maybe\n"
        "[files]\nrecent=\n[MainWindow]\ngeometry=@ByteArray(garbage)\n",
        encoding="utf-8",
    )
    store = SettingsStore(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert store.load() == Preferences()
    assert Preferences().summary.method == DEFAULT_METHOD


def test_corrupt_window_state_still_opens(make_window, tmp_path, article) -> None:
    settings_file = tmp_path / "corrupt.ini"
    settings_file.write_text(
        "[MainWindow]\ngeometry=@ByteArray(not a geometry)\nsplitter=@ByteArray(nor this)\n"
        "[view]\nvertical=true\n",
        encoding="utf-8",
    )
    window = make_window(
        store_=SettingsStore(QSettings(str(settings_file), QSettings.Format.IniFormat))
    )
    assert window.isVisible()
    assert window.width() > 600
    assert window.splitter.orientation() is Qt.Orientation.Vertical
    window.open_path(article)
    assert window.session.selection is not None


# Every kept preference changed from its default (a hand-chosen language is not kept: it belongs to
# the article it was chosen for).
CHANGED = Preferences(
    summary=SummaryOptions("lead", None, Length(240, Unit.WORDS), Order.RANK),
    lengths=Lengths(sentences=3, percent=12, words=240),
    heat_map=True,
    vertical=True,
    zoom=-2,
    recent_files=("/a/b.txt", "/c/d.html"),
    export_style=Style.PARAGRAPH,
    export_metadata=Metadata.FRONT_MATTER,
    export_folder="/tmp/out",
)


def test_round_trip_of_every_preference(store) -> None:
    store.save(CHANGED)
    assert (
        SettingsStore(QSettings(store.qsettings.fileName(), QSettings.Format.IniFormat)).load()
        == CHANGED
    )


def test_one_recent_file_round_trips(store) -> None:
    store.save(Preferences(recent_files=("/only/one.txt",)))
    assert store.load().recent_files == ("/only/one.txt",)


def test_a_settings_file_of_the_previous_version_reads_the_same(settings_file) -> None:
    settings_file.write_text(
        "[General]\nversion=1\n"
        "[summary]\nmethod=lead\nlanguage=fr\nunit=words\nsentences=3.0\npercent=12.0\n"
        "words=240.0\norder=rank\n"
        "[view]\nheat_map=true\nvertical=true\nzoom=-2\n"
        "[files]\nrecent=/a/b.txt, /c/d.html\n"
        "[export]\nstyle=paragraph\nmetadata=front-matter\nfolder=/tmp/out\n",
        encoding="utf-8",
    )
    prefs = SettingsStore(QSettings(str(settings_file), QSettings.Format.IniFormat)).load()
    assert prefs == CHANGED

"""Settings persist across runs, and corrupt values fall back to the defaults."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt
from support.qt import ARTICLE, FakeThreadPool

from desktop.engine import (
    DEFAULT_METHOD,
    METHODS,
    Length,
    Metadata,
    Order,
    Style,
    SummaryOptions,
    Unit,
)
from desktop.ui.main_window import MainWindow
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


_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "@ByteArray(\\0\\xff\\x80garbage)", "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x10QPoint)",
            "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\xffUnknownType\\0)", "@Rect(1 2 3)", "@Size(-5 -5)",
            "@Point(nan inf)", "@Invalid()", "@DateTime(garbage)", "1e999", "-0", "nan", "inf",
            "true", "false", "[1, 2]", "\\x00", "a, b, c", "999999999999999999999999",
        ]
    ),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
)  # fmt: skip
_KEYS = st.sampled_from(
    [
        "summary/method", "summary/language", "summary/unit", "summary/sentences",
        "summary/percent", "summary/words", "summary/order", "view/heat_map", "view/vertical",
        "view/zoom", "files/recent", "export/style", "export/metadata", "export/folder",
        "MainWindow/geometry", "MainWindow/splitter", "version", "foreign/key",
    ]
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.dictionaries(_KEYS, _VALUES, max_size=12),
    noise=st.binary(max_size=64),
)
def test_corrupt_or_foreign_settings_fall_back(qapp, tmp_path_factory, entries, noise) -> None:
    """Any INI file at all: the window opens with valid preferences and summarises."""
    path = tmp_path_factory.mktemp("ini") / "precis.ini"
    groups: dict[str, list[str]] = {}
    for key, value in entries.items():
        group, name = key.split("/") if "/" in key else ("General", key)
        groups.setdefault(group, []).append(f"{name}={value}")
    text = "".join(f"[{g}]\n" + "\n".join(lines) + "\n" for g, lines in groups.items())
    path.write_bytes(text.encode("utf-8", "surrogatepass") + noise)
    store = SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))
    prefs = store.load()
    assert prefs.summary.method in METHODS
    assert 0 <= prefs.lengths.percent <= 100
    assert all(isinstance(p, str) and p for p in prefs.recent_files)
    window = MainWindow(store, pool=FakeThreadPool())
    try:
        window.show()
        window.session.open_bytes([(ARTICLE.encode(), ".txt")])
        assert window.session.selection is not None
        window.close()  # saves the settings again
        reloaded = SettingsStore(QSettings(str(path), QSettings.Format.IniFormat)).load()
        assert reloaded.summary.method in METHODS
    finally:
        window.deleteLater()


def test_settings_of_a_newer_version_still_load(settings_file) -> None:
    settings_file.write_text(
        "[General]\nversion=99\n[summary]\nmethod=lead\nnew-option=whatever\n[future]\nx=1\n",
        encoding="utf-8",
    )
    prefs = SettingsStore(QSettings(str(settings_file), QSettings.Format.IniFormat)).load()
    assert prefs.summary.method == "lead"
    assert prefs.summary.length.unit == Preferences().summary.length.unit

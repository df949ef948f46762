"""The first article prepared in a child process while the window starts (engine.prepare,
desktop/ui/startup.py): the window shows what it shows without it, takes it only when it is what
it would compute, and leaves no process behind on a Cancel, a close or a failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from support.processes import children
from support.qt import highlighted_sentences
from support.window import started, wait_until

from desktop.engine import prepare
from desktop.engine.readers import worker
from desktop.paths import sample_article
from desktop.ui import session as session_module
from desktop.ui.settings import Preferences, SettingsStore
from desktop.ui.startup import prepare_first

needs_fork = pytest.mark.skipif(not worker.available(), reason="no child process on this system")


def shown(window) -> tuple[object, ...]:
    """What the window shows of its summary: highlighted sentences, the summary's text, the key
    terms, and the ranking's order."""
    s = window.session
    return (
        highlighted_sentences(window),
        window.summary.toPlainText(),
        [b.text() for b in window.citation.term_buttons],
        s.selection.indices,
        s.ranking.method,
        s.ranking.order.tolist(),
        s.ranking.scores.tobytes(),
    )


@needs_fork
@pytest.mark.parametrize("which", ["sample", "article"])
def test_a_prepared_article_shows_the_same_summary(make_window, article, which, monkeypatch):
    path = str(sample_article() if which == "sample" else article)
    plain = make_window()
    plain.open_path(path)
    expected = shown(plain)
    before = children()

    window = make_window()
    prepared = prepare(path, window.session.options.method)
    assert prepared is not None

    # Taken from the child: this process neither builds nor ranks it.
    def not_here(*args: object, **kw: object) -> None:
        raise AssertionError("computed in the window's process")

    monkeypatch.setattr(session_module, "_build", not_here)
    monkeypatch.setattr(session_module, "rank", not_here)
    window.open_path(path, prepared)
    assert shown(window) == expected
    assert window.session.document.source == path
    assert children() == before


@needs_fork
def test_a_prepared_article_for_another_method_is_not_taken(make_window, article, store):
    store.save(Preferences().with_summary(method="lex-rank"))
    window = make_window()
    before = children()
    prepared = prepare(str(article), "precis")  # what an outdated settings read would give
    assert prepared is not None
    window.open_path(article, prepared)
    assert children() == before  # stopped at once
    assert window.session.ranking.method == "lex-rank"
    plain = make_window()
    plain.open_path(article)
    assert shown(window) == shown(plain)


@needs_fork
@pytest.mark.parametrize("how", ["cancel", "close"])
def test_cancel_or_close_kills_the_child(make_window, real_pool, qtbot, how):
    window = make_window(real_pool)
    before = children()
    window.open_path(sample_article(), prepare(str(sample_article()), "precis"))
    assert children() - before
    if how == "cancel":
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        assert window.statusBar().currentMessage() == "Cancelled."
    else:
        window.close()
    wait_until(lambda: children() == before, 10)
    real_pool.waitForDone()
    qtbot.wait(50)  # anything the job still delivers is dropped
    assert window.session.document is None


@needs_fork
def test_a_file_that_fails_gives_the_same_one_line(make_window, tmp_path, dialogs):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing else")
    make_window().open_path(bad)
    before = children()
    make_window().open_path(bad, prepare(str(bad), "precis"))
    assert dialogs.kinds() == ["warning", "warning"]
    assert dialogs.shown[0] == dialogs.shown[1]
    assert children() == before


@needs_fork
def test_start_up_prepares_with_the_method_in_the_settings(qtbot, article, monkeypatch):
    SettingsStore().save(Preferences().with_summary(method="sum-basic"))
    prepared = prepare_first(str(article))
    assert prepared is not None
    assert prepared.method == "sum-basic"
    assert prepared_first_is_the_sample()
    window = started(qtbot, monkeypatch, str(article), prepared=prepared)
    assert window.session.ranking.method == "sum-basic"
    assert Path(window.session.document.source) == article
    window.close()


def prepared_first_is_the_sample() -> bool:
    """Without a path the window opens, and so prepares, the bundled sample."""
    prepared = prepare_first(None)
    try:
        return prepared is not None and prepared.matches(str(sample_article()), prepared.method)
    finally:
        if prepared is not None:
            prepared.stop()


def test_without_fork_nothing_is_prepared_and_the_window_summarises(qtbot, article, monkeypatch):
    monkeypatch.setattr(worker, "available", lambda: False)
    prepared = prepare_first(str(article))
    assert prepared is None
    window = started(qtbot, monkeypatch, str(article), prepared=prepared)
    assert Path(window.session.document.source) == article
    window.close()


@needs_fork
def test_a_window_that_never_starts_stops_the_child(article, monkeypatch, capsys):
    """`precis` where Qt cannot start (a missing X11 library): one line, and no child left."""
    from desktop.ui import app, xcb

    monkeypatch.setattr(xcb, "check", lambda environ: "a library is missing")
    before = children()
    prepared = prepare_first(str(article))
    assert prepared is not None
    assert app.run(str(article), prepared=prepared) == 1
    assert capsys.readouterr().err == "a library is missing\n"
    assert children() == before


def test_precis_without_a_command_prepares_before_the_window_and_a_screenshot_does_not(
    monkeypatch,
):
    from desktop import cli
    from desktop.ui import app, startup

    calls: list[tuple[str, object]] = []
    token = object()
    monkeypatch.setattr(
        startup, "prepare_first", lambda path: calls.append(("prepare", path)) or token
    )
    monkeypatch.setattr(
        app,
        "run",
        lambda path, screenshot=None, prepared=None: calls.append(("run", prepared)) or 0,
    )
    assert cli.main(["some.txt"]) == 0
    assert calls == [("prepare", "some.txt"), ("run", token)]
    calls.clear()
    assert cli.main(["--screenshot", "x.png"]) == 0
    assert calls == [("run", None)]

"""Run `precis FILE` (``app.run``) and close the window while a minute-long ranking runs.

    python tests/support/close_during_ranking.py ARTICLE FOLDER

Prints ``closed <perf_counter>`` at the moment of the close; the process then has to end by
itself, without waiting for the ranking. A test (a generous bound) and benchmarks/ui_speed.py
(the 2 s goal) run it.
"""

from __future__ import annotations

import sys
import time
import types
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from desktop.engine import methods
from desktop.engine.methods import Method, Scores, checkpoint
from desktop.ui import app, crash

article, folder = sys.argv[1], Path(sys.argv[2])


def rank_slow(analysis):  # a method that takes a minute, checking for Cancel as methods do
    import numpy as np

    for _ in range(6000):
        checkpoint()
        time.sleep(0.01)
    return Scores(np.zeros(analysis.size))


module = types.ModuleType("desktop.engine.methods.slowtest")
module.rank_slow = rank_slow
sys.modules[module.__name__] = module
methods.METHODS["slow"] = Method("slow", "A minute per ranking.", "slowtest")
crash.log_folder = lambda: folder / "logs"
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "cfg"))
closed = []
started = app.start


def start(path, **kw):
    window = started(path, **kw)
    window.session.set_method("slow")

    def close_when_ranking():
        if window.session.activity != "rank":
            QTimer.singleShot(20, close_when_ranking)
            return
        time.sleep(0.3)  # the ranking is well under way
        closed.append(time.perf_counter())
        window.close()

    QTimer.singleShot(20, close_when_ranking)
    return window


app.start = start
code = app.run(article)  # what `precis FILE` runs
print(f"closed {closed[0]:.6f}", flush=True)
sys.exit(code)

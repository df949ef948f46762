"""PyInstaller run-time hook: tell the bundled Qt where its plugins are, without starting Qt.

It replaces PyInstaller's own PySide6 hook, which also imports QtCore at every launch (0.2-0.3 s
of loading Qt and ICU, even for ``precis --version`` or ``precis summarize``) only to write a
qt.conf that the PySide6 wheel writes itself when the window first imports Qt.
"""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6")
if not sys.platform.startswith("win"):
    _qt = os.path.join(_qt, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
if sys.platform.startswith("win"):  # Qt's DLLs and the OpenSSL ones PyInstaller put beside them
    os.environ["PATH"] = os.pathsep.join([sys._MEIPASS, os.environ.get("PATH", "")])
del _qt

"""The PySide6 window. It talks to the engine only through the session (``desktop.ui.session``)."""

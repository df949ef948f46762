"""The PySide6 window. It talks to the engine only through ``desktop.ui.adapter``."""

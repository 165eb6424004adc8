"""The PySide6 window. Importing it first protects the interpreter (see none_guard)."""

from lantern.ui.none_guard import make_none_immortal

make_none_immortal()

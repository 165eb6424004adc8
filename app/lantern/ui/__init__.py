"""The PySide6 window. Importing it first protects the interpreter (see none_guard) and
spares later imports PySide6's source scan (see import_hook)."""

import PySide6.QtCore  # noqa: F401  (loads PySide6's import hook, answered below)

from lantern.ui.platform.import_hook import skip_source_scan
from lantern.ui.platform.none_guard import make_none_immortal

make_none_immortal()
skip_source_scan()

"""No text view reads a local file a page names, whatever the working directory.

The child process runs with its working directory holding `dev/zero` as a FIFO: a view
that tried to read it would block there for good (as `/dev/zero` from `/` would fill the
memory), so the child answering at all is the proof.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, VALID_PACK

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication, QToolTip
from lantern.ui.window.main_window import MainWindow
from lantern.ui.window.printing import printable

app = QApplication([])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow([Path(sys.argv[1])], settings=settings)
window.resize(1000, 700)
window.show()
window.start_loading()
while window.library is None:
    app.processEvents()
window.navigate("lantern:article/pictures")
app.processEvents()
window.glossary.show_term("img")
app.processEvents()
tip = window.navigation.link_tooltip("lantern:term/img")
QToolTip.showText(QPoint(10, 10), tip, window)
app.processEvents()
page = window.reader.toHtml()
doc = printable('<p><img src="dev/zero"></p>', "x")
doc.size()
print("answered", "dev/zero" in page, bool(tip))
"""

TERM = """
- id: img
  term: <img src="dev/zero">
  definition: A term whose name is an image <img src="dev/zero">.
"""


def test_no_text_view_reads_a_file_named_by_a_page(tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(VALID_PACK, pack)
    (pack / "articles" / "pictures.md").write_text(
        "---\ntitle: Pictures\nsummary: Images.\ntopics: [brain]\nreviewed: 2026-11-22\n"
        "evidence: None.\n---\n\n![c](dev/zero) and ![d](dev/zero.png)\n", encoding="utf-8")
    with open(pack / "glossary.yaml", "a", encoding="utf-8") as glossary:
        glossary.write(TERM)
    cwd = tmp_path / "cwd"
    (cwd / "dev").mkdir(parents=True)
    os.mkfifo(cwd / "dev" / "zero")
    os.mkfifo(cwd / "dev" / "zero.png")
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'app'}{os.pathsep}{ROOT}",
               QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(pack), str(tmp_path / "ui.ini")],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["answered", "True", "True"]

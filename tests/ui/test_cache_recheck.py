"""The window opens on the cached library and then checks every file in the background."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import VALID_PACK
from tests.ui.conftest import make_window


def test_a_file_edited_in_place_is_read_again_after_a_start_from_the_cache(qtbot,
                                                                           tmp_path: Path):
    pack = Path(shutil.copytree(VALID_PACK, tmp_path / "pack"))
    make_window(qtbot, tmp_path, roots=(pack,)).close()  # writes the cache
    faq = pack / "faq" / "is-it-safe.md"
    with open(faq, "a", encoding="utf-8") as out:  # in place: the folder's time stays
        out.write("\nA sentence added later about quokkas.\n")
    window = make_window(qtbot, tmp_path, roots=(pack,))
    window.navigate("lantern:faq/is-it-safe")
    qtbot.waitUntil(lambda: "quokkas" in window.library.faq("is-it-safe").body, timeout=20000)
    qtbot.waitUntil(lambda: "quokkas" in window.reader.toPlainText(), timeout=5000)
    assert window.reader.page.address == "lantern:faq/is-it-safe"  # the reader stayed there
    qtbot.waitUntil(lambda: not window.index_updating, timeout=20000)
    response = window.index.search("quokkas")
    assert [r.id for r in response.results] == ["is-it-safe"]
    window.close()

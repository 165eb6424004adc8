"""The results' summary and the kind filter say the same numbers, in good English."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUNDLED_PACK, VALID_PACK
from tests.ui.conftest import make_window

pytestmark = pytest.mark.ui


def _filter_counts(panel) -> dict[str, str]:  # type: ignore[no-untyped-def]
    combo = panel.kind_filter
    return {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}


def test_summary_and_kind_filter_agree_and_use_the_singular(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, roots=(BUNDLED_PACK,))
    with qtbot.waitSignal(window.search_finished, timeout=10000) as done:
        window.search.run_now("psilocibin")
    counts = done.args[0].counts
    summary = window.results.summary.text()
    assert "glossarys" not in summary and "1 glossary term," in summary
    filters = _filter_counts(window.results)
    assert filters[""] == f"All kinds ({sum(counts.values())})"
    assert filters["faq"] == f"Question ({counts['faq']})"
    listed = window.results.model.rowCount()
    assert listed < sum(counts.values()) and f"the best {listed} listed" in summary
    window.close()


def test_the_status_bar_counts_in_the_singular(qtbot, tmp_path: Path):
    pack = tmp_path / "one"
    (pack / "articles").mkdir(parents=True)
    for name in ("pack.toml", "glossary.yaml", "references.yaml"):
        (pack / name).write_bytes((VALID_PACK / name).read_bytes())
    (pack / "articles" / "brain-networks.md").write_bytes(
        (VALID_PACK / "articles" / "brain-networks.md").read_bytes())
    window = make_window(qtbot, tmp_path, roots=(pack,))
    message = window.statusBar().currentMessage()
    assert message.startswith("1 article · 0 questions · "), message
    window.close()

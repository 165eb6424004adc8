"""`lantern check` on a pack in another language: on top of the pack it translates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lantern.core import paths

from lantern.cli import main
from tests.conftest import FIXTURES, VALID_PACK

ES_PACK = FIXTURES / "es-pack"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_translation_is_checked_on_top_of_the_bundled_pack(capsys, monkeypatch):
    monkeypatch.setenv("LANTERN_CONTENT_DIR", str(VALID_PACK))
    code, out, err = _run(capsys, "check", str(ES_PACK))
    assert (code, out) == (0, "")
    assert "0 errors, 0 warnings" in err


def test_a_bad_translates_fails_the_check_with_its_line(capsys, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("LANTERN_CONTENT_DIR", str(VALID_PACK))
    pack = tmp_path / "es"
    shutil.copytree(ES_PACK, pack)
    faq = pack / "faq" / "que-es-la-rnd.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("what-is-dmn", "what-is-dnm"),
                   encoding="utf-8")
    code, out, _ = _run(capsys, "check", str(pack))
    assert code == 1
    assert "que-es-la-rnd.md:4: error: 'translates: what-is-dnm' names no FAQ" in out
    assert "valid-pack" not in out  # only the translation's own files are reported


def test_the_bundled_pack_with_a_translation_inside_checks_apart_and_together(
        capsys, monkeypatch, tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(VALID_PACK, content)
    shutil.copytree(ES_PACK, content / "es")
    monkeypatch.setenv("LANTERN_CONTENT_DIR", str(content))
    assert paths.content_roots() == [content, content / "es"]
    code, out, _ = _run(capsys, "check", str(content))  # the English pack: es/ is not its
    assert (code, out) == (0, "")
    code, out, _ = _run(capsys, "check", str(content / "es"))
    assert (code, out) == (0, "")
    code, out, err = _run(capsys, "check")  # the bundled packs, both languages
    assert (code, out) == (0, "")
    assert "3 articles, 4 FAQs, 7 glossary terms" in err

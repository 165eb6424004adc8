"""`lantern` in Spanish: with `--lang es` and with a Spanish locale, every command speaks
Spanish; JSON keeps its English keys; a Spanish locale with `--lang en` stays English."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lantern.core import messages
from lantern.core.content import load_library
from lantern.core.messages import Message, catalogue, localise

from lantern.cli import main
from tests.conftest import BROKEN_PACK, FIXTURES, ROOT, VALID_PACK
from tests.hostile.recipes import RECIPES, build_pack


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "lantern", *args], capture_output=True,
                          text=True, env={**environ, **env}, cwd=ROOT, timeout=120, check=False)


def test_help_in_spanish(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "es", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("uso: lantern")
    for words in ("opciones:", "muestra esta ayuda y termina", "busca y muestra los resultados",
                  "ejemplos:", "variables de entorno:", "idioma de la ventana"):
        assert words in out
    assert "show this help" not in out and "examples:" not in out


@pytest.mark.parametrize("env", [{"LANG": "es_ES.UTF-8"}, {"LANG": "es_MX.UTF-8"},
                                 {"LANGUAGE": "es", "LANG": "en_US.UTF-8"}])
def test_a_spanish_locale_speaks_spanish(env):
    done = run_process("check", "--help", **env)
    assert done.returncode == 0
    assert "uso: lantern check" in done.stdout
    assert "escribe los problemas como un solo documento JSON" in done.stdout
    done = run_process("check", str(BROKEN_PACK), **env)
    assert "error: no es texto UTF-8 (byte 0xe9)" in done.stdout
    assert "13 errores, 5 avisos" in done.stderr


def test_lang_en_overrides_a_spanish_locale():
    done = run_process("--lang", "en", "check", str(BROKEN_PACK), LANG="es_ES.UTF-8")
    assert "error: not UTF-8 text (byte 0xe9)" in done.stdout
    assert "13 errors, 5 warnings" in done.stderr


def test_lang_after_the_subcommand(capsys):
    code, _out, err = run(capsys, "check", "--lang", "es", str(VALID_PACK))
    assert code == 0 and "0 errores, 0 avisos" in err


def test_check_in_spanish(capsys):
    code, out, err = run(capsys, "--lang", "es", "check", str(BROKEN_PACK))
    assert code == 1
    lines = out.splitlines()
    assert any(line.endswith("articles/latin1.md:3: error: no es texto UTF-8 (byte 0xe9) "
                             "(guarde el archivo con la codificación UTF-8)") for line in lines)
    assert any("unknown-cite.md:7: error: campo desconocido 'colour' en la cabecera de "
               "artículo (campos posibles: aliases," in line for line in lines)
    assert any("home.md:1: aviso: falta la página home" in line for line in lines)
    assert err.strip() == ("0 artículos, 0 preguntas frecuentes, 2 términos del glosario, "
                           "1 referencia, 0 páginas: 13 errores, 5 avisos")


def test_check_json_keeps_english_keys_and_severities(capsys):
    _code, out, _ = run(capsys, "--lang", "es", "check", "--json", str(BROKEN_PACK))
    data = json.loads(out)
    assert set(data) == {"problems", "errors", "warnings", "counts"}
    assert {p["severity"] for p in data["problems"]} == {"error", "warning"}
    assert set(data["problems"][0]) == {"file", "line", "severity", "message", "hint"}
    assert any(p["message"] == "falta la página home" for p in data["problems"])


def test_search_in_spanish(capsys, monkeypatch):
    code, out, _ = run(capsys, "--lang", "es", "search", "psilocibin", "--content",
                       str(VALID_PACK))
    assert code == 0
    assert " 1. [término] Psilocybin" in out
    assert "Quizá quiso decir: psilocybin" in out
    code, out, _ = run(capsys, "--lang", "es", "search", "zzzqqqxxy", "--content",
                       str(VALID_PACK))
    assert out.strip() == "No hay resultados."
    monkeypatch.setattr(sys, "stdin", io.StringIO("DMN\n"))
    code, out, _ = run(capsys, "--lang", "es", "search", "--content", str(VALID_PACK))
    first = json.loads(out)["results"][0]
    assert {"kind", "id", "title", "score", "snippet", "target"} <= set(first)
    assert first["kind"] == "term"  # values for tools stay as they are


def test_argparse_errors_in_spanish(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "es", "search", "--limit", "0", "x"])
    err = capsys.readouterr().err
    assert err.startswith("uso: lantern search")
    assert "lantern search: error: argumento --limit: debe ser 1 como mínimo, no 0" in err
    with pytest.raises(SystemExit):
        main(["--lang=es", "frob"])
    assert "opción no válida: 'frob' (elija entre 'search'" in capsys.readouterr().err


def test_index_in_spanish(capsys):
    code, out, _ = run(capsys, "--lang", "es", "index", str(VALID_PACK))
    assert code == 0 and out.startswith("índice listo: 13 documentos en ")


def test_doctor_in_spanish(capsys):
    code, out, _ = run(capsys, "--lang", "es", "doctor", "--content", str(BROKEN_PACK))
    assert code == 1
    assert "FALLO  contenido: " in out and "13 errores, 5 avisos (detalles: lantern check)" in out
    assert "carpeta de caché: " in out and "Se encontr" in out.splitlines()[-1]
    assert "index:" not in out and "folder" not in out


def test_set_pin_in_spanish(capsys, monkeypatch, tmp_path):
    prompts: list[str] = []
    answers = iter(["12", "123456", "123456", "654321"])

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    config = tmp_path / "kiosk.toml"
    code, _, err = run(capsys, "--lang", "es", "kiosk", "--set-pin", "--config", str(config))
    assert code == 1 and prompts == ["PIN del personal nuevo (cifras): "]
    assert "el PIN debe tener 6 cifras como mínimo (0-9), y nada más; no se cambió nada" in err
    code, out, _ = run(capsys, "--lang", "es", "kiosk", "--set-pin", "--config", str(config))
    assert code == 0 and out.startswith("PIN del personal guardado en ")
    assert prompts[-1] == "El mismo PIN otra vez: "


def test_desktop_in_spanish(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, out, _ = run(capsys, "--lang", "es", "desktop", "install")
    assert code == 0 and out.startswith("se escribió ")
    assert "Lantern está en el menú de aplicaciones; inicia " in out
    code, out, _ = run(capsys, "--lang", "es", "desktop", "uninstall")
    assert out.startswith("se quitó ")


def test_the_window_and_the_kiosk_are_given_the_language(capsys, monkeypatch, tmp_path):
    asked: list[dict[str, object]] = []
    monkeypatch.setattr("lantern.ui.app.run", lambda roots, **kw: asked.append(kw) or 0)
    monkeypatch.setattr("lantern.ui.app.run_kiosk",
                        lambda roots, policy, **kw: asked.append(kw) or 0)
    assert main(["--lang", "es", "--content", str(VALID_PACK)]) == 0
    assert main(["--content", str(VALID_PACK)]) == 0  # no flag: the window decides
    config = tmp_path / "kiosk.toml"
    config.write_text("kiosk = true\n", encoding="utf-8")
    assert main(["--lang", "es", "kiosk", "--config", str(config),
                 "--content", str(VALID_PACK)]) == 0
    assert [kw.get("language") for kw in asked] == ["es", None, "es"]
    assert "falta 'admin_pin_hash'" in capsys.readouterr().err


def test_an_untranslated_message_falls_back_to_english(capsys, monkeypatch):
    monkeypatch.setattr(messages, "catalogue", lambda code: {})
    code, _out, err = run(capsys, "--lang", "es", "check", str(BROKEN_PACK))
    assert code == 1 and "13 errors, 5 warnings" in err


# Every problem `lantern check` can print is in Spanish ----------------------------------


def _untranslated(text: str) -> list[str]:
    """The parts of a message the Spanish catalogue lacks (a plain string is one)."""
    if not isinstance(text, Message):
        return [text] if text else []
    found = catalogue("es")
    missing = [] if (text.context, text.source, text.comment) in found else [text.source]
    for value in text.values.values():
        if isinstance(value, Message):
            missing += _untranslated(value)
    return missing


def _packs(tmp_path: Path) -> list[Path]:
    return [BROKEN_PACK, FIXTURES / "zotero-pack",
            *(build_pack(recipe, tmp_path) for recipe in RECIPES)]


def test_no_problem_check_prints_is_left_in_english(tmp_path):
    seen = 0
    left: list[str] = []
    for pack in _packs(tmp_path):
        for problem in load_library(pack).problems:
            seen += 1
            left += [f"{pack.name}: {part!r}" for part in
                     _untranslated(problem.message) + _untranslated(problem.hint)]
            line = problem.format(None, lambda t: localise(t, "es"))
            assert line != problem.format(), line
    assert seen > 40
    assert not left, "\n".join(left)

"""The command line's catalogue matches the code: every message translated, with the same
placeholders, and argparse's own words listed (resources/translations/update_cli.py)."""

from __future__ import annotations

import ast
import importlib.util
import re
import string
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest

from lantern.core import messages
from lantern.core.library_cache import load_library_cached
from lantern.core.messages import PLURAL_FORMS, Message, localise, read_ts, translate

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "resources" / "translations" / "update_cli.py"
CATALOGUE = ROOT / "resources" / "translations" / "lantern_cli_es.ts"


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("update_cli", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Key = tuple[str, str, str, bool]  # context, source, comment, numerus


def code_messages() -> dict[Key, str]:
    """Every `translate(...)` call in the code the catalogue is made from, with where."""
    found: dict[Key, str] = {}
    for path in _tool().sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name != "translate" or path.name == "messages.py" \
                    or (isinstance(node.func, ast.Attribute) and len(node.args) < 2):
                continue  # str.translate(table) is not a message
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            args = node.args
            assert 2 <= len(args) <= 4 and not node.keywords, f"{where}: translate(ctx, text)"
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str)
                       for a in args[:3]]
            # An f-string, a name or a concatenation at run time cannot be extracted.
            assert all(literal), f"{where}: the texts given to translate() must be literals"
            values = [a.value for a in args[:3]]  # type: ignore[attr-defined]
            comment = values[2] if len(values) > 2 else ""
            found[(values[0], values[1], comment, len(args) == 4)] = where
    return found


def test_no_message_is_written_inside_an_f_string() -> None:
    """pyside6-lupdate does not see a translate() call inside an f-string's braces."""
    hidden = []
    for path in _tool().sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.relative_to(ROOT)}:{call.lineno}" for call in ast.walk(node)
                           if isinstance(call, ast.Call)
                           and getattr(call.func, "id", "") == "translate"]
    assert not hidden, f"name the message before the f-string: {hidden}"


def catalogue_messages() -> dict[Key, ElementTree.Element]:
    root = ElementTree.parse(CATALOGUE).getroot()
    found = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name") or "", message.findtext("source") or "",
                   message.findtext("comment") or "", message.get("numerus") == "yes")
            found[key] = message
    return found


_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")
_SPEC = re.compile(r"([^{}]?[<>=^])?[-+ ]?z?#?0?\d*[,_]?(\.\d+)?[bcdeEfFgGnosxX%]?")


def placeholders(text: str) -> Counter[str]:
    """`{name}`, `{count:,}`, `{value!r}` and `%s`, `%(prog)s` in a message."""
    found: Counter[str] = Counter(_PERCENT.findall(text))
    try:
        for _, field, spec, conversion in string.Formatter().parse(text):
            if field is not None:
                # `{literal: Organisation}` in a message that is never formatted is text:
                # only its name must be kept.
                spec = spec if _SPEC.fullmatch(spec or "") else "…"
                found[f"{{{field}{'!' + conversion if conversion else ''}:{spec}}}"] += 1
    except ValueError:  # not a format string: its braces are text, and must be kept
        found.update(re.findall(r"[{}]", text))
    return found


def test_every_message_in_the_code_is_in_the_catalogue_and_translated() -> None:
    code = code_messages()
    catalogue = catalogue_messages()
    assert len(code) > 200
    missing = [where for key, where in code.items() if key not in catalogue]
    assert not missing, f"not in the catalogue (run {TOOL.relative_to(ROOT)}): {missing}"
    unfinished = []
    for key, where in code.items():
        translation = catalogue[key].find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] if key[3] \
            else [translation.text or ""]
        if translation.get("type") or not all(forms) \
                or (key[3] and len(forms) != PLURAL_FORMS["es"]):
            unfinished.append(f"{where}: {key[1]!r}")
    assert not unfinished, "untranslated:\n" + "\n".join(unfinished)


def test_placeholders_match_between_english_and_spanish() -> None:
    wrong = []
    for (context, source, comment, numerus), message in catalogue_messages().items():
        translation = message.find("translation")
        if translation is None or translation.get("type"):
            continue
        english = placeholders(source)
        if numerus:
            forms = [f.text or "" for f in translation.iter("numerusform")]
            assert placeholders(comment) == english, f"{source!r}: the English plural differs"
        else:
            forms = [translation.text or ""]
        for form in forms:
            if placeholders(form) != english:
                wrong.append(f"[{context}] {source!r} -> {form!r}")
    assert not wrong, "\n".join(wrong)


def test_argparse_words_are_all_listed() -> None:
    tool = _tool()
    single, plural = tool.argparse_words()
    listed_single, listed_plural = tool.listed_words()
    assert single <= listed_single and plural <= listed_plural, \
        f"argparse has new words: run {TOOL.relative_to(ROOT)}"


def test_catalogue_reader_skips_unfinished_and_keeps_plurals() -> None:
    data = b"""<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="es">
    <context><name>c</name>
    <message><source>done {x}</source><translation>hecho {x}</translation></message>
    <message><source>todo</source><translation type="unfinished">a medias</translation></message>
    <message><source>old</source><translation type="vanished">viejo</translation></message>
    <message numerus="yes"><source>{n} file</source><comment>{n} files</comment>
      <translation><numerusform>{n} archivo</numerusform><numerusform>{n} archivos</numerusform>
      </translation></message>
    </context></TS>"""
    assert read_ts(data) == {("c", "done {x}", ""): "hecho {x}",
                             ("c", "{n} file", "{n} files"): ("{n} archivo", "{n} archivos")}


def test_an_untranslated_or_broken_translation_shows_english(monkeypatch) -> None:
    broken = {("t", "a {x}", ""): "una {y}", ("t", "b", ""): "be"}
    monkeypatch.setattr(messages, "catalogue", lambda code: broken)
    assert localise(translate("t", "a {x}").format(x=1), "es") == "a 1"  # wrong placeholder
    assert localise(translate("t", "missing {x}").format(x=2), "es") == "missing 2"
    assert localise(translate("t", "b"), "es") == "be"
    assert localise("plain text", "es") == "plain text"


def test_a_missing_catalogue_means_english(monkeypatch) -> None:
    monkeypatch.setattr(messages, "catalogue_path", lambda code: Path("/nonexistent.ts"))
    messages.catalogue.cache_clear()
    try:
        assert localise(translate("check", "pack.toml is missing"), "es") == \
            "pack.toml is missing"
    finally:
        messages.catalogue.cache_clear()


@pytest.mark.parametrize(("n", "english", "spanish"), [
    (0, "0 errors", "0 errores"), (1, "1 error", "1 error"), (2, "2 errors", "2 errores"),
    (1234, "1234 errors", "1234 errores")])
def test_plurals(n: int, english: str, spanish: str) -> None:
    message = translate("counts", "{n} error", "{n} errors", n)
    assert (str(message), localise(message, "es")) == (english, spanish)


def test_nested_messages_and_digit_groups_follow_the_language() -> None:
    inner = translate("check", "article")
    outer = translate("check", "{what} front matter").format(what=inner)
    assert localise(outer, "en") == "article front matter"
    assert localise(outer, "es") == "la cabecera de artículo"
    big = translate("check", "file is too large ({size:,} bytes)").format(size=2_000_000)
    assert str(big) == "file is too large (2,000,000 bytes)"
    assert localise(big, "es") == "el archivo es demasiado grande (2 000 000 bytes)"


def test_a_message_is_still_english_text() -> None:
    message = translate("check", "duplicate glossary id '{id}'").format(id="dmn")
    assert isinstance(message, Message) and isinstance(message, str)
    assert message == "duplicate glossary id 'dmn'"
    assert f"{message}" == "duplicate glossary id 'dmn'"
    with pytest.raises(TypeError):
        message.format("positional")


def test_problems_read_back_from_the_library_cache_can_still_be_translated(tmp_path) -> None:
    from tests.conftest import BROKEN_PACK

    fresh = load_library_cached([BROKEN_PACK], tmp_path / "cache")
    cached = load_library_cached([BROKEN_PACK], tmp_path / "cache")
    assert cached.problems == fresh.problems
    spanish = [p.format(None, lambda t: localise(t, "es")) for p in cached.problems]
    assert spanish == [p.format(None, lambda t: localise(t, "es")) for p in fresh.problems]
    assert any("falta el campo obligatorio 'title' en la cabecera de artículo" in line
               for line in spanish)

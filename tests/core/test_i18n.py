"""How Lantern picks the language it speaks (lantern.i18n)."""

from __future__ import annotations

import pytest

from lantern import i18n


@pytest.mark.parametrize(("code", "expected"), [
    ("es", "es"), ("es_MX.UTF-8", "es"), ("es-419", "es"), ("ES", "es"), ("en_GB", "en"),
    ("fr_FR.UTF-8", None), ("", None), (None, None), ("es@euro", "es"),
])
def test_codes_are_reduced_to_a_language_lantern_has(code, expected):
    assert i18n.normalise(code) == expected


def test_the_system_locale_is_read_as_gettext_reads_it():
    assert i18n.system_language({"LANG": "es_ES.UTF-8"}) == "es"
    assert i18n.system_language({"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"}) == "es"
    assert i18n.system_language({"LC_ALL": "C", "LANG": "es_ES.UTF-8"}) == "en"
    assert i18n.system_language({"LC_ALL": "de_DE.UTF-8", "LANG": "es_ES"}) == "en"
    assert i18n.system_language({}) == "en"


def test_an_explicit_choice_wins_over_the_saved_one_and_the_system():
    env = {"LANG": "es_MX.UTF-8"}
    assert i18n.resolve("en", "es", env) == "en"
    assert i18n.resolve(None, "en", env) == "en"
    assert i18n.resolve(None, None, env) == "es"
    assert i18n.resolve("xx", None, {"LANG": "en_US"}) == "en"


def test_the_command_line_offers_every_supported_language():
    from lantern import cli_parser as cli

    assert tuple(cli._LANGUAGES) == i18n.SUPPORTED
    assert cli.build_parser().parse_args(["--lang", "es"]).lang == "es"

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from lantern.core.kiosk import (
    SCRYPT_COST,
    KioskPolicy,
    front_desk_html,
    hash_pin,
    load_policy,
    save_pin_hash,
    verify_pin,
    with_pin_hash,
)

CHEAP = {"n": 2**4, "r": 8, "p": 1}  # a real hash, quick to check; the product uses more

GOOD = """\
idle_seconds = 120
warning_seconds = 15
home = "lantern:page/about"
clinic_name = "Riverside Clinic"

[front_desk]
text = "Front desk, ground floor"
phone = "555-0100"

[allow]
print = true
external_links = false
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_the_safe_ones():
    policy = KioskPolicy()
    assert (policy.idle_seconds, policy.warning_seconds) == (90, 20)
    assert policy.home == "lantern:home"
    assert not policy.allow_print and not policy.allow_external_links
    assert policy.admin_pin_hash == ""


def test_reads_every_key(tmp_path):
    stored = hash_pin("246813")
    policy, problems = load_policy(write(tmp_path, with_pin_hash(GOOD, stored)))
    assert problems == []
    assert policy == KioskPolicy(
        idle_seconds=120, warning_seconds=15, home="lantern:page/about",
        clinic_name="Riverside Clinic", front_desk_text="Front desk, ground floor",
        front_desk_phone="555-0100", allow_print=True, allow_external_links=False,
        admin_pin_hash=stored,
    )


def test_missing_file_gives_defaults_and_says_so(tmp_path):
    policy, problems = load_policy(tmp_path / "nope.toml")
    assert policy == KioskPolicy()
    assert "no kiosk config file" in problems[0].message
    assert "--set-pin" in problems[0].hint


def test_broken_toml_fails_closed_with_the_line(tmp_path):
    policy, problems = load_policy(write(tmp_path, 'idle_seconds = 30\nhome = "unclosed\n'))
    assert policy == KioskPolicy(enabled=True)  # locked, every setting at its safe default
    assert problems[0].line == 2
    assert problems[0].severity == "error"
    assert "not valid TOML" in problems[0].message


@pytest.mark.parametrize(("text", "key", "line"), [
    ('idle_seconds = "soon"\n', "idle_seconds", 1),
    ("clinic_name = 'A'\nidle_seconds = -5\n", "idle_seconds", 2),
    ("warning_seconds = true\n", "warning_seconds", 1),
    ('home = "https://example.org"\n', "home", 1),
    ("clinic_name = 42\n", "clinic_name", 1),
    ('[allow]\nexternal_links = "yes"\n', "allow.external_links", 2),
    ('[front_desk]\nphone = 5550100\n', "front_desk.phone", 2),
    ('admin_pin_hash = "1234"\n', "admin_pin_hash", 1),
    ('allow = true\n', "allow", 1),
    ('[shared_index]\nfolder = "index"\ndigest = "sha256:' + "a" * 64 + '"\n',
     "shared_index.folder", 2),
    ('[shared_index]\nfolder = "/srv/index"\ndigest = "abc"\n', "shared_index.digest", 3),
    ('[shared_index]\ndigest_file = "digest.txt"\n', "shared_index.digest_file", 2),
    ('clinic_name = "A"\nlanguage = "klingon"\n', "language", 2),
    ("language = 2\n", "language", 1),
])
def test_a_bad_value_names_its_key_and_keeps_the_default(tmp_path, text, key, line):
    policy, problems = load_policy(write(tmp_path, text))
    named = [p for p in problems if f"'{key}'" in p.message]
    assert named, [p.message for p in problems]
    assert named[0].line == line
    field = key.replace(".", "_")
    if hasattr(policy, field):
        assert getattr(policy, field) == getattr(KioskPolicy(), field)


def test_a_bad_key_does_not_spoil_the_good_ones(tmp_path):
    policy, _ = load_policy(write(tmp_path, "idle_seconds = 'x'\nwarning_seconds = 5\n"))
    assert policy.idle_seconds == 90 and policy.warning_seconds == 5


def test_unknown_table_is_named_at_its_line_with_a_suggestion(tmp_path):
    _, problems = load_policy(write(tmp_path, "idle_seconds = 60\n\n[alow]\nprint = true\n"))
    [problem] = [p for p in problems if "alow" in p.message]
    assert (problem.line, problem.message) == (3, "unknown table [alow]; ignored")
    assert problem.hint == "did you mean [allow]?"


def test_unknown_key_in_a_table_is_named_at_its_line(tmp_path):
    _, problems = load_policy(write(tmp_path, "[allow]\n\nprnt = true\n"))
    [problem] = [p for p in problems if "prnt" in p.message]
    assert problem.line == 3 and problem.hint == "did you mean 'allow.print'?"


def test_unknown_key_is_named_with_a_suggestion(tmp_path):
    _, problems = load_policy(write(tmp_path, "idel_seconds = 30\n"))
    assert problems[0].message == "unknown key 'idel_seconds'; ignored"
    assert problems[0].hint == "did you mean 'idle_seconds'?"


def test_no_pin_is_reported(tmp_path):
    _, problems = load_policy(write(tmp_path, "idle_seconds = 60\n"))
    assert any("admin_pin_hash" in p.message for p in problems)


def test_pin_hash_round_trip_and_salt():
    stored = hash_pin("246813", CHEAP)
    assert stored.startswith("scrypt$")
    assert "246813" not in stored
    assert verify_pin("246813", stored)
    assert not verify_pin("246814", stored)
    assert not verify_pin("", stored)
    assert hash_pin("246813", CHEAP) != stored  # salted


def test_the_pin_costs_an_offline_guesser():
    stored = hash_pin("246813")
    n, r, p = (int(x) for x in stored.split("$")[1:4])
    assert (n, r, p) == (SCRYPT_COST["n"], SCRYPT_COST["r"], SCRYPT_COST["p"])
    assert 128 * n * r >= 128 * 2**20  # 128 MiB of memory per guess
    assert verify_pin("246813", stored)


def test_an_older_cheaper_hash_still_works_and_is_reported(tmp_path):
    old = hash_pin("246813", {"n": 2**14, "r": 8, "p": 1})
    policy, problems = load_policy(write(tmp_path, f'admin_pin_hash = "{old}"\n'))
    assert verify_pin("246813", policy.admin_pin_hash)
    assert [(p.line, p.message) for p in problems] == [
        (1, "the staff PIN is stored with a weaker hash than Lantern now uses")]
    assert "--set-pin" in problems[0].hint


@pytest.mark.parametrize("stored", ["", "1234", "scrypt$1$2$3", "scrypt$x$8$1$AA$BB",
                                    "scrypt$16384$8$1$!!!$???",
                                    "scrypt$1073741824$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA=="])
def test_verify_never_raises_on_a_bad_hash(stored):
    assert verify_pin("2468", stored) is False


@pytest.mark.parametrize("pin", ["12", "12345", "12 456", "abcdef", "１２３４５６"])
def test_short_or_not_digits_pin_is_refused(pin):
    with pytest.raises(ValueError, match="at least 6 digits"):
        hash_pin(pin, CHEAP)


def test_save_pin_creates_then_replaces_keeping_the_rest(tmp_path):
    path = tmp_path / "sub" / "kiosk.toml"
    save_pin_hash(path, hash_pin("111111", CHEAP))
    assert verify_pin("111111", load_policy(path)[0].admin_pin_hash)
    path.write_text(with_pin_hash(GOOD, hash_pin("111111", CHEAP)), encoding="utf-8")
    save_pin_hash(path, hash_pin("222222", CHEAP))
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert verify_pin("222222", data["admin_pin_hash"])
    assert data["front_desk"]["phone"] == "555-0100"
    assert path.read_text(encoding="utf-8").count("admin_pin_hash") == 1
    assert [p.name for p in path.parent.iterdir()] == ["kiosk.toml"]  # no temp file left


def test_save_pin_refuses_to_write_into_a_broken_file(tmp_path):
    path = write(tmp_path, "home = \n")
    with pytest.raises(tomllib.TOMLDecodeError):
        save_pin_hash(path, hash_pin("111111", CHEAP))
    assert path.read_text(encoding="utf-8") == "home = \n"


def test_front_desk_line_is_escaped():
    policy = KioskPolicy(clinic_name="A&B <Clinic>", front_desk_text="Desk <b>",
                         front_desk_phone="555")
    html = front_desk_html(policy)
    assert "A&amp;B &lt;Clinic&gt;" in html and "Desk &lt;b&gt;" in html
    assert "<b>555</b>" in html
    assert front_desk_html(KioskPolicy()) == ""


def test_the_shipped_example_and_start_files(tmp_path):
    from tests.conftest import ROOT

    kiosk = ROOT / "resources" / "kiosk"
    policy, problems = load_policy(kiosk / "kiosk.toml.example")
    assert [p.message for p in problems] == [
        "no 'admin_pin_hash': the kiosk cannot be left from the screen"]
    assert policy.front_desk_phone and not policy.allow_external_links
    assert "ExecStart=%h/.local/bin/lantern kiosk" in (kiosk / "lantern-kiosk.service").read_text()
    assert "Exec=lantern kiosk" in (kiosk / "lantern-kiosk.desktop").read_text()


def test_the_example_describes_printing_as_it_is():
    from tests.conftest import ROOT

    text = (ROOT / "resources" / "kiosk" / "kiosk.toml.example").read_text(encoding="utf-8")
    [line] = [ln for ln in text.splitlines() if ln.startswith("print =")]
    assert "default printer" in line and "no printing" not in line.lower()


def test_kiosk_key_enables_kiosk_mode(tmp_path):
    from lantern.core.kiosk import load_policy

    path = tmp_path / "kiosk.toml"
    path.write_text("kiosk = true\n")
    assert load_policy(path)[0].enabled is True
    path.write_text('kiosk = "yes"\n')
    policy, problems = load_policy(path)
    assert policy.enabled is False
    assert any("'kiosk' must be true or false" in p.message for p in problems)


def test_a_shared_index_is_named_with_its_digest(tmp_path):
    from lantern.core.kiosk import shared_index
    from lantern.core.search.shared_index import SharedIndex

    digest = "sha256:" + "ab" * 32
    policy, problems = load_policy(write(tmp_path, with_pin_hash(
        f'[shared_index]\nfolder = "/srv/lantern/index"\ndigest = "{digest.upper()[7:]}"\n',
        hash_pin("246813", CHEAP))))
    assert [p.message for p in problems if "weaker" not in p.message] == []
    assert shared_index(policy) == SharedIndex(Path("/srv/lantern/index"), digest)
    assert shared_index(KioskPolicy()) is None
    policy, problems = load_policy(write(tmp_path, '[shared_index]\nfolder = "/srv/i"\n'))
    said = [p for p in problems if "no digest" in p.message]
    assert len(said) == 1 and said[0].line == 2


@pytest.mark.parametrize(("written", "language"), [("es", "es"), ("ES", "es"), ("es_MX", "es"),
                                                   ("en", "en"), ("", "")])
def test_the_language_each_visitor_starts_in(tmp_path, written, language):
    policy, problems = load_policy(write(tmp_path, f'language = "{written}"\n'))
    assert [p for p in problems if "language" in p.message] == []
    assert policy.language == language


def test_an_unknown_language_says_which_ones_there_are(tmp_path):
    _policy, problems = load_policy(write(tmp_path, 'language = "fr"\n'))
    named = [p for p in problems if "'language'" in p.message]
    assert [p.message for p in named] == [
        "'language' must be one of en, es, not 'fr'; using the default"]
    assert named[0].line == 1

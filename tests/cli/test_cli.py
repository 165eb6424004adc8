from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lantern import __version__
from lantern.cli import main
from tests.conftest import BROKEN_PACK, BUNDLED_PACK, FIXTURES, VALID_PACK


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"lantern {__version__}"


def test_check_valid_pack_exits_0(capsys):
    code, out, err = run(capsys, "check", str(VALID_PACK))
    assert code == 0
    assert out == ""
    assert "0 errors, 0 warnings" in err


def test_check_broken_pack_exits_1_and_prints_file_line(capsys):
    code, out, _ = run(capsys, "check", str(BROKEN_PACK))
    assert code == 1
    lines = out.splitlines()
    assert any(line.endswith("articles/latin1.md:3: error: not UTF-8 text (byte 0xe9) "
                             "(save the file with UTF-8 encoding)") for line in lines)
    assert any("unknown-cite.md:11: error: unknown citation key '@nobody1999'" in line
               for line in lines)


def test_check_missing_folder(capsys, tmp_path: Path):
    code, out, _ = run(capsys, "check", str(tmp_path / "missing"))
    assert code == 1
    assert "content folder not found" in out


def test_search_json_shape(capsys):
    code, out, _ = run(capsys, "search", "DMN", "--json", "--limit", "3",
                       "--content", str(VALID_PACK))
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "DMN"
    assert 1 <= len(data["results"]) <= 3
    first = data["results"][0]
    assert {"kind", "id", "title", "score", "snippet", "target"} <= set(first)
    assert (first["kind"], first["id"]) == ("term", "default-mode-network")


def test_search_plain_text(capsys):
    code, out, _ = run(capsys, "search", "psilocibin", "--content", str(VALID_PACK))
    assert code == 0
    assert " 1. [" in out
    assert "Did you mean: psilocybin" in out


def test_search_reads_queries_from_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("DMN\n5ht2a\n\n"))
    code, out, _ = run(capsys, "search", "--content", str(VALID_PACK))
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["DMN", "5ht2a", ""]
    assert lines[1]["results"][0]["id"] == "5-ht2a-receptor"
    assert lines[2]["results"] == []


def test_index_builds_then_reuses(capsys):
    code, out, _ = run(capsys, "index", str(VALID_PACK))
    assert code == 0 and out.startswith("index ready:")
    code, out, _ = run(capsys, "index", str(VALID_PACK))
    assert code == 0


def test_index_prints_the_digest_of_the_manifest_it_writes_beside_the_index(capsys):
    import hashlib

    from lantern.core import paths
    from lantern.core.content import load_library
    from lantern.core.search.shared_index import manifest_path
    from lantern.core.search.whoosh_store import index_dir_for

    code, out, _ = run(capsys, "index", str(VALID_PACK))
    digest = out.splitlines()[-1].removeprefix("index digest: ")
    manifest = manifest_path(index_dir_for(load_library(VALID_PACK), paths.cache_dir()))
    assert code == 0 and digest == "sha256:" + hashlib.sha256(manifest.read_bytes()).hexdigest()


def test_entry_point_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "lantern", "--help"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0
    assert "lantern search" in result.stdout


def test_unknown_subcommand_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_kiosk_true_in_the_site_config_makes_plain_lantern_a_kiosk(tmp_path, monkeypatch):
    import lantern.cli as cli

    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("LANTERN_CONFIG_DIR", str(config))
    started = []
    monkeypatch.setattr(cli, "cmd_kiosk", lambda args, out, err, *loaded: started.append(args) or 0)
    (config / "kiosk.toml").write_text("kiosk = true\n")
    assert main(["--content", str(VALID_PACK)]) == 0
    assert len(started) == 1 and started[0].config is None
    (config / "kiosk.toml").write_text("kiosk = false\n")
    monkeypatch.setattr("lantern.ui.app.run",
                        lambda roots, **asked: started.append(("window", asked)) or 0)
    assert main(["--content", str(VALID_PACK)]) == 0
    assert started[-1] == ("window", {"address": None, "switch_packs": True})
    assert main(["--open", "lantern:article/x"]) == 0  # no packs named: keep the window's
    assert started[-1] == ("window", {"address": "lantern:article/x", "switch_packs": False})


def test_open_takes_only_a_lantern_address(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--open", "https://example.org"])
    assert exit_info.value.code == 2
    assert "is not a Lantern address" in capsys.readouterr().err


def test_index_leaves_the_parsed_library_for_the_window_and_search_reads_it(capsys,
                                                                           monkeypatch):
    import os

    from lantern.core import library_cache

    code, _out, _ = run(capsys, "index", str(VALID_PACK))
    assert code == 0
    assert (Path(os.environ["LANTERN_CACHE_DIR"]) / library_cache.FILE_NAME).is_file()
    monkeypatch.setattr(library_cache, "load_and_cache",
                        lambda *_a: pytest.fail("search parsed an unchanged pack"))
    code, out, _ = run(capsys, "search", "--content", str(VALID_PACK), "DMN", "--json")
    assert code == 0 and json.loads(out)["results"]


def test_a_content_given_before_the_subcommand_is_checked(capsys):
    code, out, _ = run(capsys, "--content", str(BROKEN_PACK), "check")
    assert code == 1
    assert "unknown citation key '@nobody1999'" in out


def test_content_before_and_after_the_subcommand_add_up(capsys):
    code, out, _ = run(capsys, "--content", str(BUNDLED_PACK), "search", "--json", "--limit",
                       "50", "--content", str(VALID_PACK), "DMN")
    assert code == 0
    ids = {r["id"] for r in json.loads(out)["results"]}
    assert "brain-networks" in ids  # only in the fixture pack
    assert "psilocybin-and-the-brain" in ids  # only in the bundled pack
    code, out, _ = run(capsys, "--content", str(BUNDLED_PACK), "--content", str(VALID_PACK),
                       "search", "--json", "--limit", "50", "DMN")
    assert {r["id"] for r in json.loads(out)["results"]} == ids


def test_index_uses_the_content_given_before_the_subcommand(capsys):
    code, small, _ = run(capsys, "--content", str(VALID_PACK), "index")
    assert code == 0
    _, bundled, _ = run(capsys, "index")
    assert small.split()[2] != bundled.split()[2]  # "index ready: N documents"


@pytest.mark.parametrize("before", [True, False])
def test_search_in_a_folder_that_does_not_exist_is_an_error(capsys, tmp_path: Path, before):
    missing = str(tmp_path / "nonexistent")
    argv = ["--content", missing, "search", "DMN"] if before else ["search", "--content",
                                                                    missing, "DMN"]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.strip() == f"lantern: content folder not found: {missing}"


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_a_limit_below_one_is_refused(capsys, limit):
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "--limit", limit, "--content", str(VALID_PACK), "DMN"])
    assert exit_info.value.code == 2
    assert "argument --limit:" in capsys.readouterr().err


def test_check_summary_says_one_in_the_singular(capsys, tmp_path: Path):
    pack = tmp_path / "one"
    (pack / "articles").mkdir(parents=True)
    (pack / "articles" / "only.md").write_text(
        "---\ntitle: Only\nsummary: The only one.\ntopics: [safety]\nreviewed: 2026-01-01\n"
        "evidence: low\nbogus: 1\n---\n\n## Part\n\nText.\n", encoding="utf-8")
    _, _, err = run(capsys, "check", str(pack))
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("1 article, 0 FAQs, 0 glossary terms, 0 references, 0 pages: ")
    assert "1 articles" not in summary


ZOTERO_PACK = FIXTURES / "zotero-pack"


def test_a_pack_with_zotero_exports_checks_clean(capsys):
    code, out, err = run(capsys, "check", str(ZOTERO_PACK))
    assert code == 0
    assert out == ""
    assert err.strip().endswith("5 references, 0 pages: 0 errors, 0 warnings")


def test_check_json_for_editors_and_ci(capsys):
    code, out, _err = run(capsys, "check", "--json", str(BROKEN_PACK))
    assert code == 1
    report = json.loads(out)
    assert report["errors"] >= 1 and report["warnings"] == sum(
        p["severity"] == "warning" for p in report["problems"])
    cite = next(p for p in report["problems"] if "@nobody1999" in p["message"])
    assert cite["file"].endswith("unknown-cite.md") and cite["line"] == 11
    assert cite["severity"] == "error" and cite["hint"]
    code, out, _ = run(capsys, "check", "--json", str(VALID_PACK))
    assert (code, json.loads(out)["problems"]) == (0, [])


def _addon(tmp_path: Path, addon: bool) -> Path:
    pack = tmp_path / "addon"
    (pack / "faq").mkdir(parents=True)
    (pack / "pack.toml").write_text(f'name = "Clinic"\naddon = {str(addon).lower()}\n')
    (pack / "faq" / "opening-hours.md").write_text(
        "---\nquestion: When is the clinic open?\ntopics: [therapy]\n---\n\nWeekdays. See "
        "[the ketamine article](article:ketamine-and-esketamine).\n", encoding="utf-8")
    return pack


def test_check_on_an_add_on_pack_needs_no_home_page_and_sees_the_pack_it_adds_to(capsys,
                                                                                 tmp_path):
    code, out, err = run(capsys, "check", str(_addon(tmp_path, addon=True)))
    assert (code, out) == (0, "")
    assert "0 errors, 0 warnings" in err
    code, out, _ = run(capsys, "check", str(_addon(tmp_path / "alone", addon=False)))
    assert code == 1
    assert "the home page is missing" in out and "link to unknown article" in out


def test_the_worked_example_in_the_authors_readme_checks_clean(capsys, tmp_path: Path):
    import re

    readme = (BUNDLED_PACK / "README.md").read_text(encoding="utf-8")
    blocks = dict(re.findall(r"`my-clinic/([^`]+)`:\n\n```\w+\n(.*?)```", readme, re.S))
    assert set(blocks) == {"pack.toml", "faq/can-i-bring-someone.md"}
    pack = tmp_path / "my-clinic"
    for name, text in blocks.items():
        (pack / name).parent.mkdir(parents=True, exist_ok=True)
        (pack / name).write_text(text, encoding="utf-8")
    (pack / "references.json").write_text(json.dumps([{
        "id": "okafor2021", "type": "article-journal", "title": "Company in the waiting room",
        "author": [{"family": "Okafor", "given": "A."}], "issued": {"date-parts": [[2021]]},
        "DOI": "10.5555/okafor2021"}]), encoding="utf-8")
    code, out, err = run(capsys, "check", str(pack))
    assert (code, out) == (0, "")
    assert "0 errors, 0 warnings" in err


def test_search_finds_a_word_from_its_first_letters(capsys):
    code, out, _ = run(capsys, "search", "--json", "ket")
    assert code == 0
    ids = [r["id"] for r in json.loads(out)["results"]]
    assert "ketamine" in ids


def test_search_counts_do_not_depend_on_the_limit(capsys):
    counts = []
    for limit in ("1", "5", "50"):
        _, out, _ = run(capsys, "search", "--json", "--limit", limit, "psilocibin")
        counts.append(json.loads(out)["counts"])
    assert counts[0] == counts[1] == counts[2]

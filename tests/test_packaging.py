"""The install and CI instructions stay true, and the packages carry what they must."""

from __future__ import annotations

import email
import json
import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LICENCES = ("LICENSE", "LICENSE-CONTENT", "THIRD-PARTY-NOTICES.md")


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_has_the_two_commands():
    install, tests = _readme_commands()
    assert install.endswith(".venv/bin/lantern")
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command():
    _, tests = _readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()


def _build(factory: pytest.TempPathFactory, target: str, builder_class: str) -> Path:
    builders = pytest.importorskip(f"hatchling.builders.{target}")
    builder = getattr(builders, builder_class)(str(ROOT))
    out = factory.mktemp(target)
    return Path(next(iter(builder.build(directory=str(out), versions=["standard"]))))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory, "wheel", "WheelBuilder")


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory, "sdist", "SdistBuilder")


def test_wheel_carries_content_and_resources(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lantern/_data/content/pack.toml" in names
    assert "lantern/_data/content/pages/help-now.md" in names
    assert "lantern/_data/resources/styles/article.css" in names
    assert "lantern/_data/resources/desktop/lantern.svg" in names
    assert "lantern/_data/resources/translations/lantern_cli_es.ts" in names
    assert "lantern/_data/resources/translations/lantern_es.qm" in names  # the window's
    assert "lantern/cli.py" in names
    assert not any(n.startswith("tests/") for n in names)


def test_wheel_carries_every_content_file_and_the_packs_in_other_languages(wheel: Path):
    """The Spanish pack in content/es, and any other, goes into the wheel with the rest."""
    names = set(zipfile.ZipFile(wheel).namelist())
    files = [p.relative_to(ROOT / "content").as_posix()
             for p in (ROOT / "content").rglob("*") if p.is_file()]
    missing = [f for f in files if f"lantern/_data/content/{f}" not in names]
    assert files and not missing
    spec = (ROOT / "resources" / "packaging" / "lantern.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "content"), "lantern/_data/content")' in spec  # the whole tree


def test_the_bundle_keeps_the_catalogues_the_window_loads():
    """The bundle leaves out Qt's translations, but not Lantern's catalogues nor Qt's
    dialog words in the languages Lantern speaks (lantern.ui.language loads both)."""
    spec = (ROOT / "resources" / "packaging" / "lantern.spec").read_text(encoding="utf-8")
    start = spec.index("UNUSED = re.compile(")
    unused = eval(spec[start + len("UNUSED = "):spec.index("\n)\n", start) + 2],
                  {"re": re})
    assert '(str(ROOT / "resources" / "translations"), "lantern/_data/resources/translations")' \
        in spec
    for kept in ("lantern/_data/resources/translations/lantern_es.qm",
                 "lantern/_data/resources/translations/lantern_cli_es.ts",
                 "PySide6/Qt/translations/qtbase_es.qm"):
        assert not unused.search(kept), kept
    for left_out in ("PySide6/Qt/translations/qtdeclarative_es.qm",
                     "PySide6/Qt/translations/qtbase_de.qm",
                     "PySide6/translations/qt_help_es.qm"):
        assert unused.search(left_out), left_out


def test_wheel_carries_the_licences_and_notices(wheel: Path):
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    for name in LICENCES:
        assert f"{info}/licenses/{name}" in names  # where pip and registries look
        assert f"lantern/_data/licenses/{name}" in names  # where the About box looks
    notices = archive.read(f"{info}/licenses/THIRD-PARTY-NOTICES.md").decode()
    for library in ("PySide6", "LGPL-3.0", "whoosh3", "Markdown", "PyYAML", "platformdirs",
                    "segno", "bibtexparser", "pylatexenc", "MedQuAD is not part"):
        assert library in notices
    assert "download.qt.io" in notices  # where to get Qt's source
    assert "Creative Commons Attribution 4.0" in archive.read(
        f"{info}/licenses/LICENSE-CONTENT").decode()


def _runtime_packages() -> set[str]:
    """Lantern's dependencies and theirs, as installed here (extras and other Pythons left
    out)."""
    import importlib.metadata as metadata
    import tomllib

    todo = list(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"])
    found: set[str] = set()
    while todo:
        name = re.split(r"[ ;<>=!~\[]", todo.pop())[0].lower()
        if name in found:
            continue
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue  # a requirement for another Python version
        found.add(name)
        todo += [r for r in requires if "extra ==" not in r]
    return found


def test_every_library_lantern_runs_on_has_its_notice():
    notices = (ROOT / "THIRD-PARTY-NOTICES.md").read_text(encoding="utf-8").lower()
    packages = _runtime_packages()
    assert {"pyside6-essentials", "shiboken6", "whoosh3"} <= packages
    assert sorted(p for p in packages if p not in notices) == []


def test_wheel_metadata_is_what_a_registry_shows(wheel: Path):
    archive = zipfile.ZipFile(wheel)
    info = next(n.split("/")[0] for n in archive.namelist() if n.endswith("/METADATA"))
    meta = email.message_from_bytes(archive.read(f"{info}/METADATA"))
    assert meta["License-Expression"] == "MIT AND CC-BY-4.0"
    assert sorted(meta.get_all("License-File")) == sorted(LICENCES)
    assert "Lantern developers" in meta["Author-email"]
    urls = {u.split(",")[0] for u in meta.get_all("Project-URL")}
    assert {"Homepage", "Source", "Issues"} <= urls
    classifiers = meta.get_all("Classifier")
    assert "Environment :: X11 Applications :: Qt" in classifiers
    assert "Programming Language :: Python :: 3.11" in classifiers
    entry_points = archive.read(f"{info}/entry_points.txt").decode()
    assert "[gui_scripts]" in entry_points  # Windows: a launcher without a console window


def test_sdist_carries_what_a_build_and_the_tests_need(sdist: Path):
    import tarfile

    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    for name in (*LICENCES, "pyproject.toml", "content/pack.toml", "app/lantern/cli.py",
                 "resources/desktop/lantern.svg", "tests/test_packaging.py", ".ci/run"):
        assert name in names


def _fresh_venv(where: Path) -> Path:
    venv.EnvBuilder(with_pip=True, clear=True).create(where)
    return where / ("Scripts" if os.name == "nt" else "bin")


def _run(exe: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LANTERN_CONTENT", "PYTHON", "VIRTUAL_ENV"))}
    env["LANTERN_CACHE_DIR"] = str(cwd / "cache")
    env["LANTERN_CONFIG_DIR"] = str(cwd / "config")
    return subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def _check_installed(bin_dir: Path, where: Path) -> None:
    """The installed `lantern` runs from its own files, not from this checkout."""
    lantern = bin_dir / "lantern"
    assert _run(lantern, "--version", cwd=where).stdout.strip().startswith("lantern ")
    found = _run(bin_dir / "python", "-c",
                 "import lantern.core.paths as p; print(p.content_dir()); "
                 "print(p.resource('desktop', 'lantern.svg')); "
                 "from lantern.ui import language; print(language.catalogue('es'))", cwd=where)
    assert found.returncode == 0, found.stderr
    for line in found.stdout.splitlines():
        assert "site-packages" in line and Path(line).exists()
    search = _run(lantern, "search", "DMN", "--json", cwd=where)
    assert search.returncode == 0, search.stderr
    assert json.loads(search.stdout)["results"][0]["title"] == "Default mode network"
    check = _run(lantern, "check", cwd=where)
    assert check.returncode == 0, check.stdout + check.stderr
    assert (bin_dir / "lantern-gui").exists()


def _pip_install(bin_dir: Path, target: Path) -> None:
    done = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet",
                           str(target)], capture_output=True, text=True, timeout=900,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_the_wheel_installs_and_runs_in_a_clean_venv(wheel: Path, tmp_path: Path):
    bin_dir = _fresh_venv(tmp_path / "venv")
    _pip_install(bin_dir, wheel)
    _check_installed(bin_dir, tmp_path)


@pytest.mark.slow
def test_the_sdist_installs_and_runs_in_a_clean_venv(sdist: Path, tmp_path: Path):
    bin_dir = _fresh_venv(tmp_path / "venv")
    _pip_install(bin_dir, sdist)
    _check_installed(bin_dir, tmp_path)
    assert sys.executable not in str(bin_dir)

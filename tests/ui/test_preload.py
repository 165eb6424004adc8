"""Background jobs import nothing: every module they need is imported first, in the GUI
thread, because PySide6's import hook is not safe in a worker thread."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import VALID_PACK

CYCLE = """
import json, shutil, sys
from pathlib import Path

from lantern.ui.platform.workers import PARSER_MODULES, preload_modules

preload_modules()
preload_modules(PARSER_MODULES)
before = set(sys.modules)

from lantern.core.compose import Composer
from lantern.core.library_cache import load_and_cache, read_cached
from lantern.core.search import open_index, open_previous_index
from lantern.core.search.suggest import Suggester
from lantern.core.usage import term_appearances

work = Path(sys.argv[1])
pack = Path(shutil.copytree(sys.argv[2], work / "pack"))
cache = work / "cache"
library = load_and_cache([pack], cache)               # parse, write the cache
index = open_index(library, cache)                    # build
Suggester(library).suggest("de")
for text in ("DMN", "default mode network", "psilocibin", "microdossing trial",
             "why do magic mushrooms quiet the wandering mind in brain scans",
             "I want to die", "qqqqzzzz", "5-HT2A"):
    index.search(text)                                 # search, fuzzy, spelling, fallbacks
index.close()
faq = pack / "faq" / "what-is-dmn.md"
faq.write_text(faq.read_text(encoding="utf-8") + "\\nA new line.\\n", encoding="utf-8")
library = load_and_cache([pack], cache)
previous = open_previous_index(library, cache)         # the old index, read-only
previous.search("DMN")
previous.close()
index = open_index(library, cache)                     # update
index.search("DMN")
index.close()
library = read_cached([pack], cache)                   # the next start
index = open_index(library, cache)                     # warm open
index.search("psilocybin")
composer = Composer(library, term_appearances(library))
composer.compose("lantern:term/default-mode-network")
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def _imported_by_the_cycle(tmp_path: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", CYCLE, str(tmp_path), str(VALID_PACK)],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    return list(json.loads(out.splitlines()[-1]))


def test_the_preload_list_is_complete(tmp_path: Path) -> None:
    """Build, update, search, spelling, suggestions, pages: no module is imported after
    the preload, so none is imported in a worker thread."""
    assert _imported_by_the_cycle(tmp_path) == []


WARM_START = """
import json, os, sys
from lantern import cli

os.environ["LANTERN_QUIT_AFTER_START"] = "1"
assert cli.main(["--content", sys.argv[1]]) == 0
print(json.dumps([m for m in sys.argv[2:] if m in sys.modules]))
"""


def test_a_start_on_an_unchanged_pack_imports_no_parser_nor_indexing_process(tmp_path: Path):
    """Parsing and building are for a changed pack: a warm start is usable without them."""
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               LANTERN_CACHE_DIR=str(tmp_path / "cache"),
               LANTERN_CONFIG_DIR=str(tmp_path / "config"), LANTERN_LOG_DIR=str(tmp_path))
    unwanted = ["lantern.core.content", "yaml", "lantern.core.index_process",
                "multiprocessing.queues"]
    subprocess.run([sys.executable, "-m", "lantern", "index", str(VALID_PACK)], env=env,
                   capture_output=True, check=True, timeout=120)
    done = subprocess.run([sys.executable, "-c", WARM_START, str(VALID_PACK), *unwanted],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []


def _fresh_modules(tmp_path: Path, monkeypatch, count: int) -> list[str]:
    names = [f"lantern_probe_step_{n}" for n in range(count)]
    for name in names:
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in names:
        monkeypatch.delitem(sys.modules, name, raising=False)
    return names


def test_the_preload_in_steps_imports_a_few_modules_a_turn(qtbot, tmp_path, monkeypatch):
    """Each step imports until its time is up, not one module a turn (each turn of the
    event loop cost as much again as a small module); every module is in before `then`."""
    from lantern.ui.platform import workers

    names = _fresh_modules(tmp_path, monkeypatch, 5)
    done: list[bool] = []
    monkeypatch.setattr(workers, "STEP_S", 60.0, raising=False)
    workers.preload_in_steps(lambda: done.append(True), names)
    assert done == [True]  # all five in the first step: its time was not up
    assert all(name in sys.modules for name in names)


def test_a_step_whose_time_is_up_leaves_the_rest_to_the_next_turns(qtbot, tmp_path,
                                                                   monkeypatch):
    from lantern.ui.platform import workers

    names = _fresh_modules(tmp_path, monkeypatch, 3)
    done: list[bool] = []
    monkeypatch.setattr(workers, "STEP_S", 0.0)
    workers.preload_in_steps(lambda: done.append(True), names)
    assert done == [] and names[0] in sys.modules and names[1] not in sys.modules
    qtbot.waitUntil(lambda: done == [True], timeout=5000)
    assert all(name in sys.modules for name in names)

"""The `lantern` command. With no subcommand it opens the window.

The window (and so PySide6) is imported only when it is needed, so `lantern search` and
`lantern check` stay quick and work on machines without a display.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from lantern.core import paths
from lantern.core.address import SEARCHED_KINDS, Address, Kind, address
from lantern.core.plurals import count_of, plural

from lantern import __version__

if TYPE_CHECKING:  # the content model, its parser and the kiosk are imported by the commands
    from lantern.core.kiosk import KioskPolicy
    from lantern.core.model import Library, Problem

EPILOG = """\
examples:
  lantern                          open the window on the bundled content
  lantern search DMN               search from the terminal
  echo "is ketamine safe" | lantern search --json
  lantern check my-clinic-pack     validate a content pack
  lantern --content my-clinic-pack --watch   preview a pack while editing it
  lantern index                    build the search index ahead of time
  lantern doctor                   check Qt, content, index and folders (for IT)
  lantern kiosk                    full screen for a clinic waiting room (docs/kiosk.md)
  lantern kiosk --set-pin          set the staff PIN that leaves kiosk mode
  lantern desktop install          put Lantern in the desktop's application menu

environment:
  LANTERN_CONTENT_DIR   content pack to open instead of the bundled one
  LANTERN_CACHE_DIR     where the search index is kept
  LANTERN_CONFIG_DIR    where settings are kept
  LANTERN_LOG_DIR       where the window writes lantern.log
"""


def _content_arg(parser: argparse.ArgumentParser, positional: bool = False,
                 dest: str = "sub_content") -> None:
    # The subcommands keep their own list: argparse would otherwise replace the packs given
    # before the subcommand with those given after it (or with none).
    parser.add_argument(
        "--content", metavar="DIR", type=Path, action="append", dest=dest,
        help="content pack folder (repeat to add packs); default: the bundled pack",
    )
    if positional:
        parser.add_argument("dir", nargs="?", type=Path, help="content pack folder")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


_EXAMPLE = address(Kind.ARTICLE, "microdosing")


def _address(text: str) -> str:
    if Address.parse(text) is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a Lantern address (they look like {_EXAMPLE})")
    return text


_LANGUAGES = ("en", "es")  # lantern.i18n.SUPPORTED, spelled here so --help imports nothing


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lantern",
        description="Lantern: an offline reader about psychedelic-assisted therapy.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"lantern {__version__}")
    parser.add_argument("--open", metavar="ADDRESS", dest="address", type=_address,
                        help=f"page to open, e.g. {_EXAMPLE} (a Lantern "
                        "already running opens it in its window)")
    _content_arg(parser, dest="content")
    parser.add_argument(
        "--lang", metavar="CODE", choices=_LANGUAGES,
        help="language of the window and its messages: "
             + ", ".join(_LANGUAGES) + " (default: the system's)",
    )
    parser.add_argument(
        "--watch", action="store_true",
        help="live preview for authors: check and reload the packs when a file is saved",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    search = sub.add_parser("search", help="search and print results",
                            description="Search the content. With no QUERY, read one query "
                            "per line from standard input and print one JSON line each.")
    search.add_argument("query", nargs="*", help="what to search for")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=_positive, default=10, metavar="N",
                        help="results to show, at least 1 (default 10)")
    search.add_argument("--kind", action="append", choices=[str(k) for k in SEARCHED_KINDS],
                        help="only results of this kind (repeatable)")
    _content_arg(search)

    check = sub.add_parser("check", help="validate a content pack",
                           description="Print every problem as file:line: severity: message. "
                           "Exit status 1 when any problem is an error.")
    check.add_argument("--json", action="store_true",
                       help="print the problems as one JSON document (for editors and CI)")
    _content_arg(check, positional=True)

    index = sub.add_parser("index", help="build or update the search index")
    _content_arg(index, positional=True)

    doctor = sub.add_parser("doctor", help="check that Lantern can run here",
                            description="Report Qt, content, index and folders, one line "
                            "each. Exit status 1 when anything needs fixing.")
    _content_arg(doctor)

    kiosk = sub.add_parser("kiosk", help="open locked down for an unattended screen",
                           description="Full screen, no way out without the staff PIN, and a "
                           "clean start for each visitor. See docs/kiosk.md.")
    kiosk.add_argument("--config", metavar="FILE", type=Path,
                       help="kiosk settings (default: kiosk.toml in the config folder)")
    kiosk.add_argument("--set-pin", action="store_true",
                       help="ask for a new staff PIN and save its hash in the config file")
    _content_arg(kiosk)

    desktop = sub.add_parser("desktop", help="add Lantern to the application menu or remove it",
                             description="Write (or remove) Lantern's launcher, icon and "
                             "AppStream description in the user's XDG data folder "
                             "($XDG_DATA_HOME, by default ~/.local/share).")
    desktop.add_argument("action", choices=["install", "uninstall"])
    return parser


def _roots(args: argparse.Namespace, err: TextIO, must_exist: bool = True) -> list[Path] | None:
    """The packs named by `--content` (before and after the subcommand, in that order) and
    the subcommand's folder argument; the bundled pack when none is named. A folder that
    does not exist is an error unless `must_exist` is false (`check` reports it itself)."""
    roots = [*(getattr(args, "content", None) or []), *(getattr(args, "sub_content", None) or [])]
    if getattr(args, "dir", None):
        roots.insert(0, args.dir)
    if roots:
        missing = [root for root in roots if not root.is_dir()]
        if must_exist and missing:
            for root in missing:
                print(f"lantern: content folder not found: {root}", file=err)
            return None
        return roots
    try:
        return paths.content_roots()
    except paths.NotFoundError as exc:
        print(f"lantern: {exc}", file=err)
        return None


def _load(args: argparse.Namespace, err: TextIO, cache: str = "",
          must_exist: bool = True) -> Library | None:
    """The library of the folders given. `cache="read"` takes it from the cache when nothing
    changed; `cache="write"` parses and leaves it there for the window's next start."""
    roots = _roots(args, err, must_exist)
    if roots is None:
        return None
    if cache:
        from lantern.core.library_cache import load_and_cache, load_library_cached

        load = load_library_cached if cache == "read" else load_and_cache
        return load(roots, paths.cache_dir())
    from lantern.core.content import load_library

    return load_library(roots)


def _own_problems(library: Library, err: TextIO) -> tuple[Problem, ...]:
    """The problems to report for the packs given. An add-on (`addon = true` in its
    pack.toml) or a translation (`translation_of`) is checked on top of the bundled pack, so
    its links, citations and `translates` into that pack resolve, and only its own files are
    reported."""
    if not (library.packs and (library.packs[0].addon or library.packs[0].translation_of)):
        return library.problems
    try:
        base = paths.content_dir()
    except paths.NotFoundError as exc:
        print(f"lantern: checking the add-on on its own ({exc})", file=err)
        return library.problems
    from lantern.core.content import load_library

    given = [root.resolve() for root in library.roots]
    combined = load_library([base, *library.roots])
    return tuple(p for p in combined.problems
                 if any(p.file.resolve().is_relative_to(root) for root in given))


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    library = _load(args, err, must_exist=False)
    if library is None:
        return 2
    from lantern.core.model import Severity, printable

    problems = _own_problems(library, err)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if args.json:
        print(json.dumps({
            # A file name that is not UTF-8 cannot be printed as is: its bytes as escapes.
            "problems": [{"file": printable(str(p.file)), "line": p.line,
                          "severity": str(p.severity),
                          "message": p.message, "hint": p.hint} for p in problems],
            "errors": errors, "warnings": warnings,
            "counts": {"articles": len(library.articles), "faqs": len(library.faqs),
                       "terms": len(library.terms), "references": len(library.references),
                       "pages": len(library.pages)},
        }, ensure_ascii=False, indent=1), file=out)
        return 1 if errors else 0
    cwd = Path.cwd()
    for problem in problems:
        print(problem.format(cwd), file=out)
    summary = (
        f"{count_of(len(library.articles), 'article')}, {plural(len(library.faqs), 'FAQ')}, "
        f"{count_of(len(library.terms), 'term')}, {plural(len(library.references), 'reference')}, "
        f"{count_of(len(library.pages), 'page')}: {plural(errors, 'error')}, "
        f"{plural(warnings, 'warning')}"
    )
    print(summary, file=err)
    return 1 if errors else 0


def _progress(err: TextIO):  # type: ignore[no-untyped-def]
    if not err.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        err.write(f"\rindexing [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            err.write("\n")
        err.flush()

    return show


def cmd_index(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import time

    from lantern.core.search import open_index

    library = _load(args, err, cache="write")
    if library is None:
        return 2
    started = time.perf_counter()
    ix = open_index(library, paths.cache_dir(), _progress(err))
    elapsed = time.perf_counter() - started
    where = ix.location or "memory (the cache folder is in use or not writable)"
    print(f"index ready: {ix.doc_count} documents in {where} ({elapsed:.2f} s)", file=out)
    ix.close()
    return 0


def cmd_doctor(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from lantern.doctor import run_doctor

    roots = _roots(args, err, must_exist=False)
    return run_doctor(roots, out) if roots is not None else 1


def cmd_search(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    from lantern.core.search import open_index

    library = _load(args, err, cache="read")
    if library is None:
        return 2
    ix = open_index(library, paths.cache_dir())
    try:
        if args.query:
            response = ix.search(" ".join(args.query), limit=args.limit, kinds=args.kind)
            if args.json:
                print(json.dumps(response.to_json(), ensure_ascii=False), file=out)
            else:
                _print_results(response, out)
            return 0
        for line in stdin:
            query = line.rstrip("\n")
            response = ix.search(query, limit=args.limit, kinds=args.kind)
            print(json.dumps(response.to_json(), ensure_ascii=False), file=out, flush=True)
        return 0
    finally:
        ix.close()


def _print_results(response, out: TextIO) -> None:  # type: ignore[no-untyped-def]
    if not response.results:
        print("No results.", file=out)
    for n, result in enumerate(response.results, 1):
        where = f" › {result.heading}" if result.heading else ""
        print(f"{n:2}. [{result.kind}] {result.title}{where}  ({result.score:.2f})", file=out)
        snippet = result.snippet.marked("*", "*", html=False)
        print(f"    {snippet}", file=out)
    if response.suggestion:
        print(f"Did you mean: {response.suggestion}", file=out)


#: `lantern kiosk` when Qt cannot start here (a missing system library): not worth restarting.
EXIT_QT_CANNOT_START = 3


def _set_pin(path: Path, out: TextIO, err: TextIO) -> int:
    from lantern.core.kiosk import hash_pin, pin_problem, save_pin_hash

    pin = getpass.getpass("New staff PIN (digits): ")
    problem = pin_problem(pin)
    if problem:
        print(f"lantern: {problem}; nothing changed", file=err)
        return 1
    if getpass.getpass("The same PIN again: ") != pin:
        print("lantern: the two PINs differ; nothing changed", file=err)
        return 1
    try:
        save_pin_hash(path, hash_pin(pin))
    except (OSError, ValueError) as exc:  # ValueError: the file is not valid TOML
        print(f"lantern: cannot write {path}: {exc}", file=err)
        return 1
    print(f"staff PIN saved in {path}", file=out)
    return 0


def _window_can_open(err: TextIO) -> bool:
    """Say why the window cannot open, instead of letting Qt end the process with advice
    to reinstall. A doubt is settled by starting Qt in a separate process first."""
    from lantern.qt_check import diagnose

    problems = diagnose()
    if not problems:
        return True
    from lantern.doctor import qt_starts

    if qt_starts():
        return True
    print("lantern: the window cannot open here:", file=err)
    for problem in problems:
        print(f"  - {problem}", file=err)
    print("(lantern doctor checks everything else too)", file=err)
    return False


def _kiosk_qt_starts(err: TextIO) -> bool:
    """Whether Qt can open a window here, always tried in a separate process (a platform
    plugin that cannot load aborts the process that tried, and a kiosk would be restarted
    into the same abort). Says why not in one line, for the journal."""
    from lantern.doctor import _qt

    ok, text = _qt()
    if not ok:
        print(f"lantern: the kiosk cannot start: {text} (`lantern doctor` checks the rest)",
              file=err)
    return ok


def cmd_kiosk(args: argparse.Namespace, out: TextIO, err: TextIO,
              loaded: tuple[KioskPolicy, list[Problem]] | None = None) -> int:
    from lantern.core.kiosk import load_policy

    path = args.config or paths.config_dir() / "kiosk.toml"
    if args.set_pin:
        return _set_pin(path, out, err)
    policy, problems = loaded or load_policy(path)
    for problem in problems:  # a bad setting is reported, and the kiosk starts anyway
        print(problem.format(), file=err)
    roots = _roots(args, err)
    if roots is None:
        return 2
    if not _kiosk_qt_starts(err):
        return EXIT_QT_CANNOT_START
    from lantern.ui.app import run_kiosk

    return run_kiosk(roots, policy)


def cmd_gui(args: argparse.Namespace, err: TextIO) -> int:
    """The window, or the kiosk when the site's kiosk.toml asks for it, or cannot be read
    (a kiosk whose settings are damaged starts locked, never as the desktop app)."""
    site = paths.config_dir() / "kiosk.toml"
    if site.exists() or site.is_symlink():  # most machines have none: nothing to import
        from lantern.core.kiosk import load_policy
        from lantern.core.model import Severity

        policy, problems = load_policy(site)
        if policy.enabled:
            args.config, args.set_pin = None, False
            return cmd_kiosk(args, sys.stdout, err, (policy, problems))
        for problem in problems:
            if problem.severity is Severity.ERROR:  # damaged, yet plainly not a kiosk
                print(problem.format(), file=err)
    roots = _roots(args, err)
    if roots is None:
        return 2
    if not _window_can_open(err):
        return 1
    from lantern.ui.app import run

    # Live preview only when asked, so `run` is called as it always was otherwise.
    watching = {"watch": True} if getattr(args, "watch", False) else {}
    return run(roots, address=args.address, switch_packs=bool(args.content), **watching)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a bundled app starts its indexing process here too
        import multiprocessing

        multiprocessing.freeze_support()
    parser = build_parser()
    args = parser.parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "check":
            return cmd_check(args, out, err)
        if args.command == "index":
            return cmd_index(args, out, err)
        if args.command == "doctor":
            return cmd_doctor(args, out, err)
        if args.command == "kiosk":
            return cmd_kiosk(args, out, err)
        if args.command == "search":
            return cmd_search(args, out, err, sys.stdin)
        if args.command == "desktop":
            from lantern import desktop

            return (desktop.install if args.action == "install" else desktop.uninstall)(out, err)
        return cmd_gui(args, err)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `lantern search … | head`: the reader went away; that is fine.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0

"""The `lantern` command. With no subcommand it opens the window.

The window (and so PySide6) is imported only when it is needed, so `lantern search` and
`lantern check` stay quick and work on machines without a display.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO, cast

from lantern.core import paths
from lantern.core.messages import localise, speaking, translate

from lantern.counted import counted

if TYPE_CHECKING:  # the content model, its parser and the kiosk are imported by the commands
    import argparse

    from lantern.core.kiosk import KioskPolicy
    from lantern.core.model import Library, Problem


def say(message: str, file: TextIO, end: str = "\n", flush: bool = False) -> None:
    """Print a message in the language being spoken."""
    print(localise(message), file=file, end=end, flush=flush)


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
                say(translate("cli", "lantern: content folder not found: {folder}").format(
                    folder=root), err)
            return None
        return roots
    try:
        return paths.content_roots()
    except paths.NotFoundError as exc:
        say(translate("cli", "lantern: {reason}").format(reason=exc), err)
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
        say(translate("cli", "lantern: checking the add-on on its own ({reason})").format(
            reason=exc), err)
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
        import json

        print(json.dumps({
            # A file name that is not UTF-8 cannot be printed as is: its bytes as escapes.
            "problems": [{"file": printable(str(p.file)), "line": p.line,
                          "severity": str(p.severity),
                          "message": localise(p.message), "hint": localise(p.hint)}
                         for p in problems],
            "errors": errors, "warnings": warnings,
            "counts": {"articles": len(library.articles), "faqs": len(library.faqs),
                       "terms": len(library.terms), "references": len(library.references),
                       "pages": len(library.pages)},
        }, ensure_ascii=False, indent=1), file=out)
        return 1 if errors else 0
    cwd = Path.cwd()
    for problem in problems:
        print(problem.format(cwd, localise), file=out)
    say(translate("cli", "{articles}, {faqs}, {terms}, {references}, {pages}: {errors}, "
                  "{warnings}").format(
        articles=counted(len(library.articles), "article"),
        faqs=counted(len(library.faqs), "faq"), terms=counted(len(library.terms), "term"),
        references=counted(len(library.references), "reference"),
        pages=counted(len(library.pages), "page"), errors=counted(errors, "error"),
        warnings=counted(warnings, "warning")), err)
    return 1 if errors else 0


def _progress(err: TextIO):  # type: ignore[no-untyped-def]
    if not err.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        err.write("\r" + localise(translate("cli", "indexing [{bar}] {done}/{total}").format(
            bar="#" * filled + "." * (width - filled), done=done, total=total)))
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
    where = ix.location or translate("cli", "memory (the cache folder is in use or not "
                                      "writable)")
    say(translate("cli", "index ready: {n} document in {where} ({seconds:.2f} s)",
                  "index ready: {n} documents in {where} ({seconds:.2f} s)", ix.doc_count)
        .format(where=where, seconds=elapsed), out)
    if ix.location is not None:  # for kiosks that share it (docs/kiosk.md)
        from lantern.core.search.whoosh_store import write_index_manifest

        say(translate("cli", "index digest: {digest}").format(
            digest=write_index_manifest(library, ix.location)), out)
    ix.close()
    return 0


def cmd_doctor(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from lantern.doctor import run_doctor

    roots = _roots(args, err, must_exist=False)
    return run_doctor(roots, out) if roots is not None else 1


def cmd_search(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    from lantern.builtin_hashes import use_builtin_hashes

    use_builtin_hashes()  # before anything imports hashlib: no scrypt is needed here
    import json

    from lantern.core import collector
    from lantern.core.command_search import CommandSearch

    roots = _roots(args, err)
    if roots is None:
        return 2
    # Opening imports the search's modules and reads the library's head: tens of thousands
    # of objects, no garbage (with the collector off for the whole process, a bundled
    # search took 128 ms against 137).
    with collector.paused():
        ix = CommandSearch(roots, paths.cache_dir())
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


#: How a result's kind is shown in `lantern search`: "[article]", "[artículo]".
KIND_LABELS = {
    "article": translate("search", "article"), "faq": translate("search", "faq"),
    "term": translate("search", "term"), "page": translate("search", "page"),
    "ref": translate("search", "ref"),
}


def _print_results(response, out: TextIO) -> None:  # type: ignore[no-untyped-def]
    if not response.results:
        say(translate("search", "No results."), out)
    for n, result in enumerate(response.results, 1):
        where = f" › {result.heading}" if result.heading else ""
        kind = localise(KIND_LABELS.get(str(result.kind), str(result.kind)))
        print(f"{n:2}. [{kind}] {result.title}{where}  ({result.score:.2f})", file=out)
        snippet = result.snippet.marked("*", "*", html=False)
        print(f"    {snippet}", file=out)
    if response.suggestion:
        say(translate("search", "Did you mean: {suggestion}").format(
            suggestion=response.suggestion), out)


#: `lantern kiosk` when Qt cannot start here (a missing system library): not worth restarting.
EXIT_QT_CANNOT_START = 3


def _set_pin(path: Path, out: TextIO, err: TextIO) -> int:
    import getpass

    from lantern.core.kiosk import hash_pin, pin_problem, save_pin_hash

    pin = getpass.getpass(localise(translate("kiosk", "New staff PIN (digits): ")))
    problem = pin_problem(pin)
    if problem:
        say(translate("kiosk", "lantern: {problem}; nothing changed").format(problem=problem),
            err)
        return 1
    if getpass.getpass(localise(translate("kiosk", "The same PIN again: "))) != pin:
        say(translate("kiosk", "lantern: the two PINs differ; nothing changed"), err)
        return 1
    try:
        save_pin_hash(path, hash_pin(pin))
    except (OSError, ValueError) as exc:  # ValueError: the file is not valid TOML
        say(translate("kiosk", "lantern: cannot write {file}: {reason}").format(
            file=path, reason=exc), err)
        return 1
    say(translate("kiosk", "staff PIN saved in {file}").format(file=path), out)
    return 0


def _window_can_open(err: TextIO) -> bool:
    """Say why the window cannot open, instead of letting Qt end the process with advice
    to reinstall. A doubt is settled by starting Qt in a separate process first."""
    from lantern.qt_check import diagnose

    # Qt's libraries first (the window needs them): the check then finds them loaded. If
    # a system library is missing, the import fails and the check names the library.
    with contextlib.suppress(ImportError):
        import PySide6.QtGui  # noqa: F401
    problems = diagnose()
    if not problems:
        return True
    from lantern.doctor import qt_starts

    if qt_starts():
        return True
    say(translate("cli", "lantern: the window cannot open here:"), err)
    for problem in problems:
        print(f"  - {localise(problem)}", file=err)
    say(translate("cli", "(lantern doctor checks everything else too)"), err)
    return False


def _kiosk_qt_starts(err: TextIO) -> bool:
    """Whether Qt can open a window here, always tried in a separate process (a platform
    plugin that cannot load aborts the process that tried, and a kiosk would be restarted
    into the same abort). Says why not in one line, for the journal."""
    from lantern.doctor import _qt

    ok, text = _qt()
    if not ok:
        say(translate("kiosk", "lantern: the kiosk cannot start: {reason} (`lantern doctor` "
                      "checks the rest)").format(reason=text), err)
    return ok


def cmd_kiosk(args: argparse.Namespace, out: TextIO, err: TextIO,
              loaded: tuple[KioskPolicy, list[Problem]] | None = None) -> int:
    from lantern.core.kiosk import load_policy

    path = args.config or paths.config_dir() / "kiosk.toml"
    if args.set_pin:
        return _set_pin(path, out, err)
    policy, problems = loaded or load_policy(path)
    for problem in problems:  # a bad setting is reported, and the kiosk starts anyway
        print(problem.format(None, localise), file=err)
    roots = _roots(args, err)
    if roots is None:
        return 2
    if not _kiosk_qt_starts(err):
        return EXIT_QT_CANNOT_START
    from lantern.ui.app import run_kiosk

    return run_kiosk(roots, policy, **_window_language(args))


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
                print(problem.format(None, localise), file=err)
    roots = _roots(args, err)
    if roots is None:
        return 2
    if not _window_can_open(err):
        return 1
    from lantern.ui.app import run

    # Live preview and a language only when asked, so `run` is called as it always was
    # otherwise.
    asked: dict[str, Any] = {"watch": True} if getattr(args, "watch", False) else {}
    asked.update(_window_language(args))
    return run(roots, address=args.address, switch_packs=bool(args.content), **asked)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a bundled app starts its indexing process here too
        import multiprocessing

        multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # a double-clicked icon: the window, no parser to build (argparse, ~5 ms)
        from lantern.core import collector

        # The window's start makes objects by the hundred thousand and no garbage: the
        # collector waits until search is usable (the window turns it on, and so does the
        # end of the run, should the window never get that far).
        collector.pause_for_start()
        try:
            from lantern.i18n import resolve

            with speaking(resolve(None)):
                return _run(cast("argparse.Namespace", bare_arguments()))
        finally:
            collector.resume_after_start()
    from lantern.cli_parser import _LANGUAGES, argparse_speaking, build_parser, flag_language
    from lantern.i18n import resolve

    language = resolve(flag_language(argv) if flag_language(argv) in _LANGUAGES else None)
    with speaking(language), argparse_speaking(language):
        args = build_parser().parse_args(argv)
    flag = _language_flag(args)
    if flag:
        language = flag
    with speaking(language):
        return _run(args)


def bare_arguments() -> SimpleNamespace:
    """What the parser makes of `lantern` with no arguments (a test holds the two equal)."""
    return SimpleNamespace(address=None, content=None, lang=None, watch=False, command=None)


def _language_flag(args: argparse.Namespace) -> str | None:
    """`--lang` as given before or after the subcommand, or None (the window then goes by
    the reader's saved choice, then the system's locale)."""
    flag: str | None = getattr(args, "sub_lang", None) or getattr(args, "lang", None)
    return flag


def _window_language(args: argparse.Namespace) -> dict[str, str]:
    """`language=` for the window when `--lang` was given; without it the window goes by
    the reader's choice saved in its settings, then the system's locale."""
    flag = _language_flag(args)
    return {"language": flag} if flag else {}


def _run(args: argparse.Namespace) -> int:
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

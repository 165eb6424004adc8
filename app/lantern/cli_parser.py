"""The `lantern` command's arguments, and its help, in the reader's language.

The parser is built once the language is known (`--lang` is looked for before parsing, so
`lantern --lang es --help` is Spanish): its help texts are localised as they are given
to argparse, and argparse's own words ("usage:", "options:", its error messages) come from
the same catalogue while `argparse_speaking()` is in force.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from lantern.core.address import SEARCHED_KINDS, Address, Kind, address
from lantern.core.messages import ENGLISH, Message, localise, translate

from lantern import __version__

_LANGUAGES = ("en", "es")  # lantern.i18n.SUPPORTED, spelled here so --help imports nothing


def epilog() -> str:
    return localise(translate("cli", """examples:
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
"""))


def flag_language(argv: Sequence[str]) -> str | None:
    """The value of `--lang` (or `--lang=`, or an abbreviation argparse accepts) before
    the arguments are parsed, so that the help and argparse's errors can be in it."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) >= 4 and "--lang".startswith(name):
            if equals:
                return value
            if index + 1 < len(argv):
                return argv[index + 1]
    return None


@contextlib.contextmanager
def argparse_speaking(code: str) -> Iterator[None]:
    """argparse's own words ("usage:", "options", "invalid choice: …") in `code`."""
    if code == ENGLISH:
        yield
        return
    words = ("_", "ngettext")
    before = [getattr(argparse, name) for name in words]

    def one(text: str) -> str:
        return localise(Message("argparse", text), code)

    def counted(singular: str, plural: str, n: int) -> str:
        return localise(Message("argparse", singular, plural, n), code)

    for name, function in zip(words, (one, counted), strict=True):
        setattr(argparse, name, function)
    try:
        yield
    finally:
        for name, function in zip(words, before, strict=True):
            setattr(argparse, name, function)


def _content_arg(parser: argparse.ArgumentParser, positional: bool = False,
                 dest: str = "sub_content") -> None:
    # The subcommands keep their own list: argparse would otherwise replace the packs given
    # before the subcommand with those given after it (or with none).
    parser.add_argument(
        "--content", metavar="DIR", type=Path, action="append", dest=dest,
        help=localise(translate(
            "cli", "content pack folder (repeat to add packs); default: the bundled pack")),
    )
    if dest == "sub_content":  # `lantern check --lang es` as well as `lantern --lang es check`
        _lang_arg(parser, "sub_lang")
    if positional:
        parser.add_argument("dir", nargs="?", type=Path,
                            help=localise(translate("cli", "content pack folder")))


def _lang_arg(parser: argparse.ArgumentParser, dest: str) -> None:
    parser.add_argument(
        "--lang", metavar="CODE", choices=_LANGUAGES, dest=dest,
        help=localise(translate(
            "cli", "language of the window and its messages: {codes} (default: the "
            "system's)").format(codes=", ".join(_LANGUAGES))),
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(localise(translate(
            "cli", "not a whole number: {text!r}").format(text=text))) from None
    if value < 1:
        raise argparse.ArgumentTypeError(localise(translate(
            "cli", "must be at least 1, not {value}").format(value=value)))
    return value


_EXAMPLE = address(Kind.ARTICLE, "microdosing")


def _address(text: str) -> str:
    if Address.parse(text) is None:
        raise argparse.ArgumentTypeError(localise(translate(
            "cli", "{text!r} is not a Lantern address (they look like {example})").format(
                text=text, example=_EXAMPLE)))
    return text


def _sub(sub: argparse._SubParsersAction, name: str,  # type: ignore[type-arg]
         help: Message, description: Message | None = None) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=localise(help),
        description=localise(description) if description is not None else None)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the language being spoken (`messages.speaking`)."""
    parser = argparse.ArgumentParser(
        prog="lantern",
        description=localise(translate(
            "cli", "Lantern: an offline reader about psychedelic-assisted therapy.")),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"lantern {__version__}",
                        # argparse's own words (argparse_words.py), not through gettext
                        # before Python 3.12
                        help=localise(Message("argparse",
                                              "show program's version number and exit")))
    parser.add_argument("--open", metavar="ADDRESS", dest="address", type=_address,
                        help=localise(translate(
                            "cli", "page to open, e.g. {example} (a Lantern already running "
                            "opens it in its window)").format(example=_EXAMPLE)))
    _content_arg(parser, dest="content")
    _lang_arg(parser, "lang")
    parser.add_argument(
        "--watch", action="store_true",
        help=localise(translate(
            "cli", "live preview for authors: check and reload the packs when a file is saved")),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    search = _sub(sub, "search", translate("cli", "search and print results"),
                  translate("cli", "Search the content. With no QUERY, read one query per "
                            "line from standard input and print one JSON line each."))
    search.add_argument("query", nargs="*", help=localise(translate("cli", "what to search for")))
    search.add_argument("--json", action="store_true",
                        help=localise(translate("cli", "print JSON")))
    search.add_argument("--limit", type=_positive, default=10, metavar="N",
                        help=localise(translate("cli", "results to show, at least 1 (default "
                                                "10)")))
    search.add_argument("--kind", action="append", choices=[str(k) for k in SEARCHED_KINDS],
                        help=localise(translate("cli", "only results of this kind (repeatable)")))
    _content_arg(search)

    check = _sub(sub, "check", translate("cli", "validate a content pack"),
                 translate("cli", "Print every problem as file:line: severity: message. Exit "
                           "status 1 when any problem is an error."))
    check.add_argument("--json", action="store_true",
                       help=localise(translate("cli", "print the problems as one JSON document "
                                               "(for editors and CI)")))
    _content_arg(check, positional=True)

    index = _sub(sub, "index", translate("cli", "build or update the search index"))
    _content_arg(index, positional=True)

    doctor = _sub(sub, "doctor", translate("cli", "check that Lantern can run here"),
                  translate("cli", "Report Qt, content, index and folders, one line each. "
                            "Exit status 1 when anything needs fixing."))
    _content_arg(doctor)

    kiosk = _sub(sub, "kiosk", translate("cli", "open locked down for an unattended screen"),
                 translate("cli", "Full screen, no way out without the staff PIN, and a clean "
                           "start for each visitor. See docs/kiosk.md."))
    kiosk.add_argument("--config", metavar="FILE", type=Path,
                       help=localise(translate("cli", "kiosk settings (default: kiosk.toml in "
                                               "the config folder)")))
    kiosk.add_argument("--set-pin", action="store_true",
                       help=localise(translate("cli", "ask for a new staff PIN and save its "
                                               "hash in the config file")))
    _content_arg(kiosk)

    desktop = _sub(sub, "desktop",
                   translate("cli", "add Lantern to the application menu or remove it"),
                   translate("cli", "Write (or remove) Lantern's launcher, icon and AppStream "
                             "description in the user's XDG data folder ($XDG_DATA_HOME, by "
                             "default ~/.local/share)."))
    desktop.add_argument("action", choices=["install", "uninstall"])
    _lang_arg(desktop, "sub_lang")
    return parser

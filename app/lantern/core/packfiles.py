"""Reading the files of a content pack safely, within limits checked before the work they
bound; every refusal or breach becomes a Problem naming the file, the line and the limit.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lantern.core.messages import translate
from lantern.core.model import Problem, Severity

#: Limits checked before the work they bound, each breach a Problem naming the limit.
MAX_FILE_BYTES = 1024 * 1024
MAX_LINE_CHARS = 20_000  # a paragraph written on one line is rarely a tenth of this
MAX_HEADINGS = 500  # per article, page or answer
MAX_ALIASES = 100  # per glossary term or article
MAX_NAME_CHARS = 200  # a glossary name or alias
MAX_NAMES = 20_000  # glossary names and aliases in all packs together
MAX_TOML_DEPTH = 20
_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")


@dataclass
class PackReader:
    """The problems found so far, and the reading of pack files that reports them.

    `digest` takes every file read with its path, so it changes when any content does."""

    problems: list[Problem] = field(default_factory=list)
    digest: Any = field(default_factory=hashlib.sha256)

    def problem(
        self, severity: Severity, path: Path, line: int, message: str, hint: str = ""
    ) -> None:
        self.problems.append(Problem(severity, path, max(1, line), message, hint))

    def error(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.problem(Severity.ERROR, path, line, message, hint)

    def warn(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.problem(Severity.WARNING, path, line, message, hint)

    def read(self, path: Path, root: Path) -> str | None:
        """The text of a file, or None after reporting why it cannot be used.

        Only a regular file is read, and at most MAX_FILE_BYTES of it: a pipe, a device or
        a link to one is refused before anything is read, so nothing can block or fill
        memory."""
        data = self._read_bytes(path, root)
        if data is None:
            return None
        self.digest.update(os.fsencode(path.relative_to(root)) + b"\0" + data + b"\0")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            self.error(
                path, line, translate("check", "not UTF-8 text (byte 0x{byte:02x})").format(
                    byte=data[exc.start]),
                translate("check", "save the file with UTF-8 encoding"),
            )
            return None
        if "\0" in text:
            self.error(path, text.count("\n", 0, text.index("\0")) + 1,
                       translate("check", "file contains NUL bytes"),
                       translate("check", "is this a binary file? content files are plain text"))
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _read_bytes(self, path: Path, root: Path) -> bytes | None:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
            | getattr(os, "O_BINARY", 0)
        too_large = translate("check", "split it; the limit is {limit:,} bytes").format(
            limit=MAX_FILE_BYTES)
        unreadable = translate("check", "cannot read file: {reason}")
        permissions = translate("check", "check its permissions")
        try:
            fd = os.open(path, flags)
        except OSError as exc:
            self.error(path, 1, unreadable.format(reason=exc.strerror or exc), permissions)
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                self.error(path, 1, translate(
                    "check", "not a regular file (a folder, pipe, device or socket)"),
                    translate("check", "content files are plain text files"))
                return None
            if info.st_size > MAX_FILE_BYTES:
                self.error(path, 1, translate("check", "file is too large ({size:,} bytes)")
                           .format(size=info.st_size), too_large)
                return None
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_FILE_BYTES:  # the file may grow while it is read
                chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            self.error(path, 1, unreadable.format(reason=exc.strerror or exc), permissions)
            return None
        finally:
            os.close(fd)
        if size > MAX_FILE_BYTES:
            self.error(path, 1, translate(
                "check", "file is too large (more than {limit:,} bytes)").format(
                    limit=MAX_FILE_BYTES), too_large)
            return None
        self._outside(path, root)
        return b"".join(chunks)

    def _outside(self, path: Path, root: Path) -> None:
        """Warn about a file that is a link to one outside its pack (it is still read)."""
        try:
            real, home = path.resolve(), root.resolve()
        except (OSError, RuntimeError):
            return
        if not real.is_relative_to(home):
            self.warn(path, 1, translate("check", "this file is a link to a file outside the pack"),
                      translate("check", "copy the file into the pack, so the pack shows what "
                                "it holds"))

    def text_limits(self, path: Path, first_line: int, body: str) -> bool:
        """False, after saying so, when a body has lines or headings past the limits."""
        if len(body) > MAX_LINE_CHARS:
            for number, line in enumerate(body.split("\n")):
                if len(line) > MAX_LINE_CHARS:
                    self.error(path, first_line + number, translate(
                        "check", "line of {count:,} characters; the limit is {limit:,} "
                        "characters").format(count=len(line), limit=MAX_LINE_CHARS),
                        translate("check", "break it into paragraphs"))
                    return False
        headings = body.count("\n#") + body.startswith("#")
        if headings > MAX_HEADINGS:
            counted = sum(1 for line in body.split("\n") if _HEADING.match(line))
            if counted > MAX_HEADINGS:
                self.error(path, first_line, translate(
                    "check", "{count:,} headings; the limit is {limit:,} headings per page")
                    .format(count=counted, limit=MAX_HEADINGS),
                    translate("check", "split it into several pages"))
                return False
        return True

    def within_limits(
        self, path: Path, line: int, names: Sequence[str], owner: str
    ) -> tuple[str, ...]:
        """Aliases past MAX_ALIASES, or longer than MAX_NAME_CHARS, reported and dropped."""
        if len(names) > MAX_ALIASES:
            self.error(path, line, translate(
                "check", "{owner} has {count:,} aliases; the limit is {limit} aliases (the "
                "first {limit} are used)").format(owner=owner, count=len(names),
                                                  limit=MAX_ALIASES),
                translate("check", "keep the names readers really use"))
            names = names[:MAX_ALIASES]
        kept = []
        for name in names:
            if len(name) > MAX_NAME_CHARS:
                self.error(path, line, translate(
                    "check", "an alias of {owner} has {count:,} characters; the limit is "
                    "{limit} characters (not used)").format(
                        owner=owner, count=len(name), limit=MAX_NAME_CHARS))
            else:
                kept.append(name)
        return tuple(kept)


class TooDeep(Exception):
    """pack.toml nests lists or tables past MAX_TOML_DEPTH, first at `line`."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def read_toml(text: str) -> dict[str, Any]:
    """tomllib.loads, refusing nesting past MAX_TOML_DEPTH before it is parsed (the parser
    recurses once per level). Brackets in strings and comments count too: a pack.toml
    never needs that many."""
    depth = 0
    line = 1
    for char in re.finditer(r"[\[\]{}\n]", text):
        bracket = char.group(0)
        if bracket == "\n":
            line += 1
        elif bracket in "[{":
            depth += 1
            if depth > MAX_TOML_DEPTH + 2:  # [[array.of.tables]] opens two
                raise TooDeep(line)
        else:
            depth = max(0, depth - 1)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise TooDeep(1) from None

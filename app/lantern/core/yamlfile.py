"""YAML and front matter that remember line numbers, so problems can name them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from lantern.core.messages import translate

#: Limits on what a document may become once its aliases (`*name`) are expanded, checked
#: on the node tree before any value is built: a few lines of anchors can otherwise stand
#: for billions of values ("billion laughs").
MAX_DEPTH = 20
MAX_VALUES = 200_000
MAX_EXPANDED_CHARS = 4 * 1024 * 1024

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


# libyaml's parser when PyYAML was built with it (several times faster), else pure Python.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type, misc]
    """Safe YAML that leaves dates as text: the loader checks them with a clear message."""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),
)


class YamlProblem(Exception):
    """Broken YAML: `line` is 1-based within the text that was parsed."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message  # as given: a translatable message (lantern.core.messages)
        self.line = line


@dataclass
class Located:
    """A parsed YAML value with the 1-based line of each mapping key or list item."""

    value: Any
    line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict)
    items: list[Located] = field(default_factory=list)
    #: Items of a list left out for passing a size limit, each with its line.
    dropped: list[YamlProblem] = field(default_factory=list)


def _check_size(root: yaml.Node, first_line: int) -> list[YamlProblem]:
    """Raise YamlProblem when the expanded document would pass MAX_DEPTH, MAX_VALUES or
    MAX_EXPANDED_CHARS. Each node is measured once (an alias is the node it names), so this
    costs the size of the text, not of the expansion.

    In a list (a glossary, the references) only the items past a limit are dropped from
    `root`, and their problems returned: the other items still load."""
    sizes: dict[int, tuple[int, int]] = {}
    total = [0, 0]

    def measure(node: yaml.Node, depth: int) -> tuple[int, int]:
        known = sizes.get(id(node))
        if known is not None:
            return known
        line = node.start_mark.line + first_line
        if depth > MAX_DEPTH:
            raise YamlProblem(translate("check", "YAML nested more than {limit} levels deep")
                              .format(limit=MAX_DEPTH), line)
        values, chars = 1, 0
        if isinstance(node, yaml.ScalarNode):
            chars = len(node.value)
        else:
            children = node.value if isinstance(node, yaml.SequenceNode) else \
                [part for pair in node.value for part in pair]
            for child in children:
                more, text = measure(child, depth + 1)
                values, chars = values + more, chars + text
                if values + total[0] > MAX_VALUES:
                    raise YamlProblem(translate(
                        "check", "YAML aliases (*name) or values expand to more than {limit:,} "
                        "values").format(limit=MAX_VALUES), line)
                if chars + total[1] > MAX_EXPANDED_CHARS:
                    raise YamlProblem(translate(
                        "check", "YAML aliases (*name) expand to more than {limit:,} "
                        "characters").format(limit=MAX_EXPANDED_CHARS), line)
        sizes[id(node)] = (values, chars)
        return values, chars

    if not isinstance(root, yaml.SequenceNode):
        measure(root, 1)
        return []
    problems: list[YamlProblem] = []
    kept = []
    for item in root.value:
        try:
            values, chars = measure(item, 2)
        except YamlProblem as problem:
            problems.append(problem)
            continue
        total[0] += values
        total[1] += chars
        kept.append(item)
    root.value = kept
    return problems


def _locate(node: yaml.Node, value: Any) -> Located:
    located = Located(value=value, line=node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
        for key_node, _ in node.value:
            located.key_lines[str(key_node.value)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode) and isinstance(value, list):
        located.items = [_locate(n, v) for n, v in zip(node.value, value, strict=False)]
    return located


def parse_yaml(text: str, first_line: int = 1) -> Located:
    """Parse one YAML document; raise YamlProblem with a line on any error."""
    try:
        # One pass: build the node tree (it has the line numbers), then the values from it.
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            dropped = _check_size(node, first_line) if node is not None else []
            value = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # At the end of the text the parser's mark is past the last line: name the last
        # line that has something on it instead.
        last = first_line + text.rstrip().count("\n")
        line = min((mark.line if mark else 0) + first_line, last)
        reason = exc.problem or exc.context or translate("check", "not valid YAML")
        raise YamlProblem(translate("check", "YAML error: {reason}").format(reason=reason),
                          line) from None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as exc:
        raise YamlProblem(translate("check", "YAML error: {reason}").format(
            reason=exc.__class__.__name__), first_line) from None
    if node is None:
        return Located(value=value, line=first_line)
    located = _locate(node, value)
    _shift(located, first_line - 1)
    located.dropped = dropped
    return located


def _shift(located: Located, offset: int) -> None:
    located.line += offset
    for key in located.key_lines:
        located.key_lines[key] += offset
    for item in located.items:
        _shift(item, offset)


@dataclass
class Document:
    """A Markdown file split into its front matter and body."""

    meta: Located
    body: str
    body_line: int


def split_front_matter(text: str) -> Document:
    """Split `---` front matter from the body; raise YamlProblem if it is missing or broken."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise YamlProblem(translate(
            "check", "no front matter: the file must start with a line '---'"), 1)
    meta = parse_yaml(match.group(1) or "", first_line=2)
    if not isinstance(meta.value, dict):
        raise YamlProblem(translate("check", "front matter must be a set of 'field: value' "
                                    "lines"), 2)
    body_line = text.count("\n", 0, match.end()) + 1
    return Document(meta=meta, body=text[match.end() :], body_line=body_line)

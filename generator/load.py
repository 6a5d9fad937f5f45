"""Read YAML data files into plain Python values, remembering where every value came from.

PyYAML alone is too forgiving for data that strangers edit: it keeps the last of two duplicate keys,
reads `no` as false and `010` as eight, and expands alias bombs. This module composes the YAML node
tree and builds the values itself, by the YAML 1.2 core rules, so each of those is an error with a
line and a column instead of a silent surprise.
"""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import DataError, Location
from generator.yaml_errors import syntax_error

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64  # real data nests about six levels; PyYAML's composer recurses and would overflow the stack

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?[0-9]+$")
_OCT = re.compile(r"0o[0-7]+$")
_HEX = re.compile(r"0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOATS = (".inf", "+.inf", "-.inf", ".nan")
MAX_NUMBER_CHARS = 30  # a figure has at most a dozen digits; a 5,000-digit integer is a paste gone wrong
# Invisible characters that corrupt output or mislead a reviewer: C0/C1 controls (except tab and line
# breaks) make feed.xml and SVGs invalid XML and break front matter; bidirectional overrides and
# isolates make text display in another order than it is stored ("Trojan Source"); U+2028/U+2029 end
# a line in JavaScript but not in YAML.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_STANDARD_TAG = re.compile(r"tag:yaml\.org,2002:(str|int|float|bool|null|timestamp|map|seq|merge|value)$")


@dataclass(frozen=True)
class LoadedFile:
    """One data file's values, with the place of every value and every mapping key."""

    name: str
    data: Any
    value_places: dict[Path_, Location]
    key_places: dict[Path_, Location]

    def place(self, path: Path_, *, key: bool = False) -> Location:
        """The nearest known place for a path: the path itself, or its closest parent."""
        places = self.key_places if key else self.value_places
        for end in range(len(path), -1, -1):
            found = places.get(path[:end]) or self.value_places.get(path[:end])
            if found:
                return found
        return Location(self.name, 1, 1)


class LoadError(Exception):
    """A file that cannot be read into values at all."""

    def __init__(self, error: DataError) -> None:
        self.error = error
        super().__init__(str(error))


def load_file(path: Path, name: str) -> LoadedFile:
    """Read and parse one YAML file; raise LoadError with file:line:column on the first problem."""
    return load_text(_decode(read_regular_file(path, name), name), name)


def read_regular_file(path: Path, name: str) -> bytes:
    """The bytes of a regular file, refusing everything else before reading a byte of it.

    A data folder is edited by strangers: a symbolic link could print /etc/passwd into the log or point
    at /dev/zero, and a named pipe would hang the build. The file is opened without following links and
    without blocking, then checked on the open descriptor, so nothing can be swapped in between."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise LoadError(DataError(Location(name), _open_problem(path, exc))) from None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(DataError(Location(name), f"{_special_kind(info.st_mode)}; {_ONLY_FILES}"))
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError(
            DataError(
                Location(name, 1, 1),
                f"file is {max(info.st_size, len(raw)):,} bytes; data files are limited to {MAX_FILE_BYTES:,} bytes "
                "(split it into several files)",
            )
        )
    return raw


_ONLY_FILES = "data/ holds only regular files (replace it with the file itself, or move it out of data/)"


def not_a_file(path: Path) -> str | None:
    """Why an entry of data/ is not a regular file (a link, a pipe, a device), else None; by the
    entry itself, never by what a link points to."""
    mode = path.lstat().st_mode
    return None if stat.S_ISREG(mode) else f"{_special_kind(mode)}; {_ONLY_FILES}"


def _open_problem(path: Path, exc: OSError) -> str:
    if path.is_symlink():  # O_NOFOLLOW refuses links with ELOOP; say so without reading the target
        return f"{_special_kind(stat.S_IFLNK)}; {_ONLY_FILES}"
    return f"cannot be read ({exc.strerror or exc}); {_ONLY_FILES}"


def _special_kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "is a symbolic link"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    if stat.S_ISDIR(mode):
        return "is a folder where a file was expected"
    return "is a device, not a file"


class _NoAliasLoader(yaml.SafeLoader):
    """Refuses aliases where they are read, before anything can be expanded (alias bombs fail at once),
    and nesting deep enough to exhaust Python's stack, which would otherwise end in a RecursionError."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in data files; write the value out", event.start_mark
            )
        if self._depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"nested more than {MAX_DEPTH} levels deep; data files are flatter", event.start_mark
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


def load_text(text: str, name: str) -> LoadedFile:
    """Parse YAML text (already decoded) into values with places."""
    _refuse_invisible(text, name)
    try:
        node = yaml.compose(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as exc:
        raise LoadError(syntax_error(exc, text, name)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks all parse errors
        raise LoadError(DataError(Location(name, 1, 1), f"YAML error: {exc}")) from None
    if node is None:
        raise LoadError(DataError(Location(name, 1, 1), "file is empty; expected a mapping of fields"))
    builder = _Builder(name)
    data = builder.build(node, ())
    return LoadedFile(name, data, builder.value_places, builder.key_places)


def _refuse_invisible(text: str, name: str) -> None:
    """The first forbidden character written as itself, at its line and column (the YAML reader would
    name only its offset in the file)."""
    found = _FORBIDDEN.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise LoadError(DataError(Location(name, line, column), invisible_problem(found.group())))


def invisible_problem(char: str) -> str:
    """What is wrong with a forbidden character, named so that an editor can find it."""
    code = f"U+{ord(char):04X}"
    if char in "\u2028\u2029":
        return f"character {code} ({unicodedata.name(char).lower()}) is not allowed; use an ordinary line break"
    if unicodedata.category(char) == "Cc":
        return f"character {code} (an invisible control character) is not allowed in data files; delete it"
    return (
        f"character {code} ({unicodedata.name(char).lower()}, which makes text display in another order than "
        "it is stored) is not allowed in data files; delete it"
    )


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(
            DataError(
                Location(name, line, column),
                f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8",
            )
        ) from None
    return text.removeprefix("\ufeff")


class _Builder:
    """Turns a composed node tree into values, by the YAML 1.2 core schema, refusing surprises."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.value_places: dict[Path_, Location] = {}
        self.key_places: dict[Path_, Location] = {}
        self._count = 0

    def _place(self, node: yaml.Node) -> Location:
        return Location(self.name, node.start_mark.line + 1, node.start_mark.column + 1)

    def _fail(self, node: yaml.Node, message: str) -> LoadError:
        return LoadError(DataError(self._place(node), message))

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self._count += 1
        if self._count > MAX_NODES:
            raise self._fail(node, f"more than {MAX_NODES:,} values in one file; split it")
        self.value_places[path] = self._place(node)
        if not _STANDARD_TAG.match(node.tag) and node.tag not in ("!", "?"):
            raise self._fail(node, f"tag {node.tag!r} is not allowed in data files")
        if isinstance(node, yaml.MappingNode):
            return dict(self._mapping_items(node, path))
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping_items(self, node: yaml.MappingNode, path: Path_) -> Iterator[tuple[str, Any]]:
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self._fail(key_node, "merge keys (<<) are not allowed in data files; write the fields out")
            key = self._scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise self._fail(key_node, "keys must be plain text field names")
            if key in first_line:
                raise self._fail(key_node, f"duplicate key {key!r} (first defined on line {first_line[key]}); keep one")
            first_line[key] = key_node.start_mark.line + 1
            self.key_places[(*path, key)] = self._place(key_node)
            yield key, self.build(value_node, (*path, key))

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        found = _FORBIDDEN.search(node.value)
        if found:  # written as an escape such as "\x01" or "\u202e" in a double-quoted value
            raise self._fail(node, invisible_problem(found.group()))
        if node.style is not None:
            return node.value
        try:
            return resolve_plain(node.value)
        except ValueError as exc:
            field = ".".join(str(p) for p in path)
            raise self._fail(node, f"{field}: {exc}" if field else str(exc)) from None


def resolve_plain(text: str) -> Any:
    """The value of an unquoted scalar under the YAML 1.2 core schema.

    Unlike YAML 1.1 (PyYAML's default), `yes`, `no`, `on` and `off` stay text, `010` is ten, and dates
    stay text for the schema to parse: only the schema knows whether a field wants a date. Numbers no
    figure can be (infinite, not a number, longer than MAX_NUMBER_CHARS) raise ValueError: Python
    would refuse a 5,000-digit integer with a traceback, and `.nan` passes every range check.
    """
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if text.lower() in _SPECIAL_FLOATS:
        raise ValueError(f"{text} is not a number any figure can have; write a finite number (or quote it as text)")
    if not (_INT.match(text) or _OCT.match(text) or _HEX.match(text) or _FLOAT.match(text)):
        return text
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(
            f"number {shorten(text)} is written with {len(text):,} characters; no figure needs more than "
            f"{MAX_NUMBER_CHARS}, so check it"
        )
    if _INT.match(text):
        return int(text, 10)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"number {text} is too large to be a figure; check it")
    return value


def shorten(text: str, keep: int = 12) -> str:
    """A long number or text as an error message echoes it: its start and end, not all of it."""
    return text if len(text) <= 2 * keep + 1 else f"{text[:keep]}…{text[-keep // 2 :]}"

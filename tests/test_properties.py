"""Property-based: random mutations of the real data never end in a traceback.

Whatever an editor does to a file (drop or rename a key, change a value's type, insert junk, mangle a
line), the pipeline up to the rendered pages either succeeds or raises DataErrors with clean messages.
Derandomized, with a modest number of examples, so a failure reproduces and CI stays quick.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import load_catalog, render_site
from generator.errors import DataErrors
from generator.load import load_file
from tests.conftest import ROOT

DATA_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yaml"))
PROPERTY_SETTINGS = settings(
    max_examples=25,  # each renders every page of the site: ~0.3 s (more examples cost CI minutes)
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    # Up to ~4,100 digits: Python refuses to print an int past 4,300, so the mutated file could not be written.
    st.integers(min_value=10**15, max_value=10**18).map(lambda n: n ** st_power(n)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "no", "yes", "1e3", "010", "2026-02-30", "2026-01-02", "~", "null", "-", "<b>x</b>"]),
    # Numbers, dates and text at the edges (issue 19's hostile review), each a class of its own.
    st.sampled_from([".inf", "-.inf", ".nan", "1e309", "9999-12-31", "0001-01-01", "2204-12-13", "index", "a-vs-b"]),
    st.dates().map(lambda day: day.isoformat()),
    st.sampled_from(
        ["a\x01b", "a\x7fb", "a\u202eb", "a\u2066b\u2069", "a\u2028b", "~~~mermaid", "---", "- x", "1986. x"]
    ),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.sampled_from(["id", "value", "source", "quote", "x"]), st.text(max_size=5), max_size=2),
)


def st_power(n: int) -> int:
    """A power that makes integers of a few hundred to a few thousand digits."""
    return 20 + n % 200


def paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into a loaded value, the root included."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, (*path, i))


def parent_and_key(data: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    return parent, path[-1]


def mutate(data: Any, path: tuple[Any, ...], action: str, junk: Any, new_key: str) -> Any:
    """Apply one editor's mistake at `path`; returns the (possibly new) root."""
    if not path:
        return junk if action == "replace" else data
    parent, key = parent_and_key(data, path)
    if action == "replace":
        parent[key] = junk
    elif action == "drop":
        del parent[key]
    elif action == "rename" and isinstance(parent, dict):
        parent[new_key] = parent.pop(key)
    elif action == "insert" and isinstance(parent[key], dict):
        parent[key][new_key] = junk
    elif action == "insert" and isinstance(parent[key], list):
        parent[key].append(junk)
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))  # a copy: the same object would dump as a YAML alias
    return data


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mutations")
    shutil.copytree(ROOT / "data", root / "data")
    return root


def build_or_clean_errors(root: Path) -> None:
    """The property: the pipeline to rendered pages succeeds, or fails only with DataErrors."""
    try:
        render_site(load_catalog(root))
    except DataErrors as exc:
        assert exc.errors
        for error in exc.errors:
            assert error.location.file.startswith("data/"), error
            assert error.message and "Traceback" not in error.message


@st.composite
def value_mutations(draw: st.DrawFn) -> tuple[str, list[tuple[tuple[Any, ...], str, Any, str]]]:
    relative = draw(st.sampled_from(DATA_FILES))
    data = load_file(ROOT / relative, relative).data
    candidates = list(paths(data))
    steps = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(candidates))
        action = draw(st.sampled_from(["replace", "drop", "rename", "insert", "duplicate"]))
        new_key = draw(st.sampled_from(["nmae", "value", "id", "source", "extra", "", "models", "sources"]))
        steps.append((path, action, draw(JUNK), new_key))
    return relative, steps


@PROPERTY_SETTINGS
@given(value_mutations())
def test_value_mutations_never_crash(scratch: Path, case: tuple[str, list[Any]]) -> None:
    relative, steps = case
    target = scratch / relative
    # A copy: load_file remembers what it parsed, and this test is the one place that changes values.
    data = copy.deepcopy(load_file(ROOT / relative, relative).data)
    for path, action, junk, new_key in steps:
        try:
            data = mutate(data, path, action, junk, new_key)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier step removed what this one points at
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        build_or_clean_errors(scratch)
    finally:
        shutil.copy(ROOT / relative, target)


@PROPERTY_SETTINGS
@given(
    relative=st.sampled_from(DATA_FILES),
    line=st.integers(min_value=0, max_value=400),
    action=st.sampled_from(["delete", "duplicate", "insert", "indent", "truncate"]),
    junk=st.text(
        alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`,? \tabc01\u00e9\ufeff\x00\x7f\u202e\u2028~.")), max_size=12
    ),
)
def test_text_mutations_never_crash(scratch: Path, relative: str, line: int, action: str, junk: str) -> None:
    """Mangled lines, as from a bad merge or a stray keystroke: YAML errors or schema errors, never a crash."""
    target = scratch / relative
    lines = (ROOT / relative).read_text(encoding="utf-8").splitlines(keepends=True)
    at = line % len(lines)
    if action == "delete":
        del lines[at]
    elif action == "duplicate":
        lines.insert(at, lines[at])
    elif action == "insert":
        lines.insert(at, junk + "\n")
    elif action == "indent":
        lines[at] = junk + lines[at]
    else:
        lines = lines[:at] + [lines[at][: len(junk)]]
    target.write_text("".join(lines), encoding="utf-8")
    try:
        build_or_clean_errors(scratch)
    finally:
        shutil.copy(ROOT / relative, target)

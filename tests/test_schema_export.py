"""The JSON Schemas editors use: exported from schema.py, never stale, and as strict as the validator.

The verdict test runs each bad input through both the validator's schema (pydantic) and the exported
JSON Schema (the `jsonschema` package, as editors' language servers would) and requires the same
answer. Checks that need other files or the raw text cannot be expressed in a per-file JSON Schema;
they are listed in CONTRIBUTING.md and pinned in test_what_only_the_validator_can_check.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from generator import schema
from generator.load import load_file
from generator.schema_export import SCHEMA_DIR, exported_files, json_schema
from generator.validate import discover

ROOT = Path(__file__).resolve().parent.parent


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(kind), format_checker=jsonschema.FormatChecker())


def data_of(relative: str) -> Any:
    return load_file(ROOT / relative, relative).data


def pydantic_accepts(kind: str, data: Any) -> bool:
    try:
        schema.FILE_KINDS[kind].model_validate(data)
    except ValidationError:
        return False
    return True


def json_schema_accepts(kind: str, data: Any) -> bool:
    return not list(validator(kind).iter_errors(data))


def test_committed_schemas_equal_a_fresh_export() -> None:
    for name, content in exported_files().items():
        committed = ROOT / SCHEMA_DIR / name
        assert committed.exists(), f"{SCHEMA_DIR}/{name} is missing: run `make schema`"
        assert committed.read_bytes() == content, f"{SCHEMA_DIR}/{name} is stale: run `make schema`"
    assert sorted(p.name for p in (ROOT / SCHEMA_DIR).glob("*.json")) == sorted(exported_files())


def test_exported_schemas_are_valid_json_schemas() -> None:
    for kind in schema.FILE_KINDS:
        jsonschema.Draft202012Validator.check_schema(json_schema(kind))


def test_every_data_file_names_its_schema_and_passes_it() -> None:
    files = list(discover(ROOT / "data"))
    assert {kind for kind, _ in files} == set(schema.FILE_KINDS)
    for kind, path in files:
        relative = path.relative_to(ROOT).as_posix()
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        target = (path.parent / first_line.split("$schema=", 1)[-1]).resolve()
        assert first_line.startswith("# yaml-language-server: $schema="), relative
        assert target == (ROOT / SCHEMA_DIR / f"{kind}.json").resolve(), f"{relative} names {target}"
        errors = [e.message for e in validator(kind).iter_errors(data_of(relative))]
        assert errors == [], f"{relative}: {errors}"


FAMILY = "data/families/qwen-3-5.yaml"
COMPARISON = "data/comparisons/gemma-4-vs-qwen-3-5.yaml"
DELETE = object()
SIZE = ("models", 0, "params", "total", "value")

# (case, file, kind, path, new value or DELETE, accepted?): both schemas must give the same verdict.
CASES: list[tuple[str, str, str, tuple[str | int, ...], Any, bool]] = [
    ("unknown field", FAMILY, "family", ("sucessor",), "qwen-3-6", False),
    ("unknown field in a model", FAMILY, "family", ("models", 0, "size"), 1, False),
    ("missing required id", FAMILY, "family", ("id",), DELETE, False),
    ("figure without source", FAMILY, "family", ("models", 0, "params", "total", "source"), DELETE, False),
    ("figure without quote", FAMILY, "family", ("models", 0, "params", "total", "quote"), DELETE, False),
    ("text where a number goes", FAMILY, "family", ("models", 1, "hardware", 0, "ram_gb"), "16 GB", False),
    ("number where text goes", FAMILY, "family", ("name",), 35, False),
    ("yes is not a boolean", FAMILY, "family", ("models", 0, "architecture", "approx"), "yes", False),
    ("boolean where a number goes", FAMILY, "family", SIZE, True, False),
    ("whole number for a decimal", FAMILY, "family", SIZE, 1, True),
    ("negative size", FAMILY, "family", SIZE, -0.6, False),
    ("zero context", FAMILY, "family", ("context_tokens", "value"), 0, False),
    ("decimal context", FAMILY, "family", ("context_tokens", "value"), 1.5, False),
    ("bad enum", FAMILY, "family", ("models", 0, "architecture", "value"), "mooe", False),
    ("bad offer kind", FAMILY, "family", ("offers", 0, "kind"), "api", False),
    ("bad id", FAMILY, "family", ("id",), "Qwen_3.5", False),
    ("blank name", FAMILY, "family", ("name",), "   ", False),
    ("list where a mapping goes", FAMILY, "family", ("models", 0, "params"), [], False),
    ("date", FAMILY, "family", ("checked",), "2026-04-02", True),
    ("date without zero padding", FAMILY, "family", ("checked",), "2026-4-2", False),
    ("impossible date", FAMILY, "family", ("checked",), "2026-02-30", False),
    ("date-time for a date", FAMILY, "family", ("checked",), "2026-04-02T00:00:00", False),
    ("number for a date", FAMILY, "family", ("checked",), 0, False),
    ("link that is not http", FAMILY, "family", ("links",), [{"title": "x", "url": "javascript:alert(1)"}], False),
    ("link with a space", FAMILY, "family", ("links",), [{"title": "x", "url": "https://a b"}], False),
    ("three families", COMPARISON, "comparison", ("families",), ["a", "b", "c"], False),
    ("bad note section", COMPARISON, "comparison", ("notes", 0, "section"), "intros", False),
    ("bad colour", "data/catalog.yaml", "catalog", ("makers", 0, "colour"), "orange", False),
    ("missing benchmarks", "data/catalog.yaml", "catalog", ("benchmarks",), DELETE, False),
    ("negative limit", "data/site.yaml", "site", ("limited_ram_gb",), -8, False),
    ("ratio not above one", "data/site.yaml", "site", ("close_size_ratio",), 1, False),
    ("bad measure", "data/criteria.yaml", "criteria", ("criteria", 0, "measure"), "vibes", False),
]


def changed(data: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """A deep copy of data with one value replaced, added or deleted; the parent must exist."""
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return data


def test_the_default_data_gets_the_same_verdict() -> None:
    for kind, path in discover(ROOT / "data"):
        data = data_of(path.relative_to(ROOT).as_posix())
        assert pydantic_accepts(kind, data) and json_schema_accepts(kind, data)


@pytest.mark.parametrize(("case", "relative", "kind", "path", "value", "accepted"), CASES, ids=[c[0] for c in CASES])
def test_json_schema_gives_the_validators_verdict(
    case: str, relative: str, kind: str, path: tuple[str | int, ...], value: Any, accepted: bool
) -> None:
    data = changed(data_of(relative), path, value)
    assert pydantic_accepts(kind, data) is accepted, f"validator: {case}"
    assert json_schema_accepts(kind, data) is accepted, f"JSON Schema: {case}"


def test_what_only_the_validator_can_check() -> None:
    """References to other files and percent ranges need the catalog: the JSON Schema accepts them."""
    data = changed(data_of(FAMILY), ("maker",), "nobody")  # no such maker in data/catalog.yaml
    data = changed(data, ("models", 1, "scores", 0, "value"), 821)  # above 100 on a percent benchmark
    assert json_schema_accepts("family", data)
    assert pydantic_accepts("family", data)  # the validator's reference pass (test_validate.py) rejects both


def test_schema_json_is_stable_text() -> None:
    for content in exported_files().values():
        assert json.loads(content) and content.endswith(b"\n") and b"\r" not in content

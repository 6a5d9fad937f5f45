"""The JSON Schemas editors' tools read, exported from the one schema the validator uses.

Each data file names its schema in a first-line comment (`# yaml-language-server: $schema=…`), so
VS Code, JetBrains and Vim/Neovim with the YAML language server complete field names and flag
mistakes while typing. The files in schema/ are committed (editors need them before any build) and
a test compares them with a fresh export, so they cannot drift from schema.py.

Where the JSON Schema cannot say what the validator checks (references across files, duplicate
keys, file names), the validator remains the judge; CONTRIBUTING.md lists those cases.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator import schema
from generator.write import write_if_changed

SCHEMA_DIR = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

WHERE = {
    "site": "data/site.yaml",
    "criteria": "data/criteria.yaml",
    "catalog": "data/catalog.yaml",
    "family": "data/families/<id>.yaml",
    "comparison": "data/comparisons/<a>-vs-<b>.yaml",
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of data file (a key of schema.FILE_KINDS)."""
    exported = _readable_figures(schema.FILE_KINDS[kind].model_json_schema(by_alias=True, mode="validation"))
    return {
        "$schema": DIALECT,
        "$id": f"{kind}.json",
        "title": f"{WHERE.get(kind, f'data/{kind}.yaml')} (Open Model Compare)",
        **{k: v for k, v in exported.items() if k != "title"},
    }


def exported_files() -> dict[str, bytes]:
    """schema/<kind>.json for every kind, as bytes: stable key order from schema.py, two-space indent."""
    return {
        f"{kind}.json": (json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n").encode()
        for kind in sorted(schema.FILE_KINDS)
    }


def write_schemas(root: Path) -> list[str]:
    """Rewrite schema/*.json; returns the names of the files that changed."""
    return [name for name, content in exported_files().items() if write_if_changed(root / SCHEMA_DIR / name, content)]


def _readable_figures(exported: dict[str, Any]) -> dict[str, Any]:
    """Short names and titles for the generic Figure[...] definitions.

    Pydantic names them after their full type (`Figure_Annotated_date__BeforeValidator__…`), which
    editors show as hover titles; `Figure (date)` says the same to a person.
    """
    renames: dict[str, str] = {}
    for name, definition in exported.get("$defs", {}).items():
        if not name.startswith(("Figure_", "generator__schema__Figure")):
            continue
        what = _value_kind(definition["properties"]["value"])
        new = f"Figure_{what}"
        while new in renames.values() or new in exported["$defs"]:
            new += "_"
        renames[name] = new
        definition["title"] = f"Figure ({what.replace('_', ' ')}) with its source and quote"
    if "$defs" in exported:
        exported["$defs"] = {renames.get(k, k): v for k, v in exported["$defs"].items()}
    text = json.dumps(exported)
    for old, new in renames.items():
        text = text.replace(f'"#/$defs/{old}"', f'"#/$defs/{new}"')
    return json.loads(text)


def _value_kind(value: dict[str, Any]) -> str:
    if "$ref" in value:
        return value["$ref"].rsplit("/", 1)[-1].lower()
    if value.get("type") == "array":
        return "list_of_" + _value_kind(value["items"])
    if "enum" in value:
        return "choice"
    if value.get("format") == "date":
        return "date"
    if value.get("type") == "string" and value.get("pattern", "").startswith("^[a-z0-9]+"):
        return "id"
    return {"string": "text", "number": "number", "integer": "whole_number", "boolean": "true_or_false"}.get(
        value.get("type", ""), "value"
    )

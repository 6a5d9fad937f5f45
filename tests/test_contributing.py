"""The docs match the validator: every YAML example in CONTRIBUTING.md is checked as data.

Each ```yaml block is preceded by a comment that says where the example goes,
`<!-- example: <target> -->`, invisible on GitHub:

- `family`, `family.models.0`, `family.models.0.hardware`, …: into the walkthrough's Example LM family
  (a mapping is merged into the target, a list extends it); the family is then validated with the
  rest of the real data, so ids must exist and quotes must state their values;
- `catalog.makers`, `catalog.benchmarks`, `catalog.profiles`, …: entries added to data/catalog.yaml;
- `scaffold`: every line must be a line of what `make new-family ID=example-lm` writes (`…` standing
  for what the docs leave out).

An example that would fail validation fails this test; so does a YAML block without a target.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import DataErrors
from generator.load import load_text
from generator.scaffold import new_family
from generator.validate import validate
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(?:<!-- example: (?P<target>[^>]*?) -->\n)?```yaml\n(?P<body>.*?)```", re.DOTALL)

# The walkthrough's family as the examples build it: the smallest valid family, citing the
# walkthrough's source, with one model for the model-level examples to go into.
BASE_FAMILY = {
    "id": "example-lm",
    "name": "Example LM",
    "maker": "google",
    "models": [{"id": "example-lm-8b", "name": "Example LM 8B"}],
    "sources": [
        {
            "id": "example-lm-announcement",
            "title": "Introducing Example LM",
            "url": "https://example.com/blog/example-lm",
            "kind": "official",
        }
    ],
}


def examples() -> list[tuple[int, str | None, str]]:
    """(line, target, YAML text) of every ```yaml block of CONTRIBUTING.md."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, m.start("body")) + 1, m.group("target"), m.group("body")) for m in BLOCK.finditer(text)
    ]


def test_contributing_has_examples_and_each_says_where_it_goes() -> None:
    found = examples()
    assert len(found) >= 4
    assert [line for line, target, _ in found if not target] == []


@pytest.mark.parametrize(("line", "target", "body"), examples(), ids=lambda v: str(v) if isinstance(v, int) else "")
def test_contributing_example_validates(project: Path, line: int, target: str | None, body: str) -> None:
    where = f"CONTRIBUTING.md:{line} ({target})"
    assert target, f"{where}: say where the example goes with <!-- example: … -->"
    if target == "scaffold":
        written = new_family(project, "example-lm").read_text(encoding="utf-8").splitlines()
        # `…` in the docs stands for what they leave out of a long line.
        shown = [
            re.compile(".*".join(map(re.escape, row.split("…"))) + "$") for row in body.splitlines() if row.strip()
        ]
        missing = [row.pattern for row in shown if not any(row.match(line) for line in written)]
        assert not missing, f"{where}: not what `make new-family` writes: {missing}"
        return
    data = {} if _only_comments(body) else load_text(body, where).data
    family = yaml.safe_load(yaml.safe_dump(BASE_FAMILY))
    documents = {"family": family, "catalog": load_text((project / "data/catalog.yaml").read_text(), "c").data}
    head, *path = target.split(".")
    _put(documents[head], path, data, where)
    (project / "data/families/example-lm.yaml").write_text(yaml.safe_dump(documents["family"], sort_keys=False))
    (project / "data/catalog.yaml").write_text(yaml.safe_dump(documents["catalog"], sort_keys=False))
    try:
        validate(project / "data", project, TODAY)
    except DataErrors as exc:
        pytest.fail(f"{where} does not validate:\n" + "\n".join(str(e) for e in exc.errors))


def _only_comments(body: str) -> bool:
    """A block of nothing but comments (the schema line) adds nothing."""
    return all(not row.strip() or row.lstrip().startswith("#") for row in body.splitlines())


def _put(document: Any, path: list[str], data: Any, where: str) -> None:
    """Merge a mapping into the target mapping, or add a list's entries to the target list."""
    target = document
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(target, list):
            target = target[int(part)]
        else:
            target = target.setdefault(part, ([] if isinstance(data, list) else {}) if last else {})
    if isinstance(data, dict):
        assert isinstance(target, dict), f"{where}: a mapping example needs a mapping target"
        for key, value in data.items():
            if isinstance(value, list) and isinstance(target.get(key), list):
                _extend(target[key], value)  # e.g. more `sources:`
            else:
                target[key] = value
    else:
        assert isinstance(target, list) and isinstance(data, list), f"{where}: a list example needs a list target"
        _extend(target, data)


def _extend(entries: list[Any], more: list[Any]) -> None:
    """Add entries; one with the id of an existing entry replaces it (the example shows it in full)."""
    for entry in more:
        same = [
            i
            for i, e in enumerate(entries)
            if isinstance(e, dict) and isinstance(entry, dict) and e.get("id") == entry.get("id")
        ]
        if same and entry.get("id") is not None:
            entries[same[0]] = entry
        else:
            entries.append(entry)

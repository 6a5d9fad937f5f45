"""The scaffold: unfilled it never validates (every empty value is reported on its own line); filled
the way its comments say, it validates and builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import scaffold
from generator.build import generate
from generator.cli import main
from generator.errors import DataErrors
from generator.validate import validate
from tests.conftest import TODAY


def fill(path: Path) -> None:
    """What CONTRIBUTING.md asks of an editor: each empty value written as its `e.g.` shows."""
    path.write_text(scaffold.fill_examples(path.read_text(encoding="utf-8")), encoding="utf-8")


def data_errors(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        validate(project / "data", project, TODAY)
    return [str(e) for e in caught.value.errors]


def test_new_family_is_complete_and_valid_once_filled(project: Path) -> None:
    assert main(["--root", str(project), "new", "family", "example-lm"]) == 0
    path = project / "data" / "families" / "example-lm.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/family.json\n")
    for field in ("license:", "released:", "languages:", "context_tokens:", "params:", "scores:", "arch:", "hardware:"):
        assert field in text
    # Every figure names its source, except those of the `arch:` block, which its own `source:` covers.
    arch = text.split("    arch:")[1].split("    hardware:")[0]
    assert text.count("quote:") - arch.count("quote:") == text.count("source:") - arch.count("source:") >= 15
    fill(path)
    report = generate(project)
    assert report.stats.written and (project / "build" / "docs" / "families" / "example-lm.md").exists()
    assert (project / "build" / "docs" / "compare" / "example-lm-vs-gemma-4.md").exists()


def test_an_unfilled_scaffold_is_rejected_at_each_empty_value(project: Path) -> None:
    path = scaffold.new_family(project, "example-lm")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = data_errors(project)
    assert len(found) > 20
    for error in found:
        assert error.startswith("data/families/example-lm.yaml:"), error
        line = lines[int(error.split(":")[1]) - 1]
        assert "# e.g." in line, f"{error} points at {line!r}, not at a placeholder"


@pytest.mark.parametrize("family", ["gemma-4", "qwen-3-6", "qwen-2-5-math"])
def test_new_model_is_added_to_the_family_and_valid_once_filled(project: Path, family: str) -> None:
    path = project / "data" / "families" / f"{family}.yaml"
    before = path.read_text(encoding="utf-8")
    assert main(["--root", str(project), "new", "model", family, f"{family}-99b"]) == 0
    after = path.read_text(encoding="utf-8")
    remaining = iter(after.splitlines())
    assert all(line in remaining for line in before.splitlines()), "every line of the file is kept, in order"
    assert f"  - id: {family}-99b" in after
    fill(path)
    objects = validate(project / "data", project, TODAY)
    assert any(m.id == f"{family}-99b" for o in objects for m in getattr(o, "models", []))


def test_scaffold_refuses_what_exists_or_is_not_an_id(project: Path) -> None:
    with pytest.raises(scaffold.ScaffoldError, match="exists already"):
        scaffold.new_family(project, "gemma-4")
    with pytest.raises(scaffold.ScaffoldError, match="already has the id"):
        scaffold.new_model(project, "gemma-4", "gemma-4-26b")
    with pytest.raises(scaffold.ScaffoldError, match="not a valid family id"):
        scaffold.new_family(project, "Example_LM")
    with pytest.raises(scaffold.ScaffoldError, match="new family"):
        scaffold.new_model(project, "example-lm", "example-lm-8b")
    assert main(["--root", str(project), "new", "model", "gemma-4"]) == 2

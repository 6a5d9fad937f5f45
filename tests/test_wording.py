"""Validation of the pick wording and the guide: a placeholder nothing fills is a file:line error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.test_validate import errors, line_of

Edit = Callable[[str, str, str], Path]
CRITERIA = "data/criteria.yaml"
SEED = "data/comparisons/gemma-4-vs-qwen-3-5.yaml"


def test_a_placeholder_the_measure_cannot_fill_is_reported_with_a_suggestion(project: Path, edit: Edit) -> None:
    edit(CRITERIA, "You want longer context ({winner_value} vs", "You want longer context ({winer_value} vs")
    line = line_of(project, CRITERIA, "{winer_value}")
    assert errors(project) == [
        f"{CRITERIA}:{line}:11: pick: {{winer_value}} is not filled here; did you mean {{winner_value}}?"
    ]


def test_a_placeholder_of_another_measure_is_reported(project: Path, edit: Edit) -> None:
    edit(
        CRITERIA,
        '"{winner} costs from {winner_value} per million',
        '"{winner} costs from {benchmark} per million',
    )
    found = errors(project)
    assert len(found) == 1 and "evidence: {benchmark} is not filled here" in found[0]
    assert found[0].startswith(f"{CRITERIA}:{line_of(project, CRITERIA, 'from {benchmark} per million')}:")


def test_emphasis_only_in_the_emphasis_wording(project: Path, edit: Edit) -> None:
    edit(CRITERIA, "pick: You work in non-English languages\n", "pick: You work in {emphasis}\n")
    assert any("pick: {emphasis} is not filled here" in e for e in errors(project))


def _add_edits(project: Path, edits: str) -> None:
    path = project / SEED
    path.write_text(path.read_text(encoding="utf-8") + "picks:\n" + edits, encoding="utf-8")


def test_pick_edits_are_checked(project: Path) -> None:
    _add_edits(
        project,
        "  - criterion: contex\n    drop: true\n"
        "  - criterion: context\n    pick: Longer ({winner_values})\n"
        "  - side: llama\n    pick: You like llamas\n"
        "  - side: gemma-4\n    pick: Costs {price}\n",
    )
    found = errors(project)
    assert any("criterion: no criterion has the id 'contex'; did you mean 'context'?" in e for e in found)
    assert any("pick: {winner_values} is not filled here; did you mean {winner_value}?" in e for e in found)
    assert any("side: 'llama' is not one of qwen-3-5, gemma-4" in e for e in found)
    assert any("pick: {price} is not filled here; this wording is shown as written" in e for e in found)
    assert all(e.startswith(f"{SEED}:") for e in found) and len(found) == 4


def test_guide_ranks_by_a_known_category(project: Path, edit: Edit) -> None:
    edit("data/guide.yaml", "rank_by: coding}", "rank_by: codin}")
    found = errors(project)
    assert len(found) == 1 and "rank_by: no category has the id 'codin'; did you mean 'coding'?" in found[0]


def test_guide_ids_are_unique_for_the_shareable_url(project: Path, edit: Edit) -> None:
    edit("data/guide.yaml", "{id: other, label: Another language", "{id: cjk, label: Another language")
    line = line_of(project, "data/guide.yaml", "{id: cjk, label: Another language")
    assert errors(project) == [f"data/guide.yaml:{line}:14: duplicate option id 'cjk'"]

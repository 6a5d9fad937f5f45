"""Validation: each class of mistake gets file:line:column, what is wrong and what would be right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.validate import validate
from tests.conftest import TODAY
from tests.data_errors import errors, line_of

Edit = Callable[[str, str, str], Path]
QWEN = "data/families/qwen-3-5.yaml"


def test_the_default_data_is_valid(project: Path) -> None:
    assert validate(project / "data", project, TODAY)


def test_unknown_field_suggests_the_right_one(project: Path, edit: Edit) -> None:
    edit(QWEN, "successor: qwen-3-6", "sucessor: qwen-3-6")
    line = line_of(project, QWEN, "sucessor")
    assert errors(project) == [f"{QWEN}:{line}:1: unknown field 'sucessor'; did you mean 'successor'?"]


def test_wrong_type_says_what_was_expected(project: Path, edit: Edit) -> None:
    edit(QWEN, "ram_gb: 16", 'ram_gb: "16 GB"')
    line = line_of(project, QWEN, "ram_gb")
    assert errors(project) == [
        f"{QWEN}:{line}:17: models.1.hardware.0.ram_gb: expected a number, got text '16 GB' "
        "(write the number without quotes or units)"
    ]


def test_yaml_1_1_boolean_trap_is_caught(project: Path, edit: Edit) -> None:
    edit("data/families/gemma-4.yaml", "edge: {value: true,", "edge: {value: yes,")
    (message,) = errors(project)
    assert "expected true or false, got text 'yes'" in message
    assert "YAML 1.2" in message


def test_out_of_range_value(project: Path, edit: Edit) -> None:
    edit(QWEN, "total: {value: 0.6,", "total: {value: -0.6,")
    (message,) = errors(project)
    assert message.startswith(f"{QWEN}:{line_of(project, QWEN, '-0.6')}:")
    assert "greater than 0" in message


def test_percent_value_above_100_is_rejected(project: Path, edit: Edit) -> None:
    edit(QWEN, "value: 82.1", "value: 821")
    (message,) = errors(project)
    assert "percent" in message and "821" in message


def test_enum_typo_gets_a_did_you_mean(project: Path, edit: Edit) -> None:
    edit(QWEN, "architecture: {value: moe,", "architecture: {value: mooe,")
    (message,) = errors(project)
    assert "'mooe' is not one of dense, moe (did you mean 'moe'?)" in message


def test_dangling_reference_suggests_the_nearest_id(project: Path, edit: Edit) -> None:
    edit(QWEN, "{benchmark: mmlu,", "{benchmark: mmluu,")
    line = line_of(project, QWEN, "mmluu")
    assert errors(project) == [f"{QWEN}:{line}:21: benchmark: no benchmark has the id 'mmluu'; did you mean 'mmlu'?"]


def test_unknown_source_is_rejected(project: Path, edit: Edit) -> None:
    edit(QWEN, 'quote: "Flash | 0.6B"', 'quote: "Flash | 0.6B", source: seed-articel')
    (message,) = errors(project)
    assert "duplicate key 'source'" in message


def test_figure_without_a_source_is_rejected(project: Path, edit: Edit) -> None:
    edit(QWEN, "total: {value: 0.6, source: seed-article, ", "total: {value: 0.6, ")
    (message,) = errors(project)
    assert message.startswith(f"{QWEN}:{line_of(project, QWEN, 'value: 0.6')}:")
    assert "missing required field 'source'" in message


def test_duplicate_model_id_names_the_first(project: Path, edit: Edit) -> None:
    edit("data/families/gemma-4.yaml", "id: gemma-4-e4b", "id: gemma-4-e2b")
    (message,) = errors(project)
    assert "duplicate model id 'gemma-4-e2b' (first defined at data/families/gemma-4.yaml:" in message


def test_family_id_must_match_its_file_name(project: Path, edit: Edit) -> None:
    edit(QWEN, "id: qwen-3-5\n", "id: qwen-35\n")
    assert any("must match its file name" in e for e in errors(project))


def test_all_errors_of_all_files_are_reported_together(project: Path, edit: Edit) -> None:
    edit(QWEN, "successor: qwen-3-6", "sucessor: qwen-3-6")
    edit("data/families/gemma-4.yaml", "name: Gemma 4\n", "name: Gemma 4\nname: again\n")
    edit("data/site.yaml", "limited_ram_gb: 8", "limited_ram_gb: -8")
    found = errors(project)
    assert len(found) == 3
    assert {e.split(":")[0] for e in found} == {QWEN, "data/families/gemma-4.yaml", "data/site.yaml"}


def test_unknown_file_in_data_is_reported(project: Path) -> None:
    (project / "data" / "notes.txt").write_text("hello", encoding="utf-8")
    assert any(e.startswith("data/notes.txt: not a known data file") for e in errors(project))


def test_links_must_be_http(project: Path, edit: Edit) -> None:
    edit("data/catalog.yaml", "url: https://ollama.com/", "url: javascript:alert(1)")
    (message,) = errors(project)
    assert "https://" in message

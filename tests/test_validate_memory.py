"""Bad memory data: each mistake the issue lists gets file:line:column and what was expected."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from generator.validate import validate
from tests.conftest import TODAY
from tests.data_errors import errors, line_of

Edit = Callable[[str, str, str], Path]
LLAMA = "data/families/llama-3-1.yaml"
GEMMA = "data/families/gemma-3.yaml"
CATALOG = "data/catalog.yaml"
MEMORY = "data/memory.yaml"
# The Llama 3.1 8B block comes first in its file, so each edit below changes that model.
KV_HEADS = "kv_heads: {value: 8, quote: '\"n_kv_heads\": 8,'}"


def test_heads_that_do_not_divide(project: Path, edit: Edit) -> None:
    edit(LLAMA, KV_HEADS, "kv_heads: {value: 7, quote: '\"n_kv_heads\": 7,'}")
    line = line_of(project, LLAMA, '"n_kv_heads": 7')
    assert errors(project) == [
        f"{LLAMA}:{line}:17: kv_heads: 32 attention heads do not divide into 7 key-value groups; "
        "expected a divisor of attention_heads"
    ]


def test_more_key_value_heads_than_heads(project: Path, edit: Edit) -> None:
    edit(LLAMA, KV_HEADS, "kv_heads: {value: 64, quote: '\"n_kv_heads\": 64,'}")
    line = line_of(project, LLAMA, '"n_kv_heads": 64')
    assert errors(project) == [
        f"{LLAMA}:{line}:17: kv_heads: 64 key-value heads but only 32 attention heads; expected at most 32"
    ]


def test_head_dim_contradicting_hidden_over_heads_needs_a_reason(project: Path, edit: Edit) -> None:
    edit(LLAMA, KV_HEADS, KV_HEADS + "\n      head_dim: {value: 96, quote: '\"head_dim\": 96'}")
    line = line_of(project, LLAMA, '"head_dim": 96')
    assert errors(project) == [
        f"{LLAMA}:{line}:17: head_dim: 96 contradicts hidden_size ÷ attention_heads = 128; if the configuration "
        "says so, add a `note:` saying why (e.g. the model sets head_dim itself)"
    ]


def test_head_dim_with_a_reason_is_accepted(project: Path, edit: Edit) -> None:
    edit(LLAMA, KV_HEADS, KV_HEADS + "\n      head_dim: {value: 96, quote: '\"head_dim\": 96', note: 'set'}")
    assert validate(project / "data", project, TODAY)


def test_unknown_quantisation_gets_a_did_you_mean(project: Path, edit: Edit) -> None:
    edit("data/families/qwen-3.yaml", "{quantisation: q6_k,", "{quantisation: q6k,")
    line = line_of(project, "data/families/qwen-3.yaml", "quantisation: q6k")
    (message,) = errors(project)
    assert message.startswith(f"data/families/qwen-3.yaml:{line}:")
    assert message.endswith("quantisation: no quantisation format has the id 'q6k'; did you mean 'q6_k'?")


def test_unknown_profile_gets_a_did_you_mean(project: Path, edit: Edit) -> None:
    edit("data/families/gemma-4.yaml", "profile: laptop-cpu", "profile: laptop-gpu")
    (message,) = errors(project)
    assert "profile: no profile has the id 'laptop-gpu'; did you mean 'laptop-cpu'?" in message


def test_zero_bandwidth_is_refused(project: Path, edit: Edit) -> None:
    edit(CATALOG, "bandwidth_gb_s: {value: 272,", "bandwidth_gb_s: {value: 0,")
    line = line_of(project, CATALOG, "bandwidth_gb_s: {value: 0,")
    (message,) = errors(project)
    assert message.startswith(f"{CATALOG}:{line}:")
    assert "bandwidth_gb_s.value: input should be greater than 0" in message


def test_zero_capacity_is_refused(project: Path, edit: Edit) -> None:
    edit(CATALOG, "capacity_gb: {value: 8,", "capacity_gb: {value: 0,")
    (message,) = errors(project)
    assert "capacity_gb.value: input should be greater than 0" in message


def test_windowed_attention_needs_its_window(project: Path, edit: Edit) -> None:
    edit(GEMMA, '\n        window: {value: 512, quote: "sliding_window_size=512,"}', "")
    (message,) = errors(project)
    assert message.endswith("attention: kind local-global needs window")


def test_a_measurement_with_no_figure_is_refused(project: Path, edit: Edit) -> None:
    edit("data/families/gemma-4.yaml", "        ram_gb: 8\n        tokens_per_second: 8\n", "")
    (message,) = errors(project)
    assert message.endswith(
        "hardware: this measurement has no figure; give at least one of ram_gb, vram_gb, tokens_per_second "
        "(the numbers its quote states), or delete it"
    )


def test_defaults_must_be_estimable(project: Path, edit: Edit) -> None:
    edit(MEMORY, "  quantisation: q4_k_m\n", "  quantisation: q4\n")
    (message,) = errors(project)
    assert message.endswith("defaults.quantisation: 'q4' states no bits_per_weight, so nothing can be estimated at it")


def test_a_format_written_as_llama_cpp_names_it_says_how_to_write_the_id(project: Path, edit: Edit) -> None:
    edit("data/families/gemma-4.yaml", "quantisation: q4\n", "quantisation: Q4\n")
    line = line_of(project, "data/families/gemma-4.yaml", "quantisation: Q4")
    (message,) = errors(project)
    # The model's index follows the family file's order (which data helpers may change); the rest is fixed.
    assert re.fullmatch(
        rf"data/families/gemma-4\.yaml:{line}:23: models\.\d+\.hardware\.0\.quantisation: 'Q4' is not a format id: a "
        r"format id is written with lower-case letters and digits joined by underscores, as data/memory\.yaml "
        r"writes them, e\.g\. `q4_k_m` \(did you mean 'q4'\?\)",
        message,
    ), message

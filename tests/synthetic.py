"""Synthetic family files for tests and the scaling measurement: valid data, clearly not real.

Figures cite a source that says so; they only ever live in temporary copies of data/.
"""

from __future__ import annotations

from pathlib import Path

SOURCE_ID = "synthetic-test-source"


def family_yaml(family_id: str, name: str, *, released: str = "2026-11-02", scale: float = 1.0) -> str:
    """A complete family: two models with scores, hardware, an Ollama tag, offers with prices."""
    m = f"{family_id}-small"
    big = f"{family_id}-big"
    small_size, big_size = round(3 * scale, 2), round(30 * scale, 2)
    ram = round(0.6 * 3 * scale + 0.5, 1)  # above what its weights need at 4 bits, as a plausible measurement is
    small_mmlu, big_mmlu = min(99.0, round(60 + 10 * scale, 2)), min(99.5, round(70 + 10 * scale, 2))
    src = f"source: {SOURCE_ID}"

    def q(words: object) -> str:
        # Every quote states its figure, as the validator asks of real data.
        return f'quote: "synthetic figure for tests: {words}"'

    return f"""id: {family_id}
name: {name}
maker: google
license: {{value: Apache 2.0, {src}, {q("Apache 2.0")}}}
released: {{value: {released}, {src}, {q(released)}}}
models:
  - id: {m}
    name: {name} Small
    released: {{value: {released}, {src}, {q(released)}}}
    params:
      total: {{value: {small_size}, {src}, {q(f"{small_size}B")}}}
    ollama: {{value: "{family_id}:small", {src}, {q(f"ollama run {family_id}:small")}}}
    scores:
      - {{benchmark: mmlu, value: {small_mmlu}, {src}, {q(f"MMLU {small_mmlu}")}}}
      - {{benchmark: humaneval, value: 55.5, {src}, {q("HumanEval 55.5")}}}
    hardware:
      - {{profile: laptop-cpu, quantisation: q4, ram_gb: {ram}, tokens_per_second: 21, {src}, {q(f"{ram} GB, 21 tok/s")}}}
  - id: {big}
    name: {name} Big
    params:
      total: {{value: {big_size}, {src}, {q(f"{big_size}B")}}}
    scores:
      - {{benchmark: mmlu, value: {big_mmlu}, {src}, {q(f"MMLU {big_mmlu}")}}}
      - {{benchmark: mgsm, value: 71.25, {src}, {q("MGSM 71.25")}}}
offers:
  - {{provider: ollama, kind: local, {src}, {q("local")}}}
  - {{provider: openrouter, kind: paid_api, input_usd_per_mtok: 0.15, output_usd_per_mtok: 0.6, as_of: 2026-11-01, {src}, {q("$0.15 in, $0.60 out")}}}
sources:
  - id: {SOURCE_ID}{"-" + family_id}
    title: Synthetic data for tests
    kind: article
"""


def add_family(data: Path, family_id: str, name: str, **kwargs: object) -> Path:
    """Write a synthetic family into a data folder; each file carries its own uniquely named source."""
    text = family_yaml(family_id, name, **kwargs).replace(f"source: {SOURCE_ID}", f"source: {SOURCE_ID}-{family_id}")  # type: ignore[arg-type]
    path = data / "families" / f"{family_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path

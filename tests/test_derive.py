"""Derivation on the seed pair: the facts the seed article states, computed from the data."""

from __future__ import annotations

import pytest

from generator.derive.comparison import PairFacts, compare
from generator.derive.picks import decide
from generator.model import Catalog
from generator.render import format as fmt


@pytest.fixture(scope="module")
def seed(catalog: Catalog) -> PairFacts:
    return compare(catalog, "gemma-4", "qwen-3-5")


def test_curated_order_and_canonical_slug(seed: PairFacts) -> None:
    assert (seed.a.id, seed.b.id) == ("qwen-3-5", "gemma-4")
    assert seed.slug == "gemma-4-vs-qwen-3-5"


def test_size_rows_pin_the_matchup_and_pair_close_sizes(seed: PairFacts) -> None:
    rows = [(left and left.id, right and right.id) for left, right in seed.sizes]
    assert rows == [
        ("qwen-3-5-flash", "gemma-4-e2b"),
        (None, "gemma-4-e4b"),
        ("qwen-3-5-plus", "gemma-4-26b"),
        (None, "gemma-4-31b"),
    ]


def test_size_summary(seed: PairFacts) -> None:
    s = seed.size_summary
    assert s.bigger is s.smaller and s.bigger.id == "qwen-3-5"
    assert (s.bigger_total.value, s.smaller_size.value) == (110, 0.6)
    assert s.more_options.id == "gemma-4" and s.option_counts == (2, 4) and s.more_options_edge
    assert s.close_pairs == 0


def test_matchup_ratio_is_eight_times(seed: PairFacts) -> None:
    m = seed.matchup
    assert m.curated and m.more_active.id == "qwen-3-5"
    assert fmt.times(m.active_ratio) == "8x"
    # The seed's 16 GB vs 8 GB are below what the weights need (110B and 26B at 4 bits): no comparison.
    assert m.ram_more is None and m.ram_less is None


def test_category_leaders(seed: PairFacts) -> None:
    results = {c.category.id: c for c in seed.categories}
    general, coding, multilingual = results["general"], results["coding"], results["multilingual"]
    assert general.leader.id == "gemma-4" and general.sweep and not general.decisive
    assert coding.leader.id == "qwen-3-5" and coding.decisive
    assert [v.id for v in coding.needs_variant] == ["qwen-2-5-coder"]
    assert multilingual.leader.id == "qwen-3-5" and multilingual.decisive and not multilingual.needs_variant
    assert [m.id for m in coding.columns] == ["qwen-3-5-plus", "qwen-2-5-coder-32b", "gemma-4-26b"]


def test_editorial_note_follows_the_leader(seed: PairFacts) -> None:
    general = next(c for c in seed.categories if c.category.id == "general")
    assert general.notes and "MoE routing" in general.notes[0]


def test_hardware_facts(seed: PairFacts) -> None:
    hw = seed.hardware
    # Every model of both sides with an estimate or a measurement, least memory first.
    assert [r.model.id for r in hw.rows] == [
        "gemma-4-e2b",
        "gemma-4-e4b",
        "qwen-3-5-plus",
        "gemma-4-26b",
        "gemma-4-31b",
    ]
    assert hw.common_quantisation == "q4" and hw.leader.id == "gemma-4"
    # The speeds compare; the seed's RAM figures do not (both below what their weights need).
    assert hw.ram_ratio is None and fmt.times(hw.speed_ratio) == "2-3x"
    assert hw.only_within_limit.id == "gemma-4"
    assert hw.smallest_ram[0].id == "gemma-4-e2b" and hw.smallest_ram[1].ram_gb == 2
    assert hw.even_smaller[0].id == "qwen-3-5-flash"


def test_ecosystem(seed: PairFacts) -> None:
    eco = seed.ecosystem
    assert [m.ollama.value for m in eco.ollama] == ["gemma4:26b", "qwen3.5:plus"]
    qwen, gemma = eco.api
    assert [p.name for p in qwen.paid] == ["DashScope", "OpenRouter"] and not qwen.free
    assert [p.name for p in gemma.free] == ["Google AI Studio"]
    assert eco.variant_leader.id == "qwen-3-5" and [s.id for s in eco.no_variants] == ["gemma-4"]


def test_seed_picks_carry_the_seed_lists(catalog: Catalog, seed: PairFacts) -> None:
    picks = decide(catalog, seed)
    assert [r.criterion.id for r in picks.a] == ["coding", "multilingual", "variants"]
    assert {"modalities", "context", "edge", "speed"} <= {r.criterion.id for r in picks.b}
    assert "ram" not in {r.criterion.id for r in picks.b}  # the seed's RAM figures cannot be right
    assert picks.counters == ()
    assert [r.model.id for r in picks.use_both] == ["gemma-4-26b", "qwen-2-5-coder-32b"]


def test_a_coding_variant_counts_only_on_coding(seed: PairFacts) -> None:
    # Qwen 2.5 Coder 7B has general and math scores of its own; they must not speak for Qwen 3.5 there.
    results = {c.category.id: c for c in seed.categories}
    coder = {m.id for v in seed.a.variants if v.specialty == "coding" for m in v.models}
    assert "qwen-2-5-coder-7b" in coder
    assert not coder & {m.id for m in results["general"].columns}
    assert "qwen-2-5-coder-32b" in {m.id for m in results["coding"].columns}


def test_an_unstated_setting_never_beats_a_stated_one(catalog: Catalog) -> None:
    # The seed article states no settings; Meta's card states them, so no winner may be declared.
    pair = compare(catalog, "llama-3-1", "qwen-3-5")
    rows = [row for c in pair.categories for row in c.rows]
    assert rows and all(not row.comparable and row.winner is None for row in rows)


def test_a_provider_with_an_offer_per_model_is_listed_once(catalog: Catalog) -> None:
    gpt_oss = next(row for row in compare(catalog, "gpt-oss", "phi-4").ecosystem.api if row.side.id == "gpt-oss")
    assert [p.id for p in gpt_oss.paid] == ["openrouter", "vercel-ai-gateway"]

"""Derivation on the seed pair: the facts the seed article states, computed from the data."""

from __future__ import annotations

import pytest

from generator.derive.comparison import PairFacts, compare, fits
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
        ("qwen-3-5-0-8b", None),
        ("qwen-3-5-2b", "gemma-4-e2b"),
        ("qwen-3-5-4b", "gemma-4-e4b"),
        ("qwen-3-5-9b", "gemma-4-12b"),
        ("qwen-3-5-27b", None),
        ("qwen-3-5-flash", None),
        ("qwen-3-5-35b-a3b", None),
        ("qwen-3-5-122b-a10b", None),
        ("qwen-3-5-plus", "gemma-4-26b"),  # the curated matchup, pinned to one row
        ("qwen-3-5-397b-a17b", "gemma-4-31b"),
    ]


def test_size_summary(seed: PairFacts) -> None:
    s = seed.size_summary
    # Alibaba's 397B-A17B (Plus is its hosted version) is the largest, its 0.8B the smallest.
    assert s.bigger is s.smaller and s.bigger.id == "qwen-3-5"
    assert (s.bigger_total.value, s.smaller_size.value) == (397, 0.8)
    assert s.more_options.id == "qwen-3-5" and s.option_counts == (10, 5) and not s.more_options_edge
    assert s.close_pairs == 6


def test_a_family_goes_smaller_only_when_its_smallest_model_is_smaller_in_all(catalog: Catalog) -> None:
    """Gemma 4 E2B is 2.3B effective but 5.1B in all, Granite 4.1's smallest 3.4B: neither family is
    said to go smaller, which a reader of the totals in the table beside it would call false."""
    s = compare(catalog, "gemma-4", "granite-4-1").size_summary
    assert s.smaller is None and s.bigger is not None and s.bigger.id == "gemma-4"
    assert compare(catalog, "gemma-4", "qwen-3-5").size_summary.smaller.id == "qwen-3-5"  # 0.8B both ways


def test_matchup_ratio_is_from_the_makers_active_sizes(seed: PairFacts) -> None:
    m = seed.matchup
    assert m.curated and m.more_active.id == "qwen-3-5"
    assert fmt.times(m.active_ratio) == "4.5x"  # 17B active (Alibaba) against 3.8B (Google)
    # The seed's 16 GB vs 8 GB are below what the weights need (397B and 25.2B at 4 bits): no comparison.
    assert m.ram_more is None and m.ram_less is None


def test_category_leaders(seed: PairFacts) -> None:
    results = {c.category.id: c for c in seed.categories}
    general, coding, multilingual = results["general"], results["coding"], results["multilingual"]
    # Gemma 4 is higher on 3 of the 5 general rows: a lead, not a decisive one (that needs a sweep).
    assert general.leader.id == "gemma-4" and general.own.wins == (2, 3) and not general.own.strong
    assert general.variant_lead is None
    # A family wins only through its own models: Qwen 3.5 Plus trails Gemma 4 26B MoE on the seed's two
    # coding rows (76.8 vs 78.5, 74.1 vs 75.3); the lead on coding is its dedicated coder's, and it is named.
    assert coding.leader.id == "gemma-4" and coding.own.wins == (1, 2) and not coding.own.strong
    lead = coding.variant_lead
    assert lead.side.id == "qwen-3-5" and lead.family.id == "qwen-2-5-coder" and lead.model.id == "qwen-2-5-coder-32b"
    assert lead.verdict.strong and lead.verdict.wins == (3, 0)
    assert multilingual.leader.id == "qwen-3-5" and multilingual.own.strong and multilingual.variant_lead is None
    # The models that score best on a row lead the table, the most rows first (the coder wins
    # HumanEval and MBPP, Qwen 3.5 397B SWE-bench); the others keep the family order.
    assert [m.id for m in coding.columns][:3] == ["qwen-2-5-coder-32b", "qwen-3-5-397b-a17b", "qwen-3-5-plus"]
    assert [m.id for m in general.columns][:2] == ["gemma-4-31b", "qwen-3-5-397b-a17b"]


def test_the_deciding_figures_come_first(seed: PairFacts) -> None:
    """A table wider than a phone shows who wins each row in its first columns: the best cells sit in
    the columns that win, which come before every column that wins nothing."""
    for cat in seed.categories:
        winners = {i for r in cat.rows for i in r.best}
        assert winners == set(range(len(winners))), cat.category.id
        for r in cat.rows:  # the best figure is still the best of its row
            sign = 1 if r.benchmark.higher_is_better else -1
            values = [sign * c.value for c in r.cells if c]
            assert all(sign * r.cells[i].value == max(values) for i in r.best)


def test_editorial_note_follows_the_leader(seed: PairFacts) -> None:
    general = next(c for c in seed.categories if c.category.id == "general")
    assert general.notes and "MoE routing" in general.notes[0]


def test_hardware_facts(seed: PairFacts) -> None:
    hw = seed.hardware
    # Every model of both sides with an estimate or a measurement, least memory first.
    assert [r.model.id for r in hw.rows] == [
        "qwen-3-5-0-8b",
        "qwen-3-5-2b",
        "qwen-3-5-4b",
        "gemma-4-e2b",
        "gemma-4-e4b",
        "qwen-3-5-plus",
        "gemma-4-26b",
        "gemma-4-31b",
        "qwen-3-5-35b-a3b",
        "qwen-3-5-122b-a10b",
        "qwen-3-5-397b-a17b",
    ]
    # The seed's measurements of the matchup are impossible (8 GB for 25.2B, 16 GB for 397B, at 4 bits):
    # shown, flagged, they name no fastest family and give no ratio.
    assert hw.common_quantisation == "q4" and hw.leader is None
    assert hw.ram_ratio is None and hw.speed_ratio is None and hw.fast is None
    # Both families have models that fit in 8 GB (Qwen 3.5's small ones by their estimates): neither is
    # "the only option", and no sentence sets a measured Gemma 4 against Qwen models of unknown memory.
    assert hw.only_within_limit is None and hw.measured_within_limit is None and not hw.unknown_memory
    assert hw.smallest_ram[0].id == "gemma-4-e2b" and hw.smallest_ram[1].ram_gb == 2
    # Qwen 3.5 0.8B needs less still, by its architecture's estimate (gigabytes against gigabytes).
    tiny, _, _, tiny_need = hw.even_smaller
    assert tiny.id == "qwen-3-5-0-8b" and tiny_need.estimated and tiny_need.gb < 2


def test_ecosystem(seed: PairFacts) -> None:
    eco = seed.ecosystem
    assert [m.ollama.value for m in eco.ollama] == ["gemma4:26b", "qwen3.5:plus"]
    qwen, gemma = eco.api
    assert [p.name for p in qwen.paid] == ["DashScope", "OpenRouter"] and not qwen.free
    assert [p.name for p in gemma.free] == ["Google AI Studio"]
    assert eco.variant_leader.id == "qwen-3-5" and [s.id for s in eco.no_variants] == ["gemma-4"]
    assert qwen.open_weights and gemma.open_weights and qwen.free_somehow  # never "requires a paid API"


def test_a_variant_family_never_counts_for_its_own_opponent(catalog: Catalog) -> None:
    pair = compare(catalog, "qwen-2-5-coder", "qwen-3-5")
    qwen = next(s for s in pair.sides if s.id == "qwen-3-5")
    assert "qwen-2-5-coder" not in {v.id for v in qwen.variants}
    # Qwen 2.5 Coder is itself the specialist: Qwen 3.5 has no "significant advantage" in variants here
    assert pair.ecosystem.variant_leader is None


def test_fits_from_measurements_else_from_parameters(catalog: Catalog) -> None:
    models = catalog.models
    # The seed's "8 GB" is below what 25.2B weights need: it decides nothing; the estimate (16.3 GB) does.
    assert fits(catalog, models["gemma-4-26b"], 8) is False
    assert fits(catalog, models["gemma-4-e2b"], 8) is True  # measured at 2 GB
    assert fits(catalog, models["qwen-3-5-plus"], 8) is False  # 397B at 2 bits is far past 8 GB
    assert fits(catalog, models["qwen-3-5-0-8b"], 8) is True  # never measured: its estimate decides
    assert fits(catalog, models["hunyuan-0-5b"], 8) is None  # 0.5B, no architecture, never measured
    assert fits(catalog, models["qwen-3-5-flash"], 8) is False  # 35B at 2 bits is 8.75 GB
    assert fits(catalog, models["llama-4-maverick"], 8) is False  # 400B at 2 bits is far past 8 GB


def test_seed_picks_carry_the_seed_lists(catalog: Catalog, seed: PairFacts) -> None:
    picks = decide(catalog, seed)
    assert [r.criterion.id for r in picks.a] == ["coding", "multilingual", "math", "agentic", "variants"]
    # Qwen 3.5 reads 256K natively by Alibaba's card, as Gemma 4 does: no "longer context" reason now.
    assert {"modalities", "speed"} <= {r.criterion.id for r in picks.b}
    # The seed's edge pick said "Qwen 3.5 has no such model"; Qwen 3.5 0.8B (1.1 GB estimated) may be one.
    assert "edge" not in {r.criterion.id for r in picks.b}
    # The seed's RAM figures are below what the weights need (issue 15): no RAM pick or counter.
    assert "ram" not in {r.criterion.id for r in picks.b} and picks.counters == ()
    # Qwen's coding lead is its dedicated coder's: "use both" names it, as the seed does.
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

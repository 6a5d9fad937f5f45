"""The memory derivation on the real data: estimates against real files, the seed's impossible
figures flagged and deciding nothing, every derived model placed."""

from __future__ import annotations

from generator.derive import memory, rankings
from generator.model import Catalog

# The weights estimate against the real downloads in the data (docs: data-and-methods#memory-accuracy).
# The bounds are what the data shows today with a little room: a change to the formula or to a
# format's bits per weight that makes the estimates worse fails here.
MEAN_ERROR = 0.06
WORST_ERROR = 0.22


def test_estimates_come_close_to_at_least_ten_real_files(catalog: Catalog) -> None:
    checks = memory.file_checks(catalog)
    assert len(checks) >= 10
    accuracy = memory.accuracy(catalog)
    assert accuracy.mean_abs_error <= MEAN_ERROR
    worst = {f"{c.model.id} {c.file.quantisation}: {c.error:+.1%}" for c in checks if abs(c.error) > WORST_ERROR}
    assert not worst


def test_the_seeds_impossible_figures_are_doubted(catalog: Catalog) -> None:
    gemma, qwen = catalog.models["gemma-4-26b"], catalog.models["qwen-3-5-plus"]
    (g,) = memory.doubts(catalog, gemma, gemma.hardware[0])
    (q,) = memory.doubts(catalog, qwen, qwen.hardware[0])
    # Google's card gives 25.2B (the seed's 26B stays as a conflict); Alibaba's, 397B for Plus (the seed: 110B).
    assert (g.params_b, g.bits, g.needed_gb, g.stated) == (25.2, 4, 12.6, 8)  # "25.2B weights at 4 bits need ≥12.6 GB"
    assert (q.params_b, q.bits, q.needed_gb, q.stated) == (397, 4, 198.5, 16)
    assert memory.plausible_measured(catalog, gemma) is None
    assert memory.plausible_measured(catalog, qwen) is None


def test_doubted_figures_place_no_model(catalog: Catalog) -> None:
    """Gemma 4 26B's "8 GB" cannot put it in the 8 GB tier; Qwen 3.5 Plus has no other figure."""
    eight = next(t for t in rankings.ram_tiers(catalog) if t.ram_gb == 8)
    placed = {r.model.id for r in eight.ranking.all_rows} | {m.id for m in eight.ranking.unranked}
    assert "gemma-4-26b" not in placed
    assert memory.need(catalog, "qwen-3-5-plus", "ram") is None


def test_every_derived_model_is_in_the_largest_tiers_it_fits(catalog: Catalog) -> None:
    for tiers in (rankings.ram_tiers(catalog), rankings.vram_tiers(catalog)):
        largest = tiers[-1]
        placed = {r.model.id for r in largest.ranking.all_rows} | {m.id for m in largest.ranking.unranked}
        for model in catalog.models.values():
            need = memory.need(catalog, model.id, largest.kind)
            assert (model.id in placed) == bool(need and need.gb <= largest.ram_gb), model.id

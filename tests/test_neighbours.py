"""Which pairs get a page: each family's and each model's nearest neighbours, linear in the catalog."""

from __future__ import annotations

import math
import shutil

import pytest

from bench.synthetic import synthesize
from generator.build import load_catalog
from generator.derive import facts, neighbours
from generator.model import Catalog, pair_key
from tests.conftest import ROOT


def brute_force(catalog: Catalog) -> dict[tuple[str, str], set[str]]:
    """The size and release neighbours of every model, by comparing it with every other model."""
    sizes = {m.id: math.log(s) for m in catalog.models.values() if (s := facts.size_of(m))}
    dates = {m.id: d for m in catalog.models.values() if (d := neighbours.released_on(catalog, m))}
    close = math.log(catalog.site.close_size_ratio)
    found: dict[tuple[str, str], set[str]] = {}
    for model, size in sizes.items():
        others = [o for o in sizes if catalog.family_of[o] != catalog.family_of[model]]
        for other in sorted(others, key=lambda o: (abs(sizes[o] - size), o))[: neighbours.SIZE_NEIGHBOURS]:
            found.setdefault(pair_key(model, other), set()).add("size")
        if model not in dates:
            continue
        peers = [o for o in others if o in dates and abs(sizes[o] - size) <= close]
        by_days = sorted(peers, key=lambda o: (abs((dates[o] - dates[model]).days), o))
        for other in by_days[: neighbours.RELEASE_NEIGHBOURS]:
            found.setdefault(pair_key(model, other), set()).add("release")
    return found


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """Synthetic data at 4x the real data's size, as the benchmark builds it."""
    root = tmp_path_factory.mktemp("neighbours")
    shutil.copytree(ROOT / "docs", root / "docs")
    synthesize(ROOT / "data", root / "data", 52, seed=7)
    return load_catalog(root)


@pytest.mark.parametrize("which", ["real", "synthetic"])
def test_model_neighbours_match_a_comparison_with_every_other_model(
    which: str, catalog: Catalog, large: Catalog
) -> None:
    """model_pairs looks only around each model in the size order; it must find what a full scan finds."""
    subject = catalog if which == "real" else large
    expected = brute_force(subject)
    found = {
        key: {r for r in pair.reasons if r in ("size", "release")}
        for key, pair in neighbours.model_pairs(subject).items()
    }
    assert {k: v for k, v in found.items() if v} == expected
    assert len(expected) > len(subject.models)


def test_every_model_pair_is_across_families_and_every_family_pair_is_distinct(large: Catalog) -> None:
    for a, b in neighbours.model_pairs(large):
        assert a < b and large.family_of[a] != large.family_of[b]
    for a, b in neighbours.family_pairs(large):
        assert a < b


def test_family_neighbours_follow_lineage_maker_size_and_release(catalog: Catalog) -> None:
    pairs = neighbours.family_pairs(catalog)
    assert pairs[("gemma-4", "qwen-3-5")] == ("curated",)
    assert pairs[("gemma-4", "qwen-2-5-math")] == ("curated",)  # a variant of a curated pair's side
    assert "lineage" in pairs[("qwen-3-5", "qwen-3-6")]  # successor
    assert "lineage" in pairs[("qwen-2-5-coder", "qwen-3-5")]  # a dedicated variant
    assert "maker" in pairs[("gemma-3", "gemma-4")]
    assert "size" in pairs[("gemma-3", "qwen-2-5-coder")]  # 1B–27B against 0.5B–32B
    assert "release" in pairs[("gemma-3", "llama-4")]
    # Every family has a comparison, and none is compared with all the others.
    for family in catalog.families:
        count = sum(1 for pair in pairs if family in pair)
        assert 1 <= count < len(catalog.families) - 1, family


def test_release_neighbours_are_close_in_size(catalog: Catalog) -> None:
    """A 0.6B and a 400B model released the same week are not put side by side for it."""
    ratio = catalog.site.close_size_ratio
    for (a, b), pair in neighbours.model_pairs(catalog).items():
        if "release" in pair.reasons:
            sa, sb = (facts.size_of(catalog.models[m]) for m in (a, b))
            assert sa and sb and max(sa, sb) / min(sa, sb) <= ratio, (a, b)

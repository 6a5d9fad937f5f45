"""The site plan: exactly the pages and redirects the data implies, no more, no fewer."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator.build import load_catalog
from generator.derive import neighbours
from generator.derive.matchup import pick_for
from generator.derive.site import output_path
from generator.errors import DataErrors
from generator.model import Catalog
from generator.pages import PAGE_TYPES, plan
from tests.synthetic import add_family

Edit = Callable[[str, str, str], Path]


def test_each_chosen_family_pair_has_exactly_one_canonical_page(catalog: Catalog) -> None:
    site = plan(catalog)
    pairs = [p.key for p in site.pages if p.kind == "comparison"]
    assert sorted(pairs) == sorted(neighbours.family_pairs(catalog))
    assert set(pairs) < set(itertools.combinations(sorted(catalog.families), 2))
    assert all(p.path == f"compare/{p.key[0]}-vs-{p.key[1]}.md" for p in site.of("comparison"))


def test_every_pair_and_matchup_redirects_from_the_reverse_order(catalog: Catalog) -> None:
    site = plan(catalog)
    redirects = {r.path: r.target for r in site.redirects}
    for a, b in (p.key for p in site.pages if p.kind in ("comparison", "model-pair")):
        folder = "compare" if a in catalog.families else "matchups"
        assert redirects[f"{folder}/{b}-vs-{a}/index.html"] == f"{folder}/{a}-vs-{b}/"


def test_no_redirect_shadows_a_page_and_paths_are_unique(catalog: Catalog) -> None:
    site = plan(catalog)
    outputs = [output_path(p) for p in site.pages]
    assert "compare/index.html" in outputs and "compare/gemma-4-vs-qwen-3-5/index.html" in outputs
    redirect_paths = [r.path for r in site.redirects]
    assert len(set(outputs)) == len(outputs)
    assert len(set(redirect_paths)) == len(redirect_paths)
    assert not set(outputs) & set(redirect_paths)


def test_one_page_per_family_model_and_matchup(catalog: Catalog) -> None:
    site = plan(catalog)
    kinds = {kind: sorted(p.key for p in site.pages if p.kind == kind) for kind in ("family", "model", "model-pair")}
    assert kinds["family"] == [(f,) for f in sorted(catalog.families)]
    assert kinds["model"] == [(m,) for m in sorted(catalog.models)]
    assert kinds["model-pair"] == sorted(neighbours.model_pairs(catalog))


def test_every_section_index_exists_and_every_page_type_has_pages(catalog: Catalog) -> None:
    site = plan(catalog)
    assert [p.path for p in site.guides] == [
        "guide.md",
        "matchups/index.md",
        "leaderboards/index.md",
        "hardware/index.md",
        "best/index.md",
        "pricing/index.md",
        "releases/index.md",
    ]
    assert site.kinds == tuple(t.name for t in PAGE_TYPES)
    assert len(set(site.kinds)) == len(site.kinds), "two page types share a name"
    assert all(site.of(kind) for kind in site.kinds), "the real data gives every page type a page"


def test_a_lookup_by_a_name_no_page_type_has_fails_loudly(catalog: Catalog) -> None:
    site = plan(catalog)
    assert site.find("family", "gemma-4") is not None
    assert site.find("family", "no-such-family") is None
    with pytest.raises(KeyError, match="no page type is named 'famliy'"):
        site.find("famliy", "gemma-4")


def test_curated_matchup_is_the_seed_one_and_others_default(catalog: Catalog) -> None:
    seed = pick_for(catalog, "gemma-4", "qwen-3-5")
    assert seed and seed.models == ("qwen-3-5-plus", "gemma-4-26b") and seed.curated
    assert not pick_for(catalog, "gemma-4", "qwen-2-5-coder").curated  # type: ignore[union-attr]
    # A pair no editor wrote up gets the default matchup: models of its own two families.
    math = pick_for(catalog, "qwen-2-5-math", "qwen-3-5")
    assert math and not math.curated
    assert [catalog.family_of[m] for m in math.models] == list(math.families)
    pairs = neighbours.model_pairs(catalog)
    assert pairs[("gemma-4-26b", "qwen-3-5-plus")].reasons == ("curated",)
    assert pairs[("gemma-4-26b", "qwen-3-5-plus")].models == ("qwen-3-5-plus", "gemma-4-26b")  # as curated


def test_aliases_redirect_families_models_pairs_and_matchups(project: Path, edit: Edit) -> None:
    edit("data/families/gemma-4.yaml", "name: Gemma 4\n", "name: Gemma 4\naliases: [gemma-four]\n")
    edit(
        "data/families/gemma-4.yaml",
        "    name: Gemma 4 26B MoE\n",
        "    name: Gemma 4 26B MoE\n    aliases: [gemma-4-26b-moe]\n",
    )
    site = plan(load_catalog(project))
    redirects = {r.path: r.target for r in site.redirects}
    assert redirects["families/gemma-four/index.html"] == "families/gemma-4/"
    assert redirects["models/gemma-4-26b-moe/index.html"] == "models/gemma-4-26b/"
    for slug in ("gemma-four-vs-qwen-3-5", "qwen-3-5-vs-gemma-four"):
        assert redirects[f"compare/{slug}/index.html"] == "compare/gemma-4-vs-qwen-3-5/"
    for slug in ("gemma-4-26b-moe-vs-qwen-3-5-plus", "qwen-3-5-plus-vs-gemma-4-26b-moe"):
        assert redirects[f"matchups/{slug}/index.html"] == "matchups/gemma-4-26b-vs-qwen-3-5-plus/"


def test_a_new_family_adds_its_pages_everywhere(project: Path) -> None:
    before = plan(load_catalog(project))
    add_family(project / "data", "zeta-1", "Zeta 1")
    catalog = load_catalog(project)
    after = plan(catalog)
    added = {p.path for p in after.pages} - {p.path for p in before.pages}
    expected = {"families/zeta-1.md", "models/zeta-1-small.md", "models/zeta-1-big.md"}
    assert expected <= added
    pairs = [p for p in after.of("comparison") if "zeta-1" in p.key]
    # Its nearest neighbours by size range, by release date and of its maker (Google), and the families
    # that have it among theirs: never a pair for a reason the rule does not give.
    reasons = neighbours.family_pairs(catalog)
    assert len(pairs) >= 2 and all(set(reasons[p.key]) <= {"maker", "size", "release"} for p in pairs)
    chosen = [p for p in pairs if "maker" in reasons[p.key]]
    assert len(chosen) <= 2 * neighbours.MAKER_NEIGHBOURS
    assert {p.path for p in pairs} <= added
    assert {"gemma-3", "gemma-4"} <= {f for p in pairs for f in p.key}  # its maker's, both undated or older
    model_pairs = [p for p in after.of("model-pair") if any(m.startswith("zeta-1-") for m in p.key)]
    assert model_pairs and all(catalog.family_of[a] != catalog.family_of[b] for a, b in (p.key for p in model_pairs))
    redirects = {r.path for r in after.redirects} - {r.path for r in before.redirects}
    assert {f"compare/{p.key[1]}-vs-{p.key[0]}/index.html" for p in pairs} <= redirects


def test_pair_pages_grow_linearly_with_the_catalog(project: Path) -> None:
    """Each family names its lineage and a fixed number of neighbours, each model a fixed number of
    neighbours: pages stay linear however many families there are, never one per pair."""
    for i in range(12):
        add_family(project / "data", f"zeta-{i}", f"Zeta {i}", released=f"2025-{i + 1:02d}-01")
    catalog = load_catalog(project)
    site = plan(catalog)
    named = neighbours.MAKER_NEIGHBOURS + neighbours.SIZE_NEIGHBOURS + neighbours.RELEASE_NEIGHBOURS
    lineage = sum(len(f.variants.value) if f.variants else 0 for f in catalog.families.values())
    lineage += sum(1 for f in catalog.families.values() if f.successor)
    families, models = len(catalog.families), len(catalog.models)
    assert len(site.of("comparison")) <= families * named + lineage + len(catalog.comparisons)
    assert len(site.of("comparison")) < families * (families - 1) // 2 / 3
    per_model = neighbours.SIZE_NEIGHBOURS + neighbours.RELEASE_NEIGHBOURS
    assert len(site.of("model-pair")) <= models * per_model + len(site.of("comparison"))


def test_an_id_that_would_overwrite_a_section_index_is_refused(project: Path, edit: Edit) -> None:
    """Said where the id is written (generator/consistency.py), before any page is planned."""
    edit("data/rankings.yaml", "  - id: multilingual\n", "  - id: index\n")
    with pytest.raises(DataErrors) as caught:
        load_catalog(project)
    line = next(
        i for i, text in enumerate((project / "data/rankings.yaml").read_text().splitlines(), 1) if "id: index" in text
    )
    assert str(caught.value) == (
        f"data/rankings.yaml:{line}:9: ranking id 'index' is the address of a section's own page; choose another id"
    )


def test_the_plan_still_refuses_two_pages_at_one_address(catalog: Catalog) -> None:
    """The last defence, should a new kind of id ever slip past the validator."""
    assert catalog.rankings
    renamed = [r.model_copy(update={"id": "index"}) if r.id == "multilingual" else r for r in catalog.rankings.rankings]
    broken = dataclasses.replace(catalog, rankings=catalog.rankings.model_copy(update={"rankings": renamed}))
    with pytest.raises(DataErrors) as caught:
        plan(broken)
    assert "the rankings-index page best/index.md would both be written to best/index.html" in str(caught.value)


def test_related_pairs_follow_the_stated_rule(catalog: Catalog) -> None:
    from generator.derive.facts import latest_release
    from generator.derive.pagemeta import RELATED_LIMIT, related_pairs

    pair = ("gemma-4", "qwen-3-5")
    candidates = list(itertools.combinations(sorted(catalog.families), 2))
    found = related_pairs(catalog, pair, candidates)
    assert len(found) == min(RELATED_LIMIT, sum(1 for p in candidates if p != pair and set(p) & set(pair)))
    # Each family's successor, predecessor and dedicated variants, as the data names them.
    kin = {
        k
        for f in map(catalog.families.__getitem__, pair)
        for k in (f.successor, f.predecessor, *(f.variants.value if f.variants else []))
        if k
    }
    assert {"qwen-3-6", "qwen-2-5-coder", "qwen-2-5-math"} <= kin  # Qwen 3.5's successor and variants
    ranks = [(catalog.comparison(*p) is None, not kin & set(p)) for p in found]
    assert ranks == sorted(ranks), "curated pairs first, then kin pairs"
    rest = [
        max(latest_release(catalog.families[f]) or date.min for f in set(p) - set(pair))
        for p in found
        if not kin & set(p) and catalog.comparison(*p) is None
    ]
    assert rest == sorted(rest, reverse=True), "then the newest other family first"

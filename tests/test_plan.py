"""The site plan: exactly the pages and redirects the data implies, no more, no fewer."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import load_catalog
from generator.derive.matchup import matchups
from generator.derive.site import output_path
from generator.errors import DataErrors
from generator.model import Catalog
from generator.pages import PAGE_TYPES, plan
from tests.synthetic import add_family

Edit = Callable[[str, str, str], Path]


def test_every_family_pair_has_exactly_one_canonical_page(catalog: Catalog) -> None:
    site = plan(catalog)
    pairs = [p.key for p in site.pages if p.kind == "comparison"]
    assert sorted(pairs) == list(itertools.combinations(sorted(catalog.families), 2))
    assert all(p.path == f"compare/{p.key[0]}-vs-{p.key[1]}.md" for p in site.of("comparison"))


def test_every_pair_and_matchup_redirects_from_the_reverse_order(catalog: Catalog) -> None:
    site = plan(catalog)
    redirects = {r.path: r.target for r in site.redirects}
    for a, b in (p.key for p in site.pages if p.kind in ("comparison", "matchup")):
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
    kinds = {kind: sorted(p.key for p in site.pages if p.kind == kind) for kind in ("family", "model", "matchup")}
    assert kinds["family"] == [(f,) for f in sorted(catalog.families)]
    assert kinds["model"] == [(m,) for m in sorted(catalog.models)]
    assert kinds["matchup"] == sorted(tuple(sorted(p.models)) for p in matchups(catalog).values())


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
    found = matchups(catalog)
    assert found[("gemma-4", "qwen-3-5")].models == ("qwen-3-5-plus", "gemma-4-26b")
    assert found[("gemma-4", "qwen-3-5")].curated
    assert not found[("gemma-4", "qwen-2-5-coder")].curated
    # Qwen 2.5 Math has no models: no matchup, and so no matchup page, for its pairs.
    assert not any("qwen-2-5-math" in pair for pair in found)


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
    others = sorted(f for f in catalog.families if f != "zeta-1")
    expected = {"families/zeta-1.md", "models/zeta-1-small.md", "models/zeta-1-big.md"}
    expected |= {f"compare/{'-vs-'.join(sorted((f, 'zeta-1')))}.md" for f in others}
    assert expected <= added
    assert {p.path for p in before.pages} <= {p.path for p in after.pages}
    new_matchups = [p for p in after.pages if p.kind == "matchup" and any(m.startswith("zeta-1-") for m in p.key)]
    assert len(new_matchups) == sum(1 for f in others if catalog.family_models(f) and _has_sizes(catalog, f))
    redirects = {r.path for r in after.redirects} - {r.path for r in before.redirects}
    assert {f"compare/zeta-1-vs-{f}/index.html" for f in others} <= redirects


def _has_sizes(catalog: Catalog, family_id: str) -> bool:
    """default_matchup needs a common benchmark or two known sizes."""
    return any(m.scores or m.params.total or m.params.effective for m in catalog.family_models(family_id))


def test_plan_is_linear_in_pages_with_no_pair_listing_every_other(project: Path) -> None:
    for i in range(6):
        add_family(project / "data", f"zeta-{i}", f"Zeta {i}")
    catalog = load_catalog(project)
    site = plan(catalog)
    n = len(catalog.families)
    assert len(site.of("comparison")) == n * (n - 1) // 2
    assert all(len(site.involving("comparison", f)) == n - 1 for f in catalog.families)


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
    from generator.derive.pagemeta import RELATED_LIMIT, _released, related_pairs

    pair = ("gemma-4", "qwen-3-5")
    candidates = list(itertools.combinations(sorted(catalog.families), 2))
    found = related_pairs(catalog, pair, candidates)
    assert len(found) == min(RELATED_LIMIT, sum(1 for p in candidates if p != pair and set(p) & set(pair)))
    kin = {"qwen-3-6", "qwen-2-5-coder", "qwen-2-5-math"}  # Qwen 3.5's successor and variants
    flags = [bool(kin & set(p)) for p in found]
    assert flags == sorted(flags, reverse=True), "kin pairs come first"
    rest = [max(_released(catalog.families[f]) for f in set(p) - set(pair)) for p in found if not kin & set(p)]
    assert rest == sorted(rest, reverse=True), "then the newest other family first"

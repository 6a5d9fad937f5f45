"""Page contexts of the site's sections: family and model details, matchups, leaderboards, the
hardware guide, use-case rankings, pricing and releases.

Each builder gathers derived facts for one page kind; templates lay them out. Every page also gets
`meta` (its sources and last-updated date) and `related` (at most `pagemeta.RELATED_LIMIT` links).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from generator import schema
from generator.derive import charts, facts, market, matchup, memory, pagemeta, rankings, timeline
from generator.derive.comparison import first_score
from generator.derive.site import GUIDE_INDEXES, Page, SitePlan
from generator.model import Catalog

Context = dict[str, Any]
LATEST_RELEASES = 5  # on the home page

INDEX_TITLES = {
    "home": "Home",
    "compare-index": "All comparisons",
    "families-index": "All model families",
    "matchups-index": "Model matchups",
    "leaderboards-index": "Leaderboards",
    "hardware": "Hardware guide: best models for your RAM",
    "rankings-index": "Best models by use case",
    "pricing": "Pricing and API availability",
    "releases": "Releases timeline",
}


def page_title(catalog: Catalog, page: Page) -> str:
    """How links elsewhere name a page."""
    if page.kind == "comparison":
        return " vs ".join(catalog.families[f].name for f in page.key)
    if page.kind == "matchup":
        pick = _pick(catalog, page)
        return " vs ".join(catalog.models[m].name for m in (pick.models if pick else page.key))
    if page.kind == "family":
        return catalog.families[page.key[0]].name
    if page.kind == "model":
        return catalog.models[page.key[0]].name
    if page.kind == "leaderboard":
        return f"{catalog.categories[page.key[0]].name} leaderboard"
    if page.kind == "benchmark":
        return f"{catalog.benchmarks[page.key[0]].name} leaderboard"
    if page.kind == "guide" and catalog.guide:
        return catalog.guide.title
    if page.kind == "ranking":
        return next(r.title for r in catalog.rankings.rankings if r.id == page.key[0])  # type: ignore[union-attr]
    return INDEX_TITLES[page.kind]


def _entries(catalog: Catalog, pages: Iterable[Page]) -> list[tuple[str, str]]:
    return [(page_title(catalog, p), p.path) for p in pages]


def guides(catalog: Catalog, plan: SitePlan, current: Page | None = None) -> list[tuple[str, str]]:
    """The section guides, then each use-case ranking: the home page's list and guides' related links."""
    picker = [p for p in plan.pages if p.kind == "guide" and p != current]  # the "which should I pick" guide
    pages = [*picker, *(p for p in GUIDE_INDEXES if p != current)]
    pages += [p for p in plan.pages if p.kind == "ranking" and p != current]
    return _entries(catalog, pages)[: pagemeta.RELATED_LIMIT]


def _matchups_of(plan: SitePlan, models: Iterable[schema.Model]) -> tuple[Page, ...]:
    found = {p.path: p for m in models for p in plan.involving("matchup", m.id)}
    return tuple(found[k] for k in sorted(found))


# --- families and models -------------------------------------------------------------------------


def family_details(catalog: Catalog, plan: SitePlan, family: schema.Family) -> Context:
    scored = [m for m in family.models if m.scores]
    benchmarks = [b for b in catalog.benchmarks.values() if any(s.benchmark == b.id for m in scored for s in m.scores)]
    variant_of = [f for f in catalog.families.values() if f.variants and family.id in f.variants.value]
    kin_ids = [family.predecessor, family.successor, *(v.id for v in catalog.variants_of(family.id))]
    kin_ids += [f.id for f in variant_of]
    kin = [catalog.families[k] for k in dict.fromkeys(k for k in kin_ids if k)]
    same_maker = [
        f for f in catalog.families.values() if f.maker == family.maker and f.id != family.id and f not in kin
    ]
    related = [(f.name, plan.find("family", f.id).path) for f in [*kin, *same_maker]]  # type: ignore[union-attr]
    return {
        "range": facts.size_range(catalog, family.id),
        "architectures": facts.architectures(catalog, family.id),
        "max_context": facts.max_context(catalog, family.id),
        "family_modalities": facts.family_modalities(catalog, family.id),
        "variants": catalog.variants_of(family.id),
        "variant_of": variant_of,
        "score_models": scored,
        "score_rows": [(b, [first_score(m, b.id) for m in scored]) for b in benchmarks],
        "measured": [(m, h) for m in family.models for h in m.hardware],
        "ollama_models": facts.ollama_models(catalog, family.id),
        "offers": market.family_offers(catalog, family.id),
        "matchups": _entries(catalog, _matchups_of(plan, family.models)),
        "meta": pagemeta.meta(catalog, [family]),
        "related": related[: pagemeta.RELATED_LIMIT],
    }


def model_details(catalog: Catalog, plan: SitePlan, model: schema.Model) -> Context:
    family = catalog.model_family(model.id)
    siblings = [m for m in family.models if m.id != model.id]
    related = [(m.name, plan.find("model", m.id).path) for m in siblings]  # type: ignore[union-attr]
    boards = [p for s in model.scores if (p := plan.find("benchmark", s.benchmark))]
    return {
        "maker": catalog.makers[family.maker],
        "successor": catalog.families[family.successor] if family.successor else None,
        "offers": market.offers_for_model(catalog, model.id),
        "memory": memory.model_memory(catalog, model.id),
        "matchups": _entries(catalog, _matchups_of(plan, [model])),
        "meta": pagemeta.meta(catalog, [model, family.license, memory.model_memory(catalog, model.id).basis]),
        "related": (related + _entries(catalog, dict.fromkeys(boards)))[: pagemeta.RELATED_LIMIT],
    }


# --- matchups ------------------------------------------------------------------------------------


def _matchup(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    a, b = (catalog.family_of[m] for m in page.key)
    pick = matchup.pick_for(catalog, a, b)
    found = matchup.describe(catalog, pick)  # type: ignore[arg-type]
    pair_page = plan.find("comparison", *sorted((a, b)))
    others = [p for f in (a, b) for p in plan.involving("comparison", f) if p != pair_page]
    others_matchups = [p for f in (a, b) for m in catalog.family_models(f) for p in plan.involving("matchup", m.id)]
    related = _entries(catalog, dict.fromkeys([*others_matchups, *others]))
    related = [r for r in related if r[1] != page.path]
    return {
        "m": found,
        "pair_page": pair_page,
        "meta": pagemeta.meta(catalog, [*found.models, *(f.license for f in found.families)]),
        "related": related[: pagemeta.RELATED_LIMIT],
    }


def _matchups_index(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    found = [
        (p, matchup.pick_for(catalog, *(catalog.family_of[m] for m in p.key)))
        for p in plan.pages
        if p.kind == "matchup"
    ]
    return {"matchups": found, "meta": pagemeta.meta(catalog, []), "related": guides(catalog, plan, page)}


# --- leaderboards, hardware, rankings ------------------------------------------------------------


def _ranking_meta(catalog: Catalog, found: Iterable[rankings.Ranking]) -> pagemeta.PageMeta:
    return pagemeta.meta(catalog, [[r.score, r.ram] for ranking in found for r in ranking.all_rows])


def _leaderboards_index(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    boards = [(c, plan.find("leaderboard", c.id)) for c in catalog.categories.values()]
    benches = [(b, plan.find("benchmark", b.id)) for b in catalog.benchmarks.values()]
    return {
        "boards": [(c, p) for c, p in boards if p],
        "benches": [(b, p) for b, p in benches if p],
        "meta": pagemeta.meta(catalog, []),
        "related": guides(catalog, plan, page),
    }


def _leaderboard(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    board = rankings.category_board(catalog, page.key[0])
    related = [p for b in board.benchmarks if (p := plan.find("benchmark", b.id))]  # type: ignore[union-attr]
    return {
        "board": board,
        "rows": list(zip(board.ranking.all_rows, board.cells, strict=True)),  # type: ignore[union-attr]
        "chart": charts.category_leaderboard(catalog, page.key[0]),
        "meta": _ranking_meta(catalog, [board.ranking]),  # type: ignore[union-attr]
        "related": _entries(catalog, related)[: pagemeta.RELATED_LIMIT],
    }


def _benchmark(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    bench = catalog.benchmarks[page.key[0]]
    boards = rankings.benchmark_board(catalog, bench.id)
    siblings = [
        p for b in catalog.benchmarks.values() if b.category == bench.category and (p := plan.find("benchmark", b.id))
    ]
    board = plan.find("leaderboard", bench.category)
    related = _entries(catalog, [p for p in [board, *siblings] if p and p != page])
    return {
        "bench": bench,
        "category": catalog.categories[bench.category],
        "boards": boards,
        "meta": _ranking_meta(catalog, [b.ranking for b in boards]),
        "related": related[: pagemeta.RELATED_LIMIT],
    }


def _hardware(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    tiers = rankings.ram_tiers(catalog)
    gpu_tiers = rankings.vram_tiers(catalog)
    speeds = rankings.fastest(catalog)
    measured = [h for s in speeds for _, h in s.rows]
    rows = [r for t in (*tiers, *gpu_tiers) for r in t.ranking.all_rows]
    return {
        "tiers": tiers,
        "gpu_tiers": gpu_tiers,
        "defaults": memory.formats(catalog).defaults if memory.formats(catalog) else None,
        "placed": memory.placed(catalog),
        "calculator_model": _calculator_model(catalog, tiers),
        "speeds": [(s.profile, [(m, h, memory.doubts(catalog, m, h)) for m, h in s.rows]) for s in speeds],
        "charts": [c for b in catalog.benchmarks if (c := charts.quality_vs_ram(catalog, b))],
        "meta": pagemeta.meta(catalog, [*([r.score, r.ram.cites if r.ram else None] for r in rows), measured]),
        "related": guides(catalog, plan, page),
    }


def _calculator_model(catalog: Catalog, tiers: Iterable[rankings.Tier]) -> schema.Model | None:
    """The calculator's first model: the best-ranked estimated model of the limited-hardware RAM tier
    (what a reader with a small machine would run), else of the smallest tier."""
    found = [t for t in tiers if t.ram_gb == catalog.site.limited_ram_gb] or list(tiers)
    for tier in found:
        for row in tier.ranking.all_rows:
            if memory.estimate(catalog, row.model.id):
                return row.model
    return next((m for m in catalog.models.values() if memory.estimate(catalog, m.id)), None)


def _rankings_index(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    rules = catalog.rankings.rankings if catalog.rankings else []
    found = [(r, p) for r in rules if (p := plan.find("ranking", r.id))]
    return {"rules": found, "meta": pagemeta.meta(catalog, []), "related": guides(catalog, plan, page)}


def _ranking(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    rule = next(r for r in catalog.rankings.rankings if r.id == page.key[0])  # type: ignore[union-attr]
    found = rankings.use_case(catalog, rule)
    return {
        "rule": rule,
        "ranking": found.ranking,  # type: ignore[union-attr]
        "meta": _ranking_meta(catalog, [found.ranking]),  # type: ignore[union-attr]
        "related": guides(catalog, plan, page),
    }


# --- pricing, releases, home ---------------------------------------------------------------------


def _pricing(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    providers = market.by_provider(catalog)
    return {
        "families": market.availability(catalog),
        "providers": providers,
        "meta": pagemeta.meta(catalog, [r.offer for p in providers for r in p.rows]),
        "related": guides(catalog, plan, page),
    }


def _releases(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    found = timeline.releases(catalog)
    return {
        "years": timeline.by_year(found),
        "chart": charts.releases_timeline(catalog),
        "undated": timeline.undated_families(catalog),
        "meta": pagemeta.meta(catalog, [r.figure for r in found]),
        "related": guides(catalog, plan, page),
    }


def home(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    featured = [p for p in plan.pairs() if (c := catalog.comparison(*p.key)) and c.featured]
    curated = [p for p in plan.pages if p.kind == "matchup" and (pick := _pick(catalog, p)) and pick.curated]
    latest = timeline.releases(catalog)[:LATEST_RELEASES]
    rules = catalog.rankings.rankings if catalog.rankings else []
    featured_rankings = [p for r in rules if r.featured and (p := plan.find("ranking", r.id))]
    return {
        "featured": featured,
        "featured_matchups": _entries(catalog, curated),
        "latest": latest,
        "guides": _entries(
            catalog, [*(p for p in plan.pages if p.kind == "guide"), *GUIDE_INDEXES, *featured_rankings]
        ),
        "meta": pagemeta.meta(catalog, [r.figure for r in latest]),
        "related": [],
        "plan": plan,
    }


def _browse_index(catalog: Catalog, plan: SitePlan, page: Page) -> Context:
    """The comparison and family indexes: no figures of their own, so no sources; dated by the data."""
    updated = pagemeta.meta(catalog, list(catalog.families.values())).updated
    return {"plan": plan, "meta": pagemeta.PageMeta((), updated), "related": guides(catalog, plan, page)}


def _pick(catalog: Catalog, page: Page) -> matchup.Pick | None:
    return matchup.pick_for(catalog, *(catalog.family_of[m] for m in page.key))


CONTEXTS: dict[str, Callable[[Catalog, SitePlan, Page], Context]] = {
    "matchup": _matchup,
    "matchups-index": _matchups_index,
    "leaderboards-index": _leaderboards_index,
    "leaderboard": _leaderboard,
    "benchmark": _benchmark,
    "hardware": _hardware,
    "rankings-index": _rankings_index,
    "ranking": _ranking,
    "pricing": _pricing,
    "releases": _releases,
    "compare-index": _browse_index,
    "families-index": _browse_index,
}

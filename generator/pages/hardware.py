"""The hardware guide: the best models for each tier of system RAM and of GPU memory, the fastest
measured per profile, the memory calculator, quality vs RAM."""

from __future__ import annotations

from collections.abc import Iterable

from generator import schema
from generator.derive import charts, memory, pagemeta, rankings
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, fixed, guides


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("hardware/index.md")]


def _content(site: Site, page: Page) -> Content:
    catalog = site.catalog
    tiers = rankings.ram_tiers(catalog)
    gpu_tiers = rankings.vram_tiers(catalog)
    speeds = rankings.fastest(catalog)
    measured = [h for s in speeds for _, h in s.rows]
    rows = [r for t in (*tiers, *gpu_tiers) for r in t.ranking.all_rows]
    found = tuple(c for b in catalog.benchmarks if (c := charts.quality_vs_ram(catalog, b)))
    formats = memory.formats(catalog)
    context = {
        "tiers": tiers,
        "gpu_tiers": gpu_tiers,
        "defaults": formats.defaults if formats else None,
        "placed": memory.placed(catalog),
        "calculator_model": _calculator_model(catalog, tiers),
        "speeds": [(s.profile, [(m, h, memory.doubts(catalog, m, h)) for m, h in s.rows]) for s in speeds],
        "charts": found,
        "meta": pagemeta.meta(catalog, [*([r.score, r.ram.cites if r.ram else None] for r in rows), measured]),
        "related": guides(catalog, site.plan, page),
    }
    return Content(context, charts=found)


def _calculator_model(catalog: Catalog, tiers: Iterable[rankings.Tier]) -> schema.Model | None:
    """The calculator's first model: the best-ranked estimated model of the limited-hardware RAM tier
    (what a reader with a small machine would run), else of the smallest tier."""
    found = [t for t in tiers if t.ram_gb == catalog.site.limited_ram_gb] or list(tiers)
    for tier in found:
        for row in tier.ranking.all_rows:
            if memory.estimate(catalog, row.model.id):
                return row.model
    return next((m for m in catalog.models.values() if memory.estimate(catalog, m.id)), None)


TYPE = PageType(
    "hardware", "hardware.md.j2", _plan, _content, fixed("Hardware guide: best models for your RAM"), guide=True
)

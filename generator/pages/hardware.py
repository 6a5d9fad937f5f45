"""The hardware guide: the best models for each RAM tier, the fastest per profile, quality vs RAM."""

from __future__ import annotations

from generator.derive import charts, pagemeta, rankings
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, fixed, guides


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("hardware/index.md")]


def _content(site: Site, page: Page) -> Content:
    catalog = site.catalog
    tiers = rankings.ram_tiers(catalog)
    speeds = rankings.fastest(catalog)
    measured = [h for s in speeds for _, h in s.rows]
    found = tuple(c for b in catalog.benchmarks if (c := charts.quality_vs_ram(catalog, b)))
    context = {
        "tiers": tiers,
        "speeds": speeds,
        "charts": found,
        "meta": pagemeta.meta(catalog, [*([r.score, r.ram] for t in tiers for r in t.ranking.all_rows), measured]),
        "related": guides(catalog, site.plan, page),
    }
    return Content(context, charts=found)


TYPE = PageType(
    "hardware", "hardware.md.j2", _plan, _content, fixed("Hardware guide: best models for your RAM"), guide=True
)

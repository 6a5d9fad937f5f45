"""The index of leaderboards: one per benchmark category, one per benchmark."""

from __future__ import annotations

from generator.derive import pagemeta
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, fixed, guides


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("leaderboards/index.md")]


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    boards = [(c, plan.find("leaderboard", c.id)) for c in catalog.categories.values()]
    benches = [(b, plan.find("benchmark", b.id)) for b in catalog.benchmarks.values()]
    context = {
        "boards": [(c, p) for c, p in boards if p],
        "benches": [(b, p) for b, p in benches if p],
        "meta": pagemeta.meta(catalog, []),
        "related": guides(catalog, plan, page),
    }
    return Content(context)


TYPE = PageType("leaderboards-index", "leaderboards-index.md.j2", _plan, _content, fixed("Leaderboards"), guide=True)

"""The index of model-vs-model pages: every pair that has one, and why."""

from __future__ import annotations

from generator.derive import neighbours, pagemeta
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, fixed, guides


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("matchups/index.md")]


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    pairs = neighbours.model_pairs(catalog)
    found = [(p, pairs[p.key]) for p in plan.of("model-pair")]
    context = {
        "matchups": found,
        "neighbours": neighbours.COUNTS,
        "meta": pagemeta.meta(catalog, []),
        "related": guides(catalog, plan, page),
    }
    return Content(context)


TYPE = PageType("matchups-index", "matchups-index.md.j2", _plan, _content, fixed("Model matchups"), guide=True)

"""Pricing and API availability: every offer, by family and by provider."""

from __future__ import annotations

from generator.derive import market, pagemeta
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, all_but_scores, fixed, guides


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("pricing/index.md")]


def _content(site: Site, page: Page) -> Content:
    catalog = site.catalog
    providers = market.by_provider(catalog)
    context = {
        "families": market.availability(catalog),
        "providers": providers,
        "meta": pagemeta.meta(catalog, [r.offer for p in providers for r in p.rows]),
        "related": guides(catalog, site.plan, page),
    }
    return Content(context)


TYPE = PageType(
    "pricing",
    "pricing.md.j2",
    _plan,
    _content,
    fixed("Pricing and API availability"),
    guide=True,
    inputs=all_but_scores,
)

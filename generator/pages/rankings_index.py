"""The index of use-case rankings ("best for coding on 16 GB", ...)."""

from __future__ import annotations

from generator.derive import pagemeta
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, fixed, guides


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("best/index.md")]


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    rules = catalog.rankings.rankings if catalog.rankings else []
    found = [(r, p) for r in rules if (p := plan.find("ranking", r.id))]
    return Content({"rules": found, "meta": pagemeta.meta(catalog, []), "related": guides(catalog, plan, page)})


TYPE = PageType("rankings-index", "rankings-index.md.j2", _plan, _content, fixed("Best models by use case"), guide=True)

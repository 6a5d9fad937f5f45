"""The index of model matchups."""

from __future__ import annotations

from generator.derive import pagemeta
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, fixed, guides
from generator.pages.matchup import pick_of


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("matchups/index.md")]


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    found = [(p, pick_of(catalog, p)) for p in plan.of("matchup")]
    return Content({"matchups": found, "meta": pagemeta.meta(catalog, []), "related": guides(catalog, plan, page)})


TYPE = PageType("matchups-index", "matchups-index.md.j2", _plan, _content, fixed("Model matchups"), guide=True)

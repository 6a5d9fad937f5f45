"""The home page: the compare form, featured comparisons and matchups, the latest releases, the guides,
and the table of every model."""

from __future__ import annotations

from generator.derive import model_table, pagemeta, timeline
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages import matchup
from generator.pages.base import Content, PageType, Site, entries, fixed

LATEST_RELEASES = 5


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("index.md")]


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    featured = [p for p in plan.of("comparison") if (c := catalog.comparison(*p.key)) and c.featured]
    curated = [p for p in plan.of("matchup") if (pick := matchup.pick_of(catalog, p)) and pick.curated]
    latest = timeline.releases(catalog)[:LATEST_RELEASES]
    table = model_table.model_table(catalog)
    rules = catalog.rankings.rankings if catalog.rankings else []
    featured_rankings = [p for r in rules if r.featured and (p := plan.find("ranking", r.id))]
    context = {
        "featured": featured,
        "featured_matchups": entries(catalog, curated),
        "latest": latest,
        "guides": entries(catalog, [*plan.guides, *featured_rankings]),
        "table": table,
        "meta": pagemeta.meta(catalog, [[r.figure for r in latest], *_table_figures(table)]),
        "related": [],
        "plan": plan,
    }
    return Content(context)


def _table_figures(table: model_table.ModelTable) -> list[list[object]]:
    """What the table cites, for the page's sources and its date."""
    return [[r.license, r.context, r.modalities, r.ram, *r.scores] for r in table.rows]


TYPE = PageType("home", "home.md.j2", _plan, _content, fixed("Home"))

"""The releases timeline: every dated release, by year, with the timeline chart."""

from __future__ import annotations

from generator.derive import charts, pagemeta, timeline
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, all_but_scores, fixed, guides


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("releases/index.md")]


def _content(site: Site, page: Page) -> Content:
    catalog = site.catalog
    found = timeline.releases(catalog)
    chart = charts.releases_timeline(catalog)
    context = {
        "years": timeline.by_year(found),
        "chart": chart,
        "undated": timeline.undated_families(catalog),
        "meta": pagemeta.meta(catalog, [r.figure for r in found]),
        "related": guides(catalog, site.plan, page),
    }
    return Content(context, charts=(chart,) if chart else ())


TYPE = PageType(
    "releases",
    "releases.md.j2",
    _plan,
    _content,
    fixed("Releases timeline"),
    guide=True,
    inputs=all_but_scores,
)

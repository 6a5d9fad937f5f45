"""The page types of the site, one module each, and the two things the build does with them: plan
every page once, and render one page from its facts.

To add a page type, write its module (a `TYPE = PageType(...)`, see base.py) and its template, and
add the module to `PAGE_TYPES` below; README.md's "Adding a page type" walks through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.derive.charts import Chart
from generator.derive.site import Page, Redirect, SitePlan, check_unique_outputs
from generator.model import Catalog
from generator.pages import (
    benchmark,
    compare_index,
    comparison,
    data_and_methods,
    data_quality,
    families_index,
    family,
    guide,
    hardware,
    home,
    leaderboard,
    leaderboards_index,
    matchup,
    matchups_index,
    model,
    pricing,
    ranking,
    rankings_index,
    releases,
)
from generator.pages.base import PageType, Site
from generator.render.cite import Citations
from generator.render.pages import Links, render_markdown

PAGE_TYPES: tuple[PageType, ...] = tuple(
    module.TYPE
    for module in (
        home,
        compare_index,
        families_index,
        data_and_methods,
        data_quality,
        family,
        model,
        comparison,
        # Section guides, in the order the home page and the guides' related links list them.
        guide,
        matchups_index,
        leaderboards_index,
        hardware,
        rankings_index,
        pricing,
        releases,
        matchup,
        leaderboard,
        benchmark,
        ranking,
    )
)


def plan(catalog: Catalog, types: tuple[PageType, ...] = PAGE_TYPES) -> SitePlan:
    """Every page and redirect of the site, in path order, each type asked once."""
    pages: list[Page] = []
    redirects: list[Redirect] = []
    for page_type in types:
        for item in page_type.plan(catalog):
            (pages if isinstance(item, Page) else redirects).append(item)
    pages.sort(key=lambda p: p.path)
    redirects.sort(key=lambda r: r.path)
    check_unique_outputs(pages, redirects)
    guides = tuple(p for t in types if t.guide for p in pages if p.type is t)
    return SitePlan(tuple(pages), tuple(redirects), tuple(t.name for t in types), guides)


@dataclass(frozen=True)
class Rendered:
    """One page as the build writes it: its Markdown, the charts it embeds and its other files."""

    markdown: str
    charts: tuple[Chart, ...]
    files: Mapping[str, bytes]


def render(site: Site, page: Page) -> Rendered:
    """A page of the plan from its facts, derived once here: the template formats them, the charts
    and files come from the same facts."""
    page_type: PageType = page.type  # type: ignore[assignment]
    content = page_type.content(site, page)
    catalog = site.catalog
    context = {
        **content.context,
        "catalog": catalog,
        "page": page,
        "links": Links(site.plan, page.path),
        "site": catalog.site,
        "provenance": site.provenance,
        "citations": Citations(catalog, site.provenance),
    }
    return Rendered(render_markdown(page_type.template, context), content.charts, content.files)

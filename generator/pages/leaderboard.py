"""A category's leaderboard: every model with a score there, ranked, with the category's chart."""

from __future__ import annotations

from generator.derive import charts, pagemeta, rankings
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, entries, ranking_meta, scored_families


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page(f"leaderboards/{c}.md", c) for c in catalog.categories if rankings.category_board(catalog, c)]


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    board = rankings.category_board(catalog, page.key[0])
    assert board is not None, "the plan has a leaderboard only for a category with a board"
    related = [p for b in board.benchmarks if (p := plan.find("benchmark", b.id))]
    chart = charts.category_leaderboard(catalog, page.key[0])
    context = {
        "board": board,
        "rows": list(zip(board.ranking.all_rows, board.cells, strict=True)),
        "chart": chart,
        "meta": ranking_meta(catalog, [board.ranking]),
        "related": entries(catalog, related)[: pagemeta.RELATED_LIMIT],
    }
    return Content(context, charts=(chart,) if chart else ())


def _title(catalog: Catalog, page: Page) -> str:
    return f"{catalog.categories[page.key[0]].name} leaderboard"


def _inputs(catalog: Catalog, page: Page) -> frozenset[str]:
    """The families with a score in the category: no other family's data is on its leaderboard."""
    return scored_families(catalog, {b.id for b in catalog.benchmarks.values() if b.category == page.key[0]})


TYPE = PageType("leaderboard", "leaderboard.md.j2", _plan, _content, _title, inputs=_inputs)

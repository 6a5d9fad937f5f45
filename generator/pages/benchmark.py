"""A benchmark's leaderboard: one ranking per setting it was measured in."""

from __future__ import annotations

from generator.derive import pagemeta, rankings
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, entries, ranking_meta, scored_families


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    found: list[Page | Redirect] = [Redirect("benchmarks/index.html", "leaderboards/")]
    found += [TYPE.page(f"benchmarks/{b}.md", b) for b in catalog.benchmarks if rankings.benchmark_board(catalog, b)]
    return found


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    bench = catalog.benchmarks[page.key[0]]
    boards = rankings.benchmark_board(catalog, bench.id)
    siblings = [
        p for b in catalog.benchmarks.values() if b.category == bench.category and (p := plan.find("benchmark", b.id))
    ]
    board = plan.find("leaderboard", bench.category)
    related = entries(catalog, [p for p in [board, *siblings] if p and p != page])
    context = {
        "bench": bench,
        "category": catalog.categories[bench.category],
        "boards": boards,
        "meta": ranking_meta(catalog, [b.ranking for b in boards]),
        "related": related[: pagemeta.RELATED_LIMIT],
    }
    return Content(context)


def _title(catalog: Catalog, page: Page) -> str:
    return f"{catalog.benchmarks[page.key[0]].name} leaderboard"


def _inputs(catalog: Catalog, page: Page) -> frozenset[str]:
    """The families with a score on the benchmark: no other family's data is on its leaderboard."""
    return scored_families(catalog, {page.key[0]})


TYPE = PageType("benchmark", "benchmark.md.j2", _plan, _content, _title, inputs=_inputs)

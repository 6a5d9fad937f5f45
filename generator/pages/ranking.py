"""A use-case ranking of data/rankings.yaml: the models that qualify, ordered by its benchmarks."""

from __future__ import annotations

from generator import schema
from generator.derive import rankings
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, guides, ranking_meta


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page(f"best/{found.rule.id}.md", found.rule.id) for found in rankings.use_cases(catalog)]


def _rule(catalog: Catalog, page: Page) -> schema.Ranking:
    return next(r for r in catalog.rankings.rankings if r.id == page.key[0])  # type: ignore[union-attr]


def _content(site: Site, page: Page) -> Content:
    catalog = site.catalog
    rule = _rule(catalog, page)
    found = rankings.use_case(catalog, rule)
    assert found is not None, "the plan has a ranking page only where a model qualifies"
    context = {
        "rule": rule,
        "ranking": found.ranking,
        "meta": ranking_meta(catalog, [found.ranking]),
        "related": guides(catalog, site.plan, page),
    }
    return Content(context)


def _title(catalog: Catalog, page: Page) -> str:
    return _rule(catalog, page).title


TYPE = PageType("ranking", "ranking.md.j2", _plan, _content, _title)

"""What a page type is, and the few helpers several page types share.

A page type is declared once, in its own module (`generator/pages/<name>.py`), as a `PageType`: its
name (how links address its pages), its template, which pages and redirects it implies, how links
elsewhere title one of its pages, and its `content`: the facts a page states, derived once, with the
charts it embeds and any other file it publishes. The build walks the registry in
`generator/pages/__init__.py`; nothing else needs to know the type exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator import schema
from generator.derive import pagemeta, provenance, rankings
from generator.derive.charts import Chart
from generator.derive.site import Page, Redirect, SitePlan
from generator.model import Catalog

Context = dict[str, Any]


@dataclass(frozen=True)
class Site:
    """What every page's content is built from: the catalog, the site's map, the figures' provenance
    (dated to the build's reference day) and the address the site is published at."""

    catalog: Catalog
    plan: SitePlan
    provenance: provenance.Provenance
    url: str = "/"


@dataclass(frozen=True)
class Content:
    """One page's facts for its template, and what else the page brings to the site."""

    context: Context
    charts: tuple[Chart, ...] = ()
    """The charts the page embeds: each is drawn (or taken from the cache) once, for this page."""
    files: Mapping[str, bytes] = field(default_factory=dict)
    """Other files the page publishes, by path in the docs folder (an embed card, the picker's data)."""


@dataclass(frozen=True, eq=False)
class PageType:
    name: str
    template: str
    plan: Callable[[Catalog], Iterable[Page | Redirect]]
    content: Callable[[Site, Page], Content]
    title: Callable[[Catalog, Page], str]
    guide: bool = False
    """A section guide: listed on the home page and among the guides' related links, in registry order."""

    def page(self, path: str, *key: str) -> Page:
        return Page(path, self, key)


def fixed(title: str) -> Callable[[Catalog, Page], str]:
    """The title of a page type with one page (a section index)."""
    return lambda catalog, page: title


def entries(catalog: Catalog, pages: Iterable[Page]) -> list[tuple[str, str]]:
    """(title, path) of each page, as related links and lists name them."""
    return [(page.type.title(catalog, page), page.path) for page in pages]  # type: ignore[attr-defined]


def guides(catalog: Catalog, plan: SitePlan, current: Page | None = None) -> list[tuple[str, str]]:
    """The section guides, then each use-case ranking: the guides' related links."""
    pages = [p for p in (*plan.guides, *plan.of("ranking")) if p != current]
    return entries(catalog, pages)[: pagemeta.RELATED_LIMIT]


def browse_index(site: Site, page: Page) -> Context:
    """The comparison and family indexes: no figures of their own, so no sources; dated by the data."""
    catalog = site.catalog
    updated = pagemeta.meta(catalog, list(catalog.families.values())).updated
    return {"plan": site.plan, "meta": pagemeta.PageMeta((), updated), "related": guides(catalog, site.plan, page)}


def matchups_of(plan: SitePlan, models: Iterable[schema.Model]) -> tuple[Page, ...]:
    """The matchup pages of these models, in path order."""
    found = {p.path: p for m in models for p in plan.involving("matchup", m.id)}
    return tuple(found[k] for k in sorted(found))


def ranking_meta(catalog: Catalog, found: Iterable[rankings.Ranking]) -> pagemeta.PageMeta:
    """The sources and date of ranked rows: their scores and the RAM measurements beside them."""
    return pagemeta.meta(catalog, [[r.score, r.ram] for ranking in found for r in ranking.all_rows])

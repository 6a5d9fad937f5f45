"""Which pages the data implies, at which paths: the site's map, decided once for every link.

Paths are relative to the generated docs folder. A comparison's canonical path puts the families in
alphabetical order; the other order and every old alias get a redirect, so an article's link keeps
working whichever way round it was written or however the model was renamed since.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from generator.derive.comparison import pair_slug
from generator.model import Catalog, pair_key


@dataclass(frozen=True)
class Page:
    path: str
    kind: str
    key: tuple[str, ...] = ()


@dataclass(frozen=True)
class Redirect:
    """A static HTML page at an old or reversed address that sends the reader to the canonical page."""

    path: str
    target: str


@dataclass(frozen=True)
class SitePlan:
    pages: tuple[Page, ...]
    redirects: tuple[Redirect, ...]
    by_key: Mapping[tuple[str, tuple[str, ...]], Page]

    def find(self, kind: str, *key: str) -> Page | None:
        return self.by_key.get((kind, key))

    def pairs(self) -> tuple[Page, ...]:
        return tuple(p for p in self.pages if p.kind == "comparison")


INDEX_PAGES = (
    Page("index.md", "home"),
    Page("compare/index.md", "compare-index"),
    Page("families/index.md", "families-index"),
    Page("data-and-methods.md", "data-and-methods"),
    Page("data-quality.md", "data-quality"),
)


def plan(catalog: Catalog) -> SitePlan:
    pages: list[Page] = list(INDEX_PAGES)
    if catalog.guide:
        pages.append(Page("guide.md", "guide"))
    redirects: list[Redirect] = []
    for family in catalog.families.values():
        pages.append(Page(f"families/{family.id}.md", "family", (family.id,)))
        redirects.extend(Redirect(f"families/{alias}/index.html", f"families/{family.id}/") for alias in family.aliases)
    for model in catalog.models.values():
        pages.append(Page(f"models/{model.id}.md", "model", (model.id,)))
        redirects.extend(Redirect(f"models/{alias}/index.html", f"models/{model.id}/") for alias in model.aliases)
    for first, second in itertools.combinations(sorted(catalog.families), 2):
        slug = pair_slug(first, second)
        pages.append(Page(f"compare/{slug}.md", "comparison", pair_key(first, second)))
        names_a = [first, *catalog.families[first].aliases]
        names_b = [second, *catalog.families[second].aliases]
        for x, y in itertools.product(names_a, names_b):
            for left, right in ((x, y), (y, x)):
                if f"{left}-vs-{right}" != slug:
                    redirects.append(Redirect(f"compare/{left}-vs-{right}/index.html", f"compare/{slug}/"))
    pages.sort(key=lambda p: p.path)
    redirects.sort(key=lambda r: r.path)
    by_key = MappingProxyType({(p.kind, p.key): p for p in pages})
    return SitePlan(tuple(pages), tuple(redirects), by_key)

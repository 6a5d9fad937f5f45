"""Which pages the data implies, at which paths: the site's map, decided once for every link.

Paths are relative to the generated docs folder. A comparison's canonical path puts the families in
alphabetical order; the other order and every old alias get a redirect, so an article's link keeps
working whichever way round it was written or however the model was renamed since.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from generator.derive import rankings
from generator.derive.comparison import pair_slug
from generator.derive.matchup import matchup_slug, matchups
from generator.errors import DataError, DataErrors, Location
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

    def involving(self, kind: str, ident: str) -> tuple[Page, ...]:
        """Pages of a kind whose key names this id (a family's pairs, a model's matchups), in path order."""
        return self._by_member.get((kind, ident), ())

    @cached_property
    def _by_member(self) -> Mapping[tuple[str, str], tuple[Page, ...]]:
        # Built once per plan: looking pairs up by scanning every page from every page is quadratic.
        index: dict[tuple[str, str], list[Page]] = {}
        for page in self.pages:
            for ident in page.key:
                index.setdefault((page.kind, ident), []).append(page)
        return MappingProxyType({k: tuple(v) for k, v in index.items()})


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
    guide_pages, guide_redirects = _guide_pages(catalog)
    pages.extend(guide_pages)
    redirects.extend(guide_redirects)
    pages.sort(key=lambda p: p.path)
    redirects.sort(key=lambda r: r.path)
    _check_unique_outputs(pages, redirects)
    by_key = MappingProxyType({(p.kind, p.key): p for p in pages})
    return SitePlan(tuple(pages), tuple(redirects), by_key)


GUIDE_INDEXES = (
    Page("matchups/index.md", "matchups-index"),
    Page("leaderboards/index.md", "leaderboards-index"),
    Page("hardware/index.md", "hardware"),
    Page("best/index.md", "rankings-index"),
    Page("pricing/index.md", "pricing"),
    Page("releases/index.md", "releases"),
)
"""Section indexes in the nav: they always exist (saying so when the data has nothing for them yet),
so the nav never points at a missing page."""


def _guide_pages(catalog: Catalog) -> tuple[list[Page], list[Redirect]]:
    """Matchups, leaderboards and rankings: a page only where the data has something to show."""
    pages = list(GUIDE_INDEXES)
    redirects = [Redirect("benchmarks/index.html", "leaderboards/")]
    for pick in matchups(catalog).values():
        first, second = sorted(pick.models)
        slug = matchup_slug(first, second)
        pages.append(Page(f"matchups/{slug}.md", "matchup", (first, second)))
        names = [[m, *catalog.models[m].aliases] for m in (first, second)]
        redirects.extend(
            Redirect(f"matchups/{old}/index.html", f"matchups/{slug}/") for old in _other_orders(*names, slug)
        )
    for category in catalog.categories:
        if rankings.category_board(catalog, category):
            pages.append(Page(f"leaderboards/{category}.md", "leaderboard", (category,)))
    for benchmark in catalog.benchmarks:
        if rankings.benchmark_board(catalog, benchmark):
            pages.append(Page(f"benchmarks/{benchmark}.md", "benchmark", (benchmark,)))
    for found in rankings.use_cases(catalog):
        pages.append(Page(f"best/{found.rule.id}.md", "ranking", (found.rule.id,)))
    return pages, redirects


def _other_orders(names_a: list[str], names_b: list[str], canonical: str) -> list[str]:
    """Every `x-vs-y` slug, either way round and with old aliases, except the canonical one."""
    slugs = {f"{left}-vs-{right}" for x in names_a for y in names_b for left, right in ((x, y), (y, x))}
    return sorted(slugs - {canonical})


def output_path(page: Page) -> str:
    """The HTML file MkDocs writes for a page (directory URLs: `a/b.md` -> `a/b/index.html`)."""
    stem = page.path[: -len(".md")]
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def _check_unique_outputs(pages: list[Page], redirects: list[Redirect]) -> None:
    """Ids such as `index`, or a model pair whose slug reads like another, could make two pages claim
    one address; refuse to build rather than let one silently overwrite the other."""
    seen: dict[str, str] = {}
    clashes = []
    for path, what in [(output_path(p), f"the {p.kind} page {p.path}") for p in pages] + [
        (r.path, f"redirect to {r.target}") for r in redirects
    ]:
        if path in seen:
            clashes.append(DataError(Location("data"), f"{what} and {seen[path]} would both be written to {path}"))
        seen.setdefault(path, what)
    if clashes:
        raise DataErrors(clashes)

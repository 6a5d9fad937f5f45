"""What a page type is, and the few helpers several page types share.

A page type is declared once, in its own module (`generator/pages/<name>.py`), as a `PageType`: its
name (how links address its pages), its template, which pages and redirects it implies, how links
elsewhere title one of its pages, and its `content`: the facts a page states, derived once, with the
charts it embeds and any other file it publishes. The build walks the registry in
`generator/pages/__init__.py`; nothing else needs to know the type exists.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from generator import schema
from generator.derive import pagemeta, provenance, rankings
from generator.derive.charts import Chart
from generator.derive.comparison import pair_slug
from generator.derive.site import Page, Redirect, SitePlan, other_orders
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
    inputs: Callable[[Catalog, Page], frozenset[str] | None] = lambda catalog, page: None
    """The families whose data one of its pages shows besides their names (a family id; or
    `scores_input` for its scores on one benchmark only, `model_input` for one model's scores only,
    `without_scores_input` for none of its scores); None (the default): any family's. A build
    renders again only the pages that show an edited family (incremental.py in `make serve`,
    page_cache.py in every build)."""

    def page(self, path: str, *key: str) -> Page:
        return Page(path, self, key)


def scores_input(family_id: str, benchmark_id: str) -> str:
    """A page's input (PageType.inputs) for a family's scores on one benchmark, and the rest of the
    family but its other scores."""
    return f"{family_id}:{benchmark_id}"


def without_scores_input(family_id: str) -> str:
    """A page's input for a family's data but its scores."""
    return f"{family_id}:"


def model_input(family_id: str, model_id: str) -> str:
    """A page's input for one model's scores (on every benchmark), and the rest of its family but the
    other models' scores: a page about one or two models (a model's page, a matchup)."""
    return f"{family_id}/{model_id}"


class InputPart(NamedTuple):
    """What of a family an input names (or a change touched, incremental.touched): all of it (a family
    id: `benchmark` and `model` None), all but its scores (`benchmark` ""), and of its scores those on
    one benchmark (`benchmark`) or of one model (`model`)."""

    family: str
    benchmark: str | None = None
    model: str | None = None

    @property
    def whole(self) -> bool:
        return self.benchmark is None and self.model is None


def input_parts(name: str) -> InputPart:
    """An input's family id and what of the family it names (InputPart)."""
    family_id, slash, model = name.partition("/")
    if slash:
        return InputPart(family_id, model=model)
    family_id, colon, benchmark = name.partition(":")
    return InputPart(family_id, benchmark if colon else None)


def scored_families(catalog: Catalog, benchmarks: set[str]) -> frozenset[str]:
    """The inputs of a leaderboard: each family's scores on these benchmarks (`scores_input`)
    where it has any; no other score of the family is on the page."""
    return frozenset(
        scores_input(catalog.family_of[m.id], s.benchmark)
        for m in catalog.models.values()
        for s in m.scores
        if s.benchmark in benchmarks
    )


def all_but_scores(catalog: Catalog, page: Page | None = None) -> frozenset[str]:
    """The inputs (PageType.inputs) of a page that shows every family's data but none of their scores
    (offers, dates, sizes): a score edit leaves it alone."""
    return frozenset(without_scores_input(f) for f in catalog.families)


def kin(catalog: Catalog, family_id: str) -> frozenset[str]:
    """A family and its lineage: predecessor, successor, its dedicated variants, the families it is a
    variant of. A family's page shows their data; a comparison shows its sides' variants' scores."""
    family = catalog.families[family_id]
    found = {family_id, family.predecessor, family.successor, *(v.id for v in catalog.variants_of(family_id))}
    found |= {f.id for f in catalog.families.values() if f.variants and family_id in f.variants.value}
    return frozenset(f for f in found if f)


def model_inputs(catalog: Catalog, model_id: str) -> frozenset[str]:
    """The inputs of a page about a model: the model (`model_input`: its scores, its family's data but
    its siblings' scores, which the page does not show) and its family's lineage, whole."""
    family_id = catalog.family_of[model_id]
    return frozenset({model_input(family_id, model_id)} | (kin(catalog, family_id) - {family_id}))


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
    """The model-vs-model pages of these models, in path order."""
    found = {p.path: p for m in models for p in plan.involving("model-pair", m.id)}
    return tuple(found[k] for k in sorted(found))


EARLIER_PAIRS = Path(__file__).with_name("earlier-pairs.txt")


@functools.cache
def earlier_pairs(folder: str) -> tuple[tuple[str, str], ...]:
    """The `<folder>/<a>-vs-<b>` pages the site published before pairs were chosen by neighbours
    (earlier-pairs.txt): each keeps an address, a redirect where it is no longer a page."""
    lines = EARLIER_PAIRS.read_text(encoding="utf-8").splitlines()
    slugs = [line.removeprefix(f"{folder}/") for line in lines if line.startswith(f"{folder}/")]
    return tuple(tuple(slug.split("-vs-", 1)) for slug in slugs)  # type: ignore[misc]


@dataclass(frozen=True)
class EarlierPair:
    """A pair the site published before pairs were chosen by neighbours that is no longer a page."""

    ids: tuple[str, str]
    query: str
    """The compare page's query that shows the pair now (`f=a&f=b`, `m=a&m=b`)."""


def pair_pages(
    page_type: PageType,
    folder: str,
    pairs: Iterable[tuple[str, str]],
    names: Callable[[str], list[str]],
    param: str,
    aliases: Mapping[str, str],
) -> tuple[list[Page | Redirect], list[EarlierPair]]:
    """A pair page type's plan: one page per pair at `<folder>/<a>-vs-<b>`, redirects from the other
    orders and old ids (`names(id)`: the id, then its aliases), and redirects to the compare page for
    the pairs published earlier that are no longer pages, which are returned too, so that a page type
    can keep their other files' addresses (a comparison's embed card)."""
    found: list[Page | Redirect] = []
    for first, second in pairs:
        slug = pair_slug(first, second)
        found.append(page_type.page(f"{folder}/{slug}.md", first, second))
        orders = other_orders(names(first), names(second), slug)
        found.extend(Redirect(f"{folder}/{old}/index.html", f"{folder}/{slug}/") for old in orders)
    taken = {p.path.removesuffix(".md") for p in found if isinstance(p, Page)}
    taken |= {p.path.removesuffix("/index.html") for p in found if isinstance(p, Redirect)}
    gone: list[EarlierPair] = []
    for a, b in earlier_pairs(folder):
        query = "&".join(f"{param}={aliases.get(x, x)}" for x in (a, b))
        for left, right in ((a, b), (b, a)):
            if f"{folder}/{left}-vs-{right}" not in taken:
                found.append(Redirect(f"{folder}/{left}-vs-{right}/index.html", "compare/", query))
        if f"{folder}/{a}-vs-{b}" not in taken:
            gone.append(EarlierPair((a, b), query))
    return found, gone


def ranking_meta(catalog: Catalog, found: Iterable[rankings.Ranking]) -> pagemeta.PageMeta:
    """The sources and date of ranked rows: their scores and the RAM measurements beside them."""
    return pagemeta.meta(catalog, [[r.score, r.ram] for ranking in found for r in ranking.all_rows])

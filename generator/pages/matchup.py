"""A model matchup: one model of each family of a pair, side by side (one page per family pair)."""

from __future__ import annotations

from generator.derive import matchup, pagemeta
from generator.derive.matchup import matchup_slug
from generator.derive.site import Page, Redirect, other_orders
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, entries


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    found: list[Page | Redirect] = []
    for pick in matchup.matchups(catalog).values():
        first, second = sorted(pick.models)
        slug = matchup_slug(first, second)
        found.append(TYPE.page(f"matchups/{slug}.md", first, second))
        names = [[m, *catalog.models[m].aliases] for m in (first, second)]
        found.extend(Redirect(f"matchups/{old}/index.html", f"matchups/{slug}/") for old in other_orders(*names, slug))
    return found


def pick_of(catalog: Catalog, page: Page) -> matchup.Pick | None:
    """The pick a matchup page shows."""
    return matchup.pick_for(catalog, *(catalog.family_of[m] for m in page.key))


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    a, b = (catalog.family_of[m] for m in page.key)
    found = matchup.describe(catalog, matchup.pick_for(catalog, a, b))  # type: ignore[arg-type]
    pair_page = plan.find("comparison", *sorted((a, b)))
    others = [p for f in (a, b) for p in plan.involving("comparison", f) if p != pair_page]
    others_matchups = [p for f in (a, b) for m in catalog.family_models(f) for p in plan.involving("matchup", m.id)]
    related = entries(catalog, dict.fromkeys([*others_matchups, *others]))
    related = [r for r in related if r[1] != page.path]
    context = {
        "m": found,
        "pair_page": pair_page,
        "meta": pagemeta.meta(catalog, [*found.models, *(f.license for f in found.families)]),
        "related": related[: pagemeta.RELATED_LIMIT],
    }
    return Content(context)


def _title(catalog: Catalog, page: Page) -> str:
    pick = pick_of(catalog, page)
    return " vs ".join(catalog.models[m].name for m in (pick.models if pick else page.key))


TYPE = PageType("matchup", "matchup.md.j2", _plan, _content, _title)

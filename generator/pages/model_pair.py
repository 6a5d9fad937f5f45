"""Model vs model: two models of different families side by side, for each model against its nearest
neighbours by size and release date, every curated matchup and the matchup each family comparison
names (derive/neighbours.py decides which pairs; the count is linear in the models).

Pages live at `matchups/<a>-vs-<b>/` (ids in alphabetical order); the other order and old aliases
redirect there. A matchup published before the pairs were chosen this way, and no longer a page,
redirects to the compare page (`compare/?m=a&m=b`); so does any other pair, through the 404 page.
"""

from __future__ import annotations

from generator.derive import matchup, neighbours, pagemeta
from generator.derive.site import Page, Redirect
from generator.model import Catalog, pair_key
from generator.pages.base import Content, PageType, Site, entries, model_inputs, pair_pages

FOLDER = "matchups"


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    found, _ = pair_pages(
        TYPE, FOLDER, neighbours.model_pairs(catalog), lambda m: [m, *catalog.models[m].aliases], "m", catalog.aliases
    )
    return found


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    pair = neighbours.model_pairs(catalog)[pair_key(*page.key)]
    found = matchup.describe(catalog, pair.models)
    a, b = (catalog.family_of[m] for m in pair.models)
    pair_page = plan.find("comparison", *pair_key(a, b))
    others = [p for f in (a, b) for p in plan.involving("comparison", f) if p != pair_page]
    others_pairs = [p for f in (a, b) for m in catalog.family_models(f) for p in plan.involving(TYPE.name, m.id)]
    related = [r for r in entries(catalog, dict.fromkeys([*others_pairs, *others])) if r[1] != page.path]
    context = {
        "m": found,
        "reasons": pair.reasons,
        "close": neighbours.closeness(catalog, pair.models),
        "pair_page": pair_page,
        "meta": pagemeta.meta(catalog, [*found.models, *(f.license for f in found.families)]),
        "related": related[: pagemeta.RELATED_LIMIT],
    }
    return Content(context)


def _title(catalog: Catalog, page: Page) -> str:
    shown = neighbours.model_pairs(catalog)[pair_key(*page.key)].models
    return " vs ".join(catalog.models[m].name for m in shown)


def curated(catalog: Catalog, page: Page) -> bool:
    """A pair an editor chose (a comparison file's `matchup:`)."""
    return "curated" in neighbours.model_pairs(catalog)[pair_key(*page.key)].reasons


def _inputs(catalog: Catalog, page: Page) -> frozenset[str]:
    """Each side's model, its family but for the other models' scores, and the family's lineage."""
    return frozenset().union(*(model_inputs(catalog, m) for m in page.key))


TYPE = PageType("model-pair", "model-pair.md.j2", _plan, _content, _title, inputs=_inputs)

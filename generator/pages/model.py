"""A model's page: its specs, how to run it, its scores, measurements, offers and matchups."""

from __future__ import annotations

from generator.derive import market, memory, pagemeta, quality
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, entries, matchups_of, model_inputs


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    found: list[Page | Redirect] = []
    for model in catalog.models.values():
        found.append(TYPE.page(f"models/{model.id}.md", model.id))
        found.extend(Redirect(f"models/{alias}/index.html", f"models/{model.id}/") for alias in model.aliases)
    return found


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    model = catalog.models[page.key[0]]
    family = catalog.model_family(model.id)
    siblings = [m for m in family.models if m.id != model.id]
    related = [(m.name, plan.find("model", m.id).path) for m in siblings]  # type: ignore[union-attr]
    boards = [p for s in model.scores if (p := plan.find("benchmark", s.benchmark))]
    context = {
        "model": model,
        "family": family,
        "pairs": list(plan.involving("comparison", family.id)),
        "maker": catalog.makers[family.maker],
        "successor": catalog.families[family.successor] if family.successor else None,
        "offers": market.offers_for_model(catalog, model.id),
        "memory": memory.model_memory(catalog, model.id),
        "license": catalog.model_license(model),
        "disputes": quality.disputes(catalog, model, family),
        "matchups": entries(catalog, matchups_of(plan, [model])),
        "meta": pagemeta.meta(catalog, [model, family.license, memory.model_memory(catalog, model.id).basis]),
        "related": (related + entries(catalog, dict.fromkeys(boards)))[: pagemeta.RELATED_LIMIT],
    }
    return Content(context)


def _title(catalog: Catalog, page: Page) -> str:
    return catalog.models[page.key[0]].name


def _inputs(catalog: Catalog, page: Page) -> frozenset[str]:
    return model_inputs(catalog, page.key[0])


TYPE = PageType("model", "model.md.j2", _plan, _content, _title, inputs=_inputs)

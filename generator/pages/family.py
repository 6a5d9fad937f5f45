"""A family's page: its models, specs, scores, measurements, offers, comparisons and matchups."""

from __future__ import annotations

from generator import schema
from generator.derive import facts, market, memory, pagemeta, quality
from generator.derive.facts import first_score
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, entries, kin, matchups_of


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    found: list[Page | Redirect] = []
    for family in catalog.families.values():
        found.append(TYPE.page(f"families/{family.id}.md", family.id))
        found.extend(Redirect(f"families/{alias}/index.html", f"families/{family.id}/") for alias in family.aliases)
    return found


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    family = catalog.families[page.key[0]]
    scored = [m for m in family.models if m.scores]
    benchmarks = [b for b in catalog.benchmarks.values() if any(first_score(m, b.id) for m in scored)]
    variant_of = [f for f in catalog.families.values() if f.variants and family.id in f.variants.value]
    kin_ids = [family.predecessor, family.successor, *(v.id for v in catalog.variants_of(family.id))]
    kin_ids += [f.id for f in variant_of]
    kin = [catalog.families[k] for k in dict.fromkeys(k for k in kin_ids if k)]
    same_maker = [
        f for f in catalog.families.values() if f.maker == family.maker and f.id != family.id and f not in kin
    ]
    related = [(f.name, plan.find("family", f.id).path) for f in [*kin, *same_maker]]  # type: ignore[union-attr]
    context = {
        "family": family,
        "maker": catalog.makers[family.maker],
        "pairs": list(plan.involving("comparison", family.id)),
        "range": facts.size_range(catalog, family.id),
        "licenses": facts.licenses(catalog, family.id),
        "disputes": quality.disputes(catalog, None, family),
        "architectures": facts.architectures(catalog, family.id),
        "max_context": facts.max_context(catalog, family.id),
        "family_modalities": facts.family_modalities(catalog, family.id),
        "variants": catalog.variants_of(family.id),
        "variant_of": variant_of,
        "score_models": scored,
        "score_rows": [(b, [first_score(m, b.id) for m in scored]) for b in benchmarks],
        "memory_rows": _memory_rows(catalog, family),
        "speed_profile": catalog.profiles[catalog.site.speed_profile],
        "measured": [(m, r) for m in family.models for r in memory.model_memory(catalog, m.id).measured],
        "ollama_models": facts.ollama_models(catalog, family.id),
        "offers": market.family_offers(catalog, family.id),
        "matchups": entries(catalog, matchups_of(plan, family.models)),
        "meta": pagemeta.meta(catalog, [family, *(r.basis for r in _memory_rows(catalog, family))]),
        "related": related[: pagemeta.RELATED_LIMIT],
    }
    return Content(context)


def _memory_rows(catalog: Catalog, family: schema.Family) -> tuple[memory.ModelRow, ...]:
    """The family's models as estimated (at the defaults, on the speed profile), smallest first."""
    profile = catalog.profiles[catalog.site.speed_profile]
    rows = [r for m in family.models if (r := memory.model_row(catalog, m, profile)) and r.estimate]
    return tuple(sorted(rows, key=lambda r: r.gb))


def _title(catalog: Catalog, page: Page) -> str:
    return catalog.families[page.key[0]].name


def _inputs(catalog: Catalog, page: Page) -> frozenset[str]:
    return kin(catalog, page.key[0])


TYPE = PageType("family", "family.md.j2", _plan, _content, _title, inputs=_inputs)

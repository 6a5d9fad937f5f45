"""Context builders of the two provenance pages: "Data and methods" (for readers) and "Data quality"
(for editors). Ages on these pages come from the page's `provenance` (dated to the injected "today");
what is computed here does not depend on the date.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from generator.derive import memory, provenance, quality
from generator.derive.site import Page, SitePlan
from generator.model import Catalog
from generator.render import format as fmt

# How each kind of criterion reads its threshold; the number itself always comes from data/criteria.yaml.
_RULES = {
    "category": "the leader of the category leads a comparable benchmark by at least {t} point{s}",
    "variants": "one family has at least {t} more dedicated variant famil{ies}",
    "ram": "the other family's comparable model needs at least {t}x the RAM, and the winner's fits limited hardware",
    "modalities": "one family takes at least {t} more input modalit{ies}",
    "context": "one family's longest context is at least {t}x the other's",
    "edge": "one family has edge models and the other has none",
    "speed": "the comparable model is at least {t}x as fast on the speed profile",
    "free_api": "one family has a free hosted API and the other has none",
    "price": "the other family's cheapest paid output price is at least {t}x the winner's",
    "license": "the winner's license is at least {t} step{s} more permissive in the order of data/criteria.yaml",
    "languages": "one family claims at least {t}x as many languages as the other",
}

_KIND_NAMES = {
    "official": "the model maker's own publication",
    "official-partner": "a maker's partner publishing on its behalf",
    "third-party": "an independent evaluation",
    "provider": "an API provider's page",
    "registry": "a model registry",
    "article": "an article",
}


def _structure(catalog: Catalog) -> provenance.Provenance:
    """Records for facts that do not depend on the date (who supports what, what is missing)."""
    return provenance.index(catalog, provenance.reference_date(catalog))


def methods(catalog: Catalog, plan: SitePlan, page: Page) -> dict[str, Any]:
    prov = _structure(catalog)
    kinds = Counter(r.source.kind for r in prov.records)
    return {
        "support": quality.source_support(catalog, prov),
        "kind_counts": tuple((_KIND_NAMES.get(k, k), n) for k, n in sorted(kinds.items())),
        "figure_count": len(prov.records),
        "maker_count": sum(1 for r in prov.records if r.self_reported),
        "rules": tuple(
            (_wording(c.pick, catalog), _rule(c.measure, c.threshold), catalog.categories.get(c.category or ""))
            for c in catalog.criteria
        ),
        "speed_profile": catalog.profiles[catalog.site.speed_profile],
        "formats": memory.formats(catalog),
        "overhead": catalog.memory.overhead_gb if catalog.memory else None,
        "file_checks": memory.file_checks(catalog),
        "accuracy": memory.accuracy(catalog),
        "memory_profiles": tuple(p for p in catalog.profiles.values() if p.capacity_gb),
    }


def quality_page(catalog: Catalog, plan: SitePlan, page: Page) -> dict[str, Any]:
    prov = _structure(catalog)
    return {
        "coverage": quality.coverage(catalog, prov),
        "conflicts": quality.conflicts(prov),
        "doubted": memory.doubted_figures(catalog),
        "not_derived": memory.not_derived(catalog),
    }


def _rule(measure: str, threshold: float) -> str:
    one = threshold == 1
    rule = _RULES.get(measure, "the difference it measures is at least {t}")  # a measure added since
    return rule.format(t=fmt.number(threshold, 2), s="" if one else "s", ies="y" if one else "ies")


def _wording(pick: str, catalog: Catalog) -> str:
    """A criterion's wording without a pair: placeholders a pair fills become "…", the site's limit is filled."""
    known = {"limit": fmt.number(catalog.site.limited_ram_gb)}
    return re.sub(r"\{([a-z_]+)\}", lambda m: known.get(m.group(1), "…"), pick)

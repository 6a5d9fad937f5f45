""" "Data and methods", for readers: where the figures come from, and the rules behind every verdict.

Ages on this page are dated to the build's reference day; the counts and rules do not depend on it.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.derive import comparison, memory, neighbours, quality
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, fixed
from generator.render import format as fmt

# How each kind of criterion reads its threshold; the number itself always comes from data/criteria.yaml.
_RULES = {
    "category": "the leader of the category leads a comparable benchmark by at least {t} point{s}",
    "variants": "one family has at least {t} more dedicated variant famil{ies}",
    "ram": "the other family's comparable model needs at least {t}x the RAM, and the winner's fits limited hardware",
    "modalities": "one family takes at least {t} more input modalit{ies}",
    "context": "one family's longest context is at least {t}x the other's",
    "edge": "one family has models its maker builds for on-device use, and every model of the other is "
    "either stated not to be or cannot fit the edge profile's memory (a small model of no stated purpose "
    "may be one, so it keeps the pick from being made)",
    "speed": "the comparable model is at least {t}x as fast on the speed profile",
    "free_api": 'one family has a free hosted API and the other has none on record ("needs a paid provider" only where a paid one is)',
    "price": "the other family's cheapest paid output price is at least {t}x the winner's",
    "license": "the winner's license is at least {t} step{s} more permissive in the order of data/criteria.yaml",
    "languages": "one family claims at least {t}x as many languages as the other",
}

# How the methods page names each evaluation setting the comparability rule can weigh.
_SETTING_NAMES = {
    "variant": "checkpoint",
    "effort": "reasoning effort",
    "shots": "number of examples",
    "cot": "use of chain of thought",
    "tools": "use of tools",
    "run_by": "evaluator",
}

_KIND_NAMES = {
    "official": "the model maker's own publication",
    "official-partner": "a maker's partner publishing on its behalf",
    "third-party": "an independent evaluation",
    "provider": "an API provider's page",
    "registry": "a model registry",
    "article": "an article",
}


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("data-and-methods.md")]


def _content(site: Site, page: Page) -> Content:
    catalog = site.catalog
    prov = site.provenance
    kinds = Counter(r.source.kind for r in prov.records)
    context = {
        "support": quality.source_support(catalog, prov),
        "kind_counts": tuple((_KIND_NAMES.get(k, k), n) for k, n in sorted(kinds.items())),
        "figure_count": len(prov.records),
        "maker_count": sum(1 for r in prov.records if r.self_reported),
        "rules": tuple(
            (_wording(c.pick, catalog), _rule(c.measure, c.threshold), catalog.categories.get(c.category or ""))
            for c in catalog.criteria
        ),
        "speed_profile": catalog.profiles[catalog.site.speed_profile],
        "neighbours": neighbours.COUNTS,
        "formats": memory.formats(catalog),
        "overhead": catalog.memory.overhead_gb if catalog.memory else None,
        "file_checks": memory.file_checks(catalog),
        "accuracy": memory.accuracy(catalog),
        "memory_profiles": tuple(p for p in catalog.profiles.values() if p.capacity_gb),
        "verdicts": catalog.verdicts,
        "min_bytes_per_param": comparison.MIN_BYTES_PER_PARAM,
        "settings_rule": {
            "must_match": [_SETTING_NAMES[f] for f in catalog.comparable.must_match],
            "match_if_stated": [_SETTING_NAMES[f] for f in catalog.comparable.match_if_stated],
        },
    }
    return Content(context)


def _rule(measure: str, threshold: float) -> str:
    one = threshold == 1
    rule = _RULES.get(measure, "the difference it measures is at least {t}")  # a measure added since
    return rule.format(t=fmt.number(threshold, 2), s="" if one else "s", ies="y" if one else "ies")


def _wording(pick: str, catalog: Catalog) -> str:
    """A criterion's wording without a pair: placeholders a pair fills become "…", the site's limit is filled."""
    known = {"limit": fmt.number(catalog.site.limited_ram_gb)}
    return re.sub(r"\{([a-z_]+)\}", lambda m: known.get(m.group(1), "…"), pick)


TYPE = PageType("data-and-methods", "data-and-methods.md.j2", _plan, _content, fixed("Data and methods"))

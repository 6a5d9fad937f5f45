"""The checked data as one frozen, indexed catalog: what every later stage reads, and nothing else.

Lookups by id are here so that derive and render never search lists. The catalog holds only what the
data says; anything computed from it (winners, ratios, picks) belongs to derive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import TypeVar

from generator import schema

T = TypeVar("T")


def _index(items: list[T], key: str = "id") -> Mapping[str, T]:
    return MappingProxyType({getattr(item, key): item for item in items})


@dataclass(frozen=True)
class Catalog:
    today: date
    """The build's reference day: the data was checked to hold no later date, and ages count to it."""
    site: schema.Site
    criteria: tuple[schema.Criterion, ...]
    makers: Mapping[str, schema.Maker]
    categories: Mapping[str, schema.Category]
    benchmarks: Mapping[str, schema.Benchmark]
    profiles: Mapping[str, schema.Profile]
    providers: Mapping[str, schema.Provider]
    sources: Mapping[str, schema.Source]
    families: Mapping[str, schema.Family]
    models: Mapping[str, schema.Model]
    family_of: Mapping[str, str]
    score_model: Mapping[int, str]
    """The model id of every score, by the score object's id (scores are found in lists, not by name)."""
    comparisons: Mapping[tuple[str, str], schema.Comparison]
    aliases: Mapping[str, str]
    comparable: schema.Comparable
    verdicts: schema.Verdicts
    evaluators: Mapping[str, schema.Evaluator]
    source_makers: Mapping[str, str | None]
    """Whose publication each source is (a maker id), the family's maker filled in where a family file's
    official source leaves it out; None for a third party's."""
    license_tiers: tuple[schema.LicenseTier, ...] = ()
    guide: schema.Guide | None = None
    rankings: schema.Rankings | None = None
    memory: schema.MemoryCatalog | None = None

    def family_models(self, family_id: str) -> tuple[schema.Model, ...]:
        return tuple(self.families[family_id].models)

    def model_family(self, model_id: str) -> schema.Family:
        return self.families[self.family_of[model_id]]

    def maker_of(self, family_id: str) -> schema.Maker:
        return self.makers[self.families[family_id].maker]

    def variants_of(self, family_id: str) -> tuple[schema.Family, ...]:
        variants = self.families[family_id].variants
        return tuple(self.families[v] for v in variants.value) if variants else ()

    def comparison(self, a: str, b: str) -> schema.Comparison | None:
        return self.comparisons.get(pair_key(a, b))

    def model_license(self, model: schema.Model) -> schema.Figure | None:
        """A model's own license where it states one, else its family's."""
        return model.license or self.model_family(model.id).license


def pair_key(a: str, b: str) -> tuple[str, str]:
    """The canonical order of a pair: alphabetical by id, so each pair has one URL."""
    first, second = sorted((a, b))
    return first, second


def build_catalog(objects: list[schema.Strict], today: date) -> Catalog:
    """Index checked objects; references were verified by validate (against `today`, the reference
    day), so lookups here cannot miss."""
    site = next(o for o in objects if isinstance(o, schema.Site))
    shared = next(o for o in objects if isinstance(o, schema.Shared))
    criteria = next(o for o in objects if isinstance(o, schema.Criteria))
    families = sorted((o for o in objects if isinstance(o, schema.Family)), key=lambda f: f.id)
    comparisons = [o for o in objects if isinstance(o, schema.Comparison)]
    memory = next((o for o in objects if isinstance(o, schema.MemoryCatalog)), None)
    sources = list(shared.sources)
    makers = {s.id: s.maker for s in shared.sources}
    for owner in [*families, *comparisons]:
        sources.extend(owner.sources)
        for s in owner.sources:
            makers[s.id] = s.maker or _default_maker(owner, s)
    models = [m for f in families for m in f.models]
    aliases = {a: f.id for f in families for a in f.aliases}
    aliases.update({a: m.id for m in models for a in m.aliases})
    return Catalog(
        today=today,
        site=site,
        criteria=tuple(criteria.criteria),
        makers=_index(shared.makers),
        categories=_index(shared.categories),
        benchmarks=_index(shared.benchmarks),
        profiles=_index(shared.profiles),
        providers=_index(shared.providers),
        sources=_index(sorted(sources, key=lambda s: s.id)),
        families=_index(families),
        models=_index(models),
        family_of=MappingProxyType({m.id: f.id for f in families for m in f.models}),
        score_model=MappingProxyType({id(s): m.id for m in models for s in m.scores}),
        comparisons=MappingProxyType({pair_key(*c.families): c for c in comparisons}),
        aliases=MappingProxyType(dict(sorted(aliases.items()))),
        comparable=criteria.comparable,
        verdicts=criteria.verdicts,
        evaluators=_index(shared.evaluators),
        source_makers=MappingProxyType(dict(sorted(makers.items()))),
        license_tiers=tuple(criteria.licenses),
        guide=next((o for o in objects if isinstance(o, schema.Guide)), None),
        rankings=next((o for o in objects if isinstance(o, schema.Rankings)), None),
        memory=memory,
    )


def _default_maker(owner: schema.Strict, source: schema.Source) -> str | None:
    """A family file's official source is the family's maker's unless it says otherwise."""
    if isinstance(owner, schema.Family) and source.kind in OFFICIAL_KINDS:
        return owner.maker
    return None


OFFICIAL_KINDS = frozenset({"official", "official-partner"})
"""Source kinds published by a model maker or on its behalf."""

"""The editors' view of the data: what each family lacks, where sources disagree, what each source supports.

Pure functions of the catalog and its provenance records. Nothing here fails a build: these are
facts for the data-quality and data-and-methods pages and for editors deciding what to add next.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator import schema
from generator.derive.provenance import FigureRecord, Provenance, self_reported, settings_of
from generator.model import Catalog


@dataclass(frozen=True)
class Coverage:
    """What one family's data covers and lacks."""

    family: schema.Family
    figures: int
    missing_benchmarks: tuple[schema.Benchmark, ...]
    missing_profiles: tuple[schema.Profile, ...]
    unsized_models: tuple[schema.Model, ...]
    unmeasured_models: tuple[schema.Model, ...]
    offers: int
    unpriced_offers: tuple[schema.Offer, ...]
    maker_reported: int


@dataclass(frozen=True)
class Conflict:
    """Two or more sources stating different values for the same figure under the same setting."""

    subject: str
    what: str
    setting: str
    records: tuple[FigureRecord, ...]


@dataclass(frozen=True)
class SourceSupport:
    """What one source backs: how many figures, for which families, of which kinds."""

    source: schema.Source
    self_reported: bool
    figures: int
    families: tuple[schema.Family, ...]
    kinds: tuple[str, ...]


def coverage(catalog: Catalog, prov: Provenance) -> tuple[Coverage, ...]:
    per_family = Counter(r.family.id for r in prov.records)
    maker = Counter(r.family.id for r in prov.records if r.self_reported)
    result = []
    for family in catalog.families.values():
        scored = {s.benchmark for m in family.models for s in m.scores}
        profiles = {h.profile for m in family.models for h in m.hardware}
        result.append(
            Coverage(
                family=family,
                figures=per_family[family.id],
                missing_benchmarks=tuple(b for b in catalog.benchmarks.values() if b.id not in scored),
                missing_profiles=tuple(p for p in catalog.profiles.values() if p.id not in profiles),
                unsized_models=tuple(m for m in family.models if not (m.params.total or m.params.effective)),
                unmeasured_models=tuple(m for m in family.models if not m.hardware),
                offers=len(family.offers),
                unpriced_offers=tuple(
                    o for o in family.offers if o.kind == "paid_api" and o.output_usd_per_mtok is None
                ),
                maker_reported=maker[family.id],
            )
        )
    return tuple(result)


def conflicts(prov: Provenance) -> tuple[Conflict, ...]:
    """Figures stated more than once (same subject, same thing, same setting) with different values."""
    groups: dict[tuple[str, str, str, str], list[FigureRecord]] = {}
    for r in prov.records:
        key = (r.family.id, r.model.id if r.model else "", r.what, ", ".join(settings_of(r.figure)))
        groups.setdefault(key, []).append(r)
    found = []
    for (_, _, what, setting), records in sorted(groups.items()):
        values = {repr(r.value) for r in records}
        if len(records) > 1 and len(values) > 1:
            found.append(Conflict(records[0].subject, what, setting, tuple(records)))
    return tuple(found)


def source_support(catalog: Catalog, prov: Provenance) -> tuple[SourceSupport, ...]:
    """Every source in the data with what it supports; a source nothing cites is listed with zero."""
    by_source: dict[str, list[FigureRecord]] = {}
    for r in prov.records:
        by_source.setdefault(r.source.id, []).append(r)
    result = []
    for source in catalog.sources.values():
        records = by_source.get(source.id, [])
        families = {r.family.id: r.family for r in records}
        result.append(
            SourceSupport(
                source=source,
                self_reported=self_reported(source),
                figures=len(records),
                families=tuple(families[f] for f in sorted(families)),
                kinds=tuple(sorted({_kind(r) for r in records})),
            )
        )
    return tuple(result)


def _kind(r: FigureRecord) -> str:
    """A figure's kind without its subject: `MMLU score`, `hardware`, `DashScope offer`."""
    return r.what.split(" (")[0]

"""The editors' view of the data: what each family lacks, where sources disagree, what each source supports.

Pure functions of the catalog and its provenance records. Nothing here fails a build: these are
facts for the data-quality and data-and-methods pages and for editors deciding what to add next.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator import schema
from generator.derive.facts import Quantity, QuantityKind
from generator.derive.provenance import (
    FigureRecord,
    Provenance,
    figures_of,
    self_reported,
    setting_label,
    setting_of,
    value_text,
)
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
class Statement:
    """One source's value for a figure: what it says, and the figure (or conflict entry) that cites it."""

    text: str
    figure: schema.Sourced | schema.Conflicting


@dataclass(frozen=True)
class Conflict:
    """Sources stating different values for one figure (same subject, same thing, same setting): the
    value the pages use and why, or, where the data states it twice without choosing, the first."""

    subject: str
    what: str
    chosen: FigureRecord
    others: tuple[Statement, ...]
    reason: str | None
    """The data's `chosen_because`; None for a figure stated twice without a choice."""


@dataclass(frozen=True)
class SettingInUse:
    """One evaluation setting of one benchmark, and how many scores and families report in it: the
    list an editor reads before adding scores, so that new ones can be compared with the others."""

    benchmark: schema.Benchmark
    setting: str
    scores: int
    families: tuple[schema.Family, ...]


def settings_in_use(catalog: Catalog) -> tuple[SettingInUse, ...]:
    """Per benchmark (catalog order), its settings, the most used first; equal keys of the
    comparability rule are one setting."""
    found: dict[tuple[str, tuple[object, ...]], tuple[str, list[schema.Family]]] = {}
    for model in catalog.models.values():
        family = catalog.model_family(model.id)
        for score in model.scores:
            key = (score.benchmark, setting_of(catalog, score).key(catalog.comparable))
            label, families = found.setdefault(key, (setting_label(catalog, score), []))
            families.append(family)
    order = {b: i for i, b in enumerate(catalog.benchmarks)}
    rows = [
        SettingInUse(catalog.benchmarks[b], label, len(families), tuple({f.id: f for f in families}.values()))
        for (b, _), (label, families) in found.items()
    ]
    return tuple(sorted(rows, key=lambda r: (order[r.benchmark.id], -r.scores, r.setting)))


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
    # Benchmarks nobody reports are no family's gap: the catalog lists ids for editors to come.
    in_use = {s.benchmark for m in catalog.models.values() for s in m.scores}
    result = []
    for family in catalog.families.values():
        scored = {s.benchmark for m in family.models for s in m.scores}
        profiles = {h.profile for m in family.models for h in m.hardware}
        result.append(
            Coverage(
                family=family,
                figures=per_family[family.id],
                missing_benchmarks=tuple(b for b in catalog.benchmarks.values() if b.id in in_use - scored),
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
    """Every disagreement between sources: the data's `conflicts:` first, then figures the data states
    more than once (same subject, same thing, same setting) with different values and no choice made."""
    declared = [
        Conflict(
            r.subject,
            r.what,
            r,
            tuple(Statement(value_text(c.value), c) for c in r.figure.conflicts),
            r.figure.chosen_because,
        )
        for r in prov.records
        if isinstance(r.figure, schema.Disputed) and r.figure.conflicts
    ]
    groups: dict[tuple[str, str, str], list[FigureRecord]] = {}
    for r in prov.records:
        groups.setdefault((r.family.id, r.model.id if r.model else "", r.what), []).append(r)
    undeclared = [
        Conflict(first.subject, what, first, tuple(Statement(r.value_text, r.figure) for r in rest), None)
        for (_, _, what), (first, *rest) in sorted(groups.items(), key=lambda item: item[0])
        if rest and len({repr(r.value) for r in (first, *rest)}) > 1
    ]
    return tuple(declared + undeclared)


@dataclass(frozen=True)
class Dispute:
    """One figure of a page's subject that sources state differently: the value used, the others, why."""

    what: str
    chosen: Quantity
    figure: schema.Figure | schema.Score
    others: tuple[tuple[Quantity, schema.Conflicting], ...]


# How a disputed value is written, by what it states (labels of provenance.figures_of).
_KINDS: dict[str, QuantityKind] = {
    "context length": "tokens",
    "total parameters": "params",
    "active parameters": "params",
    "effective parameters": "params",
}


def disputes(catalog: Catalog, model: schema.Model | None, family: schema.Family) -> tuple[Dispute, ...]:
    """The disputed figures of a model (or, with `model` None, of the family itself), in field order."""
    found = []
    for fig, owner, what in figures_of(catalog, family):
        if owner is model and isinstance(fig, schema.Disputed) and fig.conflicts:
            kind = "score" if isinstance(fig, schema.Score) else _KINDS.get(what, "text")
            quantity = _quantity(kind, fig.value, fig.source)  # type: ignore[attr-defined]
            others = tuple((_quantity(kind, c.value, c.source), c) for c in fig.conflicts)
            found.append(Dispute(what, quantity, fig, others))  # type: ignore[arg-type]
    return tuple(found)


def _quantity(kind: QuantityKind, value: object, source: str) -> Quantity:
    if kind == "text":
        return Quantity("text", value_text(value), source=source)
    return Quantity(kind, value, source=source)  # type: ignore[arg-type]


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

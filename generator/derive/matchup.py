"""Model-level matchups: one model of each family of a pair, side by side.

Each family pair has at most one matchup: the one a comparison file curates (`matchup:`), otherwise
`default_matchup` (most benchmarks in common, then closest in size), the same one the comparison page
names. Pure functions from the catalog to frozen facts.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from generator import schema
from generator.derive import facts, market, memory, verdicts
from generator.derive.comparison import QuickRow, default_matchup, first_score
from generator.derive.facts import Quantity
from generator.model import Catalog, pair_key


@dataclass(frozen=True)
class Pick:
    """The matchup chosen for one family pair."""

    families: tuple[str, str]
    models: tuple[str, str]
    curated: bool


@dataclass(frozen=True)
class ScoreRow:
    benchmark: schema.Benchmark
    scores: tuple[schema.Score, schema.Score]
    winner: int | None
    comparable: bool


@dataclass(frozen=True)
class MeasureRow:
    model: schema.Model
    profile: schema.Profile | None
    measurement: schema.Measurement
    doubts: tuple[memory.Doubt, ...] = ()


@dataclass(frozen=True)
class MatchupFacts:
    pick: Pick
    models: tuple[schema.Model, schema.Model]
    families: tuple[schema.Family, schema.Family]
    makers: tuple[schema.Maker, schema.Maker]
    specs: tuple[QuickRow, ...]
    scores: tuple[ScoreRow, ...]
    verdict: verdicts.Verdict
    """The two models on their shared benchmarks, by the verdict engine the comparison pages use."""
    one_side: tuple[tuple[schema.Model, tuple[schema.Benchmark, ...]], ...]
    hardware: tuple[MeasureRow, ...]
    estimated: tuple[memory.ModelRow, ...]
    """Both models as estimated at the defaults on the speed profile (those whose memory is derived)."""
    active_ratio: float | None
    more_active: schema.Model | None
    offers: tuple[tuple[schema.Model, tuple[market.OfferRow, ...]], ...]


def matchups(catalog: Catalog) -> Mapping[tuple[str, str], Pick]:
    """The matchup of every family pair that has one, keyed by the pair in canonical order."""
    found = {}
    for first, second in itertools.combinations(sorted(catalog.families), 2):
        if pick := pick_for(catalog, first, second):
            found[(first, second)] = pick
    return MappingProxyType(found)


def pick_for(catalog: Catalog, family_a: str, family_b: str) -> Pick | None:
    """The curated matchup of two families, else the default one, else None (no comparable models)."""
    return _pick(catalog, *pair_key(family_a, family_b))


@facts.per_catalog  # every link to a matchup names it by its models: asked for ~50 times a page
def _pick(catalog: Catalog, first: str, second: str) -> Pick | None:
    comparison = catalog.comparison(first, second)
    if comparison and comparison.matchup:
        a, b = comparison.matchup
        return Pick((catalog.family_of[a], catalog.family_of[b]), (a, b), True)
    chosen = default_matchup(catalog.family_models(first), catalog.family_models(second))
    return Pick((first, second), (chosen[0].id, chosen[1].id), False) if chosen else None


def matchup_slug(a: str, b: str) -> str:
    first, second = pair_key(a, b)
    return f"{first}-vs-{second}"


def describe(catalog: Catalog, pick: Pick) -> MatchupFacts:
    ma, mb = (catalog.models[m] for m in pick.models)
    fa, fb = (catalog.model_family(m.id) for m in (ma, mb))
    found, one_side = _scores(catalog, ma, mb)
    scores = tuple(ScoreRow(r.benchmark, (r.best[0].score, r.best[1].score), r.winner, r.comparable) for r in found)
    qa, qb = (facts.figure_quantity("params", facts.active_params(m)) for m in (ma, mb))
    ratio = more = None
    if qa and qb and qa.value != qb.value:
        more = ma if float(qa.value) > float(qb.value) else mb
        ratio = max(float(qa.value), float(qb.value)) / min(float(qa.value), float(qb.value))
    return MatchupFacts(
        pick=pick,
        models=(ma, mb),
        families=(fa, fb),
        makers=(catalog.makers[fa.maker], catalog.makers[fb.maker]),
        specs=_specs(catalog, (ma, mb), (fa, fb), (qa, qb)),
        scores=scores,
        verdict=verdicts.verdict(catalog, found),
        one_side=one_side,
        hardware=_hardware(catalog, ma, mb),
        estimated=tuple(
            r
            for m in (ma, mb)
            if (r := memory.model_row(catalog, m, catalog.profiles[catalog.site.speed_profile])) and r.estimate
        ),
        active_ratio=ratio,
        more_active=more,
        offers=tuple((m, rows) for m in (ma, mb) if (rows := market.offers_for_model(catalog, m.id))),
    )


def _specs(
    catalog: Catalog,
    models: tuple[schema.Model, schema.Model],
    families: tuple[schema.Family, schema.Family],
    active: tuple[Quantity | None, Quantity | None],
) -> tuple[QuickRow, ...]:
    rows = [
        QuickRow("family", "Family", families),
        QuickRow("maker", "Maker", tuple(catalog.makers[f.maker].name for f in families)),  # type: ignore[arg-type]
        QuickRow("params", "Parameters", models),
        QuickRow("active", "Active per token", active),
        QuickRow("architecture", "Architecture", tuple(m.architecture for m in models)),  # type: ignore[arg-type]
        QuickRow(
            "context",
            "Context",
            tuple(m.context_tokens or f.context_tokens for m, f in zip(models, families, strict=True)),
        ),  # type: ignore[arg-type]
        QuickRow("modalities", "Input", tuple(m.modalities for m in models)),  # type: ignore[arg-type]
        QuickRow("license", "License", tuple(catalog.model_license(m) for m in models)),  # type: ignore[arg-type]
        QuickRow("released", "Released", tuple(m.released for m in models)),  # type: ignore[arg-type]
        QuickRow("ram", "RAM needed", tuple(memory.need(catalog, m.id, "ram") for m in models)),  # type: ignore[arg-type]
    ]
    return tuple(r for r in rows if any(v is not None for v in r.values))


def _scores(
    catalog: Catalog, ma: schema.Model, mb: schema.Model
) -> tuple[tuple[verdicts.Row, ...], tuple[tuple[schema.Model, tuple[schema.Benchmark, ...]], ...]]:
    """The two models' rows (one per shared setting, the verdict engine's), and what only one reports."""
    found = verdicts.rows(catalog, catalog.benchmarks.values(), [ma], [mb])
    shared = {r.benchmark.id for r in found}
    only = {
        m.id: tuple(b for b in catalog.benchmarks.values() if b.id not in shared and first_score(m, b.id))
        for m in (ma, mb)
    }
    return found, tuple((m, only[m.id]) for m in (ma, mb) if only[m.id])


def _hardware(catalog: Catalog, ma: schema.Model, mb: schema.Model) -> tuple[MeasureRow, ...]:
    order = list(catalog.profiles)
    rows = [
        MeasureRow(m, catalog.profiles[h.profile] if h.profile else None, h, memory.doubts(catalog, m, h))
        for m in (ma, mb)
        for h in m.hardware
    ]
    return tuple(
        sorted(
            rows,
            key=lambda r: (
                order.index(r.profile.id) if r.profile else len(order),
                r.measurement.ram_gb or math.inf,
                r.model is mb,
            ),
        )
    )

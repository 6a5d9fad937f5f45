"""Two models side by side: the facts of a model-vs-model page, and each family pair's matchup.

A family pair's matchup is the pair of models its comparison page names: the one a comparison file
curates (`matchup:`), otherwise `default_matchup` (most benchmarks in common, then closest in size).
Which model pairs get a page of their own is derive/neighbours.py's. Pure functions from the catalog
to frozen facts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator import schema
from generator.derive import facts, market, memory, verdicts
from generator.derive.comparison import QuickRow, default_matchup
from generator.derive.facts import Quantity, first_score
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

    @property
    def better(self) -> schema.Model | None:
        """The model that wins more of the comparable benchmarks; None on a tie or with none compared."""
        first, second = self.wins
        return self.models[0] if first > second else self.models[1] if second > first else None

    @property
    def better_wins(self) -> int:
        return max(self.wins)


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


def describe(catalog: Catalog, models: tuple[str, str]) -> MatchupFacts:
    """Everything a page of two models states, the first model in the first column."""
    ma, mb = (catalog.models[m] for m in models)
    fa, fb = (catalog.model_family(m.id) for m in (ma, mb))
    found, one_side = _scores(catalog, ma, mb)
    scores = tuple(ScoreRow(r.benchmark, (r.best[0].score, r.best[1].score), r.winner, r.comparable) for r in found)
    qa, qb = (facts.figure_quantity("params", facts.active_params(m)) for m in (ma, mb))
    ratio = more = None
    if qa and qb and qa.value != qb.value:
        more = ma if float(qa.value) > float(qb.value) else mb
        ratio = max(float(qa.value), float(qb.value)) / min(float(qa.value), float(qb.value))
    return MatchupFacts(
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

"""Leaderboards, the hardware guide and the use-case rankings: models ordered by rules from the data.

One ordering rule serves them all (`rank`): a list of benchmarks, the first deciding; models without
it follow, ordered by the next. Scores of different benchmarks are never mixed into one number, and
a model with none of the listed benchmarks is listed apart, unranked, rather than given a zero.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator import schema
from generator.derive import facts, market
from generator.derive.comparison import first_score
from generator.model import Catalog


@dataclass(frozen=True)
class Ranked:
    position: int
    model: schema.Model
    family: schema.Family
    benchmark: schema.Benchmark
    score: schema.Score
    setting_differs: bool
    """True when this score's setting differs from the one most scores of its benchmark here use."""
    ram: schema.Measurement | None


@dataclass(frozen=True)
class Ranking:
    rows: tuple[Ranked, ...]
    unranked: tuple[schema.Model, ...]
    rank_by: tuple[schema.Benchmark, ...]


@dataclass(frozen=True)
class CategoryBoard:
    category: schema.Category
    benchmarks: tuple[schema.Benchmark, ...]
    ranking: Ranking
    cells: tuple[tuple[schema.Score | None, ...], ...]
    """Per ranked row, the model's score on each of `benchmarks`."""


@dataclass(frozen=True)
class Tier:
    ram_gb: float
    ranking: Ranking


@dataclass(frozen=True)
class ProfileSpeeds:
    profile: schema.Profile
    rows: tuple[tuple[schema.Model, schema.Measurement], ...]


@dataclass(frozen=True)
class UseCase:
    rule: schema.Ranking
    ranking: Ranking


def rank(catalog: Catalog, models: Iterable[schema.Model], rank_by: Iterable[str]) -> Ranking:
    """Order models by the first benchmark of `rank_by` they report; equal scores share a position."""
    pending = list(models)
    benchmarks = tuple(catalog.benchmarks[b] for b in rank_by)
    rows: list[Ranked] = []
    for bench in benchmarks:
        scored = [(m, s) for m in pending if (s := first_score(m, bench.id))]
        if not scored:
            continue
        sign = -1 if bench.higher_is_better else 1
        scored.sort(key=lambda p: (sign * p[1].value, p[0].name))
        usual = Counter(s.setting for _, s in scored).most_common(1)[0][0]
        previous: tuple[float, int] | None = None
        for m, s in scored:
            position = previous[1] if previous and previous[0] == s.value else len(rows) + 1
            previous = (s.value, position)
            family = catalog.model_family(m.id)
            rows.append(Ranked(position, m, family, bench, s, s.setting != usual, facts.smallest_ram(m)))
        placed = {m.id for m, _ in scored}
        pending = [m for m in pending if m.id not in placed]
    return Ranking(tuple(rows), tuple(pending), benchmarks)


def category_board(catalog: Catalog, category_id: str) -> CategoryBoard | None:
    """Every model with a score in the category, ordered by the category's benchmarks in catalog order."""
    benchmarks = tuple(
        b for b in catalog.benchmarks.values() if b.category == category_id and _scored_models(catalog, b.id)
    )
    if not benchmarks:
        return None
    ids = [b.id for b in benchmarks]
    models = [m for m in catalog.models.values() if any(first_score(m, b) for b in ids)]
    ranking = rank(catalog, models, ids)
    cells = tuple(tuple(first_score(r.model, b) for b in ids) for r in ranking.rows)
    return CategoryBoard(catalog.categories[category_id], benchmarks, ranking, cells)


def benchmark_board(catalog: Catalog, benchmark_id: str) -> Ranking | None:
    models = _scored_models(catalog, benchmark_id)
    return rank(catalog, models, [benchmark_id]) if models else None


def _scored_models(catalog: Catalog, benchmark_id: str) -> list[schema.Model]:
    return [m for m in catalog.models.values() if first_score(m, benchmark_id)]


def fits(model: schema.Model, ram_gb: float) -> bool:
    smallest = facts.smallest_ram(model)
    return bool(smallest and smallest.ram_gb is not None and smallest.ram_gb <= ram_gb)


def runs_locally(catalog: Catalog, model: schema.Model) -> bool:
    """An Ollama tag, a hardware measurement or a local offer covering the model."""
    if model.ollama or model.hardware:
        return True
    return any(r.offer.kind == "local" for r in market.offers_for_model(catalog, model.id))


def ram_tiers(catalog: Catalog) -> tuple[Tier, ...]:
    """Models that fit in each RAM tier of data/site.yaml, ordered by data/rankings.yaml; empty tiers left out."""
    rank_by = catalog.rankings.ram_tiers_rank_by if catalog.rankings else []
    tiers = []
    for gb in sorted(catalog.site.ram_tiers_gb):
        fitting = [m for m in catalog.models.values() if fits(m, gb)]
        if fitting:
            ranking = rank(catalog, fitting, rank_by)
            unranked = tuple(sorted(ranking.unranked, key=_by_ram))
            tiers.append(Tier(gb, Ranking(ranking.rows, unranked, ranking.rank_by)))
    return tuple(tiers)


def _by_ram(model: schema.Model) -> tuple[float, str]:
    smallest = facts.smallest_ram(model)
    return (smallest.ram_gb if smallest and smallest.ram_gb else math.inf, model.name)


def fastest(catalog: Catalog) -> tuple[ProfileSpeeds, ...]:
    """Per hardware profile, the measured models from fastest to slowest (then the least RAM)."""
    result = []
    for profile in catalog.profiles.values():
        rows = [(m, s) for m in catalog.models.values() if (s := facts.speed_on(m, profile.id))]
        rows.sort(key=lambda p: (-(p[1].tokens_per_second or 0), p[1].ram_gb or math.inf, p[0].name))
        if rows:
            result.append(ProfileSpeeds(profile, tuple(rows)))
    return tuple(result)


def use_case(catalog: Catalog, rule: schema.Ranking) -> UseCase | None:
    """A ranking of data/rankings.yaml applied to the catalog; None when no model qualifies."""
    models = [
        m
        for m in catalog.models.values()
        if (not rule.local or runs_locally(catalog, m)) and (rule.max_ram_gb is None or fits(m, rule.max_ram_gb))
    ]
    ranking = rank(catalog, models, rule.rank_by)
    if not ranking.rows:
        return None
    return UseCase(rule, ranking)


def use_cases(catalog: Catalog) -> tuple[UseCase, ...]:
    rules = catalog.rankings.rankings if catalog.rankings else []
    return tuple(found for rule in rules if (found := use_case(catalog, rule)))

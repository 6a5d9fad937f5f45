"""The verdict engine: which of two sets of models scores higher, on which benchmarks, and how surely.

Every page that prefers one model or family over another asks these functions: comparison pages
(families, by their own models and with their dedicated variants), matchups and model-vs-model
pages (one model each), the pick lists and flowcharts built from them. So two pages answering the
same question cannot disagree, and the wording rules hold everywhere:

- a benchmark decides only between scores the comparability rule (data/criteria.yaml `comparable:`)
  lets be compared, and only by more than the tie margin;
- a side leads when it wins more comparable benchmarks than the other; "neither leads" only when the
  comparable numbers do not separate them; where one side is higher but nothing is comparable, the
  verdict says so (`apart`) instead of calling it even;
- a lead is strong ("decisively", "the clear choice") only on at least `min_benchmarks` distinct
  shared comparable benchmarks, every one won by at least the strong margin (data/criteria.yaml
  `verdicts:`).

Pure functions of the catalog; rows pair each side's best score within settings that may be
compared, so every number a sentence cites is a cell of the table beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from generator import schema
from generator.derive import provenance
from generator.model import Catalog

Kind = Literal["lead", "even", "apart", "none"]
SettingKey = tuple[object, ...]


@dataclass(frozen=True)
class Scored:
    """A side's score on a row: the model, its score, and the score's setting label."""

    model: schema.Model
    score: schema.Score
    setting: str


@dataclass(frozen=True)
class Row:
    """One benchmark, one pair of settings: each side's best score there, and who is higher."""

    benchmark: schema.Benchmark
    keys: tuple[SettingKey, SettingKey]
    best: tuple[Scored, Scored]
    comparable: bool
    margin: float
    higher: int | None
    """The side (0 or 1) with the better score, whatever the settings; None when equal."""
    winner: int | None
    """`higher` when the scores are comparable and the margin passes the tie margin; else None."""

    @property
    def settings(self) -> tuple[str, str]:
        return self.best[0].setting, self.best[1].setting


@dataclass(frozen=True)
class Verdict:
    """Two sides' scores on a set of benchmarks, and what they say."""

    rows: tuple[Row, ...]
    kind: Kind
    leader: int | None
    """The side that leads (`lead`), or is higher on every row (`apart`, when one is)."""
    wins: tuple[int, int]
    compared: int
    """Rows whose scores may be compared."""
    benchmarks: int
    """Distinct benchmarks among the compared rows."""
    strong: bool
    unit: str | None = None
    """The unit all compared rows share (so margins can be stated together); None when they mix."""
    tie: float | None = None
    """The tie margin in that unit."""

    def models(self, side: int) -> tuple[schema.Model, ...]:
        """A side's models behind the verdict's rows (the compared ones, when there are any)."""
        found = [r for r in self.rows if r.comparable] or list(self.rows)
        return tuple({r.best[side].model.id: r.best[side].model for r in found}.values())

    @property
    def ties(self) -> int:
        return self.compared - sum(self.wins)

    @property
    def apart_settings(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Each side's distinct setting labels on rows that could not be compared."""
        rows = [r for r in self.rows if not r.comparable]
        return tuple(tuple(dict.fromkeys(r.settings[i] for r in rows)) for i in (0, 1))  # type: ignore[return-value]

    @property
    def apart_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if not r.comparable)

    @property
    def apart_higher(self) -> int | None:
        """The side higher on every row that could not be compared, when there are such rows and one
        side is: a page that calls the comparable rows even still says who is higher on the rest."""
        highers = {r.higher for r in self.apart_rows}
        return highers.pop() if len(highers) == 1 and None not in highers else None

    def margins_of(self, side: int | None) -> tuple[float, ...]:
        """A side's margins on the rows it won, smallest first."""
        return tuple(sorted(r.margin for r in self.rows if r.winner is not None and r.winner == side))


def scores_of(models: Iterable[schema.Model], benchmark_id: str) -> list[tuple[schema.Model, schema.Score]]:
    return [(m, s) for m in models for s in m.scores if s.benchmark == benchmark_id]


def key_of(catalog: Catalog, score: schema.Score) -> SettingKey:
    return provenance.setting_of(catalog, score).key(catalog.comparable)


def pairings(
    catalog: Catalog, benchmark: schema.Benchmark, side_a: Sequence[schema.Model], side_b: Sequence[schema.Model]
) -> tuple[tuple[SettingKey, SettingKey, bool], ...]:
    """The settings in which the two sides' scores on a benchmark are set side by side: every pair of
    comparable settings both sides report, or, when there is none, each side's best-scoring setting
    (an incomparable pair, shown but never decisive). Empty when a side has no score."""
    found_a, found_b = scores_of(side_a, benchmark.id), scores_of(side_b, benchmark.id)
    if not found_a or not found_b:
        return ()
    keys_a = dict.fromkeys(key_of(catalog, s) for _, s in found_a)
    keys_b = dict.fromkeys(key_of(catalog, s) for _, s in found_b)
    pairs = [
        (ka, kb, True)
        for ka in keys_a
        for kb in keys_b
        if provenance.comparable(catalog, _example(catalog, found_a, ka), _example(catalog, found_b, kb))
    ]
    if pairs:
        return tuple(pairs)
    sign = _sign(benchmark)
    best_a = max(found_a, key=lambda p: sign * p[1].value)[1]
    best_b = max(found_b, key=lambda p: sign * p[1].value)[1]
    return ((key_of(catalog, best_a), key_of(catalog, best_b), False),)


def _example(catalog: Catalog, found: list[tuple[schema.Model, schema.Score]], key: SettingKey) -> schema.Score:
    return next(s for _, s in found if key_of(catalog, s) == key)


def row(
    catalog: Catalog,
    benchmark: schema.Benchmark,
    pairing: tuple[SettingKey, SettingKey, bool],
    side_a: Sequence[schema.Model],
    side_b: Sequence[schema.Model],
) -> Row | None:
    """Each side's best score in its setting of the pairing; None when a side has none there."""
    ka, kb, comparable = pairing
    best = (_best(catalog, benchmark, side_a, ka), _best(catalog, benchmark, side_b, kb))
    if best[0] is None or best[1] is None:
        return None
    sign = _sign(benchmark)
    diff = sign * (best[0].score.value - best[1].score.value)
    margin = abs(best[0].score.value - best[1].score.value)
    higher = None if diff == 0 else (0 if diff > 0 else 1)
    decided = comparable and higher is not None and margin >= tie_margin(catalog, benchmark)
    return Row(benchmark, (ka, kb), (best[0], best[1]), comparable, margin, higher, higher if decided else None)


def _best(
    catalog: Catalog, benchmark: schema.Benchmark, models: Sequence[schema.Model], key: SettingKey
) -> Scored | None:
    found = [(m, s) for m, s in scores_of(models, benchmark.id) if key_of(catalog, s) == key]
    if not found:
        return None
    model, score = max(found, key=lambda p: _sign(benchmark) * p[1].value)
    return Scored(model, score, provenance.setting_label(catalog, score))


def rows(
    catalog: Catalog,
    benchmarks: Iterable[schema.Benchmark],
    side_a: Sequence[schema.Model],
    side_b: Sequence[schema.Model],
) -> tuple[Row, ...]:
    """Every row of two sides on the benchmarks, in the benchmarks' order."""
    return tuple(
        found
        for bm in benchmarks
        for pairing in pairings(catalog, bm, side_a, side_b)
        if (found := row(catalog, bm, pairing, side_a, side_b))
    )


def verdict(catalog: Catalog, found: Sequence[Row]) -> Verdict:
    """What the rows say: who leads, on how many, how surely; or why nobody does."""
    compared = [r for r in found if r.comparable]
    wins = (sum(r.winner == 0 for r in compared), sum(r.winner == 1 for r in compared))
    benchmarks = len({r.benchmark.id for r in compared})
    if not found:
        return Verdict((), "none", None, wins, 0, 0, False)
    if not compared:
        highers = {r.higher for r in found}
        leader = highers.pop() if len(highers) == 1 else None
        return Verdict(tuple(found), "apart", leader, wins, 0, 0, False)
    units = {r.benchmark.unit for r in compared}
    unit = units.pop() if len(units) == 1 else None
    tie = getattr(catalog.verdicts.tie_margin, unit) if unit else None
    if wins[0] == wins[1]:
        return Verdict(tuple(found), "even", None, wins, len(compared), benchmarks, False, unit, tie)
    leader = 0 if wins[0] > wins[1] else 1
    rule = catalog.verdicts
    strong = (
        wins[leader] == len(compared)
        and benchmarks >= rule.strong_min_benchmarks
        and all(r.margin >= strong_margin(catalog, r.benchmark) for r in compared)
    )
    return Verdict(tuple(found), "lead", leader, wins, len(compared), benchmarks, strong, unit, tie)


def compare_models(
    catalog: Catalog,
    benchmarks: Iterable[schema.Benchmark],
    side_a: Sequence[schema.Model],
    side_b: Sequence[schema.Model],
) -> Verdict:
    """The verdict of two sets of models (a family's own models, a single model) on the benchmarks."""
    return verdict(catalog, rows(catalog, benchmarks, side_a, side_b))


def tie_margin(catalog: Catalog, benchmark: schema.Benchmark) -> float:
    return getattr(catalog.verdicts.tie_margin, benchmark.unit)


def strong_margin(catalog: Catalog, benchmark: schema.Benchmark) -> float:
    return getattr(catalog.verdicts.strong_margin, benchmark.unit)


def _sign(benchmark: schema.Benchmark) -> int:
    return 1 if benchmark.higher_is_better else -1

"""Leaderboards, the hardware guide and the use-case rankings: models ordered by rules from the data.

One ordering rule serves them all (`rank`): a list of benchmarks, the first deciding; models without
it follow, ordered by the next. Scores of different benchmarks are never mixed into one number, and
only scores measured in the same setting are ranked against each other (as on comparison pages,
where differing settings never decide a winner): on each benchmark the setting most of the models
share is the reference. A model whose only scores were measured otherwise is listed apart, unranked;
a model with none of the listed benchmarks is named, never given a zero.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from generator import schema
from generator.derive import facts, market, memory, provenance
from generator.derive.facts import first_score, oriented, scores_on, speed_on
from generator.model import Catalog


@dataclass(frozen=True)
class Ranked:
    position: int | None
    """None for a score set apart: measured in another setting than the ranked ones."""
    model: schema.Model
    family: schema.Family
    benchmark: schema.Benchmark
    score: schema.Score
    ram: memory.Need | None
    """What the model needs in the memory the page is about (system RAM unless it says GPU memory)."""
    license: schema.Figure | None
    """The model's license (its own, else its family's): a column of every ranked table, and a filter."""
    size_b: float | None
    """The model's total parameters in billions (facts.total_size): what the size filter reads."""


@dataclass(frozen=True)
class Ranking:
    rows: tuple[Ranked, ...]
    apart: tuple[Ranked, ...]
    unranked: tuple[schema.Model, ...]
    rank_by: tuple[schema.Benchmark, ...]
    references: Mapping[str, SettingKey] = field(default_factory=dict)
    """Per benchmark id, the setting its ranked scores share."""

    @property
    def all_rows(self) -> tuple[Ranked, ...]:
        return self.rows + self.apart

    @property
    def groups(self) -> tuple[tuple[schema.Benchmark, tuple[Ranked, ...]], ...]:
        """The ranked rows by the benchmark that ranks them, in order: each group is one table sorted
        by its own column, its positions from 1 (scores of different benchmarks are never interleaved)."""
        found: dict[str, tuple[schema.Benchmark, list[Ranked]]] = {}
        for r in self.rows:
            found.setdefault(r.benchmark.id, (r.benchmark, []))[1].append(r)
        return tuple((b, tuple(rows)) for b, rows in found.values())


@dataclass(frozen=True)
class SettingBoard:
    """One benchmark's scores in one setting, ranked among themselves."""

    setting: str
    """The setting's label: "instruct, 0-shot", "setting not stated"."""
    ranking: Ranking
    anchor: str
    """A heading id made from the setting's words, so a deep link survives other settings being added."""


@dataclass(frozen=True)
class CategoryBoard:
    category: schema.Category
    benchmarks: tuple[schema.Benchmark, ...]
    ranking: Ranking
    cells: tuple[tuple[schema.Score | None, ...], ...]
    """Per ranked row, the model's score on each of `benchmarks`."""

    def cells_of(self, rows: Iterable[Ranked]) -> list[tuple[Ranked, tuple[schema.Score | None, ...]]]:
        """Rows of one of the board's tables, each with its cells."""
        by_model = {r.model.id: c for r, c in zip(self.ranking.all_rows, self.cells, strict=True)}
        return [(r, by_model[r.model.id]) for r in rows]


@dataclass(frozen=True)
class Tier:
    ram_gb: float
    """The tier's size in GB: system RAM, or GPU memory when `kind` is vram."""
    ranking: Ranking
    kind: memory.MemoryKind = "ram"


@dataclass(frozen=True)
class ProfileSpeeds:
    profile: schema.Profile
    rows: tuple[tuple[schema.Model, schema.Measurement], ...]


@dataclass(frozen=True)
class UseCase:
    rule: schema.Ranking
    ranking: Ranking


SettingKey = tuple[object, ...]
"""What the comparability rule compares of a score's setting: equal keys rank together."""


def setting_key(catalog: Catalog, score: schema.Score) -> SettingKey:
    return _setting_keys(catalog)[id(score)]


@facts.per_catalog
def _setting_keys(catalog: Catalog) -> Mapping[int, SettingKey]:
    return MappingProxyType(
        {
            id(s): provenance.setting_of(catalog, s).key(catalog.comparable)
            for m in catalog.models.values()
            for s in m.scores
        }
    )


def reference_setting(catalog: Catalog, scores: Iterable[schema.Score]) -> SettingKey:
    """The setting most of these scores share; on a tie the one stating most, then the first by label."""
    counts = Counter(setting_key(catalog, s) for s in scores)
    labels = {setting_key(catalog, s): provenance.setting_label(catalog, s) for s in scores}
    return min(counts, key=lambda k: (-counts[k], sum(v is None for v in k), labels[k]))


def rank(
    catalog: Catalog,
    models: Iterable[schema.Model],
    rank_by: Iterable[str],
    setting: SettingKey | None = None,
    kind: memory.MemoryKind = "ram",
) -> Ranking:
    """Order models by the first benchmark of `rank_by` they report in its reference setting (or in
    `setting` when given, for a one-benchmark board); equal scores share a position."""
    pending = list(models)
    benchmarks = tuple(catalog.benchmarks[b] for b in rank_by)
    # References are chosen among all the models, not those left over, so one rule holds for the page.
    references = {
        b.id: setting if setting is not None else reference_setting(catalog, found)
        for b in benchmarks
        if (found := [s for m in pending for s in scores_on(m, b.id)])
    }
    rows: list[Ranked] = []
    elsewhere: dict[str, tuple[schema.Benchmark, schema.Score]] = {}
    for bench in benchmarks:
        if bench.id not in references:
            continue
        reference = references[bench.id]
        same = []
        for m in pending:
            match = next((s for s in scores_on(m, bench.id) if setting_key(catalog, s) == reference), None)
            if match:
                same.append((m, match))
        for m in pending:
            if (found := scores_on(m, bench.id)) and m.id not in elsewhere:
                elsewhere[m.id] = (bench, found[0])
        rows.extend(_positions(catalog, bench, same, kind))
        placed = {m.id for m, _ in same}
        pending = [m for m in pending if m.id not in placed]
    apart = tuple(
        Ranked(
            None,
            m,
            catalog.model_family(m.id),
            *elsewhere[m.id],
            memory.need(catalog, m.id, kind),
            catalog.model_license(m),
            facts.total_size(m),
        )
        for m in pending
        if m.id in elsewhere
    )
    unranked = tuple(m for m in pending if m.id not in elsewhere)
    return Ranking(tuple(rows), apart, unranked, benchmarks, MappingProxyType(references))


def _positions(
    catalog: Catalog,
    bench: schema.Benchmark,
    scored: list[tuple[schema.Model, schema.Score]],
    kind: memory.MemoryKind = "ram",
    start: int = 0,
) -> list[Ranked]:
    scored = sorted(scored, key=lambda p: (-oriented(bench, p[1].value), p[0].name))
    rows: list[Ranked] = []
    previous: tuple[float, int] | None = None
    for m, s in scored:
        position = previous[1] if previous and previous[0] == s.value else start + len(rows) + 1
        previous = (s.value, position)
        need = memory.need(catalog, m.id, kind)
        license = catalog.model_license(m)
        rows.append(Ranked(position, m, catalog.model_family(m.id), bench, s, need, license, facts.total_size(m)))
    return rows


@facts.per_catalog  # the plan asks which categories have a board, then the page and its chart ask again
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
    cells = tuple(tuple(_cell(catalog, r.model, b, ranking.references) for b in ids) for r in ranking.all_rows)
    return CategoryBoard(catalog.categories[category_id], benchmarks, ranking, cells)


def _cell(
    catalog: Catalog, model: schema.Model, benchmark_id: str, references: Mapping[str, SettingKey]
) -> schema.Score | None:
    """The model's score in the benchmark's ranked setting when it has one, else its first score."""
    scores = scores_on(model, benchmark_id)
    reference = references.get(benchmark_id)
    return next((s for s in scores if setting_key(catalog, s) == reference), scores[0] if scores else None)


@facts.per_catalog  # the plan asks which benchmarks have a board, then the page asks again
def benchmark_board(catalog: Catalog, benchmark_id: str) -> tuple[SettingBoard, ...]:
    """One ranking per setting the benchmark was measured in, the most shared setting first."""
    models = _scored_models(catalog, benchmark_id)
    scores = [s for m in models for s in scores_on(m, benchmark_id)]
    settings: list[SettingKey] = []
    while remaining := [s for s in scores if setting_key(catalog, s) not in settings]:
        settings.append(reference_setting(catalog, remaining))
    labels = {setting_key(catalog, s): provenance.setting_label(catalog, s) for s in scores}
    boards = []
    anchors: set[str] = set()
    for setting in settings:
        ranking = rank(catalog, models, [benchmark_id], setting)
        label = labels[setting]
        anchor = "setting-" + (re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-").removeprefix("setting-"))
        while anchor in anchors:
            anchor += "-2"
        anchors.add(anchor)
        boards.append(SettingBoard(label, Ranking(ranking.rows, (), (), ranking.rank_by, ranking.references), anchor))
    return tuple(boards)


def _scored_models(catalog: Catalog, benchmark_id: str) -> list[schema.Model]:
    return [m for m in catalog.models.values() if first_score(m, benchmark_id)]


def runs_locally(catalog: Catalog, model: schema.Model) -> bool:
    """An Ollama tag, a hardware measurement or a local offer covering the model."""
    if model.ollama or model.hardware:
        return True
    return any(r.offer.kind == "local" for r in market.offers_for_model(catalog, model.id))


def ram_tiers(catalog: Catalog) -> tuple[Tier, ...]:
    """Models that fit in each system-RAM tier of data/site.yaml, ordered by data/rankings.yaml."""
    return memory_tiers(catalog, catalog.site.ram_tiers_gb, "ram")


def vram_tiers(catalog: Catalog) -> tuple[Tier, ...]:
    """The same for GPU memory, in the tiers of data/memory.yaml: never mixed with system RAM."""
    return memory_tiers(catalog, catalog.memory.vram_tiers_gb if catalog.memory else [], "vram")


def memory_tiers(catalog: Catalog, sizes: Iterable[float], kind: memory.MemoryKind) -> tuple[Tier, ...]:
    """Per size, the models the data shows running in that much memory (measured, else estimated);
    empty tiers left out."""
    rank_by = catalog.rankings.ram_tiers_rank_by if catalog.rankings else []
    tiers = []
    for gb in sorted(sizes):
        fitting = [m for m in catalog.models.values() if memory.fits(catalog, m.id, gb, kind)]
        if fitting:
            ranking = rank(catalog, fitting, rank_by, kind=kind)
            unranked = tuple(sorted(ranking.unranked, key=lambda m: _by_need(catalog, m, kind)))
            tiers.append(
                Tier(gb, Ranking(ranking.rows, ranking.apart, unranked, ranking.rank_by, ranking.references), kind)
            )
    return tuple(tiers)


def _by_need(catalog: Catalog, model: schema.Model, kind: memory.MemoryKind) -> tuple[float, str]:
    found = memory.need(catalog, model.id, kind)
    return (found.gb if found else math.inf, model.name)


def fastest(catalog: Catalog) -> tuple[ProfileSpeeds, ...]:
    """Per hardware profile, the measured models from fastest to slowest (then the least RAM)."""
    result = []
    for profile in catalog.profiles.values():
        rows = [(m, s) for m in catalog.models.values() if (s := speed_on(m, profile.id))]
        rows.sort(key=lambda p: (-(p[1].tokens_per_second or 0), p[1].ram_gb or math.inf, p[0].name))
        if rows:
            result.append(ProfileSpeeds(profile, tuple(rows)))
    return tuple(result)


def use_case(catalog: Catalog, rule: schema.Ranking) -> UseCase | None:
    """A ranking of data/rankings.yaml applied to the catalog; None when no model qualifies."""
    models = [
        m
        for m in catalog.models.values()
        if (not rule.local or runs_locally(catalog, m))
        and (rule.max_ram_gb is None or memory.fits(catalog, m.id, rule.max_ram_gb, "ram"))
    ]
    ranking = rank(catalog, models, rule.rank_by)
    if not ranking.all_rows:
        return None
    return UseCase(rule, ranking)


def use_cases(catalog: Catalog) -> tuple[UseCase, ...]:
    rules = catalog.rankings.rankings if catalog.rankings else []
    return tuple(found for rule in rules if (found := use_case(catalog, rule)))

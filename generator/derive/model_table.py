"""The home page's table of every model: its specs, and one score per category a reader can sort by.

A category's column is one benchmark, the one most models report in that benchmark's reference
setting (derive/rankings.py: the setting most of its scores share), and a model's cell is its score in
exactly that setting, else empty. So sorting a column orders scores that may be compared, as the
rankings do; a table mixing benchmarks or settings in one column would rank what cannot be ranked.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import schema
from generator.derive import facts, memory, provenance, rankings
from generator.model import Catalog


@dataclass(frozen=True)
class Column:
    category: schema.Category
    benchmark: schema.Benchmark
    setting: str
    """The setting's label ("instruct, 0-shot"); empty when the sources state none."""
    reference: rankings.SettingKey


@dataclass(frozen=True)
class Row:
    model: schema.Model
    family: schema.Family
    maker: schema.Maker
    license: schema.Figure | None
    context: schema.Figure | None
    modalities: schema.Figure | None
    ram: memory.Need | None
    """The least system RAM the data shows the model running in (derive/memory.py): a plausible
    measurement, else the estimate from its architecture; a seed figure below its weights decides nothing."""
    scores: tuple[schema.Score | None, ...]
    """One per column, in the columns' order."""
    size_b: float | None
    """The model's total parameters in billions (facts.total_size): what the size filter reads."""


@dataclass(frozen=True)
class ModelTable:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


def _column(catalog: Catalog, category: schema.Category) -> Column | None:
    """The category's most reported benchmark in its reference setting (on a tie the first by id);
    None when no model has a score in the category."""
    candidates = []
    for bench in (b for b in catalog.benchmarks.values() if b.category == category.id):
        found = [s for m in catalog.models.values() for s in rankings.scores_on(m, bench.id)]
        if not found:
            continue
        reference = rankings.reference_setting(catalog, found)
        same = [s for s in found if rankings.setting_key(catalog, s) == reference]
        label = provenance.setting_of(catalog, same[0]).label(catalog)
        candidates.append((-len(same), bench.id, Column(category, bench, label, reference)))
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def model_table(catalog: Catalog) -> ModelTable:
    columns = tuple(c for cat in catalog.categories.values() if (c := _column(catalog, cat)))
    rows = []
    for family in catalog.families.values():
        for model in family.models:
            scores = tuple(
                next(
                    (
                        s
                        for s in rankings.scores_on(model, c.benchmark.id)
                        if rankings.setting_key(catalog, s) == c.reference
                    ),
                    None,
                )
                for c in columns
            )
            rows.append(
                Row(
                    model=model,
                    family=family,
                    maker=catalog.makers[family.maker],
                    license=catalog.model_license(model),
                    context=model.context_tokens or family.context_tokens,
                    modalities=model.modalities or family.modalities,
                    ram=memory.need(catalog, model.id, "ram"),
                    scores=scores,
                    size_b=facts.total_size(model),
                )
            )
    return ModelTable(columns, tuple(rows))

"""Small facts read off one model or family: its headline size, context, memory, speed.

Shared by every derivation so that "how big is this model" has one answer across the site.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple, TypeVar

from generator import schema
from generator.model import Catalog

QuantityKind = Literal["params", "tokens", "gb", "tps", "score", "usd", "ratio", "text", "count"]


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, so that render can format it ("~30B", "128K", "8 GB") in one place."""

    kind: QuantityKind
    value: float | str
    approx: bool = False
    source: str | None = None


R = TypeVar("R")


def per_catalog(compute: Callable[..., R]) -> Callable[..., R]:
    """Remember what a function computes from the catalog and its other (hashable) arguments, for the
    catalog last asked about.

    A build uses one catalog, and every page asked again for the same answers (each pair's matchup,
    each family's figures): computed per page, those made the cost of a page grow with the site. The
    catalog is frozen, so an answer cannot go stale; keeping only the last catalog's keeps tests' many
    catalogs apart. This is the one memo of derived facts: anything else remembered across pages is
    a per-process constant (a Jinja environment, a font table) kept with functools.cache."""
    last: list[object] = [None]
    answers: dict[tuple[object, ...], R] = {}

    @functools.wraps(compute)
    def remembered(catalog: Catalog, *args: object) -> R:
        if last[0] is not catalog:
            last[0] = catalog
            answers.clear()
        if args not in answers:
            answers[args] = compute(catalog, *args)
        return answers[args]

    return remembered


def sourced_in(obj: object) -> Iterator[schema.Sourced]:
    """Every sourced figure inside a data object (or a list of them), depth first in field order."""
    if isinstance(obj, schema.Sourced):
        yield obj
    if isinstance(obj, schema.Strict):
        for name in type(obj).model_fields:
            yield from sourced_in(getattr(obj, name))
    elif isinstance(obj, list | tuple):
        for item in obj:
            yield from sourced_in(item)


def figure_quantity(kind: QuantityKind, figure: schema.Figure | None) -> Quantity | None:
    if figure is None:
        return None
    return Quantity(kind, figure.value, figure.approx, figure.source)


def scores_on(model: schema.Model, benchmark_id: str) -> tuple[schema.Score, ...]:
    """A model's scores on one benchmark, in data order (a model may report several settings)."""
    return tuple(s for s in model.scores if s.benchmark == benchmark_id)


def first_score(model: schema.Model, benchmark_id: str) -> schema.Score | None:
    """The score a table shows for a model on a benchmark when no setting is asked for: its first."""
    return next((s for s in model.scores if s.benchmark == benchmark_id), None)


def oriented(benchmark: schema.Benchmark, value: float) -> float:
    """A score turned so that larger is better, whichever way the benchmark counts: the one place
    that reads `higher_is_better` to decide an order or a winner."""
    return value if benchmark.higher_is_better else -value


def latest_release(family: schema.Family) -> date | None:
    """The family's latest release date in the data (its own or a model's), None when it has none."""
    dates = [f.value for f in [family.released, *(m.released for m in family.models)] if f]
    return max(dates) if dates else None


@per_catalog
def family_figures(catalog: Catalog, family_id: str) -> tuple[schema.Sourced, ...]:
    """Every sourced figure of a family, walked once per build: it appears on every page of its pairs."""
    return tuple(sourced_in(catalog.families[family_id]))


@per_catalog
def model_figures(catalog: Catalog, model_id: str) -> tuple[schema.Sourced, ...]:
    """Every sourced figure of a model, walked once per build: its page and each of its pairs cite them."""
    return tuple(sourced_in(catalog.models[model_id]))


def nominal_params(model: schema.Model) -> schema.Figure | None:
    """The size a model is known by: effective parameters for edge models, else the total."""
    return model.params.effective or model.params.total


def active_params(model: schema.Model) -> schema.Figure | None:
    """Parameters at work per token: the active count of a MoE, else the headline size; None for a
    mixture of experts whose active count is not stated (its total would overstate the work tenfold)."""
    if model.params.active:
        return model.params.active
    moe = (model.architecture and model.architecture.value == "moe") or (model.arch and model.arch.experts)
    return None if moe else nominal_params(model)


def size_of(model: schema.Model) -> float | None:
    figure = nominal_params(model)
    return figure.value if figure else None


def total_params(model: schema.Model) -> schema.Figure | None:
    """A model's whole size: its total (a mixture of experts with all its experts, an edge model with
    its embeddings), else the size it is known by. What its weights are sized from, what the size map
    and the tables' size filter place it by."""
    return model.params.total or nominal_params(model)


def total_size(model: schema.Model) -> float | None:
    """total_params in billions, None when the data states no size."""
    figure = total_params(model)
    return figure.value if figure else None


def size_range(catalog: Catalog, family_id: str) -> tuple[Quantity, Quantity] | None:
    """Smallest headline size and largest total size, as the seed's "Model range" row shows them."""
    models = catalog.family_models(family_id)
    smallest = [f for m in models if (f := nominal_params(m))]
    largest = [f for m in models if (f := total_params(m))]
    if not smallest or not largest:
        return None
    low = min(smallest, key=lambda f: f.value)
    high = max(largest, key=lambda f: f.value)
    return figure_quantity("params", low), figure_quantity("params", high)  # type: ignore[return-value]


class Licenses(NamedTuple):
    """A family's license and the models under another one (a tuple, so citations find its figures)."""

    family: schema.Figure | None
    exceptions: tuple[tuple[schema.Model, schema.Figure], ...]

    def text(self) -> str:
        """`Apache 2.0 (Qwen 2.5 Coder 3B: Qwen Research License)`."""
        own = self.family.value if self.family else "not stated"
        others = "; ".join(f"{m.name}: {f.value}" for m, f in self.exceptions)
        return f"{own} ({others})" if others else str(own)


def licenses(catalog: Catalog, family_id: str) -> Licenses | None:
    family = catalog.families[family_id]
    exceptions = tuple(
        (m, m.license)
        for m in family.models
        if m.license and (not family.license or m.license.value != family.license.value)
    )
    return Licenses(family.license, exceptions) if family.license or exceptions else None


def architectures(catalog: Catalog, family_id: str) -> tuple[str, ...]:
    """The architectures present in a family, MoE first as the seed writes "MoE + Dense"."""
    found = {m.architecture.value for m in catalog.family_models(family_id) if m.architecture}
    return tuple(a for a in ("moe", "dense") if a in found)


def max_context(catalog: Catalog, family_id: str) -> schema.Figure | None:
    family = catalog.families[family_id]
    figures = [m.context_tokens for m in family.models if m.context_tokens]
    if family.context_tokens:
        figures.append(family.context_tokens)
    return max(figures, key=lambda f: f.value) if figures else None


def family_modalities(catalog: Catalog, family_id: str) -> schema.Figure | None:
    """The family's stated modalities, or the widest set any of its models states."""
    family = catalog.families[family_id]
    if family.modalities:
        return family.modalities
    figures = [m.modalities for m in family.models if m.modalities]
    return max(figures, key=lambda f: len(f.value)) if figures else None


def speed_on(model: schema.Model, profile: str) -> schema.Measurement | None:
    measured = [h for h in model.hardware if h.profile == profile and h.tokens_per_second is not None]
    return max(measured, key=lambda h: h.tokens_per_second or 0) if measured else None


def ollama_models(catalog: Catalog, family_id: str) -> tuple[schema.Model, ...]:
    return tuple(m for m in catalog.family_models(family_id) if m.ollama)


def offers_of(catalog: Catalog, family_id: str, kind: schema.OfferKind) -> tuple[schema.Offer, ...]:
    return tuple(o for o in catalog.families[family_id].offers if o.kind == kind)


MODALITY_ORDER = ("text", "image", "audio", "video")


def ordered_modalities(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(m for m in MODALITY_ORDER if m in values)

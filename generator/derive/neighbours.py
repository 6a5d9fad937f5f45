"""Which pairs get a page of their own: each family and each model against its nearest neighbours.

Every pair of families (or of models) could be compared, but pages for all of them grow with the
square of the catalog. A pair gets a static page when one side names the other as a neighbour:

- families: lineage (predecessor, successor, dedicated variants), the nearest of the same maker by
  release date, the nearest by size range, the nearest by release date, every curated comparison
  (data/comparisons/) and, against its other family, each side's dedicated variants;
- models, from other families only: the nearest by size, the nearest by release date among those
  close enough in size to compete directly (data/site.yaml's `close_size_ratio`), every curated
  matchup (a comparison file's `matchup:`) and the matchup each family comparison page names.

Each side names a fixed number of neighbours, so the number of pages is linear in the catalog. Any
other pair is still one click away: the compare page (`compare/?f=a&f=b`, `compare/?m=x&m=y`).
Ties are broken by id, so the same data always gives the same pages. Pure functions of the catalog.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Literal, TypeVar, get_args

from generator import schema
from generator.derive import facts, matchup
from generator.model import Catalog, pair_key

SIZE_NEIGHBOURS = 2
RELEASE_NEIGHBOURS = 2
MAKER_NEIGHBOURS = 2

FamilyReason = Literal["curated", "lineage", "maker", "size", "release"]
ModelReason = Literal["curated", "comparison", "size", "release"]
COUNTS = MappingProxyType({"maker": MAKER_NEIGHBOURS, "size": SIZE_NEIGHBOURS, "release": RELEASE_NEIGHBOURS})
"""How many neighbours each side names, as the pages that explain the rule state them."""
R = TypeVar("R")
V = TypeVar("V")


@dataclass(frozen=True)
class ModelPair:
    """Two models of different families that get a page, and why (in the order of `ModelReason`)."""

    models: tuple[str, str]
    reasons: tuple[ModelReason, ...]


@facts.per_catalog
def family_pairs(catalog: Catalog) -> Mapping[tuple[str, str], tuple[FamilyReason, ...]]:
    """Every family pair with a comparison page, in canonical order, with why it has one."""
    found: dict[tuple[str, str], set[FamilyReason]] = {}

    def add(a: str, b: str, reason: FamilyReason) -> None:
        if a != b:
            found.setdefault(pair_key(a, b), set()).add(reason)

    for a, b in catalog.comparisons:
        add(a, b, "curated")
        # A curated page links each side's dedicated variants' comparison with the other side.
        for own, other in ((a, b), (b, a)):
            for variant in catalog.variants_of(own):
                add(variant.id, other, "curated")
    released = {f.id: day for f in catalog.families.values() if (day := facts.latest_release(f))}
    ranges = {f.id: r for f in catalog.families.values() if (r := facts.size_range(catalog, f.id))}
    for family in catalog.families.values():
        for kin in _lineage(catalog, family):
            add(family.id, kin, "lineage")
        makers = {f.id: released.get(f.id) for f in catalog.families.values() if f.maker == family.maker}
        neighbours = {
            "maker": _nearest(family.id, makers, _days, MAKER_NEIGHBOURS),
            "size": _nearest(family.id, ranges, _range_gap, SIZE_NEIGHBOURS),
            "release": _nearest(family.id, released, _days, RELEASE_NEIGHBOURS),
        }
        for reason, others in neighbours.items():
            for other in others:
                add(family.id, other, reason)  # type: ignore[arg-type]
    return _ordered(found, get_args(FamilyReason))


@facts.per_catalog
def model_pairs(catalog: Catalog) -> Mapping[tuple[str, str], ModelPair]:
    """Every model pair with a page, in canonical order (by id), with why it has one. A pair a
    comparison names keeps that comparison's order of its models; any other is in id order."""
    found: dict[tuple[str, str], set[ModelReason]] = {}
    shown: dict[tuple[str, str], tuple[str, str]] = {}

    def add(a: str, b: str, reason: ModelReason) -> None:
        found.setdefault(pair_key(a, b), set()).add(reason)
        shown.setdefault(pair_key(a, b), (a, b))

    for first, second in family_pairs(catalog):
        if pick := matchup.pick_for(catalog, first, second):
            add(*pick.models, "curated" if pick.curated else "comparison")
    released = {m.id: day for m in catalog.models.values() if (day := released_on(catalog, m))}
    by_size = sorted((math.log(size), m.id) for m in catalog.models.values() if (size := facts.size_of(m)))
    close = math.log(catalog.site.close_size_ratio)
    for i, (size, model) in enumerate(by_size):
        rivals = _rivals(by_size, i, catalog.family_of, close)
        gaps = {other: abs(other_size - size) for other_size, other in rivals}
        for other in heapq.nsmallest(SIZE_NEIGHBOURS, gaps, key=lambda o: (gaps[o], o)):
            add(*pair_key(model, other), "size")
        # Contemporaries among direct competitors: a 0.6B and a 400B model out the same week say little.
        peers = {o: released[o] for o, gap in gaps.items() if gap <= close and o in released}
        peers |= {model: released[model]} if model in released else {}
        for other in _nearest(model, peers, _days, RELEASE_NEIGHBOURS):
            add(*pair_key(model, other), "release")
    ordered = _ordered(found, get_args(ModelReason))
    return MappingProxyType({key: ModelPair(shown[key], reasons) for key, reasons in ordered.items()})


@dataclass(frozen=True)
class Closeness:
    """What makes two models neighbours, for the sentence that says so."""

    sizes: tuple[schema.Figure | None, schema.Figure | None]
    released: tuple[schema.Figure | None, schema.Figure | None]
    days_apart: int | None


def closeness(catalog: Catalog, models: tuple[str, str]) -> Closeness:
    ma, mb = (catalog.models[m] for m in models)
    released = (released_figure(catalog, ma), released_figure(catalog, mb))
    days = abs((released[0].value - released[1].value).days) if released[0] and released[1] else None
    return Closeness((facts.nominal_params(ma), facts.nominal_params(mb)), released, days)


def released_figure(catalog: Catalog, model: schema.Model) -> schema.Figure | None:
    """A model's release date: its own, else its family's."""
    return model.released or catalog.model_family(model.id).released


def released_on(catalog: Catalog, model: schema.Model) -> date | None:
    figure = released_figure(catalog, model)
    return figure.value if figure else None


def _lineage(catalog: Catalog, family: schema.Family) -> list[str]:
    kin = [family.predecessor, family.successor, *(v.id for v in catalog.variants_of(family.id))]
    kin += [f.id for f in catalog.families.values() if f.variants and family.id in f.variants.value]
    return [k for k in kin if k]


def _rivals(
    by_size: list[tuple[float, str]], i: int, family_of: Mapping[str, str], band: float
) -> list[tuple[float, str]]:
    """The models of other families around position `i` of the size order (log size, id): on each side
    outwards, its SIZE_NEIGHBOURS nearest (and any tied with the last) and every one within `band`, so
    the nearest by size and the direct competitors are among them without a scan of the whole catalog."""
    size, model = by_size[i]
    found = []
    for step in (-1, 1):
        taken, last, j = 0, 0.0, i + step
        while 0 <= j < len(by_size):
            other_size, other = by_size[j]
            gap = abs(other_size - size)
            if taken >= SIZE_NEIGHBOURS and gap > band and gap > last:
                break
            if family_of[other] != family_of[model]:
                found.append((other_size, other))
                taken, last = taken + 1, gap
            j += step
    return found


def _nearest(own: str, values: Mapping[str, V], gap: Callable[[V, V], float], count: int) -> list[str]:
    """The `count` other ids whose value is nearest to `own`'s by `gap`, ties broken by id; none when
    `own` has no value."""
    if own not in values:
        return []
    mine = values[own]
    others = (k for k in values if k != own)
    return heapq.nsmallest(count, others, key=lambda k: (gap(mine, values[k]), k))


def _days(a: date | None, b: date | None) -> float:
    """Days between two release dates; a missing date is farthest of all."""
    return abs((a - b).days) if a and b else math.inf


def _size_gap(a: float, b: float) -> float:
    return abs(math.log(a / b))


def _range_gap(a: tuple[facts.Quantity, facts.Quantity], b: tuple[facts.Quantity, facts.Quantity]) -> float:
    """How far apart two families' size ranges are: the size ratios of their smallest and largest
    models, on a log scale (a 1B–8B family is nearer a 2B–9B one than a 1B–400B one)."""
    return sum(abs(math.log(float(x.value) / float(y.value))) for x, y in zip(a, b, strict=True))


def _ordered(found: dict[tuple[str, str], set[R]], order: tuple[R, ...]) -> Mapping[tuple[str, str], tuple[R, ...]]:
    """The pairs in canonical order, each with its reasons in the order given."""
    return MappingProxyType({key: tuple(r for r in order if r in found[key]) for key in sorted(found)})

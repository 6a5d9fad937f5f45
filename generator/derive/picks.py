"""The "Which should you pick" verdict: each criterion from data/criteria.yaml, measured on a pair.

A criterion yields a reason for one side only when the data of both sides covers it and the
difference passes its threshold; a tie or missing data yields nothing. Wording comes from the data;
this module decides who wins and with which numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from generator import schema
from generator.derive import facts, provenance
from generator.derive.comparison import CategoryResult, PairFacts, Side, first_score
from generator.derive.facts import Quantity
from generator.model import Catalog

Value = Quantity | str


@dataclass(frozen=True)
class Reason:
    """One "Pick X if" item: the criterion, who wins, and the values its wording needs."""

    criterion: schema.Criterion
    winner: Side
    loser: Side
    values: Mapping[str, Value]
    model: schema.Model | None = None


@dataclass(frozen=True)
class Counter:
    """The other side of a hardware reason: the winner on quality needs this much."""

    criterion: schema.Criterion
    side: Side
    values: Mapping[str, Value]


@dataclass(frozen=True)
class Picks:
    a: tuple[Reason, ...]
    b: tuple[Reason, ...]
    counters: tuple[Counter, ...]
    use_both: tuple[Reason, ...] = field(default=())


def decide(catalog: Catalog, pair: PairFacts) -> Picks:
    reasons = [r for c in catalog.criteria if (r := _measure(catalog, c, pair))]
    a = tuple(r for r in reasons if r.winner.id == pair.a.id)
    b = tuple(r for r in reasons if r.winner.id == pair.b.id)
    quality_winners = {r.winner.id for r in reasons if r.criterion.measure == "category"}
    counters = tuple(
        Counter(r.criterion, r.loser, r.values)
        for r in reasons
        if r.criterion.counter and r.loser.id in quality_winners
    )
    return Picks(a, b, counters, _use_both(a, b))


def _use_both(a: tuple[Reason, ...], b: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """When each side wins a different strong criterion, name the model each is best used for."""
    firsts = [next((r for r in side if r.criterion.use_both and r.model), None) for side in (a, b)]
    if not all(firsts):
        return ()
    chosen = [r for r in firsts if r]
    return tuple(sorted(chosen, key=lambda r: facts.size_of(r.model) or math.inf))  # type: ignore[arg-type]


def _measure(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    return MEASURES[criterion.measure](catalog, criterion, pair)


def _sides(pair: PairFacts, winner_is_a: bool) -> tuple[Side, Side]:
    return (pair.a, pair.b) if winner_is_a else (pair.b, pair.a)


def _category(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    result = next((c for c in pair.categories if c.category.id == criterion.category), None)
    if not result or not result.leader or not result.other:
        return None
    won = [r for r in result.rows if r.winner is result.leader]
    top = max(won, key=lambda r: r.margin)
    if top.margin < criterion.threshold:
        return None
    winner_score, winner_model = _side_best(result, result.leader, top.benchmark)
    loser_score, loser_model = _side_best(result, result.other, top.benchmark)
    values = {
        "winner": result.leader.name,
        "loser": result.other.name,
        "benchmark": top.benchmark.name,
        "winner_model": winner_model.name,
        "loser_model": loser_model.name,
        "winner_value": Quantity("score", winner_score.value, source=winner_score.source),
        "loser_value": Quantity("score", loser_score.value, source=loser_score.source),
    }
    languages = result.leader.family.languages
    if languages and languages.value.emphasis:
        values["emphasis"] = languages.value.emphasis
    return Reason(criterion, result.leader, result.other, values, winner_model)


def _side_best(result: CategoryResult, s: Side, benchmark: schema.Benchmark) -> tuple[schema.Score, schema.Model]:
    sign = 1 if benchmark.higher_is_better else -1
    candidates = [
        (score, m)
        for m in result.columns
        if any(m in fam.models for fam in (s.family, *s.variants)) and (score := first_score(m, benchmark.id))
    ]
    return max(candidates, key=lambda p: sign * p[0].value)


def _variants(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    if pair.a.family.variants is None or pair.b.family.variants is None:
        return None
    counts = (len(pair.a.variants), len(pair.b.variants))
    if abs(counts[0] - counts[1]) < criterion.threshold:
        return None
    winner, loser = _sides(pair, counts[0] > counts[1])
    names = _and([v.name for v in winner.variants])
    values = {
        "winner": winner.name,
        "loser": loser.name,
        "variants": names,
        "winner_value": names,
        "loser_value": _and([v.name for v in loser.variants]) if loser.variants else "none",
    }
    return Reason(criterion, winner, loser, values)


def _comparable_models(pair: PairFacts) -> list[tuple[schema.Model, schema.Model]]:
    """Models to weigh against each other: the matchup first, then each side's smallest measured."""
    found = []
    if pair.matchup:
        found.append((pair.matchup.a, pair.matchup.b))
    smallest = [
        min(s.models, key=lambda m: facts.smallest_ram(m).ram_gb if facts.smallest_ram(m) else math.inf)
        for s in pair.sides
        if s.models
    ]
    if len(smallest) == 2:
        found.append((smallest[0], smallest[1]))
    return found


def _ram(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    for ma, mb in _comparable_models(pair):
        ha, hb = facts.smallest_ram(ma), facts.smallest_ram(mb)
        if not (ha and hb and ha.ram_gb and hb.ram_gb):
            continue
        if not provenance.comparable(ha, hb):  # different quantisations: not the same need
            continue
        low, high = sorted((ha.ram_gb, hb.ram_gb))
        winner_is_a = ha.ram_gb < hb.ram_gb
        if high / low < criterion.threshold or low > catalog.site.limited_ram_gb:
            return None
        winner, loser = _sides(pair, winner_is_a)
        (wm, wh), (lm, lh) = ((ma, ha), (mb, hb)) if winner_is_a else ((mb, hb), (ma, ha))
        values = {
            "winner": winner.name,
            "loser": loser.name,
            "limit": Quantity("count", catalog.site.limited_ram_gb),
            "winner_model": wm.name,
            "loser_model": lm.name,
            "winner_value": Quantity("gb", wh.ram_gb or 0, source=wh.source),
            "loser_value": Quantity("gb", lh.ram_gb or 0, source=lh.source),
            "loser_gb": Quantity("count", lh.ram_gb or 0),
        }
        return Reason(criterion, winner, loser, values, wm)
    return None


def _modalities(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    fa, fb = (facts.family_modalities(catalog, s.id) for s in pair.sides)
    if not fa or not fb or abs(len(fa.value) - len(fb.value)) < criterion.threshold:
        return None
    winner_is_a = len(fa.value) > len(fb.value)
    winner, loser = _sides(pair, winner_is_a)
    wf, lf = (fa, fb) if winner_is_a else (fb, fa)
    values = {
        "winner": winner.name,
        "loser": loser.name,
        "winner_value": Quantity("text", " + ".join(facts.ordered_modalities(wf.value)), source=wf.source),
        "loser_value": Quantity("text", " + ".join(facts.ordered_modalities(lf.value)), source=lf.source),
    }
    return Reason(criterion, winner, loser, values)


def _context(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    ca, cb = (facts.max_context(catalog, s.id) for s in pair.sides)
    if ca and cb and not provenance.comparable(ca, cb):
        return None
    if not ca or not cb or max(ca.value, cb.value) / min(ca.value, cb.value) < criterion.threshold:
        return None
    winner_is_a = ca.value > cb.value
    winner, loser = _sides(pair, winner_is_a)
    wc, lc = (ca, cb) if winner_is_a else (cb, ca)
    values = {
        "winner": winner.name,
        "loser": loser.name,
        "winner_value": Quantity("tokens", wc.value, source=wc.source),
        "loser_value": Quantity("tokens", lc.value, source=lc.source),
    }
    return Reason(criterion, winner, loser, values)


def _edge(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    edge = [tuple(m for m in s.models if m.edge and m.edge.value) for s in pair.sides]
    if not all(s.models for s in pair.sides) or abs(len(edge[0]) - len(edge[1])) < criterion.threshold:
        return None
    if edge[0] and edge[1]:
        return None
    winner_is_a = bool(edge[0])
    winner, loser = _sides(pair, winner_is_a)
    models = edge[0] if winner_is_a else edge[1]
    values = {
        "winner": winner.name,
        "loser": loser.name,
        "winner_value": Quantity("text", _and([m.name for m in models]) + (" is" if len(models) == 1 else " are")),
    }
    return Reason(criterion, winner, loser, values, models[0])


def _speed(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    profile = catalog.site.speed_profile
    for ma, mb in _comparable_models(pair):
        sa, sb = facts.speed_on(ma, profile), facts.speed_on(mb, profile)
        if not (sa and sb and sa.tokens_per_second and sb.tokens_per_second):
            continue
        if not provenance.comparable(sa, sb):  # different quantisations or settings decide nothing
            continue
        fast, slow = sorted((sa.tokens_per_second, sb.tokens_per_second), reverse=True)
        if fast / slow < criterion.threshold:
            return None
        winner_is_a = sa.tokens_per_second > sb.tokens_per_second
        winner, loser = _sides(pair, winner_is_a)
        (wm, ws), (lm, ls) = ((ma, sa), (mb, sb)) if winner_is_a else ((mb, sb), (ma, sa))
        values = {
            "winner": winner.name,
            "loser": loser.name,
            "winner_model": wm.name,
            "loser_model": lm.name,
            "winner_value": Quantity("tps", ws.tokens_per_second or 0, source=ws.source),
            "loser_value": Quantity("tps", ls.tokens_per_second or 0, source=ls.source),
            "profile": catalog.profiles[profile].name,
        }
        return Reason(criterion, winner, loser, values, wm)
    return None


def _free_api(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    free = [facts.offers_of(catalog, s.id, "free_api") for s in pair.sides]
    if not all(s.family.offers for s in pair.sides) or bool(free[0]) == bool(free[1]):
        return None
    winner_is_a = bool(free[0])
    winner, loser = _sides(pair, winner_is_a)
    offers = free[0] if winner_is_a else free[1]
    values = {
        "winner": winner.name,
        "loser": loser.name,
        "winner_value": _and([catalog.providers[o.provider].name for o in offers]),
    }
    return Reason(criterion, winner, loser, values)


def _price(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    cheapest = []
    for s in pair.sides:
        priced = [o for o in facts.offers_of(catalog, s.id, "paid_api") if o.output_usd_per_mtok is not None]
        cheapest.append(min(priced, key=lambda o: o.output_usd_per_mtok or 0) if priced else None)
    pa, pb = cheapest
    if pa and pb and not provenance.comparable(pa, pb):
        return None
    if not pa or not pb or not pa.output_usd_per_mtok or not pb.output_usd_per_mtok:
        return None
    low, high = sorted((pa.output_usd_per_mtok, pb.output_usd_per_mtok))
    if high / low < criterion.threshold:
        return None
    winner_is_a = pa.output_usd_per_mtok < pb.output_usd_per_mtok
    winner, loser = _sides(pair, winner_is_a)
    wo, lo = (pa, pb) if winner_is_a else (pb, pa)
    values = {
        "winner": winner.name,
        "loser": loser.name,
        "winner_value": Quantity("usd", wo.output_usd_per_mtok or 0, source=wo.source),
        "loser_value": Quantity("usd", lo.output_usd_per_mtok or 0, source=lo.source),
    }
    return Reason(criterion, winner, loser, values)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


MEASURES: dict[str, Callable[[Catalog, schema.Criterion, PairFacts], Reason | None]] = {
    "category": _category,
    "variants": _variants,
    "ram": _ram,
    "modalities": _modalities,
    "context": _context,
    "edge": _edge,
    "speed": _speed,
    "free_api": _free_api,
    "price": _price,
}

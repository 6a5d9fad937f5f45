"""The "Which should you pick" verdict: each criterion from data/criteria.yaml, measured on a pair.

A criterion yields a reason for one side only when the data of both sides covers it and the
difference passes its threshold; a tie or missing data yields nothing. Wording comes from the data;
this module decides who wins and with which numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from generator import schema
from generator.derive import facts, memory, provenance, verdicts
from generator.derive.comparison import CategoryResult, PairFacts, Side, fits
from generator.derive.facts import Quantity
from generator.model import Catalog

Value = Quantity | str


@dataclass(frozen=True)
class Reason:
    """One "Pick X if" item: the criterion, who wins, the values its wording needs, and the wording.

    `pick` and `evidence` are the wording chosen for this pair (the criterion's, its emphasis form, or
    the comparison's rewording); an editorial addition has no criterion and no values."""

    criterion: schema.Criterion | None
    winner: Side
    loser: Side
    values: Mapping[str, Value]
    model: schema.Model | None = None
    pick: str = ""
    evidence: str | None = None

    def __post_init__(self) -> None:
        # Measures build reasons from the criterion alone; the wording is chosen once, here.
        if not self.pick and self.criterion:
            emphasis = "emphasis" in self.values and self.criterion.pick_with_emphasis
            object.__setattr__(self, "pick", emphasis or self.criterion.pick)
            object.__setattr__(self, "evidence", self.criterion.evidence)


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
    notes: tuple[str, ...] = field(default=())


def decide(catalog: Catalog, pair: PairFacts) -> Picks:
    """The pick lists of a pair: every criterion measured, then the comparison's edits applied."""
    edits = pair.comparison.picks if pair.comparison else []
    computed = [r for c in catalog.criteria if (r := _measure(catalog, c, pair))]
    reasons = [*_edited(computed, edits), *_additions(pair, edits)]
    a = tuple(r for r in reasons if r.winner.id == pair.a.id)
    b = tuple(r for r in reasons if r.winner.id == pair.b.id)
    quality_winners = {r.winner.id for r in reasons if r.criterion and r.criterion.measure == "category"}
    counters = tuple(
        Counter(r.criterion, r.loser, r.values)
        for r in reasons
        if r.criterion and r.criterion.counter and r.loser.id in quality_winners
    )
    return Picks(a, b, counters, _use_both(a, b), _notes(pair, a, b))


def _notes(pair: PairFacts, a: tuple[Reason, ...], b: tuple[Reason, ...]) -> tuple[str, ...]:
    """The comparison's `pick` notes; one with `when_leader` shows only while that family has a
    reason in its list, so a note cannot argue for a side the data no longer supports."""
    notes = pair.comparison.notes if pair.comparison else []
    argued = {s.id for s, reasons in ((pair.a, a), (pair.b, b)) if reasons}
    return tuple(n.text for n in notes if n.section == "pick" and (n.when_leader is None or n.when_leader in argued))


def _edited(reasons: list[Reason], edits: list[schema.PickEdit]) -> list[Reason]:
    """Computed reasons after the pair's drops and rewordings; an edit of a criterion that did not
    yield a reason changes nothing (the data decides whether the item exists, the editor only how
    it reads)."""
    by_criterion = {e.criterion: e for e in edits if e.criterion}
    kept = []
    for r in reasons:
        edit = by_criterion.get(r.criterion.id if r.criterion else None)
        if edit is None:
            kept.append(r)
        elif not edit.drop:
            kept.append(replace(r, pick=edit.pick or r.pick, evidence=edit.evidence or r.evidence))
    return kept


def _additions(pair: PairFacts, edits: list[schema.PickEdit]) -> list[Reason]:
    """Editorial items of prose, listed after the computed ones of their side."""
    added = []
    for e in edits:
        if e.side and e.pick:
            winner, loser = _sides(pair, e.side == pair.a.id)
            added.append(Reason(None, winner, loser, {}, pick=e.pick, evidence=e.evidence))
    return added


def _use_both(a: tuple[Reason, ...], b: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """When each side wins a different strong criterion, name the model each is best used for."""
    firsts = [next((r for r in side if r.criterion and r.criterion.use_both and r.model), None) for side in (a, b)]
    if not all(firsts):
        return ()
    chosen = [r for r in firsts if r]
    return tuple(sorted(chosen, key=lambda r: facts.size_of(r.model) or math.inf))  # type: ignore[arg-type]


def _measure(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    return MEASURES[criterion.measure](catalog, criterion, pair)


def _sides(pair: PairFacts, winner_is_a: bool) -> tuple[Side, Side]:
    return (pair.a, pair.b) if winner_is_a else (pair.b, pair.a)


def _category(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    """The category's verdict, with the sides' dedicated variants where one leads only through them
    (the item then names the variant model and says how the family's own models fare)."""
    result = next((c for c in pair.categories if c.category.id == criterion.category), None)
    if not result:
        return None
    lead = result.variant_lead
    found = lead.verdict if lead else result.own
    if found.kind != "lead" or found.leader is None:
        return None
    winner, loser = result.sides[found.leader], result.sides[1 - found.leader]
    won_rows = [r for r in found.rows if r.winner == found.leader]
    if lead:
        # The lead is the variant's (the family's own models do not carry it): the evidence, and the
        # model a "use both" line names, are the variant's own win, as the category section says.
        won_rows = [r for r in won_rows if r.best[found.leader].model is lead.model] or won_rows
    top = max(won_rows, key=lambda r: r.margin)
    if not _beyond(top.margin, criterion.threshold):
        return None
    won, lost = top.best[found.leader], top.best[1 - found.leader]
    values: dict[str, Value] = {
        "winner": winner.name,
        "loser": loser.name,
        "benchmark": top.benchmark.name,
        "winner_model": won.model.name,
        "loser_model": lost.model.name,
        "winner_value": Quantity("score", won.score.value, source=won.score.source),
        "loser_value": Quantity("score", lost.score.value, source=lost.score.source),
    }
    evidence = None
    if lead and won.model is lead.model:
        variant = next(f for f in winner.variants if won.model in f.models)
        values["variant"] = variant.name
        values["own"] = _own_fare(catalog, result, winner, top)
        evidence = criterion.evidence_with_variant
    languages = winner.family.languages
    if languages and languages.value.emphasis:
        values["emphasis"] = languages.value.emphasis
    reason = Reason(criterion, winner, loser, values, won.model)
    return replace(reason, evidence=evidence) if evidence else reason


def _own_fare(catalog: Catalog, result: CategoryResult, side: Side, row: verdicts.Row) -> Quantity:
    """How a family's own models do on the row a variant of it won: their best score there, or none."""
    found = verdicts.row(catalog, row.benchmark, (*row.keys, row.comparable), side.models, side.models)
    if found is None:
        return Quantity("text", f"{side.name}'s own models report no {row.benchmark.name} score in this setting")
    best = found.best[0]
    # Written as the score cells write it (`:g` keeps 76.8 and 52.81 as they are in the data).
    text = f"{side.name}'s own {best.model.name} scores {best.score.value:g}"
    return Quantity("text", text, source=best.score.source)


def _variants(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    if pair.a.family.variants is None or pair.b.family.variants is None:
        return None
    counts = (len(pair.a.variants), len(pair.b.variants))
    if not _beyond(abs(counts[0] - counts[1]), criterion.threshold):
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


def _comparable_models(catalog: Catalog, pair: PairFacts) -> list[tuple[schema.Model, schema.Model]]:
    """Models to weigh against each other: the matchup first, then each side's smallest measured."""
    found = []
    if pair.matchup:
        found.append((pair.matchup.a, pair.matchup.b))
    smallest = [
        min(s.models, key=lambda m: h.ram_gb if (h := memory.plausible_measured(catalog, m)) else math.inf)
        for s in pair.sides
        if s.models
    ]
    if len(smallest) == 2:
        found.append((smallest[0], smallest[1]))
    return found


def _ram(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    for ma, mb in _comparable_models(catalog, pair):
        ha, hb = memory.plausible_measured(catalog, ma), memory.plausible_measured(catalog, mb)
        if not (ha and hb and ha.ram_gb and hb.ram_gb):
            continue
        if not provenance.comparable(catalog, ha, hb):  # different quantisations: not the same need
            continue
        low, high = sorted((ha.ram_gb, hb.ram_gb))
        winner_is_a = ha.ram_gb < hb.ram_gb
        if not _beyond_ratio(high / low, criterion.threshold) or low > catalog.site.limited_ram_gb:
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
    if not fa or not fb or not _beyond(abs(len(fa.value) - len(fb.value)), criterion.threshold):
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
    if ca and cb and not provenance.comparable(catalog, ca, cb):
        return None
    if not ca or not cb or not _beyond_ratio(max(ca.value, cb.value) / min(ca.value, cb.value), criterion.threshold):
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
    if not all(_lineup_known(s) for s in pair.sides):
        return None
    if not _beyond(abs(len(edge[0]) - len(edge[1])), criterion.threshold):
        return None
    if edge[0] and edge[1]:
        return None
    winner_is_a = bool(edge[0])
    winner, loser = _sides(pair, winner_is_a)
    # "has no such model" is said only when no model of the other side could be one: a model whose
    # maker states nothing about on-device use but which fits a phone (Qwen 3.5 0.8B, 1.1 GB) may well
    # be built for it, so the absence of a statement proves nothing.
    if any(m.edge is None and _might_run_on_device(catalog, m) for m in loser.models):
        return None
    models = edge[0] if winner_is_a else edge[1]
    values = {
        "winner": winner.name,
        "loser": loser.name,
        "winner_value": Quantity("text", _and([m.name for m in models]) + (" is" if len(models) == 1 else " are")),
    }
    return Reason(criterion, winner, loser, values, models[0])


def _might_run_on_device(catalog: Catalog, model: schema.Model) -> bool:
    """Whether the model could run in the edge profile's memory: unless the data shows it cannot (its
    memory need, or its weights alone at 2 bits each, pass that memory), as every "fits" decides."""
    capacity = catalog.profiles[catalog.site.edge_profile].capacity_gb
    return capacity is None or fits(catalog, model, capacity.value) is not False


def _lineup_known(s: Side) -> bool:
    """Whether "has no edge model" can be said of a side: it states `edge` for a model, or every model
    it lists has a size. A family listed by name only (a newly announced one) is not judged."""
    return bool(s.models) and (any(m.edge for m in s.models) or all(facts.size_of(m) for m in s.models))


def _speed(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    """Who is faster: by trusted measurements on the speed profile (a measurement its weights or the
    hardware's bandwidth make impossible decides nothing), else, where the criterion words it, by the
    parameters each token reads, which bound the speed of either model on the same hardware."""
    profile = catalog.site.speed_profile
    for ma, mb in _comparable_models(catalog, pair):
        sa, sb = facts.speed_on(ma, profile), facts.speed_on(mb, profile)
        if not (sa and sb and sa.tokens_per_second and sb.tokens_per_second):
            continue
        if memory.doubts(catalog, ma, sa) or memory.doubts(catalog, mb, sb):
            continue
        if not provenance.comparable(catalog, sa, sb):  # different quantisations or settings decide nothing
            continue
        fast, slow = sorted((sa.tokens_per_second, sb.tokens_per_second), reverse=True)
        if not _beyond_ratio(fast / slow, criterion.threshold):
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
    return _speed_by_active(catalog, criterion, pair) if criterion.evidence_estimated else None


def _speed_by_active(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    """The editors' matchup (a comparison file's `matchup:`, two models an editor set against each other)
    by its active parameters: generating a token reads every active weight, so at the same format the
    model reading fewer is faster on any hardware (data-and-methods#memory)."""
    m = pair.matchup
    if not (m and m.curated and m.more_active and m.active_ratio and m.active_a and m.active_b):
        return None
    if not _beyond_ratio(m.active_ratio, criterion.threshold):
        return None
    (wm, wq), (lm, lq) = sorted(((m.a, m.active_a), (m.b, m.active_b)), key=lambda p: float(p[1].value))
    winner, loser = _sides(pair, catalog.family_of[wm.id] == pair.a.id)
    values: dict[str, Value] = {
        "winner": winner.name,
        "loser": loser.name,
        "winner_model": wm.name,
        "loser_model": lm.name,
        "winner_value": wq,
        "loser_value": lq,
        "profile": catalog.profiles[catalog.site.speed_profile].name,
    }
    return replace(Reason(criterion, winner, loser, values, wm), evidence=criterion.evidence_estimated)


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
    reason = Reason(criterion, winner, loser, values)
    # "Needs a paid provider" only of a family with a paid API on record: one whose sources list only
    # its weights (Granite 4.1, Olmo 3) is worded by `evidence_unlisted`, or gets no reason.
    if facts.offers_of(catalog, loser.id, "paid_api"):
        return reason
    return replace(reason, evidence=criterion.evidence_unlisted) if criterion.evidence_unlisted else None


def _price(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    cheapest = []
    for s in pair.sides:
        priced = [o for o in facts.offers_of(catalog, s.id, "paid_api") if o.output_usd_per_mtok is not None]
        cheapest.append(min(priced, key=lambda o: o.output_usd_per_mtok or 0) if priced else None)
    pa, pb = cheapest
    if pa and pb and not provenance.comparable(catalog, pa, pb):
        return None
    if not pa or not pb or not pa.output_usd_per_mtok or not pb.output_usd_per_mtok:
        return None
    low, high = sorted((pa.output_usd_per_mtok, pb.output_usd_per_mtok))
    if not _beyond_ratio(high / low, criterion.threshold):
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


def _license(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    """Tiers of the permissiveness order in data/criteria.yaml apart; a license not listed is not judged."""
    tiers = catalog.license_tiers
    rank = {name: i for i, tier in enumerate(tiers) for name in tier.licenses}
    # Judged on each family's own license; models under another one are named beside it.
    licenses = [facts.licenses(catalog, s.id) for s in pair.sides]
    la, lb = (found.family if found else None for found in licenses)
    if not la or not lb or la.value not in rank or lb.value not in rank:
        return None
    ra, rb = rank[la.value], rank[lb.value]
    if not _beyond(abs(ra - rb), criterion.threshold):
        return None
    winner_is_a = ra < rb
    winner, loser = _sides(pair, winner_is_a)
    (wl, wr), (ll, lr) = ((la, ra), (lb, rb)) if winner_is_a else ((lb, rb), (la, ra))
    wt, lt = (licenses[0], licenses[1]) if winner_is_a else (licenses[1], licenses[0])
    values = {
        "winner": winner.name,
        "loser": loser.name,
        "winner_value": Quantity("text", wt.text(), source=wl.source),  # type: ignore[union-attr]
        "loser_value": Quantity("text", lt.text(), source=ll.source),  # type: ignore[union-attr]
        "winner_tier": tiers[wr].name,
        "loser_tier": tiers[lr].name,
    }
    return Reason(criterion, winner, loser, values)


def _languages(catalog: Catalog, criterion: schema.Criterion, pair: PairFacts) -> Reason | None:
    """The makers' language claims ("140+ languages"), as a ratio of the counts."""
    la, lb = (s.family.languages for s in pair.sides)
    if not la or not lb:
        return None
    ca, cb = la.value.count, lb.value.count
    if not _beyond_ratio(max(ca, cb) / min(ca, cb), criterion.threshold):
        return None
    winner_is_a = ca > cb
    winner, loser = _sides(pair, winner_is_a)
    wl, ll = (la, lb) if winner_is_a else (lb, la)
    values = {
        "winner": winner.name,
        "loser": loser.name,
        "winner_value": Quantity("text", _language_count(wl.value), source=wl.source),
        "loser_value": Quantity("text", _language_count(ll.value), source=ll.source),
    }
    return Reason(criterion, winner, loser, values)


def _language_count(languages: schema.Languages) -> str:
    return f"{languages.count}+" if languages.at_least else str(languages.count)


def _beyond(difference: float, threshold: float) -> bool:
    """A difference that counts: past the threshold and never zero, so that a tie goes to neither
    side even under a threshold of 0."""
    return difference > 0 and difference >= threshold


def _beyond_ratio(ratio: float, threshold: float) -> bool:
    """A ratio (larger over smaller) that counts: past the threshold and never 1 (a tie)."""
    return ratio > 1 and ratio >= threshold


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
    "license": _license,
    "languages": _languages,
}

"""Everything a comparison page states, computed from the catalog: tables, winners, ratios, sentences' facts.

Pure functions from the catalog to frozen facts. Render only formats these; if a number or a verdict
appears on a comparison page, it was decided here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from generator import schema
from generator.derive import facts, memory, provenance
from generator.derive.facts import Quantity
from generator.model import Catalog, pair_key


@dataclass(frozen=True)
class Side:
    """One family of a pair, with the dedicated variant families that count for it."""

    family: schema.Family
    maker: schema.Maker
    models: tuple[schema.Model, ...]
    variants: tuple[schema.Family, ...]

    @property
    def id(self) -> str:
        return self.family.id

    @property
    def name(self) -> str:
        return self.family.name

    def variant_models(self, category: str | None = None) -> tuple[schema.Model, ...]:
        """Models of the variant families; given a category, only variants dedicated to it (or to nothing).

        A coding variant speaks for its family on coding, not on general reasoning or math.
        """
        return tuple(m for v in self.variants if category is None or v.specialty in (None, category) for m in v.models)


@dataclass(frozen=True)
class Banner:
    family: schema.Family
    successor: schema.Family
    newest_model: schema.Model | None


@dataclass(frozen=True)
class QuickRow:
    """A row of a side-by-side spec table (pair and matchup pages); its key decides how render formats it."""

    key: str
    label: str
    values: tuple[object, object]


@dataclass(frozen=True)
class SizeSummary:
    bigger: Side | None
    bigger_total: Quantity | None
    smaller: Side | None
    smaller_size: Quantity | None
    more_options: Side | None
    option_counts: tuple[int, int]
    more_options_edge: bool
    close_pairs: int


@dataclass(frozen=True)
class Matchup:
    a: schema.Model
    b: schema.Model
    active_a: Quantity | None
    active_b: Quantity | None
    more_active: Side | None
    active_ratio: float | None
    ram_more: schema.Measurement | None
    ram_less: schema.Measurement | None
    curated: bool


@dataclass(frozen=True)
class BenchRow:
    benchmark: schema.Benchmark
    cells: tuple[schema.Score | None, ...]
    best: tuple[int, ...]
    winner: Side | None
    margin: float
    comparable: bool
    settings: tuple[str, ...] = ()  # the compared figures' settings, when they differ and decide nothing


@dataclass(frozen=True)
class CategoryResult:
    category: schema.Category
    columns: tuple[schema.Model, ...]
    rows: tuple[BenchRow, ...]
    leader: Side | None
    other: Side | None
    wins: tuple[int, int]
    sweep: bool
    decisive: bool
    needs_variant: tuple[schema.Family, ...]
    uncompared: tuple[schema.Benchmark, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class HardwareRow:
    """One model of the pair: estimated beside measured on the speed profile (derive.memory.ModelRow),
    with its active parameters."""

    row: memory.ModelRow
    active: Quantity | None

    @property
    def model(self) -> schema.Model:
        return self.row.model

    @property
    def measurement(self) -> schema.Measurement | None:
        return self.row.measured.measurement if self.row.measured else None


@dataclass(frozen=True)
class Hardware:
    profile: schema.Profile
    rows: tuple[HardwareRow, ...]
    common_quantisation: str | None
    leader: Side | None
    fast: schema.Model | None
    slow: schema.Model | None
    ram_ratio: float | None
    speed_ratio: float | None
    limit_gb: float
    only_within_limit: Side | None
    smallest_ram: tuple[schema.Model, schema.Measurement] | None
    even_smaller: tuple[schema.Model, Quantity] | None
    notes: tuple[str, ...]
    incomparable: tuple[str, ...] = ()  # settings of the table's rows when they differ: no leader is named
    defaults: schema.MemoryDefaults | None = None
    """What the estimated columns assume (format, context, cache type)."""


@dataclass(frozen=True)
class ApiRow:
    side: Side
    local: tuple[schema.Provider, ...]
    free: tuple[schema.Provider, ...]
    paid: tuple[schema.Provider, ...]


@dataclass(frozen=True)
class Ecosystem:
    ollama: tuple[schema.Model, ...]
    ollama_families: tuple[Side, ...]
    api: tuple[ApiRow, ApiRow]
    variants: tuple[tuple[Side, tuple[schema.Family, ...]], ...]
    variant_leader: Side | None
    no_variants: tuple[Side, ...]
    specialties: tuple[str, ...]


@dataclass(frozen=True)
class PairFacts:
    slug: str
    a: Side
    b: Side
    comparison: schema.Comparison | None
    banners: tuple[Banner, ...]
    same_license: str | None
    both_local: bool
    quick: tuple[QuickRow, ...]
    sizes: tuple[tuple[schema.Model | None, schema.Model | None], ...]
    size_summary: SizeSummary
    matchup: Matchup | None
    categories: tuple[CategoryResult, ...]
    hardware: Hardware | None
    ecosystem: Ecosystem
    notes: dict[str, tuple[str, ...]]
    sources: tuple[schema.Source, ...]

    @property
    def sides(self) -> tuple[Side, Side]:
        return self.a, self.b


def pair_slug(a: str, b: str) -> str:
    first, second = pair_key(a, b)
    return f"{first}-vs-{second}"


def side(catalog: Catalog, family_id: str) -> Side:
    family = catalog.families[family_id]
    return Side(family, catalog.makers[family.maker], tuple(family.models), catalog.variants_of(family_id))


def compare(catalog: Catalog, first: str, second: str) -> PairFacts:
    """All facts of the comparison of two families, in the order a curated comparison presents them."""
    comparison = catalog.comparison(first, second)
    order = comparison.families if comparison else [first, second]
    a, b = side(catalog, order[0]), side(catalog, order[1])
    matchup = _matchup(catalog, a, b, comparison)
    categories = tuple(
        result for category in catalog.categories.values() if (result := _category(catalog, category, a, b, comparison))
    )
    return PairFacts(
        slug=pair_slug(a.id, b.id),
        a=a,
        b=b,
        comparison=comparison,
        banners=tuple(_banner(catalog, s) for s in (a, b) if s.family.successor),
        same_license=_same_license(catalog, a, b),
        both_local=all(facts.offers_of(catalog, s.id, "local") for s in (a, b)),
        quick=_quick_rows(catalog, a, b),
        sizes=_align_sizes(a.models, b.models, (matchup.a, matchup.b) if matchup else None),
        size_summary=_size_summary(catalog, a, b),
        matchup=matchup,
        categories=categories,
        hardware=_hardware(catalog, a, b, matchup, comparison),
        ecosystem=_ecosystem(catalog, a, b, matchup),
        notes=_plain_notes(comparison),
        sources=_sources(catalog, a, b, comparison),
    )


# --- heading facts -------------------------------------------------------------------------------


def _banner(catalog: Catalog, s: Side) -> Banner:
    successor = catalog.families[s.family.successor or ""]
    return Banner(s.family, successor, successor.models[-1] if successor.models else None)


def _same_license(catalog: Catalog, a: Side, b: Side) -> str | None:
    """The license both families are under, every model included; None when any model differs."""
    la, lb = facts.licenses(catalog, a.id), facts.licenses(catalog, b.id)
    if not la or not lb or la.exceptions or lb.exceptions or not la.family or not lb.family:
        return None
    return la.family.value if la.family.value == lb.family.value else None


def _quick_rows(catalog: Catalog, a: Side, b: Side) -> tuple[QuickRow, ...]:
    def row(key: str, label: str, get) -> QuickRow | None:  # noqa: ANN001 - a local accessor
        values = (get(a), get(b))
        return QuickRow(key, label, values) if any(v for v in values) else None

    candidates = [
        row("maker", "Maker", lambda s: s.maker.name),
        row("license", "License", lambda s: facts.licenses(catalog, s.id)),
        row("range", "Model range", lambda s: facts.size_range(catalog, s.id)),
        row("architecture", "Architecture", lambda s: facts.architectures(catalog, s.id)),
        row("context", "Max context", lambda s: facts.max_context(catalog, s.id)),
        row("modalities", "Multimodal", lambda s: facts.family_modalities(catalog, s.id)),
        row("coding", "Coding variants", lambda s: _coding_variants(s) if s.family.variants else None),
        row("strengths", "Strongest at", lambda s: s.family.strengths),
    ]
    return tuple(r for r in candidates if r)


def _coding_variants(s: Side) -> tuple[schema.Family, ...]:
    return tuple(v for v in s.variants if v.specialty == "coding")


# --- sizes ---------------------------------------------------------------------------------------

GAP_COST = math.log(4)  # leaving a model unpaired costs as much as pairing it with one 4x its size


def _align_sizes(
    left: Iterable[schema.Model], right: Iterable[schema.Model], anchor: tuple[schema.Model, schema.Model] | None
) -> tuple[tuple[schema.Model | None, schema.Model | None], ...]:
    """Rows of the size table: each family's models by size, paired where sizes are close.

    The matchup, when there is one, is pinned to one row; the models on either side of it are paired
    by a small sequence alignment that minimises the size gap within rows (models of very different
    size get rows of their own rather than a misleading pairing).
    """
    lefts = sorted((m for m in left if facts.size_of(m)), key=lambda m: facts.size_of(m) or 0)
    rights = sorted((m for m in right if facts.size_of(m)), key=lambda m: facts.size_of(m) or 0)
    if anchor and anchor[0] in lefts and anchor[1] in rights:
        i, j = lefts.index(anchor[0]), rights.index(anchor[1])
        return (
            *_align(lefts[:i], rights[:j]),
            (anchor[0], anchor[1]),
            *_align(lefts[i + 1 :], rights[j + 1 :]),
        )
    return tuple(_align(lefts, rights))


def _align(
    lefts: list[schema.Model], rights: list[schema.Model]
) -> list[tuple[schema.Model | None, schema.Model | None]]:
    n, m = len(lefts), len(rights)
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 or j == 0:
                cost[i][j] = (i + j) * GAP_COST
                continue
            pair = abs(math.log((facts.size_of(lefts[i - 1]) or 1) / (facts.size_of(rights[j - 1]) or 1)))
            cost[i][j] = min(cost[i - 1][j - 1] + pair, cost[i - 1][j] + GAP_COST, cost[i][j - 1] + GAP_COST)
    rows: list[tuple[schema.Model | None, schema.Model | None]] = []
    i, j = n, m
    while i or j:
        if i and j:
            pair = abs(math.log((facts.size_of(lefts[i - 1]) or 1) / (facts.size_of(rights[j - 1]) or 1)))
            if math.isclose(cost[i][j], cost[i - 1][j - 1] + pair):
                rows.append((lefts[i - 1], rights[j - 1]))
                i, j = i - 1, j - 1
                continue
        if i and (not j or math.isclose(cost[i][j], cost[i - 1][j] + GAP_COST)):
            rows.append((lefts[i - 1], None))
            i -= 1
        else:
            rows.append((None, rights[j - 1]))
            j -= 1
    return rows[::-1]


def _size_summary(catalog: Catalog, a: Side, b: Side) -> SizeSummary:
    ranges = {s.id: facts.size_range(catalog, s.id) for s in (a, b)}
    ra, rb = ranges[a.id], ranges[b.id]
    bigger = smaller = None
    if ra and rb:
        bigger = a if ra[1].value > rb[1].value else b if rb[1].value > ra[1].value else None
        smaller = a if ra[0].value < rb[0].value else b if rb[0].value < ra[0].value else None
    counts = (len(a.models), len(b.models))
    more = a if counts[0] > counts[1] else b if counts[1] > counts[0] else None
    close = sum(
        1
        for ma in a.models
        for mb in b.models
        if (sa := facts.size_of(ma))
        and (sb := facts.size_of(mb))
        and max(sa, sb) / min(sa, sb) <= catalog.site.close_size_ratio
    )
    return SizeSummary(
        bigger=bigger,
        bigger_total=ranges[bigger.id][1] if bigger else None,  # type: ignore[index]
        smaller=smaller,
        smaller_size=ranges[smaller.id][0] if smaller else None,  # type: ignore[index]
        more_options=more,
        option_counts=counts,
        more_options_edge=bool(more and any(m.edge and m.edge.value for m in more.models)),
        close_pairs=close,
    )


# --- matchup -------------------------------------------------------------------------------------


def _matchup(catalog: Catalog, a: Side, b: Side, comparison: schema.Comparison | None) -> Matchup | None:
    if comparison and comparison.matchup:
        pair = (catalog.models[comparison.matchup[0]], catalog.models[comparison.matchup[1]])
        curated = True
    else:
        found = default_matchup(a.models, b.models)
        if not found:
            return None
        pair, curated = found, False
    ma, mb = pair
    qa = facts.figure_quantity("params", facts.active_params(ma))
    qb = facts.figure_quantity("params", facts.active_params(mb))
    more_active = ratio = None
    if qa and qb and qa.value != qb.value:
        more_active = a if float(qa.value) > float(qb.value) else b
        ratio = max(float(qa.value), float(qb.value)) / min(float(qa.value), float(qb.value))
    ram_a, ram_b = memory.plausible_measured(catalog, ma), memory.plausible_measured(catalog, mb)
    ram_more = ram_less = None
    if ram_a and ram_b and ram_a.ram_gb != ram_b.ram_gb and provenance.comparable(catalog, ram_a, ram_b):
        ram_more, ram_less = sorted((ram_a, ram_b), key=lambda h: -(h.ram_gb or 0))
    return Matchup(ma, mb, qa, qb, more_active, ratio, ram_more, ram_less, curated)


def default_matchup(
    left: tuple[schema.Model, ...], right: tuple[schema.Model, ...]
) -> tuple[schema.Model, schema.Model] | None:
    """The pair with the most benchmarks in common, then the closest in size: the fairest fight."""
    best: tuple[tuple[int, float, int, int], tuple[schema.Model, schema.Model]] | None = None
    for i, ma in enumerate(left):
        for j, mb in enumerate(right):
            common = len({s.benchmark for s in ma.scores} & {s.benchmark for s in mb.scores})
            sa, sb = facts.size_of(ma), facts.size_of(mb)
            gap = abs(math.log(sa / sb)) if sa and sb else math.inf
            key = (-common, gap, i, j)
            if best is None or key < best[0]:
                best = (key, (ma, mb))
    if best is None or (best[0][0] == 0 and best[0][1] == math.inf):
        return None
    return best[1]


# --- benchmarks ----------------------------------------------------------------------------------


def first_score(model: schema.Model, benchmark: str) -> schema.Score | None:
    return next((s for s in model.scores if s.benchmark == benchmark), None)


def _category(
    catalog: Catalog, category: schema.Category, a: Side, b: Side, comparison: schema.Comparison | None
) -> CategoryResult | None:
    benchmarks = [bm for bm in catalog.benchmarks.values() if bm.category == category.id]
    ids = {bm.id for bm in benchmarks}

    def scored(models: Iterable[schema.Model]) -> list[schema.Model]:
        return [m for m in models if any(s.benchmark in ids for s in m.scores)]

    groups = [
        scored(a.models),
        scored(a.variant_models(category.id)),
        scored(b.models),
        scored(b.variant_models(category.id)),
    ]
    columns = tuple(m for g in groups for m in g)
    a_cols, b_cols = groups[0] + groups[1], groups[2] + groups[3]
    if not a_cols or not b_cols:
        return None
    rows, uncompared = [], []
    for bm in benchmarks:
        row = _bench_row(catalog, bm, columns, a_cols, b_cols, a, b)
        if row:
            rows.append(row)
        elif any(first_score(m, bm.id) for m in columns):
            uncompared.append(bm)
    if not rows and not uncompared:
        return None
    wins = (sum(r.winner is a for r in rows), sum(r.winner is b for r in rows))
    leader = a if wins[0] > wins[1] else b if wins[1] > wins[0] else None
    other = (b if leader is a else a) if leader else None
    sweep = bool(leader and rows and max(wins) == len(rows))
    decisive = sweep and all(r.margin >= catalog.site.decisive_margin for r in rows)
    needs_variant: tuple[schema.Family, ...] = ()
    if leader:
        own = list(leader.models)
        base_rows = [
            _bench_row(catalog, bm, columns, own if leader is a else a_cols, own if leader is b else b_cols, a, b)
            for bm in (r.benchmark for r in rows)
        ]
        base_wins = sum(1 for r in base_rows if r and r.winner is leader)
        base_losses = sum(1 for r in base_rows if r and r.winner is other)
        if base_wins <= base_losses:
            needs_variant = tuple(v for v in leader.variants if any(m in columns for m in v.models))
    notes = _notes(comparison, category.id, leader)
    return CategoryResult(
        category, columns, tuple(rows), leader, other, wins, sweep, decisive, needs_variant, tuple(uncompared), notes
    )


def _bench_row(
    catalog: Catalog,
    bm: schema.Benchmark,
    columns: tuple[schema.Model, ...],
    a_cols: list[schema.Model],
    b_cols: list[schema.Model],
    a: Side,
    b: Side,
) -> BenchRow | None:
    sign = 1 if bm.higher_is_better else -1
    best_a = _best(a_cols, bm.id, sign)
    best_b = _best(b_cols, bm.id, sign)
    if not best_a or not best_b:
        return None
    cells = tuple(first_score(m, bm.id) for m in columns)
    comparable = provenance.comparable(catalog, best_a, best_b)
    margin = abs(best_a.value - best_b.value)
    winner = None
    if comparable and margin > 0:
        winner = a if sign * (best_a.value - best_b.value) > 0 else b
    top = max(sign * c.value for c in cells if c)
    best = tuple(i for i, c in enumerate(cells) if c and sign * c.value == top) if comparable else ()
    settings = (
        () if comparable else (provenance.setting_label(catalog, best_a), provenance.setting_label(catalog, best_b))
    )
    return BenchRow(bm, cells, best, winner, margin, comparable, settings)


def _best(models: list[schema.Model], benchmark: str, sign: int) -> schema.Score | None:
    scores = [s for m in models if (s := first_score(m, benchmark))]
    return max(scores, key=lambda s: sign * s.value) if scores else None


def _notes(comparison: schema.Comparison | None, section: str, leader: Side | None) -> tuple[str, ...]:
    if not comparison:
        return ()
    return tuple(
        n.text
        for n in comparison.notes
        if n.section == section and (n.when_leader is None or (leader is not None and n.when_leader == leader.id))
    )


def _plain_notes(comparison: schema.Comparison | None) -> dict[str, tuple[str, ...]]:
    sections = ("intro", "sizes", "matchup", "hardware", "api", "variants", "community", "pick")
    return {s: _notes(comparison, s, None) for s in sections}


# --- hardware ------------------------------------------------------------------------------------


def _hardware(
    catalog: Catalog, a: Side, b: Side, matchup: Matchup | None, comparison: schema.Comparison | None
) -> Hardware | None:
    profile_id = catalog.site.speed_profile
    profile = catalog.profiles[profile_id]
    models = (*a.models, *b.models)
    order = {m.id: i for i, m in enumerate(models)}
    rows = [row for m in models if (row := _hardware_row(catalog, profile, m))]
    measured = [r for r in rows if r.measurement]
    plausible = [(m, h) for m in models if (h := memory.plausible_measured(catalog, m))]
    if not rows and not plausible:
        return None
    rows.sort(key=lambda r: (r.row.gb, order[r.model.id]))
    quants = {r.measurement.quantisation for r in measured if r.measurement}
    fastest = max((r.measurement.tokens_per_second or 0 for r in measured if r.measurement), default=0)
    fastest_sides = {
        catalog.family_of[r.model.id]
        for r in measured
        if r.measurement and (r.measurement.tokens_per_second or 0) == fastest
    }
    leader = (a if a.id in fastest_sides else b) if fastest and len(fastest_sides) == 1 else None
    # Rows measured under different settings (Q4 vs Q8) cannot name the fastest family.
    incomparable = provenance.incomparable_settings(catalog, (r.measurement for r in measured if r.measurement))
    if incomparable:
        leader = None
    fast = slow = None
    ram_ratio = speed_ratio = None
    if matchup:
        sa, sb = facts.speed_on(matchup.a, profile_id), facts.speed_on(matchup.b, profile_id)
        if sa and sb and sa.tokens_per_second != sb.tokens_per_second and provenance.comparable(catalog, sa, sb):
            (fast, f), (slow, s) = sorted(
                ((matchup.a, sa), (matchup.b, sb)), key=lambda p: -(p[1].tokens_per_second or 0)
            )
            speed_ratio = (f.tokens_per_second or 0) / (s.tokens_per_second or 1)
            rf, rs = memory.plausible_measured(catalog, fast), memory.plausible_measured(catalog, slow)
            if rf and rs and rf.ram_gb and rs.ram_gb and provenance.comparable(catalog, rf, rs):
                ram_ratio = rf.ram_gb / rs.ram_gb
    limit = catalog.site.limited_ram_gb
    within = {catalog.family_of[m.id] for m, h in plausible if (h.ram_gb or math.inf) <= limit}
    only = (a if a.id in within else b) if len(within) == 1 else None
    smallest = min(plausible, key=lambda p: (p[1].ram_gb or math.inf, order[p[0].id]), default=None)
    even_smaller = None
    if smallest:
        size = facts.size_of(smallest[0]) or math.inf
        tiny = [m for m in models if (facts.size_of(m) or math.inf) < size]
        if tiny:
            m = min(tiny, key=lambda m: facts.size_of(m) or math.inf)
            even_smaller = (m, facts.figure_quantity("params", facts.nominal_params(m)))  # type: ignore[assignment]
    return Hardware(
        profile=profile,
        rows=tuple(rows),
        common_quantisation=next(iter(quants)) if len(quants) == 1 else None,
        leader=leader,
        fast=fast,
        slow=slow,
        ram_ratio=ram_ratio,
        speed_ratio=speed_ratio,
        limit_gb=limit,
        only_within_limit=only,
        smallest_ram=smallest,
        even_smaller=even_smaller,
        notes=_notes(comparison, "hardware", None),
        incomparable=incomparable,
        defaults=memory.formats(catalog).defaults if memory.formats(catalog) else None,
    )


def _hardware_row(catalog: Catalog, profile: schema.Profile, model: schema.Model) -> HardwareRow | None:
    found = memory.model_row(catalog, model, profile)
    return HardwareRow(found, facts.figure_quantity("params", facts.active_params(model))) if found else None


# --- ecosystem -----------------------------------------------------------------------------------


def _ecosystem(catalog: Catalog, a: Side, b: Side, matchup: Matchup | None) -> Ecosystem:
    tagged = [s for s in (a, b) if facts.ollama_models(catalog, s.id)]
    if matchup and all(m.ollama for m in (matchup.a, matchup.b)):
        ollama = (matchup.b, matchup.a) if matchup.b.ollama.value < matchup.a.ollama.value else (matchup.a, matchup.b)  # type: ignore[union-attr]
    else:
        ollama = tuple(m for s in (a, b) for m in facts.ollama_models(catalog, s.id)[-1:])

    def providers(s: Side, kind: schema.OfferKind) -> tuple[schema.Provider, ...]:
        # A provider with one offer per model (each at its own price) is still one provider here.
        ids = dict.fromkeys(o.provider for o in facts.offers_of(catalog, s.id, kind))
        return tuple(catalog.providers[i] for i in ids)

    api = tuple(ApiRow(s, providers(s, "local"), providers(s, "free_api"), providers(s, "paid_api")) for s in (a, b))
    variants = tuple((s, s.variants) for s in (a, b) if s.variants)
    stated_none = tuple(s for s in (a, b) if s.family.variants is not None and not s.variants)
    leader = variants[0][0] if len(variants) == 1 else None
    specialties = tuple(sorted({v.specialty for _, vs in variants for v in vs if v.specialty}))
    return Ecosystem(ollama, tuple(tagged), api, variants, leader, stated_none, specialties)  # type: ignore[arg-type]


# --- sources -------------------------------------------------------------------------------------


def _sources(catalog: Catalog, a: Side, b: Side, comparison: schema.Comparison | None) -> tuple[schema.Source, ...]:
    owners: list[object] = [a.family, b.family, *a.variants, *b.variants]
    if comparison:
        owners.append(comparison)
    ids = set().union(*(_source_ids(owner) for owner in owners))
    return tuple(catalog.sources[i] for i in sorted(ids))


# Source ids per family, walked once rather than once per pair page: every family is in n-1 pairs.
# Keyed by identity (families hold lists, so they do not hash); each entry keeps its object alive so
# the id cannot be reused while cached, and the cache is emptied when a new catalog outgrows it.
_SOURCE_IDS: dict[int, tuple[object, frozenset[str]]] = {}


def _source_ids(owner: object) -> frozenset[str]:
    cached = _SOURCE_IDS.get(id(owner))
    if cached is not None and cached[0] is owner:
        return cached[1]
    if len(_SOURCE_IDS) > 100_000:
        _SOURCE_IDS.clear()
    ids = frozenset(node.source for node in facts.sourced_in(owner))
    _SOURCE_IDS[id(owner)] = (owner, ids)
    return ids

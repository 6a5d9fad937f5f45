"""Everything a comparison page states, computed from the catalog: tables, winners, ratios, sentences' facts.

Pure functions from the catalog to frozen facts. Render only formats these; if a number or a verdict
appears on a comparison page, it was decided here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from generator import schema
from generator.derive import facts, memory, provenance, verdicts
from generator.derive.facts import Quantity, first_score
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
    """The successor's newest model that fits one of the hardware profiles, else its newest."""
    runs_locally: bool
    """Whether `newest_model` fits a profile's memory (estimated or measured): only then does the
    banner say "how to run it locally"."""


@dataclass(frozen=True)
class QuickRow:
    """A row of a side-by-side spec table (pair and matchup pages); its key decides how render formats it."""

    key: str
    label: str
    values: tuple[object, object]
    read_off: tuple[object, object] = (None, None)
    """Per value, the figures it is read off but does not hold (an architecture, from each model's
    figure), cited beside it."""


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

    @property
    def both_ways(self) -> bool:
        """One family has both the largest model and the smallest."""
        return self.bigger is not None and self.bigger is self.smaller

    @property
    def more_and_fewer(self) -> tuple[int, int]:
        """The larger and the smaller model count."""
        return max(self.option_counts), min(self.option_counts)


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
    """A row of a category's table: one benchmark in one pair of settings, a cell per column."""

    benchmark: schema.Benchmark
    label: str
    """The benchmark's name, with the setting when the benchmark has several rows."""
    cells: tuple[schema.Score | None, ...]
    best: tuple[int, ...]
    winner: Side | None
    comparable: bool
    settings: tuple[str, ...] = ()  # the compared figures' settings, when they differ and decide nothing


@dataclass(frozen=True)
class VariantLead:
    """Where a side's dedicated variant changes the category's answer: the side leads only with it."""

    side: Side
    family: schema.Family
    """The dedicated variant family."""
    model: schema.Model
    """The variant model behind the lead (the one winning most of its rows)."""
    verdict: verdicts.Verdict
    """The sides with their variants."""


@dataclass(frozen=True)
class CategoryResult:
    category: schema.Category
    columns: tuple[schema.Model, ...]
    rows: tuple[BenchRow, ...]
    own: verdicts.Verdict
    """The families' own models: a family leads only through these."""
    variant_lead: VariantLead | None
    sides: tuple[Side, Side]
    uncompared: tuple[schema.Benchmark, ...]
    notes: tuple[str, ...]

    @property
    def leader(self) -> Side | None:
        """The family that leads by its own models."""
        return self.sides[self.own.leader] if self.own.kind == "lead" and self.own.leader is not None else None

    @property
    def other(self) -> Side | None:
        return self.sides[1 - self.own.leader] if self.leader and self.own.leader is not None else None

    @property
    def higher(self) -> Side | None:
        """The family higher on every row when nothing may be compared (`apart`)."""
        return self.sides[self.own.leader] if self.own.kind == "apart" and self.own.leader is not None else None

    @property
    def wins(self) -> tuple[int, int]:
        return self.own.wins

    @property
    def languages(self) -> tuple[schema.Figure, schema.Figure] | None:
        """The leader's and the other family's language claims, where the category speaks of languages
        and both families state one."""
        if not (self.category.mentions_languages and self.leader and self.other):
            return None
        lead, other = self.leader.family.languages, self.other.family.languages
        return (lead, other) if lead and other else None


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
    """The one family with a model measured to fit in `limit_gb`, when every model of the other is
    known not to (measured above it, or too many parameters to fit at all)."""
    only_by_estimate: bool
    """Whether an estimate (at the default format) rules out any of the other family's models, so the
    "only option" sentence says at which format."""
    measured_within_limit: tuple[Side, schema.Model, schema.Measurement, Side] | None
    """A family with a model measured to fit, when the other (last) has none known to fit but some of
    unknown memory: the page says what was measured, never "only option"."""
    unknown_memory: tuple[schema.Model, ...]
    smallest_ram: tuple[schema.Model, schema.Measurement] | None
    smallest_estimate: memory.Estimate | None
    """The table's estimate for the smallest measured model when that measurement states no
    quantisation and the estimate differs: "fits in 2 GB" beside a row that says 3.7 GB says why."""
    even_smaller: tuple[schema.Model, Quantity, Quantity, memory.Need | None] | None
    """A model with fewer parameters than the smallest measured one and no measurement: its size, the
    measured model's, and its estimated need when it has one (gigabytes are set against gigabytes,
    parameters against parameters, never one against the other)."""
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
    open_weights: bool
    """Free to run locally: the weights are published under a licence (or a local offer says so),
    whether or not an Ollama tag is recorded."""
    ollama: bool
    """An Ollama tag is recorded for one of the family's models."""

    @property
    def free_somehow(self) -> bool:
        """Anything free, local included: "requires a paid API" is said only when this is False."""
        return bool(self.open_weights or self.free)


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

    @property
    def size_params(self) -> tuple[schema.Parameters, ...]:
        """The parameter figures of the size table, row by row."""
        return tuple(m.params for row in self.sizes for m in row if m)


def pair_slug(a: str, b: str) -> str:
    first, second = pair_key(a, b)
    return f"{first}-vs-{second}"


def side(catalog: Catalog, family_id: str, opponent: str | None = None) -> Side:
    """A family as one side of a pair. A variant family that is the opponent itself (Qwen 2.5 Coder
    against Qwen 3.5) does not count for the side: it would stand on both sides of its own page."""
    family = catalog.families[family_id]
    variants = tuple(v for v in catalog.variants_of(family_id) if v.id != opponent)
    return Side(family, catalog.makers[family.maker], tuple(family.models), variants)


def compare(catalog: Catalog, first: str, second: str) -> PairFacts:
    """All facts of the comparison of two families, in the order a curated comparison presents them."""
    comparison = catalog.comparison(first, second)
    order = comparison.families if comparison else [first, second]
    a, b = side(catalog, order[0], order[1]), side(catalog, order[1], order[0])
    matchup = _matchup(catalog, a, b, comparison)
    categories = tuple(
        result for category in catalog.categories.values() if (result := _category(catalog, category, a, b, comparison))
    )
    return PairFacts(
        slug=pair_slug(a.id, b.id),
        a=a,
        b=b,
        comparison=comparison,
        # A side whose successor is the other side needs no banner: the page is that comparison.
        banners=tuple(_banner(catalog, s) for s in (a, b) if s.family.successor not in (None, a.id, b.id)),
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
    local = [m for m in successor.models if any(found.fits for found in memory.speeds(catalog, m.id))]
    if local:
        return Banner(s.family, successor, local[-1], True)
    return Banner(s.family, successor, successor.models[-1] if successor.models else None, False)


def _same_license(catalog: Catalog, a: Side, b: Side) -> str | None:
    """The license both families are under, every model included; None when any model differs."""
    la, lb = facts.licenses(catalog, a.id), facts.licenses(catalog, b.id)
    if not la or not lb or la.exceptions or lb.exceptions or not la.family or not lb.family:
        return None
    return la.family.value if la.family.value == lb.family.value else None


def _quick_rows(catalog: Catalog, a: Side, b: Side) -> tuple[QuickRow, ...]:
    def row(key: str, label: str, get, read_off=lambda s: None) -> QuickRow | None:  # noqa: ANN001 - local accessors
        values = (get(a), get(b))
        return QuickRow(key, label, values, (read_off(a), read_off(b))) if any(v for v in values) else None

    candidates = [
        row("maker", "Maker", lambda s: s.maker.name),
        row("license", "License", lambda s: facts.licenses(catalog, s.id)),
        row("range", "Model range", lambda s: facts.size_range(catalog, s.id)),
        row(
            "architecture",
            "Architecture",
            lambda s: facts.architectures(catalog, s.id),
            lambda s: [m.architecture for m in s.models],
        ),
        row("context", "Max context", lambda s: facts.max_context(catalog, s.id)),
        row("modalities", "Multimodal", lambda s: facts.family_modalities(catalog, s.id)),
        row(
            "coding",
            "Coding variants",
            lambda s: _coding_variants(s) if s.family.variants else None,
            lambda s: s.family.variants,
        ),
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
        if smaller and _smallest_total(catalog, smaller) >= _smallest_total(catalog, b if smaller is a else a):
            # Smaller by its headline but not in all (Gemma 4 E2B: 2.3B effective, 5.1B in all, against
            # Granite 4.1's 3.4B): saying it "goes smaller" would contradict the table's totals.
            smaller = None
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


def _smallest_total(catalog: Catalog, side: Side) -> float:
    return min((t for m in catalog.family_models(side.id) if (t := facts.total_size(m))), default=math.inf)


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
    own_rows, all_rows, table = [], [], []
    uncompared = []
    for bm in benchmarks:
        pairings = verdicts.pairings(catalog, bm, a_cols, b_cols)
        if not pairings and any(first_score(m, bm.id) for m in columns):
            uncompared.append(bm)
        for pairing in pairings:
            together = verdicts.row(catalog, bm, pairing, a_cols, b_cols)
            if together is None:
                continue
            all_rows.append(together)
            if own := verdicts.row(catalog, bm, pairing, groups[0], groups[2]):
                own_rows.append(own)
            table.append(_table_row(catalog, together, len(pairings) > 1, columns, a_cols, (a, b)))
    if not table and not uncompared:
        return None
    columns, table = _winners_first(columns, table)
    own_verdict = verdicts.verdict(catalog, own_rows)
    lead = (
        _variant_lead(catalog, (a, b), own_verdict, all_rows, groups[1] + groups[3]) if groups[1] + groups[3] else None
    )
    notes = _notes(comparison, category.id, (a, b)[own_verdict.leader] if own_verdict.kind == "lead" else None)
    return CategoryResult(category, columns, tuple(table), own_verdict, lead, (a, b), tuple(uncompared), notes)


def _winners_first(
    columns: tuple[schema.Model, ...], rows: list[BenchRow]
) -> tuple[tuple[schema.Model, ...], list[BenchRow]]:
    """The columns that score best on a row first, the most rows first; the others keep their order
    (each side's models, then its variants). A table of a dozen models is wider than a phone, and
    its deciding figures would otherwise sit wherever the winners fall in the family order."""
    wins = [sum(i in r.best for r in rows) for i in range(len(columns))]
    order = sorted(range(len(columns)), key=lambda i: (-wins[i], i))
    if order == list(range(len(columns))):
        return columns, rows
    moved = {old: new for new, old in enumerate(order)}
    return tuple(columns[i] for i in order), [
        replace(r, cells=tuple(r.cells[i] for i in order), best=tuple(sorted(moved[i] for i in r.best))) for r in rows
    ]


def _table_row(
    catalog: Catalog,
    found: verdicts.Row,
    several: bool,
    columns: tuple[schema.Model, ...],
    a_cols: list[schema.Model],
    sides: tuple[Side, Side],
) -> BenchRow:
    """The table's row of a benchmark pairing: each column's score in its side's setting."""
    bm = found.benchmark

    def cell(m: schema.Model) -> schema.Score | None:
        key = found.keys[0 if any(m is x for x in a_cols) else 1]
        return next((s for s in m.scores if s.benchmark == bm.id and verdicts.key_of(catalog, s) == key), None)

    cells = tuple(cell(m) for m in columns)
    sign = 1 if bm.higher_is_better else -1
    top = max(sign * c.value for c in cells if c)
    best = tuple(i for i, c in enumerate(cells) if c and sign * c.value == top) if found.comparable else ()
    name = bm.name + (f" ({bm.subtitle})" if bm.subtitle else "")
    label = f"{name}, {found.settings[0]}" if several and found.comparable else name
    winner = sides[found.winner] if found.winner is not None else None
    return BenchRow(bm, label, cells, best, winner, found.comparable, () if found.comparable else found.settings)


def _variant_lead(
    catalog: Catalog,
    sides: tuple[Side, Side],
    own: verdicts.Verdict,
    together: list[verdicts.Row],
    variant_models: list[schema.Model],
) -> VariantLead | None:
    """A side that leads only with its dedicated variant (or only then strongly): the variant model
    behind it, so that the page names it and says how the family's own models fare."""
    found = verdicts.verdict(catalog, together)
    if found.kind != "lead" or found.leader is None:
        return None
    won_by = [r.best[found.leader].model.id for r in together if r.winner == found.leader]
    variant_ids = {m.id for m in variant_models}
    from_variants = [m for m in won_by if m in variant_ids]
    if len(from_variants) * 2 <= len(won_by):
        return None  # the lead is the family's own
    if own.kind == "lead" and own.leader == found.leader and own.strong >= found.strong:
        return None  # the variant adds nothing the family's own models do not already say
    model = catalog.models[max(dict.fromkeys(from_variants), key=from_variants.count)]
    side = sides[found.leader]
    family = next(f for f in side.variants if model in f.models)
    return VariantLead(side, family, model, found)


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
    # A measurement with an impossible figure (memory below what the weights need, speed above what the
    # bandwidth allows) is shown, flagged, but decides nothing: not the fastest family, not a ratio.
    measured = [r for r in rows if r.measurement and not memory.doubts(catalog, r.model, r.measurement)]
    plausible = [(m, h) for m in models if (h := memory.plausible_measured(catalog, m))]
    if not rows and not plausible:
        return None
    rows.sort(key=lambda r: (r.row.gb, order[r.model.id]))
    quants = {r.measurement.quantisation for r in rows if r.measurement}
    fastest = max((r.measurement.tokens_per_second or 0 for r in measured if r.measurement), default=0)
    fastest_sides = {
        catalog.family_of[r.model.id]
        for r in measured
        if r.measurement and (r.measurement.tokens_per_second or 0) == fastest
    }
    leader = (a if a.id in fastest_sides else b) if fastest and len(fastest_sides) == 1 else None
    # "This is where X shines" leads a section only when both families have a trusted measurement in it.
    if len({catalog.family_of[r.model.id] for r in measured}) < 2:
        leader = None
    # Rows measured under different settings (Q4 vs Q8) cannot name the fastest family.
    incomparable = provenance.incomparable_settings(catalog, (r.measurement for r in measured if r.measurement))
    if incomparable:
        leader = None
    fast = slow = None
    ram_ratio = speed_ratio = None
    if matchup:
        sa, sb = facts.speed_on(matchup.a, profile_id), facts.speed_on(matchup.b, profile_id)
        trusted = bool(
            sa and sb and not memory.doubts(catalog, matchup.a, sa) and not memory.doubts(catalog, matchup.b, sb)
        )
        if (
            sa
            and sb
            and trusted
            and sa.tokens_per_second != sb.tokens_per_second
            and provenance.comparable(catalog, sa, sb)
        ):
            (fast, f), (slow, s) = sorted(
                ((matchup.a, sa), (matchup.b, sb)), key=lambda p: -(p[1].tokens_per_second or 0)
            )
            speed_ratio = (f.tokens_per_second or 0) / (s.tokens_per_second or 1)
            rf, rs = memory.plausible_measured(catalog, fast), memory.plausible_measured(catalog, slow)
            if rf and rs and rf.ram_gb and rs.ram_gb and provenance.comparable(catalog, rf, rs):
                ram_ratio = rf.ram_gb / rs.ram_gb
    limit = catalog.site.limited_ram_gb
    only, by_estimate, measured_within, unknown = _within_limit(catalog, (a, b), limit)
    smallest = min(plausible, key=lambda p: (p[1].ram_gb or math.inf, order[p[0].id]), default=None)
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
        only_by_estimate=by_estimate,
        measured_within_limit=measured_within,
        unknown_memory=unknown,
        smallest_ram=smallest,
        smallest_estimate=_unstated_beside_estimate(smallest, rows),
        even_smaller=_even_smaller(catalog, smallest, (*a.models, *b.models)),
        notes=_notes(comparison, "hardware", None),
        incomparable=incomparable,
        defaults=memory.formats(catalog).defaults if memory.formats(catalog) else None,
    )


def _unstated_beside_estimate(
    smallest: tuple[schema.Model, schema.Measurement] | None, rows: Sequence[HardwareRow]
) -> memory.Estimate | None:
    if smallest is None or smallest[1].quantisation is not None or smallest[1].ram_gb is None:
        return None
    model, measured = smallest
    estimate = next((r.row.estimate for r in rows if r.model.id == model.id), None)
    return estimate if estimate and round(estimate.total_gb, 1) != round(measured.ram_gb, 1) else None


def _hardware_row(catalog: Catalog, profile: schema.Profile, model: schema.Model) -> HardwareRow | None:
    found = memory.model_row(catalog, model, profile)
    return HardwareRow(found, facts.figure_quantity("params", facts.active_params(model))) if found else None


# The fewest bytes per weight of any quantisation in common use (2-bit). A model whose weights alone
# pass a memory limit at this size cannot fit in it, measured or not: with the plausible measurements
# and the memory estimates (generator/derive/memory.py), all a sentence about fitting may rest on.
MIN_BYTES_PER_PARAM = 0.25


def fits(catalog: Catalog, model: schema.Model, limit_gb: float) -> bool | None:
    """Whether a model fits in `limit_gb` of RAM: from its smallest plausible measurement, else its
    estimate (memory.need), else False when its parameters alone are too many; None when nothing
    known decides it. A measurement below what the weights need decides nothing (issue 15)."""
    return _fit(catalog, model, limit_gb)[0]


def _fit(catalog: Catalog, model: schema.Model, limit_gb: float) -> tuple[bool | None, bool]:
    """`fits`, with whether an estimate (not a measurement or the parameter count) decided it."""
    need = memory.need(catalog, model.id, "ram")
    if need is not None:
        return need.gb <= limit_gb, need.estimated
    total = facts.total_size(model)
    if total and total * MIN_BYTES_PER_PARAM > limit_gb:
        return False, False
    return None, False


def _within_limit(
    catalog: Catalog, sides: tuple[Side, Side], limit: float
) -> tuple[Side | None, bool, tuple[Side, schema.Model, schema.Measurement, Side] | None, tuple[schema.Model, ...]]:
    """Which family alone fits in the limit ("your only option") and whether an estimate rules out any
    of the other's models (so the sentence names the format), or, when the other's memory is partly
    unknown, which has a model measured to fit and the other's models of unknown memory."""
    judged = {s.id: [_fit(catalog, m, limit) for m in s.models] for s in sides}
    verdict = {i: [v for v, _ in found] for i, found in judged.items()}
    fitting = [s for s in sides if True in verdict[s.id]]
    if len(fitting) != 1:
        return None, False, None, ()
    winner = fitting[0]
    other = sides[1 - sides.index(winner)]
    if not other.models:
        return None, False, None, ()
    if all(v is False for v in verdict[other.id]):
        return winner, any(by_estimate for _, by_estimate in judged[other.id]), None, ()
    measured = [
        (m, h)
        for m in winner.models
        if (h := memory.plausible_measured(catalog, m)) and (h.ram_gb or math.inf) <= limit
    ]
    if not measured:  # it fits by its estimate alone: no "measured to fit" sentence
        return None, False, None, ()
    model, measurement = min(measured, key=lambda p: p[1].ram_gb or 0)
    unknown = tuple(m for m, v in zip(other.models, verdict[other.id], strict=True) if v is None)
    return None, False, (winner, model, measurement, other), unknown


def _even_smaller(
    catalog: Catalog, smallest: tuple[schema.Model, schema.Measurement] | None, models: Iterable[schema.Model]
) -> tuple[schema.Model, Quantity, Quantity, memory.Need | None] | None:
    """The model with the fewest parameters, when it has fewer than the smallest measured one and no
    measurement of its own (one with a measurement needs more memory, or it would be the smallest),
    with its estimated need where there is one: named only when that need is smaller still, or unknown
    (then its parameters are compared, never gigabytes against parameters)."""
    if not smallest:
        return None
    size = facts.size_of(smallest[0])
    if size is None:
        return None
    tiny = [m for m in models if not any(h.ram_gb for h in m.hardware) and (facts.size_of(m) or math.inf) < size]
    if not tiny:
        return None
    m = min(tiny, key=lambda m: facts.size_of(m) or math.inf)
    found = memory.need(catalog, m.id, "ram")
    if found and found.gb >= (smallest[1].ram_gb or math.inf):
        return None
    mine = facts.figure_quantity("params", facts.nominal_params(m))
    theirs = facts.figure_quantity("params", facts.nominal_params(smallest[0]))
    return (m, mine, theirs, found) if mine and theirs else None


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

    api = tuple(
        ApiRow(
            s,
            providers(s, "local"),
            providers(s, "free_api"),
            providers(s, "paid_api"),
            open_weights=bool(s.family.license or providers(s, "local")),
            ollama=bool(facts.ollama_models(catalog, s.id)),
        )
        for s in (a, b)
    )
    variants = tuple((s, s.variants) for s in (a, b) if s.variants)
    stated_none = tuple(s for s in (a, b) if s.family.variants is not None and not s.variants)
    # "A significant advantage" only over a general family that states it has no variants: a family
    # whose variants are not stated may have some, and a dedicated coder is itself the specialist.
    leader = variants[0][0] if len(variants) == 1 else None
    rival = next((s for s in (a, b) if s is not leader), None)
    if leader and rival and (rival not in stated_none or rival.family.specialty):
        leader = None
    specialties = tuple(sorted({v.specialty for _, vs in variants for v in vs if v.specialty}))
    return Ecosystem(ollama, tuple(tagged), api, variants, leader, stated_none, specialties)  # type: ignore[arg-type]


# --- sources -------------------------------------------------------------------------------------


def _sources(catalog: Catalog, a: Side, b: Side, comparison: schema.Comparison | None) -> tuple[schema.Source, ...]:
    families = [a.family, b.family, *a.variants, *b.variants]
    ids = {f.source for family in families for f in facts.family_figures(catalog, family.id)}
    ids.update(f.source for f in facts.sourced_in(comparison))
    return tuple(catalog.sources[i] for i in sorted(ids))

"""What each chart shows: pure functions from the catalog (or a pair's facts) to frozen chart specs.

A spec holds everything a drawing needs and nothing else: raw numbers, names, maker colours and a
stable path. Render turns a spec into bytes (and its alt text into words); because a spec is a frozen
value with a deterministic repr, its hash is also the key of the drawing cache, so a chart is drawn
again exactly when something it shows has changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator import schema
from generator.derive import facts, memory, rankings
from generator.derive.comparison import CategoryResult, PairFacts
from generator.derive.facts import Quantity
from generator.model import Catalog

CHART_DIR = "charts"


def dark_path(path: str) -> str:
    """Where the dark-palette twin of an SVG chart lives: beside it, so both URLs are stable."""
    stem, _, ext = path.rpartition(".")
    return f"{stem}.dark.{ext}"


class _Themed:
    """An SVG chart drawn in two palettes: `path` for Material's light scheme, `dark` for slate."""

    path: str

    @property
    def dark(self) -> str:
        return dark_path(self.path)


@dataclass(frozen=True)
class Series:
    """One model's bars: its values follow the chart's groups (None where it has no score)."""

    label: str
    colour: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class BarChart(_Themed):
    """Horizontal bars grouped by benchmark, one per model with a score there."""

    path: str
    title: str
    unit: str
    groups: tuple[str, ...]
    series: tuple[Series, ...]
    ranked: bool = False  # best first within each benchmark (leaderboards); else in series order (the table's)


@dataclass(frozen=True)
class Point:
    """One model on a scatter; `group` (its family) picks the marker shape, so shape backs up colour."""

    label: str
    colour: str
    group: str
    x: float
    y: float
    tag: str = ""  # a shorter name to draw when the legend already names the group (the alt text says `label`)


@dataclass(frozen=True)
class Guide:
    """A reference line across a scatter: a RAM tier, the limited-hardware threshold, `active = total`."""

    axis: str  # "x" (a vertical line at x=value) or "diagonal"
    value: float
    label: str


@dataclass(frozen=True)
class ScatterChart(_Themed):
    """One point per model; axes named with their units. `log` axes suit sizes that span 100x."""

    path: str
    title: str
    x_label: str
    y_label: str
    x_unit: str
    y_unit: str
    points: tuple[Point, ...]
    guides: tuple[Guide, ...] = ()
    log: bool = False  # both axes logarithmic (sizes spanning 100x)
    log_x: bool = False  # RAM tiers double at each step: equal spacing on a log axis
    y_from_zero: bool = True  # False where differences of a few points are the story (scores)


@dataclass(frozen=True)
class Event:
    """What one family released on one day (several sizes often ship together)."""

    names: tuple[str, ...]
    colour: str
    lane: str
    day: date


@dataclass(frozen=True)
class TimelineChart(_Themed):
    """Releases on a time axis, one lane per family."""

    path: str
    title: str
    lanes: tuple[str, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Headline:
    """One key figure of a link preview: a label and each side's value (formatted by render)."""

    label: str
    values: tuple[Quantity | None, Quantity | None]


@dataclass(frozen=True)
class PreviewImage:
    """The 1200x630 Open Graph image of a comparison page."""

    path: str
    site: str
    names: tuple[str, str]
    makers: tuple[str, str]
    colours: tuple[str, str]
    headlines: tuple[Headline, ...]
    models: tuple[str, str] | None = None  # the matchup whose figures the headlines give, if they are per model


Chart = BarChart | ScatterChart | TimelineChart | PreviewImage


@dataclass(frozen=True)
class PairCharts:
    """The charts of one comparison page, by the section that embeds them."""

    categories: tuple[tuple[str, BarChart], ...]
    hardware: ScatterChart | None
    sizes: ScatterChart | None
    preview: PreviewImage

    def category(self, category_id: str) -> BarChart | None:
        return dict(self.categories).get(category_id)

    def all(self) -> tuple[Chart, ...]:
        found: list[Chart | None] = [c for _, c in self.categories]
        found += [self.hardware, self.sizes, self.preview]
        return tuple(c for c in found if c)


# --- comparison pages ----------------------------------------------------------------------------


def pair_dir(slug: str) -> str:
    return f"{CHART_DIR}/compare/{slug}"


def pair_charts(catalog: Catalog, pair: PairFacts) -> PairCharts:
    """Every chart of a comparison page, from the same facts its tables show."""
    colours = _colours(catalog)
    return PairCharts(
        categories=tuple(
            (c.category.id, chart) for c in pair.categories if (chart := _category_bars(catalog, pair, c, colours))
        ),
        hardware=_speed_vs_ram(catalog, pair, colours),
        sizes=_size_map(catalog, pair, colours),
        preview=preview_image(catalog, pair),
    )


def _colours(catalog: Catalog) -> dict[str, str]:
    """Each model's maker colour, so a maker looks the same on every chart of the site."""
    return {m: catalog.maker_of(f).colour for m, f in catalog.family_of.items()}


def _category_bars(
    catalog: Catalog, pair: PairFacts, result: CategoryResult, colours: dict[str, str]
) -> BarChart | None:
    if not result.rows:
        return None
    # One scale for one unit: a rating (Codeforces, 2,150) drawn on the percentages' axis shrank every
    # percentage bar to a sliver under "Score (%)". Rows in another unit stay in the table only.
    unit = result.rows[0].benchmark.unit
    rows = [r for r in result.rows if r.benchmark.unit == unit]
    # A variant family can also be one side of the pair: show each model once.
    first = {m.id: i for i, m in reversed(list(enumerate(result.columns)))}
    columns = tuple(m for i, m in enumerate(result.columns) if first[m.id] == i)
    series = tuple(
        Series(
            model.name,
            colours[model.id],
            tuple(cell.value if (cell := row.cells[first[model.id]]) else None for row in rows),
        )
        for model in columns
    )
    return BarChart(
        path=f"{pair_dir(pair.slug)}/bench-{result.category.id}.svg",
        title=result.category.name,
        unit=_unit(rows[0].benchmark),
        # A row whose scores were measured under different settings says so, as the table does.
        groups=tuple(r.label + ("" if r.comparable else " ⚠ not comparable") for r in rows),
        series=tuple(s for s in series if any(v is not None for v in s.values)),
    )


def _benchmark_label(benchmark: schema.Benchmark) -> str:
    return f"{benchmark.name} ({benchmark.subtitle})" if benchmark.subtitle else benchmark.name


def _unit(benchmark: schema.Benchmark) -> str:
    return {"percent": "%", "score": "", "elo": "Elo"}[benchmark.unit]


def _speed_vs_ram(catalog: Catalog, pair: PairFacts, colours: dict[str, str]) -> ScatterChart | None:
    """Estimated memory against the estimated speed bound on the speed profile: the hardware table's
    estimated columns as a picture (measured figures stay in the table, where each carries its source)."""
    hw = pair.hardware
    if not hw or not hw.defaults:
        return None
    points = tuple(
        Point(
            r.model.name,
            colours[r.model.id],
            catalog.model_family(r.model.id).name,
            r.row.estimate.total_gb,
            r.row.speed.tokens_per_second,
        )
        for r in hw.rows
        if r.row.estimate and r.row.speed and r.row.speed.tokens_per_second
    )
    if len(points) < 2:  # one point shows no trade-off; the table says it all
        return None
    quantisation = next(q.name for q in catalog.memory.quantisations if q.id == hw.defaults.quantisation)  # type: ignore[union-attr]
    return ScatterChart(
        path=f"{pair_dir(pair.slug)}/hardware.svg",
        # The title fits the drawing's width at the phone's size; the format goes with the axis it sets.
        title=f"Estimated memory and speed, {hw.profile.name}",
        x_label=f"Memory at {quantisation} (estimated)",
        y_label="Speed bound",
        x_unit="GB",
        y_unit="tok/s",
        points=points,
        guides=(Guide("x", hw.limit_gb, "limited hardware"),),
    )


def _size_map(catalog: Catalog, pair: PairFacts, colours: dict[str, str]) -> ScatterChart | None:
    """Active against total parameters of every model of both families (dense models sit on the diagonal)."""
    points = tuple(
        Point(m.name, colours[m.id], s.name, total, active, m.short_name or "")
        for s in pair.sides
        for m in s.models
        if (total := facts.total_size(m)) and (active := _active(m))
    )
    if len(points) < 2:
        return None
    return ScatterChart(
        path=f"{pair_dir(pair.slug)}/sizes.svg",
        title="Model sizes: active vs total parameters",
        x_label="Total parameters",
        y_label="Active parameters",
        x_unit="B",
        y_unit="B",
        points=points,
        guides=(Guide("diagonal", 1, "dense: active = total"),),
        log=True,
    )


def _active(model: schema.Model) -> float | None:
    figure = facts.active_params(model)
    return figure.value if figure else None


def preview_image(catalog: Catalog, pair: PairFacts) -> PreviewImage:
    """The link preview: the pair's names in their makers' colours and up to three key figures."""
    return PreviewImage(
        path=f"{CHART_DIR}/og/{pair.slug}.png",
        site=catalog.site.title,
        names=(pair.a.name, pair.b.name),
        makers=(pair.a.maker.name, pair.b.maker.name),
        colours=(pair.a.maker.colour, pair.b.maker.colour),
        headlines=(headlines := _headlines(catalog, pair)[:3]),
        models=(pair.matchup.a.name, pair.matchup.b.name) if pair.matchup and headlines else None,
    )


def _headlines(catalog: Catalog, pair: PairFacts) -> tuple[Headline, ...]:
    """Key figures in order of interest, those both sides have first; a one-sided figure shows "—"."""
    found: list[Headline] = []
    m = pair.matchup
    if m:
        found.append(Headline("Active parameters", (m.active_a, m.active_b)))
        ram = tuple(_ram(catalog, x) for x in (m.a, m.b))
        if any(ram):
            found.append(Headline("RAM needed", ram))  # type: ignore[arg-type]
        profile = catalog.site.speed_profile
        speed = tuple(_speed(x, profile) for x in (m.a, m.b))
        if any(speed):
            found.append(Headline(f"Speed, {catalog.profiles[profile].name}", speed))  # type: ignore[arg-type]
    # Won by the families' own models, as the pages' category verdicts count them.
    wins = [sum(c.own.wins[i] for c in pair.categories) for i in (0, 1)]
    if any(wins):
        found.append(Headline("Benchmarks won", (Quantity("count", wins[0]), Quantity("count", wins[1]))))
    context = tuple(facts.figure_quantity("tokens", facts.max_context(catalog, s.id)) for s in pair.sides)
    if any(context):
        found.append(Headline("Max context", context))  # type: ignore[arg-type]
    # A figure both sides have compares; one with a blank side comes last.
    return tuple(sorted(found, key=lambda h: None in h.values))


def _ram(catalog: Catalog, model: schema.Model) -> Quantity | None:
    h = memory.plausible_measured(catalog, model)
    return Quantity("gb", h.ram_gb, source=h.source) if h and h.ram_gb else None


def _speed(model: schema.Model, profile: str) -> Quantity | None:
    h = facts.speed_on(model, profile)
    return Quantity("tps", h.tokens_per_second, source=h.source) if h and h.tokens_per_second else None


# --- site-wide charts (leaderboards, hardware guide, releases) -----------------------------------


LEADERBOARD_SIZE = 8  # per benchmark: a phone-sized chart (and under 30 KB) for the busiest category


def category_leaderboard(catalog: Catalog, category_id: str, size: int = LEADERBOARD_SIZE) -> BarChart | None:
    """The best `size` models on each benchmark of a category (higher-is-better benchmarks only: a
    leaderboard ranks), from the scores the board beside it ranks: each benchmark's ranked setting,
    so the chart and the table show the same number for a model."""
    board = rankings.category_board(catalog, category_id)
    if board is None:
        return None
    colours = _colours(catalog)
    ranked: dict[str, dict[str, float]] = {}
    for b in board.benchmarks:
        reference = board.ranking.references.get(b.id)
        ranked[b.id] = {
            m.id: s.value
            for m in catalog.models.values()
            if (
                s := next(
                    (x for x in m.scores if x.benchmark == b.id and rankings.setting_key(catalog, x) == reference), None
                )
            )
        }
    tops: list[tuple[schema.Benchmark, set[str]]] = []
    for b in board.benchmarks:
        if not b.higher_is_better:
            continue
        scored = sorted(((v, model_id) for model_id, v in ranked[b.id].items()), reverse=True)
        tops.append((b, {model_id for _, model_id in scored[:size]}))
    rows = [(b, top) for b, top in tops if top]
    if not rows:
        return None
    rows = [(b, top) for b, top in rows if b.unit == rows[0][0].unit]  # one scale for one unit
    models = [m for m in catalog.models.values() if any(m.id in top for _, top in rows)]
    return BarChart(
        path=f"{CHART_DIR}/leaderboards/{category_id}.svg",
        title=catalog.categories[category_id].name,
        unit=_unit(rows[0][0]),
        groups=tuple(_benchmark_label(b) for b, _ in rows),
        series=tuple(
            Series(m.name, colours[m.id], tuple(ranked[b.id].get(m.id) if m.id in top else None for b, top in rows))
            for m in models
        ),
        ranked=True,
    )


def _score(model: schema.Model, benchmark: str) -> float | None:
    return score.value if (score := facts.first_score(model, benchmark)) else None


def quality_vs_ram(catalog: Catalog, benchmark_id: str) -> ScatterChart | None:
    """Each model's score on one benchmark against the least RAM the data shows it running in (a
    plausible measurement, else the estimate: as the hardware guide's tiers place it), with the tiers."""
    colours = _colours(catalog)
    points = tuple(
        Point(m.name, colours[m.id], catalog.model_family(m.id).name, need.gb, score)
        for m in catalog.models.values()
        if (need := memory.need(catalog, m.id, "ram")) and (score := _score(m, benchmark_id)) is not None
    )
    if len(points) < 2:  # one model shows no trade-off
        return None
    benchmark = catalog.benchmarks[benchmark_id]
    tiers = tuple(Guide("x", t, f"{t:g} GB") for t in catalog.site.ram_tiers_gb)
    return ScatterChart(
        path=f"{CHART_DIR}/hardware/quality-vs-ram-{benchmark_id}.svg",
        title=f"{benchmark.name} score vs RAM needed",
        x_label="RAM needed (measured, else estimated)",
        y_label=benchmark.name,
        x_unit="GB",
        y_unit=_unit(benchmark),
        points=points,
        guides=tiers,
        log_x=True,
        y_from_zero=False,
    )


def releases_timeline(catalog: Catalog) -> TimelineChart | None:
    """Every dated release: a model's own date, else its family's."""
    events = []
    for family in catalog.families.values():
        dated = [(m.name, m.released.value) for m in family.models if m.released]
        if family.released:
            dated.append((family.name, family.released.value))
        by_day: dict[date, list[str]] = {}
        for name, day in dated:
            by_day.setdefault(day, []).append(name)
        colour = catalog.makers[family.maker].colour
        events += [Event(tuple(names), colour, family.name, day) for day, names in by_day.items()]
    if not events:
        return None
    events.sort(key=lambda e: (e.day, e.lane, e.names))
    lanes = tuple(dict.fromkeys(e.lane for e in events))
    return TimelineChart(f"{CHART_DIR}/releases/timeline.svg", "Releases", lanes, tuple(events))

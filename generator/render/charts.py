"""Draw chart specs with matplotlib: SVG for the pages (a light and a dark twin), PNG for link previews.

The only module that imports matplotlib, and only inside `prepare()`, so that a build whose charts
are all cached never pays for the import. Output is deterministic: text stays text
(`svg.fonttype: none`), ids come from a fixed `svg.hashsalt`, and no date or software version is
written into the files.

Theming: a chart is drawn once with placeholder colours for its ink (text, axes) and its grid, and
`themed()` swaps them for each Material palette, so the cache holds one drawing per chart.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from typing import Any

from generator.derive.charts import BarChart, Chart, Guide, Point, PreviewImage, ScatterChart, TimelineChart
from generator.render import format as fmt

# Placeholder colours nobody would choose for data; replaced per palette after drawing.
INK = "#010203"
GRID = "#040506"
PALETTES = {
    # Material's default scheme: near-black text; slate: its light grey text on a dark blue-grey.
    "light": {INK: "#2b2b2b", GRID: "#d9d9d9"},
    "dark": {INK: "#e2e4e9", GRID: "#41465a"},
}
# The text of an SVG is rendered by the browser: ask for the page's own system font stack.
MEASURED_FONT = "DejaVu Sans"
FONT_STACK = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
# Scatter points of different families differ in shape too.
MARKERS = ("o", "s", "D", "^", "v", "P")
WIDTH_IN = 4.6  # 442 CSS px: scaled to a phone's ~340 px, 10.5 pt labels stay about 10.5 px
FONT_PT = 11.5
PREVIEW_INK = "#1f2329"

STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "open-model-compare",
    "font.family": "sans-serif",
    "font.sans-serif": [MEASURED_FONT],
    "font.size": FONT_PT,
    "text.color": INK,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.titlecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "grid.color": GRID,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "legend.frameon": False,
    "path.simplify": True,
}

_plt: Any = None


def prepare() -> None:
    """Import matplotlib (slow: ~0.7 s) with the headless backend and the site's style, once per process."""
    global _plt
    if _plt is not None:
        return
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(STYLE)
    import matplotlib.pyplot as plt

    _plt = plt


def draw(chart: Chart) -> bytes:
    """The bytes of one chart: an SVG with placeholder colours (see `themed`) or a preview PNG."""
    prepare()
    drawers = {BarChart: _bars, ScatterChart: _scatter, TimelineChart: _timeline, PreviewImage: _preview}
    figure = drawers[type(chart)](chart)  # type: ignore[operator]
    try:
        return _save(figure, "png" if isinstance(chart, PreviewImage) else "svg")
    finally:
        _plt.close(figure)


def themed(svg: bytes) -> dict[str, bytes]:
    """The drawing in each palette: {"light": ..., "dark": ...}."""
    text = svg.decode()
    out = {}
    for name, colours in PALETTES.items():
        variant = text
        for placeholder, colour in colours.items():
            variant = variant.replace(placeholder, colour)
        out[name] = variant.encode()
    return out


def _save(figure: Any, kind: str) -> bytes:
    buffer = io.BytesIO()
    if kind == "svg":
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        text = buffer.getvalue().decode()
        return _compact(text.replace(f"'{MEASURED_FONT}', sans-serif", FONT_STACK)).encode()
    figure.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    return buffer.getvalue()


_STYLE_ATTRIBUTE = re.compile(r' style="([^"]*)"')
_WRAPPER_ID = re.compile(
    r'<g id="(?:text|patch|line2d|xtick|ytick|matplotlib\.axis|legend|axes|figure|PathCollection)_\d+">'
)


def _compact(svg: str) -> str:
    """Smaller SVG, same picture: inline styles used more than once become classes of one style sheet,
    and the ids matplotlib puts on every group (nothing refers to them) are dropped."""
    counts: dict[str, int] = {}
    for style in _STYLE_ATTRIBUTE.findall(svg):
        counts[style] = counts.get(style, 0) + 1
    classes = {style: f"s{i}" for i, style in enumerate(s for s, n in counts.items() if n > 1)}
    svg = _STYLE_ATTRIBUTE.sub(lambda m: f' class="{classes[m[1]]}"' if m[1] in classes else m[0], svg)
    svg = _WRAPPER_ID.sub("<g>", svg)
    rules = "\n".join(f".{name} {{{style}}}" for style, name in classes.items())
    return svg.replace("</style>", f"{rules}\n</style>", 1)


# --- bars ------------------------------------------------------------------------------------------


def _bars(chart: BarChart) -> Any:
    """One labelled bar per score, under its benchmark's name; a model without a score gets no bar
    (the table beside the chart shows the dash), which keeps wide comparisons small and legend-free."""
    rows = _bar_rows(chart)
    wrapped = sum(len(textwrap.wrap(r[1], 40)) - 1 for r in rows if r[0] == "group")
    height = 1.0 + 0.27 * (len(rows) + wrapped)
    figure, ax = _plt.subplots(figsize=(WIDTH_IN, height), layout="constrained")
    top = max((r[2] for r in rows if r[2] is not None), default=1)
    ticks: list[tuple[float, str]] = []
    y = 0.0
    for kind, text, value, colour in rows:
        if kind == "group":
            lines = textwrap.wrap(text, 40)
            y -= (0.35 if ticks else 0) + 0.75 * (len(lines) - 1)  # air above each benchmark but the first
            # Left out of the layout: a long name may run into the margin, it must not shrink the axes.
            ax.text(
                0,
                y,
                "\n".join(lines),
                ha="left",
                va="center",
                fontweight="bold",
                fontsize=FONT_PT - 0.5,
                in_layout=False,
                linespacing=1.1,
            )
        else:
            ax.barh([y], [value], height=0.74, color=colour, linewidth=0)
            ax.text(value + top * 0.015, y, fmt.number(value, 2), va="center", fontsize=FONT_PT - 1)
            ticks.append((y, text))
        y -= 1
    ax.set_yticks([t for t, _ in ticks], [_wrap(label, 30) for _, label in ticks], fontsize=FONT_PT - 1)
    ax.tick_params(axis="y", length=0)
    # Percentages share one 0-100 scale, so the charts of a page compare at a glance.
    ax.set_xlim(0, max(top * 1.14, 108) if chart.unit == "%" else top * 1.14)
    ax.set_ylim(y + 0.4, 0.6)
    ax.xaxis.grid(True, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines["left"].set_visible(False)
    if chart.unit:
        ax.set_xlabel(f"Score ({chart.unit})")
    figure.suptitle(chart.title, fontsize=FONT_PT + 1.5, fontweight="bold")
    return figure


def _bar_rows(chart: BarChart) -> list[tuple[str, str, float | None, str | None]]:
    rows: list[tuple[str, str, float | None, str | None]] = []
    for g, group in enumerate(chart.groups):
        scored = [(s, v) for s in chart.series if (v := s.values[g]) is not None]
        if chart.ranked:
            scored.sort(key=lambda sv: -sv[1])
        rows.append(("group", group, None, None))
        rows.extend(("bar", s.label, v, s.colour) for s, v in scored)
    return rows


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


# --- scatter -------------------------------------------------------------------------------------


def _scatter(chart: ScatterChart) -> Any:
    figure, ax = _plt.subplots(figsize=(WIDTH_IN, WIDTH_IN * 0.85), layout="constrained")
    markers = {g: MARKERS[i % len(MARKERS)] for i, g in enumerate(dict.fromkeys(p.group for p in chart.points))}
    groups = _coincident(chart.points)
    for (x, y), points in groups.items():
        # Points at the same place are drawn nested, the biggest first, so each one shows.
        for k, p in enumerate(points):
            ax.scatter(
                [x],
                [y],
                s=160 / (k + 1),
                color=p.colour,
                marker=markers[p.group],
                edgecolors=INK,
                linewidths=0.6,
                zorder=3 + k,
            )
    _limits(ax, chart)
    for guide in chart.guides:
        _guide(ax, guide)
    _label_points(ax, {xy: "\n".join(p.tag or p.label for p in points) for xy, points in groups.items()})
    ax.set_xlabel(f"{chart.x_label} ({chart.x_unit})")
    ax.set_ylabel(f"{chart.y_label} ({chart.y_unit})" if chart.y_unit else chart.y_label)
    ax.grid(True, linewidth=0.6)
    ax.set_axisbelow(True)
    figure.suptitle(chart.title, fontsize=FONT_PT + 1.5, fontweight="bold")
    if len(markers) > 1:
        colours = {p.group: p.colour for p in chart.points}
        handles = [
            _plt.Line2D(
                [],
                [],
                marker=m,
                color=colours[g],
                markeredgecolor=INK,
                markeredgewidth=0.6,
                linestyle="",
                markersize=8,
                label=g,
            )
            for g, m in markers.items()
        ]
        figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=FONT_PT - 1)
    return figure


def _limits(ax: Any, chart: ScatterChart) -> None:
    xs = [p.x for p in chart.points]
    ys = [p.y for p in chart.points]
    if chart.log:
        _log_axes(ax, xs + ys)
        return
    guides = [g.value for g in chart.guides if g.axis == "x"]
    if chart.log_x:
        ax.set_xscale("log", base=2)
        low, high = min(xs + guides) / 1.5, max(xs + guides) * 1.5
        ticks = [2.0**k for k in range(-4, 13) if low <= 2.0**k <= high]
        ax.xaxis.set_ticks(ticks, [fmt.number(t, 2) for t in ticks])
        ax.xaxis.set_minor_locator(_plt.NullLocator())
    else:
        low, high = 0, max(xs + guides) * 1.15
        _plain_ticks(ax.xaxis)
        _plain_ticks(ax.yaxis)
    ax.set_xlim(low, high)
    if chart.y_from_zero:
        ax.set_ylim(0, max(ys) * 1.2)
    else:
        spread = max(max(ys) - min(ys), max(ys) * 0.05)
        ax.set_ylim(min(ys) - spread * 0.6, max(ys) + spread * 0.6)


def _plain_ticks(axis: Any) -> None:
    """Round ticks (0, 4, 8, 12 GB rather than 0.0, 2.5, 5.0) written the way the tables write numbers."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 4, 5, 10]))
    axis.set_major_formatter(FuncFormatter(lambda value, _: fmt.number(value, 2)))


def _label_points(ax: Any, labels: dict[tuple[float, float], str]) -> None:
    """Put each label beside its point where it overlaps no other label or point: right, left, above, below.

    Sizes are estimated from the font size (the browser's font is narrower than the one measured)."""
    size = FONT_PT - 1
    to_screen = ax.transData.transform
    placed: list[tuple[float, float, float, float]] = [
        (sx - 6, sy - 6, sx + 6, sy + 6) for sx, sy in (to_screen(xy) for xy in labels)
    ]
    scale = ax.figure.dpi / 72
    frame = tuple(ax.bbox.extents)
    for (x, y), text in sorted(labels.items()):
        lines = text.split("\n")
        w = max(len(line) for line in lines) * size * 0.58 * scale
        h = len(lines) * size * 1.25 * scale
        sx, sy = to_screen((x, y))
        options = [
            ((8, 0), "left", "center", (sx + 8 * scale, sy - h / 2, sx + 8 * scale + w, sy + h / 2)),
            ((-8, 0), "right", "center", (sx - 8 * scale - w, sy - h / 2, sx - 8 * scale, sy + h / 2)),
            ((0, 9), "center", "bottom", (sx - w / 2, sy + 9 * scale, sx + w / 2, sy + 9 * scale + h)),
            ((0, -9), "center", "top", (sx - w / 2, sy - 9 * scale - h, sx + w / 2, sy - 9 * scale)),
            ((6, 6), "left", "bottom", (sx + 6 * scale, sy + 6 * scale, sx + 6 * scale + w, sy + 6 * scale + h)),
            ((6, -6), "left", "top", (sx + 6 * scale, sy - 6 * scale - h, sx + 6 * scale + w, sy - 6 * scale)),
            ((-6, 6), "right", "bottom", (sx - 6 * scale - w, sy + 6 * scale, sx - 6 * scale, sy + 6 * scale + h)),
            ((-6, -6), "right", "top", (sx - 6 * scale - w, sy - 6 * scale - h, sx - 6 * scale, sy - 6 * scale)),
        ]
        own = (sx - 6, sy - 6, sx + 6, sy + 6)
        others = [b for b in placed if b != own]
        found = next((o for o in options if _inside(o[3], frame) and not any(_overlap(o[3], b) for b in others)), None)
        if found is None:
            continue  # no free spot: an unlabelled point beats overprinted text (the alt text and table name it)
        offset, ha, va, box = found
        placed.append(box)
        ax.annotate(text, (x, y), xytext=offset, textcoords="offset points", ha=ha, va=va, fontsize=size)


def _inside(box: tuple[float, float, float, float], frame: tuple[float, ...]) -> bool:
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _coincident(points: Sequence[Point]) -> dict[tuple[float, float], list[Point]]:
    groups: dict[tuple[float, float], list[Point]] = {}
    for p in points:
        groups.setdefault((p.x, p.y), []).append(p)
    return groups


def _log_axes(ax: Any, values: list[float]) -> None:
    """Both axes on one log scale, so the `active = total` diagonal is at 45 degrees."""
    low, high = min(values) / 2, max(values) * 2
    ticks = [t for t in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000) if low <= t <= high]
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_ticks(ticks, [fmt.number(t, 1) for t in ticks])
        axis.set_minor_locator(_plt.NullLocator())


def _guide(ax: Any, guide: Guide) -> None:
    style = {"color": INK, "linewidth": 0.9, "linestyle": (0, (4, 3)), "zorder": 2, "alpha": 0.7}
    if guide.axis == "diagonal":
        low, high = ax.get_xlim()
        ax.plot([low, high], [low * guide.value, high * guide.value], **style)
        ax.annotate(
            guide.label,
            (high, high * guide.value),
            xytext=(-4, -4),
            textcoords="offset points",
            ha="right",
            va="top",
            fontsize=FONT_PT - 2,
            rotation=0,
        )
        return
    ax.axvline(guide.value, **style)
    ax.annotate(
        guide.label,
        (guide.value, 1),
        xycoords=("data", "axes fraction"),
        xytext=(3, -3),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=FONT_PT - 2,
    )


# --- timeline ------------------------------------------------------------------------------------


def _timeline(chart: TimelineChart) -> Any:
    import matplotlib.dates as mdates

    height = 1.2 + 0.7 * len(chart.lanes)
    figure, ax = _plt.subplots(figsize=(WIDTH_IN, height), layout="constrained")
    lane_y = {lane: len(chart.lanes) - 1 - i for i, lane in enumerate(chart.lanes)}
    days = [e.day for e in chart.events]
    seen: dict[str, int] = {}
    for e in chart.events:
        ax.scatter([e.day], [lane_y[e.lane]], s=80, color=e.colour, edgecolors=INK, linewidths=0.6, zorder=3)
        # Alternate above and below within a lane, so neighbouring releases' labels don't collide.
        below = seen.get(e.lane, 0) % 2
        seen[e.lane] = seen.get(e.lane, 0) + 1
        label = e.names[0] if len(e.names) == 1 else f"{len(e.names)} models"
        ax.annotate(
            label,
            (e.day, lane_y[e.lane]),
            xytext=(0, -9 if below else 9),
            textcoords="offset points",
            ha="center",
            va="top" if below else "bottom",
            fontsize=FONT_PT - 2,
        )
    pad = max((max(days) - min(days)).days, 60) * 0.15
    ax.set_xlim(mdates.date2num(min(days)) - pad, mdates.date2num(max(days)) + pad)
    ax.set_ylim(-0.6, len(chart.lanes) - 0.3)
    ax.set_yticks(list(lane_y.values()), list(lane_y))
    locator = mdates.AutoDateLocator(maxticks=6)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.xaxis.grid(True, linewidth=0.6)
    ax.set_axisbelow(True)
    figure.suptitle(chart.title, fontsize=FONT_PT + 1.5, fontweight="bold")
    return figure


# --- link preview --------------------------------------------------------------------------------


def _preview(chart: PreviewImage) -> Any:
    """1200x630: the names in large type with their makers' colours as swatches, then the key figures."""
    figure = _plt.figure(figsize=(12, 6.3), dpi=100, facecolor="#ffffff")
    ink = {"color": PREVIEW_INK}
    figure.text(0.06, 0.88, chart.site, fontsize=22, color="#5c6370")
    for i, (name, maker, colour) in enumerate(zip(chart.names, chart.makers, chart.colours, strict=True)):
        x = 0.06 + i * 0.47
        figure.patches.append(
            _plt.Rectangle((x, 0.56), 0.012, 0.22, transform=figure.transFigure, color=colour, figure=figure)
        )
        # Long names shrink to stay within their half of the image.
        figure.text(x + 0.03, 0.67, name, fontsize=min(46, 460 / max(len(name), 1)), fontweight="bold", **ink)
        figure.text(x + 0.03, 0.585, maker, fontsize=22, color="#5c6370")
    figure.text(0.485, 0.67, "vs", fontsize=30, ha="center", color="#5c6370")
    if chart.models:
        for i, model in enumerate(chart.models):
            figure.text(0.48 + i * 0.25, 0.46, _wrap(model, 18), fontsize=17, color="#5c6370", va="bottom")
    for row, headline in enumerate(chart.headlines):
        y = 0.36 - row * 0.11
        figure.text(0.06, y, headline.label, fontsize=24, color="#5c6370")
        for i, value in enumerate(headline.values):
            figure.text(0.48 + i * 0.25, y, fmt.quantity(value), fontsize=30, fontweight="bold", **ink)
    return figure


# --- alt text ------------------------------------------------------------------------------------


def alt_text(chart: Chart) -> str:
    """What a chart shows, in words: every value it draws, so no reader depends on seeing it."""
    if isinstance(chart, BarChart):
        groups: list[tuple[str, list[str]]] = []
        for kind, text, value, _ in _bar_rows(chart):  # in the order the bars are drawn
            if kind == "group":
                groups.append((text, []))
            else:
                groups[-1][1].append(f"{text} {fmt.number(value or 0, 2)}")
        return f"Bar chart, {chart.title}. " + "; ".join(f"{g}: {', '.join(bars)}" for g, bars in groups) + "."
    if isinstance(chart, ScatterChart):
        points = [f"{p.label} {_with_unit(p.x, chart.x_unit)}, {_with_unit(p.y, chart.y_unit)}" for p in chart.points]
        axes = f"x: {chart.x_label}, y: {chart.y_label}"
        return f"Chart, {chart.title} ({axes}). " + "; ".join(points) + "."
    if isinstance(chart, TimelineChart):
        events = [f"{e.day.isoformat()} {', '.join(e.names)}" for e in chart.events]
        return f"Timeline, {chart.title}: " + "; ".join(events) + "."
    names = " vs ".join(chart.names)
    figures = "; ".join(f"{h.label}: " + " vs ".join(fmt.quantity(v) for v in h.values) for h in chart.headlines)
    return f"{names}. {figures}." if figures else names


def _with_unit(value: float, unit: str) -> str:
    if unit == "B":
        return fmt.params(value)
    if unit == "GB":
        return fmt.gb(value)
    if unit == "tok/s":
        return fmt.tps(value)
    return fmt.number(value, 2)

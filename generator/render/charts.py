"""Draw chart specs: SVG for the pages (a light and a dark twin), PNG for link previews.

Bar charts and scatters are written as SVG directly (`_bars_svg`, `_scatter`); the timeline and
previews are drawn with matplotlib. This is the only module that imports it, and only inside
`prepare()`, so that a build whose timeline and previews are all cached never pays for the import.
Output is deterministic: text stays text (`svg.fonttype: none`), ids come from a fixed
`svg.hashsalt`, and no date or software version is written into the files.

Theming: a chart is drawn once with placeholder colours for its ink (text, axes) and its grid, and
`themed()` swaps them for each Material palette, so the cache holds one drawing per chart.
"""

from __future__ import annotations

import io
import math
import re
import struct
import textwrap
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
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

# Layout is fixed from the spec, in inches, rather than left to matplotlib's constrained layout, which
# measures every text and draws each chart twice (it was a quarter of a cold build's drawing time).
CHAR_EM = 0.6  # a generous average glyph width, in ems: label columns are sized from their length
TITLE_IN = 0.42  # room above the axes for the title
X_AXIS_IN = 0.5  # below the axes: tick labels and the axis label
LEGEND_IN = 0.3
PAD_IN = 0.12
LABELS_IN = 2.1  # the widest label column: under half the chart

_mpl: Any = None  # matplotlib's modules, once imported: see prepare()


def prepare() -> None:
    """Import matplotlib (slow: ~0.5 s) with the headless backend and the site's style, once per process.

    pyplot is never imported: its figure manager costs time per chart and nothing here needs it."""
    global _mpl
    if _mpl is not None:
        return
    import types

    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(STYLE)
    import matplotlib.dates
    import matplotlib.patches
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.backends.backend_svg import RendererSVG
    from matplotlib.figure import Figure

    _measure_each_text_once(RendererSVG)
    _mpl = types.SimpleNamespace(
        Figure=Figure,
        Canvas=FigureCanvasAgg,
        dates=matplotlib.dates,
        patches=matplotlib.patches,
    )


def _measure_each_text_once(renderer: type) -> None:
    """Remember text sizes across SVG drawings.

    Every label is measured (in FreeType) to be aligned, and matplotlib remembers the sizes per
    renderer, but `savefig` makes a new SVG renderer for each chart: the same benchmark and model
    names were measured again in every chart, a third of a bar chart's time (8.9 to 5.7 ms; scatters
    12.5 to 8.6). An SVG renderer's sizes depend only on the text and its font (always at 72 dpi), so
    one table for the process gives the same bytes."""
    measure = renderer.get_text_width_height_descent
    if getattr(measure, "remembers", False):
        return
    sizes: dict[tuple[Any, ...], tuple[float, float, float]] = {}

    def remembered(self: Any, text: str, prop: Any, ismath: Any) -> tuple[float, float, float]:
        # Every field FontProperties hashes, as values: the object itself is mutable.
        font = (tuple(prop.get_family()), prop.get_slant(), prop.get_variant(), prop.get_weight())
        key = (text, ismath, *font, prop.get_stretch(), prop.get_size(), prop.get_file(), prop.get_math_fontfamily())
        if key not in sizes:
            sizes[key] = measure(self, text, prop, ismath)
        return sizes[key]

    remembered.remembers = True  # type: ignore[attr-defined]
    remembered.measure = measure  # type: ignore[attr-defined]
    renderer.get_text_width_height_descent = remembered  # type: ignore[method-assign]


def is_direct(chart: Chart) -> bool:
    """Whether the chart is written without matplotlib (no import, nothing worth another core)."""
    return isinstance(chart, BarChart | ScatterChart)


def draw(chart: Chart) -> bytes:
    """The bytes of one chart: an SVG with placeholder colours (see `themed`) or a preview PNG."""
    if isinstance(chart, BarChart):
        return _bars_svg(chart).encode()
    if isinstance(chart, ScatterChart):
        return _scatter(chart).svg.encode()
    prepare()
    drawers = {TimelineChart: _timeline, PreviewImage: _preview}
    figure = drawers[type(chart)](chart)  # type: ignore[operator]
    return _save(figure, "png" if isinstance(chart, PreviewImage) else "svg")


def _figure(width: float, height: float, **options: Any) -> Any:
    figure = _mpl.Figure(figsize=(width, height), **options)
    _mpl.Canvas(figure)  # attaches itself; savefig picks the SVG or PNG writer from the format
    return figure


def _axes(figure: Any, left: float, bottom: float, top: float = TITLE_IN, right: float = PAD_IN) -> Any:
    """Axes with margins given in inches."""
    width, height = figure.get_size_inches()
    return figure.add_axes((left / width, bottom / height, 1 - (left + right) / width, 1 - (top + bottom) / height))


def _title(figure: Any, text: str) -> None:
    _, height = figure.get_size_inches()
    figure.text(0.5, 1 - 0.08 / height, text, ha="center", va="top", fontsize=FONT_PT + 1.5, fontweight="bold")


def _text_in(lines: Sequence[str], size: float) -> float:
    """The estimated width in inches of the longest line at a font size in points, at most LABELS_IN:
    a longer label runs into the margin rather than squeeze the plot to nothing."""
    return min(max((len(line) for line in lines), default=0) * size * CHAR_EM / 72, LABELS_IN)


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
    renderer = _pixels(*figure.canvas.get_width_height(physical=True), figure.dpi)
    renderer.clear()
    figure.draw(renderer)
    return _png(renderer.buffer_rgba())


@cache
def _pixels(width: int, height: int, dpi: float) -> Any:
    """One pixel buffer per size, drawn over by every preview of that size.

    A canvas of its own per preview freed 3 MB at a time into a fragmented heap that the process
    never gave back: a drawing worker grew by 1 MB a preview until a full garbage collection, and
    those are rare in a worker forked from a large build (at 16x the default data, past 1 GB)."""
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(width, height, dpi)


def _png(rgba: Any) -> bytes:
    """An opaque image as a PNG: RGB rows unfiltered, deflated at level 1.

    Pillow's encoder, which savefig uses, tries every row filter and took 10 ms of a preview's 23; on
    these flat-coloured cards filtering gains little, and this takes 4 ms for a file as small.
    Deterministic: no time, no software name."""
    import numpy

    pixels = numpy.asarray(rgba)[:, :, :3]
    height, width = pixels.shape[:2]
    rows = numpy.zeros((height, 1 + width * 3), dtype=numpy.uint8)  # column 0: filter type 0, "none"
    rows[:, 1:] = pixels.reshape(height, width * 3)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


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


ROW_IN = 0.27  # one bar and its gap
GROUP_GAP_ROWS = 0.35  # air above each benchmark's name but the first
VALUE_IN = 0.45  # right of the longest bar: its value


def _bars_svg(chart: BarChart) -> str:
    """One labelled bar per score, under its benchmark's name; a model without a score gets no bar
    (the table beside the chart shows the dash), which keeps wide comparisons small and legend-free.

    Written as SVG directly, without matplotlib: the layout was already fixed in inches from the spec
    (no text is measured), and these are most of the site's drawings (one per category on every
    comparison), so matplotlib's SVG writer was most of a cold build's drawing time (23 ms a chart,
    now well under 1 ms). Coordinates are points (72 to the inch), as matplotlib writes them."""
    rows = _bar_rows(chart)
    rows_in = _row_positions(rows)
    plot_top = TITLE_IN + PAD_IN
    plot_bottom = plot_top + (rows_in[-1] if rows_in else 0.0) + ROW_IN * 0.6
    axis_in = X_AXIS_IN if chart.unit else X_AXIS_IN - 0.2
    height = plot_bottom + axis_in + PAD_IN
    labels = [_wrap(r[1], 30) for r in rows if r[0] == "bar"]
    x0 = PAD_IN + _text_in([line for label in labels for line in label.split("\n")], FONT_PT - 1) + 0.08
    x1 = WIDTH_IN - VALUE_IN
    top = max((r[2] for r in rows if r[2] is not None), default=1)
    # Percentages share one 0-100 scale, so the charts of a page compare at a glance.
    limit = max(top * 1.14, 108) if chart.unit == "%" else top * 1.14
    per_unit = (x1 - x0) / limit
    svg = _Svg(WIDTH_IN, height)
    for t in _nice_ticks(limit, max(2, int((x1 - x0) / 0.45))):
        x = x0 + t * per_unit
        svg.line((x, plot_top), (x, plot_bottom), "grid")
        svg.line((x, plot_bottom), (x, plot_bottom + 0.05), "axis")
        svg.text(x, plot_bottom + 0.08, fmt.number(t, 2), "tick", anchor="middle", align="top")
    svg.line((x0, plot_bottom), (x1, plot_bottom), "axis")
    for (kind, text, value, colour), y in zip(rows, rows_in, strict=True):
        y += plot_top
        if kind == "group":
            # A long name may run into the margin on the left: the bars keep their width.
            svg.text(x0, y, "\n".join(textwrap.wrap(text, 40)), "group", anchor="start", spacing=1.1)
            continue
        assert value is not None and colour is not None
        svg.rect(x0, y - ROW_IN * 0.37, value * per_unit, ROW_IN * 0.74, colour)
        svg.text(x0 + value * per_unit + 0.04, y, fmt.number(value, 2), "label", anchor="start")
        svg.text(x0 - 0.06, y, _wrap(text, 30), "label", anchor="end")
    if chart.unit:
        svg.text((x0 + x1) / 2, plot_bottom + 0.3, f"Score ({chart.unit})", "axis-label", anchor="middle", align="top")
    svg.text(WIDTH_IN / 2, 0.08, chart.title, "title", anchor="middle", align="top")
    return svg.finish()


def _nice_ticks(limit: float, bins: int) -> list[float]:
    """Ticks from 0 to at most `limit` at a round step (1, 2, 2.5 or 5 times a power of ten) giving at
    most `bins` intervals, as matplotlib's MaxNLocator chooses them."""
    if limit <= 0:
        return [0.0]
    magnitude = 10 ** math.floor(math.log10(limit / bins))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10, 20) if limit / (m * magnitude) <= bins)
    return [i * step for i in range(int(limit / step + 1e-9) + 1)]


# Text styles of the directly written charts: (size in points, weight). A text is placed by a point it
# is centred on or hangs from; its baseline lies this many ems below that point.
_TEXT_STYLES = {
    "tick": (FONT_PT - 1, 400),
    "label": (FONT_PT - 1, 400),
    "group": (FONT_PT - 0.5, 700),
    "axis-label": (FONT_PT, 400),
    "title": (FONT_PT + 1.5, 700),
    "scale": (FONT_PT, 400),  # a scatter's tick labels and axis names
    "note": (FONT_PT - 2, 400),  # a guide line's label
}
_BASELINE_EM = {"center": 0.35, "top": 0.76, "bottom": -0.24}
# A marker of each shape whose width is 1, centred on 0 (y down): matplotlib's circle, square, diamond,
# triangles up and down, and filled plus.
_MARKS = {
    "s": ((-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)),
    "D": ((0, -0.7071), (0.7071, 0), (0, 0.7071), (-0.7071, 0)),
    "^": ((0, -0.5), (0.5, 0.5), (-0.5, 0.5)),
    "v": ((0, 0.5), (0.5, -0.5), (-0.5, -0.5)),
    "P": tuple(
        (x / 6, y / 6)
        for x, y in (
            (-1, -3),
            (1, -3),
            (1, -1),
            (3, -1),
            (3, 1),
            (1, 1),
            (1, 3),
            (-1, 3),
            (-1, 1),
            (-3, 1),
            (-3, -1),
            (-1, -1),
        )
    ),
}


class _Svg:
    """A small SVG writer in inches, for charts laid out without matplotlib: every text from the data is
    escaped, the ink and grid keep the placeholder colours that `themed` swaps, and the same calls
    always give the same bytes."""

    def __init__(self, width_in: float, height_in: float) -> None:
        self.width_in, self.height_in = width_in, height_in
        self.parts: list[str] = []
        self.fills: dict[str, str] = {}

    def line(self, start: tuple[float, float], end: tuple[float, float], kind: str) -> None:
        (xa, ya), (xb, yb) = start, end
        self.parts.append(f'<path d="M {_pt(xa)} {_pt(ya)} L {_pt(xb)} {_pt(yb)}" class="{kind}"/>')

    def rect(self, x: float, y: float, width: float, height: float, colour: str) -> None:
        fill = self.fills.setdefault(colour, f"f{len(self.fills)}")
        self.parts.append(
            f'<rect x="{_pt(x)}" y="{_pt(y)}" width="{_pt(width)}" height="{_pt(height)}" class="{fill}"/>'
        )

    def mark(self, x: float, y: float, shape: str, size_pt: float, colour: str) -> None:
        """A scatter's marker centred on x, y: `size_pt` wide, filled with `colour`, edged in ink."""
        fill = self.fills.setdefault(colour, f"f{len(self.fills)}")
        if shape not in _MARKS:  # "o"
            self.parts.append(f'<circle cx="{_pt(x)}" cy="{_pt(y)}" r="{size_pt / 2:.2f}" class="mark {fill}"/>')
            return
        corners = " L ".join(f"{x * 72 + dx * size_pt:.2f} {y * 72 + dy * size_pt:.2f}" for dx, dy in _MARKS[shape])
        self.parts.append(f'<path d="M {corners} Z" class="mark {fill}"/>')

    def text(
        self,
        x: float,
        y: float,
        text: str,
        kind: str,
        anchor: str,
        align: str = "center",
        spacing: float = 1.0,
        rotate: int = 0,
    ) -> None:
        """A text whose `anchor` side (start, middle, end) lies at x and whose `align` edge (top,
        center, bottom) lies at y; `rotate` turns it about x, y (-90: reading upwards)."""
        size, _ = _TEXT_STYLES[kind]
        lines = text.split("\n")
        step = size * 1.2 * spacing  # points between baselines, as matplotlib spaces lines
        before = {"top": 0, "center": (len(lines) - 1) / 2, "bottom": len(lines) - 1}[align]
        first = y * 72 + _BASELINE_EM[align] * size - step * before
        spans = "".join(
            f'<tspan x="{_pt(x)}" y="{first + i * step:.2f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
        )
        turn = f' transform="rotate({rotate} {_pt(x)} {_pt(y)})"' if rotate else ""
        self.parts.append(f'<text class="{kind} {anchor}"{turn}>{spans}</text>')

    def finish(self) -> str:
        fonts = "".join(
            f".{kind} {{font-size: {size:g}px; font-weight: {weight}}}\n"
            for kind, (size, weight) in _TEXT_STYLES.items()
        )
        fills = "".join(f".{name} {{fill: {colour}}}\n" for colour, name in self.fills.items())
        style = (
            f"text {{font-family: {FONT_STACK}; fill: {INK}}}\n"
            ".start {text-anchor: start}\n.middle {text-anchor: middle}\n.end {text-anchor: end}\n"
            f".grid {{fill: none; stroke: {GRID}; stroke-width: 0.6}}\n"
            f".axis {{fill: none; stroke: {INK}; stroke-width: 0.8}}\n"
            f".guide {{fill: none; stroke: {INK}; stroke-width: 0.9; stroke-dasharray: 3.6 2.7; stroke-opacity: 0.7}}\n"
            f".mark {{stroke: {INK}; stroke-width: 0.6}}\n{fonts}{fills}"
        )
        return (
            '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_pt(self.width_in)}pt" height="{_pt(self.height_in)}pt" '
            f'viewBox="0 0 {_pt(self.width_in)} {_pt(self.height_in)}" version="1.1">\n'
            f"<defs><style>\n{style}</style></defs>\n" + "\n".join(self.parts) + "\n</svg>\n"
        )


def _pt(inches: float) -> str:
    """Inches as points, to a hundredth of a point (finer is invisible and only lengthens the file)."""
    return f"{inches * 72:.2f}".rstrip("0").rstrip(".")


def _row_positions(rows: Sequence[tuple[str, str, float | None, str | None]]) -> list[float]:
    """How far below the top of the plot each row's centre is, in inches; a wrapped name takes more room."""
    positions = []
    y = 0.4 * ROW_IN
    for i, (kind, text, _, _) in enumerate(rows):
        if kind == "group":
            y += (GROUP_GAP_ROWS if i else 0) * ROW_IN + 0.75 * ROW_IN * (len(textwrap.wrap(text, 40)) - 1)
        positions.append(y)
        y += ROW_IN
    return positions


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


@dataclass(frozen=True)
class _Scale:
    """Data values to inches along one side of the plot, linear or logarithmic, with its ticks."""

    low: float
    high: float
    start: float  # inches from the figure's left or bottom edge
    length: float
    ticks: tuple[tuple[float, str], ...]
    log: bool = False

    def __call__(self, value: float) -> float:
        if self.log:
            share = math.log(value / self.low) / math.log(self.high / self.low)
        else:
            share = (value - self.low) / (self.high - self.low)
        return self.start + share * self.length

    @property
    def end(self) -> float:
        return self.start + self.length


Box = tuple[float, float, float, float]
"""x0, y0, x1, y1 in points from the figure's bottom left corner."""

SCATTER_LEFT_IN = 0.78
SCATTER_RIGHT_IN = 0.2
POINT_AREA = 160  # a point's marker, in square points (its width squared)
TICK_PT = 3.5
LEGEND_MAX_COLUMNS = 4
LEGEND_ROW_IN = 0.22
LEGEND_MARKER_PT = 8
# In ems of the legend's font: the marker's slot, the gap before its label, between columns, and the
# margin below the legend (tighter than matplotlib's defaults, so that four families fit a row).
LEGEND_SPACING = {"handlelength": 1.0, "handletextpad": 0.4, "columnspacing": 1.2, "borderaxespad": 0.7}


@dataclass(frozen=True)
class _Scatter:
    """A drawn scatter: its SVG and, for the tests, where its texts and its legend lie."""

    svg: str
    size: tuple[float, float]  # width and height in points
    texts: tuple[tuple[str, Box], ...]
    legend: Box | None
    legend_columns: int


class _Plot:
    """The scatter's canvas: inches (or points) from the bottom left, as the layout is worked out, written
    into an `_Svg` (which counts from the top) with every text's estimated box remembered."""

    def __init__(self, width: float, height: float) -> None:
        self.svg = _Svg(width, height)
        self.height = height
        self.texts: list[tuple[str, Box]] = []

    def line(self, start: tuple[float, float], end: tuple[float, float], kind: str) -> None:
        self.svg.line((start[0], self.height - start[1]), (end[0], self.height - end[1]), kind)

    def mark(self, x: float, y: float, shape: str, size_pt: float, colour: str) -> None:
        self.svg.mark(x, self.height - y, shape, size_pt, colour)

    def text(self, x: float, y: float, text: str, kind: str, anchor: str, align: str) -> Box:
        """A text whose `anchor` side (start, middle, end) and `align` edge (top, center, bottom) are at x, y."""
        w, h = _text_pt(text, _TEXT_STYLES[kind][0])
        x0 = x * 72 - {"start": 0, "middle": w / 2, "end": w}[anchor]
        y0 = y * 72 - {"bottom": 0, "center": h / 2, "top": h}[align]
        box = (x0, y0, x0 + w, y0 + h)
        self.texts.append((text, box))
        self.svg.text(x, self.height - y, text, kind, anchor=anchor, align=align)
        return box


def _text_pt(text: str, size: float) -> tuple[float, float]:
    """A text's estimated width and height in points (generous: the browser's font varies)."""
    lines = text.split("\n")
    return max(len(line) for line in lines) * size * CHAR_EM, len(lines) * size * 1.25


def _scatter(chart: ScatterChart) -> _Scatter:
    """Points on a frame, laid out in inches from the spec and written as SVG directly (as the bars
    are): matplotlib took 34 ms a scatter, and a comparison page has one or two of them."""
    markers = {g: MARKERS[i % len(MARKERS)] for i, g in enumerate(dict.fromkeys(p.group for p in chart.points))}
    legend = len(markers) > 1
    width = WIDTH_IN
    columns = _legend_columns(list(markers), width - 2 * PAD_IN) if legend else 1
    rows = -(-len(markers) // columns) if legend else 0
    # Each legend row past the first adds to the figure, so the plot keeps its size.
    height = WIDTH_IN * 0.85 + max(rows - 1, 0) * LEGEND_ROW_IN
    plot = _Plot(width, height)
    bottom = X_AXIS_IN + 0.05 + (LEGEND_IN + max(rows - 1, 0) * LEGEND_ROW_IN if legend else 0)
    x, y = _scales(
        chart, (SCATTER_LEFT_IN, width - SCATTER_LEFT_IN - SCATTER_RIGHT_IN), (bottom, height - bottom - TITLE_IN)
    )
    _frame(plot, x, y)
    taken = _guides(plot, x, y, chart.guides)
    groups = _coincident(chart.points)
    for (px, py), points in groups.items():
        # Points at the same place are drawn nested, the biggest first, so each one shows.
        for k, point in enumerate(points):
            plot.mark(x(px), y(py), markers[point.group], math.sqrt(POINT_AREA / (k + 1)), point.colour)
    at = {xy: (x(xy[0]) * 72, y(xy[1]) * 72) for xy in groups}
    frame = (x.start * 72, y.start * 72, x.end * 72, y.end * 72)
    labels = {at[xy]: "\n".join(p.tag or p.label for p in points) for xy, points in groups.items()}
    _label_points(plot, labels, frame, taken)
    plot.text((x.start + x.end) / 2, y.start - 0.3, f"{chart.x_label} ({chart.x_unit})", "scale", "middle", "top")
    y_label = f"{chart.y_label} ({chart.y_unit})" if chart.y_unit else chart.y_label
    plot.svg.text(0.08, height - (y.start + y.end) / 2, y_label, "scale", "middle", align="top", rotate=-90)
    plot.svg.text(width / 2, 0.08, chart.title, "title", anchor="middle", align="top")
    box = _legend(plot, chart, markers, columns) if legend else None
    return _Scatter(plot.svg.finish(), (width * 72, height * 72), tuple(plot.texts), box, columns)


def _legend_columns(labels: list[str], room: float) -> int:
    """The most columns, at most four, whose width fits `room` inches (a legend as wide as all its
    labels ran off both edges). Columns are filled column by column, the first ones a label longer
    when the labels do not divide evenly."""
    for columns in range(min(LEGEND_MAX_COLUMNS, len(labels)), 1, -1):
        if sum(_legend_widths(_legend_chunks(labels, columns))) / 72 <= room:
            return columns
    return 1


def _legend_chunks(labels: list[str], columns: int) -> list[list[str]]:
    rows, long_columns = divmod(len(labels), columns)
    heights = [rows + 1] * long_columns + [rows] * (columns - long_columns)
    starts = [sum(heights[:i]) for i in range(columns)]
    return [labels[start : start + n] for start, n in zip(starts, heights, strict=True) if n]


def _legend_widths(chunks: list[list[str]]) -> list[float]:
    """Each column's width in points, with the spacing before the next column (none after the last)."""
    em = _TEXT_STYLES["label"][0]
    spacing = LEGEND_SPACING
    widths = [
        (spacing["handlelength"] + spacing["handletextpad"]) * em + max(_text_pt(t, em)[0] for t in chunk)
        for chunk in chunks
    ]
    return [w + (spacing["columnspacing"] * em if i < len(widths) - 1 else 0) for i, w in enumerate(widths)]


def _legend(plot: _Plot, chart: ScatterChart, markers: dict[str, str], columns: int) -> Box:
    """The families' markers and names in rows centred under the plot; returns the legend's box."""
    em = _TEXT_STYLES["label"][0]
    colours = {p.group: p.colour for p in chart.points}
    chunks = _legend_chunks(list(markers), columns)
    widths = _legend_widths(chunks)
    start = WIDTH_IN * 36 - sum(widths) / 2  # points from the left edge: the legend is centred
    rows = max(len(chunk) for chunk in chunks)
    base = LEGEND_SPACING["borderaxespad"] * em + LEGEND_ROW_IN * 36  # the last row's centre
    left = start
    for chunk, column_width in zip(chunks, widths, strict=True):
        for row, group in enumerate(chunk):
            centre = base + (rows - 1 - row) * LEGEND_ROW_IN * 72
            handle = left + LEGEND_SPACING["handlelength"] * em / 2
            plot.mark(handle / 72, centre / 72, markers[group], LEGEND_MARKER_PT, colours[group])
            text_at = left + (LEGEND_SPACING["handlelength"] + LEGEND_SPACING["handletextpad"]) * em
            plot.text(text_at / 72, centre / 72, group, "label", "start", "center")
        left += column_width
    return (start, base - LEGEND_ROW_IN * 36, start + sum(widths), base + (rows - 0.5) * LEGEND_ROW_IN * 72)


def _scales(chart: ScatterChart, xs_in: tuple[float, float], ys_in: tuple[float, float]) -> tuple[_Scale, _Scale]:
    """Both axes' ranges and ticks: log-log on one scale for sizes, powers of two for RAM, else linear."""
    xs = [p.x for p in chart.points]
    ys = [p.y for p in chart.points]
    if chart.log:
        # One range for both axes, so the `active = total` diagonal is at 45 degrees.
        low, high = min(xs + ys) / 2, max(xs + ys) * 2
        ticks = tuple((t, fmt.number(t, 1)) for t in LOG_TICKS if low <= t <= high)
        return _Scale(low, high, *xs_in, ticks, log=True), _Scale(low, high, *ys_in, ticks, log=True)
    guides = [g.value for g in chart.guides if g.axis == "x"]
    if chart.log_x:
        low, high = min(xs + guides) / 1.5, max(xs + guides) * 1.5
        x_ticks = tuple((2.0**k, fmt.number(2.0**k, 2)) for k in range(-4, 13) if low <= 2.0**k <= high)
        x = _Scale(low, high, *xs_in, x_ticks, log=True)
    else:
        x = _linear(0, max(xs + guides) * 1.15, xs_in)
    if chart.y_from_zero:
        return x, _linear(0, max(ys) * 1.2, ys_in)
    spread = max(max(ys) - min(ys), max(ys) * 0.05)
    return x, _linear(min(ys) - spread * 0.6, max(ys) + spread * 0.6, ys_in)


LOG_TICKS = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)


def _linear(low: float, high: float, span: tuple[float, float]) -> _Scale:
    """Round ticks (0, 4, 8, 12 GB rather than 0.0, 2.5, 5.0) written the way the tables write numbers."""
    ticks = tuple((v, fmt.number(v, 2)) for v in _round_ticks(low, high))
    return _Scale(low, high, *span, ticks)


def _round_ticks(low: float, high: float, bins: int = 6) -> list[float]:
    """Multiples of the smallest round step (1, 2, 4 or 5 times a power of ten) that cuts the range
    into at most `bins` intervals, within the range: what matplotlib's MaxNLocator chose here."""
    if high <= low:
        return [low]
    magnitude = 10 ** math.floor(math.log10((high - low) / bins))
    step = next(
        m * magnitude
        for m in (1, 2, 4, 5, 10, 20, 40, 50)
        if math.ceil(high / (m * magnitude) - 1e-9) - math.floor(low / (m * magnitude) + 1e-9) <= bins
    )
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    return [round(i * step, 10) + 0.0 for i in range(first, last + 1)]


def _frame(plot: _Plot, x: _Scale, y: _Scale) -> None:
    """Grid, ticks and their labels, and the left and bottom axis lines."""
    tick = TICK_PT / 72
    for value, label in x.ticks:
        at = x(value)
        plot.line((at, y.start), (at, y.end), "grid")
        plot.line((at, y.start), (at, y.start - tick), "axis")
        plot.text(at, y.start - tick - 0.04, label, "scale", "middle", "top")
    for value, label in y.ticks:
        at = y(value)
        plot.line((x.start, at), (x.end, at), "grid")
        plot.line((x.start, at), (x.start - tick, at), "axis")
        plot.text(x.start - tick - 0.04, at, label, "scale", "end", "center")
    plot.line((x.start, y.start), (x.end, y.start), "axis")
    plot.line((x.start, y.start), (x.start, y.end), "axis")


def _label_points(plot: _Plot, labels: dict[tuple[float, float], str], frame: Box, taken: Sequence[Box] = ()) -> None:
    """Put each label beside its point where it overlaps no other label or point: right, left, above, below.

    Works in points from the figure's corner. Sizes are estimated from the font size (generously: the
    browser's font varies)."""
    placed = [(sx - 6, sy - 6, sx + 6, sy + 6) for sx, sy in labels] + list(taken)
    for (sx, sy), text in sorted(labels.items()):
        w, h = _text_pt(text, _TEXT_STYLES["label"][0])
        options = [
            ((8, 0), "start", "center", (sx + 8, sy - h / 2, sx + 8 + w, sy + h / 2)),
            ((-8, 0), "end", "center", (sx - 8 - w, sy - h / 2, sx - 8, sy + h / 2)),
            ((0, 9), "middle", "bottom", (sx - w / 2, sy + 9, sx + w / 2, sy + 9 + h)),
            ((0, -9), "middle", "top", (sx - w / 2, sy - 9 - h, sx + w / 2, sy - 9)),
            ((6, 6), "start", "bottom", (sx + 6, sy + 6, sx + 6 + w, sy + 6 + h)),
            ((6, -6), "start", "top", (sx + 6, sy - 6 - h, sx + 6 + w, sy - 6)),
            ((-6, 6), "end", "bottom", (sx - 6 - w, sy + 6, sx - 6, sy + 6 + h)),
            ((-6, -6), "end", "top", (sx - 6 - w, sy - 6 - h, sx - 6, sy - 6)),
        ]
        own = (sx - 6, sy - 6, sx + 6, sy + 6)
        others = [b for b in placed if b != own]
        found = next((o for o in options if _inside(o[3], frame) and not any(_overlap(o[3], b) for b in others)), None)
        if found is None:
            continue  # no free spot: an unlabelled point beats overprinted text (the alt text and table name it)
        (dx, dy), anchor, align, box = found
        placed.append(box)
        plot.text((sx + dx) / 72, (sy + dy) / 72, text, "label", anchor, align)


def _inside(box: Box, frame: Box) -> bool:
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _coincident(points: Sequence[Point]) -> dict[tuple[float, float], list[Point]]:
    groups: dict[tuple[float, float], list[Point]] = {}
    for p in points:
        groups.setdefault((p.x, p.y), []).append(p)
    return groups


def _guides(plot: _Plot, x: _Scale, y: _Scale, guides: Sequence[Guide]) -> list[Box]:
    """Draw the guide lines; the labels of vertical lines close together (the RAM tiers, 2 GB apart on
    a log axis of 1 to 512 GB) are staggered down a row rather than run into each other ("16 GB32 GB").
    Returns the labels' boxes in points, for the point labels to keep clear of."""
    size = _TEXT_STYLES["note"][0]
    line_in = size * 1.25 / 72
    ends: list[float] = []  # the right end of the last label on each row, in inches
    boxes = []
    for guide in sorted(guides, key=lambda g: (g.axis != "x", g.value)):
        if guide.axis != "x":
            boxes.append(_diagonal(plot, x, y, guide))
            continue
        left, right = _guide_label_span(x, guide, size)
        row = next((r for r, end in enumerate(ends) if left > end + 6 / 72), len(ends))
        if row == len(ends):
            ends.append(right)
        ends[row] = right
        plot.line((x(guide.value), y.start), (x(guide.value), y.end), "guide")
        anchor = "start" if left > x(guide.value) else "end"
        at = x(guide.value) + (3 if anchor == "start" else -3) / 72
        boxes.append(plot.text(at, y.end - 3 / 72 - row * line_in, guide.label, "note", anchor, "top"))
    return boxes


def _guide_label_span(x: _Scale, guide: Guide, size: float) -> tuple[float, float]:
    """Where a vertical guide's label runs, in inches: rightwards from its line, or leftwards when that
    would run it past the frame's right edge."""
    width = _text_pt(guide.label, size)[0] / 72  # the estimate the label's box is then given
    at = x(guide.value)
    if at + 3 / 72 + width > x.end:
        return at - 3 / 72 - width, at - 3 / 72
    return at + 3 / 72, at + 3 / 72 + width


def _diagonal(plot: _Plot, x: _Scale, y: _Scale, guide: Guide) -> Box:
    """A line of slope `guide.value` corner to corner (both axes share one log range, see _scales)."""
    start, end = max(x.low, y.low / guide.value), min(x.high, y.high / guide.value)
    plot.line((x(start), y(start * guide.value)), (x(end), y(end * guide.value)), "guide")
    return plot.text(x(end) - 4 / 72, y(end * guide.value) - 4 / 72, guide.label, "note", "end", "top")


# --- timeline ------------------------------------------------------------------------------------


def _timeline(chart: TimelineChart) -> Any:
    mdates = _mpl.dates
    plot_in = 0.7 * len(chart.lanes) + 0.2
    figure = _figure(WIDTH_IN, TITLE_IN + plot_in + X_AXIS_IN - 0.2)
    ax = _axes(
        figure,
        left=PAD_IN + _text_in([line for lane in chart.lanes for line in _wrap(lane, 18).split("\n")], FONT_PT) + 0.1,
        bottom=X_AXIS_IN - 0.2,
        right=0.2,
    )
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
    ax.set_yticks(list(lane_y.values()), [_wrap(lane, 18) for lane in lane_y])
    locator = mdates.AutoDateLocator(maxticks=6)
    locator.intervald[mdates.MONTHLY] = [1, 2, 3, 4, 6, 12]  # a span of 3-6 years has no 6-tick month step
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.xaxis.grid(True, linewidth=0.6)
    ax.set_axisbelow(True)
    _title(figure, chart.title)
    return figure


# --- link preview --------------------------------------------------------------------------------


def _preview(chart: PreviewImage) -> Any:
    """1200x630: the names in large type with their makers' colours as swatches, then the key figures."""
    figure = _figure(12, 6.3, dpi=100, facecolor="#ffffff")
    ink = {"color": PREVIEW_INK}
    figure.text(0.06, 0.88, chart.site, fontsize=22, color="#5c6370")
    for i, (name, maker, colour) in enumerate(zip(chart.names, chart.makers, chart.colours, strict=True)):
        x = 0.06 + i * 0.47
        figure.patches.append(
            _mpl.patches.Rectangle((x, 0.56), 0.012, 0.22, transform=figure.transFigure, color=colour, figure=figure)
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

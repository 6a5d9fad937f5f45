"""Charts: what they show (derive), how they are drawn (render), the cache, and what the built page says."""

from __future__ import annotations

import dataclasses
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator.build import OUTPUT, generate, load_catalog, make_site
from generator.derive import charts as specs
from generator.derive.comparison import compare
from generator.model import Catalog
from generator.pages import plan
from generator.render import chart_files
from generator.render import charts as drawing
from generator.render.pages import Links, environment
from tests.conftest import ROOT

SEED = "gemma-4-vs-qwen-3-5"


@pytest.fixture(scope="module")
def seed_charts(catalog: Catalog) -> specs.PairCharts:
    return specs.pair_charts(catalog, compare(catalog, "gemma-4", "qwen-3-5"))


# --- what the charts show ------------------------------------------------------------------------


def test_seed_page_has_a_chart_per_category_hardware_sizes_and_a_preview(seed_charts: specs.PairCharts) -> None:
    assert [c for c, _ in seed_charts.categories] == ["general", "coding", "multilingual", "math", "agentic"]
    assert seed_charts.hardware is not None and seed_charts.sizes is not None
    assert seed_charts.preview.path == f"charts/og/{SEED}.png"
    assert seed_charts.category("general").path == f"charts/compare/{SEED}/bench-general.svg"  # type: ignore[union-attr]
    assert seed_charts.category("general").dark == f"charts/compare/{SEED}/bench-general.dark.svg"  # type: ignore[union-attr]


def test_bars_use_each_makers_colour_from_the_data(catalog: Catalog, seed_charts: specs.PairCharts) -> None:
    general = seed_charts.category("general")
    assert general is not None
    colours = {s.label: s.colour for s in general.series}
    assert colours["Qwen 3.5 Plus"] == catalog.makers["alibaba"].colour
    assert colours["Gemma 4 26B MoE"] == colours["Gemma 4 31B Dense"] == catalog.makers["google"].colour


def test_maker_colours_are_distinct_and_readable_on_both_pages(catalog: Catalog) -> None:
    """What the validator requires of the data (generator/plausibility.py), held by the real colours:
    3:1 against Material's light and dark page, and no two makers alike. The first makers once used
    Okabe-Ito colours; its orange and sky blue have 2.3:1 on white, so they were darkened."""
    from generator.plausibility import BACKGROUNDS, MIN_COLOUR_DISTANCE, MIN_CONTRAST, contrast, distance

    colours = {m.id: m.colour for m in catalog.makers.values()}
    assert all(contrast(c, bg) >= MIN_CONTRAST for c in colours.values() for bg in BACKGROUNDS.values())
    ids = sorted(colours)
    assert all(distance(colours[a], colours[b]) >= MIN_COLOUR_DISTANCE for i, a in enumerate(ids) for b in ids[i + 1 :])


def test_a_variant_that_is_also_a_side_is_drawn_once(catalog: Catalog) -> None:
    charts = specs.pair_charts(catalog, compare(catalog, "qwen-2-5-coder", "qwen-3-5"))
    coding = charts.category("coding")
    assert coding is not None
    labels = [s.label for s in coding.series]
    assert sorted(labels) == sorted(set(labels))


def test_alt_text_names_every_value(seed_charts: specs.PairCharts) -> None:
    general = drawing.alt_text(seed_charts.category("general"))  # type: ignore[arg-type]
    # In the table's order: the models that win a row first (Gemma 4 31B Dense wins these).
    assert "MMLU: Gemma 4 31B Dense 85.1, Qwen 3.5 Plus 82.1, Gemma 4 26B MoE 83.2" in general
    assert "GSM8K: Gemma 4 31B Dense 90.5, Qwen 3.5 Plus 87.3, Gemma 4 26B MoE 89.1" in general
    hardware = drawing.alt_text(seed_charts.hardware)  # type: ignore[arg-type]
    # The hardware chart plots the estimates (memory at the defaults, speed bound): the seed's own
    # figures stay in the table, where each carries its source and its warning.
    assert "Estimated memory and speed, laptop CPU" in hardware and "Gemma 4 E2B 3.7 GB" in hardware
    sizes = drawing.alt_text(seed_charts.sizes)  # type: ignore[arg-type]
    assert "Qwen 3.5 Plus 397B, 17B" in sizes  # Alibaba's figures for the hosted 397B-A17B
    preview = drawing.alt_text(seed_charts.preview)
    assert "Active parameters: 17B vs 3.8B" in preview
    assert "RAM needed" not in preview  # both seed figures are below what the weights need


def test_alt_text_from_data_is_escaped_in_the_page(catalog: Catalog) -> None:
    chart = specs.BarChart(
        "charts/x.svg", "T", "%", ("MMLU",), (specs.Series("Evil](javascript:x) *b*", "#000000", (1,)),)
    )
    links = Links(plan(catalog), "compare/a-vs-b.md")
    markdown = environment().get_template("_chart.md.j2").render(chart=chart, links=links)
    assert "](javascript:" not in markdown and "*b*" not in markdown
    assert "Evil&#93;(javascript:x) &#42;b&#42;" in markdown
    assert "(../charts/x.svg#only-light)" in markdown and "(../charts/x.dark.svg#only-dark)" in markdown


# --- site-wide charts for the leaderboard, hardware guide and releases pages --------------------


def test_category_leaderboard_keeps_the_best_of_each_benchmark(catalog: Catalog) -> None:
    chart = specs.category_leaderboard(catalog, "general", size=3)
    assert chart is not None and chart.ranked and chart.groups[0] == "MMLU"
    # The board ranks each benchmark in one setting (its reference), and the chart shows what it ranks.
    from generator.derive import rankings

    board = rankings.category_board(catalog, "general")
    assert board is not None
    reference = board.ranking.references["mmlu"]
    mmlu = sorted(
        (x.value, m.name)
        for m in catalog.models.values()
        for x in m.scores
        if x.benchmark == "mmlu" and rankings.setting_key(catalog, x) == reference
    )
    best = [(v, name) for v, name in reversed(mmlu)][:3]
    shown = sorted(((s.values[0], s.label) for s in chart.series if s.values[0] is not None), reverse=True)
    assert shown == best
    assert "MMLU: " + ", ".join(f"{name} {drawing.fmt.number(v, 2)}" for v, name in best) in drawing.alt_text(chart)
    assert drawing.draw(chart).startswith(b"<?xml")


def test_quality_vs_ram_draws_the_ram_tiers(catalog: Catalog) -> None:
    chart = specs.quality_vs_ram(catalog, "mmlu")
    assert chart is not None
    assert [g.value for g in chart.guides] == list(catalog.site.ram_tiers_gb)
    # Gemma 4 26B MoE sits at its estimate, not at the seed's impossible 8 GB.
    assert "Gemma 4 26B MoE 16.3 GB, 83.2" in drawing.alt_text(chart)
    svg = drawing.draw(chart).decode()
    assert all(f"{t:g} GB" in svg for t in catalog.site.ram_tiers_gb)


def _scatters(catalog: Catalog) -> list[specs.ScatterChart]:
    """The hardware guide's charts (one per benchmark with two models to place) and a comparison's."""
    found = [c for b in catalog.benchmarks if (c := specs.quality_vs_ram(catalog, b))]
    pair = specs.pair_charts(catalog, compare(catalog, "gemma-4", "qwen-3-5"))
    return found + [c for c in pair.all() if isinstance(c, specs.ScatterChart)]


def test_scatter_legends_lie_in_rows_inside_the_figure(catalog: Catalog) -> None:
    """The hardware guide's legend named a dozen families in one row, cut off at both edges (issue 15):
    at most four to a row, and the whole legend within the figure; eight long names too."""
    charts = _scatters(catalog)
    many = charts[0]
    names = [f"Family number {i}" for i in range(8)]
    points = tuple(dataclasses.replace(p, group=names[i % 8]) for i, p in enumerate(many.points))
    charts.append(dataclasses.replace(many, points=points))
    legends = 0
    for chart in charts:
        drawn = drawing._scatter(chart)
        if drawn.legend is None:
            continue
        legends += 1
        x0, y0, x1, y1 = drawn.legend
        width, height = drawn.size
        assert x0 >= 0 and x1 <= width and y0 >= 0 and y1 <= height, chart.path
        assert drawn.legend_columns <= 4, chart.path
        assert all(x0 <= box[0] and box[2] <= x1 for text, box in drawn.texts if text in names), chart.path
        # Nor does it run into the x axis's label above it.
        axis_label = next(box for text, box in drawn.texts if text.startswith(chart.x_label))
        assert y1 <= axis_label[1], chart.path
    assert legends >= 2


def test_ram_tier_labels_do_not_run_together(catalog: Catalog) -> None:
    """The 2 to 64 GB tiers are half an inch apart on the log axis, too close for their labels side by
    side ("16 GB32 GB"): no two labels overlap, and none sits within a few points of another."""
    tiers = {f"{t:g} GB" for t in catalog.site.ram_tiers_gb}

    def overlap(a: tuple[float, ...], b: tuple[float, ...], pad: float = 0) -> bool:
        return a[0] - pad < b[2] and b[0] - pad < a[2] and a[1] - pad < b[3] and b[1] - pad < a[3]

    for chart in [c for b in catalog.benchmarks if (c := specs.quality_vs_ram(catalog, b))]:
        texts = drawing._scatter(chart).texts
        labels = [box for text, box in texts if text in tiers]
        assert len(labels) == len(tiers)
        others = [box for text, box in texts if text not in tiers]
        for i, a in enumerate(labels):
            # Boxes are a line high, so labels a row apart touch; side by side they keep a gap.
            assert not any(overlap(a, b, pad=2 if abs(a[1] - b[1]) < 0.5 else -0.5) for b in labels[i + 1 :]), (
                chart.path
            )
            assert not any(overlap(a, b) for b in others), chart.path  # the point labels keep clear too


def test_releases_timeline_has_every_dated_release(catalog: Catalog) -> None:
    chart = specs.releases_timeline(catalog)
    assert chart is not None
    events = [(name, e.day) for e in chart.events for name in e.names]
    dated = [(m.name, m.released.value) for m in catalog.models.values() if m.released]
    assert set(dated) <= set(events) and ("Qwen 2.5 Coder 32B", date(2024, 11, 12)) in events
    assert [day for _, day in events] == sorted(day for _, day in events)
    assert "2024-11-12 " in drawing.alt_text(chart) and "Qwen 2.5 Coder 32B" in drawing.alt_text(chart)
    assert b"Llama 3.1" in drawing.draw(chart)


# --- how they are drawn --------------------------------------------------------------------------


def test_chart_bytes_are_deterministic_small_and_keep_text_as_text(seed_charts: specs.PairCharts) -> None:
    first = dict(chart_files.chart_files(seed_charts.all(), None))
    second = dict(chart_files.chart_files(seed_charts.all(), None))
    assert first == second
    for path, data in first.items():
        if path.endswith(".svg"):
            text = data.decode()
            assert len(data) <= 30_000, f"{path} is {len(data)} bytes"
            assert "<text" in text and "Date" not in text and "dc:date" not in text
            assert drawing.INK not in text and drawing.GRID not in text
    light = first[f"charts/compare/{SEED}/bench-general.svg"].decode()
    dark = first[f"charts/compare/{SEED}/bench-general.dark.svg"].decode()
    assert "MMLU" in light and light != dark
    assert drawing.PALETTES["light"][drawing.INK] in light and drawing.PALETTES["dark"][drawing.INK] in dark


def test_text_sizes_remembered_across_charts_draw_the_same_bytes(
    seed_charts: specs.PairCharts, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawing.prepare()
    from matplotlib.backends.backend_svg import RendererSVG

    remembered = RendererSVG.get_text_width_height_descent
    assert getattr(remembered, "remembers", False), "drawing measures every text of every chart again"
    svgs = [c for c in seed_charts.all() if not isinstance(c, specs.PreviewImage)]
    with_memory = [drawing.draw(c) for c in svgs + svgs]  # the second round is measured from memory
    monkeypatch.setattr(RendererSVG, "get_text_width_height_descent", remembered.measure)
    assert with_memory == [drawing.draw(c) for c in svgs + svgs]


def test_preview_is_a_1200_by_630_png_without_software_metadata(seed_charts: specs.PairCharts) -> None:
    png = drawing.draw(seed_charts.preview)
    assert png.startswith(b"\x89PNG")
    assert struct.unpack(">II", png[16:24]) == (1200, 630)
    assert b"Software" not in png and b"matplotlib" not in png


def test_drawing_many_previews_does_not_grow_memory() -> None:
    """A worker draws thousands of previews at scale; each once left 1 MB behind (a 3 MB pixel buffer
    per preview in a fragmented heap), and at 16x the default data the workers passed 1 GB."""
    script = """
import sys
from pathlib import Path
from generator.build import load_catalog
from generator.derive import charts as specs
from generator.derive.comparison import compare
from generator.pages import plan
from generator.render import charts as drawing

def rss_mb():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS")) // 1024

catalog = load_catalog(Path("."))
pairs = [compare(catalog, *page.key) for page in plan(catalog).of("comparison")]
previews = [specs.preview_image(catalog, pair) for pair in pairs]
for chart in previews[:10]:
    drawing.draw(chart)
before = rss_mb()
for chart in (previews * 3)[:150]:
    drawing.draw(chart)
print(rss_mb() - before)
"""
    if not Path("/proc/self/status").exists():
        pytest.skip("reads the resident size from /proc")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert int(result.stdout) < 15, f"{result.stdout.strip()} MB more after 150 previews"


# --- the cache -----------------------------------------------------------------------------------


@pytest.fixture
def own_cache(project: Path, shared_chart_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A chart cache of this test alone, holding the drawings of the unedited data (copied, not drawn)."""
    generate(project)  # makes sure the shared cache has every drawing of the real data
    folder = project / "own-cache"
    shutil.copytree(shared_chart_cache, folder)
    monkeypatch.setenv("CHART_CACHE", str(folder))
    return folder


def test_second_build_draws_nothing_and_an_edited_score_redraws_only_its_charts(
    project: Path, own_cache: Path, edit: Callable[[str, str, str], Path]
) -> None:
    first = generate(project)
    assert first.charts.drawn == 0 and first.charts.cached > 0
    before, keys_before = _tree(project / OUTPUT / "charts"), _keys(project)
    edit(
        "data/families/gemma-4.yaml",
        '{benchmark: mmlu, value: 83.2, source: seed-article, quote: "MMLU | 82.1 | 83.2',
        '{benchmark: mmlu, value: 83.4, source: seed-article, quote: "MMLU | 82.1 | 83.4',
    )
    edited = generate(project)
    keys_after = _keys(project)
    redrawn = {path for path, key in keys_after.items() if key != keys_before[path]}
    # Only the charts that show the score (every one of them now states the new value) are redrawn.
    assert (
        f"charts/compare/{SEED}/bench-general.svg" in redrawn and "charts/hardware/quality-vs-ram-mmlu.svg" in redrawn
    )
    # A bar chart's alt text names the score after the model; a scatter's names its RAM first.
    shown = re.compile(r"Gemma 4 26B MoE (\d+(\.\d+)? GB, )?83\.4")
    assert [path for path in redrawn if not shown.search(_alt(project, path))] == []
    assert 0 < edited.charts.drawn == len({keys_after[p] for p in redrawn}) < len(set(keys_after.values()))
    after = _tree(project / OUTPUT / "charts")
    changed = {f"charts/{p}" for p in after if after[p] != before.get(p)}
    assert changed == redrawn | {specs.dark_path(p) for p in redrawn if p.endswith(".svg")}
    assert generate(project).charts.drawn == 0


def _charts(project: Path) -> dict[str, specs.Chart]:
    """Every chart of the site by path, as the pages declare them."""
    site = make_site(load_catalog(project))
    return {c.path: c for page in site.plan.pages for c in page.type.content(site, page).charts}


def _keys(project: Path) -> dict[str, str]:
    return {path: chart_files.cache_key(c) for path, c in _charts(project).items()}


def _alt(project: Path, path: str) -> str:
    return drawing.alt_text(_charts(project)[path]).replace("8 GB, 83.4", "Gemma 4 26B MoE 83.4")


def test_a_cold_cache_draws_every_chart(tmp_path: Path, seed_charts: specs.PairCharts) -> None:
    result = chart_files.chart_files(seed_charts.all(), tmp_path)
    assert result.counts == chart_files.ChartCounts(drawn=len(seed_charts.all()), cached=0)
    assert len(dict(result)) > result.counts.drawn  # drawn as the files are taken, each SVG in two palettes
    assert chart_files.chart_files(seed_charts.all(), tmp_path).counts.drawn == 0


def test_a_warm_build_does_not_import_matplotlib(project: Path, own_cache: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from generator.build import generate; "
        f"r = generate(Path({str(project)!r})); print(r.charts.drawn, 'matplotlib' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "False"]


def test_identical_drawings_are_drawn_once(seed_charts: specs.PairCharts, tmp_path: Path) -> None:
    chart = seed_charts.hardware
    assert chart is not None
    twin = dataclasses.replace(chart, path="charts/elsewhere/hardware.svg")
    result = chart_files.chart_files([chart, twin], tmp_path)
    files = dict(result)
    assert result.counts.drawn == 1 and len(files) == 4
    assert files[chart.path] == files[twin.path]


# --- the built site ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(default_site: Path) -> Path:
    return default_site


def test_built_page_has_open_graph_and_twitter_image_tags(site: Path) -> None:
    html = (site / f"compare/{SEED}/index.html").read_text(encoding="utf-8")
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html)
    assert image and image.group(1).endswith(f"/charts/og/{SEED}.png")
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="twitter:image" content="{image.group(1)}">' in html
    png = (site / f"charts/og/{SEED}.png").read_bytes()
    assert struct.unpack(">II", png[16:24]) == (1200, 630)


def test_built_page_embeds_both_palettes_with_alt_text_and_the_table_stays(site: Path) -> None:
    html = (site / f"compare/{SEED}/index.html").read_text(encoding="utf-8")
    images = re.findall(r'<img alt="([^"]*)"[^>]* src="([^"]+)"', html)
    sources = [src for _, src in images]
    assert f"../../charts/compare/{SEED}/bench-general.svg#only-light" in sources
    assert f"../../charts/compare/{SEED}/bench-general.dark.svg#only-dark" in sources
    for alt, src in images:
        assert (site / f"compare/{SEED}" / src.split("#")[0]).resolve().is_file(), src
        assert re.search(r"\d", alt), f"alt text of {src} states no figure"
    assert "<td>MMLU</td>" in html


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

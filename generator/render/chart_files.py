"""Chart specs in, chart files out: draw only what the cache lacks, on both cores, then theme each SVG.

Drawing dominates a cold build (importing matplotlib alone takes most of a second), so every drawing
is kept in `.cache/charts/` under a hash of what it depends on: the spec without its path (two pages
showing the same data share a drawing), the drawing code and matplotlib's version. A rebuild whose
charts are all cached never imports matplotlib; an edited score redraws only the charts that show it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import multiprocessing
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.derive.charts import Chart, PreviewImage
from generator.render import charts as drawing
from generator.render import format as fmt

POOL_MIN = 8  # below this many misses (~45 ms each), forking workers costs more than it saves
WORKERS = 2


@dataclass(frozen=True)
class ChartFiles:
    files: Mapping[str, bytes]
    drawn: int
    cached: int


def chart_files(charts: Iterable[Chart], cache_dir: Path | None) -> ChartFiles:
    """Every file of the given charts (SVGs in both palettes, preview PNGs), by path."""
    charts = tuple(charts)
    keys = {chart: cache_key(chart) for chart in charts}
    drawings: dict[str, bytes] = {}
    for key in dict.fromkeys(keys.values()):
        found = _read(cache_dir, key)
        if found is not None:
            drawings[key] = found
    cached = len(drawings)
    misses: dict[str, Chart] = {}
    for chart, key in keys.items():
        if key not in drawings:
            misses.setdefault(key, chart)
    for key, data in zip(misses, _draw_all(list(misses.values())), strict=True):
        drawings[key] = data
        _write(cache_dir, key, data)
    files: dict[str, bytes] = {}
    for chart, key in keys.items():
        files.update(_outputs(chart, drawings[key]))
    return ChartFiles(files, drawn=len(misses), cached=cached)


def cache_key(chart: Chart) -> str:
    """A hash of everything the drawing depends on; the path is left out because it is not drawn."""
    content = repr(dataclasses.replace(chart, path=""))
    return hashlib.sha256(f"{_style_fingerprint()}\n{content}".encode()).hexdigest()


@cache
def _style_fingerprint() -> str:
    """The drawing code, the number formats and matplotlib's version: a change to any redraws all."""
    code = b"".join(Path(module.__file__ or "").read_bytes() for module in (drawing, fmt))
    return f"{hashlib.sha256(code).hexdigest()} matplotlib {importlib.metadata.version('matplotlib')}"


def _draw_all(charts: list[Chart]) -> list[bytes]:
    if not charts:
        return []
    # Imported once here, before any fork: the workers inherit it instead of importing it again each.
    drawing.prepare()
    if len(charts) < POOL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        return [drawing.draw(chart) for chart in charts]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        return list(pool.map(drawing.draw, charts, chunksize=max(1, len(charts) // (4 * WORKERS))))


def _outputs(chart: Chart, data: bytes) -> dict[str, bytes]:
    if isinstance(chart, PreviewImage):
        return {chart.path: data}
    variants = drawing.themed(data)
    return {chart.path: variants["light"], chart.dark: variants["dark"]}


def _suffix(data: bytes) -> str:
    return ".png" if data.startswith(b"\x89PNG") else ".svg"


def _read(cache_dir: Path | None, key: str) -> bytes | None:
    if cache_dir is None:
        return None
    for suffix in (".svg", ".png"):
        try:
            return (cache_dir / f"{key}{suffix}").read_bytes()
        except FileNotFoundError:
            continue
    return None


def _write(cache_dir: Path | None, key: str, data: bytes) -> None:
    if cache_dir is None:
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"{key}{_suffix(data)}"
    # Written aside and renamed, so a build interrupted mid-write never leaves a truncated drawing.
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)

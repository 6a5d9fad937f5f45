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
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.derive.charts import Chart, PreviewImage
from generator.render import charts as drawing
from generator.render import format as fmt
from generator.write import write_atomic

POOL_MIN = 8  # below this many matplotlib drawings (~30 ms each), forking workers costs more than it saves
WORKERS = 2


@dataclass(frozen=True)
class ChartCounts:
    drawn: int
    cached: int


@dataclass(frozen=True)
class ChartFiles:
    """The files of a set of charts, produced as they are iterated: the drawings the cache lacks are
    drawn (on both cores) and written to it one by one, then the cached ones are read, so that no more
    than a few drawings are in memory at once (at 16x the default data, all of them would be 4 GB)."""

    charts_by_key: Mapping[str, tuple[Chart, ...]]  # charts with the same content share one drawing
    missing: tuple[str, ...]  # keys the cache lacks, in the order of first use
    cache_dir: Path | None

    @property
    def counts(self) -> ChartCounts:
        return ChartCounts(drawn=len(self.missing), cached=len(self.charts_by_key) - len(self.missing))

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        """(path, bytes) of every file: SVGs in both palettes, preview PNGs."""
        missing = set(self.missing)
        first = [self.charts_by_key[key][0] for key in self.missing]
        for key, data in zip(self.missing, _draw_all(first), strict=True):
            _write(self.cache_dir, key, data)
            yield from _outputs_of(self.charts_by_key[key], data)
        for key, charts in self.charts_by_key.items():
            if key not in missing:
                # Read now, not when planned; a drawing removed since (a cleaned cache) is drawn again.
                data = _read(self.cache_dir, key) or drawing.draw(charts[0])
                yield from _outputs_of(charts, data)


def chart_files(charts: Iterable[Chart], cache_dir: Path | None) -> ChartFiles:
    """Every file of the given charts, drawn or taken from the cache when iterated."""
    by_key: dict[str, list[Chart]] = {}
    for chart in charts:
        by_key.setdefault(cache_key(chart), []).append(chart)
    missing = tuple(key for key in by_key if not _cached(cache_dir, key))
    return ChartFiles({k: tuple(v) for k, v in by_key.items()}, missing, cache_dir)


def cache_key(chart: Chart) -> str:
    """A hash of everything the drawing depends on; the path is left out because it is not drawn."""
    content = repr(dataclasses.replace(chart, path=""))
    return hashlib.sha256(f"{_style_fingerprint()}\n{content}".encode()).hexdigest()


@cache
def _style_fingerprint() -> str:
    """The drawing code, the number formats and matplotlib's version: a change to any redraws all."""
    code = b"".join(Path(module.__file__ or "").read_bytes() for module in (drawing, fmt))
    return f"{hashlib.sha256(code).hexdigest()} matplotlib {importlib.metadata.version('matplotlib')}"


def _draw_all(charts: list[Chart]) -> Iterator[bytes]:
    """The drawings of `charts`, in order. Bar charts are written directly (well under a millisecond
    each); only the others need matplotlib, and only they are worth sending to other cores."""
    heavy = [c for c in charts if not drawing.is_direct(c)]
    if not heavy:
        yield from (drawing.draw(chart) for chart in charts)
        return
    # Imported once here, before any fork: the workers inherit it instead of importing it again each.
    drawing.prepare()
    if len(heavy) < POOL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        yield from (drawing.draw(chart) for chart in charts)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        # Small chunks: results are handed over, written and dropped as they come.
        drawn = pool.map(drawing.draw, heavy, chunksize=max(1, min(16, len(heavy) // (4 * WORKERS))))
        for chart in charts:
            yield drawing.draw(chart) if drawing.is_direct(chart) else next(drawn)


def _outputs_of(charts: Iterable[Chart], data: bytes) -> Iterator[tuple[str, bytes]]:
    for chart in charts:
        if isinstance(chart, PreviewImage):
            yield chart.path, data
            continue
        variants = drawing.themed(data)
        yield chart.path, variants["light"]
        yield chart.dark, variants["dark"]


def chart_paths(chart: Chart) -> tuple[str, ...]:
    """The files a chart is written to: a preview's PNG, or an SVG in each palette."""
    return (chart.path,) if isinstance(chart, PreviewImage) else (chart.path, chart.dark)


def _suffix(data: bytes) -> str:
    return ".png" if data.startswith(b"\x89PNG") else ".svg"


def _cached(cache_dir: Path | None, key: str) -> bool:
    return cache_dir is not None and any((cache_dir / f"{key}{suffix}").exists() for suffix in (".svg", ".png"))


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
    # Written aside under a unique name and renamed: a build interrupted mid-write never leaves a
    # truncated drawing, and copies of the project sharing the cache never collide.
    write_atomic(cache_dir / f"{key}{_suffix(data)}", data)

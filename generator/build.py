"""The whole pipeline, top to bottom: load and validate, model, plan, render, write.

The data is checked whole before anything is rendered, so a data error leaves the previous output as
it was. Pages and charts are then written as they are rendered, so memory stays flat with the site's
size; if rendering fails half-way, the stamp is already gone and the next run rewrites what differs
(the published site/ is only replaced after a whole successful build).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from generator import stamp
from generator.derive import provenance
from generator.derive.charts import site_charts
from generator.derive.pagemeta import meta
from generator.derive.site import plan
from generator.errors import DataError, DataErrors, Location
from generator.model import Catalog, build_catalog
from generator.render.chart_files import ChartCounts, ChartFiles, chart_files
from generator.render.guide import render_assets
from generator.render.pages import render_page, render_redirect
from generator.render.parallel import render_all
from generator.render.published import published_files
from generator.validate import validate
from generator.write import TreeWriter, WriteStats

HAND_WRITTEN = "docs"
OUTPUT = Path("build") / "docs"
CHART_CACHE = Path(".cache") / "charts"


@dataclass(frozen=True)
class Report:
    pages: int
    redirects: int
    stats: WriteStats
    stale: int = 0  # figures past data/site.yaml's stale_after_days, for the editors' summary line
    today: date | None = None
    updated: date | None = None
    """The latest date in the data: the sitemap's lastmod, so that builds do not depend on the clock."""
    charts: ChartCounts = field(default_factory=lambda: ChartCounts(0, 0))
    published: int = 0  # API, feed and embed files


def reference_day(root: Path, given: date | None = None) -> date:
    """The day figures' ages count to and no date in the data may pass: `given` (`--today`), else
    $OMC_TODAY, else the day of the project's last git commit (in UTC), so that the same checkout
    builds the same bytes on any day. Never the newest date in the data: one mistyped future date
    would then move every age with it."""
    if given:
        return given
    if os.environ.get("OMC_TODAY"):
        try:
            return date.fromisoformat(os.environ["OMC_TODAY"])
        except ValueError:
            raise DataErrors([DataError(Location("OMC_TODAY"), "the reference day is written YYYY-MM-DD")]) from None
    for folder in (root, Path(__file__).parent):  # a scratch copy of data/ builds with the code's checkout
        found = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=False
        )
        if found.returncode == 0 and found.stdout.strip():
            return datetime.fromtimestamp(int(found.stdout), UTC).date()
    message = "no reference day: pass --today YYYY-MM-DD or set OMC_TODAY (this folder is not a git checkout)"
    raise DataErrors([DataError(Location(str(root)), message)])


def load_catalog(root: Path, today: date | None = None) -> Catalog:
    """The checked data of a project, against its reference day (`reference_day`)."""
    day = reference_day(root, today)
    return build_catalog(validate(root / "data", root, day), day)


def site_files(
    catalog: Catalog, today: date | None = None, progress: Callable[[int, int], None] | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every generated page, redirect and asset, by path relative to the docs folder, as rendered;
    ages count to `today`, by default the catalog's reference day."""
    site_plan = plan(catalog)
    prov = provenance.index(catalog, today or catalog.today)
    texts = render_all(lambda page: render_page(catalog, site_plan, page, prov), site_plan.pages, progress)
    for page, text in zip(site_plan.pages, texts, strict=True):
        yield page.path, text.encode()
    for redirect in site_plan.redirects:
        yield redirect.path, render_redirect(redirect).encode()
    yield from render_assets(catalog, site_plan).items()


def render_site(catalog: Catalog, today: date | None = None) -> dict[str, bytes]:
    """Every generated file of the site at once (for tests and small data)."""
    return dict(site_files(catalog, today))


def render_charts(catalog: Catalog, cache_dir: Path | None) -> ChartFiles:
    """Every chart the pages embed, drawn or taken from the cache."""
    return chart_files(site_charts(catalog, plan(catalog)), cache_dir)


def chart_cache(root: Path) -> Path:
    """Where drawings are kept: the project's `.cache/charts`, or $CHART_CACHE. Drawings are keyed by
    their content, so one folder can serve several copies of the project (the tests share one)."""
    return Path(os.environ.get("CHART_CACHE") or root / CHART_CACHE)


def hand_written(root: Path) -> dict[str, bytes]:
    source = root / HAND_WRITTEN
    return {
        p.relative_to(source).as_posix(): p.read_bytes()
        for p in sorted(source.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def site_url(root: Path) -> str:
    """SITE_URL, else the default in mkdocs.yml: the one address the API, feed and cards link to."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    found = re.search(r'^site_url:.*?"(https?://[^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else "/"


def generate(
    root: Path, out: Path | None = None, today: date | None = None, progress: Callable[[int, int], None] | None = None
) -> Report:
    out = out or root / OUTPUT
    today = reference_day(root, today)
    key = stamp.inputs_key(root, str(today))
    last = stamp.load(out, key)
    if last is not None:  # nothing changed since the last generate: no page to render, no chart to draw
        return _unchanged(last)
    stamp.forget(out)  # if anything below fails, the next run must not trust the old stamp
    catalog = load_catalog(root, today)
    hand = hand_written(root)
    writer = TreeWriter(out)

    def put(files: Iterable[tuple[str, bytes]]) -> None:
        for path, content in files:
            if path in hand:
                raise ValueError(f"docs/{path} would overwrite a generated page; rename it")
            writer.write(path, content)

    put(site_files(catalog, today, progress))
    charts = render_charts(catalog, chart_cache(root))
    put(charts)
    published = published_files(catalog, plan(catalog), site_url(root))
    put(published.items())
    for path, content in hand.items():
        writer.write(path, content)
    stats = writer.finish()
    pages = sum(1 for p in writer.paths if p.endswith(".md"))
    redirects = sum(1 for p in writer.paths if p.endswith("index.html"))
    stale = len(provenance.index(catalog, today).stale())
    updated = meta(catalog, [*catalog.families.values(), *catalog.comparisons.values()]).updated
    summary = {"pages": pages, "redirects": redirects, "stale": stale, "charts": len(charts.charts_by_key)}
    summary.update(published=len(published), today=_iso(today), updated=_iso(updated))
    stamp.save(out, key, summary)
    return Report(pages, redirects, stats, stale, today, updated, charts.counts, published=len(published))


def _unchanged(last: dict[str, Any]) -> Report:
    """The report of a generate that found nothing to do: every file unchanged, no chart drawn."""
    today, updated = (date.fromisoformat(last[k]) if last[k] else None for k in ("today", "updated"))
    stats, charts = WriteStats(0, last["files"], 0), ChartCounts(0, last["charts"])
    return Report(last["pages"], last["redirects"], stats, last["stale"], today, updated, charts, last["published"])


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None

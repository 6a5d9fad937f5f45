"""The whole pipeline, top to bottom: load and validate, model, plan, render, write.

Everything is rendered in memory before the first byte is written, so a data error or a template
error leaves the previous output exactly as it was.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.derive import provenance
from generator.derive.charts import site_charts
from generator.derive.pagemeta import meta
from generator.derive.site import plan
from generator.model import Catalog, build_catalog
from generator.render.chart_files import ChartFiles, chart_files
from generator.render.guide import render_assets
from generator.render.pages import render_page, render_redirect
from generator.render.published import published_files
from generator.validate import validate
from generator.write import WriteStats, write_tree

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
    charts: ChartFiles = field(default_factory=lambda: ChartFiles({}, 0, 0))
    published: int = 0  # API, feed and embed files


def load_catalog(root: Path) -> Catalog:
    return build_catalog(validate(root / "data", root))


def render_site(
    catalog: Catalog, today: date | None = None, progress: Callable[[int, int], None] | None = None
) -> dict[str, bytes]:
    """Every generated file of the site, by path relative to the docs folder; ages count to `today`."""
    site_plan = plan(catalog)
    prov = provenance.index(catalog, today or provenance.reference_date(catalog))
    files = {}
    for done, page in enumerate(site_plan.pages, 1):
        files[page.path] = render_page(catalog, site_plan, page, prov).encode()
        if progress:
            progress(done, len(site_plan.pages))
    files.update({r.path: render_redirect(r).encode() for r in site_plan.redirects})
    files.update(render_assets(catalog, site_plan))
    return files


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
    catalog = load_catalog(root)
    today = today or provenance.reference_date(catalog)
    files = render_site(catalog, today, progress)
    charts = render_charts(catalog, chart_cache(root))
    files.update(charts.files)
    published = published_files(catalog, plan(catalog), site_url(root))
    files.update(published)
    for path, content in hand_written(root).items():
        if path in files:
            raise ValueError(f"docs/{path} would overwrite a generated page; rename it")
        files[path] = content
    stats = write_tree(files, out or root / OUTPUT)
    pages = sum(1 for p in files if p.endswith(".md"))
    redirects = sum(1 for p in files if p.endswith("index.html"))
    stale = len(provenance.index(catalog, today).stale())
    updated = meta(catalog, [*catalog.families.values(), *catalog.comparisons.values()]).updated
    return Report(pages, redirects, stats, stale, today, updated, charts, published=len(published))

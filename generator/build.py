"""The whole pipeline, top to bottom: load and validate, model, plan, render, write.

Everything is rendered in memory before the first byte is written, so a data error or a template
error leaves the previous output exactly as it was.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from generator.derive.pagemeta import meta
from generator.derive.site import plan
from generator.model import Catalog, build_catalog
from generator.render.pages import render_page, render_redirect
from generator.validate import validate
from generator.write import WriteStats, write_tree

HAND_WRITTEN = "docs"
OUTPUT = Path("build") / "docs"


@dataclass(frozen=True)
class Report:
    pages: int
    redirects: int
    stats: WriteStats
    updated: datetime.date | None = None
    """The latest date in the data: the sitemap's lastmod, so that builds do not depend on the clock."""


def load_catalog(root: Path) -> Catalog:
    return build_catalog(validate(root / "data", root))


def render_site(catalog: Catalog) -> dict[str, bytes]:
    """Every generated file of the site, by path relative to the docs folder."""
    site_plan = plan(catalog)
    files = {page.path: render_page(catalog, site_plan, page).encode() for page in site_plan.pages}
    files.update({r.path: render_redirect(r).encode() for r in site_plan.redirects})
    return files


def hand_written(root: Path) -> dict[str, bytes]:
    source = root / HAND_WRITTEN
    return {
        p.relative_to(source).as_posix(): p.read_bytes()
        for p in sorted(source.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def generate(root: Path, out: Path | None = None) -> Report:
    catalog = load_catalog(root)
    files = render_site(catalog)
    for path, content in hand_written(root).items():
        if path in files:
            raise ValueError(f"docs/{path} would overwrite a generated page; rename it")
        files[path] = content
    stats = write_tree(files, out or root / OUTPUT)
    pages = sum(1 for p in files if p.endswith(".md"))
    redirects = sum(1 for p in files if p.endswith("index.html"))
    updated = meta(catalog, [*catalog.families.values(), *catalog.comparisons.values()]).updated
    return Report(pages, redirects, stats, updated)

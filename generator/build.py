"""The whole pipeline, top to bottom: load and validate, model, plan, derive and render each page, write.

The data is checked whole before anything is rendered, so a data error leaves the previous output as
it was. Pages and charts are then written as they are rendered, so memory stays flat with the site's
size; if rendering fails half-way, the stamp is already gone and the next run rewrites what differs
(the published site/ is only replaced after a whole successful build).
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from generator import incremental, pages, schema, stamp
from generator.derive import provenance
from generator.derive.charts import Chart
from generator.derive.pagemeta import meta
from generator.derive.site import Page, SitePlan, output_path
from generator.errors import DataError, DataErrors, Location
from generator.incremental import Previous
from generator.lock import build_lock
from generator.model import Catalog, build_catalog
from generator.page_cache import Reuse, open_cache, save_cache
from generator.pages.base import Site
from generator.render.chart_files import ChartCounts, cache_key, chart_files, chart_paths
from generator.render.pages import render_redirect
from generator.render.parallel import render_all
from generator.render.published import published_files
from generator.store import FileStore
from generator.validate import validate
from generator.write import TreeWriter, WriteStats

HAND_WRITTEN = "docs"
OUTPUT = Path("build") / "docs"
CHART_CACHE = Path(".cache") / "charts"
STORE = Path(".cache") / "files"


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
    rendered: tuple[str, ...] = ()
    """The paths of the pages rendered this run; the others were left as the last run wrote them."""
    previous: Previous | None = None
    """What the next generate in this process needs to render only what an edit touches."""


def load_objects(root: Path, day: date) -> tuple[schema.Strict, ...]:
    return tuple(validate(root / "data", root, day))


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
    return build_catalog(load_objects(root, day), day)


def make_site(catalog: Catalog, today: date | None = None, url: str = "/") -> Site:
    """The site's map, planned once, and what every page is built from; ages count to `today`, by
    default the catalog's reference day."""
    prov = provenance.index(catalog, today or catalog.today)
    return Site(catalog, pages.plan(catalog), prov, url)


def site_files(
    site: Site,
    charts: list[Chart],
    progress: Callable[[int, int], None] | None = None,
    only: Sequence[Page] | None = None,
    outputs: dict[str, tuple[str, ...]] | None = None,
    reuse: Reuse | None = None,
    redirects: bool = True,
) -> Iterator[tuple[str, bytes]]:
    """Every page (or `only` these), redirect (unless `redirects` is False) and file the pages publish,
    by path relative to the docs folder, as rendered or, for a page the cache has, as an earlier build
    wrote them; the charts the rendered pages embed are added to `charts`, to be drawn once the pages
    are written, and each page's files to `outputs`."""
    todo = site.plan.pages if only is None else only
    known = {p.path: e for p in todo if reuse and (e := reuse.entry(p))}
    rendered = render_all(functools.partial(pages.render, site), [p for p in todo if p.path not in known], progress)
    for page in todo:
        entry = known.get(page.path)
        kept = reuse.files(page, entry) if reuse and entry else None
        if kept is not None:
            yield from kept.items()
            if outputs is not None:
                outputs[page.path] = tuple(kept)
            continue
        # A page the cache had whose kept files went bad is rendered here, in this process.
        out = next(rendered) if entry is None else pages.render(site, page)
        yield page.path, out.markdown.encode()
        yield from out.files.items()
        charts.extend(out.charts)
        if reuse:
            reuse.rendered.append(page.path)
            reuse.charts[page.path] = tuple(cache_key(c) for c in out.charts)
        if outputs is not None:
            outputs[page.path] = (page.path, *out.files, *(p for c in out.charts for p in chart_paths(c)))
    for redirect in site.plan.redirects if redirects else ():
        yield redirect.path, render_redirect(redirect).encode()


def render_site(catalog: Catalog, today: date | None = None) -> dict[str, bytes]:
    """Every generated page, redirect and page file at once, charts left out (for tests and small data)."""
    return dict(site_files(make_site(catalog, today), []))


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
    root: Path,
    out: Path | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    previous: Previous | None = None,
    fresh: bool = False,
    reuse_pages: bool = True,
) -> Report:
    """Validate the data and write the site's Markdown, charts and files into `out`; given the report
    of the last generate in this process (`previous`), render only the pages an edit touched; `fresh`
    goes through every page even when nothing changed since the last run. A page an earlier build
    rendered from the same inputs is taken from the page cache (page_cache.py) unless `reuse_pages`
    is False, which renders every page (the tests compare the two)."""
    with build_lock(root):
        return _generate(root, out or root / OUTPUT, today, progress, previous, fresh, reuse_pages)


class Session:
    """One project generated again and again in one process (`make serve`): after the first run, an
    edit to family files renders only the pages that show those families (incremental.py)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.previous: Previous | None = None

    def generate(self) -> Report:
        # The first run renders every page even when build/docs is current (`make serve` generates
        # before MkDocs starts): the next runs need to know each page's files.
        report = generate(self.root, previous=self.previous, fresh=self.previous is None)
        self.previous = report.previous
        return report


@functools.cache
def session(root: Path) -> Session:
    """The session of a project: kept here, in a module MkDocs never reloads (it reloads hooks on each
    rebuild), so that it outlives every rebuild of `make serve`."""
    return Session(root)


def _generate(
    root: Path,
    out: Path,
    today: date | None,
    progress: Callable[[int, int], None] | None,
    previous: Previous | None,
    fresh: bool,
    reuse_pages: bool,
) -> Report:
    today = reference_day(root, today)
    # The key of everything, for the stamp, and of everything but the data, for the caches.
    key, code_key = stamp.inputs_keys(root, str(today), skip=("data",))
    last = None if fresh else stamp.load(out, key)
    if last is not None:  # nothing changed since the last generate: no page to render, no chart to draw
        return _unchanged(last, previous)
    stamp.forget(out)  # if anything below fails, the next run must not trust the old stamp
    objects = load_objects(root, today)
    catalog = build_catalog(objects, today)
    hand = hand_written(root)
    site = make_site(catalog, today, site_url(root))
    refuse_claimed_addresses(hand, site.plan)
    changed = incremental.touched(previous, code_key, objects, site.plan, today, out)
    todo, outputs, inputs = incremental.split(catalog, site.plan, changed, previous)
    store = FileStore(root / STORE)
    cache = open_cache(root, code_key, today, site.url, site.plan, objects)
    reuse = Reuse(cache, store, inputs, enabled=reuse_pages)
    writer = TreeWriter(out, store)
    for path in (p for files in outputs.values() for p in files):
        writer.keep(path)
    if changed is not None:  # the same plan and code as the last run in this process: the same redirects
        for redirect in site.plan.redirects:
            writer.keep(redirect.path)

    def put(files: Iterable[tuple[str, bytes]]) -> None:
        for path, content in files:
            if path in hand:
                raise DataErrors([DataError(Location(f"docs/{path}"), "would overwrite a generated file; rename it")])
            writer.write(path, content)

    embedded: list[Chart] = []
    put(site_files(site, embedded, progress, todo, outputs, reuse, redirects=changed is None))
    charts = chart_files(sorted(embedded, key=lambda c: c.path), chart_cache(root))
    put(charts)
    rendered = set(reuse.rendered)
    kept_drawings = {k for p, keys in reuse.charts.items() if p not in rendered for k in keys}
    drawings = kept_drawings | set(charts.charts_by_key)
    chart_counts = ChartCounts(charts.counts.drawn, len(drawings) - charts.counts.drawn)
    published = published_files(catalog, site.plan, site.url)
    put(published.items())
    published_count = len(published) + len(site.plan.of("comparison"))  # and an embed card per comparison
    for path, content in hand.items():
        writer.write(path, content)
    stats = writer.finish()
    save_cache(root, cache, reuse.entries(site.plan, outputs, writer.hashes))
    store.prune()
    page_count = sum(1 for p in writer.paths if p.endswith(".md"))
    redirects = sum(1 for p in writer.paths if p.endswith("index.html"))
    stale = len(site.provenance.stale())
    updated = meta(catalog, [*catalog.families.values(), *catalog.comparisons.values()]).updated
    summary = {"pages": page_count, "redirects": redirects, "stale": stale, "charts": len(drawings)}
    summary.update(published=published_count, today=_iso(today), updated=_iso(updated))
    written = stamp.save(out, key, summary)
    state = incremental.Previous(
        code_key, objects, site.plan, today, MappingProxyType(outputs), MappingProxyType(inputs), written
    )
    return Report(
        page_count,
        redirects,
        stats,
        stale,
        today,
        updated,
        chart_counts,
        published_count,
        tuple(reuse.rendered),
        state,
    )


@dataclass(frozen=True)
class _HandWrittenPage:
    name: str = "hand-written"


_HAND_WRITTEN = _HandWrittenPage()


def refuse_claimed_addresses(hand: dict[str, bytes], site_plan: SitePlan) -> None:
    """A hand-written page and a generated page or redirect must never claim one address: MkDocs would
    publish whichever it wrote last (docs/benchmarks.md hid the redirect from /benchmarks/ to the
    leaderboards). Said at the hand-written file, the one an editor can rename."""
    claimed = {output_path(p): f"the generated {p.kind} page {p.path}" for p in site_plan.pages}
    claimed.update({r.path: f"the redirect to {r.target}" for r in site_plan.redirects})
    clashes = [
        DataError(
            Location(f"docs/{path}"), f"is published at {address}, which {claimed[address]} also claims; rename it"
        )
        for path in hand
        if (address := output_path(Page(path, _HAND_WRITTEN)) if path.endswith(".md") else path) in claimed
    ]
    if clashes:
        raise DataErrors(clashes)


def _unchanged(last: dict[str, Any], previous: Previous | None) -> Report:
    """The report of a generate that found nothing to do: every file unchanged, no chart drawn."""
    today, updated = (date.fromisoformat(last[k]) if last[k] else None for k in ("today", "updated"))
    stats, charts = WriteStats(0, last["files"], 0), ChartCounts(0, last["charts"])
    return Report(
        last["pages"], last["redirects"], stats, last["stale"], today, updated, charts, last["published"], (), previous
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None

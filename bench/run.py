"""The benchmark: build synthetic sites at three scales and check the performance targets of issue 7.

For each scale it copies the project (code, templates, config, hand-written docs) into a temporary
folder, writes synthetic data there (bench/synthetic.py) and times, each in a fresh process:
validate, generate (cold and no-op), `mkdocs build` alone on the generated Markdown (the floor), and
the whole `python -m generator site` cold, with its cache restored, warm (no-op) and after editing one
model's score; at the smallest scale, and on a copy of the project's own data, it also times
save-to-reload in `make serve`. It never touches the project's own build/, site/ or .cache/.

Ratios within one run are what the targets compare; absolute times depend on the machine and its load.
The builds a ratio compares run in turn, round after round, and a site build is set against the
`mkdocs build` it ran itself (it prints that MkDocs' CPU time), the same pages in the same minute.
Run it with `make bench`; `python -m bench.run --help` lists the options.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bench.synthetic import edit_one_score, first_scored_model, synthesize
from generator.build import reference_day

ROOT = Path(__file__).resolve().parent.parent
# What a project copy needs besides data; generated and environment folders stay behind.
SKIP = {".git", ".venv", "build", "site", ".cache", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}
CACHES = ("build", "site", ".cache")
NOT_COUNTED = (".cache/files/", ".cache/pages.json")
CHART_SUFFIXES = (".svg", ".png", ".webp", ".jpg")
# Each copy keeps its drawings in its own .cache/charts: a shared CHART_CACHE would make "cold" warm.
# The synthetic copies are not git checkouts, so the build's reference day is given (the synthetic data
# is dated before it).
ENV = {
    **{k: v for k, v in os.environ.items() if k != "CHART_CACHE"},
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONHASHSEED": "0",
    "OMC_TODAY": os.environ.get("OMC_TODAY", "2026-12-01"),
}
MAX_PER_PAGE_GROWTH = 1.25
MAX_COLD_OVER_FLOOR = 2.0
MAX_CACHED_OVER_FLOOR = 1.25
MAX_WARM_OVER_FLOOR = 1.1
MAX_RELOAD_SECONDS = 2.0
RELOAD_EDITS = 5
MAX_PEAK_MB = 1024
MAX_SEARCH_MB = 5.0
MAX_COMPARE_JSON_KB = 300  # gzipped, at 1x: what compare/ downloads (docs/assets/compare.js reads all of api/v1/)
CHEAP_SECONDS = 60  # repeat a step while its runs so far took less than this in total


@dataclass(frozen=True)
class Timed:
    seconds: float  # wall clock
    cpu: float  # user + system seconds of the process and all its children (mkdocs, render workers)
    peak_mb: float  # largest resident set of the process or any of its children
    within: float | None = None
    """A site build's CPU over that of the `mkdocs build` it ran (which it prints): the build against
    MkDocs alone on the same pages in the same minute, for the run that took the least CPU."""


_MKDOCS_CPU = re.compile(rb"MkDocs ([\d.]+) s of CPU")


@dataclass
class Scale:
    factor: int
    families: int
    models: int = 0
    pages: int = 0
    redirects: int = 0
    charts: int = 0
    times: dict[str, Timed] = field(default_factory=dict)
    search_index_mb: float = 0.0
    compare_json_kb: float = 0.0
    noop_rewritten: list[str] = field(default_factory=list)
    edit_model: str = ""
    edit_rewritten: list[str] = field(default_factory=list)
    edit_allowed: int = 0
    edit_outside: list[str] = field(default_factory=list)
    reloads: list[float] = field(default_factory=list)
    """Seconds from saving a data file to `make serve` serving the changed page, one per edit."""

    def per_page_ms(self, step: str) -> float:
        """CPU time per page: on a shared machine, wall time mostly measures the other processes."""
        return 1000 * self.times[step].cpu / max(self.pages, 1)

    @property
    def peak_mb(self) -> float:
        return max(t.peak_mb for t in self.times.values())


# --- running and timing ------------------------------------------------------------------------


def timed(command: Sequence[str], cwd: Path) -> Timed:
    """Run a command to completion; wall time and peak memory (wait4 covers the child's children too)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.stdout.write(output.decode(errors="replace")[-4000:])
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)} in {cwd}")
    cpu = usage.ru_utime + usage.ru_stime
    found = _MKDOCS_CPU.search(output)
    within = cpu / float(found.group(1)) if found and float(found.group(1)) > 0 else None
    return Timed(seconds, cpu, usage.ru_maxrss / 1024, within)


def generator(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def mkdocs_build(site_dir: Path) -> list[str]:
    # The same command `generator site` runs (not --quiet, which would hide what --strict counts).
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]


def clean(project: Path, keep_cache: bool = False) -> None:
    """Empty every cache: a cold build starts from nothing (or from nothing but `.cache`, as CI restores
    it: the drawings, the page cache and its files)."""
    for name in CACHES:
        if not (keep_cache and name == ".cache"):
            shutil.rmtree(project / name, ignore_errors=True)


def mtimes(project: Path) -> dict[str, int]:
    """Modification times of every generated or cached file (not site/, which is rebuilt and swapped, nor
    the build lock, which every run takes and stamps with its pid: it is not an output; nor the store
    and its index, whose files are second names of build/docs' own: .cache/files, .cache/pages.json)."""
    found = {}
    for name in ("build", ".cache"):
        for path in (project / name).rglob("*"):
            relative = path.relative_to(project).as_posix()
            if path.is_file() and relative != "build/.lock" and not relative.startswith(NOT_COUNTED):
                found[relative] = path.stat().st_mtime_ns
    return found


def changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return sorted(p for p, t in after.items() if before.get(p) != t)


# --- one scale ---------------------------------------------------------------------------------


def copy_project(target: Path) -> None:
    shutil.copytree(ROOT, target, ignore=lambda folder, names: [n for n in names if n in SKIP or n.startswith(".site")])


def bench_scale(
    work: Path, factor: int, families: int, seed: int, repeat: int, only_cold: bool = False, reloads: bool = False
) -> Scale:
    project = work / f"scale-{factor}"
    copy_project(project)
    family_ids = synthesize(ROOT / "data", project / "data", families, seed)
    scale = Scale(factor, len(family_ids))
    floor = work / f"floor-{factor}"

    def record(name: str, runs: list[Timed]) -> None:
        least = min(runs, key=lambda r: r.cpu)
        best = Timed(min(r.seconds for r in runs), least.cpu, max(r.peak_mb for r in runs), least.within)
        scale.times[name] = best
        print(
            f"  {factor:>2}x {name:<16} {best.seconds:8.2f} s wall {best.cpu:8.2f} s CPU  "
            f"peak {best.peak_mb:6.0f} MB  (best of {len(runs)})",
            flush=True,
        )

    def step(name: str, command: list[str], prepare: Callable[[], object] = lambda: None) -> None:
        """Time a step; repeat it (best of `repeat`) while that is cheap, as load from other work is noise."""
        rounds([(name, command, prepare)])

    def rounds(steps: list[tuple[str, list[str], Callable[[], object]]]) -> None:
        """Time steps in turn, round after round (best of `repeat` each, while cheap): the steps a
        target compares are measured in the same minutes, so a spell of load from other work on the
        machine slows them alike instead of one of them."""
        runs: dict[str, list[Timed]] = {name: [] for name, _, _ in steps}
        spent = 0.0
        while not spent or (len(runs[steps[0][0]]) < repeat and spent < CHEAP_SECONDS * len(steps)):
            for name, command, prepare in steps:
                prepare()
                runs[name].append(timed(command, project))
                spent += runs[name][-1].seconds
        for name, _, _ in steps:
            record(name, runs[name])

    if only_cold:  # what the per-page, memory and search-index targets need, in a quarter of the time
        step("site cold", generator("site"), lambda: clean(project))
        _count(scale, project)
        scale.search_index_mb = _index_mb(project)
        scale.compare_json_kb = _compare_json_kb(project)
        shutil.rmtree(project)
        return scale

    clean(project)
    step("validate", generator("validate"))
    step("generate cold", generator("generate"), lambda: clean(project))
    step("generate no-op", generator("generate"))
    _count(scale, project)
    # The builds the ratio targets compare, and MkDocs alone on the same pages (the generated folder the
    # cold build leaves), one after another; then what CI does: no build output, but .cache restored
    # from the last run (drawings, pages and their files).
    rounds(
        [
            ("site cold", generator("site"), lambda: clean(project)),
            ("mkdocs alone", mkdocs_build(floor), lambda: shutil.rmtree(floor, ignore_errors=True)),
            ("site cold, cache restored", generator("site"), lambda: clean(project, keep_cache=True)),
        ]
    )
    shutil.rmtree(floor)
    scale.search_index_mb = _index_mb(project)
    scale.compare_json_kb = _compare_json_kb(project)
    before = mtimes(project)
    step("site no-op", generator("site"))
    scale.noop_rewritten = changed(before, mtimes(project))

    edited: list[tuple[str, str]] = []
    before = mtimes(project)

    def edit() -> None:
        nonlocal before
        before = mtimes(project)
        edited.append(edit_one_score(project / "data"))

    step("site one score", generator("site"), edit)
    model_id, scale.edit_model = edited[-1]
    scale.edit_rewritten = [p for p in changed(before, mtimes(project)) if not p.startswith("build/.")]
    allowed = showing(project / "build" / "docs", model_id, scale.edit_model)
    scale.edit_allowed = len(allowed)
    scale.edit_outside = [p for p in scale.edit_rewritten if p.startswith("build/docs/") and p not in allowed]
    if reloads:
        scale.reloads = serve_reloads(project)
        print(f"  {factor:>2}x save to reload     " + ", ".join(f"{s:.2f}" for s in scale.reloads) + " s", flush=True)
    shutil.rmtree(project)
    return scale


def _index_mb(project: Path) -> float:
    index = project / "site" / "search" / "search_index.json"
    return index.stat().st_size / 1e6 if index.exists() else 0.0


def _compare_json_kb(project: Path) -> float:
    """The JSON the compare page downloads, gzipped as a web server sends it: every file of api/v1/."""
    files = sorted((project / "site" / "api" / "v1").glob("*.json"))
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in files) / 1024


def _count(scale: Scale, project: Path) -> None:
    docs = project / "build" / "docs"
    files = [p for p in docs.rglob("*") if p.is_file()]
    scale.pages = sum(1 for p in files if p.suffix == ".md")
    scale.redirects = sum(1 for p in files if p.name == "index.html")
    scale.charts = sum(1 for p in files if p.suffix in CHART_SUFFIXES)
    families = (project / "data" / "families").glob("*.yaml")
    scale.models = sum(len(yaml.safe_load(p.read_text(encoding="utf-8")).get("models") or []) for p in families)


_LINK = re.compile(r"\]\(([^)#\s]+)")


def showing(docs: Path, model_id: str, model_name: str) -> set[str]:
    """Generated files that show a model: any file whose bytes name it or link to it (pages, SVG charts
    with text, data for scripts), and the files the pages among them embed (charts drawn as paths).
    A file that shows the model may change when its score does; no other may."""
    needles = [model_name.encode(), f"{model_id}.md".encode(), f"{model_id}/".encode(), f'"{model_id}"'.encode()]
    root = docs.parent.parent
    files = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    shown = {p for p, content in files.items() if any(n in content for n in needles)}
    allowed = {p.relative_to(root).as_posix() for p in shown}
    for page in (p for p in shown if p.suffix == ".md"):
        for target in _LINK.findall(files[page].decode("utf-8", errors="replace")):
            resolved = Path(os.path.normpath(page.parent / target))
            # Embedded files (charts), not linked pages: a page that merely links to another page does
            # not make that page show the model.
            if resolved.suffix not in (".md", ".html") and resolved in files:
                allowed.add(resolved.relative_to(root).as_posix())
    return allowed


# --- the editor's loop -------------------------------------------------------------------------


def serve_reloads(project: Path, edits: int = RELOAD_EDITS, env: dict[str, str] = ENV) -> list[float]:
    """Seconds from saving a data file to `make serve` serving the page it changes, per edit.

    Runs what `make serve` runs (generate, then `mkdocs serve --livereload --dirty` with the serve
    hook), edits one score at a time as an editor saves, and polls the model's page every 0.1 s."""
    subprocess.run(generator("generate"), cwd=project, env=env, check=True, capture_output=True)
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{_free_port()}"]
    log = project.with_name(f"{project.name}-serve.log")  # beside the project: a file in it is an input
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, "-f", "mkdocs.serve.yml"], cwd=project, env=env, stdout=output, stderr=output
        )
    try:
        base = _serving_at(log, server)
        url = f"{base}models/{first_scored_model(project / 'data')[0]}/"
        seconds = []
        for _ in range(edits):
            time.sleep(1)  # let the last rebuild finish, as an editor reads before saving again
            before = _fetch_when(url, lambda page: page is not None, timeout=60)
            edit_one_score(project / "data")
            started = time.perf_counter()
            _fetch_when(url, lambda page, before=before: page is not None and page != before, timeout=120)
            seconds.append(time.perf_counter() - started)
        return seconds
    finally:
        server.terminate()
        server.wait(timeout=30)


def _fetch_when(url: str, ready: Callable[[bytes | None], bool], timeout: float) -> bytes | None:
    """Poll a URL every 0.1 s until `ready` holds for its body (None while it cannot be read), without
    the line the live-reload server adds, which differs on every request."""
    deadline = time.perf_counter() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
                page: bytes | None = re.sub(rb"livereload\(\d+, \d+\);", b"", response.read())
        except OSError:
            page = None
        if ready(page):
            return page
        if time.perf_counter() > deadline:
            raise SystemExit(f"{url} not ready after {timeout:.0f} s")
        time.sleep(0.1)


def _serving_at(log: Path, server: subprocess.Popen[bytes], timeout: float = 600) -> str:
    """The address `mkdocs serve` prints once its first build is done."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and server.poll() is None:
        if found := re.search(r"Serving on (http://\S+)", log.read_text(encoding="utf-8", errors="replace")):
            return found.group(1) if found.group(1).endswith("/") else found.group(1) + "/"
        time.sleep(0.2)
    raise SystemExit(f"mkdocs serve did not start:\n{log.read_text(encoding='utf-8', errors='replace')[-2000:]}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- targets and report ------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    target: str
    passed: bool
    detail: str


def verdicts(scales: list[Scale]) -> list[Verdict]:
    small, large = scales[0], scales[-1]
    growth = large.per_page_ms("site cold") / small.per_page_ms("site cold")
    found = [
        Verdict(
            f"per-page time at {large.factor}x within {MAX_PER_PAGE_GROWTH}x of {small.factor}x",
            growth <= MAX_PER_PAGE_GROWTH,
            f"{large.per_page_ms('site cold'):.1f} ms vs {small.per_page_ms('site cold'):.1f} ms per page: {growth:.2f}x",
        )
    ]
    for scale in (s for s in scales if "mkdocs alone" in s.times):
        cold, cached = _within(scale, "site cold"), _within(scale, "site cold, cache restored")
        warm = _ratio(scale, "site no-op")
        found.append(
            Verdict(
                f"{scale.factor}x build with the cache (drawings, pages) restored ≤ {MAX_CACHED_OVER_FLOOR}x mkdocs alone",
                cached <= MAX_CACHED_OVER_FLOOR,
                _against(scale, "site cold, cache restored"),
            )
        )
        found.append(
            Verdict(
                f"{scale.factor}x build from nothing ≤ {MAX_COLD_OVER_FLOOR}x mkdocs alone",
                cold <= MAX_COLD_OVER_FLOOR,
                _against(scale, "site cold"),
            )
        )
        found.append(
            Verdict(
                f"{scale.factor}x warm build ≤ {MAX_WARM_OVER_FLOOR}x mkdocs alone",
                warm <= MAX_WARM_OVER_FLOOR,
                f"{warm:.2f}x",
            )
        )
        found.append(
            Verdict(
                f"{scale.factor}x no-op rebuild rewrites nothing, draws no chart",
                not scale.noop_rewritten,
                f"{len(scale.noop_rewritten)} files rewritten" + _some(scale.noop_rewritten),
            )
        )
        found.append(
            Verdict(
                f"{scale.factor}x one score edit rewrites only what shows the model",
                bool(scale.edit_rewritten) and not scale.edit_outside,
                f"{len(scale.edit_rewritten)} rewritten, {scale.edit_allowed} show {scale.edit_model!r}, "
                f"{len(scale.edit_outside)} outside" + _some(scale.edit_outside),
            )
        )
    for scale in (s for s in scales if s.reloads):
        median = statistics.median(scale.reloads)
        found.append(
            Verdict(
                f"{scale.factor}x save to reload in `make serve` ≤ {MAX_RELOAD_SECONDS:g} s (median of {len(scale.reloads)})",
                median <= MAX_RELOAD_SECONDS,
                f"{median:.2f} s (" + ", ".join(f"{s:.2f}" for s in scale.reloads) + ")",
            )
        )
    found.append(
        Verdict(
            f"peak memory < {MAX_PEAK_MB} MB at {large.factor}x", large.peak_mb < MAX_PEAK_MB, f"{large.peak_mb:.0f} MB"
        )
    )
    found.append(
        Verdict(
            f"search index ≤ {MAX_SEARCH_MB:g} MB at {large.factor}x",
            large.search_index_mb <= MAX_SEARCH_MB,
            f"{large.search_index_mb:.2f} MB",
        )
    )
    found.append(
        Verdict(
            f"compare page JSON ≤ {MAX_COMPARE_JSON_KB} KB gzipped at {small.factor}x",
            small.compare_json_kb <= MAX_COMPARE_JSON_KB,
            f"{small.compare_json_kb:.0f} KB",
        )
    )
    return found


def _some(paths: list[str]) -> str:
    return f" (e.g. {', '.join(paths[:3])})" if paths else ""


STEPS = (
    "validate",
    "generate cold",
    "generate no-op",
    "mkdocs alone",
    "site cold",
    "site cold, cache restored",
    "site no-op",
    "site one score",
)


def table(scales: list[Scale]) -> str:
    rows = [
        "| | " + " | ".join(f"{s.factor}x" for s in scales) + " |",
        "|---|" + "---:|" * len(scales),
        "| families / models | " + " | ".join(f"{s.families} / {s.models}" for s in scales) + " |",
        "| pages / redirects / charts | "
        + " | ".join(f"{s.pages} / {s.redirects} / {s.charts}" for s in scales)
        + " |",
    ]
    for step in STEPS:
        rows.append(f"| {step}, CPU (wall) s | " + _cells(scales, lambda s, step=step: _both(s.times[step])) + " |")
    for step in ("generate cold", "mkdocs alone", "site cold", "site no-op"):
        rows.append(
            f"| {step} per page, CPU ms | " + _cells(scales, lambda s, step=step: f"{s.per_page_ms(step):.1f}") + " |"
        )
    ratios = {
        "cold / mkdocs alone (CPU)": lambda s: f"{_ratio(s, 'site cold'):.2f}",
        "cold / mkdocs alone (wall)": lambda s: f"{_ratio(s, 'site cold', wall=True):.2f}",
        "cold, cache restored / mkdocs alone (CPU)": lambda s: f"{_ratio(s, 'site cold, cache restored'):.2f}",
        "cold / the MkDocs it ran (CPU)": lambda s: f"{_within(s, 'site cold'):.2f}",
        "cold, cache restored / the MkDocs it ran (CPU)": lambda s: f"{_within(s, 'site cold, cache restored'):.2f}",
        "no-op / mkdocs alone (CPU)": lambda s: f"{_ratio(s, 'site no-op'):.2f}",
    }
    rows.extend(f"| {label} | " + _cells(scales, cell) + " |" for label, cell in ratios.items())
    rows.append("| peak memory (MB) | " + " | ".join(f"{s.peak_mb:.0f}" for s in scales) + " |")
    rows.append(
        "| save to reload in `make serve`, median (wall) s | "
        + _cells(scales, lambda s: f"{statistics.median(s.reloads):.2f}" if s.reloads else "")
        + " |"
    )
    rows.append("| search index (MB) | " + " | ".join(f"{s.search_index_mb:.2f}" for s in scales) + " |")
    rows.append("| compare page JSON (KB gzipped) | " + " | ".join(f"{s.compare_json_kb:.0f}" for s in scales) + " |")
    rows.append(
        "| files rewritten by one score edit | "
        + _cells(scales, lambda s: f"{len(s.edit_rewritten)} of {s.edit_allowed} showing it" if s.edit_model else "")
        + " |"
    )
    return "\n".join(rows)


def _cells(scales: list[Scale], cell: Callable[[Scale], str]) -> str:
    """One cell per scale; "—" where a step was not measured (the largest scale without --full-largest)."""
    out = []
    for scale in scales:
        try:
            out.append(cell(scale) or "—")
        except KeyError:
            out.append("—")
    return " | ".join(out)


def _within(scale: Scale, step: str) -> float:
    """A site build against MkDocs alone on the same pages: against the `mkdocs build` the build ran,
    in the same minute (`Timed.within`), which the machine's load from one minute to the next does not
    move as it moves MkDocs timed apart (docs/build-benchmarks.md has an example)."""
    within = scale.times[step].within
    if within is None:  # the site command no longer says what its MkDocs took: say so, do not guess
        raise SystemExit(f"{scale.factor}x {step}: the site command printed no 'MkDocs N s of CPU'")
    return within


def _against(scale: Scale, step: str) -> str:
    return (
        f"{_within(scale, step):.2f}x CPU against the MkDocs it ran; against MkDocs alone timed apart "
        f"{_ratio(scale, step):.2f}x CPU, {_ratio(scale, step, wall=True):.2f}x wall"
    )


def _ratio(scale: Scale, step: str, wall: bool = False) -> float:
    if wall:
        return scale.times[step].seconds / scale.times["mkdocs alone"].seconds
    return scale.times[step].cpu / scale.times["mkdocs alone"].cpu


def _both(timed: Timed) -> str:
    return f"{timed.cpu:.2f} ({timed.seconds:.2f})"


@dataclass(frozen=True)
class OwnData:
    """The editor's loop on the project's own data, which outgrew the seed's 13 families: not a target
    (those are set at the synthetic scales), measured so that the page says what an editor of this
    repository waits."""

    families: int
    pages: int
    reloads: list[float]


def own_data_reloads(work: Path) -> OwnData:
    project = work / "own-data"
    copy_project(project)
    # The copy is no git checkout: its reference day is the project's ($OMC_TODAY, else its last commit's).
    reloads = serve_reloads(project, env={**ENV, "OMC_TODAY": reference_day(ROOT).isoformat()})
    docs = project / "build" / "docs"
    own = OwnData(len(list((project / "data" / "families").glob("*.yaml"))), len(list(docs.rglob("*.md"))), reloads)
    print("  own data save to reload " + ", ".join(f"{s:.2f}" for s in reloads) + " s", flush=True)
    shutil.rmtree(project)
    return own


def report(scales: list[Scale], found: list[Verdict], seed: int, base: int, own: OwnData | None = None) -> str:
    lines = [
        f"Synthetic data: seed {seed}, {base} families at 1x; Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs. Ratios of CPU time (user + system, all child processes) measured in one run "
        "are what the targets compare; wall time is shown in brackets. Each quick step is the best of three.",
        "",
        table(scales),
        "",
        "| target | result | measured |",
        "|---|---|---|",
        *(f"| {v.target} | {'PASS' if v.passed else 'FAIL'} | {v.detail} |" for v in found),
    ]
    if own:
        lines += [
            "",
            f"On the project's own data ({own.families} families, {own.pages} pages), not a target: save to reload "
            f"in `make serve` {statistics.median(own.reloads):.2f} s, median of {len(own.reloads)} ("
            + ", ".join(f"{s:.2f}" for s in own.reloads)
            + ").",
        ]
    return "\n".join(lines) + "\n"


MARK_START, MARK_END = "<!-- bench:start -->", "<!-- bench:end -->"


def save(results: str, page: Path) -> None:
    """Replace the measured part of the hand-written page, keeping the prose around it."""
    text = page.read_text(encoding="utf-8") if page.exists() else f"# Benchmarks\n\n{MARK_START}\n{MARK_END}\n"
    before, _, rest = text.partition(MARK_START)
    _, _, after = rest.partition(MARK_END)
    page.write_text(f"{before}{MARK_START}\n{results}{MARK_END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=13, help="families at 1x (default 13, the real data's size)")
    parser.add_argument("--scales", default="1,4,16", help="comma-separated multiples of --base (default 1,4,16)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="best of N for steps that are quick (default 3)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "build-benchmarks.md", help="page to write results to"
    )
    parser.add_argument("--no-save", action="store_true", help="print only")
    parser.add_argument(
        "--full-largest",
        action="store_true",
        help="time every step at the largest scale too, not only the cold site build that its per-page, "
        "memory and search-index targets need (the long run: three times as long)",
    )
    parser.add_argument(
        "--no-own-data", action="store_true", help="skip save-to-reload on the project's own data (about 2 minutes)"
    )
    args = parser.parse_args(argv)
    factors = [int(f) for f in args.scales.split(",")]
    scales = []
    with tempfile.TemporaryDirectory(prefix="omc-bench-") as work:
        for factor in factors:
            print(f"scale {factor}x: {factor * args.base} families", flush=True)
            quick = not args.full_largest and factor == max(factors) and len(factors) > 1
            reloads = factor == min(factors)  # the editor's loop is measured on the smallest site
            scale = bench_scale(Path(work), factor, factor * args.base, args.seed, args.repeat, quick, reloads)
            scales.append(scale)
            found = verdicts(scales)
            results = report(scales, found, args.seed, args.base)
            if not args.no_save:  # after every scale, so a long run that is stopped still leaves its figures
                save(results, args.out)
        if not args.no_own_data:
            own = own_data_reloads(Path(work))
            results = report(scales, found, args.seed, args.base, own)
            if not args.no_save:
                save(results, args.out)
    print()
    print(results)
    if not args.no_save:
        print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0 if all(v.passed for v in found) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Command line: `python -m generator validate | generate | site | stale | schema | new`.

Ages of figures count to a reference day that is injected, never read from the clock: `--today
YYYY-MM-DD`, else the OMC_TODAY environment variable, else the day of the last git commit (so the
same checkout always builds the same bytes). No date in the data may be after it. A deployment passes
the real date to flag figures gone stale.
"""

from __future__ import annotations

import argparse
import calendar
import contextlib
import datetime
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from generator import stamp
from generator.build import OUTPUT, generate, load_catalog
from generator.derive import provenance
from generator.errors import DataErrors
from generator.lock import build_lock
from generator.progress import Progress
from generator.render.stale import stale_lines
from generator.scaffold import ScaffoldError, new_family, new_model
from generator.schema_export import write_schemas
from generator.write import recover, swap_in


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=os.environ.get("OMC_TODAY") or None,
        help="the day figures' ages count to and no date in the data may pass, YYYY-MM-DD "
        "(default: $OMC_TODAY, else the day of the last git commit)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check the data only")
    commands.add_parser("generate", help="validate and write the Markdown pages to build/docs")
    commands.add_parser("stale", help="list the figures to re-check, oldest first (never fails)")
    site = commands.add_parser("site", help="generate, then build the HTML site into site/ atomically")
    site.add_argument("--site-dir", type=Path, default=Path("site"))
    commands.add_parser("schema", help="rewrite the JSON Schemas in schema/ from generator/schema.py")
    new = commands.add_parser("new", help="write a data file (or model entry) with every field, ready to fill")
    new.add_argument("what", choices=("family", "model"))
    new.add_argument("ids", nargs="+", metavar="ID", help="family: <family-id>; model: <family-id> <model-id>")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    started = time.perf_counter()
    with _unwinding_on_signals():
        return _run(args, root, started)


def _run(args: argparse.Namespace, root: Path, started: float) -> int:
    try:
        if args.command == "validate":
            catalog = load_catalog(root, args.today)
            print(f"data OK: {len(catalog.families)} families, {len(catalog.models)} models (as of {catalog.today})")
            return 0
        if args.command == "stale":
            catalog = load_catalog(root, args.today)
            print("\n".join(stale_lines(provenance.index(catalog, catalog.today))))
            return 0
        if args.command in ("schema", "new"):
            return _editing_command(args, root)
        with build_lock(root):
            return _build(args, root, started)
    except DataErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} error(s) in the data; nothing was written.", file=sys.stderr)
        return 1


def _build(args: argparse.Namespace, root: Path, started: float) -> int:
    """`generate` and `site`, holding the build lock: the pages, then (for `site`) the HTML."""
    progress = Progress("rendering pages")
    report = generate(root, today=args.today, progress=progress)
    progress.close()
    print(
        f"generated {report.pages} pages and {report.redirects} redirects: "
        f"{report.stats.written} written, {report.stats.unchanged} unchanged, {report.stats.removed} removed; "
        f"charts: {report.charts.drawn} drawn, {report.charts.cached} cached "
        f"({time.perf_counter() - started:.1f} s)"
    )
    print(f"published {report.published} files: the JSON API (api/v1/), the Atom feed and embed cards")
    print(f"{report.stale} figure(s) past stale_after_days as of {report.today}; see `python -m generator stale`")
    if args.command == "site":
        return build_html(root, root / args.site_dir, report.updated)
    return 0


def _editing_command(args: argparse.Namespace, root: Path) -> int:
    """`schema` and `new`: tools for editors, which write into the project rather than build/."""
    if args.command == "schema":
        changed = write_schemas(root)
        print(f"schema/: {len(changed)} file(s) rewritten" + (f" ({', '.join(changed)})" if changed else ""))
        return 0
    expected = 1 if args.what == "family" else 2
    if len(args.ids) != expected:
        usage = "new family <family-id>" if args.what == "family" else "new model <family-id> <model-id>"
        print(f"usage: python -m generator {usage}", file=sys.stderr)
        return 2
    try:
        path = new_family(root, *args.ids) if args.what == "family" else new_model(root, *args.ids)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {path.relative_to(root)}: fill each empty value as its `e.g.` shows, then `make validate`")
    return 0


def build_html(root: Path, site_dir: Path, updated: datetime.date | None = None) -> int:
    """mkdocs build --strict into a temporary folder, swapped in only when the build succeeded."""
    started = time.perf_counter()
    if recover(site_dir):
        print(f"{site_dir.name}/ restored: a build was interrupted while swapping it", file=sys.stderr)
    # MkDocs stamps the sitemap with today's date unless SOURCE_DATE_EPOCH is set: use the data's date.
    epoch = calendar.timegm(updated.timetuple()) if updated else 0
    key = _site_key(root, epoch)
    if stamp.load(site_dir, key) is not None:
        print(f"{site_dir.name}/ is current: nothing it is built from changed ({time.perf_counter() - started:.1f} s)")
        return 0
    stamp.forget(site_dir)
    with tempfile.TemporaryDirectory(dir=root, prefix=".site-") as temporary:
        fresh = Path(temporary) / "site"
        # Not --quiet: it silences the warnings that --strict counts, so strict would never fail.
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch)}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        returncode = _run_child(command, root, env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        mkdocs_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if returncode != 0:
            print("mkdocs build failed; the previous site/ is untouched.", file=sys.stderr)
            return returncode
        for warning in swap_in(fresh, site_dir):
            print(f"warning: {warning}", file=sys.stderr)
    stamp.save(site_dir, key, {})
    # MkDocs' own share, for editors and for `make bench`, which compares a build with MkDocs alone.
    print(
        f"built {site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir} "
        f"({time.perf_counter() - started:.1f} s; MkDocs {mkdocs_cpu:.2f} s of CPU)"
    )
    return 0


def _run_child(command: list[str], cwd: Path, env: dict[str, str]) -> int:
    """Run MkDocs and wait; if this build is stopped (SIGTERM, Ctrl-C), stop MkDocs too before the
    temporary folder is removed, so that neither outlives the build."""
    child = subprocess.Popen(command, cwd=cwd, env=env)
    try:
        return child.wait()
    finally:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


@contextlib.contextmanager
def _unwinding_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP end the command as Ctrl-C does, by unwinding, so that every `finally` and
    temporary folder cleans up and MkDocs is stopped (the default action kills the process where it
    stands). The previous handlers come back afterwards (tests call `main` in their own process)."""
    if threading.current_thread() is not threading.main_thread():  # handlers can only be set there
        yield
        return
    previous = {signum: signal.signal(signum, _exit_on_signal) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _exit_on_signal(signum: int, _: object) -> None:
    raise SystemExit(128 + signum)


def _site_key(root: Path, epoch: int) -> str:
    """What the HTML is built from: the project's files (MkDocs' configuration, theme overrides, pinned
    versions), the generated Markdown as its stamp records it (contents by their inputs, files by size
    and modification time) and the variables MkDocs reads. MkDocs has no incremental build: when none
    of these changed, rebuilding every page would give the same bytes."""
    generated = stamp.stamp_file(root / OUTPUT)
    record = generated.read_text(encoding="utf-8") if generated.exists() else ""
    return stamp.inputs_key(root, "site", str(epoch), os.environ.get("REPO_URL", ""), record)


if __name__ == "__main__":
    sys.exit(main())

"""MkDocs hook for `make serve` only: regenerate before every rebuild, keep the last good pages on error.

The project's session (generator.build.session) outlives the rebuilds, so a save to a family file
renders only the pages that show that family. Writes are write-if-changed, so a rebuild triggered by
our own output regenerates nothing and the watcher does not loop. The generated folder (MkDocs' docs_dir) is not watched at all: this hook
refreshes it before every build, and watching it made each save build twice.

Errors are printed but never fail the build: MkDocs' live server stops answering requests ("will
appear stuck") after a failed rebuild, while a build from the unchanged pages serves the last good
site. mkdocs.serve.yml turns strict off for the same reason; the published build stays strict.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import time
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.generator")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads hooks by path, not as part of the package
    sys.path.insert(0, str(ROOT))


def on_pre_build(config: Any, **_: Any) -> None:
    from generator.build import session
    from generator.errors import DataErrors

    started = time.perf_counter()
    # Every garbage collection traverses every tracked object, and this process holds MkDocs' last build
    # (every page, file and nav entry): set aside while the generator runs, so that the collections its
    # work sets off look at its own objects (up to half a second of a save on the real data), then given back.
    gc.freeze()
    try:
        report = session(ROOT).generate()
    except DataErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        log.error("%d error(s) in the data: still serving the last good pages", len(exc.errors))
        return
    except Exception as exc:  # a template or generator bug mid-edit: report it, keep the last pages
        where = (
            f"{exc.filename}:{exc.lineno}: " if getattr(exc, "filename", None) and getattr(exc, "lineno", None) else ""
        )
        log.error("%s%s: %s: still serving the last good pages", where, type(exc).__name__, exc)
        return
    finally:
        gc.unfreeze()
    log.info(
        "generator: %d written, %d unchanged, %d removed; %d page(s) rendered in %.2f s",
        report.stats.written,
        report.stats.unchanged,
        report.stats.removed,
        len(report.rendered),
        time.perf_counter() - started,
    )


# How often the data, the hand-written pages and the code are polled for a save. MkDocs' live server
# polls every 0.5 s: on average a quarter of a second of every save-to-reload went to noticing the save.
# Polling these few hundred files ten times a second costs a few milliseconds of CPU a second.
POLL_SECONDS = 0.1
# How long MkDocs waits after a change for more changes before it rebuilds: 0.1 s of every save. The
# polling observer hands over all the changes it found in one poll at once, so for a save (written
# within a poll) the wait only delayed the rebuild; a save spread over two polls gets a second rebuild,
# which finds little to do.
BUILD_DELAY_SECONDS = 0.0


def on_serve(server: Any, config: Any, **_: Any) -> Any:
    """Stop watching the generated pages (on_pre_build rewrites them before every build anyway), poll
    the paths of mkdocs.serve.yml's `watch:`, which MkDocs schedules after this hook, faster, and
    rebuild as soon as a save is seen."""
    with contextlib.suppress(KeyError):  # not watched: nothing to undo
        server.unwatch(config.docs_dir)
    # The interval new watches are polled at (watchdog's BaseObserver keeps it there); a watchdog
    # without it keeps MkDocs' 0.5 s.
    if isinstance(getattr(server.observer, "_timeout", None), float):
        server.observer._timeout = POLL_SECONDS
    if isinstance(getattr(server, "build_delay", None), float):
        server.build_delay = BUILD_DELAY_SECONDS
    return server


def on_env(env: Any, config: Any, **_: Any) -> Any:
    """Keep the theme's compiled templates between rebuilds: MkDocs makes a new Jinja environment for
    every rebuild and compiled Material's templates again each time, half a second of every save. The
    cache checks each template's source, so an edited override is compiled afresh."""
    from generator.render.compiled import theme_bytecode_cache

    env.bytecode_cache = theme_bytecode_cache()
    return env

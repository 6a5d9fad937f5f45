"""MkDocs hook for `make serve` only: regenerate before every rebuild, keep the last good pages on error.

Writes are write-if-changed, so a rebuild triggered by our own output regenerates nothing and the
watcher does not loop.
"""

from __future__ import annotations

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
    from generator.build import generate
    from generator.errors import DataErrors

    started = time.perf_counter()
    try:
        report = generate(ROOT)
    except DataErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        log.error("%d error(s) in the data: still serving the last good pages", len(exc.errors))
        return
    log.info(
        "generator: %d written, %d unchanged, %d removed in %.2f s",
        report.stats.written,
        report.stats.unchanged,
        report.stats.removed,
        time.perf_counter() - started,
    )

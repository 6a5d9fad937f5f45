"""Render many pages on every core: rendering is pure, so pages are independent work.

Workers are forked after the catalog and plan exist, so they inherit them instead of receiving them
pickled (the catalog holds mapping proxies, which do not pickle, and copying it per page would cost
more than rendering). Results come back in the plan's order, so the output stays deterministic.
Small sites render in-process: starting workers costs more than it saves below a few hundred pages.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

MIN_PAGES_PER_WORKER = 150
_work: tuple[Callable[[object], str], Sequence[object]] | None = None


def jobs(count: int) -> int:
    """How many processes to use for `count` pages; OMC_RENDER_JOBS overrides (1 turns the pool off)."""
    wanted = int(os.environ.get("OMC_RENDER_JOBS", "0")) or len(os.sched_getaffinity(0))
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(wanted, count // MIN_PAGES_PER_WORKER))


def render_all(
    render: Callable[[T], str], items: Sequence[T], progress: Callable[[int, int], None] | None = None
) -> Iterator[str]:
    """`(render(item) for item in items)`, spread over worker processes when it pays; `progress` is
    told (done, total) after each item, in order. Results are yielded as they come, so the caller
    can write each page and let it go instead of holding the whole site in memory."""
    workers = jobs(len(items))
    if workers == 1:
        yield from _counted((render(item) for item in items), len(items), progress)
        return
    global _work
    _work = (render, items)  # type: ignore[assignment]
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_default_signals) as pool:
            chunk = max(1, min(64, len(items) // (workers * 8)))
            yield from _counted(pool.imap(_render_index, range(len(items)), chunksize=chunk), len(items), progress)
    finally:
        _work = None


def _default_signals() -> None:
    """A worker dies on SIGTERM, as the pool expects when it ends them: a forked worker would otherwise
    inherit the CLI's handler (generator/cli.py, which unwinds by raising SystemExit), unwind in the
    middle of waiting for work while holding the task queue's lock, and hang the build in its exit
    handlers, with the parent waiting for it forever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def _counted(results: Iterator[str], total: int, progress: Callable[[int, int], None] | None) -> Iterator[str]:
    for done, text in enumerate(results, start=1):
        yield text
        if progress:
            progress(done, total)


def _render_index(index: int) -> str:
    assert _work is not None
    render, items = _work
    return render(items[index])

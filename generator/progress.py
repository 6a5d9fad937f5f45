"""A one-line progress bar for long builds, drawn only on a terminal.

Logs, CI and pipes get no bar (carriage returns would litter them); short runs get none either, since
a bar that flashes for a tenth of a second says nothing the summary line does not.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

MIN_ITEMS = 200  # fewer pages render in well under a second: no bar
WIDTH = 30


class Progress:
    """Call with (done, total) after each item; draws a bar if the stream is a terminal and the run is long."""

    def __init__(self, label: str, stream: TextIO | None = None, min_items: int = MIN_ITEMS) -> None:
        self.label = label
        self.stream = stream or sys.stdout
        self.min_items = min_items
        self.enabled = _is_terminal(self.stream)
        self.drawn = False
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.min_items:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:  # redraw at most ten times a second
            return
        self._last = now
        filled = WIDTH * done // total
        self.stream.write(f"\r{self.label} [{'#' * filled}{' ' * (WIDTH - filled)}] {done}/{total}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """End the bar's line so the summary starts on a fresh one."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False

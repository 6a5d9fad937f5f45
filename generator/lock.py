"""One build at a time per project: an exclusive lock on a file beside the build folder.

Two builds of one folder (`make site` while `make serve` regenerates, two terminals) would rewrite
build/docs under each other's MkDocs and race on the swap of site/. The second one waits, saying
for whom. The lock is an flock: the system releases it when its holder exits, however it exits, so
a killed build never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_held: dict[Path, int] = {}  # lock file -> how many nested holders in this process


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold the project's build lock; re-entrant, so `site` can hold it around its own `generate`."""
    path = (root / "build" / ".lock").resolve()
    if path in _held:
        _held[path] += 1
        try:
            yield
        finally:
            _held[path] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        _acquire(fd, path)
        _held[path] = 1
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        _held.pop(path, None)
        os.close(fd)  # releases the lock


def _acquire(fd: int, path: Path) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
        print(f"another build of this project is running (pid {holder}, {path}); waiting for it", file=sys.stderr)
        fcntl.flock(fd, fcntl.LOCK_EX)

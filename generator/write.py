"""Write: put rendered files on disk, touching only what changed, and swap whole folders atomically.

Writing only changed files keeps a no-op rebuild free (modification times stay put, so `mkdocs serve`
does not loop and caches stay warm). Files the data no longer implies are removed.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


class TreeWriter:
    """Make a folder hold exactly the files written to it, one at a time: each is rewritten only if it
    differs, and `finish()` removes what was not written. Streaming keeps memory flat with the site's size."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.paths: set[str] = set()
        self.written = self.unchanged = 0
        out.mkdir(parents=True, exist_ok=True)

    def write(self, relative: str, content: bytes) -> None:
        if relative in self.paths:
            raise ValueError(f"two files would be written to {relative}")
        self.paths.add(relative)
        if write_if_changed(self.out / relative, content):
            self.written += 1
        else:
            self.unchanged += 1

    def finish(self) -> WriteStats:
        return WriteStats(self.written, self.unchanged, _remove_stale(self.out, self.paths))


def write_if_changed(path: Path, content: bytes) -> bool:
    try:
        if path.read_bytes() == content:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    temporary.replace(path)
    return True


def _remove_stale(out: Path, keep: set[str]) -> int:
    removed = 0
    for path in sorted(out.rglob("*"), reverse=True):
        relative = path.relative_to(out).as_posix()
        if path.is_file() and relative not in keep:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


def swap_in(new: Path, target: Path) -> None:
    """Replace `target` with the finished folder `new`; the old one is removed only after the swap."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.replace(old)
    new.replace(target)
    if old.exists():
        shutil.rmtree(old)

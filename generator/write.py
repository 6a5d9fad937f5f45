"""Write: put rendered files on disk, touching only what changed, and swap whole folders atomically.

Writing only changed files keeps a no-op rebuild free (modification times stay put, so `mkdocs serve`
does not loop and caches stay warm). Files the data no longer implies are removed.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


def write_tree(files: Mapping[str, bytes], out: Path) -> WriteStats:
    """Make `out` hold exactly `files` (relative path -> bytes), rewriting only what differs."""
    out.mkdir(parents=True, exist_ok=True)
    written = unchanged = 0
    for relative in sorted(files):
        if write_if_changed(out / relative, files[relative]):
            written += 1
        else:
            unchanged += 1
    removed = _remove_stale(out, set(files))
    return WriteStats(written, unchanged, removed)


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

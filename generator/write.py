"""Write: put rendered files on disk, touching only what changed, and swap whole folders atomically.

Writing only changed files keeps a no-op rebuild free (modification times stay put, so `mkdocs serve`
does not loop and caches stay warm). Files the data no longer implies are removed.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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
    write_atomic(path, content)
    return True


def write_atomic(path: Path, content: bytes) -> None:
    """Write aside and rename, so that an interrupted write never leaves a truncated file. The aside
    name is unique: two builds sharing a folder (the chart cache is shared between copies of the
    project) would otherwise rename each other's half-written file, or find it gone."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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


def swap_in(new: Path, target: Path) -> list[str]:
    """Replace `target` with the finished folder `new`, returning warnings (never failing) about an old
    folder that could not be removed.

    Two renames: target -> .target.old, new -> target. A build killed between them leaves no target,
    so every swap (and every build, see `recover`) first puts a lone .target.old back. An old folder
    that cannot be removed (made read-only, say) is moved aside rather than left to block the next swap.
    """
    recover(target)
    old = _old(target)
    warnings = discard(old)
    if target.exists():
        target.replace(old)
    new.replace(target)
    return warnings + discard(old)


def recover(target: Path) -> bool:
    """Undo a swap interrupted between its two renames: the previous folder goes back in place."""
    old = _old(target)
    if old.is_dir() and not target.exists():
        old.replace(target)
        return True
    return False


def discard(folder: Path) -> list[str]:
    """Remove a folder, write-protected parts included; if it still cannot go, move it to a unique
    name beside it and say so, so that nothing of the next build depends on it."""
    if not folder.exists():
        return []
    try:
        shutil.rmtree(folder, **_RMTREE_HOOK)
        return []
    except OSError as exc:
        aside = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f"{folder.name}-")) / folder.name
        folder.replace(aside)
        return [
            f"could not remove {folder.name} ({exc.strerror or exc}); moved it to {aside.parent.name}/, remove it by hand"
        ]


def _old(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def _make_writable_and_retry(func: Callable[[str], object], path: str, _: object) -> None:
    """shutil.rmtree's error hook: a read-only folder refuses to give up its entries until made writable."""
    entry = Path(path)
    for folder in (entry.parent, entry) if entry.is_dir() and not entry.is_symlink() else (entry.parent,):
        folder.chmod(folder.stat().st_mode | stat.S_IRWXU)
    func(path)


# `onerror` is deprecated from Python 3.12 in favour of `onexc`, which calls the hook the same way.
_RMTREE_HOOK: dict[str, Any] = (
    {"onexc": _make_writable_and_retry} if sys.version_info >= (3, 12) else {"onerror": _make_writable_and_retry}
)

"""Write: put rendered files on disk, touching only what changed, and swap whole folders atomically.

Writing only changed files keeps a no-op rebuild free (modification times stay put, so `mkdocs serve`
does not loop and caches stay warm). Files the data no longer implies are removed.
"""

# TreeWriter and its helpers work on path strings: pathlib's parsing of every path cost more than
# the writes themselves (a thousand files a build, and `make serve` walks them on every save).
# ruff: noqa: PTH103, PTH105, PTH106, PTH108, PTH118, PTH120, PTH123, PTH208

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

from generator.store import FileStore, digest


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


class TreeWriter:
    """Make a folder hold exactly the files written to it, one at a time: each is rewritten only if it
    differs, and `finish()` removes what was not written. Streaming keeps memory flat with the site's size.

    The folder is the build's own (generate holds the build lock), so a file is written beside itself
    under one fixed name and renamed: a thousand files a build, a unique name each (write_atomic, for
    the shared chart cache) cost more than rendering a tenth of the pages. Paths are plain strings for
    the same reason.

    Given a store (store.py), a new file whose bytes the store holds is a hard link to it, and every
    file written or found unchanged becomes one of the store's, for the next build to link."""

    def __init__(self, out: Path, store: FileStore | None = None) -> None:
        self.out = out
        self.store = store
        self.paths: set[str] = set()
        self.hashes: dict[str, str] = {}
        """The hash of each file written (or found unchanged) this run, for the page cache's entries."""
        self.written = self.unchanged = 0
        out.mkdir(parents=True, exist_ok=True)
        self._root = str(out)
        # One walk up front tells which files are new (on a cold build, all of them): a new file then
        # costs no failed open before it and no rename after it.
        self._existing, folders = _tree(self._root)
        self._folders = {self._root, *folders}

    def write(self, relative: str, content: bytes) -> None:
        if relative in self.paths:
            raise ValueError(f"two files would be written to {relative}")
        self.paths.add(relative)
        sha = self.hashes[relative] = digest(content)
        path = os.path.join(self._root, relative)
        if relative not in self._existing:
            # A new file is written in place: nothing reads it before this build ends, and a build cut
            # short has already forgotten the stamp, so the next one compares and rewrites it.
            folder = os.path.dirname(path)
            if folder not in self._folders:
                os.makedirs(folder, exist_ok=True)
                self._folders.add(folder)
            if self.store is None or not self.store.link_to(sha, content, path):
                with open(path, "wb") as stream:
                    stream.write(content)
                self._keep(sha, path)
            self.written += 1
            return
        with open(path, "rb") as stream:
            if stream.read() == content:
                self.unchanged += 1
                self._keep(sha, path)
                return
        # An existing file is replaced by a rename: `make serve` may be serving it meanwhile.
        folder, name = os.path.split(path)
        temporary = os.path.join(folder, f".{name}.tmp")
        with open(temporary, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
        self._keep(sha, path)
        self.written += 1

    def _keep(self, sha: str, path: str) -> None:
        if self.store is not None:
            self.store.keep(sha, path)

    def keep(self, relative: str) -> None:
        """Count a file the last run wrote, and that this run knows is still right, without reading it."""
        if relative in self.paths:
            raise ValueError(f"two files would be written to {relative}")
        self.paths.add(relative)
        self.unchanged += 1

    def finish(self) -> WriteStats:
        return WriteStats(self.written, self.unchanged, _remove_stale(self._root, self._existing - self.paths))


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


def _tree(root: str) -> tuple[set[str], set[str]]:
    """The files under `root` (relative, with forward slashes) and its folders (full paths)."""
    files, folders = set(), set()
    for folder, _, names in os.walk(root):
        folders.add(folder)
        prefix = os.path.relpath(folder, root).replace(os.sep, "/") + "/" if folder != root else ""
        files.update(prefix + name for name in names)
    return files, folders


def _remove_stale(root: str, stale: set[str]) -> int:
    """Delete these files (paths relative to `root`), then the folders they leave empty."""
    folders = set()
    for relative in stale:
        path = os.path.join(root, relative)
        os.unlink(path)
        folders.add(os.path.dirname(path))
    for folder in sorted(folders, key=len, reverse=True):  # the deepest first: a parent may empty next
        while folder != root and folder.startswith(root) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)
    return len(stale)


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

"""The build's files kept once, by a hash of their bytes, in `.cache/files/`: build/docs links to them.

A build from a restored cache writes the same bytes as the last one for almost every file. Creating a
file costs the file system a new inode and data blocks, and on ext4 after a large deletion (every
`rm -rf build`, every clean CI workspace) that cost reached 0.5 ms a file here, more than rendering a
page; a hard link to a file already kept costs a directory entry. So every file the writer puts in
the docs folder is also a name in the store, and a file whose bytes the store holds is linked, not
written. The same store keeps the pages of earlier builds (page_cache.py), which a build reuses
without rendering them.

Nothing in the store is trusted: a blob is used only if its bytes still hash to its name (a file of
build/docs edited in place edits its blob too). A blob no output links any more (a link count of 1)
is removed at the end of a build, so the store holds the files of the last build and no more. Where
links cannot be made (another file system, a file system without them), files are written as before
and the store only serves reads.
"""

# Plain strings and os calls, as in write.py: a few thousand files a build.
# ruff: noqa: PTH103, PTH105, PTH108, PTH118, PTH121, PTH123

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class FileStore:
    def __init__(self, folder: Path) -> None:
        self._folder = str(folder)
        self.linking = True
        """False once a link failed for another reason than a missing or existing name: every file is
        then written, and nothing is pruned (no output's link count can be trusted)."""
        self._sound: set[str] = set()
        """Blobs read or written this build whose bytes hash to their name: not read again."""
        os.makedirs(self._folder, exist_ok=True)

    def blob(self, sha: str) -> str:
        return os.path.join(self._folder, sha)

    def read(self, sha: str) -> bytes | None:
        """The bytes kept under `sha`, if they are still those bytes."""
        try:
            with open(self.blob(sha), "rb") as stream:
                content = stream.read()
        except OSError:
            return None
        if digest(content) != sha:
            return None
        self._sound.add(sha)
        return content

    def link_to(self, sha: str, content: bytes, path: str) -> bool:
        """Give the output `path` (not existing) the kept file with these bytes; False if the store has
        no such file, or links cannot be made here."""
        if not self.linking:
            return False
        blob = self.blob(sha)
        try:
            if sha not in self._sound:
                with open(blob, "rb") as stream:
                    if stream.read() != content:
                        return False
            os.link(blob, path)
        except (FileNotFoundError, FileExistsError):
            return False
        except OSError:
            self.linking = False
            return False
        # Its time is the blob's, maybe days old: `make serve`'s dirty rebuild would take it for
        # unchanged. A linked output is dated as a written one would be.
        os.utime(path)
        return True

    def keep(self, sha: str, path: str) -> None:
        """Make the output `path`, just written with bytes hashing to `sha`, a file of the store; a
        blob of that name whose bytes went bad is replaced."""
        if not self.linking:
            return
        blob = self.blob(sha)
        try:
            os.link(path, blob)
            self._sound.add(sha)
        except FileExistsError:
            if not os.path.samefile(path, blob) and self.read(sha) is None:
                aside = f"{blob}.{os.getpid()}.tmp"
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(aside)  # left by a build that stopped here
                os.link(path, aside)
                os.replace(aside, blob)
                self._sound.add(sha)
        except OSError:
            self.linking = False

    def prune(self) -> int:
        """Remove the blobs no output links any more; how many went."""
        if not self.linking:
            return 0
        removed = 0
        with os.scandir(self._folder) as entries:
            for entry in entries:
                if entry.stat(follow_symlinks=False).st_nlink == 1:
                    os.unlink(entry.path)
                    removed += 1
        return removed

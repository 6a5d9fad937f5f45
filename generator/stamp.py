"""Skip a generate whose inputs and outputs are exactly as the last one left them.

Rendering every page to find that no byte changed costs time that grows with the site (seconds at a
few thousand pages), while hashing the inputs costs milliseconds. The key covers every file of the
project except outputs and environments (so a new kind of input cannot be forgotten), the Python
version and the variables the build reads; the stamp also records each output file's size and
modification time, so an output deleted or edited by hand is regenerated. Anything unexpected means
"not current", and the full pipeline runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# Outputs, caches and environments: never inputs of the generator.
NOT_INPUTS = {".git", ".venv", "venv", "build", "site", ".cache", "node_modules", "__pycache__", ".pytest_cache"}
NOT_INPUTS_PREFIXES = (".site", ".ruff_cache", ".mypy_cache")
ENV_PREFIXES = ("OMC_", "SITE_", "CHART_", "SOURCE_DATE_EPOCH")


def stamp_file(out: Path) -> Path:
    """Beside the output folder, not in it: MkDocs must not publish it."""
    return out.parent / f".{out.name}.stamp.json"


def inputs_key(root: Path, *arguments: str) -> str:
    """A hash of everything a generate reads: project files, Python version, variables, arguments."""
    return inputs_keys(root, *arguments)[0]


def inputs_keys(root: Path, *arguments: str, skip: tuple[str, ...] = ()) -> tuple[str, str]:
    """`inputs_key`, and the same hash leaving out the top-level folders `skip` (data/, for what a data
    edit does not change), from one walk of the project: each file is read once for both."""
    whole, kept = hashlib.sha256(), hashlib.sha256()
    both = (whole, kept)
    _update(both, sys.version.encode())
    _update(both, "\0".join(arguments).encode())
    for name in sorted(os.environ):
        if name.startswith(ENV_PREFIXES):
            _update(both, f"\0env:{name}={os.environ[name]}".encode())
    for path in _input_files(root):
        relative = path.relative_to(root)
        digests = (whole,) if relative.parts[0] in skip else both
        _update(digests, f"\0{relative.as_posix()}\0".encode())
        _hash_entry(digests, path)
    return whole.hexdigest(), kept.hexdigest()


def _update(digests: Iterable[hashlib._Hash], data: bytes) -> None:
    for digest in digests:
        digest.update(data)


def _hash_entry(digests: Iterable[hashlib._Hash], path: Path) -> None:
    """A regular file by its content, read in chunks; a link by its target's name and anything else by
    its type, never by reading it: the validator refuses those, and reading a link to /dev/zero or a
    named pipe here would exhaust memory or hang before it had the chance."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        _update(digests, b"link:" + os.fsencode(path.readlink()))
    elif not stat.S_ISREG(info.st_mode):
        _update(digests, f"special:{stat.S_IFMT(info.st_mode)}".encode())
    else:
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                _update(digests, chunk)


def _input_files(root: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in NOT_INPUTS and not d.startswith(NOT_INPUTS_PREFIXES))
        found.extend(
            Path(folder) / f
            for f in sorted(files)
            if not f.endswith((".pyc", ".tmp")) and not f.startswith(NOT_INPUTS_PREFIXES)  # .site.stamp.json
        )
    return found


def outputs(out: Path) -> dict[str, list[int]]:
    """Every output file's size and modification time (ns), by path relative to `out`. Read with
    scandir and plain strings: `make serve` reads it on every save, and pathlib's parsing of a
    thousand paths cost more than the stat calls."""
    found: dict[str, list[int]] = {}

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                else:
                    info = entry.stat()
                    found[prefix + entry.name] = [info.st_size, info.st_mtime_ns]

    if out.is_dir():
        walk(str(out), "")
    return found


def load(out: Path, key: str) -> dict[str, Any] | None:
    """The last run's summary (plus its output file count) if the stamp matches these inputs and the
    outputs are untouched; None otherwise."""
    try:
        saved = json.loads(stamp_file(out).read_text(encoding="utf-8"))
        if saved["key"] != key or saved["outputs"] != outputs(out):
            return None
        return {**saved["summary"], "files": len(saved["outputs"])}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(out: Path, key: str, summary: dict[str, Any]) -> dict[str, list[int]]:
    """Record what this generate read and wrote; only called once every file is written. Returns the
    outputs as recorded."""
    record = {"key": key, "summary": summary, "outputs": outputs(out)}
    stamp_file(out).write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
    return record["outputs"]


def forget(out: Path) -> None:
    stamp_file(out).unlink(missing_ok=True)

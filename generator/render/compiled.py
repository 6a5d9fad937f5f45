"""Compiled templates kept between runs.

Compiling the templates took about 0.4 s of every build, twice over: each render worker compiled them
again. Jinja keeps the compiled code in `.cache/jinja/` of the working directory (the project root under
make, the bench and `make serve`), checked against each template's source, so an edited template is
compiled afresh and an unchanged one is loaded.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

FOLDER = Path(".cache") / "jinja"


@cache
def bytecode_cache() -> jinja2.BytecodeCache:
    FOLDER.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(FOLDER.resolve()))


@cache
def theme_bytecode_cache() -> jinja2.BytecodeCache:
    """The theme's compiled templates for `make serve`'s rebuilds (serve_hook.on_env), in memory: kept
    here, in a module MkDocs never reloads, they outlive every rebuild of the preview."""
    return _InMemory()


class _InMemory(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()

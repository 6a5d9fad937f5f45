"""Pages rendered by an earlier build, reused when nothing they show has changed since.

Each page type says which families' data a page shows (`PageType.inputs`, as `make serve` uses it:
incremental.py). A page's key is a hash of everything else it is built from, taken as a whole (the
code, templates and hand-written pages, the shared data, every family's and model's names, the site
plan, the reference day, the site's address, the packages' versions), with the data of the families
it shows: the whole family, or the family but its scores and its scores on one benchmark. A page
whose inputs are "any family's" is keyed by all the data. A key found in `.cache/pages.json` gives
the files the page wrote, kept in the store (store.py): they are linked, not rendered again.

So an edit to one family's file renders again only the pages that show that family, in CI as in
`make serve`, and a build with nothing changed renders no page. The tests build with and without
this cache after edits of each kind and compare the two, byte for byte.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator import schema
from generator.derive.facts import scores_on
from generator.derive.site import Page, SitePlan
from generator.incremental import names, without_scores
from generator.pages.base import input_parts, without_scores_input
from generator.store import FileStore
from generator.write import write_atomic

INDEX = Path(".cache") / "pages.json"
PACKAGES = ("jinja2", "markdown", "matplotlib", "pydantic", "pyyaml")


@dataclass(frozen=True)
class Entry:
    """What a page wrote: each file's path and the hash of its bytes, and its charts' drawing keys
    (counted in the build's summary)."""

    files: Mapping[str, str]
    charts: tuple[str, ...] = ()


@dataclass
class PageCache:
    scope: str
    digests: InputDigests
    entries: Mapping[str, Entry] = field(default_factory=dict)
    """The last build's, by page key."""
    _keys: dict[str, tuple[frozenset[str] | None, str]] = field(default_factory=dict)
    """Each page's key, asked for when the page is looked up and again when its entry is saved."""

    def key(self, page: Page, inputs: frozenset[str] | None) -> str:
        known = self._keys.get(page.path)
        if known is None or known[0] != inputs:
            digests = self.digests
            shown = ["*", digests.everything] if inputs is None else sorted(f"{i}={digests.of(i)}" for i in inputs)
            known = self._keys[page.path] = (inputs, _hash(self.scope, page.path, *shown))
        return known[1]

    def get(self, page: Page, inputs: frozenset[str] | None) -> Entry | None:
        return self.entries.get(self.key(page, inputs))


@dataclass
class Reuse:
    """The page cache as one build uses it: the entries it finds, and what it learns of every page for
    the next build's."""

    cache: PageCache
    store: FileStore
    inputs: Mapping[str, frozenset[str] | None]
    """Per page path, the families it shows (PageType.inputs)."""
    enabled: bool = True
    """False for a build that must render every page (the tests' reference builds); it still records."""
    rendered: list[str] = field(default_factory=list)
    charts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per page path, the drawing keys of its charts."""

    def entry(self, page: Page) -> Entry | None:
        return self.cache.get(page, self.inputs[page.path]) if self.enabled else None

    def files(self, page: Page, entry: Entry) -> dict[str, bytes] | None:
        """The page's files as the store keeps them (its charts noted for the build's summary); None if
        any is gone or no longer its bytes."""
        found = {}
        for path, sha in entry.files.items():
            content = self.store.read(sha)
            if content is None:
                return None
            found[path] = content
        self.charts[page.path] = entry.charts
        return found

    def entries(
        self, plan: SitePlan, outputs: Mapping[str, tuple[str, ...]], hashes: Mapping[str, str]
    ) -> dict[str, Entry]:
        """Every page's entry after this build: its files as written, or (a page `make serve` did not
        render, its files left as they were) as the last build recorded them."""
        found = {}
        for page in plan.pages:
            key = self.cache.key(page, self.inputs[page.path])
            paths = outputs.get(page.path, ())
            if paths and all(p in hashes for p in paths):
                found[key] = Entry({p: hashes[p] for p in paths}, self.charts.get(page.path, ()))
            elif key in self.cache.entries:
                found[key] = self.cache.entries[key]
        return found


@functools.cache
def package_versions() -> tuple[str, ...]:
    """The versions of the packages that shape the pages, read once per process (`make serve`)."""
    return tuple(f"{p}={importlib.metadata.version(p)}" for p in PACKAGES)


def open_cache(
    root: Path, code_key: str, today: date, url: str, plan: SitePlan, objects: Iterable[schema.Strict]
) -> PageCache:
    """The cache of this project's last build, scoped to this build's code, shared data and plan (an
    entry of another scope is never found, and the next save keeps only this build's entries)."""
    objects = tuple(objects)
    families = sorted((o for o in objects if isinstance(o, schema.Family)), key=lambda f: f.id)
    shared = [o.model_dump_json() for o in objects if not isinstance(o, schema.Family)]
    scope = _hash(
        code_key,
        today.isoformat(),
        url,
        *package_versions(),
        _plan_text(plan),
        *shared,
        *(json.dumps([f.id, names(f)]) for f in families),
    )
    cache = PageCache(scope, InputDigests(families))
    try:
        saved = json.loads((root / INDEX).read_text(encoding="utf-8"))
        if saved["scope"] == scope:
            cache.entries = {k: Entry(v["files"], tuple(v["charts"])) for k, v in saved["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return cache


def save_cache(root: Path, cache: PageCache, entries: Mapping[str, Entry]) -> None:
    pages = {k: {"files": dict(e.files), "charts": list(e.charts)} for k, e in sorted(entries.items())}
    os.makedirs(root / INDEX.parent, exist_ok=True)  # noqa: PTH103
    write_atomic(root / INDEX, json.dumps({"scope": cache.scope, "pages": pages}, sort_keys=True).encode())


class InputDigests:
    """A hash of each input a page can name (PageType.inputs), computed once a build."""

    def __init__(self, families: Iterable[schema.Family]) -> None:
        self._families = {f.id: f for f in families}
        self._memo: dict[str, str] = {}
        self.everything = _hash(*(self.of(i) for i in sorted(self._families)))

    def of(self, name: str) -> str:
        if name not in self._memo:
            self._memo[name] = self._digest(name)
        return self._memo[name]

    def _digest(self, name: str) -> str:
        part = input_parts(name)
        family = self._families.get(part.family)
        if family is None:
            return "absent"
        if part.whole:
            return _hash(family.model_dump_json())
        if part.benchmark == "":  # the family but its scores
            return _hash(without_scores(family).model_dump_json())
        rest = self.of(without_scores_input(family.id))  # once per family, for all its benchmarks and models
        if part.model is not None:
            scores = [s.model_dump_json() for m in family.models if m.id == part.model for s in m.scores]
            return _hash(rest, part.model, json.dumps(scores))
        scores = [[s.model_dump_json() for s in scores_on(m, part.benchmark)] for m in family.models]
        return _hash(rest, json.dumps(scores))


def _plan_text(plan: SitePlan) -> str:
    pages = [(p.path, p.kind, list(p.key)) for p in plan.pages]
    redirects = [(r.path, r.target, r.query) for r in plan.redirects]
    return json.dumps([pages, redirects, list(plan.kinds), [p.path for p in plan.guides]])


def _hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()

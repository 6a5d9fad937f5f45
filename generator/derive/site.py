"""The site's map: every page and redirect the data implies, at its path, decided once for every link.

Which pages exist is decided by the page types (`generator/pages/`, one module each); this module
holds the map they make and the lookups every stage uses. A page is addressed by its type's name and
its key (`plan.find("family", "gemma-4")`): a name no page type has is an error, never a missing link.
Paths are relative to the generated docs folder.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Protocol

from generator.errors import DataError, DataErrors, Location


class PageKind(Protocol):
    """What the map needs of a page type (generator/pages/base.py has the whole of it)."""

    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class Page:
    path: str
    type: PageKind
    key: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return self.type.name


@dataclass(frozen=True)
class Redirect:
    """A static HTML page at an old or reversed address that sends the reader to the canonical page."""

    path: str
    target: str


@dataclass(frozen=True)
class SitePlan:
    pages: tuple[Page, ...]
    """In path order."""
    redirects: tuple[Redirect, ...]
    kinds: tuple[str, ...]
    """The names of the page types, in the registry's order."""
    guides: tuple[Page, ...] = ()
    """The section guides (the picker, the section indexes), in the registry's order."""

    def find(self, kind: str, *key: str) -> Page | None:
        return self._by_key.get((self._known(kind), key))

    def of(self, kind: str) -> tuple[Page, ...]:
        """Every page of a type, in path order."""
        return self._by_kind.get(self._known(kind), ())

    def involving(self, kind: str, ident: str) -> tuple[Page, ...]:
        """Pages of a kind whose key names this id (a family's pairs, a model's matchups), in path order."""
        return self._by_member.get((self._known(kind), ident), ())

    def _known(self, kind: str) -> str:
        if kind not in self.kinds:
            raise KeyError(f"no page type is named {kind!r}")
        return kind

    # Built once per plan: looking pages up by scanning every page from every page is quadratic.
    @cached_property
    def _by_key(self) -> Mapping[tuple[str, tuple[str, ...]], Page]:
        return MappingProxyType({(p.kind, p.key): p for p in self.pages})

    @cached_property
    def _by_kind(self) -> Mapping[str, tuple[Page, ...]]:
        return _grouped((p.kind, p) for p in self.pages)

    @cached_property
    def _by_member(self) -> Mapping[tuple[str, str], tuple[Page, ...]]:
        return _grouped(((p.kind, ident), p) for p in self.pages for ident in p.key)


def _grouped(pairs: Iterable[tuple[object, Page]]) -> Mapping:  # type: ignore[type-arg]
    index: dict[object, list[Page]] = {}
    for key, page in pairs:
        index.setdefault(key, []).append(page)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def output_path(page: Page) -> str:
    """The HTML file MkDocs writes for a page (directory URLs: `a/b.md` -> `a/b/index.html`)."""
    stem = page.path[: -len(".md")]
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def check_unique_outputs(pages: Iterable[Page], redirects: Iterable[Redirect]) -> None:
    """Ids such as `index`, or a model pair whose slug reads like another, could make two pages claim
    one address; refuse to build rather than let one silently overwrite the other."""
    seen: dict[str, str] = {}
    clashes = []
    for path, what in [(output_path(p), f"the {p.kind} page {p.path}") for p in pages] + [
        (r.path, f"redirect to {r.target}") for r in redirects
    ]:
        if path in seen:
            clashes.append(DataError(Location("data"), f"{what} and {seen[path]} would both be written to {path}"))
        seen.setdefault(path, what)
    if clashes:
        raise DataErrors(clashes)


def other_orders(names_a: list[str], names_b: list[str], canonical: str) -> list[str]:
    """Every `x-vs-y` slug, either way round and with old aliases, except the canonical one."""
    slugs = {f"{left}-vs-{right}" for x in names_a for y in names_b for left, right in ((x, y), (y, x))}
    return sorted(slugs - {canonical})

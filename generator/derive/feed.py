"""What the Atom feed announces: every dated release in the data, and every comparison page, each
dated from the data (never the clock), newest first.

A release is a `released` figure: a family's (its first release) or a model's. A comparison page
is dated by the later of its two families' latest release dates, the earliest day the page could
exist; a pair whose families carry no release date cannot be dated and stays out of the feed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from generator.derive.site import SitePlan
from generator.model import Catalog


@dataclass(frozen=True)
class Entry:
    kind: Literal["family", "model", "comparison"]
    key: tuple[str, ...]
    names: tuple[str, ...]
    date: datetime.date
    path: str
    source: str | None = None


def releases(catalog: Catalog, plan: SitePlan) -> tuple[Entry, ...]:
    """One entry per `released` figure of a family or a model."""
    entries = []
    for family in catalog.families.values():
        page = plan.find("family", family.id)
        if family.released and page:
            entries.append(
                Entry("family", (family.id,), (family.name,), family.released.value, page.path, family.released.source)
            )
        for model in family.models:
            page = plan.find("model", model.id)
            if model.released and page:
                entries.append(
                    Entry("model", (model.id,), (model.name,), model.released.value, page.path, model.released.source)
                )
    return tuple(entries)


def latest_release(catalog: Catalog, family_id: str) -> datetime.date | None:
    family = catalog.families[family_id]
    dates = [f.value for f in [family.released, *(m.released for m in family.models)] if f]
    return max(dates) if dates else None


def comparison_pages(catalog: Catalog, plan: SitePlan) -> tuple[Entry, ...]:
    entries = []
    for page in plan.of("comparison"):
        dates = [latest_release(catalog, family_id) for family_id in page.key]
        if all(dates):
            curated = catalog.comparison(*page.key)
            order = curated.families if curated else page.key  # as the page's title names them
            names = tuple(catalog.families[f].name for f in order)
            entries.append(Entry("comparison", page.key, names, max(dates), page.path))  # type: ignore[type-var]
    return tuple(entries)


def entries(catalog: Catalog, plan: SitePlan) -> tuple[Entry, ...]:
    """Everything the feed lists, newest first; ties in a fixed order so the feed is byte-stable."""
    found = [*releases(catalog, plan), *comparison_pages(catalog, plan)]
    return tuple(sorted(found, key=lambda e: (-e.date.toordinal(), e.kind, e.key)))

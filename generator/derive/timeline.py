"""The releases timeline: every family and model with a release date in the data, newest first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from generator import schema
from generator.model import Catalog


@dataclass(frozen=True)
class Release:
    date: datetime.date
    family: schema.Family
    model: schema.Model | None
    """None for the family's own release."""
    figure: schema.Figure
    successor: schema.Family | None


@dataclass(frozen=True)
class Year:
    year: int
    releases: tuple[Release, ...]


def releases(catalog: Catalog) -> tuple[Release, ...]:
    found = []
    for family in catalog.families.values():
        successor = catalog.families[family.successor] if family.successor else None
        if family.released:
            found.append(Release(family.released.value, family, None, family.released, successor))
        found.extend(Release(m.released.value, family, m, m.released, successor) for m in family.models if m.released)
    # Newest first; on one day, a family before its models, then by name: a fixed order for fixed data.
    found.sort(key=lambda r: (-r.date.toordinal(), r.model is not None, r.family.name, r.model.name if r.model else ""))
    return tuple(found)


def by_year(found: tuple[Release, ...]) -> tuple[Year, ...]:
    years: dict[int, list[Release]] = {}
    for release in found:
        years.setdefault(release.date.year, []).append(release)
    return tuple(Year(y, tuple(rs)) for y, rs in years.items())


def undated_families(catalog: Catalog) -> tuple[schema.Family, ...]:
    """Families with no release date for themselves or any model: the timeline says it leaves them out."""
    return tuple(f for f in catalog.families.values() if not f.released and not any(m.released for m in f.models))

"""What every page ends with: the sources its figures cite, the date its data was last updated, and
a short, capped list of related pages.

"Last updated" is read from the data only (the `checked` dates and dated values of the figures on the
page, and the publication dates of their sources), never from the clock, so the same data gives the same page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from generator import schema
from generator.derive import facts
from generator.model import Catalog

RELATED_LIMIT = 8
"""At most this many related links per page: a pair page that linked every pair sharing a family
would make the site's links grow with the cube of the number of families."""


@dataclass(frozen=True)
class PageMeta:
    sources: tuple[schema.Source, ...]
    updated: datetime.date | None


def meta(catalog: Catalog, objects: Iterable[object]) -> PageMeta:
    """The sources cited by these objects' figures and the latest date the data gives for them."""
    figures = [f for obj in objects for f in _figures(catalog, obj)]
    ids = sorted({f.source for f in figures})
    sources = tuple(catalog.sources[i] for i in ids)
    checked = [f.checked for f in figures]
    # A dated figure (a release) is data too: a page stating it cannot be older than that date.
    checked += [v for f in figures if isinstance(v := getattr(f, "value", None), datetime.date)]
    checked += [o.checked for o in objects if isinstance(o, schema.Family)]
    dates = [d for d in [*checked, *(s.date for s in sources)] if d]
    return PageMeta(sources, max(dates) if dates else None)


def _figures(catalog: Catalog, obj: object) -> tuple[schema.Sourced, ...]:
    """The sourced figures of one data object; a family's are walked once per build."""
    if isinstance(obj, schema.Family):
        return facts.family_figures(catalog, obj.id)
    if isinstance(obj, schema.Model) and catalog.models.get(obj.id) is obj:
        return facts.model_figures(catalog, obj.id)
    return tuple(facts.sourced_in(obj))


def related_pairs(
    catalog: Catalog, pair: tuple[str, str], pairs: Iterable[tuple[str, str]]
) -> tuple[tuple[str, str], ...]:
    """Up to RELATED_LIMIT other family pairs sharing a family with `pair`: curated comparisons first,
    then pairs with a family's successor, predecessor or variant, then the newest other family first
    (by its latest release date in the data), then alphabetical."""
    own = set(pair)
    kin = {k for f in pair for k in _kin(catalog.families[f])}
    candidates = [p for p in pairs if p != pair and own & set(p)]

    released = _released_by_family(catalog)

    def order(p: tuple[str, str]) -> tuple[bool, bool, int, tuple[str, str]]:
        newest = max((released[f] for f in set(p) - own), default=0)
        return (catalog.comparison(*p) is None, not (kin & set(p)), -newest, p)

    return tuple(sorted(candidates, key=order)[:RELATED_LIMIT])


def _kin(family: schema.Family) -> set[str]:
    ids = {family.successor, family.predecessor, *(family.variants.value if family.variants else [])}
    return {i for i in ids if i}


@facts.per_catalog
def _released_by_family(catalog: Catalog) -> dict[str, int]:
    """Each family's latest release date as an ordinal, 0 when it has none (sorts last, newest first)."""
    return {
        f: day.toordinal() if (day := facts.latest_release(family)) else 0 for f, family in catalog.families.items()
    }

"""Which other comparisons a comparison page suggests under "Further reading".

Listing every pair that shares a family makes each pair page grow with the number of families, so
the site's total size (and build time, and search index) would grow with its cube. A page suggests a
few per family instead; the family pages still list every pair.
"""

from __future__ import annotations

from generator.derive.site import Page, SitePlan
from generator.model import Catalog

RELATED_PER_FAMILY = 5


def related_pairs(catalog: Catalog, plan: SitePlan, page: Page, limit: int = RELATED_PER_FAMILY) -> list[Page]:
    """Up to `limit` other comparisons of each family of `page`, in path order.

    For each family, curated comparisons come first, then pairs against a family from the same maker as
    the page's other side (the likeliest next question), then the rest by path.
    """
    chosen: set[Page] = set()
    for family_id in page.key:
        other_maker = _maker_of_other(catalog, page, family_id)
        candidates = [p for p in plan.pairs_of(family_id) if p != page]
        candidates.sort(
            key=lambda p: (
                catalog.comparison(*p.key) is None,
                _maker_of_other(catalog, p, family_id) != other_maker,
                p.path,
            )
        )
        chosen.update(candidates[:limit])
    return sorted(chosen, key=lambda p: p.path)


def _maker_of_other(catalog: Catalog, page: Page, family_id: str) -> str:
    other = page.key[1] if page.key[0] == family_id else page.key[0]
    return catalog.families[other].maker

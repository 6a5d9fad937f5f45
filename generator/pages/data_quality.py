""" "Data quality", for editors: what is missing, and where sources disagree."""

from __future__ import annotations

from generator.derive import memory, quality
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, fixed


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("data-quality.md")]


def _content(site: Site, page: Page) -> Content:
    prov = site.provenance
    return Content(
        {
            "coverage": quality.coverage(site.catalog, prov),
            "conflicts": quality.conflicts(prov),
            "doubted": memory.doubted_figures(site.catalog),
            "not_derived": memory.not_derived(site.catalog),
            "settings": quality.settings_in_use(site.catalog),
        }
    )


TYPE = PageType("data-quality", "data-quality.md.j2", _plan, _content, fixed("Data quality"))

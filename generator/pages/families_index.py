"""The index of model families."""

from __future__ import annotations

from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, browse_index, fixed


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("families/index.md")]


def _content(site: Site, page: Page) -> Content:
    return Content(browse_index(site, page))


TYPE = PageType("families-index", "families-index.md.j2", _plan, _content, fixed("All model families"))

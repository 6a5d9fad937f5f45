"""The "Which model should I pick?" guide, and the picker's JSON it loads (from the same tree)."""

from __future__ import annotations

from generator.derive import guide as guide_tree
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, all_but_scores, scored_families
from generator.render import guide as layout


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    return [TYPE.page("guide.md")] if catalog.guide else []


def _content(site: Site, page: Page) -> Content:
    guide = site.catalog.guide
    assert guide is not None, "the plan has a guide page only when data/guide.yaml exists"
    root = guide_tree.tree(site.catalog, guide)
    context = {
        "guide": guide,
        "root": root,
        "lines": layout.lines(root),
        "reason": layout.reason,
        "leaf_note": lambda leaf: layout.leaf_note(guide, leaf),
        "leaf_models": layout.leaf_models,
    }
    return Content(context, files=layout.picker_files(guide, site.plan, root))


def _title(catalog: Catalog, page: Page) -> str:
    return catalog.guide.title  # type: ignore[union-attr]  # the page exists only with a guide


def _inputs(catalog: Catalog, page: Page) -> frozenset[str]:
    """Every family but its scores (what filters the candidates: memory, modalities, context,
    languages), and the scores on the benchmarks of the categories the answers rank by."""
    guide = catalog.guide
    assert guide is not None, "the plan has a guide page only when data/guide.yaml exists"
    ranked = guide_tree.ranked_categories(guide)
    benchmarks = {b.id for b in catalog.benchmarks.values() if b.category in ranked}
    return all_but_scores(catalog) | scored_families(catalog, benchmarks)


TYPE = PageType("guide", "guide.md.j2", _plan, _content, _title, guide=True, inputs=_inputs)

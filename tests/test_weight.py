"""Light pages: every built page, of every page type, within the weight budget (issue 17).

A page's weight is what a first visit downloads, gzipped: its HTML and every stylesheet, script and
image it names (tests/sitecheck.py `page_weight`). Charts load lazily, but they are counted anyway,
since a reader who scrolls loads them all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitecheck import PAGE_TYPES, Weight, html_pages, page_weight

PAGE_BUDGET = 500 * 1024
"""Gzipped bytes a page may load in all."""
BLOCKING_SCRIPT_BUDGET = 100 * 1024
"""Gzipped bytes of any one script without `defer` or `async`, which stops the page until it has run."""


@pytest.fixture(scope="module")
def weights(default_site: Path) -> dict[str, Weight]:
    cache: dict[Path, int] = {}
    return {str(p.relative_to(default_site)): page_weight(default_site, p, cache) for p in html_pages(default_site)}


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_each_page_type_is_weighed(weights: dict[str, Weight], kind: str) -> None:
    weight = weights[PAGE_TYPES[kind]]
    assert 0 < weight.total <= PAGE_BUDGET


def test_no_page_is_over_the_weight_budget(weights: dict[str, Weight]) -> None:
    over = {path: w.total for path, w in weights.items() if w.total > PAGE_BUDGET}
    assert not over, f"pages over {PAGE_BUDGET // 1024} KB gzipped: {over}"


def test_no_blocking_script_is_over_its_budget(weights: dict[str, Weight]) -> None:
    over = {
        (path, script): size
        for path, w in weights.items()
        for script, size in w.blocking_scripts.items()
        if size > BLOCKING_SCRIPT_BUDGET
    }
    assert not over, f"blocking scripts over {BLOCKING_SCRIPT_BUDGET // 1024} KB gzipped: {over}"


def test_the_weight_counts_what_the_page_names(default_site: Path) -> None:
    weight = page_weight(default_site, default_site / PAGE_TYPES["comparison"])
    assert any(name.startswith("assets/javascripts/bundle.") for name in weight.blocking_scripts)
    assert any(name.endswith(".svg") for name in weight.files)  # its charts
    assert weight.total == sum(weight.files.values())

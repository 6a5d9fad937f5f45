"""axe-core on every page type in the browser, light and dark: a file of its own (42 scans, the
longest part of the browser tests), so that the test workers can share the browser tests' time.
The browser, the served site and a fresh page per test are test_browser.py's fixtures."""

from __future__ import annotations

import pytest

from tests import test_browser
from tests.sitecheck import PAGE_TYPES
from tests.test_browser import ARTIFACTS

# test_browser's fixtures, by name, for pytest to find in this file.
base_url, page, scheme = test_browser.base_url, test_browser.page, test_browser.scheme

AXE_PAGES = {kind: path for kind, path in PAGE_TYPES.items() if kind != "redirect"}


@pytest.mark.parametrize("kind", sorted(AXE_PAGES))
def test_no_serious_accessibility_violations(page: object, base_url: str, kind: str, scheme: str) -> None:
    """axe-core (shipped in axe-playwright-python, offline) on every page type, light and dark palette.

    The redirect page is left out: it replaces itself before a scan could start."""
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + AXE_PAGES[kind].removesuffix("index.html"))
    page.wait_for_load_state("load")
    violations = Axe().run(page).response["violations"]
    report = sorted(f"{v['impact']}: {v['id']} x{len(v['nodes'])}" for v in violations)
    (ARTIFACTS / "axe").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe" / f"{kind}-{scheme}.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious

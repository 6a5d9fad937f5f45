"""Shared fixtures: the real data, and a scratch copy of the project to break on purpose."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from generator.build import load_catalog
from generator.model import Catalog

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 1)
"""The reference day of every build in the tests, so that a new commit cannot move a figure's age."""
os.environ.setdefault("OMC_TODAY", TODAY.isoformat())


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(ROOT)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's data, docs and config in a temporary folder."""
    for name in ("data", "docs", "overrides"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def edit(project: Path) -> Callable[[str, str, str], Path]:
    """Replace text in a data file of the scratch project; fails loudly if the text is not there."""

    def _edit(relative: str, old: str, new: str) -> Path:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    return _edit


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built once, with `python -m generator site`, into a scratch copy (read it, don't change it)."""
    from tests.sitecheck import build_site, copy_project

    return build_site(copy_project(tmp_path_factory.mktemp("default-site")))


@pytest.fixture(scope="session", autouse=True)
def shared_chart_cache() -> Iterator[Path]:
    """Every build of the session draws into the project's own chart cache: drawings are keyed by
    content, so scratch copies of the project reuse them and only missing charts are drawn.
    Tests of the cache itself point CHART_CACHE elsewhere."""
    folder = ROOT / ".cache" / "charts"
    previous = os.environ.get("CHART_CACHE")
    os.environ["CHART_CACHE"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["CHART_CACHE"]
    else:
        os.environ["CHART_CACHE"] = previous


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's chromium driven by Playwright (never a downloaded browser), for the browser tests of
    test_browser.py and test_hostile.py."""
    from tests.sitecheck import require_tool

    require_tool(CHROMIUM, "run `make test-tools` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()

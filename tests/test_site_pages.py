"""The built HTML site as a deployment sees it: strict build, canonical links, sitemap, 404 page and
search index, on a GitHub Pages project path."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.build import load_catalog
from generator.cli import main
from generator.derive.pagemeta import meta
from tests.conftest import ROOT
from tests.synthetic import add_family

SITE_URL = "https://example-user.github.io/some-project/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default data plus one synthetic family, built with `mkdocs build --strict` under SITE_URL."""
    root = tmp_path_factory.mktemp("pages-site")
    for name in ("data", "docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    add_family(root / "data", "zeta-1", "Zeta 1")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", SITE_URL)
        assert main(["--root", str(root), "site"]) == 0  # strict: a broken link or anchor fails the build
    return root / "site"


def html_pages(site: Path) -> list[Path]:
    # embed/ holds standalone comparison cards for iframes (noindex, canonical to their pair page), not pages
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and p.relative_to(site).parts[0] != "embed")


def is_redirect(html: str) -> bool:
    return 'http-equiv="refresh"' in html


def test_strict_build_validates_links_and_anchors() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "strict: true" in config
    for check in ("not_found: warn", "anchors: warn"):
        assert check in config  # warnings, which strict turns into a failed build


def test_every_page_has_its_canonical_url(site: Path) -> None:
    pages = [p for p in html_pages(site) if not is_redirect(p.read_text(encoding="utf-8"))]
    assert len(pages) > 50
    for page in pages:
        folder = page.parent.relative_to(site).as_posix()
        expected = SITE_URL + ("" if folder == "." else folder + "/")
        assert f'<link rel="canonical" href="{expected}">' in page.read_text(encoding="utf-8"), page


def test_redirect_pages_point_at_existing_canonical_pages(site: Path) -> None:
    redirects = [p for p in html_pages(site) if is_redirect(p.read_text(encoding="utf-8"))]
    assert any("compare/zeta-1-vs-gemma-4" in p.as_posix() for p in redirects)
    assert any("matchups/" in p.as_posix() for p in redirects)
    for page in redirects:
        target = re.search(r'url=([^"]+)"', page.read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
        # A pair without a page of its own goes to the compare page, which reads the query.
        assert (page.parent / target.split("?")[0] / "index.html").resolve().is_file(), page


def test_sitemap_lists_every_page_once_and_no_redirect(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) == len(set(locations))
    pages = [p for p in html_pages(site) if not is_redirect(p.read_text(encoding="utf-8"))]
    expected = {SITE_URL + ("" if (f := p.parent.relative_to(site).as_posix()) == "." else f + "/") for p in pages}
    assert set(locations) == expected
    # Every page's lastmod is the latest date its data gives (a figure checked, a source published):
    # never the clock, so the same data builds the same sitemap on any day.
    catalog = load_catalog(site.parent)
    latest = meta(catalog, [*catalog.families.values(), *catalog.comparisons.values()]).updated
    assert latest is not None
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {latest.isoformat()}


def test_404_page_works_from_any_depth_of_a_project_path(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    local = [u for u in re.findall(r'(?:href|src)="([^"]+)"', html) if not u.startswith(("https://", "http://", "#"))]
    assert local, "no links found in 404.html"
    assert all(u.startswith("/some-project/") for u in local), [u for u in local if not u.startswith("/some-project/")]
    for url in local:
        path = site / url.removeprefix("/some-project/").split("#")[0]
        assert path.exists() or (path / "index.html").exists(), url


def test_search_finds_pages_by_model_maker_and_benchmark(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]

    def found(term: str) -> set[str]:
        return {d["location"].split("#")[0] for d in docs if term.lower() in (d["title"] + " " + d["text"]).lower()}

    assert "models/gemma-4-26b/" in found("Gemma 4 26B MoE")
    assert "models/zeta-1-small/" in found("Zeta 1 Small")
    assert "models/qwen-3-5-plus/" in found("Alibaba")
    assert "benchmarks/humaneval/" in found("HumanEval")
    assert "families/gemma-4/" in found("Google DeepMind")
    locations = {d["location"].split("#")[0] for d in docs}
    assert not any("qwen-3-5-vs-gemma-4" in loc for loc in locations)  # redirects are not indexed


def test_pair_pages_are_indexed_by_their_title_alone(site: Path) -> None:
    """A generated comparison or a model pair is found by its title ("gemma 4 vs qwen"); their tables and
    prose stay out of the index, which grows with every pair. (A curated comparison is indexed with its
    verdicts too: tests/test_search.py.)"""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pair = [d for d in docs if d["location"].startswith("compare/gemma-3-vs-gemma-4/")]
    assert [d["location"] for d in pair] == ["compare/gemma-3-vs-gemma-4/"]
    assert "Gemma 3 vs Gemma 4" in pair[0]["title"] and "Gemma" not in pair[0]["text"]
    models = [d for d in docs if d["location"].startswith("matchups/gemma-4-26b-vs-qwen-3-5-plus/")]
    assert [(d["location"], d["title"]) for d in models] == [
        ("matchups/gemma-4-26b-vs-qwen-3-5-plus/", "Qwen 3.5 Plus vs Gemma 4 26B MoE")
    ]
    assert "editors" not in models[0]["text"] and "MGSM" not in models[0]["text"]

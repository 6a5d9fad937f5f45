"""Helpers for tests that read the built HTML: build a copy of the project, and parse pages with html.parser."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


def copy_project(target: Path) -> Path:
    """The data, hand-written pages, theme overrides and config, as `make site` reads them."""
    for name in ("data", "docs", "overrides"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def build_site(root: Path) -> Path:
    """Build root/site with `python -m generator site`; the test fails if the build does."""
    assert main(["--root", str(root), "site"]) == 0
    return root / "site"


def html_pages(site: Path) -> Iterator[Path]:
    """Every HTML page of a built site, Material's own assets excluded."""
    for path in sorted(site.rglob("*.html")):
        if "assets" not in path.relative_to(site).parts:
            yield path


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    line: int


@dataclass
class ParsedPage(HTMLParser):
    """The elements of a page with their attributes, the text of its scripts and its visible text."""

    elements: list[Element] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k: v or "" for k, v in attrs}, self.getpos()[0]))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs} | {
            e.attrs["name"] for e in self.elements if e.tag == "a" and "name" in e.attrs
        }


def parse(path: Path) -> ParsedPage:
    page = ParsedPage()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def require_tool(path: Path | str, how: str) -> None:
    """Skip a test whose tool is missing on a developer's machine; in CI (`CI` set) a missing tool fails."""
    import os

    import pytest

    if Path(path).exists():
        return
    message = f"{path} is missing; {how}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


# The page of each type that tests check (the seed's pair and its models, where a type has many);
# a type not named here is checked on its first page, so a new page type is checked unasked.
REPRESENTATIVES = {
    "comparison": ("gemma-4", "qwen-3-5"),
    "family": ("gemma-4",),
    "model": ("gemma-4-26b",),
    "matchup": ("gemma-4-26b", "qwen-3-5-plus"),
    "benchmark": ("mmlu",),
    "leaderboard": ("coding",),
    "ranking": ("coding-locally",),
}


def representative_pages() -> dict[str, str]:
    """One page of every page type of the registry, plus a hand-written page, a redirect and the 404
    page, by path in site/."""
    from generator.build import load_catalog
    from generator.derive.site import output_path
    from generator.pages import plan

    site = plan(load_catalog(ROOT))
    found = {kind: site.find(kind, *REPRESENTATIVES.get(kind, ())) or site.of(kind)[0] for kind in site.kinds}
    paths = {kind: output_path(page) for kind, page in found.items()}
    return {
        **paths,
        "about": "about/index.html",
        "redirect": "compare/qwen-3-5-vs-gemma-4/index.html",
        "not-found": "404.html",
    }


PAGE_TYPES = representative_pages()


@dataclass(frozen=True)
class Weight:
    """What a browser downloads for a page: the gzipped bytes of its HTML and of every stylesheet,
    script and image the HTML names, and the gzipped size of each script that blocks the parser."""

    total: int
    files: dict[str, int]
    blocking_scripts: dict[str, int]


def _under_site(site: Path, absolute: str) -> Path:
    """An absolute path as 404.html writes it (under site_url's path, e.g. /open-model-compare/...)."""
    from mkdocs.config import load_config

    prefix = urlsplit(load_config(str(site.parent / "mkdocs.yml"))["site_url"]).path or "/"
    return site / absolute.removeprefix(prefix)


def page_weight(site: Path, page: Path, cache: dict[Path, int] | None = None) -> Weight:
    """The weight of one built page; `cache` remembers the gzipped size of files pages share."""
    cache = {} if cache is None else cache

    def gzipped(path: Path) -> int:
        if path not in cache:
            cache[path] = len(gzip.compress(path.read_bytes(), 9))
        return cache[path]

    files = {str(page.relative_to(site)): len(gzip.compress(page.read_bytes(), 9))}
    blocking: dict[str, int] = {}
    for element in parse(page).elements:
        attrs = element.attrs
        if element.tag == "script" and attrs.get("src"):
            ref = attrs["src"]
        elif element.tag == "link" and attrs.get("rel") in ("stylesheet", "icon") and attrs.get("href"):
            ref = attrs["href"]
        elif element.tag == "img" and attrs.get("src"):
            ref = attrs["src"]
        else:
            continue
        target = urlsplit(ref)
        assert not target.scheme and not target.netloc, f"{page} loads {ref} from another site"
        path = (
            page.parent / target.path if not target.path.startswith("/") else _under_site(site, target.path)
        ).resolve()
        assert path.is_file(), f"{page} names {ref}, which the site does not have"
        name = str(path.relative_to(site.resolve()))
        files[name] = gzipped(path)
        if element.tag == "script" and not ({"defer", "async"} & attrs.keys()) and attrs.get("type") != "module":
            blocking[name] = files[name]
    return Weight(sum(files.values()), files, blocking)

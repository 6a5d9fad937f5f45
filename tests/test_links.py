"""Output integrity: every internal link and #anchor of the built site resolves.

MkDocs' own validation (warn, made fatal by --strict) checks the Markdown links it recognises; this
reads the finished HTML instead, so it also covers links the theme adds and the redirect pages.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.sitecheck import html_pages, parse

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


def target_file(site: Path, page: Path, href: str, base: str) -> tuple[Path, str]:
    """The file an internal href points at, and its fragment; `base` is the site's path on its server
    (404.html links absolutely, since it is served at any depth)."""
    parts = urlsplit(href)
    here = page.relative_to(site).parent.as_posix()
    path = unquote(parts.path)
    if path.startswith("/"):
        path = "./" + path.removeprefix(base) if path.startswith(base) else "/missing" + path
    resolved = posixpath.normpath(posixpath.join(here, path)) if path else page.relative_to(site).as_posix()
    target = site / resolved
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path, base: str = "/") -> list[str]:
    broken = []
    ids: dict[Path, set[str]] = {}
    for page in html_pages(site):
        for element in parse(page).elements:
            href = element.attrs.get(LINKING.get(element.tag, ""), "")
            if not href or urlsplit(href).scheme or href.startswith("//"):
                continue  # external links are checked by nobody here: no network in tests
            target, fragment = target_file(site, page, href, base)
            where = f"{page.relative_to(site).as_posix()}:{element.line}: {href}"
            if not target.is_file():
                broken.append(f"{where} (no such file)")
            elif fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse(target).ids()
                if fragment not in ids[target]:
                    broken.append(f"{where} (no element with id {fragment!r})")
    return broken


def test_every_internal_link_and_anchor_resolves(default_site: Path) -> None:
    from mkdocs.config import load_config

    base = urlsplit(load_config(str(default_site.parent / "mkdocs.yml"))["site_url"]).path
    assert not broken_links(default_site, base)


def test_the_checker_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<h2 id="x">x</h2><a href="#x">ok</a><a href="#y">bad</a>')
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="a/#x">ok</a><a href="b/">bad</a>')
    assert broken_links(tmp_path) == ["a/index.html:1: #y (no element with id 'y')", "index.html:1: b/ (no such file)"]


def test_mkdocs_validation_fails_on_broken_links(default_site: Path) -> None:
    """The build itself refuses a broken link or anchor: validation warns, and --strict makes a warning fatal."""
    from mkdocs.config import load_config

    # The built copy's config: loading it needs its docs_dir (build/docs) to exist.
    config = load_config(str(default_site.parent / "mkdocs.yml"))
    assert config["strict"] is True
    links = config["validation"]["links"]
    assert {links[k] for k in ("not_found", "anchors", "unrecognized_links")} == {logging.WARNING}


def duplicate_ids(site: Path) -> list[str]:
    """Elements that share an id with an earlier one on their page: the second is unreachable by its
    anchor, and a link to it lands on the first."""
    found = []
    for page in html_pages(site):
        seen: set[str] = set()
        for element in parse(page).elements:
            ident = element.attrs.get("id")
            if ident and ident in seen:
                found.append(f"{page.relative_to(site).as_posix()}:{element.line}: id {ident!r}")
            seen.add(ident or "")
    return found


def test_no_page_has_two_elements_with_one_id(default_site: Path) -> None:
    assert not duplicate_ids(default_site)

"""Absolute addresses of generated files, for outputs read outside the site (API, feed, embeds).

Pages link to each other relatively, but a JSON record, a feed entry or an iframe'd card is read
somewhere else, so it needs the full URL. MkDocs serves `x/y.md` at `x/y/` (directory URLs).
"""

from __future__ import annotations


def page_url(site_url: str, path: str) -> str:
    """The public URL of a file of the docs folder: `families/gemma-4.md` -> `<site>/families/gemma-4/`."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    if path == "index.md":
        return base
    if path.endswith("/index.md"):
        return base + path.removesuffix("index.md")
    if path.endswith(".md"):
        return base + path.removesuffix(".md") + "/"
    return base + path

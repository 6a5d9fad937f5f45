"""MkDocs hook: let go of each page's Markdown source once it is converted to HTML.

MkDocs converts every page before it writes any (links and anchors are checked across pages), so
it holds every page in memory at once; with tens of thousands of comparison pages that passed 1 GB.
The source is not read again after conversion (the theme and the search index use the HTML), so
dropping it is the largest saving available without changing MkDocs. See docs/benchmarks.md.
"""

from __future__ import annotations

from typing import Any


def on_page_content(html: str, page: Any, **_: Any) -> str:
    page.markdown = ""
    return html

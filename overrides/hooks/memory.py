"""MkDocs hook: keep each page's HTML compressed while MkDocs holds every page in memory.

MkDocs converts every page before it writes any (links and anchors are checked across pages), so it
holds every page's Markdown and HTML at once: 2.6 GB at 16x the default data (44,000 pages). The
Markdown is not read again after conversion, so it is dropped; the HTML is compressed (about a fifth
of its size) until the page's turn to be written, then restored for the search index and the theme,
and let go once the page is written. Output is byte-identical; a build without this hook (Zensical
ignores hooks) only uses more memory. See docs/benchmarks.md.
"""

from __future__ import annotations

import zlib
from typing import Any

from mkdocs.plugins import event_priority

_COMPRESSED: dict[str, bytes] = {}  # by page source path


@event_priority(-100)  # after every plugin has seen the HTML
def on_page_content(html: str, page: Any, **_: Any) -> str:
    page.markdown = ""
    _COMPRESSED[page.file.src_uri] = zlib.compress(html.encode(), 1)
    return ""


@event_priority(100)  # before the search plugin and the theme read it
def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    compressed = _COMPRESSED.pop(page.file.src_uri, None)
    if compressed is not None:
        page.content = zlib.decompress(compressed).decode()
    return context


def on_post_page(output: str, page: Any, **_: Any) -> str:
    page.content = None  # written: no other page reads it
    return output

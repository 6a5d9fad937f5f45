"""MkDocs hook: keep as little of each page in memory as MkDocs lets go of.

MkDocs converts every page before it writes any, and checks the links to anchors only after writing
the last one, so whatever a page keeps after conversion stays for the whole build: 2.6 GB at 16x the
default data (44,000 pages). After conversion this hook

- drops the Markdown, which is not read again;
- moves the HTML and the table of contents, compressed, to a temporary file until the page's turn to
  be written, then restores them for the search index and the theme, and lets them go once the page
  is written (kept compressed in memory instead, they were still 17 KB a page);
- keeps the ids of each page's anchors as a tuple of shared strings (MkDocs only asks whether an id
  is there) and shares the strings of its links to anchors: mostly the same few headings, linked the
  same way from thousands of pages;
- empties MkDocs' unbounded cache of split URLs now and then: it kept every URL any page linked to,
  about 140 MB at 16x.

Output is byte-identical; a build without this hook (Zensical ignores hooks) only uses more memory.
See docs/build-benchmarks.md.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
import zlib
from typing import IO, Any

import mkdocs.utils
from mkdocs.plugins import event_priority

URL_CACHE_PAGES = 500  # pages between emptying MkDocs' URL cache: re-splitting a URL costs a microsecond

_spill: IO[bytes] | None = None  # deleted by the system when closed or when the build ends
_where: dict[str, tuple[int, int, int]] = {}  # by page source path: offset, HTML length, TOC length


@event_priority(-100)  # after every plugin has seen the HTML
def on_page_content(html: str, page: Any, **_: Any) -> str:
    global _spill
    if _spill is None:
        _spill = tempfile.TemporaryFile()  # noqa: SIM115 (open across events; closed in on_post_build)
    content = zlib.compress(html.encode(), 1)
    toc = zlib.compress(pickle.dumps(page.toc, protocol=pickle.HIGHEST_PROTOCOL), 1)
    _spill.seek(0, 2)
    _where[page.file.src_uri] = (_spill.tell(), len(content), len(toc))
    _spill.write(content + toc)
    page.markdown = ""
    page.toc = None
    _share_anchor_strings(page)
    if len(_where) % URL_CACHE_PAGES == 0:
        _empty_url_cache()
    return ""


@event_priority(100)  # before the search plugin and the theme read them
def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    where = _where.pop(page.file.src_uri, None)
    if where is not None and _spill is not None:
        offset, content_length, toc_length = where
        _spill.seek(offset)
        stored = _spill.read(content_length + toc_length)
        page.content = zlib.decompress(stored[:content_length]).decode()
        page.toc = pickle.loads(zlib.decompress(stored[content_length:]))
    return context


def on_post_page(output: str, page: Any, **_: Any) -> str:
    page.content = None  # written: no other page reads them
    page.toc = None
    return output


def on_post_build(**_: Any) -> None:
    global _spill
    if _spill is not None:
        _spill.close()
        _spill = None
    _where.clear()


def _share_anchor_strings(page: Any) -> None:
    if page.present_anchor_ids:
        # A tuple of 40 ids is a fifth of the set's size; MkDocs only tests `anchor in ...` on it.
        page.present_anchor_ids = tuple({_shared(a) for a in page.present_anchor_ids})
    if page.links_to_anchors:
        page.links_to_anchors = {
            target: {_shared(anchor): _shared(link) for anchor, link in links.items()}
            for target, links in page.links_to_anchors.items()
        }


def _shared(text: Any) -> Any:
    # MkDocs records an empty id attribute of raw HTML as None.
    return sys.intern(text) if isinstance(text, str) else text


def _empty_url_cache() -> None:
    norm_parts = getattr(mkdocs.utils, "_norm_parts", None)  # private: gone in another MkDocs, no harm
    if norm_parts is not None and hasattr(norm_parts, "cache_clear"):
        norm_parts.cache_clear()

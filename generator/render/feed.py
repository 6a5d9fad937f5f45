"""The Atom feed (feed.xml): new releases and comparison pages, as derive/feed.py dates them.

Built with ElementTree, which escapes every text and attribute, so names from data cannot break the
XML. Entry ids are tag: URIs that do not depend on SITE_URL, so moving the site does not make feed
readers show every entry again. Times are the data's dates at midnight UTC; nothing reads the clock.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from generator.derive.feed import Entry
from generator.render.urls import page_url

ATOM = "http://www.w3.org/2005/Atom"
PATH = "feed.xml"
TAG_AUTHORITY = "tag:open-model-compare.github.io,2026"
EMPTY_FEED_DATE = datetime.date(1970, 1, 1)  # only when no entry has a date; Atom requires <updated>


def _timestamp(date: datetime.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def entry_title(entry: Entry) -> str:
    if entry.kind == "comparison":
        return f"New comparison: {' vs '.join(entry.names)}"
    return f"Released: {entry.names[0]}"


def _entry_summary(entry: Entry) -> str:
    if entry.kind == "comparison":
        return f"{' and '.join(entry.names)} compared side by side: benchmarks, hardware, speed and availability."
    what = "model family" if entry.kind == "family" else "model"
    return f"{entry.names[0]} ({what}) was released on {entry.date.isoformat()} (source: {entry.source})."


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def feed_xml(entries: tuple[Entry, ...], site_title: str, site_url: str) -> bytes:
    """The whole feed document, entries in the order given (newest first)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"{TAG_AUTHORITY}:feed")
    _sub(feed, "title", f"{site_title}: new releases and comparisons")
    _sub(feed, "updated", _timestamp(max((e.date for e in entries), default=EMPTY_FEED_DATE)))
    _sub(feed, "link", rel="self", href=page_url(site_url, PATH), type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=page_url(site_url, "index.md"), type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", site_title)
    for entry in entries:
        item = _sub(feed, "entry")
        _sub(item, "id", f"{TAG_AUTHORITY}:{entry.kind}/{'/'.join(entry.key)}")
        _sub(item, "title", entry_title(entry))
        _sub(item, "updated", _timestamp(entry.date))
        _sub(item, "published", _timestamp(entry.date))
        _sub(item, "link", rel="alternate", href=page_url(site_url, entry.path), type="text/html")
        _sub(item, "summary", _entry_summary(entry))
    ET.indent(feed)
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False) + b"\n"
    )

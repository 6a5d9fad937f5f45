"""Everything the site publishes for other programs besides its pages: the JSON API and the Atom feed.

(Each comparison's embeddable card is published by its page type, generator/pages/comparison.py.)
"""

from __future__ import annotations

from generator.derive import feed as feed_facts
from generator.derive.site import SitePlan
from generator.model import Catalog
from generator.render.api import api_files
from generator.render.feed import PATH as FEED_PATH
from generator.render.feed import feed_xml


def published_files(catalog: Catalog, plan: SitePlan, site_url: str) -> dict[str, bytes]:
    """API and feed by path in the docs folder. `site_url` is injected (SITE_URL), never guessed."""
    files = api_files(catalog, plan, site_url)
    files[FEED_PATH] = feed_xml(feed_facts.entries(catalog, plan), catalog.site.title, site_url)
    return files

"""Everything the site publishes for other programs and pages: the JSON API, the Atom feed and the
embeddable comparison cards, rendered together because the API lists the cards' addresses.
"""

from __future__ import annotations

from generator.derive import card as card_facts
from generator.derive import comparison as comparison_facts
from generator.derive import feed as feed_facts
from generator.derive.site import SitePlan
from generator.model import Catalog
from generator.render.api import api_files
from generator.render.embed import embed_files, embed_path
from generator.render.feed import PATH as FEED_PATH
from generator.render.feed import feed_xml
from generator.render.urls import page_url


def published_files(catalog: Catalog, plan: SitePlan, site_url: str) -> dict[str, bytes]:
    """API, feed and cards by path in the docs folder. `site_url` is injected (SITE_URL), never guessed."""
    cards = [card_facts.card(comparison_facts.compare(catalog, *page.key)) for page in plan.pairs()]
    files = embed_files(cards, catalog.site.title, site_url)
    embeds = {c.slug: page_url(site_url, embed_path(c.slug)) for c in cards}
    files.update(api_files(catalog, plan, site_url, embeds))
    files[FEED_PATH] = feed_xml(feed_facts.entries(catalog, plan), catalog.site.title, site_url)
    return files

"""A comparison of two families: the seed article's page, with its charts and embed card.

Each family is compared with its nearest neighbours (lineage, same maker, size range, release date)
and every curated pair (derive/neighbours.py), so the number of pages is linear in the families.
Pages live at `compare/<a>-vs-<b>/` (ids in alphabetical order); the other order and old aliases
redirect there. A pair published before the pairs were chosen this way, and no longer a page,
redirects to the compare page (`compare/?f=a&f=b`), and so does its embed card; any other pair gets
there through the 404 page.
"""

from __future__ import annotations

from generator.derive import card, flowchart, matchup, neighbours, pagemeta, picks
from generator.derive import charts as chart_specs
from generator.derive.comparison import compare, pair_slug
from generator.derive.site import Page, Redirect
from generator.model import Catalog
from generator.pages.base import Content, PageType, Site, kin, pair_pages, without_scores_input
from generator.render.embed import embed_path, render_card
from generator.render.flowchart import flowchart_html


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    found, gone = pair_pages(
        TYPE,
        "compare",
        neighbours.family_pairs(catalog),
        lambda f: [f, *catalog.families[f].aliases],
        "f",
        catalog.aliases,
    )
    # A pair's embed card, in an article's iframe, keeps its address too.
    return found + [Redirect(embed_path(pair_slug(*p.ids)), "compare/", p.query) for p in gone]


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    pair = compare(catalog, *page.key)
    candidates = [p.key for f in page.key for p in plan.involving("comparison", f)]
    related = [plan.find("comparison", *k) for k in pagemeta.related_pairs(catalog, page.key, candidates)]  # type: ignore[arg-type]
    pick = matchup.pick_for(catalog, *page.key)
    matchup_page = plan.find("model-pair", *sorted(pick.models)) if pick else None
    meta = pagemeta.meta(catalog, [pair.a.family, pair.b.family, *pair.a.variants, *pair.b.variants, pair.comparison])
    decided = picks.decide(catalog, pair)
    chart = flowchart.flowchart(decided, pair.a, pair.b, tuple(c.id for c in catalog.criteria))
    charts = chart_specs.pair_charts(catalog, pair)
    context = {
        "pair": pair,
        "picks": decided,
        "related": related,
        "matchup_page": matchup_page,
        "meta": meta,
        "flowchart": chart and flowchart_html(chart),
        "charts": charts,
        # A curated pair's verdicts go into the search index: one page per data/comparisons file, so
        # the index grows with what the editors write, not with the pairs the data implies.
        "indexed": pair.comparison is not None,
    }
    embed = render_card(card.card(pair), catalog.site.title, site.url)
    return Content(context, charts=charts.all(), files={embed_path(pair.slug): embed.encode()})


def _title(catalog: Catalog, page: Page) -> str:
    return " vs ".join(catalog.families[f].name for f in page.key)


def _inputs(catalog: Catalog, page: Page) -> frozenset[str]:
    """Both sides with their lineage (variants' scores, the successor's banner), and the families of the
    pairs its related links choose among, by their release dates only (not their scores)."""
    own = set(page.key)
    sides = frozenset().union(*(kin(catalog, f) for f in page.key))
    related = {f for pair in neighbours.family_pairs(catalog) if own & set(pair) for f in pair} - sides
    return sides | {without_scores_input(f) for f in related}


TYPE = PageType("comparison", "comparison.md.j2", _plan, _content, _title, inputs=_inputs)

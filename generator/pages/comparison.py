"""A comparison of two families: the seed article's page, one per pair, with its charts and embed card."""

from __future__ import annotations

import itertools

from generator.derive import card, flowchart, matchup, pagemeta, picks
from generator.derive import charts as chart_specs
from generator.derive.comparison import compare, pair_slug
from generator.derive.site import Page, Redirect
from generator.model import Catalog, pair_key
from generator.pages.base import Content, PageType, Site
from generator.render.embed import embed_path, render_card
from generator.render.flowchart import flowchart_html


def _plan(catalog: Catalog) -> list[Page | Redirect]:
    found: list[Page | Redirect] = []
    for first, second in itertools.combinations(sorted(catalog.families), 2):
        slug = pair_slug(first, second)
        found.append(TYPE.page(f"compare/{slug}.md", *pair_key(first, second)))
        names_a = [first, *catalog.families[first].aliases]
        names_b = [second, *catalog.families[second].aliases]
        for x, y in itertools.product(names_a, names_b):
            for left, right in ((x, y), (y, x)):
                if f"{left}-vs-{right}" != slug:
                    found.append(Redirect(f"compare/{left}-vs-{right}/index.html", f"compare/{slug}/"))
    return found


def _content(site: Site, page: Page) -> Content:
    catalog, plan = site.catalog, site.plan
    pair = compare(catalog, *page.key)
    candidates = [p.key for f in page.key for p in plan.involving("comparison", f)]
    related = [plan.find("comparison", *k) for k in pagemeta.related_pairs(catalog, page.key, candidates)]  # type: ignore[arg-type]
    pick = matchup.pick_for(catalog, *page.key)
    matchup_page = plan.find("matchup", *sorted(pick.models)) if pick else None
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
    }
    embed = render_card(card.card(pair), catalog.site.title, site.url)
    return Content(context, charts=charts.all(), files={embed_path(pair.slug): embed.encode()})


def _title(catalog: Catalog, page: Page) -> str:
    return " vs ".join(catalog.families[f].name for f in page.key)


TYPE = PageType("comparison", "comparison.md.j2", _plan, _content, _title)

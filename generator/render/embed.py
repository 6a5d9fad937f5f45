"""Embeddable comparison cards: embed/<a>-vs-<b>.html, a small standalone page an article can iframe.

HTML output gets its own Jinja environment with autoescape on: the Markdown environment's escaping
is made for Markdown, while here every `{{ }}` must be HTML-escaped, attributes included. The card
carries its own CSS (no theme, no script) so it renders the same inside any host page.
"""

from __future__ import annotations

from functools import cache

import jinja2

from generator.derive.card import Card
from generator.render import format as fmt
from generator.render.compiled import bytecode_cache
from generator.render.urls import page_url

FOLDER = "embed"
TEMPLATES = jinja2.PackageLoader("generator", "templates")


@cache
def html_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=TEMPLATES,
        bytecode_cache=bytecode_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(qty=fmt.quantity, tokens=fmt.tokens, size_range=fmt.size_range)
    return env


def embed_path(slug: str) -> str:
    return f"{FOLDER}/{slug}.html"


def render_card(card: Card, site_title: str, site_url: str) -> str:
    page = page_url(site_url, f"compare/{card.slug}.md")
    return (
        html_environment()
        .get_template("embed.html.j2")
        .render(card=card, page_url=page, site_title=site_title, site_url=page_url(site_url, "index.md"))
    )

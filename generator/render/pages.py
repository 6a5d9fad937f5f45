"""Render: derived facts in, Markdown text out, through Jinja2 templates that only format.

Each page type (generator/pages/) derives its facts and names its template; this module lays them out.
Every expression's output passes through `format.escape` unless a filter deliberately built markup
(a link, a bold winner) from escaped parts.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import schema
from generator.derive import facts, provenance
from generator.derive.site import Redirect, SitePlan
from generator.render import charts as chart_drawing
from generator.render import format as fmt
from generator.render.cite import cite
from generator.render.compiled import bytecode_cache

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class Links:
    """Relative links from one page to others in the plan; a page that does not exist gets no link."""

    plan: SitePlan
    current: str

    def to(self, path: str | None, anchor: str | None = None) -> str | None:
        if path is None:
            return None
        relative = _relative(path, posixpath.dirname(self.current) or ".")
        return f"{relative}#{anchor}" if anchor else relative

    def page(self, kind: str, *key: str) -> str | None:
        found = self.plan.find(kind, *key)
        return found.path if found else None

    def family(self, family_id: str, anchor: str | None = None) -> str | None:
        return self.to(self.page("family", family_id), anchor)

    def model(self, model_id: str) -> str | None:
        return self.to(self.page("model", model_id))

    def pair(self, a: str, b: str) -> str | None:
        first, second = sorted((a, b))
        return self.to(self.page("comparison", first, second))

    def index(self, kind: str, anchor: str | None = None) -> str | None:
        return self.to(self.page(kind), anchor)


@cache
def _relative(path: str, start: str) -> str:
    """posixpath.relpath, remembered: it asks the OS for the working directory on every call, and a
    large site makes hundreds of thousands of links between a few folders."""
    return posixpath.relpath(path, start)


def link(text: object, url: str | None) -> Markup:
    """A Markdown link with escaped text, or just the escaped text when there is nowhere to go."""
    label = fmt.escape(text)
    target = fmt.url(url) if url else None
    if not target:
        return label
    return Markup(f"[{label}]({target})")


def size_cell(text: object, size_b: float | None) -> Markup:
    """A Parameters cell of a filtered table: its escaped text, inside a span that carries the model's
    total size in billions (`data-size-b`) for docs/assets/filter.js, which never parses the text."""
    shown = fmt.escape(text)
    return Markup(f'<span data-size-b="{fmt.plain(size_b)}">{shown}</span>') if size_b is not None else shown


def param_summary(model: schema.Model) -> str:
    """How the seed writes a model's size: "~30B active (110B total)", "2.3B (5.1B total)", "31B"."""
    p = model.params
    if p.active and p.total:
        return (
            f"{fmt.params(p.active.value, p.active.approx)} active ({fmt.params(p.total.value, p.total.approx)} total)"
        )
    if p.effective and p.total:
        return (
            f"{fmt.params(p.effective.value, p.effective.approx)} ({fmt.params(p.total.value, p.total.approx)} total)"
        )
    figure = p.total or p.effective or p.active
    return fmt.params(figure.value, figure.approx) if figure else "—"


def modality_text(figure: schema.Figure | None) -> str:
    if figure is None:
        return "—"
    names = [m.capitalize() for m in facts.ordered_modalities(figure.value)]
    # The figure's note is the editor's account of the source ("the card's table for the 26B model"),
    # kept with the data; a table cell states the modalities alone.
    return "Text only" if names == ["Text"] else " + ".join(names)


ARCHITECTURE_NAMES = {"moe": "MoE", "dense": "Dense"}
_VERBATIM_SAFE = re.compile(r"^[A-Za-z0-9._:/ -]*$")


@jinja2.pass_context
def quant_name(context: jinja2.runtime.Context, quantisation: str | None) -> str:
    """A quantisation format's name (`q4_k_m` → `Q4_K_M`, `q4` → `4-bit`); text data/memory.yaml
    does not define passes through."""
    memory = context["catalog"].memory
    found = next((q for q in memory.quantisations if q.id == quantisation), None) if memory else None
    return found.name if found else quantisation or "not stated"


@jinja2.pass_context
def need_text(context: jinja2.runtime.Context, found: object) -> str:
    """`5.9 GB (estimated)` or `8 GB (measured, 4-bit)`, for a derive.memory.Need."""
    quantisation = found.measurement.quantisation if found.measurement else None  # type: ignore[attr-defined]
    return fmt.need(found, quant_name(context, quantisation) if quantisation else None)


def verbatim(value: str) -> Markup:
    """Text for a code span or block, where entities would show literally: only a safe alphabet passes
    unescaped (the schema already limits Ollama tags to it)."""
    return Markup(value) if _VERBATIM_SAFE.match(value) else fmt.escape(value)


def yaml_string(value: object) -> Markup:
    """A front-matter value: a JSON string is a valid YAML double-quoted scalar, escaping included.

    MkDocs and Material treat `title` and `description` as HTML (written raw into <title>, the nav and
    <meta content="...">), so the text is HTML-escaped first: data can never add an element there."""
    text = html.escape(" ".join(str(value).split()), quote=True)
    return Markup(json.dumps(text, ensure_ascii=False))


@jinja2.pass_context
def setting(context: jinja2.runtime.Context, score: schema.Score, metric: bool = False) -> str:
    """The `setting` filter: a score's evaluation settings as a label ("instruct, 5-shot, CoT"), empty
    when the source states none; with `metric=True` followed by the source's metric name."""
    label = provenance.setting_of(context["catalog"], score).label(context["catalog"])
    if metric and score.metric:
        return f"{label} ({score.metric})" if label else score.metric
    return label


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=bytecode_cache(),
        finalize=fmt.escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        # Markdown heading anchors are written {#id}, so Jinja comments use {## ... ##} instead.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        qty=fmt.quantity,
        params=lambda f: fmt.params(f.value, f.approx) if f else "—",
        tokens=fmt.tokens,
        gb=fmt.gb,
        need=need_text,
        quant=quant_name,
        doubt=fmt.doubt,
        percent=fmt.percent,
        signed_percent=fmt.signed_percent,
        miss=fmt.miss,
        tps=fmt.tps,
        score=lambda v: fmt.number(v, 2),
        times=fmt.times,
        more=fmt.more,
        size_range=fmt.size_range,
        size_class_labels=fmt.size_class_labels,
        fraction=fmt.fraction,
        join_and=fmt.join_and,
        param_summary=param_summary,
        modalities=modality_text,
        architecture=lambda a: " + ".join(ARCHITECTURE_NAMES[x] for x in a) if a else "—",
        fill=fmt.fill,
        number=fmt.number,
        plain=fmt.plain,
        verbatim=verbatim,
        yaml=yaml_string,
        chart_alt=chart_drawing.alt_text,
        usd=fmt.usd,
        cite=cite,
        setting=setting,
        on_all=fmt.on_all,
        wins_of=fmt.wins_of,
        tie_text=fmt.tie_text,
        margin_text=fmt.margin_text,
        other_wins=fmt.other_wins,
    )
    env.globals.update(link=link, size_cell=size_cell)
    return env


def render_markdown(template: str, context: dict[str, Any]) -> str:
    """A page's Markdown from its template and context (generator/pages/ builds both)."""
    return _tidy(environment().get_template(template).render(context))


def _tidy(markdown: str) -> str:
    """At most one blank line between blocks, one newline at the end: stable, reviewable diffs."""
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def render_redirect(redirect: Redirect) -> str:
    target = posixpath.relpath(redirect.target, posixpath.dirname(redirect.path)) + "/"
    target += f"?{redirect.query}" if redirect.query else ""
    return environment().get_template("redirect.html.j2").render(target=Markup(target.replace('"', "")))

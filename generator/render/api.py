"""The JSON API under /api/v1/: the catalog's records as files, written with the site.

One file per collection (families, models, benchmarks, scores, hardware, offers, comparisons,
sources) plus index.json. The shape is documented in docs/api.md and versioned by the path: fields
may be added within v1, never renamed or removed; a breaking change gets /api/v2/.

Every figure keeps its source id (`{"value": …, "source": …, "approx": …, "conflicts": […]}`), so a
consumer can cite it the way the site does, and sees what other sources state. Output is deterministic: keys sorted, fixed separators and indent, lists in
id order, no timestamps.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from pydantic import BaseModel

from generator import schema
from generator.derive import facts, provenance
from generator.derive.site import SitePlan
from generator.model import Catalog
from generator.render import api_memory
from generator.render.embed import embed_path
from generator.render.urls import page_url

API_VERSION = 1
ROOT = f"api/v{API_VERSION}"
COLLECTIONS = ("families", "models", "benchmarks", "scores", "hardware", "memory", "offers", "comparisons", "sources")


def dumps(value: object) -> bytes:
    """The one JSON encoding of the API: sorted keys, two-space indent, UTF-8, a final newline."""
    return (json.dumps(value, sort_keys=True, indent=2, separators=(",", ": "), ensure_ascii=False) + "\n").encode()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def figure(fig: schema.Figure | None) -> dict[str, Any] | None:
    """A sourced figure: its value, the id of its source (see sources.json), whether approximate, and
    the values other sources state (`conflicts`, with `chosen_because` saying why this one is used)."""
    if fig is None:
        return None
    return {"value": _plain(fig.value), "source": fig.source, "approx": fig.approx, **_disputes(fig)}


def _disputes(fig: schema.Disputed) -> dict[str, Any]:
    return {
        "conflicts": [{"value": _plain(c.value), "source": c.source} for c in fig.conflicts],
        "chosen_because": fig.chosen_because,
    }


class _Api:
    """The records of one catalog, with absolute page URLs from the site plan."""

    def __init__(self, catalog: Catalog, plan: SitePlan, site_url: str) -> None:
        self.catalog = catalog
        self.plan = plan
        self.site_url = site_url

    def url(self, kind: str, *key: str) -> str | None:
        page = self.plan.find(kind, *key)
        return page_url(self.site_url, page.path) if page else None

    def families(self) -> list[dict[str, Any]]:
        return [
            {
                "id": f.id,
                "name": f.name,
                "maker": {"id": f.maker, "name": self.catalog.makers[f.maker].name},
                "url": self.url("family", f.id),
                "aliases": list(f.aliases),
                "specialty": f.specialty,
                "predecessor": f.predecessor,
                "successor": f.successor,
                "variants": figure(f.variants),
                "license": figure(f.license),
                "released": figure(f.released),
                "languages": figure(f.languages),
                "modalities": figure(f.modalities),
                "context_tokens": figure(f.context_tokens),
                # Derived from the models where the family states none: what the pair pages show as
                # "Max context" and "Multimodal", so the compare page does not work it out again.
                "max_context_tokens": figure(facts.max_context(self.catalog, f.id)),
                "widest_modalities": figure(facts.family_modalities(self.catalog, f.id)),
                "strengths": figure(f.strengths),
                "summary": f.summary,
                "checked": _plain(f.checked),
                "models": [m.id for m in f.models],
            }
            for f in self.catalog.families.values()
        ]

    def models(self) -> list[dict[str, Any]]:
        return [
            {
                "id": m.id,
                "name": m.name,
                "short_name": m.short_name,
                "family": self.catalog.family_of[m.id],
                "url": self.url("model", m.id),
                "aliases": list(m.aliases),
                "released": figure(m.released),
                "architecture": figure(m.architecture),
                "license": figure(self.catalog.model_license(m)),
                "params": {
                    "total": figure(m.params.total),
                    "active": figure(m.params.active),
                    "effective": figure(m.params.effective),
                },
                "context_tokens": figure(m.context_tokens),
                "modalities": figure(m.modalities),
                "ollama": figure(m.ollama),
                "edge": figure(m.edge),
                "arch": api_memory.arch(m.arch),
                "files": api_memory.files(m),
            }
            for m in sorted(self.catalog.models.values(), key=lambda m: m.id)
        ]

    def benchmarks(self) -> list[dict[str, Any]]:
        return [
            {
                "id": b.id,
                "name": b.name,
                "subtitle": b.subtitle,
                "category": {"id": b.category, "name": self.catalog.categories[b.category].name},
                "unit": b.unit,
                "higher_is_better": b.higher_is_better,
                "url": b.url,
            }
            for b in sorted(self.catalog.benchmarks.values(), key=lambda b: b.id)
        ]

    def scores(self) -> list[dict[str, Any]]:
        rows = [self._score(model_id, s) for model_id, m in sorted(self.catalog.models.items()) for s in m.scores]
        return sorted(rows, key=lambda r: (r["model"], r["benchmark"], r["setting"] or ""))

    def _score(self, model_id: str, s: schema.Score) -> dict[str, Any]:
        """A score with its evaluation settings; `run_by` resolved from the source where the data leaves
        it out, `setting` the label pages show (null when the source states none)."""
        setting = provenance.setting_of(self.catalog, s)
        return {
            "model": model_id,
            "family": self.catalog.family_of[model_id],
            "benchmark": s.benchmark,
            "value": s.value,
            "setting": setting.label(self.catalog) or None,
            "variant": s.variant,
            "effort": s.effort,
            "shots": s.shots,
            "cot": s.cot,
            "tools": s.tools,
            "run_by": setting.run_by,
            "metric": s.metric,
            "source": s.source,
            **_disputes(s),
        }

    def hardware(self) -> list[dict[str, Any]]:
        return [
            {
                "model": model_id,
                "family": self.catalog.family_of[model_id],
                "profile": h.profile,
                "quantisation": h.quantisation,
                "ram_gb": h.ram_gb,
                "tokens_per_second": h.tokens_per_second,
                "setting": h.setting,
                "source": h.source,
                **api_memory.measurement(self.catalog, m, h),
            }
            for model_id, m in sorted(self.catalog.models.items())
            for h in m.hardware
        ]

    def profiles(self) -> list[dict[str, Any]]:
        return [api_memory.profile(p) for p in sorted(self.catalog.profiles.values(), key=lambda p: p.id)]

    def offers(self) -> list[dict[str, Any]]:
        return [
            {
                "family": f.id,
                "provider": {
                    "id": o.provider,
                    "name": self.catalog.providers[o.provider].name,
                    "url": self.catalog.providers[o.provider].url,
                },
                "kind": o.kind,
                "models": list(o.models) if o.models is not None else None,
                "input_usd_per_mtok": o.input_usd_per_mtok,
                "output_usd_per_mtok": o.output_usd_per_mtok,
                "as_of": _plain(o.as_of),
                "setting": o.setting,
                "history": [
                    {
                        "input_usd_per_mtok": h.input_usd_per_mtok,
                        "output_usd_per_mtok": h.output_usd_per_mtok,
                        "as_of": _plain(h.as_of),
                        "source": h.source,
                    }
                    for h in o.history
                ],
                "source": o.source,
            }
            for f in self.catalog.families.values()
            for o in f.offers
        ]

    def comparisons(self) -> list[dict[str, Any]]:
        rows = []
        for page in self.plan.of("comparison"):
            curated = self.catalog.comparison(*page.key)
            slug = page.path.removeprefix("compare/").removesuffix(".md")
            rows.append(
                {
                    "slug": slug,
                    "families": list(curated.families if curated else page.key),
                    "curated": curated is not None,
                    "title": curated.title if curated else None,
                    "url": page_url(self.site_url, page.path),
                    "embed_url": page_url(self.site_url, embed_path(slug)),
                }
            )
        return rows

    def sources(self) -> list[dict[str, Any]]:
        # `maker` as the pages read it: a family file's official source is its family's maker's.
        return [{**_plain(s), "maker": self.catalog.source_makers.get(s.id)} for s in self.catalog.sources.values()]


def api_files(catalog: Catalog, plan: SitePlan, site_url: str) -> dict[str, bytes]:
    """Every file of /api/v1/ by path in the docs folder."""
    api = _Api(catalog, plan, site_url)
    collections: dict[str, dict[str, Any]] = {
        "families": {"families": api.families()},
        "models": {"models": api.models()},
        "benchmarks": {"benchmarks": api.benchmarks()},
        "scores": {"scores": api.scores()},
        "hardware": {"profiles": api.profiles(), "hardware": api.hardware()},
        "memory": api_memory.memory_collection(catalog, lambda model_id: api.url("model", model_id)),
        "offers": {"offers": api.offers()},
        "comparisons": {"comparisons": api.comparisons()},
        "sources": {"sources": api.sources()},
    }
    files = {f"{ROOT}/{name}.json": dumps({"api_version": API_VERSION, **body}) for name, body in collections.items()}
    counts = {name: len(body[name]) for name, body in collections.items()}
    index = {
        "api_version": API_VERSION,
        "site": catalog.site.title,
        "docs": page_url(site_url, "api.md"),
        "feed": page_url(site_url, "feed.xml"),
        # When two scores may be compared (data/criteria.yaml), for readers of scores.json such as the
        # compare page: the settings that must be equal, and those equal where both state them.
        "comparable": {
            "must_match": list(catalog.comparable.must_match),
            "match_if_stated": list(catalog.comparable.match_if_stated),
        },
        "endpoints": {
            name: {"url": page_url(site_url, f"{ROOT}/{name}.json"), "count": counts[name]} for name in COLLECTIONS
        },
    }
    files[f"{ROOT}/index.json"] = dumps(index)
    return files

"""Small catalogs built in code, for unit tests of the pick criteria and the guide."""

from __future__ import annotations

from typing import Any

from generator import schema
from generator.model import Catalog, build_catalog
from tests.conftest import TODAY


def fig(value: Any, **extra: Any) -> dict[str, Any]:
    return {"value": value, "source": "s", "quote": "q", **extra}


def model(ident: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "name": ident.upper(), **fields}


def score(benchmark: str, value: float) -> dict[str, Any]:
    return {"benchmark": benchmark, **fig(value)}


def hardware(ram_gb: float | None = None, tps: float | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"profile": "cpu", "source": "s", "quote": "q"}
    if ram_gb is not None:
        found["ram_gb"] = ram_gb
    if tps is not None:
        found["tokens_per_second"] = tps
    return found


def offer(kind: str, usd: float | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"provider": "p", "kind": kind, "source": "s", "quote": "q"}
    if usd is not None:
        found["output_usd_per_mtok"] = usd
    return found


def criterion(ident: str, measure: str, threshold: float, **extra: Any) -> dict[str, Any]:
    """A criterion whose evidence uses every placeholder its measure declares, so a test also proves
    that the measure fills each of them."""
    every = " ".join("{" + p + "}" for p in sorted(schema.PLACEHOLDERS[measure]))
    return {
        "id": ident,
        "measure": measure,
        "threshold": threshold,
        "pick": f"pick {ident}",
        "evidence": every,
        **extra,
    }


VERDICTS = {
    "tie_margin": {"percent": 1, "score": 1, "elo": 20},
    "strong_margin": {"percent": 5, "score": 5, "elo": 100},
    "strong_min_benchmarks": 2,
}
LICENSES = [
    {"name": "permissive", "licenses": ["Apache 2.0", "MIT"]},
    {"name": "restricted", "licenses": ["Community License"]},
]


def make_catalog(
    families: list[dict[str, Any]],
    criteria: list[dict[str, Any]],
    comparisons: list[dict[str, Any]] = (),  # type: ignore[assignment]
    guide: dict[str, Any] | None = None,
    comparable: dict[str, Any] | None = None,
) -> Catalog:
    site = {
        "title": "t",
        "description": "d",
        "limited_ram_gb": 8,
        "ram_tiers_gb": [8],
        "size_classes_b": [4, 15, 40],
        "speed_profile": "cpu",
        "edge_profile": "phone",
        "close_size_ratio": 1.25,
        "stale_after_days": 180,
    }
    shared = {
        "makers": [{"id": "m", "name": "Maker", "colour": "#000000"}],
        "categories": [
            {"id": "general", "name": "General", "topic": "general reasoning"},
            {"id": "coding", "name": "Coding", "topic": "coding"},
            {"id": "multilingual", "name": "Multilingual", "topic": "multilingual tasks"},
        ],
        "benchmarks": [
            {"id": "gen", "name": "GenBench", "category": "general"},
            {"id": "code", "name": "CodeBench", "category": "coding"},
            {"id": "code-2", "name": "CodeBench 2", "category": "coding"},
            {"id": "lang", "name": "LangBench", "category": "multilingual"},
        ],
        "profiles": [
            {"id": "cpu", "name": "laptop CPU"},
            {"id": "phone", "name": "phone", "memory": "unified", "capacity_gb": fig(12)},
        ],
        "providers": [{"id": "p", "name": "Provider"}],
        "sources": [{"id": "s", "title": "Source"}],
    }
    objects: list[schema.Strict] = [
        schema.Site.model_validate(site),
        schema.Shared.model_validate(shared),
        schema.Criteria.model_validate(
            {
                "comparable": comparable or {"must_match": ["variant", "shots", "cot", "tools"]},
                "verdicts": VERDICTS,
                "criteria": criteria,
                "licenses": LICENSES,
            }
        ),
    ]
    objects += [schema.Family.model_validate({"maker": "m", "name": f["id"].upper(), **f}) for f in families]
    objects += [schema.Comparison.model_validate(c) for c in comparisons]
    if guide:
        objects.append(schema.Guide.model_validate(guide))
    return build_catalog(objects, TODAY)

"""The memory parts of the JSON API: each model's architecture and file sizes, the hardware profiles'
memory, the checks of measured figures, and memory.json, which the calculator reads.

memory.json carries what the estimate is computed from (formats, cache types, overhead, profiles and
each model's cache layout) beside the estimates for the contexts the tables show, so a program can
either read the figures or compute its own setting the way docs/assets/calculator.js does.
"""

from __future__ import annotations

from typing import Any

from generator import schema
from generator.derive import memory
from generator.model import Catalog


def figure(fig: schema.Figure | None) -> dict[str, Any] | None:
    """As render.api.figure: value, source id and whether approximate."""
    if fig is None:
        return None
    return {"value": fig.value, "source": fig.source, "approx": fig.approx}


def arch(found: schema.Arch | None) -> dict[str, Any] | None:
    """An `arch:` block as figures; absent fields are null."""
    if found is None:
        return None
    record: dict[str, Any] = {"source": found.source}
    for name in type(found).model_fields:
        value = getattr(found, name)
        if isinstance(value, schema.Figure):
            record[name] = figure(value)
        elif name == "attention":
            record[name] = _attention(value)
    return record


def _attention(found: schema.Attention | None) -> dict[str, Any] | None:
    if found is None:
        return None
    record: dict[str, Any] = {"kind": found.kind}
    for name in type(found).model_fields:
        if name != "kind":
            record[name] = figure(getattr(found, name))
    return record


def files(model: schema.Model) -> list[dict[str, Any]]:
    return [
        {
            "quantisation": f.quantisation,
            "size_gb": round(memory.real_gb(f), 3),
            "as_listed": {"size_gb": f.size_gb} if f.size_gb is not None else {"size_gib": f.size_gib},
            "tag": f.tag,
            "source": f.source,
        }
        for f in model.files
    ]


def profile(p: schema.Profile) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "description": p.description,
        "memory": p.memory,
        "capacity_gb": figure(p.capacity_gb),
        "bandwidth_gb_s": figure(p.bandwidth_gb_s),
    }


def measurement(catalog: Catalog, model: schema.Model, h: schema.Measurement) -> dict[str, Any]:
    """The memory fields of one measurement and what is doubtful about it."""
    return {
        "device": h.device,
        "context_tokens": h.context_tokens,
        "vram_gb": h.vram_gb,
        "doubts": [_doubt(d) for d in memory.doubts(catalog, model, h)],
    }


def _doubt(d: memory.Doubt) -> dict[str, Any]:
    return {
        "what": d.what,
        "params_b": d.params_b,
        "bits": d.bits,
        "needed_gb": round(d.needed_gb, 4),
        "stated": d.stated,
        "limit_tps": round(d.limit_tps, 2) if d.limit_tps is not None else None,
        "profile": d.profile.id if d.profile else None,
    }


def _estimate(e: memory.Estimate) -> dict[str, Any]:
    return {
        "quantisation": e.quantisation,
        "context": e.context,
        "kv_type": e.kv_type,
        "weights_gb": round(e.weights_gb, 4),
        "kv_gb": round(e.kv_gb, 4),
        "overhead_gb": e.overhead_gb,
        "total_gb": round(e.total_gb, 4),
    }


def _model(catalog: Catalog, model: schema.Model, url: str | None) -> dict[str, Any] | None:
    shape = memory.layout(catalog, model.id)
    found = memory.formats(catalog)
    default = memory.estimate(catalog, model.id)
    if shape is None or found is None or default is None:
        return None
    contexts = memory.contexts(catalog, model.id)
    estimates = [
        _estimate(e)
        for q in found.estimable
        for k in found.kv_types.values()
        for c in contexts
        if (e := memory.estimate(catalog, model.id, q.id, c, k.id))
    ]
    return {
        "id": model.id,
        "name": model.name,
        "url": url,
        "total_params_b": shape.total_b,
        "active_params_b": shape.active_b,
        "max_context": shape.max_context,
        "contexts": list(contexts),
        "default": {"quantisation": default.quantisation, "context": default.context, "kv_type": default.kv_type},
        "kv_groups": [
            {"layers": g.layers, "window": g.window, "values_per_token": g.values_per_token, "kind": g.kind}
            for g in shape.groups
        ],
        "estimates": estimates,
    }


def memory_collection(catalog: Catalog, url_of: Any) -> dict[str, Any]:
    """memory.json: `memory`, one record per model whose memory is derived, and `assumptions`, what
    every estimate assumes."""
    found = memory.formats(catalog)
    models = [m for model in catalog.models.values() if (m := _model(catalog, model, url_of(model.id)))]
    body: dict[str, Any] = {"memory": sorted(models, key=lambda m: m["id"])}
    if found is None:
        return body
    body["assumptions"] = {
        "quantisations": [
            {
                "id": q.id,
                "name": q.name,
                "description": q.description,
                "bits_per_weight": figure(q.bits_per_weight),
                "nominal_bits": q.nominal_bits,
            }
            for q in found.quantisations.values()
        ],
        "kv_types": [
            {"id": k.id, "name": k.name, "bits_per_value": figure(k.bits_per_value)} for k in found.kv_types.values()
        ],
        "overhead_gb": catalog.memory.overhead_gb.model_dump() if catalog.memory else None,
        "defaults": found.defaults.model_dump(),
        "doubt_below": found.doubt_below,
        "profiles": [profile(p) for p in catalog.profiles.values() if p.capacity_gb],
    }
    return body

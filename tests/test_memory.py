"""The memory and speed derivation, on small hand-made catalogs whose answers are worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import schema
from generator.derive import memory
from generator.model import Catalog, build_catalog

SRC = "test-source"


def fig(value: object, **extra: object) -> dict[str, object]:
    return {"value": value, "source": SRC, "quote": f"value {value}", **extra}


def spec(value: object, **extra: object) -> dict[str, object]:
    return {"value": value, "quote": f"value {value}", **extra}


MEMORY: dict[str, Any] = {
    "quantisations": [
        {"id": "q4_k_m", "name": "Q4_K_M", "bits_per_weight": fig(4.8944)},
        {"id": "q8_0", "name": "Q8_0", "bits_per_weight": fig(8.5008)},
        {"id": "f16", "name": "F16", "bits_per_weight": fig(16.0005)},
        {"id": "q4", "name": "4-bit", "nominal_bits": 4},
    ],
    "kv_types": [
        {"id": "f16", "name": "f16", "bits_per_value": fig(16)},
        {"id": "q8_0", "name": "q8_0", "bits_per_value": fig(8.5)},
    ],
    "overhead_gb": {"value": 0.5, "why": "an assumption for tests"},
    "contexts": [4096, 8192, 32768, 131072],
    "defaults": {"quantisation": "q4_k_m", "context_tokens": 8192, "kv_type": "f16"},
}

PROFILES = [
    {"id": "laptop-cpu", "name": "laptop CPU", "memory": "system", "capacity_gb": fig(16), "bandwidth_gb_s": fig(100)},
    {"id": "gpu-8", "name": "8 GB GPU", "memory": "gpu", "capacity_gb": fig(8), "bandwidth_gb_s": fig(400)},
]


def arch(**fields: Any) -> dict[str, Any]:
    """A Llama 3.1 8B-like architecture (32 layers, 8 of 32 heads for keys and values, 128 wide)."""
    base: dict[str, Any] = {
        "source": SRC,
        "layers": spec(32),
        "hidden_size": spec(4096),
        "attention_heads": spec(32),
        "kv_heads": spec(8),
    }
    base.update(fields)
    return base


def make(*models: dict[str, Any]) -> Catalog:
    site = schema.Site.model_validate(
        {
            "title": "t",
            "description": "d",
            "limited_ram_gb": 8,
            "ram_tiers_gb": [8, 16],
            "size_classes_b": [4, 15, 40],
            "speed_profile": "laptop-cpu",
            "edge_profile": "laptop-cpu",
            "close_size_ratio": 1.25,
            "stale_after_days": 180,
        }
    )
    shared = schema.Shared.model_validate(
        {
            "makers": [{"id": "google", "name": "G", "colour": "#123456"}],
            "categories": [],
            "benchmarks": [],
            "profiles": PROFILES,
            "providers": [],
            "sources": [{"id": SRC, "title": "Test figures", "kind": "article"}],
        }
    )
    criteria = schema.Criteria.model_validate(
        {
            "criteria": [],
            "comparable": {"must_match": ["variant", "shots", "cot", "tools"], "match_if_stated": ["effort"]},
            # The verdict wording is the real data's: memory does not depend on it.
            "verdicts": yaml.safe_load(Path("data/criteria.yaml").read_text(encoding="utf-8"))["verdicts"],
        }
    )
    family = schema.Family.model_validate(
        {"id": "fam", "name": "Fam", "maker": "google", "models": list(models), "sources": []}
    )
    return build_catalog(
        [site, shared, criteria, schema.MemoryCatalog.model_validate(MEMORY), family], date(2026, 1, 1)
    )


def model(ident: str = "m", total: float = 8.03, **fields: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"id": ident, "name": ident.upper(), "params": {"total": fig(total)}}
    found.update(fields)
    return found


def test_dense_model_weights_cache_and_overhead() -> None:
    catalog = make(model(arch=arch(), context_tokens=fig(131072)))
    est = memory.estimate(catalog, "m")
    # 8.03B weights at 4.8944 bits; 32 layers x 2 x 8 heads x 128 values x 8192 tokens x 2 bytes.
    assert est.quantisation == "q4_k_m" and est.context == 8192 and est.kv_type == "f16"
    assert est.weights_gb == pytest.approx(8.03 * 4.8944 / 8)
    assert est.kv_gb == pytest.approx(32 * 2 * 8 * 128 * 8192 * 2 / 1e9)
    assert est.total_gb == pytest.approx(est.weights_gb + est.kv_gb + 0.5)


def test_cache_type_scales_the_cache_only() -> None:
    catalog = make(model(arch=arch()))
    f16 = memory.estimate(catalog, "m", "q4_k_m", 32768, "f16")
    q8 = memory.estimate(catalog, "m", "q4_k_m", 32768, "q8_0")
    assert q8.kv_gb == pytest.approx(f16.kv_gb * 8.5 / 16)
    assert q8.weights_gb == f16.weights_gb


def test_head_dim_stated_beats_hidden_over_heads() -> None:
    # Qwen3-0.6B: 1024 hidden over 16 heads would be 64, but its configuration says 128.
    catalog = make(model(arch=arch(hidden_size=spec(1024), attention_heads=spec(16), head_dim=spec(128, note="set"))))
    (group,) = memory.layout(catalog, "m").groups
    assert group.values_per_token == 2 * 8 * 128


def test_local_global_keeps_a_window_in_local_layers() -> None:
    # Gemma 3 27B-like: 62 layers, one global in six (10 global, 52 local of 1024 tokens).
    attention = {"kind": "local-global", "window": spec(1024), "global_every": spec(6)}
    catalog = make(model(arch=arch(layers=spec(62), kv_heads=spec(16), attention=attention)))
    local, full = memory.layout(catalog, "m").groups
    assert (local.layers, local.window, full.layers, full.window) == (52, 1024, 10, None)
    est = memory.estimate(catalog, "m", "q4_k_m", 32768, "f16")
    per_token = 2 * 16 * 128
    assert est.kv_gb == pytest.approx((52 * 1024 + 10 * 32768) * per_token * 2 / 1e9)


def test_global_layers_with_their_own_heads_and_shared_cache_layers() -> None:
    # Gemma 4 E2B-like: 35 layers, the last 20 reuse earlier caches; one global in five, 1 head of 512.
    attention = {
        "kind": "local-global",
        "window": spec(512),
        "global_every": spec(5),
        "global_head_dim": spec(512),
    }
    catalog = make(
        model(
            arch=arch(
                layers=spec(35),
                hidden_size=spec(1536),
                attention_heads=spec(8),
                kv_heads=spec(1),
                head_dim=spec(256, note="set"),
                kv_shared_layers=spec(20),
                attention=attention,
            )
        )
    )
    local, full = memory.layout(catalog, "m").groups
    assert (local.layers, local.values_per_token, full.layers, full.values_per_token) == (12, 512, 3, 1024)


def test_latent_attention_caches_one_compressed_vector() -> None:
    # DeepSeek-V3: 61 layers of 512 + 64 values per token, no separate values.
    attention = {"kind": "mla", "kv_lora_rank": spec(512), "rope_head_dim": spec(64)}
    catalog = make(
        model(
            total=671,
            arch=arch(
                layers=spec(61),
                attention_heads=spec(128),
                kv_heads=spec(128),
                hidden_size=spec(7168),
                attention=attention,
            ),
        )
    )
    est = memory.estimate(catalog, "m", "q4_k_m", 131072, "f16")
    assert est.kv_gb == pytest.approx(61 * 576 * 131072 * 2 / 1e9)


def test_linear_hybrid_counts_only_its_full_attention_layers() -> None:
    attention = {"kind": "linear-hybrid", "global_every": spec(4)}
    catalog = make(model(arch=arch(layers=spec(48), attention=attention)))
    (group,) = memory.layout(catalog, "m").groups
    assert group.layers == 12 and group.window is None


def test_contexts_stop_at_the_maximum_and_end_with_it() -> None:
    catalog = make(model(arch=arch(), context_tokens=fig(16384)))
    assert memory.contexts(catalog, "m") == (4096, 8192, 16384)
    assert memory.estimate(catalog, "m", "q4_k_m", 32768, "f16") is None
    assert memory.estimate(catalog, "m", "q4", 8192, "f16") is None  # a bit count alone estimates nothing


def test_no_architecture_means_not_derived() -> None:
    catalog = make(model())
    assert memory.layout(catalog, "m") is None and memory.estimate(catalog, "m") is None
    assert memory.need(catalog, "m", "ram") is None and not memory.fits(catalog, "m", 64, "ram")


def test_native_format_is_the_default() -> None:
    catalog = make(model(arch=arch(native_quantisation=spec("q8_0"))))
    assert memory.estimate(catalog, "m").quantisation == "q8_0"


def test_speed_bound_reads_active_weights_and_the_cache() -> None:
    catalog = make(model(params={"total": fig(20), "active": fig(3.8)}, arch=arch()))
    est = memory.estimate(catalog, "m")
    by_profile = {s.profile.id: s for s in memory.speeds(catalog, "m")}
    laptop, gpu = by_profile["laptop-cpu"], by_profile["gpu-8"]
    assert laptop.fits and laptop.tokens_per_second == pytest.approx(100 / (3.8 * 4.8944 / 8 + est.kv_gb))
    assert est.total_gb > 8 and not gpu.fits and gpu.tokens_per_second is None


def seed_measurement(ram: float, tps: float | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"profile": "laptop-cpu", "quantisation": "q4", "ram_gb": ram, "source": SRC, "quote": "q"}
    if tps:
        found["tokens_per_second"] = tps
    return found


def test_a_figure_below_its_weights_is_doubted_and_decides_nothing() -> None:
    # Gemma 4 26B "8 GB (Q4)": 26B weights at 4 bits need 13 GB before any cache.
    catalog = make(model(total=26, arch=arch(), hardware=[seed_measurement(8)]))
    m = catalog.models["m"]
    (doubt,) = memory.doubts(catalog, m, m.hardware[0])
    assert (doubt.what, doubt.params_b, doubt.bits, doubt.needed_gb, doubt.stated) == ("memory", 26, 4, 13, 8)
    need = memory.need(catalog, "m", "ram")
    assert need.estimated and need.gb == pytest.approx(memory.estimate(catalog, "m").total_gb)
    assert not memory.fits(catalog, "m", 8, "ram")


def test_a_plausible_measurement_wins_when_smaller() -> None:
    catalog = make(model(arch=arch(), hardware=[seed_measurement(5)]))
    need = memory.need(catalog, "m", "ram")
    assert not need.estimated and need.gb == 5 and memory.fits(catalog, "m", 5, "ram")
    assert memory.need(catalog, "m", "vram").estimated  # RAM measured says nothing of GPU memory


def test_a_speed_above_the_bandwidth_bound_is_doubted() -> None:
    catalog = make(model(total=8, arch=arch(), hardware=[seed_measurement(6, tps=80)]))
    m = catalog.models["m"]
    (doubt,) = memory.doubts(catalog, m, m.hardware[0])
    assert doubt.what == "speed" and doubt.limit_tps == pytest.approx(100 / 4)


def test_file_checks_compare_weights_with_real_sizes() -> None:
    files = [
        {"quantisation": "q4_k_m", "size_gib": 4.58, "source": SRC, "quote": "4.58"},
        {"quantisation": "q8_0", "size_gb": 8.54, "source": SRC, "quote": "8.54"},
        {"quantisation": "q4", "size_gb": 4.0, "source": SRC, "quote": "4.0"},  # not estimable: left out
    ]
    catalog = make(model(arch=arch(), files=files))
    first, second = memory.file_checks(catalog)
    assert first.real_gb == pytest.approx(4.58 * 2**30 / 1e9)
    assert first.error == pytest.approx(8.03 * 4.8944 / 8 / (4.58 * 2**30 / 1e9) - 1)
    assert memory.accuracy(catalog).count == 2


def test_gpu_memory_measured_places_nothing_in_system_ram() -> None:
    measured = {"device": "RTX 4090", "quantisation": "q4_k_m", "vram_gb": 5, "source": SRC, "quote": "q"}
    catalog = make(model(arch=arch(), hardware=[measured]))
    assert memory.need(catalog, "m", "vram").gb == 5
    assert memory.need(catalog, "m", "ram").estimated


def test_a_figure_within_the_margin_is_not_doubted() -> None:
    # "8B" at 16 bits is 16 GB by the data's rounded count; 15.9 GB measured is within 10% of it.
    measured = {"device": "H20", "quantisation": "f16", "vram_gb": 15.9, "source": SRC, "quote": "q"}
    catalog = make(model(total=8, arch=arch(), hardware=[measured]))
    m = catalog.models["m"]
    assert memory.doubts(catalog, m, m.hardware[0]) == ()


def test_kv_heads_left_out_means_one_per_attention_head() -> None:
    # DeepSeek's configurations state no key-value heads: every head keeps its own.
    without = arch()
    del without["kv_heads"]
    catalog = make(model(arch=without))
    (group,) = memory.layout(catalog, "m").groups
    assert group.values_per_token == 2 * 32 * 128


def test_experts_without_an_active_count_have_no_speed_bound() -> None:
    # Bounding the speed by all 671B weights would state a limit that is far too low.
    catalog = make(model(total=671, arch=arch(experts=spec(256), experts_per_token=spec(8))))
    est = memory.estimate(catalog, "m", "q4_k_m", 4096, "f16")
    assert est is not None and memory.layout(catalog, "m").active_b is None
    huge = schema.Profile.model_validate(
        {"id": "big", "name": "big", "memory": "gpu", "capacity_gb": fig(1000), "bandwidth_gb_s": fig(3000)}
    )
    assert memory.speed(catalog, huge, est).fits and memory.speed(catalog, huge, est).tokens_per_second is None
    dense = make(model(arch=arch()))
    assert memory.layout(dense, "m").active_b == 8.03


def test_a_file_of_unstated_format_is_not_checked() -> None:
    files = [
        {"size_gb": 1.3, "tag": "x:1b", "source": SRC, "quote": "value 1.3"},
        {"quantisation": "q4_k_m", "size_gb": 5.0, "source": SRC, "quote": "value 5.0"},
    ]
    catalog = make(model(arch=arch(), files=files))
    (check,) = memory.file_checks(catalog)
    assert check.file.quantisation == "q4_k_m" and check.real_gb == 5.0

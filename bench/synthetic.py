"""Synthetic data for the benchmark: many families in the real schema, the same for the same seed.

The shared files (data/*.yaml: site, catalog, criteria and any added since) are copied from the project; the families
refer only to the makers, benchmarks, profiles and providers that catalog.yaml defines, so the data
stays valid as the real catalog grows. Proportions follow real families: a few models each, scores on
some benchmarks for some models, a hardware measurement or two, a few offers, one to three sources,
the occasional coding or math variant, successor chain, renamed id and curated comparison.

Every figure carries a source and a quote, like real data; the numbers are random but plausible.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

WORDS = [
    "Aster",
    "Borealis",
    "Cirrus",
    "Dune",
    "Ember",
    "Fjord",
    "Garnet",
    "Halo",
    "Iris",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Onyx",
    "Pioneer",
    "Quartz",
    "Raven",
    "Sierra",
    "Tundra",
    "Umber",
    "Vesper",
    "Willow",
    "Xenon",
    "Yarrow",
    "Zephyr",
]
MODALITY_SETS = (["text"], ["text"], ["text", "image"], ["text", "image", "audio"], ["text", "image", "video"])
CONTEXTS = (32768, 65536, 131072, 131072, 262144, 1048576)
LICENSES = ("Apache 2.0", "MIT", "Llama Community License", "Gemma Terms of Use", "Custom open-weight licence")
STRENGTHS = ("Coding", "multilingual", "Edge/on-device", "efficiency", "long context", "reasoning", "math", "vision")
SIZES = (0.5, 1.5, 2, 3, 4, 7, 8, 9, 12, 14, 24, 27, 32, 70, 110, 235, 405)


@dataclass(frozen=True)
class Shared:
    """The ids in the project's catalog that synthetic families may refer to."""

    makers: tuple[str, ...]
    benchmarks: tuple[tuple[str, str], ...]  # (id, unit)
    profiles: tuple[str, ...]
    providers: tuple[str, ...]


class _Dumper(yaml.SafeDumper):
    """Plain YAML without anchors: the project's loader refuses aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)


def read_shared(catalog_file: Path) -> Shared:
    catalog = yaml.safe_load(catalog_file.read_text(encoding="utf-8"))
    return Shared(
        makers=tuple(m["id"] for m in catalog["makers"]),
        benchmarks=tuple((b["id"], b.get("unit", "percent")) for b in catalog["benchmarks"]),
        profiles=tuple(p["id"] for p in catalog["profiles"]),
        providers=tuple(p["id"] for p in catalog["providers"]),
    )


def synthesize(project_data: Path, out: Path, families: int, seed: int = 7) -> list[str]:
    """Write a data folder with `families` synthetic families into `out`; return the family ids.

    `out` is replaced entirely. The same arguments always give byte-identical files.
    """
    if out.exists():
        shutil.rmtree(out)
    (out / "families").mkdir(parents=True)
    (out / "comparisons").mkdir()
    for shared_file in sorted(project_data.glob("*.y*ml")):  # every shared file, whatever new ones appear
        shutil.copy(shared_file, out / shared_file.name)
    shared = read_shared(out / "catalog.yaml")
    rng = random.Random(seed)
    docs = [_family(rng, shared, i) for i in range(families)]
    _link_families(rng, docs)
    for doc in docs:
        (out / "families" / f"{doc['id']}.yaml").write_text(dump(doc), encoding="utf-8")
    for comparison in _comparisons(rng, docs):
        name = "-vs-".join(sorted(comparison["families"])) + ".yaml"
        (out / "comparisons" / name).write_text(dump(comparison), encoding="utf-8")
    return [d["id"] for d in docs]


def _family(rng: random.Random, shared: Shared, index: int) -> dict[str, Any]:
    word = WORDS[index % len(WORDS)]
    version = f"{index // len(WORDS) + 1}.{rng.randint(0, 9)}"
    name = f"{word} {version}"
    family_id = f"{word.lower()}-{version.replace('.', '-')}"
    sources = [f"{family_id}-src-{k}" for k in range(1, rng.randint(1, 3) + 1)]

    def fig(value: Any, quote: str, **extra: Any) -> dict[str, Any]:
        return {"value": value, "source": rng.choice(sources), "quote": quote, **extra}

    doc: dict[str, Any] = {"id": family_id, "name": name, "maker": rng.choice(shared.makers)}
    if rng.random() < 0.1:
        doc["aliases"] = [f"{family_id}-preview"]
    licence = rng.choice(LICENSES)
    doc["license"] = fig(licence, f"License | {licence}")
    # Years up to 2025: no date may pass the build's reference day (the code's last commit, or later).
    released = f"20{rng.randint(23, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    doc["released"] = fig(released, f"Released on {released}")
    if rng.random() < 0.7:
        count = rng.choice((20, 29, 50, 100, 119, 140))
        doc["languages"] = fig({"count": count, "at_least": rng.random() < 0.5}, f"supports {count}+ languages")
    if rng.random() < 0.7:
        modalities = rng.choice(MODALITY_SETS)
        doc["modalities"] = fig(list(modalities), "Inputs: " + ", ".join(modalities))
    if rng.random() < 0.7:
        context = rng.choice(CONTEXTS)
        doc["context_tokens"] = fig(context, f"Max context | {context // 1024}K")
    if rng.random() < 0.6:
        strengths = rng.sample(STRENGTHS, 2)
        doc["strengths"] = fig(strengths, "Strongest at | " + ", ".join(strengths))
    doc["summary"] = f"A synthetic family for the benchmark, number {index + 1}."
    doc["models"] = [_model(rng, shared, family_id, name, fig, k) for k in range(rng.choice((1, 2, 3, 3, 4, 4, 5, 6)))]
    doc["offers"] = _offers(rng, shared, name, fig)
    doc["sources"] = [
        {"id": s, "title": f"{name} announcement, part {k + 1}", "url": f"https://example.org/{family_id}/{k + 1}"}
        for k, s in enumerate(sources)
    ]
    return doc


def _model(rng: random.Random, shared: Shared, family_id: str, family_name: str, fig: Any, k: int) -> dict[str, Any]:
    size = rng.choice(SIZES)
    label = f"{size:g}B"
    model: dict[str, Any] = {
        "id": f"{family_id}-{label.lower().replace('.', '-')}-{k}",
        "name": f"{family_name} {label}",
    }
    model["short_name"] = label
    if rng.random() < 0.05:
        model["aliases"] = [f"{model['id']}-old"]
    moe = size >= 24 and rng.random() < 0.4
    params: dict[str, Any] = {"total": fig(size, f"{label} | {label} total")}
    if moe:
        active = round(size * rng.uniform(0.08, 0.3), 1)
        params["active"] = fig(active, f"{label} MoE | {active:g}B active")
    model["params"] = params
    model["architecture"] = fig("moe" if moe else "dense", f"{label} | {'MoE' if moe else 'Dense'}")
    if rng.random() < 0.4:
        context = rng.choice(CONTEXTS)
        model["context_tokens"] = fig(context, f"{label} context | {context // 1024}K")
    if rng.random() < 0.5:
        tag = f"{family_id.replace('-', '')}:{label.lower()}"
        model["ollama"] = fig(tag, f"ollama run {tag}")
    if size <= 4 and rng.random() < 0.5:
        model["edge"] = fig(True, f"{label} is built for on-device use", as_written="built for on-device use")
    if rng.random() < 0.7:
        benchmarks = rng.sample(shared.benchmarks, rng.randint(min(3, len(shared.benchmarks)), len(shared.benchmarks)))
        model["scores"] = [_score(rng, b, unit, label, fig) for b, unit in benchmarks]
    if rng.random() < 0.5 and shared.profiles:
        model["hardware"] = [_measurement(rng, p, size, label, fig) for p in rng.sample(shared.profiles, 1)]
    return model


def _score(rng: random.Random, benchmark: str, unit: str, label: str, fig: Any) -> dict[str, Any]:
    value = {"percent": round(rng.uniform(30, 95), 1), "elo": float(rng.randint(1000, 1400))}.get(
        unit, round(rng.uniform(1, 10), 2)
    )
    entry = fig(value, f"{benchmark} | {label} | {value:g}")
    return {"benchmark": benchmark, **entry}


def _measurement(rng: random.Random, profile: str, size: float, label: str, fig: Any) -> dict[str, Any]:
    ram = max(1.0, round(size * rng.uniform(0.55, 0.7)))
    tps = max(1.0, round(40 / max(size, 1) * rng.uniform(2, 6)))
    cited = _cited(fig(None, f"{label} | Q4 | {ram:g} GB | {tps:g} tok/s"))
    return {"profile": profile, "quantisation": "q4", "ram_gb": ram, "tokens_per_second": tps, **cited}


def _cited(figure: dict[str, Any]) -> dict[str, Any]:
    """A figure's source and quote without its value, for mappings whose fields are the figures."""
    return {k: v for k, v in figure.items() if k != "value"}


def _offers(rng: random.Random, shared: Shared, name: str, fig: Any) -> list[dict[str, Any]]:
    offers = []
    for provider in rng.sample(shared.providers, rng.randint(1, min(3, len(shared.providers)))):
        kind = rng.choice(("local", "free_api", "paid_api"))
        quote = f"{name} | {provider} | {kind}"
        prices: dict[str, Any] = {}
        if kind == "paid_api":
            prices["input_usd_per_mtok"] = round(rng.uniform(0.05, 3), 2)
            prices["output_usd_per_mtok"] = round(prices["input_usd_per_mtok"] * rng.uniform(2, 5), 2)
            prices["as_of"] = "2025-12-01"
            # A price quote states its prices, as the validator asks of real data.
            quote += (
                f" | ${prices['input_usd_per_mtok']:g} input, ${prices['output_usd_per_mtok']:g} output per 1M tokens"
            )
        offers.append({"provider": provider, "kind": kind, **_cited(fig(None, quote)), **prices})
    return offers


def _link_families(rng: random.Random, docs: list[dict[str, Any]]) -> None:
    """Successor chains and dedicated variants, among families of the same maker, as in real data."""
    by_maker: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        by_maker.setdefault(doc["maker"], []).append(doc)
    for family in by_maker.values():
        for older, newer in zip(family, family[1:], strict=False):
            if "successor" not in older and "predecessor" not in newer and rng.random() < 0.2:
                older["successor"], newer["predecessor"] = newer["id"], older["id"]
        for general, special in zip(family[::2], family[1::2], strict=False):
            if rng.random() < 0.15 and "variants" not in special:
                special["specialty"] = rng.choice(("coding", "math"))
                general["variants"] = {
                    "value": [special["id"]],
                    "source": general["sources"][0]["id"],
                    "quote": f"{special['name']} is the dedicated {special['specialty']} model",
                }


def _comparisons(rng: random.Random, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """About one curated comparison per eight families, with editorial notes."""
    curated = []
    for a, b in zip(docs[::16], docs[8::16], strict=False):
        comparison: dict[str, Any] = {"families": [a["id"], b["id"]], "title": f"{a['name']} vs {b['name']}"}
        matchup = [a["models"][0]["id"], b["models"][0]["id"]]
        comparison["matchup"] = matchup
        comparison["featured"] = rng.random() < 0.5
        comparison["notes"] = [
            {"section": "intro", "text": f"{a['name']} and {b['name']} are both synthetic."},
            {"section": "general", "when_leader": a["id"], "text": "A note shown only while it leads."},
        ]
        curated.append(comparison)
    return curated


def edit_one_score(data: Path) -> tuple[str, str]:
    """Change one score of the first scored model (by file order) by +0.1; return (model id, name).

    The file is re-dumped the way synthesize wrote it, so the diff is that one value and its quote,
    which states it (the validator's rule).
    """
    path, doc, model = _first_scored(data)
    score = model["scores"][0]
    old, score["value"] = score["value"], round(score["value"] + 0.1, 2)
    score["quote"] = score["quote"].removesuffix(f"{old:g}") + f"{score['value']:g}"
    path.write_text(dump(doc), encoding="utf-8")
    return model["id"], model["name"]


def first_scored_model(data: Path) -> tuple[str, str]:
    """(id, name) of the model edit_one_score edits."""
    _, _, model = _first_scored(data)
    return model["id"], model["name"]


def _first_scored(data: Path) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    for path in sorted((data / "families").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for model in doc["models"]:
            if model.get("scores"):
                return path, doc, model
    raise ValueError(f"no model with a score under {data}")

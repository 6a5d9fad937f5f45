"""The checks of the memory data that one file's schema cannot make: architectures whose numbers
contradict each other, and ids of quantisation formats, cache types and hardware profiles.

Called by validate.check_references with its id registries, so every message has the same form
(`file:line:column: field: what is wrong; what was expected`) and unknown ids get a did-you-mean.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from generator import schema
from generator.errors import ErrorCollector, Location
from generator.load import LoadedFile, Path_

# Which attention fields each kind of attention needs; the others must be left out.
_NEEDS: dict[str, tuple[str, ...]] = {
    "full": (),
    "sliding": ("window",),
    "local-global": ("window", "global_every"),
    "mla": ("kv_lora_rank", "rope_head_dim"),
    "linear-hybrid": ("global_every",),
}
_OPTIONAL: dict[str, tuple[str, ...]] = {"local-global": ("global_kv_heads", "global_head_dim")}


class Registry(Protocol):
    """validate._Ids, as these checks use it."""

    def add(self, ident: str, place: Location) -> None: ...
    def require(self, ident: str | None, place: Location, field: str) -> None: ...


def register(obj: schema.Strict, f: LoadedFile, ids: Mapping[str, Registry]) -> None:
    """The ids data/memory.yaml defines."""
    if isinstance(obj, schema.MemoryCatalog):
        for i, q in enumerate(obj.quantisations):
            ids["quantisation"].add(q.id, f.place(("quantisations", i, "id")))
        for i, k in enumerate(obj.kv_types):
            ids["kv type"].add(k.id, f.place(("kv_types", i, "id")))


def check(obj: schema.Strict, f: LoadedFile, ids: Mapping[str, Registry], collector: ErrorCollector) -> None:
    if isinstance(obj, schema.MemoryCatalog):
        _check_catalogue(obj, f, ids, collector)
    if isinstance(obj, schema.Shared):
        for i, profile in enumerate(obj.profiles):
            if profile.capacity_gb and profile.memory is None:
                collector.add(
                    f.place(("profiles", i, "capacity_gb")),
                    "capacity_gb: say which memory it is: add `memory: system`, `unified` or `gpu`",
                )
    if isinstance(obj, schema.Family):
        for i, model in enumerate(obj.models):
            at: Path_ = ("models", i)
            if model.arch:
                _check_arch(model.arch, f, (*at, "arch"), ids, collector)
            for j, h in enumerate(model.hardware):
                place = f.place((*at, "hardware", j, "quantisation"))
                ids["quantisation"].require(h.quantisation, place, "quantisation")
            for j, file in enumerate(model.files):
                place = f.place((*at, "files", j, "quantisation"))
                ids["quantisation"].require(file.quantisation, place, "quantisation")
                if (file.size_gb is None) == (file.size_gib is None):
                    collector.add(
                        f.place((*at, "files", j)),
                        "files: give the size once, as size_gb (10^9 bytes, as Ollama lists) or size_gib "
                        "(2^30 bytes, as Docker Hub lists)",
                    )


def _check_catalogue(
    memory: schema.MemoryCatalog, f: LoadedFile, ids: Mapping[str, Registry], collector: ErrorCollector
) -> None:
    for i, q in enumerate(memory.quantisations):
        if (q.bits_per_weight is None) == (q.nominal_bits is None):
            collector.add(
                f.place(("quantisations", i, "id")),
                f"quantisations: {q.id!r} needs exactly one of bits_per_weight (a sourced average) or "
                "nominal_bits (a label that states only a bit count)",
            )
    defaults = memory.defaults
    ids["quantisation"].require(defaults.quantisation, f.place(("defaults", "quantisation")), "defaults.quantisation")
    ids["kv type"].require(defaults.kv_type, f.place(("defaults", "kv_type")), "defaults.kv_type")
    chosen = next((q for q in memory.quantisations if q.id == defaults.quantisation), None)
    if chosen and chosen.bits_per_weight is None:
        collector.add(
            f.place(("defaults", "quantisation")),
            f"defaults.quantisation: {chosen.id!r} states no bits_per_weight, so nothing can be estimated at it",
        )


def _check_arch(
    arch: schema.Arch, f: LoadedFile, at: Path_, ids: Mapping[str, Registry], collector: ErrorCollector
) -> None:
    def say(field: str, message: str) -> None:
        collector.add(f.place((*at, *field.split("."))), message)

    heads = arch.attention_heads.value
    kv = arch.kv_heads.value if arch.kv_heads else heads  # left out: one per head
    if kv > heads:
        say("kv_heads", f"kv_heads: {kv} key-value heads but only {heads} attention heads; expected at most {heads}")
    elif heads % kv:
        say(
            "kv_heads",
            f"kv_heads: {heads} attention heads do not divide into {kv} key-value groups; "
            "expected a divisor of attention_heads",
        )
    hidden = arch.hidden_size.value
    if arch.head_dim is None and hidden % heads:
        say("hidden_size", f"hidden_size: {hidden} does not divide by {heads} attention heads; state head_dim")
    elif arch.head_dim and arch.head_dim.value * heads != hidden and not arch.head_dim.note:
        say(
            "head_dim",
            f"head_dim: {arch.head_dim.value} contradicts hidden_size ÷ attention_heads = {hidden / heads:g}; "
            "if the configuration says so, add a `note:` saying why (e.g. the model sets head_dim itself)",
        )
    if arch.experts_per_token and not arch.experts:
        say("experts_per_token", "experts_per_token: given without experts; state how many experts there are")
    if arch.experts and arch.experts_per_token and arch.experts_per_token.value > arch.experts.value:
        say(
            "experts_per_token",
            f"experts_per_token: {arch.experts_per_token.value} is more than the "
            f"{arch.experts.value} experts; expected at most {arch.experts.value}",
        )
    if arch.kv_shared_layers and arch.kv_shared_layers.value >= arch.layers.value:
        say(
            "kv_shared_layers",
            f"kv_shared_layers: {arch.kv_shared_layers.value} of {arch.layers.value} layers; "
            "expected fewer than layers (some layer must hold the cache)",
        )
    if arch.native_quantisation:
        place = f.place((*at, "native_quantisation", "value"))
        ids["quantisation"].require(arch.native_quantisation.value, place, "native_quantisation")
    if arch.attention:
        _check_attention(arch.attention, arch.layers.value, f, (*at, "attention"), collector)


def _check_attention(
    attention: schema.Attention, layers: int, f: LoadedFile, at: Path_, collector: ErrorCollector
) -> None:
    kind = attention.kind
    needs = _NEEDS[kind]
    allowed = set(needs) | set(_OPTIONAL.get(kind, ()))
    for name in ("window", "global_every", "global_kv_heads", "global_head_dim", "kv_lora_rank", "rope_head_dim"):
        given = getattr(attention, name) is not None
        if name in needs and not given:
            collector.add(f.place((*at, "kind")), f"attention: kind {kind} needs {name}")
        elif given and name not in allowed:
            collector.add(f.place((*at, name)), f"attention.{name}: not used by kind {kind}; leave it out")
    every = attention.global_every
    if every and every.value > layers:
        collector.add(
            f.place((*at, "global_every", "value")),
            f"attention.global_every: one full layer every {every.value} layers, but the model has {layers}",
        )

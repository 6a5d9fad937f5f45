"""Memory and speed from a model's architecture: what it needs to run, and how fast it can run at best.

Arithmetic on the data alone (data/memory.yaml and each model's `arch:`), with llama.cpp's GGUF files
as the reference runtime (what Ollama and LM Studio run):

    memory    = weights + key-value cache + overhead
    weights   = total parameters × bits per weight ÷ 8
    KV cache  = Σ over the layers that hold one: tokens kept × values per token × bits per value ÷ 8
    speed     ≤ memory bandwidth ÷ (active parameters × bits per weight ÷ 8 + KV cache)

A layer keeps the whole context unless its attention is windowed (then at most the window); layers
that reuse another layer's cache, and linear-attention layers (a small state of fixed size), hold
none; multi-head latent attention keeps one compressed vector per token. Speed is an upper bound: a
token cannot come faster than the memory holding its weights and cache can be read.

Every number here is an estimate, labelled so wherever it is shown. A measured figure is preferred
where the data has one, unless it is below what its weights alone need: such a figure is kept and
shown with the reason (`doubt`), and decides nothing. GB are 10^9 bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from generator import schema
from generator.derive.facts import per_catalog
from generator.model import Catalog

MemoryKind = Literal["ram", "vram"]
"""System RAM (a CPU, or Apple's unified memory) or GPU memory: never mixed."""

BITS_PER_BYTE = 8


# --- the architecture, read for memory -----------------------------------------------------------


@dataclass(frozen=True)
class KvGroup:
    """Layers that keep the same cache: how many, the tokens each keeps at most (None: the whole
    context), and the numbers stored per token in each (keys and values together)."""

    layers: int
    window: int | None
    values_per_token: int
    kind: Literal["full", "window", "latent"]

    def values(self, context: int) -> int:
        return self.layers * min(context, self.window or context) * self.values_per_token


@dataclass(frozen=True)
class Layout:
    """What memory and speed depend on in one model: its weights, its cache, its longest context."""

    model_id: str
    total_b: float
    active_b: float | None
    """Parameters a token reads: all of a dense model's; None for a mixture of experts whose active
    count no source states (then its speed is not derived rather than bounded by all its weights)."""
    max_context: int | None
    groups: tuple[KvGroup, ...]
    native: str | None
    """The format the maker releases the weights in, when quantised (gpt-oss: MXFP4)."""

    def kv_values(self, context: int) -> int:
        return sum(g.values(context) for g in self.groups)


def head_dim(arch: schema.Arch) -> int:
    """The stated head dimension, else hidden size ÷ heads (what a configuration means by leaving it out)."""
    return arch.head_dim.value if arch.head_dim else arch.hidden_size.value // arch.attention_heads.value


def kv_heads(arch: schema.Arch) -> int:
    """The stated key-value heads, else one per attention head (what a configuration means by leaving it out)."""
    return arch.kv_heads.value if arch.kv_heads else arch.attention_heads.value


def kv_groups(arch: schema.Arch) -> tuple[KvGroup, ...]:
    """The layers that hold a key-value cache, grouped by what each keeps per token."""
    layers = arch.layers.value - (arch.kv_shared_layers.value if arch.kv_shared_layers else 0)
    per_token = 2 * kv_heads(arch) * head_dim(arch)
    attention = arch.attention
    kind = attention.kind if attention else "full"
    if attention is None or kind == "full":
        groups = [KvGroup(layers, None, per_token, "full")]
    elif kind == "sliding":
        groups = [KvGroup(layers, _value(attention.window), per_token, "window")]
    elif kind == "mla":
        latent = _value(attention.kv_lora_rank) + _value(attention.rope_head_dim)
        groups = [KvGroup(layers, None, latent, "latent")]
    else:
        full = layers // _value(attention.global_every)
        heads = attention.global_kv_heads.value if attention.global_kv_heads else kv_heads(arch)
        dim = attention.global_head_dim.value if attention.global_head_dim else head_dim(arch)
        groups = [KvGroup(full, None, 2 * heads * dim, "full")]
        if kind == "local-global":
            groups.insert(0, KvGroup(layers - full, _value(attention.window), per_token, "window"))
    return tuple(g for g in groups if g.layers > 0)


def _value(figure: schema.Figure | None) -> int:
    """A figure the validator requires for this kind of attention (see validate_memory)."""
    assert figure is not None
    return int(figure.value)


@per_catalog
def layout(catalog: Catalog, model_id: str) -> Layout | None:
    """None without an architecture or a total parameter count: then memory is not derived."""
    model = catalog.models[model_id]
    total = model.params.total
    if model.arch is None or total is None:
        return None
    active = model.params.active or (None if model.arch.experts else total)
    native = model.arch.native_quantisation.value if model.arch.native_quantisation else None
    context = model.context_tokens.value if model.context_tokens else None
    return Layout(model.id, total.value, active.value if active else None, context, kv_groups(model.arch), native)


# --- the catalogue of data/memory.yaml -----------------------------------------------------------


@dataclass(frozen=True)
class Formats:
    quantisations: Mapping[str, schema.QuantFormat]
    kv_types: Mapping[str, schema.KvType]
    overhead_gb: float
    contexts: tuple[int, ...]
    defaults: schema.MemoryDefaults
    doubt_below: float

    def bits(self, quantisation: str) -> float | None:
        """Bits per weight for an estimate; None for a label that states only a bit count."""
        found = self.quantisations.get(quantisation)
        return found.bits_per_weight.value if found and found.bits_per_weight else None

    def least_bits(self, quantisation: str) -> float | None:
        """The fewest bits a stated format can mean, for checking a figure stated at it."""
        found = self.quantisations.get(quantisation)
        if found is None:
            return None
        return found.bits_per_weight.value if found.bits_per_weight else found.nominal_bits

    @property
    def estimable(self) -> tuple[schema.QuantFormat, ...]:
        """The formats an estimate can be made for, in catalogue order."""
        return tuple(q for q in self.quantisations.values() if q.bits_per_weight)


@per_catalog
def formats(catalog: Catalog) -> Formats | None:
    memory = catalog.memory
    if memory is None:
        return None
    return Formats(
        MappingProxyType({q.id: q for q in memory.quantisations}),
        MappingProxyType({k.id: k for k in memory.kv_types}),
        memory.overhead_gb.value,
        tuple(memory.contexts),
        memory.defaults,
        memory.doubt_below,
    )


# --- estimates -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Estimate:
    """The memory one model needs in one setting, in GB; every part of it estimated."""

    model_id: str
    quantisation: str
    context: int
    kv_type: str
    weights_gb: float
    kv_gb: float
    overhead_gb: float

    @property
    def total_gb(self) -> float:
        return self.weights_gb + self.kv_gb + self.overhead_gb


def weights_gb(params_b: float, bits: float) -> float:
    """Billions of weights at some bits each, in GB (10^9 bytes)."""
    return params_b * bits / BITS_PER_BYTE


def kv_gb(shape: Layout, context: int, bits_per_value: float) -> float:
    return shape.kv_values(context) * bits_per_value / BITS_PER_BYTE / 1e9


def default_quantisation(catalog: Catalog, model_id: str) -> str | None:
    """The maker's own format where it ships one an estimate can use, else the catalogue's default."""
    found, shape = formats(catalog), layout(catalog, model_id)
    if found is None or shape is None:
        return None
    if shape.native and found.bits(shape.native):
        return shape.native
    return found.defaults.quantisation


def default_context(catalog: Catalog, model_id: str) -> int | None:
    found, shape = formats(catalog), layout(catalog, model_id)
    if found is None or shape is None:
        return None
    default = found.defaults.context_tokens
    return min(default, shape.max_context) if shape.max_context else default


@per_catalog
def estimate(
    catalog: Catalog,
    model_id: str,
    quantisation: str | None = None,
    context: int | None = None,
    kv_type: str | None = None,
) -> Estimate | None:
    """The memory a model needs; None when it is not derived (no architecture, an unknown or
    unestimable format, or a context past the model's maximum). Unset arguments take the defaults."""
    found, shape = formats(catalog), layout(catalog, model_id)
    if found is None or shape is None:
        return None
    quantisation = quantisation or default_quantisation(catalog, model_id)
    context = context or default_context(catalog, model_id)
    kv_type = kv_type or found.defaults.kv_type
    bits = found.bits(quantisation or "")
    cache = found.kv_types.get(kv_type)
    if bits is None or cache is None or context is None or (shape.max_context and context > shape.max_context):
        return None
    return Estimate(
        model_id,
        quantisation,  # type: ignore[arg-type]
        context,
        kv_type,
        weights_gb(shape.total_b, bits),
        kv_gb(shape, context, cache.bits_per_value.value),
        found.overhead_gb,
    )


def contexts(catalog: Catalog, model_id: str) -> tuple[int, ...]:
    """The contexts a model's table shows: the catalogue's up to its maximum, then the maximum."""
    found, shape = formats(catalog), layout(catalog, model_id)
    if found is None or shape is None:
        return ()
    if shape.max_context is None:
        return found.contexts
    shown = [c for c in found.contexts if c < shape.max_context]
    return (*shown, shape.max_context)


@dataclass(frozen=True)
class Grid:
    """A model's estimated memory by format (rows) and context (columns), at the default cache type;
    and the cache alone by cache type and context, at the default format."""

    contexts: tuple[int, ...]
    by_quantisation: tuple[tuple[schema.QuantFormat, tuple[Estimate, ...]], ...]
    by_kv_type: tuple[tuple[schema.KvType, tuple[Estimate, ...]], ...]
    default: Estimate


@per_catalog
def grid(catalog: Catalog, model_id: str) -> Grid | None:
    found = formats(catalog)
    default = estimate(catalog, model_id)
    if found is None or default is None:
        return None
    shown = contexts(catalog, model_id)

    def row(quantisation: str, kv_type: str) -> tuple[Estimate, ...]:
        return tuple(e for c in shown if (e := estimate(catalog, model_id, quantisation, c, kv_type)))

    native = layout(catalog, model_id).native  # type: ignore[union-attr]  # an estimate implies a layout
    listed = [q for q in found.estimable if q.shown == "always" or (q.shown == "native" and q.id == native)]
    return Grid(
        shown,
        tuple((q, row(q.id, default.kv_type)) for q in listed),
        tuple((k, row(default.quantisation, k.id)) for k in found.kv_types.values()),
        default,
    )


# --- speed ---------------------------------------------------------------------------------------


def kind_of(profile: schema.Profile) -> MemoryKind | None:
    """Which memory a profile runs models in: its GPU's, or system RAM (CPU or unified)."""
    if profile.memory is None:
        return None
    return "vram" if profile.memory == "gpu" else "ram"


@dataclass(frozen=True)
class Speed:
    """A model on one hardware profile at one estimate: whether it fits, and the decode speed bound."""

    profile: schema.Profile
    estimate: Estimate
    fits: bool
    tokens_per_second: float | None
    """The upper bound; None when it does not fit or the profile states no bandwidth."""


def read_per_token_gb(catalog: Catalog, est: Estimate) -> float | None:
    """The bytes a token's decoding reads: the active weights and the whole cache, in GB; None when
    the active parameters are not known."""
    shape = layout(catalog, est.model_id)
    found = formats(catalog)
    assert shape is not None and found is not None  # an estimate exists only with both
    if shape.active_b is None:
        return None
    return weights_gb(shape.active_b, found.bits(est.quantisation) or 0) + est.kv_gb


def speed(catalog: Catalog, profile: schema.Profile, est: Estimate) -> Speed:
    fits = profile.capacity_gb is not None and est.total_gb <= profile.capacity_gb.value
    per_token = read_per_token_gb(catalog, est)
    bound = None
    if fits and profile.bandwidth_gb_s and per_token:
        bound = profile.bandwidth_gb_s.value / per_token
    return Speed(profile, est, fits, bound)


def speeds(catalog: Catalog, model_id: str, est: Estimate | None = None) -> tuple[Speed, ...]:
    """The model on every profile that states its memory, at an estimate (default: the defaults)."""
    est = est or estimate(catalog, model_id)
    if est is None:
        return ()
    return tuple(speed(catalog, p, est) for p in catalog.profiles.values() if p.capacity_gb)


# --- stated figures, checked ---------------------------------------------------------------------


@dataclass(frozen=True)
class Doubt:
    """Why a stated figure cannot be right: its weights alone need more memory than it states, or
    reading them per token takes longer than its speed allows."""

    what: Literal["memory", "speed"]
    params_b: float
    """The weights counted: all of them for memory, the active ones for speed."""
    bits: float
    needed_gb: float
    """Memory: what the weights alone need. Speed: what one token reads."""
    stated: float
    """The figure as stated: GB for memory, tokens per second for speed."""
    limit_tps: float | None = None
    """Speed: the most tokens per second the profile's bandwidth allows."""
    profile: schema.Profile | None = None


def doubts(catalog: Catalog, model: schema.Model, measurement: schema.Measurement) -> tuple[Doubt, ...]:
    """What is impossible about a measured or quoted figure, at its stated format; () when nothing
    is (or when its format is not stated, which leaves nothing to check against)."""
    found = formats(catalog)
    bits = found.least_bits(measurement.quantisation) if found and measurement.quantisation else None
    total = model.params.total
    if bits is None or total is None:
        return ()
    found_doubts = []
    stated = (measurement.ram_gb or 0) + (measurement.vram_gb or 0)
    needed = weights_gb(total.value, bits)
    if stated and stated < needed * found.doubt_below:  # type: ignore[union-attr]
        found_doubts.append(Doubt("memory", total.value, bits, needed, stated))
    profile = catalog.profiles.get(measurement.profile or "")
    active = model.params.active or (None if model.arch and model.arch.experts else total)
    if active and measurement.tokens_per_second and profile and profile.bandwidth_gb_s:
        per_token = weights_gb(active.value, bits)
        limit = profile.bandwidth_gb_s.value / per_token
        if measurement.tokens_per_second > limit:
            found_doubts.append(
                Doubt("speed", active.value, bits, per_token, measurement.tokens_per_second, limit, profile)
            )
    return tuple(found_doubts)


def doubted(catalog: Catalog, model: schema.Model, measurement: schema.Measurement, what: str) -> bool:
    return any(d.what == what for d in doubts(catalog, model, measurement))


def measured_gb(measurement: schema.Measurement, kind: MemoryKind) -> float | None:
    return measurement.ram_gb if kind == "ram" else measurement.vram_gb


# --- what a model needs, and where it fits -------------------------------------------------------


def basis(catalog: Catalog, est: Estimate) -> tuple[schema.Figure, ...]:
    """The sourced figures an estimate rests on, for citing it: the parameter count, the architecture
    and the format's bits per weight."""
    model = catalog.models[est.model_id]
    found = formats(catalog)
    quantisation = found.quantisations[est.quantisation] if found else None
    figures = [model.params.total, model.arch.layers if model.arch else None]
    figures.append(quantisation.bits_per_weight if quantisation else None)
    return tuple(f for f in figures if f is not None)


@dataclass(frozen=True)
class Need:
    """The least memory of one kind the data shows a model running in: a plausible measurement, or the
    estimate at the defaults when it is smaller or nothing was measured."""

    gb: float
    kind: MemoryKind
    estimate: Estimate | None = None
    measurement: schema.Measurement | None = None
    cites: tuple[object, ...] = ()
    """What to cite beside the figure: the measurement, or the figures the estimate rests on."""

    @property
    def estimated(self) -> bool:
        return self.measurement is None

    @property
    def quantisation(self) -> str | None:
        return self.measurement.quantisation if self.measurement else self.estimate and self.estimate.quantisation


@per_catalog
def need(catalog: Catalog, model_id: str, kind: MemoryKind, context: int | None = None) -> Need | None:
    """None when the data neither measures it plausibly nor derives it. With a `context`, what the
    model needs to hold that many tokens: only measurements stated at that context or more count."""
    model = catalog.models[model_id]
    options = [
        Need(gb, kind, measurement=h, cites=(h,))
        for h in model.hardware
        if (gb := measured_gb(h, kind))
        and not doubted(catalog, model, h, "memory")
        and (context is None or (h.context_tokens or 0) >= context)
    ]
    if est := estimate(catalog, model_id, None, context, None):
        options.append(Need(est.total_gb, kind, estimate=est, cites=basis(catalog, est)))
    # On a tie the measurement wins: it is evidence, the estimate a model of it.
    return min(options, key=lambda n: (n.gb, n.estimated)) if options else None


def plausible_measured(catalog: Catalog, model: schema.Model, kind: MemoryKind = "ram") -> schema.Measurement | None:
    """The smallest measured figure of this kind that its weights allow: what a sentence comparing
    measurements may use (a doubted figure is shown, flagged, and decides nothing)."""
    found = [h for h in model.hardware if measured_gb(h, kind) and not doubted(catalog, model, h, "memory")]
    return min(found, key=lambda h: measured_gb(h, kind) or 0) if found else None


def fits(catalog: Catalog, model_id: str, gb: float, kind: MemoryKind, context: int | None = None) -> bool:
    """Whether the data shows the model running in this much memory of this kind (with `context`
    tokens, when given)."""
    found = need(catalog, model_id, kind, context)
    return bool(found and found.gb <= gb)


@dataclass(frozen=True)
class Placed:
    """How many models the hardware guide can place: those with a need of either kind."""

    placed: int
    models: int
    not_derived: tuple[schema.Model, ...]
    """Models without an architecture (or parameter count) and without a plausible measurement."""


def placed(catalog: Catalog) -> Placed:
    missing = tuple(
        m for m in catalog.models.values() if not need(catalog, m.id, "ram") and not need(catalog, m.id, "vram")
    )
    return Placed(len(catalog.models) - len(missing), len(catalog.models), missing)


# --- one model's page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    """A measured or quoted figure as a page shows it: with the profile it names and what is doubtful."""

    measurement: schema.Measurement
    profile: schema.Profile | None
    doubts: tuple[Doubt, ...]

    def doubted(self, what: str) -> tuple[Doubt, ...]:
        return tuple(d for d in self.doubts if d.what == what)


@dataclass(frozen=True)
class ModelMemory:
    """Everything a model's page says about memory and speed."""

    grid: Grid | None
    speeds: tuple[Speed, ...]
    measured: tuple[Measured, ...]
    basis: tuple[schema.Figure, ...]
    """The figures the estimates rest on, for citing them."""


@per_catalog
def model_memory(catalog: Catalog, model_id: str) -> ModelMemory:
    model = catalog.models[model_id]
    found = grid(catalog, model_id)
    measured = tuple(
        Measured(h, catalog.profiles.get(h.profile or ""), doubts(catalog, model, h)) for h in model.hardware
    )
    return ModelMemory(
        found,
        speeds(catalog, model_id) if found else (),
        measured,
        basis(catalog, found.default) if found else (),
    )


@dataclass(frozen=True)
class ModelRow:
    """A model in a table of several: its memory and speed bound on one profile as estimated at the
    defaults, beside what was measured on that profile (doubts included)."""

    model: schema.Model
    estimate: Estimate | None
    speed: Speed | None
    measured: Measured | None
    basis: tuple[schema.Figure, ...]

    @property
    def sourced(self) -> tuple[schema.Sourced, ...]:
        """Every figure the row shows, for its table's citations."""
        return (*self.basis, *((self.measured.measurement,) if self.measured else ()))

    @property
    def gb(self) -> float:
        """For ordering rows: the estimate, else the measured RAM (infinity when neither)."""
        if self.estimate:
            return self.estimate.total_gb
        found = self.measured.measurement.ram_gb if self.measured else None
        return found or float("inf")


def model_row(catalog: Catalog, model: schema.Model, profile: schema.Profile) -> ModelRow | None:
    """None when the model is neither derived nor measured on the profile."""
    est = estimate(catalog, model.id)
    measured = next((m for m in model_memory(catalog, model.id).measured if m.measurement.profile == profile.id), None)
    if est is None and measured is None:
        return None
    return ModelRow(
        model,
        est,
        speed(catalog, profile, est) if est and profile.capacity_gb else None,
        measured,
        basis(catalog, est) if est else (),
    )


def doubted_figures(catalog: Catalog) -> tuple[tuple[schema.Model, Measured], ...]:
    """Every measured or quoted figure the data cannot be right about, in model order."""
    found = []
    for model in catalog.models.values():
        found += [(model, m) for m in model_memory(catalog, model.id).measured if m.doubts]
    return tuple(found)


def not_derived(catalog: Catalog) -> tuple[schema.Model, ...]:
    """Models whose memory is not derived: no architecture (or no parameter count) in the data."""
    return tuple(m for m in catalog.models.values() if layout(catalog, m.id) is None)


# --- estimates against real files ----------------------------------------------------------------


@dataclass(frozen=True)
class FileCheck:
    """One real download set against the weights the estimate gives for it."""

    model: schema.Model
    file: schema.FileSize
    real_gb: float
    estimated_gb: float

    @property
    def error(self) -> float:
        """Relative error of the estimate: +0.05 is 5% more than the real file."""
        return self.estimated_gb / self.real_gb - 1


def real_gb(file: schema.FileSize) -> float:
    return file.size_gb if file.size_gb is not None else (file.size_gib or 0) * 2**30 / 1e9


@per_catalog
def file_checks(catalog: Catalog) -> tuple[FileCheck, ...]:
    """Every `files:` size with an estimable format, in model order: the weights' part of the estimate,
    which needs only the parameter count, against the real download."""
    found = formats(catalog)
    checks = []
    for model in catalog.models.values():
        total = model.params.total
        for f in model.files:
            bits = found.bits(f.quantisation) if found and f.quantisation else None
            if total and bits:
                checks.append(FileCheck(model, f, real_gb(f), weights_gb(total.value, bits)))
    return tuple(checks)


@dataclass(frozen=True)
class Accuracy:
    count: int
    mean_abs_error: float
    worst: FileCheck


def accuracy(catalog: Catalog) -> Accuracy | None:
    """How close the weights estimate comes to the real files: what the methods page states."""
    checks = file_checks(catalog)
    if not checks:
        return None
    mean = sum(abs(c.error) for c in checks) / len(checks)
    return Accuracy(len(checks), mean, max(checks, key=lambda c: abs(c.error)))

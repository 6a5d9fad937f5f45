"""The one schema of every data file: what an editor may write, typed, with its limits.

Each class is one kind of mapping in data/. The validator checks files against these classes, and the
JSON Schemas that editors' tools read are exported from them, so the two can never disagree.
Field descriptions double as editor documentation (they show up as hover text via the JSON Schema).
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from collections.abc import Iterator
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

T = TypeVar("T")

# Each pattern an editor can miss, with what it means in words: validate.py says these instead of the
# regular expression, and the JSON Schema gives them to editors' tools as `patternErrorMessage`.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
URL_PATTERN = r"^\S+$"
# Ollama names a model `name` or `namespace/name` (`hf.co/<user>/<repo>` for Hugging Face), lower
# case, and its tags as makers publish them, capitals included: `mistral-small:24b-instruct-2501-q4_K_M`.
OLLAMA_PATTERN = r"^[a-z0-9][a-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*){0,2}(:[A-Za-z0-9][A-Za-z0-9._-]*)?$"
QUANT_PATTERN = r"^[a-z0-9]+(_[a-z0-9]+)*$"
PATTERN_WORDS = {  # what a value must be, and how it is written
    SLUG_PATTERN: ("an id", "lower-case letters and digits, in words joined by single hyphens, e.g. `gemma-4-26b`"),
    QUANT_PATTERN: (
        "a format id",
        "lower-case letters and digits joined by underscores, as data/memory.yaml writes them, e.g. `q4_k_m`",
    ),
    COLOUR_PATTERN: ("a colour", "`#` and six hexadecimal digits, e.g. `#4285f4`"),
    URL_PATTERN: ("a link", "no spaces (write a space as %20)"),
    OLLAMA_PATTERN: (
        "an Ollama tag",
        "the model name in lower case (letters, digits, `.`, `_`, `-`, a namespace before a `/`), then "
        "optionally `:` and the tag as published, e.g. `qwen3:8b` or `mistral-small:24b-instruct-2501-q4_K_M`",
    ),
}


def _pattern(regex: str) -> dict[str, object]:
    what, rule = PATTERN_WORDS[regex]
    return {"patternErrorMessage": f"{what[0].upper()}{what[1:]} is written with {rule}."}


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(
        description="Lower-case id: letters, digits and single hyphens, e.g. `gemma-4-26b`.",
        json_schema_extra=_pattern(SLUG_PATTERN),
    ),
]
# The JSON Schema pattern (editors only) says what strip_whitespace + min_length mean: not blank.
_NOT_BLANK = {"pattern": r"\S"}
Text = Annotated[
    str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True), Field(json_schema_extra=_NOT_BLANK)
]
ShortText = Annotated[
    str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True), Field(json_schema_extra=_NOT_BLANK)
]
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


# Dates a figure can have. Outside them the chart library and MkDocs' sitemap fail (0001-01-01,
# 9999-12-31, 2204-12-13); dates after the build's reference day are refused by the validator.
FIRST_DATE, LAST_DATE = datetime.date(1970, 1, 1), datetime.date(2100, 12, 31)


def _date_text(value: object) -> object:
    """Only YYYY-MM-DD text is a date: pydantic alone would also take 0 (1970) or a date-time."""
    if isinstance(value, datetime.date) or (isinstance(value, str) and re.match(_ISO_DATE, value)):
        return value
    raise PydanticCustomError("date_parsing", "a date is written YYYY-MM-DD")


def _plausible_date(value: datetime.date) -> datetime.date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(f"{value.isoformat()} is not a date a figure can have (from {FIRST_DATE} to {LAST_DATE})")
    return value


Date = Annotated[
    datetime.date,
    BeforeValidator(_date_text),
    AfterValidator(_plausible_date),
    Field(strict=False, description="A date written YYYY-MM-DD.", json_schema_extra={"pattern": _ISO_DATE}),
]
Colour = Annotated[str, StringConstraints(pattern=COLOUR_PATTERN), Field(json_schema_extra=_pattern(COLOUR_PATTERN))]


def _http_url(url: str) -> str:
    if not url.startswith(("https://", "http://")):
        raise ValueError("links must start with https:// or http://")
    return url


Url = Annotated[
    str,
    StringConstraints(max_length=500, pattern=URL_PATTERN),
    AfterValidator(_http_url),
    # What _http_url checks, for editors.
    Field(
        json_schema_extra={
            "pattern": r"^https?://\S+$",
            "patternErrorMessage": "A link starts with https:// or http:// and has no spaces.",
        }
    ),
]
Modality = Literal["text", "image", "audio", "video"]
Architecture = Literal["dense", "moe"]
OfferKind = Literal["local", "free_api", "paid_api"]
SourceKind = Literal["official", "official-partner", "third-party", "provider", "registry", "article"]
# Evaluation settings: the vocabulary a score's setting is written in (docs: CONTRIBUTING, "Scores").
Variant = Literal["base", "instruct", "reasoning"]
Effort = Literal["low", "medium", "high"]
SettingField = Literal["variant", "effort", "shots", "cot", "tools", "run_by"]


class Strict(BaseModel):
    """Base of every data mapping: unknown fields are errors, values are not coerced, objects frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class Sourced(Strict):
    """What every figure carries: where it comes from, in the source's own words."""

    source: Slug = Field(
        description="Id of a source under `sources:` in this file, or in data/catalog.yaml for one that "
        "several files cite."
    )
    quote: Text = Field(description="A short verbatim quote from the source that states the figure.")
    as_written: ShortText | None = Field(
        default=None,
        description="The exact words of the quote that state the value, when they write it otherwise "
        "(`~30B`, `0.8841` for 88.41 percent, `eight billion`).",
    )
    checked: Date | None = Field(default=None, description="When an editor last checked it against the source.")
    note: Text | None = Field(default=None, description="Prose for readers; never a second value (use `conflicts:`).")


class Conflicting(Strict, Generic[T]):
    """A value another source states for the same figure, kept beside the chosen one."""

    value: T
    source: Slug = Field(
        description="Id of a source under `sources:` in this file, or in data/catalog.yaml for one that "
        "several files cite."
    )
    quote: Text = Field(description="A short verbatim quote from that source that states its value.")
    as_written: ShortText | None = Field(default=None, description="The quote's own words for the value.")
    note: Text | None = None


class Disputed(Strict, Generic[T]):
    """A figure that other sources may contradict: the contradictions are data, with the reason for the choice."""

    conflicts: list[Conflicting[T]] = Field(
        default_factory=list, description="Values other sources state for the same figure; needs `chosen_because`."
    )
    chosen_because: Text | None = Field(
        default=None, description="Why `value` was chosen over the `conflicts` (required with them)."
    )


class Figure(Disputed[T], Sourced, Generic[T]):
    """One sourced value."""

    value: T
    approx: bool = Field(default=False, description="True when the source gives it as approximate, e.g. `~30B`.")


Params = Annotated[float, Field(gt=0, le=100_000, description="Billions of parameters.")]


class Parameters(Strict):
    total: Figure[Params] | None = None
    active: Figure[Params] | None = Field(default=None, description="Parameters active per token (MoE).")
    effective: Figure[Params] | None = Field(
        default=None, description="Effective parameters, as makers state them for edge models (e.g. Gemma `E2B`)."
    )


ScoreValue = Annotated[float, Field(ge=0, le=100_000)]


class Score(Disputed[ScoreValue], Sourced):
    """One benchmark result, with the evaluation settings that decide what it may be compared with.

    Leave a setting out when the source does not state it: "not stated" is a value of its own, and the
    comparability rule (data/criteria.yaml `comparable:`) decides what must match."""

    benchmark: Slug = Field(description="Id of a benchmark in data/catalog.yaml.")
    value: ScoreValue = Field(description="In the benchmark's unit (percent unless data/catalog.yaml says otherwise).")
    variant: Variant | None = Field(
        default=None, description="Which checkpoint was evaluated: `base`, `instruct` or `reasoning` (thinking mode)."
    )
    effort: Effort | None = Field(
        default=None, description="Reasoning effort (`low`, `medium`, `high`); only with `variant: reasoning`."
    )
    shots: int | None = Field(default=None, ge=0, le=1000, description="Examples in the prompt; 0 for zero-shot.")
    cot: bool | None = Field(default=None, description="True when chain-of-thought prompting was used.")
    tools: bool | None = Field(default=None, description="True when the model could call tools (search, code).")
    run_by: Slug | None = Field(
        default=None,
        description="Who ran the evaluation: `maker` (the model's maker), a maker id or an evaluator id from "
        "data/catalog.yaml. Leave it out to take it from the source (its `maker:` or `evaluator:`).",
    )
    metric: ShortText | None = Field(
        default=None, description="How the source names its metric (`pass@1`, `macro_avg/acc`): shown, never compared."
    )


QuantId = Annotated[
    str,
    StringConstraints(pattern=QUANT_PATTERN, max_length=40),
    Field(
        description="Id of a quantisation format in data/memory.yaml, e.g. `q4_k_m`, `q8_0`, `f16`.",
        json_schema_extra=_pattern(QUANT_PATTERN),
    ),
]


class Measurement(Sourced):
    """A model measured (or quoted) running: the memory it took and how fast it was, on what."""

    setting: ShortText | None = Field(default=None, description="How it was measured, when the source says.")
    profile: Slug | None = Field(default=None, description="Id of a hardware profile in data/catalog.yaml.")
    device: ShortText | None = Field(
        default=None, description="The hardware in the source's words, when no profile fits (shown, never compared)."
    )
    quantisation: QuantId | None = Field(
        default=None,
        description="Id of a format in data/memory.yaml: `q4_k_m`, `f16`; `q4` for 4-bit, format not stated.",
    )
    context_tokens: int | None = Field(default=None, gt=0, le=100_000_000, description="The context it ran with.")
    ram_gb: float | None = Field(default=None, gt=0, le=4096, description="System RAM it took, in GB.")
    vram_gb: float | None = Field(
        default=None, gt=0, le=4096, description="GPU memory it took, in GB (never put GPU memory in `ram_gb`)."
    )
    tokens_per_second: float | None = Field(default=None, gt=0, le=100_000)


OllamaTag = Annotated[
    str,
    StringConstraints(pattern=OLLAMA_PATTERN, max_length=200),
    Field(description="The name after `ollama run`.", json_schema_extra=_pattern(OLLAMA_PATTERN)),
]


# --- memory and speed: architecture, files, quantisation catalogue (data/memory.yaml) ------------
# What the memory and speed estimates are computed from (generator/derive/memory.py). Quantisation
# and KV-cache ids are written as llama.cpp writes them, lower-case: `q4_k_m`, `q8_0`, `f16`.

Count = Annotated[int, Field(gt=0, le=10_000_000_000)]
AttentionKind = Literal["full", "sliding", "local-global", "mla", "linear-hybrid"]
MemoryKind = Literal["system", "unified", "gpu"]


class Spec(Figure[T], Generic[T]):
    """One figure of an `arch:` block: its `source` defaults to the block's `source`."""

    source: Slug | None = Field(  # type: ignore[assignment]
        default=None, description="Id of a source, when not the `arch:` block's own `source`."
    )


class Attention(Strict):
    """How the layers attend, where not every layer attends to the whole context."""

    kind: AttentionKind = Field(
        description="`full` (every layer sees the whole context), `sliding` (every layer a window), "
        "`local-global` (windowed layers with one full layer every `global_every`), `mla` (multi-head latent "
        "attention: a compressed cache), `linear-hybrid` (linear-attention layers with one full layer every "
        "`global_every`)."
    )
    window: Spec[Count] | None = Field(
        default=None, description="Tokens a windowed layer keeps (sliding, local-global)."
    )
    global_every: Spec[Count] | None = Field(
        default=None, description="One full-attention layer per this many layers (local-global, linear-hybrid)."
    )
    global_kv_heads: Spec[Count] | None = Field(
        default=None, description="Key-value heads of the full-attention layers, where they differ (local-global)."
    )
    global_head_dim: Spec[Count] | None = Field(
        default=None, description="Head dimension of the full-attention layers' keys and values, where it differs."
    )
    kv_lora_rank: Spec[Count] | None = Field(default=None, description="Rank of the compressed key-value cache (mla).")
    rope_head_dim: Spec[Count] | None = Field(
        default=None, description="Rotary part of each key, cached beside it (mla)."
    )


class Arch(Strict):
    """A model's architecture, from the maker's configuration (`config.json`) or model card."""

    source: Slug = Field(description="Id of the source every figure of the block comes from, unless it names its own.")
    note: Text | None = Field(default=None, description="Prose for readers, e.g. which entry of the source it is.")
    layers: Spec[Count]
    hidden_size: Spec[Count]
    attention_heads: Spec[Count]
    kv_heads: Spec[Count] | None = Field(
        default=None,
        description="Key-value heads (grouped-query attention); leave out when the configuration states none "
        "(then every attention head has its own, as in multi-head and multi-head latent attention).",
    )
    head_dim: Spec[Count] | None = Field(
        default=None, description="Dimension of each head; leave out when it is hidden_size / attention_heads."
    )
    vocab_size: Spec[Count] | None = None
    tied_embeddings: Spec[bool] | None = Field(
        default=None, description="Input embeddings shared with the output layer."
    )
    attention: Attention | None = Field(
        default=None, description="Leave out when every layer attends to the full context."
    )
    kv_shared_layers: Spec[Count] | None = Field(
        default=None, description="Layers that reuse an earlier layer's key-value cache instead of holding their own."
    )
    experts: Spec[Count] | None = Field(default=None, description="Experts per MoE layer, in total.")
    experts_per_token: Spec[Count] | None = Field(default=None, description="Experts each token is routed to.")
    native_quantisation: Spec[QuantId] | None = Field(
        default=None, description="The format the maker releases the weights in, when quantised (e.g. `mxfp4`)."
    )

    @model_validator(mode="after")
    def _inherit_source(self) -> Arch:
        """Give every figure without a `source` the block's, so that later stages see ordinary figures."""

        def filled(block: Strict) -> dict[str, object]:
            updates: dict[str, object] = {}
            for name in type(block).model_fields:
                value = getattr(block, name)
                if isinstance(value, Spec) and value.source is None:
                    updates[name] = value.model_copy(update={"source": self.source})
                elif isinstance(value, Attention) and (inner := filled(value)):
                    updates[name] = value.model_copy(update=inner)
            return updates

        updates = filled(self)
        return self.model_copy(update=updates) if updates else self


class FileSize(Sourced):
    """The real size of one download of the model, as a registry lists it (e.g. one Ollama tag)."""

    quantisation: QuantId | None = Field(
        default=None,
        description="Leave out when the source does not name the file's format: the size is shown, "
        "but not set against an estimate.",
    )
    size_gb: float | None = Field(default=None, gt=0, le=100_000, description="In GB of 10^9 bytes, as Ollama lists.")
    size_gib: float | None = Field(
        default=None, gt=0, le=100_000, description="In GiB of 2^30 bytes, where the source counts so (Docker Hub)."
    )
    tag: ShortText | None = Field(default=None, description="The registry's name for the file, e.g. `qwen3:8b`.")


class Model(Strict):
    id: Slug
    name: ShortText = Field(description="Full display name, e.g. `Gemma 4 26B MoE`.")
    short_name: ShortText | None = Field(default=None, description="Name within its family, e.g. `26B MoE`.")
    aliases: list[Slug] = Field(default_factory=list, description="Old ids; their URLs redirect here.")
    released: Figure[Date] | None = None
    architecture: Figure[Architecture] | None = None
    params: Parameters = Field(default_factory=Parameters)
    context_tokens: Figure[Annotated[int, Field(gt=0, le=100_000_000)]] | None = None
    modalities: Figure[list[Modality]] | None = None
    license: Figure[ShortText] | None = Field(
        default=None, description="Only where it differs from the family's license (e.g. one model under another)."
    )
    ollama: Figure[OllamaTag] | None = None
    edge: Figure[bool] | None = Field(default=None, description="Built for phones and other on-device use.")
    scores: list[Score] = Field(default_factory=list)
    hardware: list[Measurement] = Field(default_factory=list)
    arch: Arch | None = Field(default=None, description="The architecture; without it, memory is not derived.")
    files: list[FileSize] = Field(default_factory=list, description="Real download sizes, per quantisation.")


Price = Annotated[float, Field(ge=0, le=10_000)]


class PastPrice(Sourced):
    """A price an offer had before: the JSON API gives the history, pages say when the price changed."""

    input_usd_per_mtok: Price | None = None
    output_usd_per_mtok: Price | None = None
    as_of: Date = Field(description="The day the source states it, or the day it was read.")


class Offer(Sourced):
    provider: Slug = Field(description="Id of a provider in data/catalog.yaml.")
    kind: OfferKind
    models: list[Slug] | None = Field(default=None, description="Which models; leave out for the whole family.")
    setting: ShortText | None = Field(default=None, description="What the price is for, e.g. `input on cache miss`.")
    input_usd_per_mtok: Price | None = None
    output_usd_per_mtok: Price | None = None
    as_of: Date | None = Field(
        default=None, description="The day the price was read or the source states; required with a price."
    )
    history: list[PastPrice] = Field(default_factory=list, description="Superseded prices, oldest first.")


class Languages(Strict):
    count: int = Field(gt=0, le=10_000)
    at_least: bool = Field(default=False, description="True for claims like `100+ languages`.")
    emphasis: ShortText | None = Field(default=None, description="Languages it is strongest in, e.g. `CJK`.")
    emphasis_languages: list[ShortText] = Field(default_factory=list, description="e.g. `[Chinese, Japanese, Korean]`.")


class Link(Strict):
    title: ShortText
    url: Url


class Source(Strict):
    id: Slug
    title: ShortText
    url: Url | None = Field(default=None, description="Leave out only for a source that is not online.")
    publisher: ShortText | None = None
    date: Date | None = Field(default=None, description="When the source was published.")
    kind: SourceKind = "official"
    maker: Slug | None = Field(
        default=None,
        description="Whose publication it is (a maker id in data/catalog.yaml). In a family file an official "
        "source defaults to the family's maker; in data/catalog.yaml an official source must state it.",
    )
    evaluator: Slug | None = Field(
        default=None, description="For a third party's evaluations: an evaluator id in data/catalog.yaml."
    )


class Family(Strict):
    """One file in data/families/: a model family with its models, figures, offers and sources."""

    schema_: str | None = Field(default=None, alias="$schema", description="Path of the JSON Schema (for editors).")
    id: Slug
    name: ShortText
    maker: Slug = Field(description="Id of a maker in data/catalog.yaml.")
    aliases: list[Slug] = Field(default_factory=list, description="Old ids; their URLs redirect here.")
    license: Figure[ShortText] | None = None
    released: Figure[Date] | None = None
    checked: Date | None = Field(default=None, description="When an editor last checked the whole family.")
    predecessor: Slug | None = None
    successor: Slug | None = None
    specialty: Literal["coding", "math"] | None = Field(
        default=None, description="Set for a dedicated variant family such as a coder model."
    )
    variants: Figure[list[Slug]] | None = Field(default=None, description="Ids of dedicated variant families.")
    languages: Figure[Languages] | None = None
    modalities: Figure[list[Modality]] | None = Field(
        default=None, description="Family-wide input modalities, when the source states them for the family."
    )
    context_tokens: Figure[Annotated[int, Field(gt=0, le=100_000_000)]] | None = Field(
        default=None, description="Family-wide maximum context, when the source states it for the family."
    )
    strengths: Figure[list[ShortText]] | None = None
    summary: Text | None = Field(default=None, description="One editorial sentence about the family.")
    links: list[Link] = Field(default_factory=list)
    models: list[Model] = Field(default_factory=list)
    offers: list[Offer] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)


class Maker(Strict):
    id: Slug
    name: ShortText
    colour: Colour = Field(description="Colour of the maker in charts, `#rrggbb`.")
    url: Url | None = None


class Category(Strict):
    id: Slug
    name: ShortText
    topic: ShortText = Field(description="How a sentence names it: `general reasoning`, `coding`.")
    use_case: ShortText | None = Field(
        default=None, description="Set to say `If <use_case> is your primary use case, X is the clear choice`."
    )
    mentions_languages: bool = Field(default=False, description="Compare the families' language claims here.")


class Benchmark(Strict):
    id: Slug
    name: ShortText
    subtitle: ShortText | None = Field(default=None, description="Shown after the name, e.g. `multilingual math`.")
    category: Slug
    unit: Literal["percent", "score", "elo"] = "percent"
    higher_is_better: bool = True
    url: Url | None = None


Capacity = Annotated[float, Field(gt=0, le=100_000)]


class Evaluator(Strict):
    """A third party that runs benchmarks (a leaderboard, a lab): who `run_by` can name besides makers."""

    id: Slug
    name: ShortText
    url: Url | None = None


class Profile(Strict):
    """A kind of hardware readers run models on: its memory and how fast the memory is read."""

    id: Slug
    name: ShortText = Field(description="How a table header names it, e.g. `laptop CPU`.")
    description: Text | None = None
    memory: MemoryKind | None = Field(
        default=None,
        description="Where the model lives: `system` RAM (CPU), `unified` memory (Apple) or `gpu` memory (VRAM).",
    )
    capacity_gb: Figure[Capacity] | None = Field(default=None, description="Memory of that kind, in GB.")
    bandwidth_gb_s: Figure[Capacity] | None = Field(default=None, description="Memory bandwidth, in GB/s.")


class Provider(Strict):
    id: Slug
    name: ShortText
    url: Url | None = None


class Note(Strict):
    """Editorial prose for one section of a comparison, shown only while the data still agrees with it."""

    section: Literal[
        "intro",
        "sizes",
        "matchup",
        "general",
        "coding",
        "multilingual",
        "math",
        "hardware",
        "api",
        "variants",
        "community",
        "pick",
    ]
    text: Text
    when_leader: Slug | None = Field(
        default=None, description="Show only while this family leads the section (a family id)."
    )


class PickEdit(Strict):
    """An editor's change to one pair's "Which should you pick" lists: reword or drop a computed item
    (by `criterion`), or add an item of prose to one side (by `side`)."""

    criterion: Slug | None = Field(default=None, description="Id of the criterion whose item this changes.")
    side: Slug | None = Field(default=None, description="Family id whose list gets the added item `pick`.")
    drop: bool = Field(default=False, description="Leave the criterion's item out of this pair's lists.")
    pick: Text | None = Field(default=None, description="The item's wording; placeholders as in data/criteria.yaml.")
    evidence: Text | None = Field(default=None, description="The proof after the colon; placeholders allowed.")
    why: Text | None = Field(default=None, description="For reviewers: why this pair needs the change (not shown).")


class Comparison(Strict):
    """One file in data/comparisons/: a curated pair with its editorial text."""

    schema_: str | None = Field(default=None, alias="$schema")
    families: Annotated[list[Slug], Field(min_length=2, max_length=2)] = Field(
        description="The two family ids, in the order the page presents them."
    )
    matchup: Annotated[list[Slug], Field(min_length=2, max_length=2)] | None = Field(
        default=None, description="The two model ids of the most interesting matchup, in the same order."
    )
    title: ShortText | None = None
    featured: bool = False
    notes: list[Note] = Field(default_factory=list)
    picks: list[PickEdit] = Field(default_factory=list, description="Edits of the computed pick lists.")
    sources: list[Source] = Field(default_factory=list)


class Shared(Strict):
    """data/catalog.yaml: the things every family refers to."""

    schema_: str | None = Field(default=None, alias="$schema")
    makers: list[Maker]
    categories: list[Category]
    benchmarks: list[Benchmark]
    profiles: list[Profile]
    providers: list[Provider]
    evaluators: list[Evaluator] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)


def _rising(bounds: list[float]) -> list[float]:
    """Class bounds in rising order, each once: a class between two equal bounds would be empty."""
    for low, high in itertools.pairwise(bounds):
        if high <= low:
            raise ValueError(f"the bounds must rise: {high:g} follows {low:g}")
    return bounds


class Site(Strict):
    """data/site.yaml: settings of the whole site and the thresholds its verdicts use."""

    schema_: str | None = Field(default=None, alias="$schema")
    title: ShortText
    description: Text
    limited_ram_gb: float = Field(gt=0, le=4096, description="The `limited hardware` line, e.g. 8 GB.")
    ram_tiers_gb: list[Annotated[float, Field(gt=0, le=4096)]]
    size_classes_b: Annotated[
        list[Annotated[float, Field(gt=0, le=100_000)]], AfterValidator(_rising), Field(min_length=1)
    ] = Field(
        description="Upper bounds, in billions of total parameters, of the size classes that the tables' "
        "filters offer: [4, 15, 40] gives up to 4B, 4B to 15B, 15B to 40B and over 40B."
    )
    speed_profile: Slug = Field(description="Hardware profile whose tokens/s the verdicts compare.")
    edge_profile: Slug = Field(
        description="Hardware profile of on-device use: the edge pick says a family has no such model only "
        "when none of its models could run in this profile's memory."
    )
    close_size_ratio: float = Field(gt=1, le=100, description="Two models this close in size are direct competitors.")
    stale_after_days: int = Field(gt=0, le=36_500)


Measure = Literal[
    "category", "variants", "ram", "modalities", "context", "edge", "speed", "free_api", "price", "license", "languages"
]

# The {placeholders} each measure fills, so that wording is checked when the data is validated rather
# than when a page happens to render it. Every measure also fills {winner} and {loser} (family names).
_SCORES = ("benchmark", "winner_model", "loser_model", "winner_value", "loser_value")
PLACEHOLDERS: dict[str, frozenset[str]] = {
    measure: frozenset(("winner", "loser", *names))
    for measure, names in {
        "category": _SCORES,
        "variants": ("variants", "winner_value", "loser_value"),
        "ram": ("limit", "winner_model", "loser_model", "winner_value", "loser_value", "loser_gb"),
        "modalities": ("winner_value", "loser_value"),
        "context": ("winner_value", "loser_value"),
        "edge": ("winner_value",),
        "speed": ("winner_model", "loser_model", "winner_value", "loser_value", "profile"),
        "free_api": ("winner_value",),
        "price": ("winner_value", "loser_value"),
        "license": ("winner_value", "loser_value", "winner_tier", "loser_tier"),
        "languages": ("winner_value", "loser_value"),
    }.items()
}
# Only the emphasis wording of a multilingual win may name the winner's emphasis ("CJK").
EMPHASIS_PLACEHOLDERS = frozenset(("emphasis",))
# A category won through a dedicated variant names the variant family and how the family's own models fare.
VARIANT_PLACEHOLDERS = frozenset(("variant", "own"))


class Criterion(Strict):
    """One reason to pick a family, how it is measured from the data, and how it is worded."""

    id: Slug
    measure: Measure = Field(description="Which figures decide it; see docs/data-and-methods.")
    category: Slug | None = Field(default=None, description="For `category`: the benchmark category.")
    threshold: float = Field(
        ge=0,
        le=1000,
        description="Smallest difference that counts: points for `category`, a ratio for `context`, "
        "`speed` and `price`, a count for `variants` and `modalities`.",
    )
    pick: Text = Field(description="The reason as a reader's need, e.g. `Coding is your primary use case`.")
    pick_with_emphasis: Text | None = Field(
        default=None, description="Used instead of `pick` when the winner states a language emphasis ({emphasis})."
    )
    evidence: Text = Field(description="The proof; placeholders are filled from the data, see docs.")
    evidence_with_variant: Text | None = Field(
        default=None,
        description="For `category`: the proof when the lead comes from the winner's dedicated variant family "
        "({variant}); {own} says how the family's own models fare. Without it, `evidence` is used.",
    )
    evidence_estimated: Text | None = Field(
        default=None,
        description="For `speed`: the proof when no trusted measurement decides, from the parameters each "
        "token reads ({winner_value}, {loser_value}: active parameters), which bound the speed on any "
        "hardware. Without it, speed is decided by measurements alone.",
    )
    evidence_unlisted: Text | None = Field(
        default=None,
        description="For `free_api`: the proof when the other family has no paid API on record either (its "
        "sources list only its weights). Without it, such a pair gets no free-API reason.",
    )
    use_both: Text | None = Field(
        default=None, description="How the winner's model is used when both families are worth using."
    )
    counter: Text | None = Field(
        default=None,
        description="What the losing side gets instead when it wins on quality, e.g. `You have {loser}+ GB RAM`.",
    )


class LicenseTier(Strict):
    """One step of the permissiveness order: licenses that allow the same, named as families write them."""

    name: ShortText = Field(description="How a reason names the tier, e.g. `permissive open-source`.")
    licenses: list[ShortText] = Field(min_length=1, description="License names exactly as families write them.")


class Comparable(Strict):
    """Which evaluation settings two scores must share to be compared (decide a winner, share a ranking)."""

    must_match: list[SettingField] = Field(
        min_length=1, description="Settings that must be equal; not stated counts as a value of its own."
    )
    match_if_stated: list[SettingField] = Field(
        default_factory=list, description="Settings that must be equal when both scores state them."
    )


class UnitMargins(Strict):
    """A margin in each benchmark unit: points of a percentage or a score, and rating points."""

    percent: float = Field(ge=0, le=100)
    score: float = Field(ge=0, le=100_000)
    elo: float = Field(ge=0, le=100_000)


class Verdicts(Strict):
    """How far apart two comparable scores must be to say one is higher, and to say it strongly."""

    tie_margin: UnitMargins = Field(description="A smaller difference on a benchmark is a tie: nobody wins it.")
    strong_margin: UnitMargins = Field(
        description="Strength words (`decisively`, `the clear choice`) need every shared comparable "
        "benchmark won by at least this much."
    )
    strong_min_benchmarks: int = Field(
        ge=1, le=100, description="... and at least this many distinct shared comparable benchmarks."
    )


class Criteria(Strict):
    """data/criteria.yaml: the reasons the "Which should you pick" lists are made of, in order."""

    schema_: str | None = Field(default=None, alias="$schema")
    comparable: Comparable
    verdicts: Verdicts
    criteria: list[Criterion]
    licenses: list[LicenseTier] = Field(
        default_factory=list,
        description="Licenses from most to least permissive, for the `license` measure; a license not listed "
        "is not judged.",
    )


class GuideOption(Strict):
    """One answer to a guide question, and what it asks of a model: filters narrow the candidates,
    preferences order them."""

    id: Slug
    label: ShortText
    max_ram_gb: float | None = Field(
        default=None, gt=0, le=4096, description="Only models that fit in this much RAM (measured, else estimated)."
    )
    modalities: list[Modality] = Field(default_factory=list, description="Only families that take all of these.")
    min_context: int | None = Field(
        default=None, gt=0, le=100_000_000, description="Only families with at least this context."
    )
    prefer_languages: list[ShortText] = Field(
        default_factory=list, description="Rank families that state an emphasis on one of these languages first."
    )
    rank_by: Slug | None = Field(default=None, description="Rank by this benchmark category (an id in catalog.yaml).")


class GuideQuestion(Strict):
    id: Slug
    ask: ShortText = Field(description="The question as a reader reads it.")
    options: list[GuideOption] = Field(min_length=2)


class Guide(Strict):
    """data/guide.yaml: the questions of the "Which model should I pick?" guide and its picker, in order.

    The tree is computed: a question is asked only where its answers lead to different models."""

    schema_: str | None = Field(default=None, alias="$schema")
    title: ShortText
    intro: Text | None = None
    recommend: int = Field(default=3, gt=0, le=10, description="How many models a leaf names at most.")
    unranked: ShortText = Field(
        default="These fit, but no benchmark in the data ranks them for this use",
        description="Said before the models of a leaf where no candidate has a score to rank it by.",
    )
    nothing_fits: ShortText = Field(
        default="No model in the data is known to fit all of these answers",
        description="Said at a leaf where no model fits (or none has the figures to show it fits).",
    )
    questions: list[GuideQuestion] = Field(min_length=1)


class Ranking(Strict):
    """One use-case ranking page: which models qualify and in which order, both stated on the page."""

    id: Slug = Field(description="Its address: `/best/<id>/`.")
    title: ShortText = Field(description="The page title, e.g. `Best models for coding locally`.")
    summary: Text | None = Field(default=None, description="One sentence saying who the ranking is for.")
    local: bool = Field(
        default=False,
        description="Only models that run locally (an Ollama tag, a hardware measurement or a local offer).",
    )
    max_ram_gb: float | None = Field(
        default=None, gt=0, le=4096, description="Only models that fit in this much RAM (measured, else estimated)."
    )
    rank_by: Annotated[list[Slug], Field(min_length=1)] = Field(
        description="Benchmark ids: ranked by the first; models without it follow, ranked by the next, and so on."
    )
    featured: bool = Field(default=False, description="Listed among the guides on the home page.")


class Rankings(Strict):
    """data/rankings.yaml: the use-case rankings and the order of the hardware guide's RAM tiers."""

    schema_: str | None = Field(default=None, alias="$schema")
    ram_tiers_rank_by: Annotated[list[Slug], Field(min_length=1)] = Field(
        description="Benchmark ids ordering the models of each RAM tier, as `rank_by` does for a ranking."
    )
    rankings: list[Ranking] = Field(default_factory=list)


class QuantFormat(Strict):
    """A format the weights are stored in, with the bits each weight takes on average."""

    id: QuantId
    name: ShortText = Field(description="As llama.cpp and Ollama write it, e.g. `Q4_K_M`.")
    description: Text | None = None
    bits_per_weight: Figure[Annotated[float, Field(gt=0, le=64)]] | None = Field(
        default=None, description="Average bits per weight of a whole model file (its mixtures included)."
    )
    nominal_bits: float | None = Field(
        default=None,
        gt=0,
        le=64,
        description="For a label that states only a bit count (`4-bit, format not stated`): a lower bound for "
        "checking figures, never used for an estimate.",
    )
    shown: Literal["always", "native", "never"] = Field(
        default="always",
        description="Which models' tables list it: all, only those whose maker releases the weights in it "
        "(`native`), or none (a format the same size as another, e.g. BF16 beside F16).",
    )


class KvType(Strict):
    """A type the key-value cache is stored in (llama.cpp `--cache-type-k` / `--cache-type-v`)."""

    id: QuantId
    name: ShortText
    bits_per_value: Figure[Annotated[float, Field(gt=0, le=64)]]


class Assumption(Strict):
    """A number the estimates assume where no source states one: said as such, with the reasoning."""

    value: Annotated[float, Field(ge=0, le=1000)]
    why: Text = Field(description="Why this value: what it stands for and what it leaves out.")


class MemoryDefaults(Strict):
    quantisation: QuantId = Field(description="The format tables and tiers assume, e.g. `q4_k_m`.")
    context_tokens: Count = Field(description="The context tables and tiers assume, e.g. 8192.")
    kv_type: QuantId = Field(description="The key-value cache type assumed, e.g. `f16`.")


class MemoryCatalog(Strict):
    """data/memory.yaml: what memory and speed estimates assume: formats, cache types, overhead, contexts."""

    schema_: str | None = Field(default=None, alias="$schema")
    quantisations: Annotated[list[QuantFormat], Field(min_length=1)]
    kv_types: Annotated[list[KvType], Field(min_length=1)]
    overhead_gb: Assumption = Field(
        description="Memory the runtime needs besides weights and cache (compute buffers), in GB: an assumption."
    )
    contexts: Annotated[list[Count], Field(min_length=1)] = Field(
        description="Context lengths the tables show, in tokens, besides each model's maximum."
    )
    defaults: MemoryDefaults
    doubt_below: float = Field(
        default=0.9,
        gt=0,
        le=1,
        description="A stated memory figure is doubted when below this share of what its weights alone need "
        "(parameter counts are rounded, `8B` for 8.19B, and sources mix GB and GiB).",
    )
    vram_tiers_gb: list[Capacity] = Field(
        default_factory=list, description="GPU memory tiers of the hardware guide, in GB (system RAM: site.yaml)."
    )


def walk(obj: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """Every schema object inside obj (and obj itself, and every value) with its path as written in
    the file, depth first in field order. A loop over a stack, not a recursion of generators: the data
    checks walk every file, and each level of nested generators cost every value it passed up."""
    stack: list[tuple[tuple[str | int, ...], object]] = [(path, obj)]
    while stack:
        path, obj = stack.pop()
        yield path, obj
        if isinstance(obj, BaseModel):
            stack.extend(((*path, key), getattr(obj, name)) for name, key in reversed(fields_of(type(obj))))
        elif isinstance(obj, list):
            stack.extend(((*path, i), obj[i]) for i in range(len(obj) - 1, -1, -1))


@functools.cache
def fields_of(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """A model's fields in order: (attribute, key as written in the file)."""
    return tuple((name, info.alias or name) for name, info in cls.model_fields.items())


FILE_KINDS: dict[str, type[Strict]] = {
    "site": Site,
    "criteria": Criteria,
    "catalog": Shared,
    "family": Family,
    "comparison": Comparison,
    "rankings": Rankings,
    "guide": Guide,
    "memory": MemoryCatalog,
}

"""`python -m generator new family <id>` and `new model <family-id> <model-id>`: a file ready to fill.

The scaffold writes every field of the schema with its source fields, each value left empty with a
comment that gives its form (`# e.g. 2026-04-02; …`). Empty values are errors, so an unfilled
scaffold never validates: the validator lists every value still to fill (or block to delete) with
its line. Filling each empty value the way its `e.g.` shows gives a valid file; a test does exactly
that. Ids offered as examples are read from data/catalog.yaml, so the hints match the data.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.load import LoadError, load_file

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# A placeholder line: `key:` with no value and a comment starting `e.g.`; the example runs up to `; `.
PLACEHOLDER = re.compile(r"^(?P<lead>\s*(?:- )?[a-z_]+:)\s+# e\.g\. (?P<example>.+?)(?:; .*)?$")


class ScaffoldError(Exception):
    """A request the scaffold refuses, with what to do instead."""


@dataclass(frozen=True)
class Ids:
    """The ids of data/catalog.yaml, for hints and examples."""

    makers: tuple[str, ...]
    benchmarks: tuple[str, ...]
    profiles: tuple[str, ...]
    providers: tuple[str, ...]
    sources: tuple[str, ...]

    @staticmethod
    def read(root: Path) -> Ids:
        try:
            data = load_file(root / "data" / "catalog.yaml", "data/catalog.yaml").data
        except (LoadError, FileNotFoundError):
            data = {}

        def ids(key: str) -> tuple[str, ...]:
            entries = data.get(key) if isinstance(data, dict) else None
            found = tuple(e["id"] for e in entries or [] if isinstance(e, dict) and isinstance(e.get("id"), str))
            return found or ("<id>",)

        return Ids(ids("makers"), ids("benchmarks"), ids("profiles"), ids("providers"), ids("sources"))


def _one_of(ids: tuple[str, ...]) -> str:
    return f"{ids[0]}; one of: {', '.join(ids)} (data/catalog.yaml)"


def _check_slug(kind: str, ident: str) -> None:
    if not SLUG.match(ident) or len(ident) > 80:
        raise ScaffoldError(f"{ident!r} is not a valid {kind} id (lower-case letters, digits and single hyphens)")


def _title(ident: str) -> str:
    """A guess at a display name for the `e.g.`: `llama-4-scout` -> `Llama 4 Scout`."""
    return " ".join(part.capitalize() if part.isalpha() else part.upper() for part in ident.split("-"))


def _figure(indent: str, key: str, example: str, source: str, quote: str, hint: str = "") -> str:
    """A sourced figure as a block: value, source and quote. The quote's example states the value's,
    as the validator asks of every quote."""
    why = f"; {hint}" if hint else ""
    return (
        f"{indent}{key}:\n"
        f"{indent}  value:  # e.g. {example}{why}\n"
        f"{indent}  source: {source}\n"
        f'{indent}  quote:  # e.g. "{quote}"; the source\'s own words, copied verbatim\n'
    )


def _spec(key: str, example: str, config_key: str) -> str:
    """A figure of an `arch:` block: value and quote (the block's source covers it)."""
    return (
        f"      {key}:\n"
        f'        value:  # e.g. {example}; "{config_key}" in config.json\n'
        f'        quote:  # e.g. "\\"{config_key}\\": {example},"; the line of the configuration, copied verbatim\n'
    )


def cite(source: str | None, ids: Ids) -> str:
    """What follows `source:`: the id when known, else a placeholder naming the shared sources."""
    return source or f" # e.g. {ids.sources[0]}; an id under `sources:` in this file or data/catalog.yaml"


def model_block(model_id: str, source: str | None, ids: Ids) -> str:
    """One entry of a family's `models:` list, indented to sit under `models:`."""
    source = cite(source, ids)
    return f"""\
  - id: {model_id}
    name:  # e.g. {_title(model_id)}; the full display name
    short_name:  # e.g. 8B; the name within its family, as tables show it
    # aliases: [old-id]  # old ids of this model; their URLs redirect here
{_figure("    ", "released", "2026-04-02", source, "Released on April 2, 2026.", "YYYY-MM-DD")}\
{_figure("    ", "architecture", "dense", source, "A dense decoder-only transformer.", "dense or moe")}\
    params:  # delete the sizes the source does not give
{_figure("      ", "total", "8", source, "8B parameters in total", "billions of parameters; add `approx: true` for ~8B")}\
{_figure("      ", "active", "8", source, "8B active parameters", "billions active per token; for MoE models")}\
{_figure("      ", "effective", "8", source, "8B effective parameters", "billions, for makers that state effective size (E2B)")}\
{_figure("    ", "context_tokens", "131072", source, "Context length: 128K tokens", "the maximum context in tokens (128K = 131072)")}\
{_figure("    ", "modalities", "[text, image]", source, "Input: text and image", "inputs, from text, image, audio, video")}\
{_figure("    ", "ollama", "model:8b", source, "ollama run model:8b", "the tag after `ollama run`")}\
{_figure("    ", "edge", "false", source, "on_device: false", "true if built for phones and other on-device use; a quote that says it in words gets `as_written:` with those words")}\
    scores:  # one entry per benchmark the source reports
      - benchmark:  # e.g. {_one_of(ids.benchmarks)}
        value:  # e.g. 71.5; percent benchmarks go from 0 to 100
        variant:  # e.g. instruct; base, instruct or reasoning: the checkpoint the source evaluated
        # effort: high  # reasoning effort, with variant reasoning only: low, medium or high
        # shots: 5  # examples in the prompt; 0 for zero-shot
        # cot: true  # true when chain of thought was used, false when the source says it was not
        # tools: false  # true when tools were allowed, false when the source says they were not
        # run_by: maker  # who ran it, when not the source's publisher: maker, a maker id or an evaluator id
        # metric: pass@1  # the source's name for its metric, shown beside the score
        source: {source}
        quote:  # e.g. "MMLU-Pro | 71.5"; the table row or sentence with the score, copied verbatim
    arch:  # from the maker's config.json or model card; delete if the maker publishes none
      source: {source}
{_spec("layers", "32", "num_hidden_layers")}\
{_spec("hidden_size", "4096", "hidden_size")}\
{_spec("attention_heads", "32", "num_attention_heads")}\
{_spec("kv_heads", "8", "num_key_value_heads")}\
      # head_dim, attention (sliding window, local/global layers), experts: see CONTRIBUTING.md
    hardware:  # measured memory and speed; delete if the source gives none
      - profile:  # e.g. {_one_of(ids.profiles)}; or `device:` in the source's words when none fits
        quantisation:  # e.g. q4_k_m; an id of data/memory.yaml (q4 when the source says only 4-bit)
        ram_gb:  # e.g. 6; system RAM it took, in GB (GPU memory goes in `vram_gb:`)
        tokens_per_second:  # e.g. 25
        source: {source}
        quote:  # e.g. "Q4_K_M uses 6 GB of RAM at 25 tokens per second"; the sentence with the measurement, copied verbatim
"""


def family_file(family_id: str, ids: Ids) -> str:
    """A whole data/families/<id>.yaml with every field, one model, one offer and one source."""
    source = f"{family_id}-announcement"
    return f"""\
# yaml-language-server: $schema=../../schema/family.json
# {_title(family_id)}: written by `python -m generator new family {family_id}`.
# Fill every empty value the way its `e.g.` shows, or delete the whole block when the source does not
# state it. Every figure needs `source` (an id under `sources:` below or in data/catalog.yaml) and
# `quote` (the source's own words). `make validate` lists what is still empty, with its line.
id: {family_id}
name:  # e.g. {_title(family_id)}
maker:  # e.g. {_one_of(ids.makers)}
# aliases: [old-id]  # old ids of this family; their URLs redirect here
# predecessor: family-id  # the family this one replaces
# successor: family-id  # the family that replaced this one
# specialty: coding  # only for a dedicated variant family: coding or math
# variants: {{value: [family-id], source: {source}, quote: "…"}}  # ids of dedicated variant families
{_figure("", "license", "Apache 2.0", source, "Released under the Apache 2.0 license.")}\
{_figure("", "released", "2026-04-02", source, "Released on April 2, 2026.", "YYYY-MM-DD, the family's first release")}\
checked:  # e.g. 2026-04-02; the day you last checked every figure against its source
languages:
  value:
    count:  # e.g. 100; languages supported
    at_least: false  # true for claims like "100+ languages"
    # emphasis: CJK  # languages it is strongest in
    # emphasis_languages: [Chinese, Japanese, Korean]
  source: {source}
  quote:  # e.g. "It supports 100 languages."; the sentence with the language claim, copied verbatim
{_figure("", "modalities", "[text, image]", source, "Input: text and image", "family-wide inputs, from text, image, audio, video")}\
{_figure("", "context_tokens", "131072", source, "Context length: 128K tokens", "family-wide maximum context in tokens")}\
{_figure("", "strengths", "[coding, reasoning]", source, "Strongest at coding and reasoning", "what the source says it is strongest at")}\
summary:  # e.g. An open model family for coding and reasoning.; one editorial sentence
links:
  - title:  # e.g. Model card
    url:  # e.g. https://example.com/model-card

models:
{model_block(f"{family_id}-8b", source, ids)}
offers:  # where to run it: local runtimes, free and paid APIs
  - provider:  # e.g. {_one_of(ids.providers)}
    kind:  # e.g. paid_api; one of: local, free_api, paid_api
    # models: [{family_id}-8b]  # leave out when the offer covers the whole family
    input_usd_per_mtok:  # e.g. 0.1; USD per million input tokens (paid APIs only)
    output_usd_per_mtok:  # e.g. 0.4; USD per million output tokens (paid APIs only)
    as_of:  # e.g. 2026-04-02; the day you read the price, or the day the source states it
    source: {source}
    quote:  # e.g. "$0.10 input, $0.40 output per 1M tokens"; the price as the provider's page states it

sources:
  - id: {source}
    title:  # e.g. Introducing {_title(family_id)}; the title as published
    url:  # e.g. https://example.com/blog/{family_id}
    publisher:  # e.g. The maker's blog
    date:  # e.g. 2026-04-02; when it was published
    kind: official  # official, official-partner, third-party, provider, registry or article
    # maker: maker-id  # whose publication, when not this family's maker's (official sources default to it)
"""


def fill_examples(text: str) -> str:
    """Every empty value replaced by its `e.g.` example: what CONTRIBUTING.md asks an editor to do."""
    return "\n".join(
        f"{m['lead']} {m['example']}" if (m := PLACEHOLDER.match(line)) else line for line in text.split("\n")
    )


def new_family(root: Path, family_id: str) -> Path:
    _check_slug("family", family_id)
    path = root / "data" / "families" / f"{family_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} exists already; add a model with `new model {family_id} <id>`")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(family_file(family_id, Ids.read(root)), encoding="utf-8")
    return path


def new_model(root: Path, family_id: str, model_id: str) -> Path:
    """Insert a model block at the end of the family's `models:` list, keeping the rest byte for byte."""
    _check_slug("family", family_id)
    _check_slug("model", model_id)
    path = root / "data" / "families" / f"{family_id}.yaml"
    if not path.exists():
        raise ScaffoldError(f"no family file {path.relative_to(root)}; create it with `new family {family_id}`")
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^\s*-?\s*id:\s*{re.escape(model_id)}\s*$", text, re.MULTILINE):
        raise ScaffoldError(f"{path.relative_to(root)} already has the id {model_id!r}")
    source = _usual_source(text)
    path.write_text(insert_model(text, model_block(model_id, source, Ids.read(root))), encoding="utf-8")
    return path


def _usual_source(text: str) -> str | None:
    """The source the family's figures cite most often, which a new model most likely cites too."""
    cited = Counter(re.findall(r"\bsource:\s*([a-z0-9]+(?:-[a-z0-9]+)*)", text))
    return max(sorted(cited), key=lambda ident: cited[ident]) if cited else None


def insert_model(text: str, block: str) -> str:
    """The family text with `block` appended to its top-level `models:` list (created when missing)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"models:\s*(\[\s*\])?\s*(#.*)?$", line)), None)
    if start is None:
        end = _next_top_level(lines, 0, ("offers:", "sources:"))
        return "".join([*lines[:end], "models:\n", block, "\n", *lines[end:]])
    lines[start] = "models:\n"
    end = _next_top_level(lines, start + 1)
    while end > start + 1 and not lines[end - 1].strip():  # keep the blank line before the next key
        end -= 1
    separator = "\n" if end > start + 1 else ""
    return "".join([*lines[:end], separator, block, *lines[end:]])


def _next_top_level(lines: list[str], start: int, keys: tuple[str, ...] = ()) -> int:
    """Index of the first top-level key at or after start (one of `keys`, if given), else the end."""
    for i in range(start, len(lines)):
        line = lines[i]
        if line[:1].isalpha() and (not keys or line.startswith(keys)):
            return i
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return len(lines)

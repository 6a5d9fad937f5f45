"""Check every data file against the schema and every reference against the rest, reporting all errors.

Two passes, like MkDocs' config validation: each file on its own (types, fields, ranges), then the
files together (ids that must exist, ids that must be unique). Every error carries file:line:column
and says what would be right; nothing is built while any error remains.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import os
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import schema, validate_figures, validate_memory
from generator.consistency import check_consistency
from generator.errors import DataError, ErrorCollector, Location, relative_name, shown_number
from generator.load import LoadedFile, LoadError, Path_, load_file, not_a_file, shorten
from generator.plausibility import check_plausibility
from generator.wording import check_wording


@dataclass(frozen=True)
class Checked:
    """A file that passed its schema: the typed object and where its values came from."""

    kind: str
    file: LoadedFile
    obj: schema.Strict

    @functools.cached_property
    def nodes(self) -> tuple[tuple[Path_, object], ...]:
        """Every value in the file with its path (schema.walk), walked once for all the checks."""
        return tuple(schema.walk(self.obj))


def discover(data_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every entry of data/ with its kind, in a fixed order. Nothing is skipped, so that nothing is
    ignored in silence: unknown and hidden files are reported, links and pipes refused when read."""
    for path in _entries(data_dir):
        yield _kind_of(path.relative_to(data_dir)), path


def _entries(folder: Path) -> Iterator[Path]:
    """Files and other non-folders below `folder`, depth first in name order, never following a link
    (a link to a folder is an entry, reported as a link rather than walked)."""
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
            yield from _entries(Path(entry.path))
        else:
            yield Path(entry.path)


def _kind_of(relative: Path) -> str:
    parts = relative.parts
    if any(part.startswith(".") for part in parts):
        return "hidden"
    if relative.suffix not in (".yaml", ".yml"):
        return "unknown"
    if len(parts) == 1 and relative.stem in ("site", "catalog", "criteria", "guide", "rankings", "memory"):
        return relative.stem
    if len(parts) == 2 and parts[0] == "families":
        return "family"
    if len(parts) == 2 and parts[0] == "comparisons":
        return "comparison"
    return "unknown"


def check_files(data_dir: Path, root: Path, collector: ErrorCollector) -> list[Checked]:
    """Load and schema-check every file; errors go to the collector, good files are returned."""
    checked = []
    for kind, path in discover(data_dir):
        name = relative_name(path, root)
        if kind == "hidden":
            collector.add(Location(name), f"hidden file or folder in data/; {_ONLY_DATA}")
            continue
        problem = not_a_file(path)
        if problem:
            collector.add(Location(name), problem)
            continue
        if kind == "unknown":
            collector.add(
                Location(name),
                "not a known data file; expected data/site.yaml, data/catalog.yaml, data/criteria.yaml, "
                "data/guide.yaml, data/rankings.yaml, data/memory.yaml, "
                "data/families/<id>.yaml or data/comparisons/<a>-vs-<b>.yaml",
            )
            continue
        try:
            loaded = load_file(path, name)
        except LoadError as exc:
            collector.errors.append(exc.error)
            continue
        cls = schema.FILE_KINDS[kind]
        try:
            obj = cls.model_validate(loaded.data)
        except ValidationError as exc:
            collector.errors.extend(schema_errors(exc, loaded, cls))
            continue
        checked.append(Checked(kind, loaded, obj))
    for kind in ("site", "catalog", "criteria"):
        if not any(c.kind == kind for c in checked) and not _mentions(collector, f"data/{kind}.yaml"):
            collector.add(Location(relative_name(data_dir / f"{kind}.yaml", root)), f"missing: data/{kind}.yaml")
    if not any(c.kind == "family" for c in checked) and not _mentions(collector, "data/families/"):
        collector.add(
            Location(relative_name(data_dir / "families", root)),
            "no family file: a site needs at least one (write one with `make new-family ID=<id>`)",
        )
    return checked


_ONLY_DATA = "data/ holds only data files: delete it or move it out of data/"


def _mentions(collector: ErrorCollector, name: str) -> bool:
    return any(name in e.location.file for e in collector.errors)


# --- schema errors, translated for editors -------------------------------------------------------


def schema_errors(exc: ValidationError, loaded: LoadedFile, cls: type[BaseModel]) -> list[DataError]:
    """Turn pydantic's errors into file:line:column messages that say what would be right."""
    errors = []
    for err in exc.errors(include_url=False):
        path = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function-", "lax-"))))
        is_key = err["type"] == "extra_forbidden"
        location = loaded.place(path, key=is_key)
        errors.append(DataError(location, _message(err, path, cls)))
    return errors


def _message(err: Any, path: Path_, cls: type[BaseModel]) -> str:
    kind = err["type"]
    field = ".".join(str(p) for p in path) or "(top level)"
    given = err.get("input")
    if kind == "extra_forbidden":
        allowed = _field_names(cls, path[:-1])
        hint = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        maybe = f"; did you mean {hint[0]!r}?" if hint else f"; allowed here: {', '.join(allowed)}"
        return f"unknown field {path[-1]!r}{maybe}"
    if kind == "missing":
        return f"missing required field {path[-1]!r}" if path else "missing required field"
    if kind == "model_type" or kind == "dict_type":
        return f"{field}: expected a mapping of fields, got {_describe(given)}"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        hint = difflib.get_close_matches(str(given), options, n=1)
        maybe = f" (did you mean {hint[0]!r}?)" if hint else ""
        return f"{field}: {given!r} is not one of {', '.join(options)}{maybe}"
    if kind in _TYPE_WORDS:
        return f"{field}: expected {_TYPE_WORDS[kind]}, got {_describe(given)}{_quote_hint(kind, given)}"
    if kind == "string_pattern_mismatch":
        return f"{field}: {_pattern_words(err.get('ctx', {}).get('pattern', ''), given)}"
    if kind == "value_error":
        # Our own validators' messages are written for editors; pydantic prefixes them with "Value error, ".
        said = str(err.get("ctx", {}).get("error", err["msg"]))
        return f"{field}: {said}" if str(given) in said else f"{field}: {said} (got {_describe(given)})"
    if kind == "finite_number":
        return f"{field}: expected a finite number, got {_describe(given)}"
    return f"{field}: {err['msg'][0].lower()}{err['msg'][1:]} (got {_describe(given)})"


def _pattern_words(pattern: str, given: Any) -> str:
    """What a value must look like, in words and with an example, never as the regular expression."""
    what, rule = schema.PATTERN_WORDS.get(pattern, ("a valid value", "the form its description gives"))
    said = f"{shorten(str(given), 30)!r} is not {what}: {what} is written with {rule}"
    joiner = {schema.SLUG_PATTERN: "-", schema.QUANT_PATTERN: "_"}.get(pattern)
    if joiner:
        suggestion = re.sub(r"[^a-z0-9]+", joiner, str(given).lower()).strip(joiner)
        if suggestion and re.match(pattern, suggestion):
            said += f" (did you mean {suggestion!r}?)"
    return said


_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "date_type": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
}


def _quote_hint(kind: str, given: Any) -> str:
    if kind == "string_type" and isinstance(given, (int, float, bool)):
        return " (put it in quotes to keep it as text)"
    if kind in ("float_type", "int_type") and isinstance(given, str):
        return " (write the number without quotes or units)"
    if kind == "bool_type" and isinstance(given, str):
        return " (YAML 1.2: only true and false are booleans)"
    return ""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"number {shorten(shown_number(value))}"
    if isinstance(value, str):
        return f"text {shorten(value, 30)!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _field_names(cls: type[BaseModel], path: Path_) -> list[str]:
    """The fields allowed at a path of a schema class, following lists and nested models."""
    current: Any = cls
    for part in path:
        if isinstance(part, int):
            continue
        model = _model_in(current)
        if model is None or part not in _aliases(model):
            return []
        current = model.model_fields[_aliases(model)[part]].annotation
    model = _model_in(current)
    return sorted(_aliases(model)) if model else []


def _aliases(model: type[BaseModel]) -> dict[str, str]:
    return {(f.alias or name): name for name, f in model.model_fields.items()}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The first schema class found inside an annotation such as `list[Model] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation) if not isinstance(annotation, types.GenericAlias) else annotation.__args__:
        found = _model_in(arg)
        if found:
            return found
    return None


# --- references across files ---------------------------------------------------------------------


class _Ids:
    """Ids of one kind across all files, reporting duplicates where the second one is written."""

    def __init__(self, what: str, collector: ErrorCollector) -> None:
        self.what = what
        self.collector = collector
        self.places: dict[str, Location] = {}

    def add(self, ident: str, place: Location) -> None:
        first = self.places.get(ident)
        if first:
            self.collector.add(place, f"duplicate {self.what} id {ident!r} (first defined at {first})")
        else:
            self.places[ident] = place

    def require(self, ident: str | None, place: Location, field: str) -> None:
        if ident is None or ident in self.places:
            return
        # A near-certain typo gets the suggestion alone; a new id that only resembles one (gpqa-main,
        # gpqa-diamond) also gets how to add it.
        typo = difflib.get_close_matches(ident, list(self.places), n=1, cutoff=0.8)
        hint = typo or difflib.get_close_matches(ident, list(self.places), n=1)
        if typo:
            maybe = f"; did you mean {typo[0]!r}?"
        elif hint:
            maybe = f"; did you mean {hint[0]!r}? If it is a new one, {how_to_add(self.what, ident)}"
        else:
            maybe = f"; to add it, {how_to_add(self.what, ident)}"
        self.collector.add(place, f"{field}: no {self.what} has the id {ident!r}{maybe}")


# Where each kind of id is defined, for the message that says how to add a missing one.
_CATALOG_LISTS = {
    "maker": ("makers", schema.Maker),
    "category": ("categories", schema.Category),
    "benchmark": ("benchmarks", schema.Benchmark),
    "profile": ("profiles", schema.Profile),
    "provider": ("providers", schema.Provider),
}
_EXAMPLE_VALUES = {"colour": '"#rrggbb"', "category": "general", "topic": "general reasoning"}


def how_to_add(what: str, ident: str) -> str:
    """Where a missing id is defined, with the fields it needs (the schema's required ones) and an entry
    to copy; CONTRIBUTING.md has a worked example of each."""
    if what in _CATALOG_LISTS:
        key, cls = _CATALOG_LISTS[what]
        fields = [name for name, info in cls.model_fields.items() if info.is_required()]
        values = {"id": ident, "name": ident.replace("-", " ").title(), **_EXAMPLE_VALUES}
        entry = ", ".join(f"{name}: {values.get(name, '…')}" for name in fields)
        unit = " (and `unit: score` or `unit: elo` when it is not a percentage)" if what == "benchmark" else ""
        return f"write an entry under `{key}:` in data/catalog.yaml with {_and(fields)}{unit}, e.g. `- {{{entry}}}`"
    if what == "source":
        return (
            "write an entry under `sources:` at the end of this file (in data/catalog.yaml if several files cite "
            "it) with id, title, url, publisher, date and kind"
        )
    if what == "family":
        return f"write data/families/{ident}.yaml (`make new-family ID={ident}`)"
    if what == "model":
        return f"write it under its family's `models:` (`make new-model FAMILY=<family-id> ID={ident}`)"
    return f"add it where {what} ids are defined"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


class _Slugs:
    """Ids and aliases of families and models, which share the URL space of redirects.

    Two ids of the same kind are reported by that kind's registry; here only the clashes across
    kinds or with an alias, which would make two pages claim one address."""

    def __init__(self, collector: ErrorCollector) -> None:
        self.collector = collector
        self.seen: dict[str, tuple[Location, str]] = {}

    def add(self, ident: str, place: Location, what: str) -> None:
        if ident not in self.seen:
            self.seen[ident] = (place, what)
            return
        first, first_what = self.seen[ident]
        if first_what == what and what.endswith(" id"):
            return
        self.collector.add(
            place, f"{what} {ident!r} clashes with the {first_what} at {first}; ids and aliases must be unique"
        )


def check_references(checked: list[Checked], collector: ErrorCollector, today: datetime.date) -> None:
    """Ids unique per kind, every reference pointing at something that exists, no date after `today`."""
    kinds = ("maker", "category", "benchmark", "profile", "provider", "evaluator", "source")
    ids = {k: _Ids(k, collector) for k in kinds}
    ids["family"] = _Ids("family", collector)
    ids["model"] = _Ids("model", collector)
    ids["quantisation"] = _Ids("quantisation format", collector)
    ids["kv type"] = _Ids("key-value cache type", collector)
    slugs = _Slugs(collector)
    for item in checked:
        _register(item, ids, slugs)
        validate_memory.register(item.obj, item.file, ids)
    units = {b.id: b.unit for c in checked if isinstance(c.obj, schema.Shared) for b in c.obj.benchmarks}
    criteria = {c.id: c for item in checked if isinstance(item.obj, schema.Criteria) for c in item.obj.criteria}
    for item in checked:
        _check_item(item, ids, collector)
        if isinstance(item.obj, schema.Family):
            _check_percentages(item.obj, item.file, units, collector)
        validate_memory.check(item.obj, item.file, ids, collector)
        check_wording(item.obj, item.file, criteria, ids, collector)
        validate_figures.check(item.obj, item.file, item.nodes, ids, today, collector)
    if not collector.errors:  # relations, addresses and plausibility need every reference to resolve
        check_consistency(checked, collector)
        check_plausibility(checked, collector)


def _register(item: Checked, ids: dict[str, _Ids], slugs: _Ids) -> None:
    f, obj = item.file, item.obj
    if isinstance(obj, schema.Shared):
        for key, kind in (
            ("makers", "maker"),
            ("categories", "category"),
            ("benchmarks", "benchmark"),
            ("profiles", "profile"),
            ("providers", "provider"),
            ("evaluators", "evaluator"),
        ):
            for i, entry in enumerate(getattr(obj, key)):
                ids[kind].add(entry.id, f.place((key, i, "id")))
    if isinstance(obj, schema.Family):
        ids["family"].add(obj.id, f.place(("id",)))
        for ident, path in [(obj.id, ("id",))] + [(a, ("aliases", i)) for i, a in enumerate(obj.aliases)]:
            slugs.add(ident, f.place(path), "family id" if path == ("id",) else "family alias")
        for i, model in enumerate(obj.models):
            ids["model"].add(model.id, f.place(("models", i, "id")))
            slugs.add(model.id, f.place(("models", i, "id")), "model id")
            for j, alias in enumerate(model.aliases):
                slugs.add(alias, f.place(("models", i, "aliases", j)), "model alias")
    for i, source in enumerate(getattr(obj, "sources", [])):
        ids["source"].add(source.id, f.place(("sources", i, "id")))


def _check_item(item: Checked, ids: dict[str, _Ids], collector: ErrorCollector) -> None:
    f, obj = item.file, item.obj
    for path, node in item.nodes:
        if isinstance(node, schema.Sourced):
            ids["source"].require(node.source, f.place((*path, "source")), "source")
    if isinstance(obj, schema.Site):
        ids["profile"].require(obj.speed_profile, f.place(("speed_profile",)), "speed_profile")
        ids["profile"].require(obj.edge_profile, f.place(("edge_profile",)), "edge_profile")
    if isinstance(obj, schema.Shared):
        for i, bench in enumerate(obj.benchmarks):
            ids["category"].require(bench.category, f.place(("benchmarks", i, "category")), "category")
    if isinstance(obj, schema.Family):
        _check_family(obj, f, ids, collector)
    if isinstance(obj, schema.Comparison):
        _check_comparison(obj, f, ids, collector)
    if isinstance(obj, schema.Rankings):
        _check_rankings(obj, f, ids, collector)


def _check_family(fam: schema.Family, f: LoadedFile, ids: dict[str, _Ids], collector: ErrorCollector) -> None:
    expected = f"{fam.id}.yaml"
    if not f.name.endswith("/" + expected) and f.name != expected:
        collector.add(f.place(("id",)), f"family id {fam.id!r} must match its file name; rename the file to {expected}")
    ids["maker"].require(fam.maker, f.place(("maker",)), "maker")
    for field in ("predecessor", "successor"):
        ids["family"].require(getattr(fam, field), f.place((field,)), field)
    if fam.variants:
        for i, variant in enumerate(fam.variants.value):
            ids["family"].require(variant, f.place(("variants", "value", i)), "variants")
    own_models = {m.id for m in fam.models}
    for i, model in enumerate(fam.models):
        for j, score in enumerate(model.scores):
            place = f.place(("models", i, "scores", j, "benchmark"))
            ids["benchmark"].require(score.benchmark, place, "benchmark")
        for j, measurement in enumerate(model.hardware):
            place = f.place(("models", i, "hardware", j, "profile"))
            ids["profile"].require(measurement.profile, place, "profile")
    for i, offer in enumerate(fam.offers):
        ids["provider"].require(offer.provider, f.place(("offers", i, "provider")), "provider")
        for j, model_id in enumerate(offer.models or []):
            if model_id not in own_models:
                collector.add(
                    f.place(("offers", i, "models", j)),
                    f"models: {model_id!r} is not a model of {fam.id}; expected one of {', '.join(sorted(own_models))}",
                )


def _check_percentages(fam: schema.Family, f: LoadedFile, units: dict[str, str], collector: ErrorCollector) -> None:
    for i, model in enumerate(fam.models):
        for j, score in enumerate(model.scores):
            if units.get(score.benchmark) == "percent" and score.value > 100:
                collector.add(
                    f.place(("models", i, "scores", j, "value")),
                    f"value: {shown_number(score.value)} is out of range for {score.benchmark}, "
                    "a percent benchmark (0 to 100)",
                )


def _check_comparison(comp: schema.Comparison, f: LoadedFile, ids: dict[str, _Ids], collector: ErrorCollector) -> None:
    for i, family in enumerate(comp.families):
        ids["family"].require(family, f.place(("families", i)), "families")
    if comp.families[0] == comp.families[1]:
        collector.add(f.place(("families", 1)), "families: a family cannot be compared with itself")
    expected = "-vs-".join(sorted(comp.families)) + ".yaml"
    if not f.name.endswith("/" + expected):
        collector.add(f.place(("families",)), f"a comparison of these families must be named {expected}")
    for i, model in enumerate(comp.matchup or []):
        ids["model"].require(model, f.place(("matchup", i)), "matchup")
    for i, note in enumerate(comp.notes):
        if note.when_leader and note.when_leader not in comp.families:
            collector.add(
                f.place(("notes", i, "when_leader")),
                f"when_leader: {note.when_leader!r} is not one of this comparison's families "
                f"({', '.join(comp.families)})",
            )


def _check_rankings(rankings: schema.Rankings, f: LoadedFile, ids: dict[str, _Ids], collector: ErrorCollector) -> None:
    for i, bench in enumerate(rankings.ram_tiers_rank_by):
        ids["benchmark"].require(bench, f.place(("ram_tiers_rank_by", i)), "ram_tiers_rank_by")
    seen: dict[str, int] = {}
    for i, ranking in enumerate(rankings.rankings):
        if ranking.id in seen:
            collector.add(f.place(("rankings", i, "id")), f"duplicate ranking id {ranking.id!r}")
        seen.setdefault(ranking.id, i)
        for j, bench in enumerate(ranking.rank_by):
            ids["benchmark"].require(bench, f.place(("rankings", i, "rank_by", j)), "rank_by")


def validate(data_dir: Path, root: Path, today: datetime.date) -> list[schema.Strict]:
    """Every data file, checked on its own and against the others; DataErrors lists all problems.
    `today` is the build's reference day: a date after it is an error.

    References are checked only once every file has passed its schema, so that one broken file
    does not cascade into dozens of "no such id" errors elsewhere.
    """
    collector = ErrorCollector()
    checked = check_files(data_dir, root, collector)
    if not collector.errors:
        check_references(checked, collector, today)
    collector.raise_if_any()
    return [c.obj for c in checked]

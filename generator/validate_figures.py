"""Cross-file checks of how figures are stated: who ran a score, which sources a file may cite, the
reasons behind conflicting values, the dates of prices, and dates after the build's reference day.

Part of the validate stage's second pass (validate.py calls `check` for every file once all of them
passed their schema), so the registries of ids are complete. Every error carries file:line:column.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Mapping, Sequence
from typing import Protocol

from generator import schema
from generator.errors import ErrorCollector, Location
from generator.load import LoadedFile, Path_
from generator.model import OFFICIAL_KINDS


class _Registry(Protocol):
    places: dict[str, Location]

    def require(self, ident: str | None, place: Location, field: str) -> None: ...


Registries = Mapping[str, _Registry]


def check(
    obj: schema.Strict,
    f: LoadedFile,
    nodes: Sequence[tuple[Path_, object]],
    ids: Registries,
    today: datetime.date,
    collector: ErrorCollector,
) -> None:
    """Every figure-level rule of one checked file, whose values are `nodes` (schema.walk)."""
    for path, node in nodes:
        if isinstance(node, schema.Disputed):
            _check_disputed(node, path, f, collector)
        if isinstance(node, schema.Conflicting):
            ids["source"].require(node.source, f.place((*path, "source")), "source")
        if isinstance(node, schema.Score):
            _check_score(node, path, f, ids, collector)
        if isinstance(node, schema.Offer):
            _check_offer(node, path, f, collector)
        if isinstance(node, schema.Source):
            _check_source(node, path, f, ids, isinstance(obj, schema.Shared), collector)
    if isinstance(obj, schema.Criteria):
        _check_rule(obj.comparable, f, collector)
    if isinstance(obj, schema.Family | schema.Comparison):
        _check_own_sources(obj, f, nodes, ids, collector)
    _check_dates(nodes, f, today, collector)


def _check_disputed(node: schema.Disputed, path: Path_, f: LoadedFile, collector: ErrorCollector) -> None:
    if node.conflicts and not node.chosen_because:
        collector.add(
            f.place((*path, "conflicts"), key=True),
            "conflicts: say why `value` was chosen over them, in `chosen_because:` beside `value`",
        )
    if node.chosen_because and not node.conflicts:
        collector.add(
            f.place((*path, "chosen_because"), key=True),
            "chosen_because: explains a choice among `conflicts:`, and there are none; add them or delete it",
        )
    chosen = getattr(node, "value", None)
    for i, conflict in enumerate(node.conflicts):
        if conflict.value == chosen:
            collector.add(
                f.place((*path, "conflicts", i, "value")),
                f"conflicts: {conflict.value!r} is the chosen value itself; a conflict states another value",
            )


def _check_score(score: schema.Score, path: Path_, f: LoadedFile, ids: Registries, collector: ErrorCollector) -> None:
    if score.effort and score.variant != "reasoning":
        collector.add(
            f.place((*path, "effort")),
            "effort: only a reasoning score has an effort; add `variant: reasoning` or delete `effort`",
        )
    if score.run_by and score.run_by != "maker":
        known = ["maker", *ids["maker"].places, *ids["evaluator"].places]
        if score.run_by not in known:
            hint = difflib.get_close_matches(score.run_by, known, n=1)
            maybe = f"; did you mean {hint[0]!r}?" if hint else ""
            collector.add(
                f.place((*path, "run_by")),
                f"run_by: {score.run_by!r} is not `maker`, a maker or an evaluator of data/catalog.yaml{maybe} "
                "(a third party that runs benchmarks goes under `evaluators:` there, with id, name and url)",
            )


def _check_offer(offer: schema.Offer, path: Path_, f: LoadedFile, collector: ErrorCollector) -> None:
    priced = [k for k in ("input_usd_per_mtok", "output_usd_per_mtok") if getattr(offer, k) is not None]
    if priced and offer.as_of is None:
        collector.add(
            f.place((*path, priced[0]), key=True),
            "as_of: a price needs the day it was read or the day its source states: add `as_of: YYYY-MM-DD`",
        )
    later = offer.as_of
    for i in reversed(range(len(offer.history))):
        past = offer.history[i]
        if past.input_usd_per_mtok is None and past.output_usd_per_mtok is None:
            collector.add(
                f.place((*path, "history", i)), "history: a past price needs input_usd_per_mtok or output_usd_per_mtok"
            )
        if later and past.as_of >= later:
            collector.add(
                f.place((*path, "history", i, "as_of")),
                f"history: as_of {past.as_of} is not before {later}; list past prices oldest first, "
                "each before the offer's current `as_of`",
            )
        later = past.as_of


def _check_source(
    source: schema.Source, path: Path_, f: LoadedFile, ids: Registries, shared: bool, collector: ErrorCollector
) -> None:
    ids["maker"].require(source.maker, f.place((*path, "maker")), "maker")
    ids["evaluator"].require(source.evaluator, f.place((*path, "evaluator")), "evaluator")
    if shared and source.kind in OFFICIAL_KINDS and not source.maker:
        collector.add(
            f.place((*path, "id")),
            f"sources: {source.id!r} is {source.kind}: say whose publication it is with `maker: <maker id>` "
            "(a shared source has no family to take the maker from)",
        )


def _check_rule(rule: schema.Comparable, f: LoadedFile, collector: ErrorCollector) -> None:
    seen: set[str] = set()
    for key in ("must_match", "match_if_stated"):
        for i, field in enumerate(getattr(rule, key)):
            if field in seen:
                collector.add(f.place(("comparable", key, i)), f"comparable: {field!r} is listed twice; keep one")
            seen.add(field)


def _check_own_sources(
    obj: schema.Family | schema.Comparison,
    f: LoadedFile,
    nodes: Sequence[tuple[Path_, object]],
    ids: Registries,
    collector: ErrorCollector,
) -> None:
    """A file cites its own sources or data/catalog.yaml's, never another family's: a source's maker
    defaults from the file it is defined in, so a borrowed source would speak for the wrong maker."""
    own = {s.id for s in obj.sources}
    for path, node in nodes:
        if not isinstance(node, schema.Sourced | schema.Conflicting) or node.source in own:
            continue
        defined = ids["source"].places.get(node.source)
        if defined and not defined.file.endswith("catalog.yaml") and defined.file != f.name:
            collector.add(
                f.place((*path, "source")),
                f"source: {node.source!r} is defined in {defined.file}; cite this file's own sources or "
                "data/catalog.yaml's (move a source several families cite to data/catalog.yaml)",
            )


def _check_dates(
    nodes: Sequence[tuple[Path_, object]], f: LoadedFile, today: datetime.date, collector: ErrorCollector
) -> None:
    """No date after the reference day: a release or a check in the future is a typo, and it would
    make every figure's age wrong."""
    for path, value in nodes:
        if isinstance(value, datetime.date) and value > today:
            collector.add(
                f.place(path),
                f"{'.'.join(str(p) for p in path)}: {value} is after the build's reference day {today} "
                "(--today, else OMC_TODAY, else the last commit's date); a date in the future is a typo",
            )

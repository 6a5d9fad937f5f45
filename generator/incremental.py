"""What one generate leaves for the next in the same process, so that `make serve` renders only the
pages a save touches.

An editor's save is almost always an edit to one family file: a score, a measurement, a price. Every
page type says which families' data a page shows (`PageType.inputs`); the pages of other families
keep the files they wrote last time. A leaderboard shows a family's scores on its benchmarks only:
its inputs are `scores_input(family, benchmark)` (pages/base.py: those scores, and the rest of the
family but its other scores), so a save that changes one score renders that benchmark's pages, not
every leaderboard the family is on; `model_input(family, model)` is one model's scores and the rest
of the family but its other models' scores (a model's page, a matchup: a score edit renders the
matchups of that model, not of its siblings); `without_scores_input(family)` is the family but its
scores (a comparison's related links order pairs by their release dates). Anything wider falls back to
rendering every page: a change to any file outside data/families/ (the shared data, a template, the
code), a family added, removed or renamed (titles are on every page that links it), a change to the
site plan (sizes and dates choose the pairs), another reference day, or output files touched since.
A test edits each family in turn and compares the result with a whole build, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

from generator import schema, stamp
from generator.derive.facts import scores_on
from generator.derive.site import Page, SitePlan
from generator.model import Catalog
from generator.pages.base import input_parts, model_input, scores_input


@dataclass(frozen=True)
class Previous:
    """The last generate of a project in this process."""

    code_key: str
    """Every input but the data files: the shared configuration, templates, code, hand-written pages."""
    objects: tuple[schema.Strict, ...]
    plan: SitePlan
    today: date
    outputs: Mapping[str, tuple[str, ...]]
    """Per page path, every file the page wrote: its Markdown, the files it publishes, its charts."""
    inputs: Mapping[str, frozenset[str] | None]
    """Per page path, the families (or parts of them) it showed (PageType.inputs): an edit
    that takes a family off a page (its only score on a benchmark deleted) changes the page although the
    page no longer shows it."""
    written: Mapping[str, list[int]]
    """The output folder as the run left it (stamp.outputs): a file touched since means start over."""


def touched(
    previous: Previous | None, code_key: str, objects: Iterable[schema.Strict], plan: SitePlan, today: date, out: Path
) -> frozenset[str] | None:
    """What changed since `previous`: the id of each family whose data changed but for its scores, and
    for each score changed its benchmark's `scores_input` and its model's `model_input`; None when
    every page must be rendered again."""
    objects = tuple(objects)
    if previous is None or (previous.code_key, previous.plan, previous.today) != (code_key, plan, today):
        return None
    before, after = _families(previous.objects), _families(objects)
    if _shared(previous.objects) != _shared(objects) or before.keys() != after.keys():
        return None
    edited = [i for i in after if after[i] != before[i]]
    if any(names(before[i]) != names(after[i]) for i in edited):
        return None
    if stamp.outputs(out) != previous.written:
        return None
    return frozenset(change for i in edited for change in _changes(before[i], after[i]))


def split(
    catalog: Catalog, plan: SitePlan, changed: frozenset[str] | None, previous: Previous | None
) -> tuple[list[Page], dict[str, tuple[str, ...]], dict[str, frozenset[str] | None]]:
    """The pages to render, the files of the others (which the last run wrote and which are still
    right: those pages showed and show none of the changed families), and every page's inputs."""
    todo, kept, inputs = [], {}, {}
    for page in plan.pages:
        now = inputs[page.path] = page.type.inputs(catalog, page)  # type: ignore[attr-defined]
        before = previous.inputs.get(page.path) if previous else None
        if (
            previous
            and changed is not None
            and now is not None
            and before is not None
            and not shows(now | before, changed)
        ):
            kept[page.path] = previous.outputs[page.path]
        else:
            todo.append(page)
    return todo, kept, inputs


def shows(inputs: frozenset[str], changed: frozenset[str]) -> bool:
    """Whether a page with these inputs shows any of the changes (`touched`): a whole family's input
    shows every change to it; any input of a family shows a change to the family but its scores; a
    score change (`scores_input` of its benchmark and `model_input` of its model, both) shows where
    the page names either."""
    parts = [input_parts(i) for i in inputs]
    families = {p.family for p in parts}
    whole = {p.family for p in parts if p.whole}
    for change in changed:
        part = input_parts(change)
        if change in inputs or part.family in (families if part.whole else whole):
            return True
    return False


def _changes(before: schema.Family, after: schema.Family) -> frozenset[str]:
    """The family's id if anything but its scores changed, else, for each score changed, its benchmark's
    `scores_input` and its model's `model_input` (the models are the same ones: `names` compared them)."""
    if without_scores(before) != without_scores(after):
        return frozenset({after.id})
    return frozenset(
        change
        for old, new in zip(before.models, after.models, strict=True)
        for b in {s.benchmark for s in (*old.scores, *new.scores)}
        if scores_on(old, b) != scores_on(new, b)
        for change in (scores_input(after.id, b), model_input(after.id, new.id))
    )


def without_scores(family: schema.Family) -> schema.Family:
    return family.model_copy(update={"models": [m.model_copy(update={"scores": []}) for m in family.models]})


def _families(objects: Iterable[schema.Strict]) -> Mapping[str, schema.Family]:
    return MappingProxyType({o.id: o for o in objects if isinstance(o, schema.Family)})


def _shared(objects: Iterable[schema.Strict]) -> tuple[schema.Strict, ...]:
    return tuple(o for o in objects if not isinstance(o, schema.Family))


def names(family: schema.Family) -> object:
    """What other pages show of a family besides its figures: its and its models' names and addresses."""
    models = [(m.id, m.name, m.short_name, tuple(m.aliases)) for m in family.models]
    return family.name, tuple(family.aliases), family.maker, models

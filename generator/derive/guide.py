"""The "Which model should I pick?" decision tree: the guide's questions over every model in the data.

Each answer filters the candidates (RAM, modalities, context) or orders them (language emphasis,
benchmark category); a leaf names the best-ranked models with the figure that ranked them. The tree
is pruned as it is built: a question whose answers all lead to the same outcome is not asked there,
and answers that lead to the same subtree share one branch. A model without the figure a filter
needs is not recommended under that filter (the data cannot say it fits), and a model without a
score in a ranking category is ranked after those with one (it is not judged on it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator import schema
from generator.derive import memory, provenance, rankings
from generator.derive.facts import Quantity, oriented, per_catalog, scores_on
from generator.model import Catalog


@dataclass(frozen=True)
class Recommendation:
    """One model a leaf names, with the figures that put it there."""

    model: schema.Model
    family: schema.Family
    benchmark: schema.Benchmark | None
    score: Quantity | None
    ram: memory.Need | None
    setting: str | None = None


@dataclass(frozen=True)
class Leaf:
    """The outcome of a path: the best-ranked models, or, when no candidate has a score to rank it
    by, the models that fit with nothing to choose between them (`unranked`)."""

    models: tuple[Recommendation, ...]
    unranked: tuple[Recommendation, ...] = ()


@dataclass(frozen=True)
class Branch:
    options: tuple[schema.GuideOption, ...]
    child: Node | Leaf


@dataclass(frozen=True)
class Node:
    question: schema.GuideQuestion
    branches: tuple[Branch, ...]


def tree(catalog: Catalog, guide: schema.Guide) -> Node | Leaf:
    """The whole pruned tree, from the first question."""
    return _build(catalog, guide, 0, ())


def _build(catalog: Catalog, guide: schema.Guide, index: int, answers: tuple[schema.GuideOption, ...]) -> Node | Leaf:
    if index == len(guide.questions):
        return leaf(catalog, guide, answers)
    question = guide.questions[index]
    groups: dict[tuple, tuple[Node | Leaf, list[schema.GuideOption]]] = {}
    for option in question.options:
        child = _build(catalog, guide, index + 1, (*answers, option))
        groups.setdefault(signature(child), (child, []))[1].append(option)
    if len(groups) == 1:
        return next(iter(groups.values()))[0]
    return Node(question, tuple(Branch(tuple(options), child) for child, options in groups.values()))


def signature(node: Node | Leaf) -> tuple:
    """What a subtree says, as a hashable value: two answers with equal signatures share a branch."""
    if isinstance(node, Leaf):
        return tuple(
            tuple((r.model.id, r.benchmark and r.benchmark.id, r.setting, r.score, r.ram and r.ram.gb) for r in group)
            for group in (node.models, node.unranked)
        )
    return (node.question.id, tuple((tuple(o.id for o in b.options), signature(b.child)) for b in node.branches))


def ranked_categories(guide: schema.Guide) -> frozenset[str]:
    """The benchmark categories the guide's answers rank by: the only scores its tree reads."""
    return frozenset(o.rank_by for q in guide.questions for o in q.options if o.rank_by)


def candidates(catalog: Catalog, answers: tuple[schema.GuideOption, ...]) -> list[schema.Model]:
    """Every model the data shows to meet every filter of the answers."""
    filters = tuple(f for a in answers if (f := _filter(a)) != _NO_FILTER)
    return list(_fitting(catalog, filters, _context(answers)))


# What of an answer filters the candidates: its RAM, modalities and context. A guide's leaves ask few
# distinct combinations of them (data/guide.yaml: 36 for 324 leaves), so each is worked out once.
_Filter = tuple[float | None, tuple[str, ...], int | None]
_NO_FILTER: _Filter = (None, (), None)


def _filter(option: schema.GuideOption) -> _Filter:
    return option.max_ram_gb, tuple(option.modalities or ()), option.min_context


def _context(answers: tuple[schema.GuideOption, ...]) -> int | None:
    """The context the answers ask for: a model must fit the RAM answer with that many tokens."""
    return max((a.min_context for a in answers if a.min_context), default=None)


@per_catalog
def _fitting(catalog: Catalog, filters: tuple[_Filter, ...], context: int | None) -> tuple[schema.Model, ...]:
    return tuple(m for m in catalog.models.values() if all(_fits(catalog, m, f, context) for f in filters))


def _fits(catalog: Catalog, model: schema.Model, wanted: _Filter, context: int | None) -> bool:
    max_ram_gb, modalities, min_context = wanted
    family = catalog.model_family(model.id)
    if max_ram_gb is not None and not memory.fits(catalog, model.id, max_ram_gb, "ram", context):
        return False
    if modalities:
        stated = model.modalities or family.modalities
        if not stated or not set(modalities) <= set(stated.value):
            return False
    if min_context is not None:
        tokens = model.context_tokens or family.context_tokens
        if not tokens or tokens.value < min_context:
            return False
    return True


@dataclass(frozen=True)
class Ranking:
    """What one ranking answer compares: one benchmark under one setting, so that only scores measured
    the same way are set against each other (as comparison pages do, see `provenance.comparable`)."""

    catalog: Catalog
    benchmark: schema.Benchmark
    setting: tuple[object, ...]
    """The setting key (rankings.setting_key) the compared scores share."""

    def score_of(self, model: schema.Model) -> schema.Score | None:
        return next(
            (s for s in scores_on(model, self.benchmark.id) if rankings.setting_key(self.catalog, s) == self.setting),
            None,
        )


def leaf(catalog: Catalog, guide: schema.Guide, answers: tuple[schema.GuideOption, ...]) -> Leaf:
    """The best-ranked candidates: language emphasis first, then each ranking category in question order."""
    found = candidates(catalog, answers)
    languages = {lang for a in answers for lang in a.prefer_languages}
    ids = tuple(m.id for m in found)
    rankings = [r for a in answers if a.rank_by and (r := _ranking(catalog, a.rank_by, ids))]

    def key(model: schema.Model) -> tuple:
        emphasis = catalog.model_family(model.id).languages
        preferred = bool(emphasis and languages & set(emphasis.value.emphasis_languages))
        scores = []
        for r in rankings:
            score = r.score_of(model)
            scores.append(-oriented(r.benchmark, score.value) if score else math.inf)
        return (not preferred if languages else False, *scores, model.name)

    ram_asked = any(a.max_ram_gb is not None for a in answers)
    ranked = [m for m in sorted(found, key=key) if any(r.score_of(m) for r in rankings)]
    unranked = [] if ranked else sorted(found, key=lambda m: m.name)
    return Leaf(
        tuple(_recommendation(catalog, m, rankings, ram_asked, _context(answers)) for m in ranked[: guide.recommend]),
        tuple(_recommendation(catalog, m, rankings, ram_asked, _context(answers)) for m in unranked[: guide.recommend]),
    )


@per_catalog
def _ranking(catalog: Catalog, category: str, candidate_ids: tuple[str, ...]) -> Ranking | None:
    """The category's benchmark and setting that score the most candidates (ties: a stated setting
    before an unstated one, then catalog order of benchmarks, then settings alphabetically), so that
    the ranking compares like with like; None when no candidate has a score in the category."""
    models = [catalog.models[i] for i in candidate_ids]
    order = {b.id: i for i, b in enumerate(catalog.benchmarks.values()) if b.category == category}
    counts: dict[tuple[str, tuple[object, ...]], int] = {}
    labels: dict[tuple[str, tuple[object, ...]], str] = {}
    for m in models:
        for s in m.scores:
            if s.benchmark in order:
                labels[(s.benchmark, rankings.setting_key(catalog, s))] = provenance.setting_label(catalog, s)
        for k in {(s.benchmark, rankings.setting_key(catalog, s)) for s in m.scores if s.benchmark in order}:
            counts[k] = counts.get(k, 0) + 1
    if not counts:
        return None
    best = min(counts, key=lambda k: (-counts[k], sum(v is None for v in k[1]), order[k[0]], labels[k]))
    return Ranking(catalog, catalog.benchmarks[best[0]], best[1])


def _recommendation(
    catalog: Catalog, model: schema.Model, rankings: list[Ranking], ram_asked: bool, context: int | None
) -> Recommendation:
    scored = next(((r, s) for r in rankings if (s := r.score_of(model))), None)
    ram = memory.need(catalog, model.id, "ram", context) if ram_asked else None
    return Recommendation(
        model=model,
        family=catalog.model_family(model.id),
        benchmark=scored[0].benchmark if scored else None,
        score=Quantity("score", scored[1].value, source=scored[1].source) if scored else None,
        ram=ram,
        setting=provenance.setting_of(catalog, scored[1]).label(catalog) or None if scored else None,
    )


def leaves(node: Node | Leaf) -> list[Leaf]:
    """Every leaf of a tree, depth first in option order."""
    if isinstance(node, Leaf):
        return [node]
    return [lf for br in node.branches for lf in leaves(br.child)]

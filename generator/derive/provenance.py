"""Where every figure comes from, who reported it, how old it is, and which figures may be compared.

Pure functions from the catalog (and an injected reference day, never the clock) to records that
pages cite, the staleness report lists, and the data-quality page summarises. A figure's age counts
from the latest date that vouches for it: an editor's check of the figure or of its whole family, or
else the publication date of its source. A figure with none of these is "never checked", which is
reported as such rather than given an invented age.

A figure is the maker's own claim only when its source is an official publication of the model's own
maker (`maker:` on the source, a family file's official sources defaulting to the family's maker):
one maker's report on another maker's model is a third party's figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Literal

from generator import schema
from generator.derive.facts import per_catalog
from generator.model import OFFICIAL_KINDS, Catalog

Basis = Literal["checked", "published", "never"]

_FIELD_LABELS = {
    "license": "license",
    "released": "release date",
    "variants": "dedicated variants",
    "languages": "languages",
    "modalities": "modalities",
    "context_tokens": "context length",
    "strengths": "strengths",
    "architecture": "architecture",
    "total": "total parameters",
    "active": "active parameters",
    "effective": "effective parameters",
    "ollama": "Ollama tag",
    "edge": "edge model",
}


@dataclass(frozen=True)
class FigureRecord:
    """One sourced figure with everything a reader or editor needs to judge it."""

    figure: schema.Sourced
    family: schema.Family
    model: schema.Model | None
    what: str
    source: schema.Source
    as_of: date | None
    basis: Basis
    age_days: int | None
    stale: bool
    self_reported: bool

    @property
    def subject(self) -> str:
        return self.model.name if self.model else self.family.name

    @property
    def value(self) -> object:
        return figure_value(self.figure)

    @property
    def value_text(self) -> str:
        """The value as an editor reads it in a report: `8 GB, 8 tok/s`, `[text, image]`, `$0.60 out`."""
        f = self.figure
        if isinstance(f, schema.Measurement):
            parts = [
                f"{f.ram_gb:g} GB" if f.ram_gb else "",
                f"{f.tokens_per_second:g} tok/s" if f.tokens_per_second else "",
            ]
            return ", ".join(p for p in parts if p) or "no numbers"
        if isinstance(f, schema.Offer):
            prices = [
                f"${p:g} {w}"
                for p, w in ((f.input_usd_per_mtok, "in"), (f.output_usd_per_mtok, "out"))
                if p is not None
            ]
            return ", ".join(prices) or "offered"
        return value_text(self.value)


def value_text(value: object) -> str:
    """A figure's value as an editor reads it: `131072`, `text, image`, `88.4`, `100+ languages`."""
    if isinstance(value, schema.Languages):
        count = f"{value.count:,}{'+' if value.at_least else ''} languages"
        named = f" ({', '.join(value.emphasis_languages)})" if value.emphasis_languages else ""
        return f"{count}, strongest in {value.emphasis}{named}" if value.emphasis else count
    if isinstance(value, schema.Strict):
        value = value.model_dump()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items() if v not in (None, False, []))
    return f"{value:g}" if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class Provenance:
    """Every figure of the catalog indexed by object, with the reference date its ages count to."""

    today: date
    stale_after_days: int
    records: tuple[FigureRecord, ...]
    by_object: Mapping[int, FigureRecord]
    checked_by_family: Mapping[str, date | None]

    def family_checked(self, family: schema.Family) -> date | None:
        """The latest editor's check of a family or any of its figures; None when nobody has checked it."""
        return self.checked_by_family.get(family.id)

    def of(self, figure: schema.Sourced) -> FigureRecord | None:
        return self.by_object.get(id(figure))

    def stale(self) -> tuple[FigureRecord, ...]:
        """Figures past the threshold, oldest first (then by family, subject and what, for stable output)."""
        found = [r for r in self.records if r.stale]
        return tuple(sorted(found, key=lambda r: (r.as_of, r.family.id, r.subject, r.what)))

    def never_checked(self) -> tuple[FigureRecord, ...]:
        return tuple(r for r in self.records if r.basis == "never")


def self_reported(source: schema.Source) -> bool:
    """Whether a source is some maker's own publication (or a partner's on its behalf)."""
    return source.kind in OFFICIAL_KINDS


def own_claim(catalog: Catalog, source_id: str, family: schema.Family) -> bool:
    """Whether a figure from this source is the family's maker's own claim about its model."""
    source = catalog.sources[source_id]
    return self_reported(source) and catalog.source_makers.get(source_id) == family.maker


def index(catalog: Catalog, today: date) -> Provenance:
    """Record every figure of every family: its source, whether the maker reported it, its age."""
    limit = catalog.site.stale_after_days
    records = [
        _record(catalog, figure, family, model, what, today, limit)
        for family in catalog.families.values()
        for figure, model, what in figures_of(catalog, family)
    ]
    checked: dict[str, date | None] = {f.id: f.checked for f in catalog.families.values()}
    for r in records:
        if r.figure.checked:
            checked[r.family.id] = max(d for d in (checked[r.family.id], r.figure.checked) if d)
    return Provenance(
        today, limit, tuple(records), MappingProxyType({id(r.figure): r for r in records}), MappingProxyType(checked)
    )


def _record(
    catalog: Catalog,
    figure: schema.Sourced,
    family: schema.Family,
    model: schema.Model | None,
    what: str,
    today: date,
    limit: int,
) -> FigureRecord:
    source = catalog.sources[figure.source]
    checked = max((d for d in (figure.checked, family.checked) if d), default=None)
    as_of, basis = _as_of(checked, source.date)
    age = (today - as_of).days if as_of else None
    return FigureRecord(
        figure=figure,
        family=family,
        model=model,
        what=what,
        source=source,
        as_of=as_of,
        basis=basis,
        age_days=age,
        stale=age is not None and age > limit,
        self_reported=own_claim(catalog, figure.source, family),
    )


def _as_of(checked: date | None, published: date | None) -> tuple[date | None, Basis]:
    if checked and (not published or checked >= published):
        return checked, "checked"
    if published:
        return published, "published"
    return None, "never"


def figures_of(catalog: Catalog, family: schema.Family) -> Iterator[tuple[schema.Sourced, schema.Model | None, str]]:
    """Every sourced figure of a family with the model it belongs to and what it states."""
    yield from _plain_figures(family, None)
    for model in family.models:
        yield from _plain_figures(model, model)
        yield from _plain_figures(model.params, model)
        for score in model.scores:
            setting = setting_label(catalog, score)
            yield score, model, f"{catalog.benchmarks[score.benchmark].name} score ({setting})"
        for m in model.hardware:
            yield m, model, f"hardware ({measurement_setting(catalog, m) or 'setting unstated'})"
    for offer in family.offers:
        kind = {"local": "free local", "free_api": "free API", "paid_api": "paid API"}[offer.kind]
        # An offer for named models belongs to them: two models' prices at one provider never conflict.
        models = [catalog.models[m] for m in offer.models or []]
        subject = models[0] if len(models) == 1 else None
        scope = f", {', '.join(m.name for m in models)}" if len(models) > 1 else ""
        yield offer, subject, f"{catalog.providers[offer.provider].name} offer ({kind}{scope})"


def _plain_figures(owner: schema.Strict, model: schema.Model | None) -> Iterator[tuple[schema.Sourced, object, str]]:
    for name in type(owner).model_fields:
        value = getattr(owner, name)
        if isinstance(value, schema.Sourced):
            yield value, model, _FIELD_LABELS.get(name, name.replace("_", " "))


def figure_value(figure: schema.Sourced) -> object:
    """What a figure states, as one comparable value (a measurement's numbers, an offer's prices)."""
    if isinstance(figure, schema.Measurement):
        return (figure.ram_gb, figure.tokens_per_second)
    if isinstance(figure, schema.Offer):
        return (figure.input_usd_per_mtok, figure.output_usd_per_mtok)
    value = getattr(figure, "value", None)
    return value.model_dump() if isinstance(value, schema.Strict) else value


# --- evaluation settings and comparability ------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    """The evaluation settings of one score, with `run_by` resolved from its source where left out:
    `maker` when the model's own maker ran it, else a maker or evaluator id, None when nobody says."""

    variant: str | None
    effort: str | None
    shots: int | None
    cot: bool | None
    tools: bool | None
    run_by: str | None
    metric: str | None

    def key(self, rule: schema.Comparable) -> tuple[object, ...]:
        """The settings the comparability rule looks at, in a fixed order: equal keys are comparable."""
        return tuple(getattr(self, f) for f in (*rule.must_match, *rule.match_if_stated))

    def label(self, catalog: Catalog) -> str:
        """How the setting reads beside a score: "instruct, 5-shot, CoT"; only the settings the
        comparability rule weighs, so that two scores with one label are comparable; empty when the
        source states none of them."""
        fields = {*catalog.comparable.must_match, *catalog.comparable.match_if_stated}
        parts = []
        if "variant" in fields and self.variant:
            effort = f", {self.effort} effort" if "effort" in fields and self.effort else ""
            parts.append(self.variant + effort)
        elif "effort" in fields and self.effort:
            parts.append(f"{self.effort} effort")
        if "shots" in fields and self.shots is not None:
            parts.append(f"{self.shots}-shot")
        if "cot" in fields and self.cot is not None:
            parts.append("CoT" if self.cot else "no CoT")
        if "tools" in fields and self.tools is not None:
            parts.append("with tools" if self.tools else "no tools")
        if "run_by" in fields and self.run_by:
            parts.append(f"run by {_runner_name(catalog, self.run_by)}")
        return ", ".join(parts)


def _runner_name(catalog: Catalog, run_by: str) -> str:
    if run_by == "maker":
        return "the maker"
    known = catalog.makers.get(run_by) or catalog.evaluators.get(run_by)
    return known.name if known else run_by


def setting_of(catalog: Catalog, score: schema.Score) -> Setting:
    return _settings(catalog)[id(score)]


@per_catalog
def _settings(catalog: Catalog) -> Mapping[int, Setting]:
    """Every score's setting, by the score's id (as catalog.score_model): rankings and the guide ask
    for the same scores' settings tens of thousands of times a build."""
    settings = {}
    for model in catalog.models.values():
        family = catalog.model_family(model.id)
        for s in model.scores:
            settings[id(s)] = Setting(
                s.variant, s.effort, s.shots, s.cot, s.tools, _run_by(catalog, s, family), s.metric
            )
    return MappingProxyType(settings)


def _run_by(catalog: Catalog, score: schema.Score, family: schema.Family) -> str | None:
    """Who ran it: as stated, else the source's maker (`maker` when it is the model's), else its evaluator."""
    runner = score.run_by or catalog.source_makers.get(score.source) or catalog.sources[score.source].evaluator
    return "maker" if runner == family.maker else runner


def comparable(catalog: Catalog, x: schema.Sourced, y: schema.Sourced) -> bool:
    """Two figures may decide a winner only when they state the same conditions.

    Scores follow the rule of data/criteria.yaml (`comparable:`): the `must_match` settings equal,
    "not stated" being a value of its own (a base-model score never decides against an instruct one,
    nor a stated 5-shot against an unstated one); the `match_if_stated` settings equal where both state
    them. Other figures compare their stated conditions whole: a measurement's hardware profile,
    quantisation and setting ("Q4" vs "Q8" decide nothing), an offer's setting.
    """
    if isinstance(x, schema.Score) and isinstance(y, schema.Score):
        rule = catalog.comparable
        sx, sy = setting_of(catalog, x), setting_of(catalog, y)
        if any(getattr(sx, f) != getattr(sy, f) for f in rule.must_match):
            return False
        return all(
            getattr(sx, f) == getattr(sy, f)
            for f in rule.match_if_stated
            if getattr(sx, f) is not None and getattr(sy, f) is not None
        )
    return _conditions(x) == _conditions(y)


def _conditions(figure: schema.Sourced) -> tuple[str | None, str | None, str | None]:
    """A measurement's or offer's conditions in fixed positions: setting, profile, quantisation."""
    if isinstance(figure, schema.Measurement):
        return figure.setting, figure.profile, figure.quantisation
    return getattr(figure, "setting", None), None, None


def all_comparable(catalog: Catalog, figures: Iterable[schema.Sourced]) -> bool:
    items = list(figures)
    return all(comparable(catalog, x, y) for i, x in enumerate(items) for y in items[i + 1 :])


def setting_label(catalog: Catalog, figure: schema.Sourced) -> str:
    """How a figure's conditions read beside a comparison: "instruct, 5-shot", "laptop-cpu, Q4"."""
    if isinstance(figure, schema.Score):
        return setting_of(catalog, figure).label(catalog) or "setting not stated"
    return ", ".join(c for c in _conditions(figure) if c) or "setting not stated"


def measurement_setting(catalog: Catalog, m: schema.Measurement) -> str:
    profile = catalog.profiles[m.profile].name if m.profile else None
    return ", ".join(p for p in (profile, m.quantisation, m.setting) if p)


def incomparable_settings(catalog: Catalog, figures: Iterable[schema.Sourced]) -> tuple[str, ...]:
    """Distinct labels of the conditions that differ among measurements that may not be compared ("Q4",
    "Q8"), in first-seen order; empty when they may be compared. Conditions all share (the profile) are
    left out."""
    items = list(figures)
    if all_comparable(catalog, items):
        return ()
    conditions = [_conditions(f) for f in items]
    differing = [i for i in range(3) if len({c[i] for c in conditions}) > 1]
    labels = (", ".join(c[i] for i in differing if c[i]) or "setting not stated" for c in conditions)
    return tuple(dict.fromkeys(labels))

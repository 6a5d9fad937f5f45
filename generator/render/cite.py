"""Citations: a compact marker after each figure, linking to the page's numbered Sources list.

One `Citations` collector per page numbers sources in the order the page first cites them, so the
numbers are deterministic and the list at the end (templates/sources.md.j2) shows exactly what the
page cites. Markers carry two flags for readers: † for a figure the model's maker reported itself (its
source is the maker's own publication: one maker's report on another's model is not), ⌛ for a figure whose last check (or, never checked, its source's date) is past the staleness threshold.

Use in a template: `{{ figure|cite }}` after a figure (a Score, Measurement, Offer, Figure, a derived
Quantity, or a list or mapping of them); for a table, `{% set t = citations.table(figures) %}` then
`{{ t.cell(figure) }}` in each cell and `{{ t.note() }}` under the table, which cites once when the
whole table comes from one source; and `{% include "sources.md.j2" %}` at the end of the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

import jinja2
from markupsafe import Markup

from generator import schema
from generator.derive import provenance
from generator.derive.facts import Quantity
from generator.derive.provenance import FigureRecord, Provenance
from generator.model import Catalog

# The flags carry a tooltip, since a symbol alone explains nothing to a reader who skips the legend.
MAKER_FLAG = '<span title="maker-reported">†</span>'
STALE_FLAG = '<span title="not checked recently">⌛</span>'


def anchor(source_id: str) -> str:
    """The id of a source's entry in the Sources list; source ids are slugs, so always a valid HTML id."""
    return f"source-{source_id}"


@dataclass(frozen=True)
class _Cited:
    source: schema.Source
    records: tuple[FigureRecord, ...]

    @property
    def stale(self) -> bool:
        return any(r.stale for r in self.records)

    @property
    def own_claim(self) -> bool:
        """The figures' maker stated them: judged per figure where the page cites figures, else (a derived
        quantity, another source's conflicting value) by whether the source is a maker's publication."""
        if self.records:
            return any(r.self_reported for r in self.records)
        return provenance.self_reported(self.source)


@dataclass(frozen=True)
class SourceEntry:
    """A line of the Sources list: the source, its number on this page, and what the reader should know."""

    number: int
    source: schema.Source
    anchor: str
    self_reported: bool


@dataclass(frozen=True)
class FamilyCheck:
    family: schema.Family
    checked: date | None


class Citations:
    """The sources one page cites, numbered by first citation."""

    def __init__(self, catalog: Catalog, prov: Provenance) -> None:
        self.catalog = catalog
        self.provenance = prov
        self.numbers: dict[str, int] = {}
        self.records: dict[int, FigureRecord] = {}
        self.maker_flagged = False
        self.stale_flagged = False

    def marker(self, *items: object, stale_flags: bool = True) -> Markup:
        """`<sup>[1](#source-x)†</sup>` for the distinct sources of the given figures; empty for none."""
        cited = self._collect(items)
        if not cited:
            return Markup("")
        parts = []
        for c in cited:
            number = self.numbers.setdefault(c.source.id, len(self.numbers) + 1)
            flags = MAKER_FLAG if c.own_claim else ""
            self.maker_flagged |= bool(flags)
            if stale_flags and c.stale:
                flags += STALE_FLAG
                self.stale_flagged = True
            parts.append(f"[\\[{number}\\]](#{anchor(c.source.id)}){flags}")
        return Markup(f"<sup>{', '.join(parts)}</sup>")

    def stale_marker(self, *items: object) -> Markup:
        """Only the ⌛ flag, for a figure whose source a table note already cites."""
        if not any(c.stale for c in self._collect(items)):
            return Markup("")
        self.stale_flagged = True
        return Markup(f"<sup>{STALE_FLAG}</sup>")

    def table(self, figures: Iterable[object]) -> TableCitations:
        return TableCitations(self, tuple(figures))

    def _collect(self, items: Iterable[object]) -> list[_Cited]:
        """Distinct sources of the items in first-seen order, with the figure records behind each."""
        found: dict[str, list[FigureRecord]] = {}
        for source_id, record in _sources(items, self.provenance):
            found.setdefault(source_id, [])
            if record:
                found[source_id].append(record)
                self.records[id(record.figure)] = record
        return [_Cited(self.catalog.sources[s], tuple(r)) for s, r in found.items()]

    def listing(self) -> tuple[SourceEntry, ...]:
        """The cited sources in number order, for the Sources list."""
        return tuple(
            SourceEntry(n, src, anchor(src.id), provenance.self_reported(src))
            for src_id, n in sorted(self.numbers.items(), key=lambda item: item[1])
            if (src := self.catalog.sources[src_id])
        )

    def uncited(self, sources: Iterable[schema.Source]) -> tuple[schema.Source, ...]:
        return tuple(s for s in sources if s.id not in self.numbers)

    def family_checks(self) -> tuple[FamilyCheck, ...]:
        """When an editor last checked each family whose figures this page cites, for those an editor
        checked: a line of "never" for every family says nothing a reader can use."""
        families = {r.family.id: r.family for r in self.records.values()}
        checks = (FamilyCheck(f, self.provenance.family_checked(f)) for _, f in sorted(families.items()))
        return tuple(c for c in checks if c.checked)


class TableCitations:
    """Citations for one table: a single note under it when one source supports every figure,
    otherwise a marker in each cell. Stale flags always stay on their own cells."""

    def __init__(self, citations: Citations, figures: tuple[object, ...]) -> None:
        self.citations = citations
        self.figures = figures
        sources = {source_id for source_id, _ in _sources(figures, citations.provenance)}
        self.single = len(sources) == 1

    def cell(self, *items: object) -> Markup:
        if self.single:
            return self.citations.stale_marker(*items)
        return self.citations.marker(*items)

    def note(self) -> Markup:
        if not self.single:
            return Markup("")
        return Markup("Source: ") + self.citations.marker(*self.figures, stale_flags=False)


def _sources(items: Iterable[object], prov: Provenance) -> Iterator[tuple[str, FigureRecord | None]]:
    for item in items:
        if item is None:
            continue
        if isinstance(item, schema.Sourced):
            yield item.source, prov.of(item)
        elif isinstance(item, schema.Conflicting):
            yield item.source, None
        elif isinstance(item, schema.Parameters):
            yield from _sources((item.effective, item.active, item.total), prov)
        elif isinstance(item, Quantity):
            if item.source:
                yield item.source, None
        elif hasattr(item, "cites"):  # a derived figure naming what it rests on (derive.memory.Need)
            yield from _sources(item.cites, prov)
        elif isinstance(item, Mapping):
            yield from _sources(item.values(), prov)
        elif isinstance(item, list | tuple):
            yield from _sources(item, prov)


@jinja2.pass_context
def cite(context: jinja2.runtime.Context, *items: object) -> Markup:
    """The `cite` filter: `{{ score|cite }}`, `{{ reason.values|cite }}`, `{{ [a, b]|cite }}`."""
    return context["citations"].marker(*items)

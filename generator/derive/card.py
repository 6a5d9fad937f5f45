"""The few facts an embeddable comparison card shows: each family's size range and context, and who
leads each benchmark category, taken from the comparison's own facts so the card agrees with the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import schema
from generator.derive.comparison import PairFacts, Side
from generator.derive.facts import Quantity


@dataclass(frozen=True)
class Lead:
    """Benchmarks won in one category, in the card's side order (a, b)."""

    category: schema.Category
    leader: Side
    wins: tuple[int, int]


@dataclass(frozen=True)
class Card:
    slug: str
    a: Side
    b: Side
    ranges: tuple[tuple[Quantity, Quantity] | None, tuple[Quantity, Quantity] | None]
    contexts: tuple[schema.Figure | None, schema.Figure | None]
    leads: tuple[Lead, ...]

    @property
    def sides(self) -> tuple[Side, Side]:
        return self.a, self.b


def card(pair: PairFacts) -> Card:
    """The card of one comparison, read off the facts its page states."""
    quick = {row.key: row.values for row in pair.quick}
    return Card(
        slug=pair.slug,
        a=pair.a,
        b=pair.b,
        ranges=quick.get("range", (None, None)),  # type: ignore[arg-type]
        contexts=quick.get("context", (None, None)),  # type: ignore[arg-type]
        leads=tuple(Lead(c.category, c.leader, c.wins) for c in pair.categories if c.leader),
    )

"""The "Which should you pick" decision as a chain of questions, built from the same Picks as the lists.

Each list item becomes one question whose "yes" leads to its side, asked in the order of
data/criteria.yaml (editorial additions after the computed items, counters last); the last
"no" leads to using both or to either. Because nothing here is measured again, the chart cannot
disagree with the lists beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.comparison import Side
from generator.derive.picks import Counter, Picks, Reason


@dataclass(frozen=True)
class Question:
    """One yes/no step: the item's wording and values, and the side a "yes" picks."""

    item: Reason | Counter
    side: Side


@dataclass(frozen=True)
class Flowchart:
    questions: tuple[Question, ...]
    sides: tuple[Side, Side]
    use_both: tuple[Reason, ...]
    end: Side | None = None
    """The side a "no" to the last question picks, when that question is a means the other side needs
    ("You have 16+ GB RAM?"): a reader who answered no cannot be sent on to use that side's model."""


MIN_QUESTIONS = 2
"""A chain of one question is the pick list's one item again, with nothing to decide between."""


def flowchart(picks: Picks, a: Side, b: Side, criteria_order: tuple[str, ...]) -> Flowchart | None:
    """The decision chain of a pair, or None when it would ask fewer than two questions."""
    if not (picks.a or picks.b):
        return None
    rank = {cid: i for i, cid in enumerate(criteria_order)}
    last = len(criteria_order)

    def order(q: Question) -> tuple[bool, int]:
        # Counters ("You have 16+ GB RAM") come last: a reader's needs are asked before their means.
        criterion = q.item.criterion
        return isinstance(q.item, Counter), rank.get(criterion.id, last) if criterion else last

    questions = [Question(r, r.winner) for r in (*picks.a, *picks.b)]
    questions += [Question(c, c.side) for c in picks.counters]
    if len(questions) < MIN_QUESTIONS:
        return None
    chain = tuple(sorted(questions, key=order))
    final = chain[-1]
    if isinstance(final.item, Counter):
        # "No" to the means the last side needs rules that side out: the chain ends on the other one,
        # never on "use both" with the model just ruled out.
        other = b if final.side.id == a.id else a
        return Flowchart(chain, (a, b), (), other)
    return Flowchart(chain, (a, b), picks.use_both)

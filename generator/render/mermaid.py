"""Mermaid source for the decision flowchart: derived steps in, a ```mermaid fence body out.

Mermaid labels have their own escaping: inside a quoted label every character outside a small safe
alphabet is written as Mermaid's entity code `#<code>;`, so text from data can neither end the label
nor inject markup; the result passes the Markdown escaping untouched (it is returned as Markup) and
contains no backtick, so it cannot close the fence either.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from generator.derive.flowchart import Flowchart
from generator.derive.picks import Counter, Reason
from generator.render import format as fmt

_SAFE = re.compile(r"[A-Za-z0-9 ,.:+\-/()?!']")


def label(text: str) -> str:
    """A quoted Mermaid label; whitespace folds to single spaces."""
    text = " ".join(text.split())
    return '"' + "".join(c if _SAFE.fullmatch(c) else f"#{ord(c)};" for c in text) + '"'


def question_text(item: Reason | Counter) -> str:
    """A list item as the chart's question: the reader's need, without its evidence."""
    wording = item.criterion.counter if isinstance(item, Counter) else item.pick
    return fmt.fill_text(wording or "", item.values) + "?"


def _use(reason: Reason) -> str:
    model = reason.model.name if reason.model else ""
    wording = reason.criterion.use_both if reason.criterion else None
    return f"{model} {fmt.fill_text(wording or '', reason.values)}".strip()


def mermaid(chart: Flowchart) -> Markup:
    """The flowchart as Mermaid source, one statement a line."""
    a, b = chart.sides
    node = {a.id: "pick_a", b.id: "pick_b"}
    lines = ["flowchart TD"]
    # Only the picks an arrow reaches are drawn: a "Pick X" box no answer leads to says nothing true.
    reached = {q.side.id for q in chart.questions} | ({chart.end.id} if chart.end else set())
    for side in (a, b):
        if side.id in reached:
            lines.append(f"    {node[side.id]}([{label('Pick ' + side.name)}])")
    last = node[chart.end.id] if chart.end else "last"
    for i, q in enumerate(chart.questions):
        # Rectangles, not diamonds: a long question in a diamond makes the chart several screens tall.
        lines.append(f"    q{i}[{label(question_text(q.item))}]")
        lines.append(f"    q{i} -->|yes| {node[q.side.id]}")
        lines.append(f"    q{i} -->|no| {'q' + str(i + 1) if i + 1 < len(chart.questions) else last}")
    if chart.use_both:
        uses = ", and ".join(_use(r) for r in chart.use_both)
        lines.append(f"    last([{label('Use both: ' + uses)}])")
    elif not chart.end:
        lines.append(f"    last([{label('Either works: no remaining difference passes its threshold')}])")
    return Markup("\n".join(lines))

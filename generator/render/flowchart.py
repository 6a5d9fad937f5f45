"""The decision flowchart as HTML drawn at build time: derived steps in, one `<ol>` block out.

The chart is a chain: each question's "yes" picks a side and its "no" leads to the next question (the
last "no" to the other side, to both or to either), so every pick shown is reachable and an ordered
list says all of it; a stylesheet (docs/stylesheets/site.css) draws the boxes and arrows. It replaced Mermaid, 953 KB of script run in the browser for one diagram per page; this costs
no script, reads in order without one, and is the same bytes on every build.

Text from data goes through `fmt.escape` (entities for every character that could start HTML or
Markdown), and the block is raw HTML on lines of its own, which Markdown passes through untouched.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.derive.flowchart import Flowchart
from generator.derive.picks import Counter, Reason
from generator.render import format as fmt


def question_text(item: Reason | Counter) -> str:
    """A list item as the chart's question: the reader's need, without its evidence."""
    wording = item.criterion.counter if isinstance(item, Counter) else item.pick
    return fmt.fill_text(wording or "", item.values) + "?"


def _use(reason: Reason) -> str:
    model = reason.model.name if reason.model else ""
    wording = reason.criterion.use_both if reason.criterion else None
    return f"{model} {fmt.fill_text(wording or '', reason.values)}".strip()


def flowchart_html(chart: Flowchart) -> Markup:
    """The chain as an ordered list: one item per question, with its "yes" answer, then the end."""
    a, _ = chart.sides
    lines = ['<ol class="omc-flow" data-search-exclude>']
    for q in chart.questions:
        side = "a" if q.side.id == a.id else "b"
        lines.append(
            f'<li class="omc-flow__step"><span class="omc-flow__q">{fmt.escape(question_text(q.item))}</span>'
            f' <span class="omc-flow__yes omc-flow__yes--{side}">Yes: pick {fmt.escape(q.side.name)}</span></li>'
        )
    if chart.end:  # "no" to the means the last side needs: the other side
        end = f"pick {chart.end.name}"
    elif chart.use_both:
        end = "Use both: " + ", and ".join(_use(r) for r in chart.use_both)
    else:
        end = "Either works: no remaining difference passes its threshold"
    lines.append(
        f'<li class="omc-flow__end"><span class="omc-flow__no">No to every question:</span> {fmt.escape(end)}</li>'
    )
    lines.append("</ol>")
    return Markup("\n".join(lines))

"""The staleness report for editors: which figures to re-check against their sources, oldest first.

Plain text for the terminal (`python -m generator stale`); it informs and never fails the build.
"""

from __future__ import annotations

from generator.derive.provenance import FigureRecord, Provenance


def stale_lines(prov: Provenance) -> list[str]:
    """One line per figure past the threshold, oldest first, then a count of figures never checked."""
    stale = prov.stale()
    lines = [
        f"{len(stale)} figure(s) older than {prov.stale_after_days} days as of {prov.today.isoformat()}"
        + (", oldest first:" if stale else ".")
    ]
    lines += [f"  {_line(r)}" for r in stale]
    never = prov.never_checked()
    if never:
        families = sorted({r.family.id for r in never})
        lines.append(
            f"{len(never)} figure(s) have no checked date and an undated source (never checked): {', '.join(families)}"
        )
    return lines


def _line(r: FigureRecord) -> str:
    basis = "checked" if r.basis == "checked" else "source dated"
    return (
        f"{r.as_of.isoformat() if r.as_of else '?'} ({r.age_days} days, {basis})  {r.family.id}: "
        f"{r.subject} {r.what} = {_short(r.value_text)}  [source: {r.source.id}]"
    )


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."

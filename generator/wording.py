"""Validation of what the decision engine reads: the pick wording, the pair edits and the guide.

Part of the validate stage (validate.py calls it with the other cross-file checks): a placeholder a
measure cannot fill is reported at its file:line:column with a did-you-mean, instead of failing when
a page that happens to use it is rendered; so are edits of unknown criteria, guide rankings by an
unknown category and duplicate guide ids.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from generator import schema
from generator.errors import ErrorCollector, Location
from generator.load import LoadedFile, Path_

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Fields of a criterion that are filled from its measure's values, and what each may also use.
WORDED = {
    "pick": frozenset(),
    "pick_with_emphasis": schema.EMPHASIS_PLACEHOLDERS,
    "evidence": frozenset(),
    "evidence_with_variant": schema.VARIANT_PLACEHOLDERS,
    "evidence_estimated": frozenset(),
    "evidence_unlisted": frozenset(),
}
FILLED = (*WORDED, "counter", "use_both")


class _Registry(Protocol):
    def require(self, ident: str | None, place: Location, field: str) -> None: ...


def placeholders(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


def check_text(
    text: str | None, allowed: Iterable[str], place: Location, field: str, collector: ErrorCollector
) -> None:
    """Report each placeholder of `text` that is not in `allowed`, suggesting the closest one."""
    if not text:
        return
    allowed = sorted(allowed)
    for name in placeholders(text):
        if name in allowed:
            continue
        hint = difflib.get_close_matches(name, allowed, n=1)
        if hint:
            maybe = f"; did you mean {{{hint[0]}}}?"
        elif allowed:
            maybe = f"; this wording can use {', '.join('{' + a + '}' for a in allowed)}"
        else:
            maybe = "; this wording is shown as written and cannot use placeholders"
        collector.add(place, f"{field}: {{{name}}} is not filled here{maybe}")


def _allowed(criterion: schema.Criterion, field: str) -> frozenset[str]:
    return schema.PLACEHOLDERS[criterion.measure] | WORDED.get(field, frozenset())


def _check_criteria(obj: schema.Criteria, f: LoadedFile, ids: Mapping[str, _Registry], c: ErrorCollector) -> None:
    for i, criterion in enumerate(obj.criteria):
        for field in FILLED:
            path: Path_ = ("criteria", i, field)
            check_text(getattr(criterion, field), _allowed(criterion, field), f.place(path), field, c)
        if criterion.measure == "category":
            if criterion.category is None:
                c.add(f.place(("criteria", i, "measure")), "measure `category` needs `category:` (a category id)")
            ids["category"].require(criterion.category, f.place(("criteria", i, "category")), "category")
    seen: dict[str, int] = {}
    for t, tier in enumerate(obj.licenses):
        for j, name in enumerate(tier.licenses):
            if name in seen:
                c.add(f.place(("licenses", t, "licenses", j)), f"{name!r} is already in tier {seen[name] + 1}")
            seen.setdefault(name, t)


def _check_edits(
    obj: schema.Comparison,
    f: LoadedFile,
    criteria: Mapping[str, schema.Criterion],
    c: ErrorCollector,
) -> None:
    for i, edit in enumerate(obj.picks):
        place = f.place(("picks", i))
        if (edit.criterion is None) == (edit.side is None):
            c.add(place, "a pick edit names either `criterion` (to change a computed item) or `side` (to add one)")
            continue
        if edit.side is not None:
            if edit.side not in obj.families:
                c.add(f.place(("picks", i, "side")), f"side: {edit.side!r} is not one of {', '.join(obj.families)}")
            if edit.drop or not edit.pick:
                c.add(place, "an added item needs `pick` (its wording) and cannot `drop`")
            for field in ("pick", "evidence"):
                check_text(getattr(edit, field), (), f.place(("picks", i, field)), field, c)
            continue
        criterion = criteria.get(edit.criterion or "")
        if criterion is None:
            hint = difflib.get_close_matches(edit.criterion or "", list(criteria), n=1)
            maybe = f"; did you mean {hint[0]!r}?" if hint else ""
            c.add(f.place(("picks", i, "criterion")), f"criterion: no criterion has the id {edit.criterion!r}{maybe}")
            continue
        if edit.drop == bool(edit.pick or edit.evidence):
            c.add(place, "a pick edit of a criterion either drops its item or rewords it (`pick`, `evidence`)")
        for field in ("pick", "evidence"):
            check_text(getattr(edit, field), _allowed(criterion, field), f.place(("picks", i, field)), field, c)


def check_wording(
    obj: Any,
    f: LoadedFile,
    criteria: Mapping[str, schema.Criterion],
    ids: Mapping[str, _Registry],
    collector: ErrorCollector,
) -> None:
    """The wording checks of one checked file, given every criterion by id."""
    if isinstance(obj, schema.Criteria):
        _check_criteria(obj, f, ids, collector)
    if isinstance(obj, schema.Comparison):
        _check_edits(obj, f, criteria, collector)
    if isinstance(obj, schema.Guide):
        _check_guide(obj, f, ids, collector)


def _check_guide(obj: schema.Guide, f: LoadedFile, ids: Mapping[str, _Registry], c: ErrorCollector) -> None:
    """Categories exist, and ids are unique where the picker's shareable URL uses them as keys."""
    _unique([q.id for q in obj.questions], lambda i: f.place(("questions", i, "id")), "question", c)
    for i, question in enumerate(obj.questions):
        place = lambda j, i=i: f.place(("questions", i, "options", j, "id"))  # noqa: E731 - a place per index
        _unique([o.id for o in question.options], place, "option", c)
        for j, option in enumerate(question.options):
            ids["category"].require(option.rank_by, f.place(("questions", i, "options", j, "rank_by")), "rank_by")


def _unique(idents: list[str], place: Callable[[int], Location], what: str, c: ErrorCollector) -> None:
    seen: set[str] = set()
    for i, ident in enumerate(idents):
        if ident in seen:
            c.add(place(i), f"duplicate {what} id {ident!r}")
        seen.add(ident)

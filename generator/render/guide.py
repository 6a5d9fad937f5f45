"""The guide page and the picker's JSON, both from one derived tree so that they cannot disagree.

The page lays the tree out as nested lists (for readers without JavaScript, and for search); the
picker (docs/assets/picker.js) reads the same tree from assets/picker.json and asks its questions
one at a time. Every phrase a leaf says is made here once and used by both.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from typing import Any

from generator import schema
from generator.derive.guide import Leaf, Node, Recommendation
from generator.derive.site import SitePlan
from generator.render import format as fmt

PICKER_JSON = "assets/picker.json"


@dataclass(frozen=True)
class Line:
    """One item of the static tree: the answers that lead here, then a question or a leaf."""

    depth: int
    options: str
    question: schema.GuideQuestion | None
    leaf: Leaf | None


def reason(rec: Recommendation) -> str:
    """Why a model is named, in figures: "MMLU 83.2 · base, 5-shot · needs 8 GB"."""
    parts = []
    if rec.benchmark and rec.score:
        parts.append(f"{rec.benchmark.name} {fmt.quantity(rec.score)}")
        if rec.setting:
            parts.append(rec.setting)
    if rec.ram:
        parts.append(f"needs {fmt.need(rec.ram)}")
    return " · ".join(parts)


def leaf_note(guide: schema.Guide, leaf: Leaf) -> str | None:
    if leaf.models:
        return None
    return guide.unranked if leaf.unranked else guide.nothing_fits


def leaf_models(leaf: Leaf) -> tuple[Recommendation, ...]:
    return leaf.models or leaf.unranked


def lines(node: Node | Leaf, depth: int = 0) -> list[Line]:
    """The tree below a question as list items, depth first in option order."""
    if isinstance(node, Leaf):
        return []
    found = []
    for branch in node.branches:
        labels = " / ".join(o.label for o in branch.options)
        child = branch.child
        if isinstance(child, Leaf):
            found.append(Line(depth, labels, None, child))
        else:
            found.append(Line(depth, labels, child.question, None))
            found.extend(lines(child, depth + 1))
    return found


def _url_from_json(plan: SitePlan, model_id: str) -> str | None:
    """A model page's directory URL relative to the JSON file, as the picker resolves it."""
    found = plan.find("model", model_id)
    if not found:
        return None
    target = posixpath.splitext(found.path)[0] + "/"
    return posixpath.relpath(target, posixpath.dirname(PICKER_JSON)) + "/"


def _json_node(guide: schema.Guide, plan: SitePlan, node: Node | Leaf) -> dict[str, Any]:
    if isinstance(node, Leaf):
        models = [
            {"name": r.model.name, "url": _url_from_json(plan, r.model.id), "reason": reason(r)}
            for r in leaf_models(node)
        ]
        return {"models": models, "note": leaf_note(guide, node)}
    return {
        "question": node.question.id,
        "branches": [
            {"options": [o.id for o in b.options], "next": _json_node(guide, plan, b.child)} for b in node.branches
        ],
    }


def picker_data(guide: schema.Guide, plan: SitePlan, root: Node) -> dict[str, Any]:
    """What the picker reads: the questions with their options, and the same tree as the page."""
    questions = {
        q.id: {"ask": q.ask, "options": [{"id": o.id, "label": o.label} for o in q.options]} for q in guide.questions
    }
    return {"questions": questions, "tree": _json_node(guide, plan, root)}


def picker_files(guide: schema.Guide, plan: SitePlan, root: Node) -> dict[str, bytes]:
    """The picker's JSON file, byte-identical for the same data (sorted keys, fixed separators)."""
    text = json.dumps(picker_data(guide, plan, root), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return {PICKER_JSON: (text + "\n").encode()}

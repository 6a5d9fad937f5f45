"""The guide's decision tree, its page and the picker's JSON."""

from __future__ import annotations

import json
import re
from typing import Any

from generator import pages
from generator.build import make_site
from generator.derive import guide as tree
from generator.model import Catalog
from generator.render.guide import PICKER_JSON
from tests.picks_data import fig, hardware, make_catalog, model, score

GUIDE = {
    "title": "Pick",
    "recommend": 2,
    "questions": [
        {
            "id": "ram",
            "ask": "RAM?",
            "options": [{"id": "small", "label": "8 GB", "max_ram_gb": 8}, {"id": "big", "label": "Any"}],
        },
        {
            "id": "input",
            "ask": "Input?",
            "options": [
                {"id": "text", "label": "Text"},
                {"id": "image", "label": "Images", "modalities": ["text", "image"]},
            ],
        },
        {
            "id": "use",
            "ask": "Use?",
            "options": [
                {"id": "general", "label": "General", "rank_by": "general"},
                {"id": "coding", "label": "Coding", "rank_by": "coding"},
            ],
        },
    ],
}


def small_catalog() -> Catalog:
    families = [
        {
            "id": "a",
            "modalities": fig(["text", "image"]),
            "models": [
                model("a-small", hardware=[hardware(4)], scores=[score("gen", 60)]),
                model("a-big", hardware=[hardware(32)], scores=[score("gen", 80), score("code", 70)]),
            ],
        },
        {
            "id": "b",
            "models": [
                model("b-mid", hardware=[hardware(8)], scores=[score("gen", 70), score("code", 75)]),
                model("b-unmeasured", scores=[score("gen", 99), score("code", 99)]),
            ],
        },
    ]
    return make_catalog(families, [], guide=GUIDE)


def outcome(catalog: Catalog, **answers: str) -> list[str]:
    options = [next(o for o in q.options if o.id == answers[q.id]) for q in catalog.guide.questions]
    leaf = tree.leaf(catalog, catalog.guide, tuple(options))
    return [r.model.id for r in leaf.models] or [f"unranked:{r.model.id}" for r in leaf.unranked]


def test_filters_need_the_figure_and_rankings_compare_like_with_like() -> None:
    catalog = small_catalog()
    # b-unmeasured has the best scores but no RAM figure: never recommended under a RAM limit.
    assert outcome(catalog, ram="small", input="text", use="general") == ["b-mid", "a-small"]
    assert outcome(catalog, ram="big", input="text", use="general") == ["b-unmeasured", "a-big"]
    # b states no modalities, so it is not shown to read images.
    assert outcome(catalog, ram="small", input="image", use="general") == ["a-small"]
    # a-small has no coding score: unranked models are not recommended while others are ranked...
    assert outcome(catalog, ram="small", input="image", use="coding") == ["unranked:a-small"]
    assert outcome(catalog, ram="small", input="text", use="coding") == ["b-mid"]


def test_questions_whose_answers_change_nothing_are_not_asked() -> None:
    idle = {"id": "idle", "ask": "Idle?", "options": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}]}
    catalog = small_catalog()
    guide = catalog.guide.model_copy(
        update={"questions": [*catalog.guide.questions, type(catalog.guide.questions[0]).model_validate(idle)]}
    )
    root = tree.tree(catalog, guide)
    assert tree.signature(root) == tree.signature(tree.tree(catalog, catalog.guide))
    assert "idle" not in str(tree.signature(root))


def test_answers_with_the_same_outcome_share_a_branch(catalog: Catalog) -> None:
    def branches(node: tree.Node | tree.Leaf) -> list[tree.Branch]:
        if isinstance(node, tree.Leaf):
            return []
        return [b for br in node.branches for b in (br, *branches(br.child))]

    found = branches(tree.tree(catalog, catalog.guide))
    shared = [b for b in found if len(b.options) > 1]
    assert shared  # e.g. "Chinese, Japanese or Korean / Another language" in today's data

    # Every pair of branches under one question leads to different outcomes.
    def distinct(node: tree.Node | tree.Leaf) -> bool:
        if isinstance(node, tree.Leaf):
            return True
        signatures = [tree.signature(b.child) for b in node.branches]
        return len(set(signatures)) == len(signatures) and all(distinct(b.child) for b in node.branches)

    assert distinct(tree.tree(catalog, catalog.guide))


def _json_leaves(node: dict[str, Any]) -> list[list[str]]:
    if "question" not in node:
        return [[m["name"] for m in node["models"]]]
    return [leaf for b in node["branches"] for leaf in _json_leaves(b["next"])]


def _page_leaves(markdown: str) -> list[list[str]]:
    """The model names of every leaf item of the page's static tree, in page order."""
    items = [line for line in markdown.splitlines() if re.match(r"^\s*- \*\*.*:\*\* ", line)]
    leaves = [re.findall(r"\[([^\]]+)\]\(", line) for line in items]
    return [names for line, names in zip(items, leaves, strict=True) if names or not line.rstrip().endswith("?")]


def test_picker_json_matches_the_static_tree(catalog: Catalog) -> None:
    site = make_site(catalog)
    rendered = pages.render(site, site.plan.find("guide"))
    markdown, data = rendered.markdown, json.loads(rendered.files[PICKER_JSON])
    assert _json_leaves(data["tree"]) == _page_leaves(markdown)
    assert len(_page_leaves(markdown)) == len(tree.leaves(tree.tree(catalog, catalog.guide))) > 10
    assert {k: q["ask"] for k, q in data["questions"].items()} == {q.id: q.ask for q in catalog.guide.questions}


def test_picker_json_is_deterministic_and_links_resolve_from_assets(catalog: Catalog) -> None:
    first, second = (pages.render(make_site(catalog), make_site(catalog).plan.find("guide")).files for _ in "12")
    assert first == second
    urls = {m["url"] for leaf in _json_models(json.loads(first[PICKER_JSON])["tree"]) for m in leaf}
    assert urls and all(re.fullmatch(r"\.\./models/[a-z0-9-]+/", u) for u in urls)


def _json_models(node: dict[str, Any]) -> list[list[dict[str, Any]]]:
    if "question" not in node:
        return [node["models"]]
    return [leaf for b in node["branches"] for leaf in _json_models(b["next"])]


def _paths(node: tree.Node | tree.Leaf, path: tuple = ()) -> list[tuple[tuple, tree.Leaf]]:
    if isinstance(node, tree.Leaf):
        return [(path, node)]
    return [p for b in node.branches for p in _paths(b.child, (*path, *b.options))]


def test_every_leaf_of_the_real_data_respects_its_answers_and_ranks_like_with_like(catalog: Catalog) -> None:
    paths = _paths(tree.tree(catalog, catalog.guide))
    assert paths
    for options, leaf in paths:
        limit = min((o.max_ram_gb for o in options if o.max_ram_gb), default=None)
        for rec in (*leaf.models, *leaf.unranked):
            assert limit is None or (rec.ram and rec.ram.gb <= limit), (rec.model.id, limit)
        # Consecutive models ranked on the same benchmark and setting come in descending order.
        keyed = [((r.benchmark.id, r.setting), r.score.value) for r in leaf.models]
        for (k1, v1), (k2, v2) in zip(keyed, keyed[1:], strict=False):
            assert k1 != k2 or v1 >= v2


def test_scores_under_different_settings_are_not_ranked_against_each_other() -> None:
    def scored(ident: str, value: float, shots: int | None) -> dict[str, Any]:
        extra = {"shots": shots} if shots is not None else {}
        return model(ident, scores=[{**score("gen", value), **extra}])

    families = [
        {"id": "a", "models": [scored("a1", 90, None), scored("a2", 70, 5)]},
        {"id": "b", "models": [scored("b1", 80, 5)]},
    ]
    guide = {"title": "t", "questions": [GUIDE["questions"][2]]}
    catalog = make_catalog(families, [], guide=guide)
    general = next(o for o in catalog.guide.questions[0].options if o.id == "general")
    leaf = tree.leaf(catalog, catalog.guide, (general,))
    # a1's 90 has no stated setting: it cannot be set against the 5-shot scores, which cover more models.
    assert [(r.model.id, r.setting) for r in leaf.models] == [("b1", "5-shot"), ("a2", "5-shot")]

"""Evaluation settings (data format v2): which scores may be compared, who ran them, how they read.

The comparability rule is data (data/criteria.yaml `comparable:`); these tests pin each case of it on
small catalogs built in code, and the editor-facing errors on copies of the real data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import schema
from generator.derive import provenance
from generator.model import Catalog
from tests.data_errors import errors, line_of
from tests.picks_data import make_catalog, model

Edit = Callable[[str, str, str], Path]
RULE = {"must_match": ["variant", "shots", "cot", "tools"], "match_if_stated": ["effort"]}


def _scores(*settings: dict[str, Any], rule: dict[str, Any] | None = None, sources: Any = None) -> list[schema.Score]:
    """One family per setting, each with one MMLU score stated that way, in a catalog with `rule`."""
    families = [
        {
            "id": f"f{i}",
            "maker": setting.pop("family_maker", "m"),
            "models": [model(f"f{i}-m", scores=[{"benchmark": "gen", "value": 50 + i, "quote": "q", **setting}])],
            "sources": sources or [],
        }
        for i, setting in enumerate({"source": "s", **s} for s in settings)
    ]
    catalog = make_catalog(families, [], comparable=rule or RULE)
    return [catalog, *(catalog.models[f"f{i}-m"].scores[0] for i in range(len(settings)))]  # type: ignore[list-item]


def _comparable(x: dict[str, Any], y: dict[str, Any], rule: dict[str, Any] | None = None) -> bool:
    catalog, a, b = _scores(x, y, rule=rule)
    assert provenance.comparable(catalog, a, b) == provenance.comparable(catalog, b, a)  # symmetric
    return provenance.comparable(catalog, a, b)


def test_scores_stating_the_same_settings_are_comparable() -> None:
    same = {"variant": "instruct", "shots": 5, "cot": True, "tools": False}
    assert _comparable(same, same)
    assert _comparable({}, {})  # neither states anything: equal


@pytest.mark.parametrize(
    "other",
    [
        {"variant": "base", "shots": 5, "cot": True},  # base vs instruct
        {"variant": "instruct", "shots": 0, "cot": True},  # 0-shot vs 5-shot
        {"variant": "instruct", "shots": 5, "cot": False},  # chain of thought or not
        {"variant": "instruct", "shots": 5},  # CoT stated on one side only: "not stated" is a value
        {"shots": 5, "cot": True},  # the variant unstated
        {"variant": "instruct", "shots": 5, "cot": True, "tools": True},  # with tools
    ],
)
def test_a_must_match_setting_that_differs_or_is_stated_on_one_side_only_decides_nothing(
    other: dict[str, Any],
) -> None:
    assert not _comparable({"variant": "instruct", "shots": 5, "cot": True}, other)


def test_match_if_stated_settings_matter_only_when_both_state_them() -> None:
    high, low, unstated = ({"variant": "reasoning", "effort": e} for e in ("high", "low", None))
    unstated.pop("effort")
    assert _comparable(high, unstated)
    assert _comparable(high, {"variant": "reasoning", "effort": "high"})
    assert not _comparable(high, low)


def test_the_rule_is_data_a_field_left_out_of_it_is_not_compared() -> None:
    assert _comparable({"variant": "base"}, {"variant": "instruct"}, rule={"must_match": ["shots"]})
    assert not _comparable({"shots": 5}, {"shots": 0}, rule={"must_match": ["shots"]})


def test_who_ran_a_score_comes_from_its_source_unless_stated() -> None:
    sources = [
        {"id": "own", "title": "Own card"},  # official, in the family's file: the family's maker's
        {"id": "rival", "title": "Rival report", "maker": "r"},  # another maker's publication
        {"id": "board", "title": "A leaderboard", "kind": "third-party", "evaluator": "lab"},
    ]
    catalog, own, rival, board, stated, named = _scores(
        {"source": "own"},
        {"source": "rival"},
        {"source": "board"},
        {"source": "board", "run_by": "maker"},
        {"source": "rival", "run_by": "m"},  # the model's maker named by id is the maker
        sources=sources,
    )
    runs = [provenance.setting_of(catalog, s).run_by for s in (own, rival, board, stated, named)]
    assert runs == ["maker", "r", "lab", "maker", "maker"]
    # Only the maker's own publication makes a score the maker's own claim.
    assert [
        provenance.own_claim(catalog, s.source, catalog.model_family(catalog.score_model[id(s)]))
        for s in (own, rival, board)
    ] == [
        True,
        False,
        False,
    ]


def test_run_by_decides_comparability_once_the_rule_names_it() -> None:
    sources = [{"id": "own", "title": "Own card"}, {"id": "rival", "title": "Rival report", "maker": "r"}]
    rule = {"must_match": ["variant", "run_by"]}
    catalog, a, b, c = _scores(
        {"source": "own", "variant": "base"},
        {"source": "own", "variant": "base"},
        {"source": "rival", "variant": "base"},
        rule=rule,
        sources=sources,
    )
    assert provenance.comparable(catalog, a, b)  # each run by its own maker
    assert not provenance.comparable(catalog, a, c)  # one run by another maker
    assert provenance.setting_label(catalog, c) == "base, run by r"


@pytest.mark.parametrize(
    ("setting", "label"),
    [
        ({"variant": "instruct", "shots": 5, "cot": True}, "instruct, 5-shot, CoT"),
        ({"variant": "reasoning", "effort": "high", "tools": False}, "reasoning, high effort, no tools"),
        ({"variant": "base", "shots": 0, "cot": False, "tools": True}, "base, 0-shot, no CoT, with tools"),
        ({"metric": "pass@1"}, "setting not stated"),  # the metric is shown, never compared
    ],
)
def test_the_label_beside_a_score_is_made_from_its_fields(setting: dict[str, Any], label: str) -> None:
    catalog, score = _scores(setting)
    assert provenance.setting_label(catalog, score) == label


def test_the_model_page_shows_the_setting_and_the_metric(catalog: Catalog) -> None:
    from generator.build import render_site

    page = render_site(catalog)["models/llama-3-1-8b.md"].decode()
    assert "| base, 5-shot, CoT (macro&#95;avg/acc&#95;char) |" in page  # underscores escaped for Markdown


def test_a_rule_naming_an_unknown_field_is_an_error_with_the_allowed_values(project: Path, edit: Edit) -> None:
    edit("data/criteria.yaml", "must_match: [variant, shots, cot, tools]", "must_match: [variant, shot, cot, tools]")
    line = line_of(project, "data/criteria.yaml", "must_match:")
    assert errors(project) == [
        f"data/criteria.yaml:{line}:25: comparable.must_match.1: 'shot' is not one of variant, effort, shots, cot, "
        "tools, run_by (did you mean 'shots'?)"
    ]


def test_a_field_in_both_lists_of_the_rule_is_an_error(project: Path, edit: Edit) -> None:
    edit("data/criteria.yaml", "match_if_stated: [effort]", "match_if_stated: [effort, shots]")
    line = line_of(project, "data/criteria.yaml", "match_if_stated:")
    assert errors(project) == [f"data/criteria.yaml:{line}:29: comparable: 'shots' is listed twice; keep one"]


def test_a_missing_rule_is_an_error(project: Path, edit: Edit) -> None:
    edit("data/criteria.yaml", "comparable:\n", "comparable_rule:\n")
    assert any("unknown field 'comparable_rule'; did you mean 'comparable'?" in e for e in errors(project))

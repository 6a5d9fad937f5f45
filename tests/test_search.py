"""The built search index (Material's lunr index, search/search_index.json) finds verdicts (issue 17):
a curated comparison by its summary, pick list and headline numbers, and the four queries of the issue
bring a comparison, a ranking and the hardware guide. Generated pairs stay indexed by title alone, so
the index grows with the comparisons the editors write, not with every pair the data implies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.model import Catalog

FLAGSHIP = "compare/gemma-4-vs-qwen-3-5/"


@pytest.fixture(scope="module")
def docs(default_site: Path) -> list[dict[str, str]]:
    return json.loads((default_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def found(docs: list[dict[str, str]], term: str) -> set[str]:
    """The pages with an entry whose title or text has the term (roughly what lunr matches)."""
    return {d["location"].split("#")[0] for d in docs if term.lower() in (d["title"] + " " + d["text"]).lower()}


def test_the_flagship_is_found_by_its_verdicts(docs: list[dict[str, str]]) -> None:
    entries = {d["location"]: d for d in docs if d["location"].startswith(FLAGSHIP)}
    assert any("coding" in d["text"].lower() for d in entries.values())
    pick = entries[FLAGSHIP + "#pick"]
    assert "Pick Qwen 3.5 if:" in pick["text"] and "Pick Gemma 4 if:" in pick["text"]
    assert "Apache 2.0" in entries[FLAGSHIP + "#quick-comparison"]["text"]  # a headline figure
    assert "Apache 2.0" in entries[FLAGSHIP]["text"]  # the summary under the title
    # The page's snippet in the results is its summary, not the update banner's title ("Update").
    assert entries[FLAGSHIP]["text"].startswith("<p>Qwen 3.5 and Gemma 4 are both")
    assert "Qwen 3.6 is now available" not in entries[FLAGSHIP]["text"]
    # The pick list again as a flowchart, the further reading and the sources add nothing to find.
    assert not {FLAGSHIP + "#flowchart", FLAGSHIP + "#further-reading", FLAGSHIP + "#sources"} & set(entries)


def test_only_curated_comparisons_are_indexed_beyond_their_title(catalog: Catalog, docs: list[dict[str, str]]) -> None:
    curated = {"compare/" + "-vs-".join(sorted(c.families)) + "/" for c in catalog.comparisons.values()}
    with_sections = {
        page
        for d in docs
        if "-vs-" in (page := d["location"].split("#")[0]) and page.startswith("compare/") and "#" in d["location"]
    }
    assert with_sections == curated
    generated = "compare/gemma-3-vs-gemma-4/"
    assert [d["location"] for d in docs if d["location"].startswith(generated)] == [generated]


@pytest.mark.parametrize("term", ["coding", "8 GB", "MMLU", "Gemma"])
def test_the_issues_queries_bring_a_comparison_a_ranking_and_the_hardware_guide(
    docs: list[dict[str, str]], term: str
) -> None:
    pages = found(docs, term)
    comparisons = {p for p in pages if p.startswith("compare/") and "-vs-" in p}
    rankings = {p for p in pages if p.startswith("best/") and p != "best/"}
    assert comparisons, f"no comparison page has {term!r}"
    assert rankings, f"no ranking has {term!r}"
    assert "hardware/" in pages


def test_the_verdict_pages_are_boosted(docs: list[dict[str, str]]) -> None:
    """The pages that answer "which model" rank above the reference pages that mention a query's word
    (Material's per-page boost; the browser test checks the order lunr gives)."""
    boosted = {d["location"].split("#")[0] for d in docs if d.get("boost")}
    assert {"hardware/", "best/under-8-gb/", "best/coding-locally/", FLAGSHIP} <= boosted
    assert not {d for d in boosted if d.startswith(("models/", "benchmarks/", "matchups/", "compare/gemma-3-vs"))}

"""The rendered pages of every kind: what appears, what is left out, and where a new family shows up."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import load_catalog, render_site
from generator.derive import charts, provenance, rankings
from generator.derive.pagemeta import RELATED_LIMIT
from generator.errors import DataErrors
from generator.model import Catalog
from generator.validate import validate
from tests.conftest import TODAY
from tests.synthetic import add_family

Edit = Callable[[str, str, str], Path]


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    return {path: content.decode() for path, content in render_site(catalog).items() if path.endswith(".md")}


def headings(markdown: str) -> list[str]:
    return re.findall(r"^#{2,3} .*$", markdown, flags=re.MULTILINE)


def section(markdown: str, anchor: str) -> str:
    """The text of the section whose heading carries {#anchor}, up to the next heading of any level."""
    match = re.search(
        r"^#+ .*\{#" + re.escape(anchor) + r"\}\n(.*?)(?=^#|\Z)", markdown, flags=re.MULTILINE | re.DOTALL
    )
    assert match, f"no section #{anchor}"
    return match.group(1)


def has_section(page: str, anchor: str) -> bool:
    """A heading with this anchor, whatever other attributes it has ({#api data-search-exclude})."""
    return re.search(r"\{#" + re.escape(anchor) + r"[ }]", page) is not None


# Every real family now has models and scores: the thin cases are made up, beside the real data.
THIN = """id: thin-family
name: Thin Family
maker: google
license: {value: Apache 2.0, source: thin-card, quote: "Licensed under Apache 2.0"}
sources:
  - {id: thin-card, title: Thin card, url: "https://example.org/thin", kind: official}
"""

SPARSE = """id: sparse-family
name: Sparse Family
maker: google
models:
  - {id: sparse-1, name: Sparse 1}
sources:
  - {id: sparse-card, title: Sparse card, url: "https://example.org/sparse", kind: official}
"""


@pytest.fixture(scope="module")
def thin(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The pages of the real data with a family that has no models and one whose model has no figures."""
    from tests.sitecheck import copy_project

    project = copy_project(tmp_path_factory.mktemp("thin"))
    (project / "data/families/thin-family.yaml").write_text(THIN, encoding="utf-8")
    (project / "data/families/sparse-family.yaml").write_text(SPARSE, encoding="utf-8")
    files = render_site(load_catalog(project))
    return {path: content.decode() for path, content in files.items() if path.endswith(".md")}


def test_family_without_models_or_offers_leaves_those_sections_out(thin: dict[str, str]) -> None:
    page = thin["families/thin-family.md"]
    for anchor in ("models", "scores", "hardware", "api", "run-locally", "matchups"):
        assert not has_section(page, anchor), anchor
    assert has_section(page, "specs") and has_section(page, "comparisons")
    assert has_section(thin["families/gemma-4.md"], "scores")  # the check finds a section that is there


def test_a_family_without_scores_says_so_and_promises_none(pages: dict[str, str]) -> None:
    """Command A has models and specifications but no benchmark score in the data: its page says so in a
    sentence, and neither its description (the link preview) nor its models' promise "benchmark scores"."""
    page = pages["families/command-a.md"]
    assert "No benchmark score of Command A is in our data yet" in page
    assert (
        "benchmark scores" not in page.split("---")[1]
        and "benchmark scores" not in pages["models/command-a-03-2025.md"].split("---")[1]
    )
    assert "benchmark scores" in pages["families/gemma-4.md"].split("---")[1]


def test_model_without_figures_leaves_their_sections_out(thin: dict[str, str]) -> None:
    page = thin["models/sparse-1.md"]
    for anchor in ("scores", "hardware", "api", "run-locally", "matchups", "sources"):
        assert not has_section(page, anchor), anchor
    assert "| Parameters | — |" in page  # the one spec row every model has says so, not "0B"


def test_pair_with_little_data_is_honest_and_has_no_empty_tables(thin: dict[str, str]) -> None:
    paths = [p for p in thin if p.startswith("compare/") and "thin-family" in p]
    assert paths, "a family without models still has its comparisons"
    for path in paths:
        page = thin[path]
        for anchor in ("model-sizes", "hardware", "api"):
            assert "{#" + anchor + "}" not in page, path
        assert "no benchmark that both families report" in page, path
        assert not re.search(r"\|---\|[-|:]*\n\n", page), "a table with a header and no rows"


def test_complete_model_page_has_every_section_with_sources(pages: dict[str, str]) -> None:
    page = pages["models/gemma-4-26b.md"]
    assert [h.split(" {#")[0] for h in headings(page)][:7] == [
        "## Specifications",
        "## Run it locally",
        "## Benchmark scores",
        "## Where sources disagree",
        "## Hardware needs and speed",
        "### Memory by format and context",
        "### Speed by hardware",
    ]
    assert "ollama run gemma4:26b" in page
    assert "| [HumanEval](../benchmarks/humaneval.md) | [Coding](../leaderboards/coding.md) | 78.5<sup>" in page
    assert "[Gemma 4 vs Qwen 3.5](../compare/gemma-4-vs-qwen-3-5.md)" in page


def test_superseded_family_and_its_models_carry_the_banner(pages: dict[str, str]) -> None:
    assert '!!! warning "Superseded"' in pages["families/qwen-3-5.md"]
    assert "succeeded by [Qwen 3.6](../families/qwen-3-6.md)" in pages["models/qwen-3-5-plus.md"]
    assert "Superseded" not in pages["families/gemma-4.md"]


def test_every_empty_table_row_is_a_dash_never_a_zero(pages: dict[str, str]) -> None:
    for path, page in pages.items():
        if path == "data-quality.md":  # the editors' coverage counts, where 0 is the figure
            continue
        assert not re.search(r"\| (0|0\.0|\$0\.00|0 GB|0 tok/s) \|", page), path


def test_related_links_are_capped(project: Path) -> None:
    for i in range(3):  # with the real data's families, enough that every list would overflow the cap
        add_family(project / "data", f"zeta-{i}", f"Zeta {i}")
    files = render_site(load_catalog(project))
    for path, content in files.items():
        if not path.endswith(".md"):
            continue
        text = content.decode()
        for anchor in ("related", "further-reading"):
            if "{#" + anchor + "}" in text:
                links = [line for line in section(text, anchor).splitlines() if line.startswith("- ")]
                # the further-reading list adds the two family pages and the matchup to the related pairs
                assert len(links) <= RELATED_LIMIT + 3, path


def test_model_pair_page_says_why_it_exists_and_shows_shared_benchmarks(pages: dict[str, str]) -> None:
    curated = pages["matchups/gemma-4-26b-vs-qwen-3-5-plus.md"]
    assert "\n# Qwen 3.5 Plus vs Gemma 4 26B MoE\n" in curated
    assert "The editors' matchup of the [Qwen 3.5 vs Gemma 4 comparison](../compare/gemma-4-vs-qwen-3-5.md)." in curated
    assert re.search(
        r"\| \[MGSM\]\(\.\./benchmarks/mgsm\.md\) \| \*\*88\.9\*\*(<sup>.*?</sup>)? \| 82\.4(<sup>.*?</sup>)? \|",
        curated,
    )
    default = pages["matchups/gemma-4-26b-vs-qwen-2-5-coder-7b.md"]
    assert "most benchmarks in common, then nearest in size" in default
    assert "Reported for Gemma 4 26B MoE only:" in default
    sized = pages["matchups/llama-3-1-8b-vs-qwen-3-8b.md"]
    assert (
        "Llama 3.1 8B and Qwen3-8B are among the nearest in size from different families: 8B and 8B parameters."
        in sized
    )
    assert "For the whole families, see the" not in sized  # Llama 3.1 and Qwen3 have no comparison page
    dated = pages["matchups/command-a-03-2025-vs-llama-3-2-90b-vision.md"]
    assert "Released 167 days apart (Command A (03-2025) on 2025-03-11, Llama 3.2 90B Vision on 2024-09-25)" in dated
    assert "For the whole families, see the" not in dated  # Command A and Llama 3.2 have no comparison page
    linked = pages["matchups/deepseek-r1-distill-llama-8b-vs-qwen-3-8b.md"]
    assert (
        "For the whole families, see the [DeepSeek-R1 vs Qwen3 comparison](../compare/deepseek-r1-vs-qwen-3.md)."
        in linked
    )


def test_benchmark_board_ranks_each_setting_on_its_own(catalog: Catalog, pages: dict[str, str]) -> None:
    for bench in catalog.benchmarks:
        boards = rankings.benchmark_board(catalog, bench)
        assert len({b.setting for b in boards}) == len(boards)
        for board in boards:
            values = [r.score.value for r in board.ranking.rows]
            assert values == sorted(values, reverse=catalog.benchmarks[bench].higher_is_better)
            assert {provenance.setting_label(catalog, r.score) for r in board.ranking.rows} == {board.setting}
        scored = {m.id for m in catalog.models.values() if any(s.benchmark == bench for s in m.scores)}
        assert {r.model.id for b in boards for r in b.ranking.rows} == scored
    general = pages["leaderboards/general.md"]
    assert "Ranked by MMLU (higher is better); models with no MMLU score in its ranked setting are ranked" in general


def test_every_leaderboard_table_is_sorted_by_its_ranking_column(catalog: Catalog, pages: dict[str, str]) -> None:
    """Each "Ranked by X" table: positions from 1, every row with a value in X's column, in order; the
    chart beside it shows the same value as the table for each model (the ranked setting's)."""
    for category in catalog.categories:
        board = rankings.category_board(catalog, category)
        if board is None:
            continue
        page = pages[f"leaderboards/{category}.md"]
        ids = [b.id for b in board.benchmarks]
        for bench, group in board.ranking.groups:
            assert f"## Ranked by {bench.name}" in page
            column = ids.index(bench.id)
            values = [cells[column].value for _, cells in board.cells_of(group)]  # type: ignore[union-attr]
            assert values == sorted(values, reverse=bench.higher_is_better), (category, bench.id)
            assert group[0].position == 1
            assert all(cells[column] is r.score for r, cells in board.cells_of(group))
        assert not any(r.position for r in board.ranking.apart)
        chart = charts.category_leaderboard(catalog, category)
        for series in chart.series if chart else ():
            model = next(m for m in catalog.models.values() if m.name == series.label)
            row = next((c for r, c in board.cells_of(board.ranking.all_rows) if r.model.id == model.id), None)
            for bench_label, value in zip(chart.groups, series.values, strict=True):
                if value is None:
                    continue
                bench = next(b for b in board.benchmarks if charts._benchmark_label(b) == bench_label)
                cell = row[ids.index(bench.id)] if row else None
                assert cell is not None and cell.value == value, (category, model.id, bench.id)


RANK_FAMILY = """id: rank-test
name: Rank Test
maker: google
models:
  - {id: rank-a, name: Rank A, scores: [{benchmark: mmlu, value: 70, shots: 5, source: s, quote: "mmlu 70"}]}
  - {id: rank-b, name: Rank B, scores: [{benchmark: mmlu, value: 70, shots: 5, source: s, quote: "mmlu 70"}]}
  - {id: rank-c, name: Rank C, scores: [{benchmark: mmlu, value: 90, shots: 0, source: s, quote: "mmlu 90"}]}
  - {id: rank-d, name: Rank D, scores: [{benchmark: humaneval, value: 50, shots: 0, source: s, quote: "humaneval 50"}]}
  - {id: rank-e, name: Rank E}
sources:
  - {id: s, title: Synthetic ranking test, kind: article}
"""


def test_rank_shares_places_keeps_settings_apart_and_names_unscored_models(project: Path) -> None:
    (project / "data/families/rank-test.yaml").write_text(RANK_FAMILY, encoding="utf-8")
    catalog = load_catalog(project)
    found = rankings.rank(catalog, catalog.family_models("rank-test"), ["mmlu", "humaneval"])
    assert [(r.position, r.model.id, r.benchmark.id) for r in found.rows] == [
        (1, "rank-a", "mmlu"),
        (1, "rank-b", "mmlu"),  # equal scores share a place
        (1, "rank-d", "humaneval"),  # ranked by HumanEval in a table of its own, from 1
    ]
    # 90 on MMLU is higher, but 0-shot is not the setting the others share: shown, not ranked
    assert [(r.position, r.model.id, r.score.shots) for r in found.apart] == [(None, "rank-c", 0)]
    assert [m.id for m in found.unranked] == ["rank-e"]


def test_hardware_guide_tiers_and_fastest(pages: dict[str, str]) -> None:
    page = pages["hardware/index.md"]
    assert "### Best models under 2 GB RAM {#ram-2-gb}" in page
    assert "### Best models under 4 GB RAM {#ram-4-gb}" in page
    tier8 = section(page, "ram-8-gb")
    # The seed's "8 GB" for Gemma 4 26B MoE is below what 26B weights need at 4 bits: it places
    # nothing, and the model's estimate (16.8 GB) puts it in the 32 GB tier.
    assert "Gemma 4 26B MoE" not in tier8 and "Llama 3.1 8B" in tier8
    assert "Gemma 4 26B MoE" in section(page, "ram-32-gb")
    assert "Qwen 3.5 Plus" not in section(page, "ram")  # only its impossible 16 GB: not placed
    assert "### Best models under 8 GB of GPU memory {#vram-8-gb}" in page
    speed = section(page, "speed-laptop-cpu")
    assert speed.index("Gemma 4 26B MoE") < speed.index("Qwen 3.5 Plus")


def test_use_case_ranking_pages_state_their_rule(catalog: Catalog, pages: dict[str, str]) -> None:
    page = pages["best/coding-locally.md"]
    assert "Only models that run locally" in page
    assert "Ranked by HumanEval (higher is better); models with no HumanEval score in its ranked setting" in page
    # Qwen 2.5 Coder 32B runs locally by its family's Ollama offer (Ollama's library lists qwen2.5-coder),
    # which is what lists it; before that offer was sourced it had no local route and was left out.
    assert "[Qwen 2.5 Coder 32B](../models/qwen-2-5-coder-32b.md)" in page
    # EXAONE 4.0 32B has no Ollama tag, measurement or local offer in the data: not local, not listed.
    assert not rankings.runs_locally(catalog, catalog.models["exaone-4-0-32b"])
    assert "EXAONE 4.0 32B" not in page
    assert (
        "Only models that fit in 8 GB of RAM: measured, or estimated where nothing was measured"
        in pages["best/under-8-gb.md"]
    )


def test_a_new_family_shows_up_everywhere(project: Path) -> None:
    add_family(project / "data", "zeta-1", "Zeta 1", released="2026-11-02", scale=3)
    files = {p: c.decode() for p, c in render_site(load_catalog(project)).items() if p.endswith(".md")}
    assert "Zeta 1 Big" in files["leaderboards/general.md"]
    assert "Zeta 1 Big" in files["benchmarks/mmlu.md"]
    assert "Zeta 1 Small" in section(files["hardware/index.md"], "ram-8-gb")  # 9B, measured at 5.9 GB
    assert "Zeta 1 Small" in files["best/coding-locally.md"]
    assert "Zeta 1 Small" in files["best/under-8-gb.md"]
    assert "**2026-11-02** — [Zeta 1](../families/zeta-1.md) family" in section(files["releases/index.md"], "y2026")
    assert "[Zeta 1 Small](models/zeta-1-small.md)" in section(files["index.md"], "latest")
    assert "provider-openrouter" in files["pricing/index.md"] and "$0.60" in section(
        files["pricing/index.md"], "families"
    )
    assert "[Zeta 1](zeta-1.md)" in files["families/index.md"]
    assert "Gemma 4 vs Zeta 1" in files["compare/index.md"]
    assert "Zeta 1" in files["matchups/index.md"]


def test_without_rankings_file_there_are_no_ranking_pages(project: Path) -> None:
    (project / "data" / "rankings.yaml").unlink()
    files = render_site(load_catalog(project))
    assert not [p for p in files if p.startswith("best/") and p != "best/index.md"]
    assert "No model in the data qualifies for a ranking yet." in files["best/index.md"].decode()


def test_rankings_file_errors_point_at_the_line(project: Path, edit: Edit) -> None:
    edit("data/rankings.yaml", "rank_by: [humaneval, mbpp]", "rank_by: [humaneval, mbppp]")
    with pytest.raises(DataErrors) as caught:
        validate(project / "data", project, TODAY)
    (message,) = [str(e) for e in caught.value.errors]
    lines = (project / "data/rankings.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "mbppp" in text)
    assert message.startswith(f"data/rankings.yaml:{line}:")
    assert "no benchmark has the id 'mbppp'; did you mean 'mbpp'?" in message


def test_rankings_file_rejects_unknown_fields(project: Path, edit: Edit) -> None:
    edit("data/rankings.yaml", "    local: true\n", "    locl: true\n")
    with pytest.raises(DataErrors) as caught:
        validate(project / "data", project, TODAY)
    assert "unknown field 'locl'; did you mean 'local'?" in str(caught.value)


def test_every_page_is_reachable_from_the_home_page(pages: dict[str, str]) -> None:
    """The nav lists section indexes only, so every other page must be reached through links."""
    import posixpath

    seen, queue = {"index.md"}, ["index.md"]
    while queue:
        current = queue.pop()
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", pages[current]):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(current), target))
            if path in pages and path not in seen:
                seen.add(path)
                queue.append(path)
    generated = {p for p in pages if p not in ("data-quality.md", "data-and-methods.md")}  # in the nav
    assert generated - seen == set()


PAIRED = """id: {fid}
name: {name}
maker: google
models:
  - id: {fid}-m
    name: {name} M
    scores:
      - {{benchmark: mmlu, value: {first}, variant: instruct, shots: 0, source: {fid}-s, quote: "MMLU {first}"}}
      - {{benchmark: mmlu, value: {second}, variant: base, shots: 5, source: {fid}-s, quote: "MMLU {second}"}}
sources:
  - {{id: {fid}-s, title: Synthetic pairing test, kind: article}}
"""


def test_matchup_compares_the_scores_measured_in_the_same_setting(project: Path) -> None:
    from generator.derive import matchup

    data = project / "data/families"
    (data / "pair-x.yaml").write_text(PAIRED.format(fid="pair-x", name="Pair X", first=90, second=60), encoding="utf-8")
    # Pair Y lists its base score first: the first scores would be 90 (instruct) vs 70 (base)
    text = PAIRED.format(fid="pair-y", name="Pair Y", first=70, second=50).replace("variant: instruct, shots: 0", "TMP")
    text = text.replace("variant: base, shots: 5", "variant: instruct, shots: 0").replace(
        "TMP", "variant: base, shots: 5"
    )
    (data / "pair-y.yaml").write_text(text, encoding="utf-8")
    catalog = load_catalog(project)
    facts = matchup.describe(catalog, matchup.pick_for(catalog, "pair-x", "pair-y").models)  # type: ignore[union-attr]
    # Both report both settings: a row per shared setting, each comparing like with like.
    rows = {provenance.setting_label(catalog, r.scores[0]): r for r in facts.scores}
    assert set(rows) == {"instruct, 0-shot", "base, 5-shot"}
    for label, row in rows.items():
        assert row.comparable and {provenance.setting_label(catalog, s) for s in row.scores} == {label}
    instruct, base = rows["instruct, 0-shot"], rows["base, 5-shot"]
    assert (instruct.scores[0].value, instruct.scores[1].value, instruct.winner) == (90, 50, 0)
    assert (base.scores[0].value, base.scores[1].value, base.winner) == (60, 70, 1)
    assert facts.verdict.compared == 2 and facts.verdict.wins == (1, 1) and facts.verdict.kind == "even"
